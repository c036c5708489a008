"""Person names: who is a person, a role or placeholder, a wire agency or an organisation.

The one classifier of names for every source: a byline line of a text, a
credit line, a page's author metadata, a visible byline beside a heading.
Only persons become :attr:`Article.authors <copydesk.Article.authors>`.

>>> split_names("Jane Doe, John Smith and Ann Lee")
('Jane Doe', 'John Smith', 'Ann Lee')
>>> [classify_name(x).value for x in ("admin", "Staff Reporter", "JANE DOE", "Łukasz Nowak")]
['role', 'role', 'person', 'person']
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable

from .agencies import agency_named
from .bidi import without_bidi_controls
from .bylines import by_marker, strip_by_marker, without_handles
from .sites import host_key, squash
from .words import word_set


class NameKind(enum.Enum):
    """What a piece of a byline or an author value is.

    >>> NameKind.PERSON.value
    'person'
    """

    PERSON = "person"
    #: A role or a placeholder: "Staff Writer", "admin", "Web Desk".
    ROLE = "role"
    #: A wire or photo agency (see :mod:`copydesk._lexicon.agencies`).
    AGENCY = "agency"
    #: An outlet, a company, a site: "The Burning Platform", "CNN Business".
    ORGANISATION = "organisation"
    #: Not a name at all: "early 2008", an address, a handle with digits.
    OTHER = "other"


#: Words that make a piece a role or a newsroom account, never a person (any one of them).
ROLE_WORDS = word_set(
    """
    admin administrator staff desk editor editors editorial correspondent correspondents reporter reporters
    writer writers contributor contributors team bureau newsroom service services agencies agency webmaster
    guest author authors columnist intern user anonymous unknown moderator publisher tnn newsdesk
    editor-at-large
    redaction redação redacción redaccion redaktion rédaction redazione redactie redakcja редакция redaktori
    toimitus redaksi agencia agencias agência agências agenzia agentur
    """
)

#: Word beginnings that make a piece a newsroom's staff credit in many languages: "Redaktion",
#: "Redakce", "Redaksjonen", "Redacția", "Редакція", "Uredništvo", "Szerkesztőség", "Σύνταξη",
#: "編集部", "编辑部", "편집부" (casefolded; a name is never built on them).
ROLE_STEMS = (
    "redac", "redak", "redaz", "rédac", "redaç", "редак", "редац", "уредни", "uredni", "szerkeszt",
    "σύνταξ", "συντάκτ", "toimit", "編集", "编辑", "編輯", "편집", "記者", "记者", "기자",
)

#: Words that are a placeholder only when the whole piece is made of them ("View all posts", "Guest").
PLACEHOLDER_WORDS = word_set(
    """
    admin administrator staff editor editors team desk user guest anonymous unknown author webmaster web
    view all more profile posts follow contact email share subscribe read гость none null by
    last updated published posted
    """
)

#: Words that make a capitalised piece an outlet or organisation, not a person.
ORGANISATION_WORDS = word_set(
    """
    blog news times matters base thinker ticker report reports journal review magazine network media press
    institute center centre foundation group tribune herald gazette observer today wire insider watch monitor
    examiner mail express chronicle weekly digest online tv radio channel inc llc ltd co corp party
    association society council committee university college school club project alliance coalition campaign
    movement forum union org company studios records life health world nation american
    patriots conservative liberal progressive politics policy dispatch bulletin update
    associated newsroom sport television broadcasting ministry department office corporation newspaper
    international online web digital sports wires feed feeds
    """
)

#: Organisation words that are also people's surnames or given names ("Sarah Post", "Amy Daily", "Dan Sun"):
#: they make an organisation only with another sign of one (see :func:`classify_name`).
SURNAME_ORGANISATION_WORDS = word_set("post sun daily star standard liberty freedom truth america patriot")

#: Newsroom accounts written as one word ("jdadmin", "siteeditor").
_ACCOUNT_WORDS = ("admin", "editor", "staff", "webmaster", "moderator", "desk", "newsroom")

#: Short words that may sit inside a person's name in lower case.
PARTICLES = word_set("de da di del della dos das du van von der den ter la le al el bin ibn bint y e wa")

#: Name suffixes.
SUFFIXES = word_set("jr jr. sr sr. ii iii iv")

# Prefixes joined to a capitalised name part: "al-Khatib", "d'Estaing", "O'Brien".
_JOINED_PREFIX = re.compile(r"(?i)(?:al|el|bin|ibn|abu|d|l|o)[-'’]")

# Separators between names: commas, semicolons, slashes, pipes, "&", "+", "and" in a few languages, "with",
# and a dash or bullet between spaces.
# Linear: one alternation of literals between bounded spaces.
_SPLIT = re.compile(
    r"\s*(?:[,;/|&+]|\band\b|\bund\b|\bet\b|\bwith\b|\bи\b|\bve\b|\boraz\b|\ben\b|\bog\b|\bκαι\b)\s*"
    r"|\s+[-–—•·]\s+"
)
# The separators that join persons ("and", "&" in several languages), not a person and an outlet.
_CONJUNCTION = re.compile(r"(?i)\s*(?:&|\+|and|und|et|with|и|ve|oraz|en|og|και)\s*")

# "y" and "e" ("and" in Spanish, Portuguese, Italian) also join the parts of one name ("José Ortega y
# Gasset", "Sousa e Silva"): they separate two names only when a full name stands on each side.
_JOINING_AND = re.compile(r"\s+[ye]\s+")


#: Words that end a person's job title after their name ("Jane Doe Senior Contributor").
_PERSON_ROLES = word_set(
    "writer reporter correspondent contributor columnist editor editor-at-large intern photographer analyst"
)
#: Words that qualify such a title: a rank ("Senior", "Chief") or a newsroom beat ("Games Editor").
_ROLE_QUALIFIERS = word_set(
    """
    senior chief contributing staff deputy associate assistant special managing executive lead principal
    national international foreign political investigative freelance guest regular
    games science tech technology sports politics business health entertainment music film arts culture
    travel food fashion crime courts education environment climate energy economics finance markets
    opinion news metro features world weather digital video photo
    """
)


def separate_decorations(text: str) -> str:
    """``text`` with what a byline carries besides the names cut off or set apart by a comma.

    Social-media handles go ("Jane Doe @jane_doe", "Follow @jane_doe"); a
    role title ("Jane Doe Senior Contributor") or an agency ("Tom Davies
    Associated Press") written straight after a full name becomes a piece of
    its own, so the name is read alone; a name shown twice is read once.

    >>> separate_decorations("Jane Doe (@jane_doe)"), separate_decorations("Jane Doe Follow @jane_doe")
    ('Jane Doe', 'Jane Doe')
    >>> separate_decorations("Jane Doe Senior Contributor"), separate_decorations("Tom Davies Associated Press")
    ('Jane Doe, Senior Contributor', 'Tom Davies, Associated Press')
    >>> separate_decorations("Megan Rowe meganr@example.com"), separate_decorations("John Press")
    ('Megan Rowe', 'John Press')
    >>> separate_decorations("Sean Martin Sean Martin")
    'Sean Martin'
    """
    text = without_handles(text)
    words = text.split()
    half = len(words) // 2
    if half >= _NAME_AND_SURNAME and len(words) == 2 * half and words[:half] == words[half:]:
        return " ".join(words[:half])  # "Sean Martin Sean Martin": a name shown twice
    if len(words) < _NAME_AND_SURNAME + 1:
        return text
    cut = _trailing_decoration(words)
    if cut is None:
        return text
    return " ".join(words[:cut]) + ", " + " ".join(words[cut:])


#: Words of the shortest full name.
_NAME_AND_SURNAME = 2
#: The most words a role title or an agency's name after a name has.
_MAX_DECORATION_WORDS = 4


def _trailing_decoration(words: list[str]) -> int | None:
    """Where a job title or an agency's name that ends ``words`` starts, after a person's full name.

    Only in a piece with no separator of its own ("Tom Krisher, AP Auto Writer" is split already).
    """
    if any(ch in word for word in words for ch in ",;|/"):
        return None
    lowered = [w.casefold().strip(".") for w in words]
    start = len(words)
    if lowered[-1] in _PERSON_ROLES:
        start -= 1
        while start > 0 and lowered[start - 1] in _ROLE_QUALIFIERS:
            start -= 1
    else:
        for size in range(min(_MAX_DECORATION_WORDS, len(words) - _NAME_AND_SURNAME), 0, -1):
            tail = " ".join(words[-size:])
            if tail[0].isupper() and agency_named(tail) is not None:
                start = len(words) - size
                break
    if start == len(words) or start < _NAME_AND_SURNAME:
        return None  # nothing after the name, or no full name before it
    if classify_name(" ".join(words[:start])) is not NameKind.PERSON:
        return None
    return start


def _joined_pieces(text: str) -> list[tuple[str, bool]]:
    """Each piece of ``text`` with whether a conjunction ("and", "&", "y") joins it to the one before.

    After a conjunction a piece is another person ("Jane Doe and Amy Daily"); after a comma it may be
    an outlet ("Jane Doe, Washington Post"). Handles, role titles and agencies written straight after
    a name are set apart first (:func:`separate_decorations`).
    """
    text = separate_decorations(text)
    pieces: list[tuple[str, bool]] = []
    position = 0
    joined = False
    for separator in _SPLIT.finditer(text):
        _add_halves(pieces, text[position:separator.start()], joined=joined)
        joined = _CONJUNCTION.fullmatch(separator.group(0)) is not None
        position = separator.end()
    _add_halves(pieces, text[position:], joined=joined)
    return pieces


def _add_halves(pieces: list[tuple[str, bool]], part: str, *, joined: bool) -> None:
    halves = _JOINING_AND.split(part)
    if len(halves) > 1 and all(len(half.split()) >= 2 for half in halves):
        pieces.append((halves[0], joined))
        pieces.extend((half, True) for half in halves[1:])
    else:
        pieces.append((part, joined))

# -- pieces ----------------------------------------------------------------------------------------------


def split_names(text: str) -> tuple[str, ...]:
    """Split a list of names on commas, "and", "&", slashes and semicolons.

    >>> split_names("Jane Doe & John Smith / AFP")
    ('Jane Doe', 'John Smith', 'AFP')
    >>> split_names("João Silva e Maria Souza"), split_names("José Ortega y Gasset")
    (('João Silva', 'Maria Souza'), ('José Ortega y Gasset',))
    """
    return tuple(part for part, _joined in named_pieces(text))


def named_pieces(text: str) -> list[tuple[str, bool]]:
    """The pieces of :func:`split_names`, each with True when a conjunction ("and", "&", "y") joins it.

    After a conjunction a piece is another person's name; after a comma it may be an outlet's (pass
    ``later`` to :func:`classify_name` only then).

    >>> named_pieces("Jane Doe and Amy Daily, Daily Mail")
    [('Jane Doe', False), ('Amy Daily', True), ('Daily Mail', False)]
    """
    out = []
    for raw, joined in _joined_pieces(without_bidi_controls(text)):
        part = raw.strip(" :-–—()")
        last = part.rsplit(" ", 1)[-1].casefold()
        if part.endswith(".") and len(last) > 2 and last not in SUFFIXES:
            part = part[:-1].rstrip()
        if part:
            out.append((part, joined))
    return out


def _is_caseless_letter(char: str) -> bool:
    """A letter of a script without case (Han, Arabic, Hebrew, Thai, Devanagari ...)."""
    return char.isalpha() and char.upper() == char.lower()


def _is_name_token(token: str) -> bool:
    """A word that can be part of a person's name: capitalised (any script), an initial, or joined to a prefix."""
    core = token.strip(",")
    if not core or not all(ch.isalpha() or ch in "'’.-" or unicodedata.category(ch).startswith("M") for ch in core):
        return False
    first = core[0]
    if first.isupper() or _is_caseless_letter(first):
        return True
    joined = _JOINED_PREFIX.match(core)
    return joined is not None and core[joined.end():][:1].isupper()


def _names_an_organisation(key: str, organisations: frozenset[str], host: str) -> bool:
    """The piece (squashed) is one of the known organisations, or the site's host name."""
    if key in organisations or (key.startswith("the") and key[3:] in organisations):
        return True
    return bool(host) and len(key) >= 4 and (host.startswith(key) or host == key.removeprefix("the"))


def classify_name(
    text: str,
    *,
    marked: bool = False,
    later: bool = False,
    organisations: Iterable[str] = (),
    url: str | None = None,
) -> NameKind:
    """Say what a piece of a byline or an author value is.

    ``marked``: the source says the piece is an author's name (it follows
    "By", or comes from an author field), so a single word or a pen name can
    be a person. ``later``: the piece follows another in a list ("Jane Doe,
    Washington Post"), where an outlet's name often stands. ``organisations``
    and ``url``: names of the site and its publisher, which are never persons.

    >>> [classify_name(x).value for x in ("Jane Doe", "Web Desk", "Reuters", "The Burning Platform", "early 2008")]
    ['person', 'role', 'agency', 'organisation', 'other']
    >>> classify_name("Sarah Post").value, classify_name("Washington Post", later=True).value
    ('person', 'organisation')
    >>> classify_name("willyloman").value, classify_name("willyloman", marked=True).value
    ('other', 'person')
    """
    words = text.split()
    if not words or len(text) > 60 or len(words) > 6:
        return NameKind.OTHER
    name = " ".join(words)
    if agency_named(name) is not None or (words[0].casefold() == "the" and agency_named(name[4:]) is not None):
        return NameKind.AGENCY
    lowered = [w.casefold().strip(".,") for w in words]
    parts = [p for w in lowered for p in w.split("-")]
    if any(w in ROLE_WORDS or w.startswith(ROLE_STEMS) for w in lowered) or any(p in ROLE_WORDS for p in parts):
        return NameKind.ROLE  # "Staff Writer"; "Redakce", "Σύνταξη", "編集部": a newsroom's staff word
    if len(words) > 1 and any(w.isupper() and agency_named(w) is not None for w in words):
        return NameKind.AGENCY  # "AP Foto", "AFP Photo": an agency's code with a word
    if all(w in PLACEHOLDER_WORDS for w in lowered):
        return NameKind.OTHER  # "View all posts", "Contact": a link's words, no name
    if "://" in name or "@" in name or any(ch.isdigit() for ch in name):
        return NameKind.OTHER
    keys = frozenset(k for k in map(squash, organisations) if k)
    if _names_an_organisation(squash(name), keys, host_key(url)):
        return NameKind.ORGANISATION
    if len(words) > 1 and lowered[0] in ("the", "a", "an"):
        return NameKind.ORGANISATION
    if any(p in ORGANISATION_WORDS for p in parts):
        return NameKind.ORGANISATION
    if _weak_organisation(words, parts, later=later):
        return NameKind.ORGANISATION
    last = words[-1].rstrip(".,")
    if "." in last and len(last) > 4 and not last.replace(".", "").isupper():
        return NameKind.ORGANISATION  # a domain name ("Example.com", "Hunter's USAWatchdog.com")
    if len(words) > 1 and not name.isupper() and any(len(w) >= 3 and w.isupper() and w.isalpha() for w in words):
        return NameKind.ORGANISATION  # "CNN Business": an acronym beside ordinary words
    return _person_or_not(words, lowered, marked=marked)


def _weak_organisation(words: list[str], parts: list[str], *, later: bool) -> bool:
    """An organisation word that is also a surname ("Post", "Sun") makes an outlet only with another sign.

    The signs: it follows a name after a comma ("Jane Doe, Washington Post"), stands alone, comes with
    a second such word, or sits in three or more words without an initial ("New York Post", not
    "Andrew C. Post"). Known limit: a two-word given name before such a surname ("Ana Paula Post")
    reads as an outlet too; nothing in the words tells it from "New York Post".
    """
    weak = sum(p in SURNAME_ORGANISATION_WORDS for p in parts)
    if not weak:
        return False
    initial = any(len(w) == 2 and w.endswith(".") and w[0].isupper() for w in words[:-1])
    return later or len(words) == 1 or (len(words) > 2 and not initial) or weak > 1


def _person_or_not(words: list[str], lowered: list[str], *, marked: bool) -> NameKind:
    """PERSON when the words read as a person's name (after the organisation checks)."""
    if len(words) == 1:
        word = words[0].strip(".,")
        if word.isupper() and len(word) <= 5:
            return NameKind.ORGANISATION  # an acronym (an outlet or a degree), not a person
        if not marked:
            return NameKind.ORGANISATION if _is_name_token(word) else NameKind.OTHER
        if _is_name_token(word):
            return NameKind.PERSON  # "Regan"
        if word.isascii() and word.isalpha() and word.islower():
            # A pen name ("willyloman"), unless it is a newsroom account ("jdadmin", "siteeditor").
            return NameKind.ROLE if any(role in word for role in _ACCOUNT_WORDS) else NameKind.PERSON
        return NameKind.OTHER  # a user handle ("kei_eno", "user123")
    if marked and len(words) <= 4 and all(w.isalpha() and w.islower() for w in words):
        return NameKind.PERSON  # an author field written in lower case ("marcos lópez")
    if not _is_name_token(words[0]):
        return NameKind.OTHER
    named = 0
    for index, (word, low) in enumerate(zip(words, lowered, strict=True)):
        if (index and low in PARTICLES) or low in SUFFIXES or (word.startswith("(") and word.endswith(")")):
            continue  # "de", "Jr.", a nickname in brackets ("Richard (R.J.) Eskow")
        if not _is_name_token(word):
            return NameKind.ORGANISATION if marked or named else NameKind.OTHER
        named += 1
    if named < 2:
        return NameKind.ORGANISATION
    return NameKind.PERSON if len(words) <= 5 else NameKind.ORGANISATION


# -- names as written -----------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """Tidy a person's name: single spaces; a name written all in capitals is cased as names are.

    The source's case is kept otherwise ("Andrew C. McCarthy", "Mary de la Cruz").

    >>> normalise_name("JANE  DOE"), normalise_name("ANDREW C. MCCARTHY"), normalise_name("MARY DE LA CRUZ")
    ('Jane Doe', 'Andrew C. McCarthy', 'Mary de la Cruz')
    >>> normalise_name("JAMES O'BRIEN"), normalise_name("Ahmad al-Khatib"), normalise_name("Mary DE LA Cruz")
    ("James O'Brien", 'Ahmad al-Khatib', 'Mary DE LA Cruz')
    """
    words = name.split()
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or any(ch.islower() for ch in letters) or not any(ch.isupper() for ch in letters):
        return " ".join(words)
    return " ".join(_case_word(word, first=index == 0) for index, word in enumerate(words))


def _case_word(word: str, *, first: bool) -> str:
    """One word of an all-capitals name, cased as names are ("MCCARTHY" -> "McCarthy", "DE" -> "de")."""
    low = word.casefold()
    if not first and low in PARTICLES:
        return low
    if len(word) <= 2 and word.endswith("."):
        return word  # an initial
    return "-".join(_case_part(part) for part in word.split("-"))


def _case_part(part: str) -> str:
    """One hyphen-free part: capitalised, with "Mc" and "O'"/"D'" prefixes kept as names write them."""
    cased = part[:1].upper() + part[1:].lower()
    if cased.startswith("Mc") and len(cased) > 3:
        return "Mc" + cased[2:].capitalize()
    if len(cased) > 2 and cased[1] in "'’" and cased[0].isalpha():
        return cased[:2] + cased[2:].capitalize()
    return cased


def persons_in(text: str, *, marked: bool = True) -> tuple[str, ...]:
    """The person names in a list of names, tidied; roles, placeholders and agencies left out.

    >>> persons_in("JANE DOE and admin, Reuters")
    ('Jane Doe',)
    """
    pieces = named_pieces(strip_by_marker(text))
    return tuple(
        normalise_name(piece)
        for index, (piece, joined) in enumerate(pieces)
        if classify_name(piece, marked=marked and index == 0, later=index > 0 and not joined) is NameKind.PERSON
    )


# Any short label with a colon before an author value ("Texto: ...", "Redacción: ..."). Bounded: linear.
_VALUE_LABEL = re.compile(r"^[^\W\d_]{1,15}(?:\s[^\W\d_]{1,15})?\s?:\s*")


def person_names(
    raw: Iterable[str], *, organisations: Iterable[str] = (), url: str | None = None
) -> tuple[list[str], list[str]]:
    """Split author values (from page metadata or a visible byline) into persons and organisations.

    Drops "By", a role or outlet after a comma ("Jane Doe, CNN"), handles
    and placeholders ("admin", "Web Desk"), and cases names written in
    capitals as names are cased.

    >>> person_names(["By JANE DOE and John Roe, Associated Press"])
    (['Jane Doe', 'John Roe'], ['Associated Press'])
    >>> person_names(["admin", "Staff Reports", "Posted by"])
    ([], [])
    """
    orgs_known = tuple(organisations)
    persons: list[str] = []
    orgs: list[str] = []
    for value in raw:
        text = " ".join(without_bidi_controls(value).split())
        if not text or len(text) > 200 or "://" in text or text.startswith("www.") or "@" in text:
            continue
        marker = by_marker(text + " ")
        if marker is not None and marker >= len(text):
            continue  # only a label ("Posted by"): the name is elsewhere
        text = strip_by_marker(text)
        text = _VALUE_LABEL.sub("", text, count=1).strip() or text
        pieces = [(p.strip(" .-–—()"), joined) for p, joined in _joined_pieces(text)]
        for index, (piece, joined) in enumerate((p, j) for p, j in pieces if p):
            kind = classify_name(
                piece, marked=index == 0, later=index > 0 and not joined, organisations=orgs_known, url=url
            )
            if kind is NameKind.PERSON:
                persons.append(normalise_name(piece))
            elif kind in (NameKind.ORGANISATION, NameKind.AGENCY) and (index == 0 or len(piece.split()) > 1):
                orgs.append(piece)
    return persons, orgs
