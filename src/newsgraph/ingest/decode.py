"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary data refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.errors import RejectedInput

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of common binary formats someone may point newsgraph at by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
# charset-normalizer names of multi-byte encodings (by prefix): their guesses are trusted.
MULTI_BYTE_ENCODINGS: tuple[str, ...] = ("utf", "big5", "shift_jis", "cp932", "cp949", "cp950")
MULTI_BYTE_ENCODINGS += ("gb", "euc", "hz", "iso2022", "johab")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
MAX_BROKEN_BYTES = 0.005  # share of undecodable bytes tolerated in otherwise UTF-8 text
MAX_ODD_CHARS = 0.01  # share of control or replacement characters above which text is binary
# NUL and C0 control bytes other than tab, line breaks and ESC (which ISO-2022 text uses).
_STRAY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")
_BOMS_16_32 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
# Control codes (not line breaks or tabs), replacement characters, private use, lone surrogates.
_ODD_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


def decode_bytes(data: bytes) -> str:
    """The text these bytes hold, or RejectedInput saying why they are not text."""
    return decode_with_notes(data)[0]


def decode_with_notes(data: bytes) -> tuple[str, list[str]]:
    """The text these bytes hold and warnings about what was repaired (stray NUL or control
    bytes in otherwise-text input are removed, not a rejection); RejectedInput for binary."""
    notes: list[str] = []
    stray = len(_STRAY_BYTES.findall(data))
    if stray and stray <= MAX_ODD_CHARS * len(data) and not data.startswith(_BOMS_16_32):
        data = _STRAY_BYTES.sub(b"", data)
        plural = "s" if stray != 1 else ""
        notes.append(f"ingest: removed {stray} stray NUL/control byte{plural} from the input")
    return _decode_text(data), notes


def _decode_text(data: bytes) -> str:
    if not data.strip():
        raise RejectedInput("empty input: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise RejectedInput(f"binary file ({kind}); expected text, HTML or JSON Lines")
    if b"\x00" in data:
        raise RejectedInput("binary data (NUL bytes); expected text, HTML or JSON Lines")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_mostly_utf8(data) or _legacy_text(data))


def _legacy_text(data: bytes) -> str:
    """Bytes in a legacy encoding: charset-normalizer's guess, Windows-1252 for 8-bit pages.

    Short English texts give the detector too little evidence to tell 8-bit code pages apart
    (it proposes Baltic or Mac pages for curly quotes), and newsgraph reads English, whose
    legacy encoding is Windows-1252; multi-byte guesses (CJK, UTF-16) are taken as given.
    """
    best = from_bytes(data).best()
    if best is not None and best.encoding.startswith(MULTI_BYTE_ENCODINGS):
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    if best is None:
        raise RejectedInput("not text: no character encoding fits these bytes")
    return str(best)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut character), each marked U+FFFD; None if not UTF-8."""
    if _UTF8_MULTIBYTE.search(data) is None:
        return None
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(1.0, MAX_BROKEN_BYTES * len(data)):
        return None
    return text


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise RejectedInput(f"broken {encoding} text: {exc.reason} at byte {exc.start}") from exc


def _checked(text: str) -> str:
    """The text, unless too many of its characters are control codes or undecodable."""
    odd = len(_ODD_CHAR.findall(text))
    if odd > MAX_ODD_CHARS * max(len(text), 1):
        raise RejectedInput(f"binary data: {odd} of {len(text)} characters are not text")
    return text
