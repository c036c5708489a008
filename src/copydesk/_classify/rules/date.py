"""Date lines: a line that is a publication or update time and (almost) nothing else.

"23/12/2016 14:08", "Published: December 23, 2016 2:08 PM EST",
"Updated: Sun 05 Jul 2015". The times are read by ``copydesk._lexicon.dates``; a
line whose date is labelled "Updated" / "Last updated" / "Mis à jour" ... gives the updated
time, any other the published time; a line with both ("Published: ... |
Updated: ...") gives both. Dates inside bylines are read by the
byline rule. Nothing is invented: a line whose date cannot be read is not a
date line.

>>> from copydesk import parse_text
>>> parse_text("Title\\n\\nPublished: 2016-12-23\\n\\nBody.").published.isoformat()
'2016-12-23'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..._config import ParseConfig
from ..._lexicon.agencies import agency_named
from ..._lexicon.date_words import UPDATE_WORDS, labels_update, labels_update_after
from ..._lexicon.dates import find_timestamp
from ..._model import BlockKind, TimeSource, Timestamp
from ..context import Context, Match
from ..source import Hint, SourceBlock

# Label words that may surround a date on a date line ("Published on", "|").
# Linear: an alternation of literals inside one bounded repetition.
_LABELS = re.compile(
    r"(?i)\b(?:published|posted|updated|last|modified|created|date|dated|originally|first|on|at|am|pm|a\.m\.|p\.m\.|"
    r"publi[ée]|mis à jour|le|el|am|um|uhr|ver[öo]ffentlicht|aktualisiert|actualizado|publicado|pubblicato|"
    r"aggiornato|atualizado|time|updated at|utc|gmt|ist|edt|est|cst|pdt|pst|bst|cet|cest)\b"
)

_DIGIT = re.compile(r"\d")
# A one-word section label before the date ("Sports:", "Deportes:"). Anchored, bounded: linear.
_SECTION = re.compile(r"^\s{0,3}[^\W\d_]{2,20}\s{0,2}:\s{0,3}")
#: Letters a date line may hold besides its date and label words ("on", a time zone).
_LABEL_LETTERS = 3
# A date opening the first paragraph: "(2015-09-25) — The speaker ...". Bounded: linear.
_LEADING_DATE = re.compile(r"^\(?(?P<date>[^()\n]{6,40}?)\)?\s{0,2}(?:--|[-–—])\s{1,3}(?=[\"“‘A-Z])")
_WORDS = re.compile(r"[^\W\d_]+")  # runs of letters: one class, linear
_CLOCK = re.compile(r"\d:\d\d")
#: Words of a date line: two dates with their times and labels ("Updated: Nov. 20, 2019, 10:15 a.m. |
#: Published: Nov. 19, 2019, 6:00 p.m." is 16); date_line_time then checks what the words are.
_MAX_DATE_LINE_WORDS = 20



class FoundDate(NamedTuple):
    """A time found in a line, with its character offsets."""

    timestamp: Timestamp
    start: int
    end: int


def find_date(text: str, config: ParseConfig) -> FoundDate | None:
    """The first time in ``text`` with its character offsets, or None.

    >>> from copydesk import ParseConfig
    >>> find_date("23/12/2016 14:08 by admin", ParseConfig())[1:]
    (0, 16)
    """
    if _DIGIT.search(text) is None:
        return None
    found = find_timestamp(text, source=TimeSource.TEXT, day_first=config.dates.day_first)
    if found is None:
        return None
    return FoundDate(found.timestamp, found.start, found.end)


def is_updated(text: str, start: int | None = None, end: int | None = None) -> bool:
    """True when the date at ``text[start:end]`` is labelled as the update time, not the publication.

    The label is an update word ("Updated", "Mis à jour", "Aktualisiert", ... in
    :data:`~copydesk._lexicon.date_words.UPDATE_WORDS`) among the words before
    the date, or alone after it ("5 May 2017 (updated)"). Without ``start``,
    ``text`` is a label line without a date ("Updated:").

    >>> is_updated("Last updated: 5 May 2017", 14, 24), is_updated("Published 5 May 2017", 10, 20)
    (True, False)
    >>> is_updated("5 May 2017 (updated)", 0, 10), is_updated("Updated")
    (True, True)
    """
    if start is None:
        return labels_update(text)
    return labels_update(text[:start]) or (end is not None and labels_update_after(text[end:]))


def date_line_time(text: str, config: ParseConfig) -> FoundDate | None:
    """The time of ``text`` when ``text`` is a date and label words only, else None.

    >>> from copydesk import ParseConfig
    >>> date_line_time("Updated: December 23, 2016 2:08 PM EST", ParseConfig()).timestamp.isoformat()
    '2016-12-23T14:08-05:00'
    >>> date_line_time("He left on December 23, 2016 for good.", ParseConfig()) is None
    True
    """
    if len(text) > 100:
        return None
    found = find_date(text, config)
    if found is None:
        return None
    before = _SECTION.sub("", text[:found.start], count=1)  # "Deportes: Martes 3 de mayo ..."
    rest = before + " " + text[found.end:]
    second = find_date(rest, config)
    if second is not None and any(word.casefold() in UPDATE_WORDS for word in _WORDS.findall(text)):
        # "Published: 4 May 2017 | Updated: 5 May 2017" (two bare dates are a range, not a date line)
        rest = rest[:second.start] + " " + rest[second.end:]
    words = _WORDS.findall(_LABELS.sub(" ", rest))
    letters = sum(len(word) for word in words if word.casefold() not in UPDATE_WORDS)
    return found if letters <= _LABEL_LETTERS else None


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a time element."""
    if block.hint is Hint.TIME and (_DIGIT.search(block.text) is not None or agency_named(block.text) is None):
        # (An agency's name in a date element is a credit; the credit rule takes it.)
        return Match("marked as a time element", reading=find_date(block.text, ctx.config))
    if block.hint is Hint.DATELINE:
        found = date_line_time(block.text, ctx.config)
        if found is not None or _CLOCK.search(block.text):
            return Match("marked as the dateline but holds a time", reading=found or find_date(block.text, ctx.config))
    return None


def date_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A line in the header or trailer that is a date and label words only."""
    if ctx.shape.words > _MAX_DATE_LINE_WORDS or not (ctx.in_header or ctx.in_trailer):
        return None
    found = date_line_time(block.text, ctx.config)
    if found is not None:
        if is_updated(block.text, found.start, found.end):
            return Match("an update time and label words only", reading=found)
        return Match("a date and label words only", reading=found)
    return None


def leading_date(block: SourceBlock, ctx: Context) -> Match | None:
    """A date stamp opening the first paragraph ("(2015-09-25) — The speaker ..."): split it off."""
    if ctx.doc.paragraph_count or ctx.doc.dateline_taken or block.hint is not Hint.NONE:
        return None
    found = _LEADING_DATE.match(block.text)
    if found is None:
        return None
    stamp = date_line_time(found["date"], ctx.config)
    if stamp is None:
        return None
    rest = block.text[found.end():]
    return Match("a date stamp opens the first paragraph",
                 parts=((BlockKind.DATE, found.group().strip()), (BlockKind.PARAGRAPH, rest)), reading=stamp)
