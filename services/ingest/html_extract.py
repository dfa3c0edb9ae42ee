"""HTML → main text and metadata: trafilatura, then naba's Arabic post-filter.

trafilatura finds the main content block and the metadata (title, author, sitename,
date via htmldate, which reads meta tags and JSON-LD before guessing from the page).
Its furniture filters are tuned on English/German pages, so what it keeps is passed
through the same line rules as plain text (:mod:`services.ingest.boilerplate`): Arabic
share bars, comment forms and policy lines, tag lines, follow-us promos, repeated
captions, credits and datelines.

Settings: comments excluded (reader comments must never be indexed as article text),
tables kept (election results, casualty figures), ``favor_precision`` off by default —
trafilatura's precision mode drops short paragraphs that are often the lead of a
short Arabic brief; naba's own line rules provide the extra precision instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

import trafilatura
from trafilatura.settings import set_date_params

from services.ingest import boilerplate as bp
from services.ingest import textclean as tc
from services.ingest.normalize import match_key, normalize_text

EXTRACT_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "favor_precision": False,
}

# a machine-readable publication time: «2019-04-05T14:04:00+02:00» in JSON-LD or Open Graph
_PUBLISHED_META = re.compile(
    r"""(?:"datePublished"\s*:\s*"|property=["']article:published_time["'][^>]*?content=["']|"""
    r"""itemprop=["']datePublished["'][^>]*?(?:content|datetime)=["'])"""
    r"""(?P<v>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?)""",
    re.I,
)


def date_params() -> dict[str, object]:
    """htmldate settings: markup only (meta tags, JSON-LD, <time>, URL), no free-text guessing.

    htmldate's "extensive" search takes any date-looking string in the page — a date
    quoted in the body, a comment's timestamp, a sidebar — and costs about as much as the
    whole content extraction (dateparser). A wrong ``published`` is worse than none, and
    the text pass still reads an explicit date line under the headline.
    """
    return set_date_params(extensive=False)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return f"trafilatura-{trafilatura.__version__}"


@dataclass(slots=True)
class HtmlResult:
    title: str = ""
    text: str = ""
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    dateline: str | None = None
    sources: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    title_in_body: bool = False  # the headline opened trafilatura's text and was moved to ``title``


def _published(html: str, htmldate: str | None) -> str | None:
    """Prefer a machine-readable timestamp (with time) from the markup when it agrees with htmldate."""
    m = _PUBLISHED_META.search(html)
    if m:
        value = m.group("v").replace(" ", "T")
        if htmldate is None or value.startswith(htmldate):
            return value
    return htmldate


def _clean_title(title: str, sitename: str | None) -> str:
    title = normalize_text(title or "").replace("\n", " ")
    if sitename:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " » "):
            head, _, tail = title.rpartition(sep)
            if head and match_key(tail) == match_key(sitename):
                title = head
                break
    return bp.unwrap_hashtags(title.strip())


def postfilter(text: str, title: str = "") -> tuple[str, str | None, str | None, list[str], list[tuple[str, str]]]:
    """Arabic post-filter of trafilatura's text.

    Returns ``(text, published_from_text, dateline, sources, dropped)``. Each trafilatura
    line is a paragraph, so there is no block structure to read: the related-list rule
    applies only after an explicit «مواضيع ذات صلة» header, never to a run of short
    lines (which may be a real list in the article).
    """
    lines = normalize_text(text).split("\n")
    published = None
    head: list[str] = []
    dropped: list[tuple[str, str]] = []
    for i, line in enumerate(lines):  # date lines before the first prose paragraph
        if bp.is_prose(line):
            head.extend(lines[i:])
            break
        parsed = tc.parse_date_line(line)
        if parsed is not None:
            published = published or parsed.iso()
            dropped.append((line, "date_line"))
        else:
            head.append(line)
    kept, furniture = bp.filter_lines(head)
    dropped += furniture
    blocks = [[line] for line in kept if line.strip()]
    blocks = tc.drop_caption_copies(blocks, protect={match_key(title)} if title else None, keep_first_repeat=True)
    blocks, dateline, sources = tc.finish_blocks(blocks, title, title_anywhere=False)
    return "\n\n".join(b[0] for b in blocks), published, dateline, sources, dropped


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page; empty ``text`` when trafilatura finds no body."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, date_extraction_params=date_params(), **EXTRACT_OPTIONS
    )
    if doc is None:
        return HtmlResult()
    sitename = normalize_text(doc.sitename) if doc.sitename else None
    title = _clean_title(doc.title or "", sitename)
    text, text_date, dateline, sources, dropped = postfilter(doc.text or "", title)
    first = (doc.text or "").lstrip().split("\n", 1)[0]
    published = _published(html, doc.date) or text_date
    author = normalize_text(doc.author) if doc.author else None
    return HtmlResult(
        title=title,
        text=text,
        published=published,
        author=author or None,
        sitename=sitename or None,
        dateline=dateline,
        sources=sources,
        dropped=dropped,
        title_in_body=bool(title) and match_key(first) == match_key(title),
    )


_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def anchor_texts(html: str) -> set[str]:
    """Folded texts of every link on the page (for telling link lists from prose lists)."""
    return {match_key(unescape(_TAG.sub(" ", m.group(1)))) for m in _ANCHOR.finditer(html)}
