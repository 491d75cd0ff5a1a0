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
import math
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from operator import mul
from types import MappingProxyType

from cleaner.blocks import Block
from cleaner.features import one_hot
from cleaner.layers.captions import has_credit
from cleaner.lexicon import (
    BYLINE,
    COUNTER,
    END_MARKER,
    FOOTER_LINE,
    PROMO,
    RIGHTS,
    SENTENCE_END,
    UI_LABEL,
    WIDGET,
)
from cleaner.metadata.language import guess_language, stopwords

__all__ = [
    "CONTEXT_FEATURES",
    "FEATURES",
    "block_features",
    "block_probabilities",
    "context_features",
    "prose_sample",
]

#: Word-level features read only this many characters of a block (enough for ratios).
SAMPLE_CHARS = 400
#: Boilerplate patterns (counters, widgets, labels, promos) are only tried on blocks this short.
MAX_PATTERN_WORDS = 30
#: Neighbourhood (in blocks, each side) whose prose share is a feature.
CONTEXT_BLOCKS = 2
#: Tokens used to measure stop-word density per block.
_TOKEN = re.compile(r"\w+")
_LINKISH = re.compile(r"\(BUTTON\)|\[[^\]]*\]|[|»›>]|\bIMG\b")

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
)
#: Half-width of the window whose mean first-stage probability is a second-stage feature.
WINDOW_BLOCKS = 3


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def prose_sample(blocks: Sequence[Block]) -> str:
    """The first few thousand characters of prose (the page's language is guessed on it)."""
    return (
        " ".join(b.text for b in blocks if b.prose)[:4000]
        or " ".join(b.text for b in blocks)[:4000]
    )


def block_features(blocks: Sequence[Block], language: str | None = None) -> list[list[float]]:
    """One feature vector (in :data:`FEATURES` order) per block.

    ``language`` (ISO code) picks the stop-word list; it is guessed when not given.
    """
    n = len(blocks)
    if n == 0:
        return []
    stop = stopwords(language or guess_language(prose_sample(blocks)))
    counts = Counter(b.text for b in blocks)
    group_sizes = Counter(b.group for b in blocks)
    group_prose = Counter(b.group for b in blocks if b.prose)
    indent_mode = Counter(b.indent for b in blocks if b.prose).most_common(1)
    mode = indent_mode[0][0] if indent_mode else -1
    prose = [1.0 if b.prose else 0.0 for b in blocks]
    chars = [math.log1p(len(b.text)) for b in blocks]
    seen_end = False
    rows: list[list[float]] = []
    for i, b in enumerate(blocks):
        text = b.text
        head = text[:SAMPLE_CHARS]
        tokens = _TOKEN.findall(head.lower())
        words = head.split()
        lo, hi = max(0, i - CONTEXT_BLOCKS), min(n, i + CONTEXT_BLOCKS + 1)
        context = [j for j in range(lo, hi) if j != i]
        short = b.words <= MAX_PATTERN_WORDS
        is_end = short and bool(END_MARKER.match(text))
        rows.append(
            [
                1.0,
                chars[i] / 8,
                min(b.words, 80) / 80,
                prose[i],
                1.0 if SENTENCE_END.search(text[-4:]) else 0.0,
                1.0 if b.kind == "item" else 0.0,
                1.0 if b.kind == "line" else 0.0,
                min(b.indent, 12) / 12,
                math.log1p(group_sizes[b.group]) / 5,
                _ratio(sum(1 for w in words if w[:1].isupper()), len(words)),
                _ratio(sum(map(str.isdigit, head)), len(head)),
                min(text.count(","), 6) / 6,
                _ratio(sum(1 for t in tokens if t in stop), len(tokens)),
                1.0 if text[:1].islower() else 0.0,
                min(_ratio(sum(len(t) for t in tokens), len(tokens)), 15) / 15,
                1.0 if is_end else 0.0,
                1.0 if short and COUNTER.match(text) else 0.0,
                1.0 if short and WIDGET.match(text) else 0.0,
                1.0 if short and UI_LABEL.match(text) else 0.0,
                1.0 if b.words <= 25 and (FOOTER_LINE.match(text) or RIGHTS.search(text)) else 0.0,
                1.0 if b.words <= 60 and has_credit(text) else 0.0,
                1.0 if short and PROMO.match(text) else 0.0,
                1.0 if b.words <= 12 and BYLINE.match(text) else 0.0,
                1.0 if counts[text] > 1 else 0.0,
                i / n,
                (i / n) ** 2,
                min(len(_LINKISH.findall(text)), 5) / 5,
                prose[i - 1] if i > 0 else 0.0,
                prose[i + 1] if i + 1 < n else 0.0,
                _ratio(sum(prose[j] for j in context), len(context)),
                _ratio(sum(chars[j] for j in context), len(context)) / 8,
                _ratio(group_prose[b.group] - prose[i], group_sizes[b.group] - 1),
                1.0 if b.indent == mode else 0.0,
                1.0 if seen_end else 0.0,
                *one_hot(len(text), CHAR_BINS),
                *one_hot(i / n, POSITION_BINS),
                *one_hot(group_sizes[b.group], GROUP_BINS),
                *one_hot(b.indent, INDENT_BINS),
                _ratio(sum(1 for t in tokens if t in stop), len(tokens)) * prose[i],
                chars[i] / 8 * prose[i],
            ]
        )
        seen_end = seen_end or is_end
    return rows


