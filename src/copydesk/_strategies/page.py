"""Render an :class:`~copydesk.Article` inside a realistic HTML page, and build its truth.

The article sits in ``<main><article>``; around it, as the :class:`Chrome`
weights decide: a cookie banner, a header, a navigation menu, share buttons,
related links, a newsletter box, comments and a footer, plus JSON-LD and
OpenGraph metadata in the head. Every text is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from typing import Any

import attrs
import hypothesis.strategies as st

from .._model import Article, Block, BlockKind, Caption, TimeSource, Timestamp
from . import pools
from .dates import Precision, date_texts, precision_of
from .options import Chrome
from .pools import Language
from .text import (
    BY_WORDS,
    credit_units,
    dateline_prefix,
    distinct_units,
    join_names,
    language_of,
    truth_timestamp,
)
from .text_units import Draw, Plan, chance, clean

SITES: tuple[str, ...] = ("The Daily Courier", "Metro Herald", "Global Wire News", "El Diario del Sur", "Nordpost")
NAV_ITEMS: tuple[str, ...] = ("Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion")
COMMENTS: tuple[str, ...] = (
    "Great article, thanks for sharing.",
    "I don’t agree with the mayor on this one.",
    "This is exactly what I said last week!",
    "Who is going to pay for all of this?",
)
FOOTER_LINES: tuple[str, ...] = (
    "About us", "Contact", "Privacy policy", "Terms of use", "Advertise with us",
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _iso(ts: Timestamp) -> str:
    return truth_timestamp(ts, "").isoformat().replace("+00:00", "Z")


#: What HTML cannot carry as text: C0 and C1 controls other than whitespace,
#: and the noncharacters (an HTML parser drops or replaces them).
_NOT_IN_HTML = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xFDD0, 0xFDF0)]
    + [plane * 0x10000 + low for plane in range(17) for low in (0xFFFE, 0xFFFF)]
)


def _html_text(text: str) -> str:
    return text.translate(_NOT_IN_HTML)


def _printable(article: Article) -> Article:
    """``article`` without the characters a page cannot carry (so the truth stays attainable)."""
    return attrs.evolve(
        article,
        title=_html_text(article.title) if article.title else article.title,
        authors=tuple(_html_text(a) for a in article.authors),
        dateline=attrs.evolve(article.dateline, place=_html_text(article.dateline.place),
                              agency=_html_text(article.dateline.agency) if article.dateline.agency else None)
        if article.dateline else None,
        credits=tuple(attrs.evolve(c, name=_html_text(c.name)) for c in article.credits),
        captions=tuple(attrs.evolve(c, text=_html_text(c.text), credit=_html_text(c.credit) if c.credit else None)
                       for c in article.captions),
        pull_quotes=tuple(_html_text(q) for q in article.pull_quotes),
        blocks=tuple(attrs.evolve(b, text=_html_text(b.text)) for b in article.blocks),
    )


def render_html(draw: Draw, article: Article, chrome: Chrome) -> tuple[str, Article]:
    """The page for ``article`` under ``chrome``, and the truth."""
    article = _printable(article)
    language = language_of(article)
    site = draw(st.sampled_from(SITES))
    title = clean(article.title or "")
    names = tuple(n for n in (clean(a) for a in article.authors) if n)
    ts = article.published if article.published and precision_of(article.published) is not Precision.YEAR else None
    show_json_ld = chance(draw, chrome.json_ld)
    show_og = chance(draw, chrome.opengraph)
    show_byline = chance(draw, chrome.byline)

    head: list[str] = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width">']
    head.append(f"<title>{_e(title)} | {_e(site)}</title>" if title else f"<title>{_e(site)}</title>")
    head.append('<link rel="stylesheet" href="/static/site.css">')
    head.append("<style>.share{display:flex}</style>")
    published: Timestamp | None = None
    updated: Timestamp | None = None
    changed = article.updated if article.updated and precision_of(article.updated) is not Precision.YEAR else None
    if show_og:
        if title:
            head.append(f'<meta property="og:title" content="{_e(title)}">')
        head.append(f'<meta property="og:site_name" content="{_e(site)}">')
        head.append('<meta property="og:type" content="article">')
        if ts is not None:
            iso = _iso(ts)
            head.append(f'<meta property="article:published_time" content="{_e(iso)}">')
            published = Timestamp(**{**_parts(truth_timestamp(ts, iso)), "source": TimeSource.OPENGRAPH})
        if changed is not None:
            iso = _iso(changed)
            head.append(f'<meta property="article:modified_time" content="{_e(iso)}">')
            updated = Timestamp(**{**_parts(truth_timestamp(changed, iso)), "source": TimeSource.OPENGRAPH})
    if show_json_ld:
        data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
        if title:
            data["headline"] = title
        if names:
            data["author"] = [{"@type": "Person", "name": n} for n in names]
        if ts is not None:
            iso = _iso(ts)
            data["datePublished"] = iso
            published = Timestamp(**{**_parts(truth_timestamp(ts, iso)), "source": TimeSource.JSON_LD})
        if changed is not None:
            iso = _iso(changed)
            data["dateModified"] = iso
            updated = Timestamp(**{**_parts(truth_timestamp(changed, iso)), "source": TimeSource.JSON_LD})
        data["publisher"] = {"@type": "Organization", "name": site}
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        head.append(f'<script type="application/ld+json">{payload}</script>')
    head.append('<script>window.dataLayer = window.dataLayer || [];</script>')

    page: list[str] = []
    if chance(draw, chrome.cookie_banner):
        page.append('<div class="cookie-banner" role="dialog"><p>We use cookies to improve your '
                    'experience. By continuing you accept our cookie policy.</p>'
                    '<button>Accept all</button></div>')
    if chance(draw, chrome.header):
        page.append(f'<header class="site-header"><a class="logo" href="/">{_e(site)}</a>'
                    '<form role="search"><input name="q" placeholder="Search"></form></header>')
    if chance(draw, chrome.nav):
        items = "".join(f'<li><a href="/{i.lower()}">{_e(i)}</a></li>' for i in NAV_ITEMS)
        page.append(f'<nav class="menu"><ul>{items}</ul></nav>')

    plan = Plan()
    article_html: list[str] = []
    if title:
        article_html.append(f"<h1>{_e(title)}</h1>")
    authors: tuple[str, ...] = ()
    if show_byline and (names or ts is not None):
        parts = []
        if names:
            by_word = BY_WORDS.get(language, BY_WORDS[Language.ENGLISH])[0]
            links = [f'<a rel="author" href="/authors/{i}">{_e(n)}</a>' for i, n in enumerate(names)]
            joined = join_names(tuple(links), language, draw)
            parts.append(f'<p class="byline">{_e(by_word)} {joined}</p>')
            authors = names
        if ts is not None:
            shown = draw(st.sampled_from(date_texts(ts, language)))
            parts.append(f'<time datetime="{_e(_iso(ts))}">{_e(shown)}</time>')
            if published is None:
                published = Timestamp(**{**_parts(truth_timestamp(ts, _iso(ts))), "source": TimeSource.TIME_ELEMENT})
        article_html.append(f'<div class="meta">{"".join(parts)}</div>')
    if show_json_ld and names:
        authors = names
    if chance(draw, chrome.share_bar):
        article_html.append('<div class="share"><a href="#">Share on Facebook</a> '
                            '<a href="#">Share on Twitter</a> <a href="#">Email</a></div>')

    body: list[Block] = []
    for block in article.blocks:
        text = clean(block.text)
        if not block.kind.is_body or not text:
            continue
        if block.kind is BlockKind.SUBHEADING and not chance(draw, chrome.subheading):
            continue
        if block.kind is BlockKind.LIST_ITEM and not chance(draw, chrome.list_item):
            continue
        body.append(Block(block.kind, text))
    prefix, dateline_credit = "", None
    if body and body[0].kind is BlockKind.PARAGRAPH:
        prefix, dateline_credit = dateline_prefix(draw, article, chrome.dateline, chrome.credit, plan)
    credits = [dateline_credit] if dateline_credit else []
    credit_lines, _trailer = credit_units(
        draw, article, chrome.credit, dateline_credit.name if dateline_credit else None, False
    )
    credits.extend(c for c, _u in credit_lines)

    gaps: list[list[str]] = [[] for _ in range(max(1, len(body)))]
    # (gap, place in the gap, value): sorted into document order at the end.
    captions: list[tuple[int, int, Caption]] = []
    for number, caption in enumerate(article.captions):
        text = clean(caption.text)
        if not text or not chance(draw, chrome.figure):
            continue
        credit = clean(caption.credit or "")
        credit_html = f' <span class="credit">Photo: {_e(credit)}</span>' if credit else ""
        where = draw(st.integers(0, len(gaps) - 1))
        captions.append((where, len(gaps[where]), Caption(text=text, credit=credit or None, raw=text)))
        gaps[where].append(f'<figure><img src="/img/{number}.jpg" alt="">'
                           f"<figcaption>{_e(text)}{credit_html}</figcaption></figure>")
    pull_quotes: list[tuple[int, int, str]] = []
    for raw_quote in article.pull_quotes:
        quote = clean(raw_quote)
        if not quote or not chance(draw, chrome.pull_quote):
            continue
        where = next((i for i, b in enumerate(body) if quote in b.text), 0)
        form = draw(st.sampled_from(('<aside class="pull-quote"><p>{q}</p></aside>',
                                     '<blockquote class="pullquote">{q}</blockquote>')))
        pull_quotes.append((where, len(gaps[where]), quote))
        gaps[where].append(form.format(q=_e(quote)))

    in_list: str | None = None
    for index, block in enumerate(body):
        if block.kind is BlockKind.LIST_ITEM:
            if in_list is None:
                in_list = draw(st.sampled_from(("ul", "ol")))
                article_html.append(f"<{in_list}>")
            article_html.append(f"<li>{_e(block.text)}</li>")
            next_is_item = index + 1 < len(body) and body[index + 1].kind is BlockKind.LIST_ITEM
            if next_is_item and not gaps[index]:
                continue
            article_html.append(f"</{in_list}>")
            in_list = None
        elif block.kind is BlockKind.SUBHEADING:
            article_html.append(f"<h2>{_e(block.text)}</h2>")
        elif block.kind is BlockKind.QUOTE:
            article_html.append(f"<blockquote><p>{_e(block.text)}</p></blockquote>")
        else:
            shown = prefix + block.text if index == 0 else block.text
            article_html.append(f"<p>{_e(shown)}</p>")
        article_html.extend(gaps[index])
    if not body:
        article_html.extend(gaps[0])
    article_html.extend(f'<p class="credit">{_e(unit.shown)}</p>' for unit in distinct_units(credit_lines))

    page.append(f'<main><article class="story">{"".join(article_html)}</article>')
    if chance(draw, chrome.related):
        related = "".join(f'<li><a href="/story/{i}">{_e(h)}</a></li>' for i, h in enumerate(pools.OTHER_HEADLINES))
        page.append(f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>')
    if chance(draw, chrome.newsletter):
        page.append('<div class="newsletter"><h3>Sign up for our daily newsletter</h3>'
                    '<input type="email" placeholder="Your email"><button>Subscribe</button></div>')
    if chance(draw, chrome.comments):
        count = draw(st.integers(1, len(COMMENTS)))
        comments = "".join(f'<div class="comment"><p class="comment-author">reader{i}</p><p>{_e(c)}</p></div>'
                           for i, c in enumerate(COMMENTS[:count]))
        page.append(f'<section id="comments"><h3>{count} Comments</h3>{comments}</section>')
    page.append("</main>")
    if chance(draw, chrome.footer):
        footer = "".join(f'<li><a href="/{i}">{_e(t)}</a></li>' for i, t in enumerate(FOOTER_LINES))
        page.append(f'<footer><ul>{footer}</ul><p>© 2024 {_e(site)}. All rights reserved.</p></footer>')

    document = (
        f'<!DOCTYPE html>\n<html lang="{_e(language.value)}">\n<head>\n' + "\n".join(head)
        + "\n</head>\n<body>\n" + "\n".join(page) + "\n</body>\n</html>\n"
    )
    truth = Article(
        title=title or None,
        authors=authors,
        published=published,
        updated=updated,
        dateline=plan.dateline,
        credits=tuple(credits),
        captions=tuple(c for _w, _i, c in sorted(captions, key=lambda item: item[:2])),
        pull_quotes=tuple(q for _w, _i, q in sorted(pull_quotes, key=lambda item: item[:2])),
        blocks=tuple(body),
        language=language.value,  # what <html lang> states
        site_name=site if (show_og or show_json_ld) else None,
    )
    return document, truth


def _parts(ts: Timestamp) -> dict[str, Any]:
    return {name: getattr(ts, name) for name in
            ("raw", "year", "month", "day", "hour", "minute", "second", "utc_offset")}

