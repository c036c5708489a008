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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from .._classify.source import PageMetadata
from .._config import ParseConfig
from .._lexicon.dates import parse_timestamp
from .._lexicon.machine_dates import parse_machine_timestamp, url_timestamp
from .._lexicon.names import person_names
from .._model import Diagnostic, Timestamp
from .evidence import DateCandidate, MetaSource, PageEvidence, TextCandidate, resolve_time
from .jsonld import JsonLdView, clean_value, is_url_like, jsonld_image, jsonld_people, load_json_ld
from .readers import BODY_TEXT, byline_in_lines, date_in_lines, is_site_name, strip_site_name, titles_agree

# -- source tables -------------------------------------------------------------
#
# Which <meta> names feed which field, with their source and their tier inside
# the source's rank band (rank = source.rank + tier; see MetaSource).

_JSON_LD = MetaSource.JSON_LD
_OG = MetaSource.OPENGRAPH
_META = MetaSource.META

#: Tier of the JSON-LD WebPage node's values (after the article node's).
_PAGE_NODE = 5
#: A JSON-LD image ranks after ``og:image`` and before ``twitter:image`` (the documented order).
_JSON_LD_IMAGE_RANK = _OG.rank + 5

_PUBLISHED_KEYS: dict[str, tuple[MetaSource, int]] = {
    "article:published_time": (_OG, 0),
    "og:published_time": (_OG, 1),
    "og:article:published_time": (_OG, 1),
    "article:published": (_OG, 2),
    "published_time": (_OG, 3),
    "datepublished": (_META, 0),
    "dcterms.issued": (_META, 0),
    "dcterms.date": (_META, 1),
    "dc.date.issued": (_META, 0),
    "dc.date": (_META, 1),
    "dcterms.created": (_META, 2),
    "dc.date.created": (_META, 2),
    "citation_publication_date": (_META, 1),
    "citation_date": (_META, 2),
    "citation_online_date": (_META, 2),
    "parsely-pub-date": (_META, 1),
    "sailthru.date": (_META, 2),
    "pubdate": (_META, 2),
    "publishdate": (_META, 2),
    "publish-date": (_META, 2),
    "publish_date": (_META, 2),
    "published-date": (_META, 2),
    "published_date": (_META, 2),
    "publication_date": (_META, 2),
    "date_published": (_META, 2),
    "pub_date": (_META, 2),
    "article.published": (_META, 2),
    "article_date_original": (_META, 2),
    "original-publish-date": (_META, 2),
    "rnews:datepublished": (_META, 2),
    "bt:pubdate": (_META, 3),
    "date": (_META, 4),
    "cxenseparse:recs:publishtime": (_META, 4),
    "shareaholic:article_published_time": (_META, 4),
    "datecreated": (_META, 5),
}

_UPDATED_KEYS: dict[str, tuple[MetaSource, int]] = {
    "article:modified_time": (_OG, 0),
    "og:updated_time": (_OG, 1),
    "article:modified": (_OG, 2),
    "og:article:modified_time": (_OG, 1),
    "datemodified": (_META, 0),
    "dcterms.modified": (_META, 0),
    "dc.date.modified": (_META, 0),
    "lastmod": (_META, 2),
    "last-modified": (_META, 4),
    "article.updated": (_META, 2),
    "sailthru.lastmodified": (_META, 3),
    "shareaholic:article_modified_time": (_META, 4),
}

_TITLE_KEYS: dict[str, tuple[MetaSource, int]] = {
    "og:title": (_OG, 0),
    "twitter:title": (_META, 0),
    "dc.title": (_META, 1),
    "dcterms.title": (_META, 1),
    "citation_title": (_META, 1),
    "parsely-title": (_META, 2),
    "sailthru.title": (_META, 3),
    "headline": (_META, 4),
    "title": (_META, 5),
}

_AUTHOR_KEYS: dict[str, tuple[MetaSource, int]] = {
    "article:author": (_OG, 0),
    "og:article:author": (_OG, 0),
    "author": (_META, 0),
    "byl": (_META, 0),
    "dc.creator": (_META, 1),
    "dcterms.creator": (_META, 1),
    "citation_author": (_META, 1),
    "parsely-author": (_META, 2),
    "sailthru.author": (_META, 2),
    "article.author": (_META, 3),
    "dc.contributor": (_META, 4),
}

