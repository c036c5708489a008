"""Duplicates: a block repeating an earlier block word for word (case and punctuation aside).

The later copies are removed with the line of the first; short blocks (under
four words and 25 characters) are never counted as repeats.

>>> from copydesk import parse_text
>>> a = parse_text("Title\\n\\nThe same paragraph, twice.\\n\\nThe same paragraph, twice.")
>>> [(b.kind.value, b.reason) for b in a.removed]
[('duplicate', 'repeats block 2 (line 3)')]
"""

from __future__ import annotations

from ..context import Context, Match
from ..source import Hint, SourceBlock


def repeated(block: SourceBlock, ctx: Context) -> Match | None:
    """The block's words were seen before, in the same order."""
    key = ctx.shape.key
    if not key or block.hint is not Hint.NONE:
        # In HTML the content stage already dropped repeated page parts; a
        # paragraph written twice there is the author's.
        return None
    first = ctx.doc.seen.get(key)
    if first is None:
        return None
    return Match(f"repeats block {first + 1} (line {ctx.doc.blocks[first].span.start + 1})")
