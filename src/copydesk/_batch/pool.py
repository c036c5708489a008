"""The worker pool of :func:`copydesk.parse_many` and ``copydesk batch``.

Each worker is a process with a pipe of its own. The parent sends it a chunk
of records; the worker sends back one outcome per record as soon as it is
parsed, so the parent always knows which record a worker is on:

- A record over its time limit is stopped in the worker (an alarm raises in
  the parser's Python code); a record stuck in C code past the limit and a
  grace period has its worker killed. Either way it comes back as a
  ``TimeLimit`` error and the rest of the chunk goes to other workers.
- A worker that dies (killed, out of memory, a crash in C code) takes only
  the record it was on with it (a ``WorkerCrash`` error); the rest of its
  chunk is sent again. Workers that keep dying before any record is parsed
  raise :class:`~copydesk.WorkerStartError` instead of looping.
- Closing the pool (the run ends, the caller stops reading, Ctrl-C, SIGTERM)
  asks idle workers to leave, terminates busy ones and kills what is still
  there after a short grace period: nothing is left behind.

Workers start from a fork server (``spawn`` where there is none): never by
``fork`` of the calling process, which is unsafe in a threaded program.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

import attrs

from .._errors import CopydeskError
from .limits import limit_text, record_limit
from .run import BatchStatus, _Job, _Outcome, _run_one, _Task

#: How long a closing worker gets to leave before it is killed, in seconds.
_CLOSE_GRACE = 1.0
#: The longest the parent sleeps before it looks at a stop flag again, in seconds.
_TICK = 0.25
#: Workers that die before any record was parsed, before the pool gives up.
_START_FAILURES = 3


class WorkerStartError(CopydeskError, RuntimeError):
    """Worker processes keep dying before they parse anything.

    Usually the calling script starts :func:`parse_many` at import time under
    a ``spawn``/``forkserver`` start method; guard it with
    ``if __name__ == "__main__":``.

    >>> issubclass(WorkerStartError, RuntimeError)
    True
    """


def start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``: never ``fork``.

    >>> start_method() in ("forkserver", "spawn")
    True
    """
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _context() -> Any:
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "forkserver":
        # Workers fork from a server that has copydesk imported already.
        context.set_forkserver_preload(["copydesk"])
    return context


