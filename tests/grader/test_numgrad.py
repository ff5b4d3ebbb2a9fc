"""grader.numgrad and checks.assert_gradient: central differences, along random directions first."""
import zlib

import numpy as np
import pytest

from grader import checks
from grader.numgrad import NumericalGradient, numerical_gradient, numerical_gradients


def counted(f):
    """``f`` and a list that grows by one at each of its calls."""
    calls = []

    def wrapper(x):
        calls.append(1)
        return f(x)
    return wrapper, calls


def cube_sum(x):
    return float(np.sum(x ** 3) + np.sum(x[..., :1]) * np.sum(x))


def cube_sum_gradient(x):
    grad = 3 * x ** 2 + np.sum(x[..., :1])
    grad[..., :1] += np.sum(x)
    return grad


X = np.random.default_rng(0).standard_normal((3, 4))


def test_a_correct_backward_pass_costs_four_evaluations():
    f, calls = counted(cube_sum)
    checks.assert_gradient(cube_sum_gradient(X), numerical_gradient(f, X), "grad")
    assert len(calls) == 2 * NumericalGradient.DIRECTIONS


def test_a_wrong_entry_is_found_and_named_as_before():
    f, calls = counted(cube_sum)
    wrong = cube_sum_gradient(X)
    wrong[2, 1] += 1e-3 * abs(wrong[2, 1]) + 1e-4  # a small error in one entry of twelve
    with pytest.raises(AssertionError, match=r"in 1 of 12 entries; worst at index \(2, 1\)"):
        checks.assert_gradient(wrong, numerical_gradient(f, X), "grad")
    assert len(calls) == 2 * NumericalGradient.DIRECTIONS + 2 * X.size  # the directions, then every entry


def test_an_error_within_the_entrywise_tolerance_passes():
    grad = cube_sum_gradient(X)
    checks.assert_gradient(grad * (1 + 1e-8), numerical_gradient(cube_sum, X), "grad")


def test_the_full_gradient_scales_and_is_computed_once():
    f, calls = counted(cube_sum)
    numeric = numerical_gradient(f, X)
    np.testing.assert_allclose(np.asarray(numeric / 2), cube_sum_gradient(X) / 2, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(3 * numeric), 3 * cube_sum_gradient(X), rtol=1e-6)
    assert len(calls) == 2 * X.size and numeric.shape == X.shape


def test_a_number_and_a_tiny_array_are_checked_entry_by_entry():
    checks.assert_gradient(6.0, numerical_gradient(lambda t: float(t) ** 3, np.array(np.sqrt(2.0))), "d")
    grads = numerical_gradients(lambda w, b: float(np.sum(w ** 2) + 3 * b), {"w": np.array([1.0, -2.0]),
                                                                             "b": np.array(0.5)})
    checks.assert_gradient(np.array([2.0, -4.0]), grads["w"], "dw")
    with pytest.raises(AssertionError, match="dw: the backward pass disagrees"):
        checks.assert_gradient(np.array([2.0, 4.0]), grads["w"], "dw")


def test_the_directions_depend_on_the_point_and_the_processs_secret():
    numeric = numerical_gradient(cube_sum, X)
    grad = cube_sum_gradient(X)
    assert numeric.agrees_with(grad, 1e-6, 1e-8) and numerical_gradient(cube_sum, X.copy()).agrees_with(
        grad, 1e-6, 1e-8)
    assert not numeric.agrees_with(-grad, 1e-6, 1e-8)


def test_a_fake_gradient_made_for_directions_without_the_secret_falls_to_the_entrywise_check():
    # Tailored to directions drawn from the point alone: right along them, wrong everywhere else.
    rng = np.random.default_rng(zlib.crc32(X.tobytes()))
    V = np.array([v / np.linalg.norm(v) for v in (rng.standard_normal(X.shape).ravel() for _ in range(2))])
    numeric = numerical_gradient(cube_sum, X)
    fake = (V.T @ np.linalg.solve(V @ V.T, V @ cube_sum_gradient(X).ravel())).reshape(X.shape)
    with pytest.raises(AssertionError, match="the backward pass disagrees"):
        checks.assert_gradient(fake, numeric, "grad")
