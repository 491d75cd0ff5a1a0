"""Rank the author-name spans of a text dump: the byline rules' answers and every name-like
span of the short lines around the headline and the start of the body, and after its end.

The rules of :mod:`.nearby` and :mod:`.author_model` each name one author, and each is
fooled by its own kind of line (a capitalised place or section beside a date, a photo
credit, a teaser's byline). This ranker sees the spans they proposed next to the other
spans of the same lines (the name after a "by" word, after a label, beside a date, a run
of capitalised words, the whole short line) and scores each on named features: the span's
shape (words, capitals, digits, stop words), its line (length, a date on it or next to
it, which layer removed it), where the line is (distance to the headline and to the body)
how often the page repeats the span, whether it writes the span's words in lower case
elsewhere (names it does not) and whether the span's first word is a given name
(:mod:`.given_names`; not in a span written in capitals). The best span above
:data:`MIN_BYLINE_PROBABILITY` (a span a rule proposed) or
:data:`MIN_UNPROPOSED_PROBABILITY` (any other; :data:`MIN_UNPROPOSED_WORD_PROBABILITY` for a
single word of letters) is the byline, but for the rules of :mod:`.byline_vetoes` (spans that name no author, a
byline line under a picture credit). Weights ship in
``cleaner/data/byline_model.json``, fitted by ``tools/train_byline_model.py`` on wcxb-dev
(trafilatura-eval held out). The candidates come from :mod:`.byline_candidates`.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Council approves new budget\\n\\nBy Jane Doe | 4 November 2025\\n\\nThe council approved the budget on Tuesday after a debate of many hours.")
>>> pick_byline(blocks, {}, 2, frozenset({"the", "on", "of", "a"}), 0, {})
'Jane Doe'
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from operator import mul

from cleaner.blocks import Block
from cleaner.features import one_hot
from cleaner.lexicon import SENTENCE_END
from cleaner.metadata.byline_candidates import (
    PROPOSERS,
    SPAN_EDGES,
    SPAN_KINDS,
    Span,
    byline_spans,
)
from cleaner.metadata.byline_coauthors import with_coauthors
from cleaner.metadata.byline_page import BylinePage
from cleaner.metadata.byline_vetoes import byline_below, vetoed
from cleaner.metadata.dates import is_month_name
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.line_ranker import load_weights, probability
from cleaner.metadata.nearby import ANY_BY_WORD, NAME_PARTICLES, NAME_TOKEN, PICTURE_CREDIT

__all__ = ["BYLINE_FEATURES", "byline_rows", "pick_byline"]

#: The best span must reach this probability to be taken as the byline when a byline rule
#: proposed it ...
MIN_BYLINE_PROBABILITY = 0.05
#: ... and this one when none did (a page without an author still has capitalised lines:
#: a section label, a widget; on the development corpora, 0.05 for every span gave 0.709
#: wcxb-dev / 0.611 trafilatura-eval, these two floors 0.700 / 0.575, but named such
#: lines on pages without an author).
MIN_UNPROPOSED_PROBABILITY = 0.3
#: ... and this one when it is a single word of letters only, or holds no letter at all:
#: a lone word near the body is a section, a place, a button or a time label
#: ("Allgemein", "Berlin", "Bundestagswahl", "Uhr", "von") more often than a user name,
#: while a login, a domain or an agency credit ("jdoe42", "example.ch", "det/dpa") keeps
#: the floor above. On the development corpora (w3m / lynx) the floor above for these
#: named 23 more pages without a gold author and 2 fewer trafilatura-eval lynx pages
#: right; 0.7 to 0.9 measured the same, 0.6 lost a wcxb-dev page on each dump.
MIN_UNPROPOSED_WORD_PROBABILITY = 0.7
#: ... and this one, proposed or not, when its line reads as a control label, a widget, a
#: counter or a footer line (:attr:`cleaner.lexicon.LinePatterns.boilerplate`: "Get a
#: summary", "© Shutterstock", "Minuten Lesezeit"), unless the span stood beside a date,
#: after a "by" word or a label ("109 Comments | Jane Doe | March 11, 2019"): with the
#: floors above, 12 of the 13 pages of the development corpora (w3m) whose pick stood on
#: such a line got no gold name.
MIN_BOILERPLATE_LINE_PROBABILITY = 0.7
#: The span kinds that keep their floor on such a line.
_STRUCTURED_KINDS = frozenset({"by", "label", "beside-date"})

_DISTANCE_BINS = (-12, -6, -3, -2, -1, 0, 2, 5)
_TITLE_BINS = (1, 2, 3, 5, 8)
_SPAN_WORD_BINS = (1, 2, 3, 4)
_LINE_WORD_BINS = (1, 3, 6, 12)
_COUNT_BINS = (1, 2, 4)
#: A line that ends with a "by" word or a byline label: the name is on the next line.
_ENDS_WITH_BY = re.compile(
    r"(?:^|\s)(?:" + ANY_BY_WORD + r"|(?i:autor(?:in)?|author|auteur|text|written\s+by))\s*:?$"
)

#: Features of the span itself (its words, where the page repeats it).
_SPAN_FEATURES: tuple[str, ...] = (
    *(f"kind:{k}" for k in SPAN_KINDS),
    *(f"rule:{r}" for r in PROPOSERS),
    *(f"span_words<={w}" for w in _SPAN_WORD_BINS),
    f"span_words>{_SPAN_WORD_BINS[-1]}",
    "name_shape",
    "upper",
    "lower_word",
    "user_name",
    "digits",
    "stopword",
    "month",
    "opens_line",
    "closes_line",
    *(f"count<={c}" for c in _COUNT_BINS),
    f"count>{_COUNT_BINS[-1]}",
    "in_body",
    "picture_credit",
    "in_headline",
    "in_top",
    "lower_elsewhere",
    "given_name",
)
#: Features of the span's line (the same for every span of the line).
_LINE_FEATURES: tuple[str, ...] = (
    *(f"line_words<={w}" for w in _LINE_WORD_BINS),
    f"line_words>{_LINE_WORD_BINS[-1]}",
    "line_date",
    "near_date",
    "item",
    *(f"distance<={d}" for d in _DISTANCE_BINS),
    f"distance>{_DISTANCE_BINS[-1]}",
    *(f"after_title<={d}" for d in _TITLE_BINS),
    f"after_title>{_TITLE_BINS[-1]}",
    "before_title",
    "removed:metadata",
    "removed:captions",
    "removed:other",
    "boilerplate",
    "copyright",
    "after_by_line",
    "prose_line",
    "sentence_line",
    "name_list",
    "after_body",
)
BYLINE_FEATURES: tuple[str, ...] = ("bias", *_SPAN_FEATURES, *_LINE_FEATURES)
#: The span features read from the whole page or by costly tests (how often the page holds
#: the span, whether its body does, the page's lower-case words, a month, a picture credit
#: before it): :func:`pick_byline` reads them only for a span that could reach its floor
#: with them (see :func:`_late_bound`).
_LATE_SPAN_FEATURES: tuple[str, ...] = (
    "month",
    *(f for f in _SPAN_FEATURES if f.startswith("count")),
    "in_body",
    "picture_credit",
    "lower_elsewhere",
)
#: :func:`_span_features` of the count bins when they are not read.
_NO_COUNT = (0.0,) * (len(_COUNT_BINS) + 1)
#: A span is left only when its score bound is this far below its floor's (float sums of
#: the same terms in another order differ by far less).
_PRUNE_MARGIN = 1e-6


def _line_features(page: BylinePage, p: int) -> list[float]:
    """The :data:`_LINE_FEATURES` of the line at ``p``."""
    block = page.blocks[p]
    line = block.text
    rule = page.removed.get(block.index, "")
    headline = page.headline
    return [
        *one_hot(block.words, _LINE_WORD_BINS),
        1.0 if page.has_date(p) else 0.0,
        1.0 if page.has_date(p - 1) or page.has_date(p + 1) else 0.0,
        1.0 if block.kind == "item" else 0.0,
        *one_hot(p - page.body, _DISTANCE_BINS),
        *(
            one_hot(p - headline, _TITLE_BINS)
            if headline is not None and p > headline
            else [0.0] * (len(_TITLE_BINS) + 1)
        ),
        1.0 if headline is not None and p < headline else 0.0,
        1.0 if rule.startswith("metadata.") else 0.0,
        1.0 if rule.startswith("captions.") else 0.0,
        1.0 if rule and not rule.startswith(("metadata.", "captions.")) else 0.0,
        1.0 if block.patterns.boilerplate else 0.0,
        1.0 if "©" in line or "(c)" in line.lower() else 0.0,
        1.0 if p > 0 and _ENDS_WITH_BY.search(page.blocks[p - 1].text) else 0.0,
        1.0 if block.prose else 0.0,
        1.0 if SENTENCE_END.search(line) else 0.0,
        1.0 if page.name_shaped(p - 1) and page.name_shaped(p + 1) else 0.0,
        1.0 if page.end is not None and p > page.end else 0.0,
    ]


def _span_features(page: BylinePage, span: Span, *, late: bool = True) -> list[float]:
    """The :data:`_SPAN_FEATURES` of ``span``; without ``late``, 0 for each of
    :data:`_LATE_SPAN_FEATURES` (those read from the whole page, the costly ones)."""
    text, line = span.text, page.blocks[span.position].text
    tokens = text.split()
    lower = [t.lower() for t in tokens]
    return [
        *(1.0 if kind in span.kinds else 0.0 for kind in SPAN_KINDS),
        *(1.0 if proposer in span.kinds else 0.0 for proposer in PROPOSERS),
        *one_hot(len(tokens), _SPAN_WORD_BINS),
        1.0 if all(NAME_TOKEN.match(t) or t in NAME_PARTICLES for t in tokens) else 0.0,
        1.0 if text.isupper() else 0.0,
        1.0
        if len(tokens) > 1 and any(t[:1].islower() and t not in NAME_PARTICLES for t in tokens)
        else 0.0,
        1.0 if len(tokens) == 1 and text[:1].islower() else 0.0,
        1.0 if any(map(str.isdigit, text)) else 0.0,
        1.0 if any(w in page.stop and w not in NAME_PARTICLES for w in lower) else 0.0,
        1.0 if late and any(is_month_name(t.strip(".,")) for t in tokens) else 0.0,
        1.0 if line.lstrip(SPAN_EDGES).startswith(text) else 0.0,
        1.0 if line.rstrip(SPAN_EDGES).endswith(text) else 0.0,
        *(one_hot(page.count(text), _COUNT_BINS) if late else _NO_COUNT),
        1.0 if late and text in page.body_text else 0.0,
        1.0 if late and PICTURE_CREDIT.search(line[: max(0, line.find(text))]) else 0.0,
        1.0 if text in page.headline_text else 0.0,
        1.0 if text in page.top_text else 0.0,
        sum(1 for w in lower if page.writes_lower(w)) / len(tokens) if late else 0.0,
        # in capitals the first word is as often a region or a section ("ASIA PACIFIC")
        1.0 if starts_with_given_name(text) and not text.isupper() else 0.0,
    ]


@functools.cache
def _late_bound(weights: tuple[float, ...]) -> float:
    """The most the :data:`_LATE_SPAN_FEATURES` can add to a row's score under ``weights``
    (in :data:`BYLINE_FEATURES` order): the largest weight of the count bins, of which
    exactly one is 1, and each other one's weight when positive (each is 0 or 1, or a
    share of 0 to 1)."""
    at = dict(zip(BYLINE_FEATURES, weights, strict=True))
    counts = [f for f in _LATE_SPAN_FEATURES if f.startswith("count")]
    return max(at[f] for f in counts) + sum(
        max(0.0, at[f]) for f in _LATE_SPAN_FEATURES if f not in counts
    )


def _body_end(blocks: Sequence[Block], removed: Mapping[int, str], anchor: int) -> int | None:
    """The position of the body's last kept paragraph, if any."""
    kept = [p for p, b in enumerate(blocks) if b.index >= anchor and b.prose and b.index not in removed]
    return kept[-1] if kept else None


