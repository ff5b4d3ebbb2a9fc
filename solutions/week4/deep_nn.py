r"""A deep neural network, step by step: every forward step next to its backward step.

What you will build
-------------------
A network of any depth L, :math:`[\text{LINEAR} \to \text{RELU}] \times (L-1) \to \text{LINEAR} \to
\text{SIGMOID}`, from small pieces that each do one thing forwards and the matching thing backwards:

1. the activations' backward steps (``sigmoid_backward``, ``relu_backward``, ``tanh_backward``;
   their forward steps are given),
2. the parameters (``initialize_parameters_deep``),
3. one layer forwards (``linear_forward``, ``linear_activation_forward``), the whole net forwards
   (``L_model_forward``) and the cost (``compute_cost``),
4. one layer backwards (``linear_backward``, ``linear_activation_backward``), the whole net
   backwards (``L_model_backward``) and a gradient step (``update_parameters``),
5. the training loop (``L_layer_model``) and ``predict``.

Notation
--------
- ``X`` = :math:`A^{[0]}` of shape (n_x, m), one example per **column**; ``Y`` of shape (1, m),
  labels 0.0 / 1.0. ``layer_dims = [n_0, n_1, ..., n_L]`` with :math:`n_0 = n_x`, :math:`n_L = 1`.
- Layer :math:`l`: :math:`Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}`, :math:`A^{[l]} = g^{[l]}(Z^{[l]})`,
  with ``W{l}`` of shape (n_l, n_{l-1}) and ``b{l}`` of shape (n_l, 1) in the dict ``parameters``.
- Caches: ``linear_cache = (A_prev, W, b)``, ``activation_cache = Z``, a layer's
  ``cache = (linear_cache, activation_cache)``; ``caches`` is the list of the L layers' caches.
- Cost: :math:`J = -\frac{1}{m}\sum_i \left(y^{(i)}\log a^{[L](i)} + (1-y^{(i)})\log(1-a^{[L](i)})\right)`.

Which gradient is which
-----------------------
``dA``, ``dZ`` (one column per example) are the derivatives of the **summed** loss
:math:`\mathcal{L} = mJ` with respect to ``A`` and ``Z``; ``linear_backward`` divides by ``m`` once,
so that ``dW`` and ``db`` are the derivatives of the **mean** cost :math:`J`, the ones gradient
descent uses. Each example's column of ``dZ`` is then that example's own gradient.

Check your work with ``python -m grader week4``.
"""

import numpy as np

EPS = 1e-12  # clips probabilities in the cost; moves an AL of exactly 0 or 1 in dAL
ACTIVATIONS = ("sigmoid", "relu", "tanh")


