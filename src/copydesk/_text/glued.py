"""Parts glued to a line of scraped text, cut off so that each gets its own label.

Scraped text glues to a paragraph what a page showed apart from it:

- embedded-post residue: a tweet's text with its "pic.twitter.com/..." link,
  the "Name (@handle) July 4, 2016" attribution (:func:`split_embeds`);
- a source tag or an outlet's name after the last sentence ("... the vote.
  Via: Example News", "... in public.    Example Tribune"), a bracketed note
  the outlet appends ("(This story was updated ...)"), a closing question to
  the reader ("... What do you think?") (:func:`tail_tag`).

The split stage cuts them off; every part keeps the span of its line.
"""

from __future__ import annotations

import re

from .._lexicon.chrome import EMBED_END, READER_QUESTION, chrome_reason

__all__ = ["split_embeds", "tail_tag"]

#: Characters that close a clause (a tag is cut only where the line does not end on one).
_CLAUSE_STOPS = ".!?:;\u2026"


# -- closing tags ----------------------------------------------------------------------

# A source tag or an outlet's name closing a flattened text after the last sentence:
# "... the party. Via: HotAir", "... in public.    Conservative Tribune". A tag word
# after one space, or a bare name after two or more (a lost line break). Bounded: linear.
_TAIL_TAG = re.compile(
    "[.!?][\"\u201d\u2019)]?(?:[ ]{1,8}(?=(?i:via|source|sources|h/t)[ ]{0,2}:?[ ]{1,3})|[ ]{2,8})"
    "(?P<tag>[A-Za-z(][^.!?:]{0,50}(?::[ ]{0,3}[^.!?:]{1,50})?)[ ]{0,8}$"
)
# A note in brackets closing the text: "... the end. (This story was updated to fix a typo.)". Bounded.
_TAIL_ASIDE = re.compile("[.!?][\"\u201d\u2019)]?[ ]{1,8}(?P<tag>\\([^()]{10,200}\\))[ ]{0,8}$")
# A sentence end right before a position (searched in the few characters before it).
_SENTENCE_BEFORE = re.compile("[.!?][\"\u201d\u2019)]?[ ]{1,3}$")
#: A closing tag is short: "Via: Washington Free Beacon".
_TAG_WORDS = 6


def tail_tag(line: str) -> int | None:
    """Where a source tag or an outlet's name glued to the end of ``line`` starts, or None.

    >>> line = "The council voted to close the bridge on Monday. Via: The Valley Courier"
    >>> line[tail_tag(line):]
    'Via: The Valley Courier'
    >>> tail_tag("The council voted. The bridge closes") is None
    True
    >>> line = "The council voted to close the old bridge for good. What do you think of the vote?"
    >>> line[tail_tag(line):]
    'What do you think of the vote?'

    """
    end = len(line.rstrip())
    if end < _MIN_HEAD + _MIN_TAG:
        return None
    last = line[end - 1]
    if last == ")":
        aside = _TAIL_ASIDE.search(line, max(0, end - 240))
        if aside is not None and aside.start("tag") >= _MIN_HEAD and _is_note(aside.group("tag")):
            return aside.start("tag")
    if last != "?" and last not in _CLAUSE_STOPS:
        tail = _TAIL_TAG.search(line, max(0, end - 90))
        if tail is not None and len(tail.group("tag").split()) <= _TAG_WORDS and tail.start("tag") >= _MIN_HEAD:
            return tail.start("tag")
    if last != "?":
        return None
    for question in READER_QUESTION.finditer(line, max(0, end - 300)):
        start = question.start()
        closing = line[start:end]
        if (
            start >= _MIN_HEAD
            and _SENTENCE_BEFORE.search(line, max(0, start - 4), start) is not None
            and closing.endswith("?")
            and len(closing.split()) <= _QUESTION_WORDS
        ):
            return start  # "... and unity. What do you think of this new order?"
    return None


def _is_note(aside: str) -> bool:
    """True for a bracketed notice the outlet appends ("(This story was updated ...)"), not a photo credit."""
    return len(aside.split()) >= _NOTE_WORDS and "/" not in aside and chrome_reason(aside.strip("() ")) is not None


_NOTE_WORDS = 6
#: The shortest tag ("Via: AP").
_MIN_TAG = 4
#: A closing question to the reader is short.
_QUESTION_WORDS = 40
#: A tag is cut off only a paragraph this long (a short line is a line of its own).
_MIN_HEAD = 40


