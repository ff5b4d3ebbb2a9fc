"""Tests of week9/rnn.py: RNN and LSTM cells, unrolled over a sequence, forwards and backwards through time.

Same layout as the earlier weeks' suites (see tests/week1/test_numpy_basics.py). Sequences are
``x (n_x, m, T_x)``, hidden states ``a (n_a, m, T_x)``, one step ``xt (n_x, m)``; the shapes are
checked with one sequence alone (``m = 1``) and one step alone (``T_x = 1``) among the sizes.

- Reference values (``fixtures/rnn.zip``) of every returned value, the caches included.
- The cells are compared, on inputs drawn at grading time, with this suite's own computation of the
  equations (``rnn_reference.py``), and must return the caches the curriculum fixes,
  ``(a_next, a_prev, xt, parameters)`` and ``(a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt,
  parameters)``. ``rnn_forward`` and ``lstm_forward`` must equal the submission's own cell stepped by
  hand over the sequence (the state carried from step to step; the LSTM's memory cell from zeros).
- The backward passes are checked against central differences of the submission's own forward pass:
  for the cells, of ``sum(da_next * a_next)`` (``+ sum(dc_next * c_next)`` for the LSTM); for the
  unrolled passes, of ``sum(da * a)`` over every step, a gradient ``da`` arriving at every hidden
  state. Each gradient is its own test item. The backward passes are given caches this suite built
  itself, so they are graded on their own; their gradient checks differentiate the submission's
  forward pass (``uses``), made in the worker with only the needed array coming back
  (``sandbox.deferred``).
"""
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradient, projected

from .rnn_reference import (SEEDS, SIZES, GRADIENT_SIZES, N_Y, RNN_CELL_VALUES, RNN_VALUES, LSTM_CELL_VALUES,
                            LSTM_VALUES, RNN_CELL_GRADS, RNN_GRADS, LSTM_CELL_GRADS, LSTM_GRADS, sizes_id,
                            rnn_parameters, lstm_parameters, rnn_step, lstm_step, lstm_gates, rnn_unrolled,
                            lstm_unrolled, output)

rnn = sandbox.load("week9.rnn")
cases = Cases(__file__)

BACKWARD_SIZES = SIZES[:1] + [(2, 3, 2, 1, 1)]  # several steps and examples; one step of one sequence


# ---------------------------------------------------------------------------------- helpers
def draw_sizes(rng):
    """``(n_x, n_a, n_y, m, T_x)`` drawn at grading time, all small."""
    return tuple(int(n) for n in rng.integers(1, [5, 6, 5, 5, 6]))


def cell_problem(rng, n_x, n_a, n_y, m, lstm=False):
    """``xt, a_prev, parameters`` (and ``c_prev`` for the LSTM, after ``a_prev``)."""
    xt, a_prev = rng.standard_normal((n_x, m)), rng.standard_normal((n_a, m))
    if lstm:
        return xt, a_prev, rng.standard_normal((n_a, m)), lstm_parameters(rng, n_x, n_a, n_y)
    return xt, a_prev, rnn_parameters(rng, n_x, n_a, n_y)


def sequence_problem(rng, n_x, n_a, n_y, m, T_x, lstm=False):
    """``x, a0, parameters``."""
    x, a0 = rng.standard_normal((n_x, m, T_x)), rng.standard_normal((n_a, m))
    return x, a0, (lstm_parameters if lstm else rnn_parameters)(rng, n_x, n_a, n_y)


def shapes_of(xt_or_x, a):
    return f"of shape {xt_or_x.shape}, a{'_prev' if xt_or_x.ndim == 2 else '0'} of shape {a.shape}"


def rnn_cell_name(xt, a_prev):
    return f"rnn_cell_forward(xt, a_prev, parameters) for xt {shapes_of(xt, a_prev)}"


def lstm_cell_name(xt, a_prev):
    return f"lstm_cell_forward(xt, a_prev, c_prev, parameters) for xt {shapes_of(xt, a_prev)}"


def sequence_name(function, x, a0):
    return f"{function}(x, a0, parameters) for x {shapes_of(x, a0)}"


def sequence_shapes(x, a0, parameters):
    """The shape of everything an unrolled pass has a gradient of, by name: ``"x"``, ``"a0"``, ``"Wax"``..."""
    return {"x": x.shape, "a0": a0.shape, **{key: value.shape for key, value in parameters.items()}}


