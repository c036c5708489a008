"""Strategies for clean :class:`~copydesk.Article` values and their parts.

Built from the pools with ``st.composite``, ``sampled_from`` and
``lists(unique=True)`` only (no ``filter``), so every draw succeeds and
failures shrink towards the first entry of each pool and the fewest blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

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


@st.composite
def body_blocks(
    draw: st.DrawFn, *, language: Language, min_blocks: int = 1, max_blocks: int = 8
) -> tuple[tuple[Block, ...], tuple[tuple[str, ...], ...]]:
    """Body blocks in ``language`` and, for each block, the sentences it is made of.

    The first and the last block are paragraphs; a subheading is followed by
    a paragraph; a list is two or three list items. No sentence is used twice.
    """
    sentences = pools.SENTENCES[language]
    headings = pools.SUBHEADINGS[language]
    count = draw(st.integers(min_blocks, max(min_blocks, max_blocks)))
    middle = [
        draw(st.sampled_from((BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM)))
        for _ in range(max(0, count - 2))
    ]
    kinds = [BlockKind.PARAGRAPH, *middle, BlockKind.PARAGRAPH] if count >= 2 else [BlockKind.PARAGRAPH] * count
    # No two subheadings in a row and none just before a list: make those paragraphs.
    for i in range(1, len(kinds)):
        if kinds[i - 1] is BlockKind.SUBHEADING and kinds[i] is not BlockKind.PARAGRAPH:
            kinds[i] = BlockKind.PARAGRAPH
    sizes = [
        draw(st.integers(2, 3)) if kind is BlockKind.LIST_ITEM
        else draw(st.integers(1, 3)) if kind is BlockKind.PARAGRAPH
        else 0
        for kind in kinds
    ]
    # Drop trailing blocks until the sentences and headings of the pools suffice.
    while kinds and (
        sum(sizes) > len(sentences) or kinds.count(BlockKind.SUBHEADING) > len(headings)
    ):
        kinds.pop(-2 if len(kinds) > 1 else -1)
        sizes.pop(-2 if len(sizes) > 1 else -1)
    order = draw(st.lists(st.integers(0, len(sentences) - 1), unique=True,
                          min_size=sum(sizes), max_size=sum(sizes)))
    heading_order = draw(st.lists(st.integers(0, len(headings) - 1), unique=True,
                                  min_size=kinds.count(BlockKind.SUBHEADING),
                                  max_size=kinds.count(BlockKind.SUBHEADING)))
    blocks: list[Block] = []
    groups: list[tuple[str, ...]] = []
    taken = iter(order)
    headings_taken = iter(heading_order)
    joiner = "" if language is Language.CHINESE else " "
    for kind, size in zip(kinds, sizes, strict=True):
        if kind is BlockKind.SUBHEADING:
            blocks.append(Block(kind, headings[next(headings_taken)]))
            groups.append(())
        elif kind is BlockKind.LIST_ITEM:
            for _ in range(size):
                sentence = sentences[next(taken)]
                blocks.append(Block(kind, sentence))
                groups.append((sentence,))
        else:
            chosen = tuple(sentences[next(taken)] for _ in range(size))
            blocks.append(Block(kind, joiner.join(chosen)))
            groups.append(chosen)
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
    language = draw(as_strategy(languages, "languages") if languages is not None else st.sampled_from(Language))
    if not isinstance(language, Language):
        raise TypeError(f"articles(languages=...) must give copydesk.strategies.Language values; got {language!r}")
    blocks, groups = draw(body_blocks(language=language, min_blocks=min_blocks, max_blocks=max_blocks))
    title = draw(st.sampled_from(pools.TITLES[language]))
    authors = tuple(draw(st.lists(person_names(), unique=True, max_size=3)))
    published = draw(st.none() | timestamps())
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
    caption_list = draw(st.lists(captions(), max_size=2, unique_by=lambda c: c.text))
    # Pull quotes repeat a sentence of a paragraph of two or more sentences.
    quotable = sorted({s for b, g in zip(blocks, groups, strict=True)
                       if b.kind is BlockKind.PARAGRAPH and len(g) > 1 for s in g})
    pull_quotes: tuple[str, ...] = ()
    if quotable:
        pull_quotes = tuple(draw(st.lists(st.sampled_from(quotable), unique=True, max_size=1)))
    return Article(
        title=title,
        authors=authors,
        byline=None,
        published=published,
        dateline=dateline,
        credits=tuple(credits),
        captions=tuple(caption_list),
        pull_quotes=pull_quotes,
        blocks=blocks,
        language=language.value,
    )
