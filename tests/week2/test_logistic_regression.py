"""Tests of week2/logistic_regression.py: a single sigmoid neuron trained by gradient descent.

Same layout as week1's suites: reference values (``fixtures/logistic_regression.zip``), shapes and
types, gradient checks against central differences of the submission's own cost, and properties
that hold for any data drawn at test time. Data is tiny and synthetic (labels from a linear rule),
never the MNIST set, so that every test runs in milliseconds. The image loader is given: not graded.
"""
import math

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradients

logreg = sandbox.load("week2.logistic_regression")
cases = Cases(__file__)

SEEDS = [0, 1]
MODEL_KEYS = ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations")
# Each returned value is scored on its own (a test runs once per value): where it is in the result.
PROPAGATE_VALUES = {"dw": (0, "dw"), "db": (0, "db"), "cost": (1,)}
OPTIMIZE_VALUES = {"w": (0, "w"), "b": (0, "b"), "dw": (1, "dw"), "db": (1, "db"), "costs": (2,)}


# ---------------------------------------------------------------------------------- helpers
def binary_data(rng, n_x, m):
    """Pixel-like features in [0, 1] and 0.0/1.0 labels from a linear rule (linearly separable)."""
    X = rng.uniform(0, 1, (n_x, m))
    w = rng.standard_normal((n_x, 1))
    z = w.T @ X
    Y = (z > np.median(z)).astype(np.float64)  # both classes present
    return X, Y


def small_problem(seed, n_x=3, m=5):
    """``w, b, X, Y`` of the small shapes the gradient and property checks use (A far from 0 and 1)."""
    rng = np.random.default_rng(seed)
    X, Y = binary_data(rng, n_x, m)
    return 0.5 * rng.standard_normal((n_x, 1)), float(0.5 * rng.standard_normal()), X, Y


def split(seed, n_x=4, m_train=24, m_test=10):
    X, Y = binary_data(np.random.default_rng(seed), n_x, m_train + m_test)
    return X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:]


# ---------------------------------------------------------------------------------- sigmoid
@cases.define("sigmoid")
def _(rng):
    return {"vector": {"z": rng.standard_normal(5)}, "matrix": {"z": 3 * rng.standard_normal((3, 4))},
            "large": {"z": np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0])}}


@pytest.mark.exercise("sigmoid", points=0.2)
@pytest.mark.parametrize("shape", [(5,), (1, 4), (3, 2)], ids=str)
def test_sigmoid_shape(shape):
    z = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(logreg.sigmoid(z), shape, f"sigmoid(z) for z of shape {shape}")


@pytest.mark.exercise("sigmoid", points=0.4)
@cases.parametrize("sigmoid")
def test_sigmoid_matches_reference(case):
    checks.assert_close(case.run(logreg), case.expected, "sigmoid(z)")