# ---------------------------------------------------------------------------- rnn_cell_forward
@cases.define("rnn_cell_forward")
def _(rng):
    out = {}
    for n_x, n_a, n_y, m, _ in SIZES:
        xt, a_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m)
        out[f"n_x{n_x}_n_a{n_a}_n_y{n_y}_m{m}"] = {"xt": xt, "a_prev": a_prev, "parameters": parameters}
    return out


@pytest.mark.exercise("rnn_cell_forward", points=0.25)
@pytest.mark.parametrize("value", RNN_CELL_VALUES)
def test_rnn_cell_forward_shapes(value):
    for n_x, n_a, n_y, m, _ in SIZES:
        xt, a_prev, parameters = cell_problem(np.random.default_rng(0), n_x, n_a, n_y, m)
        name = rnn_cell_name(xt, a_prev)
        a_next, yt_pred, cache = checks.unpack(rnn.rnn_cell_forward(xt, a_prev, parameters), 3,
                                               f"{name} -> (a_next, yt_pred, cache)")
        if value == "a_next":
            checks.assert_shape(a_next, (n_a, m), f"{name}: a_next (the shape of a_prev)")
        elif value == "yt_pred":
            checks.assert_shape(yt_pred, (n_y, m), f"{name}: yt_pred (n_y, m), n_y the rows of Wya")
        else:
            checks.unpack(cache, 4, f"{name}: cache (a_next, a_prev, xt, parameters)")


@pytest.mark.exercise("rnn_cell_forward", points=0.25)
@cases.each_value("rnn_cell_forward", lambda case: RNN_CELL_VALUES)
def test_rnn_cell_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, RNN_CELL_VALUES[value],
                              "rnn_cell_forward(xt, a_prev, parameters) -> (a_next, yt_pred, cache)")


@pytest.mark.exercise("rnn_cell_forward", points=0.5)
@pytest.mark.parametrize("value", RNN_CELL_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_rnn_cell_forward_solves_the_equations(seed, value):
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m, _ = draw_sizes(rng)
    xt, a_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m)
    name = rnn_cell_name(xt, a_prev)
    a_next, yt_pred, cache = checks.unpack(rnn.rnn_cell_forward(xt, a_prev, parameters), 3,
                                           f"{name} -> (a_next, yt_pred, cache)")
    expected_a, expected_y, _ = rnn_step(xt, a_prev, parameters)
    if value == "a_next":
        checks.assert_close(a_next, expected_a, f"{name}: a_next vs tanh(Waa a_prev + Wax xt + ba)")
    elif value == "yt_pred":
        checks.assert_close(yt_pred, expected_y, f"{name}: yt_pred vs softmax(Wya a_next + by), the softmax over "
                                                 "axis 0 (every column sums to 1)")
    else:
        checks.assert_close(checks.unpack(cache, 4, f"{name}: cache"), (a_next, a_prev, xt, parameters),
                            f"{name}: cache (should be (a_next, a_prev, xt, parameters), a_next as returned)",
                            rtol=0, atol=0)


@pytest.mark.exercise("rnn_cell_forward", points=0.25)
@pytest.mark.parametrize("value", RNN_CELL_VALUES)
def test_rnn_cell_forward_does_not_modify_its_inputs(value):
    cases.get("rnn_cell_forward")[0].assert_pure(rnn, "rnn_cell_forward(xt, a_prev, parameters)",
                                                  RNN_CELL_VALUES[value])


# --------------------------------------------------------------------------------- rnn_forward
@cases.define("rnn_forward")
def _(rng):
    out = {}
    for sizes in SIZES:
        x, a0, parameters = sequence_problem(rng, *sizes)
        out[sizes_id(sizes)] = {"x": x, "a0": a0, "parameters": parameters}
    return out


