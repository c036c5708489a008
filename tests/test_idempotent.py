"""Idempotency: parsing the rendered clean article gives the same article.

``parse_text(render_text(a))`` must give ``a``'s title, authors, published
time, dateline, credits, captions, pull quotes and body, for generated news
articles (Hypothesis) and for the bundled example.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import Article, parse_text
from copydesk._render import render_markdown, render_text

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Jane", "John", "Amina", "Carlos", "Mei", "Olga", "Rahul", "Fatima", "Pierre", "Kwame"]
LAST = ["Doe", "Smith", "Okafor", "Garcia", "Chen", "Petrova", "Sharma", "Haddad", "Martin", "Mensah"]
PLACES = ["LONDON", "WASHINGTON", "NEW DELHI", "Damascus", "BUFFALO, N.Y.", "Beijing", "PARIS", "Nairobi"]
AGENCIES = ["Reuters", "AFP", "AP", "PTI", "Xinhua"]
NOUNS = ["council", "minister", "court", "army", "union", "company", "city", "team", "police", "hospital"]
VERBS = ["said", "announced", "confirmed", "denied", "reported", "warned", "agreed", "decided"]
OBJECTS = ["the new plan", "a long delay", "the final decision", "an early vote", "the last report", "more talks"]
TITLE_WORDS = ["Council", "Votes", "Bridge", "Storm", "Talks", "Court", "Rules", "Market", "Falls", "Election"]
MONTHS = ["January", "March", "May", "July", "September", "December"]


def sentence(draw: Any) -> str:
    noun = draw(st.sampled_from(NOUNS))
    verb = draw(st.sampled_from(VERBS))
    obj = draw(st.sampled_from(OBJECTS))
    extra = draw(st.sampled_from(["on Monday", "late on Friday", "after a long meeting", "in a statement"]))
    return f"The {noun} {verb} {obj} {extra}, officials told reporters in the capital."


@st.composite
def articles(draw: Any) -> str:
    """A news text: title, optional byline and date, dateline, paragraphs, captions, credit."""
    parts = [" ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=8)))]
    if draw(st.booleans()):
        names = draw(st.lists(st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)), min_size=1, max_size=2))
        parts.append("By " + " and ".join(f"{first} {last}" for first, last in names))
    if draw(st.booleans()):
        day = draw(st.integers(1, 28))
        parts.append(f"{draw(st.sampled_from(MONTHS))} {day}, {draw(st.integers(2000, 2024))}")
    count = draw(st.integers(2, 6))
    paragraphs = [" ".join(sentence(draw) for _ in range(draw(st.integers(1, 3)))) for _ in range(count)]
    style = draw(st.sampled_from(["none", "colon", "agency", "dash"]))
    place = draw(st.sampled_from(PLACES))
    if style == "colon":
        paragraphs[0] = f"{place}: {paragraphs[0]}"
    elif style == "agency":
        paragraphs[0] = f"{place} ({draw(st.sampled_from(AGENCIES))}) - {paragraphs[0]}"
    elif style == "dash" and place.isupper():
        paragraphs[0] = f"{place} — {paragraphs[0]}"
    if draw(st.booleans()):
        at = draw(st.integers(1, len(paragraphs) - 1))
        noun = draw(st.sampled_from(["soldier", "protester", "minister", "child"]))
        paragraphs.insert(at, f"A {noun} holds a flag during a rally in the city centre")
    parts.extend(paragraphs)
    credit = draw(st.sampled_from(["", "- AP inputs", "(With inputs from PTI)", "Reuters contributed to this report."]))
    if credit:
        parts.append(credit)
    return "\n\n".join(parts)


def fields(article: Article) -> dict[str, Any]:
    """The fields idempotency is about (spans differ between input and rendering)."""
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": article.authors,
        "byline": article.byline,
        "published": article.published,
        "updated": article.updated,
        "dateline": article.dateline,
        "credits": article.credits,
        "captions": [(c.text, c.credit) for c in article.captions],
        "pull_quotes": article.pull_quotes,
        "body": [(b.kind, b.text) for b in article.body],
    }


@settings(max_examples=60, deadline=None)
@given(articles())
def test_render_text_parses_back_to_the_same_article(text: str) -> None:
    first = parse_text(text)
    again = parse_text(render_text(first))
    assert fields(again) == fields(first)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_render_text_is_a_fixed_point(text: str) -> None:
    once = render_text(parse_text(text))
    twice = render_text(parse_text(once))
    assert twice == once


def test_aleppo_round_trip() -> None:
    article = parse_text((ROOT / "examples" / "aleppo.txt").read_bytes())
    again = parse_text(render_text(article))
    assert fields(again) == fields(article)


def test_markdown_keeps_every_field() -> None:
    article = parse_text((ROOT / "examples" / "aleppo.txt").read_bytes())
    markdown = render_markdown(article)
    assert markdown.startswith("# Aleppo siege ends")
    assert "**Damascus:** The Syrian army said" in markdown
    assert "*A Syrian army soldier places a Syrian national flag during a battle with rebels*" in markdown
    assert "> This is the biggest victory" in markdown
    assert markdown.rstrip().endswith("- AP inputs")