@pytest.mark.exercise("sigmoid", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_solves_the_definition(seed):
    z = np.random.default_rng(seed).uniform(-5, 5, size=(2, 5))
    s = logreg.sigmoid(z)
    checks.assert_shape(s, z.shape, "sigmoid(z)")
    checks.assert_close(s * (1 + np.exp(-z)), np.ones(z.shape), "s * (1 + exp(-z)) with s = sigmoid(z)", rtol=1e-12)


# -------------------------------------------------------------------- initialize_with_zeros
@cases.define("initialize_with_zeros")
def _(rng):
    return {"dim1": {"dim": 1}, "dim2": {"dim": 2}, "dim784": {"dim": 784}}


@pytest.mark.exercise("initialize_with_zeros", points=0.5)
@pytest.mark.parametrize("value", ["w", "b"])
@pytest.mark.parametrize("seed", SEEDS)
def test_initialize_with_zeros_types_and_shapes(seed, value):
    dim = int(np.random.default_rng(seed).integers(3, 50))
    name = f"initialize_with_zeros({dim})"
    w, b = checks.unpack(logreg.initialize_with_zeros(dim), 2, name)
    if value == "w":
        checks.assert_shape(w, (dim, 1), f"{name} w")
        checks.assert_dtype(w, f"{name} w")
        checks.assert_equal_arrays(w, np.zeros((dim, 1)), f"{name} w")
    else:
        checks.assert_float(b, f"{name} b (the float 0.0, not the int 0 or an array)")
        checks.assert_close(b, 0.0, f"{name} b")


@pytest.mark.exercise("initialize_with_zeros", points=0.5)
@pytest.mark.parametrize("value", ["w", "b"])
@cases.parametrize("initialize_with_zeros")
def test_initialize_with_zeros_matches_reference(case, value):
    checks.assert_value_close(case.run(logreg), case.expected, ({"w": 0, "b": 1}[value],),
                       f"initialize_with_zeros({case.inputs['dim']}) -> (w, b)")


# -------------------------------------------------------------------------------- propagate
@cases.define("propagate")
def _(rng):
    def problem(n_x, m):
        X, Y = binary_data(rng, n_x, m)
        return {"w": rng.standard_normal((n_x, 1)), "b": float(rng.standard_normal()), "X": X, "Y": Y}
    return {"3x5": problem(3, 5), "1x4": problem(1, 4), "4x2": problem(4, 2),
            "one_example": {"w": np.array([[0.5], [-1.0]]), "b": 0.25, "X": np.array([[1.0], [2.0]]),
                            "Y": np.array([[1.0]])},
            # |z| = 40: sigmoid gives exactly 1.0 (and 4e-18), two labels are wrong: the clipped cost is finite
            "saturated": {"w": np.array([[40.0], [-40.0]]), "b": 0.0, "X": np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]),
                          "Y": np.array([[1.0, 1.0, 0.0]])}}


@pytest.mark.exercise("propagate", points=0.5)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
@pytest.mark.parametrize("n_x, m", [(3, 5), (1, 4)])
def test_propagate_types_and_shapes(n_x, m, value):
    w, b, X, Y = small_problem(0, n_x, m)
    grads, cost = checks.unpack(logreg.propagate(w, b, X, Y), 2, "propagate(w, b, X, Y)")
    if value == "cost":
        checks.assert_float(cost, "propagate(w, b, X, Y) cost")
        return
    checks.assert_keys(grads, ("dw", "db"), "propagate(w, b, X, Y) grads")
    if value == "dw":
        checks.assert_shape(grads["dw"], (n_x, 1), "propagate(w, b, X, Y) grads['dw'] (the shape of w)")
    else:
        checks.assert_float(grads["db"], "propagate(w, b, X, Y) grads['db']")


@pytest.mark.exercise("propagate", points=0.75)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
@cases.parametrize("propagate")
def test_propagate_matches_reference(case, value):
    checks.assert_value_close(case.run(logreg), case.expected, PROPAGATE_VALUES[value],
                       "propagate(w, b, X, Y) -> (grads, cost)")


@pytest.mark.exercise("propagate", points=1)
@pytest.mark.parametrize("value", ["dw", "db"])
@pytest.mark.parametrize("seed", SEEDS)
def test_propagate_gradient(seed, value):
    w, b, X, Y = small_problem(seed)
    grads, _ = checks.unpack(logreg.propagate(w, b, X, Y), 2, "propagate(w, b, X, Y)")
    checks.assert_keys(grads, ("dw", "db"), "propagate(w, b, X, Y) grads")

    def cost_of(w, b):
        return checks.unpack(logreg.propagate(w, float(b), X, Y), 2, "propagate(w, b, X, Y)")[1]

    point = {"w": w, "b": np.array(b)}
    numeric = numerical_gradients(lambda **p: cost_of(**{**point, **p}), {value[1:]: point[value[1:]]})
    checks.assert_gradient(grads[value], numeric[value[1:]],
                           f"propagate(w, b, X, Y) grads[{value!r}] vs central differences of its cost")


