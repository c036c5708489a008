"""Build the BeautifulSoup tree straight from the pruned lxml tree.

The loader parses every page with lxml once, to prune it
(:func:`~copydesk._html.load.prune_tree`). Serialising that tree and handing
the markup to ``BeautifulSoup(markup, "lxml")`` parsed the page a second time
and sent every tag and string through bs4's builder callbacks (the tag
stack, the namespace maps, the string buffer), which was about a third of
``parse_html``'s time. :func:`soup_from_tree` makes each lxml element a
:class:`bs4.Tag` and each text or tail a :class:`bs4.NavigableString` with
bs4's public constructors, linked the way bs4's own parser links them
(parent, contents, next/previous element and sibling); whitespace-only
strings are collapsed and strings inside ``<script>``, ``<style>``, ``<rt>``
and the like get bs4's string classes, as the parser does. The result is the
soup ``BeautifulSoup`` builds from the serialised tree, node for node
(``tests/test_soup_tree.py`` compares the two on hand-made and generated
pages), without the second parse.

One difference is on purpose: a boolean attribute written in full
(``nowrap="nowrap"``) keeps its value, where the serialise-and-parse round
trip wrote it minimised and read it back as ``""``.
"""

from __future__ import annotations

from typing import Any

import bs4
import lxml.etree
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

__all__ = ["new_soup", "soup_from_tree"]

#: The characters bs4 counts as whitespace when it collapses a whitespace-only string.
_ASCII_SPACES = " \n\t\x0c\r"

#: bs4 4.13+ stores each attribute through a checking dict (``__setitem__`` per
#: value, about 5% of the parse); lxml's values are already strings, so a plain
#: dict holds them the same. Older bs4 has no such option and no such cost.
_PLAIN_ATTRIBUTES: dict[str, Any] = (
    {"attribute_dict_class": dict} if tuple(int(p) for p in bs4.__version__.split(".")[:2]) >= (4, 13) else {}
)


def new_soup(markup: str) -> Any:
    """The soup of ``markup``, built by bs4's lxml builder the way every copydesk soup is configured.

    Multi-valued attributes (``class``, ``rel``) stay strings: splitting them
    on every element costs about a tenth of the soup's build time, and the
    readers split the few they look at (a caller's own soup, with lists, reads
    the same).

    >>> new_soup('<p class="a b">Hi</p>').p["class"]
    'a b'
    """
    return BeautifulSoup(markup, "lxml", multi_valued_attributes=None, **_PLAIN_ATTRIBUTES)


def soup_from_tree(root: Any) -> Any:
    """The soup of the lxml HTML tree under ``root``, without serialising and parsing it again.

    ``root`` must hold only elements (the pruning step drops comments and
    processing instructions). Iterative, so a deeply nested page is no
    problem for Python's recursion limit.

    >>> root = lxml.etree.fromstring("<p>Hi <b>there</b>\\n</p>", lxml.etree.HTMLParser())
    >>> soup = soup_from_tree(root)
    >>> soup.p.b.get_text(), soup.p.contents[-1] == "\\n", soup.b.next_element == "there"
    ('there', True, True)
    """
    soup = new_soup("")
    builder = soup.builder
    containers: dict[str, type[NavigableString]] = builder.string_containers
    keeps_spaces = builder.preserve_whitespace_tags
    # The namespace prefixes bs4's lxml builder gives every tag of an HTML page.
    prefixes = getattr(builder, "active_namespace_prefixes", [{}])[-1]
    parents: list[Any] = [soup]
    kinds: list[str] = []  # the open tags that choose a string class, innermost last
    preserving = 0  # how many open tags keep whitespace as written (pre, textarea)
    last: Any = None  # the element made last, in document order

    def add_string(text: str, parent: Any) -> Any:
        if not preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        kind = containers.get(kinds[-1], NavigableString) if kinds else NavigableString
        string = kind(text)
        string.setup(parent, last)
        parent.contents.append(string)
        return string

    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            name = element.tag
            parent = parents[-1]
            tag = Tag(
                parser=soup, builder=builder, name=name, attrs=dict(element.attrib), parent=parent,
                previous=last, namespaces=prefixes,
            )
            parent.contents.append(tag)
            last = tag
            parents.append(tag)
            if name in keeps_spaces:
                preserving += 1
            if name in containers:
                kinds.append(name)
            text = element.text
            if text:
                last = add_string(text, tag)
        else:
            name = parents.pop().name
            if name in keeps_spaces:
                preserving -= 1
            if name in containers:
                kinds.pop()
            tail = element.tail
            if tail and element is not root:
                last = add_string(tail, parents[-1])
    return soup
