"""Repair decoded text: line breaks, markup residue, mojibake (ftfy) and the residue ftfy leaves.

The stages run in this order, each a small ``str -> str`` fixer that counts
what it did (a :class:`~copydesk.Repair`):

1. ``line_breaks``: CRLF, CR, U+2028 and U+2029 become ``\\n``. Line numbers
   (:class:`~copydesk.Span`) refer to the lines of this normalised text, and
   no later stage adds or removes a ``\\n``.
2. ``control_characters``: C0 controls, DEL, terminal escape sequences and
   lone surrogates go (a vertical tab or form feed becomes a space).
3. ``spaces``, ``zero_width``, ``soft_hyphens``: NBSP and other Unicode
   spaces become a space; zero-width spaces, word joiners, BOMs and soft
   hyphens go. ZWJ and ZWNJ stay: they carry meaning in Persian, Indic
   scripts and emoji. (Run again after ftfy, which can produce an NBSP.)
4. ``html_entities`` and ``html_tags``: ``&nbsp;``, ``&amp;``, ``&#8217;``
   and stray tags of the HTML vocabulary (``<p>``, ``<br/>``, ``</a>``) in
   plain text.
5. ``mojibake``: :func:`ftfy.fix_text` on the lines that hold a character ftfy
   could act on (ASCII text and the common typographic characters are
   skipped: they cannot be mojibake), curly quotes kept, line breaks and
   character widths left alone. Then ``mojibake_fragment``: a line ftfy's
   badness check still flags is fixed word by word (a Mac Roman
   ``D√ºsseldorf`` inside a line ftfy could not re-encode as a whole).
6. residue ftfy leaves on purpose: ``c1_controls`` (read as cp1252),
   ``replacement_characters`` (U+FFFD in a contraction becomes ``’``; runs
   become one), ``stray_a_circumflex`` ("Â" before a space) and
   ``stray_letter`` (a lone Latin-1 letter opening a paragraph of text in a
   language where that letter is no word: "À President ...").
7. ``lost_apostrophes``: "don t", "I m", "Trump s wall" get their apostrophe
   back when the text shows the habit (a contraction with no other reading
   and at least two candidates).
8. ``straight_quotes``, only when curly quotes are not kept.

Every stage is idempotent, so :func:`repair_text` is too.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Callable

import ftfy
from ftfy.badness import is_bad

from .._config import RepairOptions
from .._lexicon.words import word_set
from .._model import Repair

_EXAMPLE_CONTEXT = 24
_DEFAULT_OPTIONS = RepairOptions()


def repair_text(text: str, options: RepairOptions | None = None) -> tuple[str, tuple[Repair, ...]]:
    """Repair ``text``; return the repaired text and the repairs made.

    The result has exactly as many lines as ``text`` after CRLF/CR
    normalisation. Never raises on the content of ``text``.

    >>> repair_text("itâ€™s")[0]
    'it’s'
    >>> text, repairs = repair_text("À President Bashar al-Assad's troops entered the east of the city.")
    >>> text
    "President Bashar al-Assad's troops entered the east of the city."
    >>> [(r.name, r.count) for r in repairs]
    [('stray_letter', 1)]
    >>> repair_text("À Paris, le 3 mai, le président a parlé.")[0]
    'À Paris, le 3 mai, le président a parlé.'
    >>> repair_text("Fish &amp; chips<br/>\\r\\nfor\\u00a0two")[0]
    'Fish & chips \\nfor two'
    """
    options = options or _DEFAULT_OPTIONS
    log = _Log()
    found = _interesting(text)
    lost = options.restore_apostrophes and _may_have_lost_apostrophes(text)
    if not found and not lost and (options.keep_curly_quotes or text.isascii()):
        return text, ()  # printable ASCII and typography: nothing to do, no copy
    if found & _LINE_BREAK_CHARS:
        text = _fix_line_breaks(text, log)
    if options.remove_residue and found & _CONTROL_CHARS:
        text = _remove_control_characters(text, log)
        found = _interesting(text)  # lone surrogates became U+FFFD
    # Mojibake, spaces, markup and residue, until nothing changes (at most
    # three rounds): ftfy first, because an NBSP or a soft hyphen can be part
    # of the mojibake (UTF-8 "à" read as cp1252 is "Ã" + NBSP); spaces before
    # markup, so a soft hyphen inside "&am\u00adp;" is gone before entities
    # are read; and taking out a C1 control, an entity or a stray letter can
    # leave mojibake for the next round.
    for _ in range(3):
        if options.fix_mojibake and any(ord(c) > 0x7F and c not in _FTFY_INERT_SET for c in found):
            before = text
            text = _fix_mojibake(text, log)
            if text is not before:
                found = _interesting(text)
        spaced = text
        if options.normalize_spaces and found & _SPACE_SET:
            text = _normalize_spaces(text, log)
        start = text
        if options.strip_markup and ("&" in found or "<" in found):
            text = _strip_markup(text, log)
            if text is not start:
                found = _interesting(text)
        if options.remove_residue and found & _RESIDUE_CHARS:
            text = _remove_residue(text, log)
        if text is spaced or text == spaced:
            break
        found = _interesting(text)
        if text == start and not any(ord(c) > 0x7F and c not in _FTFY_INERT_SET for c in found):
            break  # only spaces changed, and nothing is left that ftfy could act on
    if lost:
        text = _restore_apostrophes(text, log)
    if not options.keep_curly_quotes and not text.isascii():
        text = _straighten_quotes(text, log)
    return text, log.repairs()


# Everything some stage may act on: line breaks other than LF, controls, "&"
# and "<", and every non-ASCII character except the typographic ones nothing
# here changes. One negated class: linear, and one pass over the text.
_INTERESTING = re.compile("[^\t\n\x20-\x25\x27-\x3b\x3d-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026]")
_LINE_BREAK_CHARS = frozenset("\r\u2028\u2029")
_CONTROL_CHARS = frozenset(
    [chr(n) for n in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
    + [chr(n) for n in range(0xD800, 0xE000)]
)
_RESIDUE_CHARS = frozenset(
    [chr(n) for n in range(0x80, 0xA0)] + ["\ufffd"] + [chr(n) for n in range(0xC0, 0x100)]
)


def _interesting(text: str) -> frozenset[str]:
    """The characters of ``text`` that some repair stage may act on."""
    return frozenset(_INTERESTING.findall(text))


# -- bookkeeping -------------------------------------------------------------


class _Log:
    """Collects (name, count, example) for each kind of repair, in first-seen order."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._examples: dict[str, str] = {}

    def add(self, name: str, count: int, example: str) -> None:
        """Record ``count`` repairs of kind ``name``; keep the first example."""
        if count <= 0:
            return
        self._counts[name] = self._counts.get(name, 0) + count
        self._examples.setdefault(name, example)

    def repairs(self) -> tuple[Repair, ...]:
        """The repairs recorded, one per kind."""
        return tuple(Repair(name, count, self._examples[name]) for name, count in self._counts.items())


