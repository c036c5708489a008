"""What a byline carries besides the names: the markers that open it and social-media handles.

The one home of the words that introduce an author's name ("By", "Written
by", "Par", "Von", "Author:") and of the handles a byline may add
("@jane_doe", "Follow @jane_doe"); :mod:`~copydesk._lexicon.names` reads the
names themselves.

>>> strip_by_marker("Written by Jane Doe"), without_handles("Jane Doe @jane_doe")
('Jane Doe', 'Jane Doe')
"""

from __future__ import annotations

import re

# The one home of the words that introduce an author's name. Each pattern is
# an alternation of literals with bounded spaces: linear.
_BY_VERBS = (
    r"posted|written|published|authored|reported|compiled|contributed|story|words|text|report|reporting|analysis"
)
_FOREIGN_VERBS = r"publicado|escrito|publié|écrit|geschrieben|verfasst|pubblicato|scritto|publicat|napisane"
_FOREIGN_BY = r"por|von|par|door|av|af|przez|от|автор"
_LABELS = r"authors?|by-?line|writer|reporter|autor|auteur|autore|автор|texto|tekst"

#: "By", with the verb that may come before it, anywhere in a line ("23/12/2016 by admin").
BY_ANYWHERE = re.compile(rf"(?i)(?:^|(?<=\s))(?:(?:{_BY_VERBS})\s+)?by\b\s{{0,3}}:?\s{{0,3}}")
#: A verb before "by" ("Posted by", "Written by"): with it, a lower-case pen name after "by" is a name.
BY_VERB = re.compile(rf"(?i)\b(?:{_BY_VERBS})(?:\s+on)?\s+by\b")  # "Posted on by x": the date was lost
#: A marker that opens a byline: "By", "Written by", "Par", "Von", "Publicado por", "Author:".
BY_START = re.compile(
    rf"(?i)^(?:(?:(?:{_BY_VERBS})\s+)?by\b|(?:(?:{_FOREIGN_VERBS})\s+)?(?:{_FOREIGN_BY})(?=[\s:])|(?:{_LABELS})\s{{0,3}}(?=:))"
    r"\s{0,3}:?\s{0,3}"
)


def by_marker(text: str) -> int | None:
    """Where the names start after a byline marker opening ``text``, or None when there is none.

    A marker in another language ("Par", "Von", "Por") counts only before a
    capital letter, so that "Par exemple" or "von der Leyen sagte" are not bylines.

    >>> by_marker("By Jane Doe"), by_marker("Publicado por: Maria Silva"), by_marker("Par exemple, ceci")
    (3, 15, None)
    >>> by_marker("Bystanders watched") is None
    True
    """
    found = BY_START.match(text)
    if found is None:
        return None
    marker = found.group(0)
    english = marker.split()[0].rstrip(":").casefold() in _ENGLISH_MARKERS
    if not english and ":" not in marker and not text[found.end():][:1].isupper():
        return None
    return found.end()


_ENGLISH_MARKERS = frozenset(_BY_VERBS.split("|")) | {"by"}


def strip_by_marker(text: str) -> str:
    """``text`` without a leading byline marker ("By ", "Written by ", "Author: ").

    >>> strip_by_marker("By JANE DOE"), strip_by_marker("Jane Doe")
    ('JANE DOE', 'Jane Doe')
    """
    end = by_marker(text)
    return text[end:].strip() if end is not None else text


# A social-media handle with the words that introduce it: "@jane_doe", "(@jane_doe)", "Follow @jane_doe",
# "Twitter: @jane_doe". Not the "@" of an e-mail address (a word character before it). Literals and
# bounded classes and repeats: linear.
_HANDLE = re.compile(
    r"(?i)(?:\b(?:follow(?:\s{1,3}(?:me|us|him|her|them))?(?:\s{1,3}on)?|twitter|instagram|x|on)\s{0,3}:?\s{0,3}){0,3}"
    r"\(?(?<![\w.])@[a-z0-9_]{1,30}\)?"
)


# An e-mail address: a bounded local part, "@", two to five bounded domain labels. Linear.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")


def without_handles(text: str) -> str:
    """``text`` without social-media handles (and the words that introduce them) and e-mail addresses.

    >>> without_handles("Jane Doe Follow @jane_doe"), without_handles("Jane Doe, Twitter: @jdoe")
    ('Jane Doe', 'Jane Doe,')
    >>> without_handles("By Megan Rowe meganr@example.com (509) 555-0100")
    'By Megan Rowe (509) 555-0100'
    """
    if "@" not in text:
        return text
    return " ".join(_HANDLE.sub(" ", _EMAIL.sub(" ", text)).split())


#: Words that join a byline's names to the date after them ("By Jane Doe, updated on", "Von Hans
#: Müller publiziert am", "Por Juan Pérez el"), in the main languages of the press. Words that can
#: be a surname ("Post", "Date") are left out: the names must keep them.
_DATE_LEAD_WORDS = frozenset(
    {
        "on", "at", "am", "um", "le", "el", "il", "em", "op", "den", "del", "de", "à", "a", "the",
        "updated", "update", "published", "posted", "modified", "last", "first", "originally", "filed",
        "publiziert", "veröffentlicht", "aktualisiert", "publié", "publie", "mis", "jour",
        "publicado", "actualizado", "atualizado", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt",
    }
)
#: Punctuation that may stand between a byline's names and its date.
_DATE_LEAD_MARKS = frozenset({"|", "-", "–", "—", "·", "•", ",", "/", ":"})


def without_date_lead(text: str) -> str:
    """The names part of a byline cut before its date: the words that lead to the date dropped.

    >>> without_date_lead("By Umair Irfan Updated "), without_date_lead("Von Hans Müller publiziert am")
    ('By Umair Irfan', 'Von Hans Müller')
    >>> without_date_lead("By Jane Post |")
    'By Jane Post'
    """
    words = text.split()
    while words and (words[-1] in _DATE_LEAD_MARKS or words[-1].casefold().strip(",:|") in _DATE_LEAD_WORDS):
        words.pop()
    return " ".join(words).rstrip(",:|")
