"""Small HTML pages the metadata tests build around the markup they test."""

from __future__ import annotations

#: A paragraph long enough to be the story's body.
BODY = "<p>" + "The council voted on the new budget after a long debate about roads and schools. " * 4 + "</p>"
HEADING = "<h1>Budget passes after debate</h1>"


def page(head: str = "", article: str = "", before: str = "") -> str:
    """A page: ``head`` in the head, ``before`` ahead of the article, ``article`` between its heading and body."""
    return f"<html><head>{head}</head><body>{before}<article>{HEADING}{article}{BODY}</article></body></html>"


def json_ld(data: str) -> str:
    """A JSON-LD script element holding ``data``."""
    return f'<script type="application/ld+json">{data}</script>'