def check_activation(activation):
    """Raise a ``ValueError`` unless ``activation`` is one of ``ACTIVATIONS`` (given)."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")


# ---------------------------------------------------------------------------------- activations
def sigmoid(Z):
    r"""Sigmoid activation :math:`A = \sigma(Z) = 1 / (1 + e^{-Z})`, without overflow (given).

    Parameters
    ----------
    Z : ndarray of any shape

    Returns
    -------
    A : ndarray of the shape of Z, values in [0, 1]
    activation_cache : ndarray, ``Z`` itself (what ``sigmoid_backward`` needs)
    """
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return A, Z


def sigmoid_backward(dA, Z):
    r"""Backward step of the sigmoid: :math:`dZ = dA * \sigma'(Z) = dA * \sigma(Z)(1 - \sigma(Z))`.

    Parameters
    ----------
    dA : ndarray, the gradient with respect to the activation ``A = sigmoid(Z)``
    Z : ndarray of the shape of dA, the activation cache

    Returns
    -------
    dZ : ndarray of the shape of Z
        The gradient with respect to ``Z``; ``dA`` is not modified.
    """
    ### BEGIN SOLUTION
    ### HINT: sigmoid returns a pair (A, cache): its A is s; then elementwise products with dA
    s, _ = sigmoid(Z)
    dZ = dA * s * (1 - s)
    ### END SOLUTION
    return dZ


def relu(Z):
    r"""ReLU activation :math:`A = \max(0, Z)` (given).

    Parameters
    ----------
    Z : ndarray of any shape

    Returns
    -------
    A : ndarray of the shape of Z
    activation_cache : ndarray, ``Z`` itself (what ``relu_backward`` needs)
    """
    Z = np.asarray(Z, dtype=np.float64)
    return np.maximum(0.0, Z), Z


def relu_backward(dA, Z):
    r"""Backward step of ReLU: :math:`dZ = dA` where :math:`Z > 0`, and 0 elsewhere.

    Parameters
    ----------
    dA : ndarray, the gradient with respect to the activation ``A = relu(Z)``
    Z : ndarray of the shape of dA, the activation cache

    Returns
    -------
    dZ : ndarray of the shape of Z
        The gradient with respect to ``Z``; ``dA`` is not modified. At ``Z = 0``, where ReLU
        has no derivative, the convention is 0.
    """
    ### BEGIN SOLUTION
    ### HINT: work on a float copy of dA (np.array copies), and let a boolean mask of Z pick the entries that become 0
    ### HINT: (changing dA itself would change the caller's gradient)
    dZ = np.array(dA, dtype=np.float64)
    dZ[Z <= 0] = 0.0
    ### END SOLUTION
    return dZ


def tanh(Z):
    r"""Tanh activation :math:`A = \tanh(Z)` (given).

    Parameters
    ----------
    Z : ndarray of any shape

    Returns
    -------
    A : ndarray of the shape of Z, values in [-1, 1]
    activation_cache : ndarray, ``Z`` itself (what ``tanh_backward`` needs)
    """
    Z = np.asarray(Z, dtype=np.float64)
    return np.tanh(Z), Z


def tanh_backward(dA, Z):
    r"""Backward step of tanh: :math:`dZ = dA * (1 - \tanh^2(Z))`.

    Parameters
    ----------
    dA : ndarray, the gradient with respect to the activation ``A = tanh(Z)``
    Z : ndarray of the shape of dA, the activation cache

    Returns
    -------
    dZ : ndarray of the shape of Z
        The gradient with respect to ``Z``; ``dA`` is not modified.
    """
    ### BEGIN SOLUTION
    ### HINT: recompute tanh of the cached Z (np.tanh), then the chain rule with dA
    t = np.tanh(Z)
    dZ = dA * (1 - t ** 2)
    ### END SOLUTION
    return dZ


FORWARD = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}  # name -> activation (given)


# ---------------------------------------------------------------------------------- parameters
def initialize_parameters_deep(layer_dims, rng=None):
    r"""Random weights scaled by :math:`1/\sqrt{n_{l-1}}`, zero biases, for every layer.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``: the input size, then the size of each layer.
    rng : None, int or numpy.random.Generator
        Source of randomness (normalised with ``np.random.default_rng``).

    Returns
    -------
    parameters : dict
        ``"W{l}"``: ndarray of shape (n_l, n_{l-1}) and ``"b{l}"``: zeros of shape (n_l, 1), for
        l = 1..L.

    Notes
    -----
    Draw the weights in the order W1, W2, ..., each as ``rng.standard_normal((n_l, n_{l-1}))``
    divided by ``np.sqrt(n_{l-1})``. With that scale each unit's :math:`z` has about the variance
    of one input, whatever the layer's width: weights of ``0.01 * N(0, 1)`` (week 3) make the
    signal, and the gradients, shrink layer after layer in a deep net. Week 5 compares the choices.
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layer_dims) - 1  # number of layers with parameters
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        ### HINT: layer_dims[l - 1] is n_{l-1}; keys are f"W{l}" and f"b{l}"
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
        ### END SOLUTION
    return parameters


