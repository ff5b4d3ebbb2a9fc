r"""Linear regression with gradient descent, checked against the closed-form solution.

What you will build
-------------------
A linear model :math:`\hat y = w^T x + b` that predicts disease progression one year after
baseline from 10 measurements of 442 diabetes patients (the real data shipped with
scikit-learn), trained by gradient descent on the mean squared error. The same loop (forward
pass, cost, gradients, update) trains every network of this course; here the optimum is also
known in closed form, so you can check that gradient descent really finds it.

Notation
--------
- ``X`` of shape (n_x, m): one example per **column** (n_x = 10 features, m examples);
  ``Y`` of shape (1, m): the targets.
- ``w`` of shape (n_x, 1) and the float ``b``; predictions :math:`\hat Y = w^T X + b`, shape (1, m).
- Cost :math:`J(w, b) = \frac{1}{2m} \sum_{i=1}^m (\hat y^{(i)} - y^{(i)})^2`; its gradients
  ``dw`` :math:`= \partial J / \partial w` (shape (n_x, 1)), ``db`` :math:`= \partial J / \partial b`.

The features have very different scales (age in years, blood pressure in mm Hg, ...), and
gradient descent crawls along badly scaled directions, so ``standardize`` first gives every
feature mean 0 and standard deviation 1 (with the training statistics, reused for the test set).

Check your work with ``python -m grader week1``.
"""

import numpy as np


def load_data():
    """Load the diabetes regression data (given).

    Returns
    -------
    X_train : ndarray of shape (n_x, m_train)
        Features, one example per column (n_x = 10), float64, not standardized.
    Y_train : ndarray of shape (1, m_train)
        Targets: a measure of disease progression one year after baseline.
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    """
    from datasets import load  # the course's data package, imported only when needed

    data = load("diabetes")
    X_train = np.asarray(data["train_x"], dtype=np.float64).T    # (m, n_x) -> (n_x, m)
    Y_train = np.asarray(data["train_y"], dtype=np.float64).reshape(1, -1)
    X_test = np.asarray(data["test_x"], dtype=np.float64).T
    Y_test = np.asarray(data["test_y"], dtype=np.float64).reshape(1, -1)
    return X_train, Y_train, X_test, Y_test


