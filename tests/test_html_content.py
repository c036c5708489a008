"""The HTML front end: loading, finding the article, walking it into hinted blocks, parse_html."""

from __future__ import annotations

import codecs

import attrs
import pytest
from bs4 import BeautifulSoup

from copydesk import BlockKind, HtmlOptions, ParseConfig, parse_html
from copydesk._classify.source import Hint
from copydesk._html.content import extract_content
from copydesk._html.load import declared_charset, load_html, prune_markup, strip_markup
from copydesk._render import render_text

LONG = "The council voted on Tuesday to expand the program, officials said, after a long debate."
LONG2 = "Residents who spoke at the meeting, many of them parents, asked for more buses and safer roads."
LONG3 = "The plan, which takes effect next year, will cost about 4 million dollars over five years."


def page(article: str, *, before: str = "", after: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>Site</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"{before}{article}{after}"
        "<footer><p>Copyright 2019 Example Media. All rights reserved worldwide.</p></footer>"
        "</body></html>"
    )


def hints(html: str, **kwargs: object) -> list[tuple[str, str]]:
    result = extract_content(BeautifulSoup(html, "lxml"), **kwargs)  # type: ignore[arg-type]
    return [(b.hint.value, b.text) for b in result.blocks if b.removed is None]


# -- loading ----------------------------------------------------------------


def test_strip_keeps_json_ld_and_cuts_scripts_styles_comments() -> None:
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<script>var a = '<p>not text</p>';</script><style>p {}</style><!-- <p>c</p> -->"
        "<svg><text>icon</text></svg><p>kept</p>"
    )
    out, cut = strip_markup(html)
    assert out == '<script type="application/ld+json">{"@type": "NewsArticle"}</script><p>kept</p>'
    assert cut == 4


def test_strip_an_unclosed_script_runs_to_the_end() -> None:
    assert strip_markup("<p>a</p><script>never closed <p>b</p>")[0] == "<p>a</p>"
    assert strip_markup("<p>a</p><!-- never closed")[0] == "<p>a</p>"
    assert strip_markup("<p>a</p><script")[0] == "<p>a</p>"


def test_prune_drops_chrome_outside_the_article_and_counts_it() -> None:
    markup, dropped = prune_markup(
        "<body><header><a>Logo</a></header><aside>Most read</aside>"
        "<article><header><span class='byline'>By Ann Lee</span></header><p>Text.</p>"
        "<aside><blockquote>A pull quote.</blockquote></aside></article></body>"
    )
    assert markup is not None
    assert "Logo" not in markup and "Most read" not in markup
    assert "By Ann Lee" in markup and "A pull quote." in markup  # inside the article: kept
    assert {d.reason for d in dropped} == {"header", "aside"}


def test_prune_keeps_a_header_that_holds_the_h1() -> None:
    markup, _ = prune_markup("<body><header><h1>The title</h1></header><p>Text.</p></body>")
    assert markup is not None and "The title" in markup


def test_prune_keeps_inline_spaces_and_drops_blank_text_between_blocks() -> None:
    markup, _ = prune_markup("<body><div>\n  <p><b>one</b> <i>two</i></p>\n  <p>three</p>\n</div></body>")
    assert markup is not None
    assert "<b>one</b> <i>two</i>" in markup
    assert "<div><p>" in markup


def test_declared_charset_order_header_then_meta() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    assert declared_charset(data) == "windows-1251"
    assert declared_charset(data, "text/html; charset=utf-8") == "utf-8"


def test_bytes_are_decoded_with_the_declared_charset() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    loaded = load_html(html.encode("cp1251"))
    assert loaded.encoding is not None and codecs.lookup(loaded.encoding).name == "cp1251"
    assert loaded.soup.p.get_text() == "Привет, мир"


def test_content_type_beats_meta() -> None:
    html = '<meta charset="iso-8859-1"><p>café</p>'.encode()
    assert load_html(html, content_type="text/html; charset=utf-8").soup.p.get_text() == "café"


def test_a_callers_soup_is_used_as_is() -> None:
    soup = BeautifulSoup(page(f"<article><h1>Title</h1><p>{LONG}</p></article>"), "lxml")
    assert load_html(soup).soup is soup
    assert parse_html(soup).text == LONG
    assert soup.nav is not None  # not pruned: the caller's tree is left alone


