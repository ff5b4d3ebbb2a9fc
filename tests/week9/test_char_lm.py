"""Tests of week9/char_lm.py: the character-level language model that invents names.

Same layout as the other weeks' suites (see tests/week1/test_numpy_basics.py). The forward and
backward pass over one name, the update and the vocabulary are given; the suite grades ``clip``,
``sample``, ``optimize`` and ``model``, and checks them against this file's own NumPy (``forward``,
``backward``, ``own_sample``, ``own_model``: the equations of the module's docstring), on tiny
vocabularies (5 to 8 characters), hidden states of 3 to 6 units and names of a few characters
drawn at grading time.

- ``clip``: a new dict, every entry limited to ``[-maxValue, maxValue]``, the others kept, the
  caller's arrays unchanged.
- ``sample``: exactly the draws of ``rng.choice(vocab_size, p=...)`` from the given generator, step
  by step, with the character drawn fed back and the hidden state carried; the ``"\\n"`` at the end
  (appended at ``max_length``); and, whatever the exact draws, frequencies that follow the softmax
  (with two equally likely characters both must come: not the argmax).
- ``optimize``: the summed cross-entropy before the update, the gradients clipped at 5 (the names
  and weights are drawn until some raw gradients are above 5 and others between 1 and 5), the
  parameters updated in place by ``-learning_rate`` times them, the last hidden state.
- ``model``: the training loop of the docstring (the initialization, one ``rng.permutation`` of the
  names, one name per iteration from the zero hidden state, the smoothed loss), its loss going down,
  the names list left alone.
"""
import copy

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

lm = sandbox.load("week9.char_lm")
cases = Cases(__file__)

SEEDS = [0, 1]
PARAMETERS = ("Wax", "Waa", "Wya", "b", "by")
GRADIENTS = ("dWya", "dby", "db", "dWax", "dWaa")  # in the order backpropagation computes them
CLIP_VALUE = 5.0
NEWLINE = 0  # char_to_ix["\n"] in every vocabulary
NAMES = ["anna", "bob", "ada", "otto", "eve", "abe", "ben", "dana"]  # the tiny training set of model's tests


# ---------------------------------------------------------------------------------- helpers
def vocabulary(letters):
    """``(char_to_ix, ix_to_char)`` with ``"\\n"`` at 0 and ``letters`` after it, as ``build_vocabulary`` makes them."""
    chars = ["\n"] + sorted(letters)
    return {c: i for i, c in enumerate(chars)}, {i: c for i, c in enumerate(chars)}


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def random_parameters(rng, n_a, vocab_size, scale=1.0):
    return {"Wax": scale * rng.standard_normal((n_a, vocab_size)), "Waa": scale * rng.standard_normal((n_a, n_a)),
            "Wya": scale * rng.standard_normal((vocab_size, n_a)), "b": 0.5 * scale * rng.standard_normal((n_a, 1)),
            "by": 0.5 * scale * rng.standard_normal((vocab_size, 1))}


def constant_output(by, n_a=3):
    """Parameters whose every prediction is ``softmax(by)``, whatever came before (no weights)."""
    vocab_size = len(by)
    return {"Wax": np.zeros((n_a, vocab_size)), "Waa": np.zeros((n_a, n_a)), "Wya": np.zeros((vocab_size, n_a)),
            "b": np.zeros((n_a, 1)), "by": np.asarray(by, dtype=np.float64).reshape(-1, 1)}


def one_hot(index, vocab_size):
    x = np.zeros((vocab_size, 1))
    if index is not None:
        x[index] = 1.0
    return x


def forward(X, Y, a0, parameters):
    """This file's forward pass over one name: ``(summed loss, hidden states [a0, a1, ..., aT], inputs,
    probabilities)``."""
    vocab_size = parameters["Wax"].shape[1]
    a, xs, ps, loss = [a0], [], [], 0.0
    for x_index, y_index in zip(X, Y):
        x = one_hot(x_index, vocab_size)
        a.append(np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a[-1] + parameters["b"]))
        p = softmax(parameters["Wya"] @ a[-1] + parameters["by"])
        loss -= np.log(p[y_index, 0])
        xs.append(x)
        ps.append(p)
    return loss, a, xs, ps