_DESCRIPTION_KEYS: dict[str, tuple[MetaSource, int]] = {
    "og:description": (_OG, 0),
    "description": (_META, 0),
    "twitter:description": (_META, 1),
    "dc.description": (_META, 2),
    "dcterms.description": (_META, 2),
}

_IMAGE_KEYS: dict[str, tuple[MetaSource, int]] = {
    "og:image": (_OG, 0),
    "og:image:url": (_OG, 0),
    "og:image:secure_url": (_OG, 1),
    "twitter:image": (_META, 0),
    "twitter:image:src": (_META, 0),
    "thumbnail": (_META, 2),
}

_TAG_KEYS = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
_SECTION_KEYS = ("article:section", "parsely-section", "section", "category")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_LANGUAGE_KEYS = ("og:locale", "content-language", "dc.language", "dcterms.language", "language")

#: Longest text kept from any single metadata value.
_MAX_VALUE = 2000

# -- the walk --------------------------------------------------------------------


class _Collected:
    """What the walk over the tree found (mutable while walking)."""

    __slots__ = (
        "canonical",
        "diagnostics",
        "headings",
        "html_lang",
        "image_src",
        "json_ld",
        "meta",
        "micro_authors",
        "microdata",
        "rel_authors",
        "times",
        "title_tag",
    )

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}
        self.microdata: dict[str, list[str]] = {}
        self.micro_authors: list[str] = []
        self.json_ld: list[Any] = []
        self.canonical: str | None = None
        self.image_src: str | None = None
        self.rel_authors: list[str] = []
        self.times: list[tuple[str, str, int]] = []  # (value, key, tier in the time_element band)
        self.html_lang: str | None = None
        self.title_tag: str | None = None
        self.headings: list[Tag] = []
        self.diagnostics: list[Diagnostic] = []


def _attr(tag: Tag, name: str) -> str:
    """An attribute as one stripped string ('' when absent)."""
    value = tag.attrs.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()[:_MAX_VALUE]


def _text_of(tag: Tag, limit: int = 300) -> str:
    """The element's text, whitespace collapsed, cut at ``limit``."""
    return " ".join(tag.get_text(" ").split())[:limit]


def _collect(soup: BeautifulSoup | Tag) -> _Collected:
    """Walk the tree once and keep every metadata-bearing element."""
    found = _Collected()
    for el in soup.descendants:
        if type(el) is not Tag:
            continue
        name = el.name
        attrs_ = el.attrs
        if name == "meta":
            _take_meta(el, found)
        elif name == "script":
            kind = _attr(el, "type").lower()
            if "ld+json" in kind:
                text = el.string if el.string is not None else el.get_text()
                values = load_json_ld(str(text))
                if not values and str(text).strip():
                    found.diagnostics.append(
                        Diagnostic("json_ld_unreadable", "a JSON-LD block could not be read; it was skipped")
                    )
                found.json_ld.extend(values)
        elif name == "link":
            rels = [str(r).lower() for r in (attrs_.get("rel") or ())]
            href = _attr(el, "href")
            if href:
                if "canonical" in rels and found.canonical is None:
                    found.canonical = href
                elif "image_src" in rels and found.image_src is None:
                    found.image_src = href
        elif name == "time":
            _take_time(el, found)
        elif name == "title":
            if found.title_tag is None and el.find_parent("svg") is None:
                found.title_tag = _text_of(el, 500)
        elif name in ("h1", "h2", "h3"):
            if len(found.headings) < 12:
                found.headings.append(el)
        elif name == "html":
            lang = _attr(el, "lang") or _attr(el, "xml:lang")
            if lang and found.html_lang is None:
                found.html_lang = lang
        elif name == "a" and "author" in _attr(el, "rel").lower().split():
            text = _text_of(el, 120)
            if text:
                found.rel_authors.append(text)
        if "itemprop" in attrs_ and name not in ("meta", "time"):
            _take_itemprop(el, found)
    return found


def _take_meta(el: Tag, found: _Collected) -> None:
    content = _attr(el, "content")
    if not content:
        return
    keys = [
        _attr(el, "property").lower(),
        _attr(el, "name").lower(),
        _attr(el, "http-equiv").lower(),
    ]
    keyed = False
    for key in keys:
        if key:
            keyed = True
            found.meta.setdefault(key, []).append(content)
    itemprop = _attr(el, "itemprop")
    if itemprop and not keyed:
        for prop in itemprop.split():
            found.microdata.setdefault(prop.lower(), []).append(content)


