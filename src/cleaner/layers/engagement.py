"""Share rows, counters and widget labels: "2 Shares", "13 Views", "3 Min Read", "Listen".

>>> from cleaner.text.segment import segment
>>> blocks = segment("2 Shares\\n\\n0 Votes: 0 Upvotes, 0 Downvotes (0 Points)\\n\\nListen\\n\\nThe 2 shares rose sharply on Monday morning after the results.")
>>> [blocks[d.block].text[:8] for d in counters_and_widgets(blocks, None)]
['2 Shares', '0 Votes:', 'Listen']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["counters_and_widgets"]

COUNTER_RULE = rule("engagement.counter")
WIDGET_RULE = rule("engagement.widget")


def counters_and_widgets(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    for block in blocks:
        if block.patterns.counter:
            yield Decision(block.index, COUNTER_RULE)
        elif block.patterns.widget:
            yield Decision(block.index, WIDGET_RULE)
