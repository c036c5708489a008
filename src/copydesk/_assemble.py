"""Build the Article's fields from labelled blocks."""

from __future__ import annotations

from collections.abc import Sequence

from ._model import Article, Block, BlockKind, Diagnostic, Repair


def assemble_article(
    blocks: Sequence[Block],
    *,
    repairs: Sequence[Repair] = (),
    diagnostics: Sequence[Diagnostic] = (),
    url: str | None = None,
) -> Article:
    """Read the fields from ``blocks`` and build the Article.

    >>> from copydesk._model import Span
    >>> assemble_article([Block(BlockKind.TITLE, "T", Span(0, 1))]).title
    'T'
    """
    title = next((b.text for b in blocks if b.kind is BlockKind.TITLE), None)
    return Article(
        title=title,
        blocks=tuple(blocks),
        repairs=tuple(repairs),
        diagnostics=tuple(diagnostics),
        url=url,
        provenance={"title": "text"} if title else {},
    )
