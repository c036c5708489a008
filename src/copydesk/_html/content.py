"""Find the article in a page's soup and walk it into ordered, hinted text blocks.

One iterative walk over the tree (no recursion, so a 20,000-deep page is
fine) does all the work:

* Text is gathered per *block element* (``p``, ``div``, ``li``, ``h2``,
  ``tr``, ...); inline elements (``a``, ``span``, ``em``, ``time``, ...) are
  flattened into the text of the block that holds them, and ``<br>`` splits a
  block into lines. Each block remembers how much of its text sat inside
  links, bylines and ``<time>`` elements.
* Each element's *signature* (tag, ``class``, ``id``, ``role``,
  ``itemprop``) is read once and matched against a few generic vocabularies:
  boilerplate ("comment", "related", "share", "newsletter", "promo", ...),
  article-body names ("article-body", ``itemprop=articleBody``, ...),
  captions, credits, bylines, dates, pull quotes. These are generic words of
  the trade, never site names.
* When an element closes, its subtree totals (characters, link characters,
  paragraph characters, a density score) are added to its parent's, so every
  element is scored by the time the walk ends.

The container is then chosen (:func:`choose_container`): the element whose
paragraphs score best (a paragraph scores by its length and commas and feeds
its parent fully and its grandparent by half, as in Arc90's readability),
damped by link density and raised by article-body names; the choice then
climbs to an ancestor when the ancestor's extra paragraph text is real
article text (split bodies), but never across a second article (infinite
scroll). Blocks inside the container are kept in order with their hints;
boilerplate inside it is kept as removed blocks with a reason; text outside
it is counted by reason (see :class:`ContentResult`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from .._classify.source import Hint
from .load import BLOCK_TAGS, CHROME_ROLES, CONTROL_TAGS, SKIPPED_TAGS, Dropped

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
_STRONG_BOILER = frozenset(
    {
        "comment", "related", "newsletter", "subscri", "cookie", "consent", "gdpr", "advert",
        "sponsor", "outbrain", "taboola", "disqus", "recommend", "share", "sharing", "social",
        "signup", "sign-up", "breadcrumb", "nav", "navbar", "navigation", "menu", "footer", "ad",
        "ads", "author-bio", "authorbio", "about-author", "hidden", "aside", "login",
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

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "menu"})
_CELLS = frozenset({"td", "th"})
_BLOCKS = BLOCK_TAGS | {"pre", "li", "dt", "dd", "tr", "figure", "figcaption", "address"}
_BLOCKS = _BLOCKS - {"br", "td", "th", "meta", "link", "base", "title", "head"}
_NEVER_TEXT = SKIPPED_TAGS | CONTROL_TAGS | {"head", "title", "meta", "link", "base", "script"}
_NEVER_BOILER = frozenset({"html", "body", "main", "form"})

# A paragraph must be this long (characters) to count toward a container.
MIN_PARAGRAPH = 25


class _Frame:
    """An open block element during the walk, with its text and subtree totals."""

    __slots__ = (
        "article",
        "articles",
        "boiler",
        "boiler_anc",
        "buf",
        "buf_byline",
        "buf_link",
        "buf_time",
        "chars",
        "end",
        "hint",
        "hint_owner",
        "index",
        "level",
        "link_chars",
        "list_depth",
        "parent",
        "prose",
        "raw_par",
        "score",
        "semantic",
        "tag",
    )

    def __init__(self, index: int, tag: str, parent: _Frame | None) -> None:
        self.index = index
        self.tag = tag
        self.parent = parent
        self.boiler: str | None = None  # own boilerplate reason
        self.boiler_anc: _Frame | None = parent.boiler_anc if parent is not None else None
        self.semantic = 0.0
        self.hint: Hint | None = None
        self.hint_owner: _Frame | None = None
        self.level = 0
        self.list_depth: int = parent.list_depth if parent is not None else 0
        self.end = index
        self.chars = 0  # all text characters in the subtree
        self.link_chars = 0
        self.raw_par = 0  # characters of paragraph-like lines, boilerplate or not
        self.prose = 0  # good characters outside lists and quotes
        self.score = 0.0  # readability-style score fed by children and grandchildren
        self.articles = 0  # <article> elements in the subtree (itself included)
        # The nearest <article> element at or above this one.
        self.article: _Frame | None = self if tag == "article" else (parent.article if parent is not None else None)
        self.buf: list[str] = []
        self.buf_link = 0
        self.buf_byline = 0
        self.buf_time = 0


@attrs.frozen
class ContentBlock:
    """One block of page text in document order, with its hint and whether it is kept.

    ``removed`` is the reason a block inside the article is not body-worthy
    ("boilerplate (share)"), or None.

    >>> ContentBlock("Hello.", Hint.PARAGRAPH).removed is None
    True
    """

    text: str
    hint: Hint
    level: int = 0
    removed: str | None = None


@attrs.frozen
class ContentResult:
    """The chosen article's blocks, what was dropped, and what the walk noticed.

    >>> r = extract_content(BeautifulSoup("<article><h1>T</h1><p>Body text here.</p></article>", "lxml"))
    >>> [(b.hint.value, b.text) for b in r.blocks]
    [('title', 'T'), ('paragraph', 'Body text here.')]
    """

    blocks: tuple[ContentBlock, ...]
    dropped: tuple[Dropped, ...] = ()
    paywall: bool = False
    second_article: bool = False


def _signature(element: Tag) -> str:
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


class _SigInfo:
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
_EMPTY_SIG = _SigInfo("")
_SIG_CACHE: dict[str, _SigInfo] = {}
_SIG_CACHE_MAX = 20_000


def _sig_info(sig: str) -> _SigInfo:
    """The cached :class:`_SigInfo` of ``sig`` (the cache is bounded)."""
    if not sig:
        return _EMPTY_SIG
    info = _SIG_CACHE.get(sig)
    if info is None:
        if len(_SIG_CACHE) >= _SIG_CACHE_MAX:
            _SIG_CACHE.clear()
        info = _SIG_CACHE[sig] = _SigInfo(sig)
    return info


def _boiler_reason(tag: str, info: _SigInfo, element: Tag) -> str | None:
    """Why ``element`` is boilerplate (nav, footer, a share bar ...), or None."""
    if tag in ("nav", "footer", "aside"):
        return tag
    if tag == "blockquote":
        # A quotation (or an embedded post) is content whatever its class says.
        info = _EMPTY_SIG
    attrs_ = element.attrs
    if attrs_:
        if "hidden" in attrs_ or attrs_.get("aria-hidden") == "true":
            return "hidden"
        style = attrs_.get("style")
        if isinstance(style, str) and "none" in style:
            compact = style.replace(" ", "").lower()
            if "display:none" in compact or "visibility:hidden" in compact:
                return "hidden"
        role = attrs_.get("role")
        if isinstance(role, str) and role.lower() in CHROME_ROLES:
            return f"role={role.lower()}"
    return info.boiler


def _hint_for(frame: _Frame, info: _SigInfo) -> tuple[Hint | None, int]:
    """The hint an element's own tag and signature give its text (None: inherit)."""
    tag = frame.tag
    if tag in _HEADINGS:
        level = _HEADINGS[tag]
        return (Hint.TITLE, 1) if level == 1 else (Hint.HEADING, level)
    if tag == "li":
        return Hint.LIST_ITEM, max(frame.list_depth - 1, 0)
    if tag == "figcaption":
        return Hint.FIGCAPTION, 0
    if tag == "blockquote":
        return (Hint.PULL_QUOTE if info.pull else Hint.BLOCKQUOTE), 0
    if tag == "pre":
        return Hint.CODE, 0
    if tag == "tr":
        return Hint.TABLE, 0
    return info.hint, 0


