"""The article's authors, settled between the visible byline and the metadata's persons.

The visible byline's persons, checked against the metadata's; else a byline
beside the main heading or before the body; else the metadata persons.
Organisations (the publisher, an Organization author, a name matching the
site or its host, an agency) never become authors.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._lexicon.names import NameKind, classify_name, person_names
from .._lexicon.sites import squash
from .._model import Article
from .evidence import MetaSource, PageEvidence
from .readers import byline_in_lines, credited_names, lines_before_body


def resolve_authors(article: Article, metadata: PageEvidence) -> tuple[tuple[str, ...], str | None]:
    """The article's persons: the visible byline's, checked against the metadata's.

    A visible name the metadata confirms is kept (in the metadata's form
    when the visible one holds it: "Jane DoeEXAMPLE"); an unconfirmed one
    is kept when it reads as a person (not "View All", not "CNN Business").
    With no visible person left, the metadata's persons.
    """
    organisations = [*metadata.organisations]
    if metadata.site_name:
        organisations.append(metadata.site_name)
    others = _OtherPeople(metadata.not_author_texts)
    # The metadata's persons are the writers (an author tag holding a whole photo credit
    # was dropped when it was read): they confirm a visible name that is also credited.
    persons, _orgs = person_names(metadata.authors, organisations=organisations, url=metadata.url)
    meta_source = metadata.provenance.get("authors", MetaSource.META.value)
    visible = _authors_only(article.authors, persons, organisations, others, metadata.url)
    visible_source = article.source_of("authors") or MetaSource.TEXT.value
    if not visible and metadata.visible_authors:
        visible = _authors_only(metadata.visible_authors, persons, organisations, others, metadata.url)
        visible_source = MetaSource.TEXT.value
    if not visible:
        visible = byline_in_lines(lines_before_body(article), organisations=organisations, url=metadata.url)
        visible = _authors_only(visible, persons, organisations, others, metadata.url)
        visible_source = MetaSource.TEXT.value
    if not visible:
        if not persons:
            return (), None
        return tuple(dict.fromkeys(persons)), meta_source
    if not persons:
        return tuple(visible), visible_source
    kept: list[str] = []
    for name in visible:
        form = _matching_name(name, persons)
        if form is not None:
            kept.append(form)
        elif classify_name(name, marked=True, organisations=organisations, url=metadata.url) is NameKind.PERSON:
            kept.append(name)
    if not kept:
        return tuple(dict.fromkeys(persons)), meta_source
    return tuple(dict.fromkeys(kept)), visible_source


def _matching_name(name: str, persons: Sequence[str]) -> str | None:
    """The metadata form of ``name`` when the two are the same person, else None."""
    key = squash(name)
    if not key:
        return None
    for person in persons:
        other = squash(person)
        if not other:
            continue
        if key == other:
            return name
        if len(other) >= 5 and (other in key or key in other):
            return person
    return None


class _OtherPeople:
    """The persons named as someone other than the author (see :func:`credited_names`)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._keys = credited_names(texts)

    def named(self, name: str) -> bool:
        """True when ``name`` (at least two words) is a whole part of one of the texts."""
        return len(name.split()) >= 2 and squash(name) in self._keys


#: Letters a name needs before it is looked for inside other texts.
_MIN_NAME_KEY = 6


def _authors_only(
    names: Sequence[str],
    confirmed: Sequence[str],
    organisations: Sequence[str],
    others: _OtherPeople,
    url: str | None,
) -> list[str]:
    """The visible names that are authors: not an organisation the metadata names (an
    Organization author, the publisher) and not a person named only as someone else
    (a photographer in a photo credit, the author of a reviewed claim), unless the
    metadata's authors confirm them."""
    kept: list[str] = []
    for name in names:
        if _matching_name(name, confirmed) is not None:
            kept.append(name)
            continue
        if others.named(name):
            continue
        if organisations and classify_name(name, marked=True, organisations=organisations, url=url) in _NOT_PERSONS:
            continue
        kept.append(name)
    return kept


_NOT_PERSONS = frozenset({NameKind.ORGANISATION, NameKind.AGENCY, NameKind.ROLE})
