"""Paragraphs repeated inside one document: only the first copy in the article core stays
(a heading also listed in a table of contents above the core keeps its body copy). A list
item that only repeats the item just before it goes whatever its length: a short label may
recur in a story, but not twice in a row in one list. (Other short blocks are left alone:
adjacent table cells or figures may well be equal.)

>>> from cleaner.text.segment import segment
>>> blocks = segment("First paragraph of the story.\\nSecond one.\\nFirst paragraph of the story.")
>>> [(d.block, d.rule) for d in repeats(blocks, None)]
[(2, 'duplicates.repeat')]
>>> blocks = segment("A story in one paragraph.\\n\\n  • News\\n  • News\\n  • News")
>>> [(blocks[d.block].text, d.rule) for d in repeats(blocks, None)]
[('News', 'duplicates.run'), ('News', 'duplicates.run')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.features import same_text_key
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["repeats"]

#: Only blocks at least this long count as repeats (short labels may legitimately recur).
MIN_REPEAT_CHARS = 20

REPEAT = rule("duplicates.repeat")
RUN = rule("duplicates.run")


def repeats(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    if ctx is not None and not ctx.options.dedupe:
        return
    seen: set[str] = set()
    previous: tuple[int, str] | None = None  # (group, text) of the list item just before
    for block in blocks:
        if ctx is not None and ctx.core is not None and not ctx.in_core(block):
            previous = None
            continue  # copies outside the core go anyway; keep the one inside it
        key = same_text_key(block.text)
        if block.kind == "item" and key and previous == (block.group, key):
            yield Decision(block.index, RUN)
        elif len(key) >= MIN_REPEAT_CHARS and key in seen:
            yield Decision(block.index, REPEAT)
        previous = (block.group, key) if block.kind == "item" else None
        seen.add(key)
