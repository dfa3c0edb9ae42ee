"""Reader comments in the markup: find them, and drop the lines of trafilatura's text that come from them.

trafilatura removes comment sections whose ``class`` or ``id`` *starts* with «comment»
(``comment-list``, ``comments-area``, ``#comments``, ``#disqus_thread``). Many sites name
them otherwise — ``kb-comments``, ``ds-mb comment-item``, ``tt-comments``, ``fb-comments``,
Reddit's ``Comment`` class and ``data-test-id="comment"``, schema.org
``itemtype=".../Comment"``/``UserComments``, ``itemprop="comment"``, ``role="comment"`` —
and when such a thread has no header and no comment-form boilerplate, its posts come
out of trafilatura as ordinary paragraphs, which the line rules of
:mod:`services.ingest.boilerplate` cannot tell from the article.

The markup can. :func:`comment_sections` finds every element one of whose attribute
*tokens* (the value lower-cased and split on spaces, ``-``, ``_``, ``:``, ``/``, ``.``,
``#``) is a comment word, so that ``kb-comments`` and ``https://schema.org/Comment``
match while ``commentary`` (an opinion column) and ``commentCount`` do not.

Why the matched sections are *not* pruned from the tree before trafilatura runs:
trafilatura's choice of the main block, its fall-backs and its recall retry all
depend on how much text the page holds, so removing a comment section (or even a
«953 comments» button) changes which block wins on some pages — on trafilatura's
evaluation set that cost a full recipe and several lead paragraphs. Instead
trafilatura runs on the whole page and :func:`drop_comment_lines` removes afterwards
each line of its text that occurs on the page *only* inside a comment section. A
sentence of the article quoted by a reader stays (it also occurs outside), a reply
quoting the article goes (it holds more than the quote).

Guards against naming accidents, each seen on real pages:

* a matched element that holds the page's ``<h1>`` or its ``itemprop="articleBody"``
  is the article, whatever its class says (``comments-open`` on a post wrapper);
* tokens that describe a state of the whole post (``comments-open``, ``has-comments``,
  ``comments-closed``) or editorial commentary (``live-match-comment`` in a live ticker,
  ``editorial-…__comment`` on a photo gallery) exclude the element.

The cost is a few XPath passes over the elements' attributes in libxml2 (about 1.5 ms on
a 300 kB page, a few per cent of the extraction; see :func:`_candidates`), a token check
of the few candidates, and on the pages where a line of trafilatura's text occurs inside
a comment section one ``text_content`` of the page — on a tree trafilatura would
otherwise parse itself (it works on a copy, about 1 ms).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from unicodedata import normalize

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from services.ingest import boilerplate as bp
from services.ingest.html_tree import parse_html

# attribute tokens naming a reader-comment section or a single comment, in the languages
# naba's sources publish in; Arabic sites name them in English («comments», «tt-comments»),
# an Arabic ``aria-label`` or ``id`` is matched too
COMMENT_TOKENS: tuple[str, ...] = (
    "comment", "comments", "usercomments", "replies", "talkback", "talkbacks", "disqus",
    "kommentar", "kommentare", "commentaire", "commentaires", "comentario", "comentarios",
    "commenti", "komentarz", "komentarze", "yorumlar",
    "تعليق", "تعليقات", "التعليقات",
)  # fmt: skip
# tokens that, next to a comment token on the same element, say it is not a reader comment:
# a state of the whole post, or editorial commentary (live tickers, galleries, editors' notes)
NOT_COMMENT_TOKENS: tuple[str, ...] = (
    "open", "closed", "enabled", "disabled", "allowed", "has", "with",
    "live", "liveblog", "ticker", "editorial", "editor",
)  # fmt: skip
# where a page names its parts: class/id, microdata, ARIA, test hooks of component frameworks
ATTRIBUTES: tuple[str, ...] = (
    "class", "id", "itemprop", "itemtype", "role", "aria-label", "data-testid", "data-test-id",
)  # fmt: skip

_ATTRIBUTE_NAMES = frozenset(ATTRIBUTES)
# a cheap first test of the attribute values: a comment word anywhere in one, matched case-sensitively
# (as XPath's ``contains()`` does) on the stem without its first letter plus an all-capitals variant, so
# «Comment», «kommentar», «komentarz», «comentario», «COMMENTS» all pass; the few candidates are then
# split into tokens («commentary», «commentCount» fail there)
STEMS: tuple[str, ...] = (
    "omment", "OMMENT", "omentar", "OMENTAR", "eplies", "EPLIES", "alkback", "ALKBACK",
    "isqus", "ISQUS", "orumlar", "ORUMLAR", "تعليق",
)  # fmt: skip
_TOKEN_SPLIT = re.compile(r"[\s\-_:/.#]+")
_COMMENT_TOKENS = frozenset(COMMENT_TOKENS)
_NOT_COMMENT_TOKENS = frozenset(NOT_COMMENT_TOKENS)


def attribute_tokens(el: HtmlElement) -> set[str]:
    """The lower-cased words of the attributes in :data:`ATTRIBUTES` («kb-comments» → kb, comments)."""
    tokens: set[str] = set()
    for name, value in el.items():
        if name in _ATTRIBUTE_NAMES:
            tokens.update(_TOKEN_SPLIT.split(value.lower()))
    tokens.discard("")
    return tokens


# the values of one naming attribute over a subtree, as plain strings: libxml2 collects them
# without creating a Python object per element
_VALUES: tuple[tuple[str, etree.XPath], ...] = tuple(
    (name, etree.XPath(f"descendant-or-self::*/@{name}", smart_strings=False)) for name in ATTRIBUTES
)
_ARTICLE_BODY = etree.XPath("descendant-or-self::*[@itemprop='articleBody']")


@lru_cache(maxsize=512)
def _marked_xpath(pairs: tuple[tuple[str, str], ...]) -> etree.XPath:
    """Elements whose attribute ``name`` contains ``stem``, for each (name, stem) pair, in document order."""
    return etree.XPath("descendant-or-self::*[{}]".format(" or ".join(f"contains(@{n},'{s}')" for n, s in pairs)))


def _candidates(root: HtmlElement) -> list[HtmlElement]:
    """The elements of ``root`` (itself included) with a comment stem somewhere in a naming attribute.

    A walk in Python over every element's attributes cost about 3 ms on a 300 kB page. Here
    libxml2 does the walking: one XPath per naming attribute returns its values as plain
    strings, substring tests tell which :data:`STEMS` occur in which attribute (on most
    pages a couple), and one XPath with ``contains()`` for just those pairs returns the
    elements. (An XPath that tests every attribute for every stem, or lower-cases values
    with ``translate()``, measured slower than the walk.)
    """
    pairs: list[tuple[str, str]] = []
    for name, values in _VALUES:
        if text := "\n".join(values(root)):
            pairs.extend((name, stem) for stem in STEMS if stem in text)
    return _marked_xpath(tuple(pairs))(root) if pairs else []


def is_comment_marked(el: HtmlElement) -> bool:
    """A comment token and no excluding token among the element's naming attributes."""
    tokens = attribute_tokens(el)
    return not tokens.isdisjoint(_COMMENT_TOKENS) and tokens.isdisjoint(_NOT_COMMENT_TOKENS)


def comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost comment-marked elements of a page's body, in document order.

    An element holding the page's ``<h1>`` or its ``itemprop="articleBody"`` is the
    article whatever its class says; comment sections inside it still count. Those
    anchors are only looked up on pages that have a comment-marked element.
    """
    body = tree.find("body")
    root = tree if body is None else body
    found = [el for el in _candidates(root) if is_comment_marked(el)]
    if not found:
        return []
    anchors = [*root.iter("h1"), *_ARTICLE_BODY(root)]
    article = set(anchors)
    for anchor in anchors:
        article.update(anchor.iterancestors())
    found = [el for el in found if el not in article]
    inside = set(found)
    return [el for el in found if not any(a in inside for a in el.iterancestors())]


# besides white space: table pipes («| a | b |» is how trafilatura writes a table row) and the invisible
# format characters trafilatura deletes as non-printable (RLM/LRM, ZWNJ, soft hyphen, BOM)
_IGNORED = re.compile(r"[|\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
# a line shorter than this must be a whole text run (or line) of a comment, not any piece of one; longer
# pieces are what trafilatura makes of inline markup («<b>name</b><span>date</span>» → «name date»)
MIN_FRAGMENT = 12


def _key(text: str) -> str:
    """Compare texts without white space: trafilatura and ``text_content`` space inline markup differently.

    ``str.split`` removes the white space (the same characters as the regex ``\\s``) at half
    the cost of a substitution, which matters on the whole page's text.
    """
    return normalize("NFC", _IGNORED.sub("", "".join(text.split())))


class CommentText:
    """What the page says inside its comment sections, and what it says anywhere else.

    Built from a tree the caller owns and no longer needs: the comment sections,
    scripts and styles are removed from it to get the text outside them — on the first
    line that occurs inside a comment section, as most pages with comment sections have
    no such line in trafilatura's text (16 of 211 on trafilatura's evaluation pages).
    """

    __slots__ = ("_blocks", "_outside", "_sections", "_tree", "inside")

    def __init__(self, tree: HtmlElement) -> None:
        sections = comment_sections(tree)
        self._tree = tree
        self._sections = sections
        self._outside: str | None = None
        self._blocks: set[str] | None = None
        self.inside = "\x00".join(_key(el.text_content()) for el in sections)

    @property
    def blocks(self) -> set[str]:
        """Each run of text between tags (a user name, a date, «Antworten») and each line of a comment section.

        Computed on the first short line found inside a section: every block is part of
        :attr:`inside`, so a line that is not is rejected without them.
        """
        if self._blocks is None:
            blocks: set[str] = set()
            for section in self._sections:
                blocks.update(map(_key, section.itertext()))
                # a comment written in several lines comes out of trafilatura line by line
                blocks.update(map(_key, section.text_content().splitlines()))
            blocks.discard("")
            self._blocks = blocks
        return self._blocks

    @property
    def outside(self) -> str:
        """The page's text outside the comment sections (computed once, taking the tree apart)."""
        if self._outside is None:
            for section in self._sections:
                section.drop_tree()  # keeps the tail text, which belongs to the parent
            # code, not text: a JSON-LD copy of the comments must not make them look like page text
            etree.strip_elements(self._tree, "script", "style", with_tail=False)
            self._outside = _key(self._tree.text_content())
        return self._outside

    def __bool__(self) -> bool:
        return bool(self.inside)

    def is_comment(self, line: str) -> bool:
        """A line found on the page only inside comment sections."""
        stripped = line.strip()
        if stripped.startswith("- "):  # trafilatura's list-item marker
            stripped = stripped[2:]
        k = _key(stripped)
        if not k or k not in self.inside or (len(k) < MIN_FRAGMENT and k not in self.blocks):
            return False
        return k not in self.outside


