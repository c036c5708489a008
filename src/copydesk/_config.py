"""Configuration: one frozen :class:`ParseConfig` with nested option groups.

Make variants with :func:`attrs.evolve`::

    >>> import attrs
    >>> from copydesk import ParseConfig, DayFirst
    >>> cfg = ParseConfig()
    >>> us = attrs.evolve(cfg, dates=attrs.evolve(cfg.dates, day_first=DayFirst.NO))
    >>> us.dates.day_first
    <DayFirst.NO: 'no'>

Options are typed; a wrong value raises :class:`copydesk.ConfigError` at once,
with a message that says what is accepted.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ._errors import ConfigError


class DayFirst(enum.Enum):
    """How to read an all-numeric date such as ``03/04/2016``.

    >>> DayFirst("auto")
    <DayFirst.AUTO: 'auto'>
    """

    #: Day-first only when the numbers prove it (23/12/2016); otherwise the
    #: date is kept and marked ambiguous (parts given day-first).
    AUTO = "auto"
    YES = "yes"  #: always day/month/year
    NO = "no"  #: always month/day/year (US style)


def _enum_converter(kind: type[enum.Enum]) -> Any:
    def convert(value: Any) -> enum.Enum:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in kind)
            raise ConfigError(f"{kind.__name__} must be one of {allowed}; got {value!r}") from None

    return convert


def _check_type(kind: type | tuple[type, ...]) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(
                f"{type(instance).__name__}.{attribute.name} must be "
                f"{getattr(kind, '__name__', kind)}; got {value!r}"
            )

    return check


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _check_type(int)(instance, attribute, value)
    if value <= 0:
        raise ConfigError(f"{type(instance).__name__}.{attribute.name} must be > 0; got {value!r}")


@attrs.frozen
class RepairOptions:
    """How the text is repaired before it is split and classified.

    >>> RepairOptions().fix_mojibake
    True
    """

    #: Repair mojibake with ftfy (``itâ€™s`` -> ``it’s``).
    fix_mojibake: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Keep curly quotes and apostrophes as they are (ftfy would straighten them).
    keep_curly_quotes: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Remove residue ftfy leaves on purpose: a lone mojibake letter opening a
    #: paragraph ("À President ..."), "Â" before a space, C1 controls, U+FFFD pairs.
    remove_residue: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Turn NBSP into a space and drop zero-width characters and soft hyphens.
    normalize_spaces: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Unescape leftover HTML entities and strip stray tags in plain text.
    strip_markup: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Put back apostrophes a scraper turned into spaces ("don t", "Trump s
    #: wall"), when the text shows the habit.
    restore_apostrophes: bool = attrs.field(default=True, validator=_check_type(bool))


@attrs.frozen
class TextOptions:
    """How plain text is split into blocks.

    >>> TextOptions().join_wrapped_lines
    True
    """

    #: Re-join hard-wrapped lines into paragraphs.
    join_wrapped_lines: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Split a flattened one-line text (no line breaks at all) into paragraphs.
    split_flattened: bool = attrs.field(default=True, validator=_check_type(bool))
    #: A single line at least this many characters long is treated as
    #: flattened: it is cut at glued sentences ("end.Next"), sentence ends
    #: followed by several spaces, a new quote or a dateline.
    flattened_line_chars: int = attrs.field(default=1000, validator=_positive)
    #: Pieces of a flattened line longer than twice this are further cut at
    #: sentence ends into paragraphs of at least this many characters.
    paragraph_chars: int = attrs.field(default=600, validator=_positive)
    #: Find the story in a dump of a whole page's text (menus, related links,
    #: comments and footers around it) and set the lines outside it aside as
    #: removed blocks with a ``locate.*`` rule; a text that is already an
    #: article is left whole. See :doc:`/text-locate`.
    locate_story: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Largest text read, in characters; the rest is left out with a
    #: ``truncated`` diagnostic (cut at a line break).
    max_chars: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)


def _to_day_first(value: Any) -> DayFirst:
    converted: DayFirst = _enum_converter(DayFirst)(value)
    return converted


@attrs.frozen
class DateOptions:
    """How dates are read.

    >>> DateOptions().day_first
    <DayFirst.AUTO: 'auto'>
    """

    day_first: DayFirst = attrs.field(default=DayFirst.AUTO, converter=_to_day_first)


@attrs.frozen
class ClassifyOptions:
    """Which labels the classifier may give.

    >>> ClassifyOptions().remove_boilerplate
    True
    """

    #: Take boilerplate lines (share prompts, "Advertisement", ...) out of the body.
    remove_boilerplate: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Take repeated lines out of the body (the later copies).
    remove_duplicates: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Take captions, photo credits and pull quotes out of the body.
    separate_captions: bool = attrs.field(default=True, validator=_check_type(bool))


@attrs.frozen
class HtmlOptions:
    """How HTML pages are read.

    >>> HtmlOptions().include_tables
    True
    """

    #: Keep tables in the body, as text.
    include_tables: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Read JSON-LD, OpenGraph, meta tags and microdata.
    read_metadata: bool = attrs.field(default=True, validator=_check_type(bool))
    #: Largest input read, in bytes; the rest is left out with a diagnostic.
    max_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)


@attrs.frozen
class ParseConfig:
    """Every option of :func:`copydesk.parse_text` and :func:`copydesk.parse_html`.

    >>> ParseConfig().repair.keep_curly_quotes
    True
    >>> ParseConfig(repair=1)
    Traceback (most recent call last):
    ...
    copydesk._errors.ConfigError: ParseConfig.repair must be RepairOptions; got 1
    """

    repair: RepairOptions = attrs.field(factory=RepairOptions, validator=_check_type(RepairOptions))
    text: TextOptions = attrs.field(factory=TextOptions, validator=_check_type(TextOptions))
    dates: DateOptions = attrs.field(factory=DateOptions, validator=_check_type(DateOptions))
    classify: ClassifyOptions = attrs.field(factory=ClassifyOptions, validator=_check_type(ClassifyOptions))
    html: HtmlOptions = attrs.field(factory=HtmlOptions, validator=_check_type(HtmlOptions))


DEFAULT_CONFIG = ParseConfig()
