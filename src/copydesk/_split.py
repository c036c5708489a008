"""Split repaired text into blocks (paragraphs) with their line spans."""

from __future__ import annotations

from ._model import Span
from ._source import SourceBlock


def split_blocks(text: str) -> tuple[SourceBlock, ...]:
    """Split ``text`` on blank lines; each block keeps the lines it came from.

    >>> [b.text for b in split_blocks("a\\n\\nb\\nc")]
    ['a', 'b c']
    >>> split_blocks("a\\n\\nb")[1].span
    Span(start=2, end=3)
    """
    blocks: list[SourceBlock] = []
    current: list[str] = []
    start = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(SourceBlock(" ".join(current), Span(start, number)))
            current = []
    if current:
        blocks.append(SourceBlock(" ".join(current), Span(start, len(lines))))
    return tuple(blocks)
