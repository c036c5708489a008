"""What a rule returns when it applies (re-exported by ``copydesk._classify.table``)."""

from __future__ import annotations

import attrs

from .._model import BlockKind


@attrs.frozen
class Match:
    """What a rule returns when it applies: why, and, for a split block, the parts.

    ``parts`` is empty when the whole block gets the rule's label; otherwise it
    lists ``(kind, text)`` pairs that replace the block, in order.

    >>> Match("starts with a place name and a colon").reason
    'starts with a place name and a colon'
    """

    reason: str
    parts: tuple[tuple[BlockKind, str], ...] = ()
