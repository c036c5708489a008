"""The small values an :class:`~copydesk.Article` holds: spans, blocks, datelines, credits, captions, repairs."""

from __future__ import annotations

import attrs

from .kinds import BlockKind, CreditRole


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
    #: For an item of a numbered list: its number as the list counts it (an
    #: ``<ol start=4>`` item, a "12)" line); None for other blocks.
    number: int | None = None


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

    From a page, ``text`` is the caption without its credit. From plain text,
    where a caption and its credit are one line, ``text`` is the line as
    written ("A soldier places a flag (AFP)") and ``credit`` the credit; a
    photo credit standing alone ("Featured image via X") is a caption of its
    own, its ``credit`` the name it gives.

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
