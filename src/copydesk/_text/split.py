"""Split repaired text into blocks (paragraphs) with their line spans.

Three kinds of line structure turn up in scraped text, often in one file:

- paragraphs separated by blank lines, or by single newlines (one paragraph
  per line): every line is its own block;
- hard-wrapped lines (a paragraph broken at 60-130 characters inside its
  sentences): the lines are joined back into one block;
- flattened text (a whole article on one line, paragraphs run together):
  the line is cut into several blocks at plausible paragraph boundaries.

Joining is conservative: a line break is undone only when the evidence of
wrapping is strong, so short standalone lines (a byline, "Advertisement", a
caption) never get glued to a paragraph. The evidence is, per break: the
next line continues the sentence (it starts in lower case after a line that
does not end one, or the line ends in a hyphenated word); or, in a document
whose line lengths show a wrap width (many lines just under one length,
most of them ending mid-sentence, the next often starting in lower case),
the line reaches that width and the next word would not have fitted.

Spans: a block's :class:`~copydesk.Span` covers the input lines it came
from. Blocks never overlap, with one documented exception: when one long
input line is cut into several blocks, each of them has the span of that one
line. Every non-blank line is covered by a block.

Parts glued to a line are cut off into parts of their own (see
:mod:`copydesk._text.glued`): embedded-post residue, a source tag or a
closing note at the end, a "Story highlights" label at the start.
"""

from __future__ import annotations

import itertools
import re

from .._classify.source import SourceBlock
from .._config import TextOptions
from .._lexicon.chrome import HIGHLIGHTS_LEAD
from .._model import Span
from .glued import cut_pieces, split_embeds, tail_tag


def split_blocks(text: str, options: TextOptions) -> tuple[SourceBlock, ...]:
    """Split repaired ``text`` into blocks; each keeps the input lines it came from.

    Block text is whitespace-normalised (runs of spaces become one, ends
    stripped). Line breaks are ``\\n`` (the repair stage normalises CRLF).

    >>> [b.text for b in split_blocks("Title\\n\\nBy Jane Doe\\nFirst paragraph.", TextOptions())]
    ['Title', 'By Jane Doe', 'First paragraph.']
    >>> split_blocks("a\\n\\nb", TextOptions())[1].span
    Span(start=2, end=3)
    >>> wrapped = "The report said the council had\\nvoted to close the bridge, which\\nwill reopen in May."
    >>> [(b.text, b.span) for b in split_blocks(wrapped, TextOptions())]
    [('The report said the council had voted to close the bridge, which will reopen in May.', Span(start=0, end=3))]
    """

    raw = text.split("\n")
    lines = [_normalise(line) for line in raw]
    width = _wrap_width(lines) if options.join_wrapped_lines else None
    # Paragraphs set apart by blank lines: a break inside a group of lines of
    # a wrapped text is a wrap, even after a full stop, when the next word
    # could not have fitted.
    blank_separated = width is not None and _blank_gaps(lines) >= 2
    blocks: list[SourceBlock] = []
    number = 0
    total = len(lines)
    while number < total:
        if not lines[number]:
            number += 1
            continue
        start = number
        parts = [lines[number]]
        while (
            options.join_wrapped_lines
            and number + 1 < total
            and lines[number + 1]
            and _joins(
                lines[number],
                lines[number + 1],
                width,
                inside=blank_separated or len(parts) > 1,
                after=lines[number + 2] if number + 2 < total else "",
            )
        ):
            number += 1
            parts.append(_glue(lines[number - 1], lines[number]) + lines[number])
        number += 1
        joined = "".join(parts)
        if (
            options.split_flattened
            and number - start == 1
            and len(joined) >= options.flattened_line_chars
        ):
            # The raw line: runs of spaces are evidence of lost paragraph breaks.
            pieces = [" ".join(piece.split()) for piece in split_flattened(raw[start], options.paragraph_chars)]
        else:
            tail = tail_tag(raw[start]) if number - start == 1 else None
            pieces = cut_pieces(raw[start], [tail]) if tail is not None else [joined]
            pieces = [" ".join(piece.split()) for piece in pieces]
        label = HIGHLIGHTS_LEAD.match(pieces[0]) if pieces else None
        if label is not None and label.end() < len(pieces[0]):
            # "Story highlights Ryan called for calm": the label is a part of its own.
            pieces = [label.group().strip(), pieces[0][label.end():].strip(), *pieces[1:]]
        for piece in pieces:
            blocks.extend(SourceBlock(part, Span(start, number)) for part in split_embeds(piece))
    return tuple(blocks)


def _normalise(line: str) -> str:
    """``line`` with runs of whitespace made one space and its ends stripped.

    >>> _normalise("  a \\t b  ")
    'a b'
    """
    if line.isascii() and line.isprintable() and "  " not in line and line.strip() == line:
        return line  # the common case, with no copy
    return " ".join(line.split())




