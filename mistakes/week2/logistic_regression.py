"""Mistakes learners make in week2/logistic_regression.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week2/logistic_regression.py`` (``np``, ``EPS``,
``sigmoid``, ``initialize_with_zeros``, ``propagate``, ``optimize``, ``predict``, ``model``), where it
replaces the graded function of the same name.
"""
import numpy as np

from grader.tools.mistakes import mistake, variant


# ---------------------------------------------------------------------------------- sigmoid
@mistake("sigmoid", "This looks like exp(z) where the formula has exp(-z), which computes sigmoid(-z): "
                    "check the sign of the exponent.")
def exp_without_minus(z):
    z = np.asarray(z, dtype=np.float64)
    s = 1 / (1 + np.exp(z))
    return s


@mistake("sigmoid", "This looks like e^z / (1 + e^z) for every z: for large positive z both overflow to inf and "
                    "inf / inf is NaN, so keep that form for negative z only.")
def exp_ratio_overflows(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.exp(z) / (1 + np.exp(z))
    return s


@mistake("sigmoid", "This looks like the stable formula with the same branch for both signs, which gives "
                    "sigmoid(|z|): negative z need e / (1 + e).")
def same_branch_for_both_signs(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), 1.0 / (1.0 + e))
    return s


@mistake("sigmoid", "This looks like 1/2 (1 + tanh(z)), which is sigmoid(2z): the tanh identity uses z / 2.")
def tanh_identity_without_half(z):
    z = np.asarray(z, dtype=np.float64)
    s = 0.5 * (1 + np.tanh(z))
    return s


# -------------------------------------------------------------------- initialize_with_zeros
@mistake("initialize_with_zeros", "w looks 1-D, of shape (dim,): it is a column of shape (dim, 1).")
def w_is_one_dimensional(dim):
    w = np.zeros(dim)
    b = 0.0
    return w, b


@mistake("initialize_with_zeros", "w looks like a row of shape (1, dim): it is a column of shape (dim, 1).")
def w_is_a_row(dim):
    w = np.zeros((1, dim))
    b = 0.0
    return w, b


