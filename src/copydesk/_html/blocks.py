"""Turn the chosen content into classifier input: repaired, numbered, hinted blocks.

The kept blocks of :class:`~copydesk._html.content.ContentResult` become
:class:`~copydesk._classify.source.SourceBlock` values (text repaired with
:func:`~copydesk._text.repair.repair_text`, one line each, numbered in document
order: block ``i`` has ``Span(i, i + 1)``). The blocks removed inside the
article (share bars, related links, ...) become ``BOILERPLATE``
:class:`~copydesk.Block` values with their reason, numbered in the same
sequence, so every line of the extracted page text is accounted for.
:attr:`HtmlBlocks.page_lines` maps each block number back to the line of
the decoded page its element starts on.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._classify.source import SourceBlock
from .._config import RepairOptions
from .._model import Block, BlockKind, Repair, Span
from .._text.repair import repair_text
from .content import ContentBlock


@attrs.frozen
class HtmlBlocks:
    """Classifier input (``source``), removed blocks, the repairs made, and where each block came from.

    ``page_lines[i]`` is the line of the decoded page that block ``i``
    (``Span(i, i + 1)``) came from, or None when unknown.

    >>> from copydesk._classify.source import Hint
    >>> hb = build_blocks([ContentBlock("Hi.", Hint.PARAGRAPH, line=12)], RepairOptions())
    >>> hb.source[0].text, hb.source[0].span, hb.page_line(hb.source[0].span)
    ('Hi.', Span(start=0, end=1), 12)
    """

    source: tuple[SourceBlock, ...]
    removed: tuple[Block, ...] = ()
    repairs: tuple[Repair, ...] = ()
    page_lines: tuple[int | None, ...] = ()

    def page_line(self, span: Span | None) -> int | None:
        """The page line of the block numbered by ``span`` (a SourceBlock's or a Block's), or None."""
        if span is None or not 0 <= span.start < len(self.page_lines):
            return None
        return self.page_lines[span.start]


def _merge_repairs(groups: Sequence[Sequence[Repair]]) -> tuple[Repair, ...]:
    """The repairs of several groups added up by name (first example kept)."""
    totals: dict[str, list[object]] = {}
    for group in groups:
        for repair in group:
            entry = totals.get(repair.name)
            if entry is None:
                totals[repair.name] = [repair.count, repair.example]
            else:
                entry[0] = int(str(entry[0])) + repair.count
                if not entry[1]:
                    entry[1] = repair.example
    return tuple(Repair(name, int(str(count)), str(example)) for name, (count, example) in totals.items())


def _repair_all(texts: list[str], options: RepairOptions) -> tuple[list[str], tuple[Repair, ...]]:
    """Repair every text; one call over the joined texts when that keeps the lines apart."""
    if not texts:
        return texts, ()
    joined, repairs = repair_text("\n".join(texts), options)
    parts = joined.split("\n")
    if len(parts) == len(texts):
        return parts, tuple(repairs)
    # The repair joined or split lines: repair block by block instead.
    out: list[str] = []
    groups: list[Sequence[Repair]] = []
    for text in texts:
        fixed, reps = repair_text(text, options)
        out.append(" ".join(fixed.split("\n")))
        groups.append(reps)
    return out, _merge_repairs(groups)


def build_blocks(blocks: Sequence[ContentBlock], options: RepairOptions) -> HtmlBlocks:
    """Repair and number ``blocks``; kept ones become SourceBlocks, removed ones Blocks.

    >>> from copydesk._classify.source import Hint
    >>> hb = build_blocks([ContentBlock("Share this", Hint.PARAGRAPH, removed="boilerplate (share)"),
    ...                    ContentBlock("Body.", Hint.PARAGRAPH)], RepairOptions())
    >>> hb.removed[0].kind.value, hb.removed[0].reason, hb.source[0].span
    ('boilerplate', 'boilerplate (share)', Span(start=1, end=2))
    """
    kept_index = [i for i, b in enumerate(blocks) if b.removed is None]
    texts, repairs = _repair_all([blocks[i].text for i in kept_index], options)
    source: list[SourceBlock] = []
    for i, repaired in zip(kept_index, texts, strict=True):
        block = blocks[i]
        text = repaired.strip()
        if not text:
            continue
        source.append(SourceBlock(text, Span(i, i + 1), block.hint, block.level, block.number))
    removed = tuple(
        Block(BlockKind.BOILERPLATE, b.text, Span(i, i + 1), rule="html.content", reason=b.removed or "")
        for i, b in enumerate(blocks)
        if b.removed is not None
    )
    return HtmlBlocks(tuple(source), removed, repairs, tuple(b.line for b in blocks))

