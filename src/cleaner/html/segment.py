"""Segmentation: one walk over the DOM turns the page into blocks with their features.

A block is the text of one block-level element that is not inside another block of its
own (a paragraph, a heading, a list item, a table row), or a run of inline text directly
inside a container (``<div>text <b>bold</b> tail</div>``); two ``<br>`` in a row split a
run. Each block keeps its CSS path, its link density and the element it belongs to; the
chain of elements it sits in (:class:`Ancestry`) is read off the parent links when asked,
so a block costs the same memory at any depth. The same walk (:mod:`cleaner.html.walk`)
asks :mod:`cleaner.html.preclean` about every element, so pre-cleaning costs no second
pass; the safety valve (:mod:`cleaner.html.valve`) then undoes matches that would remove
too much.

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
from typing import Any

from cleaner.blocks import Block
from cleaner.html.page_model import Ancestry, Element, ElementPaths, PageSegments, Segment
from cleaner.html.prose import prose_weight
from cleaner.html.tags import CELL_TAGS, block_kind
from cleaner.html.valve import apply_valve
from cleaner.html.walk import RawBlock, Walk, walk_dom

__all__ = ["Ancestry", "Element", "PageSegments", "Segment", "segment_html"]


def _merge_rows(state: Walk) -> list[RawBlock]:
    """Join the cells of a table row into one block when each cell is a single block."""
    out: list[RawBlock] = []
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


def segment_html(
    tree: Any,
    *,
    capture: re.Pattern[str] | None = None,
    heading_capture: re.Pattern[str] | None = None,
) -> PageSegments:
    """Walk ``tree`` (a selectolax ``LexborHTMLParser``) once; return its segments.

    Inline elements whose hints match ``capture``, or ``heading_capture`` inside an
    ``<h1>``, are reported with their own text.
    """
    root = tree.root if tree.root is not None else tree.body
    if root is None:
        return PageSegments((), (), ())
    state = walk_dom(root, capture, heading_capture)
    raw = _merge_rows(state)
    weights = [prose_weight(text, link) for _, _, text, link in raw]
    groups, released = apply_valve(state.elements, raw, weights, state.holds_article)
    page = PageSegments(
        state.elements, [], released, tuple(state.times), tuple(state.inline), state.ends
    )
    segments: list[Segment] = []
    paths = ElementPaths(state.elements)
    elements, ends = state.elements, state.ends
    parents = [element.parent for element in elements]
    for position, ((owner, depth, text, link), group, weight) in enumerate(
        zip(raw, groups, weights, strict=True)
    ):
        tag = elements[owner].tag
        parent = elements[owner].parent
        block = Block(
            position,
            text,
            text,
            block_kind(tag),
            paths(owner),
            group=parent if parent >= 0 else owner,
            indent=depth,
            link_density=min(1.0, link / max(1, len(text))),
        )
        ancestors = Ancestry(parents, ends, owner, depth)
        segments.append(Segment(block, owner, ancestors, tag, len(text), link, group, weight))
    return dataclasses.replace(page, segments=segments)
