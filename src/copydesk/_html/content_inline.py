"""Inline text that may be left out of its line: hidden inline elements and boilerplate-named ones.

The content walk (:mod:`.content_walk`) reads inline elements (``span``,
``a``, ...) into the text of the block that holds them. An inline element
that is hidden (``hidden``, ``display: none``) or whose class/id names
boilerplate ("share", "promo", ...) has its text *marked* in the block's
buffer (:func:`inline_reason` says why); when the block's line is closed,
:func:`split_marked` decides: amid the line's own text it stays (inline text
inside a kept paragraph is never dropped), at the line's edge or hidden it is
left out and returned with its reason, so it is recorded, never lost.
"""

from __future__ import annotations

import re

from bs4.element import Tag

from .content_signature import SigInfo, hides

# Marks around the text of a skipped inline element in a frame's buffer:
# SKIP_OPEN reason SKIP_TEXT text SKIP_CLOSE. Unicode noncharacters, never
# meant for interchange, so they do not clash with page text.
SKIP_OPEN, SKIP_TEXT, SKIP_CLOSE = "\ufdd0", "\ufdd2", "\ufdd1"
# One marked piece; negated classes only, so the scan is linear.
_SKIPPED_PIECE = re.compile("\ufdd0([^\ufdd2\ufdd1]*)\ufdd2([^\ufdd0\ufdd1]*)\ufdd1")


def inline_reason(node: Tag, info: SigInfo) -> str | None:
    """Why an inline element's text may be left out of its line: hidden, or a boilerplate name; or None.

    >>> from bs4 import BeautifulSoup
    >>> from .content_signature import EMPTY_SIG
    >>> inline_reason(BeautifulSoup('<span style="display: none">x</span>', "lxml").span, EMPTY_SIG)
    'hidden'
    """
    attrs_ = node.attrs
    if not attrs_:
        return None
    if "hidden" in attrs_:
        return "hidden"
    if hides(attrs_.get("style")):
        return "hidden"
    return info.boiler


def split_marked(part: str) -> tuple[str, list[tuple[str, str]]]:
    """The kept text of one marked line and the pieces left out of it, each with its reason.

    A boilerplate-named inline element amid the line's own text (a "promo"
    span in mid-sentence) keeps its text: inline text inside a kept line is
    never dropped. At the start or the end of the line (a "Share" link after
    the paragraph), or hidden, it is left out, and returned to be recorded.

    >>> split_marked("The tax rises \ufdd0promo\ufdd2by 5 percent\ufdd1 next year")
    ('The tax rises by 5 percent next year', [])
    >>> split_marked("Text of the story.\ufdd0share\ufdd2 Share this\ufdd1")
    ('Text of the story.', [('share', 'Share this')])
    """
    pieces: list[tuple[str | None, str]] = []  # (reason or None for page text, text)
    pos = 0
    for match in _SKIPPED_PIECE.finditer(part):
        if match.start() > pos:
            pieces.append((None, part[pos : match.start()]))
        pieces.append((match.group(1), match.group(2)))
        pos = match.end()
    pieces.append((None, part[pos:]))
    own = [i for i, (reason, text) in enumerate(pieces) if reason is None and text.strip()]
    first, last = (own[0], own[-1]) if own else (len(pieces), -1)
    kept: list[str] = []
    removed: dict[str, list[str]] = {}
    for i, (reason, text) in enumerate(pieces):
        if reason is None or (first < i < last and reason != "hidden"):
            kept.append(text)
        elif text.strip():
            removed.setdefault(reason, []).append(text)
    clean = str.maketrans("", "", SKIP_OPEN + SKIP_TEXT + SKIP_CLOSE)
    out = [(reason, " ".join(" ".join(texts).translate(clean).split())) for reason, texts in removed.items()]
    return " ".join("".join(kept).translate(clean).split()), out
