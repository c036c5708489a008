"""Label source blocks with one ordered table of small rules.

:data:`RULES` is the whole decision procedure, in order: for each block the
first rule whose test returns a :class:`Match` gives the label; a block no rule
claims is a body paragraph. Each rule lives in the module of its label under
``copydesk._classify.rules``; this module only holds the table and the loop
(the :class:`~copydesk._classify.context.Rule` and
:class:`~copydesk._classify.context.Context` types live below the rules, in
:mod:`copydesk._classify.context`).

Rules see the block and a :class:`Context`: the neighbours, the zone the block
sits in (header before the first real paragraph, trailer after the last), the
labels given so far, the page metadata and the configuration. A rule may split
a block (a dateline taken out of the first paragraph, a "-REUTERS" sign-off
taken off the last one): every part keeps the block's span, so nothing is lost.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs

from .._config import ClassifyOptions, ParseConfig
from .._model import Block, BlockKind
from .context import Context, Document, Evidence, Match, Rule
from .rules import (
    body,
    boilerplate,
    byline,
    caption,
    credit,
    date,
    dateline,
    duplicate,
    photo_credit,
    pull_quote,
    subheading,
    subtitle,
    title,
)
from .source import Hint, PageMetadata, SourceBlock

__all__ = ["RULES", "Classified", "classify", "classify_blocks", "rule_named"]


def _boilerplate_on(options: ClassifyOptions) -> bool:
    return options.remove_boilerplate


def _duplicates_on(options: ClassifyOptions) -> bool:
    return options.remove_duplicates


def _captions_on(options: ClassifyOptions) -> bool:
    return options.separate_captions


K = BlockKind


def _only(hint: Hint) -> frozenset[Hint]:
    return frozenset({hint})



#: The rule table, in order. The first rule that matches labels the block.
RULES: tuple[Rule, ...] = (
    # Structure the HTML front end saw: strong evidence, checked first.
    Rule("title.hint", K.TITLE, title.by_hint, hints=_only(Hint.TITLE)),
    Rule("subtitle.hint", K.SUBTITLE, subtitle.by_hint, hints=_only(Hint.SUBTITLE)),
    Rule("byline.hint", K.BYLINE, byline.by_hint, hints=_only(Hint.BYLINE)),
    Rule("date.hint", K.DATE, date.by_hint, hints=frozenset({Hint.TIME, Hint.DATELINE})),
    Rule("dateline.hint", K.DATELINE, dateline.by_hint, hints=_only(Hint.DATELINE)),
    Rule("caption.hint", K.CAPTION, caption.by_hint, _captions_on, hints=_only(Hint.FIGCAPTION)),
    Rule("photo_credit.hint", K.PHOTO_CREDIT, photo_credit.by_hint, _captions_on, hints=_only(Hint.PHOTO_CREDIT)),
    Rule("pull_quote.hint", K.PULL_QUOTE, pull_quote.by_hint, _captions_on, hints=_only(Hint.PULL_QUOTE)),
    Rule("pull_quote.blockquote_repeat", K.PULL_QUOTE, pull_quote.repeated_blockquote, _captions_on,
         hints=_only(Hint.BLOCKQUOTE)),
    Rule("body.quote_hint", K.QUOTE, body.quote_hint, hints=_only(Hint.BLOCKQUOTE)),
    Rule("subheading.hint", K.SUBHEADING, subheading.by_hint, hints=_only(Hint.HEADING)),
    Rule("body.list_hint", K.LIST_ITEM, body.list_hint, hints=_only(Hint.LIST_ITEM)),
    Rule("body.table_hint", K.TABLE, body.table_hint, hints=_only(Hint.TABLE)),
    Rule("body.code_hint", K.CODE, body.code_hint, hints=_only(Hint.CODE)),
    # Lines with no words, repeats, site chrome.
    Rule("boilerplate.no_words", K.BOILERPLATE, boilerplate.no_words, _boilerplate_on),
    Rule("boilerplate.after_marker", K.BOILERPLATE, boilerplate.after_marker, _boilerplate_on),
    Rule("title.metadata", K.TITLE, title.equals_metadata, evidence=Evidence.METADATA),
    Rule("boilerplate.title_repeated", K.BOILERPLATE, boilerplate.title_repeated, _boilerplate_on),
    Rule("boilerplate.line", K.BOILERPLATE, boilerplate.chrome_line, _boilerplate_on),
    Rule("boilerplate.marker", K.BOILERPLATE, boilerplate.marker, _boilerplate_on),
    Rule("boilerplate.embedded_post", K.BOILERPLATE, boilerplate.embedded_post, _boilerplate_on),
    Rule("boilerplate.labelled_link", K.BOILERPLATE, boilerplate.labelled_link, _boilerplate_on),
    Rule("boilerplate.media_pointer", K.BOILERPLATE, boilerplate.media_pointer, _boilerplate_on),
    Rule("boilerplate.reader_prompt", K.BOILERPLATE, boilerplate.reader_prompt, _boilerplate_on),
    Rule("boilerplate.alt_text", K.BOILERPLATE, boilerplate.alt_text, _boilerplate_on),
    Rule("duplicate.repeated", K.DUPLICATE, duplicate.repeated, _duplicates_on),
    Rule("body.highlight", K.LIST_ITEM, body.highlight),
    # The header: byline and date lines, then the title and the dek.
    Rule("byline.line", K.BYLINE, byline.byline_line),
    Rule("byline.author_box", K.BYLINE, byline.author_box),
    Rule("date.line", K.DATE, date.date_line),
    # Lists and repeats that only a byline or a date line may look like.
    Rule("boilerplate.related_list", K.BOILERPLATE, boilerplate.related_list, _boilerplate_on),
    Rule("boilerplate.headline_run", K.BOILERPLATE, boilerplate.headline_run, _boilerplate_on),
    Rule("boilerplate.repeated_short_line", K.BOILERPLATE, boilerplate.repeated_short_line, _boilerplate_on),
    Rule("caption.lead_photo", K.CAPTION, caption.lead_photo, _captions_on),
    Rule("dateline.own_line", K.DATELINE, dateline.own_line),
    Rule("title.first_line", K.TITLE, title.first_line),
    Rule("subtitle.after_title", K.SUBTITLE, subtitle.after_title),
    # Credits and photo credits.
    Rule("credit.line", K.CREDIT, credit.credit_line),
    Rule("photo_credit.line", K.PHOTO_CREDIT, photo_credit.photo_credit_line, _captions_on),
    # List items (before the rules that look at short lines between paragraphs).
    Rule("body.list_item", K.LIST_ITEM, body.list_item),
    # The body's first and last paragraphs.
    Rule("date.leading", K.DATE, date.leading_date),
    Rule("dateline.first_paragraph", K.DATELINE, dateline.first_paragraph),
    Rule("credit.leading", K.CREDIT, credit.leading_agency),
    Rule("credit.trailing", K.CREDIT, credit.trailing_signoff),
    Rule("credit.trailing_outlet", K.CREDIT, credit.trailing_outlet),
    # Between paragraphs.
    Rule("caption.with_credit", K.CAPTION, caption.with_credit, _captions_on),
    Rule("caption.repeated_before_credit", K.CAPTION, caption.repeated_before_credit, _captions_on),
    Rule("caption.descriptive", K.CAPTION, caption.descriptive, _captions_on),
    Rule("pull_quote.repeats_body", K.PULL_QUOTE, pull_quote.repeats_body, _captions_on),
    Rule("pull_quote.restates", K.PULL_QUOTE, pull_quote.restates_story, _captions_on),
    Rule("subheading.line", K.SUBHEADING, subheading.short_heading),
)


@attrs.frozen
class Classified:
    """The labelled blocks, in order, and what the rules read from them (for assembly).

    ``readings`` maps a labelled block to what its rule parsed (see
    :attr:`Match.reading <copydesk._classify.context.Match.reading>`).
    """

    blocks: tuple[Block, ...]
    readings: Mapping[Block, object] = attrs.field(factory=dict)


def classify(blocks: Sequence[SourceBlock], metadata: PageMetadata | None, *, config: ParseConfig) -> Classified:
    """Give each block a label; a block no rule claims is a body paragraph.

    Every input block ends up in at least one output block (exactly one
    unless a rule split it; the parts keep its span).

    >>> from copydesk import ParseConfig
    >>> from copydesk._text.split import split_blocks
    >>> text = "Big news\\n\\nLONDON (Reuters) - It happened today, officials said on Monday."
    >>> for block in classify(split_blocks(text, ParseConfig().text), None, config=ParseConfig()).blocks:
    ...     print(block.kind.value, "|", block.text)
    title | Big news
    dateline | LONDON (Reuters) -
    paragraph | It happened today, officials said on Monday.
    """
    doc = Document(blocks, metadata, config)
    by_hint = _rules_by_hint(config.classify)
    readings: dict[Block, object] = {}
    for index, block in enumerate(blocks):
        ctx = Context(doc, index, doc.shapes[index])
        for rule in by_hint[block.hint]:
            match = rule.test(block, ctx)
            if match is None:
                continue
            if match.parts:
                new = [Block(kind, text, block.span, rule.name, match.reason, block.level,
                             _list_number(kind, match, block)) for kind, text in match.parts]
            else:
                new = [Block(rule.kind, block.text, block.span, rule.name, match.reason, block.level,
                             _list_number(rule.kind, match, block))]
            if match.reading is not None:
                owner = next((b for b in new if b.kind is rule.kind), new[0])
                readings[owner] = match.reading
            break
        else:
            new = [Block(BlockKind.PARAGRAPH, block.text, block.span, "body.paragraph", "no other rule matched",
                         block.level)]
        _record(doc, index, new)
    return Classified(tuple(doc.labels), readings)


def _list_number(kind: BlockKind, match: Match, block: SourceBlock) -> int | None:
    """The number a list item keeps: read from its marker by the rule, or given by the markup."""
    if kind is not BlockKind.LIST_ITEM:
        return None
    return match.number if match.number is not None else block.number


def classify_blocks(
    blocks: Sequence[SourceBlock], metadata: PageMetadata | None = None, *, config: ParseConfig
) -> tuple[Block, ...]:
    """The labelled blocks of :func:`classify` alone (for tests and exploration).

    >>> from copydesk import ParseConfig
    >>> from copydesk._text.split import split_blocks
    >>> [b.kind.value for b in classify_blocks(split_blocks("Big news\\n\\nIt happened.", ParseConfig().text),
    ...                                        config=ParseConfig())]
    ['title', 'paragraph']
    """
    return classify(blocks, metadata, config=config).blocks


@functools.cache
def rule_named(name: str) -> Rule | None:
    """The rule of the table called ``name`` (as recorded in ``Block.rule``), or None.

    >>> rule_named("caption.hint").evidence.value, rule_named("body.paragraph") is None
    ('markup', True)
    """
    return next((rule for rule in RULES if rule.name == name), None)


@functools.lru_cache(maxsize=16)
def _rules_by_hint(options: ClassifyOptions) -> dict[Hint, tuple[Rule, ...]]:
    """The enabled rules that can match a block with each hint, in table order."""
    rules = [rule for rule in RULES if rule.enabled(options)]
    return {hint: tuple(r for r in rules if r.hints is None or hint in r.hints) for hint in Hint}


def _record(doc: Document, index: int, new: list[Block]) -> None:
    """Add the new labels and update the running state rules read."""
    shape = doc.shapes[index]
    key = shape.key
    for block in new:
        doc.labels.append(block)
        if block.kind is BlockKind.TITLE and doc.title_key is None:
            doc.title_key = key or shape.text.casefold().strip()
        elif block.kind is BlockKind.DATELINE:
            doc.dateline_taken = True
        elif block.kind.is_body:
            doc.body_count += 1
            if block.kind is BlockKind.PARAGRAPH:
                doc.paragraph_count += 1
    if key and key not in doc.seen:
        doc.seen[key] = index
    removed = all(block.kind.is_removed for block in new)
    doc.labels_by_block.append(removed)
    if not removed:
        doc.last_kept = index
