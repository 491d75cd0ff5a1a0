"""Inline promos: "Read more: <another article>" lines inside the body.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Read more: China-Malaysia deal boosts cooperation\\n\\nRead more about the plan in the report published by the ministry on Monday.")
>>> [blocks[d.block].text[:10] for d in read_more(blocks, None)]
['Read more:']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["read_more"]

#: A promo is a headline: at most this many words after the label.
MAX_PROMO_WORDS = 30

READ_MORE = rule("promos.read-more")


def read_more(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    for block in blocks:
        if block.words <= MAX_PROMO_WORDS and block.patterns.promo:
            yield Decision(block.index, READ_MORE)
