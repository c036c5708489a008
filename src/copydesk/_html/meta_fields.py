"""The page's fields other than times, read from the collected metadata.

One reader per field, each giving its value (or candidates) and the
:class:`~copydesk._html.evidence.MetaSource` it came from, in the order
documented in ``docs/html-metadata.rst``: the page's address
(:func:`page_address`), titles (:func:`title_candidates`), site names
(:func:`site_names`), authors and organisations (:func:`people`),
:func:`description`, :func:`image`, :func:`tags`, :func:`section` and
:func:`language`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

import attrs

from .._lexicon.language import primary_language
from .._lexicon.names import person_names
from .evidence import MetaSource, TextCandidate
from .jsonld import clean_value, is_url_like, jsonld_image, jsonld_people
from .meta_collect import MAX_VALUE, PAGE_NODE_TIER, Collected, PageSources, first

_JSON_LD = MetaSource.JSON_LD
_OG = MetaSource.OPENGRAPH
_META = MetaSource.META

# -- source tables -------------------------------------------------------------
#
# Which <meta> names feed which field, with their source and their tier inside
# the source's rank band (rank = source.rank + tier; see MetaSource).

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

#: A JSON-LD image ranks after ``og:image`` and before ``twitter:image`` (the documented order).
_JSON_LD_IMAGE_RANK = _OG.rank + 5

# -- address -------------------------------------------------------------------


def page_address(found: Collected, url: str | None) -> tuple[str | None, MetaSource]:
    """The canonical URL (absolute), else og:url, else the given URL, with its source."""
    for value, source in ((found.canonical, MetaSource.HTML), (first(found.meta, "og:url"), _OG)):
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
    """``value`` as an absolute address (``//host`` gets https; a relative one is joined to ``base``)."""
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


# -- titles and site names -------------------------------------------------------


def title_candidates(sources: PageSources) -> list[TextCandidate]:
    """Every title offered (JSON-LD, title metas, microdata ``headline``, ``<title>``), best first."""
    titles: list[TextCandidate] = []
    page_rank = _JSON_LD.rank + PAGE_NODE_TIER
    for source_node, rank in ((sources.node, _JSON_LD.rank), (sources.page_node, page_rank)):
        if source_node is not None:
            for key in ("headline", "name", "alternativeHeadline"):
                text = clean_value(source_node.get(key), 500)
                if text:
                    titles.append(TextCandidate(text, _JSON_LD, key, rank + (key != "headline")))
                    break
    _meta_texts(sources.meta, _TITLE_KEYS, titles, limit=500)
    for value in sources.found.microdata.get("headline", ())[:1]:
        text = clean_value(value, 500)
        if text:
            titles.append(TextCandidate(text, MetaSource.MICRODATA, "itemprop=headline", MetaSource.MICRODATA.rank))
    if sources.found.title_tag:
        titles.append(TextCandidate(sources.found.title_tag, MetaSource.HTML, "title", MetaSource.HTML.rank))
    titles.sort(key=lambda c: c.rank)
    return titles


@attrs.frozen
class SiteNames:
    """The site's names in the order they are trusted, and the JSON-LD publishers' names."""

    #: (name, source): ``og:site_name``, ``application-name``, ... then the first publisher.
    names: list[tuple[str, MetaSource]]
    #: Every publisher name of the JSON-LD article and page nodes (organisations, never persons).
    publishers: list[str]

    @property
    def strings(self) -> tuple[str, ...]:
        """The names without repeats (case ignored), for stripping " | Site" from titles."""
        return dedupe(name for name, _source in self.names)


def site_names(sources: PageSources) -> SiteNames:
    """The site names a page gives: its site-name metas, then the JSON-LD publisher."""
    names: list[tuple[str, MetaSource]] = []
    for key in _SITE_KEYS:
        for value in sources.meta.get(key, ())[:1]:
            text = clean_value(value, 200)
            if text:
                names.append((text, _OG if key.startswith("og:") else _META))
    publishers: list[str] = []
    for source_node in (sources.node, sources.page_node):
        if source_node is not None:
            persons, orgs = jsonld_people(sources.view, source_node.get("publisher"))
            orgs.extend(persons)  # a publisher is never a person here
            publishers.extend(orgs)
    for name in publishers[:1]:
        names.append((name, _JSON_LD))
    return SiteNames(names, publishers)


# -- people ----------------------------------------------------------------------


@attrs.frozen
class People:
    """The persons named as authors (with the source that named them) and the organisations seen."""

    authors: list[str]
    organisations: list[str]
    source: MetaSource | None


def people(sources: PageSources, sites: SiteNames) -> People:
    """Authors from the first source that names any (JSON-LD, author metas, parsely, microdata,
    ``rel=author``), sorted into persons and organisations; publishers are organisations."""
    found = sources.found
    authors: list[str] = []
    organisations: list[str] = list(sites.publishers)
    source: MetaSource | None = None
    if sources.node is not None:
        persons, orgs = jsonld_people(sources.view, sources.node.get("author") or sources.node.get("creator"))
        organisations.extend(orgs)
        if persons:
            authors, source = persons, _JSON_LD
    if not authors:
        for key, (key_source, _tier) in sorted(_AUTHOR_KEYS.items(), key=lambda kv: kv[1][0].rank + kv[1][1]):
            values = [v for v in (clean_value(x, 200) for x in sources.meta.get(key, ())) if v and not is_url_like(v)]
            if values:
                authors, source = values, key_source
                break
    if not authors and sources.parsely is not None:
        persons, _orgs = jsonld_people(sources.view, sources.parsely.get("authors") or sources.parsely.get("author"))
        if persons:
            authors, source = persons, _META
    if not authors and found.micro_authors:
        authors, source = found.micro_authors[:10], MetaSource.MICRODATA
    if not authors and found.rel_authors:
        authors, source = found.rel_authors[:10], MetaSource.HTML
    persons, orgs = person_names(authors, organisations=[*organisations, *sites.strings], url=sources.address)
    organisations.extend(orgs)
    return People(persons, organisations, source)


# -- description, image, tags, section, language ----------------------------------


def description(sources: PageSources) -> tuple[str | None, MetaSource]:
    """The best-ranked description (JSON-LD, ``og:description``, ``description``, ...) and its source."""
    descriptions: list[TextCandidate] = []
    jsonld_description = clean_value(sources.node.get("description")) if sources.node is not None else None
    if jsonld_description:
        descriptions.append(TextCandidate(jsonld_description, _JSON_LD, "description", _JSON_LD.rank))
    _meta_texts(sources.meta, _DESCRIPTION_KEYS, descriptions)
    descriptions.sort(key=lambda c: c.rank)
    if not descriptions:
        return None, _META
    return descriptions[0].value, descriptions[0].source


def image(sources: PageSources) -> tuple[str | None, MetaSource]:
    """The best-ranked image address, made absolute, and its source."""
    images: list[TextCandidate] = []
    _meta_texts(sources.meta, _IMAGE_KEYS, images)
    jsonld_address = jsonld_image(sources.node.get("image")) if sources.node is not None else None
    if jsonld_address:
        images.append(TextCandidate(jsonld_address, _JSON_LD, "image", _JSON_LD_IMAGE_RANK))
    image_src = sources.found.image_src
    if image_src:
        images.append(TextCandidate(image_src, MetaSource.HTML, "link[rel=image_src]", MetaSource.HTML.rank))
    images.sort(key=lambda c: c.rank)
    if not images:
        return None, _META
    return _absolute(images[0].value, sources.address), images[0].source


def tags(sources: PageSources) -> tuple[tuple[str, ...], MetaSource]:
    """Tags from ``article:tag`` and keyword metas, JSON-LD ``keywords`` and parsely, with the first source."""
    values: list[str] = []
    source: MetaSource | None = None
    for key in _TAG_KEYS:
        for value in sources.meta.get(key, ()):
            split = _split_tags(value) if key != "article:tag" else [value.strip()]
            if split and source is None:
                source = _OG if key.startswith("article:") else _META
            values.extend(split)
    if sources.node is not None:
        raw = sources.node.get("keywords")
        items = raw if isinstance(raw, list) else [raw]
        for item in items:
            if isinstance(item, str):
                split = _split_tags(item)
                if split and source is None:
                    source = _JSON_LD
                values.extend(split)
    parsely = sources.parsely
    if parsely is not None and isinstance(parsely.get("tags"), list):
        for item in parsely["tags"]:
            if isinstance(item, str) and item.strip():
                values.append(item.strip())
                source = source or _META
    return dedupe(values)[:50], source or _META


def section(sources: PageSources) -> tuple[str | None, MetaSource]:
    """The section: JSON-LD ``articleSection``, then the section metas."""
    if sources.node is not None:
        raw_section = sources.node.get("articleSection")
        if isinstance(raw_section, list):
            raw_section = raw_section[0] if raw_section else None
        value = clean_value(raw_section, 200)
        if value is not None:
            return value, _JSON_LD
    for key in _SECTION_KEYS:
        value = clean_value(first(sources.meta, key), 200)
        if value:
            return value, _OG if key.startswith("article:") else _META
    return None, _META


def normalise_language(value: str | None) -> str | None:
    """The one form of a page's language value: its primary subtag ("en-US" -> "en"), or None.

    >>> normalise_language("en_us"), normalise_language("pt-BR"), normalise_language("*")
    ('en', 'pt', None)
    """
    return primary_language(value)


def language(sources: PageSources) -> tuple[str | None, MetaSource]:
    """The page's language tag: ``<html lang>``, then language metas, then JSON-LD ``inLanguage``."""
    found = sources.found
    candidates: list[tuple[str | None, MetaSource]] = [(found.html_lang, MetaSource.HTML)]
    for key in _LANGUAGE_KEYS:
        candidates.append((first(found.meta, key), _OG if key.startswith("og:") else _META))
    if sources.node is not None:
        raw = sources.node.get("inLanguage")
        candidates.append((raw if isinstance(raw, str) else None, _JSON_LD))
    for value, source in candidates:
        tag = normalise_language(value)
        if tag:
            return tag, source
    return None, MetaSource.HTML


# -- helpers -----------------------------------------------------------------------


def _meta_texts(
    meta: dict[str, list[str]],
    keys: dict[str, tuple[MetaSource, int]],
    out: list[TextCandidate],
    limit: int = MAX_VALUE,
) -> None:
    """Add a candidate for the first value of each of ``keys`` found in ``meta``."""
    for key, (source, tier) in keys.items():
        for value in meta.get(key, ())[:1]:
            text = clean_value(value, limit)
            if text:
                out.append(TextCandidate(text, source, key, source.rank + tier))


_SPLIT_LIST = re.compile(r"\s*[,;|]\s*")  # one separator with its spaces: linear


def _split_tags(value: str) -> list[str]:
    """The tags of a comma/semicolon/bar separated list (``#`` marks dropped, over-long ones skipped)."""
    return [t for t in (p.strip(" #\t") for p in _SPLIT_LIST.split(value)) if t and len(t) <= 100]


def dedupe(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` without repeats (case ignored), first spelling kept."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)
