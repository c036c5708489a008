"""Legacy 8-bit charsets are not overridden by a cp1252 guess when the bytes say otherwise (issue 11).

The sample sentences are written for these tests: short news sentences in
each language, encoded in the charsets their sites used.
"""

from __future__ import annotations

import pytest

from copydesk import parse_html, parse_text
from copydesk._text.decode import binary_kind, decode_bytes
from copydesk._text.plausible import implausible_words

POLISH = "Minister powiedział we wtorek, że rząd zmieni przepisy."
RUSSIAN = "Министр заявил во вторник, что правительство изменит закон."
UKRAINIAN = "Міністр заявив у вівторок, що уряд змінить закон."
GREEK = "Ο υπουργός δήλωσε την Τρίτη ότι η κυβέρνηση θα αλλάξει τον νόμο."
HEBREW = "השר אמר ביום שלישי כי הממשלה תשנה את החוק."
ARABIC = "قال الوزير يوم الثلاثاء إن الحكومة ستغير القانون."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "cp1250"),
        ("powiedział we wtorek, że", "cp1250"),
        (POLISH, "iso8859-2"),
        (RUSSIAN, "koi8-r"),
        ("Министр заявил во вторник", "koi8-r"),
        (RUSSIAN, "cp1251"),
        (UKRAINIAN, "cp1251"),
        (GREEK, "cp1253"),
        ("Ο υπουργός δήλωσε την Τρίτη", "cp1253"),
        (GREEK, "iso8859-7"),
        (HEBREW, "cp1255"),
        (ARABIC, "cp1256"),
    ],
)
def test_a_legacy_charset_is_read_as_itself(text: str, encoding: str) -> None:
    decoded, _name, diagnostics = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert not diagnostics


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré mardi : « C’est ça, la réforme. »",
        "Der Minister sagte am Dienstag, dass die Regierung das Gesetz ändern wird. Größer.",
        "¿Qué dijo el ministro? ¡Mañana habrá una reunión! Año 2024, nº 5, 1ª edición.",
        "café déjà vu — 5 €, 20 °C, © Example",
        "Ærø, Þingvellir and Øresund are places; 5µm is small.",
    ],
)
def test_western_text_stays_cp1252(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"))[:2] == (text, "cp1252")


def test_utf8_mojibake_in_cp1252_text_is_left_to_the_repair_stage() -> None:
    decoded, name, _ = decode_bytes(b"caf\xc3\xa9 it\x92s")
    assert name in ("utf-8", "cp1252") and decoded.endswith("it’s")


def test_both_front_ends_read_a_short_polish_paragraph() -> None:
    data = ("Burza nad wybrzeżem\n\n" + POLISH + " Posłowie opozycji zapowiedzieli sprzeciw.\n").encode("cp1250")
    assert POLISH in parse_text(data).text
    page = f"<html><body><article><h1>Burza nad wybrzeżem</h1><p>{POLISH}</p></article></body></html>"
    assert POLISH in parse_html(page.encode("cp1250")).text


def test_both_front_ends_read_koi8_r() -> None:
    data = ("Новости\n\n" + RUSSIAN + "\n").encode("koi8-r")
    assert RUSSIAN in parse_text(data).text
    page = f"<html><body><article><h1>Новости дня</h1><p>{RUSSIAN}</p></article></body></html>"
    assert RUSSIAN in parse_html(page.encode("koi8-r")).text


@pytest.mark.parametrize(
    ("wrong", "odd"),
    [("powiedzia³ we wtorek, ¿e", 2), ("Ìèíèñòð çàÿâèë", 2), ("íÉÎÉÓÔÒ ÚÁÑ×ÉÌ", 2), ("Ï õðïõñãüò", 1),
     ("dйclarй", 1), ("a\x81b", 1)],
)
def test_traces_of_the_wrong_charset_are_counted(wrong: str, odd: int) -> None:
    assert implausible_words(wrong) == odd


@pytest.mark.parametrize("magic", [b"MZ", b"ID3", b"RIFF", b"BZh", b"OggS", b"GIF89a", b"%PDF-"])
def test_a_signature_alone_is_no_binary_file(magic: bytes) -> None:
    text = magic + b" opens this sentence.\x01 The rest is an ordinary paragraph of a news story about art."
    assert binary_kind(text) is None
    assert "ordinary paragraph" in decode_bytes(text)[0]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"ID3\x03\x00\x00\x00\x00\x0f\x76TIT2", "an MP3 file"),
        (b"%PDF-1.7\n1 0 obj << >> endobj\n", "a PDF document"),
        (b"BZh91AY&SY" + bytes(range(256)), "bzip2-compressed data"),
    ],
)
def test_a_signature_with_a_files_content_is_binary(data: bytes, what: str) -> None:
    assert binary_kind(data) == what


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_cjk_with_few_ascii_characters_is_text(encoding: str) -> None:
    text = "一个新的美术馆周一开幕。\n当地画家的作品一直展出到三月。\n"
    decoded, name, diagnostics = decode_bytes(text.encode(encoding))
    assert (decoded, name) == (text, encoding) and not diagnostics


@pytest.mark.parametrize(
    "data",
    [b"Storm\x00hits the coast\x00 on Monday. " + b"Crews worked through the night to bring power back. " * 3,
     "Café\x00 au lait, s’il vous plaît\x00. ".encode("cp1252") + "Le café était très bon. ".encode("cp1252") * 4],
)
def test_a_byte_text_with_stray_nuls_is_not_utf16(data: bytes) -> None:
    _decoded, name, _ = decode_bytes(data)
    assert not name.startswith("utf-16")  # (what becomes of the NULs is the repair stage's business)
