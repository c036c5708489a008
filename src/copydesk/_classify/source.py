"""What the front ends hand to the shared back end.

Both front ends (plain text and HTML) turn their input into a sequence of
:class:`SourceBlock` values (text with its span and, for HTML, a structural
:class:`Hint`) plus, for HTML, the page's :class:`PageMetadata`. The
classifier labels the blocks and the assembler builds the
:class:`~copydesk.Article` from them.
"""

from __future__ import annotations

import enum

import attrs

from .._model import Diagnostic, Repair, Span, Timestamp


class Hint(enum.Enum):
    """What the markup says a block is (HTML front end); ``NONE`` for plain text.

    >>> Hint.FIGCAPTION.value
    'figcaption'
    """

    NONE = "none"
    TITLE = "title"  #: the page's main heading (h1 of the article)
    HEADING = "heading"  #: h2-h6 inside the content (level in SourceBlock.level)
    PARAGRAPH = "paragraph"  #: p, or a text-bearing div
    LIST_ITEM = "list_item"
    BLOCKQUOTE = "blockquote"
    PULL_QUOTE = "pull_quote"  #: aside/blockquote marked as a pull quote
    FIGCAPTION = "figcaption"  #: figcaption or a caption-classed element
    PHOTO_CREDIT = "photo_credit"  #: a credit element inside a figure
    BYLINE = "byline"  #: rel=author, class=byline/author, itemprop=author
    TIME = "time"  #: <time> or a date-classed element
    DATELINE = "dateline"  #: an element marked as the dateline
    TABLE = "table"
    CODE = "code"  #: pre/code
    SUBTITLE = "subtitle"  #: a standfirst/dek element


@attrs.frozen
class SourceBlock:
    """A block of input text ready to be classified.

    ``text`` is the repaired text with hard-wrapped lines joined; ``span``
    gives the input lines it came from.

    >>> SourceBlock("Hello.", Span(0, 1)).hint
    <Hint.NONE: 'none'>
    """

    text: str
    span: Span
    hint: Hint = Hint.NONE
    level: int = 0
    #: The number of an ordered-list item (HTML), else None.
    number: int | None = None


@attrs.frozen
class PageMetadata:
    """Metadata read from an HTML page, before it is merged with the text evidence.

    Each value comes with its source in ``provenance`` (field -> source name).

    >>> PageMetadata(title="T", provenance={"title": "opengraph"}).title
    'T'
    """

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    #: Organisations named as author or publisher (not persons).
    organisations: tuple[str, ...] = ()
    published: Timestamp | None = None
    updated: Timestamp | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    section: str | None = None
    provenance: dict[str, str] = attrs.field(factory=dict, hash=False)
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class Prepared:
    """Text after decoding and repair, with the repairs made and diagnostics.

    >>> Prepared("a\\nb").lines
    ('a', 'b')
    """

    text: str
    repairs: tuple[Repair, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The text's lines (line breaks already normalised to ``\\n``)."""
        return tuple(self.text.split("\n"))
