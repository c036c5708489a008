"""The typed result: :class:`~copydesk.Article` and the values it holds, one module per idea.

- :mod:`.kinds`: the enumerations (block kinds, credit roles, time sources);
- :mod:`.timestamp`: :class:`~copydesk.Timestamp`;
- :mod:`.parts`: spans, blocks, datelines, credits, captions, repairs, diagnostics;
- :mod:`.article`: :class:`~copydesk.Article` and its JSON form (:mod:`.convert`).
"""

from .article import SCHEMA_VERSION, Article
from .kinds import BlockKind, CreditRole, TimeSource
from .parts import Block, Caption, Credit, Dateline, Diagnostic, Repair, Span
from .timestamp import Timestamp

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "Credit",
    "CreditRole",
    "Dateline",
    "Diagnostic",
    "Repair",
    "Span",
    "TimeSource",
    "Timestamp",
]
