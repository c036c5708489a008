"""The typed result: :class:`Article` and the values it holds.

Every class here is a frozen attrs class made of tuples, strings, numbers,
enums and other frozen classes, so an :class:`Article` is immutable, hashable
piece by piece and safe to share between threads and processes.

The JSON form (:meth:`Article.to_dict`, :meth:`Article.to_json`) carries
:data:`SCHEMA_VERSION` and is described by the JSON Schema that ships in the
package (:func:`copydesk.json_schema`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._errors import SchemaError

#: Version of the JSON form written by :meth:`Article.to_dict`. Bumped on any
#: change to the shape of that JSON; readers accept every older version they
#: know how to upgrade.
SCHEMA_VERSION = 1


class BlockKind(enum.Enum):
    """What a block of the input is.

    The values are stable lowercase strings: they appear in JSON.

    >>> BlockKind.CAPTION.value
    'caption'
    >>> BlockKind("pull_quote") is BlockKind.PULL_QUOTE
    True
    >>> BlockKind.PARAGRAPH.is_body, BlockKind.BOILERPLATE.is_body
    (True, False)
    """

    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    DATE = "date"
    DATELINE = "dateline"
    CAPTION = "caption"
    PHOTO_CREDIT = "photo_credit"
    PULL_QUOTE = "pull_quote"
    CREDIT = "credit"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    # Body kinds.
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CODE = "code"

    @property
    def is_body(self) -> bool:
        """True for the kinds that make up the article body."""
        return self in _BODY_KINDS

    @property
    def is_removed(self) -> bool:
        """True for the kinds that are taken out of the article with a reason."""
        return self in (BlockKind.BOILERPLATE, BlockKind.DUPLICATE)


_BODY_KINDS = frozenset(
    {
        BlockKind.PARAGRAPH,
        BlockKind.SUBHEADING,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.TABLE,
        BlockKind.CODE,
    }
)


class CreditRole(enum.Enum):
    """What a credit line says the named agency or person did.

    >>> CreditRole("contributed")
    <CreditRole.CONTRIBUTED: 'contributed'>
    """

    STORY = "story"  #: the story is the agency's copy ("(Reuters) -", "- AP inputs")
    CONTRIBUTED = "contributed"  #: "Reuters contributed to this report", "Additional reporting by"
    PHOTO = "photo"  #: "Photo: AFP", "Image copyright Getty Images"
    EDITING = "editing"  #: "Editing by ...", "Writing by ..."


class TimeSource(enum.Enum):
    """Where a time was read.

    >>> TimeSource.JSON_LD.value
    'json_ld'
    """

    TEXT = "text"  #: a line of the text (or visible page text)
    JSON_LD = "json_ld"
    OPENGRAPH = "opengraph"
    META = "meta"  #: other ``<meta>`` names (Dublin Core, sailthru, parsely, ...)
    MICRODATA = "microdata"
    TIME_ELEMENT = "time_element"  #: ``<time datetime=...>``
    URL = "url"  #: a date in the URL path


@attrs.frozen
class Span:
    """Where a block stands in the input: lines ``start`` to ``end`` (exclusive).

    Lines are counted from 0 after line endings are normalised (CRLF and CR
    count as one line break), the way :meth:`str.splitlines` would count
    ``\\n``-separated lines. For HTML input the lines are those of the
    extracted page text, in document order.

    >>> Span(2, 3).lines
    range(2, 3)
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"Span end {value} is before its start {self.start}")

    @property
    def lines(self) -> range:
        """The line numbers the span covers."""
        return range(self.start, self.end)


@attrs.frozen
class Block:
    """One labelled piece of the input.

    ``rule`` names the rule that gave the label and ``reason`` says why, so
    every decision can be explained (``copydesk parse --explain``).

    >>> b = Block(BlockKind.PARAGRAPH, "Hello.", Span(0, 1), rule="body", reason="default")
    >>> b.kind.is_body
    True
    """

    kind: BlockKind
    text: str
    span: Span | None = None
    rule: str = ""
    reason: str = ""
    #: For list items: nesting depth from 0; for subheadings: the heading level
    #: (2 for ``h2``) when the source states one, else 0.
    level: int = 0


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


