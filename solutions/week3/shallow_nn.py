r"""A neural network with one hidden layer: classify 2-D points that no straight line separates.

What you will build
-------------------
Logistic regression (week 2) draws one straight line through the plane; on the planar "flower"
(``datasets.planar_flower()``: 400 points, red and blue petals) it gets about half the points
right. A hidden layer of a few tanh (or ReLU) units bends the boundary around the petals:

1. the sizes of the layers (``layer_sizes``) and small random weights (``initialize_parameters``),
2. the forward pass (``forward_propagation``) and the cost (``compute_cost``),
3. the backward pass (``backward_propagation``) and one gradient step (``update_parameters``),
4. the loop that trains it (``nn_model``), then ``predict``.

The model
---------
For one example :math:`x^{(i)}` (a column of ``X``), with :math:`g` = tanh or ReLU:

.. math::

    z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \quad a^{[1](i)} = g(z^{[1](i)}), \quad
    z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \quad \hat y^{(i)} = a^{[2](i)} = \sigma(z^{[2](i)}),

and the cost is the mean cross-entropy

.. math::

    J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log(1 - a^{[2](i)}) \right).

Notation
--------
- ``X`` of shape (n_x, m): one example per **column** (n_x = 2 for points in the plane);
  ``Y`` of shape (n_y, m) = (1, m): labels 0.0 / 1.0.
- ``n_h`` hidden units: ``W1`` (n_h, n_x), ``b1`` (n_h, 1), ``W2`` (n_y, n_h), ``b2`` (n_y, 1),
  kept in the dict ``parameters``; their gradients ``dW1, db1, dW2, db2`` (same shapes) in ``grads``.
- ``activation`` names the hidden layer's :math:`g`: ``"tanh"`` (the default) or ``"relu"``.

Things to try
-------------
With the defaults (``n_h=4``, 10000 iterations, learning rate 1.2) the tanh network classifies over
90 % of the flower correctly. Change ``n_h`` (with 1 unit the boundary is a straight line again;
try 2, 3, 5, 20, 50) and try ``activation="relu"``, which at these settings needs many more units
to get close (``examples/week3_planar.py`` prints the measured accuracies and can draw every
boundary).

Check your work with ``python -m grader week3``.
"""

import numpy as np

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] inside the cost only
ACTIVATIONS = ("tanh", "relu")


def sigmoid(z):
    r"""Elementwise sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, without overflow (given: week 2).

    Parameters
    ----------
    z : ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of z, values in [0, 1]
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def check_activation(activation):
    """Raise a ``ValueError`` unless ``activation`` is ``"tanh"`` or ``"relu"`` (given)."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")


def accuracy(Y_prediction, Y):
    """Percentage in [0, 100] (a float) of labels ``Y`` of shape (1, m) that ``Y_prediction``,
    of shape (1, m), gets right (given)."""
    return float(100.0 * np.mean(Y_prediction == Y))


def layer_sizes(X, Y, n_h=4):
    """The sizes of the three layers, read from the data.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
    n_h : int, default 4
        Number of hidden units (a choice, not a property of the data).

    Returns
    -------
    n_x : int, the size of the input layer
    n_h : int, the size of the hidden layer
    n_y : int, the size of the output layer
    """
    ### BEGIN SOLUTION
    ### HINT: examples are columns, so a layer's size is a number of rows, the first entry of an array's shape
    n_x = X.shape[0]
    n_y = Y.shape[0]
    ### END SOLUTION
    return int(n_x), int(n_h), int(n_y)


