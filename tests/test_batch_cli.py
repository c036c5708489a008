"""``copydesk batch``: rows, error rows, exit codes, progress, summary and Ctrl-C."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import copydesk
from copydesk._batch import cli as _batch_cli
from copydesk._batch import engine as _batch
from copydesk._cli import main

PAGE = "<html><head><title>Page {n}</title></head><body><h1>Page {n}</h1><p>Body of page {n}.</p></body></html>"


def flaky_parser(data, *, kind, url, content_type, config):
    """Test hook (module level, so worker processes can import it): BOOM raises, CRASH kills the worker."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "BOOM" in text:
        raise RuntimeError("boom inside a worker")
    if "CRASH" in text:
        os._exit(3)
    return _batch.parse_record(data, kind=kind, url=url, content_type=content_type, config=config)


def _rows(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def crawl(tmp_path):
    """A folder with pages, a text, a JSONL file (one bad line), a bad gzip and a gzip'ed page."""
    root = tmp_path / "crawl"
    (root / "pages").mkdir(parents=True)
    for n in range(3):
        (root / "pages" / f"p{n}.html").write_text(PAGE.format(n=n), encoding="utf-8")
    (root / "pages" / "p3.html.gz").write_bytes(gzip.compress(PAGE.format(n=3).encode()))
    (root / "pages" / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (root / "story.txt").write_text("A story\n\nIts first paragraph.", encoding="utf-8")
    lines = [
        json.dumps({"id": "j0", "url": "https://e.x/j0", "text": "Wire story\n\nIt happened."}),
        '{"id": "j1", "text": ',
        json.dumps({"id": "j2", "text": PAGE.format(n=9)}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_rows_for_every_record_in_order_with_errors_named(crawl, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(crawl), "-o", str(out), "--keep", "id", "--no-progress"])
    rows = _rows(out)
    sources = [(os.path.relpath(r["source"], crawl), r["record"]) for r in rows]
    assert sources == [
        ("feed.jsonl", 0), ("feed.jsonl", 1), ("feed.jsonl", 2),
        ("pages/broken.html.gz", 0),
        ("pages/p0.html", 0), ("pages/p1.html", 0), ("pages/p2.html", 0), ("pages/p3.html.gz", 0),
        ("story.txt", 0),
    ]
    assert [r["status"] for r in rows] == ["ok", "error", "ok", "error", "ok", "ok", "ok", "ok", "ok"]
    assert rows[0]["id"] == "j0" and rows[0]["article"]["url"] == "https://e.x/j0"
    assert rows[1]["id"] is None and rows[1]["error"].startswith("InvalidJSON")
    assert rows[3]["error"].split(":")[0] in {"BadGzipFile", "EOFError", "OSError", "error"}
    assert rows[4]["id"] is None  # every row has the kept fields
    assert [r["article"]["title"] for r in rows[4:8]] == [f"Page {n}" for n in range(4)]
    assert copydesk.Article.from_dict(rows[8]["article"]) == copydesk.parse_text("A story\n\nIts first paragraph.")
    assert code == 1  # some records failed
    err = capsys.readouterr().err
    assert "9 records" in err and "7 parsed, 0 empty, 2 failed" in err and "pages/s" in err


def test_two_workers_write_the_same_rows(crawl, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main(["batch", str(crawl), "-o", str(one), "--no-progress"])
    main(["batch", str(crawl), "-o", str(two), "--workers", "2", "--chunksize", "2", "--no-progress"])
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_unordered_writes_the_same_rows_in_some_order(crawl, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main(["batch", str(crawl), "-o", str(one), "--no-progress"])
    main(["batch", str(crawl), "-o", str(two), "--workers", "2", "--chunksize", "1", "--unordered",
          "--no-progress"])
    assert sorted(one.read_text(encoding="utf-8").splitlines()) == sorted(two.read_text(encoding="utf-8").splitlines())


def test_all_good_exits_zero_and_glob_filters(crawl, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(crawl), "--glob", "p[0-2].html", "-o", str(out), "--no-progress"]) == 0
    assert [r["article"]["title"] for r in _rows(out)] == ["Page 0", "Page 1", "Page 2"]
    assert "3 parsed, 0 empty, 0 failed" in capsys.readouterr().err


def test_html_and_text_force_the_front_end(crawl, tmp_path):
    page = crawl / "pages" / "p0.html"
    as_text, as_html = tmp_path / "t.jsonl", tmp_path / "h.jsonl"
    main(["batch", str(page), "--text", "-o", str(as_text), "--no-progress"])
    main(["batch", str(page), "--html", "-o", str(as_html), "--no-progress"])
    data = page.read_bytes()
    assert _rows(as_text)[0]["article"] == copydesk.parse_text(data).to_dict()
    assert _rows(as_html)[0]["article"] == copydesk.parse_html(data).to_dict()


def test_jsonl_field_and_url_field(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"key": 5, "link": "https://e.x/5", "body": "Title\n\nText."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(src), "--field", "body", "--url-field", "link", "--keep", "key", "-o", str(out),
                 "--no-progress"])
    (row,) = _rows(out)
    assert code == 0
    assert list(row)[:4] == ["source", "record", "key", "status"]
    assert row["key"] == 5 and row["article"]["url"] == "https://e.x/5" and row["article"]["title"] == "Title"


def test_keep_cannot_shadow_row_fields(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "--keep", "id,status", "-o", str(tmp_path / "o")]) == 2
    assert "--keep cannot name status" in capsys.readouterr().err


def test_a_missing_input_fails_up_front_with_exit_2(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    (tmp_path / "here.txt").write_text("Story\n\nBody.", encoding="utf-8")
    code = main(["batch", str(tmp_path / "here.txt"), str(tmp_path / "nope.html"), "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert "nope.html" in err and "pages/s" not in err  # no run, no summary
    assert not out.exists()


def test_a_file_that_vanishes_during_the_run_is_an_error_row(tmp_path, monkeypatch):
    from copydesk._batch import walk

    out = tmp_path / "out.jsonl"
    path = tmp_path / "gone.html"
    path.write_text(PAGE.format(n=1), encoding="utf-8")
    real = walk.iter_entries

    def vanish(inputs, options):
        path.unlink()
        yield from real(inputs, options)

    monkeypatch.setattr("copydesk._batch.inputs.iter_entries", vanish)
    assert main(["batch", str(path), "-o", str(out), "--no-progress"]) == 1
    (row,) = _rows(out)
    assert row["status"] == "error" and row["error"].startswith("FileNotFoundError")


def test_jsonl_rows_carry_the_id_field(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Story\n\nBody."}) + "\n"
                   + json.dumps({"doc": 7, "text": "Other\n\nBody."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--no-progress"]) == 0
    assert [r.get("id") for r in _rows(out)] == ["a1", None]
    assert main(["batch", str(src), "-o", str(out), "--no-progress", "--id-field", "doc"]) == 0
    assert [r.get("id") for r in _rows(out)] == [None, 7]
    assert list(_rows(out)[1])[:3] == ["source", "record", "id"]


def test_standard_input_is_an_input(tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(b"Story\n\nBody."))))
    out = tmp_path / "out.jsonl"
    assert main(["batch", "-", "-o", str(out), "--no-progress"]) == 0
    (row,) = _rows(out)
    assert row["source"] == "-" and row["article"]["title"] == "Story"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_records_that_raise_or_crash_in_a_worker_become_error_rows(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(_batch_cli, "_TEST_PARSER", flaky_parser)
    src = tmp_path / "in.jsonl"
    texts = [f"Story {n}\n\nParagraph {n}." for n in range(10)]
    texts[2] = "BOOM\n\nraises"
    if workers == "2":
        texts[6] = "CRASH\n\nkills the worker"
    src.write_text("".join(json.dumps({"n": n, "text": t}) + "\n" for n, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(src), "-o", str(out), "--keep", "n", "--workers", workers, "--chunksize", "2",
                 "--no-progress"])
    rows = _rows(out)
    assert code == 1
    assert [r["n"] for r in rows] == list(range(10))
    assert rows[2]["error"] == "RuntimeError: boom inside a worker"
    if workers == "2":
        assert rows[6]["error"].startswith("WorkerCrash")
    failed = {2, 6} if workers == "2" else {2}
    assert all(r["status"] == "ok" for r in rows if r["n"] not in failed)


def test_progress_shows_rate_and_eta_when_asked(crawl, tmp_path, capsys):
    main(["batch", str(crawl / "pages"), "-o", str(tmp_path / "o.jsonl"), "--progress"])
    err = capsys.readouterr().err
    assert "records" in err and "/s" in err and "\r" in err


def test_no_progress_when_not_a_terminal(crawl, tmp_path, capsys):
    main(["batch", str(crawl / "pages"), "-o", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    assert "\r" not in err and err.count("\n") == 1  # just the summary


def test_warc_input_end_to_end(tmp_path):
    pytest.importorskip("warcio")
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, ctype in enumerate(["text/html; charset=utf-8", "image/jpeg", "text/html"]):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://e.x/{n}", "response",
                                               payload=io.BytesIO(PAGE.format(n=n).encode()), http_headers=http)
            writer.write_record(record)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "-o", str(out), "--keep", "WARC-Target-URI", "--no-progress"]) == 0
    rows = _rows(out)
    assert [(r["record"], r["WARC-Target-URI"], r["article"]["url"]) for r in rows] == [
        (0, "https://e.x/0", "https://e.x/0"),
        (2, "https://e.x/2", "https://e.x/2"),
    ]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_leaves_complete_lines_and_exits_130(tmp_path, workers):
    src = tmp_path / "big.jsonl"
    body = " ".join(["This is a sentence of a long story about the news of the day."] * 20)
    with src.open("w", encoding="utf-8") as handle:
        for n in range(5000):
            handle.write(json.dumps({"text": f"Story {n}\n\n{body}"}) + "\n")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(Path(copydesk.__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "batch", str(src), "-o", str(out), "--workers", workers, "--text"],
        stderr=subprocess.PIPE, env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"interrupted" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 5000
    assert [json.loads(line)["record"] for line in lines] == list(range(len(lines)))


def test_progress_line_has_share_and_eta_once_the_size_is_known():
    import io

    from copydesk._batch.inputs import ReadOptions, ReadStats

    stats = ReadStats()
    stream = io.StringIO()
    progress = _batch_cli._Progress(stream, stats, [], ReadOptions())
    progress.total_bytes, stats.bytes_read = 1000, 250
    counts = _batch_cli._Counts()
    counts.parsed, counts.failed = 30, 2
    progress.update(counts, force=True)
    line = stream.getvalue()
    assert line.startswith("\r32 records") and "/s" in line
    assert "25%" in line and "ETA " in line and "2 failed" in line
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")