@pytest.mark.exercise("rnn_forward", points=0.25)
@pytest.mark.parametrize("value", RNN_VALUES)
def test_rnn_forward_shapes(value):
    for n_x, n_a, n_y, m, T_x in SIZES:
        x, a0, parameters = sequence_problem(np.random.default_rng(0), n_x, n_a, n_y, m, T_x)
        name = sequence_name("rnn_forward", x, a0)
        a, y_pred, caches = checks.unpack(rnn.rnn_forward(x, a0, parameters), 3, f"{name} -> (a, y_pred, caches)")
        if value == "a":
            checks.assert_shape(a, (n_a, m, T_x), f"{name}: a (n_a, m, T_x), a0 not included")
        elif value == "y_pred":
            checks.assert_shape(y_pred, (n_y, m, T_x), f"{name}: y_pred (n_y, m, T_x)")
        else:
            steps, _ = checks.unpack(caches, 2, f"{name}: caches (list of the caches of every step, x)")
            checks.unpack(steps, T_x, f"{name}: caches[0] (one cache per step)")


@pytest.mark.exercise("rnn_forward", points=0.5)
@cases.each_value("rnn_forward", lambda case: RNN_VALUES)
def test_rnn_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, RNN_VALUES[value],
                              f"rnn_forward(x, a0, parameters) for x of shape {case.inputs['x'].shape} "
                              "-> (a, y_pred, caches)")


@pytest.mark.exercise("rnn_forward", points=0.5, uses=["rnn_cell_forward"])
@pytest.mark.parametrize("value", RNN_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_rnn_forward_steps_the_cell(seed, value):
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m, T_x = draw_sizes(rng)
    T_x = max(T_x, 2)  # the state must go from one step to the next
    x, a0, parameters = sequence_problem(rng, n_x, n_a, n_y, m, T_x)
    name = sequence_name("rnn_forward", x, a0)
    result = checks.unpack(rnn.rnn_forward(x, a0, parameters), 3, f"{name} -> (a, y_pred, caches)")
    steps, a_prev = [], a0
    for t in range(T_x):
        steps.append(checks.unpack(rnn.rnn_cell_forward(x[:, :, t], a_prev, parameters), 3,
                                   f"your rnn_cell_forward(x[:, :, {t}], a_prev, parameters)"))
        a_prev = steps[-1][0]
    by_hand = (np.stack([s[0] for s in steps], axis=2), np.stack([s[1] for s in steps], axis=2),
               ([s[2] for s in steps], x))
    checks.assert_value_close(result, by_hand, RNN_VALUES[value],
                              f"{name} -> (a, y_pred, caches) vs your rnn_cell_forward at every step t, given "
                              "x[:, :, t] and the a_next of step t - 1 (a0 at t = 0)")


@pytest.mark.exercise("rnn_forward", points=0.25)
@pytest.mark.parametrize("value", RNN_VALUES)
def test_rnn_forward_does_not_modify_its_inputs(value):
    cases.get("rnn_forward")[0].assert_pure(rnn, "rnn_forward(x, a0, parameters)", RNN_VALUES[value])


# --------------------------------------------------------------------------- lstm_cell_forward
@cases.define("lstm_cell_forward")
def _(rng):
    out = {}
    for n_x, n_a, n_y, m, _ in SIZES:
        xt, a_prev, c_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m, lstm=True)
        out[f"n_x{n_x}_n_a{n_a}_n_y{n_y}_m{m}"] = {"xt": xt, "a_prev": a_prev, "c_prev": c_prev,
                                                     "parameters": parameters}
    return out


@pytest.mark.exercise("lstm_cell_forward", points=0.25)
@pytest.mark.parametrize("value", LSTM_CELL_VALUES)
def test_lstm_cell_forward_shapes(value):
    for n_x, n_a, n_y, m, _ in SIZES:
        xt, a_prev, c_prev, parameters = cell_problem(np.random.default_rng(0), n_x, n_a, n_y, m, lstm=True)
        name = lstm_cell_name(xt, a_prev)
        a_next, c_next, yt_pred, cache = checks.unpack(rnn.lstm_cell_forward(xt, a_prev, c_prev, parameters), 4,
                                                       f"{name} -> (a_next, c_next, yt_pred, cache)")
        if value in ("a_next", "c_next"):
            checks.assert_shape(a_next if value == "a_next" else c_next, (n_a, m), f"{name}: {value} (n_a, m)")
        elif value == "yt_pred":
            checks.assert_shape(yt_pred, (n_y, m), f"{name}: yt_pred (n_y, m), n_y the rows of Wy")
        else:
            checks.unpack(cache, 10, f"{name}: cache (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, "
                                     "parameters)")


