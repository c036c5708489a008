"""Captions: the line under a photo, kept apart from the body with its photo credit.

The main rules. ``with_credit``: a short block closed by a photo credit ("... in
Dallas. (Photo: Matt Rourke, AP)", "... | Getty Images",
"...Image copyrightGETTY IMAGES"). ``descriptive``: a short line between
paragraphs that describes a picture — several signals are needed together:
no closing full stop, sentence case (not a heading), a present-tense
"picture verb" ("A soldier places a flag ...", "Protesters march ..."), or an
opening such as "FILE PHOTO:", "In this photo", "Pictured:"; or the wire
caption form, a picture verb with a weekday date ("..., Tuesday, Nov. 19, 2019.").
``lead_photo``: the text opens with the lead photo's caption and its credit
("President X, right, with Y ( REUTERS/Jane Doe )"), not with a headline.
``repeated_before_credit``: a caption shown twice, first bare, then with its
credit ("X" then "X (Jane Doe/AP)"): both copies are captions.

>>> from copydesk import parse_text
>>> text = ("Title\\n\\nThe army said it has retaken full control of the city after a long siege.\\n\\n"
...         "A Syrian army soldier places a flag during a battle with rebels\\n\\n"
...         "The remaining fighters left the eastern districts, officials said on Friday.")
>>> [c.text for c in parse_text(text).captions]
['A Syrian army soldier places a flag during a battle with rebels']
"""

from __future__ import annotations

import re

from ..._lexicon.chrome import looks_removable
from ..._lexicon.words import tokens, word_set
from ..context import Context, Match
from ..source import Hint, SourceBlock
from .photo_credit import parse_photo_credit, split_photo_credit

#: Present-tense verbs (and participles) typical of photo captions.
PICTURE_VERBS = word_set(
    """
    places holds speaks looks stands sits walks arrives waves gestures poses attends delivers listens smiles
    reacts shakes greets addresses leaves talks points carries watches celebrates prays marches rides runs plays
    performs wears inspects visits signs meets hugs kisses embraces cries mourns lays lights raises kneels passes
    shouts chants protests rallies dances sings drives jumps throws kicks scores dunks patrols
    guards displays pictured photographed depicted pose stand sit walk wave march gather attend hold
    pray mourn chant protest celebrate react queue sits lies rests sleeps reads
    boards exits enters departs steps climbs pulls pushes cleans clears rescues evacuates receives
    applauds cheers claps salutes bows sift searches inspect examine examines
    """
)

#: Words that open sentences of a story, rarely a caption ("It looks like ...", "I want ...").
_NOT_CAPTION_START = word_set(
    "i we you he she they it this that these those there here when if as but and so because while what why how"
    " who which my our your his her their its"
)

# Words that a photo credit closing a caption contains (a cheap pre-check). Linear: literals.
_CREDIT_HINT = re.compile(
    r"Photo|PHOTO|Image|IMAGE|Getty|GETTY|REUTERS|Reuters|AFP|AP|Credit|CREDIT|EPA|Shutterstock|/|Courtesy"
)

