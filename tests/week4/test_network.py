"""Tests of week4/network.py: the ``NeuralNetwork`` class built on the week's ``deep_nn`` functions.

The network lives in the worker process that runs the submission: ``nn.NeuralNetwork(...)`` returns
a proxy (a ``RemoteObject``) whose method calls and attribute reads are forwarded, and whose
results come back as plain data. Reference values are frozen from the solution by running the same
steps on it (``Cases.define(..., call=...)``: build a network, fit it, read an attribute). Each
method is graded as its own exercise, ``NeuralNetwork.<method>``; they use one another (``fit``
needs the constructor), so the report's first failure points at the first method to fix.
"""
import math

import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

nn = sandbox.load("week4.network")
dnn = sandbox.load("week4.deep_nn")
cases = Cases(__file__)

SEEDS = [0, 1]


# ---------------------------------------------------------------------------------- helpers
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def forward(X, parameters, hidden_activation="relu"):
    """This file's forward pass: the output probabilities ``AL`` of shape (1, m)."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = sigmoid(Z) if l == L else (np.maximum(Z, 0) if hidden_activation == "relu" else np.tanh(Z))
    return A


def param_keys(L):
    return tuple(k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}"))


def data(seed, n_x=3, m=12):
    """Features in [-1, 1] and 0.0 / 1.0 labels from a nonlinear rule."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (n_x, m))
    return X, (X[0:1] * X[1:2] + 0.3 * X[-1:] > 0).astype(np.float64)


def make(layer_dims, name, **kwargs):
    """``nn.NeuralNetwork(layer_dims, **kwargs)``, checked to be an object with its ``parameters``."""
    net = nn.NeuralNetwork(layer_dims, **kwargs)
    if not isinstance(net, sandbox.RemoteObject):
        checks.fail(f"{name}: expected a NeuralNetwork object, got {type(net).__name__}")
    checks.assert_keys(net.parameters, param_keys(len(layer_dims) - 1), f"{name}.parameters")
    return net


def fitted(module, layer_dims, X, Y, num_iterations, fits=1, **kwargs):
    """Build a network, fit it (``fits`` times), and return what it learned (the same steps on solution
    and submission)."""
    net = module.NeuralNetwork(layer_dims, **kwargs)
    for _ in range(fits):
        net.fit(X, Y, num_iterations=num_iterations)
    return {"costs_": net.costs_, "parameters": net.parameters}


# ---------------------------------------------------------------------------- constructor
@cases.define("NeuralNetwork.__init__", call=lambda m, **kw: m.NeuralNetwork(**kw).parameters)
def _(rng):
    return {"he": {"layer_dims": [3, 4, 1], "rng": 0},
            "xavier": {"layer_dims": [4, 3, 2, 1], "initialization": "xavier", "rng": 5},
            "tanh": {"layer_dims": [2, 5, 1], "hidden_activation": "tanh", "rng": 2},
            # named, not the default: the string arrives as a new object, so only == recognises it
            "he_by_name": {"layer_dims": [3, 2, 1], "initialization": "he", "rng": 3}}


@pytest.mark.exercise("NeuralNetwork.__init__", points=0.25)
@pytest.mark.parametrize("layer_dims, value", [(dims, key) for dims in ([3, 4, 1], [5, 3, 2, 1])
                                               for key in param_keys(len(dims) - 1)], ids=str)
def test_constructor_parameters_shapes(layer_dims, value):
    name = f"NeuralNetwork({layer_dims}, rng=0)"
    net = make(layer_dims, name, rng=0)
    parameters = net.parameters
    l = int(value[1:])
    if value.startswith("W"):
        checks.assert_shape(parameters[value], (layer_dims[l], layer_dims[l - 1]), f"{name}.parameters[{value!r}]")
    else:
        checks.assert_shape(parameters[value], (layer_dims[l], 1), f"{name}.parameters[{value!r}]")
        checks.assert_equal_arrays(parameters[value], np.zeros((layer_dims[l], 1)),
                                   f"{name}.parameters[{value!r}] (zeros)")


@pytest.mark.exercise("NeuralNetwork.__init__", points=0.25)
@cases.each_value("NeuralNetwork.__init__", lambda case: list(case.expected))
def test_constructor_matches_reference(case, value):
    checks.assert_value_close(case.run(nn), case.expected, (value,), "NeuralNetwork(layer_dims, ...).parameters")


