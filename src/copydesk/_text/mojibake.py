"""Mojibake and the residue ftfy leaves on purpose (stages 5 and 6 of :func:`~copydesk._text.repair.repair_text`).

ftfy repairs the mojibake of whole lines; what it leaves on purpose is
handled here: C1 controls (read as cp1252), U+FFFD runs, the U+FFFD that
stood for an apostrophe and the lone one that stood for a quote mark or a dash
(removed), a stray "Â" before a space, and a lone Latin-1
letter opening a paragraph in a language where that letter is no word
("À President ...").

>>> remove_residue("don\u0092t stop\u00c2 the \ufffd\ufffd end", RepairLog())
'don’t stop the \ufffd end'
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

from .._lexicon.words import word_set
from .repair_log import RepairLog, example, sub_counting

# -- 4. mojibake ---------------------------------------------------------------

#: Characters ftfy can never act on: ASCII (controls were removed above) and
#: the typographic characters of English news (curly quotes, dashes, the
#: ellipsis, NBSP). In every code page ftfy tries, none of these is both a
#: UTF-8 lead byte and a continuation byte with another of them, so text made
#: of them cannot be UTF-8 mojibake; they are also NFC already.
FTFY_INERT = "\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"
_NEEDS_FTFY = re.compile(f"[^{FTFY_INERT}]")
# Spaces and zero-width characters cannot be mojibake (no code page ftfy
# tries holds them), except the soft hyphen; they do not call for ftfy.
FTFY_INERT_SET = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
                            "\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u200b\u2060\ufeff\u180e")
_FTFY_OPTIONS = {
    "uncurl_quotes": False,
    "fix_line_breaks": False,
    "unescape_html": False,
    "fix_character_width": False,  # fullwidth punctuation is standard in CJK text
    "explain": False,
}
# A "word" for the second, finer pass: a run of non-space characters.
_WORD = re.compile(r"\S+")


def fix_mojibake(text: str, log: RepairLog) -> str:
    """Run ftfy on the lines that hold a character ftfy could act on; then fix still-bad words.

    Few such lines: one ftfy call per line. Many: one call for the whole
    text (ftfy leaves the other lines as they are, and works line by line
    anyway), which saves the per-call cost.

    >>> fix_mojibake("plain line\\nitâ€™s\\nin D\\u221a\\u00basseldorf \\u2022 \\u00a5", RepairLog())
    'plain line\\nit’s\\nin Düsseldorf • ¥'
    """
    lines = text.split("\n")
    need = [number for number, line in enumerate(lines) if _NEEDS_FTFY.search(line)]
    if not need:
        return text
    fixed_lines: list[str] | None = None
    if len(need) > _WHOLE_TEXT_LINES:
        whole = ftfy.fix_text(text, **_FTFY_OPTIONS)  # type: ignore[arg-type]
        if whole.count("\n") == len(lines) - 1:
            fixed_lines = whole.split("\n")
    changed = fragments = 0
    shown = fragment_example = ""
    for number in need:
        line = lines[number]
        if fixed_lines is not None:
            fixed = fixed_lines[number]
        else:
            fixed = ftfy.fix_text(line, **_FTFY_OPTIONS)  # type: ignore[arg-type]
            if "\n" in fixed:  # never change the line count
                fixed = fixed.replace("\n", " ")
        if fixed != line:
            changed += 1
            shown = shown or example(line, fixed)
            fixed = _ftfy_until_stable(fixed)
        if is_bad(fixed):
            refixed = _WORD.sub(_fix_bad_word, fixed)
            if refixed != fixed:
                fragments += 1
                fragment_example = fragment_example or example(fixed, refixed)
                fixed = refixed
        lines[number] = fixed
    log.add("mojibake", changed, shown)
    log.add("mojibake_fragment", fragments, fragment_example)
    return "\n".join(lines) if changed or fragments else text


def _ftfy_until_stable(line: str) -> str:
    """ftfy again on a line it changed, until it stops changing it (ftfy is not always idempotent).

    >>> _ftfy_until_stable("\\u00c2\\u20ac")
    '€'
    """
    for _ in range(3):
        again = ftfy.fix_text(line, **_FTFY_OPTIONS)  # type: ignore[arg-type]
        if again == line or "\n" in again:
            break
        line = again
    return line


#: Above this many lines that need ftfy, one call for the whole text is cheaper.
_WHOLE_TEXT_LINES = 32


def _fix_bad_word(match: re.Match[str]) -> str:
    """ftfy's encoding fix on one word that its badness check flags."""
    word = match.group()
    if not is_bad(word):
        return word
    fixed: str = ftfy.fix_encoding(word)
    return word if ("\n" in fixed or not fixed.strip()) else fixed


