"""Mistakes learners make in week7/multiclass.py (see grader/tools/mistakes.py).

Each entry replaces one graded function in the reference module, so its body uses that module's
names: ``np``, ``EPS`` and the given ``linear_forward``, ``linear_backward``, ``relu``,
``relu_backward``, plus the module's own ``softmax``, ``softmax_backward``...
"""
import numpy as np

from grader.tools.mistakes import mistake


# ------------------------------------------------------------------------------------- one_hot
@mistake("one_hot", "This looks like one row per example, shape (m, C): examples are columns here, "
                    "so Y must have C rows and m columns.")
def one_row_per_example(y, C):
    y = np.asarray(y).reshape(-1)
    m = y.shape[0]
    Y = np.zeros((m, C))
    Y[np.arange(m), y] = 1.0
    return Y


@mistake("one_hot", "This looks like the number of rows taken from the largest label instead of C: "
                    "a class that no example has still needs its row.")
def classes_counted_from_the_labels(y, C):
    y = np.asarray(y).reshape(-1)
    m = y.shape[0]
    Y = np.zeros((y.max() + 1, m))
    Y[y, np.arange(m)] = 1.0
    return Y


@mistake("one_hot", "This looks like Y[y] = 1 (or Y[y, :]), which fills whole rows with ones: each column "
                    "needs a single 1, in row y[i] of column i.")
def whole_rows_set(y, C):
    y = np.asarray(y).reshape(-1)
    m = y.shape[0]
    Y = np.zeros((C, m))
    Y[y] = 1.0
    return Y


@mistake("one_hot", "This looks like a loop over the classes that starts at 1: the examples of class 0 "
                    "get no 1 in their column.")
def class_zero_skipped(y, C):
    y = np.asarray(y).reshape(-1)
    m = y.shape[0]
    Y = np.zeros((C, m))
    for k in range(1, C):
        Y[k, y == k] = 1.0
    return Y


@mistake("one_hot", "This looks like an integer matrix (dtype=int): the one-hot matrix must hold floats.")
def integer_matrix(y, C):
    y = np.asarray(y).reshape(-1)
    m = y.shape[0]
    Y = np.zeros((C, m), dtype=np.int64)
    Y[y, np.arange(m)] = 1
    return Y


# ------------------------------------------------------------------------------------- softmax
@mistake("softmax", "This looks like a softmax over the rows (axis=1), as in week 1: here each column is one "
                    "example, so the maximum and the sum are taken over axis=0.")
def softmax_over_rows(Z):
    E = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return E / np.sum(E, axis=1, keepdims=True)


@mistake("softmax", "This looks like a softmax that does not subtract each column's maximum first: "
                    "np.exp overflows to inf for large scores, giving NaN.")
def softmax_without_shift(Z):
    E = np.exp(Z)
    return E / np.sum(E, axis=0, keepdims=True)


@mistake("softmax", "This looks like the maximum of the whole matrix subtracted from every score: a column far "
                    "below it underflows to 0 / 0, so subtract each column's own maximum.")
def shift_by_the_global_maximum(Z):
    E = np.exp(Z - np.max(Z))
    return E / np.sum(E, axis=0, keepdims=True)


@mistake("softmax", "This looks like a division by the sum of the whole matrix: each column must be divided "
                    "by its own sum, so that every column sums to 1.")
def divided_by_the_total(Z):
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E)


@mistake("softmax", "This looks like Z shifted and exponentiated in place (Z -= ..., out=Z): the caller's "
                    "scores are overwritten; work on a new array.")
def shifts_Z_in_place(Z):
    Z -= np.max(Z, axis=0, keepdims=True)
    np.exp(Z, out=Z)
    return Z / np.sum(Z, axis=0, keepdims=True)


# ------------------------------------------------------------------------- compute_cost_softmax
@mistake("compute_cost_softmax", "This looks like the sum of the losses without the division by m: the cost "
                                 "is the mean over the examples.")
def without_one_over_m(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(np.maximum(AL, EPS)))
    return float(np.squeeze(cost))


@mistake("compute_cost_softmax", "This looks like np.mean over every entry, which divides by C * m: sum over "
                                 "the classes and divide by the number of examples m only.")
def mean_over_classes_too(AL, Y):
    m = Y.shape[1]
    cost = -np.mean(Y * np.log(np.maximum(AL, EPS)))
    return float(np.squeeze(cost))


@mistake("compute_cost_softmax", "This looks like week 2's binary cross-entropy with its (1 - Y) log(1 - AL) "
                                 "term: with a softmax only the log-probability of the right class counts.")
def binary_cross_entropy(AL, Y):
    m = Y.shape[1]
    A = np.clip(AL, EPS, 1 - EPS)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return float(np.squeeze(cost))


@mistake("compute_cost_softmax", "This looks like a log of probabilities that are exactly 0 (NaN or inf): "
                                 "clip AL to at least EPS inside the logarithm.")
