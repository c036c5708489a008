"""Input readers for ``copydesk batch``: files, folders, JSONL and WARC, plain or gzip'ed.

Everything here streams: a folder is walked one directory at a time
(:mod:`copydesk._batch.walk`), a JSONL file is read line by line, a WARC
archive record by record; nothing reads the whole input list first. A
problem with the input (a missing or unreadable file, a bad or corrupt gzip
stream, a line that is not JSON or nested too deep, a line or document over
the size limit, a truncated WARC, a special file in a folder) becomes a
:class:`Record` with ``error`` set, so it ends up as an error row, and the
reader goes on with the next input. No document, line or record is held in
memory past the size limit, however far it would inflate.

``-`` is standard input. How a file is read is decided by its name (``.gz``
removed first), then its first bytes (decompressed when gzip'ed):

- ``*.jsonl``, ``*.ndjson``, ``*.jsonlines``: one JSON object a line; the
  field named by ``ReadOptions.field`` holds the text or HTML.
- ``*.warc``, ``*.arc``, or content that starts with ``WARC/``: the HTML
  ``response`` (and ``resource``) records of a WARC archive, via ``warcio``
  (the ``copydesk[warc]`` extra).
- anything else: one document (text or HTML) a file.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator
from typing import IO, Any

import attrs

from .run import _error_text
from .walk import WalkOptions, iter_entries, iter_paths, total_size

__all__ = ["RESERVED_FIELDS", "ReadOptions", "ReadStats", "Record", "iter_paths", "iter_records", "total_size"]

#: The JSON fields a row of ``copydesk batch`` output uses itself.
RESERVED_FIELDS = frozenset({"source", "record", "status", "article", "error"})

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_WARC_SUFFIXES = (".warc", ".arc")
_GZIP_MAGIC = b"\x1f\x8b"
#: Errors reading a (possibly gzip'ed) stream can raise: bad or corrupt gzip
#: data, a stream cut short, an unreadable file.
_READ_ERRORS = (OSError, EOFError, ValueError, zlib.error)
_SKIP_CHUNK = 1 << 20


@attrs.frozen
class ReadOptions(WalkOptions):
    """How inputs are read (one object, passed down); the walk's options are inherited."""

    #: JSONL: the field holding the text or HTML.
    field: str = "text"
    #: Fields carried over into the output row: JSONL fields or WARC headers.
    keep: tuple[str, ...] = ()
    #: JSONL: the field holding the page's URL (passed to the parser), if any.
    url_field: str | None = "url"
    #: JSONL: the field holding the record's id (carried into the row as ``id``), if any.
    id_field: str | None = "id"
    #: Largest document, JSONL line or WARC record read, in bytes (after
    #: decompression); a larger one is an error row.
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
    #: The record's id (JSONL ``id_field``, WARC ``WARC-Record-ID``), if it has one.
    id: Any = None


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
    raw: Any = _Borrowed(sys.stdin.buffer) if path == "-" else open(path, "rb")  # noqa: SIM115
    return io.BufferedReader(_CountingReader(raw, stats), buffer_size=1 << 16)


