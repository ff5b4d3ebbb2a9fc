"""Mistakes learners make in week3/shallow_nn.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake, patch, variant


# ------------------------------------------------------------------------------ layer_sizes
sizes_from_columns = patch("layer_sizes", "This looks like the sizes read from the number of columns: examples are "
    "columns, so a layer's size is the number of rows.",
    {"n_x = X.shape[0]\nn_y = Y.shape[0]": "n_x = X.shape[1]\nn_y = Y.shape[1]"})

hidden_size_hard_coded = patch("layer_sizes", "This looks like a hidden size fixed at 4: return the n_h you were "
    "given.",
    {"return int(n_x), int(n_h), int(n_y)": "return int(n_x), 4, int(n_y)"})

output_size_hard_coded = patch("layer_sizes", "This looks like an output size fixed at 1: read n_y from Y, which may "
    "have several rows.",
    {"n_y = Y.shape[0]": "n_y = 1"})

sizes_in_the_wrong_order = patch("layer_sizes", "This looks like the three sizes in the wrong order: return (n_x, "
    "n_h, n_y).",
    {"return int(n_x), int(n_h), int(n_y)": "return int(n_x), int(n_y), int(n_h)"})


# -------------------------------------------------------------------- initialize_parameters
@mistake("initialize_parameters", "This looks like W2 drawn before W1: draw W1 first, then W2, from the same rng.")
def W2_drawn_first(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


transposed_weights = patch("initialize_parameters", "This looks like transposed weights: W1 has shape (n_h, n_x) and "
    "W2 (n_y, n_h), one row per unit of the layer.",
    {"W1 = rng.standard_normal((n_h, n_x)) * 0.01\nb1 = np.zeros((n_h, 1))\n"
     "W2 = rng.standard_normal((n_y, n_h)) * 0.01\nb2 = np.zeros((n_y, 1))\n"
     'return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}':
      "W1 = rng.standard_normal((n_x, n_h)) * 0.01\nW2 = rng.standard_normal((n_h, n_y)) * 0.01\n"
      'return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}'})

weights_not_scaled = patch("initialize_parameters", "This looks like weights without the factor 0.01: the draws "
    "should be small, standard normal times 0.01.",
    {"W1 = rng.standard_normal((n_h, n_x)) * 0.01\nb1 = np.zeros((n_h, 1))\n"
     "W2 = rng.standard_normal((n_y, n_h)) * 0.01\nb2 = np.zeros((n_y, 1))\n"
     'return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}':
      "W1 = rng.standard_normal((n_h, n_x))\nW2 = rng.standard_normal((n_y, n_h))\n"
      'return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}'})

uniform_draws = patch("initialize_parameters", "This looks like uniform draws in [0, 1) (rng.random) where the "
    "weights are standard normal draws (rng.standard_normal), centred on 0.",
    {"W1 = rng.standard_normal((n_h, n_x)) * 0.01\nb1 = np.zeros((n_h, 1))\n"
     "W2 = rng.standard_normal((n_y, n_h)) * 0.01\nb2 = np.zeros((n_y, 1))\n"
     'return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}':
      "W1 = rng.random((n_h, n_x)) * 0.01\nW2 = rng.random((n_y, n_h)) * 0.01\n"
      'return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}'})

fixed_seed = patch("initialize_parameters", "This looks like a fixed seed: draw from np.random.default_rng(rng), the "
    "rng you were given.",
    {"rng = np.random.default_rng(rng)": "rng = np.random.default_rng(0)",
     "b1 = np.zeros((n_h, 1))": "",
     'b2 = np.zeros((n_y, 1))\nreturn {"W1": W1, "b1": b1, "W2": W2, "b2": b2}':
      'return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}'})

# ---------------------------------------------------------------------- forward_propagation
always_tanh = patch("forward_propagation", "This looks like a hidden layer that always uses tanh: apply the "
    "activation you are given (ReLU for 'relu').",
    {'A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(0.0, Z1)': "A1 = np.tanh(Z1)",
     'cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}\nreturn A2, cache':
      'return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'})

tanh_output = patch("forward_propagation", "This looks like tanh on the output layer: the output probabilities are "
    "sigmoid(Z2).",
    {'A2 = sigmoid(Z2)\ncache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}\nreturn A2, cache':
      'A2 = np.tanh(Z2)\nreturn A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'})

biases_forgotten = patch("forward_propagation", "This looks like the biases left out: both layers add their b to the "
    "matrix product.",
    {'W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]\nZ1 = np.dot(W1, X) + b1':
      'W1, W2 = parameters["W1"], parameters["W2"]\nZ1 = np.dot(W1, X)',
     "Z2 = np.dot(W2, A1) + b2": "Z2 = np.dot(W2, A1)",
     'cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}\nreturn A2, cache':
      'return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'})

output_layer_fed_Z1 = patch("forward_propagation", "This looks like the output layer fed with Z1 instead of A1: the "
    "second layer takes the hidden activations A1.",
    {'Z2 = np.dot(W2, A1) + b2\nA2 = sigmoid(Z2)\ncache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}\nreturn A2, cache':
      'Z2 = np.dot(W2, Z1) + b2\nA2 = sigmoid(Z2)\nreturn A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'})

elementwise_product = patch("forward_propagation", "This looks like '*' where a matrix product is meant: W1 * X "
    "multiplies elementwise; a layer needs np.dot.",
    {"Z1 = np.dot(W1, X) + b1": "Z1 = W1 * X + b1",
     "Z2 = np.dot(W2, A1) + b2": "Z2 = W2 * A1 + b2",
     'cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}\nreturn A2, cache':
      'return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'})

# ----------------------------------------------------------------------------- compute_cost
sum_not_mean = patch("compute_cost", "This looks like the sum of the losses without the division by m: the cost is "
    "their mean.",
    {"m = Y.shape[1]\nA2 = np.clip(A2, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m":
      "A2 = np.clip(A2, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))"})

cost_as_an_array = patch("compute_cost", "This looks like a cost returned as a (1, 1) array: return a Python float "
    "(float(...)).",
    {"cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m\nreturn float(np.squeeze(cost))":
      "cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m\nreturn cost"})

no_clipping = patch("compute_cost", "This looks like log(0) where A2 is exactly 0 or 1: clip A2 to [EPS, 1 - EPS] "
    "before taking logs.",
    {"A2 = np.clip(A2, EPS, 1 - EPS)": ""})

missing_minus_sign = patch("compute_cost", "This looks like the cost without its minus sign: the cross-entropy is "
    "-mean(...), a positive number.",
    {"cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m":
      "cost = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m"})

only_the_positive_term = patch("compute_cost", "This looks like only the Y log(A2) term: the loss also has (1 - Y) "
    "log(1 - A2) for the examples labelled 0.",
    {"cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m": "cost = -np.sum(Y * np.log(A2)) / m"})

# --------------------------------------------------------------------- backward_propagation
missing_one_over_m = patch("backward_propagation", "This looks like gradients without the factor 1/m: dW and db are "
    "means over the examples.",
    {"m = X.shape[1]": "",
     "dW2 = np.dot(dZ2, A1.T) / m\ndb2 = np.sum(dZ2, axis=1, keepdims=True) / m":
      "dW2 = np.dot(dZ2, A1.T)\ndb2 = np.sum(dZ2, axis=1, keepdims=True)",
     "dW1 = np.dot(dZ1, X.T) / m\ndb1 = np.sum(dZ1, axis=1, keepdims=True) / m":
      "dW1 = np.dot(dZ1, X.T)\ndb1 = np.sum(dZ1, axis=1, keepdims=True)"})

dW_without_one_over_m = patch("backward_propagation", "This looks like dW1 and dW2 without the factor 1/m, though db1 "
    "and db2 have it: every gradient is a mean over the examples.",
    {"dW2 = np.dot(dZ2, A1.T) / m": "dW2 = np.dot(dZ2, A1.T)", "dW1 = np.dot(dZ1, X.T) / m": "dW1 = np.dot(dZ1, X.T)"})

db_without_one_over_m = patch("backward_propagation", "This looks like db1 and db2 without the factor 1/m, though dW1 "
    "and dW2 have it: every gradient is a mean over the examples.",
    {"db2 = np.sum(dZ2, axis=1, keepdims=True) / m": "db2 = np.sum(dZ2, axis=1, keepdims=True)",
     "db1 = np.sum(dZ1, axis=1, keepdims=True) / m": "db1 = np.sum(dZ1, axis=1, keepdims=True)"})

tanh_derivative_from_Z1 = patch("backward_propagation", "This looks like tanh's derivative computed from Z1 (1 - Z1 "
    "** 2): the formula squares tanh(Z1), which the cache holds as A1.",
    {'g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)':
      'g_prime = 1 - Z1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)'})

always_tanh_derivative = patch("backward_propagation", "This looks like tanh's derivative used for every activation: "
    "for 'relu' it is 1 where Z1 > 0 and 0 elsewhere.",
    {'A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]': 'A1, A2 = cache["A1"], cache["A2"]',
     'g_prime = 1 - A1 ** 2 if activation == "tanh" else (Z1 > 0).astype(np.float64)\n'
     "dZ1 = np.dot(W2.T, dZ2) * g_prime": "dZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2)"})

db_without_keepdims = patch("backward_propagation", "This looks like db without keepdims=True: the sum over the "
    "examples must keep db of shape (n, 1), the shape of b.",
    {"db2 = np.sum(dZ2, axis=1, keepdims=True) / m": "db2 = np.sum(dZ2, axis=1) / m",
     "db1 = np.sum(dZ1, axis=1, keepdims=True) / m": "db1 = np.sum(dZ1, axis=1) / m"})

dW2_from_Z1 = patch("backward_propagation", "This looks like dW2 computed with Z1 in place of A1: the output layer's "
    "input is A1, so dW2 = dZ2 A1^T / m.",
    {"dW2 = np.dot(dZ2, A1.T) / m": "dW2 = np.dot(dZ2, Z1.T) / m"})

output_error_reversed = patch("backward_propagation", "This looks like the output error with the wrong sign (Y - A2): "
    "check the order in the formula of dZ2.",
    {"dZ2 = A2 - Y": "dZ2 = Y - A2"})

# ------------------------------------------------------------------------ update_parameters
updates_in_place = patch("update_parameters", "This looks like an update in place (parameters[key] -= ...), which "
    "changes the caller's arrays: build a new dict of new arrays.",
    {'new = {}\nfor key in ("W1", "b1", "W2", "b2"):\n'
     '    new[key] = parameters[key] - learning_rate * grads["d" + key]\nreturn new':
      'for key in ("W1", "b1", "W2", "b2"):\n    parameters[key] -= learning_rate * grads["d" + key]\n'
      "return parameters"})

step_uphill = patch("update_parameters", "This looks like a step up the gradient: gradient descent subtracts the "
    "gradient, scaled by learning_rate.",
    {'new[key] = parameters[key] - learning_rate * grads["d" + key]':
      'new[key] = parameters[key] + learning_rate * grads["d" + key]'})


@mistake("update_parameters", "This looks like the biases updated with the weights' gradients: b1 takes db1 and "
                              "b2 takes db2.")
def b_updated_with_dW(parameters, grads, learning_rate=1.2):
    return {"W1": parameters["W1"] - learning_rate * grads["dW1"],
            "b1": parameters["b1"] - learning_rate * grads["dW1"],
            "W2": parameters["W2"] - learning_rate * grads["dW2"],
            "b2": parameters["b2"] - learning_rate * grads["dW2"]}


learning_rate_hard_coded = patch("update_parameters", "This looks like a learning rate fixed at 1.2: use the "
    "learning_rate argument.",
    {'new[key] = parameters[key] - learning_rate * grads["d" + key]':
      'new[key] = parameters[key] - 1.2 * grads["d" + key]'})

# --------------------------------------------------------------------------------- nn_model
activation_not_passed_on = patch("nn_model", "This looks like the activation not passed on: forward_propagation and "
    "backward_propagation need the activation argument, or they use tanh.",
    {"A2, cache = forward_propagation(X, parameters, activation)": "A2, cache = forward_propagation(X, parameters)",
     "grads = backward_propagation(parameters, cache, X, Y, activation)":
      "grads = backward_propagation(parameters, cache, X, Y)"})

learning_rate_not_passed_on = patch("nn_model", "This looks like the learning rate not passed on to "
    "update_parameters, which then uses its default 1.2.",
    {"parameters = update_parameters(parameters, grads, learning_rate)":
      "parameters = update_parameters(parameters, grads)"})

rng_not_passed_on = patch("nn_model", "This looks like initial weights from a fixed seed: pass rng on to "
    "initialize_parameters.",
    {"parameters = initialize_parameters(n_x, n_h, n_y, rng)": "parameters = initialize_parameters(n_x, n_h, n_y, 3)"})

one_step_too_few = patch("nn_model", "This looks like one gradient step too few: the loop should run num_iterations "
    "times.",
    {"for i in range(num_iterations):": "for i in range(1, num_iterations):"})

n_h_not_passed_on = patch("nn_model", "This looks like a hidden layer of the default 4 units: pass n_h on to "
    "layer_sizes.",
    {"n_x, n_h, n_y = layer_sizes(X, Y, n_h)": "n_x, n_h, n_y = layer_sizes(X, Y)"})

# ---------------------------------------------------------------------------------- predict
returns_probabilities = patch("predict", "This looks like the probabilities returned as they are: threshold them, 1.0 "
    "where A2 > 0.5.",
    {"predictions = (A2 > 0.5).astype(np.float64)\nreturn predictions": "return A2"})

activation_not_passed_on_to_forward = patch("predict", "This looks like a forward pass with the default tanh: pass "
    "the activation on to forward_propagation.",
    {"A2, _ = forward_propagation(X, parameters, activation)\npredictions = (A2 > 0.5).astype(np.float64)\n"
     "return predictions": "A2, _ = forward_propagation(X, parameters)\nreturn (A2 > 0.5).astype(np.float64)"})


@mistake("predict", "This looks like the threshold applied to Z2: compare the probability A2 (not Z2) with 0.5.")
def thresholds_Z2(parameters, X, activation="tanh"):
    _, cache = forward_propagation(X, parameters, activation)
    return (cache["Z2"] > 0.5).astype(np.float64)


returns_booleans = patch("predict", "This looks like booleans returned: convert them with .astype(np.float64).",
    {"predictions = (A2 > 0.5).astype(np.float64)\nreturn predictions": "return A2 > 0.5"})

# ----------------------------------------------------------------------------------- variants
cost_as_one_by_one_array = variant("compute_cost", "the cost as the (1, 1) array of the np.dot form",
    {"cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m":
      "cost = -1 / m * (np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T))"})
