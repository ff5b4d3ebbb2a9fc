"""Tests of week4/deep_nn.py: an L-layer network built from forward and backward steps.

Same layout as the earlier weeks' suites (see tests/week1/test_numpy_basics.py). Every backward
function is checked against central differences of the submission's **own** forward function, on
small shapes drawn at test time, so matching fixed numbers cannot pass it:

- ``sigmoid_backward`` / ``relu_backward`` / ``tanh_backward`` against the (given) activations;
- ``linear_backward`` against ``linear_forward`` and ``linear_activation_backward`` against
  ``linear_activation_forward``, both through ``numgrad.projected(dZ or dA)``; since the course's
  ``dW`` and ``db`` average over the m examples while ``dA_prev`` does not, ``dW`` and ``db`` are
  compared with ``1/m`` times the numerical gradient;
- ``L_model_backward`` against ``compute_cost(L_model_forward(X, parameters)[0], Y)`` with respect
  to every ``W`` and ``b`` (and ``m`` times it with respect to ``X`` for ``dA0``).

For ReLU the inputs are drawn so that no pre-activation lies within 0.02 of the kink, where a
central difference would straddle it. ``forward`` below is this file's own numpy forward pass: it
builds inputs (caches) and checks properties, never expected values, which come from the
reference solution through ``fixtures/deep_nn.zip``.
"""
import math

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient, numerical_gradients, projected

dnn = sandbox.load("week4.deep_nn")
cases = Cases(__file__)

SEEDS = [0, 1]
ACTIVATIONS = ["sigmoid", "relu", "tanh"]
HIDDEN = ["relu", "tanh"]
KINK_MARGIN = 0.02
# Each returned value is scored on its own (a test runs once per value), in the order the function computes them.
LAYER_GRADS = ("dA_prev", "dW", "db")  # of linear_backward and linear_activation_backward
ACTIVATION_FORWARD_VALUES = {"cache": (1,), "A": (0,)}  # linear_activation_forward -> (A, ((A_prev, W, b), Z))
MODEL_FORWARD_VALUES = {"caches": (1,), "AL": (0,)}  # L_model_forward -> (AL, caches)
MODEL_VALUES = {"parameters": (0,), "costs": (1,)}  # L_layer_model -> (parameters, costs)


# ---------------------------------------------------------------------------------- helpers
def sigmoid(z):
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


ACT = {"sigmoid": sigmoid, "relu": lambda z: np.maximum(z, 0), "tanh": np.tanh}


def param_keys(L):
    return tuple(k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}"))


def grad_keys(L):
    return tuple(f"dA{l}" for l in range(L)) + tuple("d" + k for k in param_keys(L))


def backprop_order(L):
    """The gradients of ``L_model_backward`` in the order backpropagation computes them, layer L first: each is
    scored on its own, and the first that fails is where an error enters."""
    return [key for l in range(L, 0, -1) for key in (f"db{l}", f"dW{l}", f"dA{l - 1}")]


def random_parameters(rng, layer_dims):
    """Weights of the scale of ``initialize_parameters_deep`` (times 1.5) and non-zero biases."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = 1.5 * rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = 0.5 * rng.standard_normal((layer_dims[l], 1))
    return parameters


def forward(X, parameters, hidden_activation="relu"):
    """This file's forward pass: ``AL`` and the list of caches ``((A_prev, W, b), Z)``."""
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = ACT["sigmoid" if l == L else hidden_activation](Z)
    return A, caches


def labels(rng, m):
    """Random 0.0 / 1.0 labels of shape (1, m), with both classes when m > 1."""
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    if m > 1:
        Y[0, 0], Y[0, -1] = 0.0, 1.0
    return Y


def well_placed(Z):
    """No entry of ``Z`` near ReLU's kink, and some on each side of it (so that ReLU matters)."""
    return np.abs(Z).min() > KINK_MARGIN and (Z > 0).any() and (Z < 0).any()


def network_problem(seed, layer_dims, m, hidden_activation="relu", output_limit=None):
    """``parameters, X, Y`` with no hidden pre-activation near ReLU's kink, and some below it.

    With ``output_limit``, also every output pre-activation within it: then ``AL`` stays away from 0
    and 1, where ``1 - AL`` loses digits, and central differences of the cost with them.
    """
    rng = np.random.default_rng(seed)
    for attempt in range(1000):
        if attempt % 50 == 0:
            parameters = random_parameters(rng, layer_dims)
        X = rng.standard_normal((layer_dims[0], m))
        _, caches = forward(X, parameters, hidden_activation)
        hidden = [z for _, z in caches[:-1]]
        if output_limit is not None and np.abs(caches[-1][1]).max() > output_limit:
            continue
        if hidden_activation != "relu" or (all(np.abs(z).min() > KINK_MARGIN for z in hidden)
                                           and (not hidden or any((z < 0).any() for z in hidden))):
            return parameters, X, labels(rng, m)
    raise RuntimeError(f"no well-placed inputs for layer_dims {layer_dims}, m={m}, seed {seed}: change the test")


def away_from_zero(rng, shape):
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 2.0, size=shape)


def layer_problem(seed, n_prev, n, m, activation="relu"):
    """``A_prev, W, b`` with ``Z = W A_prev + b`` well placed for ReLU, and a random ``dA``."""
    rng = np.random.default_rng(seed)
    W, b = rng.standard_normal((n, n_prev)), 0.5 * rng.standard_normal((n, 1))
    for _ in range(1000):
        A_prev = rng.standard_normal((n_prev, m))
        if activation != "relu" or n * m == 1 or well_placed(W @ A_prev + b):
            return A_prev, W, b, rng.standard_normal((n, m))
    raise RuntimeError(f"no well-placed inputs for shapes {(n_prev, n, m)}, seed {seed}: change the test")


def first(result, name):
    """The first item of a function's ``(value, cache)`` result."""
    return checks.unpack(result, 2, name)[0]


def assert_layer_grad_close(actual, expected, value, name):
    """One of ``(dA_prev, dW, db)`` of a backward step (``value``, scored on its own) against the expected triple."""
    actual = checks.unpack(actual, 3, f"{name} -> (dA_prev, dW, db)")
    index = LAYER_GRADS.index(value)
    checks.assert_close(actual[index], expected[index], f"{name}: {value}")


def activation_gradient(activation, Z, dA):
    """Central differences of ``sum(dA * g(Z))`` with the submission's own (given) activation."""
    total = projected(dA)
    return numerical_gradient(lambda z: total(first(getattr(dnn, activation)(z), f"{activation}(Z)")), Z)


# ------------------------------------------------------------------- activation backward steps
@cases.define("sigmoid_backward")
def _(rng):
    Z = rng.standard_normal((3, 4))
    return {"3x4": {"dA": rng.standard_normal((3, 4)), "Z": 2 * Z},
            "large": {"dA": np.ones((1, 4)), "Z": np.array([[-800.0, -20.0, 20.0, 800.0]])}}


