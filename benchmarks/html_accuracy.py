"""Body and title accuracy and speed of copydesk's HTML front end against its peers, in one process.

Two sets of pages are scored side by side, so that content selection is not
tuned to one family of sites:

* ``aeb``: the 181 pages of ../shared/data/aeb (Scrapinghub's
  article-extraction benchmark, news and blogs), bodies from
  ``aeb/ground-truth.json`` (``articleBody``), titles from the hand-checked
  ``aeb-meta/aeb_meta.jsonl``;
* ``readability``: the 130 pages of ../shared/data/readability-pages
  (Mozilla Readability's test pages: news, blogs, docs, wikis, synthetic edge
  cases), bodies and titles from ``truth.jsonl`` (Readability's own reader
  view).

Scores per set and system:

* **body**: the benchmark's metric (benchmarks/_aeb_metric.py): precision,
  recall and F1 of 4-token shingles, averaged over pages, and accuracy
  (identical token lists);
* **title**: the share of pages whose title equals the truth's after
  collapsing whitespace and casefolding, over the pages whose truth has a
  non-empty title (a system that gives no title misses);
* **speed**: pages per second over all the pages run. The systems take turns
  page by page and each page counts its best of ``--repeat`` tries, so load
  from other work on the machine hits all alike. The ratio to trafilatura's
  ``bare_extraction(html, with_metadata=True)`` is what the project promises
  (>= 1.0).

Systems:

* ``copydesk``: ``parse_html(html, url=url)``: ``.text`` (body blocks only)
  and ``.title``.
* ``copydesk-content``: the content stage alone (kept blocks with a body
  hint, no classifier), to tell extraction errors from labelling errors; no
  title.
* ``trafilatura``: ``extract(html, include_comments=False)`` for the body
  (its best setting here). ``extract`` gives no title, so its title comes from
  trafilatura's metadata stage (``extract_metadata``), run outside the timing.
* ``trafilatura-bare``: ``bare_extraction(html, with_metadata=True)``: the
  speed reference, with its own body and title.
* ``readability``: readability-lxml ``Document(html)``: ``.summary()`` as text
  and ``.short_title()``.
* ``newspaper4k``: ``Article(url); download(input_html=html); parse()``:
  ``.text`` and ``.title``. The readability pages have no URL; they are
  given ``http://example.com/``.

Usage::

    python benchmarks/html_accuracy.py                    # all systems, both sets
    python benchmarks/html_accuracy.py --set readability --only copydesk --worst 15
    python benchmarks/html_accuracy.py --repeat 3         # each page's best of 3 tries
    python benchmarks/html_accuracy.py --json out.json    # also write the results (per page too)

Peers are optional (``pip install copydesk[bench]``); a missing one is skipped.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aeb_metric import DocumentScore, Summary, score_document, summarize

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA = SHARED / "aeb"
READABILITY_DATA = SHARED / "readability-pages"
SETS = ("aeb", "readability")
#: newspaper4k needs a URL; the readability pages have none.
PLACEHOLDER_URL = "http://example.com/"


# -- the pages ---------------------------------------------------------------


@attrs.frozen
class Page:
    """One page of a set: its markup, URL (maybe empty), true body and true title (maybe None)."""

    set: str
    key: str
    html: str
    url: str
    body: str
    title: str | None


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def load_pages(data: Path = DATA) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The aeb pages (id -> html), their URLs and their true bodies."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    urls: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for key in sorted(truth):
        path = data / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        pages[key] = _read_gz(path)
        urls[key] = truth[key].get("url") or ""
        bodies[key] = truth[key].get("articleBody") or ""
    return pages, urls, bodies


def load_aeb(data: Path = DATA) -> list[Page]:
    """The aeb pages with their bodies and (from ``aeb-meta`` beside ``data``, when present) titles."""
    pages, urls, bodies = load_pages(data)
    titles: dict[str, str | None] = {}
    meta = data.parent / "aeb-meta" / "aeb_meta.jsonl"
    if meta.exists():
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                titles[record["key"]] = record.get("title")
    return [Page("aeb", key, html, urls[key], bodies[key], titles.get(key)) for key, html in pages.items()]


def load_readability(data: Path = READABILITY_DATA) -> list[Page]:
    """The readability test pages with the body and title of their expected reader view."""
    out: list[Page] = []
    for line in (data / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        path = data / "html" / f"{record['id']}.html.gz"
        if path.exists():
            out.append(
                Page("readability", record["id"], _read_gz(path), "", record.get("body") or "", record.get("title"))
            )
    return out


# -- the systems -------------------------------------------------------------

#: What a system gives for a page: the body text and the title (None: the system gives none).
Output = tuple[str, str | None]
Extractor = Callable[[str, str], Output]
TitleOnly = Callable[[str, str], str | None]


def _copydesk() -> Extractor:
    from copydesk import parse_html

    def run(html: str, url: str) -> Output:
        article = parse_html(html, url=url or None)
        return article.text, article.title

    return run


def _copydesk_content() -> Extractor:
    """The content stage alone: kept blocks whose hint is a body hint (no classifier)."""
    from copydesk._classify.source import Hint
    from copydesk._html.content import extract_content
    from copydesk._html.load import load_html

    body_hints = {Hint.PARAGRAPH, Hint.HEADING, Hint.LIST_ITEM, Hint.BLOCKQUOTE, Hint.TABLE, Hint.CODE}

    def run(html: str, url: str) -> Output:
        content = extract_content(load_html(html).soup)
        text = "\n\n".join(b.text for b in content.blocks if b.removed is None and b.hint in body_hints)
        return text, None

    return run


def _trafilatura_extract() -> Extractor:
    import trafilatura

    return lambda html, url: (trafilatura.extract(html, url=url or None, include_comments=False) or "", None)


def _trafilatura_title() -> TitleOnly:
    from trafilatura.metadata import extract_metadata

    def run(html: str, url: str) -> str | None:
        meta = extract_metadata(html, default_url=url or None)
        return getattr(meta, "title", None) if meta is not None else None

    return run


def _field(doc: Any, name: str) -> Any:
    value = getattr(doc, name, None)
    if value is None and isinstance(doc, dict):
        value = doc.get(name)
    return value


def _trafilatura_bare() -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> Output:
        doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
        if doc is None:
            return "", None
        return _field(doc, "text") or "", _field(doc, "title")

    return run


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(html: str, url: str) -> Output:
        document = Document(html, url=url or None)
        title = document.short_title()
        summary = document.summary()
        return (lxml.html.fromstring(summary).text_content() if summary.strip() else ""), title

    return run


def _newspaper() -> Extractor:
    import newspaper

    def run(html: str, url: str) -> Output:
        # fetch_images=False: the default downloads the page images (network).
        article = newspaper.Article(url or PLACEHOLDER_URL, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or "", article.title

    return run


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "copydesk": _copydesk,
    "copydesk-content": _copydesk_content,
    "trafilatura": _trafilatura_extract,
    "trafilatura-bare": _trafilatura_bare,
    "readability": _readability,
    "newspaper4k": _newspaper,
}
#: Titles for systems whose timed call gives none, read outside the timing.
UNTIMED_TITLES: dict[str, Callable[[], TitleOnly]] = {"trafilatura": _trafilatura_title}


# -- running -----------------------------------------------------------------


def run_systems(
    extractors: dict[str, Extractor], pages: list[Page], repeat: int
) -> tuple[dict[str, dict[tuple[str, str], Output]], dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Outputs per system and page, the best time per system and page, and failures per system and set.

    The systems take turns page by page (not one whole run after another), and
    each page's time is the best of ``repeat`` tries, so a machine shared with
    other work slows every system alike and the ratios stay fair. Pages are
    keyed ``(set, id)``; a failure scores as an empty output.
    """
    outputs: dict[str, dict[tuple[str, str], Output]] = {name: {} for name in extractors}
    best: dict[str, dict[str, float]] = {name: {} for name in extractors}
    failures: dict[str, dict[str, int]] = {name: {} for name in extractors}
    gc.collect()
    for attempt in range(repeat):
        for page in pages:
            for name, extractor in extractors.items():
                start = time.perf_counter()
                try:
                    output = extractor(page.html, page.url)
                except Exception as exc:  # a peer failing on a page scores as empty
                    output = ("", None)
                    if attempt == 0:
                        failures[name][page.set] = failures[name].get(page.set, 0) + 1
                        print(
                            f"  {name} failed on {page.set}/{page.key[:12]}: {type(exc).__name__}: {exc}",
                            file=sys.stderr,
                        )
                elapsed = time.perf_counter() - start
                if attempt == 0:
                    outputs[name][(page.set, page.key)] = output
                previous = best[name].get(f"{page.set}/{page.key}")
                best[name][f"{page.set}/{page.key}"] = elapsed if previous is None else min(previous, elapsed)
    return outputs, best, failures


