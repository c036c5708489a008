"""Whole-article golden files: the parse of a real text, kept in a JSON file a person can review.

Regenerate after a deliberate change with ``COPYDESK_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from copydesk import Article, parse_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = {"aleppo": ROOT / "examples" / "aleppo.txt"}


def summary(article: Article) -> dict[str, Any]:
    """The reviewable form of an article: fields, then one row per block."""
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "published_timezone_stated": article.published.timezone_stated if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "dateline": article.dateline.place if article.dateline else None,
        "credits": [f"{c.name} ({c.role.value}): {c.raw}" for c in article.credits],
        "captions": [c.text + (f" [{c.credit}]" if c.credit else "") for c in article.captions],
        "pull_quotes": list(article.pull_quotes),
        "language": article.language,
        "blocks": [f"L{b.span.start + 1 if b.span else 0} {b.kind.value} ({b.rule}): {b.text}" for b in article.blocks],
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_golden(name: str) -> None:
    article = parse_text(EXAMPLES[name].read_bytes())
    got = summary(article)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("COPYDESK_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want


def test_aleppo_requirements() -> None:
    """What issue 2 asks of examples/aleppo.txt, spelled out independently of the golden file."""
    article = parse_text(EXAMPLES["aleppo"].read_bytes())
    assert article.title == "Aleppo siege ends with the city back under control of Syrian government"
    assert article.published is not None
    assert article.published.datetime is not None
    assert article.published.datetime.isoformat() == "2016-12-23T14:08:00"
    assert not article.published.timezone_stated
    assert article.authors == ()
    assert article.byline == "23/12/2016 14:08 by admin"
    assert article.dateline is not None and article.dateline.place == "Damascus"
    assert [c.name for c in article.credits] == ["AP"]
    assert [c.text for c in article.captions] == [
        "A Syrian army soldier places a Syrian national flag during a battle with rebels"
    ]
    victory = "This is the biggest victory for President Bashar al-Assad since the uprising against him began in 2011"
    assert victory in article.pull_quotes or victory in [c.text for c in article.captions]
    body = article.paragraphs
    assert len(body) == 13
    assert body[0].startswith("The Syrian army said")
    assert not any("À" in p for p in body)
    assert not any("AP inputs" in p for p in body)
    assert victory not in body