@cases.define("relu_backward")
def _(rng):
    return {"3x4": {"dA": rng.standard_normal((3, 4)), "Z": rng.standard_normal((3, 4))},
            "at_zero": {"dA": np.array([[1.0, 2.0, 3.0, 4.0]]), "Z": np.array([[-1.0, 0.0, -0.0, 1e-9]])}}


@cases.define("tanh_backward")
def _(rng):
    return {"3x4": {"dA": rng.standard_normal((3, 4)), "Z": 2 * rng.standard_normal((3, 4))},
            "large": {"dA": np.ones((1, 3)), "Z": np.array([[-800.0, 0.0, 800.0]])}}


@pytest.mark.exercise("sigmoid_backward", points=0.1)
@pytest.mark.parametrize("shape", [(1, 4), (3, 2)], ids=str)
def test_sigmoid_backward_shape(shape):
    rng = np.random.default_rng(0)
    dZ = dnn.sigmoid_backward(rng.standard_normal(shape), rng.standard_normal(shape))
    checks.assert_shape(dZ, shape, f"sigmoid_backward(dA, Z) for dA and Z of shape {shape}")


@pytest.mark.exercise("sigmoid_backward", points=0.1)
@cases.parametrize("sigmoid_backward")
def test_sigmoid_backward_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "sigmoid_backward(dA, Z)")


@pytest.mark.exercise("sigmoid_backward", points=0.2)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_backward_gradient(seed):
    rng = np.random.default_rng(seed)
    Z, dA = 2 * rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    dZ = dnn.sigmoid_backward(dA, Z)
    checks.assert_gradient(dZ, activation_gradient("sigmoid", Z, dA),
                           "sigmoid_backward(dA, Z) vs central differences of sum(dA * sigmoid(Z)[0])")


@pytest.mark.exercise("sigmoid_backward", points=0.1)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_backward_at_zero_is_a_quarter(seed):
    dA = np.random.default_rng(seed).standard_normal((2, 3))
    checks.assert_close(dnn.sigmoid_backward(dA, np.zeros((2, 3))), dA / 4,
                        "sigmoid_backward(dA, 0) (sigmoid'(0) = 1/4, so dZ = dA / 4)")


@pytest.mark.exercise("relu_backward", points=0.1)
@pytest.mark.parametrize("shape", [(1, 4), (3, 2)], ids=str)
def test_relu_backward_shape(shape):
    rng = np.random.default_rng(0)
    dZ = dnn.relu_backward(rng.standard_normal(shape), rng.standard_normal(shape))
    checks.assert_shape(dZ, shape, f"relu_backward(dA, Z) for dA and Z of shape {shape}")


@pytest.mark.exercise("relu_backward", points=0.1)
@cases.parametrize("relu_backward")
def test_relu_backward_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "relu_backward(dA, Z) (dA where Z > 0, else 0)")


@pytest.mark.exercise("relu_backward", points=0.1)
@pytest.mark.parametrize("seed", SEEDS)
def test_relu_backward_gradient(seed):
    rng = np.random.default_rng(seed)
    Z, dA = away_from_zero(rng, (2, 3)), rng.standard_normal((2, 3))
    dZ = dnn.relu_backward(dA, Z)
    checks.assert_gradient(dZ, activation_gradient("relu", Z, dA),
                           "relu_backward(dA, Z) vs central differences of sum(dA * relu(Z)[0])")


@pytest.mark.exercise("relu_backward", points=0.1)
@pytest.mark.parametrize("seed", SEEDS)
def test_relu_backward_blocks_negative_inputs(seed):
    rng = np.random.default_rng(seed)
    Z, dA = rng.standard_normal((3, 5)), rng.standard_normal((3, 5))
    checks.assert_close(dnn.relu_backward(dA, Z), np.where(Z > 0, dA, 0.0),
                        "relu_backward(dA, Z) vs dA where Z > 0 and 0 where Z <= 0")


@pytest.mark.exercise("relu_backward", points=0.1)
def test_relu_backward_does_not_modify_its_inputs():
    cases.case("relu_backward", "3x4").assert_pure(dnn, "relu_backward(dA, Z)")


@pytest.mark.exercise("tanh_backward", points=0.1)
@pytest.mark.parametrize("shape", [(1, 4), (3, 2)], ids=str)
def test_tanh_backward_shape(shape):
    rng = np.random.default_rng(0)
    dZ = dnn.tanh_backward(rng.standard_normal(shape), rng.standard_normal(shape))
    checks.assert_shape(dZ, shape, f"tanh_backward(dA, Z) for dA and Z of shape {shape}")


@pytest.mark.exercise("tanh_backward", points=0.1)
@cases.parametrize("tanh_backward")
def test_tanh_backward_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "tanh_backward(dA, Z)")


@pytest.mark.exercise("tanh_backward", points=0.2)
@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_backward_gradient(seed):
    rng = np.random.default_rng(seed)
    Z, dA = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    dZ = dnn.tanh_backward(dA, Z)
    checks.assert_gradient(dZ, activation_gradient("tanh", Z, dA),
                           "tanh_backward(dA, Z) vs central differences of sum(dA * tanh(Z)[0])")


@pytest.mark.exercise("tanh_backward", points=0.1)
@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_backward_at_zero_passes_dA_through(seed):
    dA = np.random.default_rng(seed).standard_normal((2, 3))
    checks.assert_close(dnn.tanh_backward(dA, np.zeros((2, 3))), dA, "tanh_backward(dA, 0) (tanh'(0) = 1, so dZ = dA)")


# --------------------------------------------------------------- initialize_parameters_deep
@cases.define("initialize_parameters_deep")
def _(rng):
    return {"5_4_3": {"layer_dims": [5, 4, 3], "rng": 3}, "4_layers": {"layer_dims": [3, 5, 4, 2, 1], "rng": 0},
            "1_layer": {"layer_dims": [2, 1], "rng": 7}}


@pytest.mark.exercise("initialize_parameters_deep", points=0.25)
@pytest.mark.parametrize("value", ["W", "b"], ids=["weights", "biases"])  # the layers are drawn: two values
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_deep_shapes(seed, value):
    rng = np.random.default_rng(seed)
    layer_dims = [int(n) for n in rng.integers(1, 7, int(rng.integers(2, 6)))]
    L = len(layer_dims) - 1
    name = f"initialize_parameters_deep({layer_dims}, rng={seed})"
    parameters = dnn.initialize_parameters_deep(layer_dims, rng=seed)
    checks.assert_keys(parameters, param_keys(L), name)
    for l in range(1, L + 1):
        if value == "W":
            checks.assert_shape(parameters[f"W{l}"], (layer_dims[l], layer_dims[l - 1]), f"{name}['W{l}']")
            checks.assert_dtype(parameters[f"W{l}"], f"{name}['W{l}']")
        else:
            checks.assert_shape(parameters[f"b{l}"], (layer_dims[l], 1), f"{name}['b{l}']")
            checks.assert_equal_arrays(parameters[f"b{l}"], np.zeros((layer_dims[l], 1)), f"{name}['b{l}'] (zeros)")


