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
#: The attributes an element's pre-cleaning answer depends on, read in one ``map`` call;
#: a valueless attribute (``hidden``) reads as ``None``, an absent one as :data:`_ABSENT`.
_KEY_ATTRIBUTES = ("class", "id", "role", "hidden", "aria-hidden", "style")
_ABSENT: Any = object()
_KEY_DEFAULTS = (None, None, None, _ABSENT, None, None)
#: The attributes whose values are an inline element's hints (the capture cache's key).
_HINT_KEY_ATTRIBUTES = ("id", "class", "itemprop", "rel")

_WS = re.compile(r"\s+")
_RUN_BREAK = "\x00"  # two <br> in a row: the run splits into two blocks
#: A soft hyphen marks where a word may break; it is not part of the word (pages that
#: hyphenate their body text put one in every other syllable).
_SOFT_HYPHEN = "\xad"

#: A block as the walk finds it: owner element, its depth (elements from the root down to
#: the owner), text, characters inside links.
RawBlock = tuple[int, int, str, int]


class Walk:
    """The result of one walk (local to one :func:`walk_dom` call, never shared).

    Attributes:
        elements: every element walked, in document order.
        ends: per element, one past the index of the last element inside it.
        raw: the blocks of text found, in document order.
        times: ``(raw block count, datetime)`` of each ``<time datetime>``.
        inline: ``(raw block count, hints, text)`` of each captured inline element.
        holds_article: firm boilerplate elements (``<aside>``...) around an article.
    """

    __slots__ = ("elements", "ends", "holds_article", "inline", "raw", "times")

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.ends: list[int] = []
        self.raw: list[RawBlock] = []
        self.times: list[tuple[int, str]] = []
        self.inline: list[tuple[int, str, str]] = []
        self.holds_article: set[int] = set()


def _run_parts(text: str) -> list[str]:
    """The text of a run as blocks: soft hyphens dropped, split at ``<br><br>``, white
    space collapsed, normalised when it is not plain printable ASCII; empty parts left out.

    >>> _run_parts(" One" + _SOFT_HYPHEN + "two " + _RUN_BREAK + " three ")
    ['Onetwo', 'three']
    """
    if _SOFT_HYPHEN in text:
        text = text.replace(_SOFT_HYPHEN, "")
    parts = []
    for piece in text.split(_RUN_BREAK) if _RUN_BREAK in text else (text,):
        part = " ".join(piece.split())
        if part and not (part.isascii() and part.isprintable()):
            part = normalize(part).strip()
        if part:
            parts.append(part)
    return parts


#: Stack markers of :func:`walk_dom` (elements are entered as nodes and left as their
#: index, ``>= 0``): leaving a link, leaving an article element (``-index - 2``).
_LEAVE_LINK = -1


