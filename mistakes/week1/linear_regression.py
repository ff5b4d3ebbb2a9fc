"""Mistakes learners make in week1/linear_regression.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/linear_regression.py`` (``np``, ``standardize``,
``propagate``, ``gradient_descent``, ``predict``, ``rmse``), where it replaces the graded function of
the same name.
"""
import numpy as np

from grader.tools.mistakes import mistake, variant


# ------------------------------------------------------------------------------ standardize
# The threshold variants first: on the cases that tell them apart, another entry can give the same result.
@mistake("standardize", "This looks like a constant row recognised only by a std of exactly 0: np.std of a "
                        "constant row is often a rounding error (1.4e-17 for a row of 0.1); use the lesson's "
                        "threshold, relative to the mean.")
def only_exact_zero_std_is_constant(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    std[std == 0] = 1.0
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This looks like an absolute threshold that misses large constant rows: np.std of a row "
                        "of 1000000.1 is a rounding error of 1.2e-10; the lesson's threshold grows with |mean|.")
def absolute_threshold_too_small(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    std = np.where(std < 1e-12, 1.0, std)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This looks like an absolute threshold that also flattens a real feature on a tiny scale "
                        "(std 5e-10, mean near 0): the lesson's threshold is relative to the mean.")
def absolute_threshold_too_large(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    std = np.where(std < 1e-8, 1.0, std)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "An all-zero row comes out as NaN: its mean and std are both 0, so a threshold of "
                        "1e-12 |mean| alone is 0; the lesson's threshold is 1e-12 (1 + |mean|).")
def relative_threshold_misses_all_zero_rows(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    std[std < 1e-12 * np.abs(mean)] = 1.0
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This looks like the mean and std of the columns (axis=0), one per example: each "
                        "feature is a row, so reduce over axis=1.")
def statistics_over_the_examples_axis(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=0, keepdims=True)
    std = np.std(X, axis=0, keepdims=True)
    std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This looks like mean and std of shape (n_x,) without keepdims=True, which broadcast "
                        "along the wrong axis: keep them as (n_x, 1) columns.")
def statistics_without_keepdims(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1)
    std = np.std(X, axis=1)
    std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This divides by the variance: the standard deviation is its square root.")
def divides_by_the_variance(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.var(X, axis=1, keepdims=True)
    std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "This looks like the sample standard deviation (ddof=1): the course uses the "
                        "population one, np.std's default.")
def sample_standard_deviation(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, ddof=1, keepdims=True)
    std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "A constant row has std 0 and becomes 0 / 0 = NaN: replace a (near) zero std by 1.")