def _take_time(el: Tag, found: _Collected) -> None:
    """Keep a ``<time>`` element's datetime with a rank saying how clearly it is the publication time."""
    value = _attr(el, "datetime")
    itemprop = _attr(el, "itemprop").lower()
    if itemprop and value:
        found.microdata.setdefault(itemprop, []).append(value)
    if "datemodified" in itemprop or "updated" in _attr(el, "class").lower():
        return
    if not value:
        value = _text_of(el, 120)
        if not value:
            return
    if "pubdate" in el.attrs or "datepublished" in itemprop:
        found.times.append((value, "time[pubdate]", 0))
        return
    # A time inside the article (or its header) counts; one in a sidebar,
    # footer or comment does not.
    for depth, parent in enumerate(el.parents):
        if depth >= 30:
            break
        pname = parent.name
        if pname in ("aside", "footer", "nav"):
            return
        cls = _attr(parent, "class").lower() if isinstance(parent, Tag) else ""
        if "comment" in cls or "related" in cls:
            return
        if pname in ("article", "header", "main"):
            found.times.append((value, f"time in {pname}", 5))
            return
    found.times.append((value, "time", 8))


def _in_comments(el: Tag) -> bool:
    """True when the element sits in a comment thread (its authors are not the article's)."""
    for depth, parent in enumerate(el.parents):
        if depth > 25 or not isinstance(parent, Tag):
            break
        marks = (_attr(parent, "class") + " " + _attr(parent, "id")).lower()
        if "comment" in marks or "reply" in marks:
            return True
    return False


def _take_itemprop(el: Tag, found: _Collected) -> None:
    for prop in _attr(el, "itemprop").lower().split():
        if prop in ("author", "creator"):
            if _in_comments(el):
                continue
            name_el = el.find(itemprop="name")
            if isinstance(name_el, Tag):
                text = _attr(name_el, "content") or _text_of(name_el, 120)
            else:
                text = _attr(el, "content") or _text_of(el, 120)
            if text:
                found.micro_authors.append(text)
        elif prop in ("headline", "datepublished", "datemodified", "datecreated", "inlanguage"):
            value = _attr(el, "content") or _attr(el, "datetime") or _text_of(el, 500)
            if value:
                found.microdata.setdefault(prop, []).append(value)


# -- helpers ---------------------------------------------------------------------


def _timestamp(value: Any, source: MetaSource, config: ParseConfig) -> Timestamp | None:
    """Read a machine timestamp; fall back to human-written text for a few sources."""
    text = clean_value(value, 200)
    kind = source.time_source
    if text is None or kind is None:
        return None
    stamp = parse_machine_timestamp(text, source=kind)
    if stamp is None and not text.isdigit():
        stamp = parse_timestamp(text, source=kind, day_first=config.dates.day_first)
    if stamp is not None and stamp.year < _EARLIEST_YEAR:
        return None  # "0001-01-01": a template's empty date
    return stamp


#: Dates before this year in page metadata are template placeholders.
_EARLIEST_YEAR = 1990


_SPLIT_LIST = re.compile(r"\s*[,;|]\s*")  # one separator with its spaces: linear


def _split_tags(value: str) -> list[str]:
    return [t for t in (p.strip(" #\t") for p in _SPLIT_LIST.split(value)) if t and len(t) <= 100]


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)


# -- the public function ---------------------------------------------------------


def extract_metadata(soup: BeautifulSoup | Tag, *, url: str | None, config: ParseConfig) -> PageMetadata:
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
    found = _collect(soup)
    return _build(found, url=url, config=config)


