"""The page's authors and the organisations it names, from its metadata: :func:`people`.

Sources, the first that names a person wins: JSON-LD ``author``/``creator``
of the article node; author ``<meta>`` names (``article:author``,
``og:author``, ``author``, Dublin Core, ``citation_author`` ...; Dublin Core
and citation values written "Doe, Jane" are read given name first); the
parsely JSON; microdata ``itemprop=author``; hCard names (``.vcard .fn``,
``.h-card``); ``rel=author`` links. Publishers and Organization authors are
organisations, never persons.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import attrs

from .._lexicon.agencies import agency_named
from .._lexicon.names import person_names
from .._lexicon.sites import squash
from .evidence import MetaSource
from .jsonld import clean_value, is_url_like, jsonld_people
from .meta_collect import PageSources, not_author_texts
from .meta_fields import SiteNames
from .readers import credited_names, trim_byline

_JSON_LD = MetaSource.JSON_LD
_OG = MetaSource.OPENGRAPH
_META = MetaSource.META

_AUTHOR_KEYS: dict[str, tuple[MetaSource, int]] = {
    "article:author": (_OG, 0),
    "og:article:author": (_OG, 0),
    "og:author": (_OG, 1),
    "author": (_META, 0),
    "byl": (_META, 0),
    "dc.creator": (_META, 1),
    "dcterms.creator": (_META, 1),
    "citation_author": (_META, 1),
    "parsely-author": (_META, 2),
    "sailthru.author": (_META, 2),
    "article.author": (_META, 3),
    "dc.contributor": (_META, 4),
}


#: Author keys whose values are written family name first ("Doe, Jane").
_FAMILY_FIRST_KEYS = frozenset({"dc.creator", "dcterms.creator", "dc.contributor", "citation_author"})


@attrs.frozen
class People:
    """The persons named as authors (with the source that named them) and the organisations seen."""

    authors: list[str]
    organisations: list[str]
    source: MetaSource | None


def people(sources: PageSources, sites: SiteNames) -> People:
    """Authors from the first source that names any (JSON-LD, author metas, parsely, microdata,
    hCard, ``rel=author``), sorted into persons and organisations; publishers are organisations."""
    found = sources.found
    authors: list[str] = []
    organisations: list[str] = [*sites.publishers, *found.micro_orgs]
    source: MetaSource | None = None
    if sources.node is not None:
        persons, orgs = jsonld_people(sources.view, sources.node.get("author") or sources.node.get("creator"))
        organisations.extend(orgs)
        if persons:
            authors, source = persons, _JSON_LD
    if not authors:
        authors, source = _meta_authors(sources)
    if not authors and sources.parsely is not None:
        persons, _orgs = jsonld_people(sources.view, sources.parsely.get("authors") or sources.parsely.get("author"))
        if persons:
            authors, source = persons, _META
    for values, values_source in (
        (found.micro_authors, MetaSource.MICRODATA),
        (found.card_authors, MetaSource.HTML),
        (found.rel_authors, MetaSource.HTML),
        (found.writers, MetaSource.HTML),
    ):
        if not authors and values:
            authors, source = values[:_MAX_AUTHORS], values_source
    if source is not _JSON_LD:
        # A plain author tag holding a whole photo credit ("Jane Doe, ASSOCIATED PRESS", also
        # written in a caption or an image's description) names the photographer.
        credited = credited_names(not_author_texts(found))
        authors = [a for a in authors if not _photo_credit_value(a, credited)]
    trimmed = [t for t in (trim_byline(a) for a in authors) if not _site_account(t, sources.address)]
    organisations.extend(t for t in trimmed if _code_name(t))
    trimmed = [t for t in trimmed if not _code_name(t)]
    persons, orgs = person_names(trimmed, organisations=[*organisations, *sites.strings], url=sources.address)
    organisations.extend(orgs)
    return People(persons, organisations, source)


def _site_account(value: str, address: str | None) -> bool:
    """True for a one-word author that is a label of the site's host name ("gto" on
    gto-example.ru): the site's own account, not a person.

    >>> _site_account("gto", "https://gto-example.ru/a"), _site_account("Jane", "https://gto-example.ru/a")
    (True, False)
    """
    if not address or " " in value.strip():
        return False
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:
        return False
    labels = {part for label in host.split(".") for part in label.split("-")}
    return value.strip().casefold() in labels


def _code_name(value: str) -> bool:
    """True for a one-word author in capitals ("KWCH", "WXYZTV"): a station's or a desk's
    code, not a person's name.

    >>> _code_name("KWCHCIK"), _code_name("Jane"), _code_name("Jane Doe")
    (True, False, False)
    """
    word = value.strip()
    return " " not in word and len(word) >= _CODE_LENGTH and word.isupper() and word.isalpha()


#: Letters of the shortest capitalised code.
_CODE_LENGTH = 3


# A credit's name and agency are parted by a comma, a slash or a bar.
_CREDIT_SEPARATOR = re.compile(r"[,/|]")


def _photo_credit_value(value: str, credited: set[str]) -> bool:
    """True for an author value shaped as a photo credit ("Jane Doe, ASSOCIATED PRESS")
    whose name the page credits for a photo: the photographer, not the writer. A bare
    name ("Jane Doe", who may have taken the photos too) is kept.

    >>> _photo_credit_value("Jane Doe, ASSOCIATED PRESS", {"janedoe"}), _photo_credit_value("Jane Doe", {"janedoe"})
    (True, False)
    """
    separator = _CREDIT_SEPARATOR.search(value)
    name = value[: separator.start()] if separator is not None else value
    return separator is not None and squash(name) in credited


#: Author values read from one source.
_MAX_AUTHORS = 10


def _meta_authors(sources: PageSources) -> tuple[list[str], MetaSource | None]:
    """The values of the best-ranked author ``<meta>`` name that has any, and its source."""
    for key, (key_source, _tier) in sorted(_AUTHOR_KEYS.items(), key=lambda kv: kv[1][0].rank + kv[1][1]):
        values = [v for v in (clean_value(x, 200) for x in sources.meta.get(key, ())) if v and not is_url_like(v)]
        if key in _FAMILY_FIRST_KEYS:
            values = [given_name_first(v) for v in values]
        if values:
            return values, key_source
    return [], None


# "Doe, Jane", "van der Berg, J. M.", "Müller-Lüdenscheidt, Hans": a family name of one to
# three words, a comma, then one to three given names or initials. Bounded repeats of
# simple classes: linear.
_FAMILY_FIRST = re.compile(
    r"(?P<family>[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){0,2}),\s*"
    r"(?P<given>[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){0,2})"
)


def given_name_first(value: str) -> str:
    """A Dublin Core or citation name written "Family, Given" as "Given Family"; other values unchanged.

    >>> given_name_first("Doe, Jane"), given_name_first("van der Berg, J. M.")
    ('Jane Doe', 'J. M. van der Berg')
    >>> given_name_first("Jane Doe, Reuters"), given_name_first("Doe, AP"), given_name_first("Jane Doe")
    ('Jane Doe, Reuters', 'Doe, AP', 'Jane Doe')
    """
    match = _FAMILY_FIRST.fullmatch(value.strip())
    if match is None:
        return value
    family, given = match["family"], match["given"]
    given_words = given.split()
    if len(family.split()) > 1 and not family.split()[0].islower():
        return value  # "Jane Doe, Reuters": a name and an outlet
    if (given.isupper() and len(given) > 1 and "." not in given) or agency_named(given) is not None:
        return value  # "Doe, AP": an agency after the name
    if not all(w[0].isupper() for w in given_words):
        return value
    return f"{given} {family}"
