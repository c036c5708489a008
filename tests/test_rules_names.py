"""Person names and agencies: who is a person in a byline, which agency a credit names."""

from __future__ import annotations

import pytest

from copydesk import ParseConfig
from copydesk._classify.rules.byline import parse_byline
from copydesk._classify.rules.dateline import parse_dateline
from copydesk._lexicon.agencies import AGENCIES, agency_named
from copydesk._lexicon.names import classify_name, normalise_name, persons_in, split_names


@pytest.mark.parametrize(
    ("piece", "kind"),
    [
        ("Jane Doe", "person"),
        ("JANE DOE", "person"),
        ("Robert L. Curbeam Jr.", "person"),
        ("Ahmad al-Khatib", "person"),
        ("Ursula von der Leyen", "person"),
        ("admin", "role"),
        ("Staff", "role"),
        ("Web Desk", "role"),
        ("News Desk", "role"),
        ("Editor", "role"),
        ("Staff Reporter", "role"),
        ("Guest Author", "role"),
        ("Reuters", "agency"),
        ("The Associated Press", "agency"),
        ("Press Trust of India", "agency"),
        ("The Burning Platform", "organisation"),
        ("Natural News", "organisation"),
        ("TFMetalsReport.com", "organisation"),
        ("Glamour", "organisation"),
        ("early 2008", "other"),
        ("", "other"),
    ],
)
def test_classify_name(piece: str, kind: str) -> None:
    assert classify_name(piece).value == kind


def test_split_and_tidy_names() -> None:
    assert split_names("Jane Doe, John Smith & Ann Lee") == ("Jane Doe", "John Smith", "Ann Lee")
    assert split_names("Benny G. Powell Jr.") == ("Benny G. Powell Jr.",)
    assert normalise_name("MARY-JANE O'NEIL") == "Mary-Jane O'Neil"
    assert persons_in("By-line: admin and JOHN SMITH") == ("John Smith",)


@pytest.mark.parametrize(
    ("written", "name"),
    [("AP", "AP"), ("Associated Press", "AP"), ("REUTERS", "Reuters"), ("Agence France-Presse", "AFP"),
     ("dpa", "dpa"), ("DPA", "dpa"), ("Xinhua News Agency", "Xinhua"), ("Getty Images", "Getty Images"),
     ("The Canadian Press", "CP"), ("Yonhap", "Yonhap"), ("ITAR-TASS", "TASS"), ("Bernama", "Bernama")],
)
def test_agency_variants(written: str, name: str) -> None:
    found = agency_named(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize("text", ["ap", "uni", "Apple", "Reuters Institute", "", "x" * 100])
def test_not_agencies(text: str) -> None:
    assert agency_named(text) is None


def test_agency_table_has_no_clashing_variants() -> None:
    seen: dict[str, str] = {}
    for agency in AGENCIES:
        for variant in (agency.name, *agency.variants):
            assert seen.setdefault(variant.casefold(), agency.name) == agency.name, variant


@pytest.mark.parametrize(
    ("line", "authors", "agencies", "roles"),
    [
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith"), (), ()),
        ("Jane Doe, Reuters", ("Jane Doe",), ("Reuters",), ()),
        ("By JANE DOE | Staff Writer", ("Jane Doe",), (), ()),
        ("By Staff Reporter", (), (), ("Staff Reporter",)),
        ("Posted by Matthew Bernstein | Sep 15, 2016 | Liberal Corruption", ("Matthew Bernstein",), (), ()),
        ("By Ricardo Paye 69784 69", ("Ricardo Paye",), (), ()),
        ("Par Jean Dupont", ("Jean Dupont",), (), ()),
    ],
)
def test_parse_byline(line: str, authors: tuple[str, ...], agencies: tuple[str, ...], roles: tuple[str, ...]) -> None:
    found = parse_byline(line, ParseConfig())
    assert found is not None
    assert (found.authors, found.agencies) == (authors, agencies)
    if roles:
        assert found.roles == roles


@pytest.mark.parametrize(
    "line", ["By the mid-1980s, Bay was an aspiring filmmaker.", "Trump by the numbers", "John Smith", "Reuters"]
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line, ParseConfig()) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("DUBAI, United Arab Emirates — The airline said on Monday it would buy more planes.",
         "DUBAI, United Arab Emirates"),
        ("CLEVELAND, Ohio -- The band played its last show on Friday night.", "CLEVELAND, Ohio"),
        ("ST. JOSEPH, Mich. (AP) — A man was arrested on Tuesday.", "ST. JOSEPH, Mich."),
        ("New York (CNN) Hillary Clinton and Donald Trump both met world leaders.", "New York"),
    ],
)
def test_dateline_places(text: str, place: str) -> None:
    found = parse_dateline(text)
    assert found is not None and found[0].place == place


@pytest.mark.parametrize(
    "text",
    ["Background: Maxime Bernier, nicknamed Mad Max, is the most libertarian contender.",
     "BREAKING: Obama emerges to make an announcement about the election.",
     "Edward Snowden: \"Osama bin Laden is still alive\", the site claimed on Monday."],
)
def test_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None
