"""Bylines: who wrote the story ("By Jane Doe and John Smith", "23/12/2016 14:08 by admin").

Forms recognised, in the header or the trailer:

- a "by" marker: "By Jane Doe", "BY JANE DOE | Staff Writer", "Written by",
  "Posted by X on Sep 22, 2017", "Posted on July 29, 2016 by X in News",
  "23/12/2016 14:08 by admin" (a date before "by");
- a label: "Author: Jane Doe", "Authors: ...";
- a name with an agency or a role: "Jane Doe, Reuters", "Jane Doe / AFP",
  "JANE DOE | Staff Writer".

The raw line is kept as :attr:`Article.byline <copydesk.Article.byline>`;
only person names become authors ("admin", "Staff Reporter", "Web Desk" and
agencies are not persons); an agency named in a byline becomes a credit.

>>> b = parse_byline("By JANE DOE and John Smith, Reuters | Staff Writers", ParseConfig())
>>> b.authors, b.agencies
(('Jane Doe', 'John Smith'), ('Reuters',))
>>> parse_byline("By early 2008, Owen was boozing again.", ParseConfig()) is None
True
"""

from __future__ import annotations

import re

import attrs

from ..._config import ParseConfig
from ..._lexicon.agencies import agency_named
from ..._lexicon.bylines import BY_ANYWHERE, BY_VERB, by_marker, without_date_lead
from ..._lexicon.names import NameKind, classify_name, named_pieces, normalise_name
from ..._model import Timestamp
from ..context import Context, Match
from ..source import Hint, SourceBlock
from .date import find_date


@attrs.frozen
class Byline:
    """What a byline line says.

    >>> Byline(raw="By admin").authors
    ()
    """

    raw: str
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    #: Pieces that are roles or placeholders ("admin", "Staff Writer").
    roles: tuple[str, ...] = ()
    #: Pieces that name an organisation or a site.
    organisations: tuple[str, ...] = ()
    published: Timestamp | None = None


# Words that may sit before "by" besides a date: "Posted on", "|".
_LEAD = re.compile(r"(?i)\b(?:posted|published|updated|on|at|le|am|el|il)\b|[|,:\-–—/]")
# Where the names end: a pipe, a double slash, " in <Category>", " on <date>",
# a dash, " - ", "Updated", "Published" or a date in parentheses. Linear.
_NAMES_END = re.compile(
    r"\s(?:\||//|in\s(?=[A-Z])|on\s(?=\S*\d|[A-Z][a-z]{2})|of\s(?=www\.|https?:)|[-–—]\s|updated\b|published\b"
    r"|posted\b)|\s?\(|\s+·\s"
    r"|\s(?:on|at|,)\s*$"
)
# Trailing counters left by share widgets: "Ricardo Paye 69784 69".
_TRAILING_NUMBERS = re.compile(r"(?:\s+\d+)+\s*$")


def parse_byline(text: str, config: ParseConfig) -> Byline | None:
    """Read a byline line; None when ``text`` is not one.

    >>> parse_byline("23/12/2016 14:08 by admin", ParseConfig()).roles
    ('admin',)
    >>> parse_byline("Jane Doe / AFP", ParseConfig()).authors
    ('Jane Doe',)
    >>> parse_byline("He was hit by a car.", ParseConfig()) is None
    True
    """
    raw = text.strip()
    if not raw or len(raw) > 160 or raw.count(" ") > 24:
        return None
    # Cheap pre-check: a "by" marker, a label, a separator, or a foreign marker at the start.
    if "by" not in raw.casefold() and ":" not in raw and "," not in raw and "/" not in raw and "|" not in raw \
            and by_marker(raw) is None:
        return None
    published = None
    body = raw
    found = find_date(raw, config)
    if found is not None:
        published, start, end = found
        head = without_date_lead(raw[:start])
        marker = by_marker(head)
        if marker is not None and any(ch.isalpha() for ch in head[marker:]):
            # "By Mike Wall <date> Science & Astronomy": names, then the date; what follows is no name.
            body = head
        else:
            body = raw[:start] + " " + raw[end:]
    names_part = _names_part(body, published is not None)
    if names_part is None:
        return None
    marked, names_text = names_part
    names_text = _TRAILING_NUMBERS.sub("", names_text)
    named = named_pieces(names_text)
    if not named:
        return None
    pieces = [piece for piece, _joined in named]
    # A single piece after "By" may be a pen name ("Posted on by willyloman"); in a list, names are capitalised.
    alone = marked and len(pieces) == 1
    # After "and" a piece is another person ("Amy Daily"); after a comma it may be an outlet.
    kinds = [classify_name(p, marked=alone, later=i > 0 and not joined) for i, (p, joined) in enumerate(named)]
    if kinds[0] is NameKind.OTHER:
        return None
    if alone and kinds[0] is NameKind.PERSON and pieces[0].islower() and published is None \
            and BY_VERB.search(raw) is None:
        return None  # "By subject": a lower-case word is a pen name only after "Posted by" or with a date
    authors = tuple(normalise_name(p) for p, k in zip(pieces, kinds, strict=True) if k is NameKind.PERSON)
    agencies = tuple(a.name for p, k in zip(pieces, kinds, strict=True) if k is NameKind.AGENCY
                     for a in (agency_named(p) or agency_named(p[4:]),) if a is not None)
    roles = tuple(p for p, k in zip(pieces, kinds, strict=True) if k is NameKind.ROLE)
    # "AP National Writer", "Reuters Staff": a role held at an agency names the agency.
    agencies += tuple(a for a in (_leading_agency(p) for p in roles) if a is not None and a not in agencies)
    organisations = tuple(p for p, k in zip(pieces, kinds, strict=True) if k is NameKind.ORGANISATION)
    if not marked:
        # Without "By", a line is a byline only as a person plus an agency or a role.
        if not authors or not (agencies or roles) or NameKind.OTHER in kinds or len(raw.split()) > 10:
            return None
    elif NameKind.OTHER in kinds[1:] and not authors:
        return None
    return Byline(raw=raw, authors=authors, agencies=agencies, roles=roles, organisations=organisations,
                  published=published)