# ------------------------------------------------------------------------------------- forward
def linear_forward(A, W, b):
    r"""The linear part of a layer's forward step: :math:`Z = W A + b`.

    Parameters
    ----------
    A : ndarray of shape (n_{l-1}, m), the previous layer's activations (or X)
    W : ndarray of shape (n_l, n_{l-1})
    b : ndarray of shape (n_l, 1)

    Returns
    -------
    Z : ndarray of shape (n_l, m)
    linear_cache : tuple ``(A, W, b)``, the inputs, for ``linear_backward``
    """
    ### BEGIN SOLUTION
    ### HINT: the matrix product (np.dot) of W and A has shape (n_l, m); adding b broadcasts it over the m columns
    Z = np.dot(W, A) + b                                 # (n_l, m)
    ### END SOLUTION
    linear_cache = (A, W, b)
    return Z, linear_cache


def linear_activation_forward(A_prev, W, b, activation):
    r"""One layer forwards: :math:`A = g(W A_{prev} + b)`.

    Parameters
    ----------
    A_prev : ndarray of shape (n_{l-1}, m)
    W : ndarray of shape (n_l, n_{l-1})
    b : ndarray of shape (n_l, 1)
    activation : {"sigmoid", "relu", "tanh"}

    Returns
    -------
    A : ndarray of shape (n_l, m)
    cache : tuple ``(linear_cache, activation_cache)`` = ``((A_prev, W, b), Z)``, Z of shape (n_l, m)
    """
    check_activation(activation)
    ### BEGIN SOLUTION
    ### HINT: linear_forward, then the given sigmoid / relu / tanh (FORWARD[activation] picks one);
    ### HINT: each returns (A, activation_cache)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = FORWARD[activation](Z)
    ### END SOLUTION
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters, hidden_activation="relu"):
    r"""The whole network forwards: :math:`[\text{LINEAR} \to \text{RELU}] \times (L-1) \to
    \text{LINEAR} \to \text{SIGMOID}`.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) for l = 1..L.
    hidden_activation : {"relu", "tanh"}, default "relu"
        The activation of layers 1..L-1 (the output layer always uses sigmoid).

    Returns
    -------
    AL : ndarray of shape (1, m), the output probabilities :math:`A^{[L]}`
    caches : list of L caches
        ``caches[l - 1]`` is layer l's ``((A_prev, W, b), Z)`` from ``linear_activation_forward``.
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers
    ### BEGIN SOLUTION
    ### HINT: the hidden layers use hidden_activation and the output layer "sigmoid"; each layer's input is the
    ### HINT: previous layer's output; append every layer's cache
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden_activation)
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    ### END SOLUTION
    return AL, caches


def compute_cost(AL, Y):
    r"""The mean cross-entropy cost :math:`J` of the module docstring.

    Parameters
    ----------
    AL : ndarray of shape (1, m), output probabilities
    Y : ndarray of shape (1, m), labels 0.0 / 1.0

    Returns
    -------
    cost : float
        Finite even where ``AL`` is exactly 0.0 or 1.0: as in weeks 2 and 3, ``AL`` is clipped to
        :math:`[\varepsilon, 1 - \varepsilon]`, :math:`\varepsilon = 10^{-12}` (``EPS``), inside
        the logarithms.
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    ### HINT: keep AL within [EPS, 1 - EPS] (np.clip) before the logs; the cost is minus the mean of the losses
    AL = np.clip(AL, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END SOLUTION
    return float(np.squeeze(cost))


# ------------------------------------------------------------------------------------ backward
def linear_backward(dZ, linear_cache):
    r"""The linear part of a layer's backward step.

    Parameters
    ----------
    dZ : ndarray of shape (n_l, m)
        The gradient of the summed loss with respect to ``Z`` (one column per example).
    linear_cache : tuple ``(A_prev, W, b)``
        ``A_prev`` (n_{l-1}, m), ``W`` (n_l, n_{l-1}), ``b`` (n_l, 1), from ``linear_forward``.

    Returns
    -------
    dA_prev : ndarray of shape (n_{l-1}, m), the same shape as A_prev
    dW : ndarray of shape (n_l, n_{l-1}), the same shape as W
    db : ndarray of shape (n_l, 1), the same shape as b

    Notes
    -----
    From :math:`Z = W A_{prev} + b`:

    .. math::

        dW = \frac{1}{m} dZ\, A_{prev}^T, \qquad
        db = \frac{1}{m} \sum_{i=1}^m dZ^{(i)}, \qquad
        dA_{prev} = W^T dZ.

    ``dW`` and ``db`` average over the examples (gradients of the mean cost); ``dA_prev`` keeps one
    column per example, like ``dZ``.
    """
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    ### BEGIN SOLUTION
    ### HINT: dW and db are means over the m examples; keepdims=True keeps db of shape (n_l, 1)
    dW = np.dot(dZ, A_prev.T) / m                        # (n_l, n_{l-1})
    db = np.sum(dZ, axis=1, keepdims=True) / m           # (n_l, 1)
    dA_prev = np.dot(W.T, dZ)                            # (n_{l-1}, m)
    ### END SOLUTION
    return dA_prev, dW, db


BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}  # (given)


