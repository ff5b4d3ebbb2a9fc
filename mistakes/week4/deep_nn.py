"""Mistakes learners make in week4/deep_nn.py (see grader/tools/mistakes.py)."""
from grader.tools.mistakes import patch, variant


# ------------------------------------------------------------------- activation backward steps
derivative_from_Z = patch("sigmoid_backward", "This looks like sigma'(Z) computed as Z * (1 - Z): the derivative is s "
    "(1 - s) with s the sigmoid of Z, not Z itself.",
    {"s, _ = sigmoid(Z)\ndZ = dA * s * (1 - s)": "dZ = dA * Z * (1 - Z)"})

forgets_dA = patch("sigmoid_backward", "This looks like the local derivative s * (1 - s) alone: multiply it by the "
    "incoming gradient dA (chain rule).",
    {"dZ = dA * s * (1 - s)": "dZ = s * (1 - s)"})

denominator_not_squared = patch("sigmoid_backward", "This looks like sigma'(Z) = e^{-Z} / (1 + e^{-Z}) with the "
    "square of the denominator missing: write it with s = sigmoid(Z) as s (1 - s).",
    {"s, _ = sigmoid(Z)\ndZ = dA * s * (1 - s)": "dZ = dA * np.exp(-Z) / (1 + np.exp(-Z))"})

modifies_dA_in_place = patch("relu_backward", "This looks like dA changed in place (dA[Z <= 0] = 0): copy it first, "
    "or the caller's gradient is modified.",
    {"dZ = np.array(dA, dtype=np.float64)\ndZ[Z <= 0] = 0.0\nreturn dZ": "dA[Z <= 0] = 0.0\nreturn dA"})

keeps_the_gradient_at_zero = patch("relu_backward", "This looks like dZ kept where Z == 0: the convention is dZ = 0 "
    "wherever Z <= 0.",
    {"dZ[Z <= 0] = 0.0": "dZ[Z < 0] = 0.0"})

mask_without_dA = patch("relu_backward", "This looks like ReLU's derivative (the 0/1 mask) without dA: dZ is dA where "
    "Z > 0.",
    {"dZ = np.array(dA, dtype=np.float64)\ndZ[Z <= 0] = 0.0": "dZ = (Z > 0).astype(np.float64)"})

mask_from_dA = patch("relu_backward", "This looks like a mask taken from dA: which entries pass depends on the sign "
    "of Z (the cache), not of dA.",
    {"dZ = np.array(dA, dtype=np.float64)\ndZ[Z <= 0] = 0.0": "dZ = np.where(dA > 0, dA, 0.0)"})

derivative_from_Z_squared = patch("tanh_backward", "This looks like 1 - Z ** 2: tanh's derivative squares tanh(Z), "
    "not Z, so apply np.tanh to the cache first.",
    {"t = np.tanh(Z)\ndZ = dA * (1 - t ** 2)": "dZ = dA * (1 - Z ** 2)"})

square_outside_the_bracket = patch("tanh_backward", "This looks like (1 - tanh(Z)) ** 2: the square applies to "
    "tanh(Z) alone, before the subtraction.",
    {"dZ = dA * (1 - t ** 2)": "dZ = dA * (1 - t) ** 2"})

tanh_forgets_dA = patch("tanh_backward", "This looks like the local derivative 1 - tanh(Z) ** 2 alone: multiply it by "
    "the incoming gradient dA.",
    {"dZ = dA * (1 - t ** 2)": "dZ = 1 - t ** 2"})

# ---------------------------------------------------------------------------------- parameters
scaled_by_0_01 = patch("initialize_parameters_deep", "This looks like weights scaled by 0.01 (week 3): here each W{l} "
    "is divided by np.sqrt(n_{l-1}), the size of the previous layer.",
    {"L = len(layer_dims) - 1\nfor l in range(1, L + 1):\n"
     '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])':
      "for l in range(1, len(layer_dims)):\n"
      '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01'})

scaled_by_own_size = patch("initialize_parameters_deep", "This looks like weights divided by the square root of the "
    "layer's own size: divide by the square root of the previous layer's size, layer_dims[l - 1].",
    {"L = len(layer_dims) - 1\nfor l in range(1, L + 1):\n"
     '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])':
      "for l in range(1, len(layer_dims)):\n"
      '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l])'})

