"""What an element's class, id, role and itemprop words say about it, read once per distinct signature.

An element's *signature* (:func:`signature`) is its ``class``, ``id``,
``role``, ``itemprop``, ``rel``, ``data-component`` and ``aria-label``
values as one lowercase string. :class:`SigInfo` matches it against generic
vocabularies of the trade, never site names: boilerplate ("comment",
"related", "share", "newsletter", "promo", ...), article-body names
("article-body", ``itemprop=articleBody``, ...), captions, credits, bylines,
dates, datelines, pull quotes, standfirsts and paywalls. The readings are
cached per distinct signature (:func:`sig_info`). :func:`boiler_reason` adds
what the tag and its attributes say (``nav``, ``hidden``, chrome roles).
"""

from __future__ import annotations

import re

from bs4.element import Tag

from .._classify.source import Hint
from .load import CHROME_ROLES

# -- vocabularies --------------------------------------------------------------
#
# All patterns below are plain alternations of literals (some with a
# character class or an optional separator); none nests a quantifier, so each
# match attempt is linear in the signature, which is itself short. They are
# matched against the lowercased signature, without re.IGNORECASE (which
# makes long alternations several times slower).

# Words that mark a subtree as boilerplate wherever they appear in a class/id.
_BOILER_SUBSTR = re.compile(
    r"comment|related|newsletter|subscri|cookie|consent|gdpr|advert|sponsor|sidebar|breadcrumb"
    r"|outbrain|taboola|disqus|recommend|trending|social|share|sharing|signup|sign-up|promo"
    r"|popular|mostread|most-read|most_read|morestories|more-stories|read-more|readmore"
    r"|also-read|see-also|you-may|youmay|next-article|nextarticle|author-bio|authorbio|about-author"
    r"|skip-link|screen-reader|sr-only|visually-hidden|visuallyhidden|print-only|toolbar|masthead"
    r"|tag-list|taglist|article-tags|post-tags|entry-tags|topics-list|byline-share|follow-us"
    r"|login|log-in|register|donate|survey|feedback|rating|reaction|banner|jump-link|tooltip"
    r"|inline-ad|ad-slot|adslot|ad-container|adunit|ad-unit|dfp|gpt-ad|native-ad",
)
# Words that mark boilerplate only as a whole token ("ad", "nav" ...).
_BOILER_TOKENS = frozenset(
    {
        "ad", "ads", "nav", "navbar", "navigation", "menu", "footer", "modal", "popup", "overlay",
        "widget", "widgets", "tags", "more", "pagination", "pager", "dialog",
        "alert", "notice", "disclaimer", "teaser", "teasers", "card", "cards", "carousel", "slider",
        "rail", "aside", "recirc", "offscreen", "subnav", "topbar", "bottombar", "sticky", "newsfeed",
    }
)
# Names that mark boilerplate even over plain prose (comments are prose too).
STRONG_BOILER = frozenset(
    {
        "comment", "related", "newsletter", "subscri", "cookie", "consent", "gdpr", "advert",
        "sponsor", "outbrain", "taboola", "disqus", "recommend", "share", "sharing", "social",
        "signup", "sign-up", "breadcrumb", "nav", "navbar", "navigation", "menu", "footer", "ad",
        "ads", "author-bio", "authorbio", "about-author", "hidden", "aria-hidden", "aside", "login",
        "register", "promo", "most-read", "mostread", "most_read", "popular", "trending",
    }
)
# State-like prefixes: "has-sidebar", "with-share", "no-ads" say nothing of the element itself.
_STATE_PREFIX = re.compile(r"\b(?:has|with|no|is|show|hide|js|l|u)-[a-z0-9_-]+")
# Article-body names: the element that holds the story text.
_BODY_NAMES = re.compile(
    r"article[-_]?body|articlebody|article[-_]?content|article[-_]?text|story[-_]?body"
    r"|story[-_]?content|story[-_]?text|entry[-_]?content|entry[-_]?body|post[-_]?content|post[-_]?body"
    r"|post[-_]?entry|body[-_]?text|bodytext|content[-_]?body|main[-_]?content|article__body"
    r"|article-page-body|page-content|news[-_]?body|news[-_]?text|text[-_]?body|rich[-_]?text",
)
_CAPTION = re.compile(r"caption|legend|image-text|imagetext|photo-text|media-desc|img-desc")
_CREDIT = re.compile(r"credit|copyright|photographer|attribution|image-source|photo-source|courtesy")
_BYLINE = re.compile(r"byline|by-line|author|writer|contributor|reporter")
_DATE = re.compile(r"\bdate|date\b|dateline|timestamp|published|pubdate|posted-on|updated|\btime\b")
_DATELINE = re.compile(r"dateline")
_PULL = re.compile(r"pull[-_ ]?quote|pullquote|pull[-_ ]?out|pullout|blockquote--pull|quote--pull")
_SUBTITLE = re.compile(r"standfirst|\bdek\b|subtitle|sub-title|subheadline|sub-headline|strapline|summary")
_PAYWALL = re.compile(r"paywall|premium-content|subscriber-only|subscribers-only|regwall|meter-")