# -- the article container ----------------------------------------------------


def test_nav_footer_and_sidebar_are_left_out() -> None:
    html = page(
        f"<div class='story'><h1>Title</h1><p>{LONG}</p><p>{LONG2}</p></div>",
        after="<div class='sidebar'><p>Sidebar text that is long enough to count as prose here.</p></div>",
    )
    assert hints(html) == [("title", "Title"), ("paragraph", LONG), ("paragraph", LONG2)]


def test_the_densest_of_several_candidates_wins() -> None:
    teasers = "".join(
        f"<div class='item'><a href='/{i}'>Teaser headline number {i} for a story</a></div>" for i in range(8)
    )
    html = page(
        f"<div class='content'><p>{LONG}</p><p>{LONG2}</p><p>{LONG3}</p></div>",
        before=f"<div class='list'>{teasers}</div>",
    )
    texts = [t for _, t in hints(html)]
    assert texts == [LONG, LONG2, LONG3]


def test_a_body_split_by_an_ad_is_joined() -> None:
    html = page(
        "<article><h1>Title</h1>"
        f"<div class='part'><p>{LONG}</p><p>{LONG2}</p></div>"
        "<div class='ad-slot'>Advertisement</div>"
        f"<div class='part'><p>{LONG3}</p></div></article>"
    )
    assert [t for h, t in hints(html) if h == "paragraph"] == [LONG, LONG2, LONG3]


def test_comments_related_share_and_newsletter_are_not_body() -> None:
    html = page(
        f"<article><h1>Title</h1><p>{LONG}</p>"
        "<div class='share-bar'><a>Facebook</a><a>Twitter</a></div>"
        f"<p>{LONG2}</p>"
        "<div class='newsletter'><p>Sign up for our daily newsletter and never miss a story again.</p></div>"
        "<section class='related-stories'><p>Another story about something else entirely, long.</p></section>"
        "</article>"
        "<div id='comments'><p>I disagree with this article completely, and here is why it is wrong.</p></div>"
    )
    article = parse_html(html)
    assert article.paragraphs == (LONG, LONG2)
    reasons = {b.reason for b in article.removed}
    assert "boilerplate (share)" in reasons and "boilerplate (newsletter)" in reasons


def test_structure_is_kept_in_order() -> None:
    html = page(
        "<article><h1>Title</h1>"
        f"<p>{LONG}</p><h2>What comes next</h2>"
        "<ul><li>First point of the plan</li><li>Second point<ul><li>A sub-point</li></ul></li></ul>"
        f"<blockquote><p>{LONG2}</p></blockquote>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2020</td><td>$1m</td></tr></table>"
        "<pre>code  block</pre></article>"
    )
    result = extract_content(BeautifulSoup(html, "lxml"))
    got = [(b.hint, b.level, b.text) for b in result.blocks]
    assert got == [
        (Hint.TITLE, 1, "Title"),
        (Hint.PARAGRAPH, 0, LONG),
        (Hint.HEADING, 2, "What comes next"),
        (Hint.LIST_ITEM, 0, "First point of the plan"),
        (Hint.LIST_ITEM, 0, "Second point"),
        (Hint.LIST_ITEM, 1, "A sub-point"),
        (Hint.BLOCKQUOTE, 0, LONG2),
        (Hint.TABLE, 0, "Year \u2502 Cost"),
        (Hint.TABLE, 0, "2020 \u2502 $1m"),
        (Hint.CODE, 0, "code block"),
    ]


def test_tables_can_be_left_out() -> None:
    html = page(f"<article><p>{LONG}</p><table><tr><td>a</td><td>b</td></tr></table></article>")
    result = extract_content(BeautifulSoup(html, "lxml"), include_tables=False)
    assert [b.removed for b in result.blocks] == [None, "table (tables left out by configuration)"]
    config = ParseConfig(html=HtmlOptions(include_tables=False))
    assert "a \u2502 b" not in parse_html(html, config=config).text