@pytest.mark.exercise("NeuralNetwork.__init__", points=0.25)
@pytest.mark.parametrize("value", param_keys(3))
@pytest.mark.parametrize("seed", SEEDS)
def test_constructor_scales_your_initialize_parameters_deep(seed, value):
    layer_dims = [4, 3, 2, 1]
    xavier = make(layer_dims, f"NeuralNetwork({layer_dims}, initialization='xavier', rng={seed})",
                  initialization="xavier", rng=seed).parameters
    he = make(layer_dims, f"NeuralNetwork({layer_dims}, rng={seed})", rng=seed).parameters
    deep = dnn.initialize_parameters_deep(layer_dims, rng=seed)
    checks.assert_value_close(xavier, deep, (value,),
                       f"NeuralNetwork({layer_dims}, initialization='xavier', rng={seed}).parameters vs your "
                       f"initialize_parameters_deep({layer_dims}, rng={seed})")
    if value.startswith("W"):
        checks.assert_close(he[value], math.sqrt(2) * deep[value],
                            f"NeuralNetwork({layer_dims}, rng={seed}).parameters[{value!r}] (He, the default) vs "
                            f"sqrt(2) times your initialize_parameters_deep({layer_dims}, rng={seed})[{value!r}]")


@pytest.mark.exercise("NeuralNetwork.__init__", points=0.25)
def test_constructor_he_scale():
    layer_dims = [400, 100, 1]
    name = f"NeuralNetwork({layer_dims}, rng=3)"
    W = make(layer_dims, name, rng=3).parameters["W1"]
    checks.assert_shape(W, (100, 400), f"{name}.parameters['W1']")
    expected, std = math.sqrt(2 / 400), float(np.std(W))
    if abs(std / expected - 1) > 0.05:
        checks.fail(f"{name}.parameters['W1']: He initialization has standard deviation sqrt(2 / n_0) = "
                    f"{expected:.4g}; got {std:.4g}")


# -------------------------------------------------------------------------------------- fit
@cases.define("NeuralNetwork.fit", call=fitted)
def _(rng):
    X, Y = data(int(rng.integers(1000)))
    # As many iterations as the costs they keep need: a wrong step shows in the first ones.
    return {"relu_he": {"layer_dims": [3, 4, 1], "X": X, "Y": Y, "num_iterations": 101, "learning_rate": 0.1, "rng": 0},
            "tanh_xavier": {"layer_dims": [3, 4, 3, 1], "X": X, "Y": Y, "num_iterations": 60, "learning_rate": 0.2,
                            "hidden_activation": "tanh", "initialization": "xavier", "rng": 1},
            "defaults": {"layer_dims": [3, 2, 1], "X": X, "Y": Y, "num_iterations": 100, "rng": 2},
            "fit_twice": {"layer_dims": [3, 3, 1], "X": X, "Y": Y, "num_iterations": 60, "fits": 2,
                          "learning_rate": 0.1, "rng": 3}}  # costs_ holds the second call's costs only


@pytest.mark.exercise("NeuralNetwork.fit", points=0.5)
@pytest.mark.parametrize("value", ["self", "costs_"])
@pytest.mark.parametrize("num_iterations, n_costs", [(1, 1), (101, 2), (201, 3)])
def test_fit_returns_the_network_and_keeps_costs(num_iterations, n_costs, value):
    X, Y = data(0)
    name = f"NeuralNetwork([3, 4, 1], rng=0).fit(X, Y, num_iterations={num_iterations})"

    def fitted():
        net = make([3, 4, 1], "NeuralNetwork([3, 4, 1], rng=0)", rng=0)
        return net, net.fit(X, Y, num_iterations=num_iterations)

    net, returned = sandbox.active().once(("NeuralNetwork.fit", num_iterations), fitted)  # one training for both values
    if value == "costs_":
        checks.assert_costs(net.costs_, n_costs, f"{name}: costs_")
        return
    if not isinstance(returned, sandbox.RemoteObject) or returned.type_name != "NeuralNetwork":
        checks.fail(f"{name}: should return the network itself (return self), got "
                    f"{returned.type_name if isinstance(returned, sandbox.RemoteObject) else type(returned).__name__}")
    checks.assert_close(returned.parameters, net.parameters, f"{name}: the returned object's parameters vs the "
                                                             "network's (return self)", rtol=0, atol=0)


