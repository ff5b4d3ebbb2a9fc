r"""Optimization algorithms: mini-batches, momentum, RMSprop, Adam and learning-rate decay.

Until now every step of gradient descent used all ``m`` examples. This lesson changes *how* the
parameters move, with the network fixed (``deep_net``, given):

1. **Mini-batch gradient descent.** Shuffle the examples once per epoch and cut them into batches of
   ``mini_batch_size`` (``random_mini_batches``); take one step per batch. Many cheap, noisy steps
   per pass over the data instead of one exact step; ``mini_batch_size = m`` is batch gradient
   descent, ``mini_batch_size = 1`` stochastic gradient descent.
2. **Momentum.** Average the recent gradients and step along the average, which damps the
   oscillations of noisy or badly scaled gradients:

   .. math:: v \leftarrow \beta v + (1 - \beta)\, g, \qquad \theta \leftarrow \theta - \alpha v.

3. **RMSprop.** Divide each coordinate's step by a running root-mean-square of its gradients, so
   every parameter moves at a similar speed whatever the scale of its gradient:

   .. math:: s \leftarrow \beta_2 s + (1 - \beta_2)\, g^2, \qquad
             \theta \leftarrow \theta - \alpha \frac{g}{\sqrt{s} + \varepsilon}.

4. **Adam** = momentum + RMSprop + a bias correction. :math:`v` and :math:`s` start at 0, so early
   averages are too small; dividing by :math:`1 - \beta^t` (with :math:`t = 1, 2, \ldots` the
   number of updates so far) removes that bias:

   .. math::

       v &\leftarrow \beta_1 v + (1 - \beta_1)\, g, &\qquad
       \hat v &= \frac{v}{1 - \beta_1^t}, \\
       s &\leftarrow \beta_2 s + (1 - \beta_2)\, g^2, &\qquad
       \hat s &= \frac{s}{1 - \beta_2^t}, \\
       \theta &\leftarrow \theta - \alpha \frac{\hat v}{\sqrt{\hat s} + \varepsilon}.

   At :math:`t = 1`, :math:`\hat v = g` and :math:`\sqrt{\hat s} = |g|`: the first step moves every
   coordinate by about :math:`\alpha`, whatever the size of its gradient. :math:`\varepsilon` is
   added *outside* the square root (Kingma and Ba, 2015).
5. **Learning-rate decay.** Large steps early, smaller ones later:
   :math:`\alpha = \frac{\alpha_0}{1 + \text{decay\_rate} \cdot \text{epoch}}` (``update_lr``), or the
   same formula with the epoch counted in blocks of ``time_interval`` epochs so the rate drops in
   steps (``schedule_lr_decay``).

``model`` puts them together; ``python examples/week6_optimization.py`` trains the same network on
the ``moons`` data with each optimizer at the same learning rate and prints their accuracy and cost
curves.

Notation
--------
- ``parameters``: ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1), ``l = 1..L``.
- ``grads``, ``v``, ``s``, ``v_corrected``, ``s_corrected``: dicts with the keys ``"dW{l}"``,
  ``"db{l}"``, each entry the shape of its parameter.
- Every ``update_*`` function returns **new** dicts and leaves its arguments unchanged (write
  ``W = W - ...``, never ``W -= ...``, on arrays you were given).

Check your work with ``python -m grader week6``.
"""

import math

import numpy as np

from .deep_net import accuracy, backward_propagation, compute_cost, forward_propagation, initialize_parameters  # noqa: F401

OPTIMIZERS = ("gd", "momentum", "rmsprop", "adam")


def update_parameters_with_gd(parameters, grads, learning_rate):
    r"""One step of (mini-batch) gradient descent: :math:`\theta \leftarrow \theta - \alpha\, d\theta`.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}), ``"b{l}"`` of shape (n_l, 1), ``l = 1..L``.
    grads : dict
        ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    learning_rate : float

    Returns
    -------
    parameters : dict
        A new dict with the same keys and shapes.
    """
    new_parameters = {}
    for key in parameters:  # "W1", "b1", ...; the gradient of key is grads["d" + key]
        # YOUR CODE HERE
        # Hint: put a new array in new_parameters[key] (do not write into parameters[key])
        raise NotImplementedError()
    return new_parameters


def random_mini_batches(X, Y, mini_batch_size=64, rng=0):
    """Shuffle the examples, then cut them into mini-batches.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)
        The labels; column ``i`` belongs to column ``i`` of ``X``.
    mini_batch_size : int, default 64
    rng : None, int or numpy.random.Generator, default 0
        Normalised with ``np.random.default_rng(rng)``; exactly one draw, ``rng.permutation(m)``.

    Returns
    -------
    mini_batches : list of tuples
        ``(mini_batch_X, mini_batch_Y)`` of shapes (n_x, size) and (n_y, size): with
        ``permutation = rng.permutation(m)``, batch ``k`` holds the columns
        ``permutation[k * mini_batch_size:(k + 1) * mini_batch_size]`` of ``X`` and of ``Y``, in that
        order. All batches are full (``size = mini_batch_size``) except the last one when
        ``mini_batch_size`` does not divide ``m``: it holds the ``m % mini_batch_size`` remaining
        columns. Every column appears in exactly one batch.
    """
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    # YOUR CODE HERE
    # Hint: indexing the columns with a permutation reorders them; shuffle X and Y with the same permutation
    # Hint: round the number of batches up (math.ceil): the last one keeps the rest;
    # Hint: slicing past the end of an array simply stops there
    raise NotImplementedError()
    return mini_batches


