"""Merge page metadata with the text evidence: :func:`merge_metadata`.

The HTML front end builds an :class:`~copydesk.Article` from the page's
visible text (title from the heading, authors from the byline, a date line)
and reads the page's metadata separately (:func:`copydesk._html.meta.extract_metadata`).
This module settles each field, in the order documented in
``docs/html-metadata.rst``:

- **title**: the visible headline when a metadata title agrees with it
  (shares most of its words, or is it plus a site name) or when it is the
  page's main heading; otherwise the metadata title (JSON-LD ``headline`` >
  ``og:title`` > other meta > microdata > ``<title>``). A site-name prefix
  or suffix is removed.
- **authors**: the persons of the visible byline, checked against the
  metadata's; else a byline line beside the main heading or before the
  body; else the metadata persons (JSON-LD > ``article:author`` > other
  meta > microdata > ``rel=author``). Organisations (publisher, an
  Organization author, a name matching the site or its host, an agency)
  never become authors.
- **published** / **updated**: JSON-LD > ``article:*`` > other meta >
  microdata > ``<time>`` > visible text > URL
  (:func:`~copydesk._html.evidence.resolve_time`); a
  metadata time is kept as stated unless the visible date is two or more
  days away, when a metadata time on the visible day wins. ``updated`` is
  kept only when it is later than ``published``.
- **url**: the canonical address (``<link rel=canonical>``, ``og:url``),
  else the given one;
- **site_name**, **description**, **tags**, **image**, **language**:
  metadata fills what the text left empty (the language detected in the
  text beats a template's ``<html lang>``).

Every field set records its source in ``Article.provenance``.

The candidates come in a :class:`~copydesk._html.evidence.PageEvidence`;
the readers of date lines, bylines and site names are shared with the
metadata reader (:mod:`copydesk._html.readers`). The title, the authors and
the times are settled in :mod:`.merge_title`, :mod:`.merge_people` and
:mod:`.merge_times`; this module applies them and fills the other fields.
"""

from __future__ import annotations

import attrs

from .._config import ParseConfig
from .._model import Article, TimeSource
from .evidence import MetaSource, PageEvidence, resolve_time
from .merge_people import resolve_authors
from .merge_times import later, masthead_date, visible_date
from .merge_title import resolve_title


def merge_metadata(article: Article, metadata: PageEvidence, *, config: ParseConfig) -> Article:
    """Fill and settle the article's fields from the page's evidence.

    ``metadata`` is what :func:`~copydesk._html.meta.extract_metadata`
    returns: the title, authors and times are settled from its candidates
    (``title_candidates``, ``published_candidates``, ...), not from its
    single chosen values. Never raises on the content of either argument.

    >>> from copydesk._model import Article, Timestamp, TimeSource
    >>> from copydesk import ParseConfig
    >>> from copydesk._html.evidence import DateCandidate, TextCandidate
    >>> article = Article(title="Storm hits coast", authors=("Jane Doe",),
    ...                   provenance={"title": "html", "authors": "text"})
    >>> published = Timestamp(raw="2021-03-04T10:00+01:00", year=2021, month=3, day=4, hour=10,
    ...                       minute=0, utc_offset=60, source=TimeSource.JSON_LD)
    >>> meta = PageEvidence(
    ...     title="Storm hits the coast", authors=("Daily Example",), site_name="Daily Example",
    ...     provenance={"authors": "json_ld", "site_name": "opengraph"},
    ...     title_candidates=(TextCandidate("Storm hits the coast", "json_ld", "headline", 10),),
    ...     published_candidates=(DateCandidate(published, "json_ld", "datePublished", 10),))
    >>> merged = merge_metadata(article, meta, config=ParseConfig())
    >>> merged.title, merged.authors, merged.site_name
    ('Storm hits coast', ('Jane Doe',), 'Daily Example')
    >>> merged.published.isoformat(), merged.source_of("published")
    ('2021-03-04T10:00+01:00', 'json_ld')
    """
    provenance = dict(article.provenance)
    changes: dict[str, object] = {}

    title, title_source = resolve_title(article, metadata)
    if title is not None and title != article.title:
        changes["title"] = title
    if title is not None and title_source:
        provenance["title"] = title_source

    authors, authors_source = resolve_authors(article, metadata)
    if authors != article.authors:
        changes["authors"] = authors
    if authors and authors_source:
        provenance["authors"] = authors_source
    elif not authors:
        provenance.pop("authors", None)

    text_date = visible_date(article, metadata, config)
    published = resolve_time(metadata.published_candidates, text_date)
    if published is not None:
        stamp, source = published
        if stamp != article.published:
            changes["published"] = stamp
        provenance["published"] = source.value
    elif article.published is not None and article.published.source is TimeSource.TEXT and masthead_date(
        article, metadata
    ):
        # The text's date sits under the site's name (today's date in a masthead), not the article's.
        changes["published"] = None
        provenance.pop("published", None)
    updated = resolve_time(metadata.updated_candidates, None)
    if updated is not None and article.updated is None:
        stamp, source = updated
        final_published = published[0] if published is not None else None
        if later(stamp, final_published):
            changes["updated"] = stamp
            provenance["updated"] = source.value

    url_source = metadata.provenance.get("url", MetaSource.GIVEN.value)
    if metadata.url and url_source in _PAGE_URL_SOURCES and metadata.url != article.url:
        # The page's own canonical address beats the address it was fetched
        # from (tracking parameters, mobile or AMP variants).
        changes["url"] = metadata.url
        provenance["url"] = url_source
    elif article.url and "url" not in provenance:
        provenance["url"] = MetaSource.GIVEN.value
    for field in ("url", "site_name", "description", "image", "language"):
        value = getattr(metadata, field)
        if value and not getattr(article, field) and field not in changes:
            changes[field] = value
            provenance[field] = metadata.provenance.get(field, MetaSource.HTML.value)
    if metadata.tags and not article.tags:
        changes["tags"] = metadata.tags
        provenance["tags"] = metadata.provenance.get("tags", MetaSource.META.value)
    if metadata.diagnostics:
        changes["diagnostics"] = article.diagnostics + tuple(
            d for d in metadata.diagnostics if d not in article.diagnostics
        )
    changes["provenance"] = provenance
    return attrs.evolve(article, **changes)  # type: ignore[arg-type]


#: Sources of an address the page gives itself (``<link rel=canonical>``, ``og:url``).
_PAGE_URL_SOURCES = (MetaSource.HTML.value, MetaSource.OPENGRAPH.value)