def constant_row_gives_nan(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    X_norm = (X - mean) / std
    return X_norm, mean, std


@mistake("standardize", "Your function standardizes the caller's X in place (X -= ..., X /= ...): compute a new "
                        "array with X - ... instead.")
def standardizes_in_place(X):
    X = np.asarray(X, dtype=np.float64)
    mean = np.mean(X, axis=1, keepdims=True)
    std = np.std(X, axis=1, keepdims=True)
    std = np.where(std > 1e-12 * (1.0 + np.abs(mean)), std, 1.0)
    X -= mean
    X /= std
    return X, mean, std


# ---------------------------------------------------------------------------------- predict
@mistake("predict", "This looks like X.T times w, of shape (m, 1): the predictions are a (1, m) row, w^T X.")
def X_transposed_times_w(w, b, X):
    Y_hat = np.dot(X.T, w) + b
    return Y_hat


@mistake("predict", "This looks like w * X, an elementwise product of shape (n_x, m): w^T X is a matrix product "
                    "(np.dot), which sums over the features.")
def elementwise_product(w, b, X):
    Y_hat = w * X + b
    return Y_hat


@mistake("predict", "The bias b is missing: the prediction is w^T X + b.")
def missing_bias(w, b, X):
    Y_hat = np.dot(w.T, X)
    return Y_hat


@mistake("predict", "This applies a sigmoid, as in logistic regression: a linear model predicts w^T X + b itself.")
def sigmoid_of_the_score(w, b, X):
    Y_hat = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    return Y_hat


# -------------------------------------------------------------------------------- propagate
@mistake("propagate", "The cost looks like it lacks the 1/2 of 1/(2m): its gradient no longer matches dw and db.")
def cost_without_one_half(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.sum((Y_hat - Y) ** 2) / m
    dZ = Y_hat - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "dw looks like it lacks the 1/m: average the gradient over the m examples.")
def dw_without_one_over_m(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.sum((Y_hat - Y) ** 2) / (2 * m)
    dZ = Y_hat - Y
    dw = np.dot(X, dZ.T)
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "db looks like a sum over the examples without the 1/m: average it, like dw.")
def db_without_one_over_m(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.sum((Y_hat - Y) ** 2) / (2 * m)
    dZ = Y_hat - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ)
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "The gradients have the wrong sign (Y - Y_hat): the error is Y_hat - Y.")
def error_sign_flipped(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.sum((Y_hat - Y) ** 2) / (2 * m)
    dZ = Y - Y_hat
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "dw looks transposed, of shape (1, n_x): it must have the shape of w, (n_x, 1).")
def dw_transposed(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.sum((Y_hat - Y) ** 2) / (2 * m)
    dZ = Y_hat - Y
    dw = np.dot(dZ, X.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


# ------------------------------------------------------------------------- gradient_descent
@mistake("gradient_descent", "Your loop updates the caller's w in place (w -= ...): assign new arrays to w and b "
                             "so that the inputs stay unchanged.")
def updates_w_in_place(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)  # noqa: F821 (the module's propagate)
        w -= learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


@mistake("gradient_descent", "The step adds the gradient (w + learning_rate * dw), which climbs the cost: "
                             "gradient descent subtracts it.")
def steps_uphill(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)  # noqa: F821
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


@mistake("gradient_descent", "The learning rate is missing from the step: multiply the gradient by learning_rate.")
def step_without_learning_rate(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)  # noqa: F821
        w = w - grads["dw"]
        b = b - grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


@mistake("gradient_descent", "b looks like it was updated with dw instead of db: each parameter takes a step "
                             "along its own gradient.")
def b_updated_with_dw(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)  # noqa: F821
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["dw"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


@mistake("gradient_descent", "The gradients look computed once, before the loop: call propagate inside the loop, "
                             "at the current w and b.")
def gradients_computed_once(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    grads, cost = propagate(w, b, X, Y)  # noqa: F821
    for i in range(num_iterations):
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


@mistake("gradient_descent", "This looks like a loop from 1 (range(1, num_iterations)): it takes one step too few "
                             "and records the costs at the wrong iterations.")
def loop_starts_at_one(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(1, num_iterations):
        grads, cost = propagate(w, b, X, Y)  # noqa: F821
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


# -------------------------------------------------------------------------- normal_equation
@mistake("normal_equation", "The row of ones looks missing, so the fit is forced through the origin: append it "
                            "to X to make b one more weight.")
def no_row_of_ones(X, Y):
    n_x, m = X.shape
    theta = np.linalg.lstsq(X.T, Y.T, rcond=None)[0]
    w = theta[:n_x]
    b = 0.0
    return w, float(np.squeeze(b))


@mistake("normal_equation", "The row of ones looks stacked above X, but theta is read as if it were below: the "
                            "bias is the entry of theta that matches the row of ones.")
def ones_row_first(X, Y):
    n_x, m = X.shape
    X_tilde = np.vstack([np.ones((1, m)), X])
    theta = np.linalg.lstsq(X_tilde.T, Y.T, rcond=None)[0]
    w = theta[:n_x]
    b = theta[n_x, 0]
    return w, float(np.squeeze(b))


@mistake("normal_equation", "b looks read from the wrong row of theta (off by one): theta has n_x + 1 rows, "
                            "the last one is b.")
def bias_from_the_wrong_row(X, Y):
    n_x, m = X.shape
    X_tilde = np.vstack([X, np.ones((1, m))])
    theta = np.linalg.lstsq(X_tilde.T, Y.T, rcond=None)[0]
    w = theta[:n_x]
    b = theta[n_x - 1, 0]
    return w, float(np.squeeze(b))


@mistake("normal_equation", "w has n_x + 1 entries: it still contains the bias, the last row of theta.")
def w_keeps_the_bias_row(X, Y):
    n_x, m = X.shape
    X_tilde = np.vstack([X, np.ones((1, m))])
    theta = np.linalg.lstsq(X_tilde.T, Y.T, rcond=None)[0]
    w = theta
    b = theta[n_x, 0]
    return w, float(np.squeeze(b))


# ------------------------------------------------------------------------------------ model
@mistake("model", "The model looks trained on the raw features: standardize X_train first, then fold the "
                  "scaling back into w and b.")
def trains_on_raw_features(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
                           print_cost=False):
    w0, b0 = np.zeros((X_train.shape[0], 1)), 0.0
    params, grads, costs = gradient_descent(w0, b0, X_train, Y_train, num_iterations,  # noqa: F821
                                            learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    train_rmse = rmse(predict(w, b, X_train), Y_train)  # noqa: F821
    test_rmse = rmse(predict(w, b, X_test), Y_test)  # noqa: F821
    return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}


@mistake("model", "w and b look like the weights for the standardized features: fold mean and std back in so "
                  "that they apply to the raw features.")
def weights_for_standardized_features(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
                                      print_cost=False):
    X_norm, mean, std = standardize(X_train)  # noqa: F821
    w0, b0 = np.zeros((X_train.shape[0], 1)), 0.0
    params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, num_iterations,  # noqa: F821
                                            learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    train_rmse = rmse(predict(w, b, X_train), Y_train)  # noqa: F821
    test_rmse = rmse(predict(w, b, X_test), Y_test)  # noqa: F821
    return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}


@mistake("model", "w is rescaled but b is not shifted: for raw features the bias also loses w^T mean.")
def bias_not_shifted(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
                     print_cost=False):
    X_norm, mean, std = standardize(X_train)  # noqa: F821
    w0, b0 = np.zeros((X_train.shape[0], 1)), 0.0
    params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, num_iterations,  # noqa: F821
                                            learning_rate, print_cost)
    w = params["w"] / std
    b = params["b"]
    train_rmse = rmse(predict(w, b, X_train), Y_train)  # noqa: F821
    test_rmse = rmse(predict(w, b, X_test), Y_test)  # noqa: F821
    return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}


@mistake("model", "w looks multiplied by std: a standardized feature is divided by std, so its weight is "
                  "divided by std too.")
def multiplies_by_std(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
                      print_cost=False):
    X_norm, mean, std = standardize(X_train)  # noqa: F821
    w0, b0 = np.zeros((X_train.shape[0], 1)), 0.0
    params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, num_iterations,  # noqa: F821
                                            learning_rate, print_cost)
    w = params["w"] * std
    b = params["b"] - float(np.sum(w * mean))
    train_rmse = rmse(predict(w, b, X_train), Y_train)  # noqa: F821
    test_rmse = rmse(predict(w, b, X_test), Y_test)  # noqa: F821
    return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}


@mistake("model", "The model looks trained with fixed hyper-parameters: pass num_iterations and learning_rate "
                  "on to gradient_descent.")
def hyperparameters_ignored(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
                            print_cost=False):
    X_norm, mean, std = standardize(X_train)  # noqa: F821
    w0, b0 = np.zeros((X_train.shape[0], 1)), 0.0
    params, grads, costs = gradient_descent(w0, b0, X_norm, Y_train, 1000, 0.1, print_cost)  # noqa: F821
    w = params["w"] / std
    b = params["b"] - float(np.sum(w * mean))
    train_rmse = rmse(predict(w, b, X_train), Y_train)  # noqa: F821
    test_rmse = rmse(predict(w, b, X_test), Y_test)  # noqa: F821
    return {"costs": costs, "w": w, "b": float(np.squeeze(b)), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}


# ----------------------------------------------------------------------------------- variants
@variant("propagate", "the cost and db as the (1, 1) arrays that np.dot and keepdims=True give")
def cost_and_db_as_one_by_one_arrays(w, b, X, Y):
    m = X.shape[1]
    Y_hat = np.dot(w.T, X) + b
    cost = np.dot(Y_hat - Y, (Y_hat - Y).T) / (2 * m)
    dZ = Y_hat - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))
