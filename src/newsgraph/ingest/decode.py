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
MAX_ODD_CHARS = 0.01  # share of control or replacement characters above which text is binary
# Control codes (not line breaks or tabs), replacement characters, private use, lone surrogates.
_ODD_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


def decode_bytes(data: bytes) -> str:
    """The text these bytes hold, or RejectedInput saying why they are not text."""
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
    best = from_bytes(data).best()
    if best is None:
        raise RejectedInput("not text: no character encoding fits these bytes")
    return _checked(str(best))


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
