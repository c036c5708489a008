"""Machine-written times: ISO 8601, RFC 2822, compact ``20191119`` and epoch seconds, on a fast path.

>>> parse_machine_timestamp("2019-11-19T08:03:00-05:00", source=TimeSource.META).isoformat()
'2019-11-19T08:03:00-05:00'
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urlsplit

from .._model import TimeSource, Timestamp
from .calendar import full_year, named_zone_offset, parse_offset, valid_date
from .date_words import MONTHS, fold
from .dates import parse_timestamp

# ISO 8601 / RFC 3339 and their compact forms, whole string. Each part is a
# fixed-width digit group (ASCII digits only: "۱۳۹۹" is a Persian-calendar
# year); the only repetitions are the fraction's [0-9]{1,9} and bounded gaps.
_MACHINE_ISO = re.compile(
    r"""
    (?P<y>[0-9]{4})
    (?:(?P<sep>-?)(?P<m>[0-9]{2})
        (?:(?P=sep)(?P<d>[0-9]{2})
            (?:(?:\x20?[Tt]\x20?|\x20)
                (?P<h>[0-9]{2})(?::?(?P<mi>[0-9]{2})(?::?(?P<s>[0-9]{1,2})(?:[.,][0-9]{1,9})?)?)?
                \x20?(?P<tz>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?
                \x20?(?P<zone>[A-Z]{2,5})?
            )?
        )?
    )?
    """,
    re.VERBOSE,
)

# RFC 2822 ("Tue, 19 Nov 2019 08:03:00 -0500"), JavaScript's CalendarDate string
# ("Tue Nov 19 2019 08:03:00 GMT-0500 (Eastern Standard TimeOfDay)") and Unix
# date(1) ("Tue Nov 19 21:57:01 UTC 2019"). Bounded gaps between tokens.
_MACHINE_MAIL = re.compile(
    r"""
    (?:[A-Za-z]{2,9}\.?,?\s{1,3})?
    (?:
        (?P<d>[0-9]{1,2})\s{1,3}(?P<mon>[A-Za-z]{3,9})\.?\s{1,3}(?P<y>[0-9]{4}|[0-9]{2})
      | (?P<mon2>[A-Za-z]{3,9})\.?\s{1,3}(?P<d2>[0-9]{1,2}),?\s{1,3}(?P<y2>[0-9]{4})
      | (?P<mon3>[A-Za-z]{3,9})\s{1,3}(?P<d3>[0-9]{1,2})
        (?=\s{1,3}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s{1,3}(?:[A-Z]{1,5}\s{1,3})?(?P<y3>[0-9]{4})$)
    )
    (?:,?\s{1,3}(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?:\s{0,2}(?P<ap>[AaPp])\.?[Mm]\.?)?)?
    (?:\s{0,3}(?:(?P<num>[+-][0-9]{4})|GMT(?P<gmt>[+-][0-9]{4})|(?!AM|PM)(?P<zone>[A-Z]{1,5})))?
    (?:\s{1,3}[0-9]{4})?
    (?:\s{0,3}\([^()]{0,60}\))?
    """,
    re.VERBOSE,
)


def parse_machine_timestamp(value: str, *, source: TimeSource) -> Timestamp | None:
    """Parse a date from metadata (JSON-LD, ``<meta>``, ``<time datetime>``); None when unreadable.

    Reads ISO 8601 / RFC 3339 (``Z``, offsets, fractions, date-only,
    year-month, a year alone), compact ``20191119`` and ``20191119080300``,
    RFC 2822, JavaScript date strings and epoch seconds or milliseconds
    (read as UTC). Anything else is read as text with :func:`parse_timestamp`.

    >>> parse_machine_timestamp("2016-12-23T14:08:00+01:00", source=TimeSource.JSON_LD).isoformat()
    '2016-12-23T14:08:00+01:00'
    >>> parse_machine_timestamp("Tue, 19 Nov 2019 08:03:00 -0500", source=TimeSource.META).isoformat()
    '2019-11-19T08:03:00-05:00'
    >>> parse_machine_timestamp("20191119", source=TimeSource.META).isoformat()
    '2019-11-19'
    """
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")
    value = value.strip()
    if not value or len(value) > 200:
        return None
    if value.isascii() and value.isdigit():
        return _from_digits(value, source)
    iso = _MACHINE_ISO.fullmatch(value)
    if iso is not None:
        return _from_iso(value, iso, source)
    mail = _MACHINE_MAIL.fullmatch(value)
    if mail is not None:
        stamp = _from_mail(value, mail, source)
        if stamp is not None:
            return stamp
    if _EPOCH_FLOAT.fullmatch(value):
        return _from_epoch(float(value), value, source)
    return parse_timestamp(value, source=source)


_EPOCH_FLOAT = re.compile(r"\d{9,13}\.\d{1,6}")
_MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z


def _from_digits(value: str, source: TimeSource) -> Timestamp | None:
    """A year, compact date (``20191119``) or epoch seconds / milliseconds."""
    size = len(value)
    if size in (4, 6, 8, 12, 14):
        # "20191119080300" is the compact ISO "20191119T080300".
        iso = _MACHINE_ISO.fullmatch(value if size <= 8 else f"{value[:8]}T{value[8:]}")
        return None if iso is None else _from_iso(value, iso, source)
    if 9 <= size <= 11:
        return _from_epoch(int(value), value, source)
    if size == 13:
        return _from_epoch(int(value) / 1000, value, source)
    return None


def _from_epoch(seconds: float, raw: str, source: TimeSource) -> Timestamp | None:
    """A UTC timestamp from epoch seconds."""
    if not 0 <= seconds <= _MAX_EPOCH:
        return None
    moment = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=int(seconds))
    return Timestamp(raw=raw, year=moment.year, month=moment.month, day=moment.day,
                     hour=moment.hour, minute=moment.minute, second=moment.second,
                     utc_offset=0, source=source)


def _from_iso(raw: str, match: re.Match[str], source: TimeSource) -> Timestamp | None:
    """A timestamp from a ``_MACHINE_ISO`` match, or None when a part is out of range."""
    year = int(match["y"])
    if year < 1:
        return None
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not valid_date(year, month, day)):
        return None
    hour = minute = second = offset = None
    if match["h"]:
        hour = int(match["h"])
        minute = int(match["mi"]) if match["mi"] else None
        second = int(match["s"]) if match["s"] else None
        if hour > 23 or (minute or 0) > 59 or (second or 0) > 60:
            return None
        second = 59 if second == 60 else second  # a leap second
        if match["tz"]:
            offset = parse_offset(match["tz"])
        elif match["zone"] and day is not None and month is not None:
            offset = named_zone_offset(match["zone"], _dt.datetime(year, month, day, hour, minute or 0))
    return Timestamp(raw=raw, year=year, month=month, day=day, hour=hour, minute=minute,
                     second=second, utc_offset=offset, source=source)


def _from_mail(raw: str, match: re.Match[str], source: TimeSource) -> Timestamp | None:
    """A timestamp from a ``_MACHINE_MAIL`` match, or None when it is no date."""
    word = match["mon"] or match["mon2"] or match["mon3"]
    month = MONTHS.get(fold(word))
    if month is None:
        return None
    year = full_year(match["y"] or match["y2"] or match["y3"])
    day = int(match["d"] or match["d2"] or match["d3"])
    if not valid_date(year, month, day):
        return None
    hour = minute = second = offset = None
    if match["h"]:
        hour, minute = int(match["h"]), int(match["mi"])
        second = int(match["s"]) if match["s"] else None
        if match["ap"] and 1 <= hour <= 12:
            hour = hour % 12 + (12 if match["ap"] in "Pp" else 0)
        if hour > 23 or minute > 59 or (second or 0) > 59:
            return None
        if match["num"] or match["gmt"]:
            offset = parse_offset(match["num"] or match["gmt"])
        elif match["zone"]:
            offset = named_zone_offset(match["zone"], _dt.datetime(year, month, day, hour, minute))
    return Timestamp(raw=raw, year=year, month=month, day=day, hour=hour, minute=minute,
                     second=second, utc_offset=offset, source=source)


# A date in a URL path: 2020/04/15, 2020-11-26, 2020_04_15, or 2020/04 (no day);
# digits around it are excluded so ids do not match. Fixed-width groups, so
# the pattern cannot backtrack more than a few characters.
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})[/_.-](0?[1-9]|1[0-2])(?:[/_.-](0?[1-9]|[12][0-9]|3[01]))?(?![0-9])"
)
# A month name between year and day: /2019/nov/18/ (English abbreviations).
_URL_MONTH_NAME = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}/([0-3]?[0-9])(?![0-9])",
    re.IGNORECASE,
)
# A compact date as its own path segment or slug part: /20200415/ or -20200415-.
_URL_COMPACT = re.compile(r"(?:^|[/_-])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?=$|[/_.-])")


def url_timestamp(url: str | None) -> Timestamp | None:
    """The date written in a URL's path, or None; a year and month without a day stay so.

    >>> url_timestamp("https://example.com/news/2020/04/15/story-title/").isoformat()
    '2020-04-15'
    >>> url_timestamp("https://example.com/2019/11/story").isoformat()
    '2019-11'
    >>> url_timestamp("https://example.com/2019/nov/18/story").isoformat()
    '2019-11-18'
    >>> url_timestamp("https://example.com/story-11574168580") is None
    True
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in (_URL_DATE, _URL_MONTH_NAME, _URL_COMPACT):
        match = pattern.search(path)
        if match is None:
            continue
        year = int(match.group(1))
        group = match.group(2)
        month = MONTHS[fold(group[:3])] if pattern is _URL_MONTH_NAME else int(group)
        day = int(match.group(3)) if match.group(3) else None
        if pattern is _URL_DATE and day is None and match.group(0)[4] == ".":
            continue  # "2019.11" is a version number more often than a date
        try:
            return Timestamp(raw=match.group(0), year=year, month=month, day=day, source=TimeSource.URL)
        except ValueError:
            continue
    return None