def linear_activation_backward(dA, cache, activation):
    r"""One layer backwards: through the activation, then through the linear part.

    Parameters
    ----------
    dA : ndarray of shape (n_l, m), the gradient with respect to this layer's output A
    cache : tuple ``((A_prev, W, b), Z)`` from ``linear_activation_forward``
    activation : {"sigmoid", "relu", "tanh"}, the activation of the forward step

    Returns
    -------
    dA_prev : ndarray of shape (n_{l-1}, m)
    dW : ndarray of shape (n_l, n_{l-1})
    db : ndarray of shape (n_l, 1)

    Notes
    -----
    :math:`dZ = dA * g'(Z)` (``sigmoid_backward``, ``relu_backward`` or ``tanh_backward``; the
    dict ``BACKWARD`` maps each name to its function), then ``linear_backward(dZ, linear_cache)``.
    """
    check_activation(activation)
    linear_cache, activation_cache = cache
    ### BEGIN SOLUTION
    ### HINT: first the activation's own backward step (BACKWARD[activation] picks it) gives dZ, then linear_backward
    dZ = BACKWARD[activation](dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    ### END SOLUTION
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches, hidden_activation="relu"):
    r"""The whole network backwards: the gradients of the cost with respect to every parameter.

    Parameters
    ----------
    AL : ndarray of shape (1, m), the output of ``L_model_forward``
    Y : ndarray of shape (1, m), labels 0.0 / 1.0
    caches : list of L caches from ``L_model_forward``
    hidden_activation : {"relu", "tanh"}, default "relu"
        The activation the forward pass used in layers 1..L-1.

    Returns
    -------
    grads : dict
        ``"dA{l}"`` for l = 0..L-1: ndarray of shape (n_l, m), the gradient of the summed loss
        with respect to :math:`A^{[l]}` (``"dA0"`` is with respect to ``X``);
        ``"dW{l}"`` (n_l, n_{l-1}) and ``"db{l}"`` (n_l, 1) for l = 1..L, the gradients of the
        cost :math:`J`.

    Notes
    -----
    The backward pass starts from the derivative of the loss with respect to the output,

    .. math::

        dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\right)
        \quad \text{(elementwise)},

    exactly, for any ``AL`` (also outside (0, 1), as in a test with random numbers); only where
    ``AL`` is exactly 0.0 or 1.0 (a saturated sigmoid) does the given line move it by
    :math:`\varepsilon` (``EPS``), so that nothing is divided by 0. The pass then goes back through
    layer L with "sigmoid", then through layers L-1, ..., 1 with ``hidden_activation``: layer l's
    backward step gives ``dA{l-1}``, ``dW{l}``, ``db{l}``.
    (Through the sigmoid, :math:`dZ^{[L]}` simplifies to :math:`A^{[L]} - Y`, as in week 3.)
    """
    grads = {}
    L = len(caches)  # number of layers
    Y = Y.reshape(AL.shape)
    # A saturated sigmoid gives AL exactly 0.0 or 1.0, where dAL would divide by zero: only those entries
    # move by EPS, so that dAL is the formula's exact value everywhere else.
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    ### BEGIN SOLUTION
    ### HINT: dAL from the formula above; the output layer's backward step uses "sigmoid" and the last cache,
    ### HINT: then go down through the hidden layers with hidden_activation, each with its own cache
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    ### END SOLUTION
    return grads


