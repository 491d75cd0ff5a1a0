"""Turn an HTML page into blocks, pre-removals and page metadata.

>>> page = parse_html("<html><body><nav><a>Home</a></nav><article><h1>Title</h1>"
...                   "<p>" + "A sentence of the article body that carries the story. " * 3 + "</p></article></body></html>")
>>> [(b.text[:12], b.where) for b in page.blocks]
[('Home', 'html > body > nav > a'), ('Title', 'html > body > article > h1'), ('A sentence o', 'html > body > article > p')]
>>> sorted(page.removed.values())
[('html', 'html.not-main-content')]
"""

from __future__ import annotations

import dataclasses
import re

import trafilatura
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.blocks import Block, BlockKind
from cleaner.html.page_metadata import page_metadata
from cleaner.metadata.fields import Metadata
from cleaner.options import Options
from cleaner.rules import rule

__all__ = ["ParsedHtml", "parse_html"]

NOT_MAIN = rule("html.not-main-content")

#: Elements whose own text is never content.
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
#: Elements that make one block each (when they hold no other block element).
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th dt dd figcaption caption address "
    "div section article header footer nav aside main form table ul ol dl figure a span".split()
)
_LEAF_BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dt dd figcaption caption td th".split())
_WS = re.compile(r"\s+")


@dataclasses.dataclass(frozen=True, slots=True)
class ParsedHtml:
    blocks: list[Block]
    removed: dict[int, tuple[str, str]]
    metadata: Metadata


def _path(node: LexborNode) -> str:
    parts: list[str] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in (None, "-undef", "#document"):
        parts.append(current.tag or "")
        current = current.parent
    return " > ".join(reversed(parts))


def _kind(tag: str) -> BlockKind:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag in ("li", "dt", "dd"):
        return "item"
    return "paragraph"


def _segment(tree: LexborHTMLParser) -> list[Block]:
    body = tree.body
    if body is None:
        return []
    blocks: list[Block] = []
    for node in body.traverse(include_text=False):
        tag = node.tag or ""
        if tag not in _LEAF_BLOCK_TAGS and tag not in ("div", "section", "article", "a", "span"):
            continue
        if tag not in _LEAF_BLOCK_TAGS:
            # containers contribute only text not inside a block child
            text = node.text(deep=False, separator=" ")
            if tag in ("a", "span"):
                parent = node.parent
                if parent is None or (parent.tag or "") not in ("div", "section", "article", "nav",
                                                                 "header", "footer", "aside", "main", "body"):
                    continue
                text = node.text(deep=True, separator=" ")
        else:
            if any((child.tag or "") in _LEAF_BLOCK_TAGS for child in node.iter(include_text=False)
                   if child is not node) and tag in ("li", "td", "th", "blockquote", "dd"):
                text = node.text(deep=False, separator=" ")
            else:
                text = node.text(deep=True, separator=" ")
        text = _WS.sub(" ", text).strip()
        if not text:
            continue
        links = sum(len(a.text(deep=True)) for a in node.css("a")) if tag not in ("a",) else len(text)
        blocks.append(Block(len(blocks), text, text, _kind(tag), _path(node), group=len(blocks),
                            link_density=min(1.0, links / max(1, len(text)))))
    return blocks


def _main_text(html: str) -> str:
    extracted = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    return _WS.sub(" ", extracted)


def parse_html(html: str, *, options: Options | None = None) -> ParsedHtml:
    """Parse once; return blocks, the blocks the main-content extractor left out, metadata."""
    tree = LexborHTMLParser(html)
    meta = page_metadata(tree)
    tree.strip_tags(list(_DROP_TAGS))
    blocks = _segment(tree)
    main = _main_text(html)
    removed = {b.index: ("html", NOT_MAIN) for b in blocks if b.text not in main}
    return ParsedHtml(blocks, removed, meta)
