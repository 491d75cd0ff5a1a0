"""The shortcuts of the metadata rankers give what reading every candidate in full gives:
the byline ranker's pruning of spans that cannot reach their floor, the date lines' skip of
lines that cannot hold a date, the far-headline search's word test."""

from __future__ import annotations

import math
import re

import pytest

from cleaner.metadata.address import slug_overlap, slug_words
from cleaner.metadata.byline_spans import (
    _LATE_SPAN_FEATURES,
    BYLINE_FEATURES,
    _floor,
    _late_bound,
    byline_rows,
    pick_byline,
)
from cleaner.metadata.dump_dates import block_dump_date
from cleaner.metadata.line_ranker import load_weights, probability
from cleaner.metadata.nearby import ranked_short_lines
from cleaner.metadata.nearby_dates import dated_lines
from cleaner.metadata.title_candidates import (
    FAR_MIN_SLUG_COVER,
    FAR_MIN_SLUG_WORDS,
    _as_spelled,
    may_be_title,
    spelled_by_slug,
)
from cleaner.text.segment import segment

_BODY = (
    "The council approved the new budget on Tuesday after a debate of many hours, and the"
    " mayor said the schools would get more money next year."
)
PAGES = [
    f"Home | News | Sport\n\nCouncil approves new budget\n\nBy Jane Doe | 4 November 2025\n\n{_BODY}",
    f"Jane Doe\n\nSection\n\nCouncil approves budget\n\nJOHN ROE\n\nMarch 3, 2024\n\n{_BODY}\n\n"
    "Posted by Max Muster on March 3, 2024\n\nMore stories\n\nAnna Berg\n\nPeter Pan",
    f"Allgemein\n\nGemeinderat beschließt Haushalt\n\nVon Erika Mustermann, 03.11.2023\n\n{_BODY}",
    f"Menu\n\nRead more\n\nCouncil approves budget\n\n{_BODY}\n\n12 Comments\n\nJane Doe says:",
]


def _unpruned(text: str, anchor: int, headline: int | None) -> str | None:
    """The ranker's pick with every span's row read in full."""
    blocks = segment(text)
    weights = load_weights("byline_model.json", BYLINE_FEATURES)
    spans, rows = byline_rows(blocks, {}, anchor, frozenset({"the", "on", "of"}), headline, {})
    best: tuple[float, str] | None = None
    for k, row in rows:
        prob = probability(row, weights)
        if prob >= _floor(spans[k], blocks[spans[k].position].patterns.boilerplate) and (
            best is None or prob > best[0]
        ):
            best = (prob, spans[k].text)
    return None if best is None else best[1]


@pytest.mark.parametrize("text", PAGES)
def test_pruned_byline_pick_is_the_unpruned_pick(text: str) -> None:
    blocks = segment(text)
    anchor = next(b.index for b in blocks if b.prose)
    for headline in (None, max(0, anchor - 2)):
        expected = _unpruned(text, anchor, headline)
        stop = frozenset({"the", "on", "of"})
        assert pick_byline(blocks, {}, anchor, stop, headline, {}) == expected


def test_the_pages_have_picks_and_pruned_spans() -> None:
    """The pages above test something: the ranker names authors on them, and leaves
    spans before reading their page features."""
    weights = load_weights("byline_model.json", BYLINE_FEATURES)
    late = [BYLINE_FEATURES.index(f) for f in _LATE_SPAN_FEATURES]
    picks, pruned = set(), 0
    for text in PAGES:
        blocks = segment(text)
        anchor = next(b.index for b in blocks if b.prose)
        picks.add(_unpruned(text, anchor, max(0, anchor - 2)))
        spans, rows = byline_rows(blocks, {}, anchor, frozenset(), max(0, anchor - 2), {})
        for k, row in rows:
            floor = _floor(spans[k], blocks[spans[k].position].patterns.boilerplate)
            early = sum(w * x for i, (w, x) in enumerate(zip(weights, row, strict=True)) if i not in late)
            pruned += early + _late_bound(weights) < math.log(floor / (1 - floor))
    assert len(picks - {None}) >= 2 and pruned > 0


def test_late_features_add_at_most_their_bound() -> None:
    weights = load_weights("byline_model.json", BYLINE_FEATURES)
    late = [BYLINE_FEATURES.index(f) for f in _LATE_SPAN_FEATURES]
    bound = _late_bound(weights)
    for text in PAGES:
        blocks = segment(text)
        _, rows = byline_rows(blocks, {}, 3, frozenset({"the"}), 1, {})
        assert rows
        for _, row in rows:
            assert sum(weights[i] * row[i] for i in late) <= bound + 1e-12
    # the bound is not vacuous: it stays below what a proposed span's floor asks of a bare row
    assert bound < -math.log(1 / 0.05 - 1) - weights[0]


@pytest.mark.parametrize("text", PAGES)
def test_dated_lines_without_now_are_the_dated_short_lines_in_rank_order(text: str) -> None:
    blocks = segment(text)
    for anchor in (0, 3):
        for headline in (None, 1):
            expected = [
                (b.index, d)
                for b in ranked_short_lines(blocks, anchor, headline)
                if (d := block_dump_date(b)) is not None
            ]
            found = dated_lines(blocks, anchor, now=None, headline=headline)
            assert [(b.index, d) for b, d in found] == expected


def test_far_headline_search_is_the_full_search() -> None:
    url = "https://example.org/2024/council-approves-budget-schools-money"
    slug = slug_words(url)
    text = (
        "Council approves budget for schools\n\nCouncils approve money\n\nCafé council\n\n"
        f"Schoolbudget councilmoney\n\nMenu\n\n{_BODY}\n\nCouncil approves money for schools"
    )
    blocks = segment(text)
    body = next(p for p, b in enumerate(blocks) if b.prose)
    any_word = re.compile("|".join(sorted(slug)))
    expected = [
        p
        for p, block in enumerate(blocks)
        if p not in range(body, body + 1)
        and may_be_title(blocks, p, body, {})
        and len(set(any_word.findall(_as_spelled(block.text)))) >= FAR_MIN_SLUG_WORDS
        and slug_overlap(block.text, slug)[1] >= FAR_MIN_SLUG_COVER
    ]
    assert spelled_by_slug(blocks, body, {}, slug, range(body, body + 1)) == expected
    assert expected  # the page has far lines that spell the slug
