"""How the kept blocks are laid out as :attr:`Article.text <cleaner.Article.text>`.

One blank line between blocks; the items of one list (list items of the same list in
HTML, bullet lines written without a blank line between them in a dump) one per line,
each marked ``  - `` (a Markdown list item, indented as w3m indents its bullets), or by its
own number when the input numbered it (``  1. ``: "1. Choose the right pot" is how the
page reads, and what a reader quotes). The marks keep the list a list when the text is
read again: cleaned a second time, it is the same list in the same layout as in the dumps
the block classifier learned from.

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
>>> print(layout(segment("Steps:\\n\\n 1. Mix the flour.\\n 2) Bake it.")))
Steps:
<BLANKLINE>
  1. Mix the flour.
  2) Bake it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.blocks import Block

__all__ = ["ITEM_MARK", "item_mark", "layout"]

#: What starts each list item in the text: a Markdown list item, and a bullet the text front
#: end reads back as one. Indented by two spaces as in w3m dumps: the classifier's indent
#: features learned lists in that layout, and at column 0 a second pass scored the items
#: lower and cut a short list and the paragraph before it (the regression test of
#: tests/test_property_regressions.py). Real dumps cleaned twice, every 6th page: the
#: same text again for 122 / 118 of 227 wcxb-dev pages (w3m / lynx) and 99 / 114 of 165
#: trafilatura-eval pages, against 119 / 116 and 97 / 112 with "- ".
ITEM_MARK = "  - "

#: The number that opens a numbered list item in the input ("1.", "12)"), the same
#: numbering the text front end reads as a list mark (:mod:`cleaner.text.segment`).
_NUMBER_MARK = re.compile(r"\s*(\d{1,3}[.)])\s")


def item_mark(block: Block) -> str:
    """The mark that opens ``block``, a list item, in the text: its own number when the
    input numbered it (and its text does not already open with it, as an HTML item's
    may), else :data:`ITEM_MARK`.

    >>> from cleaner.text.segment import segment
    >>> [item_mark(b) for b in segment(" 3. Third\\n • Bullet")]
    ['  3. ', '  - ']
    """
    number = _NUMBER_MARK.match(block.raw)
    if number is None or block.text.startswith(number.group(1)):
        return ITEM_MARK
    return f"  {number.group(1)} "


def layout(blocks: Sequence[Block]) -> str:
    """The text of ``blocks`` (the kept ones, in order): blank lines between blocks, a
    list's items on consecutive lines marked :data:`ITEM_MARK`."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind != "item":
            parts.append(block.text)
        elif previous is not None and previous.kind == "item" and previous.group == block.group:
            parts[-1] += "\n" + item_mark(block) + block.text
        else:
            parts.append(item_mark(block) + block.text)
        previous = block
    return "\n\n".join(parts)
