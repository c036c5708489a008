"""Tests of :mod:`copydesk.strategies`: valid values, an honest truth, options, registration, shrinking.

The truth must be *attainable*: for each kind of noise, undoing that noise by
hand (decoding the mojibake back, dropping the invisible characters, joining
the wrapped lines) gives back exactly what the returned article says.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import attrs
import hypothesis.strategies as st
import lxml.html
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import InvalidArgument

import copydesk
from copydesk import Article, Block, BlockKind, Caption, Credit, CreditRole, Dateline, Timestamp
from copydesk.strategies import (
    Chrome,
    ChromeKind,
    Language,
    Mojibake,
    Noise,
    NoiseKind,
    articles,
    messy_html,
    messy_texts,
    person_names,
    timestamps,
)

FAST = settings(max_examples=30, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LAYOUT = Noise.only(NoiseKind.HARD_WRAP, NoiseKind.WHITESPACE, NoiseKind.CRLF, NoiseKind.SINGLE_NEWLINES,
                    weight=0.5)


def lines_of(text: str) -> list[str]:
    """Lines as spans count them: CRLF is one line break."""
    return text.replace("\r\n", "\n").split("\n")


def span_text(lines: list[str], block_lines: range) -> str:
    """The text of a block's lines, wrapped lines joined with one space."""
    return " ".join(lines[i].strip() for i in block_lines)


# -- articles() ----------------------------------------------------------------


@FAST
@given(articles())
def test_articles_are_valid_and_round_trip(article: Article) -> None:
    assert article.title and not article.title.endswith(".")
    body = article.body
    assert body and body[0].kind is BlockKind.PARAGRAPH and body[-1].kind is BlockKind.PARAGRAPH
    assert len(set(article.paragraphs)) == len(article.paragraphs)
    assert all(q in article.text for q in article.pull_quotes)
    assert Language(article.language)
    assert len(set(article.authors)) == len(article.authors) <= 3
    assert Article.from_dict(article.to_dict()) == article


@FAST
@given(articles(languages=st.sampled_from([Language.CHINESE, Language.ARABIC]), max_blocks=3))
def test_articles_follow_the_languages_asked(article: Article) -> None:
    assert article.language in ("zh", "ar")
    assert 1 <= len(article.body) <= 3 + 4  # a list block counts its items


@FAST
@given(timestamps(), person_names())
def test_building_blocks(ts: Timestamp, name: str) -> None:
    assert ts.isoformat() == ts.raw and ts.month is not None
    assert name == name.strip() and " " in name


@FAST
@given(st.tuples(st.from_type(Article), st.from_type(Timestamp), st.from_type(Caption), st.from_type(Dateline),
                 st.from_type(Credit), st.from_type(Noise)))
def test_from_type_uses_the_registered_strategies(
    drawn: tuple[Article, Timestamp, Caption, Dateline, Credit, Noise],
) -> None:
    article, ts, caption, dateline, credit, noise = drawn
    # st.builds(Article) would leave the title None: a title means articles() is used.
    assert article.title and article.language
    assert ts.month is not None and caption.text and dateline.place and credit.name
    assert isinstance(noise, Noise)


def test_the_hypothesis_entry_point_is_declared() -> None:
    hooks = [e.value for e in metadata.entry_points(group="hypothesis")]
    # A top-level module, so that importing Hypothesis does not import copydesk (issue 11).
    assert "_copydesk_hypothesis:_register" in hooks


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_from_type_works_without_importing_copydesk_strategies() -> None:
    result = _python(
        "import hypothesis.strategies as st\n"
        "from hypothesis import find\n"
        "import copydesk\n"
        "a = find(st.from_type(copydesk.Article), lambda a: True)\n"
        "print(bool(a.title and a.language))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_importing_copydesk_does_not_import_hypothesis() -> None:
    result = _python("import sys, copydesk\nprint('hypothesis' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_missing_hypothesis_gives_an_install_hint() -> None:
    result = _python(
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import copydesk.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'copydesk[testing]'" in result.stdout


# -- options -------------------------------------------------------------------


def test_noise_presets_and_edits() -> None:
    assert Noise.none().enabled() == frozenset()
    assert Noise.all().enabled() == frozenset(NoiseKind)
    assert Noise.default().enabled() == frozenset(NoiseKind)
    only = Noise.only(NoiseKind.CAPTION, weight=0.3)
    assert only.enabled() == {NoiseKind.CAPTION} and only.weight(NoiseKind.CAPTION) == 0.3
    assert NoiseKind.MOJIBAKE not in Noise.all().without(NoiseKind.MOJIBAKE).enabled()
    assert Noise.none().with_weights({NoiseKind.CRLF: 1}).crlf == 1.0
    assert {f.name for f in attrs.fields(Noise)} == {k.value for k in NoiseKind} | {"mojibake_forms"}
    assert {f.name for f in attrs.fields(Chrome)} == {k.value for k in ChromeKind}
    assert Chrome.all().enabled() == frozenset(ChromeKind)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: Noise(crlf=1.5), ValueError),
        (lambda: Noise(crlf=-0.1), ValueError),
        (lambda: Noise(crlf=True), ValueError),
        (lambda: Noise(crlf="0.5"), ValueError),
        (lambda: Noise(mojibake_forms=()), ValueError),
        (lambda: Noise(mojibake_forms=("cp1252",)), TypeError),
        (lambda: Noise.only("caption"), TypeError),
        (lambda: Noise().weight(ChromeKind.NAV), TypeError),
        (lambda: Chrome.only(NoiseKind.CAPTION), TypeError),
    ],
)
def test_bad_options_are_refused(make: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    "make",
    [
        lambda: messy_texts(noise="mojibake"),
        lambda: messy_texts(articles="an article"),
        lambda: messy_html(chrome=Noise()),
        lambda: articles(languages="en"),
        lambda: articles(min_blocks=0),
        lambda: articles(min_blocks=3, max_blocks=2),
        lambda: timestamps(timezones=None),
    ],
)
def test_bad_arguments_raise_invalid_argument(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]