@pytest.mark.exercise("initialize_parameters_deep", points=0.25)
@cases.each_value("initialize_parameters_deep", lambda case: list(case.expected))
def test_initialize_parameters_deep_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, (value,),
                       "initialize_parameters_deep(layer_dims, rng) (W1, W2, ... drawn in order, each "
                       "rng.standard_normal((n_l, n_{l-1})) / np.sqrt(n_{l-1}))")


@pytest.mark.exercise("initialize_parameters_deep", points=0.25)
@pytest.mark.parametrize("value", ["W1", "W2"])
def test_initialize_parameters_deep_scale(value):
    l = int(value[1:])
    layer_dims = [400, 100, 50]
    name = f"initialize_parameters_deep({layer_dims}, rng=5)"
    parameters = dnn.initialize_parameters_deep(layer_dims, rng=5)
    checks.assert_keys(parameters, param_keys(2), name)
    W = parameters[f"W{l}"]
    checks.assert_shape(W, (layer_dims[l], layer_dims[l - 1]), f"{name}['W{l}']")
    expected = 1 / math.sqrt(layer_dims[l - 1])
    std = float(np.std(W))
    if abs(std / expected - 1) > 0.05 or abs(float(np.mean(W))) > 0.1 * expected:
        checks.fail(f"{name}['W{l}']: the weights should have mean ~0 and standard deviation "
                    f"1/sqrt(n_{l - 1}) = 1/sqrt({layer_dims[l - 1]}) = {expected:.4g}; "
                    f"got mean {float(np.mean(W)):.3g}, standard deviation {std:.4g}")


@pytest.mark.exercise("initialize_parameters_deep", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_deep_uses_its_rng(seed):
    layer_dims = [3, 4, 1]
    name = f"initialize_parameters_deep({layer_dims}, rng={seed})"
    parameters = dnn.initialize_parameters_deep(layer_dims, rng=seed)
    checks.assert_keys(parameters, param_keys(2), name)
    checks.assert_close(dnn.initialize_parameters_deep(layer_dims, rng=seed), parameters,
                        f"{name} called twice (the same seed must give the same weights)", rtol=0, atol=0)
    other = dnn.initialize_parameters_deep(layer_dims, rng=seed + 10)
    checks.assert_keys(other, param_keys(2), f"initialize_parameters_deep({layer_dims}, rng={seed + 10})")
    if np.array_equal(other["W1"], parameters["W1"]):
        checks.fail(f"{name}: rng={seed + 10} gave the same W1; draw from np.random.default_rng(rng)")


# ------------------------------------------------------------------------------ linear_forward
@cases.define("linear_forward")
def _(rng):
    return {"3x2_from_4": {"A": rng.standard_normal((4, 2)), "W": rng.standard_normal((3, 4)),
                           "b": rng.standard_normal((3, 1))},
            "one_example": {"A": rng.standard_normal((2, 1)), "W": rng.standard_normal((1, 2)),
                            "b": rng.standard_normal((1, 1))}}


@pytest.mark.exercise("linear_forward", points=0.25)
@pytest.mark.parametrize("n_prev, n, m", [(4, 3, 2), (1, 2, 5), (3, 1, 1)])
def test_linear_forward_shapes(n_prev, n, m):
    A, W, b, _ = layer_problem(0, n_prev, n, m)
    name = f"linear_forward(A, W, b) for A {A.shape}, W {W.shape}, b {b.shape}"
    Z, linear_cache = checks.unpack(dnn.linear_forward(A, W, b), 2, name)
    checks.assert_shape(Z, (n, m), f"{name}: Z")
    checks.unpack(linear_cache, 3, f"{name}: linear_cache (A, W, b)")


@pytest.mark.exercise("linear_forward", points=0.25)
@cases.parametrize("linear_forward")
def test_linear_forward_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "linear_forward(A, W, b) -> (Z, linear_cache)")


