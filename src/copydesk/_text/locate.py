"""Find the story in a dump of a whole page's visible text: the locate stage.

A scraper that keeps only the text of a page stores the story with
everything around it: menus, section lists, log-in and share prompts, ad
slots, related-story lists, comments, footers, the headline twice. This
stage finds the story region from the *shape* of the blocks, in any
language and script:

- each block gets a prose score from its length, its sentence punctuation,
  the share of the text's own function words it holds (the short words
  most frequent in the text's long blocks, so no word list of one
  language is needed), repeats, lines a template wrote and chrome markers
  (a headline or a menu item, in any case, has no sentence end);
- the scores are smoothed over neighbours and weighted by length, and the
  densest run of blocks (the maximum-sum segment) is the story, looked for
  after the headline's copy and before a comment thread's heading;
- the header just above it (the headline, a byline, a date, a dek) is kept
  for the classifier; every block outside goes to ``removed`` with a
  ``locate.<what>`` rule (navigation, related, comments, footer, ...)
  inferred from its shape and position.

A text that is already an article (nothing but the story and a few lines
around it) is left alone: nothing is removed. See :func:`locate_story`.
"""

from __future__ import annotations

import collections
import heapq
import re
from collections.abc import Sequence

import attrs

from .._classify.source import Hint, SourceBlock
from .._lexicon.chrome import chrome_reason
from .._lexicon.words import tokens
from .._model import Block, BlockKind, Diagnostic, Span
from .locate_header import Header, find_header, headline_copy, split_site_name

__all__ = ["Located", "locate_story"]

# -- thresholds, named ----------------------------------------------------------

#: A block of this many words is long enough to be a paragraph.
_LONG_WORDS = 15
#: Shorter blocks ending a sentence still count a little (short paragraphs).
_SHORT_PARAGRAPH_WORDS = 7
#: How many of the text's most frequent short words count as its function words.
_FUNCTION_WORD_COUNT = 24
_FUNCTION_WORD_MAX_LEN = 4
#: A block needs at least this share of function words to read as prose.
_FUNCTION_SHARE = 0.12
#: Characters per token above which the script is taken as written without
#: spaces (Chinese, Japanese, Thai), and the characters counted as a word there.
_UNSPACED_CHARS_PER_WORD = 2
_UNSPACED_CHARS_PER_TOKEN = 12
#: The least a non-prose block costs, in characters of prose.
_BLOCK_COST = 40
#: A block longer than this is read on its first ``_SAMPLE_CHARS`` characters (see block_keys).
_KEY_CHARS = 300
_SAMPLE_CHARS = 200
#: A text is taken for a page dump (and blocks are removed) only with this
#: many blocks outside the story and this many of them before it; otherwise
#: it is already an article.
_MIN_OUTSIDE_BLOCKS = 15
_MIN_BLOCKS_BEFORE = 3
#: A line of at most this many words whose shape (digits aside) recurs this
#: many times was written by a template (comment dates, vote counts).
_TEMPLATE_WORDS = 8
_TEMPLATE_REPEATS = 3
#: Chrome that opens a comment section (the reason chrome_reason gives).
_BARRIERS = frozenset({"a comment-policy line"})
#: A comment heading closes the search once this much prose stands before it.
_MIN_STORY_CHARS = 400
_BULLETS = " *•►>|-–—_[("
#: The page's last lines of at most this many words are its footer.
_FOOTER_WORDS = 4
#: In a text taken whole, a headline copy this near the top marks the header.
_NEAR_TOP = 12
#: Prose scores.
_PROSE, _HALF_PROSE, _SHORT_PROSE, _NOT_PROSE = 1.0, 0.5, 0.6, -1.0
#: How much a block's own score counts against each neighbour's when smoothing.
_SELF_WEIGHT = 4

