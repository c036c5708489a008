"""Issue 12: values read from JSON are checked, bidi controls leave the fields, a NUL never glues words.

(The reproductions of the issue are in tests/test_hostile_input.py; these
tests pin the mechanisms and their edges.)
"""

from __future__ import annotations

import json

import pytest

from copydesk import Article, SchemaError, parse_html, parse_text
from copydesk._lexicon.bidi import strip_bidi_controls

PARAGRAPH = "A storm hit the coast on Monday, cutting power to thousands of homes along the shore."


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


# -- Article.from_dict checks every value ------------------------------------------------------------

_STAMP = {"raw": "x", "year": 2019, "month": 1, "day": 2}


@pytest.mark.parametrize("data", [
    {"published": {**_STAMP, "hour": 24}},
    {"published": {**_STAMP, "hour": 8, "minute": 60}},
    {"published": {**_STAMP, "hour": 8, "second": -1}},
    {"published": {**_STAMP, "utc_offset": 1440}},
    {"published": {**_STAMP, "ambiguous": 1}},
    {"published": {**_STAMP, "hour": True}},
    {"published": {**_STAMP, "year": 2019.0}},
    {"published": {**_STAMP, "source": "nowhere"}},
    {"published": {**_STAMP, "day": 31, "month": 2}},
    {"blocks": [{"kind": "paragraph", "text": "x", "level": False}]},
    {"blocks": [{"kind": "paragraph"}]},
    {"blocks": ["paragraph"]},
    {"credits": [{"name": "AP", "raw": "AP", "is_agency": "yes"}]},
    {"captions": [{"text": "c", "span": {"start": 2, "end": 1}}]},
    {"tags": ["a", 1]},
    {"tags": "a"},
    {"provenance": {"title": 1}},
    {"provenance": "text"},
    {"dateline": {"place": ["LONDON"], "raw": "LONDON -"}},
])
def test_from_dict_refuses_a_value_of_the_wrong_type_or_range(data):
    with pytest.raises(SchemaError) as raised:
        Article.from_dict({"schema_version": 1, **data})
    assert str(raised.value)  # names what is wrong


def test_the_message_names_the_field():
    with pytest.raises(SchemaError, match=r"Article\.blocks\[1\]\.kind"):
        Article.from_dict({"schema_version": 1, "blocks": [{"kind": "paragraph", "text": "a"},
                                                             {"kind": None, "text": "b"}]})


def test_nulls_where_the_schema_allows_them_are_accepted():
    article = Article.from_dict({"schema_version": 1, "title": None, "published": None, "provenance": None,
                                 "blocks": [{"kind": "paragraph", "text": "x", "span": None}]})
    assert article.title is None and article.text == "x"


def test_a_parsed_article_round_trips_through_json():
    html = page(f"<h1>Storm hits</h1><p>By Jane Doe</p><time datetime='2019-11-19T08:00:00+01:00'>"
                f"19 Nov 2019</time><p>{PARAGRAPH}</p><figure><img src='a.jpg'><figcaption>Waves. "
                "Photo: AFP</figcaption></figure>")
    article = parse_html(html, url="https://example.com/storm")
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(json.loads(article.to_json())).to_dict() == article.to_dict()


@pytest.mark.parametrize("text", ["[" * 50_000, '{"a":' * 50_000])
def test_from_dict_of_deep_data_is_a_schema_error(text):
    with pytest.raises(SchemaError):
        Article.from_json(text)


# -- bidi controls ----------------------------------------------------------------------------------


def test_strip_bidi_controls_counts_and_keeps_the_marks():
    assert strip_bidi_controls("a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069") == (
        "abcdefghi", 9)
    assert strip_bidi_controls("\u05e9\u200f \u200eABC") == ("\u05e9\u200f \u200eABC", 0)


def test_bidi_controls_leave_the_byline_and_names_of_a_text():
    article = parse_text(f"Storm hits the coast\n\nBy Jane \u202eDoe\u202c\n\n{PARAGRAPH}")
    assert article.authors == ("Jane Doe",)
    assert article.byline == "By Jane Doe"
    (repair,) = [r for r in article.repairs if r.name == "bidi_controls"]
    assert repair.count == 2 and "\\u202e" in repair.example  # shown escaped


def test_bidi_controls_leave_metadata_fields_of_a_page():
    head = ('<meta property="og:site_name" content="The \u202eTimes\u202c">'
            '<meta name="description" content="\u2067A storm\u2069 hits">'
            '<meta name="keywords" content="storm,\u202ecoast">')
    article = parse_html(page(f"<h1>Storm hits</h1><p>{PARAGRAPH}</p>", head))
    assert article.site_name == "The Times"
    assert article.description == "A storm hits"
    assert "coast" in article.tags
    assert any(r.name == "bidi_controls" for r in article.repairs)


def test_bidi_controls_in_the_body_are_the_record_of_the_input():
    # The blocks keep the input as it was (nothing lost); only the fields are cleaned.
    body = f"{PARAGRAPH} \u2067(\u05e9\u05dc\u05d5\u05dd)\u2069 they said."
    article = parse_text(f"Storm hits the coast\n\n{body}")
    assert body in article.text
    assert not any(r.name == "bidi_controls" for r in article.repairs)


def test_a_clean_article_records_no_bidi_repair():
    article = parse_html(page(f"<h1>Storm hits</h1><p>{PARAGRAPH}</p>"))
    assert not any(r.name == "bidi_controls" for r in article.repairs)


# -- a NUL between two words ---------------------------------------------------------------------------


def test_a_nul_between_words_is_a_space_and_recorded():
    article = parse_text(f"Storm\x00hits the coast\n\nThe Storm\x00\x00hits the coast. {PARAGRAPH}")
    assert article.title == "Storm hits the coast"
    assert article.text.startswith("The Storm hits the coast.")
    assert any(r.name == "control_characters" for r in article.repairs)


def test_a_nul_beside_a_space_just_goes():
    assert parse_text(f"Storm \x00hits the coast\n\n{PARAGRAPH}").title == "Storm hits the coast"


def test_a_nul_in_a_page_is_a_space_and_noted():
    article = parse_html(page(f"<h1>Storm\x00hits</h1><p>{PARAGRAPH}</p>").encode())
    assert article.title == "Storm hits"
    assert any(d.code == "control_characters" for d in article.diagnostics)