def initialize_velocity(parameters):
    """The velocity of momentum, zero at the start.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.

    Returns
    -------
    v : dict
        ``"dW{l}"``, ``"db{l}"``: zeros of the shape of ``W{l}``, ``b{l}``.
    """
    v = {}
    for key in parameters:
        # YOUR CODE HERE
        # Hint: np.zeros_like(array) has the array's shape and dtype
        raise NotImplementedError()
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    r"""One step of gradient descent with momentum.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.
    grads : dict
        ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    v : dict
        The velocity, ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    beta : float
        The momentum, in [0, 1); 0 gives plain gradient descent.
    learning_rate : float

    Returns
    -------
    parameters : dict
        New parameters, :math:`\theta - \alpha v_{new}`.
    v : dict
        New velocity, :math:`v_{new} = \beta v + (1 - \beta)\, d\theta`, same keys and shapes.
    """
    new_parameters, new_v = {}, {}
    for key in parameters:
        # YOUR CODE HERE
        # Hint: update the velocity first, then step along the new velocity
        raise NotImplementedError()
    return new_parameters, new_v


def initialize_rmsprop(parameters):
    """The running mean of the squared gradients of RMSprop, zero at the start.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.

    Returns
    -------
    s : dict
        ``"dW{l}"``, ``"db{l}"``: zeros of the shape of ``W{l}``, ``b{l}``.
    """
    s = {}
    for key in parameters:
        # YOUR CODE HERE
        # Hint: the same as initialize_velocity
        raise NotImplementedError()
    return s


def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    r"""One step of RMSprop.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.
    grads : dict
        ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    s : dict
        ``"dW{l}"``, ``"db{l}"``: the running mean of the squared gradients.
    beta2 : float
        The decay of the running mean, in [0, 1) (often 0.9 or 0.999).
    learning_rate : float
    epsilon : float, default 1e-8
        Added to :math:`\sqrt{s}` (outside the square root) so that nothing is divided by 0.

    Returns
    -------
    parameters : dict
        New parameters, :math:`\theta - \alpha\, d\theta / (\sqrt{s_{new}} + \varepsilon)`.
    s : dict
        New running mean, :math:`s_{new} = \beta_2 s + (1 - \beta_2)\, d\theta^2` (elementwise square).
    """
    new_parameters, new_s = {}, {}
    for key in parameters:
        # YOUR CODE HERE
        # Hint: np.square(g) or g ** 2 is elementwise; use the new s in the step
        raise NotImplementedError()
    return new_parameters, new_s


def initialize_adam(parameters):
    """The two running means of Adam, zero at the start.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.

    Returns
    -------
    v : dict
        ``"dW{l}"``, ``"db{l}"``: zeros of the shape of ``W{l}``, ``b{l}`` (mean of the gradients).
    s : dict
        The same keys and shapes, zeros (mean of the squared gradients).
    """
    v, s = {}, {}
    for key in parameters:
        # YOUR CODE HERE
        # Hint: two separate arrays per parameter: v and s must not share memory
        raise NotImplementedError()
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    r"""One step of Adam.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"``, ``l = 1..L``.
    grads : dict
        ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
    v : dict
        ``"dW{l}"``, ``"db{l}"``: the running mean of the gradients.
    s : dict
        ``"dW{l}"``, ``"db{l}"``: the running mean of the squared gradients.
    t : int
        The number of this update, counted from 1 (the first update has ``t = 1``); it sets the bias
        correction.
    learning_rate : float, default 0.01
    beta1 : float, default 0.9
        Decay of ``v``.
    beta2 : float, default 0.999
        Decay of ``s``.
    epsilon : float, default 1e-8
        Added to :math:`\sqrt{\hat s}`, outside the square root.

    Returns
    -------
    parameters : dict
        New parameters, :math:`\theta - \alpha\, \hat v / (\sqrt{\hat s} + \varepsilon)`.
    v : dict
        New :math:`v = \beta_1 v + (1 - \beta_1)\, d\theta`.
    s : dict
        New :math:`s = \beta_2 s + (1 - \beta_2)\, d\theta^2`.
    v_corrected : dict
        :math:`\hat v = v / (1 - \beta_1^t)` (with the new ``v``).
    s_corrected : dict
        :math:`\hat s = s / (1 - \beta_2^t)` (with the new ``s``).

    All five are new dicts, each entry the shape of its parameter; ``parameters`` has the keys
    ``"W{l}"``, ``"b{l}"``, the other four ``"dW{l}"``, ``"db{l}"``.
    """
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        # YOUR CODE HERE
        # Hint: update v, then correct it with t (the formula above); the same for s; step with the corrected values
        # Hint: the step divides by the square root of s_corrected plus epsilon: epsilon outside the square root
        raise NotImplementedError()
    return new_parameters, new_v, new_s, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    r"""Learning-rate decay :math:`\alpha = \alpha_0 / (1 + \text{decay\_rate} \cdot \text{epoch\_num})`.

    Parameters
    ----------
    learning_rate0 : float
        The initial learning rate :math:`\alpha_0`.
    epoch_num : int
        The epoch, counted from 0 (epoch 0 gets ``learning_rate0``).
    decay_rate : float

    Returns
    -------
    learning_rate : float
    """
    # YOUR CODE HERE
    # Hint: one line of arithmetic
    raise NotImplementedError()
    return float(learning_rate)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    r"""Decay in steps: :math:`\alpha = \alpha_0 / (1 + \text{decay\_rate} \cdot \lfloor \text{epoch\_num} / \text{time\_interval} \rfloor)`.

    Parameters
    ----------
    learning_rate0 : float
    epoch_num : int
        Counted from 0.
    decay_rate : float
    time_interval : int, default 1000
        The rate stays constant for ``time_interval`` epochs, then drops.

    Returns
    -------
    learning_rate : float
    """
    # YOUR CODE HERE
    # Hint: only complete intervals count: the floor of the division (// or math.floor) gives their number
    raise NotImplementedError()
    return float(learning_rate)