@attrs.frozen
class Dateline:
    """The place (and, when present, agency and date) that opens a story.

    >>> Dateline(place="WASHINGTON", raw="WASHINGTON (Reuters) -", agency="Reuters").place
    'WASHINGTON'
    """

    place: str
    raw: str
    agency: str | None = None
    date_text: str | None = None


@attrs.frozen
class Credit:
    """A wire agency (or person) credited for the story, a contribution or a photo.

    >>> Credit(name="AP", raw="- AP inputs", role=CreditRole.STORY).is_agency
    True
    """

    name: str
    raw: str
    role: CreditRole = CreditRole.STORY
    is_agency: bool = True


@attrs.frozen
class Caption:
    """A photo caption, with its photo credit when one is given.

    >>> Caption(text="A soldier places a flag", credit="AFP").credit
    'AFP'
    """

    text: str
    credit: str | None = None
    span: Span | None = None
    raw: str = ""


@attrs.frozen
class Repair:
    """One kind of repair made to the text, how often, and one example.

    >>> Repair(name="mojibake", count=2, example="itâ€™s -> it’s").count
    2
    """

    name: str
    count: int = 1
    example: str = ""


@attrs.frozen
class Diagnostic:
    """Something about the input a user may want to know (not an error).

    >>> Diagnostic(code="empty_input", message="the input holds no text").code
    'empty_input'
    """

    code: str
    message: str


def _tuple_of(cls: type[Any]) -> Any:
    return attrs.field(default=(), converter=tuple,
                       validator=attrs.validators.deep_iterable(attrs.validators.instance_of(cls)))


def _str_tuple() -> Any:
    return attrs.field(default=(), converter=tuple,
                       validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)))


def _frozen_mapping(value: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))