# Inline elements (a <span class="credit">) that still make a block of their own.
_PROMOTED = frozenset({Hint.PHOTO_CREDIT, Hint.FIGCAPTION})

_INHERITED = frozenset(
    {Hint.FIGCAPTION, Hint.PULL_QUOTE, Hint.BLOCKQUOTE, Hint.CODE, Hint.PHOTO_CREDIT,
     Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE}
)


def _walk(root: Any) -> tuple[list[_Frame], list[tuple[_Frame, str, int, int, int]], bool]:
    """Walk the tree once; return the block frames, the text lines, and whether a paywall showed.

    Each line is ``(frame, text, link_chars, byline_chars, time_chars)``.
    """
    frames: list[_Frame] = []
    lines: list[tuple[_Frame, str, int, int, int]] = []
    paywall = False
    top = _Frame(0, "body", None)
    frames.append(top)
    counter = 1
    frame = top
    in_link = 0
    in_byline = 0
    in_time = 0
    inline_skip = 0
    # Stack items: a node to enter, or a marker tuple to leave an element.
    stack: list[Any] = list(reversed(root.contents)) if isinstance(root, Tag) else []
    while stack:
        node = stack.pop()
        cls = type(node)
        if cls is tuple:
            kind, payload = node
            if kind == 0:  # leave a block element
                _close(payload, lines)
                frame = payload.parent
                _fold(payload, frame)
            elif kind == 1:
                in_link -= 1
            elif kind == 2:
                in_byline -= 1
            elif kind == 3:
                in_time -= 1
            elif kind == 4:
                inline_skip -= 1
            elif kind == 5:
                # Leaving a table cell: a separator between cells of a row.
                frame.buf.append(" \u2502 ")
            continue
        if cls is NavigableString:
            if inline_skip:
                continue
            text: str = node
            frame.buf.append(text)
            if in_link or in_byline or in_time:
                size = len(text.strip())
                if in_link:
                    frame.buf_link += size
                if in_byline:
                    frame.buf_byline += size
                if in_time:
                    frame.buf_time += size
            continue
        if cls is not Tag:
            continue
        tag = node.name
        if tag in _NEVER_TEXT:
            continue
        if tag == "br":
            frame.buf.append("\n")
            continue
        info = _sig_info(_signature(node)) if node.attrs else _EMPTY_SIG
        if tag in _BLOCKS or info.hint in _PROMOTED:
            new = _Frame(counter, tag, frame)
            counter += 1
            frames.append(new)
            if tag in _LISTS:
                new.list_depth += 1
            if tag == "article":
                new.articles = 1
            reason = None if tag in _NEVER_BOILER else _boiler_reason(tag, info, node)
            hint, level = _hint_for(new, info)
            if reason is not None and hint is Hint.PULL_QUOTE:
                reason = None
            if reason == "aside" and _is_pull_quote_aside(node):
                reason = None
                hint = Hint.PULL_QUOTE
            if reason is not None:
                new.boiler = reason
                new.boiler_anc = new
            if info.body_name:
                new.semantic = 1.0
            if info.paywall:
                paywall = True
            if tag == "article" or (tag == "main" and not new.semantic):
                new.semantic = max(new.semantic, 0.5)
            if hint is None:
                if frame.hint in _INHERITED:
                    hint, level = frame.hint, frame.level
                    new.hint_owner = frame.hint_owner
            elif hint in _SIZE_LIMITS and tag not in _TAG_HINTED:
                new.hint_owner = new
            new.hint = hint
            new.level = level
            _close(frame, lines)
            frame = new
            stack.append((0, new))
            stack.extend(reversed(node.contents))
            continue
        # Inline element.
        if tag in _CELLS:
            stack.append((5, None))
            stack.extend(reversed(node.contents))
            continue
        if info.boiler is not None:
            inline_skip += 1
            stack.append((4, None))
        if tag == "a":
            in_link += 1
            stack.append((1, None))
            rel = node.attrs.get("rel")
            if rel and "author" in rel:
                in_byline += 1
                stack.append((2, None))
        elif info.byline:
            in_byline += 1
            stack.append((2, None))
        if tag == "time" or (tag == "span" and info.date):
            in_time += 1
            stack.append((3, None))
        stack.extend(reversed(node.contents))
    # Close whatever is still open (the root).
    _close(top, lines)
    top.end = counter
    return frames, lines, paywall


