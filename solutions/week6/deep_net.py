r"""The L-layer network that week 6 trains (given: nothing to write in this file).

``optimization`` is about *how* the parameters move, not about the network, so the network is given,
complete: ``[LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID``, He initialization, the mean
cross-entropy cost and its gradients.

Notation
--------
- ``X`` of shape (n_x, m): one example per column; ``Y`` of shape (1, m): labels 0.0 / 1.0.
- ``layers_dims = [n_0, n_1, ..., n_L]`` with ``n_0 = n_x`` and ``n_L = 1``.
- ``parameters``: ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` of shape (n_l, 1), ``l = 1..L``.
- ``caches``: a list of the L layer caches ``((A_prev, W, b), Z)``: ``A_prev`` (n_{l-1}, m),
  ``W`` (n_l, n_{l-1}), ``b`` (n_l, 1), ``Z`` (n_l, m).
- ``grads``: ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
"""

import numpy as np

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] inside the cost only


def sigmoid(Z):
    """Elementwise ``1 / (1 + exp(-z))`` of an ndarray of any shape, computed without overflow."""
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def initialize_parameters(layers_dims, rng=None):
    r"""He initialization: :math:`W^{[l]} \sim \mathcal{N}(0, 1)\sqrt{2 / n_{l-1}}`, zero biases.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_0, n_1, ..., n_L]``.
    rng : None, int or numpy.random.Generator
        Normalised with ``np.random.default_rng(rng)``; ``W1, ..., WL`` are drawn in that order, each
        with one call ``rng.standard_normal((n_l, n_{l-1}))``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass ``[LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID``.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}), ``"b{l}"`` (n_l, 1), ``l = 1..L``.

    Returns
    -------
    AL : ndarray of shape (1, m)
        The output probabilities.
    caches : list of L tuples
        ``((A_prev, W, b), Z)`` for each layer: ``A_prev`` (n_{l-1}, m), ``Z`` (n_l, m).
    """
    L = len(parameters) // 2
    A = X
    caches = []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b                                   # (n_l, m)
        caches.append(((A, W, b), Z))
        A = sigmoid(Z) if l == L else np.maximum(0.0, Z)
    return A, caches


def compute_cost(AL, Y):
    """Mean cross-entropy of the probabilities ``AL`` (1, m) for the labels ``Y`` (1, m), as a float.

    ``AL`` is clipped to ``[EPS, 1 - EPS]`` so that a saturated output gives a large finite cost.
    """
    m = Y.shape[1]
    A = np.clip(AL, EPS, 1 - EPS)
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)


def backward_propagation(AL, Y, caches):
    r"""Gradients of :func:`compute_cost` with respect to every parameter.

    Parameters
    ----------
    AL : ndarray of shape (1, m)
        The output of :func:`forward_propagation`.
    Y : ndarray of shape (1, m)
    caches : list of L tuples, as returned by :func:`forward_propagation`

    Returns
    -------
    grads : dict
        ``"dW{l}"`` (n_l, n_{l-1}) and ``"db{l}"`` (n_l, 1) for ``l = 1..L``.

    Notes
    -----
    Sigmoid with cross-entropy gives :math:`dZ^{[L]} = A^{[L]} - Y`; then for each layer
    :math:`dW = \frac{1}{m} dZ\, A_{prev}^T`, :math:`db = \frac{1}{m}\sum dZ`,
    :math:`dA_{prev} = W^T dZ` and, through a ReLU, :math:`dZ = dA * 1\{Z > 0\}`.
    """
    m = Y.shape[1]
    L = len(caches)
    grads = {}
    dZ = AL - Y                                         # (1, m)
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dZ = (W.T @ dZ) * (caches[l - 2][1] > 0)    # dA_prev through the ReLU of layer l - 1
    return grads


def predict(X, parameters):
    """Labels 1.0 where the output probability is > 0.5, else 0.0: ndarray of shape (1, m) for ``X`` (n_x, m)."""
    AL, _ = forward_propagation(X, parameters)
    return (AL > 0.5).astype(np.float64)


def accuracy(X, Y, parameters):
    """Percentage in [0, 100] (a float) of the labels ``Y`` (1, m) that ``predict(X, parameters)`` gets right."""
    return float(100.0 * np.mean(predict(X, parameters) == Y))
