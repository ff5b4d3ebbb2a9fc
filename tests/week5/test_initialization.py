"""Tests of week5/initialization.py: zeros, large random, Xavier and He initializations.

Same layout as week1's suites (see tests/week1/test_numpy_basics.py): keys, shapes and dtypes;
reference values (``fixtures/initialization.zip``, which also pins the documented draw order
``W1, W2, ...`` from ``np.random.default_rng(rng)``); then properties that hold for any
``layers_dims`` and seed drawn at test time: zero biases, the standard deviation of the weights
measured on large layers, and reproducibility from the seed. The given ``model`` is not graded.
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

init = sandbox.load("week5.initialization")
cases = Cases(__file__)

SEEDS = [0, 1]
RANDOM_FUNCTIONS = ["initialize_parameters_random", "initialize_parameters_xavier", "initialize_parameters_he"]
# Each returned value is scored on its own (a test runs once per value): one per key where the layers are fixed
# (the reference cases), the weights and the biases where the layers are drawn at grading time.
KINDS = pytest.mark.parametrize("value", ["W", "b"], ids=["weights", "biases"])


def random_layers_dims(seed):
    """A list of 2 to 4 layer sizes between 1 and 6, drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    return [int(n) for n in rng.integers(1, 7, size=int(rng.integers(2, 5)))]


def parameter_keys(layers_dims):
    return [f"{kind}{l}" for l in range(1, len(layers_dims)) for kind in ("W", "b")]


def check_structure(parameters, layers_dims, name, kind=("W", "b")):
    """Exactly the keys W1, b1, ..., and for the weights (``kind`` "W") or the biases ("b"), or both: the
    documented shapes, float arrays, zero biases."""
    checks.assert_keys(parameters, parameter_keys(layers_dims), name)
    for l in range(1, len(layers_dims)):
        if "W" in kind:
            checks.assert_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]), f"{name}['W{l}']")
            checks.assert_dtype(parameters[f"W{l}"], f"{name}['W{l}']")
        if "b" in kind:
            checks.assert_shape(parameters[f"b{l}"], (layers_dims[l], 1), f"{name}['b{l}']")
            checks.assert_dtype(parameters[f"b{l}"], f"{name}['b{l}']")
            checks.assert_equal_arrays(parameters[f"b{l}"], np.zeros((layers_dims[l], 1)),
                                       f"{name}['b{l}'] (biases start at 0)")


def check_weight_std(parameters, expected_std, name, rtol=0.03):
    """The empirical standard deviation of each ``W{l}`` (more than 10^4 entries) is ``expected_std[l - 1]``.

    The sample standard deviation of n >= 2 * 10^4 normal entries is within 1 / sqrt(2 n) <= 0.5 % of the
    true one (one standard error): 3 % is six standard errors, which no seed reaches, and far below the
    41 % between the factors of Xavier and He.
    """
    for l, std in enumerate(expected_std, start=1):
        W = parameters[f"W{l}"]
        checks.assert_close(float(W.mean()), 0.0, f"{name}: the mean of the entries of W{l}", atol=5 * std / np.sqrt(W.size))
        checks.assert_close(float(W.std()), std, f"{name}: the standard deviation of the entries of W{l}", rtol=rtol)


def check_reproducible(function, seed):
    """The same seed gives the same weights, another seed other weights; rng=None works. Only the weights
    are checked: the biases are scored on their own elsewhere."""
    layers_dims = [3, 4, 2]
    f = getattr(init, function)
    first, again, other = f(layers_dims, rng=seed), f(layers_dims, rng=seed), f(layers_dims, rng=seed + 100)
    fresh = f(layers_dims)  # rng=None: fresh randomness, but a valid result
    for parameters, label in ((first, f"rng={seed}"), (again, f"rng={seed}"), (other, f"rng={seed + 100}"),
                              (fresh, "no rng")):
        check_structure(parameters, layers_dims, f"{function}({layers_dims}, {label})", "W")
    for key in ("W1", "W2"):
        checks.assert_equal_arrays(again[key], first[key],
                                   f"{function}({layers_dims}, rng={seed})[{key!r}] called twice (the same seed "
                                   "must give the same weights: draw from np.random.default_rng(rng))")
        if np.array_equal(other[key], first[key]):
            checks.fail(f"{function}({layers_dims}, rng=...)[{key!r}] is the same for the seeds {seed} and "
                        f"{seed + 100}: draw from np.random.default_rng(rng), not from a fixed seed")


