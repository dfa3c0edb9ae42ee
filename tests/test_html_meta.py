"""Page metadata from the page's self-description (head, JSON-LD, headings, <time>)."""

from __future__ import annotations

from lxml import etree

from services.ingest.html_extract import date_params, extract_html
from services.ingest.html_meta import page_meta, self_description
from services.ingest.html_tree import parse_html

URL = "https://www.example.com/news/2024/article-1"

OG_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>الحكومة تقر خطة لدعم المزارعين | صحيفة الوطن</title>
<meta property="og:title" content="الحكومة تقر خطة لدعم المزارعين">
<meta property="og:site_name" content="صحيفة الوطن">
<meta property="article:published_time" content="2024-02-11T08:15:00+03:00">
<meta name="author" content="ليلى حسن">
<link rel="canonical" href="https://www.alwatan.example/economy/123">
<script>var dataLayer = [{"page": "article"}];</script>
</head><body>
<h1>الحكومة تقر خطة لدعم المزارعين</h1>
<p>أقرت الحكومة اليوم خطة لدعم المزارعين المتضررين من الجفاف في المحافظات الشمالية.</p>
<div class="comments"><p>تعليق: كتب في 2019-04-05 رأيا مخالفا للخبر</p></div>
</body></html>"""


def test_open_graph_and_meta_author():
    meta = page_meta(parse_html(OG_PAGE), URL, date_params())
    assert meta.title == "الحكومة تقر خطة لدعم المزارعين"
    assert meta.sitename == "صحيفة الوطن"
    assert meta.author == "ليلى حسن"
    assert meta.date == "2024-02-11"
    assert meta.url == "https://www.alwatan.example/economy/123"  # the canonical link wins over the fetch URL


def test_self_description_keeps_markup_drops_prose_and_comments():
    page = parse_html(OG_PAGE)
    before = etree.tostring(page)
    mini = etree.tostring(self_description(page), encoding="unicode")
    assert 'property="og:title"' in mini and "<h1>الحكومة تقر خطة لدعم المزارعين</h1>" in mini
    assert "أقرت الحكومة" not in mini and "تعليق" not in mini and "2019-04-05" not in mini
    assert "dataLayer" in mini  # the head is copied whole
    assert etree.tostring(page) == before  # copies: the page is untouched


JSON_LD_IN_BODY = """<html><head><title>الرئيسية - بوابة الخليج</title></head>
<body>
<nav><a href="/">الرئيسية</a></nav>
<script type="application/ld+json">
{"@context": "https:\\/\\/schema.org", "@type": "NewsArticle",
 "headline": "افتتاح معرض الكتاب بمشاركة \\u0031\\u0032\\u0030 دار نشر",
 "datePublished": "2023-11-02T10:00:00+04:00",
 "author": [{"@type": "Person", "name": "محمد &amp; سالم الكعبي"}],
 "publisher": {"@type": "Organization", "name": "بوابة الخليج"}}
