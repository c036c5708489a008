"""Label source blocks with an ordered table of small rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ._config import ParseConfig
from ._model import Block, BlockKind
from ._source import PageMetadata, SourceBlock


@attrs.frozen
class Context:
    """What a rule can see: all blocks, the index of the one at hand, metadata."""

    blocks: Sequence[SourceBlock]
    index: int
    labels: Sequence[Block]
    metadata: PageMetadata | None
    config: ParseConfig


@attrs.frozen
class Rule:
    """A rule: a name, the label it gives, and a test returning a reason or None."""

    name: str
    kind: BlockKind
    test: Callable[[SourceBlock, Context], str | None]


def _title(block: SourceBlock, ctx: Context) -> str | None:
    if ctx.index == 0 and len(block.text) < 200 and not block.text.endswith("."):
        return "first short block without a closing full stop"
    return None


RULES: tuple[Rule, ...] = (Rule("title.first_line", BlockKind.TITLE, _title),)


def classify_blocks(
    blocks: Sequence[SourceBlock], *, metadata: PageMetadata | None = None, config: ParseConfig
) -> tuple[Block, ...]:
    """Give each block a label; unlabelled blocks are body paragraphs.

    >>> from copydesk._split import split_blocks
    >>> [b.kind.value for b in classify_blocks(split_blocks("Title\\n\\nBody."), config=ParseConfig())]
    ['title', 'paragraph']
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        ctx = Context(blocks, index, out, metadata, config)
        for rule in RULES:
            reason = rule.test(block, ctx)
            if reason is not None:
                out.append(Block(rule.kind, block.text, block.span, rule.name, reason))
                break
        else:
            out.append(Block(BlockKind.PARAGRAPH, block.text, block.span, "body", "no other rule matched"))
    return tuple(out)
