"""The rule cases in tests/cases/rules/*.json: one file per label, positive and negative cases.

Each case is a whole text, the ``line`` (block text) to look at, the label it
must (``kind``) or must not (``not_kind``) get, optional ``expect`` values for
the article's fields, and a ``comment`` saying where the case came from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from copydesk import Article, parse_text

CASES_DIR = Path(__file__).parent / "cases" / "rules"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for number, case in enumerate(data["cases"]):
            params.append(pytest.param(case, id=f"{data['label']}-{number}"))
    return params


def _check_expect(article: Article, expect: dict[str, Any]) -> None:
    for key, want in expect.items():
        if key == "published":
            got = article.published.isoformat() if article.published else None
        elif key == "published_ambiguous":
            got = article.published.ambiguous if article.published else None
        elif key == "updated":
            got = article.updated.isoformat() if article.updated else None
        elif key == "dateline":
            got = article.dateline.place if article.dateline else None
        elif key == "dateline_agency":
            got = article.dateline.agency if article.dateline else None
        elif key == "credits":
            got = [[c.name, c.role.value] for c in article.credits]
        elif key == "captions":
            got = [c.text for c in article.captions]
        elif key == "caption_credits":
            got = [c.credit for c in article.captions]
        elif key == "authors":
            got = list(article.authors)
        elif key == "pull_quotes":
            got = list(article.pull_quotes)
        elif key == "body":
            got = list(article.paragraphs)
        elif key == "body_first":
            got = article.paragraphs[0] if article.paragraphs else None
        elif key == "body_last":
            got = article.paragraphs[-1] if article.paragraphs else None
        elif key == "removed_reasons":
            got = [b.reason for b in article.removed]
        elif key == "removed_kinds":
            got = [b.kind.value for b in article.removed]
        else:
            got = getattr(article, key)
        assert got == want, f"{key}: got {got!r}, want {want!r}"


@pytest.mark.parametrize("case", _load())
def test_rule_case(case: dict[str, Any]) -> None:
    article = parse_text(case["text"])
    if "line" in case:
        blocks = [b for b in article.blocks if b.text == case["line"]]
        assert blocks, f"no block has the text {case['line']!r}: {[b.text for b in article.blocks]}"
        kinds = [b.kind.value for b in blocks]
        if "kind" in case:
            assert case["kind"] in kinds, f"{case['line']!r} labelled {kinds} by {[b.rule for b in blocks]}"
        if "not_kind" in case:
            assert case["not_kind"] not in kinds, f"{case['line']!r} labelled {kinds} by {[b.rule for b in blocks]}"
    _check_expect(article, case.get("expect", {}))


def test_every_label_file_has_positive_and_negative_cases() -> None:
    for path in sorted(CASES_DIR.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
        assert any("kind" in c for c in cases), f"{path.name} has no positive case"
        assert any("not_kind" in c for c in cases), f"{path.name} has no negative case"
        assert all(c.get("comment") for c in cases), f"{path.name}: every case says where it came from"