def add_untimed_titles(outputs: dict[str, dict[tuple[str, str], Output]], pages: list[Page]) -> None:
    """Fill in the titles of the systems in :data:`UNTIMED_TITLES` (outside the timing)."""
    for name, factory in UNTIMED_TITLES.items():
        if name not in outputs:
            continue
        try:
            title_of = factory()
        except ImportError:
            continue
        for page in pages:
            text, _none = outputs[name][(page.set, page.key)]
            try:
                title = title_of(page.html, page.url)
            except Exception:  # a failure is no title
                title = None
            outputs[name][(page.set, page.key)] = (text, title)


# -- scoring -----------------------------------------------------------------


def norm_title(title: str | None) -> str:
    """A title compared the way the benchmark compares it: whitespace collapsed, casefolded."""
    return " ".join(title.split()).casefold() if title else ""


@attrs.frozen
class SetResult:
    """One system's scores on one set."""

    summary: Summary
    #: Share of the pages with a true title whose title matches (None: no page has a true title).
    title: float | None
    titled: int
    #: Pages per second on this set alone.
    speed: float
    failures: int
    scores: dict[str, DocumentScore]
    title_hits: dict[str, bool]


def score_set(
    pages: Iterable[Page], outputs: dict[tuple[str, str], Output], times: dict[str, float], failed: int
) -> SetResult:
    """Score one system's outputs on the given pages (all of one set)."""
    pages = list(pages)
    scores: dict[str, DocumentScore] = {}
    hits: dict[str, bool] = {}
    total_time = 0.0
    for page in pages:
        text, title = outputs.get((page.set, page.key), ("", None))
        scores[page.key] = score_document(page.body, text)
        if norm_title(page.title):
            hits[page.key] = norm_title(title) == norm_title(page.title)
        total_time += times.get(f"{page.set}/{page.key}", 0.0)
    title = sum(hits.values()) / len(hits) if hits else None
    speed = len(pages) / total_time if total_time else 0.0
    return SetResult(summarize(scores.values()), title, len(hits), speed, failed, scores, hits)


