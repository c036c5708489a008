"""An "Updated" time is ``updated``, never ``published``; dates in prose are no publication date (issue 11)."""

from __future__ import annotations

import pytest

from copydesk import parse_html, parse_text
from copydesk._classify.rules.date import is_updated
from copydesk._lexicon.date_words import labels_update

_TITLE = "A headline about the city council vote"
_BODY = ("The council voted on Tuesday to approve the budget for next year after a long debate.\n\n"
         "Members of the opposition said the plan would raise taxes for most families.")
_HTML_BODY = ("<p>The council voted on Tuesday to approve the budget for next year after a long debate in the "
              "chamber.</p><p>Members of the opposition said the plan would raise taxes for most families.</p>")


def _text(line: str) -> tuple[str | None, str | None]:
    article = parse_text(f"{_TITLE}\n{line}\n\n{_BODY}")
    return (article.published.isoformat() if article.published else None,
            article.updated.isoformat() if article.updated else None)


def _html(markup: str) -> tuple[str | None, str | None]:
    article = parse_html(f"<html><body><article><h1>{_TITLE}</h1>{markup}{_HTML_BODY}</article></body></html>")
    return (article.published.isoformat() if article.published else None,
            article.updated.isoformat() if article.updated else None)


@pytest.mark.parametrize(
    "line",
    [
        "Updated: March 5, 2019",
        "Last updated March 5, 2019",
        "March 5, 2019 (updated)",
        "Actualizado: 5 de marzo de 2019",
        "Atualizado em 5 de março de 2019",
        "Aggiornato il 5 marzo 2019",
        "Aktualisiert am 5. März 2019",
        "Mis à jour le 5 mars 2019",
        "Обновлено 5 марта 2019",
        "By Jane Doe, updated March 5, 2019",
    ],
)
def test_an_update_line_is_updated_never_published(line: str) -> None:
    assert _text(line) == (None, "2019-03-05")


@pytest.mark.parametrize(
    "line",
    [
        "Published March 4, 2019 | Updated March 5, 2019",
        "Updated March 5, 2019 | Published March 4, 2019",
        "Last updated on March 5, 2019. Originally published on March 4, 2019.",
        "Updated 10:15 AM ET, Tue March 5, 2019 / Originally published Mar 4, 2019",
        "Updated: Mar. 5, 2019, 10:15 a.m. | Published: Mar. 4, 2019, 6:00 p.m.",
    ],
)
def test_a_line_with_both_times_gives_both(line: str) -> None:
    text_published, text_updated = _text(line)
    html_published, html_updated = _html(f"<p>{line}</p>")
    assert (text_published[:10], text_updated[:10]) == ("2019-03-04", "2019-03-05")
    assert (html_published, html_updated) == (text_published, text_updated)


@pytest.mark.parametrize(
    "markup",
    [
        '<p><span>Updated</span> <time datetime="2019-03-05">March 5, 2019</time></p>',
        "<p>Last modified: <time>2019-03-05</time></p>",
        "<p>Updated: March 5, 2019</p>",
    ],
)
def test_an_update_label_in_html_is_updated_never_published(markup: str) -> None:
    published, updated = _html(markup)
    assert published is None
    assert updated is not None and updated.startswith("2019-03-05")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jane Doe (born March 4, 1950) is a retired politician who served the city for many years.",
        "Jane Doe (4 March 1950 - 2 May 2019) was a poet.",
        "The council met on March 4, 2019 to discuss the budget and voted late into the night.",
        "On March 4, 2019, the council met.",
    ],
)
def test_a_date_in_prose_is_no_publication_date(paragraph: str) -> None:
    article = parse_text(f"{_TITLE}\n\n{paragraph}\n\n{_BODY}")
    assert article.published is None and article.updated is None
    page = parse_html(f"<html><body><article><h1>{_TITLE}</h1><p>{paragraph}</p>{_HTML_BODY}</article></body></html>")
    assert page.published is None and page.updated is None


def test_update_labels_are_read_before_or_right_after_the_date() -> None:
    assert labels_update("Zuletzt aktualisiert: ") and labels_update("更新日：")
    assert not labels_update("Published on ") and not labels_update("")
    line = "Published March 4, 2019 | Updated March 5, 2019"
    assert not is_updated(line, 10, 23)
    assert is_updated("March 5, 2019 (updated)", 0, 13)


def test_two_bare_dates_are_a_range_not_a_date_line() -> None:
    article = parse_text(f"{_TITLE}\n\n29 November 2018 | 20 January 2019\n\n{_BODY}")
    assert "29 November 2018 | 20 January 2019" in article.text
    assert article.published is None and article.updated is None
