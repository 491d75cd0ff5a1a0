"""The text-dump block classifier's feature extraction."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaner.metadata.language import stopwords
from cleaner.text import columns
from cleaner.text.segment import segment

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_ce51e559fc37b17e.txt"


def test_reading_a_long_page_in_slices_gives_the_same_columns() -> None:
    blocks = segment(SAMPLE.read_text(encoding="utf-8"))
    assert len(blocks) > 20
    stop = stopwords("en")
    whole = columns.page_columns(blocks, stop)
    for size in (1, 7, len(blocks) - 1):
        sliced = columns.text_columns(blocks, stop, size=size)
        assert sliced.keys() == whole.keys()
        for name, column in whole.items():
            assert np.array_equal(sliced[name], column), (size, name)

