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

import re
from collections.abc import Iterator
from typing import Any

import attrs
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement

from .._lexicon.names import by_marker
from .._model import Diagnostic
from .jsonld import JsonLdView, load_json_ld

#: Longest text kept from any single metadata value.
MAX_VALUE = 2000


class Collected:
    """What the walk over the tree found (mutable while walking)."""

    __slots__ = (
        "canonical",
        "credits",
        "data_times",
        "diagnostics",
        "headings",
        "html_lang",
        "image_src",
        "json_ld",
        "meta",
        "micro_authors",
        "micro_orgs",
        "microdata",
        "not_authors",
        "rel_authors",
        "times",
        "title_tag",
        "updated_times",
    )

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}
        self.microdata: dict[str, list[str]] = {}
        self.micro_authors: list[str] = []
        #: Organisations named as the author in microdata (``itemtype=.../Organization``).
        self.micro_orgs: list[str] = []
        #: Persons the markup names as someone other than the author: the author
        #: of a reviewed claim, of a quoted post, of a figure.
        self.not_authors: list[str] = []
        #: Texts of photo-credit and caption elements (a photographer named there is no author).
        self.credits: list[str] = []
        self.json_ld: list[Any] = []
        self.canonical: str | None = None
        self.image_src: str | None = None
        self.rel_authors: list[str] = []
        self.times: list[tuple[str, str, int]] = []  # (value, key, tier in the time_element band)
        #: Update times from ``<time class="updated">`` and microformats ``.updated``.
        self.updated_times: list[str] = []
        self.data_times = 0
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


#: Elements visited per ``limit`` character of :func:`text_of` (markup without text is cheap but not free).
_NODES_PER_CHAR = 4


def text_of(tag: Tag, limit: int = 300) -> str:
    """The element's text, whitespace collapsed, cut at ``limit``.

    Reads only as far as ``limit`` needs (and at most a few nodes per
    character), so nested elements that are each read (``<time>`` inside
    ``<time>``, ``itemprop=author`` inside another) cost linear time in all.

    >>> from bs4 import BeautifulSoup
    >>> text_of(BeautifulSoup("<p>Jane <b>Doe</b>  and <i>John</i></p>", "lxml").p, 8)
    'Jane Doe'
    """
    parts: list[str] = []
    size = 0
    for node in first_descendants(tag, _NODES_PER_CHAR * limit + 16):
        if type(node) is NavigableString:
            parts.append(str(node))
            size += len(node)
            if size > limit + 1:
                break
    return " ".join(" ".join(parts).split())[:limit].rstrip()


def first_descendants(tag: Tag, budget: int) -> Iterator[PageElement]:
    """The first ``budget`` descendants of ``tag`` in document order.

    bs4's ``descendants`` first finds the subtree's last element (a walk over
    all of it), which makes reading the start of every nested element
    quadratic; this walk costs only what it yields.

    >>> from bs4 import BeautifulSoup
    >>> [str(n) for n in first_descendants(BeautifulSoup("<p>a<b>b</b>c</p>", "lxml").p, 3)]
    ['a', '<b>b</b>', 'b']
    """
    stack: list[Iterator[PageElement]] = [iter(tag.contents)]
    while stack and budget > 0:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        budget -= 1
        yield node
        if type(node) is Tag and node.contents:
            stack.append(iter(node.contents))


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
            _take_heading(el, found)
        elif name == "html":
            lang = attr(el, "lang") or attr(el, "xml:lang")
            if lang and found.html_lang is None:
                found.html_lang = lang
        elif name == "a" and "author" in attr(el, "rel").lower().split():
            text = text_of(el, 120)
            if text:
                found.rel_authors.append(text)
        _take_marked(el, found)
    return found


