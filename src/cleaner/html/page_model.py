"""What the HTML walk produces: the elements walked, the blocks found in them (segments),
the chain of elements a block sits in, and the CSS paths of elements.

>>> element = Element("div", -1, {"id": "main", "class": "story wide"}, None)
>>> element.step, element.hints
('div#main.story', 'main story wide')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import NamedTuple, overload

from cleaner.blocks import Block
from cleaner.html.preclean import SelectorGroup

__all__ = [
    "Ancestry",
    "Element",
    "ElementPaths",
    "PageSegments",
    "Segment",
    "element_hints",
    "element_step",
]

#: How many classes of an element its CSS path names (paths stay readable).
PATH_CLASSES = 1
#: The attributes whose values are an element's hints, in this order.
_HINT_ATTRIBUTES = ("id", "class", "itemprop", "rel")


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
        return element_step(self.tag, self.attrs)

    @property
    def hints(self) -> str:
        """Lower-cased ``id``, ``class``, ``itemprop`` and ``rel`` values, for the metadata
        readers (``"byline author-name"``)."""
        return element_hints(self.attrs)


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


class Segment(NamedTuple):
    """A block with the features the extractor reads (a named tuple: a page builds one
    per block, at a third of a frozen dataclass's cost).

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
        prose: the text's prose weight (:func:`~cleaner.html.prose.prose_weight`, read
            once for the safety valve and the extractor), whatever ``group`` says.
    """

    block: Block
    owner: int
    ancestors: Ancestry
    tag: str
    chars: int
    link_chars: int
    group: SelectorGroup | None
    prose: int


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
            match the ``capture`` pattern given to :func:`~cleaner.html.segment.segment_html` (an author's name
            in ``<span class="author">`` inside a longer line).
        ends: per element, one past the index of the last element inside it: the blocks
            inside element ``x`` are those whose owner ``o`` has ``x <= o < ends[x]``
            (empty when the page was not walked).
    """

    elements: Sequence[Element]
    segments: Sequence[Segment]
    released: tuple[int, ...]
    times: tuple[tuple[int, str], ...] = ()
    inline: tuple[tuple[int, str, str], ...] = ()
    ends: Sequence[int] = ()

    def path(self, element: int) -> str:
        """CSS path of an element."""
        return ElementPaths(self.elements)(element)


class ElementPaths:
    """CSS paths of a page's elements, each built once when asked. Siblings with the same
    step (the paragraphs of one container) share one string: a block at depth 256 would
    otherwise hold a path of ~1.5 KB of its own."""

    def __init__(self, elements: Sequence[Element]) -> None:
        self._elements = elements
        self._of_element: dict[int, str] = {}
        self._of_step: dict[tuple[int, str], str] = {}  # (parent, step) -> path
        self._steps: dict[tuple[str, str | None, str | None], str] = {}

    def __call__(self, element: int) -> str:
        known = self._of_element.get(element)
        if known is not None:
            return known
        head = self._elements[element]
        attrs = head.attrs
        # the step depends on the tag, id and class alone: pages repeat those (list items)
        key = (head.tag, attrs.get("id"), attrs.get("class"))
        step = self._steps.get(key)
        if step is None:
            step = self._steps[key] = element_step(head.tag, attrs)
        path = self._of_step.get((head.parent, step))
        if path is None:
            path = step if head.parent < 0 else self(head.parent) + " > " + step
            self._of_step[(head.parent, step)] = path
        self._of_element[element] = path
        return path


def element_hints(attrs: dict[str, str | None]) -> str:
    """Lower-cased ``id``, ``class``, ``itemprop`` and ``rel`` values of ``attrs``.

    >>> element_hints({"class": "Byline", "rel": "author", "href": "/x"})
    'byline author'
    """
    # map/filter, not a generator: the metadata readers ask ~200 elements a page
    return " ".join(filter(None, map(attrs.get, _HINT_ATTRIBUTES))).lower()


def element_step(tag: str, attrs: dict[str, str | None]) -> str:
    """The step of a CSS path for an element (its tag, id and first ``PATH_CLASSES`` classes).

    >>> element_step("p", {"id": "lead one", "class": "intro big"})
    'p#leadone.intro'
    """
    step = tag
    element_id = attrs.get("id")
    if element_id:
        step += "#" + element_id.strip().replace(" ", "")
    classes = attrs.get("class")
    if classes:  # split no further than the classes named (class lists run to dozens)
        named = classes.split(None, PATH_CLASSES)[:PATH_CLASSES]
        if named:
            step += "." + ".".join(named)
    return step