def _example(before: str, after: str) -> str:
    """A short ``before -> after`` showing where two strings first differ.

    >>> _example("the cost\\u00c2 of living", "the cost of living")
    "'the costÂ of living' -> 'the cost of living'"
    """
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    lo = max(0, start - _EXAMPLE_CONTEXT)
    return f"{before[lo:start + _EXAMPLE_CONTEXT]!r} -> {after[lo:start + _EXAMPLE_CONTEXT]!r}"


def _sub_counting(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str, name: str, log: _Log
) -> str:
    """``pattern.sub`` that logs how many matches changed the text."""
    fixed, count = pattern.subn(replacement, text)
    if count and fixed != text:
        log.add(name, count, _example(text, fixed))
        return fixed
    return text


# -- 1. line breaks ----------------------------------------------------------

# One alternation of fixed strings: linear.
_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")


def _fix_line_breaks(text: str, log: _Log) -> str:
    """CRLF, CR, U+2028 and U+2029 become ``\\n``.

    >>> _fix_line_breaks("a\\r\\nb\\rc", _Log())
    'a\\nb\\nc'
    """
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    fixed, count = _LINE_BREAK.subn("\n", text)
    log.add("line_breaks", count, "CRLF/CR -> LF")
    return fixed


def normalize_line_breaks(text: str) -> str:
    """The input as the line numbers of a :class:`~copydesk.Span` count it.

    >>> normalize_line_breaks("a\\r\\nb\\rc\\u2028d").split("\\n")
    ['a', 'b', 'c', 'd']
    """
    return _LINE_BREAK.sub("\n", text)


# -- 2. control characters ---------------------------------------------------