def call_text(function, inputs):
    """``function(layers_dims=[2, 5, 1], rng=414)``: the call of a reference case, for messages."""
    return f"{function}(" + ", ".join(f"{key}={value!r}" for key, value in inputs.items()) + ")"


def initialization_cases(rng):
    return {"2_5_1": {"layers_dims": [2, 5, 1], "rng": int(rng.integers(1000))},
            "3_2_4_1": {"layers_dims": [3, 2, 4, 1], "rng": int(rng.integers(1000))},
            "1_1": {"layers_dims": [1, 1], "rng": int(rng.integers(1000))}}


# ------------------------------------------------------------------ initialize_parameters_zeros
@cases.define("initialize_parameters_zeros")
def _(rng):
    return {"2_5_1": {"layers_dims": [2, 5, 1]}, "3_2_4_1": {"layers_dims": [3, 2, 4, 1]}}


@pytest.mark.exercise("initialize_parameters_zeros", points=0.25)
@KINDS
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_zeros_keys_and_shapes(seed, value):
    layers_dims = random_layers_dims(seed)
    name = f"initialize_parameters_zeros({layers_dims})"
    check_structure(init.initialize_parameters_zeros(layers_dims), layers_dims, name, value)


@pytest.mark.exercise("initialize_parameters_zeros", points=0.25)
@cases.each_value("initialize_parameters_zeros", lambda case: list(case.expected))
def test_initialize_parameters_zeros_matches_reference(case, value):
    checks.assert_value_close(case.run(init), case.expected, (value,),
                       f"initialize_parameters_zeros({case.inputs['layers_dims']})")


