"""Site chrome in plain text: the phrases of ads, prompts, notices and embedded-post residue.

The one home of these patterns: the boilerplate rule labels a line with the
reason of the pattern that matched, and the classifier's context uses
:func:`looks_removable` to look past such lines when a rule checks its
neighbours.

>>> chrome_reason("Advertisement - story continues below")
'an advertising marker'
"""

from __future__ import annotations

import re

# Each pattern is anchored at the start, case-insensitive, built of literal
# alternations and bounded gaps: linear. The first that matches gives the reason.
CHROME: tuple[tuple[re.Pattern[str], str], ...] = tuple(
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
        (r"^(?:tags?|filed\sunder|categories|category|topics?)\s{0,2}:", "a tag list"),
        (r"^(?:posted\sin|published\sin)\s[A-Z]", "a category line"),
        (r"^(?:previous|next)\s(?:article|post|story)\b", "a navigation link"),
        (r"^(?:back\sto\stop|skip\sto\s(?:main\s)?content|jump\sto)\b", "a navigation link"),
    )
)

# All chrome patterns in one alternation, so a line costs one regex call; the
# name of the group that matched gives the reason.
CHROME_ANY = re.compile(
    "|".join(f"(?P<c{number}>{pattern.pattern})" for number, (pattern, _reason) in enumerate(CHROME)),
    re.IGNORECASE,
)

#: Reasons that hold for plain text only (a scraper's leftovers), not for HTML paragraphs.
TEXT_ONLY = frozenset({"a bare link"})

# Words that open newsletter lines, checked with the word "newsletter".
NEWSLETTER = re.compile(r"(?i)\b(?:sign\sup|subscribe|get\sour|delivered|inbox|newsletter)\b")
# Embedded posts: "— Name (@handle) March 3, 2017", "pic.twitter.com/...",
# "A photo posted by x (@x) on". Linear: bounded classes, literal months.
EMBED_END = re.compile(
    r"\(@\w{1,30}\)\s{0,3}(?:on\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2},?\s\d{4}"
)
EMBED_POST = re.compile(r"(?i)^a\s(?:photo|video|post)\s(?:posted|shared)\sby\s")


def chrome_reason(text: str) -> str | None:
    """The reason of the first chrome pattern that ``text`` (already stripped of bullets) opens with, or None.

    >>> chrome_reason("Share this article"), chrome_reason("The mayor said so.")
    ('a share prompt', None)
    """
    found = CHROME_ANY.match(text)
    if found is None or found.lastgroup is None:
        return None
    return CHROME[int(found.lastgroup[1:])][1]


def looks_removable(text: str, words: int) -> bool:
    """True when a block is plainly chrome (no words, an ad marker, a prompt, an embedded post).

    ``words`` is the block's word count. Used to look past such blocks when a rule checks its neighbours.

    >>> looks_removable("Advertisement", 1), looks_removable("Hello there.", 2)
    (True, False)
    """
    if words == 0:
        return True
    if words <= 40 and CHROME_ANY.match(text.lstrip(" *•►>|-–—_[(")) is not None:
        return True
    return "pic.twitter.com/" in text or ("(@" in text and EMBED_END.search(text, max(0, len(text) - 60)) is not None)
