"""The per-record work of a batch, shared by :func:`copydesk.parse_many`, ``copydesk batch``
and :mod:`copydesk.dask`: which front end parses a record, and how a record's
outcome (an article or an error text) is made.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from .._config import DEFAULT_CONFIG, ParseConfig
from .._detect import looks_like_html
from .._html.front import parse_html
from .._model import Article
from .._text.front import parse_text
from .limits import DEFAULT_SECONDS_PER_MB, RecordTimeLimit, alarm, limit_text, record_limit


class InputKind(enum.Enum):
    """Which front end parses a record.

    >>> InputKind("auto")
    <InputKind.AUTO: 'auto'>
    """

    #: Decide per record with :func:`copydesk._detect.looks_like_html`.
    AUTO = "auto"
    HTML = "html"  #: always :func:`copydesk.parse_html`
    TEXT = "text"  #: always :func:`copydesk.parse_text`


class BatchStatus(enum.Enum):
    """How a record of a batch ended. The values appear in JSON output.

    >>> BatchStatus.EMPTY.value
    'empty'
    """

    OK = "ok"  #: parsed, with a body
    EMPTY = "empty"  #: parsed, but no body text was found
    ERROR = "error"  #: could not be read or parsed; see ``error``


# -- per-record work (runs in the worker processes) ---------------------------

@attrs.frozen
class _Failed:
    """Stands in for the data of a record that could not be read; it passes
    through the engine (keeping its place in the order) as an error outcome."""

    error: str


#: A record as sent to a worker: sequence number, data, url, content type.
_Task = tuple[int, "str | bytes | _Failed", "str | None", "str | None"]
#: What comes back: sequence number, status, then an Article, its JSON text
#: (``as_json``) or the error text.
_Outcome = tuple[int, BatchStatus, Any]
#: The signature of a record parser (the default is :func:`parse_record`).
Parser = Callable[..., Article]


def parse_record(
    data: str | bytes,
    *,
    kind: InputKind = InputKind.AUTO,
    url: str | None = None,
    content_type: str | None = None,
    config: ParseConfig = DEFAULT_CONFIG,
) -> Article:
    """Parse one record with the front end ``kind`` names (HTML is detected for ``auto``).

    >>> parse_record("<html><body><h1>T</h1><p>Body.</p></body></html>").title
    'T'
    """
    if kind is InputKind.HTML or (kind is InputKind.AUTO and looks_like_html(data)):
        return parse_html(data, url=url, content_type=content_type, config=config)
    return parse_text(data, url=url, config=config)


@attrs.frozen
class _Job:
    """Everything a worker needs besides the records (pickled with each chunk)."""

    kind: InputKind
    config: ParseConfig
    #: A module-level function with the signature of :func:`parse_record`
    #: (so it pickles); tests use it to inject failures.
    parser: Parser | None = None
    #: Hand back the article's JSON text instead of the Article (the command
    #: line writes it as it is, so the parent does no serialising).
    as_json: bool = False
    #: Seconds a record may take per MB of input (and at least this many);
    #: None for no limit. See :mod:`copydesk._batch.limits`.
    time_limit: float | None = DEFAULT_SECONDS_PER_MB


def _error_text(exc: BaseException) -> str:
    """``"ExceptionType: first line of the message"``, the error text of a row."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _run_one(job: _Job, task: _Task, *, alarm_on: bool = True) -> _Outcome:
    """Parse one record; any exception, and running out of time, becomes an error outcome.

    >>> _run_one(_Job(kind=InputKind.TEXT, config=DEFAULT_CONFIG, as_json=True), (4, "T\\n\\nBody.", None, None))[:2]
    (4, <BatchStatus.OK: 'ok'>)
    """
    seq, data, url, content_type = task
    if isinstance(data, _Failed):
        return seq, BatchStatus.ERROR, data.error
    parser = job.parser or parse_record
    limit = record_limit(task, job.time_limit) if alarm_on else None
    try:
        with alarm(limit):
            article = parser(data, kind=job.kind, url=url, content_type=content_type, config=job.config)
            status = BatchStatus.OK if article.paragraphs else BatchStatus.EMPTY
            payload: Any = article.to_json() if job.as_json else article
    except RecordTimeLimit:
        return seq, BatchStatus.ERROR, limit_text(limit or 0.0, job.time_limit or 0.0)
    except Exception as exc:  # a record must never stop the batch
        return seq, BatchStatus.ERROR, _error_text(exc)
    return seq, status, payload
