"""The regexes of the date scan (:mod:`copydesk._lexicon.dates`), built once from the word tables.

Every regex is built of literal alternations (month names as a prefix tree)
and *bounded* repetitions between tokens of different kinds, so a match
attempt does a bounded amount of work and a scan is linear in the length of
the line. Both core regexes open with a bare digit, so the engine skips
positions without a digit at C speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .date_words import FIXED_ZONES, MONTH_SPELLINGS, REGIONAL_ZONES, WEEKDAY_SPELLINGS


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree.

    A tree tries one branch per distinct next character instead of every
    word in turn, so a word start costs a few steps however long the list
    is; it holds only literals and optional groups (no repetition), so it
    cannot backtrack more than the length of the longest word.

    >>> _trie_pattern(["sep", "sept", "september"])
    'sep(?:t(?:ember)?)?'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and not ends_here:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if ends_here else group

    return emit(root)


_LETTER_BEFORE = r"(?<![^\W\d_])"  # not right after a letter
_NO_LETTER_AFTER = r"(?![^\W\d_])"  # not followed by a letter: whole words only
_MONTH_WORD = _trie_pattern(MONTH_SPELLINGS)
_MONTH_WORD_REVERSED = _trie_pattern(word[::-1] for word in MONTH_SPELLINGS)
_WEEKDAY_WORD = _trie_pattern(WEEKDAY_SPELLINGS)
_ORDINALS = ("st", "nd", "rd", "th", "er", "ère", "re", "º", "°", "ª")
_ORDINAL = _trie_pattern(_ORDINALS)
_ORDINAL_REVERSED = _trie_pattern(word[::-1] for word in _ORDINALS)

# The scan is built for speed: both core regexes open with a bare digit, so
# the regex engine skips every position that holds no digit at C speed (a
# lookbehind or an alternation at the start would disable that skip).
#
# Dates that open with a digit ("23/12/2016", "2016-12-23", "5th July 2015",
# "2016年12月23日"). The first digit is shared (group ``lead``); each branch is
# a named group so ``lastgroup`` says which one matched, and checks what
# stands before the lead digit with a two-character lookbehind. Between
# tokens only bounded runs of separators are allowed ({1,3}) and neighbouring
# tokens are of different kinds (digits, letters, separators), so no two
# quantifiers compete for the same text: each attempt does bounded work.
DIGIT_FIRST = re.compile(
    rf"""
    (?P<lead>[0-9])(?<![0-9][0-9])  # the first digit of a run
    (?:
        (?P<ymd>                                # 2016-12-23, 2016/12/23, 2016.12.23, ISO with T
            (?<![./+-][0-9])
            (?P<ymd_y>[0-9]{{3}})(?P<ymd_s>[-/]|\.\x20?)(?P<ymd_m>[0-9]{{1,2}})(?P=ymd_s)(?P<ymd_d>[0-9]{{1,2}})(?![0-9])
            (?:T(?P<ymd_h>[0-9]{{2}}):?(?P<ymd_mi>[0-9]{{2}})
                (?::?(?P<ymd_sec>[0-9]{{2}})(?:[.,][0-9]{{1,9}})?)?
                (?P<ymd_tz>Z|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)?
            )?
            (?![\w/]|[.,][0-9])
        )
      | (?P<cjk>                                # 2016年12月23日, 2016년 12월 23일
            (?<![0-9][0-9])(?P<cjk_y>[0-9]{{3}})\s{{0,2}}[年년]\s{{0,2}}(?P<cjk_m>[0-9]{{1,2}})\s{{0,2}}[月월]
            (?:\s{{0,2}}(?P<cjk_d>[0-9]{{1,2}})\s{{0,2}}[日일])?
        )
      | (?P<num>                                # 23/12/2016, 03.04.16, 12-23-2016
            (?<![\w./+-][0-9])
            (?P<num_a>[0-9]?)(?P<num_s>\x20?/\x20?|[.-])(?P<num_b>[0-9]{{1,2}})(?P=num_s)(?P<num_y>[0-9]{{4}}|[0-9]{{2}})
            (?![\w/-]|[.,][0-9])
        )
      | (?P<word>                               # a month name in the middle; one copy of its tree
            (?:                                 # 5th July 2015, 3. Mai 2016, 3 de mayo de 2016
                (?<![\w.:,][0-9])(?<![^\W\d_][-‑][0-9])  # not "COVID-19 March 2020"
                (?P<dmy_d>[0-9]?)(?![0-9])(?:{_ORDINAL})?\.?[\s/-]{{1,3}}(?:(?:de|of)\s{{1,3}}|d['’])?
              |                                 # 2020. június 4. (year first, as in Hungarian)
                (?<![\w./+-][0-9])(?P<ywd_y>[0-9]{{3}})\.\s{{1,2}}
            )
            (?P<word_m>{_MONTH_WORD}){_NO_LETTER_AFTER}\.?
            (?:\s{{0,2}}/\s{{0,2}}[^\W\d_]{{3,12}}{_NO_LETTER_AFTER})?  # a second name: "24 نيسان / أبريل 2020"
            (?(dmy_d)
                (?:,?[\s/.-]{{1,3}}|,)(?:(?:de|del)\s{{1,3}})?(?P<dmy_y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])
              | \s{{1,2}}(?P<ywd_d>[0-9]{{1,2}})(?![0-9])
            )
        )
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Dates that open with a month name ("December 23, 2016", "Dec. 2016",
# "diciembre de 2016") are found in the *reversed* line, where they open
# with the year's digits; each piece below is the reverse of the piece in
# reading order, in reverse order. Same bounded shape as above.
MONTH_FIRST_REVERSED = re.compile(
    rf"""
    (?P<y>[0-9](?<![0-9][0-9])[0-9]{{3}})(?![0-9])
    (?:
        (?:[\s/-]{{1,3}},?|,|\s{{0,2}}\.|\s{{1,3}}fo\s{{1,3}})   # "6102 ,32 .ceD" is "Dec. 23, 2016"
        (?:{_ORDINAL_REVERSED})?(?P<day>[0-9]{{1,2}})(?![0-9])
        (?:[\s/-]{{1,3}}\.?|\.)
      |                                         # "6102 rebmeceD" is "December 2016"
        (?:\s{{1,3}}(?:ed|led))?(?:[\s/-]{{1,3}},?|,)(?P<dot>\.)?
    )
    (?P<month>{_MONTH_WORD_REVERSED}){_NO_LETTER_AFTER}   # one copy of the month tree for both
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Zone abbreviations ("EST", "ET") and US region names ("Eastern", "Pacific
# Time"). A bare region name must not open a proper noun ("Central Park").
_ZONE_ABBREVIATION = _trie_pattern(
    sorted(name for name in {*FIXED_ZONES, *REGIONAL_ZONES} if name.isupper() and name != "Z")
)
_ZONE_NAME = _trie_pattern(sorted(name for name in REGIONAL_ZONES if " " not in name and not name.isupper()))
_ZONE_WORD = rf"{_ZONE_ABBREVIATION}|(?:{_ZONE_NAME})(?:\sTime|(?!\s[A-Z][a-z]))"

# A time of day with an optional timezone. Hours, minutes and seconds are
# fixed-width digit groups; every gap is bounded.
_TIME = rf"""
    (?:
        (?P<noon>noon|midday|midnight)
      | (?<![0-9:.,])(?P<h>[01]?[0-9]|2[0-4])
        (?:
            (?:[:.]|\s?h\s?|\s?[時时시]\s?)(?P<mi>[0-5][0-9])(?:[:.](?P<s>[0-5][0-9])(?:[.,][0-9]{{1,6}})?)?
            (?:\s?[分분])?
          | (?P<honly>\s?h){_NO_LETTER_AFTER}
        )?
        (?![0-9])
        (?:\s{{0,2}}(?:(?P<ap>[ap])\.?\s?m\b\.?|(?P<ap_ar>صباحًا|صباحا|مساءً|مساء|[صم]){_NO_LETTER_AFTER}))?
        (?:\s{{0,2}}(?P<suffix>\(?noon\)?|uhr|uur|hrs|godz\.?)\b)?
    )
    (?:\s{{0,2}}\(?
        (?-i:
            (?P<tzo>(?:GMT|UTC)\s?[+\-−]\s?[0-9]{{1,2}}(?::?[0-9]{{2}})?|[+\-−][0-9]{{2}}:?[0-9]{{2}}|Z(?![\w]))
          | (?P<tz>(?:{_ZONE_WORD})){_NO_LETTER_AFTER}
        )
    \)?)?
"""

# TimeOfDay after the date core, with an optional connector ("at", "à", "um", "|").
TIME_AFTER = re.compile(
    rf"""
    (?:\s{{0,3}}(?:[,،.|•·@/]|[-–—]|at|à|a\s(?:las|la)|alle(?:\sore)?|ore|um|às|as|om|kl\.?|klo|в|u
        |saat|pukul|o\sgodz\.?|godz\.?){_NO_LETTER_AFTER}\s{{0,3}}|\s{{1,3}})
    {_TIME}
    """,
    re.IGNORECASE | re.VERBOSE,
)

# TimeOfDay just before the date core ("3:45 p.m. ET Nov. 19, 2019"); searched in
# a short window that ends where the core starts (``\Z`` meets ``endpos``).
TIME_BEFORE = re.compile(
    rf"""
    {_TIME}
    \s{{0,3}}(?:(?:[,|•·@]|[-–—]|on|le|el|il|am|de|of|den){_NO_LETTER_AFTER})?\s{{0,3}}\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A weekday just before the date ("Sun 05 Jul 2015", "Sonntag, den 5. Juli").
WEEKDAY_BEFORE = re.compile(
    rf"""
    {_LETTER_BEFORE}(?P<wd>{_WEEKDAY_WORD}){_NO_LETTER_AFTER}\.?[,،]?\s{{0,3}}
    (?:(?:den|le|el|il|the|de)\s{{1,3}})?\Z
    """,
    re.IGNORECASE | re.VERBOSE,
)

HAS_DIGIT = re.compile(r"[0-9]").search
#: Arabic morning / evening markers after a time ("09:22 مساءً" is 21:22).
ARABIC_MERIDIEM = {"ص": "a", "صباحا": "a", "صباحًا": "a", "م": "p", "مساء": "p", "مساءً": "p"}
TIME_WINDOW = 40
WEEKDAY_WINDOW = 32

#: Years a date found in running text may have. Wider than news needs, but
#: narrow enough that "December 2500 people" is not a date.
MIN_TEXT_YEAR = 1800
MAX_TEXT_YEAR = 2199
