"""The cheap searches that let costly patterns be skipped change no answer.

Each gate is a pattern that every text the costly one matches in must match too; the
functions that use the gates must answer as they do without them (gates that let every
text through), on texts built from the pieces the patterns read.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from cleaner.metadata import dates, nearby, title_candidates, yearless
from cleaner.text import columns, segment

_EVERYTHING = re.compile("")

_DATE_PIECES = (
    "November", "NOV.", "nov", "Mär", "März", "décembre", "Sept.", "Jan", "4", "04", "31",
    "4th", "4TH", "1st", "22nd", "3rd", "4.", "2025", "1999", "2100", "23", "10/30/23",
    "31.10.23", "2025-11-04", "2025.12.17", "19:30", "7:05 PM", "9.15", "um", "at", "de",
    ",", ", ", ".", " ", "  ", "\t", "|", "-", "Updated", "by", "Jane", "ſt", "K", "ß",
)


def _texts(pieces: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = rng.choices(pieces, k=rng.randint(1, 9))
        out.append("".join(w + rng.choice(("", " ", " ", ", ")) for w in words))
    return out


def _month_first_texts(n: int, seed: int) -> list[str]:
    """Month-first dates and near misses: each part picked among forms that the pattern
    reads and some that it does not."""
    rng = random.Random(seed)
    parts = (
        ("", "Posted ", "x", "1", "Jane Doe", "ſ "),
        ("November", "NOV", "nov", "März", "Sept", "Sep", "Jan", "Junk"),
        ("", ".", ","),
        (" ", "  ", "\t", "", "-"),
        ("4", "04", "31", "40", "x"),
        ("", "th", "TH", "st", "nd", "rd", ".", "ſt", "er"),
        ("", ","),
        (" ", "\n", "", "  "),
        ("2025", "1999", "2100", "25", "20255"),
        ("", " at 7:05 PM", ", 19:30", "x", " | Jane"),
    )
    return ["".join(rng.choice(options) for options in parts) for _ in range(n)]


DATE_TEXTS = [
    "November 4, 2025",
    "NOV. 4TH, 2025 at 7:05 PM",
    "Posted on June 29, 2020November 12, 2021",
    "Sept. 22nd 1999",
    "März 3 2024",
    "by Jane Doe Jan 1st,\t2023 | 19:30",
    *_texts(_DATE_PIECES, 3000, 1),
    *_month_first_texts(3000, 3),
]


@pytest.mark.parametrize("k", [k for k, needs in enumerate(dates._NEEDS) if needs is not None])
def test_each_date_pattern_gate_holds_wherever_the_pattern_matches(k: int) -> None:
    pattern, needs = dates._PATTERNS[k], dates._NEEDS[k]
    assert needs is not None
    matched = [t for t in DATE_TEXTS if pattern.search(t)]
    assert len(matched) > 50  # the texts exercise the pattern
    assert all(needs.search(t) for t in matched)
    assert any(not needs.search(t) for t in DATE_TEXTS)  # and the gate skips some


def test_date_functions_answer_as_without_the_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    def answers() -> list[object]:
        return [
            (
                dates.find_date(t),
                dates.find_date(t, day_first=False),
                dates.date_spans(t),
                dates.date_start(t),
                dates.strip_dates(t),
            )
            for t in DATE_TEXTS
        ]

    gated = answers()
    monkeypatch.setattr(dates, "_NEEDS", tuple(_EVERYTHING for _ in dates._PATTERNS))
    assert answers() == gated


_BYLINE_PIECES = (
    "Posted", "posted", "on", "May", "3", "by", "By", "BY", "von", "VON", "di", "door", "par",
    "por", "Por", "dar", "bi", "Jane", "Doe", "jane", "Björn", "O'Neil", ":", " :", ",", "|",
    "-", "Stand-by", "ſ", "K", "Écrit", "Autor:", "Author", "Text", "über",
)
BYLINE_TEXTS = [
    "Posted on May 3 by Jane Doe",
    "Stand-by mode",
    "BY: Jane Doe",
    "written by  Jane Doe and John Roe",
    *_texts(_BYLINE_PIECES, 4000, 2),
]


def test_by_name_core_holds_wherever_the_first_embedded_pattern_matches() -> None:
    first = nearby.EMBEDDED_BYLINES[0]
    matched = [t for t in BYLINE_TEXTS if first.search(t)]
    assert len(matched) > 50
    assert all(nearby._BY_NAME_CORE.search(t) for t in matched)


def test_embedded_bylines_answer_as_without_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    def answers() -> list[list[tuple[int, str]]]:
        return [
            [(m.start(), m.group("name")) for m in nearby.embedded_bylines(t)]
            for t in BYLINE_TEXTS
        ]

    gated = answers()
    monkeypatch.setattr(nearby, "_BY_NAME_CORE", _EVERYTHING)
    assert answers() == gated


@pytest.mark.parametrize("seed", range(5))
def test_per_block_all_counts_as_per_block(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 300))
    flags = [rng.random(n) < share for share in (0.0, 0.1, 0.5, 1.0)]
    cuts = np.sort(rng.integers(0, n + 1, size=int(rng.integers(1, 20))))
    bounds = np.concatenate([[0], cuts, [n]]).astype(np.int64)  # empty spans too
    together = columns._per_block_all(flags, bounds)
    for alone, column in zip(together, flags, strict=True):
        assert alone.dtype == np.float64
        assert alone.tolist() == columns._per_block(column, bounds).tolist()


def test_line_day_month_answers_as_without_the_digit_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Apr 12", "• Jun 9", "Publicado el 11 de mayo", "14 Feb ’20 | Tags", "may 2 be fine",
        "September 16th", "Posted Mar 3", "Rome, 14 May", "March", "Mar six", "٣ May",
        *(t for t in DATE_TEXTS if len(t.split()) <= 6),
    ]

    def answers() -> list[tuple[int, int, int | None] | None]:
        return [yearless.line_day_month(t) for t in texts]

    gated = answers()
    assert sum(a is not None for a in gated) > 50
    monkeypatch.setattr(yearless, "_DIGIT", _EVERYTHING)
    assert answers() == gated


_LABEL_PIECES = (
    "Autor", "autorin", "AUTHOR", "Redaktion", "Text", "texto", "written by", "Geschrieben von",
    ":", "：", " : ", "|", "•", "Jane", "Doe", "作者", "编辑", "责任编辑", "张三丰", "about", "Über",
    "Posted", "by", "von", "ſ", "K", "2025",
)
LABEL_TEXTS = [
    "Autor: Jane Doe",
    "责任编辑：张三丰",
    "05.02.2020 | Redaktion: Jane Doe",
    *_texts(_LABEL_PIECES, 4000, 4),
    *BYLINE_TEXTS,
]


@pytest.mark.parametrize("k", [k for k, needs in enumerate(nearby._EMBEDDED_NEEDS) if needs])
def test_each_embedded_gate_holds_wherever_its_pattern_matches(k: int) -> None:
    pattern, needs = nearby.EMBEDDED_BYLINES[k], nearby._EMBEDDED_NEEDS[k]
    matched = [t for t in LABEL_TEXTS if pattern.search(t)]
    assert len(matched) > 20  # the texts exercise the pattern
    assert all(any(c in t for c in needs) for t in matched)
    assert any(not any(c in t for c in needs) for t in LABEL_TEXTS)  # and the gate skips some


def test_embedded_bylines_answer_as_without_the_character_gates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def answers() -> list[list[tuple[int, str]]]:
        return [
            [(m.start(), m.group("name")) for m in nearby.embedded_bylines(t)]
            for t in LABEL_TEXTS
        ]

    gated = answers()
    assert len(nearby._EMBEDDED_NEEDS) == len(nearby.EMBEDDED_BYLINES)
    monkeypatch.setattr(nearby, "_EMBEDDED_NEEDS", tuple(() for _ in nearby.EMBEDDED_BYLINES))
    assert answers() == gated


_LINE_PIECES = (
    " ", "  ", "\t", "\u00a0", "\u2003", "•", "*", "+", "#", "·", "▪", "◦", "‣", "●", "○", "■",
    "□", "–", "-", "o", "O", "1.", "12)", "123.", "1234.", "٣)", "x", "News", "", "☆", "—",
)


def test_bullet_answers_as_its_pattern_alone() -> None:
    rng = random.Random(5)
    lines = ["".join(rng.choices(_LINE_PIECES, k=rng.randint(1, 6))) for _ in range(20000)]
    found = [segment._bullet(line) for line in lines]
    assert sum(b is not None for b in found) > 1000  # the lines exercise the pattern
    for line, bullet in zip(lines, found, strict=True):
        match = segment._BULLET.match(line)
        assert segment._is_bullet(line) == (match is not None)
        assert bullet == (
            None
            if match is None
            else (len(match.group("indent").expandtabs()), match.group("rest").strip())
        )


@pytest.mark.parametrize("seed", range(3))
def test_alternation_finds_as_the_regex_engine(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        words = sorted({"".join(rng.choices("abc", k=rng.randint(1, 4))) for _ in range(5)})
        text = "".join(rng.choices("abc ", k=rng.randint(0, 30)))
        expected = set(re.findall("|".join(words), text))
        assert title_candidates._alternation_finds(words, text) == expected


@pytest.mark.parametrize("rows", [0, 1, 2, 300])
def test_stack_columns_builds_the_matrix_column_stack_builds(rows: int) -> None:
    rng = np.random.default_rng(rows)
    cols = [rng.random(rows) for _ in range(60)]
    weights = rng.random(60)
    stacked, expected = columns.stack_columns(cols), np.column_stack(cols)
    assert stacked.dtype == expected.dtype and stacked.strides == expected.strides
    assert stacked.tolist() == expected.tolist()
    assert (stacked @ weights).tolist() == (expected @ weights).tolist()
