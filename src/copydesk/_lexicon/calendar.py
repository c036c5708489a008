"""Calendar and clock helpers of the date readers: valid days, two-digit years, times of day, UTC offsets.

>>> valid_date(2019, 2, 29), full_year("17"), parse_offset("+05:30")
(False, 2017, 330)
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .._config import DayFirst
from .date_patterns import ARABIC_MERIDIEM
from .date_words import FIXED_ZONES, REGIONAL_ZONES

_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


#: The last year a :class:`datetime.date` holds.
_MAX_YEAR = 9999


def valid_date(year: int, month: int, day: int) -> bool:
    """True when the day exists (no 31 April, no 29 February 2019, no year 0).

    >>> valid_date(2020, 2, 29), valid_date(2019, 2, 29), valid_date(0, 11, 19)
    (True, False, False)
    """
    if not (1 <= year <= _MAX_YEAR and 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]):
        return False
    if month == 2 and day == 29:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def full_year(digits: str, this_year: int | None = None) -> int:
    """A year from 4 digits, or from 2 digits the latest year ending in them that is not in the future.

    A page is read after it was written, so "17" is 2017 and "45" is 1945,
    not 2045 (the POSIX rule's pivot at 69 made every year up to 2068 a
    future one). ``this_year`` defaults to the year of the system clock.

    >>> full_year("2017"), full_year("17", 2026), full_year("45", 2026), full_year("26", 2026), full_year("27", 2026)
    (2017, 2017, 1945, 2026, 1927)
    """
    year = int(digits)
    if len(digits) == 2:
        if this_year is None:
            this_year = _dt.date.today().year
        year += this_year - this_year % 100
        if year > this_year:
            year -= 100
    return year


def _zone_offset(zone_name: str, when: _dt.datetime) -> int | None:
    """Minutes east of UTC of an IANA zone at a local time (None without tz data)."""
    try:
        zone = ZoneInfo(zone_name)
    except (LookupError, OSError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        return _us_offset_without_tzdata(zone_name, when)
    offset = zone.utcoffset(when)
    return None if offset is None else int(offset.total_seconds()) // 60


def named_zone_offset(name: str, when: _dt.datetime) -> int | None:
    """Minutes east of UTC for a zone abbreviation ("EST", "ET", "Eastern") at a local time."""
    fixed = FIXED_ZONES.get(name)
    if fixed is not None:
        return fixed
    region = REGIONAL_ZONES.get(" ".join(name.split()))
    return None if region is None else _zone_offset(region, when)


_US_STANDARD = {"America/New_York": -300, "America/Chicago": -360, "America/Denver": -420,
                "America/Los_Angeles": -480}


def _us_offset_without_tzdata(zone_name: str, when: _dt.datetime) -> int | None:
    """US summer time by the rules since 2007, for systems without tz data."""
    standard = _US_STANDARD.get(zone_name)
    if standard is None:
        return None
    march = _dt.date(when.year, 3, 1)
    start = march + _dt.timedelta(days=(6 - march.weekday()) % 7 + 7)  # 2nd Sunday of March
    november = _dt.date(when.year, 11, 1)
    end = november + _dt.timedelta(days=(6 - november.weekday()) % 7)  # 1st Sunday of November
    summer = _dt.datetime(start.year, start.month, start.day, 2) <= when < _dt.datetime(
        end.year, end.month, end.day, 2)
    return standard + 60 if summer else standard


def parse_offset(text: str) -> int | None:
    """Minutes from "+01:00", "-0500", "GMT+1", "UTC-05:30", "Z"; None when out of range."""
    text = text.replace("−", "-").replace(" ", "").upper()
    if text in ("Z", "GMT", "UTC"):
        return 0
    if text[:3] in ("GMT", "UTC"):
        text = text[3:]
    sign = -1 if text[:1] == "-" else 1
    digits = text[1:].replace(":", "")
    if not digits.isdigit() or text[:1] not in ("+", "-") or len(digits) > 4:
        return None
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes >= 60:
        return None
    return sign * (hours * 60 + minutes)


class TimeOfDay(NamedTuple):
    """A time of day read next to a date, with the stated offset (minutes) if any."""

    hour: int
    minute: int | None
    second: int | None
    utc_offset: int | None


def read_time(match: re.Match[str], date: CalendarDate) -> TimeOfDay | None:
    """The time of a ``_TIME`` match, or None when it is no real time (a bare number, 25:00)."""
    minute: int | None
    second: int | None
    if match["noon"]:
        hour, minute, second = (0 if match["noon"].lower() == "midnight" else 12), 0, None
    else:
        hour = int(match["h"])
        minute = int(match["mi"]) if match["mi"] else None
        second = int(match["s"]) if match["s"] else None
        meridiem = match["ap"] or ARABIC_MERIDIEM.get(match["ap_ar"] or "")
        if minute is None and not (meridiem or match["honly"] or match["suffix"]):
            return None  # "2016 3" is no time
        if meridiem and 1 <= hour <= 12:
            hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
        if hour > 23:
            return None
        if minute is None:
            minute = 0
    offset = None
    if match["tzo"]:
        offset = parse_offset(match["tzo"])
    elif match["tz"]:
        local = _dt.datetime(date.year, date.month, date.day or 1, hour, minute or 0)
        offset = named_zone_offset(match["tz"], local)
    return TimeOfDay(hour, minute, second, offset)


def day_month(first: int, second: int, year: int, day_first: DayFirst) -> tuple[int, int, bool] | None:
    """(day, month, ambiguous) for an all-numeric date written ``first/second/year``."""
    as_dm = valid_date(year, second, first)
    as_md = valid_date(year, first, second)
    if not as_dm and not as_md:
        return None
    if as_dm and as_md and first != second:
        if day_first is DayFirst.NO:
            return second, first, False
        return first, second, day_first is DayFirst.AUTO
    if as_dm:
        return first, second, False
    return second, first, False


class CalendarDate(NamedTuple):
    """The calendar part of a date core; ``day`` is None for "December 2016"."""

    year: int
    month: int
    day: int | None
    ambiguous: bool = False
