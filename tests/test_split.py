"""Splitting repaired text into blocks: paragraphs, hard wraps, flattened lines, spans."""

from __future__ import annotations

import itertools
import textwrap

import pytest

from copydesk import Span, TextOptions, parse_text
from copydesk._classify.source import SourceBlock
from copydesk._text.split import split_blocks, split_flattened

TEXT = TextOptions()

PARAGRAPH = (
    "The Syrian army said on Thursday it had retaken full control of Aleppo, marking a major turning "
    "point in the country's civil war, after the remaining opposition fighters and civilians were "
    "bused out of the war-ravaged eastern districts of the city under a deal brokered by Russia and "
    "Turkey, sealing the end of the rebellion's most important urban stronghold in the north."
)
SECOND = (
    "In a statement read on state television, the army said it had returned security to the city and "
    "called the victory a crushing blow for the rebels and their backers, who had held the east of the "
    "city since the summer of 2012 and had lost most of it in a month of heavy fighting and airstrikes."
)


def texts(blocks: tuple[SourceBlock, ...]) -> list[str]:
    return [b.text for b in blocks]


def covered(blocks: tuple[SourceBlock, ...]) -> list[int]:
    return sorted({line for b in blocks for line in b.span.lines})


# -- paragraphs ------------------------------------------------------------------


def test_blank_lines_separate_paragraphs() -> None:
    blocks = split_blocks("Title\n\nFirst paragraph.\n\n\nSecond paragraph.", TEXT)
    assert [(b.text, b.span) for b in blocks] == [
        ("Title", Span(0, 1)),
        ("First paragraph.", Span(2, 3)),
        ("Second paragraph.", Span(5, 6)),
    ]


def test_single_newlines_separate_paragraphs() -> None:
    text = f"{PARAGRAPH}\n{SECOND}\nA third, short paragraph."
    assert texts(split_blocks(text, TEXT)) == [PARAGRAPH, SECOND, "A third, short paragraph."]


def test_whitespace_is_normalised() -> None:
    assert texts(split_blocks("  Two   spaces\tand a tab  \n \t \nnext", TEXT)) == ["Two spaces and a tab", "next"]


def test_empty_and_blank_text_give_no_blocks() -> None:
    assert split_blocks("", TEXT) == ()
    assert split_blocks(" \n\t\n  ", TEXT) == ()


# -- hard wraps ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 72, 80, 130])
def test_hard_wrapped_paragraphs_are_joined(width: int) -> None:
    text = textwrap.fill(PARAGRAPH, width) + "\n\n" + textwrap.fill(SECOND, width)
    blocks = split_blocks(text, TEXT)
    assert texts(blocks) == [PARAGRAPH, SECOND]
    first_lines = textwrap.fill(PARAGRAPH, width).count("\n") + 1
    assert blocks[0].span == Span(0, first_lines)
    assert blocks[1].span.start == first_lines + 1


def test_hard_wrapped_paragraphs_without_blank_lines_between() -> None:
    # Paragraph breaks are the short last lines: the next word would have fitted.
    text = textwrap.fill(PARAGRAPH, 70) + "\n" + textwrap.fill(SECOND, 70)
    assert texts(split_blocks(text, TEXT)) == [PARAGRAPH, SECOND]


@pytest.mark.parametrize("item", ["Advertisement", "By Jane Doe", "A Syrian soldier places a flag", "RELATED:"])
def test_standalone_lines_are_not_glued_to_wrapped_paragraphs(item: str) -> None:
    text = textwrap.fill(PARAGRAPH, 70) + "\n" + item + "\n" + textwrap.fill(SECOND, 70)
    assert texts(split_blocks(text, TEXT)) == [PARAGRAPH, item, SECOND]


def test_standalone_line_between_unwrapped_paragraphs() -> None:
    text = f"By Jane Doe and John Smith\n{PARAGRAPH}\nAdvertisement\n{SECOND}"
    assert texts(split_blocks(text, TEXT)) == ["By Jane Doe and John Smith", PARAGRAPH, "Advertisement", SECOND]


def test_a_line_continued_in_lower_case_is_joined() -> None:
    # golbeck: one paragraph pasted with a break inside a sentence.
    text = "The results of a new audit show an incredible\nmismanagement of funds and a wealth of errors."
    blocks = split_blocks(text, TEXT)
    assert texts(blocks) == [
        "The results of a new audit show an incredible mismanagement of funds and a wealth of errors."
    ]
    assert blocks[0].span == Span(0, 2)


def test_a_line_ending_in_a_function_word_continues() -> None:
    text = "Title\n\nThe city council approved the new budget on\nMonday."
    assert texts(split_blocks(text, TEXT)) == ["Title", "The city council approved the new budget on Monday."]


def test_truncated_teasers_and_caption_lists_are_not_joined() -> None:
    # A teaser cut short, then the full caption; gallery captions cut at a width.
    teaser = "Donald Trump speaks at a campaign rally in Grand Rapids,\nDonald Trump speaks at a rally on Nov. 8."
    assert len(split_blocks(teaser, TEXT)) == 2
    gallery = "\n".join([
        "Obama walks to the Oval Office after arriving at the",
        "Obama departs the White House for a round of golf at",
        "Obama presents actress and comedian Ellen DeGeneres",
    ])
    assert len(split_blocks(gallery, TEXT)) == 3


def test_caseless_scripts_and_cjk() -> None:
    arabic = "\n".join([
        "تجمع مئات الأشخاص أمام المحكمة مساء الثلاثاء وافق",
        "مجلس المدينة على الميزانية الجديدة يوم الاثنين في",
        "المدينة التي تضررت من الفيضانات في الشهر الماضي",
        "وقال المسؤولون إن العمل سيبدأ الأسبوع المقبل.",
    ])
    assert len(split_blocks(arabic, TEXT)) == 1
    # Joined CJK lines take no space between them.
    from copydesk._text.split import _glue

    assert (_glue("新的预算，", "救援人员"), _glue("the budget", "on Monday")) == ("", " ")


def test_short_line_followed_by_lower_case_is_not_joined() -> None:
    lines = ["Advertisement", "story continues below"]
    assert texts(split_blocks("\n".join(lines), TEXT)) == lines


def test_abbreviation_at_line_end_does_not_end_the_sentence() -> None:
    text = "The audit followed accepted accounting principles in the U.S.\ngenerally accepted by the government."
    assert len(split_blocks(text, TEXT)) == 1


def test_hyphenated_word_split_across_lines() -> None:
    text = "The report was written by a well-\nknown economist who studied the rising costs of housing."
    assert texts(split_blocks(text, TEXT)) == [
        "The report was written by a well-known economist who studied the rising costs of housing."
    ]


@pytest.mark.parametrize(
    "following",
    ["http://www.example.com/2017/08/24/a-story-about-something/", "- a list item", "• another item", "2) item"],
)
def test_urls_and_list_items_are_never_joined(following: str) -> None:
    text = f"The story was first published on the website of the newspaper\n{following}"
    assert len(split_blocks(text, TEXT)) == 2


def test_single_newline_paragraphs_are_not_mistaken_for_wrapping() -> None:
    lines = [
        "Trump says he will visit the border next week.",
        "Senate passes the budget after a long night of votes.",
        "Stocks fall as oil prices rise for the third day.",
        "Police arrest a man after a chase through the city.",
        "The mayor opens a new bridge over the river.",
    ]
    assert texts(split_blocks("\n".join(lines), TEXT)) == lines


def test_headline_lists_are_not_joined() -> None:
    lines = ["Trump Says He Will Visit The Border", "Senate Passes Budget After Long Night",
             "Stocks Fall As Oil Prices Rise Again", "Police Arrest Man After Chase Downtown"]
    assert texts(split_blocks("\n".join(lines), TEXT)) == lines


def test_joining_can_be_turned_off() -> None:
    text = textwrap.fill(PARAGRAPH, 70)
    blocks = split_blocks(text, TextOptions(join_wrapped_lines=False))
    assert len(blocks) == text.count("\n") + 1


# -- flattened lines ---------------------------------------------------------------


def test_glued_sentences_mark_paragraph_boundaries() -> None:
    line = ("The latest comedian to take on the race is a British star and it is hilarious." * 8
            + "Brand has long been a champion of economic justice. " * 8).strip()
    blocks = split_blocks(line, TextOptions(flattened_line_chars=500, paragraph_chars=2000))
    assert [b.text[:5] for b in blocks][-1] == "Brand"
    assert all(b.span == Span(0, 1) for b in blocks)


def test_double_spaces_after_a_sentence_mark_boundaries() -> None:
    first = "The White House said on Monday it had sought to reassure China after the call. " * 4
    second = "If the president-elect's team has a different aim, I'll leave it to them, he said."
    pieces = split_flattened(first.strip() + "  " + second, target=300)
    assert pieces == [first.strip(), second]


def test_quotes_do_not_become_paragraphs_of_their_own() -> None:
    line = " ".join(["“No, really,” she says.", "“Help,” he says.", "“It was fine,” she adds."] * 30)
    pieces = split_flattened(line, target=600)
    assert all(len(piece) >= 300 for piece in pieces[:-1])
    assert " ".join(pieces) == line


