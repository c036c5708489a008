"""Known-hard cases found by the property tests, pinned as plain tests.

Each case is a minimal example that ``copydesk.strategies.messy_texts``
generated and Hypothesis shrank, kept with the truth the strategy returned
for it (see tests/test_recovery.py). A field the parser gets wrong today is a
strict xfail with the reason: when the parser learns it, the test XPASSes and
fails, and the mark must be removed. The other cases pass and must keep
passing.

Each field is compared the way tests/test_recovery.py compares it (names and
places without case, times by their ISO form, the body block by block).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

import copydesk
from test_recovery import READ, Field


@dataclass(frozen=True)
class Case:
    """A generated text, what a perfect parser reads from it, and what the parser misses today."""

    name: str
    text: str
    expected: dict[Field, Any]
    #: Field -> why the parser misses it today (a strict xfail).
    gaps: dict[Field, str] = field(default_factory=dict)
    #: The text is a page from ``messy_html``, read with ``parse_html``.
    html: bool = False


COUNCIL_TITLE = "City council approves new budget"
COUNCIL = "The city council approved the new budget on Monday."
BRIDGE = "Officials said the bridge would reopen next week."
SHARES = "The company’s shares fell 4 percent in early trading."
CAPTION = "Protesters gather outside the parliament in London on Monday"

CASES: tuple[Case, ...] = (
    # -- titles -------------------------------------------------------------------------
    Case("title_in_chinese", "市议会批准新预算\n\n市议会周一批准了新的预算。",
         {Field.TITLE: "市议会批准新预算", Field.BODY: ["市议会周一批准了新的预算。"]},
         {Field.TITLE: "no title is recognised in a script without capital letters",
          Field.BODY: "the unrecognised title stays in the body"}),
    Case("title_in_arabic",
         "مجلس المدينة يقر الميزانية الجديدة\n\nوافق مجلس المدينة على الميزانية الجديدة يوم الاثنين.",
         {Field.TITLE: "مجلس المدينة يقر الميزانية الجديدة"},
         {Field.TITLE: "no title is recognised in a script without capital letters"}),
    Case("title_with_soft_hyphen_mojibake",
         "La sequÃ\xada dispara el precio de las verduras\n\nEl ayuntamiento aprobÃ³ el nuevo presupuesto el lunes.",
         {Field.TITLE: "La sequía dispara el precio de las verduras",
          Field.BODY: ["El ayuntamiento aprobó el nuevo presupuesto el lunes."]}),
    Case("title_after_blank_lines_and_nbsp_line",
         f"\n{COUNCIL_TITLE} \n\xa0\n{COUNCIL}",
         {Field.TITLE: COUNCIL_TITLE, Field.BODY: [COUNCIL]}),
    # -- encoding -------------------------------------------------------------------------
    Case("greek_mojibake_with_soft_hyphen_byte",
         "Î•Î³ÎºÏ\x81Î¯Î¸Î·ÎºÎµ Î¿ Î½Î\xadÎ¿Ï‚ Ï€Ï\x81Î¿Ï‹Ï€Î¿Î»Î¿Î³Î¹ÏƒÎ¼ÏŒÏ‚\n\n"
         "Î¤Î¿ Î´Î·Î¼Î¿Ï„Î¹ÎºÏŒ ÏƒÏ…Î¼Î²Î¿Ï\x8dÎ»Î¹Î¿ ÎµÎ½Î\xadÎºÏ\x81Î¹Î½Îµ Ï„Î¿Î½ Î½Î\xadÎ¿ "
         "Ï€Ï\x81Î¿Ï‹Ï€Î¿Î»Î¿Î³Î¹ÏƒÎ¼ÏŒ Ï„Î· Î”ÎµÏ…Ï„Î\xadÏ\x81Î±.",
         {Field.TITLE: "Εγκρίθηκε ο νέος προϋπολογισμός",
          Field.BODY: ["Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό τη Δευτέρα."]}),
    Case("double_mojibake",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n{BRIDGE}\n\n"
         "The companyÃ¢â‚¬â„¢s shares fell 4 percent in early trading.",
         {Field.BODY: [COUNCIL, BRIDGE, SHARES]}),
    Case("cp1252_read_as_latin_1",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\nThe company\x92s shares fell 4 percent in early trading.",
         {Field.BODY: [COUNCIL, SHARES]}),
    Case("utf8_read_as_latin_1",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\nThe companyâ\x80\x99s shares fell 4 percent in early trading.",
         {Field.BODY: [COUNCIL, SHARES]}),
    Case("soft_hyphen_and_nbsp",
         "City\xa0council approves new budget\n\nT\xadhe city council approved the new budget on Monday.",
         {Field.TITLE: COUNCIL_TITLE, Field.BODY: [COUNCIL]}),
    # -- residue and layout -------------------------------------------------------------------------
    Case("residue_in_german",
         "Stadtrat beschließt neuen Haushalt\n\nDerÂ Stadtrat hat den neuen Haushalt am Montag beschlossen.\n\n"
         "À Die Rettungskräfte arbeiteten die ganze Nacht hindurch.",
         {Field.BODY: ["Der Stadtrat hat den neuen Haushalt am Montag beschlossen.",
                       "Die Rettungskräfte arbeiteten die ganze Nacht hindurch."]}),
    Case("hard_wrapped_paragraph", f"{COUNCIL_TITLE}\n\nThe city council approved the new budget on\nMonday.",
         {Field.BODY: [COUNCIL]}),
    Case("hard_wrapped_german_paragraph",
         "Stadtrat beschließt neuen Haushalt\n\nDie Bauern im Norden sprechen von der schlimmsten\n"
         "Dürre seit Jahrzehnten.",
         {Field.BODY: ["Die Bauern im Norden sprechen von der schlimmsten Dürre seit Jahrzehnten."]},
         {Field.BODY: "the first line of a paragraph wrapped just after the title is taken out of the body"}),
    # -- bylines and dates -------------------------------------------------------------------------
    Case("portuguese_byline_two_authors",
         "Câmara aprova novo orçamento\n\nPor Jane Smith e John Doe\n\n"
         "A câmara municipal aprovou o novo orçamento na segunda-feira.",
         {Field.AUTHORS: ["Jane Smith", "John Doe"]}),
    Case("french_byline_polish_name",
         "Le conseil municipal adopte le budget\n\nPar Łukasz Wójcik\n\n"
         "Le conseil municipal a adopté le budget lundi soir.",
         {Field.AUTHORS: ["Łukasz Wójcik"]}),
    Case("french_placeholder_byline",
         "Le conseil municipal adopte le budget\n\nPar admin\n\nLe conseil municipal a adopté le budget lundi soir.",
         {Field.AUTHORS: [], Field.BODY: ["Le conseil municipal a adopté le budget lundi soir."]},
         {Field.BODY: "'Par admin' stays in the body"}),
    Case("posted_by_on_date", f"{COUNCIL_TITLE}\n\nPosted by Jane Smith on January 1, 2000\n\n{COUNCIL}",
         {Field.AUTHORS: ["Jane Smith"], Field.PUBLISHED: "2000-01-01", Field.BODY: [COUNCIL]}),
    Case("month_only_date", f"{COUNCIL_TITLE}\n\nJan 2000\n\n{COUNCIL}",
         {Field.PUBLISHED: "2000-01", Field.BODY: [COUNCIL]},
         {Field.PUBLISHED: "a date line with a month and no day is not read",
          Field.BODY: "the month-only date line stays in the body"}),
    Case("time_with_zone_abbreviation", f"{COUNCIL_TITLE}\n\nJanuary 1, 2000 00:00:00 EST\n\n{COUNCIL}",
         {Field.PUBLISHED: "2000-01-01T00:00:00-05:00", Field.BODY: [COUNCIL]}),
    Case("iso_time_with_offset", f"{COUNCIL_TITLE}\n\n2000-01-01T00:00:00+01:00\n\n{COUNCIL}",
         {Field.PUBLISHED: "2000-01-01T00:00:00+01:00", Field.BODY: [COUNCIL]}),
    # -- datelines and credits -------------------------------------------------------------------------
    Case("dateline_of_three_words", f"{COUNCIL_TITLE}\n\nRio de Janeiro: {COUNCIL}",
         {Field.DATELINE: "rio de janeiro", Field.BODY: [COUNCIL]},
         {Field.DATELINE: "a 'Place:' dateline of several words with a lowercase 'de' is missed",
          Field.BODY: "the missed dateline stays in the paragraph"}),
    Case("dateline_before_spanish_question",
         "El ayuntamiento aprueba el nuevo presupuesto\n\nLondon: ¿Quién pagará la reconstrucción del puente?\n\n"
         "El ayuntamiento aprobó el nuevo presupuesto el lunes.",
         {Field.DATELINE: "london", Field.BODY: ["¿Quién pagará la reconstrucción del puente?",
                                                "El ayuntamiento aprobó el nuevo presupuesto el lunes."]},
         {Field.DATELINE: "a dateline followed by '¿' is missed",
          Field.BODY: "the missed dateline stays in the paragraph"}),
    Case("dateline_before_quotation_mark",
         f"{COUNCIL_TITLE}\n\nLondon: “We are not going to give up,” the mayor told reporters.",
         {Field.DATELINE: "london", Field.BODY: ["“We are not going to give up,” the mayor told reporters."]},
         {Field.DATELINE: "a dateline followed by an opening quotation mark is missed",
          Field.BODY: "the missed dateline stays in the paragraph"}),
    Case("dateline_with_date_and_agency", f"{COUNCIL_TITLE}\n\nLONDON, Jan 1 (Reuters) — {COUNCIL}",
         {Field.DATELINE: "london", Field.CREDITS: [("reuters", "story")], Field.BODY: [COUNCIL]}),
    Case("contributed_in_parentheses", f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n(Reuters contributed to this report.)",
         {Field.CREDITS: [("reuters", "contributed")], Field.BODY: [COUNCIL]}),
    Case("editing_credit_in_parentheses",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n- Reuters inputs\n\n(Editing by Jane Smith)",
         {Field.CREDITS: [("jane smith", "editing"), ("reuters", "story")], Field.BODY: [COUNCIL]},
         {Field.CREDITS: "'(Editing by X)' in parentheses is not read as a credit",
          Field.BODY: "the credit line stays in the body"}),
    Case("reporting_and_editing_trailer",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\nAdditional reporting by Jane Smith; Editing by John Doe",
         {Field.CREDITS: [("jane smith", "contributed"), ("john doe", "editing")], Field.BODY: [COUNCIL]}),
    Case("with_inputs_in_parentheses", f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n(With inputs from Reuters)",
         {Field.CREDITS: [("reuters", "story")], Field.BODY: [COUNCIL]}),
    Case("agency_inputs_line", f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n- Reuters inputs",
         {Field.CREDITS: [("reuters", "story")], Field.BODY: [COUNCIL]}),
    Case("trailing_upper_case_agency", f"{COUNCIL_TITLE}\n\n{COUNCIL} -REUTERS",
         {Field.CREDITS: [("reuters", "story")], Field.BODY: [COUNCIL]},
         {Field.CREDITS: "a trailing ' -REUTERS' on the last paragraph is not read as a credit",
          Field.BODY: "the whole last paragraph is taken for a credit line and leaves the body"}),
    # -- captions and pull quotes -------------------------------------------------------------------------
    Case("caption_without_credit", f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n{CAPTION}",
         {Field.CAPTIONS: [(CAPTION, None)], Field.BODY: [COUNCIL]},
         {Field.CAPTIONS: "a caption with no photo credit is not recognised",
          Field.BODY: "the caption stays in the body"}),
    Case("caption_then_photo_line", f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n{CAPTION}\n\nPhoto: AFP",
         {Field.CAPTIONS: [(CAPTION, "afp")], Field.BODY: [COUNCIL]},
         {Field.CAPTIONS: "the caption line before a 'Photo: X' line is not joined to it",
          Field.BODY: "the caption stays in the body"}),
    Case("image_copyright_then_caption",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\nImage copyright AFP\n\nImage caption {CAPTION}",
         {Field.CAPTIONS: [(CAPTION, "afp")], Field.BODY: [COUNCIL]},
         {Field.CAPTIONS: "'Image copyright X' / 'Image caption Y' pairs are not read",
          Field.BODY: "the 'Image caption' line stays in the body"}),
    Case("pull_quote_repeating_a_sentence", f"{COUNCIL_TITLE}\n\n{COUNCIL} {BRIDGE}\n\n{BRIDGE}",
         {Field.PULL_QUOTES: [BRIDGE], Field.BODY: [f"{COUNCIL} {BRIDGE}"]},
         {Field.PULL_QUOTES: "a line repeating a sentence of the paragraph before is not a pull quote",
          Field.BODY: "the pull quote stays in the body"}),
    Case("list_items_after_paragraphs",
         f"{COUNCIL_TITLE}\n\n{COUNCIL}\n\n{BRIDGE}\n\n• {SHARES}\n\n• Rescue teams worked through the night to reach "
         "the village.\n\n“We are not going to give up,” the mayor told reporters.",
         {Field.BODY: [COUNCIL, BRIDGE, SHARES, "Rescue teams worked through the night to reach the village.",
                       "“We are not going to give up,” the mayor told reporters."]}),
)


def _page(head: str, article: str) -> str:
    """A page as ``messy_html`` writes it, with the chrome that does not matter to the case left out."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{head}</head>\n<body>\n'
            f'<main><article class="story">{article}</article>\n</main>\n</body>\n</html>\n')


