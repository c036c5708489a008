"""Page metadata from an HTML page: :func:`extract_metadata`.

Sources, read in one walk over the tree:

- JSON-LD (``<script type="application/ld+json">``): article nodes
  (NewsArticle, Article, BlogPosting, ReportageNewsArticle, ...) anywhere in
  top-level lists or ``@graph``, with their ``author``/``publisher`` objects,
  ``@id`` references into the graph, and a WebPage node as a fallback;
- OpenGraph (``og:*``) and ``article:*`` properties;
- other ``<meta>`` names: Dublin Core (``dc.*``, ``dcterms.*``), ``author``,
  ``date``, ``pubdate``, ``sailthru.*``, ``parsely-*`` (and the
  ``parsely-page``/``parsely-metadata`` JSON), ``citation_*``, ``byl``,
  Twitter cards, ``keywords``/``news_keywords``, ``description``;
- microdata ``itemprop`` (headline, datePublished, dateModified, author);
- ``<time datetime>`` (``pubdate``, ``itemprop`` or inside the article);
- ``rel=author`` links, ``<link rel=canonical>``, ``<html lang>``,
  ``<title>``;
- the visible strings around the page's main heading (a date line, a "By"
  line, an element marked as the author);
- a date in the URL path.

Every field records its source in :attr:`PageMetadata.provenance`. The
value chosen per field follows the order in ``docs/html-metadata.rst``; the
other candidates are kept (:class:`~copydesk._html.evidence.PageEvidence`) so
that :func:`copydesk._html.merge.merge_metadata` can settle conflicts with
the page's visible text.

This module puts the reader together; the parts live in
:mod:`.meta_collect` (the walk), :mod:`.meta_fields` (one reader per field),
:mod:`.meta_times` (published and updated) and :mod:`.meta_heading` (the
visible text around the main heading).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .._config import ParseConfig
from .evidence import MetaSource, PageEvidence, resolve_time
from .meta_collect import Collected, collect, not_author_texts, page_sources
from .meta_fields import (
    dedupe,
    description,
    image,
    language,
    page_address,
    section,
    site_names,
    tags,
    title_candidates,
)
from .meta_heading import visible_evidence
from .meta_people import people
from .meta_times import time_candidates
from .readers import strip_site_name


def extract_metadata(soup: BeautifulSoup | Tag, *, url: str | None, config: ParseConfig) -> PageEvidence:
    """Read the page's metadata (JSON-LD, OpenGraph, meta tags, microdata, ``<time>``, URL).

    ``url`` is where the page was fetched from (used to resolve relative
    links and as a last source of the date). Never raises on the page's
    content; a JSON-LD block that cannot be read adds a diagnostic.

    >>> from bs4 import BeautifulSoup
    >>> from copydesk import ParseConfig
    >>> page = '''<html lang="en"><head>
    ... <meta property="og:title" content="Storm hits coast | Daily Example">
    ... <meta property="og:site_name" content="Daily Example">
    ... <meta property="article:published_time" content="2021-03-04T10:00:00+01:00">
    ... <script type="application/ld+json">{"@type": "NewsArticle",
    ...   "author": [{"@type": "Person", "name": "Jane Doe"}],
    ...   "publisher": {"@type": "Organization", "name": "Daily Example"}}</script>
    ... </head><body></body></html>'''
    >>> meta = extract_metadata(BeautifulSoup(page, "lxml"), url=None, config=ParseConfig())
    >>> meta.title, meta.authors, meta.organisations, meta.language
    ('Storm hits coast', ('Jane Doe',), ('Daily Example',), 'en')
    >>> meta.published.isoformat(), meta.provenance["published"]
    ('2021-03-04T10:00:00+01:00', 'opengraph')
    """
    if not config.html.read_metadata:
        return PageEvidence(url=url, provenance={"url": MetaSource.GIVEN.value} if url else {})
    found = collect(soup)
    return _build(found, url=url, config=config)


def _build(found: Collected, *, url: str | None, config: ParseConfig) -> PageEvidence:
    """Read every field from what the walk collected; record each field's source."""
    provenance: dict[str, str] = {}

    def note(field: str, value: object, source: MetaSource | None) -> None:
        """Record ``field``'s source when it has a value."""
        if value and source is not None:
            provenance[field] = source.value

    # The address first: it anchors the choice of JSON-LD node and relative links.
    page_url, url_source = page_address(found, url)
    note("url", page_url, url_source)
    sources = page_sources(found, page_url or url)
    address = sources.address

    titles = title_candidates(sources)
    sites = site_names(sources)
    site_strings = sites.strings
    title = strip_site_name(titles[0].value, site_strings, address) if titles else None
    if titles:
        provenance["title"] = titles[0].source.value
    site_name, site_source = sites.names[0] if sites.names else (None, None)
    note("site_name", site_name, site_source)

    persons = people(sources, sites)
    note("authors", persons.authors, persons.source)
    note("organisations", persons.organisations, MetaSource.JSON_LD)

    published, updated = time_candidates(sources, page_url=page_url, url=url, config=config)
    published_value = resolve_time(published)
    updated_value = resolve_time(updated)
    note("published", published_value, published_value[1] if published_value else None)
    note("updated", updated_value, updated_value[1] if updated_value else None)

    description_value, description_source = description(sources)
    note("description", description_value, description_source)
    image_value, image_source = image(sources)
    note("image", image_value, image_source)
    tag_values, tags_source = tags(sources)
    note("tags", tag_values, tags_source)
    section_value, section_source = section(sources)
    note("section", section_value, section_source)
    language_value, language_source = language(sources)
    note("language", language_value, language_source)

    title_texts = [title] if title else []
    title_texts.extend(c.value for c in titles[:3])
    visible = visible_evidence(
        found.headings,
        title_texts,
        site_names=site_strings,
        organisations=persons.organisations,
        url=address,
        config=config,
    )

    return PageEvidence(
        title=title,
        description=description_value,
        authors=dedupe(persons.authors),
        organisations=dedupe(persons.organisations),
        published=published_value[0] if published_value else None,
        updated=updated_value[0] if updated_value else None,
        site_name=site_name,
        language=language_value,
        url=page_url,
        tags=tag_values,
        image=image_value,
        section=section_value,
        provenance=provenance,
        diagnostics=tuple(found.diagnostics),
        title_candidates=tuple(titles),
        published_candidates=tuple(published),
        updated_candidates=tuple(updated),
        site_names=site_strings,
        visible_date=visible.date,
        visible_authors=visible.authors,
        heading=visible.heading,
        not_author_texts=not_author_texts(found),
    )
