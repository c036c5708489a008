"""One walk over the page's tree that keeps every metadata-bearing element.

:func:`collect` visits each element once and keeps, in a :class:`Collected`:
``<meta>`` values by name/property, JSON-LD ``<script>`` values,
``<link rel=canonical>``/``rel=image_src``, ``<time>`` elements (with how
clearly each is the publication time), ``<title>``, the first headings,
``<html lang>``, ``rel=author`` links and microdata ``itemprop`` values.
:class:`PageSources` adds what the field readers need besides: the JSON-LD
article and page nodes and the ``parsely-page`` JSON.
"""

from __future__ import annotations

from typing import Any

import attrs
from bs4 import BeautifulSoup, Tag

from .._lexicon.date_words import labels_update
from .._model import Diagnostic
from .jsonld import JsonLdView, load_json_ld

#: Longest text kept from any single metadata value.
MAX_VALUE = 2000


class Collected:
    """What the walk over the tree found (mutable while walking)."""

    __slots__ = (
        "canonical",
        "diagnostics",
        "headings",
        "html_lang",
        "image_src",
        "json_ld",
        "meta",
        "micro_authors",
        "microdata",
        "rel_authors",
        "times",
        "title_tag",
    )

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}
        self.microdata: dict[str, list[str]] = {}
        self.micro_authors: list[str] = []
        self.json_ld: list[Any] = []
        self.canonical: str | None = None
        self.image_src: str | None = None
        self.rel_authors: list[str] = []
        self.times: list[tuple[str, str, int]] = []  # (value, key, tier in the time_element band)
        self.html_lang: str | None = None
        self.title_tag: str | None = None
        self.headings: list[Tag] = []
        self.diagnostics: list[Diagnostic] = []


def attr(tag: Tag, name: str) -> str:
    """An attribute as one stripped string ('' when absent)."""
    value = tag.attrs.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()[:MAX_VALUE]


def text_of(tag: Tag, limit: int = 300) -> str:
    """The element's text, whitespace collapsed, cut at ``limit``."""
    return " ".join(tag.get_text(" ").split())[:limit]


def collect(soup: BeautifulSoup | Tag) -> Collected:
    """Walk the tree once and keep every metadata-bearing element."""
    found = Collected()
    for el in soup.descendants:
        if type(el) is not Tag:
            continue
        name = el.name
        attrs_ = el.attrs
        if name == "meta":
            _take_meta(el, found)
        elif name == "script":
            kind = attr(el, "type").lower()
            if "ld+json" in kind:
                text = el.string if el.string is not None else el.get_text()
                values = load_json_ld(str(text))
                if not values and str(text).strip():
                    found.diagnostics.append(
                        Diagnostic("json_ld_unreadable", "a JSON-LD block could not be read; it was skipped")
                    )
                found.json_ld.extend(values)
        elif name == "link":
            rels = [str(r).lower() for r in (attrs_.get("rel") or ())]
            href = attr(el, "href")
            if href:
                if "canonical" in rels and found.canonical is None:
                    found.canonical = href
                elif "image_src" in rels and found.image_src is None:
                    found.image_src = href
        elif name == "time":
            _take_time(el, found)
        elif name == "title":
            if found.title_tag is None and el.find_parent("svg") is None:
                found.title_tag = text_of(el, 500)
        elif name in ("h1", "h2", "h3"):
            if len(found.headings) < 12:
                found.headings.append(el)
        elif name == "html":
            lang = attr(el, "lang") or attr(el, "xml:lang")
            if lang and found.html_lang is None:
                found.html_lang = lang
        elif name == "a" and "author" in attr(el, "rel").lower().split():
            text = text_of(el, 120)
            if text:
                found.rel_authors.append(text)
        if "itemprop" in attrs_ and name not in ("meta", "time"):
            _take_itemprop(el, found)
    return found


def _take_meta(el: Tag, found: Collected) -> None:
    """Keep a ``<meta>`` content under each of its names (property, name, http-equiv), else its itemprop."""
    content = attr(el, "content")
    if not content:
        return
    keys = [
        attr(el, "property").lower(),
        attr(el, "name").lower(),
        attr(el, "http-equiv").lower(),
    ]
    keyed = False
    for key in keys:
        if key:
            keyed = True
            found.meta.setdefault(key, []).append(content)
    itemprop = attr(el, "itemprop")
    if itemprop and not keyed:
        for prop in itemprop.split():
            found.microdata.setdefault(prop.lower(), []).append(content)