@pytest.mark.exercise("lstm_cell_forward", points=0.5)
@cases.each_value("lstm_cell_forward", lambda case: LSTM_CELL_VALUES)
def test_lstm_cell_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, LSTM_CELL_VALUES[value],
                              "lstm_cell_forward(xt, a_prev, c_prev, parameters) -> (a_next, c_next, yt_pred, cache)")


@pytest.mark.exercise("lstm_cell_forward", points=0.5)
@pytest.mark.parametrize("value", LSTM_CELL_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_lstm_cell_forward_solves_the_equations(seed, value):
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m, _ = draw_sizes(rng)
    xt, a_prev, c_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m, lstm=True)
    name = lstm_cell_name(xt, a_prev)
    a_next, c_next, yt_pred, cache = checks.unpack(rnn.lstm_cell_forward(xt, a_prev, c_prev, parameters), 4,
                                                   f"{name} -> (a_next, c_next, yt_pred, cache)")
    expected = lstm_step(xt, a_prev, c_prev, parameters)
    gates = "the gates on concat = [a_prev; xt] (a_prev's rows first)"
    if value == "a_next":
        checks.assert_close(a_next, expected[0], f"{name}: a_next vs ot * tanh(c_next), {gates}")
    elif value == "c_next":
        checks.assert_close(c_next, expected[1], f"{name}: c_next vs ft * c_prev + it * cct, {gates}")
    elif value == "yt_pred":
        checks.assert_close(yt_pred, expected[2], f"{name}: yt_pred vs softmax(Wy a_next + by), the softmax over "
                                                  "axis 0 (every column sums to 1)")
    else:
        cache = checks.unpack(cache, 10, f"{name}: cache")
        what = f"{name}: cache (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)"
        checks.assert_close(cache[:4] + cache[8:], (a_next, c_next, a_prev, c_prev, xt, parameters),
                            f"{what}: a_next, c_next as returned, the inputs as given", rtol=0, atol=0)
        checks.assert_close(tuple(cache[4:8]), lstm_gates(xt, a_prev, parameters),
                            f"{what}: the gates ft, it, ot (sigmoids) and the candidate cct (a tanh)")


@pytest.mark.exercise("lstm_cell_forward", points=0.25)
@pytest.mark.parametrize("value", LSTM_CELL_VALUES)
def test_lstm_cell_forward_does_not_modify_its_inputs(value):
    cases.get("lstm_cell_forward")[0].assert_pure(rnn, "lstm_cell_forward(xt, a_prev, c_prev, parameters)",
                                                   LSTM_CELL_VALUES[value])


# -------------------------------------------------------------------------------- lstm_forward
@cases.define("lstm_forward")
def _(rng):
    out = {}
    for sizes in SIZES:
        x, a0, parameters = sequence_problem(rng, *sizes, lstm=True)
        out[sizes_id(sizes)] = {"x": x, "a0": a0, "parameters": parameters}
    return out


@pytest.mark.exercise("lstm_forward", points=0.25)
@pytest.mark.parametrize("value", LSTM_VALUES)
def test_lstm_forward_shapes(value):
    for n_x, n_a, n_y, m, T_x in SIZES:
        x, a0, parameters = sequence_problem(np.random.default_rng(0), n_x, n_a, n_y, m, T_x, lstm=True)
        name = sequence_name("lstm_forward", x, a0)
        a, y, c, caches = checks.unpack(rnn.lstm_forward(x, a0, parameters), 4, f"{name} -> (a, y, c, caches)")
        if value in ("a", "c"):
            checks.assert_shape(a if value == "a" else c, (n_a, m, T_x), f"{name}: {value} (n_a, m, T_x)")
        elif value == "y":
            checks.assert_shape(y, (n_y, m, T_x), f"{name}: y (n_y, m, T_x); the order is (a, y, c, caches)")
        else:
            steps, _ = checks.unpack(caches, 2, f"{name}: caches (list of the caches of every step, x)")
            checks.unpack(steps, T_x, f"{name}: caches[0] (one cache per step)")


