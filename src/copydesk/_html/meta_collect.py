"""One walk over the page's tree that keeps every metadata-bearing element.

:func:`collect` visits each element once and keeps, in a :class:`Collected`:
``<meta>`` values by name/property, JSON-LD ``<script>`` values,
``<link rel=canonical>``/``rel=image_src``, ``<time>`` elements (with how
clearly each is the publication time), ``<title>``, the first headings,
``<html lang>``, ``rel=author`` links, and what element attributes mark
(:mod:`.meta_marks`: microdata ``itemprop`` values, microformats, ``data-*``
timestamps, photo credits). :class:`PageSources` adds what the field readers
need besides: the JSON-LD article and page nodes and the ``parsely-page`` JSON.
"""

from __future__ import annotations

from typing import Any

import attrs
from bs4 import BeautifulSoup, Tag

from .._model import Diagnostic
from .jsonld import JsonLdView, load_json_ld
from .meta_marks import not_author_texts, take_marked, take_photo_credit, take_time
from .meta_nodes import MAX_VALUE, Collected, attr, text_of

__all__ = [
    "MAX_VALUE",
    "PAGE_NODE_TIER",
    "Collected",
    "PageSources",
    "attr",
    "collect",
    "first",
    "not_author_texts",
    "page_sources",
    "text_of",
]


def collect(soup: BeautifulSoup | Tag) -> Collected:
    """Walk the tree once and keep every metadata-bearing element."""
    found = Collected()
    for el in soup.descendants:
        if type(el) is not Tag:
            continue
        name = el.name
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
            rels = attr(el, "rel").lower().split()
            href = attr(el, "href")
            if href:
                if "canonical" in rels and found.canonical is None:
                    found.canonical = href
                elif "image_src" in rels and found.image_src is None:
                    found.image_src = href
        elif name == "time":
            take_time(el, found)
        elif name == "title":
            if found.title_tag is None and el.find_parent("svg") is None:
                found.title_tag = text_of(el, 500)
        elif name in ("h1", "h2", "h3"):
            _take_heading(el, found)
        elif name == "html":
            lang = attr(el, "lang") or attr(el, "xml:lang")
            if lang and found.html_lang is None:
                found.html_lang = lang
        elif name == "a" and "author" in attr(el, "rel").lower().split():
            text = text_of(el, 120)
            if text:
                found.rel_authors.append(text)
        take_marked(el, found)
    return found


#: Headings kept per page: the first few ``<h2>``/``<h3>`` (a blog's h1 may be its name), and
#: more ``<h1>`` (the article's can come after a logo's and a menu's).
_MAX_HEADINGS = 12
_MAX_H1 = 24


def _take_heading(el: Tag, found: Collected) -> None:
    """Keep a heading while the page has not given too many of its level."""
    if el.name == "h1":
        if sum(1 for h in found.headings if h.name == "h1") < _MAX_H1:
            found.headings.append(el)
    elif sum(1 for h in found.headings if h.name != "h1") < _MAX_HEADINGS:
        found.headings.append(el)


#: Photo credits read from ``og:image:alt``-like metas.
_MAX_ALT_CREDITS = 4


def meta_key(key: str) -> str:
    """A ``<meta>`` name in the one spelling the field tables use: Dublin Core's RDFa
    prefixes ``dc:``/``dcterms:`` written as ``dc.``/``dcterms.``.

    >>> meta_key("dc:title"), meta_key("dcterms:created"), meta_key("og:title")
    ('dc.title', 'dcterms.created', 'og:title')
    """
    if key.startswith(("dc:", "dcterms:")):
        return key.replace(":", ".", 1)
    return key


def _take_meta(el: Tag, found: Collected) -> None:
    """Keep a ``<meta>`` content under each of its names (property, name, http-equiv), else its itemprop."""
    content = attr(el, "content")
    if not content:
        return
    keys = [
        *attr(el, "property").lower().split(),  # RDFa: several properties in one attribute
        attr(el, "name").lower(),
        attr(el, "http-equiv").lower(),
    ]
    keyed = False
    for raw_key in keys:
        if raw_key:
            keyed = True
            key = meta_key(raw_key)
            found.meta.setdefault(key, []).append(content)
            if key.endswith("image:alt") and len(found.credits) < _MAX_ALT_CREDITS:
                take_photo_credit(content, found)
    itemprop = attr(el, "itemprop")
    if itemprop and not keyed:
        for prop in itemprop.lower().split():
            if prop in ("author", "creator"):
                found.micro_authors.append(content)
            else:
                found.microdata.setdefault(prop, []).append(content)


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
