"""parse_many and the batch engine: results, order, bounded reading, failures, worker crashes."""

from __future__ import annotations

import os

import pytest

import copydesk
from copydesk._batch import engine as _batch
from copydesk._batch.engine import BatchItem, BatchResult, BatchStatus, InputKind, WorkerStartError, parse_many

PAGE = "<html><head><title>Page {n}</title></head><body><h1>Page {n}</h1><p>Body of page {n}.</p></body></html>"
TEXT = "Story {n}\n\nThe first paragraph of story {n}."


def flaky_parser(data, *, kind, url, content_type, config):
    """Test hook (module level, so it pickles): BOOM raises, CRASH kills the worker process."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "BOOM" in text:
        raise ValueError("boom in this record")
    if "CRASH" in text:
        os._exit(7)
    return _batch.parse_record(data, kind=kind, url=url, content_type=content_type, config=config)


def always_crash(data, *, kind, url, content_type, config):
    """Test hook: every record kills its worker."""
    os._exit(9)


def _run(items, *, parser=flaky_parser, **kwargs):
    job = _batch._Job(kind=InputKind.AUTO, config=copydesk.ParseConfig(), parser=parser)
    options = {"workers": 1, "chunksize": None, "ordered": True, **kwargs}
    return list(_batch._results(items, job, **options))


def test_results_are_typed_and_in_input_order():
    items = [TEXT.format(n=0), PAGE.format(n=1).encode(), BatchItem(TEXT.format(n=2), id="two", url="https://e.x/2")]
    results = list(parse_many(items))
    assert [r.index for r in results] == [0, 1, 2]
    assert all(isinstance(r, BatchResult) and r.status is BatchStatus.OK for r in results)
    assert [r.article.title for r in results] == ["Story 0", "Page 1", "Story 2"]
    assert results[2].id == "two" and results[2].article.url == "https://e.x/2"
    assert results[0].id is None and results[0].error is None


def test_same_articles_with_two_workers_as_in_process():
    items = [TEXT.format(n=n) if n % 2 else PAGE.format(n=n) for n in range(12)]
    one = list(parse_many(items))
    two = list(parse_many(items, workers=2, chunksize=3))
    assert [r.article for r in two] == [r.article for r in one]
    assert [r.index for r in two] == list(range(12))


def test_unordered_gives_every_index_once():
    items = [TEXT.format(n=n) for n in range(20)]
    results = list(parse_many(items, workers=2, chunksize=2, ordered=False))
    assert sorted(r.index for r in results) == list(range(20))
    assert {r.article.title for r in results} == {f"Story {n}" for n in range(20)}


def test_kind_forces_the_front_end():
    page = PAGE.format(n=5)
    as_text = next(parse_many([page], kind="text")).article
    as_html = next(parse_many([page], kind=InputKind.HTML)).article
    assert as_html == copydesk.parse_html(page)
    assert as_text == copydesk.parse_text(page)
    assert next(parse_many([page])).article == as_html  # auto-detected


def test_empty_input_is_empty_not_failed():
    (result,) = parse_many([""])
    assert result.status is BatchStatus.EMPTY and result.ok and result.article is not None


@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_that_raises_becomes_an_error_and_the_rest_complete(workers):
    items = [TEXT.format(n=n) for n in range(8)]
    items[3] = "BOOM\n\nthis record makes the parser raise"
    results = _run(items, workers=workers, chunksize=2)
    assert [r.index for r in results] == list(range(8))
    bad = results[3]
    assert bad.status is BatchStatus.ERROR and not bad.ok and bad.article is None
    assert bad.error == "ValueError: boom in this record"
    assert all(r.status is BatchStatus.OK for i, r in enumerate(results) if i != 3)


def test_a_worker_crash_is_isolated_to_its_record_and_does_not_hang():
    items = [TEXT.format(n=n) for n in range(16)]
    items[5] = "CRASH\n\nthis record kills its worker process"
    results = _run(items, workers=2, chunksize=2)
    assert [r.index for r in results] == list(range(16))
    assert results[5].status is BatchStatus.ERROR
    assert results[5].error.startswith("WorkerCrash")
    assert [r.article.title for i, r in enumerate(results) if i != 5] == [f"Story {n}" for n in range(16) if n != 5]


def test_workers_that_always_die_raise_instead_of_looping():
    with pytest.raises(WorkerStartError):
        _run([TEXT.format(n=n) for n in range(6)], parser=always_crash, workers=2, chunksize=2)


@pytest.mark.parametrize(("workers", "bound"), [(1, 1), (2, 4 * 2 * 2 + 2)])
def test_input_is_read_lazily_with_a_bounded_window(workers, bound):
    pulled = 0
    widest = 0

    def items():
        nonlocal pulled
        for n in range(60):
            pulled += 1
            yield TEXT.format(n=n)

    for consumed, result in enumerate(parse_many(items(), workers=workers, chunksize=2), start=1):
        widest = max(widest, pulled - consumed)
        assert result.index == consumed - 1
    assert pulled == 60
    assert widest <= bound


def test_stopping_early_shuts_the_pool_down():
    results = parse_many((TEXT.format(n=n) for n in range(1000)), workers=2, chunksize=2)
    first = next(results)
    results.close()  # must not hang or parse the other 999
    assert first.index == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "workers"),
        ({"workers": True}, "workers"),
        ({"chunksize": 0}, "chunksize"),
        ({"kind": "xml"}, "kind"),
        ({"config": {}}, "config"),
    ],
)
def test_bad_options_raise_config_error_at_once(kwargs, message):
    with pytest.raises(copydesk.ConfigError, match=message):
        parse_many(["x"], **kwargs)


def test_a_wrong_item_type_raises_input_type_error():
    with pytest.raises(copydesk.InputTypeError, match="item 1 is int"):
        list(parse_many(["fine", 42]))
    with pytest.raises(copydesk.InputTypeError):
        BatchItem(42)
