"""Mistakes learners make in week1/linear_regression.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/linear_regression.py`` (``np``, ``standardize``,
``propagate``, ``gradient_descent``, ``predict``, ``rmse``), where it replaces the graded function of
the same name.
"""
from grader.tools.mistakes import patch, variant


# ------------------------------------------------------------------------------ standardize
# The threshold variants first: on the cases that tell them apart, another entry can give the same result.
only_exact_zero_std_is_constant = patch("standardize", "This looks like a constant row recognised only by a std of "
    "exactly 0: np.std of a constant row is often a rounding error (1.4e-17 for a row of 0.1); use the lesson's "
    "threshold, relative to the mean.",
    {"std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)": "std[std == 0] = 1.0"})

absolute_threshold_too_small = patch("standardize", "This looks like an absolute threshold that misses large constant "
    "rows: np.std of a row of 1000000.1 is a rounding error of 1.2e-10; the lesson's threshold grows with |mean|.",
    {"std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)": "std = np.where(std < 1e-12, 1.0, std)"})

absolute_threshold_too_large = patch("standardize", "This looks like an absolute threshold that also flattens a real "
    "feature on a tiny scale (std 5e-10, mean near 0): the lesson's threshold is relative to the mean.",
    {"std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)": "std = np.where(std < 1e-8, 1.0, std)"})

relative_threshold_misses_all_zero_rows = patch("standardize", "An all-zero row comes out as NaN: its mean and std "
    "are both 0, so a threshold of 1e-12 |mean| alone is 0; the lesson's threshold is 1e-12 (1 + |mean|).",
    {"std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)": "std[std < 1e-12 * np.abs(mean)] = 1.0"})

statistics_over_the_examples_axis = patch("standardize", "This looks like the mean and std of the columns (axis=0), "
    "one per example: each feature is a row, so reduce over axis=1.",
    {"mean = np.mean(X, axis=1, keepdims=True)\nstd = np.std(X, axis=1, keepdims=True)":
      "mean = np.mean(X, axis=0, keepdims=True)\nstd = np.std(X, axis=0, keepdims=True)"})

statistics_without_keepdims = patch("standardize", "This looks like mean and std of shape (n_x,) without "
    "keepdims=True, which broadcast along the wrong axis: keep them as (n_x, 1) columns.",
    {"mean = np.mean(X, axis=1, keepdims=True)\nstd = np.std(X, axis=1, keepdims=True)":
      "mean = np.mean(X, axis=1)\nstd = np.std(X, axis=1)"})

divides_by_the_variance = patch("standardize", "This divides by the variance: the standard deviation is its square "
    "root.",
    {"std = np.std(X, axis=1, keepdims=True)": "std = np.var(X, axis=1, keepdims=True)"})

sample_standard_deviation = patch("standardize", "This looks like the sample standard deviation (ddof=1): the course "
    "uses the population one, np.std's default.",
    {"std = np.std(X, axis=1, keepdims=True)": "std = np.std(X, axis=1, ddof=1, keepdims=True)"})

constant_row_gives_nan = patch("standardize", "A constant row has std 0 and becomes 0 / 0 = NaN: replace a (near) "
    "zero std by 1.",
    {"std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)": ""})

standardizes_in_place = patch("standardize", "Your function standardizes the caller's X in place (X -= ..., X /= "
    "...): compute a new array with X - ... instead.",
    {"X_norm = (X - mean) / std\nreturn X_norm, mean, std": "X -= mean\nX /= std\nreturn X, mean, std"})

# ---------------------------------------------------------------------------------- predict
X_transposed_times_w = patch("predict", "This looks like X.T times w, of shape (m, 1): the predictions are a (1, m) "
    "row, w^T X.",
    {"Y_hat = np.dot(w.T, X) + b": "Y_hat = np.dot(X.T, w) + b"})

elementwise_product = patch("predict", "This looks like w * X, an elementwise product of shape (n_x, m): w^T X is a "
    "matrix product (np.dot), which sums over the features.",
    {"Y_hat = np.dot(w.T, X) + b": "Y_hat = w * X + b"})

missing_bias = patch("predict", "The bias b is missing: the prediction is w^T X + b.",
    {"Y_hat = np.dot(w.T, X) + b": "Y_hat = np.dot(w.T, X)"})

sigmoid_of_the_score = patch("predict", "This applies a sigmoid, as in logistic regression: a linear model predicts "
    "w^T X + b itself.",
    {"Y_hat = np.dot(w.T, X) + b": "Y_hat = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))"})

# -------------------------------------------------------------------------------- propagate
cost_without_one_half = patch("propagate", "The cost looks like it lacks the 1/2 of 1/(2m): its gradient no longer "
    "matches dw and db.",
    {"cost = np.sum((Y_hat - Y) ** 2) / (2 * m)": "cost = np.sum((Y_hat - Y) ** 2) / m"})

dw_without_one_over_m = patch("propagate", "dw looks like it lacks the 1/m: average the gradient over the m examples.",
    {"dw = np.dot(X, dZ.T) / m": "dw = np.dot(X, dZ.T)"})

db_without_one_over_m = patch("propagate", "db looks like a sum over the examples without the 1/m: average it, like "
    "dw.",
    {"db = np.sum(dZ) / m": "db = np.sum(dZ)"})

error_sign_flipped = patch("propagate", "The gradients have the wrong sign (Y - Y_hat): the error is Y_hat - Y.",
    {"dZ = Y_hat - Y": "dZ = Y - Y_hat"})

dw_transposed = patch("propagate", "dw looks transposed, of shape (1, n_x): it must have the shape of w, (n_x, 1).",
    {"dw = np.dot(X, dZ.T) / m": "dw = np.dot(dZ, X.T) / m"})