def test_figures_captions_credits_and_pull_quotes_are_hinted() -> None:
    html = page(
        f"<article><h1>Title</h1><p>{LONG}</p>"
        "<figure><img src='x.jpg'><figcaption>Crowds gather outside the hall."
        "<span class='credit'>Photo: Jane Roe/AP</span></figcaption></figure>"
        f"<p>{LONG2}</p>"
        "<aside class='pullquote'><p>We will not stop until it is done.</p></aside>"
        "<blockquote class='pull-quote'>Another highlighted line</blockquote>"
        f"<p>{LONG3}</p></article>"
    )
    got = hints(html)
    assert ("figcaption", "Crowds gather outside the hall.") in got
    assert ("photo_credit", "Photo: Jane Roe/AP") in got
    assert ("pull_quote", "We will not stop until it is done.") in got
    assert ("pull_quote", "Another highlighted line") in got
    assert [t for h, t in got if h == "paragraph"] == [LONG, LONG2, LONG3]


def test_bylines_times_and_datelines_are_hinted_not_body() -> None:
    html = page(
        "<article><h1>Title</h1><div class='byline'>By <a rel='author' href='/a'>Ann Lee</a></div>"
        "<time datetime='2019-11-19T08:00:00Z'>November 19, 2019</time>"
        f"<p><span class='dateline'>LONDON</span></p><p>{LONG}</p><p>{LONG2}</p></article>"
    )
    got = hints(html)
    assert ("byline", "By Ann Lee") in got
    assert ("time", "November 19, 2019") in got
    assert ("dateline", "LONDON") in hints(page(f"<article><div class='dateline'>LONDON</div><p>{LONG}</p></article>"))


def test_a_header_before_the_container_gives_title_and_byline() -> None:
    html = page(
        "<div class='head'><h1>The title</h1><p class='byline'>By Ann Lee</p></div>"
        f"<div class='article-body'><p>{LONG}</p><p>{LONG2}</p></div>"
    )
    got = hints(html)
    assert got[0] == ("title", "The title")
    assert ("byline", "By Ann Lee") in got


def test_the_next_article_of_an_infinite_scroll_is_left_out() -> None:
    html = page(
        "<main>"
        f"<article><h1>First story</h1><p>{LONG}</p><p>{LONG2}</p><p>{LONG3}</p></article>"
        "<article><h1>Second story</h1><p>Something else happened somewhere else, said a spokesman for them.</p>"
        "<p>More about the second story, which nobody asked for in this page at all.</p></article>"
        "</main>"
    )
    article = parse_html(html)
    assert article.paragraphs == (LONG, LONG2, LONG3)
    assert "next_article" in {d.code for d in article.diagnostics}


def test_nested_teaser_articles_are_left_out() -> None:
    html = page(
        f"<article class='post'><h1>Main</h1><p>{LONG}</p><p>{LONG2}</p>"
        "<h3>You may also like</h3>"
        "<article class='post'><p>A teaser paragraph about another post that is long enough.</p></article>"
        "</article>"
    )
    assert parse_html(html).paragraphs == (LONG, LONG2)


def test_a_paywall_keeps_the_visible_text_and_says_so() -> None:
    html = page(
        f"<article><h1>Title</h1><p>{LONG}</p><div class='paywall'><p>{LONG2}</p></div>"
        "<div class='subscribe-box'><p>Subscribe now to keep reading this story and many more like it.</p></div>"
        "</article>"
    )
    article = parse_html(html)
    assert article.paragraphs == (LONG, LONG2)
    assert "paywall" in {d.code for d in article.diagnostics}


def test_a_misnamed_wrapper_holding_the_story_is_not_boilerplate() -> None:
    html = page(f"<div class='layout has-sidebar with-comments share-enabled'><p>{LONG}</p><p>{LONG2}</p></div>")
    assert parse_html(html).paragraphs == (LONG, LONG2)


def test_hidden_elements_are_not_body() -> None:
    html = page(
        f"<article><p>{LONG}</p><p style='display: none'>Hidden text that should never be shown.</p>"
        f"<p hidden>Also hidden from every reader of the page.</p><p>{LONG2}</p></article>"
    )
    assert parse_html(html).paragraphs == (LONG, LONG2)


def test_br_splits_lines_and_entities_are_decoded() -> None:
    html = page(f"<article><p>{LONG}</p><p>First line<br>Second&nbsp;line &amp; more</p></article>")
    assert hints(html)[-2:] == [("paragraph", "First line"), ("paragraph", "Second line & more")]


# -- parse_html -----------------------------------------------------------------


