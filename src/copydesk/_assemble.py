"""Build the Article's fields from labelled blocks.

Each field is read from the blocks that carry its label, with the same
readers the rules used to decide (``parse_byline``, ``read_dateline``,
``parse_credits``, ...). Page metadata fills the fields the text does not
give; ``provenance`` records where each field came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._classify.context import Evidence
from ._classify.rules.byline import Byline, parse_byline
from ._classify.rules.credit import parse_credits
from ._classify.rules.date import FoundDate, find_date, is_updated
from ._classify.rules.dateline import read_dateline
from ._classify.rules.photo_credit import parse_photo_credit, split_photo_credit
from ._classify.table import rule_named
from ._config import ParseConfig
from ._lexicon.agencies import agency_named
from ._lexicon.language import detect_language
from ._lexicon.names import persons_in, split_names
from ._model import (
    Article,
    Block,
    BlockKind,
    Caption,
    Credit,
    CreditRole,
    Dateline,
    Diagnostic,
    Repair,
    Timestamp,
)


class _Fields:
    """The fields read so far while walking the blocks."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.subtitle: str | None = None
        self.byline: str | None = None
        self.authors: list[str] = []
        self.published: Timestamp | None = None
        self.updated: Timestamp | None = None
        self.dateline: Dateline | None = None
        self.credits: list[Credit] = []
        self.captions: list[tuple[int, Caption]] = []
        self.photo_credits: list[tuple[int, Credit]] = []
        self.pull_quotes: list[str] = []
        self.next_is_updated = False
        self.provenance: dict[str, str] = {}

    def add_credit(self, credit: Credit) -> None:
        if not any(c.name == credit.name and c.role is credit.role for c in self.credits):
            self.credits.append(credit)

    def add_author(self, name: str) -> None:
        if name not in self.authors:
            self.authors.append(name)


def assemble_article(
    blocks: Sequence[Block],
    *,
    repairs: Sequence[Repair] = (),
    diagnostics: Sequence[Diagnostic] = (),
    url: str | None = None,
    readings: Mapping[Block, object] | None = None,
    config: ParseConfig,
) -> Article:
    """Read the fields from ``blocks`` and build the Article.

    ``readings`` holds what the rules parsed from the blocks they labelled
    (:class:`~copydesk._classify.table.Classified`); a field is read from it
    and the block is parsed here only when its rule read nothing (a block the
    markup labelled, or blocks built by hand).

    >>> from copydesk import ParseConfig
    >>> from copydesk._model import Span
    >>> a = assemble_article([Block(BlockKind.TITLE, "T", Span(0, 1)),
    ...                       Block(BlockKind.BYLINE, "By Jane Doe, Reuters", Span(1, 2))], config=ParseConfig())
    >>> a.title, a.authors, [c.name for c in a.credits], a.source_of("authors")
    ('T', ('Jane Doe',), ['Reuters'], 'text')
    """
    fields = _Fields()
    found = readings or {}
    for index, block in enumerate(blocks):
        reader = _READERS.get(block.kind)
        if reader is not None:
            reader(fields, index, block, found.get(block), config)
    captions = _attach_photo_credits(fields, blocks)
    for _index, credit in fields.photo_credits:
        fields.add_credit(credit)
    for name, value in (("title", fields.title), ("subtitle", fields.subtitle), ("byline", fields.byline),
                        ("authors", fields.authors), ("published", fields.published),
                        ("updated", fields.updated), ("dateline", fields.dateline), ("credits", fields.credits),
                        ("captions", captions), ("pull_quotes", fields.pull_quotes)):
        if value:
            fields.provenance.setdefault(name, "text")
    body_text = " ".join(b.text for b in blocks if b.kind.is_body)[:3000]
    language = detect_language(body_text)
    if language and "language" not in fields.provenance:
        fields.provenance["language"] = "text"
    return Article(
        title=fields.title,
        subtitle=fields.subtitle,
        authors=tuple(fields.authors),
        byline=fields.byline,
        published=fields.published,
        updated=fields.updated,
        dateline=fields.dateline,
        credits=tuple(fields.credits),
        captions=captions,
        pull_quotes=tuple(fields.pull_quotes),
        blocks=tuple(blocks),
        repairs=tuple(repairs),
        diagnostics=tuple(diagnostics),
        language=language,
        url=url,
        provenance=fields.provenance,
    )


# -- readers, one per label ------------------------------------------------------


