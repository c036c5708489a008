"""Bidi controls out of an Article's fields, the repair recorded (issue 12: a spoofing risk).

The fields a reader sees as labels (title, subtitle, names, byline,
dateline, credits, captions, pull quotes, site name, description, tags and
the rest) lose the bidi embedding, override and isolate controls (see
:mod:`copydesk._lexicon.bidi`): an override can make a name or a title show
as something it does not say. The blocks keep the text as the input had it
(they are the record of the input), and the repair ``bidi_controls`` says
how many were taken out of the fields. Both front ends run this last.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._lexicon.bidi import strip_bidi_controls
from ._model import Article, Repair

#: Article fields that are the input's record or bookkeeping, not labels: left as they are.
_KEPT = frozenset({"blocks", "repairs", "diagnostics", "provenance"})

REPAIR_NAME = "bidi_controls"


class _Tally:
    """How many controls were taken out, and the first field that had them."""

    def __init__(self) -> None:
        self.count = 0
        self.example = ""

    def clean(self, value: Any) -> Any:
        """``value`` (a string, a tuple or an attrs value) with the controls out of every string in it."""
        if isinstance(value, str):
            cleaned, count = strip_bidi_controls(value)
            if count:
                self.count += count
                self.example = self.example or f"{value!r} -> {cleaned!r}"
            return cleaned
        if isinstance(value, tuple):
            items = tuple(self.clean(item) for item in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if attrs.has(type(value)):
            changes = {}
            for field in attrs.fields(type(value)):
                old = getattr(value, field.name)
                new = self.clean(old)
                if new is not old:
                    changes[field.name] = new
            return attrs.evolve(value, **changes) if changes else value
        return value


def clean_fields(article: Article) -> Article:
    """``article`` with the bidi controls out of its fields and a ``bidi_controls`` repair, when it had any.

    >>> a = clean_fields(Article(title="Storm \\u202ehits\\u202c the coast", authors=("Jane \\u2067Doe\\u2069",)))
    >>> a.title, a.authors, [(r.name, r.count) for r in a.repairs]
    ('Storm hits the coast', ('Jane Doe',), [('bidi_controls', 4)])
    >>> clean_fields(Article(title="Plain")) == Article(title="Plain")
    True
    """
    tally = _Tally()
    changes = {}
    for field in attrs.fields(Article):
        if field.name in _KEPT:
            continue
        old = getattr(article, field.name)
        new = tally.clean(old)
        if new is not old:
            changes[field.name] = new
    if not tally.count:
        return article
    repair = Repair(REPAIR_NAME, tally.count, tally.example)
    return attrs.evolve(article, **changes, repairs=(*article.repairs, repair))
