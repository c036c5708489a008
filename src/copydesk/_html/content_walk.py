"""The one walk over the soup: block elements become frames, their text becomes lines.

One iterative walk (no recursion, so a 20,000-deep page is fine) does all
the work of the content stage's first half:

* Text is gathered per *block element* (``p``, ``div``, ``li``, ``h2``,
  ``tr``, ...), each a :class:`Frame`; inline elements (``a``, ``span``,
  ``em``, ``time``, ...) are flattened into the text of the block that holds
  them, and ``<br>`` splits a block into lines. Each :class:`Line` remembers
  how much of its text sat inside links, bylines and ``<time>`` elements.
* Each element's signature is read once (:mod:`.content_signature`): it
  gives the frame its boilerplate reason and its hint.
* When an element closes, its subtree totals (characters, link characters,
  paragraph characters, ``<article>`` count) are added to its parent's.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

from bs4.element import NavigableString, Tag

from .._classify.source import Hint
from .content_inline import SKIP_CLOSE, SKIP_OPEN, SKIP_TEXT, inline_reason, split_marked
from .content_signature import EMPTY_SIG, SigInfo, boiler_reason, sig_info, signature
from .load import CONTROL_TAGS, FRAME_TAGS, MEDIA_TAGS, SKIPPED_TAGS
from .sourcelines import LINE_ATTRIBUTE

#: Heading tags and their level.
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: List tags (never the article's container).
LISTS = frozenset({"ul", "ol", "menu"})
# Table cells are inline: a row's cells make one line, joined by " │ ".
_CELLS = frozenset({"td", "th"})
# Tags whose text is never read.
_NEVER_TEXT = SKIPPED_TAGS | CONTROL_TAGS | {"head", "title", "meta", "link", "base", "script"}
# Tags never taken as boilerplate, whatever their class says.
_NEVER_BOILER = frozenset({"html", "body", "main", "form"})

#: A paragraph must be this long (characters) to count toward a container.
MIN_PARAGRAPH = 25


# Hints read from class names hold only for short elements: a big "summary"
# or "author" box is not a standfirst or a byline.
SIZE_LIMITS = {
    Hint.SUBTITLE: 500,
    Hint.BYLINE: 250,
    Hint.TIME: 150,
    Hint.DATELINE: 120,
    Hint.PHOTO_CREDIT: 200,
    Hint.FIGCAPTION: 800,
    Hint.PULL_QUOTE: 600,
}
TAG_HINTED = frozenset({"figcaption", "blockquote", "pre", "tr", "li", *HEADINGS})


# Inline elements (a <span class="credit">) that still make a block of their own.
_PROMOTED = frozenset({Hint.PHOTO_CREDIT, Hint.FIGCAPTION})

_INHERITED = frozenset(
    {Hint.FIGCAPTION, Hint.PULL_QUOTE, Hint.BLOCKQUOTE, Hint.CODE, Hint.PHOTO_CREDIT,
     Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE}
)


class Frame:
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
        "fair",
        "hint",
        "hint_owner",
        "index",
        "level",
        "line",
        "link_chars",
        "list_depth",
        "number",
        "ordered",
        "parent",
        "prose",
        "raw_par",
        "score",
        "section",
        "semantic",
        "skips",
        "tag",
    )

    def __init__(self, index: int, tag: str, parent: Frame | None) -> None:
        self.index = index
        self.tag = tag
        self.parent = parent
        self.boiler: str | None = None  # own boilerplate reason
        self.boiler_anc: Frame | None = parent.boiler_anc if parent is not None else None
        self.semantic = 0.0
        self.hint: Hint | None = None
        self.hint_owner: Frame | None = None
        self.level = 0
        #: The line of the decoded page the element starts on (None: unknown).
        self.line: int | None = None
        self.list_depth: int = parent.list_depth if parent is not None else 0
        self.end = index
        self.chars = 0  # all text characters in the subtree
        self.link_chars = 0
        self.raw_par = 0  # characters of paragraph-like lines, boilerplate or not
        self.prose = 0  # good characters outside lists and quotes
        self.score = 0.0  # readability-style score fed by children and grandchildren
        self.fair = 0  # characters of its own lines that are neither prose nor junk (list items, rows, captions)
        self.articles = 0  # <article> elements in the subtree (itself included)
        # The nearest <article> element at or above this one.
        self.article: Frame | None = self if tag == "article" else (parent.article if parent is not None else None)
        # The nearest <section> element above this one (not itself).
        self.section: Frame | None = None
        if parent is not None:
            self.section = parent if parent.tag == "section" else parent.section
        self.buf: list[str] = []
        self.buf_link = 0
        self.buf_byline = 0
        self.buf_time = 0
        self.skips = False  # the buffer holds marked text of a boilerplate-named inline element
        self.number: int | None = None  # an ordered-list item's number
        self.ordered: list[int] | None = None  # an <ol>'s next number and step


class _Leave(enum.Enum):
    """A marker on the walk's stack: leaving an inline element that changed the walk's state.

    (Leaving a block element is marked by its :class:`Frame` itself.)
    """

    LINK = "link"  #: an ``<a>``: its text counts as link text
    BYLINE = "byline"  #: a ``rel=author`` link or a byline-named element
    TIME = "time"  #: a ``<time>`` or a date-named ``<span>``
    SKIPPED = "skipped"  #: an inline element named as boilerplate or hidden: its text is marked
    CELL = "cell"  #: a table cell: a separator follows its text
    MATH = "math"  #: a MathML formula: its tokens are read apart


class Line(NamedTuple):
    """One line of text of a block element, with how much of it sat in links, bylines and times.

    ``removed`` is set on the text of an inline element left out of its
    line (hidden, or a boilerplate-named element at the edge of the line):
    the reason, so that the text is recorded rather than lost.
    """

    frame: Frame
    text: str
    link: int  #: characters inside links
    byline: int  #: characters inside byline elements
    time: int  #: characters inside time elements
    removed: str | None = None




def walk(root: Any) -> tuple[list[Frame], list[Line], bool]:
    """Walk the tree once; return the block frames, the text lines, and whether a paywall showed.

    The stack holds nodes still to enter and markers of elements to leave: a
    :class:`Frame` (leave that block element) or a :class:`_Leave` (leave an
    inline element whose state was set on entering it).
    """
    frames: list[Frame] = []
    lines: list[Line] = []
    paywall = False
    top = Frame(0, "body", None)
    if isinstance(root, Tag):
        top.line = _page_line(root.attrs.get(LINE_ATTRIBUTE))
    frames.append(top)
    frame = top
    in_link = 0
    in_byline = 0
    in_time = 0
    inline_skip = 0
    skip_reason = ""  # why the outermost skipped inline element is skipped
    skip_frame: Frame | None = None  # the block it sits in
    in_math = 0
    stack: list[Any] = list(reversed(root.contents)) if isinstance(root, Tag) else []
    while stack:
        node = stack.pop()
        cls = type(node)
        if cls is NavigableString:
            text: str = node
            if "\n" in text and frame.hint is not Hint.CODE:
                # A line break in the source is a space; only <br> (and <pre>) break lines.
                text = text.replace("\n", " ")
            if in_math:
                # MathML tokens (<mi>x</mi><mo>=</mo>) are separate symbols: "x = 2", not "x=2".
                text = f" {text} "
            if inline_skip and frame is skip_frame:
                frame.buf.append(f"{SKIP_OPEN}{skip_reason}{SKIP_TEXT}{text}{SKIP_CLOSE}")
                frame.skips = True
                continue
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
        if cls is Frame:  # leave a block element
            _close(node, lines)
            frame = node.parent
            _fold(node, frame)
            continue
        if cls is _Leave:
            if node is _Leave.LINK:
                in_link -= 1
            elif node is _Leave.BYLINE:
                in_byline -= 1
            elif node is _Leave.TIME:
                in_time -= 1
            elif node is _Leave.SKIPPED:
                inline_skip -= 1
            elif node is _Leave.MATH:
                in_math -= 1
            else:  # _Leave.CELL: a separator between the cells of a row
                frame.buf.append(" \u2502 ")
            continue
        if cls is not Tag:
            continue
        tag = node.name
        if tag in _NEVER_TEXT:
            if tag in CONTROL_TAGS and node.contents:
                _record_control(node, tag, frame, lines)
            continue
        if tag == "br":
            frame.buf.append("\n")
            continue
        info = sig_info(signature(node)) if node.attrs else EMPTY_SIG
        if tag in FRAME_TAGS or info.hint in _PROMOTED:
            new = _open_block(len(frames), node, tag, info, frame)
            if inline_skip and new.boiler is None:
                # A block inside a skipped inline element is left out for the same reason.
                new.boiler = skip_reason
                new.boiler_anc = new
            frames.append(new)
            if info.paywall:
                paywall = True
            _close(frame, lines)
            frame = new
            stack.append(new)
            stack.extend(reversed(node.contents))
            continue
        # Inline element.
        if tag in _CELLS:
            stack.append(_Leave.CELL)
            stack.extend(reversed(node.contents))
            continue
        if tag == "math":
            in_math += 1
            stack.append(_Leave.MATH)
        reason = inline_reason(node, info)
        if reason is not None:
            if not inline_skip:
                skip_reason, skip_frame = reason, frame
            inline_skip += 1
            stack.append(_Leave.SKIPPED)
        if tag == "a":
            in_link += 1
            stack.append(_Leave.LINK)
            rel = node.attrs.get("rel")
            if rel and "author" in (rel.split() if isinstance(rel, str) else rel):
                in_byline += 1
                stack.append(_Leave.BYLINE)
        elif info.byline:
            in_byline += 1
            stack.append(_Leave.BYLINE)
        if tag == "time" or (tag == "span" and info.date):
            in_time += 1
            stack.append(_Leave.TIME)
        stack.extend(reversed(node.contents))
    # Close whatever is still open (the root).
    _close(top, lines)
    top.end = len(frames)
    return frames, lines, paywall


def _open_block(index: int, node: Tag, tag: str, info: SigInfo, parent: Frame) -> Frame:
    """A frame for block element ``node``: its boilerplate reason, hint, level and semantic weight."""
    new = Frame(index, tag, parent)
    # A block element with text of its own carries its line; a wrapper with
    # none, or an inline element promoted to a block, is on its parent's.
    mark = node.attrs.get(LINE_ATTRIBUTE) if tag in FRAME_TAGS else None
    new.line = parent.line if mark is None else _page_line(mark) or parent.line
    if tag in LISTS:
        new.list_depth += 1
        if tag == "ol":
            new.ordered = _list_counter(node)
    elif tag == "li" and parent.ordered is not None:
        counter = parent.ordered
        value = _integer(node.attrs.get("value"))
        new.number = counter[0] if value is None else value
        counter[0] = new.number + counter[1]
    if tag == "article":
        new.articles = 1
    reason = None if tag in _NEVER_BOILER else boiler_reason(tag, info, node)
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
    if tag == "article" or (tag == "main" and not new.semantic):
        new.semantic = max(new.semantic, 0.5)
    if hint is None:
        if parent.hint in _INHERITED:
            hint, level = parent.hint, parent.level
            new.hint_owner = parent.hint_owner
    elif hint in SIZE_LIMITS and tag not in TAG_HINTED:
        new.hint_owner = new
    new.hint = hint
    new.level = level
    return new


def _record_control(node: Tag, tag: str, frame: Frame, lines: list[Line]) -> None:
    """Record the text of a form control or of a media element's fallback as a removed line (a caller's soup).

    The loader drops these elements, counted, before the soup is built; a
    soup handed in by the caller still has them, and their text is recorded
    here rather than lost.
    """
    text = " ".join(node.get_text(" ").split())
    if text:
        reason = "media fallback text" if tag in MEDIA_TAGS else "form control"
        lines.append(Line(frame, text, 0, 0, 0, reason))


def _integer(value: Any) -> int | None:
    """An HTML integer attribute's value (``start="4"``), or None when it is absent or no number."""
    if isinstance(value, str):
        value = value.strip()
        if 0 < len(value) <= 9 and value.lstrip("-").isascii() and value.lstrip("-").isdigit():
            return int(value)
    return None


