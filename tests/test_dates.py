"""Tests for copydesk._lexicon.dates: the cases in tests/cases/dates.json, then invariants.

Each case names the function (``find``, ``parse`` or ``machine``), the input,
the expected timestamp (``null`` for "no date") and where the case came from.
``known_failures`` are run as strict xfail, so a fix forces an update.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk._config import DayFirst
from copydesk._lexicon.date_words import MONTHS, WEEKDAYS
from copydesk._lexicon.dates import (
    DateMatch,
    find_timestamp,
    find_timestamps,
    parse_timestamp,
)
from copydesk._lexicon.machine_dates import parse_machine_timestamp
from copydesk._model import TimeSource, Timestamp

CASES = json.loads((Path(__file__).parent / "cases" / "dates.json").read_text(encoding="utf-8"))


def _run(case: dict[str, Any]) -> Timestamp | None:
    source = TimeSource(case.get("source", "text"))
    if case["function"] == "machine":
        return parse_machine_timestamp(case["input"], source=source)
    day_first = DayFirst(case.get("day_first", "auto"))
    if case["function"] == "parse":
        return parse_timestamp(case["input"], source=source, day_first=day_first)
    match = find_timestamp(case["input"], source=source, day_first=day_first)
    if match is None:
        return None
    assert case["input"][match.start:match.end] == match.timestamp.raw
    return match.timestamp


def _check(case: dict[str, Any]) -> None:
    got = _run(case)
    want = case["expected"]
    if want is None:
        assert got is None, f"{case['input']!r} gave {got}"
        return
    assert got is not None, f"{case['input']!r} gave no date"
    assert got.isoformat() == want["iso"]
    if "guess" in want:  # an ambiguous date: only the year in ISO form, its parts read day-first
        guess = f"{got.year:04d}-{got.month:02d}-{got.day:02d}"
        if got.hour is not None:
            guess += f"T{got.hour:02d}:{got.minute or 0:02d}"
        assert guess == want["guess"]
    if "raw" in want:
        assert got.raw == want["raw"]
    if "ambiguous" in want:
        assert got.ambiguous is want["ambiguous"]
    if "utc_offset" in want:
        assert got.utc_offset == want["utc_offset"]
    assert got.source is TimeSource(case.get("source", "text"))


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [f"{c['function']}-{n}-{c['input'][:30]}" for n, c in enumerate(cases)]


@pytest.mark.parametrize("case", CASES["cases"], ids=_ids(CASES["cases"]))
def test_case(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", CASES["known_failures"], ids=_ids(CASES["known_failures"]))
@pytest.mark.xfail(strict=True, reason="known miss, see the case comment")
def test_known_failure(case: dict[str, Any]) -> None:
    _check(case)


def test_cases_have_positive_and_negative_examples() -> None:
    for function in ("find", "parse", "machine"):
        expected = [c["expected"] for c in CASES["cases"] if c["function"] == function]
        assert any(e is None for e in expected) and any(e is not None for e in expected)
    assert all(c["comment"] for c in CASES["cases"] + CASES["known_failures"])


# -- behaviour beyond single cases -----------------------------------------------


def test_find_timestamps_gives_all_in_order_without_overlap() -> None:
    text = "From 5 July 2015 to Dec. 23, 2016 (updated 2017-01-02T10:00Z), see 03/04/2016."
    found = find_timestamps(text)
    assert [m.timestamp.isoformat() for m in found] == [
        "2015-07-05", "2016-12-23", "2017-01-02T10:00+00:00", "2016",
    ]
    assert (found[-1].timestamp.day, found[-1].timestamp.month, found[-1].timestamp.ambiguous) == (3, 4, True)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[m.start:m.end] == m.timestamp.raw for m in found)


def test_find_timestamp_offsets_point_into_the_text() -> None:
    text = "Posted by Jane Doe on Sep 22, 2017 at 10:15 am"
    match = find_timestamp(text)
    assert isinstance(match, DateMatch)
    assert text[match.start:match.end] == "Sep 22, 2017 at 10:15 am"
    assert match.timestamp.isoformat() == "2017-09-22T10:15"


def test_source_is_recorded() -> None:
    stamp = parse_timestamp("5 July 2015", source=TimeSource.TIME_ELEMENT)
    assert stamp is not None and stamp.source is TimeSource.TIME_ELEMENT


def test_timezone_is_stated_only_when_given() -> None:
    plain = parse_timestamp("23/12/2016 14:08")
    zoned = parse_timestamp("23/12/2016 14:08 CET")
    assert plain is not None and not plain.timezone_stated
    assert zoned is not None and zoned.utc_offset == 60
    assert zoned.datetime is not None and zoned.datetime.utcoffset() is not None


def test_no_day_means_no_time() -> None:
    stamp = parse_timestamp("December 2016")
    assert stamp is not None and (stamp.day, stamp.hour) == (None, None)


@pytest.mark.parametrize("bad", [None, 2016, b"23/12/2016"])
def test_wrong_types_raise_type_error(bad: Any) -> None:
    with pytest.raises(TypeError):
        find_timestamp(bad)
    with pytest.raises(TypeError):
        parse_machine_timestamp(bad, source=TimeSource.META)


def test_word_tables_are_consistent() -> None:
    assert set(MONTHS.values()) == set(range(1, 13))
    assert set(WEEKDAYS.values()) == set(range(7))
    assert all(key == key.lower() for key in [*MONTHS, *WEEKDAYS])


def test_long_inputs_do_not_blow_up() -> None:
    # Worst cases for a backtracking regex: long runs of separators, digits
    # and month-like words. These must finish at once and find nothing wrong.
    for text in (
        "1" + " " * 5000 + "May" + " " * 5000 + "2016",
        "1/" * 5000,
        "Dec " * 5000,
        "12.12." * 3000,
        "5 " * 5000 + "May",
        "2016-" * 3000,
    ):
        find_timestamps(text)
        parse_timestamp(text)
        parse_machine_timestamp(text, source=TimeSource.META)


# -- properties ------------------------------------------------------------------

_DATE_ALPHABET = string.digits + " /.-:,|年月日TZ+apmAPMhH" + "DecMayJuliSunEST"


@given(st.text())
def test_no_exception_on_any_text(text: str) -> None:
    for found in find_timestamps(text):
        assert text[found.start:found.end] == found.timestamp.raw
    parse_timestamp(text)
    parse_machine_timestamp(text, source=TimeSource.META)


@given(st.text(alphabet=_DATE_ALPHABET, max_size=60))
def test_no_exception_on_date_like_text(text: str) -> None:
    for day_first in DayFirst:
        for found in find_timestamps(text, day_first=day_first):
            assert text[found.start:found.end] == found.timestamp.raw
            assert found.timestamp.raw == found.timestamp.raw.strip()
    parse_machine_timestamp(text, source=TimeSource.JSON_LD)


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1),
                    max_value=dt.datetime(2100, 12, 31)))
def test_iso_round_trip(moment: Any) -> None:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    stamp = parse_machine_timestamp(text, source=TimeSource.META)
    assert stamp is not None and stamp.datetime == moment.replace(microsecond=0)
    found = find_timestamp(f"Updated {text} by staff")
    assert found is not None and found.timestamp.datetime == moment.replace(microsecond=0)


@given(st.dates(min_value=dt.date(1900, 1, 1),
                max_value=dt.date(2100, 12, 31)))
def test_written_dates_round_trip(day: Any) -> None:
    for text in (day.strftime("%d %B %Y"), day.strftime("%B %d, %Y"), day.strftime("%a, %d %b %Y")):
        stamp = parse_timestamp(text)
        assert stamp is not None and stamp.date == day, text


@given(st.dates(min_value=dt.date(1900, 1, 1),
                max_value=dt.date(2100, 12, 31)))
def test_numeric_dates_never_guess_silently(day: Any) -> None:
    stamp = parse_timestamp(day.strftime("%d/%m/%Y"))
    assert stamp is not None
    if stamp.ambiguous:
        assert day.day <= 12 and day.month <= 12 and day.day != day.month
        assert (stamp.year, stamp.month, stamp.day) == (day.year, day.month, day.day)  # the parts read day-first
        assert stamp.date is None and stamp.isoformat() == f"{day.year:04d}"  # never given as a day
    else:
        assert stamp.date == day


# -- real text -------------------------------------------------------------------

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_MIN_YEAR, _MAX_YEAR = 1800, 2199  # the years a date in running text may have


@pytest.mark.corpus
def test_messy_text_lines_read_cleanly() -> None:
    """Every line of the messy-text corpus: no exception, raw text where it says, sane parts."""
    files = sorted((DATA / "messy-text").glob("*.jsonl"))
    if not files:
        pytest.skip("../shared/data/messy-text is absent")
    lines = found = 0
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for record in handle:
                for line in json.loads(record)["text"].splitlines():
                    lines += 1
                    for match in find_timestamps(line):
                        found += 1
                        stamp = match.timestamp
                        assert line[match.start:match.end] == stamp.raw
                        assert _MIN_YEAR <= stamp.year <= _MAX_YEAR
                        assert stamp.hour is None or stamp.day is not None
    assert lines > 1000 and found > 0


def test_us_summer_time_rule_matches_the_tz_database() -> None:
    """The fallback used when a system has no tz data agrees with zoneinfo (2007 rules on)."""
    from zoneinfo import ZoneInfo

    from copydesk._lexicon.calendar import _us_offset_without_tzdata, _zone_offset

    zone = ZoneInfo("America/Chicago")
    moment = dt.datetime(2007, 1, 1, 12)
    while moment.year < 2031:
        want = zone.utcoffset(moment)
        assert want is not None
        assert _us_offset_without_tzdata("America/Chicago", moment) == want.total_seconds() // 60
        assert _zone_offset("America/Chicago", moment) == want.total_seconds() // 60
        moment += dt.timedelta(hours=61)
