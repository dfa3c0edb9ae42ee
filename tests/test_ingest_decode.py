"""Decoding: BOMs, wrong charset headers, legacy Arabic encodings, binary and empty input."""

from __future__ import annotations

import codecs

import pytest

from services.ingest.decode import declared_charset, decode
from services.ingest.errors import RejectedDocument

ARABIC = "أعلن المتحدث باسم الحكومة اليوم الثلاثاء أن الوزارة ستبدأ تنفيذ خطة إعادة تأهيل محطات الكهرباء."
PAGE = f'<html><head><meta charset="utf-8"><title>خبر</title></head><body><p>{ARABIC}</p></body></html>'


def test_utf8_plain():
    text, enc = decode(ARABIC.encode("utf-8"))
    assert text == ARABIC and enc == "utf-8"


def test_utf8_bom_is_stripped():
    text, enc = decode(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert text == ARABIC and enc == "utf-8-sig"


def test_utf16_with_bom_is_not_binary():
    text, _ = decode(ARABIC.encode("utf-16"))
    assert text == ARABIC


def test_windows_1256_with_wrong_utf8_header_and_meta():
    body = PAGE.encode("cp1256")  # the page *says* utf-8 in header and meta
    text, enc = decode(body, "text/html; charset=utf-8")
    assert enc == "cp1256"
    assert ARABIC in text


def test_windows_1256_with_wrong_latin1_header():
    # every byte is valid latin-1, so only a coherence check catches the mojibake
    text, enc = decode(PAGE.encode("cp1256"), "text/html; charset=iso-8859-1")
    assert enc == "cp1256"
    assert ARABIC in text


def test_windows_1256_declared_correctly():
    text, enc = decode(PAGE.encode("cp1256"), "text/html; charset=windows-1256")
    assert enc == "cp1256" and ARABIC in text


def test_iso_8859_6():
    plain = "قال المتحدث باسم الحكومة إن الوزارة ستبدأ تنفيذ خطة جديدة لإصلاح شبكة الكهرباء في المدن"
    text, enc = decode(plain.encode("iso-8859-6"))
    assert codecs.lookup(enc).name == "iso8859-6"
    assert text == plain


def test_mostly_utf8_with_stray_latin1_byte():
    body = (ARABIC * 3).encode("utf-8") + b" caf\xe9 " + ARABIC.encode("utf-8")
    text, enc = decode(body)
    assert enc == "utf-8" and ARABIC in text


def test_declared_charset_from_header_then_meta():
    assert declared_charset(b"<meta charset='windows-1256'>", None) == "cp1256"
    assert declared_charset(b"<meta charset='windows-1256'>", "text/html; charset=ISO-8859-6") == "iso8859-6"
    assert declared_charset(b"<p>x</p>", "text/html") is None
    assert declared_charset(b"<meta charset='no-such-charset'>") is None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary:pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary:png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary:jpeg"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary:zip"),
        (b"abc\x00\x01\x02\x00\x00\x00def" * 50, "binary"),
    ],
)
def test_rejected(body, reason):
    with pytest.raises(RejectedDocument) as err:
        decode(body)
    assert err.value.reason == reason


def test_too_large():
    with pytest.raises(RejectedDocument) as err:
        decode(b"a" * 2000, max_bytes=1000)
    assert err.value.reason == "too_large"


def test_rejected_document_pickles_for_celery():
    import pickle

    err = pickle.loads(pickle.dumps(RejectedDocument("binary:pdf", "file signature")))
    assert err.reason == "binary:pdf" and err.detail == "file signature"
