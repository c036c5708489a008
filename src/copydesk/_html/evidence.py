"""The evidence the metadata reader gathers and the merge settles: candidates and how they rank.

:func:`~copydesk._html.meta.extract_metadata` reads every value a page
offers for a field (a title from JSON-LD, another from ``og:title``, a date
from ``<time>``, one from the URL ...) and keeps each as a candidate with its
source and rank (lower wins) in a :class:`PageEvidence`;
:func:`~copydesk._html.merge.merge_metadata` settles each field from those
candidates and the page's visible text. :func:`resolve_time` chooses one
time among candidates; both stages use it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from .._classify.source import PageMetadata
from .._model import TimeSource, Timestamp


class MetaSource(enum.Enum):
    """Where a metadata value was read; the value is the name written in ``provenance``.

    Each source has a rank band (lower wins) used when one field has
    candidates from several sources: JSON-LD 10, OpenGraph and ``article:*``
    20, other ``<meta>`` names 30, microdata 40, ``<time>`` 50, the page's
    visible text and its plain HTML (``<title>``, ``<link rel=image_src>``)
    60, a date in the URL 70. Keys of one source are ordered inside its band
    (``rank + tier``, tier 0-9). ``GIVEN`` is the address the caller passed,
    used only when the page names none.

    >>> MetaSource.OPENGRAPH.value, MetaSource.OPENGRAPH.rank, MetaSource.OPENGRAPH.time_source
    ('opengraph', 20, <TimeSource.OPENGRAPH: 'opengraph'>)
    >>> MetaSource("json_ld").rank < MetaSource.META.rank < MetaSource.URL.rank
    True
    """

    JSON_LD = "json_ld"
    OPENGRAPH = "opengraph"
    META = "meta"
    MICRODATA = "microdata"
    TIME_ELEMENT = "time_element"
    HTML = "html"
    TEXT = "text"
    URL = "url"
    GIVEN = "given"

    @property
    def rank(self) -> int:
        """The source's rank band (lower wins)."""
        return _SOURCE_TABLE[self][0]

    @property
    def time_source(self) -> TimeSource | None:
        """The :class:`~copydesk.TimeSource` of a time read from this source (None: no times are read there)."""
        return _SOURCE_TABLE[self][1]


#: The one source table: rank band and the TimeSource of times read there.
_SOURCE_TABLE: dict[MetaSource, tuple[int, TimeSource | None]] = {
    MetaSource.JSON_LD: (10, TimeSource.JSON_LD),
    MetaSource.OPENGRAPH: (20, TimeSource.OPENGRAPH),
    MetaSource.META: (30, TimeSource.META),
    MetaSource.MICRODATA: (40, TimeSource.MICRODATA),
    MetaSource.TIME_ELEMENT: (50, TimeSource.TIME_ELEMENT),
    MetaSource.HTML: (60, None),
    MetaSource.TEXT: (60, TimeSource.TEXT),
    MetaSource.URL: (70, TimeSource.URL),
    MetaSource.GIVEN: (80, None),
}


def _to_source(value: MetaSource | str) -> MetaSource:
    """A :class:`MetaSource` from itself or its provenance name."""
    return value if isinstance(value, MetaSource) else MetaSource(value)


@attrs.frozen
class DateCandidate:
    """A publication or update time offered by one source, with its rank (lower wins).

    ``source`` may be given as its provenance name.

    >>> t = Timestamp(raw="2020-01-02", year=2020, month=1, day=2)
    >>> DateCandidate(t, source="meta", key="dc.date", rank=30).source
    <MetaSource.META: 'meta'>
    """

    timestamp: Timestamp
    source: MetaSource = attrs.field(converter=_to_source)
    key: str
    rank: int


@attrs.frozen
class TextCandidate:
    """A text value (a title, a description, an image address) offered by one source.

    ``source`` may be given as its provenance name.

    >>> TextCandidate("Headline", source="opengraph", key="og:title", rank=20).source.value
    'opengraph'
    """

    value: str
    source: MetaSource = attrs.field(converter=_to_source)
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
    #: Texts that name persons other than the author (a photo credit, a caption, the author of
    #: a reviewed claim or of a quoted post): a name found only there is never an author.
    not_author_texts: tuple[str, ...] = ()


