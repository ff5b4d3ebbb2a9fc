r"""The building blocks of weeks 4-6, given complete (nothing to write in this file).

You wrote each of these before: He and "xavier" initialization (weeks 4-5), the linear step and the
activations forwards and backwards (week 4), mini-batches, Adam and learning-rate decay (week 6).
``multiclass`` and ``trainer`` use them; they are collected here so that week 7 stands on its own.

Two things differ from the earlier weeks, both for speed, neither for the mathematics:

- every function takes or keeps a ``dtype`` (float64 by default; float32 halves the memory traffic
  and roughly doubles the speed of the matrix products, at about 7 significant digits);
- the optimizer step :func:`update_parameters` works **in place**: ``DeepClassifier`` owns its
  parameter and optimizer-state arrays, so overwriting them saves allocating new ones at every
  mini-batch. (Week 6's ``update_*`` functions returned new dicts because their inputs were the
  caller's arrays: never write into arrays you were given.)

Notation
--------
- ``A_prev`` of shape (n_{l-1}, m), ``W`` (n_l, n_{l-1}), ``b`` (n_l, 1), ``Z`` (n_l, m).
- ``parameters``: ``"W{l}"`` and ``"b{l}"`` for ``l = 1..L``; ``grads``: ``"dW{l}"``, ``"db{l}"``,
  each the shape of its parameter.
"""

import math

import numpy as np

INITIALIZATIONS = ("he", "xavier")
OPTIMIZERS = ("gd", "momentum", "adam")


# ---------------------------------------------------------------------------------- parameters
def initialize_parameters(layer_dims, initialization="he", rng=None, dtype=np.float64):
    r"""Random weights :math:`W^{[l]} \sim \mathcal{N}(0, c / n_{l-1})`, zero biases.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``.
    initialization : {"he", "xavier"}
        :math:`c = 2` (He et al., 2015, for ReLU layers) or :math:`c = 1`.
    rng : None, int or numpy.random.Generator
        ``W1, ..., WL`` are drawn in that order, each with ``rng.standard_normal((n_l, n_{l-1}))``.
    dtype : numpy floating type, default float64

    Returns
    -------
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` zeros of shape (n_l, 1), of ``dtype``.
    """
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
    rng = np.random.default_rng(rng)
    c = 2.0 if initialization == "he" else 1.0
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * math.sqrt(c / layer_dims[l - 1])
        parameters[f"W{l}"] = W.astype(dtype)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=dtype)
    return parameters


# -------------------------------------------------------------------------- forward and backward
def linear_forward(A, W, b):
    """``Z = W A + b``: ``A`` (n_{l-1}, m), ``W`` (n_l, n_{l-1}), ``b`` (n_l, 1) -> ``Z`` (n_l, m) and
    ``linear_cache = (A, W, b)``."""
    Z = W @ A                                            # (n_l, m), a new array: ours
    Z += b                                               # in place, b broadcast over the columns
    return Z, (A, W, b)


def linear_backward(dZ, linear_cache):
    r"""``dZ`` (n_l, m) -> ``dA_prev`` (n_{l-1}, m), ``dW`` (n_l, n_{l-1}), ``db`` (n_l, 1).

    :math:`dW = \frac{1}{m} dZ A_{prev}^T`, :math:`db = \frac{1}{m}\sum_i dZ^{(i)}`,
    :math:`dA_{prev} = W^T dZ`, as in week 4: ``dZ`` holds one example's gradient per column, and
    the division by ``m`` makes ``dW``, ``db`` the gradients of the mean cost.
    """
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def relu(Z):
    """``max(0, Z)`` elementwise: a new array of the shape of ``Z``."""
    return np.maximum(Z, 0)


def relu_backward(dA, Z):
    """``dZ = dA * 1{Z > 0}``: a new array of the shape of ``dA`` (``dA`` is left as it was)."""
    return dA * (Z > 0)


def tanh_backward(dA, Z):
    """``dZ = dA * (1 - tanh(Z)^2)``: a new array of the shape of ``dA``."""
    t = np.tanh(Z)
    return dA * (1 - t * t)


