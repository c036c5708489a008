"""Reading JSON-LD blocks (``<script type="application/ld+json">``) leniently.

Pages ship JSON-LD that :func:`json.loads` refuses: trailing commas, raw
control characters inside strings, HTML entities, several objects written
one after the other, a CDATA or comment wrapper. :func:`load_json_ld` tries
the strict parser first and then repairs the text with a small character
scanner that knows where strings start and end (no regex ever touches the
JSON), so one broken block never stops the rest of the page.

:func:`typed_nodes` flattens what was loaded (top-level lists, ``@graph``,
nested objects) into the typed nodes, and :func:`node_types` names each
node's ``@type`` values.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

_DECODER = json.JSONDecoder(strict=False)

#: Deepest nesting walked by :func:`typed_nodes` (JSON-LD is shallow; the
#: bound keeps hostile input linear).
_MAX_DEPTH = 12

#: Failed decode attempts allowed per block before the rest is given up.
_MAX_FAILURES = 8


_ARTICLE_TYPES = (
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "article",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "review",
    "videoobject",
    "claimreview",
)
_PAGE_TYPES = ("webpage", "itempage", "collectionpage", "aboutpage", "profilepage")
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "organisation"})


def load_json_ld(text: str) -> list[Any]:
    """Every JSON value in a JSON-LD script's text; ``[]`` when none can be read.

    Never raises. Tries :func:`json.loads` first, then repairs the text
    (wrappers, control characters, trailing commas) and reads the values
    one after the other; a block that is entity-encoded as a whole is
    decoded first. Entities inside string values are left to
    :func:`clean_value`.

    >>> load_json_ld('{"@type": "NewsArticle", "headline": "A",}')
    [{'@type': 'NewsArticle', 'headline': 'A'}]
    >>> [v["headline"] for v in load_json_ld('{"headline": "A"}{"headline": "B"}')]
    ['A', 'B']
    >>> load_json_ld('{&quot;headline&quot;: &quot;A&quot;}')
    [{'headline': 'A'}]
    >>> load_json_ld("not json at all")
    []
    """
    text = text.strip()
    if not text:
        return []
    try:
        return [json.loads(text)]
    except (ValueError, RecursionError):
        pass
    text = _strip_wrappers(text)
    values = _decode_all(_repair_json_text(text))
    if not values and ("&quot;" in text or "&#34;" in text):
        # The whole block was entity-encoded ({&quot;@type&quot;: ...}).
        values = _decode_all(_repair_json_text(html.unescape(text)))
    return values


def _strip_wrappers(text: str) -> str:
    """Drop ``<![CDATA[ ... ]]>`` and ``<!-- ... -->`` wrappers and a trailing ``;``."""
    for start, end in (("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>")):
        if text.startswith(start):
            text = text[len(start):]
            if text.rstrip().endswith(end):
                text = text.rstrip()[: -len(end)]
    return text.strip().rstrip(";").strip()


def _repair_json_text(text: str) -> str:
    """Escape raw control characters inside strings, drop comments and trailing commas.

    One pass over the characters, tracking whether we are inside a string;
    outside strings a ``// ...`` or ``/* ... */`` comment is skipped, and a
    comma is dropped when the next non-space character closes an object or
    an array.

    >>> _repair_json_text('{"a": [1, 2,], "b": "x\\ty",}')
    '{"a": [1, 2], "b": "x\\\\ty"}'
    >>> _repair_json_text('{"a": 1, /* one */ "u": "http://x/*y*/"}')
    '{"a": 1,  "u": "http://x/*y*/"}'
    """
    out: list[str] = []
    in_string = False
    escaped = False
    pending_comma = -1  # index in out of a comma that may be trailing
    index = 0
    size = len(text)
    while index < size:
        ch = text[index]
        index += 1
        if in_string:
            if escaped:
                escaped = False
                out.append(ch)
            elif ch == "\\":
                escaped = True
                out.append(ch)
            elif ch == '"':
                in_string = False
                out.append(ch)
            elif ch < " ":
                out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, " "))
            else:
                out.append(ch)
            continue
        if ch == "/" and index < size and text[index] in "/*":
            index = _comment_end(text, index)
            continue
        if ch in " \t\r\n":
            out.append(ch)
            continue
        if ch in "}]" and pending_comma >= 0:
            out[pending_comma] = ""
        pending_comma = -1
        if ch == '"':
            in_string = True
        elif ch == ",":
            pending_comma = len(out)
        out.append(ch)
    return "".join(out)


def _comment_end(text: str, index: int) -> int:
    """Where a comment that starts at ``text[index - 1]`` ends: after its line (``//``) or its ``*/``."""
    if text[index] == "/":
        end = text.find("\n", index)
        return len(text) if end < 0 else end
    end = text.find("*/", index + 1)
    return len(text) if end < 0 else end + 2


def _decode_all(text: str) -> list[Any]:
    """Decode concatenated JSON values; skip junk between them."""
    values: list[Any] = []
    pos = 0
    end = len(text)
    failures = 0
    # Each failed attempt may scan to the end of the text; a small bound on
    # the failures keeps a long broken block linear.
    while pos < end and failures < _MAX_FAILURES:
        # Find the next value start; anything else (commas, semicolons,
        # stray words between objects) is skipped.
        starts = [i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0]
        if not starts:
            break
        pos = min(starts)
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError):
            failures += 1
            pos += 1
            continue
        values.append(value)
    return values


