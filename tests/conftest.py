"""Shared fixtures: the repository root, the samples and the development corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected"

# A fast profile for CI and a long one for local runs: HYPOTHESIS_PROFILE=long pytest.
# The fast one is derandomized: the same examples on every run, so a build never turns red
# by the luck of the draw; the long profile explores, and what it finds is pinned as a plain
# test in test_property_regressions.py once fixed.
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def corpus_root() -> Path:
    """``$CLEANER_CORPUS`` or ``../shared/corpus`` beside the repository."""
    return Path(os.environ.get("CLEANER_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    root = corpus_root()
    if not (root / "wcxb-dev" / "gold.jsonl.gz").exists():
        pytest.skip(f"development corpora not found at {root} (set CLEANER_CORPUS)")
    return root
