"""Scoring functions, implemented as published so our figures compare with the literature.

Every function here is pure: text in, numbers out.

* :func:`shingle_counts` / :func:`shingle_scores` -- the article-extraction-benchmark metric
  (scrapinghub/article-extraction-benchmark ``evaluate.py``): multisets of 4-gram shingles
  of ``\\w+`` tokens (case kept), per-page tp/fp/fn normalised to sum 1, corpus precision
  and recall as means over pages, F1 from those means.
* :func:`word_prf` -- WCXB ``evaluate.py``: lower-cased ``\\w+`` bags, per-page P/R/F1.
* :func:`snippet_counts` / :func:`snippet_scores` -- trafilatura's evaluation
  (``tests/eval_common.py``): whitespace-normalised, case-sensitive substring hits of the
  ``with`` and ``without`` snippets, micro-averaged over pages.
* :func:`title_matches`, :func:`author_matches`, :func:`date_matches` -- our metadata
  accuracy rules (see each docstring).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PRF",
    "ShingleCounts",
    "SnippetCounts",
    "author_matches",
    "date_matches",
    "f1_of",
    "normalize_meta",
    "shingle_counts",
    "shingle_scores",
    "shingles",
    "snippet_counts",
    "snippet_scores",
    "title_matches",
    "tokens",
    "word_prf",
]

#: Shingle length of the article-extraction-benchmark metric (``ngram_n=4`` upstream).
SHINGLE_N = 4
#: Title rule: when one normalised title contains the other, the shorter must hold at least
#: this share of the longer's tokens. 0.75 accepts a dropped subtitle word or two and fails
#: " | Site Name" suffixes on short titles.
TITLE_MIN_TOKEN_SHARE = 0.75
#: Author rule: the prediction may hold at most ``AUTHOR_MAX_TOKEN_FACTOR * gold tokens +
#: AUTHOR_EXTRA_TOKENS`` tokens, so a whole header line does not count as a byline.
AUTHOR_MAX_TOKEN_FACTOR = 2
AUTHOR_EXTRA_TOKENS = 2

_WORD = re.compile(r"\w+")                     # Unicode by default in Python 3
_SPACE = re.compile(r"\s+")
_LEADING_BY = re.compile(r"^by\s+")
_AUTHOR_SEPARATORS = re.compile(r";|,|&|\s+and\s+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def tokens(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case kept (article-extraction-benchmark tokenizer).

    >>> tokens("Don't stop-me now, 2024!")
    ['Don', 't', 'stop', 'me', 'now', '2024']
    >>> tokens(None)
    []
    """
    return _WORD.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-grams of consecutive tokens; a text of under ``n`` tokens gives
    one shorter shingle, an empty text none.

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    >>> shingles("a b")
    Counter({('a', 'b'): 1})
    >>> shingles("")
    Counter()
    """
    toks = tokens(text)
    grams = (tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))
    return Counter(g for g in grams if g)


@dataclass(frozen=True, slots=True)
class ShingleCounts:
    """Per-page shingle tp/fp/fn, each divided by tp+fp+fn (all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """tp/(tp+fp), 1 when fp = fn = 0, None when the page has no predicted shingle."""
        if self.tp + self.fp <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp/(tp+fn), 1 when fp = fn = 0, None when the page has no gold shingle."""
        if self.tp + self.fn <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


def shingle_counts(gold: str | None, predicted: str | None, n: int = SHINGLE_N) -> ShingleCounts:
    """Compare the shingle multisets of one page (``string_shingle_matching`` upstream).

    >>> c = shingle_counts("a b c d e", "a b c d x")
    >>> (c.tp, c.fp, c.fn), c.precision, c.recall
    ((0.3333333333333333, 0.3333333333333333, 0.3333333333333333), 0.5, 0.5)
    >>> shingle_counts("", "")
    ShingleCounts(tp=0.0, fp=0.0, fn=0.0)
    """
    gold_sh, pred_sh = shingles(gold, n), shingles(predicted, n)
    tp = float(sum((gold_sh & pred_sh).values()))
    fp = float(sum((pred_sh - gold_sh).values()))
    fn = float(sum((gold_sh - pred_sh).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return ShingleCounts(tp, fp, fn)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (None where no page could be scored)."""

    precision: float | None
    recall: float | None
    f1: float | None


def f1_of(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when both are 0, None when either is unknown.

    >>> f1_of(0.5, 1.0)
    0.6666666666666666
    >>> f1_of(0.0, 0.0), f1_of(None, 1.0)
    (0.0, None)
    """
    if precision is None or recall is None:
        return None
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def shingle_scores(pages: Iterable[ShingleCounts]) -> PRF:
    """Corpus scores: mean per-page precision over pages with tp+fp > 0, mean recall over
    pages with tp+fn > 0, F1 of the two means (``metrics_from_tp_fp_fns`` upstream).

    >>> shingle_scores([shingle_counts("a b c d e", "a b c d x"), shingle_counts("a", "a")])
    PRF(precision=0.75, recall=0.75, f1=0.75)
    """
    pages = list(pages)
    precision = _mean([p for c in pages if (p := c.precision) is not None])
    recall = _mean([r for c in pages if (r := c.recall) is not None])
    return PRF(precision, recall, f1_of(precision, recall))


def word_prf(gold: str | None, predicted: str | None) -> PRF:
    """WCXB word P/R/F1 of one page: bags of lower-cased ``\\w+`` words.

    An empty gold scores 1 for an empty prediction and 0 otherwise, as upstream.

    >>> word_prf("The cat sat", "the cat ran away")
    PRF(precision=0.5, recall=0.6666666666666666, f1=0.5714285714285715)
    >>> word_prf("", ""), word_prf("a", "")
    (PRF(precision=1.0, recall=1.0, f1=1.0), PRF(precision=0.0, recall=0.0, f1=0.0))
    """
    gold_words = Counter(_WORD.findall((gold or "").lower()))
    pred_words = Counter(_WORD.findall((predicted or "").lower()))
    if not gold_words:
        return PRF(1.0, 1.0, 1.0) if not pred_words else PRF(0.0, 0.0, 0.0)
    if not pred_words:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((gold_words & pred_words).values())
    precision = overlap / sum(pred_words.values())
    recall = overlap / sum(gold_words.values())
    return PRF(precision, recall, f1_of(precision, recall))


def _squash(text: str) -> str:
    """Whitespace-normalise as trafilatura's ``eval_common.norm``."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Per-page snippet confusion counts (trafilatura's ``count_item``)."""

    tp: int
    fp: int
    fn: int
    tn: int

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )


def snippet_counts(
    with_: Sequence[str] | None, without: Sequence[str] | None, predicted: str | None
) -> SnippetCounts:
    """A ``with`` snippet found is a tp (else fn); a ``without`` snippet found is an fp
    (else tn). Matching is a case-sensitive substring test after whitespace normalisation.

    >>> snippet_counts(["big  story"], ["Menu", "Login"], "The big\\nstory. Menu")
    SnippetCounts(tp=1, fp=1, fn=0, tn=1)
    >>> snippet_counts(["x"], ["y"], None)
    SnippetCounts(tp=0, fp=0, fn=1, tn=1)
    """
    with_, without = list(with_ or ()), list(without or ())
    text = _squash(predicted) if isinstance(predicted, str) else None
    tp = sum(1 for s in with_ if text is not None and _squash(s) in text)
    fp = sum(1 for s in without if text is not None and _squash(s) in text)
    return SnippetCounts(tp, fp, len(with_) - tp, len(without) - fp)


def snippet_scores(pages: Iterable[SnippetCounts]) -> PRF:
    """Micro-averaged snippet precision, recall and F1 over all pages.

    >>> snippet_scores([SnippetCounts(1, 1, 0, 1), SnippetCounts(1, 0, 1, 2)])
    PRF(precision=0.6666666666666666, recall=0.6666666666666666, f1=0.6666666666666666)
    """
    total = sum(pages, SnippetCounts(0, 0, 0, 0))
    precision = total.tp / (total.tp + total.fp) if total.tp + total.fp else None
    recall = total.tp / (total.tp + total.fn) if total.tp + total.fn else None
    return PRF(precision, recall, f1_of(precision, recall))


def normalize_meta(value: str | None) -> str:
    """NFKC, lower-case, a leading "by " dropped, then the ``\\w+`` tokens joined by spaces.

    >>> normalize_meta("  By JANE Doe-Smith, ﬁlm critic ")
    'jane doe smith film critic'
    >>> normalize_meta(None)
    ''
    """
    text = unicodedata.normalize("NFKC", value or "").lower().strip()
    return " ".join(_WORD.findall(_LEADING_BY.sub("", text)))


def _contains(outer: str, inner: str) -> bool:
    """``inner`` occurs in ``outer`` on token boundaries (both already normalised)."""
    return bool(inner) and f" {inner} " in f" {outer} "


def title_matches(gold: str | None, predicted: str | None) -> bool:
    """Normalised titles are equal, or one contains the other (on token boundaries) and the
    shorter holds at least :data:`TITLE_MIN_TOKEN_SHARE` of the longer's tokens.

    >>> title_matches("Rain in Spain", "rain in SPAIN!")
    True
    >>> title_matches("Rain in Spain", "Rain in Spain | Daily News")
    False
    >>> title_matches("Rain falls mainly on the plain in Spain", "Rain falls mainly on the plain")
    True
    >>> title_matches("Rain", None)
    False
    """
    g, p = normalize_meta(gold), normalize_meta(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    shorter, longer = sorted((g, p), key=lambda s: len(s.split()))
    return _contains(longer, shorter) and (
        len(shorter.split()) >= TITLE_MIN_TOKEN_SHARE * len(longer.split())
    )


def author_matches(gold: str | None, predicted: str | None) -> bool:
    """Every gold name (gold split on ``;``, ``,``, ``&`` and " and ") occurs in the
    normalised prediction, which holds at most twice the gold's tokens plus two.

    >>> author_matches("Jane Doe and John Roe", "By John Roe, Jane Doe")
    True
    >>> author_matches("Jane Doe", "Jane Doe, Senior Correspondent")
    True
    >>> author_matches("Jane Doe", "Jane Doe Senior Political Correspondent in Washington")
    False
    >>> author_matches("Jane Doe", "Jane")
    False
    """
    names = [normalize_meta(n) for n in _AUTHOR_SEPARATORS.split(gold or "")]
    names = [n for n in names if n]
    p = normalize_meta(predicted)
    if not names or not p:
        return False
    gold_tokens = len(normalize_meta(gold).split())
    if len(p.split()) > AUTHOR_MAX_TOKEN_FACTOR * gold_tokens + AUTHOR_EXTRA_TOKENS:
        return False
    return all(_contains(p, n) for n in names)


def first_day(value: str | None) -> str | None:
    """The first ``YYYY-MM-DD`` in ``value``, if any.

    >>> first_day("2024-03-05T10:00:00+01:00"), first_day("5 March 2024")
    ('2024-03-05', None)
    """
    match = _ISO_DAY.search(value or "")
    return match.group(0) if match else None


def date_matches(gold: str | None, predicted: str | None) -> bool:
    """The first ``YYYY-MM-DD`` of each is the same day.

    >>> date_matches("2024-03-05", "2024-03-05T23:59:00Z")
    True
    >>> date_matches("2024-03-05", "2024-03-06"), date_matches("2024-03-05", None)
    (False, False)
    """
    g = first_day(gold)
    return g is not None and g == first_day(predicted)
