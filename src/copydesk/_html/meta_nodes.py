"""The elements the metadata walk keeps (:class:`Collected`) and bounded readers of an element's text.

:func:`text_of` and :func:`first_descendants` read only as far as they need,
so reading every nested element of a hostile page stays linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bs4 import Tag
from bs4.element import NavigableString, PageElement

from .._model import Diagnostic

#: Longest text kept from any single metadata value.
MAX_VALUE = 2000


class Collected:
    """What the walk over the tree found (mutable while walking)."""

    __slots__ = (
        "canonical",
        "card_authors",
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
        "teaser_writers",
        "times",
        "title_tag",
        "updated_times",
        "writer_walks",
        "writers",
    )

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}
        self.microdata: dict[str, list[str]] = {}
        self.micro_authors: list[str] = []
        #: hCard names of authors (``.vcard .fn``, ``.h-card .p-name``, ``.author .fn``).
        self.card_authors: list[str] = []
        #: Organisations named as the author in microdata (``itemtype=.../Organization``).
        self.micro_orgs: list[str] = []
        #: Persons the markup names as someone other than the author: the author
        #: of a reviewed claim, of a quoted post, of a figure.
        self.not_authors: list[str] = []
        #: Texts of author/byline-classed elements: in teasers, embedded posts and comments, and elsewhere.
        self.teaser_writers: list[str] = []
        self.writers: list[str] = []
        self.writer_walks = 0
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
