"""Tests of week1/linear_regression.py: standardize, predict, propagate, gradient descent, the
normal equation and the whole model.

Data here is tiny and synthetic (drawn from seeds), never the diabetes set: a test must run in
milliseconds, and the checks below hold for any data. ``cost`` is the mean squared error with the
1/2 of the curriculum, computed here only to check properties (never to produce expected values,
which come from the reference solution through ``fixtures/linear_regression.zip``).
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradients

lr = sandbox.load("week1.linear_regression")
cases = Cases(__file__)

SEEDS = [0, 1]
MODEL_KEYS = ("costs", "w", "b", "train_rmse", "test_rmse", "learning_rate", "num_iterations")
# Each returned value is scored on its own (a test runs once per value): where it is in the result.
STANDARDIZE_VALUES = {"X_norm": (0,), "mean": (1,), "std": (2,)}
PROPAGATE_VALUES = {"dw": (0, "dw"), "db": (0, "db"), "cost": (1,)}
DESCENT_VALUES = {"w": (0, "w"), "b": (0, "b"), "dw": (1, "dw"), "db": (1, "db"), "costs": (2,)}


# ---------------------------------------------------------------------------------- helpers
def cost(w, b, X, Y):
    """The cost of the curriculum, 1/(2m) * sum((w^T X + b - Y)^2)."""
    return float(np.sum((w.T @ X + b - Y) ** 2) / (2 * X.shape[1]))


def regression_data(rng, n_x, m, noise=0.1):
    """Features of unequal offsets and scales, and targets from a linear rule plus noise."""
    X = rng.uniform(-50, 50, (n_x, 1)) + rng.uniform(1, 20, (n_x, 1)) * rng.standard_normal((n_x, m))
    w, b = rng.standard_normal((n_x, 1)), float(rng.standard_normal())
    Y = w.T @ X + b + noise * rng.standard_normal((1, m))
    return X, Y


def small_problem(seed, n_x=3, m=5):
    """``w, b, X, Y`` of the small shapes the gradient and property checks use."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n_x, 1)), float(rng.standard_normal()), rng.standard_normal((n_x, m)),
            rng.standard_normal((1, m)))


# ------------------------------------------------------------------------------ standardize
@cases.define("standardize")
def _(rng):
    X, _ = regression_data(rng, 3, 6)
    constant = rng.standard_normal((2, 5))
    constant[1] = 7.0  # std 0: the row must become 0, not NaN
    # Constant rows whose np.std is a rounding error (1e-17, 1e-10), and a real feature on a tiny scale
    # (std 5e-10): a constant stays 0 whatever its value, a tiny feature is still standardized.
    rounding = np.stack([np.full(7, 0.1), np.full(7, 1e6 + 0.1), 1e-9 * rng.standard_normal(7) + 1e-10])
    all_zero = rng.standard_normal((3, 5))
    all_zero[1], all_zero[:, 2] = 0.0, 0.0  # an all-zero feature (constant: std 1) and an all-zero example
    return {"3x6": {"X": X}, "constant_row": {"X": constant}, "single_example": {"X": rng.standard_normal((3, 1))},
            "rounding_and_tiny_scale": {"X": rounding}, "all_zero_row_and_column": {"X": all_zero}}


@pytest.mark.exercise("standardize", points=0.25)
@pytest.mark.parametrize("value", STANDARDIZE_VALUES)
@pytest.mark.parametrize("n_x, m", [(3, 5), (1, 4), (4, 2)])
def test_standardize_shapes(n_x, m, value):
    X = np.random.default_rng(0).standard_normal((n_x, m))
    X_norm, mean, std = checks.unpack(lr.standardize(X), 3, "standardize(X)")
    if value == "X_norm":
        checks.assert_shape(X_norm, (n_x, m), f"standardize(X) X_norm, for X of shape {(n_x, m)}")
    else:
        checks.assert_shape({"mean": mean, "std": std}[value], (n_x, 1),
                            f"standardize(X) {value} (one per feature, over the examples), for X of shape {(n_x, m)}")


