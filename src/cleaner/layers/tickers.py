"""Breaking-news tickers: a short label ("BREAKING", "LIVE", "Eilmeldung") followed by a
packed run of headlines.

>>> from cleaner.text.segment import segment
>>> blocks = segment("BREAKING\\nFirst headline: something happened today\\nSecond headline: more\\n\\nBody.")
>>> [blocks[d.block].text[:8] for d in breaking(blocks, None)]
['BREAKING', 'First he', 'Second h']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.lexicon import TICKER_LABEL
from cleaner.rules import rule

__all__ = ["breaking"]

#: A ticker has at least this many headlines after its label.
MIN_TICKER_ITEMS = 2

BREAKING = rule("tickers.breaking")


def breaking(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    """Remove a ticker label and the headlines packed under it (same blank-line group)."""
    for pos, block in enumerate(blocks):
        if not TICKER_LABEL.match(block.text):
            continue
        run = [b for b in blocks[pos + 1 :] if b.group == block.group]
        if len(run) >= MIN_TICKER_ITEMS:
            yield Decision(block.index, BREAKING)
            yield from (Decision(b.index, BREAKING) for b in run)