@pytest.mark.exercise("linear_forward", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_linear_forward_computes_WA_plus_b(seed):
    A, W, b, _ = layer_problem(seed, 3, 4, 5)
    name = "linear_forward(A, W, b)"
    Z, linear_cache = checks.unpack(dnn.linear_forward(A, W, b), 2, name)
    checks.assert_close(Z, W @ A + b, f"{name}: Z vs W @ A + b")
    checks.assert_close(checks.unpack(linear_cache, 3, f"{name}: linear_cache"), (A, W, b),
                        f"{name}: linear_cache (should hold the inputs A, W, b)", rtol=0, atol=0)


# ------------------------------------------------------------------- linear_activation_forward
@cases.define("linear_activation_forward")
def _(rng):
    A_prev, W, b = rng.standard_normal((3, 4)), rng.standard_normal((2, 3)), rng.standard_normal((2, 1))
    return {a: {"A_prev": A_prev, "W": W, "b": b, "activation": a} for a in ACTIVATIONS}


@pytest.mark.exercise("linear_activation_forward", points=0.5)
@pytest.mark.parametrize("value", ACTIVATION_FORWARD_VALUES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_forward_shapes(activation, value):
    A_prev, W, b, _ = layer_problem(0, 3, 2, 4, activation)
    name = f"linear_activation_forward(A_prev, W, b, {activation!r})"
    A, cache = checks.unpack(dnn.linear_activation_forward(A_prev, W, b, activation), 2, name)
    if value == "A":
        checks.assert_shape(A, (2, 4), f"{name}: A")
        return
    linear_cache, Z = checks.unpack(cache, 2, f"{name}: cache (linear_cache, activation_cache)")
    checks.unpack(linear_cache, 3, f"{name}: cache[0], the linear cache (A_prev, W, b)")
    checks.assert_shape(Z, (2, 4), f"{name}: cache[1], the activation cache Z")


@pytest.mark.exercise("linear_activation_forward", points=0.5)
@pytest.mark.parametrize("value", ACTIVATION_FORWARD_VALUES)
@cases.parametrize("linear_activation_forward")
def test_linear_activation_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, ACTIVATION_FORWARD_VALUES[value],
                       f"linear_activation_forward(A_prev, W, b, {case.id!r}) -> (A, cache)")


@pytest.mark.exercise("linear_activation_forward", points=1)
@pytest.mark.parametrize("value", ACTIVATION_FORWARD_VALUES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("seed", SEEDS)
def test_linear_activation_forward_applies_the_activation(activation, seed, value):
    A_prev, W, b, _ = layer_problem(seed, 4, 3, 5, activation)
    name = f"linear_activation_forward(A_prev, W, b, {activation!r})"
    A, cache = checks.unpack(dnn.linear_activation_forward(A_prev, W, b, activation), 2, name)
    if value == "A":
        checks.assert_close(A, ACT[activation](W @ A_prev + b), f"{name}: A vs {activation}(W @ A_prev + b)")
        return
    linear_cache, Z = checks.unpack(cache, 2, f"{name}: cache")
    checks.assert_close(Z, W @ A_prev + b, f"{name}: the activation cache Z vs W @ A_prev + b")
    checks.assert_close(checks.unpack(linear_cache, 3, f"{name}: cache[0]"), (A_prev, W, b),
                        f"{name}: the linear cache (should hold A_prev, W, b)", rtol=0, atol=0)


# ----------------------------------------------------------------------------- L_model_forward
@cases.define("L_model_forward")
def _(rng):
    out = {}
    for name, dims, m, hidden in (("3_layers", [4, 3, 2, 1], 5, None), ("1_layer", [3, 1], 2, None),
                                  ("tanh", [2, 3, 1], 4, "tanh")):
        inputs = {"X": rng.standard_normal((dims[0], m)), "parameters": random_parameters(rng, dims)}
        out[name] = inputs if hidden is None else {**inputs, "hidden_activation": hidden}
    return out


@pytest.mark.exercise("L_model_forward", points=0.5)
@pytest.mark.parametrize("value", MODEL_FORWARD_VALUES)
@pytest.mark.parametrize("layer_dims, m", [([4, 3, 2, 1], 5), ([3, 1], 2), ([2, 5, 1], 1)], ids=str)
def test_L_model_forward_shapes(layer_dims, m, value):
    parameters, X, _ = network_problem(0, layer_dims, m)
    name = f"L_model_forward(X, parameters) with layer_dims {layer_dims} and m={m}"
    AL, caches = checks.unpack(dnn.L_model_forward(X, parameters), 2, name)
    if value == "AL":
        checks.assert_shape(AL, (1, m), f"{name}: AL")
        return
    L = len(layer_dims) - 1
    if not isinstance(caches, list) or len(caches) != L:
        checks.fail(f"{name}: caches should be a list of {L} layer caches (one per layer), got "
                    f"{type(caches).__name__} of length {len(caches) if isinstance(caches, (list, tuple)) else '?'}")
    for l, cache in enumerate(caches, start=1):
        linear_cache, Z = checks.unpack(cache, 2, f"{name}: caches[{l - 1}] (layer {l})")
        checks.unpack(linear_cache, 3, f"{name}: caches[{l - 1}][0], the linear cache of layer {l}")
        checks.assert_shape(Z, (layer_dims[l], m), f"{name}: caches[{l - 1}][1], Z of layer {l}")


@pytest.mark.exercise("L_model_forward", points=0.5)
@pytest.mark.parametrize("value", MODEL_FORWARD_VALUES)
@cases.parametrize("L_model_forward")
def test_L_model_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, MODEL_FORWARD_VALUES[value],
                       "L_model_forward(X, parameters, ...) -> (AL, caches)")


@pytest.mark.exercise("L_model_forward", points=0.75)
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_forward_output(hidden, seed):
    parameters, X, _ = network_problem(seed, [3, 4, 3, 1], 6, hidden)
    name = f"L_model_forward(X, parameters, hidden_activation={hidden!r}) with layer_dims [3, 4, 3, 1]"
    AL, _ = checks.unpack(dnn.L_model_forward(X, parameters, hidden_activation=hidden), 2, name)
    expected, _ = forward(X, parameters, hidden)
    checks.assert_close(AL, expected, f"{name}: AL vs [LINEAR -> {hidden.upper()}] x 2 -> LINEAR -> SIGMOID")


@pytest.mark.exercise("L_model_forward", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_forward_caches_chain_the_layers(seed):
    parameters, X, _ = network_problem(seed, [2, 3, 2, 1], 4)
    name = "L_model_forward(X, parameters) with layer_dims [2, 3, 2, 1]"
    _, caches = checks.unpack(dnn.L_model_forward(X, parameters), 2, name)
    _, expected = forward(X, parameters)
    checks.unpack(caches, 3, f"{name}: caches")
    checks.assert_close(list(caches), expected, f"{name}: caches (layer l's A_prev is relu of layer l-1's Z; "
                                                "the first is X)")


# -------------------------------------------------------------------------------- compute_cost
@cases.define("compute_cost")
def _(rng):
    def problem_(m):
        return {"AL": rng.uniform(0.05, 0.95, (1, m)), "Y": labels(rng, m)}
    return {"m=5": problem_(5), "m=1": problem_(1),
            "extremes": {"AL": np.array([[0.0, 1.0, 1e-15, 1 - 1e-15, 0.5]]),
                         "Y": np.array([[0.0, 1.0, 0.0, 1.0, 1.0]])}}


@pytest.mark.exercise("compute_cost", points=0.2)
@pytest.mark.parametrize("m", [1, 6])
def test_compute_cost_returns_a_float(m):
    rng = np.random.default_rng(m)
    AL, Y = rng.uniform(0.1, 0.9, (1, m)), labels(rng, m)
    checks.assert_float(dnn.compute_cost(AL, Y), f"compute_cost(AL, Y) for m={m} (use float(...))")


@pytest.mark.exercise("compute_cost", points=0.2)
@cases.parametrize("compute_cost")
def test_compute_cost_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "compute_cost(AL, Y)")


@pytest.mark.exercise("compute_cost", points=0.2)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_is_the_mean_cross_entropy(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(2, 9))
    AL, Y = rng.uniform(0.02, 0.98, (1, m)), labels(rng, m)
    expected = float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
    checks.assert_close(dnn.compute_cost(AL, Y), expected,
                        f"compute_cost(AL, Y) vs -mean(Y log AL + (1 - Y) log(1 - AL)), m={m}")
    checks.assert_close(dnn.compute_cost(np.full((1, m), 0.5), Y), math.log(2),
                        "compute_cost(AL, Y) with every AL = 0.5 (should be log 2)")


@pytest.mark.exercise("compute_cost", points=0.2)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_when_AL_is_close_to_0_or_1(seed):
    rng = np.random.default_rng(seed)
    Y = np.array([[0.0, 1.0, 0.0, 1.0, 1.0, 0.0]])
    name = "compute_cost(AL, Y) with AL exactly 0.0 or 1.0 on the right labels"
    cost = dnn.compute_cost(Y.copy(), Y)
    checks.assert_float(cost, f"{name} (clip AL away from 0 and 1 inside the logs)")
    checks.assert_close(cost, 0.0, name, atol=1e-6)
    near = np.where(Y == 1, 1 - rng.uniform(1e-9, 1e-6, Y.shape), rng.uniform(1e-9, 1e-6, Y.shape))
    expected = float(-np.mean(np.log(np.where(Y == 1, near, 1 - near))))
    checks.assert_close(dnn.compute_cost(near, Y), expected,
                        "compute_cost(AL, Y) with AL within 1e-6 of the right labels", rtol=1e-6, atol=1e-12)
    name = "compute_cost(AL, Y) with AL exactly 0.0 or 1.0 on the wrong labels"
    cost = dnn.compute_cost(1 - Y, Y)
    checks.assert_float(cost, f"{name} (clip AL away from 0 and 1 inside the logs)")
    if cost < 10:
        checks.fail(f"{name}: expected a large cost (about -log(1e-12) = 27.6 with the clipping of the docstring), "
                    f"got {cost:.6g}")


@pytest.mark.exercise("compute_cost", points=0.2)
def test_compute_cost_does_not_modify_its_inputs():
    cases.case("compute_cost", "extremes").assert_pure(dnn, "compute_cost(AL, Y)")


# ----------------------------------------------------------------------------- linear_backward
@cases.define("linear_backward")
def _(rng):
    return {"3x4_from_5": {"dZ": rng.standard_normal((3, 4)),
                           "linear_cache": (rng.standard_normal((5, 4)), rng.standard_normal((3, 5)),
                                            rng.standard_normal((3, 1)))},
            "one_example": {"dZ": rng.standard_normal((2, 1)),
                            "linear_cache": (rng.standard_normal((3, 1)), rng.standard_normal((2, 3)),
                                             rng.standard_normal((2, 1)))}}


@pytest.mark.exercise("linear_backward", points=0.5)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("n_prev, n, m", [(4, 3, 2), (1, 2, 5), (3, 1, 1)])
def test_linear_backward_shapes(n_prev, n, m, value):
    A_prev, W, b, dZ = layer_problem(0, n_prev, n, m)
    name = f"linear_backward(dZ, (A_prev, W, b)) for A_prev {A_prev.shape}, W {W.shape}, b {b.shape}"
    grads = checks.unpack(dnn.linear_backward(dZ, (A_prev, W, b)), 3, name)
    like = {"dA_prev": ("A_prev", A_prev), "dW": ("W", W), "db": ("b", b)}[value]
    checks.assert_shape(grads[LAYER_GRADS.index(value)], like[1].shape, f"{name}: {value} (the shape of {like[0]})")


@pytest.mark.exercise("linear_backward", points=0.5)
@pytest.mark.parametrize("value", LAYER_GRADS)
@cases.parametrize("linear_backward")
def test_linear_backward_matches_reference(case, value):
    assert_layer_grad_close(case.run(dnn), case.expected, value, "linear_backward(dZ, linear_cache)")


@pytest.mark.exercise("linear_backward", points=0.75)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("seed, n_prev, n, m", [(0, 3, 2, 4), (1, 2, 3, 1), (2, 4, 1, 3)])
def test_linear_backward_gradient(seed, n_prev, n, m, value):
    A_prev, W, b, dZ = layer_problem(seed, n_prev, n, m)
    name = f"linear_backward(dZ, (A_prev, W, b)) for A_prev {A_prev.shape}, W {W.shape}"
    grads = checks.unpack(dnn.linear_backward(dZ, (A_prev, W, b)), 3, name)
    total = projected(dZ)
    inputs = {"A_prev": A_prev, "W": W, "b": b}

    def f(**changed):
        point = {**inputs, **changed}
        return total(first(dnn.linear_forward(point["A_prev"], point["W"], point["b"]), "linear_forward(A_prev, W, b)"))

    of = "central differences of sum(dZ * linear_forward(A_prev, W, b)[0])"
    key = value[1:]
    numeric = numerical_gradients(f, {key: inputs[key]})[key]
    if value == "dA_prev":
        checks.assert_gradient(grads[0], numeric, f"{name}: dA_prev vs {of} w.r.t. A_prev")
    else:
        checks.assert_gradient(grads[LAYER_GRADS.index(value)], numeric / m, f"{name}: {value} vs 1/m times {of} "
                                                                             f"w.r.t. {key}")


@pytest.mark.exercise("linear_backward", points=0.25)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("seed", SEEDS)
def test_linear_backward_averages_over_the_examples(seed, value):
    # Repeating every example twice changes neither dW nor db (means) but doubles dA_prev's columns.
    A_prev, W, b, dZ = layer_problem(seed, 3, 2, 3)
    name = "linear_backward(dZ, (A_prev, W, b))"
    once = checks.unpack(dnn.linear_backward(dZ, (A_prev, W, b)), 3, name)
    twice = checks.unpack(dnn.linear_backward(np.hstack([dZ, dZ]), (np.hstack([A_prev, A_prev]), W, b)), 3,
                          f"{name} with every example repeated")
    if value == "dW":
        checks.assert_close(twice[1], once[1], f"{name}: dW with every example repeated (a mean over the examples: "
                                               "should not change; divide by m)")
    elif value == "db":
        checks.assert_close(twice[2], once[2], f"{name}: db with every example repeated (should not change)")
    else:
        checks.assert_close(twice[0], np.hstack([once[0], once[0]]),
                            f"{name}: dA_prev with every example repeated (one column per example, not averaged)")


# ------------------------------------------------------------------ linear_activation_backward
@cases.define("linear_activation_backward")
def _(rng):
    out = {}
    for activation in ACTIVATIONS:
        Z = np.ones(1)
        while (Z > 0).all() or (Z < 0).all():  # both signs, so that every activation's step shows
            A_prev, W, b = rng.standard_normal((3, 4)), rng.standard_normal((2, 3)), rng.standard_normal((2, 1))
            Z = W @ A_prev + b
        out[activation] = {"dA": rng.standard_normal((2, 4)), "cache": ((A_prev, W, b), Z), "activation": activation}
    return out


@pytest.mark.exercise("linear_activation_backward", points=0.25)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_shapes(activation, value):
    A_prev, W, b, dA = layer_problem(0, 4, 3, 2, activation)
    name = f"linear_activation_backward(dA, cache, {activation!r}) for A_prev {A_prev.shape}, W {W.shape}"
    grads = checks.unpack(dnn.linear_activation_backward(dA, ((A_prev, W, b), W @ A_prev + b), activation), 3, name)
    like = {"dA_prev": A_prev, "dW": W, "db": b}[value]
    checks.assert_shape(grads[LAYER_GRADS.index(value)], like.shape, f"{name}: {value}")


@pytest.mark.exercise("linear_activation_backward", points=0.5)
@pytest.mark.parametrize("value", LAYER_GRADS)
@cases.parametrize("linear_activation_backward")
def test_linear_activation_backward_matches_reference(case, value):
    assert_layer_grad_close(case.run(dnn), case.expected, value, f"linear_activation_backward(dA, cache, {case.id!r})")


@pytest.mark.exercise("linear_activation_backward", points=0.75)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("seed", SEEDS)
def test_linear_activation_backward_gradient(activation, seed, value):
    n_prev, n, m = (int(v) for v in np.random.default_rng(seed).integers(2, 5, 3))  # n * m > 1: see layer_problem
    A_prev, W, b, dA = layer_problem(seed, n_prev, n, m, activation)
    name = f"linear_activation_backward(dA, cache, {activation!r})"
    grads = checks.unpack(dnn.linear_activation_backward(dA, ((A_prev, W, b), W @ A_prev + b), activation), 3, name)
    total = projected(dA)
    forward_name = f"linear_activation_forward(A_prev, W, b, {activation!r})"
    inputs = {"A_prev": A_prev, "W": W, "b": b}

    def f(**changed):
        point = {**inputs, **changed}
        return total(first(dnn.linear_activation_forward(point["A_prev"], point["W"], point["b"], activation),
                           forward_name))

    of = f"central differences of sum(dA * {forward_name}[0])"
    key = value[1:]
    numeric = numerical_gradients(f, {key: inputs[key]})[key]
    if value == "dA_prev":
        checks.assert_gradient(grads[0], numeric, f"{name}: dA_prev vs {of} w.r.t. A_prev")
    else:
        checks.assert_gradient(grads[LAYER_GRADS.index(value)], numeric / m, f"{name}: {value} vs 1/m times {of} "
                                                                             f"w.r.t. {key}")


@pytest.mark.exercise("linear_activation_backward", points=0.5)
@pytest.mark.parametrize("value", LAYER_GRADS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_is_activation_then_linear(activation, value):
    A_prev, W, b, dA = layer_problem(3, 3, 2, 5, activation)
    Z = W @ A_prev + b
    name = f"linear_activation_backward(dA, cache, {activation!r})"
    grads = dnn.linear_activation_backward(dA, ((A_prev, W, b), Z), activation)
    dZ = {"sigmoid": dA * sigmoid(Z) * (1 - sigmoid(Z)), "relu": np.where(Z > 0, dA, 0.0),
          "tanh": dA * (1 - np.tanh(Z) ** 2)}[activation]
    expected = checks.unpack(dnn.linear_backward(dZ, (A_prev, W, b)), 3, "linear_backward(dZ, linear_cache)")
    assert_layer_grad_close(grads, expected, value, f"{name} vs your linear_backward(dZ, linear_cache) with "
                                                    f"dZ = dA * {activation}'(Z)")


# ---------------------------------------------------------------------------- L_model_backward
@cases.define("L_model_backward")
def _(rng):
    out = {}
    for name, dims, m, hidden in (("3_layers", [3, 4, 2, 1], 5, "relu"), ("1_layer", [2, 1], 3, "relu"),
                                  ("tanh", [2, 3, 1], 4, "tanh")):
        parameters = random_parameters(rng, dims)
        AL, caches = forward(rng.standard_normal((dims[0], m)), parameters, hidden)
        out[name] = {"AL": AL, "Y": labels(rng, m), "caches": caches}
        if hidden != "relu":
            out[name]["hidden_activation"] = hidden
    # A saturated output layer: AL within far less than EPS of 0 or 1, the labels disagreeing with some of it.
    parameters = random_parameters(rng, [2, 3, 1])
    parameters["W2"], parameters["b2"] = 1000 * parameters["W2"], 1000 * parameters["b2"]
    AL, caches = forward(rng.standard_normal((2, 4)), parameters)
    out["saturated"] = {"AL": AL, "Y": np.array([[0.0, 1.0, 1.0, 0.0]]), "caches": caches}
    # AL of random numbers, most outside (0, 1), as in the Deep Learning Specialization's own test: dAL
    # is the textbook formula there too (no clipping).
    _, caches = forward(rng.standard_normal((3, 4)), random_parameters(rng, [3, 2, 1]))
    out["random_AL"] = {"AL": rng.standard_normal((1, 4)), "Y": labels(rng, 4), "caches": caches}
    return out


@pytest.mark.exercise("L_model_backward", points=0.5)
@pytest.mark.parametrize("layer_dims, m, value", [(dims, m, key)
                                                  for dims, m in (([4, 3, 2, 1], 5), ([3, 1], 2), ([2, 5, 1], 1))
                                                  for key in backprop_order(len(dims) - 1)], ids=str)
def test_L_model_backward_keys_and_shapes(layer_dims, m, value):
    parameters, X, Y = network_problem(0, layer_dims, m)
    AL, caches = forward(X, parameters)
    L = len(layer_dims) - 1
    name = f"L_model_backward(AL, Y, caches) with layer_dims {layer_dims} and m={m}"
    grads = dnn.L_model_backward(AL, Y, caches)
    checks.assert_keys(grads, grad_keys(L), name)
    if value.startswith("dA"):
        l = int(value[2:])
        checks.assert_shape(grads[value], (layer_dims[l], m), f"{name}: grads[{value!r}] (the shape of A{l})")
    else:
        key = value[1:]
        checks.assert_shape(grads[value], parameters[key].shape, f"{name}: grads[{value!r}] (the shape of {key})")


@pytest.mark.exercise("L_model_backward", points=0.5)
@cases.each_value("L_model_backward", lambda case: backprop_order(len(case.expected) // 3))
def test_L_model_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, (value,), "L_model_backward(AL, Y, caches, ...)")


@pytest.mark.exercise("L_model_backward", points=1.25)
@pytest.mark.parametrize("hidden, seed, layer_dims, m, value", [
    (hidden, seed, dims, m, key)
    for hidden, seed, dims, m in (("relu", 0, [2, 3, 1], 3), ("relu", 1, [3, 2, 2, 1], 2), ("tanh", 2, [2, 3, 2, 1], 3))
    # in backpropagation's order: the first failure is where an error enters
    for key in backprop_order(len(dims) - 1) if key[1] != "A" or key == "dA0"], ids=str)
def test_L_model_backward_gradient(hidden, seed, layer_dims, m, value):
    parameters, X, Y = network_problem(seed, layer_dims, m, hidden, output_limit=2.0)  # AL in [0.12, 0.88]
    L = len(layer_dims) - 1
    forward_name = f"L_model_forward(X, parameters, hidden_activation={hidden!r})"
    AL, caches = checks.unpack(dnn.L_model_forward(X, parameters, hidden_activation=hidden), 2, forward_name)
    name = f"L_model_backward(AL, Y, caches, hidden_activation={hidden!r}) with layer_dims {layer_dims}"
    grads = dnn.L_model_backward(AL, Y, caches, hidden_activation=hidden)
    checks.assert_keys(grads, grad_keys(L), name)
    point = {"X": X, **parameters}

    def cost_of(**changed):
        p = {**point, **changed}
        X_ = p.pop("X")
        # One request: AL goes from your forward pass to your cost in the worker, with its caches left there.
        forward = sandbox.deferred(dnn.L_model_forward, X_, p, hidden_activation=hidden)
        return dnn.compute_cost(forward.item(0, of=2, name=forward_name), Y)

    of = f"central differences of your compute_cost({forward_name}[0], Y)"
    if value == "dA0":
        numeric = numerical_gradients(cost_of, {"X": X})["X"]
        checks.assert_gradient(grads["dA0"], m * numeric,
                               f"{name}: grads['dA0'] vs m times {of} w.r.t. X (dA is the gradient of the summed loss)")
    else:
        key = value[1:]
        numeric = numerical_gradients(cost_of, {key: parameters[key]})[key]
        checks.assert_gradient(grads[value], numeric, f"{name}: grads[{value!r}] vs {of} w.r.t. {key}")


@pytest.mark.exercise("L_model_backward", points=0.25)
@pytest.mark.parametrize("value", ["db3", "dW3", "dA2"])
@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_backward_output_layer(seed, value):
    # Through sigmoid and cross-entropy, dZ of the output layer is AL - Y.
    parameters, X, Y = network_problem(seed, [3, 4, 2, 1], 5)
    AL, caches = forward(X, parameters)
    name = "L_model_backward(AL, Y, caches) with layer_dims [3, 4, 2, 1]"
    grads = dnn.L_model_backward(AL, Y, caches)
    checks.assert_keys(grads, grad_keys(3), name)
    A2, m = caches[2][0][0], X.shape[1]
    if value == "dW3":
        checks.assert_close(grads["dW3"], (AL - Y) @ A2.T / m, f"{name}: grads['dW3'] vs (AL - Y) A2^T / m")
    elif value == "db3":
        checks.assert_close(grads["db3"], np.mean(AL - Y, axis=1, keepdims=True),
                            f"{name}: grads['db3'] vs mean(AL - Y)")
    else:
        checks.assert_close(grads["dA2"], parameters["W3"].T @ (AL - Y), f"{name}: grads['dA2'] vs W3^T (AL - Y)")


@pytest.mark.exercise("L_model_backward", points=0.25)
@pytest.mark.parametrize("value", backprop_order(2))
@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_backward_is_finite_when_AL_is_exactly_0_or_1(seed, value):
    parameters, X, _ = network_problem(seed, [2, 3, 1], 4)
    _, caches = forward(X, parameters)
    scale = 1000 / np.abs(caches[1][1]).min()  # then |Z2| >= 1000: AL is exactly 0.0 or 1.0
    parameters["W2"], parameters["b2"] = scale * parameters["W2"], scale * parameters["b2"]
    AL, caches = forward(X, parameters)
    Y = (AL > 0.5).astype(np.float64)  # right answers: every gradient is (about) 0
    name = "L_model_backward(AL, Y, caches) with AL exactly 0.0 or 1.0 on the right labels"
    grads = dnn.L_model_backward(AL, Y, caches)
    checks.assert_keys(grads, grad_keys(2), name)
    checks.assert_finite(np.asarray(grads[value]), f"{name}: grads[{value!r}] (keep the given line that moves "
                                                   "an AL of exactly 0 or 1 by EPS)")
    checks.assert_close(grads[value], np.zeros(np.shape(grads[value])), f"{name}: grads[{value!r}]", atol=1e-6)


@pytest.mark.exercise("L_model_backward", points=0.25)
@pytest.mark.parametrize("value", backprop_order(3))
def test_L_model_backward_does_not_modify_its_inputs(value):
    cases.case("L_model_backward", "3_layers").assert_pure(dnn, "L_model_backward(AL, Y, caches)", (value,))


# --------------------------------------------------------------------------- update_parameters
def random_grads(rng, layer_dims, m=3):
    grads = {"d" + k: v for k, v in random_parameters(rng, layer_dims).items()}
    grads.update({f"dA{l}": rng.standard_normal((layer_dims[l], m)) for l in range(len(layer_dims) - 1)})
    return grads


@cases.define("update_parameters")
def _(rng):
    dims = [3, 4, 2, 1]
    return {"3_layers": {"params": random_parameters(rng, dims), "grads": random_grads(rng, dims),
                         "learning_rate": 0.1},
            "1_layer": {"params": random_parameters(rng, [2, 1]), "grads": random_grads(rng, [2, 1]),
                        "learning_rate": 1.5}}


@pytest.mark.exercise("update_parameters", points=0.25)
@pytest.mark.parametrize("layer_dims, value", [(dims, key) for dims in ([3, 4, 2, 1], [2, 1])
                                               for key in param_keys(len(dims) - 1)], ids=str)
def test_update_parameters_shapes(layer_dims, value):
    rng = np.random.default_rng(0)
    params, grads = random_parameters(rng, layer_dims), random_grads(rng, layer_dims)
    L = len(layer_dims) - 1
    name = f"update_parameters(params, grads, 0.5) with layer_dims {layer_dims}"
    new = dnn.update_parameters(params, grads, 0.5)
    checks.assert_keys(new, param_keys(L), f"{name} (only W and b: the dA entries of grads are not parameters)")
    checks.assert_shape(new[value], params[value].shape, f"{name}[{value!r}]")


@pytest.mark.exercise("update_parameters", points=0.25)
@cases.each_value("update_parameters", lambda case: list(case.expected))
def test_update_parameters_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, (value,), "update_parameters(params, grads, learning_rate)")


@pytest.mark.exercise("update_parameters", points=0.25)
@pytest.mark.parametrize("value", param_keys(3))
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_takes_one_gradient_step(seed, value):
    rng = np.random.default_rng(seed)
    layer_dims = [int(n) for n in rng.integers(1, 5, 4)]
    params, grads = random_parameters(rng, layer_dims), random_grads(rng, layer_dims)
    rate = float(rng.uniform(0.01, 2))
    name = f"update_parameters(params, grads, {rate:.4g}) with layer_dims {layer_dims}"
    new = dnn.update_parameters(params, grads, rate)
    checks.assert_keys(new, param_keys(3), name)
    checks.assert_close(new[value], params[value] - rate * grads["d" + value],
                        f"{name}[{value!r}] vs {value} - learning_rate * d{value}")


@pytest.mark.exercise("update_parameters", points=0.25)
@pytest.mark.parametrize("value", param_keys(3))  # the first case has 3 layers
def test_update_parameters_does_not_modify_its_inputs(value):
    cases.get("update_parameters")[0].assert_pure(dnn, "update_parameters(params, grads, learning_rate)", (value,))


# ------------------------------------------------------------------------------- L_layer_model
def xor_data(rng, m):
    X = rng.uniform(-1, 1, (2, m))
    return X, (X[0:1] * X[1:2] > 0).astype(np.float64)


@cases.define("L_layer_model")
def _(rng):
    X, Y = xor_data(rng, 10)
    X3 = rng.standard_normal((3, 8))
    # As many iterations as the costs they keep need: a wrong step shows in the first ones.
    return {"2_layers": {"X": X, "Y": Y, "layers_dims": [2, 4, 1], "learning_rate": 0.5, "num_iterations": 101,
                         "rng": 0},
            "3_layers": {"X": X3, "Y": labels(rng, 8), "layers_dims": [3, 4, 3, 1], "learning_rate": 0.1,
                         "num_iterations": 60, "rng": 2},
            "defaults": {"X": X, "Y": Y, "layers_dims": [2, 3, 1], "num_iterations": 101}}  # rate 0.0075, rng=1


@pytest.mark.exercise("L_layer_model", points=0.5)
@pytest.mark.parametrize("value", MODEL_VALUES)
@pytest.mark.parametrize("num_iterations, n_costs", [(1, 1), (100, 1), (201, 3)])
def test_L_layer_model_returns_parameters_and_costs(num_iterations, n_costs, value):
    X, Y = xor_data(np.random.default_rng(0), 6)
    layers_dims = [2, 3, 2, 1]
    name = f"L_layer_model(X, Y, {layers_dims}, num_iterations={num_iterations})"
    parameters, costs = checks.unpack(dnn.L_layer_model(X, Y, layers_dims, num_iterations=num_iterations), 2, name)
    if value == "costs":
        checks.assert_costs(costs, n_costs, f"{name} costs")
        return
    checks.assert_keys(parameters, param_keys(3), f"{name} parameters")
    for l in range(1, 4):
        checks.assert_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]), f"{name} parameters['W{l}']")
        checks.assert_shape(parameters[f"b{l}"], (layers_dims[l], 1), f"{name} parameters['b{l}']")


