"""Tests of week1/vectorization.py: three products, each with Python loops and with numpy.

Each function has two tests: the values frozen from the reference solution, and agreement with
numpy's own product on vectors drawn at test time (the loop and the numpy version must compute the
same numbers; the speed comparison itself is given and not graded). The elementwise products, whose
result has the shape of an input, are also checked not to write into their inputs.
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

vec = sandbox.load("week1.vectorization")
cases = Cases(__file__)

SEEDS = [0, 1]


def _same_length_cases(rng):
    return {"n5": {"x1": rng.standard_normal(5), "x2": rng.standard_normal(5)},
            "n1": {"x1": rng.standard_normal(1), "x2": rng.standard_normal(1)},
            "n12": {"x1": rng.uniform(-10, 10, 12), "x2": rng.uniform(-1, 1, 12)}}


def _outer_cases(rng):
    return {"3x4": {"x1": rng.standard_normal(3), "x2": rng.standard_normal(4)},
            "1x5": {"x1": rng.standard_normal(1), "x2": rng.standard_normal(5)},
            "6x2": {"x1": rng.standard_normal(6), "x2": rng.standard_normal(2)},
            "3x3": {"x1": rng.standard_normal(3), "x2": rng.standard_normal(3)}}  # where x1 * x2 and np.dot run


for _name in ("dot_loop", "dot_vectorized", "multiply_loop", "multiply_vectorized"):
    cases.define(_name)(_same_length_cases)
for _name in ("outer_loop", "outer_vectorized"):
    cases.define(_name)(_outer_cases)


def _vectors(seed, n1=7, n2=7):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n1), rng.standard_normal(n2)


# -------------------------------------------------------------------------------------- dot
@pytest.mark.exercise("dot_loop", points=0.5)
@cases.parametrize("dot_loop")
def test_dot_loop_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "dot_loop(x1, x2) (a float)")


@pytest.mark.exercise("dot_loop", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_dot_loop_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed)
    checks.assert_close(vec.dot_loop(x1, x2), float(np.dot(x1, x2)), "dot_loop(x1, x2) vs np.dot(x1, x2)",
                        rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("dot_vectorized", points=0.5)
@cases.parametrize("dot_vectorized")
def test_dot_vectorized_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "dot_vectorized(x1, x2) (a float)")


@pytest.mark.exercise("dot_vectorized", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_dot_vectorized_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed)
    checks.assert_close(vec.dot_vectorized(x1, x2), float(np.dot(x1, x2)),
                        "dot_vectorized(x1, x2) vs np.dot(x1, x2)", rtol=1e-9, atol=1e-12)


# ------------------------------------------------------------------------------------ outer
@pytest.mark.exercise("outer_loop", points=0.5)
@cases.parametrize("outer_loop")
def test_outer_loop_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "outer_loop(x1, x2)")


@pytest.mark.exercise("outer_loop", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_outer_loop_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed, 3, 5)
    checks.assert_close(vec.outer_loop(x1, x2), np.outer(x1, x2),
                        "outer_loop(x1, x2) for x1 of length 3, x2 of length 5 vs np.outer(x1, x2)")


@pytest.mark.exercise("outer_vectorized", points=0.5)
@cases.parametrize("outer_vectorized")
def test_outer_vectorized_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "outer_vectorized(x1, x2)")


@pytest.mark.exercise("outer_vectorized", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_outer_vectorized_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed, 3, 5)
    checks.assert_close(vec.outer_vectorized(x1, x2), np.outer(x1, x2),
                        "outer_vectorized(x1, x2) for x1 of length 3, x2 of length 5 vs np.outer(x1, x2)")


# --------------------------------------------------------------------------------- multiply
@pytest.mark.exercise("multiply_loop", points=0.4)
@cases.parametrize("multiply_loop")
def test_multiply_loop_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "multiply_loop(x1, x2)")


@pytest.mark.exercise("multiply_loop", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_multiply_loop_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed)
    checks.assert_close(vec.multiply_loop(x1, x2), x1 * x2, "multiply_loop(x1, x2) vs x1 * x2")


@pytest.mark.exercise("multiply_loop", points=0.2)
def test_multiply_loop_does_not_modify_its_inputs():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("multiply_loop")[0].assert_pure(vec, "multiply_loop(x1, x2)")


@pytest.mark.exercise("multiply_vectorized", points=0.4)
@cases.parametrize("multiply_vectorized")
def test_multiply_vectorized_matches_reference(case):
    checks.assert_close(case.run(vec), case.expected, "multiply_vectorized(x1, x2)")


@pytest.mark.exercise("multiply_vectorized", points=0.4)
@pytest.mark.parametrize("seed", SEEDS)
def test_multiply_vectorized_agrees_with_numpy(seed):
    x1, x2 = _vectors(seed)
    checks.assert_close(vec.multiply_vectorized(x1, x2), x1 * x2, "multiply_vectorized(x1, x2) vs x1 * x2")


@pytest.mark.exercise("multiply_vectorized", points=0.2)
def test_multiply_vectorized_does_not_modify_its_inputs():
    # Only a correct result earns these points: returning nothing must not pass.
    cases.get("multiply_vectorized")[0].assert_pure(vec, "multiply_vectorized(x1, x2)")
