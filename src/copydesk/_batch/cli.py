"""``copydesk batch``: parse files, folders, JSONL and WARC inputs into one JSONL output.

Each output line is one JSON object, written whole::

    {"source": "crawl.jsonl", "record": 3, "id": "a7", "status": "ok", "article": {...}}
    {"source": "pages/b.html.gz", "record": 0, "status": "error", "error": "BadGzipFile: ..."}

``record`` is the line (JSONL) or archive record (WARC) in the source, from 0;
``id`` is the record's id when it has one (the JSONL field named by
``--id-field``, default ``id``; a WARC record's ``WARC-Record-ID``); fields
named with ``--keep`` sit between ``record`` and ``status`` in every row (null
where the record has no such field; a NaN or infinity is written as null, so
every line is valid JSON). The exit code is 0 when every record parsed (empty
ones included), 1 when any failed, 2 for a usage error (an input that does not
exist is one, found before anything is read), 130 after Ctrl-C and 143 after
SIGTERM (the output is then valid up to its last line, the summary says the
run was stopped, and no worker process is left behind).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any, TextIO

from .._cli_options import add_config_flags, config_from_args
from .engine import BatchStatus, InputKind, Parser, _Failed, _Job, _run_tasks, _Task
from .inputs import RESERVED_FIELDS, ReadOptions, ReadStats, Record, iter_records, total_size
from .limits import DEFAULT_SECONDS_PER_MB
from .walk import file_key

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

#: Test hook: a module-level parser (signature of :func:`copydesk._batch.engine.parse_record`)
#: used instead of the default, so tests can make records fail inside workers.
_TEST_PARSER: Parser | None = None


def add_batch_parser(subparsers: Any) -> None:
    """Add the ``batch`` subcommand to the ``copydesk`` command line.

    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="copydesk")
    >>> add_batch_parser(parser.add_subparsers(dest="command"))
    >>> parser.parse_args(["batch", "pages/", "-o", "out.jsonl", "--workers", "2"]).workers
    2
    """
    p = subparsers.add_parser(
        "batch",
        help="parse many files, folders, JSONL or WARC archives into one JSONL file",
        description=(
            "Parse every record of the inputs (files; folders, walked recursively; JSONL; WARC; "
            "gzip'ed or not) and write one JSON line per record: the article, or an error."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders to read ('-': standard input)")
    p.add_argument("-o", "--output", default="-", metavar="OUT.jsonl",
                   help="where to write the JSON lines ('-', the default, is standard output)")
    p.add_argument("-w", "--workers", type=_non_negative, default=1, metavar="N",
                   help="worker processes; 1 (the default) parses in this process, 0 uses one per CPU")
    p.add_argument("--chunksize", type=_positive, default=None, metavar="N",
                   help="records sent to a worker at a time (default 8)")
    p.add_argument("--glob", default="*", metavar="PATTERN",
                   help="files to take from folders (default '*'; a pattern with '/' matches the "
                        "path below the folder)")
    p.add_argument("--field", default="text", metavar="NAME",
                   help="JSONL: the field holding the text or HTML (default 'text')")
    p.add_argument("--url-field", default="url", metavar="NAME",
                   help="JSONL: the field holding the page URL (default 'url'; '' for none)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSONL: the field holding the record's id, written as 'id' in its row "
                        "(default 'id'; '' for none)")
    p.add_argument("--keep", default="", metavar="NAME,...",
                   help="fields to carry into each output row: JSONL fields or WARC headers")
    p.add_argument("--time-limit", type=_non_negative_float, default=DEFAULT_SECONDS_PER_MB, metavar="SECONDS",
                   help="seconds a record may take per MB of input, and at least that many; a record over "
                        f"it is an error row (default {DEFAULT_SECONDS_PER_MB:g}; 0 for no limit)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="in folders, also read links that point outside the folder")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="kind", action="store_const", const="html",
                      help="treat every record as HTML (default: detect per record)")
    kind.add_argument("--text", dest="kind", action="store_const", const="text",
                      help="treat every record as plain text")
    p.add_argument("--unordered", action="store_true",
                   help="write rows as they finish instead of in input order")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on standard error (default: when it is a terminal)")
    add_config_flags(p)
    p.set_defaults(handler=run_batch, kind="auto")


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more; got {value}")
    return number


def _non_negative_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds; got {value}") from None
    if not number >= 0 or math.isinf(number):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds; got {value}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more; got {value}")
    return number


class _Counts:
    def __init__(self) -> None:
        self.parsed = 0
        self.empty = 0
        self.failed = 0

    @property
    def total(self) -> int:
        return self.parsed + self.empty + self.failed


class _Progress:
    """A one-line progress display (count, rate, share of input bytes read, ETA)."""

    def __init__(self, stream: TextIO, stats: ReadStats, inputs: list[str], options: ReadOptions) -> None:
        self.stream = stream
        self.stats = stats
        self.start = time.monotonic()
        self.last = 0.0
        self.total_bytes: int | None = None
        # Sizing the inputs walks the folders once more: do it aside, the ETA
        # appears when it is done.
        thread = threading.Thread(target=self._size, args=(inputs, options), daemon=True)
        thread.start()

    def _size(self, inputs: list[str], options: ReadOptions) -> None:
        self.total_bytes = total_size(inputs, options)

    def update(self, counts: _Counts, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = counts.total / elapsed
        line = f"{counts.total:,} records  {rate:,.1f}/s"
        total = self.total_bytes
        if total:
            share = min(self.stats.bytes_read / total, 1.0)
            filled = int(share * 20)
            line += f"  [{'#' * filled}{'.' * (20 - filled)}] {share:4.0%}"
            if 0 < share < 1:
                line += f"  ETA {_duration(elapsed * (1 - share) / share)}"
        if counts.failed:
            line += f"  {counts.failed:,} failed"
        self.stream.write("\r" + line[:119].ljust(80) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _finite(value: Any) -> Any:
    """``value`` with every NaN and infinity (at any depth) made null, so it is valid JSON.

    >>> _finite({"a": [float("nan"), 1.5, float("-inf")]})
    {'a': [None, 1.5, None]}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _row_head(record: Record, keep: tuple[str, ...], status: BatchStatus) -> str:
    head: dict[str, Any] = {"source": record.source, "record": record.index}
    if record.id is not None:
        head["id"] = record.id
    head.update(dict.fromkeys(keep))  # every row has the kept fields, null where the record has none
    head.update(record.fields)
    head["status"] = status.value
    try:
        return json.dumps(head, ensure_ascii=False, default=str, allow_nan=False)
    except ValueError:  # a NaN or infinity in a carried field
        return json.dumps(_finite(head), ensure_ascii=False, default=str, allow_nan=False)