def model(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9,
          beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3, print_cost=False):
    r"""Train the network of ``deep_net`` with mini-batches and the chosen optimizer.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.
    layers_dims : list of int
        ``[n_x, n_1, ..., 1]``.
    optimizer : {"gd", "momentum", "rmsprop", "adam"}, default "adam"
        ``"gd"`` is plain mini-batch gradient descent.
    learning_rate : float, default 0.0007
        :math:`\alpha_0`, the learning rate of epoch 0.
    mini_batch_size : int, default 64
    beta : float, default 0.9
        Momentum of ``"momentum"``.
    beta1 : float, default 0.9
        Adam's decay of the mean of the gradients.
    beta2 : float, default 0.999
        Decay of the mean of the squared gradients, for ``"adam"`` and ``"rmsprop"``.
    epsilon : float, default 1e-8
        For ``"adam"`` and ``"rmsprop"``.
    num_epochs : int, default 5000
        Passes over the data.
    decay : None or callable, default None
        ``decay(learning_rate0, epoch_num, decay_rate) -> learning_rate``, for example ``update_lr``
        or ``schedule_lr_decay``: epoch ``i`` (from 0) uses ``decay(learning_rate, i, decay_rate)``.
        None keeps the rate constant.
    decay_rate : float, default 1.0
    rng : None, int or numpy.random.Generator, default 3
        One generator, ``np.random.default_rng(rng)``, draws the initial parameters
        (``initialize_parameters(layers_dims, rng)``, given), then each epoch's shuffle
        (``random_mini_batches(X, Y, mini_batch_size, rng)``), in that order.
    print_cost : bool, default False
        Print the cost every 1000 epochs.

    Returns
    -------
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}), ``"b{l}"`` (n_l, 1), after training.
    costs : list of float
        The cost of epochs 0, 100, 200, ...: the mean cross-entropy over the ``m`` examples, each
        mini-batch's cost taken before its update (the sum over the batches of
        ``compute_cost(AL, mini_batch_Y) * batch size``, divided by ``m``).

    Notes
    -----
    Adam's update counter ``t`` counts updates (mini-batches), not epochs: it is 1 for the first
    update of the first epoch and grows by one at every update.
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)
    costs = []
    t = 0  # Adam's update counter
    # The optimizer's state.
    # YOUR CODE HERE
    # Hint: momentum needs v (initialize_velocity), rmsprop s (initialize_rmsprop), adam both (initialize_adam)
    raise NotImplementedError()
    for epoch in range(num_epochs):
        # This epoch's learning rate and mini-batches.
        # YOUR CODE HERE
        # Hint: with a decay, each epoch's rate comes from decay, given learning_rate0, the epoch and decay_rate
        # Hint: pass rng itself (the generator) to random_mini_batches, so every epoch is shuffled differently
        raise NotImplementedError()
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]
            grads = backward_propagation(AL, mini_batch_Y, caches)
            # One update with the chosen optimizer.
            # YOUR CODE HERE
            # Hint: for adam, increase t before the update: the first update has t = 1
            # Hint: rmsprop uses beta2 as its decay
            raise NotImplementedError()
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
        if print_cost and epoch % 1000 == 0:
            print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")
    return parameters, costs