def test_parse_html_accounts_for_what_it_leaves_out() -> None:
    article = parse_html(page(f"<article><h1>Title</h1><p>{LONG}</p></article>"))
    diagnostic = next(d for d in article.diagnostics if d.code == "outside_content")
    assert "nav: 1" in diagnostic.message
    assert "footer" in diagnostic.message


def test_parse_html_spans_number_the_blocks_in_order() -> None:
    article = parse_html(page(f"<article><h1>Title</h1><p>{LONG}</p><p>{LONG2}</p></article>"))
    spans = [b.span for b in article.blocks]
    assert all(s is not None for s in spans)
    starts = [s.start for s in spans if s is not None]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_parse_html_keeps_the_url_and_title() -> None:
    article = parse_html(page(f"<article><h1>The title</h1><p>{LONG}</p></article>"), url="https://e.com/a")
    assert article.url == "https://e.com/a"
    assert [b.text for b in article.blocks if b.kind is BlockKind.TITLE] == ["The title"]
    assert article.text == LONG


def test_parse_html_repairs_mojibake_in_blocks() -> None:
    mojibake = "It\u00e2\u20ac\u2122s a long enough paragraph to be the body."
    article = parse_html(page(f"<article><p>{mojibake}</p></article>"))
    assert article.text == "It\u2019s a long enough paragraph to be the body."
    assert article.repairs


@pytest.mark.parametrize("bad", [123, None, ["<p>x</p>"], object()])
def test_parse_html_rejects_other_types(bad: object) -> None:
    from copydesk import InputTypeError

    with pytest.raises(InputTypeError):
        parse_html(bad)  # type: ignore[arg-type]


def test_parse_html_rejects_a_bad_config() -> None:
    from copydesk import ConfigError

    with pytest.raises(ConfigError):
        parse_html("<p>x</p>", config=object())  # type: ignore[arg-type]


def test_reading_metadata_can_be_turned_off() -> None:
    config = attrs.evolve(ParseConfig(), html=HtmlOptions(read_metadata=False))
    html = page(f"<article><p>{LONG}</p></article>", head='<meta property="og:title" content="OG title">')
    article = parse_html(html, config=config)
    assert article.text == LONG
    assert article.title != "OG title"


def test_body_kinds_come_from_hints() -> None:
    html = page(
        f"<article><h1>Title</h1><p>{LONG}</p><h2>Sub</h2><ul><li>An item in the list</li></ul>"
        f"<blockquote><p>{LONG2}</p></blockquote></article>"
    )
    kinds = [b.kind for b in parse_html(html).body]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE]


# -- issue 9: content selection that generalises --------------------------------


def test_a_share_link_after_a_paragraph_is_removed_with_its_reason() -> None:
    html = page(f"<article><h1>Title</h1><p>{LONG} <a class='share-link' href='/s'>Share this</a></p></article>")
    article = parse_html(html)
    assert article.paragraphs == (LONG,)
    assert any(b.text == "Share this" and b.reason == "boilerplate (share)" for b in article.removed)


def test_hidden_inline_text_is_removed_and_recorded() -> None:
    html = page(f"<article><p>{LONG} <span style='display: none'>x equals two</span> and more.</p></article>")
    article = parse_html(html)
    assert "x equals two" not in article.text
    assert any(b.text == "x equals two" and b.reason == "hidden" for b in article.removed)


def test_visibility_hidden_is_hidden_and_aria_hidden_is_not() -> None:
    html = page(
        f"<article><div style='visibility: hidden'><p>{LONG3}</p></div>"
        f"<div aria-hidden='true'><p>{LONG}</p><p>{LONG2}</p></div></article>"
    )
    assert parse_html(html).paragraphs == (LONG, LONG2)


def test_source_line_breaks_inside_a_paragraph_do_not_split_it() -> None:
    html = page(f"<article><p>{LONG[:40]}\n{LONG[40:]}</p><pre>line one\nline two</pre></article>")
    article = parse_html(html)
    assert " ".join(f"{LONG[:40]} {LONG[40:]}".split()) in article.paragraphs


def test_mathml_is_read_as_separate_symbols() -> None:
    formula = "<math><mi>x</mi><mo>=</mo><mn>2</mn></math>"
    html = page(f"<article><p>{LONG}</p><p>We know that {formula} here.</p></article>")
    assert "We know that x = 2 here." in parse_html(html).paragraphs