def update_parameters(params, grads, learning_rate):
    r"""One step of gradient descent on every layer: :math:`W^{[l]} \leftarrow W^{[l]} - \alpha\,
    dW^{[l]}`, :math:`b^{[l]} \leftarrow b^{[l]} - \alpha\, db^{[l]}`. The inputs are not modified.

    Parameters
    ----------
    params : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) for l = 1..L.
    grads : dict
        ``"dW{l}"`` and ``"db{l}"`` (the shapes of ``W{l}`` and ``b{l}``), plus ``"dA{l}"``
        entries that are not used here.
    learning_rate : float

    Returns
    -------
    params : dict
        A new dict with the same keys and shapes, holding the updated arrays.
    """
    L = len(params) // 2  # number of layers
    new = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        ### HINT: new arrays in the new dict: W{l} steps against dW{l}, scaled by learning_rate; the same for b{l}
        new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
        ### END SOLUTION
    return new


# --------------------------------------------------------------------------------------- model
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                  rng=1):
    r"""Train an L-layer network :math:`[\text{LINEAR} \to \text{RELU}] \times (L-1) \to
    \text{LINEAR} \to \text{SIGMOID}` by (full-batch) gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m), labels 0.0 / 1.0
    layers_dims : list of int
        ``[n_x, n_1, ..., n_{L-1}, 1]``.
    learning_rate : float, default 0.0075
    num_iterations : int, default 3000
    print_cost : bool, default False
        Print the cost every 100 iterations.
    rng : None, int or numpy.random.Generator, default 1
        Passed to ``initialize_parameters_deep``.

    Returns
    -------
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) for l = 1..L, after the last step.
    costs : list of float
        The cost at iterations 0, 100, 200, ... (before that iteration's step).
    """
    costs = []
    ### BEGIN SOLUTION
    ### HINT: initialize_parameters_deep with rng, once, before the loop
    parameters = initialize_parameters_deep(layers_dims, rng)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        ### HINT: forward, cost, backward, update: four calls
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return parameters, costs


def predict(parameters, X, hidden_activation="relu"):
    """Predict the class of every example: 1.0 where the output probability is > 0.5, else 0.0.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) for l = 1..L.
    X : ndarray of shape (n_x, m)
    hidden_activation : {"relu", "tanh"}, default "relu"
        The activation the network was trained with.

    Returns
    -------
    predictions : ndarray of shape (1, m)
        0.0 / 1.0, float64.
    """
    ### BEGIN SOLUTION
    ### HINT: L_model_forward gives AL; compare it with 0.5 and turn the booleans into 0.0 / 1.0 (.astype)
    AL, _ = L_model_forward(X, parameters, hidden_activation)
    predictions = (AL > 0.5).astype(np.float64)
    ### END SOLUTION
    return predictions


def accuracy(Y_prediction, Y):
    """Percentage in [0, 100] (a float) of labels ``Y`` of shape (1, m) that ``Y_prediction``,
    of shape (1, m), gets right (given)."""
    return float(100.0 * np.mean(Y_prediction == Y))
