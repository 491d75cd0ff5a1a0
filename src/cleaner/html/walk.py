"""The one walk over the DOM: elements in document order, the raw blocks of text found in
them, and what the pre-cleaning groups say about each element.

The text of each block is normalised here (mojibake repaired, NFC, control characters
dropped), not the markup around it: ftfy over a whole page of markup costs more than the
rest of the front end. Two ``<br>`` in a row split a run of inline text.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<body><div><p>One <a href="/">two</a></p>a<br><br>b</div></body>')
>>> [(block[2], block[3]) for block in walk_dom(tree.root, None).raw]
[('One two', 3), ('a', 0), ('b', 0)]
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.html.page_model import Element, element_hints
from cleaner.html.preclean import FIRM_TAGS, GROUP_TAGS, SelectorGroup, match_group
from cleaner.html.tags import ARTICLE_TAGS, BLOCK_TAGS, CELL_TAGS, SKIP_TAGS
from cleaner.normalize import normalize

__all__ = ["RawBlock", "Walk", "walk_dom"]

#: Attributes a pre-cleaning group looks at; an element without any is not matched.
_MATCHED_ATTRIBUTES = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})

_WS = re.compile(r"\s+")
_RUN_BREAK = "\x00"  # two <br> in a row: the run splits into two blocks
#: A soft hyphen marks where a word may break; it is not part of the word (pages that
#: hyphenate their body text put one in every other syllable).
_SOFT_HYPHEN = "\xad"

#: A block as the walk finds it: owner element, its depth (elements from the root down to
#: the owner), text, characters inside links.
RawBlock = tuple[int, int, str, int]


class Walk:
    """Mutable state and result of one walk (local to one :func:`walk_dom` call, never shared)."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        #: per element, one past the index of the last element inside it
        self.ends: list[int] = []
        self.open: list[int] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.raw: list[RawBlock] = []
        self.times: list[tuple[int, str]] = []
        self.inline: list[tuple[int, str, str]] = []
        self.holds_article: set[int] = set()
        self.in_article = 0

    def flush(self) -> None:
        """End the current run of text: it becomes one block (or several, split at ``<br><br>``)."""
        if not self.pieces:
            return
        text = "".join(self.pieces)
        self.pieces.clear()
        link_chars, self.link_chars = self.link_chars, 0
        if text.isspace():
            return
        if _SOFT_HYPHEN in text:
            text = text.replace(_SOFT_HYPHEN, "")
        parts = []
        for piece in text.split(_RUN_BREAK) if _RUN_BREAK in text else (text,):
            part = " ".join(piece.split())
            if part and not (part.isascii() and part.isprintable()):
                part = normalize(part).strip()
            if part:
                parts.append(part)
        if not parts:
            return
        owner, depth = self.open[-1], len(self.open)
        if len(parts) == 1:
            self.raw.append((owner, depth, parts[0], link_chars))
            return
        total = sum(len(p) for p in parts)
        for part in parts:
            self.raw.append((owner, depth, part, round(link_chars * len(part) / total)))


def walk_dom(root: Any, capture: re.Pattern[str] | None) -> Walk:
    """Walk the elements under ``root`` (a selectolax node) once, in document order.

    Inline elements whose hints match ``capture`` are recorded with their own text.
    """
    state = Walk()
    elements, ends, pieces, open_ = state.elements, state.ends, state.pieces, state.open
    # pages repeat class names (a hundred "menu-item"): one answer per distinct element
    matched: dict[tuple[Any, ...], SelectorGroup | None] = {}
    # stack entries: (node, in_link) to enter, or (None, element index) to leave
    stack: list[tuple[Any, Any]] = [(root, False)]
    pending_br = False
    while stack:
        node, flag = stack.pop()
        if node is None:
            if flag < 0:
                state.in_article -= 1
                continue
            if elements[flag].tag in BLOCK_TAGS:
                state.flush()
            open_.pop()
            ends[flag] = len(elements)
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text:
                pending_br = False
                pieces.append(text)
                if flag:
                    state.link_chars += len(text.strip())
            continue
        if not tag or tag in SKIP_TAGS or tag[0] == "-" or not node.is_element_node:
            continue
        if tag == "br":
            pieces.append(_RUN_BREAK if pending_br else " ")
            pending_br = not pending_br
            continue
        pending_br = False
        is_block = tag in BLOCK_TAGS
        if is_block:
            state.flush()
        attrs = node.attributes
        group = None
        if tag in GROUP_TAGS or (attrs and not _MATCHED_ATTRIBUTES.isdisjoint(attrs)):
            key = (
                tag,
                attrs.get("class"),
                attrs.get("id"),
                attrs.get("role"),
                "hidden" in attrs or attrs.get("aria-hidden") == "true",
                attrs.get("style"),
            )
            if key in matched:
                group = matched[key]
            else:
                group = matched[key] = match_group(*key[:4], hidden=key[4], style=key[5])
        if tag == "time" and attrs.get("datetime"):
            state.times.append((len(state.raw), attrs["datetime"] or ""))
        if (
            not is_block
            and capture is not None
            and attrs
            and ("class" in attrs or "itemprop" in attrs or "rel" in attrs)
        ):
            hints = element_hints(attrs)
            if hints and capture.search(hints):
                text = _WS.sub(" ", node.text(deep=True, separator=" ")).strip()
                if text:
                    state.inline.append((len(state.raw), hints, text))
        in_link = flag or tag == "a"
        if not is_block and group is None:
            # an inline element: its text joins the current run, it needs no entry of its
            # own (most elements of a page: links, spans, emphasis, images)
            child = node.last_child
            while child is not None:
                stack.append((child, in_link))
                child = child.prev
            continue
        index = len(elements)
        elements.append(Element(tag, open_[-1] if open_ else -1, attrs, group))
        ends.append(index + 1)  # set again on leaving it
        if tag in ARTICLE_TAGS:
            # a nav/aside/footer around the article is an unclosed tag, not boilerplate
            state.holds_article.update(i for i in open_ if elements[i].tag in FIRM_TAGS)
            state.in_article += 1
            stack.append((None, -index - 2))  # leaving it: the counter goes down again
        elif (
            tag in FIRM_TAGS
            and not state.in_article
            and group is not None
            and node.css_first("main, article") is None
        ):
            # page-level navigation, sidebar or footer: one block, the subtree is not walked
            text = normalize(_WS.sub(" ", node.text(deep=True, separator=" "))).strip()
            if text:
                state.raw.append((index, len(open_) + 1, text, len(text)))
            continue
        open_.append(index)
        if tag in CELL_TAGS:
            pieces.append(" ")
        stack.append((None, index))
        child = node.last_child  # pushed last to first: popped in document order
        while child is not None:
            stack.append((child, in_link))
            child = child.prev
    state.flush()
    return state
