"""The locate stage: the story region of a page dump, its header, and what is set aside (issue 8, part 1).

Every input here is written for these tests: a page's visible text with
menus, the headline twice, related links, a comment thread and a footer
around a short story, in English and in other languages and scripts.
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from copydesk import BlockKind, ParseConfig, Span, parse_text
from copydesk._cli import explain
from copydesk._model import Block
from copydesk._text.front import prepare_text
from copydesk._text.locate import locate_story
from copydesk._text.locate_merge import merge_blocks
from copydesk._text.split import split_blocks

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Science", "Health", "Travel", "Opinion",
        "Video", "Podcasts", "Newsletters", "Log in", "Search"]
STORY = [
    "The city council voted on Monday to close the old river bridge for at least a year, after engineers "
    "found deep cracks in two of its stone piers during an inspection in the spring.",
    "The mayor said the decision was hard but that the safety of the people who cross it every day had to "
    "come first, and that the repairs would start as soon as the contracts were signed.",
    "Drivers will be sent over the new ring road, which the council says can carry the extra traffic, "
    "while a ferry will take people on foot and on bicycles across the river in the mornings.",
    "Shop owners on both banks said they feared a hard winter, and the council promised to look at ways "
    "to help them before the bridge closes at the end of the month.",
]
RELATED = ["Ring road opens two months early", "Council approves new budget for schools",
           "River festival returns this summer", "Five things to do in the city this weekend",
           "Ferry timetable changes from Monday"]
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use", "Cookie settings"]


def page(*, headline: str = "Council votes to close the old river bridge", story: list[str] = STORY,
         comments: list[str] | None = None) -> str:
    """A page dump: title with the site name, menus, header, story, related links, comments, footer."""
    parts = [f"{headline} | The Riverside Gazette", "\n".join(MENU), headline, "By Jane Holloway",
             "Published 12 March 2019", *story, "Related stories", "\n".join(RELATED)]
    if comments is not None:
        parts += ["3 comments", *comments]
    parts.append("\n".join(FOOTER))
    return "\n\n".join(parts)


def located_rules(text: str) -> set[str]:
    return {b.rule for b in parse_text(text).blocks if b.rule.startswith("locate.")}


def test_the_story_of_a_page_dump_is_found_with_its_header():
    article = parse_text(page())
    assert article.title == "Council votes to close the old river bridge"
    assert article.authors == ("Jane Holloway",)
    assert article.published is not None and article.published.isoformat() == "2019-03-12"
    assert article.text == "\n\n".join(STORY)
    assert [d.code for d in article.diagnostics] == ["story_located"]


def test_lines_outside_the_story_are_removed_with_what_they_are():
    article = parse_text(page())
    removed = {b.text: b.rule for b in article.removed}
    assert removed["Politics"] == "locate.navigation"
    assert removed["Ring road opens two months early"] == "locate.related"
    assert removed["Terms of use"] == "locate.footer"
    assert removed["Council votes to close the old river bridge | The Riverside Gazette"] == "locate.page_title"
    assert all(b.kind is BlockKind.BOILERPLATE and b.reason for b in article.removed)


def test_nothing_is_lost_and_the_blocks_stay_in_input_order():
    text = page(comments=["I cross that bridge every day and I had no idea it was this bad, thanks for the news."])
    article = parse_text(text)
    lines = prepare_text(text, config=ParseConfig()).text.split("\n")
    covered = {n for b in article.blocks if b.span is not None for n in b.span.lines}
    assert {n for n, line in enumerate(lines) if line.strip()} <= covered
    starts = [b.span.start for b in article.blocks if b.span is not None]
    assert starts == sorted(starts)


def test_a_comment_thread_after_the_story_stays_out_even_when_it_is_long():
    comments = [f"Comment number {n}: I have lived by the river for thirty years and I think the council is "
                f"right to close the bridge, even if it means a longer trip to work for most of us." for n in range(8)]
    article = parse_text(page(comments=comments))
    assert article.text == "\n\n".join(STORY)
    assert "locate.comments" in {b.rule for b in article.removed}


def test_a_text_that_is_already_an_article_is_left_whole():
    text = "Council votes to close the old river bridge\n\nBy Jane Holloway\n\n" + "\n\n".join(STORY)
    off = attrs.evolve(ParseConfig(), text=attrs.evolve(ParseConfig().text, locate_story=False))
    assert located_rules(text) == set()
    assert parse_text(text) == parse_text(text, config=off)
    assert parse_text(text).diagnostics == ()


def test_the_switch_turns_the_stage_off():
    off = attrs.evolve(ParseConfig(), text=attrs.evolve(ParseConfig().text, locate_story=False))
    article = parse_text(page(), config=off)
    assert "Politics" in article.text
    assert not any(b.rule.startswith("locate.") for b in article.blocks)


def test_the_shape_of_lines_finds_stories_in_other_languages_and_scripts():
    spanish = [
        "El ayuntamiento de la ciudad votó el lunes a favor de cerrar el viejo puente del río durante un año, "
        "después de que los ingenieros encontraran grietas en dos de sus pilares.",
        "La alcaldesa dijo que la decisión era difícil, pero que la seguridad de las personas que lo cruzan "
        "cada día estaba por delante de todo lo demás.",
        "Los conductores usarán la nueva ronda, que según el ayuntamiento puede soportar el tráfico, y un "
        "barco llevará a los peatones y a los ciclistas de una orilla a la otra.",
    ]
    russian = [
        "Городской совет в понедельник проголосовал за то, чтобы закрыть старый мост через реку как минимум "
        "на год, после того как инженеры нашли трещины в двух его опорах.",
        "Мэр сказал, что решение было трудным, но что безопасность людей, которые каждый день ходят по мосту, "
        "важнее всего остального, и ремонт начнётся сразу после подписания договоров.",
        "Водители поедут по новой кольцевой дороге, а пешеходов и велосипедистов через реку будет "
        "перевозить паром, который начнёт работать с первого числа следующего месяца.",
    ]
    japanese = [
        "市議会は月曜日、古い川の橋を少なくとも一年間閉鎖することを決めた。技術者が春の点検で二本の橋脚に深いひびを見つけたためだ。",
        "市長は、難しい決断だったが、毎日橋を渡る人々の安全が何より大切だと述べ、契約が結ばれ次第、修理を始めると話した。",
        "車は新しい環状道路に回り、歩行者と自転車は朝のあいだ渡し船で川を渡ることになる。商店主たちは冬を心配している。",
    ]
    for story in (spanish, russian, japanese):
        article = parse_text(page(headline=story[0][:30], story=story))
        assert article.text == "\n\n".join(story), story[0][:20]


def test_a_headline_given_only_by_the_page_title_loses_the_site_name():
    text = "\n\n".join(["Council votes to close the old river bridge | The Riverside Gazette", "\n".join(MENU),
                         "By Jane Holloway", *STORY, "\n".join(FOOTER)])
    article = parse_text(text)
    assert article.title == "Council votes to close the old river bridge"
    assert [(b.text, b.rule) for b in article.removed if b.span == Span(0, 1)] == [
        ("| The Riverside Gazette", "locate.site_name")]


def test_a_long_text_without_any_paragraph_is_kept_whole_with_a_diagnostic():
    article = parse_text("\n".join(MENU + FOOTER))
    assert [d.code for d in article.diagnostics] == ["story_not_located"]
    assert not any(b.rule.startswith("locate.") for b in article.blocks)


def test_explain_shows_the_story_region():
    shown = explain(parse_text(page()))
    assert shown.startswith("story region: the story is lines ")
    assert "locate.navigation" in shown and "locate.headline" in shown


def test_merge_puts_removed_blocks_back_in_input_order():
    story = [Block(BlockKind.PARAGRAPH, "b", Span(2, 3)), Block(BlockKind.PARAGRAPH, "d", Span(6, 7))]
    outside = [Block(BlockKind.BOILERPLATE, "a", Span(0, 1)), Block(BlockKind.BOILERPLATE, "c", Span(4, 5)),
               Block(BlockKind.BOILERPLATE, "e", Span(8, 9))]
    assert [b.text for b in merge_blocks(story, outside)] == ["a", "b", "c", "d", "e"]


@given(st.lists(st.text(alphabet=st.sampled_from("ab .,\n"), max_size=40), max_size=60))
def test_every_block_is_either_in_the_story_or_set_aside(lines: list[str]) -> None:
    blocks = split_blocks("\n".join(lines), ParseConfig().text)
    located = locate_story(blocks)
    assert len(located.story) + len(located.outside) >= len(blocks)
    spans = sorted([b.span for b in located.story] + [b.span for b in located.outside],
                   key=lambda span: (span.start, span.end))
    assert {s for s in spans} == {b.span for b in blocks}
