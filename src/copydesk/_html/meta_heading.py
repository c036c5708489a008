"""The page's visible text around its main heading: the heading itself, a date line and a byline there.

Metadata is often wrong or stale where the page's own header is not, so the
reader also looks at the visible strings just around the main heading (a
few before it, more after it, up to where the body starts): the date written
there and the persons of a "By" line or of an element marked as the author.
The merge weighs them against the metadata.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from bs4 import Tag
from bs4.element import NavigableString

from .._config import ParseConfig
from .._lexicon.names import person_names
from .._model import Timestamp
from .meta_collect import attr, text_of
from .readers import BODY_TEXT, byline_in_lines, date_in_lines, is_site_name, titles_agree

#: Visible strings read before and after the main heading when looking for its date.
_NEAR_BEFORE = 3
_NEAR_AFTER = 12


@attrs.frozen
class VisibleEvidence:
    """What the page shows around its main heading."""

    #: The main heading's text (the heading that agrees with a metadata title, else the first headline-like h1).
    heading: str | None = None
    #: The date written beside it.
    date: Timestamp | None = None
    #: The persons of a byline written just after it.
    authors: tuple[str, ...] = ()


def visible_evidence(
    headings: Sequence[Tag],
    titles: Sequence[str],
    *,
    site_names: Sequence[str],
    organisations: Sequence[str],
    url: str | None,
    config: ParseConfig,
) -> VisibleEvidence:
    """The main heading (found among ``headings`` with the metadata ``titles``) and the date and byline beside it."""
    heading, near, marked = _heading_context(headings, titles, site_names, url)
    date = date_in_lines(near, config)
    known_orgs = [*organisations, *site_names]
    authors = byline_in_lines(near[_NEAR_BEFORE:], organisations=known_orgs, url=url)
    if not authors and marked:
        # A name in an element marked as the author: at least two words (a
        # lone "By" or a place in a mis-marked element is no byline).
        persons = person_names(marked[:3], organisations=known_orgs, url=url)[0]
        authors = [p for p in persons if len(p.split()) >= 2]
    return VisibleEvidence(heading, date, tuple(authors))


def _heading_context(
    headings: Sequence[Tag], titles: Sequence[str], site_names: Sequence[str], url: str | None
) -> tuple[str | None, list[str], list[str]]:
    """The main heading's text, the visible strings around it (a few before, more after),
    and those of them the markup marks as the author (``class="author"``, ``byline``).

    The main heading is the ``<h1>`` that agrees with a metadata title, else
    an ``<h2>``/``<h3>`` that does, else the first ``<h1>`` that reads like a
    headline; a heading that is only the site's name is never it (the date
    beside a logo is today's date). The strings stop where the body starts.
    """
    headings = [h for h in headings if not is_site_name(text_of(h, 200), site_names, url)]
    titles = [t for t in titles if not is_site_name(t, site_names, url)]
    chosen: Tag | None = None
    # An h1 that agrees with a metadata title, then an h2/h3 that does (a blog
    # whose h1 is the blog's name), then the first h1 that reads like a headline.
    ordered = sorted(headings, key=lambda h: h.name != "h1")
    for heading in ordered:
        text = text_of(heading, 500)
        if any(titles_agree(text, title) for title in titles):
            chosen = heading
            break
    if chosen is None:
        chosen = next((h for h in headings if h.name == "h1" and len(text_of(h, 500)) >= 12), None)
    if chosen is None:
        return None, [], []
    heading_text = text_of(chosen, 500) or None
    marked: list[str] = []
    strings: list[str] = []
    for value in _strings(chosen.previous_elements, _NEAR_BEFORE * 3):
        text = _visible_string(value)
        if text and len(strings) < _NEAR_BEFORE:
            strings.insert(0, text)
    while len(strings) < _NEAR_BEFORE:
        strings.insert(0, "")  # keep the heading's position fixed for the callers
    long_strings = 0
    for value in _strings(chosen.next_elements, _NEAR_AFTER * 3):
        text = _visible_string(value)
        if len(text) > BODY_TEXT:
            long_strings += 1
            if long_strings > 1:
                break  # the body has started (past a standfirst): later dates are not the article's
        if text and text != heading_text and len(strings) < _NEAR_BEFORE + _NEAR_AFTER:
            strings.append(text)
            if len(text) <= 120 and _marked_as_author(value):
                marked.append(text)
    return heading_text, strings, marked


def _marked_as_author(value: Any) -> bool:
    """True when the text node's element (or its parent) is marked as the byline or author name."""
    element = getattr(value, "parent", None)
    for _ in range(2):
        if not isinstance(element, Tag):
            return False
        marks = f"{attr(element, 'class')} {attr(element, 'itemprop')} {attr(element, 'rel')}".lower()
        if ("author" in marks or "byline" in marks) and "bio" not in marks and "avatar" not in marks:
            return True
        element = element.parent
    return False


def _strings(elements: Iterable[Any], limit: int) -> Iterator[NavigableString]:
    """The first ``limit`` text nodes among ``elements`` (comments and doctypes left out)."""
    count = 0
    for element in elements:
        if type(element) is NavigableString:
            yield element
            count += 1
            if count >= limit:
                return


def _visible_string(value: Any) -> str:
    """A text node's text, whitespace collapsed; '' inside scripts and styles."""
    parent = getattr(value, "parent", None)
    if parent is not None and parent.name in ("script", "style", "noscript", "template"):
        return ""
    return " ".join(str(value).split())