@pytest.mark.exercise("lstm_forward", points=0.5)
@cases.each_value("lstm_forward", lambda case: LSTM_VALUES)
def test_lstm_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, LSTM_VALUES[value],
                              f"lstm_forward(x, a0, parameters) for x of shape {case.inputs['x'].shape} "
                              "-> (a, y, c, caches)")


@pytest.mark.exercise("lstm_forward", points=0.5, uses=["lstm_cell_forward"])
@pytest.mark.parametrize("value", LSTM_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_lstm_forward_steps_the_cell(seed, value):
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m, T_x = draw_sizes(rng)
    T_x = max(T_x, 2)  # the state and the cell must go from one step to the next
    x, a0, parameters = sequence_problem(rng, n_x, n_a, n_y, m, T_x, lstm=True)
    name = sequence_name("lstm_forward", x, a0)
    result = checks.unpack(rnn.lstm_forward(x, a0, parameters), 4, f"{name} -> (a, y, c, caches)")
    steps, a_prev, c_prev = [], a0, np.zeros(a0.shape)
    for t in range(T_x):
        steps.append(checks.unpack(rnn.lstm_cell_forward(x[:, :, t], a_prev, c_prev, parameters), 4,
                                   f"your lstm_cell_forward(x[:, :, {t}], a_prev, c_prev, parameters)"))
        a_prev, c_prev = steps[-1][0], steps[-1][1]
    by_hand = (np.stack([s[0] for s in steps], axis=2), np.stack([s[2] for s in steps], axis=2),
               np.stack([s[1] for s in steps], axis=2), ([s[3] for s in steps], x))
    checks.assert_value_close(result, by_hand, LSTM_VALUES[value],
                              f"{name} -> (a, y, c, caches) vs your lstm_cell_forward at every step t, given "
                              "x[:, :, t] and the a_next and c_next of step t - 1 (a0 and zeros at t = 0)")


@pytest.mark.exercise("lstm_forward", points=0.25)
@pytest.mark.parametrize("value", LSTM_VALUES)
def test_lstm_forward_does_not_modify_its_inputs(value):
    cases.get("lstm_forward")[0].assert_pure(rnn, "lstm_forward(x, a0, parameters)", LSTM_VALUES[value])


# --------------------------------------------------------------------------- rnn_cell_backward
@cases.define("rnn_cell_backward")
def _(rng):
    out = {}
    for n_x, n_a, n_y, m, _ in BACKWARD_SIZES:
        xt, a_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m)
        out[f"n_x{n_x}_n_a{n_a}_m{m}"] = {"da_next": rng.standard_normal((n_a, m)),
                                          "cache": rnn_step(xt, a_prev, parameters)[2]}
    return out


@pytest.mark.exercise("rnn_cell_backward", points=0.25)
@pytest.mark.parametrize("value", RNN_CELL_GRADS)
def test_rnn_cell_backward_keys_and_shapes(value):
    for n_x, n_a, n_y, m, _ in SIZES:
        rng = np.random.default_rng(0)
        xt, a_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m)
        name = f"rnn_cell_backward(da_next, cache) for xt of shape {xt.shape}, a_prev of shape {a_prev.shape}"
        grads = rnn.rnn_cell_backward(rng.standard_normal((n_a, m)), rnn_step(xt, a_prev, parameters)[2])
        checks.assert_keys(grads, RNN_CELL_GRADS, f"{name} (the output layer is not part of it)")
        of = {"xt": xt, "a_prev": a_prev, **parameters}[value[1:]]
        checks.assert_shape(grads[value], of.shape, f"{name}: gradients[{value!r}] (the shape of {value[1:]})")


@pytest.mark.exercise("rnn_cell_backward", points=0.5)
@cases.each_value("rnn_cell_backward", lambda case: RNN_CELL_GRADS)
def test_rnn_cell_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, (value,), "rnn_cell_backward(da_next, cache)")


@pytest.mark.exercise("rnn_cell_backward", points=1, uses=["rnn_cell_forward"])
@pytest.mark.parametrize("value", RNN_CELL_GRADS)
@pytest.mark.parametrize("seed, n_x, n_a, m", [(i, n_x, n_a, m) for i, (n_x, n_a, m, _) in enumerate(GRADIENT_SIZES)],
                         ids=str)
