"""Tests of week5/regularization.py: the L2-regularized cost and backward pass, inverted dropout
forward and backward.

Same layout as week1's suites: shapes and keys; reference values (``fixtures/regularization.zip``);
gradient checks of each backward pass against central differences of the submission's own cost
(for dropout: its own forward pass, run with the same ``rng`` seed at every evaluation so that the
masks stay fixed, which is the only way a cost with dropout can be differentiated); then properties
that hold for any network drawn at test time, and purity. The networks are tiny
(``[2, 3, 2, 1]`` and the like, 3 to 5 examples) with random nonzero biases, so that no ReLU input
sits on its kink, and an output layer scaled so that no output is saturated (``moderate_output``). The plain forward and backward passes of ``three_layer_net`` are given (not
graded); the tests call the submission's copies where they need them.
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradients

reg = sandbox.load("week5.regularization")
cases = Cases(__file__)

SEEDS = [0, 1]
SHAPES = [(2, 3, 2, 4), (3, 4, 3, 5)]  # (n_x, n_1, n_2, m)
PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
GRADIENT_KEYS = ("dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1")
CACHE_NAMES = ("Z1", "A1", "W1", "b1", "Z2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
DROPOUT_CACHE_NAMES = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
# Each returned value is scored on its own (a test runs once per value), in the order the function computes them:
# the gradients in backpropagation's order (GRADIENT_KEYS), the dropout forward pass's values from Z1 to A3 (the
# returned A3 goes with the cache's; the parameters the cache holds are checked with every value).
PARAMETER_GRADIENTS = tuple(key for key in GRADIENT_KEYS if key[1] in "Wb")  # dW3, db3, dW2, ...
DROPOUT_VALUES = ("Z1", "D1", "A1", "Z2", "D2", "A2", "Z3", "A3")


# ---------------------------------------------------------------------------------- helpers
def network(rng, n_x=2, n_1=3, n_2=2, m=4):
    """``X, Y, parameters`` of a small 3-layer network: both labels present, random nonzero biases
    (positive in the hidden layers, so that few ReLUs are dead and every gradient has work to do)."""
    X = rng.standard_normal((n_x, m))
    Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(np.float64)
    sizes = [n_x, n_1, n_2, 1]
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = 1.5 * rng.standard_normal((sizes[l], sizes[l - 1])) / np.sqrt(sizes[l - 1])
        b = 0.5 * rng.standard_normal((sizes[l], 1))
        parameters[f"b{l}"] = b if l == 3 else 0.2 + np.abs(b)  # hidden biases > 0: few dead ReLUs
    return X, Y, parameters


def small_problem(seed, shape=SHAPES[0], keep_prob=1.0, mask_seed=None):
    """``network`` drawn from ``seed``, its output kept away from saturation (see ``moderate_output``)."""
    n_x, n_1, n_2, m = shape
    X, Y, parameters = network(np.random.default_rng(seed), n_x, n_1, n_2, m)
    return X, Y, moderate_output(X, parameters, keep_prob, mask_seed)


def moderate_output(X, parameters, keep_prob=1.0, mask_seed=None, limit=2.5):
    """``parameters`` with ``W3`` and ``b3`` scaled down so that ``|Z3| <= limit`` on every example.

    A confidently wrong output (``A3`` within 1e-5 of the wrong label) makes ``log(1 - A3)`` lose
    most of its digits to rounding, and central differences of the cost then disagree with a
    correct backward pass. With ``keep_prob < 1``, ``Z3`` is that of the dropout forward pass with
    the documented masks of ``np.random.default_rng(mask_seed)``. Scaling ``W3, b3`` scales ``Z3``
    and changes nothing else.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in PARAMETER_KEYS)
    rng = np.random.default_rng(mask_seed)
    A1 = relu(W1 @ X + b1)
    if keep_prob < 1:
        A1 = A1 * (rng.random(A1.shape) < keep_prob) / keep_prob
    A2 = relu(W2 @ A1 + b2)
    if keep_prob < 1:
        A2 = A2 * (rng.random(A2.shape) < keep_prob) / keep_prob
    factor = min(1.0, limit / np.abs(W3 @ A2 + b3).max())
    return {**parameters, "W3": factor * W3, "b3": factor * b3}


