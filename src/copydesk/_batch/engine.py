"""Parse many inputs, in parallel: :func:`parse_many` and its typed results.

How the engine works (the command line ``copydesk batch`` and
:mod:`copydesk.dask` share the per-record code):

- The input iterable is read lazily. At most ``max_pending`` records are read
  but not yet handed back, so memory stays bounded however long the input is.
- With ``workers=1`` every record is parsed in this process. With more, the
  records go in chunks of ``chunksize`` to a :class:`~concurrent.futures.ProcessPoolExecutor`
  whose workers ignore Ctrl-C (the caller decides). :func:`parse_many` uses
  the platform's default start method (``fork`` on Linux before Python 3.14,
  so it works from any script or notebook); the command line, which runs a
  thread of its own, uses ``forkserver``.
- A record that raises becomes a result with ``status`` ``error``; the batch
  goes on. A worker process that dies (killed, out of memory, a crash in C
  code) breaks the pool: the pool is rebuilt, the records that were in flight
  are retried one at a time, and the one that kills a worker on its own comes
  back as an error. Nothing hangs and nothing is lost.
- Results come back in input order by default; ``ordered=False`` hands each
  one back as soon as it is ready.
"""

from __future__ import annotations

import enum
import json
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

import attrs

from .._config import DEFAULT_CONFIG, ParseConfig
from .._detect import looks_like_html
from .._errors import ConfigError, CopydeskError, InputTypeError
from .._html.front import parse_html
from .._model import Article
from .._text.front import parse_text


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


def _error_text(exc: BaseException) -> str:
    """``"ExceptionType: first line of the message"``, the error text of a row."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _run_one(job: _Job, task: _Task) -> _Outcome:
    """Parse one record; any exception becomes an error outcome."""
    seq, data, url, content_type = task
    if isinstance(data, _Failed):
        return seq, BatchStatus.ERROR, data.error
    parser = job.parser or parse_record
    try:
        article = parser(data, kind=job.kind, url=url, content_type=content_type, config=job.config)
        status = BatchStatus.OK if article.paragraphs else BatchStatus.EMPTY
        if job.as_json:
            return seq, status, article.to_json()
    except Exception as exc:  # a record must never stop the batch
        return seq, BatchStatus.ERROR, _error_text(exc)
    return seq, status, article


def _run_chunk(job: _Job, tasks: list[_Task]) -> list[_Outcome]:
    """Parse a chunk of records (the unit sent to a worker process)."""
    return [_run_one(job, task) for task in tasks]


def _init_worker() -> None:
    """Worker start-up: leave Ctrl-C to the parent, which shuts the pool down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# -- the engine -----------------------------------------------------------------


