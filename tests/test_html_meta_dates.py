"""Dates people's pages give (issue 9): microformats, ``data-*`` timestamps, dates beside a
main heading that comes late, and dates that are not the article's (a masthead's,
an embedded post's, a teaser's, a comment's)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import copydesk
from _pages import BODY, page
from copydesk import ParseConfig
from copydesk._html.meta import extract_metadata


def _page(article: str = "", head: str = "", before: str = "") -> str:
    return page(head, article, before)


def _published(page: str) -> str | None:
    article = copydesk.parse_html(page)
    return article.published.isoformat() if article.published is not None else None


def _meta(page: str) -> tuple[str | None, str | None]:
    meta = extract_metadata(BeautifulSoup(page, "lxml"), url=None, config=ParseConfig())
    published = meta.published.isoformat() if meta.published is not None else None
    updated = meta.updated.isoformat() if meta.updated is not None else None
    return published, updated


def test_microformat_abbr_published_title() -> None:
    page = _page('<abbr class="published" title="2021-03-04T10:00:00+01:00">March 4</abbr>')
    assert _meta(page)[0] == "2021-03-04T10:00:00+01:00"


def test_microformat_updated_is_the_update_time() -> None:
    page = _page(
        '<time class="entry-date published" datetime="2021-03-04T10:00:00+01:00">4 March</time>'
        '<span class="updated">2021-03-06T09:00:00+01:00</span>'
    )
    assert _meta(page) == ("2021-03-04T10:00:00+01:00", "2021-03-06T09:00:00+01:00")


def test_data_timestamp_attribute_in_epoch_seconds() -> None:
    page = _page('<span class="stamp" data-timestamp="1594448702">Jul 10</span>')
    assert _meta(page)[0] == "2020-07-11T06:25:02+00:00"


def test_data_timestamp_in_a_comment_is_not_the_page_date() -> None:
    page = _page('<div class="comments"><span data-timestamp="1594448702">Jul 10</span></div>')
    assert _meta(page)[0] is None


@pytest.mark.parametrize(
    "place",
    [
        '<blockquote class="twitter-tweet"><a><time datetime="2019-05-01">May 1</time></a></blockquote>',
        '<div class="related-stories"><time datetime="2019-05-01">May 1</time></div>',
        '<div class="story-teaser"><time datetime="2019-05-01">May 1</time></div>',
        '<div class="embed-post"><time datetime="2019-05-01">May 1</time></div>',
        '<ol class="comment-list"><li><time datetime="2019-05-01">May 1</time></li></ol>',
    ],
)
def test_time_in_embedded_post_teaser_or_comment_is_not_the_page_date(place: str) -> None:
    page = _page(place + '<p class="date">4 March 2021</p>')
    assert _meta(page)[0] is None
    assert _published(page) == "2021-03-04"


def test_main_heading_after_many_headings_still_gives_its_date() -> None:
    menu = "".join(f"<h3>Teaser headline number {i} about something</h3>" for i in range(20))
    head = "<title>Budget passes after debate</title>"
    page = f"<html><head>{head}</head><body><h1>Example</h1>{menu}" \
        f"<h1>Budget passes after debate</h1><ul><li>13 Oct 2020 18:29</li></ul>{BODY}</body></html>"
    meta = extract_metadata(BeautifulSoup(page, "lxml"), url=None, config=ParseConfig())
    assert meta.heading == "Budget passes after debate"
    assert meta.visible_date is not None and meta.visible_date.isoformat() == "2020-10-13T18:29"


def test_date_under_a_masthead_is_not_the_article_date() -> None:
    head = '<meta name="application-name" content="Daily Example">'
    page = (
        f"<html><head>{head}<title>Daily Example : Details : Acme LLC</title></head><body>"
        "<h1>Daily Example</h1><p>Wednesday, August 19, 2020</p>"
        "<table><tr><td>Acme LLC</td><td>Filed by John Smith, Main Street, Springfield</td></tr></table>"
        f"{BODY}</body></html>"
    )
    assert _published(page) is None


def test_date_under_the_headline_is_kept() -> None:
    head = '<meta name="application-name" content="Daily Example">'
    page = _page("<p>Wednesday, August 19, 2020</p>", head=head)
    assert _published(page) == "2020-08-19"


LD_UTC = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-04-14T00:38:07Z"}</script>'
)


def test_one_day_disagreement_settled_by_the_visible_date() -> None:
    # JSON-LD says 00:38 UTC on the 14th; microdata and the page say the 13th.
    head = LD_UTC
    article = '<p class="date"><span itemprop="datePublished">13 April 2020</span></p>'
    assert _published(_page(article, head=head)) == "2020-04-13"


def test_local_reading_of_the_same_moment_keeps_the_metadata_time() -> None:
    head = LD_UTC
    article = '<p class="date"><time datetime="2020-04-13T20:38:07-04:00">April 13, 2020 8:38 pm</time></p>'
    assert _published(_page(article, head=head)) == "2020-04-14T00:38:07+00:00"


def test_one_day_off_without_a_disagreeing_source_keeps_the_metadata_time() -> None:
    head = LD_UTC
    assert _published(_page("<p>April 13, 2020</p>", head=head)) == "2020-04-14T00:38:07+00:00"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Veröffentlicht am 04.03.21", "2021-03-04"),
        ("Von Hans Müller am 04.03.2021 um 10:15 Uhr", "2021-03-04T10:15"),
        ("Publié le 14/03/21 à 10h00", "2021-03-14T10:00"),
        ("Publié le 04/03/21 à 10h00", "2021"),  # slashes: either order, so only the year is fact
    ],
)
def test_date_in_a_byline_sentence(line: str, want: str) -> None:
    assert _published(_page(f"<p>{line}</p>")) == want
