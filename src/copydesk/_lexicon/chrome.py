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

#: A "See also" / "You might also like" label over a list of other stories.
SEE_ALSO = "a 'see also' label"
#: The reasons of markers after which the rest of a text is a list of other stories or a footer.
LIST_MARKER = "a list of other stories"
FOOTER_MARKER = "a site or release footer"
#: The reason given to that label: the lines after it are the points (list items).
HIGHLIGHTS_LABEL = "a label over the story's highlights"
#: The label over a story's summary points, alone or glued to the first point ("Story highlights Ryan
#: called for calm"): the points are body, none is the title. Anchored: linear.
HIGHLIGHTS_LEAD = re.compile(r"(?i:story\shighlights|key\spoints|key\stakeaways)\s{0,2}:?(?:\s(?=[A-Z0-9\"“])|$)")

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
        (r"^(?:story\shighlights|key\spoints|key\stakeaways)\s{0,2}:?$", HIGHLIGHTS_LABEL),
        (r"^[×✕✖]\s", "a pop-up's residue (its close button)"),
        (r"^(?:add\syour\s(?:name|voice|signature)|sign\s(?:the|our|this)\spetition)\b", "a petition prompt"),
        (r"^(?:you\smight\salso\slike|read\salso|see\salso|lee\stambién|lire\saussi|lesen\ssie\sauch|leia\stambém|"
         r"leggi\sanche)\b\s{0,3}[:|\-–—.]{0,4}$", SEE_ALSO),
        (r"^(?:click|tap)\s(?:here|to|the)\b", "a click prompt"),
        (r"^for\s(?:more|further|additional)\s(?:information|details|info)\b[^.!?]{0,120}\b(?:visit|call|contact|email|"
         r"e-mail|go\sto|log\son)\b", "a call to action"),
        (r"^(?:we\s(?:encourage|invite)\syou\sto\s(?:share|republish|repost)|this\s(?:content|article|story|post)\s"
         r"may\s(?:be\s)?(?:freely\s)?(?:reproduced|republished|reposted|shared))", "a republishing notice"),
        (r"^[(\[]?(?:this\s(?:version\sof\sthe\s)?(?:story|article|post)\s(?:was|has\sbeen)\s(?:updated|refiled|corrected|"
         r"amended|edited)|correction\s{0,2}:|clarification\s{0,2}:|editor['’]?s\snote\s{0,2}:\s{0,2}(?:this|an\searlier))",
         "an update or correction notice"),
        (r"^(?:like\sthis\s{0,2}:|sharing\sis\scaring\b)", "a share prompt"),
        (r"^(?:see|spot|found)\san?\s(?:error|typo|mistake)\b", "a correction prompt"),
        (r"^this\s(?:entry|post|article)\swas\sposted\sin\b", "a category line"),
        (r"^\[?(?:youtube|embed|video|tweet|vimeo|instagram|caption|gallery|audio|facebook)"
         r"(?:\s{1,3}(?:https?://|[a-z_]{1,12}=)|\])[^\]]{0,300}\]$", "embed shortcode residue"),
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
         r"we\s(?:have\sno\stolerance|welcome|encourage)\s.{0,40}comments?|please\s(?:read|follow|adhere\sto)\sour\s"
         r"(?:comment|commenting|community)|view\scomments|show\scomments|add\sa\scomment)",
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

#: Chrome is short; the notices below run longer.
_CHROME_WORDS = 40
_LONG_NOTICE_WORDS = 100
#: Notices that run long ("Please adhere to our commenting policy ... As a privately owned website, ...").
LONG_NOTICES = frozenset({
    "a comment-policy line", "a republishing notice", "a copyright line", "a pop-up's residue (its close button)",
})

#: Reasons that hold for plain text only (a scraper's leftovers), not for HTML paragraphs.
TEXT_ONLY = frozenset({
    "a bare link", SEE_ALSO, "a call to action", "an update or correction notice", "a correction prompt",
    "a republishing notice", "embed shortcode residue", "a petition prompt", "a pop-up's residue (its close button)",
})

# Words that open newsletter lines, checked with the word "newsletter".
NEWSLETTER = re.compile(r"(?i)\b(?:sign\sup|subscribe|get\sour|delivered|inbox|newsletter)\b")
# Embedded posts: "— Name (@handle) March 3, 2017", "pic.twitter.com/...",
# "A photo posted by x (@x) on". Linear: bounded classes, literal months.
EMBED_END = re.compile(
    r"\(@\w{1,30}\)\s{0,3}(?:on\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2},?\s\d{4}"
)
EMBED_POST = re.compile(r"(?i)^a\s(?:photo|video|post)\s(?:posted|shared)\sby\s")


