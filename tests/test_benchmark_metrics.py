"""Hand-computed cases for benchmarks.metrics (the published metrics and our metadata rules)."""

from __future__ import annotations

import pytest
from benchmarks.metrics import (
    PRF,
    ShingleCounts,
    SnippetCounts,
    author_matches,
    date_matches,
    normalize_meta,
    shingle_counts,
    shingle_scores,
    shingles,
    snippet_counts,
    snippet_scores,
    title_matches,
    word_prf,
)


def test_shingles_keep_case_and_count_repeats() -> None:
    # 6 tokens -> 3 shingles, two of them identical (counted as a multiset)
    sh = shingles("A b A b A b")
    assert sh == {("A", "b", "A", "b"): 2, ("b", "A", "b", "A"): 1}


def test_shingle_counts_hand_computed() -> None:
    # gold: 6 tokens -> 3 shingles g1 g2 g3; prediction drops the last token and adds 2 others:
    # pred tokens t1..t5 x y -> shingles g1 g2 (t2..t5 x) (t3 t4 t5 x)... computed by hand:
    gold = "t1 t2 t3 t4 t5 t6"
    pred = "t1 t2 t3 t4 t5 x y"
    # gold shingles: (1234) (2345) (3456); pred: (1234) (2345) (345x) (45xy)
    # tp = 2, fp = 2, fn = 1 -> normalised by 5
    c = shingle_counts(gold, pred)
    assert (c.tp, c.fp, c.fn) == pytest.approx((0.4, 0.4, 0.2))
    assert c.precision == pytest.approx(0.5)
    assert c.recall == pytest.approx(2 / 3)


def test_shingle_counts_is_case_sensitive() -> None:
    c = shingle_counts("One two three four", "one two three four")
    assert (c.tp, c.fp, c.fn) == (0.0, 0.5, 0.5)


def test_short_texts_give_one_shorter_shingle() -> None:
    assert shingle_counts("Hi there", "Hi there") == ShingleCounts(1.0, 0.0, 0.0)
    assert shingle_counts("Hi there", "Hi") == ShingleCounts(0.0, 0.5, 0.5)


def test_shingle_scores_means_skip_undefined_pages() -> None:
    pages = [
        shingle_counts("a b c d e", "a b c d e"),  # P = R = 1
        shingle_counts("a b c d e", ""),           # no prediction: only recall (0) counts
        shingle_counts("", "a b c d"),             # no gold: only precision (0) counts
        shingle_counts("", ""),                    # nothing: ignored by both means
    ]
    scores = shingle_scores(pages)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)


def test_shingle_scores_f1_is_from_the_means() -> None:
    # page 1: P=1 R=0.5 (gold 2 shingles, pred 1); page 2: P=0.5 R=1
    p1 = shingle_counts("a b c d e", "a b c d")
    p2 = shingle_counts("a b c d", "a b c d e")
    assert (p1.precision, p1.recall) == (1.0, 0.5)
    assert (p2.precision, p2.recall) == (0.5, 1.0)
    scores = shingle_scores([p1, p2])
    assert scores == PRF(0.75, 0.75, pytest.approx(0.75))


def test_shingle_scores_empty_corpus() -> None:
    assert shingle_scores([]) == PRF(None, None, None)


def test_word_prf_lowercases_and_counts_multiset() -> None:
    # gold bag {the:2, cat:1}; pred bag {the:1, cat:1, dog:1} -> overlap 2
    s = word_prf("The the cat", "the CAT dog")
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)


def test_word_prf_edge_cases_as_upstream() -> None:
    assert word_prf(None, None) == PRF(1.0, 1.0, 1.0)
    assert word_prf("", "text") == PRF(0.0, 0.0, 0.0)
    assert word_prf("text", None) == PRF(0.0, 0.0, 0.0)
    assert word_prf("a b", "c d") == PRF(0.0, 0.0, 0.0)


def test_snippet_counts_whitespace_normalised_case_sensitive() -> None:
    c = snippet_counts(["Big   News", "small news"], ["Login"], "big news\nBig News today. Login")
    assert c == SnippetCounts(tp=1, fp=1, fn=1, tn=0)


def test_snippet_scores_are_micro_averaged() -> None:
    # page A: tp 3 fp 0 fn 0; page B: tp 0 fp 1 fn 1 -> P = 3/4, R = 3/4
    s = snippet_scores([SnippetCounts(3, 0, 0, 2), SnippetCounts(0, 1, 1, 0)])
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.75)


def test_snippet_scores_without_hits() -> None:
    s = snippet_scores([SnippetCounts(0, 0, 2, 1)])
    assert s.precision is None and s.recall == 0.0 and s.f1 is None


def test_normalize_meta() -> None:
    assert normalize_meta("BY  Ｊane O'Neil ") == "jane o neil"
    assert normalize_meta("Bypass road") == "bypass road"


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("Hello World", "hello, world!", True),
        ("Hello World", "Hello World | The Site", False),      # 2 of 5 tokens
        ("A long title of eight words here now", "A long title of eight words here", True),
        ("A long title of eight words here now", "A long title of eight", False),  # 5/8
        ("Hello World", "Hello Worlds", False),                # token boundary
        ("Hello", "", False),
    ],
)
def test_title_matches(gold: str, pred: str, ok: bool) -> None:
    assert title_matches(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("Jane Doe", "By Jane Doe", True),
        ("Jane Doe; John Roe", "John Roe and Jane Doe", True),
        ("Jane Doe & John Roe", "Jane Doe", False),             # one name missing
        ("Jane Doe", "Jane Doe Reporter Staff", True),          # 4 tokens <= 2*2+2
        ("Jane Doe", "Jane Doe Reporter Staff Writer Bureau Chief", False),  # 7 > 6
        ("Jane Doe", "Janet Doe", False),
        ("Jane Doe", None, False),
    ],
)
def test_author_matches(gold: str, pred: str | None, ok: bool) -> None:
    assert author_matches(gold, pred) is ok


def test_date_matches_on_first_iso_day() -> None:
    assert date_matches("2019-12-12T08:00:00", "2019-12-12")
    assert not date_matches("2019-12-12", "2019-12-13 (updated 2019-12-12)")
    assert not date_matches("12 December 2019", "2019-12-12")   # no usable gold day


@pytest.mark.parametrize(
    "module",
    ["benchmarks.metrics", "benchmarks.systems", "benchmarks.run", "benchmarks.tables",
     "benchmarks.gate", "benchmarks.corpus"],
)
def test_module_doctests_pass(module: str) -> None:
    # pytest's testpaths do not include benchmarks/, so run its doctests from here
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
