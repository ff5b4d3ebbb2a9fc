"""Mistakes learners make in week6/optimization.py (see grader/tools/mistakes.py)."""
import math

import numpy as np

from grader.tools.mistakes import mistake


# ------------------------------------------------------------------ update_parameters_with_gd
@mistake("update_parameters_with_gd", "This looks like a step along the gradient (+): gradient descent moves "
                                      "against it.")
def steps_along_the_gradient(parameters, grads, learning_rate):
    new_parameters = {}
    for key in parameters:
        new_parameters[key] = parameters[key] + learning_rate * grads["d" + key]
    return new_parameters


@mistake("update_parameters_with_gd", "Your function updates the caller's arrays in place (-=): build new arrays "
                                      "and return them in a new dict.")
def updates_in_place(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


@mistake("update_parameters_with_gd", "This looks like b updated with dW: each parameter moves along its own "
                                      "gradient, b{l} along db{l}.")
def b_updated_with_dW(parameters, grads, learning_rate):
    new_parameters = {}
    L = len(parameters) // 2
    for l in range(1, L + 1):
        new_parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new_parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"dW{l}"]
    return new_parameters


@mistake("update_parameters_with_gd", "This looks like an off-by-one in the layer loop that leaves out the last "
                                      "layer: the loop covers every layer, 1 to L included.")
def misses_the_last_layer(parameters, grads, learning_rate):
    new_parameters = {}
    L = len(parameters) // 2
    for l in range(1, L):
        new_parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new_parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return new_parameters


@mistake("update_parameters_with_gd", "This looks like the gradient subtracted without the learning rate: the step "
                                      "is learning_rate * gradient.")
def forgets_the_learning_rate(parameters, grads, learning_rate):
    new_parameters = {}
    for key in parameters:
        new_parameters[key] = parameters[key] - grads["d" + key]
    return new_parameters


# ------------------------------------------------------------------------ random_mini_batches
@mistake("random_mini_batches", "This looks like X and Y shuffled with two different permutations: draw one "
                                "permutation and use it for both, so each label stays with its example.")
def X_and_Y_shuffled_separately(X, Y, mini_batch_size=64, rng=0):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    shuffled_X = X[:, rng.permutation(m)]
    shuffled_Y = Y[:, rng.permutation(m)]
    for k in range(math.ceil(m / mini_batch_size)):
        columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches


@mistake("random_mini_batches", "This looks like batches cut without shuffling: permute the columns first "
                                "(rng.permutation).")
def no_shuffle(X, Y, mini_batch_size=64, rng=0):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    for k in range(math.ceil(m / mini_batch_size)):
        columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((X[:, columns], Y[:, columns]))
    return mini_batches


@mistake("random_mini_batches", "This looks like m // mini_batch_size batches, which drops the last, partial one: "
                                "when mini_batch_size does not divide m, the remaining columns form one more batch.")
def drops_the_last_partial_batch(X, Y, mini_batch_size=64, rng=0):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    permutation = rng.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    for k in range(m // mini_batch_size):
        columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches


@mistake("random_mini_batches", "This looks like a hard-coded 64 for the batch size: use the argument mini_batch_size.")
def hard_coded_batch_size(X, Y, mini_batch_size=64, rng=0):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    permutation = rng.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    for k in range(math.ceil(m / 64)):
        columns = slice(k * 64, (k + 1) * 64)
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches


@mistake("random_mini_batches", "This looks like the rows shuffled (X[permutation]): the examples are the "
                                "columns, so permute along the second axis.")
def shuffles_the_rows(X, Y, mini_batch_size=64, rng=0):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    mini_batches = []
    permutation = rng.permutation(m)
    shuffled_X, shuffled_Y = X[permutation], Y[permutation]
    for k in range(math.ceil(m / mini_batch_size)):
        columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches


# --------------------------------------------------------- initialize_velocity / _rmsprop / _adam
@mistake("initialize_velocity", "This looks like the keys of the parameters (W1, b1, ...): the velocity's keys are "
                                "those of the gradients, dW1, db1, ...")
def velocity_keys_without_d(parameters):
    v = {}
    for key in parameters:
        v[key] = np.zeros_like(parameters[key], dtype=np.float64)
    return v


@mistake("initialize_velocity", "This looks like an off-by-one in the layer loop that leaves out the last layer: "
                                "the loop covers every layer, 1 to L included.")
def velocity_misses_the_last_layer(parameters):
    v = {}
    L = len(parameters) // 2
    for l in range(1, L):
        v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)
        v[f"db{l}"] = np.zeros_like(parameters[f"b{l}"], dtype=np.float64)
    return v