def _build(found: _Collected, *, url: str | None, config: ParseConfig) -> PageEvidence:
    meta = found.meta
    provenance: dict[str, str] = {}

    # URL first: it anchors the choice of JSON-LD node and relative links.
    page_url, url_source = _page_url(found, url)
    if page_url:
        provenance["url"] = url_source.value
    view = JsonLdView(found.json_ld, page_url or url)
    node = view.article
    page_node = view.page
    parsely = _parsely(meta)

    # Titles.
    titles: list[TextCandidate] = []
    for source_node, rank in ((node, _JSON_LD.rank), (page_node, _JSON_LD.rank + _PAGE_NODE)):
        if source_node is not None:
            for key in ("headline", "name", "alternativeHeadline"):
                text = clean_value(source_node.get(key), 500)
                if text:
                    titles.append(TextCandidate(text, _JSON_LD, key, rank + (key != "headline")))
                    break
    _meta_texts(meta, _TITLE_KEYS, titles, limit=500)
    for value in found.microdata.get("headline", ())[:1]:
        text = clean_value(value, 500)
        if text:
            titles.append(TextCandidate(text, MetaSource.MICRODATA, "itemprop=headline", MetaSource.MICRODATA.rank))
    if found.title_tag:
        titles.append(TextCandidate(found.title_tag, MetaSource.HTML, "title", MetaSource.HTML.rank))
    titles.sort(key=lambda c: c.rank)

    # Site names (needed to clean titles), in the order of _SITE_KEYS, then the publisher.
    site_names: list[tuple[str, MetaSource]] = []
    for key in _SITE_KEYS:
        for value in meta.get(key, ())[:1]:
            text = clean_value(value, 200)
            if text:
                site_names.append((text, _OG if key.startswith("og:") else _META))
    publisher_names: list[str] = []
    for source_node in (node, page_node):
        if source_node is not None:
            _persons, orgs = jsonld_people(view, source_node.get("publisher"))
            orgs.extend(_persons)  # a publisher is never a person here
            publisher_names.extend(orgs)
    for name in publisher_names[:1]:
        site_names.append((name, _JSON_LD))

    site_strings = _dedupe([name for name, _source in site_names])
    title: str | None = None
    if titles:
        title = strip_site_name(titles[0].value, site_strings, page_url or url)
        provenance["title"] = titles[0].source.value
    site_name = site_names[0][0] if site_names else None
    if site_name:
        provenance["site_name"] = site_names[0][1].value

    # People.
    authors: list[str] = []
    organisations: list[str] = list(publisher_names)
    author_source: MetaSource | None = None
    if node is not None:
        persons, orgs = jsonld_people(view, node.get("author") or node.get("creator"))
        organisations.extend(orgs)
        if persons:
            authors, author_source = persons, _JSON_LD
    if not authors:
        for key, (source, _tier) in sorted(_AUTHOR_KEYS.items(), key=lambda kv: kv[1][0].rank + kv[1][1]):
            values = [v for v in (clean_value(x, 200) for x in meta.get(key, ())) if v and not is_url_like(v)]
            if values:
                authors, author_source = values, source
                break
    if not authors and parsely is not None:
        persons, orgs = jsonld_people(view, parsely.get("authors") or parsely.get("author"))
        if persons:
            authors, author_source = persons, _META
    if not authors and found.micro_authors:
        authors, author_source = found.micro_authors[:10], MetaSource.MICRODATA
    if not authors and found.rel_authors:
        authors, author_source = found.rel_authors[:10], MetaSource.HTML
    persons, orgs = person_names(authors, organisations=[*organisations, *site_strings], url=page_url or url)
    organisations.extend(orgs)
    authors = persons
    if authors and author_source:
        provenance["authors"] = author_source.value
    if organisations:
        provenance["organisations"] = _JSON_LD.value

    # Times.
    published = _date_candidates(
        found, node=node, page_node=page_node, parsely=parsely, which="published", config=config
    )
    updated = _date_candidates(found, node=node, page_node=page_node, parsely=parsely, which="updated", config=config)
    url_stamp = url_timestamp(page_url) or url_timestamp(url)
    if url_stamp is not None:
        published.append(DateCandidate(url_stamp, MetaSource.URL, "url", MetaSource.URL.rank))
    published.sort(key=lambda c: c.rank)
    updated.sort(key=lambda c: c.rank)
    published_value = resolve_time(published)
    if published_value is not None:
        provenance["published"] = published_value[1].value
    updated_value = resolve_time(updated)
    if updated_value is not None:
        provenance["updated"] = updated_value[1].value

    # Description, image, tags, section, language.
    descriptions: list[TextCandidate] = []
    jsonld_description = clean_value(node.get("description")) if node is not None else None
    if jsonld_description:
        descriptions.append(TextCandidate(jsonld_description, _JSON_LD, "description", _JSON_LD.rank))
    _meta_texts(meta, _DESCRIPTION_KEYS, descriptions)
    descriptions.sort(key=lambda c: c.rank)
    description = descriptions[0].value if descriptions else None
    if descriptions:
        provenance["description"] = descriptions[0].source.value

    images: list[TextCandidate] = []
    _meta_texts(meta, _IMAGE_KEYS, images)
    if node is not None and jsonld_image(node.get("image")):
        images.append(TextCandidate(str(jsonld_image(node.get("image"))), _JSON_LD, "image", _JSON_LD_IMAGE_RANK))
    if found.image_src:
        images.append(TextCandidate(found.image_src, MetaSource.HTML, "link[rel=image_src]", MetaSource.HTML.rank))
    images.sort(key=lambda c: c.rank)
    image = _absolute(images[0].value, page_url or url) if images else None
    if image:
        provenance["image"] = images[0].source.value

    tags, tags_source = _tags(node, meta, parsely)
    if tags:
        provenance["tags"] = tags_source.value

    section: str | None = None
    if node is not None:
        raw_section = node.get("articleSection")
        if isinstance(raw_section, list):
            raw_section = raw_section[0] if raw_section else None
        section = clean_value(raw_section, 200)
        if section:
            provenance["section"] = _JSON_LD.value
    if section is None:
        for key in _SECTION_KEYS:
            section = clean_value(_first(meta, key), 200)
            if section:
                provenance["section"] = (_OG if key.startswith("article:") else _META).value
                break

    language, language_source = _language(found, node)
    if language:
        provenance["language"] = language_source.value

    title_texts = [title] if title else []
    title_texts.extend(c.value for c in titles[:3])
    heading, near, marked = _heading_context(found.headings, title_texts, site_strings, page_url or url)
    visible_date = date_in_lines(near, config)
    known_orgs = [*organisations, *site_strings]
    visible_authors = byline_in_lines(near[_NEAR_BEFORE:], organisations=known_orgs, url=page_url or url)
    if not visible_authors and marked:
        # A name in an element marked as the author: at least two words (a
        # lone "By" or a place in a mis-marked element is no byline).
        persons = person_names(marked[:3], organisations=known_orgs, url=page_url or url)[0]
        visible_authors = [p for p in persons if len(p.split()) >= 2]

    return PageEvidence(
        title=title,
        description=description,
        authors=_dedupe(authors),
        organisations=_dedupe(organisations),
        published=published_value[0] if published_value else None,
        updated=updated_value[0] if updated_value else None,
        site_name=site_name,
        language=language,
        url=page_url,
        tags=tags,
        image=image,
        section=section,
        provenance=provenance,
        diagnostics=tuple(found.diagnostics),
        title_candidates=tuple(titles),
        published_candidates=tuple(published),
        updated_candidates=tuple(updated),
        site_names=site_strings,
        visible_date=visible_date,
        visible_authors=tuple(visible_authors),
        heading=heading,
    )


