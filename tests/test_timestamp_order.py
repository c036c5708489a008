"""Timestamp: ambiguous dates stay ambiguous all the way out, one total order, CopydeskError errors (issue 11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk import (
    Article,
    CopydeskError,
    DateOptions,
    DayFirst,
    ParseConfig,
    TimeSource,
    Timestamp,
    TimestampError,
    json_schema,
    parse_html,
    parse_text,
)

_BODY = "The council voted on Tuesday to approve the budget for next year after a long debate.\n\nMembers agreed."


@st.composite
def any_timestamps(draw: st.DrawFn) -> Timestamp:
    """Timestamps of every precision, naive or aware, ambiguous or not."""
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    parts: dict[str, Any] = {"year": day.year}
    precision = draw(st.integers(0, 5))
    if precision >= 1:
        parts["month"] = day.month
    if precision >= 2:
        parts["day"] = day.day
        parts["ambiguous"] = day.day <= 12 and day.day != day.month and draw(st.booleans())
    if precision >= 3:
        parts["hour"] = draw(st.integers(0, 23))
    if precision >= 4:
        parts["minute"] = draw(st.integers(0, 59))
    if precision >= 5:
        parts["second"] = draw(st.integers(0, 59))
    if draw(st.booleans()):
        parts["utc_offset"] = draw(st.sampled_from((-300, -240, 0, 60, 330, 600)))
    raw = draw(st.sampled_from(("a", "b")))
    return Timestamp(raw=raw, source=draw(st.sampled_from(list(TimeSource))), **parts)


@given(any_timestamps(), any_timestamps(), any_timestamps())
def test_timestamps_are_totally_ordered(a: Timestamp, b: Timestamp, c: Timestamp) -> None:
    assert (a < b) + (a == b) + (a > b) == 1  # trichotomy
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a <= b <= c:
        assert a <= c  # transitivity
    assert sorted([a, b, c]) == sorted([c, b, a])


@given(any_timestamps(), any_timestamps())
def test_aware_values_with_a_time_sort_by_their_instant(a: Timestamp, b: Timestamp) -> None:
    if a.datetime is None or b.datetime is None or a.hour is None or b.hour is None:
        return
    if a.utc_offset is None or b.utc_offset is None:
        return
    if a.datetime < b.datetime:
        assert a < b


def test_documented_order_of_partial_and_naive_values() -> None:
    year = Timestamp(raw="2016", year=2016)
    month = Timestamp(raw="Jan 2016", year=2016, month=1)
    day = Timestamp(raw="1 Jan 2016", year=2016, month=1, day=1)
    morning_ny = Timestamp(raw="x", year=2016, month=1, day=1, hour=8, minute=0, utc_offset=-300)  # 13:00 UTC
    noon_naive = Timestamp(raw="x", year=2016, month=1, day=1, hour=12, minute=0)
    guess = Timestamp(raw="03/04/2016", year=2016, month=4, day=3, ambiguous=True)
    assert sorted([morning_ny, noon_naive, day, month, guess, year]) == [
        year, guess, month, day, noon_naive, morning_ny,
    ]
    with pytest.raises(TypeError):
        _ = year < "2016"  # type: ignore[operator]


def test_an_ambiguous_date_is_never_given_as_a_day() -> None:
    article = parse_text("A headline about the council vote\n03/04/2016\n\n" + _BODY)
    stamp = article.published
    assert stamp is not None and stamp.ambiguous
    assert stamp.isoformat() == "2016"
    assert stamp.date is None and stamp.datetime is None
    assert article.to_dict()["published"]["iso"] == "2016"
    assert Article.from_json(article.to_json()) == article


@pytest.mark.parametrize(("order", "iso"), [(DayFirst.YES, "2016-04-03"), (DayFirst.NO, "2016-03-04")])
def test_a_chosen_order_gives_the_full_date(order: DayFirst, iso: str) -> None:
    config = attrs.evolve(ParseConfig(), dates=DateOptions(day_first=order))
    stamp = parse_text("A headline about the council vote\n03/04/2016\n\n" + _BODY, config=config).published
    assert stamp is not None and not stamp.ambiguous
    assert stamp.isoformat() == iso and stamp.date == dt.date.fromisoformat(iso)


def test_an_unambiguous_numeric_date_is_a_day() -> None:
    stamp = parse_text("A headline about the council vote\n23/12/2016\n\n" + _BODY).published
    assert stamp is not None and stamp.isoformat() == "2016-12-23" and stamp.date == dt.date(2016, 12, 23)


def test_an_ambiguous_time_element_in_html_is_not_a_day() -> None:
    page = ("<html><body><article><h1>A headline about the council</h1><time>03/04/2016</time>"
            f"<p>{_BODY}</p></article></body></html>")
    stamp = parse_html(page).published
    assert stamp is None or stamp.date is None


@pytest.mark.parametrize(
    "parts",
    [
        {"year": 2016, "month": 13},
        {"year": 0},
        {"year": 2019, "month": 2, "day": 29},
        {"year": 2016, "day": 3},
        {"year": 2016, "month": 1, "hour": 3},
        {"year": 2016, "month": 1, "day": 1, "hour": 24},
        {"year": 2016, "month": 1, "day": 1, "utc_offset": 100000},
        {"year": 2016, "month": 1, "ambiguous": True},
        {"year": "2016"},
    ],
)
def test_bad_parts_raise_a_copydesk_error(parts: dict[str, Any]) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp(raw="x", **parts)
    assert isinstance(caught.value, CopydeskError) and isinstance(caught.value, ValueError)


def test_schema_and_round_trip_take_the_ambiguous_date() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    stamp = Timestamp(raw="03/04/2016", year=2016, month=4, day=3, ambiguous=True)
    article = Article(title="T", published=stamp)
    data = article.to_dict()
    jsonschema.validate(data, json_schema())
    assert Article.from_dict(data) == article
