"""Mistakes learners make in week2/logistic_regression.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week2/logistic_regression.py`` (``np``, ``EPS``,
``sigmoid``, ``initialize_with_zeros``, ``propagate``, ``optimize``, ``predict``, ``model``), where it
replaces the graded function of the same name.
"""
from grader.tools.mistakes import patch, variant


# ---------------------------------------------------------------------------------- sigmoid
exp_without_minus = patch("sigmoid", "This looks like exp(z) where the formula has exp(-z), which computes "
    "sigmoid(-z): check the sign of the exponent.",
    {"e = np.exp(-np.abs(z))\ns = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = 1 / (1 + np.exp(z))"})

exp_ratio_overflows = patch("sigmoid", "This looks like e^z / (1 + e^z) for every z: for large positive z both "
    "overflow to inf and inf / inf is NaN, so keep that form for negative z only.",
    {"e = np.exp(-np.abs(z))\ns = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = np.exp(z) / (1 + np.exp(z))"})

same_branch_for_both_signs = patch("sigmoid", "This looks like the stable formula with the same branch for both "
    "signs, which gives sigmoid(|z|): negative z need e / (1 + e).",
    {"s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = np.where(z >= 0, 1.0 / (1.0 + e), 1.0 / (1.0 + e))"})

tanh_identity_without_half = patch("sigmoid", "This looks like 1/2 (1 + tanh(z)), which is sigmoid(2z): the tanh "
    "identity uses z / 2.",
    {"e = np.exp(-np.abs(z))\ns = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = 0.5 * (1 + np.tanh(z))"})

# -------------------------------------------------------------------- initialize_with_zeros
w_is_one_dimensional = patch("initialize_with_zeros", "w looks 1-D, of shape (dim,): it is a column of shape (dim, 1).",
    {"w = np.zeros((dim, 1))": "w = np.zeros(dim)"})

w_is_a_row = patch("initialize_with_zeros", "w looks like a row of shape (1, dim): it is a column of shape (dim, 1).",
    {"w = np.zeros((dim, 1))": "w = np.zeros((1, dim))"})

b_is_an_int = patch("initialize_with_zeros", "b is the integer 0: the bias is the float 0.0.",
    {"b = 0.0": "b = 0"})

w_of_integers = patch("initialize_with_zeros", "w holds integers (dtype=int): the weights are floats, np.zeros' "
    "default dtype.",
    {"w = np.zeros((dim, 1))": "w = np.zeros((dim, 1), dtype=int)"})

# -------------------------------------------------------------------------------- propagate
logs_without_clipping = patch("propagate", "The cost is inf or NaN when a probability is exactly 0 or 1: clip A to "
    "[EPS, 1 - EPS] inside the logs.",
    {"A_safe = np.clip(A, EPS, 1 - EPS)\ncost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m":
      "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"})

cost_without_minus = patch("propagate", "The cost looks negative: the cross-entropy has a minus sign in front of the "
    "mean of the logs.",
    {"cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m":
      "cost = np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m"})

log_terms_swapped = patch("propagate", "The two log terms look swapped: Y goes with log(A) and 1 - Y with log(1 - A).",
    {"cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m":
      "cost = -np.sum(Y * np.log(1 - A_safe) + (1 - Y) * np.log(A_safe)) / m"})

dw_without_one_over_m = patch("propagate", "dw looks like it lacks the 1/m: average the gradient over the m examples.",
    {"dw = np.dot(X, dZ.T) / m": "dw = np.dot(X, dZ.T)"})

db_without_one_over_m = patch("propagate", "db looks like a sum over the examples without the 1/m: average it, like "
    "dw.",
    {"db = np.sum(dZ) / m": "db = np.sum(dZ)"})

dZ_sign_flipped = patch("propagate", "The gradients have the wrong sign (Y - A): dZ is A - Y.",
    {"dZ = A - Y": "dZ = Y - A"})

dw_transposed = patch("propagate", "dw looks transposed, of shape (1, n_x): it must have the shape of w, (n_x, 1).",
    {"dw = np.dot(X, dZ.T) / m": "dw = np.dot(dZ, X.T) / m"})

