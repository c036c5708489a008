"""Label source blocks with one ordered table of small rules.

:data:`RULES` is the whole decision procedure, in order: for each block the
first rule whose test returns a :class:`Match` gives the label; a block no rule
claims is a body paragraph. Each rule lives in the module of its label under
``copydesk._classify.rules``; this module only holds the table, the :class:`Rule` and
:class:`Context` types, and the loop.

Rules see the block and a :class:`Context`: the neighbours, the zone the block
sits in (header before the first real paragraph, trailer after the last), the
labels given so far, the page metadata and the configuration. A rule may split
a block (a dateline taken out of the first paragraph, a "-REUTERS" sign-off
taken off the last one): every part keeps the block's span, so nothing is lost.
"""

from __future__ import annotations

import collections
import functools
import itertools
import math
from collections.abc import Callable, Sequence

import attrs

from .._config import DEFAULT_CONFIG, ClassifyOptions, ParseConfig
from .._model import Block, BlockKind
from .match import Match
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
from .shape import Shape, shape_of
from .source import Hint, PageMetadata, SourceBlock

__all__ = ["RULES", "Context", "Document", "Match", "Rule", "classify_blocks"]


@attrs.frozen
class Rule:
    """One entry of the rule table: a name, the label it gives and its test.

    ``enabled`` says whether the rule runs under the classify options (for the
    options in :class:`~copydesk.ClassifyOptions`).

    >>> rule = Rule("demo.short", BlockKind.SUBHEADING, lambda block, ctx: None)
    >>> rule.name, rule.kind.value
    ('demo.short', 'subheading')
    """

    name: str
    kind: BlockKind
    test: Callable[[SourceBlock, Context], Match | None]
    enabled: Callable[[ClassifyOptions], bool] = lambda options: True
    #: The hints a rule can match at all (None: any block). Lets the loop skip
    #: the markup rules for plain-text blocks.
    hints: frozenset[Hint] | None = None


class Document:
    """Per-document facts computed once: shapes, zones, what is labelled so far.

    Rules read it through :class:`Context`; only :func:`classify_blocks`
    updates the running state (``title``, ``body_count``, ``seen``, ...).
    """

    def __init__(self, blocks: Sequence[SourceBlock], metadata: PageMetadata | None, config: ParseConfig) -> None:
        """Compute the shapes and the header and trailer zones of ``blocks``."""
        self.blocks = blocks
        self.metadata = metadata
        self.config = config
        self.shapes: tuple[Shape, ...] = tuple(shape_of(b.text) for b in blocks)
        long_blocks = [i for i, s in enumerate(self.shapes) if s.is_long_paragraph]
        #: Index of the first real paragraph (the header zone is before it).
        self.first_long = long_blocks[0] if long_blocks else len(blocks)
        #: Index of the last real paragraph (the trailer zone is after it).
        self.last_long = long_blocks[-1] if long_blocks else -1
        # Running state, updated by classify_blocks after each decision.
        self.labels: list[Block] = []
        self.title_key: str | None = None
        self.body_count = 0
        self.paragraph_count = 0
        self.dateline_taken = False
        self.seen: dict[str, int] = {}
        #: Index of the last block that was not removed (None before the first).
        self.last_kept: int | None = None
        #: For each block labelled so far: whether it was removed.
        self.labels_by_block: list[bool] = []
        self._words: dict[str, int] | None = None
        self._sentence_index: dict[str, list[tuple[int, frozenset[str]]]] | None = None

    def is_removed(self, index: int) -> bool:
        """True when block ``index`` was removed, or, not labelled yet, plainly will be (chrome, a repeat)."""
        if index < len(self.labels_by_block):
            return self.labels_by_block[index]
        shape = self.shapes[index]
        if shape.key and (shape.key in self.seen or shape.key == self.title_key):
            return True
        return boilerplate.looks_removable(self.blocks[index].text, shape)

    def word_blocks(self) -> dict[str, int]:
        """For each lower-cased word, in how many blocks it occurs (computed on first use)."""
        if self._words is None:
            self._words = collections.Counter(itertools.chain.from_iterable(s.word_set for s in self.shapes))
        return self._words

    def sentences_sharing(self, words: frozenset[str], share: float) -> list[tuple[int, frozenset[str]]]:
        """The sentences (block index, content words) that may hold ``share`` of ``words``.

        A sentence holding that share must hold one of the ``k`` rarest words
        (``k`` = how many may be missing, plus one), so only their sentences are
        returned. The word index is built on first use.
        """
        if self._sentence_index is None:
            from .shape import content_words, sentence_word_sets

            index: dict[str, list[tuple[int, frozenset[str]]]] = {}
            for number, block in enumerate(self.blocks):
                if not self.shapes[number].is_long_paragraph:
                    continue
                for sentence in sentence_word_sets(block.text):
                    content = content_words(sentence)
                    for word in content:
                        index.setdefault(word, []).append((number, content))
            self._sentence_index = index
        index = self._sentence_index
        needed = math.ceil(share * len(words))
        rarest = sorted(words, key=lambda w: len(index.get(w, ())))[: len(words) - needed + 1]
        seen: set[int] = set()
        out = []
        for word in rarest:
            for item in index.get(word, ()):
                if id(item[1]) not in seen:
                    seen.add(id(item[1]))
                    out.append(item)
        return out


