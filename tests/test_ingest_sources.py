"""Source expansion: files, directories, JSONL, WARC, and feeds/sitemaps served on loopback."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from services.ingest.fetch import BlockedURLError, Fetcher, NotModified
from services.ingest.raw import RawDocument
from services.ingest.sources import (
    ChildSource,
    Skipped,
    SourceError,
    document_id,
    expand,
    walk,
)
from services.shared.schema import article_id
from tests.test_fetch import ARABIC_PAGE, CP1256_PAGE, LocalSite, Reply, loopback_settings

ARTICLE_TEXT = "الكرملين ينفي دعم حفتر\n\nقال المتحدث باسم الكرملين إن روسيا لا تدعم الهجوم على طرابلس.\n"
SETTINGS = loopback_settings()


def items(source: str, **kwargs: object) -> list[object]:
    return list(expand(source, settings=kwargs.pop("settings", SETTINGS), **kwargs))  # type: ignore[arg-type]


def docs(found: list[object]) -> list[RawDocument]:
    return [x for x in found if isinstance(x, RawDocument)]


# --------------------------------------------------------------------------- local files


def test_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / "b.HTML").write_bytes(ARABIC_PAGE)
    (tmp_path / "c.htm").write_bytes(CP1256_PAGE)
    [a] = items(str(tmp_path / "a.txt"))
    [b] = items(str(tmp_path / "b.HTML"))
    [c] = items(str(tmp_path / "c.htm"))
    assert isinstance(a, RawDocument) and a.kind == "text" and a.body.decode("utf-8") == ARTICLE_TEXT
    assert a.url is None and a.source == str((tmp_path / "a.txt").resolve())
    assert isinstance(b, RawDocument) and b.kind == "html" and b.body == ARABIC_PAGE
    assert isinstance(c, RawDocument) and c.body == CP1256_PAGE  # bytes untouched
    [skipped] = items(str(_write(tmp_path / "d.pdf", b"%PDF-1.4")))
    assert isinstance(skipped, Skipped) and skipped.reason == "unsupported"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_file_ids_key_on_path_and_content(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    [first] = docs(items(str(path)))
    [again] = docs(items(str(path)))
    assert document_id(first) == document_id(again) == article_id(path=first.source, content=first.body)
    path.write_text(ARTICLE_TEXT + "تحديث", encoding="utf-8")
    [edited] = docs(items(str(path)))
    assert document_id(edited) != document_id(first)
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE_TEXT, encoding="utf-8")
    [other] = docs(items(str(copy)))
    assert document_id(other) != document_id(first)


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "خبر ".encode() * 1000)
    [item] = items(str(path), settings=loopback_settings(max_document_bytes=1000))
    assert isinstance(item, Skipped) and item.reason == "too-large"


def test_directory_fans_out_recursively(tmp_path: Path) -> None:
    (tmp_path / "2026" / "11").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "2026" / "11" / "z.txt", ARTICLE_TEXT.encode())
    _write(tmp_path / "2026" / "a.html", ARABIC_PAGE)
    _write(tmp_path / "top.jsonl", json.dumps({"url": "https://ex.com/1", "text": ARTICLE_TEXT}).encode() + b"\n")
    _write(tmp_path / "notes.md", b"# not ingested")
    _write(tmp_path / ".hidden.txt", b"secret")
    _write(tmp_path / ".git" / "x.txt", b"git object")
    found = items(str(tmp_path))
    assert all(isinstance(x, ChildSource) and x.depth == 1 and not x.is_url for x in found)
    names = [Path(x.source).relative_to(tmp_path.resolve()).as_posix() for x in found]  # type: ignore[union-attr]
    assert names == ["top.jsonl", "2026/a.html", "2026/11/z.txt"]
    walked = list(walk(str(tmp_path), settings=SETTINGS))
    assert len(walked) == 3 and all(isinstance(x, RawDocument) for x in walked)


def test_missing_path_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        items(str(tmp_path / "nope.txt"))


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://news.example/a?utm_source=rss#top", "html": "<p>خبر أول</p>"}, ensure_ascii=False),
        json.dumps({"url": "https://news.example/b", "text": ARTICLE_TEXT}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://news.example/c"}),
        json.dumps({"url": "javascript:alert(1)", "text": "x"}),
        json.dumps({"text": "بلا رابط"}, ensure_ascii=False),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines).encode("utf-8"))
    found = items(str(path))
    good = docs(found)
    skipped = [x for x in found if isinstance(x, Skipped)]
    assert [d.url for d in good] == ["https://news.example/a", "https://news.example/b", None]
    assert good[0].kind == "html" and good[0].body.decode() == "<p>خبر أول</p>"
    assert good[0].content_type == "text/html; charset=utf-8"
    assert good[1].kind == "text" and good[1].body.decode() == ARTICLE_TEXT
    assert good[2].source.endswith("batch.jsonl#L8")
    assert document_id(good[0]) == article_id(url="https://news.example/a")
    assert [(s.reason, s.source.rsplit("#", 1)[1]) for s in skipped] == [
        ("bad-json", "L3"),
        ("bad-record", "L5"),
        ("bad-record", "L6"),
        ("bad-url", "L7"),
    ]
    gz = _write(tmp_path / "batch.jsonl.gz", gzip.compress("\n".join(lines).encode("utf-8")))
    assert [d.url for d in docs(items(str(gz)))] == [d.url for d in good]


def test_jsonl_overlong_line_skipped_not_fatal(tmp_path: Path) -> None:
    long_line = json.dumps({"url": "https://ex.com/long", "text": "خ" * 5000})
    short = json.dumps({"url": "https://ex.com/short", "text": "قصير"})
    path = _write(tmp_path / "x.jsonl", (long_line + "\n" + short + "\n").encode())
    found = items(str(path), settings=loopback_settings(max_document_bytes=2000))
    assert isinstance(found[0], Skipped) and found[0].reason == "too-large"
    assert [d.url for d in docs(found)] == ["https://ex.com/short"]


def _warc(path: Path, *, gz: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8", **extra):
            headers = [("Content-Type", ctype), *extra.items()]
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(record)

        response("https://news.example/ar/1?utm_source=x", ARABIC_PAGE)
        response("https://news.example/logo.png", b"\x89PNG....", ctype="image/png")
        response("https://news.example/missing", b"<html>404</html>", status="404 Not Found")
        request = writer.create_warc_record(
            "https://news.example/ar/1",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /ar/1 HTTP/1.1", [("Host", "news.example")], is_http_request=True),
        )
        writer.write_record(request)
        response("https://news.example/ar/cp", CP1256_PAGE, ctype="text/html; charset=windows-1256")
        response(
            "https://news.example/ar/gz",
            gzip.compress(ARABIC_PAGE),
            **{"Content-Encoding": "gzip"},
        )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    found = items(str(path))
    assert all(isinstance(x, RawDocument) for x in found)
    assert [d.url for d in found] == [  # type: ignore[union-attr]
        "https://news.example/ar/1",
        "https://news.example/ar/cp",
        "https://news.example/ar/gz",
    ]
    first, cp, gz = found
    assert first.body == ARABIC_PAGE and first.kind == "html"  # type: ignore[union-attr]
    assert first.headers["content-type"] == "text/html; charset=utf-8"  # type: ignore[union-attr]
    assert first.fetched_at and first.fetched_at.startswith("20")  # type: ignore[union-attr]
    assert cp.body == CP1256_PAGE  # type: ignore[union-attr]
    assert gz.body == ARABIC_PAGE  # content-encoding undone  # type: ignore[union-attr]
    assert document_id(first) == article_id(url="https://news.example/ar/1")  # type: ignore[arg-type]


def test_corrupt_warc_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.warc.gz", gzip.compress(b"<html>an HTML page, not a WARC</html>\n" * 10))
    found = items(str(path))
    assert len(found) == 1 and isinstance(found[0], Skipped) and found[0].reason == "bad-warc"


# --------------------------------------------------------------------------- URLs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>{base}/</link>
<item><title>خبر ١</title><link>{base}/news/1.html?utm_source=rss</link></item>
<item><title>خبر ٢</title><link>/news/2.html</link></item>
<item><title>مكرر</title><link>{base}/news/1.html?utm_source=rss</link></item>
<item><title>ملف</title><link>file:///secret.txt</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title><id>urn:x</id><updated>2026-11-23T00:00:00Z</updated>
<entry><title>أ</title><id>urn:1</id><updated>2026-11-23T00:00:00Z</updated>
<link rel="alternate" href="{base}/news/3.html"/></entry>
<entry><title>ب</title><id>urn:2</id><updated>2026-11-23T00:00:00Z</updated>
<link rel="enclosure" href="{base}/a.mp3"/><link rel="alternate" href="{base}/news/4.html"/></entry>
</feed>"""

URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/news/1.html</loc><lastmod>2026-11-23</lastmod></url>
<url><loc> {base}/news/cp.html </loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>
<sitemap><loc>{base}/sitemap-more.xml.gz</loc></sitemap>
</sitemapindex>"""

SELF_INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/loop-index.xml</loc></sitemap></sitemapindex>"""


@pytest.fixture()
def news_site() -> Iterator[LocalSite]:
    with LocalSite() as site:
        base = site.base
        xml = {"Content-Type": "application/xml"}
        site.routes.update(
            {
                "/robots.txt": Reply(200, b"User-agent: *\nAllow: /\n"),
                "/rss.xml": Reply(200, RSS.format(base=base).encode(), {"Content-Type": "application/rss+xml"}),
                "/atom.xml": Reply(200, ATOM.format(base=base).encode(), {"Content-Type": "application/atom+xml"}),
                "/sitemap-news.xml": Reply(200, URLSET.format(base=base).encode(), xml),
                "/sitemap-more.xml.gz": Reply(
                    200,
                    gzip.compress(URLSET.format(base=base).replace("1.html", "2.html").encode()),
                    {"Content-Type": "application/x-gzip"},
                ),
                "/sitemap-index.xml": Reply(200, INDEX.format(base=base).encode(), xml),
                "/loop-index.xml": Reply(200, SELF_INDEX.format(base=base).encode(), xml),
                "/news/1.html": Reply(200, ARABIC_PAGE, {"Content-Type": "text/html; charset=utf-8", "ETag": '"n1"'}),
                "/news/2.html": Reply(200, ARABIC_PAGE, {"Content-Type": "text/html; charset=utf-8"}),
                "/news/cp.html": Reply(200, CP1256_PAGE, {"Content-Type": "text/html; charset=windows-1256"}),
                "/logo.png": Reply(200, b"\x89PNG\r\n\x1a\n....", {"Content-Type": "image/png"}),
                "/untyped": Reply(200, b"<!DOCTYPE html><html><body>\xd8\xae\xd8\xa8\xd8\xb1</body></html>"),
            }
        )
        yield site


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(SETTINGS, sleep=lambda s: None) as f:
        yield f


