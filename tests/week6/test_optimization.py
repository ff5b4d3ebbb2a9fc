"""Tests of week6/optimization.py: mini-batches, the update rules of gradient descent, momentum,
RMSprop and Adam, learning-rate decay, and the training loop ``model``.

Same layout as week1's suites: keys and shapes; reference values (``fixtures/optimization.zip``),
compared output by output so that a message names the dict that differs (``parameters``, ``v``,
``s``, ``v_corrected`` or ``s_corrected``); then properties that hold for any input drawn at test
time (Adam's first step moves every coordinate by about ``learning_rate``; momentum with
``beta = 0`` is gradient descent; a mini-batch split is a partition of the columns with X and Y
shuffled together; ...); and purity. ``model`` runs on tiny synthetic data for a few epochs; the
moons comparison is in ``examples/week6_optimization.py``. The network of ``deep_net`` is given:
where a test needs it, it calls the submission's copy.
"""
import math

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

opt = sandbox.load("week6.optimization")
cases = Cases(__file__)

SEEDS = [0, 1]
LAYERS = [[3, 4, 2], [2, 3, 2, 1]]
ADAM_OUTPUTS = ("parameters", "v", "s", "v_corrected", "s_corrected")
# Each returned value is scored on its own (a test runs once per value): each key of a returned dict of
# parameters or state (dW1, db1, ...: the weights and the biases where the layers are drawn at grading time), each
# output of a function that returns several; Adam's in the order it computes them.
ADAM_ORDER = ("v", "s", "v_corrected", "s_corrected", "parameters")
MINI_BATCH_VALUES = {"mini_batch_X": 0, "mini_batch_Y": 1}