def drop_comment_lines(text: str, comments: CommentText) -> tuple[str, list[str]]:
    """trafilatura's text without the lines that come from comment sections, and those lines."""
    if not comments or not text:
        return text, []
    kept: list[str] = []
    dropped: list[str] = []
    for line in text.split("\n"):
        # a comments header («Kommentare», «3 تعليقات») stays: the line rules cut the whole
        # comments zone from it, including posts in markup this module does not recognise
        if comments.is_comment(line) and not bp.is_comments_start(line):
            dropped.append(line)
        else:
            kept.append(line)
    return "\n".join(kept), dropped


def bare_extraction(html: str | HtmlElement, **options: Any) -> Document | dict[str, Any] | None:
    """``trafilatura.bare_extraction`` of the whole page, with the reader-comment lines dropped from its text.

    Same arguments and result as trafilatura's (its ``Document``, ``None`` when it finds
    nothing). The page is parsed once (:func:`~services.ingest.html_tree.parse_html`) — here, or by the
    caller who hands over that tree (and must read it before: on pages where a line comes
    from a comment section, :class:`CommentText` takes it apart). Handed a tree,
    ``bare_extraction`` works on a copy of it, so the original is intact afterwards and is
    read for the comment sections.
    """
    tree = html if isinstance(html, HtmlElement) else parse_html(html)
    if tree is None:
        return trafilatura.bare_extraction(html, **options)
    doc = trafilatura.bare_extraction(tree, **options)
    if isinstance(doc, Document) and doc.text:  # not with ``as_dict=True``
        doc.text, _ = drop_comment_lines(doc.text, CommentText(tree))
    return doc