@pytest.mark.exercise("standardize", points=0.25)
@pytest.mark.parametrize("value", STANDARDIZE_VALUES)
@cases.parametrize("standardize")
def test_standardize_matches_reference(case, value):
    checks.assert_value_close(case.run(lr), case.expected, STANDARDIZE_VALUES[value], "standardize(X) -> (X_norm, mean, std)")


@pytest.mark.exercise("standardize", points=0.25)
@pytest.mark.parametrize("value", ["X_norm", "mean_and_std"])
@pytest.mark.parametrize("seed", SEEDS)
def test_standardize_gives_zero_mean_unit_std_rows(seed, value):
    X, _ = regression_data(np.random.default_rng(seed), 3, 8)
    X_norm, mean, std = checks.unpack(lr.standardize(X), 3, "standardize(X)")
    checks.assert_shape(X_norm, X.shape, "standardize(X) X_norm")
    if value == "X_norm":
        checks.assert_close(X_norm.mean(axis=1), np.zeros(3), "the mean of each row of X_norm", atol=1e-10)
        checks.assert_close(X_norm.std(axis=1), np.ones(3), "the standard deviation of each row of X_norm", rtol=1e-9)
    else:
        checks.assert_close(X_norm * std + mean, X, "X_norm * std + mean (should give X back)", rtol=1e-9)


