"""``copydesk batch``: parse files, folders, JSONL and WARC inputs into one JSONL output.

Each output line is one JSON object, written whole::

    {"source": "crawl.jsonl", "record": 3, "id": "a7", "status": "ok", "article": {...}}
    {"source": "pages/b.html.gz", "record": 0, "status": "error", "error": "BadGzipFile: ..."}

``record`` is the line (JSONL) or archive record (WARC) in the source, from 0;
fields named with ``--keep`` sit between ``record`` and ``status`` in every row
(null where the record has no such field). The exit
code is 0 when every record parsed (empty ones included), 1 when any failed,
2 for a usage error and 130 after Ctrl-C (the output is then valid up to its
last line and the summary says it was interrupted).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any, TextIO

from .._config import DEFAULT_CONFIG
from .engine import BatchStatus, InputKind, Parser, _Failed, _Job, _run_tasks, _Task
from .inputs import RESERVED_FIELDS, ReadOptions, ReadStats, iter_records, total_size

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: Test hook: a module-level parser (signature of :func:`copydesk._batch.engine.parse_record`)
#: used instead of the default, so tests can make records fail inside workers.
_TEST_PARSER: Parser | None = None


#: The progress display runs a thread, and forking a threaded process is
#: unsafe: start workers from a fork server where the platform has one.
_START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None


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
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders to read")
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
    p.add_argument("--keep", default="", metavar="NAME,...",
                   help="fields to carry into each output row: JSONL fields or WARC headers")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="kind", action="store_const", const="html",
                      help="treat every record as HTML (default: detect per record)")
    kind.add_argument("--text", dest="kind", action="store_const", const="text",
                      help="treat every record as plain text")
    p.add_argument("--unordered", action="store_true",
                   help="write rows as they finish instead of in input order")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on standard error (default: when it is a terminal)")
    p.set_defaults(handler=run_batch, kind="auto")


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more; got {value}")
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


def _row_head(source: str, index: int, keep: tuple[str, ...], fields: tuple[tuple[str, Any], ...],
              status: BatchStatus) -> str:
    head: dict[str, Any] = {"source": source, "record": index}
    head.update(dict.fromkeys(keep))  # every row has the kept fields, null where the record has none
    head.update(fields)
    head["status"] = status.value
    return json.dumps(head, ensure_ascii=False, default=str)


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
    options = ReadOptions(glob=args.glob, field=args.field, keep=keep, url_field=args.url_field or None,
                          max_bytes=DEFAULT_CONFIG.html.max_bytes)
    workers = args.workers or os.cpu_count() or 1
    try:
        out: TextIO = (sys.stdout if args.output == "-"
                       else open(args.output, "w", encoding="utf-8", newline="\n"))  # noqa: SIM115
    except OSError as exc:
        print(f"copydesk batch: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    stop = threading.Event()
    restore = _catch_interrupt(stop)
    try:
        counts, stats, elapsed = _write_rows(args, options, workers=workers, out=out, show=show, stop=stop)
    finally:
        restore()
        if out is not sys.stdout:
            out.close()
    return _summarise(counts, stats, elapsed, interrupted=stop.is_set())


def _catch_interrupt(stop: threading.Event) -> Any:
    """On the first Ctrl-C set ``stop`` (the run ends after the line it is on); a second one aborts."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGINT)

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, handle)
    return lambda: signal.signal(signal.SIGINT, previous)


def _write_rows(args: argparse.Namespace, options: ReadOptions, *, workers: int, out: TextIO,
                show: bool, stop: threading.Event) -> tuple[_Counts, ReadStats, float]:
    stats = ReadStats()
    counts = _Counts()
    heads: dict[int, tuple[str, int, tuple[tuple[str, Any], ...]]] = {}  # in flight only

    def tasks() -> Iterator[_Task]:
        for seq, record in enumerate(iter_records(args.inputs, options, stats)):
            heads[seq] = (record.source, record.index, record.fields)
            if record.error is not None or record.data is None:
                yield seq, _Failed(record.error or "NoData"), None, None
            else:
                yield seq, record.data, record.url, record.content_type

    job = _Job(kind=InputKind(args.kind), config=DEFAULT_CONFIG, parser=_TEST_PARSER, as_json=True)
    progress = _Progress(sys.stderr, stats, args.inputs, options) if show else None
    start = time.monotonic()
    last_flush = start
    try:
        for seq, status, payload in _run_tasks(tasks(), job, workers=workers, chunksize=args.chunksize,
                                               ordered=not args.unordered, stop=stop,
                                               start_method=_START_METHOD):
            source, index, fields = heads.pop(seq)
            out.write(_row(_row_head(source, index, options.keep, fields, status), status, payload))
            if status is BatchStatus.OK:
                counts.parsed += 1
            elif status is BatchStatus.EMPTY:
                counts.empty += 1
            else:
                counts.failed += 1
            now = time.monotonic()
            if now - last_flush > 1.0:
                out.flush()
                last_flush = now
            if progress is not None:
                progress.update(counts)
            if stop.is_set():
                break
    finally:
        if progress is not None:
            progress.close()
        with contextlib.suppress(BrokenPipeError):
            out.flush()
    return counts, stats, time.monotonic() - start


def _summarise(counts: _Counts, stats: ReadStats, elapsed: float, *, interrupted: bool) -> int:
    rate = counts.total / elapsed if elapsed > 0 else 0.0
    line = (f"copydesk batch: {counts.total:,} records in {elapsed:.1f} s ({rate:,.1f} pages/s): "
            f"{counts.parsed:,} parsed, {counts.empty:,} empty, {counts.failed:,} failed")
    if stats.skipped:
        line += f"; {stats.skipped:,} archive records skipped (not HTML pages)"
    if interrupted:
        line += "; interrupted: the output is complete up to its last line"
    print(line, file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if counts.failed else EXIT_OK
