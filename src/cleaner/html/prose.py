"""What counts as prose in an HTML block: enough words, few of them inside links.

The extractor scores containers by their prose and the pre-cleaning safety valve measures
what a match would remove in the same unit, so both read the thresholds from here.

>>> prose_weight("A sentence of the story with enough words to count as prose.", 0)
60
>>> prose_weight("Home News Sport", 0), prose_weight("Eight words but all of them are links here", 42)
(0, 0)
"""

from __future__ import annotations

from cleaner.features import count_words

__all__ = [
    "PROSE_MAX_LINK_DENSITY",
    "PROSE_MIN_WORDS",
    "prose_weight",
]

#: A block is prose when it has at least this many words (jusText's "short" limit is 10
#: words; 8 keeps one-sentence paragraphs).
PROSE_MIN_WORDS = 8
#: ... and at most this share of its characters in links (jusText: 0.2; teaser texts that
#: quote a link or two stay prose).
PROSE_MAX_LINK_DENSITY = 0.35


def prose_weight(text: str, link_chars: int) -> int:
    """Non-link characters of a prose block, 0 for anything else."""
    chars = len(text)
    if chars == 0 or link_chars > PROSE_MAX_LINK_DENSITY * chars:
        return 0
    if count_words(text) < PROSE_MIN_WORDS:
        return 0
    return chars - link_chars
