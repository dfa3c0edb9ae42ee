"""The page parser: trafilatura's loader steps, with element classes chosen in C."""

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from services.ingest.html_extract import EXTRACT_OPTIONS, extract_html
from services.ingest.html_tree import drop_code, parse_html

PAGE = """<!DOCTYPE html><html><head><title>خبر</title></head><body>
<form action="/s"><label>بحث</label><input name="q"></form><!-- a template note -->
<article><h1>عنوان الخبر</h1><p>قال الوزير اليوم إن المفاوضات مستمرة.</p></article></body></html>"""


def test_every_element_is_a_plain_html_element() -> None:
    tree = parse_html(PAGE)
    assert tree is not None
    kinds = {type(el) for el in tree.iter()}
    assert kinds == {HtmlElement}  # no FormElement/InputElement/LabelElement, no HtmlComment (dropped)


def test_same_tree_as_trafilaturas_loader() -> None:
    ours, theirs = parse_html(PAGE), load_html(PAGE)
    assert [el.tag for el in ours.iter()] == [el.tag for el in theirs.iter()]
    assert ours.text_content() == theirs.text_content()


def test_encoding_declaration_in_a_string_is_parsed_from_bytes() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>نص عربي</p></body></html>'
    tree = parse_html(page)
    assert tree is not None and "نص عربي" in tree.text_content()


def test_a_single_block_without_html_tag_is_not_a_page() -> None:
    assert parse_html("<p>x</p>") is None
    assert load_html("<p>x</p>") is None


def test_repair_matches_trafilaturas() -> None:
    from trafilatura.utils import repair_faulty_html

    from services.ingest.html_tree import repair_html

    pages = [
        PAGE,
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd'/>\n"
        "<html><body><p>نص\x00 مع\x0b محارف\ufffe تحكم</p>",
        '<html xmlns="http://www.w3.org/1999/xhtml"/>\n<head></head><body><p>x\x1f</p></body>',
        "<html><body><p>\tسطر\r\nآخر</p></body></html>",
    ]
    for page in pages:
        beginning = page[:50].lower()
        assert repair_html(page, beginning) == repair_faulty_html(page, beginning)


CODE_PAGE = """<html><head><title>خبر</title><script>var a = 1;</script><style>p {color: red}</style>
<meta property="og:title" content="خبر"><link rel="canonical" href="https://example.com/a"></head><body>
<article><h1>عنوان الخبر</h1><meta itemprop="datePublished" content="2024-05-01">
<p>قال الوزير <link rel="preload" href="/x.js">
<svg><path d="M0 0"/><title>أيقونة</title></svg>اليوم إن المفاوضات مستمرة.<script>track()</script>
 وأضاف أن الجولة المقبلة ستعقد في القاهرة الأسبوع المقبل.</p>
<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "نص"}</script>
</article></body></html>"""


def test_drop_code_removes_scripts_styles_svg_meta_and_links_but_keeps_json_ld_and_text() -> None:
    tree = parse_html(CODE_PAGE)
    drop_code(tree)
    assert [el.tag for el in tree.iter("script", "style", "svg", "path", "meta", "link")] == ["script"]
    assert tree.find(".//script").get("type") == "application/ld+json"
    text = tree.find(".//p").text_content()  # the text after each removed element stays
    assert " ".join(text.split()) == (
        "قال الوزير اليوم إن المفاوضات مستمرة. وأضاف أن الجولة المقبلة ستعقد في القاهرة الأسبوع المقبل."
    )


def test_trafilatura_reads_the_same_text_without_the_code() -> None:
    whole, stripped = parse_html(CODE_PAGE), parse_html(CODE_PAGE)
    drop_code(stripped)
    assert trafilatura.extract(whole, **EXTRACT_OPTIONS) == trafilatura.extract(stripped, **EXTRACT_OPTIONS)
    assert "المفاوضات مستمرة" in extract_html(CODE_PAGE).text