</script>
<article><p>افتتح صباح اليوم معرض الكتاب في دورته الجديدة بمشاركة واسعة من دور النشر العربية.</p></article>
</body></html>"""


def test_json_ld_in_the_body():
    meta = page_meta(parse_html(JSON_LD_IN_BODY), URL, date_params())
    assert meta.title == "افتتاح معرض الكتاب بمشاركة 120 دار نشر"  # \\u escapes decoded
    assert meta.author == "محمد; سالم الكعبي"  # trafilatura's author normalisation splits on «&»
    assert meta.sitename == "بوابة الخليج"
    assert meta.date == "2023-11-02"


NO_META = """<html><head><title>تفاصيل الخبر</title></head><body>
<div class="header"><h2>أخبار محلية</h2></div>
<h1>انقطاع المياه عن أحياء في العاصمة</h1>
<p class="byline">admin</p>
<p>أعلنت مصلحة المياه انقطاع الخدمة عن عدة أحياء بسبب أعمال صيانة في الشبكة الرئيسية.</p>
</body></html>"""


def test_no_metadata_at_all():
    meta = page_meta(parse_html(NO_META), URL, date_params())
    assert meta.title == "انقطاع المياه عن أحياء في العاصمة"  # the only <h1>
    assert meta.author is None
    assert meta.date is None  # nothing machine-readable, and no guessing from the text
    assert meta.sitename == "example.com"  # trafilatura's last resort: the domain


def test_one_word_meta_author_is_not_a_name():
    page = OG_PAGE.replace('content="ليلى حسن"', 'content="admin"')
    assert page_meta(parse_html(page), URL, date_params()).author is None


def test_time_element_in_body_gives_the_date():
    page = NO_META.replace(
        '<p class="byline">admin</p>', '<time class="entry-date" datetime="2022-06-30T17:45:00+02:00">30/6</time>'
    )
    assert page_meta(parse_html(page), URL, date_params()).date == "2022-06-30"


def test_page_without_head_gets_one_from_its_title_and_meta():
    """Broken markup puts <title> and <meta> in the body; they still describe the page."""
    fragment = '<p>x</p><title>عنوان الصفحة</title><meta property="og:site_name" content="الوطن"><p>نص</p>'
    page = parse_html(fragment)
    assert page.find("head") is None
    meta = page_meta(page, URL, date_params())
    assert (meta.title, meta.sitename) == ("عنوان الصفحة", "الوطن")


def test_json_ld_between_head_and_body_is_read():
    """libxml2 keeps a script written after </head> and before <body> outside both."""
    page = OG_PAGE.replace("<body>", '<script type="application/ld+json">{"@context": "https://schema.org", '
                           '"@type": "NewsArticle", "author": {"@type": "Person", "name": "سامي يوسف"}}</script><body>')
    tree = parse_html(page)
    assert [el.tag for el in tree][:3] == ["head", "script", "body"]
    assert "سامي يوسف" in page_meta(tree, URL, date_params()).author  # joined to the meta author


def test_nested_heading_and_time_are_copied_once():
    page = parse_html('<html><head></head><body><h1>خبر <time datetime="2024-03-01">1 مارس</time></h1></body></html>')
    assert len(self_description(page).findall(".//time")) == 1


def test_extract_html_uses_page_meta():
    r = extract_html(OG_PAGE, url=URL)
    assert r.title == "الحكومة تقر خطة لدعم المزارعين"
    assert r.sitename == "صحيفة الوطن"
    assert r.author == "ليلى حسن"
    assert r.published == "2024-02-11T08:15"  # the markup's timestamp, agreeing with htmldate's day
    assert r.text.startswith("أقرت الحكومة")


def test_placeholder_timestamp_is_not_a_date():
    page = NO_META.replace("</head>", '<meta property="article:published_time" content="1970-01-01T01:00:00">\n</head>')
    assert extract_html(page, url=URL).published is None


def test_date_only_in_body_markup_is_still_found():
    """No meta date and no <time>: htmldate then reads the whole page (class="date")."""
    html = (
        "<html><head><title>خبر</title></head><body><article><h1>خبر</h1>"
        '<div class="date">2019-04-05</div><p>' + "نص الخبر. " * 40 + "</p></article></body></html>"
    )
    assert page_meta(parse_html(html), "https://example.org/a", date_params()).date == "2019-04-05"


def test_whole_page_fallback_reads_a_copy_of_the_page():
    """htmldate's fallback reads (a copy of) the parsed page, which is left intact.

    The parser drops HTML comments: a template's version stamp is no publication date.
    """
    body = "<p>" + "نص الخبر. " * 40 + "</p>"
    dated = f'<html><head><title>خبر</title></head><body><div class="date">2019-04-05</div>{body}</body></html>'
    stamp = "<!-- $Id: ga.ccml 21 2014-06-01 13:09:34Z volker $ -->"
    stamped = f"<html><head><title>خبر</title></head><body>{stamp}{body}</body></html>"
    tree = parse_html(dated)
    before = etree.tostring(tree)
    assert page_meta(tree, "https://example.org/a", date_params()).date == "2019-04-05"
    assert etree.tostring(tree) == before  # the caller's tree is intact
    assert page_meta(parse_html(stamped), "https://example.org/a", date_params()).date is None


def test_normalize_json_matches_trafilatura():
    """The faster surrogate filter gives trafilatura's result: escapes decoded, lone surrogates and tags gone."""
    from trafilatura.json_metadata import normalize_json as trafilatura_normalize_json

    from services.ingest.html_meta import normalize_json

    samples = [
        '{"headline": "\\u0627\\u0644\\u062e\\u0628\\u0631", "url": "https:\\/\\/example.com\\/a"}',
        '{"name": "x\\ud800y \\ud83d\\ude00 <b>bold</b> &amp; \\n\\t"}',
        '{"headline": "بلا تهريب"}',
    ]
    for sample in samples:
        assert normalize_json(sample) == trafilatura_normalize_json(sample)
    assert "الخبر" in normalize_json(samples[0])
    assert "<b>" not in normalize_json(samples[1])
