"""The checks every suite uses: type, shape, dtype, NaN/Inf, close values, gradients.

Each check raises ``AssertionError`` with a message written for the learner: which array, what was
expected, what came back, and for values the largest error and where it is. The order matters and
is the same everywhere: type, then shape, then dtype, then finiteness, then values, so the message
names the first thing to fix.
"""
import numpy as np

from .codec import Remote
from .numgrad import NumericalGradient


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, Remote):
        return f"an object of class {value.type_name}"
    if isinstance(value, (list, tuple, dict)):
        return f"a {type(value).__name__} of length {len(value)}"
    name = type(value).__name__
    article = "an" if name[0] in "aeiou" else "a"
    return f"{article} {name} ({value!r:.60})"


def _fmt(x):
    return f"{x:.6g}" if isinstance(x, (float, np.floating)) else repr(x)


def _index(idx):
    return str(tuple(int(i) for i in idx)) if len(idx) != 1 else f"[{int(idx[0])}]"


def fail(message):
    raise AssertionError(message)


def unpack(result, n, name):
    """The ``n`` values of a function that returns a tuple, or a failure that says what came back."""
    if not isinstance(result, (tuple, list)) or len(result) != n:
        fail(f"{name}: expected a tuple of {n} values, got {_describe(result)}")
    return result


def assert_keys(d, keys, name):
    """``d`` is a dict with exactly ``keys``."""
    if not isinstance(d, dict):
        fail(f"{name}: expected a dict with keys {list(keys)}, got {_describe(d)}")
    missing, extra = [k for k in keys if k not in d], [k for k in d if k not in keys]
    if missing or extra:
        fail(f"{name}: expected the keys {list(keys)}; missing {missing}, unexpected {extra}")


def assert_costs(costs, n, name):
    """A list of ``n`` float costs, recorded every 100 iterations from iteration 0."""
    if not isinstance(costs, list) or len(costs) != n:
        what = f"{len(costs)} costs" if isinstance(costs, (list, tuple)) else _describe(costs)
        fail(f"{name}: expected a list of {n} cost(s), recorded at iterations 0, 100, 200, ...; got {what}")
    for i, cost in enumerate(costs):
        assert_float(cost, f"{name}[{i}]")


def assert_array(actual, name):
    """``actual`` must be a numpy array (not a list, a scalar or an object of the submission)."""
    if not isinstance(actual, np.ndarray):
        fail(f"{name}: expected a numpy array, got {_describe(actual)}")


def assert_shape(actual, expected_shape, name):
    assert_array(actual, name)
    expected_shape = tuple(expected_shape)
    if actual.shape != expected_shape:
        hint = " (transposed?)" if actual.shape == expected_shape[::-1] and actual.ndim > 1 else ""
        if actual.ndim != len(expected_shape):
            hint = " (a missing keepdims=True or reshape?)" if actual.size == np.prod(expected_shape) else hint
        fail(f"{name}: wrong shape: expected {expected_shape}, got {actual.shape}{hint}")


def assert_dtype(actual, name, kind="f"):
    """``kind`` is a numpy dtype kind: ``"f"`` float, ``"i"`` integer, ``"b"`` boolean."""
    words = {"f": "floating-point", "i": "integer", "b": "boolean", "u": "unsigned integer"}
    if actual.dtype.kind != kind and not (kind == "i" and actual.dtype.kind == "u"):
        fail(f"{name}: expected a {words.get(kind, kind)} array, got dtype {actual.dtype}")


def assert_finite(actual, name):
    if actual.dtype.kind not in "fc":
        return
    bad = ~np.isfinite(actual)
    if bad.any():
        first = np.argwhere(bad)[0]
        what = "NaN" if np.isnan(actual[tuple(first)]) else "Inf"
        fail(f"{name}: contains {int(bad.sum())} NaN/Inf value(s), the first ({what}) at index {_index(first)}; "
             "look for a log of 0, a division by zero or an overflowing exp")


def assert_float(actual, name):
    """A Python float (or numpy float scalar), as the curriculum asks of costs."""
    if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, (float, np.floating)):
        hint = ""
        if isinstance(actual, np.ndarray) and actual.size == 1:
            hint = "; convert it with float(...)"
        fail(f"{name}: expected a float, got {_describe(actual)}{hint}")
    if not np.isfinite(actual):
        fail(f"{name}: is {actual}; look for a log of 0 or a division by zero")


