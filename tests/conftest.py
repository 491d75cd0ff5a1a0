"""Shared fixtures: the repository root, the samples and the development corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected"

# A fast profile for CI and a long one for local runs: HYPOTHESIS_PROFILE=long pytest
settings.register_profile("ci", max_examples=60, deadline=None)
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