def test_a_strategy_drawing_the_wrong_type_is_reported() -> None:
    @settings(FAST, max_examples=1, phases=[Phase.generate])
    @given(messy_texts(noise=st.just(Chrome())))
    def run(pair: tuple[str, Article]) -> None:
        raise AssertionError("not reached")

    with pytest.raises(InvalidArgument, match="noise"):
        run()


# -- the truth of messy_texts() -----------------------------------------------------


@FAST
@given(messy_texts(noise=Noise.none()))
def test_without_noise_the_text_is_the_clean_article(pair: tuple[str, Article]) -> None:
    text, truth = pair
    assert text.rstrip("\n") == "\n\n".join([truth.title or "", *truth.paragraphs])
    assert {b.kind for b in truth.blocks} <= {BlockKind.TITLE, BlockKind.PARAGRAPH}
    assert truth.dateline is None and not truth.credits and not truth.captions
    assert truth.published is None and truth.updated is None


def check_spans(text: str, truth: Article) -> list[str]:
    """Spans increase, do not overlap, and every line outside them is blank; returns the lines."""
    lines = lines_of(text)
    covered: set[int] = set()
    end = 0
    for block in truth.blocks:
        assert block.span is not None and block.span.start >= end and block.span.end > block.span.start
        end = block.span.end
        covered.update(block.span.lines)
    assert end <= len(lines)
    assert all(not lines[i].strip() for i in range(len(lines)) if i not in covered)
    return lines


@FAST
@given(messy_texts(noise=LAYOUT.with_weights({NoiseKind.SUBHEADING: 1.0, NoiseKind.BOILERPLATE: 0.5,
                                              NoiseKind.DUPLICATE: 0.3})))
def test_spans_give_back_each_block(pair: tuple[str, Article]) -> None:
    text, truth = pair
    lines = check_spans(text, truth)
    for block in truth.blocks:
        assert block.span is not None
        assert span_text(lines, block.span.lines) == block.text


@pytest.mark.parametrize("form", list(Mojibake))
def test_mojibake_can_be_undone(form: Mojibake) -> None:
    undo = {
        Mojibake.CP1252: lambda s: s.encode("sloppy-windows-1252").decode("utf-8"),
        Mojibake.PARTIAL: lambda s: s.encode("sloppy-windows-1252").decode("utf-8") if not _is_utf8_text(s) else s,
        Mojibake.LATIN_1: lambda s: s.encode("latin-1").decode("utf-8"),
        Mojibake.DOUBLE: lambda s: s.encode("sloppy-windows-1252").decode("utf-8")
        .encode("sloppy-windows-1252").decode("utf-8"),
        Mojibake.C1_CONTROLS: lambda s: s.encode("latin-1").decode("cp1252"),
    }[form]

    @FAST
    @given(messy_texts(noise=attrs.evolve(Noise.only(NoiseKind.MOJIBAKE), mojibake_forms={form})))
    def run(pair: tuple[str, Article]) -> None:
        text, truth = pair
        lines = [undo(line) if not line.isascii() and _is_garbled(line, form) else line for line in lines_of(text)]
        for block in truth.blocks:
            assert block.span is not None
            assert span_text(lines, block.span.lines) == block.text

    run()


