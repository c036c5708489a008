"""The enumerations of the model: block kinds, credit roles, time sources.

Their values are stable lowercase strings: they appear in the JSON form.
"""

from __future__ import annotations

import enum


class BlockKind(enum.Enum):
    """What a block of the input is.

    The values are stable lowercase strings: they appear in JSON.

    >>> BlockKind.CAPTION.value
    'caption'
    >>> BlockKind("pull_quote") is BlockKind.PULL_QUOTE
    True
    >>> BlockKind.PARAGRAPH.is_body, BlockKind.BOILERPLATE.is_body
    (True, False)
    """

    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    DATE = "date"
    DATELINE = "dateline"
    CAPTION = "caption"
    PHOTO_CREDIT = "photo_credit"
    PULL_QUOTE = "pull_quote"
    CREDIT = "credit"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    # Body kinds.
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CODE = "code"

    @property
    def is_body(self) -> bool:
        """True for the kinds that make up the article body."""
        return self in _BODY_KINDS

    @property
    def is_removed(self) -> bool:
        """True for the kinds that are taken out of the article with a reason."""
        return self in (BlockKind.BOILERPLATE, BlockKind.DUPLICATE)


_BODY_KINDS = frozenset(
    {
        BlockKind.PARAGRAPH,
        BlockKind.SUBHEADING,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.TABLE,
        BlockKind.CODE,
    }
)


class CreditRole(enum.Enum):
    """What a credit line says the named agency or person did.

    >>> CreditRole("contributed")
    <CreditRole.CONTRIBUTED: 'contributed'>
    """

    STORY = "story"  #: the story is the agency's copy ("(Reuters) -", "- AP inputs")
    CONTRIBUTED = "contributed"  #: "Reuters contributed to this report", "Additional reporting by"
    PHOTO = "photo"  #: "Photo: AFP", "Image copyright Getty Images"
    EDITING = "editing"  #: "Editing by ...", "Writing by ..."


class TimeSource(enum.Enum):
    """Where a time was read.

    >>> TimeSource.JSON_LD.value
    'json_ld'
    """

    TEXT = "text"  #: a line of the text (or visible page text)
    JSON_LD = "json_ld"
    OPENGRAPH = "opengraph"
    META = "meta"  #: other ``<meta>`` names (Dublin Core, sailthru, parsely, ...)
    MICRODATA = "microdata"
    TIME_ELEMENT = "time_element"  #: ``<time datetime=...>``
    URL = "url"  #: a date in the URL path
