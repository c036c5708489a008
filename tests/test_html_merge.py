"""Tests for the merge of page metadata with the text evidence (copydesk._html.merge, with the shared
readers of copydesk._html.readers and the evidence of copydesk._html.evidence).

Every conflict rule has a positive and a negative case. Articles and
metadata are built by hand, so each test shows exactly which evidence meets
which.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import ParseConfig
from copydesk._html.evidence import DateCandidate, PageEvidence, TextCandidate, resolve_time
from copydesk._html.merge import merge_metadata
from copydesk._html.readers import byline_in_lines, date_in_lines, strip_site_name, titles_agree
from copydesk._lexicon.machine_dates import parse_machine_timestamp
from copydesk._lexicon.names import person_names
from copydesk._model import Article, Block, BlockKind, Diagnostic, Span, TimeSource, Timestamp

CONFIG = ParseConfig()


def stamp(iso: str, source: TimeSource = TimeSource.META) -> Timestamp:
    value = parse_machine_timestamp(iso, source=source)
    assert value is not None
    return value


def candidate(iso: str, source: str, rank: int) -> DateCandidate:
    kind = {"json_ld": TimeSource.JSON_LD, "opengraph": TimeSource.OPENGRAPH, "url": TimeSource.URL}.get(
        source, TimeSource.META
    )
    return DateCandidate(stamp(iso, kind), source, "key", rank)


def text_date(iso: str) -> Timestamp:
    value = stamp(iso, TimeSource.TEXT)
    return value


def article_with(*blocks: tuple[BlockKind, str], **fields: object) -> Article:
    built = tuple(Block(kind, text, Span(i, i + 1)) for i, (kind, text) in enumerate(blocks))
    return Article(blocks=built, **fields)  # type: ignore[arg-type]


# -- title ---------------------------------------------------------------------------


def test_visible_title_wins_when_metadata_agrees() -> None:
    article = Article(title="Storm hits the coast", provenance={"title": "html"})
    meta = PageEvidence(
        title="Storm hits coast, thousands without power",
        title_candidates=(TextCandidate("Storm hits coast, thousands without power", "json_ld", "headline", 10),),
        provenance={"title": "json_ld"},
    )
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.title == "Storm hits the coast"
    assert merged.source_of("title") == "html"


def test_metadata_title_wins_over_an_unrelated_heading() -> None:
    # The visible "title" is a section banner, not the headline.
    article = Article(title="Latest news", provenance={"title": "html"})
    meta = PageEvidence(
        title="Bridge reopens after two years of repairs",
        title_candidates=(TextCandidate("Bridge reopens after two years of repairs", "opengraph", "og:title", 20),),
        provenance={"title": "opengraph"},
    )
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.title == "Bridge reopens after two years of repairs"
    assert merged.source_of("title") == "opengraph"


def test_metadata_title_fills_a_missing_title_without_site_suffix() -> None:
    meta = PageEvidence(
        title_candidates=(TextCandidate("Bridge reopens | Example Daily", "html", "title", 60),),
        site_names=("Example Daily",),
    )
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.title == "Bridge reopens"
    assert merged.source_of("title") == "html"


def test_visible_title_loses_its_site_suffix() -> None:
    article = Article(title="Bridge reopens - Example Daily")
    meta = PageEvidence(site_name="Example Daily", provenance={"site_name": "opengraph"})
    assert merge_metadata(article, meta, config=CONFIG).title == "Bridge reopens"


def test_bare_site_name_is_no_title() -> None:
    meta = PageEvidence(
        title_candidates=(
            TextCandidate("Example Daily", "opengraph", "og:title", 20),
            TextCandidate("Bridge reopens", "html", "title", 60),
        ),
        site_names=("Example Daily",),
    )
    assert merge_metadata(Article(), meta, config=CONFIG).title == "Bridge reopens"


@pytest.mark.parametrize(
    ("title", "sites", "url", "want"),
    [
        ("Headline | Site Name", ["Site Name"], None, "Headline"),
        ("Site Name: Headline", ["Site Name"], None, "Headline"),  # "Site: Headline" (issue 9)
        ("Budget: Headline", ["Site Name"], None, "Budget: Headline"),  # a colon is part of headlines
        ("Site Name » Headline", ["Site Name"], None, "Headline"),
        ("Headline - Section - Site Name", ["Site Name"], None, "Headline - Section"),
        ("Headline – The Example Post", [], "https://www.examplepost.com/x", "Headline"),
        ("Well-known co-op opens", ["Co"], None, "Well-known co-op opens"),
        ("Only Site Name", ["Only Site Name"], None, "Only Site Name"),
    ],
)
def test_strip_site_name(title: str, sites: list[str], url: str | None, want: str) -> None:
    assert strip_site_name(title, sites, url) == want


def test_visible_title_that_is_the_main_heading_wins() -> None:
    # The og:title is an SEO rewrite sharing few words; the page's h1 is the headline.
    article = Article(title="Council says yes, and the town cheers", provenance={"title": "html"})
    meta = PageEvidence(
        title_candidates=(TextCandidate("Bridge vote passes: what it means", "opengraph", "og:title", 20),),
        heading="Council says yes, and the town cheers",
    )
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.title == "Council says yes, and the town cheers"


def test_titles_agree_on_a_whole_part() -> None:
    assert titles_agree("About bugs", "About bugs – Vortex Studio Games")
    assert not titles_agree("Bugs", "About bugs – Vortex Studio Games")


def test_titles_agree_negative() -> None:
    assert not titles_agree("Latest news", "Bridge reopens after repairs")
    assert not titles_agree("", "Bridge")


# -- authors -------------------------------------------------------------------------


def test_visible_byline_beats_publisher_in_json_ld() -> None:
    article = Article(authors=("Jane Doe",), byline="By Jane Doe", provenance={"authors": "text"})
    meta = PageEvidence(
        authors=("Example News",), organisations=("Example News",), provenance={"authors": "json_ld"}
    )
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.authors == ("Jane Doe",)
    assert merged.source_of("authors") == "text"


def test_metadata_persons_fill_when_no_visible_byline() -> None:
    meta = PageEvidence(authors=("Jane Doe", "John Roe"), provenance={"authors": "json_ld"})
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.authors == ("Jane Doe", "John Roe")
    assert merged.source_of("authors") == "json_ld"


def test_organisation_never_becomes_an_author() -> None:
    meta = PageEvidence(
        authors=("Example News",), organisations=("Example News",), site_name="Example News",
        provenance={"authors": "meta"},
    )
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.authors == ()
    assert merged.source_of("authors") is None


def test_unconfirmed_visible_junk_is_dropped() -> None:
    article = Article(authors=("Jane Doe", "View All"), provenance={"authors": "text"})
    meta = PageEvidence(authors=("Jane Doe",), provenance={"authors": "json_ld"})
    assert merge_metadata(article, meta, config=CONFIG).authors == ("Jane Doe",)


def test_unconfirmed_visible_coauthor_is_kept() -> None:
    # The metadata lists only the first author; the byline names two persons.
    article = Article(authors=("Jane Doe", "John Roe"), provenance={"authors": "text"})
    meta = PageEvidence(authors=("Jane Doe",), provenance={"authors": "json_ld"})
    assert merge_metadata(article, meta, config=CONFIG).authors == ("Jane Doe", "John Roe")


def test_visible_name_with_glued_company_takes_metadata_form() -> None:
    article = Article(authors=("Jane DoeEXAMPLE",), provenance={"authors": "text"})
    meta = PageEvidence(authors=("Jane Doe",), provenance={"authors": "meta"})
    assert merge_metadata(article, meta, config=CONFIG).authors == ("Jane Doe",)


def test_visible_byline_beside_heading_used_when_text_has_none() -> None:
    meta = PageEvidence(visible_authors=("Ana Silva",))
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.authors == ("Ana Silva",)
    assert merged.source_of("authors") == "text"


def test_byline_line_before_the_body() -> None:
    article = article_with(
        (BlockKind.TITLE, "Bridge reopens"),
        (BlockKind.PARAGRAPH, "05/10/2018 - Publicado por: Maria Silva - Categoria: Cidade"),
        (BlockKind.PARAGRAPH, "A long first paragraph of the body " * 8),
    )
    merged = merge_metadata(article, PageEvidence(), config=CONFIG)
    assert merged.authors == ("Maria Silva",)


def test_by_line_inside_the_body_is_no_byline() -> None:
    article = article_with(
        (BlockKind.TITLE, "Bridge reopens"),
        (BlockKind.PARAGRAPH, "A long first paragraph of the body " * 8),
        (BlockKind.PARAGRAPH, "By the river, people gathered."),
    )
    assert merge_metadata(article, PageEvidence(), config=CONFIG).authors == ()


@pytest.mark.parametrize(
    ("raw", "persons", "orgs"),
    [
        (["By JANE DOE and JOHN ROE, Associated Press"], ["Jane Doe", "John Roe"], ["Associated Press"]),
        (["Jane Doe, CNN Business"], ["Jane Doe"], ["CNN Business"]),
        (["Jane Doe, Futurism"], ["Jane Doe"], []),
        (["admin", "kei_eno", "Web Desk"], [], []),
        (["Staff Reports"], [], []),  # a role, not a person (nor an organisation)
        (["Reuters"], [], ["Reuters"]),
        (["The Example Review"], [], ["The Example Review"]),
        (["Венера Ерофеева"], ["Венера Ерофеева"], []),
        (["Regan"], ["Regan"], []),
        (["https://example.com/staff/jane", "jane@example.com"], [], []),
        (["Texto: Lida Buslaeva"], ["Lida Buslaeva"], []),
        (["Maria de Souza"], ["Maria de Souza"], []),
    ],
)
def test_person_names(raw: list[str], persons: list[str], orgs: list[str]) -> None:
    assert person_names(raw) == (persons, orgs)


def test_person_names_site_and_host_are_organisations() -> None:
    assert person_names(["Example Daily"], organisations=["Example Daily"]) == ([], ["Example Daily"])
    assert person_names(["Vortex"], url="https://www.vortexcannon.org/x") == ([], ["Vortex"])


def test_byline_in_lines_negative() -> None:
    assert byline_in_lines(["Bystanders watched the storm."]) == []
    assert byline_in_lines(["By the river"]) == []


# -- times ---------------------------------------------------------------------------


def test_json_ld_beats_opengraph_and_meta() -> None:
    meta = PageEvidence(
        published_candidates=(
            candidate("2020-01-01T10:00:00+01:00", "json_ld", 10),
            candidate("2020-01-02T10:00:00+01:00", "opengraph", 20),
            candidate("2020-01-03", "meta", 30),
        )
    )
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-01-01T10:00:00+01:00"
    assert merged.source_of("published") == "json_ld"
    assert merged.published.source is TimeSource.JSON_LD


def test_utc_time_one_day_off_the_visible_date_is_kept() -> None:
    # 00:38 UTC is the evening before in America: the same moment, not a conflict.
    meta = PageEvidence(published_candidates=(candidate("2020-04-14T00:38:07Z", "json_ld", 10),))
    article = article_with((BlockKind.TITLE, "T"), (BlockKind.DATE, "April 13, 2020"))
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-04-14T00:38:07+00:00"


def test_visible_date_settles_a_gross_conflict() -> None:
    # The JSON-LD date is stale (a template's); the page shows 13 April, and
    # article:published_time agrees with it.
    meta = PageEvidence(
        published_candidates=(
            candidate("2005-07-26T16:22:26-07:00", "json_ld", 10),
            candidate("2020-04-13T18:00:00-04:00", "opengraph", 20),
        )
    )
    article = article_with((BlockKind.TITLE, "T"), (BlockKind.DATE, "Published April 13, 2020"))
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-04-13T18:00:00-04:00"
    assert merged.source_of("published") == "opengraph"


def test_gross_conflict_without_agreeing_source_keeps_the_best() -> None:
    meta = PageEvidence(published_candidates=(candidate("2005-07-26", "json_ld", 10),))
    article = article_with((BlockKind.TITLE, "T"), (BlockKind.DATE, "April 13, 2020"))
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2005-07-26"


def test_visible_date_beats_url() -> None:
    meta = PageEvidence(published_candidates=(candidate("2020-04-01", "url", 70),))
    article = article_with((BlockKind.TITLE, "T"), (BlockKind.DATE, "April 13, 2020"))
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-04-13"
    assert merged.source_of("published") == "text"


def test_url_date_is_the_last_resort() -> None:
    meta = PageEvidence(published_candidates=(candidate("2020-04-01", "url", 70),))
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-04-01"
    assert merged.source_of("published") == "url"


def test_visible_date_beside_heading_is_used() -> None:
    meta = PageEvidence(visible_date=text_date("2020-03-17"))
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.published is not None and merged.published.isoformat() == "2020-03-17"
    assert merged.source_of("published") == "text"


def test_update_line_is_no_publication_date() -> None:
    article = article_with((BlockKind.TITLE, "T"), (BlockKind.DATE, "Updated March 5, 2021"))
    assert merge_metadata(article, PageEvidence(), config=CONFIG).published is None


def test_date_in_a_body_paragraph_is_no_publication_date() -> None:
    article = article_with(
        (BlockKind.TITLE, "T"),
        (BlockKind.PARAGRAPH, "On March 4, 2021, the council met to discuss the bridge and its repairs " * 3),
    )
    assert merge_metadata(article, PageEvidence(), config=CONFIG).published is None


def test_updated_kept_only_when_later() -> None:
    later = PageEvidence(
        published_candidates=(candidate("2020-01-01T10:00:00Z", "json_ld", 10),),
        updated_candidates=(candidate("2020-01-02T10:00:00Z", "json_ld", 10),),
    )
    merged = merge_metadata(Article(), later, config=CONFIG)
    assert merged.updated is not None and merged.source_of("updated") == "json_ld"
    same = PageEvidence(
        published_candidates=(candidate("2020-01-01T10:00:00Z", "json_ld", 10),),
        updated_candidates=(candidate("2020-01-01T10:00:00Z", "opengraph", 20),),
    )
    assert merge_metadata(Article(), same, config=CONFIG).updated is None
    earlier = PageEvidence(
        published_candidates=(candidate("2020-01-02T10:00:00Z", "json_ld", 10),),
        updated_candidates=(candidate("2020-01-01T10:00:00Z", "json_ld", 10),),
    )
    assert merge_metadata(Article(), earlier, config=CONFIG).updated is None


def test_resolve_time_empty() -> None:
    assert resolve_time([]) is None


@pytest.mark.parametrize(
    ("lines", "iso"),
    [
        (["Published: 4 March 2021"], "2021-03-04"),
        (["Updated 5 March 2021", "4 March 2021"], "2021-03-04"),
        (["기사입력 :[ 2018-09-28 17:32 ]"], "2018-09-28T17:32"),
        (["Mis à jour le 5 mars 2021"], None),
        (["No date here"], None),
    ],
)
def test_date_in_lines(lines: list[str], iso: str | None) -> None:
    found = date_in_lines(lines, CONFIG)
    assert (found.isoformat() if found else None) == iso


# -- other fields ----------------------------------------------------------------------


def test_page_fields_fill_the_article_with_provenance() -> None:
    meta = PageEvidence(
        url="https://e.com/a", site_name="Example", description="D", image="https://e.com/i.jpg",
        language="en", tags=("a", "b"),
        provenance={"url": "html", "site_name": "opengraph", "description": "meta", "image": "opengraph",
                    "language": "html", "tags": "opengraph"},
    )
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert (merged.url, merged.site_name, merged.description, merged.image, merged.language, merged.tags) == (
        "https://e.com/a", "Example", "D", "https://e.com/i.jpg", "en", ("a", "b"),
    )
    assert dict(merged.provenance) == {
        "url": "html", "site_name": "opengraph", "description": "meta", "image": "opengraph",
        "language": "html", "tags": "opengraph",
    }


def test_text_language_is_not_overwritten() -> None:
    article = Article(language="fr", provenance={"language": "text"})
    meta = PageEvidence(language="en", provenance={"language": "html"})
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.language == "fr" and merged.source_of("language") == "text"


def test_canonical_url_beats_the_given_one() -> None:
    article = Article(url="https://e.example/a?utm_source=feed")
    meta = PageEvidence(url="https://e.example/a", provenance={"url": "html"})
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.url == "https://e.example/a" and merged.source_of("url") == "html"


def test_given_url_kept_without_canonical() -> None:
    article = Article(url="https://e.example/a")
    meta = PageEvidence(url="https://e.example/a", provenance={"url": "given"})
    merged = merge_metadata(article, meta, config=CONFIG)
    assert merged.url == "https://e.example/a" and merged.source_of("url") == "given"


def test_evidence_alone_fills_an_empty_article() -> None:
    meta = PageEvidence(
        title="Bridge reopens",
        authors=("Ana Silva",),
        provenance={"title": "opengraph", "authors": "meta", "published": "opengraph"},
        title_candidates=(TextCandidate("Bridge reopens", "opengraph", "og:title", 20),),
        published_candidates=(
            DateCandidate(stamp("2021-03-04T10:00:00+01:00", TimeSource.OPENGRAPH), "opengraph", "og", 20),
        ),
    )
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.title == "Bridge reopens" and merged.authors == ("Ana Silva",)
    assert merged.source_of("title") == "opengraph" and merged.source_of("published") == "opengraph"


def test_metadata_diagnostics_are_carried_once() -> None:
    diagnostic = Diagnostic("json_ld_unreadable", "x")
    meta = PageEvidence(diagnostics=(diagnostic,))
    merged = merge_metadata(Article(diagnostics=(diagnostic,)), meta, config=CONFIG)
    assert merged.diagnostics == (diagnostic,)
    merged = merge_metadata(Article(), meta, config=CONFIG)
    assert merged.diagnostics == (diagnostic,)


def test_merge_of_nothing_changes_nothing() -> None:
    article = Article(title="T", provenance={"title": "text"})
    assert merge_metadata(article, PageEvidence(), config=CONFIG) == article


# -- never raises ----------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
_KINDS = st.sampled_from(
    [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATE, BlockKind.PARAGRAPH, BlockKind.BOILERPLATE]
)


@settings(max_examples=80, deadline=None)
@given(
    blocks=st.lists(st.tuples(_KINDS, _TEXT.filter(bool)), max_size=8),
    title=st.one_of(st.none(), _TEXT),
    authors=st.lists(_TEXT, max_size=3),
    meta_title=st.one_of(st.none(), _TEXT),
    meta_authors=st.lists(_TEXT, max_size=3),
    site=st.one_of(st.none(), _TEXT),
    url=st.one_of(st.none(), st.just("https://e.example/2020/01/02/x"), _TEXT),
)
def test_no_exception_on_generated_evidence(  # noqa: PLR0917 - one argument per Hypothesis strategy
    blocks: list[tuple[BlockKind, str]],
    title: str | None,
    authors: list[str],
    meta_title: str | None,
    meta_authors: list[str],
    site: str | None,
    url: str | None,
) -> None:
    article = article_with(*blocks, title=title, authors=tuple(a for a in authors if a))
    meta = PageEvidence(
        title=meta_title,
        authors=tuple(meta_authors),
        site_name=site,
        url=url,
        title_candidates=tuple(TextCandidate(meta_title, "opengraph", "og:title", 20) for _ in [0] if meta_title),
        site_names=(site,) if site else (),
    )
    merged = merge_metadata(article, meta, config=CONFIG)
    assert all(isinstance(a, str) and a for a in merged.authors)
    assert merged.blocks == article.blocks
