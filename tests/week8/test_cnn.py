"""Tests of week8/cnn.py: ``ConvNet``, the convolutional network assembled from ``conv_fast``.

Same layout as the other weeks: shapes; reference values (``fixtures/cnn.zip``); the whole backward
pass checked against central differences of the submission's own cost of its own forward pass, on
a tiny network; properties of inputs drawn at grading time; training, predictions, saving.

The networks are tiny (6x6 or 8x8 images, two or three filters) so that a numerical gradient takes
a few hundred forward passes in milliseconds. A central difference is only meaningful where the
network is differentiable: no ReLU input and no gap between the two largest values of a pooling
window may be within the step of zero, so the gradient checks draw their inputs until this file's
own forward pass says every such margin is comfortable (``well_conditioned``).
"""
import json
from pathlib import Path

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases
from grader.numgrad import numerical_gradients

cnn = sandbox.load("week8.cnn")
cases = Cases(__file__)

SEEDS = [0, 1]
FIT_VALUES = ("history_", "parameters", "t_")
# (input_shape, conv_layers, n_classes) of the tiny networks
ONE_BLOCK = ((6, 6, 1), ((2, 3),), 3)
TWO_BLOCKS = ((8, 8, 1), ((2, 3), (2, 3)), 3)
MARGIN = 1e-3  # the least distance of a ReLU input from 0, and of a window's two largest values, in the checks


# ---------------------------------------------------------------------------------- helpers
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def one_hot(y, C):
    Y = np.zeros((C, len(y)))
    Y[y, np.arange(len(y))] = 1.0
    return Y


