"""Segmentation: one walk over the DOM turns the page into blocks with their features.

The text of each block is normalised here (mojibake repaired, NFC, control characters
dropped), not the markup around it: ftfy over a whole page of markup costs more than the
rest of the front end.

A block is the text of one block-level element that is not inside another block of its
own (a paragraph, a heading, a list item, a table row), or a run of inline text directly
inside a container (``<div>text <b>bold</b> tail</div>``); two ``<br>`` in a row split a
run. Each block keeps its CSS path, its link density and the chain of elements it sits
in, so the extractor can score containers without walking the tree again. The same walk
asks :mod:`cleaner.html.preclean` about every element, so pre-cleaning costs no second
pass.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<body><nav><a href="/">Home</a></nav><div id="main">'
...     '<h1>Title</h1><p>Some <a href="/x">linked</a> text.</p>Loose text<br><br>more</div>'
...     '<table><tr><td>a</td><td>b</td></tr></table></body>')
>>> page = segment_html(tree)
>>> [(s.block.text, s.block.where, s.block.kind) for s in page.segments]
[('Home', 'html > body > nav', 'line'), ('Title', 'html > body > div#main > h1', 'heading'), ('Some linked text.', 'html > body > div#main > p', 'paragraph'), ('Loose text', 'html > body > div#main', 'line'), ('more', 'html > body > div#main', 'line'), ('a b', 'html > body > table > tbody > tr', 'line')]
>>> page.segments[0].group.name if page.segments[0].group else None
'structure'
>>> round(page.segments[2].block.link_density, 2)
0.35
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from cleaner.blocks import Block, BlockKind
from cleaner.html.preclean import (
    FIRM_TAGS,
    GROUP_TAGS,
    HIDDEN_VALVE_SHARE,
    SelectorGroup,
    match_group,
    released_by_valve,
)
from cleaner.html.prose import prose_weight
from cleaner.normalize import normalize

__all__ = ["Element", "PageSegments", "Segment", "segment_html"]

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
#: Attributes a pre-cleaning group looks at; an element without any is not matched.
_MATCHED_ATTRIBUTES = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})
#: Table cells: a row whose cells hold only inline content becomes one block.
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ITEM_TAGS = frozenset({"li", "dt", "dd"})
PARAGRAPH_TAGS = frozenset(
    {"p", "blockquote", "pre", "figcaption", "caption", "address", "summary", "legend"}
)
#: How many classes of an element its CSS path names (paths stay readable).
PATH_CLASSES = 1

_WS = re.compile(r"\s+")
_RUN_BREAK = "\x00"  # two <br> in a row: the run splits into two blocks
#: A soft hyphen marks where a word may break; it is not part of the word (pages that
#: hyphenate their body text put one in every other syllable).
_SOFT_HYPHEN = "\xad"


class Element(NamedTuple):
    """One element of the walk.

    Attributes:
        tag: element name.
        parent: index of the parent element (``-1`` for the root).
        attrs: the element's attributes (as selectolax returns them).
        group: the pre-cleaning group that matched it, if any.
    """

    tag: str
    parent: int
    attrs: dict[str, str | None]
    group: SelectorGroup | None

    @property
    def step(self) -> str:
        """This element's step of a CSS path (``div#main.story``)."""
        return _step(self.tag, self.attrs)

    @property
    def hints(self) -> str:
        """Lower-cased ``id``, ``class``, ``itemprop`` and ``rel`` values, for the metadata
        readers (``"byline author-name"``)."""
        return _hints(self.attrs)


@dataclasses.dataclass(frozen=True, slots=True)
class Segment:
    """A block with the features the extractor reads.

    Attributes:
        block: the shared :class:`~cleaner.blocks.Block`.
        owner: index of the element the text belongs to (in :attr:`PageSegments.elements`).
        ancestors: element indices from the root down to ``owner``.
        tag: the owner's tag.
        chars: characters of text (whitespace collapsed).
        link_chars: characters inside links.
        group: the pre-cleaning group that removes the block, or ``None`` (after the
            safety valve).
    """

    block: Block
    owner: int
    ancestors: tuple[int, ...]
    tag: str
    chars: int
    link_chars: int
    group: SelectorGroup | None


@dataclasses.dataclass(frozen=True, slots=True)
class PageSegments:
    """The walk's result.

    Attributes:
        elements: every element walked, in document order.
        segments: the blocks with their features.
        released: elements whose pre-cleaning match the safety valve undid.
        times: ``(segment position, datetime attribute)`` of each ``<time datetime>``; the
            position is that of the block holding the element's text (approximate by one
            or two blocks where table rows were merged).
        inline: ``(segment position, hints, text)`` of inline elements whose hints
            match the ``capture`` pattern given to :func:`segment_html` (an author's name
            in ``<span class="author">`` inside a longer line).
    """

    elements: Sequence[Element]
    segments: Sequence[Segment]
    released: tuple[int, ...]
    times: tuple[tuple[int, str], ...] = ()
    inline: tuple[tuple[int, str, str], ...] = ()

    def path(self, element: int) -> str:
        """CSS path of an element."""
        return _path(self.elements, element, {})


def _path(elements: Sequence[Element], element: int, known: dict[int, str]) -> str:
    """CSS path of ``element``; ``known`` caches the paths of elements already seen."""
    if element in known:
        return known[element]
    head = elements[element]
    step = _step(head.tag, head.attrs)
    path = step if head.parent < 0 else _path(elements, head.parent, known) + " > " + step
    known[element] = path
    return path