last_layer_missing = patch("initialize_parameters_deep", "This looks like the last layer left out: with L = "
    "len(layer_dims) - 1 the loop must cover every layer, 1 to L included.",
    {"for l in range(1, L + 1):": "for l in range(1, L):"})

transposed_weights = patch("initialize_parameters_deep", "This looks like transposed weights: W{l} has shape (n_l, "
    "n_{l-1}), (layer_dims[l], layer_dims[l - 1]).",
    {"L = len(layer_dims) - 1\nfor l in range(1, L + 1):\n"
     '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])':
      "for l in range(1, len(layer_dims)):\n"
      '    parameters[f"W{l}"] = rng.standard_normal((layer_dims[l - 1], layer_dims[l])) / np.sqrt(layer_dims[l - 1])'})

# ------------------------------------------------------------------------------------- forward
bias_forgotten = patch("linear_forward", "This looks like the bias left out: the linear step adds b to the matrix "
    "product.",
    {"Z = np.dot(W, A) + b\nlinear_cache = (A, W, b)\nreturn Z, linear_cache": "Z = np.dot(W, A)\nreturn Z, (A, W, b)"})

product_transposed = patch("linear_forward", "This looks like the product taken the wrong way round, np.dot(A.T, "
    "W.T), which is Z transposed: W comes first, and Z has shape (n_l, m).",
    {"Z = np.dot(W, A) + b\nlinear_cache = (A, W, b)\nreturn Z, linear_cache":
      "Z = np.dot(A.T, W.T) + b.T\nreturn Z, (A, W, b)"})

cache_in_the_wrong_order = patch("linear_forward", "This looks like a linear cache in the wrong order: keep (A, W, "
    "b), as linear_backward unpacks it.",
    {"linear_cache = (A, W, b)\nreturn Z, linear_cache": "return Z, (W, A, b)"})

elementwise_product = patch("linear_forward", "This looks like '*' where a matrix product is meant: W * A multiplies "
    "elementwise; a layer needs np.dot.",
    {"Z = np.dot(W, A) + b\nlinear_cache = (A, W, b)\nreturn Z, linear_cache": "Z = W * A + b\nreturn Z, (A, W, b)"})

always_relu = patch("linear_activation_forward", "This looks like ReLU applied whatever the activation: use the "
    "activation named by the argument (FORWARD[activation]).",
    {"A, activation_cache = FORWARD[activation](Z)\ncache = (linear_cache, activation_cache)\nreturn A, cache":
      "A, activation_cache = relu(Z)\nreturn A, (linear_cache, activation_cache)"})

caches_A_not_Z = patch("linear_activation_forward", "This looks like A stored as the activation cache: the backward "
    "step needs Z there, cache = (linear_cache, Z).",
    {"A, activation_cache = FORWARD[activation](Z)\ncache = (linear_cache, activation_cache)\nreturn A, cache":
      "A, _ = FORWARD[activation](Z)\nreturn A, (linear_cache, A)"})

A_instead_of_A_prev_in_cache = patch("linear_activation_forward", "This looks like the output A in the linear cache: "
    "it must hold the layer's input, (A_prev, W, b).",
    {"Z, linear_cache = linear_forward(A_prev, W, b)": "Z, _ = linear_forward(A_prev, W, b)",
     "cache = (linear_cache, activation_cache)\nreturn A, cache": "return A, ((A, W, b), activation_cache)"})

returns_Z_as_A = patch("linear_activation_forward", "This looks like the activation returned without the linear step: "
    "A = g(Z) with Z = W A_prev + b, not Z itself.",
    {"A, activation_cache = FORWARD[activation](Z)\ncache = (linear_cache, activation_cache)\nreturn A, cache":
      "_, activation_cache = FORWARD[activation](Z)\nreturn Z, (linear_cache, activation_cache)"})

no_sigmoid_output = patch("L_model_forward", "This looks like the hidden activation on the output layer too: the last "
    "layer uses 'sigmoid', so that AL is a probability.",
    {"for l in range(1, L):": "for l in range(1, L + 1):",
     'AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")\n'
     "caches.append(cache)\nreturn AL, caches": "return A, caches"})

