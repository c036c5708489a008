"""Decode bytes to text; never raises on bytes.

The order of evidence (the first that applies wins):

1. a byte order mark (UTF-32, UTF-8, UTF-16);
2. UTF-16/32 without a BOM, from where its NUL bytes fall (also CJK text,
   whose NULs are few); binary data (:func:`binary_kind`: a file signature
   *with* a file's header or content after it, since "MZ", "ID3" or "BZh"
   also open words; or many control bytes): no text, a ``binary_input``
   diagnostic;
3. pure ASCII, then valid UTF-8 (the fast path: one C-level decode);
4. a charset the caller declares (an HTML ``<meta charset>``), unless the
   bytes are valid UTF-8 with non-ASCII characters, which no single-byte
   charset produces by accident (a ``declared_charset_mismatch`` diagnostic);
5. *mixed* input, mostly UTF-8 with some cp1252 bytes (``it\\x92s`` in a UTF-8
   text): every valid UTF-8 sequence is read as UTF-8 and every invalid byte
   as cp1252, chunk by chunk, with a ``mixed_encoding`` diagnostic;
6. no UTF-8 at all: cp1252 when it reads as clean text (no symbol inside a
   word, no mixed scripts or odd capitals: :mod:`copydesk._text.plausible`);
   otherwise the charset that reads cleanest among charset-normalizer's
   proposal and the common legacy charsets (cp1250, ISO 8859-2, cp1251,
   KOI8-R, cp1253, ...), so a short Polish, Russian or Greek paragraph is
   not read as cp1252; cp1252 when none reads clearly better.

Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the
C1 control of the same number, the way ftfy's "sloppy" codecs do, so no byte
is ever lost; the repair stage deals with them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .._model import Diagnostic
from .plausible import implausible_words

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
    (b"\x00\x00\x01\x00", "an icon"),
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
    # Text in any encoding has next to no control bytes; binary data (images,
    # archives, compressed streams) has about one byte in ten.
    what = binary_kind(data)
    if what is not None:
        return "", "binary", (_binary(what),)
    wide = wide_unicode(sample)
    if wide is not None:
        return data.decode(wide, errors="replace"), wide, ()
    return None


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is a file and not text ("a PNG image", "binary data"), else None.

    The one test of binary input for both front ends (:func:`decode_bytes`
    uses it too): a file signature with a file's header after it, or many
    control bytes that are not UTF-16/32 text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), binary_kind(b"MZ is a band.\\x01 They play.")
    ('a PNG image', None)
    """
    sample = data[:_SAMPLE]
    for signature, what in _SIGNATURES:
        if data.startswith(signature) and _binary_after_signature(sample, signature):
            return what
    if not _CONTROL_BYTES.search(sample):
        return None
    if any(data.startswith(bom) for bom, _name in _BOMS) or wide_unicode(sample) is not None:
        return None
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls >= 0.05 * len(sample) or (controls >= 0.01 * len(sample) and not _is_utf8(sample)):
        return "binary data"
    return None


def _binary_after_signature(sample: bytes, signature: bytes) -> bool:
    """True when ``sample``, which starts with ``signature``, is that file and not a text.

    A signature with bytes no text starts with (PNG, JPEG, ZIP, gzip, ELF) is
    proof enough. One made of letters ("MZ", "ID3", "RIFF", "BZh", "OggS",
    "GIF89a") opens words too: the file's header must hold a NUL byte soon
    after it, or its content be full of control bytes; a PDF must give its
    version ("%PDF-1.4").
    """
    if not all(0x20 <= byte < 0x7F for byte in signature):
        return True
    if signature == b"%PDF-":
        return _PDF_VERSION.match(sample) is not None
    if 0 in sample[len(signature):len(signature) + _HEADER_BYTES]:
        return True
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls >= max(2, 0.01 * len(sample))


_PDF_VERSION = re.compile(rb"%PDF-\d\.\d")


_HEADER_BYTES = 32  # a file header's NUL bytes come within this many bytes of its signature


