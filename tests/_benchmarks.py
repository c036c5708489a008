"""Load a script of ``benchmarks/`` as a module, so the quality gates score exactly as the benchmarks do."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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