def _row(head: str, status: BatchStatus, payload: str) -> str:
    """One output line; ``payload`` is the article JSON or the error text."""
    if status is BatchStatus.ERROR:
        return f'{head[:-1]}, "error": {json.dumps(payload, ensure_ascii=False)}}}\n'
    return f'{head[:-1]}, "article": {payload}}}\n'


def run_batch(args: argparse.Namespace) -> int:
    """Handle ``copydesk batch``; return the exit code (see the module docstring)."""
    keep = tuple(name.strip() for name in args.keep.split(",") if name.strip())
    clash = sorted(set(keep) & RESERVED_FIELDS)
    if clash:
        print(f"copydesk batch: --keep cannot name {', '.join(clash)}: the output row uses "
              f"{'that name' if len(clash) == 1 else 'those names'} itself", file=sys.stderr)
        return EXIT_USAGE
    missing = [name for name in args.inputs if name != "-" and not os.path.lexists(name)]
    if missing:
        print(f"copydesk batch: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        out: TextIO = (sys.stdout if args.output == "-"
                       else open(args.output, "w", encoding="utf-8", newline="\n"))  # noqa: SIM115
    except OSError as exc:
        print(f"copydesk batch: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    own = file_key(args.output) if args.output != "-" else None
    options = ReadOptions(glob=args.glob, field=args.field, keep=keep, url_field=args.url_field or None,
                          id_field=args.id_field or None, follow_symlinks=args.follow_symlinks,
                          skip=frozenset({own} if own else ()), max_bytes=config_from_args(args).html.max_bytes)
    workers = args.workers or os.cpu_count() or 1
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    signals = _Signals()
    try:
        counts, stats, elapsed = _write_rows(args, options, workers=workers, out=out, show=show, signals=signals)
    finally:
        signals.restore()
        if out is not sys.stdout:
            out.close()
    return _summarise(counts, stats, elapsed, stopped_by=signals.received)


class _Stopped(BaseException):
    """Raised by the signal handler when the run is inside a record: it ends the run at once."""


class _Signals:
    """Ctrl-C and SIGTERM stop the run after the line being written (or at once, inside a record).

    The first signal sets :attr:`stop`; a second Ctrl-C aborts as usual and a
    second SIGTERM kills the process.
    """

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.received: int | None = None
        #: True while the run is reading or parsing (nothing half-written to stop).
        self.busy = False
        self._previous: list[tuple[int, Any]] = []
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous.append((signum, signal.signal(signum, self._handle)))

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        self.stop.set()
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
        if self.busy:
            self.busy = False
            raise _Stopped

    def restore(self) -> None:
        for signum, previous in self._previous:
            signal.signal(signum, previous)
        self._previous = []


def _write_rows(args: argparse.Namespace, options: ReadOptions, *, workers: int, out: TextIO,
                show: bool, signals: _Signals) -> tuple[_Counts, ReadStats, float]:
    stats = ReadStats()
    counts = _Counts()
    records: dict[int, Record] = {}  # in flight only

    def tasks() -> Iterator[_Task]:
        for seq, record in enumerate(iter_records(args.inputs, options, stats)):
            records[seq] = _without_data(record)
            signals.busy = True  # from here until its outcome comes back, a signal may interrupt
            if record.error is not None or record.data is None:
                yield seq, _Failed(record.error or "NoData"), None, None
            else:
                yield seq, record.data, record.url, record.content_type

    job = _Job(kind=InputKind(args.kind), config=config_from_args(args), parser=_TEST_PARSER, as_json=True,
               time_limit=args.time_limit or None)
    progress = _Progress(sys.stderr, stats, args.inputs, options) if show else None
    start = time.monotonic()
    flush = _Flusher(out)
    try:
        outcomes = _run_tasks(tasks(), job, workers=workers, chunksize=args.chunksize,
                              ordered=not args.unordered, stop=signals.stop)
        for seq, status, payload in outcomes:
            signals.busy = False
            record = records.pop(seq)
            out.write(_row(_row_head(record, options.keep, status), status, payload))
            _count(counts, status)
            flush()
            if progress is not None:
                progress.update(counts)
            if signals.stop.is_set():
                break
            signals.busy = True
    except _Stopped:
        pass
    finally:
        signals.busy = False
        if progress is not None:
            progress.close()
        with contextlib.suppress(BrokenPipeError):
            out.flush()
    return counts, stats, time.monotonic() - start


def _without_data(record: Record) -> Record:
    """The record without its data (what the row needs; the data goes to the parser)."""
    return Record(source=record.source, index=record.index, fields=record.fields, id=record.id)


def _count(counts: _Counts, status: BatchStatus) -> None:
    if status is BatchStatus.OK:
        counts.parsed += 1
    elif status is BatchStatus.EMPTY:
        counts.empty += 1
    else:
        counts.failed += 1


class _Flusher:
    """Flush the output about once a second (so a reader sees progress, without a flush a row)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.last = time.monotonic()

    def __call__(self) -> None:
        now = time.monotonic()
        if now - self.last > 1.0:
            self.out.flush()
            self.last = now


def _summarise(counts: _Counts, stats: ReadStats, elapsed: float, *, stopped_by: int | None) -> int:
    rate = counts.total / elapsed if elapsed > 0 else 0.0
    line = (f"copydesk batch: {counts.total:,} records in {elapsed:.1f} s ({rate:,.1f} pages/s): "
            f"{counts.parsed:,} parsed, {counts.empty:,} empty, {counts.failed:,} failed")
    if stats.skipped:
        line += f"; {stats.skipped:,} archive records skipped (not HTML pages)"
    if stopped_by is not None:
        how = "interrupted" if stopped_by == signal.SIGINT else "terminated"
        line += f"; {how}: the output is complete up to its last line"
    print(line, file=sys.stderr)
    if stopped_by is not None:
        return EXIT_INTERRUPTED if stopped_by == signal.SIGINT else EXIT_TERMINATED
    return EXIT_FAILED if counts.failed else EXIT_OK
