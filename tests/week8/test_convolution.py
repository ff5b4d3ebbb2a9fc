"""Tests of week8/convolution.py: zero padding, convolution and pooling forwards and backwards, with loops.

Same layout as the earlier weeks' suites (see tests/week1/test_numpy_basics.py). Images are
channels-last, ``A_prev`` (m, n_H_prev, n_W_prev, n_C_prev), filters ``W`` (f, f, n_C_prev, n_C),
biases ``b`` (1, 1, 1, n_C); ``n_H = (n_H_prev + 2 pad - f) // stride + 1``. The shapes are checked
on rectangular images (``n_H != n_W``) with several channels, strides 1, 2, 3 and pads 0, 1, 2,
where a window that does not divide the image leaves entries out.

- Reference values (``fixtures/convolution.zip``) cover every stride/pad combination above, both
  pooling modes, and max pooling with **ties** (integer-valued images): every entry equal to its
  window's maximum gets the gradient (``create_mask_from_window`` is ``x == max(x)``).
- ``conv_forward`` and ``pool_forward`` are compared, on inputs drawn at grading time, with this
  file's own computation (``conv_direct``, ``pool_direct``: numpy, one slice per window offset), and
  must return the cache the curriculum fixes, ``(A_prev, W, b, hparameters)`` / ``(A_prev, hparameters)``.
- ``conv_backward`` is checked against central differences of the submission's own ``conv_forward``,
  projected on a random ``dZ`` (``numgrad.projected``): the convolution is linear in ``A_prev``, ``W``
  and ``b``, so the differences are exact up to rounding. Each of ``dA_prev``, ``dW``, ``db`` is its
  own test item, with ``pad = 0`` (where ``da_prev_pad[pad:-pad]`` would be empty) and ``pad > 0``,
  stride 1 and 2. ``pool_backward`` likewise against ``pool_forward``; for max pooling the values of
  each image are distinct and at least 0.05 apart, so no step of the differences changes the maximum.
- The forward passes are evaluated in the worker and only ``Z`` (``A``) comes back, never its cache
  (``sandbox.deferred``): a numerical gradient makes a few hundred of them.
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient, projected

from .reference import (SEEDS, MODES, GRADS, CONV_SHAPES, POOL_SHAPES, GRADIENT_SETTINGS, POOL_GRADIENT_SETTINGS,
                        out_size, conv_direct, pool_direct, pool_backward_direct, conv_problem,
                        distinct_values, integer_image, hp_conv, hp_pool, random_conv_setting, random_pool_setting,
                        gradient_shape, forward_output)

conv = sandbox.load("week8.convolution")
cases = Cases(__file__)

CONV_VALUES = {"Z": (0,), "cache": (1,)}  # conv_forward -> (Z, cache), each scored on its own
POOL_VALUES = {"A": (0,), "cache": (1,)}  # pool_forward -> (A, cache)


# ---------------------------------------------------------------------------------- helpers
def conv_name(A_prev, W, hparameters):
    return (f"conv_forward(A_prev, W, b, hparameters) for A_prev of shape {A_prev.shape}, W of shape {W.shape}, "
            f"hparameters {hparameters}")


def pool_name(A_prev, hparameters, mode, function="pool_forward", first="A_prev"):
    return (f"{function}({first}, {'cache' if function == 'pool_backward' else 'hparameters'}, mode={mode!r}) "
            f"for A_prev of shape {A_prev.shape}, hparameters {hparameters}")


# ------------------------------------------------------------------------------------ zero_pad
@cases.define("zero_pad")
def _(rng):
    return {"pad1": {"X": rng.standard_normal((2, 3, 4, 2)), "pad": 1},
            "pad2": {"X": rng.standard_normal((1, 4, 2, 3)), "pad": 2},
            "pad0": {"X": rng.standard_normal((2, 2, 3, 1)), "pad": 0}}


@pytest.mark.exercise("zero_pad", points=0.25)
@pytest.mark.parametrize("shape, pad", [((2, 3, 4, 2), 1), ((1, 5, 2, 3), 2), ((3, 2, 2, 1), 0), ((1, 1, 3, 4), 3)],
                         ids=str)
def test_zero_pad_shape(shape, pad):
    X = np.random.default_rng(0).standard_normal(shape)
    m, n_H, n_W, n_C = shape
    checks.assert_shape(conv.zero_pad(X, pad), (m, n_H + 2 * pad, n_W + 2 * pad, n_C),
                        f"zero_pad(X, {pad}) for X of shape {shape} (pad the height and the width only)")


@pytest.mark.exercise("zero_pad", points=0.25)
@cases.parametrize("zero_pad")
def test_zero_pad_matches_reference(case):
    checks.assert_close(case.run(conv), case.expected, f"zero_pad(X, {case.inputs['pad']})")


@pytest.mark.exercise("zero_pad", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_zero_pad_keeps_the_centre_and_zeros_the_border(seed):
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(1, 5, 4))
    pad = int(rng.integers(1, 4))
    X = rng.standard_normal(shape)
    name = f"zero_pad(X, {pad}) for X of shape {shape}"
    X_pad = conv.zero_pad(X, pad)
    m, n_H, n_W, n_C = shape
    checks.assert_shape(X_pad, (m, n_H + 2 * pad, n_W + 2 * pad, n_C), name)
    checks.assert_close(X_pad[:, pad:pad + n_H, pad:pad + n_W, :], X,
                        f"{name}: the centre X_pad[:, pad:pad + n_H, pad:pad + n_W, :] (should be X)", rtol=0, atol=0)
    border = X_pad.copy()
    border[:, pad:pad + n_H, pad:pad + n_W, :] = 0
    checks.assert_equal_arrays(border, np.zeros(border.shape), f"{name}: the border (should be zeros)")


@pytest.mark.exercise("zero_pad", points=0.25)
def test_zero_pad_does_not_modify_its_input():
    cases.case("zero_pad", "pad1").assert_pure(conv, "zero_pad(X, pad)")


# ---------------------------------------------------------------------------- conv_single_step
@cases.define("conv_single_step")
def _(rng):
    def case(f, n_C_prev):
        return {"a_slice_prev": rng.standard_normal((f, f, n_C_prev)), "W": rng.standard_normal((f, f, n_C_prev)),
                "b": rng.standard_normal((1, 1, 1))}
    return {"3x3x2": case(3, 2), "4x4x1": case(4, 1), "1x1x3": case(1, 3)}


@pytest.mark.exercise("conv_single_step", points=0.25)
def test_conv_single_step_returns_a_float():
    case = cases.case("conv_single_step", "3x3x2")
    checks.assert_float(case.run(conv), "conv_single_step(a_slice_prev, W, b) (a Python float: b is an array of "
                                        "shape (1, 1, 1); add its value, b.item(), or use float(...))")


@pytest.mark.exercise("conv_single_step", points=0.25)
@cases.parametrize("conv_single_step")
def test_conv_single_step_matches_reference(case):
    checks.assert_close(case.run(conv), case.expected, "conv_single_step(a_slice_prev, W, b)")


@pytest.mark.exercise("conv_single_step", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_conv_single_step_is_the_sum_of_the_product_plus_the_bias(seed):
    rng = np.random.default_rng(seed)
    f, n_C_prev = int(rng.integers(1, 5)), int(rng.integers(1, 4))
    a, W, b = rng.standard_normal((f, f, n_C_prev)), rng.standard_normal((f, f, n_C_prev)), rng.standard_normal((1, 1, 1))
    name = f"conv_single_step(a_slice_prev, W, b) for a slice and a filter of shape {(f, f, n_C_prev)}"
    Z = conv.conv_single_step(a, W, b)
    checks.assert_float(Z, name)
    checks.assert_close(Z, float(np.sum(a * W) + b.item()),
                        f"{name} vs np.sum(a_slice_prev * W) + b (the bias once, not once per entry)")


@pytest.mark.exercise("conv_single_step", points=0.25)
def test_conv_single_step_does_not_modify_its_inputs():
    cases.case("conv_single_step", "3x3x2").assert_pure(conv, "conv_single_step(a_slice_prev, W, b)")


# -------------------------------------------------------------------------------- conv_forward
@cases.define("conv_forward")
def _(rng):
    out = {}
    for shape, f, n_C, stride, pad in CONV_SHAPES:
        A_prev, W, b = conv_problem(rng, shape, f, n_C)
        out[f"s{stride}_p{pad}_f{f}"] = {"A_prev": A_prev, "W": W, "b": b, "hparameters": hp_conv(stride, pad)}
    return out


@pytest.mark.exercise("conv_forward", points=0.5)
@pytest.mark.parametrize("value", CONV_VALUES)
@pytest.mark.parametrize("shape, f, n_C, stride, pad", CONV_SHAPES, ids=str)
def test_conv_forward_shapes(shape, f, n_C, stride, pad, value):
    A_prev, W, b = conv_problem(np.random.default_rng(0), shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    name = conv_name(A_prev, W, hparameters)
    Z, cache = checks.unpack(conv.conv_forward(A_prev, W, b, hparameters), 2, f"{name} -> (Z, cache)")
    if value == "Z":
        checks.assert_shape(Z, (shape[0], out_size(shape[1], f, stride, pad), out_size(shape[2], f, stride, pad), n_C),
                            f"{name}: Z (n_H = (n_H_prev + 2 pad - f) // stride + 1, n_W likewise)")
        checks.assert_dtype(Z, f"{name}: Z")
    else:
        checks.unpack(cache, 4, f"{name}: cache (A_prev, W, b, hparameters)")


@pytest.mark.exercise("conv_forward", points=0.75)
@pytest.mark.parametrize("value", CONV_VALUES)
@cases.parametrize("conv_forward")
def test_conv_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(conv), case.expected, CONV_VALUES[value],
                              f"conv_forward(A_prev, W, b, {case.inputs['hparameters']}) -> (Z, cache)")


@pytest.mark.exercise("conv_forward", points=1)
@pytest.mark.parametrize("seed", SEEDS)
def test_conv_forward_is_the_cross_correlation(seed):
    rng = np.random.default_rng(seed)
    shape, f, n_C, stride, pad = random_conv_setting(rng)
    A_prev, W, b = conv_problem(rng, shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    name = conv_name(A_prev, W, hparameters)
    Z, _ = checks.unpack(conv.conv_forward(A_prev, W, b, hparameters), 2, f"{name} -> (Z, cache)")
    checks.assert_close(Z, conv_direct(A_prev, W, b, stride, pad),
                        f"{name}: Z vs the sum over each window of the zero-padded A_prev times W (not flipped), "
                        "plus b; window (h, w) starts at row h * stride and column w * stride")


@pytest.mark.exercise("conv_forward", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_conv_forward_returns_its_inputs_as_the_cache(seed):
    rng = np.random.default_rng(seed)
    shape, f, n_C, stride, pad = random_conv_setting(rng)
    A_prev, W, b = conv_problem(rng, shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    name = conv_name(A_prev, W, hparameters)
    _, cache = checks.unpack(conv.conv_forward(A_prev, W, b, hparameters), 2, f"{name} -> (Z, cache)")
    checks.assert_close(checks.unpack(cache, 4, f"{name}: cache"), (A_prev, W, b, hparameters),
                        f"{name}: cache (should be (A_prev, W, b, hparameters), the inputs, unpadded)", rtol=0, atol=0)


@pytest.mark.exercise("conv_forward", points=0.25)
@pytest.mark.parametrize("value", CONV_VALUES)
def test_conv_forward_does_not_modify_its_inputs(value):
    cases.get("conv_forward")[1].assert_pure(conv, "conv_forward(A_prev, W, b, hparameters)", CONV_VALUES[value])


# -------------------------------------------------------------------------------- pool_forward
@cases.define("pool_forward")
def _(rng):
    out = {}
    for shape, f, stride in POOL_SHAPES:
        A_prev = rng.standard_normal(shape)
        for mode in MODES:
            out[f"{mode}_f{f}_s{stride}"] = {"A_prev": A_prev, "hparameters": hp_pool(f, stride), "mode": mode}
    out["max_ties"] = {"A_prev": integer_image(rng, (2, 4, 5, 2)), "hparameters": hp_pool(2, 1), "mode": "max"}
    out["default_mode"] = {"A_prev": rng.standard_normal((1, 4, 4, 2)), "hparameters": hp_pool(2, 2)}
    return out


@pytest.mark.exercise("pool_forward", points=0.25)
@pytest.mark.parametrize("value", POOL_VALUES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("shape, f, stride", POOL_SHAPES, ids=str)
def test_pool_forward_shapes(shape, f, stride, mode, value):
    A_prev = np.random.default_rng(0).standard_normal(shape)
    hparameters = hp_pool(f, stride)
    name = pool_name(A_prev, hparameters, mode)
    A, cache = checks.unpack(conv.pool_forward(A_prev, hparameters, mode=mode), 2, f"{name} -> (A, cache)")
    if value == "A":
        checks.assert_shape(A, (shape[0], out_size(shape[1], f, stride), out_size(shape[2], f, stride), shape[3]),
                            f"{name}: A (n_H = (n_H_prev - f) // stride + 1, n_W likewise; each channel on its own)")
        checks.assert_dtype(A, f"{name}: A")
    else:
        checks.unpack(cache, 2, f"{name}: cache (A_prev, hparameters)")


@pytest.mark.exercise("pool_forward", points=0.5)
@pytest.mark.parametrize("value", POOL_VALUES)
@cases.parametrize("pool_forward")
def test_pool_forward_matches_reference(case, value):
    mode = case.inputs.get("mode", "max (the default)")
    checks.assert_value_close(case.run(conv), case.expected, POOL_VALUES[value],
                              f"pool_forward(A_prev, {case.inputs['hparameters']}, mode={mode!r}) -> (A, cache)")


@pytest.mark.exercise("pool_forward", points=0.75)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed", SEEDS)
def test_pool_forward_pools_each_window(seed, mode):
    rng = np.random.default_rng(seed)
    shape, f, stride = random_pool_setting(rng)
    A_prev = rng.standard_normal(shape)
    hparameters = hp_pool(f, stride)
    name = pool_name(A_prev, hparameters, mode)
    A, cache = checks.unpack(conv.pool_forward(A_prev, hparameters, mode=mode), 2, f"{name} -> (A, cache)")
    checks.assert_close(A, pool_direct(A_prev, f, stride, mode),
                        f"{name}: A vs the {mode} of each f x f window of each channel, windows every stride entries")
    checks.assert_close(checks.unpack(cache, 2, f"{name}: cache"), (A_prev, hparameters),
                        f"{name}: cache (should be (A_prev, hparameters))", rtol=0, atol=0)


@pytest.mark.exercise("pool_forward", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_pool_forward_average_of_a_constant_image_is_the_constant(seed):
    rng = np.random.default_rng(seed)
    shape, f, stride = random_pool_setting(rng)
    c = float(rng.uniform(-3, 3))
    hparameters = hp_pool(f, stride)
    name = f"{pool_name(np.zeros(shape), hparameters, 'average')} with every entry {c:.4g}"
    A, _ = checks.unpack(conv.pool_forward(np.full(shape, c), hparameters, mode="average"), 2, f"{name} -> (A, cache)")
    n_H, n_W = out_size(shape[1], f, stride), out_size(shape[2], f, stride)
    checks.assert_close(A, np.full((shape[0], n_H, n_W, shape[3]), c),
                        f"{name} (the mean of a window of equal entries is that entry: divide the sum by f * f)")


@pytest.mark.exercise("pool_forward", points=0.25)
@pytest.mark.parametrize("value", POOL_VALUES)
@pytest.mark.parametrize("mode", MODES)
def test_pool_forward_does_not_modify_its_inputs(mode, value):
    cases.case("pool_forward", f"{mode}_f3_s1").assert_pure(conv, f"pool_forward(A_prev, hparameters, mode={mode!r})",
                                                            POOL_VALUES[value])


# ------------------------------------------------------------------------------- conv_backward
@cases.define("conv_backward")
def _(rng):
    out = {}
    for shape, f, n_C, stride, pad in CONV_SHAPES:
        A_prev, W, b = conv_problem(rng, shape, f, n_C)
        Z = conv_direct(A_prev, W, b, stride, pad)
        out[f"s{stride}_p{pad}_f{f}"] = {"dZ": rng.standard_normal(Z.shape), "cache": (A_prev, W, b, hp_conv(stride, pad))}
    return out


@pytest.mark.exercise("conv_backward", points=0.5)
@pytest.mark.parametrize("value", GRADS)
@pytest.mark.parametrize("shape, f, n_C, stride, pad", CONV_SHAPES, ids=str)
def test_conv_backward_shapes(shape, f, n_C, stride, pad, value):
    rng = np.random.default_rng(0)
    A_prev, W, b = conv_problem(rng, shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    dZ = rng.standard_normal(conv_direct(A_prev, W, b, stride, pad).shape)
    name = (f"conv_backward(dZ, cache) for A_prev of shape {shape}, W of shape {W.shape}, hparameters {hparameters}")
    grads = checks.unpack(conv.conv_backward(dZ, (A_prev, W, b, hparameters)), 3, f"{name} -> (dA_prev, dW, db)")
    like = {"dA_prev": ("A_prev", A_prev), "dW": ("W", W), "db": ("b", b)}[value]
    checks.assert_shape(grads[GRADS.index(value)], like[1].shape, f"{name}: {value} (the shape of {like[0]})")


@pytest.mark.exercise("conv_backward", points=0.75)
@pytest.mark.parametrize("value", GRADS)
@cases.parametrize("conv_backward")
def test_conv_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(conv), case.expected, (GRADS.index(value),),
                              f"conv_backward(dZ, cache) with hparameters {case.inputs['cache'][3]} -> (dA_prev, dW, db)")


@pytest.mark.exercise("conv_backward", points=1.5, uses=["conv_forward"])
@pytest.mark.parametrize("value", GRADS)
@pytest.mark.parametrize("seed, stride, pad, f, n_C_prev, n_C",
                         [(i, *setting) for i, setting in enumerate(GRADIENT_SETTINGS)], ids=str)
def test_conv_backward_gradient(seed, stride, pad, f, n_C_prev, n_C, value):
    rng = np.random.default_rng(seed)
    shape = gradient_shape(rng, n_C_prev)
    A_prev, W, b = conv_problem(rng, shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    dZ = rng.standard_normal(conv_direct(A_prev, W, b, stride, pad).shape)
    name = f"conv_backward(dZ, cache) for A_prev of shape {shape}, W of shape {W.shape}, hparameters {hparameters}"
    grads = checks.unpack(conv.conv_backward(dZ, (A_prev, W, b, hparameters)), 3, f"{name} -> (dA_prev, dW, db)")
    total = projected(dZ)
    point = {"A_prev": A_prev, "W": W, "b": b}
    key = value[1:]

    def f_of(x):
        p = {**point, key: x}
        return total(forward_output(conv.conv_forward, p["A_prev"], p["W"], p["b"], hparameters,
                                    name="conv_forward(A_prev, W, b, hparameters)"))

    checks.assert_gradient(grads[GRADS.index(value)], numerical_gradient(f_of, point[key]),
                           f"{name}: {value} vs central differences of sum(dZ * your conv_forward(A_prev, W, b, "
                           f"hparameters)[0]) with respect to {key}")


@pytest.mark.exercise("conv_backward", points=0.5)
@pytest.mark.parametrize("value", GRADS)
@pytest.mark.parametrize("seed", SEEDS)
def test_conv_backward_sums_over_the_examples(seed, value):
    # dW and db add up the examples' contributions (no 1/m); each example's dA_prev is its own.
    rng = np.random.default_rng(seed)
    shape, f, n_C, stride, pad = random_conv_setting(rng)
    A_prev, W, b = conv_problem(rng, shape, f, n_C)
    hparameters = hp_conv(stride, pad)
    dZ = rng.standard_normal(conv_direct(A_prev, W, b, stride, pad).shape)
    name = f"conv_backward(dZ, cache) for A_prev of shape {shape}, W of shape {W.shape}, hparameters {hparameters}"
    both = checks.unpack(conv.conv_backward(dZ, (A_prev, W, b, hparameters)), 3, f"{name} -> (dA_prev, dW, db)")
    index = GRADS.index(value)
    if value == "db":
        checks.assert_close(both[2], dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C),
                            f"{name}: db vs the sum of dZ over the examples and positions, one per filter")
        return
    parts = [checks.unpack(conv.conv_backward(dZ[i:i + 1], (A_prev[i:i + 1], W, b, hparameters)), 3,
                           f"{name} for example {i} alone")[index] for i in range(shape[0])]
    expected = np.sum(parts, axis=0) if value == "dW" else np.concatenate(parts)
    checks.assert_close(both[index], expected,
                        f"{name}: {value} vs the {'sum' if value == 'dW' else 'concatenation'} of the {value} of "
                        "each example alone")


@pytest.mark.exercise("conv_backward", points=0.25)
@pytest.mark.parametrize("value", GRADS)
def test_conv_backward_does_not_modify_its_inputs(value):
    cases.get("conv_backward")[1].assert_pure(conv, "conv_backward(dZ, cache)", (GRADS.index(value),))


# --------------------------------------------------------------------- create_mask_from_window
@cases.define("create_mask_from_window")
def _(rng):
    return {"3x3": {"x": rng.standard_normal((3, 3))}, "2x2_negative": {"x": -np.abs(rng.standard_normal((2, 2)))},
            "ties": {"x": np.array([[1.0, 3.0, 0.0], [3.0, -2.0, 3.0], [2.0, 1.0, 0.5]])},
            "constant": {"x": np.full((2, 2), 1.5)}, "4x4_integers": {"x": integer_image(rng, (4, 4))}}


@pytest.mark.exercise("create_mask_from_window", points=0.25)
def test_create_mask_from_window_is_a_boolean_array():
    x = np.array([[1.0, 4.0], [2.0, 3.0]])
    name = "create_mask_from_window(x) for x = [[1, 4], [2, 3]]"
    mask = conv.create_mask_from_window(x)
    checks.assert_shape(mask, (2, 2), name)
    checks.assert_dtype(mask, f"{name} (x == np.max(x) is a boolean array)", kind="b")


@pytest.mark.exercise("create_mask_from_window", points=0.25)
@cases.parametrize("create_mask_from_window")
def test_create_mask_from_window_matches_reference(case):
    checks.assert_close(case.run(conv), case.expected, "create_mask_from_window(x) (True at every maximum)")


@pytest.mark.exercise("create_mask_from_window", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_create_mask_from_window_marks_every_maximum(seed):
    rng = np.random.default_rng(seed)
    f = int(rng.integers(2, 5))
    x = integer_image(rng, (f, f), high=3) - 1.0
    tied = rng.choice(f * f, size=int(rng.integers(2, f * f + 1)), replace=False)
    x.flat[tied] = x.max()  # two or more entries tie for the maximum, sometimes the whole window
    name = f"create_mask_from_window(x) for x = {x.tolist()}"
    mask = conv.create_mask_from_window(x)
    checks.assert_shape(mask, (f, f), name)
    checks.assert_equal_arrays(mask, x == x.max(), f"{name} (True at every entry equal to the maximum, ties included; "
                                                   "False elsewhere)")


@pytest.mark.exercise("create_mask_from_window", points=0.25)
def test_create_mask_from_window_does_not_modify_its_input():
    cases.case("create_mask_from_window", "ties").assert_pure(conv, "create_mask_from_window(x)")


# ---------------------------------------------------------------------------- distribute_value
@cases.define("distribute_value")
def _(rng):
    return {"2x2": {"dz": float(rng.standard_normal()), "shape": (2, 2)},
            "3x3": {"dz": float(rng.standard_normal()), "shape": (3, 3)},
            "2x3": {"dz": -1.5, "shape": (2, 3)}, "integer_dz": {"dz": 3, "shape": (2, 2)}}


@pytest.mark.exercise("distribute_value", points=0.25)
@pytest.mark.parametrize("shape", [(2, 2), (3, 1), (2, 4)], ids=str)
def test_distribute_value_shape(shape):
    name = f"distribute_value(2.0, {shape})"
    a = conv.distribute_value(2.0, shape)
    checks.assert_shape(a, shape, name)
    checks.assert_dtype(a, name)


@pytest.mark.exercise("distribute_value", points=0.25)
@cases.parametrize("distribute_value")
def test_distribute_value_matches_reference(case):
    checks.assert_close(case.run(conv), case.expected, f"distribute_value({case.inputs['dz']!r}, {case.inputs['shape']})")


@pytest.mark.exercise("distribute_value", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_distribute_value_spreads_dz_evenly(seed):
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 5)), int(rng.integers(1, 5)))
    dz = float(rng.uniform(-5, 5))
    name = f"distribute_value({dz!r}, {shape})"
    a = conv.distribute_value(dz, shape)
    checks.assert_shape(a, shape, name)
    checks.assert_close(a, np.full(shape, dz / (shape[0] * shape[1])),
                        f"{name} (every entry dz / (n_H * n_W))")
    checks.assert_close(float(np.sum(a)), dz, f"{name}: the sum of the entries (should be dz)")


# ------------------------------------------------------------------------------- pool_backward
@cases.define("pool_backward")
def _(rng):
    out = {}
    for shape, f, stride in POOL_SHAPES:
        A_prev = rng.standard_normal(shape)
        dA = rng.standard_normal(pool_direct(A_prev, f, stride, "max").shape)
        for mode in MODES:
            out[f"{mode}_f{f}_s{stride}"] = {"dA": dA, "cache": (A_prev, hp_pool(f, stride)), "mode": mode}
    for f, stride in ((2, 2), (2, 1), (3, 1)):  # ties inside a window, and across overlapping windows
        A_prev = integer_image(rng, (2, 5, 4, 2))
        dA = rng.standard_normal(pool_direct(A_prev, f, stride, "max").shape)
        out[f"max_ties_f{f}_s{stride}"] = {"dA": dA, "cache": (A_prev, hp_pool(f, stride)), "mode": "max"}
    out["max_constant"] = {"dA": rng.standard_normal((1, 2, 2, 1)), "cache": (np.ones((1, 4, 4, 1)), hp_pool(2, 2)),
                           "mode": "max"}
    A_prev = rng.standard_normal((1, 4, 4, 2))
    out["default_mode"] = {"dA": rng.standard_normal((1, 2, 2, 2)), "cache": (A_prev, hp_pool(2, 2))}
    return out


@pytest.mark.exercise("pool_backward", points=0.25)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("shape, f, stride", POOL_SHAPES, ids=str)
def test_pool_backward_shape(shape, f, stride, mode):
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal(shape)
    hparameters = hp_pool(f, stride)
    dA = rng.standard_normal(pool_direct(A_prev, f, stride, mode).shape)
    name = pool_name(A_prev, hparameters, mode, "pool_backward", "dA")
    dA_prev = conv.pool_backward(dA, (A_prev, hparameters), mode=mode)
    checks.assert_shape(dA_prev, shape, f"{name}: dA_prev (the shape of A_prev)")
    checks.assert_dtype(dA_prev, f"{name}: dA_prev")


@pytest.mark.exercise("pool_backward", points=0.5)
@cases.parametrize("pool_backward")
def test_pool_backward_matches_reference(case):
    mode = case.inputs.get("mode", "max (the default)")
    checks.assert_close(case.run(conv), case.expected,
                        f"pool_backward(dA, (A_prev, {case.inputs['cache'][1]}), mode={mode!r})"
                        + (" (with ties, every entry equal to the window's maximum gets the gradient)"
                           if "ties" in case.id or "constant" in case.id else ""))


@pytest.mark.exercise("pool_backward", points=0.75, uses=["pool_forward"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed, f, stride, n_C", [(i, *setting) for i, setting in enumerate(POOL_GRADIENT_SETTINGS)],
                         ids=str)
def test_pool_backward_gradient(seed, f, stride, n_C, mode):
    rng = np.random.default_rng(seed)
    shape = gradient_shape(rng, n_C)
    A_prev = distinct_values(rng, shape)
    hparameters = hp_pool(f, stride)
    dA = rng.standard_normal(pool_direct(A_prev, f, stride, mode).shape)
    name = pool_name(A_prev, hparameters, mode, "pool_backward", "dA")
    dA_prev = conv.pool_backward(dA, (A_prev, hparameters), mode=mode)
    total = projected(dA)
    numeric = numerical_gradient(lambda x: total(forward_output(
        conv.pool_forward, x, hparameters, mode=mode, name=f"pool_forward(A_prev, hparameters, mode={mode!r})")), A_prev)
    checks.assert_gradient(dA_prev, numeric, f"{name} vs central differences of sum(dA * your pool_forward(A_prev, "
                                             f"hparameters, mode={mode!r})[0]) (no ties)")


@pytest.mark.exercise("pool_backward", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_pool_backward_max_gives_every_tied_maximum_the_gradient(seed):
    rng = np.random.default_rng(seed)
    shape, f, stride = random_pool_setting(rng)
    f = max(f, 2)  # the shapes drawn are at least 3 x 3
    A_prev = integer_image(rng, shape)
    hparameters = hp_pool(f, stride)
    dA = rng.standard_normal(pool_direct(A_prev, f, stride, "max").shape)
    name = pool_name(A_prev, hparameters, "max", "pool_backward", "dA") + " on an image of small integers (ties)"
    dA_prev = conv.pool_backward(dA, (A_prev, hparameters), mode="max")
    checks.assert_close(dA_prev, pool_backward_direct(dA, A_prev, f, stride, "max"),
                        f"{name}: each window's dA goes to every entry equal to the window's maximum (all the tied "
                        "ones), added up where windows overlap")


@pytest.mark.exercise("pool_backward", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_pool_backward_average_conserves_the_sum_of_dA(seed):
    rng = np.random.default_rng(seed)
    shape, f, stride = random_pool_setting(rng)
    A_prev = rng.standard_normal(shape)
    hparameters = hp_pool(f, stride)
    dA = rng.standard_normal(pool_direct(A_prev, f, stride, "average").shape)
    name = pool_name(A_prev, hparameters, "average", "pool_backward", "dA")
    dA_prev = conv.pool_backward(dA, (A_prev, hparameters), mode="average")
    checks.assert_shape(dA_prev, shape, name)
    checks.assert_close(float(dA_prev.sum()), float(dA.sum()),
                        f"{name}: the sum of dA_prev (each window spreads its dA over its f * f entries, so the sum "
                        "is the sum of dA)")
    checks.assert_close(dA_prev, pool_backward_direct(dA, A_prev, f, stride, "average"),
                        f"{name}: dA_prev vs dA / (f * f) added to every entry of each window")


@pytest.mark.exercise("pool_backward", points=0.25)
@pytest.mark.parametrize("mode", MODES)
def test_pool_backward_does_not_modify_its_inputs(mode):
    cases.case("pool_backward", f"{mode}_f3_s1").assert_pure(conv, f"pool_backward(dA, cache, mode={mode!r})")