# -- line features ---------------------------------------------------------------

# Anchored patterns on short strings (a line's start, its last token):
# single classes with bounded repeats, linear.
_ITEM_START = re.compile("^(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25ba>]|[0-9]{1,3}[.)])(?: |$)")
_URLISH = re.compile(r"^(?:https?://|www\.|pic\.twitter)|^\S{25,}$", re.IGNORECASE)
# An abbreviation or an initial as the last token: "U.S.", "a.m.", "J."
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
_CLOSERS = "\"'\u201d\u2019)]"
_CLAUSE_STOPS = ".!?:;\u2026\u061f\u06d4\u0964\u3002\uff01\uff1f"  # and Arabic, Urdu, Devanagari, CJK stops
#: Words that cannot end a sentence or a standalone line (articles,
#: prepositions, conjunctions) in English, the main Western European
#: languages, Russian, Greek and Arabic: a line ending in one is continued
#: on the next line.
_OPEN_WORDS = frozenset(
    re.findall(
        r"\S+",
        # Articles, possessive determiners, conjunctions and the prepositions
        # that rarely end a sentence ("on" can: "carry on", so a join also
        # needs the next line to end the sentence; see _joins).
        "the a an of and or nor but than into onto whose their its our your my via per although because "
        "to in on at by for with from about between among during without within against under through "
        "le la les des du un une et aux de dans pour par sur avec "
        "der die das den dem des ein eine einem einen einer und oder mit von zu für "
        "el los las del y una de en con por para "
        "il gli della delle dei degli e di per con "
        "os as dos das um uma em com para "
        "и а но в на с по для от к из о "
        "και το τα τη την του της των από για με σε "
        "في من على إلى عن و",
    )
)


def _ends_clause(line: str) -> bool:
    """True when ``line`` ends a sentence or clause (a full stop, ?, !, :, ;, …), not an abbreviation.

    >>> _ends_clause("He left."), _ends_clause("in the U.S."), _ends_clause("the president,")
    (True, False, False)
    """
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] not in _CLAUSE_STOPS:
        return False
    return not _ends_with_abbreviation(line)


def _ends_with_abbreviation(line: str) -> bool:
    """True when the last token of ``line`` is an abbreviation or an initial."""
    token = line[line.rfind(" ") + 1:]
    return len(token) <= 12 and _ABBREVIATION.fullmatch(token) is not None


def _ends_with_split_word(line: str) -> bool:
    """True when ``line`` ends in a word broken by a hyphen ("well-")."""
    return len(line) >= 2 and line[-1] == "-" and line[-2].isalpha()


def _starts_lower(line: str) -> bool:
    """True when ``line`` starts with a lower-case letter (a continued sentence)."""
    return line[:1].islower()


def _may_continue(line: str) -> bool:
    """True when ``line`` starts in lower case or in a script without case (Arabic, CJK, ...).

    >>> _may_continue("and then"), _may_continue("The end"), _may_continue("\u0648\u0627\u0641\u0642")
    (True, False, True)
    """
    first = line[:1]
    return first.islower() or (first.isalpha() and not first.isupper())


def _ends_open(line: str) -> bool:
    """True when ``line`` ends with a comma or a word that cannot end a sentence ("on", "the", "und").

    >>> _ends_open("approved the new budget on"), _ends_open("By Jane Doe"), _ends_open("Paris,")
    (True, False, True)
    """
    if line.endswith(","):
        return True
    return line[line.rfind(" ") + 1:] in _OPEN_WORDS


def _repeats_start(line: str, following: str) -> bool:
    """True when ``following`` starts like ``line`` (a teaser cut short, then the full text).

    >>> _repeats_start("Obama speaks at a rally in Grand Rapids,", "Obama speaks at a rally in Grand Rapids, Mich.")
    True
    """
    head = min(len(line), 24)
    return head >= 8 and following[:head].casefold() == line[:head].casefold()


def _glue(line: str, following: str) -> str:
    """What joins two wrapped lines: nothing after a broken word or between CJK characters, else a space."""
    if _ends_with_split_word(line) and following[:1].islower():
        return ""
    if line and following and _is_cjk(line[-1]) and _is_cjk(following[0]):
        return ""
    return " "


def _is_cjk(char: str) -> bool:
    """True for Han ideographs, kana and CJK punctuation (written without spaces between words)."""
    code = ord(char)
    return 0x3000 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFF60


def _standalone(line: str) -> bool:
    """Lines never joined to a neighbour: list items, URLs and other single long tokens."""
    return bool(_ITEM_START.match(line) or _URLISH.search(line))


# -- hard-wrap evidence ----------------------------------------------------------