def _is_pull_quote_aside(element: Tag) -> bool:
    """An ``aside`` holding one short quotation (a pull quote rather than a sidebar)."""
    if element.find(("blockquote", "q")) is not None:
        text = element.get_text(" ", strip=True)
        return 0 < len(text) < 300
    return False


def _close(frame: _Frame, lines: list[tuple[_Frame, str, int, int, int]]) -> None:
    """Turn the frame's pending text into lines (split at ``<br>``) and reset its buffer."""
    buf = frame.buf
    if not buf:
        return
    raw = "".join(buf)
    link, byline, time = frame.buf_link, frame.buf_byline, frame.buf_time
    frame.buf = []
    frame.buf_link = frame.buf_byline = frame.buf_time = 0
    if "\n" in raw:
        parts = [" ".join(part.split()) for part in raw.split("\n")]
        parts = [p for p in parts if p]
        if not parts:
            return
        total = sum(len(p) for p in parts)
        for part in parts:
            share = len(part) / total
            _add_line(
                lines, frame, part, link=int(link * share), byline=int(byline * share), time=int(time * share)
            )
        return
    text = " ".join(raw.split())
    if text:
        _add_line(lines, frame, text, link=link, byline=byline, time=time)


def _add_line(
    lines: list[tuple[_Frame, str, int, int, int]], frame: _Frame, text: str, *, link: int, byline: int, time: int
) -> None:
    """Record one line of text of ``frame`` (``link``/``byline``/``time``: characters inside such elements)."""
    if "\u2502" in text:
        # Drop separators at the edges and doubled ones (empty cells).
        cells = [c.strip() for c in text.split("\u2502")]
        text = " \u2502 ".join(c for c in cells if c).strip()
        if not text:
            return
    size = len(text)
    frame.chars += size
    frame.link_chars += min(link, size)
    lines.append((frame, text, link, byline, time))
    if size >= MIN_PARAGRAPH and link * 2 < size:
        frame.raw_par += size


