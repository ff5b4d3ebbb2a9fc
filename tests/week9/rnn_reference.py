"""What test_rnn.py computes itself, in NumPy, to check a submission against: the RNN and LSTM steps and
their unrolled forward passes (with the caches the curriculum fixes), and the problems the tests draw.
Not a test module: the grader runs ``test_*.py`` files only."""
import numpy as np

from grader import sandbox

SEEDS = [0, 1]

RNN_CELL_VALUES = {"a_next": (0,), "yt_pred": (1,), "cache": (2,)}  # rnn_cell_forward -> (a_next, yt_pred, cache)
RNN_VALUES = {"a": (0,), "y_pred": (1,), "caches": (2,)}  # rnn_forward -> (a, y_pred, caches)
LSTM_CELL_VALUES = {"a_next": (0,), "c_next": (1,), "yt_pred": (2,), "cache": (3,)}
LSTM_VALUES = {"a": (0,), "y": (1,), "c": (2,), "caches": (3,)}  # lstm_forward -> (a, y, c, caches)

# The gradients in backpropagation's order: the inputs first, then the weights
RNN_CELL_GRADS = ("dxt", "da_prev", "dWax", "dWaa", "dba")
RNN_GRADS = ("dx", "da0", "dWax", "dWaa", "dba")
GATES = ("f", "i", "c", "o")
LSTM_CELL_GRADS = ("dxt", "da_prev", "dc_prev") + tuple(f"d{kind}{g}" for g in GATES for kind in ("W", "b"))
LSTM_GRADS = ("dx", "da0") + tuple(f"d{kind}{g}" for g in GATES for kind in ("W", "b"))

# (n_x, n_a, n_y, m, T_x) of the shape tests and the reference cases: one sequence alone, one step alone
SIZES = [(3, 5, 2, 4, 4), (2, 3, 4, 1, 3), (4, 2, 3, 3, 1)]
# (n_x, n_a, m, T_x) of the gradient checks, inputs drawn at grading time: tiny, as a numerical gradient
# runs the forward pass twice per entry
GRADIENT_SIZES = [(3, 2, 2, 3), (2, 3, 1, 3)]
N_Y = 2


def sizes_id(sizes):
    return "n_x{}_n_a{}_n_y{}_m{}_T{}".format(*sizes)


# --------------------------------------------------------------------------------- problems
def rnn_parameters(rng, n_x, n_a, n_y):
    return {"Wax": rng.standard_normal((n_a, n_x)), "Waa": rng.standard_normal((n_a, n_a)),
            "Wya": rng.standard_normal((n_y, n_a)), "ba": rng.standard_normal((n_a, 1)),
            "by": rng.standard_normal((n_y, 1))}


def lstm_parameters(rng, n_x, n_a, n_y):
    parameters = {}
    for gate in GATES:
        parameters[f"W{gate}"] = rng.standard_normal((n_a, n_a + n_x))
        parameters[f"b{gate}"] = rng.standard_normal((n_a, 1))
    parameters["Wy"] = rng.standard_normal((n_y, n_a))
    parameters["by"] = rng.standard_normal((n_y, 1))
    return parameters


# -------------------------------------------------------------------------------- the maths
def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def rnn_step(xt, a_prev, p):
    """``(a_next, yt_pred, cache)`` of one RNN step."""
    a_next = np.tanh(p["Wax"] @ xt + p["Waa"] @ a_prev + p["ba"])
    return a_next, softmax(p["Wya"] @ a_next + p["by"]), (a_next, a_prev, xt, p)


def lstm_gates(xt, a_prev, p):
    """``(ft, it, cct, ot)`` of one LSTM step, on the stack ``[a_prev; xt]``."""
    concat = np.vstack([a_prev, xt])
    return (sigmoid(p["Wf"] @ concat + p["bf"]), sigmoid(p["Wi"] @ concat + p["bi"]),
            np.tanh(p["Wc"] @ concat + p["bc"]), sigmoid(p["Wo"] @ concat + p["bo"]))


def lstm_step(xt, a_prev, c_prev, p):
    """``(a_next, c_next, yt_pred, cache)`` of one LSTM step."""
    ft, it, cct, ot = lstm_gates(xt, a_prev, p)
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    return (a_next, c_next, softmax(p["Wy"] @ a_next + p["by"]),
            (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p))


def rnn_unrolled(x, a0, p):
    """``(a, y_pred, caches)`` of the RNN over ``x``."""
    steps, a_next = [], a0
    for t in range(x.shape[2]):
        steps.append(rnn_step(x[:, :, t], a_next, p))
        a_next = steps[-1][0]
    return (np.stack([s[0] for s in steps], axis=2), np.stack([s[1] for s in steps], axis=2),
            ([s[2] for s in steps], x))


def lstm_unrolled(x, a0, p):
    """``(a, y, c, caches)`` of the LSTM over ``x``, the memory cell starting at zeros."""
    steps, a_next, c_next = [], a0, np.zeros(a0.shape)
    for t in range(x.shape[2]):
        steps.append(lstm_step(x[:, :, t], a_next, c_next, p))
        a_next, c_next = steps[-1][0], steps[-1][1]
    return (np.stack([s[0] for s in steps], axis=2), np.stack([s[2] for s in steps], axis=2),
            np.stack([s[1] for s in steps], axis=2), ([s[3] for s in steps], x))


# ------------------------------------------------------------------------------ in the worker
def output(function, *args, index, of, name):
    """``function(*args)[index]`` made in the worker, the rest of its result (the caches) left there
    (a tuple of indices: those items, from one call)."""
    return sandbox.deferred(function, *args).item(index, of=of, name=name).value()
