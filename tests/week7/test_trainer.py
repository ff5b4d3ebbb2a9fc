"""Tests of week7/trainer.py: ``DeepClassifier``, the complete trainer.

The model lives in the worker process that runs the submission (``tr.DeepClassifier(...)`` returns
a proxy whose method calls and attribute reads are forwarded). Each method is graded as its own
exercise, ``DeepClassifier.<method>``; the constructor is given. Reference values are frozen from
the solution by the same steps (``Cases.define(..., call=...)``: build a model, call a method, read
an attribute). Gradient checks compare ``backward`` with central differences of the submission's
own ``cost`` of its own ``forward``, on parameters drawn in the test and passed explicitly (the
model's ``parameters`` argument), with L2 and without dropout (``keep_prob=1``), then with dropout
and a fixed ``rng`` seed, so that every evaluation draws the same masks. Their output layer is
scaled so that no probability comes near the ``EPS`` clipping of the cost, whatever the masks
(``bounded_output``): there the cost is flat and central differences disagree with any backward
pass. ``save``/``load`` write to a temporary directory of the test's, passed as a string.
"""
import json
import math
from pathlib import Path

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradients

tr = sandbox.load("week7.trainer")
cases = Cases(__file__)

SEEDS = [0, 1]
# Each returned value (or attribute a method sets) is scored on its own: a test runs once per value.
FORWARD_VALUES = {"caches": (1,), "AL": (0,)}  # forward -> (AL, caches), in the order they are computed
FIT_VALUES = ("history_", "parameters", "t_")


# ---------------------------------------------------------------------------------- helpers
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def one_hot(y, C):
    Y = np.zeros((C, len(y)))
    Y[y, np.arange(len(y))] = 1.0
    return Y


def data(seed, n_x=3, C=3, m=24):
    """Features and integer labels (m,) of a rule that needs a hidden layer (``C = 1``: 0/1 labels (1, m))."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (n_x, m))
    if C == 1:
        return X, (X[0:1] * X[1:2] > 0).astype(np.float64)
    score = np.stack([X[0] * X[1], X[1] - X[0], 0.3 * np.ones(m)][:C])
    return X, np.argmax(score, axis=0)


def parameters_for(rng, layer_dims):
    """Random weights, positive hidden biases (few dead ReLUs)."""
    L = len(layer_dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = 1.5 * rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        b = 0.5 * rng.standard_normal((layer_dims[l], 1))
        parameters[f"b{l}"] = b if l == L else 0.2 + np.abs(b)
    return parameters


def bounded_output(parameters, X, keep_prob=1.0, limit=6.0):
    """``parameters`` with the output layer scaled down so that every score ``|Z[L]|`` stays below
    ``limit`` for any dropout masks (a bound from ``|g(z)| <= |z|``): the probabilities then stay far
    from the ``EPS`` clipping of the cost, where central differences would see a flat cost."""
    L = len(parameters) // 2
    bound = np.abs(X)
    for l in range(1, L + 1):
        bound = np.abs(parameters[f"W{l}"]) @ bound + np.abs(parameters[f"b{l}"])
        if l < L:
            bound = bound / keep_prob
    scale = min(1.0, limit / float(bound.max()))
    return {key: value * scale if key in (f"W{L}", f"b{L}") else value for key, value in parameters.items()}


def forward(X, parameters, output="softmax", hidden="relu"):
    """This file's forward pass without dropout."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        if l < L:
            A = np.maximum(Z, 0) if hidden == "relu" else np.tanh(Z)
        else:
            A = softmax(Z) if output == "softmax" else 1 / (1 + np.exp(-Z))
    return A


