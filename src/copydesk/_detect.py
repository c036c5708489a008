"""Tell HTML input from plain text."""

from __future__ import annotations

import re

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
    head = (data.encode("utf-8", "replace") if isinstance(data, str) else data)[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 5