@pytest.mark.exercise("propagate", points=0.25)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_propagate_at_zero_weights(seed, value):
    # With w = 0 and b = 0 every a is 1/2: the cost is log(2) and dZ = 1/2 - Y, whatever the data.
    _, _, X, Y = small_problem(seed)
    w = np.zeros((X.shape[0], 1))
    grads, cost = checks.unpack(logreg.propagate(w, 0.0, X, Y), 2, "propagate(0, 0.0, X, Y)")
    if value == "cost":
        checks.assert_close(cost, math.log(2), "propagate(0, 0.0, X, Y) cost (should be log(2))", rtol=1e-9)
        return
    checks.assert_keys(grads, ("dw", "db"), "propagate(0, 0.0, X, Y) grads")
    m = X.shape[1]
    if value == "dw":
        checks.assert_close(grads["dw"], X @ (0.5 - Y).T / m, "propagate(0, 0.0, X, Y) grads['dw'] vs X (A - Y)^T / m")
    else:
        checks.assert_close(grads["db"], float(np.mean(0.5 - Y)), "propagate(0, 0.0, X, Y) grads['db'] vs mean(A - Y)")


@pytest.mark.exercise("propagate", points=0.25)
@pytest.mark.parametrize("value", ["cost", "dw"])
@pytest.mark.parametrize("seed", SEEDS)
def test_propagate_cost_is_finite_when_A_is_exactly_0_or_1(seed, value):
    # |w^T x| >= 1000 for every example: sigmoid gives exactly 0.0 or 1.0, and the labels are right,
    # so the cost is ~0; computed naively it is nan (0 * log(0)).
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, 6))
    w = rng.standard_normal((3, 1))
    z = w.T @ X
    w = w * (1000 / np.abs(z).min())
    Y = (z > 0).astype(np.float64)
    name = "propagate(w, b, X, Y) with sigmoid(w^T X + b) exactly 0.0 or 1.0 on the right labels"
    grads, cost = checks.unpack(logreg.propagate(w, 0.0, X, Y), 2, name)
    if value == "cost":
        checks.assert_float(cost, f"{name}: cost (clip A away from 0 and 1 inside the logs)")
        checks.assert_close(cost, 0.0, f"{name}: cost", atol=1e-6)
    else:
        checks.assert_keys(grads, ("dw", "db"), f"{name}: grads")
        checks.assert_close(grads["dw"], np.zeros(w.shape), f"{name}: grads['dw']", atol=1e-9)


@pytest.mark.exercise("propagate", points=0.25)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
def test_propagate_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("propagate")[0].assert_pure(logreg, "propagate(w, b, X, Y)", PROPAGATE_VALUES[value])


# --------------------------------------------------------------------------------- optimize
@cases.define("optimize")
def _(rng):
    def problem(n_x, m, **hyper):
        X, Y = binary_data(rng, n_x, m)
        return {"w": 0.1 * rng.standard_normal((n_x, 1)), "b": 0.0, "X": X, "Y": Y, **hyper}
    return {"201_steps": problem(3, 8, num_iterations=201, learning_rate=0.1),
            "one_step": problem(2, 5, num_iterations=1, learning_rate=0.5),
            "defaults": problem(4, 6)}  # num_iterations=100, learning_rate=0.009


@pytest.mark.exercise("optimize", points=0.75)
@pytest.mark.parametrize("value", ["costs", "w", "b", "grads"])
@pytest.mark.parametrize("num_iterations, n_costs", [(1, 1), (100, 1), (101, 2), (250, 3)])
def test_optimize_records_a_cost_every_100_iterations(num_iterations, n_costs, value):
    w, b, X, Y = small_problem(0)
    name = f"optimize(w, b, X, Y, num_iterations={num_iterations})"
    params, grads, costs = checks.unpack(logreg.optimize(w, b, X, Y, num_iterations=num_iterations), 3, name)
    if value == "costs":
        checks.assert_costs(costs, n_costs, f"{name} costs")
    elif value == "grads":
        checks.assert_keys(grads, ("dw", "db"), f"{name} grads")
    else:
        checks.assert_keys(params, ("w", "b"), f"{name} params")
        if value == "w":
            checks.assert_shape(params["w"], w.shape, f"{name} params['w']")
        else:
            checks.assert_float(params["b"], f"{name} params['b']")