def initialize_parameters(n_x, n_h, n_y, rng=None):
    r"""Small random weights and zero biases.

    Parameters
    ----------
    n_x, n_h, n_y : int
        Sizes of the input, hidden and output layers.
    rng : None, int or numpy.random.Generator
        Source of randomness (normalised with ``np.random.default_rng``).

    Returns
    -------
    parameters : dict
        ``"W1"``: ndarray of shape (n_h, n_x), ``"b1"``: zeros of shape (n_h, 1),
        ``"W2"``: ndarray of shape (n_y, n_h), ``"b2"``: zeros of shape (n_y, 1).

    Notes
    -----
    :math:`W^{[1]}` and :math:`W^{[2]}` are standard normal draws times 0.01, drawn in that order
    with ``rng.standard_normal(shape)``. Random weights break the symmetry between hidden units
    (with zeros every unit would compute the same function forever); small ones keep tanh away
    from its flat tails, where gradients vanish.
    """
    rng = np.random.default_rng(rng)
    ### BEGIN SOLUTION
    ### HINT: rng.standard_normal draws times 0.01, W1 (n_h, n_x) first, then W2 (n_y, n_h); the biases are zero columns
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters, activation="tanh"):
    r"""The forward pass: from the inputs to the output probabilities.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1).
    activation : {"tanh", "relu"}, default "tanh"
        The hidden layer's activation :math:`g`.

    Returns
    -------
    A2 : ndarray of shape (n_y, m)
        The output probabilities :math:`\sigma(Z^{[2]})`.
    cache : dict
        What the backward pass needs: ``"Z1"``, ``"A1"`` of shape (n_h, m) and ``"Z2"``, ``"A2"``
        of shape (n_y, m).

    Notes
    -----
    .. math::

        Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = g(Z^{[1]}), \quad
        Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}),

    with :math:`g(z) = \tanh(z)` or :math:`\max(0, z)`; ``b`` of shape (n, 1) is broadcast over
    the m columns.
    """
    check_activation(activation)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    ### BEGIN SOLUTION
    ### HINT: W1 X is a matrix product (np.dot), (n_h, m), and b1 broadcasts over its columns;
    ### HINT: np.tanh and np.maximum work elementwise
    ### HINT: the output uses sigmoid (given above)
    Z1 = np.dot(W1, X) + b1                              # (n_h, m)
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)
    Z2 = np.dot(W2, A1) + b2                             # (n_y, m)
    A2 = sigmoid(Z2)
    ### END SOLUTION
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y):
    r"""The mean cross-entropy cost :math:`J` of the module docstring.

    Parameters
    ----------
    A2 : ndarray of shape (1, m)
        Output probabilities.
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.

    Returns
    -------
    cost : float
        Finite even where ``A2`` is exactly 0.0 or 1.0.

    Notes
    -----
    In float64, :math:`\sigma(z)` is exactly 1.0 for :math:`z > 37`; then :math:`\log(1 - a)`
    is :math:`-\infty`. As in week 2 the cost clips ``A2`` to :math:`[\varepsilon, 1 - \varepsilon]`,
    :math:`\varepsilon = 10^{-12}` (the constant ``EPS``): a confident right answer then costs
    about 0, a confident wrong one about 27.6, and every other value changes by less than
    :math:`10^{-12}`.
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    ### HINT: keep A2 within [EPS, 1 - EPS] (np.clip) for the logs; then the formula with np.log and np.sum, over m
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    ### END SOLUTION
    return float(np.squeeze(cost))


def backward_propagation(parameters, cache, X, Y, activation="tanh"):
    r"""The backward pass: the gradients of the cost with respect to every parameter.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1).
    cache : dict
        From ``forward_propagation``: ``"Z1"``, ``"A1"`` (n_h, m), ``"Z2"``, ``"A2"`` (n_y, m).
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
    activation : {"tanh", "relu"}, default "tanh"
        The activation the forward pass used.

    Returns
    -------
    grads : dict
        ``"dW1"`` (n_h, n_x), ``"db1"`` (n_h, 1), ``"dW2"`` (n_y, n_h), ``"db2"`` (n_y, 1):
        each the shape of its parameter.

    Notes
    -----
    Sigmoid and cross-entropy together give the simple output error :math:`dZ^{[2]} = A^{[2]} - Y`.
    Then, with :math:`*` the elementwise product,

    .. math::

        dW^{[2]} = \tfrac{1}{m} dZ^{[2]} A^{[1]T}, \quad
        db^{[2]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[2](i)}, \quad
        dZ^{[1]} = W^{[2]T} dZ^{[2]} * g'(Z^{[1]}), \quad
        dW^{[1]} = \tfrac{1}{m} dZ^{[1]} X^T, \quad
        db^{[1]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[1](i)},

    where :math:`g'(Z^{[1]}) = 1 - (A^{[1]})^2` for tanh and :math:`1` where :math:`Z^{[1]} > 0`
    (else 0) for ReLU. The sums run over the columns: ``np.sum(..., axis=1, keepdims=True)``.
    """
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    ### BEGIN SOLUTION
    ### HINT: follow the formulas above from the output error dZ2 (n_y, m) down; keepdims=True keeps db of shape (n, 1)
    ### HINT: g'(Z1) for tanh needs only A1, the cache's tanh(Z1); for relu it is a 0/1 mask of Z1
    dZ2 = A2 - Y                                         # (n_y, m)
    dW2 = np.dot(dZ2, A1.T) / m                          # (n_y, n_h)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m         # (n_y, 1)
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime                    # (n_h, m)
    dW1 = np.dot(dZ1, X.T) / m                           # (n_h, n_x)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m         # (n_h, 1)
    ### END SOLUTION
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    r"""One step of gradient descent, :math:`\theta \leftarrow \theta - \alpha\, d\theta`, for
    every parameter. The inputs are not modified.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1).
    grads : dict
        ``"dW1"``, ``"db1"``, ``"dW2"``, ``"db2"``: each the shape of its parameter.
    learning_rate : float, default 1.2
        The step size :math:`\alpha`.

    Returns
    -------
    parameters : dict
        A new dict with the same keys and shapes, holding the updated arrays.
    """
    ### BEGIN SOLUTION
    ### HINT: build a new dict: each parameter takes one step against its own gradient, the key with a "d" in front
    ### HINT: (an update in place, -=, would change the caller's arrays)
    new = {}
    for key in ("W1", "b1", "W2", "b2"):
        new[key] = parameters[key] - learning_rate * grads["d" + key]
    ### END SOLUTION
    return new


def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
             print_cost=False):
    """Train the one-hidden-layer network by (full-batch) gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
        Labels 0.0 / 1.0.
    n_h : int
        Number of hidden units.
    num_iterations : int, default 10000
        Number of gradient steps.
    learning_rate : float, default 1.2
    activation : {"tanh", "relu"}, default "tanh"
    rng : None, int or numpy.random.Generator, default 3
        Passed to ``initialize_parameters``.
    print_cost : bool, default False
        Print the cost every 1000 iterations.

    Returns
    -------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1): the
        parameters after the last step.

    Notes
    -----
    Each iteration runs forward, cost, backward and update, in that order: iteration ``i``
    computes the cost of the parameters before its step.
    """
    check_activation(activation)
    ### BEGIN SOLUTION
    ### HINT: layer_sizes gives n_x and n_y (pass n_h on); then initialize_parameters, with rng
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        ### HINT: pass activation on to forward_propagation and backward_propagation
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


def predict(parameters, X, activation="tanh"):
    """Predict the class of every example: 1.0 where the output probability is > 0.5, else 0.0.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (1, n_h), ``"b2"`` (1, 1).
    X : ndarray of shape (n_x, m)
    activation : {"tanh", "relu"}, default "tanh"
        The activation the network was trained with.

    Returns
    -------
    predictions : ndarray of shape (1, m)
        0.0 / 1.0, float64.
    """
    ### BEGIN SOLUTION
    ### HINT: forward_propagation gives A2; compare it with 0.5 and turn the booleans into 0.0 / 1.0 (.astype)
    A2, _ = forward_propagation(X, parameters, activation)
    predictions = (A2 > 0.5).astype(np.float64)
    ### END SOLUTION
    return predictions
