"""Subtitle: the dek or standfirst, a line right after the title that sums the story up.

In plain text a subtitle is the block right after the title, before any body,
that either is followed by a byline or date line (deks sit between the
headline and the byline) or, being a sentence without closing punctuation,
cannot be a paragraph. The HTML front end marks standfirst elements; the page
metadata description, when a block repeats it right after the title, is one too.

>>> from copydesk import parse_text
>>> text = "Big news\\n\\nThe town is stunned by what happened on the hill\\n\\nBy Jane Doe\\n\\nIt happened."
>>> parse_text(text).subtitle
'The town is stunned by what happened on the hill'
"""

from __future__ import annotations

from ..._model import BlockKind
from ..context import Context, Match
from ..shape import shape_of
from ..source import Hint, SourceBlock
from .byline import parse_byline
from .date import date_line_time


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a standfirst or dek."""
    if block.hint is Hint.SUBTITLE:
        return Match("marked as the standfirst")
    return None


def after_title(block: SourceBlock, ctx: Context) -> Match | None:
    """A sentence right after the title, followed by the byline, or without closing punctuation."""
    previous = ctx.previous_label
    if previous is None or previous.kind is not BlockKind.TITLE or ctx.body_count:
        return None
    shape = ctx.shape
    if not 5 <= shape.words <= 60 or not shape.starts_upper:
        return None
    meta = ctx.metadata
    if meta is not None and meta.description and shape_of(meta.description).word_set == shape.word_set:
        return Match("right after the title and the same as the page description")
    # The next block that stays (a repeat of the title or site chrome in between is looked past).
    following = next((ctx.doc.blocks[i] for i in range(ctx.index + 1, len(ctx.doc.blocks))
                      if not ctx.doc.is_removed(i)), None)
    if block.hint is not Hint.NONE:
        # In HTML the standfirst is marked up or given by the page description.
        return None
    if following is not None and shape.words <= 45 and (
        parse_byline(following.text, ctx.config) is not None or date_line_time(following.text, ctx.config) is not None
    ):
        return Match("between the title and the byline or date line")
    following_shape = ctx.next_kept_shape
    if following_shape is None or not following_shape.is_long_paragraph:
        return None  # a dek introduces a story; the only paragraph of a text is its body
    if (
        not shape.closed
        and not shape.title_case
        and 8 <= shape.words <= 40
        and not block.text.endswith(",")
        and ". " not in block.text  # a dek is one sentence; several are a paragraph that lost its full stop
    ):
        return Match("a sentence without closing punctuation right after the title")
    return None