@functools.cache
def _weights() -> MappingProxyType[str, tuple[float, ...]]:
    """The shipped weights of both stages (read once; read-only)."""
    data = json.loads(
        resources.files("cleaner.data").joinpath("text_model.json").read_text("utf-8")
    )
    return MappingProxyType(
        {
            "block": tuple(float(data["weights"][name]) for name in FEATURES),
            "context": tuple(float(data["context_weights"][name]) for name in CONTEXT_FEATURES),
        }
    )


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _densest_run(blocks: Sequence[Block], probabilities: Sequence[float]) -> tuple[int, int]:
    """Positions of the maximum-sum run of (p - 0.5) * length (first, last; (0, -1) if none)."""
    best, span, running, start = 0.0, (0, -1), 0.0, 0
    for pos, (block, p) in enumerate(zip(blocks, probabilities, strict=True)):
        if running < 0:
            running, start = 0.0, pos
        running += (p - 0.5) * (len(block.text) + 20)
        if running > best:
            best, span = running, (start, pos)
    return span


def context_features(blocks: Sequence[Block], first_stage: Sequence[float]) -> list[list[float]]:
    """Second-stage feature vectors (in :data:`CONTEXT_FEATURES` order)."""
    n = len(blocks)
    lo_run, hi_run = _densest_run(blocks, first_stage)
    group_sum: dict[int, float] = {}
    group_n: Counter[int] = Counter()
    for b, p in zip(blocks, first_stage, strict=True):
        group_sum[b.group] = group_sum.get(b.group, 0.0) + p
        group_n[b.group] += 1
    rows = []
    for i, (b, p) in enumerate(zip(blocks, first_stage, strict=True)):
        window = first_stage[max(0, i - WINDOW_BLOCKS) : i + WINDOW_BLOCKS + 1]
        distance = 0 if lo_run <= i <= hi_run else min(abs(i - lo_run), abs(i - hi_run))
        rows.append(
            [
                1.0,
                p,
                math.log((p + 1e-4) / (1 - p + 1e-4)) / 5,
                first_stage[i - 1] if i > 0 else 0.0,
                first_stage[i + 1] if i + 1 < n else 0.0,
                first_stage[i - 2] if i > 1 else 0.0,
                first_stage[i + 2] if i + 2 < n else 0.0,
                sum(window) / len(window),
                group_sum[b.group] / group_n[b.group],
                1.0 if lo_run <= i <= hi_run else 0.0,
                1.0 if i < lo_run else 0.0,
                1.0 if i > hi_run else 0.0,
                math.log1p(distance) / 4,
            ]
        )
    return rows


def first_stage_probabilities(blocks: Sequence[Block], language: str | None = None) -> list[float]:
    vector = _weights()["block"]
    return [_sigmoid(sum(map(mul, vector, row))) for row in block_features(blocks, language)]


def block_probabilities(blocks: Sequence[Block], language: str | None = None) -> list[float]:
    """P(block belongs to the article body) for each block (both stages)."""
    first = first_stage_probabilities(blocks, language)
    vector = _weights()["context"]
    return [_sigmoid(sum(map(mul, vector, row))) for row in context_features(blocks, first)]
