"""Input readers for ``copydesk batch``: files, folders, JSONL and WARC, plain or gzip'ed.

Everything here streams: a folder is walked one directory at a time, a JSONL
file is read line by line, a WARC archive record by record; nothing reads the
whole input list first. A problem with the input (a missing or unreadable
file, a bad gzip stream, a line that is not JSON, a truncated WARC) becomes a
:class:`Record` with ``error`` set, so it ends up as an error row, and the
reader goes on with the next input.

How a file is read is decided by its name (``.gz`` removed first), then its
first bytes:

- ``*.jsonl``, ``*.ndjson``, ``*.jsonlines``: one JSON object a line; the
  field named by ``ReadOptions.field`` holds the text or HTML.
- ``*.warc``, ``*.arc``, or content that starts with ``WARC/``: the HTML
  ``response`` (and ``resource``) records of a WARC archive, via ``warcio``
  (the ``copydesk[warc]`` extra).
- anything else: one document (text or HTML) a file.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import io
import json
import os
from collections.abc import Iterator
from typing import IO, Any

import attrs

from .engine import _error_text

#: The JSON fields a row of ``copydesk batch`` output uses itself.
RESERVED_FIELDS = frozenset({"source", "record", "status", "article", "error"})

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_WARC_SUFFIXES = (".warc", ".arc")
_GZIP_MAGIC = b"\x1f\x8b"


@attrs.frozen
class ReadOptions:
    """How inputs are read (one object, passed down)."""

    #: Shell pattern a file found in a folder must match (its name, or its path
    #: below the folder when the pattern holds a ``/``).
    glob: str = "*"
    #: JSONL: the field holding the text or HTML.
    field: str = "text"
    #: Fields carried over into the output row: JSONL fields or WARC headers.
    keep: tuple[str, ...] = ()
    #: JSONL: the field holding the page's URL (passed to the parser), if any.
    url_field: str | None = "url"
    #: Largest document or record read, in bytes; a larger one is an error row.
    max_bytes: int = 64 * 1024 * 1024


@attrs.frozen
class Record:
    """One input record: the data to parse, or the reason it could not be read."""

    source: str
    #: Position in the source, from 0: the line (JSONL), the archive record
    #: (WARC), 0 for a single-document file.
    index: int
    data: str | bytes | None = None
    url: str | None = None
    content_type: str | None = None
    #: Carried-over fields, in the order asked for.
    fields: tuple[tuple[str, Any], ...] = ()
    error: str | None = None


class ReadStats:
    """Counters the readers update (read by the progress display, from another thread too)."""

    def __init__(self) -> None:
        self.bytes_read = 0  # bytes read from disk (compressed size for .gz)
        self.skipped = 0  # WARC records that are not HTML pages


class _CountingReader(io.RawIOBase):
    """A raw reader that adds what it reads to :attr:`ReadStats.bytes_read`."""

    def __init__(self, raw: IO[bytes], stats: ReadStats) -> None:
        self._raw = raw
        self._stats = stats
        self._position = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self._position += size
        self._stats.bytes_read += size
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()


def _open_counted(path: str, stats: ReadStats) -> io.BufferedReader:
    return io.BufferedReader(_CountingReader(open(path, "rb"), stats), buffer_size=1 << 16)


def _plain_name(path: str) -> str:
    name = os.path.basename(path).lower()
    return name[:-3] if name.endswith(".gz") else name


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == _GZIP_MAGIC


def _format_of(path: str) -> str:
    """``jsonl``, ``warc`` or ``document``, from the name and then the first bytes."""
    name = _plain_name(path)
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    try:
        opener = gzip.open if _is_gzip(path) else open
        with opener(path, "rb") as handle:
            head = handle.read(8)
    except (OSError, EOFError):  # read again (and reported) by the document reader
        return "document"
    return "warc" if head.startswith(b"WARC/") else "document"


def iter_paths(inputs: list[str], options: ReadOptions) -> Iterator[str]:
    """The files to read: named files as given, folders walked depth-first in name order.

    Hidden files and folders (names starting with ``.``) inside a folder are
    left out; symbolic links to folders are not followed.
    """
    for name in inputs:
        if os.path.isdir(name):
            yield from _walk(name, name, options.glob)
        else:
            yield name


def _walk(top: str, folder: str, pattern: str) -> Iterator[str]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return  # an unreadable sub-folder: nothing to read there
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(top, entry.path, pattern)
            continue
        target = os.path.relpath(entry.path, top).replace(os.sep, "/") if "/" in pattern else entry.name
        if fnmatch.fnmatch(target, pattern):
            yield entry.path


def total_size(inputs: list[str], options: ReadOptions) -> int:
    """The bytes :func:`iter_records` will read (for an ETA); files that vanish count 0."""
    total = 0
    for path in iter_paths(inputs, options):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path)
    return total


def iter_records(inputs: list[str], options: ReadOptions, stats: ReadStats | None = None) -> Iterator[Record]:
    """Every record of ``inputs`` (paths of files or folders), in order."""
    stats = stats or ReadStats()
    for path in iter_paths(inputs, options):
        try:
            fmt = _format_of(path)
        except OSError as exc:
            yield Record(source=path, index=0, error=_error_text(exc))
            continue
        if fmt == "jsonl":
            yield from _read_jsonl(path, options, stats)
        elif fmt == "warc":
            yield from _read_warc(path, options, stats)
        else:
            yield _read_document(path, options, stats)


def _read_document(path: str, options: ReadOptions, stats: ReadStats) -> Record:
    try:
        with _open_counted(path, stats) as raw:
            stream: IO[bytes] | gzip.GzipFile = raw
            if raw.peek(2)[:2] == _GZIP_MAGIC:
                stream = gzip.GzipFile(fileobj=raw, mode="rb")
            data = stream.read(options.max_bytes + 1)
    except (OSError, EOFError, ValueError) as exc:
        return Record(source=path, index=0, error=_error_text(exc))
    if len(data) > options.max_bytes:
        return Record(source=path, index=0, error=f"TooLarge: more than {options.max_bytes} bytes")
    return Record(source=path, index=0, data=data)


def _read_jsonl(path: str, options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    index = 0
    try:
        with _open_counted(path, stats) as raw:
            stream: IO[bytes] | gzip.GzipFile = raw
            if raw.peek(2)[:2] == _GZIP_MAGIC:
                stream = gzip.GzipFile(fileobj=raw, mode="rb")
            for line in stream:
                if line.strip():
                    yield _jsonl_record(path, index, line, options)
                index += 1
    except (OSError, EOFError, ValueError) as exc:  # bad gzip, truncated stream, unreadable
        yield Record(source=path, index=index, error=_error_text(exc))


def _jsonl_record(path: str, index: int, line: bytes, options: ReadOptions) -> Record:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Record(source=path, index=index, error=f"InvalidJSON: {exc}")
    if not isinstance(obj, dict):
        return Record(source=path, index=index, error=f"NotAnObject: the line holds a JSON {type(obj).__name__}")
    fields = tuple((name, obj.get(name)) for name in options.keep)
    data = obj.get(options.field)
    if not isinstance(data, str):
        what = "missing" if data is None else f"a {type(data).__name__}, not a string"
        return Record(source=path, index=index, fields=fields,
                      error=f"MissingField: field {options.field!r} is {what}")
    url = obj.get(options.url_field) if options.url_field else None
    return Record(source=path, index=index, data=data, fields=fields,
                  url=url if isinstance(url, str) and url else None)


def _is_html_type(content_type: str | None) -> bool:
    return content_type is not None and "html" in content_type.lower()


def _content_type(record: Any) -> str | None:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return headers.get_header("Content-Type") if headers is not None else None


def _is_html_page(record: Any) -> bool:
    """A ``response`` with a 2xx status or a ``resource``, with an HTML (or no) content type."""
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers is not None else None
        if status is None or not str(status).startswith("2"):
            return False
    elif record.rec_type != "resource":
        return False
    content_type = _content_type(record)
    return content_type is None or _is_html_type(content_type)


def _drain(record: Any) -> bool:
    """Read past a record that is not parsed; True when the archive ends inside it."""
    while record.raw_stream.read(1 << 16):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


def _read_warc(path: str, options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Record(source=path, index=0,
                     error="MissingDependency: reading WARC needs warcio: pip install 'copydesk[warc]'")
        return
    index = 0
    try:
        with _open_counted(path, stats) as raw:
            archive = ArchiveIterator(raw)
            for number, record in enumerate(archive):
                index = number + 1  # where reading stopped, should the next record fail
                if not _is_html_page(record):
                    if _drain(record):
                        yield Record(source=path, index=number,
                                     error="TruncatedRecord: the archive ends inside this record")
                    else:
                        stats.skipped += 1
                    continue
                content_type = _content_type(record)
                fields = tuple((name, record.rec_headers.get_header(name)) for name in options.keep)
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                try:
                    data = record.content_stream().read(options.max_bytes + 1)
                except Exception as exc:  # a broken body (bad chunking or encoding)
                    yield Record(source=path, index=number, url=url, fields=fields, error=_error_text(exc))
                    continue
                if len(data) > options.max_bytes:
                    yield Record(source=path, index=number, url=url, fields=fields,
                                 error=f"TooLarge: more than {options.max_bytes} bytes")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside the record
                    yield Record(source=path, index=number, url=url, fields=fields,
                                 error="TruncatedRecord: the archive ends inside this record")
                    continue
                yield Record(source=path, index=number, data=data, url=url,
                             content_type=content_type, fields=fields)
            # warcio stops quietly at a gzip member cut short: check that it read to the end.
            trailing = _trailing_bytes(path, archive.offset)
            if trailing:
                yield Record(source=path, index=index,
                             error=f"TruncatedArchive: {trailing} bytes after the last complete record")
    except Exception as exc:  # truncated or corrupt archive: report, go on with the next input
        yield Record(source=path, index=index, error=_error_text(exc))


def _trailing_bytes(path: str, offset: int) -> int:
    """How many bytes past ``offset`` the file holds, not counting blank padding."""
    size = os.path.getsize(path)
    if size - offset > 64:
        return size - offset
    with open(path, "rb") as handle:
        handle.seek(offset)
        return len(handle.read().strip())
