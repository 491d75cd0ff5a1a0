"""Main-content localisation: the densest run of sentence-like paragraphs.

Each block gets a score: prose scores its length in characters, everything else a small
penalty, section end markers ("Most Read") a large one. The run with the highest sum
(Kadane's maximum subarray) is the article core. The ``outside`` layer, which runs last,
removes whatever the more specific layers left outside it.

>>> from cleaner.text.segment import segment
>>> body = [f"Sentence {n} of the article body, long enough to count as prose." for n in (1, 2, 3)]
>>> doc = "Home\\nNews\\nSport\\n\\n" + "\\n\\n".join(body) + "\\n\\nMost Read\\n\\nA teaser headline that is also a sentence of some length."
>>> blocks = segment(doc)
>>> core = locate_core(blocks)
>>> [blocks[i].text[:6] for i in range(core[0], core[1] + 1)]
['Senten', 'Senten', 'Senten']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.layers import Context, Decision
from cleaner.features import is_prose
from cleaner.lexicon import END_MARKER
from cleaner.rules import rule

__all__ = ["locate_core", "outside"]

#: Score of a packed line or list item that is not prose: about one short line's worth of
#: characters, so a menu of a few entries outweighs a stray sentence beside it.
NON_PROSE_PENALTY = 25
#: Score of a standalone short line (a sub-heading, a one-line label): headings between
#: paragraphs are normal inside articles, so they cost less than list entries.
HEADING_PENALTY = 8
#: A prose line packed with other lines (no blank line between) is list-like: its score is
#: multiplied by this factor in documents that do use blank lines between paragraphs.
PACKED_PROSE_FACTOR = 0.3
#: Score of a section end marker: large enough that the core never runs through one unless
#: the text beyond it is substantially longer than this many characters.
END_MARKER_PENALTY = 400
#: When the prose that survives all layers is shorter than this, the page holds no article.
MIN_ARTICLE_CHARS = 150

OUTSIDE = rule("content.outside")
SHORT_PAGE = rule("content.short-page")


def _uses_blank_lines(blocks: Sequence[Block]) -> bool:
    """True when prose paragraphs in this document are separated by blank lines."""
    prose = [b for b in blocks if is_prose(b)]
    if not prose:
        return False
    alone = sum(1 for b in prose if b.kind == "paragraph")
    return alone >= len(prose) / 2


def block_scores(blocks: Sequence[Block]) -> list[float]:
    blank_separated = _uses_blank_lines(blocks)
    scores: list[float] = []
    seen: set[str] = set()
    for block in blocks:
        key = block.text.casefold()
        repeated = key in seen
        seen.add(key)
        if repeated:
            scores.append(0.0)  # a repeat adds no evidence (and the duplicates layer drops it)
        elif END_MARKER.match(block.text):
            scores.append(-END_MARKER_PENALTY)
        elif is_prose(block):
            packed = blank_separated and block.kind in ("line", "item")
            scores.append(len(block.text) * (PACKED_PROSE_FACTOR if packed else 1.0))
        elif block.kind in ("paragraph", "heading"):
            scores.append(-HEADING_PENALTY)
        else:
            scores.append(-NON_PROSE_PENALTY)
    return scores


def locate_core(blocks: Sequence[Block]) -> tuple[int, int] | None:
    """Return (first, last) block index of the highest-scoring run, or ``None``."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for pos, score in enumerate(block_scores(blocks)):
        if running < 0:
            running, start = 0.0, pos
        running += score
        if running > best:
            best, best_span = running, (start, pos)
    if best_span is None:
        return None
    return blocks[best_span[0]].index, blocks[best_span[1]].index


def outside(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    """Remove every live block outside the core (all of them when there is no core).

    The core is first trimmed to its first and last live prose block: once the specific
    layers have taken their share, an article neither starts nor ends on a stray label.
    """
    prose = [b for b in blocks if ctx.in_core(b) and is_prose(b)]
    if ctx.core is None or sum(len(b.text) for b in prose) < MIN_ARTICLE_CHARS:
        yield from (Decision(b.index, SHORT_PAGE) for b in blocks)
        return
    first, last = prose[0].index, prose[-1].index
    for block in blocks:
        if not first <= block.index <= last:
            yield Decision(block.index, OUTSIDE)