def _list_counter(node: Tag) -> list[int]:
    """An ``<ol>``'s counter: the first number and the step (``start``, ``reversed`` as HTML counts them)."""
    step = -1 if "reversed" in node.attrs else 1
    start = _integer(node.attrs.get("start"))
    if start is None:
        start = 1 if step == 1 else sum(1 for child in node.children if getattr(child, "name", None) == "li")
    return [start, step]


def _page_line(value: Any) -> int | None:
    """The page line in a ``data-copydesk-line`` value the loader wrote (:mod:`.sourcelines`), or None."""
    if isinstance(value, str) and 0 < len(value) <= 9 and value.isascii() and value.isdigit():
        return int(value)
    return None


def _hint_for(frame: Frame, info: SigInfo) -> tuple[Hint | None, int]:
    """The hint an element's own tag and signature give its text (None: inherit)."""
    tag = frame.tag
    if tag in HEADINGS:
        level = HEADINGS[tag]
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


#: A pull-quote aside is small: past this many nodes or characters an aside is a sidebar.
_PULL_QUOTE_NODES = 64
_PULL_QUOTE_CHARS = 300


def _is_pull_quote_aside(element: Tag) -> bool:
    """An ``aside`` holding one short quotation (a pull quote rather than a sidebar).

    Looks at no more than :data:`_PULL_QUOTE_NODES` nodes of the aside and
    stops once its text is too long, so nested asides cost linear time
    (reading each aside's whole text was quadratic, issue 12).
    """
    quoted = False
    chars = -1  # the text joined with single spaces, as get_text(" ", strip=True)
    stack: list[Any] = list(reversed(element.contents))  # not .descendants: it first walks to the end
    for _ in range(_PULL_QUOTE_NODES):
        if not stack:
            return quoted and chars > 0
        node = stack.pop()
        if isinstance(node, Tag):
            quoted = quoted or node.name in ("blockquote", "q")
            stack.extend(reversed(node.contents))
        elif type(node) is NavigableString and (size := len(node.strip())):
            chars += size + 1
            if chars >= _PULL_QUOTE_CHARS:
                return False
    return False


