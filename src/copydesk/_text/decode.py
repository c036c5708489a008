"""Decode bytes to text; never raises on bytes.

The order of evidence (the first that applies wins):

1. a byte order mark (UTF-32, UTF-8, UTF-16);
2. binary data (an image or PDF signature, NUL and other control bytes that
   are not UTF-16/32 text): no text, a ``binary_input`` diagnostic;
3. pure ASCII, then valid UTF-8 (the fast path: one C-level decode);
4. a charset the caller declares (an HTML ``<meta charset>``), unless the
   bytes are valid UTF-8 with non-ASCII characters, which no single-byte
   charset produces by accident (a ``declared_charset_mismatch`` diagnostic);
5. *mixed* input, mostly UTF-8 with some cp1252 bytes (``it\\x92s`` in a UTF-8
   text): every valid UTF-8 sequence is read as UTF-8 and every invalid byte
   as cp1252, chunk by chunk, with a ``mixed_encoding`` diagnostic;
6. no UTF-8 at all: cp1252 when the few high bytes look like Western text,
   otherwise detection with charset-normalizer, falling back to cp1252.

Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the
C1 control of the same number, the way ftfy's "sloppy" codecs do, so no byte
is ever lost; the repair stage deals with them.
"""

from __future__ import annotations

import codecs
import re

from .._model import Diagnostic

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: File signatures of common binary formats, checked at the start of the data.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"OggS", "an Ogg file"),
    (b"ID3", "an MP3 file"),
)

# Control bytes that plain text does not contain (TAB, LF, FF, CR and ESC are allowed).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")

#: cp1252 with the five undefined bytes read as the C1 controls of the same number.
_SLOPPY_CP1252 = "".join(
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in range(256)
)
_SLOPPY_CP1252_TABLE = {b: ch for b, ch in enumerate(_SLOPPY_CP1252) if b >= 0x80}

#: Charset names a page may declare that browsers read as cp1252 (WHATWG Encoding).
_CP1252_ALIASES = frozenset({"cp1252", "iso8859-1", "ascii", "latin-1", "iso8859-15"})

#: Encodings charset-normalizer may propose for Western text; cp1252 is chosen
#: over them unless cp1252 makes the text implausible.
_WESTERN = frozenset(
    {"cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1257", "iso8859-13", "mac-roman",
     "cp1254", "iso8859-9", "iso8859-16", "iso8859-3", "iso8859-4", "iso8859-10", "cp850", "cp437",
     "cp858", "mac-latin2", "iso8859-14"}
)

