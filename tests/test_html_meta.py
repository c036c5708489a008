"""Tests for the page metadata reader (copydesk._html.meta, copydesk._html.jsonld).

Cases live in tests/cases/html_meta/*.json: small hand-written HTML snippets,
each with the fields it must give and the source each field must record.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import HtmlOptions, ParseConfig
from copydesk._html.evidence import PageEvidence
from copydesk._html.jsonld import load_json_ld, node_types, typed_nodes
from copydesk._html.meta import extract_metadata
from copydesk._html.meta_fields import normalise_language
from copydesk._lexicon.machine_dates import url_timestamp
from copydesk._model import TimeSource, Timestamp

CASES = Path(__file__).parent / "cases" / "html_meta"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CONFIG = ParseConfig()


def _load_cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return out


def _value(meta: PageEvidence, field: str) -> Any:
    value = getattr(meta, field)
    if isinstance(value, Timestamp):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict[str, Any]) -> None:
    soup = BeautifulSoup(case["html"], "lxml")
    meta = extract_metadata(soup, url=case["url"], config=CONFIG)
    assert isinstance(meta, PageEvidence)
    for field, want in case["expected"].items():
        assert _value(meta, field) == want, field
    for field, source in case["provenance"].items():
        assert meta.provenance.get(field) == source, field
    codes = [d.code for d in meta.diagnostics]
    assert codes == case.get("diagnostics", [])


def test_times_carry_their_source_and_offset() -> None:
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00+05:30"}'
        '</script><meta property="article:modified_time" content="2021-03-05T10:00:00-04:00">'
    )
    meta = extract_metadata(BeautifulSoup(html, "lxml"), url=None, config=CONFIG)
    assert meta.published is not None and meta.updated is not None
    assert meta.published.source is TimeSource.JSON_LD
    assert meta.published.utc_offset == 330
    assert meta.updated.source is TimeSource.OPENGRAPH
    assert meta.updated.utc_offset == -240


def test_time_without_zone_stays_naive() -> None:
    html = '<meta name="pubdate" content="2021-03-04 10:00">'
    meta = extract_metadata(BeautifulSoup(html, "lxml"), url=None, config=CONFIG)
    assert meta.published is not None
    assert meta.published.isoformat() == "2021-03-04T10:00"
    assert not meta.published.timezone_stated
    assert meta.published.source is TimeSource.META


def test_source_order_for_published() -> None:
    html = (
        '<meta name="date" content="2020-01-03">'
        '<meta property="article:published_time" content="2020-01-02">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "H", "datePublished": "2020-01-01"}'
        "</script><article><time datetime=\"2020-01-04\" pubdate>x</time></article>"
    )
    meta = extract_metadata(BeautifulSoup(html, "lxml"), url="https://e.com/2020/01/05/x", config=CONFIG)
    assert isinstance(meta, PageEvidence)
    assert meta.published is not None and meta.published.isoformat() == "2020-01-01"
    sources = [c.source.value for c in meta.published_candidates]
    assert sources == ["json_ld", "opengraph", "meta", "time_element", "url"]


def test_read_metadata_off_reads_nothing() -> None:
    config = attrs.evolve(CONFIG, html=HtmlOptions(read_metadata=False))
    html = '<meta property="og:title" content="T"><html lang="en"></html>'
    meta = extract_metadata(BeautifulSoup(html, "lxml"), url="https://e.com/a", config=config)
    assert meta.title is None and meta.language is None
    assert meta.url == "https://e.com/a"


def test_empty_page() -> None:
    meta = extract_metadata(BeautifulSoup("", "lxml"), url=None, config=CONFIG)
    assert meta.title is None and meta.authors == () and meta.published is None
    assert meta.provenance == {}


def test_works_on_a_tag_not_only_a_soup() -> None:
    soup = BeautifulSoup('<div><meta property="og:title" content="Inside"></div>', "lxml")
    div = soup.find("div")
    meta = extract_metadata(div, url=None, config=CONFIG)  # type: ignore[arg-type]
    assert meta.title == "Inside"


# -- JSON-LD reader -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headlines"),
    [
        ('{"headline": "A"}', ["A"]),
        ('{"headline": "A",}', ["A"]),
        ('[{"headline": "A"}, {"headline": "B"},]', [None]),
        ('{"headline": "A"} {"headline": "B"}', ["A", "B"]),
        ('<!-- {"headline": "A"} -->', ["A"]),
        ('<![CDATA[{"headline": "A"}]]>', ["A"]),
        ('{&quot;headline&quot;: &quot;A&quot;}', ["A"]),
        ('{"headline": "A\nB"}', ["A\nB"]),
        ("", []),
        ("{", []),
        ("}{][", []),
    ],
)
def test_load_json_ld(text: str, headlines: list[str | None]) -> None:
    values = load_json_ld(text)
    got = [v.get("headline") if isinstance(v, dict) else None for v in values]
    assert got == headlines


def test_load_json_ld_is_linear_on_broken_input() -> None:
    # Many openers and an error at the end: the bounded retries keep this quick.
    values = load_json_ld("{" * 5000 + '"x": 1')
    assert values == []


def test_typed_nodes_depths() -> None:
    data = load_json_ld(
        '{"@graph": [{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",'
        ' "author": {"@type": "Person", "name": "A"}}}]}'
    )
    assert [(node_types(n), d) for n, d in typed_nodes(data)] == [
        (("webpage",), 0),
        (("newsarticle",), 1),
        (("person",), 2),
    ]


def test_typed_nodes_depth_is_bounded() -> None:
    deep: Any = {"@type": "Thing"}
    for _ in range(200):
        deep = {"@type": "Thing", "child": deep}
    assert len(list(typed_nodes([deep]))) < 20


# -- small helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://e.com/2020/04/15/story", "2020-04-15"),
        ("https://e.com/news/2020-11-26/story.html", "2020-11-26"),
        ("https://e.com/news/20200413/story", "2020-04-13"),
        ("https://e.com/2019/11/story", "2019-11"),
        ("https://e.com/2019/nov/18/story", "2019-11-18"),
        ("https://e.com/2020/02/31/story", None),
        ("https://e.com/v/2019.11/notes", None),
        ("https://e.com/story-11574168580", None),
        ("https://e.com/item?id=20200413", None),
        (None, None),
    ],
)
def test_url_timestamp(url: str | None, iso: str | None) -> None:
    stamp = url_timestamp(url)
    assert (stamp.isoformat() if stamp else None) == iso
    if stamp is not None:
        assert stamp.source is TimeSource.URL


@pytest.mark.parametrize(
    ("value", "tag"),
    [("en", "en"), ("en_GB", "en"), ("EN-us", "en"), ("zh-hant", "zh"), ("pt-BR", "pt"), ("", None), ("*", None),
     ("english", None)],
)
def test_normalise_language(value: str, tag: str | None) -> None:
    assert normalise_language(value) == tag


# -- never raises ----------------------------------------------------------------

_ATTR_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_ELEMENT = st.one_of(
    st.builds(lambda k, v: f'<meta property="{k}" content="{v}">',
              st.sampled_from(["og:title", "article:published_time", "article:author", "og:url", "article:tag"]),
              _ATTR_TEXT),
    st.builds(lambda k, v: f'<meta name="{k}" content="{v}">',
              st.sampled_from(["author", "date", "byl", "keywords", "parsely-page", "dc.date"]), _ATTR_TEXT),
    st.builds(lambda v: f'<script type="application/ld+json">{v}</script>', _ATTR_TEXT),
    st.builds(lambda v: f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {v}}}</script>',
              st.sampled_from(['"x"', "[1, 2]", "null", '{"@id": "#a"}', '[{"@type": "Person"}]', "{"])),
    st.builds(lambda v: f'<time datetime="{v}">{v}</time>', _ATTR_TEXT),
    st.builds(lambda v: f"<h1>{v}</h1><p>{v}</p>", _ATTR_TEXT),
    st.builds(lambda v: f'<link rel="canonical" href="{v}">', _ATTR_TEXT),
    st.builds(lambda v: f'<span itemprop="author">{v}</span>', _ATTR_TEXT),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ELEMENT, max_size=8), st.one_of(st.none(), st.sampled_from(["https://e.com/2020/01/02/a", "x"])))
def test_no_exception_on_generated_pages(parts: list[str], url: str | None) -> None:
    meta = extract_metadata(BeautifulSoup("".join(parts), "lxml"), url=url, config=CONFIG)
    assert isinstance(meta, PageEvidence)
    assert all(isinstance(a, str) and a for a in meta.authors)


# -- the corpus gate -----------------------------------------------------------------


@pytest.mark.corpus
def test_metadata_floor_on_aeb_meta() -> None:
    """extract_metadata alone on the aeb pages stays above pinned floors (title, authors, day)."""
    truth_path = DATA / "aeb-meta" / "aeb_meta.jsonl"
    if not truth_path.exists():
        pytest.skip("../shared/data is absent")
    records = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = {"title": 0, "authors": 0, "day": 0}
    for record in records:
        raw = gzip.decompress((DATA / "aeb" / "html" / f"{record['key']}.html.gz").read_bytes())
        meta = extract_metadata(BeautifulSoup(raw, "lxml"), url=record["url"], config=CONFIG)
        hits["title"] += meta.title == record["title"]
        hits["authors"] += {a.casefold() for a in meta.authors} == {a.casefold() for a in record["authors"]}
        day = meta.published.date.isoformat() if meta.published and meta.published.date else None
        hits["day"] += day == (record["published"] or "")[:10] or (day is None and not record["published"])
    # Measured when pinned: 0.84 / 0.83 / 0.90 (metadata only, no visible text).
    floors = {"title": 0.80, "authors": 0.78, "day": 0.86}
    for field, floor in floors.items():
        assert hits[field] / len(records) >= floor, (field, hits[field] / len(records))
