"""The block classifier for text dumps: transparent features, a logistic model, its weights
shipped in ``cleaner/data/text_model.json``.

Each block is described by the features below (all computed from the dump alone: layout,
length, punctuation, stop-word density in the page's language, neighbours, boilerplate
patterns); the later stages (:mod:`cleaner.text.context`) read the previous stage's
probabilities around each block and the page's layout after its densest run. The weights
were fitted on the wcxb-dev development corpus (w3m dumps) by
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

from cleaner.blocks import Block
from cleaner.metadata.language import guess_language, stopwords
from cleaner.text.columns import Vector, safe_div, stack_columns, text_columns
from cleaner.text.context import CONTEXT_FEATURES, Matrix, context_features, layout_columns
from cleaner.text.windows import neighbour_mean, shifted

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


def _opener_repeats(blocks: Sequence[Block]) -> Vector:
    """For short blocks: how many other short blocks open with the same word (log-scaled)."""
    openers = [
        b.text.split(maxsplit=1)[0].casefold() if b.words <= OPENER_MAX_WORDS else None
        for b in blocks
    ]
    counts = Counter(o for o in openers if o is not None)
    repeats = np.array([counts[o] if o is not None else 1 for o in openers], dtype=np.float64)
    return np.log1p(repeats - 1) / 3


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
        prev_prose=shifted(prose, 1),
        next_prose=shifted(prose, -1),
        context_prose=neighbour_mean(prose, CONTEXT_BLOCKS),
        context_chars=neighbour_mean(chars, CONTEXT_BLOCKS),
        same_group_prose=safe_div(group_prose - prose, group_size - 1),
        indent_is_mode=(indent == mode).astype(np.float64),
        after_end_marker=shifted(seen_end, 1),
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
    return stack_columns([col[name] for name in FEATURES])


#: The stages after the first, in the order they run, by their key in the weights file:
#: each reads the previous stage's probabilities through :func:`context_features`.
CONTEXT_STAGES = ("context_weights", "refine_weights")


@functools.cache
def _weights() -> MappingProxyType[str, Vector]:
    """The shipped weights of every stage (read once; read-only)."""
    data = json.loads(
        resources.files("cleaner.data").joinpath("text_model.json").read_text("utf-8")
    )
    stages = {"block": np.array([float(data["weights"][name]) for name in FEATURES])}
    for key in CONTEXT_STAGES:
        stages[key] = np.array([float(data[key][name]) for name in CONTEXT_FEATURES])
    for weights in stages.values():
        weights.flags.writeable = False
    return MappingProxyType(stages)


def _sigmoid(z: Vector) -> Vector:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def first_stage_probabilities(blocks: Sequence[Block], language: str | None = None) -> Vector:
    """P(body) for each block from its own features (the first stage)."""
    return _sigmoid(block_features(blocks, language) @ _weights()["block"])


def block_probabilities(blocks: Sequence[Block], language: str | None = None) -> list[float]:
    """P(block belongs to the article body) for each block (all stages)."""
    if not blocks:
        return []
    weights = _weights()
    p = first_stage_probabilities(blocks, language)
    layout = layout_columns(blocks)
    for key in CONTEXT_STAGES:
        p = _sigmoid(context_features(blocks, p, layout) @ weights[key])
    return list(p.tolist())
