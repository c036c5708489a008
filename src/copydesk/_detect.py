"""Tell HTML input from plain text."""

from __future__ import annotations

import codecs
import re

from ._text.decode import wide_unicode

# Anchored at the start (after optional BOM/whitespace/comments), bounded
# look-ahead: a doctype or one of the tags a page opens with.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(rb"</?(?:p|div|span|a|br|article|section|h[1-6]|script|style|ul|li)\b[^>]{0,500}>", re.I)


def looks_like_html(data: str | bytes) -> bool:
    """True when ``data`` looks like an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("Title\\n\\nA <b>bold</b> claim.")
    False
    """
    head = (data.encode("utf-8", "replace") if isinstance(data, str) else _ascii_compatible(data))[:4096]
    if _HTML_START.match(head):
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