forward_hidden_activation_ignored = patch("L_model_forward", "This looks like 'relu' in every hidden layer: pass "
    "hidden_activation on to linear_activation_forward.",
    {'A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden_activation)':
      'A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")'})

output_cache_forgotten = patch("L_model_forward", "This looks like the output layer's cache not appended: caches "
    "needs one entry per layer, L in all.",
    {"caches.append(cache)\nreturn AL, caches": "return AL, caches"})

L_counts_every_key = patch("L_model_forward", "This looks like L = len(parameters): the dict holds a W and a b per "
    "layer, so L = len(parameters) // 2.",
    {"L = len(parameters) // 2": "L = len(parameters)"})

sum_not_mean = patch("compute_cost", "This looks like the sum of the losses without the division by m: the cost is "
    "their mean.",
    {"m = Y.shape[1]\nAL = np.clip(AL, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m":
      "AL = np.clip(AL, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))"})

cost_as_an_array = patch("compute_cost", "This looks like a cost returned as a (1, 1) array: return a Python float "
    "(float(...)).",
    {"cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m\nreturn float(np.squeeze(cost))":
      "cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m\nreturn cost"})

no_clipping = patch("compute_cost", "This looks like log(0) where AL is exactly 0 or 1: clip AL to [EPS, 1 - EPS] "
    "before taking logs.",
    {"AL = np.clip(AL, EPS, 1 - EPS)": ""})

missing_minus_sign = patch("compute_cost", "This looks like the cost without its minus sign: the cross-entropy is "
    "-mean(...), a positive number.",
    {"cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m":
      "cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"})

# ------------------------------------------------------------------------------------ backward
missing_one_over_m = patch("linear_backward", "This looks like dW and db without the factor 1/m: they average over "
    "the m examples.",
    {"m = A_prev.shape[1]\ndW = np.dot(dZ, A_prev.T) / m\ndb = np.sum(dZ, axis=1, keepdims=True) / m":
      "dW = np.dot(dZ, A_prev.T)\ndb = np.sum(dZ, axis=1, keepdims=True)"})

dW_without_one_over_m = patch("linear_backward", "This looks like dW without the factor 1/m, though db has it: dW "
    "averages over the m examples too.",
    {"dW = np.dot(dZ, A_prev.T) / m": "dW = np.dot(dZ, A_prev.T)"})

db_without_one_over_m = patch("linear_backward", "This looks like db without the factor 1/m, though dW has it: db "
    "averages over the m examples too.",
    {"db = np.sum(dZ, axis=1, keepdims=True) / m": "db = np.sum(dZ, axis=1, keepdims=True)"})

db_without_keepdims = patch("linear_backward", "This looks like db without keepdims=True: the sum over the examples "
    "must keep db of shape (n_l, 1), the shape of b.",
    {"db = np.sum(dZ, axis=1, keepdims=True) / m": "db = np.sum(dZ, axis=1) / m"})

dA_prev_divided_by_m = patch("linear_backward", "This looks like dA_prev divided by m: only dW and db average over "
    "the examples, dA_prev = W^T dZ keeps one column per example.",
    {"dA_prev = np.dot(W.T, dZ)": "dA_prev = np.dot(W.T, dZ) / m"})

dW_transposed = patch("linear_backward", "This looks like dW transposed, np.dot(A_prev, dZ.T): dW = dZ A_prev^T / m "
    "has the shape of W.",
    {"dW = np.dot(dZ, A_prev.T) / m": "dW = np.dot(A_prev, dZ.T) / m"})

db_over_the_wrong_axis = patch("linear_backward", "This looks like db summed over the units (axis=0): sum over the "
    "examples, the columns, axis=1.",
    {"db = np.sum(dZ, axis=1, keepdims=True) / m": "db = np.sum(dZ, axis=0, keepdims=True) / m"})

always_relu_backward = patch("linear_activation_backward", "This looks like relu_backward whatever the activation: "
    "use the backward step of the activation you are given (BACKWARD[activation]).",
    {"dZ = BACKWARD[activation](dA, activation_cache)\ndA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
     "return dA_prev, dW, db": "dZ = relu_backward(dA, activation_cache)\nreturn linear_backward(dZ, linear_cache)"})

