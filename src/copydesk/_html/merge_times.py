"""The visible date the merge weighs against the metadata's times, and the update-time check.

:func:`~copydesk._html.evidence.resolve_time` chooses among the candidates;
this module gives it the date the page's visible text states near the title
(:func:`visible_date`) and says whether an update time is really later than
the publication (:func:`later`).
"""

from __future__ import annotations

from .._config import ParseConfig
from .._model import Article, BlockKind, TimeSource, Timestamp
from .evidence import PageEvidence
from .readers import date_in_lines, is_site_name, lines_before_body


def visible_date(article: Article, metadata: PageEvidence, config: ParseConfig) -> Timestamp | None:
    """The date the page's visible text states near the title.

    In order: a block near the title that is nothing but a date; the date
    beside the page's main heading (read with the metadata); a short block
    near the title that opens with a date or is mostly one; the text
    pipeline's own date. See :func:`date_in_lines`.
    """
    near = lines_before_body(article)
    if masthead_date(article, metadata):
        return None
    stamp = date_in_lines(near, config, loose=False)
    if stamp is not None:
        return stamp
    if metadata.visible_date is not None:
        return metadata.visible_date
    stamp = date_in_lines(near, config)
    if stamp is not None:
        return stamp
    stamp = article.published
    if stamp is not None and stamp.source is TimeSource.TEXT and stamp.day is not None:
        return stamp
    return None


def masthead_date(article: Article, metadata: PageEvidence) -> bool:
    """True when the text's title is the site's name and the block beside it is a date: the
    date printed under a masthead is today's, not the article's.

    >>> from copydesk._model import Block, BlockKind
    >>> blocks = (Block(BlockKind.TITLE, "Daily Example"), Block(BlockKind.DATE, "Wednesday, August 19, 2020"))
    >>> masthead_date(Article(title="Daily Example", blocks=blocks), PageEvidence(site_names=("Daily Example",)))
    True
    """
    title = article.title
    if not title or not is_site_name(title, metadata.site_names, metadata.url):
        return False
    blocks = article.blocks
    index = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), None)
    if index is None:
        return False
    beside = [b for b in blocks[max(0, index - 1): index + 2] if b.kind is not BlockKind.TITLE]
    return any(b.kind is BlockKind.DATE for b in beside)


def later(updated: Timestamp, published: Timestamp | None) -> bool:
    """True when ``updated`` is a later time than ``published`` (or there is none)."""
    if published is None:
        return True
    a, b = updated.datetime, published.datetime
    if a is None or b is None:
        return False
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a > b