def expected_shapes(shape):
    n_x, n_1, n_2, m = shape
    return {"dZ3": (1, m), "dW3": (1, n_2), "db3": (1, 1), "dA2": (n_2, m), "dZ2": (n_2, m), "dW2": (n_2, n_1),
            "db2": (n_2, 1), "dA1": (n_1, m), "dZ1": (n_1, m), "dW1": (n_1, n_x), "db1": (n_1, 1)}


def check_gradient_shapes(gradients, shape, name, value):
    """The keys of ``gradients``, and the shape of the one at ``value``."""
    checks.assert_keys(gradients, GRADIENT_KEYS, name)
    checks.assert_shape(gradients[value], expected_shapes(shape)[value], f"{name}[{value!r}]")


def cross_entropy(A3, Y):
    """The mean cross-entropy of the course, to differentiate the dropout forward pass with."""
    checks.assert_shape(A3, Y.shape, "A3 returned by forward_propagation_with_dropout")
    return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


def unpack_cache(result, names, name):
    """``(A3, {cache entry name: value})`` of a forward pass that returns ``(A3, cache)``."""
    A3, cache = checks.unpack(result, 2, name)
    cache = checks.unpack(cache, len(names), f"{name} cache (the tuple ({', '.join(names)}))")
    return A3, dict(zip(names, cache))


def relu(Z):
    return np.maximum(Z, 0.0)


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


PLAIN_FORWARD = "forward_propagation(X, parameters) (given)"


def plain_cache(X, parameters):
    """The submission's given forward pass: ``(A3, cache)``."""
    return checks.unpack(reg.forward_propagation(X, parameters), 2, PLAIN_FORWARD)


# ---------------------------------------------------------------- compute_cost_with_regularization
@cases.define("compute_cost_with_regularization")
def _(rng):
    def problem(n_x, n_1, n_2, m, lambd):
        X, Y, parameters = network(rng, n_x, n_1, n_2, m)
        return {"A3": rng.uniform(0.05, 0.95, (1, m)), "Y": Y, "parameters": parameters, "lambd": lambd}
    return {"2_3_2_4": problem(2, 3, 2, 4, 0.7), "3_4_3_5": problem(3, 4, 3, 5, 0.1),
            "lambd_0": problem(2, 2, 2, 3, 0.0), "one_example": problem(2, 3, 1, 1, 1.5)}


