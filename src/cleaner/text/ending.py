"""Where a dump's article ends: a ranker over the prose blocks of the core.

The core locator (:func:`cleaner.layers.content.locate_core`) finds a first and a last
block; what often follows the article inside that span is an author's biography, a
newsletter pitch, a product box or a teaser list that reads like prose. Each prose block
of the core that a gap without prose follows and that leaves only a tail after it (the
constants below) is a candidate last block of the article, and so is the core's last prose
block; a conditional logit scores each
candidate on layout and run-level features of the boundary after it (the prose before and
after, the gap without prose that follows, the block classifier's probabilities on each
side, section headings and end markers in the gap, and the shape of the tail: teaser-sized,
shorter or less probable prose, dated headers, repeated texts, the regular rhythm of a
teaser list or a comment thread) and the best one ends the article.
No feature reads a word list except the end markers, so the decision carries over to any
language. The weights ship in ``cleaner/data/end_model.json``; they were fitted by
``tools/train_end_model.py`` on wcxb-dev article pages and trafilatura-eval pages (by their
snippets; w3m dumps), with lynx dumps as the check.

>>> from cleaner.text.segment import segment
>>> body = [f"Sentence {n} of the article body, long enough to count as prose here." for n in range(6)]
>>> blocks = segment("\\n\\n".join(body))
>>> article_end(blocks, [0.9] * len(blocks), 0, len(blocks) - 1)
5
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from importlib import resources

import numpy as np

from cleaner.blocks import Block, opens_with_body
from cleaner.layers.threads import is_dated_header
from cleaner.text.columns import Vector, stack_columns
from cleaner.text.context import SECTION_HEADING_WORDS, Matrix

__all__ = [
    "END_FEATURES",
    "MAX_SHARE_AFTER",
    "MIN_SHARE_KEPT",
    "article_end",
    "end_candidates",
    "end_core",
]

#: The features of a candidate end (the boundary after a prose block), in weight order.
END_FEATURES: tuple[str, ...] = (
    "bias",
    "is_last",
    "share_after",
    "log_chars_after",
    "log_prose_after",
    "gap_after",
    "gap_before",
    "p",
    "p_next",
    "p_after",
    "p_gap",
    "p_before",
    "gain_after",
    "marker_in_gap",
    "headings_in_gap",
    "log_chars",
    "log_chars_next",
    "short_gap",
    "position",
    "p_next_rel",
    "p_gap_min",
    "prose_after_ratio",
    "log_chars_before",
    "share_before_all",
    "short_prose_after",
    "prose_len_rel",
    "dated_after",
    "headed_after",
    "p_prose_after_rel",
    "repeated_after",
    "regular_after",
)

#: The article ends before at most this share of the core's prose characters: a cut that
#: would drop more is not an article's tail but the body of a page whose core holds little
#: prose at its start (a listing's lead sentence before its entries). w3m, whole corpora,
#: per-page proxies on the held-out fifth of wcxb-dev: no cap drops other pages' body, 0.3
#: keeps the gain on articles and trafilatura-eval (0.15: two thirds of it). 0.4, weights
#: refitted, against 0.3 (5-fold cross-validation by page on the captured candidates, fitted
#: on w3m; on w3m / applied to lynx): trafilatura-eval snippet F1 0.8635 -> 0.8653 /
#: 0.8615 -> 0.8631, wcxb-dev articles 0.9127 -> 0.9138 / 0.9121 -> 0.9119, other pages
#: 0.6741 -> 0.6748 / 0.6640 -> 0.6638; no cap at all: 0.870 / 0.865 but articles 0.911 /
#: 0.909 and other pages 0.669 / 0.641 (the ranker then cuts a few articles short).
MAX_SHARE_AFTER = 0.4
#: ... and keeps at least this share of the core's characters (every block, prose or not):
#: a listing's entries, a product grid or a table are short lines the block classifier
#: rates low, but they are the body of such pages (w3m, held-out fifth of wcxb-dev, other
#: pages: per-page shingle F1 -0.0014 without this floor, +0.0005 with it; articles and
#: trafilatura-eval unchanged).
MIN_SHARE_KEPT = 0.3
#: ... and is followed by at least this many blocks without prose before the next prose
#: block (share buttons, "About the author", a sign-up label, the headline of the next
#: article): a cleaned text keeps its end whole anyway (``opens_with_body``). 1, with the
#: weights refitted, against 3: trafilatura-eval snippet F1 0.847 -> 0.849 (w3m) and
#: 0.843 -> 0.845 (lynx), wcxb-dev unchanged (articles 0.911 / 0.910, other pages 0.677 /
#: 0.668); 0 (every prose block): 0.848 / 0.844. Second passes over every 4th dump that
#: return the same text: wcxb-dev 266 -> 267 of 340 (w3m), 269 -> 274 (lynx);
#: trafilatura-eval 203 -> 205 and 203 -> 207 of 248.
MIN_GAP_BLOCKS = 1
#: Scale of the probability-weighted characters after a candidate (``gain_after``):
#: about a paragraph's worth, so one more paragraph of body moves the feature visibly.
GAIN_SCALE = 400.0
#: A prose block of at most this many characters is teaser-sized (a teaser's excerpt, a
#: comment's reply): a run of them after the article is a teaser list or a thread.
TEASER_CHARS = 300


def end_candidates(
    blocks: Sequence[Block], probabilities: Sequence[float], first: int, last: int
) -> tuple[list[int], Matrix]:
    """The candidate last blocks of the core ``blocks[first..last]`` (its prose blocks
    followed by at most :data:`MAX_SHARE_AFTER` of its prose and by a gap of at least
    :data:`MIN_GAP_BLOCKS` blocks without prose, keeping at least :data:`MIN_SHARE_KEPT`
    of its characters, and its last prose block; positions in
    ``blocks``) and
    their feature rows (:data:`END_FEATURES` order)."""
    span = blocks[first : last + 1]
    seen = Counter(b.folded for b in blocks)
    p = np.asarray(probabilities[first : last + 1], dtype=np.float64)
    # per block: characters, prose, section heading, short, end marker (gap blocks only)
    rows = np.array(
        [
            (
                len(b.text),
                b.prose,
                not b.prose
                and b.kind in ("paragraph", "heading")
                and 1 <= b.words <= SECTION_HEADING_WORDS,
                b.words <= SECTION_HEADING_WORDS,
                not b.prose and b.patterns.end_marker,
                is_dated_header(b),
                seen[b.folded] > 1,
            )
            for b in span
        ],
        dtype=np.float64,
    ).reshape(-1, 7)
    length, prose = rows[:, 0], rows[:, 1] > 0
    heading, short, marker, dated = rows[:, 2], rows[:, 3], rows[:, 4], rows[:, 5]
    repeated = rows[:, 6]
    where = np.flatnonzero(prose)
    if not len(where):
        return [], np.zeros((0, len(END_FEATURES)))
    n = len(span)
    prose_chars = np.where(prose, length, 0.0)
    # cumulative sums up to and including each block
    c_chars = np.cumsum(prose_chars)
    c_prose = np.cumsum(prose)
    c_pchars = np.cumsum(p * length)
    c_len = np.cumsum(length)
    c_p = np.cumsum(p)
    c_marker = np.cumsum(marker)
    c_heading = np.cumsum(heading)
    c_short = np.cumsum(short)
    c_gain = np.cumsum((p - 0.5) * (length + 20))
    total_chars = c_chars[-1]
    nxt = np.append(where[1:], n)  # the next prose block (n: none)
    prv = np.insert(where[:-1], 0, -1)
    j = where
    gap = nxt - j - 1  # blocks between the candidate and the next prose block

    def between(c: Vector, lo: np.ndarray, hi: np.ndarray) -> Vector:
        """Sum of the column over blocks lo+1..hi (inclusive), from its cumulative sum."""
        padded = np.concatenate([[0.0], c])
        sums: Vector = padded[np.minimum(hi, n - 1) + 1] - padded[lo + 1]
        return sums

    chars_after = total_chars - c_chars[j]
    gap_blocks = np.maximum(gap, 1).astype(np.float64)
    after_len = c_len[-1] - c_len[j]
    has_next = nxt < n
    # mean probability of the prose blocks up to each candidate; lowest probability in the
    # gap after it
    prose_mean = np.cumsum(np.where(prose, p, 0.0)) / np.maximum(c_prose, 1)
    gap_min = np.minimum.reduceat(np.where(prose, np.inf, p), j)
    gap_min[np.isinf(gap_min)] = 1.0
    # per prose block: teaser-sized; right after a block without prose (a headline, a name)
    teaser = prose & (length <= TEASER_CHARS)
    headed = prose & np.concatenate([[False], ~prose[:-1]])
    c_teaser = np.cumsum(teaser)
    c_headed = np.cumsum(headed)
    c_dated = np.cumsum(dated)
    c_pprose = np.cumsum(np.where(prose, p, 0.0))
    n_after = c_prose[-1] - c_prose[j]
    any_after = n_after > 0
    per_after = np.maximum(n_after, 1)
    mean_after = chars_after / per_after
    mean_before = c_chars[j] / np.maximum(c_prose[j], 1)
    # per prose block: the same number (at least one) of blocks without prose before it as
    # before the prose block ahead of it (the rhythm of a teaser list: image, title, excerpt)
    lead_gap = where - prv - 1
    regular = np.zeros(n)
    regular[where[1:]] = (lead_gap[1:] == lead_gap[:-1]) & (lead_gap[1:] >= 1)
    c_regular = np.cumsum(regular)
    c_repeated = np.cumsum(repeated)
    col = {
        "bias": np.ones(len(j)),
        "is_last": (~has_next).astype(np.float64),
        "share_after": chars_after / max(total_chars, 1.0),
        "log_chars_after": np.log1p(chars_after) / 8,
        "log_prose_after": np.log1p(c_prose[-1] - c_prose[j]) / 3,
        "gap_after": np.log1p(np.where(has_next, gap, n - 1 - j)) / 3,
        "gap_before": np.log1p(j - prv - 1) / 3,
        "p": p[j],
        "p_next": np.where(has_next, p[np.minimum(nxt, n - 1)], 0.0),
        "p_after": np.where(
            after_len > 0, (c_pchars[-1] - c_pchars[j]) / np.maximum(after_len, 1.0), 0.0
        ),
        "p_gap": np.where(gap > 0, between(c_p, j, nxt - 1) / gap_blocks, 0.0),
        "p_before": c_pchars[j] / np.maximum(c_len[j], 1.0),
        "gain_after": np.tanh((c_gain[-1] - c_gain[j]) / GAIN_SCALE),
        "marker_in_gap": (between(c_marker, j, nxt - 1) > 0).astype(np.float64),
        "headings_in_gap": np.log1p(between(c_heading, j, nxt - 1)) / 2,
        "log_chars": np.log1p(length[j]) / 8,
        "log_chars_next": np.where(has_next, np.log1p(length[np.minimum(nxt, n - 1)]) / 8, 0.0),
        "short_gap": np.where(gap > 0, between(c_short, j, nxt - 1) / gap_blocks, 0.0),
        "position": (first + j) / max(len(blocks), 1),
        "p_next_rel": np.where(has_next, p[np.minimum(nxt, n - 1)] - prose_mean[j], 0.0),
        "p_gap_min": np.where(gap > 0, gap_min, 1.0),
        "prose_after_ratio": np.log1p(chars_after) - np.log1p(c_chars[j]),
        "log_chars_before": np.log1p(c_len[j]) / 8,
        "share_before_all": c_len[j] / max(c_len[-1], 1.0),
        "short_prose_after": np.where(any_after, (c_teaser[-1] - c_teaser[j]) / per_after, 0.0),
        "prose_len_rel": np.where(any_after, np.log1p(mean_after) - np.log1p(mean_before), 0.0),
        "dated_after": np.log1p(c_dated[-1] - c_dated[j]) / 2,
        "headed_after": np.where(any_after, (c_headed[-1] - c_headed[j]) / per_after, 0.0),
        "p_prose_after_rel": np.where(
            any_after, (c_pprose[-1] - c_pprose[j]) / per_after - prose_mean[j], 0.0
        ),
        "repeated_after": (c_repeated[-1] - c_repeated[j]) / np.maximum(n - 1 - j, 1),
        "regular_after": np.where(any_after, (c_regular[-1] - c_regular[j]) / per_after, 0.0),
    }
    allowed = (
        (col["share_after"] <= MAX_SHARE_AFTER)
        & (col["share_before_all"] >= MIN_SHARE_KEPT)
        & (gap >= MIN_GAP_BLOCKS)
    ) | ~has_next
    return (
        [first + int(k) for k in j[allowed]],
        stack_columns([col[name] for name in END_FEATURES])[allowed],
    )


@functools.cache
def _weights() -> Vector:
    """The shipped ranker weights (read once; read-only)."""
    data = json.loads(resources.files("cleaner.data").joinpath("end_model.json").read_text("utf-8"))
    weights = np.array([float(data["weights"][name]) for name in END_FEATURES])
    weights.flags.writeable = False
    return weights


def article_end(
    blocks: Sequence[Block], probabilities: Sequence[float], first: int, last: int
) -> int:
    """The position of the article's last block within the core ``blocks[first..last]``:
    the best-scoring candidate of :func:`end_candidates` (``last`` when the core holds no
    prose)."""
    positions, rows = end_candidates(blocks, probabilities, first, last)
    if not positions:
        return last
    best = int(np.argmax(rows @ _weights()))
    return last if best == len(positions) - 1 else positions[best]


def end_core(
    blocks: Sequence[Block], probabilities: Sequence[float], core: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The ``core`` (first and last block index, as
    :func:`~cleaner.layers.content.locate_core` returns it) ending where
    :func:`article_end` ends the article; what it cuts off goes with the ``content.outside``
    rule."""
    if core is None:
        return None
    position = {b.index: pos for pos, b in enumerate(blocks)}
    first = position[core[0]]
    if opens_with_body(blocks, first):
        return core  # a cleaned text: its end is where its author left it
    end = article_end(blocks, probabilities, first, position[core[1]])
    return core[0], blocks[end].index