def _take_marked(el: Tag, found: Collected) -> None:
    """Keep what any element's attributes mark: microdata ``itemprop`` values, microformat
    dates (``.published``, ``.updated``), ``data-*`` timestamps, photo credits and captions."""
    attrs_ = el.attrs
    name = el.name
    if "itemprop" in attrs_ and name not in ("meta", "time"):
        _take_itemprop(el, found)
    if name != "time" and "class" in attrs_:
        classes = attr(el, "class").lower().split()
        if any(c in _MICROFORMAT_DATES for c in classes):
            _take_microformat_time(el, classes, found)
    if found.data_times < _MAX_TIMES and any(key in attrs_ for key in _DATA_TIME_ATTRS):
        _take_data_time(el, found)
    if len(found.credits) < _MAX_CREDITS and _is_credit(el):
        text = text_of(el, 200)
        if text:
            found.credits.append(text)


#: Microformat class names of dates (h-entry and hAtom).
_MICROFORMAT_DATES = frozenset({"published", "dt-published", "updated", "dt-updated"})


# Class words of photo-credit and caption elements ("photo-credit", "photographer",
# "caption", "image-source"); a bare "credit" is left out (some sites mark bylines
# so). Literals and optional separators, no nesting: linear.
_CREDIT_CLASS = re.compile(
    r"caption|photographer|(?:photo|image|img|picture|pic|media)[-_]?(?:credit|source|byline|copyright)"
)

def _is_credit(el: Tag) -> bool:
    """True for a ``<figcaption>`` or an element whose class marks a caption or a photo credit."""
    if el.name == "figcaption":
        return True
    return "class" in el.attrs and _CREDIT_CLASS.search(attr(el, "class").lower()) is not None


#: Credit and caption texts kept per page.
_MAX_CREDITS = 40


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
    classes = attr(el, "class").lower().split()
    if "datemodified" in itemprop or "updated" in classes:
        if "updated" in classes and "published" not in classes:
            found.updated_times.append(value or text_of(el, 120))
        return
    if not value:
        value = text_of(el, 120)
        if not value:
            return
    if "pubdate" in el.attrs or "datepublished" in itemprop or "published" in classes:
        found.times.append((value, "time[pubdate]", 0))
        return
    place = _time_place(el)
    if place is not None:
        found.times.append((value, f"time in {place}" if place else "time", 5 if place else 8))


#: Tags and class/id words of the places whose dates are not the page's: a sidebar, a
#: footer, a comment, a related-story teaser, an embedded post.
_OTHER_PLACES = frozenset({"aside", "footer", "nav", "blockquote"})
_OTHER_MARKS = re.compile(r"comment|related|teaser|embed|recommend|reply|promo")


def _time_place(el: Tag) -> str | None:
    """Where a date element sits: "article", "header" or "main" when inside one, "" elsewhere
    on the page, None in a place whose dates are not the page's (see :data:`_OTHER_MARKS`)."""
    for depth, parent in enumerate(el.parents):
        if depth >= _CONTEXT_DEPTH or not isinstance(parent, Tag):
            break
        pname = parent.name
        if pname in _OTHER_PLACES:
            return None
        marks = f"{attr(parent, 'class')} {attr(parent, 'id')}".lower()
        if _OTHER_MARKS.search(marks):
            return None
        if pname in ("article", "header", "main"):
            return pname
    return ""


#: ``data-*`` attributes that hold a publication time (epoch seconds, ISO text).
_DATA_TIME_ATTRS = ("data-published", "data-publish-date", "data-pubdate", "data-timestamp", "data-time", "data-date",
                    "data-datetime", "data-created")

#: Rank tier of a ``data-*`` time, after every ``<time>`` element's.
_DATA_TIME_TIER = 9

#: Date values kept per kind (``data-*`` times, microformat ``updated``).
_MAX_TIMES = 6


