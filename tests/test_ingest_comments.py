"""Reader comments found by their markup (services.ingest.comments), on hand-written pages."""

from __future__ import annotations

import pytest
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from services.ingest import comments
from services.ingest.html_extract import EXTRACT_OPTIONS, extract_html

ARTICLE = (
    "أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية، في إطار خطة لتوسيع الخدمات الطبية.",
    "وقال المتحدث باسم الوزارة إن المستشفيات الجديدة ستستقبل المرضى ابتداء من الشهر المقبل، وإنها مجهزة بأحدث المعدات.",
    "وأضاف أن الخطة تشمل تدريب ألفي ممرض وممرضة خلال العامين المقبلين، بالتعاون مع الجامعات المحلية ومنظمات دولية.",
    "وتعاني المحافظات الجنوبية من نقص حاد في الأسرة والكوادر الطبية منذ سنوات، بحسب تقارير رسمية نشرت العام الماضي.",
)
COMMENTS = (
    ("أبو محمد", "خطوة ممتازة لكن نتمنى أن تصل الخدمات إلى القرى البعيدة أيضا وليس المدن فقط."),
    ("سارة", "وعود كثيرة سمعناها من قبل، ننتظر التنفيذ على أرض الواقع قبل أن نصدق أي شيء."),
)


def _page(section: str = 'class="tt-comments"', item: str = 'class="tt-comment-item"') -> str:
    """An Arabic article whose reader comments sit, without any header, inside the text column."""
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE)
    items = "".join(
        f"<div {item}><b>{name}</b><span>2023-03-14 10:1{i}</span><p>{text}</p></div>"
        for i, (name, text) in enumerate(COMMENTS)
    )
    return (
        '<html lang="ar" dir="rtl"><head><title>افتتاح ثلاثة مستشفيات</title></head><body>'
        '<div class="main"><h1>افتتاح ثلاثة مستشفيات جديدة في الجنوب</h1>'
        f'<div class="text">{paras}<div {section}>{items}</div></div></div></body></html>'
    )


def _tree(body: str) -> HtmlElement:
    tree = load_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert tree is not None
    return tree


def _marked(body: str) -> list[str]:
    """The class (or id) of each comment section of a page body."""
    return [el.get("class") or el.get("id") or el.tag for el in comments.comment_sections(_tree(body))]


@pytest.mark.parametrize(
    ("section", "item"),
    [
        ('class="tt-comments"', 'class="tt-comment-item"'),  # an Arabic CMS
        ('class="kb-comments"', 'class="kb-comment"'),
        ('id="reader-area"', 'class="ds-mb comment-item qa-comment"'),  # the token is not the first class
        ('class="thread"', 'class="P8SGAKM Comment t1_c95"'),  # capitalised, among generated classes
        ('class="thread"', 'data-test-id="comment"'),
        ('class="thread"', 'itemscope itemtype="https://schema.org/Comment"'),
        ('aria-label="التعليقات"', 'class="entry"'),
        ('class="Kommentare-Liste"', 'class="entry"'),
    ],
)
def test_comments_in_unknown_markup_leak_from_trafilatura_but_not_from_naba(section: str, item: str):
    html = _page(section, item)
    plain = trafilatura.extract(html, **EXTRACT_OPTIONS)
    assert plain is not None and COMMENTS[1][1] in plain  # trafilatura alone keeps them as paragraphs
    r = extract_html(html)
    assert r.text.split("\n\n") == list(ARTICLE)


def test_sections_by_attribute_token():
    body = (
        '<div class="post"><p>نص</p></div>'
        '<div id="disqus_thread"><p>a</p></div>'
        '<section class="fb-comments" data-href="x"><p>b</p></section>'
        '<ol class="tt-comments"><li class="comment-item"><p>c</p></li></ol>'  # nested match: the outer one
        '<div itemprop="comment"><p>d</p></div>'
        '<div role="comment"><p>e</p></div>'
    )
    assert _marked(body) == ["disqus_thread", "fb-comments", "tt-comments", "div", "div"]


def test_sections_are_found_in_the_parsed_attribute_values():
    """Character references and letter case are read as the parser resolves them."""
    body = (
        '<div class="user-&#99;omments"><p>a</p></div>'
        '<div data-testid="COMMENTS-list"><p>b</p></div>'
        '<div class="story"><p>c</p><div class="replies"><p>d</p></div></div>'
    )
    assert _marked(body) == ["user-comments", "div", "replies"]


@pytest.mark.parametrize(
    "attrs",
    [
        'class="commentary"',  # an opinion column
        'class="comment-section comments-open"',  # a state of the post wrapper
        'class="post has-comments"',
        'class="live-match-comment"',  # a live ticker's entries are editorial
        'class="gallery__item__comment editorial"',
        'itemprop="commentCount"',
        'class="recommended"',
    ],
)
def test_not_comment_sections(attrs: str):
    assert _marked(f"<div {attrs}><p>نص التعليق الصحفي على الأحداث.</p></div>") == []


