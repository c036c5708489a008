"""The plain-text front end: :func:`parse_text`.

decode (bytes only) -> repair -> split -> locate -> classify -> assemble. The first
three stages are :func:`prepare_text` and :func:`~copydesk._text.split.split_blocks`;
classification and assembly are shared with the HTML front end.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

from .._assemble import assemble_article
from .._bidi import clean_fields
from .._classify.source import Prepared, SourceBlock
from .._classify.table import classify
from .._config import DEFAULT_CONFIG, ParseConfig
from .._day_order import settle_day_order
from .._errors import ConfigError, InputTypeError
from .._model import Article, Diagnostic
from .decode import decode_bytes
from .locate import Located, locate_story
from .locate_merge import merge_blocks, relabel
from .repair import repair_text
from .split import split_blocks


def parse_text(text: str | bytes, *, url: str | None = None, config: ParseConfig = DEFAULT_CONFIG) -> Article:
    """Parse a scraped news text into an :class:`~copydesk.Article`.

    ``text`` is a ``str`` or the raw ``bytes`` of a file (decoded with a BOM,
    UTF-8, mixed UTF-8/cp1252 repair, detection, cp1252 as the fallback).
    Never raises on the content of ``text``: problems come back as
    ``Article.diagnostics`` (``empty_input``, ``binary_input``,
    ``truncated``, ``mixed_encoding``, ...). Raises
    :class:`~copydesk.InputTypeError` when ``text`` is not ``str`` or
    ``bytes`` and :class:`~copydesk.ConfigError` when ``config`` is not a
    :class:`~copydesk.ParseConfig`.

    >>> article = parse_text("Title\\n\\nFirst paragraph.")
    >>> article.title
    'Title'
    >>> parse_text(b"").diagnostics[0].code
    'empty_input'
    >>> parse_text(42)
    Traceback (most recent call last):
    ...
    copydesk._errors.InputTypeError: parse_text takes str or bytes; got int
    """
    _check_arguments(text, url, config)
    prepared = prepare_text(text, config=config)
    blocks = split_blocks(prepared.text, config.text)
    diagnostics = prepared.diagnostics + _split_diagnostics(blocks)
    located = locate_story(blocks) if config.text.locate_story else Located(blocks)
    labelled = relabel(classify(located.story, None, config=config))
    article = assemble_article(
        merge_blocks(labelled.blocks, located.outside), repairs=prepared.repairs,
        diagnostics=diagnostics + located.diagnostics, url=url, readings=labelled.readings,
        plain_text=True, config=config,
    )
    return clean_fields(settle_day_order(article, config))


def prepare_text(text: str | bytes, *, config: ParseConfig) -> Prepared:
    """Decode (bytes), bound and repair ``text``: the stages before splitting.

    ``Prepared.text`` has ``\\n`` line breaks; line ``n`` of it is line ``n``
    of the input (after CRLF/CR normalisation) and is what a block's
    :class:`~copydesk.Span` points at.

    >>> from copydesk import ParseConfig
    >>> p = prepare_text(b"it\\x92s\\r\\nfine", config=ParseConfig())
    >>> p.lines, [r.name for r in p.repairs]
    (('it’s', 'fine'), ['line_breaks'])
    """
    _check_arguments(text, None, config)
    diagnostics: list[Diagnostic] = []
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        limit = config.text.max_chars * 4  # never more bytes than the characters they can hold
        if len(data) > limit:
            data = data[:limit]
            diagnostics.append(_truncated(limit, "bytes"))
        decoded, _encoding, decode_diagnostics = decode_bytes(data)
        diagnostics.extend(decode_diagnostics)
    else:
        decoded = str(text)
    if len(decoded) > config.text.max_chars:
        decoded = _cut_at_line_break(decoded, config.text.max_chars)
        if not any(d.code == "truncated" for d in diagnostics):
            diagnostics.append(_truncated(config.text.max_chars, "characters"))
    repaired, repairs = repair_text(decoded, config.repair)
    if not repaired.strip() and not any(d.code == "binary_input" for d in diagnostics):
        diagnostics.append(Diagnostic("empty_input", "the input holds no text"))
    return Prepared(repaired, repairs, tuple(diagnostics))


def _check_arguments(text: Any, url: Any, config: Any) -> None:
    """Raise InputTypeError or ConfigError, with what to do, for arguments of the wrong type."""
    if not isinstance(config, ParseConfig):
        raise ConfigError(
            f"config must be a copydesk.ParseConfig; got {type(config).__name__} "
            "(build one with copydesk.ParseConfig(...) and vary it with attrs.evolve)"
        )
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str or None; got {type(url).__name__}")
    if isinstance(text, (str, bytes, bytearray, memoryview)):
        return
    kind = type(text).__name__
    if isinstance(text, os.PathLike):
        hint = " (for a file, pass its content: parse_text(path.read_bytes()))"
    elif hasattr(text, "read"):
        hint = " (for an open file, pass its content: parse_text(f.read()))"
    elif text is None:
        hint = " (there is no text to parse)"
    elif hasattr(text, "find_all") or hasattr(text, "xpath"):
        hint = " (for HTML use copydesk.parse_html)"
    else:
        hint = ""
    raise InputTypeError(f"parse_text takes str or bytes; got {kind}{hint}")


def _cut_at_line_break(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at the last line break when there is one."""
    head = text[:limit]
    newline = head.rfind("\n")
    return head[:newline] if newline > limit // 2 else head


def _truncated(limit: int, unit: str) -> Diagnostic:
    """The diagnostic for input cut at ``limit``."""
    return Diagnostic(
        "truncated",
        f"the input is longer than {limit} {unit}; only the start was read "
        "(raise ParseConfig.text.max_chars to read more)",
    )


def _split_diagnostics(blocks: tuple[SourceBlock, ...]) -> tuple[Diagnostic, ...]:
    """A ``flattened_text`` diagnostic when one input line was cut into several blocks."""
    cut = sum(1 for a, b in itertools.pairwise(blocks) if a.span == b.span)
    if not cut:
        return ()
    return (
        Diagnostic(
            "flattened_text",
            f"paragraphs ran together on one line; the text was cut at {cut} plausible paragraph "
            "boundaries (those blocks share their line span)",
        ),
    )
