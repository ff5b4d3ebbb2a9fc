r"""Multi-class output: softmax, the categorical cross-entropy and its gradient.

What you will build
-------------------
Until now the network answered one yes/no question with one sigmoid unit. To tell C classes apart
(the ten digits), the last layer gets C units and a **softmax** turns their C scores into C
probabilities that sum to 1, one column per example:

.. math::

    a_k^{(i)} = \frac{e^{z_k^{(i)}}}{\sum_{j=1}^{C} e^{z_j^{(i)}}}, \qquad k = 1..C.

The labels become **one-hot** columns: label 3 of C = 5 is :math:`(0, 0, 0, 1, 0)^T`
(``one_hot``). The cost is the mean **categorical cross-entropy**, minus the log of the probability
given to the right class:

.. math::

    J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{k=1}^{C} y_k^{(i)} \log a_k^{(i)}.

With C = 2 this is week 2's binary cross-entropy again, and, as with the sigmoid, the gradient of the
combined softmax + cross-entropy is just :math:`dZ^{[L]} = A^{[L]} - Y` (``softmax_backward``).

1. ``one_hot`` and ``softmax`` (column-wise and numerically stable: subtract each column's maximum
   before ``exp``, which changes nothing mathematically but keeps :math:`e^{1000}` from overflowing;
   week 1's ``softmax`` worked on rows: here examples are columns);
2. ``compute_cost_softmax`` and ``softmax_backward``;
3. the whole network, ``L_model_forward_softmax`` and ``L_model_backward_softmax``:
   :math:`[\text{LINEAR} \to \text{RELU}] \times (L-1) \to \text{LINEAR} \to \text{SOFTMAX}`, built
   on the given ``layers`` (week 4's ``linear_forward``, ``linear_backward``, ``relu``, ...).

Notation
--------
- ``X`` of shape (n_x, m), one example per column; ``Y`` one-hot of shape (C, m); ``y`` integer
  labels in ``0..C-1`` of shape (m,) or (1, m).
- ``parameters``: ``"W{l}"`` (n_l, n_{l-1}), ``"b{l}"`` (n_l, 1), ``l = 1..L``, with ``n_L = C``.
- Caches as in week 4: ``caches[l - 1] = ((A_prev, W, b), Z)`` for layer ``l``.

Which gradient is which
-----------------------
As in week 4, ``dZ`` and ``dA`` (one column per example) are the gradients of the **summed** loss
:math:`\mathcal{L} = mJ`: ``softmax_backward`` returns :math:`A - Y`, which is :math:`m` times the
gradient of :math:`J` with respect to :math:`Z`; ``linear_backward`` divides by :math:`m` once, so
that ``dW`` and ``db`` are the gradients of the mean cost :math:`J`.

Check your work with ``python -m grader week7``.
"""

import numpy as np

from .layers import linear_backward, linear_forward, relu, relu_backward  # given (weeks 4-6)

EPS = 1e-12  # probabilities are clipped to at least EPS inside the logarithm of the cost


def one_hot(y, C):
    """One-hot columns from integer labels.

    Parameters
    ----------
    y : ndarray of int, shape (m,) or (1, m)
        Labels in ``0..C-1``.
    C : int
        The number of classes.

    Returns
    -------
    Y : ndarray of shape (C, m), float64
        ``Y[k, i] = 1.0`` where ``y[i] == k``, else 0.0: every column sums to 1.
    """
    y = np.asarray(y).reshape(-1)                        # (m,)
    m = y.shape[0]
    # YOUR CODE HERE
    # Hint: start from zeros (C, m); column i gets its 1.0 in row y[i] (two index arrays set them all at once)
    raise NotImplementedError()
    return Y


def softmax(Z):
    r"""Column-wise softmax: each column of ``Z`` becomes probabilities that sum to 1.

    Parameters
    ----------
    Z : ndarray of shape (C, m)
        The output layer's scores, one column per example.

    Returns
    -------
    A : ndarray of shape (C, m)
        :math:`A_{ki} = e^{Z_{ki}} / \sum_j e^{Z_{ji}}`; finite even for scores of 1000 or -1000.

    Notes
    -----
    Subtracting each column's maximum first (``Z - Z.max(axis=0, keepdims=True)``) leaves the result
    unchanged, :math:`e^{z - c} / \sum e^{z_j - c} = e^z / \sum e^{z_j}`, and makes every exponent
    :math:`\le 0`, so nothing overflows.
    """
    # YOUR CODE HERE
    # Hint: shift each column by its maximum (axis=0, keepdims=True), exponentiate, divide by the column sums
    raise NotImplementedError()
    return A