def _heading_context(
    headings: Sequence[Tag], titles: Sequence[str], site_names: Sequence[str], url: str | None
) -> tuple[str | None, list[str], list[str]]:
    """The main heading's text, the visible strings around it (a few before, more after),
    and those of them the markup marks as the author (``class="author"``, ``byline``).

    The main heading is the ``<h1>`` that agrees with a metadata title, else
    an ``<h2>``/``<h3>`` that does, else the first ``<h1>`` that reads like a
    headline; a heading that is only the site's name is never it (the date
    beside a logo is today's date). The strings stop where the body starts.
    """
    headings = [h for h in headings if not is_site_name(_text_of(h, 200), site_names, url)]
    titles = [t for t in titles if not is_site_name(t, site_names, url)]
    chosen: Tag | None = None
    # An h1 that agrees with a metadata title, then an h2/h3 that does (a blog
    # whose h1 is the blog's name), then the first h1 that reads like a headline.
    ordered = sorted(headings, key=lambda h: h.name != "h1")
    for heading in ordered:
        text = _text_of(heading, 500)
        if any(titles_agree(text, title) for title in titles):
            chosen = heading
            break
    if chosen is None:
        chosen = next((h for h in headings if h.name == "h1" and len(_text_of(h, 500)) >= 12), None)
    if chosen is None:
        return None, [], []
    heading_text = _text_of(chosen, 500) or None
    marked: list[str] = []
    strings: list[str] = []
    for value in _strings(chosen.previous_elements, _NEAR_BEFORE * 3):
        text = _visible_string(value)
        if text and len(strings) < _NEAR_BEFORE:
            strings.insert(0, text)
    while len(strings) < _NEAR_BEFORE:
        strings.insert(0, "")  # keep the heading's position fixed for the callers
    long_strings = 0
    for value in _strings(chosen.next_elements, _NEAR_AFTER * 3):
        text = _visible_string(value)
        if len(text) > BODY_TEXT:
            long_strings += 1
            if long_strings > 1:
                break  # the body has started (past a standfirst): later dates are not the article's
        if text and text != heading_text and len(strings) < _NEAR_BEFORE + _NEAR_AFTER:
            strings.append(text)
            if len(text) <= 120 and _marked_as_author(value):
                marked.append(text)
    return heading_text, strings, marked