def walk_dom(
    root: Any, capture: re.Pattern[str] | None, heading_capture: re.Pattern[str] | None = None
) -> Walk:
    """Walk the elements under ``root`` (a selectolax node) once, in document order.

    Inline elements whose hints match ``capture``, or ``heading_capture`` inside an
    ``<h1>`` (searched there only: a headline's kicker), are recorded with their own text.
    """
    state = Walk()
    elements, ends, raw, holds_article = state.elements, state.ends, state.raw, state.holds_article
    open_: list[int] = []  # the elements the walk is inside, outermost first
    pieces: list[str] = []  # the current run of text, not yet a block
    link_chars = 0  # characters inside links of the current run
    links = 0  # links the walk is inside
    in_article = 0  # article elements the walk is inside
    pending_br = False  # the last thing seen was a <br>

    def flush() -> None:
        """End the current run of text (``pieces`` holds some): it becomes one block, or
        several when ``<br><br>`` splits it."""
        nonlocal link_chars
        text = "".join(pieces)
        pieces.clear()
        run_links, link_chars = link_chars, 0
        if _RUN_BREAK not in text and _SOFT_HYPHEN not in text:
            # the usual run, one block: what _run_parts does, without its list
            part = " ".join(text.split())
            if part and not (part.isascii() and part.isprintable()):
                part = normalize(part).strip()
            if part:
                raw.append((open_[-1], len(open_), part, run_links))
            return
        parts = _run_parts(text)
        if not parts:
            return
        owner, depth = open_[-1], len(open_)
        if len(parts) == 1:
            raw.append((owner, depth, parts[0], run_links))
            return
        total = sum(len(p) for p in parts)
        raw.extend((owner, depth, p, round(run_links * len(p) / total)) for p in parts)

    # pages repeat class names (a hundred "menu-item"): one answer per distinct element
    matched: dict[tuple[Any, ...], SelectorGroup | None] = {}
    # (id, class, itemprop, rel) -> the hints when ``capture`` finds them, else ""
    captured: dict[tuple[str | None, ...], str] = {}
    # the elements being walked, each followed by the ints to handle on leaving it: the
    # index of a recorded element, or a marker; the walk goes on at the element's next
    # sibling (children are read first to last, no node is pushed but an element)
    stack: list[Any] = []
    pop, push = stack.pop, stack.append
    new_element = tuple.__new__
    node = root
    while True:
        if node is None:  # the last child was walked: leave its parent
            if not stack:  # the root was neither text nor an element entered
                break
            item = pop()
            while item.__class__ is int:
                if item >= 0:  # leaving an element
                    if pieces and elements[item].tag in BLOCK_TAGS:
                        flush()
                    open_.pop()
                    ends[item] = len(elements)
                elif item == _LEAVE_LINK:
                    links -= 1
                else:
                    in_article -= 1
                item = pop()
            if not stack:  # the root was left: its siblings are not walked
                break
            node = item.next
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text:
                pending_br = False
                # white space alone opens no run (the run would be dropped as blank)
                if pieces or not text.isspace():
                    pieces.append(text)
                    if links:
                        link_chars += len(text.strip())
            node = node.next if stack else None
            continue
        # selectolax names elements only: any other node is None, "-comment", "-doctype"...
        if not tag or tag in SKIP_TAGS or tag[0] == "-":
            node = node.next if stack else None
            continue
        if tag == "br":
            pieces.append(_RUN_BREAK if pending_br else " ")
            pending_br = not pending_br
            node = node.next if stack else None
            continue
        pending_br = False
        is_block = tag in BLOCK_TAGS
        if is_block and pieces:
            flush()
        attrs = node.attributes
        group = None
        if tag in GROUP_TAGS or (attrs and not _MATCHED_ATTRIBUTES.isdisjoint(attrs)):
            key = (tag, *map(attrs.get, _KEY_ATTRIBUTES, _KEY_DEFAULTS))
            if key in matched:
                group = matched[key]
            else:
                _, classes, element_id, role, hidden, aria_hidden, style = key
                group = matched[key] = match_group(
                    tag,
                    classes,
                    element_id,
                    role,
                    hidden=hidden is not _ABSENT or aria_hidden == "true",
                    style=style,
                )
        if tag == "time" and attrs.get("datetime"):
            state.times.append((len(raw), attrs["datetime"] or ""))
        if (
            not is_block
            and capture is not None
            and attrs
            and ("class" in attrs or "itemprop" in attrs or "rel" in attrs)
        ):
            hint_key = tuple(map(attrs.get, _HINT_KEY_ATTRIBUTES))
            if hint_key in captured:
                hints = captured[hint_key]
            else:
                hints = element_hints(attrs)
                hints = captured[hint_key] = hints if hints and capture.search(hints) else ""
            if not hints and heading_capture is not None and open_:
                in_h1 = elements[open_[-1]].tag == "h1"
                hints = element_hints(attrs) if in_h1 else ""
                hints = hints if hints and heading_capture.search(hints) else ""
            if hints:
                text = _WS.sub(" ", node.text(deep=True, separator=" ")).strip()
                if text:
                    state.inline.append((len(raw), hints, text))
        push(node)  # the walk goes on at its next sibling
        if tag == "a" and not links:
            links = 1
            push(_LEAVE_LINK)  # popped after the link's content
        if not is_block and group is None:
            # an inline element: its text joins the current run, it needs no entry of its
            # own (most elements of a page: links, spans, emphasis, images)
            node = node.first_child
            continue
        index = len(elements)
        # tuple.__new__ directly: a named tuple's own __new__ is one Python call more
        elements.append(new_element(Element, (tag, open_[-1] if open_ else -1, attrs, group)))
        ends.append(index + 1)  # set again on leaving it
        if tag in ARTICLE_TAGS:
            # a nav/aside/footer around the article is an unclosed tag, not boilerplate
            holds_article.update(i for i in open_ if elements[i].tag in FIRM_TAGS)
            in_article += 1
            push(-index - 2)  # leaving it: the counter goes down again
        elif (
            tag in FIRM_TAGS
            and not in_article
            and group is not None
            and node.css_first("main, article") is None
        ):
            # page-level navigation, sidebar or footer: one block, the subtree is not walked
            text = normalize(_WS.sub(" ", node.text(deep=True, separator=" "))).strip()
            if text:
                raw.append((index, len(open_) + 1, text, len(text)))
            node = None  # left at once
            continue
        open_.append(index)
        if tag in CELL_TAGS:
            pieces.append(" ")
        push(index)
        node = node.first_child
    if pieces:
        flush()
    return state
