"""Turn a source string into work: documents to process now, or child sources to fan out.

A source is a local path (file or directory) or an http(s) URL. :func:`expand` looks at
one source and yields:

* :class:`~services.ingest.raw.RawDocument` - a document to decode/extract now (a text or
  HTML file, each line of a JSONL file, each HTML response in a WARC, a fetched page);
* :class:`ChildSource` - "enqueue another ingest task for this" (each file of a directory,
  each entry of an RSS/Atom feed or sitemap, each sitemap of a sitemap index);
* :class:`Skipped` - something was passed over on purpose (a bad JSONL line, an oversized
  file, a feed nested too deep), with a short reason code for metrics;
* :class:`~services.ingest.fetch.NotModified` - a conditional GET found nothing new.

Fan-out through the queue (rather than recursion here) keeps each task short and lets
retries, politeness and dead-lettering apply per URL. ``depth`` travels with each child
so sitemap-index and feed nesting stays bounded across tasks. :func:`walk` runs the same
expansion in-process, for the CLI and tests.

Fatal problems raise: :class:`SourceError` (missing path, unsupported scheme) and the
fetch errors (:class:`~services.ingest.fetch.TransientFetchError` /
:class:`~services.ingest.fetch.PermanentFetchError`).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from services.ingest.dedup import canonical_url
from services.ingest.fetch import Fetcher, FetchError, NotModified
from services.ingest.raw import Kind, RawDocument
from services.shared.errors import PermanentError
from services.shared.schema import article_id
from services.shared.settings import Settings, get_settings

FILE_KINDS: dict[str, Kind] = {".txt": "text", ".html": "html", ".htm": "html"}
CONTAINER_SUFFIXES = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")
MAX_CHILDREN = 50_000  # the sitemap protocol's own per-file limit
MAX_DEPTH = 4  # index -> sitemap -> article is depth 2; feeds of feeds stop here


class SourceError(PermanentError):
    """The source itself is unusable (missing path, unsupported scheme): do not retry."""


@dataclass(frozen=True, slots=True)
class ChildSource:
    """Another source to ingest as its own task; pass ``depth`` back to :func:`expand`."""

    source: str
    parent: str
    depth: int = 1

    @property
    def is_url(self) -> bool:
        return self.source.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Skipped:
    """Passed over on purpose; ``reason`` is a short code usable as a metrics label."""

    source: str
    reason: str
    detail: str = ""


Item = RawDocument | ChildSource | Skipped | NotModified


def document_id(doc: RawDocument) -> str:
    """The article id for a document: canonical URL if any, else path + content."""
    if doc.url:
        return article_id(url=doc.url)
    return article_id(path=doc.source, content=doc.body)


def is_url(source: str) -> bool:
    return "://" in source[:16]


def expand(
    source: str,
    *,
    fetcher: Fetcher | None = None,
    depth: int = 0,
    settings: Settings | None = None,
    conditional: bool = True,
) -> Iterator[Item]:
    """Expand one source; ``depth`` is the ``ChildSource.depth`` it came with (0 for a root).

    URLs need a ``fetcher`` (one per worker process, reused). Non-http schemes are refused
    by the fetcher's SSRF guard; a URL never expands into a local path.
    """
    s = settings or get_settings()
    if is_url(source):
        if fetcher is None:
            raise SourceError(f"a fetcher is needed to expand URL {source!r}")
        yield from expand_url(source, fetcher=fetcher, depth=depth, settings=s, conditional=conditional)
    else:
        yield from expand_path(source, depth=depth, settings=s)


# --------------------------------------------------------------------------- local paths


def _supported(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(CONTAINER_SUFFIXES) or Path(lower).suffix in FILE_KINDS


def expand_path(source: str, *, depth: int = 0, settings: Settings | None = None) -> Iterator[Item]:
    s = settings or get_settings()
    path = Path(source).expanduser()
    if path.is_dir():
        # one child per supported file; hidden entries and symlinked directories are skipped
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and _supported(name):
                    yield ChildSource(str(Path(root, name).resolve()), parent=source, depth=depth + 1)
        return
    if not path.is_file():
        raise SourceError(f"no such file or directory: {source}")
    resolved = str(path.resolve())
    lower = path.name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        yield from read_warc(path, label=resolved, settings=s)
    elif lower.endswith((".jsonl", ".jsonl.gz")):
        yield from read_jsonl(path, label=resolved, settings=s)
    elif path.suffix.lower() in FILE_KINDS:
        size = path.stat().st_size
        if size > s.max_document_bytes:
            yield Skipped(resolved, "too-large", f"{size} bytes > {s.max_document_bytes}")
            return
        kind = FILE_KINDS[path.suffix.lower()]
        yield RawDocument(source=resolved, body=path.read_bytes(), kind=kind)
    else:
        yield Skipped(resolved, "unsupported", f"unsupported file type {path.suffix!r}")


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line_number, line)``; ``line`` is ``None`` for a line longer than ``limit``."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def read_jsonl(path: Path, *, label: str, settings: Settings) -> Iterator[RawDocument | Skipped]:
    """One document per ``{"url", "html"}`` or ``{"url", "text"}`` line; bad lines are Skipped."""
    with _open(path) as stream:
        for number, line in _bounded_lines(stream, settings.max_document_bytes):
            where = f"{label}#L{number}"
            if line is None:
                yield Skipped(where, "too-large", "line exceeds max_document_bytes")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Skipped(where, "bad-json", str(exc)[:200])
                continue
            if not isinstance(record, dict):
                yield Skipped(where, "bad-record", "line is not a JSON object")
                continue
            html, text = record.get("html"), record.get("text")
            if isinstance(html, str) and html.strip():
                body, kind, ctype = html, "html", "text/html; charset=utf-8"
            elif isinstance(text, str) and text.strip():
                body, kind, ctype = text, "text", "text/plain; charset=utf-8"
            else:
                yield Skipped(where, "bad-record", "needs a non-empty 'html' or 'text' string")
                continue
            raw_url = record.get("url")
            url = canonical_url(raw_url) if isinstance(raw_url, str) and raw_url else None
            if raw_url and url is None:
                yield Skipped(where, "bad-url", repr(raw_url)[:200])
                continue
            yield RawDocument(
                source=where,
                body=body.encode("utf-8"),
                kind=kind,  # type: ignore[arg-type]
                url=url,
                content_type=ctype,
            )


def read_warc(path: Path, *, label: str, settings: Settings) -> Iterator[RawDocument | Skipped]:
    """HTML ``response`` records with status 200; other records are passed over silently.

    ``content_stream()`` undoes chunked transfer- and gzip content-encoding, so ``body``
    is the entity the server meant, in its original charset.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = settings.http_max_bytes
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                ctype = record.http_headers.get_header("Content-Type")
                if status != "200" or _kind_from_type(ctype) != "html":
                    continue
                url = canonical_url(target)
                if url is None:
                    yield Skipped(f"{label}#{target}", "bad-url", target[:200])
                    continue
                body = record.content_stream().read(limit + 1)
                if len(body) > limit:
                    yield Skipped(f"{label}#{target}", "too-large", f"record body exceeds {limit} bytes")
                    continue
                yield RawDocument(
                    source=label,
                    body=body,
                    kind="html",
                    url=url,
                    content_type=ctype,
                    headers={k.lower(): v for k, v in record.http_headers.headers},
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                )
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error) as exc:
            yield Skipped(label, "bad-warc", str(exc)[:200])