# A sentence end: a stop (Latin, Arabic, Urdu, Devanagari, CJK) followed by a
# space, a closing quote or the end. Single class, linear.
_STOP = re.compile(r"[.!?…؟۔।。！？](?=[\s\"'”’»)]|$)")
_CLOSERS = "\"'”’»)] "
_WORDS = re.compile(r"\w+")  # one class: linear


@attrs.frozen
class Located:
    """Where the story is: the blocks handed to the classifier and the blocks taken out.

    ``story`` holds the header and the story region, in order; ``outside``
    the removed blocks (``BlockKind.BOILERPLATE`` with a ``locate.*`` rule).
    ``region`` is the story region's span of input lines (None when the text
    was taken whole).
    """

    story: tuple[SourceBlock, ...]
    outside: tuple[Block, ...] = ()
    region: Span | None = None
    header: Header | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class _Line:
    """The shape facts of one block that the score reads."""

    chars: int
    words: int
    sentences: int
    ends_sentence: bool
    function_share: float
    chrome: str | None
    repeated: bool
    #: The line's shape (digits aside) recurs: a line a template wrote ("Rating: 36 Votes", "2 days ago").
    templated: bool


def locate_story(blocks: Sequence[SourceBlock]) -> Located:
    """Locate the story among ``blocks``; blocks outside it become removed blocks with a reason.

    >>> from copydesk._text.split import split_blocks
    >>> from copydesk import TextOptions
    >>> menu = "\\n".join("Home World Politics Sports Business Tech Opinion Science Health Travel".split())
    >>> story = "\\n\\n".join([
    ...     "The council voted on Monday to close the old bridge for repairs, officials said after a long meeting.",
    ...     "Engineers found cracks in two of the piers last spring, and the work will take most of the year.",
    ...     "Drivers will be sent over the new ring road, which the council says can carry the extra traffic."])
    >>> footer = "\\n".join(["About us", "Contact", "Privacy", "Terms of use", "Careers", "Advertise"])
    >>> located = locate_story(split_blocks(menu + "\\n\\n" + story + "\\n\\n" + footer, TextOptions()))
    >>> [b.text[:12] for b in located.story]
    ['The council ', 'Engineers fo', 'Drivers will']
    >>> sorted({b.rule for b in located.outside})
    ['locate.footer', 'locate.navigation']
    >>> located.diagnostics[0].code
    'story_located'
    """
    if not blocks:
        return Located(())
    if len(blocks) <= _MIN_OUTSIDE_BLOCKS:  # too short to hold a page around a story
        if headline_copy(blocks, loose=True, limit=_NEAR_TOP + 1) is None:
            return Located(tuple(blocks))
        samples, keys = block_keys(blocks)
        return _marked_only(blocks, None, samples, keys)
    samples, keys = block_keys(blocks)
    lines = _measure(blocks, samples, keys)
    raw = [_prose_score(line) for line in lines]
    values = _values(_smooth(raw), lines)
    start, end = _densest_run(values, 0, len(blocks))
    copy = headline_copy(blocks, keys)
    if copy is not None and copy >= end:
        copy = None  # a copy after the story is a link to it, or a recipe card
    start, end = _densest_run(values, *_search_window(values, lines, copy))
    # The smoothing lends the story's first and last paragraphs' score to
    # the lines next to them (a headline, a byline): the region starts and
    # ends with blocks that read as prose on their own.
    while start < end and raw[start] <= 0:
        start += 1
    while end > start and raw[end - 1] <= 0:
        end -= 1
    if start == end:
        return Located(tuple(blocks), diagnostics=(_not_located(),))  # no block reads as a paragraph
    outside = [i for i in range(len(blocks)) if not start <= i < end]
    if len(outside) < _MIN_OUTSIDE_BLOCKS or start < _MIN_BLOCKS_BEFORE:
        return _marked_only(blocks, raw, samples, keys)  # already an article: nothing to set aside
    header = find_header(blocks, start, end, keys)
    return _build(blocks, lines, start, end, header)


# -- measuring ------------------------------------------------------------------