def _worker_main(conn: Connection, job: _Job) -> None:
    """A worker: say hello, then parse the chunks the parent sends, one outcome per record."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn.send(None)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        for task in chunk:
            outcome = _run_one(job, task)
            try:
                conn.send(outcome)
            except (EOFError, OSError):
                return
            except Exception as exc:  # an outcome that does not pickle
                conn.send((task[0], BatchStatus.ERROR, f"UnpicklableResult: {type(exc).__name__}"))


class _Worker:
    """One worker process, its pipe and the records it holds (the first is being parsed)."""

    def __init__(self, context: Any, job: _Job) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, job), daemon=True)
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.ready = False  # it said hello
        self.tasks: deque[_Task] = deque()
        self.deadline: float | None = None

    def send(self, chunk: list[_Task]) -> None:
        self.tasks.extend(chunk)
        with contextlib.suppress(OSError):  # a dead worker is noticed by its sentinel
            self.conn.send(chunk)

    def stop(self, *, busy_only: bool = False) -> None:
        """Ask an idle worker to leave; terminate a busy one."""
        if self.tasks or not self.ready:
            with contextlib.suppress(OSError, ValueError):
                self.process.terminate()
        elif not busy_only:
            with contextlib.suppress(OSError):
                self.conn.send(None)

    def reap(self, deadline: float) -> None:
        self.process.join(max(0.0, deadline - time.monotonic()))
        if self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.process.kill()
            self.process.join(_CLOSE_GRACE)
        self.conn.close()


@attrs.frozen
class PoolShape:
    """How many workers, how many records a chunk, how many records read ahead, in order or not."""

    workers: int
    chunksize: int
    max_pending: int
    ordered: bool = True


class Pool:
    """Parse tasks in worker processes with a bounded window; see the module docstring."""

    def __init__(self, job: _Job, shape: PoolShape, stop: threading.Event | None) -> None:
        self.job = job
        self.size = shape.workers
        self.chunksize = shape.chunksize
        self.max_pending = shape.max_pending
        self.ordered = shape.ordered
        self.stop = stop
        self.context: Any = None
        self.workers: list[_Worker] = []
        self.retry: deque[_Task] = deque()  # sent once, to send again (in input order)
        self.worked = False  # has any record come back from a worker?
        self.failures = 0  # workers that died (not those stopped for taking too long)
        self.ready: dict[int, _Outcome] = {}
        self.ready_fifo: deque[_Outcome] = deque()
        self.next_seq = 0
        self.pending = 0  # read but not yet handed back
        self.exhausted = False

    # -- the loop ----------------------------------------------------------------

    def run(self, tasks: Iterator[_Task]) -> Iterator[_Outcome]:
        try:
            while not (self.stop is not None and self.stop.is_set()):
                self._dispatch(tasks)
                if self.exhausted and not self.retry and not any(w.tasks for w in self.workers):
                    yield from self._drain()
                    return
                self._wait()
                yield from self._drain()
        finally:
            self.close()

    def _dispatch(self, tasks: Iterator[_Task]) -> None:
        """Give a chunk to every idle worker while the window has room."""
        while True:
            idle = next((w for w in self.workers if not w.tasks), None)
            if idle is None and len(self.workers) < self.size:
                idle = self._start()
            if idle is None:
                return
            chunk = self._next_chunk(tasks)
            if not chunk:
                return
            idle.send(chunk)
            if idle.ready:
                idle.deadline = self._deadline(chunk[0])

    def _next_chunk(self, tasks: Iterator[_Task]) -> list[_Task]:
        chunk: list[_Task] = []
        while self.retry and len(chunk) < self.chunksize:
            chunk.append(self.retry.popleft())
        while not self.exhausted and len(chunk) < self.chunksize and self.pending < self.max_pending:
            task = next(tasks, None)
            if task is None:
                self.exhausted = True
                break
            self.pending += 1
            chunk.append(task)
        return chunk

    def _start(self) -> _Worker:
        if self.context is None:
            self.context = _context()
        worker = _Worker(self.context, self.job)
        self.workers.append(worker)
        return worker

    def _deadline(self, task: _Task) -> float | None:
        limit = record_limit(task, self.job.time_limit)
        if limit is None:
            return None
        # The alarm in the worker stops Python code at the limit; this is the backstop.
        return time.monotonic() + limit + max(1.0, limit / 5)

    def _wait(self) -> None:
        busy = [w for w in self.workers if w.tasks or not w.ready]
        if not busy:
            return
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        timeout = _TICK if not deadlines else max(0.0, min(_TICK, min(deadlines) - time.monotonic()))
        objects: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        wait(objects, timeout)
        now = time.monotonic()
        for worker in busy:
            alive = self._receive(worker)
            if not alive:
                self._lost(worker, "WorkerCrash: the worker process died while parsing this record")
            elif worker.deadline is not None and now > worker.deadline:
                self._lost(worker, _time_limit_text(worker.tasks[0], self.job.time_limit), kill=True)

    def _receive(self, worker: _Worker) -> bool:
        """Take what the worker sent; False when it is dead."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message is None:
                    worker.ready = True
                else:
                    self.worked = True
                    worker.tasks.popleft()
                    self._ready(message)
                worker.deadline = self._deadline(worker.tasks[0]) if worker.tasks and worker.ready else None
        except (EOFError, OSError):
            return False
        return bool(worker.process.is_alive())

    def _lost(self, worker: _Worker, error: str, *, kill: bool = False) -> None:
        """A worker died or ran out of time: blame the record it was on, send the rest again."""
        if kill:
            worker.stop()
        else:
            self.failures += 1  # a death, not a record over its time
        worker.reap(time.monotonic() + _CLOSE_GRACE)
        self.workers.remove(worker)
        if not worker.ready or not worker.tasks:  # died starting up: no record to blame
            self.retry.extendleft(reversed(worker.tasks))
        else:
            seq = worker.tasks.popleft()[0]
            self._ready((seq, BatchStatus.ERROR, error))
            self.retry.extendleft(reversed(worker.tasks))
        self.retry = deque(sorted(self.retry, key=lambda task: task[0]))
        if not self.worked and self.failures >= _START_FAILURES:
            raise WorkerStartError(
                "copydesk worker processes die before parsing anything; when parse_many "
                "runs from a script, guard its top level with if __name__ == '__main__':"
            )

    def close(self) -> None:
        """Stop every worker: idle ones leave, busy ones are terminated, then killed after a grace period."""
        for worker in self.workers:
            worker.stop()
        deadline = time.monotonic() + _CLOSE_GRACE
        for worker in self.workers:
            worker.reap(deadline)
        self.workers = []

    # -- results ------------------------------------------------------------------

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


def _time_limit_text(task: _Task, seconds_per_mb: float | None) -> str:
    return limit_text(record_limit(task, seconds_per_mb) or 0.0, seconds_per_mb or 0.0)