@attrs.frozen
class Context:
    """What a rule can see about the block at ``index``.

    >>> from copydesk._text.split import split_blocks
    >>> doc = Document(split_blocks("Title\\n\\nBody text."), None, ParseConfig())
    >>> Context(doc, 1).previous.text
    'Title'
    """

    doc: Document
    index: int
    #: The shape (words, case, closing punctuation) of the block at hand.
    shape: Shape = attrs.field(default=attrs.Factory(lambda self: self.doc.shapes[self.index], takes_self=True))

    @property
    def previous(self) -> SourceBlock | None:
        """The block before, or None."""
        return self.doc.blocks[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> SourceBlock | None:
        """The block after, or None."""
        blocks = self.doc.blocks
        return blocks[self.index + 1] if self.index + 1 < len(blocks) else None

    @property
    def next_shape(self) -> Shape | None:
        """The shape of the block after, or None."""
        shapes = self.doc.shapes
        return shapes[self.index + 1] if self.index + 1 < len(shapes) else None

    @property
    def previous_kept_shape(self) -> Shape | None:
        """The shape of the nearest block before that was not removed, or None."""
        kept = self.doc.last_kept
        return self.doc.shapes[kept] if kept is not None else None

    @property
    def next_kept_shape(self) -> Shape | None:
        """The shape of the nearest block after that will plainly not be removed, or None.

        Blocks that are site chrome or repeats are skipped, so that a decision
        does not change when the removed blocks are gone (idempotency).
        """
        doc = self.doc
        for index in range(self.index + 1, len(doc.blocks)):
            if not doc.is_removed(index):
                return doc.shapes[index]
        return None

    @property
    def previous_label(self) -> Block | None:
        """The last label given that was not a removal, or None."""
        for block in reversed(self.doc.labels):
            if not block.kind.is_removed:
                return block
        return None

    @property
    def in_header(self) -> bool:
        """True before the first real paragraph (and among the first few blocks)."""
        return self.index < self.doc.first_long and self.index < 10

    @property
    def in_trailer(self) -> bool:
        """True after the last real paragraph, or among the last three blocks."""
        return self.index > self.doc.last_long or self.index >= len(self.doc.blocks) - 3

    @property
    def is_last_paragraph(self) -> bool:
        """True for the last real paragraph of the text."""
        return self.index == self.doc.last_long

    @property
    def metadata(self) -> PageMetadata | None:
        """The page metadata (HTML), or None."""
        return self.doc.metadata

    @property
    def config(self) -> ParseConfig:
        """The parse configuration."""
        return self.doc.config

    @property
    def has_title(self) -> bool:
        """True once a block was labelled title."""
        return self.doc.title_key is not None

    @property
    def body_count(self) -> int:
        """How many body blocks were labelled so far."""
        return self.doc.body_count


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
    Rule("title.metadata", K.TITLE, title.equals_metadata),
    Rule("boilerplate.title_repeated", K.BOILERPLATE, boilerplate.title_repeated, _boilerplate_on),
    Rule("boilerplate.line", K.BOILERPLATE, boilerplate.chrome_line, _boilerplate_on),
    Rule("boilerplate.embedded_post", K.BOILERPLATE, boilerplate.embedded_post, _boilerplate_on),
    Rule("duplicate.repeated", K.DUPLICATE, duplicate.repeated, _duplicates_on),
    # The header: byline and date lines, then the title and the dek.
    Rule("byline.line", K.BYLINE, byline.byline_line),
    Rule("date.line", K.DATE, date.date_line),
    Rule("title.first_line", K.TITLE, title.first_line),
    Rule("subtitle.after_title", K.SUBTITLE, subtitle.after_title),
    # Credits and photo credits.
    Rule("credit.line", K.CREDIT, credit.credit_line),
    Rule("photo_credit.line", K.PHOTO_CREDIT, photo_credit.photo_credit_line, _captions_on),
    # List items (before the rules that look at short lines between paragraphs).
    Rule("body.list_item", K.LIST_ITEM, body.list_item),
    # The body's first and last paragraphs.
    Rule("dateline.first_paragraph", K.DATELINE, dateline.first_paragraph),
    Rule("credit.leading", K.CREDIT, credit.leading_agency),
    Rule("credit.trailing", K.CREDIT, credit.trailing_signoff),
    # Between paragraphs.
    Rule("caption.with_credit", K.CAPTION, caption.with_credit, _captions_on),
    Rule("caption.descriptive", K.CAPTION, caption.descriptive, _captions_on),
    Rule("pull_quote.repeats_body", K.PULL_QUOTE, pull_quote.repeats_body, _captions_on),
    Rule("pull_quote.restates", K.PULL_QUOTE, pull_quote.restates_story, _captions_on),
    Rule("subheading.line", K.SUBHEADING, subheading.short_heading),
)


