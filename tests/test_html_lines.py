"""Every HTML content block knows the line of the decoded page it came from (copydesk._html.sourcelines)."""

from __future__ import annotations

import lxml.etree
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk._classify.source import Hint
from copydesk._config import RepairOptions
from copydesk._html.blocks import build_blocks
from copydesk._html.content import ContentBlock, extract_content
from copydesk._html.load import FRAME_TAGS, load_html, prune_markup
from copydesk._html.sourcelines import LINE_ATTRIBUTE, LineMap

PARA = "The council voted on Tuesday to expand the program, officials said, after a long debate."
PARA2 = "Residents who spoke at the meeting, many of them parents, asked for more buses and safer roads."


def lines_of(html: str | bytes) -> list[tuple[str, int | None]]:
    """(text, line) of every content block of ``html``."""
    return [(b.text, b.line) for b in extract_content(load_html(html).soup).blocks]


def line_holding(html: str, text: str) -> int:
    """The 1-based line of ``html`` that holds ``text``."""
    return html[: html.index(text)].count("\n") + 1


def test_each_block_gets_the_line_its_element_starts_on() -> None:
    html = (
        "<html>\n<head>\n<title>T</title>\n<script>\nvar a = 1;\nvar b = 2;\n</script>\n"
        "<style>\np { color: red }\n</style>\n</head>\n<body>\n<!-- a\ncomment -->\n"
        f"<article>\n<h1>Bridge vote</h1>\n<p>{PARA}</p>\n<script>\nx()\n</script>\n<p>{PARA2}</p>\n"
        "</article>\n</body>\n</html>"
    )
    found = lines_of(html)
    assert [text for text, _line in found] == ["Bridge vote", PARA, PARA2]
    assert all(line == line_holding(html, text) for text, line in found)


def test_a_cut_inside_a_line_is_placed_on_the_right_side() -> None:
    # Scripts and comments that end on the line where the next block starts.
    html = (
        "<body><article><h1>Bridge vote</h1><script>\n\n\n</script>"
        f"<p>{PARA}</p><!--\n\n--><p>{PARA2}</p></article></body>"
    )
    assert lines_of(html) == [("Bridge vote", 1), (PARA, 4), (PARA2, 6)]


def test_a_start_tag_over_several_lines_counts_where_it_ends() -> None:
    html = f'<body><script>\n</script><article><h1>Bridge vote</h1><p\nclass="x"\n>{PARA}</p></article></body>'
    assert lines_of(html)[1] == (PARA, 4)


def test_bytes_are_counted_after_decoding() -> None:
    html = f"<body>\n<script>\n</script><article>\n<h1>Caf\u00e9 vote</h1>\n<p>{PARA}</p></article></body>"
    assert lines_of(html.encode("cp1252")) == lines_of(html) == [("Caf\u00e9 vote", 4), (PARA, 5)]


def test_an_inline_element_made_a_block_and_a_wrapper_take_their_parents_line() -> None:
    html = (
        "<body><article>\n<h1>Bridge vote</h1>\n<div>\n<figure>\n<figcaption>Waves.\n"
        f'<span class="credit">Photo: AP</span></figcaption></figure>\n<p>{PARA}</p></div></article></body>'
    )
    blocks = extract_content(load_html(html).soup).blocks
    # The credit <span> sits on line 6 but is a block of its figcaption's (line 5).
    assert [(b.hint, b.line) for b in blocks] == [
        (Hint.TITLE, 2), (Hint.FIGCAPTION, 5), (Hint.PHOTO_CREDIT, 5), (Hint.PARAGRAPH, 7)
    ]


def test_a_callers_soup_has_no_lines() -> None:
    soup = BeautifulSoup(f"<article><h1>Bridge vote</h1><p>{PARA}</p></article>", "lxml")
    assert {b.line for b in extract_content(load_html(soup).soup).blocks} == {None}


@pytest.mark.parametrize("value", ["x", "\u00b2", "", "-3", "1" * 40, "12.5"])
def test_odd_line_values_in_a_callers_soup_are_ignored(value: str) -> None:
    soup = BeautifulSoup(f'<article><h1>Bridge vote</h1><p {LINE_ATTRIBUTE}="{value}">{PARA}</p></article>', "lxml")
    assert extract_content(soup).blocks[1].line is None


def test_the_line_attribute_leaves_no_other_trace() -> None:
    # The signature words, hints and boilerplate do not see the attribute.
    html = f"<body><article><h1>Bridge vote</h1>\n<div class='share'>Share this</div>\n<p>{PARA}</p></article></body>"
    blocks = extract_content(load_html(html).soup).blocks
    assert [(b.hint, b.removed, b.line) for b in blocks] == [
        (Hint.TITLE, None, 1), (Hint.PARAGRAPH, "boilerplate (share)", 2), (Hint.PARAGRAPH, None, 3)
    ]


def test_build_blocks_keeps_the_lines_by_block_number() -> None:
    built = build_blocks(
        [
            ContentBlock("Share this", Hint.PARAGRAPH, removed="boilerplate (share)", line=3),
            ContentBlock("Body.", Hint.PARAGRAPH, line=7),
            ContentBlock("   ", Hint.PARAGRAPH, line=8),
        ],
        RepairOptions(),
    )
    assert built.page_lines == (3, 7, 8)
    assert built.page_line(built.source[0].span) == 7
    assert built.page_line(built.removed[0].span) == 3
    assert built.page_line(None) is None


def test_lines_past_what_lxml_counts_are_unknown() -> None:
    markup = "<body>" + "\n" * 70_000 + "<p>x</p></body>"
    root = lxml.etree.fromstring(markup, lxml.etree.HTMLParser(huge_tree=True))
    p = next(root.iter("p"))
    assert LineMap(markup, []).page_line(p) is None


def test_prune_without_a_line_map_writes_no_lines() -> None:
    markup, _dropped = prune_markup("<body>\n<p>Hi</p></body>")
    assert markup is not None and LINE_ATTRIBUTE not in markup


_PIECES = st.sampled_from(
    ["<div>", "</div>", "<p>", "</p>", "text", "\n", "<script>\n</script>", "<!--\n-->", "<br>",
     "<li>", "<style>a{}\n</style>", "<span>", "</span>", "<?pi\n?>", "<table><tr><td>\n"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_lines_match_lxml_on_the_uncut_page(pieces: list[str]) -> None:
    """The mapped line of every block element is the line lxml gives it on the page itself."""
    from copydesk._html.load import _strip

    page = "<html><body>" + "".join(pieces) + "</body></html>"
    stripped, _cut, cuts = _strip(page)
    parser = lxml.etree.HTMLParser(huge_tree=True)
    direct = lxml.etree.fromstring(page, parser)
    mine = lxml.etree.fromstring(stripped, lxml.etree.HTMLParser(huge_tree=True))
    skip = {"script", "style"}
    want = [(e.tag, e.sourceline) for e in direct.iter() if e.tag in FRAME_TAGS - {"html", "body"}
            and not any(a.tag in skip for a in e.iterancestors())]
    lines = LineMap(stripped, cuts)
    lines.locate(mine, FRAME_TAGS)
    have = [(e.tag, lines.page_line(e)) for e in mine.iter() if e.tag in FRAME_TAGS - {"html", "body"}]
    if [t for t, _ in want] == [t for t, _ in have]:  # same tree (cutting may change how lxml nests)
        assert have == want