def _read_title(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    if fields.title is None:
        fields.title = block.text
        rule = rule_named(block.rule)
        if rule is not None and rule.evidence is Evidence.MARKUP:
            fields.provenance["title"] = "html"


def _read_subtitle(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    if fields.subtitle is None:
        fields.subtitle = block.text


def _read_byline(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    if fields.byline is None:
        fields.byline = block.text
    found = reading if isinstance(reading, Byline) else parse_byline(block.text, config)
    if found is None:
        dated = find_date(block.text, config)
        if dated is not None and fields.published is None and not is_updated(block.text):
            fields.published = dated[0]  # the byline's date, even when its names could not be read
        text = block.text[: dated[1]] + ", " + block.text[dated[2]:] if dated else block.text
        named = [a for a in map(agency_named, split_names(text)) if a is not None]
        for agency in named:
            fields.add_credit(Credit(agency.name, block.text, CreditRole.STORY, True))
        for name in persons_in(text, marked=False):  # (the date cut out: "May 5, 2019 Jane Doe")
            fields.add_author(name)
        return
    for name in found.authors:
        fields.add_author(name)
    for agency_name in found.agencies:
        fields.add_credit(Credit(agency_name, block.text, CreditRole.STORY, True))
    if found.published is not None:
        # "By Jane Doe, updated 5 March 2019": the byline's time is the update when labelled so.
        dated = find_date(block.text, config)
        labelled = dated is not None and is_updated(block.text, dated.start, dated.end)
        _take_time(fields, found.published, updated=labelled)


def _read_date(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    found = reading if isinstance(reading, FoundDate) else find_date(block.text, config)
    if found is None:
        # A label alone ("Updated") names the time on the next date line.
        fields.next_is_updated = is_updated(block.text)
        return
    first_is_update = is_updated(block.text, found.start, found.end) or fields.next_is_updated
    fields.next_is_updated = False
    _take_time(fields, found.timestamp, updated=first_is_update)
    # A second time on the line ("Published: ... | Updated: ...", or the other way round).
    rest = block.text[found.end:]
    second = find_date(rest, config)
    if second is not None:
        _take_time(fields, second.timestamp, updated=is_updated(rest, second.start, second.end))


def _take_time(fields: _Fields, stamp: Timestamp, *, updated: bool) -> None:
    """Fill ``updated`` or ``published`` with ``stamp`` unless it already has a time."""
    if updated:
        if fields.updated is None:
            fields.updated = stamp
    elif fields.published is None:
        fields.published = stamp


def _read_dateline(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    if fields.dateline is not None:
        return
    dateline = reading if isinstance(reading, Dateline) else read_dateline(block.text)
    fields.dateline = dateline
    if dateline.agency:
        agency = agency_named(dateline.agency)
        if agency is not None:
            fields.add_credit(Credit(agency.name, dateline.raw, CreditRole.STORY, True))


def _read_credit(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    credits = reading if isinstance(reading, tuple) else parse_credits(block.text)
    for credit in credits:
        if isinstance(credit, Credit):
            fields.add_credit(credit)


def _read_photo_credit(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    if isinstance(reading, Credit):
        fields.photo_credits.append((index, reading))
        return
    found = parse_photo_credit(block.text)
    name, is_agency = found if found is not None else (block.text.strip(), False)
    fields.photo_credits.append((index, Credit(name, block.text, CreditRole.PHOTO, is_agency)))


def _read_caption(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    found = split_photo_credit(block.text, in_caption=True)
    if found is None:
        fields.captions.append((index, Caption(block.text, None, block.span, block.text)))
        return
    text, raw_credit, _name, _is_agency = found
    credit = raw_credit.strip("()[] |")
    # The credit stays with its caption; Article.credits lists the credit lines
    # that stand on their own (and the story's agencies).
    fields.captions.append((index, Caption(text, credit, block.span, block.text)))


def _read_pull_quote(fields: _Fields, index: int, block: Block, reading: object, config: ParseConfig) -> None:
    fields.pull_quotes.append(block.text)


_READERS = {
    BlockKind.TITLE: _read_title,
    BlockKind.SUBTITLE: _read_subtitle,
    BlockKind.BYLINE: _read_byline,
    BlockKind.DATE: _read_date,
    BlockKind.DATELINE: _read_dateline,
    BlockKind.CREDIT: _read_credit,
    BlockKind.PHOTO_CREDIT: _read_photo_credit,
    BlockKind.CAPTION: _read_caption,
    BlockKind.PULL_QUOTE: _read_pull_quote,
}


def _attach_photo_credits(fields: _Fields, blocks: Sequence[Block]) -> tuple[Caption, ...]:
    """Give a caption without credit the photo credit standing right after (or before) it."""
    by_index = dict(fields.captions)
    for index, credit in fields.photo_credits:
        for neighbour in (index - 1, index + 1):
            caption = by_index.get(neighbour)
            if caption is not None and caption.credit is None:
                by_index[neighbour] = Caption(caption.text, credit.raw.strip("()[] |"), caption.span, caption.raw)
                break
    return tuple(by_index[i] for i, _caption in fields.captions)
