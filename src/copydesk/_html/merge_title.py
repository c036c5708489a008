"""The article's title, settled between the visible headline and the metadata's titles.

The visible headline wins when a metadata title agrees with it (shares most
of its words, or is it plus a site name) or when it is the page's main
heading; otherwise the best metadata title that is not a bare site name
(JSON-LD ``headline`` > ``og:title`` > other meta > microdata ``<title>``).
A site-name prefix or suffix is removed either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._lexicon.sites import squash
from .._model import Article
from .evidence import MetaSource, PageEvidence
from .readers import strip_site_name, title_parts, titles_agree


def resolve_title(article: Article, metadata: PageEvidence) -> tuple[str | None, str | None]:
    """The article's title and its source: the visible headline when the metadata agrees, else the metadata's."""
    candidates = metadata.title_candidates
    site_names: Sequence[str] = metadata.site_names
    if metadata.site_name and metadata.site_name not in site_names:
        site_names = (*site_names, metadata.site_name)
    site_names = _without_headlines(site_names, [c.value for c in candidates])
    cleaned = [
        (strip_site_name(c.value, site_names, metadata.url), c.source.value) for c in candidates
    ]
    visible = article.title
    if visible:
        visible_clean = strip_site_name(visible, site_names, metadata.url)
        heading = metadata.heading
        if (
            not cleaned
            or any(titles_agree(visible_clean, text) for text, _source in cleaned)
            or (heading is not None and squash(heading) == squash(visible))
        ):
            # What the reader sees: a metadata title agrees with it, or it is
            # the page's main heading (metadata titles are often SEO rewrites).
            fuller = _fuller_form(visible_clean, heading, [text for text, _source in cleaned])
            if fuller is not None:
                return fuller, MetaSource.HTML.value
            return visible_clean, article.source_of("title") or MetaSource.TEXT.value
    if cleaned:
        # The metadata title; the first one (best source) that is not a bare site name.
        for text, source in cleaned:
            if text and not _is_site_only(text, site_names):
                return text, source
    return visible, article.source_of("title")


def _without_headlines(site_names: Sequence[str], titles: Sequence[str]) -> Sequence[str]:
    """The site names less any that is one of the page's titles while another site name differs.

    A site-wide name that repeats this page's headline (an ``application-name``
    filled with the title) is no site name when the page names its site
    otherwise; a page whose only site name is its title (a home page) keeps it.

    >>> _without_headlines(("Yahoo", "Storm hits the coast"), ["Storm hits the coast", "Storm hits the coast - Yahoo"])
    ('Yahoo',)
    >>> _without_headlines(("Daily Example",), ["Daily Example"])
    ('Daily Example',)
    """
    keys = {squash(title) for title in titles}
    headlines = [name for name in site_names if squash(name) in keys]
    if not headlines or len(headlines) == len(site_names):
        return site_names
    return tuple(name for name in site_names if name not in headlines)


def _is_site_only(text: str, site_names: Sequence[str]) -> bool:
    """True when ``text`` is exactly one of the site names (case and edge spaces ignored)."""
    key = text.casefold().strip()
    return any(key == s.casefold().strip() for s in site_names)


#: Marks of a shortened title.
_ELLIPSES = ("…", "...")


def _fuller_form(visible: str, heading: str | None, candidates: Sequence[str]) -> str | None:
    """The whole title when the visible one is cut short: the main heading's full text when
    it goes on past the visible title (a heading broken over two blocks), or a metadata
    title that goes on past a visible title ending in an ellipsis; else None.

    >>> _fuller_form("Storm hits the", "Storm hits the coast", [])
    'Storm hits the coast'
    >>> _fuller_form("Storm hits…", None, ["Storm hits the coast"])
    'Storm hits the coast'
    >>> _fuller_form("Storm hits the coast", None, ["Storm hits the coast | Daily Example"]) is None
    True
    >>> _fuller_form("Storms…", None, ["Storms… - World | Daily Example"]) is None
    True
    """
    key = squash(visible.rstrip("…. "))
    if not key:
        return None
    if heading is not None:
        heading_key = squash(heading)
        if len(heading_key) > len(key) and heading_key.startswith(key):
            return heading
    if visible.endswith(_ELLIPSES):
        parts = len(title_parts(visible))
        for text in candidates:
            text_key = squash(text)
            # Longer, and not by a " - Section" part the visible title does not have.
            if len(text_key) > len(key) and text_key.startswith(key) and len(title_parts(text)) <= parts:
                return text
    return None