def _row(
    page: BylinePage, span: Span, lines: dict[int, list[float]], *, late: bool = True
) -> list[float]:
    """The feature vector of ``span`` (``lines``: the line features by position, filled
    as they are read; ``late``: see :func:`_span_features`)."""
    if span.position not in lines:
        lines[span.position] = _line_features(page, span.position)
    return [1.0, *_span_features(page, span, late=late), *lines[span.position]]


def byline_rows(
    blocks: Sequence[Block],
    removed: Mapping[int, str],
    anchor: int,
    stop: frozenset[str],
    headline: int | None,
    proposals: Mapping[str, str],
) -> tuple[list[Span], list[tuple[int, list[float]]]]:
    """The candidate spans and (span number, feature vector) for each.

    ``blocks`` are all the page's blocks, ``removed`` the rule that removed each removed
    block (by block index), ``anchor`` the index of the core's first block, ``headline``
    the headline's position, ``stop`` the page language's stop words.
    """
    end = _body_end(blocks, removed, anchor)
    spans = byline_spans(blocks, anchor, headline, proposals, end)
    page = BylinePage.of(blocks, removed, anchor, stop, headline, end)
    lines: dict[int, list[float]] = {}
    return spans, [(k, _row(page, span, lines)) for k, span in enumerate(spans)]