def _is_utf8_text(line: str) -> bool:
    """True when ``line`` was left as it was (it cannot be cp1252 mojibake of itself)."""
    try:
        line.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return True
    return False


def _is_garbled(line: str, form: Mojibake) -> bool:
    if form is Mojibake.C1_CONTROLS:
        return any("\x80" <= c <= "\x9f" for c in line)
    return True


@FAST
@given(messy_texts(noise=Noise.only(NoiseKind.RESIDUE, NoiseKind.INVISIBLE)))
def test_residue_and_invisible_characters_can_be_undone(pair: tuple[str, Article]) -> None:
    text, truth = pair
    lines = []
    for line in lines_of(text):
        visible = line.replace("\u200b", "").replace("\ufeff", "").replace("\xad", "").replace("\xa0", " ")
        lines.append(visible.removeprefix("À ").replace("Â ", " "))
    for block in truth.blocks:
        assert block.span is not None
        assert span_text(lines, block.span.lines) == block.text


@FAST
@given(messy_texts(noise=Noise.only(NoiseKind.BYLINE, NoiseKind.DATE, NoiseKind.DATELINE, NoiseKind.CREDIT,
                                    NoiseKind.CAPTION, NoiseKind.PHOTO_CREDIT, NoiseKind.PULL_QUOTE,
                                    NoiseKind.LIST_ITEM, NoiseKind.SUBHEADING, NoiseKind.BOILERPLATE,
                                    NoiseKind.DUPLICATE, weight=0.7)))
def test_the_fields_are_where_the_text_puts_them(pair: tuple[str, Article]) -> None:
    text, truth = pair
    lines = check_spans(text, truth)
    shown = {b: span_text(lines, b.span.lines) for b in truth.blocks if b.span is not None}
    kinds = [b.kind for b in truth.blocks]
    if truth.byline is not None:
        assert truth.byline in shown.values()
        assert all(name in truth.byline for name in truth.authors)
    if truth.published is not None:
        assert truth.published.raw in text
    if truth.updated is not None:
        assert truth.published is not None and truth.updated.raw in text
    if truth.dateline is not None:
        first = next(b for b in truth.blocks if b.kind.is_body)
        assert shown[first] == f"{truth.dateline.raw} {first.text}"
        assert truth.dateline.place in truth.dateline.raw
    for credit in truth.credits:
        assert credit.raw in text and credit.name.casefold() in credit.raw.casefold()
    for caption in truth.captions:
        assert caption.span is not None and caption.text in span_text(lines, caption.span.lines)
        if caption.credit:
            assert caption.credit in span_text(lines, caption.span.lines)
    assert kinds.count(BlockKind.PULL_QUOTE) == len(truth.pull_quotes)
    for quote in truth.pull_quotes:
        assert any(quote.rstrip(".") in p for p in truth.paragraphs)
    for block in truth.blocks:
        if block.kind is BlockKind.DUPLICATE:
            assert any(other.text == block.text for other in truth.blocks[: truth.blocks.index(block)])
        if block.kind is BlockKind.LIST_ITEM:
            assert shown[block].endswith(block.text) and shown[block] != block.text


# -- messy_html() ---------------------------------------------------------------------


@FAST
@given(messy_html())
def test_messy_html_holds_the_truth(pair: tuple[str, Article]) -> None:
    page, truth = pair
    tree = lxml.html.fromstring(page)
    story = tree.xpath("//article")[0]
    visible = " ".join(story.text_content().split())
    assert truth.title and truth.title in visible
    for paragraph in truth.paragraphs:
        assert paragraph in visible
    for caption in truth.captions:
        assert caption.text in visible
    assert tree.get("lang") == truth.language
    for script in tree.xpath("//script[@type='application/ld+json']"):
        data = json.loads(script.text)
        assert data["headline"] == truth.title


@FAST
@given(messy_html(chrome=Chrome.none()))
def test_messy_html_without_chrome_is_just_the_article(pair: tuple[str, Article]) -> None:
    page, truth = pair
    for tag in ("<nav", "<footer", "<header", "cookie-banner", "ld+json", "og:", "<figure", 'id="comments"'):
        assert tag not in page
    assert not truth.captions and truth.published is None and truth.site_name is None


# -- shrinking ---------------------------------------------------------------------


# Derandomized so the bound holds every run. No explain phase: it re-runs the
# failing example hundreds of times to annotate the report, which is not what
# these tests measure.
SHRINK = settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.generate, Phase.shrink], derandomize=True)


