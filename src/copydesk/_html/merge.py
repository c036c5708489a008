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

The module also holds the evidence records :func:`extract_metadata
<copydesk._html.meta.extract_metadata>` returns (:class:`PageEvidence`, a
:class:`~copydesk._classify.source.PageMetadata` with every candidate kept) and the
small readers both stages share: person names, site names in titles, date
and byline lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from .._classify.source import PageMetadata
from .._config import ParseConfig
from .._lexicon.dates import find_timestamp, parse_timestamp
from .._lexicon.names import NameKind, by_marker, classify_name, host_key, person_names, squash
from .._model import Article, Block, BlockKind, TimeSource, Timestamp

# -- evidence ------------------------------------------------------------------------


@attrs.frozen
class DateCandidate:
    """A publication or update time offered by one source, with its rank (lower wins).

    >>> t = Timestamp(raw="2020-01-02", year=2020, month=1, day=2)
    >>> DateCandidate(t, source="meta", key="dc.date", rank=30).source
    'meta'
    """

    timestamp: Timestamp
    source: str
    key: str
    rank: int


@attrs.frozen
class TextCandidate:
    """A text value (a title, a person, a site name) offered by one source.

    >>> TextCandidate("Headline", source="opengraph", key="og:title", rank=20).value
    'Headline'
    """

    value: str
    source: str
    key: str
    rank: int


@attrs.frozen
class PageEvidence(PageMetadata):
    """:class:`PageMetadata` plus every candidate seen, for the merge with the text.

    >>> PageEvidence(title="T").title_candidates
    ()
    """

    title_candidates: tuple[TextCandidate, ...] = ()
    published_candidates: tuple[DateCandidate, ...] = ()
    updated_candidates: tuple[DateCandidate, ...] = ()
    #: Site names seen (og:site_name, publisher, application-name, host), for
    #: stripping " | Site" from titles.
    site_names: tuple[str, ...] = ()
    #: The date written beside the page's main heading, when there is one.
    visible_date: Timestamp | None = None
    #: The persons of a byline written just after the page's main heading.
    visible_authors: tuple[str, ...] = ()
    #: The main heading's text (the ``<h1>`` that matches the metadata title, else the first).
    heading: str | None = None


# -- titles --------------------------------------------------------------------------

