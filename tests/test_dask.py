"""copydesk.dask against a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import copydesk  # noqa: E402
from copydesk.dask import ARTICLE_COLUMNS, article_columns, parse_bag, parse_dataframe  # noqa: E402

TEXTS = [f"Story {n}\n\nThe first paragraph of story {n}." for n in range(6)]
PAGE = "<html><head><title>Page</title></head><body><h1>Page</h1><p>The body of the page.</p></body></html>"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_bag_of_texts_and_pages_on_two_workers(client):
    items = [*TEXTS, PAGE.encode(), 42]
    bag = db.from_sequence(items, npartitions=4)
    rows = parse_bag(bag).compute()
    assert len(rows) == len(items)
    assert [r["article"] for r in rows[:6]] == [copydesk.parse_text(t).to_dict() for t in TEXTS]
    assert rows[6]["article"] == copydesk.parse_html(PAGE.encode()).to_dict()
    assert rows[7]["status"] == "error" and rows[7]["article"] is None
    assert rows[7]["error"].startswith("MissingField")
    assert {r["status"] for r in rows[:7]} == {"ok"}
    # the partitions really ran on both worker processes
    assert len(client.scheduler_info()["workers"]) == 2


def test_bag_of_jsonl_records_keeps_fields(client, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": n, "u": f"https://e.x/{n}", "text": t}) + "\n"
                            for n, t in enumerate(TEXTS)), encoding="utf-8")
    bag = db.read_text(str(path), blocksize=200).map(json.loads)
    rows = parse_bag(bag, field="text", url_field="u", keep=["id"]).compute()
    assert [r["id"] for r in rows] == list(range(6))
    assert [r["article"]["url"] for r in rows] == [f"https://e.x/{n}" for n in range(6)]
    assert [r["article"]["title"] for r in rows] == [f"Story {n}" for n in range(6)]


def test_dataframe_columns_meta_and_errors(client):
    frame = pd.DataFrame({"id": range(8), "text": [*TEXTS, PAGE, None]})
    df = dd.from_pandas(frame, npartitions=2)
    out = parse_dataframe(df, "text", keep=["id"], columns=["title", "authors", "published", "text"])
    assert list(out.columns) == ["id", "title", "authors", "published", "text", "status", "error"]
    result = out.compute()
    assert list(result.columns) == list(out.columns)
    assert result["id"].tolist() == list(range(8))
    assert result["title"].tolist()[:7] == [*(f"Story {n}" for n in range(6)), "Page"]
    for n, text in enumerate(TEXTS):
        assert result.iloc[n][["title", "authors", "published", "text"]].to_dict() == article_columns(
            copydesk.parse_text(text), ("title", "authors", "published", "text"))
    assert result["status"].tolist() == ["ok"] * 7 + ["error"]
    assert result["error"].iloc[7] == "MissingField: the value is missing, not text or HTML"
    assert pd.isna(result["title"].iloc[7])


def test_dataframe_kind_and_whole_article_column(client):
    df = dd.from_pandas(pd.DataFrame({"page": [PAGE]}), npartitions=1)
    as_text = parse_dataframe(df, "page", kind="text", columns=["article"]).compute()
    as_html = parse_dataframe(df, "page", kind="html", columns=["article"]).compute()
    assert copydesk.Article.from_json(as_text["article"].iloc[0]) == copydesk.parse_text(PAGE)
    assert copydesk.Article.from_json(as_html["article"].iloc[0]) == copydesk.parse_html(PAGE)


def test_bad_arguments_raise_at_once():
    df = dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1)
    with pytest.raises(copydesk.ConfigError, match="unknown article columns"):
        parse_dataframe(df, columns=["title", "nope"])
    with pytest.raises(copydesk.ConfigError, match="no column"):
        parse_dataframe(df, "body")
    with pytest.raises(copydesk.ConfigError, match="kind"):
        parse_bag(db.from_sequence(["x"]), kind="pdf")
    with pytest.raises(copydesk.ConfigError, match="need field"):
        parse_bag(db.from_sequence(["x"]), keep=["id"])
    assert set(ARTICLE_COLUMNS) >= {"title", "text", "article"}