def backward(X, Y, a0, parameters):
    """This file's gradients of the summed loss of one name, before clipping."""
    _, a, xs, ps = forward(X, Y, a0, parameters)
    grads = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    da_next = np.zeros_like(a0)
    for t in reversed(range(len(X))):
        dy = ps[t] - one_hot(Y[t], len(ps[t]))
        grads["dWya"] += dy @ a[t + 1].T
        grads["dby"] += dy
        dz = (1 - a[t + 1] ** 2) * (parameters["Wya"].T @ dy + da_next)
        grads["db"] += dz
        grads["dWax"] += dz @ xs[t].T
        grads["dWaa"] += dz @ a[t].T
        da_next = parameters["Waa"].T @ dz
    return grads


def own_sample(parameters, seed, max_length):
    """This file's sampler: ``rng.choice(vocab_size, p=...)`` at each step, as the docstring says."""
    rng = np.random.default_rng(seed)
    vocab_size, n_a = parameters["by"].shape[0], parameters["Waa"].shape[0]
    x, a, indices = np.zeros((vocab_size, 1)), np.zeros((n_a, 1)), []
    while len(indices) < max_length and (not indices or indices[-1] != NEWLINE):
        a = np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a + parameters["b"])
        p = softmax(parameters["Wya"] @ a + parameters["by"])
        indices.append(int(rng.choice(vocab_size, p=p.ravel())))
        x = one_hot(indices[-1], vocab_size)
    if not indices or indices[-1] != NEWLINE:
        indices.append(NEWLINE)
    return indices


def sequences(name, char_to_ix):
    X = [None] + [char_to_ix[c] for c in name]
    return X, X[1:] + [NEWLINE]


def own_model(names, char_to_ix, num_iterations, n_a, seed, learning_rate):
    """This file's training loop: ``(parameters, losses)``, as the docstring of ``model`` describes it
    (computed once for the tests of each of its values; none of them changes it)."""
    key = (tuple(names), tuple(char_to_ix.items()), num_iterations, n_a, seed, learning_rate)
    if key not in _OWN_MODELS:
        _OWN_MODELS[key] = _train(names, char_to_ix, num_iterations, n_a, seed, learning_rate)
    return _OWN_MODELS[key]


_OWN_MODELS = {}


def _train(names, char_to_ix, num_iterations, n_a, seed, learning_rate):
    rng = np.random.default_rng(seed)
    V = len(char_to_ix)
    parameters = {"Wax": 0.01 * rng.standard_normal((n_a, V)), "Waa": 0.01 * rng.standard_normal((n_a, n_a)),
                  "Wya": 0.01 * rng.standard_normal((V, n_a)), "b": np.zeros((n_a, 1)), "by": np.zeros((V, 1))}
    order = [names[i] for i in rng.permutation(len(names))]
    loss, losses = float(np.log(V) * np.mean([len(name) + 1 for name in names])), []
    for j in range(num_iterations):
        X, Y = sequences(order[j % len(order)], char_to_ix)
        grads = backward(X, Y, np.zeros((n_a, 1)), parameters)
        current = forward(X, Y, np.zeros((n_a, 1)), parameters)[0]
        for key in PARAMETERS:
            parameters[key] = parameters[key] - learning_rate * np.clip(grads["d" + key], -CLIP_VALUE, CLIP_VALUE)
        loss = 0.999 * loss + 0.001 * current
        losses.append(loss)
    return parameters, losses


def mean_loss(names, char_to_ix, parameters):
    n_a = parameters["Waa"].shape[0]
    return float(np.mean([forward(*sequences(name, char_to_ix), np.zeros((n_a, 1)), parameters)[0] for name in names]))


