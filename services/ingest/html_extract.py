"""HTML → main text and metadata: trafilatura, then naba's Arabic post-filter.

trafilatura finds the main content block (text only). The metadata (title, author,
sitename, date via htmldate) follows trafilatura's and htmldate's rules too, applied to
the page's head, JSON-LD, headings and ``<time>`` elements only
(:mod:`services.ingest.html_meta`): a small part of the cost of trafilatura's
whole-page metadata pass. trafilatura's furniture filters are tuned on English/German
pages, so what it keeps is passed through the same line rules as plain text
(:mod:`services.ingest.boilerplate`): Arabic share bars, comment forms and policy lines,
tag lines, follow-us promos, repeated captions, credits and datelines.

Settings: comments excluded (reader comments must never be indexed as article text),
tables kept (election results, casualty figures), ``favor_precision`` off. On
trafilatura's own evaluation set (990 pages, snippet method) precision mode trades
2.6 points of recall for 1.7 of precision (F1 0.922 vs 0.926): it drops short
paragraphs wholesale, and short paragraphs are the lead of many Arabic briefs. naba
gets its extra precision from the line rules instead, which only remove lines that
have the shape of furniture (see ``bench/trafilatura_eval.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

import trafilatura
from htmldate.settings import MIN_DATE
from trafilatura.settings import set_date_params

from services.ingest import boilerplate as bp
from services.ingest import comments
from services.ingest import textclean as tc
from services.ingest.html_meta import page_meta
from services.ingest.html_tree import drop_code, parse_html
from services.ingest.normalize import match_key, normalize_text

EXTRACT_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "favor_precision": False,
}

# a machine-readable publication time («2019-04-05T14:04:00+02:00») in JSON-LD, Open Graph
# or microdata; each pattern opens with a literal so that the scan of a large page stays fast
_ISO = r"""(?P<v>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?)"""
_PUBLISHED_META = (
    re.compile(r'"datePublished"\s*:\s*"' + _ISO),
    re.compile(r"""article:published_time["'][^>]*?content=["']\s*""" + _ISO),
    re.compile(r"""content=["']\s*""" + _ISO + r"""[^"']*["'][^>]*?article:published_time"""),
    re.compile(r"""datePublished["'][^>]*?(?:content|datetime)=["']\s*""" + _ISO),
)


_EARLIEST = MIN_DATE.date().isoformat()  # htmldate's own lower bound


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
class HtmlResult(tc.CleanText):
    """What the text path finds, plus what only a web page says about itself."""

    sitename: str | None = None
    title_in_body: bool = False  # the headline opened trafilatura's text and was moved to ``title``


def _published(html: str, htmldate: str | None, latest: str) -> str | None:
    """Prefer a machine-readable timestamp (with time) from the markup when it agrees with htmldate.

    Without a date from htmldate, the timestamp must still pass htmldate's own bounds
    (from 1995 to ``latest``, today): a CMS placeholder («1970-01-01T01:00») is no date.
    """
    if "datePublished" not in html and "published_time" not in html:
        return htmldate
    for rx in _PUBLISHED_META:
        m = rx.search(html)
        if m:
            value = m.group("v").replace(" ", "T")
            plausible = value.startswith(htmldate) if htmldate else _EARLIEST <= value[:10] <= latest
            if plausible:
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


@dataclass(slots=True)
class Filtered:
    """What the post-filter keeps of trafilatura's text, and what it learnt on the way."""

    text: str = ""
    published: str | None = None  # from a date line under the headline
    author: str | None = None  # from a byline under the headline
    dateline: str | None = None
    sources: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


def postfilter(text: str, title: str = "") -> Filtered:
    """Arabic post-filter of trafilatura's text.

    Each trafilatura line is a paragraph, so there is no block structure to read: the
    related-list rule applies only after an explicit «مواضيع ذات صلة» header, never to a
    run of short lines (which may be a real list in the article).
    """
    out = Filtered()
    lines = normalize_text(text).split("\n")
    tkey = match_key(title) if title else None
    head: list[str] = []
    for i, line in enumerate(lines):  # date lines, bylines, time stamps before the first prose paragraph
        if tkey and match_key(line) == tkey:
            head.append(line)  # the headline itself (removed below) does not end the header
            continue
        if bp.is_prose(line):
            head.extend(lines[i:])
            break
        meta = tc.header_meta(line)
        if meta is None:
            head.append(line)
            continue
        tc.record_header_meta(out, line, meta)
    kept, furniture = bp.filter_lines(head)
    out.dropped += furniture
    blocks = [[line] for line in kept if line.strip()]
    blocks = tc.drop_caption_copies(blocks, protect={tkey} if tkey else None, keep_first_repeat=True)
    blocks, dateline, sources = tc.finish_blocks(blocks, title, title_anywhere=False)
    out.dateline = dateline or out.dateline  # (or from a dateline on its own line, in the header)
    out.sources = list(dict.fromkeys(out.sources + sources))
    out.text = "\n\n".join(b[0] for b in blocks)
    return out


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page; empty ``text`` when trafilatura finds no body."""
    # parsed once: for the metadata and htmldate's whole-page fallback (which read copies),
    # trafilatura (which works on a copy too, without the page's code) and the comment
    # sections (which take the tree apart, hence last)
    page = parse_html(html)
    if page is None:
        return HtmlResult()
    dparams = date_params()
    meta = page_meta(page, url, dparams)
    drop_code(page)
    # reader comments in markup trafilatura does not know (services.ingest.comments)
    doc = comments.bare_extraction(page, url=url, with_metadata=False, **EXTRACT_OPTIONS)
    if doc is None:
        return HtmlResult()
    sitename = normalize_text(meta.sitename) if meta.sitename else None
    title = _clean_title(meta.title or "", sitename)
    filtered = postfilter(doc.text or "", title)
    first = (doc.text or "").lstrip().split("\n", 1)[0]
    author = (normalize_text(meta.author) if meta.author else None) or filtered.author
    return HtmlResult(
        title=title,
        text=filtered.text,
        published=_published(html, meta.date, str(dparams["max_date"])) or filtered.published,
        author=author or None,
        sitename=sitename or None,
        dateline=filtered.dateline,
        sources=filtered.sources,
        dropped=filtered.dropped,
        title_in_body=bool(title) and match_key(first) == match_key(title),
    )


_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def anchor_texts(html: str) -> set[str]:
    """Folded texts of every link on the page (for telling link lists from prose lists)."""
    return {match_key(unescape(_TAG.sub(" ", m.group(1)))) for m in _ANCHOR.finditer(html)}
