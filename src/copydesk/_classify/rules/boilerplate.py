"""Boilerplate: site chrome that is not part of the story, removed with a reason.

Advertising markers ("Advertisement", "Advertisement - story continues
below"), links to other stories ("Read more: ...", "Also Read", "RELATED:",
"Continue reading the main story"), share, follow and subscribe prompts,
newsletter and cookie lines, comment policies, embedded-post residue
("— Name (@handle) March 3, 2017", "pic.twitter.com/..."), bare links, lines
without any word, and the title repeated as a body line; prompts for the
reader's opinion at the end ("What do you think?"), lines that only point at
media the text lost ("Watch below:"), the headlines listed after a "You might
also like" marker, and labelled links to other stories ("BREAKING: ...").

>>> from copydesk import parse_text
>>> [(b.text, b.reason) for b in parse_text("Title\\n\\nBody text, as it goes on.\\n\\nAdvertisement").removed]
[('Advertisement', 'an advertising marker')]
"""

from __future__ import annotations

import re

from ..._lexicon.agencies import agency_named
from ..._lexicon.chrome import (
    CHROME,
    CHROME_ANY,
    CLICK_END,
    CLICK_PROMPT,
    EMBED_END,
    EMBED_POST,
    FOOTER_MARKER,
    LINK_POINTER,
    LIST_MARKER,
    LONG_NOTICES,
    MEDIA_POINTER,
    MEDIA_WORDS,
    NEWSLETTER,
    POINTER_START,
    READER_PROMPT,
    READER_QUESTION,
    SEE_ALSO,
    TEXT_ONLY,
    URL_CALL,
    closing_marker,
    maybe_prompt,
    maybe_question,
)
from ..context import Context, Match
from ..shape import Shape
from ..source import Hint, SourceBlock

#: Chrome is short; a few notices run longer.
_CHROME_WORDS = 40
_LONG_NOTICE_WORDS = 100


def no_words(block: SourceBlock, ctx: Context) -> Match | None:
    """A block with no letter or digit (".", "***", "—")."""
    if ctx.shape.words == 0 and not any(ch.isalnum() for ch in block.text):
        return Match("no words")
    return None


def title_repeated(block: SourceBlock, ctx: Context) -> Match | None:
    """The title repeated as a line of the text."""
    key = ctx.shape.key or block.text.casefold().strip()
    if ctx.doc.title_key is not None and key == ctx.doc.title_key and ctx.index < len(ctx.doc.blocks):
        return Match("repeats the title")
    return None


def chrome_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A short line of site chrome: ads, links, prompts, notices."""
    shape = ctx.shape
    if shape.words > _LONG_NOTICE_WORDS:
        return None
    text = block.text.lstrip(" *•►>|-–—_[(")
    found = CHROME_ANY.match(text)
    if found is not None and found.lastgroup is not None:
        reason = CHROME[int(found.lastgroup[1:])][1]
        too_long = shape.words > _CHROME_WORDS and reason not in LONG_NOTICES
        # A link shown in a page's article body is the author's (above it, it is page chrome).
        authors_link = block.hint is not Hint.NONE and reason in TEXT_ONLY and not ctx.in_header
        return None if too_long or authors_link else Match(reason)
    searched = _searched_chrome(text, shape.words, plain=block.hint is Hint.NONE)
    return Match(searched) if searched is not None else None


def _searched_chrome(text: str, words: int, *, plain: bool) -> str | None:
    """The chrome shapes searched past a line's start, each tried only when its literal is there."""
    if words > _CHROME_WORDS:
        return None
    folded = text.casefold()
    if "newsletter" in folded and words <= _NEWSLETTER_WORDS and len(NEWSLETTER.findall(text)) >= _NEWSLETTER_MARKS:
        return "a newsletter prompt"
    if plain and "click" in folded and CLICK_PROMPT.match(text) is not None:
        return "a click prompt"
    if plain and " @" in text and URL_CALL.match(text) is not None:
        return "a call to action"
    return None


