"""extract(): routing, article fields, ids, and rejection of what is not an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ingest.errors import RejectedDocument
from services.ingest.extract import check_article, extract, is_html
from services.ingest.raw import RawDocument
from services.shared.errors import PermanentError
from services.shared.schema import article_id, content_hash

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

P1 = "أعلن وزير الخارجية المصري اليوم الأحد أن بلاده ستستضيف قمة إقليمية لبحث الأزمة الليبية الشهر المقبل."
P2 = "وقال الوزير في مؤتمر صحفي إن القمة ستجمع ممثلين عن دول الجوار والأمم المتحدة والاتحاد الأفريقي."


def test_text_article_fields():
    text = f"مصر تستضيف قمة حول ليبيا\n\nالأحد 12 مايو 2019 10:15 ص\n\nالقاهرة - {P1}\n\n{P2}\n\nالمصدر: وكالات"
    body = text.encode()
    a = extract(RawDocument(source="inbox/a.txt", body=body, kind="text"))
    assert a.title == "مصر تستضيف قمة حول ليبيا"
    assert a.published == "2019-05-12T10:15"
    assert a.language == "ar"
    assert a.dateline == "القاهرة"
    assert a.sources == ["وكالات"]
    assert a.text == f"القاهرة - {P1}\n\n{P2}"
    assert a.id == article_id(path="inbox/a.txt", content=body)
    assert a.content_hash == content_hash(a.text)
    assert a.provenance.extractor.startswith("naba-ingest/")


def test_html_article_fields_and_url_id():
    body = (FIXTURES / "article_ar.html").read_bytes()
    url = "https://example.com/economy/energy-plan"
    a = extract(RawDocument(source=url, url=url, body=body, content_type="text/html; charset=utf-8"))
    assert a.id == article_id(url=url)
    assert a.title.startswith("وزير الطاقة")
    assert a.published.startswith("2023-03-14")
    assert a.author == "سارة المصري" and a.sitename == "جريدة النهار العربي"
    assert "trafilatura-" in a.provenance.extractor
    assert "كلام جميل" not in a.text


def test_windows_1256_html_with_wrong_header():
    html = (FIXTURES / "article_ar.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    body = html.replace("©", "(c)").encode("cp1256")
    url = "https://e.com/x"
    raw = RawDocument(source=url, url=url, body=body, content_type="text/html; charset=windows-1252")
    a = extract(raw)
    assert a.title.startswith("وزير الطاقة")


def test_same_input_same_id_and_hash():
    raw = RawDocument(source="inbox/a.txt", body=f"عنوان الخبر الرئيسي\n\n{P1}".encode(), kind="text")
    a, b = extract(raw), extract(raw)
    assert (a.id, a.content_hash, a.text) == (b.id, b.content_hash, b.text)


def test_fetched_at_taken_from_raw():
    body = f"عنوان الخبر الرئيسي\n\n{P1}".encode()
    raw = RawDocument(source="a.txt", body=body, fetched_at="2024-01-01T00:00:00+00:00")
    assert extract(raw).fetched_at == "2024-01-01T00:00:00+00:00"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (RawDocument(source="a", body=b"", kind="html"), True),
        (RawDocument(source="a", body=b"", kind="text"), False),
        (RawDocument(source="a", body=b"", content_type="text/html"), True),
        (RawDocument(source="a", body=b"", content_type="text/plain; charset=utf-8"), False),
        (RawDocument(source="page.htm", body=b""), True),
        (RawDocument(source="a.txt", body=b""), False),
    ],
)
def test_routing(raw, expected):
    assert is_html(raw, "") is expected


def test_sniffing():
    raw = RawDocument(source="blob", body=b"")
    assert is_html(raw, "  <!DOCTYPE html><html><body>x</body></html>")
    assert is_html(raw, "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>")
    assert not is_html(raw, "عنوان الخبر\n\nنص الخبر <b>غامق</b>")


def test_section_front_rejected():
    body = (FIXTURES / "section_front_ar.html").read_bytes()
    with pytest.raises(RejectedDocument) as err:
        extract(RawDocument(source="https://e.com/arab", url="https://e.com/arab", body=body))
    assert err.value.reason == "section_front"
    assert isinstance(err.value, PermanentError)  # the task layer dead-letters it


def test_plain_text_link_list_rejected_but_poem_like_list_needs_many_lines():
    heads = [f"الجيش الليبي يعلن السيطرة على مدينة جديدة رقم {i} في الجنوب" for i in range(12)]
    with pytest.raises(RejectedDocument):
        check_article("\n".join(heads))
    check_article(P1 + "\n" + "\n".join(heads[:3]))  # an article with a short list is fine


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"%PDF-1.4 ...", "binary:pdf"),
        (b"", "empty"),
        ("تعليقات\n\n3 تعليقات\n\nشارك".encode(), "empty_body"),
        ("عنوان الخبر الرئيسي\n\nنص قصير جدا".encode(), "too_short"),
    ],
)
def test_rejections(body, reason):
    with pytest.raises(RejectedDocument) as err:
        extract(RawDocument(source="x.txt", body=body, kind="text"))
    assert err.value.reason == reason


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seeds_extract_cleanly(path):
    a = extract(RawDocument(source=f"seeds/{path.name}", body=path.read_bytes()))
    assert a.title and a.language == "ar"
    assert not a.text[:1].isdigit() and not a.text.startswith(("•", "-", "*"))
    for furniture in ("مشاركة :", "news-picture", "كلمات مفتاحية", "تعليقات", "إضافة تعليق", "#"):
        assert furniture not in a.text


def test_non_text_content_type_rejected_and_header_case():
    with pytest.raises(RejectedDocument) as err:
        extract(RawDocument(source="https://e.com/p.jpg", body=b"...", headers={"Content-Type": "image/jpeg"}))
    assert err.value.reason == "content_type"
    raw = RawDocument(source="https://e.com/a", body=b"", headers={"Content-Type": "text/html"})
    assert is_html(raw, "no tags here")