@pytest.mark.exercise("initialize_parameters_zeros", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_zeros_are_all_zero(seed):
    # The weights: the biases are scored on their own (keys_and_shapes, matches_reference).
    layers_dims = random_layers_dims(seed + 10)
    name = f"initialize_parameters_zeros({layers_dims})"
    parameters = init.initialize_parameters_zeros(layers_dims)
    check_structure(parameters, layers_dims, name, "W")
    for l in range(1, len(layers_dims)):
        checks.assert_equal_arrays(parameters[f"W{l}"], np.zeros((layers_dims[l], layers_dims[l - 1])),
                                   f"{name}['W{l}']")


# ----------------------------------------------------------------- initialize_parameters_random
@cases.define("initialize_parameters_random")
def _(rng):
    found = initialization_cases(rng)
    found["scale_0.5"] = {"layers_dims": [4, 3, 1], "scale": 0.5, "rng": int(rng.integers(1000))}
    return found


@pytest.mark.exercise("initialize_parameters_random", points=0.25)
@KINDS
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_random_keys_and_shapes(seed, value):
    layers_dims = random_layers_dims(seed)
    name = f"initialize_parameters_random({layers_dims}, rng={seed})"
    check_structure(init.initialize_parameters_random(layers_dims, rng=seed), layers_dims, name, value)


@pytest.mark.exercise("initialize_parameters_random", points=0.25)
@cases.each_value("initialize_parameters_random", lambda case: list(case.expected))
def test_initialize_parameters_random_matches_reference(case, value):
    checks.assert_value_close(case.run(init), case.expected, (value,), call_text("initialize_parameters_random", case.inputs))


@pytest.mark.exercise("initialize_parameters_random", points=0.25)
@pytest.mark.parametrize("scale", [10.0, 0.3])
def test_initialize_parameters_random_has_standard_deviation_scale(scale):
    layers_dims = [300, 200, 100]
    kwargs = {} if scale == 10.0 else {"scale": scale}
    name = f"initialize_parameters_random({layers_dims}{', scale=%g' % scale if kwargs else ''}, rng=5)"
    parameters = init.initialize_parameters_random(layers_dims, rng=5, **kwargs)
    check_structure(parameters, layers_dims, name, "W")  # the weights: the biases are scored on their own
    check_weight_std(parameters, [scale, scale], name)

@pytest.mark.exercise("initialize_parameters_random", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_random_is_reproducible(seed):
    check_reproducible("initialize_parameters_random", seed)


# ----------------------------------------------------------------- initialize_parameters_xavier
@cases.define("initialize_parameters_xavier")
def _(rng):
    return initialization_cases(rng)


@pytest.mark.exercise("initialize_parameters_xavier", points=0.25)
@KINDS
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_xavier_keys_and_shapes(seed, value):
    layers_dims = random_layers_dims(seed)
    name = f"initialize_parameters_xavier({layers_dims}, rng={seed})"
    check_structure(init.initialize_parameters_xavier(layers_dims, rng=seed), layers_dims, name, value)


@pytest.mark.exercise("initialize_parameters_xavier", points=0.25)
@cases.each_value("initialize_parameters_xavier", lambda case: list(case.expected))
def test_initialize_parameters_xavier_matches_reference(case, value):
    checks.assert_value_close(case.run(init), case.expected, (value,), call_text("initialize_parameters_xavier", case.inputs))


@pytest.mark.exercise("initialize_parameters_xavier", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_xavier_has_variance_1_over_fan_in(seed):
    layers_dims = [400, 100, 200]
    name = f"initialize_parameters_xavier({layers_dims}, rng={seed})"
    parameters = init.initialize_parameters_xavier(layers_dims, rng=seed)
    check_structure(parameters, layers_dims, name, "W")  # the weights: the biases are scored on their own
    check_weight_std(parameters, [np.sqrt(1 / 400), np.sqrt(1 / 100)], name)

@pytest.mark.exercise("initialize_parameters_xavier", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_xavier_is_reproducible(seed):
    check_reproducible("initialize_parameters_xavier", seed)


# --------------------------------------------------------------------- initialize_parameters_he
@cases.define("initialize_parameters_he")
def _(rng):
    return initialization_cases(rng)


@pytest.mark.exercise("initialize_parameters_he", points=0.25)
@KINDS
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_he_keys_and_shapes(seed, value):
    layers_dims = random_layers_dims(seed)
    name = f"initialize_parameters_he({layers_dims}, rng={seed})"
    check_structure(init.initialize_parameters_he(layers_dims, rng=seed), layers_dims, name, value)


@pytest.mark.exercise("initialize_parameters_he", points=0.25)
@cases.each_value("initialize_parameters_he", lambda case: list(case.expected))
def test_initialize_parameters_he_matches_reference(case, value):
    checks.assert_value_close(case.run(init), case.expected, (value,), call_text("initialize_parameters_he", case.inputs))


@pytest.mark.exercise("initialize_parameters_he", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_he_has_variance_2_over_fan_in(seed):
    layers_dims = [400, 100, 200]
    name = f"initialize_parameters_he({layers_dims}, rng={seed})"
    parameters = init.initialize_parameters_he(layers_dims, rng=seed)
    check_structure(parameters, layers_dims, name, "W")  # the weights: the biases are scored on their own
    check_weight_std(parameters, [np.sqrt(2 / 400), np.sqrt(2 / 100)], name)


@pytest.mark.exercise("initialize_parameters_he", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_parameters_he_is_reproducible(seed):
    check_reproducible("initialize_parameters_he", seed)