# Caption openings. Linear: a literal alternation at the start.
_OPENERS = re.compile(
    r"(?i)^(?:file\s?(?:photo)?\s?[:\-–—]|(?:file|representative|stock)\s(?:image|photo|picture)s?\b|in\sthis\s(?:file\s)?(?:photo|image|picture|handout)|this\s(?:file\s)?"
    r"(?:photo|image|picture|handout|undated)|this\s(?:[\w-]{1,20}\s){0,2}(?:engraving|painting|illustration|drawing|"
    r"sketch|photograph|artwork|mural|etching|lithograph)\s(?:shows|depicts|from|of)\b|pictured\s?:|above\s?:|top\s?:|left\s?:|right\s?:|from\sleft|"
    r"left\sto\sright|\(?l-?r\)?|a\sview\sof|an\saerial\sview|photo\sillustration|image\s(?:caption|via))"
)
# Openings that name the picture itself ("File image of", "This engraving depicts"): a caption
# even in title case. Linear: literal alternations, one bounded gap.
_IMAGE_OPENERS = re.compile(
    r"(?i)^(?:(?:file|representative|stock)\s(?:image|photo|picture)s?\s(?:of|shows)\b|this\s(?:[\w-]{1,20}\s){0,2}"
    r"(?:engraving|painting|illustration|drawing|sketch|photograph|artwork|mural|etching|lithograph)\s"
    r"(?:shows|depicts|from|of)\b)"
)
# A wire caption's weekday date: "Tuesday, Nov. 19, 2019". Linear.
_WEEKDAY_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]{0,6}\.?\s\d{1,2}(?:,\s\d{4})?"
)
# Position markers in captions: "(L)", "(left)", ", left,", "(centre)". Linear.
_POSITION = re.compile(
    r"(?i)\((?:l|r|c|left|right|center|centre|pictured|top|bottom)\)|,\s(?:left|right|center|centre),"
)


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a figure caption."""
    if block.hint is not Hint.FIGCAPTION:
        return None
    if parse_photo_credit(block.text, in_caption=True) is not None or looks_removable(block.text, ctx.shape.words):
        # A figure's credit line or player residue: the credit and boilerplate rules take it.
        return None
    return Match("marked as a figure caption")


def with_credit(block: SourceBlock, ctx: Context) -> Match | None:
    """A short block that ends with a photo credit."""
    shape = ctx.shape
    if shape.words > 80 or shape.words < 4 or ctx.index == 0:
        return None
    text = block.text
    if _CREDIT_HINT.search(text, max(0, len(text) - 110)) is None:
        return None
    found = split_photo_credit(text)
    if found is None:
        return None
    return Match(f"a short block closed by a photo credit ({found[2]})")


def descriptive(block: SourceBlock, ctx: Context) -> Match | None:
    """A short line between paragraphs describing a picture (several signals together)."""
    shape = ctx.shape
    if not 4 <= shape.words <= 60 or ctx.index == 0 or ctx.next_kept_shape is None:
        return None
    text = block.text
    if text.endswith((":", ",", ";", "?", "!", "\"", "”")) or text[:1] in "\"“‘'-–—•*":
        return None
    if shape.closed and _OPENERS.match(text) is None and _WEEKDAY_DATE.search(text) is None:
        return None
    if _IMAGE_OPENERS.match(text) is not None and shape.words <= _OPENER_WORDS and "http" not in text:
        return Match("opens like a caption (file photo, in this photo, pictured)")
    if not shape.starts_upper or shape.title_case or shape.all_caps:
        return None
    if "http" in text or "@" in text or "[" in text:
        return None
    words = tokens(text)
    opener = _OPENERS.match(text) is not None
    position = _POSITION.search(text) is not None
    # The picture verb follows a subject of at least two words ("A soldier places").
    verb = words[0] not in _NOT_CAPTION_START and any(w in PICTURE_VERBS for w in words[2:12])
    between = _between_paragraphs(ctx)
    if not shape.closed and shape.words <= 40 and (opener or position or (verb and between)):
        signal = "a picture verb" if verb else "a caption opening" if opener else "a position marker"
        return Match(f"a short line without closing punctuation, in sentence case, with {signal}")
    if opener and shape.words <= 50:
        return Match("opens like a caption (file photo, in this photo, pictured)")
    if verb and between and _WEEKDAY_DATE.search(text) and shape.words <= 60 and text.count(". ") <= 2:
        return Match("a picture verb with a weekday date, in the wire caption form")
    return None


def _between_paragraphs(ctx: Context) -> bool:
    """True when a real paragraph stands right before or right after the block."""
    before, after = ctx.previous_kept_shape, ctx.next_kept_shape
    return (before is not None and before.is_long_paragraph) or (after is not None and after.is_long_paragraph)


def lead_photo(block: SourceBlock, ctx: Context) -> Match | None:
    """Before the title and the story: a caption closed by a photographer's or an agency's credit in brackets."""
    if ctx.has_title or ctx.body_count or block.hint is not Hint.NONE or not block.text.endswith((")", "]")):
        return None
    found = split_photo_credit(block.text)
    if found is None or not found[1].startswith(("(", "[")) or not (found[3] or "/" in found[1]):
        return None
    return Match(f"the lead photo's caption with its credit ({found[2]})")


def repeated_before_credit(block: SourceBlock, ctx: Context) -> Match | None:
    """A caption shown twice: this bare copy, then the same text closed by its photo credit."""
    if block.hint is not Hint.NONE or not 3 <= ctx.shape.words <= _CAPTION_WORDS:
        return None
    text = block.text.rstrip()
    blocks = ctx.doc.blocks
    # The credited copy follows at once, or after removed lines (an ad marker): look a few blocks on.
    found = next((i for i in range(ctx.index + 1, min(ctx.index + _COPY_LOOKAHEAD, len(blocks)))
                  if blocks[i].text.startswith(text)), None)
    if found is None or any(not ctx.doc.is_removed(i) for i in range(ctx.index + 1, found)):
        return None
    following = blocks[found]
    if len(following.text) <= len(text):
        return None
    credited = split_photo_credit(following.text)
    if credited is None or credited[0].rstrip() != text:
        return None
    return Match("the caption repeated with its photo credit on the next line")


_CAPTION_WORDS = 60
_COPY_LOOKAHEAD = 4
_OPENER_WORDS = 50
