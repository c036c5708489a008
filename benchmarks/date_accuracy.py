"""Publication-day accuracy on ../shared/data/dates-mediacloud: copydesk vs htmldate.

200 multilingual news pages, bytes as served, with the expected publication
day in ``dates.json`` (a few pages have no date: the right answer is none).
Every tool runs in the same process on the same bytes:

- copydesk: ``parse_html(raw, url=url).published`` when the HTML front end
  merges metadata (``--mode auto``, the default, checks this); otherwise
  ``extract_metadata`` + ``merge_metadata`` on an article read from the
  visible text around the page's first ``<h1>`` (``--mode meta``);
- htmldate ``find_date(html, url=url, extensive_search=True)``, and the same
  with ``original_date=True``.

Run::

    /work/venv/bin/python benchmarks/date_accuracy.py [--misses] [--mode auto|pipeline|meta]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates-mediacloud"


def load_pages() -> list[tuple[str, bytes, str | None]]:
    """``(url, raw bytes, expected day or None)`` for every page."""
    truth = json.loads((DATA / "dates.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in truth.items():
        name = item["file"]
        path = DATA / "pages" / (name if name.endswith(".gz") else name + ".gz")
        raw = gzip.decompress(path.read_bytes())
        expected = item.get("date")
        if not isinstance(expected, str) or (isinstance(expected, float) and math.isnan(expected)):
            expected = None
        pages.append((url, raw, expected))
    return pages


def pipeline_merges_metadata() -> bool:
    """True when ``copydesk.parse_html`` runs the metadata merge."""
    try:
        import inspect

        from copydesk._html import front as _htmlparse

        return "merge_metadata" in inspect.getsource(_htmlparse)
    except (ImportError, OSError):
        return False


def copydesk_pipeline(url: str, raw: bytes) -> str | None:
    """The published day from the full HTML front end."""
    import copydesk

    article = copydesk.parse_html(raw, url=url)
    day = article.published.date if article.published is not None else None
    return day.isoformat() if day is not None else None


def copydesk_meta(url: str, raw: bytes) -> str | None:
    """Metadata + merge with an article read from the text around the first ``<h1>``.

    A stand-in for the HTML front end while it is not wired up: the title is
    the first ``<h1>``, the blocks are the short visible strings right after
    it (where bylines and date lines sit).
    """
    from bs4 import BeautifulSoup

    from copydesk import ParseConfig
    from copydesk._html.merge import merge_metadata
    from copydesk._html.meta import extract_metadata
    from copydesk._model import Article, Block, BlockKind

    config = ParseConfig()
    soup = BeautifulSoup(raw, "lxml")
    for junk in soup.find_all(["script", "style", "noscript"]):
        if junk.decomposed:
            continue
        if "ld+json" not in str(junk.get("type", "")):
            junk.decompose()
    metadata = extract_metadata(soup, url=url, config=config)
    blocks: list[Block] = []
    heading = soup.find("h1")
    title = None
    if heading is not None:
        title = " ".join(heading.get_text(" ").split())
        before = [" ".join(str(t).split()) for t in heading.find_all_previous(string=True, limit=10)]
        before = [t for t in before if t and len(t) <= 200][:3]
        blocks.extend(Block(BlockKind.BOILERPLATE, t) for t in reversed(before))
        blocks.append(Block(BlockKind.TITLE, title))
        for text in heading.find_all_next(string=True, limit=40):
            line = " ".join(str(text).split())
            if line and line != title and len(line) <= 200:
                blocks.append(Block(BlockKind.BOILERPLATE, line))
            if len(blocks) > 15:
                break
    article = Article(title=title, blocks=tuple(blocks))
    merged = merge_metadata(article, metadata, config=config)
    day = merged.published.date if merged.published is not None else None
    return day.isoformat() if day is not None else None


def htmldate_tool(original: bool) -> Callable[[str, bytes], str | None]:
    """htmldate's ``find_date`` with extensive search (and ``original_date`` when asked)."""
    from htmldate import find_date

    def run(url: str, raw: bytes) -> str | None:
        try:
            return find_date(raw, url=url, extensive_search=True, original_date=original)
        except Exception:  # a peer's failure counts as no answer
            return None

    return run


def main(argv: list[str] | None = None) -> int:
    """Run every tool over the pages and print the accuracy table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="print copydesk's misses")
    parser.add_argument("--mode", choices=("auto", "pipeline", "meta"), default="auto")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    import logging

    logging.disable(logging.WARNING)  # htmldate logs every page it cannot date
    pages = load_pages()
    mode = args.mode
    if mode == "auto":
        mode = "pipeline" if pipeline_merges_metadata() else "meta"
    tools: dict[str, Callable[[str, bytes], str | None]] = {
        f"copydesk ({mode})": copydesk_pipeline if mode == "pipeline" else copydesk_meta,
        "htmldate extensive": htmldate_tool(False),
        "htmldate extensive+original": htmldate_tool(True),
    }
    results: dict[str, Any] = {}
    misses: list[tuple[str, str | None, str | None]] = []
    for name, tool in tools.items():
        correct = 0
        started = time.perf_counter()
        for url, raw, expected in pages:
            got = tool(url, raw)
            if got == expected:
                correct += 1
            elif name.startswith("copydesk"):
                misses.append((url, got, expected))
        elapsed = time.perf_counter() - started
        results[name] = (correct / len(pages), elapsed / len(pages) * 1000)
    print(f"dates-mediacloud: {len(pages)} pages")
    print(f"| {'tool':<30} | accuracy | ms/page |")
    print(f"|{'-' * 32}|----------|---------|")
    for name, (accuracy, ms) in results.items():
        print(f"| {name:<30} | {accuracy:8.3f} | {ms:7.1f} |")
    if args.misses:
        for url, got, expected in misses:
            print(f"MISS got={got} expected={expected} {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
