"""Points in time as precise as the source states them: :class:`Timestamp`."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from .._errors import TimestampError
from .kinds import TimeSource


def _in_range(low: int, high: int, *, optional: bool) -> Any:
    """An attrs validator: an int from ``low`` to ``high`` (or None when ``optional``), else TimestampError."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise TimestampError(f"Timestamp.{attribute.name} must be an int from {low} to {high}; got {value!r}")

    return check


@attrs.frozen(order=False)
class Timestamp:
    """A point in time as precise as the source states it, with its raw text.

    Missing parts stay ``None``: a date line "December 2016" gives a year and a
    month, never an invented day. ``utc_offset`` is set only when the source
    states a timezone.

    ``ambiguous`` is true when day and month could be read either way
    ("03/04/2016") and the caller chose no order
    (:attr:`DateOptions.day_first <copydesk.DateOptions.day_first>` is
    ``AUTO``). The parts then hold the day-first reading, but nothing presents
    it as fact: :meth:`isoformat` gives only the year and :attr:`date` and
    :attr:`datetime` are None. Choose ``DayFirst.YES`` or ``DayFirst.NO`` to
    get a full date.

    Timestamps compare and sort in one total order (see :meth:`sort_key`).
    Parts that make no date raise :class:`~copydesk.TimestampError`.

    >>> t = Timestamp(raw="23/12/2016 14:08", year=2016, month=12, day=23, hour=14, minute=8)
    >>> t.isoformat()
    '2016-12-23T14:08'
    >>> t.timezone_stated
    False
    >>> t.datetime
    datetime.datetime(2016, 12, 23, 14, 8)
    >>> Timestamp(raw="Dec 2016", year=2016, month=12).isoformat()
    '2016-12'
    >>> Timestamp(raw="Dec 2016", year=2016, month=12).datetime is None
    True
    >>> guess = Timestamp(raw="03/04/2016", year=2016, month=4, day=3, ambiguous=True)
    >>> guess.isoformat(), guess.date, guess.datetime
    ('2016', None, None)
    """

    raw: str
    year: int = attrs.field(validator=_in_range(1, 9999, optional=False))
    month: int | None = attrs.field(default=None, validator=_in_range(1, 12, optional=True))
    day: int | None = attrs.field(default=None, validator=_in_range(1, 31, optional=True))
    hour: int | None = attrs.field(default=None, validator=_in_range(0, 23, optional=True))
    minute: int | None = attrs.field(default=None, validator=_in_range(0, 59, optional=True))
    second: int | None = attrs.field(default=None, validator=_in_range(0, 60, optional=True))
    #: Offset from UTC in minutes when the source states a timezone, else None.
    utc_offset: int | None = attrs.field(default=None, validator=_in_range(-1439, 1439, optional=True))
    source: TimeSource = TimeSource.TEXT
    ambiguous: bool = False

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise TimestampError("Timestamp has a day but no month")
            try:
                _dt.date(self.year, self.month, self.day)
            except ValueError as exc:  # 31 February and the like
                raise TimestampError(f"Timestamp has no such day: {exc}") from None
        if self.hour is not None and self.day is None:
            raise TimestampError("Timestamp has a time of day but no day")
        if self.ambiguous and (self.day is None or self.month is None):
            raise TimestampError("only a Timestamp with a day and a month can be ambiguous")

    # -- order ------------------------------------------------------------------------------------

    def sort_key(self) -> tuple[Any, ...]:
        """The key of the documented total order of timestamps.

        Timestamps are ordered by the time they state, coarsest part first:
        year, then month, day, hour, minute, second, where a missing part
        comes before any stated one ("2016" < "2016-01" < "2016-01-01").
        A value with a stated timezone and a time of day is placed at its
        UTC time; a naive value (no timezone) at its parts as written, as if
        they were UTC. An ambiguous value counts by its year only. Ties are
        broken by the offset, ambiguity, source and raw text, so that two
        timestamps are equal exactly when their keys are.

        >>> a = Timestamp(raw="a", year=2019, month=11, day=19, hour=8, utc_offset=-300)
        >>> b = Timestamp(raw="b", year=2019, month=11, day=19, hour=12)
        >>> sorted([b, a, Timestamp(raw="c", year=2019)]) == [Timestamp(raw="c", year=2019), b, a]
        True
        """
        parts = (self.year, None, None, None, None, None) if self.ambiguous else self._utc_parts()
        stated = tuple(-1 if part is None else part for part in parts)
        written = tuple(-1 if part is None else part for part in
                        (self.month, self.day, self.hour, self.minute, self.second))
        offset = (-1, 0) if self.utc_offset is None else (0, self.utc_offset)
        return (*stated, *offset, self.ambiguous, *written, self.source.value, self.raw)

    def _utc_parts(self) -> tuple[int | None, ...]:
        """(year, month, day, hour, minute, second), moved to UTC when a timezone and a time are stated."""
        if self.utc_offset is None or self.hour is None or self.day is None or self.month is None:
            return (self.year, self.month, self.day, self.hour, self.minute, self.second)
        local = _dt.datetime(self.year, self.month, self.day, self.hour, self.minute or 0)
        try:
            utc = local - _dt.timedelta(minutes=self.utc_offset)
        except OverflowError:  # year 1 or 9999 pushed out of range: keep the parts as written
            return (self.year, self.month, self.day, self.hour, self.minute, self.second)
        minute = utc.minute if self.minute is not None or utc.minute else None
        return (utc.year, utc.month, utc.day, utc.hour, minute, self.second)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    @property
    def timezone_stated(self) -> bool:
        """True when the source stated a timezone or offset."""
        return self.utc_offset is not None

    @property
    def tzinfo(self) -> _dt.tzinfo | None:
        """The stated timezone as a fixed offset, or None."""
        if self.utc_offset is None:
            return None
        return _dt.timezone(_dt.timedelta(minutes=self.utc_offset))

    @property
    def date(self) -> _dt.date | None:
        """The calendar day, or None when the source gives no day or the day is ambiguous."""
        if self.day is None or self.month is None or self.ambiguous:
            return None
        return _dt.date(self.year, self.month, self.day)

    @property
    def datetime(self) -> _dt.datetime | None:
        """A :class:`datetime.datetime` (aware when a timezone was stated), or None without a (sure) day.

        A missing time of day is midnight. An ambiguous date gives None.
        """
        day = self.date
        if day is None:
            return None
        return _dt.datetime(
            day.year, day.month, day.day,
            self.hour or 0, self.minute or 0, self.second or 0,
            tzinfo=self.tzinfo,
        )

    def isoformat(self) -> str:
        """ISO 8601 text, as precise as the source; only the year of an ambiguous date.

        >>> Timestamp(raw="x", year=2019, month=11, day=19, hour=8, minute=3, utc_offset=-300).isoformat()
        '2019-11-19T08:03-05:00'
        """
        out = f"{self.year:04d}"
        if self.month is None or self.ambiguous:
            return out
        out += f"-{self.month:02d}"
        if self.day is None:
            return out
        out += f"-{self.day:02d}"
        if self.hour is None:
            return out
        out += f"T{self.hour:02d}:{self.minute or 0:02d}"
        if self.second is not None:
            out += f":{self.second:02d}"
        if self.utc_offset is not None:
            sign = "+" if self.utc_offset >= 0 else "-"
            hours, minutes = divmod(abs(self.utc_offset), 60)
            out += f"{sign}{hours:02d}:{minutes:02d}"
        return out
