"""Subheadings: short headings inside the body, followed by paragraphs.

A short line (at most 14 words) in title case or capitals, or a very short
line closed by a colon ("Policies:"; not a lead-in to a quotation such as
"Fox News reports:"), without closing full stop, after the
body started and followed by a longer block. In HTML, ``h2``-``h6`` inside the
content.

>>> from copydesk import parse_text
>>> text = ("Title\\n\\nThe first paragraph of the story tells what happened on the hill today.\\n\\n"
...         "What Happens Next\\n\\nThe council meets again next week to decide on the plan for the hill.")
>>> [b.kind.value for b in parse_text(text).body]
['paragraph', 'subheading', 'paragraph']
"""

from __future__ import annotations

from ..._lexicon.words import SPEECH_VERBS, tokens, word_set
from ..context import Context, Match
from ..source import Hint, SourceBlock


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end saw a heading (h2-h6) inside the content."""
    if block.hint is Hint.HEADING:
        return Match(f"an h{block.level} heading" if block.level else "a heading")
    return None


def short_heading(block: SourceBlock, ctx: Context) -> Match | None:
    """A short title-case or capitals line without a full stop, followed by a longer block."""
    shape = ctx.shape
    if not 1 <= shape.words <= 14 or len(block.text) > 120 or not ctx.body_count:
        return None
    following = ctx.next_kept_shape
    if following is None or following.words < max(8, shape.words + 3):
        return None
    text = block.text.rstrip()
    if text[-1:] in ".,;!\"”’'" or text[:1] in "-–—•*\"“":
        return None
    if text.endswith(":"):
        if shape.words <= 5 and not _lead_in(text):
            return Match("a short line closed by a colon, before a longer block")
        return None
    if shape.title_case or shape.all_caps:
        return Match("a short title-case line without a full stop, before a longer block")
    if shape.words <= 6 and text.endswith("?") and not (set(tokens(text)) & _READER):
        return Match("a short question before a longer block")
    return None


#: A question to "you" is an interview's or an author's question, not a section heading.
_READER = word_set("you your yours")


def _lead_in(text: str) -> bool:
    """True for a lead-in to a quotation ("Fox News reports:", "Here's what he said:"), not a label.

    >>> _lead_in("Attkisson concludes:"), _lead_in("Policies:")
    (True, False)
    """
    words = tokens(text)
    return bool(words) and (words[-1] in SPEECH_VERBS or words[0] in _POINTING)


_POINTING = word_set("here heres")
