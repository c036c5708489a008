"""Putting a located story back together: the header marks credited to the locate stage, and the
blocks set aside merged back in input order.

The locate stage (:mod:`copydesk._text.locate`) hands the classifier the
story and its header, the header lines marked with hints; :func:`relabel`
names the labels those marks gave after the stage, and :func:`merge_blocks`
puts the removed blocks back among the labelled ones, so that
``Article.blocks`` follows the input.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._classify.table import Classified
from .._model import Block

__all__ = ["merge_blocks", "relabel"]


#: The hint rules that label the header blocks this stage marks, and the
#: names their labels get (plain text has no markup: the mark is this stage's).
_MARKED = {
    "title.hint": ("locate.headline", "the headline just above the story"),
    "byline.hint": ("locate.byline", "a byline line in the story's header"),
    "date.hint": ("locate.date", "the date line in the story's header"),
}


def relabel(classified: Classified) -> Classified:
    """The classified story with the header blocks this stage marked credited to it.

    >>> from copydesk import ParseConfig, Span
    >>> from copydesk._classify.source import Hint, SourceBlock
    >>> from copydesk._classify.table import classify
    >>> done = classify([SourceBlock("Big news", Span(0, 1), Hint.TITLE)], None, config=ParseConfig())
    >>> [(b.kind.value, b.rule) for b in relabel(done).blocks]
    [('title', 'locate.headline')]
    """
    if not any(b.rule in _MARKED for b in classified.blocks):
        return classified
    blocks = []
    readings = dict(classified.readings)
    for block in classified.blocks:
        if block.rule not in _MARKED:
            blocks.append(block)
            continue
        rule, reason = _MARKED[block.rule]
        new = attrs.evolve(block, rule=rule, reason=reason)
        if block in readings:
            readings[new] = readings.pop(block)
        blocks.append(new)
    return Classified(tuple(blocks), readings)


def merge_blocks(story: Sequence[Block], outside: Sequence[Block]) -> tuple[Block, ...]:
    """The labelled story blocks and the removed outside blocks in input order (by span).

    >>> from copydesk import BlockKind, Span
    >>> a = Block(BlockKind.PARAGRAPH, "a", Span(1, 2))
    >>> b = Block(BlockKind.BOILERPLATE, "b", Span(0, 1))
    >>> [x.text for x in merge_blocks([a], [b])]
    ['b', 'a']
    """
    if not outside:
        return tuple(story)
    merged: list[Block] = []
    rest = list(outside)
    position = 0
    for block in story:
        start = block.span.start if block.span is not None else 0
        while position < len(rest) and _start(rest[position]) < start:
            merged.append(rest[position])
            position += 1
        merged.append(block)
    merged.extend(rest[position:])
    return tuple(merged)


def _start(block: Block) -> int:
    return block.span.start if block.span is not None else 0
