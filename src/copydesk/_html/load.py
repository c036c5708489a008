"""Load an HTML page: decode it, drop what no later stage reads, build the soup.

The expensive step of the HTML front end is building the BeautifulSoup tree
(tens of microseconds per node), so the loader removes, before the soup is
built, everything that cannot hold article text or metadata:

1. :func:`strip_markup` (a linear scan with ``str.find`` and anchored regexes)
   cuts ``<script>`` (but keeps ``type="application/ld+json"``, which holds
   metadata), ``<style>``, ``<svg>``, ``<noscript>``, ``<template>``,
   ``<iframe>``, comments and processing instructions.
2. :func:`prune_tree` parses the rest with lxml (about a millisecond), drops
   form controls and media elements, site chrome outside the article
   (``nav`` anywhere; ``header``/``footer``/``aside`` and their ARIA roles
   outside ``article``/``main``, unless they hold the page's ``h1``), and
   whitespace-only text between block elements, writes on each element that
   opens a text block the line of the decoded page it starts on
   (:mod:`~copydesk._html.sourcelines`).
   The text dropped is counted per reason (:class:`Dropped`), so nothing is
   lost silently.
3. The soup is built from that lxml tree by
   :func:`~copydesk._html.soup_tree.soup_from_tree`, without serialising and
   parsing it again. A page that lxml cannot take whole (deeper than its
   nesting limit, say) skips step 2 and its soup is built with
   ``BeautifulSoup(markup, "lxml")``.

A soup the caller already built is used as is (see :func:`load_html`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs
import lxml.etree
from bs4 import BeautifulSoup

from .._config import ParseConfig
from .._model import Diagnostic
from .._text.decode import decode_bytes
from .._text.repair import clean_control_characters
from .prune_tree import Ancestry, Doomed, text_chars
from .soup_tree import new_soup, soup_from_tree
from .sourcelines import LINE_ATTRIBUTE, LineMap

#: Tags whose whole content is dropped before the soup is built (and skipped
#: by the content walker when the caller hands in a soup of their own).
SKIPPED_TAGS = frozenset(
    {"script", "style", "svg", "noscript", "template", "iframe", "head_script"}
)
#: Form controls and media: no article text (button/label text is counted).
CONTROL_TAGS = frozenset(
    {
        "select", "option", "optgroup", "button", "input", "textarea", "label", "img",
        "picture", "source", "video", "audio", "object", "embed", "canvas", "map", "area",
        "track", "dialog", "datalist", "output", "progress", "meter",
    }
)
#: Chrome tags: dropped outside the article (``nav`` everywhere).
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
#: ARIA roles that mark site chrome.
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
#: Elements that start a new block of text: whitespace next to them means nothing.
BLOCK_TAGS = frozenset(
    {
        "html", "head", "body", "div", "p", "section", "article", "main", "header", "footer",
        "nav", "aside", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
        "tr", "td", "th", "caption", "colgroup", "col", "figure", "figcaption", "blockquote",
        "form", "fieldset", "legend", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address",
        "details", "summary", "center", "hgroup", "menu", "title", "meta", "link", "base",
        "noscript", "br",
    }
)

#: Elements that open a block of text of their own in the content walk (and carry their page line).
FRAME_TAGS = (BLOCK_TAGS | {"pre", "li", "dt", "dd", "tr", "figure", "figcaption", "address"}) - {
    "br", "td", "th", "meta", "link", "base", "title", "head",
}

_STRIP_CLOSERS = ("script", "style", "svg", "noscript", "template", "iframe")
# An opening tag of an element stripped whole, a comment, a processing
# instruction or a <!...> declaration. One alternation of literals followed by
# a word boundary: no repetition at all, so each search is linear.
_STRIP_OPEN = re.compile(r"<(?:(script|style|svg|noscript|template|iframe)\b|!--|\?|!(?!--))", re.I)
# The closing tag of one stripped element: a literal, then \s* and ">":
# a single bounded-choice repetition, linear.
_CLOSERS = {name: re.compile(rf"</{name}\s*>", re.I) for name in _STRIP_CLOSERS}


@attrs.frozen
class Dropped:
    """Text left out before the content is chosen: why, how many elements, how many characters.

    >>> Dropped("nav", 2, 120).chars
    120
    """

    reason: str
    elements: int
    chars: int


@attrs.frozen
class LoadedPage:
    """The soup of a page with what was learnt while loading it.

    >>> page = load_html("<p>Hi</p>")
    >>> page.soup.p.get_text(), page.encoding
    ('Hi', None)
    """

    soup: Any
    encoding: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    dropped: tuple[Dropped, ...] = ()


# -- decoding ----------------------------------------------------------------

# charset=NAME inside a Content-Type value. A bounded name class, linear.
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.+-]{1,40})", re.I)
# <meta charset=...> or <meta http-equiv content="...charset=...">: "<meta",
# then at most 500 non-">" characters (bounded, so each try is short), then
# the charset name.
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]{1,40})", re.I
)
def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares: the HTTP header first, then ``<meta>`` in its first 4 KB.

    The name is returned as the page writes it (lower case); :func:`~copydesk._text.decode.charset_name`
    reads it the way browsers do when the bytes are decoded.

    >>> declared_charset(b'<meta charset="ISO-8859-1">')
    'iso-8859-1'
    >>> declared_charset(b"<p>x</p>", "text/html; charset=UTF-8")
    'utf-8'
    >>> declared_charset(b"<p>x</p>") is None
    True
    """
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        if header:
            return header.group(1).strip().lower()
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        return meta.group(1).decode("ascii", "replace").strip().lower()
    return None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode page bytes: BOM, then the declared charset, then detection. Never raises.

    Mixed UTF-8/cp1252 bytes and undecodable bytes are handled by
    :func:`copydesk._text.decode.decode_bytes`, which reports them as diagnostics.

    >>> decode_html('<meta charset="cp1252"><p>caf\\xe9</p>'.encode("cp1252"))[:2]
    ('<meta charset="cp1252"><p>café</p>', 'cp1252')
    >>> decode_html("<p>café</p>".encode())[1]
    'utf-8'
    """
    declared = declared_charset(data, content_type)
    return decode_bytes(data, declared)


# -- stripping ---------------------------------------------------------------


def strip_markup(html: str) -> tuple[str, int]:
    """Cut scripts (not JSON-LD), styles, SVG, noscript, templates, iframes and comments.

    Returns the markup left and how many pieces were cut. An element left
    open runs to the end of the page, the way a browser reads it. Linear in
    the input: every search starts where the previous one ended.

    >>> strip_markup('<p>a</p><script>x<y</script><!-- c --><p>b</p>')
    ('<p>a</p><p>b</p>', 2)
    >>> strip_markup('<script type="application/ld+json">{}</script>')[0]
    '<script type="application/ld+json">{}</script>'
    """
    markup, cut, _cuts = _strip(html)
    return markup, cut


def _strip(html: str) -> tuple[str, int, list[tuple[int, int]]]:
    """:func:`strip_markup`, with the cuts: (offset in the markup left, line breaks cut there)."""
    out: list[str] = []
    cuts: list[tuple[int, int]] = []  # (offset in the output, line breaks cut there)
    size = 0  # characters output so far
    pos = 0
    cut = 0
    end = len(html)
    while pos < end:
        match = _STRIP_OPEN.search(html, pos)
        if match is None:
            out.append(html[pos:])
            break
        start = match.start()
        out.append(html[pos:start])
        size += start - pos
        name = match.group(1)
        token = match.group(0)
        cut += 1
        if name is None:
            if token == "<!--":
                close = html.find("-->", match.end())
                if close < 0:
                    break
                pos = close + 3
                cuts.append((size, html.count("\n", start, pos)))
            else:
                # <?...> and <!DOCTYPE ...>/<![CDATA[...]> end at the next ">".
                close = html.find(">", match.end())
                if close < 0:
                    break
                pos = close + 1
                if token != "<?":
                    # Keep the doctype (it sets the parser's mode); count only real cuts.
                    out.append(html[start:pos])
                    size += pos - start
                    cut -= 1
                else:
                    cuts.append((size, html.count("\n", start, pos)))
            continue
        tag_end = html.find(">", match.end())
        if tag_end < 0:
            break
        name = name.lower()
        closer = _CLOSERS[name].search(html, tag_end + 1)
        stop = closer.end() if closer is not None else end
        if name == "script" and "ld+json" in html[match.end() : tag_end].lower():
            out.append(html[start:stop])
            size += stop - start
            cut -= 1
        else:
            cuts.append((size, html.count("\n", start, stop)))
        pos = stop
    return "".join(out), cut, cuts


# -- pruning with lxml -------------------------------------------------------


def _is_chrome(element: Any, tag: str, ancestry: Ancestry) -> str | None:
    """The reason ``element`` is site chrome worth dropping before the soup, or None."""
    if tag == "nav":
        return "nav"
    role = element.get("role")
    if tag in CHROME_TAGS or (role is not None and role.lower() in CHROME_ROLES):
        if ancestry.in_main(element):
            return None
        # A header that carries the page's main heading may carry its byline too.
        if ancestry.holds_h1(element):
            return None
        return tag if tag in CHROME_TAGS else f"role={role}"
    return None


def prune_markup(html: str, lines: LineMap | None = None) -> tuple[str | None, tuple[Dropped, ...]]:
    """:func:`prune_tree`, serialised: the pruned markup (None when lxml cannot) and what was dropped.

    >>> markup, dropped = prune_markup("<body><nav><a>Home</a></nav><article><p>Hi</p></article></body>")
    >>> "Home" in markup, dropped
    (False, (Dropped(reason='nav', elements=1, chars=4),))
    >>> prune_markup("<body>\\n<p>Hi</p>\\n<div>\\n<p>there</p></div></body>", LineMap("", []))[0]
    '<html><body><p data-copydesk-line="2">Hi</p><div><p data-copydesk-line="4">there</p></div></body></html>'
    """
    root, dropped = prune_tree(html, lines)
    if root is None:
        return None, ()
    return lxml.etree.tostring(root, method="html", encoding="unicode"), dropped


def prune_tree(html: str, lines: LineMap | None = None) -> tuple[Any, tuple[Dropped, ...]]:
    """Drop controls, media, site chrome and blank text between blocks; None when lxml cannot.

    Returns the pruned lxml tree (its root element) and what was dropped with
    its reason. With ``lines`` (how ``html``'s lines map to the page's), every
    element that opens a text block (:data:`FRAME_TAGS`) and may hold text of
    its own gets its page line as the ``data-copydesk-line`` attribute
    (:mod:`~copydesk._html.sourcelines`); the content walk gives the others
    their parent's.

    >>> root, dropped = prune_tree("<body><nav><a>Home</a></nav><article><p>Hi</p></article></body>")
    >>> [e.tag for e in root.iter()], dropped
    (['html', 'body', 'article', 'p'], (Dropped(reason='nav', elements=1, chars=4),))
    """
    # The plain etree parser: lxml.html's element classes cost a Python call per element.
    parser = lxml.etree.HTMLParser(huge_tree=True)
    try:
        root = lxml.etree.fromstring(html, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None, ()
    if root is None or any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        return None, ()
    if lines is not None:
        lines.locate(root, FRAME_TAGS)
    doomed = Doomed()
    preformatted: set[Any] = set()
    for pre in root.iter("pre", "textarea", "code"):
        preformatted.update(pre.iter())
    ancestry = Ancestry(root)
    walker = lxml.etree.iterwalk(root, events=("start",))
    for _event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            doomed.add(element, "")
            walker.skip_subtree()
            continue
        if tag in CONTROL_TAGS:
            doomed.add(element, _control_reason(element, tag))
            walker.skip_subtree()
            continue
        reason = _is_chrome(element, tag, ancestry)
        if reason is not None:
            doomed.add(element, reason)
            walker.skip_subtree()
            continue
        holds_text = True
        if tag in BLOCK_TAGS and element not in preformatted:
            holds_text = _drop_blank_text(element)
        if lines is not None and holds_text and tag in FRAME_TAGS:
            # Only a block that may give text lines of its own needs its line.
            line = lines.page_line(element)
            if line is not None:
                element.set(LINE_ATTRIBUTE, str(line))
    doomed.remove(root)
    dropped = tuple(Dropped(reason, n, chars) for reason, (n, chars) in doomed.counts.items())
    return root, dropped


#: Media elements: dropped before the soup (their fallback text counted).
MEDIA_TAGS = frozenset(
    {"img", "picture", "source", "video", "audio", "object", "embed", "canvas", "map", "area", "track"}
)
#: Media elements that may hold fallback text ("Your browser cannot play this video").
_MEDIA_WITH_TEXT = frozenset({"picture", "video", "audio", "object", "canvas", "map"})


def _control_reason(element: Any, tag: str) -> str:
    """Why a form control or media element is dropped; "" for media with no text (nothing is lost).

    >>> root = lxml.etree.fromstring("<div><video>Cannot play</video><img/></div>", lxml.etree.HTMLParser())
    >>> [_control_reason(e, e.tag) for e in root.iter("video", "img")]
    ['media fallback text', '']
    """
    if tag not in MEDIA_TAGS:
        return "form control"
    if tag in _MEDIA_WITH_TEXT and text_chars(element):
        return "media fallback text"
    return ""


def _drop_blank_text(element: Any) -> bool:
    """Remove whitespace-only text that sits between block boundaries inside ``element``.

    Returns whether text of the element's own may remain: text directly in
    it, or a child that is no text block of its own (an inline element, a
    table cell, a ``<br>``), whose text the content walk gives to this element.
    """
    # One child and the next at a time, never a list of them all: a list of many thousand
    # proxies makes the garbage collector's passes grow with the page (issue 12).
    first = next(iter(element), None)
    text = element.text
    if text is not None and text.isspace() and (first is None or first.tag in BLOCK_TAGS):
        element.text = None
        text = None
    holds_text = text is not None
    child = first
    while child is not None:
        following = child.getnext()
        child_tag = child.tag
        if child_tag not in FRAME_TAGS:
            holds_text = True
        tail = child.tail
        if tail is not None:
            if not tail.isspace():
                holds_text = True
            elif child_tag in BLOCK_TAGS or following is None or following.tag in BLOCK_TAGS:
                child.tail = None
            else:
                holds_text = True
        child = following
    return holds_text


# -- the whole loader --------------------------------------------------------


def load_html(
    html: str | bytes | Any,
    *,
    content_type: str | None = None,
    config: ParseConfig | None = None,
) -> LoadedPage:
    """Decode ``html`` if needed, strip and prune it, and build the soup. Never raises on content.

    A :class:`bs4.BeautifulSoup` is used as is (not copied, not re-parsed).

    >>> page = load_html(b"<html><body><script>x()</script><p>caf\\xc3\\xa9</p></body></html>")
    >>> page.soup.p.get_text(), page.encoding, page.soup.script is None
    ('café', 'utf-8', True)
    """
    if isinstance(html, BeautifulSoup):
        return LoadedPage(soup=html)
    diagnostics: list[Diagnostic] = []
    encoding: str | None = None
    max_bytes = config.html.max_bytes if config is not None else 64 * 1024 * 1024
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > max_bytes:
            diagnostics.append(
                Diagnostic("input_truncated", f"read the first {max_bytes} of {len(data)} bytes")
            )
            data = data[:max_bytes]
        text, encoding, decode_diags = decode_html(data, content_type)
        diagnostics.extend(decode_diags)
    else:
        text = html
        if len(text) > max_bytes:
            diagnostics.append(
                Diagnostic("input_truncated", f"read the first {max_bytes} of {len(text)} characters")
            )
            text = text[:max_bytes]
    if text.startswith("\ufeff"):
        text = text[1:]
    cleaned = clean_control_characters(text)
    if cleaned is not text:
        text = cleaned
        diagnostics.append(
            Diagnostic("control_characters", "control characters in the input were removed or made spaces")
        )
    stripped, cut, cuts = _strip(text)
    root, dropped = prune_tree(stripped, LineMap(stripped, cuts)) if stripped.strip() else (None, ())
    soup = new_soup(stripped) if root is None else soup_from_tree(root)
    if cut:
        dropped = (Dropped("script/style/comment", cut, 0), *dropped)
    return LoadedPage(
        soup=soup,
        encoding=encoding,
        diagnostics=tuple(diagnostics),
        dropped=dropped,
    )


def merge_dropped(groups: Iterable[Dropped]) -> tuple[Dropped, ...]:
    """Add up :class:`Dropped` counts that share a reason, keeping first-seen order.

    >>> merge_dropped([Dropped("nav", 1, 3), Dropped("nav", 2, 4)])
    (Dropped(reason='nav', elements=3, chars=7),)
    """
    totals: dict[str, list[int]] = {}
    for group in groups:
        entry = totals.setdefault(group.reason, [0, 0])
        entry[0] += group.elements
        entry[1] += group.chars
    return tuple(Dropped(reason, n, chars) for reason, (n, chars) in totals.items())
