"""Tests of week7/multiclass.py: one-hot labels, the column-wise softmax, the categorical
cross-entropy, its gradient and the L-layer softmax network forwards and backwards.

Same layout as week1's suites: shapes; reference values (``fixtures/multiclass.zip``); gradient
checks against central differences of the submission's own forward pass; properties of inputs drawn
at test time; purity. ``softmax_backward`` returns :math:`A - Y`, the gradient of the **summed**
loss with respect to ``Z``; the mean cost ``compute_cost_softmax`` has ``1/m`` of it, so its central
differences are multiplied by ``m`` before the comparison (``linear_backward`` divides by ``m``).
The networks are tiny, with positive hidden biases so that no ReLU input sits on its kink, and, in
the gradient checks, an output layer scaled so that no probability comes near the ``EPS`` clipping of
the cost (``bounded_output``), where the cost is flat and central differences see no slope.
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient, numerical_gradients

mc = sandbox.load("week7.multiclass")
cases = Cases(__file__)

SEEDS = [0, 1]
LAYERS = [[3, 4, 3], [2, 3, 3, 4]]  # layer_dims: n_x, hidden..., C
FORWARD_VALUES = {"caches": (1,), "AL": (0,)}  # each scored on its own, in the order they are computed


# ---------------------------------------------------------------------------------- helpers
def labels(rng, C, m):
    """Integer labels (m,) in 0..C-1 with every class present when m >= C."""
    return rng.permutation(np.arange(m) % C)


def one_hot(y, C):
    Y = np.zeros((C, len(y)))
    Y[y, np.arange(len(y))] = 1.0
    return Y


def softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def network(rng, layer_dims, m=4):
    """``X, Y, parameters``: random weights, positive hidden biases (few dead ReLUs), one-hot Y."""
    X = rng.standard_normal((layer_dims[0], m))
    L = len(layer_dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = 1.5 * rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        b = 0.5 * rng.standard_normal((layer_dims[l], 1))
        parameters[f"b{l}"] = b if l == L else 0.2 + np.abs(b)
    return X, one_hot(labels(rng, layer_dims[-1], m), layer_dims[-1]), parameters


def bounded_output(parameters, X, limit=6.0):
    """``parameters`` with the output layer scaled down so that every score ``|Z[L]|`` stays below
    ``limit`` (a bound from ``|relu(z)| <= |z|``): every probability is then above ``exp(-2 limit) / C``."""
    L = len(parameters) // 2
    bound = np.abs(X)
    for l in range(1, L + 1):
        bound = np.abs(parameters[f"W{l}"]) @ bound + np.abs(parameters[f"b{l}"])
    scale = min(1.0, limit / float(bound.max()))
    return {key: value * scale if key in (f"W{L}", f"b{L}") else value for key, value in parameters.items()}


def forward(X, parameters, with_caches=False):
    """This file's forward pass ``[LINEAR -> RELU] * (L-1) -> LINEAR -> SOFTMAX``: ``AL`` (and the caches)."""
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = softmax(Z) if l == L else np.maximum(Z, 0)
    return (A, caches) if with_caches else A


def grad_keys(L):
    return [f"dA{l}" for l in range(L)] + [k for l in range(1, L + 1) for k in (f"dW{l}", f"db{l}")]


def backprop_order(L):
    """The gradients in the order backpropagation computes them, layer L first: each is scored on its own, and the
    first that fails is where an error enters."""
    return [key for l in range(L, 0, -1) for key in (f"db{l}", f"dW{l}", f"dA{l - 1}")]


# ------------------------------------------------------------------------------------- one_hot
@cases.define("one_hot")
def _(rng):
    return {"flat": {"y": labels(rng, 4, 7), "C": 4}, "row": {"y": labels(rng, 3, 5).reshape(1, 5), "C": 3},
            "missing_class": {"y": np.array([0, 2, 2, 0]), "C": 5}}


