r"""Logistic regression as a neural network: is this handwritten digit odd?

What you will build
-------------------
A network with a single sigmoid neuron that reads a 28x28 MNIST image and outputs the probability
that the digit is odd. Training follows the plan of every network in this course:

1. initialize the parameters (``initialize_with_zeros``),
2. forward pass and cost, backward pass and gradients (``propagate``),
3. gradient descent (``optimize``), then ``predict`` and put it all together in ``model``.

Notation
--------
- ``X`` of shape (n_x, m): one flattened image per **column** (n_x = 28*28*1 = 784 pixels in
  [0, 1]); ``Y`` of shape (1, m): labels 0.0 (even digit) / 1.0 (odd digit).
- ``w`` of shape (n_x, 1), the float ``b``; :math:`Z = w^T X + b`, :math:`A = \sigma(Z)`: (1, m).
- Cost: the mean cross-entropy
  :math:`J = -\frac{1}{m}\sum_{i} \left(y^{(i)}\log a^{(i)} + (1-y^{(i)})\log(1-a^{(i)})\right)`.

The data: 5000 real MNIST images (4000 train / 1000 test); loading and flattening are given.

Check your work with ``python -m grader week2``.
"""

import numpy as np

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] inside the cost only


def load_data(name="mnist_even_odd"):
    """Load a binary image data set from the course's ``datasets`` package (given).

    Parameters
    ----------
    name : str, default "mnist_even_odd"
        Any data set in the course's image layout (for example one built by its converter).

    Returns
    -------
    train_x_orig : ndarray of shape (m_train, h, w, c), uint8 (28x28x1 for MNIST)
    train_y : ndarray of shape (1, m_train)
        Labels 0.0 / 1.0 (MNIST: 0 = even digit, 1 = odd digit), float64.
    test_x_orig : ndarray of shape (m_test, h, w, c), uint8
    test_y : ndarray of shape (1, m_test)
    classes : ndarray of shape (2,), the class names (bytes): ``classes[int(y)]`` names label y
    """
    from datasets import load  # the course's data package, imported only when needed

    data = load(name)
    train_y = np.asarray(data["train_y"], dtype=np.float64).reshape(1, -1)
    test_y = np.asarray(data["test_y"], dtype=np.float64).reshape(1, -1)
    return data["train_x"], train_y, data["test_x"], test_y, data["classes"]


def flatten_images(x_orig):
    """Flatten images into columns and scale the pixels to [0, 1] (given).

    Parameters
    ----------
    x_orig : ndarray of shape (m, h, w, c) or (m, h, w), 8-bit images (values 0..255)

    Returns
    -------
    X : ndarray of shape (h*w*c, m), float64: column ``i`` is image ``i`` in C order, / 255
    """
    m = x_orig.shape[0]
    # (m, h, w, c) -> (h*w*c, m); made row-major, because the transpose alone is column-major and
    # the matrix products of later weeks run 2-3x slower on it.
    return np.ascontiguousarray(x_orig.reshape(m, -1).T, dtype=np.float64) / 255.0