@attrs.frozen
class Article:
    """A clean, typed news article.

    ``blocks`` holds every labelled block of the input in input order: the
    body, the lines that fed a field (title, byline, date, dateline, captions,
    credits, pull quotes) and the lines removed with their reason. The other
    fields are what was read from those blocks (and, for HTML, from the page
    metadata); ``provenance`` says where each field came from.

    >>> from copydesk import parse_text
    >>> a = parse_text("Big news\\n\\nBy Jane Doe\\n\\nLONDON (Reuters) - It happened today.")
    >>> a.title, a.authors, a.dateline.place, [c.name for c in a.credits]
    ('Big news', ('Jane Doe',), 'LONDON', ['Reuters'])
    >>> a.text
    'It happened today.'
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = _str_tuple()
    byline: str | None = None
    published: Timestamp | None = None
    updated: Timestamp | None = None
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = _tuple_of(Credit)
    captions: tuple[Caption, ...] = _tuple_of(Caption)
    pull_quotes: tuple[str, ...] = _str_tuple()
    blocks: tuple[Block, ...] = _tuple_of(Block)
    repairs: tuple[Repair, ...] = _tuple_of(Repair)
    diagnostics: tuple[Diagnostic, ...] = _tuple_of(Diagnostic)
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = _str_tuple()
    image: str | None = None
    #: ``(field, source)`` pairs, sorted: which source each field came from
    #: ("text", "json_ld", "opengraph", "meta", "html", ...).
    provenance: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_frozen_mapping)

    @property
    def body(self) -> tuple[Block, ...]:
        """The body blocks (paragraphs, subheadings, list items, quotes, tables) in order."""
        return tuple(b for b in self.blocks if b.kind.is_body)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of each body block, in order."""
        return tuple(b.text for b in self.blocks if b.kind.is_body)

    @property
    def removed(self) -> tuple[Block, ...]:
        """The blocks taken out of the article (boilerplate, duplicates), each with its reason."""
        return tuple(b for b in self.blocks if b.kind.is_removed)

    @property
    def text(self) -> str:
        """The clean body: body blocks joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def source_of(self, field: str) -> str | None:
        """Where ``field`` came from, or None when it is not recorded.

        >>> Article(title="T", provenance={"title": "json_ld"}).source_of("title")
        'json_ld'
        """
        for name, source in self.provenance:
            if name == field:
                return source
        return None

    # -- JSON ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with ``schema_version``; :meth:`from_dict` reverses it.

        >>> a = Article(title="T", authors=("Jane Doe",))
        >>> d = a.to_dict()
        >>> d["schema_version"], d["title"], d["authors"]
        (1, 'T', ['Jane Doe'])
        >>> Article.from_dict(d) == a
        True
        """
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for field in attrs.fields(Article):
            value = getattr(self, field.name)
            if field.name == "provenance":
                out["provenance"] = dict(value)
            else:
                out[field.name] = _to_json_value(value)
        out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output.

        Raises :class:`copydesk.SchemaError` (a :class:`ValueError`) when the
        data is not an article of a schema version this release reads.

        >>> Article.from_dict({"schema_version": 1, "title": "T"}).title
        'T'
        """
        if not isinstance(data, Mapping):
            raise SchemaError(f"expected a mapping from Article.to_dict(), got {type(data).__name__}")
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise SchemaError(
                f"schema_version {version!r} is not one this copydesk reads ({SCHEMA_VERSION}); "
                "upgrade copydesk or re-parse the source"
            )
        try:
            return _article_from_dict(data)
        except SchemaError:
            raise
        except (TypeError, ValueError, KeyError) as exc:
            raise SchemaError(f"not a valid article dict: {exc}") from exc

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as JSON text (see :meth:`to_dict`).

        >>> Article(title="T").to_json()[:35]
        '{"schema_version": 1, "title": "T",'
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Rebuild an Article from :meth:`to_json` output.

        >>> a = Article(title="T")
        >>> Article.from_json(a.to_json()) == a
        True
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise SchemaError(f"not JSON: {exc}") from exc
        return cls.from_dict(data)


# -- JSON helpers -----------------------------------------------------------


def _to_json_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_to_json_value(v) for v in value]
    if attrs.has(type(value)):
        out = {f.name: _to_json_value(getattr(value, f.name)) for f in attrs.fields(type(value))}
        if isinstance(value, Timestamp):
            out["iso"] = value.isoformat()
        return out
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def _build(cls: type[Any], data: Any) -> Any:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise SchemaError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        value = data[field.name]
        kwargs[field.name] = _convert(cls, field.name, value)
    return cls(**kwargs)


_NESTED: dict[tuple[type[Any], str], Any] = {}


def _convert(cls: type[Any], name: str, value: Any) -> Any:
    kind = _NESTED.get((cls, name))
    if kind is None or value is None:
        return tuple(value) if isinstance(value, list) else value
    if isinstance(kind, tuple):  # a tuple of one class
        (inner,) = kind
        if not isinstance(value, list):
            raise SchemaError(f"{cls.__name__}.{name}: expected a list")
        return tuple(_build(inner, v) for v in value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    return _build(kind, value)


_NESTED.update(
    {
        (Block, "kind"): BlockKind,
        (Block, "span"): Span,
        (Caption, "span"): Span,
        (Credit, "role"): CreditRole,
        (Timestamp, "source"): TimeSource,
        (Article, "published"): Timestamp,
        (Article, "updated"): Timestamp,
        (Article, "dateline"): Dateline,
        (Article, "credits"): (Credit,),
        (Article, "captions"): (Caption,),
        (Article, "blocks"): (Block,),
        (Article, "repairs"): (Repair,),
        (Article, "diagnostics"): (Diagnostic,),
    }
)


def _article_from_dict(data: Mapping[str, Any]) -> Article:
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(Article):
        if field.name not in data:
            continue
        value = data[field.name]
        if field.name == "provenance":
            kwargs["provenance"] = value or {}
        else:
            kwargs[field.name] = _convert(Article, field.name, value)
    return Article(**kwargs)