def cut_pieces(text: str, cuts: list[int]) -> list[str]:
    """The stripped, non-empty pieces of ``text`` between the cut positions.

    >>> cut_pieces("Storm hits coast  Reuters ", [16])
    ['Storm hits coast', 'Reuters']
    """
    pieces: list[str] = []
    previous = 0
    for position in [*cuts, len(text)]:
        piece = text[previous:position].strip()
        if piece:
            pieces.append(piece)
        previous = position
    return pieces


# -- embedded posts ----------------------------------------------------------------

# A tweet's picture link; the attribution after a tweet is EMBED_END ("(@handle) July 4, 2016").
_PIC_LINK = re.compile(r"pic\.twitter\.com/\w{1,20}")
# Where a tweet's text may start: after a clause or sentence end ("proof: Wow, ..."). Linear.
_TWEET_START = re.compile("[.!?:][\"\u201d\u2019)]?[ ]+(?=[\"\u201c\u2018@#(]?[A-Z0-9@#])")
#: A tweet is at most this long (characters), so its text starts no further back.
_TWEET_CHARS = 280
#: An initial with its full stop ("J.").
_INITIAL_CHARS = 2
#: An attribution's name ("Donald J. Trump") has at most this many words.
_NAME_WORDS = 5


def split_embeds(text: str) -> list[str]:
    """Cut embedded-post residue out of ``text``: the tweet with its picture link, the attribution.

    >>> split_embeds("He wrote on Friday. We will win! pic.twitter.com/AbC123 Jane Doe (@jdoe) May 2, 2017 The rest.")
    ['He wrote on Friday.', 'We will win! pic.twitter.com/AbC123 Jane Doe (@jdoe) May 2, 2017', 'The rest.']
    >>> split_embeds("It ended. Too many others. Jane Doe (@jdoe) September 21, 2016")
    ['It ended. Too many others.', 'Jane Doe (@jdoe) September 21, 2016']
    >>> split_embeds("No embed here.")
    ['No embed here.']
    """
    if "(@" not in text and "pic.twitter.com/" not in text:
        return [text]
    cuts: list[int] = []
    for end in EMBED_END.finditer(text):
        link = _last_link(text, end.start())
        if link is not None:
            cuts.extend((_tweet_start(text, link, cuts[-1] if cuts else 0), end.end()))
        else:
            cuts.extend((_name_start(text, end.start()), end.end()))
    if not cuts:
        for link_match in _PIC_LINK.finditer(text):
            cuts.extend((_tweet_start(text, link_match.start(), cuts[-1] if cuts else 0), link_match.end()))
    return cut_pieces(text, sorted(set(cuts))) or [text]


def _last_link(text: str, before: int) -> int | None:
    """Where the picture link of the tweet whose attribution starts at ``before`` is, or None."""
    window = max(0, before - 80)
    found = None
    for link in _PIC_LINK.finditer(text, window, before):
        found = link.start()
    return found


def _tweet_start(text: str, link: int, floor: int) -> int:
    """Where the text of the tweet whose picture link is at ``link`` starts (not before ``floor``)."""
    low = max(floor, link - _TWEET_CHARS)
    starts = [m.end() for m in _TWEET_START.finditer(text, low, link)]
    colons = [m.end() for m in _TWEET_START.finditer(text, low, link) if m.group()[0] == ":"]
    if colons:
        return colons[-1]  # "Stephan posted the proof: <tweet>"
    return starts[-1] if starts else low if low == floor else link


def _name_start(text: str, handle: int) -> int:
    """Where the name before "(@handle)" starts: after a dash, or the capitalised words before it."""
    dash = max(text.rfind("\u2014", max(0, handle - 60), handle), text.rfind("\u2013", max(0, handle - 60), handle))
    if dash >= 0:
        return dash
    position = handle
    for _ in range(_NAME_WORDS):
        previous = text.rfind(" ", 0, max(0, position - 1))
        word = text[previous + 1:position].strip()
        ends_sentence = word[-1:] in ".!?:;,\"\u201d" and len(word) > _INITIAL_CHARS  # "J." is an initial
        if not word or not (word[0].isupper() or word[0].isdigit()) or ends_sentence:
            break
        position = previous + 1
        if previous < 0:
            break
    return position