# Hints read from class names hold only for short elements: a big "summary"
# or "author" box is not a standfirst or a byline.
_SIZE_LIMITS = {
    Hint.SUBTITLE: 500,
    Hint.BYLINE: 250,
    Hint.TIME: 150,
    Hint.DATELINE: 120,
    Hint.PHOTO_CREDIT: 200,
    Hint.FIGCAPTION: 800,
    Hint.PULL_QUOTE: 600,
}
_TAG_HINTED = frozenset({"figcaption", "blockquote", "pre", "tr", "li", *_HEADINGS})


def _settle_hints(frames: list[_Frame]) -> None:
    """Drop class-name hints whose element turned out too big for them."""
    too_big = {
        id(frame)
        for frame in frames
        if frame.hint_owner is frame and frame.chars > _SIZE_LIMITS.get(frame.hint or Hint.NONE, 10**9)
    }
    if not too_big:
        return
    for frame in frames:
        if frame.hint_owner is not None and id(frame.hint_owner) in too_big:
            frame.hint = None
            frame.level = 0


_SCORING_HINTS = (None, Hint.BLOCKQUOTE, Hint.LIST_ITEM)
_SELF_SCORED = frozenset({"div", "section", "article", "main", "body", "td"})


def _is_layout_cell(text: str) -> bool:
    """A table row that is one long run of prose: a page laid out with tables, not data."""
    return len(text) >= 150 and "\u2502" not in text