# ------------------------------------------------------------------------- gradient_descent
updates_w_in_place = patch("gradient_descent", "Your loop updates the caller's w in place (w -= ...): assign new "
    "arrays to w and b so that the inputs stay unchanged.",
    {'w = w - learning_rate * grads["dw"]': 'w -= learning_rate * grads["dw"]'})

steps_uphill = patch("gradient_descent", "The step adds the gradient (w + learning_rate * dw), which climbs the cost: "
    "gradient descent subtracts it.",
    {'w = w - learning_rate * grads["dw"]\nb = b - learning_rate * grads["db"]':
      'w = w + learning_rate * grads["dw"]\nb = b + learning_rate * grads["db"]'})

step_without_learning_rate = patch("gradient_descent", "The learning rate is missing from the step: multiply the "
    "gradient by learning_rate.",
    {'w = w - learning_rate * grads["dw"]\nb = b - learning_rate * grads["db"]':
      'w = w - grads["dw"]\nb = b - grads["db"]'})

b_updated_with_dw = patch("gradient_descent", "b looks like it was updated with dw instead of db: each parameter "
    "takes a step along its own gradient.",
    {'b = b - learning_rate * grads["db"]': 'b = b - learning_rate * grads["dw"]'})

gradients_computed_once = patch("gradient_descent", "The gradients look computed once, before the loop: call "
    "propagate inside the loop, at the current w and b.",
    {"for i in range(num_iterations):\n    grads, cost = propagate(w, b, X, Y)":
      "grads, cost = propagate(w, b, X, Y)\nfor i in range(num_iterations):"})

loop_starts_at_one = patch("gradient_descent", "This looks like a loop from 1 (range(1, num_iterations)): it takes "
    "one step too few and records the costs at the wrong iterations.",
    {"for i in range(num_iterations):": "for i in range(1, num_iterations):"})

# -------------------------------------------------------------------------- normal_equation
no_row_of_ones = patch("normal_equation", "The row of ones looks missing, so the fit is forced through the origin: "
    "append it to X to make b one more weight.",
    {"X_tilde = np.vstack([X, np.ones((1, m))])\ntheta = np.linalg.lstsq(X_tilde.T, Y.T, rcond=None)[0]":
      "theta = np.linalg.lstsq(X.T, Y.T, rcond=None)[0]",
     "b = theta[n_x, 0]": "b = 0.0"})

ones_row_first = patch("normal_equation", "The row of ones looks stacked above X, but theta is read as if it were "
    "below: the bias is the entry of theta that matches the row of ones.",
    {"X_tilde = np.vstack([X, np.ones((1, m))])": "X_tilde = np.vstack([np.ones((1, m)), X])"})

bias_from_the_wrong_row = patch("normal_equation", "b looks read from the wrong row of theta (off by one): theta has "
    "n_x + 1 rows, the last one is b.",
    {"b = theta[n_x, 0]": "b = theta[n_x - 1, 0]"})

w_keeps_the_bias_row = patch("normal_equation", "w has n_x + 1 entries: it still contains the bias, the last row of "
    "theta.",
    {"w = theta[:n_x]": "w = theta"})

# ------------------------------------------------------------------------------------ model
trains_on_raw_features = patch("model", "The model looks trained on the raw features: standardize X_train first, then "
    "fold the scaling back into w and b.",
    {"X_norm, mean, std = standardize(X_train)": "",
     "params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, num_iterations,":
      "params, grads, costs = gradient_descent(w0, b0, X_train, Y_train, num_iterations,",
     'w = params["w"] / std\nb = params["b"] - float(np.sum(w * mean))': 'w = params["w"]\nb = params["b"]',
     'if print_cost:\n    print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")\n'
     'return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,':
      'return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,'})

weights_for_standardized_features = patch("model", "w and b look like the weights for the standardized features: fold "
    "mean and std back in so that they apply to the raw features.",
    {'w = params["w"] / std\nb = params["b"] - float(np.sum(w * mean))': 'w = params["w"]\nb = params["b"]',
     'if print_cost:\n    print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")\n'
     'return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,':
      'return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,'})

bias_not_shifted = patch("model", "w is rescaled but b is not shifted: for raw features the bias also loses w^T mean.",
    {'b = params["b"] - float(np.sum(w * mean))': 'b = params["b"]',
     'if print_cost:\n    print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")\n'
     'return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,':
      'return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,'})

multiplies_by_std = patch("model", "w looks multiplied by std: a standardized feature is divided by std, so its "
    "weight is divided by std too.",
    {'w = params["w"] / std': 'w = params["w"] * std',
     'if print_cost:\n    print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")\n'
     'return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,':
      'return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,'})

hyperparameters_ignored = patch("model", "The model looks trained with fixed hyper-parameters: pass num_iterations "
    "and learning_rate on to gradient_descent.",
    {"params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, num_iterations,\n"
     "                                        learning_rate, print_cost)":
      "params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, 1000, 0.1, print_cost)",
     'if print_cost:\n    print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")\n'
     'return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,':
      'return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,'})

# ----------------------------------------------------------------------------------- variants
cost_and_db_as_one_by_one_arrays = variant("propagate", "the cost and db as the (1, 1) arrays that np.dot and "
    "keepdims=True give",
    {"cost = np.sum((Y_hat - Y) ** 2) / (2 * m)": "cost = np.dot(Y_hat - Y, (Y_hat - Y).T) / (2 * m)",
     "db = np.sum(dZ) / m": "db = np.sum(dZ, axis=1, keepdims=True) / m"})
