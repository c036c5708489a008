"""Titles settled among the page's sources (issue 9): a heading broken over two blocks gives
its whole text, a shortened title takes its full metadata form, "Site: Headline" loses the
site's label only when the label names the site."""

from __future__ import annotations

import copydesk
from _pages import BODY


def _title(head: str, article: str) -> str | None:
    page = f"<html><head>{head}</head><body><article>{article}{BODY}</article></body></html>"
    return copydesk.parse_html(page).title


def test_heading_broken_over_two_lines_gives_its_whole_text() -> None:
    head = '<meta property="og:title" content="Council passes the budget for roads">'
    article = "<h1>Council passes the budget<br>for roads</h1>"
    assert _title(head, article) == "Council passes the budget for roads"


def test_shortened_headline_takes_the_full_metadata_form() -> None:
    head = '<meta property="og:title" content="Council passes the budget for roads and schools">'
    assert _title(head, "<h1>Council passes the budget for roads…</h1>") == (
        "Council passes the budget for roads and schools"
    )


def test_site_label_before_a_colon_is_removed_when_it_names_the_site() -> None:
    head = (
        '<meta property="og:site_name" content="Daily Example">'
        "<title>Daily Example: Council passes the budget</title>"
    )
    assert _title(head, "<p>x</p>") == "Council passes the budget"


def test_label_before_a_colon_that_is_not_the_site_is_kept() -> None:
    head = '<meta property="og:site_name" content="Daily Example"><title>Analysis: Council passes the budget</title>'
    assert _title(head, "<p>x</p>") == "Analysis: Council passes the budget"
