"""Mistakes learners make in week1/vectorization.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/vectorization.py`` (``np``), where it replaces
the graded function of the same name.
"""
from grader.tools.mistakes import patch


# -------------------------------------------------------------------------------------- dot
sum_starts_at_one = patch("dot_loop", "This looks like the sum starting from 1.0: a sum starts from 0.0.",
    {"dot = 0.0": "dot = 1.0"})

loop_stops_one_early = patch("dot_loop", "This looks like a loop that stops one index early (range(len(x1) - 1)): the "
    "last product is missing.",
    {"for i in range(len(x1)):": "for i in range(len(x1) - 1):"})

overwrites_the_sum = patch("dot_loop", "This looks like dot = ... instead of dot += ...: each step replaces the sum, "
    "so only the last product is left.",
    {"dot += x1[i] * x2[i]": "dot = x1[i] * x2[i]"})

adds_instead_of_multiplying = patch("dot_loop", "This adds x1[i] + x2[i]: the dot product adds the products x1[i] * "
    "x2[i].",
    {"dot += x1[i] * x2[i]": "dot += x1[i] + x2[i]"})

dot_with_itself = patch("dot_vectorized", "This looks like the product of x1 with itself: check the second argument.",
    {"dot = np.dot(x1, x2)": "dot = np.dot(x1, x1)"})

mean_of_products = patch("dot_vectorized", "This looks like the mean of the products: the dot product is their sum.",
    {"dot = np.dot(x1, x2)": "dot = np.mean(x1 * x2)"})

sum_of_the_outer_product = patch("dot_vectorized", "This looks like the sum of the outer product, which is sum(x1) * "
    "sum(x2): the dot product only multiplies entries with the same index.",
    {"dot = np.dot(x1, x2)": "dot = np.sum(np.outer(x1, x2))"})

elementwise_product_only = patch("dot_vectorized", "np.multiply gives a vector of products, not one number: the dot "
    "product also sums them.",
    {"dot = np.dot(x1, x2)": "dot = np.multiply(x1, x2)"})

# ------------------------------------------------------------------------------------ outer
inner_loop_over_the_wrong_length = patch("outer_loop", "This looks like the inner loop running over len(x1): j "
    "indexes x2, so it runs over the length of x2.",
    {"for j in range(len(x2)):": "for j in range(len(x1)):"})

same_index_for_both = patch("outer_loop", "This looks like x1[i] * x2[i] copied from the elementwise product: entry "
    "(i, j) is x1[i] * x2[j].",
    {"outer[i, j] = x1[i] * x2[j]": "outer[i, j] = x1[i] * x2[i]"})

outer_adds = patch("outer_loop", "This adds x1[i] + x2[j]: the outer product multiplies them.",
    {"outer[i, j] = x1[i] * x2[j]": "outer[i, j] = x1[i] + x2[j]"})

arguments_swapped = patch("outer_vectorized", "This looks like np.outer(x2, x1), the transpose: the rows follow x1.",
    {"outer = np.outer(x1, x2)": "outer = np.outer(x2, x1)"})

transpose_of_a_1d_vector = patch("outer_vectorized", "x1.T does nothing to a 1-D array, so x1.T * x2 is an "
    "elementwise product: make x1 a column (or use np.outer).",
    {"outer = np.outer(x1, x2)": "outer = x1.T * x2"})

kronecker_product = patch("outer_vectorized", "This looks like np.kron, which gives the same products in one flat "
    "vector: the outer product is a matrix of shape (n1, n2).",
    {"outer = np.outer(x1, x2)": "outer = np.kron(x1, x2)"})

dot_instead_of_outer = patch("outer_vectorized", "np.dot of two 1-D vectors is their dot product (and fails for "
    "different lengths): the outer product is another function.",
    {"outer = np.outer(x1, x2)": "outer = np.dot(x1, x2)"})

# --------------------------------------------------------------------------------- multiply
loop_starts_at_one = patch("multiply_loop", "This looks like a loop starting at 1 (range(1, len(x1))): the first "
    "product is missing.",
    {"for i in range(len(x1)):": "for i in range(1, len(x1)):"})

squares_x1 = patch("multiply_loop", "This looks like x1[i] * x1[i]: the second factor comes from x2.",
    {"product[i] = x1[i] * x2[i]": "product[i] = x1[i] * x1[i]"})

running_total = patch("multiply_loop", "This looks like a running total (product[i] = product[i - 1] + ...): each "
    "entry is just the product of the two entries at i.",
    {"product[i] = x1[i] * x2[i]": "product[i] = product[i - 1] + x1[i] * x2[i]"})

writes_into_x1 = patch("multiply_loop", "Your loop writes the products into x1, the caller's array: fill the new "
    "array product instead.",
    {"product = np.zeros(len(x1))\nfor i in range(len(x1)):\n    product[i] = x1[i] * x2[i]":
      "for i in range(len(x1)):\n    x1[i] = x1[i] * x2[i]\nproduct = x1"})

dot_instead_of_multiply = patch("multiply_vectorized", "np.dot of two vectors is one number (their dot product): the "
    "elementwise product is np.multiply or *.",
    {"product = np.multiply(x1, x2)": "product = np.dot(x1, x2)"})

outer_instead_of_multiply = patch("multiply_vectorized", "This looks like the outer product, a matrix: the "
    "elementwise product is a vector of shape (n,).",
    {"product = np.multiply(x1, x2)": "product = np.outer(x1, x2)"})

adds_the_vectors = patch("multiply_vectorized", "This adds the vectors: the elementwise product multiplies them.",
    {"product = np.multiply(x1, x2)": "product = x1 + x2"})

multiplies_in_place = patch("multiply_vectorized", "Your function multiplies x1 in place (x1 *= x2), changing the "
    "caller's array: compute a new array instead.",
    {"product = np.multiply(x1, x2)": "x1 *= x2\nproduct = x1"})