def _function_words(token_lists: Sequence[list[str]]) -> frozenset[str]:
    """The text's own function words: the most frequent short words of its long blocks."""
    counts: collections.Counter[str] = collections.Counter()
    for words in token_lists:
        if len(words) >= _LONG_WORDS:
            counts.update(words)
    short = [(n, w) for w, n in counts.items() if len(w) <= _FUNCTION_WORD_MAX_LEN and not w.isdigit()]
    return frozenset(w for _n, w in heapq.nlargest(_FUNCTION_WORD_COUNT, short))


def block_keys(blocks: Sequence[SourceBlock]) -> tuple[list[list[str]], list[str]]:
    """Each block's words and its key for spotting repeats.

    A short block's words are its :func:`~copydesk._lexicon.words.tokens`
    and its key those words joined; a long block (a paragraph) is judged
    on the words (``\\w+``) of its first ``_SAMPLE_CHARS`` characters and keyed
    by its own text (reading all of it costs time for nothing).
    """
    samples: list[list[str]] = []
    keys: list[str] = []
    for block in blocks:
        text = block.text
        if len(text) <= _KEY_CHARS:
            words = tokens(text)
            samples.append(words)
            keys.append(" ".join(words))
        else:
            samples.append(_WORDS.findall(text[:_SAMPLE_CHARS].casefold()))
            keys.append(text)
    return samples, keys


def _measure(blocks: Sequence[SourceBlock], samples: Sequence[list[str]], keys: Sequence[str]) -> list[_Line]:
    """The shape facts of every block."""
    function = _function_words(samples)
    repeats = collections.Counter(keys)
    shapes = collections.Counter(_template_key(key) for key, words in zip(keys, samples, strict=True)
                                 if len(words) <= _TEMPLATE_WORDS)
    shapes.pop("", None)
    lines = []
    for block, words, key in zip(blocks, samples, keys, strict=True):
        text = block.text
        sampled = len(words)
        count = sampled if len(text) <= _KEY_CHARS else text.count(" ") + 1
        if count and len(text) / count > _UNSPACED_CHARS_PER_TOKEN:
            count = len(text) // _UNSPACED_CHARS_PER_WORD  # a script without spaces: count by characters
            share = 1.0
        else:
            share = sum(map(function.__contains__, words)) / sampled if sampled and function else 0.0
        short = sampled <= _TEMPLATE_WORDS
        lines.append(_Line(
            chars=len(text),
            words=count,
            sentences=len(_STOP.findall(text, 0, _KEY_CHARS)),  # (a long block shows it early)
            ends_sentence=bool(_STOP.search(text.rstrip(_CLOSERS)[-1:] or " ")) if text else False,
            function_share=share,
            chrome=_chrome(text) if count <= _LONG_WORDS else None,
            repeated=bool(key) and repeats[key] > 1,
            templated=short and shapes.get(_template_key(key), 0) >= _TEMPLATE_REPEATS,
        ))
    return lines


def _chrome(text: str) -> str | None:
    """The chrome reason of a short line; a comment counter ("[ 167 comments ]") opens the comments."""
    reason = chrome_reason(text.lstrip(_BULLETS))
    if reason == _COUNTER and _COMMENTS.search(text) is not None:
        return _COMMENT_LINE
    return reason


_COUNTER = "a share counter"
_COMMENT_LINE = "a comment-policy line"
_COMMENTS = re.compile(r"(?i)\bcomments?\b")


def _template_key(key: str) -> str:
    """The key with its digits made zeros ("" without digits): lines a template wrote share it."""
    return key.translate(_DIGITS_TO_ZERO) if _DIGIT.search(key) is not None else ""


_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_DIGIT = re.compile(r"\d")


