"""Tests of week1/numpy_basics.py.

How the suites of this course are written (later weeks follow the same pattern):

- Every test grades one function: ``@pytest.mark.exercise(name, points=N)``. A function's points
  (1 for a simple function, 2-4 for propagation, training and model functions) are split between
  its test functions, and each test function's N between its parametrized cases, so partial credit
  maps to test ids.
- Each test calls the graded function first, so an unfinished function reads "not implemented".
- One concern per test, in this order inside a function's section (the report shows a learner the
  first failure, so the most basic problem comes first): ``*_shape`` / ``*_types_and_shapes``;
  ``*_matches_reference``, against values frozen from the reference solution
  (``fixtures/numpy_basics.zip``, rebuilt by ``python -m grader fixtures``); ``*_gradient``, a
  derivative against central differences of the submission's own function; then properties that
  hold for any input drawn at test time, so that reproducing the reference numbers cannot pass them;
  and ``*_does_not_modify_its_input``.
- Every check goes through :mod:`grader.checks` with a ``name`` that says which call and which value.
- A function that returns several values (a tuple; a dict of gradients, parameters or optimizer state;
  the entries of a cache) has each value scored on its own, so that one wrong value costs its share
  and not the whole test: the test is parametrized over the value
  (``@pytest.mark.parametrize("value", ...)``, a test's points shared between its items), and each
  item checks the structure on the way to its value (``checks.unpack``, the keys of the dict that
  holds it) and then that value only. Values come in the order the function computes them (gradients
  in backpropagation's order), so the report's first failure is where an error enters. Where the
  layers are drawn at grading time, the weights and the biases are the two values. The tools:
  ``checks.assert_value_close`` (one value of a result), ``cases.each_value`` (reference cases whose
  values differ) and ``case.assert_pure(module, label, path)`` (purity, one value at a time).
- A test parameter named ``seed`` is a slot (``@pytest.mark.parametrize("seed", SEEDS)``): the
  plugin hands the test a seed drawn for this grading (:mod:`grader.grading.seeds`; ``--seed N`` repeats
  one), so every function has checks on inputs that no submission can know in advance, and a
  submission that returns remembered answers loses points (``python -m grader mistakes`` proves it).
  Use ``seed`` only to seed a generator or to pass as an ``rng`` argument, never as a value.
- ``mistakes/week1/numpy_basics.py`` catalogues the mistakes learners make in each function; each
  must lose points here, and a reference case that shows it lets the report name it.
"""
import math

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient, projected

nb = sandbox.load("week1.numpy_basics")
cases = Cases(__file__)

SEEDS = [0, 1]
SHAPES = [(5,), (3, 4), (2, 3, 4)]  # elementwise functions accept any shape
MATRIX_SHAPES = [(2, 3), (3, 3), (4, 1), (1, 5)]  # row-wise functions take (m, n)


def elementwise_derivative(f, x):
    """Central differences of an elementwise ``f``: ``d f(x)[i] / d x[i]`` is the gradient of ``sum(f(x))``."""
    total = projected(np.ones(x.shape))
    return numerical_gradient(lambda v: total(f(v)), x)