cost_returned_as_an_array = patch("propagate", "The cost looks like a (1, 1) array: return it as a float.",
    {"cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m":
      "cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe), axis=1, keepdims=True) / m",
     "return grads, float(np.squeeze(cost))": "return grads, cost"})

# --------------------------------------------------------------------------------- optimize
updates_w_in_place = patch("optimize", "Your loop updates the caller's w in place (w -= ...): assign new arrays to w "
    "and b so that the inputs stay unchanged.",
    {'w = w - learning_rate * grads["dw"]': 'w -= learning_rate * grads["dw"]'})

steps_uphill = patch("optimize", "The step adds the gradient (w + learning_rate * dw), which climbs the cost: "
    "gradient descent subtracts it.",
    {'w = w - learning_rate * grads["dw"]\nb = b - learning_rate * grads["db"]':
      'w = w + learning_rate * grads["dw"]\nb = b + learning_rate * grads["db"]'})

step_without_learning_rate = patch("optimize", "The learning rate is missing from the step: multiply the gradient by "
    "learning_rate.",
    {'w = w - learning_rate * grads["dw"]\nb = b - learning_rate * grads["db"]':
      'w = w - grads["dw"]\nb = b - grads["db"]'})

b_updated_with_dw = patch("optimize", "b looks like it was updated with dw instead of db: each parameter takes a step "
    "along its own gradient.",
    {'b = b - learning_rate * grads["db"]': 'b = b - learning_rate * grads["dw"]'})

gradients_computed_once = patch("optimize", "The gradients look computed once, before the loop: call propagate inside "
    "the loop, at the current w and b.",
    {"for i in range(num_iterations):\n    grads, cost = propagate(w, b, X, Y)":
      "grads, cost = propagate(w, b, X, Y)\nfor i in range(num_iterations):"})

# ---------------------------------------------------------------------------------- predict
threshold_includes_one_half = patch("predict", "This predicts 1 when the probability is exactly 0.5: the rule is a > "
    "0.5, strictly.",
    {"Y_prediction = (A > 0.5).astype(np.float64)": "Y_prediction = (A >= 0.5).astype(np.float64)"})

returns_probabilities = patch("predict", "This returns the probabilities A: predict turns them into labels 0.0 / 1.0 "
    "with the threshold 0.5.",
    {"Y_prediction = (A > 0.5).astype(np.float64)": "Y_prediction = A"})

threshold_on_the_score = patch("predict", "This compares the score w^T X + b with 0.5: the threshold 0.5 applies to "
    "the probability sigmoid(w^T X + b).",
    {"A = sigmoid(np.dot(w.T, X) + b)\nY_prediction = (A > 0.5).astype(np.float64)":
      "Z = np.dot(w.T, X) + b\nY_prediction = (Z > 0.5).astype(np.float64)"})

loop_skips_the_last_example = patch("predict", "The last example is never predicted (range(m - 1)): loop over all m "
    "columns.",
    {"A = sigmoid(np.dot(w.T, X) + b)\nY_prediction = (A > 0.5).astype(np.float64)":
      "m = X.shape[1]\nA = sigmoid(np.dot(w.T, X) + b)\nY_prediction = np.zeros((1, m))\nfor i in range(m - 1):\n"
      "    Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0"})

returns_booleans = patch("predict", "This returns booleans: turn the comparison into 0.0 / 1.0 floats with "
    ".astype(np.float64).",
    {"Y_prediction = (A > 0.5).astype(np.float64)": "Y_prediction = A > 0.5"})

# ------------------------------------------------------------------------------------ model
predictions_swapped = patch("model", "The train and test predictions look swapped: Y_prediction_test comes from "
    "X_test.",
    {"Y_prediction_test = predict(w, b, X_test)\nY_prediction_train = predict(w, b, X_train)\nif print_cost:\n"
     '    print(f"train accuracy: {accuracy(Y_prediction_train, Y_train):.2f} %")\n'
     '    print(f"test accuracy: {accuracy(Y_prediction_test, Y_test):.2f} %")':
      "Y_prediction_test = predict(w, b, X_train)\nY_prediction_train = predict(w, b, X_test)",
     '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(b),':
      '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),'})

