"""HTML path: trafilatura plus naba's Arabic post-filter, on hand-written Arabic pages."""

from __future__ import annotations

from pathlib import Path

import trafilatura

from services.ingest.html_extract import EXTRACT_OPTIONS, anchor_texts, extract_html, postfilter

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
# fmt: off
FURNITURE_IN_FIXTURE = (
    "اقرأ أيضا", "تابعونا", "أخبار ذات صلة", "الحكومة تقر موازنة الطاقة", "تعليقات", "كلام جميل",
    "نريد أفعالا", "لن يتم نشر", "الوسوم", "جميع الحقوق محفوظة", "عدد المشاهدات", "(رويترز)",
)
# fmt: on


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_article_with_comments_share_bar_related_links():
    r = extract_html(_read("article_ar.html"), url="https://example.com/economy/1")
    assert r.title == "وزير الطاقة: خطة لإعادة تأهيل محطات الكهرباء في الجنوب"
    assert r.published == "2023-03-14T09:30"  # JSON-LD / Open Graph, with the time
    assert r.author == "سارة المصري"
    assert r.sitename == "جريدة النهار العربي"
    assert r.dateline == "البصرة"
    assert r.sources == ["رويترز"]
    assert r.text.startswith("البصرة - أعلن وزير الطاقة")
    assert "وأضاف أن الوزارة ستشارك القطاع الخاص" in r.text  # «ستشارك» in a sentence stays
    for furniture in FURNITURE_IN_FIXTURE:
        assert furniture not in r.text, furniture


def test_post_filter_removes_what_trafilatura_keeps():
    html = _read("article_ar_inline_furniture.html")
    plain = trafilatura.extract(html, **EXTRACT_OPTIONS)
    assert "2 تعليقات" in plain and "مشاركة :" in plain  # trafilatura alone lets these through
    r = extract_html(html)
    assert r.title == "روسيا تستقبل جرحى من شرق ليبيا للعلاج"
    assert r.published == "2017-02-16T15:20"  # from the date line under the headline
    assert r.dateline == "طرابلس"
    assert r.text.startswith("طرابلس - نقل حوالى سبعين جنديا")
    assert r.text.endswith("وأجرى محادثات مع وزير الدفاع الروسي عبر الفيديو.")
    for furniture in ("في أخبار عربية", "1116", "#", "عدد المشاهدات", "مشاركة", "تابعوا", "التعليقات", "كلام غير دقيق"):
        assert furniture not in r.text, furniture


def test_postfilter_caption_copy_and_leading_title():
    title = "حفتر يطلب دعما عسكريا من موسكو"
    para = "وتظهر الزيارة التقارب بين موسكو والقائد العسكري خليفة حفتر الذي يرفض الاعتراف بحكومة الوفاق الوطني."
    last = "وقال المتحدث إن المحادثات كانت مثمرة وبناءة."
    text = "\n".join([title, para, "القائد العسكري خليفة حفتر الذي يرفض الاعتراف", last])
    assert postfilter(text, title).text.split("\n\n") == [para, last]


def test_postfilter_keeps_short_list_in_html():
    text = (
        "مكونات الطبق:\n- الدقيق\n- 390 غرام سكر\n- ملح\n"
        "ويخلط الدقيق مع السكر جيدا قبل إضافة الماء الدافئ تدريجيا إلى الخليط."
    )
    body = postfilter(text).text
    assert "- الدقيق" in body and "- 390 غرام سكر" in body


def test_anchor_texts():
    html = '<p><a href="/1">حفتر <b>يصل</b> موسكو</a> و<a href="/2">Read &amp; share</a></p>'
    assert anchor_texts(html) == {"حفتر يصل موسكو", "read & share"}


def test_postfilter_byline_under_long_headline():
    title = "الناشط الحقوقي السوداني خالد عبد الكريم لـ«الصباح»: كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا"
    para = "مالذي يحدث في السودان؟ والى أين يتجه البلد الذي يقوده الرئيس منذ ثلاثين عاما؟ وماذا عن الوعود الرسمية؟"
    out = postfilter(f"{title}\nحوار: آسيا العتروس\n{para}", title)
    assert out.author == "آسيا العتروس"
    assert out.text == para


def test_a_dateline_on_its_own_line_under_the_headline_is_the_dateline_and_its_agency() -> None:
    para = "<p>" + "أعلن الصندوق الكويتي للتنمية الاقتصادية العربية اليوم توقيع اتفاقية منحة مع منظمة الأغذية. " * 3
    page = ("<html><head><title>منحة كويتية</title></head><body><article><h1>منحة كويتية لمنظمة الفاو</h1>"
            f"<p>الكويت - كونا</p>{para}</p>{para}</p></article></body></html>")
    res = extract_html(page)
    assert (res.dateline, res.sources) == ("الكويت", ["كونا"])
    assert res.text.startswith("أعلن الصندوق")
