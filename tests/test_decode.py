"""Decoding bytes: BOMs, declared charsets, UTF-8, mixed UTF-8/cp1252, detection, binary input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from copydesk._text.decode import decode_bytes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MESSY = DATA / "messy-text"

NEWS = "“It’s a naïve café,” said the mayor — not for the first time…"


def codes(diagnostics: tuple[object, ...]) -> list[str]:
    return [d.code for d in diagnostics]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides_and_is_dropped(bom: bytes, encoding: str) -> None:
    text, name, diagnostics = decode_bytes(bom + NEWS.encode(encoding))
    assert (text, name, diagnostics) == (NEWS, encoding, ())


def test_valid_utf8_is_the_fast_path() -> None:
    assert decode_bytes(NEWS.encode("utf-8")) == (NEWS, "utf-8", ())


def test_ascii() -> None:
    assert decode_bytes(b"Plain old ASCII.\n") == ("Plain old ASCII.\n", "utf-8", ())


def test_empty() -> None:
    assert decode_bytes(b"") == ("", "utf-8", ())


def test_cp1252_fallback_for_a_curly_apostrophe() -> None:
    # Horne 2017 style: a Windows apostrophe in otherwise ASCII text.
    assert decode_bytes(b"it\x92s the end") == ("it’s the end", "cp1252", ())


def test_cp1252_whole_text() -> None:
    text, name, diagnostics = decode_bytes(NEWS.encode("cp1252"))
    assert (text, name, diagnostics) == (NEWS, "cp1252", ())


def test_mixed_utf8_and_cp1252_is_repaired_chunk_by_chunk() -> None:
    data = "Café owners said ".encode() + b"it\x92s" + " a “big” day — truly.".encode()
    text, name, diagnostics = decode_bytes(data)
    assert text == "Café owners said it’s a “big” day — truly."
    assert name == "utf-8"
    assert codes(diagnostics) == ["mixed_encoding"]


def test_text_with_more_cp1252_than_utf8_ends_up_right_after_repair() -> None:
    from copydesk._text.front import prepare_text

    prepared = prepare_text("naïve ".encode() + b"it\x92s, he said\x85", config=copydesk.ParseConfig())
    assert prepared.text == "naïve it’s, he said…"


def test_cp1252_undefined_bytes_are_kept_as_c1_controls() -> None:
    text, _, _ = decode_bytes(b"a\x81b\x9dc \x92")
    assert text == "a\x81b\x9dc ’"


def test_declared_charset_is_used() -> None:
    data = "Привет, мир. Это новости.".encode("koi8-r")
    assert decode_bytes(data, declared="KOI8-R")[:2] == ("Привет, мир. Это новости.", "koi8-r")


def test_declared_latin1_reads_as_cp1252_like_browsers() -> None:
    assert decode_bytes(b"it\x92s", declared="iso-8859-1")[:2] == ("it’s", "cp1252")


def test_declared_charset_contradicted_by_valid_utf8() -> None:
    text, name, diagnostics = decode_bytes("café".encode(), declared="iso-8859-1")
    assert (text, name) == ("café", "utf-8")
    assert codes(diagnostics) == ["declared_charset_mismatch"]


@pytest.mark.parametrize("declared", ["no-such-charset", "", "utf-8\x00", "  "])
def test_unknown_declared_charset_is_ignored(declared: str) -> None:
    assert decode_bytes(b"it\x92s", declared=declared)[:2] == ("it’s", "cp1252")


def test_declared_charset_that_does_not_fit_replaces_and_says_so() -> None:
    text, name, diagnostics = decode_bytes(b"abc \xff\xfe def", declared="shift_jis")
    assert name == "shift_jis"
    assert "\ufffd" in text
    assert codes(diagnostics) == ["undecodable_bytes"]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Президент заявил, что армия вернула полный контроль над городом. " * 3),
        ("cp1250", "Zażółć gęślą jaźń. Prezydent powiedział, że armia odzyskała kontrolę. " * 3),
        ("shift_jis", "日本政府は月曜日、新しい経済対策を発表した。首相は記者会見で、景気の回復に全力を"
                      "尽くすと述べた。" * 3),
        ("gb18030", "总统说，军队已经完全控制了这座城市。" * 8),
    ],
)
def test_detection_for_other_encodings(encoding: str, text: str) -> None:
    decoded, _, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom(encoding: str) -> None:
    text = "The army said it had retaken the city. " * 4
    assert decode_bytes(text.encode(encoding)) == (text, encoding, ())


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02\x03 stream\x00\x00\x00",
        b"\x00" * 200,
        bytes(range(256)) * 8,
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    ],
    ids=["png", "pdf", "nul", "all-bytes", "gzip"],
)
def test_binary_input_gives_a_diagnostic_and_no_text(data: bytes) -> None:
    text, name, diagnostics = decode_bytes(data)
    assert (text, name) == ("", "binary")
    assert codes(diagnostics) == ["binary_input"]


def test_a_few_stray_control_bytes_are_still_text() -> None:
    data = b"A normal line of text.\x00 And another sentence after a stray NUL. " * 10
    text, name, diagnostics = decode_bytes(data)
    assert name == "utf-8" and text.startswith("A normal line") and diagnostics == ()


def test_not_utf8_counts_as_not_binary_when_it_is_text() -> None:
    # A single-byte page: every high byte is a letter; no NUL, no control bytes.
    text = "Le président a déclaré à la presse qu’il était très satisfait. " * 5
    assert decode_bytes(text.encode("cp1252"))[0] == text


@pytest.mark.corpus
def test_corpus_texts_survive_their_raw_encoding() -> None:
    """Each corpus text, encoded back in the encoding its file had, decodes to itself."""
    if not MESSY.is_dir():
        pytest.skip(f"data not found at {MESSY}")
    checked = mismatched = 0
    for path in sorted(MESSY.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                encoding = record.get("raw_encoding") or "utf-8"
                try:
                    data = record["text"].encode(encoding)
                except UnicodeEncodeError:
                    continue
                checked += 1
                if decode_bytes(data)[0] != record["text"]:
                    mismatched += 1
    assert checked > 1000
    assert mismatched == 0


@pytest.mark.parametrize(
    "declared",
    ["rot13", "base64", "hex", "zlib", "uu", "idna", "punycode", "undefined", "utf-7", "unicode_escape",
     "raw_unicode_escape", "utf-16", "utf-32", "\x00", "utf-8\x00", "x" * 300],
)
def test_declared_charsets_that_are_no_page_encoding_are_ignored(declared: str) -> None:
    text, name, _ = decode_bytes(b"caf\xc3\xa9 it\x92s", declared=declared)
    assert isinstance(text, str) and name in ("utf-8", "cp1252")


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=300),
    st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["utf-8", "latin-1", "shift_jis", "koi8-r",
                                                                 "gb18030", "big5", "cp1251", "utf-16"])),
)
def test_never_raises_on_any_bytes_and_declared_charset(data: bytes, declared: str | None) -> None:
    text, name, diagnostics = decode_bytes(data, declared=declared)
    assert isinstance(text, str) and isinstance(name, str) and isinstance(diagnostics, tuple)
