"""Tests of week5/gradient_checking.py: the 1-D check, flattening parameters and gradients, and
the N-D check of a whole network.

Same layout as week1's suites: types and shapes; reference values (``fixtures/gradient_checking.zip``);
properties that hold for inputs drawn at test time; purity. ``gradient_check_n`` is run in the
submission's worker with a submission-side cost function: the given ``network_cost`` with ``X`` and
``Y`` bound (``gc.network_cost.partial(X=X, Y=Y)``), and the given correct or buggy gradients, so
that it must report a difference below 2e-7 for the first and above 1e-2 for the second.

A difference of a correct check is rounding noise (about 1e-9), which depends on the order of the
floating-point operations; reference values are therefore only compared where the difference is
large (a buggy backward pass, or a large epsilon), and the 1-D check with a relative tolerance.
"""
import functools

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient

gc = sandbox.load("week5.gradient_checking")
cases = Cases(__file__)

SEEDS = [0, 1]
LAYERS = [[4, 5, 3, 1], [2, 3, 2, 1]]
# Each returned value is scored on its own (a test runs once per value).
FLATTENED_VALUES = {"theta": (0,), "keys": (1,)}  # dictionary_to_vector -> (theta, keys)


# ---------------------------------------------------------------------------------- helpers
def keys_in_order(L):
    return [f"{kind}{l}" for l in range(1, L + 1) for kind in ("W", "b")]


def random_parameters(rng, layers_dims, scrambled=False):
    """``W{l}``, ``b{l}`` of random values; with ``scrambled`` the dict is built in a shuffled key order."""
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((layers_dims[l], 1))
    if scrambled:
        order = rng.permutation(len(parameters))
        keys = list(parameters)
        parameters = {keys[i]: parameters[keys[i]] for i in order}
    return parameters


def flatten(arrays, keys):
    """The documented layout: each array in C order, one after the other, as a column."""
    return np.concatenate([np.reshape(arrays[key], (-1, 1)) for key in keys], axis=0)


def network_problem(seed, layers_dims=LAYERS[0], m=3):
    """``X, Y, parameters`` for the given 3-layer network: both labels, random nonzero biases, drawn
    from ``seed`` again and again until ``well_posed``."""
    rng = np.random.default_rng(seed)
    for _ in range(1000):
        X = rng.standard_normal((layers_dims[0], m))
        Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(np.float64)
        parameters = random_parameters(rng, layers_dims)
        parameters = {k: v / np.sqrt(v.shape[1]) for k, v in parameters.items()}
        L = len(layers_dims) - 1
        for l in range(1, L + 1):  # hidden biases > 0, so that few ReLUs are dead
            b = parameters[f"b{l}"]
            parameters[f"b{l}"] = 0.5 * b if l == L else 0.1 + 0.5 * np.abs(b)
        if well_posed(X, Y, parameters):
            return X, Y, parameters
    raise RuntimeError(f"no well-posed network problem for the seed {seed}")


