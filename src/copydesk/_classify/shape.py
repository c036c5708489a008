"""The shape of a block: word count, case, closing punctuation; computed once per block.

Rules test these cheap facts before they run any pattern.

>>> s = shape_of("A Syrian army soldier places a flag")
>>> s.words, s.closed, s.title_case
(7, False, False)
"""

from __future__ import annotations

from .._lexicon.words import MINOR, WORD, tokens

#: Characters that close a sentence (a block ending in one is "closed").
CLOSING = frozenset(".!?…\"'”’)»:;")

class Shape:
    """Cheap facts about one block of text; the costlier ones are computed on first use.

    >>> shape = shape_of("The Same Line, Repeated Here")
    >>> shape.words, shape.closed, shape.title_case, shape.key
    (5, False, True, 'the same line repeated here')
    >>> shape_of("Read More").key
    ''
    """

    __slots__ = ("_all_caps", "_title_case", "_word_set", "closed", "key", "text", "words")

    def __init__(self, text: str) -> None:
        """Measure ``text``: words, closing punctuation and the key for repeats."""
        self.text = text
        lowered = tokens(text)
        #: How many words the block has.
        self.words: int = len(lowered)
        stripped = text.rstrip()
        #: Ends with closing punctuation (full stop, ?, !, quote, colon ...).
        self.closed: bool = bool(stripped) and stripped[-1] in CLOSING
        #: Normalised text for spotting repeats ("" for blocks too short to compare).
        self.key: str = " ".join(lowered) if len(lowered) >= 4 or len(text) >= 25 else ""
        self._word_set: frozenset[str] | None = frozenset(lowered) if len(lowered) < 4 else None
        self._title_case: bool | None = None
        self._all_caps: bool | None = None

    @property
    def word_set(self) -> frozenset[str]:
        """The lower-cased words, for comparisons."""
        if self._word_set is None:
            self._word_set = frozenset(self.key.split() if self.key else tokens(self.text))
        return self._word_set

    @property
    def title_case(self) -> bool:
        """Most words capitalised (a headline or a heading); False for long blocks."""
        if self._title_case is None:
            self._title_case = False
            if 2 <= self.words <= 40:
                caps = counted = 0
                for word in WORD.findall(self.text):
                    if word[0].isdigit() or word.casefold() in MINOR:
                        continue
                    counted += 1
                    caps += word[0].isupper()
                self._title_case = counted > 0 and caps / counted >= 0.75
        return self._title_case

    @property
    def all_caps(self) -> bool:
        """Written in capitals (at least two letters, none lower case)."""
        if self._all_caps is None:
            head = self.text[:200]
            self._all_caps = head.upper() == head and sum(ch.isalpha() for ch in head[:20]) >= 2
        return self._all_caps

    @property
    def is_long_paragraph(self) -> bool:
        """A real paragraph: at least 20 words, or 12 closed by punctuation and not in title case (a headline)."""
        return self.words >= 20 or (self.words >= 12 and self.closed and not self.title_case)

    @property
    def starts_upper(self) -> bool:
        """The first letter is a capital (or the block starts with a digit or a quote)."""
        for ch in self.text[:3]:
            if ch.isalpha():
                return ch.isupper()
            if ch.isdigit():
                return True
        return False


def shape_of(text: str) -> Shape:
    """Measure ``text``.

    >>> shape_of("Aleppo Siege Ends").title_case
    True
    """
    return Shape(text)
