"""Fuzzing the entry points with a fixed budget (issue 12): no unexpected exception, round trips, nothing lost.

Each entry point gets :data:`EXAMPLES` generated inputs (``parse_text`` on
text and on bytes, ``parse_html``, the date parsers, ``Article.from_dict``),
from a seed drawn once per run and printed in pytest's header ("copydesk
fuzz seed: N"); ``COPYDESK_FUZZ_SEED=N`` replays a run and
``COPYDESK_FUZZ_EXAMPLES`` changes the budget (the default keeps the whole
file near a minute on a CI machine). The inputs mix free text and bytes with
the mess real crawls hold (controls, bidi characters, markup, entities,
mojibake, dates, bylines, deep or broken nesting). Nothing is stored between
runs (no example database), so a run is reproduced by its seed alone.

Inline elements carry boilerplate class names too: their text must never be
lost mid-sentence.
"""

from __future__ import annotations

import json
import os
import re
import string
from typing import Any

import lxml.html
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st

import copydesk
from copydesk import Article, SchemaError, TimeSource, parse_html, parse_text
from copydesk._lexicon.dates import find_timestamps, parse_timestamp
from copydesk._lexicon.machine_dates import parse_machine_timestamp, url_timestamp
from copydesk._text.front import prepare_text

SEED = int(os.environ.get("COPYDESK_FUZZ_SEED", "0"))
EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "2000"))


def fuzz(examples: int = EXAMPLES) -> Any:
    """The settings of every fuzz test: the budget, the run's seed, no deadline, no database."""

    def decorate(test: Any) -> Any:
        configured = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                              suppress_health_check=list(HealthCheck))(test)
        return seed(SEED)(configured)

    return decorate


# -- inputs --------------------------------------------------------------------------------------------

MESS = (
    "\x00", "\x07", "\x1b[31m", "\x85", "\x92", "\ufeff", "\u200b", "\u00ad", "\u00a0", "\u2028", "\r\n", "\r",
    "\u202e", "\u202c", "\u2067", "\u2069", "\u200f", "\ud800", "\ufffd", "&amp;", "&#0;", "&#x202e;", "&nbsp;",
    "<p>", "</a>", "<br/>", "itâ€™s", "cafÃ©", "À ", "Â ", "http://example.com/a/b", "www.example.com", "@x",
    "By Jane Doe", "By admin", "WASHINGTON (Reuters) - ", "- AP inputs", "Advertisement", "Read more:",
    "Photo: AFP", "19 Nov 2019", "2019-11-19T08:00:00Z", "Tue, 19 Nov 2019 08:00:00 GMT", "3/4/2016",
    "hilarious.Brand", "U.S. ", "1. ", "• ", "“", "”", "’", "—", "\t", "  ", "\n", "\n\n", "ab.Cd" * 8,
)
SENTENCES = (
    "A storm hit the coast on Monday, cutting power to thousands of homes along the shore. ",
    "The minister said the new bridge would open next spring after years of delay. ",
    "“We will rebuild,” the mayor said. ",
    "Officials met again on Friday to discuss the plan, ",
    "Le président a parlé à Paris le 3 mai. ",
    "台风周一袭击了沿海地区。",
    "עשרות נפגעים בסערה. ",
)
LINE = st.one_of(
    st.sampled_from(MESS), st.sampled_from(SENTENCES), st.text(max_size=20),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12).map("".join),
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(LINE, max_size=30).map("".join))

TAGS = ("div", "p", "span", "a", "article", "section", "main", "nav", "header", "footer", "aside", "ul", "ol",
        "li", "h1", "h2", "blockquote", "figure", "figcaption", "table", "tr", "td", "pre", "br", "time",
        "em", "script", "style", "noscript", "form", "img", "svg", "template", "q", "center")
#: Class names, on block and inline elements alike (an inline element's text is never lost).
CLASSES = ("article-body", "content", "story", "comments", "related", "share", "byline", "author", "caption",
           "credit", "pullquote", "dateline", "newsletter", "promo", "sidebar", "hidden", "summary")
_ATTRIBUTES = ("", "", "", ' rel="author"', ' itemprop="author"', ' datetime="2019-11-19"',
               ' datetime="0000-11-19"', ' lang="\u202e"',
               " hidden", ' role="main"')
