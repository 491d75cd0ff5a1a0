"""The shortcuts of the metadata rankers give what reading every candidate in full gives:
the byline ranker's pruning of spans that cannot reach their floor, the date lines' skip of
lines that cannot hold a date, the far-headline search's word test."""

from __future__ import annotations

import math
import operator
import random
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
from cleaner.metadata.line_ranker import best_candidate, load_weights, probability
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
            early = sum(
                w * x for i, (w, x) in enumerate(zip(weights, row, strict=True)) if i not in late
            )
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


_PARAGRAPHS = "\n\n".join(
    [
        "The council approved the new budget for schools on Tuesday after a long debate.",
        "Schools will get more teachers, the council said, and the budget adds new buses.",
        "Critics of the budget said the council spent too little on roads and on parks.",
    ]
)
_TITLE_PAGES = [
    (
        "".join(f"Section number {k} of the site\n\n" for k in range(25))
        + "Advertisement\n\nCouncil approves budget for schools\n\nBy Jane Doe\n\n"
        + f"{_PARAGRAPHS}\n\nShare this article with friends\n\nPrint this page now",
        "https://example.org/news/council-approves-budget-for-schools",
    ),
    (
        f"Sign in to your account\n\n4 November 2025\n\nCouncil approves budget for schools\n\n{_BODY}",
        None,
    ),
    (
        f"Home » News » Council approves budget\n\nPolitics\n\nCouncil approves budget\n\n"
        f"By Jane Doe\n\n{_BODY}\n\nCouncil approves budget",
        "https://example.org/news/2024/council-approves-budget-schools",
    ),
    (
        "Council approves budget\n\nCouncil\n\nCouncil approves budget Share Print 12 comments"
        f"\n\nMENU\n\nRain in Spain | Daily News\n\n{_BODY}",
        "https://example.org/rain-in-spain",
    ),
    (f"Gemeinderat beschließt Haushalt\n\n{_BODY}", None),
    (
        f"Menu\n\nRead more\n\nSport\n\nWeather\n\n{_BODY}\n\nMore stories",
        "https://example.org/a/b",
    ),
]


def _unpruned_title(blocks: list, body: int, url: str | None) -> int | None:
    """The title ranker's pick with every candidate's row read in full."""
    from cleaner.features import is_heading_like
    from cleaner.metadata import title_model

    weights = title_model.load_weights(
        title_model.TITLE_WEIGHTS if url else title_model.NO_URL_TITLE_WEIGHTS,
        title_model.TITLE_FEATURES,
    )
    rows = title_model.title_rows(blocks, body, {}, (), url)
    best = best_candidate(rows, weights, min_probability=title_model.MIN_TITLE_PROBABILITY)
    before = [p for p, _ in rows if p < body]
    if best is None and len(before) == 1 and is_heading_like(blocks[before[0]]):
        best = before[0] if blocks[before[0]].words > 1 else None
    return best


def _title_cases() -> list[tuple[list, int, str | None]]:
    cases = []
    for text, url in _TITLE_PAGES:
        blocks = segment(text)
        first = next(p for p, b in enumerate(blocks) if b.prose)
        for body in sorted({0, max(0, first - 1), first, min(len(blocks) - 1, first + 1)}):
            cases.append((blocks, body, url))
    return cases


def _pick(blocks: list, body: int, url: str | None) -> int | None:
    from cleaner.metadata.title_model import pick_title

    title = pick_title(blocks, body, {}, (), url)
    return None if title is None else next(p for p, b in enumerate(blocks) if b is title)


def test_pruned_title_pick_is_the_unpruned_pick() -> None:
    picks = set()
    for blocks, body, url in _title_cases():
        expected = _unpruned_title(blocks, body, url)
        assert _pick(blocks, body, url) == expected
        picks.add(None if expected is None else blocks[expected].text)
    assert len(picks - {None}) >= 3  # the pages test something: the ranker picks titles


@pytest.mark.parametrize("seed", range(40))
def test_pruned_title_pick_is_the_unpruned_pick_under_any_weights(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the weights (ties included: rounded weights, scores that saturate), the
    rows left unread cannot change the pick."""
    from cleaner.metadata import title_model

    rng = random.Random(seed)
    scale = rng.choice((0.5, 3.0, 40.0))
    weights = tuple(
        round(rng.gauss(0.0, scale) * rng.choice((0, 1, 1)), rng.choice((0, 2)))
        for _ in title_model.TITLE_FEATURES
    )
    monkeypatch.setattr(title_model, "load_weights", lambda *_: weights)
    for blocks, body, url in _title_cases():
        assert _pick(blocks, body, url) == _unpruned_title(blocks, body, url)


def test_equal_title_rows_resolve_to_the_first_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.metadata import title_model

    weights = (0.0,) * len(title_model.TITLE_FEATURES)
    monkeypatch.setattr(title_model, "load_weights", lambda *_: weights)
    for blocks, body, url in _title_cases():
        rows = title_model.title_rows(blocks, body, {}, (), url)
        assert _pick(blocks, body, url) == (rows[0][0] if rows else None)


def test_title_rows_are_pruned_and_late_features_add_at_most_their_bound() -> None:
    from cleaner.metadata import title_model
    from cleaner.metadata.title_features import LATE_TITLE_FEATURES, late_bound

    late = [title_model.TITLE_FEATURES.index(f) for f in LATE_TITLE_FEATURES]
    pruned = 0
    for blocks, body, url in _title_cases():
        name = title_model.TITLE_WEIGHTS if url else title_model.NO_URL_TITLE_WEIGHTS
        weights = load_weights(name, title_model.TITLE_FEATURES)
        bound = late_bound(weights)
        rows = title_model.title_rows(blocks, body, {}, (), url)
        scores = [sum(map(operator.mul, weights, row)) for _, row in rows]
        for (_, row), score in zip(rows, scores, strict=True):
            assert sum(weights[i] * row[i] for i in late) <= bound + 1e-12
            early = score - sum(weights[i] * row[i] for i in late)
            bar = max(math.log(0.003 / 0.997), max(scores))
            pruned += early + bound < bar
    assert pruned > 0