def _close(frame: Frame, lines: list[Line]) -> None:
    """Turn the frame's pending text into lines (split at ``<br>``) and reset its buffer."""
    buf = frame.buf
    if not buf:
        return
    raw = "".join(buf)
    link, byline, time = frame.buf_link, frame.buf_byline, frame.buf_time
    frame.buf = []
    frame.buf_link = frame.buf_byline = frame.buf_time = 0
    if frame.skips:
        frame.skips = False
        _close_marked(frame, raw, lines, link)
        return
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


def _close_marked(frame: Frame, raw: str, lines: list[Line], link: int) -> None:
    """Lines of a buffer holding marked text of skipped inline elements (see :func:`~.content_inline.split_marked`)."""
    total = len(raw) or 1
    for part in raw.split("\n"):
        kept, removed = split_marked(part)
        if kept:
            _add_line(lines, frame, kept, link=link * len(part) // total, byline=0, time=0)
        for reason, text in removed:
            lines.append(Line(frame, text, 0, 0, 0, reason))


def _add_line(
    lines: list[Line], frame: Frame, text: str, *, link: int, byline: int, time: int
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
    lines.append(Line(frame, text, link, byline, time))
    if size >= MIN_PARAGRAPH and link * 2 < size:
        frame.raw_par += size


def _fold(child: Frame, parent: Frame | None) -> None:
    """Add a closed frame's subtree totals to its parent's."""
    if parent is None:
        return
    parent.chars += child.chars
    parent.link_chars += child.link_chars
    parent.raw_par += child.raw_par
    parent.articles += child.articles
    parent.end = max(parent.end, child.end, child.index)