@mistake("initialize_velocity", "This looks like ones (np.ones_like): the velocity starts at zero.")
def velocity_of_ones(parameters):
    v = {}
    for key in parameters:
        v["d" + key] = np.ones_like(parameters[key], dtype=np.float64)
    return v


@mistake("initialize_velocity", "This looks like a velocity for the weights only: the biases need one too, db1, "
                                "db2, ...")
def velocity_for_the_weights_only(parameters):
    v = {}
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)
    return v


@mistake("initialize_rmsprop", "This looks like the keys of the parameters (W1, b1, ...): the keys of s are those of "
                               "the gradients, dW1, db1, ...")
def rmsprop_keys_without_d(parameters):
    s = {}
    for key in parameters:
        s[key] = np.zeros_like(parameters[key], dtype=np.float64)
    return s


@mistake("initialize_rmsprop", "This looks like an off-by-one in the layer loop that leaves out the last layer: "
                               "the loop covers every layer, 1 to L included.")
def rmsprop_misses_the_last_layer(parameters):
    s = {}
    L = len(parameters) // 2
    for l in range(1, L):
        s[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)
        s[f"db{l}"] = np.zeros_like(parameters[f"b{l}"], dtype=np.float64)
    return s


@mistake("initialize_rmsprop", "This looks like s starting at ones, perhaps to avoid dividing by 0: it starts at "
                               "zero (epsilon takes care of the division).")
def rmsprop_starts_at_ones(parameters):
    s = {}
    for key in parameters:
        s["d" + key] = np.ones_like(parameters[key], dtype=np.float64)
    return s


@mistake("initialize_rmsprop", "This looks like one number per layer instead of an array: each entry of s has the "
                               "shape of its parameter, all zeros.")
def rmsprop_one_number_per_parameter(parameters):
    s = {}
    for key in parameters:
        s["d" + key] = 0.0
    return s


@mistake("initialize_adam", "This looks like the keys of the parameters (W1, b1, ...): the keys of v and s are "
                            "those of the gradients, dW1, db1, ...")
def adam_keys_without_d(parameters):
    v, s = {}, {}
    for key in parameters:
        v[key] = np.zeros_like(parameters[key], dtype=np.float64)
        s[key] = np.zeros_like(parameters[key], dtype=np.float64)
    return v, s


@mistake("initialize_adam", "This looks like an off-by-one in the layer loop that leaves out the last layer: the "
                            "loop covers every layer, 1 to L included.")
def adam_misses_the_last_layer(parameters):
    v, s = {}, {}
    L = len(parameters) // 2
    for l in range(1, L):
        for key in (f"W{l}", f"b{l}"):
            v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)
            s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)
    return v, s


@mistake("initialize_adam", "This looks like s starting at ones, perhaps to avoid dividing by 0: both running means "
                            "start at zero (epsilon takes care of the division).")
def adam_s_starts_at_ones(parameters):
    v, s = {}, {}
    for key in parameters:
        v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)
        s["d" + key] = np.ones_like(parameters[key], dtype=np.float64)
    return v, s


@mistake("initialize_adam", "This returns one dict holding v and s: return the two dicts as a tuple, v, s.")
def returns_one_dict(parameters):
    state = {}
    for key in parameters:
        state["v_d" + key] = np.zeros_like(parameters[key], dtype=np.float64)
        state["s_d" + key] = np.zeros_like(parameters[key], dtype=np.float64)
    return state


# ------------------------------------------------------------ update_parameters_with_momentum
@mistake("update_parameters_with_momentum", "This looks like the step taken along the gradient: with momentum the "
                                            "parameters move along the new velocity v, scaled by learning_rate.")
def steps_along_the_gradient_not_v(parameters, grads, v, beta, learning_rate):
    new_parameters, new_v = {}, {}
    for key in parameters:
        new_v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
        new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return new_parameters, new_v


