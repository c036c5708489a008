"""Boilerplate: site chrome that is not part of the story, removed with a reason.

Advertising markers ("Advertisement", "Advertisement - story continues
below"), links to other stories ("Read more: ...", "Also Read", "RELATED:",
"Continue reading the main story"), share, follow and subscribe prompts,
newsletter and cookie lines, comment policies, "Featured image via ...",
embedded-post residue ("— Name (@handle) March 3, 2017", "pic.twitter.com/..."),
bare links, lines without any word, and the title repeated as a body line.

>>> from copydesk import parse_text
>>> [(b.text, b.reason) for b in parse_text("Title\\n\\nBody text, as it goes on.\\n\\nAdvertisement").removed]
[('Advertisement', 'an advertising marker')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..match import Match
from ..shape import Shape
from ..source import Hint, SourceBlock

if TYPE_CHECKING:
    from ..table import Context

# Each pattern is anchored at the start, case-insensitive, built of literal
# alternations and bounded gaps: linear. The first that matches gives the reason.
_CHROME: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        (r"^(?:advertisements?|ads?|sponsored(?:\scontent)?|promoted(?:\scontent)?|paid\scontent)\b"
         r"(?:\s{0,3}[-–—:|]\s{0,3}(?:story|article)\s(?:continues|continued)\b.{0,20})?[\s.]*$",
         "an advertising marker"),
        (r"^(?:story|article)\s(?:continues|continued)\s(?:below|after)", "an advertising marker"),
        (r"^continue\sreading\b", "a 'continue reading' link"),
        (r"^(?:read|see|watch|listen|click)\s(?:more|also|next|full|here|the\sfull|this|now)\b",
         "a link to more content"),
        (r"^(?:also\s(?:read|see|watch)|related(?:\s(?:articles?|stories|posts?|coverage|content|news|links?))?|"
         r"more\s(?:from|on|news|stories)|recommended(?:\sfor\syou|\sreading|\sstories)?|you\smay\salso\slike|"
         r"trending(?:\snow)?|most\s(?:read|popular|viewed)|suggested\s(?:reading|articles?)|don'?t\smiss|"
         r"must\sread|top\sstories|latest\snews|more\sstories)\b\s{0,3}[:|\-–—]?",
         "a link to other stories"),
        (r"^(?:click|tap)\s(?:here|to|the)\b", "a click prompt"),
        (r"^(?:share|tweet|email|e-mail|print|pin|save)\s(?:this|on|it|the\sarticle|the\sstory|via)\b",
         "a share prompt"),
        (r"^(?:follow|like|join|find)\s(?:us|me|our)\b", "a follow prompt"),
        (r"^follow\s.{1,60}\son\s(?:twitter|facebook|instagram|youtube|linkedin|telegram)\b", "a follow prompt"),
        (r"^[\d.,]{1,6}k?\s(?:shares?|views|comments)\b", "a share counter"),
        (r"^(?:subscribe|sign\sup|signup)\b", "a subscription prompt"),
        (r"^(?:facebook|twitter|google\+?|google\splus|linkedin|pinterest|reddit|whatsapp|email|e-mail|print|"
         r"share|tweet|embed|comments?|messenger|tumblr|telegram|copy\slink)(?:[\s,|/]{1,3}(?:facebook|twitter|"
         r"google\+?|plus|google\splus|linkedin|pinterest|reddit|whatsapp|email|e-mail|print|share|tweet|embed|"
         r"comments?|messenger|tumblr|telegram|copy\slink)){0,12}[\s:]*$",
         "a row of share buttons"),
        (r"^(?:featured|header|top|lead|cover)\s(?:image|photo|picture)\s{0,3}(?:via|by|from|:|credit|source)",
         "a featured-image credit"),
        (r"^(?:image|photo)\scaption\s*$", "a caption label left by the page"),
        (r"^(?:media\splayback\sis\sunsupported|play\svideo|watch\svideo|video\splayer|loading\svideo|"
         r"your\sbrowser\sdoes\snot\ssupport|please\senable\sjavascript|javascript\sis\sdisabled)",
         "player residue"),
        (r"^(?:we\suse\scookies|this\s(?:site|website)\suses\scookies|by\s(?:continuing|using)\s(?:to\suse\s)?"
         r"(?:this|our)\s(?:site|website)|cookie\s(?:policy|settings|preferences))", "a cookie notice"),
        (r"^(?:comments?(?:\spolicy)?\s*[:|]?\s*$|\d{1,6}\scomments?\b|leave\sa\s(?:comment|reply)|"
         r"join\sthe\s(?:discussion|conversation)|post\sa\scomment|comments\sare\s(?:closed|moderated)|"
         r"we\s(?:have\sno\stolerance|welcome|encourage)\s.{0,40}comments?|please\s(?:read|follow)\sour\s"
         r"(?:comment|community)|view\scomments|show\scomments|add\sa\scomment)",
         "a comment-policy line"),
        (r"^(?:all\srights\sreserved|copyright\s©?\s?\d{4}|©\s?\d{4})", "a copyright line"),
        (r"^(?:https?://|www\.)\S{0,300}$", "a bare link"),
        (r"^(?:source|via|h/t|hat\stip)\s{0,2}:?\s{0,2}(?:https?://|www\.)\S{0,300}$", "a source link"),
        (r"^(?:tags?|filed\sunder|categories|category|topics?)\s{0,2}:", "a tag list"),
        (r"^(?:posted\sin|published\sin)\s[A-Z]", "a category line"),
        (r"^(?:previous|next)\s(?:article|post|story)\b", "a navigation link"),
        (r"^(?:back\sto\stop|skip\sto\s(?:main\s)?content|jump\sto)\b", "a navigation link"),
    )
)

# All chrome patterns in one alternation, so a line costs one regex call; the
# name of the group that matched gives the reason.
_CHROME_ANY = re.compile(
    "|".join(f"(?P<c{number}>{pattern.pattern})" for number, (pattern, _reason) in enumerate(_CHROME)),
    re.IGNORECASE,
)

#: Reasons that hold for plain text only (a scraper's leftovers), not for HTML paragraphs.
_TEXT_ONLY = frozenset({"a bare link", "a source link"})

# Words that open newsletter lines, checked with the word "newsletter".
_NEWSLETTER = re.compile(r"(?i)\b(?:sign\sup|subscribe|get\sour|delivered|inbox|newsletter)\b")
# Embedded posts: "— Name (@handle) March 3, 2017", "pic.twitter.com/...",
# "A photo posted by x (@x) on". Linear: bounded classes, literal months.
_EMBED_END = re.compile(
    r"\(@\w{1,30}\)\s{0,3}(?:on\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2},?\s\d{4}"
)
_EMBED_POST = re.compile(r"(?i)^a\s(?:photo|video|post)\s(?:posted|shared)\sby\s")


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
    if shape.words > 40:
        return None
    text = block.text.lstrip(" *•►>|-–—_[(")
    found = _CHROME_ANY.match(text)
    if found is not None and found.lastgroup is not None:
        reason = _CHROME[int(found.lastgroup[1:])][1]
        if block.hint is not Hint.NONE and reason in _TEXT_ONLY and not ctx.in_header:
            # A link shown in a page's article body is the author's (above it, it is page chrome).
            return None
        return Match(reason)
    if "newsletter" in text.casefold() and shape.words <= 30 and len(_NEWSLETTER.findall(text)) >= 2:
        return Match("a newsletter prompt")
    return None


def embedded_post(block: SourceBlock, ctx: Context) -> Match | None:
    """What is left of an embedded tweet or Instagram post."""
    text = block.text
    if "pic.twitter.com/" in text:
        return Match("embedded tweet residue (pic.twitter.com)")
    if "(@" in text and _EMBED_END.search(text, max(0, len(text) - 60)):
        return Match("embedded post residue (— name (@handle) date)")
    if ctx.shape.words <= 40 and _EMBED_POST.match(text):
        return Match("embedded post residue (a photo posted by ...)")
    return None


def looks_removable(text: str, shape: Shape) -> bool:
    """True when a block is plainly chrome (no words, an ad marker, a prompt, an embedded post).

    Used to look past such blocks when a rule checks its neighbours.

    >>> from copydesk._classify.shape import shape_of
    >>> looks_removable("Advertisement", shape_of("Advertisement")), looks_removable("Hello there.", shape_of("x"))
    (True, False)
    """
    if shape.words == 0:
        return True
    if shape.words <= 40 and _CHROME_ANY.match(text.lstrip(" *•►>|-–—_[(")) is not None:
        return True
    return "pic.twitter.com/" in text or ("(@" in text and _EMBED_END.search(text, max(0, len(text) - 60)) is not None)
