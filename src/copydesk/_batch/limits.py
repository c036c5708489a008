"""The per-record time limit of ``copydesk batch`` and :func:`copydesk.parse_many`.

A record gets ``seconds_per_mb`` seconds per megabyte of input, and at least
``seconds_per_mb`` seconds, so a small page has the same room as a 1 MB one
and a 30 MB page thirty times that. Inside the process that parses, an alarm
(``SIGALRM``) raises :class:`RecordTimeLimit` in the parser's Python code when
the time is up; the worker pool also kills a worker stuck past the limit in C
code. An alarm is set only in a main thread and only when the program has no
``SIGALRM`` handler of its own.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

#: The default limit: seconds per megabyte of a record (and the least any record gets).
DEFAULT_SECONDS_PER_MB = 5.0
_MB = 1_000_000


class RecordTimeLimit(BaseException):
    """Raised inside the parser when a record's time is up (a BaseException, so that
    no ``except Exception`` on the way swallows it)."""


def record_limit(task: tuple[Any, ...], seconds_per_mb: float | None) -> float | None:
    """The seconds a record gets, from its size; None when there is no limit.

    >>> record_limit((0, "x" * 3_000_000, None, None), 5.0)
    15.0
    >>> record_limit((0, "short", None, None), 5.0), record_limit((0, "short", None, None), None)
    (5.0, None)
    """
    if not seconds_per_mb:
        return None
    data = task[1]
    size = len(data) if isinstance(data, (str, bytes)) else 0
    return seconds_per_mb * max(1.0, size / _MB)


def limit_text(limit: float, seconds_per_mb: float) -> str:
    """The error text of a record over its limit.

    >>> limit_text(5.0, 5.0)
    'TimeLimit: parsing took more than 5 s (the limit is 5 s per MB of input, at least 5 s)'
    """
    return (f"TimeLimit: parsing took more than {limit:.0f} s (the limit is {seconds_per_mb:g} s per MB "
            f"of input, at least {seconds_per_mb:g} s)")


def _fire(signum: int, frame: FrameType | None) -> None:
    raise RecordTimeLimit


@contextlib.contextmanager
def alarm(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RecordTimeLimit` in this thread after ``seconds`` (where an alarm can be set).

    >>> with alarm(10.0):
    ...     pass
    """
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN))
    if not usable or seconds is None:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