@pytest.mark.exercise("one_hot", points=0.25)
@pytest.mark.parametrize("layout", ["(m,)", "(1, m)"])
def test_one_hot_shape(layout):
    y = np.array([1, 0, 2, 1, 2])
    y = y.reshape(1, 5) if layout == "(1, m)" else y
    name = f"one_hot(y, 3) for y of shape {y.shape}"
    Y = mc.one_hot(y, 3)
    checks.assert_shape(Y, (3, 5), name)
    checks.assert_dtype(Y, f"{name} (floats: np.zeros((C, m)) is float64)")


@pytest.mark.exercise("one_hot", points=0.25)
@cases.parametrize("one_hot")
def test_one_hot_matches_reference(case):
    checks.assert_close(case.run(mc), case.expected, f"one_hot(y, C={case.inputs['C']})")


@pytest.mark.exercise("one_hot", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_one_hot_has_a_single_one_per_column_at_the_label(seed):
    rng = np.random.default_rng(seed)
    C, m = int(rng.integers(2, 6)), int(rng.integers(3, 9))
    y = rng.integers(0, C, m)
    name = f"one_hot(y, {C}) for y = {y.tolist()}"
    Y = mc.one_hot(y, C)
    checks.assert_shape(Y, (C, m), name)
    checks.assert_equal_arrays(Y, one_hot(y, C), f"{name} (column i is 1.0 in row y[i], 0.0 elsewhere)")


@pytest.mark.exercise("one_hot", points=0.25)
def test_one_hot_does_not_modify_its_input():
    cases.get("one_hot")[0].assert_pure(mc, "one_hot(y, C)")


# ------------------------------------------------------------------------------------- softmax
@cases.define("softmax")
def _(rng):
    return {"3x4": {"Z": rng.standard_normal((3, 4))}, "10x2": {"Z": 3 * rng.standard_normal((10, 2))},
            "large": {"Z": np.array([[1000.0, -1000.0, 0.0], [999.0, -1000.0, 1000.0]])}}


@pytest.mark.exercise("softmax", points=0.25)
@pytest.mark.parametrize("shape", [(3, 4), (10, 1), (2, 6)], ids=str)
def test_softmax_shape(shape):
    Z = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(mc.softmax(Z), shape, f"softmax(Z) for Z of shape {shape}")


@pytest.mark.exercise("softmax", points=0.5)
@cases.parametrize("softmax")
def test_softmax_matches_reference(case):
    checks.assert_close(case.run(mc), case.expected, "softmax(Z)")


@pytest.mark.exercise("softmax", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_works_on_columns(seed):
    # Each column is one example: its C probabilities sum to 1 (week 1's softmax worked on rows).
    rng = np.random.default_rng(seed)
    Z = 2 * rng.standard_normal((int(rng.integers(2, 6)), int(rng.integers(3, 7))))
    name = f"softmax(Z) for Z of shape {Z.shape}"
    A = mc.softmax(Z)
    checks.assert_shape(A, Z.shape, name)
    checks.assert_close(A.sum(axis=0), np.ones(Z.shape[1]), f"{name}: the sums of the columns (each column is "
                                                            "one example: normalise over axis=0, not the rows)")
    checks.assert_close(A, softmax(Z), f"{name} vs exp(Z) / sum of exp(Z) over each column")


@pytest.mark.exercise("softmax", points=0.5)
@pytest.mark.parametrize("scale", [1000.0, -1000.0])
def test_softmax_is_stable_for_large_scores(scale):
    Z = scale + np.random.default_rng(3).standard_normal((4, 3))
    name = f"softmax(Z) for scores near {scale:g}"
    A = mc.softmax(Z)
    checks.assert_finite(A, f"{name} (subtract each column's maximum before np.exp)")
    checks.assert_close(A, softmax(Z), name)


@pytest.mark.exercise("softmax", points=0.25)
def test_softmax_does_not_modify_its_input():
    cases.get("softmax")[0].assert_pure(mc, "softmax(Z)")


# ------------------------------------------------------------------------- compute_cost_softmax
@cases.define("compute_cost_softmax")
def _(rng):
    def case(C, m):
        return {"AL": softmax(rng.standard_normal((C, m))), "Y": one_hot(labels(rng, C, m), C)}
    return {"3x4": case(3, 4), "10x5": case(10, 5),
            "certain": {"AL": np.array([[1.0, 0.0], [0.0, 1.0]]), "Y": np.array([[1.0, 1.0], [0.0, 0.0]])}}


@pytest.mark.exercise("compute_cost_softmax", points=0.25)
def test_compute_cost_softmax_returns_a_float():
    case = cases.get("compute_cost_softmax")[0]
    checks.assert_float(case.run(mc), "compute_cost_softmax(AL, Y) (a Python float: use float(...))")


@pytest.mark.exercise("compute_cost_softmax", points=0.5)
@cases.parametrize("compute_cost_softmax")
def test_compute_cost_softmax_matches_reference(case):
    checks.assert_close(case.run(mc), case.expected, "compute_cost_softmax(AL, Y)")


@pytest.mark.exercise("compute_cost_softmax", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_softmax_is_the_mean_log_loss_of_the_right_class(seed):
    rng = np.random.default_rng(seed)
    C, m = int(rng.integers(2, 6)), int(rng.integers(2, 8))
    y = rng.integers(0, C, m)
    AL = softmax(rng.standard_normal((C, m)))
    name = f"compute_cost_softmax(AL, Y) for C={C}, m={m}"
    cost = mc.compute_cost_softmax(AL, one_hot(y, C))
    checks.assert_float(cost, name)
    checks.assert_close(cost, float(-np.mean(np.log(AL[y, np.arange(m)]))),
                        f"{name} vs -mean(log(probability of the right class))")


@pytest.mark.exercise("compute_cost_softmax", points=0.25)
def test_compute_cost_softmax_does_not_modify_its_inputs():
    cases.get("compute_cost_softmax")[0].assert_pure(mc, "compute_cost_softmax(AL, Y)")


# ----------------------------------------------------------------------------- softmax_backward
@cases.define("softmax_backward")
def _(rng):
    def case(C, m):
        return {"AL": softmax(rng.standard_normal((C, m))), "Y": one_hot(labels(rng, C, m), C)}
    return {"3x4": case(3, 4), "5x2": case(5, 2)}


@pytest.mark.exercise("softmax_backward", points=0.25)
def test_softmax_backward_shape():
    case = cases.get("softmax_backward")[0]
    checks.assert_shape(case.run(mc), case.inputs["AL"].shape, "softmax_backward(AL, Y)")


@pytest.mark.exercise("softmax_backward", points=0.25)
@cases.parametrize("softmax_backward")
def test_softmax_backward_matches_reference(case):
    checks.assert_close(case.run(mc), case.expected, "softmax_backward(AL, Y)")


@pytest.mark.exercise("softmax_backward", points=0.75, uses=["softmax", "compute_cost_softmax"])
@pytest.mark.parametrize("seed, C, m", [(0, 3, 2), (1, 4, 3)])
def test_softmax_backward_gradient(seed, C, m):
    # dZ is the gradient of the summed loss m * J: central differences of your mean cost J(softmax(Z))
    # with respect to Z, times m.
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((C, m))
    Y = one_hot(labels(rng, C, m), C)
    name = f"softmax_backward(softmax(Z), Y) for Z of shape {(C, m)}"
    dZ = mc.softmax_backward(mc.softmax(Z), Y)
    numeric = numerical_gradient(lambda z: mc.compute_cost_softmax(mc.softmax(z), Y), Z)
    checks.assert_gradient(dZ, m * numeric, f"{name} vs m * central differences of your "
                                            "compute_cost_softmax(softmax(Z), Y) with respect to Z")


@pytest.mark.exercise("softmax_backward", points=0.25)
def test_softmax_backward_does_not_modify_its_inputs():
    cases.get("softmax_backward")[0].assert_pure(mc, "softmax_backward(AL, Y)")


# ---------------------------------------------------------------------- L_model_forward_softmax
@cases.define("L_model_forward_softmax")
def _(rng):
    out = {}
    for layer_dims in LAYERS:
        X, _, parameters = network(rng, layer_dims, m=5)
        out["_".join(map(str, layer_dims))] = {"X": X, "parameters": parameters}
    return out


@pytest.mark.exercise("L_model_forward_softmax", points=0.5)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@pytest.mark.parametrize("layer_dims", LAYERS, ids=str)
def test_L_model_forward_softmax_shapes(layer_dims, value):
    X, _, parameters = network(np.random.default_rng(0), layer_dims, m=5)
    name = f"L_model_forward_softmax(X, parameters) for layer_dims {layer_dims}"
    AL, caches = checks.unpack(mc.L_model_forward_softmax(X, parameters), 2, name)
    if value == "AL":
        checks.assert_shape(AL, (layer_dims[-1], 5), f"{name}: AL")
        return
    L = len(layer_dims) - 1
    if not isinstance(caches, list) or len(caches) != L:
        checks.fail(f"{name}: caches should be a list of {L} layer caches, got {checks._describe(caches)}")
    for l, cache in enumerate(caches, start=1):
        linear_cache, Z = checks.unpack(cache, 2, f"{name}: caches[{l - 1}] ((A_prev, W, b), Z)")
        A_prev, W, b = checks.unpack(linear_cache, 3, f"{name}: caches[{l - 1}][0] (A_prev, W, b)")
        checks.assert_shape(A_prev, (layer_dims[l - 1], 5), f"{name}: caches[{l - 1}] A_prev")
        checks.assert_shape(Z, (layer_dims[l], 5), f"{name}: caches[{l - 1}] Z")


@pytest.mark.exercise("L_model_forward_softmax", points=0.75)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@cases.parametrize("L_model_forward_softmax")
def test_L_model_forward_softmax_matches_reference(case, value):
    checks.assert_value_close(case.run(mc), case.expected, FORWARD_VALUES[value],
                       "L_model_forward_softmax(X, parameters) -> (AL, caches)")


@pytest.mark.exercise("L_model_forward_softmax", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_forward_softmax_is_relu_layers_then_softmax(seed):
    rng = np.random.default_rng(seed)
    layer_dims = [int(rng.integers(2, 5)), int(rng.integers(2, 5)), int(rng.integers(2, 5)), int(rng.integers(2, 6))]
    X, _, parameters = network(rng, layer_dims, m=6)
    name = f"L_model_forward_softmax(X, parameters) for layer_dims {layer_dims}"
    AL, _ = checks.unpack(mc.L_model_forward_softmax(X, parameters), 2, name)
    checks.assert_close(AL, forward(X, parameters), f"{name}: AL vs [LINEAR -> RELU] x 2 -> LINEAR -> SOFTMAX")
    checks.assert_close(AL.sum(axis=0), np.ones(6), f"{name}: the sums of AL's columns")


@pytest.mark.exercise("L_model_forward_softmax", points=0.25)
@pytest.mark.parametrize("value", FORWARD_VALUES)
def test_L_model_forward_softmax_does_not_modify_its_inputs(value):
    cases.get("L_model_forward_softmax")[0].assert_pure(mc, "L_model_forward_softmax(X, parameters)", FORWARD_VALUES[value])


# --------------------------------------------------------------------- L_model_backward_softmax
@cases.define("L_model_backward_softmax")
def _(rng):
    out = {}
    for layer_dims in LAYERS:
        X, Y, parameters = network(rng, layer_dims, m=4)
        AL, caches = forward(X, parameters, with_caches=True)
        out["_".join(map(str, layer_dims))] = {"AL": AL, "Y": Y, "caches": caches}
    return out


@pytest.mark.exercise("L_model_backward_softmax", points=0.5)
@pytest.mark.parametrize("layer_dims, value", [(dims, key) for dims in LAYERS for key in backprop_order(len(dims) - 1)],
                         ids=str)
def test_L_model_backward_softmax_keys_and_shapes(layer_dims, value):
    X, Y, parameters = network(np.random.default_rng(0), layer_dims, m=4)
    AL, caches = mc.L_model_forward_softmax(X, parameters)
    name = f"L_model_backward_softmax(AL, Y, caches) for layer_dims {layer_dims}"
    grads = mc.L_model_backward_softmax(AL, Y, caches)
    L = len(layer_dims) - 1
    checks.assert_keys(grads, grad_keys(L), name)
    if value.startswith("dA"):
        checks.assert_shape(grads[value], (layer_dims[int(value[2:])], 4), f"{name}[{value!r}]")
    else:
        checks.assert_shape(grads[value], parameters[value[1:]].shape, f"{name}[{value!r}]")


@pytest.mark.exercise("L_model_backward_softmax", points=0.75)
@cases.each_value("L_model_backward_softmax", lambda case: backprop_order(len(case.expected) // 3))
def test_L_model_backward_softmax_matches_reference(case, value):
    checks.assert_value_close(case.run(mc), case.expected, (value,), "L_model_backward_softmax(AL, Y, caches)")


@pytest.mark.exercise("L_model_backward_softmax", points=1)
@pytest.mark.parametrize("seed, layer_dims, value", [
    (seed, dims, key) for seed, dims in zip(SEEDS, LAYERS)
    for key in backprop_order(len(dims) - 1) if key[1] != "A" or key == "dA0"], ids=str)
def test_L_model_backward_softmax_gradient(seed, layer_dims, value):
    X, Y, parameters = network(np.random.default_rng(seed), layer_dims, m=3)
    parameters = bounded_output(parameters, X)
    m = X.shape[1]
    AL, caches = mc.L_model_forward_softmax(X, parameters)
    name = f"L_model_backward_softmax(AL, Y, caches) for layer_dims {layer_dims}"
    grads = mc.L_model_backward_softmax(AL, Y, caches)
    L = len(layer_dims) - 1
    checks.assert_keys(grads, grad_keys(L), name)
    point = {"X": X, **parameters}

    def cost_of(**changed):
        params = {**point, **changed}
        # One request: AL goes from your forward pass to your cost in the worker, with its caches left there.
        AL = sandbox.deferred(mc.L_model_forward_softmax, params.pop("X"), params).item(
            0, of=2, name="L_model_forward_softmax(X, parameters)")
        return mc.compute_cost_softmax(AL, Y)

    if value == "dA0":
        numeric = numerical_gradients(cost_of, {"X": X})["X"]
        checks.assert_gradient(grads["dA0"], m * numeric,
                               f"{name}['dA0'] vs m * central differences with respect to X (dA is the gradient of "
                               "the summed loss)")
    else:
        key = value[1:]
        numeric = numerical_gradients(cost_of, {key: parameters[key]})[key]
        checks.assert_gradient(grads[value], numeric,
                               f"{name}[{value!r}] vs central differences of your compute_cost_softmax of your "
                               "L_model_forward_softmax")


@pytest.mark.exercise("L_model_backward_softmax", points=0.25)
@pytest.mark.parametrize("value", backprop_order(len(LAYERS[0]) - 1))  # the first case has the layers LAYERS[0]
def test_L_model_backward_softmax_does_not_modify_its_inputs(value):
    cases.get("L_model_backward_softmax")[0].assert_pure(mc, "L_model_backward_softmax(AL, Y, caches)", (value,))