def _leading_agency(piece: str) -> str | None:
    """The agency named by the first one to three words of a role ("Ap Sports Writer" -> "AP"), or None."""
    words = piece.split()
    for size in (3, 2, 1):
        head = " ".join(words[:size])
        agency = agency_named(head) or agency_named(head.upper())
        if agency is not None and size < len(words):
            return agency.name
    return None


def _names_part(body: str, has_date: bool) -> tuple[bool, str] | None:
    """Where the names are: (whether a "by" marker or label was found, the text of the names)."""
    label = by_marker(body)
    if label is not None:
        return True, _cut(body[label:])
    by = BY_ANYWHERE.search(body)
    if by is not None:
        before = _LEAD.sub(" ", body[:by.start()]).strip()
        if before and not (has_date and not any(ch.isalpha() for ch in before)):
            return None
        if not before or has_date or by.start() == 0:
            return True, _cut(body[by.end():])
    if by is None and not has_date:
        return False, _cut(body)
    return None


def _cut(text: str) -> str:
    end = _NAMES_END.search(text)
    return (text[: end.start()] if end else text).strip()


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a byline (rel=author, class=byline, ...)."""
    if block.hint is Hint.BYLINE:
        return Match("marked as a byline", reading=parse_byline(block.text, ctx.config))
    return None


def byline_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A byline line in the header or trailer."""
    shape = ctx.shape
    if shape.words > 24 or not (ctx.in_header or ctx.in_trailer):
        return None
    if shape.words > 12 and shape.closed and block.text.rstrip().endswith("."):
        return None
    found = parse_byline(block.text, ctx.config)
    if found is None:
        return None
    if found.authors:
        return Match(f"names {len(found.authors)} author(s)", reading=found)
    if found.roles or found.agencies:
        return Match("a byline naming a role or agency, no person", reading=found)
    if found.published is not None or ctx.in_header:
        return Match("a byline naming no person", reading=found)
    return None


# An author box closing the text: "Jane Doe has been a reporter since 1987 ...", "Example Society, ES is
# an organization ...". The name (two to four capitalised words), an optional short form, then "is a",
# "has been a", "was a", "writes". Anchored, bounded repeats: linear.
_AUTHOR_BOX = re.compile(
    r"^(?P<name>[A-Z][\w.'’\-]{1,25}(?:\s[A-Z][\w.'’\-]{0,25}){1,3})(?:,\s[A-Z]{2,6})?\s"
    r"(?:is|has\sbeen|was|writes|serves)\s(?:a|an|the|for|as)\s"
)
#: What a biography speaks of (a small closed class, in the main languages of the press).
_BIO_WORDS = re.compile(
    r"(?i)\b(?:writer|author|columnist|professor|journalist|editor|contributor|writings|reporter|blogger|founder|"
    r"organi[sz]ation|graduate|degree|periodista|escritor|autora?|journaliste|écrivain|auteur|journalistin|"
    r"giornalista|scrittore|jornalista)\b"
)
_BOX_WORDS = 120


def author_box(block: SourceBlock, ctx: Context) -> Match | None:
    """An author box at the end: the name is the byline, the standing biography is page furniture."""
    if block.hint is not Hint.NONE or not ctx.doc.paragraph_count or ctx.shape.words > _BOX_WORDS:
        return None
    found = _AUTHOR_BOX.match(block.text)
    if found is None or _BIO_WORDS.search(block.text) is None:
        return None
    doc = ctx.doc
    if any(not doc.is_removed(i) for i in range(ctx.index + 1, len(doc.blocks))):
        return None  # an author box closes the text
    name = found["name"]
    kind = classify_name(name)
    if kind is NameKind.PERSON:
        reading = Byline(raw=name, authors=(normalise_name(name),))
    elif kind is NameKind.ORGANISATION:
        reading = Byline(raw=name, organisations=(name,))
    else:
        return None
    # The box stays one block (its name is the byline, read into the reading), so that the
    # rendered article shows the same box and parses back the same.
    return Match("an author box closing the text: the name, then a standing biography", reading=reading)