def param_keys(L):
    return [k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")]


def backprop_order(L):
    """The gradients ``dW1, db1, ...`` in the order backpropagation computes them, layer L first: each is scored on
    its own, and the first that fails is where an error enters."""
    return [key for l in range(L, 0, -1) for key in (f"db{l}", f"dW{l}")]


def make(name, layer_dims, **kwargs):
    """``tr.DeepClassifier(layer_dims, **kwargs)`` (the constructor is given)."""
    clf = tr.DeepClassifier(layer_dims, **kwargs)
    if not isinstance(clf, sandbox.RemoteObject):
        checks.fail(f"{name}: expected a DeepClassifier object, got {type(clf).__name__}")
    return clf


def fitted(module, layer_dims, X, Y, num_epochs, X_val=None, Y_val=None, **kwargs):
    clf = module.DeepClassifier(layer_dims, **kwargs)
    clf.fit(X, Y, num_epochs=num_epochs, X_val=X_val, Y_val=Y_val)
    return {"history_": clf.history_, "parameters": clf.parameters, "t_": clf.t_}


def forward_pass(module, layer_dims, X, parameters, training=False, rng=None, **kwargs):
    return module.DeepClassifier(layer_dims, **kwargs).forward(X, parameters, training=training, rng=rng)


def cost_of_model(module, layer_dims, AL, T, parameters, **kwargs):
    return module.DeepClassifier(layer_dims, **kwargs).cost(AL, T, parameters)


def backward_pass(module, layer_dims, X, T, parameters, rng=None, model_rng=None, **kwargs):
    clf = module.DeepClassifier(layer_dims, rng=model_rng, **kwargs)
    AL, caches = clf.forward(X, parameters, training=True, rng=rng)
    return clf.backward(AL, T, caches)


def load(path):
    """``DeepClassifier.load(path)`` of the submission. The sandbox forwards attribute reads of objects
    (not of classes), so the classmethod is reached through a fresh instance: ``obj.load`` is the same
    method as ``DeepClassifier.load``, bound to the class."""
    return tr.DeepClassifier([1, 1]).load(path)


def check_forward(result, layer_dims, m, name, dropout=False, value=None):
    """``(AL, caches)`` with the documented shapes (of only ``value``, "AL" or "caches", where given)."""
    AL, caches = checks.unpack(result, 2, name)
    if value in (None, "AL"):
        checks.assert_shape(AL, (layer_dims[-1], m), f"{name}: AL")
    if value == "AL":
        return AL, caches
    L = len(layer_dims) - 1
    if not isinstance(caches, list) or len(caches) != L:
        checks.fail(f"{name}: caches should be a list of {L} layer caches, got {checks._describe(caches)}")
    for l, cache in enumerate(caches, start=1):
        linear_cache, Z, D = checks.unpack(cache, 3, f"{name}: caches[{l - 1}] ((A_prev, W, b), Z, D)")
        A_prev, _, _ = checks.unpack(linear_cache, 3, f"{name}: caches[{l - 1}][0] (A_prev, W, b)")
        checks.assert_shape(A_prev, (layer_dims[l - 1], m), f"{name}: caches[{l - 1}] A_prev")
        checks.assert_shape(Z, (layer_dims[l], m), f"{name}: caches[{l - 1}] Z")
        if dropout and l < L:
            checks.assert_shape(D, (layer_dims[l], m), f"{name}: caches[{l - 1}] D (the dropout mask of layer {l})")
        elif D is not None:
            checks.fail(f"{name}: caches[{l - 1}] D should be None (no dropout "
                        f"{'on the output layer' if l == L else 'without training=True and keep_prob < 1'}), "
                        f"got {checks._describe(D)}")
    return AL, caches


# ------------------------------------------------------------------------------------ forward
@cases.define("DeepClassifier.forward", call=forward_pass)
def _(rng):
    X = rng.standard_normal((3, 5))
    return {"softmax": {"layer_dims": [3, 4, 3], "X": X, "parameters": parameters_for(rng, [3, 4, 3]),
                        "output": "softmax"},
            "sigmoid_tanh": {"layer_dims": [3, 4, 2, 1], "X": X, "parameters": parameters_for(rng, [3, 4, 2, 1]),
                             "hidden_activation": "tanh"},
            "dropout": {"layer_dims": [3, 5, 4, 3], "X": X, "parameters": parameters_for(rng, [3, 5, 4, 3]),
                        "output": "softmax", "keep_prob": 0.6, "training": True, "rng": 5},
            "dropout_not_training": {"layer_dims": [3, 5, 3], "X": X, "parameters": parameters_for(rng, [3, 5, 3]),
                                     "output": "softmax", "keep_prob": 0.5, "rng": 6}}


@pytest.mark.exercise("DeepClassifier.forward", points=0.5)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@pytest.mark.parametrize("layer_dims, dropout", [([3, 4, 3], False), ([2, 5, 4, 1], True)], ids=str)
def test_forward_shapes(layer_dims, dropout, value):
    output = "sigmoid" if layer_dims[-1] == 1 else "softmax"
    X = np.random.default_rng(0).standard_normal((layer_dims[0], 6))
    kwargs = {"output": output, "keep_prob": 0.5 if dropout else 1.0, "rng": 0}
    name = f"DeepClassifier({layer_dims}, output={output!r}, keep_prob={kwargs['keep_prob']}).forward(X, training=True)"
    clf = make(name, layer_dims, **kwargs)
    check_forward(clf.forward(X, training=True), layer_dims, 6, name, dropout, value)


@pytest.mark.exercise("DeepClassifier.forward", points=0.75)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@cases.parametrize("DeepClassifier.forward")
def test_forward_matches_reference(case, value):
    checks.assert_value_close(case.run(tr), case.expected, FORWARD_VALUES[value],
                       "DeepClassifier(layer_dims, ...).forward(X, parameters, training, rng) -> (AL, caches)")


@pytest.mark.exercise("DeepClassifier.forward", points=0.5)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@pytest.mark.parametrize("output, hidden", [("softmax", "relu"), ("sigmoid", "tanh")])
def test_forward_without_training_is_the_plain_forward_pass(output, hidden, value):
    rng = np.random.default_rng(2)
    layer_dims = [3, 4, 3, 3 if output == "softmax" else 1]
    parameters = parameters_for(rng, layer_dims)
    X = rng.standard_normal((3, 5))
    name = (f"DeepClassifier({layer_dims}, output={output!r}, hidden_activation={hidden!r}, keep_prob=0.5)"
            ".forward(X, parameters)")
    clf = make(name, layer_dims, output=output, hidden_activation=hidden, keep_prob=0.5, rng=int(rng.integers(2**31)))
    AL, _ = check_forward(clf.forward(X, parameters), layer_dims, 5, name, value=value)  # caches: no masks D
    if value == "AL":
        checks.assert_close(AL, forward(X, parameters, output, hidden), f"{name}: AL (no dropout unless training=True)")


@pytest.mark.exercise("DeepClassifier.forward", points=0.5)
@pytest.mark.parametrize("value", FORWARD_VALUES)
@pytest.mark.parametrize("seed", SEEDS)
def test_forward_dropout_masks(seed, value):
    # Same seed, same masks; a dropped unit's activation is 0, a kept one is divided by keep_prob.
    rng = np.random.default_rng(seed)
    layer_dims, keep_prob = [3, 40, 30, 3], 0.7
    parameters = parameters_for(rng, layer_dims)
    X = rng.standard_normal((3, 10))
    name = f"DeepClassifier({layer_dims}, output='softmax', keep_prob={keep_prob}).forward(X, parameters, training=True, rng=7)"
    clf = make(name, layer_dims, output="softmax", keep_prob=keep_prob)
    AL, caches = check_forward(clf.forward(X, parameters, training=True, rng=7), layer_dims, 10, name, dropout=True,
                               value=value)
    if value == "AL":
        again, caches_again = clf.forward(X, parameters, training=True, rng=7)
        checks.assert_close(again, AL, f"{name} called twice (the same rng seed must give the same masks)")
        return
    Z1, D1 = caches[0][1], caches[0][2]
    A1 = caches[1][0][0]                                 # layer 2's A_prev: layer 1's output after dropout
    kept = np.asarray(D1).astype(bool)
    fraction = kept.mean()
    if abs(fraction - keep_prob) > 0.1:
        checks.fail(f"{name}: the mask D of layer 1 keeps {fraction:.0%} of the units; expected about keep_prob = "
                    f"{keep_prob:.0%} (D = rng.random(A.shape) < keep_prob)")
    checks.assert_close(A1, np.where(kept, np.maximum(Z1, 0) / keep_prob, 0.0),
                        f"{name}: layer 1's output with dropout vs relu(Z1) * D1 / keep_prob")


# --------------------------------------------------------------------------------------- cost
@cases.define("DeepClassifier.cost", call=cost_of_model)
def _(rng):
    def case(layer_dims, **kwargs):
        C, m = layer_dims[-1], 5
        parameters = parameters_for(rng, layer_dims)
        if C == 1:
            AL, T = 1 / (1 + np.exp(-rng.standard_normal((1, m)))), rng.integers(0, 2, (1, m)).astype(np.float64)
        else:
            AL, T = softmax(rng.standard_normal((C, m))), one_hot(rng.integers(0, C, m), C)
        return {"layer_dims": layer_dims, "AL": AL, "T": T, "parameters": parameters, **kwargs}
    mixed = case([2, 3, 1], lambd=0.2)
    mixed["T"] = np.array([[0.0, 1.0, 1.0, 0.0, 1.0]])   # both labels: the (1 - T) log(1 - AL) term counts
    saturated = case([2, 3, 1])
    saturated["AL"] = np.array([[1.0, 0.0, 0.7, 1.0, 0.2]])  # sigmoid rounds to exactly 0 or 1: the cost must
    saturated["T"] = np.array([[0.0, 1.0, 1.0, 1.0, 0.0]])   # stay finite on both sides (clip AL into (0, 1))
    return {"softmax": case([3, 4, 3], output="softmax"), "softmax_l2": case([3, 4, 3], output="softmax", lambd=0.7),
            "sigmoid_l2": case([2, 3, 1], lambd=0.3), "sigmoid_both_labels": mixed, "sigmoid_saturated": saturated}


@pytest.mark.exercise("DeepClassifier.cost", points=0.25)
def test_cost_returns_a_float():
    case = cases.get("DeepClassifier.cost")[0]
    checks.assert_float(case.run(tr), "DeepClassifier(...).cost(AL, T, parameters) (a Python float)")


@pytest.mark.exercise("DeepClassifier.cost", points=0.5)
@cases.parametrize("DeepClassifier.cost")
def test_cost_matches_reference(case):
    checks.assert_close(case.run(tr), case.expected, "DeepClassifier(layer_dims, ...).cost(AL, T, parameters)")


@pytest.mark.exercise("DeepClassifier.cost", points=0.5)
@pytest.mark.parametrize("seed, output", [(0, "softmax"), (1, "sigmoid")], ids=str)
def test_cost_adds_the_l2_term(seed, output):
    rng = np.random.default_rng(seed)
    C = 3 if output == "softmax" else 1
    layer_dims, m, lambd = [3, 4, C], 6, float(rng.uniform(0.1, 2.0))
    parameters = parameters_for(rng, layer_dims)
    if output == "softmax":
        AL, T = softmax(rng.standard_normal((3, m))), one_hot(rng.integers(0, 3, m), 3)
        plain = float(-np.sum(T * np.log(AL)) / m)
        what = "the categorical cross-entropy"
    else:
        AL = 1 / (1 + np.exp(-rng.standard_normal((1, m))))
        T = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(np.float64)
        plain = float(-np.sum(T * np.log(AL) + (1 - T) * np.log(1 - AL)) / m)
        what = "the binary cross-entropy"
    name = f"DeepClassifier({layer_dims}, output={output!r}, lambd={lambd:.3g}).cost(AL, T, parameters)"
    with_l2 = make(name, layer_dims, output=output, lambd=lambd).cost(AL, T, parameters)
    checks.assert_float(with_l2, name)
    squares = sum(float(np.sum(parameters[f"W{l}"] ** 2)) for l in (1, 2))
    checks.assert_close(with_l2, plain + lambd / (2 * m) * squares,
                        f"{name} vs {what} + lambd / (2m) * the sum of the squared weights (W only)")


# ----------------------------------------------------------------------------------- backward
@cases.define("DeepClassifier.backward", call=backward_pass)
def _(rng):
    def case(layer_dims, **kwargs):
        X = rng.standard_normal((layer_dims[0], 4))
        C = layer_dims[-1]
        T = rng.integers(0, 2, (1, 4)).astype(np.float64) if C == 1 else one_hot(rng.integers(0, C, 4), C)
        return {"layer_dims": layer_dims, "X": X, "T": T, "parameters": parameters_for(rng, layer_dims), **kwargs}
    return {"softmax_l2": case([3, 4, 3], output="softmax", lambd=0.5),
            "sigmoid_tanh": case([2, 3, 2, 1], hidden_activation="tanh"),
            "dropout": case([3, 5, 4, 3], output="softmax", keep_prob=0.6, rng=3, model_rng=0)}


@pytest.mark.exercise("DeepClassifier.backward", points=0.5)
@pytest.mark.parametrize("layer_dims, value", [(dims, key) for dims in ([3, 4, 3], [2, 3, 2, 1])
                                               for key in backprop_order(len(dims) - 1)], ids=str)
def test_backward_keys_and_shapes(layer_dims, value):
    output = "sigmoid" if layer_dims[-1] == 1 else "softmax"
    rng = np.random.default_rng(0)
    parameters = parameters_for(rng, layer_dims)
    X = rng.standard_normal((layer_dims[0], 4))
    T = np.ones((1, 4)) if output == "sigmoid" else one_hot(np.array([0, 1, 2, 0]), 3)
    name = f"DeepClassifier({layer_dims}, output={output!r}).backward(AL, T, caches)"
    clf = make(name, layer_dims, output=output)
    AL, caches = clf.forward(X, parameters)
    grads = clf.backward(AL, T, caches)
    L = len(layer_dims) - 1
    checks.assert_keys(grads, ["d" + k for k in param_keys(L)], name)
    checks.assert_shape(grads[value], parameters[value[1:]].shape, f"{name}[{value!r}]")


@pytest.mark.exercise("DeepClassifier.backward", points=0.75)
@cases.each_value("DeepClassifier.backward", lambda case: backprop_order(len(case.expected) // 2))
def test_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(tr), case.expected, (value,), "DeepClassifier(layer_dims, ...).backward(AL, T, caches)")


def check_gradient(layer_dims, rng, name, value, rng_seed=None, **kwargs):
    """The gradient ``value`` of ``backward`` against central differences of the model's cost of its forward pass."""
    parameters = parameters_for(rng, layer_dims)
    X = rng.standard_normal((layer_dims[0], 3))
    parameters = bounded_output(parameters, X, kwargs.get("keep_prob", 1.0))
    C = layer_dims[-1]
    T = np.array([[1.0, 0.0, 1.0]]) if C == 1 else one_hot(rng.permutation(np.arange(3) % C), C)
    # The model's own generator is drawn from the test's too: whatever the code draws from self.rng,
    # --seed N repeats it (unseeded, a mistake drawing fresh masks passed or failed at random).
    clf = make(name, layer_dims, rng=int(rng.integers(2**31)), **kwargs)
    AL, caches = clf.forward(X, parameters, training=True, rng=rng_seed)
    grads = clf.backward(AL, T, caches)
    checks.assert_keys(grads, ["d" + k for k in parameters], name)

    forward, cost = clf.forward, clf.cost  # handles of the two methods, for every evaluation

    def cost_of(**changed):
        params = {**parameters, **changed}
        # One request: AL goes from your forward pass to your cost in the worker, with its caches left there.
        AL = sandbox.deferred(forward, X, params, training=True, rng=rng_seed).item(
            0, of=2, name=f"forward(X, parameters, training=True, rng={rng_seed})")
        return cost(AL, T, params)

    key = value[1:]
    numeric = numerical_gradients(cost_of, {key: parameters[key]})
    checks.assert_gradient(grads[value], numeric[key],
                           f"{name}[{value!r}] vs central differences of your cost of your forward pass")


@pytest.mark.exercise("DeepClassifier.backward", points=1)
@pytest.mark.parametrize("seed, layer_dims, output, hidden, value", [
    (seed, dims, output, hidden, key)
    for seed, dims, output, hidden in ((0, [3, 4, 3], "softmax", "relu"), (1, [2, 3, 2, 1], "sigmoid", "tanh"),
                                       (2, [3, 5, 4, 3, 2], "softmax", "relu"))
    for key in backprop_order(len(dims) - 1)], ids=str)
def test_backward_gradient_with_l2(seed, layer_dims, output, hidden, value):
    rng = np.random.default_rng(seed)
    lambd = round(float(rng.uniform(0.2, 2.0)), 3)
    name = (f"DeepClassifier({layer_dims}, output={output!r}, hidden_activation={hidden!r}, lambd={lambd})"
            ".backward(AL, T, caches)")
    check_gradient(layer_dims, rng, name, value, output=output, hidden_activation=hidden, lambd=lambd)


@pytest.mark.exercise("DeepClassifier.backward", points=1)
@pytest.mark.parametrize("value", backprop_order(3))
@pytest.mark.parametrize("seed", SEEDS)
def test_backward_gradient_with_dropout(seed, value):
    # The masks stay fixed: every evaluation runs your forward pass with the same rng seed.
    layer_dims, keep_prob = [3, 5, 4, 3], 0.6
    name = (f"DeepClassifier({layer_dims}, output='softmax', keep_prob={keep_prob}, lambd=0.2).backward(AL, T, caches)"
            f" with the caches of forward(X, parameters, training=True, rng={10 + seed})")
    check_gradient(layer_dims, np.random.default_rng(seed), name, value, rng_seed=10 + seed, output="softmax",
                   keep_prob=keep_prob, lambd=0.2)


# ---------------------------------------------------------------------------------------- fit
@cases.define("DeepClassifier.fit", call=fitted)
def _(rng):
    X, y = data(int(rng.integers(1000)), m=20)
    Xv, yv = data(int(rng.integers(1000)), m=8)
    Xb, yb = data(int(rng.integers(1000)), C=1, m=20)
    return {"softmax_adam": {"layer_dims": [3, 5, 3], "X": X, "Y": y, "num_epochs": 3, "X_val": Xv, "Y_val": yv,
                             "output": "softmax", "learning_rate": 0.01, "mini_batch_size": 8, "rng": 0},
            "dropout_l2_decay": {"layer_dims": [3, 5, 4, 3], "X": X, "Y": y, "num_epochs": 2, "output": "softmax",
                                 "keep_prob": 0.7, "lambd": 0.1, "lr_decay": "inverse", "mini_batch_size": 6,
                                 "rng": 1},
            "sigmoid_momentum": {"layer_dims": [3, 4, 1], "X": Xb, "Y": yb, "num_epochs": 2, "optimizer": "momentum",
                                 "learning_rate": 0.1, "mini_batch_size": 16, "rng": 2},
            "gd_one_hot": {"layer_dims": [3, 3], "X": X, "Y": one_hot(y, 3), "num_epochs": 2, "output": "softmax",
                           "optimizer": "gd", "learning_rate": 0.5, "mini_batch_size": 20, "rng": 3}}


@pytest.mark.exercise("DeepClassifier.fit", points=0.5)
@pytest.mark.parametrize("value", ["self", "history_", "t_"])
@pytest.mark.parametrize("validation", [False, True])
def test_fit_returns_the_model_and_keeps_a_history(validation, value):
    X, y = data(0, m=20)
    name = f"DeepClassifier([3, 4, 3], output='softmax', mini_batch_size=8, rng=0).fit(X, y, num_epochs=3" + \
           (", X_val=X, Y_val=y)" if validation else ")")

    def fitted():
        clf = make(name, [3, 4, 3], output="softmax", mini_batch_size=8, rng=0)
        return clf, clf.fit(X, y, num_epochs=3, X_val=X if validation else None, Y_val=y if validation else None)

    clf, returned = sandbox.active().once(("DeepClassifier.fit", validation), fitted)  # one training for the values' tests
    if value == "self":
        if not isinstance(returned, sandbox.RemoteObject) or returned.type_name != "DeepClassifier":
            checks.fail(f"{name}: should return the model itself (return self), got {checks._describe(returned)}")
    elif value == "history_":
        keys = ["cost", "train_accuracy"] + ["val_accuracy"] * validation
        history = clf.history_
        checks.assert_keys(history, keys, f"{name}: history_")
        for key in keys:
            checks.assert_costs(history[key], 3, f"{name}: history_[{key!r}] (one value per epoch)")
        if validation:
            checks.assert_close(history["val_accuracy"][-1], clf.score(X, y),
                                f"{name}: history_['val_accuracy'][-1] vs score(X_val, Y_val) after the last epoch")
    elif clf.t_ != 9:
        checks.fail(f"{name}: t_ should count the updates, 3 epochs x 3 mini-batches = 9; got {clf.t_}")


@pytest.mark.exercise("DeepClassifier.fit", points=1)
@pytest.mark.parametrize("value", FIT_VALUES)
@cases.parametrize("DeepClassifier.fit")
def test_fit_matches_reference(case, value):
    checks.assert_value_close(case.run(tr), case.expected, (value,),
                       "DeepClassifier(layer_dims, ...).fit(X, Y, num_epochs, ...) -> history_, parameters, t_")


@pytest.mark.exercise("DeepClassifier.fit", points=0.5)
@pytest.mark.parametrize("seed", SEEDS)
def test_fit_lowers_the_cost(seed):
    X, y = data(seed, m=40)
    T = one_hot(y, 3)
    name = f"DeepClassifier([3, 8, 3], output='softmax', learning_rate=0.02, mini_batch_size=10, rng={seed}).fit(X, y, 30)"
    clf = make(name, [3, 8, 3], output="softmax", learning_rate=0.02, mini_batch_size=10, rng=seed)
    before = clf.cost(clf.predict_proba(X), T)
    clf.fit(X, y, num_epochs=30)
    after = clf.cost(clf.predict_proba(X), T)
    if not after < 0.8 * before:
        checks.fail(f"{name}: the cost on the training set should go down by at least 20 %; before {before:.4f}, "
                    f"after {after:.4f} (history_['cost'] = {np.round(clf.history_['cost'], 4).tolist()[:5]}...)")


@pytest.mark.exercise("DeepClassifier.fit", points=0.5)
@pytest.mark.parametrize("value", ["parameters", "history_"])
@pytest.mark.parametrize("optimizer", ["adam", "momentum"])
def test_fit_continues_from_the_current_state(optimizer, value):
    X, y = data(1, m=20)
    kwargs = {"output": "softmax", "optimizer": optimizer, "keep_prob": 0.8, "mini_batch_size": 8, "rng": 4}
    name = f"DeepClassifier([3, 4, 3], optimizer={optimizer!r}, keep_prob=0.8, ...)"
    twice = make(name, [3, 4, 3], **kwargs)
    twice.fit(X, y, num_epochs=2)
    twice.fit(X, y, num_epochs=2)
    once = make(name, [3, 4, 3], **kwargs)
    once.fit(X, y, num_epochs=4)
    if value == "parameters":
        checks.assert_close(twice.parameters, once.parameters,
                            f"{name}: parameters after fit(X, y, 2) twice vs after fit(X, y, 4) once (fit continues "
                            "from the current parameters, optimizer state, t_ and generator)")
    else:
        checks.assert_costs(twice.history_["cost"], 2, f"{name}: history_['cost'] after the second fit(X, y, 2) "
                                                       "(the history of the last call only)")


@pytest.mark.exercise("DeepClassifier.fit", points=0.25)
def test_fit_verbose_gives_the_same_model():
    X, y = data(2, m=20)
    name = "DeepClassifier([3, 4, 3], output='softmax', rng=5).fit(X, y, 2, verbose=True)"
    quiet = make(name, [3, 4, 3], output="softmax", rng=5)
    quiet.fit(X, y, num_epochs=2)
    loud = make(name, [3, 4, 3], output="softmax", rng=5)
    loud.fit(X, y, num_epochs=2, verbose=True)
    checks.assert_close(loud.parameters, quiet.parameters, f"{name}: parameters vs with verbose=False")


# ------------------------------------------------------------------------------ predict_proba
@cases.define("DeepClassifier.predict_proba", call=lambda m, X, **kw: m.DeepClassifier(**kw).predict_proba(X))
def _(rng):
    return {"softmax": {"layer_dims": [3, 4, 3], "X": rng.standard_normal((3, 5)), "output": "softmax", "rng": 0},
            "sigmoid_dropout": {"layer_dims": [2, 3, 1], "X": rng.standard_normal((2, 4)), "keep_prob": 0.5, "rng": 1}}


@pytest.mark.exercise("DeepClassifier.predict_proba", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_proba_is_the_forward_pass_without_dropout(seed):
    X = np.random.default_rng(seed).standard_normal((3, 6))
    name = f"DeepClassifier([3, 5, 4], output='softmax', keep_prob=0.5, rng={seed}).predict_proba(X)"
    clf = make(name, [3, 5, 4], output="softmax", keep_prob=0.5, rng=seed)
    AL = clf.predict_proba(X)
    checks.assert_shape(AL, (4, 6), name)
    checks.assert_close(AL, forward(X, clf.parameters), f"{name} vs the forward pass with its parameters (no dropout)")


@pytest.mark.exercise("DeepClassifier.predict_proba", points=0.25)
@cases.parametrize("DeepClassifier.predict_proba")
def test_predict_proba_matches_reference(case):
    checks.assert_close(case.run(tr), case.expected, "DeepClassifier(layer_dims, ...).predict_proba(X)")


# ------------------------------------------------------------------------------------ predict
@cases.define("DeepClassifier.predict", call=lambda m, X, **kw: m.DeepClassifier(**kw).predict(X))
def _(rng):
    return {"softmax": {"layer_dims": [3, 4, 3], "X": 3 * rng.standard_normal((3, 8)), "output": "softmax", "rng": 0},
            "sigmoid": {"layer_dims": [2, 3, 1], "X": 3 * rng.standard_normal((2, 6)), "rng": 1}}


@pytest.mark.exercise("DeepClassifier.predict", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_softmax_gives_class_indices(seed):
    X = 3 * np.random.default_rng(seed).standard_normal((3, 9))
    name = f"DeepClassifier([3, 4, 5], output='softmax', rng={seed}).predict(X)"
    clf = make(name, [3, 4, 5], output="softmax", rng=seed)
    predictions = clf.predict(X)
    checks.assert_shape(predictions, (9,), f"{name} (one class index per example)")
    checks.assert_dtype(predictions, f"{name} (integers: np.argmax gives them)", kind="i")
    checks.assert_equal_arrays(predictions, np.argmax(forward(X, clf.parameters), axis=0),
                               f"{name} vs the most probable class of each column")


@pytest.mark.exercise("DeepClassifier.predict", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_sigmoid_gives_zeros_and_ones(seed):
    X = 3 * np.random.default_rng(seed).standard_normal((2, 7))
    name = f"DeepClassifier([2, 4, 1], rng={seed}).predict(X)"
    clf = make(name, [2, 4, 1], rng=seed)
    predictions = clf.predict(X)
    checks.assert_shape(predictions, (1, 7), name)
    checks.assert_dtype(predictions, f"{name} (0.0 / 1.0 as floats)")
    checks.assert_equal_arrays(predictions, (forward(X, clf.parameters, "sigmoid") > 0.5).astype(np.float64),
                               f"{name} vs 1.0 where predict_proba(X) > 0.5")


@pytest.mark.exercise("DeepClassifier.predict", points=0.25)
@cases.parametrize("DeepClassifier.predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(tr), case.expected, "DeepClassifier(layer_dims, ...).predict(X)")


# -------------------------------------------------------------------------------------- score
@cases.define("DeepClassifier.score", call=lambda m, X, Y, **kw: m.DeepClassifier(**kw).score(X, Y))
def _(rng):
    X, y = data(int(rng.integers(1000)), m=10)
    Xb, yb = data(int(rng.integers(1000)), C=1, m=10)
    return {"softmax": {"layer_dims": [3, 4, 3], "X": 3 * X, "Y": y, "output": "softmax", "rng": 0},
            "sigmoid": {"layer_dims": [3, 2, 1], "X": 3 * Xb, "Y": yb, "rng": 3},
            "one_hot_labels": {"layer_dims": [3, 4, 3], "X": 3 * X, "Y": one_hot(y, 3), "output": "softmax", "rng": 4}}


@pytest.mark.exercise("DeepClassifier.score", points=0.25)
@pytest.mark.parametrize("seed, layout", [(0, "(m,)"), (1, "(1, m)"), (2, "one-hot")], ids=str)
def test_score_is_the_accuracy(seed, layout):
    X, y = data(seed, m=int(np.random.default_rng(seed).integers(15, 40)))
    Y = {"(m,)": y, "(1, m)": y.reshape(1, -1), "one-hot": one_hot(y, 3)}[layout]
    name = f"DeepClassifier([3, 4, 3], output='softmax', rng={seed}).score(X, Y) with labels {layout}, m={len(y)}"
    clf = make(name, [3, 4, 3], output="softmax", rng=seed)
    score = clf.score(3 * X, Y)
    checks.assert_float(score, f"{name} (a float: use float(...))")
    expected = float(np.mean(np.argmax(forward(3 * X, clf.parameters), axis=0) == y))
    checks.assert_close(score, expected, f"{name} vs the fraction of examples predicted right (in [0, 1])")


@pytest.mark.exercise("DeepClassifier.score", points=0.25)
@cases.parametrize("DeepClassifier.score")
def test_score_matches_reference(case):
    checks.assert_close(case.run(tr), case.expected, "DeepClassifier(layer_dims, ...).score(X, Y)")


# -------------------------------------------------------------------------------- save / load
@pytest.mark.exercise("DeepClassifier.save", points=0.5)
@pytest.mark.parametrize("value", ["parameters", "attributes"])  # the weights and the attributes of the file
@pytest.mark.parametrize("seed, output, dtype", [(0, "softmax", "float64"), (1, "sigmoid", "float32")], ids=str)
def test_save_writes_hdf5_with_the_weights(seed, output, dtype, value):
    layer_dims = [3, 4, 3] if output == "softmax" else [3, 4, 1]
    kwargs = {"output": output, "dtype": dtype, "lambd": round(float(np.random.default_rng(seed).uniform(0, 1)), 3),
              "rng": seed}
    name = f"DeepClassifier({layer_dims}, output={output!r}, dtype={dtype!r}, lambd={kwargs['lambd']}, ...).save(path)"

    def saved():
        clf = make(name, layer_dims, **kwargs)
        return (clf, *sandbox.active().saved_model(clf.save, name))

    # The values' tests read one saved file: the model is made and saved once (Sandbox.once).
    clf, stored, attributes = sandbox.active().once(("DeepClassifier.save", seed), saved)
    if value == "parameters":
        checks.assert_keys(stored, param_keys(2), f"{name}: the datasets of the group 'parameters'")
        checks.assert_close(stored, clf.parameters, f"{name}: the saved weights vs the model's parameters", rtol=0,
                            atol=0)
        return
    for attribute in ("format", "format_version", "hyper_parameters"):
        if attribute not in attributes:
            checks.fail(f"{name}: the file has no attribute {attribute!r} (f.attrs[{attribute!r}] = ...); "
                        f"it has {sorted(attributes)}")
    try:
        hyper_parameters = json.loads(attributes["hyper_parameters"])
    except (TypeError, ValueError):
        checks.fail(f"{name}: the attribute 'hyper_parameters' should be get_params() written as JSON "
                    f"(json.dumps), got {attributes['hyper_parameters']!r}")
    checks.assert_close(hyper_parameters, clf.get_params(),
                        f"{name}: json.loads of the attribute 'hyper_parameters' vs get_params()")


@pytest.mark.exercise("DeepClassifier.load", points=0.75, uses=["DeepClassifier.save", "DeepClassifier.predict_proba"])
@pytest.mark.parametrize("value", ["parameters", "hyper_parameters", "predict_proba"])
@pytest.mark.parametrize("seed, output, dtype", [(0, "softmax", "float64"), (1, "sigmoid", "float32")], ids=str)
def test_load_gives_identical_predictions(seed, output, dtype, value):
    layer_dims = [3, 5, 3] if output == "softmax" else [3, 5, 1]
    X, _ = data(seed, C=layer_dims[-1], m=16)
    kwargs = {"output": output, "dtype": dtype, "keep_prob": 0.8, "lambd": 0.1, "mini_batch_size": 8, "rng": seed}
    name = f"DeepClassifier.load(path) after DeepClassifier({layer_dims}, output={output!r}, dtype={dtype!r}, ...).save(path)"

    def saved_and_loaded():
        clf = make(name, layer_dims, **kwargs)
        with sandbox.active().shared_folder() as folder:  # a folder the jailed code can write to
            path = str(Path(folder) / "model.h5")
            clf.save(path)
            return clf, load(path)

    # The values' tests read the same two models (predict_proba, which might change them, comes last).
    clf, loaded = sandbox.active().once(("DeepClassifier.load", seed), saved_and_loaded)
    if not isinstance(loaded, sandbox.RemoteObject) or loaded.type_name != "DeepClassifier":
        checks.fail(f"{name}: should return a DeepClassifier, got {checks._describe(loaded)}")
    if value == "parameters":
        checks.assert_close(loaded.parameters, clf.parameters, f"{name}: parameters", rtol=0, atol=0)
    elif value == "hyper_parameters":
        checks.assert_close(loaded.get_params(), clf.get_params(), f"{name}: the hyper-parameters (get_params())")
    else:
        checks.assert_close(loaded.predict_proba(X), clf.predict_proba(X), f"{name}: predict_proba(X)", rtol=0,
                            atol=0)


@pytest.mark.exercise("DeepClassifier.load", points=0.5)
@pytest.mark.parametrize("kind", ["text file", "HDF5 file without a model", "model file of another format"])
def test_load_refuses_a_file_that_is_not_a_model(kind):
    import h5py

    with sandbox.active().shared_folder() as folder:  # a folder the jailed code can write to
        path = Path(folder) / "not_a_model.h5"
        if kind == "text file":
            path.write_text("hello\n")
        elif kind == "HDF5 file without a model":
            with h5py.File(path, "w") as f:
                f["train_x"] = np.zeros((2, 3))
        else:  # the layout of a saved model, but another program's format: the format attribute decides
            with h5py.File(path, "w") as f:
                f.attrs["format"] = "another-program"
                f.attrs["hyper_parameters"] = json.dumps({"layer_dims": [1, 1]})
                f.create_group("parameters")["W1"] = np.zeros((1, 1))
        name = f"DeepClassifier.load(path) for a {kind}"
        try:
            result = load(str(path))
        except sandbox.SubmissionRaised as error:
            message = str(error)
            if "ValueError" not in message:
                checks.fail(f"{name}: should raise a ValueError that says the file is not a saved model; "
                            f"it {message}")
            return
    checks.fail(f"{name}: should raise a ValueError (the file has no format attribute of a saved model), "
                f"returned {checks._describe(result)}")
