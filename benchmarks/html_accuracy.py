"""Body accuracy and speed of copydesk's HTML front end against its peers, in one process.

Reads the 181 pages of ../shared/data/aeb (Scrapinghub's article-extraction
benchmark) and scores each system's article body against the hand-made
bodies with the benchmark's metric (benchmarks/_aeb_metric.py): precision,
recall and F1 of 4-token shingles, and accuracy (identical token lists).
Speed is pages per second on the same pages in the same process; the
systems take turns page by page and each page counts its best of
``--repeat`` tries, so load from other work on the machine hits all alike.
The ratio to trafilatura's ``bare_extraction(html, with_metadata=True)`` is
what the project promises (>= 1.0).

Systems:

* ``copydesk``: ``parse_html(html, url=url).text`` (body blocks only).
* ``copydesk-content``: the content stage alone (kept blocks with a body
  hint, no classifier), to tell extraction errors from labelling errors.
* ``trafilatura``: ``extract(html, include_comments=False)`` for accuracy
  (its best setting here); ``bare_extraction(html, with_metadata=True)`` for
  the speed reference (and its accuracy too, as ``trafilatura-bare``).
* ``readability``: readability-lxml ``Document(html).summary()``, as text.
* ``newspaper4k``: ``Article(url); download(input_html=html); parse(); .text``.

Usage::

    python benchmarks/html_accuracy.py                 # all systems, table
    python benchmarks/html_accuracy.py --only copydesk --worst 15
    python benchmarks/html_accuracy.py --repeat 3      # each page's best of 3 tries

Peers are optional (``pip install copydesk[bench]``); a missing one is skipped.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aeb_metric import DocumentScore, Summary, score_document, summarize

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "aeb"


def load_pages(data: Path = DATA) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The pages (id -> html), their URLs and their true bodies."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    urls: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for key in sorted(truth):
        path = data / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        pages[key] = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        urls[key] = truth[key].get("url") or ""
        bodies[key] = truth[key].get("articleBody") or ""
    return pages, urls, bodies


Extractor = Callable[[str, str], str]


def _copydesk() -> Extractor:
    from copydesk import parse_html

    return lambda html, url: parse_html(html, url=url).text


def _copydesk_content() -> Extractor:
    """The content stage alone: kept blocks whose hint is a body hint (no classifier)."""
    from copydesk._classify.source import Hint
    from copydesk._html.content import extract_content
    from copydesk._html.load import load_html

    body_hints = {Hint.PARAGRAPH, Hint.HEADING, Hint.LIST_ITEM, Hint.BLOCKQUOTE, Hint.TABLE, Hint.CODE}

    def run(html: str, url: str) -> str:
        content = extract_content(load_html(html).soup)
        return "\n\n".join(b.text for b in content.blocks if b.removed is None and b.hint in body_hints)

    return run


def _trafilatura_extract() -> Extractor:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, include_comments=False) or ""


def _trafilatura_bare() -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if doc is None:
            return ""
        text = getattr(doc, "text", None)
        if text is None and isinstance(doc, dict):
            text = doc.get("text")
        return text or ""

    return run


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(html: str, url: str) -> str:
        summary = Document(html, url=url).summary()
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def _newspaper() -> Extractor:
    import newspaper

    def run(html: str, url: str) -> str:
        # fetch_images=False: the default downloads the page images (network).
        article = newspaper.Article(url or "http://example.com/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return run


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "copydesk": _copydesk,
    "copydesk-content": _copydesk_content,
    "trafilatura": _trafilatura_extract,
    "trafilatura-bare": _trafilatura_bare,
    "readability": _readability,
    "newspaper4k": _newspaper,
}


def run_systems(
    extractors: dict[str, Extractor], pages: dict[str, str], urls: dict[str, str], repeat: int
) -> tuple[dict[str, dict[str, str]], dict[str, float], dict[str, int]]:
    """Outputs per system and page, pages/s per system, and failures per system.

    The systems take turns page by page (not one whole run after another), and
    each page's time is the best of ``repeat`` tries, so a machine shared with
    other work slows every system alike and the ratios stay fair.
    """
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    best: dict[str, dict[str, float]] = {name: {} for name in extractors}
    failures = dict.fromkeys(extractors, 0)
    gc.collect()
    for attempt in range(repeat):
        for key, html in pages.items():
            for name, extractor in extractors.items():
                start = time.perf_counter()
                try:
                    text = extractor(html, urls[key])
                except Exception as exc:  # a peer failing on a page scores as empty
                    text = ""
                    if attempt == 0:
                        failures[name] += 1
                        print(f"  {name} failed on {key[:12]}: {type(exc).__name__}: {exc}", file=sys.stderr)
                elapsed = time.perf_counter() - start
                if attempt == 0:
                    outputs[name][key] = text
                previous = best[name].get(key)
                best[name][key] = elapsed if previous is None else min(previous, elapsed)
    speeds = {name: len(pages) / sum(times.values()) for name, times in best.items()}
    return outputs, speeds, failures


def _fmt(summary: Summary, speed: float, ref_speed: float | None) -> str:
    ratio = f"{speed / ref_speed:.2f}" if ref_speed else "-"
    return (
        f"| {summary.precision:.4f} | {summary.recall:.4f} | {summary.f1:.4f} | "
        f"{summary.accuracy:.3f} | {speed:.1f} | {ratio} |"
    )


def show_worst(scores: dict[str, DocumentScore], outputs: dict[str, str], bodies: dict[str, str],
               urls: dict[str, str], count: int) -> None:
    """Print the pages with the lowest F1 and what was missed or added."""
    from _aeb_metric import shingles, tokenize

    def f1(s: DocumentScore) -> float:
        return 2 * s.tp / (2 * s.tp + s.fp + s.fn) if s.tp else 0.0

    for key in sorted(scores, key=lambda k: f1(scores[k]))[:count]:
        s = scores[key]
        truth, got = shingles(tokenize(bodies[key])), shingles(tokenize(outputs[key]))
        missed = [" ".join(k) for k in truth if k not in got]
        extra = [" ".join(k) for k in got if k not in truth]
        print(f"\n== {key[:16]} f1={f1(s):.3f} tp={s.tp:.2f} fp={s.fp:.2f} fn={s.fn:.2f} {urls[key]}")
        print("   missed:", " / ".join(missed[:: max(1, len(missed) // 8)][:8]))
        print("   extra: ", " / ".join(extra[:: max(1, len(extra) // 8)][:8]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated systems (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="timing runs per system (best kept)")
    parser.add_argument("--worst", type=int, default=0, help="show the N worst copydesk pages")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    pages, urls, bodies = load_pages(args.data)
    names = [n for n in args.only.split(",") if n] or list(SYSTEMS)
    extractors: dict[str, Extractor] = {}
    for name in names:
        try:
            extractors[name] = SYSTEMS[name]()
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    all_outputs, speeds, failures = run_systems(extractors, pages, urls, args.repeat)
    results: dict[str, tuple[Summary, float, int]] = {}
    all_scores: dict[str, dict[str, DocumentScore]] = {}
    for name in extractors:
        scores = {k: score_document(bodies[k], all_outputs[name].get(k, "")) for k in pages}
        results[name] = (summarize(scores.values()), speeds[name], failures[name])
        all_scores[name] = scores
    ref = results.get("trafilatura-bare", (None, 0.0, 0))[1] or None
    print(f"\n{len(pages)} pages; speed ratio against trafilatura bare_extraction(with_metadata=True)\n")
    print("| system | precision | recall | F1 | accuracy | pages/s | speed ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, (summary, speed, failures) in results.items():
        note = f" ({failures} failed)" if failures else ""
        print(f"| {name}{note} " + _fmt(summary, speed, ref))
    worst_of = "copydesk" if "copydesk" in all_scores else "copydesk-content"
    if args.worst and worst_of in all_scores:
        show_worst(all_scores[worst_of], all_outputs[worst_of], bodies, urls, args.worst)
    if args.json:
        args.json.write_text(json.dumps({
            name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "accuracy": s.accuracy,
                   "pages_per_second": speed, "failures": failures}
            for name, (s, speed, failures) in results.items()
        }, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