def standardize(X):
    r"""Give every feature (row) mean 0 and standard deviation 1 over the examples (columns).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)

    Returns
    -------
    X_norm : ndarray of shape (n_x, m)
        :math:`(X - \mu) / \sigma`, row by row.
    mean : ndarray of shape (n_x, 1)
        :math:`\mu`, the mean of each row.
    std : ndarray of shape (n_x, 1)
        :math:`\sigma`, the (population) standard deviation of each row, except that a row with

        .. math::

            \sigma \le 10^{-12}\,(1 + |\mu|)

        counts as constant: its :math:`\sigma` is replaced by 1, so that the row becomes 0 instead of
        0/0 (NaN). An all-zero row is constant too. Why relative to :math:`|\mu|`: ``np.std`` of a
        constant row is exactly 0 only when the mean has no rounding error; a row of 0.1 gives 1.4e-17,
        a row of 1000000.1 gives 1.2e-10, an error that grows with the size of the values. An absolute
        threshold either misses the second (1e-12) or also flattens a real feature measured on a tiny
        scale (1e-8 flattens one with :math:`\sigma` = 5e-10, :math:`\mu` near 0).

        Reuse ``mean`` and ``std`` on the test set: ``(X_test - mean) / std``.
    """
    X = np.asarray(X, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: reduce over the examples (axis=1) with keepdims=True to get shape (n_x, 1)
    raise NotImplementedError()
    return X_norm, mean, std


def predict(w, b, X):
    r"""Predictions :math:`\hat Y = w^T X + b` of the linear model.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)

    Returns
    -------
    Y_hat : ndarray of shape (1, m)
    """
    # YOUR CODE HERE
    # Hint: np.dot of w.T (1, n_x) with X (n_x, m) has shape (1, m); b broadcasts
    raise NotImplementedError()
    return Y_hat


def propagate(w, b, X, Y):
    r"""Cost of the linear model and its gradients (forward, then backward pass).

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    grads : dict
        ``"dw"``: ndarray of shape (n_x, 1); ``"db"``: float.
    cost : float

    Notes
    -----
    With :math:`\hat Y = w^T X + b`:

    .. math::

        J = \frac{1}{2m} \sum_{i=1}^m (\hat y^{(i)} - y^{(i)})^2, \qquad
        \frac{\partial J}{\partial w} = \frac{1}{m} X (\hat Y - Y)^T, \qquad
        \frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^m (\hat y^{(i)} - y^{(i)}).

    The factor 1/2 cancels the 2 of the square's derivative.
    """
    m = X.shape[1]
    # Forward pass: predictions and cost.
    # YOUR CODE HERE
    # Hint: compute the (1, m) predictions as in predict, then the cost with np.sum
    raise NotImplementedError()
    # Backward pass: gradients.
    # YOUR CODE HERE
    # Hint: both gradients use the error Y_hat - Y of shape (1, m); dw has the shape of w
    raise NotImplementedError()
    # np.squeeze turns a (1, 1) result (np.dot gives one) into a number the same way on every NumPy
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


def gradient_descent(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    r"""Minimise the cost by gradient descent, starting from ``(w, b)``.

    Each iteration computes the gradients with ``propagate`` and takes one step
    :math:`w \leftarrow w - \alpha\, dw`, :math:`b \leftarrow b - \alpha\, db`
    (:math:`\alpha` is the learning rate). The inputs are not modified.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
        Initial weights.
    b : float
        Initial bias.
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    num_iterations : int
        Number of gradient steps (at least 1).
    learning_rate : float
    print_cost : bool, default False
        Print the cost every 100 iterations.

    Returns
    -------
    params : dict
        ``"w"``: ndarray of shape (n_x, 1); ``"b"``: float. The parameters after the last step.
    grads : dict
        ``"dw"``: ndarray of shape (n_x, 1); ``"db"``: float. The gradients of the last iteration.
    costs : list of float
        The cost at iterations 0, 100, 200, ... (before that iteration's step).
    """
    costs = []
    for i in range(num_iterations):
        # YOUR CODE HERE
        # Hint: call propagate, then take one step for w and one for b
        # Hint: give w and b new arrays: an update in place (-=) would change the caller's array
        raise NotImplementedError()
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": float(np.squeeze(b))}
    return params, grads, costs


def normal_equation(X, Y):
    r"""Closed-form least-squares solution, for comparison with gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    w : ndarray of shape (n_x, 1)
    b : float
        The minimiser of the cost :math:`J(w, b)` of ``propagate``.

    Notes
    -----
    Append a row of ones to ``X`` so that ``b`` becomes one more weight:
    :math:`\tilde X` of shape (n_x + 1, m), :math:`\theta = (w; b)`. The minimiser solves the normal
    equations :math:`\tilde X \tilde X^T \theta = \tilde X Y^T`. Instead of inverting
    :math:`\tilde X \tilde X^T` (slow, and inaccurate when features are nearly collinear),
    ``np.linalg.lstsq`` solves :math:`\min_\theta \|\tilde X^T \theta - Y^T\|^2` directly.
    """
    n_x, m = X.shape
    # YOUR CODE HERE
    # Hint: stack a row of ones under X (np.vstack): b is the last weight; lstsq wants examples as rows, (m, n_x + 1)
    raise NotImplementedError()
    return w, float(np.squeeze(b))


def rmse(Y_hat, Y):
    r"""Root mean squared error :math:`\sqrt{\frac{1}{m}\sum_i (\hat y^{(i)} - y^{(i)})^2}` (given).

    Parameters
    ----------
    Y_hat : ndarray of shape (1, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    error : float
        In the units of ``Y``.
    """
    return float(np.sqrt(np.mean((Y_hat - Y) ** 2)))


def model(X_train, Y_train, X_test, Y_test, num_iterations=10000, learning_rate=0.1,
          print_cost=False):
    r"""Standardize, train by gradient descent from zeros, and evaluate the linear model.

    The model standardizes internally: it computes ``mean`` and ``std`` on ``X_train``, trains on
    the standardized features, then folds the scaling back into the weights,
    :math:`w = w_s / \sigma` and :math:`b = b_s - w^T \mu`, so that the returned ``w, b`` apply to
    the **raw** features: ``predict(w, b, X_test)`` needs no preprocessing. (Already standardized
    inputs are fine too: standardizing them again changes nothing.)

    Parameters
    ----------
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    num_iterations : int, default 10000
    learning_rate : float, default 0.1
        On standardized data the curvature of the cost is at most n_x along any direction (and 1
        for ``b``), so 0.1 is stable for up to 20 features. On the diabetes data 10000 steps bring
        the cost to within 1e-6 (relative) of the normal-equation optimum with a wide margin.
    print_cost : bool, default False

    Returns
    -------
    d : dict
        ``"costs"``: list of float (every 100 iterations; standardizing does not change the cost
        of a prediction), ``"w"``: ndarray of shape (n_x, 1) and
        ``"b"``: float (for raw features), ``"train_rmse"``, ``"test_rmse"``: float,
        ``"learning_rate"``, ``"num_iterations"``: the hyper-parameters used.
    """
    # YOUR CODE HERE
    # Hint: standardize X_train; start gradient_descent from zero weights of shape (n_x, 1) and a bias of 0.0
    raise NotImplementedError()
    # Back to raw units: w_s^T (x - mean) / std + b_s = w^T x + (b_s - w^T mean), w = w_s / std.
    # YOUR CODE HERE
    # Hint: for raw features, divide w elementwise by std (both (n_x, 1)); b also loses w^T mean (np.sum)
    raise NotImplementedError()
    train_rmse = rmse(predict(w, b, X_train), Y_train)
    test_rmse = rmse(predict(w, b, X_test), Y_test)
    if print_cost:
        print(f"train RMSE: {train_rmse:.2f}   test RMSE: {test_rmse:.2f}")
    return {"costs": costs, "w": w, "b": float(b), "train_rmse": train_rmse,
            "test_rmse": test_rmse, "learning_rate": learning_rate,
            "num_iterations": num_iterations}