class _Borrowed(io.RawIOBase):
    """Standard input, read but never closed."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)


def _plain_name(path: str) -> str:
    name = os.path.basename(path).lower()
    return name[:-3] if name.endswith(".gz") else name


def _format_of(path: str, head: bytes) -> str:
    """``jsonl``, ``warc`` or ``document``, from the name and then the first bytes."""
    name = _plain_name(path)
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if head[:2] == _GZIP_MAGIC:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 8)
        except zlib.error:  # reported by the document reader
            return "document"
    return "warc" if head.startswith(b"WARC/") else "document"


def iter_records(inputs: list[str], options: ReadOptions, stats: ReadStats | None = None) -> Iterator[Record]:
    """Every record of ``inputs`` (paths of files or folders, ``-`` for standard input), in order."""
    stats = stats or ReadStats()
    for entry in iter_entries(inputs, options):
        if entry.error is not None:
            yield Record(source=entry.path, index=0, error=entry.error)
            continue
        yield from read_source(entry.path, options, stats)


def read_source(path: str, options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    """The records of one file (``-`` for standard input): a document, JSONL lines or WARC records."""
    try:
        raw = _open_counted(path, stats)
    except OSError as exc:
        yield Record(source=path, index=0, error=_error_text(exc))
        return
    with raw:
        try:
            head = raw.peek(1 << 12)[: 1 << 12]
        except OSError as exc:  # a folder given as a file, an unreadable device
            yield Record(source=path, index=0, error=_error_text(exc))
            return
        fmt = _format_of(path, head)
        if fmt == "warc":
            yield from _read_warc(path, raw, options, stats)
            return
        stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if head[:2] == _GZIP_MAGIC else raw
        if fmt == "jsonl":
            yield from _read_jsonl(path, stream, options)
        else:
            yield _read_document(path, stream, options)


def _read_document(path: str, stream: IO[bytes], options: ReadOptions) -> Record:
    try:
        data = stream.read(options.max_bytes + 1)
    except _READ_ERRORS as exc:
        return Record(source=path, index=0, error=_error_text(exc))
    if len(data) > options.max_bytes:
        return Record(source=path, index=0, error=f"TooLarge: more than {options.max_bytes} bytes")
    return Record(source=path, index=0, data=data)


def _read_jsonl(path: str, stream: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    index = 0
    try:
        while True:
            line = stream.readline(options.max_bytes + 1)
            if not line:
                return
            if len(line) > options.max_bytes and not line.endswith(b"\n"):
                _skip_line(stream)
                yield Record(source=path, index=index, error=f"TooLarge: the line holds more than "
                                                             f"{options.max_bytes} bytes")
            elif line.strip():
                yield _jsonl_record(path, index, line, options)
            index += 1
    except _READ_ERRORS as exc:  # bad or corrupt gzip, truncated stream, unreadable
        yield Record(source=path, index=index, error=_error_text(exc))


def _skip_line(stream: IO[bytes]) -> None:
    """Read past the rest of an over-long line, a bounded piece at a time."""
    while True:
        piece = stream.readline(_SKIP_CHUNK)
        if not piece or piece.endswith(b"\n"):
            return


def _jsonl_record(path: str, index: int, line: bytes, options: ReadOptions) -> Record:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Record(source=path, index=index, error=f"InvalidJSON: {exc}")
    except RecursionError:
        return Record(source=path, index=index, error="InvalidJSON: nested too deep to read")
    if not isinstance(obj, dict):
        return Record(source=path, index=index, error=f"NotAnObject: the line holds a JSON {type(obj).__name__}")
    fields = tuple((name, obj.get(name)) for name in options.keep)
    record_id = obj.get(options.id_field) if options.id_field else None
    data = obj.get(options.field)
    if not isinstance(data, str):
        what = "missing" if data is None else f"a {type(data).__name__}, not a string"
        return Record(source=path, index=index, fields=fields, id=record_id,
                      error=f"MissingField: field {options.field!r} is {what}")
    url = obj.get(options.url_field) if options.url_field else None
    return Record(source=path, index=index, data=data, fields=fields, id=record_id,
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


def _read_warc(path: str, raw: IO[bytes], options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Record(source=path, index=0,
                     error="MissingDependency: reading WARC needs warcio: pip install 'copydesk[warc]'")
        return
    index = 0
    try:
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
            record_id = record.rec_headers.get_header("WARC-Record-ID") or None
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
            yield Record(source=path, index=number, data=data, url=url, id=record_id,
                         content_type=content_type, fields=fields)
        # warcio stops quietly at a gzip member cut short: check that it read to the end.
        trailing = _trailing_bytes(path, archive.offset) if path != "-" else 0
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
