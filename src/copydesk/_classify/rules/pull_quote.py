"""Pull quotes: highlighted lines that repeat or restate the story.

``repeats_body``: a short block (one or two sentences) whose words are, almost
all, those of one sentence of another block. ``restates_story``: a sentence
in sentence case without closing punctuation, between paragraphs, most of
whose content words occur elsewhere in the text ("This is the biggest
victory for President Bashar al-Assad since the uprising against him began
in 2011"). In HTML, an aside or blockquote marked as a pull quote, or a
blockquote repeating the body.

>>> from copydesk import parse_text
>>> text = ("Title\\n\\nThe council voted to close the old bridge on Monday after years of debate.\\n\\n"
...         "The old bridge will close for good\\n\\n"
...         "Engineers said the old bridge could not be saved and would close for good next year.")
>>> parse_text(text).pull_quotes
('The old bridge will close for good',)
"""

from __future__ import annotations

from ..._lexicon.words import content_words, sentence_word_sets
from ..context import MAX_SHARING, Context, Match
from ..source import Hint, SourceBlock


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a pull quote."""
    if block.hint is Hint.PULL_QUOTE:
        return Match("marked as a pull quote")
    return None


def _repeated_sentence(ctx: Context, mine_share: float, other_share: float) -> int | None:
    """The index of another block holding a sentence that shares most words with this block, or None.

    ``mine_share`` of this block's content words must be in the sentence, and
    they must make ``other_share`` of the sentence's content words.
    """
    mine = content_words(ctx.shape.word_set)
    if len(mine) < 4:
        return None
    # Cheap pre-check on whole blocks before reading sentences.
    counts = ctx.doc.word_blocks()
    if sum(1 for w in mine if counts.get(w, 0) >= 2) < mine_share * len(mine):
        return None
    for other, holders in ctx.doc.sentences_sharing(mine, mine_share):
        shared = len(mine & other)
        if shared / len(mine) < mine_share or shared / len(other) < other_share:
            continue
        for index in holders[:MAX_SHARING]:  # bounded, like the sentences
            if index != ctx.index and not ctx.doc.is_removed(index):
                return index
    return None


def _taken_from_sentence(ctx: Context, reason: str) -> Match | None:
    """A match saying ``reason`` (with the other block's number) when most of this block's content
    words come from one sentence of another block, of which they may be a small part."""
    found = _repeated_sentence(ctx, 0.85, 0.3)
    return None if found is None else Match(reason.format(found + 1))


def repeated_blockquote(block: SourceBlock, ctx: Context) -> Match | None:
    """An HTML blockquote that repeats a sentence of the body is a pull quote, not a quotation."""
    if block.hint is not Hint.BLOCKQUOTE or ctx.shape.words > 60:
        return None
    return _taken_from_sentence(ctx, "a blockquote repeating a sentence of block {}")


def repeats_body(block: SourceBlock, ctx: Context) -> Match | None:
    """A short block, after the body started, repeating a sentence of another block."""
    shape = ctx.shape
    if not 5 <= shape.words <= 50 or not ctx.body_count or ctx.doc.first_long >= ctx.index:
        return None
    if block.text.rstrip().endswith((".", ":")):
        # A plain sentence repeated is a scraping accident, not a highlighted line.
        return None
    if shape.title_case or shape.all_caps or not shape.starts_upper or block.text[:1].isdigit():
        return None
    before, after = ctx.previous_kept_shape, ctx.next_kept_shape
    if not ((before is not None and before.is_long_paragraph) or (after is not None and after.is_long_paragraph)):
        return None
    if len(sentence_word_sets(block.text)) > 2:
        return None
    found = _repeated_sentence(ctx, 0.8, 0.8)
    if found is not None:
        return Match(f"repeats a sentence of block {found + 1}")
    if block.hint is not Hint.NONE:
        return None
    return _taken_from_sentence(ctx, "a line without closing punctuation taken from a sentence of block {}")


def restates_story(block: SourceBlock, ctx: Context) -> Match | None:
    """A sentence without closing punctuation between paragraphs, made of words the story uses."""
    shape = ctx.shape
    if block.hint is not Hint.NONE:
        # In HTML a highlighted line is marked up; a plain paragraph is body.
        return None
    if not 8 <= shape.words <= 45 or shape.closed or shape.title_case or shape.all_caps:
        return None
    if not ctx.body_count or not shape.starts_upper or block.text[:1].isdigit():
        return None
    before, after = ctx.previous_kept_shape, ctx.next_kept_shape
    if before is None or after is None or not (before.is_long_paragraph and after.is_long_paragraph):
        return None
    text = block.text
    if text.endswith((",", "-", "–", "—")) or "http" in text or "@" in text or text.count("(") != text.count(")"):
        return None
    mine = content_words(shape.word_set)
    if len(mine) < 4:
        return None
    counts = ctx.doc.word_blocks()
    elsewhere = sum(1 for w in mine if counts.get(w, 0) >= 2)
    share = elsewhere / len(mine)
    if share < 0.6:
        return None
    return Match(f"a sentence without closing punctuation; {share:.0%} of its words occur elsewhere in the story")
