"""The shape of a block: word count, case, closing punctuation; computed once per block.

Rules test these cheap facts before they run any pattern.

>>> s = shape_of("A Syrian army soldier places a flag")
>>> s.words, s.closed, s.title_case
(7, False, False)
"""

from __future__ import annotations

import re

import attrs


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (how the word lists here are kept).

    >>> sorted(word_set("b a  c"))
    ['a', 'b', 'c']
    """
    return frozenset(words.split())


# Words: runs of letters/digits with inner apostrophes or hyphens. Linear: the
# inner group starts with a separator character that the outer class lacks.
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")

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


@attrs.frozen
class Shape:
    """Cheap facts about one block of text.

    >>> shape_of("The Same Line, Repeated Here").key
    'the same line repeated here'
    >>> shape_of("Read More").key
    ''
    """

    text: str
    words: int
    #: Ends with closing punctuation (full stop, ?, !, quote, colon ...).
    closed: bool
    #: Most words capitalised (a headline or heading).
    title_case: bool
    #: Written in capitals (at least two letters, none lower case).
    all_caps: bool
    #: Lower-cased words, for comparisons.
    word_set: frozenset[str]
    #: Normalised text for spotting repeats ("" for blocks too short to compare).
    key: str

    @property
    def is_long_paragraph(self) -> bool:
        """A real paragraph: at least 20 words, or 12 words closed by punctuation."""
        return self.words >= 20 or (self.words >= 12 and self.closed)

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
    words = _WORD.findall(text)
    stripped = text.rstrip()
    closed = bool(stripped) and stripped[-1] in CLOSING
    caps = 0
    counted = 0
    for word in words:
        if word.casefold() in _MINOR or word[0].isdigit():
            continue
        counted += 1
        if word[0].isupper():
            caps += 1
    title_case = counted > 0 and caps / counted >= 0.75 and len(words) >= 2
    letters = [ch for ch in text[:200] if ch.isalpha()]
    all_caps = len(letters) >= 2 and not any(ch.islower() for ch in letters)
    lowered = [w.casefold() for w in words]
    key = " ".join(lowered) if len(words) >= 4 or len(text) >= 25 else ""
    return Shape(
        text=text,
        words=len(words),
        closed=closed,
        title_case=title_case,
        all_caps=all_caps,
        word_set=frozenset(lowered),
        key=key,
    )


def content_words(words: frozenset[str]) -> frozenset[str]:
    """The words that carry meaning (not stop words, at least three letters).

    >>> sorted(content_words(frozenset({"the", "victory", "of", "assad"})))
    ['assad', 'victory']
    """
    return frozenset(w for w in words if len(w) >= 3 and w not in STOPWORDS)


def sentence_word_sets(text: str) -> list[frozenset[str]]:
    """The lower-cased word set of each sentence of ``text``.

    >>> [sorted(s) for s in sentence_word_sets("One two. Three four!")]
    [['one', 'two'], ['four', 'three']]
    """
    return [frozenset(w.casefold() for w in _WORD.findall(part)) for part in _SENTENCE_END.split(text)]


def words_of(text: str) -> list[str]:
    """The words of ``text``, in order.

    >>> words_of("It's al-Assad's war.")
    ["It's", "al-Assad's", 'war']
    """
    return _WORD.findall(text)