@pytest.mark.slow
def test_failures_shrink_to_small_examples() -> None:
    text, truth = find(messy_texts(), lambda p: bool(p[1].captions), settings=SHRINK)
    assert len(truth.body) == 1 and len(truth.captions) == 1
    assert len(text) < 300


@pytest.mark.slow
def test_noisy_failures_shrink_to_small_examples_too() -> None:
    text, truth = find(
        messy_texts(noise=Noise.only(NoiseKind.CRLF, NoiseKind.BOILERPLATE, NoiseKind.CAPTION, weight=0.5)),
        lambda p: "\r\n" in p[0] and any(b.kind is BlockKind.BOILERPLATE for b in p[1].blocks),
        settings=SHRINK,
    )
    # Noise drawn per gap between blocks shrinks less well than noise drawn once.
    assert len(truth.body) <= 4 and not truth.captions
    assert len(text) < 700


def test_copydesk_parse_text_reads_a_clean_render() -> None:
    # A smoke test of the user-facing recipe in docs/property-testing.rst.
    @FAST
    @given(messy_texts(noise=Noise.none(), articles=articles(languages=Language.ENGLISH)))
    def run(pair: tuple[str, Article]) -> None:
        text, truth = pair
        assert copydesk.parse_text(text).title == truth.title

    run()


@FAST
@given(messy_texts(noise=Noise.only(NoiseKind.CAPTION, NoiseKind.PULL_QUOTE, NoiseKind.WHITESPACE)))
def test_captions_and_pull_quotes_are_listed_in_text_order(pair: tuple[str, Article]) -> None:
    _text, truth = pair
    starts = [c.span.start for c in truth.captions if c.span is not None]
    assert starts == sorted(starts)
    assert list(truth.pull_quotes) == [b.text for b in truth.blocks if b.kind is BlockKind.PULL_QUOTE]


@FAST
@given(messy_html(articles=articles(max_blocks=4).map(
    lambda a: attrs.evolve(a, captions=(*a.captions, Caption("Firefighters inspect the damage in Cairo on Monday"),
                                        Caption("Students queue to vote in Paris on Friday"))))))
def test_html_captions_are_listed_in_page_order(pair: tuple[str, Article]) -> None:
    page, truth = pair
    positions = [page.index(f"<figcaption>{c.text}") for c in truth.captions]
    assert positions == sorted(positions)


ANY_TEXT = st.text(max_size=80)
ANY_ARTICLES = st.builds(
    Article,
    title=st.none() | ANY_TEXT,
    authors=st.lists(ANY_TEXT, max_size=2).map(tuple),
    published=st.none() | timestamps(),
    dateline=st.none() | st.builds(Dateline, place=ANY_TEXT, raw=ANY_TEXT, agency=st.none() | ANY_TEXT),
    credits=st.lists(st.builds(Credit, name=ANY_TEXT, raw=ANY_TEXT, role=st.sampled_from(CreditRole)), max_size=2),
    captions=st.lists(st.builds(Caption, text=ANY_TEXT, credit=st.none() | ANY_TEXT), max_size=2),
    pull_quotes=st.lists(ANY_TEXT, max_size=1).map(tuple),
    blocks=st.lists(st.builds(Block, kind=st.sampled_from(BlockKind), text=ANY_TEXT), max_size=5),
    language=st.none() | st.sampled_from([lang.value for lang in Language]) | ANY_TEXT,
)


@FAST
@given(messy_texts(articles=ANY_ARTICLES, noise=Noise.all()))
def test_any_article_renders_with_a_consistent_truth(pair: tuple[str, Article]) -> None:
    text, truth = pair
    check_spans(text, truth)
    assert all(b.text == " ".join(b.text.split()) and b.text for b in truth.blocks)


@FAST
@given(messy_texts(articles=ANY_ARTICLES, noise=LAYOUT))
def test_any_article_gives_back_its_blocks_under_layout_noise(pair: tuple[str, Article]) -> None:
    text, truth = pair
    lines = check_spans(text, truth)
    for block in truth.blocks:
        assert block.span is not None
        assert span_text(lines, block.span.lines) == block.text


@FAST
@given(messy_html(articles=ANY_ARTICLES, chrome=Chrome.all()))
def test_any_article_renders_as_a_page(pair: tuple[str, Article]) -> None:
    page, truth = pair
    visible = " ".join(lxml.html.fromstring(page).xpath("//article")[0].text_content().split())
    assert all(p in visible for p in truth.paragraphs)


@FAST
@given(messy_html(articles=ANY_ARTICLES, chrome=Chrome.none()))
def test_the_page_language_is_the_truth(pair: tuple[str, Article]) -> None:
    page, truth = pair
    assert lxml.html.fromstring(page).get("lang") == truth.language
