"""Segmentation: one walk over the DOM turns the page into blocks with their features.

The text of each block is normalised here (mojibake repaired, NFC, control characters
dropped), not the markup around it: ftfy over a whole page of markup costs more than the
rest of the front end.

A block is the text of one block-level element that is not inside another block of its
own (a paragraph, a heading, a list item, a table row), or a run of inline text directly
inside a container (``<div>text <b>bold</b> tail</div>``); two ``<br>`` in a row split a
run. Each block keeps its CSS path, its link density and the element it belongs to; the
chain of elements it sits in (:class:`Ancestry`) is read off the parent links when asked,
so a block costs the same memory at any depth. The same walk asks
:mod:`cleaner.html.preclean` about every element, so pre-cleaning costs no second pass.

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
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, overload

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

__all__ = ["Ancestry", "Element", "PageSegments", "Segment", "segment_html"]

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


class Ancestry(Sequence[int]):
    """The elements a block sits in, from the root down to its owner, as a sequence.

    Only the owner and its depth are stored; the chain is read off the page's shared list of
    parent links when it is iterated, so memory per block does not grow with depth.
    Membership is O(1): elements are numbered in document order, so ``x`` is an ancestor
    of ``owner`` (or ``owner`` itself) when ``x <= owner < ends[x]``, ``ends[x]`` being one
    past the last element inside ``x``.
    """

    __slots__ = ("_ends", "_parents", "depth", "owner")

    def __init__(self, parents: Sequence[int], ends: Sequence[int], owner: int, depth: int) -> None:
        self._parents = parents
        self._ends = ends
        self.owner = owner
        self.depth = depth

    def __len__(self) -> int:
        return self.depth

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and 0 <= value <= self.owner < self._ends[value]

    def __reversed__(self) -> Iterator[int]:
        return reversed(self._chain())

    def __iter__(self) -> Iterator[int]:
        return iter(self._chain())

    @overload
    def __getitem__(self, key: int) -> int: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[int, ...]: ...
    def __getitem__(self, key: int | slice) -> int | tuple[int, ...]:
        # only the levels asked for are read (a block's nearest containers: a few steps up)
        if not isinstance(key, slice):
            return self._upward(self.depth - range(self.depth)[key])[-1]
        wanted = range(self.depth)[key]
        if not wanted:
            return ()
        upward = self._upward(self.depth - min(wanted))
        return tuple(upward[self.depth - 1 - i] for i in wanted)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ancestry | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._chain())

    def __repr__(self) -> str:
        return f"Ancestry{self._chain()!r}"

    def _upward(self, count: int) -> list[int]:
        """The owner and the ``count - 1`` elements above it, nearest first."""
        parents, index = self._parents, self.owner
        chain: list[int] = []
        while index >= 0 and len(chain) < count:
            chain.append(index)
            index = parents[index]
        return chain

    def _chain(self) -> tuple[int, ...]:
        return tuple(reversed(self._upward(self.depth)))


@dataclasses.dataclass(frozen=True, slots=True)
class Segment:
    """A block with the features the extractor reads.

    Attributes:
        block: the shared :class:`~cleaner.blocks.Block`.
        owner: index of the element the text belongs to (in :attr:`PageSegments.elements`).
        ancestors: element indices from the root down to ``owner`` (computed from the
            parent links when read).
        tag: the owner's tag.
        chars: characters of text (whitespace collapsed).
        link_chars: characters inside links.
        group: the pre-cleaning group that removes the block, or ``None`` (after the
            safety valve).
    """

    block: Block
    owner: int
    ancestors: Ancestry
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
        return _Paths(self.elements)(element)


class _Paths:
    """CSS paths of a page's elements, each built once. Siblings with the same step (the
    paragraphs of one container) share one string: a block at depth 256 would otherwise
    hold a path of ~1.5 KB of its own."""

    def __init__(self, elements: Sequence[Element]) -> None:
        self._elements = elements
        self._of_element: dict[int, str] = {}
        self._of_step: dict[tuple[int, str], str] = {}  # (parent, step) -> path

    def __call__(self, element: int) -> str:
        known = self._of_element.get(element)
        if known is not None:
            return known
        head = self._elements[element]
        step = _step(head.tag, head.attrs)
        path = self._of_step.get((head.parent, step))
        if path is None:
            path = step if head.parent < 0 else self(head.parent) + " > " + step
            self._of_step[(head.parent, step)] = path
        self._of_element[element] = path
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


#: A block as the walk finds it: owner element, its depth (elements from the root down to
#: the owner), text, characters inside links.
_Raw = tuple[int, int, str, int]


class _Walk:
    """Mutable state of one walk (local to :func:`segment_html`, never shared)."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        #: per element, one past the index of the last element inside it
        self.ends: list[int] = []
        self.open: list[int] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.raw: list[_Raw] = []
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
        owner, depth = self.open[-1], len(self.open)
        if len(parts) == 1:
            self.raw.append((owner, depth, parts[0], link_chars))
            return
        total = sum(len(p) for p in parts)
        for part in parts:
            self.raw.append((owner, depth, part, round(link_chars * len(part) / total)))


