"""Tag vocabularies of the HTML walk: which elements hold no text, which start a block, and
what kind of block each makes.

>>> block_kind("h2"), block_kind("li"), block_kind("blockquote"), block_kind("div")
('heading', 'item', 'paragraph', 'line')
"""

from __future__ import annotations

from cleaner.blocks import BlockKind

__all__ = [
    "ARTICLE_TAGS",
    "BLOCK_TAGS",
    "CELL_TAGS",
    "HEADING_TAGS",
    "ITEM_TAGS",
    "PARAGRAPH_TAGS",
    "SKIP_TAGS",
    "block_kind",
]

#: Elements whose content is never text of the page.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "iframe",
        "head",
        "title",
        "meta",
        "link",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "canvas",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "picture",
        "source",
        "math",
        "frame",
        "frameset",
        "applet",
        # ruby annotations: the reading of the characters they sit on (furigana), which a
        # reader sees above the text and not as part of the sentence
        "rt",
        "rp",
    ]
)
#: Elements that start and end a block (everything else is inline).
BLOCK_TAGS = frozenset(
    [
        "html",
        "body",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "legend",
        "address",
        "details",
        "summary",
        "hr",
        "center",
        "hgroup",
        "dialog",
        "menu",
        # what a page shows without scripts is a block of its own (pre-cleaned as hidden)
        "noscript",
    ]
)
#: Elements that hold an article; a firm boilerplate element (``<aside>``) around one is
#: an unclosed tag, and the safety valve may undo it.
ARTICLE_TAGS = frozenset({"main", "article"})
#: Table cells: a row whose cells hold only inline content becomes one block.
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ITEM_TAGS = frozenset({"li", "dt", "dd"})
PARAGRAPH_TAGS = frozenset(
    {"p", "blockquote", "pre", "figcaption", "caption", "address", "summary", "legend"}
)


def block_kind(tag: str) -> BlockKind:
    """The kind of block an element of tag ``tag`` makes."""
    if tag in HEADING_TAGS:
        return "heading"
    if tag in ITEM_TAGS:
        return "item"
    if tag in PARAGRAPH_TAGS:
        return "paragraph"
    return "line"
