"""Bytes → text, trusting declared charsets only after checking them.

Arabic sites still serve windows-1256 and ISO-8859-6, and their headers are often wrong
(an ``iso-8859-1`` header on windows-1256 bytes is the classic case: every byte decodes,
so a naive decoder silently produces mojibake that is then indexed). Order of evidence:

1. a byte-order mark (unambiguous);
2. strict UTF-8: legacy Arabic bytes are practically never valid UTF-8, so a clean UTF-8
   decode beats any declaration;
3. the declared charset (HTTP header, then ``<meta charset>``) — accepted only if
   charset-normalizer finds the decoded text coherent;
4. charset-normalizer's own best guess.

Binary, empty and oversized inputs are rejected with :class:`RejectedDocument` before
any decoding work, because they are never articles and retrying cannot help.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from services.ingest.errors import RejectedDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# leading bytes of formats that are never an article body
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"RIFF", "riff"),
    (b"PK\x03\x04", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"wOFF", "woff"),
    (b"wOF2", "woff2"),
    (b"\xd0\xcf\x11\xe0", "ole"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_MAX_CHAOS = 0.2  # charset-normalizer "mess" ratio above which a declared charset is wrong
_SAMPLE = 16384  # bytes from each end of a large document given to charset detection
_BAD_CHARS = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f]")


# Declared or detected legacy charsets are decoded with their superset, as browsers do
# (WHATWG Encoding Standard): pages labelled gb2312 use GBK characters, latin-1 pages use
# cp1252 quotes. windows-1256 and ISO-8859-6 stay distinct (different byte layouts).
# fmt: off
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252",
    "iso8859-9": "cp1254", "tis-620": "cp874", "euc_kr": "cp949", "big5": "big5hkscs", "shift_jis": "cp932",
}
# fmt: on


def _lookup(name: str | None) -> str | None:
    """Python codec name for a declared charset (its browser superset), or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    """Charset from the Content-Type header, else from an HTML ``<meta>`` near the top."""
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (name := _lookup(m.group(1))):
            return name
    m = _META_CHARSET.search(body[:4096])
    if m:
        return _lookup(m.group(1).decode("ascii", "ignore"))
    return None


def check_bytes(body: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Reject empty, oversized and binary inputs (raises :class:`RejectedDocument`)."""
    if len(body) > max_bytes:
        raise RejectedDocument("too_large", f"{len(body)} bytes > {max_bytes}")
    if not body.strip():
        raise RejectedDocument("empty", "no content")
    head = body[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            raise RejectedDocument(f"binary:{name}", "file signature")
    if any(body.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 legitimately contain NUL bytes
    head = body[:65536]
    nuls = head.count(b"\x00")
    # a few stray NULs occur in real pages (broken CMS output); binary data is full of them
    if nuls > max(4, len(head) // 100):
        raise RejectedDocument("binary", f"{nuls} NUL bytes in the first {len(head)} bytes")


def decode(body: bytes, content_type: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode ``body`` and return ``(text, encoding)``; raises :class:`RejectedDocument`."""
    check_bytes(body, max_bytes)
    for bom, enc in _BOMS:
        if body.startswith(bom):
            try:
                return _finish(body.decode(enc), enc)
            except UnicodeDecodeError:
                break
    try:
        return _finish(body.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(body, content_type)
    if declared in (None, "utf-8") and (text := _mostly_utf8(body)) is not None:
        return _finish(text, "utf-8")
    sample = body if len(body) <= 2 * _SAMPLE else body[:_SAMPLE] + body[-_SAMPLE:]
    if declared and declared != "utf-8":
        match = charset_normalizer.from_bytes(sample, cp_isolation=[declared]).best()
        if match is not None and match.chaos <= _MAX_CHAOS:
            return _finish(body.decode(declared, errors="replace"), declared)
    for candidate in (sample, body) if sample is not body else (body,):
        match = charset_normalizer.from_bytes(candidate).best()
        if match is not None and match.encoding != "ascii":
            encoding = _lookup(match.encoding) or match.encoding
            try:
                return _finish(body.decode(encoding), encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    # nothing coherent: keep what the declaration (or UTF-8) gives, but refuse garbage
    text = body.decode(declared or "utf-8", errors="replace")
    return _finish(text, declared or "utf-8")


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (a pasted Latin-1 snippet, a broken ad script).

    Real UTF-8 pages show many valid multi-byte sequences; legacy Arabic or Latin-1 bytes
    form almost none by chance. Accept UTF-8 (with U+FFFD for the strays) when valid
    non-ASCII characters outnumber the invalid bytes clearly.
    """
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return text if good >= 20 and good >= 5 * bad else None


def _finish(text: str, encoding: str) -> tuple[str, str]:
    """Final sanity checks on decoded text: not empty, not mostly replacement/control characters."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise RejectedDocument("empty", "no text after decoding")
    sample = text[:20000]
    bad = len(_BAD_CHARS.findall(sample))
    if bad > max(8, len(sample) // 20):
        raise RejectedDocument("undecodable", f"{bad} replacement/control characters in {encoding} text")
    return text, encoding