hyperparameters_not_passed_on = patch("model", "The model looks trained with optimize's default hyper-parameters: "
    "pass num_iterations and learning_rate on to optimize.",
    {"params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,\n"
     "                                print_cost)": "params, grads, costs = optimize(w, b, X_train, Y_train)",
     'if print_cost:\n    print(f"train accuracy: {accuracy(Y_prediction_train, Y_train):.2f} %")\n'
     '    print(f"test accuracy: {accuracy(Y_prediction_test, Y_test):.2f} %")': "",
     '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(b),':
      '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),'})

predicts_with_the_initial_parameters = patch("model", "The predictions look made with the initial zero parameters: "
    "use the w and b that optimize returns.",
    {'w, b = params["w"], params["b"]': "",
     'if print_cost:\n    print(f"train accuracy: {accuracy(Y_prediction_train, Y_train):.2f} %")\n'
     '    print(f"test accuracy: {accuracy(Y_prediction_test, Y_test):.2f} %")': "",
     '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(b),':
      '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),'})

one_weight_per_example = patch("model", "w looks initialized with one weight per example (X_train.shape[1]): there is "
    "one per feature, the number of rows.",
    {"w, b = initialize_with_zeros(X_train.shape[0])": "w, b = initialize_with_zeros(X_train.shape[1])",
     'if print_cost:\n    print(f"train accuracy: {accuracy(Y_prediction_train, Y_train):.2f} %")\n'
     '    print(f"test accuracy: {accuracy(Y_prediction_test, Y_test):.2f} %")': "",
     '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(b),':
      '"Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),'})

# ---------------------------------------------------------------------- learning_rate_sweep
num_iterations_not_passed_on = patch("learning_rate_sweep", "Every model looks trained for model's default number of "
    "iterations: pass num_iterations on to model.",
    {"num_iterations=num_iterations,": ""})

keys_are_strings = patch("learning_rate_sweep", "The keys look like strings: key each result by the learning rate "
    "itself (a float).",
    {"results[learning_rate] = model(X_train, Y_train, X_test, Y_test,\n"
     "                               num_iterations=num_iterations,\n"
     "                               learning_rate=learning_rate)":
      "results[str(learning_rate)] = model(X_train, Y_train, X_test, Y_test,\n"
      "                                    num_iterations=num_iterations, learning_rate=learning_rate)"})

keeps_only_the_last_model = patch("learning_rate_sweep", "This returns only the last model's dict: store each model's "
    "result under its learning rate in one dict.",
    {"results[learning_rate] = model(X_train, Y_train, X_test, Y_test,\n"
     "                               num_iterations=num_iterations,\n"
     "                               learning_rate=learning_rate)":
      "results = model(X_train, Y_train, X_test, Y_test,\n"
      "                num_iterations=num_iterations, learning_rate=learning_rate)"})

positional_arguments_swapped = patch("learning_rate_sweep", "num_iterations and learning_rate look passed by position "
    "in the wrong order: pass them to model by keyword.",
    {"num_iterations=num_iterations,\nlearning_rate=learning_rate)": "learning_rate, num_iterations)"})

# ----------------------------------------------------------------------------------- variants
cost_as_one_by_one_array = variant("propagate", "the cost as the (1, 1) array of the Deep Learning Specialization's "
    "np.dot form, and db with keepdims=True",
    {"cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m\ndZ = A - Y\ndw = np.dot(X, dZ.T) / m\n"
     "db = np.sum(dZ) / m":
      "cost = -1 / m * (np.dot(Y, np.log(A_safe).T) + np.dot(1 - Y, np.log(1 - A_safe).T))\n"
      "dw = 1 / m * np.dot(X, (A - Y).T)\ndb = 1 / m * np.sum(A - Y, axis=1, keepdims=True)"})