def test_rss_feed_expands_to_article_urls(news_site: LocalSite, fetcher: Fetcher) -> None:
    found = items(news_site.url("/rss.xml"), fetcher=fetcher)
    children = [x for x in found if isinstance(x, ChildSource)]
    assert [c.source for c in children] == [
        news_site.url("/news/1.html?utm_source=rss"),
        news_site.url("/news/2.html"),  # relative link resolved against the feed
    ]
    assert all(c.is_url and c.depth == 1 and c.parent == news_site.url("/rss.xml") for c in children)
    [bad] = [x for x in found if isinstance(x, Skipped)]
    assert bad.reason == "bad-url" and "secret.txt" in bad.detail  # never becomes a local path


def test_atom_feed_uses_alternate_links(news_site: LocalSite, fetcher: Fetcher) -> None:
    found = items(news_site.url("/atom.xml"), fetcher=fetcher)
    assert [x.source for x in found] == [news_site.url("/news/3.html"), news_site.url("/news/4.html")]  # type: ignore[union-attr]


def test_feed_not_modified_on_second_poll(news_site: LocalSite, fetcher: Fetcher) -> None:
    def feed(h) -> None:  # noqa: ANN001
        if h.headers.get("If-None-Match") == '"f1"':
            h.reply(Reply(304, b"", length=False))
        else:
            h.reply(Reply(200, RSS.format(base=news_site.base).encode(), {"ETag": '"f1"'}))

    news_site.routes["/polled.xml"] = feed
    assert len([x for x in items(news_site.url("/polled.xml"), fetcher=fetcher) if isinstance(x, ChildSource)]) == 2
    [again] = items(news_site.url("/polled.xml"), fetcher=fetcher)
    assert isinstance(again, NotModified)


