"""Bidirectional formatting controls: the embeddings, overrides and isolates of Unicode's bidi algorithm.

U+202A-U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066-U+2069 (LRI, RLI, FSI,
PDI) change how text is shown, not what it says: an override can make
"Jane Doe" display as "Jane eoD" or hide what a title says ("Trojan
Source"). The marks LRM and RLM (U+200E, U+200F) are not among them: they
carry no span and are part of ordinary right-to-left writing.
"""

from __future__ import annotations

import re

#: The bidi embedding, override and isolate controls, as a character class.
BIDI_CONTROL_CLASS = "\u202a-\u202e\u2066-\u2069"
# A run of controls with the space on each side, if any: one class, fixed optional spaces, linear.
_BIDI_CONTROLS = re.compile(f"( ?)[{BIDI_CONTROL_CLASS}]+( ?)")


def strip_bidi_controls(text: str) -> tuple[str, int]:
    """``text`` without bidi controls, and how many were taken out (a space each side of them becomes one).

    >>> strip_bidi_controls("Jane \u202eDoe\u202c")
    ('Jane Doe', 2)
    >>> strip_bidi_controls("Storm \u2067 hits")
    ('Storm hits', 1)
    >>> strip_bidi_controls("\u05e9\u05dc\u05d5\u05dd")[1]
    0
    """
    if _BIDI_CONTROLS.search(text) is None:
        return text, 0
    count = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal count
        before, after = match.group(1), match.group(2)
        count += len(match.group()) - len(before) - len(after)
        return " " if before and after else before + after

    return _BIDI_CONTROLS.sub(drop, text), count


def without_bidi_controls(text: str) -> str:
    """``text`` without bidi controls (see :func:`strip_bidi_controls`).

    >>> without_bidi_controls("\u2067Jane Doe\u2069")
    'Jane Doe'
    """
    return strip_bidi_controls(text)[0]
