"""Speed of ``copydesk.parse_text`` against ``ftfy.fix_text`` alone, on the same texts, in one run.

Usage::

    python benchmarks/text_speed.py [--data ../shared/data/messy-text] [--repeat 3] [--profile]

Reads every text of the messy-text corpora (JSON lines with a ``text``
field; ``--data ../shared/data/aeb-dumps`` reads the page dumps' ``input``
field instead), then times, interleaved and ``--repeat`` times (the best run of each
is kept, so the figures are robust to other load on the machine):

- ``ftfy.fix_text`` with its defaults (the peer);
- ``copydesk.parse_text`` on the same ``str`` texts, and on their UTF-8 bytes;
- each stage of parse_text: repair, split, locate, classify, assemble.

It prints MB/s (of UTF-8 input) and the ratio of parse_text's time to
ftfy's. The goal: parse_text costs at most 2x ftfy's time. ``--profile``
prints the functions where parse_text spends its time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ftfy

from copydesk import ParseConfig, parse_text
from copydesk._assemble import assemble_article
from copydesk._classify.table import classify_blocks
from copydesk._text.locate import locate_story
from copydesk._text.repair import repair_text
from copydesk._text.split import split_blocks

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "messy-text"


def load(data: Path) -> list[str]:
    """Every ``text`` (or, for the page dumps, ``input``) of the JSON-lines files under ``data``."""
    texts: list[str] = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts.append(record["text"] if "text" in record else record["input"])
    return texts


def best_time(function: Callable[[Any], object], items: Sequence[Any]) -> float:
    """Seconds to call ``function`` on every item (garbage collection off)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for item in items:
            function(item)
        return time.perf_counter() - start
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.jsonl (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the best is kept")
    parser.add_argument("--profile", action="store_true", help="also profile parse_text")
    args = parser.parse_args(argv)
    texts = load(args.data)
    if not texts:
        print(f"no texts under {args.data}", file=sys.stderr)
        return 2
    config = ParseConfig()
    data = [t.encode("utf-8", "surrogatepass") for t in texts]
    megabytes = sum(len(d) for d in data) / 1e6

    # Inputs of each stage, computed once.
    repaired = [repair_text(t, config.repair)[0] for t in texts]
    split = [split_blocks(r, config.text) for r in repaired]
    located = [locate_story(b).story for b in split]
    labelled = [classify_blocks(b, metadata=None, config=config) for b in located]

    measures: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "ftfy.fix_text": (ftfy.fix_text, texts),
        "parse_text(str)": (lambda t: parse_text(t, config=config), texts),
        "parse_text(bytes)": (lambda d: parse_text(d, config=config), data),
        "  repair": (lambda t: repair_text(t, config.repair), texts),
        "  split": (lambda r: split_blocks(r, config.text), repaired),
        "  locate": (locate_story, split),
        "  classify": (lambda b: classify_blocks(b, metadata=None, config=config), located),
        "  assemble": (lambda b: assemble_article(b, config=config), labelled),
    }
    for function, items in measures.values():  # warm up (imports, caches)
        for item in items[:50]:
            function(item)
    best = {name: float("inf") for name in measures}
    for _ in range(args.repeat):
        for name, (function, items) in measures.items():
            best[name] = min(best[name], best_time(function, items))

    peer = best["ftfy.fix_text"]
    print(f"{len(texts)} texts, {megabytes:.2f} MB (UTF-8), best of {args.repeat} runs")
    print(f"{'measure':<20}{'seconds':>10}{'MB/s':>10}{'x ftfy':>10}")
    for name, seconds in best.items():
        print(f"{name:<20}{seconds:>10.3f}{megabytes / seconds:>10.2f}{seconds / peer:>10.2f}")
    ratio = best["parse_text(str)"] / peer
    verdict = "meets" if ratio <= 2 else "misses"
    print(f"\nparse_text costs {ratio:.2f}x ftfy.fix_text's time ({verdict} the goal of at most 2x)")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for text in texts:
            parse_text(text, config=config)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
