"""Scoring the walked frames and choosing the article's container.

After the walk (:mod:`.content_walk`): a "boilerplate" element that holds
most of the page's prose is a misnamed wrapper and is unflagged
(:func:`unflag_wrappers`); class-name hints on elements too big for them are
dropped (:func:`settle_hints`); each paragraph scores by its length and
commas into its parent, half into its grandparent and a quarter into the next
ancestor, as in Arc90's readability (:func:`score_lines`). The container
(:func:`choose_container`) is the element whose paragraphs score best,
damped by link density and raised by article-body names; the choice then
climbs to an ancestor when the ancestor's extra paragraph text is real
article text (split bodies), but never across a second article (infinite
scroll).
"""

from __future__ import annotations

from .._classify.source import Hint
from .content_signature import STRONG_BOILER
from .content_walk import LISTS, MIN_PARAGRAPH, SIZE_LIMITS, Frame, Line


def unflag_wrappers(frames: list[Frame], total_good: int) -> None:
    """A "boilerplate" element holding most of the page's paragraphs is a misnamed wrapper: unflag it."""
    for frame in frames:
        if frame.boiler is None:
            continue
        raw = frame.raw_par
        if total_good and raw > 0.5 * total_good and frame.boiler != "hidden":
            frame.boiler = None
        elif (
            frame.boiler not in STRONG_BOILER
            and raw >= MIN_PARAGRAPH
            and raw >= 0.6 * frame.chars
            and frame.link_chars < 0.2 * frame.chars
        ):
            # A weak name ("card", "banner", "widget") on plain prose: keep it.
            frame.boiler = None
    _settle_boiler_anc(frames)


def _settle_boiler_anc(frames: list[Frame]) -> None:
    """Give every frame its nearest boilerplate ancestor (itself included) after flags changed."""
    for frame in frames:
        anc = frame if frame.boiler is not None else None
        if anc is None:
            parent = frame.parent
            anc = parent.boiler_anc if parent is not None else None
        frame.boiler_anc = anc


#: Boilerplate reasons that are no class word (a tag, a hidden element, a chrome role) or name prose that is
#: still not the story (comments and readers' reactions): never unflagged for holding prose.
_KEPT_BOILER = frozenset({"nav", "footer", "aside", "hidden", "comment", "disqus", "reaction", "feedback", "survey"})


def _class_word(reason: str) -> bool:
    """True when boilerplate ``reason`` comes from a class/id word that prose may outweigh."""
    return reason not in _KEPT_BOILER and not reason.startswith("role=")


#: The chosen container holding less than this share of the page's paragraph text is worth a second look.
_SMALL_SHARE = 0.4
#: An element named as boilerplate inside the story with this much plain prose is part of the story.
_PROSE_INSIDE = 800


def reconsider(frames: list[Frame], lines: list[Line], container: Frame) -> Frame:
    """A second candidate when ``container`` holds little of the page's paragraph text.

    The story may sit inside an element with a weak boilerplate name (a
    "modal" or "overlay" reader view, a "promo" wrapper). When the chosen
    container holds under 40% of the page's paragraph text and such an
    element holds more than twice as much, it is unflagged and the choice is
    made again; the new choice stands when it holds at least twice the text.
    """
    total = frames[0].raw_par if frames else 0
    have = container.raw_par
    if total == 0 or have >= _SMALL_SHARE * total:
        return container
    weak = [
        f for f in frames
        if f.boiler is not None and f.boiler not in STRONG_BOILER and _class_word(f.boiler) and f.raw_par > 2 * have
    ]
    if not weak:
        return container
    reasons = [f.boiler for f in weak]
    for frame in weak:
        frame.boiler = None
    _rescore(frames, lines)
    chosen = choose_container(frames)
    if chosen.raw_par >= 2 * have:
        return chosen
    for frame, reason in zip(weak, reasons, strict=True):
        frame.boiler = reason
    _rescore(frames, lines)
    return container


#: A sibling region of the story holds at least this much prose (characters) ...
_SPLIT_MIN = 400
#: ... and this share of the story's prose.
_SPLIT_SHARE = 0.2
#: ... and is mostly prose (not a comment thread of names, dates and short replies).
_SPLIT_DENSITY = 0.6


def join_split_story(frames: list[Frame], container: Frame) -> tuple[Frame, list[bool] | None]:
    """The story's parent when a sibling of the container holds more of the story (a body split by an ad).

    When the widening stopped below the container's parent (the parent also
    holds a share bar, a related list, a header) but a sibling of the
    container holds plain prose of its own (at least 200 characters and a
    tenth of the container's, few links, no ``<article>``), the story runs
    on across the break: the parent becomes the container, and its children
    that hold no prose and are mostly links are left out (``left_out``,
    indexed by frame). Returns the container unchanged, and None, otherwise.
    """
    own = container
    parent = container.parent
    while parent is not None and parent.prose == own.prose and parent.tag not in ("body", "html", "article", "main"):
        own, parent = parent, parent.parent  # a thin wrapper: the story's siblings are one level up
    if (
        parent is None
        or parent.tag in ("body", "html")
        or parent.boiler_anc is not None
        or own.tag in ("article", "main")
        or (own.articles == 1 and parent.articles > 1)
    ):
        return container, None
    children = [f for f in frames[parent.index + 1 : parent.end + 1] if f.parent is parent]
    floor = max(_SPLIT_MIN, _SPLIT_SHARE * container.prose)
    if not any(
        child is not own
        and child.boiler_anc is None
        and child.prose >= floor
        and child.prose >= _SPLIT_DENSITY * child.chars
        and child.link_chars < 0.25 * child.chars
        for child in children
    ):
        return container, None
    left_out = [False] * len(frames)
    for child in children:
        if child is not own and child.prose == 0 and child.link_chars * 2 >= child.chars:
            for index in range(child.index, child.end + 1):
                left_out[index] = True
    return parent, left_out


