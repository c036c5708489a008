"""Author sources people's pages use (issue 9): author metas, microdata, hCard, JSON-LD in its
many shapes (malformed included), and bylines that carry more than the names."""

from __future__ import annotations

import pytest

import copydesk
from _pages import BODY
from _pages import json_ld as _ld
from _pages import page as _page
from copydesk._html.jsonld import load_json_ld

AUTHOR_PAGES = {
    "og:author": (_page('<meta property="og:author" content="Jane Doe">'), ("Jane Doe",)),
    "meta itemprop with several names": (
        _page('<meta itemprop="author" content="Jane Doe, John Smith">'), ("Jane Doe", "John Smith")),
    "itemprop in any case": (_page(article='<span itemProp="Author">Jane Doe</span>'), ("Jane Doe",)),
    "Dublin Core family name first": (_page('<meta name="DC.creator" content="Doe, Jane">'), ("Jane Doe",)),
    "dcterms.creator": (_page('<meta name="dcterms.creator" content="Jane Doe">'), ("Jane Doe",)),
    "hCard fn in an author vcard": (
        _page(article='<span class="author vcard"><span class="fn">Jane Doe</span></span>'), ("Jane Doe",)),
    "JSON-LD string": (_page(_ld('{"@type": "NewsArticle", "author": "Jane Doe"}')), ("Jane Doe",)),
    "JSON-LD @value": (
        _page(_ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": {"@value": "Jane Doe"}}}')),
        ("Jane Doe",)),
    "JSON-LD name holding markup": (
        _page(_ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "<a href=\\"/j\\">Jane Doe</a>"}}')),
        ("Jane Doe",)),
    "JSON-LD 'By ... and ..., Outlet'": (
        _page(_ld('{"@type": "NewsArticle", "author": "By Jane Doe and John Smith, Daily Example"}')),
        ("Jane Doe", "John Smith")),
    "JSON-LD with comments": (
        _page(_ld('{"@type": "NewsArticle", // the story\n'
                  ' "author": {"@type": "Person", "name": "Jane Doe"} /* x */}')),
        ("Jane Doe",)),
    "JSON-LD nested lists": (
        _page(_ld('[[{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}]]')), ("Jane Doe",)),
    "a broken block does not hide the next": (
        _page(_ld('{"@type": "Organization", "name": "X" "bad"')
              + _ld('{"@type": "NewsArticle", "author": "Jane Doe"}')),
        ("Jane Doe",)),
    "By X For Outlet": (_page(article='<p class="byline">By Jane Doe For Daily Example</p>'), ("Jane Doe",)),
    "Von X am date": (_page(article="<p>Von Hans Müller am 04.03.2021</p>"), ("Hans Müller",)),
    "site account is no person": (_page('<meta itemprop="author" content="example">'), ()),
}


@pytest.mark.parametrize("name", sorted(AUTHOR_PAGES))
def test_author_sources(name: str) -> None:
    page, expected = AUTHOR_PAGES[name]
    assert copydesk.parse_html(page, url="https://www.example-news.org/a/1").authors == expected


def test_json_ld_comments_outside_strings_only() -> None:
    values = load_json_ld('{"url": "https://example.org/a//b", /* note */ "n": 1 // end\n}')
    assert values == [{"url": "https://example.org/a//b", "n": 1}]


def test_json_ld_unescaped_newline_and_concatenated_objects() -> None:
    values = load_json_ld('{"headline": "A\nB",}\n{"headline": "C"}')
    assert [v["headline"] for v in values] == ["A\nB", "C"]


def test_space_separated_rdfa_properties_and_dublin_core_prefixes() -> None:
    from bs4 import BeautifulSoup

    from copydesk import ParseConfig
    from copydesk._html.meta import extract_metadata

    head = (
        "<title>Title Element</title>"
        '<meta property="x:title dc:title" content="Preferred title">'
        '<meta property="dc:creator twitter:site_name" content="Jane Doe">'
    )
    meta = extract_metadata(BeautifulSoup(f"<html><head>{head}</head></html>", "lxml"), url=None, config=ParseConfig())
    assert meta.title == "Preferred title"
    assert meta.authors == ("Jane Doe",)


MORE_AUTHOR_PAGES = {
    "an author link before the heading": (
        '<html><body><p>Von <a class="author-link" href="/author/hans">Hans Müller</a></p>'
        f"<article><h1>Budget passes after debate</h1>{BODY}</article></body></html>",
        ("Hans Müller",),
    ),
    "a station code is no person": (_page('<meta name="author" content="KWXYTV">'), ()),
    "an organisation named 'X for Y' stays whole": (
        _page('<meta name="author" content="Organization for Transformative Works">'), ()),
    "a wiki infobox hCard is no author": (
        _page(article='<table class="infobox vcard"><tr><th class="fn">New Zealand</th></tr></table>'), ()),
    "an authority-control box is no byline": (
        _page(article='<div class="authority-control">Authority control GND: 4041915-0</div>'), ()),
    "a writer who took the photos stays the author": (
        _page('<meta name="author" content="Joseph Cox">',
              '<figure><img src="a.jpg"><figcaption>The lab. Photo: Joseph Cox</figcaption></figure>'),
        ("Joseph Cox",)),
}


@pytest.mark.parametrize("name", sorted(MORE_AUTHOR_PAGES))
def test_more_author_sources(name: str) -> None:
    page, expected = MORE_AUTHOR_PAGES[name]
    assert copydesk.parse_html(page, url="https://www.example-news.org/a/1").authors == expected
