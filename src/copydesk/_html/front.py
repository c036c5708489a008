"""The HTML front end: :func:`parse_html`.

The stages, each in its own module of :mod:`copydesk._html`::

    load                  decode bytes, cut scripts/styles/chrome, build the soup
    meta (meta_*)         JSON-LD, OpenGraph, <meta>, microdata, <time>  -> PageEvidence
    content (content_*)   find the article container, walk it in order   -> ContentBlocks
    blocks                repair and number the text                     -> SourceBlocks
    classify, assemble    the same back end as parse_text                -> Article
    merge (merge_*)       page evidence merged with what the text says

``meta`` and ``merge`` both read the shared :mod:`~copydesk._html.evidence`
types; neither imports the other.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

from .._assemble import assemble_article
from .._bidi import clean_fields
from .._classify.source import PageMetadata
from .._classify.table import classify
from .._config import DEFAULT_CONFIG, ParseConfig
from .._day_order import settle_day_order
from .._errors import ConfigError, InputTypeError
from .._model import Article, Block, Diagnostic
from .._text.decode import binary_kind
from .blocks import build_blocks
from .content import extract_content
from .evidence import PageEvidence
from .load import Dropped, load_html, merge_dropped
from .merge import merge_metadata
from .meta import extract_metadata


# Magic numbers of common non-HTML files that end up in crawls.
def _describe_dropped(dropped: tuple[Dropped, ...]) -> str:
    parts = [f"{d.reason}: {d.elements}" + (f" ({d.chars} characters)" if d.chars else "") for d in dropped]
    return "left out before the article was read: " + "; ".join(parts)


def parse_html(
    html: str | bytes | BeautifulSoup,
    *,
    url: str | None = None,
    content_type: str | None = None,
    config: ParseConfig = DEFAULT_CONFIG,
) -> Article:
    """Parse an HTML page into an :class:`~copydesk.Article`.

    ``html`` is the page as text, as bytes (the encoding is read from a BOM,
    then ``content_type`` — an HTTP ``Content-Type`` value such as
    ``"text/html; charset=utf-8"`` — then ``<meta charset>``, then detected),
    or a :class:`bs4.BeautifulSoup` the caller already built (used as is).
    ``url`` is the page's address, when known.

    Never raises on the content of the page: an empty, broken or non-HTML
    input gives an Article (maybe empty) with a diagnostic. Raises
    :class:`~copydesk.InputTypeError` for another type of ``html`` and
    :class:`~copydesk.ConfigError` for a ``config`` that is not a ParseConfig.

    >>> page = '''<html><head><title>Storm hits the coast - Site</title></head><body>
    ... <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    ... <article><h1>Storm hits the coast</h1>
    ... <p>A storm hit the coast on Monday, cutting power to thousands of homes.</p>
    ... <figure><img src="a.jpg"><figcaption>Waves on the pier.</figcaption></figure>
    ... <p>Crews worked through the night, and most homes had power by morning.</p>
    ... </article><footer>Copyright Site</footer></body></html>'''
    >>> article = parse_html(page, url="https://example.com/storm")
    >>> article.title
    'Storm hits the coast'
    >>> print(article.text)
    A storm hit the coast on Monday, cutting power to thousands of homes.
    <BLANKLINE>
    Crews worked through the night, and most homes had power by morning.
    """
    if not isinstance(config, ParseConfig):
        raise ConfigError(f"config must be a copydesk.ParseConfig; got {type(config).__name__}")
    if not isinstance(html, (str, bytes, bytearray, memoryview, BeautifulSoup)):
        raise InputTypeError(
            f"parse_html takes str, bytes or bs4.BeautifulSoup; got {type(html).__name__} "
            "(read files with open(..., 'rb'))"
        )
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str or None; got {type(url).__name__}")
    if content_type is not None and not isinstance(content_type, str):
        raise InputTypeError(f"content_type must be a str or None; got {type(content_type).__name__}")
    if isinstance(html, (bytes, bytearray, memoryview)):
        kind = binary_kind(bytes(html[:65536]))
        if kind is not None:
            return assemble_article(
                (), diagnostics=(Diagnostic("not_html", f"the input is {kind}, not an HTML page"),), url=url,
                config=config,
            )
    page = load_html(html, content_type=content_type, config=config)
    diagnostics: list[Diagnostic] = list(page.diagnostics)
    metadata = _read_metadata(page.soup, url, config)
    diagnostics.extend(metadata.diagnostics)
    content = extract_content(page.soup, include_tables=config.html.include_tables)
    dropped = merge_dropped((*page.dropped, *content.dropped))
    if dropped:
        diagnostics.append(Diagnostic("outside_content", _describe_dropped(dropped)))
    if content.paywall:
        diagnostics.append(
            Diagnostic("paywall", "the page marks part of the article for subscribers; only the visible text was read")
        )
    if content.fallback is not None:
        diagnostics.append(Diagnostic("content_fallback", content.fallback))
    if content.second_article:
        diagnostics.append(
            Diagnostic("next_article", "the page goes on with another article; only the first was read")
        )
    built = build_blocks(content.blocks, config.repair)
    if not built.source:
        diagnostics.append(Diagnostic("no_content", "no article text was found in the page"))
    labelled = classify(built.source, metadata, config=config)
    blocks: list[Block] = sorted(
        (*labelled.blocks, *built.removed), key=lambda b: b.span.start if b.span is not None else 0
    )
    article = assemble_article(
        blocks, repairs=built.repairs, diagnostics=tuple(diagnostics), url=url, readings=labelled.readings,
        config=config,
    )
    if isinstance(metadata, PageEvidence):  # metadata was read (config.html.read_metadata)
        article = merge_metadata(article, metadata, config=config)
    return clean_fields(settle_day_order(article, config))


def _read_metadata(soup: Any, url: str | None, config: ParseConfig) -> PageMetadata:
    """The page's metadata (JSON-LD, OpenGraph, meta tags ...) when reading it is on."""
    if not config.html.read_metadata:
        return PageMetadata(url=url)
    return extract_metadata(soup, url=url, config=config)