def _score(lines: list[tuple[_Frame, str, int, int, int]]) -> None:
    """Score the paragraphs into their ancestors (after boilerplate is settled)."""
    for frame, text, link, _byline, _time in lines:
        size = len(text)
        hint = frame.hint
        if hint is Hint.TABLE and _is_layout_cell(text):
            hint = None
        if size < MIN_PARAGRAPH or link * 2 >= size or hint not in _SCORING_HINTS:
            continue
        if frame.boiler_anc is not None:
            continue
        score = 1.0 + text.count(",") + text.count("\u3001") + min(size / 100.0, 3.0)
        if hint is not None:
            # List items and quotes are part of articles but also of teaser lists.
            score *= 0.5
        parent = frame if frame.tag in _SELF_SCORED else frame.parent
        if parent is not None:
            parent.score += score
            grand = parent.parent
            if grand is not None:
                grand.score += score / 2
                great = grand.parent
                if great is not None:
                    great.score += score / 4
        if hint is None:
            node: _Frame | None = frame
            while node is not None:
                node.prose += size
                node = node.parent


def _fold(child: _Frame, parent: _Frame | None) -> None:
    """Add a closed frame's subtree totals to its parent's."""
    if parent is None:
        return
    parent.chars += child.chars
    parent.link_chars += child.link_chars
    parent.raw_par += child.raw_par
    parent.articles += child.articles
    parent.end = max(parent.end, child.end, child.index)


def _unflag_wrappers(frames: list[_Frame], total_good: int) -> None:
    """A "boilerplate" element holding most of the page's paragraphs is a misnamed wrapper: unflag it."""
    for frame in frames:
        if frame.boiler is None:
            continue
        raw = frame.raw_par
        if total_good and raw > 0.5 * total_good:
            frame.boiler = None
        elif (
            frame.boiler not in _STRONG_BOILER
            and raw >= MIN_PARAGRAPH
            and raw >= 0.6 * frame.chars
            and frame.link_chars < 0.2 * frame.chars
        ):
            # A weak name ("card", "banner", "widget") on plain prose: keep it.
            frame.boiler = None
    for frame in frames:
        anc = frame if frame.boiler is not None else None
        if anc is None:
            parent = frame.parent
            anc = parent.boiler_anc if parent is not None else None
        frame.boiler_anc = anc


def choose_container(frames: list[_Frame]) -> _Frame:
    """The element that holds the article: best paragraph score, damped by links, then widened."""
    best: _Frame | None = None
    best_score = 0.0
    for frame in frames:
        if frame.score <= 0 or frame.boiler_anc is not None or frame.tag in _LISTS:
            continue
        density = frame.link_chars / frame.chars if frame.chars else 0.0
        score = frame.score * (1.0 - density) * (1.0 + 0.5 * frame.semantic)
        if score > best_score:
            best, best_score = frame, score
    if best is None:
        return frames[0]
    # Widen: climb while the parent adds real article text (a body split into
    # several blocks), not link lists, short junk or another article.
    current = best
    ancestor = best.parent
    while ancestor is not None:
        if ancestor.boiler_anc is not None or ancestor.tag in ("body", "html"):
            break
        if current.articles == 1 and ancestor.articles > 1:
            break
        extra_good = ancestor.prose - current.prose
        extra_junk = (ancestor.chars - ancestor.prose) - (current.chars - current.prose)
        density = ancestor.link_chars / ancestor.chars if ancestor.chars else 0.0
        if density > 0.35 or extra_junk > max(150, 0.5 * extra_good):
            break
        if extra_good > 0:
            current = ancestor
        if ancestor.tag in ("article", "main"):
            # An <article> or <main> element bounds the story.
            break
        # A thin wrapper (no new paragraphs, little else): look one level up.
        ancestor = ancestor.parent
    return current