def _rescore(frames: list[Frame], lines: list[Line]) -> None:
    """Score the paragraphs again after boilerplate flags changed."""
    _settle_boiler_anc(frames)
    for frame in frames:
        frame.score = 0.0
        frame.prose = 0
        frame.fair = 0
    score_lines(lines, frames)


def keep_prose_inside(frames: list[Frame], container: Frame) -> None:
    """Unflag elements inside ``container`` whose boilerplate class word sits on the story's own prose.

    A section named from its heading ("sharing-your-work") or a wrapper
    named "promo" that holds paragraphs of plain prose, few links and little
    else is part of the story: share bars, related links and promotions are
    short or mostly links. Comments are prose too and stay out.
    """
    changed = False
    for frame in frames[container.index + 1 : container.end + 1]:
        reason = frame.boiler
        if (
            reason is not None
            and _class_word(reason)
            and frame.raw_par >= _PROSE_INSIDE
            and frame.raw_par >= 0.7 * frame.chars
            and frame.link_chars < 0.1 * frame.chars
        ):
            frame.boiler = None
            changed = True
    if changed:
        _settle_boiler_anc(frames)


def settle_hints(frames: list[Frame]) -> None:
    """Drop class-name hints whose element turned out too big for them."""
    too_big = {
        id(frame)
        for frame in frames
        if frame.hint_owner is frame and frame.chars > SIZE_LIMITS.get(frame.hint or Hint.NONE, 10**9)
    }
    if not too_big:
        return
    for frame in frames:
        if frame.hint_owner is not None and id(frame.hint_owner) in too_big:
            frame.hint = None
            frame.level = 0


# Hints whose lines score (plain paragraphs, quotes, list items and table rows) ...
_SCORING_HINTS = (None, Hint.BLOCKQUOTE, Hint.LIST_ITEM, Hint.TABLE)
# ... and the tags that take a line's score themselves (others pass it to their parent).
_SELF_SCORED = frozenset({"div", "section", "article", "main", "body", "td"})


def is_layout_cell(text: str) -> bool:
    """A table row that is one long run of prose: a page laid out with tables, not data."""
    return len(text) >= 150 and "\u2502" not in text


def score_lines(lines: list[Line], frames: list[Frame]) -> None:
    """Score the paragraphs into their ancestors (after boilerplate is settled).

    A paragraph's prose characters go to its own frame; one pass over the
    frames, children before parents, then adds them up the tree (walking
    every paragraph to the root instead was quadratic on deep nesting).
    """
    for line in lines:
        frame, text, link = line.frame, line.text, line.link
        if line.removed is not None:
            continue
        size = len(text)
        hint = frame.hint
        if hint is Hint.TABLE and is_layout_cell(text):
            hint = None
        if frame.boiler_anc is not None or link * 2 >= size:
            continue
        if size < MIN_PARAGRAPH or hint not in _SCORING_HINTS:
            if hint in _FAIR_HINTS:
                frame.fair += size
            continue
        score = 1.0 + text.count(",") + text.count("\u3001") + min(size / 100.0, 3.0)
        if hint is not None:
            # List items and quotes are part of articles but also of teaser lists.
            score *= 0.5
        _add_score(frame if frame.tag in _SELF_SCORED else frame.parent, score)
        if hint is None:
            frame.prose += size
        else:
            frame.fair += size
    for frame in reversed(frames):  # frames are in document order: a parent before its children
        if frame.parent is not None:
            frame.parent.prose += frame.prose


def _add_score(parent: Frame | None, score: float) -> None:
    """Add a paragraph's score to ``parent``, half to its parent and a quarter to the next."""
    share = score
    node = parent
    for _ in range(3):
        if node is None:
            return
        node.score += share
        share /= 2
        node = node.parent


#: Hints of short lines that belong with a story's prose rather than with page chrome.
_FAIR_HINTS = frozenset({Hint.LIST_ITEM, Hint.TABLE, Hint.FIGCAPTION})


def _subtree_fair(frames: list[Frame]) -> list[int]:
    """Each frame's fair characters with its descendants' (one pass from the last frame up)."""
    fair = [frame.fair for frame in frames]
    for frame in reversed(frames):
        parent = frame.parent
        if parent is not None:
            fair[parent.index] += fair[frame.index]
    return fair


def choose_container(frames: list[Frame]) -> Frame:
    """The element that holds the article: best paragraph score, damped by links, then widened."""
    best: Frame | None = None
    best_score = 0.0
    for frame in frames:
        if frame.score <= 0 or frame.boiler_anc is not None or frame.tag in LISTS:
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
    fair = _subtree_fair(frames)
    while ancestor is not None:
        if ancestor.boiler_anc is not None or ancestor.tag in ("body", "html"):
            break
        if current.articles == 1 and ancestor.articles > 1:
            break
        extra_good = ancestor.prose - current.prose
        extra_junk = (ancestor.chars - ancestor.prose - fair[ancestor.index]) - (
            current.chars - current.prose - fair[current.index]
        )
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
