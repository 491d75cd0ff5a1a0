"""The lead of an article: the paragraph right under its headline.

A standfirst or lead sentence often has no final full stop ("Nächste Maßnahme der
Nationalmannschaft im März mit Länderspielen gegen die Niederlande") or ends in a colon,
so it does not read as prose, and share buttons, a byline box or a paywall pitch can
stand between it and the body, so the core starts below it. :func:`lead_blocks` finds it
from the layout alone, in any language: the first standalone paragraph of a sentence's
length a few blocks under the headline the ``metadata`` layer removed, and the
paragraphs like it that follow, up to the core's first prose. The ``content`` layer
keeps them.

>>> from cleaner.text.segment import segment
>>> blocks = segment(
...     "The headline\\n\\nA lead sentence of the story without a full stop at its end"
...     "\\n\\nShare\\n\\nThe body."
... )
>>> [b.text[:6] for b in blocks if b.index in lead_blocks(blocks, blocks[0], first=3)]
['A lead']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.blocks import Block
from cleaner.lexicon import TIME_OF_DAY
from cleaner.metadata.dates import find_date

__all__ = ["lead_blocks"]

#: The lead starts at most this many blocks after the headline (a dateline, a byline and
#: a label may stand between them).
LEAD_WINDOW = 4
#: A lead paragraph has at least this many words (a sub-heading or a label has fewer).
LEAD_MIN_WORDS = 8
#: A paragraph at least this share of whose words are the headline's restates it (the
#: headline again with the site's or the section's name): not a lead.
RESTATED_SHARE = 0.6

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _lead_like(block: Block) -> bool:
    """A standalone paragraph of at least :data:`LEAD_MIN_WORDS` words that gives no date
    or time (a dateline: "Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine
    Antwort").

    >>> from cleaner.text.segment import segment
    >>> [_lead_like(b) for b in segment(
    ...     "Posted on July 6, 2015 by Mark Hosak, leave a reply here\\n\\n"
    ...     "A lead sentence of the story without a full stop at its end\\n\\n"
    ...     "Too short to be a lead")]
    [False, True, False]
    """
    if block.kind != "paragraph" or block.words < LEAD_MIN_WORDS:
        return False
    return not (TIME_OF_DAY.search(block.text) or find_date(block.text))


def _restates(block: Block, headline: Block) -> bool:
    words = _words(block.text)
    return len(words & _words(headline.text)) >= RESTATED_SHARE * len(words)


def lead_blocks(live: Sequence[Block], headline: Block, *, first: int) -> set[int]:
    """Indexes of the lead among the ``live`` blocks between ``headline`` and the core's
    first prose block (index ``first``): the first lead-like paragraph (:func:`_lead_like`)
    at most :data:`LEAD_WINDOW` blocks under the headline that does not restate it, and
    the lead-like paragraphs right after it.

    >>> from cleaner.text.segment import segment
    >>> late = "\\n\\n".join(["Share", "Print", "Listen", "Save", "A lead sentence that comes far too late"])
    >>> blocks = segment("The headline of the story\\n\\n" + late + "\\n\\nThe body.")
    >>> lead_blocks(blocks, blocks[0], first=6)
    set()
    >>> blocks = segment("The headline of the story\\n\\nThe headline of the story - Example News\\n\\nThe body.")
    >>> lead_blocks(blocks, blocks[0], first=2)
    set()
    """
    after = [b for b in live if headline.index < b.index < first]
    start = next(
        (
            k
            for k, b in enumerate(after)
            if b.index - headline.index <= LEAD_WINDOW
            and _lead_like(b)
            and not _restates(b, headline)
        ),
        None,
    )
    if start is None:
        return set()
    lead: set[int] = set()
    for block in after[start:]:
        if not _lead_like(block):
            break
        lead.add(block.index)
    return lead
