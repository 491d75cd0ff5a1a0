"""Find an author name standing alone on its line near the headline ("Jane Doe").

The last fallback for the byline, after "By ..." header lines and the byline-like lines of
:mod:`.nearby`: a logistic ranker over the short lines around the start of the body, on
named features (name shape, length, stop words, distance to the title and the body,
neighbouring date lines). Weights ship in ``cleaner/data/author_model.json``, fitted by
``tools/train_author_model.py`` on the development corpora.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Council approves new budget\\n\\nJane Doe\\n\\n4 November 2025\\n\\nThe council approved the budget on Tuesday after a debate of many hours.")
>>> pick_author(blocks, 3, frozenset({"the", "on", "of", "a"}))
'Jane Doe'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cleaner.blocks import Block
from cleaner.features import one_hot
from cleaner.metadata.dates import find_date
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.line_ranker import best_candidate, load_weights
from cleaner.metadata.nearby import NAME_PARTICLES

__all__ = ["AUTHOR_FEATURES", "author_rows", "pick_author"]

#: Candidates are looked for this many blocks before the body start ...
WINDOW_BEFORE = 15
#: ... and this many from it on.
WINDOW_AFTER = 3
#: Lines this many blocks after the headline are candidates too (the byline follows the
#: headline, and the body may start well before it when the headline sits inside the core).
WINDOW_AFTER_TITLE = 8
#: A name line has at most this many words.
MAX_NAME_WORDS = 5
#: The best candidate must reach this probability to be taken as the author.
MIN_AUTHOR_PROBABILITY = 0.25

_DISTANCE_BINS = (-12, -8, -4, -3, -2, -1, 0, 1)
_TITLE_BINS = (1, 2, 3, 5)
_WORD_BINS = (1, 2, 3, 4)
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’.-]+$|^[A-ZÀ-ÖØ-Þ]\.$")
_PUNCT = re.compile(r"[,:;!?|/()\[\]@#&+=<>\"“”]")
#: Characters a name line never holds: a tag ("#Cloud"), an exclamation or a question
#: ("Link Copied!"), a label's colon ("Inspiration: Jane Doe"), a bracketed widget, a bullet.
_NOT_IN_NAME = re.compile(r"[#!?¡¿:\[\]|•]")
#: A letter (a line of digits, symbols or private-use glyphs names no one).
_LETTER = re.compile(r"[^\W\d_]")

AUTHOR_FEATURES: tuple[str, ...] = (
    "bias",
    *(f"distance<={d}" for d in _DISTANCE_BINS),
    "distance>1",
    *(f"words<={w}" for w in _WORD_BINS),
    "words>4",
    "name_shape",
    "stopword",
    "digits",
    "punct",
    "item",
    "line",
    "repeated",
    "next_has_date",
    "prev_has_date",
    "boilerplate",
    "upper",
    *(f"after_title<={d}" for d in _TITLE_BINS),
    "after_title>5",
    "given_name",
)


def _lower_word_in_name(tokens: Sequence[str]) -> bool:
    """Whether a line of several words has one starting in lower case that is no name
    particle ("Last updated", "Read more"): names capitalise their words. A single
    lower-case word stays a candidate (user names: "gizzmo").

    >>> _lower_word_in_name(["Last", "updated"]), _lower_word_in_name(["Ludwig", "van", "Beethoven"])
    (True, False)
    """
    return len(tokens) > 1 and any(
        t[:1].islower() and t.lower() not in NAME_PARTICLES for t in tokens
    )


def author_rows(
    blocks: Sequence[Block], body: int, stop: frozenset[str], title: int | None = None
) -> list[tuple[int, list[float]]]:
    """(position in ``blocks``, feature vector) for each name-line candidate.

    ``title`` is the position of the headline in ``blocks``, when one was found.
    """
    counts = Counter(b.text for b in blocks)
    window = set(range(max(0, body - WINDOW_BEFORE), min(len(blocks), body + WINDOW_AFTER)))
    if title is not None:
        window.update(range(title + 1, min(len(blocks), title + 1 + WINDOW_AFTER_TITLE)))
    rows = []
    for p in sorted(window):
        b = blocks[p]
        tokens = b.text.split()
        if (
            not 1 <= len(tokens) <= MAX_NAME_WORDS
            or _lower_word_in_name(tokens)
            or _NOT_IN_NAME.search(b.text)
            or not _LETTER.search(b.text)
        ):
            continue
        prev_text = blocks[p - 1].text if p > 0 else ""
        next_text = blocks[p + 1].text if p + 1 < len(blocks) else ""
        rows.append(
            (
                p,
                [
                    1.0,
                    *one_hot(p - body, _DISTANCE_BINS),
                    *one_hot(len(tokens), _WORD_BINS),
                    1.0 if all(_NAME_TOKEN.match(t) for t in tokens) else 0.0,
                    1.0 if any(t.lower() in stop for t in tokens) else 0.0,
                    1.0 if any(map(str.isdigit, b.text)) else 0.0,
                    1.0 if _PUNCT.search(b.text) else 0.0,
                    1.0 if b.kind == "item" else 0.0,
                    1.0 if b.kind == "line" else 0.0,
                    1.0 if counts[b.text] > 1 else 0.0,
                    1.0 if len(next_text) < 60 and find_date(next_text) else 0.0,
                    1.0 if len(prev_text) < 60 and find_date(prev_text) else 0.0,
                    1.0 if b.patterns.boilerplate else 0.0,
                    1.0 if b.text.isupper() else 0.0,
                    *(
                        one_hot(p - title, _TITLE_BINS)
                        if title is not None and p > title
                        else [0.0] * (len(_TITLE_BINS) + 1)
                    ),
                    1.0 if starts_with_given_name(b.text) else 0.0,
                ],
            )
        )
    return rows


def pick_author(
    blocks: Sequence[Block], body: int, stop: frozenset[str], title: int | None = None
) -> str | None:
    """The most probable name line near the body (``blocks[body]``) or after the headline
    (``blocks[title]``), or ``None``.

    ``stop`` are the page language's stop words (names hardly ever contain them).
    """
    weights = load_weights("author_model.json", AUTHOR_FEATURES)
    best = best_candidate(
        author_rows(blocks, body, stop, title), weights, min_probability=MIN_AUTHOR_PROBABILITY
    )
    return None if best is None else blocks[best].text