def _prose_score(line: _Line) -> float:
    """How much a block reads like a paragraph of a story: from -1 (chrome, a menu item) to 1."""
    if line.chrome is not None or line.repeated or line.templated or not line.words:
        return _NOT_PROSE
    long = line.words >= _LONG_WORDS
    sentence = line.ends_sentence or line.sentences > 0
    prose = line.function_share >= _FUNCTION_SHARE
    if long and sentence and prose:
        return _PROSE
    if long and (sentence or prose):
        return _HALF_PROSE
    if line.words >= _SHORT_PARAGRAPH_WORDS and line.ends_sentence and prose:
        return _SHORT_PROSE
    return _NOT_PROSE


def _smooth(scores: Sequence[float]) -> list[float]:
    """Each score averaged with its neighbours' (weights 1, 4, 1)."""
    count = len(scores)
    out = []
    for i, score in enumerate(scores):
        left = scores[i - 1] if i > 0 else score
        right = scores[i + 1] if i + 1 < count else score
        out.append((left + _SELF_WEIGHT * score + right) / (_SELF_WEIGHT + 2))
    return out


def _values(scores: Sequence[float], lines: Sequence[_Line]) -> list[float]:
    """Each block's smoothed score weighted by its length (a short non-prose block costs at least a little)."""
    return [score * line.chars if score > 0 else score * max(line.chars, _BLOCK_COST)
            for score, line in zip(scores, lines, strict=True)]


def _search_window(values: Sequence[float], lines: Sequence[_Line], headline: int | None) -> tuple[int, int]:
    """Where the story is looked for: after the headline's copy, up to the comments' heading.

    A page shows its headline again just above the story, and its comments
    after it: the first comment heading ("[ 167 comments ]", "Leave a
    reply") with a story's worth of prose between the headline and it
    closes the window, so that a long comment thread cannot outweigh a
    short story.
    """
    low = headline + 1 if headline is not None else 0
    prose = 0.0
    for index in range(low, len(lines)):
        if lines[index].chrome in _BARRIERS and prose >= _MIN_STORY_CHARS:
            return low, index
        prose += max(values[index], 0.0)
    return low, len(lines)


def _densest_run(values: Sequence[float], low: int, high: int) -> tuple[int, int]:
    """The run of blocks ``[start, end)`` inside ``[low, high)`` with the largest sum of values."""
    best, best_start, best_end = 0.0, low, low
    total, start = 0.0, low
    for i in range(low, high):
        value = values[i]
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


# -- building the result ------------------------------------------------------------