def random_names(rng, letters, count):
    return ["".join(rng.choice(list(letters), size=int(rng.integers(1, 6)))) for _ in range(count)]


def clipping_problem(rng, vocab_size=6, n_a=4):
    """``X, Y, a_prev, parameters`` of one name whose raw gradients have entries above 5 (clipped) and
    entries between 1.2 and 4.8 (kept), and one between 5.2 and 9.8 (so a clip at 10 or at 1 is wrong too)."""
    for _ in range(500):
        T = int(rng.integers(6, 10))
        body = [int(i) for i in rng.integers(1, vocab_size, size=T - 1)]
        X, Y = [None] + body, body + [NEWLINE]
        a_prev = 0.5 * rng.standard_normal((n_a, 1))
        parameters = random_parameters(rng, n_a, vocab_size)
        values = np.abs(np.concatenate([g.ravel() for g in backward(X, Y, a_prev, parameters).values()]))
        if values.max() > 5.2 and np.any((values > 5.2) & (values < 9.8)) and np.any((values > 1.2) & (values < 4.8)):
            return X, Y, a_prev, parameters
    raise RuntimeError("no problem with gradients to clip found")  # the course's bug, not the submission's


def sample_name(parameters, rng, max_length):
    return f"sample(parameters, char_to_ix, rng={rng}, max_length={max_length}) (vocab_size {len(parameters['by'])})"


def check_indices(indices, vocab_size, max_length, name):
    """A list of integer indices of the vocabulary, at most ``max_length + 1``, ending with the newline's only."""
    if not isinstance(indices, list):
        checks.fail(f"{name}: expected a list of character indices, got {checks._describe(indices)}")
    for i, index in enumerate(indices):
        if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer)):
            checks.fail(f"{name}[{i}]: expected an integer index, got {checks._describe(index)}")
        if not 0 <= index < vocab_size:
            checks.fail(f"{name}[{i}]: {index} is not an index of the vocabulary (0..{vocab_size - 1})")
    if not indices or indices[-1] != NEWLINE:
        checks.fail(f"{name}: the list must end with char_to_ix['\\n'] = {NEWLINE}, got {indices}")
    if NEWLINE in indices[:-1]:
        checks.fail(f"{name}: the newline ({NEWLINE}) ends a name, so it comes last only; got {indices}")
    if len(indices) > max_length + 1:
        checks.fail(f"{name}: at most max_length = {max_length} characters drawn, then the newline; got "
                    f"{len(indices)} indices")


def optimize_step(module, X, Y, a_prev, parameters, learning_rate):
    """``optimize`` and what it left in ``parameters``: ``{"loss", "gradients", "a_last", "parameters"}``."""
    function = module.optimize
    if hasattr(function, "call_and_inspect"):   # the submission, in its worker
        result, _, after = function.call_and_inspect(X=X, Y=Y, a_prev=a_prev, parameters=parameters,
                                                     learning_rate=learning_rate)
        parameters = after["parameters"]
    else:  # the reference (or a catalogued mistake) when the fixtures are frozen: on a copy, as the worker
        parameters = copy.deepcopy(parameters)  # has, so that the case's inputs stay as they were drawn
        result = function(X=X, Y=Y, a_prev=a_prev, parameters=parameters, learning_rate=learning_rate)
    loss, gradients, a_last = checks.unpack(result, 3,
                                            "optimize(X, Y, a_prev, parameters) -> (loss, gradients, a_last)")
    return {"loss": loss, "gradients": gradients, "a_last": a_last, "parameters": parameters}


def optimize_name(X, learning_rate):
    return f"optimize(X, Y, a_prev, parameters, learning_rate={learning_rate}) for X = {X}"


