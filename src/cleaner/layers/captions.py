"""Photo captions, credits and the image alt text printed beside them.

A caption is recognised by its credit ("(TASS)", "(AP Photo/Name)", "/ Reuters",
"Getty Images", "(FILE)"); a short non-sentence block right before a caption is the image's
alt text and goes with it.

>>> from cleaner.text.segment import segment
>>> blocks = segment("beans\\nTanja Ivanova//Getty Images\\n\\nPutin at the forum on September 5, 2025 (TASS)\\n\\nThe minister said (in Moscow) that talks went well.")
>>> [blocks[d.block].text[:10] for d in captions(blocks, None)]
['beans', 'Tanja Ivan', 'Putin at t']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.features import is_prose
from cleaner.layers import Context, Decision
from cleaner.lexicon import CAPTION_START, CREDIT_TAIL
from cleaner.rules import rule

__all__ = ["captions", "has_credit"]

#: Credits sit in the last characters of a caption; only that tail is searched.
CREDIT_TAIL_CHARS = 90
#: Captions are at most this many words; longer blocks ending in "(AP)" are articles with a
#: wire credit, not captions.
MAX_CAPTION_WORDS = 60

CAPTION = rule("captions.caption")
#: Credit endings without a bracket or slash (the pre-check of :func:`has_credit`).
_CREDIT_ENDINGS = (
    "images",
    "image",
    "shutterstock",
    "imago",
    "alliance",
    "istock",
    "istockphoto",
    "alamy",
)


def has_credit(text: str) -> bool:
    """Does ``text`` end with a photo credit? (A cheap look at the last characters first.)

    >>> has_credit("Putin at the forum (TASS)"), has_credit("Tanja Ivanova//Getty Images"), has_credit("Body.")
    (True, True, False)
    """
    tail = text[-CREDIT_TAIL_CHARS:]
    if not (tail.endswith(")") or "/" in tail or tail[-12:].lower().endswith(_CREDIT_ENDINGS)):
        return False
    return CREDIT_TAIL.search(tail) is not None


def _is_caption(block: Block) -> bool:
    return block.words <= MAX_CAPTION_WORDS and (
        has_credit(block.text) or bool(CAPTION_START.match(block.text))
    )


def captions(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    if ctx is not None and ctx.options.keep_captions:
        return
    flagged = [_is_caption(b) for b in blocks]
    for pos, block in enumerate(blocks):
        alt_text = (
            pos + 1 < len(blocks)
            and flagged[pos + 1]
            and blocks[pos + 1].group == block.group
            and not is_prose(block)
        )
        if flagged[pos] or alt_text:
            yield Decision(block.index, CAPTION)
