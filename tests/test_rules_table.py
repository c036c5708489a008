"""The rule table as a whole: its shape, HTML hints, page metadata, options, and nothing lost."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import (
    BlockKind,
    ClassifyOptions,
    DateOptions,
    DayFirst,
    HtmlOptions,
    ParseConfig,
    Span,
    parse_html,
    parse_text,
)
from copydesk._assemble import assemble_article
from copydesk._classify.context import Rule
from copydesk._classify.source import Hint, PageMetadata, SourceBlock
from copydesk._classify.table import RULES, classify_blocks

CONFIG = ParseConfig()

P1 = "The council voted on Monday to close the old bridge after years of debate about its safety."
P2 = "Engineers said the structure could not be repaired at a reasonable cost, and the work would start next spring."


def blocks(*items: tuple[str, Hint] | str) -> tuple[SourceBlock, ...]:
    out = []
    for number, item in enumerate(items):
        text, hint = (item, Hint.PARAGRAPH) if isinstance(item, str) else item
        out.append(SourceBlock(text, Span(number, number + 1), hint, 2 if hint is Hint.HEADING else 0))
    return tuple(out)


def kinds(source: tuple[SourceBlock, ...], **kwargs: object) -> list[str]:
    return [b.kind.value for b in classify_blocks(source, **kwargs, config=CONFIG)]  # type: ignore[arg-type]


def test_the_table_is_data() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert isinstance(rule.kind, BlockKind)
        assert rule.name.split(".")[0] in {"title", "subtitle", "byline", "date", "dateline", "caption",
                                           "photo_credit", "pull_quote", "subheading", "credit", "boilerplate",
                                           "duplicate", "body"}
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        RULES[0].name = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("hint", "text", "kind"),
    [
        (Hint.TITLE, "Storm hits the coast", "title"),
        (Hint.SUBTITLE, "Thousands lost power as the storm came ashore.", "subtitle"),
        (Hint.BYLINE, "By Jane Doe", "byline"),
        (Hint.TIME, "December 23, 2016", "date"),
        (Hint.DATELINE, "MIAMI", "dateline"),
        (Hint.FIGCAPTION, "Waves on the pier.", "caption"),
        (Hint.PHOTO_CREDIT, "Jane Doe/AP", "photo_credit"),
        (Hint.PULL_QUOTE, "We have never seen anything like it.", "pull_quote"),
        (Hint.HEADING, "What comes next", "subheading"),
        (Hint.LIST_ITEM, "Stay indoors.", "list_item"),
        (Hint.BLOCKQUOTE, "The sea came into the town in minutes.", "quote"),
        (Hint.TABLE, "Town | Homes without power", "table"),
        (Hint.CODE, "print('storm')", "code"),
    ],
)
def test_html_hints_are_strong_evidence(hint: Hint, text: str, kind: str) -> None:
    source = blocks(P1, (text, hint), P2)
    assert kinds(source)[1] == kind


def test_text_rules_apply_to_html_paragraphs() -> None:
    assert kinds(blocks(("Storm", Hint.TITLE), P1, P2, "- AP inputs")) == ["title", "paragraph", "paragraph", "credit"]
    assert kinds(blocks(P1, "Advertisement", P2)) == ["paragraph", "boilerplate", "paragraph"]


def test_html_paragraph_is_not_taken_for_a_title() -> None:
    assert kinds(blocks("A short first paragraph", P1, P2))[0] == "paragraph"


def test_blockquote_repeating_the_body_is_a_pull_quote() -> None:
    source = blocks(P1, ("The structure could not be repaired at a reasonable cost", Hint.BLOCKQUOTE), P2)
    assert kinds(source)[1] == "pull_quote"


def test_byline_hint_gives_authors() -> None:
    source = blocks(("Storm", Hint.TITLE), ("By Jane Doe and John Smith", Hint.BYLINE), P1)
    labelled = classify_blocks(source, config=CONFIG)
    article = assemble_article(labelled, config=CONFIG)
    assert article.authors == ("Jane Doe", "John Smith")


def test_block_equal_to_the_metadata_title_is_the_title() -> None:
    meta = PageMetadata(title="Council votes to close the old bridge")
    source = blocks("Local news", "Council votes to close the old bridge", P1, P2)
    assert kinds(source, metadata=meta)[:2] == ["paragraph", "title"]


def test_metadata_fills_fields_the_text_leaves_empty() -> None:
    # The page metadata is merged by parse_html's merge step (assembly reads the text alone).
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T",'
        ' "author": {"@type": "Person", "name": "Jane Doe"}}</script>'
        f'<meta property="og:site_name" content="Site"></head><body><article><p>{P1}</p><p>{P2}</p>'
        "</article></body></html>"
    )
    article = parse_html(page)
    assert (article.title, article.authors, article.site_name) == ("T", ("Jane Doe",), "Site")
    assert article.source_of("title") == "json_ld"


@pytest.mark.parametrize(
    ("option", "line", "kind"),
    [
        ("remove_boilerplate", "Advertisement", "boilerplate"),
        ("separate_captions", "A soldier places a flag during a battle with rebels", "caption"),
        ("remove_duplicates", P1, "duplicate"),
    ],
)
def test_options_switch_rules_off(option: str, line: str, kind: str) -> None:
    text = "\n\n".join(["Title", P1, line, P2])
    assert kind in [b.kind.value for b in parse_text(text).blocks]
    config = ParseConfig(classify=ClassifyOptions(**{option: False}))
    assert kind not in [b.kind.value for b in parse_text(text, config=config).blocks]


def test_explain_records_rule_and_reason() -> None:
    for block in parse_text("Title\n\nBy Jane Doe\n\nLONDON (Reuters) - It happened today.").blocks:
        assert block.rule and block.reason


_HINTS = st.sampled_from(list(Hint))
_TEXTS = st.one_of(
    st.text(max_size=120),
    st.sampled_from([P1, P2, "By Jane Doe", "- AP inputs", "Advertisement", "WASHINGTON (Reuters) - Hi there all.",
                     "Photo: AFP", "A man holds a flag in the street", "What Comes Next", "23/12/2016 14:08 by admin"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _HINTS), max_size=12))
def test_nothing_lost(items: list[tuple[str, Hint]]) -> None:
    source = tuple(SourceBlock(text, Span(i, i + 1), hint) for i, (text, hint) in enumerate(items))
    labelled = classify_blocks(source, config=CONFIG)
    assert {b.span for b in labelled} == {b.span for b in source}
    for block in source:
        parts = [b.text for b in labelled if b.span == block.span]
        assert "".join(parts).replace(" ", "") in block.text.replace(" ", "") or not block.text.strip()
        assert len("".join(parts).replace(" ", "")) >= len(block.text.replace(" ", "")) - 2 or any(
            b.kind is BlockKind.LIST_ITEM for b in labelled if b.span == block.span
        )
    assemble_article(labelled, config=CONFIG)


def test_parse_html_passes_the_callers_config_to_assembly() -> None:
    # Regression: assembly ran with the default config, so a month-first date
    # in a byline came out day-first when metadata reading was off.
    config = ParseConfig(html=HtmlOptions(read_metadata=False), dates=DateOptions(day_first=DayFirst.NO))
    page = (
        '<html><body><article><h1>Storm hits the coast</h1><p class="byline">By Jane Doe, 03/04/2020</p>'
        f"<p>{P1}</p><p>{P2}</p></article></body></html>"
    )
    article = parse_html(page, config=config)
    assert article.published is not None and article.published.isoformat() == "2020-03-04"
    assert parse_html(page, config=attrs.evolve(config, dates=DateOptions(day_first=DayFirst.YES))).published == (
        attrs.evolve(article.published, month=4, day=3)
    )
