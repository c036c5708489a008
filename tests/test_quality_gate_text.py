"""CI quality gate: parse_text on the hand-annotated scraped texts must not drop below pinned floors.

Runs ``benchmarks/text_accuracy.py``'s own scoring (the definitions of
../shared/data/README.md) over ../shared/data/text-gold, copydesk alone;
skipped when the data is absent. The full report, with the keep-every-line
baseline, the per-corpus breakdown and aeb-dumps, is the benchmark script.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _benchmarks import measure_value, score_text_set

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# Pinned floors (and ceilings for the rates where lower is better), at the
# issue 8 bars or a little under what was measured when they were set
# (2026-12-06: body F1 0.988, noise leak 0.099, title 0.963 with 0.000
# spurious, dateline 1.000, credits 1.000/0.884, captions 1.000/0.750,
# authors 0.992). Do not loosen them silently: a drop is a regression to
# find; if the data or a metric truly moves them, change them in a commit
# that says why.
FLOORS = {
    "body_f1": 0.985,
    "title": 0.95,
    "dateline": 0.90,
    "credits_precision": 0.95,
    "credits_recall": 0.82,
    "captions_recall": 0.70,
    "authors": 0.97,
}
CEILINGS = {"noise_leak": 0.10, "title_spurious": 0.03}


@pytest.mark.corpus
def test_text_gold_scores_stay_within_the_pinned_floors() -> None:
    path = DATA / "text-gold" / "text_gold_dev.jsonl"
    if not path.exists():
        pytest.skip(f"text-gold data not found at {path}")
    result = score_text_set(path, "text_gold_truth", minimum=100)
    report = ", ".join(f"{name} {measure_value(result[name]):.3f}" for name in (*FLOORS, *CEILINGS))
    for name, floor in FLOORS.items():
        assert measure_value(result[name]) >= floor, f"{name} fell below {floor}: {report}"
    for name, ceiling in CEILINGS.items():
        assert measure_value(result[name]) <= ceiling, f"{name} rose above {ceiling}: {report}"
