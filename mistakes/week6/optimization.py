"""Mistakes learners make in week6/optimization.py (see grader/tools/mistakes.py)."""

import numpy as np

from grader.tools.mistakes import mistake, patch


# ------------------------------------------------------------------ update_parameters_with_gd
steps_along_the_gradient = patch("update_parameters_with_gd", "This looks like a step along the gradient (+): "
    "gradient descent moves against it.",
    {'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]':
      'new_parameters[key] = parameters[key] + learning_rate * grads["d" + key]'})

updates_in_place = patch("update_parameters_with_gd", "Your function updates the caller's arrays in place (-=): build "
    "new arrays and return them in a new dict.",
    {"new_parameters = {}\nfor key in parameters:\n"
     '    new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]\nreturn new_parameters':
      'for key in parameters:\n    parameters[key] -= learning_rate * grads["d" + key]\nreturn parameters'})

b_updated_with_dW = patch("update_parameters_with_gd", "This looks like b updated with dW: each parameter moves along "
    "its own gradient, b{l} along db{l}.",
    {'for key in parameters:\n    new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]':
      "L = len(parameters) // 2\nfor l in range(1, L + 1):\n"
      '    new_parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]\n'
      '    new_parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"dW{l}"]'})

misses_the_last_layer = patch("update_parameters_with_gd", "This looks like an off-by-one in the layer loop that "
    "leaves out the last layer: the loop covers every layer, 1 to L included.",
    {'for key in parameters:\n    new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]':
      "L = len(parameters) // 2\nfor l in range(1, L):\n"
      '    new_parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]\n'
      '    new_parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]'})

forgets_the_learning_rate = patch("update_parameters_with_gd", "This looks like the gradient subtracted without the "
    "learning rate: the step is learning_rate * gradient.",
    {'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]':
      'new_parameters[key] = parameters[key] - grads["d" + key]'})

# ------------------------------------------------------------------------ random_mini_batches
X_and_Y_shuffled_separately = patch("random_mini_batches", "This looks like X and Y shuffled with two different "
    "permutations: draw one permutation and use it for both, so each label stays with its example.",
    {"permutation = rng.permutation(m)\nshuffled_X = X[:, permutation]\nshuffled_Y = Y[:, permutation]":
      "shuffled_X = X[:, rng.permutation(m)]\nshuffled_Y = Y[:, rng.permutation(m)]"})

no_shuffle = patch("random_mini_batches", "This looks like batches cut without shuffling: permute the columns first "
    "(rng.permutation).",
    {"permutation = rng.permutation(m)\nshuffled_X = X[:, permutation]\nshuffled_Y = Y[:, permutation]": "",
     "mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))":
      "mini_batches.append((X[:, columns], Y[:, columns]))"})

drops_the_last_partial_batch = patch("random_mini_batches", "This looks like m // mini_batch_size batches, which "
    "drops the last, partial one: when mini_batch_size does not divide m, the remaining columns form one more batch.",
    {"shuffled_X = X[:, permutation]\nshuffled_Y = Y[:, permutation]\nfor k in range(math.ceil(m / mini_batch_size)):":
      "shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]\nfor k in range(m // mini_batch_size):"})

hard_coded_batch_size = patch("random_mini_batches", "This looks like a hard-coded 64 for the batch size: use the "
    "argument mini_batch_size.",
    {"shuffled_X = X[:, permutation]\nshuffled_Y = Y[:, permutation]\n"
     "for k in range(math.ceil(m / mini_batch_size)):\n"
     "    columns = slice(k * mini_batch_size, (k + 1) * mini_batch_size)":
      "shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]\nfor k in range(math.ceil(m / 64)):\n"
      "    columns = slice(k * 64, (k + 1) * 64)"})

shuffles_the_rows = patch("random_mini_batches", "This looks like the rows shuffled (X[permutation]): the examples "
    "are the columns, so permute along the second axis.",
    {"shuffled_X = X[:, permutation]\nshuffled_Y = Y[:, permutation]":
      "shuffled_X, shuffled_Y = X[permutation], Y[permutation]"})

