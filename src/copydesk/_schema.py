"""The JSON Schema of :meth:`Article.to_dict` output, shipped in the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _schema_text() -> str:
    return resources.files("copydesk").joinpath("article.schema.json").read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that describes ``Article.to_dict()``.

    >>> json_schema()["title"]
    'copydesk Article'
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
