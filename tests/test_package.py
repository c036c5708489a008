"""Issue 11, the package: a lazy Hypothesis entry point, a testable sdist, metadata declared once and right."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import copydesk

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SRC = str(Path(copydesk.__file__).resolve().parents[1])


def _python(code: str) -> str:
    """Run ``code`` in a fresh interpreter with this tree's copydesk and plugins off (the hook is called by hand)."""
    env = {**os.environ, "PYTHONPATH": SRC, "HYPOTHESIS_NO_PLUGINS": "1"}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True, timeout=120).stdout.strip()


def test_the_entry_point_is_the_module_that_imports_nothing():
    assert PYPROJECT["project"]["entry-points"]["hypothesis"] == {"_": "_copydesk_hypothesis:_register"}
    out = _python(
        "import sys, hypothesis, _copydesk_hypothesis\n"
        "_copydesk_hypothesis._register()\n"
        "print(sorted(m for m in ('copydesk', 'bs4', 'lxml', 'ftfy') if m in sys.modules))"
    )
    assert out == "[]"


def _registered_after(order: str) -> str:
    return _python(
        "import sys\n"
        f"{order}\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup\n"
        "print(copydesk.Article in _global_type_lookup, copydesk.Timestamp in _global_type_lookup)"
    )


def test_strategies_are_registered_when_hypothesis_comes_first():
    assert _registered_after("import hypothesis, _copydesk_hypothesis; _copydesk_hypothesis._register(); "
                             "import copydesk") == "True True"


def test_strategies_are_registered_when_copydesk_comes_first():
    assert _registered_after("import copydesk, hypothesis, _copydesk_hypothesis; "
                             "_copydesk_hypothesis._register()") == "True True"


def test_copydesk_alone_does_not_import_hypothesis():
    assert _python("import sys, copydesk; print('hypothesis' in sys.modules)") == "False"


def test_the_sdist_ships_what_its_tests_need():
    sdist = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert {"conftest.py", "tests", "src/copydesk", "src/_copydesk_hypothesis.py", "examples"} <= set(sdist)
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["only-include"]
    assert "src/_copydesk_hypothesis.py" in wheel
    # Doctests are collected from src/ only when copydesk is imported from there (see conftest.py).
    assert PYPROJECT["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests", "src"]


def test_metadata_declares_the_license_once_and_python_313():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert "Programming Language :: Python :: 3.13" in project["classifiers"]
    assert {"Homepage", "Source", "Issues", "Documentation", "Changelog"} <= set(project["urls"])
    assert any(r.startswith("hatchling>=1.27") for r in PYPROJECT["build-system"]["requires"])


def test_every_dependency_has_a_lower_bound_and_ci_tests_it():
    project = PYPROJECT["project"]
    requirements = project["dependencies"] + [r for group in ("testing", "test", "dev", "docs", "warc", "dask")
                                              for r in project["optional-dependencies"][group]]
    for requirement in requirements:
        if not requirement.startswith("copydesk["):
            assert ">=" in requirement, requirement
    ci = ROOT / ".ci" / "run"
    if ci.exists():  # not in the sdist
        text = ci.read_text(encoding="utf-8")
        assert "lower_bounds" in text and "[dev,warc,dask]" in text
