"""Render an Article back to text: plain text (re-parseable) and Markdown."""

from __future__ import annotations

from ._model import Article, BlockKind


def render_text(article: Article) -> str:
    """The clean article as plain text that :func:`copydesk.parse_text` reads back.

    >>> from copydesk import Article, Block, BlockKind
    >>> print(render_text(Article(title="T", blocks=(Block(BlockKind.PARAGRAPH, "Body."),))))
    T
    <BLANKLINE>
    Body.
    """
    parts: list[str] = []
    if article.title:
        parts.append(article.title)
    parts.extend(article.paragraphs)
    return "\n\n".join(parts)


def render_markdown(article: Article) -> str:
    """The clean article as Markdown.

    >>> from copydesk import Article, Block, BlockKind
    >>> print(render_markdown(Article(title="T", blocks=(Block(BlockKind.PARAGRAPH, "Body."),))))
    # T
    <BLANKLINE>
    Body.
    """
    parts: list[str] = []
    if article.title:
        parts.append(f"# {article.title}")
    for block in article.body:
        if block.kind is BlockKind.SUBHEADING:
            parts.append(f"## {block.text}")
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append(f"- {block.text}")
        elif block.kind is BlockKind.QUOTE:
            parts.append(f"> {block.text}")
        else:
            parts.append(block.text)
    return "\n\n".join(parts)