# --------------------------------------------------------- initialize_velocity / _rmsprop / _adam
velocity_keys_without_d = patch("initialize_velocity", "This looks like the keys of the parameters (W1, b1, ...): the "
    "velocity's keys are those of the gradients, dW1, db1, ...",
    {'v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "v[key] = np.zeros_like(parameters[key], dtype=np.float64)"})

velocity_misses_the_last_layer = patch("initialize_velocity", "This looks like an off-by-one in the layer loop that "
    "leaves out the last layer: the loop covers every layer, 1 to L included.",
    {'for key in parameters:\n    v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "L = len(parameters) // 2\nfor l in range(1, L):\n"
      '    v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)\n'
      '    v[f"db{l}"] = np.zeros_like(parameters[f"b{l}"], dtype=np.float64)'})

velocity_of_ones = patch("initialize_velocity", "This looks like ones (np.ones_like): the velocity starts at zero.",
    {'v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      'v["d" + key] = np.ones_like(parameters[key], dtype=np.float64)'})

velocity_for_the_weights_only = patch("initialize_velocity", "This looks like a velocity for the weights only: the "
    "biases need one too, db1, db2, ...",
    {'for key in parameters:\n    v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "L = len(parameters) // 2\nfor l in range(1, L + 1):\n"
      '    v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)'})

rmsprop_keys_without_d = patch("initialize_rmsprop", "This looks like the keys of the parameters (W1, b1, ...): the "
    "keys of s are those of the gradients, dW1, db1, ...",
    {'s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "s[key] = np.zeros_like(parameters[key], dtype=np.float64)"})

rmsprop_misses_the_last_layer = patch("initialize_rmsprop", "This looks like an off-by-one in the layer loop that "
    "leaves out the last layer: the loop covers every layer, 1 to L included.",
    {'for key in parameters:\n    s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "L = len(parameters) // 2\nfor l in range(1, L):\n"
      '    s[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"], dtype=np.float64)\n'
      '    s[f"db{l}"] = np.zeros_like(parameters[f"b{l}"], dtype=np.float64)'})

rmsprop_starts_at_ones = patch("initialize_rmsprop", "This looks like s starting at ones, perhaps to avoid dividing "
    "by 0: it starts at zero (epsilon takes care of the division).",
    {'s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      's["d" + key] = np.ones_like(parameters[key], dtype=np.float64)'})

rmsprop_one_number_per_parameter = patch("initialize_rmsprop", "This looks like one number per layer instead of an "
    "array: each entry of s has the shape of its parameter, all zeros.",
    {'s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)': 's["d" + key] = 0.0'})

adam_keys_without_d = patch("initialize_adam", "This looks like the keys of the parameters (W1, b1, ...): the keys of "
    "v and s are those of the gradients, dW1, db1, ...",
    {'v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\n'
     's["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      "v[key] = np.zeros_like(parameters[key], dtype=np.float64)\n"
      "s[key] = np.zeros_like(parameters[key], dtype=np.float64)"})

adam_misses_the_last_layer = patch("initialize_adam", "This looks like an off-by-one in the layer loop that leaves "
    "out the last layer: the loop covers every layer, 1 to L included.",
    {'for key in parameters:\n    v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\n'
     '    s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      'L = len(parameters) // 2\nfor l in range(1, L):\n    for key in (f"W{l}", f"b{l}"):\n'
      '        v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\n'
      '        s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)'})

adam_s_starts_at_ones = patch("initialize_adam", "This looks like s starting at ones, perhaps to avoid dividing by 0: "
    "both running means start at zero (epsilon takes care of the division).",
    {'s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)':
      's["d" + key] = np.ones_like(parameters[key], dtype=np.float64)'})

returns_one_dict = patch("initialize_adam", "This returns one dict holding v and s: return the two dicts as a tuple, "
    "v, s.",
    {"v, s = {}, {}": "state = {}",
     'for key in parameters:\n    v["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\n'
     '    s["d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\nreturn v, s':
      'for key in parameters:\n    state["v_d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\n'
      '    state["s_d" + key] = np.zeros_like(parameters[key], dtype=np.float64)\nreturn state'})

# ------------------------------------------------------------ update_parameters_with_momentum
steps_along_the_gradient_not_v = patch("update_parameters_with_momentum", "This looks like the step taken along the "
    "gradient: with momentum the parameters move along the new velocity v, scaled by learning_rate.",
    {'new_parameters[key] = parameters[key] - learning_rate * new_v["d" + key]':
      'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key]'})

no_one_minus_beta = patch("update_parameters_with_momentum", "This looks like v = beta v + g, without the factor 1 - "
    "beta on the gradient: the velocity is an average, beta v + (1 - beta) g.",
    {'new_v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]':
      'new_v["d" + key] = beta * v["d" + key] + grads["d" + key]'})

steps_with_the_old_velocity = patch("update_parameters_with_momentum", "This looks like the step taken with the old "
    "velocity: update v first, then step along the new v.",
    {"for key in parameters:":
      'for key in parameters:\n    new_parameters[key] = parameters[key] - learning_rate * v["d" + key]',
     'new_parameters[key] = parameters[key] - learning_rate * new_v["d" + key]': ""})

beta_swapped = patch("update_parameters_with_momentum", "This looks like beta and 1 - beta swapped: the old velocity "
    "keeps the weight beta, v = beta v + (1 - beta) g.",
    {'new_v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]':
      'new_v["d" + key] = (1 - beta) * v["d" + key] + beta * grads["d" + key]'})

writes_into_the_callers_velocity = patch("update_parameters_with_momentum", "Your function writes the new velocity "
    "into the caller's dict v: build a new dict and return it.",
    {"new_parameters, new_v = {}, {}": "new_parameters = {}",
     'for key in parameters:\n    new_v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]\n'
     '    new_parameters[key] = parameters[key] - learning_rate * new_v["d" + key]\nreturn new_parameters, new_v':
      'for key in parameters:\n    v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]\n'
      '    new_parameters[key] = parameters[key] - learning_rate * v["d" + key]\nreturn new_parameters, v'})

# ------------------------------------------------------------- update_parameters_with_rmsprop
gradient_not_squared = patch("update_parameters_with_rmsprop", "This looks like s averaging the gradients, not their "
    "squares: s is a running mean of g ** 2.",
    {'new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(grads["d" + key])\n'
     'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key] / (np.sqrt(new_s["d" + key]) + epsilon)':
      'g = grads["d" + key]\nnew_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * g\n'
      'new_parameters[key] = parameters[key] - learning_rate * g / (np.sqrt(np.abs(new_s["d" + key])) + epsilon)'})

rmsprop_epsilon_inside_the_square_root = patch("update_parameters_with_rmsprop", "This looks like epsilon inside the "
    "square root: take the square root of s first, then add epsilon.",
    {'new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(grads["d" + key])\n'
     'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key] / (np.sqrt(new_s["d" + key]) + epsilon)':
      'g = grads["d" + key]\nnew_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)\n'
      'new_parameters[key] = parameters[key] - learning_rate * g / np.sqrt(new_s["d" + key] + epsilon)'})

divides_by_s_without_square_root = patch("update_parameters_with_rmsprop", "This divides by s itself: the step "
    "divides by the square root of s (plus epsilon).",
    {'new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(grads["d" + key])\n'
     'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key] / (np.sqrt(new_s["d" + key]) + epsilon)':
      'g = grads["d" + key]\nnew_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)\n'
      'new_parameters[key] = parameters[key] - learning_rate * g / (new_s["d" + key] + epsilon)'})

steps_with_the_old_s = patch("update_parameters_with_rmsprop", "This looks like the step taken with the old s: update "
    "s first, then divide by the square root of the new s.",
    {'new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(grads["d" + key])\n'
     'new_parameters[key] = parameters[key] - learning_rate * grads["d" + key] / (np.sqrt(new_s["d" + key]) + epsilon)':
      'g = grads["d" + key]\n'
      'new_parameters[key] = parameters[key] - learning_rate * g / (np.sqrt(s["d" + key]) + epsilon)\n'
      'new_s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.square(g)'})


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
no_bias_correction = patch("update_parameters_with_adam", "This looks like Adam without the bias correction: divide v "
    "by 1 - beta1^t and s by 1 - beta2^t, and step with the corrected values.",
    {"v_corrected[g] = new_v[g] / (1 - beta1 ** t)": "v_corrected[g] = new_v[g]",
     "s_corrected[g] = new_s[g] / (1 - beta2 ** t)": "s_corrected[g] = new_s[g]"})

steps_with_the_uncorrected_averages = patch("update_parameters_with_adam", "This looks like the step taken with the "
    "uncorrected v and s, though v_corrected and s_corrected are right: the step uses the corrected values.",
    {"new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)":
      "new_parameters[key] = parameters[key] - learning_rate * new_v[g] / (np.sqrt(new_s[g]) + epsilon)"})

steps_with_the_uncorrected_s = patch("update_parameters_with_adam", "This looks like the step dividing by the square "
    "root of the uncorrected s, though s_corrected is right: the step uses s_corrected, as it uses v_corrected.",
    {"new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)":
      "new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(new_s[g]) + epsilon)"})

t_counted_from_0 = patch("update_parameters_with_adam", "This looks like t counted from 0 (beta^(t + 1) in the "
    "correction): t is already the number of this update, 1 for the first, and the correction uses t itself.",
    {"v_corrected[g] = new_v[g] / (1 - beta1 ** t)": "v_corrected[g] = new_v[g] / (1 - beta1 ** (t + 1))",
     "s_corrected[g] = new_s[g] / (1 - beta2 ** t)": "s_corrected[g] = new_s[g] / (1 - beta2 ** (t + 1))"})

adam_epsilon_inside_the_square_root = patch("update_parameters_with_adam", "This looks like epsilon inside the square "
    "root, np.sqrt(s_corrected + epsilon): Adam adds epsilon after taking the square root.",
    {"new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)":
      "new_parameters[key] = parameters[key] - learning_rate * v_corrected[g] / np.sqrt(s_corrected[g] + epsilon)"})

beta1_for_s = patch("update_parameters_with_adam", "This looks like s updated with beta1: the mean of the squared "
    "gradients decays with beta2.",
    {"new_s[g] = beta2 * s[g] + (1 - beta2) * np.square(grads[g])":
      "new_s[g] = beta1 * s[g] + (1 - beta1) * np.square(grads[g])"})

corrects_the_old_averages = patch("update_parameters_with_adam", "This looks like the bias correction applied to the "
    "old v and s: update them first, then correct the new values.",
    {'g = "d" + key':
      'g = "d" + key\nv_corrected[g] = v[g] / (1 - beta1 ** t)\ns_corrected[g] = s[g] / (1 - beta2 ** t)',
     "v_corrected[g] = new_v[g] / (1 - beta1 ** t)": "",
     "s_corrected[g] = new_s[g] / (1 - beta2 ** t)": ""})

multiplies_by_the_correction = patch("update_parameters_with_adam", "This looks like the bias correction multiplied "
    "in: v_corrected is v divided by 1 - beta1^t (and s_corrected s divided by 1 - beta2^t).",
    {"v_corrected[g] = new_v[g] / (1 - beta1 ** t)": "v_corrected[g] = new_v[g] * (1 - beta1 ** t)",
     "s_corrected[g] = new_s[g] / (1 - beta2 ** t)": "s_corrected[g] = new_s[g] * (1 - beta2 ** t)"})

# ---------------------------------------------------------------------------------- update_lr
missing_parentheses = patch("update_lr", "This looks like learning_rate0 divided by 1 before the decay term is added: "
    "put the whole denominator in parentheses.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)":
      "learning_rate = learning_rate0 / 1 + decay_rate * epoch_num"})

multiplies_instead_of_dividing = patch("update_lr", "This multiplies learning_rate0 by the decay's denominator, so "
    "the rate grows: divide by it.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)":
      "learning_rate = learning_rate0 * (1 + decay_rate * epoch_num)"})

epochs_counted_from_1 = patch("update_lr", "This looks like the epochs counted from 1 (epoch_num + 1): epoch 0 keeps "
    "learning_rate0.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)":
      "learning_rate = learning_rate0 / (1 + decay_rate * (epoch_num + 1))"})

exponential_decay = patch("update_lr", "This looks like an exponential decay, decay_rate ** epoch_num: the course's "
    "decay divides learning_rate0 by a factor that grows linearly with the epoch.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)":
      "learning_rate = learning_rate0 * decay_rate ** epoch_num"})

# -------------------------------------------------------------------------- schedule_lr_decay
no_floor = patch("schedule_lr_decay", "This looks like the number of intervals without the floor: the rate must stay "
    "constant within each interval, so take the integer part.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))":
      "learning_rate = learning_rate0 / (1 + decay_rate * epoch_num / time_interval)"})

rounds_instead_of_floor = patch("schedule_lr_decay", "This looks like round() instead of the floor: an interval "
    "counts as passed only when it is complete, so take the floor of the division.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))":
      "learning_rate = learning_rate0 / (1 + decay_rate * round(epoch_num / time_interval))"})

hard_coded_interval = patch("schedule_lr_decay", "This looks like a hard-coded 1000 for the interval: use the "
    "argument time_interval.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))":
      "learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / 1000))"})

floors_the_product = patch("schedule_lr_decay", "This looks like decay_rate * epoch_num // time_interval, which "
    "floors the whole product divided by time_interval: floor the number of intervals alone, in parentheses.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))":
      "learning_rate = learning_rate0 / (1 + decay_rate * epoch_num // time_interval)"})

