"""Properties of the plain-text front end, one test per invariant.

*Nothing lost*, precisely: number the lines of the input after line-break
normalisation (CRLF, CR, U+2028 and U+2029 end a line; see
:func:`copydesk._text.repair.normalize_line_breaks`). Repair never adds or removes
a line. A line is *blank* when it holds only whitespace after repair (a line
of ``&nbsp;`` or zero-width spaces is blank; the repair is recorded). Then:

- the union of the block spans is exactly the set of non-blank lines;
- block spans do not overlap, with one exception: a long line cut into
  several paragraphs (a flattened text) gives several consecutive blocks
  that all carry the span of that one line;
- the blocks keep every non-space character of the repaired text, in order.

The last section holds examples of parse_text's argument checks and
diagnostics (``empty_input``, ``binary_input``, ``truncated``, ...).
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copydesk
from copydesk import (
    Article,
    ConfigError,
    DateOptions,
    DayFirst,
    InputTypeError,
    ParseConfig,
    RepairOptions,
    TextOptions,
    parse_text,
)
from copydesk._classify.source import SourceBlock
from copydesk._text.front import prepare_text
from copydesk._text.repair import normalize_line_breaks, repair_text
from copydesk._text.split import split_blocks

TEXT = TextOptions()

#: Pieces of real mess: residue, markup, line breaks, wraps, flattened paragraphs.
FRAGMENTS = (
    "À ", "Â ", "Ã ", "\u00a0", "&amp;", "&nbsp;", "&#8217;", "&amp;amp;", "&lt;p&gt;", "<p>", "</a>",
    "<br/>", "<span class=\"x\">", "\r\n", "\r", "\n", "\n\n", "\u2028", "\u200b", "\u00ad", "\x92",
    "\x85", "\ufffd\ufffd", "itâ€™s", "cafÃ©", "D√ºsseldorf", "The ", "President ", "said ", "the ",
    "of ", ". ", "le ", "Paris", "  ", "\t", "\x00", "é", "’", "“", "”", "—", "hilarious.Brand ",
    "WASHINGTON (Reuters) - ", "Advertisement", "By Jane Doe", "- AP inputs", "http://example.com/a",
    "• ", "1) ", "well-", "U.S. ", "Mr. ", "\x1b[31m", "\ud800",
)
SENTENCE = st.sampled_from([
    "The army said it had retaken the city. ",
    "Officials met again on Friday to discuss the plan and the costs of the new bridge, ",
    "which will open in May. ",
    "“We will not leave,” the mayor said. ",
])


@st.composite
def messy_text(draw: st.DrawFn) -> str:
    """Text assembled from mess fragments, free text, sentences and long flattened runs."""
    parts = draw(st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS),
            st.text(max_size=12),
            SENTENCE,
            st.lists(SENTENCE, min_size=20, max_size=40).map("".join),
        ),
        max_size=40,
    ))
    return "".join(parts)


ANY_TEXT = st.one_of(st.text(), messy_text())
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_nothing_lost(repaired: str, blocks: tuple[SourceBlock, ...]) -> None:
    """The invariant of the module docstring."""
    lines = repaired.split("\n")
    non_blank = {n for n, line in enumerate(lines) if line.strip()}
    spans = [b.span for b in blocks]
    assert {n for span in spans for n in span.lines} == non_blank
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start or (a == b and a.end - a.start == 1), (a, b)
    assert all(span.end <= len(lines) for span in spans)
    kept = "".join("".join(b.text.split()) for b in blocks)
    assert kept == "".join(repaired.split())


@SETTINGS
@given(st.text())
def test_never_raises_on_any_str(text: str) -> None:
    assert isinstance(parse_text(text), Article)


@SETTINGS
@given(messy_text())
def test_never_raises_on_messy_str(text: str) -> None:
    assert isinstance(parse_text(text), Article)


@SETTINGS
@given(st.binary() | messy_text().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    assert isinstance(parse_text(data), Article)


@SETTINGS
@given(ANY_TEXT)
def test_nothing_lost(text: str) -> None:
    prepared = prepare_text(text, config=copydesk.ParseConfig())
    assert_nothing_lost(prepared.text, split_blocks(prepared.text, TEXT))


@SETTINGS
@given(ANY_TEXT)
def test_nothing_lost_in_the_article(text: str) -> None:
    """Every non-blank line is covered by a block of the Article (body, field or removed)."""
    prepared = prepare_text(text, config=copydesk.ParseConfig())
    non_blank = {n for n, line in enumerate(prepared.text.split("\n")) if line.strip()}
    article = parse_text(text)
    spans = {n for block in article.blocks if block.span is not None for n in block.span.lines}
    assert non_blank <= spans


@SETTINGS
@given(ANY_TEXT)
def test_repair_is_idempotent(text: str) -> None:
    once, _ = repair_text(text, RepairOptions())
    assert repair_text(once, RepairOptions()) == (once, ())


@SETTINGS
@given(ANY_TEXT)
def test_repair_keeps_the_line_count(text: str) -> None:
    normalised = normalize_line_breaks(text)
    assert repair_text(text, RepairOptions())[0].count("\n") == normalised.count("\n")


# -- parse_text: arguments and diagnostics (examples, not properties) ---------------


def _codes(article: Article) -> list[str]:
    return [d.code for d in article.diagnostics]


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (42, "got int"),
        (None, "no text to parse"),
        (Path("story.txt"), "path.read_bytes()"),
        (io.StringIO("x"), "f.read()"),
        (["a", "b"], "got list"),
    ],
)
def test_wrong_input_types_raise_with_what_to_do(value: object, hint: str) -> None:
    with pytest.raises(InputTypeError, match=re.escape(hint)):
        parse_text(value)  # type: ignore[arg-type]


def test_wrong_config_and_url_types_raise() -> None:
    with pytest.raises(ConfigError, match="ParseConfig"):
        parse_text("x", config={"repair": False})  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="url"):
        parse_text("x", url=b"http://example.com")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t\n", "&nbsp;\n\u200b", b"", b"\xef\xbb\xbf"])
def test_empty_input_is_a_diagnostic(text: str | bytes) -> None:
    article = parse_text(text)
    assert _codes(article) == ["empty_input"]
    assert article.blocks == ()


def test_binary_input_is_a_diagnostic() -> None:
    article = parse_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert _codes(article) == ["binary_input"]
    assert article.blocks == ()


def test_bytes_like_inputs_are_read() -> None:
    data = "Title\n\nIt’s the first paragraph.".encode()
    for value in (bytearray(data), memoryview(data)):
        assert parse_text(value).title == "Title"  # type: ignore[arg-type]


def test_decoding_diagnostics_reach_the_article() -> None:
    data = "Title\n\n“Naïve” café — ".encode() + b"it\x92s a story."
    article = parse_text(data)
    assert "mixed_encoding" in _codes(article)
    assert "it’s a story." in article.text


def test_too_long_input_is_truncated_at_a_line_break_with_a_diagnostic() -> None:
    text = "\n\n".join(f"Paragraph number {n} of a long story." for n in range(50))
    config = ParseConfig(text=TextOptions(max_chars=300))
    article = parse_text(text, config=config)
    assert "truncated" in _codes(article)
    assert all(block.text.endswith("story.") for block in article.blocks)
    assert len(article.blocks) < 50


def test_flattened_text_is_a_diagnostic() -> None:
    sentence = "The council met on Friday to discuss the plan for the new bridge over the river. "
    text = "A title\n" + (sentence * 10).strip() + "Brand new: " + (sentence * 10).strip()
    assert "flattened_text" in _codes(parse_text(text))


def test_repairs_reach_the_article() -> None:
    article = parse_text("Title\n\nÀ President Bashar al-Assad's troops entered the east of the city.")
    assert [r.name for r in article.repairs] == ["stray_letter"]
    assert "À" not in article.text


def test_the_config_reaches_every_stage() -> None:
    text = "Title\n\n03/04/2016 14:08 by admin\n\nBody text here."
    us = parse_text(text, config=ParseConfig(dates=DateOptions(day_first=DayFirst.NO)))
    europe = parse_text(text, config=ParseConfig(dates=DateOptions(day_first=DayFirst.YES)))
    assert us.published is not None and europe.published is not None
    assert (us.published.month, us.published.day) == (3, 4)
    assert (europe.published.month, europe.published.day) == (4, 3)


def test_prepare_text_keeps_the_line_numbering() -> None:
    prepared = prepare_text(b"one\r\ntwo\rthree\n\nfour", config=copydesk.ParseConfig())
    assert prepared.lines == ("one", "two", "three", "", "four")
    assert [r.name for r in prepared.repairs] == ["line_breaks"]
