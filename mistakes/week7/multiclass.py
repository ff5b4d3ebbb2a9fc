"""Mistakes learners make in week7/multiclass.py (see grader/tools/mistakes.py).

Each entry replaces one graded function in the reference module, so its body uses that module's
names: ``np``, ``EPS`` and the given ``linear_forward``, ``linear_backward``, ``relu``,
``relu_backward``, plus the module's own ``softmax``, ``softmax_backward``...
"""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------------------------- one_hot
one_row_per_example = patch("one_hot", "This looks like one row per example, shape (m, C): examples are columns here, "
    "so Y must have C rows and m columns.",
    {"Y = np.zeros((C, m))\nY[y, np.arange(m)] = 1.0": "Y = np.zeros((m, C))\nY[np.arange(m), y] = 1.0"})

classes_counted_from_the_labels = patch("one_hot", "This looks like the number of rows taken from the largest label "
    "instead of C: a class that no example has still needs its row.",
    {"Y = np.zeros((C, m))": "Y = np.zeros((y.max() + 1, m))"})

whole_rows_set = patch("one_hot", "This looks like Y[y] = 1 (or Y[y, :]), which fills whole rows with ones: each "
    "column needs a single 1, in row y[i] of column i.",
    {"Y[y, np.arange(m)] = 1.0": "Y[y] = 1.0"})

class_zero_skipped = patch("one_hot", "This looks like a loop over the classes that starts at 1: the examples of "
    "class 0 get no 1 in their column.",
    {"Y[y, np.arange(m)] = 1.0": "for k in range(1, C):\n    Y[k, y == k] = 1.0"})

integer_matrix = patch("one_hot", "This looks like an integer matrix (dtype=int): the one-hot matrix must hold floats.",
    {"Y = np.zeros((C, m))\nY[y, np.arange(m)] = 1.0": "Y = np.zeros((C, m), dtype=np.int64)\nY[y, np.arange(m)] = 1"})

# ------------------------------------------------------------------------------------- softmax
softmax_over_rows = patch("softmax", "This looks like a softmax over the rows (axis=1), as in week 1: here each "
    "column is one example, so the maximum and the sum are taken over axis=0.",
    {"E = np.exp(Z - np.max(Z, axis=0, keepdims=True))\nA = E / np.sum(E, axis=0, keepdims=True)\nreturn A":
      "E = np.exp(Z - np.max(Z, axis=1, keepdims=True))\nreturn E / np.sum(E, axis=1, keepdims=True)"})

softmax_without_shift = patch("softmax", "This looks like a softmax that does not subtract each column's maximum "
    "first: np.exp overflows to inf for large scores, giving NaN.",
    {"E = np.exp(Z - np.max(Z, axis=0, keepdims=True))\nA = E / np.sum(E, axis=0, keepdims=True)\nreturn A":
      "E = np.exp(Z)\nreturn E / np.sum(E, axis=0, keepdims=True)"})

shift_by_the_global_maximum = patch("softmax", "This looks like the maximum of the whole matrix subtracted from every "
    "score: a column far below it underflows to 0 / 0, so subtract each column's own maximum.",
    {"E = np.exp(Z - np.max(Z, axis=0, keepdims=True))\nA = E / np.sum(E, axis=0, keepdims=True)\nreturn A":
      "E = np.exp(Z - np.max(Z))\nreturn E / np.sum(E, axis=0, keepdims=True)"})

divided_by_the_total = patch("softmax", "This looks like a division by the sum of the whole matrix: each column must "
    "be divided by its own sum, so that every column sums to 1.",
    {"A = E / np.sum(E, axis=0, keepdims=True)\nreturn A": "return E / np.sum(E)"})

shifts_Z_in_place = patch("softmax", "This looks like Z shifted and exponentiated in place (Z -= ..., out=Z): the "
    "caller's scores are overwritten; work on a new array.",
    {"E = np.exp(Z - np.max(Z, axis=0, keepdims=True))\nA = E / np.sum(E, axis=0, keepdims=True)\nreturn A":
      "Z -= np.max(Z, axis=0, keepdims=True)\nnp.exp(Z, out=Z)\nreturn Z / np.sum(Z, axis=0, keepdims=True)"})

# ------------------------------------------------------------------------- compute_cost_softmax
without_one_over_m = patch("compute_cost_softmax", "This looks like the sum of the losses without the division by m: "
    "the cost is the mean over the examples.",
    {"cost = -np.sum(Y * np.log(np.maximum(AL, EPS))) / m": "cost = -np.sum(Y * np.log(np.maximum(AL, EPS)))"})

mean_over_classes_too = patch("compute_cost_softmax", "This looks like np.mean over every entry, which divides by C * "
    "m: sum over the classes and divide by the number of examples m only.",
    {"cost = -np.sum(Y * np.log(np.maximum(AL, EPS))) / m": "cost = -np.mean(Y * np.log(np.maximum(AL, EPS)))"})

binary_cross_entropy = patch("compute_cost_softmax", "This looks like week 2's binary cross-entropy with its (1 - Y) "
    "log(1 - AL) term: with a softmax only the log-probability of the right class counts.",
    {"cost = -np.sum(Y * np.log(np.maximum(AL, EPS))) / m":
      "A = np.clip(AL, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"})

