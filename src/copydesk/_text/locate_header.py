"""The header of a located story: the headline, byline, date and dek just above the region.

A page dump opens with the page's title ("Headline - Site Name") and shows
the headline again just above the story, with the byline and the date
around it. :func:`find_header` picks, among the blocks before the story
region, the ones the classifier should see: the headline (the copy nearest
the story, or the page title with its site name cut off when the headline
appears only there), and the byline, date and dek lines between it and the
story. The other copies of the headline are marked as repeats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from .._classify.rules.date import is_updated
from .._classify.source import Hint, SourceBlock
from .._lexicon.agencies import agency_named
from .._lexicon.bylines import BY_ANYWHERE, by_marker
from .._lexicon.chrome import chrome_reason
from .._lexicon.dates import find_timestamp, parse_timestamp
from .._lexicon.names import persons_in, split_names
from .._lexicon.words import tokens

__all__ = ["Header", "find_header", "headline_copy", "split_site_name"]

#: How many blocks above the story the header may reach.
HEADER_WINDOW = 25
#: A headline has at least this many words and at most that many.
_TITLE_MIN_WORDS = 2
_TITLE_MAX_WORDS = 30
#: A byline or date line is short.
_META_MAX_WORDS = 25
#: A dek (standfirst) under the headline has at least this many words.
_DEK_MIN_WORDS = 8
#: A headline block has at least this many words.
_HEADLINE_MIN_WORDS = 3
#: The score of a block that is the page title (or its headline part) again.
_SAME_AS_TITLE = 3.0
#: A block sharing this share of its words with the page title may be the headline; the share counts this much.
_MIN_OVERLAP = 0.3
_OVERLAP_WEIGHT = 2.0
#: A line opening with a name (a byline without "By") has at most this many
#: words and stands at most this many blocks under the headline.
_NAMES_MAX_WORDS = 8
_NAMES_REACH = 3
#: A date line is this short, or its date fills this share of it, or it is no
#: sentence (a sentence that mentions a date is not a date line).
_DATE_LINE_WORDS = 12
_DATE_SHARE = 0.3
#: How many of the story's first blocks may be its date line or byline.
_INSIDE_REACH = 6
#: How many blocks after the story a labelled publication date may stand.
_TRAILER_WINDOW = 40
#: At most this many date lines of the header are marked (published, updated).
_MAX_DATES = 3
#: A copy of the headline cut out of the page title has at least this many words.
_COPY_MIN_WORDS = 4
#: ... and at least this share of the page title's characters (not a short phrase of it).
_COPY_SHARE = 0.6
#: How much being near the story counts for a headline (at most).
_NEAR_WEIGHT = 0.5
#: Byline and date lines may stand this many blocks under the headline.
_META_BELOW = 25
#: Byline and date lines may stand this many blocks above the headline.
_META_ABOVE = 2

# " | Site", " - Site", " – Site", " — Site", " :: Site", " · Site", " « Site":
# a separator with spaces around it. Literal alternation: linear.
_RULE_CHARS = " ,;|/-–—·•"
_CLAUSE_ENDS = frozenset(",;:")
#: A line closed by a full stop with more words than this is a sentence, not a headline.
_SENTENCE_WORDS = 16
_TWO = 2
_SITE_SEPARATOR = re.compile(r"\s(?:\||-|–|—|::|·|•|«|»|/)\s")


@attrs.frozen
class Header:
    """The header blocks found above the story (indexes into the blocks).

    ``title_index`` is the headline's block (None when there is none);
    ``title_text`` is set when the headline is only the front part of that
    block (the page title with the site name cut off). ``repeats`` are the
    other copies of the headline; ``kept`` every header block the
    classifier sees (the headline included).
    """

    title_index: int | None = None
    title_text: str | None = None
    kept: frozenset[int] = frozenset()
    repeats: frozenset[int] = frozenset()
    #: The markup-like hint each header block gets (the headline, bylines, dates),
    #: so the classifier's hint rules label them as an HTML front end's would.
    hints: Mapping[int, Hint] = attrs.field(factory=dict)


def split_site_name(text: str, headline: str) -> tuple[str, str]:
    """``text`` cut into the headline and what follows it (the site name), when it opens with ``headline``.

    >>> split_site_name("Big news today | The Daily Post", "Big news today")
    ('Big news today', '| The Daily Post')
    >>> split_site_name("Big news today", "Big news today")
    ('Big news today', '')
    """
    if text.startswith(headline):
        return headline, text[len(headline):].strip()
    return text, ""


def headline_of(page_title: str) -> str:
    """The headline part of a page title, between site-name separators.

    Of two pieces, the first ("Headline - Site"), unless it is a single word
    ("Politics | Headline"); of more, the longest but the last ("Section |
    Headline | Site").

    >>> headline_of("Ministers agree budget deal - The Daily Post")
    'Ministers agree budget deal'
    >>> headline_of("Politics | Ministers agree budget deal after a long night | Post")
    'Ministers agree budget deal after a long night'
    >>> headline_of("About bugs - Vortex Cannon Entertainment")
    'About bugs'
    """
    pieces = [piece.strip() for piece in _SITE_SEPARATOR.split(page_title)]
    if len(pieces) == 1:
        return page_title.strip()
    if len(pieces) == _TWO:
        first, second = pieces
        return first if len(first.split()) > 1 or len(second.split()) <= 1 else second
    return max(pieces[:-1], key=len)


def headline_copy(blocks: Sequence[SourceBlock], keys: Sequence[str] | None = None, *,
                  loose: bool = False, limit: int | None = None) -> int | None:
    """The first block after the first that repeats the page title (or its headline part), or None.

    ``keys`` are the blocks' words joined by spaces, when the caller has them.
    ``loose`` also takes a copy without a label the page title has before or
    after it ("The Space Review: Seeking a bigger role" -> "Seeking a bigger role").
    ``limit``: look among the first ``limit`` blocks only.

    >>> headline_copy([SourceBlock(t, None) for t in ("Vote held - Site", "Menu", "Vote held", "Text.")])
    2
    """
    if not blocks:
        return None
    page_title = blocks[0].text
    if not _is_title(page_title) or chrome_reason(page_title) is not None:
        return None
    wanted = _title_keys(page_title)
    longest = max(len(w) for w in wanted) if wanted else 0
    for index in range(1, min(len(blocks), limit if limit is not None else len(blocks))):
        if len(blocks[index].text) > 2 * longest:
            continue  # a paragraph, not a headline
        key = keys[index] if keys is not None else " ".join(tokens(blocks[index].text))
        if key in wanted or (loose and _is_copy(key, wanted)):
            return index
    return None


def _title_keys(page_title: str) -> set[str]:
    """The keys a copy of the headline may have: the page title's, and its headline part's."""
    return {" ".join(tokens(page_title)), " ".join(tokens(headline_of(page_title)))} - {""}


def _is_copy(key: str, wanted: set[str]) -> bool:
    """True when ``key`` is the page title, its headline part, or the page title without a label before
    or after it ("The Space Review: Seeking a bigger role" -> "Seeking a bigger role")."""
    if key in wanted:
        return True
    if len(key.split()) < _COPY_MIN_WORDS:
        return False
    return any((w.startswith(key + " ") or w.endswith(" " + key)) and len(key) >= _COPY_SHARE * len(w)
               for w in wanted)


def find_header(blocks: Sequence[SourceBlock], start: int, end: int | None = None,
                keys: Sequence[str] | None = None, *, whole: bool = False) -> Header:
    """The header of the story that takes blocks ``[start, end)`` (``keys``: the blocks' words, when known).

    The headline is the headline-shaped block above the story that shares
    most words with the page title (the first line), nearer ones first; the
    page title itself, with its site name cut off, when no block above the
    story qualifies. When no date line stands near the headline, a labelled
    date line soon after the story ("First published: ...") is marked. For a
    text taken ``whole`` (an article, not a page), only the lines above the
    story are looked at.

    >>> blocks = [SourceBlock(t, None) for t in ("Vote held - Site", "Menu", "Vote held", "By Jane Doe",
    ...                                          "The council voted.")]
    >>> header = find_header(blocks, 4)
    >>> header.title_index, sorted(header.kept), sorted(header.repeats)
    (2, [2, 3], [0])
    """
    if not blocks:
        return Header()
    if keys is None:
        keys = [" ".join(tokens(b.text)) for b in blocks]
    page_title = blocks[0].text
    headline = headline_of(page_title)
    wanted = _title_keys(page_title)
    above = _blocks_above(blocks, start)
    low = above[-1] if above else start
    best = _pick_headline(blocks, keys, above, frozenset(tokens(headline)), wanted)
    if best is not None:
        repeats = frozenset(i for i, key in enumerate(keys) if key and key == keys[best] and i != best)
        if best != 0 and _is_copy(keys[best], wanted):
            repeats |= {0}
        # The byline and date stand near the headline's first copy above the story (a photo
        # gallery may show the headline again, nearer the story).
        first = min([best, *(i for i in repeats if low <= i < best)])
        copies = frozenset({best} | {i for i in repeats if i >= first})
        hints = _meta_lines(blocks, keys, range(first, min(start, best + _META_BELOW)), best, copies)
        if whole:
            hints[best] = Hint.TITLE
            return Header(best, None, frozenset(hints), repeats, hints)
        _add_inside_lines(blocks, hints, start, end, copies)
        over = _meta_lines(blocks, keys, range(max(1, first - _META_ABOVE), first), best, copies)
        dated = any(_gives_published(blocks[i].text, h) for i, h in hints.items())
        # Above the headline, a byline counts; a date only when none stands under it (a date
        # above may belong to the story listed before).
        hints.update((i, h) for i, h in over.items() if h is Hint.BYLINE or not dated)
        hints[best] = Hint.TITLE
        _add_trailing_date(blocks, hints, end)
        return Header(best, None, frozenset(hints), repeats, hints)
    hints = _meta_lines(blocks, keys, range(max(1, low), start), None, frozenset())
    _add_inside_lines(blocks, hints, start, end, frozenset())
    _add_trailing_date(blocks, hints, end)
    if _is_title(page_title) and wanted and chrome_reason(page_title) is None and _headline_shaped(page_title):
        hints[0] = Hint.TITLE
        return Header(0, headline if headline != page_title else None, frozenset(hints), frozenset(), hints)
    return Header(None, None, frozenset(hints), frozenset(), hints)


def _add_inside_lines(blocks: Sequence[SourceBlock], hints: dict[int, Hint], start: int, end: int | None,
                      copies: frozenset[int]) -> None:
    """Mark the date lines ("Nov. 20, 2019, 9:28 AM UTC") and bylines among the story's first blocks."""
    for index in range(start, min(end if end is not None else start, start + _INSIDE_REACH)):
        text = blocks[index].text
        if len(text.split()) > _META_MAX_WORDS:
            continue
        if by_marker(text) is not None or (_near(index, copies) and _opens_with_name(text)):
            hints[index] = Hint.BYLINE
        elif _date_line(text):
            hints[index] = Hint.TIME


def _date_line(text: str) -> bool:
    """A date and labels only ("Nov. 20, 2019, 9:28 AM UTC"), or a short line mostly made of its date
    ("Text: Jane Doe · 24 September 2018"), not a sentence."""
    if parse_timestamp(text) is not None:
        return True
    found = find_timestamp(text)
    return (found is not None and found.end - found.start >= _DATE_SHARE * len(text)
            and not text.rstrip().endswith("."))


def _near(index: int, copies: frozenset[int]) -> bool:
    """True when block ``index`` stands right under a copy of the headline."""
    return any(copy < index <= copy + _NAMES_REACH for copy in copies)


def _add_trailing_date(blocks: Sequence[SourceBlock], hints: dict[int, Hint], end: int | None) -> None:
    """Mark the first labelled publication date soon after the story when the header has none."""
    if end is None or any(_gives_published(blocks[i].text, h) for i, h in hints.items()):
        return
    for index in range(end, min(len(blocks), end + _TRAILER_WINDOW)):
        text = blocks[index].text
        if len(text.split()) > _META_MAX_WORDS or is_updated(text):
            continue
        found = find_timestamp(text)
        if found is None or not any(ch.isalpha() for ch in text[: found.start]):
            continue  # a bare date in a list of related stories
        if parse_timestamp(text) is not None:
            hints[index] = Hint.TIME
            return


def _pick_headline(blocks: Sequence[SourceBlock], keys: Sequence[str], above: Sequence[int],
                   title_words: frozenset[str], wanted: set[str]) -> int | None:
    """Among the blocks ``above`` the story (nearest first), the one most like the headline, or None."""
    best, best_score = None, 0.0
    for rank, index in enumerate(above):
        score = _headline_score(blocks[index].text, keys[index], title_words, wanted)
        if score > 0:
            score += (1 - rank / HEADER_WINDOW) * _NEAR_WEIGHT
        if score > best_score:
            best, best_score = index, score
    return best


def _gives_published(text: str, hint: Hint) -> bool:
    """True for a header line that gives the publication date (a date line or a dated byline, not "Updated")."""
    return hint in (Hint.TIME, Hint.BYLINE) and not is_updated(text) and find_timestamp(text) is not None


def _blocks_above(blocks: Sequence[SourceBlock], start: int) -> list[int]:
    """The up to ``HEADER_WINDOW`` blocks above ``start`` that are not chrome (share buttons), nearest first."""
    out: list[int] = []
    index = start - 1
    while index >= 1 and len(out) < HEADER_WINDOW:
        if chrome_reason(blocks[index].text) is None:
            out.append(index)
        index -= 1
    return out


def _headline_score(text: str, key: str, title_words: frozenset[str], wanted: set[str]) -> float:
    """How much a block looks like the story's headline: 0 when it cannot be one."""
    if _is_copy(key, wanted):
        return _SAME_AS_TITLE
    words = key.split()
    if not _HEADLINE_MIN_WORDS <= len(words) <= _TITLE_MAX_WORDS or chrome_reason(text) is not None:
        return 0.0
    if by_marker(text) is not None or find_timestamp(text) is not None:
        return 0.0
    if not _headline_shaped(text):
        return 0.0
    shared = sum(w in title_words for w in set(words))
    overlap = 2 * shared / (len(set(words)) + len(title_words))  # Dice: extra words on either side count
    return overlap * _OVERLAP_WEIGHT if overlap >= _MIN_OVERLAP else 0.0


def _headline_shaped(text: str) -> bool:
    """False for a sentence of a story, or a line broken off one ("When they came for me,")."""
    end = text.rstrip()[-1:]
    return not (end in _CLAUSE_ENDS or (end == "." and len(text.split()) > _SENTENCE_WORDS))


def _is_title(text: str) -> bool:
    """A line shaped like a page title: a few words, not a sentence of a paragraph."""
    return _TITLE_MIN_WORDS <= len(text.split()) <= _TITLE_MAX_WORDS


def _meta_lines(blocks: Sequence[SourceBlock], keys: Sequence[str], rows: range, headline: int | None,
                copies: frozenset[int]) -> dict[int, Hint]:
    """Among the blocks of ``rows``: the byline, date and dek lines (not chrome, not the headline again)."""
    kept: dict[int, Hint] = {}
    for index in rows:
        text = blocks[index].text
        if index == headline or not keys[index] or chrome_reason(text) is not None:
            continue
        if headline is not None and keys[index] == keys[headline]:
            continue
        hint = _meta_hint(text, near=_near(index, copies))
        if hint is not None and (hint is not Hint.TIME or sum(h is Hint.TIME for h in kept.values()) < _MAX_DATES):
            kept[index] = hint
        elif headline is not None and index == headline + 1 and len(text.split()) >= _DEK_MIN_WORDS:
            kept[index] = Hint.NONE  # the dek right under the headline
    return kept


def _meta_hint(text: str, *, near: bool) -> Hint | None:
    """``Hint.BYLINE`` for a byline, ``Hint.TIME`` for a date line, None for neither.

    A byline opens with a marker ("By", "Von", "Author:"), or is a date and
    a byline or a name ("Monday November 18, 2019 by Jane Doe", "Posted on
    May 5, 2019 by Jane Doe in News", "Jane Doe - Nov 19, 2019"), or, right under the
    headline (``near``), opens with a person's name ("Jane Doe, AP Writer").
    """
    words = len(text.split())
    if words > _META_MAX_WORDS:
        return None
    if by_marker(text) is not None:
        return Hint.BYLINE
    dated = find_timestamp(text)
    if dated is not None and (words <= _DATE_LINE_WORDS or dated.end - dated.start >= _DATE_SHARE * len(text)
                              or not text.rstrip().endswith(".")):
        rest = (text[: dated.start] + " " + text[dated.end:]).strip(_RULE_CHARS)
        marker = BY_ANYWHERE.search(rest)
        named = marker is not None and rest[marker.end():marker.end() + 1].isupper()
        # (A date in brackets annotates the line: "Married Jane Doe (January 5, 2015)".)
        bracketed = text[: dated.start].rstrip().endswith("(")
        return Hint.BYLINE if named or by_marker(rest) is not None or (
            not bracketed and _opens_with_name(rest)) else Hint.TIME
    if near and _opens_with_name(text):
        return Hint.BYLINE
    return None


def _opens_with_name(text: str) -> bool:
    """True when ``text`` opens with a person's name ("Jane Doe and John Smith", "Jane Doe, AP Writer").

    Not a photo credit: "(Jane Doe / AP)", "Jane Doe | Getty Images", "Jane Doe, Associated Press".
    """
    if not text[:1].isalpha() or len(text.split()) > _NAMES_MAX_WORDS:
        return False
    pieces = split_names(text)
    if not pieces or any(agency_named(piece) is not None for piece in pieces[1:]):
        return False
    return bool(persons_in(pieces[0], marked=False))