def test_rnn_cell_backward_gradient(seed, n_x, n_a, m, value):
    rng = np.random.default_rng(seed)
    xt, a_prev, parameters = cell_problem(rng, n_x, n_a, N_Y, m)
    da_next = rng.standard_normal((n_a, m))
    name = f"rnn_cell_backward(da_next, cache) for xt of shape {xt.shape}, a_prev of shape {a_prev.shape}"
    grads = rnn.rnn_cell_backward(da_next, rnn_step(xt, a_prev, parameters)[2])
    checks.assert_keys(grads, RNN_CELL_GRADS, name)
    total = projected(da_next)
    point = {"xt": xt, "a_prev": a_prev, **parameters}
    key = value[1:]

    def f_of(v):
        p = {**point, key: v}
        return total(output(rnn.rnn_cell_forward, p["xt"], p["a_prev"], {k: p[k] for k in parameters},
                            index=0, of=3, name="rnn_cell_forward(xt, a_prev, parameters)"))

    checks.assert_gradient(grads[value], numerical_gradient(f_of, point[key]),
                           f"{name}: gradients[{value!r}] vs central differences of sum(da_next * your "
                           f"rnn_cell_forward(xt, a_prev, parameters)[0]) with respect to {key}")


@pytest.mark.exercise("rnn_cell_backward", points=0.25)
@pytest.mark.parametrize("value", RNN_CELL_GRADS)
def test_rnn_cell_backward_does_not_modify_its_inputs(value):
    cases.get("rnn_cell_backward")[0].assert_pure(rnn, "rnn_cell_backward(da_next, cache)", (value,))


# -------------------------------------------------------------------------------- rnn_backward
@cases.define("rnn_backward")
def _(rng):
    out = {}
    for sizes in BACKWARD_SIZES:
        x, a0, parameters = sequence_problem(rng, *sizes)
        n_a, m, T_x = sizes[1], sizes[3], sizes[4]
        out[sizes_id(sizes)] = {"da": rng.standard_normal((n_a, m, T_x)), "caches": rnn_unrolled(x, a0, parameters)[2]}
    return out


@pytest.mark.exercise("rnn_backward", points=0.25)
@pytest.mark.parametrize("value", RNN_GRADS)
def test_rnn_backward_keys_and_shapes(value):
    for n_x, n_a, n_y, m, T_x in SIZES:
        rng = np.random.default_rng(0)
        x, a0, parameters = sequence_problem(rng, n_x, n_a, n_y, m, T_x)
        name = f"rnn_backward(da, caches) for x of shape {x.shape}, a0 of shape {a0.shape}"
        grads = rnn.rnn_backward(rng.standard_normal((n_a, m, T_x)), rnn_unrolled(x, a0, parameters)[2])
        checks.assert_keys(grads, RNN_GRADS, f"{name} (the output layer is not part of it)")
        checks.assert_shape(grads[value], sequence_shapes(x, a0, parameters)[value[1:]],
                            f"{name}: gradients[{value!r}] (the shape of {value[1:]})")


@pytest.mark.exercise("rnn_backward", points=0.5)
@cases.each_value("rnn_backward", lambda case: RNN_GRADS)
def test_rnn_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, (value,),
                              f"rnn_backward(da, caches) for da of shape {case.inputs['da'].shape}")


@pytest.mark.exercise("rnn_backward", points=1.25, uses=["rnn_forward"])
@pytest.mark.parametrize("value", RNN_GRADS)
@pytest.mark.parametrize("seed, n_x, n_a, m, T_x", [(i, *sizes) for i, sizes in enumerate(GRADIENT_SIZES)], ids=str)
def test_rnn_backward_gradient(seed, n_x, n_a, m, T_x, value):
    check_unrolled_gradient("rnn", seed, (n_x, n_a, m, T_x), value,
                            "da arrives at every step, and each step also sends a gradient back to the one before")