def _marked_as_author(value: Any) -> bool:
    """True when the text node's element (or its parent) is marked as the byline or author name."""
    element = getattr(value, "parent", None)
    for _ in range(2):
        if not isinstance(element, Tag):
            return False
        marks = f"{_attr(element, 'class')} {_attr(element, 'itemprop')} {_attr(element, 'rel')}".lower()
        if ("author" in marks or "byline" in marks) and "bio" not in marks and "avatar" not in marks:
            return True
        element = element.parent
    return False


def _strings(elements: Iterable[Any], limit: int) -> Iterator[NavigableString]:
    """The first ``limit`` text nodes among ``elements`` (comments and doctypes left out)."""
    count = 0
    for element in elements:
        if type(element) is NavigableString:
            yield element
            count += 1
            if count >= limit:
                return


def _visible_string(value: Any) -> str:
    """A text node's text, whitespace collapsed; '' inside scripts and styles."""
    parent = getattr(value, "parent", None)
    if parent is not None and parent.name in ("script", "style", "noscript", "template"):
        return ""
    return " ".join(str(value).split())


#: Visible strings read before and after the main heading when looking for its date.
_NEAR_BEFORE = 3
_NEAR_AFTER = 12


def _meta_texts(
    meta: dict[str, list[str]],
    keys: dict[str, tuple[MetaSource, int]],
    out: list[TextCandidate],
    limit: int = _MAX_VALUE,
) -> None:
    """Add a candidate for the first value of each of ``keys`` found in ``meta``."""
    for key, (source, tier) in keys.items():
        for value in meta.get(key, ())[:1]:
            text = clean_value(value, limit)
            if text:
                out.append(TextCandidate(text, source, key, source.rank + tier))


def _parsely(meta: dict[str, list[str]]) -> dict[str, Any] | None:
    """The JSON of ``parsely-page`` / ``parsely-metadata``, when readable."""
    for key in ("parsely-page", "parsely-metadata"):
        for value in meta.get(key, ())[:1]:
            for loaded in load_json_ld(value):
                if isinstance(loaded, dict):
                    return loaded
    return None


def _date_candidates(
    found: _Collected,
    *,
    node: dict[str, Any] | None,
    page_node: dict[str, Any] | None,
    parsely: dict[str, Any] | None,
    which: str,
    config: ParseConfig,
) -> list[DateCandidate]:
    """Every time offered for ``which`` ("published" or "updated"), with its source and rank."""
    meta = found.meta
    out: list[DateCandidate] = []

    def add(value: Any, source: MetaSource, key: str, rank: int) -> None:
        stamp = _timestamp(value, source, config)
        if stamp is not None:
            out.append(DateCandidate(stamp, source, key, rank))

    jsonld_keys = ("datePublished", "dateCreated") if which == "published" else ("dateModified",)
    for source_node, base in ((node, _JSON_LD.rank), (page_node, _JSON_LD.rank + _PAGE_NODE)):
        if source_node is not None:
            for i, key in enumerate(jsonld_keys):
                value = source_node.get(key)
                if value:
                    add(value, _JSON_LD, key, base + 2 * i)
    table = _PUBLISHED_KEYS if which == "published" else _UPDATED_KEYS
    for key, (source, tier) in table.items():
        for value in meta.get(key, ())[:1]:
            add(value, source, key, source.rank + tier)
    if parsely is not None:
        key = "pub_date" if which == "published" else "update_date"
        if parsely.get(key):
            add(parsely.get(key), _META, f"parsely.{key}", _META.rank + 1)
    micro_keys = ("datepublished", "datecreated") if which == "published" else ("datemodified",)
    for i, key in enumerate(micro_keys):
        for value in found.microdata.get(key, ())[:1]:
            add(value, MetaSource.MICRODATA, f"itemprop={key}", MetaSource.MICRODATA.rank + i)
    if which == "published":
        for value, key, tier in found.times[:3]:
            add(value, MetaSource.TIME_ELEMENT, key, MetaSource.TIME_ELEMENT.rank + tier)
    return out


