"""Repairing text: the cases in tests/cases/repair.json, the options, and the promises of repair_text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ftfy.badness import is_bad

from copydesk import RepairOptions
from copydesk._text.mojibake import FTFY_INERT
from copydesk._text.repair import repair_text

REPAIR = RepairOptions()

CASES = json.loads((Path(__file__).parent / "cases" / "repair.json").read_text(encoding="utf-8"))


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [case["label"] for case in cases]


@pytest.mark.parametrize("case", CASES["positive"], ids=_ids(CASES["positive"]))
def test_positive(case: dict[str, Any]) -> None:
    fixed, repairs = repair_text(case["original"], REPAIR)
    assert fixed == case["fixed"]
    assert sorted({r.name for r in repairs}) == sorted(case["repairs"])
    assert all(r.count >= 1 and r.example for r in repairs)


@pytest.mark.parametrize("case", CASES["negative"], ids=_ids(CASES["negative"]))
def test_negative_stays_unchanged(case: dict[str, Any]) -> None:
    assert repair_text(case["original"], REPAIR) == (case["original"], ())


@pytest.mark.parametrize(
    "case",
    [pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["source"]))
     for case in CASES["known-failures"]],
    ids=_ids(CASES["known-failures"]),
)
def test_known_failures(case: dict[str, Any]) -> None:
    assert repair_text(case["original"], REPAIR)[0] == case["fixed"]


@pytest.mark.parametrize("case", CASES["positive"] + CASES["negative"], ids=_ids(CASES["positive"] + CASES["negative"]))
def test_cases_are_idempotent(case: dict[str, Any]) -> None:
    once = repair_text(case["original"], REPAIR)[0]
    assert repair_text(once, REPAIR) == (once, ())


@pytest.mark.parametrize("case", CASES["positive"], ids=_ids(CASES["positive"]))
def test_line_count_is_kept(case: dict[str, Any]) -> None:
    original = case["original"].replace("\r\n", "\n").replace("\r", "\n")
    original = original.replace("\u2028", "\n").replace("\u2029", "\n")
    assert repair_text(case["original"], REPAIR)[0].count("\n") == original.count("\n")


def test_no_mojibake_left_in_positive_cases() -> None:
    bad = [case["label"] for case in CASES["positive"] if is_bad(repair_text(case["original"], REPAIR)[0])]
    assert bad == []


def test_the_aleppo_example() -> None:
    path = Path(__file__).resolve().parents[1] / "examples" / "aleppo.txt"
    if not path.exists():
        path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "aleppo.txt"
    if not path.exists():
        pytest.skip("aleppo.txt not found")
    original = path.read_text(encoding="utf-8")
    fixed, repairs = repair_text(original, REPAIR)
    assert "À" in original and "À" not in fixed
    assert "\nPresident Bashar al-Assad's troops" in fixed
    assert [r.name for r in repairs] == ["stray_letter"]
    assert fixed.count("\n") == original.count("\n")


def test_stray_letter_uses_the_document_when_the_line_is_short() -> None:
    english = "The army said it had taken the city and that the rebels were leaving.\n\nÀ Aleppo"
    french = "Le président a dit que la ville est tombée et que les rebelles sont partis.\n\nÀ Alep"
    assert repair_text(english, REPAIR)[0].endswith("\n\nAleppo")
    assert repair_text(french, REPAIR)[0] == french


def test_lone_letter_mid_line_is_left_alone() -> None:
    text = "He wrote À Bientôt on the wall of the house."
    assert repair_text(text, REPAIR) == (text, ())


def test_options_turn_stages_off() -> None:
    text = "itâ€™s&nbsp;here\u00a0and\u200b “there”\u00c2 "
    off = RepairOptions(fix_mojibake=False, remove_residue=False, normalize_spaces=False, strip_markup=False)
    assert repair_text(text, off) == (text, ())
    assert repair_text(text, RepairOptions(fix_mojibake=False))[0] == "itâ€™s here and “there” "


def test_straight_quotes_when_asked() -> None:
    fixed, repairs = repair_text("it’s “so”", RepairOptions(keep_curly_quotes=False))
    assert fixed == "it's \"so\""
    assert [r.name for r in repairs] == ["straight_quotes"]


def test_c1_controls_without_ftfy() -> None:
    assert repair_text("it\u0092s\u0081", RepairOptions(fix_mojibake=False))[0] == "it’s"


def test_lone_surrogates_become_replacement_characters() -> None:
    assert repair_text("a\ud800b", REPAIR)[0] == "a\ufffdb"


def test_repairs_are_counted() -> None:
    _, repairs = repair_text("a\u00a0b\u00a0c&amp;d&amp;e", REPAIR)
    assert {r.name: r.count for r in repairs} == {"spaces": 2, "html_entities": 2}


def test_ascii_text_needs_no_repair() -> None:
    text = "Plain ASCII news text.\n\nWith two paragraphs."
    assert repair_text(text, REPAIR) == (text, ())


def test_inert_characters_cannot_be_utf8_mojibake() -> None:
    """The characters repair_text skips ftfy for never form a UTF-8 sequence in a code page ftfy tries."""
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy codecs
    from ftfy.chardata import CHARMAP_ENCODINGS

    inert = [c for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"]
    assert all(c in FTFY_INERT for c in inert)
    for encoding in CHARMAP_ENCODINGS:
        leads, continuations = set(), set()
        for char in inert:
            try:
                byte = char.encode(encoding)[0]
            except UnicodeEncodeError:
                continue
            if 0xC2 <= byte <= 0xF4:
                leads.add(char)
            if 0x80 <= byte <= 0xBF:
                continuations.add(char)
        assert not (leads and continuations), encoding


def test_huge_input_is_linear_enough() -> None:
    """A long line of residue does not blow up (regexes are linear); not a timing test."""
    text = ("&amp;" * 20000) + ("<p" * 20000) + ("\ufffd" * 20000) + "À " * 20000
    fixed, _ = repair_text(text, REPAIR)
    assert fixed.count("\n") == 0


def test_lone_replacement_character_for_a_quote_or_dash_is_removed_and_counted() -> None:
    # Issue 8: lossy decoding left U+FFFD where curly quotes and a dash were.
    fixed, repairs = repair_text("He said \ufffdwe will rebuild\ufffd on Monday \ufffd really.", REPAIR)
    assert fixed == "He said we will rebuild on Monday  really."
    assert {r.name: r.count for r in repairs}["replacement_characters"] == 3


def test_replacement_character_between_letters_stays() -> None:
    assert repair_text("a\ufffdb", REPAIR)[0] == "a\ufffdb"
