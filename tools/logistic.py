"""L2-regularised logistic regression by Newton's method (numpy; training only)."""

from __future__ import annotations

import numpy as np

#: L2 penalty on the weights (not on the bias).
L2 = 1.0
NEWTON_STEPS = 25


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, *, l2: float = L2) -> np.ndarray:
    """Weights (first column of ``x`` is the bias) minimising weighted log-loss + L2."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = sigmoid(x @ beta)
        grad = x.T @ (w * (p - y)) + penalty * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        beta -= np.linalg.solve(hess, grad)
    return beta
