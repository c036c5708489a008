"""Issue 12: the mechanisms that keep parsing linear give the answers the slow ones gave.

Time itself is measured by ``benchmarks/growth.py`` (no timed tests here).
Each fast path is checked against a plain reference written here, or for the
answer the old code gave on a small input.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import BlockKind, ClassifyOptions, ParseConfig, parse_html, parse_text
from copydesk._classify.context import MAX_SHARING, Document
from copydesk._detect import looks_like_html
from copydesk._html import content_signature
from copydesk._html.content_score import score_lines
from copydesk._html.content_walk import _is_pull_quote_aside, walk
from copydesk._html.load import prune_markup
from copydesk._text.split import _outside_urls, split_blocks

PARAGRAPH = "A storm hit the coast on Monday, cutting power to thousands of homes along the shore."

# -- the HTML detector -------------------------------------------------------------------------------


def test_comments_before_the_opening_tag_are_skipped():
    assert looks_like_html(b"<!---->" * 500 + b"<!DOCTYPE html><p>x</p>")
    assert looks_like_html(b"\xef\xbb\xbf  <!-- a -->\n<!-- b --><html><body>x</body></html>")
    assert looks_like_html("<!-- note --> <head><title>T</title></head>")


def test_comments_before_plain_text_are_not_html():
    assert not looks_like_html(b"<!---->" * 500 + b"\nStorm hits the coast\n\n" + PARAGRAPH.encode())
    assert not looks_like_html(b"<!-- never closed <html>")


def test_a_leading_comment_longer_than_the_bound_is_no_preamble():
    # As before: a page does not open with 2,000 characters of comment.
    assert not looks_like_html(b"<!--" + b"x" * 2100 + b"--><html><body>x</body></html>")
    assert looks_like_html(b"<!--" + b"x" * 1900 + b"--><html><body>x</body></html>")


# -- the URL check of split_flattened --------------------------------------------------------------


def _in_url_reference(text: str, position: int) -> bool:
    """The check as it was (quadratic on a line without spaces): the reference."""
    start = text.rfind(" ", 0, position) + 1
    token = text[start:position + 2]
    return "/" in token or "@" in token or token.lower().startswith("www")


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet="ab. /@wW", max_size=60), st.data())
def test_outside_urls_agrees_with_the_per_position_check(text, data):
    positions = sorted(data.draw(st.sets(st.integers(0, len(text) + 2), max_size=10)))
    expected = {p for p in positions if not _in_url_reference(text, p)}
    assert _outside_urls(text, positions) == expected


def test_a_long_line_without_spaces_is_kept_whole_and_in_order():
    text = "ab.Cd" * 2000
    article = parse_text(text)
    assert "".join(b.text for b in article.blocks) == text


def test_glued_sentences_are_still_cut_outside_urls():
    line = ("The storm hit the coast on Monday.Crews worked through the night, see www.example.Com for more. "
            * 15)
    pieces = split_blocks(line, ParseConfig().text)
    assert any(b.text.startswith("Crews worked") for b in pieces)
    assert not any(b.text.startswith("Com for more") for b in pieces)


# -- the next kept block ---------------------------------------------------------------------------


def _naive_next_kept(doc: Document, start: int) -> int | None:
    return next((i for i in range(start, len(doc.blocks)) if not doc.is_removed(i)), None)


def test_next_kept_agrees_with_a_plain_scan():
    lines = ["Title", PARAGRAPH, "Advertisement", PARAGRAPH, PARAGRAPH, "Share this", "A short line here",
             PARAGRAPH.replace("storm", "flood"), "Advertisement", PARAGRAPH]
    config = ParseConfig()
    blocks = split_blocks("\n\n".join(lines), config.text)
    doc = Document(blocks, None, config)
    doc.seen[doc.shapes[1].key] = 1  # the paragraph was seen: its copies are predicted removed
    for start in range(1, len(blocks) + 1):
        assert doc.next_kept(start) == _naive_next_kept(doc, start), start


def test_repeated_lines_kept_with_duplicates_on_and_off():
    text = "Title\n\n" + "\n\n".join([PARAGRAPH] * 30)
    kept = parse_text(text, config=ParseConfig(classify=ClassifyOptions(remove_duplicates=False)))
    assert kept.paragraphs == (PARAGRAPH,) * 30
    removed = parse_text(text)
    assert removed.paragraphs == (PARAGRAPH,)
    assert [b.kind for b in removed.removed] == [BlockKind.DUPLICATE] * 29


# -- the repeated-sentence search (pull quotes) ------------------------------------------------------


def test_a_pull_quote_is_found_among_many_similar_sentences():
    body = [f"The minister said on Monday that bridge number {i} would open in spring after long delays."
            for i in range(3 * MAX_SHARING)]
    quote = "The minister said the bridge over the river would open in spring"
    paragraphs = [*body[:5], quote, *body[5:], "Engineers said the bridge over the river would open in spring "
                  "after years of debate, and the minister agreed on Monday."]
    article = parse_text("Bridge story\n\n" + "\n\n".join(paragraphs))
    assert article.pull_quotes == (quote,)


def test_short_lines_restating_identical_paragraphs_are_pull_quotes():
    body = "The minister said on Monday that the new bridge over the river would open next spring after delays."
    short = "The minister said the new bridge would open next spring"
    text = "Bridge story\n\n" + "\n\n".join(f"{body} Item {i}.\n\n{short} {i}" for i in range(20))
    article = parse_text(text)
    assert len(article.pull_quotes) == 20


# -- prose summed up the tree ---------------------------------------------------------------------


def _naive_prose(html: str) -> list[int]:
    frames, lines, _ = walk(BeautifulSoup(html, "lxml").body)
    own = {id(f): 0 for f in frames}
    score_lines(lines, frames)  # the scores; prose is recomputed below the plain way
    for frame, text, link, *_ in lines:
        if len(text) >= 25 and link * 2 < len(text) and frame.hint is None and frame.boiler_anc is None:
            node = frame
            while node is not None:
                own[id(node)] += len(text)
                node = node.parent
    return [own[id(f)] for f in frames]


@pytest.mark.parametrize("html", [
    "<body>" + f"<div><p>{PARAGRAPH}</p>" * 30 + "</div>" * 30 + "</body>",
    f"<body><article><p>{PARAGRAPH}</p><div><p>{PARAGRAPH}</p><ul><li>{PARAGRAPH}</li></ul></div>"
    f"<nav><p>{PARAGRAPH}</p></nav><p>short</p></article></body>",
])
def test_prose_summed_bottom_up_equals_the_walk_to_the_root(html):
    frames, lines, _ = walk(BeautifulSoup(html, "lxml").body)
    score_lines(lines, frames)
    assert [f.prose for f in frames] == _naive_prose(html)


def test_nested_divs_holding_the_same_paragraph_keep_it_once_per_div():
    article = parse_html("<html><body><article>" + f"<div><p>{PARAGRAPH}</p>" * 40 + "</div>" * 40
                         + "</article></body></html>")
    assert len(article.paragraphs) + len(article.removed) == 40
    assert PARAGRAPH in article.paragraphs


# -- pull-quote asides ----------------------------------------------------------------------------

BODY = "".join(f"<p>{PARAGRAPH.replace('Monday', day)}</p>" for day in ("Monday", "Tuesday", "Friday"))


def test_an_aside_with_a_short_quote_is_kept_and_a_sidebar_is_not():
    quote = "We will rebuild the pier, whatever it costs."
    html = (f"<html><body><article><h1>Storm</h1>{BODY}<aside><blockquote>{quote}</blockquote>"
            f"</aside>{BODY}<aside><blockquote>" + "Read more about the storm. " * 12 + "</blockquote></aside>"
            "</article></body></html>")
    article = parse_html(html)
    assert quote in article.paragraphs or quote in article.pull_quotes
    assert "Read more" not in article.text
    assert any("Read more" in b.text and b.reason for b in article.removed)


def _aside(html: str):
    return BeautifulSoup(html, "lxml").aside


@pytest.mark.parametrize(("html", "expected"), [
    ("<aside><blockquote>We will rebuild.</blockquote></aside>", True),
    ("<aside><p>We <q>will</q> rebuild.</p><cite>Mayor</cite></aside>", True),
    ("<aside><p>No quotation here.</p></aside>", False),
    ("<aside><blockquote></blockquote></aside>", False),
    ("<aside><blockquote>" + "Long sidebar text. " * 20 + "</blockquote></aside>", False),
    ("<aside><q>Hi</q>" + "<span> </span>" * 100 + "</aside>", False),  # too many nodes for a pull quote
    ("<aside><blockquote>Quote " * 300 + "</blockquote></aside>" * 300, False),
])
def test_pull_quote_asides(html, expected):
    assert _is_pull_quote_aside(_aside(html)) is expected


# -- tails of removed elements ---------------------------------------------------------------------


def test_tails_of_removed_elements_stay_in_order():
    markup, _ = prune_markup("<body><p>a<img>b<video></video>c<img>d<b>e</b>f<img>g</p><img>h</body>")
    assert markup is not None
    assert re.sub("<[^>]+>", "", markup) == "abcdefgh"
    assert "<img" not in markup and "<video" not in markup


def test_many_images_between_words_keep_every_word():
    html = "<p>x</p>" + "".join(f"<img>w{i} " for i in range(500))
    text = "\n".join(b.text for b in parse_html(html).blocks)
    assert " ".join(f"w{i}" for i in range(500)) in text


# -- the signature cache ----------------------------------------------------------------------------


def test_the_signature_cache_is_bounded_in_characters():
    cache = content_signature._SIG_CACHE
    for i in range(20_000):
        content_signature.sig_info(f"box-{i} " + "x" * 150)
    assert cache.chars <= content_signature._SIG_CACHE_CHARS
    assert sum(len(sig) for sig in cache.entries) == cache.chars


def test_a_long_signature_is_read_but_not_cached():
    cache = content_signature._SIG_CACHE
    long_sig = "share-bar " + "y" * 5000
    assert content_signature.sig_info(long_sig).boiler == "share"
    assert long_sig not in cache.entries


# -- the chrome check before the soup ----------------------------------------------------------------


def _naive_in_main(element) -> bool:
    node = element.getparent()
    while node is not None:
        if node.tag in ("article", "main") or node.get("role") == "main":
            return True
        node = node.getparent()
    return False


@pytest.mark.parametrize("html", [
    "<body>" + "<header>h " * 20 + "<h1>T</h1>" + "</header>" * 20 + "<aside><p>x</p></aside></body>",
    "<body><div role='main'><aside>a<header>b</header></aside></div><main><footer>f</footer></main>"
    "<article><div><nav>n</nav><aside><aside>a</aside></aside></div></article><footer><h1>x</h1></footer></body>",
])
def test_ancestry_agrees_with_walking_the_tree(html):
    import lxml.etree

    from copydesk._html.prune_tree import Ancestry

    root = lxml.etree.fromstring(html, parser=lxml.etree.HTMLParser())
    ancestry = Ancestry(root)
    for element in root.iter():
        assert ancestry.in_main(element) == _naive_in_main(element)
        assert ancestry.holds_h1(element) == (element.find(".//h1") is not None)


def test_nested_chrome_in_an_article_keeps_its_text():
    html = ("<html><body><article><h1>Title</h1>" + "<header>Head " * 50 + "</header>" * 50
            + f"<p>{PARAGRAPH}</p></article></body></html>")
    article = parse_html(html)
    assert PARAGRAPH in article.text
    assert "Head" in " ".join(b.text for b in article.blocks) or any(
        d.code == "outside_content" for d in article.diagnostics)
