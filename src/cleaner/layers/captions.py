"""Photo captions, credits and the image alt text printed beside them.

A caption is recognised by its credit ("(TASS)", "(AP Photo/Name)", "/ Reuters",
"Getty Images", "(FILE)") or by a labelled credit after its text ("... in der Eifel. Foto:
Galli/Malteser", "... © CAE"); a short non-sentence block right before a caption is the
image's alt text and goes with it.

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
from cleaner.lexicon import CAPTION_START, has_credit_label
from cleaner.metadata.address import slug_overlap, slug_words
from cleaner.rules import rule

__all__ = ["captions"]

#: Captions are at most this many words; longer blocks ending in "(AP)" are articles with a
#: wire credit, not captions.
MAX_CAPTION_WORDS = 60

#: A block that spells the page address's slug this well (at least this share of its words
#: are slug words and they cover at least this share of the slug) is the headline, not a
#: caption or its alt text, whatever its end: "10 Easy Woodworking Projects (Compilation)"
#: ends like a credit ("(TASS)").
HEADLINE_MIN_SLUG_SHARE = 0.8
HEADLINE_MIN_SLUG_COVER = 0.8

CAPTION = rule("captions.caption")


def _is_caption(block: Block) -> bool:
    return block.words <= MAX_CAPTION_WORDS and (
        block.patterns.credit
        or bool(CAPTION_START.match(block.text))
        or has_credit_label(block.text)
    )


def _spells_slug(block: Block, slug: frozenset[str]) -> bool:
    """Whether ``block`` spells the address's ``slug`` (see :data:`HEADLINE_MIN_SLUG_SHARE`).

    >>> from cleaner.text.segment import segment
    >>> slug = slug_words("https://example.org/videos/easy-woodworking-projects-compilation")
    >>> _spells_slug(segment("10 Easy Woodworking Projects (Compilation)")[0], slug)
    True
    >>> _spells_slug(segment("The workshop at dawn (Reuters)")[0], slug)
    False
    """
    share, cover = slug_overlap(block.text, slug)
    return share >= HEADLINE_MIN_SLUG_SHARE and cover >= HEADLINE_MIN_SLUG_COVER


def captions(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    if ctx is not None and ctx.options.keep_captions:
        return
    flagged = [_is_caption(b) for b in blocks]
    slug = slug_words(ctx.options.url) if ctx is not None and any(flagged) else frozenset()
    for pos, block in enumerate(blocks):
        alt_text = (
            pos + 1 < len(blocks)
            and flagged[pos + 1]
            and blocks[pos + 1].group == block.group
            and not is_prose(block)
        )
        if (flagged[pos] or alt_text) and not (slug and _spells_slug(block, slug)):
            yield Decision(block.index, CAPTION)
