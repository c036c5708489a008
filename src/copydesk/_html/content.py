"""The content stage: find the article in a page's soup and return its blocks in order, with hints.

:func:`extract_content` runs the stage's parts in order:

1. :func:`~copydesk._html.content_walk.walk` (:mod:`.content_walk`) walks
   the tree once: block elements become frames, their text becomes lines,
   each element's class/id words are read (:mod:`.content_signature`);
2. :mod:`.content_score` unflags misnamed wrappers, drops hints on elements
   too big for them, scores paragraphs into their ancestors and chooses the
   container;
3. this module selects the blocks: inside the container they are kept in
   order with their hints (the article starts at its ``h1``; a second
   article ends it); boilerplate inside it is kept as removed blocks with a
   reason; text outside it is counted by reason (see :class:`ContentResult`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from bs4 import BeautifulSoup

from .._classify.source import Hint
from .content_score import (
    choose_container,
    is_layout_cell,
    join_split_story,
    keep_prose_inside,
    reconsider,
    score_lines,
    settle_hints,
    unflag_wrappers,
)
from .content_walk import MIN_PARAGRAPH, Frame, Line, walk
from .load import Dropped


@attrs.frozen
class ContentBlock:
    """One block of page text in document order, with its hint and whether it is kept.

    ``removed`` is the reason a block inside the article is not body-worthy
    ("boilerplate (share)"), or None. ``line`` is the line of the decoded
    page where the block's element starts (see
    :mod:`~copydesk._html.sourcelines`), None when unknown (a caller's soup,
    a page lxml could not prune).

    >>> ContentBlock("Hello.", Hint.PARAGRAPH).removed is None
    True
    """

    text: str
    hint: Hint
    level: int = 0
    removed: str | None = None
    line: int | None = None
    #: An ordered-list item's number (its first line only), else None.
    number: int | None = None


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
    #: Why a broader selection than the story's container was read (None: it was not).
    fallback: str | None = None


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
    frames, lines, paywall = walk(root)
    total_good = sum(f.raw_par for f in frames if f.parent is None)
    unflag_wrappers(frames, total_good)
    settle_hints(frames)
    score_lines(lines, frames)
    container, left_out = join_split_story(frames, reconsider(frames, lines, choose_container(frames)))
    keep_prose_inside(frames, container)
    result = _select(lines, container, include_tables, left_out=left_out)
    if lines and not any(b.removed is None and b.hint in _BODY_HINTS for b in result.blocks):
        # No body text where the story should be: read the whole page instead, and say so.
        broad = _select(lines, frames[0], include_tables, broad=True)
        if any(b.removed is None and b.hint in _BODY_HINTS for b in broad.blocks):
            fallback = "the story's container held no body text; the whole page was read"
            return attrs.evolve(broad, paywall=paywall, fallback=fallback)
    return attrs.evolve(result, paywall=paywall) if paywall else result


def _select(
    lines: list[Line],
    container: Frame,
    include_tables: bool,
    *,
    broad: bool = False,
    left_out: list[bool] | None = None,
) -> ContentResult:
    """The blocks of the article in ``container`` (and the title line just before it), the rest counted.

    ``broad`` (the fallback over the whole page) keeps lines that are all
    link and headings with nothing after them. ``left_out`` marks the frames
    inside the container that are not part of the story (see
    :func:`~.content_score.join_split_story`).
    """

    def inside(frame: Frame) -> bool:
        return _inside(frame, container) and not (left_out is not None and left_out[frame.index])

    first_inside, title_line, title_inside = _title_positions(lines, inside)
    dropped: dict[str, list[int]] = {}
    out: list[ContentBlock] = []
    second_article = False
    body_article: Frame | None = None  # the <article> that holds the first prose line
    seen_prose = False
    ended = ""  # set once the story is over: why the rest is left out
    prose_parents: set[Frame | None] = set()  # where the story's paragraphs sit
    numbered: set[Frame] = set()  # list items whose number is given (to their first line)
    for i, line in enumerate(lines):
        frame, text = line.frame, line.text
        hint = frame.hint
        if line.removed is not None:
            # Text of an inline element left out of its line (hidden, or "Share" after a paragraph).
            if inside(frame):
                reason = line.removed if line.removed in _PLAIN_REASONS else f"boilerplate ({line.removed})"
                out.append(ContentBlock(text, Hint.PARAGRAPH, 0, reason, line=frame.line))
            else:
                _count(dropped, _outside_reason(frame), text)
            continue
        if not inside(frame):
            if i == title_line:
                out.append(ContentBlock(text, Hint.TITLE, 1, line=frame.line))
                continue
            if title_line is not None and title_line < i < first_inside and frame.boiler_anc is None:
                near = _line_hint(line)
                if near in _BESIDE_TITLE_HINTS:
                    out.append(ContentBlock(text, near, 0, line=frame.line))
                    continue
            _count(dropped, _outside_reason(frame), text)
            continue
        if title_inside is not None and i < title_inside and hint not in _META_HINTS:
            _count(dropped, "before the title", text)
            continue
        if ended:
            _count(dropped, ended, text)
            continue
        if (
            body_article is not None
            and frame.article is not None
            and frame.article is not body_article
            and _inside(frame.article, container)
        ):
            # Another <article> inside the story: a teaser, a related post or the next story.
            _count(dropped, "another article inside the page", text)
            if frame.tag == "h1" or (body_article is not None and not _inside(frame.article, body_article)):
                second_article = True
            continue
        if frame.tag == "h1" and seen_prose and (frame.parent in prose_parents or _sectioned(frame, container)):
            # An h1 among the story's own paragraphs, or opening a <section> of it, is a subheading.
            out.append(ContentBlock(text, Hint.HEADING, 1, line=frame.line))
            continue
        if frame.tag == "h1" and seen_prose and (
            title_inside is not None or (container.articles != 1 and _starts_article(frame, container))
        ):
            # A second h1 after the story's own title and text starts something else.
            ended = "after the article (a second h1)"
            if container.articles != 1 and _starts_article(frame, container):
                second_article = True
                ended = "after the article (next article)"
            _count(dropped, ended, text)
            continue
        boiler = frame.boiler_anc
        if boiler is not None and boiler is not container and _inside(boiler, container):
            reason = f"boilerplate ({boiler.boiler})"
            out.append(ContentBlock(text, hint or Hint.PARAGRAPH, frame.level, reason, line=frame.line))
            continue
        line_hint = _line_hint(line)
        if line_hint is Hint.TABLE and not include_tables:
            reason = "table (tables left out by configuration)"
            out.append(ContentBlock(text, Hint.TABLE, 0, reason, line=frame.line))
            continue
        size = len(text)
        if not broad and line_hint in (Hint.PARAGRAPH, Hint.LIST_ITEM) and size < 200 and line.link * 10 >= size * 8:
            # A line that is all link inside the article: a related-story link.
            out.append(ContentBlock(text, line_hint, frame.level, "boilerplate (link list)", line=frame.line))
            continue
        if line_hint is Hint.PARAGRAPH and len(text) >= 80:
            if not seen_prose:
                article = frame.article
                body_article = article if article is not None and _inside(article, container) else None
                seen_prose = True
            prose_parents.add(frame.parent)
        number = None
        if line_hint is Hint.LIST_ITEM and frame.number is not None and frame not in numbered:
            numbered.add(frame)
            number = frame.number
        level = frame.level if line_hint is frame.hint else 0
        out.append(ContentBlock(text, line_hint, level, line=frame.line, number=number))
    if not broad:
        _drop_orphan_headings(out)
    if not second_article:
        second_article = _next_article_follows(lines, container)
    return ContentResult(
        blocks=tuple(out),
        dropped=tuple(Dropped(r, n, c) for r, (n, c) in dropped.items()),
        second_article=second_article,
    )


def _title_positions(lines: list[Line], inside: Callable[[Frame], bool]) -> tuple[int, int | None, int | None]:
    """Where the title is: the first line inside the container, an ``h1`` line just before it, one inside it.

    The article's ``h1`` may sit just before the container (in a header
    block). Inside the container the article starts at its ``h1``: what
    comes before it (section labels, trending bars, breadcrumbs) is chrome,
    unless it is prose, which means there is no such ``h1``.
    """
    first_inside = next((i for i, line in enumerate(lines) if inside(line.frame)), len(lines))
    title_line: int | None = None
    for i in range(first_inside - 1, max(first_inside - 40, 0) - 1, -1):
        if lines[i].frame.tag == "h1":
            title_line = i
            break
    title_inside: int | None = None
    for i in range(first_inside, len(lines)):
        line = lines[i]
        frame = line.frame
        if not inside(frame):
            continue
        if frame.tag == "h1":
            title_inside = i
            break
        if frame.hint is None and len(line.text) >= 2 * MIN_PARAGRAPH and line.link * 2 < len(line.text):
            break
    return first_inside, title_line, title_inside


def _count(dropped: dict[str, list[int]], reason: str, text: str) -> None:
    """Count one line left out for ``reason`` (lines and characters)."""
    entry = dropped.setdefault(reason, [0, 0])
    entry[0] += 1
    entry[1] += len(text)


#: Hints of the lines kept between a title just before the container and the container.
_BESIDE_TITLE_HINTS = frozenset(
    {Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE, Hint.FIGCAPTION, Hint.PHOTO_CREDIT}
)


def _drop_orphan_headings(out: list[ContentBlock]) -> None:
    """A subheading followed by no body text ("You may also like" over removed teasers) is not body.

    Content that is headings alone (a page of section titles over images) keeps them.
    """
    if not any(b.removed is None and b.hint in _BODY_HINTS and b.hint is not Hint.HEADING for b in out):
        return
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


#: Hints of body blocks (what a subheading needs after it).
_BODY_HINTS = frozenset({Hint.PARAGRAPH, Hint.HEADING, Hint.LIST_ITEM, Hint.BLOCKQUOTE, Hint.TABLE, Hint.CODE})


def _next_article_follows(lines: list[Line], container: Frame) -> bool:
    """True when another ``<article>`` with its own h1 follows the chosen one (infinite scroll)."""
    own = container.article
    if own is None:
        return False
    for line in lines:
        frame = line.frame
        if frame.index > container.end and frame.tag == "h1":
            return frame.article is not None and frame.article is not own
    return False


#: Reasons of removed inline text that are said as they are (not as "boilerplate (...)").
_PLAIN_REASONS = frozenset({"hidden", "media fallback text", "form control"})

#: Hints of lines kept even before the title inside the container.
_META_HINTS = frozenset({Hint.BYLINE, Hint.TIME, Hint.DATELINE, Hint.SUBTITLE})


def _starts_article(frame: Frame, container: Frame) -> bool:
    """True when ``frame`` (an h1) opens a new ``<article>`` inside the container."""
    node = frame.parent
    while node is not None and node is not container:
        if node.tag == "article":
            return True
        node = node.parent
    return False


def _sectioned(frame: Frame, container: Frame) -> bool:
    """True when ``frame`` (an h1) heads a ``<section>`` below the container (HTML5 outline: a subheading).

    An ``<article>`` between the section and the h1 makes it the title of
    that article instead. Constant time: each frame knows its nearest section.
    """
    section = frame.section
    if section is None or section is container or not _inside(section, container):
        return False
    article = frame.article
    return article is None or article.index < section.index


def _inside(frame: Frame, container: Frame) -> bool:
    """True when ``frame`` is ``container`` or one of its descendants."""
    return container.index <= frame.index <= container.end


def _line_hint(line: Line) -> Hint:
    """The hint of one line: its frame's, or byline/time when most of a plain line sits in such elements."""
    hint = line.frame.hint
    text = line.text
    size = len(text)
    if hint is None:
        if line.byline * 2 >= size and size < 200:
            return Hint.BYLINE
        if line.time * 2 >= size and size < 120:
            return Hint.TIME
        return Hint.PARAGRAPH
    if hint in (Hint.BYLINE, Hint.TIME) and size > 300:
        return Hint.PARAGRAPH
    if hint is Hint.TABLE and is_layout_cell(text):
        return Hint.PARAGRAPH
    if hint is Hint.SUBTITLE and size > 400:
        return Hint.PARAGRAPH
    return hint


def _outside_reason(frame: Frame) -> str:
    """Why a line outside the container is left out (with the boilerplate name around it, if any)."""
    boiler = frame.boiler_anc
    if boiler is not None:
        return f"outside main content ({boiler.boiler})"
    return "outside main content"
