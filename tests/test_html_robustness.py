"""parse_html never raises on the content of a page, and stays linear on huge or deep pages."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import Article, parse_html

PARAGRAPH = "A sentence long enough to be taken for the body of an article, with a comma or two."


def codes(article: Article) -> set[str]:
    return {d.code for d in article.diagnostics}


# -- hostile inputs -----------------------------------------------------------------


def test_empty_string_gives_an_empty_article_with_a_diagnostic() -> None:
    article = parse_html("")
    assert article.text == ""
    assert "no_content" in codes(article)


def test_empty_bytes_and_blank_text() -> None:
    assert "no_content" in codes(parse_html(b""))
    assert "no_content" in codes(parse_html("   \n\t  "))


def test_a_page_that_is_only_a_script() -> None:
    article = parse_html("<script>document.write('<p>' + 'x'.repeat(100) + '</p>')</script>")
    assert article.text == ""
    assert "no_content" in codes(article)


def _png() -> bytes:
    raw = b"\x00\xff\x00\x00" * 16
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x06\x00\x00\x00"
        + zlib.compress(raw)
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_png(), "PNG"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "PDF"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_non_html_bytes_give_an_empty_article_saying_what_they_are(data: bytes, kind: str) -> None:
    article = parse_html(data)
    assert article.text == ""
    diagnostic = next(d for d in article.diagnostics if d.code == "not_html")
    assert kind in diagnostic.message


def test_deep_nesting_is_walked_without_recursion() -> None:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + PARAGRAPH + "</div>" * depth + f"<p>{PARAGRAPH}</p></body></html>"
    article = parse_html(html)
    assert article.text.count(PARAGRAPH) >= 1


def test_deep_inline_nesting() -> None:
    depth = 20_000
    html = "<p>" + "<span><b>" * depth + PARAGRAPH + "</b></span>" * depth + "</p>"
    assert PARAGRAPH in parse_html(html).text


def test_a_30_mb_page() -> None:
    script = "<script>" + "var x = 1;\n" * (2 * 1024 * 1024) + "</script>"  # ~22 MB
    long_paragraph = " ".join([PARAGRAPH] * 40)  # ~3.4 KB
    paragraphs = "".join(f"<p>{i}. {long_paragraph}</p>" for i in range(2_500))  # ~8.5 MB
    html = f"<html><head>{script}</head><body><article>{paragraphs}</article></body></html>"
    assert len(html) > 30_000_000
    article = parse_html(html)
    assert PARAGRAPH in article.paragraphs[0]
    assert len(article.paragraphs) > 1_000


def test_bytes_over_the_limit_are_cut_with_a_diagnostic() -> None:
    from copydesk import HtmlOptions, ParseConfig

    config = ParseConfig(html=HtmlOptions(max_bytes=1000))
    article = parse_html(f"<p>{PARAGRAPH}</p>".encode() * 100, config=config)
    assert "input_truncated" in codes(article)


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed <b>bold <i>italic",
        "</div></div></p><p>stray closers first, then text long enough to count here.</p>",
        "<html><html><body><body><p>doubled roots</p></body></html>",
        "<table><p>a paragraph inside a table</p><tr><td>cell</td></table>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>an XML declaration in a str</p></body></html>',
        "<!DOCTYPE html><p>x</p><!-- unterminated comment",
        "<p>x</p><script",
        "<p>x</p><script>never closed",
        "<p>&#0; &#xD800; &#99999999; &bogus; &amp</p>",
        "<p>\x00NUL\x00 characters</p>",
        "<div class='" + "x" * 100_000 + "'>huge attribute</div>",
        "<p " + "a=1 " * 10_000 + ">many attributes</p>",
        "<![CDATA[ cdata ]]><p>after</p>",
        "<svg><p>inside svg</p>",
        "<<<<>>>>" * 1000,
        "<p>" + "&lt;" * 10_000 + "</p>",
        "\ufeff<p>BOM in a str</p>",
        "<meta charset='x-unknown-charset'><p>unknown charset</p>",
        "<math><mi>x</mi></math><p>math</p>",
        "<p>" + "word " * 200_000 + "</p>",
    ],
)
def test_malformed_html_never_raises(html: str) -> None:
    article = parse_html(html)
    assert isinstance(article.text, str)
    assert isinstance(parse_html(html.encode("utf-8", "surrogatepass")), Article)


def test_bytes_in_an_unknown_or_wrong_charset_never_raise() -> None:
    data = "<p>Caf\u00e9 \u2014 na\u00efve</p>".encode("cp1252")
    assert "Caf" in parse_html(data, content_type="text/html; charset=bogus-charset").text
    assert "Caf" in parse_html(data, content_type="text/html; charset=utf-8").text


def test_mixed_utf8_and_cp1252_bytes() -> None:
    data = b"<p>" + "caf\u00e9 d\u00e9j\u00e0 vu, ".encode() + "it\u2019s".encode("cp1252") + b" here.</p>"
    article = parse_html(data)
    assert "caf\u00e9" in article.text and "\ufffd" not in article.text


# -- generated HTML -----------------------------------------------------------------

_TAGS = (
    "div", "p", "span", "a", "article", "section", "main", "nav", "header", "footer", "aside", "ul", "ol",
    "li", "h1", "h2", "h3", "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "pre", "br",
    "time", "em", "strong", "script", "style", "noscript", "form", "button", "img", "iframe", "svg",
    "template", "select", "option", "b", "i", "q", "sup", "dl", "dt", "dd", "center", "font",
)
_CLASSES = (
    "article-body", "content", "story", "comments", "related", "share", "byline", "author", "caption",
    "credit", "pullquote", "dateline", "newsletter", "ad", "promo", "card", "sidebar", "paywall",
    "hidden", "entry-content", "timestamp", "summary", "nav", "menu",
)
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), min_size=0, max_size=60
)


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attributes = ""
    if draw(st.booleans()):
        attributes += f' class="{" ".join(draw(st.lists(st.sampled_from(_CLASSES), max_size=3)))}"'
    if draw(st.integers(0, 9)) == 0:
        attributes += draw(st.sampled_from([" hidden", ' style="display:none"', ' rel="author"', ' role="main"']))
    children: list[str] = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            children.append(draw(_TEXT))
        else:
            children.append(draw(_element(depth + 1)))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>"]))
    return f"<{tag}{attributes}>{''.join(children)}{close}"


@st.composite
def _pages(draw: st.DrawFn) -> str:
    body = "".join(draw(st.lists(_element(), max_size=6)))
    noise = draw(st.sampled_from(["", "<!--", "<script>", "<![CDATA[", "&", "<", "</", "\x00", "\ufeff"]))
    position = draw(st.integers(0, len(body)))
    return "<html><body>" + body[:position] + noise + body[position:] + "</body></html>"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(_pages())
def test_generated_html_never_raises(html: str) -> None:
    article = parse_html(html)
    assert isinstance(article, Article)
    # Every body block's text comes from the page's text (never invented).
    for block in article.body:
        assert block.text.strip()


@settings(max_examples=100, deadline=None, database=None)
@given(st.binary(max_size=2_000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert isinstance(parse_html(data), Article)


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(max_size=500))
def test_arbitrary_text_never_raises(text: str) -> None:
    assert isinstance(parse_html(text), Article)
