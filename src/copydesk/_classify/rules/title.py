"""Title: the headline of the article.

A title is the page's main heading (HTML ``h1``), the page metadata's title
when a block repeats it, or, in plain text, the first block of the header when
it is short, not closed by a full stop and not a byline, date or dateline.

>>> from copydesk import parse_text
>>> parse_text("Aleppo siege ends\\n\\nThe Syrian army said it has retaken the city, ending years of war.").title
'Aleppo siege ends'
"""

from __future__ import annotations

from ..._lexicon.chrome import HIGHLIGHTS_LEAD
from ..context import Context, Match
from ..shape import shape_of
from ..source import Hint, SourceBlock
from .credit import parse_credits


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as the article's main heading."""
    if block.hint is Hint.TITLE and not ctx.has_title:
        return Match("marked as the page's main heading")
    return None


def equals_metadata(block: SourceBlock, ctx: Context) -> Match | None:
    """The block repeats the title given in the page metadata."""
    meta = ctx.metadata
    if meta is None or not meta.title or ctx.has_title or ctx.shape.words > 40:
        return None
    if shape_of(meta.title).word_set == ctx.shape.word_set:
        return Match("same words as the page metadata title")
    return None


def first_line(block: SourceBlock, ctx: Context) -> Match | None:
    """The first block of the header: short, not closed by a full stop, not a list item."""
    shape = ctx.shape
    if ctx.has_title or ctx.body_count or not ctx.in_header or ctx.index > 4 or block.hint is not Hint.NONE:
        # In HTML the markup and the metadata say which line is the title.
        return None
    if ctx.doc.labels and any(b.kind.is_body or b.kind.value in ("byline", "date") for b in ctx.doc.labels):
        return None
    previous = ctx.previous
    if HIGHLIGHTS_LEAD.match(block.text) or (previous is not None and HIGHLIGHTS_LEAD.fullmatch(previous.text)):
        return None  # "Story highlights ...": the story's summary points, not its headline
    if not 1 <= shape.words <= 30 or len(block.text) > 250 or not shape.starts_upper:
        return None
    text = block.text.rstrip()
    if text.endswith(".") and not text.endswith("..."):
        return None
    separator = text.endswith((":", ";")) and text[-2:-1] in "!?"  # "Big News!:" then the body
    if text[:1] in "-–—•*" or (text.endswith((":", ",", ";")) and not separator):
        return None
    if parse_credits(text):
        return None
    headline = headline_of(text)
    return Match("first short block without a closing full stop", reading=headline if headline != text else None)


#: A site name after the headline is short: "Headline | Site Name".
_SITE_WORDS = 5


def headline_of(text: str) -> str:
    """The headline of a title line: without a " | Site Name" suffix or a separator after "!" or "?".

    >>> headline_of("Bridge to close next spring | The Valley Courier")
    'Bridge to close next spring'
    >>> headline_of("Bridge Closes For Good!:")
    'Bridge Closes For Good!'
    >>> headline_of("Left | Right: a debate")
    'Left | Right: a debate'
    """
    text = text.rstrip()
    if text.endswith((":", ";")) and text[-2:-1] in "!?":
        text = text[:-1]
    head, bar, site = text.rpartition(" | ")
    if bar and head and 1 <= len(site.split()) <= _SITE_WORDS and len(head.split()) >= len(site.split()) + 2:
        words = site.split()
        if all(w[:1].isupper() or w[:1].isdigit() or "." in w or len(w) <= 3 for w in words) and ":" not in site:
            return head.rstrip()
    return text