def _take_data_time(el: Tag, found: Collected) -> None:
    """Keep a time from a ``data-published``/``data-timestamp``-like attribute (not in a comment,
    a sidebar or a teaser)."""
    for key in _DATA_TIME_ATTRS:
        value = attr(el, key)
        if value and _time_place(el) is not None:
            found.times.append((value, key, _DATA_TIME_TIER))
            found.data_times += 1
            return


def _take_microformat_time(el: Tag, classes: list[str], found: Collected) -> None:
    """Keep a microformats date: ``abbr.published[title]``, ``.published``/``.dt-published``
    (publication), ``.updated``/``.dt-updated`` (update)."""
    value = attr(el, "title") if el.name == "abbr" else ""
    value = value or attr(el, "datetime") or attr(el, "content") or text_of(el, 120)
    if not value or _time_place(el) is None:
        return
    if "published" in classes or "dt-published" in classes:
        found.times.append((value, "microformat published", 1))
    elif len(found.updated_times) < _MAX_TIMES:
        found.updated_times.append(value)


#: Ancestors looked at when deciding whose name an ``itemprop=author`` gives.
_CONTEXT_DEPTH = 25

#: What an ``itemprop=author`` inside these says: the author of something other than the article.
_OTHER_WORK_PROPS = frozenset({"itemreviewed", "review", "comment", "citation", "associatedmedia", "image", "video"})


def _author_context(el: Tag) -> str:
    """Whose name an ``itemprop=author`` element gives: "article", "comment" (a thread's) or
    "other" (the author of a reviewed claim, a quoted post, a figure, a comment)."""
    for depth, parent in enumerate(el.parents):
        if depth > _CONTEXT_DEPTH or not isinstance(parent, Tag):
            break
        if parent.name in ("figure", "blockquote"):
            return "other"
        props = set(attr(parent, "itemprop").lower().split())
        if props & _OTHER_WORK_PROPS:
            return "other"
        marks = (attr(parent, "class") + " " + attr(parent, "id")).lower()
        if "comment" in marks or "reply" in marks:
            return "comment"
    return "article"


def _is_organisation_item(el: Tag) -> bool:
    """True when a microdata item is typed as an organisation (``itemtype=https://schema.org/Organization``)."""
    kind = attr(el, "itemtype").lower()
    return "organization" in kind or "organisation" in kind or "corporation" in kind


def _item_name(el: Tag) -> str:
    """A microdata person's or organisation's name: its ``itemprop=name`` (looked for a few levels
    down only), else its ``content``, else its text."""
    for node in first_descendants(el, _NAME_SEARCH):
        if type(node) is Tag and "name" in attr(node, "itemprop").lower().split():
            return attr(node, "content") or text_of(node, 120)
    return attr(el, "content") or text_of(el, 120)


#: Elements searched below an ``itemprop=author`` for its ``itemprop=name``.
_NAME_SEARCH = 60


def _take_itemprop(el: Tag, found: Collected) -> None:
    """Keep an ``itemprop`` element's value: an author's name (a person's, an organisation's, or
    someone else's work's), a headline, a date, a language."""
    for prop in attr(el, "itemprop").lower().split():
        if prop in ("author", "creator"):
            context = _author_context(el)
            if context == "comment":
                continue
            text = _item_name(el)
            if not text:
                continue
            if context == "other":
                found.not_authors.append(text)
            elif _is_organisation_item(el):
                found.micro_orgs.append(text)
            else:
                found.micro_authors.append(text)
        elif prop in ("headline", "datepublished", "datemodified", "datecreated", "inlanguage"):
            value = attr(el, "content") or attr(el, "datetime") or text_of(el, 500)
            if value:
                found.microdata.setdefault(prop, []).append(value)


def not_author_texts(found: Collected) -> tuple[str, ...]:
    """The texts naming persons other than the author: names under someone else's work
    (a reviewed claim, a figure), and photo credits and captions that are not bylines."""
    texts = [*found.not_authors]
    texts.extend(t for t in found.credits if by_marker(t) is None)
    return tuple(dict.fromkeys(texts))


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
