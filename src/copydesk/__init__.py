"""copydesk: turn messy scraped news into clean, typed articles.

>>> import copydesk
>>> article = copydesk.parse_text("Big news\\n\\nBy Jane Doe\\n\\nIt happened today.")
>>> article.title
'Big news'
"""

from ._batch.engine import BatchItem, BatchResult, BatchStatus, InputKind, WorkerStartError, parse_many
from ._config import (
    ClassifyOptions,
    DateOptions,
    DayFirst,
    HtmlOptions,
    ParseConfig,
    RepairOptions,
    TextOptions,
)
from ._errors import ConfigError, CopydeskError, InputTypeError, SchemaError, TimestampError
from ._html.front import parse_html
from ._model import (
    SCHEMA_VERSION,
    Article,
    Block,
    BlockKind,
    Caption,
    Credit,
    CreditRole,
    Dateline,
    Diagnostic,
    Repair,
    Span,
    TimeSource,
    Timestamp,
)
from ._schema import json_schema
from ._text.front import parse_text
from ._version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "BatchItem",
    "BatchResult",
    "BatchStatus",
    "Block",
    "BlockKind",
    "Caption",
    "ClassifyOptions",
    "ConfigError",
    "CopydeskError",
    "Credit",
    "CreditRole",
    "DateOptions",
    "Dateline",
    "DayFirst",
    "Diagnostic",
    "HtmlOptions",
    "InputKind",
    "InputTypeError",
    "ParseConfig",
    "Repair",
    "RepairOptions",
    "SchemaError",
    "Span",
    "TextOptions",
    "TimeSource",
    "Timestamp",
    "TimestampError",
    "WorkerStartError",
    "__version__",
    "json_schema",
    "parse_html",
    "parse_many",
    "parse_text",
]


def _register_strategies_if_hypothesis_is_loaded() -> None:
    # Hypothesis imported before copydesk: its entry point (``_copydesk_hypothesis``)
    # left the registration to this import, so that importing Hypothesis never
    # imports copydesk.
    import sys

    if "hypothesis" in sys.modules:
        from ._hypothesis_plugin import _register

        _register()


_register_strategies_if_hypothesis_is_loaded()
del _register_strategies_if_hypothesis_is_loaded
