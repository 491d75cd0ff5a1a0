"""Footers: rights, copyright, legal links, app-store links.

>>> from cleaner.text.segment import segment
>>> blocks = segment("All Rights Reserved\\n\\n  • Privacy Policy\\n  • About Us\\n\\nAndroid\\n\\nThe privacy policy debate in parliament continued for a third day.")
>>> [blocks[d.block].text for d in footer(blocks, None)]
['All Rights Reserved', 'Privacy Policy', 'About Us', 'Android']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.lexicon import has_rights
from cleaner.rules import rule

__all__ = ["footer"]

#: Footer lines are short; a long paragraph that mentions "all rights reserved" is prose.
MAX_FOOTER_WORDS = 25

LEGAL = rule("footer.legal")


def footer(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    for block in blocks:
        if block.words <= MAX_FOOTER_WORDS and (
            block.patterns.footer_line or has_rights(block.text, block.folded)
        ):
            yield Decision(block.index, LEGAL)
