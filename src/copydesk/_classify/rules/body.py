"""Body kinds other than paragraphs: list items, quotes, tables and code.

A list item starts with a bullet or a number ("- ", "• ", "1. "); the marker
is taken off the text. In HTML, list items, blockquotes, tables and code
come from the markup.

>>> from copydesk import parse_text
>>> text = "Title\\n\\nA story starts here, as stories do.\\n\\n- first point\\n\\n- second point"
>>> [(b.kind.value, b.text) for b in parse_text(text).body]
[('paragraph', 'A story starts here, as stories do.'), ('list_item', 'first point'), ('list_item', 'second point')]
"""

from __future__ import annotations

import re

from ..._lexicon.chrome import HIGHLIGHTS_LABEL
from ..._model import BlockKind
from ..context import Context, Match
from ..source import Hint, SourceBlock
from .dateline import parse_dateline

# A list marker: a bullet or a number of at most two digits with "." or ")".
# Linear: bounded classes only.
_BULLET = re.compile(r"^(?:[-–•*·▪►‣◦]|\d{1,2}[.)])\s{1,4}(?=\S)")


def list_marker(text: str) -> int:
    """The length of the list marker opening ``text`` (0 when there is none).

    >>> list_marker("- first"), list_marker("12) twelfth"), list_marker("2016. A year")
    (2, 4, 0)
    """
    match = _BULLET.match(text)
    return match.end() if match else 0


def list_item(block: SourceBlock, ctx: Context) -> Match | None:
    """A block opening with a bullet or a number."""
    marker = list_marker(block.text)
    if not marker:
        return None
    rest = block.text[marker:]
    digits = block.text[: marker].strip().rstrip(".)")
    number = int(digits) if digits.isascii() and digits.isdigit() else None
    return Match("opens with a list marker", parts=((BlockKind.LIST_ITEM, rest),), number=number)


def list_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end saw a list item."""
    return Match("a list item in the markup") if block.hint is Hint.LIST_ITEM else None


def quote_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end saw a blockquote (a pull quote rule runs first)."""
    return Match("a blockquote in the markup") if block.hint is Hint.BLOCKQUOTE else None


def table_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end saw a table."""
    return Match("a table in the markup") if block.hint is Hint.TABLE else None


def code_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end saw preformatted text or code."""
    return Match("preformatted text in the markup") if block.hint is Hint.CODE else None


#: A story highlight is a sentence or two.
_HIGHLIGHT_WORDS = 40


def highlight(block: SourceBlock, ctx: Context) -> Match | None:
    """A point under a "Story highlights" label: a list item of the body (never the title), up to the story.

    >>> from copydesk import parse_text
    >>> article = parse_text("Story highlights\\n\\nThe bridge will close\\n\\nLONDON (Reuters) - The council voted.")
    >>> article.title, [b.kind.value for b in article.body]
    (None, ['list_item', 'paragraph'])
    """
    labels = ctx.doc.labels
    if block.hint is not Hint.NONE or not labels or ctx.shape.words > _HIGHLIGHT_WORDS:
        return None
    last = labels[-1]
    if last.reason != HIGHLIGHTS_LABEL and last.rule != "body.highlight":
        return None
    if block.text.endswith(":") or parse_dateline(block.text) is not None:
        return None  # the story starts
    return Match("a point under the story's highlights")