def _hints(attrs: dict[str, str | None]) -> str:
    return " ".join(
        v
        for v in (attrs.get("id"), attrs.get("class"), attrs.get("itemprop"), attrs.get("rel"))
        if v
    ).lower()


def _step(tag: str, attrs: dict[str, str | None]) -> str:
    step = tag
    element_id = attrs.get("id")
    if element_id:
        step += "#" + element_id.strip().replace(" ", "")
    classes = (attrs.get("class") or "").split()
    if classes:
        step += "".join("." + c for c in classes[:PATH_CLASSES])
    return step


def _kind(tag: str) -> BlockKind:
    if tag in HEADING_TAGS:
        return "heading"
    if tag in ITEM_TAGS:
        return "item"
    if tag in PARAGRAPH_TAGS:
        return "paragraph"
    return "line"


class _Walk:
    """Mutable state of one walk (local to :func:`segment_html`, never shared)."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.open: list[int] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.raw: list[tuple[int, tuple[int, ...], str, int]] = []
        self.times: list[tuple[int, str]] = []
        self.inline: list[tuple[int, str, str]] = []
        self.holds_article: set[int] = set()
        self.in_article = 0

    def flush(self) -> None:
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
        owner, ancestors = self.open[-1], tuple(self.open)
        if len(parts) == 1:
            self.raw.append((owner, ancestors, parts[0], link_chars))
            return
        total = sum(len(p) for p in parts)
        for part in parts:
            self.raw.append((owner, ancestors, part, round(link_chars * len(part) / total)))


def _walk(root: Any, capture: re.Pattern[str] | None) -> _Walk:
    state = _Walk()
    elements, pieces, open_ = state.elements, state.pieces, state.open
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
            hints = _hints(attrs)
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
                state.raw.append((index, (*open_, index), text, len(text)))
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


def _apply_valve(
    elements: Sequence[Element],
    raw: Sequence[tuple[int, tuple[int, ...], str, int]],
    holds_article: set[int],
) -> tuple[list[SelectorGroup | None], tuple[int, ...]]:
    """Per raw block, the group that removes it; and the matches the valve released."""
    own_prose = [0] * len(elements)
    page_prose = hidden_prose = 0
    for _, ancestors, text, link in raw:
        weight = prose_weight(text, link)
        if not weight:
            continue
        page_prose += weight
        hidden = False
        for index in ancestors:
            group = elements[index].group
            if group is not None:
                own_prose[index] += weight
                hidden = hidden or group.name == "hidden"
        hidden_prose += weight if hidden else 0
    release_hidden = page_prose > 0 and hidden_prose > HIDDEN_VALVE_SHARE * page_prose
    released = tuple(
        i
        for i, e in enumerate(elements)
        if e.group is not None
        and (e.tag not in FIRM_TAGS or i in holds_article)
        and (
            released_by_valve(own_prose[i], page_prose)
            or (release_hidden and e.group.name == "hidden")
        )
    )
    released_set = set(released)
    groups: list[SelectorGroup | None] = []
    for _, ancestors, _, _ in raw:
        found = None
        for index in ancestors:
            candidate = elements[index].group
            if candidate is not None and index not in released_set:
                found = candidate
                break
        groups.append(found)
    return groups, released


def _merge_rows(state: _Walk) -> list[tuple[int, tuple[int, ...], str, int]]:
    """Join the cells of a table row into one block when each cell is a single block."""
    out: list[tuple[int, tuple[int, ...], str, int]] = []
    elements = state.elements
    for item in state.raw:
        owner = item[0]
        if elements[owner].tag in CELL_TAGS and elements[owner].parent >= 0:
            row = elements[owner].parent
            if out:
                last = out[-1]
                if last[0] == row or (
                    elements[last[0]].tag in CELL_TAGS
                    and elements[last[0]].parent == row
                    and last[0] != owner
                ):
                    out[-1] = (row, item[1][:-1], last[2] + " " + item[2], last[3] + item[3])
                    continue
            out.append((row, item[1][:-1], item[2], item[3]) if elements[row].tag == "tr" else item)
            continue
        out.append(item)
    return out


def segment_html(tree: Any, *, capture: re.Pattern[str] | None = None) -> PageSegments:
    """Walk ``tree`` (a selectolax ``LexborHTMLParser``) once; return its segments.

    Inline elements whose hints match ``capture`` are reported with their own text.
    """
    root = tree.root if tree.root is not None else tree.body
    if root is None:
        return PageSegments((), (), ())
    state = _walk(root, capture)
    raw = _merge_rows(state)
    groups, released = _apply_valve(state.elements, raw, state.holds_article)
    page = PageSegments(state.elements, [], released, tuple(state.times), tuple(state.inline))
    segments: list[Segment] = []
    paths: dict[int, str] = {}
    for position, ((owner, ancestors, text, link), group) in enumerate(
        zip(raw, groups, strict=True)
    ):
        tag = state.elements[owner].tag
        block = Block(
            position,
            text,
            text,
            _kind(tag),
            _path(state.elements, owner, paths),
            group=ancestors[-2] if len(ancestors) > 1 else owner,
            indent=len(ancestors),
            link_density=min(1.0, link / max(1, len(text))),
        )
        segments.append(Segment(block, owner, ancestors, tag, len(text), link, group))
    return dataclasses.replace(page, segments=segments)