# Separators between a headline and the site name: " | ", " - ", " – ", " — ",
# " :: ", " · ", " « ", " » ", " / ". Spaces are required on both sides so
# hyphenated words are safe. A single alternation: linear.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|«|»|/|•)\s+")
def is_site_name(part: str, site_names: Sequence[str], url: str | None = None) -> bool:
    """True when ``part`` names the site: one of ``site_names`` or the URL's host (letters only, case ignored).

    >>> is_site_name("The Example Times", [], "https://www.example-times.com/a")
    True
    >>> is_site_name("Storm hits coast", ["Daily Example"])
    False
    """
    keys = {squash(s) for s in site_names if s}
    keys.discard("")
    host = host_key(url)
    key = squash(part)
    if not key:
        return False
    if key in keys:
        return True
    # "Example" vs "Example News": one holds the other and they are of about the same length.
    if any(len(k) >= 4 and (k in key or key in k) and abs(len(key) - len(k)) <= max(4, len(k) // 3) for k in keys):
        return True
    if host and len(host) >= 3:
        bare = key[3:] if key.startswith("the") else key
        host_bare = host[3:] if host.startswith("the") else host
        if bare == host_bare:
            return True
        return len(host_bare) >= 4 and bare.startswith(host_bare) and len(bare) <= len(host_bare) + 6
    return False


def strip_site_name(title: str, site_names: Sequence[str], url: str | None = None) -> str:
    """Remove a leading or trailing site name (" | Site", "Site - ") from a title.

    A part is taken as the site name when it matches one of ``site_names`` or
    the URL's host name (letters only, case ignored); the headline itself is
    never removed.

    >>> strip_site_name("Storm hits coast | Daily Example", ["Daily Example"])
    'Storm hits coast'
    >>> strip_site_name("Storm hits coast - The Example Times", [], "https://www.example-times.com/a")
    'Storm hits coast'
    >>> strip_site_name("Jean-Pierre - a life", ["Le Site"])
    'Jean-Pierre - a life'
    """
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    # Trailing site names (possibly several: "Headline | Section | Site").
    while len(parts) > 1 and is_site_name(parts[-1], site_names, url):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and is_site_name(parts[0], site_names, url):
        parts.pop(0)
        separators.pop(0)
    out = parts[0]
    for sep, part in zip(separators, parts[1:], strict=False):
        out += sep + part
    return out.strip() or title


# -- times ---------------------------------------------------------------------------


def resolve_time(
    candidates: Sequence[DateCandidate], text_date: Timestamp | None = None
) -> tuple[Timestamp, str] | None:
    """Choose one time from the candidates (and the visible text's date), with its source.

    The best-ranked metadata time with a day wins (JSON-LD, then
    OpenGraph/``article:*``, other meta, microdata, ``<time>``), as stated
    with its offset: a UTC time one day off the page's local date line is the
    same moment, not a conflict. When the visible text's day is two or more
    days away from it, the metadata is stale or wrong: the best-ranked
    metadata time on the visible day wins if there is one. With no metadata
    day, the visible text's date, then the URL's date.

    >>> def c(iso, source, rank):
    ...     from copydesk._lexicon.machine_dates import parse_machine_timestamp
    ...     return DateCandidate(parse_machine_timestamp(iso, source=TimeSource.META), source, "k", rank)
    >>> stamp, source = resolve_time([c("2020-04-14T00:38:07Z", "json_ld", 10), c("2020-04-13", "url", 70)])
    >>> stamp.isoformat(), source
    ('2020-04-14T00:38:07+00:00', 'json_ld')
    >>> text = Timestamp(raw="13 April 2020", year=2020, month=4, day=13)
    >>> resolve_time([c("2020-04-14T00:38:07Z", "json_ld", 10)], text)[1]
    'json_ld'
    >>> stale = [c("2019-01-01", "json_ld", 10), c("2020-04-13T18:00-04:00", "opengraph", 20)]
    >>> resolve_time(stale, text)[1]
    'opengraph'
    >>> resolve_time([c("2020-04", "meta", 30), c("2020-04-13", "url", 70)])[1]
    'url'
    """
    dated = sorted((c for c in candidates if c.timestamp.day is not None), key=lambda c: c.rank)
    metadata = [c for c in dated if c.source != "url"]
    if text_date is not None and text_date.date is not None:
        day = text_date.date
        if not metadata:
            return text_date, "text"
        best = metadata[0]
        apart = _days_apart(best.timestamp, text_date)
        if apart is not None and apart >= 2:
            agreeing = [c for c in metadata if c.timestamp.date == day]
            if agreeing:
                return agreeing[0].timestamp, agreeing[0].source
        return best.timestamp, best.source
    if metadata:
        return metadata[0].timestamp, metadata[0].source
    if text_date is not None:
        return text_date, "text"
    url = [c for c in candidates if c.source == "url"]
    if url:
        return url[0].timestamp, "url"
    if candidates:
        first = min(candidates, key=lambda c: c.rank)
        return first.timestamp, first.source
    return None


def _days_apart(a: Timestamp, b: Timestamp) -> int | None:
    da, db = a.date, b.date
    if da is None or db is None:
        return None
    return abs(da.toordinal() - db.toordinal())


#: A body block this long means the article's body has started.
_BODY_TEXT = 200

_WORD = re.compile(r"\w+")  # one token class, no nesting: linear


def merge_metadata(article: Article, metadata: PageEvidence, *, config: ParseConfig) -> Article:
    """Fill and settle the article's fields from the page's evidence.

    ``metadata`` is what :func:`~copydesk._html.meta.extract_metadata`
    returns: the title, authors and times are settled from its candidates
    (``title_candidates``, ``published_candidates``, ...), not from its
    single chosen values. Never raises on the content of either argument.

    >>> from copydesk._model import Article, Timestamp, TimeSource
    >>> from copydesk import ParseConfig
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
        provenance["published"] = source
    updated = resolve_time(metadata.updated_candidates, None)
    if updated is not None and article.updated is None:
        stamp, source = updated
        final_published = published[0] if published is not None else None
        if _later(stamp, final_published):
            changes["updated"] = stamp
            provenance["updated"] = source

    url_source = metadata.provenance.get("url", "given")
    if metadata.url and url_source in ("html", "opengraph") and metadata.url != article.url:
        # The page's own canonical address beats the address it was fetched
        # from (tracking parameters, mobile or AMP variants).
        changes["url"] = metadata.url
        provenance["url"] = url_source
    elif article.url and "url" not in provenance:
        provenance["url"] = "given"
    for field in ("url", "site_name", "description", "image", "language"):
        value = getattr(metadata, field)
        if value and not getattr(article, field) and field not in changes:
            changes[field] = value
            provenance[field] = metadata.provenance.get(field, "html")
    if metadata.tags and not article.tags:
        changes["tags"] = metadata.tags
        provenance["tags"] = metadata.provenance.get("tags", "meta")
    if metadata.diagnostics:
        changes["diagnostics"] = article.diagnostics + tuple(
            d for d in metadata.diagnostics if d not in article.diagnostics
        )
    changes["provenance"] = provenance
    return attrs.evolve(article, **changes)  # type: ignore[arg-type]


# -- title -------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def titles_agree(a: str, b: str) -> bool:
    """True when two titles share most of their words (Dice coefficient >= 0.6),
    or one is a whole part of the other ("About us" and "About us – Example Studio").

    >>> titles_agree("Storm hits the coast", "Storm hits coast | Daily Example")
    True
    >>> titles_agree("About bugs", "About bugs – Vortex Studio Games")
    True
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if 2 * len(wa & wb) / (len(wa) + len(wb)) >= 0.6:
        return True
    return _is_part(a, b) or _is_part(b, a)


def _is_part(short: str, long: str) -> bool:
    """True when ``short`` is one of the separator-delimited parts of ``long``."""
    key = squash(short)
    return len(key) >= 4 and any(squash(part) == key for part in _TITLE_SEPARATOR.split(long))


def _resolve_title(article: Article, metadata: PageEvidence) -> tuple[str | None, str | None]:
    """The article's title and its source: the visible headline when the metadata agrees, else the metadata's."""
    candidates = metadata.title_candidates
    site_names: Sequence[str] = metadata.site_names
    if metadata.site_name and metadata.site_name not in site_names:
        site_names = (*site_names, metadata.site_name)
    cleaned = [
        (strip_site_name(c.value, site_names, metadata.url), c.source) for c in candidates
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
            return visible_clean, article.source_of("title") or "text"
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
    meta_source = metadata.provenance.get("authors", "meta")
    visible = list(article.authors)
    visible_source = article.source_of("authors") or "text"
    if not visible and metadata.visible_authors:
        visible, visible_source = list(metadata.visible_authors), "text"
    if not visible:
        visible = byline_in_lines(_lines_before_body(article), organisations=organisations, url=metadata.url)
        visible_source = "text"
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


def byline_in_lines(
    lines: Sequence[str], *, organisations: Iterable[str] = (), url: str | None = None
) -> list[str]:
    """The persons of the first byline among ``lines`` ("By Jane Doe", or "By" then the name).

    >>> byline_in_lines(["Storm hits", "By", "Jane Doe", "March 4, 2021"])
    ['Jane Doe']
    >>> byline_in_lines(["By JANE DOE | March 4, 2021"])
    ['Jane Doe']
    >>> byline_in_lines(["05/10/2018 - Publicado por: Maria Silva - Categoria: Saúde"])
    ['Maria Silva']
    >>> byline_in_lines(["Bystanders watched the storm."])
    []
    """
    orgs = list(organisations)
    for index, line in enumerate(lines):
        segments = _SEGMENT_SPLIT.split(line)
        for position, text in enumerate(segments):
            start = by_marker(text + " ")
            if start is None:
                continue
            rest = text[start:].strip()
            separate = not rest
            if separate:
                following = segments[position + 1:] or lines[index + 1: index + 2]
                rest = following[0] if following else ""
            if not rest or len(rest) > 150:
                continue
            persons, _orgs = person_names([rest], organisations=orgs, url=url)
            if separate:
                # The name in the next string: a single word there is as often a place.
                persons = [p for p in persons if len(p.split()) >= 2]
            if persons:
                return persons
    return []


# The parts of a byline line: "05/10/2018 - Posted by: Jane Doe | Health".
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|•·]\s+")


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
        if block.kind.is_body and len(block.text) > _BODY_TEXT:
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


# Words that say a date is an update, not the publication ("Updated:",
# "Mis à jour", "Actualizado", ...); the first word of a line is compared.
_UPDATE_WORDS = frozenset(
    {
        "updated", "update", "modified", "revised", "edited", "upd", "mis", "mise", "actualizado",
        "actualización", "atualizado", "atualização", "aktualisiert", "geändert", "aggiornato",
        "bijgewerkt", "обновлено", "обновлен", "zaktualizowano", "aktualizacja", "güncelleme",
        "guncelleme", "diperbarui", "更新", "수정",
    }
)


def _is_update_line(text: str, start: int) -> bool:
    """True when the words before a date say it is an update time."""
    words = _WORD.findall(text[:start].casefold())
    return any(w in _UPDATE_WORDS for w in words[-4:])


def date_in_lines(lines: Sequence[str], config: ParseConfig, *, loose: bool = True) -> Timestamp | None:
    """The publication date written in short lines near a title, or None.

    A line that is nothing but a date (with labels: "Published: 4 March
    2021") wins; then a short line that opens with a date or is mostly one
    ("05/10/2018 - Posted by Jane Doe", "기사입력 :[ 2018-09-28 17:32 ]"),
    unless ``loose`` is false. Dates labelled as updates are skipped.

    >>> from copydesk import ParseConfig
    >>> date_in_lines(["By Jane Doe", "Updated 5 March 2021", "Published 4 March 2021"],
    ...               ParseConfig()).isoformat()
    '2021-03-04'
    >>> date_in_lines(["A long paragraph that mentions 4 March 2021 in passing, as news does."],
    ...               ParseConfig()) is None
    True
    """
    day_first = config.dates.day_first
    for text in lines:
        if len(text) <= 80:
            found = find_timestamp(text, source=TimeSource.TEXT, day_first=day_first)
            if found is None or found.timestamp.day is None or _is_update_line(text, found.start):
                continue
            if parse_timestamp(text, source=TimeSource.TEXT, day_first=day_first) is not None:
                return found.timestamp
    if not loose:
        return None
    for text in lines:
        if len(text) > 160:
            continue
        found = find_timestamp(text, source=TimeSource.TEXT, day_first=day_first)
        if found is None or found.timestamp.day is None or _is_update_line(text, found.start):
            continue
        opens = not _WORD.search(text[: found.start])
        mostly = (found.end - found.start) * 5 >= len(text.strip()) * 2
        if opens or mostly:
            return found.timestamp
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