_MIN_WRAP_WIDTH = 35
_MIN_CONTINUING = 25  # a line this short is a standalone item unless the next one continues it


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when the line lengths show no wrapping.

    Looks at the lines followed by another non-blank line. Wrapped text has
    many of them just under one width (within 25%), most ending
    mid-sentence, and the line after such a line often starts in lower case.

    >>> _wrap_width(["Short title", "", "One two three."])
    """
    inner: list[tuple[int, bool, bool]] = []
    for line, following in itertools.pairwise(lines):
        if line and following and len(line) >= 20 and not _standalone(line):
            inner.append((len(line), _ends_clause(line), _may_continue(following)))
    if len(inner) < 3:
        return None
    lengths = sorted(length for length, _, _ in inner)
    best_count, best_width = 0, 0
    low = 0
    for high, width in enumerate(lengths):
        while lengths[low] <= 0.75 * width:
            low += 1
        count = high - low + 1
        if count >= best_count:
            best_count, best_width = count, width
    if best_width < _MIN_WRAP_WIDTH or best_count < 3 or best_count < 0.5 * len(inner):
        return None
    band = [(ends, lower) for length, ends, lower in inner if 0.75 * best_width < length <= best_width]
    mid_sentence = sum(1 for ends, _ in band if not ends)
    continued_lower = sum(1 for _, lower in band if lower)
    if mid_sentence < 0.5 * len(band) or continued_lower < 0.3 * len(band):
        return None
    return best_width


def _blank_gaps(lines: list[str]) -> int:
    """How many runs of blank lines stand between non-blank lines.

    >>> _blank_gaps(["a", "", "b", "c", "", "", "d", ""])
    2
    """
    gaps = 0
    seen_text = False
    in_gap = False
    for line in lines:
        if line:
            if in_gap and seen_text:
                gaps += 1
            seen_text, in_gap = True, False
        else:
            in_gap = True
    return gaps


def _joins(line: str, following: str, width: int | None, *, inside: bool = False, after: str = "") -> bool:
    """True when the break between ``line`` and ``following`` is a hard wrap inside a paragraph.

    ``inside`` says ``line`` was itself joined to the line before it, or the
    text sets its paragraphs apart with blank lines: then a break after a
    full sentence that the next word could not have fitted into counts as a
    wrap. Otherwise the next line must also look wrapped. ``after`` is the
    line after ``following`` ("" when blank or none).
    """
    if _standalone(line) or _standalone(following):
        return False
    if _ends_with_split_word(line) and _starts_lower(following):
        return True
    ends = _ends_clause(line)
    long_enough = len(line) >= _MIN_CONTINUING and line.count(" ") >= 3
    if _starts_lower(following) and not ends and long_enough:
        return True
    if (
        long_enough
        and _ends_open(line)
        and (_ends_clause(following) or _starts_lower(after))
        and (following[:1].isalnum() or following[:1] in "\"'\u201c\u2018(")
        and not _repeats_start(line, following)
    ):
        return True  # "... the new budget on" + "Monday." (the sentence goes on over the break)
    if width is None or not 0.6 * width <= len(line) <= 1.1 * width:
        return False
    # The next line must itself look like part of the paragraph: another
    # wrapped line, or the paragraph's last line (it ends a sentence).
    continues = len(following) >= 0.6 * width or _ends_clause(following) or _may_continue(following)
    if not continues:
        return False
    if not ends:
        return True
    first_word = following.split(" ", 1)[0]
    if len(line) < 0.85 * width or len(line) + 1 + len(first_word) <= width:
        return False  # the next word would have fitted: a real line break
    # A forced wrap after a full stop: inside a paragraph already being
    # joined, or when the next line is itself a wrapped line (long, ending
    # mid-sentence) of the same paragraph.
    return inside or (len(following) >= 0.6 * width and not _ends_clause(following))


# -- flattened lines -------------------------------------------------------------

# A sentence end glued to the next sentence with no space ("hilarious.Brand"):
# two lower-case letters, the stop, an optional closing quote, then a
# capitalised word. Fixed-width pieces: linear.
_GLUED = re.compile("[a-z]{2}[.!?][\"\u201d\u2019)]?(?=[A-Z][a-z])")
# A sentence end followed by a dateline ("WASHINGTON (Reuters) -"): a new
# story or paragraph. Bounded classes and repeats only.
_DATELINE_NEXT = re.compile(
    "[.!?][\"\u201d\u2019)]?[ ]{1,8}"
    "(?=[A-Z][A-Z.'/-]{2,30}(?:[ ,][A-Z][A-Za-z.'/-]{1,30}){0,3} \\([A-Z][\\w .&-]{1,30}\\) ?[-\u2013\u2014])"
)
# Weaker evidence: a sentence end followed by two or more spaces (a lost line
# break, or a quote mark the source stripped) or by an opening quote.
_SPACED = re.compile("[.!?][\"\u201d\u2019)]?(?:[ ]{2,}(?=[\"\u201c\u2018(]?[A-Z0-9])|[ ](?=\u201c[A-Z]))")
# Any sentence end followed by a space and a capitalised word or an opening quote.
_SENTENCE_END = re.compile("[.!?][\"\u201d\u2019)]?[ ]+(?=[\"\u201c\u2018(]?[A-Z])")
_LAST_TOKEN = re.compile(r"\S+$")
_ABBREVIATIONS = frozenset(
    re.findall(
        r"\S+",
        "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm jr sr inc corp co ltd no vs etc jan feb "
        "mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rev hon pres dept univ est approx fig vol pp",
    )
)


def split_flattened(line: str, target: int = 600) -> list[str]:
    """Cut one long line holding several paragraphs into paragraphs.

    Always at strong boundaries: a sentence glued to the next with no space
    ("hilarious.Brand"), a dateline after a sentence end, a source tag or an
    outlet's name closing the line ("... the vote. Via: Example News"). At weaker ones (a
    sentence end followed by several spaces or by an opening quote) only when
    the paragraph so far is at least half of ``target`` long, so that quotes
    do not become paragraphs of their own. Pieces still longer than twice
    ``target`` are then cut at sentence ends, each at least ``target`` long.

    >>> split_flattened("It was hilarious.Brand has long been a champion. He said so.", 100)
    ['It was hilarious.', 'Brand has long been a champion. He said so.']
    """
    glued = [m for m in _GLUED.finditer(line)]
    outside = _outside_urls(line, [m.start() for m in glued])
    strong = [m.end() for m in glued if m.start() in outside]
    strong += [m.end() for m in _DATELINE_NEXT.finditer(line)]
    tail = tail_tag(line)
    if tail is not None:
        strong.append(tail)
    weak = [m.end() for m in _SPACED.finditer(line) if not _after_abbreviation(line, m.start())]
    cuts: list[int] = []
    last = 0
    strong_set = set(strong)
    for position in sorted(set(strong) | set(weak)):
        if position in strong_set or (position - last >= target // 2 and len(line) - position >= target // 4):
            cuts.append(position)
            last = position
    out: list[str] = []
    for piece in cut_pieces(line, cuts):
        if len(piece) > 2 * target:
            out.extend(_cut_by_budget(piece, target))
        else:
            out.append(piece)
    return out


def _cut_by_budget(piece: str, target: int) -> list[str]:
    """Cut ``piece`` at sentence ends into parts of at least ``target`` characters.

    >>> _cut_by_budget("One two. Three four. Five six. Seven.", 15)
    ['One two. Three four.', 'Five six. Seven.']
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(piece) if not _after_abbreviation(piece, m.start())]
    cuts: list[int] = []
    start = 0
    for end in ends:
        if end - start >= target and len(piece) - end >= target // 4:
            cuts.append(end)
            start = end
    return cut_pieces(piece, cuts)