def conv_same(A, W, b):
    """This file's "same" convolution, stride 1, channels-last (cross-correlation, no flip)."""
    f = W.shape[0]
    pad = (f - 1) // 2
    P = np.pad(A, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    m, n_H, n_W, _ = A.shape
    n_H, n_W = n_H + 2 * pad - f + 1, n_W + 2 * pad - f + 1
    Z = np.zeros((m, n_H, n_W, W.shape[3]))
    for i in range(f):
        for j in range(f):
            Z += np.tensordot(P[:, i:i + n_H, j:j + n_W, :], W[i, j], axes=([3], [0]))
    return Z + b


def windows(Z):
    """The 2x2 pooling windows (stride 2) of ``Z`` (m, n_H, n_W, n_C) as (m, n_H // 2, n_W // 2, n_C, 4)."""
    m, n_H, n_W, n_C = Z.shape
    h, w = n_H // 2, n_W // 2
    Z = Z[:, :2 * h, :2 * w].reshape(m, h, 2, w, 2, n_C)
    return Z.transpose(0, 1, 3, 5, 2, 4).reshape(m, h, w, n_C, 4)


def forward(X, parameters, conv_layers, margins=None):
    """This file's forward pass ``[CONV -> RELU -> MAXPOOL] * (L - 1) -> LINEAR -> SOFTMAX``: ``AL`` (C, m).
    ``margins`` (a list) receives the distances from the points where it is not differentiable."""
    L = len(conv_layers) + 1
    A = X
    for l in range(1, L):
        Z = conv_same(A, parameters[f"W{l}"], parameters[f"b{l}"])
        R = np.maximum(Z, 0)
        top = np.sort(windows(R), axis=-1)
        if margins is not None:
            margins += [float(np.abs(Z).min()), float((top[..., -1] - top[..., -2])[top[..., -1] > 0].min(initial=1.0))]
        A = top[..., -1]
    A_prev = A.reshape(A.shape[0], -1).T
    return softmax(parameters[f"W{L}"] @ A_prev + parameters[f"b{L}"])


def parameters_for(rng, input_shape, conv_layers, n_classes):
    """Random parameters of the documented shapes, scaled so that the scores stay moderate."""
    parameters, (n_H, n_W, n_C) = {}, input_shape
    for l, (n_filters, f) in enumerate(conv_layers, start=1):
        parameters[f"W{l}"] = rng.standard_normal((f, f, n_C, n_filters)) / np.sqrt(f * f * n_C)
        parameters[f"b{l}"] = 0.1 * rng.standard_normal((1, 1, 1, n_filters))
        n_H, n_W, n_C = n_H // 2, n_W // 2, n_filters
    L = len(conv_layers) + 1
    parameters[f"W{L}"] = rng.standard_normal((n_classes, n_H * n_W * n_C)) / np.sqrt(n_H * n_W * n_C)
    parameters[f"b{L}"] = 0.1 * rng.standard_normal((n_classes, 1))
    return parameters


def well_conditioned(rng, input_shape, conv_layers, n_classes, m):
    """``X, parameters`` drawn until no ReLU input and no pooling choice is within ``MARGIN`` of a
    kink (a central difference across one would not be the derivative)."""
    for _ in range(200):
        X = rng.standard_normal((m, *input_shape))
        parameters = parameters_for(rng, input_shape, conv_layers, n_classes)
        margins = []
        forward(X, parameters, conv_layers, margins)
        if min(margins) > MARGIN:
            return X, parameters
    raise RuntimeError("no well-conditioned input found")  # the course's bug, not the submission's


def param_keys(L):
    return [k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")]


def backprop_order(L):
    """``dW1, db1, ...`` in the order backpropagation computes them, the output layer first."""
    return [key for l in range(L, 0, -1) for key in (f"db{l}", f"dW{l}")]


def describe(input_shape, conv_layers, n_classes, **kwargs):
    settings = "".join(f", {k}={v!r}" for k, v in kwargs.items())
    return f"ConvNet(input_shape={input_shape}, conv_layers={conv_layers}, n_classes={n_classes}{settings})"


def make(input_shape, conv_layers, n_classes, **kwargs):
    """``cnn.ConvNet(...)`` of the submission (the constructor is given)."""
    net = cnn.ConvNet(input_shape=input_shape, conv_layers=conv_layers, n_classes=n_classes, **kwargs)
    if not isinstance(net, sandbox.RemoteObject):
        checks.fail(f"{describe(input_shape, conv_layers, n_classes, **kwargs)}: expected a ConvNet object, "
                    f"got {type(net).__name__}")
    return net


def images(seed, input_shape=(6, 6, 1), m=12, n_classes=3):
    """Images whose class is the quadrant holding a bright square, and their labels (m,)."""
    rng = np.random.default_rng(seed)
    n_H, n_W, n_C = input_shape
    y = rng.permutation(np.arange(m) % n_classes)
    X = 0.1 * rng.random((m, n_H, n_W, n_C))
    for i, k in enumerate(y):
        top, left = (k // 2) * (n_H // 2), (k % 2) * (n_W // 2)
        X[i, top:top + n_H // 2, left:left + n_W // 2] += 0.9
    return X, y


def forward_AL(module, X, parameters=None, **kwargs):
    """``ConvNet(**kwargs).forward(X, parameters)[0]``: the caches stay in the worker."""
    net = module.ConvNet(**kwargs)
    return sandbox.deferred(net.forward, X, parameters).item(0, of=2, name="forward(X, parameters)").value()


def backward_pass(module, X, Y, parameters, **kwargs):
    net = module.ConvNet(**kwargs)
    AL, caches = net.forward(X, parameters, training=True)
    return net.backward(AL, Y, caches)


def fitted(module, X, Y, num_epochs, X_val=None, Y_val=None, **kwargs):
    net = module.ConvNet(**kwargs)
    net.fit(X, Y, num_epochs=num_epochs, X_val=X_val, Y_val=Y_val)
    return {"history_": net.history_, "parameters": net.parameters, "t_": net.t_}


def load(path):
    """``ConvNet.load(path)`` of the submission, through a fresh instance (the classmethod, bound to the class)."""
    return cnn.ConvNet(input_shape=(6, 6, 1), conv_layers=((1, 3),), n_classes=2).load(path)


# ------------------------------------------------------------------------------------ forward
@cases.define("ConvNet.forward", call=forward_AL)
def _(rng):
    def case(input_shape, conv_layers, n_classes, m=3):
        return {"X": rng.standard_normal((m, *input_shape)),
                "parameters": parameters_for(rng, input_shape, conv_layers, n_classes),
                "input_shape": input_shape, "conv_layers": conv_layers, "n_classes": n_classes, "rng": 0}
    return {"one_block": case(*ONE_BLOCK), "two_blocks": case(*TWO_BLOCKS),
            "odd_size_and_f5": case((7, 9, 1), ((2, 5),), 2), "own_parameters": {**case(*ONE_BLOCK), "parameters": None,
                                                                                  "rng": 3}}


@pytest.mark.exercise("ConvNet.forward", points=0.5)
@pytest.mark.parametrize("input_shape, conv_layers, n_classes", [ONE_BLOCK, TWO_BLOCKS], ids=str)
def test_forward_gives_probabilities_and_a_cache_per_layer(input_shape, conv_layers, n_classes):
    X = np.random.default_rng(0).standard_normal((5, *input_shape))
    name = f"{describe(input_shape, conv_layers, n_classes, rng=0)}.forward(X) for X of shape {X.shape}"
    net = make(input_shape, conv_layers, n_classes, rng=0)
    AL, caches = checks.unpack(net.forward(X), 2, name + " -> (AL, caches)")
    checks.assert_shape(AL, (n_classes, 5), f"{name}: AL (one column of probabilities per image)")
    checks.assert_close(np.sum(AL, axis=0), np.ones(5), f"{name}: the sum of each column of AL")
    L = len(conv_layers) + 1
    if not isinstance(caches, list) or len(caches) != L:
        checks.fail(f"{name}: caches should be a list of {L} entries (one per layer), got {checks._describe(caches)}")


@pytest.mark.exercise("ConvNet.forward", points=0.75)
@cases.parametrize("ConvNet.forward")
def test_forward_matches_reference(case):
    checks.assert_close(case.run(cnn), case.expected, "ConvNet(...).forward(X, parameters) -> AL")


@pytest.mark.exercise("ConvNet.forward", points=0.75)
@pytest.mark.parametrize("seed, architecture", [(0, ONE_BLOCK), (1, TWO_BLOCKS)], ids=str)
def test_forward_is_conv_relu_pool_then_softmax(seed, architecture):
    input_shape, conv_layers, n_classes = architecture
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, *input_shape))
    parameters = parameters_for(rng, *architecture)
    name = f"{describe(*architecture)}.forward(X, parameters)"
    net = make(*architecture, rng=int(rng.integers(2**31)))
    AL = checks.unpack(net.forward(X, parameters), 2, name)[0]
    checks.assert_close(AL, forward(X, parameters, conv_layers),
                        f"{name}: AL vs [same CONV (stride 1) -> RELU -> 2x2 MAXPOOL] per block, the flattened "
                        "A.reshape(m, -1).T, LINEAR and SOFTMAX with these parameters (not the model's own)")


# --------------------------------------------------------------------------------------- cost
@cases.define("ConvNet.cost", call=lambda m, AL, Y, **kw: m.ConvNet(**kw).cost(AL, Y))
def _(rng):
    y = rng.integers(0, 3, 5)
    AL = softmax(rng.standard_normal((3, 5)))
    return {"labels": {"AL": AL, "Y": y, "input_shape": (6, 6, 1), "conv_layers": ((2, 3),), "n_classes": 3},
            "one_hot": {"AL": AL, "Y": one_hot(y, 3), "input_shape": (6, 6, 1), "conv_layers": ((2, 3),),
                        "n_classes": 3}}


@pytest.mark.exercise("ConvNet.cost", points=0.5)
@cases.parametrize("ConvNet.cost")
def test_cost_matches_reference(case):
    checks.assert_close(case.run(cnn), case.expected, "ConvNet(...).cost(AL, Y)")


@pytest.mark.exercise("ConvNet.cost", points=0.5)
@pytest.mark.parametrize("seed, layout", [(0, "labels (m,)"), (1, "one-hot (C, m)")], ids=str)
def test_cost_is_the_mean_cross_entropy(seed, layout):
    rng = np.random.default_rng(seed)
    C, m = int(rng.integers(2, 5)), int(rng.integers(3, 9))
    y = rng.integers(0, C, m)
    AL = softmax(rng.standard_normal((C, m)))
    Y = y if layout.startswith("labels") else one_hot(y, C)
    name = f"{describe((6, 6, 1), ((2, 3),), C)}.cost(AL, Y) with Y as {layout}, m={m}"
    cost = make((6, 6, 1), ((2, 3),), C).cost(AL, Y)
    checks.assert_float(cost, name)
    checks.assert_close(cost, float(-np.mean(np.log(AL[y, np.arange(m)]))),
                        f"{name} vs the mean over the images of -log(AL[label])")


# ----------------------------------------------------------------------------------- backward
@cases.define("ConvNet.backward", call=backward_pass)
def _(rng):
    def case(input_shape, conv_layers, n_classes, m=3):
        X, parameters = well_conditioned(rng, input_shape, conv_layers, n_classes, m)
        return {"X": X, "Y": rng.integers(0, n_classes, m), "parameters": parameters, "input_shape": input_shape,
                "conv_layers": conv_layers, "n_classes": n_classes}
    black_border = case(*ONE_BLOCK)  # as in real digits: a black border and the initial zero biases put
    black_border["X"][:, :2] = 0.0      # pooled outputs exactly at the ReLU's kink, where the gradient is 0
    black_border["parameters"]["b1"] = np.zeros_like(black_border["parameters"]["b1"])
    return {"one_block": case(*ONE_BLOCK), "two_blocks": case(*TWO_BLOCKS), "black_border": black_border}


@pytest.mark.exercise("ConvNet.backward", points=0.5)
@pytest.mark.parametrize("architecture, value", [(a, key) for a in (ONE_BLOCK, TWO_BLOCKS)
                                                 for key in backprop_order(len(a[1]) + 1)], ids=str)
def test_backward_keys_and_shapes(architecture, value):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((4, *architecture[0]))
    y = rng.integers(0, architecture[2], 4)
    net = make(*architecture, rng=0)
    name = f"{describe(*architecture, rng=0)}.backward(AL, y, caches)"
    AL, caches = checks.unpack(net.forward(X, training=True), 2, f"{describe(*architecture)}.forward(X, training=True)")
    grads = net.backward(AL, y, caches)
    L = len(architecture[1]) + 1
    checks.assert_keys(grads, ["d" + k for k in param_keys(L)], name)
    checks.assert_shape(grads[value], np.shape(net.parameters[value[1:]]), f"{name}[{value!r}]")


@pytest.mark.exercise("ConvNet.backward", points=0.75)
@cases.each_value("ConvNet.backward", lambda case: backprop_order(len(case.inputs["conv_layers"]) + 1))
def test_backward_matches_reference(case, value):
    checks.assert_value_close(case.run(cnn), case.expected, (value,), "ConvNet(...).backward(AL, Y, caches)")


@pytest.mark.exercise("ConvNet.backward", points=1.5)
@pytest.mark.parametrize("seed, architecture, value", [(seed, a, key) for seed, a in ((0, ONE_BLOCK), (1, TWO_BLOCKS))
                                                       for key in backprop_order(len(a[1]) + 1)], ids=str)
def test_backward_gradient(seed, architecture, value):
    input_shape, conv_layers, n_classes = architecture
    rng = np.random.default_rng(seed)
    X, parameters = well_conditioned(rng, input_shape, conv_layers, n_classes, m=2)
    y = rng.integers(0, n_classes, 2)
    net = make(*architecture, rng=int(rng.integers(2**31)))
    name = f"{describe(*architecture)}.backward(AL, y, caches)"
    AL, caches = checks.unpack(net.forward(X, parameters, training=True), 2, "forward(X, parameters, training=True)")
    grads = net.backward(AL, y, caches)
    checks.assert_keys(grads, ["d" + k for k in parameters], name)
    forward_method, cost = net.forward, net.cost  # handles of the two methods, for every evaluation

    def cost_of(**changed):
        # One request: AL goes from your forward pass to your cost in the worker, with its caches left there.
        AL = sandbox.deferred(forward_method, X, {**parameters, **changed}).item(0, of=2, name="forward(X, parameters)")
        return cost(AL, y)

    key = value[1:]
    numeric = numerical_gradients(cost_of, {key: parameters[key]})
    checks.assert_gradient(grads[value], numeric[key],
                           f"{name}[{value!r}] vs central differences of your cost(forward(X, parameters)[0], y)")


# ---------------------------------------------------------------------------------------- fit
@cases.define("ConvNet.fit", call=fitted)
def _(rng):
    X, y = images(int(rng.integers(1000)), m=10)
    Xv, yv = images(int(rng.integers(1000)), m=4)
    X2, y2 = images(int(rng.integers(1000)), (8, 8, 2), m=8, n_classes=4)
    return {"one_block": {"X": X, "Y": y, "num_epochs": 2, "X_val": Xv, "Y_val": yv, "input_shape": (6, 6, 1),
                          "conv_layers": ((2, 3),), "n_classes": 3, "learning_rate": 0.01, "mini_batch_size": 4,
                          "rng": 0},
            "two_blocks": {"X": X2, "Y": y2, "num_epochs": 2, "input_shape": (8, 8, 2), "conv_layers": ((2, 3), (3, 3)),
                           "n_classes": 4, "learning_rate": 0.005, "mini_batch_size": 8, "rng": 1}}


@pytest.mark.exercise("ConvNet.fit", points=0.5)
@pytest.mark.parametrize("value", ["self", "history_", "t_"])
@pytest.mark.parametrize("validation", [False, True])
def test_fit_returns_the_model_and_keeps_a_history(validation, value):
    X, y = images(0, m=10)
    kwargs = {"learning_rate": 0.01, "mini_batch_size": 4, "rng": 0}
    name = f"{describe(*ONE_BLOCK, **kwargs)}.fit(X, y, num_epochs=2" + (", X_val=X, Y_val=y)" if validation else ")")

    def fitted():
        net = make(*ONE_BLOCK, **kwargs)
        return net, net.fit(X, y, num_epochs=2, X_val=X if validation else None, Y_val=y if validation else None)

    net, returned = sandbox.active().once(("ConvNet.fit", validation), fitted)  # one training for the values' tests
    if value == "self":
        if not isinstance(returned, sandbox.RemoteObject) or returned.type_name != "ConvNet":
            checks.fail(f"{name}: should return the model itself (return self), got {checks._describe(returned)}")
    elif value == "history_":
        keys = ["cost", "train_accuracy"] + ["val_accuracy"] * validation
        history = net.history_
        checks.assert_keys(history, keys, f"{name}: history_")
        for key in keys:
            checks.assert_costs(history[key], 2, f"{name}: history_[{key!r}] (one value per epoch)")
        if validation:
            checks.assert_close(history["val_accuracy"][-1], net.score(X, y),
                                f"{name}: history_['val_accuracy'][-1] vs score(X_val, Y_val) after the last epoch")
    elif net.t_ != 6:
        checks.fail(f"{name}: t_ should count the updates, 2 epochs x 3 mini-batches = 6; got {net.t_}")


@pytest.mark.exercise("ConvNet.fit", points=1)
@pytest.mark.parametrize("value", FIT_VALUES)
@cases.parametrize("ConvNet.fit")
def test_fit_matches_reference(case, value):
    checks.assert_value_close(case.run(cnn), case.expected, (value,),
                              "ConvNet(...).fit(X, Y, num_epochs, ...) -> history_, parameters, t_")


@pytest.mark.exercise("ConvNet.fit", points=0.5)
@pytest.mark.parametrize("seed, init", [(slot, slot) for slot in SEEDS])
def test_fit_lowers_the_cost(seed, init):
    # The images are drawn at grading time, the first weights are not: a draw that leaves every ReLU of
    # the one block dead from the start (about one in a few hundred) cannot learn, however right fit is.
    X, y = images(seed, m=24)
    kwargs = {"learning_rate": 0.02, "mini_batch_size": 8, "rng": init}
    name = f"{describe(*ONE_BLOCK, **kwargs)}.fit(X, y, num_epochs=15)"
    net = make(*ONE_BLOCK, **kwargs)
    before = net.cost(net.predict_proba(X), y)
    net.fit(X, y, num_epochs=15)
    after = net.cost(net.predict_proba(X), y)
    if not after < 0.7 * before:
        checks.fail(f"{name}: the cost on the training set should go down by at least 30 %; before {before:.4f}, "
                    f"after {after:.4f} (history_['cost'] = {np.round(net.history_['cost'], 4).tolist()[:5]}...)")


@pytest.mark.exercise("ConvNet.fit", points=0.5)
@pytest.mark.parametrize("value", ["parameters", "history_"])
def test_fit_continues_from_the_current_state(value):
    X, y = images(1, m=10)
    kwargs = {"learning_rate": 0.01, "mini_batch_size": 4, "rng": 4}
    name = describe(*ONE_BLOCK, **kwargs)
    twice = make(*ONE_BLOCK, **kwargs)
    twice.fit(X, y, num_epochs=1)
    twice.fit(X, y, num_epochs=1)
    once = make(*ONE_BLOCK, **kwargs)
    once.fit(X, y, num_epochs=2)
    if value == "parameters":
        checks.assert_close(twice.parameters, once.parameters,
                            f"{name}: parameters after fit(X, y, 1) twice vs after fit(X, y, 2) once (fit continues "
                            "from the current parameters, Adam's state, t_ and generator)")
    else:
        checks.assert_costs(twice.history_["cost"], 1, f"{name}: history_['cost'] after the second fit(X, y, 1) "
                                                       "(the history of the last call only)")


# ------------------------------------------------------------------------------ predictions
@cases.define("ConvNet.predict_proba", call=lambda m, X, **kw: m.ConvNet(**kw).predict_proba(X))
def _(rng):
    return {"one_block": {"X": rng.standard_normal((4, 6, 6, 1)), "input_shape": (6, 6, 1), "conv_layers": ((2, 3),),
                          "n_classes": 3, "rng": 0}}


@pytest.mark.exercise("ConvNet.predict_proba", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_proba_is_the_forward_pass(seed):
    X = np.random.default_rng(seed).standard_normal((5, 6, 6, 1))
    name = f"{describe(*ONE_BLOCK, rng=seed)}.predict_proba(X)"
    net = make(*ONE_BLOCK, rng=seed)
    AL = net.predict_proba(X)
    checks.assert_shape(AL, (3, 5), name)
    checks.assert_close(AL, forward(X, net.parameters, ONE_BLOCK[1]), f"{name} vs the forward pass with its parameters")


@pytest.mark.exercise("ConvNet.predict_proba", points=0.25)
def test_predict_proba_of_more_images_than_a_chunk():
    X = np.random.default_rng(5).standard_normal((70, 6, 6, 1))  # CHUNK is 32: three chunks
    name = f"{describe(*ONE_BLOCK, rng=5)}.predict_proba(X) for 70 images (more than CHUNK = 32)"
    net = make(*ONE_BLOCK, rng=5)
    AL = net.predict_proba(X)
    checks.assert_shape(AL, (3, 70), name)
    checks.assert_close(AL, forward(X, net.parameters, ONE_BLOCK[1]), f"{name} vs the forward pass of every image")


@pytest.mark.exercise("ConvNet.predict_proba", points=0.25)
@cases.parametrize("ConvNet.predict_proba")
def test_predict_proba_matches_reference(case):
    checks.assert_close(case.run(cnn), case.expected, "ConvNet(...).predict_proba(X)")


@cases.define("ConvNet.predict", call=lambda m, X, **kw: m.ConvNet(**kw).predict(X))
def _(rng):
    return {"one_block": {"X": 3 * rng.standard_normal((6, 6, 6, 1)), "input_shape": (6, 6, 1),
                          "conv_layers": ((2, 3),), "n_classes": 3, "rng": 0},
            "two_blocks": {"X": 3 * rng.standard_normal((5, *TWO_BLOCKS[0])), "input_shape": TWO_BLOCKS[0],
                           "conv_layers": TWO_BLOCKS[1], "n_classes": TWO_BLOCKS[2], "rng": 1}}


@pytest.mark.exercise("ConvNet.predict", points=0.25)
@cases.parametrize("ConvNet.predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(cnn), case.expected, "ConvNet(...).predict(X)")


@pytest.mark.exercise("ConvNet.predict", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_gives_class_indices(seed):
    X = 3 * np.random.default_rng(seed).standard_normal((7, 6, 6, 1))
    name = f"{describe(*ONE_BLOCK, rng=seed)}.predict(X)"
    net = make(*ONE_BLOCK, rng=seed)
    predictions = net.predict(X)
    checks.assert_shape(predictions, (7,), f"{name} (one class index per image)")
    checks.assert_dtype(predictions, f"{name} (integers: np.argmax gives them)", kind="i")
    checks.assert_equal_arrays(predictions, np.argmax(forward(X, net.parameters, ONE_BLOCK[1]), axis=0),
                               f"{name} vs the most probable class of each column of predict_proba(X)")


@cases.define("ConvNet.score", call=lambda m, X, Y, **kw: m.ConvNet(**kw).score(X, Y))
def _(rng):
    X, y = images(int(rng.integers(1000)), m=9)
    return {f"model_{seed}": {"X": 3 * X, "Y": y, "input_shape": (6, 6, 1), "conv_layers": ((2, 3),), "n_classes": 3,
                              "rng": seed} for seed in range(4)}  # untrained models: some get a few right


@pytest.mark.exercise("ConvNet.score", points=0.25)
@cases.parametrize("ConvNet.score")
def test_score_matches_reference(case):
    checks.assert_close(case.run(cnn), case.expected, "ConvNet(...).score(X, Y)")


@pytest.mark.exercise("ConvNet.score", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_score_is_the_accuracy(seed):
    X, y = images(seed, m=int(np.random.default_rng(seed).integers(9, 20)))
    name = f"{describe(*ONE_BLOCK, rng=seed)}.score(X, y), m={len(y)}"
    net = make(*ONE_BLOCK, rng=seed)
    score = net.score(3 * X, y)
    checks.assert_float(score, f"{name} (a float: use float(...))")
    expected = float(np.mean(np.argmax(forward(3 * X, net.parameters, ONE_BLOCK[1]), axis=0) == y))
    checks.assert_close(score, expected, f"{name} vs the fraction of images predicted right (in [0, 1])")


# -------------------------------------------------------------------------------- save / load
@pytest.mark.exercise("ConvNet.save", points=0.5)
@pytest.mark.parametrize("value", ["parameters", "attributes"])  # the weights and the attributes of the file
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_save_writes_hdf5_with_the_weights(dtype, value):
    name = f"{describe(*TWO_BLOCKS, dtype=dtype, rng=0)}.save(path)"

    def saved():
        net = make(*TWO_BLOCKS, dtype=dtype, rng=0)
        return (net, *sandbox.active().saved_model(net.save, name))

    # The values' tests read one saved file: the model is made and saved once (Sandbox.once).
    net, stored, attributes = sandbox.active().once(("ConvNet.save", dtype), saved)
    if value == "parameters":
        checks.assert_keys(stored, param_keys(3), f"{name}: the datasets of the group 'parameters'")
        checks.assert_close(stored, net.parameters, f"{name}: the saved weights vs the model's parameters", rtol=0,
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
    checks.assert_close(hyper_parameters, net.get_params(),
                        f"{name}: json.loads of the attribute 'hyper_parameters' vs get_params()")


@pytest.mark.exercise("ConvNet.load", points=0.75, uses=["ConvNet.save", "ConvNet.predict_proba"])
@pytest.mark.parametrize("value", ["parameters", "hyper_parameters", "predict_proba"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_load_gives_identical_predictions(dtype, value):
    X, _ = images(3, TWO_BLOCKS[0], m=5, n_classes=TWO_BLOCKS[2])
    name = f"ConvNet.load(path) after {describe(*TWO_BLOCKS, dtype=dtype, rng=1)}.save(path)"

    def saved_and_loaded():
        net = make(*TWO_BLOCKS, dtype=dtype, rng=1)
        with sandbox.active().shared_folder() as folder:  # a folder the jailed code can write to
            path = str(Path(folder) / "model.h5")
            net.save(path)
            return net, load(path)

    # The values' tests read the same two models (predict_proba, which might change them, comes last).
    net, loaded = sandbox.active().once(("ConvNet.load", dtype), saved_and_loaded)
    if not isinstance(loaded, sandbox.RemoteObject) or loaded.type_name != "ConvNet":
        checks.fail(f"{name}: should return a ConvNet, got {checks._describe(loaded)}")
    if value == "parameters":
        checks.assert_close(loaded.parameters, net.parameters, f"{name}: parameters", rtol=0, atol=0)
    elif value == "hyper_parameters":
        checks.assert_close(loaded.get_params(), net.get_params(), f"{name}: the hyper-parameters (get_params())")
    else:
        checks.assert_close(loaded.predict_proba(X), net.predict_proba(X), f"{name}: predict_proba(X)", rtol=0, atol=0)


@pytest.mark.exercise("ConvNet.load", points=0.5)
@pytest.mark.parametrize("kind", ["text file", "HDF5 file without a model", "model file of another format",
                                  "ConvNet file without its weights", "ConvNet file with bigger filters",
                                  "ConvNet file with smaller filters"])
def test_load_refuses_a_file_that_is_not_a_model(kind):
    import h5py

    with sandbox.active().shared_folder() as folder:  # a folder the jailed code can write to
        path = Path(folder) / "not_a_model.h5"
        if kind == "text file":
            path.write_text("hello\n")
        elif kind == "HDF5 file without a model":
            with h5py.File(path, "w") as f:
                f["train_x"] = np.zeros((2, 3))
        elif kind.startswith("ConvNet"):  # the format of cnn.py's FORMAT (given), and weights that do not fit
            with h5py.File(path, "w") as f:
                f.attrs["format"] = "dl-course ConvNet"
                f.attrs["format_version"] = 1
                f.attrs["hyper_parameters"] = json.dumps({"input_shape": [6, 6, 1], "conv_layers": [[2, 3]],
                                                          "n_classes": 3, "learning_rate": 0.001,
                                                          "mini_batch_size": 64, "dtype": "float64"})
                if kind != "ConvNet file without its weights":
                    f_size = 5 if "bigger" in kind else 1
                    weights = f.create_group("parameters")
                    weights["W1"] = np.zeros((f_size, f_size, 1, 2))
                    weights["b1"], weights["W2"], weights["b2"] = np.zeros((1, 1, 1, 2)), np.zeros((3, 18)), np.zeros((3, 1))
        else:  # a saved week 7 DeepClassifier: the layout of a saved model, another format attribute
            with h5py.File(path, "w") as f:
                f.attrs["format"] = "dl-course DeepClassifier"
                f.attrs["format_version"] = 1
                f.attrs["hyper_parameters"] = json.dumps({"layer_dims": [4, 3]})
                f.create_group("parameters")["W1"] = np.zeros((3, 4))
        name = f"ConvNet.load(path) for a {kind}"
        try:
            result = load(str(path))
        except sandbox.SubmissionRaised as error:
            message = str(error)
            if "ValueError" not in message:
                checks.fail(f"{name}: should raise a ValueError that says the file is not a saved ConvNet; "
                            f"it {message}")
            return
    checks.fail(f"{name}: should raise a ValueError (the file is not a ConvNet written by save), "
                f"returned {checks._describe(result)}")
