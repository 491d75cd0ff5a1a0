"""Sections that end the article: "Most Read", "Read Next", "Related", "Previous Article".

An end marker after the start of the article core opens a section of teasers. Everything
from the marker on is removed until the core resumes with prose; markers after the core
and their teasers are removed too. Markers before the core are removed alone (the blocks
after them are outside the core, and the header zone of the article may be among them).

>>> from cleaner.text.segment import segment
>>> from cleaner.options import Options
>>> from cleaner.layers import Context
>>> blocks = segment("Body sentence that is long enough to count as prose here.\\n\\nRead Next\\n\\nTeaser one\\n\\nTeaser two")
>>> ctx = Context(blocks, (0, 0), {}, Options())
>>> [blocks[d.block].text for d in end_sections(blocks, ctx)]
['Read Next', 'Teaser one', 'Teaser two']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["end_sections"]

END = rule("sections.end-marker")
TEASER = rule("sections.teaser")


def end_sections(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    """Remove end markers and, outside the core, the blocks that follow them."""
    in_section = False
    for block in blocks:
        if block.patterns.end_marker:
            # a marker before the core opens no section: what follows it up to the core
            # goes with the content layer, after the header layer has read the headline,
            # byline and date among it
            in_section = ctx.core is None or block.index >= ctx.core[0]
            yield Decision(block.index, END)
        elif in_section and not ctx.in_core(block):
            yield Decision(block.index, TEASER)
        elif ctx.in_core(block):
            in_section = False