@mistake("update_parameters_with_momentum", "This looks like v = beta v + g, without the factor 1 - beta on the "
                                            "gradient: the velocity is an average, beta v + (1 - beta) g.")
def no_one_minus_beta(parameters, grads, v, beta, learning_rate):
    new_parameters, new_v = {}, {}
    for key in parameters:
        new_v["d" + key] = beta * v["d" + key] + grads["d" + key]
        new_parameters[key] = parameters[key] - learning_rate * new_v["d" + key]
    return new_parameters, new_v


@mistake("update_parameters_with_momentum", "This looks like the step taken with the old velocity: update v first, "
                                            "then step along the new v.")
def steps_with_the_old_velocity(parameters, grads, v, beta, learning_rate):
    new_parameters, new_v = {}, {}
    for key in parameters:
        new_parameters[key] = parameters[key] - learning_rate * v["d" + key]
        new_v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
    return new_parameters, new_v


@mistake("update_parameters_with_momentum", "This looks like beta and 1 - beta swapped: the old velocity keeps the "
                                            "weight beta, v = beta v + (1 - beta) g.")
def beta_swapped(parameters, grads, v, beta, learning_rate):
    new_parameters, new_v = {}, {}
    for key in parameters:
        new_v["d" + key] = (1 - beta) * v["d" + key] + beta * grads["d" + key]
        new_parameters[key] = parameters[key] - learning_rate * new_v["d" + key]
    return new_parameters, new_v


@mistake("update_parameters_with_momentum", "Your function writes the new velocity into the caller's dict v: build "
                                            "a new dict and return it.")
def writes_into_the_callers_velocity(parameters, grads, v, beta, learning_rate):
    new_parameters = {}
    for key in parameters:
        v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
        new_parameters[key] = parameters[key] - learning_rate * v["d" + key]
    return new_parameters, v


# ------------------------------------------------------------- update_parameters_with_rmsprop
@mistake("update_parameters_with_rmsprop", "This looks like s averaging the gradients, not their squares: s is a "
                                           "running mean of g ** 2.")
def gradient_not_squared(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    new_parameters, new_s = {}, {}
    for key in parameters:
        g = grads["d" + key]
        new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * g
        new_parameters[key] = parameters[key] - learning_rate * g / (np.sqrt(np.abs(new_s["d" + key])) + epsilon)
    return new_parameters, new_s


@mistake("update_parameters_with_rmsprop", "This looks like epsilon inside the square root: take the square root of s "
                                           "first, then add epsilon.")
def rmsprop_epsilon_inside_the_square_root(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    new_parameters, new_s = {}, {}
    for key in parameters:
        g = grads["d" + key]
        new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)
        new_parameters[key] = parameters[key] - learning_rate * g / np.sqrt(new_s["d" + key] + epsilon)
    return new_parameters, new_s


@mistake("update_parameters_with_rmsprop", "This divides by s itself: the step divides by the square root of s (plus "
                                           "epsilon).")
def divides_by_s_without_square_root(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    new_parameters, new_s = {}, {}
    for key in parameters:
        g = grads["d" + key]
        new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)
        new_parameters[key] = parameters[key] - learning_rate * g / (new_s["d" + key] + epsilon)
    return new_parameters, new_s


@mistake("update_parameters_with_rmsprop", "This looks like the step taken with the old s: update s first, then "
                                           "divide by the square root of the new s.")
def steps_with_the_old_s(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    new_parameters, new_s = {}, {}
    for key in parameters:
        g = grads["d" + key]
        new_parameters[key] = parameters[key] - learning_rate * g / (np.sqrt(s["d" + key]) + epsilon)
        new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)
    return new_parameters, new_s


@mistake("update_parameters_with_rmsprop", "Your function updates the caller's arrays in place (+=, -=): build new "
                                           "arrays and return them in new dicts.")
def rmsprop_in_place(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    for key in parameters:
        g = grads["d" + key]
        s["d" + key] *= beta2
        s["d" + key] += (1 - beta2) * np.square(g)
        parameters[key] -= learning_rate * g / (np.sqrt(s["d" + key]) + epsilon)
    return parameters, s


# ---------------------------------------------------------------- update_parameters_with_adam
@mistake("update_parameters_with_adam", "This looks like Adam without the bias correction: divide v by 1 - beta1^t "
                                        "and s by 1 - beta2^t, and step with the corrected values.")
def no_bias_correction(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g]
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g]
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like the step taken with the uncorrected v and s, though "
                                        "v_corrected and s_corrected are right: the step uses the corrected values.")