ceil_instead_of_floor = patch("schedule_lr_decay", "This looks like math.ceil: an interval counts only when it is "
    "complete, so take the floor of the division.",
    {"learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))":
      "learning_rate = learning_rate0 / (1 + decay_rate * math.ceil(epoch_num / time_interval))"})

# -------------------------------------------------------------------------------------- model
adam_t_from_0 = patch("model", "This looks like Adam's t increased after the update, so the first update has t = 0 "
    "and divides by 1 - beta^0 = 0: increase t before each update.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "t += 1": "",
     "cost_avg = cost_total / m": "        t += 1\ncost_avg = cost_total / m",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

adam_t_counts_epochs = patch("model", "This looks like Adam's t counting epochs: t counts updates, one per "
    "mini-batch, so it grows inside the loop over the mini-batches.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "cost_total = 0.0": "cost_total = 0.0\nt += 1",
     "t += 1\nparameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,":
      "parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

seed_per_epoch_for_the_shuffle = patch("model", "This looks like a new seed per epoch given to random_mini_batches: "
    "pass the model's generator rng itself, so that every shuffle continues its stream.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)":
      "mini_batches = random_mini_batches(X, Y, mini_batch_size, epoch)",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

decay_compounds = patch("model", "This looks like the decay applied to the current rate, so it compounds from epoch "
    "to epoch: compute each epoch's rate from learning_rate0, not from the previous epoch's rate.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "learning_rate0 = learning_rate": "",
     "learning_rate = decay(learning_rate0, epoch, decay_rate)":
      "learning_rate = decay(learning_rate, epoch, decay_rate)",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

state_reset_every_epoch = patch("model", "This looks like the optimizer's state (v, s) reset at every epoch: "
    "initialize it once, before the loop over the epochs, so the averages run over the whole training.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     'if optimizer == "momentum":\n    v = initialize_velocity(parameters)\nelif optimizer == "rmsprop":\n'
     '    s = initialize_rmsprop(parameters)\nelif optimizer == "adam":\n    v, s = initialize_adam(parameters)': "",
     "if decay is not None:":
      'if optimizer == "momentum":\n    v = initialize_velocity(parameters)\nelif optimizer == "rmsprop":\n'
      '    s = initialize_rmsprop(parameters)\nelif optimizer == "adam":\n    v, s = initialize_adam(parameters)\n'
      "if decay is not None:",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

rmsprop_with_beta = patch("model", "This looks like RMSprop run with beta, momentum's decay: RMSprop's running mean "
    "of the squared gradients decays with beta2.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)":
      "parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon)",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})

cost_not_weighted_by_batch_size = patch("model", "This looks like the mean of the mini-batch costs: weight each "
    "batch's cost by its size and divide the sum by m, since the last batch can be smaller.",
    {"if optimizer not in OPTIMIZERS:\n"
     '    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")': "",
     "m = X.shape[1]": "",
     "cost_total += compute_cost(AL, mini_batch_Y) * mini_batch_X.shape[1]":
      "cost_total += compute_cost(AL, mini_batch_Y)",
     "cost_avg = cost_total / m": "cost_avg = cost_total / len(mini_batches)",
     "if print_cost and epoch % 1000 == 0:\n"
     '    print(f"Cost after epoch {epoch}: {cost_avg:f}; learning rate {learning_rate:g}")': ""})