def assert_close(actual, expected, name, rtol=1e-6, atol=1e-8):
    """Compare any value of plain data (arrays, numbers, tuples, lists, dicts) with the reference."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            fail(f"{name}: expected a dict with keys {sorted(map(str, expected))}, got {_describe(actual)}")
        missing = [k for k in expected if k not in actual]
        if missing:
            fail(f"{name}: missing key(s) {', '.join(map(repr, missing))}; it has {sorted(map(str, actual))}")
        for key in expected:
            assert_close(actual[key], expected[key], f"{name}[{key!r}]", rtol, atol)
        return
    if isinstance(expected, (tuple, list)):
        if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
            fail(f"{name}: expected a {type(expected).__name__} of {len(expected)} items, got {_describe(actual)}")
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_close(a, e, f"{name}[{i}]", rtol, atol)
        return
    if isinstance(expected, np.ndarray):
        assert_shape(actual, expected.shape, name)
        if actual.dtype.kind not in "fiub":  # integer 0/1 arrays are accepted where values match
            assert_dtype(actual, name, expected.dtype.kind)
        assert_finite(actual, name)
        _assert_values(actual, expected, name, rtol, atol)
        return
    if isinstance(expected, (float, np.floating)):
        assert_float(actual, name)
        _assert_values(np.asarray(actual, dtype=float), np.asarray(expected), name, rtol, atol)
        return
    if isinstance(expected, (bool, int, str, np.integer, np.bool_)) or expected is None:
        if type(actual) is not type(expected) and not (isinstance(expected, (int, np.integer))
                                                         and isinstance(actual, (int, np.integer))
                                                         and not isinstance(actual, (bool, np.bool_))):
            fail(f"{name}: expected {_describe(expected)}, got {_describe(actual)}")
        if actual != expected:
            fail(f"{name}: expected {expected!r}, got {actual!r}")
        return
    raise TypeError(f"assert_close cannot compare with a {type(expected).__name__}")


def assert_value_close(result, expected, path, name, **tolerances):
    """:func:`assert_close` of the one returned value at ``path`` (tuple positions, dict keys), so that
    each value is scored on its own; the way to it is checked (and named) as :func:`assert_close` does."""
    for step in path:
        if isinstance(expected, dict):
            present = isinstance(result, dict) and step in result
        else:
            present = isinstance(expected, (tuple, list)) and isinstance(result, (tuple, list)) \
                and len(result) == len(expected)
        if not present:
            assert_close(result, expected, name, **tolerances)  # fails: says what is missing
        result, expected, name = result[step], expected[step], f"{name}[{step!r}]"
    assert_close(result, expected, name, **tolerances)


def _assert_values(actual, expected, name, rtol, atol):
    actual64, expected64 = actual.astype(np.float64), expected.astype(np.float64)
    error = np.abs(actual64 - expected64)
    bad = error > atol + rtol * np.abs(expected64)
    if not bad.any():
        return
    if actual.ndim == 0:
        fail(f"{name}: expected {_fmt(float(expected64))}, got {_fmt(float(actual64))}")
    worst = np.unravel_index(np.argmax(np.where(bad, error, -1)), error.shape)
    fail(f"{name}: values differ in {int(bad.sum())} of {bad.size} entries; the largest error is "
         f"{_fmt(float(error[worst]))} at index {_index(worst)}: expected {_fmt(float(expected64[worst]))}, "
         f"got {_fmt(float(actual64[worst]))}")


def assert_equal_arrays(actual, expected, name):
    """Exact equality, for integer labels, masks and 0/1 predictions."""
    assert_shape(actual, expected.shape, name)
    different = actual != expected
    if np.any(different):
        first = np.argwhere(different)[0]
        fail(f"{name}: {int(different.sum())} of {different.size} entries differ; the first at index "
             f"{_index(first)}: expected {_fmt(expected[tuple(first)])}, got {_fmt(actual[tuple(first)])}")


def assert_gradient(analytic, numeric, name, rtol=1e-6, atol=1e-8):
    """The submission's backward pass against central differences of its own forward pass.

    Passes when every entry satisfies ``|analytic - numeric| <= atol + rtol * max(|analytic|, |numeric|)``;
    the message reports the relative error of the worst entry and where it is. A ``numeric`` from
    :func:`grader.numgrad.numerical_gradient` is first compared along two random directions
    (:meth:`~grader.numgrad.NumericalGradient.agrees_with`), and computed entry by entry only when
    they disagree: a correct backward pass costs four evaluations of the forward pass, not two per entry.
    """
    if isinstance(analytic, (float, np.floating)) and len(np.shape(numeric)) == 0:
        analytic = np.asarray(analytic)  # a gradient that is a number, like db
    assert_shape(analytic, np.shape(numeric), name)
    assert_finite(analytic, name)
    analytic = analytic.astype(np.float64)
    if isinstance(numeric, NumericalGradient) and numeric.agrees_with(analytic, rtol, atol):
        return  # along random directions; otherwise every entry, for the message
    numeric = np.asarray(numeric, dtype=np.float64)
    error = np.abs(analytic - numeric)
    scale = np.maximum(np.abs(analytic), np.abs(numeric))
    bad = error > atol + rtol * scale
    if not bad.any():
        return
    relative = error / np.maximum(scale, 1e-8)
    worst = np.unravel_index(np.argmax(np.where(bad, relative, -1)), error.shape)
    fail(f"{name}: the backward pass disagrees with a numerical gradient of your forward pass in "
         f"{int(bad.sum())} of {bad.size} entries; worst at index {_index(worst)}: backward gives "
         f"{_fmt(float(analytic[worst]))}, central differences give {_fmt(float(numeric[worst]))} "
         f"(relative error {float(relative[worst]):.2g})")


def assert_not_mutated(before, after, name):
    """The function must not change its inputs in place."""
    if isinstance(before, dict):
        for key in before:
            assert_not_mutated(before[key], after[key], f"{name} {key}" if name.endswith("argument")
                               else f"{name}[{key!r}]")
        return
    if isinstance(before, (list, tuple)):
        for i, (b, a) in enumerate(zip(before, after)):
            assert_not_mutated(b, a, f"{name}[{i}]")
        return
    if isinstance(before, np.ndarray) and not (before.shape == after.shape and np.array_equal(before, after, equal_nan=True)):
        fail(f"{name}: your function modified this input in place; work on a copy "
             "(e.g. x = x.copy() or use out-of-place operations like x = x - ...)")
