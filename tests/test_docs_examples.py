"""The examples in README.md and docs/ show real output: each ``>>>`` example runs here as a doctest."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted(p for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.rst")]
                   if ">>>" in p.read_text(encoding="utf-8"))


def test_the_examples_are_found():
    names = {p.name for p in DOCUMENTS}
    assert {"README.md", "index.rst", "quickstart.rst"} <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_examples_give_the_output_they_show(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples open examples/aleppo.txt
    result = doctest.testfile(str(path), module_relative=False, report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) of {path.name} show output they do not give"


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("performance-*.rst")), ids=lambda p: p.name)
def test_performance_pages_say_which_data_and_that_the_rules_were_developed_on_it(page):
    text = " ".join(page.read_text(encoding="utf-8").split())
    assert "Data: " in text and "../shared/data/" in text
    assert "rules were developed on this data" in text
