"""Mistakes learners make in week3/shallow_nn.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake, variant


# ------------------------------------------------------------------------------ layer_sizes
@mistake("layer_sizes", "This looks like the sizes read from the number of columns: examples are columns, so a "
                        "layer's size is the number of rows.")
def sizes_from_columns(X, Y, n_h=4):
    n_x = X.shape[1]
    n_y = Y.shape[1]
    return int(n_x), int(n_h), int(n_y)


@mistake("layer_sizes", "This looks like a hidden size fixed at 4: return the n_h you were given.")
def hidden_size_hard_coded(X, Y, n_h=4):
    n_x = X.shape[0]
    n_y = Y.shape[0]
    return int(n_x), 4, int(n_y)


@mistake("layer_sizes", "This looks like an output size fixed at 1: read n_y from Y, which may have several rows.")
def output_size_hard_coded(X, Y, n_h=4):
    n_x = X.shape[0]
    n_y = 1
    return int(n_x), int(n_h), int(n_y)


@mistake("layer_sizes", "This looks like the three sizes in the wrong order: return (n_x, n_h, n_y).")
def sizes_in_the_wrong_order(X, Y, n_h=4):
    n_x = X.shape[0]
    n_y = Y.shape[0]
    return int(n_x), int(n_y), int(n_h)


# -------------------------------------------------------------------- initialize_parameters
@mistake("initialize_parameters", "This looks like W2 drawn before W1: draw W1 first, then W2, from the same rng.")
def W2_drawn_first(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "This looks like transposed weights: W1 has shape (n_h, n_x) and W2 (n_y, n_h), "
                                  "one row per unit of the layer.")
def transposed_weights(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W1 = rng.standard_normal((n_x, n_h)) * 0.01
    W2 = rng.standard_normal((n_h, n_y)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "This looks like weights without the factor 0.01: the draws should be small, "
                                  "standard normal times 0.01.")
def weights_not_scaled(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W1 = rng.standard_normal((n_h, n_x))
    W2 = rng.standard_normal((n_y, n_h))
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "This looks like uniform draws in [0, 1) (rng.random) where the weights are "
                                  "standard normal draws (rng.standard_normal), centred on 0.")
def uniform_draws(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W1 = rng.random((n_h, n_x)) * 0.01
    W2 = rng.random((n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "This looks like a fixed seed: draw from np.random.default_rng(rng), the rng you "
                                  "were given.")
def fixed_seed(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(0)
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


# ---------------------------------------------------------------------- forward_propagation
@mistake("forward_propagation", "This looks like a hidden layer that always uses tanh: apply the activation you "
                                "are given (ReLU for 'relu').")
def always_tanh(X, parameters, activation="tanh"):
    check_activation(activation)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "This looks like tanh on the output layer: the output probabilities are "
                                "sigmoid(Z2).")
def tanh_output(X, parameters, activation="tanh"):
    check_activation(activation)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = np.tanh(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "This looks like the biases left out: both layers add their b to the matrix "
                                "product.")
def biases_forgotten(X, parameters, activation="tanh"):
    check_activation(activation)
    W1, W2 = parameters["W1"], parameters["W2"]
    Z1 = np.dot(W1, X)
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)
    Z2 = np.dot(W2, A1)
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "This looks like the output layer fed with Z1 instead of A1: the second layer "
                                "takes the hidden activations A1.")
def output_layer_fed_Z1(X, parameters, activation="tanh"):
    check_activation(activation)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)
    Z2 = np.dot(W2, Z1) + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "This looks like '*' where a matrix product is meant: W1 * X multiplies "
                                "elementwise; a layer needs np.dot.")
def elementwise_product(X, parameters, activation="tanh"):
    check_activation(activation)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = W1 * X + b1
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)
    Z2 = W2 * A1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


# ----------------------------------------------------------------------------- compute_cost
@mistake("compute_cost", "This looks like the sum of the losses without the division by m: the cost is their mean.")
def sum_not_mean(A2, Y):
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return float(np.squeeze(cost))


@mistake("compute_cost", "This looks like a cost returned as a (1, 1) array: return a Python float (float(...)).")
def cost_as_an_array(A2, Y):
    m = Y.shape[1]
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    return cost


@mistake("compute_cost", "This looks like log(0) where A2 is exactly 0 or 1: clip A2 to [EPS, 1 - EPS] before "
                         "taking logs.")
def no_clipping(A2, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    return float(np.squeeze(cost))


@mistake("compute_cost", "This looks like the cost without its minus sign: the cross-entropy is -mean(...), "
                         "a positive number.")
def missing_minus_sign(A2, Y):
    m = Y.shape[1]
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    return float(np.squeeze(cost))


@mistake("compute_cost", "This looks like only the Y log(A2) term: the loss also has (1 - Y) log(1 - A2) for the "
                         "examples labelled 0.")
def only_the_positive_term(A2, Y):
    m = Y.shape[1]
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(A2)) / m
    return float(np.squeeze(cost))


# --------------------------------------------------------------------- backward_propagation
@mistake("backward_propagation", "This looks like gradients without the factor 1/m: dW and db are means over the "
                                 "examples.")
def missing_one_over_m(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like dW1 and dW2 without the factor 1/m, though db1 and db2 have it: "
                                 "every gradient is a mean over the examples.")
def dW_without_one_over_m(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like db1 and db2 without the factor 1/m, though dW1 and dW2 have it: "
                                 "every gradient is a mean over the examples.")
def db_without_one_over_m(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like tanh's derivative computed from Z1 (1 - Z1 ** 2): the formula "
                                 "squares tanh(Z1), which the cache holds as A1.")
def tanh_derivative_from_Z1(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    g_prime = 1 - Z1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like tanh's derivative used for every activation: for 'relu' it is 1 "
                                 "where Z1 > 0 and 0 elsewhere.")
def always_tanh_derivative(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like db without keepdims=True: the sum over the examples must keep "
                                 "db of shape (n, 1), the shape of b.")
def db_without_keepdims(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1) / m
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like dW2 computed with Z1 in place of A1: the output layer's input is "
                                 "A1, so dW2 = dZ2 A1^T / m.")
def dW2_from_Z1(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, Z1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@mistake("backward_propagation", "This looks like the output error with the wrong sign (Y - A2): check the order "
                                 "in the formula of dZ2.")
def output_error_reversed(parameters, cache, X, Y, activation="tanh"):
    check_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = Y - A2
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# ------------------------------------------------------------------------ update_parameters
@mistake("update_parameters", "This looks like an update in place (parameters[key] -= ...), which changes the "
                              "caller's arrays: build a new dict of new arrays.")
def updates_in_place(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


@mistake("update_parameters", "This looks like a step up the gradient: gradient descent subtracts the gradient, "
                              "scaled by learning_rate.")
def step_uphill(parameters, grads, learning_rate=1.2):
    new = {}
    for key in ("W1", "b1", "W2", "b2"):
        new[key] = parameters[key] + learning_rate * grads["d" + key]
    return new


@mistake("update_parameters", "This looks like the biases updated with the weights' gradients: b1 takes db1 and "
                              "b2 takes db2.")
def b_updated_with_dW(parameters, grads, learning_rate=1.2):
    return {"W1": parameters["W1"] - learning_rate * grads["dW1"],
            "b1": parameters["b1"] - learning_rate * grads["dW1"],
            "W2": parameters["W2"] - learning_rate * grads["dW2"],
            "b2": parameters["b2"] - learning_rate * grads["dW2"]}


@mistake("update_parameters", "This looks like a learning rate fixed at 1.2: use the learning_rate argument.")
def learning_rate_hard_coded(parameters, grads, learning_rate=1.2):
    new = {}
    for key in ("W1", "b1", "W2", "b2"):
        new[key] = parameters[key] - 1.2 * grads["d" + key]
    return new


# --------------------------------------------------------------------------------- nn_model
@mistake("nn_model", "This looks like the activation not passed on: forward_propagation and backward_propagation "
                     "need the activation argument, or they use tanh.")
def activation_not_passed_on(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
                             print_cost=False):
    check_activation(activation)
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


@mistake("nn_model", "This looks like the learning rate not passed on to update_parameters, which then uses its "
                     "default 1.2.")
def learning_rate_not_passed_on(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
                                print_cost=False):
    check_activation(activation)
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


@mistake("nn_model", "This looks like initial weights from a fixed seed: pass rng on to initialize_parameters.")
def rng_not_passed_on(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
                      print_cost=False):
    check_activation(activation)
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, 3)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


@mistake("nn_model", "This looks like one gradient step too few: the loop should run num_iterations times.")
def one_step_too_few(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
                     print_cost=False):
    check_activation(activation)
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    for i in range(1, num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


@mistake("nn_model", "This looks like a hidden layer of the default 4 units: pass n_h on to layer_sizes.")
def n_h_not_passed_on(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh", rng=3,
                      print_cost=False):
    check_activation(activation)
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y, rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


# ---------------------------------------------------------------------------------- predict
@mistake("predict", "This looks like the probabilities returned as they are: threshold them, 1.0 where A2 > 0.5.")
def returns_probabilities(parameters, X, activation="tanh"):
    A2, _ = forward_propagation(X, parameters, activation)
    return A2


@mistake("predict", "This looks like a forward pass with the default tanh: pass the activation on to "
                    "forward_propagation.")
def activation_not_passed_on_to_forward(parameters, X, activation="tanh"):
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(np.float64)


@mistake("predict", "This looks like the threshold applied to Z2: compare the probability A2 (not Z2) with 0.5.")
def thresholds_Z2(parameters, X, activation="tanh"):
    _, cache = forward_propagation(X, parameters, activation)
    return (cache["Z2"] > 0.5).astype(np.float64)


@mistake("predict", "This looks like booleans returned: convert them with .astype(np.float64).")
def returns_booleans(parameters, X, activation="tanh"):
    A2, _ = forward_propagation(X, parameters, activation)
    return A2 > 0.5


# ----------------------------------------------------------------------------------- variants
@variant("compute_cost", "the cost as the (1, 1) array of the np.dot form")
def cost_as_one_by_one_array(A2, Y):
    m = Y.shape[1]
    A2 = np.clip(A2, EPS, 1 - EPS)
    cost = -1 / m * (np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T))
    return float(np.squeeze(cost))