def _make_pool(workers: int, start_method: str | None) -> ProcessPoolExecutor:
    """A pool whose workers ignore Ctrl-C; ``start_method`` None is the platform default."""
    context = multiprocessing.get_context(start_method)
    if context.get_start_method() == "forkserver":
        # Workers fork from a server that has copydesk imported already.
        context.set_forkserver_preload(["copydesk"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker)


class WorkerStartError(CopydeskError, RuntimeError):
    """Worker processes keep dying before they parse anything.

    Usually the calling script starts :func:`parse_many` at import time under
    a ``spawn``/``forkserver`` start method; guard it with
    ``if __name__ == "__main__":``.

    >>> issubclass(WorkerStartError, RuntimeError)
    True
    """


class _Engine:
    """Run tasks through a process pool with a bounded window; see the module docstring."""

    def __init__(self, job: _Job, *, workers: int, chunksize: int, max_pending: int,
                 ordered: bool, stop: threading.Event | None, start_method: str | None) -> None:
        self.job = job
        self.start_method = start_method
        self.worked = False  # has any chunk come back from a worker?
        self.crashes = 0  # records that killed a worker on their own
        self.workers = workers
        self.chunksize = chunksize
        self.max_pending = max_pending
        self.ordered = ordered
        self.stop = stop
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight: dict[Future[list[_Outcome]], list[_Task]] = {}
        self.suspects: deque[_Task] = deque()  # records to retry one at a time
        self.isolated: Future[list[_Outcome]] | None = None
        self.ready: dict[int, _Outcome] = {}  # ordered: finished, waiting for their turn
        self.ready_fifo: deque[_Outcome] = deque()  # unordered
        self.next_seq = 0
        self.pending = 0  # read but not yet handed back

    def run(self, tasks: Iterator[_Task]) -> Iterator[_Outcome]:
        exhausted = False
        try:
            while True:
                if self.stop is not None and self.stop.is_set():
                    return
                if not self.suspects and not self.isolated:
                    exhausted = exhausted or self._fill(tasks)
                elif self.suspects and not self.in_flight:
                    task = self.suspects.popleft()
                    self.isolated = self._submit([task])
                if not self.in_flight:
                    if exhausted and not self.suspects:
                        yield from self._drain()
                        return
                    continue
                done, _ = wait(list(self.in_flight), timeout=0.25, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    broken |= self._collect(future)
                if broken:
                    self._rebuild()
                yield from self._drain()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=False, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = _make_pool(self.workers, self.start_method)
        return self.pool

    def _submit(self, chunk: list[_Task]) -> Future[list[_Outcome]]:
        future = self._pool().submit(_run_chunk, self.job, chunk)
        self.in_flight[future] = chunk
        return future

    def _fill(self, tasks: Iterator[_Task]) -> bool:
        """Submit chunks while the window has room; True once the input is exhausted."""
        while self.pending + self.chunksize <= self.max_pending or not self.in_flight:
            chunk: list[_Task] = []
            for task in tasks:
                chunk.append(task)
                if len(chunk) >= self.chunksize:
                    break
            if chunk:
                self.pending += len(chunk)
                self._submit(chunk)
            if len(chunk) < self.chunksize:
                return True
        return False

    def _collect(self, future: Future[list[_Outcome]]) -> bool:
        """Take a finished chunk's outcomes; True when the pool broke."""
        chunk = self.in_flight.pop(future)
        isolated = future is self.isolated
        if isolated:
            self.isolated = None
        try:
            outcomes = future.result()
        except Exception as exc:  # BrokenProcessPool, or a result that did not pickle
            from concurrent.futures.process import BrokenProcessPool

            if isolated:
                seq = chunk[0][0]
                if isinstance(exc, BrokenProcessPool):
                    self.crashes += 1
                    if not self.worked and self.crashes >= 3:
                        raise WorkerStartError(
                            "copydesk worker processes die before parsing anything; when parse_many "
                            "runs from a script, guard its top level with if __name__ == '__main__':"
                        ) from exc
                    text = "WorkerCrash: the worker process died while parsing this record"
                else:
                    text = _error_text(exc)
                self._ready((seq, BatchStatus.ERROR, text))
            else:
                self.suspects.extend(chunk)
            return isinstance(exc, BrokenProcessPool)
        self.worked = True
        for outcome in outcomes:
            self._ready(outcome)
        return False

    def _rebuild(self) -> None:
        """After a worker died: settle every chunk in flight, then start a fresh pool."""
        while self.in_flight:
            done, _ = wait(list(self.in_flight), return_when=FIRST_COMPLETED)
            for future in done:
                self._collect(future)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        # Retry in input order so ordered output is held up as little as possible.
        self.suspects = deque(sorted(self.suspects, key=lambda task: task[0]))

    def _ready(self, outcome: _Outcome) -> None:
        if self.ordered:
            self.ready[outcome[0]] = outcome
        else:
            self.ready_fifo.append(outcome)

    def _drain(self) -> Iterator[_Outcome]:
        if self.ordered:
            while self.next_seq in self.ready:
                outcome = self.ready.pop(self.next_seq)
                self.next_seq += 1
                self.pending -= 1
                yield outcome
        else:
            while self.ready_fifo:
                self.pending -= 1
                yield self.ready_fifo.popleft()


def _run_tasks(
    tasks: Iterable[_Task],
    job: _Job,
    *,
    workers: int,
    chunksize: int | None,
    ordered: bool,
    max_pending: int | None = None,
    stop: threading.Event | None = None,
    start_method: str | None = None,
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
    engine = _Engine(job, workers=workers, chunksize=size, max_pending=window, ordered=ordered, stop=stop,
                     start_method=start_method)
    yield from engine.run(iter(tasks))


def _default_chunksize() -> int:
    # Big enough to amortise inter-process overhead (~0.1 ms a chunk), small
    # enough that ordered output is not held up long by one slow page.
    return 8


def _check_options(workers: int, chunksize: int | None, kind: InputKind | str,
                   config: ParseConfig) -> InputKind:
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ConfigError(f"workers must be an int >= 1; got {workers!r}")
    if chunksize is not None and (
        not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1
    ):
        raise ConfigError(f"chunksize must be an int >= 1 or None; got {chunksize!r}")
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
) -> Iterator[BatchResult]:
    """Parse every item of ``items``, in parallel when ``workers > 1``; yield a :class:`BatchResult` each.

    ``items`` holds ``str``/``bytes`` (text or HTML) or :class:`BatchItem`;
    it is read lazily, with a bounded number of items in flight, so it may be
    a generator over millions of records. ``kind`` picks the front end
    (``"auto"`` detects HTML per item). ``workers`` processes parse chunks of
    ``chunksize`` items (default 8); ``workers=1`` parses in this process.
    Results come in input order unless ``ordered=False``.

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
    input_kind = _check_options(workers, chunksize, kind, config)
    job = _Job(kind=input_kind, config=config)
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