def check_unrolled_gradient(cell, seed, sizes, value, note):
    """``rnn_backward`` (``cell = "rnn"``) or ``lstm_backward``'s ``value`` against central differences of
    ``sum(da * a)``, ``a`` from the submission's own forward pass, ``da`` arriving at every step."""
    lstm = cell == "lstm"
    n_x, n_a, m, T_x = sizes
    rng = np.random.default_rng(seed)
    x, a0, parameters = sequence_problem(rng, n_x, n_a, N_Y, m, T_x, lstm=lstm)
    da = rng.standard_normal((n_a, m, T_x))
    name = f"{cell}_backward(da, caches) for x of shape {x.shape}, a0 of shape {a0.shape}"
    caches = lstm_unrolled(x, a0, parameters)[3] if lstm else rnn_unrolled(x, a0, parameters)[2]
    grads = getattr(rnn, f"{cell}_backward")(da, caches)
    checks.assert_keys(grads, LSTM_GRADS if lstm else RNN_GRADS, name)
    total = projected(da)
    point = {"x": x, "a0": a0, **parameters}
    key = value[1:]
    forward = f"{cell}_forward(x, a0, parameters)"

    def f_of(v):
        p = {**point, key: v}
        return total(output(getattr(rnn, f"{cell}_forward"), p["x"], p["a0"], {k: p[k] for k in parameters},
                            index=0, of=4 if lstm else 3, name=forward))

    checks.assert_gradient(grads[value], numerical_gradient(f_of, point[key]),
                           f"{name}: gradients[{value!r}] vs central differences of sum(da * your {forward}[0]) "
                           f"with respect to {key} ({note})")


@pytest.mark.exercise("rnn_backward", points=0.25)
@pytest.mark.parametrize("value", RNN_GRADS)
def test_rnn_backward_does_not_modify_its_inputs(value):
    cases.get("rnn_backward")[0].assert_pure(rnn, "rnn_backward(da, caches)", (value,))


# -------------------------------------------------------------------------- lstm_cell_backward
@cases.define("lstm_cell_backward")
def _(rng):
    out = {}
    for n_x, n_a, n_y, m, _ in BACKWARD_SIZES:
        xt, a_prev, c_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m, lstm=True)
        out[f"n_x{n_x}_n_a{n_a}_m{m}"] = {"da_next": rng.standard_normal((n_a, m)),
                                          "dc_next": rng.standard_normal((n_a, m)),
                                          "cache": lstm_step(xt, a_prev, c_prev, parameters)[3]}
    return out


@pytest.mark.exercise("lstm_cell_backward", points=0.25)
@pytest.mark.parametrize("value", LSTM_CELL_GRADS)
def test_lstm_cell_backward_keys_and_shapes(value):
    for n_x, n_a, n_y, m, _ in SIZES:
        rng = np.random.default_rng(0)
        xt, a_prev, c_prev, parameters = cell_problem(rng, n_x, n_a, n_y, m, lstm=True)
        name = f"lstm_cell_backward(da_next, dc_next, cache) for xt of shape {xt.shape}, a_prev of shape {a_prev.shape}"
        grads = rnn.lstm_cell_backward(rng.standard_normal((n_a, m)), rng.standard_normal((n_a, m)),
                                       lstm_step(xt, a_prev, c_prev, parameters)[3])
        checks.assert_keys(grads, LSTM_CELL_GRADS, f"{name} (the output layer is not part of it)")
        of = {"xt": xt, "a_prev": a_prev, "c_prev": c_prev, **parameters}[value[1:]]
        checks.assert_shape(grads[value], of.shape, f"{name}: gradients[{value!r}] (the shape of {value[1:]})")


@pytest.mark.exercise("lstm_cell_backward", points=0.5)
@cases.each_value("lstm_cell_backward", lambda case: LSTM_CELL_GRADS)
def test_lstm_cell_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, (value,), "lstm_cell_backward(da_next, dc_next, cache)")


@pytest.mark.exercise("lstm_cell_backward", points=1.5, uses=["lstm_cell_forward"])
@pytest.mark.parametrize("value", LSTM_CELL_GRADS)
@pytest.mark.parametrize("seed, n_x, n_a, m", [(i, n_x, n_a, m) for i, (n_x, n_a, m, _) in enumerate(GRADIENT_SIZES)],
                         ids=str)
