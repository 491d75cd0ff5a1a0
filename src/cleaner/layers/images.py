"""Images as a dump prints them, inside the article: a label, not text.

A dump writes an image as its alt text, often twice in a row (the alt and the title
attributes side by side: "author avatarauthor avatar"), or as its file name in brackets
("[team-photo-1024x576]"). Such a block after the core's first prose block goes. The layer
runs after the header rules, so a doubled dateline under the headline is theirs to read.

>>> from cleaner.text.segment import segment
>>> blocks = segment("The story begins here, with a sentence of some length.\\n\\n[team-photo-1024x576]\\n\\nThe story goes on.")
>>> [blocks[d.block].text for d in image_labels(blocks, None)]
['[team-photo-1024x576]']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.lexicon import IMAGE_FILE_NAME
from cleaner.rules import rule

__all__ = ["image_labels", "is_image_label"]

#: Each half of a text written twice holds at least this many characters: shorter
#: doublings ("Bora Bora", "New York New York") are names, not an image's label (wcxb-dev
#: w3m: 3 characters 86 article pages changed, 10 characters 84, the same gain).
MIN_TWIN_CHARS = 10

IMAGE_LABEL = rule("images.label")


def is_image_label(text: str, *, prose: bool = False) -> bool:
    """Whether ``text`` is an image's label as a dump prints it: the same text (with a
    letter, at least :data:`MIN_TWIN_CHARS` characters) twice, glued or (unless the block
    is ``prose``: a sentence said twice) a space apart, or a bracketed file name
    (:data:`~cleaner.lexicon.IMAGE_FILE_NAME`).

    >>> is_image_label("author avatarauthor avatar"), is_image_label("[hero-image_1024x576]")
    (True, True)
    >>> is_image_label("New York New York"), is_image_label("[1]"), is_image_label("A plain line.")
    (False, False, False)
    >>> is_image_label("It rained all day. It rained all day.", prose=True)
    False
    """
    if IMAGE_FILE_NAME.fullmatch(text):
        return True
    half, odd = divmod(len(text), 2)
    twin = text[:half]
    if half < MIN_TWIN_CHARS or not any(c.isalpha() for c in twin):
        return False
    if odd:
        return not prose and text[half] == " " and text[half + 1 :] == twin
    return text[half:] == twin


def image_labels(blocks: Sequence[Block], ctx: Context | None) -> Iterator[Decision]:
    """Remove the image labels (:func:`is_image_label`) after the first prose block of
    the core (of the whole text without a context): above it, a logo's file name stands
    among the lines the title ranker reads."""
    if ctx is None:
        in_core = blocks
    elif ctx.core is None:
        return
    else:
        in_core = [b for b in blocks if ctx.in_core(b)]
    start = next((b.index for b in in_core if b.prose), None)
    if start is None:
        return
    for block in blocks:
        if block.index > start and is_image_label(block.text, prose=block.prose):
            yield Decision(block.index, IMAGE_LABEL)
