"""Mistakes learners make in week4/deep_nn.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake, variant


# ------------------------------------------------------------------- activation backward steps
@mistake("sigmoid_backward", "This looks like sigma'(Z) computed as Z * (1 - Z): the derivative is s (1 - s) with "
                             "s the sigmoid of Z, not Z itself.")
def derivative_from_Z(dA, Z):
    dZ = dA * Z * (1 - Z)
    return dZ


@mistake("sigmoid_backward", "This looks like the local derivative s * (1 - s) alone: multiply it by the incoming "
                             "gradient dA (chain rule).")
def forgets_dA(dA, Z):
    s, _ = sigmoid(Z)
    dZ = s * (1 - s)
    return dZ


@mistake("sigmoid_backward", "This looks like sigma'(Z) = e^{-Z} / (1 + e^{-Z}) with the square of the "
                             "denominator missing: write it with s = sigmoid(Z) as s (1 - s).")
def denominator_not_squared(dA, Z):
    dZ = dA * np.exp(-Z) / (1 + np.exp(-Z))
    return dZ


@mistake("relu_backward", "This looks like dA changed in place (dA[Z <= 0] = 0): copy it first, or the caller's "
                          "gradient is modified.")
def modifies_dA_in_place(dA, Z):
    dA[Z <= 0] = 0.0
    return dA


@mistake("relu_backward", "This looks like dZ kept where Z == 0: the convention is dZ = 0 wherever Z <= 0.")
def keeps_the_gradient_at_zero(dA, Z):
    dZ = np.array(dA, dtype=np.float64)
    dZ[Z < 0] = 0.0
    return dZ


@mistake("relu_backward", "This looks like ReLU's derivative (the 0/1 mask) without dA: dZ is dA where Z > 0.")
def mask_without_dA(dA, Z):
    dZ = (Z > 0).astype(np.float64)
    return dZ


@mistake("relu_backward", "This looks like a mask taken from dA: which entries pass depends on the sign of Z "
                          "(the cache), not of dA.")
def mask_from_dA(dA, Z):
    dZ = np.where(dA > 0, dA, 0.0)
    return dZ


@mistake("tanh_backward", "This looks like 1 - Z ** 2: tanh's derivative squares tanh(Z), not Z, so apply np.tanh "
                          "to the cache first.")
def derivative_from_Z_squared(dA, Z):
    dZ = dA * (1 - Z ** 2)
    return dZ


@mistake("tanh_backward", "This looks like (1 - tanh(Z)) ** 2: the square applies to tanh(Z) alone, before the "
                          "subtraction.")
def square_outside_the_bracket(dA, Z):
    t = np.tanh(Z)
    dZ = dA * (1 - t) ** 2
    return dZ


@mistake("tanh_backward", "This looks like the local derivative 1 - tanh(Z) ** 2 alone: multiply it by the "
                          "incoming gradient dA.")
def tanh_forgets_dA(dA, Z):
    t = np.tanh(Z)
    dZ = 1 - t ** 2
    return dZ


# ---------------------------------------------------------------------------------- parameters
@mistake("initialize_parameters_deep", "This looks like weights scaled by 0.01 (week 3): here each W{l} is divided "
                                       "by np.sqrt(n_{l-1}), the size of the previous layer.")
def scaled_by_0_01(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "This looks like weights divided by the square root of the layer's own "
                                       "size: divide by the square root of the previous layer's size, "
                                       "layer_dims[l - 1].")
def scaled_by_own_size(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "This looks like the last layer left out: with L = len(layer_dims) - 1 the "
                                       "loop must cover every layer, 1 to L included.")
def last_layer_missing(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "This looks like transposed weights: W{l} has shape (n_l, n_{l-1}), "
                                       "(layer_dims[l], layer_dims[l - 1]).")
def transposed_weights(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l - 1], layer_dims[l])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


# ------------------------------------------------------------------------------------- forward
@mistake("linear_forward", "This looks like the bias left out: the linear step adds b to the matrix product.")
def bias_forgotten(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)


@mistake("linear_forward", "This looks like the product taken the wrong way round, np.dot(A.T, W.T), which is Z "
                           "transposed: W comes first, and Z has shape (n_l, m).")
def product_transposed(A, W, b):
    Z = np.dot(A.T, W.T) + b.T
    return Z, (A, W, b)


@mistake("linear_forward", "This looks like a linear cache in the wrong order: keep (A, W, b), as linear_backward "
                           "unpacks it.")
def cache_in_the_wrong_order(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (W, A, b)


@mistake("linear_forward", "This looks like '*' where a matrix product is meant: W * A multiplies elementwise; a "
                           "layer needs np.dot.")
def elementwise_product(A, W, b):
    Z = W * A + b
    return Z, (A, W, b)


@mistake("linear_activation_forward", "This looks like ReLU applied whatever the activation: use the activation "
                                      "named by the argument (FORWARD[activation]).")
def always_relu(A_prev, W, b, activation):
    check_activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)


@mistake("linear_activation_forward", "This looks like A stored as the activation cache: the backward step needs "
                                      "Z there, cache = (linear_cache, Z).")
def caches_A_not_Z(A_prev, W, b, activation):
    check_activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, _ = FORWARD[activation](Z)
    return A, (linear_cache, A)


@mistake("linear_activation_forward", "This looks like the output A in the linear cache: it must hold the layer's "
                                      "input, (A_prev, W, b).")
def A_instead_of_A_prev_in_cache(A_prev, W, b, activation):
    check_activation(activation)
    Z, _ = linear_forward(A_prev, W, b)
    A, activation_cache = FORWARD[activation](Z)
    return A, ((A, W, b), activation_cache)


@mistake("linear_activation_forward", "This looks like the activation returned without the linear step: A = g(Z) "
                                      "with Z = W A_prev + b, not Z itself.")
def returns_Z_as_A(A_prev, W, b, activation):
    check_activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    _, activation_cache = FORWARD[activation](Z)
    return Z, (linear_cache, activation_cache)


@mistake("L_model_forward", "This looks like the hidden activation on the output layer too: the last layer uses "
                            "'sigmoid', so that AL is a probability.")
def no_sigmoid_output(X, parameters, hidden_activation="relu"):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden_activation)
        caches.append(cache)
    return A, caches


@mistake("L_model_forward", "This looks like 'relu' in every hidden layer: pass hidden_activation on to "
                            "linear_activation_forward.")
def forward_hidden_activation_ignored(X, parameters, hidden_activation="relu"):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


@mistake("L_model_forward", "This looks like the output layer's cache not appended: caches needs one entry per "
                            "layer, L in all.")
def output_cache_forgotten(X, parameters, hidden_activation="relu"):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden_activation)
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches


@mistake("L_model_forward", "This looks like L = len(parameters): the dict holds a W and a b per layer, so "
                            "L = len(parameters) // 2.")
def L_counts_every_key(X, parameters, hidden_activation="relu"):
    caches = []
    A = X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden_activation)
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


@mistake("compute_cost", "This looks like the sum of the losses without the division by m: the cost is their mean.")
def sum_not_mean(AL, Y):
    AL = np.clip(AL, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.squeeze(cost))


@mistake("compute_cost", "This looks like a cost returned as a (1, 1) array: return a Python float (float(...)).")
def cost_as_an_array(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, EPS, 1 - EPS)
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return cost


@mistake("compute_cost", "This looks like log(0) where AL is exactly 0 or 1: clip AL to [EPS, 1 - EPS] before "
                         "taking logs.")
def no_clipping(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(np.squeeze(cost))


@mistake("compute_cost", "This looks like the cost without its minus sign: the cross-entropy is -mean(...), "
                         "a positive number.")
def missing_minus_sign(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, EPS, 1 - EPS)
    cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(np.squeeze(cost))


# ------------------------------------------------------------------------------------ backward
@mistake("linear_backward", "This looks like dW and db without the factor 1/m: they average over the m examples.")
def missing_one_over_m(dZ, linear_cache):
    A_prev, W, b = linear_cache
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like dW without the factor 1/m, though db has it: dW averages over the m "
                            "examples too.")
def dW_without_one_over_m(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like db without the factor 1/m, though dW has it: db averages over the m "
                            "examples too.")
def db_without_one_over_m(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like db without keepdims=True: the sum over the examples must keep db of "
                            "shape (n_l, 1), the shape of b.")
def db_without_keepdims(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like dA_prev divided by m: only dW and db average over the examples, "
                            "dA_prev = W^T dZ keeps one column per example.")
def dA_prev_divided_by_m(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) / m
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like dW transposed, np.dot(A_prev, dZ.T): dW = dZ A_prev^T / m has the "
                            "shape of W.")
def dW_transposed(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(A_prev, dZ.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_backward", "This looks like db summed over the units (axis=0): sum over the examples, the "
                            "columns, axis=1.")
def db_over_the_wrong_axis(dZ, linear_cache):
    A_prev, W, b = linear_cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=0, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mistake("linear_activation_backward", "This looks like relu_backward whatever the activation: use the backward "
                                       "step of the activation you are given (BACKWARD[activation]).")
def always_relu_backward(dA, cache, activation):
    check_activation(activation)
    linear_cache, activation_cache = cache
    dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@mistake("linear_activation_backward", "This looks like the activation's backward step skipped: dA goes through "
                                       "it (BACKWARD[activation]) to give dZ before linear_backward.")
def activation_step_skipped(dA, cache, activation):
    check_activation(activation)
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)


@mistake("linear_activation_backward", "This looks like an if/else that sends 'tanh' to sigmoid_backward: each "
                                       "activation has its own backward step.")
def tanh_sent_to_sigmoid_backward(dA, cache, activation):
    check_activation(activation)
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@mistake("L_model_backward", "This looks like dAL with the wrong sign: check the minus sign in front of the "
                             "formula.")
def dAL_sign_flipped(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], hidden_activation)
    return grads


@mistake("L_model_backward", "This looks like 'relu' in every hidden layer: pass hidden_activation on to "
                             "linear_activation_backward.")
def backward_hidden_activation_ignored(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], "relu")
    return grads


@mistake("L_model_backward", "This looks like a loop that stops before layer 1: the backward pass goes down "
                             "through every hidden layer, so that dW1, db1 and dA0 exist.")
def loop_stops_before_layer_1(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 1, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], hidden_activation)
    return grads


@mistake("L_model_backward", "This looks like a division by an AL of exactly 0 or 1: keep the given line that "
                             "moves those entries by EPS before dAL.")
def divides_by_unclipped_AL(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], hidden_activation)
    return grads


@mistake("L_model_backward", "This looks like each layer's gradients stored under the next layer's number: layer "
                             "l's backward step gives dA{l-1}, dW{l} and db{l}.")
def keys_off_by_one(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        grads[f"dA{l}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l - 1], hidden_activation)
    return grads


@mistake("update_parameters", "This looks like an update in place (params[key] -= ...), which changes the "
                              "caller's arrays: build a new dict of new arrays.")
def updates_in_place(params, grads, learning_rate):
    L = len(params) // 2
    for l in range(1, L + 1):
        params[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        params[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return params


@mistake("update_parameters", "This looks like the biases updated with dW: b{l} takes db{l}.")
def b_updated_with_dW(params, grads, learning_rate):
    L = len(params) // 2
    new = {}
    for l in range(1, L + 1):
        new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"dW{l}"]
    return new


@mistake("update_parameters", "This looks like the biases left as they were: each b{l} also takes a step against "
                              "its gradient db{l}.")
def biases_not_updated(params, grads, learning_rate):
    L = len(params) // 2
    new = {}
    for l in range(1, L + 1):
        new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = params[f"b{l}"].copy()
    return new


@mistake("update_parameters", "This looks like the last layer left out of the update: update every layer, 1 to L "
                              "included.")
def last_layer_not_updated(params, grads, learning_rate):
    L = len(params) // 2
    new = dict(params)
    for l in range(1, L):
        new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return new


@mistake("update_parameters", "This looks like a step up the gradient: gradient descent subtracts the gradient, "
                              "scaled by learning_rate.")
def step_uphill(params, grads, learning_rate):
    L = len(params) // 2
    new = {}
    for l in range(1, L + 1):
        new[f"W{l}"] = params[f"W{l}"] + learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] = params[f"b{l}"] + learning_rate * grads[f"db{l}"]
    return new


# --------------------------------------------------------------------------------------- model
@mistake("L_layer_model", "This looks like a cost kept at every iteration: keep it every 100 iterations "
                          "(i % 100 == 0).")
def cost_kept_every_iteration(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                              rng=1):
    costs = []
    parameters = initialize_parameters_deep(layers_dims, rng)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
        if print_cost and i % 100 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters, costs


@mistake("L_layer_model", "This looks like a learning rate fixed at 0.0075: pass learning_rate on to "
                          "update_parameters.")
def learning_rate_hard_coded(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                             rng=1):
    costs = []
    parameters = initialize_parameters_deep(layers_dims, rng)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", "This looks like initial weights from a fixed seed: pass rng on to "
                          "initialize_parameters_deep.")
def rng_not_passed_on(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=1):
    costs = []
    parameters = initialize_parameters_deep(layers_dims, 1)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", "This looks like the parameters initialized again inside the loop, which undoes every "
                          "step: initialize once, before the loop.")
def initializes_inside_the_loop(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                                rng=1):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters_deep(layers_dims, rng)
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", "This looks like the cost computed after the update: iteration i records the cost of "
                          "the parameters before its step (forward, cost, backward, update).")
def cost_after_the_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                          rng=1):
    costs = []
    parameters = initialize_parameters_deep(layers_dims, rng)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        cost = compute_cost(L_model_forward(X, parameters)[0], Y)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("predict", "This looks like 'relu' in the hidden layers whatever the network was trained with: pass "
                    "hidden_activation on to L_model_forward.")
def hidden_activation_ignored_in_predict(parameters, X, hidden_activation="relu"):
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(np.float64)


@mistake("predict", "This looks like the probabilities returned as they are: threshold them, 1.0 where AL > 0.5.")
def returns_probabilities(parameters, X, hidden_activation="relu"):
    AL, _ = L_model_forward(X, parameters, hidden_activation)
    return AL


@mistake("predict", "This looks like a threshold at 0: AL is a probability, so the threshold is 0.5.")
def threshold_at_zero(parameters, X, hidden_activation="relu"):
    AL, _ = L_model_forward(X, parameters, hidden_activation)
    return (AL > 0).astype(np.float64)


@mistake("predict", "This looks like booleans returned: convert them with .astype(np.float64).")
def returns_booleans(parameters, X, hidden_activation="relu"):
    AL, _ = L_model_forward(X, parameters, hidden_activation)
    return AL > 0.5


# ----------------------------------------------------------------------------------- variants
@variant("compute_cost", "the cost as the (1, 1) array of the Deep Learning Specialization's np.dot form")
def cost_as_one_by_one_array(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, EPS, 1 - EPS)
    cost = (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    return float(np.squeeze(cost))


@variant("L_model_backward", "the Deep Learning Specialization's loop over reversed(range(L - 1)), with keys "
                             "built by str() and the textbook dAL")
def loop_as_in_the_specialization(AL, Y, caches, hidden_activation="relu"):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache,
                                                                    hidden_activation)
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
