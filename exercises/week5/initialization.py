r"""Initialization: where gradient descent starts decides whether it gets anywhere.

What you will build
-------------------
Four ways to set the weights of the 3-layer network of ``three_layer_net`` before training, and a
comparison of what each does to the same network on the same data (the ``circles`` set: a small
circle of one class inside a large circle of the other, 300 training points):

1. ``initialize_parameters_zeros``: every weight 0. Every unit of a layer then computes the same
   function and receives the same gradient, so they stay identical forever: the *symmetry* is never
   broken. With ReLU units it is worse still: all activations and all weight gradients are 0, the
   output stays :math:`\sigma(b^{[3]})`, and the network predicts one class for every point (50 %).
2. ``initialize_parameters_random``: large random weights (``scale=10``). The symmetry is broken, but
   the output layer starts saturated (:math:`\sigma(z)` of :math:`|z|` in the hundreds is 0 or 1), so
   the first cost is huge (confidently wrong points), learning starts slowly and ends worse.
3. ``initialize_parameters_xavier``: :math:`W^{[l]} \sim \mathcal{N}(0, 1)\sqrt{1/n_{l-1}}` keeps the
   variance of :math:`z` about constant from layer to layer for tanh-like units.
4. ``initialize_parameters_he``: :math:`W^{[l]} \sim \mathcal{N}(0, 1)\sqrt{2/n_{l-1}}`, the same idea
   for ReLU, which zeroes half of its inputs (hence the 2). He et al., 2015.

Biases start at 0 in all four: breaking the symmetry only needs the weights.

``model`` (given) trains the network with the initialization of your choice;
``python examples/week5_initialization.py`` prints the train and test accuracy of each.

Notation
--------
- ``layers_dims = [n_0, n_1, ..., n_L]``: ``n_0 = n_x`` inputs, then the size of each layer.
- ``W{l}`` has shape (n_l, n_{l-1}) and ``b{l}`` shape (n_l, 1), for ``l = 1..L``.
- Randomness: each function that draws takes ``rng`` (``None``, an int seed or a
  ``numpy.random.Generator``), normalises it with ``np.random.default_rng(rng)`` and draws
  ``W1, W2, ..., WL`` in that order, each with one call ``rng.standard_normal((n_l, n_{l-1}))``.

Check your work with ``python -m grader week5``.
"""

import numpy as np

from .three_layer_net import accuracy, backward_propagation, compute_cost, forward_propagation, update_parameters


def initialize_parameters_zeros(layers_dims):
    """All weights and biases 0 (the initialization that does not work).

    Parameters
    ----------
    layers_dims : list of int
        ``[n_0, n_1, ..., n_L]``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: zeros of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1), for ``l = 1..L``.
    """
    parameters = {}
    L = len(layers_dims)  # number of layers, the input layer included
    for l in range(1, L):
        # YOUR CODE HERE
        # Hint: np.zeros((rows, columns)); layer l has layers_dims[l] units and layers_dims[l - 1] inputs
        raise NotImplementedError()
    return parameters


def initialize_parameters_random(layers_dims, scale=10.0, rng=None):
    r"""Large random weights :math:`W^{[l]} = \text{scale} \cdot \mathcal{N}(0, 1)`, zero biases.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_0, n_1, ..., n_L]``.
    scale : float, default 10.0
        The standard deviation of every weight.
    rng : None, int or numpy.random.Generator
        ``W1, ..., WL`` are drawn in order, each with ``rng.standard_normal((n_l, n_{l-1}))``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        # YOUR CODE HERE
        # Hint: rng.standard_normal((rows, columns)) draws N(0, 1) entries; multiply by scale
        raise NotImplementedError()
    return parameters


def initialize_parameters_xavier(layers_dims, rng=None):
    r"""Xavier initialization :math:`W^{[l]} = \mathcal{N}(0, 1) \cdot \sqrt{1 / n_{l-1}}`, zero biases.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_0, n_1, ..., n_L]``.
    rng : None, int or numpy.random.Generator
        ``W1, ..., WL`` are drawn in order, each with ``rng.standard_normal((n_l, n_{l-1}))``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1).

    Notes
    -----
    If the inputs of a unit have variance :math:`v` and are independent of its weights, its
    :math:`z = \sum_{j=1}^{n_{l-1}} w_j a_j` has variance :math:`n_{l-1}\,\mathrm{Var}(w)\,v`: with
    :math:`\mathrm{Var}(w) = 1/n_{l-1}` the variance neither grows nor shrinks from layer to layer.
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        # YOUR CODE HERE
        # Hint: the factor is the square root of 1 over the number of inputs of the layer, layers_dims[l - 1]
        raise NotImplementedError()
    return parameters


def initialize_parameters_he(layers_dims, rng=None):
    r"""He initialization :math:`W^{[l]} = \mathcal{N}(0, 1) \cdot \sqrt{2 / n_{l-1}}`, zero biases.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_0, n_1, ..., n_L]``.
    rng : None, int or numpy.random.Generator
        ``W1, ..., WL`` are drawn in order, each with ``rng.standard_normal((n_l, n_{l-1}))``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}); ``"b{l}"``: zeros of shape (n_l, 1).

    Notes
    -----
    A ReLU sets about half of its inputs to 0, which halves the second moment passed on to the next
    layer; doubling the variance of the weights (:math:`2/n_{l-1}` instead of Xavier's
    :math:`1/n_{l-1}`) compensates.
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        # YOUR CODE HERE
        # Hint: the same as Xavier with 2 in place of 1 under the square root
        raise NotImplementedError()
    return parameters


INITIALIZATIONS = {"zeros": lambda dims, rng: initialize_parameters_zeros(dims),
                   "random": lambda dims, rng: initialize_parameters_random(dims, rng=rng),
                   "xavier": initialize_parameters_xavier,
                   "he": initialize_parameters_he}


def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=False, initialization="he",
          hidden_layers=(10, 5), rng=3):
    """Train the 3-layer network ``[n_x, 10, 5, 1]`` by gradient descent from the chosen initialization (given).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.
    learning_rate : float, default 0.01
    num_iterations : int, default 15000
    print_cost : bool, default False
        Print the cost every 1000 iterations.
    initialization : {"zeros", "random", "xavier", "he"}, default "he"
    hidden_layers : tuple of two int, default (10, 5)
        ``(n_1, n_2)``, the sizes of the two hidden layers.
    rng : None, int or numpy.random.Generator, default 3
        Passed to the initialization (``"zeros"`` draws nothing).

    Returns
    -------
    parameters : dict
        ``"W1"`` (n_1, n_x), ``"b1"`` (n_1, 1), ``"W2"`` (n_2, n_1), ``"b2"`` (n_2, 1), ``"W3"`` (1, n_2),
        ``"b3"`` (1, 1), after training.
    costs : list of float
        The cost at iterations 0, 1000, 2000, ... (before that iteration's step).
    """
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {sorted(INITIALIZATIONS)}, got {initialization!r}")
    layers_dims = [X.shape[0], *hidden_layers, 1]
    parameters = INITIALIZATIONS[initialization](layers_dims, rng)
    costs = []
    for i in range(num_iterations):
        A3, cache = forward_propagation(X, parameters)
        grads = backward_propagation(X, Y, cache)
        if i % 1000 == 0:
            costs.append(compute_cost(A3, Y))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:f}")
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs

