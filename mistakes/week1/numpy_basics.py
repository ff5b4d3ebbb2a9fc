"""Mistakes learners make in week1/numpy_basics.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/numpy_basics.py`` (``math``, ``np``, ``sigmoid``,
``relu``...), where it replaces the graded function of the same name.
"""
import numpy as np

from grader.tools.mistakes import mistake


# ------------------------------------------------------------------------------ basic_sigmoid
@mistake("basic_sigmoid", "This looks like exp(x) where the formula has exp(-x), which computes sigmoid(-x): "
                          "check the sign of the exponent.")
def basic_exp_without_minus(x):
    s = 1.0 / (1.0 + math.exp(x))  # noqa: F821 (math of the solution module)
    return s


@mistake("basic_sigmoid", "This looks like 1 - e^(-x) in the denominator: the sigmoid divides 1 by 1 PLUS e^(-x).")
def minus_in_the_denominator(x):
    s = 1.0 / (1.0 - math.exp(-x))  # noqa: F821
    return s


@mistake("basic_sigmoid", "This looks like e written as 2.718: use math.exp, which uses the exact value of e.")
def e_rounded_to_2_718(x):
    if x >= 0:
        s = 1.0 / (1.0 + 2.718 ** (-x))
    else:
        e = 2.718 ** x
        s = e / (1.0 + e)
    return s


@mistake("basic_sigmoid", "e^(-x) overflows for very negative x (x < -709): for x < 0 use the equal form e^x / (1 "
                          "+ e^x).")
def basic_overflows_for_large_negative(x):
    s = 1.0 / (1.0 + math.exp(-x))  # noqa: F821
    return s


# ------------------------------------------------------------------------------------ sigmoid
@mistake("sigmoid", "This looks like exp(x) where the formula has exp(-x), which computes sigmoid(-x): "
                    "check the sign of the exponent.")
def exp_without_minus(x):
    x = np.asarray(x, dtype=np.float64)
    return 1 / (1 + np.exp(x))


@mistake("sigmoid", "This looks like the stable formula with the same branch for both signs, which gives "
                    "sigmoid(|x|): negative x need e / (1 + e).")
def same_branch_for_both_signs(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0 / (1.0 + e), 1.0 / (1.0 + e))
    return s


@mistake("sigmoid", "This looks like e^x / (1 + e^x) for every x: for large positive x both overflow to inf "
                    "and inf / inf is NaN, so keep that form for negative x only.")
def exp_ratio_overflows(x):
    x = np.asarray(x, dtype=np.float64)
    s = np.exp(x) / (1 + np.exp(x))
    return s


@mistake("sigmoid", "This looks like 1/2 (1 + tanh(x)), which is sigmoid(2x): the tanh identity uses x / 2.")
def tanh_identity_without_half(x):
    x = np.asarray(x, dtype=np.float64)
    s = 0.5 * (1 + np.tanh(x))
    return s


@mistake("sigmoid", "math.exp takes one number, not an array: use np.exp, which works elementwise.")
def math_exp_on_an_array(x):
    x = np.asarray(x, dtype=np.float64)
    s = 1 / (1 + math.exp(-x))  # noqa: F821
    return s


# ------------------------------------------------------------------------- sigmoid_derivative
@mistake("sigmoid_derivative", "This looks like sigmoid(x) times (1 - x): the second factor is 1 minus the "
                               "sigmoid, not 1 minus x.")
def one_minus_x_instead_of_one_minus_s(x):
    x = np.asarray(x, dtype=np.float64)
    s = sigmoid(x)  # noqa: F821 (the module's sigmoid)
    ds = s * (1 - x)
    return ds


@mistake("sigmoid_derivative", "This looks like 1 - s^2, the derivative of tanh: the sigmoid's derivative is "
                               "s times (1 - s).")
def tanh_derivative_formula(x):
    x = np.asarray(x, dtype=np.float64)
    s = sigmoid(x)  # noqa: F821
    ds = 1 - s ** 2
    return ds


@mistake("sigmoid_derivative", "Every value is 0: s * 1 - s is (s * 1) - s; check the parentheses around 1 - s.")
def missing_parentheses(x):
    x = np.asarray(x, dtype=np.float64)
    s = sigmoid(x)  # noqa: F821
    ds = s * 1 - s
    return ds


@mistake("sigmoid_derivative", "This looks like the sigmoid itself: the derivative is s times (1 - s).")
def returns_the_sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    ds = sigmoid(x)  # noqa: F821
    return ds


# --------------------------------------------------------------------------------------- relu
@mistake("relu", "This looks like np.max, which reduces the array along an axis: np.maximum compares elementwise.")
def max_reduces_the_array(x):
    x = np.asarray(x, dtype=np.float64)
    r = np.max(x, 0)
    return r


@mistake("relu", "This keeps the negative part (np.minimum): ReLU keeps the positive entries and sets the "
                 "negative ones to 0.")
