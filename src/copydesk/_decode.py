"""Decode bytes to text. Never raises on bytes.

Order: a BOM; a charset the caller declares; UTF-8 when the bytes are valid
UTF-8; detection (charset-normalizer); cp1252 with undecodable bytes replaced.
"""

from __future__ import annotations

import codecs

from ._model import Diagnostic

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode ``data``; return the text, the encoding used and diagnostics.

    >>> decode_bytes("café".encode("utf-8"))[:2]
    ('café', 'utf-8')
    >>> decode_bytes(b"it\\x92s")[:2]
    ('it’s', 'cp1252')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name, ()
    if declared:
        try:
            return data.decode(declared), declared, ()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    diags: tuple[Diagnostic, ...] = ()
    if "\ufffd" in text:
        diags = (Diagnostic("undecodable_bytes", "some bytes could not be decoded and were replaced"),)
    return text, "cp1252", diags
