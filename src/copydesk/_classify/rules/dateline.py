"""Datelines: the place (and agency, and date) that opens a story.

"Damascus: The Syrian army ...", "WASHINGTON (Reuters) - ...",
"LONDON, Dec 23 (AFP) — ...", "NEW DELHI: ...", "Detroit, MI | ...",
"BUFFALO, N.Y. — ...", "Beijing, Nov 19 (Xinhua) -- ...", "MADRID, 12 de marzo
de 2024 (EFE).- ...", "Berlin (dpa) - ...", "HONOLULU/LOS ANGELES (Reuters) -
...", "Washington (CNN)The ...", "Istanbul| ...". The dateline is taken
out of the first body paragraph into its own block (both parts keep the
span); an agency inside it is also a story credit.

Not datelines: label words ("Note:", "Update:", "Warning:"), speech ("He
said:"), ordinary sentence openings ("However, ..."), and a mixed-case word
before a dash without a state or agency ("Trump — the ...").

>>> d, rest = parse_dateline("LONDON, Dec 23 (AFP) — Prices rose sharply on Friday.")
>>> d.place, d.agency, d.date_text, rest
('LONDON', 'AFP', 'Dec 23', 'Prices rose sharply on Friday.')
>>> parse_dateline("However, the army said it would stay.") is None
True
"""

from __future__ import annotations

import re

from ..._lexicon.words import word_set
from ..._model import BlockKind, Dateline
from ..context import Context, Match
from ..source import Hint, SourceBlock

# One word of a place name: a capital then letters, digits, periods,
# apostrophes or hyphens ("ST.", "N.Y.", "Sioux", "al-Hasakah").
_W = r"[A-Z\u00c0-\u00de][\w.'’/\-]{0,24}"
# The dateline, anchored at the start. Linear: every repeated word is
# separated by a literal space or comma that the word class cannot contain,
# and every repetition is bounded; the optional parts are tried at most once.
_DATELINE = re.compile(
    rf"(?P<place>{_W}(?: {_W}){{0,3}})"
    rf"(?P<state>(?:, ?{_W}(?: {_W}){{0,2}}){{0,2}})"
    r"(?:,? (?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}(?:,? \d{4})?"
    r"|\d{1,2}\.? (?:de )?[^\W\d_]{3,10}\.?(?:,? (?:de )?\d{4})?))?"
    r"(?: ?\((?P<agency>[A-Za-z][\w .&'’\-]{0,30})\))?"
    # After the agency's ")" the dash may be glued ("(AP)—The", "(EFE).-") or missing ("(CNN)The").
    r"(?P<sep> {0,2}(?:--|[-–—|:]) |(?<=\))\.?(?:--|[-–—:])? *)"
    r"(?=[\"“‘'(]?[A-Z0-9\u00c0-\u00de])"
)

#: How many paragraphs (a summary, highlights) may come before a "Place (Agency)" dateline.
_LEAD_PARAGRAPHS = 3
#: Agencies written in lower case are short codes ("dpa").
_SHORT_CODE = 4

# A clock time ("6:55"): an element marked as the dateline that holds one is a time line.
_CLOCK = re.compile(r"\d:\d\d")

#: Words that open a label or a sentence, never a place ("Note:", "He said:").
_NOT_PLACES = word_set(
    """
    note notes update updated updates warning editor editors breaking exclusive opinion analysis watch video videos
    photo photos image images source sources related read also disclaimer question answer q a transcript summary
    background context conclusion introduction headline headlines bottom verdict why what how who when where fact
    facts claim rating the this that these those today tonight yesterday tomorrow here there now so but and however
    also meanwhile first finally he she they we i you it his her my our their mr mrs ms dr president said says step
    tip pro con lesson rule part chapter correction clarification caption credit ps edit bonus spoiler trigger
    policies policy chances result results score quote reason reasons problem solution issue goal subject re fwd
    date time location place venue price cost name age email phone website contact live latest more sponsored
    advertisement ad story report reporting comment comments reply statement text full title author by posted
    important attention alert urgent warning caution fyi tl dr example examples case bill act section article
    translation original sign signs takeaway takeaways lede plus minus verdict review reviews recap preview dear hi
    hello hey
    """
)

