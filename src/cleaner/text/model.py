"""The block classifier for text dumps: transparent features, a logistic model, its weights
shipped in ``cleaner/data/text_model.json``.

Each block is described by the features below (all computed from the dump alone: layout,
length, punctuation, stop-word density in the page's language, neighbours, boilerplate
patterns). The weights were fitted on the wcxb-dev development corpus (w3m dumps) by
``tools/train_text_model.py``; lynx dumps and trafilatura-eval are the checks. Every
feature is named, so a block's score can be explained term by term.

>>> from cleaner.text.segment import segment
>>> blocks = segment("  • Home\\n  • News\\n\\nThe minister said on Tuesday that the plan would be presented next month.")
>>> probs = block_probabilities(blocks)
>>> probs[0] < 0.5 < probs[2]
True
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from cleaner.blocks import Block
from cleaner.metadata.language import guess_language, stopwords
from cleaner.text.columns import Vector, safe_div, text_columns

__all__ = [
    "CONTEXT_FEATURES",
    "FEATURES",
    "block_features",
    "block_probabilities",
    "context_features",
    "prose_sample",
]

#: Neighbourhood (in blocks, each side) whose prose share is a feature.
CONTEXT_BLOCKS = 2
#: Bin edges (upper bounds) of the binned features; each bin is a 0/1 feature, so the
#: linear model can learn non-monotone effects (very short and very long blocks both
#: look unlike body paragraphs in some layouts).
CHAR_BINS = (15, 40, 80, 160, 320, 800)
POSITION_BINS = (0.1, 0.25, 0.5, 0.75, 0.9)
GROUP_BINS = (1, 3, 10)
INDENT_BINS = (0, 3, 8)


#: A matrix of feature rows (one per block).
Matrix = npt.NDArray[np.float64]


def _bin_names(name: str, edges: Sequence[float]) -> tuple[str, ...]:
    return (*tuple(f"{name}<={edge}" for edge in edges), f"{name}>{edges[-1]}")


FEATURES: tuple[str, ...] = (
    "bias",
    "log_chars",
    "words",
    "prose",
    "sentence_end",
    "item",
    "line",
    "indent",
    "group_size",
    "title_case",
    "digits",
    "commas",
    "stopwords",
    "lowercase_start",
    "avg_word_len",
    "end_marker",
    "counter",
    "widget",
    "ui_label",
    "footer",
    "credit",
    "promo",
    "byline",
    "repeated",
    "position",
    "position_sq",
    "linkish",
    "prev_prose",
    "next_prose",
    "context_prose",
    "context_chars",
    "same_group_prose",
    "indent_is_mode",
    "after_end_marker",
    *_bin_names("chars", CHAR_BINS),
    *_bin_names("position", POSITION_BINS),
    *_bin_names("group", GROUP_BINS),
    *_bin_names("indent", INDENT_BINS),
    "stopwords_x_prose",
    "chars_x_prose",
    "char_position",
    "opener_repeats",
    "timestamp",
)


#: Second stage: the first stage's probabilities around each block, and where the block
#: stands relative to the densest run of probable blocks.
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
)
#: Half-width of the window whose mean first-stage probability is a second-stage feature.
WINDOW_BLOCKS = 3
#: Half-width of the wider window (a comment thread or a teaser list around the block).
WIDE_WINDOW_BLOCKS = 12
#: Blocks of at most this many words are compared by their first word (``opener_repeats``):
#: comment headers, "Reply" links and teaser labels repeat their opener down the page.
OPENER_MAX_WORDS = 12
def _one_hot(values: Vector, edges: Sequence[float]) -> list[Vector]:
    """0/1 columns of the bin of each value (upper bounds ``edges``, plus an overflow bin)."""
    hot = np.searchsorted(np.asarray(edges, dtype=np.float64), values, side="left")
    return [(hot == k).astype(np.float64) for k in range(len(edges) + 1)]


def prose_sample(blocks: Sequence[Block]) -> str:
    """The first few thousand characters of prose (the page's language is guessed on it)."""
    return (
        " ".join(b.text for b in blocks if b.prose)[:4000]
        or " ".join(b.text for b in blocks)[:4000]
    )


def _window_sum(values: Vector, k: int) -> Vector:
    """Sum of ``values`` over the ``k`` blocks each side and the block itself."""
    padded = np.concatenate([np.zeros(k), values, np.zeros(k)])
    return np.convolve(padded, np.ones(2 * k + 1), "valid")


def _neighbour_mean(values: Vector, k: int) -> Vector:
    """Mean of ``values`` over the ``k`` blocks each side (the block itself left out)."""
    n = len(values)
    counts = np.minimum(np.arange(n), k) + np.minimum(np.arange(n)[::-1], k)
    return safe_div(_window_sum(values, k) - values, counts.astype(np.float64))


def _window_mean(values: Vector, k: int) -> Vector:
    """Mean of ``values`` over the ``k`` blocks each side and the block itself."""
    n = len(values)
    idx = np.arange(n)
    sizes = (np.minimum(idx + k, n - 1) - np.maximum(idx - k, 0) + 1).astype(np.float64)
    return safe_div(_window_sum(values, k), sizes)


def _shifted(values: Vector, by: int) -> Vector:
    """``values`` moved ``by`` positions (positive: the previous block's value), 0-padded."""
    out = np.zeros_like(values)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def _opener_repeats(blocks: Sequence[Block]) -> Vector:
    """For short blocks: how many other short blocks open with the same word (log-scaled)."""
    openers = [
        b.text.split(maxsplit=1)[0].casefold() if b.words <= OPENER_MAX_WORDS else None
        for b in blocks
    ]
    counts = Counter(o for o in openers if o is not None)
    return np.array([np.log1p(counts[o] - 1) / 3 if o is not None else 0.0 for o in openers])


def block_features(blocks: Sequence[Block], language: str | None = None) -> Matrix:
    """The feature matrix: one row (in :data:`FEATURES` order) per block.

    One pass reads each block's text (:func:`cleaner.text.columns.text_columns`); what
    depends on neighbours, groups or bins is computed on whole columns. ``language`` (ISO
    code) picks the stop-word list; it is guessed when not given.
    """
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    stop = stopwords(language or guess_language(prose_sample(blocks)))
    col = text_columns(blocks, stop)
    prose, indent, length = col["prose"], col["indent"], col["length"]
    counts = Counter(b.text for b in blocks)
    _, group_of = np.unique(np.array([b.group for b in blocks]), return_inverse=True)
    group_size = np.bincount(group_of)[group_of].astype(np.float64)
    group_prose = np.bincount(group_of, weights=prose)[group_of]
    prose_indents = Counter(indent[prose > 0].tolist()).most_common(1)
    mode = prose_indents[0][0] if prose_indents else -1.0
    chars = np.log1p(length) / 8
    position = np.arange(n, dtype=np.float64) / n
    seen_end = np.maximum.accumulate(col["end_marker"])
    col.update(
        bias=np.ones(n),
        log_chars=chars,
        words=np.minimum(col["words"], 80) / 80,
        indent=np.minimum(indent, 12) / 12,
        group_size=np.log1p(group_size) / 5,
        repeated=np.array([counts[b.text] > 1 for b in blocks], dtype=np.float64),
        position=position,
        position_sq=position**2,
        prev_prose=_shifted(prose, 1),
        next_prose=_shifted(prose, -1),
        context_prose=_neighbour_mean(prose, CONTEXT_BLOCKS),
        context_chars=_neighbour_mean(chars, CONTEXT_BLOCKS),
        same_group_prose=safe_div(group_prose - prose, group_size - 1),
        indent_is_mode=(indent == mode).astype(np.float64),
        after_end_marker=_shifted(seen_end, 1),
        stopwords_x_prose=col["stopwords"] * prose,
        chars_x_prose=chars * prose,
        char_position=(np.cumsum(length) - length) / max(float(length.sum()), 1.0),
        opener_repeats=_opener_repeats(blocks),
    )
    for name, values, edges in (
        ("chars", length, CHAR_BINS),
        ("position", position, POSITION_BINS),
        ("group", group_size, GROUP_BINS),
        ("indent", indent, INDENT_BINS),
    ):
        col.update(zip(_bin_names(name, edges), _one_hot(values, edges), strict=True))
    return np.column_stack([col[name] for name in FEATURES])


@functools.cache
def _weights() -> MappingProxyType[str, Vector]:
    """The shipped weights of both stages (read once; read-only)."""
    data = json.loads(
        resources.files("cleaner.data").joinpath("text_model.json").read_text("utf-8")
    )
    block = np.array([float(data["weights"][name]) for name in FEATURES])
    context = np.array([float(data["context_weights"][name]) for name in CONTEXT_FEATURES])
    block.flags.writeable = False
    context.flags.writeable = False
    return MappingProxyType({"block": block, "context": context})


def _sigmoid(z: Vector) -> Vector:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def _densest_run(blocks: Sequence[Block], probabilities: Vector) -> tuple[int, int]:
    """Positions of the maximum-sum run of (p - 0.5) * length (first, last; (0, -1) if none)."""
    best, span, running, start = 0.0, (0, -1), 0.0, 0
    gains = ((probabilities - 0.5) * (np.array([len(b.text) for b in blocks]) + 20)).tolist()
    for pos, gain in enumerate(gains):
        if running < 0:
            running, start = 0.0, pos
        running += gain
        if running > best:
            best, span = running, (start, pos)
    return span


def context_features(blocks: Sequence[Block], first_stage: Vector) -> Matrix:
    """Second-stage feature matrix (rows in :data:`CONTEXT_FEATURES` order)."""
    n = len(blocks)
    p = np.asarray(first_stage, dtype=np.float64)
    lo_run, hi_run = _densest_run(blocks, p)
    _, group_of = np.unique(np.array([b.group for b in blocks]), return_inverse=True)
    group_mean = (np.bincount(group_of, weights=p) / np.bincount(group_of))[group_of]
    idx = np.arange(n)
    length = np.array([len(b.text) for b in blocks], dtype=np.float64)
    # characters between the end of the densest run and the block; probable body characters
    # still to come after the block, as a share of the page's
    run_end = float(length[: hi_run + 1].sum()) if hi_run >= 0 else 0.0
    after_run_chars = np.cumsum(length) - length - run_end
    prob_chars = p * length
    total = np.full(n, max(float(prob_chars.sum()), 1.0))
    in_run = (idx >= lo_run) & (idx <= hi_run)
    distance = np.where(in_run, 0, np.minimum(np.abs(idx - lo_run), np.abs(idx - hi_run)))
    col = {
        "bias": np.ones(n),
        "p": p,
        "logit": np.log((p + 1e-4) / (1 - p + 1e-4)) / 5,
        "p_prev": _shifted(p, 1),
        "p_next": _shifted(p, -1),
        "p_prev2": _shifted(p, 2),
        "p_next2": _shifted(p, -2),
        "p_window": _window_mean(p, WINDOW_BLOCKS),
        "p_group": group_mean,
        "in_run": in_run.astype(np.float64),
        "before_run": (idx < lo_run).astype(np.float64),
        "after_run": (idx > hi_run).astype(np.float64),
        "run_distance": np.log1p(distance) / 4,
        "p_wide": _window_mean(p, WIDE_WINDOW_BLOCKS),
        "run_chars_after": np.log1p(np.where(idx > hi_run, after_run_chars, 0.0)) / 10,
        "prose_after": safe_div(prob_chars[::-1].cumsum()[::-1] - prob_chars, total),
    }
    return np.column_stack([col[name] for name in CONTEXT_FEATURES])


def first_stage_probabilities(blocks: Sequence[Block], language: str | None = None) -> Vector:
    """P(body) for each block from its own features (the first stage)."""
    return _sigmoid(block_features(blocks, language) @ _weights()["block"])


def block_probabilities(blocks: Sequence[Block], language: str | None = None) -> list[float]:
    """P(block belongs to the article body) for each block (both stages)."""
    if not blocks:
        return []
    first = first_stage_probabilities(blocks, language)
    return list(_sigmoid(context_features(blocks, first) @ _weights()["context"]).tolist())
