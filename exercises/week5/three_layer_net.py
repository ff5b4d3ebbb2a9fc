r"""The 3-layer network of week 5 (given: nothing to write in this file).

``initialization``, ``regularization`` and ``gradient_checking`` all study the same small network,

    X -> LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID -> A3,

so its plain forward pass, cost, backward pass, update and prediction live here, complete, and the
lessons import them (``from .three_layer_net import forward_propagation``). Read them once: the
exercises of the week change one piece of this machinery at a time.

Notation
--------
- ``X`` of shape (n_x, m): one example per column; ``Y`` of shape (1, m): labels 0.0 / 1.0.
- ``parameters``: ``"W1"`` (n_1, n_x), ``"b1"`` (n_1, 1), ``"W2"`` (n_2, n_1), ``"b2"`` (n_2, 1),
  ``"W3"`` (1, n_2), ``"b3"`` (1, 1).
- :math:`Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}` with :math:`A^{[0]} = X`; :math:`A^{[1]}, A^{[2]}` are
  ReLUs, :math:`A^{[3]} = \sigma(Z^{[3]})`.
- The cache of the forward pass is the tuple ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``:
  ``Z1, A1`` (n_1, m), ``Z2, A2`` (n_2, m), ``Z3, A3`` (1, m) and the parameters themselves.
- Gradients: ``"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"``, each
  the shape of the array it differentiates (``dW1`` like ``W1``, ``dA2`` like ``A2``, ...).
"""

import numpy as np

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] inside the cost only


def sigmoid(Z):
    r"""Elementwise :math:`\sigma(z) = 1 / (1 + e^{-z})`, computed without overflow.

    Parameters
    ----------
    Z : ndarray of any shape

    Returns
    -------
    A : ndarray of the shape of Z, values in [0, 1]
    """
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(Z):
    """Elementwise ``max(0, z)``.

    Parameters
    ----------
    Z : ndarray of any shape

    Returns
    -------
    A : ndarray of the shape of Z
    """
    return np.maximum(0.0, Z)


def initialize_parameters(layers_dims, rng=None):
    r"""Random weights :math:`W^{[l]} \sim \mathcal{N}(0, 1) / \sqrt{n_{l-1}}`, zero biases.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``, the size of each layer, input first.
    rng : None, int or numpy.random.Generator
        Normalised with ``np.random.default_rng(rng)``; ``W1, W2, ...`` are drawn in that order.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) / np.sqrt(layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1), ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).

    Returns
    -------
    A3 : ndarray of shape (1, m)
        The output probabilities.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``; ``Z1, A1`` (n_1, m), ``Z2, A2`` (n_2, m),
        ``Z3, A3`` (1, m), the parameters with their shapes above.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1           # (n_1, m)
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2          # (n_2, m)
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3          # (1, m)
    A3 = sigmoid(Z3)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def compute_cost(A3, Y):
    r"""Mean cross-entropy :math:`-\frac{1}{m}\sum_i y^{(i)}\log a^{(i)} + (1-y^{(i)})\log(1-a^{(i)})`.

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
        Probabilities; clipped to ``[EPS, 1 - EPS]`` here so that a saturated sigmoid (exactly 0.0 or
        1.0, as with the large random initialization) gives a large finite cost, not ``inf`` or ``nan``.
    Y : ndarray of shape (1, m)

    Returns
    -------
    cost : float
    """
    m = Y.shape[1]
    A = np.clip(A3, EPS, 1 - EPS)
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)


def backward_propagation(X, Y, cache):
    r"""Backward pass of :func:`forward_propagation` for the cost :func:`compute_cost`.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`` from :func:`forward_propagation`.

    Returns
    -------
    gradients : dict
        ``"dZ3"`` (1, m) ``= A3 - Y`` (the :math:`1/m` is applied in ``dW`` and ``db``), ``"dW3"``
        (1, n_2), ``"db3"`` (1, 1), ``"dA2"`` (n_2, m), ``"dZ2"`` (n_2, m), ``"dW2"`` (n_2, n_1),
        ``"db2"`` (n_2, 1), ``"dA1"`` (n_1, m), ``"dZ1"`` (n_1, m), ``"dW1"`` (n_1, n_x), ``"db1"`` (n_1, 1).

    Notes
    -----
    For each layer: :math:`dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}`,
    :math:`db^{[l]} = \frac{1}{m}\sum_i dZ^{[l](i)}`, :math:`dA^{[l-1]} = W^{[l]T} dZ^{[l]}`, and
    through a ReLU :math:`dZ^{[l]} = dA^{[l]} * 1\{A^{[l]} > 0\}`.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y                                   # (1, m)
    dW3 = dZ3 @ A2.T / m                           # (1, n_2)
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m   # (1, 1)
    dA2 = W3.T @ dZ3                               # (n_2, m)
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2                               # (n_1, m)
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def update_parameters(parameters, grads, learning_rate):
    r"""One gradient-descent step :math:`W^{[l]} \leftarrow W^{[l]} - \alpha\, dW^{[l]}` (same for b).

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"`` for ``l = 1..L``.
    grads : dict
        At least ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    learning_rate : float

    Returns
    -------
    parameters : dict
        A new dict (the input is not modified), same keys and shapes.
    """
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def predict(X, parameters):
    """Labels of the examples: 1.0 where ``A3 > 0.5``, else 0.0.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict, as for :func:`forward_propagation`

    Returns
    -------
    Y_prediction : ndarray of shape (1, m), float64 0.0 / 1.0
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(np.float64)


def accuracy(X, Y, parameters):
    """Percentage in [0, 100] (a float) of the labels ``Y`` (1, m) that ``predict(X, parameters)`` gets right."""
    return float(100.0 * np.mean(predict(X, parameters) == Y))
