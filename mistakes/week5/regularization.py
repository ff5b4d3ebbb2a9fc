"""Mistakes learners make in week5/regularization.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake


# ---------------------------------------------------------------- compute_cost_with_regularization
@mistake("compute_cost_with_regularization", "This looks like the L2 term without its 1/m: the penalty is "
                                             "lambd / (2 m) times the sum of the squared weights.")
def l2_term_without_1_over_m(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821 (the module's compute_cost)
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return float(cross_entropy_cost + L2_regularization_cost)


@mistake("compute_cost_with_regularization", "This looks like lambd / m in front of the squared weights: the "
                                             "penalty is lambd / (2 m), the 2 cancels in its derivative only.")
def l2_term_without_the_2(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return float(cross_entropy_cost + L2_regularization_cost)


@mistake("compute_cost_with_regularization", "This looks like the biases penalised too: the L2 term sums the squared "
                                             "entries of W1, W2 and W3 only.")
def penalises_the_biases(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    L2_regularization_cost = lambd / (2 * m) * sum(np.sum(np.square(value)) for value in parameters.values())
    return float(cross_entropy_cost + L2_regularization_cost)


@mistake("compute_cost_with_regularization", "This looks like the norms of the weights, not their squares: square "
                                             "each norm (or sum the squared entries).")
def norms_not_squared(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))
    return float(cross_entropy_cost + L2_regularization_cost)


@mistake("compute_cost_with_regularization", "This looks like an off-by-one in the loop over the layers that leaves "
                                             "out W3: the penalty covers W1, W2 and W3.")
def forgets_the_last_layer(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    L = len(parameters) // 2
    L2_regularization_cost = 0.0
    for l in range(1, L):
        L2_regularization_cost += np.sum(np.square(parameters[f"W{l}"]))
    return float(cross_entropy_cost + lambd / (2 * m) * L2_regularization_cost)


@mistake("compute_cost_with_regularization", "Your cost is an array: np.sum(..., keepdims=True) keeps the "
                                             "dimensions; return a Python float.")
def cost_returned_as_an_array(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1), keepdims=True)
                                                + np.sum(np.square(W2), keepdims=True)
                                                + np.sum(np.square(W3), keepdims=True))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


@mistake("compute_cost_with_regularization", "This looks like the cross-entropy alone: the regularized cost adds "
                                             "the L2 term of the squared weights to it.")
def l2_term_missing(A3, Y, parameters, lambd):
    return float(compute_cost(A3, Y))  # noqa: F821 (the module's compute_cost)


# -------------------------------------------------------- backward_propagation_with_regularization
@mistake("backward_propagation_with_regularization", "This looks like the L2 term of dW without its 1/m: "
                                                     "differentiating lambd / (2 m) times the squared weights "
                                                     "leaves lambd / m times W.")
def l2_gradient_without_1_over_m(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m + lambd * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_regularization", "This looks like the cost's factor lambd / (2 m) copied into "
                                                     "dW: differentiating W^2 gives 2 W, so the term is lambd / m * W.")
def l2_gradient_with_the_costs_factor(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / (2 * m) * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / (2 * m) * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m + lambd / (2 * m) * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_regularization", "This looks like an L2 term added to db as well: the biases "
                                                     "are not penalised, so db is the same as without L2.")
def l2_gradient_on_the_biases(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m + lambd / m * b3
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m + lambd / m * b2
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m + lambd / m * b1
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_regularization", "This looks like the L2 term subtracted from dW: the penalty "
                                                     "grows with the weights, so its gradient is added.")
def l2_gradient_with_the_wrong_sign(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m - lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m - lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m - lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_regularization", "This looks like the L2 term forgotten in dW1: every weight "
                                                     "matrix, W1 included, gets the L2 term in its gradient.")
def l2_gradient_missing_in_dW1(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_regularization", "This looks like the gradients without the L2 term: the cost "
                                                     "has a penalty, so every dW gets its derivative too.")
def l2_gradient_forgotten(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


# --------------------------------------------------------------- forward_propagation_with_dropout
@mistake("forward_propagation_with_dropout", "This looks like dropout without the division by keep_prob: inverted "
                                             "dropout divides the kept activations by keep_prob.")
def dropout_without_rescaling(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)  # noqa: F821 (the module's relu)
    D1 = rng.random(A1.shape) < keep_prob
    A1 = A1 * D1
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)  # noqa: F821
    D2 = rng.random(A2.shape) < keep_prob
    A2 = A2 * D2
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


@mistake("forward_propagation_with_dropout", "This looks like A2 masked but not divided by keep_prob: like A1, the "
                                             "kept units of A2 are scaled up by the division.")
def second_layer_not_rescaled(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)  # noqa: F821 (the module's relu)
    D1 = rng.random(A1.shape) < keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)  # noqa: F821
    D2 = rng.random(A2.shape) < keep_prob
    A2 = A2 * D2
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


@mistake("forward_propagation_with_dropout", "This looks like keep_prob used as the probability of dropping a unit "
                                             "(rng.random(...) > keep_prob): a unit is kept when the draw is < keep_prob.")
def keep_prob_used_as_drop_probability(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)  # noqa: F821
    D1 = rng.random(A1.shape) > keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)  # noqa: F821
    D2 = rng.random(A2.shape) > keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


@mistake("forward_propagation_with_dropout", "This looks like masks drawn from a normal distribution "
                                             "(standard_normal): the draws must be uniform in [0, 1), rng.random, "
                                             "so that a unit is kept with probability keep_prob.")
def normal_draws_for_the_masks(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)  # noqa: F821
    D1 = rng.standard_normal(A1.shape) < keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)  # noqa: F821
    D2 = rng.standard_normal(A2.shape) < keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


@mistake("forward_propagation_with_dropout", "This looks like the activations before dropout stored in the cache: "
                                             "A1 and A2 of the cache are the ones after the mask and the division.")
def caches_the_activations_before_dropout(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)  # noqa: F821
    D1 = rng.random(A1.shape) < keep_prob
    Z2 = W2 @ (A1 * D1 / keep_prob) + b2
    A2 = relu(Z2)  # noqa: F821
    D2 = rng.random(A2.shape) < keep_prob
    Z3 = W3 @ (A2 * D2 / keep_prob) + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


@mistake("forward_propagation_with_dropout", "This looks like the dropped-out A1 left unused, Z2 computed from the "
                                             "full relu(Z1): the next layer must see A1 after dropout.")
def next_layer_sees_the_full_activations(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1_full = relu(Z1)  # noqa: F821
    D1 = rng.random(A1_full.shape) < keep_prob
    A1 = A1_full * D1 / keep_prob
    Z2 = W2 @ A1_full + b2
    A2_full = relu(Z2)  # noqa: F821
    D2 = rng.random(A2_full.shape) < keep_prob
    A2 = A2_full * D2 / keep_prob
    Z3 = W3 @ A2_full + b3
    A3 = sigmoid(Z3)  # noqa: F821
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# -------------------------------------------------------------- backward_propagation_with_dropout
@mistake("backward_propagation_with_dropout", "This looks like the masks applied without the division by keep_prob: "
                                              "the forward pass divided by keep_prob, so dA2 and dA1 are too.")
def backward_without_rescaling(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_dropout", "This looks like new masks drawn in the backward pass: use D1 and D2 "
                                              "of the cache, the units that were really switched off.")
def fresh_masks_in_backward(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    rng = np.random.default_rng(1)
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    D2 = rng.random(A2.shape) < keep_prob
    dA2 = W3.T @ dZ3 * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    D1 = rng.random(A1.shape) < keep_prob
    dA1 = W2.T @ dZ2 * D1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_dropout", "This looks like dA2 and dA1 multiplied by keep_prob: the forward "
                                              "pass divided by keep_prob, so the gradient is divided by it too.")
def multiplies_by_keep_prob(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2 * keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1 * keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_dropout", "This looks like the masks applied to dZ only: the returned dA2 and "
                                              "dA1 must already carry the mask and the division by keep_prob.")
def masks_applied_to_dZ_only(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0) * D2 / keep_prob
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0) * D1 / keep_prob
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_dropout", "This looks like dropout ignored in the backward pass: the units "
                                              "switched off get no gradient: apply the cache's masks and the division to dA2, dA1.")
def masks_ignored(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@mistake("backward_propagation_with_dropout", "This looks like dA1 without its mask: like dA2, it takes the mask D1 "
                                              "of the forward pass and the division by keep_prob.")
def mask_forgotten_in_dA1(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