# Endings of common nouns that are never town names ("Background", "Conclusion").
_NOUN_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ers", "ies", "ship")


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """Split a dateline off the start of ``text``: (the dateline, the rest), or None.

    >>> parse_dateline("Damascus: The Syrian army said it has retaken full control of Aleppo.")[0].place
    'Damascus'
    >>> parse_dateline("Note: The office is closed on Monday and Tuesday this week.") is None
    True
    """
    if len(text) < 20 or not text[:1].isupper():
        return None
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match["place"]
    state = match["state"] or ""
    agency = match["agency"]
    sep = match["sep"].strip()
    rest = text[match.end():].strip()
    if sep == ":" and rest[:1] in "\"“‘'":
        return None
    words = place.split()
    first = words[0].casefold().strip(".'’")
    if first in _NOT_PLACES or words[-1].casefold() in _NOT_PLACES:
        return None
    caps = place.upper() == place and any(ch.isalpha() for ch in place) and len(place) > 1
    # The rest must be a sentence: shorter rests pass only with stronger datelines.
    if len(rest.split()) < (2 if agency else 3 if caps else 4):
        return None
    if agency is None:
        if not sep:
            return None
        if sep == ":":
            if not caps and (len(words) > 3 or any(w.casefold().endswith(_NOUN_ENDINGS) for w in words)):
                return None
            if state and not caps:
                return None
        elif not caps and not state and not (match["sep"].startswith("|") and len(words) == 1):
            return None  # "Istanbul| The ...": a pipe glued to a one-word place is a dateline's
    elif not (agency[:1].isupper() or (agency.isalpha() and len(agency) <= _SHORT_CODE)):
        return None  # "(dpa)" is an agency; "(see below)" is not
    raw = text[: match.end()].strip()
    return (
        Dateline(place=(place + state).strip(), raw=raw, agency=agency, date_text=match["date"]),
        rest,
    )


def read_dateline(raw: str) -> Dateline:
    """Read a dateline block already split off its paragraph ("WASHINGTON (Reuters) -").

    >>> read_dateline("BUFFALO, N.Y. —").place
    'BUFFALO, N.Y.'
    >>> read_dateline("Somewhere odd").place
    'Somewhere odd'
    """
    raw = raw.strip()
    match = _DATELINE.match(raw + " X")
    if match is None or match.end() < len(raw):
        return Dateline(place=raw.strip(" :|-–—"), raw=raw)
    place = (match["place"] + (match["state"] or "")).strip()
    return Dateline(place=place, raw=raw, agency=match["agency"], date_text=match["date"])


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as the dateline."""
    if block.hint is Hint.DATELINE and _CLOCK.search(block.text) is None:
        return Match("marked as the dateline")
    return None


def first_paragraph(block: SourceBlock, ctx: Context) -> Match | None:
    """A dateline opening the first body paragraph: split it off."""
    if ctx.doc.dateline_taken or ctx.doc.paragraph_count > _LEAD_PARAGRAPHS:
        return None
    if block.hint not in (Hint.NONE, Hint.PARAGRAPH):
        return None
    found = parse_dateline(block.text)
    if found is None:
        return None
    dateline, rest = found
    if ctx.doc.paragraph_count and not dateline.agency:
        return None  # after a lead-in (highlights, a deck) only "Place (Agency)" is sure
    reason = "opens the first paragraph with a place"
    if dateline.agency:
        reason += f" and an agency ({dateline.agency})"
    return Match(reason, parts=((BlockKind.DATELINE, dateline.raw), (BlockKind.PARAGRAPH, rest)), reading=dateline)


# A dateline alone on its line, before the story: "WASHINGTON, D.C. –", "BERLIN (dpa) -".
_MAX_OWN_LINE_WORDS = 6


def own_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A dateline standing alone on the line before the first paragraph ("WASHINGTON, D.C. –")."""
    if ctx.doc.dateline_taken or ctx.doc.paragraph_count or block.hint is not Hint.NONE:
        return None
    text = block.text
    if ctx.shape.words > _MAX_OWN_LINE_WORDS or text[-1:] not in "-–—:)" or ctx.index + 1 >= len(ctx.doc.blocks):
        return None
    if not ctx.doc.shapes[ctx.index + 1].is_long_paragraph:
        return None
    match = _DATELINE.match(text + " X")
    if match is None or match.end() < len(text):
        return None
    place = match["place"]
    if place.upper() != place and match["agency"] is None:
        return None  # "Trump —" is a fragment; a dateline on its own line is in capitals or names its agency
    if place.split()[0].casefold().strip(".'’") in _NOT_PLACES:
        return None
    dateline = read_dateline(text)
    return Match("a place line before the first paragraph", reading=dateline)