def test_section_holding_the_headline_or_body_is_the_article():
    assert _marked('<div class="comments"><h1>عنوان</h1><p>نص</p></div>') == []
    assert _marked('<div class="comments"><div itemprop="articleBody"><p>نص</p></div></div>') == []
    assert _marked('<div class="comment-body" itemprop="articleBody"><p>نص</p></div>') == []
    # but a comment section inside it still counts
    assert _marked('<div class="x"><h1>عنوان</h1><div class="user-comments"><p>رأي</p></div></div>') == [
        "user-comments"
    ]


def _comment_text(body: str) -> comments.CommentText:
    return comments.CommentText(_tree(body))


def test_lines_found_only_in_comments_are_dropped():
    ct = _comment_text(
        f"<article><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></article>"
        '<div class="user-comments">'
        f"<div><b>سارة</b><p>{COMMENTS[1][1]}</p></div>"
        f"<div><b>خالد</b><p>«{ARTICLE[0]}» هذا غير صحيح، المستشفيات لم تكتمل بعد.</p></div>"  # quotes the article
        f"<div><b>منى</b><p>{ARTICLE[1]}</p></div>"  # copies a whole paragraph
        "</div>"
    )
    text = "\n".join(
        [ARTICLE[0], ARTICLE[1], "سارة", COMMENTS[1][1], f"«{ARTICLE[0]}» هذا غير صحيح، المستشفيات لم تكتمل بعد."]
    )
    kept, dropped = comments.drop_comment_lines(text, ct)
    assert kept.split("\n") == [ARTICLE[0], ARTICLE[1]]  # the copied paragraph is still the article's
    assert dropped == ["سارة", COMMENTS[1][1], f"«{ARTICLE[0]}» هذا غير صحيح، المستشفيات لم تكتمل بعد."]


def test_multi_line_comment_comes_out_line_by_line():
    ct = _comment_text(
        "<div><p>Der Kuchen ist sehr gut gelungen und schnell gemacht.</p></div>"
        '<div class="comment-item"><p>Hallo,\n\nder Kuchen ist super!\n\nLG sonnenblume71\n</p></div>'
    )
    kept, dropped = comments.drop_comment_lines(
        "Der Kuchen ist sehr gut gelungen und schnell gemacht.\nLG sonnenblume71", ct
    )
    assert kept == "Der Kuchen ist sehr gut gelungen und schnell gemacht."
    assert dropped == ["LG sonnenblume71"]


def test_comments_header_is_left_to_the_line_rules():
    """«3 تعليقات» stays: boilerplate's comments-zone rule cuts from it, also posts in unknown markup."""
    ct = _comment_text(f'<p>{ARTICLE[0]}</p><h2 id="comments">3 تعليقات</h2><div class="x"><p>رأي قارئ طويل</p></div>')
    assert comments.drop_comment_lines(f"{ARTICLE[0]}\n3 تعليقات\nرأي قارئ طويل", ct)[1] == []


def test_json_ld_copy_of_a_comment_is_not_page_text():
    ct = _comment_text(
        f'<script type=\'application/ld+json\'>{{"comment": {{"text": "{COMMENTS[0][1]}"}}}}</script>'
        f"<p>{ARTICLE[0]}</p><div class='comments'><p>{COMMENTS[0][1]}</p></div>"
    )
    assert ct.is_comment(COMMENTS[0][1])
    assert not ct.is_comment(ARTICLE[0])


def test_short_fragment_must_be_a_whole_block():
    ct = _comment_text(f"<p>{ARTICLE[0]}</p><div class='comments'><p>{COMMENTS[0][1]}</p></div>")
    assert ct.is_comment(COMMENTS[0][1][:40])  # a long piece of a comment: trafilatura split it
    assert not ct.is_comment("إلى القرى")  # a couple of words that merely occur in one


def test_page_without_comment_sections():
    ct = _comment_text(f"<article><p>{ARTICLE[0]}</p></article>")
    assert not ct
    assert comments.drop_comment_lines(ARTICLE[0], ct) == (ARTICLE[0], [])


def test_bare_extraction_leaves_the_parsed_tree_intact():
    """``comments.bare_extraction`` relies on trafilatura working on a copy of a tree it is handed."""
    tree = load_html(_page())
    assert tree is not None
    before = len(list(tree.iter()))
    doc = trafilatura.bare_extraction(tree, **EXTRACT_OPTIONS)
    assert doc is not None
    assert len(list(tree.iter())) == before
    assert [el.get("class") for el in comments.comment_sections(tree)] == ["tt-comments"]


def test_bare_extraction_on_a_page_trafilatura_rejects():
    assert comments.bare_extraction("", **EXTRACT_OPTIONS) is None
    assert comments.bare_extraction("<html><body></body></html>", **EXTRACT_OPTIONS) is None