def compute_cost_softmax(AL, Y):
    r"""The mean categorical cross-entropy :math:`J = -\frac{1}{m}\sum_i \sum_k y_k^{(i)} \log a_k^{(i)}`.

    Parameters
    ----------
    AL : ndarray of shape (C, m)
        Probabilities, each column summing to 1 (the output of ``softmax``).
    Y : ndarray of shape (C, m)
        One-hot labels.

    Returns
    -------
    cost : float
        Finite even where a probability is exactly 0: ``AL`` is clipped to at least
        :math:`\varepsilon = 10^{-12}` (``EPS``) inside the logarithm.
    """
    m = Y.shape[1]
    # YOUR CODE HERE
    # Hint: keep AL at least EPS (np.maximum) before np.log; sum over classes and examples, divide by m
    raise NotImplementedError()
    return float(np.squeeze(cost))


def softmax_backward(AL, Y):
    r"""The gradient of the summed softmax + cross-entropy loss with respect to the scores ``Z``.

    Parameters
    ----------
    AL : ndarray of shape (C, m)
        ``softmax(Z)``.
    Y : ndarray of shape (C, m)
        One-hot labels.

    Returns
    -------
    dZ : ndarray of shape (C, m)
        :math:`dZ = A - Y`, one example's gradient per column.

    Notes
    -----
    With :math:`\mathcal{L} = -\sum_k y_k \log a_k` and :math:`\partial a_k / \partial z_j =
    a_k(1\{j = k\} - a_j)`, :math:`\partial \mathcal{L} / \partial z_j = -\sum_k y_k (1\{j = k\} - a_j)
    = a_j - y_j` (the :math:`y_k` of a column sum to 1). This is the gradient of the **summed** loss,
    :math:`m` times that of the mean cost ``compute_cost_softmax``: ``linear_backward`` divides by
    :math:`m`.
    """
    # YOUR CODE HERE
    raise NotImplementedError()
    return dZ


def L_model_forward_softmax(X, parameters):
    r"""The whole network forwards: :math:`[\text{LINEAR} \to \text{RELU}] \times (L-1) \to
    \text{LINEAR} \to \text{SOFTMAX}`.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) for l = 1..L, ``n_L = C``.

    Returns
    -------
    AL : ndarray of shape (C, m)
        The class probabilities, each column summing to 1.
    caches : list of L caches
        ``caches[l - 1] = ((A_prev, W, b), Z)``: ``A_prev`` (n_{l-1}, m), ``Z`` (n_l, m).
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers
    # YOUR CODE HERE
    # Hint: every layer: linear_forward (given), then relu for the hidden layers and softmax for the output layer;
    # Hint: every layer appends its cache (linear_cache, Z)
    raise NotImplementedError()
    return AL, caches


def L_model_backward_softmax(AL, Y, caches):
    r"""The whole network backwards: the gradients of ``compute_cost_softmax`` for every layer.

    Parameters
    ----------
    AL : ndarray of shape (C, m)
        The output of ``L_model_forward_softmax``.
    Y : ndarray of shape (C, m)
        One-hot labels.
    caches : list of L caches ``((A_prev, W, b), Z)`` from ``L_model_forward_softmax``

    Returns
    -------
    grads : dict
        ``"dA{l}"`` for l = 0..L-1: ndarray of shape (n_l, m), the gradient of the summed loss with
        respect to :math:`A^{[l]}` (``"dA0"`` with respect to ``X``); ``"dW{l}"`` (n_l, n_{l-1}) and
        ``"db{l}"`` (n_l, 1) for l = 1..L, the gradients of the mean cost :math:`J`.

    Notes
    -----
    :math:`dZ^{[L]} = A^{[L]} - Y` (``softmax_backward``), then ``linear_backward`` gives
    ``dA{L-1}``, ``dW{L}``, ``db{L}``; for l = L-1, ..., 1: :math:`dZ^{[l]} = dA^{[l]} * 1\{Z^{[l]} > 0\}`
    (``relu_backward``, given) and ``linear_backward`` again.
    """
    grads = {}
    L = len(caches)  # number of layers
    # YOUR CODE HERE
    # Hint: softmax_backward gives the output layer's dZ; going down, linear_backward with a layer's linear cache
    # Hint: gives dA{l-1}, dW{l}, db{l}; below the output layer relu_backward and the cached Z turn dA into dZ
    raise NotImplementedError()
    return grads
