"""Property: ``parse_text`` (and ``parse_html``) recover the truth from generated mess.

Each test draws ``(text, truth)`` from :func:`copydesk.strategies.messy_texts`
with one kind of noise switched on (``Noise.only(kind)``), or with the
default mix, parses ``text`` and checks that the parser recovers each field
of the truth: title, authors, published and updated times, dateline,
credits, captions, pull quotes and the body. The ``html_*`` scenarios do the same for
``parse_html`` on pages from :func:`copydesk.strategies.messy_html`.

Known gaps (strict, like a strict xfail)
----------------------------------------
What the parser does not recover yet is listed in ``KNOWN_GAPS``: a field,
the scenarios it fails under, optionally the languages, and why. The
property itself is not weakened: a mismatch is excused only when a gap
names its field, scenario and language; every other field of every example
is still checked. And the gaps are strict: each listed gap must still show
in each listed scenario's run, or the test fails asking for the entry to be
removed (the parser got better: tighten the table). Minimal examples of the
gaps are pinned in tests/test_regressions_generated.py.

The runs use a fixed seed, no example database and no constants mined from
the project's modules (see ``_no_local_constants``): the same examples every
run, whatever the parser does and whatever ran before, so a gap cannot appear
or vanish by chance.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings

import copydesk
from copydesk import Article, CreditRole
from copydesk.strategies import Chrome, Noise, NoiseKind, messy_html, messy_texts


class Field(enum.Enum):
    """A part of the article the parser should recover."""

    TITLE = "title"
    AUTHORS = "authors"
    PUBLISHED = "published"
    UPDATED = "updated"
    DATELINE = "dateline"
    CREDITS = "credits"
    CAPTIONS = "captions"
    PULL_QUOTES = "pull_quotes"
    BODY = "body"


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _updated(article: Article) -> str | None:
    return article.updated.isoformat() if article.updated else None


def _dateline(article: Article) -> str | None:
    return article.dateline.place.casefold() if article.dateline else None


def _credits(article: Article) -> list[tuple[str, str]]:
    # Photo credits belong to the captions; story, contribution and editing credits are compared.
    wanted = (CreditRole.STORY, CreditRole.CONTRIBUTED, CreditRole.EDITING)
    return sorted({(c.name.casefold(), c.role.value) for c in article.credits if c.role in wanted})


def _captions(article: Article) -> list[tuple[str, str | None]]:
    return [(c.text, c.credit.casefold() if c.credit else None) for c in article.captions]


#: How each field is read off an article for comparison. Names and places are
#: compared without case ("REUTERS" is Reuters); everything else exactly.
READ: dict[Field, Callable[[Article], Any]] = {
    Field.TITLE: lambda a: a.title,
    Field.AUTHORS: lambda a: list(a.authors),
    Field.PUBLISHED: _published,
    Field.UPDATED: _updated,
    Field.DATELINE: _dateline,
    Field.CREDITS: _credits,
    Field.CAPTIONS: _captions,
    Field.PULL_QUOTES: lambda a: list(a.pull_quotes),
    Field.BODY: lambda a: list(a.paragraphs),
}


def mismatches(
    text: str, truth: Article, fields: frozenset[Field] | set[Field], *, html: bool = False
) -> list[str]:
    """The fields of ``fields`` that ``parse_text(text)`` (``parse_html`` if ``html``) gets wrong."""
    parsed = copydesk.parse_html(text) if html else copydesk.parse_text(text)
    out = []
    for field in Field:
        if field not in fields:
            continue
        expected, got = READ[field](truth), READ[field](parsed)
        if expected != got:
            out.append(f"{field.value}: expected {expected!r}, got {got!r}")
    return out


def check(pair: tuple[str, Article], fields: frozenset[Field] | set[Field]) -> None:
    """Assert that the parser recovers ``fields`` of the truth, with a readable report."""
    text, truth = pair
    wrong = mismatches(text, truth, fields)
    assert not wrong, "parse_text(text) missed:\n  " + "\n  ".join(wrong) + f"\ntext = {text!r}"


#: Which noise each test switches on: none, each kind alone, the default mix.
SCENARIOS: dict[str, Noise] = {"none": Noise.none()}
SCENARIOS.update({kind.value: Noise.only(kind) for kind in NoiseKind})
SCENARIOS["default"] = Noise.default()
#: The same for ``parse_html`` on pages from ``messy_html``: no chrome, the default, all of it.
HTML_SCENARIOS: dict[str, Chrome] = {
    "html_none": Chrome.none(), "html_default": Chrome.default(), "html_all": Chrome.all(),
}
EVERY = (*SCENARIOS, *HTML_SCENARIOS)
ALL_FIELDS = frozenset(Field)


@dataclass(frozen=True)
class Gap:
    """A field the parser misses today under some scenarios and languages, and why."""

    field: Field
    reason: str
    scenarios: tuple[str, ...]
    languages: frozenset[str]

    def excuses(self, field: Field, scenario: str, language: str | None) -> bool:
        """True when this gap covers a mismatch of ``field`` in ``scenario`` for ``language``."""
        return field is self.field and scenario in self.scenarios and language in self.languages


# Why the parser misses what it misses (minimal examples: tests/test_regressions_generated.py).
TITLE_NO_CAPITALS = "titles in scripts without capital letters (Chinese, Arabic) are not recognised"
TITLE_MISSED = "the title is not recognised"
TITLE_IN_BODY = "the title that was not recognised (Chinese, Arabic) stays in the body"
MOJIBAKE_NBSP = (
    "the second byte of a UTF-8 letter read as cp1252 can be NBSP (0xA0: 'à' -> 'Ã'+NBSP) or a soft "
    "hyphen (0xAD: 'í' -> 'Ã'+SHY); they are normalised before the mojibake is repaired, so "
    "'thành' comes back as 'thà nh' and 'sequía' as 'sequÃa'"
)
BYLINES_IN_BODY = "bylines not opened by English 'By' ('Por admin') stay in the body"
DATE_NOT_READ = "the date line is not read"
UPDATED_NOT_READ = "the 'Updated: ...' line is not read into Article.updated"
DATELINE_MISSED = "a dateline followed by an opening quotation mark or '¿' is missed"
DATELINE_IN_BODY = "the missed dateline stays at the start of the first paragraph"
CREDIT_FORMS = (
    "credit tags in parentheses ('(Reuters contributed to this report.)', '(Editing by X)') "
    "and a second credit line are missed"
)
CREDITS_IN_BODY = "credit lines stay in the body, e.g. '(Reuters contributed to this report.)'"
CAPTION_NO_CREDIT = "captions without a photo credit (a short line with no full stop) are not recognised"
CAPTIONS_IN_BODY = "captions stay in the body"
PULL_QUOTE_MISSED = "pull quotes repeating a sentence of the body are not recognised"
PULL_QUOTES_IN_BODY = "pull quotes stay in the body"
WRAPPED_LOSES_LINES = "a hard-wrapped paragraph loses its first line(s)"
RESIDUE_KEPT = "residue 'À ' stays at the start of paragraphs that are not English"
MIXED_IN_BODY = "captions, credit lines, pull quotes or bylines stay in the body"
BODY_DIFFERS = "the body differs"
HTML_TITLE = "parse_html misses the title"
HTML_PUBLISHED = "parse_html misses the publication time"
HTML_UPDATED = "parse_html misses the update time (JSON-LD dateModified, article:modified_time)"
HTML_DATELINE = "parse_html misses the dateline of the first paragraph"
HTML_CREDITS = "credit lines closing the article ('<p>Reuters contributed to this report.</p>') are not read"
HTML_CAPTIONS = "a figcaption's photo credit keeps its 'Photo: ' prefix ('Photo: AFP' instead of 'AFP')"
HTML_PULL_QUOTES = "parse_html misses pull quotes in aside/blockquote"
HTML_BODY = "a dateline with a lower-case agency ('LONDON (dpa) -') stays in the first paragraph"

# Regenerate with a survey run (same seed) when the parser changes; keep the reasons honest.
KNOWN_GAPS: tuple[Gap, ...] = (
    Gap(Field.TITLE, TITLE_NO_CAPITALS,
        ('none', 'crlf', 'hard_wrap', 'single_newlines', 'byline', 'dateline', 'photo_credit',
         'pull_quote', 'subheading', 'list_item', 'default'),
        frozenset(['ar'])),
    Gap(Field.TITLE, TITLE_NO_CAPITALS,
        ('mojibake', 'date'),
        frozenset(['zh'])),
    Gap(Field.TITLE, TITLE_NO_CAPITALS,
        ('invisible', 'whitespace', 'caption'),
        frozenset(['ar', 'zh'])),
    Gap(Field.DATELINE, DATELINE_MISSED,
        ('default',),
        frozenset(['en'])),
    Gap(Field.DATELINE, HTML_DATELINE,
        ('html_all',),
        frozenset(['fr'])),
    Gap(Field.CREDITS, CREDIT_FORMS,
        ('credit',),
        frozenset(['en', 'fr', 'vi'])),
    Gap(Field.CREDITS, CREDIT_FORMS,
        ('default',),
        frozenset(['en'])),
    Gap(Field.CREDITS, HTML_CREDITS,
        ('html_default',),
        frozenset(['en', 'es', 'fr', 'pt', 'vi'])),
    Gap(Field.CREDITS, HTML_CREDITS,
        ('html_all',),
        frozenset(['el', 'en', 'fr', 'it', 'vi'])),
    Gap(Field.CAPTIONS, CAPTION_NO_CREDIT,
        ('caption',),
        frozenset(['ar', 'en', 'it', 'vi', 'zh'])),
    Gap(Field.CAPTIONS, CAPTION_NO_CREDIT,
        ('default',),
        frozenset(['ar', 'de', 'en', 'es', 'vi'])),
    Gap(Field.CAPTIONS, HTML_CAPTIONS,
        ('html_default',),
        frozenset(['en', 'pt', 'vi'])),
    Gap(Field.CAPTIONS, HTML_CAPTIONS,
        ('html_all',),
        frozenset(['en', 'fr', 'vi'])),
    Gap(Field.PULL_QUOTES, PULL_QUOTE_MISSED,
        ('pull_quote',),
        frozenset(['ar', 'en', 'es', 'vi'])),
    Gap(Field.PULL_QUOTES, PULL_QUOTE_MISSED,
        ('default',),
        frozenset(['ar', 'es'])),
    Gap(Field.BODY, TITLE_IN_BODY,
        ('none', 'crlf', 'hard_wrap', 'single_newlines', 'byline', 'dateline', 'photo_credit',
         'pull_quote', 'subheading', 'list_item', 'duplicate', 'default'),
        frozenset(['ar'])),
    Gap(Field.BODY, TITLE_IN_BODY,
        ('mojibake', 'date'),
        frozenset(['zh'])),
    Gap(Field.BODY, TITLE_IN_BODY,
        ('invisible', 'whitespace', 'caption'),
        frozenset(['ar', 'zh'])),
    Gap(Field.BODY, WRAPPED_LOSES_LINES,
        ('hard_wrap',),
        frozenset(['de', 'en'])),
    Gap(Field.BODY, CREDITS_IN_BODY,
        ('credit',),
        frozenset(['en', 'fr', 'vi'])),
    Gap(Field.BODY, CAPTIONS_IN_BODY,
        ('caption',),
        frozenset(['en', 'it', 'vi'])),
    Gap(Field.BODY, PULL_QUOTES_IN_BODY,
        ('pull_quote',),
        frozenset(['en', 'es', 'vi'])),
    Gap(Field.BODY, MIXED_IN_BODY,
        ('default',),
        frozenset(['de', 'en', 'es', 'vi'])),
    Gap(Field.BODY, HTML_BODY,
        ('html_all',),
        frozenset(['fr'])),
)


# A fixed seed and no database: the same examples run every time, whatever the
# parser does (generation does not depend on the outcome of passing examples).
RECOVERY = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SEED = 20261125


@contextlib.contextmanager
def _no_local_constants() -> Iterator[None]:
    """Keep Hypothesis from mixing constants of the loaded local modules into the draws.

    Hypothesis (6.13x and later) sometimes draws an integer or string literal
    found in the modules of the project under test. Which modules are loaded
    depends on the tests that ran before, and their literals change with every
    edit, so a fixed seed would not give fixed examples. This reaches into a
    private part of Hypothesis; if that part moves, the runs are only less
    reproducible (a newer Hypothesis may also change the examples: regenerate
    KNOWN_GAPS then).
    """
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - a Hypothesis without it
        yield
        return
    original = getattr(providers, "_get_local_constants", None)
    make_empty = getattr(providers, "Constants", None)
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if original is None or make_empty is None or cache is None:  # pragma: no cover
        yield
        return
    empty = make_empty()
    providers._get_local_constants = lambda: empty
    cache.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original
        cache.cache.clear()


def run_scenario(scenario: str, on_example: Callable[[str, Article], None]) -> None:
    """Run ``on_example(text, truth)`` on the scenario's examples (the same ones every time)."""

    if scenario in HTML_SCENARIOS:
        strategy = messy_html(chrome=HTML_SCENARIOS[scenario])
    else:
        strategy = messy_texts(noise=SCENARIOS[scenario])

    @seed(SEED)
    @RECOVERY
    @given(strategy)
    def run(pair: tuple[str, Article]) -> None:
        on_example(*pair)

    with _no_local_constants():
        run()


@pytest.mark.parametrize("scenario", EVERY)
def test_parsers_recover_the_truth(scenario: str) -> None:
    """Under each noise scenario the parser recovers every field but the known gaps, which still show."""
    gaps = [g for g in KNOWN_GAPS if scenario in g.scenarios]
    seen: set[Gap] = set()

    def recovers(text: str, truth: Article) -> None:
        wrong = []
        for line in mismatches(text, truth, ALL_FIELDS, html=scenario in HTML_SCENARIOS):
            field = Field(line.split(":", 1)[0])
            excused = [g for g in gaps if g.excuses(field, scenario, truth.language)]
            seen.update(excused)
            if not excused:
                wrong.append(line)
        assert not wrong, "parse_text(text) missed:\n  " + "\n  ".join(wrong) + f"\ntext = {text!r}"

    run_scenario(scenario, recovers)
    fixed = [g for g in gaps if g not in seen]
    assert not fixed, (
        f"under {scenario!r} these known gaps no longer show; the parser got better, so remove "
        f"{scenario!r} from their scenarios in KNOWN_GAPS: {fixed}"
    )
