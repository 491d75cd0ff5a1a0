"""The safety valve of pre-cleaning: matches that would remove too much of a page's prose
are undone, and each block learns the match that still removes it.

A match is released when the prose inside it is too large a share of the page
(:func:`~cleaner.html.preclean.released_by_valve`), and every hidden match is released
when hidden elements hold more than ``HIDDEN_VALVE_SHARE`` of the page's prose (pages that
hide their article until a script shows it). A firm boilerplate element (``<nav>``,
``<aside>``) is released only when it holds an article (an unclosed tag).
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.html.page_model import Element
from cleaner.html.preclean import (
    FIRM_TAGS,
    HIDDEN_VALVE_SHARE,
    SelectorGroup,
    released_by_valve,
)
from cleaner.html.walk import RawBlock

__all__ = ["apply_valve"]


def apply_valve(
    elements: Sequence[Element],
    raw: Sequence[RawBlock],
    weights: Sequence[int],
    holds_article: set[int],
) -> tuple[list[SelectorGroup | None], tuple[int, ...]]:
    """Per raw block, the group that removes it; and the matches the valve released.
    ``weights`` are the raw blocks' prose weights (:func:`~cleaner.html.prose.prose_weight`).

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
    for (owner, _, _, _), weight in zip(raw, weights, strict=True):
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
