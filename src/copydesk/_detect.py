"""Tell HTML input from plain text."""

from __future__ import annotations

import codecs
import re

from ._text.decode import wide_unicode

# What a page opens with, tried at one position once the BOM, whitespace and comments are
# skipped (by ``_skip_preamble``, a loop: a regex such as ``(?:<!--.*?-->\s*)*`` backtracks
# exponentially over many comments, issue 12).
_HTML_OPENING = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE)
_WHITESPACE = b" \t\n\r\f\v"
_BOM = b"\xef\xbb\xbf"
_MAX_COMMENT = 2000  # bytes: a longer leading comment is not a page's preamble


def _skip_preamble(head: bytes) -> int:
    """Where the first tag may start: after a BOM, whitespace and leading comments (linear).

    >>> _skip_preamble(b"<!-- a --> <!----><html>")
    18
    """
    position = len(_BOM) if head.startswith(_BOM) else 0
    while True:
        while position < len(head) and head[position] in _WHITESPACE:
            position += 1
        if not head.startswith(b"<!--", position):
            return position
        end = head.find(b"-->", position + 4, position + 4 + _MAX_COMMENT + 3)
        if end < 0:
            return position
        position = end + 3


_TAG = re.compile(rb"</?(?:p|div|span|a|br|article|section|h[1-6]|script|style|ul|li)\b[^>]{0,500}>", re.I)


def looks_like_html(data: str | bytes) -> bool:
    """True when ``data`` looks like an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("Title\\n\\nA <b>bold</b> claim.")
    False
    """
    head = (data.encode("utf-8", "replace") if isinstance(data, str) else _ascii_compatible(data))[:4096]
    if _HTML_OPENING.match(head, _skip_preamble(head)):
        return True
    return len(_TAG.findall(head)) >= 5


def _ascii_compatible(data: bytes) -> bytes:
    """The start of ``data`` re-encoded as UTF-8 when it is UTF-16/32 (with a BOM or without one).

    >>> _ascii_compatible("<html>".encode("utf-16-le"))
    b'<html>'
    """
    head = data[:8192]
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(name, errors="replace").encode("utf-8")
    wide = wide_unicode(head)
    if wide is None:
        return data
    return head.decode(wide, errors="replace").encode("utf-8")


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