def _build(blocks: Sequence[SourceBlock], lines: Sequence[_Line], start: int, end: int, header: Header) -> Located:
    """The kept blocks (header and region) and the removed ones, each with its reason."""
    story: list[SourceBlock] = []
    outside: list[Block] = []
    kept = set(header.kept) | set(range(start, end))
    # The footer: the second half of what follows the story, and the run of very short lines ending the page.
    footer = min(end + (len(lines) - end) // 2 + 1, _tail_run(lines))
    for index, block in enumerate(blocks):
        if index == header.title_index and header.title_text is not None:
            title, rest = split_site_name(block.text, header.title_text)
            story.append(attrs.evolve(block, text=title, hint=Hint.TITLE))
            if rest:
                outside.append(Block(BlockKind.BOILERPLATE, rest, block.span, "locate.site_name",
                                     "the site's name after the headline"))
            continue
        if index in kept:
            hint = header.hints.get(index, Hint.NONE)
            story.append(block if hint is Hint.NONE else attrs.evolve(block, hint=hint))
            continue
        what, why = _reason(index, lines, start, footer, header)
        outside.append(Block(BlockKind.BOILERPLATE, block.text, block.span, f"locate.{what}", why))
    region = Span(blocks[start].span.start, blocks[end - 1].span.end)
    message = (f"the story is lines {region.start + 1}-{region.end} of the text; "
               f"{len(outside)} blocks around it were set aside")
    return Located(tuple(story), tuple(outside), region, header, (Diagnostic("story_located", message),))


def _marked_only(blocks: Sequence[SourceBlock], raw: Sequence[float] | None, samples: Sequence[list[str]],
                 keys: Sequence[str]) -> Located:
    """A text taken whole; when it opens with a page title repeated as a headline just above
    the story (a short page), the header lines are marked all the same."""
    copy = headline_copy(blocks, keys, loose=True)
    if copy is None or copy > _NEAR_TOP:
        return Located(tuple(blocks))
    if raw is None:
        raw = [_prose_score(line) for line in _measure(blocks, samples, keys)]
    start = next((i for i in range(copy + 1, len(blocks)) if raw[i] > 0), len(blocks))
    header = find_header(blocks, start, len(blocks), keys, whole=True)
    if any(score > 0 for score in raw[:copy]):
        # Paragraphs stand above the headline's copy: only the headline is marked (a byline
        # marked below them would not read as one once the article is rendered).
        header = attrs.evolve(header, kept=frozenset({copy}), hints={copy: Hint.TITLE}) \
            if header.title_index == copy else Header()
    story = [attrs.evolve(b, hint=header.hints[i]) if header.hints.get(i, Hint.NONE) is not Hint.NONE else b
             for i, b in enumerate(blocks)]
    if header.title_index != 1 or 0 not in header.repeats or keys[0] == keys[1]:
        # (the title given twice the same is the classifier's: the second copy is the repeat)
        return Located(tuple(story), header=header)
    # The page title right above its own headline: the headline is the title; the page title is set aside.
    first = blocks[0]
    page_title = Block(BlockKind.BOILERPLATE, first.text, first.span, "locate.page_title",
                       "the headline repeated (the page's title)")
    return Located(tuple(story[1:]), (page_title,), header=header)


def _reason(index: int, lines: Sequence[_Line], start: int, footer: int, header: Header) -> tuple[str, str]:
    """What an outside block is, from its shape and where it stands: ``(what, why)``."""
    line = lines[index]
    if line.chrome is not None:
        return _CHROME_KINDS.get(line.chrome, "chrome"), line.chrome
    if index in header.repeats:
        return "page_title", "the headline repeated (the page's title)"
    if index < start:
        return _reason_before(line)
    return _reason_after(line, index >= footer)


def _tail_run(lines: Sequence[_Line]) -> int:
    """Where the run of very short lines that ends the page starts (the footer's links)."""
    index = len(lines)
    while index > 0 and lines[index - 1].words <= _FOOTER_WORDS:
        index -= 1
    return index


def _reason_before(line: _Line) -> tuple[str, str]:
    """What a block before the story is: a menu item, or a teaser or notice."""
    if line.words >= _LONG_WORDS and not line.repeated:
        return "teaser", "text before the story (a teaser or a notice)"
    return "navigation", "a short or repeated line before the story (menus, sections)"


def _reason_after(line: _Line, near_end: bool) -> tuple[str, str]:
    """What a block after the story is: comments (prose), the footer (at the end), related links."""
    if line.words >= _LONG_WORDS and (line.ends_sentence or line.sentences):
        return "comments", "prose after the story (comments or another text)"
    if near_end:
        return "footer", "a line at the end of the page (the footer)"
    return "related", "a short line after the story (related links)"


_CHROME_KINDS = {
    "an advertising marker": "advertising",
    "a 'continue reading' link": "navigation",
    "a link to more content": "related",
    "a link to other stories": "related",
    "a click prompt": "prompt",
    "a share prompt": "share",
    "a follow prompt": "share",
    "a share counter": "share",
    "a subscription prompt": "prompt",
    "a row of share buttons": "share",
    "a cookie notice": "cookie",
    "a comment-policy line": "comments",
    "a copyright line": "footer",
    "a tag list": "tags",
    "a category line": "tags",
    "a navigation link": "navigation",
    "a bare link": "link",
    "a source link": "link",
    "a featured-image credit": "image_credit",
    "a caption label left by the page": "player",
    "player residue": "player",
}


def _not_located() -> Diagnostic:
    return Diagnostic("story_not_located", "no block of the text reads as a story's paragraph; every line was kept")