def well_posed(X, Y, parameters):
    """Whether every check of ``gradient_check_n`` on this problem is clear-cut, whatever the draw.

    No ReLU input within 1e-3 of its kink (central differences across a kink are wrong), no
    saturated output (``|Z_L| <= 3``, so the cost keeps its digits), and the bugs of
    ``network_gradients_buggy`` (``dW2`` doubled, ``db1`` times 4) visible: with the true
    gradients computed here, the relative difference they cause is above 0.05, five times the
    threshold the test asks for. (If every unit feeding ``W2`` is off, ``dW2`` and ``db1`` are 0 and
    the buggy gradients are right.)
    """
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        caches.append((A, Z))
        if l < L and np.abs(Z).min() < 1e-3:
            return False
        A = np.maximum(Z, 0.0) if l < L else 1 / (1 + np.exp(-Z))
    if np.abs(caches[-1][1]).max() > 3:
        return False
    m = X.shape[1]
    dZ, gradients = A - Y, {}
    for l in range(L, 0, -1):
        A_prev, _ = caches[l - 1]
        gradients[f"dW{l}"] = dZ @ A_prev.T / m
        gradients[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dZ = (parameters[f"W{l}"].T @ dZ) * (caches[l - 2][1] > 0)
    keys = ["d" + key for key in keys_in_order(L)]
    grad = flatten(gradients, keys)
    buggy = flatten({**gradients, "dW2": 2 * gradients["dW2"], "db1": 4 * gradients["db1"]}, keys)
    return np.linalg.norm(buggy - grad) / (np.linalg.norm(buggy) + np.linalg.norm(grad)) > 0.05


def bind_cost(module, X, Y):
    """``network_cost`` with ``X`` and ``Y`` bound: a worker-side partial when grading, a plain one when freezing."""
    cost = module.network_cost
    if isinstance(cost, sandbox.RemoteFunction):
        return cost.partial(X=X, Y=Y)
    return functools.partial(cost, X=X, Y=Y)


def network_gradients(X, Y, parameters, buggy=False):
    """The given correct (or buggy) gradients of ``network_cost``, computed by the submission's copy."""
    function = gc.network_gradients_buggy if buggy else gc.network_gradients
    return function(parameters, X, Y)


# ------------------------------------------------------------------------ forward_propagation
@cases.define("forward_propagation")
def _(rng):
    return {"2_4": {"x": 2.0, "theta": 4.0}, "random": {"x": float(rng.standard_normal()),
                                                       "theta": float(rng.standard_normal())}}


@pytest.mark.exercise("forward_propagation", points=0.25)
@cases.parametrize("forward_propagation")
def test_forward_propagation_matches_reference(case):
    checks.assert_close(case.run(gc), case.expected, "forward_propagation(x={x:g}, theta={theta:g})".format(**case.inputs))


@pytest.mark.exercise("forward_propagation", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_forward_propagation_is_theta_times_x(seed):
    x, theta = (float(v) for v in np.random.default_rng(seed).uniform(-5, 5, 2))
    name = f"forward_propagation(x={x:.4g}, theta={theta:.4g})"
    J = gc.forward_propagation(x, theta)
    checks.assert_float(J, name)
    checks.assert_close(J, theta * x, f"{name} vs theta * x", rtol=1e-12)


# ----------------------------------------------------------------------- backward_propagation
@cases.define("backward_propagation")
def _(rng):
    return {"2_4": {"x": 2.0, "theta": 4.0}, "random": {"x": float(rng.standard_normal()),
                                                       "theta": float(rng.standard_normal())}}


@pytest.mark.exercise("backward_propagation", points=0.25)
@cases.parametrize("backward_propagation")
def test_backward_propagation_matches_reference(case):
    checks.assert_close(case.run(gc), case.expected, "backward_propagation(x={x:g}, theta={theta:g})".format(**case.inputs))


@pytest.mark.exercise("backward_propagation", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_backward_propagation_gradient(seed):
    x, theta = (float(v) for v in np.random.default_rng(seed).uniform(-5, 5, 2))
    name = f"backward_propagation(x={x:.4g}, theta={theta:.4g})"
    dtheta = gc.backward_propagation(x, theta)
    checks.assert_float(dtheta, name)
    numeric = numerical_gradient(lambda t: gc.forward_propagation(x, float(t)), np.array(theta))
    checks.assert_gradient(dtheta, numeric, f"{name} vs central differences of your forward_propagation")


# ---------------------------------------------------------------------------- gradient_check
@cases.define("gradient_check")
def _(rng):
    # epsilon_1e-12: so small a nudge that rounding dominates and the difference is about 1e-4.
    return {"2_4": {"x": 2.0, "theta": 4.0}, "random": {"x": 3.7, "theta": -1.3},
            "epsilon_1e-4": {"x": -0.6, "theta": 2.2, "epsilon": 1e-4},
            "epsilon_1e-12": {"x": 50.0, "theta": 3.3, "epsilon": 1e-12}}


@pytest.mark.exercise("gradient_check", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_check_returns_a_small_float(seed):
    x, theta = (float(v) for v in np.random.default_rng(seed).uniform(0.5, 5, 2))
    name = f"gradient_check(x={x:.4g}, theta={theta:.4g})"
    difference = gc.gradient_check(x, theta)
    checks.assert_float(difference, name)
    if not 0 <= difference < 1e-7:
        checks.fail(f"{name} = {difference:.3g}: the backward pass of J = theta * x is right, so the relative "
                    "difference should be between 0 and 1e-7")


@pytest.mark.exercise("gradient_check", points=0.5)
@cases.parametrize("gradient_check")
def test_gradient_check_matches_reference(case):
    # The difference is rounding noise of (J_plus - J_minus): a relative tolerance, and no absolute one.
    checks.assert_close(case.run(gc), case.expected, "gradient_check(" + ", ".join(f"{k}={v!r}" for k, v in case.inputs.items()) + ")", rtol=1e-3, atol=1e-14)


@pytest.mark.exercise("gradient_check", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_check_uses_central_differences_of_forward_propagation(seed):
    x, theta = (float(v) for v in np.random.default_rng(seed + 5).uniform(0.5, 5, 2))
    epsilon = 1e-7
    name = f"gradient_check(x={x:.4g}, theta={theta:.4g})"
    difference = gc.gradient_check(x, theta)
    checks.assert_float(difference, name)
    gradapprox = (gc.forward_propagation(x, theta + epsilon) - gc.forward_propagation(x, theta - epsilon)) / (2 * epsilon)
    grad = gc.backward_propagation(x, theta)
    expected = abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))
    checks.assert_close(difference, expected, f"{name} vs |grad - gradapprox| / (|grad| + |gradapprox|) computed "
                        "from your forward_propagation and backward_propagation", rtol=1e-3, atol=1e-14)


# ---------------------------------------------------------------------- dictionary_to_vector
@cases.define("dictionary_to_vector")
def _(rng):
    return {"4_5_3_1": {"parameters": random_parameters(rng, [4, 5, 3, 1])},
            "2_1": {"parameters": random_parameters(rng, [2, 1])},
            "scrambled_order": {"parameters": random_parameters(rng, [3, 2, 2], scrambled=True)}}


@pytest.mark.exercise("dictionary_to_vector", points=0.25)
@pytest.mark.parametrize("value", FLATTENED_VALUES)
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_dictionary_to_vector_types_and_shapes(layers_dims, value):
    parameters = random_parameters(np.random.default_rng(0), layers_dims)
    n = sum(v.size for v in parameters.values())
    name = f"dictionary_to_vector(parameters) for layers {layers_dims}"
    theta, keys = checks.unpack(gc.dictionary_to_vector(parameters), 2, name)
    if value == "theta":
        checks.assert_shape(theta, (n, 1), f"{name} theta (one column of all {n} parameters)")
    elif not isinstance(keys, list) or len(keys) != n:
        checks.fail(f"{name} keys: expected a list of {n} names (one per entry of theta), got {keys!r:.80}")


@pytest.mark.exercise("dictionary_to_vector", points=0.25)
@pytest.mark.parametrize("value", FLATTENED_VALUES)
@cases.parametrize("dictionary_to_vector")
def test_dictionary_to_vector_matches_reference(case, value):
    checks.assert_value_close(case.run(gc), case.expected, FLATTENED_VALUES[value],
                       "dictionary_to_vector(parameters) -> (theta, keys)")


@pytest.mark.exercise("dictionary_to_vector", points=0.25)
@pytest.mark.parametrize("value", FLATTENED_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_dictionary_to_vector_orders_W1_b1_W2_b2(seed, value):
    rng = np.random.default_rng(seed)
    layers_dims = [int(n) for n in rng.integers(1, 5, size=int(rng.integers(2, 5)))]
    parameters = random_parameters(rng, layers_dims, scrambled=True)
    order = keys_in_order(len(layers_dims) - 1)
    name = f"dictionary_to_vector(parameters) for a dict with the keys in the order {list(parameters)}"
    theta, keys = checks.unpack(gc.dictionary_to_vector(parameters), 2, name)
    if value == "theta":
        checks.assert_close(theta, flatten(parameters, order), f"{name} theta (the order is {', '.join(order)}, "
                            "whatever the dict's order; each array flattened in C order)", rtol=0, atol=0)
        return
    expected_keys = [key for key in order for _ in range(parameters[key].size)]
    if list(keys) != expected_keys:
        checks.fail(f"{name} keys: expected {expected_keys}, got {keys!r:.300}")


@pytest.mark.exercise("dictionary_to_vector", points=0.25)
@pytest.mark.parametrize("value", FLATTENED_VALUES)
def test_dictionary_to_vector_does_not_modify_its_input(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("dictionary_to_vector")[0].assert_pure(gc, "dictionary_to_vector(parameters)", FLATTENED_VALUES[value])


# ---------------------------------------------------------------------- vector_to_dictionary
@cases.define("vector_to_dictionary")
def _(rng):
    def problem(layers_dims):
        parameters = random_parameters(rng, layers_dims)
        shapes = {key: value.shape for key, value in parameters.items()}
        return {"theta": rng.standard_normal((sum(v.size for v in parameters.values()), 1)), "shapes": shapes}
    return {"4_5_3_1": problem([4, 5, 3, 1]), "2_1": problem([2, 1]), "3_2_2": problem([3, 2, 2])}


@pytest.mark.exercise("vector_to_dictionary", points=0.25)
@pytest.mark.parametrize("layers_dims, value", [(dims, key) for dims in LAYERS for key in keys_in_order(len(dims) - 1)],
                         ids=str)
def test_vector_to_dictionary_keys_and_shapes(layers_dims, value):
    parameters = random_parameters(np.random.default_rng(0), layers_dims)
    shapes = {key: value.shape for key, value in parameters.items()}
    theta = np.random.default_rng(1).standard_normal((sum(v.size for v in parameters.values()), 1))
    name = f"vector_to_dictionary(theta, shapes) with shapes {shapes}"
    result = gc.vector_to_dictionary(theta, shapes)
    checks.assert_keys(result, list(shapes), name)
    checks.assert_shape(result[value], shapes[value], f"{name}[{value!r}]")


@pytest.mark.exercise("vector_to_dictionary", points=0.25)
@cases.each_value("vector_to_dictionary", lambda case: list(case.expected))
def test_vector_to_dictionary_matches_reference(case, value):
    checks.assert_value_close(case.run(gc), case.expected, (value,),
                       f"vector_to_dictionary(theta, shapes={case.inputs['shapes']})")


@pytest.mark.exercise("vector_to_dictionary", points=0.25)
@pytest.mark.parametrize("value", ["W", "b"], ids=["weights", "biases"])  # the layers are drawn: two values
@pytest.mark.parametrize("seed", SEEDS)
def test_vector_to_dictionary_inverts_the_flattening(seed, value):
    rng = np.random.default_rng(seed)
    layers_dims = [int(n) for n in rng.integers(1, 5, size=int(rng.integers(2, 5)))]
    parameters = random_parameters(rng, layers_dims)
    order = keys_in_order(len(layers_dims) - 1)
    shapes = {key: parameters[key].shape for key in order}
    name = f"vector_to_dictionary(theta, shapes) with shapes {shapes} and theta = W1, b1, ... flattened in C order"
    result = gc.vector_to_dictionary(flatten(parameters, order), shapes)
    checks.assert_close(result, {key: parameters[key] for key in order if key.startswith(value)}, name, rtol=0, atol=0)


@pytest.mark.exercise("vector_to_dictionary", points=0.25)
@pytest.mark.parametrize("value", keys_in_order(3))  # the first case, 4_5_3_1, has 3 layers
def test_vector_to_dictionary_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("vector_to_dictionary")[0].assert_pure(gc, "vector_to_dictionary(theta, shapes)", (value,))


# ----------------------------------------------------------------------- gradients_to_vector
@cases.define("gradients_to_vector")
def _(rng):
    def problem(layers_dims, extra=False, scrambled=False):
        parameters = random_parameters(rng, layers_dims, scrambled=scrambled)
        # dW1, db1, ... in this order: with scrambled parameters, following their dict's order is wrong
        order = keys_in_order(len(layers_dims) - 1)
        gradients = {"d" + key: rng.standard_normal(parameters[key].shape) for key in order}
        if extra:
            gradients["dZ1"] = rng.standard_normal((layers_dims[1], 3))
            gradients["dA1"] = rng.standard_normal((layers_dims[1], 3))
        return {"gradients": gradients, "parameters": parameters}
    return {"4_5_3_1": problem([4, 5, 3, 1]), "2_1": problem([2, 1]), "extra_keys": problem([3, 2, 2], extra=True),
            "scrambled_order": problem([2, 3, 2], scrambled=True)}


@pytest.mark.exercise("gradients_to_vector", points=0.25)
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_gradients_to_vector_shape(layers_dims):
    rng = np.random.default_rng(0)
    parameters = random_parameters(rng, layers_dims)
    gradients = {"d" + key: rng.standard_normal(value.shape) for key, value in parameters.items()}
    n = sum(v.size for v in parameters.values())
    checks.assert_shape(gc.gradients_to_vector(gradients, parameters), (n, 1),
                        f"gradients_to_vector(gradients, parameters) for layers {layers_dims}")


@pytest.mark.exercise("gradients_to_vector", points=0.25)
@cases.parametrize("gradients_to_vector")
def test_gradients_to_vector_matches_reference(case):
    checks.assert_close(case.run(gc), case.expected, "gradients_to_vector(gradients, parameters)")


@pytest.mark.exercise("gradients_to_vector", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_gradients_to_vector_follows_the_parameter_order(seed):
    rng = np.random.default_rng(seed)
    layers_dims = [int(n) for n in rng.integers(1, 5, size=int(rng.integers(2, 5)))]
    parameters = random_parameters(rng, layers_dims, scrambled=True)
    gradients = {"dA0": rng.standard_normal((layers_dims[0], 2))}
    gradients.update({"d" + key: rng.standard_normal(value.shape) for key, value in parameters.items()})
    gradients["dZ1"] = rng.standard_normal((layers_dims[1], 2))
    order = keys_in_order(len(layers_dims) - 1)
    name = (f"gradients_to_vector(gradients, parameters) with the keys {list(gradients)} "
            f"(only dW, db count, in the order {', '.join('d' + k for k in order)})")
    checks.assert_close(gc.gradients_to_vector(gradients, parameters),
                        flatten({k: gradients["d" + k] for k in order}, order), name, rtol=0, atol=0)


@pytest.mark.exercise("gradients_to_vector", points=0.25)
def test_gradients_to_vector_does_not_modify_its_inputs():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("gradients_to_vector")[0].assert_pure(gc, "gradients_to_vector(gradients, parameters)")


# -------------------------------------------------------------------------- gradient_check_n
def run_gradient_check_n(module, X, Y, parameters, buggy, epsilon):
    """The check of the given network's correct or buggy gradients, with the given cost bound to X, Y."""
    gradients = (module.network_gradients_buggy if buggy else module.network_gradients)(parameters, X, Y)
    return module.gradient_check_n(bind_cost(module, X, Y), parameters, gradients, epsilon=epsilon)


@cases.define("gradient_check_n", call=run_gradient_check_n)
def _(rng):
    def problem(buggy, epsilon, layers_dims=(4, 5, 3, 1), m=3):
        X, Y, parameters = network_problem(int(rng.integers(1000)), list(layers_dims), m)
        return {"X": X, "Y": Y, "parameters": parameters, "buggy": buggy, "epsilon": epsilon}
    return {"buggy": problem(True, 1e-7), "buggy_2_3_2_1": problem(True, 1e-7, (2, 3, 2, 1), 4),
            "buggy_epsilon_1e-2": problem(True, 1e-2), "correct_epsilon_1e-2": problem(False, 1e-2)}


@pytest.mark.exercise("gradient_check_n", points=0.25)
def test_gradient_check_n_returns_a_float():
    X, Y, parameters = network_problem(0)
    name = "gradient_check_n(cost_function, parameters, gradients)"
    difference = gc.gradient_check_n(gc.network_cost.partial(X=X, Y=Y), parameters, network_gradients(X, Y, parameters))
    checks.assert_float(difference, name)


@pytest.mark.exercise("gradient_check_n", points=0.75)
@cases.parametrize("gradient_check_n")
def test_gradient_check_n_matches_reference(case):
    inputs = case.inputs
    which = "network_gradients_buggy" if inputs["buggy"] else "network_gradients"
    checks.assert_close(case.run(gc), case.expected,
                        f"gradient_check_n(network_cost with X, Y bound, parameters, {which}(parameters, X, Y), "
                        f"epsilon={inputs['epsilon']:g})", rtol=1e-5)


@pytest.mark.exercise("gradient_check_n", points=0.75)
@pytest.mark.parametrize("seed, layers_dims", list(zip(SEEDS, LAYERS)), ids=str)
def test_gradient_check_n_passes_a_correct_backward_pass(seed, layers_dims):
    X, Y, parameters = network_problem(seed, layers_dims)
    name = f"gradient_check_n(cost_function, parameters, gradients) with the correct network_gradients, layers {layers_dims}"
    difference = gc.gradient_check_n(gc.network_cost.partial(X=X, Y=Y), parameters, network_gradients(X, Y, parameters))
    checks.assert_float(difference, name)
    if not 0 <= difference < 2e-7:
        checks.fail(f"{name} = {difference:.3g}; a correct backward pass should give less than 2e-7")


@pytest.mark.exercise("gradient_check_n", points=0.5)
@pytest.mark.parametrize("seed, layers_dims", list(zip(SEEDS, LAYERS)), ids=str)
def test_gradient_check_n_catches_a_buggy_backward_pass(seed, layers_dims):
    X, Y, parameters = network_problem(seed + 10, layers_dims)
    name = (f"gradient_check_n(cost_function, parameters, gradients) with network_gradients_buggy (dW2 and db1 "
            f"too large), layers {layers_dims}")
    difference = gc.gradient_check_n(gc.network_cost.partial(X=X, Y=Y), parameters,
                                     network_gradients(X, Y, parameters, buggy=True))
    checks.assert_float(difference, name)
    if not difference > 1e-2:
        checks.fail(f"{name} = {difference:.3g}; a wrong backward pass should give more than 1e-2")


@pytest.mark.exercise("gradient_check_n", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_check_n_relative_difference_of_scaled_gradients(seed):
    # With grad = 2 * gradapprox the difference is ||g|| / (2 ||g|| + ||g||) = 1/3; with grad = 0 it is 1.
    X, Y, parameters = network_problem(seed + 20)
    gradients = network_gradients(X, Y, parameters)
    checks.assert_keys(gradients, ["dW1", "db1", "dW2", "db2", "dW3", "db3"], "network_gradients (given)")
    cost = gc.network_cost.partial(X=X, Y=Y)
    name = "gradient_check_n(cost_function, parameters, gradients)"
    doubled = gc.gradient_check_n(cost, parameters, {k: 2 * v for k, v in gradients.items()})
    checks.assert_close(doubled, 1 / 3, f"{name} with every correct gradient multiplied by 2 (should be 1/3)",
                        rtol=1e-5)
    zero = gc.gradient_check_n(cost, parameters, {k: np.zeros_like(v) for k, v in gradients.items()})
    checks.assert_close(zero, 1.0, f"{name} with all gradients 0 (should be 1)", rtol=1e-9)


@pytest.mark.exercise("gradient_check_n", points=0.25)
def test_gradient_check_n_does_not_modify_its_inputs():
    # Only a correct result earns these points: the check of a correct backward pass must pass too.
    X, Y, parameters = network_problem(3)
    gradients = network_gradients(X, Y, parameters)
    name = "gradient_check_n(cost_function, parameters, gradients)"
    difference, _, after = gc.gradient_check_n.call_and_inspect(
        cost_function=gc.network_cost.partial(X=X, Y=Y), parameters=parameters, gradients=gradients)
    checks.assert_float(difference, name)
    if not 0 <= difference < 2e-7:
        checks.fail(f"{name} = {difference:.3g} for the correct network_gradients; expected less than 2e-7")
    checks.assert_not_mutated({"parameters": parameters, "gradients": gradients},
                              {"parameters": after["parameters"], "gradients": after["gradients"]},
                              f"{name}: the argument")
