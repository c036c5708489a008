"""Write a :class:`~copydesk.Timestamp` the ways news sites print dates.

Every format here states exactly the parts the timestamp has (a month-only
timestamp prints no day, a timestamp without ``utc_offset`` prints no zone),
and all-numeric dates are only written when the day is above 12, so a
perfect reader can recover the parts without guessing.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from .._model import Timestamp
from .pools import Language


class Precision(enum.Enum):
    """How much of a point in time a timestamp states."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"
    SECOND = "second"


def precision_of(ts: Timestamp) -> Precision:
    """The precision of ``ts``.

    >>> precision_of(Timestamp(raw="x", year=2016, month=12))
    <Precision.MONTH: 'month'>
    """
    if ts.month is None:
        return Precision.YEAR
    if ts.day is None:
        return Precision.MONTH
    if ts.hour is None:
        return Precision.DAY
    if ts.second is None:
        return Precision.MINUTE
    return Precision.SECOND


MONTHS: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December"),
    Language.FRENCH: ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                      "août", "septembre", "octobre", "novembre", "décembre"),
    Language.GERMAN: ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                      "August", "September", "Oktober", "November", "Dezember"),
    Language.SPANISH: ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                       "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    Language.ITALIAN: ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                       "agosto", "settembre", "ottobre", "novembre", "dicembre"),
    Language.PORTUGUESE: ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                          "agosto", "setembro", "outubro", "novembro", "dezembro"),
}
_EN_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Zone abbreviations that name one offset without doubt (no "IST", no "CST").
ZONE_NAMES: dict[int, tuple[str, ...]] = {
    -480: ("PST",),
    -420: ("PDT",),
    -300: ("EST",),
    -240: ("EDT",),
    0: ("GMT", "UTC"),
    60: ("CET",),
    120: ("CEST",),
    540: ("JST",),
}
#: Offsets the generated timestamps use (minutes east of UTC).
OFFSETS: tuple[int, ...] = (0, -300, -240, 60, 120, -480, -420, 330, 540, 600)

Format = Callable[[Timestamp], str | None]


def _en_day(ts: Timestamp) -> list[str]:
    assert ts.month is not None and ts.day is not None
    month, abbr = MONTHS[Language.ENGLISH][ts.month - 1], _EN_ABBR[ts.month - 1]
    weekday = dt.date(ts.year, ts.month, ts.day).weekday()
    out = [
        f"{month} {ts.day}, {ts.year}",
        f"{abbr} {ts.day}, {ts.year}",
        f"{ts.day} {month} {ts.year}",
        f"{_EN_DAYS[weekday]}, {month} {ts.day}, {ts.year}",
        f"{_EN_DAYS[weekday][:3]} {ts.day:02d} {abbr} {ts.year}",
        f"{ts.year:04d}-{ts.month:02d}-{ts.day:02d}",
    ]
    if ts.day > 12:
        out += [f"{ts.day:02d}/{ts.month:02d}/{ts.year}", f"{ts.month:02d}/{ts.day:02d}/{ts.year}"]
    return out


def _clock(ts: Timestamp) -> list[str]:
    assert ts.hour is not None
    minute = ts.minute or 0
    twelve = ts.hour % 12 or 12
    half = "AM" if ts.hour < 12 else "PM"
    out = [
        f"{ts.hour:02d}:{minute:02d}",
        f"{twelve}:{minute:02d} {half}",
        f"{twelve}:{minute:02d} {half.lower()[0]}.m.",
    ]
    if ts.second is not None:
        out = [f"{ts.hour:02d}:{minute:02d}:{ts.second:02d}"]
    return out


def _iso(ts: Timestamp) -> str:
    assert ts.month is not None and ts.day is not None and ts.hour is not None
    out = f"{ts.year:04d}-{ts.month:02d}-{ts.day:02d}T{ts.hour:02d}:{ts.minute or 0:02d}"
    if ts.second is not None:
        out += f":{ts.second:02d}"
    if ts.utc_offset is not None:
        if ts.utc_offset == 0:
            return out + "Z"
        sign = "+" if ts.utc_offset >= 0 else "-"
        hours, minutes = divmod(abs(ts.utc_offset), 60)
        out += f"{sign}{hours:02d}:{minutes:02d}"
    return out


def _localised_day(ts: Timestamp, language: Language) -> list[str]:
    assert ts.month is not None and ts.day is not None
    month = MONTHS[language][ts.month - 1]
    if language is Language.FRENCH:
        return [f"{ts.day} {month} {ts.year}"]
    if language is Language.GERMAN:
        out = [f"{ts.day}. {month} {ts.year}"]
        if ts.day > 12:
            out.append(f"{ts.day:02d}.{ts.month:02d}.{ts.year}")
        return out
    if language in (Language.SPANISH, Language.PORTUGUESE):
        return [f"{ts.day} de {month} de {ts.year}"]
    return [f"{ts.day} {month} {ts.year}"]


def _localised_clock(ts: Timestamp, language: Language) -> str:
    assert ts.hour is not None
    minute = ts.minute or 0
    if language is Language.FRENCH:
        return f"à {ts.hour}h{minute:02d}"
    if language is Language.GERMAN:
        return f"{ts.hour:02d}:{minute:02d} Uhr"
    return f"{ts.hour:02d}:{minute:02d}"


def date_texts(ts: Timestamp, language: Language = Language.ENGLISH) -> tuple[str, ...]:
    """Every way this module writes ``ts`` (at least one, except for year-only timestamps).

    >>> date_texts(Timestamp(raw="", year=2016, month=12))[:2]
    ('December 2016', 'Dec 2016')
    >>> ts = Timestamp(raw="", year=2016, month=12, day=23, hour=14, minute=8, utc_offset=-300)
    >>> "December 23, 2016 2:08 PM EST" in date_texts(ts)
    True
    >>> "2016-12-23T14:08-05:00" in date_texts(ts)
    True
    """
    precision = precision_of(ts)
    if precision is Precision.YEAR:
        return ()
    assert ts.month is not None
    out: list[str] = []
    if precision is Precision.MONTH:
        out += [f"{MONTHS[Language.ENGLISH][ts.month - 1]} {ts.year}", f"{_EN_ABBR[ts.month - 1]} {ts.year}"]
        if language in MONTHS and language is not Language.ENGLISH:
            sep = " de " if language in (Language.SPANISH, Language.PORTUGUESE) else " "
            out.append(f"{MONTHS[language][ts.month - 1]}{sep}{ts.year}")
        return tuple(out)
    if precision is Precision.DAY:
        out += _en_day(ts)
        if language in MONTHS and language is not Language.ENGLISH:
            out += _localised_day(ts, language)
        return tuple(out)
    # A time of day: ISO always works; the spelled-out forms take a zone
    # abbreviation when the offset has an unambiguous one.
    out.append(_iso(ts))
    zones: tuple[str, ...] = ()
    if ts.utc_offset is not None:
        zones = ZONE_NAMES.get(ts.utc_offset, ())
        if not zones:
            return tuple(out)
    for day in _en_day(ts)[:3] + _en_day(ts)[6:]:
        for clock in _clock(ts):
            if zones:
                out.extend(f"{day} {clock} {zone}" for zone in zones)
            else:
                out.append(f"{day} {clock}")
    if ts.utc_offset is None and language in MONTHS and language is not Language.ENGLISH:
        out.extend(f"{day} {_localised_clock(ts, language)}" for day in _localised_day(ts, language))
    return tuple(out)
