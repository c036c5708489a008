"""Credits: the wire agency whose copy the story is, and who contributed or edited.

Standalone lines: "- AP inputs", "(With inputs from PTI)", "(AP)",
"Source: Reuters", "Reuters contributed to this report.", "Jane Doe
contributed reporting.", "Additional reporting by X; Editing by Y",
"Copyright 2016 The Associated Press. All rights reserved."; and a sign-off
at the end of the last paragraph ("... on Friday. -REUTERS", "--Reuters",
"(AFP)"), which is taken off the paragraph into its own block. Source tags
name any outlet ("Source: X", "Via: X", "(H/T X)", "Credit to X", "The post
... appeared first on X"; a bare "Source: <URL>" credits its host name), and
an outlet's name may close the text on its own ("... in public.  Example
Tribune").

>>> credits = parse_credits("Additional reporting by Jane Doe; Editing by John Smith")
>>> [(c.name, c.role.value, c.is_agency) for c in credits]
[('Jane Doe', 'contributed', False), ('John Smith', 'editing', False)]
>>> [c.name for c in parse_credits("(With inputs from PTI)")]
['PTI']
"""

from __future__ import annotations

import re

from ..._lexicon.agencies import APPEARED_FIRST, SOURCE_TAG, agency_named
from ..._lexicon.names import NameKind, classify_name, normalise_name, split_names
from ..._model import BlockKind, Credit, CreditRole
from ..context import Context, Match
from ..source import Hint, SourceBlock

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
    tagged = parse_source_tag(raw)
    if tagged:
        return tagged
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


# A web address: its host name is the source it credits ("Source: http://www.example.com/a" -> example.com).
_URL = re.compile(r"(?i)^(?:https?://|www\.)(?:www\.)?(?P<host>[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,6})\S{0,400}$")
# Where a tag's name list divides: "Reuters and agencies", "AP, AFP".
_NAME_SEPARATOR = re.compile(r",\s|;\s|\sand\s|\sy\s|\set\s|\sund\s")
#: "From RT" names a source in a word or two; a longer "From ..." line is a sentence or a shop.
_FROM_WORDS = 2
# A date after the source's name ("Source: Defense Ministry, October 25, 2019"): not a name. Linear.
_DATE_PIECE = re.compile(r"(?i)\d{1,4}|(?:[a-zäéû]{3,9}\.?\s\d{1,2}|\d{1,2}\s[a-zäéû]{3,9}\.?)(?:,?\s\d{4})?")
#: A source named in a tag: short, no sentence inside, starting with a capital or a digit.
_MAX_SOURCE_WORDS = 7


def parse_source_tag(text: str) -> tuple[Credit, ...]:
    """The sources a tag names ("Source: X", "Via: X", "(H/T X)", "The post ... appeared first on X"), or ``()``.

    A tag that gives only a web address credits its host name (without
    ``www.``); any other name is kept as the tag writes it, except the wire
    agencies, which take their canonical name. "agencies" stands for unnamed
    agencies.

    >>> [c.name for c in parse_source_tag("Source: http://www.example-news.com/2017/01/story.html")]
    ['example-news.com']
    >>> [c.name for c in parse_source_tag("(Source: The Daily Example and agencies)")]
    ['The Daily Example', 'agencies']
    >>> [c.name for c in parse_source_tag("Via: Associated Press")]
    ['AP']
    >>> parse_source_tag("From the start, the plan failed.")
    ()
    """
    raw = text.strip()
    if len(raw) > 500:
        return ()
    appeared = APPEARED_FIRST.match(raw)
    if appeared is not None:
        names = [appeared["name"]]
    else:
        tag = SOURCE_TAG.match(raw)
        if tag is None:
            return ()
        rest = raw[tag.end():].strip().rstrip(")]").strip()
        host = _URL.match(rest)
        if host is not None:
            return (Credit(host["host"].casefold(), raw, CreditRole.STORY, False),)
        label = tag["label"].casefold()
        if label == "from" and not (tag["colon"] or len(rest.split()) <= _FROM_WORDS):
            return ()  # "From X:" introduces a report; "From the start, ..." is a sentence
        names = [n for n in _NAME_SEPARATOR.split(rest.rstrip(".:")) if _DATE_PIECE.fullmatch(n.strip()) is None]
    out = []
    for name in (n.strip(" .:") for n in names):
        if name.casefold() == "agencies":
            out.append(Credit("agencies", raw, CreditRole.STORY, True))
            continue
        if not _source_name(name):
            return ()
        agency = agency_named(name) or (agency_named(name[4:]) if name.casefold().startswith("the ") else None)
        out.append(Credit(agency.name, raw, CreditRole.STORY, True) if agency else
                   Credit(name, raw, CreditRole.STORY, False))
    return tuple(out)


