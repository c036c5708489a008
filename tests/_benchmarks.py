"""Load a script of ``benchmarks/`` as a module, so the quality gates score exactly as the benchmarks do."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def load_benchmark(name: str) -> ModuleType:
    """The module of ``benchmarks/<name>.py`` (loaded once per process)."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def score_text_set(path: Path, reader: str, minimum: int) -> dict[str, Any]:
    """``text_accuracy``'s aggregate scores of copydesk on the labelled set at ``path``.

    ``reader`` names the benchmark's record reader (``text_gold_truth``, ``aeb_dump_truth``); the set
    must hold at least ``minimum`` records.
    """
    bench = load_benchmark("text_accuracy")
    truths = bench.load(path, getattr(bench, reader))
    assert len(truths) >= minimum, f"only {len(truths)} records found in {path}"
    return bench.aggregate([bench.score_record(t, bench.run_copydesk(t.input)) for t in truths])


def measure_value(measure: object) -> float:
    """The number of an aggregate measure: a rate's ``value``, or the float itself."""
    number = getattr(measure, "value", measure)
    assert isinstance(number, float), f"no value measured: {measure!r}"
    return number
