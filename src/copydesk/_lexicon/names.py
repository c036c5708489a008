"""Person names in bylines and credit lines: who is a person, who is a role or a placeholder.

A byline names persons, but also roles ("Staff Writer"), CMS placeholders
("admin", "Web Desk") and organisations ("Reuters", "The Burning Platform").
Only persons become :attr:`Article.authors <copydesk.Article.authors>`.

>>> split_names("Jane Doe, John Smith and Ann Lee")
('Jane Doe', 'John Smith', 'Ann Lee')
>>> classify_name("admin"), classify_name("Staff Reporter"), classify_name("JANE DOE")
('role', 'role', 'person')
"""

from __future__ import annotations

import re

from .agencies import is_agency
from .words import word_set

#: Words that make a byline piece a role or a placeholder, never a person.
ROLE_WORDS = word_set(
    """
    admin administrator staff desk editor editors editorial correspondent correspondents reporter reporters
    writer writers contributor contributors team bureau newsroom service services agencies agency webmaster
    guest author authors columnist intern user anonymous unknown moderator publisher press online web
    digital sports tnn wires wire newsdesk feeds feed media network
    """
)

#: Words that make a capitalised byline piece an outlet or organisation, not a person.
ORGANISATION_WORDS = word_set(
    """
    blog post news times matters base thinker ticker report journal daily review magazine network media press
    institute center centre foundation group tribune herald gazette observer today wire insider watch monitor
    examiner standard sun mail express chronicle weekly digest online tv radio channel inc llc ltd co corp party
    association society council committee university college school club project alliance coalition campaign
    movement forum union org company studios records life health world nation america american truth freedom
    liberty patriot patriots conservative liberal progressive politics policy daily dispatch bulletin update
    """
)

#: Short words that may sit inside a person's name in lower case.
_PARTICLES = word_set("de da di del della dos das du van von der den ter la le al el bin ibn bint y e")

#: Name suffixes.
_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")

# One token of a name: capitalised word with apostrophes/hyphens/periods, an
# initial, an all-capitals word, or a particle joined to a capitalised word
# ("al-Khatib", "d'Estaing"). Linear: one character class per part, no nesting.
_NAME_TOKEN = re.compile(
    r"(?:[A-Z][a-z]?\.|[A-Z\u00c0-\u00de][\w'’.\-]*|(?:al|el|bin|ibn|abu|d|l|o)[-'’][A-Z\u00c0-\u00de][\w'’.\-]*)\Z"
)

# Separators between names: commas, semicolons, slashes, "and", "&".
_SPLIT = re.compile(r"\s*(?:[,;/|&+]|\band\b|\bund\b|\bet\b|\by\b|\bwith\b)\s*")


def split_names(text: str) -> tuple[str, ...]:
    """Split a list of names on commas, "and", "&", slashes and semicolons.

    >>> split_names("Jane Doe & John Smith / AFP")
    ('Jane Doe', 'John Smith', 'AFP')
    """
    out = []
    for raw in _SPLIT.split(text):
        part = raw.strip(" :-–—")
        last = part.rsplit(" ", 1)[-1].casefold()
        if part.endswith(".") and len(last) > 2 and last not in _SUFFIXES:
            part = part[:-1].rstrip()
        if part:
            out.append(part)
    return tuple(out)


def classify_name(text: str) -> str:
    """Say what a byline piece is: ``"person"``, ``"role"``, ``"agency"``, ``"organisation"`` or ``"other"``.

    >>> [classify_name(x) for x in ("Jane Doe", "Web Desk", "Reuters", "The Burning Platform", "early 2008")]
    ['person', 'role', 'agency', 'organisation', 'other']
    """
    text = text.strip()
    if not text or len(text) > 60:
        return "other"
    if is_agency(text):
        return "agency"
    tokens = text.split()
    lowered = [t.casefold().strip(".,") for t in tokens]
    if any(t in ROLE_WORDS for t in lowered):
        return "role"
    if any(t in ORGANISATION_WORDS for t in lowered):
        return "organisation"
    if not tokens[0][:1].isupper():
        return "other"
    if any(ch.isdigit() for ch in text) or "@" in text or "://" in text:
        return "other"
    if lowered[0] in ("the", "a", "an") or ("." in tokens[-1][1:] and len(tokens[-1]) > 3):
        return "organisation"
    if not 2 <= len(tokens) <= 5:
        return "organisation"
    named = 0
    for token, low in zip(tokens, lowered, strict=True):
        if low in _PARTICLES or low in _SUFFIXES:
            continue
        if not _NAME_TOKEN.match(token):
            return "organisation"
        named += 1
    return "person" if named >= 2 else "organisation"


def normalise_name(name: str) -> str:
    """Tidy a person's name: single spaces, capitals only at word starts when written all in capitals.

    >>> normalise_name("JANE  DOE"), normalise_name("Ahmad al-Khatib")
    ('Jane Doe', 'Ahmad al-Khatib')
    """
    tokens = name.split()
    out = []
    for token in tokens:
        if token.isupper() and len(token) > 2 and not token.endswith("."):
            out.append("-".join(part.capitalize() for part in token.split("-")))
        else:
            out.append(token)
    return " ".join(out)


def persons_in(text: str) -> tuple[str, ...]:
    """The person names in a list of names, tidied; roles, placeholders and agencies left out.

    >>> persons_in("JANE DOE and admin, Reuters")
    ('Jane Doe',)
    """
    return tuple(normalise_name(p) for p in split_names(text) if classify_name(p) == "person")