def test_dateline_inside_a_flattened_line_starts_a_paragraph() -> None:
    first = "Officials met again on Friday to discuss the plan. " * 6
    second = "WASHINGTON (Reuters) - The Senate passed the bill late on Friday."
    pieces = split_flattened(first + second, target=5000)
    assert pieces[-1] == second


def test_urls_are_not_cut() -> None:
    line = "See pic.twitter.com/AbCdEf and www.example.com/News.Today for more. " * 20
    assert all(not piece.startswith(("com", "Today")) for piece in split_flattened(line, target=5000))


def test_long_pieces_are_cut_by_budget_at_sentence_ends() -> None:
    sentence = "Mr. Smith said the U.S. economy grew by 3 percent in the third quarter. "
    line = (sentence * 40).strip()
    pieces = split_flattened(line, target=600)
    assert len(pieces) > 1
    assert " ".join(pieces) == line
    assert all(piece.endswith("quarter.") for piece in pieces)
    assert all(len(piece) >= 600 for piece in pieces[:-1])


def test_flattened_article_blocks_share_the_line_span() -> None:
    text = "A Title\n" + " ".join([PARAGRAPH, SECOND] * 5)
    blocks = split_blocks(text, TEXT)
    assert blocks[0] == SourceBlock("A Title", Span(0, 1))
    assert len(blocks) > 2
    assert {b.span for b in blocks[1:]} == {Span(1, 2)}
    assert " ".join(texts(blocks[1:])) == " ".join([PARAGRAPH, SECOND] * 5)


def test_flattened_splitting_can_be_turned_off() -> None:
    line = " ".join([PARAGRAPH, SECOND] * 5)
    assert texts(split_blocks(line, TextOptions(split_flattened=False))) == [line]


def test_short_lines_are_never_cut() -> None:
    line = "One sentence.  Another sentence.Glued sentence."
    assert texts(split_blocks(line, TEXT)) == ["One sentence. Another sentence.Glued sentence."]


def test_double_spaces_in_a_flattened_line_reach_the_splitter() -> None:
    first = "The White House said on Monday it had sought to reassure China after the call. " * 4
    second = "If the president-elect's team has a different aim, I'll leave it to them, he said."
    options = TextOptions(flattened_line_chars=200, paragraph_chars=300)
    blocks = split_blocks(first.strip() + "  " + second, options)
    assert texts(blocks) == [first.strip(), second]


# -- nothing lost ------------------------------------------------------------------


def test_every_non_blank_line_is_covered_once() -> None:
    text = "\n".join([
        "Title", "", "By Jane", textwrap.fill(PARAGRAPH, 70), "", "Advertisement", "",
        " ".join([PARAGRAPH, SECOND] * 4), "   ", "- AP inputs",
    ])
    blocks = split_blocks(text, TEXT)
    lines = text.split("\n")
    non_blank = [n for n, line in enumerate(lines) if line.strip()]
    assert covered(blocks) == non_blank
    multi = [b.span for b in blocks if b.span.end - b.span.start > 1]
    for a, b in itertools.pairwise(blocks):
        assert a.span.end <= b.span.start or a.span == b.span  # no overlap but a cut line
    assert multi  # the wrapped paragraph


# -- embedded-post residue cut out of the text it was glued to (issue 8) ----------------------


def test_tweet_with_picture_link_and_attribution_is_cut_out_of_a_flattened_line() -> None:
    text = (
        "The mayor answered on Friday. She answered the critics: We will rebuild it! pic.twitter.com/AbC123xyz "
        "Jane Roe (@janeroe) May 2, 2017 The council met again on Monday and voted to keep the bridge closed."
    )
    article = parse_text(text)
    assert "pic.twitter.com" not in article.text
    assert "(@janeroe)" not in article.text
    assert "The mayor answered on Friday." in article.text
    assert "voted to keep the bridge closed." in article.text
    removed = [b.text for b in article.removed]
    assert "We will rebuild it! pic.twitter.com/AbC123xyz Jane Roe (@janeroe) May 2, 2017" in removed


def test_attribution_without_link_keeps_the_quoted_post_in_the_body() -> None:
    text = (
        "Council votes to close the old bridge\n\n"
        "The mayor wrote that the bridge must close now. Jane Roe (@janeroe) May 2, 2017"
    )
    article = parse_text(text)
    assert article.text == "The mayor wrote that the bridge must close now."
    assert [b.text for b in article.removed] == ["Jane Roe (@janeroe) May 2, 2017"]
    # Both parts keep the span of the one input line.
    spans = {b.span for b in article.blocks if b.span.start == 2}
    assert len(spans) == 1