def _walk(root: Any, capture: re.Pattern[str] | None) -> _Walk:
    state = _Walk()
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


def _apply_valve(
    elements: Sequence[Element], raw: Sequence[_Raw], holds_article: set[int]
) -> tuple[list[SelectorGroup | None], tuple[int, ...]]:
    """Per raw block, the group that removes it; and the matches the valve released.

    One pass over the blocks and two over the elements (parents come before their
    children), whatever the depth.
    """
    # prose of the blocks each element owns, then (children added to parents, last to
    # first) of everything inside it
    inside = [0] * len(elements)
    page_prose = hidden_prose = 0
    hidden_in = [False] * len(elements)  # is it, or an element around it, hidden?
    for index, element in enumerate(elements):
        hidden_in[index] = (element.parent >= 0 and hidden_in[element.parent]) or (
            element.group is not None and element.group.name == "hidden"
        )
    for owner, _, text, link in raw:
        weight = prose_weight(text, link)
        if not weight:
            continue
        page_prose += weight
        inside[owner] += weight
        hidden_prose += weight if hidden_in[owner] else 0
    for index in range(len(elements) - 1, 0, -1):
        parent = elements[index].parent
        if parent >= 0:
            inside[parent] += inside[index]
    release_hidden = page_prose > 0 and hidden_prose > HIDDEN_VALVE_SHARE * page_prose
    released = tuple(
        i
        for i, e in enumerate(elements)
        if e.group is not None
        and (e.tag not in FIRM_TAGS or i in holds_article)
        and (
            released_by_valve(inside[i], page_prose)
            or (release_hidden and e.group.name == "hidden")
        )
    )
    released_set = set(released)
    # the outermost match still standing around (or at) each element removes its blocks
    outermost: list[SelectorGroup | None] = [None] * len(elements)
    for index, element in enumerate(elements):
        around = outermost[element.parent] if element.parent >= 0 else None
        if around is None and element.group is not None and index not in released_set:
            around = element.group
        outermost[index] = around
    return [outermost[owner] for owner, _, _, _ in raw], released


def _merge_rows(state: _Walk) -> list[_Raw]:
    """Join the cells of a table row into one block when each cell is a single block."""
    out: list[_Raw] = []
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
                    out[-1] = (row, item[1] - 1, last[2] + " " + item[2], last[3] + item[3])
                    continue
            out.append((row, item[1] - 1, item[2], item[3]) if elements[row].tag == "tr" else item)
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
    paths = _Paths(state.elements)
    elements, ends = state.elements, state.ends
    parents = [element.parent for element in elements]
    for position, ((owner, depth, text, link), group) in enumerate(zip(raw, groups, strict=True)):
        tag = elements[owner].tag
        parent = elements[owner].parent
        block = Block(
            position,
            text,
            text,
            _kind(tag),
            paths(owner),
            group=parent if parent >= 0 else owner,
            indent=depth,
            link_density=min(1.0, link / max(1, len(text))),
        )
        ancestors = Ancestry(parents, ends, owner, depth)
        segments.append(Segment(block, owner, ancestors, tag, len(text), link, group))
    return dataclasses.replace(page, segments=segments)
