"""The trainers' choice of L2 strength by cross-validation (tools/ranker_training.py)."""

from __future__ import annotations

import numpy as np
import pytest
from tools.ranker_training import CV_FOLDS, cross_validated_l2, top1_correct

# one feature column after the bias; the positive candidate has the larger feature
_PAGE = ([(0, [1.0, 1.0]), (1, [1.0, 0.0])], [1.0, 0.0])
_FLIPPED = ([(0, [1.0, 1.0]), (1, [1.0, 0.0])], [0.0, 1.0])


def test_top1_counts_a_page_only_when_the_best_candidate_is_gold_and_clears_the_bar() -> None:
    beta = np.array([0.0, 2.0])
    assert top1_correct([_PAGE], beta, 0.5) == 1
    assert top1_correct([_FLIPPED], beta, 0.5) == 0
    assert top1_correct([_PAGE], beta, 0.99) == 0  # sigmoid(2) < 0.99


def test_equal_held_out_hits_go_to_the_stronger_penalty() -> None:
    pages = [_PAGE] * (2 * CV_FOLDS)
    # every strength ranks every held-out page right: a tie, settled for the simpler model
    assert cross_validated_l2(pages, (0.3, 1.0, 3.0), 0.0, ranking=True) == 3.0
    assert cross_validated_l2(pages, (3.0, 0.3), 0.0, ranking=True) == 3.0


@pytest.mark.parametrize("ranking", [True, False])
def test_a_strength_that_loses_held_out_pages_is_not_chosen(ranking: bool) -> None:
    pages = [_PAGE] * (2 * CV_FOLDS)
    # a huge penalty keeps the weights near zero, so no candidate clears a 0.6 bar
    assert cross_validated_l2(pages, (0.1, 1e6), 0.6, ranking=ranking) == 0.1
