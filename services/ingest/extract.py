"""RawDocument → Article: decode, route to the HTML or text path, build the article.

Pure (no Celery, no I/O): the ingest task calls :func:`extract` and dead-letters a
:class:`~services.ingest.errors.RejectedDocument`. The article id is deterministic
(canonical URL, or file path + content), so re-ingesting the same page overwrites it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from services.ingest import boilerplate as bp
from services.ingest.decode import decode
from services.ingest.errors import RejectedDocument
from services.ingest.html_extract import anchor_texts, extract_html, extractor_version
from services.ingest.language import detect_language
from services.ingest.normalize import match_key
from services.ingest.raw import RawDocument
from services.ingest.textclean import clean_text
from services.shared.schema import Article, Provenance, article_id, content_hash
from services.shared.settings import get_settings

VERSION = "naba-ingest/0.1"
_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
    re.I | re.S,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MIN_CHARS = 60  # shorter than a one-sentence news brief


_NOT_TEXT_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/msword")


def content_type_of(raw: RawDocument) -> str | None:
    """The Content-Type: the explicit field, else the header in any letter case."""
    if raw.content_type:
        return raw.content_type
    return next((v for k, v in raw.headers.items() if k.lower() == "content-type"), None)


def is_html(raw: RawDocument, text: str) -> bool:
    """Route by declared kind, then Content-Type, then file extension, then the first tag."""
    if raw.kind == "html":
        return True
    if raw.kind == "text":
        return False
    ctype = (content_type_of(raw) or "").lower()
    if any(t in ctype for t in _HTML_TYPES):
        return True
    if ctype.startswith("text/plain"):
        return False
    if raw.source.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_SNIFF.match(text[:2048]))


def check_article(text: str, links: Callable[[], set[str]] | None = None) -> None:
    """Reject bodies that are not an article: empty, a few words, or a section front.

    A section front extracted as text is a list of short lines and little running prose.
    So are lyrics, recipes and spec sheets, so for HTML the short lines must also be
    *links* on the page (``links`` returns the page's folded anchor texts; it is only
    called for suspicious bodies, keeping the common case free). For plain text, with no
    links to check, the list must be long and made of headline-like lines.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise RejectedDocument("empty_body", "no text left after extraction")
    if len(text.strip()) < _MIN_CHARS:
        raise RejectedDocument("too_short", f"{len(text.strip())} characters")
    prose: list[str] = []
    short: list[str] = []
    for line in lines:  # one is_prose per line: it splits the whole line into words
        (prose if bp.is_prose(line) else short).append(line)
    prose_chars = sum(len(line) for line in prose)
    if len(short) < 8 or len(short) <= 3 * len(prose) or prose_chars >= 600:
        return
    if links is not None:
        anchors = links()
        linked = sum(match_key(line) in anchors for line in short)
        if linked >= 0.6 * len(short):
            detail = f"{linked} of {len(lines)} lines are links, {len(prose)} paragraphs"
            raise RejectedDocument("section_front", detail)
    else:
        headlines = sum(bp.is_headline_like(line, 15) for line in short)
        if headlines >= 10 and headlines >= 0.8 * len(short) and prose_chars < 300:
            raise RejectedDocument("section_front", f"{headlines} headline lines, {len(prose)} paragraphs")


def extract(raw: RawDocument) -> Article:
    """Turn one raw document into a clean :class:`Article` (raises :class:`RejectedDocument`)."""
    settings = get_settings()
    content_type = content_type_of(raw)
    if content_type and content_type.lower().lstrip().startswith(_NOT_TEXT_TYPES):
        raise RejectedDocument("content_type", content_type)
    text, _encoding = decode(raw.body, content_type, max_bytes=settings.max_document_bytes)
    author = sitename = None
    if is_html(raw, text):
        res = extract_html(text, url=raw.url)
        title, body, published = res.title, res.text, res.published
        links: Callable[[], set[str]] | None = partial(anchor_texts, text)
        author, sitename, dateline, sources = res.author, res.sitename, res.dateline, res.sources
        extractor = f"{VERSION}+{extractor_version()}"
    else:
        clean = clean_text(text)
        title, body, published = clean.title, clean.text, clean.published
        dateline, sources, author = clean.dateline, clean.sources, clean.author
        extractor = VERSION
        links = None
    check_article(body, links)
    aid = article_id(url=raw.url) if raw.url else article_id(path=raw.source, content=raw.body)
    fields = {"fetched_at": raw.fetched_at} if raw.fetched_at else {}
    return Article(
        id=aid,
        source=raw.source,
        url=raw.url,
        title=title,
        text=body,
        published=published,
        language=detect_language(title + "\n" + body),
        sitename=sitename,
        author=author,
        dateline=dateline,
        sources=sources,
        content_hash=content_hash(body),
        provenance=Provenance(extractor=extractor),
        **fields,
    )
