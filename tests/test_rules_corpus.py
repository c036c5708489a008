"""The rules on real mess (../shared/data/messy-text): they keep the body and find the wire datelines.

The corpora have no labels; these checks hold what must be true whatever the
text: the removals and field lines stay a small share of the words, and a
text opening "CITY (Reuters) - " gets that dateline and a Reuters credit.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from copydesk import parse_text

MESSY = Path(__file__).resolve().parents[2] / "shared" / "data" / "messy-text"
_WIRE_OPENING = re.compile(r"[A-Z][A-Z .,]{1,40} \((Reuters|AP|AFP)\) [-—] ")


@pytest.mark.corpus
def test_rules_keep_the_body_and_find_wire_datelines() -> None:
    if not MESSY.is_dir() or not any(MESSY.glob("*.jsonl")):
        pytest.skip(f"messy-text data not found at {MESSY}")
    words: collections.Counter[str] = collections.Counter()
    body: collections.Counter[str] = collections.Counter()
    wire = found = 0
    for path in sorted(MESSY.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                article = parse_text(record["text"])
                for block in article.blocks:
                    count = len(block.text.split())
                    words[record["corpus"]] += count
                    if block.kind.is_body:
                        body[record["corpus"]] += count
                opening = _WIRE_OPENING.match(record["text"].lstrip())
                if opening:
                    wire += 1
                    agency = opening.group(1)
                    if article.dateline is not None and article.dateline.agency == agency and any(
                        c.name == agency for c in article.credits
                    ):
                        found += 1
    for corpus, total in words.items():
        assert body[corpus] / total >= 0.93, f"{corpus}: only {body[corpus] / total:.1%} of the words kept as body"
    assert wire > 100
    assert found == wire