def resolve_time(
    candidates: Sequence[DateCandidate], text_date: Timestamp | None = None
) -> tuple[Timestamp, MetaSource] | None:
    """Choose one time from the candidates (and the visible text's date), with its source.

    The best-ranked metadata time with a day wins (JSON-LD, then
    OpenGraph/``article:*``, other meta, microdata, ``<time>``), as stated
    with its offset: a UTC time one day off the page's local date line is the
    same moment, not a conflict. When the visible text's day is two or more
    days away from it, the metadata is stale or wrong: the best-ranked
    metadata time on the visible day wins if there is one. When it is one day
    away, the visible day settles a disagreement between metadata sources:
    another source that states the visible day as a different moment (or as
    a day alone) wins, unless a local reading of the best time's own moment
    is on the visible day. With no metadata day, the visible text's date,
    then the URL's date.

    >>> def c(iso, source, rank):
    ...     from copydesk._lexicon.machine_dates import parse_machine_timestamp
    ...     from copydesk._model import TimeSource
    ...     return DateCandidate(parse_machine_timestamp(iso, source=TimeSource.META), source, "k", rank)
    >>> stamp, source = resolve_time([c("2020-04-14T00:38:07Z", "json_ld", 10), c("2020-04-13", "url", 70)])
    >>> stamp.isoformat(), source.value
    ('2020-04-14T00:38:07+00:00', 'json_ld')
    >>> text = Timestamp(raw="13 April 2020", year=2020, month=4, day=13)
    >>> resolve_time([c("2020-04-14T00:38:07Z", "json_ld", 10)], text)[1]
    <MetaSource.JSON_LD: 'json_ld'>
    >>> split = [c("2020-04-14T00:38:07Z", "json_ld", 10), c("2020-04-13", "microdata", 40)]
    >>> resolve_time(split, text)[1]
    <MetaSource.MICRODATA: 'microdata'>
    >>> local = [c("2020-04-14T00:38:07Z", "json_ld", 10), c("2020-04-13T20:38:07-04:00", "opengraph", 20)]
    >>> resolve_time(local, text)[1]
    <MetaSource.JSON_LD: 'json_ld'>
    >>> stale = [c("2019-01-01", "json_ld", 10), c("2020-04-13T18:00-04:00", "opengraph", 20)]
    >>> resolve_time(stale, text)[1]
    <MetaSource.OPENGRAPH: 'opengraph'>
    >>> resolve_time([c("2020-04", "meta", 30), c("2020-04-13", "url", 70)])[1]
    <MetaSource.URL: 'url'>
    """
    dated = sorted((c for c in candidates if c.timestamp.day is not None), key=lambda c: c.rank)
    metadata = [c for c in dated if c.source is not MetaSource.URL]
    if text_date is not None and text_date.date is not None:
        day = text_date.date
        if not metadata:
            return text_date, MetaSource.TEXT
        best = metadata[0]
        apart = _days_apart(best.timestamp, text_date)
        if apart is not None and apart >= 1:
            # Two or more days: the best is stale or wrong. One day: the sources
            # disagree when another states the visible day as a different moment
            # (or as a day alone); the page's own date settles it.
            on_day = [c for c in metadata if c.timestamp.date == day]
            agreeing = [c for c in on_day if apart >= 2 or not _same_moment(c.timestamp, best.timestamp)]
            # One day apart and a local reading of the best's own moment is on the visible
            # day: the visible day is that local day, no disagreement.
            explained = apart == 1 and len(agreeing) < len(on_day)
            if agreeing and not explained:
                return agreeing[0].timestamp, agreeing[0].source
        return best.timestamp, best.source
    if metadata:
        return metadata[0].timestamp, metadata[0].source
    if text_date is not None:
        return text_date, MetaSource.TEXT
    url = [c for c in candidates if c.source is MetaSource.URL]
    if url:
        return url[0].timestamp, MetaSource.URL
    if candidates:
        first = min(candidates, key=lambda c: c.rank)
        return first.timestamp, first.source
    return None


def _same_moment(a: Timestamp, b: Timestamp) -> bool:
    """True when two times can be the same instant: with offsets, less than a minute apart
    (one rounded to the minute); with an offset missing, the same minute of the hour a
    whole number of hours apart within the world's offsets (a local clock reading). A day
    alone never is.

    >>> def t(h, mi, s=None, off=None, d=19):
    ...     return Timestamp(raw="x", year=2019, month=11, day=d, hour=h, minute=mi, second=s, utc_offset=off)
    >>> _same_moment(t(21, 57, 0, -480), t(5, 57, 50, 0, d=20)), _same_moment(t(20, 59, 46), t(2, 59, 46, 0, d=20))
    (True, True)
    >>> _same_moment(t(16, 38, 7, 0), t(0, 38, 7, 0, d=20))
    False
    """
    if a.hour is None or b.hour is None:
        return False
    da, db = a.datetime, b.datetime
    if da is None or db is None:
        return False
    if a.utc_offset is not None and b.utc_offset is not None:
        return abs((da - db).total_seconds()) < _MINUTE
    gap = (da.replace(tzinfo=None) - db.replace(tzinfo=None)).total_seconds() / _MINUTE
    hours, minutes = divmod(round(gap), 60)
    return minutes == 0 and abs(hours) <= _FURTHEST_OFFSET


_MINUTE = 60
#: The furthest a local clock is from UTC, in hours (UTC+14).
_FURTHEST_OFFSET = 14


def _days_apart(a: Timestamp, b: Timestamp) -> int | None:
    """Whole days between the dates of two times, or None when either has no full date."""
    da, db = a.date, b.date
    if da is None or db is None:
        return None
    return abs(da.toordinal() - db.toordinal())