activation_step_skipped = patch("linear_activation_backward", "This looks like the activation's backward step "
    "skipped: dA goes through it (BACKWARD[activation]) to give dZ before linear_backward.",
    {"dZ = BACKWARD[activation](dA, activation_cache)\ndA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
     "return dA_prev, dW, db": "return linear_backward(dA, linear_cache)"})

tanh_sent_to_sigmoid_backward = patch("linear_activation_backward", "This looks like an if/else that sends 'tanh' to "
    "sigmoid_backward: each activation has its own backward step.",
    {"dZ = BACKWARD[activation](dA, activation_cache)\ndA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
     "return dA_prev, dW, db":
      'if activation == "relu":\n    dZ = relu_backward(dA, activation_cache)\nelse:\n'
      "    dZ = sigmoid_backward(dA, activation_cache)\nreturn linear_backward(dZ, linear_cache)"})

dAL_sign_flipped = patch("L_model_backward", "This looks like dAL with the wrong sign: check the minus sign in front "
    "of the formula.",
    {"dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))": "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)",
     'dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(\n'
      '    grads[f"dA{l}"], caches[l - 1], hidden_activation)'})

backward_hidden_activation_ignored = patch("L_model_backward", "This looks like 'relu' in every hidden layer: pass "
    "hidden_activation on to linear_activation_backward.",
    {'dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(\n'
      '    grads[f"dA{l}"], caches[l - 1], "relu")'})

loop_stops_before_layer_1 = patch("L_model_backward", "This looks like a loop that stops before layer 1: the backward "
    "pass goes down through every hidden layer, so that dW1, db1 and dA0 exist.",
    {"for l in range(L - 1, 0, -1):\n"
     '    dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     '    grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      "for l in range(L - 1, 1, -1):\n"
      '    grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(\n'
      '        grads[f"dA{l}"], caches[l - 1], hidden_activation)'})

divides_by_unclipped_AL = patch("L_model_backward", "This looks like a division by an AL of exactly 0 or 1: keep the "
    "given line that moves those entries by EPS before dAL.",
    {"AL = np.where(AL == 0.0, EPS, np.where(AL == 1.0, 1 - EPS, AL))": "",
     'dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(\n'
      '    grads[f"dA{l}"], caches[l - 1], hidden_activation)'})

