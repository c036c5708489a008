"""Points in time as precise as the source states them: :class:`Timestamp`."""

from __future__ import annotations

import datetime as _dt

import attrs

from .kinds import TimeSource


@attrs.frozen
class Timestamp:
    """A point in time as precise as the source states it, with its raw text.

    Missing parts stay ``None``: a date line "December 2016" gives a year and a
    month, never an invented day. ``utc_offset`` is set only when the source
    states a timezone; ``ambiguous`` is true when day and month could be read
    either way ("03/04/2016") and the parts are given day-first as a guess.

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
    """

    raw: str
    year: int = attrs.field(validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(9999)))
    month: int | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))))
    day: int | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(31))))
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    #: Offset from UTC in minutes when the source states a timezone, else None.
    utc_offset: int | None = None
    source: TimeSource = TimeSource.TEXT
    ambiguous: bool = False

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise ValueError("Timestamp has a day but no month")
            # Raises ValueError for 31 February and the like.
            _dt.date(self.year, self.month, self.day)
        if self.hour is not None and self.day is None:
            raise ValueError("Timestamp has a time of day but no day")

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
        """The calendar day, or None when the source gives no day."""
        if self.day is None or self.month is None:
            return None
        return _dt.date(self.year, self.month, self.day)

    @property
    def datetime(self) -> _dt.datetime | None:
        """A :class:`datetime.datetime` (aware when a timezone was stated), or None without a day.

        A missing time of day is midnight.
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
        """ISO 8601 text, as precise as the source.

        >>> Timestamp(raw="x", year=2019, month=11, day=19, hour=8, minute=3, utc_offset=-300).isoformat()
        '2019-11-19T08:03-05:00'
        """
        out = f"{self.year:04d}"
        if self.month is None:
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
