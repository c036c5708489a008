"""Tree surgery on the lxml tree before the soup is built, in linear time (issue 12).

:class:`Ancestry` answers, for the chrome check of :mod:`.load`, whether an
element sits inside the story's ``article``/``main`` and whether it holds an
``h1``, remembering each answer; :func:`remove_all` takes the dropped elements
out, keeping the text that follows each. Both replace per-element walks that
were quadratic on hostile pages (nested ``<header>``, ``<img>ab`` repeated).
"""

from __future__ import annotations

from typing import Any

import lxml.etree

__all__ = ["Ancestry", "Doomed", "remove_all"]

#: The tag a doomed element is renamed to until one C-level pass removes them all: upper case,
#: so no parsed HTML element has it (the HTML parser lower-cases every tag name).
_DOOMED_TAG = "COPYDESK-DROPPED"


class Ancestry:
    """Which elements sit inside the story's ``article``/``main`` and which hold an ``h1``, each found once.

    Asking an element's ancestors or its subtree afresh for every candidate
    was quadratic on nested ``<header>`` or ``<aside>`` elements (issue 12);
    here each element's answer is remembered, so a page costs linear time.

    >>> import lxml.etree
    >>> root = lxml.etree.fromstring("<body><article><aside>a</aside></article><header><h1>T</h1></header>"
    ...                              "<footer>f</footer></body>", lxml.etree.HTMLParser())
    >>> ancestry = Ancestry(root)
    >>> [(e.tag, ancestry.in_main(e), ancestry.holds_h1(e)) for e in root.iter("aside", "header", "footer")]
    [('aside', True, False), ('header', False, True), ('footer', False, False)]
    """

    def __init__(self, root: Any) -> None:
        self._in_main: dict[Any, bool] = {}
        self._holds_h1: set[Any] = set()
        for heading in root.iter("h1"):
            node = heading.getparent()
            while node is not None and node not in self._holds_h1:
                self._holds_h1.add(node)
                node = node.getparent()

    def in_main(self, element: Any) -> bool:
        """True when an ancestor of ``element`` is an ``article``, a ``main`` or has ``role=main``."""
        path = []
        node = element.getparent()
        found = False
        while node is not None:
            known = self._in_main.get(node)
            if known is not None:
                found = known
                break
            if node.tag in ("article", "main") or node.get("role") == "main":
                found = True
                break
            path.append(node)
            node = node.getparent()
        for passed in path:  # each of them has the answer: its ancestors are the same ones
            self._in_main[passed] = found
        return found

    def holds_h1(self, element: Any) -> bool:
        """True when ``element`` has an ``h1`` among its descendants."""
        return element in self._holds_h1


def remove_all(doomed: list[Any]) -> None:
    """Take the ``doomed`` elements (in document order, none inside another) out, keeping the text after each.

    A removed element's tail joins the text before it (the previous kept
    sibling's tail, or the parent's text). The tails of a run of removed
    siblings are joined once: appending them one by one copied a growing
    string per element, quadratic on ``<img>ab`` repeated (issue 12).

    >>> import lxml.etree
    >>> root = lxml.etree.fromstring("<p>x<img>a<img>b<b>c</b><img>d</p>", lxml.etree.HTMLParser())
    >>> remove_all(list(root.iter("img")))
    >>> lxml.etree.tostring(root, method="html", encoding="unicode")
    '<html><body><p>xab<b>c</b>d</p></body></html>'
    """
    run: list[Any] = []
    for element in doomed:
        if run and element.getprevious() is not run[-1]:
            remove_run(run)
            run = []
        run.append(element)
    if run:
        remove_run(run)


def remove_run(run: list[Any]) -> None:
    """Remove a run of adjacent siblings, their tails joined to the text before the first."""
    parent = run[0].getparent()
    if parent is None:
        return
    tails = "".join(tail for child in run if (tail := child.tail) and not tail.isspace())
    if tails:
        previous = run[0].getprevious()
        try:
            if previous is not None:
                previous.tail = (previous.tail or "") + tails
            else:
                parent.text = (parent.text or "") + tails
        except ValueError:  # pragma: no cover - text lxml will not hold; keep the elements
            return
    for child in run:
        parent.remove(child)


class Doomed:
    """The elements to drop before the soup: counted by reason when marked, removed in one pass.

    Holding a Python proxy for each of many thousand dropped elements (a page of
    ``<img>`` repeated) made the garbage collector's passes grow with them;
    instead an element is renamed to a mark and :func:`lxml.etree.strip_elements`
    removes every marked one at the end, keeping the text that follows each.
    Only comments and processing instructions, which have no name to change,
    are held (the loader cut most comments before lxml saw the page).

    >>> root = lxml.etree.fromstring("<p>a<img>b<button>Go</button>c</p>", lxml.etree.HTMLParser())
    >>> doomed = Doomed()
    >>> for element in list(root.iter("img", "button")):
    ...     doomed.add(element, "form control" if element.tag == "button" else "")
    >>> doomed.remove(root)
    >>> lxml.etree.tostring(root, method="html", encoding="unicode"), doomed.counts
    ('<html><body><p>abc</p></body></html>', {'form control': [1, 2]})
    """

    def __init__(self) -> None:
        #: reason -> [elements, characters of text], for the reasons given (not "").
        self.counts: dict[str, list[int]] = {}
        self._unnamed: list[Any] = []

    def add(self, element: Any, reason: str) -> None:
        """Mark ``element`` (with all it holds) to be dropped, counted under ``reason`` unless empty."""
        if reason:
            entry = self.counts.setdefault(reason, [0, 0])
            entry[0] += 1
            entry[1] += text_chars(element)
        if not isinstance(element.tag, str):
            self._unnamed.append(element)
            return
        tail = element.tail
        if tail is not None and tail.isspace():
            element.tail = None  # as before: only text that says something joins the text before
        element.tag = _DOOMED_TAG

    def remove(self, root: Any) -> None:
        """Drop every marked element, keeping the text after each."""
        lxml.etree.strip_elements(root, _DOOMED_TAG, with_tail=False)
        remove_all(self._unnamed)


def text_chars(element: Any) -> int:
    """The number of characters of text in ``element`` (0 when lxml cannot say)."""
    try:
        return len("".join(element.itertext()).strip())
    except (ValueError, TypeError):  # pragma: no cover - lxml oddities
        return 0