def hides(style: object) -> bool:
    """True when an inline ``style`` value hides its element (``display:none``, ``visibility:hidden``).

    >>> hides("display: none"), hides("visibility:hidden;color:red"), hides("color: red"), hides(None)
    (True, True, False, False)
    """
    if not isinstance(style, str) or ("none" not in style and "hidden" not in style):
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


def signature(element: Tag) -> str:
    """Class, id, role and itemprop of ``element`` as one lowercase string."""
    attrs_ = element.attrs
    if not attrs_:
        return ""
    parts: list[str] = []
    cls = attrs_.get("class")
    if cls:
        parts.append(" ".join(cls) if isinstance(cls, list) else str(cls))
    for name in ("id", "role", "itemprop", "rel", "data-component", "aria-label"):
        value = attrs_.get(name)
        if value:
            parts.append(" ".join(value) if isinstance(value, list) else str(value))
    return " ".join(parts).lower()


class SigInfo:
    """What an element's class/id/role/itemprop words say, computed once per distinct signature."""

    __slots__ = ("body_name", "boiler", "byline", "date", "hint", "paywall", "pull")

    def __init__(self, sig: str) -> None:
        self.body_name = bool(_BODY_NAMES.search(sig))
        self.paywall = bool(_PAYWALL.search(sig))
        self.pull = bool(_PULL.search(sig))
        self.byline = bool(_BYLINE.search(sig)) and "bio" not in sig
        self.date = bool(_DATE.search(sig))
        self.boiler: str | None = None
        # Article-body names win; so do embeds (a post quoted in the story is part of it).
        if not self.body_name and "embed" not in sig:
            cleaned = _STATE_PREFIX.sub(" ", sig)
            match = _BOILER_SUBSTR.search(cleaned)
            if match:
                self.boiler = match.group(0).lower()
            else:
                for token in _NON_WORD.split(cleaned):
                    if token in _BOILER_TOKENS:
                        self.boiler = token
                        break
        hint: Hint | None = None
        if self.pull:
            hint = Hint.PULL_QUOTE
        elif _DATELINE.search(sig):
            hint = Hint.DATELINE
        elif _CREDIT.search(sig):
            hint = Hint.PHOTO_CREDIT
        elif _CAPTION.search(sig):
            hint = Hint.FIGCAPTION
        elif self.byline:
            hint = Hint.BYLINE
        elif self.date:
            hint = Hint.TIME
        elif _SUBTITLE.search(sig):
            hint = Hint.SUBTITLE
        self.hint = hint


# Any run of non-alphanumerics: one character class, linear.
_NON_WORD = re.compile(r"[^a-z0-9]+")
EMPTY_SIG = SigInfo("")
#: The cache of :func:`sig_info` is bounded by size, not only by entries: it lives across pages,
#: and one page of long, distinct class names must not leave megabytes behind (issue 12).
_SIG_CACHE_MAX = 20_000  # entries
_SIG_CACHE_CHARS = 1_000_000  # characters of the signatures held (about 1 MB for ASCII)
_SIG_CACHED_LONGEST = 200  # a longer signature is read every time, never cached


class _SigCache:
    """The signatures seen lately and what they say; emptied when it grows past its bounds."""

    def __init__(self) -> None:
        self.entries: dict[str, SigInfo] = {}
        self.chars = 0

    def get(self, sig: str) -> SigInfo:
        info = self.entries.get(sig)
        if info is None:
            info = SigInfo(sig)
            if len(sig) <= _SIG_CACHED_LONGEST:
                if len(self.entries) >= _SIG_CACHE_MAX or self.chars + len(sig) > _SIG_CACHE_CHARS:
                    self.entries.clear()
                    self.chars = 0
                self.entries[sig] = info
                self.chars += len(sig)
        return info


_SIG_CACHE = _SigCache()


def sig_info(sig: str) -> SigInfo:
    """The :class:`SigInfo` of ``sig``, cached (the cache is bounded in entries and characters).

    >>> sig_info("article-body").body_name, sig_info("share-bar").boiler
    (True, 'share')
    """
    if not sig:
        return EMPTY_SIG
    return _SIG_CACHE.get(sig)


def boiler_reason(tag: str, info: SigInfo, element: Tag) -> str | None:
    """Why ``element`` is boilerplate (nav, footer, a share bar ...), or None."""
    if tag in ("nav", "footer", "aside"):
        return tag
    if tag == "blockquote":
        # A quotation (or an embedded post) is content whatever its class says.
        info = EMPTY_SIG
    attrs_ = element.attrs
    if attrs_:
        if "hidden" in attrs_:
            return "hidden"
        if attrs_.get("aria-hidden") == "true":
            # Hidden from screen readers only (a page behind an open dialog): not from the eye.
            return "aria-hidden"
        if hides(attrs_.get("style")):
            return "hidden"
        role = attrs_.get("role")
        if isinstance(role, str) and role.lower() in CHROME_ROLES:
            return f"role={role.lower()}"
    return info.boiler