# -- 6. residue ftfy leaves on purpose -------------------------------------------

_C1 = re.compile("[\x80-\x9f]")
#: What each C1 control stands for when read as the cp1252 byte of the same number (U+FFFD: undefined there).
CP1252_C1 = {n: bytes([n]).decode("cp1252", errors="replace") for n in range(0x80, 0xA0)}
# A replacement character standing for an apostrophe: between a letter and a
# contraction ending ("Trump\ufffd\ufffds", "don\ufffdt"). Bounded run, fixed suffixes.
_FFFD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\ufffd{1,3}(?=(?:s|t|d|m|ll|re|ve)\b)")
_FFFD_RUN = re.compile("\ufffd{2,}")
# A lone replacement character where a quote mark or a dash was: opening a word after a
# space or a line start ("said \ufffdwe"), closing one before a space or punctuation
# ("rebuild\ufffd on"), or standing between spaces ("fine \ufffd really"). Between two
# letters it stood for a letter and stays. Single characters with lookarounds: linear.
_FFFD_PUNCTUATION = re.compile(
    r"(?:(?<=\s)|^)\ufffd(?=[^\W_])|(?<=[^\W_])\ufffd(?=[\s.,;:!?)\]]|$)|(?<=\s)\ufffd(?=\s)", re.MULTILINE
)
# "Â" directly before a space or the end of a line: what is left of a UTF-8 NBSP
# read as cp1252 once the NBSP itself became a space. One character, one look-ahead.
_STRAY_A_CIRCUMFLEX = re.compile("\u00c2(?=[ \t]|$)", re.MULTILINE)
# At a line start: optional spaces, one Latin-1 letter (À-ÿ without × and ÷)
# standing alone, spaces, then a word, a quote or a digit. Every part is a
# single class with a bounded repeat, so the match is linear.
_LONE_LETTER = re.compile(
    "^([ \t]{0,8})([\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff])[ \t]{1,8}(?=[^\\W_]|[\u201c\u2018\"'(])",
    re.MULTILINE,
)


def remove_residue(text: str, log: RepairLog) -> str:
    """Fix what ftfy leaves on purpose: C1 controls, U+FFFD runs, a stray "Â", a stray lone letter.

    >>> remove_residue("don\\u0092t stop\\u00c2 the \\ufffd\\ufffd end", RepairLog())
    'don’t stop the \\ufffd end'
    """
    if _C1.search(text):
        text = sub_counting(_C1, _c1_replacement, text, "c1_controls", log)
    if "\ufffd" in text:
        text = sub_counting(_FFFD_APOSTROPHE, "\u2019", text, "replacement_characters", log)
        text = sub_counting(_FFFD_PUNCTUATION, "", text, "replacement_characters", log)
        text = sub_counting(_FFFD_RUN, "\ufffd", text, "replacement_characters", log)
    if "\u00c2" in text:
        text = sub_counting(_STRAY_A_CIRCUMFLEX, "", text, "stray_a_circumflex", log)
    if _LONE_LETTER.search(text):
        text = _remove_lone_letters(text, log)
    return text


def _c1_replacement(match: re.Match[str]) -> str:
    """A C1 control read as the cp1252 byte of the same number; the undefined five go."""
    value = CP1252_C1[ord(match.group())]
    return "" if value == "\ufffd" else value


def _remove_lone_letters(text: str, log: RepairLog) -> str:
    """Drop a lone Latin-1 letter opening a line when the text's language has no such word.

    See :func:`_is_stray_letter` for the evidence.
    """
    state: dict[str, object] = {}

    def replace(match: re.Match[str]) -> str:
        line_end = text.find("\n", match.end())
        rest = text[match.end():line_end if line_end >= 0 else len(text)]
        if _is_stray_letter(match.group(2), rest, text, state):
            return match.group(1)
        return match.group()

    return sub_counting(_LONE_LETTER, replace, text, "stray_letter", log)