@pytest.mark.exercise("standardize", points=0.25)
@pytest.mark.parametrize("value", STANDARDIZE_VALUES)
def test_standardize_does_not_modify_its_input(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("standardize")[0].assert_pure(lr, "standardize(X)", STANDARDIZE_VALUES[value])


# ---------------------------------------------------------------------------------- predict
@cases.define("predict")
def _(rng):
    return {"3x5": {"w": rng.standard_normal((3, 1)), "b": float(rng.standard_normal()),
                    "X": rng.standard_normal((3, 5))},
            "1x1": {"w": rng.standard_normal((1, 1)), "b": 2.5, "X": rng.standard_normal((1, 1))},
            "b_zero": {"w": rng.standard_normal((4, 1)), "b": 0.0, "X": rng.standard_normal((4, 3))}}


@pytest.mark.exercise("predict", points=0.2)
@pytest.mark.parametrize("n_x, m", [(3, 5), (1, 4), (4, 1)])
def test_predict_shape(n_x, m):
    w, b, X, _ = small_problem(0, n_x, m)
    checks.assert_shape(lr.predict(w, b, X), (1, m), f"predict(w, b, X) for w of shape {(n_x, 1)}, X of shape {(n_x, m)}")


@pytest.mark.exercise("predict", points=0.4)
@cases.parametrize("predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(lr), case.expected, "predict(w, b, X)")


@pytest.mark.exercise("predict", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_is_wT_X_plus_b(seed):
    w, b, X, _ = small_problem(seed)
    checks.assert_close(lr.predict(w, b, X), w.T @ X + b, "predict(w, b, X) vs w^T X + b", rtol=1e-9)


# -------------------------------------------------------------------------------- propagate
@cases.define("propagate")
def _(rng):
    def problem(n_x, m):
        return {"w": rng.standard_normal((n_x, 1)), "b": float(rng.standard_normal()),
                "X": rng.standard_normal((n_x, m)), "Y": rng.standard_normal((1, m))}
    return {"3x5": problem(3, 5), "1x4": problem(1, 4), "2x1": problem(2, 1)}


@pytest.mark.exercise("propagate", points=0.5)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
@pytest.mark.parametrize("n_x, m", [(3, 5), (1, 4)])
def test_propagate_types_and_shapes(n_x, m, value):
    w, b, X, Y = small_problem(0, n_x, m)
    grads, cost_value = checks.unpack(lr.propagate(w, b, X, Y), 2, "propagate(w, b, X, Y)")
    if value == "cost":
        checks.assert_float(cost_value, "propagate(w, b, X, Y) cost")
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
    checks.assert_value_close(case.run(lr), case.expected, PROPAGATE_VALUES[value], "propagate(w, b, X, Y) -> (grads, cost)")


@pytest.mark.exercise("propagate", points=1)
@pytest.mark.parametrize("value", ["dw", "db"])
@pytest.mark.parametrize("seed", SEEDS)
def test_propagate_gradient(seed, value):
    w, b, X, Y = small_problem(seed)
    grads, _ = checks.unpack(lr.propagate(w, b, X, Y), 2, "propagate(w, b, X, Y)")
    checks.assert_keys(grads, ("dw", "db"), "propagate(w, b, X, Y) grads")

    def cost_of(w, b):
        return checks.unpack(lr.propagate(w, float(b), X, Y), 2, "propagate(w, b, X, Y)")[1]

    point = {"w": w, "b": np.array(b)}
    numeric = numerical_gradients(lambda **p: cost_of(**{**point, **p}), {value[1:]: point[value[1:]]})
    checks.assert_gradient(grads[value], numeric[value[1:]],
                           f"propagate(w, b, X, Y) grads[{value!r}] vs central differences of its cost")


@pytest.mark.exercise("propagate", points=0.25)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_propagate_is_zero_at_a_perfect_fit(seed, value):
    w, b, X, _ = small_problem(seed)
    Y = w.T @ X + b  # the model fits these targets exactly
    grads, cost_value = checks.unpack(lr.propagate(w, b, X, Y), 2, "propagate(w, b, X, Y)")
    if value == "cost":
        checks.assert_close(cost_value, 0.0, "propagate(w, b, X, Y) cost when w^T X + b == Y", atol=1e-12)
        return
    checks.assert_keys(grads, ("dw", "db"), "propagate(w, b, X, Y) grads")
    expected = np.zeros(w.shape) if value == "dw" else 0.0
    checks.assert_close(grads[value], expected, f"propagate(w, b, X, Y) grads[{value!r}] when w^T X + b == Y",
                        atol=1e-12)


@pytest.mark.exercise("propagate", points=0.5)
@pytest.mark.parametrize("value", PROPAGATE_VALUES)
def test_propagate_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("propagate")[0].assert_pure(lr, "propagate(w, b, X, Y)", PROPAGATE_VALUES[value])


# ------------------------------------------------------------------------- gradient_descent
@cases.define("gradient_descent")
def _(rng):
    def problem(n_x, m, num_iterations, learning_rate):
        return {"w": 0.1 * rng.standard_normal((n_x, 1)), "b": 0.5, "X": rng.standard_normal((n_x, m)),
                "Y": rng.standard_normal((1, m)), "num_iterations": num_iterations, "learning_rate": learning_rate}
    return {"250_steps": problem(3, 8, 250, 0.05), "one_step": problem(2, 5, 1, 0.1),
            "101_steps": problem(1, 4, 101, 0.2)}


@pytest.mark.exercise("gradient_descent", points=0.75)
@pytest.mark.parametrize("value", ["costs", "w", "b", "grads"])
@pytest.mark.parametrize("num_iterations, n_costs", [(1, 1), (100, 1), (101, 2), (250, 3)])
def test_gradient_descent_records_a_cost_every_100_iterations(num_iterations, n_costs, value):
    w, b, X, Y = small_problem(0)
    name = f"gradient_descent(..., num_iterations={num_iterations}, ...)"
    params, grads, costs = checks.unpack(lr.gradient_descent(w, b, X, Y, num_iterations, 0.01), 3, name)
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


@pytest.mark.exercise("gradient_descent", points=0.75)
@pytest.mark.parametrize("value", DESCENT_VALUES)
@cases.parametrize("gradient_descent")
def test_gradient_descent_matches_reference(case, value):
    checks.assert_value_close(case.run(lr), case.expected, DESCENT_VALUES[value],
                       "gradient_descent(w, b, X, Y, num_iterations, learning_rate) -> (params, grads, costs)")


@pytest.mark.exercise("gradient_descent", points=0.75)
@pytest.mark.parametrize("value", ["costs", "params"])
@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_descent_lowers_the_cost(seed, value):
    w, b, X, Y = small_problem(seed, 3, 10)
    name = "gradient_descent(w, b, X, Y, num_iterations=301, learning_rate=0.05)"
    params, _, costs = checks.unpack(lr.gradient_descent(w, b, X, Y, 301, 0.05), 3, name)
    checks.assert_costs(costs, 4, f"{name} costs")
    if value == "costs":
        checks.assert_close(costs[0], cost(w, b, X, Y), f"{name} costs[0] (the cost before the first step)", rtol=1e-9)
        if not np.all(np.diff(costs) < 0):
            checks.fail(f"{name}: the recorded costs should decrease, got {np.round(costs, 6).tolist()}")
        return
    checks.assert_keys(params, ("w", "b"), f"{name} params")
    final = cost(params["w"], params["b"], X, Y)
    if not final < costs[-1]:
        checks.fail(f"{name}: the cost of the returned params ({final:.6g}) should be below the last "
                    f"recorded cost ({costs[-1]:.6g}, at iteration 300)")


@pytest.mark.exercise("gradient_descent", points=0.75)
@pytest.mark.parametrize("value", DESCENT_VALUES)
def test_gradient_descent_does_not_modify_its_inputs(value):
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("gradient_descent")[0].assert_pure(lr, "gradient_descent(w, b, X, Y, ...)", DESCENT_VALUES[value])


# -------------------------------------------------------------------------- normal_equation
@cases.define("normal_equation")
def _(rng):
    X, Y = regression_data(rng, 3, 12, noise=1.0)
    X1, Y1 = regression_data(rng, 1, 5, noise=1.0)
    X2, Y2 = regression_data(rng, 2, 6, noise=0.0)
    return {"3x12": {"X": X, "Y": Y}, "1x5": {"X": X1, "Y": Y1}, "exact_fit": {"X": X2, "Y": Y2}}


@pytest.mark.exercise("normal_equation", points=0.5)
@pytest.mark.parametrize("value", ["w", "b"])
@pytest.mark.parametrize("n_x, m", [(3, 8), (1, 4)])
def test_normal_equation_types_and_shapes(n_x, m, value):
    _, _, X, Y = small_problem(0, n_x, m)
    w, b = checks.unpack(lr.normal_equation(X, Y), 2, "normal_equation(X, Y)")
    if value == "w":
        checks.assert_shape(w, (n_x, 1), f"normal_equation(X, Y) w, for X of shape {(n_x, m)}")
    else:
        checks.assert_float(b, "normal_equation(X, Y) b")


@pytest.mark.exercise("normal_equation", points=0.5)
@pytest.mark.parametrize("value", ["w", "b"])
@cases.parametrize("normal_equation")
def test_normal_equation_matches_reference(case, value):
    checks.assert_value_close(case.run(lr), case.expected, ({"w": 0, "b": 1}[value],), "normal_equation(X, Y) -> (w, b)",
                       rtol=1e-6, atol=1e-8)


@pytest.mark.exercise("normal_equation", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_normal_equation_zeroes_the_gradient(seed):
    X, Y = regression_data(np.random.default_rng(seed), 3, 10, noise=1.0)
    w, b = checks.unpack(lr.normal_equation(X, Y), 2, "normal_equation(X, Y)")
    checks.assert_shape(w, (3, 1), "normal_equation(X, Y) w")
    b = b
    residual = w.T @ X + b - Y  # (1, m)
    m = X.shape[1]
    scale = np.abs(X).max() * np.abs(Y).max()
    checks.assert_close(X @ residual.T / m, np.zeros((3, 1)),
                        "dJ/dw = X (w^T X + b - Y)^T / m at (w, b) = normal_equation(X, Y) (should be 0)",
                        atol=1e-9 * scale)
    checks.assert_close(float(residual.mean()), 0.0,
                        "dJ/db = mean(w^T X + b - Y) at (w, b) = normal_equation(X, Y) (should be 0)",
                        atol=1e-9 * scale)


@pytest.mark.exercise("normal_equation", points=0.5)
@pytest.mark.parametrize("value", ["w", "b"])
@pytest.mark.parametrize("seed", SEEDS)
def test_normal_equation_recovers_an_exact_linear_rule(seed, value):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, 7))
    w_true, b_true = rng.standard_normal((3, 1)), float(rng.standard_normal())
    w, b = checks.unpack(lr.normal_equation(X, w_true.T @ X + b_true), 2, "normal_equation(X, Y)")
    if value == "w":
        checks.assert_close(w, w_true, "normal_equation(X, w_true^T X + b_true) w (should be w_true)", rtol=1e-8,
                            atol=1e-10)
    else:
        checks.assert_close(b, b_true, "normal_equation(X, w_true^T X + b_true) b (should be b_true)", rtol=1e-8,
                            atol=1e-10)


# ------------------------------------------------------------------------------------ model
@cases.define("model")
def _(rng):
    X, Y = regression_data(rng, 3, 28)
    X1, Y1 = regression_data(rng, 1, 12)
    return {"3_features": {"X_train": X[:, :20], "Y_train": Y[:, :20], "X_test": X[:, 20:], "Y_test": Y[:, 20:],
                           "num_iterations": 300, "learning_rate": 0.1},
            "1_feature": {"X_train": X1[:, :8], "Y_train": Y1[:, :8], "X_test": X1[:, 8:], "Y_test": Y1[:, 8:],
                          "num_iterations": 150, "learning_rate": 0.3}}


def _train(seed, num_iterations, learning_rate=0.1):
    X, Y = regression_data(np.random.default_rng(seed), 3, 30)
    data = X[:, :22], Y[:, :22], X[:, 22:], Y[:, 22:]
    name = f"model(X_train, Y_train, X_test, Y_test, num_iterations={num_iterations}, learning_rate={learning_rate})"
    d = lr.model(*data, num_iterations=num_iterations, learning_rate=learning_rate)
    checks.assert_keys(d, MODEL_KEYS, name)
    return d, data, name


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", MODEL_KEYS)
def test_model_returns_the_documented_dict(value):
    d, (X_train, _, _, _), name = _train(0, num_iterations=150, learning_rate=0.05)
    if value == "costs":
        checks.assert_costs(d["costs"], 2, f"{name}['costs']")
    elif value == "w":
        checks.assert_shape(d["w"], (X_train.shape[0], 1), f"{name}['w']")
    elif value == "num_iterations":
        checks.assert_close(d["num_iterations"], 150, f"{name}['num_iterations'] (the value passed in)")
    else:
        checks.assert_float(d[value], f"{name}[{value!r}]")
        if value == "learning_rate":
            checks.assert_close(d["learning_rate"], 0.05, f"{name}['learning_rate'] (the value passed in)")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", MODEL_KEYS)
@cases.parametrize("model")
def test_model_matches_reference(case, value):
    checks.assert_value_close(case.run(lr), case.expected, (value,), "model(X_train, Y_train, X_test, Y_test, ...)")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", ["train_rmse", "test_rmse"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_weights_apply_to_raw_features(seed, value):
    d, (X_train, Y_train, X_test, Y_test), name = _train(seed, num_iterations=200)
    w, b = d["w"], d["b"]
    checks.assert_shape(w, (X_train.shape[0], 1), f"{name}['w']")
    X, Y = (X_train, Y_train) if value == "train_rmse" else (X_test, Y_test)
    rmse = float(np.sqrt(np.mean((w.T @ X + b - Y) ** 2)))
    checks.assert_close(d[value], rmse, f"{name}[{value!r}] vs the RMSE of w^T X + b with the returned w, b "
                                        "on the raw (unstandardized) features", rtol=1e-6)


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", ["w", "b"])
@pytest.mark.parametrize("seed", SEEDS)
def test_model_reaches_the_least_squares_solution(seed, value):
    d, (X_train, Y_train, _, _), name = _train(seed, num_iterations=1000)
    X_tilde = np.vstack([X_train, np.ones((1, X_train.shape[1]))])
    theta = np.linalg.lstsq(X_tilde.T, Y_train.T, rcond=None)[0]
    if value == "w":
        checks.assert_close(d["w"], theta[:-1], f"{name}['w'] vs the least-squares weights", rtol=1e-5, atol=1e-8)
    else:
        checks.assert_close(d["b"], float(theta[-1, 0]), f"{name}['b'] vs the least-squares bias", rtol=1e-5,
                            atol=1e-8)
