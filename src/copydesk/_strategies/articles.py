"""Strategies for clean :class:`~copydesk.Article` values and their parts.

Built from the pools with ``st.composite``, ``sampled_from`` and
``lists(unique=True)`` only (no ``filter``), so every draw succeeds and
failures shrink towards the first entry of each pool and the fewest blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.strategies import SearchStrategy

from .._model import Article, Block, BlockKind, Caption, Credit, CreditRole, Dateline, Timestamp
from . import pools
from .dates import OFFSETS, Precision
from .pools import Language

T = TypeVar("T")

#: Languages whose copy opens with English-style datelines in the generated articles.
DATELINE_LANGUAGES = frozenset(
    {Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH,
     Language.PORTUGUESE, Language.ITALIAN, Language.VIETNAMESE}
)


def as_strategy(value: SearchStrategy[T] | T, name: str) -> SearchStrategy[T]:
    """``value`` itself when it is a strategy, else a strategy that always gives ``value``."""
    if isinstance(value, SearchStrategy):
        return value
    return st.just(value)


def person_names() -> SearchStrategy[str]:
    """Person names from several cultures, as bylines print them."""
    return st.sampled_from(pools.PERSON_NAMES)


def agencies() -> SearchStrategy[str]:
    """Wire-agency names as credits spell them."""
    return st.sampled_from(pools.AGENCIES)


@st.composite
def timestamps(
    draw: st.DrawFn,
    *,
    precisions: tuple[Precision, ...] = (Precision.DAY, Precision.MINUTE, Precision.MONTH, Precision.SECOND),
    timezones: bool = True,
) -> Timestamp:
    """A Timestamp as precise as one of ``precisions``, with a stated offset or not."""
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    precision = draw(st.sampled_from(precisions))
    parts: dict[str, Any] = {"year": day.year}
    if precision is not Precision.YEAR:
        parts["month"] = day.month
    if precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND):
        parts["day"] = day.day
    if precision in (Precision.MINUTE, Precision.SECOND):
        parts["hour"] = draw(st.integers(0, 23))
        parts["minute"] = draw(st.integers(0, 59))
        if precision is Precision.SECOND:
            parts["second"] = draw(st.integers(0, 59))
        if timezones:
            parts["utc_offset"] = draw(st.none() | st.sampled_from(OFFSETS))
    stamp = Timestamp(raw="", **parts)
    # The raw text of a timestamp that was never written anywhere is its ISO form.
    return Timestamp(raw=stamp.isoformat(), **parts)


@st.composite
def _later(draw: st.DrawFn, published: Timestamp) -> Timestamp | None:
    """None, or a time after ``published`` with the same precision and offset (an update)."""
    if not draw(st.booleans()):
        return None
    assert published.month is not None and published.day is not None
    start = dt.datetime(published.year, published.month, published.day,
                        published.hour or 0, published.minute or 0, published.second or 0)
    if published.hour is None:
        later = start + dt.timedelta(days=draw(st.integers(1, 30)))
        return Timestamp(raw=later.date().isoformat(), year=later.year, month=later.month, day=later.day)
    later = start + dt.timedelta(minutes=draw(st.integers(1, 3 * 24 * 60)))
    stamp = Timestamp(
        raw="", year=later.year, month=later.month, day=later.day, hour=later.hour, minute=later.minute,
        second=later.second if published.second is not None else None, utc_offset=published.utc_offset,
    )
    return attrs.evolve(stamp, raw=stamp.isoformat())


@st.composite
def captions(draw: st.DrawFn) -> Caption:
    """A photo caption ("Protesters gather outside the parliament in Athens on Monday"), maybe credited."""
    text = " ".join(
        (
            draw(st.sampled_from(pools.CAPTION_SUBJECTS)),
            draw(st.sampled_from(pools.CAPTION_ACTIONS)),
            "in",
            draw(st.sampled_from(pools.PLACES)),
            "on",
            draw(st.sampled_from(pools.WEEKDAYS)),
        )
    )
    credit = draw(st.none() | st.sampled_from(pools.PHOTO_CREDITS))
    return Caption(text=text, credit=credit, raw=text)


@st.composite
def datelines(draw: st.DrawFn) -> Dateline:
    """A dateline place, with the wire agency the story came from or none."""
    place = draw(st.sampled_from(pools.PLACES))
    agency = draw(st.none() | agencies())
    raw = f"{place.upper()} ({agency}) -" if agency else f"{place}:"
    return Dateline(place=place, raw=raw, agency=agency)


_KINDS = (BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM)


def _spec(language: Language) -> SearchStrategy[tuple[BlockKind, int, tuple[int, ...], int]]:
    """One body block: kind, size, three sentence picks and a heading pick.

    Every block draws the same parts whatever its kind, so deleting a block
    while shrinking deletes one contiguous run of choices and leaves the
    others as they were.
    """
    last_sentence = len(pools.SENTENCES[language]) - 1
    return st.tuples(
        st.sampled_from(_KINDS),
        st.integers(1, 3),
        st.tuples(*[st.integers(0, last_sentence)] * 3),
        st.integers(0, len(pools.SUBHEADINGS[language]) - 1),
    )


def _take(pick: int, used: set[int], size: int) -> int | None:
    """``pick``, or the next index not used yet (wrapping around); None when all are used."""
    for step in range(size):
        candidate = (pick + step) % size
        if candidate not in used:
            used.add(candidate)
            return candidate
    return None


@st.composite
def body_blocks(
    draw: st.DrawFn, *, language: Language, min_blocks: int = 1, max_blocks: int = 8
) -> tuple[tuple[Block, ...], tuple[tuple[str, ...], ...]]:
    """Body blocks in ``language`` and, for each block, the sentences it is made of.

    The first and the last block are paragraphs; a subheading is followed by
    a paragraph; a list block gives two or three list items. No sentence and
    no subheading is used twice (a repeated pick takes the next unused one,
    so no draw is ever rejected); blocks stop when the pool runs out.
    """
    sentences = pools.SENTENCES[language]
    headings = pools.SUBHEADINGS[language]
    specs = draw(st.lists(_spec(language), min_size=min_blocks, max_size=max_blocks))
    kinds = [kind for kind, *_ in specs]
    kinds[0] = kinds[-1] = BlockKind.PARAGRAPH
    for i in range(1, len(kinds)):
        if kinds[i - 1] is BlockKind.SUBHEADING and kinds[i] is not BlockKind.PARAGRAPH:
            kinds[i] = BlockKind.PARAGRAPH
    blocks: list[Block] = []
    groups: list[tuple[str, ...]] = []
    used: set[int] = set()
    used_headings: set[int] = set()
    joiner = "" if language is Language.CHINESE else " "
    for kind, (_kind, size, picks, heading) in zip(kinds, specs, strict=True):
        if kind is BlockKind.SUBHEADING:
            chosen = _take(heading, used_headings, len(headings))
            if chosen is not None:
                blocks.append(Block(kind, headings[chosen]))
                groups.append(())
            continue
        count = max(2, size) if kind is BlockKind.LIST_ITEM else size
        taken = [_take(p, used, len(sentences)) for p in picks[:count]]
        parts = tuple(sentences[i] for i in taken if i is not None)
        if not parts:
            break
        if kind is BlockKind.LIST_ITEM:
            blocks.extend(Block(kind, part) for part in parts)
            groups.extend((part,) for part in parts)
        else:
            blocks.append(Block(kind, joiner.join(parts)))
            groups.append(parts)
    # The pool may have run out before the closing paragraph: end on a paragraph.
    while blocks and blocks[-1].kind is not BlockKind.PARAGRAPH:
        if blocks[-1].kind is BlockKind.LIST_ITEM:
            blocks[-1] = Block(BlockKind.PARAGRAPH, blocks[-1].text)
        else:
            blocks.pop()
            groups.pop()
    return tuple(blocks), tuple(groups)


@st.composite
def articles(
    draw: st.DrawFn,
    *,
    languages: SearchStrategy[Language] | Language | None = None,
    min_blocks: int = 1,
    max_blocks: int = 8,
) -> Article:
    """See :func:`copydesk.strategies.articles`."""
    # English half the time (most scraped news is), any language the other half.
    any_language = st.one_of(st.just(Language.ENGLISH), st.sampled_from(Language))
    language = draw(as_strategy(languages, "languages") if languages is not None else any_language)
    if not isinstance(language, Language):
        raise TypeError(f"articles(languages=...) must give copydesk.strategies.Language values; got {language!r}")
    blocks, groups = draw(body_blocks(language=language, min_blocks=min_blocks, max_blocks=max_blocks))
    title = draw(st.sampled_from(pools.TITLES[language]))
    authors = tuple(draw(st.lists(person_names(), unique=True, max_size=3)))
    published = draw(st.none() | timestamps())
    updated = draw(_later(published)) if published is not None and published.day is not None else None
    dateline = draw(st.none() | datelines()) if language in DATELINE_LANGUAGES else None
    credits: list[Credit] = []
    if dateline is not None and dateline.agency:
        credits.append(Credit(name=dateline.agency, raw=dateline.raw, role=CreditRole.STORY))
    else:
        story = draw(st.none() | agencies())
        if story is not None:
            credits.append(Credit(name=story, raw=f"- {story} inputs", role=CreditRole.STORY))
    contributed = draw(st.none() | agencies())
    if contributed is not None and all(c.name != contributed for c in credits):
        credits.append(Credit(name=contributed, raw=f"{contributed} contributed to this report.",
                              role=CreditRole.CONTRIBUTED))
    # People who added reporting or edited the story (a Reuters-style trailer).
    for name in draw(st.lists(person_names(), unique=True, max_size=2)):
        credits.append(Credit(name=name, raw=f"Additional reporting by {name}", role=CreditRole.CONTRIBUTED,
                              is_agency=False))
    editor = draw(st.none() | person_names())
    if editor is not None:
        credits.append(Credit(name=editor, raw=f"Editing by {editor}", role=CreditRole.EDITING, is_agency=False))
    caption_list = draw(st.lists(captions(), max_size=2, unique_by=lambda c: c.text))
    # Pull quotes repeat a sentence of a paragraph of two or more sentences.
    # In body order (not sorted), so that deleting a block while shrinking
    # leaves the choice pointing at the same sentence.
    quotable = [s for b, g in zip(blocks, groups, strict=True)
                if b.kind is BlockKind.PARAGRAPH and len(g) > 1 for s in g]
    pull_quotes: tuple[str, ...] = ()
    wants_quote: bool = draw(st.booleans())
    if quotable and wants_quote:
        quote: str = draw(st.sampled_from(quotable))
        pull_quotes = (quote,)
    return Article(
        title=title,
        authors=authors,
        byline=None,
        published=published,
        updated=updated,
        dateline=dateline,
        credits=tuple(credits),
        captions=tuple(caption_list),
        pull_quotes=pull_quotes,
        blocks=blocks,
        language=language.value,
    )
