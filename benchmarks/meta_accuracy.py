"""Metadata accuracy on the aeb pages against the hand-checked ../shared/data/aeb-meta.

For each of the 181 pages of ../shared/data/aeb/html, the same page bytes go
to every tool in the same process:

- copydesk ``parse_html(raw, url=url)``;
- trafilatura ``bare_extraction(html, url=url, with_metadata=True)``;
- newspaper4k ``Article(url)`` with ``download(input_html=...)`` and ``parse()``.

Scores (share of pages):

- title: exact after whitespace normalisation;
- authors: the set of names, case- and whitespace-insensitive, equal to the
  truth's set (an empty truth wants no author);
- day: the publication day (``YYYY-MM-DD`` as written) equal to the truth's,
  or both absent;
- for copydesk only (no peer has them): dateline place (case-insensitive),
  credits (set of agency names), captions (the truth's captions found among
  the article's, after whitespace normalisation; pages without captions need
  none).

``--timing`` measures the metadata stage alone on pre-built trees, in the
same run: copydesk ``extract_metadata`` (on the soup the HTML front end's
loader builds, or ``BeautifulSoup(html, "lxml")``) and ``merge_metadata``,
against trafilatura's own metadata stage (``trafilatura.metadata.
extract_metadata`` on an lxml tree), and reports the ratio.

Run::

    /work/venv/bin/python benchmarks/meta_accuracy.py [--misses title,authors,day,...] [--timing]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FIELDS = ("title", "authors", "day")
COPYDESK_ONLY = ("dateline", "credits", "captions")


def load_records() -> list[tuple[dict[str, Any], bytes]]:
    """Each truth record with its page's bytes."""
    out = []
    with (DATA / "aeb-meta" / "aeb_meta.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                raw = gzip.decompress((DATA / "aeb" / "html" / f"{record['key']}.html.gz").read_bytes())
                out.append((record, raw))
    return out


def _norm(text: Any) -> str:
    return " ".join(str(text).split()) if text else ""


def _name_set(names: Any) -> frozenset[str]:
    return frozenset(_norm(n).casefold() for n in (names or ()) if _norm(n))


def _day(value: Any) -> str | None:
    text = _norm(value)
    return text[:10] if len(text) >= 10 else None


# -- tools: each returns {"title", "authors", "day", and for copydesk the rest} ----


def run_copydesk(record: dict[str, Any], raw: bytes) -> dict[str, Any]:
    """copydesk's full HTML front end."""
    import copydesk

    article = copydesk.parse_html(raw, url=record["url"])
    day = article.published.date if article.published is not None else None
    return {
        "title": article.title,
        "authors": list(article.authors),
        "day": day.isoformat() if day is not None else None,
        "dateline": article.dateline.place if article.dateline is not None else None,
        "credits": [c.name for c in article.credits if c.role.value in ("story", "contributed")],
        "captions": [c.text for c in article.captions],
    }


def run_trafilatura(record: dict[str, Any], raw: bytes) -> dict[str, Any]:
    """trafilatura ``bare_extraction`` with metadata."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(raw.decode("utf-8", "replace"), url=record["url"], with_metadata=True)
    except Exception:  # a peer's failure counts as no answer
        return {}
    if doc is None:
        return {}
    data = doc if isinstance(doc, dict) else doc.as_dict()
    author = data.get("author") or ""
    return {
        "title": data.get("title"),
        "authors": [a.strip() for a in author.split(";") if a.strip()],
        "day": _day(data.get("date")),
    }


def run_newspaper(record: dict[str, Any], raw: bytes) -> dict[str, Any]:
    """newspaper4k on the same bytes (no download)."""
    import newspaper

    try:
        article = newspaper.Article(record["url"], fetch_images=False)
        article.download(input_html=raw.decode("utf-8", "replace"))
        article.parse()
    except Exception:  # a peer's failure counts as no answer
        return {}
    day = article.publish_date.date().isoformat() if article.publish_date else None
    return {"title": article.title, "authors": list(article.authors), "day": day}


# -- scoring --------------------------------------------------------------------------


def score(field: str, got: dict[str, Any], truth: dict[str, Any]) -> bool:
    """True when the tool's ``field`` matches the truth."""
    if field == "title":
        return bool(_norm(got.get("title"))) and _norm(got.get("title")) == _norm(truth["title"])
    if field == "authors":
        return _name_set(got.get("authors")) == _name_set(truth["authors"])
    if field == "day":
        return got.get("day") == _day(truth["published"])
    if field == "dateline":
        want = _norm(truth["dateline"]).casefold() or None
        have = _norm(got.get("dateline")).casefold() or None
        return want == have
    if field == "credits":
        return _name_set(got.get("credits")) == _name_set(truth["credits"])
    if field == "captions":
        want = {_norm(c) for c in truth["captions"] or ()}
        have = {_norm(c) for c in got.get("captions") or ()}
        return want <= have if want else not have
    raise ValueError(field)


def timing(records: list[tuple[dict[str, Any], bytes]], repeat: int = 3) -> None:
    """Time the metadata stage alone (best of ``repeat`` runs over all pages) and print a table."""
    import lxml.html
    from bs4 import BeautifulSoup
    from trafilatura.metadata import extract_metadata as trafilatura_metadata

    from copydesk import ParseConfig
    from copydesk._html.merge import merge_metadata
    from copydesk._html.meta import extract_metadata
    from copydesk._model import Article

    config = ParseConfig()
    try:
        from copydesk._html.load import load_html

        soups = [load_html(raw, content_type=None, config=config).soup for _record, raw in records]
        soup_kind = "front-end loader soup"
    except ImportError:
        soups = [BeautifulSoup(raw, "lxml") for _record, raw in records]
        soup_kind = "BeautifulSoup(html, 'lxml')"
    trees = [lxml.html.fromstring(raw) for _record, raw in records]
    urls = [record["url"] for record, _raw in records]

    def best(run: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        return min(times) / len(records) * 1000

    extracted: list[Any] = []

    def run_extract() -> None:
        extracted.clear()
        extracted.extend(extract_metadata(s, url=u, config=config) for s, u in zip(soups, urls, strict=True))

    def run_merge() -> None:
        for meta in extracted:
            merge_metadata(Article(), meta, config=config)

    def run_trafilatura() -> None:
        for tree, url in zip(trees, urls, strict=True):
            trafilatura_metadata(tree, default_url=url)

    ours = best(run_extract)
    merge = best(run_merge)
    peer = best(run_trafilatura)
    print(f"metadata stage, {len(records)} aeb pages, best of {repeat} ({soup_kind}):")
    print("| stage                                   | ms/page |")
    print("|-----------------------------------------|---------|")
    print(f"| copydesk extract_metadata               | {ours:7.2f} |")
    print(f"| copydesk merge_metadata                 | {merge:7.2f} |")
    print(f"| trafilatura.metadata.extract_metadata   | {peer:7.2f} |")
    print(f"ratio trafilatura / copydesk (extract + merge): {peer / (ours + merge):.2f}x")


def main(argv: list[str] | None = None) -> int:
    """Run every tool over the pages and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", default="", help="comma-separated fields whose copydesk misses to print")
    parser.add_argument("--only", default="", help="comma-separated tools to run (copydesk,trafilatura,newspaper4k)")
    parser.add_argument("--timing", action="store_true", help="time the metadata stage alone and stop")
    args = parser.parse_args(argv)
    if not (DATA / "aeb-meta").exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    import logging

    logging.disable(logging.WARNING)
    records = load_records()
    if args.timing:
        timing(records)
        return 0
    tools: dict[str, Callable[[dict[str, Any], bytes], dict[str, Any]]] = {
        "copydesk": run_copydesk,
        "trafilatura": run_trafilatura,
        "newspaper4k": run_newspaper,
    }
    if args.only:
        tools = {k: v for k, v in tools.items() if k in args.only.split(",")}
    show = {f for f in args.misses.split(",") if f}
    table: dict[str, dict[str, float]] = {}
    for name, tool in tools.items():
        fields = FIELDS + (COPYDESK_ONLY if name == "copydesk" else ())
        hits = dict.fromkeys(fields, 0)
        started = time.perf_counter()
        for record, raw in records:
            got = tool(record, raw)
            for field in fields:
                ok = score(field, got, record)
                hits[field] += ok
                if not ok and name == "copydesk" and field in show:
                    truth_value = {
                        "title": record["title"], "authors": record["authors"], "day": record["published"],
                        "dateline": record["dateline"], "credits": record["credits"],
                        "captions": record["captions"],
                    }[field]
                    print(f"MISS {field}: got={got.get(field)!r} want={truth_value!r} {record['url'][:90]}")
        elapsed = time.perf_counter() - started
        table[name] = {f: hits[f] / len(records) for f in fields}
        table[name]["ms"] = elapsed / len(records) * 1000
    print(f"aeb-meta: {len(records)} pages")
    columns = FIELDS + COPYDESK_ONLY
    print("| tool        | " + " | ".join(f"{c:>8}" for c in columns) + " | ms/page |")
    print("|-------------|" + "|".join("-" * 10 for _ in columns) + "|---------|")
    for name, row in table.items():
        cells = " | ".join(f"{row[c]:8.3f}" if c in row else f"{'-':>8}" for c in columns)
        print(f"| {name:<11} | {cells} | {row['ms']:7.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
