"""L2-regularised logistic regression by Newton's method (numpy; training only)."""

from __future__ import annotations

import numpy as np

#: L2 penalty on the weights (not on the bias).
L2 = 1.0
NEWTON_STEPS = 25
#: A ranking Newton step is halved at most this many times to make the loss go down.
MAX_HALVINGS = 30


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


def _ranking_loss(
    beta: np.ndarray, groups: list[tuple[np.ndarray, np.ndarray]], penalty: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """Negative log-likelihood of the positives per group (+ L2), its gradient and the
    softmax covariance (the Fisher information) as Hessian."""
    loss = 0.5 * float(penalty @ (beta * beta))
    grad = penalty * beta
    hess = np.diag(penalty)
    for x, y in groups:
        z = x @ beta
        top = z.max()
        p = np.exp(z - top)
        total = p.sum()
        loss -= float(np.log((p * y).sum() / total))
        p /= total
        q = p * y
        q /= q.sum()
        mean_p = p @ x
        grad += mean_p - q @ x
        centred = x - mean_p
        hess += (centred * p[:, None]).T @ centred
    return loss, grad, hess


def fit_ranking(groups: list[tuple[np.ndarray, np.ndarray]], *, l2: float = L2) -> np.ndarray:
    """Weights of a conditional logit: per group (a page's candidates ``x``, labels ``y``),
    maximise the softmax probability of the positive candidates, plus an L2 penalty.

    The bias (first column) cancels out inside a group; it is then fitted alone, by a
    pointwise logistic loss with the other weights fixed, so that ``sigmoid(x @ beta)``
    is a usable probability for a threshold. Damped Newton steps (Fisher scoring, the
    step halved until the loss goes down).
    """
    dims = groups[0][0].shape[1]
    beta = np.zeros(dims)
    penalty = np.full(dims, l2)
    penalty[0] = 1.0  # the bias does not move here
    usable = [(x, y) for x, y in groups if y.any() and not y.all()]
    loss, grad, hess = _ranking_loss(beta, usable, penalty)
    for _ in range(NEWTON_STEPS):
        step = np.linalg.solve(hess, grad)
        for _halving in range(MAX_HALVINGS):
            trial = beta - step
            trial_loss, trial_grad, trial_hess = _ranking_loss(trial, usable, penalty)
            if trial_loss <= loss:
                beta, loss, grad, hess = trial, trial_loss, trial_grad, trial_hess
                break
            step = step / 2
    x_all = np.vstack([x for x, _ in groups])
    y_all = np.concatenate([y for _, y in groups])
    rest = x_all[:, 1:] @ beta[1:]
    for _ in range(NEWTON_STEPS):  # the bias alone: one-dimensional Newton
        p = sigmoid(beta[0] + rest)
        beta[0] -= np.sum(p - y_all) / max(np.sum(p * (1 - p)), 1e-9)
    return beta