keys_off_by_one = patch("L_model_backward", "This looks like each layer's gradients stored under the next layer's "
    "number: layer l's backward step gives dA{l-1}, dW{l} and db{l}.",
    {'grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], '
     '"sigmoid")':
      'grads[f"dA{L}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")',
     'dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      'grads[f"dA{l}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(\n'
      '    grads[f"dA{l + 1}"], caches[l - 1], hidden_activation)'})

updates_in_place = patch("update_parameters", "This looks like an update in place (params[key] -= ...), which changes "
    "the caller's arrays: build a new dict of new arrays.",
    {'new = {}\nfor l in range(1, L + 1):\n    new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]\n'
     '    new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]\nreturn new':
      'for l in range(1, L + 1):\n    params[f"W{l}"] -= learning_rate * grads[f"dW{l}"]\n'
      '    params[f"b{l}"] -= learning_rate * grads[f"db{l}"]\nreturn params'})

b_updated_with_dW = patch("update_parameters", "This looks like the biases updated with dW: b{l} takes db{l}.",
    {'new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]':
      'new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"dW{l}"]'})

biases_not_updated = patch("update_parameters", "This looks like the biases left as they were: each b{l} also takes a "
    "step against its gradient db{l}.",
    {'new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]': 'new[f"b{l}"] = params[f"b{l}"].copy()'})

last_layer_not_updated = patch("update_parameters", "This looks like the last layer left out of the update: update "
    "every layer, 1 to L included.",
    {"new = {}\nfor l in range(1, L + 1):": "new = dict(params)\nfor l in range(1, L):"})

step_uphill = patch("update_parameters", "This looks like a step up the gradient: gradient descent subtracts the "
    "gradient, scaled by learning_rate.",
    {'new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]\n'
     'new[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]':
      'new[f"W{l}"] = params[f"W{l}"] + learning_rate * grads[f"dW{l}"]\n'
      'new[f"b{l}"] = params[f"b{l}"] + learning_rate * grads[f"db{l}"]'})

# --------------------------------------------------------------------------------------- model
cost_kept_every_iteration = patch("L_layer_model", "This looks like a cost kept at every iteration: keep it every 100 "
    "iterations (i % 100 == 0).",
    {"if i % 100 == 0:\n    costs.append(cost)\n    if print_cost:":
      "costs.append(cost)\nif print_cost and i % 100 == 0:"})

learning_rate_hard_coded = patch("L_layer_model", "This looks like a learning rate fixed at 0.0075: pass "
    "learning_rate on to update_parameters.",
    {"parameters = update_parameters(parameters, grads, learning_rate)":
      "parameters = update_parameters(parameters, grads, 0.0075)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

rng_not_passed_on = patch("L_layer_model", "This looks like initial weights from a fixed seed: pass rng on to "
    "initialize_parameters_deep.",
    {"parameters = initialize_parameters_deep(layers_dims, rng)":
      "parameters = initialize_parameters_deep(layers_dims, 1)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

initializes_inside_the_loop = patch("L_layer_model", "This looks like the parameters initialized again inside the "
    "loop, which undoes every step: initialize once, before the loop.",
    {"parameters = initialize_parameters_deep(layers_dims, rng)\nfor i in range(num_iterations):":
      "for i in range(num_iterations):\n    parameters = initialize_parameters_deep(layers_dims, rng)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

cost_after_the_update = patch("L_layer_model", "This looks like the cost computed after the update: iteration i "
    "records the cost of the parameters before its step (forward, cost, backward, update).",
    {"cost = compute_cost(AL, Y)": "",
     "if i % 100 == 0:": "cost = compute_cost(L_model_forward(X, parameters)[0], Y)\nif i % 100 == 0:",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

hidden_activation_ignored_in_predict = patch("predict", "This looks like 'relu' in the hidden layers whatever the "
    "network was trained with: pass hidden_activation on to L_model_forward.",
    {"AL, _ = L_model_forward(X, parameters, hidden_activation)\npredictions = (AL > 0.5).astype(np.float64)\n"
     "return predictions": "AL, _ = L_model_forward(X, parameters)\nreturn (AL > 0.5).astype(np.float64)"})

returns_probabilities = patch("predict", "This looks like the probabilities returned as they are: threshold them, 1.0 "
    "where AL > 0.5.",
    {"predictions = (AL > 0.5).astype(np.float64)\nreturn predictions": "return AL"})

threshold_at_zero = patch("predict", "This looks like a threshold at 0: AL is a probability, so the threshold is 0.5.",
    {"predictions = (AL > 0.5).astype(np.float64)\nreturn predictions": "return (AL > 0).astype(np.float64)"})

returns_booleans = patch("predict", "This looks like booleans returned: convert them with .astype(np.float64).",
    {"predictions = (AL > 0.5).astype(np.float64)\nreturn predictions": "return AL > 0.5"})

# ----------------------------------------------------------------------------------- variants
cost_as_one_by_one_array = variant("compute_cost", "the cost as the (1, 1) array of the Deep Learning "
    "Specialization's np.dot form",
    {"cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m":
      "cost = (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))"})

loop_as_in_the_specialization = variant("L_model_backward", "the Deep Learning Specialization's loop over "
    "reversed(range(L - 1)), with keys built by str() and the textbook dAL",
    {"dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))\n"
     'grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], '
     '"sigmoid")\n'
     "for l in range(L - 1, 0, -1):\n"
     '    dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], hidden_activation)\n'
     '    grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db':
      "dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))\ncurrent_cache = caches[L - 1]\n"
      'dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")\n'
      'grads["dA" + str(L - 1)] = dA_prev_temp\ngrads["dW" + str(L)] = dW_temp\ngrads["db" + str(L)] = db_temp\n'
      "for l in reversed(range(L - 1)):\n    current_cache = caches[l]\n"
      '    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache,\n'
      "                                                                hidden_activation)\n"
      '    grads["dA" + str(l)] = dA_prev_temp\n    grads["dW" + str(l + 1)] = dW_temp\n'
      '    grads["db" + str(l + 1)] = db_temp'})