def _kind_from_type(content_type: str | None) -> Kind:
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    return "html" if ct in ("text/html", "application/xhtml+xml") else "text" if ct == "text/plain" else "unknown"


# --------------------------------------------------------------------------- URLs

XmlKind = Literal["feed", "urlset", "sitemapindex"]
_SAFE_XML = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
_NOT_ARTICLE_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


def _maybe_gunzip(body: bytes, limit: int) -> bytes:
    """``sitemap.xml.gz`` arrives as gzip *content*, not Content-Encoding; inflate, bounded."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    out = gzip.GzipFile(fileobj=io.BytesIO(body)).read(limit + 1)
    if len(out) > limit:
        raise ValueError(f"gzip body inflates beyond {limit} bytes")
    return out


def sniff_xml(body: bytes) -> tuple[XmlKind | None, etree._Element | None]:
    """Feed or sitemap by the root element (namespace-agnostic), else ``(None, None)``."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<") or head.startswith((b"<!doctype html", b"<html")):
        return None, None  # not XML, or plainly HTML: skip the parse
    try:
        root = etree.fromstring(body, etree.XMLParser(**_SAFE_XML))
    except etree.XMLSyntaxError:
        return None, None
    if not isinstance(root.tag, str):
        return None, None
    name = etree.QName(root).localname.lower()
    if name in ("urlset", "sitemapindex"):
        return name, root  # type: ignore[return-value]
    if name in ("rss", "feed", "rdf"):
        return "feed", root
    return None, None