@pytest.mark.exercise("compute_cost_with_regularization", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_with_regularization_returns_a_float(seed):
    X, Y, parameters = small_problem(seed)
    A3 = np.random.default_rng(seed).uniform(0.1, 0.9, Y.shape)
    cost = reg.compute_cost_with_regularization(A3, Y, parameters, 0.5)
    checks.assert_float(cost, "compute_cost_with_regularization(A3, Y, parameters, 0.5)")


@pytest.mark.exercise("compute_cost_with_regularization", points=0.75)
@cases.parametrize("compute_cost_with_regularization")
def test_compute_cost_with_regularization_matches_reference(case):
    checks.assert_close(case.run(reg), case.expected,
                        f"compute_cost_with_regularization(A3, Y, parameters, lambd={case.inputs['lambd']})")


@pytest.mark.exercise("compute_cost_with_regularization", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_with_regularization_adds_the_L2_penalty(seed):
    X, Y, parameters = small_problem(seed, SHAPES[1])
    rng = np.random.default_rng(seed + 10)
    A3 = rng.uniform(0.1, 0.9, Y.shape)
    lambd = float(rng.uniform(0.1, 2.0))
    m = Y.shape[1]
    penalty = lambd / (2 * m) * sum(np.sum(parameters[k] ** 2) for k in ("W1", "W2", "W3"))
    name = f"compute_cost_with_regularization(A3, Y, parameters, lambd={lambd:.4g})"
    cost = reg.compute_cost_with_regularization(A3, Y, parameters, lambd)
    checks.assert_float(cost, name)
    checks.assert_close(cost, cross_entropy(A3, Y) + penalty,
                        f"{name} vs cross-entropy + lambd / (2 m) * (sum of the squared entries of W1, W2, W3)",
                        rtol=1e-9)


@pytest.mark.exercise("compute_cost_with_regularization", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_compute_cost_with_regularization_does_not_penalise_biases(seed):
    X, Y, parameters = small_problem(seed)
    A3 = np.random.default_rng(seed).uniform(0.1, 0.9, Y.shape)
    large_biases = {k: (v + 10.0 if k.startswith("b") else v) for k, v in parameters.items()}
    cost = reg.compute_cost_with_regularization(A3, Y, parameters, 1.0)
    checks.assert_float(cost, "compute_cost_with_regularization(A3, Y, parameters, 1.0)")
    checks.assert_close(reg.compute_cost_with_regularization(A3, Y, large_biases, 1.0), cost,
                        "compute_cost_with_regularization(A3, Y, parameters, 1.0) with every bias increased by 10 "
                        "(the penalty is on the weights W1, W2, W3 only)", rtol=1e-12)


@pytest.mark.exercise("compute_cost_with_regularization", points=0.25)
def test_compute_cost_with_regularization_does_not_modify_its_inputs():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("compute_cost_with_regularization")[0].assert_pure(
        reg, "compute_cost_with_regularization(A3, Y, parameters, lambd)")


# -------------------------------------------------------- backward_propagation_with_regularization
@cases.define("backward_propagation_with_regularization")
def _(rng):
    def problem(shape, lambd):
        X, Y, parameters = network(rng, *shape)
        # The cache is built here, from the definitions, so the case does not depend on a given function.
        Z1 = parameters["W1"] @ X + parameters["b1"]
        A1 = relu(Z1)
        Z2 = parameters["W2"] @ A1 + parameters["b2"]
        A2 = relu(Z2)
        Z3 = parameters["W3"] @ A2 + parameters["b3"]
        cache = (Z1, A1, parameters["W1"], parameters["b1"], Z2, A2, parameters["W2"], parameters["b2"],
                 Z3, sigmoid(Z3), parameters["W3"], parameters["b3"])
        return {"X": X, "Y": Y, "cache": cache, "lambd": lambd}
    return {"2_3_2_4": problem((2, 3, 2, 4), 0.7), "3_4_3_5": problem((3, 4, 3, 5), 0.05),
            "lambd_0": problem((2, 2, 3, 3), 0.0)}


@pytest.mark.exercise("backward_propagation_with_regularization", points=0.5)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_backward_propagation_with_regularization_keys_and_shapes(shape, value):
    X, Y, parameters = small_problem(0, shape)
    _, cache = plain_cache(X, parameters)
    gradients = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    check_gradient_shapes(gradients, shape, "backward_propagation_with_regularization(X, Y, cache, 0.7)", value)


@pytest.mark.exercise("backward_propagation_with_regularization", points=0.75)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
@cases.parametrize("backward_propagation_with_regularization")
def test_backward_propagation_with_regularization_matches_reference(case, value):
    checks.assert_value_close(case.run(reg), case.expected, (value,),
                       f"backward_propagation_with_regularization(X, Y, cache, lambd={case.inputs['lambd']})")


@pytest.mark.exercise("backward_propagation_with_regularization", points=1)
@pytest.mark.parametrize("value", PARAMETER_GRADIENTS)
@pytest.mark.parametrize("seed, shape", list(zip(SEEDS, SHAPES)))
def test_backward_propagation_with_regularization_gradient(seed, shape, value):
    X, Y, parameters = small_problem(seed, shape)
    lambd = float(np.random.default_rng(seed).uniform(0.2, 2.0))
    name = f"backward_propagation_with_regularization(X, Y, cache, lambd={lambd:.3g})"
    _, cache = plain_cache(X, parameters)
    gradients = reg.backward_propagation_with_regularization(X, Y, cache, lambd)
    check_gradient_shapes(gradients, shape, name, value)

    def cost_of(**changed):
        params = {**parameters, **changed}
        # One request: A3 goes from the forward pass to your cost in the worker, with its cache left there.
        A3 = sandbox.deferred(reg.forward_propagation, X, params).item(0, of=2, name=PLAIN_FORWARD)
        return reg.compute_cost_with_regularization(A3, Y, params, lambd)

    key = value[1:]
    numeric = numerical_gradients(cost_of, {key: parameters[key]})
    checks.assert_gradient(gradients[value], numeric[key],
                           f"{name}[{value!r}] vs central differences of your compute_cost_with_regularization")


@pytest.mark.exercise("backward_propagation_with_regularization", points=0.5)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_with_regularization_adds_lambd_over_m_W(seed, value):
    X, Y, parameters = small_problem(seed, SHAPES[1])
    lambd = float(np.random.default_rng(seed).uniform(0.2, 2.0))
    m = X.shape[1]
    _, cache = plain_cache(X, parameters)
    name = f"backward_propagation_with_regularization(X, Y, cache, lambd={lambd:.3g})"
    with_l2 = reg.backward_propagation_with_regularization(X, Y, cache, lambd)
    plain = reg.backward_propagation(X, Y, cache)  # given: the unregularized gradients
    checks.assert_keys(with_l2, GRADIENT_KEYS, name)
    extra = lambd / m * parameters[value[1:]] if value.startswith("dW") else 0.0
    what = "+ lambd / m * " + value[1:] if value.startswith("dW") else "(unchanged by L2)"
    checks.assert_close(with_l2[value], plain[value] + extra,
                        f"{name}[{value!r}] vs the given backward_propagation's {value} {what}", rtol=1e-9)


@pytest.mark.exercise("backward_propagation_with_regularization", points=0.25)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
def test_backward_propagation_with_regularization_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("backward_propagation_with_regularization")[0].assert_pure(reg, "backward_propagation_with_regularization(X, Y, cache, lambd)", (value,))


# --------------------------------------------------------------- forward_propagation_with_dropout
@cases.define("forward_propagation_with_dropout")
def _(rng):
    def problem(shape, keep_prob):
        X, _, parameters = network(rng, *shape)
        return {"X": X, "parameters": parameters, "keep_prob": keep_prob, "rng": int(rng.integers(1000))}
    return {"2_3_2_4": problem((2, 3, 2, 4), 0.7), "3_5_4_6": problem((3, 5, 4, 6), 0.5),
            "keep_all": problem((2, 3, 2, 3), 1.0)}


def check_dropout_result(result, expected, name, value):
    """The value ``value`` of the dropout forward pass (A3: the returned one and the cache's) against the
    expected result; the parameters the cache holds are checked with every value."""
    A3, cache = unpack_cache(result, DROPOUT_CACHE_NAMES, name)
    expected_A3, expected_cache = expected
    expected_cache = dict(zip(DROPOUT_CACHE_NAMES, expected_cache))
    for key in PARAMETER_KEYS:
        checks.assert_close(cache[key], expected_cache[key], f"{name} cache {key}")
    if value == "A3":
        checks.assert_close(A3, expected_A3, f"{name} A3")
    checks.assert_close(cache[value], expected_cache[value], f"{name} cache {value}")


@pytest.mark.exercise("forward_propagation_with_dropout", points=0.5)
@pytest.mark.parametrize("value", DROPOUT_VALUES)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_forward_propagation_with_dropout_shapes(shape, value):
    n_x, n_1, n_2, m = shape
    X, _, parameters = small_problem(0, shape)
    name = "forward_propagation_with_dropout(X, parameters, keep_prob=0.8, rng=0)"
    A3, cache = unpack_cache(reg.forward_propagation_with_dropout(X, parameters, keep_prob=0.8, rng=0),
                             DROPOUT_CACHE_NAMES, name)
    for key in PARAMETER_KEYS:
        checks.assert_close(cache[key], parameters[key], f"{name} cache {key} (the parameters themselves)")
    if value == "A3":
        checks.assert_shape(A3, (1, m), f"{name} A3")
    checks.assert_shape(cache[value], ({"1": n_1, "2": n_2, "3": 1}[value[1]], m), f"{name} cache {value}")


@pytest.mark.exercise("forward_propagation_with_dropout", points=1)
@pytest.mark.parametrize("value", DROPOUT_VALUES)
@cases.parametrize("forward_propagation_with_dropout")
def test_forward_propagation_with_dropout_matches_reference(case, value):
    inputs = case.inputs
    name = f"forward_propagation_with_dropout(X, parameters, keep_prob={inputs['keep_prob']}, rng={inputs['rng']})"
    check_dropout_result(case.run(reg), case.expected, name, value)


@pytest.mark.exercise("forward_propagation_with_dropout", points=0.75)
@pytest.mark.parametrize("value", [name for name in DROPOUT_VALUES if name != "Z3"])
@pytest.mark.parametrize("seed", SEEDS)
def test_forward_propagation_with_dropout_masks_come_from_rng(seed, value):
    # The documented draws: D1 = rng.random(A1.shape) < keep_prob, then D2 = rng.random(A2.shape) < keep_prob,
    # and each hidden activation is relu(Z) * D / keep_prob.
    X, _, parameters = small_problem(seed, SHAPES[1])
    keep_prob = float(np.round(np.random.default_rng(seed).uniform(0.4, 0.9), 2))
    rng_seed = 100 + seed
    name = f"forward_propagation_with_dropout(X, parameters, keep_prob={keep_prob}, rng={rng_seed})"
    A3, cache = unpack_cache(reg.forward_propagation_with_dropout(X, parameters, keep_prob=keep_prob, rng=rng_seed),
                             DROPOUT_CACHE_NAMES, name)
    rng = np.random.default_rng(rng_seed)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in PARAMETER_KEYS)
    Z1 = W1 @ X + b1
    D1 = rng.random(Z1.shape) < keep_prob
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    D2 = rng.random(Z2.shape) < keep_prob
    A2 = relu(Z2) * D2 / keep_prob
    # Each value against the documented computation: an error counts in the value where it enters, and after it.
    if value == "Z1":
        checks.assert_close(cache["Z1"], Z1, f"{name} cache Z1 vs W1 X + b1", rtol=1e-9)
    elif value == "D1":
        checks.assert_equal_arrays(cache["D1"], D1, f"{name} cache D1 vs np.random.default_rng(rng).random(A1.shape) "
                                   "< keep_prob (the first draw)")
    elif value == "A1":
        checks.assert_close(cache["A1"], A1, f"{name} cache A1 vs relu(Z1) * D1 / keep_prob", rtol=1e-9)
    elif value == "Z2":
        checks.assert_close(cache["Z2"], Z2, f"{name} cache Z2 vs W2 A1 + b2 (A1 after dropout)", rtol=1e-9)
    elif value == "D2":
        checks.assert_equal_arrays(cache["D2"], D2,
                                   f"{name} cache D2 vs the second draw rng.random(A2.shape) < keep_prob")
    elif value == "A2":
        checks.assert_close(cache["A2"], A2, f"{name} cache A2 vs relu(Z2) * D2 / keep_prob", rtol=1e-9)
    else:
        checks.assert_close(A3, sigmoid(W3 @ A2 + b3), f"{name} A3 vs sigmoid(W3 A2 + b3)", rtol=1e-9)


@pytest.mark.exercise("forward_propagation_with_dropout", points=0.25)
@pytest.mark.parametrize("value", ["D1", "D2", "A3"])
@pytest.mark.parametrize("seed", SEEDS)
def test_forward_propagation_with_dropout_keep_prob_1_is_the_plain_forward_pass(seed, value):
    X, _, parameters = small_problem(seed, SHAPES[1])
    name = f"forward_propagation_with_dropout(X, parameters, keep_prob=1.0, rng={seed})"
    A3, cache = unpack_cache(reg.forward_propagation_with_dropout(X, parameters, keep_prob=1.0, rng=seed),
                             DROPOUT_CACHE_NAMES, name)
    if value == "A3":
        plain_A3, _ = plain_cache(X, parameters)
        checks.assert_close(A3, plain_A3, f"{name} A3 vs the given forward_propagation(X, parameters)", rtol=1e-9)
    else:
        checks.assert_equal_arrays(np.asarray(cache[value]).astype(bool), np.ones(cache[value].shape, dtype=bool),
                                   f"{name} cache {value} (every unit is kept)")


@pytest.mark.exercise("forward_propagation_with_dropout", points=0.5)
@pytest.mark.parametrize("value", DROPOUT_VALUES)
def test_forward_propagation_with_dropout_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    path = (1, DROPOUT_CACHE_NAMES.index(value))
    cases.get("forward_propagation_with_dropout")[0].assert_pure(reg, "forward_propagation_with_dropout(X, parameters, keep_prob, rng)", [(0,), path] if value == "A3" else path)


# -------------------------------------------------------------- backward_propagation_with_dropout
@cases.define("backward_propagation_with_dropout")
def _(rng):
    def problem(shape, keep_prob):
        X, Y, parameters = network(rng, *shape)
        # The cache is built here from the definitions (masks drawn as documented).
        W1, b1, W2, b2, W3, b3 = (parameters[k] for k in PARAMETER_KEYS)
        Z1 = W1 @ X + b1
        D1 = rng.random(Z1.shape) < keep_prob
        A1 = relu(Z1) * D1 / keep_prob
        Z2 = W2 @ A1 + b2
        D2 = rng.random(Z2.shape) < keep_prob
        A2 = relu(Z2) * D2 / keep_prob
        Z3 = W3 @ A2 + b3
        cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, sigmoid(Z3), W3, b3)
        return {"X": X, "Y": Y, "cache": cache, "keep_prob": keep_prob}
    return {"2_3_2_4": problem((2, 3, 2, 4), 0.7), "3_5_4_6": problem((3, 5, 4, 6), 0.5),
            "keep_all": problem((2, 3, 2, 3), 1.0)}


def dropout_pass(X, parameters, keep_prob, rng_seed, name):
    """The submission's ``forward_propagation_with_dropout``: ``(A3, cache tuple)``."""
    result = reg.forward_propagation_with_dropout(X, parameters, keep_prob=keep_prob, rng=rng_seed)
    A3, _ = unpack_cache(result, DROPOUT_CACHE_NAMES, name)
    return A3, result[1]


@pytest.mark.exercise("backward_propagation_with_dropout", points=0.5)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_backward_propagation_with_dropout_keys_and_shapes(shape, value):
    X, Y, parameters = small_problem(0, shape)
    _, cache = dropout_pass(X, parameters, 0.8, 0, "forward_propagation_with_dropout(X, parameters, 0.8, rng=0)")
    gradients = reg.backward_propagation_with_dropout(X, Y, cache, 0.8)
    check_gradient_shapes(gradients, shape, "backward_propagation_with_dropout(X, Y, cache, 0.8)", value)


@pytest.mark.exercise("backward_propagation_with_dropout", points=0.75)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
@cases.parametrize("backward_propagation_with_dropout")
def test_backward_propagation_with_dropout_matches_reference(case, value):
    checks.assert_value_close(case.run(reg), case.expected, (value,),
                       f"backward_propagation_with_dropout(X, Y, cache, keep_prob={case.inputs['keep_prob']}) "
                       "(with the masks D1, D2 of the cache)")


@pytest.mark.exercise("backward_propagation_with_dropout", points=1)
@pytest.mark.parametrize("value", PARAMETER_GRADIENTS)
@pytest.mark.parametrize("seed, shape", list(zip(SEEDS, SHAPES)))
def test_backward_propagation_with_dropout_gradient(seed, shape, value):
    # The cost of the dropout network is differentiated with the masks fixed: every evaluation runs
    # your forward pass with the same rng seed, so it draws the same masks as the call whose cache
    # goes into the backward pass.
    keep_prob, rng_seed = 0.6, 7 + seed
    X, Y, parameters = small_problem(seed, shape, keep_prob, rng_seed)
    forward = f"forward_propagation_with_dropout(X, parameters, keep_prob={keep_prob}, rng={rng_seed})"
    _, cache = dropout_pass(X, parameters, keep_prob, rng_seed, forward)
    name = f"backward_propagation_with_dropout(X, Y, cache, {keep_prob}) with the cache of {forward}"
    gradients = reg.backward_propagation_with_dropout(X, Y, cache, keep_prob)
    check_gradient_shapes(gradients, shape, name, value)

    def cost_of(**changed):  # A3 alone comes back (the cache's form was checked above)
        A3 = sandbox.deferred(reg.forward_propagation_with_dropout, X, {**parameters, **changed}, keep_prob=keep_prob,
                              rng=rng_seed).item(0, of=2, name=forward)
        return cross_entropy(A3.value(), Y)

    key = value[1:]
    numeric = numerical_gradients(cost_of, {key: parameters[key]})
    checks.assert_gradient(gradients[value], numeric[key],
                           f"{name}: {value} vs central differences of the cross-entropy of your forward pass "
                           "(same masks)")


@pytest.mark.exercise("backward_propagation_with_dropout", points=0.5)
@pytest.mark.parametrize("value", ["dA2", "dA1"])
@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_with_dropout_applies_the_forward_masks(seed, value):
    # dA2 = W3^T dZ3 * D2 / keep_prob and dA1 = W2^T dZ2 * D1 / keep_prob, with the masks of the cache:
    # zero exactly where a unit was dropped.
    X, Y, parameters = small_problem(seed, SHAPES[1])
    keep_prob = 0.5
    forward = f"forward_propagation_with_dropout(X, parameters, keep_prob={keep_prob}, rng={seed})"
    _, cache = dropout_pass(X, parameters, keep_prob, seed, forward)
    entries = dict(zip(DROPOUT_CACHE_NAMES, cache))
    name = f"backward_propagation_with_dropout(X, Y, cache, {keep_prob}) with the cache of {forward}"
    gradients = reg.backward_propagation_with_dropout(X, Y, cache, keep_prob)
    checks.assert_keys(gradients, GRADIENT_KEYS, name)
    dA, W, dZ, D = {"dA2": ("dA2", "W3", "dZ3", "D2"), "dA1": ("dA1", "W2", "dZ2", "D1")}[value]
    mask = np.asarray(entries[D]).astype(bool)
    checks.assert_shape(gradients[dZ], (parameters[W].shape[0], X.shape[1]), f"{name}[{dZ!r}]")
    checks.assert_close(gradients[dA], parameters[W].T @ gradients[dZ] * mask / keep_prob,
                        f"{name}[{dA!r}] vs {W}^T {dZ} * {D} / keep_prob, with {D} from the cache "
                        "(do not draw new masks, and divide by keep_prob)", rtol=1e-9)


@pytest.mark.exercise("backward_propagation_with_dropout", points=0.25)
@pytest.mark.parametrize("value", GRADIENT_KEYS)
def test_backward_propagation_with_dropout_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("backward_propagation_with_dropout")[0].assert_pure(reg, "backward_propagation_with_dropout(X, Y, cache, keep_prob)", (value,))
