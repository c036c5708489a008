"""Publication and update times offered by a page's metadata, as ranked candidates.

:func:`time_candidates` reads, for ``published`` and ``updated``: JSON-LD
``datePublished``/``dateCreated``/``dateModified`` (article node, then page
node), the OpenGraph and other ``<meta>`` names of the tables below, the
parsely JSON, microdata, ``<time>`` elements (publication only) and a date in
the URL (publication only). Each value is read as a machine timestamp, else
as written text; years before 1990 are template placeholders and dropped.
Candidates come sorted by rank (:class:`~copydesk._html.evidence.MetaSource`).
"""

from __future__ import annotations

from typing import Any

from .._config import ParseConfig
from .._lexicon.dates import parse_timestamp
from .._lexicon.machine_dates import parse_machine_timestamp, url_timestamp
from .._model import Timestamp
from .evidence import DateCandidate, MetaSource
from .jsonld import clean_value
from .meta_collect import PAGE_NODE_TIER, PageSources

_JSON_LD = MetaSource.JSON_LD
_OG = MetaSource.OPENGRAPH
_META = MetaSource.META

# Which <meta> names give which time, with their source and tier in its rank band.

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




def time_candidates(
    sources: PageSources, *, page_url: str | None, url: str | None, config: ParseConfig
) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """The published and the updated candidates, each sorted by rank (a date in the URL counts as published)."""
    published = _date_candidates(sources, which="published", config=config)
    updated = _date_candidates(sources, which="updated", config=config)
    url_stamp = url_timestamp(page_url) or url_timestamp(url)
    if url_stamp is not None:
        published.append(DateCandidate(url_stamp, MetaSource.URL, "url", MetaSource.URL.rank))
    published.sort(key=lambda c: c.rank)
    updated.sort(key=lambda c: c.rank)
    return published, updated


def _date_candidates(sources: PageSources, *, which: str, config: ParseConfig) -> list[DateCandidate]:
    """Every time offered for ``which`` ("published" or "updated"), with its source and rank."""
    found = sources.found
    meta = found.meta
    out: list[DateCandidate] = []

    def add(value: Any, source: MetaSource, key: str, rank: int) -> None:
        """Keep ``value`` as a candidate when it reads as a time."""
        stamp = _timestamp(value, source, config)
        if stamp is not None:
            out.append(DateCandidate(stamp, source, key, rank))

    jsonld_keys = ("datePublished", "dateCreated") if which == "published" else ("dateModified",)
    for source_node, base in ((sources.node, _JSON_LD.rank), (sources.page_node, _JSON_LD.rank + PAGE_NODE_TIER)):
        if source_node is not None:
            for i, key in enumerate(jsonld_keys):
                value = source_node.get(key)
                if value:
                    add(value, _JSON_LD, key, base + 2 * i)
    table = _PUBLISHED_KEYS if which == "published" else _UPDATED_KEYS
    for key, (source, tier) in table.items():
        for value in meta.get(key, ())[:1]:
            add(value, source, key, source.rank + tier)
    parsely = sources.parsely
    if parsely is not None:
        key = "pub_date" if which == "published" else "update_date"
        if parsely.get(key):
            add(parsely.get(key), _META, f"parsely.{key}", _META.rank + 1)
    micro_keys = ("datepublished", "datecreated") if which == "published" else ("datemodified",)
    for i, key in enumerate(micro_keys):
        for value in found.microdata.get(key, ())[:1]:
            add(value, MetaSource.MICRODATA, f"itemprop={key}", MetaSource.MICRODATA.rank + i)
    for value, key, tier in _page_times(sources, which):
        add(value, MetaSource.TIME_ELEMENT, key, MetaSource.TIME_ELEMENT.rank + tier)
    return out


def _page_times(sources: PageSources, which: str) -> list[tuple[str, str, int]]:
    """The page's date elements for ``which``: for "published" the clearest few (``pubdate``,
    microformats, in the article, elsewhere, ``data-*``), first ones first; for "updated"
    the first microformat ``.updated``."""
    found = sources.found
    if which == "published":
        return sorted(found.times, key=lambda t: t[2])[:_TIMES_READ]
    return [(value, "updated", 0) for value in found.updated_times[:1]]


#: Page date elements read as publication candidates.
_TIMES_READ = 3