def typed_nodes(values: list[Any]) -> Iterator[tuple[dict[str, Any], int]]:
    """Every JSON object that has an ``@type``, with its nesting depth, in document order.

    Top-level values, members of top-level lists and of ``@graph`` count as
    depth 0; objects inside other objects (an article's ``author``, an
    ``ItemList`` of related articles) have a larger depth.

    >>> data = [{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle",
    ...          "author": {"@type": "Person", "name": "A"}}]}]
    >>> [(node_types(n), d) for n, d in typed_nodes(data)]
    [(('webpage',), 0), (('newsarticle',), 0), (('person',), 1)]
    """
    stack: list[tuple[Any, int]] = [(v, 0) for v in reversed(values)]
    while stack:
        value, depth = stack.pop()
        if depth > _MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((v, depth) for v in reversed(value))
            continue
        if not isinstance(value, dict):
            continue
        if "@type" in value:
            yield value, depth
            child_depth = depth + 1
        else:
            child_depth = depth
        graph = value.get("@graph")
        children: list[tuple[Any, int]] = []
        if isinstance(graph, (list, dict)):
            children.append((graph, depth))
        for key, child in value.items():
            if key != "@graph" and isinstance(child, (dict, list)):
                children.append((child, child_depth))
        stack.extend(reversed(children))


def node_types(node: dict[str, Any]) -> tuple[str, ...]:
    """The node's ``@type`` values, lowercased, without a schema.org prefix.

    >>> node_types({"@type": ["http://schema.org/NewsArticle", "Article"]})
    ('newsarticle', 'article')
    """
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    out: list[str] = []
    for item in items:
        if isinstance(item, str) and item:
            out.append(item.rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip().lower())
    return tuple(out)


def clean_value(value: Any, limit: int = 2000) -> str | None:
    """A JSON or attribute value as one whitespace-collapsed string (entities decoded), or None.

    >>> clean_value("  Jane&nbsp;Doe \\n"), clean_value(42), clean_value(None)
    ('Jane Doe', '42', None)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if "&" in text and ";" in text:
        text = " ".join(html.unescape(text).split())
    return text[:limit] or None


def is_url_like(value: str) -> bool:
    """True for a link or path rather than a name.

    >>> is_url_like("https://example.com/staff/jane"), is_url_like("Jane Doe")
    (True, False)
    """
    return value.startswith(("http://", "https://", "//", "www.")) or "/" in value


# -- the article node ----------------------------------------------------------------


class JsonLdView:
    """The article node (or page node) chosen from the JSON-LD, and the id index."""

    def __init__(self, values: list[Any], page_url: str | None) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        articles: list[tuple[int, int, dict[str, Any]]] = []
        pages: list[dict[str, Any]] = []
        self.organisations: list[dict[str, Any]] = []
        for order, (node, depth) in enumerate(typed_nodes(values)):
            node_id = node.get("@id")
            if isinstance(node_id, str) and node_id not in self.by_id:
                self.by_id[node_id] = node
            types = node_types(node)
            if any(t in _ARTICLE_TYPES for t in types):
                score = depth * 10 + min(_ARTICLE_TYPES.index(t) for t in types if t in _ARTICLE_TYPES) // 8
                if page_url and _same_url(node.get("url") or node.get("mainEntityOfPage"), page_url):
                    score -= 5
                if not (node.get("headline") or node.get("datePublished")):
                    score += 20
                articles.append((score, order, node))
            elif any(t in _PAGE_TYPES for t in types) and depth == 0:
                pages.append(node)
        articles.sort(key=lambda item: (item[0], item[1]))
        self.article: dict[str, Any] | None = articles[0][2] if articles else None
        self.page: dict[str, Any] | None = pages[0] if pages else None

    def resolve(self, value: Any) -> Any:
        """Follow an ``{"@id": ...}`` reference into the graph."""
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            target = self.by_id.get(str(value["@id"]))
            if target is not None and target is not value:
                return target
        return value


def _same_url(value: Any, page_url: str) -> bool:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if not isinstance(value, str):
        return False
    return value.rstrip("/").split("://")[-1] == page_url.rstrip("/").split("://")[-1]


def jsonld_people(view: JsonLdView, value: Any) -> tuple[list[str], list[str]]:
    """Split an ``author`` value into person names and organisation names."""
    persons: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for raw in items[:20]:
        item = view.resolve(raw)
        if isinstance(item, str):
            text = plain_name(item)
            if text and not is_url_like(text):
                persons.append(text)
        elif isinstance(item, dict):
            name = plain_name(item.get("name"))
            if name is None:
                given = plain_name(item.get("givenName"))
                family = plain_name(item.get("familyName"))
                name = " ".join(p for p in (given, family) if p) or None
            if name is None or is_url_like(name):
                continue
            if any(t in _ORG_TYPES for t in node_types(item)):
                orgs.append(name)
            else:
                persons.append(name)
    return persons, orgs


# A tag inside a name ("<a href=...>Jane Doe</a>"); stops at the next "<" or ">": linear.
_TAG = re.compile(r"<[^<>]*>")


def plain_name(value: Any) -> str | None:
    """A name from a JSON-LD value: a string, an ``{"@value": ...}`` object or the first of a
    list, without markup, entities decoded.

    >>> plain_name({"@value": "Jane Doe"}), plain_name('<a href="/j">Jane</a> <b>Doe</b>')
    ('Jane Doe', 'Jane Doe')
    >>> plain_name(["Jane Doe", "J. Doe"]), plain_name(None)
    ('Jane Doe', None)
    """
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("@value")
    text = clean_value(value, 500)
    if text is not None and "<" in text and ">" in text:
        text = clean_value(_TAG.sub(" ", text), 200)
    return text[:200] if text else None


def jsonld_image(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return clean_value(value, 2000)
