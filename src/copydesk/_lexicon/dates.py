"""Read dates and times in lines of text and in page metadata.

Entry points shared by the text and the HTML front ends:

- :func:`find_timestamp` / :func:`find_timestamps`: the date expressions
  inside a longer line ("Posted by X on Sep 22, 2017").
- :func:`parse_timestamp`: a string that is essentially a date, with at most
  labels around it ("Updated: Nov. 19, 2019 8:03 am ET").
- :func:`~copydesk._lexicon.machine_dates.parse_machine_timestamp` (in its
  own module): the machine formats of metadata (ISO 8601, RFC 2822, compact
  ``20191119``, epoch seconds), on a fast path.

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
from collections.abc import Iterator
from typing import NamedTuple

import attrs

from .._config import DayFirst
from .._model import TimeSource, Timestamp
from .calendar import CalendarDate, TimeOfDay, day_month, full_year, parse_offset, read_time, valid_date
from .date_patterns import (
    DIGIT_FIRST,
    HAS_DIGIT,
    MAX_TEXT_YEAR,
    MIN_TEXT_YEAR,
    MONTH_FIRST_REVERSED,
    TIME_AFTER,
    TIME_BEFORE,
    TIME_WINDOW,
    WEEKDAY_BEFORE,
    WEEKDAY_WINDOW,
)
from .date_words import AMBIGUOUS_MONTH_WORDS, LABEL_WORDS, MONTHS, WEEKDAYS, fold

__all__ = [
    "DateMatch",
    "find_timestamp",
    "find_timestamps",
    "parse_timestamp",
]


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


# -- the scan -------------------------------------------------------------------


class _Core(NamedTuple):
    """A date core found in the line, before a time or weekday is joined to it."""

    start: int
    end: int
    date: CalendarDate
    time: TimeOfDay | None = None  # the time of an ISO "2016-12-23T14:08"
    needs_time: bool = False  # a date that counts only with a time after it


def _text_year(year: int) -> bool:
    """True for a year a date in running text may have."""
    return MIN_TEXT_YEAR <= year <= MAX_TEXT_YEAR


def _digit_first_core(match: re.Match[str], day_first: DayFirst) -> _Core | None:
    """The date of a ``DIGIT_FIRST`` match, or None when it is no real date."""
    kind = match.lastgroup
    lead = match["lead"]
    start, end = match.span()
    time = None
    if kind == "num":
        first, second, digits = lead + match["num_a"], match["num_b"], match["num_y"]
        if len(digits) == 2 and match["num_s"].strip() != "/" and (len(first) != 2 or len(second) != 2):
            return None  # "3.10.12" reads as a version number, not 3 October 2012
        year = full_year(digits)
        if day_first is DayFirst.AUTO and match["num_s"].strip() == ".":
            # Dotted numeric dates (04.03.2021) are day-first wherever they are written
            # (German, Slavic, Nordic, Turkish use); month-first writers use slashes.
            day_first = DayFirst.YES
        parts = day_month(int(first), int(second), year, day_first)
        if parts is None or not _text_year(year):
            return None
        day, month, ambiguous = parts
        return _Core(start, end, CalendarDate(year, month, day, ambiguous))
    needs_time = False
    if kind == "word" and match["dmy_y"] is not None:
        digits = match["dmy_y"]
        year, month, day = full_year(digits), MONTHS.get(fold(match["word_m"]), 0), int(lead + match["dmy_d"])
        needs_time = len(digits) == 2  # "27 Mar 20 à 9:21" but not "5 May 20 people"
    elif kind == "word":
        year, month, day = int(lead + match["ywd_y"]), MONTHS.get(fold(match["word_m"]), 0), int(match["ywd_d"])
    elif kind == "ymd":
        year, month, day = int(lead + match["ymd_y"]), int(match["ymd_m"]), int(match["ymd_d"])
        if match["ymd_h"]:
            hour, minute = int(match["ymd_h"]), int(match["ymd_mi"])
            second = int(match["ymd_sec"]) if match["ymd_sec"] else None
            if hour <= 23 and minute <= 59 and (second is None or second <= 59):
                offset = parse_offset(match["ymd_tz"]) if match["ymd_tz"] else None
                time = TimeOfDay(hour, minute, second, offset)
            else:
                end = match.start("ymd_h") - 1  # keep the date, drop "T25:00"
    else:  # "cjk"
        year, month = int(lead + match["cjk_y"]), int(match["cjk_m"])
        if not match["cjk_d"]:
            if _text_year(year) and 1 <= month <= 12:
                return _Core(start, end, CalendarDate(year, month, None))
            return None
        day = int(match["cjk_d"])
    if not _text_year(year) or not valid_date(year, month, day):
        return None
    return _Core(start, end, CalendarDate(year, month, day), time, needs_time)


def _month_first_core(match: re.Match[str], length: int) -> _Core | None:
    """The date of a ``MONTH_FIRST_REVERSED`` match in a reversed line of ``length`` characters."""
    year = int(match["y"][::-1])
    if not _text_year(year):
        return None
    start, end = length - match.end(), length - match.start()
    word = fold(match["month"][::-1])
    month = MONTHS.get(word, 0)
    if match["day"] is not None:  # "December 23, 2016"
        day = int(match["day"][::-1])
        return _Core(start, end, CalendarDate(year, month, day)) if valid_date(year, month, day) else None
    if word in AMBIGUOUS_MONTH_WORDS and match["dot"] is None:
        return None  # "check out 2016", "two years ago 2016"
    return _Core(start, end, CalendarDate(year, month, None)) if month else None


def _cores(text: str, day_first: DayFirst) -> list[_Core]:
    """Every date core of ``text``, by start offset (they may overlap)."""
    cores = []
    for match in DIGIT_FIRST.finditer(text):
        core = _digit_first_core(match, day_first)
        if core is not None:
            cores.append(core)
    length = len(text)
    for match in MONTH_FIRST_REVERSED.finditer(text[::-1]):
        core = _month_first_core(match, length)
        if core is not None:
            cores.append(core)
    if len(cores) > 1:
        cores.sort()
    return cores


def _resolve_by_weekday(date: CalendarDate, weekday: int) -> CalendarDate:
    """Settle an ambiguous numeric date with the weekday the text gives, when only one reading fits."""
    if date.day is None:
        return date
    readings = [(date.day, date.month), (date.month, date.day)]
    fits = [(d, m) for d, m in readings
            if valid_date(date.year, m, d) and _dt.date(date.year, m, d).weekday() == weekday]
    if len(fits) == 1:
        day, month = fits[0]
        return CalendarDate(date.year, month, day, False)
    return date


def _scan(text: str, source: TimeSource, day_first: DayFirst, first_only: bool) -> Iterator[DateMatch]:
    """Yield the date expressions of ``text`` in order, without overlaps."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if HAS_DIGIT(text) is None:  # every date this module reads has a digit
        return
    floor = 0  # nothing before this offset may join a new match
    for core in _cores(text, day_first):
        if core.start < floor:
            continue  # overlaps the match before
        start, end, date, time, needs_time = core
        if time is None and date.day is not None:
            after = TIME_AFTER.match(text, end)
            time = read_time(after, date) if after else None
            if after is not None and time is not None:
                end = after.end()
            elif needs_time:
                continue
        weekday = WEEKDAY_BEFORE.search(text, max(floor, start - WEEKDAY_WINDOW), start)
        if weekday is not None:
            start = weekday.start()
            number = WEEKDAYS.get(fold(weekday["wd"]))
            if date.ambiguous and number is not None:
                date = _resolve_by_weekday(date, number)
        if time is None and date.day is not None:
            # "3:45 p.m. ET Nov. 19, 2019", "1:09 PM ET, Sat November 19, 2016"
            before = TIME_BEFORE.search(text, max(floor, start - TIME_WINDOW), start)
            time = read_time(before, date) if before else None
            if before is not None and time is not None:
                start = before.start()
                if weekday is None:  # "Sat 12:45 PM, Nov 19, 2016"
                    weekday = WEEKDAY_BEFORE.search(text, max(floor, start - WEEKDAY_WINDOW), start)
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
