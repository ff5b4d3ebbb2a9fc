r"""Regularization: L2 and dropout against overfitting.

The problem
-----------
The ``football`` data set (``datasets.football()``) marks where on the field a player of each team
won the ball. The two classes are split by a gently curved line, but the labels are noisy: soft near
the line, plus a few small pockets of the other team just across it, in different places in the
training and the test sample. The 3-layer network of ``three_layer_net``
(``[2, 20, 3, 1]``, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID), trained long enough,
bends its boundary around the training pockets: training accuracy goes up, test accuracy down. It
*overfits*. Two remedies, each a small change to the forward and backward passes:

L2 regularization
-----------------
Add the squared weights to the cost, so large weights (sharp boundaries) cost something:

.. math::

    J_{L2} = \underbrace{-\frac{1}{m}\sum_{i=1}^m \left(y^{(i)}\log a^{[3](i)}
             + (1-y^{(i)})\log(1-a^{[3](i)})\right)}_{\text{cross-entropy}}
             + \underbrace{\frac{\lambda}{2m}\sum_{l=1}^{3}\sum_{k,j} \left(W^{[l]}_{kj}\right)^2}_{\text{L2}}

Its gradient adds :math:`\frac{\lambda}{m}W^{[l]}` to each :math:`dW^{[l]}` ("weight decay": every
step shrinks the weights a little). Biases are not regularized.

Inverted dropout
----------------
At every training iteration, switch off each hidden unit with probability ``1 - keep_prob``:
:math:`D^{[l]} = (\text{rng.random}(A^{[l]}\text{.shape}) < \text{keep\_prob})`,
:math:`A^{[l]} \leftarrow A^{[l]} * D^{[l]} / \text{keep\_prob}`. Dividing by ``keep_prob`` keeps the
expected value of every activation unchanged, so nothing needs rescaling at test time, when dropout
is off. No unit can rely on any other one, which spreads the weights out like L2 does. The backward
pass must apply the **same** masks (and the same division) to :math:`dA^{[1]}, dA^{[2]}`: the units
that were off did not contribute to the cost, so they get no gradient. Dropout is for training
only: ``predict`` uses the plain forward pass.

``model`` (given) trains with either remedy (or none); ``python examples/week5_regularization.py``
prints the train and test accuracy of the three.

Notation
--------
- ``X`` (n_x, m), ``Y`` (1, m); ``parameters`` with ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2``
  (n_2, n_1), ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).
- Cache of the plain forward pass: ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``; of the
  dropout forward pass: ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)``, where
  ``D1`` (n_1, m) and ``D2`` (n_2, m) are the boolean masks and ``A1``, ``A2`` the activations
  *after* dropout.
- Gradients: ``"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"``, each the
  shape of what it differentiates; ``dZ3 = A3 - Y`` and the :math:`1/m` is applied in ``dW``, ``db``.

Check your work with ``python -m grader week5``.
"""

import numpy as np

from .three_layer_net import (accuracy, backward_propagation, compute_cost, forward_propagation,  # noqa: F401
                              initialize_parameters, relu, sigmoid, update_parameters)


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    r"""Cross-entropy plus the L2 penalty :math:`\frac{\lambda}{2m}\sum_l \|W^{[l]}\|_F^2`.

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
        Output probabilities of the forward pass.
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1), ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).
    lambd : float
        The regularization strength :math:`\lambda` (``lambda`` is a Python keyword).

    Returns
    -------
    cost : float
        ``compute_cost(A3, Y)`` (given, clipped cross-entropy) plus the penalty of ``W1, W2, W3``;
        the biases are not penalised.
    """
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # the given cross-entropy
    # YOUR CODE HERE
    # Hint: the squared Frobenius norm of W sums its squared entries (np.square, np.sum), for W1, W2 and W3
    raise NotImplementedError()
    return float(np.squeeze(cost))


