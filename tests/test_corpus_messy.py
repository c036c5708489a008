"""Every text of ../shared/data/messy-text: no exception, nothing lost, no mojibake left in the body.

The corpora have no labels; this test holds the invariants on real mess and
prints the label counts per corpus (block kinds), so a change in the
classifier shows up as a change in the report.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ftfy.badness import is_bad

import copydesk
from copydesk import parse_text
from copydesk._text.front import prepare_text

MESSY = Path(__file__).resolve().parents[2] / "shared" / "data" / "messy-text"

#: Body blocks that still hold mojibake by ftfy's badness check, by text id,
#: with why. The set must not grow; when one is fixed, take it out (strict).
KNOWN_MOJIBAKE: dict[str, str] = {}


def records() -> Iterator[dict[str, Any]]:
    for path in sorted(MESSY.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)


@pytest.mark.corpus
def test_messy_text_corpora(capsys: pytest.CaptureFixture[str]) -> None:
    if not MESSY.is_dir() or not any(MESSY.glob("*.jsonl")):
        pytest.skip(f"messy-text data not found at {MESSY}")
    labels: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    texts: collections.Counter[str] = collections.Counter()
    lost: list[tuple[str, list[int]]] = []
    mojibake: dict[str, str] = {}
    for record in records():
        corpus, text = record["corpus"], record["text"]
        article = parse_text(text)
        texts[corpus] += 1
        lines = prepare_text(text, config=copydesk.ParseConfig()).text.split("\n")
        non_blank = {n for n, line in enumerate(lines) if line.strip()}
        covered = {n for block in article.blocks if block.span is not None for n in block.span.lines}
        if not non_blank <= covered:
            lost.append((record["id"], sorted(non_blank - covered)[:5]))
        for block in article.blocks:
            labels[corpus][block.kind.value] += 1
            if block.kind.is_body and is_bad(block.text):
                mojibake.setdefault(record["id"], block.text[:120])
    with capsys.disabled():
        print(_report(texts, labels))
    assert sum(texts.values()) > 2000
    assert lost == []
    new = {key: value for key, value in mojibake.items() if key not in KNOWN_MOJIBAKE}
    assert new == {}, "mojibake left in body blocks"
    fixed = set(KNOWN_MOJIBAKE) - set(mojibake)
    assert not fixed, f"fixed now: take these out of KNOWN_MOJIBAKE: {sorted(fixed)}"


def _report(texts: collections.Counter[str], labels: dict[str, collections.Counter[str]]) -> str:
    """A table: one row per corpus, one column per block kind."""
    kinds = sorted({kind for counts in labels.values() for kind in counts})
    header = f"{'corpus':<24}{'texts':>6}" + "".join(f"{kind[:10]:>11}" for kind in kinds)
    rows = [
        f"{corpus:<24}{texts[corpus]:>6}" + "".join(f"{labels[corpus][kind]:>11}" for kind in kinds)
        for corpus in sorted(texts)
    ]
    return "\nmessy-text: block kinds per corpus\n" + "\n".join([header, *rows])