def _source_name(name: str) -> bool:
    """True when ``name`` reads as the name of an outlet or a site (not a sentence or a phrase)."""
    if not 2 <= len(name) <= 80 or len(name.split()) > _MAX_SOURCE_WORDS:
        return False
    if ". " in name or name[-1] in ",;!?" or not (name[0].isupper() or name[0].isdigit()):
        return False
    # Every word is capitalised, or a short joining word ("of", "&", "for").
    return all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 or "." in w for w in name.split())


# "Associated Press writer Jane Doe": an agency's writer. Linear: one lazy bounded run, literal words.
_AGENCY_WRITER = re.compile(
    r"^(?P<org>.{2,40}?)\s(?:staff\s)?(?:writers?|reporters?|correspondents?|journalists?)\s(?P<who>\S.{1,120})$"
)


def _named(who: str, raw: str, role: CreditRole) -> tuple[Credit, ...]:
    writer = _AGENCY_WRITER.match(who.strip())
    if writer is not None:
        agency = agency_named(writer["org"])
        if agency is not None:
            return (Credit(agency.name, raw, role, True), *_named(writer["who"], raw, role))
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
    if block.hint is not Hint.NONE:
        # On a page, a source tag naming a site ("Source: example.org") is the site's own
        # furniture; only wire agencies and named contributors are credits there.
        credits = tuple(c for c in credits if c.is_agency or c.role is not CreditRole.STORY)
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


#: An outlet's name closing a flattened text is short, and more than one word unless it is an agency.
_OUTLET_WORDS = 5
_OUTLET_MIN_WORDS = 2


def trailing_outlet(block: SourceBlock, ctx: Context) -> Match | None:
    """An outlet's name closing the text after its last paragraph ("... in public.    Example Tribune")."""
    doc = ctx.doc
    if block.hint is not Hint.NONE or ctx.index == 0 or not 1 <= ctx.shape.words <= _OUTLET_WORDS:
        return None
    if not doc.shapes[ctx.index - 1].is_long_paragraph:
        return None
    name = block.text.strip()
    if not _source_name(name) or any(ch in name for ch in ".!?:,;") or SOURCE_TAG.match(name + " X") is not None:
        return None  # one name, no label ("Further Reading: X"); "Source" alone is a label whose name was lost
    if name.casefold().startswith(("courtesy", "photo", "image")):
        return None  # a photo credit
    agency = agency_named(name)
    if agency is None and (len(name.split()) < _OUTLET_MIN_WORDS or classify_name(name) is not NameKind.ORGANISATION):
        return None  # a lone word at the end is a button ("Accept"), not an outlet
    after = range(ctx.index + 1, len(doc.blocks))
    if any(not doc.is_removed(i) and not parse_credits(doc.blocks[i].text) for i in after):
        return None  # the name closes the text (removed lines and other credit lines after it aside)
    credit = (Credit(agency.name, name, CreditRole.STORY, True) if agency
              else Credit(name, name, CreditRole.STORY, False))
    return Match("an outlet's name closing the text", reading=(credit,))
