"""The block classifier's later stages: the previous stage's probabilities around each
block, where it stands relative to the densest run of probable blocks, and the run-level
layout of the page after that run (teaser lists, section headings, gaps without body).

Each later stage of :func:`cleaner.text.model.block_probabilities` reads these features
computed on the previous stage's probabilities. The layout columns (:func:`layout_columns`)
do not depend on the probabilities and are read once per page.

>>> from cleaner.text.segment import segment
>>> blocks = segment("A teaser headline here\\n\\nA teaser headline here and the start of its story…")
>>> columns = layout_columns(blocks)
>>> columns["teaser_pair"].tolist(), columns["ellipsis"].tolist()
([1.0, 1.0], [0.0, 1.0])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from cleaner.blocks import Block
from cleaner.features import is_short
from cleaner.text.columns import Vector, safe_div, stack_columns
from cleaner.text.windows import gap_since, shifted, window_mean

__all__ = ["CONTEXT_FEATURES", "Matrix", "context_features", "layout_columns"]

#: A matrix of feature rows (one per block).
Matrix = npt.NDArray[np.float64]

#: The later stages' features, in weight order.
CONTEXT_FEATURES: tuple[str, ...] = (
    "bias",
    "p",
    "logit",
    "p_prev",
    "p_next",
    "p_prev2",
    "p_next2",
    "p_window",
    "p_group",
    "in_run",
    "before_run",
    "after_run",
    "run_distance",
    "p_wide",
    "run_chars_after",
    "prose_after",
    "teaser_pair",
    "ellipsis",
    "short_window",
    "gap_before",
    "gap_after",
    "p_rel_run",
    "heading_after_run",
)
#: Half-width of the window whose mean probability is a feature.
WINDOW_BLOCKS = 3
#: Half-width of the wider window (a comment thread or a teaser list around the block).
WIDE_WINDOW_BLOCKS = 12
#: Half-width of the window whose share of short blocks (menus, teaser labels, dates) is
#: a feature.
SHORT_WINDOW_BLOCKS = 5
#: A block at least this probable counts as body when gaps without body are measured ...
LIKELY_BODY = 0.5
#: ... and gaps longer than this many blocks count as this long.
MAX_GAP_BLOCKS = 50
#: A standalone line of at most this many words that is not prose reads as a section
#: heading ("Related articles", "Über den Autor", "Kommentare") when it comes after the
#: densest run.
SECTION_HEADING_WORDS = 6
#: Endings of a cut-off teaser text.
_ELLIPSES = ("…", "...")


def layout_columns(blocks: Sequence[Block]) -> dict[str, Vector]:
    """The features that read the blocks alone (computed once for all stages):

    * ``teaser_pair``: the block repeats the previous one and goes on (a teaser's headline
      and then headline plus excerpt), or the next block does so with this one;
    * ``ellipsis``: it ends cut off (``…``), as teaser excerpts do;
    * ``short_window``: the share of short blocks around it;
    * ``section_heading``: a standalone short line that is not prose;

    and, for the stages' own use, each block's ``length`` and the number of its blank-line
    ``group`` (0, 1, ... in order).
    """
    texts = [b.text for b in blocks]
    _, group_of = np.unique(np.array([b.group for b in blocks]), return_inverse=True)
    repeats_previous = np.array(
        [False]
        + [
            before.words >= 2 and len(b.text) > len(before.text) and b.text.startswith(before.text)
            for before, b in pairwise(blocks)
        ],
        dtype=np.float64,
    )
    short = np.array([is_short(b) for b in blocks], dtype=np.float64)
    return {
        "length": np.array([len(t) for t in texts], dtype=np.float64),
        "group": group_of.astype(np.float64),
        "teaser_pair": np.maximum(repeats_previous, shifted(repeats_previous, -1)),
        "ellipsis": np.array([t.endswith(_ELLIPSES) for t in texts], dtype=np.float64),
        "short_window": window_mean(short, SHORT_WINDOW_BLOCKS),
        "section_heading": np.array(
            [
                b.kind in ("paragraph", "heading")
                and not b.prose
                and 1 <= b.words <= SECTION_HEADING_WORDS
                for b in blocks
            ],
            dtype=np.float64,
        ),
    }


def densest_run(length: Vector, probabilities: Vector) -> tuple[int, int]:
    """Positions of the maximum-sum run of (p - 0.5) * (length + 20) (first, last; (0, -1)
    if none), for blocks of ``length`` characters."""
    best, span, running, start = 0.0, (0, -1), 0.0, 0
    gains = ((probabilities - 0.5) * (length + 20)).tolist()
    for pos, gain in enumerate(gains):
        if running < 0:
            running, start = 0.0, pos
        running += gain
        if running > best:
            best, span = running, (start, pos)
    return span


def context_features(
    blocks: Sequence[Block], previous: Vector, layout: Mapping[str, Vector] | None = None
) -> Matrix:
    """Feature matrix of a later stage (rows in :data:`CONTEXT_FEATURES` order) from the
    previous stage's probabilities; ``layout`` is :func:`layout_columns` of the blocks
    (computed when not given)."""
    n = len(blocks)
    p = np.asarray(previous, dtype=np.float64)
    layout = layout_columns(blocks) if layout is None else layout
    length = layout["length"]
    lo_run, hi_run = densest_run(length, p)
    group_of = layout["group"].astype(np.int64)
    group_mean = (np.bincount(group_of, weights=p) / np.bincount(group_of))[group_of]
    idx = np.arange(n)
    # characters between the end of the densest run and the block; probable body characters
    # still to come after the block, as a share of the page's
    run_end = float(length[: hi_run + 1].sum()) if hi_run >= 0 else 0.0
    after_run_chars = np.cumsum(length) - length - run_end
    prob_chars = p * length
    total = np.full(n, max(float(prob_chars.sum()), 1.0))
    in_run = (idx >= lo_run) & (idx <= hi_run)
    after = idx > hi_run
    distance = np.where(in_run, 0, np.minimum(np.abs(idx - lo_run), np.abs(idx - hi_run)))
    likely = p >= LIKELY_BODY
    run_mean = float(p[lo_run : hi_run + 1].mean()) if hi_run >= lo_run else LIKELY_BODY
    # a section heading between the densest run and the block
    headings_after = np.cumsum(layout["section_heading"] * after)
    col = {
        "bias": np.ones(n),
        "p": p,
        "logit": np.log((p + 1e-4) / (1 - p + 1e-4)) / 5,
        "p_prev": shifted(p, 1),
        "p_next": shifted(p, -1),
        "p_prev2": shifted(p, 2),
        "p_next2": shifted(p, -2),
        "p_window": window_mean(p, WINDOW_BLOCKS),
        "p_group": group_mean,
        "in_run": in_run.astype(np.float64),
        "before_run": (idx < lo_run).astype(np.float64),
        "after_run": after.astype(np.float64),
        "run_distance": np.log1p(distance) / 4,
        "p_wide": window_mean(p, WIDE_WINDOW_BLOCKS),
        "run_chars_after": np.log1p(np.where(after, after_run_chars, 0.0)) / 10,
        "prose_after": safe_div(prob_chars[::-1].cumsum()[::-1] - prob_chars, total),
        "teaser_pair": layout["teaser_pair"],
        "ellipsis": layout["ellipsis"],
        "short_window": layout["short_window"],
        "gap_before": np.log1p(np.minimum(gap_since(likely), MAX_GAP_BLOCKS)) / 4,
        "gap_after": np.log1p(np.minimum(gap_since(likely[::-1])[::-1], MAX_GAP_BLOCKS)) / 4,
        "p_rel_run": p - run_mean,
        "heading_after_run": (after & (shifted(headings_after, 1) > 0)).astype(np.float64),
    }
    return stack_columns([col[name] for name in CONTEXT_FEATURES])
