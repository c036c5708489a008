"""The typed result: :class:`Article`, with its JSON form.

Every class of the model is a frozen attrs class made of tuples, strings,
numbers, enums and other frozen classes, so an :class:`Article` is immutable,
hashable piece by piece and safe to share between threads and processes.

The JSON form (:meth:`Article.to_dict`, :meth:`Article.to_json`) carries
:data:`SCHEMA_VERSION` and is described by the JSON Schema that ships in the
package (:func:`copydesk.json_schema`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._errors import SchemaError
from .convert import article_from_dict, to_json_value
from .parts import Block, Caption, Credit, Dateline, Diagnostic, Repair
from .timestamp import Timestamp

#: Version of the JSON form written by :meth:`Article.to_dict`. Bumped on any
#: change to the shape of that JSON; readers accept every older version they
#: know how to upgrade.
SCHEMA_VERSION = 1


def _tuple_of(cls: type[Any]) -> Any:
    return attrs.field(default=(), converter=tuple,
                       validator=attrs.validators.deep_iterable(attrs.validators.instance_of(cls)))


def _str_tuple() -> Any:
    return attrs.field(default=(), converter=tuple,
                       validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)))


def _frozen_mapping(value: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))


@attrs.frozen
class Article:
    """A clean, typed news article.

    ``blocks`` holds every labelled block of the input in input order: the
    body, the lines that fed a field (title, byline, date, dateline, captions,
    credits, pull quotes) and the lines removed with their reason. The other
    fields are what was read from those blocks (and, for HTML, from the page
    metadata); ``provenance`` says where each field came from.

    >>> from copydesk import parse_text
    >>> a = parse_text("Big news\\n\\nBy Jane Doe\\n\\nLONDON (Reuters) - It happened today.")
    >>> a.title, a.authors, a.dateline.place, [c.name for c in a.credits]
    ('Big news', ('Jane Doe',), 'LONDON', ['Reuters'])
    >>> a.text
    'It happened today.'
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = _str_tuple()
    byline: str | None = None
    published: Timestamp | None = None
    updated: Timestamp | None = None
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = _tuple_of(Credit)
    captions: tuple[Caption, ...] = _tuple_of(Caption)
    pull_quotes: tuple[str, ...] = _str_tuple()
    blocks: tuple[Block, ...] = _tuple_of(Block)
    repairs: tuple[Repair, ...] = _tuple_of(Repair)
    diagnostics: tuple[Diagnostic, ...] = _tuple_of(Diagnostic)
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = _str_tuple()
    image: str | None = None
    #: ``(field, source)`` pairs, sorted: which source each field came from
    #: ("text", "json_ld", "opengraph", "meta", "html", ...).
    provenance: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_frozen_mapping)

    @property
    def body(self) -> tuple[Block, ...]:
        """The body blocks (paragraphs, subheadings, list items, quotes, tables) in order."""
        return tuple(b for b in self.blocks if b.kind.is_body)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of each body block, in order."""
        return tuple(b.text for b in self.blocks if b.kind.is_body)

    @property
    def removed(self) -> tuple[Block, ...]:
        """The blocks taken out of the article (boilerplate, duplicates), each with its reason."""
        return tuple(b for b in self.blocks if b.kind.is_removed)

    @property
    def text(self) -> str:
        """The clean body: body blocks joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def source_of(self, field: str) -> str | None:
        """Where ``field`` came from, or None when it is not recorded.

        >>> Article(title="T", provenance={"title": "json_ld"}).source_of("title")
        'json_ld'
        """
        for name, source in self.provenance:
            if name == field:
                return source
        return None

    # -- JSON ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with ``schema_version``; :meth:`from_dict` reverses it.

        >>> a = Article(title="T", authors=("Jane Doe",))
        >>> d = a.to_dict()
        >>> d["schema_version"], d["title"], d["authors"]
        (1, 'T', ['Jane Doe'])
        >>> Article.from_dict(d) == a
        True
        """
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for field in attrs.fields(Article):
            value = getattr(self, field.name)
            if field.name == "provenance":
                out["provenance"] = dict(value)
            else:
                out[field.name] = to_json_value(value)
        out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output.

        Raises :class:`copydesk.SchemaError` (a :class:`ValueError`) when the
        data is not an article of a schema version this release reads, or
        when a value has the wrong type (a title that is not a string, a block
        without a known kind): every value is checked on the way in, so an
        Article built here never fails later in :meth:`to_json` or :attr:`text`.

        >>> Article.from_dict({"schema_version": 1, "title": "T"}).title
        'T'
        """
        if not isinstance(data, Mapping):
            raise SchemaError(f"expected a mapping from Article.to_dict(), got {type(data).__name__}")
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise SchemaError(
                f"schema_version {version!r} is not one this copydesk reads ({SCHEMA_VERSION}); "
                "upgrade copydesk or re-parse the source"
            )
        try:
            article: Article = article_from_dict(cls, data)
            return article
        except SchemaError:
            raise
        except (TypeError, ValueError, KeyError) as exc:
            raise SchemaError(f"not a valid article dict: {exc}") from exc
        except RecursionError:
            raise SchemaError("not a valid article dict: nested too deeply") from None

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as JSON text (see :meth:`to_dict`).

        >>> Article(title="T").to_json()[:35]
        '{"schema_version": 1, "title": "T",'
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Rebuild an Article from :meth:`to_json` output.

        >>> a = Article(title="T")
        >>> Article.from_json(a.to_json()) == a
        True
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise SchemaError(f"not JSON: {exc}") from exc
        except RecursionError:
            raise SchemaError("not an article: JSON nested too deeply to read") from None
        return cls.from_dict(data)
