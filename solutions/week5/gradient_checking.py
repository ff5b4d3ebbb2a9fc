r"""Gradient checking: is my backward pass right?

Backpropagation is easy to get almost right: a transposed matrix, a forgotten :math:`1/m` or a
factor 2 still gives arrays of the right shapes, and the cost may even go down. A gradient check
compares the backward pass with the definition of the derivative, using the forward pass alone:

.. math::

    \frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0}
    \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}.

The *central* difference has an error of order :math:`\varepsilon^2` (a one-sided difference only
:math:`\varepsilon`). We compare the two gradients with the relative difference

.. math::

    \text{difference} = \frac{\| \text{grad} - \text{gradapprox} \|_2}
                             {\| \text{grad} \|_2 + \| \text{gradapprox} \|_2},

which is 0 for equal vectors, 1 for a zero gradient and does not depend on the scale of the cost.
With :math:`\varepsilon = 10^{-7}` in float64 a correct backward pass gives about :math:`10^{-9}`
to :math:`10^{-7}`; anything above :math:`10^{-3}` is a bug.

What you will build
-------------------
1. A 1-D warm-up: :math:`J(\theta) = \theta x`, its derivative and ``gradient_check``.
2. The N-D check of a whole network: ``dictionary_to_vector`` flattens the parameters into one
   column :math:`\theta`, ``vector_to_dictionary`` turns a column back into parameters,
   ``gradients_to_vector`` flattens the gradients in the same order, and ``gradient_check_n``
   nudges one entry of :math:`\theta` at a time.

``gradient_check_n`` takes the cost as a function of the parameters, so it can check any network.
This file gives one (``network_cost``: the 3-layer network of ``three_layer_net``) with two backward
passes: ``network_gradients``, correct, and ``network_gradients_buggy``, with two classic mistakes.
``python examples/week5_gradient_checking.py`` runs the check on both: the correct one gives a
difference below :math:`2 \cdot 10^{-7}`, the buggy one above :math:`10^{-2}`, and the
largest entries of ``|grad - gradapprox|`` point at the parameters with the bug.

Gradient checking is slow (two forward passes per parameter): use it to debug, on small networks,
and never inside the training loop. It does not work with dropout on (the masks change at every
forward pass) unless the masks are fixed.

Check your work with ``python -m grader week5``.
"""

import numpy as np

from . import three_layer_net as net  # the network of network_cost below


# ---------------------------------------------------------------------------------------- 1-D
def forward_propagation(x, theta):
    r"""The cost of the 1-D warm-up, :math:`J(\theta) = \theta x`.

    Parameters
    ----------
    x : float
    theta : float

    Returns
    -------
    J : float
    """
    ### BEGIN SOLUTION
    ### HINT: one multiplication
    J = theta * x
    ### END SOLUTION
    return J


def backward_propagation(x, theta):
    r"""The derivative :math:`\partial J / \partial \theta` of :func:`forward_propagation`.

    Parameters
    ----------
    x : float
    theta : float

    Returns
    -------
    dtheta : float
    """
    ### BEGIN SOLUTION
    ### HINT: J is linear in theta
    dtheta = x
    ### END SOLUTION
    return dtheta


def gradient_check(x, theta, epsilon=1e-7):
    r"""Compare :func:`backward_propagation` with a central difference of :func:`forward_propagation`.

    Parameters
    ----------
    x : float
    theta : float
    epsilon : float, default 1e-7
        The nudge :math:`\varepsilon`.

    Returns
    -------
    difference : float
        :math:`|\text{grad} - \text{gradapprox}| / (|\text{grad}| + |\text{gradapprox}|)` with
        ``grad = backward_propagation(x, theta)`` and
        ``gradapprox = (J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon)``.
    """
    ### BEGIN SOLUTION
    ### HINT: compute J_plus and J_minus with forward_propagation, then gradapprox and grad
    ### HINT: np.linalg.norm(v) (or abs for numbers) gives the norms of the formula
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    return float(np.squeeze(difference))


# ---------------------------------------------------------------------------------------- N-D
def parameter_keys(parameters):
    """The keys ``["W1", "b1", "W2", "b2", ..., "WL", "bL"]`` of a dict with ``W1..WL`` and ``b1..bL``,
    in the order every function of this lesson uses (given).

    Parameters
    ----------
    parameters : dict
        Any dict with exactly the keys ``"W{l}"``, ``"b{l}"`` for ``l = 1..L`` (parameters, or their shapes).

    Returns
    -------
    keys : list of str, of length 2 L
    """
    L = len(parameters) // 2
    return [f"{kind}{l}" for l in range(1, L + 1) for kind in ("W", "b")]


def dictionary_to_vector(parameters):
    """Flatten all parameters into one column, in the order ``W1, b1, W2, b2, ...``.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` of shape (n_l, 1), ``l = 1..L``, in any
        insertion order.

    Returns
    -------
    theta : ndarray of shape (n, 1)
        ``n`` is the total number of parameters; each array is flattened in C (row-major) order,
        ``W1.reshape(-1, 1)`` first, then ``b1``, ``W2``, ...
    keys : list of str, of length n
        ``keys[i]`` is the name of the parameter that ``theta[i]`` comes from (``"W1"`` repeated
        ``W1.size`` times, then ``"b1"``, ...), to tell which parameter a large error belongs to.
    """
    ### BEGIN SOLUTION
    ### HINT: keys in the order of parameter_keys; reshape each array to a column, then np.concatenate along axis=0
    columns, keys = [], []
    for key in parameter_keys(parameters):
        column = np.reshape(parameters[key], (-1, 1))
        columns.append(column)
        keys.extend([key] * column.shape[0])
    theta = np.concatenate(columns, axis=0)
    ### END SOLUTION
    return theta, keys