def minimum_instead_of_maximum(x):
    x = np.asarray(x, dtype=np.float64)
    r = np.minimum(0.0, x)
    return r


@mistake("relu", "Your relu sets the negative entries of the caller's array to 0 in place: compute a new array instead.")
def zeroes_the_input_in_place(x):
    x = np.asarray(x, dtype=np.float64)
    x[x < 0] = 0.0
    return x


@mistake("relu", "This looks like np.abs: negative entries must become 0, not change sign.")
def absolute_value(x):
    x = np.asarray(x, dtype=np.float64)
    r = np.abs(x)
    return r


# ---------------------------------------------------------------------------- relu_derivative
@mistake("relu_derivative", "This gives 1 at x = 0: the course's convention is 0 there, so compare with > 0, not >= 0.")
def one_at_zero(x):
    x = np.asarray(x, dtype=np.float64)
    dr = (x >= 0).astype(np.float64)
    return dr


@mistake("relu_derivative", "This returns relu(x) itself: the derivative is 1.0 where x > 0 and 0.0 elsewhere.")
def returns_relu(x):
    x = np.asarray(x, dtype=np.float64)
    dr = np.where(x > 0, x, 0.0)
    return dr


@mistake("relu_derivative", "This looks like np.sign, which gives -1 for negative x: the derivative of ReLU "
                            "there is 0.")
def sign_of_x(x):
    x = np.asarray(x, dtype=np.float64)
    dr = np.sign(x)
    return dr


@mistake("relu_derivative", "This returns booleans: turn the comparison into 0.0 / 1.0 floats with .astype(np.float64).")
def returns_booleans(x):
    x = np.asarray(x, dtype=np.float64)
    dr = x > 0
    return dr


# ---------------------------------------------------------------------------- tanh_derivative
@mistake("tanh_derivative", "This looks like 1 - tanh(x) without the square: the derivative is 1 - tanh(x)^2.")
def missing_square(x):
    x = np.asarray(x, dtype=np.float64)
    dt = 1.0 - np.tanh(x)
    return dt


@mistake("tanh_derivative", "This looks like t * (1 - t), the sigmoid's derivative: tanh's is 1 - t^2.")
def sigmoid_derivative_formula(x):
    x = np.asarray(x, dtype=np.float64)
    t = np.tanh(x)
    dt = t * (1.0 - t)
    return dt


@mistake("tanh_derivative", "This looks like tanh(x^2): square tanh(x), not x, so check the parentheses.")
def tanh_of_x_squared(x):
    x = np.asarray(x, dtype=np.float64)
    dt = 1.0 - np.tanh(x ** 2)
    return dt


@mistake("tanh_derivative", "This looks like 1 - x^2, as if x were already tanh(x): apply np.tanh first.")
def x_used_as_tanh(x):
    x = np.asarray(x, dtype=np.float64)
    dt = 1.0 - x ** 2
    return dt


# ------------------------------------------------------------------------------- image2vector
@mistake("image2vector", "This returns a 1-D array of shape (h*w*c,): the result is a column, so give reshape "
                         "two sizes, the second 1.")
def no_column_dimension(image):
    h, w, c = image.shape
    v = image.reshape(h * w * c)
    return v


@mistake("image2vector", "This returns a row of shape (1, h*w*c): the result is a column of shape (h*w*c, 1).")
def row_vector(image):
    h, w, c = image.shape
    v = image.reshape(1, h * w * c)
    return v


@mistake("image2vector", "This looks like Fortran order (order='F' or a transpose first), where the first index "
                         "changes fastest: the course unrolls in C order, channel fastest.")
def fortran_order(image):
    h, w, c = image.shape
    v = image.reshape(h * w * c, 1, order="F")
    return v


@mistake("image2vector", "This looks like a hard-coded 3 for the channels: read h, w and c from image.shape.")
def three_channels_hard_coded(image):
    v = image.reshape(image.shape[0] * image.shape[1] * 3, 1)
    return v


# ----------------------------------------------------------------------------- normalize_rows
@mistake("normalize_rows", "This looks like the norms of the columns (axis=0) instead of the rows: "
                           "each row must be divided by its own norm, a sum over axis=1.")
def column_norms(x):
    x = np.asarray(x, dtype=np.float64)
    x_norm = np.linalg.norm(x, axis=0, keepdims=True)
    return x / np.where(x_norm == 0, 1.0, x_norm)


@mistake("normalize_rows", "This looks like row norms of shape (m,) without keepdims=True, which broadcast "
                           "along the columns: keep them as a (m, 1) column.")
def norms_without_keepdims(x):
    x = np.asarray(x, dtype=np.float64)
    x_norm = np.linalg.norm(x, axis=1)
    x_normalized = x / np.where(x_norm == 0, 1.0, x_norm)
    return x_normalized