def test_sitemap_and_sitemap_index(news_site: LocalSite, fetcher: Fetcher) -> None:
    found = items(news_site.url("/sitemap-news.xml"), fetcher=fetcher, depth=1)
    assert [(x.source, x.depth) for x in found] == [  # type: ignore[union-attr]
        (news_site.url("/news/1.html"), 2),
        (news_site.url("/news/cp.html"), 2),
    ]
    index = items(news_site.url("/sitemap-index.xml"), fetcher=fetcher)
    assert [x.source for x in index] == [  # type: ignore[union-attr]
        news_site.url("/sitemap-news.xml"),
        news_site.url("/sitemap-more.xml.gz"),
    ]
    gz = items(news_site.url("/sitemap-more.xml.gz"), fetcher=fetcher, depth=1)
    assert [x.source for x in gz] == [news_site.url("/news/2.html"), news_site.url("/news/cp.html")]  # type: ignore[union-attr]


def test_sitemap_index_recursion_is_bounded(news_site: LocalSite, fetcher: Fetcher) -> None:
    [child] = items(news_site.url("/loop-index.xml"), fetcher=fetcher, depth=0)
    assert isinstance(child, ChildSource) and child.depth == 1
    [stop] = items(news_site.url("/loop-index.xml"), fetcher=fetcher, depth=4)
    assert isinstance(stop, Skipped) and stop.reason == "max-depth"
    # the in-process walk also terminates: the self-reference is seen once
    assert list(walk(news_site.url("/loop-index.xml"), fetcher=fetcher, settings=SETTINGS)) == []
    assert news_site.hits("/loop-index.xml") == 3  # once per expand above, once in the walk


def test_walk_sitemap_index_to_documents(news_site: LocalSite, fetcher: Fetcher) -> None:
    found = list(walk(news_site.url("/sitemap-index.xml"), fetcher=fetcher, settings=SETTINGS))
    got = sorted((d.url, d.body) for d in docs(found))
    assert got == sorted(
        [
            (news_site.url("/news/1.html"), ARABIC_PAGE),
            (news_site.url("/news/cp.html"), CP1256_PAGE),
            (news_site.url("/news/2.html"), ARABIC_PAGE),
        ]
    )
    assert news_site.hits("/news/cp.html") == 1  # listed in two sitemaps, fetched once


def test_article_url_ids_use_canonical_url(news_site: LocalSite, fetcher: Fetcher) -> None:
    [tracked] = items(news_site.url("/news/1.html?utm_source=rss&utm_medium=feed"), fetcher=fetcher, conditional=False)
    [clean] = items(news_site.url("/news/1.html"), fetcher=fetcher, conditional=False)
    assert isinstance(tracked, RawDocument) and isinstance(clean, RawDocument)
    assert tracked.url == clean.url == news_site.url("/news/1.html")
    assert document_id(tracked) == document_id(clean) == article_id(url=news_site.url("/news/1.html"))
    [cp] = items(news_site.url("/news/cp.html"), fetcher=fetcher)
    assert isinstance(cp, RawDocument) and cp.body == CP1256_PAGE


def test_non_article_and_untyped_urls(news_site: LocalSite, fetcher: Fetcher) -> None:
    [png] = items(news_site.url("/logo.png"), fetcher=fetcher)
    assert isinstance(png, Skipped) and png.reason == "not-article"
    [untyped] = items(news_site.url("/untyped"), fetcher=fetcher)
    assert isinstance(untyped, RawDocument) and untyped.kind == "html"


def test_url_sources_need_a_fetcher_and_http(news_site: LocalSite, fetcher: Fetcher) -> None:
    with pytest.raises(SourceError):
        items(news_site.url("/rss.xml"))
    for url in ("file:///secret.txt", "gopher://127.0.0.1/"):
        with pytest.raises(BlockedURLError):
            items(url, fetcher=fetcher)


def test_walk_reports_dead_children(news_site: LocalSite, fetcher: Fetcher) -> None:
    news_site.routes["/dead.xml"] = Reply(
        200,
        URLSET.format(base=news_site.base).replace("cp.html", "gone.html").encode(),
        {"Content-Type": "application/xml"},
    )
    found = list(walk(news_site.url("/dead.xml"), fetcher=fetcher, settings=SETTINGS))
    assert [d.url for d in docs(found)] == [news_site.url("/news/1.html")]
    [dead] = [x for x in found if isinstance(x, Skipped)]
    assert dead.reason == "fetch-error" and "404" in dead.detail
