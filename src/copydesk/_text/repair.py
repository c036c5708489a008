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
   ``replacement_characters`` (U+FFFD in a contraction becomes ``’``; a lone
   one where a quote mark or a dash was is removed; runs become one), ``stray_a_circumflex`` ("Â" before a space) and
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

from .._config import RepairOptions
from .._model import Repair
from .apostrophes import may_have_lost_apostrophes, restore_apostrophes
from .mojibake import CP1252_C1, FTFY_INERT_SET, fix_mojibake, remove_residue
from .repair_log import EXAMPLE_CONTEXT, RepairLog, example, sub_counting


def repair_text(text: str, options: RepairOptions) -> tuple[str, tuple[Repair, ...]]:
    """Repair ``text``; return the repaired text and the repairs made.

    The result has exactly as many lines as ``text`` after CRLF/CR
    normalisation. Never raises on the content of ``text``.

    >>> repair_text("itâ€™s", RepairOptions())[0]
    'it’s'
    >>> text, repairs = repair_text(
    ...     "À President Bashar al-Assad's troops entered the east of the city.", RepairOptions())
    >>> text
    "President Bashar al-Assad's troops entered the east of the city."
    >>> [(r.name, r.count) for r in repairs]
    [('stray_letter', 1)]
    >>> repair_text("À Paris, le 3 mai, le président a parlé.", RepairOptions())[0]
    'À Paris, le 3 mai, le président a parlé.'
    >>> repair_text("Fish &amp; chips<br/>\\r\\nfor\\u00a0two", RepairOptions())[0]
    'Fish & chips \\nfor two'
    """

    log = RepairLog()
    found = _interesting(text)
    lost = options.restore_apostrophes and may_have_lost_apostrophes(text)
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
        if options.fix_mojibake and any(ord(c) > 0x7F and c not in FTFY_INERT_SET for c in found):
            before = text
            text = fix_mojibake(text, log)
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
            text = remove_residue(text, log)
        if text is spaced or text == spaced:
            break
        found = _interesting(text)
        if text == start and not any(ord(c) > 0x7F and c not in FTFY_INERT_SET for c in found):
            break  # only spaces changed, and nothing is left that ftfy could act on
    if lost:
        text = restore_apostrophes(text, log)
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


# -- 1. line breaks ----------------------------------------------------------

# One alternation of fixed strings: linear.
_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")


def _fix_line_breaks(text: str, log: RepairLog) -> str:
    """CRLF, CR, U+2028 and U+2029 become ``\\n``.

    >>> _fix_line_breaks("a\\r\\nb\\rc", RepairLog())
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
# A run of C0 controls (tab, line feed and carriage return aside) and DEL, or
# one lone surrogate. Single classes with a plain repeat: linear.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+|[\ud800-\udfff]")


def clean_control_characters(text: str) -> str:
    """Controls out of ``text``: the one cleaner both front ends use.

    Terminal escape sequences go. A run of C0 controls or DEL between two
    visible characters becomes a space, so that it never glues two words
    ("Storm\\x00hits" -> "Storm hits"); beside a space or a line end it goes.
    A lone surrogate (which no encoding can write) becomes U+FFFD.

    >>> clean_control_characters("Storm\\x00hits the\\x1b[31m coast\\x0c\\nnow\\x07")
    'Storm hits the coast\\nnow'
    """
    if not _may_hold_controls(text):
        return text
    text = _TERMINAL_ESCAPE.sub("", text)
    return _CONTROL.sub(_control_replacement, text)


#: The controls :data:`_CONTROL` matches, for a fast first look (``in`` on a string scans in C).
_CONTROL_SCAN = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))


def _may_hold_controls(text: str) -> bool:
    """Whether ``text`` may hold a control or a lone surrogate: a quick scan before the regex.

    A page is mostly free of both; 30 substring scans and one encode run at C
    speed, several times faster than the regex over the whole text.

    >>> _may_hold_controls("plain text\\n"), _may_hold_controls("a\\x00b"), _may_hold_controls("a\\ud800")
    (False, True, True)
    """
    if any(char in text for char in _CONTROL_SCAN):
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return False


def _control_replacement(match: re.Match[str]) -> str:
    """U+FFFD for a lone surrogate; a space for controls between two visible characters; else nothing."""
    found = match.group()
    if "\ud800" <= found[0] <= "\udfff":
        return "\ufffd"
    text, start, end = match.string, match.start(), match.end()
    if start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace():
        return " "
    return ""


def _remove_control_characters(text: str, log: RepairLog) -> str:
    """:func:`clean_control_characters`, logged as the ``control_characters`` repair."""
    cleaned = clean_control_characters(text)
    if cleaned != text:
        log.add("control_characters", 1, example(text, cleaned))
    return cleaned


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


def _strip_markup(text: str, log: RepairLog) -> str:
    """Unescape HTML entities and remove stray tags and comments, until nothing changes (at most 3 rounds).

    >>> _strip_markup("<p>Fish &amp;amp; chips&#8217;</p> &copy; 2017", RepairLog())
    ' Fish & chips’  © 2017'
    """
    if "&" not in text and "<" not in text:
        return text
    for _ in range(3):
        before = text
        if "<" in text:
            text = sub_counting(_COMMENT, "", text, "html_tags", log)
            text = sub_counting(_TAG, _tag_replacement, text, "html_tags", log)
        if "&" in text:
            text = sub_counting(_ENTITY, _entity_replacement, text, "html_entities", log)
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
            value = CP1252_C1[number]
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


# -- 5. spaces -----------------------------------------------------------------

_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u180e"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SOFT_HYPHEN = re.compile("\u00ad")
_SPACE_TABLE = {ord(c): " " for c in _SPACE_CHARS} | {ord(c): None for c in _ZERO_WIDTH_CHARS + "\u00ad"}
_ANY_SPACE = re.compile(f"[{_SPACE_CHARS}{_ZERO_WIDTH_CHARS}\u00ad]")
_SPACE_SET = frozenset(_SPACE_CHARS + _ZERO_WIDTH_CHARS + "\u00ad")


def _normalize_spaces(text: str, log: RepairLog) -> str:
    """NBSP and other Unicode spaces become a space; zero-width characters and soft hyphens go.

    >>> _normalize_spaces("a\\u00a0b\\u200bc\\u00add", RepairLog())
    'a bcd'
    """
    if not _ANY_SPACE.search(text):
        return text
    for pattern, name in ((_SPACES, "spaces"), (_ZERO_WIDTH, "zero_width"), (_SOFT_HYPHEN, "soft_hyphens")):
        found = pattern.search(text)
        if found:
            count = len(pattern.findall(text))
            start = max(0, found.start() - EXAMPLE_CONTEXT)
            snippet = text[start:found.end() + EXAMPLE_CONTEXT]
            log.add(name, count, example(snippet, snippet.translate(_SPACE_TABLE)))
    return text.translate(_SPACE_TABLE)


# -- 8. quotes -------------------------------------------------------------------

_QUOTE_TABLE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_CURLY = re.compile("[\u2018-\u201f]")


def _straighten_quotes(text: str, log: RepairLog) -> str:
    """Curly quotes become straight ones (only when the options ask for it).

    >>> _straighten_quotes("it\\u2019s \\u201cso\\u201d", RepairLog())
    'it\\'s "so"'
    """
    return sub_counting(_CURLY, lambda m: m.group().translate(_QUOTE_TABLE), text, "straight_quotes", log)
