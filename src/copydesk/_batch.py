"""Parse many inputs: :func:`parse_many` (sequential placeholder until batch lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ._model import Article
from ._text import parse_text


def parse_many(items: Iterable[str | bytes], *, workers: int = 1) -> Iterator[Article]:
    """Parse each item in order.

    >>> [a.title for a in parse_many(["A\\n\\nb.", "C\\n\\nd."])]
    ['A', 'C']
    """
    for item in items:
        yield parse_text(item)
