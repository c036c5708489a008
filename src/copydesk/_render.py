"""Render an Article back to text: plain text that parses back the same, and Markdown.

:func:`render_text` writes the article the way scraped news text looks, so
that :func:`copydesk.parse_text` reads it back into the same fields: title,
dek, byline, date line, the dateline opening the first paragraph, captions,
pull quotes and credits where they stood, and the body. Removed blocks are
left out.
"""

from __future__ import annotations

from ._model import Article, Block, BlockKind


def _header(article: Article) -> list[str]:
    """Lines for the fields no block carries (articles built from metadata or by hand)."""
    kinds = {b.kind for b in article.blocks}
    out: list[str] = []
    if article.title and BlockKind.TITLE not in kinds:
        out.append(article.title)
    if article.subtitle and BlockKind.SUBTITLE not in kinds:
        out.append(article.subtitle)
    if BlockKind.BYLINE not in kinds:
        if article.byline:
            out.append(article.byline)
        elif article.authors:
            out.append("By " + " and ".join(article.authors))
    byline = article.byline or ""
    if BlockKind.DATE not in kinds:
        if article.published is not None and article.published.raw not in byline:
            out.append(article.published.raw)
        if article.updated is not None:
            out.append("Updated: " + article.updated.raw)
    return out


def _opens_paragraph(block: Block) -> bool:
    """A block split off the start of the next paragraph (a dateline, a leading agency credit)."""
    return block.kind is BlockKind.DATELINE or (block.kind is BlockKind.CREDIT and block.rule == "credit.leading")


def _text_of(block: Block) -> str:
    if block.kind is BlockKind.LIST_ITEM:
        return f"{block.number}. {block.text}" if block.number is not None else "- " + block.text
    return block.text


def render_text(article: Article) -> str:
    """The clean article as plain text that :func:`copydesk.parse_text` reads back.

    >>> from copydesk import parse_text
    >>> a = parse_text("Big news\\n\\nBy Jane Doe\\n\\nLONDON (Reuters) - It happened today.\\n\\nAdvertisement")
    >>> print(render_text(a))
    Big news
    <BLANKLINE>
    By Jane Doe
    <BLANKLINE>
    LONDON (Reuters) - It happened today.
    >>> parse_text(render_text(a)).dateline == a.dateline
    True
    """
    parts = _header(article)
    pending_dateline: str | None = None
    for block in article.blocks:
        if block.kind.is_removed:
            continue
        if _opens_paragraph(block):
            pending_dateline = block.text
            continue
        text = _text_of(block)
        if pending_dateline is not None and block.kind is BlockKind.PARAGRAPH:
            text = f"{pending_dateline} {text}"
            pending_dateline = None
        parts.append(text)
    if pending_dateline is not None:
        parts.append(pending_dateline)
    return "\n\n".join(p for p in parts if p)


def render_markdown(article: Article) -> str:
    """The clean article as Markdown: title, dek, byline, then the body with captions and credits.

    >>> from copydesk import Article, Block, BlockKind
    >>> print(render_markdown(Article(title="T", blocks=(Block(BlockKind.PARAGRAPH, "Body."),))))
    # T
    <BLANKLINE>
    Body.
    """
    parts: list[str] = []
    if article.title:
        parts.append(f"# {article.title}")
    if article.subtitle:
        parts.append(f"*{article.subtitle}*")
    if article.byline or article.authors:
        parts.append(article.byline or "By " + " and ".join(article.authors))
    if article.published is not None and article.published.raw not in (article.byline or ""):
        parts.append(article.published.raw)
    if article.updated is not None:
        parts.append("Updated: " + article.updated.raw)
    pending_dateline: str | None = None
    for block in article.blocks:
        kind = block.kind
        if kind.is_removed or kind in (BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE, BlockKind.DATE):
            continue
        if _opens_paragraph(block):
            pending_dateline = block.text
            continue
        if kind is BlockKind.SUBHEADING:
            parts.append(f"## {block.text}")
        elif kind is BlockKind.LIST_ITEM:
            parts.append(_text_of(block))
        elif kind in (BlockKind.QUOTE, BlockKind.PULL_QUOTE):
            parts.append(f"> {block.text}")
        elif kind in (BlockKind.CAPTION, BlockKind.PHOTO_CREDIT):
            parts.append(f"*{block.text}*")
        elif kind is BlockKind.CODE:
            parts.append(f"```\n{block.text}\n```")
        else:
            text = block.text
            if pending_dateline is not None and kind is BlockKind.PARAGRAPH:
                text = f"**{pending_dateline}** {text}"
                pending_dateline = None
            parts.append(text)
    return "\n\n".join(parts)