def test_lstm_cell_backward_gradient(seed, n_x, n_a, m, value):
    rng = np.random.default_rng(seed)
    xt, a_prev, c_prev, parameters = cell_problem(rng, n_x, n_a, N_Y, m, lstm=True)
    da_next, dc_next = rng.standard_normal((n_a, m)), rng.standard_normal((n_a, m))
    name = (f"lstm_cell_backward(da_next, dc_next, cache) for xt of shape {xt.shape}, a_prev of shape "
            f"{a_prev.shape}")
    grads = rnn.lstm_cell_backward(da_next, dc_next, lstm_step(xt, a_prev, c_prev, parameters)[3])
    checks.assert_keys(grads, LSTM_CELL_GRADS, name)
    total_a, total_c = projected(da_next), projected(dc_next)
    point = {"xt": xt, "a_prev": a_prev, "c_prev": c_prev, **parameters}
    key = value[1:]
    forward = "lstm_cell_forward(xt, a_prev, c_prev, parameters)"

    def f_of(v):
        p = {**point, key: v}
        a_next, c_next = output(rnn.lstm_cell_forward, p["xt"], p["a_prev"], p["c_prev"], {k: p[k] for k in parameters},
                                index=(0, 1), of=4, name=forward)
        return total_a(a_next) + total_c(c_next)

    checks.assert_gradient(grads[value], numerical_gradient(f_of, point[key]),
                           f"{name}: gradients[{value!r}] vs central differences of sum(da_next * a_next) + "
                           f"sum(dc_next * c_next), a_next and c_next from your {forward}, with respect to {key}")


@pytest.mark.exercise("lstm_cell_backward", points=0.25)
@pytest.mark.parametrize("value", LSTM_CELL_GRADS)
def test_lstm_cell_backward_does_not_modify_its_inputs(value):
    cases.get("lstm_cell_backward")[0].assert_pure(rnn, "lstm_cell_backward(da_next, dc_next, cache)", (value,))


# ------------------------------------------------------------------------------- lstm_backward
@cases.define("lstm_backward")
def _(rng):
    out = {}
    for sizes in BACKWARD_SIZES:
        x, a0, parameters = sequence_problem(rng, *sizes, lstm=True)
        n_a, m, T_x = sizes[1], sizes[3], sizes[4]
        out[sizes_id(sizes)] = {"da": rng.standard_normal((n_a, m, T_x)),
                                "caches": lstm_unrolled(x, a0, parameters)[3]}
    return out


@pytest.mark.exercise("lstm_backward", points=0.25)
@pytest.mark.parametrize("value", LSTM_GRADS)
def test_lstm_backward_keys_and_shapes(value):
    for n_x, n_a, n_y, m, T_x in SIZES:
        rng = np.random.default_rng(0)
        x, a0, parameters = sequence_problem(rng, n_x, n_a, n_y, m, T_x, lstm=True)
        name = f"lstm_backward(da, caches) for x of shape {x.shape}, a0 of shape {a0.shape}"
        grads = rnn.lstm_backward(rng.standard_normal((n_a, m, T_x)), lstm_unrolled(x, a0, parameters)[3])
        checks.assert_keys(grads, LSTM_GRADS, f"{name} (the output layer is not part of it)")
        checks.assert_shape(grads[value], sequence_shapes(x, a0, parameters)[value[1:]],
                            f"{name}: gradients[{value!r}] (the shape of {value[1:]})")


@pytest.mark.exercise("lstm_backward", points=0.5)
@cases.each_value("lstm_backward", lambda case: LSTM_GRADS)
def test_lstm_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(rnn), case.expected, (value,),
                              f"lstm_backward(da, caches) for da of shape {case.inputs['da'].shape}")


@pytest.mark.exercise("lstm_backward", points=1.5, uses=["lstm_forward"])
@pytest.mark.parametrize("value", LSTM_GRADS)
@pytest.mark.parametrize("seed, n_x, n_a, m, T_x", [(i, *sizes) for i, sizes in enumerate(GRADIENT_SIZES)], ids=str)
def test_lstm_backward_gradient(seed, n_x, n_a, m, T_x, value):
    check_unrolled_gradient("lstm", seed, (n_x, n_a, m, T_x), value,
                            "da arrives at every step; each step sends da_prev and dc_prev back to the one before")


@pytest.mark.exercise("lstm_backward", points=0.25)
@pytest.mark.parametrize("value", LSTM_GRADS)
def test_lstm_backward_does_not_modify_its_inputs(value):
    cases.get("lstm_backward")[0].assert_pure(rnn, "lstm_backward(da, caches)", (value,))