def _floor(span: Span, boilerplate: bool = False) -> float:
    """The probability ``span`` needs to be taken as the byline (``boilerplate``: its line
    reads as a control label or a widget).

    >>> _floor(Span(0, "Jane Doe", frozenset({"nearby"}))), _floor(Span(0, "Jane Doe", frozenset({"whole"})))
    (0.05, 0.3)
    >>> _floor(Span(0, "Allgemein", frozenset({"whole"}))), _floor(Span(0, "det/dpa", frozenset({"whole"})))
    (0.7, 0.3)
    >>> _floor(Span(0, "Get a summary", frozenset({"whole"})), boilerplate=True)
    0.7
    """
    if boilerplate and span.kinds.isdisjoint(_STRUCTURED_KINDS):
        return MIN_BOILERPLATE_LINE_PROBABILITY
    if not span.kinds.isdisjoint(PROPOSERS):
        return MIN_BYLINE_PROBABILITY
    text = span.text
    if text.isalpha() or not any(map(str.isalpha, text)):
        return MIN_UNPROPOSED_WORD_PROBABILITY
    return MIN_UNPROPOSED_PROBABILITY


def pick_byline(
    blocks: Sequence[Block],
    removed: Mapping[int, str],
    anchor: int,
    stop: frozenset[str],
    headline: int | None,
    proposals: Mapping[str, str],
) -> str | None:
    """The most probable author span (see :func:`byline_rows`), or ``None``."""
    weights = load_weights("byline_model.json", BYLINE_FEATURES)
    late = _late_bound(weights)
    end = _body_end(blocks, removed, anchor)
    spans = byline_spans(blocks, anchor, headline, proposals, end)
    page = BylinePage.of(blocks, removed, anchor, stop, headline, end)
    lines: dict[int, list[float]] = {}
    # the early score in two parts: the span's terms, and its line's (summed once a line)
    bias, span_weights = weights[0], weights[1 : 1 + len(_SPAN_FEATURES)]
    line_weights = weights[1 + len(_SPAN_FEATURES) :]
    line_scores: dict[int, float] = {}
    taken: list[tuple[float, Span]] = []
    for span in spans:
        if vetoed(span, blocks[span.position].text, page.headline_text):
            continue
        floor = _floor(span, blocks[span.position].patterns.boilerplate)
        # a span whose score stays below its floor's whatever its page features add is
        # left before they are read (most spans: their row would not be the best one)
        at = span.position
        if at not in line_scores:
            if at not in lines:
                lines[at] = _line_features(page, at)
            line_scores[at] = sum(map(mul, line_weights, lines[at]))
        early = bias + sum(map(mul, span_weights, _span_features(page, span, late=False)))
        if early + line_scores[at] + late < math.log(floor / (1.0 - floor)) - _PRUNE_MARGIN:
            continue
        prob = probability(_row(page, span, lines), weights)
        if prob >= floor:
            taken.append((prob, span))
    if not taken:
        return None
    best = byline_below(taken) or max(taken, key=lambda t: t[0])[1]
    # the span may be one of the co-authors its line (or lines) names
    return with_coauthors(blocks, best.position, best.text, stop)
