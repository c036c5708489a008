"""Read dates and times in lines of text and in page metadata.

Four entry points, shared by the text and the HTML front ends:

- :func:`find_timestamp` / :func:`find_timestamps`: the date expressions
  inside a longer line ("Posted by X on Sep 22, 2017").
- :func:`parse_timestamp`: a string that is essentially a date, with at most
  labels around it ("Updated: Nov. 19, 2019 8:03 am ET").
- :func:`parse_machine_timestamp`: the machine formats of metadata (ISO 8601,
  RFC 2822, compact ``20191119``, epoch seconds), on a fast path.

The rules, in short: a date needs a year and a month (no bare years, no
bare numbers, no "May 5" without a year: a missing part is never invented);
a numeric date whose day and month could be swapped is kept and marked
``ambiguous`` with its parts given day-first; a timezone is set only when the
text states one; relative dates ("2 hours ago") give nothing.

How the scan works. A line without an ASCII digit is rejected at once. Date
cores are found by two regexes that both open with a bare digit, so the
regex engine skips from digit to digit at C speed: ``_DIGIT_FIRST`` for
dates that open with a number ("23/12/2016", "2016-12-23", "5th July 2015",
"2016年12月23日") and ``_MONTH_FIRST_REVERSED``, run on the reversed line, for
dates that open with a month name ("December 23, 2016", "Dec. 2016"), which
open with the year's digits once reversed. Small anchored regexes then join
a time after the core (or just before it), a timezone and a weekday. Every
regex is built of literal alternations (month names as a prefix tree) and
*bounded* repetitions (``{1,3}``) between tokens of different kinds, so a
match attempt does a bounded amount of work and a scan is linear in the
length of the line.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import attrs

from .._config import DayFirst
from .._model import TimeSource, Timestamp
from .date_words import (
    AMBIGUOUS_MONTH_WORDS,
    FIXED_ZONES,
    LABEL_WORDS,
    MONTH_SPELLINGS,
    MONTHS,
    REGIONAL_ZONES,
    WEEKDAY_SPELLINGS,
    WEEKDAYS,
    fold,
)

__all__ = [
    "DateMatch",
    "find_timestamp",
    "find_timestamps",
    "parse_machine_timestamp",
    "parse_timestamp",
]

#: Years a date found in running text may have. Wider than news needs, but
#: narrow enough that "December 2500 people" is not a date.
_MIN_TEXT_YEAR = 1800
_MAX_TEXT_YEAR = 2199


@attrs.frozen
class DateMatch:
    """A date expression found in a line: the timestamp and where it stands.

    ``start`` and ``end`` are character offsets in the searched text, so
    ``text[start:end] == timestamp.raw``.

    >>> m = find_timestamp("Posted by Jane on Sep 22, 2017")
    >>> m.timestamp.isoformat(), m.start, m.end
    ('2017-09-22', 18, 30)
    """

    timestamp: Timestamp
    start: int
    end: int


# -- regex building -----------------------------------------------------------


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree.

    A tree tries one branch per distinct next character instead of every
    word in turn, so a word start costs a few steps however long the list
    is; it holds only literals and optional groups (no repetition), so it
    cannot backtrack more than the length of the longest word.

    >>> _trie_pattern(["sep", "sept", "september"])
    'sep(?:t(?:ember)?)?'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and not ends_here:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if ends_here else group

    return emit(root)


_LETTER_BEFORE = r"(?<![^\W\d_])"  # not right after a letter
_NO_LETTER_AFTER = r"(?![^\W\d_])"  # not followed by a letter: whole words only
_MONTH_WORD = _trie_pattern(MONTH_SPELLINGS)
_MONTH_WORD_REVERSED = _trie_pattern(word[::-1] for word in MONTH_SPELLINGS)
_WEEKDAY_WORD = _trie_pattern(WEEKDAY_SPELLINGS)
_ORDINALS = ("st", "nd", "rd", "th", "er", "ère", "re", "º", "°", "ª")
_ORDINAL = _trie_pattern(_ORDINALS)
_ORDINAL_REVERSED = _trie_pattern(word[::-1] for word in _ORDINALS)

# The scan is built for speed: both core regexes open with a bare digit, so
# the regex engine skips every position that holds no digit at C speed (a
# lookbehind or an alternation at the start would disable that skip).
#
# Dates that open with a digit ("23/12/2016", "2016-12-23", "5th July 2015",
# "2016年12月23日"). The first digit is shared (group ``lead``); each branch is
# a named group so ``lastgroup`` says which one matched, and checks what
# stands before the lead digit with a two-character lookbehind. Between
# tokens only bounded runs of separators are allowed ({1,3}) and neighbouring
# tokens are of different kinds (digits, letters, separators), so no two
# quantifiers compete for the same text: each attempt does bounded work.
_DIGIT_FIRST = re.compile(
    rf"""
    (?P<lead>[0-9])(?<![0-9][0-9])  # the first digit of a run
    (?:
        (?P<ymd>                                # 2016-12-23, 2016/12/23, 2016.12.23, ISO with T
            (?<![./+-][0-9])
            (?P<ymd_y>[0-9]{{3}})(?P<ymd_s>[-/]|\.\x20?)(?P<ymd_m>[0-9]{{1,2}})(?P=ymd_s)(?P<ymd_d>[0-9]{{1,2}})(?![0-9])
            (?:T(?P<ymd_h>[0-9]{{2}}):?(?P<ymd_mi>[0-9]{{2}})
                (?::?(?P<ymd_sec>[0-9]{{2}})(?:[.,][0-9]{{1,9}})?)?
                (?P<ymd_tz>Z|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)?
            )?
            (?![\w/]|[.,][0-9])
        )
      | (?P<cjk>                                # 2016年12月23日, 2016년 12월 23일
            (?<![0-9][0-9])(?P<cjk_y>[0-9]{{3}})\s{{0,2}}[年년]\s{{0,2}}(?P<cjk_m>[0-9]{{1,2}})\s{{0,2}}[月월]
            (?:\s{{0,2}}(?P<cjk_d>[0-9]{{1,2}})\s{{0,2}}[日일])?
        )
      | (?P<num>                                # 23/12/2016, 03.04.16, 12-23-2016
            (?<![\w./+-][0-9])
            (?P<num_a>[0-9]?)(?P<num_s>\x20?/\x20?|[.-])(?P<num_b>[0-9]{{1,2}})(?P=num_s)(?P<num_y>[0-9]{{4}}|[0-9]{{2}})
            (?![\w/-]|[.,][0-9])
        )
      | (?P<word>                               # a month name in the middle; one copy of its tree
            (?:                                 # 5th July 2015, 3. Mai 2016, 3 de mayo de 2016
                (?<![\w.:,][0-9])(?<![^\W\d_][-‑][0-9])  # not "COVID-19 March 2020"
                (?P<dmy_d>[0-9]?)(?![0-9])(?:{_ORDINAL})?\.?[\s/-]{{1,3}}(?:(?:de|of)\s{{1,3}}|d['’])?
              |                                 # 2020. június 4. (year first, as in Hungarian)
                (?<![\w./+-][0-9])(?P<ywd_y>[0-9]{{3}})\.\s{{1,2}}
            )
            (?P<word_m>{_MONTH_WORD}){_NO_LETTER_AFTER}\.?
            (?:\s{{0,2}}/\s{{0,2}}[^\W\d_]{{3,12}}{_NO_LETTER_AFTER})?  # a second name: "24 نيسان / أبريل 2020"
            (?(dmy_d)
                (?:,?[\s/.-]{{1,3}}|,)(?:(?:de|del)\s{{1,3}})?(?P<dmy_y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])
              | \s{{1,2}}(?P<ywd_d>[0-9]{{1,2}})(?![0-9])
            )
        )
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Dates that open with a month name ("December 23, 2016", "Dec. 2016",
# "diciembre de 2016") are found in the *reversed* line, where they open
# with the year's digits; each piece below is the reverse of the piece in
# reading order, in reverse order. Same bounded shape as above.
_MONTH_FIRST_REVERSED = re.compile(
    rf"""
    (?P<y>[0-9](?<![0-9][0-9])[0-9]{{3}})(?![0-9])
    (?:
        (?:[\s/-]{{1,3}},?|,|\s{{0,2}}\.|\s{{1,3}}fo\s{{1,3}})   # "6102 ,32 .ceD" is "Dec. 23, 2016"
        (?:{_ORDINAL_REVERSED})?(?P<day>[0-9]{{1,2}})(?![0-9])
        (?:[\s/-]{{1,3}}\.?|\.)
      |                                         # "6102 rebmeceD" is "December 2016"
        (?:\s{{1,3}}(?:ed|led))?(?:[\s/-]{{1,3}},?|,)(?P<dot>\.)?
    )
    (?P<month>{_MONTH_WORD_REVERSED}){_NO_LETTER_AFTER}   # one copy of the month tree for both
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Zone abbreviations ("EST", "ET") and US region names ("Eastern", "Pacific
# Time"). A bare region name must not open a proper noun ("Central Park").
_ZONE_ABBREVIATION = _trie_pattern(
    sorted(name for name in {*FIXED_ZONES, *REGIONAL_ZONES} if name.isupper() and name != "Z")
)
_ZONE_NAME = _trie_pattern(sorted(name for name in REGIONAL_ZONES if " " not in name and not name.isupper()))
_ZONE_WORD = rf"{_ZONE_ABBREVIATION}|(?:{_ZONE_NAME})(?:\sTime|(?!\s[A-Z][a-z]))"

# A time of day with an optional timezone. Hours, minutes and seconds are
# fixed-width digit groups; every gap is bounded.
_TIME = rf"""
    (?:
        (?P<noon>noon|midday|midnight)
      | (?<![0-9:.,])(?P<h>[01]?[0-9]|2[0-4])
        (?:
            (?:[:.]|\s?h\s?|\s?[時时시]\s?)(?P<mi>[0-5][0-9])(?:[:.](?P<s>[0-5][0-9])(?:[.,][0-9]{{1,6}})?)?
            (?:\s?[分분])?
          | (?P<honly>\s?h){_NO_LETTER_AFTER}
        )?
        (?![0-9])
        (?:\s{{0,2}}(?:(?P<ap>[ap])\.?\s?m\b\.?|(?P<ap_ar>صباحًا|صباحا|مساءً|مساء|[صم]){_NO_LETTER_AFTER}))?
        (?:\s{{0,2}}(?P<suffix>\(?noon\)?|uhr|uur|hrs|godz\.?)\b)?
    )
    (?:\s{{0,2}}\(?
        (?-i:
            (?P<tzo>(?:GMT|UTC)\s?[+\-−]\s?[0-9]{{1,2}}(?::?[0-9]{{2}})?|[+\-−][0-9]{{2}}:?[0-9]{{2}}|Z(?![\w]))
          | (?P<tz>(?:{_ZONE_WORD})){_NO_LETTER_AFTER}
        )
    \)?)?
"""

# Time after the date core, with an optional connector ("at", "à", "um", "|").
_TIME_AFTER = re.compile(
    rf"""
    (?:\s{{0,3}}(?:[,،.|•·@/]|[-–—]|at|à|a\s(?:las|la)|alle(?:\sore)?|ore|um|às|as|om|kl\.?|klo|в|u
        |saat|pukul|o\sgodz\.?|godz\.?){_NO_LETTER_AFTER}\s{{0,3}}|\s{{1,3}})
    {_TIME}
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Time just before the date core ("3:45 p.m. ET Nov. 19, 2019"); searched in
# a short window that ends where the core starts (``\Z`` meets ``endpos``).
_TIME_BEFORE = re.compile(
    rf"""
    {_TIME}
    \s{{0,3}}(?:(?:[,|•·@]|[-–—]|on|le|el|il|am|de|of|den){_NO_LETTER_AFTER})?\s{{0,3}}\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A weekday just before the date ("Sun 05 Jul 2015", "Sonntag, den 5. Juli").
_WEEKDAY_BEFORE = re.compile(
    rf"""
    {_LETTER_BEFORE}(?P<wd>{_WEEKDAY_WORD}){_NO_LETTER_AFTER}\.?[,،]?\s{{0,3}}
    (?:(?:den|le|el|il|the|de)\s{{1,3}})?\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)

_HAS_DIGIT = re.compile(r"[0-9]").search
#: Arabic morning / evening markers after a time ("09:22 مساءً" is 21:22).
_ARABIC_MERIDIEM = {"ص": "a", "صباحا": "a", "صباحًا": "a", "م": "p", "مساء": "p", "مساءً": "p"}
_TIME_WINDOW = 40
_WEEKDAY_WINDOW = 32


# -- small helpers --------------------------------------------------------------

_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_date(year: int, month: int, day: int) -> bool:
    """True when the day exists (no 31 April, no 29 February 2019)."""
    if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]):
        return False
    if month == 2 and day == 29:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def _full_year(digits: str) -> int:
    """A year from 4 digits, or from 2 digits the POSIX way (69-99 -> 1900s, 00-68 -> 2000s)."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _zone_offset(zone_name: str, when: _dt.datetime) -> int | None:
    """Minutes east of UTC of an IANA zone at a local time (None without tz data)."""
    try:
        zone = ZoneInfo(zone_name)
    except (LookupError, OSError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        return _us_offset_without_tzdata(zone_name, when)
    offset = zone.utcoffset(when)
    return None if offset is None else int(offset.total_seconds()) // 60


def _named_zone_offset(name: str, when: _dt.datetime) -> int | None:
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


def _parse_offset(text: str) -> int | None:
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


class _Time(NamedTuple):
    """A time of day read next to a date, with the stated offset (minutes) if any."""

    hour: int
    minute: int | None
    second: int | None
    utc_offset: int | None


def _read_time(match: re.Match[str], date: _Date) -> _Time | None:
    """The time of a ``_TIME`` match, or None when it is no real time (a bare number, 25:00)."""
    minute: int | None
    second: int | None
    if match["noon"]:
        hour, minute, second = (0 if match["noon"].lower() == "midnight" else 12), 0, None
    else:
        hour = int(match["h"])
        minute = int(match["mi"]) if match["mi"] else None
        second = int(match["s"]) if match["s"] else None
        meridiem = match["ap"] or _ARABIC_MERIDIEM.get(match["ap_ar"] or "")
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
        offset = _parse_offset(match["tzo"])
    elif match["tz"]:
        local = _dt.datetime(date.year, date.month, date.day or 1, hour, minute or 0)
        offset = _named_zone_offset(match["tz"], local)
    return _Time(hour, minute, second, offset)


def _day_month(first: int, second: int, year: int, day_first: DayFirst) -> tuple[int, int, bool] | None:
    """(day, month, ambiguous) for an all-numeric date written ``first/second/year``."""
    as_dm = _valid_date(year, second, first)
    as_md = _valid_date(year, first, second)
    if not as_dm and not as_md:
        return None
    if as_dm and as_md and first != second:
        if day_first is DayFirst.NO:
            return second, first, False
        return first, second, day_first is DayFirst.AUTO
    if as_dm:
        return first, second, False
    return second, first, False


# -- the scan -------------------------------------------------------------------


class _Date(NamedTuple):
    """The calendar part of a date core; ``day`` is None for "December 2016"."""

    year: int
    month: int
    day: int | None
    ambiguous: bool = False


class _Core(NamedTuple):
    """A date core found in the line, before a time or weekday is joined to it."""

    start: int
    end: int
    date: _Date
    time: _Time | None = None  # the time of an ISO "2016-12-23T14:08"
    needs_time: bool = False  # a date that counts only with a time after it


def _text_year(year: int) -> bool:
    """True for a year a date in running text may have."""
    return _MIN_TEXT_YEAR <= year <= _MAX_TEXT_YEAR


def _digit_first_core(match: re.Match[str], day_first: DayFirst) -> _Core | None:
    """The date of a ``_DIGIT_FIRST`` match, or None when it is no real date."""
    kind = match.lastgroup
    lead = match["lead"]
    start, end = match.span()
    time = None
    if kind == "num":
        first, second, digits = lead + match["num_a"], match["num_b"], match["num_y"]
        if len(digits) == 2 and match["num_s"].strip() != "/" and (len(first) != 2 or len(second) != 2):
            return None  # "3.10.12" reads as a version number, not 3 October 2012
        year = _full_year(digits)
        parts = _day_month(int(first), int(second), year, day_first)
        if parts is None or not _text_year(year):
            return None
        day, month, ambiguous = parts
        return _Core(start, end, _Date(year, month, day, ambiguous))
    needs_time = False
    if kind == "word" and match["dmy_y"] is not None:
        digits = match["dmy_y"]
        year, month, day = _full_year(digits), MONTHS.get(fold(match["word_m"]), 0), int(lead + match["dmy_d"])
        needs_time = len(digits) == 2  # "27 Mar 20 à 9:21" but not "5 May 20 people"
    elif kind == "word":
        year, month, day = int(lead + match["ywd_y"]), MONTHS.get(fold(match["word_m"]), 0), int(match["ywd_d"])
    elif kind == "ymd":
        year, month, day = int(lead + match["ymd_y"]), int(match["ymd_m"]), int(match["ymd_d"])
        if match["ymd_h"]:
            hour, minute = int(match["ymd_h"]), int(match["ymd_mi"])
            second = int(match["ymd_sec"]) if match["ymd_sec"] else None
            if hour <= 23 and minute <= 59 and (second is None or second <= 59):
                offset = _parse_offset(match["ymd_tz"]) if match["ymd_tz"] else None
                time = _Time(hour, minute, second, offset)
            else:
                end = match.start("ymd_h") - 1  # keep the date, drop "T25:00"
    else:  # "cjk"
        year, month = int(lead + match["cjk_y"]), int(match["cjk_m"])
        if not match["cjk_d"]:
            if _text_year(year) and 1 <= month <= 12:
                return _Core(start, end, _Date(year, month, None))
            return None
        day = int(match["cjk_d"])
    if not _text_year(year) or not _valid_date(year, month, day):
        return None
    return _Core(start, end, _Date(year, month, day), time, needs_time)


def _month_first_core(match: re.Match[str], length: int) -> _Core | None:
    """The date of a ``_MONTH_FIRST_REVERSED`` match in a reversed line of ``length`` characters."""
    year = int(match["y"][::-1])
    if not _text_year(year):
        return None
    start, end = length - match.end(), length - match.start()
    word = fold(match["month"][::-1])
    month = MONTHS.get(word, 0)
    if match["day"] is not None:  # "December 23, 2016"
        day = int(match["day"][::-1])
        return _Core(start, end, _Date(year, month, day)) if _valid_date(year, month, day) else None
    if word in AMBIGUOUS_MONTH_WORDS and match["dot"] is None:
        return None  # "check out 2016", "two years ago 2016"
    return _Core(start, end, _Date(year, month, None)) if month else None


def _cores(text: str, day_first: DayFirst) -> list[_Core]:
    """Every date core of ``text``, by start offset (they may overlap)."""
    cores = []
    for match in _DIGIT_FIRST.finditer(text):
        core = _digit_first_core(match, day_first)
        if core is not None:
            cores.append(core)
    length = len(text)
    for match in _MONTH_FIRST_REVERSED.finditer(text[::-1]):
        core = _month_first_core(match, length)
        if core is not None:
            cores.append(core)
    if len(cores) > 1:
        cores.sort()
    return cores


def _resolve_by_weekday(date: _Date, weekday: int) -> _Date:
    """Settle an ambiguous numeric date with the weekday the text gives, when only one reading fits."""
    if date.day is None:
        return date
    readings = [(date.day, date.month), (date.month, date.day)]
    fits = [(d, m) for d, m in readings
            if _valid_date(date.year, m, d) and _dt.date(date.year, m, d).weekday() == weekday]
    if len(fits) == 1:
        day, month = fits[0]
        return _Date(date.year, month, day, False)
    return date


def _scan(text: str, source: TimeSource, day_first: DayFirst, first_only: bool) -> Iterator[DateMatch]:
    """Yield the date expressions of ``text`` in order, without overlaps."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if _HAS_DIGIT(text) is None:  # every date this module reads has a digit
        return
    floor = 0  # nothing before this offset may join a new match
    for core in _cores(text, day_first):
        if core.start < floor:
            continue  # overlaps the match before
        start, end, date, time, needs_time = core
        if time is None and date.day is not None:
            after = _TIME_AFTER.match(text, end)
            time = _read_time(after, date) if after else None
            if after is not None and time is not None:
                end = after.end()
            elif needs_time:
                continue
        weekday = _WEEKDAY_BEFORE.search(text, max(floor, start - _WEEKDAY_WINDOW), start)
        if weekday is not None:
            start = weekday.start()
            number = WEEKDAYS.get(fold(weekday["wd"]))
            if date.ambiguous and number is not None:
                date = _resolve_by_weekday(date, number)
        if time is None and date.day is not None:
            # "3:45 p.m. ET Nov. 19, 2019", "1:09 PM ET, Sat November 19, 2016"
            before = _TIME_BEFORE.search(text, max(floor, start - _TIME_WINDOW), start)
            time = _read_time(before, date) if before else None
            if before is not None and time is not None:
                start = before.start()
                if weekday is None:  # "Sat 12:45 PM, Nov 19, 2016"
                    weekday = _WEEKDAY_BEFORE.search(text, max(floor, start - _WEEKDAY_WINDOW), start)
                    start = start if weekday is None else weekday.start()
        raw = text[start:end].rstrip()
        end = start + len(raw)
        stamp = Timestamp(
            raw=raw, year=date.year, month=date.month, day=date.day,
            hour=None if time is None else time.hour,
            minute=None if time is None else time.minute,
            second=None if time is None else time.second,
            utc_offset=None if time is None else time.utc_offset,
            source=source, ambiguous=date.ambiguous,
        )
        yield DateMatch(stamp, start, end)
        if first_only:
            return
        floor = end


# -- public functions -----------------------------------------------------------


def find_timestamp(text: str, *, source: TimeSource = TimeSource.TEXT,
                   day_first: DayFirst = DayFirst.AUTO) -> DateMatch | None:
    """Find the first date or date-time expression in a line; None when there is none.

    Bare years, bare numbers, times alone and relative dates ("2 hours ago")
    are not dates. The match spans the weekday and time that belong to the
    date ("Sun 05 Jul 2015", "Published 3:45 p.m. ET Nov. 19, 2019").

    >>> m = find_timestamp("23/12/2016 14:08 by admin")
    >>> m.timestamp.isoformat(), m.timestamp.raw, m.end
    ('2016-12-23T14:08', '23/12/2016 14:08', 16)
    >>> find_timestamp("Nov. 19, 2019 8:03 am ET").timestamp.isoformat()
    '2019-11-19T08:03-05:00'
    >>> find_timestamp("The 2016 election cost 3.5 million") is None
    True
    """
    for found in _scan(text, source, day_first, first_only=True):
        return found
    return None


def find_timestamps(text: str, *, source: TimeSource = TimeSource.TEXT,
                    day_first: DayFirst = DayFirst.AUTO) -> tuple[DateMatch, ...]:
    """Every date expression in ``text``, in order and without overlaps.

    >>> [m.timestamp.isoformat() for m in find_timestamps("Published 5 July 2015, updated 2015-07-06")]
    ['2015-07-05', '2015-07-06']
    """
    return tuple(_scan(text, source, day_first, first_only=False))


# A word ("jour", "d'abril") or a number. Linear: the apostrophe separates
# the two letter runs, so they cannot compete for the same characters.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


def parse_timestamp(text: str, *, source: TimeSource = TimeSource.TEXT,
                    day_first: DayFirst = DayFirst.AUTO) -> Timestamp | None:
    """Parse a string that is essentially a date or date-time; None when it is not.

    Labels such as "Updated:", "Published on", "le", "Mis à jour le" and light
    punctuation may stand around the date; any other word (or number) means
    the string is more than a date and gives None.

    >>> parse_timestamp("Updated: December 23, 2016 2:08 PM EST").isoformat()
    '2016-12-23T14:08-05:00'
    >>> t = parse_timestamp("03/04/2016")
    >>> (t.day, t.month, t.ambiguous)
    (3, 4, True)
    >>> parse_timestamp("Theresa May said on Monday") is None
    True
    """
    matches = find_timestamps(text, source=source, day_first=day_first)
    if not matches:
        return None
    pos = 0
    for found in matches:
        if not _only_labels(text, pos, found.start):
            return None
        pos = found.end
    if not _only_labels(text, pos, len(text)):
        return None
    return matches[0].timestamp


def _only_labels(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds only label words and punctuation."""
    return all(fold(word) in LABEL_WORDS for word in _WORD.findall(text, start, end))


# -- machine formats --------------------------------------------------------------

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

# RFC 2822 ("Tue, 19 Nov 2019 08:03:00 -0500"), JavaScript's Date string
# ("Tue Nov 19 2019 08:03:00 GMT-0500 (Eastern Standard Time)") and Unix
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
    if day is not None and (month is None or not _valid_date(year, month, day)):
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
            offset = _parse_offset(match["tz"])
        elif match["zone"] and day is not None and month is not None:
            offset = _named_zone_offset(match["zone"], _dt.datetime(year, month, day, hour, minute or 0))
    return Timestamp(raw=raw, year=year, month=month, day=day, hour=hour, minute=minute,
                     second=second, utc_offset=offset, source=source)


def _from_mail(raw: str, match: re.Match[str], source: TimeSource) -> Timestamp | None:
    """A timestamp from a ``_MACHINE_MAIL`` match, or None when it is no date."""
    word = match["mon"] or match["mon2"] or match["mon3"]
    month = MONTHS.get(fold(word))
    if month is None:
        return None
    year = _full_year(match["y"] or match["y2"] or match["y3"])
    day = int(match["d"] or match["d2"] or match["d3"])
    if not _valid_date(year, month, day):
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
            offset = _parse_offset(match["num"] or match["gmt"])
        elif match["zone"]:
            offset = _named_zone_offset(match["zone"], _dt.datetime(year, month, day, hour, minute))
    return Timestamp(raw=raw, year=year, month=month, day=day, hour=hour, minute=minute,
                     second=second, utc_offset=offset, source=source)
