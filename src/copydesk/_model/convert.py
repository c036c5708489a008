"""The JSON form of the model: values to JSON-ready data and back (used by :class:`~copydesk.Article`)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import SchemaError
from .kinds import BlockKind, CreditRole, TimeSource
from .parts import Block, Caption, Credit, Dateline, Diagnostic, Repair, Span
from .timestamp import Timestamp


def to_json_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [to_json_value(v) for v in value]
    if attrs.has(type(value)):
        out = {f.name: to_json_value(getattr(value, f.name)) for f in attrs.fields(type(value))}
        if isinstance(value, Timestamp):
            out["iso"] = value.isoformat()
        return out
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def _build(cls: type[Any], data: Any) -> Any:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise SchemaError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        value = data[field.name]
        kwargs[field.name] = _convert(cls, field.name, value)
    return cls(**kwargs)


_NESTED: dict[tuple[type[Any], str], Any] = {}


def _convert(cls: type[Any], name: str, value: Any) -> Any:
    kind = _NESTED.get((cls, name))
    if kind is None or value is None:
        return tuple(value) if isinstance(value, list) else value
    return _convert_to(kind, cls.__name__, name, value)


def _convert_to(kind: Any, owner: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, tuple):  # a tuple of one class
        (inner,) = kind
        if not isinstance(value, list):
            raise SchemaError(f"{owner}.{name}: expected a list")
        return tuple(_build(inner, v) for v in value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    return _build(kind, value)


_NESTED.update(
    {
        (Block, "kind"): BlockKind,
        (Block, "span"): Span,
        (Caption, "span"): Span,
        (Credit, "role"): CreditRole,
        (Timestamp, "source"): TimeSource,
    }
)

#: The Article fields that hold model values (the others hold strings and tuples of strings).
_ARTICLE_NESTED: dict[str, Any] = {
    "published": Timestamp,
    "updated": Timestamp,
    "dateline": Dateline,
    "credits": (Credit,),
    "captions": (Caption,),
    "blocks": (Block,),
    "repairs": (Repair,),
    "diagnostics": (Diagnostic,),
}


def article_from_dict(cls: type[Any], data: Mapping[str, Any]) -> Any:
    """Build an ``cls`` (the Article class) from the fields of its JSON form."""
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        value = data[field.name]
        if field.name == "provenance":
            kwargs["provenance"] = value or {}
        elif field.name in _ARTICLE_NESTED:
            kwargs[field.name] = _convert_to(_ARTICLE_NESTED[field.name], cls.__name__, field.name, value)
        else:
            kwargs[field.name] = tuple(value) if isinstance(value, list) else value
    return cls(**kwargs)