HTML_CASES: tuple[Case, ...] = (
    Case("html_localised_byline_two_authors",
         _page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
               '"headline": "Câmara aprova novo orçamento", "author": [{"@type": "Person", "name": "Jane Smith"}, '
               '{"@type": "Person", "name": "John Doe"}]}</script>\n',
               '<h1>Câmara aprova novo orçamento</h1><div class="meta"><p class="byline">Por '
               '<a rel="author" href="/authors/0">Jane Smith</a> e <a rel="author" href="/authors/1">John Doe</a>'
               '</p></div><p>A câmara municipal aprovou o novo orçamento na segunda-feira.</p>'),
         {Field.AUTHORS: ["Jane Smith", "John Doe"]},
         html=True),
    Case("html_credit_line_closing_the_article",
         _page("", f"<h1>{COUNCIL_TITLE}</h1><p>{COUNCIL}</p>"
                   '<p class="credit">Reuters contributed to this report.</p>'),
         {Field.CREDITS: [("reuters", "contributed")], Field.BODY: [COUNCIL]},
         {Field.CREDITS: "a credit line closing the article is not read as a credit"},
         html=True),
    Case("html_figcaption_with_photo_credit",
         _page("", f'<h1>{COUNCIL_TITLE}</h1><p>{COUNCIL}</p><figure><img src="/img/0.jpg" alt="">'
                   f'<figcaption>{CAPTION} <span class="credit">Photo: AFP</span></figcaption></figure>'),
         {Field.CAPTIONS: [(CAPTION, "afp")], Field.BODY: [COUNCIL]},
         {Field.CAPTIONS: "the photo credit keeps its 'Photo: ' prefix"},
         html=True),
    Case("html_dateline_with_lower_case_agency",
         _page("", f"<h1>{COUNCIL_TITLE}</h1><p>LONDON (dpa) - {COUNCIL}</p>"),
         {Field.DATELINE: "london", Field.CREDITS: [("dpa", "story")], Field.BODY: [COUNCIL]},
         {Field.DATELINE: "'LONDON (dpa) -' is not read as a dateline (lower-case agency)",
          Field.CREDITS: "the agency of the missed dateline is not credited",
          Field.BODY: "the missed dateline stays in the first paragraph"},
         html=True),
)


def _params() -> list[Any]:
    out = []
    for case in (*CASES, *HTML_CASES):
        for which in case.expected:
            marks = [pytest.mark.xfail(strict=True, reason=case.gaps[which])] if which in case.gaps else []
            out.append(pytest.param(case, which, marks=marks, id=f"{case.name}-{which.value}"))
    return out


def test_every_gap_names_an_expected_field() -> None:
    for case in (*CASES, *HTML_CASES):
        assert set(case.gaps) <= set(case.expected), case.name


@pytest.mark.parametrize(("case", "which"), _params())
def test_generated_case(case: Case, which: Field) -> None:
    parsed = copydesk.parse_html(case.text) if case.html else copydesk.parse_text(case.text)
    assert READ[which](parsed) == case.expected[which]