def _after_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    if text[stop] != ".":
        return False
    token = _LAST_TOKEN.search(text, max(0, stop - 40), stop)
    if token is None:
        return False
    word = token.group().lstrip("\"'(\u201c\u2018")
    if len(word) == 1 and word.isupper():
        return True
    if "." in word and len(word) <= 8:  # U.S, e.g, a.m
        return True
    return word.lower() in _ABBREVIATIONS


_NOWHERE = 1 << 62  # past the end of any text


class _NextMark:
    """The first position at or after a start of one character in a text, found again only when passed.

    Starts only grow, so each stretch of the text is scanned once: linear over a line.
    """

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char, self.found = text, char, -1

    def at_or_after(self, start: int) -> int:
        if self.found < start:
            found = self.text.find(self.char, start)
            self.found = _NOWHERE if found < 0 else found
        return self.found


def _outside_urls(text: str, positions: list[int]) -> set[int]:
    """The ``positions`` (ascending) not inside a URL, e-mail address or file name-like token.

    The token of a position runs from the last space before it to two
    characters after it; it looks like a URL when it holds "/" or "@" or
    starts with "www". One pass over the text (issue 12: slicing the token per
    position was quadratic on a long line without spaces).

    >>> sorted(_outside_urls("see www.a.Com and end.Then x/y.Z", [9, 20, 29]))
    [20]
    """
    outside: set[int] = set()
    start = scanned = 0
    slash, at = _NextMark(text, "/"), _NextMark(text, "@")
    for position in positions:
        while (space := text.find(" ", max(scanned, start), position)) >= 0:
            start = space + 1
        scanned = max(scanned, position)
        end = position + 2  # the token is text[start:end]
        www = end - start >= len("www") and text[start:start + 3].lower() == "www"
        if not (www or slash.at_or_after(start) < end or at.at_or_after(start) < end):
            outside.add(position)
    return outside
