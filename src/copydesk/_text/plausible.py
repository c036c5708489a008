"""How plausible a decoded text is: the evidence for choosing among legacy 8-bit charsets.

Bytes that are not UTF-8 could be cp1252, cp1250, cp1251, KOI8-R, cp1253 and
many others: every byte decodes to *something* in each of them. The wrong
choice leaves traces a reader sees at once, and :func:`implausible_words`
counts them, word by word:

- a symbol inside a word ("powiedzia³", "¿e", "÷òî"; cp1250 Polish read as
  cp1252), or a C1 control character anywhere;
- letters of two scripts in one word ("dйclarй": cp1252 French read as
  cp1251);
- a capital after a small letter where a letter is not ASCII ("íÉÎÉÓÔÒ":
  KOI8-R read as cp1252);
- half-width katakana ("ﾎﾉﾓﾔﾒ": 8-bit text read as Shift JIS);
- a Latin word of four letters or more made mostly of accented letters
  ("õðïõñãüò": Greek read as cp1252; Western words such as "déjà" or
  "élève" have at least as many plain letters).

The checks need no word lists, so they hold for any language; a text in the
right charset scores 0 or close to it.

>>> implausible_words("Minister powiedział we wtorek, że rząd")
0
>>> implausible_words("Minister powiedzia³ we wtorek, ¿e rz¹d")
3
"""

from __future__ import annotations

import unicodedata

#: Non-letters that sit next to letters in real text: quotes, apostrophes, dashes, ellipsis, NBSP, currency,
#: degree and the Spanish opening marks (checked apart, see :func:`_word_is_odd`).
_WORD_PUNCTUATION = frozenset("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u00a0"
                              "\u20ac\u00a3\u00a5\u00b0\u00a9\u00ae\u2122\u00b7\u2022\u00b4\u2032\u2033")
_SPANISH_OPENERS = "\u00bf\u00a1"
#: Symbols and other signs that no word holds: math, currency and modifier symbols (category S*), other
#: numbers such as "³" and "¹", private-use and unassigned code points, and Latin-1 marks that are
#: punctuation by category but never sit in a word. Other punctuation (CJK "，。", Arabic "،") is fine.
_ODD_CATEGORIES = frozenset({"No", "Co", "Cn", "Cs"})
_ODD_PUNCTUATION = frozenset("\u00bf\u00a1\u00b6\u00a7\u00a6")
#: A Latin word this long or longer is odd when most of its letters are not ASCII.
_LONG_WORD = 4
#: Words looked at, at most: enough evidence, bounded cost.
MAX_WORDS = 4000


def implausible_words(text: str) -> int:
    """The number of words of ``text`` (up to :data:`MAX_WORDS` with non-ASCII characters) that look mis-decoded.

    >>> implausible_words("Le ministre a déclaré mardi: « C’est ça. »"), implausible_words("Ìèíèñòð çàÿâèë")
    (0, 2)
    """
    odd = 0
    seen = 0
    for word in text.split():
        if word.isascii():
            continue
        seen += 1
        if seen > MAX_WORDS:
            break
        odd += _word_is_odd(word)
    return odd


def _word_is_odd(word: str) -> bool:
    """True when one word shows a sign of the wrong charset (see the module docstring)."""
    core = word.strip("\"'()[]{}<>.,;:!?*-–—“”‘’«»\u00a0")
    if core[:1] in _SPANISH_OPENERS and len(core) > 1 and (core[1].isupper() or not core[1].isalpha()):
        core = core[1:]  # "¿Qué", "¡Hola": Spanish opening marks
    letters = plain = 0
    scripts: set[str] = set()
    previous_lower = has_symbol = False
    for char in core:
        if char.isascii():
            if char.isalpha():
                letters += 1
                plain += 1
                scripts.add("LATIN")
            previous_lower = char.islower()
            continue
        category = unicodedata.category(char)
        if category[0] == "L":
            letters += 1
            script = _script(char)
            if script == "HALFWIDTH" or (char.isupper() and previous_lower):
                return True  # half-width katakana; "íÉÎÉÓÔÒ"
            scripts.add(script)
            previous_lower = char.islower()
        elif category == "Cc":
            return True  # a C1 control: no text has one
        elif category[0] != "M":
            has_symbol = has_symbol or _is_symbol(char, category)
    if (letters and has_symbol) or len(scripts) > 1:
        return True  # "powiedzia³", "¿e", "÷òî"; "dйclarй"
    return "LATIN" in scripts and letters >= _LONG_WORD and plain * 2 < letters


def _is_symbol(char: str, category: str) -> bool:
    """A sign no word holds (see :data:`_ODD_CATEGORIES`)."""
    if char in _WORD_PUNCTUATION:
        return False
    return category[0] == "S" or category in _ODD_CATEGORIES or char in _ODD_PUNCTUATION


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name ("LATIN", "CYRILLIC", "GREEK", "CJK", ...).

    Scripts written together in one word count as one: Han, kana and Hangul
    ("CJK"); the ordinal indicators and the micro sign of Latin-1 ("nº", "5µm")
    are Latin.
    """
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0] if name else "UNKNOWN"
    return _SCRIPT_FAMILY.get(first, first)


_SCRIPT_FAMILY = {
    "HIRAGANA": "CJK", "KATAKANA": "CJK", "FULLWIDTH": "CJK", "IDEOGRAPHIC": "CJK",
    "HANGUL": "CJK", "MICRO": "LATIN", "FEMININE": "LATIN", "MASCULINE": "LATIN", "MODIFIER": "LATIN",
}