def sitemap_locations(root: etree._Element, base: str) -> list[str]:
    """``<loc>`` of each ``<url>`` (urlset) or ``<sitemap>`` (index), resolved against ``base``."""
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == "loc" and el.text:
            parent = el.getparent()
            if parent is not None and etree.QName(parent).localname in ("url", "sitemap"):
                out.append(urljoin(base, el.text.strip()))
    return out


def feed_links(body: bytes, base: str) -> list[str]:
    """Entry links of an RSS or Atom feed (feedparser gets bytes, so it never fetches)."""
    parsed = feedparser.parse(body, response_headers={"content-location": base})
    out = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            alternates = [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
            link = next((a for a in alternates if a), None)
        if link:
            out.append(urljoin(base, link.strip()))
    return out


def _children(links: Iterable[str], parent: str, depth: int) -> Iterator[ChildSource | Skipped]:
    seen: set[str] = set()
    for link in links:
        if urlsplit(link).scheme.lower() not in ("http", "https"):
            yield Skipped(parent, "bad-url", f"non-http link {link[:200]!r}")
            continue
        if link in seen:
            continue
        seen.add(link)
        if len(seen) > MAX_CHILDREN:
            yield Skipped(parent, "too-many-children", f"stopped after {MAX_CHILDREN}")
            return
        yield ChildSource(link, parent=parent, depth=depth + 1)


def expand_url(
    url: str, *, fetcher: Fetcher, depth: int = 0, settings: Settings | None = None, conditional: bool = True
) -> Iterator[Item]:
    """Fetch ``url``; a feed or sitemap fans out, a page is yielded as a document."""
    s = settings or get_settings()
    max_depth = int(getattr(s, "ingest_max_depth", MAX_DEPTH))
    result = fetcher.fetch(url, conditional=conditional)
    if isinstance(result, NotModified):
        yield result
        return
    doc = result
    try:
        body = _maybe_gunzip(doc.body, s.http_max_bytes)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        yield Skipped(url, "bad-gzip", str(exc)[:200])
        return
    base = doc.url or url
    xml_kind, root = sniff_xml(body) if doc.kind != "text" else (None, None)
    if xml_kind is not None:
        if depth >= max_depth:
            yield Skipped(url, "max-depth", f"{xml_kind} at depth {depth} not expanded (limit {max_depth})")
            return
        links = feed_links(body, base) if xml_kind == "feed" else sitemap_locations(root, base)  # type: ignore[arg-type]
        yield from _children(links, url, depth)
        return
    if doc.kind in ("html", "text"):
        yield doc
        return
    ctype = (doc.content_type or "").lower()
    head = body[:1024].lstrip().lower()
    if not ctype.startswith(_NOT_ARTICLE_PREFIXES) and head.startswith((b"<!doctype html", b"<html")):
        yield replace(doc, kind="html")
        return
    yield Skipped(url, "not-article", f"content type {doc.content_type!r}")


# --------------------------------------------------------------------------- in-process walk


def walk(
    source: str,
    *,
    fetcher: Fetcher | None = None,
    settings: Settings | None = None,
    max_items: int = 10_000,
) -> Iterator[RawDocument | Skipped | NotModified]:
    """Expand ``source`` and all its children in this process (breadth-first, bounded).

    Fetch errors on a child become ``Skipped("fetch-error")`` so one dead link does not
    stop a crawl; errors on the root source propagate.
    """
    s = settings or get_settings()
    queue: deque[tuple[str, int]] = deque([(source, 0)])
    seen = {source}
    produced = 0
    while queue and produced < max_items:
        current, depth = queue.popleft()
        try:
            for item in expand(current, fetcher=fetcher, depth=depth, settings=s):
                if isinstance(item, ChildSource):
                    if item.source not in seen:
                        seen.add(item.source)
                        queue.append((item.source, item.depth))
                    continue
                produced += 1
                yield item
                if produced >= max_items:
                    return
        except (FetchError, SourceError) as exc:
            if current == source:
                raise
            produced += 1
            yield Skipped(current, "fetch-error", str(exc)[:200])
