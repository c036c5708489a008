"""Credits: the wire agency whose copy the story is, and who contributed or edited.

Standalone lines: "- AP inputs", "(With inputs from PTI)", "(AP)",
"Source: Reuters", "Reuters contributed to this report.", "Jane Doe
contributed reporting.", "Additional reporting by X; Editing by Y",
"Copyright 2016 The Associated Press. All rights reserved."; and a sign-off
at the end of the last paragraph ("... on Friday. -REUTERS", "--Reuters",
"(AFP)"), which is taken off the paragraph into its own block.

>>> credits = parse_credits("Additional reporting by Jane Doe; Editing by John Smith")
>>> [(c.name, c.role.value, c.is_agency) for c in credits]
[('Jane Doe', 'contributed', False), ('John Smith', 'editing', False)]
>>> [c.name for c in parse_credits("(With inputs from PTI)")]
['PTI']
"""

from __future__ import annotations

import re

from ..._lexicon.agencies import agency_named
from ..._lexicon.names import NameKind, classify_name, normalise_name, split_names
from ..._model import BlockKind, Credit, CreditRole
from ..context import Context, Match
from ..source import SourceBlock

# "- AP inputs", "(With inputs from PTI)", "(AP)", "Source: Reuters", "— Reuters".
# Linear: literal alternations and one bounded name class.
_AGENCY_LINE = re.compile(
    r"(?i)^[\s(\[]{0,3}[-–—~]{0,2}\s{0,2}(?:(?:with\s{1,3})?inputs?\s{1,3}from\s{1,3}|sources?\s{0,2}:\s{0,2}|"
    r"via\s{1,3}|courtesy\s{1,3}|story\s{0,2}:\s{0,2}|agencies\s{0,2}[,/&]\s{0,2})?"
    r"(?P<name>[a-z][\w .&'’\-]{0,40}?)"
    r"(?:\s{1,3}(?:inputs?|with\s{1,3}inputs?|reports?|wire|news\s{1,3}agency|\+\s{0,2}agencies))?"
    r"[\s)\].]{0,4}(?:[-–—]{1,2}\s{0,2})?$"
)
# "X contributed to this report", "X contributed reporting".
_CONTRIBUTED = re.compile(
    r"(?i)^(?P<who>.{2,200}?)\s{1,3}(?:also\s)?contributed\s(?:to\s)?(?:this\s|the\s)?(?:report|story|article|reporting)"
)
# One part of a Reuters-style trailer: "Additional reporting by X", "Editing by Y".
_TRAILER_PART = re.compile(
    r"(?i)^\s*(?P<what>(?:additional\s|further\s)?reporting|writing|editing|compiled|compiling|edited"
    r"|graphics|research|fact[- ]checking)\s(?:by\s)?(?P<who>.{2,200})$"
)
# Where a trailer names a place after the names: "Reporting by Jane Doe in London".
_IN_PLACE = re.compile(r"\s(?:in|from)\s[A-Z].*$")
# Copyright lines naming an agency.
_COPYRIGHT = re.compile(r"(?i)^(?:copyright|©|\(c\))\s{0,2}(?:©\s?)?(?:\d{4}\s{1,3})?(?P<name>[^.,]{2,60})")
# A sign-off at the end of a paragraph: "-REUTERS", "--Reuters", "(AFP)", "— AP".
_SIGNOFF = re.compile(
    r"(?:^|(?<=[\s.!?\"”’]))(?P<raw>(?:[-–—]{1,2}\s{0,2}\(?|\()(?P<name>[A-Za-z][\w .\-]{0,30}?)\)?)\s*$"
)

# An organisation's possessive before a name: "ABC News' Cindy Galli", "Fox News’ Jane Doe".
# Linear: bounded repetition of words separated by single spaces.
_POSSESSIVE = re.compile(r"^(?:[\w.&]+ ){0,3}[\w.&]*(?:'s|’s|s'|s’) ")

_EDITING = frozenset({"writing", "editing", "edited", "compiled", "compiling"})