@mistake("normalize_rows", "This divides by the sum of squares: the norm is its square root.")
def squared_norm(x):
    x = np.asarray(x, dtype=np.float64)
    x_norm = np.sum(x ** 2, axis=1, keepdims=True)
    x_normalized = x / np.where(x_norm == 0, 1.0, x_norm)
    return x_normalized


@mistake("normalize_rows", "An all-zero row gives 0 / 0 = NaN: divide zero rows by 1 instead of by their norm.")
def zero_row_gives_nan(x):
    x = np.asarray(x, dtype=np.float64)
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x_normalized = x / x_norm
    return x_normalized


@mistake("normalize_rows", "Your function divides the caller's array in place (x /= ...): compute a new array "
                           "with x / ... instead.")
def divides_in_place(x):
    x = np.asarray(x, dtype=np.float64)
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x /= np.where(x_norm == 0, 1.0, x_norm)
    return x


# ------------------------------------------------------------------------------------ softmax
@mistake("softmax", "This looks like a softmax over the columns (axis=0): every row must sum to 1, "
                    "so the max and the sum are taken over axis=1.")
def softmax_over_columns(x):
    x = np.asarray(x, dtype=np.float64)
    x_exp = np.exp(x - x.max(axis=0, keepdims=True))
    return x_exp / x_exp.sum(axis=0, keepdims=True)


@mistake("softmax", "This looks like a softmax that does not subtract the row maximum first: "
                    "np.exp overflows to inf for large scores, giving NaN.")
def softmax_without_shift(x):
    x = np.asarray(x, dtype=np.float64)
    x_exp = np.exp(x)
    return x_exp / x_exp.sum(axis=1, keepdims=True)


@mistake("softmax", "This looks like row sums of shape (m,) without keepdims=True, which broadcast along the "
                    "columns: keep them as a (m, 1) column.")
def sums_without_keepdims(x):
    x = np.asarray(x, dtype=np.float64)
    x_exp = np.exp(x - x.max(axis=1, keepdims=True))
    s = x_exp / x_exp.sum(axis=1)
    return s


@mistake("softmax", "This divides by the sum of the whole matrix: each row is divided by its own sum (axis=1).")
def divides_by_the_total(x):
    x = np.asarray(x, dtype=np.float64)
    x_exp = np.exp(x - x.max(axis=1, keepdims=True))
    s = x_exp / np.sum(x_exp)
    return s


@mistake("softmax", "This looks like the maximum of the whole matrix subtracted from every row: a row far "
                    "below that maximum underflows to 0 / 0, so subtract each row's own maximum.")
def shifts_by_the_global_max(x):
    x = np.asarray(x, dtype=np.float64)
    x_exp = np.exp(x - np.max(x))
    s = x_exp / x_exp.sum(axis=1, keepdims=True)
    return s


@mistake("softmax", "Your function subtracts the maximum from the caller's array in place (x -= ...): "
                    "compute a new array with x - ... instead.")
def shifts_in_place(x):
    x = np.asarray(x, dtype=np.float64)
    x -= x.max(axis=1, keepdims=True)
    x_exp = np.exp(x)
    s = x_exp / x_exp.sum(axis=1, keepdims=True)
    return s


# ------------------------------------------------------------------------------------- L1, L2
@mistake("L1", "This looks like the mean of |yhat - y|: the L1 loss of the course is the sum.")
def L1_mean_instead_of_sum(yhat, y):
    loss = np.mean(np.abs(yhat - y))
    return float(np.squeeze(loss))


@mistake("L1", "This sums yhat - y without the absolute value, so errors of opposite signs cancel: "
               "take |yhat - y| first.")
def L1_missing_abs(yhat, y):
    loss = np.sum(yhat - y)
    return float(np.squeeze(loss))


@mistake("L1", "This looks like the absolute value of the sum: take the absolute value of each difference, "
               "then sum.")
def L1_abs_of_the_sum(yhat, y):
    loss = np.abs(np.sum(yhat - y))
    return float(np.squeeze(loss))


@mistake("L2", "This looks like the mean of the squared errors: the L2 loss of the course is their sum.")
def L2_mean_instead_of_sum(yhat, y):
    loss = np.mean((yhat - y) ** 2)
    return float(np.squeeze(loss))


@mistake("L2", "This looks like the Euclidean norm, with a square root: the L2 loss is the sum of squares, "
               "without the root.")
def L2_norm_not_squared(yhat, y):
    loss = np.linalg.norm(yhat - y)
    return float(np.squeeze(loss))


@mistake("L2", "This looks like the sum of |yhat - y|, the L1 loss: square each difference instead.")
def L2_is_L1(yhat, y):
    loss = np.sum(np.abs(yhat - y))
    return float(np.squeeze(loss))


@mistake("L2", "np.dot of two 2-D arrays is a matrix product, not a sum of squares: square elementwise and sum.")
def L2_dot_of_matrices(yhat, y):
    loss = np.dot(yhat - y, yhat - y)
    return float(np.squeeze(loss))
