"""The accuracy gate: cleaner must stay at or above the pinned floors on the gate subsets.

Skipped only when the corpus folder is absent. See benchmarks/FLOORS.md.
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.corpus import corpus_available, corpus_root
from benchmarks.gate import (
    FLOORS_PATH,
    GATE_INPUTS,
    NOISE_MARGIN,
    Measured,
    check,
    load_floors,
    measure,
    raise_floors,
    round_down,
    subset_description,
)

FLOORS: dict[str, Any] = load_floors(FLOORS_PATH)
_PARAMS = [
    (key, input_, metric)
    for key, by_input in FLOORS["floors"].items()
    for input_, by_metric in by_input.items()
    for metric in by_metric
]


@pytest.fixture(scope="module")
def gate_run() -> tuple[Measured, dict[str, int]]:
    if not corpus_available():
        pytest.skip(f"corpus folder absent ({corpus_root().name}); set $CLEANER_CORPUS")
    return measure()


def test_floors_describe_the_gate_subsets() -> None:
    assert FLOORS["subsets"] == subset_description()
    assert set(GATE_INPUTS) <= {i for by_input in FLOORS["floors"].values() for i in by_input}


def test_floors_are_pinned_on_the_step() -> None:
    for key, input_, metric in _PARAMS:
        floor = FLOORS["floors"][key][input_][metric]
        assert 0.0 <= floor <= 1.0
        assert round_down(floor) == floor, f"{key}/{input_}/{metric} = {floor} is off-step"


def test_lowered_floors_carry_a_reason() -> None:
    for entry in FLOORS.get("lowered", []):
        assert entry.get("reason", "").strip(), f"floor lowered without a reason: {entry}"


def test_update_never_lowers() -> None:
    floors = {"s": {"w3m": {"word_f1": 0.9, "snippet_f1": 0.5}}}
    measured: Measured = {"s": {"w3m": {"word_f1": 0.7, "snippet_f1": 0.6234, "title_acc": 0.4}}}
    new, changes = raise_floors(measured, floors)
    assert new == {"s": {"w3m": {"word_f1": 0.9, "snippet_f1": 0.62, "title_acc": 0.4}}}
    assert len(changes) == 2


def test_check_applies_the_margin() -> None:
    floors = {"s": {"w3m": {"word_f1": 0.9}}}
    assert check({"s": {"w3m": {"word_f1": 0.9 - NOISE_MARGIN / 2}}}, floors) == []
    assert len(check({"s": {"w3m": {"word_f1": 0.9 - 2 * NOISE_MARGIN}}}, floors)) == 1
    assert len(check({}, floors)) == 1  # a floor without a measurement fails


def test_cleaner_does_not_crash_on_gate_pages(gate_run: tuple[Measured, dict[str, int]]) -> None:
    _, errors = gate_run
    assert {k: n for k, n in errors.items() if n} == {}


@pytest.mark.parametrize(("key", "input_", "metric"), _PARAMS)
def test_score_at_or_above_floor(
    gate_run: tuple[Measured, dict[str, int]], key: str, input_: str, metric: str
) -> None:
    measured, _ = gate_run
    floor = FLOORS["floors"][key][input_][metric]
    got = measured[key][input_][metric]
    assert got is not None, f"{key}/{input_}/{metric}: nothing to score"
    assert got >= floor - NOISE_MARGIN, (
        f"{key} / {input_} / {metric} = {got:.4f} fell below floor {floor:.3f} "
        f"(margin {NOISE_MARGIN}); see benchmarks/FLOORS.md"
    )