def vector_to_dictionary(theta, shapes):
    """The inverse of :func:`dictionary_to_vector`: cut a column into parameters of the given shapes.

    Parameters
    ----------
    theta : ndarray of shape (n, 1)
        Entries in the order ``W1, b1, W2, b2, ...``, each array in C order.
    shapes : dict
        ``{"W1": (n_1, n_0), "b1": (n_1, 1), ...}``, for example
        ``{key: value.shape for key, value in parameters.items()}``; its sizes add up to ``n``.

    Returns
    -------
    parameters : dict
        ``"W{l}"``, ``"b{l}"`` with the shapes of ``shapes``: new arrays, not views of ``theta``.
    """
    parameters = {}
    start = 0
    for key in parameter_keys(shapes):
        ### BEGIN SOLUTION
        ### HINT: the next entries of theta, as many as the shape holds (np.prod), reshaped; .copy() detaches them
        size = int(np.prod(shapes[key]))
        parameters[key] = theta[start:start + size].reshape(shapes[key]).copy()
        start += size
        ### END SOLUTION
    return parameters


def gradients_to_vector(gradients, parameters):
    """Flatten ``dW1, db1, dW2, db2, ...`` into one column, in the order of :func:`dictionary_to_vector`.

    Parameters
    ----------
    gradients : dict
        ``"dW{l}"``, ``"db{l}"`` (each the shape of its parameter) and possibly other keys (``"dZ1"``,
        ``"dA1"``, ...), which are ignored.
    parameters : dict
        The parameters the gradients belong to: they say which gradients to take, and in which order.

    Returns
    -------
    grad : ndarray of shape (n, 1)
        ``n`` is the total number of parameters.
    """
    ### BEGIN SOLUTION
    ### HINT: the gradient of parameter key is gradients["d" + key]
    grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameter_keys(parameters)],
                          axis=0)
    ### END SOLUTION
    return grad


def gradient_check_n(cost_function, parameters, gradients, epsilon=1e-7):
    r"""Compare the gradients of a backward pass with central differences of ``cost_function``.

    Parameters
    ----------
    cost_function : callable
        ``cost_function(parameters) -> float``: the cost at the given parameters (a dict like
        ``parameters``). For the network of this file: ``functools.partial(network_cost, X=X, Y=Y)``.
    parameters : dict
        ``"W{l}"``, ``"b{l}"``: where to check. Not modified.
    gradients : dict
        The backward pass's ``"dW{l}"``, ``"db{l}"`` at ``parameters`` (other keys are ignored).
    epsilon : float, default 1e-7

    Returns
    -------
    difference : float
        :math:`\| \text{grad} - \text{gradapprox} \|_2 / (\| \text{grad} \|_2 + \| \text{gradapprox} \|_2)`
        over all ``n`` parameters, where for each entry ``i`` of ``theta``
        ``gradapprox[i] = (J(theta + epsilon e_i) - J(theta - epsilon e_i)) / (2 * epsilon)``.

    Notes
    -----
    For each ``i``: copy ``theta``, add (or subtract) ``epsilon`` to entry ``i`` only, turn the copy
    back into a dict with :func:`vector_to_dictionary` and evaluate ``cost_function`` on it. That is
    ``2 n`` evaluations of the cost, which is why gradient checking is only for small networks.
    """
    theta, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        ### BEGIN SOLUTION
        ### HINT: nudge entry i of a fresh copy of theta (np.copy) up by epsilon, and of another copy down
        ### HINT: cost_function takes a dict: vector_to_dictionary turns each nudged vector back into one
        theta_plus = np.copy(theta)
        theta_plus[i] += epsilon
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))
        theta_minus = np.copy(theta)
        theta_minus[i] -= epsilon
        J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
        ### END SOLUTION
    ### BEGIN SOLUTION
    ### HINT: the same formula as gradient_check, with the norms of the two columns
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    return float(np.squeeze(difference))


# ------------------------------------------------------------------------- a network to check
def network_cost(parameters, X, Y):
    """Cost of the 3-layer network of ``three_layer_net`` at ``parameters`` (given).

    Parameters
    ----------
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1), ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    cost : float
        The mean cross-entropy of ``three_layer_net.forward_propagation(X, parameters)``.
    """
    A3, _ = net.forward_propagation(X, parameters)
    return net.compute_cost(A3, Y)


def network_gradients(parameters, X, Y):
    """The correct gradients of :func:`network_cost` (given).

    Parameters
    ----------
    parameters : dict, as for :func:`network_cost`
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    gradients : dict
        ``"dW1"``, ``"db1"``, ``"dW2"``, ``"db2"``, ``"dW3"``, ``"db3"``, each the shape of its parameter.
    """
    _, cache = net.forward_propagation(X, parameters)
    gradients = net.backward_propagation(X, Y, cache)
    return {key: gradients[key] for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3")}


def network_gradients_buggy(parameters, X, Y):
    """Gradients of :func:`network_cost` with two classic bugs, for the check to find (given).

    Parameters
    ----------
    parameters : dict, as for :func:`network_cost`
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    gradients : dict
        The keys of :func:`network_gradients`, but ``dW2`` is twice too large (a stray factor 2)
        and ``db1`` is four times too large (``4 / m`` instead of ``1 / m``).
    """
    gradients = network_gradients(parameters, X, Y)
    gradients["dW2"] = 2 * gradients["dW2"]
    gradients["db1"] = 4 * gradients["db1"]
    return gradients