def test_an_h1_heading_a_section_of_the_story_does_not_end_it() -> None:
    html = page(
        f"<main><section><h1>The chapter</h1><p>{LONG}</p>"
        f"<section><h1>A part of it</h1><p>{LONG2}</p></section>"
        f"<section><h1>Another part</h1><p>{LONG3}</p></section></section></main>"
    )
    article = parse_html(html)
    assert [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == [LONG, LONG2, LONG3]
    assert [b.text for b in article.blocks if b.kind is BlockKind.SUBHEADING] == ["A part of it", "Another part"]


def test_a_story_inside_a_weakly_named_wrapper_is_found() -> None:
    teaser = "<li><div><p>Teaser number {} of the stream, a short summary line.</p></div></li>"
    teasers = "".join(teaser.format(i) for i in range(3))
    story = "".join(f"<p>{text}</p>" for text in (LONG, LONG2, LONG3, LONG, LONG2))
    html = page(f"<ul class='stream'>{teasers}</ul><div class='modal'><article><h1>Story</h1>{story}</article></div>")
    article = parse_html(html)
    assert LONG3 in article.paragraphs and not any("Teaser" in p for p in article.paragraphs)


def test_a_section_named_like_boilerplate_holding_the_story_prose_is_kept() -> None:
    prose = "".join(f"<p>{text}</p>" for text in (LONG, LONG2, LONG3, LONG, LONG2, LONG3))
    html = page(f"<article><h1>Guide</h1><p>{LONG3}</p><div id='sharing-your-work'>{prose}</div>"
                "<div class='share'>Share on social</div></article>")
    article = parse_html(html)
    assert article.paragraphs.count(LONG) == 2
    assert "Share on social" not in article.text


def test_a_page_whose_container_gives_no_body_falls_back_and_says_so() -> None:
    html = "<html><body><a href='javascript:'><p>abc</p><p>def</p>ghi</a></body></html>"
    article = parse_html(html)
    assert article.text.split() == ["abc", "def", "ghi"]
    assert "content_fallback" in {d.code for d in article.diagnostics}


def test_headings_alone_are_kept() -> None:
    html = "<html><body><article><h2>Test Case 1</h2><img src='a.png'><h2>Test Case 2</h2></article></body></html>"
    assert parse_html(html).text.split("\n\n") == ["Test Case 1", "Test Case 2"]


def test_ordered_list_items_carry_their_numbers() -> None:
    items = "<li>Alpha step here.</li><li value='7'>Beta step here.</li><li>Gamma step here.</li>"
    html = page(f"<article><p>{LONG}</p><ol start='3'>{items}</ol><ol reversed><li>One.</li><li>Two.</li></ol>"
                "<ul><li>Bullet.</li></ul></article>")
    article = parse_html(html)
    numbers = [(b.text, b.number) for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert numbers == [
        ("Alpha step here.", 3), ("Beta step here.", 7), ("Gamma step here.", 8), ("One.", 2), ("Two.", 1),
        ("Bullet.", None),
    ]
    assert "7. Beta step here." in render_text(article)
    assert article.from_json(article.to_json()) == article


def test_a_story_split_by_a_block_of_links_is_joined_and_the_links_left_out() -> None:
    said = [
        f"Paragraph {n} of the story says what the council decided on Tuesday, and why, in plain words "
        "that every reader can follow."
        for n in range(12)
    ]
    first = "".join(f"<p>{text}</p>" for text in said[:4])
    rest = "".join(f"<p>{text}</p>" for text in said[4:])
    links = "".join(f"<a href='/s/{i}'>Another story headline number {i} here</a> " for i in range(16))
    html = page(f"<article><h1>Title</h1><div class='a'>{first}</div><div class='b'>{links}</div>"
                f"<div class='c'><div>{rest}</div></div></article>")
    article = parse_html(html)
    assert article.paragraphs == tuple(said)
    assert "headline number" not in article.text


def test_media_fallback_text_in_a_callers_soup_is_recorded() -> None:
    soup = BeautifulSoup(page(f"<article><p>{LONG}</p><video>Your browser cannot play it</video></article>"), "lxml")
    article = parse_html(soup)
    assert article.paragraphs == (LONG,)
    assert any(b.text == "Your browser cannot play it" and b.reason == "media fallback text" for b in article.removed)
