"""What a web page says about itself (title, site name, author, date), read from a small copy.

trafilatura's ``extract_metadata`` walks the whole parsed page several times: an author
search that deep-copies the tree and runs regex XPaths over every element, category and
tag link scans, a licence scan, and htmldate's fallbacks (another deep copy and a pass
over the text). On trafilatura's evaluation pages that cost about half as much as the
content extraction itself, mostly for fields naba does not keep (categories, tags,
licence) or reads from the text instead (the byline under the headline, see
:func:`services.ingest.html_extract.postfilter`).

What naba keeps is almost always in the machine-readable part of the page: the ``<head>``
(``<title>``, Open Graph, ``<meta name=author>``, canonical link) and the JSON-LD blocks,
which may sit anywhere in the body. So :func:`self_description` cuts that part out of the
HTML string — the head, plus the body's JSON-LD scripts, ``<h1>``–``<h3>`` headings (the
title fallbacks) and ``<time>`` elements, found by regular expressions — and
:func:`page_meta` replays ``extract_metadata``'s steps, with trafilatura's and htmldate's
own functions, on that miniature page: a few kilobytes instead of the whole tree, while
the content extraction parses the page on its own.

Given up, measured on trafilatura's 1,040 evaluation pages against ``extract_metadata`` on
the full page: the author found only in body markup (``class="author"``, ``rel=author``;
207 pages, mostly blogs — an Arabic byline line is still read from the text).
Title and text are unchanged on all but 5 pages. A date found only in body elements such
as ``class="date"`` (143 pages) is still looked for, with htmldate on the whole page, but
only when the small copy has none.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from services.ingest.html_tree import parse_html

LOGGER = logging.getLogger(__name__)

# the end of the page's self-description: the head closes or, without a </head>, the body opens
_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.I)
# machine-readable or title-bearing elements of the body; each alternative opens with a
# literal «<» so that a scan of a large page stays fast. A JSON-LD block may carry the
# headline, author and datePublished; headings are trafilatura's title fallbacks; <time>
# is htmldate's best cue in the body. An unclosed heading or <time> is dropped rather than
# allowed to swallow the page.
_BODY_PARTS = re.compile(
    r"<script\b[^>]*?application/(?:ld|settings)\+json[^>]*>.*?</script\s*>"
    r"|<(h[123]|time)\b.{0,2000}?</\1\s*>",
    re.I | re.S,
)
_JSON_TYPES = {"application/ld+json", "application/settings+json"}


@dataclass(slots=True, frozen=True)
class PageMeta:
    """trafilatura's metadata fields that naba keeps (raw: not yet normalised)."""

    title: str | None = None
    sitename: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD, htmldate's answer
    url: str | None = None  # canonical link, or the URL the page was fetched from


def self_description(html: str) -> str:
    """The page reduced to its head and the body's JSON-LD, ``<h1>`` and ``<time>`` elements.

    Returns ``html`` itself when it has neither ``</head>`` nor ``<body>`` (a fragment:
    nothing to cut).
    """
    end = _HEAD_END.search(html)
    if end is None:
        return html
    parts = [m.group(0) for m in _BODY_PARTS.finditer(html, end.start())]
    return f"{html[: end.start()]}</head><body>{''.join(parts)}</body></html>"


def _json_ld(tree: HtmlElement, doc: Document) -> Document:
    """trafilatura's ``extract_meta_json`` without its whitespace minifier and only on schema.org blocks.

    The minifier (a regex substitution with a template, per white-space run) dominated
    the cost on pages with large JSON blocks, and ``json.loads`` ignores that white space
    anyway. A block that does not mention schema.org (a site's settings) contributes
    nothing to ``extract_json``.
    """
    for elem in tree.iter("script"):
        text = elem.text
        if not text or elem.get("type") not in _JSON_TYPES or "schema.org" not in text.lower():
            continue
        text = normalize_json(text)
        try:
            doc = extract_json(json.loads(text, strict=False), doc)
        except json.JSONDecodeError:
            doc = extract_json_parse_error(text, doc)
    return doc


def page_meta(
    html: str, url: str | None = None, date_params: dict[str, Any] | None = None, page: HtmlElement | None = None
) -> PageMeta:
    """Title, site name, author and date of a page, by trafilatura's rules, from :func:`self_description`.

    The steps and their order are those of ``trafilatura.metadata.extract_metadata`` minus
    the fields naba does not keep and the author search in the body text: meta tags, then
    JSON-LD (which overrides them), the title from headings and ``<title>`` when no markup
    names it, the canonical URL, htmldate (``date_params``: its settings), the site name
    from ``<title>`` or the domain.

    ``page`` is the whole page as trafilatura's loader parsed it, when the caller has it:
    htmldate's whole-page fallback then works on a copy of it (htmldate copies a tree it is
    handed) instead of parsing ``html`` again — a quarter of the pages need that fallback,
    and the copy costs a quarter of the parse. trafilatura's loader drops HTML comments,
    so a date only in an HTML comment (a template's version stamp) is no longer taken.
    """
    tree = parse_html(self_description(html))
    if tree is None:
        return PageMeta(url=url)
    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:  # a one-word "author" is a handle or a site
        doc.author = None
    try:
        doc = _json_ld(tree, doc)
    except Exception as err:  # as trafilatura: a quirk of the JSON-LD must not lose the page
        LOGGER.warning("JSON-LD metadata failed for %s: %s", url, err)
    doc.title = doc.title or extract_title(tree)
    doc.url = doc.url or extract_url(tree, url)
    params = {**(date_params or {}), "url": doc.url}
    doc.date = find_date(tree, **params)
    if doc.date is None:  # a date only in body markup (class="date"): then the whole page
        doc.date = find_date(html if page is None else page, **params)
    doc.sitename = doc.sitename or extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (m := META_URL.match(doc.url)):
        doc.sitename = m[1]
    doc.clean_and_trim()
    return PageMeta(title=doc.title, sitename=doc.sitename, author=doc.author, date=doc.date, url=doc.url)
