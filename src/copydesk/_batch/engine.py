"""Parse many inputs, in parallel: :func:`parse_many` and its typed results.

How the engine works (the command line ``copydesk batch`` and
:mod:`copydesk.dask` share the per-record code in :mod:`copydesk._batch.run`):

- The input iterable is read lazily. At most ``max_pending`` records are read
  but not yet handed back, so memory stays bounded however long the input is.
- With ``workers=1`` every record is parsed in this process. With more, the
  records go in chunks of ``chunksize`` to worker processes
  (:mod:`copydesk._batch.pool`) started from a fork server (``spawn`` where
  there is none), never by ``fork`` of the caller, which is unsafe in a
  threaded program. Workers ignore Ctrl-C (the caller decides).
- A record that raises becomes a result with ``status`` ``error``; the batch
  goes on. So does a record over its time limit (``time_limit`` seconds per
  MB of input, at least ``time_limit`` seconds) and one that kills its worker
  process: only that record fails; the worker is replaced and the rest of its
  chunk goes on. Nothing hangs and nothing is lost.
- Results come back in input order by default; ``ordered=False`` hands each
  one back as soon as it is ready.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._config import DEFAULT_CONFIG, ParseConfig
from .._errors import ConfigError, InputTypeError
from .._model import Article
from .limits import DEFAULT_SECONDS_PER_MB
from .pool import Pool, PoolShape, WorkerStartError, start_method
from .run import BatchStatus, InputKind, Parser, _Failed, _Job, _Outcome, _run_one, _Task, parse_record

__all__ = [
    "BatchItem", "BatchResult", "BatchStatus", "InputKind", "Parser", "WorkerStartError", "_Failed", "_Job",
    "_Outcome", "_Task", "_run_one", "parse_many", "parse_record", "start_method",
]


def _check_data(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, (str, bytes)):
        raise InputTypeError(
            f"BatchItem.data must be str or bytes; got {type(value).__name__}"
        )


def _optional_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InputTypeError(f"BatchItem.{attribute.name} must be str or None; got {type(value).__name__}")


@attrs.frozen
class BatchItem:
    """One input of :func:`parse_many` with what is known about it.

    Plain ``str``/``bytes`` items need no wrapper; use this to pass a URL, an
    HTTP content type, or an ``id`` that comes back on the result.

    >>> item = BatchItem("<html><body><p>Hi.</p></body></html>", url="https://example.com/a", id="a")
    >>> item.id, item.url
    ('a', 'https://example.com/a')
    """

    data: str | bytes = attrs.field(validator=_check_data)
    #: The URL the input came from (recorded on the article).
    url: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    #: The HTTP ``Content-Type`` header (its charset is used for HTML bytes).
    content_type: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)
    #: Anything that names the input; handed back unchanged on :class:`BatchResult`
    #: and never sent to a worker process.
    id: Any = attrs.field(default=None, kw_only=True)


@attrs.frozen
class BatchResult:
    """What :func:`parse_many` yields for each input.

    ``index`` is the input's position (from 0), ``id`` the :attr:`BatchItem.id`
    (or None). Exactly one of ``article`` and ``error`` is set.

    >>> r = next(parse_many(["Title\\n\\nBody."]))
    >>> r.index, r.status, r.ok, r.article.title, r.error
    (0, <BatchStatus.OK: 'ok'>, True, 'Title', None)
    """

    index: int
    status: BatchStatus
    article: Article | None = None
    #: ``"ExceptionType: message"`` when ``status`` is ``error``.
    error: str | None = None
    id: Any = None

    @property
    def ok(self) -> bool:
        """True unless the record failed (an empty article is not a failure)."""
        return self.status is not BatchStatus.ERROR


def _run_tasks(
    tasks: Iterable[_Task],
    job: _Job,
    *,
    workers: int,
    chunksize: int | None,
    ordered: bool,
    max_pending: int | None = None,
    stop: threading.Event | None = None,
) -> Iterator[_Outcome]:
    """Parse ``tasks`` (numbered 0, 1, 2, ... in input order) and yield their outcomes."""
    if workers == 1:
        for task in tasks:
            if stop is not None and stop.is_set():
                return
            yield _run_one(job, task)
        return
    size = chunksize or _default_chunksize()
    window = max_pending or max(4 * workers * size, 2 * size)
    pool = Pool(job, PoolShape(workers=workers, chunksize=size, max_pending=window, ordered=ordered), stop)
    yield from pool.run(iter(tasks))


def _default_chunksize() -> int:
    # Big enough to amortise inter-process overhead (~0.1 ms a chunk), small
    # enough that ordered output is not held up long by one slow page.
    return 8


def _check_options(workers: int, chunksize: int | None, kind: InputKind | str,
                   config: ParseConfig, time_limit: float | None = None) -> InputKind:
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ConfigError(f"workers must be an int >= 1; got {workers!r}")
    if chunksize is not None and (
        not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1
    ):
        raise ConfigError(f"chunksize must be an int >= 1 or None; got {chunksize!r}")
    if time_limit is not None and (
        not isinstance(time_limit, (int, float)) or isinstance(time_limit, bool) or not time_limit > 0
    ):
        raise ConfigError(f"time_limit must be a number of seconds > 0 or None; got {time_limit!r}")
    if not isinstance(config, ParseConfig):
        raise ConfigError(f"config must be a copydesk.ParseConfig; got {type(config).__name__}")
    try:
        return InputKind(kind)
    except ValueError:
        raise ConfigError(f"kind must be one of 'auto', 'html', 'text'; got {kind!r}") from None


def parse_many(
    items: Iterable[str | bytes | BatchItem],
    *,
    workers: int = 1,
    kind: InputKind | str = InputKind.AUTO,
    config: ParseConfig = DEFAULT_CONFIG,
    chunksize: int | None = None,
    ordered: bool = True,
    time_limit: float | None = DEFAULT_SECONDS_PER_MB,
) -> Iterator[BatchResult]:
    """Parse every item of ``items``, in parallel when ``workers > 1``; yield a :class:`BatchResult` each.

    ``items`` holds ``str``/``bytes`` (text or HTML) or :class:`BatchItem`;
    it is read lazily, with a bounded number of items in flight, so it may be
    a generator over millions of records. ``kind`` picks the front end
    (``"auto"`` detects HTML per item). ``workers`` processes parse chunks of
    ``chunksize`` items (default 8); ``workers=1`` parses in this process.
    Results come in input order unless ``ordered=False``. Workers start from
    a fork server (``spawn`` where there is none), never by ``fork``.

    ``time_limit`` is the time an item may take, in seconds per MB of input
    (and at least that many seconds; default 5): an item over it gives an
    error result (``TimeLimit: ...``) and the batch goes on. None turns the
    limit off. In this process (``workers=1``) the limit is an alarm, set only
    from the main thread and only when the program has no ``SIGALRM`` handler
    of its own; worker processes that are stuck are also killed and replaced.

    An item that fails (or kills its worker process) gives a result with
    :attr:`BatchResult.error` set; the rest of the batch goes on. Raises only
    for wrong arguments (:class:`~copydesk.ConfigError`) and, when the
    item is reached, an item that is not str, bytes or BatchItem
    (:class:`~copydesk.InputTypeError`).

    >>> results = list(parse_many(["Title\\n\\nFirst paragraph.",
    ...                            BatchItem("<html><body><h1>Page</h1><p>Text.</p></body></html>", id="p1")]))
    >>> [(r.index, r.id, r.status.value, r.article.title) for r in results]
    [(0, None, 'ok', 'Title'), (1, 'p1', 'ok', 'Page')]
    """
    input_kind = _check_options(workers, chunksize, kind, config, time_limit)
    job = _Job(kind=input_kind, config=config, time_limit=time_limit)
    return _results(items, job, workers=workers, chunksize=chunksize, ordered=ordered)


def _results(
    items: Iterable[str | bytes | BatchItem],
    job: _Job,
    *,
    workers: int,
    chunksize: int | None,
    ordered: bool,
) -> Iterator[BatchResult]:
    ids: dict[int, Any] = {}  # only the in-flight ones: bounded

    def tasks() -> Iterator[_Task]:
        for seq, item in enumerate(items):
            if isinstance(item, BatchItem):
                if item.id is not None:
                    ids[seq] = item.id
                yield seq, item.data, item.url, item.content_type
            elif isinstance(item, (str, bytes)):
                yield seq, item, None, None
            else:
                raise InputTypeError(
                    f"parse_many items must be str, bytes or copydesk.BatchItem; "
                    f"item {seq} is {type(item).__name__}"
                )

    for seq, status, payload in _run_tasks(tasks(), job, workers=workers, chunksize=chunksize,
                                           ordered=ordered):
        item_id = ids.pop(seq, None)
        if status is BatchStatus.ERROR:
            yield BatchResult(index=seq, status=status, error=payload, id=item_id)
        else:
            article = payload if isinstance(payload, Article) else Article.from_dict(json.loads(payload))
            yield BatchResult(index=seq, status=status, article=article, id=item_id)