# ESC [ params letter: the parameter class and the final letter are disjoint,
# so the match is linear.
_TERMINAL_ESCAPE = re.compile("\x1b\\[[0-9;?]{0,40}[A-Za-z]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_CONTROL_SPACE = re.compile("[\x0b\x0c]")


def _remove_control_characters(text: str, log: _Log) -> str:
    """Drop C0 controls, DEL and terminal escapes; VT and FF become spaces; lone surrogates become U+FFFD.

    >>> _remove_control_characters("a\\x00b\\x1b[31mc\\x0cd", _Log())
    'abc d'
    """
    if not _CONTROL.search(text) and not _CONTROL_SPACE.search(text):
        return text
    before = text
    text = _TERMINAL_ESCAPE.sub("", text)
    text = _CONTROL.sub(_control_replacement, text)
    text = _CONTROL_SPACE.sub(" ", text)
    if text != before:
        log.add("control_characters", 1, _example(before, text))
    return text


def _control_replacement(match: re.Match[str]) -> str:
    """Lone surrogates become U+FFFD (they cannot be encoded); other controls go."""
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


# -- 3. markup -----------------------------------------------------------------

#: Tags of the HTML vocabulary that turn up as residue in scraped plain text.
#: Block-level tags become a space (they separated words), inline tags vanish.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|center|dd|div|dl|dt|embed|figcaption|figure|footer|"
    "form|h[1-6]|head|header|hr|html|iframe|img|input|li|link|main|meta|nav|noscript|object|ol|option|p|"
    "param|picture|pre|script|section|select|source|style|table|tbody|td|textarea|tfoot|th|thead|title|tr|"
    "ul|video|audio|button|label|wbr|o:p"
)
_INLINE_TAGS = (
    "a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var"
)
# A tag name from the lists, then attributes that contain no angle bracket or
# line break, bounded: each part is a fixed-width or negated class, so the
# match is linear. ``(?![\w:-])`` stops "<pre" matching "<prefix>".
_TAG = re.compile(
    rf"</?(?:(?P<block>{_BLOCK_TAGS})|(?P<inline>{_INLINE_TAGS}))(?![\w:-])[^<>\n]{{0,500}}>", re.IGNORECASE
)
_COMMENT = re.compile(r"<!--[^\n]{0,500}?-->")
# "&" then any chain of escaped ampersands ("&amp;amp;..."), then one entity
# with its semicolon. The chain unit and the entity body are fixed-shape, so
# backtracking is at most one unit per "&".
_ENTITY = re.compile(r"&(?:(?:amp|#0*38|#[xX]0*26);)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CP1252_C1 = {n: bytes([n]).decode("cp1252", errors="replace") for n in range(0x80, 0xA0)}


def _strip_markup(text: str, log: _Log) -> str:
    """Unescape HTML entities and remove stray tags and comments, until nothing changes (at most 3 rounds).

    >>> _strip_markup("<p>Fish &amp;amp; chips&#8217;</p> &copy; 2017", _Log())
    ' Fish & chips’  © 2017'
    """
    if "&" not in text and "<" not in text:
        return text
    for _ in range(3):
        before = text
        if "<" in text:
            text = _sub_counting(_COMMENT, "", text, "html_tags", log)
            text = _sub_counting(_TAG, _tag_replacement, text, "html_tags", log)
        if "&" in text:
            text = _sub_counting(_ENTITY, _entity_replacement, text, "html_entities", log)
        if text == before:
            break
    return text


def _tag_replacement(match: re.Match[str]) -> str:
    """A block-level tag separated words: a space; an inline tag: nothing."""
    return " " if match.group("block") else ""


def _entity_replacement(match: re.Match[str]) -> str:
    """The character an entity stands for; line breaks and controls become a space or nothing."""
    body = match.group(1)
    if body[0] == "#":
        try:
            number = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        except ValueError:  # pragma: no cover - the regex admits digits only
            return match.group()
        if 0x80 <= number < 0xA0:  # browsers read these as cp1252 (&#146; is ’)
            value = _CP1252_C1[number]
        elif number > 0x10FFFF or 0xD800 <= number <= 0xDFFF or number == 0:
            value = "\ufffd"
        else:
            value = chr(number)
    else:
        found = html.entities.html5.get(body + ";")
        if found is None:
            return match.group()
        value = found
    if value in ("\n", "\r", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\x85"):
        return " "
    if len(value) == 1 and (value < " " or value == "\x7f"):
        return ""
    return value


# -- 4. mojibake ---------------------------------------------------------------

#: Characters ftfy can never act on: ASCII (controls were removed above) and
#: the typographic characters of English news (curly quotes, dashes, the
#: ellipsis, NBSP). In every code page ftfy tries, none of these is both a
#: UTF-8 lead byte and a continuation byte with another of them, so text made
#: of them cannot be UTF-8 mojibake; they are also NFC already.
_FTFY_INERT = "\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"
_NEEDS_FTFY = re.compile(f"[^{_FTFY_INERT}]")
# Spaces and zero-width characters cannot be mojibake (no code page ftfy
# tries holds them), except the soft hyphen; they do not call for ftfy.
_FTFY_INERT_SET = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
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


def _fix_mojibake(text: str, log: _Log) -> str:
    """Run ftfy on the lines that hold a character ftfy could act on; then fix still-bad words.

    Few such lines: one ftfy call per line. Many: one call for the whole
    text (ftfy leaves the other lines as they are, and works line by line
    anyway), which saves the per-call cost.

    >>> _fix_mojibake("plain line\\nitâ€™s\\nin D\\u221a\\u00basseldorf \\u2022 \\u00a5", _Log())
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
    example = fragment_example = ""
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
            example = example or _example(line, fixed)
            fixed = _ftfy_until_stable(fixed)
        if is_bad(fixed):
            refixed = _WORD.sub(_fix_bad_word, fixed)
            if refixed != fixed:
                fragments += 1
                fragment_example = fragment_example or _example(fixed, refixed)
                fixed = refixed
        lines[number] = fixed
    log.add("mojibake", changed, example)
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
    fixed = ftfy.fix_encoding(word)
    return word if ("\n" in fixed or not fixed.strip()) else fixed


# -- 5. spaces -----------------------------------------------------------------

_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u180e"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SOFT_HYPHEN = re.compile("\u00ad")
_SPACE_TABLE = {ord(c): " " for c in _SPACE_CHARS} | {ord(c): None for c in _ZERO_WIDTH_CHARS + "\u00ad"}
_ANY_SPACE = re.compile(f"[{_SPACE_CHARS}{_ZERO_WIDTH_CHARS}\u00ad]")
_SPACE_SET = frozenset(_SPACE_CHARS + _ZERO_WIDTH_CHARS + "\u00ad")


def _normalize_spaces(text: str, log: _Log) -> str:
    """NBSP and other Unicode spaces become a space; zero-width characters and soft hyphens go.

    >>> _normalize_spaces("a\\u00a0b\\u200bc\\u00add", _Log())
    'a bcd'
    """
    if not _ANY_SPACE.search(text):
        return text
    for pattern, name in ((_SPACES, "spaces"), (_ZERO_WIDTH, "zero_width"), (_SOFT_HYPHEN, "soft_hyphens")):
        found = pattern.search(text)
        if found:
            count = len(pattern.findall(text))
            start = max(0, found.start() - _EXAMPLE_CONTEXT)
            snippet = text[start:found.end() + _EXAMPLE_CONTEXT]
            log.add(name, count, _example(snippet, snippet.translate(_SPACE_TABLE)))
    return text.translate(_SPACE_TABLE)


# -- 6. residue ftfy leaves on purpose -------------------------------------------

_C1 = re.compile("[\x80-\x9f]")
# A replacement character standing for an apostrophe: between a letter and a
# contraction ending ("Trump\ufffd\ufffds", "don\ufffdt"). Bounded run, fixed suffixes.
_FFFD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\ufffd{1,3}(?=(?:s|t|d|m|ll|re|ve)\b)")
_FFFD_RUN = re.compile("\ufffd{2,}")
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


def _remove_residue(text: str, log: _Log) -> str:
    """Fix what ftfy leaves on purpose: C1 controls, U+FFFD runs, a stray "Â", a stray lone letter.

    >>> _remove_residue("don\\u0092t stop\\u00c2 the \\ufffd\\ufffd end", _Log())
    'don’t stop the \\ufffd end'
    """
    if _C1.search(text):
        text = _sub_counting(_C1, _c1_replacement, text, "c1_controls", log)
    if "\ufffd" in text:
        text = _sub_counting(_FFFD_APOSTROPHE, "\u2019", text, "replacement_characters", log)
        text = _sub_counting(_FFFD_RUN, "\ufffd", text, "replacement_characters", log)
    if "\u00c2" in text:
        text = _sub_counting(_STRAY_A_CIRCUMFLEX, "", text, "stray_a_circumflex", log)
    if _LONE_LETTER.search(text):
        text = _remove_lone_letters(text, log)
    return text


def _c1_replacement(match: re.Match[str]) -> str:
    """A C1 control read as the cp1252 byte of the same number; the undefined five go."""
    value = _CP1252_C1[ord(match.group())]
    return "" if value == "\ufffd" else value


def _remove_lone_letters(text: str, log: _Log) -> str:
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

    return _sub_counting(_LONE_LETTER, replace, text, "stray_letter", log)


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


# -- 7. apostrophes a scraper dropped ---------------------------------------------

# A one- or two-letter contraction ending standing alone after a word: the
# place an apostrophe became a space ("don t", "I m", "they re", "Trump s
# wall"). A fixed look-behind, a short alternation and a word boundary: linear.
_APOSTROPHE_GAP = re.compile(r"(?<=[A-Za-z]) (t|m|re|ll|ve|d|s)\b")
_QUICK_GAP = re.compile(r" (?:t|m|re|ll|ve) ")  # the strong endings, as a fast first test
_NEGATED = word_set("don doesn didn can isn wasn aren weren hasn haven hadn won couldn wouldn shouldn ain mustn needn")
_PRONOUN_ENDINGS = {
    "m": frozenset({"i"}),
    "re": frozenset({"you", "we", "they", "who"}),
    "ll": frozenset({"i", "you", "we", "they", "he", "she", "it", "that", "there", "who"}),
    "ve": frozenset({"i", "you", "we", "they", "who"}),
    "d": frozenset({"i", "you", "we", "they", "he", "she", "it", "that", "there", "who"}),
}


def _may_have_lost_apostrophes(text: str) -> bool:
    """A quick test for the strong pieces a lost apostrophe leaves (" t ", " m ", " re ", ...)."""
    return _QUICK_GAP.search(text) is not None


def _restore_apostrophes(text: str, log: _Log) -> str:
    """Put back apostrophes a scraper turned into spaces, when the text shows the habit.

    The evidence is the whole text: at least one contraction with no other
    reading ("don t", "I m", "they re") and two candidates in all; a lone
    " s " (the letter s) is never enough. A possessive "s" counts only before
    a lower-case word ("Trump s wall").

    >>> _restore_apostrophes("I don t know why Trump s wall costs so much.", _Log())
    'I don’t know why Trump’s wall costs so much.'
    >>> _restore_apostrophes("The letter s is silent and the s sound too.", _Log())
    'The letter s is silent and the s sound too.'
    """
    gaps: list[int] = []
    strong = 0
    for match in _APOSTROPHE_GAP.finditer(text):
        start = match.start()
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:start].lower()
        ending = match.group(1)
        if ending == "s":
            after = match.end()
            if not (text[after:after + 1] == " " and text[after + 1:after + 2].islower()):
                continue
        elif ending == "t":
            if word not in _NEGATED:
                continue
            strong += 1
        elif word in _PRONOUN_ENDINGS[ending]:
            strong += 1
        else:
            continue
        gaps.append(start)
    if strong < 1 or len(gaps) < 2:
        return text
    apostrophe = "'" if text.count("'") > text.count("\u2019") else "\u2019"
    pieces: list[str] = []
    previous = 0
    for gap in gaps:
        pieces.append(text[previous:gap])
        pieces.append(apostrophe)
        previous = gap + 1
    pieces.append(text[previous:])
    fixed = "".join(pieces)
    log.add("lost_apostrophes", len(gaps), _example(text, fixed))
    return fixed


# -- 8. quotes -------------------------------------------------------------------

_QUOTE_TABLE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_CURLY = re.compile("[\u2018-\u201f]")


def _straighten_quotes(text: str, log: _Log) -> str:
    """Curly quotes become straight ones (only when the options ask for it).

    >>> _straighten_quotes("it\\u2019s \\u201cso\\u201d", _Log())
    'it\\'s "so"'
    """
    return _sub_counting(_CURLY, lambda m: m.group().translate(_QUOTE_TABLE), text, "straight_quotes", log)