@pytest.mark.exercise("L_layer_model", points=0.75)
@pytest.mark.parametrize("value", MODEL_VALUES)
@cases.parametrize("L_layer_model")
def test_L_layer_model_matches_reference(case, value):
    checks.assert_value_close(case.run(dnn), case.expected, MODEL_VALUES[value],
                       "L_layer_model(X, Y, layers_dims, ...) -> (parameters, costs)")


@pytest.mark.exercise("L_layer_model", points=0.75)
@pytest.mark.parametrize("value", MODEL_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_L_layer_model_composes_your_functions(seed, value):
    # Two iterations of L_layer_model are two rounds of your own forward, cost, backward and update.
    X, Y = xor_data(np.random.default_rng(seed), 5)
    layers_dims, rate = [2, 3, 2, 1], 0.3
    name = f"L_layer_model(X, Y, {layers_dims}, learning_rate={rate}, num_iterations=2, rng={seed})"
    parameters, costs = checks.unpack(dnn.L_layer_model(X, Y, layers_dims, learning_rate=rate, num_iterations=2,
                                                        rng=seed), 2, name)
    expected = dnn.initialize_parameters_deep(layers_dims, rng=seed)
    expected_costs = []
    for _ in range(2):
        AL, caches = checks.unpack(dnn.L_model_forward(X, expected), 2, "L_model_forward(X, parameters)")
        expected_costs.append(dnn.compute_cost(AL, Y))
        expected = dnn.update_parameters(expected, dnn.L_model_backward(AL, Y, caches), rate)
    of = (f"two rounds of your initialize_parameters_deep({layers_dims}, rng={seed}), L_model_forward, "
          "compute_cost, L_model_backward and update_parameters")
    if value == "parameters":
        checks.assert_close(parameters, expected, f"{name} parameters vs {of}")
    else:
        checks.assert_close(costs, expected_costs[:1], f"{name} costs vs {of} (the cost of iteration 0)")


@pytest.mark.exercise("L_layer_model", points=0.5)
@pytest.mark.parametrize("value", MODEL_VALUES)
def test_L_layer_model_learns_a_nonlinear_boundary(value):
    # Fixed data (not a grading-time draw): some random draws of 40 points need more than 400 steps.
    X, Y = xor_data(np.random.default_rng(0), 40)
    layers_dims = [2, 8, 4, 1]
    name = f"L_layer_model(X, Y, {layers_dims}, learning_rate=0.5, num_iterations=400) on 40 points labelled by " \
           "the signs of x1 * x2"
    parameters, costs = checks.unpack(dnn.L_layer_model(X, Y, layers_dims, learning_rate=0.5, num_iterations=400),
                                      2, name)
    if value == "costs":
        checks.assert_costs(costs, 4, f"{name} costs")
        if not costs[-1] < costs[0]:
            checks.fail(f"{name}: the cost should go down, got {costs[0]:.4f} at iteration 0 and {costs[-1]:.4f} "
                        "at 300")
        return
    checks.assert_keys(parameters, param_keys(3), f"{name} parameters")
    accuracy = float(np.mean((forward(X, parameters)[0] > 0.5) == Y))
    if accuracy < 0.9:
        checks.fail(f"{name}: training accuracy {100 * accuracy:.0f} %; a trained network reaches at least 90 %")


@pytest.mark.exercise("L_layer_model", points=0.25)
def test_L_layer_model_uses_its_rng():
    X, Y = xor_data(np.random.default_rng(4), 5)

    def trained(rng):
        name = f"L_layer_model(X, Y, [2, 3, 1], num_iterations=2, rng={rng})"
        parameters, _ = checks.unpack(dnn.L_layer_model(X, Y, [2, 3, 1], num_iterations=2, rng=rng), 2, name)
        checks.assert_keys(parameters, param_keys(2), f"{name} parameters")
        return parameters

    first_run = trained(11)
    checks.assert_close(trained(11), first_run, "L_layer_model(X, Y, [2, 3, 1], num_iterations=2, rng=11) called "
                                                "twice (the same seed must give the same result)", rtol=0, atol=0)
    if np.array_equal(trained(12)["W1"], first_run["W1"]):
        checks.fail("L_layer_model(..., rng=12) gave the same W1 as rng=11: pass rng on to initialize_parameters_deep")


@pytest.mark.exercise("L_layer_model", points=0.25)
@pytest.mark.parametrize("value", MODEL_VALUES)
def test_L_layer_model_does_not_modify_its_inputs(value):
    cases.case("L_layer_model", "3_layers").assert_pure(dnn, "L_layer_model(X, Y, layers_dims, ...)", MODEL_VALUES[value])


# ------------------------------------------------------------------------------------- predict
@cases.define("predict")
def _(rng):
    relu = {"parameters": random_parameters(rng, [3, 4, 1]), "X": rng.standard_normal((3, 7))}
    undecided = random_parameters(rng, [3, 2, 1])  # output layer of zeros: AL = 0.5, not > 0.5, so class 0
    undecided["W2"], undecided["b2"] = np.zeros_like(undecided["W2"]), np.zeros_like(undecided["b2"])
    while True:  # a tanh network whose predictions would change with ReLU hidden layers
        parameters, X = random_parameters(rng, [2, 3, 2, 1]), rng.standard_normal((2, 5))
        if ((forward(X, parameters, "tanh")[0] > 0.5) != (forward(X, parameters, "relu")[0] > 0.5)).any():
            return {"relu": relu, "tanh": {"parameters": parameters, "X": X, "hidden_activation": "tanh"},
                    "exactly_one_half": {"parameters": undecided, "X": rng.standard_normal((3, 4))}}


@pytest.mark.exercise("predict", points=0.25)
@pytest.mark.parametrize("m", [1, 5])
def test_predict_returns_a_1_by_m_float_array(m):
    parameters, X, _ = network_problem(0, [3, 2, 1], m)
    name = f"predict(parameters, X) for X of shape {X.shape}"
    predictions = dnn.predict(parameters, X)
    checks.assert_shape(predictions, (1, m), name)
    checks.assert_dtype(predictions, f"{name} (0.0 / 1.0 as floats: use .astype(np.float64))")


@pytest.mark.exercise("predict", points=0.25)
@cases.parametrize("predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(dnn), case.expected, "predict(parameters, X, ...) (1.0 where AL > 0.5)")


@pytest.mark.exercise("predict", points=0.5)
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_thresholds_the_output(hidden, seed):
    parameters, X, _ = network_problem(seed, [3, 4, 2, 1], 9, hidden)
    expected = (forward(X, parameters, hidden)[0] > 0.5).astype(np.float64)
    checks.assert_equal_arrays(dnn.predict(parameters, X, hidden_activation=hidden), expected,
                               f"predict(parameters, X, hidden_activation={hidden!r}) vs 1.0 where AL > 0.5")
