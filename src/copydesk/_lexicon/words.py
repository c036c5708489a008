"""Words: how the word lists are written, how text is cut into words, and the common small words.

The one home of the word-level helpers every stage shares: :func:`word_set`
(the form of every word list in the package), :func:`tokens` (case-folded
words for comparisons), the sentence splitter and the stop words.

>>> tokens("It's al-Assad's war — again.")
['its', 'alassads', 'war', 'again']
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
WORD = re.compile(r"\w+(?:['’\-]\w+)*")

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
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")

#: Small words that stay lower case in a title-case heading.
MINOR = word_set("a an the and or but nor of in on at to for by with from as vs via into over per up out off than")

#: Very common words, left out when comparing content.
STOPWORDS = word_set(
    """
    the a an and or but of in on at to for by with from as is are was were be been being it its this that these
    those he she they we you i his her their our your him them us me my not no so if than then there here what
    which who whom whose when where why how all any each more most other some such only own same too very can will
    just should now also has have had do does did said says after before since against about into over under
    """
)


#: Verbs that introduce a quotation or a report ("He said:", "Fox News reports:"), in the main
#: languages of the press: a line closed by one and a colon is a lead-in, not a heading.
SPEECH_VERBS = word_set(
    """
    said says say concludes concluded reports reported writes wrote adds added explains explained notes noted
    continues continued tweeted posted told asks asked reads read states stated declared announced argues argued
    warned warns insisted insists replied replies responded responds commented comments added wrote
    dijo dice escribió escribe afirmó afirma explicó declaró añadió señaló
    dit écrit déclare déclaré ajoute ajouté explique expliqué
    sagte sagt schreibt schrieb erklärte erklärt fügte
    disse dice scrive scrisse afferma affermato dichiarato
    disse diz escreveu afirmou declarou
    """
)


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
    return [frozenset(tokens(part)) for part in SENTENCE_END.split(text)]