# A prompt for the reader's opinion: "What do you think?", "Let us know in the comments",
# "Sound off below", in the main languages of the press. Searched (not anchored) in short
# lines at the end of a text; literal alternations only: linear.
READER_QUESTION = re.compile(
    r"(?i)\b(?:(?:what|how)\s(?:do|did)\syou\s(?:think|feel)|do\syou\s(?:think|agree|believe)|"
    r"what\sare\syour\sthoughts|what'?s\syour\s(?:take|opinion)|qué\s(?:opinas|piensas|opina\susted)|"
    r"qu['’]en\spensez|was\s(?:meinen|denken)\s(?:sie|du)|cosa\sne\s(?:pensate|pensi)|o\sque\svocê\s(?:acha|pensa))"
)
READER_PROMPT = re.compile(
    r"(?i)\b(?:let\sus\sknow|sound\soff|tell\sus\s(?:what|how)|share\syour\s(?:thoughts|opinion|views)|"
    r"(?:in|into)\sthe\scomments?\b|comments?\s(?:section\s)?below|add\syour\stwo\scents|leave\sa\scomment|"
    r"déjanos\stu|dites-nous|sagen\ssie\suns|diteci|deixe\sseu\scomentário)"
)
# A line whose whole content points at media the text lost: "Watch below:", "Watch the
# video here", "Here is the image:". Anchored; literal alternations, bounded gaps: linear.
MEDIA_POINTER = re.compile(
    r"(?i)^(?:watch|see|view|listen|check\sout|mira|mire|regardez|guarda|assista|schauen\ssie)\b"
    r"(?:.{0,120}?\b(?:here|below|above|on\syoutube|aquí|ici|hier|qui|aqui))?\s{0,2}[:,.!]{0,3}$"
)
#: Media nouns: a short lead-in ending in ":" that names one points at a picture or a video.
MEDIA_WORDS = re.compile(
    r"(?i)\b(?:videos?|clips?|footage|images?|pictures?|photos?|photographs?|gallery|slideshow|below|above|"
    r"vídeos?|imagen|imágenes|fotos?|bilder?|vidéos?|immagini|imagens?)\b"
)

# A line that closes with a click prompt ("FREE GIFT! Download the eBook ... CLICK HERE"). Searched from
# the start with one bounded gap: linear.
CLICK_END = re.compile(r"(?i)^.{0,300}\bclick\s(?:here|the\slink|below)(?:\snow)?\s{0,2}[.!]{0,3}$")
# A line that only points at a link the text lost: "The full text of the articles is here."
LINK_POINTER = re.compile(
    r"(?i)\b(?:articles?|text|list|story|stories|report|link|statement|letter|document|transcript|full|video|"
    r"speech|interview|petition)\b[^.!?]{0,80}\bhere\b[\s.!:,)]{0,4}$"
)

#: Words that open a line pointing at something shown ("Here is", "This video", "Below").
POINTER_START = re.compile(
    r"(?i)^(?:here|this|these|below|above|the\sfollowing|check|aquí|voici|hier|ecco|aqui|este|esta|estas|estos)\b"
)


# Markers of what closes a page: a list of the site's other stories ("Most Recent Articles by X:",
# "Recent Posts") or a footer's section ("About Us:", "Contact Details:"). Kept apart from the
# chrome table: alone, such a line is a menu item as often as a marker. Anchored: linear.
CLOSING_MARKERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)^(?:(?:most\s)?(?:recent|latest)\s(?:articles|posts|stories|entries)\b[^.!?]{0,60}|"
                r"(?:more|other)\s(?:articles|posts|stories)\s(?:by|from)\s[^.!?]{1,60})\s{0,2}:?$"), LIST_MARKER),
    (re.compile(r"(?i)^(?:about\sus|contact\s(?:us|details|information)|media\scontacts?|press\scontacts?|"
                r"corporate\soffice|sobre\snosotros|contacto|à\spropos\sde\snous|über\suns|kontakt|chi\ssiamo|"
                r"contatti)\s{0,2}:?$"), FOOTER_MARKER),
)


def closing_marker(text: str) -> str | None:
    """The kind of closing marker ``text`` is (:data:`LIST_MARKER` or :data:`FOOTER_MARKER`), or None.

    >>> closing_marker("Contact Details:") == FOOTER_MARKER, closing_marker("The council met.")
    (True, None)
    """
    for pattern, reason in CLOSING_MARKERS:
        if pattern.match(text) is not None:
            return reason
    return None


# Two chrome shapes searched past the line's start, kept out of the one anchored alternation
# above so that most lines pay nothing for them (each is tried only when a literal is present):
# "FOR THE FULL REPORT CLICK LINK", "Purchase a copy of this report @ http://...". Bounded: linear.
CLICK_PROMPT = re.compile(r"(?i)^[^.!?]{0,40}\bclick\s(?:the\s|this\s|on\s)?(?:link|here|below)\b[^.!?]{0,30}[.!]?$")
URL_CALL = re.compile(r"^[^.!?]{0,120}\s@\s{0,2}(?:https?://|www\.)\S{0,300}(?:\s\.)?$")
#: Literals one of which every reader prompt holds (a cheap test before the regular expressions).
PROMPT_KEYS = ("know", "sound", "tell", "share", "comment", "cents", "déjanos", "dites", "sagen", "diteci", "deixe")
QUESTION_KEYS = ("think", "feel", "agree", "believe", "thought", "take", "opinion", "opin", "piensas", "pensez",
                 "meinen", "denken", "pensate", "pensi", "acha", "pensa")


def maybe_prompt(folded: str) -> bool:
    """True when the case-folded ``folded`` holds a word every reader prompt has (a cheap pre-check).

    >>> maybe_prompt("let us know what you think"), maybe_prompt("the council voted")
    (True, False)
    """
    return any(key in folded for key in PROMPT_KEYS)


def maybe_question(folded: str) -> bool:
    """True when the case-folded ``folded`` holds a word every question to the reader has (a cheap pre-check)."""
    return any(key in folded for key in QUESTION_KEYS)


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
    if words <= _LONG_NOTICE_WORDS:
        reason = chrome_reason(text.lstrip(" *•►>|-–—_[("))
        if reason is not None and (words <= _CHROME_WORDS or reason in LONG_NOTICES):
            return True
    return "pic.twitter.com/" in text or ("(@" in text and EMBED_END.search(text, max(0, len(text) - 60)) is not None)