@pytest.mark.exercise("NeuralNetwork.fit", points=0.75)
@pytest.mark.parametrize("value", ["costs_", "parameters"])
@cases.parametrize("NeuralNetwork.fit")
def test_fit_matches_reference(case, value):
    calls = " twice" if case.inputs.get("fits", 1) == 2 else ""
    checks.assert_value_close(case.run(nn), case.expected, (value,),
                       f"NeuralNetwork(layer_dims, ...).fit(X, Y, num_iterations){calls} -> costs_ and parameters")


@pytest.mark.exercise("NeuralNetwork.fit", points=0.5)
@pytest.mark.parametrize("value", ["parameters", "costs_"])
@pytest.mark.parametrize("hidden", ["relu", "tanh"])
def test_fit_continues_from_the_current_parameters(hidden, value):
    X, Y = data(1)
    kwargs = {"hidden_activation": hidden, "learning_rate": 0.2, "rng": 4}
    twice = make([3, 4, 1], f"NeuralNetwork([3, 4, 1], hidden_activation={hidden!r}, ...)", **kwargs)
    twice.fit(X, Y, num_iterations=30)
    twice.fit(X, Y, num_iterations=30)
    if value == "parameters":
        once = make([3, 4, 1], f"NeuralNetwork([3, 4, 1], hidden_activation={hidden!r}, ...)", **kwargs)
        once.fit(X, Y, num_iterations=60)
        checks.assert_close(twice.parameters, once.parameters,
                            f"NeuralNetwork([3, 4, 1], hidden_activation={hidden!r}, ...): parameters after fit(X, Y, "
                            "30) twice vs after fit(X, Y, 60) once (each fit continues from the current parameters)")
    else:
        checks.assert_costs(twice.costs_, 1, "costs_ after the second fit(X, Y, 30) (the costs of the last call only)")


