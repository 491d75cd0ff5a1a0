"""How the kept blocks are laid out as :attr:`Article.text <cleaner.Article.text>`.

One blank line between blocks; the items of one list (list items of the same list in
HTML, bullet lines written without a blank line between them in a dump) one per line,
each marked ``- `` as a Markdown list. The marks keep the list a list when the text is
read again: cleaned a second time, it is the same list of the same dump.

>>> from cleaner.text.segment import segment
>>> print(layout(segment("A paragraph.\\n\\n  • News\\n  • Sport\\n\\n  • Weather\\n\\nThe end.")))
A paragraph.
<BLANKLINE>
- News
- Sport
<BLANKLINE>
- Weather
<BLANKLINE>
The end.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.blocks import Block

__all__ = ["ITEM_MARK", "layout"]

#: What starts each list item in the text (a Markdown list item; a bullet that the text
#: front end reads back as one).
ITEM_MARK = "- "


def layout(blocks: Sequence[Block]) -> str:
    """The text of ``blocks`` (the kept ones, in order): blank lines between blocks, a
    list's items on consecutive lines marked :data:`ITEM_MARK`."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind != "item":
            parts.append(block.text)
        elif previous is not None and previous.kind == "item" and previous.group == block.group:
            parts[-1] += "\n" + ITEM_MARK + block.text
        else:
            parts.append(ITEM_MARK + block.text)
        previous = block
    return "\n\n".join(parts)