# ---------------------------------------------------------------------------------- helpers
def random_parameters(rng, layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((layers_dims[l], 1))
    return parameters


def like(parameters, rng, scale=1.0, positive=False):
    """A dict ``"dW1", "db1", ...`` of random arrays shaped like the parameters."""
    out = {}
    for key, value in parameters.items():
        draw = rng.standard_normal(value.shape) * scale
        out["d" + key] = np.abs(draw) if positive else draw
    return out


def zeros_like(parameters):
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def gradient_keys(parameters):
    return ["d" + key for key in parameters]


def check_like_parameters(d, parameters, name, prefix="d", value=None):
    """``d`` has the keys ``prefix + key`` of ``parameters``, each (or the one ``value``) the shape of its parameter."""
    keys = [prefix + key for key in parameters]
    checks.assert_keys(d, keys, name)
    for key in parameters:
        if value is None or prefix + key == value:
            checks.assert_shape(d[prefix + key], parameters[key].shape, f"{name}[{prefix + key!r}]")


def per_key(prefix=""):
    """``(layers_dims, key)`` for the layers of LAYERS and each of their keys (``prefix`` "d": the gradients')."""
    return [(dims, prefix + key) for dims in LAYERS for key in param_keys(len(dims) - 1)]


def param_keys(L):
    return [f"{kind}{l}" for l in range(1, L + 1) for kind in ("W", "b")]


def problem(seed, layers_dims=LAYERS[0]):
    rng = np.random.default_rng(seed)
    parameters = random_parameters(rng, layers_dims)
    return rng, parameters, like(parameters, rng)


def binary_data(seed, m=24, n_x=2):
    """Points in the plane labelled by a curved rule (both classes present)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (X[1] > 0.5 * X[0] ** 2 - 0.5).astype(np.float64).reshape(1, m)
    Y[0, :2] = [0.0, 1.0]
    return X, Y


def call_text(function, inputs, arrays=()):
    """``function(X, Y, mini_batch_size=8, rng=3)``: the call of a reference case, for messages."""
    parts = [key if key in arrays else f"{key}={value!r}" for key, value in inputs.items()
             if key in arrays or not isinstance(value, (np.ndarray, dict))]
    return f"{function}(" + ", ".join(parts) + ")"


# ------------------------------------------------------------------ update_parameters_with_gd
@cases.define("update_parameters_with_gd")
def _(rng):
    def case(layers_dims, learning_rate):
        parameters = random_parameters(rng, layers_dims)
        return {"parameters": parameters, "grads": like(parameters, rng), "learning_rate": learning_rate}
    return {"3_4_2": case([3, 4, 2], 0.01), "2_3_2_1": case([2, 3, 2, 1], 0.5), "1_1": case([1, 1], 1.0)}


@pytest.mark.exercise("update_parameters_with_gd", points=0.25)
@pytest.mark.parametrize("layers_dims, value", per_key(), ids=str)
def test_update_parameters_with_gd_keys_and_shapes(layers_dims, value):
    _, parameters, grads = problem(0, layers_dims)
    result = opt.update_parameters_with_gd(parameters, grads, 0.1)
    check_like_parameters(result, parameters, "update_parameters_with_gd(parameters, grads, 0.1)", prefix="",
                          value=value)


@pytest.mark.exercise("update_parameters_with_gd", points=0.25)
@cases.each_value("update_parameters_with_gd", lambda case: list(case.expected))
def test_update_parameters_with_gd_matches_reference(case, value):
    checks.assert_value_close(case.run(opt), case.expected, (value,),
                       f"update_parameters_with_gd(parameters, grads, learning_rate={case.inputs['learning_rate']})")


@pytest.mark.exercise("update_parameters_with_gd", points=0.25)
@pytest.mark.parametrize("value", param_keys(len(LAYERS[1]) - 1))
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_gd_steps_against_the_gradient(seed, value):
    rng, parameters, grads = problem(seed, LAYERS[1])
    learning_rate = float(rng.uniform(0.01, 1.0))
    name = f"update_parameters_with_gd(parameters, grads, {learning_rate:.4g})"
    result = opt.update_parameters_with_gd(parameters, grads, learning_rate)
    check_like_parameters(result, parameters, name, prefix="", value=value)
    checks.assert_close(result[value], parameters[value] - learning_rate * grads["d" + value],
                        f"{name}[{value!r}] vs {value} - learning_rate * d{value}", rtol=1e-12)


@pytest.mark.exercise("update_parameters_with_gd", points=0.25)
@pytest.mark.parametrize("value", param_keys(2))  # the first case, 3_4_2, has 2 layers
def test_update_parameters_with_gd_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("update_parameters_with_gd")[0].assert_pure(opt, "update_parameters_with_gd(parameters, grads, learning_rate)", (value,))


# ------------------------------------------------------------------------ random_mini_batches
@cases.define("random_mini_batches")
def _(rng):
    def case(n_x, n_y, m, **kwargs):
        return {"X": rng.standard_normal((n_x, m)), "Y": rng.integers(0, 2, (n_y, m)).astype(np.float64), **kwargs}
    return {"m10_size4": case(2, 1, 10, mini_batch_size=4, rng=3), "m12_size4": case(3, 1, 12, mini_batch_size=4, rng=7),
            "one_hot_Y": case(2, 3, 7, mini_batch_size=3, rng=11), "defaults_m150": case(2, 1, 150)}


def check_mini_batches(batches, X, Y, size, name, value=None):
    """A list of ``ceil(m / size)`` tuples ``(mini_batch_X, mini_batch_Y)``: full batches, then the remainder (the
    shapes of the X and the Y, or of only ``value``, ``"mini_batch_X"`` or ``"mini_batch_Y"``)."""
    m = X.shape[1]
    n = math.ceil(m / size)
    if not isinstance(batches, list) or len(batches) != n:
        got = f"a list of {len(batches)} batches" if isinstance(batches, list) else checks._describe(batches)
        checks.fail(f"{name}: expected a list of {n} mini-batches (ceil({m} / {size})), got {got}")
    for k, batch in enumerate(batches):
        batch_X, batch_Y = checks.unpack(batch, 2, f"{name}[{k}] (a tuple (mini_batch_X, mini_batch_Y))")
        columns = size if k < n - 1 or m % size == 0 else m % size
        what = "a full batch" if columns == size else f"the last batch holds the {columns} remaining columns"
        if value in (None, "mini_batch_X"):
            checks.assert_shape(batch_X, (X.shape[0], columns), f"{name}[{k}] mini_batch_X ({what})")
        if value in (None, "mini_batch_Y"):
            checks.assert_shape(batch_Y, (Y.shape[0], columns), f"{name}[{k}] mini_batch_Y ({what})")


@pytest.mark.exercise("random_mini_batches", points=0.5)
@pytest.mark.parametrize("value", MINI_BATCH_VALUES)
@pytest.mark.parametrize("m, size", [(10, 4), (12, 4), (5, 8), (7, 1)])
def test_random_mini_batches_sizes(m, size, value):
    X, Y = binary_data(0, m)
    name = f"random_mini_batches(X, Y, mini_batch_size={size}, rng=0) for m = {m}"
    check_mini_batches(opt.random_mini_batches(X, Y, mini_batch_size=size, rng=0), X, Y, size, name, value)


@pytest.mark.exercise("random_mini_batches", points=0.5)
@pytest.mark.parametrize("value", MINI_BATCH_VALUES)
@cases.parametrize("random_mini_batches")
def test_random_mini_batches_matches_reference(case, value):
    batches, name = case.run(opt), call_text("random_mini_batches", case.inputs, ("X", "Y"))
    for k in range(len(case.expected)):  # the mini_batch_X (or _Y) of every batch, scored on their own
        checks.assert_value_close(batches, case.expected, (k, MINI_BATCH_VALUES[value]), name)


@pytest.mark.exercise("random_mini_batches", points=0.5)
@pytest.mark.parametrize("value", MINI_BATCH_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_mini_batches_partition_the_columns_and_keep_pairs(seed, value):
    rng = np.random.default_rng(seed)
    m, size = int(rng.integers(9, 30)), int(rng.integers(2, 8))
    X = np.vstack([np.arange(m, dtype=np.float64), rng.standard_normal((2, m))])  # row 0: the column's index
    Y = np.vstack([X[0] * 10 + 1, X[1] ** 2])  # each label column is a function of its example
    name = f"random_mini_batches(X, Y, mini_batch_size={size}, rng={seed}) for m = {m}"
    batches = opt.random_mini_batches(X, Y, mini_batch_size=size, rng=seed)
    check_mini_batches(batches, X, Y, size, name)
    all_X = np.concatenate([b[0] for b in batches], axis=1)
    all_Y = np.concatenate([b[1] for b in batches], axis=1)
    order = all_X[0].astype(int)
    if sorted(order.tolist()) != list(range(m)):  # for mini_batch_Y too: its pairs are those of mini_batch_X
        checks.fail(f"{name}: the batches should hold every column of X exactly once; the columns they hold are "
                    f"{order.tolist()}")
    if value == "mini_batch_X":
        checks.assert_close(all_X, X[:, order], f"{name}: the columns of the mini_batch_X (each a column of X)",
                            rtol=0, atol=0)
    else:
        checks.assert_close(all_Y, Y[:, order], f"{name}: the mini_batch_Y (each column must stay with its column of "
                            "X: shuffle X and Y with the same permutation)", rtol=0, atol=0)


@pytest.mark.exercise("random_mini_batches", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_mini_batches_shuffle_with_rng_permutation(seed):
    m = 13
    X = np.arange(2 * m, dtype=np.float64).reshape(2, m)
    Y = np.arange(m, dtype=np.float64).reshape(1, m)
    name = f"random_mini_batches(X, Y, mini_batch_size=5, rng={seed + 20})"
    batches = opt.random_mini_batches(X, Y, mini_batch_size=5, rng=seed + 20)
    check_mini_batches(batches, X, Y, 5, name)
    permutation = np.random.default_rng(seed + 20).permutation(m)
    checks.assert_close(np.concatenate([b[1] for b in batches], axis=1), Y[:, permutation],
                        f"{name}: the mini_batch_Y one after the other vs Y[:, np.random.default_rng(rng).permutation(m)]",
                        rtol=0, atol=0)


@pytest.mark.exercise("random_mini_batches", points=0.25)
@pytest.mark.parametrize("value", MINI_BATCH_VALUES)
def test_random_mini_batches_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    case = cases.get("random_mini_batches")[0]
    paths = [(k, MINI_BATCH_VALUES[value]) for k in range(len(case.expected or []))]
    case.assert_pure(opt, "random_mini_batches(X, Y, mini_batch_size, rng)", paths)


# --------------------------------------------------------- initialize_velocity / _rmsprop / _adam
def state_cases(rng):
    return {"3_4_2": {"parameters": random_parameters(rng, [3, 4, 2])},
            "2_3_2_1": {"parameters": random_parameters(rng, [2, 3, 2, 1])}}


cases.define("initialize_velocity")(state_cases)
cases.define("initialize_rmsprop")(state_cases)
cases.define("initialize_adam")(state_cases)


def check_zero_state(state, parameters, name, kind=("W", "b")):
    """The keys of ``state``, and its zeros for the weights (``kind`` "W"), the biases ("b") or both."""
    checks.assert_keys(state, ["d" + key for key in parameters], name)
    for key in parameters:
        if key[0] in kind:
            checks.assert_shape(state["d" + key], parameters[key].shape, f"{name}['d{key}']")
            checks.assert_dtype(state["d" + key], f"{name}['d{key}']")
            checks.assert_equal_arrays(state["d" + key], np.zeros(parameters[key].shape), f"{name}['d{key}'] (zeros)")


def random_layers(rng):
    return random_parameters(rng, [int(n) for n in rng.integers(1, 6, size=int(rng.integers(2, 5)))])


@pytest.mark.exercise("initialize_velocity", points=0.25)
@pytest.mark.parametrize("layers_dims, value", per_key("d"), ids=str)
def test_initialize_velocity_keys_and_shapes(layers_dims, value):
    _, parameters, _ = problem(0, layers_dims)
    check_like_parameters(opt.initialize_velocity(parameters), parameters, "initialize_velocity(parameters)",
                          value=value)


@pytest.mark.exercise("initialize_velocity", points=0.25)
@cases.each_value("initialize_velocity", lambda case: list(case.expected))
def test_initialize_velocity_matches_reference(case, value):
    checks.assert_value_close(case.run(opt), case.expected, (value,), "initialize_velocity(parameters)")


@pytest.mark.exercise("initialize_velocity", points=0.25)
@pytest.mark.parametrize("value", ["W", "b"], ids=["dW", "db"])  # the layers are drawn: two values
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_velocity_is_zero(seed, value):
    parameters = random_layers(np.random.default_rng(seed))
    check_zero_state(opt.initialize_velocity(parameters), parameters, "initialize_velocity(parameters)", value)


@pytest.mark.exercise("initialize_velocity", points=0.25)
@pytest.mark.parametrize("value", ["d" + key for key in param_keys(2)])  # the first case, 3_4_2, has 2 layers
def test_initialize_velocity_does_not_modify_its_input(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("initialize_velocity")[0].assert_pure(opt, "initialize_velocity(parameters)", (value,))


# ------------------------------------------------------------ update_parameters_with_momentum
@cases.define("update_parameters_with_momentum")
def _(rng):
    def case(layers_dims, beta, learning_rate):
        parameters = random_parameters(rng, layers_dims)
        return {"parameters": parameters, "grads": like(parameters, rng), "v": like(parameters, rng, 0.3),
                "beta": beta, "learning_rate": learning_rate}
    return {"3_4_2": case([3, 4, 2], 0.9, 0.01), "2_3_2_1": case([2, 3, 2, 1], 0.5, 0.1),
            "beta_0": case([2, 2], 0.0, 0.3)}


@pytest.mark.exercise("update_parameters_with_momentum", points=0.25)
@pytest.mark.parametrize("value", ["v", "parameters"])
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_update_parameters_with_momentum_keys_and_shapes(layers_dims, value):
    rng, parameters, grads = problem(0, layers_dims)
    name = "update_parameters_with_momentum(parameters, grads, v, 0.9, 0.01)"
    result = opt.update_parameters_with_momentum(parameters, grads, like(parameters, rng), 0.9, 0.01)
    new_parameters, v = checks.unpack(result, 2, f"{name} -> (parameters, v)")
    if value == "parameters":
        check_like_parameters(new_parameters, parameters, f"{name} parameters", prefix="")
    else:
        check_like_parameters(v, parameters, f"{name} v")


@pytest.mark.exercise("update_parameters_with_momentum", points=0.5)
@pytest.mark.parametrize("value", ["v", "parameters"])
@cases.parametrize("update_parameters_with_momentum")
def test_update_parameters_with_momentum_matches_reference(case, value):
    inputs = case.inputs
    name = f"update_parameters_with_momentum(parameters, grads, v, beta={inputs['beta']}, learning_rate={inputs['learning_rate']})"
    new_parameters, v = checks.unpack(case.run(opt), 2, f"{name} -> (parameters, v)")
    if value == "v":
        checks.assert_close(v, case.expected[1], f"{name} v")
    else:
        checks.assert_close(new_parameters, case.expected[0], f"{name} parameters")


@pytest.mark.exercise("update_parameters_with_momentum", points=0.25)
@pytest.mark.parametrize("value", ["v", "parameters"])
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_momentum_beta_0_is_gradient_descent(seed, value):
    rng, parameters, grads = problem(seed, LAYERS[1])
    name = "update_parameters_with_momentum(parameters, grads, v, beta=0.0, learning_rate=0.1)"
    new_parameters, v = checks.unpack(opt.update_parameters_with_momentum(parameters, grads, like(parameters, rng), 0.0, 0.1),
                                      2, f"{name} -> (parameters, v)")
    if value == "v":
        checks.assert_close(v, grads, f"{name} v (with beta = 0 the velocity is the gradient)", rtol=1e-12)
    else:
        checks.assert_close(new_parameters, {k: p - 0.1 * grads["d" + k] for k, p in parameters.items()},
                            f"{name} parameters (with beta = 0, one step of gradient descent)", rtol=1e-12)


@pytest.mark.exercise("update_parameters_with_momentum", points=0.5)
@pytest.mark.parametrize("value", ["v", "parameters"])
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_momentum_averages_a_constant_gradient(seed, value):
    # From v = 0 with the same gradient g at every step, after n steps v = (1 - beta^n) g and the
    # parameters have moved by learning_rate * sum_k (1 - beta^k) g.
    rng, parameters, grads = problem(seed, LAYERS[0])
    beta, learning_rate, n = float(rng.uniform(0.5, 0.95)), 0.05, 3
    name = f"update_parameters_with_momentum(parameters, grads, v, beta={beta:.3g}, learning_rate={learning_rate})"
    current, v = parameters, zeros_like(parameters)
    for step in range(1, n + 1):
        current, v = checks.unpack(opt.update_parameters_with_momentum(current, grads, v, beta, learning_rate), 2,
                                   f"{name} -> (parameters, v)")
        if value == "v":
            check_like_parameters(v, parameters, f"{name} v after {step} step(s)")
            checks.assert_close(v, {k: (1 - beta ** step) * g for k, g in grads.items()},
                                f"{name} v after {step} step(s) from v = 0 with a constant gradient g (should be "
                                f"(1 - beta^{step}) g)", rtol=1e-9)
    if value == "v":
        return
    moved = learning_rate * sum(1 - beta ** k for k in range(1, n + 1))
    checks.assert_close(current, {k: p - moved * grads["d" + k] for k, p in parameters.items()},
                        f"{name} parameters after {n} steps (each step moves by learning_rate * the new v)", rtol=1e-9)


@pytest.mark.exercise("update_parameters_with_momentum", points=0.5)
@pytest.mark.parametrize("value", ["v", "parameters"])
def test_update_parameters_with_momentum_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("update_parameters_with_momentum")[0].assert_pure(opt, "update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)", ({"parameters": 0, "v": 1}[value],))


# ------------------------------------------------------------------------- initialize_rmsprop
@pytest.mark.exercise("initialize_rmsprop", points=0.25)
@pytest.mark.parametrize("layers_dims, value", per_key("d"), ids=str)
def test_initialize_rmsprop_keys_and_shapes(layers_dims, value):
    _, parameters, _ = problem(0, layers_dims)
    check_like_parameters(opt.initialize_rmsprop(parameters), parameters, "initialize_rmsprop(parameters)",
                          value=value)


@pytest.mark.exercise("initialize_rmsprop", points=0.25)
@cases.each_value("initialize_rmsprop", lambda case: list(case.expected))
def test_initialize_rmsprop_matches_reference(case, value):
    checks.assert_value_close(case.run(opt), case.expected, (value,), "initialize_rmsprop(parameters)")


@pytest.mark.exercise("initialize_rmsprop", points=0.25)
@pytest.mark.parametrize("value", ["W", "b"], ids=["dW", "db"])  # the layers are drawn: two values
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_rmsprop_is_zero(seed, value):
    parameters = random_layers(np.random.default_rng(seed))
    check_zero_state(opt.initialize_rmsprop(parameters), parameters, "initialize_rmsprop(parameters)", value)


@pytest.mark.exercise("initialize_rmsprop", points=0.25)
@pytest.mark.parametrize("value", ["d" + key for key in param_keys(2)])  # the first case, 3_4_2, has 2 layers
def test_initialize_rmsprop_does_not_modify_its_input(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("initialize_rmsprop")[0].assert_pure(opt, "initialize_rmsprop(parameters)", (value,))


# ------------------------------------------------------------- update_parameters_with_rmsprop
@cases.define("update_parameters_with_rmsprop")
def _(rng):
    def case(layers_dims, beta2, learning_rate, grad_scale=1.0, **kwargs):
        parameters = random_parameters(rng, layers_dims)
        return {"parameters": parameters, "grads": like(parameters, rng, grad_scale),
                "s": like(parameters, rng, grad_scale ** 2 * 0.5, positive=True), "beta2": beta2,
                "learning_rate": learning_rate, **kwargs}
    return {"3_4_2": case([3, 4, 2], 0.999, 0.01), "2_3_2_1": case([2, 3, 2, 1], 0.9, 0.1),
            "small_gradients": case([2, 2], 0.999, 0.01, grad_scale=1e-4),
            "large_epsilon": case([2, 3, 1], 0.9, 0.05, epsilon=0.1),
            "short_memory": case([2, 3, 1], 0.4, 0.01)}  # beta2 < 0.5: 1 - beta2 and 1 % beta2 part ways


@pytest.mark.exercise("update_parameters_with_rmsprop", points=0.25)
@pytest.mark.parametrize("value", ["s", "parameters"])
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_update_parameters_with_rmsprop_keys_and_shapes(layers_dims, value):
    rng, parameters, grads = problem(0, layers_dims)
    name = "update_parameters_with_rmsprop(parameters, grads, s, 0.999, 0.01)"
    result = opt.update_parameters_with_rmsprop(parameters, grads, like(parameters, rng, positive=True), 0.999, 0.01)
    new_parameters, s = checks.unpack(result, 2, f"{name} -> (parameters, s)")
    if value == "parameters":
        check_like_parameters(new_parameters, parameters, f"{name} parameters", prefix="")
    else:
        check_like_parameters(s, parameters, f"{name} s")


@pytest.mark.exercise("update_parameters_with_rmsprop", points=0.5)
@pytest.mark.parametrize("value", ["s", "parameters"])
@cases.parametrize("update_parameters_with_rmsprop")
def test_update_parameters_with_rmsprop_matches_reference(case, value):
    inputs = case.inputs
    name = ("update_parameters_with_rmsprop(parameters, grads, s, "
            + ", ".join(f"{k}={inputs[k]}" for k in ("beta2", "learning_rate", "epsilon") if k in inputs) + ")")
    new_parameters, s = checks.unpack(case.run(opt), 2, f"{name} -> (parameters, s)")
    if value == "s":
        checks.assert_close(s, case.expected[1], f"{name} s")
    else:
        checks.assert_close(new_parameters, case.expected[0], f"{name} parameters")


@pytest.mark.exercise("update_parameters_with_rmsprop", points=0.5)
@pytest.mark.parametrize("value", ["s", "parameters"])
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_rmsprop_first_step(seed, value):
    # From s = 0: s = (1 - beta2) g^2, so each coordinate moves by learning_rate / sqrt(1 - beta2)
    # against the sign of its gradient (epsilon is negligible for |g| >= 0.01).
    rng, parameters, _ = problem(seed, LAYERS[1])
    grads = {k: np.sign(g) * rng.uniform(0.01, 3.0, g.shape) for k, g in like(parameters, rng).items()}
    beta2, learning_rate = 0.9, 0.01
    name = f"update_parameters_with_rmsprop(parameters, grads, s=0, beta2={beta2}, learning_rate={learning_rate})"
    new_parameters, s = checks.unpack(opt.update_parameters_with_rmsprop(parameters, grads, zeros_like(parameters), beta2,
                                                                         learning_rate), 2, f"{name} -> (parameters, s)")
    if value == "s":
        checks.assert_close(s, {k: (1 - beta2) * g ** 2 for k, g in grads.items()},
                            f"{name} s (should be (1 - beta2) g^2)", rtol=1e-12)
        return
    step = learning_rate / np.sqrt(1 - beta2)
    checks.assert_close(new_parameters, {k: p - step * np.sign(grads["d" + k]) for k, p in parameters.items()},
                        f"{name} parameters (each should move by learning_rate / sqrt(1 - beta2) against its gradient)",
                        rtol=1e-5, atol=1e-7)


@pytest.mark.exercise("update_parameters_with_rmsprop", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_rmsprop_step_ignores_the_gradient_scale(seed):
    rng, parameters, grads = problem(seed, LAYERS[0])
    s = like(parameters, rng, positive=True)
    scale = float(rng.uniform(5, 50))
    name = "update_parameters_with_rmsprop(parameters, grads, s, 0.9, 0.01)"
    base, _ = checks.unpack(opt.update_parameters_with_rmsprop(parameters, grads, s, 0.9, 0.01), 2, name)
    scaled, _ = checks.unpack(opt.update_parameters_with_rmsprop(
        parameters, {k: scale * g for k, g in grads.items()}, {k: scale ** 2 * v for k, v in s.items()}, 0.9, 0.01), 2, name)
    checks.assert_close(scaled, base, f"{name} with grads and sqrt(s) both multiplied by {scale:.3g} (the step "
                        "g / (sqrt(s) + epsilon) should not change)", rtol=1e-6)


@pytest.mark.exercise("update_parameters_with_rmsprop", points=0.5)
@pytest.mark.parametrize("value", ["s", "parameters"])
def test_update_parameters_with_rmsprop_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("update_parameters_with_rmsprop")[0].assert_pure(opt, "update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate)", ({"parameters": 0, "s": 1}[value],))


# ---------------------------------------------------------------------------- initialize_adam
@pytest.mark.exercise("initialize_adam", points=0.25)
@pytest.mark.parametrize("value", ["v", "s"])
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_initialize_adam_keys_and_shapes(layers_dims, value):
    _, parameters, _ = problem(0, layers_dims)
    v, s = checks.unpack(opt.initialize_adam(parameters), 2, "initialize_adam(parameters) -> (v, s)")
    check_like_parameters({"v": v, "s": s}[value], parameters, f"initialize_adam(parameters) {value}")


@pytest.mark.exercise("initialize_adam", points=0.25)
@pytest.mark.parametrize("value", ["v", "s"])
@cases.parametrize("initialize_adam")
def test_initialize_adam_matches_reference(case, value):
    checks.assert_value_close(case.run(opt), case.expected, ("vs".index(value),), "initialize_adam(parameters) -> (v, s)")


@pytest.mark.exercise("initialize_adam", points=0.25)
@pytest.mark.parametrize("value", ["v", "s"])
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_adam_is_zero(seed, value):
    parameters = random_layers(np.random.default_rng(seed))
    v, s = checks.unpack(opt.initialize_adam(parameters), 2, "initialize_adam(parameters) -> (v, s)")
    check_zero_state({"v": v, "s": s}[value], parameters, f"initialize_adam(parameters) {value}")


@pytest.mark.exercise("initialize_adam", points=0.25)
@pytest.mark.parametrize("value", ["v", "s"])
def test_initialize_adam_does_not_modify_its_input(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("initialize_adam")[0].assert_pure(opt, "initialize_adam(parameters)", ("vs".index(value),))


# ---------------------------------------------------------------- update_parameters_with_adam
@cases.define("update_parameters_with_adam")
def _(rng):
    def case(layers_dims, t, grad_scale=1.0, fresh=False, **kwargs):
        parameters = random_parameters(rng, layers_dims)
        v = zeros_like(parameters) if fresh else like(parameters, rng, 0.3 * grad_scale)
        s = zeros_like(parameters) if fresh else like(parameters, rng, 0.3 * grad_scale ** 2, positive=True)
        return {"parameters": parameters, "grads": like(parameters, rng, grad_scale), "v": v, "s": s, "t": t, **kwargs}
    # Gradients of 1e-3 or less make the place of epsilon matter (sqrt(s + eps) != sqrt(s) + eps).
    return {"first_update": case([3, 4, 2], 1, grad_scale=1e-3, fresh=True),
            "t_2": case([2, 3, 2, 1], 2, grad_scale=1e-3, learning_rate=0.02),
            "t_10_betas": case([3, 2, 1], 10, grad_scale=1e-4, learning_rate=0.005, beta1=0.8, beta2=0.99),
            "small_gradients": case([2, 3, 1], 3, grad_scale=1e-4),
            "large_epsilon": case([2, 2], 5, epsilon=0.1),
            # betas below 0.5 (short memories): every (1 - beta) and (1 - beta ** t) differs from 1 % beta
            "short_memories": case([2, 3, 1], 2, grad_scale=1e-3, beta1=0.3, beta2=0.4)}


def adam_outputs(result, name):
    return dict(zip(ADAM_OUTPUTS, checks.unpack(result, 5, f"{name} -> ({', '.join(ADAM_OUTPUTS)})")))


def adam_call(inputs):
    extra = "".join(f", {k}={inputs[k]}" for k in ("learning_rate", "beta1", "beta2", "epsilon") if k in inputs)
    return f"update_parameters_with_adam(parameters, grads, v, s, t={inputs['t']}{extra})"


@pytest.mark.exercise("update_parameters_with_adam", points=0.5)
@pytest.mark.parametrize("value", ADAM_ORDER)
@pytest.mark.parametrize("layers_dims", LAYERS, ids=str)
def test_update_parameters_with_adam_keys_and_shapes(layers_dims, value):
    rng, parameters, grads = problem(0, layers_dims)
    name = "update_parameters_with_adam(parameters, grads, v, s, t=2)"
    result = adam_outputs(opt.update_parameters_with_adam(parameters, grads, like(parameters, rng),
                                                          like(parameters, rng, positive=True), 2), name)
    check_like_parameters(result[value], parameters, f"{name} {value}", prefix="" if value == "parameters" else "d")


@pytest.mark.exercise("update_parameters_with_adam", points=1)
@pytest.mark.parametrize("value", ADAM_ORDER)
@cases.parametrize("update_parameters_with_adam")
def test_update_parameters_with_adam_matches_reference(case, value):
    # Each output on its own, in the order Adam computes them: v and s first, then their corrections, then the step;
    # the report's first message names the first output that differs.
    name = adam_call(case.inputs)
    result = adam_outputs(case.run(opt), name)
    checks.assert_close(result[value], case.expected[ADAM_OUTPUTS.index(value)], f"{name} {value}")


@pytest.mark.exercise("update_parameters_with_adam", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_adam_first_step_is_learning_rate(seed):
    # At t = 1 from v = s = 0: v_corrected = g and s_corrected = g^2, so every coordinate moves by
    # learning_rate * |g| / (|g| + epsilon), which is learning_rate to 1e-6 for |g| >= 0.01.
    rng, parameters, _ = problem(seed, LAYERS[1])
    grads = {k: np.sign(g) * 10 ** rng.uniform(-2, 1, g.shape) for k, g in like(parameters, rng).items()}
    learning_rate = float(rng.uniform(0.001, 0.1))
    name = f"update_parameters_with_adam(parameters, grads, v=0, s=0, t=1, learning_rate={learning_rate:.4g})"
    result = adam_outputs(opt.update_parameters_with_adam(parameters, grads, zeros_like(parameters),
                                                          zeros_like(parameters), 1, learning_rate=learning_rate), name)
    check_like_parameters(result["parameters"], parameters, f"{name} parameters", prefix="")
    expected = {k: p - learning_rate * np.sign(grads["d" + k]) for k, p in parameters.items()}
    checks.assert_close(result["parameters"], expected,
                        f"{name} parameters (the first step of Adam moves every coordinate by learning_rate against its "
                        "gradient, whatever the gradient's size: check the bias correction with t = 1, and epsilon "
                        "outside the square root)", rtol=0, atol=learning_rate * 1e-5)


@pytest.mark.exercise("update_parameters_with_adam", points=0.5)
@pytest.mark.parametrize("value", ADAM_ORDER)
@pytest.mark.parametrize("seed", SEEDS)
def test_update_parameters_with_adam_corrects_the_bias(seed, value):
    rng, parameters, _ = problem(seed, LAYERS[0])
    # Small gradients, so that putting epsilon inside the square root changes the step visibly.
    grads = like(parameters, rng, 1e-4)
    v, s = like(parameters, rng, 0.5e-4), like(parameters, rng, 0.5e-8, positive=True)
    t = int(rng.integers(1, 30))
    beta1, beta2 = 0.9, 0.999
    name = f"update_parameters_with_adam(parameters, grads, v, s, t={t})"
    result = adam_outputs(opt.update_parameters_with_adam(parameters, grads, v, s, t), name)
    new_v = {k: beta1 * v[k] + (1 - beta1) * g for k, g in grads.items()}
    new_s = {k: beta2 * s[k] + (1 - beta2) * g ** 2 for k, g in grads.items()}
    # Each output against its formula applied to the inputs, or to your own v_corrected and s_corrected for the
    # step: an error counts in the output where it enters.
    if value == "v":
        checks.assert_close(result["v"], new_v, f"{name} v vs beta1 v + (1 - beta1) g", rtol=1e-9)
    elif value == "s":
        checks.assert_close(result["s"], new_s, f"{name} s vs beta2 s + (1 - beta2) g^2", rtol=1e-9)
    elif value == "v_corrected":
        checks.assert_close(result["v_corrected"], {k: x / (1 - beta1 ** t) for k, x in new_v.items()},
                            f"{name} v_corrected vs v / (1 - beta1^t)", rtol=1e-9)
    elif value == "s_corrected":
        checks.assert_close(result["s_corrected"], {k: x / (1 - beta2 ** t) for k, x in new_s.items()},
                            f"{name} s_corrected vs s / (1 - beta2^t)", rtol=1e-9)
    else:
        for output in ("v_corrected", "s_corrected"):  # the step is computed from them
            state = result[output]
            if not isinstance(state, dict) or any(key not in state for key in gradient_keys(parameters)):
                checks.fail(f"{name} {output}: expected a dict with the keys {gradient_keys(parameters)}, got "
                            f"{checks._describe(state)}")
        step = {k: result["v_corrected"]["d" + k] / (np.sqrt(result["s_corrected"]["d" + k]) + 1e-8)
                for k in parameters}
        checks.assert_close(result["parameters"], {k: p - 0.01 * step[k] for k, p in parameters.items()},
                            f"{name} parameters vs parameters - learning_rate * v_corrected / (sqrt(s_corrected) + "
                            "epsilon)", rtol=1e-9)


@pytest.mark.exercise("update_parameters_with_adam", points=0.5)
@pytest.mark.parametrize("value", ADAM_ORDER)
def test_update_parameters_with_adam_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("update_parameters_with_adam")[0].assert_pure(opt, "update_parameters_with_adam(parameters, grads, v, s, t)", (ADAM_OUTPUTS.index(value),))


# ---------------------------------------------------------------------------------- update_lr
@cases.define("update_lr")
def _(rng):
    return {"epoch_0": {"learning_rate0": 0.5, "epoch_num": 0, "decay_rate": 1.0},
            "epoch_2": {"learning_rate0": 0.5, "epoch_num": 2, "decay_rate": 1.0},
            "random": {"learning_rate0": float(rng.uniform(0.01, 1)), "epoch_num": int(rng.integers(1, 5000)),
                       "decay_rate": float(rng.uniform(0.01, 2))}}


@pytest.mark.exercise("update_lr", points=0.25)
def test_update_lr_returns_a_float():
    checks.assert_float(opt.update_lr(0.1, 3, 0.5), "update_lr(0.1, 3, 0.5)")


@pytest.mark.exercise("update_lr", points=0.25)
@cases.parametrize("update_lr")
def test_update_lr_matches_reference(case):
    checks.assert_close(case.run(opt), case.expected, call_text("update_lr", case.inputs))


@pytest.mark.exercise("update_lr", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_update_lr_decays_as_one_over_epoch(seed):
    rng = np.random.default_rng(seed)
    lr0, decay_rate = float(rng.uniform(0.01, 1)), float(rng.uniform(0.1, 3))
    checks.assert_close(opt.update_lr(lr0, 0, decay_rate), lr0, f"update_lr({lr0:.4g}, 0, {decay_rate:.4g}) (epoch 0)",
                        rtol=1e-12)
    for epoch in rng.integers(1, 10000, 3):
        epoch = int(epoch)
        name = f"update_lr({lr0:.4g}, {epoch}, {decay_rate:.4g})"
        lr = opt.update_lr(lr0, epoch, decay_rate)
        checks.assert_float(lr, name)
        checks.assert_close(lr * (1 + decay_rate * epoch), lr0, f"{name} * (1 + decay_rate * epoch_num) "
                            "(should be learning_rate0)", rtol=1e-12)


# -------------------------------------------------------------------------- schedule_lr_decay
@cases.define("schedule_lr_decay")
def _(rng):
    # interval_100 first: at 25.43 intervals the ceiling (26) differs from rounding (25, the floor), so the first
    # failing case tells the two mistakes apart (at 999 / 1000 both give 1).
    return {"interval_100": {"learning_rate0": 0.1, "epoch_num": 2543, "decay_rate": 1.0, "time_interval": 100},
            "epoch_999": {"learning_rate0": 0.5, "epoch_num": 999, "decay_rate": 0.3},
            "epoch_1000": {"learning_rate0": 0.5, "epoch_num": 1000, "decay_rate": 0.3}}


@pytest.mark.exercise("schedule_lr_decay", points=0.25)
def test_schedule_lr_decay_returns_a_float():
    checks.assert_float(opt.schedule_lr_decay(0.1, 3000, 0.5), "schedule_lr_decay(0.1, 3000, 0.5)")


@pytest.mark.exercise("schedule_lr_decay", points=0.25)
@cases.parametrize("schedule_lr_decay")
def test_schedule_lr_decay_matches_reference(case):
    checks.assert_close(case.run(opt), case.expected, call_text("schedule_lr_decay", case.inputs))


@pytest.mark.exercise("schedule_lr_decay", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_schedule_lr_decay_is_constant_within_each_interval(seed):
    rng = np.random.default_rng(seed)
    lr0, decay_rate, interval = float(rng.uniform(0.01, 1)), float(rng.uniform(0.1, 3)), int(rng.integers(2, 500))
    for k in (0, int(rng.integers(1, 20))):
        expected = lr0 / (1 + decay_rate * k)
        for epoch in (k * interval, k * interval + int(rng.integers(1, interval)), (k + 1) * interval - 1):
            name = f"schedule_lr_decay({lr0:.4g}, {epoch}, {decay_rate:.4g}, time_interval={interval})"
            lr = opt.schedule_lr_decay(lr0, epoch, decay_rate, time_interval=interval)
            checks.assert_float(lr, name)
            checks.assert_close(lr, expected, f"{name} (epoch {epoch} is in interval {k}: learning_rate0 / (1 + "
                                f"decay_rate * {k}))", rtol=1e-12)


# -------------------------------------------------------------------------------------- model
def run_model(module, decay=None, **inputs):
    """``model`` with ``decay`` given by name (``"update_lr"``, ``"schedule_lr_decay"``) or None."""
    return module.model(decay=getattr(module, decay) if decay else None, **inputs)


@cases.define("model", call=run_model)
def _(rng):
    X, Y = binary_data(int(rng.integers(1000)), m=20)
    common = {"X": X, "Y": Y, "layers_dims": [2, 4, 3, 1], "mini_batch_size": 12, "num_epochs": 101}
    return {"gd": {**common, "optimizer": "gd", "learning_rate": 0.1, "rng": 1},
            "momentum": {**common, "optimizer": "momentum", "learning_rate": 0.1, "beta": 0.8, "rng": 2},
            "rmsprop": {**common, "optimizer": "rmsprop", "learning_rate": 0.01, "beta2": 0.95, "rng": 3},
            "adam": {**common, "optimizer": "adam", "learning_rate": 0.01, "rng": 4},
            "adam_update_lr": {**common, "optimizer": "adam", "learning_rate": 0.02, "decay": "update_lr",
                               "decay_rate": 0.5, "rng": 5},
            "gd_schedule_lr_decay": {**common, "optimizer": "gd", "learning_rate": 0.3, "num_epochs": 30,
                                     "decay": "schedule_lr_decay", "decay_rate": 1.0, "rng": 6}}


def model_result(result, layers_dims, n_costs, name, value=None):
    """``(parameters, costs)`` of ``model``, the keys and shapes of the parameters and the number of costs checked
    (of only one of them with ``value`` "parameters" or "costs": each is scored on its own)."""
    parameters, costs = checks.unpack(result, 2, f"{name} -> (parameters, costs)")
    if value in (None, "parameters"):
        checks.assert_keys(parameters, param_keys(len(layers_dims) - 1), f"{name} parameters")
        for l in range(1, len(layers_dims)):
            checks.assert_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]), f"{name} parameters['W{l}']")
            checks.assert_shape(parameters[f"b{l}"], (layers_dims[l], 1), f"{name} parameters['b{l}']")
    if value in (None, "costs"):
        checks.assert_costs(costs, n_costs, f"{name} costs (one per 100 epochs, from epoch 0)")
    return parameters, costs


def one_batch_gradients(X, Y, parameters):
    """The given network's cost and gradients on all of ``X, Y``, computed by the submission's copy."""
    AL, caches = checks.unpack(opt.forward_propagation(X, parameters), 2, "forward_propagation (given)")
    return opt.compute_cost(AL, Y), opt.backward_propagation(AL, Y, caches)


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("value", ["costs", "parameters"])
@pytest.mark.parametrize("optimizer, num_epochs, n_costs", [("gd", 1, 1), ("adam", 100, 1), ("momentum", 201, 3)])
def test_model_returns_parameters_and_costs(optimizer, num_epochs, n_costs, value):
    X, Y = binary_data(0, m=10)
    layers_dims = [2, 3, 1]
    name = f"model(X, Y, {layers_dims}, optimizer={optimizer!r}, mini_batch_size=6, num_epochs={num_epochs})"
    model_result(opt.model(X, Y, layers_dims, optimizer=optimizer, mini_batch_size=6, num_epochs=num_epochs),
                 layers_dims, n_costs, name, value)


@pytest.mark.exercise("model", points=1)
@pytest.mark.parametrize("value", ["costs", "parameters"])
@cases.parametrize("model")
def test_model_matches_reference(case, value):
    inputs = case.inputs
    name = call_text("model", inputs, ("X", "Y")).replace("decay='", "decay=").replace("', decay_rate", ", decay_rate")
    parameters, costs = model_result(case.run(opt), inputs["layers_dims"], math.ceil(inputs["num_epochs"] / 100), name,
                                     value)
    if value == "costs":
        checks.assert_close(costs, case.expected[1], f"{name} costs")
    else:
        checks.assert_close(parameters, case.expected[0], f"{name} parameters")


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_model_adam_first_update_moves_each_parameter_by_learning_rate(seed):
    # One epoch, one mini-batch: a single Adam update with t = 1 from the given initialization.
    X, Y = binary_data(seed, m=12)
    layers_dims, learning_rate = [2, 3, 1], 0.01
    name = (f"model(X, Y, {layers_dims}, optimizer='adam', learning_rate={learning_rate}, mini_batch_size=12, "
            f"num_epochs=1, rng={seed})")
    parameters, _ = model_result(opt.model(X, Y, layers_dims, optimizer="adam", learning_rate=learning_rate,
                                           mini_batch_size=12, num_epochs=1, rng=seed), layers_dims, 1, name,
                                 "parameters")
    initial = opt.initialize_parameters(layers_dims, rng=seed)  # given: the model's first draws
    _, grads = one_batch_gradients(X, Y, initial)
    for key in initial:
        g = grads["d" + key]
        moving = np.abs(g) > 1e-3
        expected = np.where(moving, initial[key] - learning_rate * np.sign(g), parameters[key])
        checks.assert_close(parameters[key], expected,
                            f"{name} parameters[{key!r}] (the first Adam update, t = 1, moves each parameter by "
                            "learning_rate against its gradient; start t at 1 and increase it once per mini-batch)",
                            rtol=0, atol=learning_rate * 1e-3)


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("value", ["costs", "parameters"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_gd_with_decay_takes_the_documented_steps(seed, value):
    # One mini-batch per epoch: epoch i takes one gradient step with update_lr(learning_rate, i, decay_rate),
    # and costs[0] is the cost at the initial parameters.
    X, Y = binary_data(seed + 10, m=10)
    layers_dims, lr0, decay_rate, epochs = [2, 3, 1], 0.5, 1.0, 3
    name = (f"model(X, Y, {layers_dims}, optimizer='gd', learning_rate={lr0}, mini_batch_size=10, "
            f"num_epochs={epochs}, decay=update_lr, decay_rate={decay_rate}, rng={seed})")
    parameters, costs = model_result(opt.model(X, Y, layers_dims, optimizer="gd", learning_rate=lr0, mini_batch_size=10,
                                               num_epochs=epochs, decay=opt.update_lr, decay_rate=decay_rate, rng=seed),
                                     layers_dims, 1, name, value)
    expected = opt.initialize_parameters(layers_dims, rng=seed)  # given: the model's first draws
    for epoch in range(epochs):
        cost, grads = one_batch_gradients(X, Y, expected)
        if epoch == 0 and value == "costs":
            checks.assert_close(costs[0], cost, f"{name} costs[0] (the cost of epoch 0, at the initial parameters)",
                                rtol=1e-9)
            return
        learning_rate = lr0 / (1 + decay_rate * epoch)
        expected = {k: p - learning_rate * grads["d" + k] for k, p in expected.items()}
    checks.assert_close(parameters, expected, f"{name} parameters vs {epochs} gradient steps with learning rates "
                        "update_lr(learning_rate, epoch, decay_rate) for epoch = 0, 1, 2", rtol=1e-8, atol=1e-10)


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("value", ["costs", "parameters"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_momentum_with_beta_0_is_gd(seed, value):
    X, Y = binary_data(seed + 20, m=20)
    layers_dims = [2, 3, 1]
    common = dict(learning_rate=0.2, mini_batch_size=6, num_epochs=20, rng=seed)
    name = f"model(X, Y, {layers_dims}, optimizer='momentum', beta=0.0, learning_rate=0.2, mini_batch_size=6, num_epochs=20)"
    momentum = model_result(opt.model(X, Y, layers_dims, optimizer="momentum", beta=0.0, **common), layers_dims, 1,
                            name, value)
    gd = model_result(opt.model(X, Y, layers_dims, optimizer="gd", **common), layers_dims, 1, name.replace(
        "optimizer='momentum', beta=0.0", "optimizer='gd'"), value)
    checks.assert_value_close(momentum, gd, ({"parameters": 0, "costs": 1}[value],),
                       f"{name} vs your model(..., optimizer='gd', ...) (with beta = 0 momentum is gradient descent)",
                       rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("optimizer, learning_rate", [("gd", 0.5), ("momentum", 0.5), ("rmsprop", 0.02), ("adam", 0.02)])
def test_model_lowers_the_cost(optimizer, learning_rate):
    X, Y = binary_data(3, m=24)
    layers_dims = [2, 5, 1]
    name = (f"model(X, Y, {layers_dims}, optimizer={optimizer!r}, learning_rate={learning_rate}, mini_batch_size=12, "
            "num_epochs=101)")
    _, costs = model_result(opt.model(X, Y, layers_dims, optimizer=optimizer, learning_rate=learning_rate,
                                      mini_batch_size=12, num_epochs=101), layers_dims, 2, name, "costs")
    if not costs[-1] < costs[0] - 0.02:
        checks.fail(f"{name}: the cost should go down, got {np.round(costs, 4).tolist()} at epochs 0 and 100")


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("value", ["costs", "parameters"])
def test_model_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: the reference case must come out right too.
    case = cases.case("model", "gd")
    inputs = case.inputs
    name = call_text("model", inputs, ("X", "Y"))
    result, _, after = opt.model.call_and_inspect(**inputs)
    parameters, costs = model_result(result, inputs["layers_dims"], 2, name, value)
    if value == "costs":
        checks.assert_close(costs, case.expected[1], f"{name} costs")
    else:
        checks.assert_close(parameters, case.expected[0], f"{name} parameters")
    checks.assert_not_mutated(case.inputs, after, f"{name}: the argument")
