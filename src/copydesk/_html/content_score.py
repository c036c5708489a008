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
        if total_good and raw > 0.5 * total_good:
            frame.boiler = None
        elif (
            frame.boiler not in STRONG_BOILER
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


# Hints whose lines score (plain paragraphs, quotes and list items) ...
_SCORING_HINTS = (None, Hint.BLOCKQUOTE, Hint.LIST_ITEM)
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
    for frame, text, link, _byline, _time in lines:
        size = len(text)
        hint = frame.hint
        if hint is Hint.TABLE and is_layout_cell(text):
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
            frame.prose += size
    for frame in reversed(frames):  # frames are in document order: a parent before its children
        if frame.parent is not None:
            frame.parent.prose += frame.prose


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