def page_f1(s: DocumentScore) -> float:
    """One page's F1 from its normalised tp/fp/fn."""
    return 2 * s.tp / (2 * s.tp + s.fp + s.fn) if s.tp else 0.0


# -- reporting ---------------------------------------------------------------


def print_table(
    results: dict[str, dict[str, SetResult]], sets: list[str], speeds: dict[str, float], counts: dict[str, int]
) -> None:
    """The side-by-side table: per set P/R/F1/accuracy/title, then speed over all pages run."""
    ref = speeds.get("trafilatura-bare") or None
    sizes = ", ".join(f"{name} {counts[name]} pages" for name in sets)
    print(f"\n{sizes}; speed over all of them, ratio against trafilatura bare_extraction(with_metadata=True)\n")
    head = ["system"]
    for name in sets:
        head += [f"{name} P", f"{name} R", f"{name} F1", f"{name} acc", f"{name} title"]
    head += ["pages/s", "speed ratio"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for system, per_set in results.items():
        failures = sum(r.failures for r in per_set.values())
        cells = [system + (f" ({failures} failed)" if failures else "")]
        for name in sets:
            r = per_set[name]
            s = r.summary
            title = f"{r.title:.3f}" if r.title is not None and _gives_titles(system) else "-"
            cells += [f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", f"{s.accuracy:.3f}", title]
        speed = speeds[system]
        cells += [f"{speed:.1f}", f"{speed / ref:.2f}" if ref else "-"]
        print("| " + " | ".join(cells) + " |")


def _gives_titles(system: str) -> bool:
    return system != "copydesk-content"


def show_worst(result: SetResult, pages: list[Page], outputs: dict[tuple[str, str], Output], count: int) -> None:
    """Print the pages with the lowest F1 and what was missed or added."""
    from _aeb_metric import shingles, tokenize

    by_key = {page.key: page for page in pages}
    scores = result.scores
    for key in sorted(scores, key=lambda k: page_f1(scores[k]))[:count]:
        s = scores[key]
        page = by_key[key]
        text = outputs.get((page.set, key), ("", None))[0]
        truth, got = shingles(tokenize(page.body)), shingles(tokenize(text))
        missed = [" ".join(k) for k in truth if k not in got]
        extra = [" ".join(k) for k in got if k not in truth]
        print(f"\n== {page.set}/{key[:24]} f1={page_f1(s):.3f} tp={s.tp:.2f} fp={s.fp:.2f} fn={s.fn:.2f} {page.url}")
        print("   missed:", " / ".join(missed[:: max(1, len(missed) // 8)][:8]))
        print("   extra: ", " / ".join(extra[:: max(1, len(extra) // 8)][:8]))


def to_json(results: dict[str, dict[str, SetResult]], speeds: dict[str, float]) -> dict[str, Any]:
    """The results as plain data: per system and set the summary, and each page's F1/P/R and title hit."""
    ref = speeds.get("trafilatura-bare") or None
    out: dict[str, Any] = {}
    for system, per_set in results.items():
        entry: dict[str, Any] = {
            "pages_per_second": speeds[system],
            "speed_ratio": speeds[system] / ref if ref else None,
            "sets": {},
        }
        for name, r in per_set.items():
            s = r.summary
            entry["sets"][name] = {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "accuracy": s.accuracy,
                "documents": s.documents,
                "title": r.title if _gives_titles(system) else None,
                "titled_pages": r.titled,
                "pages_per_second": r.speed,
                "failures": r.failures,
                "pages": {
                    key: {
                        "f1": page_f1(d),
                        "tp": d.tp,
                        "fp": d.fp,
                        "fn": d.fn,
                        "exact": d.exact,
                        "title": r.title_hits.get(key),
                    }
                    for key, d in r.scores.items()
                },
            }
        out[system] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated systems (default: all)")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which set of pages (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="timing runs per system (best kept)")
    parser.add_argument("--worst", type=int, default=0, help="show the N worst copydesk pages of each set")
    parser.add_argument("--data", type=Path, default=DATA, help="the aeb directory (aeb-meta is read beside it)")
    parser.add_argument(
        "--readability-data", type=Path, default=READABILITY_DATA, help="the readability-pages directory"
    )
    parser.add_argument("--json", type=Path, help="also write the results (with per-page scores) as JSON here")
    args = parser.parse_args(argv)
    sets = list(SETS) if args.set == "all" else [args.set]
    pages: list[Page] = []
    if "aeb" in sets:
        if not (args.data / "ground-truth.json").exists():
            print(f"no aeb data at {args.data}", file=sys.stderr)
            return 2
        pages += load_aeb(args.data)
    if "readability" in sets:
        if not (args.readability_data / "truth.jsonl").exists():
            print(f"no readability data at {args.readability_data}", file=sys.stderr)
            return 2
        pages += load_readability(args.readability_data)
    names = [n for n in args.only.split(",") if n] or list(SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        print(f"unknown systems: {', '.join(unknown)} (known: {', '.join(SYSTEMS)})", file=sys.stderr)
        return 2
    extractors: dict[str, Extractor] = {}
    for name in names:
        try:
            extractors[name] = SYSTEMS[name]()
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    outputs, times, failures = run_systems(extractors, pages, args.repeat)
    add_untimed_titles(outputs, pages)
    by_set = {name: [p for p in pages if p.set == name] for name in sets}
    results: dict[str, dict[str, SetResult]] = {}
    for system in extractors:
        results[system] = {}
        for name, set_pages in by_set.items():
            failed = failures[system].get(name, 0)
            results[system][name] = score_set(set_pages, outputs[system], times[system], failed)
    speeds = {system: len(pages) / sum(times[system].values()) for system in extractors}
    print_table(results, sets, speeds, {name: len(p) for name, p in by_set.items()})
    worst_of = "copydesk" if "copydesk" in results else "copydesk-content"
    if args.worst and worst_of in results:
        for name, set_pages in by_set.items():
            show_worst(results[worst_of][name], set_pages, outputs[worst_of], args.worst)
    if args.json:
        args.json.write_text(json.dumps(to_json(results, speeds), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
