"""Mistakes learners make in week1/numpy_basics.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/numpy_basics.py`` (``math``, ``np``, ``sigmoid``,
``relu``...), where it replaces the graded function of the same name.
"""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------------------ basic_sigmoid
basic_exp_without_minus = patch("basic_sigmoid", "This looks like exp(x) where the formula has exp(-x), which "
    "computes sigmoid(-x): check the sign of the exponent.",
    {"if x >= 0:\n    s = 1.0 / (1.0 + math.exp(-x))\nelse:\n    e = math.exp(x)\n    s = e / (1.0 + e)":
      "s = 1.0 / (1.0 + math.exp(x))"})

minus_in_the_denominator = patch("basic_sigmoid", "This looks like 1 - e^(-x) in the denominator: the sigmoid divides "
    "1 by 1 PLUS e^(-x).",
    {"if x >= 0:\n    s = 1.0 / (1.0 + math.exp(-x))\nelse:\n    e = math.exp(x)\n    s = e / (1.0 + e)":
      "s = 1.0 / (1.0 - math.exp(-x))"})

e_rounded_to_2_718 = patch("basic_sigmoid", "This looks like e written as 2.718: use math.exp, which uses the exact "
    "value of e.",
    {"s = 1.0 / (1.0 + math.exp(-x))": "s = 1.0 / (1.0 + 2.718 ** (-x))", "e = math.exp(x)": "e = 2.718 ** x"})

basic_overflows_for_large_negative = patch("basic_sigmoid", "e^(-x) overflows for very negative x (x < -709): for x < "
    "0 use the equal form e^x / (1 + e^x).",
    {"if x >= 0:\n    s = 1.0 / (1.0 + math.exp(-x))\nelse:\n    e = math.exp(x)\n    s = e / (1.0 + e)":
      "s = 1.0 / (1.0 + math.exp(-x))"})

# ------------------------------------------------------------------------------------ sigmoid
exp_without_minus = patch("sigmoid", "This looks like exp(x) where the formula has exp(-x), which computes "
    "sigmoid(-x): check the sign of the exponent.",
    {"e = np.exp(-np.abs(x))\ns = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\nreturn s":
      "return 1 / (1 + np.exp(x))"})

same_branch_for_both_signs = patch("sigmoid", "This looks like the stable formula with the same branch for both "
    "signs, which gives sigmoid(|x|): negative x need e / (1 + e).",
    {"s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = np.where(x >= 0, 1.0 / (1.0 + e), 1.0 / (1.0 + e))"})

exp_ratio_overflows = patch("sigmoid", "This looks like e^x / (1 + e^x) for every x: for large positive x both "
    "overflow to inf and inf / inf is NaN, so keep that form for negative x only.",
    {"e = np.exp(-np.abs(x))\ns = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = np.exp(x) / (1 + np.exp(x))"})

tanh_identity_without_half = patch("sigmoid", "This looks like 1/2 (1 + tanh(x)), which is sigmoid(2x): the tanh "
    "identity uses x / 2.",
    {"e = np.exp(-np.abs(x))\ns = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = 0.5 * (1 + np.tanh(x))"})

math_exp_on_an_array = patch("sigmoid", "math.exp takes one number, not an array: use np.exp, which works elementwise.",
    {"e = np.exp(-np.abs(x))\ns = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))": "s = 1 / (1 + math.exp(-x))"})

# ------------------------------------------------------------------------- sigmoid_derivative
one_minus_x_instead_of_one_minus_s = patch("sigmoid_derivative", "This looks like sigmoid(x) times (1 - x): the "
    "second factor is 1 minus the sigmoid, not 1 minus x.",
    {"ds = s * (1 - s)": "ds = s * (1 - x)"})

tanh_derivative_formula = patch("sigmoid_derivative", "This looks like 1 - s^2, the derivative of tanh: the sigmoid's "
    "derivative is s times (1 - s).",
    {"ds = s * (1 - s)": "ds = 1 - s ** 2"})

missing_parentheses = patch("sigmoid_derivative", "Every value is 0: s * 1 - s is (s * 1) - s; check the parentheses "
    "around 1 - s.",
    {"ds = s * (1 - s)": "ds = s * 1 - s"})

returns_the_sigmoid = patch("sigmoid_derivative", "This looks like the sigmoid itself: the derivative is s times (1 - "
    "s).",
    {"s = sigmoid(x)\nds = s * (1 - s)": "ds = sigmoid(x)"})

# --------------------------------------------------------------------------------------- relu
max_reduces_the_array = patch("relu", "This looks like np.max, which reduces the array along an axis: np.maximum "
    "compares elementwise.",
    {"r = np.maximum(0.0, x)": "r = np.max(x, 0)"})

minimum_instead_of_maximum = patch("relu", "This keeps the negative part (np.minimum): ReLU keeps the positive "
    "entries and sets the negative ones to 0.",
    {"r = np.maximum(0.0, x)": "r = np.minimum(0.0, x)"})

