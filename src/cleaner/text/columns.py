"""The blocks' own feature columns, read from the text of a whole page at once.

Character statistics come from numpy arrays over the joined text of all blocks, regular
expressions run once over that text and their hits are assigned to blocks by offset; only
the boilerplate patterns are tried block by block. :mod:`cleaner.text.model` builds the
classifier's features from these columns.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Home\\n\\nThe minister said on Tuesday that it was done.")
>>> columns = text_columns(blocks, frozenset({"the"}))
>>> columns["sentence_end"].tolist(), columns["stopwords"].tolist()
([0.0, 1.0], [0.0, 0.1111111111111111])
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from cleaner.blocks import Block
from cleaner.lexicon import NO_LINE_PATTERNS, SENTENCE_END, has_rights

__all__ = [
    "COLUMN_SLICE_BLOCKS",
    "SAMPLE_CHARS",
    "Vector",
    "page_columns",
    "safe_div",
    "stack_columns",
    "text_columns",
]

#: A column of per-block values.
Vector = npt.NDArray[np.float64]

#: Word-level features read only this many characters of a block (enough for ratios).
SAMPLE_CHARS = 400
#: Blocks whose text is read in one numpy pass. Every column is per block, so reading a
#: long page in slices gives the same values while bounding the per-character arrays: in
#: one pass a 20 MB dump peaked at 936 MB. Slices of this size hold at most ~0.8M characters.
COLUMN_SLICE_BLOCKS = 2048
#: Boilerplate patterns (counters, widgets, labels, promos) are only tried on blocks this short.
MAX_PATTERN_WORDS = 30
#: Tokens used to measure stop-word density per block.
_TOKEN = re.compile(r"\w+")
#: A form button in a w3m dump (a link-like mark besides those of :data:`_LINK_CHARS`).
_BUTTON = re.compile(r"\(BUTTON\)")
#: A sentence end at the end of a line (:data:`~cleaner.lexicon.SENTENCE_END`, multi-line).
_SENTENCE_END_LINE = re.compile(SENTENCE_END.pattern, re.MULTILINE)
#: The boilerplate-pattern features, in the order :func:`_patterns` returns them.
_PATTERN_NAMES = (
    "end_marker", "counter", "widget", "ui_label", "footer", "credit", "promo", "byline"
)

#: A time of day, a numeric date or a year: comment and teaser headers carry them
#: (``\b\d{1,2}:\d{2}\b``, ``\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b``, ``\b(?:19|20)\d{2}\b``),
#: written to open with the digit and look back for the word boundary before it: a
#: pattern that opens with a character class lets the regex engine skip to the next
#: digit, three times faster over a page than trying the boundary at every character.
_TIMESTAMP = re.compile(
    r"\d(?<!\w\d)(?:\d?:\d{2}\b|\d?[./-]\d{1,2}[./-]\d{2,4}\b|(?<=1)9\d{2}\b|(?<=2)0\d{2}\b)"
)



def safe_div(part: Vector, whole: Vector) -> Vector:
    """Elementwise ``part / whole``, 0 where ``whole`` is 0."""
    return np.divide(part, whole, out=np.zeros_like(part), where=whole != 0)


def stack_columns(columns: Sequence[Vector]) -> npt.NDArray[np.float64]:
    """``np.column_stack(columns)`` for columns of one length: the same matrix, C-ordered
    with the same strides (so a product with it adds in the same order), built as rows
    and transposed: a third of the time for the classifier's 60 columns (0.3 -> 0.1 ms).

    >>> stack_columns([np.array([1.0, 2.0]), np.array([3.0, 4.0])]).tolist()
    [[1.0, 3.0], [2.0, 4.0]]
    """
    matrix: npt.NDArray[np.float64] = np.array(columns, dtype=np.float64).T.copy()
    return matrix


_N_PATTERNS = 8  # end_marker ... byline
_NO_PATTERNS = (0.0,) * _N_PATTERNS
_CREDIT_ONLY = (0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _patterns(block: Block) -> tuple[float, ...]:
    """Boilerplate patterns (end_marker, counter, widget, ui_label, footer, credit, promo,
    byline) as 0/1, tried only on blocks short enough to be one of them."""
    text, n_words = block.text, block.words
    found = block.patterns
    if n_words > MAX_PATTERN_WORDS:
        return _CREDIT_ONLY if n_words <= 60 and found.credit else _NO_PATTERNS
    rights = n_words <= 25 and has_rights(text, block.folded)
    if found is NO_LINE_PATTERNS and not rights:  # the usual case
        return _NO_PATTERNS
    return (
        float(found.end_marker),
        float(found.counter),
        float(found.widget),
        float(found.ui_label),
        float((n_words <= 25 and found.footer_line) or rights),
        float(found.credit),
        float(found.promo),
        float(n_words <= 12 and found.byline),
    )


#: Characters below this code point are classified by table (Latin, Greek, Cyrillic,
#: Hebrew, Arabic, Indic scripts, punctuation); the rest one distinct character at a time.
TABLE_CODES = 0x3000
_CLASSES = ("word", "digit", "upper", "lower", "space", "comma", "link")
#: Characters that mark links and separators in a dump (``[`` opens a [link] or [IMG]).
_LINK_CHARS = frozenset("[|»›>")


def _classify(chars: Sequence[str]) -> npt.NDArray[np.bool_]:
    """One row per character: word character (``\\w``), digit, upper case, lower case,
    whitespace, comma, link mark."""
    return np.array(
        [
            (c.isalnum() or c == "_", c.isdigit(), c.isupper(), c.islower(), c.isspace(),
             c == ",", c in _LINK_CHARS)
            for c in chars
        ],
        dtype=bool,
    ).reshape(-1, len(_CLASSES))


@functools.cache
def _class_table() -> npt.NDArray[np.bool_]:
    """:func:`_classify` of every character below :data:`TABLE_CODES` (built once, read-only)."""
    table = _classify([chr(c) for c in range(TABLE_CODES)])
    table.flags.writeable = False
    return table


def _flags(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    """:func:`_classify` of the characters of code points ``codes``, one row each."""
    high = codes >= TABLE_CODES
    # take(), not indexing: the same rows, four times faster (90 -> 22 us on 10,000 codes)
    flags = _class_table().take(np.where(high, 0, codes), axis=0)
    if high.any():
        distinct, where = np.unique(codes[high], return_inverse=True)
        flags[high] = _classify([chr(c) for c in distinct.tolist()])[where]
    return flags


def _codes(text: str) -> npt.NDArray[np.uint32]:
    """The code points of ``text``."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _char_classes(text: str) -> dict[str, npt.NDArray[np.bool_]]:
    """Per character of ``text``, each class of :data:`_CLASSES` as a boolean array."""
    flags = _flags(_codes(text))
    return {name: flags[:, k] for k, name in enumerate(_CLASSES)}