HIDDEN = {"relu": (relu, relu_backward), "tanh": (np.tanh, tanh_backward)}  # name -> (forward, backward)


def sigmoid(Z):
    """``1 / (1 + exp(-Z))`` elementwise, without overflow."""
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1 / (1 + e), e / (1 + e))


# --------------------------------------------------------------------------------- mini-batches
def mini_batch_indices(m, mini_batch_size=64, rng=None):
    """Week 6's shuffle as column indices: one ``rng.permutation(m)`` cut into batches.

    Returns
    -------
    list of ndarray of int
        ``permutation[k * mini_batch_size:(k + 1) * mini_batch_size]`` for ``k = 0, 1, ...``: full
        batches, then the remainder. ``X[:, batch]`` is week 6's ``mini_batch_X``.
    """
    rng = np.random.default_rng(rng)
    permutation = rng.permutation(m)
    return [permutation[k:k + mini_batch_size] for k in range(0, m, mini_batch_size)]


# ------------------------------------------------------------------------------------ optimizers
def initialize_optimizer(parameters, optimizer="adam"):
    """The optimizer's state: ``{}`` for "gd"; ``{"v": ...}`` for "momentum"; ``{"v": ..., "s": ...}``
    for "adam", each a dict of zeros with the keys ``"dW{l}"``, ``"db{l}"`` shaped like the parameters."""
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    zeros = lambda: {"d" + key: np.zeros_like(value) for key, value in parameters.items()}  # noqa: E731
    return {"gd": {}, "momentum": {"v": zeros()}, "adam": {"v": zeros(), "s": zeros()}}[optimizer]


def update_parameters(parameters, grads, state, t, learning_rate, optimizer="adam", beta=0.9, beta1=0.9,
                      beta2=0.999, epsilon=1e-8):
    r"""One step of ``optimizer``, **in place** on ``parameters`` and ``state`` (returns None).

    Parameters
    ----------
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}), ``"b{l}"`` (n_l, 1): overwritten with the new values.
    grads : dict
        ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter (read only).
    state : dict
        From :func:`initialize_optimizer`; overwritten.
    t : int
        Adam's update counter, 1 for the first update.
    learning_rate, beta, beta1, beta2, epsilon : float
        As in week 6 (``beta`` for momentum).

    Notes
    -----
    Adam as in week 6, :math:`\theta \leftarrow \theta - \alpha \hat v / (\sqrt{\hat s} + \varepsilon)`
    with :math:`\hat v = v / (1 - \beta_1^t)`, :math:`\hat s = s / (1 - \beta_2^t)`, written as
    :math:`\theta \leftarrow \theta - \frac{\alpha}{1 - \beta_1^t}\, v / (\sqrt{s} / \sqrt{1 - \beta_2^t} + \varepsilon)`
    (the same numbers, PyTorch's arrangement) so that :math:`\hat v` and :math:`\hat s` need no arrays.
    """
    for key, theta in parameters.items():
        g = grads["d" + key]
        if optimizer == "gd":
            theta -= learning_rate * g
        elif optimizer == "momentum":
            v = state["v"]["d" + key]
            v *= beta
            v += (1 - beta) * g
            theta -= learning_rate * v
        else:
            v, s = state["v"]["d" + key], state["s"]["d" + key]
            v *= beta1
            v += (1 - beta1) * g                         # v = beta1 v + (1 - beta1) g
            s *= beta2
            s += (1 - beta2) * (g * g)                   # s = beta2 s + (1 - beta2) g^2
            step = np.sqrt(s)
            step /= math.sqrt(1 - beta2 ** t)
            step += epsilon                              # sqrt(s_hat) + epsilon
            np.divide(v, step, out=step)
            step *= learning_rate / (1 - beta1 ** t)     # learning_rate * v_hat / (sqrt(s_hat) + epsilon)
            theta -= step


def update_lr(learning_rate0, epoch_num, decay_rate):
    """Week 6: ``learning_rate0 / (1 + decay_rate * epoch_num)``."""
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Week 6: ``learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))``."""
    return learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))


DECAYS = {"inverse": update_lr, "scheduled": schedule_lr_decay}