_NEWSLETTER_WORDS = 30
_NEWSLETTER_MARKS = 2


def embedded_post(block: SourceBlock, ctx: Context) -> Match | None:
    """What is left of an embedded tweet or Instagram post."""
    text = block.text
    if "pic.twitter.com/" in text:
        return Match("embedded tweet residue (pic.twitter.com)")
    if ctx.shape.words <= _TWEET_WORDS and _TCO_END.search(text) is not None:
        return Match("embedded tweet residue (a t.co link)")
    if "(@" in text and EMBED_END.search(text, max(0, len(text) - 60)):
        return Match("embedded post residue (— name (@handle) date)")
    if ctx.shape.words <= 40 and EMBED_POST.match(text):
        return Match("embedded post residue (a photo posted by ...)")
    return None


#: Prompts are short: a line this long is prose, whatever it asks.
_PROMPT_WORDS = 80
_POINTER_WORDS = 30
_LIST_ITEM_WORDS = 15
# "Here is ...", "Here are ...", "Here's ...": a pointer when a media noun follows at once.
_HERE_IS = re.compile(r"(?i)^here(?:\s(?:is|are)|['’]s)\s")
_HERE_IS_CHARS = 40
#: A lead-in this short that names a picture and ends in ":" only points at it; a longer one
#: must open with a pointing word ("Here is", "This video") to say nothing else.
_SHORT_POINTER = 12


def reader_prompt(block: SourceBlock, ctx: Context) -> Match | None:
    """A prompt for the reader's opinion: a question to the reader at the end, or "Let us know in the comments".

    >>> from copydesk import parse_text
    >>> text = "Title\\n\\nThe council voted to close the old bridge on Monday.\\n\\nWhat do you think?"
    >>> parse_text(text).removed[0].reason
    "a prompt for the reader's opinion"
    """
    if ctx.shape.words > _PROMPT_WORDS or block.hint is not Hint.NONE:
        return None
    text = block.text
    folded = text.casefold()
    short = ctx.shape.words <= _POINTER_WORDS
    if (short or ctx.in_trailer) and maybe_prompt(folded) and READER_PROMPT.search(text) is not None and (
        short or _last_kept(ctx)
    ):
        return Match("a prompt for the reader's opinion")
    if (
        "?" in text
        and maybe_question(folded[:_QUESTION_OPENS + 20])
        and READER_QUESTION.search(text, 0, _QUESTION_OPENS) is not None
        and _last_kept(ctx)
    ):
        return Match("a prompt for the reader's opinion")
    return None


#: A closing prompt opens with its question (after a greeting such as "Readers, ").
_QUESTION_OPENS = 60


def _last_kept(ctx: Context) -> bool:
    """True when no block after this one will plainly be kept as a long paragraph (prompts aside)."""
    doc = ctx.doc
    return not any(
        doc.shapes[i].is_long_paragraph and not doc.is_removed(i) and not _is_prompt(doc.blocks[i].text)
        for i in range(ctx.index + 1, len(doc.blocks))
    )


def _is_prompt(text: str) -> bool:
    """True when ``text`` reads as a prompt for the reader's opinion (whatever its position)."""
    folded = text.casefold()
    return (maybe_prompt(folded) and READER_PROMPT.search(text) is not None) or (
        "?" in text and maybe_question(folded) and READER_QUESTION.search(text, 0, _QUESTION_OPENS) is not None
    )


def media_pointer(block: SourceBlock, ctx: Context) -> Match | None:
    """A line that only points at a picture, a video or a link the text lost ("Watch below:", "Here is the image:")."""
    if ctx.shape.words > _POINTER_WORDS or block.hint is not Hint.NONE:
        return None
    reason = _pointer_reason(block.text, ctx.shape.words)
    return Match(reason) if reason is not None else None