def log_without_clipping(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return float(np.squeeze(cost))


@mistake("compute_cost_softmax", "This looks like a cost without its minus sign: the log of a probability is "
                                 "negative, so the cross-entropy is minus their mean.")
def without_minus_sign(AL, Y):
    m = Y.shape[1]
    cost = np.sum(Y * np.log(np.maximum(AL, EPS))) / m
    return float(np.squeeze(cost))


# ----------------------------------------------------------------------------- softmax_backward
@mistake("softmax_backward", "This looks like Y - AL: the gradient of the cross-entropy with respect to the "
                             "scores has the other sign (see the formula).")
def wrong_sign(AL, Y):
    dZ = Y - AL
    return dZ


@mistake("softmax_backward", "This looks like (AL - Y) divided by m: softmax_backward is the gradient of the "
                             "summed loss, and linear_backward divides by m once.")
def divided_by_m(AL, Y):
    dZ = (AL - Y) / Y.shape[1]
    return dZ


@mistake("softmax_backward", "This looks like AL - Y multiplied by AL * (1 - AL), a sigmoid-style derivative: "
                             "with the cross-entropy the softmax's derivative is already inside AL - Y.")
def times_sigmoid_derivative(AL, Y):
    dZ = (AL - Y) * AL * (1 - AL)
    return dZ


@mistake("softmax_backward", "This looks like -Y / AL, the gradient with respect to AL: the gradient with "
                             "respect to the scores Z is much simpler.")
def gradient_with_respect_to_AL(AL, Y):
    dZ = -Y / AL
    return dZ


@mistake("softmax_backward", "This looks like AL -= Y, which overwrites the caller's AL: compute dZ as a new array.")
def subtracts_in_place(AL, Y):
    AL -= Y
    dZ = AL
    return dZ


# ---------------------------------------------------------------------- L_model_forward_softmax
@mistake("L_model_forward_softmax", "This looks like a ReLU on the output layer before the softmax: the last "
                                    "layer goes straight from Z to the softmax.")
def relu_before_the_softmax(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        Z, linear_cache = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        caches.append((linear_cache, Z))
        A = relu(Z) if l < L else softmax(relu(Z))
    AL = A
    return AL, caches


@mistake("L_model_forward_softmax", "This looks like a sigmoid on the output layer, as in week 4: with C classes "
                                    "the last layer's scores go through the softmax, so each column sums to 1.")
def sigmoid_output(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        Z, linear_cache = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        caches.append((linear_cache, Z))
        A = relu(Z) if l < L else 1 / (1 + np.exp(-Z))
    AL = A
    return AL, caches


@mistake("L_model_forward_softmax", "This looks like a layer loop that stops one layer early (range(1, L)): "
                                    "the network has L layers, W1 to WL.")
def loop_stops_one_layer_early(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        Z, linear_cache = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        caches.append((linear_cache, Z))
        A = relu(Z) if l < L - 1 else softmax(Z)
    AL = A
    return AL, caches


@mistake("L_model_forward_softmax", "This looks like the layer's new activation A cached in place of A_prev, "
                                    "the input the layer received: the backward pass needs A_prev.")
def caches_A_instead_of_A_prev(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z, _ = linear_forward(A, W, b)
        A = relu(Z) if l < L else softmax(Z)
        caches.append(((A, W, b), Z))
    AL = A
    return AL, caches


# --------------------------------------------------------------------- L_model_backward_softmax
@mistake("L_model_backward_softmax", "This looks like a ReLU derivative applied to the output layer too: "
                                     "softmax_backward already gives dZ of the last layer.")
def relu_backward_on_the_output_layer(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = softmax_backward(AL, Y)
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        dZ = relu_backward(dA, Z)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
        grads[f"dA{l - 1}"] = dA
    return grads


@mistake("L_model_backward_softmax", "This looks like the hidden layers' dA passed on as dZ without the ReLU "
                                     "derivative: multiply by 1{Z > 0} (relu_backward) below the output layer.")
def hidden_layers_without_relu_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = softmax_backward(AL, Y)
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        if l < L:
            dZ = grads[f"dA{l}"]
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
    return grads


@mistake("L_model_backward_softmax", "This looks like dZ of the output layer divided by m before linear_backward, "
                                     "which divides by m again: the gradients come out m times too small.")
def divided_by_m_twice(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = softmax_backward(AL, Y) / AL.shape[1]
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        if l < L:
            dZ = relu_backward(grads[f"dA{l}"], Z)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
    return grads


@mistake("L_model_backward_softmax", "This looks like softmax_backward(Y, AL), the arguments swapped: every "
                                     "gradient comes out with the wrong sign.")
def softmax_backward_arguments_swapped(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = softmax_backward(Y, AL)
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        if l < L:
            dZ = relu_backward(grads[f"dA{l}"], Z)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
    return grads