def sigmoid(z):
    r"""Elementwise sigmoid :math:`\sigma(z) = \frac{1}{1 + e^{-z}}`.

    Parameters
    ----------
    z : float or ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of z
        Values in [0, 1], computed as in week 1 from :math:`e^{-|z|}` so that nothing overflows.
        In float64, ``z > 37`` gives exactly 1.0: the cost must survive it.
    """
    z = np.asarray(z, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: the same function as week 1's sigmoid
    raise NotImplementedError()
    return s


def initialize_with_zeros(dim):
    """Zero parameters: for logistic regression (one neuron) zeros are a fine start.

    Parameters
    ----------
    dim : int
        Number of input features n_x.

    Returns
    -------
    w : ndarray of shape (dim, 1), zeros
    b : float, 0.0
    """
    # YOUR CODE HERE
    # Hint: np.zeros takes the shape as a tuple
    raise NotImplementedError()
    return w, b


def propagate(w, b, X, Y):
    r"""Cross-entropy cost and its gradients (forward, then backward pass).

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels 0.0 / 1.0.

    Returns
    -------
    grads : dict
        ``"dw"``: ndarray of shape (n_x, 1); ``"db"``: float.
    cost : float
        Finite even when a probability is exactly 0 or 1 (see Notes).

    Notes
    -----
    Forward: :math:`A = \sigma(w^T X + b)` of shape (1, m), then the cost J of the module
    docstring. Backward: since :math:`\partial J / \partial z^{(i)} = (a^{(i)} - y^{(i)}) / m`,

    .. math::

        \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T, \qquad
        \frac{\partial J}{\partial b} = \frac{1}{m}\sum_{i=1}^m (a^{(i)} - y^{(i)}).

    In float64 :math:`\sigma(z)` is exactly 1.0 for :math:`z > 37`, and then
    :math:`\log(1 - a) = -\infty` and the cost is ``inf`` or ``nan`` (0 * -inf). The cost therefore
    uses :math:`a` clipped to :math:`[\varepsilon, 1-\varepsilon]`, :math:`\varepsilon = 10^{-12}`:
    a confidently wrong example then costs at most :math:`-\log\varepsilon \approx 27.6`, and any
    other example's cost changes by less than :math:`10^{-12}`. The gradients use the unclipped
    ``A``: they are finite anyway.
    """
    m = X.shape[1]
    # Forward pass: activation and cost.
    # YOUR CODE HERE
    # Hint: A, the sigmoid of w^T X + b, has shape (1, m); keep it within [EPS, 1 - EPS] (np.clip) for the logs
    raise NotImplementedError()
    # Backward pass: gradients.
    # YOUR CODE HERE
    # Hint: both gradients use A - Y of shape (1, m); dw has the shape of w
    raise NotImplementedError()
    # np.squeeze turns a (1, 1) result (np.dot gives one) into a number the same way on every NumPy
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    r"""Learn ``w`` and ``b`` by gradient descent: :math:`w \leftarrow w - \alpha\, dw`,
    :math:`b \leftarrow b - \alpha\, db`. The inputs are not modified.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1), the initial weights
    b : float, the initial bias
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    num_iterations : int, default 100
        Number of gradient steps (at least 1).
    learning_rate : float, default 0.009
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


def predict(w, b, X):
    r"""Predict the labels: 1.0 where :math:`\sigma(w^T X + b) > 0.5`, else 0.0.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)

    Returns
    -------
    Y_prediction : ndarray of shape (1, m)
        0.0 / 1.0, float64.
    """
    w = w.reshape(X.shape[0], 1)
    # YOUR CODE HERE
    # Hint: a comparison gives booleans; .astype(np.float64) turns them into 0.0 / 1.0
    raise NotImplementedError()
    return Y_prediction


def accuracy(Y_prediction, Y):
    """Percentage in [0, 100] (a float) of labels ``Y`` of shape (1, m) that ``Y_prediction``,
    of shape (1, m), gets right (given)."""
    return float(100.0 * np.mean(Y_prediction == Y))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    """Build, train and evaluate the logistic regression model.

    Parameters
    ----------
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    num_iterations : int, default 2000
    learning_rate : float, default 0.5
    print_cost : bool, default False
        Print the cost every 100 iterations, then the train and test accuracy.

    Returns
    -------
    d : dict
        ``"costs"``: list of float (every 100 iterations), ``"Y_prediction_test"``: ndarray of
        shape (1, m_test), ``"Y_prediction_train"``: ndarray of shape (1, m_train), ``"w"``:
        ndarray of shape (n_x, 1), ``"b"``: float, ``"learning_rate"``, ``"num_iterations"``.
    """
    # YOUR CODE HERE
    # Hint: initialize_with_zeros with one weight per feature, optimize, then predict on both sets
    raise NotImplementedError()
    if print_cost:
        print(f"train accuracy: {accuracy(Y_prediction_train, Y_train):.2f} %")
        print(f"test accuracy: {accuracy(Y_prediction_test, Y_test):.2f} %")
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": float(b),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


def learning_rate_sweep(X_train, Y_train, X_test, Y_test, learning_rates, num_iterations=1500):
    """Train one model per learning rate, to compare their cost curves side by side.

    Parameters
    ----------
    X_train, Y_train, X_test, Y_test : ndarrays of shapes (n_x, m_train), (1, m_train),
        (n_x, m_test), (1, m_test), as for ``model``.
    learning_rates : iterable of float
    num_iterations : int, default 1500

    Returns
    -------
    results : dict
        ``{learning_rate: model(...) result}``, in the order of ``learning_rates``.
    """
    results = {}
    for learning_rate in learning_rates:
        # YOUR CODE HERE
        # Hint: pass num_iterations and learning_rate to model by keyword
        raise NotImplementedError()
    return results
