"""Paragraphs repeated inside one document: only the first copy in the article core stays
(a heading also listed in a table of contents above the core keeps its body copy).

>>> from cleaner.text.segment import segment
>>> blocks = segment("First paragraph of the story.\\nSecond one.\\nFirst paragraph of the story.")
>>> [(d.block, d.rule) for d in repeats(blocks, None)]
[(2, 'duplicates.repeat')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["repeats"]

#: Only blocks at least this long count as repeats (short labels may legitimately recur).
MIN_REPEAT_CHARS = 20

REPEAT = rule("duplicates.repeat")


def repeats(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    if ctx is not None and not ctx.options.dedupe:
        return
    seen: set[str] = set()
    for block in blocks:
        if ctx is not None and ctx.core is not None and not ctx.in_core(block):
            continue  # copies outside the core go anyway; keep the one inside it
        key = " ".join(block.text.split()).casefold()
        if len(key) < MIN_REPEAT_CHARS:
            continue
        if key in seen:
            yield Decision(block.index, REPEAT)
        seen.add(key)