def _tags(
    node: dict[str, Any] | None, meta: dict[str, list[str]], parsely: dict[str, Any] | None
) -> tuple[tuple[str, ...], MetaSource]:
    """Tags from ``article:tag`` and keyword metas, JSON-LD ``keywords`` and parsely, with the first source."""
    values: list[str] = []
    source: MetaSource | None = None
    for key in _TAG_KEYS:
        for value in meta.get(key, ()):
            split = _split_tags(value) if key != "article:tag" else [value.strip()]
            if split and source is None:
                source = _OG if key.startswith("article:") else _META
            values.extend(split)
    if node is not None:
        raw = node.get("keywords")
        items = raw if isinstance(raw, list) else [raw]
        for item in items:
            if isinstance(item, str):
                split = _split_tags(item)
                if split and source is None:
                    source = _JSON_LD
                values.extend(split)
    if parsely is not None and isinstance(parsely.get("tags"), list):
        for item in parsely["tags"]:
            if isinstance(item, str) and item.strip():
                values.append(item.strip())
                source = source or _META
    return _dedupe(values)[:50], source or _META


def _page_url(found: _Collected, url: str | None) -> tuple[str | None, MetaSource]:
    """The canonical URL (absolute), else og:url, else the given URL."""
    for value, source in ((found.canonical, MetaSource.HTML), (_first(found.meta, "og:url"), _OG)):
        if not value:
            continue
        absolute = _absolute(value, url)
        if absolute is None or not absolute.startswith(("http://", "https://")):
            continue
        # A canonical pointing at the home page while the page has a deeper
        # address is a template mistake; keep the given address then.
        if url and urlsplit(absolute).path in ("", "/") and urlsplit(url).path not in ("", "/"):
            continue
        return absolute, source
    return url, MetaSource.GIVEN


def _absolute(value: str, base: str | None) -> str | None:
    value = value.strip()
    if not value:
        return None
    if value.startswith("//"):
        return "https:" + value
    if base and not value.startswith(("http://", "https://")):
        try:
            return urljoin(base, value)
        except ValueError:
            return value
    return value


def _first(meta: dict[str, list[str]], key: str) -> str | None:
    values = meta.get(key)
    return values[0] if values else None


# A language tag: 2-3 letters, optional region or script parts.
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))?")


def normalise_language(value: str | None) -> str | None:
    """A BCP 47-style tag (``en``, ``pt-BR``) from ``en_US``-like text, or None.

    >>> normalise_language("en_us"), normalise_language("pt-BR"), normalise_language("*")
    ('en-US', 'pt-BR', None)
    """
    if not value:
        return None
    match = _LANG.match(value.strip())
    if match is None:
        return None
    primary = match.group(1).lower()
    region = match.group(2)
    if region is None:
        return primary
    if len(region) == 2 or region.isdigit():
        return f"{primary}-{region.upper()}"
    return f"{primary}-{region.title()}"


def _language(found: _Collected, node: dict[str, Any] | None) -> tuple[str | None, MetaSource]:
    """The page's language tag: ``<html lang>``, then language metas, then JSON-LD ``inLanguage``."""
    candidates: list[tuple[str | None, MetaSource]] = [(found.html_lang, MetaSource.HTML)]
    for key in _LANGUAGE_KEYS:
        candidates.append((_first(found.meta, key), _OG if key.startswith("og:") else _META))
    if node is not None:
        raw = node.get("inLanguage")
        candidates.append((raw if isinstance(raw, str) else None, _JSON_LD))
    for value, source in candidates:
        tag = normalise_language(value)
        if tag:
            return tag, source
    return None, MetaSource.HTML