def extract_content(soup: Any, *, include_tables: bool = True) -> ContentResult:
    """Find the article in ``soup`` and return its blocks in order with hints.

    >>> html = ("<body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
    ...         "<p>First paragraph of the story, long enough to count.</p>"
    ...         "<div class='share'>Share this</div><p>Second paragraph, also long enough.</p>"
    ...         "</article><footer>(c) Site</footer></body>")
    >>> r = extract_content(BeautifulSoup(html, "lxml"))
    >>> [(b.hint.value, b.removed) for b in r.blocks]
    [('title', None), ('paragraph', None), ('paragraph', 'boilerplate (share)'), ('paragraph', None)]
    """
    root = soup.body if isinstance(soup, BeautifulSoup) and soup.body is not None else soup
    frames, lines, paywall = _walk(root)
    total_good = sum(f.raw_par for f in frames if f.parent is None)
    _unflag_wrappers(frames, total_good)
    _settle_hints(frames)
    _score(lines)
    container = choose_container(frames)
    return _select(frames, lines, container, paywall, include_tables)


def _select(
    frames: list[_Frame],
    lines: list[tuple[_Frame, str, int, int, int]],
    container: _Frame,
    paywall: bool,
    include_tables: bool,
) -> ContentResult:
    start, end = container.index, container.end
    title_line: int | None = None
    # The article's h1 may sit just before the container (in a header block).
    first_inside = next((i for i, line in enumerate(lines) if start <= line[0].index <= end), len(lines))
    for i in range(first_inside - 1, max(first_inside - 40, 0) - 1, -1):
        if lines[i][0].tag == "h1":
            title_line = i
            break
    # Inside the container, the article starts at its h1: what comes before
    # it (section labels, trending bars, breadcrumbs) is chrome, unless prose.
    title_inside: int | None = None
    for i in range(first_inside, len(lines)):
        frame = lines[i][0]
        if not start <= frame.index <= end:
            continue
        if frame.tag == "h1":
            title_inside = i
            break
        if frame.hint is None and len(lines[i][1]) >= 2 * MIN_PARAGRAPH and lines[i][2] * 2 < len(lines[i][1]):
            break
    dropped: dict[str, list[int]] = {}
    out: list[ContentBlock] = []
    second_article = False
    body_article: _Frame | None = None  # the <article> that holds the first prose line
    seen_prose = False
    ended = ""  # set once the story is over: why the rest is left out
    prose_parents: set[_Frame | None] = set()  # where the story's paragraphs sit
    for i, (frame, text, link, byline, time) in enumerate(lines):
        inside = start <= frame.index <= end
        hint = frame.hint
        if not inside:
            if i == title_line:
                out.append(ContentBlock(text, Hint.TITLE, 1))
                continue
            if title_line is not None and title_line < i < first_inside and frame.boiler_anc is None:
                near = _line_hint(frame, text, link, byline, time)
                if near in (Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE, Hint.FIGCAPTION,
                            Hint.PHOTO_CREDIT):
                    out.append(ContentBlock(text, near, 0))
                    continue
            reason = _outside_reason(frame)
            entry = dropped.setdefault(reason, [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            continue
        if title_inside is not None and i < title_inside and hint not in _META_HINTS:
            entry = dropped.setdefault("before the title", [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            continue
        if ended:
            entry = dropped.setdefault(ended, [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            continue
        if (
            body_article is not None
            and frame.article is not None
            and frame.article is not body_article
            and _inside(frame.article, container)
        ):
            # Another <article> inside the story: a teaser, a related post or the next story.
            entry = dropped.setdefault("another article inside the page", [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            if frame.tag == "h1" or (body_article is not None and not _inside(frame.article, body_article)):
                second_article = True
            continue
        if frame.tag == "h1" and seen_prose and frame.parent in prose_parents:
            # An h1 among the story's own paragraphs is a subheading of it.
            out.append(ContentBlock(text, Hint.HEADING, 1))
            continue
        if frame.tag == "h1" and seen_prose and (
            title_inside is not None or (container.articles != 1 and _starts_article(frame, container))
        ):
            # A second h1 after the story's own title and text starts something else.
            ended = "after the article (a second h1)"
            if container.articles != 1 and _starts_article(frame, container):
                second_article = True
                ended = "after the article (next article)"
            entry = dropped.setdefault(ended, [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            continue
        boiler = frame.boiler_anc
        if boiler is not None and boiler is not container and _inside(boiler, container):
            out.append(ContentBlock(text, hint or Hint.PARAGRAPH, frame.level, f"boilerplate ({boiler.boiler})"))
            continue
        line_hint = _line_hint(frame, text, link, byline, time)
        if line_hint is Hint.TABLE and not include_tables:
            out.append(ContentBlock(text, Hint.TABLE, 0, "table (tables left out by configuration)"))
            continue
        size = len(text)
        if line_hint in (Hint.PARAGRAPH, Hint.LIST_ITEM) and size < 200 and link * 10 >= size * 8:
            # A line that is all link inside the article: a related-story link.
            out.append(ContentBlock(text, line_hint, frame.level, "boilerplate (link list)"))
            continue
        if line_hint is Hint.PARAGRAPH and len(text) >= 80:
            if not seen_prose:
                article = frame.article
                body_article = article if article is not None and _inside(article, container) else None
                seen_prose = True
            prose_parents.add(frame.parent)
        out.append(ContentBlock(text, line_hint, frame.level if line_hint is frame.hint else 0))
    _drop_orphan_headings(out)
    if not second_article:
        second_article = _next_article_follows(lines, container)
    return ContentResult(
        blocks=tuple(out),
        dropped=tuple(Dropped(r, n, c) for r, (n, c) in dropped.items()),
        paywall=paywall,
        second_article=second_article,
    )


def _drop_orphan_headings(out: list[ContentBlock]) -> None:
    """A subheading followed by no body text ("You may also like" over removed teasers) is not body."""
    pending: int | None = None
    for i, block in enumerate(out):
        if block.removed is not None or block.hint not in _BODY_HINTS:
            continue
        if block.hint is Hint.HEADING:
            # Keep the outermost pending heading: an h2 over an h3 over nothing is all orphaned.
            if pending is None or out[pending].level >= block.level:
                pending = i
            continue
        pending = None
    if pending is not None:
        out[pending] = attrs.evolve(out[pending], removed="boilerplate (heading with no text after it)")


_BODY_HINTS = frozenset({Hint.PARAGRAPH, Hint.HEADING, Hint.LIST_ITEM, Hint.BLOCKQUOTE, Hint.TABLE, Hint.CODE})


def _next_article_follows(lines: list[tuple[_Frame, str, int, int, int]], container: _Frame) -> bool:
    """True when another ``<article>`` with its own h1 follows the chosen one (infinite scroll)."""
    own = container.article
    if own is None:
        return False
    for frame, *_rest in lines:
        if frame.index > container.end and frame.tag == "h1":
            return frame.article is not None and frame.article is not own
    return False


_META_HINTS = frozenset({Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE})


def _starts_article(frame: _Frame, container: _Frame) -> bool:
    """True when ``frame`` (an h1) opens a new ``<article>`` inside the container."""
    node = frame.parent
    while node is not None and node is not container:
        if node.tag == "article":
            return True
        node = node.parent
    return False


def _inside(frame: _Frame, container: _Frame) -> bool:
    return container.index <= frame.index <= container.end


def _line_hint(frame: _Frame, text: str, link: int, byline: int, time: int) -> Hint:
    hint = frame.hint
    size = len(text)
    if hint is None:
        if byline * 2 >= size and size < 200:
            return Hint.BYLINE
        if time * 2 >= size and size < 120:
            return Hint.TIME
        return Hint.PARAGRAPH
    if hint in (Hint.BYLINE, Hint.TIME) and size > 300:
        return Hint.PARAGRAPH
    if hint is Hint.TABLE and _is_layout_cell(text):
        return Hint.PARAGRAPH
    if hint is Hint.SUBTITLE and size > 400:
        return Hint.PARAGRAPH
    return hint


def _outside_reason(frame: _Frame) -> str:
    boiler = frame.boiler_anc
    if boiler is not None:
        return f"outside main content ({boiler.boiler})"
    return "outside main content"