def _pointer_reason(text: str, words: int) -> str | None:
    """Why ``text`` (of ``words`` words) only points at something missing, or None."""
    media = "points at media missing from the text"
    if MEDIA_POINTER.match(text) is not None:
        return media
    folded = text.casefold()
    if words <= _SHORT_POINTER and "here" in folded and LINK_POINTER.search(text, max(0, len(text) - 120)) is not None:
        return "points at a link missing from the text"  # "... the articles are here."
    if "click" in folded and CLICK_END.match(text) is not None:
        return "a click prompt"
    if _HERE_IS.match(text) is not None and MEDIA_WORDS.search(text, 0, _HERE_IS_CHARS) is not None:
        return media  # "Here is the video from ..."
    if text.endswith(":") and MEDIA_WORDS.search(text) is not None and (
        words <= _SHORT_POINTER or POINTER_START.match(text) is not None
    ):
        return media
    return None


# "BREAKING: <headline>", "UPDATE: <HEADLINE>", "Headline: <headline>": a label and a
# headline with no closing full stop. Anchored, literal labels: linear.
_LABELLED_LINK = re.compile(r"(?i)^(?:breaking(?:\snews)?|headline|update|updated|exclusive)\s{0,2}:\s{1,3}\S")
_HEADLINE_END = ".\u2026"


def labelled_link(block: SourceBlock, ctx: Context) -> Match | None:
    """A labelled headline of another story between or after paragraphs ("BREAKING: X Wins Award")."""
    if ctx.shape.words > _LIST_ITEM_WORDS * 2 or block.hint is not Hint.NONE:
        return None
    text = block.text
    if _LABELLED_LINK.match(text) is None or text.rstrip("\"'\u201d\u2019")[-1:] in _HEADLINE_END:
        return None
    if ctx.doc.paragraph_count == 0 and not text.casefold().startswith("headline"):
        return None  # above the story a "BREAKING:" line is its own headline
    return Match("a labelled link to another story")


def related_list(block: SourceBlock, ctx: Context) -> Match | None:
    """A headline in the list that follows a "Related" / "You might also like" marker."""
    if ctx.shape.words > _LIST_ITEM_WORDS or not ctx.doc.labels or block.hint is not Hint.NONE:
        return None
    last = ctx.doc.labels[-1]
    if last.reason not in (_RELATED, _RELATED_ITEM, LIST_MARKER, SEE_ALSO) or block.text.rstrip()[-1:] in _HEADLINE_END:
        return None
    if agency_named(block.text) is not None:
        return None  # "Canadian Press": the credit line after the list
    return Match(_RELATED_ITEM)


_RELATED = "a link to other stories"
_RELATED_ITEM = "a headline in a list of other stories"


def marker(block: SourceBlock, ctx: Context) -> Match | None:
    """A marker of what closes a page: "Most Recent Articles by X:", "About Us:", "Contact Details:"."""
    if block.hint is not Hint.NONE or ctx.shape.words > _LIST_ITEM_WORDS:
        return None
    reason = closing_marker(block.text.strip(" *•►>|-–—_[("))
    return Match(reason) if reason is not None else None


#: How far back the chain of removed blocks after a marker is followed.
_CHAIN_LOOKBACK = 400


def after_marker(block: SourceBlock, ctx: Context) -> Match | None:
    """Everything after a "Most Recent Articles by X:" or "About Us:" / "Contact Details:" marker.

    Such a marker opens what closes a page: a list of the site's other
    stories (dates, headlines, teasers) or a press release's footer (the
    company blurb, contact and address lines), which run to the end.
    """
    if block.hint is not Hint.NONE:
        return None
    labels = ctx.doc.labels
    for back, label in enumerate(reversed(labels[-_CHAIN_LOOKBACK:])):
        if not label.kind.is_removed:
            return None
        if label.reason in (LIST_MARKER, FOOTER_MARKER):
            closes = _closes_page(ctx, ctx.index - 1 - back, label.reason)
            return Match(f"{_PART_OF} {label.reason}") if closes else None
    return None