def steps_with_the_uncorrected_averages(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                        epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] / (1 - beta1 ** t)
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g] / (1 - beta2 ** t)
        new_parameters[key] = parameters[key] - learning_rate * new_v[g] / (np.sqrt(new_s[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like the step dividing by the square root of the uncorrected s, "
                                        "though s_corrected is right: the step uses s_corrected, as it uses "
                                        "v_corrected.")
def steps_with_the_uncorrected_s(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                 epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] / (1 - beta1 ** t)
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g] / (1 - beta2 ** t)
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(new_s[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like t counted from 0 (beta^(t + 1) in the correction): t is "
                                        "already the number of this update, 1 for the first, and the correction uses t itself.")
def t_counted_from_0(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] / (1 - beta1 ** (t + 1))
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g] / (1 - beta2 ** (t + 1))
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like epsilon inside the square root, np.sqrt(s_corrected + "
                                        "epsilon): Adam adds epsilon after taking the square root.")
def adam_epsilon_inside_the_square_root(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                        epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] / (1 - beta1 ** t)
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g] / (1 - beta2 ** t)
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / np.sqrt(s_corrected[g] + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like s updated with beta1: the mean of the squared gradients "
                                        "decays with beta2.")
def beta1_for_s(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] / (1 - beta1 ** t)
        new_s[g] = beta1 * s[g] + (1 - beta1) * np.square(grads[g])
        s_corrected[g] = new_s[g] / (1 - beta2 ** t)
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like the bias correction applied to the old v and s: update "
                                        "them first, then correct the new values.")
def corrects_the_old_averages(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        v_corrected[g] = v[g] / (1 - beta1 ** t)
        s_corrected[g] = s[g] / (1 - beta2 ** t)
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


@mistake("update_parameters_with_adam", "This looks like the bias correction multiplied in: v_corrected is v "
                                        "divided by 1 - beta1^t (and s_corrected s divided by 1 - beta2^t).")
def multiplies_by_the_correction(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                 epsilon=1e-8):
    new_parameters, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for key in parameters:
        g = "d" + key
        new_v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
        v_corrected[g] = new_v[g] * (1 - beta1 ** t)
        new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])
        s_corrected[g] = new_s[g] * (1 - beta2 ** t)
        new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
    return new_parameters, new_v, new_s, v_corrected, s_corrected


# ---------------------------------------------------------------------------------- update_lr
@mistake("update_lr", "This looks like learning_rate0 divided by 1 before the decay term is added: put the whole "
                      "denominator in parentheses.")
def missing_parentheses(learning_rate0, epoch_num, decay_rate):
    learning_rate = learning_rate0 / 1 + decay_rate * epoch_num
    return float(learning_rate)


@mistake("update_lr", "This multiplies learning_rate0 by the decay's denominator, so the rate grows: divide by "
                      "it.")
def multiplies_instead_of_dividing(learning_rate0, epoch_num, decay_rate):
    learning_rate = learning_rate0 * (1 + decay_rate * epoch_num)
    return float(learning_rate)


@mistake("update_lr", "This looks like the epochs counted from 1 (epoch_num + 1): epoch 0 keeps learning_rate0.")
def epochs_counted_from_1(learning_rate0, epoch_num, decay_rate):
    learning_rate = learning_rate0 / (1 + decay_rate * (epoch_num + 1))
    return float(learning_rate)


@mistake("update_lr", "This looks like an exponential decay, decay_rate ** epoch_num: the course's decay divides "
                      "learning_rate0 by a factor that grows linearly with the epoch.")
def exponential_decay(learning_rate0, epoch_num, decay_rate):
    learning_rate = learning_rate0 * decay_rate ** epoch_num
    return float(learning_rate)


# -------------------------------------------------------------------------- schedule_lr_decay
@mistake("schedule_lr_decay", "This looks like the number of intervals without the floor: the rate must stay "
                              "constant within each interval, so take the integer part.")