zeroes_the_input_in_place = patch("relu", "Your relu sets the negative entries of the caller's array to 0 in place: "
    "compute a new array instead.",
    {"r = np.maximum(0.0, x)\nreturn r": "x[x < 0] = 0.0\nreturn x"})

absolute_value = patch("relu", "This looks like np.abs: negative entries must become 0, not change sign.",
    {"r = np.maximum(0.0, x)": "r = np.abs(x)"})

# ---------------------------------------------------------------------------- relu_derivative
one_at_zero = patch("relu_derivative", "This gives 1 at x = 0: the course's convention is 0 there, so compare with > "
    "0, not >= 0.",
    {"dr = (x > 0).astype(np.float64)": "dr = (x >= 0).astype(np.float64)"})

returns_relu = patch("relu_derivative", "This returns relu(x) itself: the derivative is 1.0 where x > 0 and 0.0 "
    "elsewhere.",
    {"dr = (x > 0).astype(np.float64)": "dr = np.where(x > 0, x, 0.0)"})

sign_of_x = patch("relu_derivative", "This looks like np.sign, which gives -1 for negative x: the derivative of ReLU "
    "there is 0.",
    {"dr = (x > 0).astype(np.float64)": "dr = np.sign(x)"})

returns_booleans = patch("relu_derivative", "This returns booleans: turn the comparison into 0.0 / 1.0 floats with "
    ".astype(np.float64).",
    {"dr = (x > 0).astype(np.float64)": "dr = x > 0"})

# ---------------------------------------------------------------------------- tanh_derivative
missing_square = patch("tanh_derivative", "This looks like 1 - tanh(x) without the square: the derivative is 1 - "
    "tanh(x)^2.",
    {"dt = 1.0 - np.tanh(x) ** 2": "dt = 1.0 - np.tanh(x)"})

sigmoid_derivative_formula = patch("tanh_derivative", "This looks like t * (1 - t), the sigmoid's derivative: tanh's "
    "is 1 - t^2.",
    {"dt = 1.0 - np.tanh(x) ** 2": "t = np.tanh(x)\ndt = t * (1.0 - t)"})

tanh_of_x_squared = patch("tanh_derivative", "This looks like tanh(x^2): square tanh(x), not x, so check the "
    "parentheses.",
    {"dt = 1.0 - np.tanh(x) ** 2": "dt = 1.0 - np.tanh(x ** 2)"})

x_used_as_tanh = patch("tanh_derivative", "This looks like 1 - x^2, as if x were already tanh(x): apply np.tanh first.",
    {"dt = 1.0 - np.tanh(x) ** 2": "dt = 1.0 - x ** 2"})

# ------------------------------------------------------------------------------- image2vector
no_column_dimension = patch("image2vector", "This returns a 1-D array of shape (h*w*c,): the result is a column, so "
    "give reshape two sizes, the second 1.",
    {"v = image.reshape(h * w * c, 1)": "v = image.reshape(h * w * c)"})

row_vector = patch("image2vector", "This returns a row of shape (1, h*w*c): the result is a column of shape (h*w*c, "
    "1).",
    {"v = image.reshape(h * w * c, 1)": "v = image.reshape(1, h * w * c)"})

fortran_order = patch("image2vector", "This looks like Fortran order (order='F' or a transpose first), where the "
    "first index changes fastest: the course unrolls in C order, channel fastest.",
    {"v = image.reshape(h * w * c, 1)": 'v = image.reshape(h * w * c, 1, order="F")'})

three_channels_hard_coded = patch("image2vector", "This looks like a hard-coded 3 for the channels: read h, w and c "
    "from image.shape.",
    {"h, w, c = image.shape\nv = image.reshape(h * w * c, 1)":
      "v = image.reshape(image.shape[0] * image.shape[1] * 3, 1)"})

# ----------------------------------------------------------------------------- normalize_rows
column_norms = patch("normalize_rows", "This looks like the norms of the columns (axis=0) instead of the rows: each "
    "row must be divided by its own norm, a sum over axis=1.",
    {"x_norm = np.linalg.norm(x, axis=1, keepdims=True)\nx_normalized = x / np.where(x_norm == 0, 1.0, x_norm)\n"
     "return x_normalized":
      "x_norm = np.linalg.norm(x, axis=0, keepdims=True)\nreturn x / np.where(x_norm == 0, 1.0, x_norm)"})

norms_without_keepdims = patch("normalize_rows", "This looks like row norms of shape (m,) without keepdims=True, "
    "which broadcast along the columns: keep them as a (m, 1) column.",
    {"x_norm = np.linalg.norm(x, axis=1, keepdims=True)": "x_norm = np.linalg.norm(x, axis=1)"})

squared_norm = patch("normalize_rows", "This divides by the sum of squares: the norm is its square root.",
    {"x_norm = np.linalg.norm(x, axis=1, keepdims=True)": "x_norm = np.sum(x ** 2, axis=1, keepdims=True)"})

zero_row_gives_nan = patch("normalize_rows", "An all-zero row gives 0 / 0 = NaN: divide zero rows by 1 instead of by "
    "their norm.",
    {"x_normalized = x / np.where(x_norm == 0, 1.0, x_norm)": "x_normalized = x / x_norm"})

divides_in_place = patch("normalize_rows", "Your function divides the caller's array in place (x /= ...): compute a "
    "new array with x / ... instead.",
    {"x_normalized = x / np.where(x_norm == 0, 1.0, x_norm)\nreturn x_normalized":
      "x /= np.where(x_norm == 0, 1.0, x_norm)\nreturn x"})

# ------------------------------------------------------------------------------------ softmax
softmax_over_columns = patch("softmax", "This looks like a softmax over the columns (axis=0): every row must sum to "
    "1, so the max and the sum are taken over axis=1.",
    {"x_exp = np.exp(x - x.max(axis=1, keepdims=True))\ns = x_exp / x_exp.sum(axis=1, keepdims=True)\nreturn s":
      "x_exp = np.exp(x - x.max(axis=0, keepdims=True))\nreturn x_exp / x_exp.sum(axis=0, keepdims=True)"})

softmax_without_shift = patch("softmax", "This looks like a softmax that does not subtract the row maximum first: "
    "np.exp overflows to inf for large scores, giving NaN.",
    {"x_exp = np.exp(x - x.max(axis=1, keepdims=True))\ns = x_exp / x_exp.sum(axis=1, keepdims=True)\nreturn s":
      "x_exp = np.exp(x)\nreturn x_exp / x_exp.sum(axis=1, keepdims=True)"})

sums_without_keepdims = patch("softmax", "This looks like row sums of shape (m,) without keepdims=True, which "
    "broadcast along the columns: keep them as a (m, 1) column.",
    {"s = x_exp / x_exp.sum(axis=1, keepdims=True)": "s = x_exp / x_exp.sum(axis=1)"})

divides_by_the_total = patch("softmax", "This divides by the sum of the whole matrix: each row is divided by its own "
    "sum (axis=1).",
    {"s = x_exp / x_exp.sum(axis=1, keepdims=True)": "s = x_exp / np.sum(x_exp)"})

shifts_by_the_global_max = patch("softmax", "This looks like the maximum of the whole matrix subtracted from every "
    "row: a row far below that maximum underflows to 0 / 0, so subtract each row's own maximum.",
    {"x_exp = np.exp(x - x.max(axis=1, keepdims=True))": "x_exp = np.exp(x - np.max(x))"})

shifts_in_place = patch("softmax", "Your function subtracts the maximum from the caller's array in place (x -= ...): "
    "compute a new array with x - ... instead.",
    {"x_exp = np.exp(x - x.max(axis=1, keepdims=True))": "x -= x.max(axis=1, keepdims=True)\nx_exp = np.exp(x)"})

# ------------------------------------------------------------------------------------- L1, L2
L1_mean_instead_of_sum = patch("L1", "This looks like the mean of |yhat - y|: the L1 loss of the course is the sum.",
    {"loss = np.sum(np.abs(yhat - y))": "loss = np.mean(np.abs(yhat - y))"})

L1_missing_abs = patch("L1", "This sums yhat - y without the absolute value, so errors of opposite signs cancel: take "
    "|yhat - y| first.",
    {"loss = np.sum(np.abs(yhat - y))": "loss = np.sum(yhat - y)"})

L1_abs_of_the_sum = patch("L1", "This looks like the absolute value of the sum: take the absolute value of each "
    "difference, then sum.",
    {"loss = np.sum(np.abs(yhat - y))": "loss = np.abs(np.sum(yhat - y))"})

L2_mean_instead_of_sum = patch("L2", "This looks like the mean of the squared errors: the L2 loss of the course is "
    "their sum.",
    {"loss = np.sum((yhat - y) ** 2)": "loss = np.mean((yhat - y) ** 2)"})

L2_norm_not_squared = patch("L2", "This looks like the Euclidean norm, with a square root: the L2 loss is the sum of "
    "squares, without the root.",
    {"loss = np.sum((yhat - y) ** 2)": "loss = np.linalg.norm(yhat - y)"})

L2_is_L1 = patch("L2", "This looks like the sum of |yhat - y|, the L1 loss: square each difference instead.",
    {"loss = np.sum((yhat - y) ** 2)": "loss = np.sum(np.abs(yhat - y))"})

L2_dot_of_matrices = patch("L2", "np.dot of two 2-D arrays is a matrix product, not a sum of squares: square "
    "elementwise and sum.",
    {"loss = np.sum((yhat - y) ** 2)": "loss = np.dot(yhat - y, yhat - y)"})