def _is_stray_letter(letter: str, rest: str, text: str, state: dict[str, object]) -> bool:
    """Decide, with evidence, whether ``letter`` standing alone before ``rest`` is residue.

    - In a paragraph written in another script (Greek, Cyrillic, Arabic,
      CJK, ...), a lone Latin letter is residue.
    - In Latin script, residue stands before the paragraph's capitalised
      first word: before a lower-case word the letter is kept ("À la carte").
    - If the text uses the letter as a word elsewhere (not opening a line),
      it is a word: kept.
    - Otherwise the function words of the paragraph (of the whole text when
      the paragraph has few) say which language it is in; the letter is
      residue unless that language writes it as a word (French, Portuguese
      and Catalan "à", Italian "è", Portuguese "é", ...). With no evidence at
      all, the letter is kept.

    >>> _is_stray_letter("À", "President Assad's troops said that they had entered the city", "", {})
    True
    >>> _is_stray_letter("À", "Paris, le 3 mai", "", {})
    False
    >>> _is_stray_letter("À", "Las tropas entraron en la ciudad por la noche", "", {})
    True
    >>> _is_stray_letter("À", "Войска вошли в город", "", {})
    True
    """
    letters = _LETTERS.findall(rest)
    total = sum(len(word) for word in letters)
    latin = sum(1 for word in letters for char in word if char < "\u0250" or "\u1e00" <= char <= "\u1eff")
    if total >= 5 and latin < 0.4 * total:
        return True
    if rest[:1].islower():
        return False  # residue stands before a paragraph's capitalised first word ("À la carte" is French)
    lower = letter.lower()
    if "used" not in state:
        state["used"] = {m.group(1).lower() for m in _LETTER_AS_WORD.finditer(text)}
    used = state["used"]
    if isinstance(used, set) and lower in used:
        return False
    scores = _language_scores(rest)
    if sum(scores.values()) < 3:
        if "document" not in state:
            state["document"] = _language_scores(text[:20000])
        document = state["document"]
        if isinstance(document, dict):
            for language, count in document.items():
                scores[language] = scores.get(language, 0) + count
    if not scores:
        return False
    best = max(scores.values())
    leaders = {language for language, count in scores.items() if count == best}
    return best >= 2 and not leaders & _LETTER_IS_A_WORD_IN.get(lower, frozenset())


# A Latin-1 letter standing alone inside a line (after a non-space): a word of
# the text's language ("habla à", "va à Paris"). Fixed-width look-arounds.
_LETTER_AS_WORD = re.compile("(?<=\\S )([\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff])(?= )")

#: Languages in which a lone accented letter is a word.
_LETTER_IS_A_WORD_IN: dict[str, frozenset[str]] = {
    "à": frozenset({"fr", "pt", "ca", "it"}),
    "è": frozenset({"it"}),
    "é": frozenset({"pt"}),
    "ó": frozenset({"es", "pt"}),
    "ò": frozenset({"ca"}),
    "å": frozenset({"sv"}),
    "ö": frozenset({"sv"}),
}


#: Function words: frequent, short, and telling of a language (shared ones count for each).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the of and to was were that for with his her she he they we you our it its their from has have had "
        "are been this which not but who said will would after into about than there what when by be"
    ),
    "fr": word_set("le la les des du et est une dans pour sur qui que avec pas par il elle ce cette sont été au aux"),
    "pt": word_set("os da do dos das em não com para uma um que se ao ou mais como foi pelo pela"),
    "es": word_set("el los las del y por con para una es al se lo como más pero fue que la"),
    "it": word_set("il gli della delle di che per con è sono nel non una alla anche del lo la"),
    "ca": word_set("els amb per del una als és les la"),
    "de": word_set("der die das und ist mit von zu den dem nicht ein eine auf im sich"),
    "nl": word_set("het een van en zijn dat niet op met voor"),
    "sv": word_set("och att det som är på för med till av"),
    "vi": word_set("và của các là trong được có không người cho với đã những này"),
}
_LETTERS = re.compile(r"[^\W\d_]+")


def _language_scores(text: str) -> dict[str, int]:
    """Count the function words of each language in ``text``.

    >>> _language_scores("The army said it had returned security to the city")
    {'en': 6}
    >>> _language_scores("À Paris, le 3 mai, le président a parlé")
    {'fr': 2}
    """
    scores: dict[str, int] = {}
    for word in _LETTERS.findall(text.lower()):
        for language, words in _FUNCTION_WORDS.items():
            if word in words:
                scores[language] = scores.get(language, 0) + 1
    return scores