def away_from_zero(rng, shape):
    """Random entries with ``0.1 <= |x| <= 2``: ReLU has a kink at 0 that central differences cannot cross."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 2.0, size=shape)


# ------------------------------------------------------------------------------ basic_sigmoid
@cases.define("basic_sigmoid")
def _(rng):
    return {"zero": {"x": 0.0}, "positive": {"x": float(rng.uniform(0.5, 5))},
            "negative": {"x": float(rng.uniform(-5, -0.5))},
            "large_positive": {"x": 800.0}, "large_negative": {"x": -800.0}}


@pytest.mark.exercise("basic_sigmoid", points=0.5)
@cases.parametrize("basic_sigmoid")
def test_basic_sigmoid_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, f"basic_sigmoid({case.inputs['x']:g})")


@pytest.mark.exercise("basic_sigmoid", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_basic_sigmoid_solves_the_definition(seed):
    x = float(np.random.default_rng(seed).uniform(-5, 5))
    s = nb.basic_sigmoid(x)
    checks.assert_float(s, f"basic_sigmoid({x:g})")
    checks.assert_close(s * (1 + math.exp(-x)), 1.0, f"s * (1 + exp(-x)) with s = basic_sigmoid({x:g})", rtol=1e-12)


# ------------------------------------------------------------------------------------ sigmoid
@cases.define("sigmoid")
def _(rng):
    return {"vector": {"x": rng.standard_normal(5)}, "matrix": {"x": rng.standard_normal((3, 4))},
            "3d": {"x": 3 * rng.standard_normal((2, 2, 3))},
            "large": {"x": np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])}}


@pytest.mark.exercise("sigmoid", points=0.25)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_sigmoid_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.sigmoid(x), shape, f"sigmoid(x) for x of shape {shape}")


@pytest.mark.exercise("sigmoid", points=0.25)
@cases.parametrize("sigmoid")
def test_sigmoid_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "sigmoid(x)")


@pytest.mark.exercise("sigmoid", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_solves_the_definition(seed):
    x = np.random.default_rng(seed).uniform(-5, 5, size=(3, 4))
    s = nb.sigmoid(x)
    checks.assert_shape(s, x.shape, "sigmoid(x)")
    checks.assert_close(s * (1 + np.exp(-x)), np.ones(x.shape), "s * (1 + exp(-x)) with s = sigmoid(x)", rtol=1e-12)


@pytest.mark.exercise("sigmoid", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_is_symmetric_and_finite_for_large_inputs(seed):
    x = np.random.default_rng(seed).uniform(-1000, 1000, size=(3, 4))
    s = nb.sigmoid(x)
    checks.assert_shape(s, x.shape, "sigmoid(x)")
    checks.assert_close(s + nb.sigmoid(-x), np.ones(x.shape), "sigmoid(x) + sigmoid(-x) for |x| up to 1000 (should be 1)")


# ------------------------------------------------------------------------- sigmoid_derivative
@cases.define("sigmoid_derivative")
def _(rng):
    return {"vector": {"x": rng.standard_normal(5)}, "matrix": {"x": 3 * rng.standard_normal((3, 4))},
            "zero": {"x": np.zeros(2)}}


@pytest.mark.exercise("sigmoid_derivative", points=0.2)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_sigmoid_derivative_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.sigmoid_derivative(x), shape, f"sigmoid_derivative(x) for x of shape {shape}")


@pytest.mark.exercise("sigmoid_derivative", points=0.4)
@cases.parametrize("sigmoid_derivative")
def test_sigmoid_derivative_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "sigmoid_derivative(x)")


@pytest.mark.exercise("sigmoid_derivative", points=0.4, uses=["sigmoid"])
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_derivative_gradient(seed):
    x = 2 * np.random.default_rng(seed).standard_normal((2, 3))
    analytic = nb.sigmoid_derivative(x)
    checks.assert_gradient(analytic, elementwise_derivative(nb.sigmoid, x),
                           "sigmoid_derivative(x) vs central differences of your sigmoid", rtol=1e-5)


# --------------------------------------------------------------------------------------- relu
@cases.define("relu")
def _(rng):
    return {"vector": {"x": rng.standard_normal(6)}, "matrix": {"x": rng.standard_normal((3, 4))},
            "zeros_and_signs": {"x": np.array([[-2.0, -0.0, 0.0], [0.5, -1e-9, 3.0]])}}


@pytest.mark.exercise("relu", points=0.2)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_relu_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.relu(x), shape, f"relu(x) for x of shape {shape}")


@pytest.mark.exercise("relu", points=0.3)
@cases.parametrize("relu")
def test_relu_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "relu(x)")


@pytest.mark.exercise("relu", points=0.3)
@pytest.mark.parametrize("seed", SEEDS)
def test_relu_splits_x_into_positive_and_negative_parts(seed):
    x = np.random.default_rng(seed).standard_normal((3, 4))
    positive, negative = nb.relu(x), nb.relu(-x)
    checks.assert_close(positive - negative, x, "relu(x) - relu(-x) (should equal x)")
    checks.assert_close(np.minimum(positive, negative), np.zeros(x.shape), "min(relu(x), relu(-x)) (should be 0)")


@pytest.mark.exercise("relu", points=0.2)
def test_relu_does_not_modify_its_input():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("relu")[0].assert_pure(nb, "relu(x)")


# ---------------------------------------------------------------------------- relu_derivative
@cases.define("relu_derivative")
def _(rng):
    return {"vector": {"x": rng.standard_normal(6)}, "matrix": {"x": rng.standard_normal((3, 4))},
            "at_zero": {"x": np.array([-1.0, 0.0, -0.0, 1e-9, 2.0])}}


@pytest.mark.exercise("relu_derivative", points=0.2)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_relu_derivative_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    dr = nb.relu_derivative(x)
    checks.assert_shape(dr, shape, f"relu_derivative(x) for x of shape {shape}")
    checks.assert_dtype(dr, f"relu_derivative(x) for x of shape {shape} (0.0 / 1.0 as floats: use .astype(np.float64))")


@pytest.mark.exercise("relu_derivative", points=0.4)
@cases.parametrize("relu_derivative")
def test_relu_derivative_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "relu_derivative(x) (1.0 where x > 0, else 0.0)")


@pytest.mark.exercise("relu_derivative", points=0.4, uses=["relu"])
@pytest.mark.parametrize("seed", SEEDS)
def test_relu_derivative_gradient(seed):
    x = away_from_zero(np.random.default_rng(seed), (2, 3))
    analytic = nb.relu_derivative(x)
    checks.assert_gradient(analytic, elementwise_derivative(nb.relu, x),
                           "relu_derivative(x) vs central differences of your relu", rtol=1e-5)


# ---------------------------------------------------------------------------- tanh_derivative
@cases.define("tanh_derivative")
def _(rng):
    return {"vector": {"x": rng.standard_normal(5)}, "matrix": {"x": 2 * rng.standard_normal((3, 4))},
            "large": {"x": np.array([-1000.0, 0.0, 1000.0])}}


@pytest.mark.exercise("tanh_derivative", points=0.2)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_tanh_derivative_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.tanh_derivative(x), shape, f"tanh_derivative(x) for x of shape {shape}")


@pytest.mark.exercise("tanh_derivative", points=0.4)
@cases.parametrize("tanh_derivative")
def test_tanh_derivative_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "tanh_derivative(x)")


@pytest.mark.exercise("tanh_derivative", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_derivative_gradient(seed):
    # The submission has no tanh of its own: differentiate numpy's.
    x = 2 * np.random.default_rng(seed).standard_normal((2, 3))
    analytic = nb.tanh_derivative(x)
    checks.assert_gradient(analytic, elementwise_derivative(np.tanh, x),
                           "tanh_derivative(x) vs central differences of np.tanh", rtol=1e-5)


# ------------------------------------------------------------------------------- image2vector
@cases.define("image2vector")
def _(rng):
    return {"3x3x2": {"image": rng.standard_normal((3, 3, 2))},
            "2x4x3": {"image": rng.uniform(0, 1, (2, 4, 3))},
            "1x1x1": {"image": rng.standard_normal((1, 1, 1))}}


@pytest.mark.exercise("image2vector", points=0.2)
@pytest.mark.parametrize("shape", [(3, 3, 2), (2, 5, 3), (4, 1, 1)], ids=str)
def test_image2vector_shape(shape):
    image = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.image2vector(image), (int(np.prod(shape)), 1),
                        f"image2vector(image) for an image of shape {shape}")


@pytest.mark.exercise("image2vector", points=0.4)
@cases.parametrize("image2vector")
def test_image2vector_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "image2vector(image)")


@pytest.mark.exercise("image2vector", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_image2vector_is_the_c_order_ravel(seed):
    image = np.random.default_rng(seed).standard_normal((2, 3, 4))
    checks.assert_equal_arrays(nb.image2vector(image), image.ravel(order="C").reshape(-1, 1),
                               "image2vector(image) (the channel index must change fastest: C order)")


# ----------------------------------------------------------------------------- normalize_rows
@cases.define("normalize_rows")
def _(rng):
    return {"2x3": {"x": rng.standard_normal((2, 3))}, "square": {"x": rng.standard_normal((3, 3))},
            "column": {"x": rng.standard_normal((4, 1))},
            "zero_row": {"x": np.array([[3.0, 4.0], [0.0, 0.0]])}}


@pytest.mark.exercise("normalize_rows", points=0.25)
@pytest.mark.parametrize("shape", MATRIX_SHAPES, ids=str)
def test_normalize_rows_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.normalize_rows(x), shape, f"normalize_rows(x) for x of shape {shape}")


@pytest.mark.exercise("normalize_rows", points=0.25)
@cases.parametrize("normalize_rows")
def test_normalize_rows_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "normalize_rows(x)")


@pytest.mark.exercise("normalize_rows", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_normalize_rows_gives_unit_rows_along_x(seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((4, 3)) * rng.uniform(0.1, 10, size=(4, 1))  # rows of very different lengths
    out = nb.normalize_rows(x)
    checks.assert_shape(out, x.shape, "normalize_rows(x)")
    checks.assert_close(np.linalg.norm(out, axis=1), np.ones(4), "the L2 norm of each row of normalize_rows(x)")
    checks.assert_close(out * np.linalg.norm(x, axis=1, keepdims=True), x,
                        "normalize_rows(x) times the norm of each row of x (should give x back)")


@pytest.mark.exercise("normalize_rows", points=0.25)
def test_normalize_rows_does_not_modify_its_input():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("normalize_rows")[0].assert_pure(nb, "normalize_rows(x)")


# ------------------------------------------------------------------------------------ softmax
@cases.define("softmax")
def _(rng):
    return {"2x3": {"x": rng.standard_normal((2, 3))}, "3x5": {"x": 3 * rng.standard_normal((3, 5))},
            "one_column": {"x": rng.standard_normal((3, 1))},
            "large": {"x": np.array([[1000.0, 999.0, 998.0], [-1000.0, 0.0, 1000.0]])},
            "rows_far_apart": {"x": np.array([[1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1003.0]])}}


@pytest.mark.exercise("softmax", points=0.15)
@pytest.mark.parametrize("shape", MATRIX_SHAPES, ids=str)
def test_softmax_shape(shape):
    x = np.random.default_rng(0).standard_normal(shape)
    checks.assert_shape(nb.softmax(x), shape, f"softmax(x) for x of shape {shape}")


@pytest.mark.exercise("softmax", points=0.2)
@cases.parametrize("softmax")
def test_softmax_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "softmax(x)")


@pytest.mark.exercise("softmax", points=0.15)
@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_rows_are_distributions(seed):
    x = 3 * np.random.default_rng(seed).standard_normal((4, 3))
    s = nb.softmax(x)
    checks.assert_shape(s, x.shape, "softmax(x)")
    checks.assert_close(s.sum(axis=1), np.ones(4), "the sum of each row of softmax(x) (rows, not columns)")
    if not np.all(s > 0):
        checks.fail("softmax(x): every entry must be positive")


@pytest.mark.exercise("softmax", points=0.2)
@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_solves_the_definition(seed):
    # s_ij = e^{x_ij} / sum_k e^{x_ik}: each entry times its row's sum of exponentials gives e^{x_ij} back.
    rng = np.random.default_rng(seed)
    m, n = (int(k) for k in rng.integers(2, 6, size=2))
    x = 3 * rng.standard_normal((m, n))
    s = nb.softmax(x)
    checks.assert_shape(s, x.shape, f"softmax(x) for x of shape {(m, n)}")
    checks.assert_close(s * np.exp(x).sum(axis=1, keepdims=True), np.exp(x),
                        "softmax(x) times the sum of exp(x) over each row (should be exp(x))", rtol=1e-9)


@pytest.mark.exercise("softmax", points=0.15)
@pytest.mark.parametrize("shift", [5.0, 1000.0], ids=["shift5", "shift1000"])
def test_softmax_is_shift_invariant(shift):
    # Adding a constant to a row changes nothing; with entries near 1000 a naive exp overflows.
    rng = np.random.default_rng(int(shift))
    x = rng.standard_normal((3, 4))
    c = shift * rng.choice([-1.0, 1.0], size=(3, 1))  # a different constant for each row
    shifted, plain = nb.softmax(x + c), nb.softmax(x)
    checks.assert_close(shifted, plain, f"softmax(x + c) with |c| = {shift:g} per row (should equal softmax(x))",
                        rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("softmax", points=0.15)
def test_softmax_does_not_modify_its_input():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("softmax")[0].assert_pure(nb, "softmax(x)")


# ------------------------------------------------------------------------------------- L1, L2
def _loss_cases(rng):
    # "both_signs" first: errors of both signs with a negative sum, where a missing np.abs, the abs of the
    # sum and a mean all give different numbers (the report's hint names the mistake from the first case)
    return {"both_signs": {"yhat": np.array([0.9, 0.2, 0.1, 0.4]), "y": np.array([1.0, 0.0, 1.0, 1.0])},
            "vector": {"yhat": rng.uniform(0, 1, 5), "y": rng.integers(0, 2, 5).astype(float)},
            "matrix": {"yhat": rng.standard_normal((2, 3)), "y": rng.standard_normal((2, 3))},
            "perfect": {"yhat": np.array([0.5, 2.0, -1.0]), "y": np.array([0.5, 2.0, -1.0])}}


cases.define("L1")(_loss_cases)
cases.define("L2")(_loss_cases)


@pytest.mark.exercise("L1", points=0.5)
@cases.parametrize("L1")
def test_L1_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "L1(yhat, y) (a float: the sum, not the mean)")


@pytest.mark.exercise("L1", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_L1_is_the_l1_distance(seed):
    rng = np.random.default_rng(seed)
    yhat, y = rng.standard_normal(6), rng.standard_normal(6)
    checks.assert_close(nb.L1(yhat, y), float(np.linalg.norm(yhat - y, ord=1)),
                        "L1(yhat, y) (should be sum(|yhat - y|), a float)", rtol=1e-9)


@pytest.mark.exercise("L2", points=0.5)
@cases.parametrize("L2")
def test_L2_matches_reference(case):
    checks.assert_close(case.run(nb), case.expected, "L2(yhat, y) (a float: the sum of squares, not the mean)")


@pytest.mark.exercise("L2", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_L2_is_the_squared_l2_distance(seed):
    rng = np.random.default_rng(seed)
    yhat, y = rng.standard_normal(6), rng.standard_normal(6)
    checks.assert_close(nb.L2(yhat, y), float(np.linalg.norm(yhat - y) ** 2),
                        "L2(yhat, y) (should be sum((yhat - y) ** 2), a float)", rtol=1e-9)
