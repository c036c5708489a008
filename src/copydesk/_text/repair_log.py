"""Bookkeeping of the repair stages: what each fixer changed, counted, with a first example.

>>> log = RepairLog()
>>> log.add("spaces", 2, "'a\\xa0b' -> 'a b'")
>>> [(r.name, r.count) for r in log.repairs()]
[('spaces', 2)]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._model import Repair

#: Characters shown on each side of the first difference in a repair's example.
EXAMPLE_CONTEXT = 24


class RepairLog:
    """Collects (name, count, example) for each kind of repair, in first-seen order."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._examples: dict[str, str] = {}

    def add(self, name: str, count: int, example: str) -> None:
        """Record ``count`` repairs of kind ``name``; keep the first example."""
        if count <= 0:
            return
        self._counts[name] = self._counts.get(name, 0) + count
        self._examples.setdefault(name, example)

    def repairs(self) -> tuple[Repair, ...]:
        """The repairs recorded, one per kind."""
        return tuple(Repair(name, count, self._examples[name]) for name, count in self._counts.items())


def example(before: str, after: str) -> str:
    """A short ``before -> after`` showing where two strings first differ.

    >>> example("the cost\\u00c2 of living", "the cost of living")
    "'the costÂ of living' -> 'the cost of living'"
    """
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    lo = max(0, start - EXAMPLE_CONTEXT)
    return f"{before[lo:start + EXAMPLE_CONTEXT]!r} -> {after[lo:start + EXAMPLE_CONTEXT]!r}"


def sub_counting(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str, name: str, log: RepairLog
) -> str:
    """``pattern.sub`` that logs how many matches changed the text."""
    fixed, count = pattern.subn(replacement, text)
    if count and fixed != text:
        log.add(name, count, example(text, fixed))
        return fixed
    return text