def no_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num / time_interval)
    return float(learning_rate)


@mistake("schedule_lr_decay", "This looks like round() instead of the floor: an interval counts as passed only "
                              "when it is complete, so take the floor of the division.")
def rounds_instead_of_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * round(epoch_num / time_interval))
    return float(learning_rate)


@mistake("schedule_lr_decay", "This looks like a hard-coded 1000 for the interval: use the argument time_interval.")
def hard_coded_interval(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / 1000))
    return float(learning_rate)


@mistake("schedule_lr_decay", "This looks like decay_rate * epoch_num // time_interval, which floors the whole "
                              "product divided by time_interval: floor the number of intervals alone, in "
                              "parentheses.")
def floors_the_product(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num // time_interval)
    return float(learning_rate)


@mistake("schedule_lr_decay", "This looks like math.ceil: an interval counts only when it is complete, so take "
                              "the floor of the division.")
def ceil_instead_of_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * math.ceil(epoch_num / time_interval))
    return float(learning_rate)


# -------------------------------------------------------------------------------------- model
@mistake("model", "This looks like Adam's t increased after the update, so the first update has t = 0 and divides "
                  "by 1 - beta^0 = 0: increase t before each update.")
def adam_t_from_0(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
                  beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3,
                  print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
                t += 1
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like Adam's t counting epochs: t counts updates, one per mini-batch, so it grows inside "
                  "the loop over the mini-batches.")
def adam_t_counts_epochs(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
                         beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3,
                         print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        t += 1
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like a new seed per epoch given to random_mini_batches: pass the model's generator rng "
                  "itself, so that every shuffle continues its stream.")
def seed_per_epoch_for_the_shuffle(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64,
                                   beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None,
                                   decay_rate=1.0, rng=3, print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, epoch)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                t += 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like the decay applied to the current rate, so it compounds from epoch to epoch: "
                  "compute each epoch's rate from learning_rate0, not from the previous epoch's rate.")
def decay_compounds(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
                    beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3,
                    print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                t += 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like the optimizer's state (v, s) reset at every epoch: initialize it once, before the "
                  "loop over the epochs, so the averages run over the whole training.")
def state_reset_every_epoch(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
                            beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3,
                            print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    for epoch in range(num_epochs):
        if optimizer == "momentum":
            v = initialize_velocity(parameters)  # noqa: F821
        elif optimizer == "rmsprop":
            s = initialize_rmsprop(parameters)  # noqa: F821
        elif optimizer == "adam":
            v, s = initialize_adam(parameters)  # noqa: F821
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                t += 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like RMSprop run with beta, momentum's decay: RMSprop's running mean of the squared "
                  "gradients decays with beta2.")
def rmsprop_with_beta(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
                      beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1.0, rng=3,
                      print_cost=False):
    rng = np.random.default_rng(rng)
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon)  # noqa: F821
            else:
                t += 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


@mistake("model", "This looks like the mean of the mini-batch costs: weight each batch's cost by its size and "
                  "divide the sum by m, since the last batch can be smaller.")
def cost_not_weighted_by_batch_size(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64,
                                    beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None,
                                    decay_rate=1.0, rng=3, print_cost=False):
    rng = np.random.default_rng(rng)
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims, rng)  # noqa: F821
    costs = []
    t = 0
    if optimizer == "momentum":
        v = initialize_velocity(parameters)  # noqa: F821
    elif optimizer == "rmsprop":
        s = initialize_rmsprop(parameters)  # noqa: F821
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)  # noqa: F821
    for epoch in range(num_epochs):
        if decay is not None:
            learning_rate = decay(learning_rate0, epoch, decay_rate)
        mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)  # noqa: F821
        cost_total = 0.0
        for mini_batch_X, mini_batch_Y in mini_batches:
            AL, caches = forward_propagation(mini_batch_X, parameters)  # noqa: F821
            cost_total += compute_cost(AL, mini_batch_Y)  # noqa: F821
            grads = backward_propagation(AL, mini_batch_Y, caches)  # noqa: F821
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)  # noqa: F821
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)  # noqa: F821
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)  # noqa: F821
            else:
                t += 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,  # noqa: F821
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / len(mini_batches)
        if epoch % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs
