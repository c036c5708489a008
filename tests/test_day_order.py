"""An ambiguous numeric date is read day first when the article's language writes dates so (copydesk._day_order)."""

from __future__ import annotations

import pytest

from copydesk import DateOptions, DayFirst, ParseConfig, parse_html, parse_text
from copydesk._day_order import DAY_FIRST_LANGUAGES

_PORTUGUESE = (
    "Prefeitura anuncia novas linhas de ônibus\n"
    "Publicado em 05/10/2018\n\n"
    "A prefeitura anunciou nesta sexta-feira que a cidade terá novas linhas de ônibus a partir do mês que vem.\n\n"
    "Segundo o secretário de transportes, as linhas vão ligar os bairros mais distantes ao centro da cidade."
)
_ENGLISH = (
    "City announces new bus lines\n"
    "Published 05/10/2018\n\n"
    "The city said on Friday that new bus lines would start running next month in the northern districts.\n\n"
    "The transport secretary said the lines would link the outer neighbourhoods to the centre of the city."
)


def test_a_page_in_a_day_first_language_settles_the_order() -> None:
    article = parse_text(_PORTUGUESE)
    assert article.language == "pt"
    assert article.published is not None and article.published.isoformat() == "2018-10-05"
    assert [d.code for d in article.diagnostics if d.code == "day_order_from_language"] == ["day_order_from_language"]


def test_english_leaves_the_order_open() -> None:
    article = parse_text(_ENGLISH)
    assert article.published is not None
    assert article.published.ambiguous and article.published.isoformat() == "2018"
    assert "day_order_from_language" not in [d.code for d in article.diagnostics]


def test_the_callers_choice_wins_over_the_language() -> None:
    month_first = ParseConfig(dates=DateOptions(day_first=DayFirst.NO))
    article = parse_text(_PORTUGUESE, config=month_first)
    assert article.published is not None and article.published.isoformat() == "2018-05-10"
    assert "day_order_from_language" not in [d.code for d in article.diagnostics]


@pytest.mark.parametrize(("lang", "text", "expected"), [("pt", _PORTUGUESE, "2018-10-05"), ("en", _ENGLISH, "2018")])
def test_html_settles_the_order_the_same_way(lang: str, text: str, expected: str) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")[1:])
    page = (f'<html lang="{lang}"><body><article><h1>{text.splitlines()[0]}</h1>'
            f'<p class="date">05/10/2018</p>{body}</article></body></html>')
    article = parse_html(page)
    assert article.published is not None and article.published.isoformat() == expected


def test_the_day_first_languages_leave_out_english_and_year_first_writers() -> None:
    assert DAY_FIRST_LANGUAGES.isdisjoint({"en", "zh", "ja", "ko", "hu", "lt", "fa"})
    assert {"pt", "es", "fr", "de", "it", "ru", "tr"} <= DAY_FIRST_LANGUAGES
