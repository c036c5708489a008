"""Parse on a Dask cluster: a bag or dataframe of texts or pages in, articles out.

Needs the ``dask`` extra (``pip install 'copydesk[dask]'``). The work per
record is the same as :func:`copydesk.parse_many`: HTML is detected per record
(or forced with ``kind``), and a record that fails gives a row with
``status`` ``"error"`` and the error text instead of failing the whole job.

- :func:`parse_bag`: a :class:`dask.bag.Bag` of ``str``/``bytes`` (or of
  dicts, with ``field=``) in, a bag of dicts out:
  ``{"status": "ok", "error": None, "article": {...Article.to_dict()...}}``
  plus the fields named in ``keep``.
- :func:`parse_dataframe`: a :class:`dask.dataframe.DataFrame` with a column of
  texts or pages in, a dataframe with the article fields you pick out (same
  index and partitions), ``status`` and ``error``.

>>> import dask.bag as db
>>> rows = parse_bag(db.from_sequence(["Title\\n\\nA first paragraph."], npartitions=1)).compute()
>>> rows[0]["status"], rows[0]["article"]["title"]
('ok', 'Title')
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._batch.engine import BatchStatus, InputKind, _check_options, _Job, _run_one
from ._config import DEFAULT_CONFIG, ParseConfig
from ._errors import ConfigError
from ._model import Article

__all__ = ["ARTICLE_COLUMNS", "article_columns", "parse_bag", "parse_dataframe"]

#: The columns :func:`parse_dataframe` can take from an article, and what each holds.
ARTICLE_COLUMNS: Mapping[str, str] = {
    "title": "the title (str or None)",
    "subtitle": "the subtitle (str or None)",
    "authors": "person names (list of str)",
    "byline": "the raw byline (str or None)",
    "published": "publication time, ISO 8601 as precise as the source (str or None)",
    "updated": "update time, ISO 8601 (str or None)",
    "dateline": "the dateline place (str or None)",
    "credits": "wire agencies (list of str)",
    "captions": "caption texts (list of str)",
    "pull_quotes": "pull quotes (list of str)",
    "text": "the clean body (str)",
    "language": "language code (str or None)",
    "url": "the URL (str or None)",
    "site_name": "the site name (str or None)",
    "description": "the description (str or None)",
    "tags": "tags (list of str)",
    "image": "the lead image URL (str or None)",
    "article": "the whole article as JSON text (Article.to_json; Article.from_json reads it back)",
}

DEFAULT_COLUMNS = ("title", "authors", "published", "text")


def article_columns(article: Article | None, columns: Sequence[str] = DEFAULT_COLUMNS) -> dict[str, Any]:
    """The values of ``columns`` (names from :data:`ARTICLE_COLUMNS`) for one article (None: all None).

    >>> from copydesk import parse_text
    >>> article_columns(parse_text("Title\\n\\nFirst paragraph."), ("title", "text", "tags"))
    {'title': 'Title', 'text': 'First paragraph.', 'tags': []}
    >>> article_columns(None, ("title",))
    {'title': None}
    """
    if article is None:
        return dict.fromkeys(columns)
    out: dict[str, Any] = {}
    for name in columns:
        if name in ("published", "updated"):
            stamp = getattr(article, name)
            out[name] = stamp.isoformat() if stamp is not None else None
        elif name == "dateline":
            out[name] = article.dateline.place if article.dateline is not None else None
        elif name == "credits":
            out[name] = [credit.name for credit in article.credits]
        elif name == "captions":
            out[name] = [caption.text for caption in article.captions]
        elif name == "article":
            out[name] = article.to_json()
        elif name == "text":
            out[name] = article.text
        else:
            value = getattr(article, name)
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _check_columns(columns: Sequence[str]) -> tuple[str, ...]:
    if isinstance(columns, str):
        raise ConfigError(f"columns must be a sequence of names, not the string {columns!r}")
    unknown = [name for name in columns if name not in ARTICLE_COLUMNS]
    if unknown:
        raise ConfigError(f"unknown article columns {unknown}; choose from {sorted(ARTICLE_COLUMNS)}")
    return tuple(columns)


def _parse_value(job: _Job, data: Any, url: Any) -> tuple[BatchStatus, Any]:
    """Parse one value of a bag or column: (status, Article or error text)."""
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, str | bytes):
        missing = (data is None or (isinstance(data, float) and math.isnan(data))
                   or type(data).__name__ in ("NAType", "NaTType"))  # pandas' missing values
        what = "missing" if missing else f"a {type(data).__name__}"
        return BatchStatus.ERROR, f"MissingField: the value is {what}, not text or HTML"
    link = url if isinstance(url, str) and url else None
    _seq, status, payload = _run_one(job, (0, data, link, None))
    return status, payload


def _bag_partition(items: Iterable[Any], job: _Job, field: str | None, url_field: str | None,
                   keep: tuple[str, ...]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for item in items:
        record = item if isinstance(item, Mapping) else {}
        data = record.get(field) if field is not None else item
        url = record.get(url_field) if url_field is not None else None
        status, payload = _parse_value(job, data, url)
        row: dict[str, Any] = {name: record.get(name) for name in keep}
        row["status"] = status.value
        row["error"] = payload if status is BatchStatus.ERROR else None
        row["article"] = None if status is BatchStatus.ERROR else payload.to_dict()
        rows.append(row)
    return rows


def parse_bag(
    bag: Any,
    *,
    kind: InputKind | str = InputKind.AUTO,
    config: ParseConfig = DEFAULT_CONFIG,
    field: str | None = None,
    url_field: str | None = None,
    keep: Sequence[str] = (),
) -> Any:
    """Parse every item of a :class:`dask.bag.Bag`; return a bag of dicts (lazy, like any bag).

    Items are ``str``/``bytes``; with ``field`` they are dicts (a JSONL file
    read with ``db.read_text(...).map(json.loads)``) whose ``field`` holds the
    text or HTML, ``url_field`` the URL, and whose ``keep`` fields are copied
    into the output. Each output dict has ``status`` (``"ok"``, ``"empty"``,
    ``"error"``), ``error`` (text or None) and ``article``
    (:meth:`Article.to_dict` or None).

    >>> import dask.bag as db
    >>> records = [{"id": 7, "text": "Title\\n\\nA first paragraph."}]
    >>> out = parse_bag(db.from_sequence(records), field="text", keep=["id"]).compute()
    >>> out[0]["id"], out[0]["status"], out[0]["article"]["text"]
    (7, 'ok', 'A first paragraph.')
    """
    input_kind = _check_options(1, None, kind, config)
    if field is None and (keep or url_field):
        raise ConfigError("keep= and url_field= need field=: they name fields of dict items")
    job = _Job(kind=input_kind, config=config)
    return bag.map_partitions(_bag_partition, job, field, url_field, tuple(keep))


def _frame_partition(frame: Any, *, job: _Job, column: str, url_column: str | None,
                     columns: tuple[str, ...], keep: tuple[str, ...], template: Any) -> Any:
    pd = importlib.import_module("pandas")

    urls = frame[url_column] if url_column is not None else [None] * len(frame)
    data: dict[str, list[Any]] = {name: [] for name in template.columns}
    for value, url, position in zip(frame[column], urls, range(len(frame)), strict=True):
        status, payload = _parse_value(job, value, url)
        article = None if status is BatchStatus.ERROR else payload
        for name in keep:
            data[name].append(frame[name].iloc[position])
        for name, cell in article_columns(article, columns).items():
            data[name].append(cell)
        data["status"].append(status.value)
        data["error"].append(payload if status is BatchStatus.ERROR else None)
    out = pd.DataFrame(data, index=frame.index, columns=template.columns)
    return out.astype(template.dtypes.to_dict())


def parse_dataframe(
    df: Any,
    column: str = "text",
    *,
    kind: InputKind | str = InputKind.AUTO,
    config: ParseConfig = DEFAULT_CONFIG,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    url_column: str | None = None,
    keep: Sequence[str] = (),
) -> Any:
    """Parse ``df[column]`` (texts or pages) of a :class:`dask.dataframe.DataFrame`.

    Returns a dask DataFrame with the same index and partitions: the input
    columns named in ``keep``, then the article ``columns`` (names from
    :data:`ARTICLE_COLUMNS`; list values stay lists), then ``status`` and
    ``error``. ``url_column`` names a column of page URLs. Join it back to
    ``df`` or write it out (``to_parquet``) as it is.

    >>> import pandas as pd, dask.dataframe as dd
    >>> df = dd.from_pandas(pd.DataFrame({"id": [1], "text": ["Title\\n\\nBody."]}), npartitions=1)
    >>> parse_dataframe(df, keep=["id"], columns=["title", "text"]).compute().to_dict("records")
    [{'id': 1, 'title': 'Title', 'text': 'Body.', 'status': 'ok', 'error': None}]
    """
    pd = importlib.import_module("pandas")
    input_kind = _check_options(1, None, kind, config)
    picked = _check_columns(columns)
    keep = tuple(keep)
    for name in (column, url_column, *keep):
        if name is not None and name not in df.columns:
            raise ConfigError(f"the dataframe has no column {name!r}; it has {list(df.columns)}")
    clash = sorted(set(keep) & {*picked, "status", "error"})
    if clash:
        raise ConfigError(f"keep= names {clash}, which the output uses for article columns")
    meta = pd.DataFrame({
        **{name: pd.Series(dtype=df[name].dtype) for name in keep},
        **{name: pd.Series(dtype=object) for name in (*picked, "status", "error")},
    })
    job = _Job(kind=input_kind, config=config)
    return df.map_partitions(_frame_partition, job=job, column=column, url_column=url_column,
                             columns=picked, keep=keep, template=meta, meta=meta)
