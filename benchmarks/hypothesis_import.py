"""How much copydesk's Hypothesis entry point adds to ``import hypothesis`` (issue 11: at most 0.1 s).

Each run is a fresh interpreter importing Hypothesis, timed from inside
(``time.perf_counter`` around the import), with and without plugins
(``HYPOTHESIS_NO_PLUGINS=1`` makes Hypothesis skip every entry point), in
alternation; the medians are compared. Run it in an environment where
copydesk is installed (``pip install -e .``), so its entry point is
registered; the script checks that it is, and that the import leaves
copydesk, bs4, lxml and ftfy unimported.

    python benchmarks/hypothesis_import.py [--runs 15] [--bar 0.1]

Exits 1 when the added time is over the bar.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import statistics
import subprocess
import sys

_PROBE = """
import json, sys, time
start = time.perf_counter()
import hypothesis
elapsed = time.perf_counter() - start
heavy = sorted(m for m in ("copydesk", "bs4", "lxml", "ftfy") if m in sys.modules)
print(json.dumps({"seconds": elapsed, "heavy": heavy}))
"""


def _once(plugins: bool) -> dict[str, object]:
    env = dict(os.environ)
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    if not plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="interpreters started each way (default 15)")
    parser.add_argument("--bar", type=float, default=0.1, help="the most the entry point may add, in seconds")
    args = parser.parse_args()
    points = [e.value for e in importlib.metadata.entry_points(group="hypothesis") if "copydesk" in e.value]
    if not points:
        print("copydesk's entry point is not registered here: pip install -e . first", file=sys.stderr)
        return 2
    with_plugins: list[float] = []
    without: list[float] = []
    heavy: set[str] = set()
    _once(True)  # warm the file cache
    for _ in range(args.runs):
        sample = _once(True)
        with_plugins.append(float(sample["seconds"]))  # type: ignore[arg-type]
        heavy.update(sample["heavy"])  # type: ignore[arg-type]
        without.append(float(_once(False)["seconds"]))  # type: ignore[arg-type]
    added = statistics.median(with_plugins) - statistics.median(without)
    print(f"entry point: {points[0]}")
    print(f"import hypothesis, median of {args.runs}: {statistics.median(without):.3f} s without plugins, "
          f"{statistics.median(with_plugins):.3f} s with them: {added:+.3f} s (bar +{args.bar:.2f} s)")
    print(f"modules the import pulled in: {', '.join(sorted(heavy)) or 'none of copydesk, bs4, lxml, ftfy'}")
    return 0 if added <= args.bar and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
