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
  microdata > ``<time>`` > visible text > URL (:func:`resolve_time`); a
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
metadata reader (:mod:`copydesk._html.readers`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._config import ParseConfig
from .._lexicon.names import NameKind, classify_name, person_names, squash
from .._model import Article, Block, BlockKind, TimeSource, Timestamp
from .evidence import MetaSource, PageEvidence, resolve_time
from .readers import BODY_TEXT, byline_in_lines, date_in_lines, strip_site_name, titles_agree

# -- titles --------------------------------------------------------------------------


# -- times ---------------------------------------------------------------------------


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

    title, title_source = _resolve_title(article, metadata)
    if title is not None and title != article.title:
        changes["title"] = title
    if title is not None and title_source:
        provenance["title"] = title_source

    authors, authors_source = _resolve_authors(article, metadata)
    if authors != article.authors:
        changes["authors"] = authors
    if authors and authors_source:
        provenance["authors"] = authors_source
    elif not authors:
        provenance.pop("authors", None)

    text_date = _visible_date(article, metadata, config)
    published = resolve_time(metadata.published_candidates, text_date)
    if published is not None:
        stamp, source = published
        if stamp != article.published:
            changes["published"] = stamp
        provenance["published"] = source.value
    updated = resolve_time(metadata.updated_candidates, None)
    if updated is not None and article.updated is None:
        stamp, source = updated
        final_published = published[0] if published is not None else None
        if _later(stamp, final_published):
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


# -- title -------------------------------------------------------------------------


def _resolve_title(article: Article, metadata: PageEvidence) -> tuple[str | None, str | None]:
    """The article's title and its source: the visible headline when the metadata agrees, else the metadata's."""
    candidates = metadata.title_candidates
    site_names: Sequence[str] = metadata.site_names
    if metadata.site_name and metadata.site_name not in site_names:
        site_names = (*site_names, metadata.site_name)
    cleaned = [
        (strip_site_name(c.value, site_names, metadata.url), c.source.value) for c in candidates
    ]
    visible = article.title
    if visible:
        visible_clean = strip_site_name(visible, site_names, metadata.url)
        heading = metadata.heading
        if (
            not cleaned
            or any(titles_agree(visible_clean, text) for text, _source in cleaned)
            or (heading is not None and squash(heading) == squash(visible))
        ):
            # What the reader sees: a metadata title agrees with it, or it is
            # the page's main heading (metadata titles are often SEO rewrites).
            return visible_clean, article.source_of("title") or MetaSource.TEXT.value
    if cleaned:
        # The metadata title; the first one (best source) that is not a bare site name.
        for text, source in cleaned:
            if text and not _is_site_only(text, site_names):
                return text, source
    return visible, article.source_of("title")


def _is_site_only(text: str, site_names: Sequence[str]) -> bool:
    key = text.casefold().strip()
    return any(key == s.casefold().strip() for s in site_names)


# -- authors ------------------------------------------------------------------------


def _resolve_authors(article: Article, metadata: PageEvidence) -> tuple[tuple[str, ...], str | None]:
    """The article's persons: the visible byline's, checked against the metadata's.

    A visible name the metadata confirms is kept (in the metadata's form
    when the visible one holds it: "Jane DoeEXAMPLE"); an unconfirmed one
    is kept when it reads as a person (not "View All", not "CNN Business").
    With no visible person left, the metadata's persons.
    """
    organisations = [*metadata.organisations]
    if metadata.site_name:
        organisations.append(metadata.site_name)
    persons, _orgs = person_names(metadata.authors, organisations=organisations, url=metadata.url)
    meta_source = metadata.provenance.get("authors", MetaSource.META.value)
    visible = list(article.authors)
    visible_source = article.source_of("authors") or MetaSource.TEXT.value
    if not visible and metadata.visible_authors:
        visible, visible_source = list(metadata.visible_authors), MetaSource.TEXT.value
    if not visible:
        visible = byline_in_lines(_lines_before_body(article), organisations=organisations, url=metadata.url)
        visible_source = MetaSource.TEXT.value
    if not visible:
        if not persons:
            return (), None
        return tuple(dict.fromkeys(persons)), meta_source
    if not persons:
        return tuple(visible), visible_source
    kept: list[str] = []
    for name in visible:
        form = _matching_name(name, persons)
        if form is not None:
            kept.append(form)
        elif classify_name(name, marked=True, organisations=organisations, url=metadata.url) is NameKind.PERSON:
            kept.append(name)
    if not kept:
        return tuple(dict.fromkeys(persons)), meta_source
    return tuple(dict.fromkeys(kept)), visible_source


def _matching_name(name: str, persons: Sequence[str]) -> str | None:
    """The metadata form of ``name`` when the two are the same person, else None."""
    key = squash(name)
    if not key:
        return None
    for person in persons:
        other = squash(person)
        if not other:
            continue
        if key == other:
            return name
        if len(other) >= 5 and (other in key or key in other):
            return person
    return None


# -- times --------------------------------------------------------------------------


def _lines_before_body(article: Article) -> list[str]:
    """The texts of the blocks around the title, up to where the body starts."""
    near: list[str] = []
    for block in blocks_near_title(article.blocks):
        if block.kind.is_body and len(block.text) > BODY_TEXT:
            break  # the body has started: later dates are events, bylines are quotes
        near.append(block.text)
    return near


def _visible_date(article: Article, metadata: PageEvidence, config: ParseConfig) -> Timestamp | None:
    """The date the page's visible text states near the title.

    In order: a block near the title that is nothing but a date; the date
    beside the page's main heading (read with the metadata); a short block
    near the title that opens with a date or is mostly one; the text
    pipeline's own date. See :func:`date_in_lines`.
    """
    near = _lines_before_body(article)
    stamp = date_in_lines(near, config, loose=False)
    if stamp is not None:
        return stamp
    if metadata.visible_date is not None:
        return metadata.visible_date
    stamp = date_in_lines(near, config)
    if stamp is not None:
        return stamp
    stamp = article.published
    if stamp is not None and stamp.source is TimeSource.TEXT and stamp.day is not None:
        return stamp
    return None


def _later(updated: Timestamp, published: Timestamp | None) -> bool:
    """True when ``updated`` is a later time than ``published`` (or there is none)."""
    if published is None:
        return True
    a, b = updated.datetime, published.datetime
    if a is None or b is None:
        return False
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a > b


def blocks_near_title(blocks: Sequence[Block], *, before: int = 3, after: int = 8) -> list[Block]:
    """The non-body blocks around the title, where bylines and date lines sit.

    >>> from copydesk._model import Block, BlockKind
    >>> bs = [Block(BlockKind.TITLE, "T"), Block(BlockKind.DATE, "4 March 2021")]
    >>> [b.text for b in blocks_near_title(bs)]
    ['4 March 2021']
    """
    index = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), 0)
    window = blocks[max(0, index - before): index + after + 1]
    return [b for b in window if b.kind is not BlockKind.TITLE]