@mistake("initialize_with_zeros", "b is the integer 0: the bias is the float 0.0.")
def b_is_an_int(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b


@mistake("initialize_with_zeros", "w holds integers (dtype=int): the weights are floats, np.zeros' default dtype.")
def w_of_integers(dim):
    w = np.zeros((dim, 1), dtype=int)
    b = 0.0
    return w, b


# -------------------------------------------------------------------------------- propagate
@mistake("propagate", "The cost is inf or NaN when a probability is exactly 0 or 1: clip A to [EPS, 1 - EPS] "
                      "inside the logs.")
def logs_without_clipping(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821 (the module's sigmoid)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "The cost looks negative: the cross-entropy has a minus sign in front of the mean of the logs.")
def cost_without_minus(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "The two log terms look swapped: Y goes with log(A) and 1 - Y with log(1 - A).")
def log_terms_swapped(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(1 - A_safe) + (1 - Y) * np.log(A_safe)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "dw looks like it lacks the 1/m: average the gradient over the m examples.")
def dw_without_one_over_m(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T)
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "db looks like a sum over the examples without the 1/m: average it, like dw.")
def db_without_one_over_m(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ)
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "The gradients have the wrong sign (Y - A): dZ is A - Y.")
def dZ_sign_flipped(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m
    dZ = Y - A
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "dw looks transposed, of shape (1, n_x): it must have the shape of w, (n_x, 1).")
def dw_transposed(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe)) / m
    dZ = A - Y
    dw = np.dot(dZ, X.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


@mistake("propagate", "The cost looks like a (1, 1) array: return it as a float.")
def cost_returned_as_an_array(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    A_safe = np.clip(A, EPS, 1 - EPS)  # noqa: F821
    cost = -np.sum(Y * np.log(A_safe) + (1 - Y) * np.log(1 - A_safe), axis=1, keepdims=True) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, cost


# --------------------------------------------------------------------------------- optimize
@mistake("optimize", "Your loop updates the caller's w in place (w -= ...): assign new arrays to w and b so that "
                     "the inputs stay unchanged.")
def updates_w_in_place(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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


@mistake("optimize", "The step adds the gradient (w + learning_rate * dw), which climbs the cost: gradient "
                     "descent subtracts it.")
def steps_uphill(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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


@mistake("optimize", "The learning rate is missing from the step: multiply the gradient by learning_rate.")
def step_without_learning_rate(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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


@mistake("optimize", "b looks like it was updated with dw instead of db: each parameter takes a step along its "
                     "own gradient.")
def b_updated_with_dw(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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


@mistake("optimize", "The gradients look computed once, before the loop: call propagate inside the loop, at the "
                     "current w and b.")
def gradients_computed_once(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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


# ---------------------------------------------------------------------------------- predict
@mistake("predict", "This predicts 1 when the probability is exactly 0.5: the rule is a > 0.5, strictly.")
def threshold_includes_one_half(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    Y_prediction = (A >= 0.5).astype(np.float64)
    return Y_prediction


@mistake("predict", "This returns the probabilities A: predict turns them into labels 0.0 / 1.0 with the "
                    "threshold 0.5.")
def returns_probabilities(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    Y_prediction = A
    return Y_prediction


@mistake("predict", "This compares the score w^T X + b with 0.5: the threshold 0.5 applies to the probability "
                    "sigmoid(w^T X + b).")
def threshold_on_the_score(w, b, X):
    w = w.reshape(X.shape[0], 1)
    Z = np.dot(w.T, X) + b
    Y_prediction = (Z > 0.5).astype(np.float64)
    return Y_prediction


@mistake("predict", "The last example is never predicted (range(m - 1)): loop over all m columns.")
def loop_skips_the_last_example(w, b, X):
    w = w.reshape(X.shape[0], 1)
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    Y_prediction = np.zeros((1, m))
    for i in range(m - 1):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


@mistake("predict", "This returns booleans: turn the comparison into 0.0 / 1.0 floats with .astype(np.float64).")
def returns_booleans(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)  # noqa: F821
    Y_prediction = A > 0.5
    return Y_prediction


# ------------------------------------------------------------------------------------ model
@mistake("model", "The train and test predictions look swapped: Y_prediction_test comes from X_test.")
def predictions_swapped(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                        print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])  # noqa: F821
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,  # noqa: F821
                                    print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_train)  # noqa: F821
    Y_prediction_train = predict(w, b, X_test)  # noqa: F821
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


@mistake("model", "The model looks trained with optimize's default hyper-parameters: pass num_iterations and "
                  "learning_rate on to optimize.")
def hyperparameters_not_passed_on(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                                  print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])  # noqa: F821
    params, grads, costs = optimize(w, b, X_train, Y_train)  # noqa: F821
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)  # noqa: F821
    Y_prediction_train = predict(w, b, X_train)  # noqa: F821
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


@mistake("model", "The predictions look made with the initial zero parameters: use the w and b that optimize "
                  "returns.")
def predicts_with_the_initial_parameters(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                                         print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])  # noqa: F821
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,  # noqa: F821
                                    print_cost)
    Y_prediction_test = predict(w, b, X_test)  # noqa: F821
    Y_prediction_train = predict(w, b, X_train)  # noqa: F821
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


@mistake("model", "w looks initialized with one weight per example (X_train.shape[1]): there is one per feature, "
                  "the number of rows.")
def one_weight_per_example(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                           print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[1])  # noqa: F821
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,  # noqa: F821
                                    print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)  # noqa: F821
    Y_prediction_train = predict(w, b, X_train)  # noqa: F821
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": float(np.squeeze(b)),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


# ---------------------------------------------------------------------- learning_rate_sweep
@mistake("learning_rate_sweep", "Every model looks trained for model's default number of iterations: pass "
                                "num_iterations on to model.")
def num_iterations_not_passed_on(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations=1500):
    results = {}
    for learning_rate in learning_rates:
        results[learning_rate] = model(X_train, Y_train, X_test, Y_test,  # noqa: F821 (the module's model)
                                       learning_rate=learning_rate)
    return results


@mistake("learning_rate_sweep", "The keys look like strings: key each result by the learning rate itself (a float).")
def keys_are_strings(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations=1500):
    results = {}
    for learning_rate in learning_rates:
        results[str(learning_rate)] = model(X_train, Y_train, X_test, Y_test,  # noqa: F821
                                            num_iterations=num_iterations, learning_rate=learning_rate)
    return results


@mistake("learning_rate_sweep", "This returns only the last model's dict: store each model's result under its "
                                "learning rate in one dict.")
def keeps_only_the_last_model(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations=1500):
    results = {}
    for learning_rate in learning_rates:
        results = model(X_train, Y_train, X_test, Y_test,  # noqa: F821
                        num_iterations=num_iterations, learning_rate=learning_rate)
    return results


@mistake("learning_rate_sweep", "num_iterations and learning_rate look passed by position in the wrong order: "
                                "pass them to model by keyword.")
def positional_arguments_swapped(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations=1500):
    results = {}
    for learning_rate in learning_rates:
        results[learning_rate] = model(X_train, Y_train, X_test, Y_test,  # noqa: F821
                                       learning_rate, num_iterations)
    return results


# ----------------------------------------------------------------------------------- variants
@variant("propagate", "the cost as the (1, 1) array of the Deep Learning Specialization's np.dot form, and db "
                      "with keepdims=True")
def cost_as_one_by_one_array(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    A_safe = np.clip(A, EPS, 1 - EPS)
    cost = -1 / m * (np.dot(Y, np.log(A_safe).T) + np.dot(1 - Y, np.log(1 - A_safe).T))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y, axis=1, keepdims=True)
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))