def _closes_page(ctx: Context, marker: int, reason: str) -> bool:
    """True when the marker at block ``marker`` opens what closes the page, not a menu or a sidebar.

    Both follow a story (a paragraph came before). A list names whose stories it lists
    ("Most Recent Articles by X:"; a sidebar's bare "Recent Posts" does not); a footer
    marker introduces its section with a colon ("Contact Details:") or sits in the last
    quarter of the text, as menus and sidebars hold the same words ("About Us").
    """
    doc = ctx.doc
    if not doc.paragraph_count or marker < 0:
        return False
    text = doc.blocks[marker].text.rstrip()
    if reason == LIST_MARKER:
        return _AUTHORS_LIST.search(text) is not None  # "Most Recent Articles by X:", not a sidebar's "Recent Posts"
    return text.endswith(":") or marker >= len(doc.blocks) * 3 // 4


_PART_OF = "after"
_AUTHORS_LIST = re.compile(r"(?i)\s(?:by|from|von|de|par|di|por)\s\S")


# A tweet's text ends with its shortened link: "... did to me https://t.co/AbC123". Anchored at the end.
_TCO_END = re.compile(r"https?://t\.co/\w{4,20}\s{0,3}$")
#: A tweet is short (280 characters).
_TWEET_WORDS = 60
#: Alt-text residue is a few lower-case words.
_ALT_WORDS = 5


def alt_text(block: SourceBlock, ctx: Context) -> Match | None:
    """An image's alt text left between paragraphs: a few lower-case words, no punctuation ("ottoman")."""
    if block.hint is not Hint.NONE or ctx.shape.words > _ALT_WORDS or ctx.index == 0:
        return None
    text = block.text
    if not text.islower() or not all(ch.isalpha() or ch in " -" for ch in text):
        return None
    before = ctx.previous_kept_shape
    if before is None or not before.is_long_paragraph:
        return None
    return Match("image alt-text residue")


#: An embed's or a gallery's title is short.
_REPEATED_WORDS = 15


def repeated_short_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A short line without closing punctuation that the text shows again later: an embed's or a gallery's title.

    The later copy is a duplicate; the first is no body either ("Watch: Crowds turn out for the parade" shown
    over a video and again under it).
    """
    shape = ctx.shape
    if block.hint is not Hint.NONE or not shape.key or shape.words > _REPEATED_WORDS or shape.closed:
        return None
    if ctx.doc.title_key == shape.key or not ctx.doc.paragraph_count:
        return None
    if ctx.doc.last_of_key.get(shape.key, -1) > ctx.index:
        return Match("a short line shown twice (an embed's or a gallery's title)")
    return None


_HEADLINE_RUN = "a run of headlines of other stories"
_RUN_LOOKAHEAD = 16


def headline_run(block: SourceBlock, ctx: Context) -> Match | None:
    """Two or more headline-shaped lines in a row between paragraphs: links to other stories.

    A subheading stands alone before its paragraph; headlines one after the other, in title
    case and without closing punctuation, are a list of links the page set into the story.
    """
    doc = ctx.doc
    if block.hint is not Hint.NONE or not doc.paragraph_count or not _headline_shaped(ctx.shape, block.text):
        return None  # (the cheap checks first: most blocks are paragraphs)
    labels = doc.labels
    if labels and labels[-1].reason == _HEADLINE_RUN:
        return Match(_HEADLINE_RUN)
    # The run goes on over headline-shaped lines (removed lines looked past) and must end at a paragraph.
    run = 0
    for index in range(ctx.index + 1, min(len(doc.blocks), ctx.index + _RUN_LOOKAHEAD)):
        if doc.is_removed(index):
            continue
        if _headline_shaped(doc.shapes[index], doc.blocks[index].text):
            run += 1
            continue
        return Match(_HEADLINE_RUN) if run and doc.shapes[index].is_long_paragraph else None
    return None


def _headline_shaped(shape: Shape, text: str) -> bool:
    """Title case, no closing full stop (a closing quote mark aside), the length of a headline."""
    if not 4 <= shape.words <= _LIST_ITEM_WORDS or text.rstrip("'\"\u201d\u2019")[-1:] in ".!?":
        return False
    return shape.title_case and not shape.all_caps
