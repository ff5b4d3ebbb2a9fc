"""NumPy basics: the building blocks every later week reuses.

What you will build
-------------------
- ``basic_sigmoid`` with the ``math`` module, then ``sigmoid`` with numpy, to see why numpy wins:
  ``math.exp`` takes one number, ``np.exp`` takes a whole array at once.
- The derivatives of the three activations of the course (sigmoid, ReLU, tanh); backpropagation
  multiplies by them.
- ``image2vector`` (reshape), ``normalize_rows`` (broadcasting with ``keepdims``), a numerically
  stable ``softmax`` and the ``L1`` / ``L2`` losses.

Notation: ``x`` is any numpy array unless the shape is given; "elementwise" means the result has
the shape of ``x``. Every array is float64.

Check your work with ``python -m grader week1``.
"""

import math

import numpy as np


def basic_sigmoid(x):
    r"""Sigmoid of one real number, with the ``math`` module only.

    Parameters
    ----------
    x : float
        A real number.

    Returns
    -------
    s : float
        :math:`\sigma(x) = \frac{1}{1 + e^{-x}}`, in (0, 1).

    Notes
    -----
    ``math.exp`` accepts only a single number: ``basic_sigmoid(np.array([1, 2]))`` fails, which is
    why the rest of the course uses ``np.exp``. ``math.exp(710)`` overflows, so for negative ``x``
    we use the equal form :math:`\frac{e^{x}}{1 + e^{x}}`, which never exponentiates a large number.
    """
    # YOUR CODE HERE
    # Hint: math.exp(v) computes e^v; for x < 0 use the form e^x / (1 + e^x)
    raise NotImplementedError()
    return s


def sigmoid(x):
    r"""Elementwise sigmoid :math:`\sigma(x) = \frac{1}{1 + e^{-x}}`.

    Parameters
    ----------
    x : float or ndarray of any shape

    Returns
    -------
    s : ndarray of the shape of x
        Values in [0, 1].

    Notes
    -----
    ``np.exp(-x)`` overflows (with a warning) for ``x < -709``. With :math:`e = e^{-|x|} \le 1`,
    :math:`\sigma(x) = \frac{1}{1+e}` for :math:`x \ge 0` and :math:`\frac{e}{1+e}` for
    :math:`x < 0`: the same values, and nothing large is ever exponentiated.
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: np.exp works elementwise; np.where(condition, a, b) picks between two arrays
    raise NotImplementedError()
    return s


def sigmoid_derivative(x):
    r"""Elementwise derivative of the sigmoid with respect to ``x``.

    Parameters
    ----------
    x : float or ndarray of any shape

    Returns
    -------
    ds : ndarray of the shape of x
        :math:`\sigma'(x) = \sigma(x)\,(1 - \sigma(x))`, in (0, 0.25].
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: compute the sigmoid s once, then combine it with 1 - s
    raise NotImplementedError()
    return ds


def relu(x):
    r"""Elementwise rectified linear unit :math:`\mathrm{relu}(x) = \max(0, x)`.

    Parameters
    ----------
    x : float or ndarray of any shape

    Returns
    -------
    r : ndarray of the shape of x
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: np.maximum compares elementwise (np.max would reduce the array to one number)
    raise NotImplementedError()
    return r


def relu_derivative(x):
    r"""Elementwise derivative of ReLU: 1.0 where ``x > 0``, else 0.0.

    Parameters
    ----------
    x : float or ndarray of any shape

    Returns
    -------
    dr : ndarray of the shape of x
        0.0 / 1.0 values. At ``x = 0`` ReLU has no derivative; by convention we use 0.
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: a comparison gives a boolean array; .astype(np.float64) turns it into 0.0 / 1.0
    raise NotImplementedError()
    return dr


def tanh_derivative(x):
    r"""Elementwise derivative of tanh: :math:`\tanh'(x) = 1 - \tanh^2(x)`.

    Parameters
    ----------
    x : float or ndarray of any shape

    Returns
    -------
    dt : ndarray of the shape of x
        Values in (0, 1].
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: np.tanh is elementwise
    raise NotImplementedError()
    return dt


def image2vector(image):
    """Unroll an image into a column vector, in C (row-major) order.

    Parameters
    ----------
    image : ndarray of shape (h, w, c)

    Returns
    -------
    v : ndarray of shape (h*w*c, 1)
        ``v[(i*w + j)*c + k, 0] == image[i, j, k]``: the channel index changes fastest.
    """
    # YOUR CODE HERE
    # Hint: image.shape gives (h, w, c); reshape to a column (numpy's default order is C)
    raise NotImplementedError()
    return v


def normalize_rows(x):
    r"""Divide each row of ``x`` by its Euclidean (L2) norm.

    Parameters
    ----------
    x : ndarray of shape (m, n)

    Returns
    -------
    x_normalized : ndarray of shape (m, n)
        Every row has norm 1; an all-zero row stays zero (instead of 0/0 = NaN).

    Notes
    -----
    The norms :math:`\|x_i\| = \sqrt{\sum_j x_{ij}^2}` have shape (m, 1) with ``keepdims=True``,
    so broadcasting divides row ``i`` of ``x`` by :math:`\|x_i\|`.
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: np.linalg.norm with axis=1 and keepdims=True gives the row norms as a (m, 1) column
    raise NotImplementedError()
    return x_normalized


def softmax(x):
    r"""Row-wise softmax: each row of ``x`` becomes a probability distribution.

    Parameters
    ----------
    x : ndarray of shape (m, n)
        One row of n scores per example.

    Returns
    -------
    s : ndarray of shape (m, n)
        Positive entries; every row sums to 1.

    Notes
    -----
    :math:`s_{ij} = \frac{e^{x_{ij}}}{\sum_k e^{x_{ik}}}`. ``np.exp(1000)`` is ``inf``, so we first
    subtract each row's maximum: :math:`\frac{e^{x_{ij} - c_i}}{\sum_k e^{x_{ik} - c_i}}` is the
    same number for any :math:`c_i`, and with :math:`c_i = \max_k x_{ik}` every exponent is
    :math:`\le 0`, so nothing overflows. (Week 7 uses columns instead of rows.)
    """
    x = np.asarray(x, dtype=np.float64)
    # YOUR CODE HERE
    # Hint: subtract each row's maximum first: with keepdims=True it has shape (m, 1) and broadcasts over the row
    raise NotImplementedError()
    return s


def L1(yhat, y):
    r"""L1 loss :math:`\sum_i |\hat y_i - y_i|` (a sum, not a mean).

    Parameters
    ----------
    yhat : ndarray of shape (m,)
        Predictions (any shape works, as long as y has the same).
    y : ndarray of shape (m,)
        True values.

    Returns
    -------
    loss : float
    """
    # YOUR CODE HERE
    # Hint: np.abs then np.sum
    raise NotImplementedError()
    return float(np.squeeze(loss))


def L2(yhat, y):
    r"""L2 loss :math:`\sum_i (\hat y_i - y_i)^2` (a sum of squares, not a mean, no square root).

    Parameters
    ----------
    yhat : ndarray of shape (m,)
        Predictions (any shape works, as long as y has the same).
    y : ndarray of shape (m,)
        True values.

    Returns
    -------
    loss : float
    """
    # YOUR CODE HERE
    # Hint: square the differences elementwise (** 2), then np.sum
    raise NotImplementedError()
    return float(np.squeeze(loss))
