"""The rules on real mess (../shared/data/messy-text): they keep the body and find the wire datelines.

The corpora have no labels; these checks hold what must be true whatever the
text: the removals and field lines stay a small share of the words, a text
opening "CITY (Reuters) - " gets that dateline and a Reuters credit, and the
rendered article parses back to the same fields.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from copydesk import Article, parse_text
from copydesk._render import render_text

MESSY = Path(__file__).resolve().parents[2] / "shared" / "data" / "messy-text"
_WIRE_OPENING = re.compile(r"[A-Z][A-Z .,]{1,40} \((Reuters|AP|AFP)\) [-—] ")


@pytest.mark.corpus
def test_rules_keep_the_body_and_find_wire_datelines() -> None:
    if not MESSY.is_dir() or not any(MESSY.glob("*.jsonl")):
        pytest.skip(f"messy-text data not found at {MESSY}")
    words: collections.Counter[str] = collections.Counter()
    body: collections.Counter[str] = collections.Counter()
    wire = found = unstable = texts = 0
    for path in sorted(MESSY.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                article = parse_text(record["text"])
                texts += 1
                if _fields(parse_text(render_text(article))) != _fields(article):
                    unstable += 1
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
    # Parsing the rendered article gives the same fields, but for a few texts
    # where removed neighbours changed a close call (see test_idempotent.py).
    assert unstable <= texts // 200, f"{unstable} of {texts} texts change when parsed again from the rendering"


def _fields(article: Article) -> tuple[object, ...]:
    return (article.title, article.authors, article.published, article.dateline, article.credits,
            [c.text for c in article.captions], article.pull_quotes, article.paragraphs)
