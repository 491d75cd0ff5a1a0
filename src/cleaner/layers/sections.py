"""Sections that end the article: "Most Read", "Read Next", "Related", "Previous Article".

An end marker after the start of the article core opens a section of teasers. Everything
from the marker on is removed until the core resumes with prose; markers after the core
and their teasers are removed too. Markers before the core are removed alone (the blocks
after them are outside the core, and the header zone of the article may be among them).
A blog's comment count and reply form (:data:`~cleaner.lexicon.COMMENT_FORM`) are end
markers too (not in :data:`~cleaner.lexicon.END_MARKER`, which the text models read), and
after a reply form inside the article nothing of the article follows: everything is removed.

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
from cleaner.lexicon import COMMENT_FORM, REPLY_FORM
from cleaner.rules import rule

__all__ = ["end_sections"]

#: A comment-form line (:data:`~cleaner.lexicon.COMMENT_FORM`) is at most this many words.
MAX_COMMENT_FORM_WORDS = 30

END = rule("sections.end-marker")
TEASER = rule("sections.teaser")


def end_sections(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    """Remove end markers and, outside the core, the blocks that follow them; after a
    reply form past the start of the core, every block."""
    in_section = in_replies = False
    for block in blocks:
        if in_replies:  # after a reply form: the comments and the page's footer
            yield Decision(block.index, TEASER)
        elif block.patterns.end_marker or _comment_form(block):
            in_replies = _reply_form(block) and ctx.core is not None and block.index > ctx.core[0]
            # a marker before the core opens no section: what follows it up to the core
            # goes with the content layer, after the header layer has read the headline,
            # byline and date among it
            in_section = ctx.core is None or block.index >= ctx.core[0]
            yield Decision(block.index, END)
        elif in_section and not ctx.in_core(block):
            yield Decision(block.index, TEASER)
        elif ctx.in_core(block):
            in_section = False


def _comment_form(block: Block) -> bool:
    """Is ``block`` the heading, count or note of a comment section or reply form?"""
    return block.words <= MAX_COMMENT_FORM_WORDS and COMMENT_FORM.match(block.text) is not None


def _reply_form(block: Block) -> bool:
    """Is ``block`` the heading or the e-mail note of a reply form?"""
    return REPLY_FORM.match(block.text) is not None