log_without_clipping = patch("compute_cost_softmax", "This looks like a log of probabilities that are exactly 0 (NaN "
    "or inf): clip AL to at least EPS inside the logarithm.",
    {"cost = -np.sum(Y * np.log(np.maximum(AL, EPS))) / m": "cost = -np.sum(Y * np.log(AL)) / m"})

without_minus_sign = patch("compute_cost_softmax", "This looks like a cost without its minus sign: the log of a "
    "probability is negative, so the cross-entropy is minus their mean.",
    {"cost = -np.sum(Y * np.log(np.maximum(AL, EPS))) / m": "cost = np.sum(Y * np.log(np.maximum(AL, EPS))) / m"})

# ----------------------------------------------------------------------------- softmax_backward
wrong_sign = patch("softmax_backward", "This looks like Y - AL: the gradient of the cross-entropy with respect to the "
    "scores has the other sign (see the formula).",
    {"dZ = AL - Y": "dZ = Y - AL"})

divided_by_m = patch("softmax_backward", "This looks like (AL - Y) divided by m: softmax_backward is the gradient of "
    "the summed loss, and linear_backward divides by m once.",
    {"dZ = AL - Y": "dZ = (AL - Y) / Y.shape[1]"})

times_sigmoid_derivative = patch("softmax_backward", "This looks like AL - Y multiplied by AL * (1 - AL), a "
    "sigmoid-style derivative: with the cross-entropy the softmax's derivative is already inside AL - Y.",
    {"dZ = AL - Y": "dZ = (AL - Y) * AL * (1 - AL)"})

gradient_with_respect_to_AL = patch("softmax_backward", "This looks like -Y / AL, the gradient with respect to AL: "
    "the gradient with respect to the scores Z is much simpler.",
    {"dZ = AL - Y": "dZ = -Y / AL"})

subtracts_in_place = patch("softmax_backward", "This looks like AL -= Y, which overwrites the caller's AL: compute dZ "
    "as a new array.",
    {"dZ = AL - Y": "AL -= Y\ndZ = AL"})

# ---------------------------------------------------------------------- L_model_forward_softmax
relu_before_the_softmax = patch("L_model_forward_softmax", "This looks like a ReLU on the output layer before the "
    "softmax: the last layer goes straight from Z to the softmax.",
    {"A = relu(Z) if l < L else softmax(Z)": "A = relu(Z) if l < L else softmax(relu(Z))"})

sigmoid_output = patch("L_model_forward_softmax", "This looks like a sigmoid on the output layer, as in week 4: with "
    "C classes the last layer's scores go through the softmax, so each column sums to 1.",
    {"A = relu(Z) if l < L else softmax(Z)": "A = relu(Z) if l < L else 1 / (1 + np.exp(-Z))"})

loop_stops_one_layer_early = patch("L_model_forward_softmax", "This looks like a layer loop that stops one layer "
    "early (range(1, L)): the network has L layers, W1 to WL.",
    {"for l in range(1, L + 1):": "for l in range(1, L):",
     "A = relu(Z) if l < L else softmax(Z)": "A = relu(Z) if l < L - 1 else softmax(Z)"})

caches_A_instead_of_A_prev = patch("L_model_forward_softmax", "This looks like the layer's new activation A cached in "
    "place of A_prev, the input the layer received: the backward pass needs A_prev.",
    {'Z, linear_cache = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])\ncaches.append((linear_cache, Z))':
      'W, b = parameters[f"W{l}"], parameters[f"b{l}"]\nZ, _ = linear_forward(A, W, b)',
     "A = relu(Z) if l < L else softmax(Z)": "A = relu(Z) if l < L else softmax(Z)\ncaches.append(((A, W, b), Z))"})

# --------------------------------------------------------------------- L_model_backward_softmax
relu_backward_on_the_output_layer = patch("L_model_backward_softmax", "This looks like a ReLU derivative applied to "
    "the output layer too: softmax_backward already gives dZ of the last layer.",
    {"dZ = softmax_backward(AL, Y)": "dA = softmax_backward(AL, Y)",
     'if l < L:\n    dZ = relu_backward(grads[f"dA{l}"], Z)\n'
     'grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)':
      'dZ = relu_backward(dA, Z)\ndA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)\n'
      'grads[f"dA{l - 1}"] = dA'})

hidden_layers_without_relu_backward = patch("L_model_backward_softmax", "This looks like the hidden layers' dA passed "
    "on as dZ without the ReLU derivative: multiply by 1{Z > 0} (relu_backward) below the output layer.",
    {'dZ = relu_backward(grads[f"dA{l}"], Z)': 'dZ = grads[f"dA{l}"]'})

divided_by_m_twice = patch("L_model_backward_softmax", "This looks like dZ of the output layer divided by m before "
    "linear_backward, which divides by m again: the gradients come out m times too small.",
    {"dZ = softmax_backward(AL, Y)": "dZ = softmax_backward(AL, Y) / AL.shape[1]"})

softmax_backward_arguments_swapped = patch("L_model_backward_softmax", "This looks like softmax_backward(Y, AL), the "
    "arguments swapped: every gradient comes out with the wrong sign.",
    {"dZ = softmax_backward(AL, Y)": "dZ = softmax_backward(Y, AL)"})
