"""The visible date the merge weighs against the metadata's times, and the update-time check.

:func:`~copydesk._html.evidence.resolve_time` chooses among the candidates;
this module gives it the date the page's visible text states near the title
(:func:`visible_date`) and says whether an update time is really later than
the publication (:func:`later`).
"""

from __future__ import annotations

from .._config import ParseConfig
from .._model import Article, TimeSource, Timestamp
from .evidence import PageEvidence
from .readers import date_in_lines, lines_before_body


def visible_date(article: Article, metadata: PageEvidence, config: ParseConfig) -> Timestamp | None:
    """The date the page's visible text states near the title.

    In order: a block near the title that is nothing but a date; the date
    beside the page's main heading (read with the metadata); a short block
    near the title that opens with a date or is mostly one; the text
    pipeline's own date. See :func:`date_in_lines`.
    """
    near = lines_before_body(article)
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