def backward_propagation_with_regularization(X, Y, cache, lambd):
    r"""Backward pass of the plain forward pass for the L2-regularized cost.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`` from ``forward_propagation`` (given):
        ``Z1, A1`` (n_1, m), ``Z2, A2`` (n_2, m), ``Z3, A3`` (1, m).
    lambd : float

    Returns
    -------
    gradients : dict
        ``"dZ3"`` (1, m), ``"dW3"`` (1, n_2), ``"db3"`` (1, 1), ``"dA2"`` (n_2, m), ``"dZ2"`` (n_2, m),
        ``"dW2"`` (n_2, n_1), ``"db2"`` (n_2, 1), ``"dA1"`` (n_1, m), ``"dZ1"`` (n_1, m), ``"dW1"``
        (n_1, n_x), ``"db1"`` (n_1, 1).

    Notes
    -----
    The same as ``backward_propagation`` (given, in ``three_layer_net``) except for one term:

    .. math::

        dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} + \frac{\lambda}{m} W^{[l]}.

    ``db``, ``dA`` and ``dZ`` do not change: the penalty depends on the weights only.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    # YOUR CODE HERE
    # Hint: start from the given backward_propagation (three_layer_net.py); every dW gets the L2 term above
    raise NotImplementedError()
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, rng=None):
    r"""Forward pass with inverted dropout on the two hidden layers.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1), ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).
    keep_prob : float, default 0.5
        Probability of keeping each hidden unit, in (0, 1].
    rng : None, int or numpy.random.Generator
        Normalised with ``np.random.default_rng(rng)``. Exactly two draws, in this order:
        ``D1 = rng.random(A1.shape) < keep_prob``, then ``D2 = rng.random(A2.shape) < keep_prob``.

    Returns
    -------
    A3 : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)``: ``Z1`` (n_1, m); ``D1`` (n_1, m),
        boolean; ``A1`` (n_1, m) **after** dropout, ``relu(Z1) * D1 / keep_prob``; ``Z2, D2, A2``
        (n_2, m) likewise; ``Z3, A3`` (1, m); the parameters.

    Notes
    -----
    Layer by layer: :math:`Z^{[1]} = W^{[1]}X + b^{[1]}`, :math:`A^{[1]} = \mathrm{relu}(Z^{[1]}) * D^{[1]} / p`,
    :math:`Z^{[2]} = W^{[2]}A^{[1]} + b^{[2]}` (with the dropped-out :math:`A^{[1]}`),
    :math:`A^{[2]} = \mathrm{relu}(Z^{[2]}) * D^{[2]} / p`, :math:`Z^{[3]} = W^{[3]}A^{[2]} + b^{[3]}`,
    :math:`A^{[3]} = \sigma(Z^{[3]})`, with :math:`p` = ``keep_prob``. No dropout on the input or the output.
    """
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    # YOUR CODE HERE
    # Hint: one uniform draw per unit (rng.random, the shape of A1): a draw below keep_prob keeps its unit;
    # Hint: the boolean mask switches the others off
    # Hint: draw D1 before D2, and use the dropped-out A1 to compute Z2
    raise NotImplementedError()
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    r"""Backward pass of :func:`forward_propagation_with_dropout` (cross-entropy cost, no L2).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)`` from
        :func:`forward_propagation_with_dropout`; ``D1`` (n_1, m) and ``D2`` (n_2, m) are its masks.
    keep_prob : float
        The same ``keep_prob`` as in the forward pass.

    Returns
    -------
    gradients : dict
        ``"dZ3"`` (1, m), ``"dW3"`` (1, n_2), ``"db3"`` (1, 1), ``"dA2"`` (n_2, m), ``"dZ2"`` (n_2, m),
        ``"dW2"`` (n_2, n_1), ``"db2"`` (n_2, 1), ``"dA1"`` (n_1, m), ``"dZ1"`` (n_1, m), ``"dW1"``
        (n_1, n_x), ``"db1"`` (n_1, 1). ``dA2`` and ``dA1`` are the gradients with respect to the
        ReLU outputs *before* dropout, that is with the masks and the division already applied.

    Notes
    -----
    Dropout multiplied the ReLU output by :math:`D^{[l]}/p`, so its gradient is multiplied by the same
    factor: :math:`dA^{[2]} = (W^{[3]T} dZ^{[3]}) * D^{[2]} / p` and
    :math:`dA^{[1]} = (W^{[2]T} dZ^{[2]}) * D^{[1]} / p`. Use the masks of the cache: drawing new
    ones would differentiate a different network from the one that produced the cost.
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    # YOUR CODE HERE
    # Hint: like the given backward_propagation, with dA2 and dA1 masked and scaled as the forward pass did A2, A1
    # Hint: the ReLU derivative (A2 > 0) is still right: A2 > 0 exactly where relu(Z2) > 0 and D2 is True
    raise NotImplementedError()
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=False, lambd=0.0, keep_prob=1.0,
          hidden_layers=(20, 3), rng=3):
    """Train the 3-layer network ``[n_x, 20, 3, 1]``, with L2 (``lambd > 0``) or dropout (``keep_prob < 1``) (given).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.
    learning_rate : float, default 0.3
    num_iterations : int, default 30000
    print_cost : bool, default False
        Print the cost every 10000 iterations.
    lambd : float, default 0.0
        L2 strength; 0 turns L2 off.
    keep_prob : float, default 1.0
        Dropout keep probability; 1 turns dropout off. Use L2 or dropout, not both at once.
    hidden_layers : tuple of two int, default (20, 3)
        ``(n_1, n_2)``.
    rng : None, int or numpy.random.Generator, default 3
        One generator (``np.random.default_rng(rng)``) draws the initial weights, then the dropout
        masks of every iteration.

    Returns
    -------
    parameters : dict
        ``"W1"`` (n_1, n_x), ``"b1"`` (n_1, 1), ``"W2"`` (n_2, n_1), ``"b2"`` (n_2, 1), ``"W3"``
        (1, n_2), ``"b3"`` (1, 1), after training.
    costs : list of float
        The cost (with the L2 term, or with dropout on) at iterations 0, 1000, 2000, ...
    """
    if lambd != 0 and keep_prob < 1:
        raise ValueError("use L2 (lambd > 0) or dropout (keep_prob < 1), not both")
    rng = np.random.default_rng(rng)
    parameters = initialize_parameters([X.shape[0], *hidden_layers, 1], rng)
    costs = []
    for i in range(num_iterations):
        if keep_prob < 1:
            A3, cache = forward_propagation_with_dropout(X, parameters, keep_prob, rng)
            cost = compute_cost(A3, Y)
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        else:
            A3, cache = forward_propagation(X, parameters)
            if lambd == 0:
                cost = compute_cost(A3, Y)
                grads = backward_propagation(X, Y, cache)
            else:
                cost = compute_cost_with_regularization(A3, Y, parameters, lambd)
                grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        if i % 1000 == 0:
            costs.append(cost)
            if print_cost and i % 10000 == 0:
                print(f"Cost after iteration {i}: {cost:f}")
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
