"""Golden tests: the five seed dumps must come out exactly as expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean
from tests.conftest import EXPECTED, SAMPLES

SEEDS = sorted(SAMPLES.glob("*.txt"))
METADATA_FIELDS = ("title", "byline", "date", "source", "site_name", "section", "description")


def _expected(path: Path) -> dict[str, object]:
    return json.loads((EXPECTED / (path.stem + ".json")).read_text(encoding="utf-8"))


def test_all_five_seeds_present() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_body(path: Path) -> None:
    expected = _expected(path)
    article = clean(path.read_text(encoding="utf-8"))
    for paragraph in str(expected["body"]).split("\n\n"):
        assert article.text.count(paragraph) == 1, paragraph[:60]
    assert article.text == expected["body"]
    for junk in expected["must_not_contain"]:  # type: ignore[attr-defined]
        assert junk not in article.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_metadata(path: Path) -> None:
    expected = _expected(path)
    article = clean(path.read_text(encoding="utf-8")).to_dict()
    for field in METADATA_FIELDS:
        if field in expected:
            assert article[field] == expected[field], field
    if "tags" in expected:
        assert article["tags"] == expected["tags"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_bytes_and_str_agree(path: Path) -> None:
    data = path.read_bytes()
    assert clean(data).to_dict() | {"encoding": None} == clean(data.decode("utf-8")).to_dict()


def test_relative_date_needs_reference_time() -> None:
    from datetime import datetime

    path = next(p for p in SEEDS if p.name.startswith("002"))
    assert clean(path.read_text(encoding="utf-8")).date is None
    dated = clean(path.read_text(encoding="utf-8"), now=datetime(2025, 11, 18, 9, 0))
    assert dated.date == "2025-11-04"


def test_seeds_through_the_cli(tmp_path: Path) -> None:
    """The README's first command, run for real: every seed's JSON matches its expectation."""
    import subprocess
    import sys

    out = tmp_path / "out"
    cli = [sys.executable, "-m", "cleaner.cli", "clean", str(SAMPLES), "-o", str(out), "--quiet"]
    subprocess.run(cli, check=True, capture_output=True, timeout=300)
    for path in SEEDS:
        expected = _expected(path)
        record = json.loads((out / (path.name + ".json")).read_text(encoding="utf-8"))
        assert record["status"] == "ok"
        assert record["text"] == expected["body"]
        for field in METADATA_FIELDS:
            if field in expected:
                assert record[field] == expected[field], (path.name, field)
