"""The JSON form of the model: values to JSON-ready data and back (used by :class:`~copydesk.Article`)."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import SchemaError
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


# -- from JSON: every value checked against its field's type on the way in -------------------------

_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _field_types(cls: type[Any]) -> dict[str, Any]:
    """The resolved type of each field of the attrs class ``cls`` (resolved once per class)."""
    found = _FIELD_TYPES.get(cls)
    if found is None:
        found = _FIELD_TYPES[cls] = typing.get_type_hints(cls)
    return found


#: How JSON names the type of a value, most specific first (bool before int: True is an int).
_JSON_TYPES: tuple[tuple[Any, str], ...] = (
    (type(None), "null"), (bool, "a boolean"), ((int, float), "a number"), (str, "a string"),
    ((list, tuple), "a list"), (Mapping, "an object"),
)


def _json_type(value: Any) -> str:
    """How JSON would name the type of ``value`` (for messages).

    >>> _json_type(True), _json_type({}), _json_type(None)
    ('a boolean', 'an object', 'null')
    """
    return next((name for kind, name in _JSON_TYPES if isinstance(value, kind)), type(value).__name__)


def _checked(where: str, hint: Any, value: Any) -> Any:
    """``value`` as the type ``hint`` of the field at ``where``; :class:`SchemaError` when it is not one."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _checked(where, inner, value)
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, (list, tuple)):
            raise SchemaError(f"{where}: expected a list, got {_json_type(value)}")
        return tuple(_checked(f"{where}[{i}]", args[0], item) for i, item in enumerate(value))
    if hint in (str, bool) or hint is int:
        # bool is an int to Python, not to JSON: a flag is no count and a count is no flag.
        if isinstance(value, hint) and (hint is bool or not isinstance(value, bool)):
            return value
        raise SchemaError(f"{where}: expected {_TYPE_NAMES[hint]}, got {_json_type(value)}")
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except (ValueError, TypeError):
            known = ", ".join(repr(member.value) for member in hint)
            raise SchemaError(f"{where}: {value!r} is not one of {known}") from None
    return _build(hint, value, where)


_TYPE_NAMES: dict[Any, str] = {str: "a string", int: "a whole number", bool: "a boolean"}


def _build(cls: type[Any], data: Any, where: str) -> Any:
    """An instance of the attrs class ``cls`` from its JSON object ``data``, every field checked."""
    if not isinstance(data, Mapping):
        raise SchemaError(f"{where}: expected an object ({cls.__name__}), got {_json_type(data)}")
    types_ = _field_types(cls)
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        kwargs[field.name] = _checked(f"{where}.{field.name}", types_[field.name], data[field.name])
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:  # a missing field, an hour past 23, a day past the month's end ...
        raise SchemaError(f"{where}: {exc}") from exc


def _provenance(value: Any) -> dict[str, str]:
    """The ``provenance`` object: field name to source name, both strings."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SchemaError(f"Article.provenance: expected an object, got {_json_type(value)}")
    for name, source in value.items():
        if not isinstance(name, str) or not isinstance(source, str):
            raise SchemaError(f"Article.provenance[{name!r}]: expected a string, got {_json_type(source)}")
    return dict(value)


def article_from_dict(cls: type[Any], data: Mapping[str, Any]) -> Any:
    """Build an ``cls`` (the Article class) from the fields of its JSON form, checking every value.

    Raises :class:`~copydesk.SchemaError` naming the first value of a wrong type.

    >>> from copydesk import Article
    >>> article_from_dict(Article, {"title": {"a": 1}})
    Traceback (most recent call last):
    ...
    copydesk._errors.SchemaError: Article.title: expected a string, got an object
    """
    provenance = _provenance(data.get("provenance"))
    article = _build(cls, {name: value for name, value in data.items() if name != "provenance"}, cls.__name__)
    return attrs.evolve(article, provenance=provenance) if provenance else article
