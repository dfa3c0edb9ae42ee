"""Parse a page once, as trafilatura's loader does, with element classes chosen in C.

lxml.html's parser picks the Python class of each element proxy in a Python callback
(``HtmlElementClassLookup``: ``<form>``, ``<input>``, ``<label>`` … get classes of their
own). trafilatura, its fall-backs and htmldate create a new proxy for almost every
element they visit, again and again, so on trafilatura's evaluation pages that callback
alone took about 5 % of the extraction. Here every element is a plain
:class:`~lxml.html.HtmlElement` (the class lookup runs inside libxml2's binding): the
same API, minus the form helpers that neither trafilatura nor htmldate nor naba use.
``bench/trafilatura_eval.py`` checks the outcome, and trafilatura's text was identical
on all 1,040 pages of its test data.

The steps are those of ``trafilatura.utils.load_html`` for a decoded string (repairs
for libxml2, the fall-back to bytes, the rejection of what is not HTML), with this
parser instead of trafilatura's module-level one, and one repair done faster: see
:func:`repair_html`.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html

LOGGER = logging.getLogger(__name__)


def _parser() -> HTMLParser:
    # trafilatura's parser settings: comments and processing instructions are dropped
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
        )
    )
    return parser


PARSER = _parser()


# characters XML forbids, which libxml2 chokes on (trafilatura's INVALID_XML_CHARS)
_INVALID_XML = (*map(chr, (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))), "\ufffe", "\uffff")


def repair_html(html: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html``, without a regex scan of pages that need none.

    Its first step deletes control characters with a character-class substitution over
    the whole page: about 1 ms on a 150 kB page, nearly all of it spent finding nothing.
    One ``str.find`` per forbidden character (memchr-fast) costs a third of that, and the
    substitution runs only on the rare page that has one. The other two repairs are
    trafilatura's, unchanged.
    """
    if any(ch in html for ch in _INVALID_XML):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # libxml2 issue: https://bugs.launchpad.net/lxml/+bug/1955915
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=PARSER)
    except Exception as err:  # as trafilatura: a page libxml2 cannot read is no page
        LOGGER.warning("lxml could not parse the page as bytes: %s", err)
    return None


def parse_html(html: str) -> HtmlElement | None:
    """The page's tree, or None when the string is not HTML (a single block without an ``html`` tag)."""
    beginning = html[:50].lower()
    html = repair_html(html, beginning)
    tree: HtmlElement | None = None
    from_bytes = False
    try:
        tree = fromstring(html, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, from_bytes = _from_bytes(html), True
    except Exception as err:
        LOGGER.warning("lxml could not parse the page: %s", err)
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(html)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


# code and drawings: scripts other than JSON-LD, style sheets, inline SVG (icons: a share bar's
# logos are hundreds of <path> elements); and the void <meta> and <link> elements (6 % of a
# page's elements), which hold no text and which no extractor counts
_CODE = etree.XPath("//script[not(@type='application/ld+json')]|//style|//svg|//meta|//link")


def drop_code(tree: HtmlElement) -> None:
    """Remove what holds no text from a parsed page, keeping the text that follows each element.

    trafilatura removes these elements too, but only from the copies its main extractor
    reads: before that it copies the whole tree about five times, and its fall-backs
    (readability, jusText, the baseline) walk every element of the raw page. Removing
    them once, up front, cut naba's HTML path by about 2 ms a page (24.6 → 22.5 ms on
    trafilatura's evaluation pages), and the title, text, date and author were identical
    on all 1,040 of them. ``<meta>`` and ``<link>`` go too (0.6 % of the path in an
    alternating A/B; output identical on the 1,040 pages). JSON-LD stays: trafilatura's
    baseline reads an ``articleBody`` from it and its forum detection a
    ``DiscussionForumPosting``. The page's metadata is read before
    (:mod:`services.ingest.html_meta`): htmldate also looks at scripts and at ``<meta
    itemprop>`` in the body.
    """
    for el in _CODE(tree):
        el.drop_tree()
