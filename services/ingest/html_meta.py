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
which may sit anywhere in the body. So :func:`self_description` copies that part out of
the parsed page — the head, plus the body's JSON-LD scripts, ``<h1>``–``<h3>`` headings
(the title fallbacks) and ``<time>`` elements — and :func:`page_meta` replays
``extract_metadata``'s steps, with trafilatura's and htmldate's own functions, on that
miniature page: a few kilobytes instead of the whole tree. Copying those elements from
the tree the content extraction reads anyway costs less than cutting them out of the
HTML string and parsing them again (0.4 against 1.0 ms a page on trafilatura's
evaluation set).

Given up, measured on trafilatura's evaluation pages against ``extract_metadata`` on
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
from copy import deepcopy
from dataclasses import dataclass
from html import unescape
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.json_metadata import JSON_UNICODE_REPLACE, extract_json, extract_json_parse_error
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import HTML_STRIP_TAGS, trim

from services.ingest.html_tree import PARSER

LOGGER = logging.getLogger(__name__)

_JSON_TYPES = {"application/ld+json", "application/settings+json"}
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(slots=True, frozen=True)
class PageMeta:
    """trafilatura's metadata fields that naba keeps (raw: not yet normalised)."""

    title: str | None = None
    sitename: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD, htmldate's answer
    url: str | None = None  # canonical link, or the URL the page was fetched from


# the body's elements that describe the page: JSON-LD (headline, author, datePublished),
# headings (trafilatura's title fallbacks) and <time> (htmldate's best cue in the body)
_BODY_TAGS = ("script", "h1", "h2", "h3", "time")


def self_description(page: HtmlElement) -> HtmlElement:
    """A new page made of copies of ``page``'s head and the JSON-LD, ``<h1>``–``<h3>`` and ``<time>`` after it.

    ``page`` itself is left as it was. Scripts between ``</head>`` and ``<body>`` count
    (libxml2 keeps them there); a page without a head (broken markup, where libxml2 puts
    ``<title>`` in the body) gets one made of its ``<title>``, ``<meta>`` and ``<link>``
    elements. A heading or ``<time>`` inside another one is copied with it, not again.
    """
    root = PARSER.makeelement("html")
    head = page.find("head")
    if head is None:
        head = etree.SubElement(root, "head")
        head.extend(deepcopy(el) for el in page.iter("title", "meta", "link"))
    else:
        root.append(deepcopy(head))
    body = etree.SubElement(root, "body")
    copied: set[HtmlElement] = set()
    for child in page:
        if child.tag == "head":
            continue
        for el in child.iter(_BODY_TAGS):
            if el.tag == "script" and (el.get("type") or "").strip().lower() not in _JSON_TYPES:
                continue
            if el.tag != "script" and copied and any(a in copied for a in el.iterancestors()):
                continue
            copied.add(el)
            part = deepcopy(el)
            part.tail = None
            body.append(part)
    return root


def normalize_json(text: str) -> str:
    """trafilatura's ``normalize_json``, with its lone-surrogate filter as one regex substitution.

    trafilatura drops surrogates with a Python generator over every character of the
    string; on a JSON-LD block with escaped slashes («https:\\/\\/…», which sends every
    block through that branch) that loop cost 0.4 ms a page on trafilatura's evaluation set.
    """
    if "\\" in text:
        text = text.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        text = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), text)
        text = _SURROGATES.sub("", text)
        text = unescape(text)
    return trim(HTML_STRIP_TAGS.sub("", text))


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


def page_meta(page: HtmlElement, url: str | None = None, date_params: dict[str, Any] | None = None) -> PageMeta:
    """Title, site name, author and date of a page, by trafilatura's rules, from :func:`self_description`.

    The steps and their order are those of ``trafilatura.metadata.extract_metadata`` minus
    the fields naba does not keep and the author search in the body text: meta tags, then
    JSON-LD (which overrides them), the title from headings and ``<title>`` when no markup
    names it, the canonical URL, htmldate (``date_params``: its settings), the site name
    from ``<title>`` or the domain.

    ``page`` is the whole page as :func:`~services.ingest.html_tree.parse_html` parsed it;
    it is not changed. When the small copy has no date, htmldate's whole-page fallback
    reads a copy of ``page`` (htmldate copies a tree it is handed). The parser drops HTML
    comments, so a date only in an HTML comment (a template's version stamp) is not taken.
    """
    tree = self_description(page)
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
        doc.date = find_date(page, **params)
    doc.sitename = doc.sitename or extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (m := META_URL.match(doc.url)):
        doc.sitename = m[1]
    doc.clean_and_trim()
    return PageMeta(title=doc.title, sitename=doc.sitename, author=doc.author, date=doc.date, url=doc.url)