#: The pieces a page is made of: opening tags (with attributes), closing tags, text, mess.
_TEXT = "\x01"  # stands for a sentence with a word of its own (see pages())
PIECES = (
    *(f"<{tag}{attribute}>" for tag in TAGS for attribute in _ATTRIBUTES[:4]),
    *(f'<{tag} class="{name}">' for tag in TAGS for name in CLASSES),
    *(f"<{tag}{attribute}>" for tag in ("p", "span", "div") for attribute in _ATTRIBUTES[4:]),
    *(f"</{tag}>" for tag in TAGS),
    *([_TEXT] * 60), *MESS, "<!--", "<!---->" * 30, "<", "</", "&",
)
HEADS = (
    "", "<title>Storm hits the coast</title>", '<meta property="og:title" content="Storm \u202ehits">',
    '<meta name="author" content="Jane \u202eDoe\u202c">', '<link rel="canonical" href="https://example.com/a">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "author": {"name": "A"}}'
    "</script>",
    '<link rel="canonical" href="http://[x">', '<meta property="og:url" content="https://[::1">',
    '<meta property="article:published_time" content="19 Nov 0000 10:00:00 GMT">',
    '<script type="application/ld+json">{"datePublished": "0000-11-19T10:00:00Z"}</script>',
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page: a head with metadata, a body of pieces of markup, text and mess in any order.

    Each text piece is a sentence with a marked word of its own (``w7x``), so a test can tell
    which text of the page reached the article.
    """
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=40))
    sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=len(pieces), max_size=len(pieces)))
    body = "".join(f"{sentences[i]} w{i}x " if piece == _TEXT else piece for i, piece in enumerate(pieces))
    return f"<html><head>{draw(st.sampled_from(HEADS))}</head><body>{body}</body></html>"


# -- checks shared by the front ends -----------------------------------------------------------------


def assert_round_trips(article: Article) -> None:
    """The article goes to JSON and back unchanged, and its text can be read."""
    assert Article.from_json(article.to_json()) == article
    assert isinstance(article.text, str)


# -- parse_text ----------------------------------------------------------------------------------------


@fuzz(EXAMPLES * 3 // 4)
@given(TEXTS)
def test_parse_text_fuzz(text: str) -> None:
    article = parse_text(text)
    assert_round_trips(article)
    # Nothing lost: every non-blank line (after repair) is covered by a block of the article.
    prepared = prepare_text(text, config=copydesk.ParseConfig())
    non_blank = {n for n, line in enumerate(prepared.text.split("\n")) if line.strip()}
    covered = {n for block in article.blocks if block.span is not None for n in block.span.lines}
    assert non_blank <= covered


@fuzz(EXAMPLES // 4)
@given(st.one_of(st.binary(max_size=400), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 TEXTS.map(lambda t: t.encode("utf-16-le", "surrogatepass"))))
def test_parse_text_bytes_fuzz(data: bytes) -> None:
    assert_round_trips(parse_text(data))


# -- parse_html ----------------------------------------------------------------------------------------


@fuzz()
@given(pages(), st.booleans())
# A control character before an element the check drops: lxml would not move it into a text.
@example("<html><body>\x07<script></script>The text of the story.  w3x </body></html>", False)
def test_parse_html_fuzz(html: str, as_bytes: bool) -> None:
    article = parse_html(html.encode("utf-8", "surrogatepass") if as_bytes else html,
                         url="https://example.com/story")
    assert_round_trips(article)
    # Nothing lost without a trace: a marked word of the page's text (as lxml reads the page) is in a
    # block (kept or removed), in a field, or the article says text was left out.
    words = set(_MARKED.findall(_visible_text(html)))
    if words:
        missing = words - set(_MARKED.findall(article.to_json()))
        assert not missing or any(d.code == "outside_content" for d in article.diagnostics), missing


_MARKED = re.compile(r"w\d+x")
_UNSEEN = ("script", "style", "template", "noscript", "head", "svg", "textarea", "select", "button")


# Control characters lxml parses but will not hold in a text it is given (drop_tree moves tails).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _visible_text(html: str) -> str:
    """The text of the page outside scripts, styles and the like, as lxml parses it."""
    root = lxml.html.fromstring(_CONTROL.sub(" ", html)) if html.strip() else None
    if root is None:
        return ""
    for element in list(root.iter(*_UNSEEN)):
        element.drop_tree()
    return " ".join(root.itertext())


# -- the date parsers ----------------------------------------------------------------------------------

MONTHS = ("Jan", "January", "Nov.", "novembre", "März", "diciembre", "Dezember", "mai")


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """Date-like text: numbers, month names, times, zones and labels in any order, with mess."""
    parts = draw(st.lists(st.one_of(
        st.integers(0, 10000).map(str), st.sampled_from(MONTHS),
        st.sampled_from(["Updated:", "Published", "le", "Mis à jour le", "am", "p.m.", "ET", "GMT", "+05:30",
                         "T", "Z", "/", "-", ".", ",", ":", " ", "Tue,", "2 hours ago", "\u202e", "\x00"]),
        st.text(alphabet=string.digits + "-/:.TZ+ ", max_size=25),
    ), max_size=10))
    return " ".join(parts) if draw(st.booleans()) else "".join(parts)


@fuzz(EXAMPLES // 2)
@given(st.one_of(date_texts(), st.text(max_size=60)), st.sampled_from(list(copydesk.DayFirst)))
def test_date_parsers_fuzz(text: str, day_first: copydesk.DayFirst) -> None:
    for found in find_timestamps(text, day_first=day_first):
        assert text[found.start:found.end] == found.timestamp.raw
        assert 1 <= found.timestamp.year <= 9999
    stamp = parse_timestamp(text, day_first=day_first)
    if stamp is not None:
        assert stamp.isoformat()
        if stamp.day is not None:
            # An ambiguous day ("03/04/2016" with DayFirst.AUTO) gives no date; any other gives one.
            assert (stamp.date is None) == stamp.ambiguous
    url_timestamp(f"https://example.com/{text}/story")


@st.composite
def machine_dates(draw: st.DrawFn) -> str:
    """ISO 8601, RFC 2822 and epoch values, well formed or damaged (year 0 included)."""
    year = draw(st.integers(0, 9999))
    month, day = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    hour, minute = draw(st.integers(0, 25)), draw(st.integers(0, 61))
    zone = draw(st.sampled_from(["", "Z", "+00:00", "-05:00", "+14:00", "+99:99", " GMT", " EST", " +0530"]))
    shape = draw(st.sampled_from([
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{zone}",
        f"{year:04d}-{month:02d}-{day:02d}",
        f"Tue, {day} {draw(st.sampled_from(MONTHS))} {year:04d} {hour:02d}:{minute:02d}:00{zone}",
        str(draw(st.integers(-(10**13), 10**13))),
        f"{year}{month:02d}{day:02d}",
    ]))
    cut = draw(st.integers(0, len(shape)))
    return shape if draw(st.booleans()) else shape[:cut] + draw(st.sampled_from(["", "x", "\x00", " ", "9"]))


@fuzz(EXAMPLES // 2)
@given(st.one_of(machine_dates(), st.text(max_size=40)), st.sampled_from(list(TimeSource)))
def test_machine_date_parser_fuzz(value: str, source: TimeSource) -> None:
    stamp = parse_machine_timestamp(value, source=source)
    if stamp is not None:
        assert stamp.isoformat()
        if stamp.day is not None:
            assert stamp.datetime is not None


# -- Article.from_dict ---------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def _valid_dicts() -> list[dict[str, Any]]:
    """The dicts of a few articles with every field filled, parsed once (cheaper than drawing articles)."""
    text = ("Storm hits the coast\n\nBy Jane Doe and John Roe\n\n19 Nov 2019 08:00 GMT\n\n"
            "WASHINGTON (Reuters) - A storm hit the coast on Monday, cutting power to thousands of homes.\n\n"
            "A soldier places a flag on the pier. Photo: AFP\n\nAdvertisement\n\n"
            "Crews worked through the night, and most homes had power by the morning.\n\n- AP inputs")
    html = ("<html><head><title>Storm</title><meta name='keywords' content='storm,coast'>"
            "<meta property='og:site_name' content='Example'></head><body><article><h1>Storm</h1>"
            "<p class='byline'>By Jane Doe</p><time datetime='2019-11-19T08:00:00+01:00'>19 Nov</time>"
            "<p>A storm hit the coast on Monday, cutting power to thousands of homes.</p>"
            "<figure><img src='a.jpg'><figcaption>Waves. Photo: AFP</figcaption></figure>"
            "<ul><li>One item</li></ul><blockquote>We will rebuild.</blockquote></article></body></html>")
    return [parse_text(text).to_dict(), parse_html(html, url="https://example.com/a").to_dict()]


VALID_DICTS = _valid_dicts()


@st.composite
def damaged_dicts(draw: st.DrawFn) -> Any:
    """A valid article's dict with one value somewhere replaced by any JSON value."""
    data = json.loads(json.dumps(draw(st.sampled_from(VALID_DICTS))))  # a deep copy
    node: Any = data
    for _ in range(draw(st.integers(0, 4))):
        keys = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        keys = [(k, v) for k, v in keys if k != "schema_version"]
        if not keys:
            break
        key, child = draw(st.sampled_from(keys))
        if not isinstance(child, (dict, list)) or not child or draw(st.booleans()):
            node[key] = draw(JSON)
            break
        node = child
    return data


@fuzz()
@given(st.one_of(damaged_dicts(), JSON.map(lambda v: {"schema_version": 1, "blocks": v}), JSON))
def test_from_dict_fuzz(data: Any) -> None:
    try:
        article = Article.from_dict(data)
    except SchemaError:
        return
    assert_round_trips(article)
    assert Article.from_dict(json.loads(article.to_json())) == article
