"""The tag list after the body: a run of short list items (or a "Tags:" line).

Its items become :attr:`cleaner.Article.tags` (see :func:`tag_values`).

>>> from cleaner.text.segment import segment
>>> from cleaner.options import Options
>>> from cleaner.layers import Context
>>> blocks = segment("A body paragraph that is long enough to be the article core.\\n\\n  • East Asia\\n  • Tech Park\\n  • Russia")
>>> ctx = Context(blocks, (0, 0), {}, Options())
>>> [blocks[d.block].text for d in tag_list(blocks, ctx)]
['East Asia', 'Tech Park', 'Russia']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.lexicon import SENTENCE_END
from cleaner.rules import rule

__all__ = ["tag_list", "tag_values"]

#: The tag list starts within this many live blocks after the end of the core.
MAX_GAP_AFTER_CORE = 3
#: Tags are short: at most this many words each.
MAX_TAG_WORDS = 5
#: A list needs at least this many items to be read as tags.
MIN_TAGS = 2

TAGS = rule("tags.list")
_TAGS_LINE = re.compile(
    r"^(?:tags?|topics?|schlagw(?:ö|oe)rter|themen|étiquettes|etiquetas|mots-clés)\s*:\s*(?P<list>.+)$",
    re.I,
)


def _is_tag_item(block: Block) -> bool:
    return (
        block.kind == "item"
        and block.words <= MAX_TAG_WORDS
        and not SENTENCE_END.search(block.text)
    )


def tag_list(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    for block in blocks:
        if _TAGS_LINE.match(block.text) and block.words <= 40:
            yield Decision(block.index, TAGS)
    if ctx.core is None:
        return
    following = [b for b in blocks if b.index > ctx.core[1]]
    for pos, block in enumerate(following[: MAX_GAP_AFTER_CORE + 1]):
        if not _is_tag_item(block):
            continue
        run = [block]
        for nxt in following[pos + 1 :]:
            if not (_is_tag_item(nxt) and nxt.group == block.group):
                break
            run.append(nxt)
        if len(run) >= MIN_TAGS:
            yield from (Decision(b.index, TAGS) for b in run)
        return


def tag_values(removed_blocks: Sequence[Block]) -> tuple[str, ...]:
    """The tags named by blocks removed as ``tags.list``, in order, without repeats.

    >>> from cleaner.blocks import Block
    >>> tag_values([Block(0, "Tags: Russia, China", "", "line", "", 0), Block(1, "China", "", "item", "", 1)])
    ('Russia', 'China')
    """
    out: dict[str, None] = {}
    for block in removed_blocks:
        line = _TAGS_LINE.match(block.text)
        items = re.split(r"\s*[,;|]\s*", line.group("list")) if line else [block.text]
        for item in items:
            if item.strip():
                out.setdefault(item.strip(), None)
    return tuple(out)
