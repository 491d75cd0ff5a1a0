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
from cleaner.features import is_prose
from cleaner.layers import Context, Decision
from cleaner.layers.header import TITLE
from cleaner.layers.lead import lead_blocks
from cleaner.layers.threads import thread_start
from cleaner.lexicon import HARD_END_MARKER
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
#: Blocks the classifier gives a body probability above this count for the core.
PROB_THRESHOLD = 0.35
#: Share of the classifier in the blended score (0: layout rules only, 1: classifier only).
MODEL_WEIGHT = 0.5
#: Added to a block's length when weighting its classifier score, so short blocks still count.
LENGTH_FLOOR = 20
#: The core starts at the first run scoring at least this share of the best run: an article
#: split by a long inline box (a table, a gallery) leads with a shorter run (0.5 -> 0.3 on
#: the whole corpora, w3m: +0.001 shingle F1 on wcxb-dev articles, +0.007 on other pages,
#: +0.003 snippet F1 on trafilatura-eval).
LEAD_RUN_SHARE = 0.3
#: Further runs scoring at least this share of the best run join the core.
SECOND_RUN_SHARE = 0.1
#: A core ends at a gap of this many blocks in a row without prose (share buttons, an
#: author box, tags) ...
TAIL_GAP_BLOCKS = 5
#: ... when the prose after the gap is less than this share of the prose before it (an
#: author's biography, a newsletter pitch); w3m, whole corpora, without the block limit
#: below: wcxb-dev articles shingle F1 +0.0024, trafilatura-eval snippet F1 +0.0089, other
#: pages -0.0011 (0.15: +0.0027, +0.0154, -0.0049; a gap of 8 blocks at 0.15: +0.0021,
#: +0.0106, -0.0027).
TAIL_PROSE_SHARE = 0.08
#: ... and when at most this many prose blocks follow the gap (product reviews after a
#: long gap are content on some pages; a biography or a pitch is a block or two). With
#: it: articles +0.0014, trafilatura-eval +0.0073, other pages -0.0006 (w3m).
TAIL_MAX_PROSE_BLOCKS = 2
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
        key = block.folded
        repeated = key in seen
        seen.add(key)
        if repeated:
            scores.append(0.0)  # a repeat adds no evidence (and the duplicates layer drops it)
        elif block.patterns.end_marker:
            scores.append(-END_MARKER_PENALTY)
        elif is_prose(block):
            packed = blank_separated and block.kind in ("line", "item")
            scores.append(len(block.text) * (PACKED_PROSE_FACTOR if packed else 1.0))
        elif block.kind in ("paragraph", "heading"):
            scores.append(-HEADING_PENALTY)
        else:
            scores.append(-NON_PROSE_PENALTY)
    return scores


def model_scores(blocks: Sequence[Block], probabilities: Sequence[float]) -> list[float]:
    """Layout scores blended with a classifier's: (p - :data:`PROB_THRESHOLD`) weighted by
    block length, mixed in with :data:`MODEL_WEIGHT`."""
    return [
        (1 - MODEL_WEIGHT) * layout
        + MODEL_WEIGHT * 2 * (p - PROB_THRESHOLD) * (len(b.text) + LENGTH_FLOOR)
        for b, p, layout in zip(blocks, probabilities, block_scores(blocks), strict=True)
    ]


def _runs(scores: Sequence[float]) -> list[tuple[float, int, int]]:
    """Every maximal run with a positive sum: (sum, first, last) positions, in order."""
    runs: list[tuple[float, int, int]] = []
    best, span, running, start = 0.0, None, 0.0, 0
    for pos, score in enumerate(scores):
        if running < 0:
            if span is not None:
                runs.append((best, *span))
            best, span, running, start = 0.0, None, 0.0, pos
        running += score
        if running > best:
            best, span = running, (start, pos)
    if span is not None:
        runs.append((best, *span))
    return runs


def locate_core(
    blocks: Sequence[Block], scores: Sequence[float] | None = None
) -> tuple[int, int] | None:
    """Return (first, last) block index of the article core, or ``None``.

    The core starts with the first run that scores at least :data:`LEAD_RUN_SHARE` of the
    best run (Kadane's maximum subarray): an article comes before its comments and its
    teasers, which can be longer. It then takes in the following runs that score at least
    :data:`SECOND_RUN_SHARE` of the best (articles broken by an advert or a table of
    contents), up to the first hard end marker ("Comments", "Most Read"), and ends before a
    thread of dated headers (:func:`~cleaner.layers.threads.thread_start`) and before a
    long gap without prose that only a little prose follows (an author box, a sign-up pitch). ``scores`` default to :func:`block_scores` (layout
    rules); the text front end passes :func:`model_scores` from its block classifier.
    """
    runs = _runs(block_scores(blocks) if scores is None else scores)
    if not runs:
        return None
    top = max(run[0] for run in runs)
    first = next(run for run in runs if run[0] >= LEAD_RUN_SHARE * top)
    ends = [pos for pos, b in enumerate(blocks) if pos > first[2] and HARD_END_MARKER.match(b.text)]
    limit = ends[0] if ends else len(blocks)
    kept = [
        run
        for run in runs
        if run[1] >= first[1] and run[2] < limit and run[0] >= SECOND_RUN_SHARE * top
    ]
    last = max(max((run[2] for run in kept), default=first[2]), first[2])
    thread = thread_start(blocks, first[1], last)
    if thread is not None:  # comments or dated teasers after the article
        last = thread - 1
    last = _before_tail(blocks, first[1], last)
    return blocks[first[1]].index, blocks[last].index


def _before_tail(blocks: Sequence[Block], first: int, last: int) -> int:
    """The position where the core ``blocks[first..last]`` ends: before the first gap of
    :data:`TAIL_GAP_BLOCKS` blocks without prose that only a little prose follows (less
    than :data:`TAIL_PROSE_SHARE` of the prose before it), else ``last``."""
    chars = [len(b.text) if b.prose else 0 for b in blocks[first : last + 1]]
    total, before, gap = sum(chars), 0, 0
    for offset, n in enumerate(chars):
        if n:
            before, gap = before + n, 0
            continue
        gap += 1
        if (
            gap == TAIL_GAP_BLOCKS
            and total - before < TAIL_PROSE_SHARE * before
            and sum(1 for n in chars[offset:] if n) <= TAIL_MAX_PROSE_BLOCKS
        ):
            return first + offset - gap
    return last


def outside(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    """Remove every live block outside the core (all of them when there is no core).

    The core is first trimmed to its first and last live prose block: once the specific
    layers have taken their share, an article neither starts nor ends on a stray label.
    The lead under the headline stays (:func:`~cleaner.layers.lead.lead_blocks`), even
    when other blocks stand between it and the core.
    """
    prose = [b for b in blocks if ctx.in_core(b) and is_prose(b)]
    if ctx.core is None or sum(len(b.text) for b in prose) < MIN_ARTICLE_CHARS:
        yield from (Decision(b.index, SHORT_PAGE) for b in blocks)
        return
    first, last = prose[0].index, prose[-1].index
    # the lead under the headline, which share buttons or a byline box may part from it
    headlines = [b for b in ctx.blocks if b.index < first and ctx.removed.get(b.index) == TITLE]
    lead = lead_blocks(blocks, headlines[-1], first=first) if headlines else set()
    for block in blocks:
        if not first <= block.index <= last and block.index not in lead:
            yield Decision(block.index, OUTSIDE)
