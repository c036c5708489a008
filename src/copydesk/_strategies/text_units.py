"""The units of a rendered text: the logical lines of a dump and the plan that collects them with the truth.

>>> Unit(BlockKind.PARAGRAPH, "Hello.", "Hello.").lines
(0, 0)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import hypothesis.strategies as st

from .._model import BlockKind, Caption, Credit, Dateline, Timestamp

#: A Hypothesis ``draw`` function.
Draw = Callable[[st.SearchStrategy[Any]], Any]


def clean(text: str) -> str:
    """``text`` with runs of whitespace made single spaces and the ends stripped."""
    return " ".join(text.split())


def chance(draw: Draw, weight: float) -> bool:
    """True with probability ``weight``; shrinks towards False (less noise)."""
    if weight <= 0.0:
        return False
    if weight >= 1.0:
        return True
    return bool(draw(st.integers(0, 999)) >= round(1000 * (1.0 - weight)))


@attrs.define
class Unit:
    """One logical line of the dump: what it shows and what it stands for."""

    kind: BlockKind
    shown: str
    truth: str
    #: Residue "À " may open it (a paragraph in a language without the word "À").
    residue_start: bool = False
    lines: tuple[int, int] = (0, 0)


@attrs.define
class Plan:
    """The units in order and the truth fields read from them."""

    units: list[Unit] = attrs.Factory(list)
    title: str | None = None
    authors: tuple[str, ...] = ()
    byline: Unit | None = None
    published: Timestamp | None = None
    updated: Timestamp | None = None
    dateline: Dateline | None = None
    credits: list[Credit] = attrs.Factory(list)
    captions: list[tuple[Caption, list[Unit]]] = attrs.Factory(list)
