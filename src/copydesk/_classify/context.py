"""What a rule sees and returns: :class:`Context` (the block at hand and its document) and :class:`Match`.

This module sits below the rules: every rule module imports its types from
here, and only :mod:`copydesk._classify.table` imports the rules, so there is
no import cycle. :class:`Document` holds the per-document facts computed once
(shapes, header and trailer zones) and the running state that the table's loop
updates after each decision (labels so far, the title, repeats seen).
"""

from __future__ import annotations

import collections
import enum
import itertools
import math
from collections.abc import Callable, Sequence

import attrs

from .._config import ClassifyOptions, ParseConfig
from .._lexicon.chrome import looks_removable
from .._lexicon.words import content_words, sentence_word_sets
from .._model import Block, BlockKind
from .shape import Shape, shape_of
from .source import Hint, PageMetadata, SourceBlock

__all__ = ["MAX_SHARING", "Context", "Document", "Evidence", "Match", "Rule"]

#: How many distinct sentences a line is compared with when looking for the one it repeats
#: (the sentences holding its rarest words come first).
MAX_SHARING = 64

@attrs.frozen
class Match:
    """What a rule returns when it applies: why, for a split block the parts, and what it read.

    ``parts`` is empty when the whole block gets the rule's label; otherwise it
    lists ``(kind, text)`` pairs that replace the block, in order.
    ``reading`` is what the rule parsed from the block to decide (a byline's
    names, a date, a dateline, credits): assembly takes the field from it
    instead of parsing the block again. It belongs to the block (or, for a
    split block, the first part) that gets the rule's label.

    >>> Match("starts with a place name and a colon").reason
    'starts with a place name and a colon'
    """

    reason: str
    parts: tuple[tuple[BlockKind, str], ...] = ()
    reading: object = None
    #: The number a list item's marker gives it ("12)" -> 12), for the list-item part.
    number: int | None = None


class Evidence(enum.Enum):
    """What a rule's decision rests on: the page's markup, the text itself, or the page metadata.

    >>> Evidence.MARKUP.value
    'markup'
    """

    MARKUP = "markup"  #: an HTML element said what the block is (figcaption, h1, byline class)
    TEXT = "text"  #: the words and shape of the block and its neighbours
    METADATA = "metadata"  #: the block equals a value of the page metadata


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
    #: What the decision rests on (the markup rules are those with hints).
    evidence: Evidence = attrs.field(
        default=attrs.Factory(lambda self: Evidence.MARKUP if self.hints else Evidence.TEXT, takes_self=True)
    )


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
        # One shape per distinct text (a Shape depends on its text alone): a page of one paragraph
        # repeated many thousand times measures it once.
        measured: dict[str, Shape] = {}
        self.shapes: tuple[Shape, ...] = tuple(
            measured.get(b.text) or measured.setdefault(b.text, shape_of(b.text)) for b in blocks
        )
        long_blocks = [i for i, s in enumerate(self.shapes) if s.is_long_paragraph]
        #: Index of the first real paragraph (the header zone is before it).
        self.first_long = long_blocks[0] if long_blocks else len(blocks)
        #: Index of the last real paragraph (the trailer zone is after it).
        self.last_long = long_blocks[-1] if long_blocks else -1
        #: The last block of each shape key (one pass: "is this line shown again later?" in O(1)).
        self.last_of_key: dict[str, int] = {s.key: i for i, s in enumerate(self.shapes) if s.key}
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
        self._sentence_index: dict[str, list[frozenset[str]]] | None = None
        self._sentence_blocks: dict[frozenset[str], list[int]] = {}
        #: The last scan of :meth:`next_kept`: every block in ``range(*self._removed_run)`` was
        #: predicted removed. A prediction for a block not labelled yet only turns from kept to
        #: removed (``seen`` only grows, ``title_key`` is set once), so a later scan starting
        #: inside the run may skip it: the scans are linear over a document, not quadratic.
        self._removed_run = (0, 0)

    def is_removed(self, index: int) -> bool:
        """True when block ``index`` was removed, or, not labelled yet, plainly will be (chrome, a repeat)."""
        if index < len(self.labels_by_block):
            return self.labels_by_block[index]
        shape = self.shapes[index]
        if shape.key and (shape.key in self.seen or shape.key == self.title_key):
            return True
        return looks_removable(self.blocks[index].text, shape.words)

    def next_kept(self, start: int) -> int | None:
        """The index of the first block from ``start`` on that is not (predicted) removed, or None.

        ``start`` must be past every labelled block (the rules ask about the blocks after theirs).
        """
        run_start, run_end = self._removed_run
        index = run_end if run_start <= start <= run_end else start
        while index < len(self.blocks) and self.is_removed(index):
            index += 1
        self._removed_run = (start, index)
        return index if index < len(self.blocks) else None

    def word_blocks(self) -> dict[str, int]:
        """For each lower-cased word, in how many blocks it occurs (computed on first use)."""
        if self._words is None:
            self._words = collections.Counter(itertools.chain.from_iterable(s.word_set for s in self.shapes))
        return self._words

    def sentences_sharing(self, words: frozenset[str], share: float) -> list[tuple[frozenset[str], list[int]]]:
        """The sentences (content words, the blocks holding them) that may hold ``share`` of ``words``.

        A sentence holding that share must hold one of the ``k`` rarest words
        (``k`` = how many may be missing, plus one), so only their sentences are
        returned, each distinct sentence once with every long paragraph that
        holds it, the rarest words' first, at most :data:`MAX_SHARING` of them:
        a line sharing common words with every sentence of a long text costs a
        bounded time, not one pass over the text per line (issue 12). The word
        index is built on first use.
        """
        if self._sentence_index is None:
            self._sentence_index, self._sentence_blocks = self._index_sentences()
        index, blocks_of = self._sentence_index, self._sentence_blocks
        needed = math.ceil(share * len(words))
        rarest = sorted(words, key=lambda w: len(index.get(w, ())))[: len(words) - needed + 1]
        seen: set[frozenset[str]] = set()
        out = []
        for word in rarest:
            for sentence in index.get(word, ()):
                if sentence not in seen:
                    seen.add(sentence)
                    out.append((sentence, blocks_of[sentence]))
                    if len(out) >= MAX_SHARING:
                        return out
        return out

    def _index_sentences(self) -> tuple[dict[str, list[frozenset[str]]], dict[frozenset[str], list[int]]]:
        """Each content word's distinct sentences (in text order), and each sentence's long paragraphs."""
        index: dict[str, list[frozenset[str]]] = {}
        blocks_of: dict[frozenset[str], list[int]] = {}
        for number, block in enumerate(self.blocks):
            if not self.shapes[number].is_long_paragraph:
                continue
            for sentence in sentence_word_sets(block.text):
                content = content_words(sentence)
                holders = blocks_of.setdefault(content, [])
                if not holders:
                    for word in content:
                        index.setdefault(word, []).append(content)
                if not holders or holders[-1] != number:
                    holders.append(number)
        return index, blocks_of


@attrs.frozen
class Context:
    """What a rule can see about the block at ``index``.

    >>> from copydesk._text.split import split_blocks
    >>> doc = Document(split_blocks("Title\\n\\nBody text.", ParseConfig().text), None, ParseConfig())
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
        index = self.doc.next_kept(self.index + 1)
        return self.doc.shapes[index] if index is not None else None

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