def parse_credits(text: str) -> tuple[Credit, ...]:
    """The credits a standalone credit line gives; ``()`` when it is not one.

    >>> parse_credits("- AP inputs")[0].name
    'AP'
    >>> parse_credits("The Associated Press contributed to this report.")[0].role.value
    'contributed'
    >>> parse_credits("He had inputs from many people")
    ()
    """
    raw = text.strip()
    if not raw or len(raw) > 300:
        return ()
    if len(raw) <= 60:
        line = _AGENCY_LINE.match(raw)
        if line is not None:
            agency = agency_named(line["name"])
            if agency is not None and not agency.photo_only:
                return (Credit(agency.name, raw, CreditRole.STORY, True),)
        copyright_line = _COPYRIGHT.match(raw)
        if copyright_line is not None:
            agency = agency_named(copyright_line["name"])
            if agency is not None:
                return (Credit(agency.name, raw, CreditRole.STORY, True),)
    contributed = _CONTRIBUTED.match(raw) if "ontribut" in raw else None
    if contributed is not None:
        return _named(contributed["who"], raw, CreditRole.CONTRIBUTED)
    if ";" in raw or raw[:1] in "ARWEFCGrwefcg":
        out: list[Credit] = []
        for part in raw.split(";"):
            found = _TRAILER_PART.match(part.strip().rstrip("."))
            if found is None:
                if part.strip():
                    return ()
                continue
            role = CreditRole.EDITING if found["what"].casefold() in _EDITING else CreditRole.CONTRIBUTED
            out.extend(_named(_IN_PLACE.sub("", found["who"]), raw, role))
        return tuple(out)
    return ()


def _named(who: str, raw: str, role: CreditRole) -> tuple[Credit, ...]:
    out = []
    for piece in split_names(who):
        agency = agency_named(piece)
        if agency is not None:
            out.append(Credit(agency.name, raw, role, True))
            continue
        if piece.casefold().startswith("the "):
            agency = agency_named(piece[4:])
            if agency is not None:
                out.append(Credit(agency.name, raw, role, True))
                continue
        name = _POSSESSIVE.sub("", piece)
        if classify_name(name) is NameKind.PERSON:
            out.append(Credit(normalise_name(name), raw, role, False))
    return tuple(out)


def signoff(text: str) -> tuple[str, str, str] | None:
    """A wire sign-off at the end of a paragraph: (paragraph without it, the sign-off, agency), or None.

    >>> signoff("Prices rose on Friday. -REUTERS")
    ('Prices rose on Friday.', '-REUTERS', 'Reuters')
    >>> signoff("He thanked the people (AFP)")
    ('He thanked the people', '(AFP)', 'AFP')
    >>> signoff("It was a 3-2 win") is None
    True
    """
    tail_start = max(0, len(text) - 45)
    match = _SIGNOFF.search(text, tail_start)
    if match is None:
        return None
    agency = agency_named(match["name"])
    if agency is None or agency.photo_only:
        return None
    head = text[: match.start("raw")].rstrip()
    if len(head.split()) < 3:
        return None
    return head, match["raw"].strip(), agency.name


# A story opening with the agency and no place: "(Reuters) — The ...". Linear.
_LEADING_AGENCY = re.compile(r"\((?P<name>[A-Za-z][\w .&\-]{0,30})\)\s{0,2}(?:--|[-–—:])\s{1,3}(?=\S)")


def leading_agency(block: SourceBlock, ctx: Context) -> Match | None:
    """The first paragraph opens with an agency in parentheses and a dash: take it off into a credit."""
    if ctx.doc.paragraph_count or ctx.doc.dateline_taken or not block.text.startswith("("):
        return None
    found = _LEADING_AGENCY.match(block.text)
    if found is None or agency_named(found["name"]) is None:
        return None
    rest = block.text[found.end():]
    raw = found.group().strip()
    return Match(f"the first paragraph opens with the agency ({found['name']})",
                 parts=((BlockKind.CREDIT, raw), (BlockKind.PARAGRAPH, rest)), reading=parse_credits(raw))


def credit_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A standalone line crediting an agency, contributors or editors."""
    if ctx.shape.words > 50:
        return None
    credits = parse_credits(block.text)
    if not credits:
        return None
    return Match("credits " + ", ".join(f"{c.name} ({c.role.value})" for c in credits), reading=credits)


def trailing_signoff(block: SourceBlock, ctx: Context) -> Match | None:
    """An agency sign-off closing the last paragraph: take it off into a credit block."""
    if not (ctx.is_last_paragraph or (ctx.in_trailer and ctx.shape.words >= 5)):
        return None
    text = block.text
    if not (text.endswith(")") or text[-1:].isalpha()):
        return None
    found = signoff(text)
    if found is None:
        return None
    head, raw, agency = found
    return Match(f"the last paragraph ends with an {agency} sign-off",
                 parts=((BlockKind.PARAGRAPH, head), (BlockKind.CREDIT, raw)), reading=parse_credits(raw))