@pytest.mark.exercise("optimize", points=0.75)
@pytest.mark.parametrize("value", OPTIMIZE_VALUES)
@cases.parametrize("optimize")
def test_optimize_matches_reference(case, value):
    checks.assert_value_close(case.run(logreg), case.expected, OPTIMIZE_VALUES[value],
                       "optimize(w, b, X, Y, ...) -> (params, grads, costs)")


@pytest.mark.exercise("optimize", points=0.75)
@pytest.mark.parametrize("seed", SEEDS)
def test_optimize_lowers_the_cost(seed):
    w, b, X, Y = small_problem(seed, 3, 10)
    name = "optimize(w, b, X, Y, num_iterations=301, learning_rate=0.5)"
    params, _, costs = checks.unpack(logreg.optimize(w, b, X, Y, num_iterations=301, learning_rate=0.5), 3, name)
    checks.assert_costs(costs, 4, f"{name} costs")
    A0 = 1 / (1 + np.exp(-(w.T @ X + b)))
    initial = float(-np.mean(Y * np.log(A0) + (1 - Y) * np.log(1 - A0)))
    checks.assert_close(costs[0], initial, f"{name} costs[0] (the cost before the first step)", rtol=1e-9)
    if not np.all(np.diff(costs) < 0):
        checks.fail(f"{name}: the recorded costs should decrease, got {np.round(costs, 6).tolist()}")
    checks.assert_keys(params, ("w", "b"), f"{name} params")
    checks.assert_shape(params["w"], w.shape, f"{name} params['w']")


@pytest.mark.exercise("optimize", points=0.75)
@pytest.mark.parametrize("value", OPTIMIZE_VALUES)
def test_optimize_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("optimize")[0].assert_pure(logreg, "optimize(w, b, X, Y, ...)", OPTIMIZE_VALUES[value])


# ---------------------------------------------------------------------------------- predict
@cases.define("predict")
def _(rng):
    return {"3x6": {"w": rng.standard_normal((3, 1)), "b": float(rng.standard_normal()),
                    "X": rng.standard_normal((3, 6))},
            # scores 0.2, -1, -0.3, 1.5: one between 0 and 0.5, the last example predicted 1
            "2x4": {"w": np.array([[1.0], [-1.0]]), "b": 0.0,
                    "X": np.array([[0.2, 1.0, 0.0, 2.0], [0.0, 2.0, 0.3, 0.5]])},
            "1x1": {"w": np.array([[2.0]]), "b": -1.0, "X": np.array([[0.75]])},
            "at_threshold": {"w": np.zeros((2, 1)), "b": 0.0, "X": rng.standard_normal((2, 3))}}  # a = 0.5: not > 0.5


@pytest.mark.exercise("predict", points=0.2)
@pytest.mark.parametrize("n_x, m", [(3, 5), (1, 4), (4, 1)])
def test_predict_returns_a_1_by_m_float_array(n_x, m):
    w, b, X, _ = small_problem(0, n_x, m)
    name = f"predict(w, b, X) for X of shape {(n_x, m)}"
    Y_prediction = logreg.predict(w, b, X)
    checks.assert_shape(Y_prediction, (1, m), name)
    checks.assert_dtype(Y_prediction, f"{name} (0.0 / 1.0 as floats: use .astype(np.float64))")