def _lower_tokens(text: str, word: npt.NDArray[np.bool_]) -> list[str]:
    """``_TOKEN.findall(text.lower())``: the runs of word characters (``word``: the
    :func:`_char_classes` of ``text``) of the lower-cased text, split by numpy and
    ``str.split`` instead of the regex engine (a third of the time). A regex word character
    (``\\w``) is one that :func:`_classify` calls so: alphanumeric or ``_``, never a space.

    >>> _lower_tokens("Éte, l'ÉTÉ_2 x", _char_classes("Éte, l'ÉTÉ_2 x")["word"])
    ['éte', 'l', 'été_2', 'x']
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lower-cased to two: read by the regex engine
        return _TOKEN.findall(lowered)
    codes = _codes(lowered)
    changed = codes != _codes(text)
    word = word.copy()
    word[changed] = _flags(codes[changed])[:, 0]
    spaced = np.where(word, codes, np.uint32(ord(" "))).astype(np.uint32)
    return spaced.tobytes().decode("utf-32-le").split()


def _per_block(flags: npt.NDArray[np.bool_], bounds: npt.NDArray[np.int64]) -> Vector:
    """How many ``flags`` are set in each block's span (``bounds``: start offsets, then the
    end of the last)."""
    cumulative = np.concatenate([[0], np.cumsum(flags, dtype=np.int64)])
    return np.diff(cumulative[bounds]).astype(np.float64)


def _per_block_all(
    flags: Sequence[npt.NDArray[np.bool_]], bounds: npt.NDArray[np.int64]
) -> list[Vector]:
    """:func:`_per_block` of each of ``flags`` (arrays of one length), from one running
    sum of them all: numpy's running sum of one boolean array costs as much as of seven
    columns side by side (2.5 ns a character, casting included)."""
    counts = np.empty((len(flags[0]) + 1, len(flags)), dtype=np.int32)  # int32: a slice
    counts[0] = 0  # holds at most ~0.8M characters (COLUMN_SLICE_BLOCKS)
    for k, column in enumerate(flags):
        counts[1:, k] = column
    cumulative = np.cumsum(counts, axis=0, out=counts)
    return list(np.diff(cumulative[bounds], axis=0).astype(np.float64).T)


def text_columns(
    blocks: Sequence[Block], stop: frozenset[str], size: int = COLUMN_SLICE_BLOCKS
) -> dict[str, Vector]:
    """:func:`page_columns` read :data:`COLUMN_SLICE_BLOCKS` blocks at a time (the same
    values, with bounded per-character arrays)."""
    if len(blocks) <= size:
        return page_columns(blocks, stop)
    parts = [page_columns(blocks[i : i + size], stop) for i in range(0, len(blocks), size)]
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}


def page_columns(blocks: Sequence[Block], stop: frozenset[str]) -> dict[str, Vector]:
    """The blocks' own features, read from the text of the whole page at once.

    Character statistics (digits, word starts, capitals, commas) are read on the first
    :data:`SAMPLE_CHARS` characters of every block, joined by newlines, as numpy arrays;
    regular expressions run once over the joined text and their hits are assigned to
    blocks by offset; only the boilerplate patterns are tried block by block.
    """
    n = len(blocks)
    texts = [b.text for b in blocks]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    heads = [t[:SAMPLE_CHARS] for t in texts]
    joined = "\n".join(heads)
    head_chars = np.minimum(lengths, SAMPLE_CHARS)
    bounds = np.concatenate([[0], np.cumsum(head_chars + 1)])
    bounds[-1] -= 1  # no newline after the last block
    cls = _char_classes(joined)
    word, space = cls["word"], cls["space"]
    word_start = word & ~np.concatenate([[False], word[:-1]])
    initial = ~space & np.concatenate([[True], space[:-1]])
    n_tokens, n_initials, n_title, n_digits, n_commas, n_links, n_word_chars = _per_block_all(
        (word_start, initial, initial & cls["upper"], cls["digit"], cls["comma"], cls["link"], word),
        bounds,
    )
    # stop words: the page's tokens in order, counted per block by each block's token count
    tokens = _lower_tokens(joined, word)
    is_stop = np.fromiter(map(stop.__contains__, tokens), dtype=bool, count=len(tokens))
    token_bounds = np.concatenate([[0], np.cumsum(n_tokens)]).astype(np.int64)
    if len(tokens) == token_bounds[-1]:
        n_stop = _per_block(is_stop, token_bounds)
    else:  # lower-casing changed the tokens (a rare letter): block by block
        n_stop = np.array(
            [sum(map(stop.__contains__, _TOKEN.findall(h.lower()))) for h in heads],
            dtype=np.float64,
        )
    tails = "\n".join(t[-4:] for t in texts)
    # each block's last four characters (fewer when it is shorter) and a newline
    tail_starts = np.arange(n) * 5 - np.concatenate(
        [[0], np.cumsum(4 - np.minimum(lengths[:-1], 4))]
    )
    sentence_end = np.zeros(n)
    hits = [m.start() for m in _SENTENCE_END_LINE.finditer(tails)]
    sentence_end[np.searchsorted(tail_starts, hits, side="right") - 1] = 1.0
    timestamps = [m.start() for m in _TIMESTAMP.finditer(joined)]
    timestamp = np.zeros(n)
    timestamp[np.searchsorted(bounds[:-1], timestamps, side="right") - 1] = 1.0
    buttons = [m.start() for m in _BUTTON.finditer(joined)]
    linkish = n_links + np.bincount(
        np.searchsorted(bounds[:-1], buttons, side="right") - 1, minlength=n
    )
    patterns = np.zeros((n, _N_PATTERNS))  # filled where a block has any (a few blocks)
    for k, block in enumerate(blocks):
        found = _patterns(block)
        if found is not _NO_PATTERNS:
            patterns[k] = found
    return {
        "length": lengths.astype(np.float64),
        "words": np.array([b.words for b in blocks], dtype=np.float64),
        "prose": np.array([b.prose for b in blocks], dtype=np.float64),
        "indent": np.array([b.indent for b in blocks], dtype=np.float64),
        "sentence_end": sentence_end,
        "item": np.array([b.kind == "item" for b in blocks], dtype=np.float64),
        "line": np.array([b.kind == "line" for b in blocks], dtype=np.float64),
        "title_case": safe_div(n_title, n_initials),
        "digits": safe_div(n_digits, head_chars.astype(np.float64)),
        "commas": np.minimum(n_commas, 6) / 6,
        "stopwords": safe_div(n_stop, n_tokens),
        "lowercase_start": cls["lower"][bounds[:-1]].astype(np.float64),
        "avg_word_len": np.minimum(safe_div(n_word_chars, n_tokens), 15) / 15,
        **dict(zip(_PATTERN_NAMES, patterns.T, strict=True)),
        "linkish": np.minimum(linkish, 5) / 5,
        "timestamp": timestamp,
    }
