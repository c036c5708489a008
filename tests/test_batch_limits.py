"""Issue 12: the per-record time limit, stuck workers, special entries in folders, strict JSON rows."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

import copydesk
from _folders import refuse_listing
from copydesk._batch import engine as _batch
from copydesk._batch.inputs import ReadOptions, iter_records
from copydesk._batch.run import InputKind
from copydesk._cli import main

TEXT = "Story {n}\n\nThe first paragraph of story {n}."


def slow_parser(data, *, kind, url, content_type, config):
    """Test hook: SLOW sleeps (Python code an alarm can stop); the rest parse as usual."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "SLOW" in text:
        time.sleep(3600)
    return _batch.parse_record(data, kind=kind, url=url, content_type=content_type, config=config)


def deaf_parser(data, *, kind, url, content_type, config):
    """Test hook: STUCK blocks the alarm signal and sleeps, as a record stuck in C code would."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "STUCK" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return _batch.parse_record(data, kind=kind, url=url, content_type=content_type, config=config)


def _run(items, parser, **kwargs):
    job = _batch._Job(kind=InputKind.AUTO, config=copydesk.ParseConfig(), parser=parser,
                      time_limit=kwargs.pop("time_limit"))
    options = {"workers": 1, "chunksize": None, "ordered": True, **kwargs}
    return list(_batch._results(items, job, **options))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_over_its_time_limit_is_an_error_and_the_rest_complete(workers):
    items = [TEXT.format(n=n) for n in range(6)]
    items[2] = "SLOW\n\nnever finishes"
    started = time.monotonic()
    results = _run(items, slow_parser, time_limit=1.0, workers=workers, chunksize=2)
    assert time.monotonic() - started < 600  # generous: the point is that it returns at all
    assert [r.index for r in results] == list(range(6))
    assert results[2].error.startswith("TimeLimit")
    assert [r.article.title for i, r in enumerate(results) if i != 2] == [f"Story {n}" for n in range(6) if n != 2]


def test_a_worker_deaf_to_the_alarm_is_killed_and_only_its_record_fails():
    items = [TEXT.format(n=n) for n in range(8)]
    items[1] = "STUCK\n\nin C code, as far as the alarm can tell"
    results = _run(items, deaf_parser, time_limit=1.0, workers=2, chunksize=4)
    assert results[1].error.startswith("TimeLimit")
    # The rest of its chunk went to another worker.
    assert [r.article.title for i, r in enumerate(results) if i != 1] == [f"Story {n}" for n in range(8) if n != 1]


def test_no_time_limit_when_turned_off_and_the_limit_grows_with_the_size():
    from copydesk._batch.limits import record_limit

    assert record_limit((0, b"x" * 10, None, None), None) is None
    assert record_limit((0, b"x" * 10_000_000, None, None), 2.0) == 20.0
    with pytest.raises(copydesk.ConfigError, match="time_limit"):
        copydesk.parse_many(["x"], time_limit=0)
    (result,) = copydesk.parse_many([TEXT.format(n=1)], time_limit=None)
    assert result.ok


def test_an_alarm_of_the_program_itself_is_left_alone():
    def mine(signum, frame):
        raise AssertionError("not ours")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        (result,) = copydesk.parse_many([TEXT.format(n=1)], time_limit=1)
        assert result.ok and signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_parse_many_never_forks_the_caller():
    from copydesk._batch.pool import start_method

    assert start_method() in ("forkserver", "spawn")


def test_an_unreadable_sub_folder_is_an_error_record(tmp_path, monkeypatch):
    # chmod 000 does not stop root: make the listing fail instead.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Story x\n\nBody.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Story a\n\nBody.", encoding="utf-8")
    refuse_listing(monkeypatch)
    records = list(iter_records([str(tmp_path)], ReadOptions()))
    assert [(os.path.basename(r.source), r.error and r.error.split(":")[0]) for r in records] == [
        ("a.txt", None), ("locked", "UnreadableFolder"),
    ]


def test_special_files_and_outside_links_are_rows_not_reads(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Story a\n\nBody.", encoding="utf-8")
    os.mkfifo(root / "b.fifo")
    (tmp_path / "elsewhere.txt").write_text("Else\n\nBody.", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere.txt", root / "c.txt")
    os.symlink(root / "a.txt", root / "d.txt")  # inside the folder: read
    records = {os.path.basename(r.source): r for r in iter_records([str(root)], ReadOptions())}
    assert records["b.fifo"].error.startswith("NotAFile: a FIFO")
    assert records["c.txt"].error.startswith("SymlinkNotFollowed")
    assert records["d.txt"].data == records["a.txt"].data
    followed = {os.path.basename(r.source): r for r in iter_records([str(root)], ReadOptions(follow_symlinks=True))}
    assert followed["c.txt"].data.startswith(b"Else")


def test_linked_folders_are_walked_once_when_followed(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("A\n\nBody.", encoding="utf-8")
    os.symlink(root, root / "sub" / "loop")  # a cycle
    paths = [os.path.relpath(r.source, root) for r in iter_records([str(root)], ReadOptions(follow_symlinks=True))]
    assert paths.count(os.path.join("sub", "a.txt")) == 1
    assert len(paths) <= 2


def test_the_output_file_is_skipped_by_identity(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Story a\n\nBody.", encoding="utf-8")
    out = root / "zz-out.txt"
    assert main(["batch", str(root), "-o", str(out), "--no-progress"]) == 0
    assert main(["batch", str(root), "-o", str(out), "--no-progress"]) == 0  # the old output is not an input
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [os.path.basename(r["source"]) for r in rows] == ["a.txt"]


def test_nan_in_nested_kept_fields_is_null(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text('{"meta": {"score": NaN, "list": [Infinity, 2]}, "text": "Story\\n\\nBody."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--keep", "meta", "--no-progress"]) == 0
    line = out.read_text(encoding="utf-8")
    assert "NaN" not in line and "Infinity" not in line
    assert json.loads(line)["meta"] == {"score": None, "list": [None, 2]}


def test_a_line_over_the_size_limit_is_skipped_in_pieces(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Story\n\nBody."}) + "\n",
                   encoding="utf-8")
    records = list(iter_records([str(src)], ReadOptions(max_bytes=1000)))
    assert records[0].error.startswith("TooLarge") and records[1].index == 1 and records[1].data


def test_records_over_their_time_at_the_start_are_not_taken_for_workers_that_cannot_start():
    items = ["STUCK\n\none"] * 3 + [TEXT.format(n=n) for n in range(3)]
    results = _run(items, deaf_parser, time_limit=1.0, workers=1 + 1, chunksize=1)
    assert [r.error.split(":")[0] if r.error else "ok" for r in results] == ["TimeLimit"] * 3 + ["ok"] * 3