_NOT_PAGE_ENCODINGS = frozenset(
    {"idna", "punycode", "undefined", "raw-unicode-escape", "unicode-escape", "utf-7", "palmos", "mbcs", "oem"}
)
_SAMPLE = 1 << 16  # bytes looked at for binary and encoding evidence
_DETECT_SAMPLE = 1 << 14  # bytes handed to charset-normalizer
_MIN_DETECT = 64  # below this many bytes, detection is a guess: cp1252 is used


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode ``data``; return the text, the name of the encoding used, and diagnostics.

    Never raises on the content of ``data``. ``declared`` is a charset the
    source states (an HTTP header or ``<meta charset>``); it is trusted unless
    the bytes are valid UTF-8 with non-ASCII characters. The encoding name is
    informational: for mixed input it is ``"utf-8"`` with a
    ``mixed_encoding`` diagnostic; for binary input the text is empty and
    the name is ``"binary"``.

    >>> decode_bytes("café".encode("utf-8"))[:2]
    ('café', 'utf-8')
    >>> decode_bytes(b"it\\x92s")[:2]
    ('it’s', 'cp1252')
    >>> text, name, diags = decode_bytes("“Naïve” café — ".encode() + b"it\\x92s")
    >>> text, name, [d.code for d in diags]
    ('“Naïve” café — it’s', 'utf-8', ['mixed_encoding'])
    >>> text, name, diags = decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    >>> text, name, diags[0].message
    ('', 'binary', 'the input looks like a PNG image, not text; no text was read')
    """
    data = bytes(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name, ()
    if not data:
        return "", "utf-8", ()
    sample = data[:_SAMPLE]
    if _CONTROL_BYTES.search(sample):
        found = _decode_with_controls(data, sample)
        if found is not None:
            return found
    if data.isascii():
        return data.decode("ascii"), "utf-8", ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        diags: tuple[Diagnostic, ...] = ()
        stated = charset_name(declared)
        if stated is not None and stated != "utf-8":
            diags = (
                Diagnostic(
                    "declared_charset_mismatch",
                    f"the source declares {declared!r} but the bytes are valid UTF-8; read as UTF-8",
                ),
            )
        return text, "utf-8", diags
    stated = charset_name(declared)
    if stated is not None and stated != "utf-8":
        return _decode_declared(data, stated)
    return _decode_not_utf8(data, sample)


def charset_name(declared: str | None) -> str | None:
    """Python's canonical name for a charset a source declares, read as browsers read it; None when unusable.

    The one home of charset names for both front ends. WHATWG aliases apply
    (ISO-8859-1, ASCII and latin-1 read as cp1252, GB2312 as GBK, x-sjis as
    Shift JIS); names that are no page encoding (rot13, base64, IDNA, UTF-7)
    and a UTF-16/32 declared without a BOM are not trusted.

    >>> charset_name(" UTF8 "), charset_name("ISO-8859-1"), charset_name("nonsense"), charset_name("GB2312")
    ('utf-8', 'cp1252', None, 'gbk')
    >>> charset_name("base64"), charset_name("utf-7"), charset_name("utf-16"), charset_name(None)
    (None, None, None, None)
    """
    if not declared:
        return None
    name = declared.strip().strip("\"'").lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    # Only text encodings a page may declare: not rot13/base64/zlib, not the
    # escape and IDNA codecs, not UTF-7 (which browsers refuse too).
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        # As browsers do: a declared UTF-16/32 without a BOM is not trusted
        # (real UTF-16/32 text is recognised by its BOM or its NUL bytes).
        return None
    return "cp1252" if info.name in _CP1252_ALIASES else info.name


#: Names browsers read as another encoding (WHATWG Encoding), before Python's lookup.
_WHATWG_ALIASES = {"x-sjis": "shift_jis", "gb2312": "gbk", "gb_2312-80": "gbk", "x-gbk": "gbk"}


def _decode_declared(data: bytes, name: str) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode with a declared charset (latin-1 and ASCII read as cp1252, as browsers do)."""
    if name in _CP1252_ALIASES:
        return _sloppy_cp1252(data), "cp1252", ()
    try:
        return data.decode(name), name, ()
    except UnicodeDecodeError:
        pass
    except (LookupError, UnicodeError, ValueError):  # a codec that cannot decode this at all
        return _decode_not_utf8(data, data[:_SAMPLE])
    try:
        text = data.decode(name, errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return _decode_not_utf8(data, data[:_SAMPLE])
    return text, name, (
        Diagnostic("undecodable_bytes", f"some bytes are not valid {name} and were replaced with U+FFFD"),
    )


def _decode_with_controls(data: bytes, sample: bytes) -> tuple[str, str, tuple[Diagnostic, ...]] | None:
    """Handle data holding control bytes: UTF-16/32 without a BOM, or binary.

    Returns None for text with a few stray controls.
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return "", "binary", (_binary(what),)
    nul = sample.count(0)
    if nul:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) / 2
        lanes = [sample[k::4].count(0) for k in range(4)]
        quarter = len(sample) / 4
        # UTF-32 text mostly below U+10000: three zero bytes of every four.
        for name, zero_lanes, text_lane in (("utf-32-le", (1, 2, 3), 0), ("utf-32-be", (0, 1, 2), 3)):
            if all(lanes[k] > 0.9 * quarter for k in zero_lanes) and lanes[text_lane] < 0.05 * quarter:
                text = data.decode(name, errors="replace")
                if text.count("\ufffd") <= 0.01 * len(text):
                    return text, name, ()
        if half and odd > 0.4 * half and even < 0.05 * half:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le", ()
        if half and even > 0.4 * half and odd < 0.05 * half:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be", ()
    # Text in any encoding has next to no control bytes; binary data (images,
    # archives, compressed streams) has about one byte in ten.
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls >= 0.05 * len(sample) or (controls >= 0.01 * len(sample) and not _is_utf8(sample)):
        return "", "binary", (_binary("binary data"),)
    return None


def _is_utf8(sample: bytes) -> bool:
    """True when ``sample`` is valid UTF-8 (allowing a sequence cut at its end)."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"
    return True


def _binary(what: str) -> Diagnostic:
    """The diagnostic for input that is not text."""
    return Diagnostic("binary_input", f"the input looks like {what}, not text; no text was read")


def _decode_not_utf8(data: bytes, sample: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode bytes that are not valid UTF-8: mixed UTF-8/cp1252, cp1252, or a detected charset."""
    valid, invalid = _utf8_evidence(sample)
    # Other multi-byte encodings (Shift-JIS, GBK) hold valid UTF-8 sequences
    # by chance, but far fewer than invalid ones. Text with more cp1252 than
    # UTF-8 goes the cp1252 way: ftfy repairs its UTF-8 mojibake later.
    if valid >= 4 * invalid:
        text = _decode_mixed(data)
        return text, "utf-8", (
            Diagnostic(
                "mixed_encoding",
                "the input is UTF-8 with some bytes in another encoding; those were read as cp1252",
            ),
        )
    high = len(_HIGH_BYTES.findall(sample))
    if high <= 0.01 * len(sample) or len(sample) < _MIN_DETECT:
        return _sloppy_cp1252(data), "cp1252", ()
    detected = _detect(data[:_DETECT_SAMPLE])
    if detected is not None and detected.startswith(("utf-16", "utf-32", "utf-8")):
        detected = None  # UTF-16/32 without a BOM was recognised by its NUL bytes above
    if detected is not None and detected not in _WESTERN:
        single_byte = _is_single_byte(detected)
        if not single_byte or high > 0.2 * len(sample) or _cp1252_implausible(data[:_SAMPLE]):
            try:
                return data.decode(detected), detected, ()
            except UnicodeDecodeError:
                pass
    elif detected is not None and detected != "cp1252" and _cp1252_implausible(data[:_SAMPLE]):
        try:
            return data.decode(detected), detected, ()
        except UnicodeDecodeError:
            pass
    return _sloppy_cp1252(data), "cp1252", ()


def _utf8_evidence(sample: bytes) -> tuple[int, int]:
    """Count the non-ASCII characters that decode as UTF-8 and the invalid sequences in ``sample``.

    >>> _utf8_evidence("café ".encode() + b"it\\x92s")
    (1, 1)
    """
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    valid = len(_NON_ASCII.findall(text))
    return valid, invalid


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _decode_mixed(data: bytes) -> str:
    """Read valid UTF-8 sequences as UTF-8 and every other byte as cp1252."""
    return data.decode("utf-8", errors="copydesk-cp1252")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes with sloppy cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return "".join(_SLOPPY_CP1252[b] for b in chunk), error.end


codecs.register_error("copydesk-cp1252", _cp1252_fallback)


def _sloppy_cp1252(data: bytes) -> str:
    """Decode with cp1252, reading its five undefined bytes as C1 controls."""
    return data.decode("latin-1").translate(_SLOPPY_CP1252_TABLE)


def _is_single_byte(name: str) -> bool:
    """True for single-byte (code page) encodings."""
    multi = ("utf", "gb", "big5", "shift_jis", "cp932", "euc", "cp949", "cp950", "iso2022", "hz", "johab",
             "cp936")
    return not name.replace("-", "_").startswith(multi)


# A non-letter high character of cp1252 between two ASCII letters ("Za¿ó³æ"):
# a sign the text is in a Central European code page. Fixed-width classes.
_MID_WORD_SYMBOL = re.compile("[^\\W\\d_][\u00a1-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf][^\\W\\d_]")


def _cp1252_implausible(data: bytes) -> bool:
    """True when cp1252 puts symbols inside words often, as it does for Central European text."""
    text = _sloppy_cp1252(data)
    odd = len(_MID_WORD_SYMBOL.findall(text))
    return odd >= 2 and odd >= 0.05 * sum(1 for ch in text if ord(ch) > 0x7F)


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds best, as a Python codec name, or None."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # a detector bug must not break decoding
        return None
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None
