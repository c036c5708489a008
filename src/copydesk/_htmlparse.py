"""The HTML front end: :func:`parse_html` (placeholder until the HTML front end lands)."""

from __future__ import annotations

from typing import Any

from ._config import DEFAULT_CONFIG, ParseConfig
from ._model import Article


def parse_html(
    html: str | bytes | Any,
    *,
    url: str | None = None,
    content_type: str | None = None,
    config: ParseConfig = DEFAULT_CONFIG,
) -> Article:
    """Parse an HTML page into an :class:`~copydesk.Article`.

    >>> parse_html("<html><body><h1>T</h1><p>Body text.</p></body></html>").title
    'T'
    """
    from bs4 import BeautifulSoup

    from ._text import parse_text

    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    return parse_text(soup.get_text("\n\n"), url=url, config=config)