@pytest.mark.exercise("predict", points=0.4)
@cases.parametrize("predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(logreg), case.expected, "predict(w, b, X) (1.0 where sigmoid(w^T X + b) > 0.5)")


@pytest.mark.exercise("predict", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_thresholds_the_linear_score(seed):
    rng = np.random.default_rng(seed)
    w, b, X = rng.standard_normal((3, 1)), float(rng.standard_normal()), rng.standard_normal((3, 8))
    expected = (w.T @ X + b > 0).astype(np.float64)  # sigmoid(z) > 0.5 exactly when z > 0
    checks.assert_equal_arrays(logreg.predict(w, b, X), expected, "predict(w, b, X) vs 1.0 where w^T X + b > 0")


# ------------------------------------------------------------------------------------ model
@cases.define("model")
def _(rng):
    X, Y = binary_data(rng, 4, 30)
    X1, Y1 = binary_data(rng, 2, 12)
    return {"4_features": {"X_train": X[:, :20], "Y_train": Y[:, :20], "X_test": X[:, 20:], "Y_test": Y[:, 20:],
                           "num_iterations": 201, "learning_rate": 0.5},
            "2_features": {"X_train": X1[:, :8], "Y_train": Y1[:, :8], "X_test": X1[:, 8:], "Y_test": Y1[:, 8:],
                           "num_iterations": 100, "learning_rate": 0.1}}


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", MODEL_KEYS)
def test_model_returns_the_documented_dict_with_default_hyperparameters(value):
    X_train, Y_train, X_test, Y_test = split(0)
    name = "model(X_train, Y_train, X_test, Y_test)"
    d = logreg.model(X_train, Y_train, X_test, Y_test)
    checks.assert_keys(d, MODEL_KEYS, name)
    if value == "num_iterations":
        checks.assert_close(d["num_iterations"], 2000, f"{name}['num_iterations'] (the default)")
    elif value == "learning_rate":
        checks.assert_close(d["learning_rate"], 0.5, f"{name}['learning_rate'] (the default)")
    elif value == "costs":
        checks.assert_costs(d["costs"], 20, f"{name}['costs']")
    elif value == "w":
        checks.assert_shape(d["w"], (X_train.shape[0], 1), f"{name}['w']")
    elif value == "b":
        checks.assert_float(d["b"], f"{name}['b']")
    else:
        checks.assert_shape(d[value], {"Y_prediction_train": Y_train, "Y_prediction_test": Y_test}[value].shape,
                            f"{name}[{value!r}]")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", MODEL_KEYS)
@cases.parametrize("model")
def test_model_matches_reference(case, value):
    checks.assert_value_close(case.run(logreg), case.expected, (value,), "model(X_train, Y_train, X_test, Y_test, ...)")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", ["Y_prediction_train", "Y_prediction_test"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_predictions_come_from_the_returned_parameters(seed, value):
    X_train, Y_train, X_test, Y_test = split(seed)
    name = "model(X_train, Y_train, X_test, Y_test, num_iterations=150, learning_rate=0.5)"
    d = logreg.model(X_train, Y_train, X_test, Y_test, num_iterations=150, learning_rate=0.5)
    checks.assert_keys(d, MODEL_KEYS, name)
    checks.assert_shape(d["w"], (X_train.shape[0], 1), f"{name}['w']")
    w, b = d["w"], d["b"]
    X = X_train if value == "Y_prediction_train" else X_test
    checks.assert_equal_arrays(d[value], (w.T @ X + b > 0).astype(np.float64),
                               f"{name}[{value!r}] vs predict with the returned w and b")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", ["costs", "Y_prediction_train"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_learns_separable_data(seed, value):
    X_train, Y_train, X_test, Y_test = split(seed)
    name = "model(X_train, Y_train, X_test, Y_test, num_iterations=1000, learning_rate=2.0)"
    d = logreg.model(X_train, Y_train, X_test, Y_test, num_iterations=1000, learning_rate=2.0)
    checks.assert_keys(d, MODEL_KEYS, name)
    if value == "costs":
        checks.assert_costs(d["costs"], 10, f"{name}['costs']")
        if not np.all(np.diff(d["costs"]) < 0):
            checks.fail(f"{name}: the recorded costs should decrease, got {np.round(d['costs'], 4).tolist()}")
        return
    checks.assert_shape(d["Y_prediction_train"], Y_train.shape, f"{name}['Y_prediction_train']")
    accuracy = float(np.mean(d["Y_prediction_train"] == Y_train))
    if accuracy < 0.8:
        checks.fail(f"{name}: training accuracy {100 * accuracy:.0f}% on linearly separable data; expected at least 80%")


# ---------------------------------------------------------------------- learning_rate_sweep
@cases.define("learning_rate_sweep")
def _(rng):
    X, Y = binary_data(rng, 3, 20)
    return {"three_rates": {"X_train": X[:, :14], "Y_train": Y[:, :14], "X_test": X[:, 14:], "Y_test": Y[:, 14:],
                            "learning_rates": [0.01, 0.1, 0.5], "num_iterations": 150}}


@pytest.mark.exercise("learning_rate_sweep", points=0.5)
@pytest.mark.parametrize("value", [0, 1], ids=["first_rate", "second_rate"])
@pytest.mark.parametrize("seed", SEEDS)
def test_learning_rate_sweep_maps_each_rate_to_its_model(seed, value):
    rng = np.random.default_rng(seed)
    # Two different rates (two equal ones would make one key): 0.010 to 1.000, in steps of 0.001.
    rates = [float(r) / 1000 for r in rng.choice(np.arange(10, 1001), size=2, replace=False)]
    data = split(seed, n_x=3, m_train=12, m_test=6)
    name = f"learning_rate_sweep(..., learning_rates={rates}, num_iterations=120)"
    results = logreg.learning_rate_sweep(*data, learning_rates=rates, num_iterations=120)
    if not isinstance(results, dict) or list(results) != rates:
        got = list(results) if isinstance(results, dict) else f"a {type(results).__name__}"
        checks.fail(f"{name}: expected a dict whose keys are the learning rates {rates}, in order; got {got}")
    rate = rates[value]
    checks.assert_keys(results[rate], MODEL_KEYS, f"{name}[{rate}]")
    checks.assert_close(results[rate]["learning_rate"], rate, f"{name}[{rate}]['learning_rate']")
    checks.assert_close(results[rate]["num_iterations"], 120, f"{name}[{rate}]['num_iterations']")


@pytest.mark.exercise("learning_rate_sweep", points=0.5)
@cases.each_value("learning_rate_sweep", lambda case: case.inputs["learning_rates"])
def test_learning_rate_sweep_matches_reference(case, value):
    checks.assert_value_close(case.run(logreg), case.expected, (value,),
                       "learning_rate_sweep(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations)")


@pytest.mark.exercise("learning_rate_sweep", points=0.5)
def test_learning_rate_sweep_results_equal_model():
    data = split(2, n_x=3, m_train=12, m_test=6)
    name = "learning_rate_sweep(..., learning_rates=[0.2], num_iterations=110)"
    results = logreg.learning_rate_sweep(*data, learning_rates=[0.2], num_iterations=110)
    if not isinstance(results, dict) or 0.2 not in results:
        checks.fail(f"{name}: expected a dict with the key 0.2, got {results!r:.80}")
    expected = logreg.model(*data, num_iterations=110, learning_rate=0.2)
    checks.assert_close(results[0.2], expected,
                        f"{name}[0.2] vs your model(..., num_iterations=110, learning_rate=0.2)", rtol=1e-12, atol=0)


@pytest.mark.exercise("learning_rate_sweep", points=0.5)
@pytest.mark.parametrize("value", ["num_iterations", "costs"])
def test_learning_rate_sweep_defaults_to_1500_iterations(value):
    data = split(3, n_x=3, m_train=12, m_test=6)
    name = "learning_rate_sweep(..., learning_rates=[0.1])"
    results = logreg.learning_rate_sweep(*data, learning_rates=[0.1])
    if not isinstance(results, dict) or 0.1 not in results:
        checks.fail(f"{name}: expected a dict with the key 0.1, got {results!r:.80}")
    checks.assert_keys(results[0.1], MODEL_KEYS, f"{name}[0.1]")
    if value == "num_iterations":
        checks.assert_close(results[0.1]["num_iterations"], 1500, f"{name}[0.1]['num_iterations'] (the default)")
    else:
        checks.assert_costs(results[0.1]["costs"], 15, f"{name}[0.1]['costs']")