def classify_blocks(
    blocks: Sequence[SourceBlock],
    metadata: PageMetadata | None = None,
    *,
    config: ParseConfig = DEFAULT_CONFIG,
) -> tuple[Block, ...]:
    """Give each block a label; a block no rule claims is a body paragraph.

    Every input block ends up in at least one output block (exactly one
    unless a rule split it; the parts keep its span).

    >>> from copydesk._text.split import split_blocks
    >>> text = "Big news\\n\\nLONDON (Reuters) - It happened today, officials said on Monday."
    >>> for block in classify_blocks(split_blocks(text)):
    ...     print(block.kind.value, "|", block.text)
    title | Big news
    dateline | LONDON (Reuters) -
    paragraph | It happened today, officials said on Monday.
    """
    doc = Document(blocks, metadata, config)
    by_hint = _rules_by_hint(config.classify)
    for index, block in enumerate(blocks):
        ctx = Context(doc, index, doc.shapes[index])
        for rule in by_hint[block.hint]:
            match = rule.test(block, ctx)
            if match is None:
                continue
            if match.parts:
                new = [Block(kind, text, block.span, rule.name, match.reason, block.level)
                       for kind, text in match.parts]
            else:
                new = [Block(rule.kind, block.text, block.span, rule.name, match.reason, block.level)]
            break
        else:
            new = [Block(BlockKind.PARAGRAPH, block.text, block.span, "body.paragraph", "no other rule matched",
                         block.level)]
        _record(doc, index, new)
    return tuple(doc.labels)


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
