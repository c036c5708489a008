"""Apostrophes a scraper dropped: "don t", "I m", "Trump s wall" (stage 7 of the repairs).

>>> restore_apostrophes("I don t know, and they didn t say.", RepairLog())
'I don’t know, and they didn’t say.'
"""

from __future__ import annotations

import re

from .._lexicon.words import word_set
from .repair_log import RepairLog, example

# -- 7. apostrophes a scraper dropped ---------------------------------------------

# A one- or two-letter contraction ending standing alone after a word: the
# place an apostrophe became a space ("don t", "I m", "they re", "Trump s
# wall"). A fixed look-behind, a short alternation and a word boundary: linear.
_APOSTROPHE_GAP = re.compile(r"(?<=[A-Za-z]) (t|m|re|ll|ve|d|s)\b")
_QUICK_GAP = re.compile(r" (?:t|m|re|ll|ve) ")  # the strong endings, as a fast first test
_NEGATED = word_set("don doesn didn can isn wasn aren weren hasn haven hadn won couldn wouldn shouldn ain mustn needn")
_PRONOUN_ENDINGS = {
    "m": frozenset({"i"}),
    "re": frozenset({"you", "we", "they", "who"}),
    "ll": frozenset({"i", "you", "we", "they", "he", "she", "it", "that", "there", "who"}),
    "ve": frozenset({"i", "you", "we", "they", "who"}),
    "d": frozenset({"i", "you", "we", "they", "he", "she", "it", "that", "there", "who"}),
}


def may_have_lost_apostrophes(text: str) -> bool:
    """A quick test for the strong pieces a lost apostrophe leaves (" t ", " m ", " re ", ...)."""
    return _QUICK_GAP.search(text) is not None


def restore_apostrophes(text: str, log: RepairLog) -> str:
    """Put back apostrophes a scraper turned into spaces, when the text shows the habit.

    The evidence is the whole text: at least one contraction with no other
    reading ("don t", "I m", "they re") and two candidates in all; a lone
    " s " (the letter s) is never enough. A possessive "s" counts only before
    a lower-case word ("Trump s wall").

    >>> restore_apostrophes("I don t know why Trump s wall costs so much.", RepairLog())
    'I don’t know why Trump’s wall costs so much.'
    >>> restore_apostrophes("The letter s is silent and the s sound too.", RepairLog())
    'The letter s is silent and the s sound too.'
    """
    gaps: list[int] = []
    strong = 0
    for match in _APOSTROPHE_GAP.finditer(text):
        start = match.start()
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:start].lower()
        ending = match.group(1)
        if ending == "s":
            after = match.end()
            if not (text[after:after + 1] == " " and text[after + 1:after + 2].islower()):
                continue
        elif ending == "t":
            if word not in _NEGATED:
                continue
            strong += 1
        elif word in _PRONOUN_ENDINGS[ending]:
            strong += 1
        else:
            continue
        gaps.append(start)
    if strong < 1 or len(gaps) < 2:
        return text
    apostrophe = "'" if text.count("'") > text.count("\u2019") else "\u2019"
    pieces: list[str] = []
    previous = 0
    for gap in gaps:
        pieces.append(text[previous:gap])
        pieces.append(apostrophe)
        previous = gap + 1
    pieces.append(text[previous:])
    fixed = "".join(pieces)
    log.add("lost_apostrophes", len(gaps), example(text, fixed))
    return fixed
