"""The shape of a block: word count, case, closing punctuation; computed once per block.

Rules test these cheap facts before they run any pattern.

>>> s = shape_of("A Syrian army soldier places a flag")
>>> s.words, s.closed, s.title_case
(7, False, False)
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (how the word lists here are kept).

    >>> sorted(word_set("b a  c"))
    ['a', 'b', 'c']
    """
    return frozenset(words.split())


# Words: runs of letters/digits with inner apostrophes or hyphens. Linear: the
# inner group starts with a separator character that the outer class lacks.
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")

# Tokens for comparisons: case folded, apostrophes and hyphens deleted
# ("al-Assad's" -> "alassads"), other punctuation turned into spaces, then
# split on white space. One translate and one split, both in C.
_SPACED = ".,;:!?\"“”«»()[]{}<>—–…/\\|*#@&%$+=~^_`•·"
_TOKEN_TABLE = str.maketrans(_SPACED, " " * len(_SPACED), "'’‘-\u00ad")


def tokens(text: str) -> list[str]:
    """The words of ``text`` for comparisons: case folded, without punctuation.

    >>> tokens("It's al-Assad's war — again.")
    ['its', 'alassads', 'war', 'again']
    """
    return text.casefold().translate(_TOKEN_TABLE).split()


# Sentence ends: a full stop, question or exclamation mark (and closing quotes)
# followed by a space and a capital or an opening quote. Linear.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")

#: Characters that close a sentence (a block ending in one is "closed").
CLOSING = frozenset(".!?…\"'”’)»:;")

#: Small words that stay lower case in a title-case heading.
_MINOR = word_set("a an the and or but nor of in on at to for by with from as vs via into over per up out off than")

#: Very common words, left out when comparing content.
STOPWORDS = word_set(
    """
    the a an and or but of in on at to for by with from as is are was were be been being it its this that these
    those he she they we you i his her their our your him them us me my not no so if than then there here what
    which who whom whose when where why how all any each more most other some such only own same too very can will
    just should now also has have had do does did said says after before since against about into over under
    """
)


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
                for word in _WORD.findall(self.text):
                    if word[0].isdigit() or word.casefold() in _MINOR:
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


def content_words(words: frozenset[str]) -> frozenset[str]:
    """The words that carry meaning (not stop words, at least three letters).

    >>> sorted(content_words(frozenset({"the", "victory", "of", "assad"})))
    ['assad', 'victory']
    """
    return frozenset(w for w in words - STOPWORDS if len(w) >= 3)


def sentence_word_sets(text: str) -> list[frozenset[str]]:
    """The lower-cased word set of each sentence of ``text``.

    >>> [sorted(s) for s in sentence_word_sets("One two. Three four!")]
    [['one', 'two'], ['four', 'three']]
    """
    return [frozenset(tokens(part)) for part in _SENTENCE_END.split(text)]


def words_of(text: str) -> list[str]:
    """The words of ``text``, in order, as written.

    >>> words_of("It's al-Assad's war.")
    ["It's", "al-Assad's", 'war']
    """
    return _WORD.findall(text)
