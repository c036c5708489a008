"""Where each block came from: lines of the decoded page for the elements of the pruned markup.

The loader cuts scripts, styles and comments out of the decoded page before
lxml parses it (:func:`~copydesk._html.load.strip_markup`), so the line
lxml gives an element (``sourceline``) counts the lines of the *stripped*
markup. :class:`LineMap` turns it back into a line of the decoded page,
from the line breaks each cut removed and where it removed them.
:func:`~copydesk._html.load.prune_tree` writes that line on every element
that opens a text block, as the :data:`LINE_ATTRIBUTE` attribute (the soup
builder does not keep lxml's line numbers); the content walk reads it back.

Lines are 1-based and counted the way lxml counts them: a ``\\n`` ends a
line, and an element's line is the line where its start tag ends. lxml
stops counting at line 65,535; an element past that has no known line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any

#: The attribute that carries an element's line in the decoded page through the soup.
LINE_ATTRIBUTE = "data-copydesk-line"

#: lxml keeps line numbers in 16 bits: this value means "here or further down".
_LAST_COUNTED_LINE = 65535

_START_TAGS: dict[str, re.Pattern[str]] = {}


def _start_tag(tag: str) -> re.Pattern[str]:
    """A pattern for the opening of a ``tag`` start tag: ``<tag`` then a space, ``/`` or ``>``."""
    pattern = _START_TAGS.get(tag)
    if pattern is None:
        # A literal tag name and one character class: linear.
        pattern = _START_TAGS[tag] = re.compile("<" + re.escape(tag) + r"[\s/>]", re.IGNORECASE)
    return pattern


class LineMap:
    """Lines of the stripped markup mapped back to lines of the page it was cut from.

    ``cuts`` are ``(offset, newlines)`` pairs in offset order: at ``offset``
    of ``text`` (the stripped markup) a piece holding ``newlines`` line
    breaks was cut out. An element on a line of ``text`` that holds no such
    cut maps by adding the line breaks cut before the line. On a line that
    does, which side of the cut the element sits on depends on where its
    start tag is: :meth:`locate` finds the start tags of the elements on
    such lines, in document order, before :meth:`page_line` is asked.

    >>> import lxml.etree
    >>> page = '<p>a</p>\\n<script>\\nx()\\n</script><div>b</div>\\n<p>c</p>'
    >>> text = '<p>a</p>\\n<div>b</div>\\n<p>c</p>'  # the script (2 line breaks) cut at offset 9
    >>> root = lxml.etree.fromstring(text, lxml.etree.HTMLParser())
    >>> lines = LineMap(text, [(9, 2)])
    >>> [(e.tag, lines.page_line(e)) for e in root.iter("p", "div")]
    [('p', 1), ('div', 4), ('p', 5)]
    >>> text = '<div><p>a</p><div>b</div></div>'  # a 3-line comment cut after </p>
    >>> root = lxml.etree.fromstring(text, lxml.etree.HTMLParser())
    >>> lines = LineMap(text, [(13, 3)])
    >>> lines.locate(root, {"div", "p"})
    >>> [(e.tag, lines.page_line(e)) for e in root.iter("div", "p")]
    [('div', 1), ('p', 1), ('div', 4)]
    """

    __slots__ = ("_ambiguous", "_bases", "_located", "_newlines_before", "_offsets", "_text")

    def __init__(self, text: str, cuts: Sequence[tuple[int, int]]) -> None:
        self._text = text
        kept = [(offset, newlines) for offset, newlines in cuts if newlines]
        self._offsets = [offset for offset, _newlines in kept]
        # _newlines_before[i]: the line breaks cut before the i-th cut.
        self._newlines_before = [0, *accumulate(newlines for _offset, newlines in kept)]
        # _bases[line]: the line breaks cut before the start of ``line`` (None: no cut at all).
        self._bases: list[int] | None = None
        # Lines of ``text`` with a cut inside them: their start, end and the previous line's start.
        self._ambiguous: dict[int, tuple[int, int, int]] = {}
        self._located: dict[Any, int] = {}
        if not kept:
            return
        added = [0] * (text.count("\n") + 3)
        line, counted = 1, 0  # the line of offset ``counted``
        for offset, newlines in kept:
            line += text.count("\n", counted, offset)
            counted = offset
            start = text.rfind("\n", 0, offset) + 1
            if offset == start:
                added[line] += newlines  # before the whole line
                continue
            added[line + 1] += newlines  # counts from the next line on
            end = text.find("\n", offset)
            if end < 0:
                end = len(text)
            if offset < end and line not in self._ambiguous:
                previous = text.rfind("\n", 0, start - 1) + 1 if start else 0
                self._ambiguous[line] = (start, end, previous)
        self._bases = list(accumulate(added))

    def _page_line_at(self, line: int, position: int) -> int:
        """The page line of ``position``, on ``line`` (one with a cut inside it) of the stripped markup."""
        start = self._ambiguous[line][0]
        before = bisect_right(self._offsets, start)  # cuts at or before the line's start
        inside = bisect_right(self._offsets, position, lo=before)  # and those before ``position``
        return line + self._newlines_before[inside]

    def locate(self, root: Any, tags: Iterable[str]) -> None:
        """Find the start tags of the ``tags`` elements of ``root`` that sit on a line with a cut inside it.

        Every such element is looked at in document order (those the caller
        will not ask about too: its start tag is in the text all the same),
        and the k-th ``<div`` on a line is the k-th ``div`` element lxml puts
        on that line. A start tag that cannot be found (an element the parser
        implied) leaves its element at the line's start.
        """
        if not self._ambiguous:
            return
        cursors: dict[tuple[int, str], int] = {}
        for element in root.iter(*tags):
            line = element.sourceline
            if line not in self._ambiguous:
                continue
            tag = element.tag
            position = self._tag_end(tag, line, cursors)
            if position is not None:
                self._located[element] = self._page_line_at(line, position)

    def _tag_end(self, tag: str, line: int, cursors: dict[tuple[int, str], int]) -> int | None:
        """Where the next ``tag`` start tag that ends on ``line`` ends (its ``>``), or None."""
        start, end, previous = self._ambiguous[line]
        key = (line, tag)
        # A start tag may begin on the line before the one it ends on.
        cursor = cursors.get(key, previous)
        pattern = _start_tag(tag)
        while True:
            match = pattern.search(self._text, cursor, end)
            if match is None:
                return None
            close = self._text.find(">", match.end() - 1, end)
            if close < 0:
                return None
            cursor = close + 1
            if close >= start:
                cursors[key] = cursor
                return close

    def page_line(self, element: Any) -> int | None:
        """The line of the decoded page where lxml ``element``'s start tag ends, or None when unknown."""
        line = element.sourceline
        if line is None or not 0 < line < _LAST_COUNTED_LINE:
            return None
        bases = self._bases
        if bases is None:
            return int(line)
        if line >= len(bases):
            return None
        if line in self._ambiguous:
            located = self._located.get(element)
            if located is not None:
                return located
        return int(line + bases[line])