@pytest.mark.exercise("NeuralNetwork.fit", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_fit_lowers_the_cost(seed):
    X, Y = data(seed, m=20)
    name = f"NeuralNetwork([3, 6, 1], learning_rate=0.3, rng={seed}).fit(X, Y, num_iterations=250)"
    net = make([3, 6, 1], name, learning_rate=0.3, rng=seed)
    net.fit(X, Y, num_iterations=250)
    costs = net.costs_
    checks.assert_costs(costs, 3, f"{name}: costs_")
    AL = forward(X, net.parameters)
    final = float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
    if not (np.all(np.diff(costs) < 0) and final < costs[-1]):
        checks.fail(f"{name}: the cost should go down; costs_ = {np.round(costs, 4).tolist()}, and the cost "
                    f"of the final parameters is {final:.4f}")


# ---------------------------------------------------------------------------- predict_proba
@cases.define("NeuralNetwork.predict_proba",
              call=lambda m, X, **kw: m.NeuralNetwork(**kw).predict_proba(X))
def _(rng):
    return {"relu": {"layer_dims": [3, 4, 1], "X": rng.standard_normal((3, 5)), "rng": 0},
            "tanh": {"layer_dims": [2, 3, 2, 1], "X": rng.standard_normal((2, 4)), "hidden_activation": "tanh",
                     "rng": 1}}


@pytest.mark.exercise("NeuralNetwork.predict_proba", points=0.25)
@pytest.mark.parametrize("m", [1, 6])
def test_predict_proba_shape(m):
    X, _ = data(0, m=m)
    name = f"NeuralNetwork([3, 4, 1], rng=0).predict_proba(X) for X of shape {X.shape}"
    AL = make([3, 4, 1], "NeuralNetwork([3, 4, 1], rng=0)", rng=0).predict_proba(X)
    checks.assert_shape(AL, (1, m), name)
    checks.assert_finite(AL, name)
    if np.any(AL < 0) or np.any(AL > 1):
        checks.fail(f"{name}: probabilities must lie in [0, 1], got values from {AL.min():.4g} to {AL.max():.4g}")


@pytest.mark.exercise("NeuralNetwork.predict_proba", points=0.5)
@cases.parametrize("NeuralNetwork.predict_proba")
def test_predict_proba_matches_reference(case):
    checks.assert_close(case.run(nn), case.expected, "NeuralNetwork(layer_dims, ...).predict_proba(X)")


@pytest.mark.exercise("NeuralNetwork.predict_proba", points=0.25)
@pytest.mark.parametrize("hidden", ["relu", "tanh"])
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_proba_is_the_forward_pass(hidden, seed):
    X, _ = data(seed + 2)
    name = f"NeuralNetwork([3, 5, 2, 1], hidden_activation={hidden!r}, rng={seed})"
    net = make([3, 5, 2, 1], name, hidden_activation=hidden, rng=seed)
    AL = net.predict_proba(X)
    checks.assert_close(AL, forward(X, net.parameters, hidden),
                        f"{name}.predict_proba(X) vs the forward pass with its parameters "
                        f"([LINEAR -> {hidden.upper()}] x 2 -> LINEAR -> SIGMOID)")


# ---------------------------------------------------------------------------------- predict
@cases.define("NeuralNetwork.predict", call=lambda m, X, **kw: m.NeuralNetwork(**kw).predict(X))
def _(rng):
    return {"relu": {"layer_dims": [3, 4, 1], "X": 3 * rng.standard_normal((3, 8)), "rng": 4},  # both classes
            "tanh": {"layer_dims": [2, 3, 1], "X": 3 * rng.standard_normal((2, 6)), "hidden_activation": "tanh",
                     "rng": 1}}


@pytest.mark.exercise("NeuralNetwork.predict", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_predict_thresholds_predict_proba(seed):
    X, _ = data(seed, m=9)
    X = 3 * X
    name = f"NeuralNetwork([3, 4, 1], rng={seed})"
    net = make([3, 4, 1], name, rng=seed)
    predictions = net.predict(X)
    checks.assert_shape(predictions, (1, 9), f"{name}.predict(X)")
    checks.assert_dtype(predictions, f"{name}.predict(X) (0.0 / 1.0 as floats: use .astype(np.float64))")
    checks.assert_equal_arrays(predictions, (forward(X, net.parameters) > 0.5).astype(np.float64),
                               f"{name}.predict(X) vs 1.0 where predict_proba(X) > 0.5")


@pytest.mark.exercise("NeuralNetwork.predict", points=0.25)
@cases.parametrize("NeuralNetwork.predict")
def test_predict_matches_reference(case):
    checks.assert_close(case.run(nn), case.expected, "NeuralNetwork(layer_dims, ...).predict(X)")


# ------------------------------------------------------------------------------------ score
@cases.define("NeuralNetwork.score", call=lambda m, X, Y, **kw: m.NeuralNetwork(**kw).score(X, Y))
def _(rng):
    X, Y = data(int(rng.integers(1000)), m=10)
    return {"relu": {"layer_dims": [3, 4, 1], "X": 3 * X, "Y": Y, "rng": 0},
            "tanh": {"layer_dims": [3, 2, 1], "X": 3 * X, "Y": Y, "hidden_activation": "tanh", "rng": 3}}


@pytest.mark.exercise("NeuralNetwork.score", points=0.25)
@pytest.mark.parametrize("seed", SEEDS)
def test_score_is_the_accuracy(seed):
    X, Y = data(seed, m=15)
    X = 3 * X
    name = f"NeuralNetwork([3, 4, 1], rng={seed}).score(X, Y)"
    net = make([3, 4, 1], f"NeuralNetwork([3, 4, 1], rng={seed})", rng=seed)
    score = net.score(X, Y)
    checks.assert_float(score, f"{name} (a float: use float(...))")
    expected = float(np.mean((forward(X, net.parameters) > 0.5) == Y))
    checks.assert_close(score, expected, f"{name} vs the fraction of examples predicted right (in [0, 1], "
                                         "not a percentage)")


@pytest.mark.exercise("NeuralNetwork.score", points=0.25)
@cases.parametrize("NeuralNetwork.score")
def test_score_matches_reference(case):
    checks.assert_close(case.run(nn), case.expected, "NeuralNetwork(layer_dims, ...).score(X, Y)")