# ---------------------------------------------------------------------------------------- clip
@cases.define("clip")
def _(rng):
    def gradients(scale):
        n_a, V = 3, 5
        shapes = {"dWax": (n_a, V), "dWaa": (n_a, n_a), "dWya": (V, n_a), "db": (n_a, 1), "dby": (V, 1)}
        return {key: scale * rng.standard_normal(shape) for key, shape in shapes.items()}
    return {"max5": {"gradients": gradients(6.0), "maxValue": 5},
            "max1.5": {"gradients": gradients(2.0), "maxValue": 1.5},
            "nothing_to_clip": {"gradients": gradients(0.5), "maxValue": 10.0}}


@pytest.mark.exercise("clip", points=0.25)
@pytest.mark.parametrize("value", GRADIENTS)
@cases.parametrize("clip")
def test_clip_matches_reference(case, value):
    checks.assert_value_close(case.run(lm), case.expected, (value,), f"clip(gradients, {case.inputs['maxValue']})")


@pytest.mark.exercise("clip", points=0.5)
@pytest.mark.parametrize("value", GRADIENTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_clip_limits_every_entry_and_keeps_the_others(seed, value):
    rng = np.random.default_rng(seed)
    maxValue = float(rng.uniform(0.5, 3.0))
    n_a, V = int(rng.integers(2, 5)), int(rng.integers(3, 6))
    shapes = {"dWax": (n_a, V), "dWaa": (n_a, n_a), "dWya": (V, n_a), "db": (n_a, 1), "dby": (V, 1)}
    gradients = {key: 2 * maxValue * rng.standard_normal(shape) for key, shape in shapes.items()}
    name = f"clip(gradients, {maxValue:.4g})"
    clipped = lm.clip(gradients, maxValue)
    checks.assert_keys(clipped, list(GRADIENTS), name)
    checks.assert_close(clipped[value], np.clip(gradients[value], -maxValue, maxValue),
                        f"{name}[{value!r}] (entries above maxValue become maxValue, entries below -maxValue become "
                        "-maxValue, the others stay as they are)", rtol=0, atol=0)


@pytest.mark.exercise("clip", points=0.25)
def test_clip_returns_a_new_dict_and_leaves_the_gradients_alone():
    cases.case("clip", "max5").assert_pure(lm, "clip(gradients, 5)")


# -------------------------------------------------------------------------------------- sample
@cases.define("sample")
def _(rng):
    char_to_ix, _ = vocabulary("abcde")
    out = {}
    for k, (n_a, scale, max_length) in enumerate([(4, 1.0, 50), (5, 2.0, 50), (3, 1.0, 4), (6, 0.5, 20)]):
        parameters = random_parameters(rng, n_a, len(char_to_ix), scale)
        parameters["by"][NEWLINE] -= 1.5  # names of a few characters, not one
        out[f"n_a{n_a}_max{max_length}_{k}"] = {"parameters": parameters, "char_to_ix": char_to_ix,
                                                "rng": int(rng.integers(1000)), "max_length": max_length}
    return out


@pytest.mark.exercise("sample", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_sample_returns_indices_that_end_with_the_newline(seed):
    rng = np.random.default_rng(seed)
    char_to_ix, _ = vocabulary("abcdefg")
    parameters = random_parameters(rng, 4, len(char_to_ix))
    for max_length in (3, 50):
        name = sample_name(parameters, seed, max_length)
        check_indices(lm.sample(parameters, char_to_ix, rng=seed, max_length=max_length), len(char_to_ix),
                      max_length, name)


@pytest.mark.exercise("sample", points=0.5)
@cases.parametrize("sample")
def test_sample_matches_reference(case):
    inputs = case.inputs
    checks.assert_close(case.run(lm), case.expected,
                        sample_name(inputs["parameters"], inputs["rng"], inputs["max_length"]))


@pytest.mark.exercise("sample", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_sample_draws_each_character_from_the_softmax_of_its_step(seed):
    rng = np.random.default_rng(seed)
    char_to_ix, _ = vocabulary("abcdef"[:int(rng.integers(3, 7))])
    parameters = random_parameters(rng, int(rng.integers(3, 6)), len(char_to_ix), scale=1.5)
    parameters["by"][NEWLINE] -= 1.0
    for draw_seed in rng.integers(1000, size=3):
        draw_seed, max_length = int(draw_seed), int(rng.integers(5, 30))
        name = sample_name(parameters, draw_seed, max_length)
        checks.assert_close(lm.sample(parameters, char_to_ix, rng=draw_seed, max_length=max_length),
                            own_sample(parameters, draw_seed, max_length),
                            f"{name} vs one rng.choice(vocab_size, p=probabilities) per step from "
                            "np.random.default_rng(rng), from a zero input and a zero hidden state, with the character "
                            "drawn as the next input (one-hot) and the new hidden state as the next a_prev")


@pytest.mark.exercise("sample", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_sample_uses_the_given_rng(seed):
    rng = np.random.default_rng(seed)
    char_to_ix, _ = vocabulary("abcdefgh")
    parameters = constant_output(np.r_[-1.0, np.zeros(8)])  # every step: 9 characters, about equally likely
    seeds = [int(s) for s in rng.integers(10**6, size=4)]
    first = [lm.sample(parameters, char_to_ix, rng=s, max_length=12) for s in seeds]
    again = [lm.sample(parameters, char_to_ix, rng=s, max_length=12) for s in seeds]
    for s, one, other in zip(seeds, first, again):
        checks.assert_close(other, one, f"sample(parameters, char_to_ix, rng={s}) called twice (the same seed must "
                                        "give the same name: draw with the generator np.random.default_rng(rng), "
                                        "not with np.random)")
    if len({tuple(indices) for indices in first}) == 1:
        checks.fail(f"sample(parameters, char_to_ix, rng=...) gave {first[0]} for the four seeds {seeds}, with nine "
                    "characters about equally likely at every step: the draws must come from rng")


@pytest.mark.exercise("sample", points=0.25)
@pytest.mark.parametrize("max_length", [1, 4, 9])
def test_sample_appends_the_newline_at_max_length(max_length):
    char_to_ix, _ = vocabulary("abc")
    by = np.array([-30.0, -30.0, 30.0, -30.0])  # "b" almost surely, never the end
    name = f"sample(parameters, char_to_ix, rng=0, max_length={max_length}) where 'b' (index 2) is almost certain " \
           "and the newline almost impossible"
    checks.assert_close(lm.sample(constant_output(by), char_to_ix, rng=0, max_length=max_length),
                        [2] * max_length + [NEWLINE],
                        f"{name} (max_length characters drawn, then the newline appended)")


@pytest.mark.exercise("sample", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_sample_frequencies_follow_the_softmax_not_the_argmax(seed):
    rng = np.random.default_rng(seed)
    char_to_ix, _ = vocabulary("abcd")
    # the newline rare; "a" and "b" equally likely (the argmax would draw one of them only), "c" and "d" less so
    by = np.array([-2.5, 1.0, 1.0, float(rng.uniform(-0.5, 0.5)), float(rng.uniform(-1.5, -0.5))])
    p = softmax(by.reshape(-1, 1)).ravel()
    counts, draws = np.zeros(len(by)), 0
    for draw_seed in rng.integers(10**6, size=8):
        indices = lm.sample(constant_output(by), char_to_ix, rng=int(draw_seed), max_length=100)
        check_indices(indices, len(by), 100, f"sample(parameters, char_to_ix, rng={int(draw_seed)}, max_length=100)")
        drawn = indices if len(indices) <= 100 else indices[:-1]   # a newline appended at max_length was not drawn
        counts += np.bincount(drawn, minlength=len(by))
        draws += len(drawn)
    frequencies = counts / draws
    bound = 5 * np.sqrt(p * (1 - p) / draws) + 0.01  # about 5 standard deviations
    if np.any(np.abs(frequencies - p) > bound):
        checks.fail(f"sample(...) with the same probabilities softmax(by) = {np.round(p, 3).tolist()} at every step: "
                    f"over {draws} draws the characters came with frequencies {np.round(frequencies, 3).tolist()}; "
                    "each character must be drawn at random with its probability (rng.choice with p=...), not the "
                    "most likely one")


# ------------------------------------------------------------------------------------ optimize
@cases.define("optimize", call=optimize_step)
def _(rng):
    X, Y, a_prev, parameters = clipping_problem(rng)
    short = random_parameters(rng, 3, 5, scale=0.5)
    return {"clipped": {"X": X, "Y": Y, "a_prev": a_prev, "parameters": parameters, "learning_rate": 0.01},
            "short_name": {"X": [None, 2, 4], "Y": [2, 4, 0], "a_prev": np.zeros((3, 1)), "parameters": short,
                           "learning_rate": 0.1}}


OPTIMIZE_VALUES = {"loss": ("loss",), **{key: ("gradients", key) for key in GRADIENTS}, "a_last": ("a_last",),
                   **{key: ("parameters", key) for key in PARAMETERS}}


@pytest.mark.exercise("optimize", points=0.25)
@pytest.mark.parametrize("value", ["loss", "gradients", "a_last"])
def test_optimize_returns_the_loss_the_gradients_and_the_last_hidden_state(value):
    rng = np.random.default_rng(0)
    parameters = random_parameters(rng, 4, 6)
    X, Y = [None, 1, 2, 3], [1, 2, 3, 0]
    name = optimize_name(X, 0.01)
    loss, gradients, a_last = checks.unpack(lm.optimize(X, Y, np.zeros((4, 1)), parameters), 3,
                                            f"{name} -> (loss, gradients, a_last)")
    if value == "loss":
        checks.assert_float(loss, f"{name}: loss")
    elif value == "gradients":
        checks.assert_keys(gradients, list(GRADIENTS), f"{name}: gradients")
        for key in GRADIENTS:
            checks.assert_shape(gradients[key], parameters[key[1:]].shape, f"{name}: gradients[{key!r}]")
    else:
        checks.assert_shape(a_last, (4, 1), f"{name}: a_last")


@pytest.mark.exercise("optimize", points=0.5)
@pytest.mark.parametrize("value", OPTIMIZE_VALUES)
@cases.parametrize("optimize")
def test_optimize_matches_reference(case, value):
    checks.assert_value_close(case.run(lm), case.expected, OPTIMIZE_VALUES[value],
                              optimize_name(case.inputs["X"], case.inputs["learning_rate"]))


@pytest.mark.exercise("optimize", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_optimize_loss_is_the_summed_cross_entropy_before_the_update(seed):
    rng = np.random.default_rng(seed)
    X, Y, a_prev, parameters = clipping_problem(rng)
    name = optimize_name(X, 0.05)
    step = optimize_step(lm, X, Y, a_prev, parameters, 0.05)
    checks.assert_float(step["loss"], f"{name}: loss")
    checks.assert_close(step["loss"], forward(X, Y, a_prev, parameters)[0],
                        f"{name}: loss vs -sum over the steps t of log(y_hat[t][Y[t]]) with the parameters as they "
                        "were before the update")


@pytest.mark.exercise("optimize", points=0.5)
@pytest.mark.parametrize("value", GRADIENTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_optimize_returns_the_gradients_clipped_at_5(seed, value):
    rng = np.random.default_rng(seed)
    X, Y, a_prev, parameters = clipping_problem(rng)
    name = optimize_name(X, 0.05)
    gradients = optimize_step(lm, X, Y, a_prev, parameters, 0.05)["gradients"]
    checks.assert_keys(gradients, list(GRADIENTS), f"{name}: gradients")
    checks.assert_close(gradients[value], np.clip(backward(X, Y, a_prev, parameters)[value], -5, 5),
                        f"{name}: gradients[{value!r}] vs the gradient of the summed loss (rnn_backward) clipped to "
                        "[-5, 5]")


@pytest.mark.exercise("optimize", points=0.25)
@pytest.mark.parametrize("value", PARAMETERS)
@pytest.mark.parametrize("seed", SEEDS)
def test_optimize_updates_the_parameters_with_the_clipped_gradients(seed, value):
    rng = np.random.default_rng(seed)
    X, Y, a_prev, parameters = clipping_problem(rng)
    learning_rate = float(rng.uniform(0.01, 0.1))
    name = optimize_name(X, round(learning_rate, 4))
    after = optimize_step(lm, X, Y, a_prev, parameters, learning_rate)["parameters"]
    expected = parameters[value] - learning_rate * np.clip(backward(X, Y, a_prev, parameters)["d" + value], -5, 5)
    checks.assert_close(after[value], expected,
                        f"{name}: parameters[{value!r}] after the call (optimize updates the caller's parameters: "
                        "each one minus learning_rate times its gradient clipped to [-5, 5])")


@pytest.mark.exercise("optimize", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_optimize_returns_the_last_hidden_state(seed):
    rng = np.random.default_rng(seed)
    X, Y, a_prev, parameters = clipping_problem(rng)
    name = optimize_name(X, 0.05)
    a_last = optimize_step(lm, X, Y, a_prev, parameters, 0.05)["a_last"]
    checks.assert_close(a_last, forward(X, Y, a_prev, parameters)[1][-1],
                        f"{name}: a_last vs the hidden state of the last step, a[len(X) - 1], from the forward pass "
                        "before the update")


# --------------------------------------------------------------------------------------- model
@cases.define("model")
def _(rng):
    char_to_ix, ix_to_char = vocabulary(set("".join(NAMES)))
    return {"eight_names": {"names": NAMES, "ix_to_char": ix_to_char, "char_to_ix": char_to_ix, "num_iterations": 20,
                            "n_a": 5, "rng": int(rng.integers(1000)), "learning_rate": 0.05, "return_losses": True},
            "two_passes": {"names": NAMES[:3], "ix_to_char": ix_to_char, "char_to_ix": char_to_ix,
                           "num_iterations": 7, "n_a": 3, "rng": int(rng.integers(1000)), "return_losses": True}}


MODEL_VALUES = {**{key: (0, key) for key in PARAMETERS}, "losses": (1,)}


def model_name(inputs):
    settings = ", ".join(f"{key}={inputs[key]!r}" for key in ("num_iterations", "n_a", "rng", "learning_rate",
                                                               "return_losses") if key in inputs)
    return f"model(names, ix_to_char, char_to_ix, {settings}) with names = {inputs['names']}"


@pytest.mark.exercise("model", points=0.25)
@pytest.mark.parametrize("value", PARAMETERS)
def test_model_returns_parameters_of_the_right_shapes(value):
    char_to_ix, ix_to_char = vocabulary(set("".join(NAMES)))
    V, n_a = len(char_to_ix), 4
    name = model_name({"names": NAMES, "num_iterations": 3, "n_a": n_a, "rng": 0})
    parameters = lm.model(NAMES, ix_to_char, char_to_ix, num_iterations=3, n_a=n_a, rng=0)
    checks.assert_keys(parameters, list(PARAMETERS), name)
    shapes = {"Wax": (n_a, V), "Waa": (n_a, n_a), "Wya": (V, n_a), "b": (n_a, 1), "by": (V, 1)}
    checks.assert_shape(parameters[value], shapes[value], f"{name}[{value!r}] (vocab_size {V})")


@pytest.mark.exercise("model", points=0.75)
@pytest.mark.parametrize("value", MODEL_VALUES)
@cases.parametrize("model")
def test_model_matches_reference(case, value):
    checks.assert_value_close(case.run(lm), case.expected, MODEL_VALUES[value], model_name(case.inputs) + " -> "
                              "(parameters, losses)")


@pytest.mark.exercise("model", points=1)
@pytest.mark.parametrize("value", MODEL_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_model_is_the_training_loop(seed, value):
    rng = np.random.default_rng(seed)
    names = random_names(rng, "abcde", int(rng.integers(3, 6)))
    char_to_ix, ix_to_char = vocabulary("abcde")
    inputs = {"names": names, "num_iterations": 2 * len(names) + 1, "n_a": int(rng.integers(3, 6)),
              "rng": int(rng.integers(1000)), "learning_rate": float(np.round(rng.uniform(0.05, 0.5), 3)),
              "return_losses": True}
    name = model_name(inputs)
    result = checks.unpack(lm.model(ix_to_char=ix_to_char, char_to_ix=char_to_ix, **inputs), 2,
                           f"{name} -> (parameters, losses)")
    expected = own_model(names, char_to_ix, inputs["num_iterations"], inputs["n_a"], inputs["rng"],
                         inputs["learning_rate"])
    checks.assert_value_close(result, expected, MODEL_VALUES[value],
                              f"{name} vs the parameters from initialize_parameters(n_a, vocab_size, vocab_size, rng), "
                              "the names in the order of rng.permutation(len(names)), then per iteration j the name "
                              "j % len(names) of that order, X = [None] + its indices, Y = X[1:] + [newline], one "
                              "optimize step from a zero hidden state, loss = smooth(loss, curr_loss) appended to "
                              "losses")


@pytest.mark.exercise("model", points=0.5)
@pytest.mark.parametrize("rng", [0, 1])  # fixed: for about one seed in a few hundred, the last step of a
def test_model_lowers_the_loss(rng):  # correct loop leaves the loss of these names where it started
    char_to_ix, ix_to_char = vocabulary(set("".join(NAMES)))
    kwargs = {"n_a": 8, "rng": rng, "learning_rate": 0.1}
    name = model_name({"names": NAMES, "num_iterations": 200, **kwargs})
    before = mean_loss(NAMES, char_to_ix, lm.model(NAMES, ix_to_char, char_to_ix, num_iterations=0, **kwargs))
    parameters = lm.model(NAMES, ix_to_char, char_to_ix, num_iterations=200, **kwargs)
    checks.assert_keys(parameters, list(PARAMETERS), name)
    after = mean_loss(NAMES, char_to_ix, parameters)
    if not after < 0.75 * before:
        checks.fail(f"{name}: the mean summed cross-entropy of the names should go down by a quarter at least; "
                    f"with num_iterations=0 it is {before:.4f}, after 200 iterations {after:.4f}")


@pytest.mark.exercise("model", points=0.25)
@pytest.mark.parametrize("value", PARAMETERS)
def test_model_is_deterministic_given_rng(value):
    char_to_ix, ix_to_char = vocabulary(set("".join(NAMES)))
    runs = [lm.model(NAMES, ix_to_char, char_to_ix, num_iterations=10, n_a=4, rng=seed) for seed in (5, 5, 6)]
    name = model_name({"names": NAMES, "num_iterations": 10, "n_a": 4, "rng": 5})
    for parameters in runs:
        checks.assert_keys(parameters, list(PARAMETERS), name)
    checks.assert_close(runs[1][value], runs[0][value], f"{name}[{value!r}], called twice with the same rng",
                        rtol=0, atol=0)
    if value != "b" and np.array_equal(runs[0][value], runs[2][value]):  # "b" starts at zeros for every seed
        checks.fail(f"{name}[{value!r}] is the same with rng=6: the initialization and the order of the names "
                    "must come from rng")


@pytest.mark.exercise("model", points=0.25)
def test_model_does_not_modify_the_names():
    case = cases.case("model", "eight_names")
    inputs = case.inputs
    name = model_name(inputs)
    # assert_pure: a right result, arrays unchanged (and what the call left, for the report's hint) ...
    case.assert_pure(lm, f"{name} -> (parameters, losses)", MODEL_VALUES["Wya"])
    _, _, after = lm.model.call_and_inspect(**inputs)  # ... and the order of the names, which it does not compare
    if after["names"] != inputs["names"]:
        checks.fail(f"{name}: the caller's list of names was changed to {after['names']}; shuffle a copy "
                    "(or draw the order with rng.permutation) and leave the list alone")