def _take_time(el: Tag, found: Collected) -> None:
    """Keep a ``<time>`` element's datetime with a rank saying how clearly it is the publication time."""
    value = attr(el, "datetime")
    itemprop = attr(el, "itemprop").lower()
    if itemprop and value:
        found.microdata.setdefault(itemprop, []).append(value)
    if "datemodified" in itemprop or "updated" in attr(el, "class").lower() or _labelled_update(el):
        return
    if not value:
        value = text_of(el, 120)
        if not value:
            return
    if "pubdate" in el.attrs or "datepublished" in itemprop:
        found.times.append((value, "time[pubdate]", 0))
        return
    # A time inside the article (or its header) counts; one in a sidebar,
    # footer or comment does not.
    for depth, parent in enumerate(el.parents):
        if depth >= 30:
            break
        pname = parent.name
        if pname in ("aside", "footer", "nav"):
            return
        cls = attr(parent, "class").lower() if isinstance(parent, Tag) else ""
        if "comment" in cls or "related" in cls:
            return
        if pname in ("article", "header", "main"):
            found.times.append((value, f"time in {pname}", 5))
            return
    found.times.append((value, "time", 8))


def _labelled_update(el: Tag) -> bool:
    """True when the words just before a ``<time>`` label it as the update time ("Updated <time>").

    Reads at most three preceding siblings, each only when it is a string or an element holding one
    string, so the cost per element is bounded.
    """
    before: list[str] = []
    for count, sibling in enumerate(el.previous_siblings):
        if count >= 3:
            break
        text = sibling.string if isinstance(sibling, Tag) else str(sibling)
        if text is None:
            break
        before.insert(0, text)
    return labels_update(" ".join(before))


def _in_comments(el: Tag) -> bool:
    """True when the element sits in a comment thread (its authors are not the article's)."""
    for depth, parent in enumerate(el.parents):
        if depth > 25 or not isinstance(parent, Tag):
            break
        marks = (attr(parent, "class") + " " + attr(parent, "id")).lower()
        if "comment" in marks or "reply" in marks:
            return True
    return False


def _take_itemprop(el: Tag, found: Collected) -> None:
    """Keep an ``itemprop`` element's value: an author's name (not in comments), a headline, a date, a language."""
    for prop in attr(el, "itemprop").lower().split():
        if prop in ("author", "creator"):
            if _in_comments(el):
                continue
            name_el = el.find(itemprop="name")
            if isinstance(name_el, Tag):
                text = attr(name_el, "content") or text_of(name_el, 120)
            else:
                text = attr(el, "content") or text_of(el, 120)
            if text:
                found.micro_authors.append(text)
        elif prop in ("headline", "datepublished", "datemodified", "datecreated", "inlanguage"):
            value = attr(el, "content") or attr(el, "datetime") or text_of(el, 500)
            if value:
                found.microdata.setdefault(prop, []).append(value)


def first(meta: dict[str, list[str]], key: str) -> str | None:
    """The first value of ``key`` in ``meta``, or None."""
    values = meta.get(key)
    return values[0] if values else None


def _parsely(meta: dict[str, list[str]]) -> dict[str, Any] | None:
    """The JSON of ``parsely-page`` / ``parsely-metadata``, when readable."""
    for key in ("parsely-page", "parsely-metadata"):
        for value in meta.get(key, ())[:1]:
            for loaded in load_json_ld(value):
                if isinstance(loaded, dict):
                    return loaded
    return None


#: Tier of the JSON-LD WebPage node's values inside the JSON-LD rank band (after the article node's).
PAGE_NODE_TIER = 5


@attrs.frozen
class PageSources:
    """What the field readers read: the collected elements, the JSON-LD nodes and the parsely JSON."""

    found: Collected
    view: JsonLdView
    #: The JSON-LD article node, and the WebPage node (a fallback).
    node: dict[str, Any] | None
    page_node: dict[str, Any] | None
    #: The ``parsely-page`` / ``parsely-metadata`` JSON.
    parsely: dict[str, Any] | None
    #: The page's address: the canonical one, else the one given (base of relative links, host name).
    address: str | None

    @property
    def meta(self) -> dict[str, list[str]]:
        """The ``<meta>`` values by lowercased name or property."""
        return self.found.meta


def page_sources(found: Collected, address: str | None) -> PageSources:
    """The :class:`PageSources` of a collected page whose address is ``address``."""
    view = JsonLdView(found.json_ld, address)
    return PageSources(found, view, view.article, view.page, _parsely(found.meta), address)
