"""Mistakes learners make in week5/regularization.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake, patch


# ---------------------------------------------------------------- compute_cost_with_regularization
l2_term_without_1_over_m = patch("compute_cost_with_regularization", "This looks like the L2 term without its 1/m: "
    "the penalty is lambd / (2 m) times the sum of the squared weights.",
    {"L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))\n"
     "                                            + np.sum(np.square(W3)))\n"
     "cost = cross_entropy_cost + L2_regularization_cost\nreturn float(np.squeeze(cost))":
      "L2_regularization_cost = lambd / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))\n"
      "return float(cross_entropy_cost + L2_regularization_cost)"})

l2_term_without_the_2 = patch("compute_cost_with_regularization", "This looks like lambd / m in front of the squared "
    "weights: the penalty is lambd / (2 m), the 2 cancels in its derivative only.",
    {"L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))\n"
     "                                            + np.sum(np.square(W3)))\n"
     "cost = cross_entropy_cost + L2_regularization_cost\nreturn float(np.squeeze(cost))":
      "L2_regularization_cost = lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))\n"
      "return float(cross_entropy_cost + L2_regularization_cost)"})


@mistake("compute_cost_with_regularization", "This looks like the biases penalised too: the L2 term sums the squared "
                                             "entries of W1, W2 and W3 only.")
def penalises_the_biases(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)  # noqa: F821
    L2_regularization_cost = lambd / (2 * m) * sum(np.sum(np.square(value)) for value in parameters.values())
    return float(cross_entropy_cost + L2_regularization_cost)


norms_not_squared = patch("compute_cost_with_regularization", "This looks like the norms of the weights, not their "
    "squares: square each norm (or sum the squared entries).",
    {"L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))\n"
     "                                            + np.sum(np.square(W3)))\n"
     "cost = cross_entropy_cost + L2_regularization_cost\nreturn float(np.squeeze(cost))":
      "L2_regularization_cost = lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))\n"
      "return float(cross_entropy_cost + L2_regularization_cost)"})

forgets_the_last_layer = patch("compute_cost_with_regularization", "This looks like an off-by-one in the loop over "
    "the layers that leaves out W3: the penalty covers W1, W2 and W3.",
    {'W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]\n'
     "L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))\n"
     "                                            + np.sum(np.square(W3)))\n"
     "cost = cross_entropy_cost + L2_regularization_cost\nreturn float(np.squeeze(cost))":
      "L = len(parameters) // 2\nL2_regularization_cost = 0.0\nfor l in range(1, L):\n"
      '    L2_regularization_cost += np.sum(np.square(parameters[f"W{l}"]))\n'
      "return float(cross_entropy_cost + lambd / (2 * m) * L2_regularization_cost)"})

cost_returned_as_an_array = patch("compute_cost_with_regularization", "Your cost is an array: np.sum(..., "
    "keepdims=True) keeps the dimensions; return a Python float.",
    {"L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))\n"
     "                                            + np.sum(np.square(W3)))":
      "L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1), keepdims=True)\n"
      "                                            + np.sum(np.square(W2), keepdims=True)\n"
      "                                            + np.sum(np.square(W3), keepdims=True))",
     "return float(np.squeeze(cost))": "return cost"})


@mistake("compute_cost_with_regularization", "This looks like the cross-entropy alone: the regularized cost adds "
                                             "the L2 term of the squared weights to it.")
def l2_term_missing(A3, Y, parameters, lambd):
    return float(compute_cost(A3, Y))  # noqa: F821 (the module's compute_cost)


# -------------------------------------------------------- backward_propagation_with_regularization
l2_gradient_without_1_over_m = patch("backward_propagation_with_regularization", "This looks like the L2 term of dW "
    "without its 1/m: differentiating lambd / (2 m) times the squared weights leaves lambd / m times W.",
    {"dW3 = dZ3 @ A2.T / m + lambd / m * W3": "dW3 = dZ3 @ A2.T / m + lambd * W3",
     "dW2 = dZ2 @ A1.T / m + lambd / m * W2": "dW2 = dZ2 @ A1.T / m + lambd * W2",
     "dW1 = dZ1 @ X.T / m + lambd / m * W1": "dW1 = dZ1 @ X.T / m + lambd * W1"})

l2_gradient_with_the_costs_factor = patch("backward_propagation_with_regularization", "This looks like the cost's "
    "factor lambd / (2 m) copied into dW: differentiating W^2 gives 2 W, so the term is lambd / m * W.",
    {"dW3 = dZ3 @ A2.T / m + lambd / m * W3": "dW3 = dZ3 @ A2.T / m + lambd / (2 * m) * W3",
     "dW2 = dZ2 @ A1.T / m + lambd / m * W2": "dW2 = dZ2 @ A1.T / m + lambd / (2 * m) * W2",
     "dW1 = dZ1 @ X.T / m + lambd / m * W1": "dW1 = dZ1 @ X.T / m + lambd / (2 * m) * W1"})

l2_gradient_on_the_biases = patch("backward_propagation_with_regularization", "This looks like an L2 term added to db "
    "as well: the biases are not penalised, so db is the same as without L2.",
    {"db3 = np.sum(dZ3, axis=1, keepdims=True) / m": "db3 = np.sum(dZ3, axis=1, keepdims=True) / m + lambd / m * b3",
     "db2 = np.sum(dZ2, axis=1, keepdims=True) / m": "db2 = np.sum(dZ2, axis=1, keepdims=True) / m + lambd / m * b2",
     "db1 = np.sum(dZ1, axis=1, keepdims=True) / m": "db1 = np.sum(dZ1, axis=1, keepdims=True) / m + lambd / m * b1"})

l2_gradient_with_the_wrong_sign = patch("backward_propagation_with_regularization", "This looks like the L2 term "
    "subtracted from dW: the penalty grows with the weights, so its gradient is added.",
    {"dW3 = dZ3 @ A2.T / m + lambd / m * W3": "dW3 = dZ3 @ A2.T / m - lambd / m * W3",
     "dW2 = dZ2 @ A1.T / m + lambd / m * W2": "dW2 = dZ2 @ A1.T / m - lambd / m * W2",
     "dW1 = dZ1 @ X.T / m + lambd / m * W1": "dW1 = dZ1 @ X.T / m - lambd / m * W1"})

l2_gradient_missing_in_dW1 = patch("backward_propagation_with_regularization", "This looks like the L2 term forgotten "
    "in dW1: every weight matrix, W1 included, gets the L2 term in its gradient.",
    {"dW1 = dZ1 @ X.T / m + lambd / m * W1": "dW1 = dZ1 @ X.T / m"})

l2_gradient_forgotten = patch("backward_propagation_with_regularization", "This looks like the gradients without the "
    "L2 term: the cost has a penalty, so every dW gets its derivative too.",
    {"dW3 = dZ3 @ A2.T / m + lambd / m * W3": "dW3 = dZ3 @ A2.T / m",
     "dW2 = dZ2 @ A1.T / m + lambd / m * W2": "dW2 = dZ2 @ A1.T / m",
     "dW1 = dZ1 @ X.T / m + lambd / m * W1": "dW1 = dZ1 @ X.T / m"})

# --------------------------------------------------------------- forward_propagation_with_dropout
dropout_without_rescaling = patch("forward_propagation_with_dropout", "This looks like dropout without the division "
    "by keep_prob: inverted dropout divides the kept activations by keep_prob.",
    {"A1 = A1 * D1 / keep_prob": "A1 = A1 * D1", "A2 = A2 * D2 / keep_prob": "A2 = A2 * D2"})

second_layer_not_rescaled = patch("forward_propagation_with_dropout", "This looks like A2 masked but not divided by "
    "keep_prob: like A1, the kept units of A2 are scaled up by the division.",
    {"A2 = A2 * D2 / keep_prob": "A2 = A2 * D2"})

keep_prob_used_as_drop_probability = patch("forward_propagation_with_dropout", "This looks like keep_prob used as the "
    "probability of dropping a unit (rng.random(...) > keep_prob): a unit is kept when the draw is < keep_prob.",
    {"D1 = rng.random(A1.shape) < keep_prob": "D1 = rng.random(A1.shape) > keep_prob",
     "D2 = rng.random(A2.shape) < keep_prob": "D2 = rng.random(A2.shape) > keep_prob"})

normal_draws_for_the_masks = patch("forward_propagation_with_dropout", "This looks like masks drawn from a normal "
    "distribution (standard_normal): the draws must be uniform in [0, 1), rng.random, so that a unit is kept with "
    "probability keep_prob.",
    {"D1 = rng.random(A1.shape) < keep_prob": "D1 = rng.standard_normal(A1.shape) < keep_prob",
     "D2 = rng.random(A2.shape) < keep_prob": "D2 = rng.standard_normal(A2.shape) < keep_prob"})

caches_the_activations_before_dropout = patch("forward_propagation_with_dropout", "This looks like the activations "
    "before dropout stored in the cache: A1 and A2 of the cache are the ones after the mask and the division.",
    {"A1 = A1 * D1 / keep_prob\nZ2 = W2 @ A1 + b2": "Z2 = W2 @ (A1 * D1 / keep_prob) + b2",
     "A2 = A2 * D2 / keep_prob\nZ3 = W3 @ A2 + b3": "Z3 = W3 @ (A2 * D2 / keep_prob) + b3"})

next_layer_sees_the_full_activations = patch("forward_propagation_with_dropout", "This looks like the dropped-out A1 "
    "left unused, Z2 computed from the full relu(Z1): the next layer must see A1 after dropout.",
    {"A1 = relu(Z1)\nD1 = rng.random(A1.shape) < keep_prob\nA1 = A1 * D1 / keep_prob\nZ2 = W2 @ A1 + b2\n"
     "A2 = relu(Z2)\nD2 = rng.random(A2.shape) < keep_prob\nA2 = A2 * D2 / keep_prob\nZ3 = W3 @ A2 + b3":
      "A1_full = relu(Z1)\nD1 = rng.random(A1_full.shape) < keep_prob\nA1 = A1_full * D1 / keep_prob\n"
      "Z2 = W2 @ A1_full + b2\nA2_full = relu(Z2)\nD2 = rng.random(A2_full.shape) < keep_prob\n"
      "A2 = A2_full * D2 / keep_prob\nZ3 = W3 @ A2_full + b3"})

# -------------------------------------------------------------- backward_propagation_with_dropout
backward_without_rescaling = patch("backward_propagation_with_dropout", "This looks like the masks applied without "
    "the division by keep_prob: the forward pass divided by keep_prob, so dA2 and dA1 are too.",
    {"dA2 = W3.T @ dZ3 * D2 / keep_prob": "dA2 = W3.T @ dZ3 * D2",
     "dA1 = W2.T @ dZ2 * D1 / keep_prob": "dA1 = W2.T @ dZ2 * D1"})

fresh_masks_in_backward = patch("backward_propagation_with_dropout", "This looks like new masks drawn in the backward "
    "pass: use D1 and D2 of the cache, the units that were really switched off.",
    {"dZ3 = A3 - Y": "rng = np.random.default_rng(1)\ndZ3 = A3 - Y",
     "dA2 = W3.T @ dZ3 * D2 / keep_prob": "D2 = rng.random(A2.shape) < keep_prob\ndA2 = W3.T @ dZ3 * D2 / keep_prob",
     "dA1 = W2.T @ dZ2 * D1 / keep_prob": "D1 = rng.random(A1.shape) < keep_prob\ndA1 = W2.T @ dZ2 * D1 / keep_prob"})

multiplies_by_keep_prob = patch("backward_propagation_with_dropout", "This looks like dA2 and dA1 multiplied by "
    "keep_prob: the forward pass divided by keep_prob, so the gradient is divided by it too.",
    {"dA2 = W3.T @ dZ3 * D2 / keep_prob": "dA2 = W3.T @ dZ3 * D2 * keep_prob",
     "dA1 = W2.T @ dZ2 * D1 / keep_prob": "dA1 = W2.T @ dZ2 * D1 * keep_prob"})

masks_applied_to_dZ_only = patch("backward_propagation_with_dropout", "This looks like the masks applied to dZ only: "
    "the returned dA2 and dA1 must already carry the mask and the division by keep_prob.",
    {"dA2 = W3.T @ dZ3 * D2 / keep_prob\ndZ2 = dA2 * (A2 > 0)":
      "dA2 = W3.T @ dZ3\ndZ2 = dA2 * (A2 > 0) * D2 / keep_prob",
     "dA1 = W2.T @ dZ2 * D1 / keep_prob\ndZ1 = dA1 * (A1 > 0)":
      "dA1 = W2.T @ dZ2\ndZ1 = dA1 * (A1 > 0) * D1 / keep_prob"})

masks_ignored = patch("backward_propagation_with_dropout", "This looks like dropout ignored in the backward pass: the "
    "units switched off get no gradient: apply the cache's masks and the division to dA2, dA1.",
    {"dA2 = W3.T @ dZ3 * D2 / keep_prob": "dA2 = W3.T @ dZ3", "dA1 = W2.T @ dZ2 * D1 / keep_prob": "dA1 = W2.T @ dZ2"})

mask_forgotten_in_dA1 = patch("backward_propagation_with_dropout", "This looks like dA1 without its mask: like dA2, "
    "it takes the mask D1 of the forward pass and the division by keep_prob.",
    {"dA1 = W2.T @ dZ2 * D1 / keep_prob": "dA1 = W2.T @ dZ2"})
