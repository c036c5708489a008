"""Input readers of ``copydesk batch``: folders, JSONL, gzip, WARC, and what becomes an error record."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from copydesk._batch.inputs import ReadOptions, ReadStats, iter_paths, iter_records, total_size

PAGE = b"<html><head><title>T</title></head><body><p>Hello.</p></body></html>"


def _write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _records(paths, **options):
    return list(iter_records([str(p) for p in paths], ReadOptions(**options)))


def test_folders_are_walked_recursively_in_name_order_skipping_hidden(tmp_path):
    _write(tmp_path / "b.html", PAGE)
    _write(tmp_path / "a" / "z.txt", b"Title\n\nBody.")
    _write(tmp_path / "a" / ".hidden.html", PAGE)
    _write(tmp_path / ".git" / "x.html", PAGE)
    found = [os.path.relpath(p, tmp_path) for p in iter_paths([str(tmp_path)], ReadOptions())]
    assert found == [os.path.join("a", "z.txt"), "b.html"]


def test_glob_matches_names_or_paths_below_the_folder(tmp_path):
    _write(tmp_path / "x" / "one.html", PAGE)
    _write(tmp_path / "x" / "two.txt", b"t")
    _write(tmp_path / "y" / "three.html", PAGE)
    by_name = [os.path.basename(p) for p in iter_paths([str(tmp_path)], ReadOptions(glob="*.html"))]
    by_path = [os.path.basename(p) for p in iter_paths([str(tmp_path)], ReadOptions(glob="x/*"))]
    assert by_name == ["one.html", "three.html"]
    assert by_path == ["one.html", "two.txt"]


def test_documents_plain_and_gzipped(tmp_path):
    plain = _write(tmp_path / "a.html", PAGE)
    packed = _write(tmp_path / "b.html.gz", gzip.compress(PAGE))
    records = _records([plain, packed])
    assert [(r.source, r.index, r.data, r.error) for r in records] == [
        (str(plain), 0, PAGE, None),
        (str(packed), 0, PAGE, None),
    ]


def test_bad_gzip_and_missing_file_become_error_records(tmp_path):
    bad = _write(tmp_path / "bad.html.gz", b"\x1f\x8b" + b"not really gzip")
    cut = _write(tmp_path / "cut.html.gz", gzip.compress(PAGE * 50)[:40])
    good = _write(tmp_path / "good.txt", b"Title\n\nBody.")
    missing = tmp_path / "missing.html"
    records = _records([bad, cut, missing, good])
    assert [r.source for r in records] == [str(bad), str(cut), str(missing), str(good)]
    assert records[0].error.startswith(("BadGzipFile", "OSError", "EOFError"))
    assert records[1].error.startswith("EOFError")
    assert records[2].error.startswith("FileNotFoundError")
    assert records[3].error is None and records[3].data == b"Title\n\nBody."


def test_a_broken_symlink_in_a_folder_is_an_error_record(tmp_path):
    (tmp_path / "d").mkdir()
    os.symlink(tmp_path / "nowhere", tmp_path / "d" / "link.html")
    (record,) = _records([tmp_path / "d"])
    assert record.error.startswith("FileNotFoundError")


def test_too_large_document_is_an_error_record(tmp_path):
    big = _write(tmp_path / "big.txt", b"x" * 101)
    (record,) = _records([big], max_bytes=100)
    assert record.error.startswith("TooLarge") and record.data is None


def _jsonl(rows):
    return b"".join((row if isinstance(row, bytes) else json.dumps(row).encode()) + b"\n" for row in rows)


def test_jsonl_field_url_and_carried_fields(tmp_path):
    path = _write(tmp_path / "c.jsonl", _jsonl([
        {"id": "a", "url": "https://e.x/a", "body": "Title\n\nText.", "extra": 1},
        {"id": "b", "body": "<html><body><p>x</p></body></html>"},
    ]))
    records = _records([path], field="body", keep=("id", "extra"))
    assert [(r.index, r.data, r.url, r.fields) for r in records] == [
        (0, "Title\n\nText.", "https://e.x/a", (("id", "a"), ("extra", 1))),
        (1, "<html><body><p>x</p></body></html>", None, (("id", "b"), ("extra", None))),
    ]


def test_jsonl_corrupt_records_are_errors_and_the_file_goes_on(tmp_path):
    path = _write(tmp_path / "c.ndjson", _jsonl([
        {"id": 1, "text": "One\n\nFirst."},
        b'{"id": 2, "text": "unterminated',
        b"[1, 2]",
        {"id": 4, "text": None},
        {"id": 5, "text": 5},
        b"   ",
        {"id": 7, "text": "Seven\n\nLast."},
    ]))
    records = _records([path], keep=("id",))
    assert [r.index for r in records] == [0, 1, 2, 3, 4, 6]  # the blank line 5 is no record
    errors = [r.error.split(":")[0] if r.error else None for r in records]
    assert errors == [None, "InvalidJSON", "NotAnObject", "MissingField", "MissingField", None]
    assert records[3].fields == (("id", 4),)
    assert records[-1].data == "Seven\n\nLast."


def test_truncated_gzipped_jsonl_keeps_the_records_before_the_cut(tmp_path):
    rows = [{"id": n, "text": f"Story {n}\n\n" + "word " * 200} for n in range(200)]
    packed = gzip.compress(_jsonl(rows))
    path = _write(tmp_path / "c.jsonl.gz", packed[: len(packed) // 2])
    records = _records([path])
    assert records[-1].error.startswith("EOFError")
    good = records[:-1]
    assert 0 < len(good) < 200
    assert [r.index for r in good] == list(range(len(good)))
    assert records[-1].index == len(good)


def test_bytes_read_are_counted_for_the_progress_display(tmp_path):
    _write(tmp_path / "a.html", PAGE)
    _write(tmp_path / "b.jsonl.gz", gzip.compress(_jsonl([{"text": "x"}] * 10)))
    stats = ReadStats()
    list(iter_records([str(tmp_path)], ReadOptions(), stats))
    assert stats.bytes_read == total_size([str(tmp_path)], ReadOptions()) > 0


# -- WARC ---------------------------------------------------------------------


def _warc(records, *, gzip_records=True):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    for rec_type, uri, status, content_type, body in records:
        if rec_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
        else:
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body),
                                               warc_content_type=content_type)
        writer.write_record(record)
    assert warcio  # the library is there
    return buffer.getvalue()


ARCHIVE = [
    ("request", "https://e.x/a", None, "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
    ("response", "https://e.x/a", "200 OK", "text/html; charset=utf-8", PAGE),
    ("response", "https://e.x/logo.png", "200 OK", "image/png", b"\x89PNG..."),
    ("response", "https://e.x/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
    ("response", "https://e.x/b", "200 OK", "application/xhtml+xml", PAGE.replace(b"Hello", b"Bye")),
    ("resource", "file:///c.html", None, "text/html", PAGE),
]


@pytest.mark.parametrize(("name", "packed"), [("crawl.warc.gz", True), ("crawl.warc", False), ("crawl.bin", True)])
def test_warc_html_responses_with_url_and_content_type(tmp_path, name, packed):
    path = _write(tmp_path / name, _warc(ARCHIVE, gzip_records=packed))
    stats = ReadStats()
    records = list(iter_records([str(path)], ReadOptions(keep=("WARC-Type",)), stats))
    assert [(r.index, r.url, r.content_type, r.error) for r in records] == [
        (1, "https://e.x/a", "text/html; charset=utf-8", None),
        (4, "https://e.x/b", "application/xhtml+xml", None),
        (5, "file:///c.html", "text/html", None),
    ]
    assert records[0].data == PAGE and records[0].fields == (("WARC-Type", "response"),)
    assert stats.skipped == 3  # the request, the image and the 404


@pytest.mark.parametrize("packed", [True, False])
@pytest.mark.parametrize("share", [0.3, 0.34, 0.45, 0.6, 0.95])
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path, packed, share):
    pages = [("response", f"https://e.x/{n}", "200 OK", "text/html", PAGE * 20) for n in range(6)]
    data = _warc(pages, gzip_records=packed)
    path = _write(tmp_path / "cut.warc.gz", data[: int(len(data) * share)])
    records = _records([path])
    assert records[-1].error is not None
    good = records[:-1]
    assert 1 <= len(good) < 6
    assert all(r.error is None and r.data == PAGE * 20 for r in good)
    assert [r.url for r in good] == [f"https://e.x/{n}" for n in range(len(good))]


def test_warc_without_warcio_is_an_error_record_naming_the_extra(tmp_path, monkeypatch):
    import sys

    path = _write(tmp_path / "crawl.warc", b"WARC/1.0\r\n\r\n")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # import fails as if not installed
    (record,) = _records([path])
    assert record.error.startswith("MissingDependency") and "copydesk[warc]" in record.error