def wide_unicode(sample: bytes) -> str | None:
    """The codec of UTF-16 or UTF-32 text without a BOM, from where its NUL bytes fall; None otherwise.

    Latin text in UTF-16 has a NUL in every other byte; CJK text has NULs
    only in its ASCII characters (spaces, line breaks, markup) and in the few
    ideographs whose code ends in 00. Such text is accepted when it decodes to
    clean text in one byte order (no controls, unassigned or private-use code
    points, lone surrogates or mixed-up words), which binary data, the wrong
    byte order and a byte text with stray NULs do not.

    >>> wide_unicode("Storm hits".encode("utf-16-le")), wide_unicode("台风袭击\\n沿海地区\\n".encode("utf-16-be"))
    ('utf-16-le', 'utf-16-be')
    >>> wide_unicode(b"plain text") is None
    True
    """
    nul = sample.count(0)
    if not nul:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    lanes = [sample[k::4].count(0) for k in range(4)]
    quarter = len(sample) / 4
    # UTF-32 text mostly below U+10000: three zero bytes of every four.
    for name, zero_lanes, text_lane in (("utf-32-le", (1, 2, 3), 0), ("utf-32-be", (0, 1, 2), 3)):
        if all(lanes[k] > 0.9 * quarter for k in zero_lanes) and lanes[text_lane] < 0.05 * quarter:
            text = sample.decode(name, errors="replace")
            if text.count("\ufffd") <= 0.01 * len(text):
                return name
    if half and odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if half and even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    # CJK and other wide-script text: few NULs, and clean text in one byte order. Bytes that are text once
    # their NULs are dropped ("Storm\x00hits") are a byte text with stray NULs, not UTF-16.
    if nul < _MIN_WIDE_NULS or _is_utf8(sample.replace(b"\x00", b"")):
        return None
    clean = [name for name in ("utf-16-le", "utf-16-be") if _clean_wide_text(sample, name)]
    if len(clean) > 1:  # both read cleanly: the byte order that puts the NULs of ASCII characters in place
        clean = ["utf-16-le" if odd >= even else "utf-16-be"]
    return clean[0] if clean else None


_MIN_WIDE_NULS = 2


def _clean_wide_text(sample: bytes, name: str) -> bool:
    """True when ``sample`` decodes with ``name`` to text without controls, unassigned or private-use code points."""
    try:
        text = sample[: len(sample) - len(sample) % 2].decode(name)
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # a surrogate pair cut at the sample's end is fine
            return False
        text = sample[: error.start].decode(name)
    odd = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or _unassigned(ch))
    if not text or odd > 0.01 * len(text):
        return False
    words = sum(1 for word in text.split() if not word.isascii())
    return implausible_words(text) <= 0.1 * words


def _unassigned(char: str) -> bool:
    return unicodedata.category(char) in ("Cn", "Co", "Cs")


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
    head = data[:_DETECT_SAMPLE]
    # Judged with its UTF-8 sequences read as UTF-8: UTF-8 mojibake in cp1252 text is repaired later.
    odd = implausible_words(_decode_mixed(head))
    if not odd:
        return _sloppy_cp1252(data), "cp1252", ()  # reads as clean Western text
    # cp1252 leaves traces of the wrong charset: the candidate that reads cleanest wins.
    detected = _detect(head)
    best: tuple[int, str] | None = None
    for name in _candidates(detected):
        try:
            score = implausible_words(head.decode(name))
        except UnicodeDecodeError as error:
            if error.start < len(head) - 3:  # (a multi-byte sequence cut at the sample's end is no error)
                continue
            score = implausible_words(head[:error.start].decode(name))
        if best is None or score < best[0]:
            best = (score, name)
    if best is not None and 2 * best[0] < odd:
        try:
            return data.decode(best[1]), best[1], ()
        except UnicodeDecodeError:
            text = data.decode(best[1], errors="replace")
            return text, best[1], (
                Diagnostic("undecodable_bytes", f"some bytes are not valid {best[1]} and were replaced with U+FFFD"),
            )
    return _sloppy_cp1252(data), "cp1252", ()


#: Legacy charsets tried when cp1252 reads implausibly, most used first (ties go to the earlier):
#: Central European, Cyrillic, Greek, Baltic, Turkish, Hebrew, Arabic, then the CJK multi-byte ones.
_LEGACY = ("cp1250", "iso8859-2", "cp1251", "koi8-r", "koi8-u", "cp1253", "iso8859-7", "cp1257", "cp1254",
           "cp1255", "cp1256", "gbk", "shift_jis", "euc_kr", "big5", "euc_jp")


#: Other charsets of web pages the detector may propose (its DOS and Mac code pages, which read any byte as
#: some letter, are not taken).
_WEB_CHARSETS = frozenset(_LEGACY) | {
    "cp932", "cp949", "gb18030", "gb2312", "big5hkscs", "euc_jis_2004", "iso2022_jp", "cp874", "tis-620",
    "cp1258", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-8", "iso8859-9", "iso8859-13", "iso8859-15",
}


def _candidates(detected: str | None) -> list[str]:
    """The charsets to try: the detector's proposal first (a web charset other than cp1252), then :data:`_LEGACY`."""
    first = [detected] if detected in _WEB_CHARSETS else []
    return first + [name for name in _LEGACY if name not in first]


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
