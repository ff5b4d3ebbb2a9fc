"""Mistakes learners make in week1/vectorization.py (see grader/tools/mistakes.py).

Each body runs in the namespace of ``solutions/week1/vectorization.py`` (``np``), where it replaces
the graded function of the same name.
"""
import numpy as np

from grader.tools.mistakes import mistake


# -------------------------------------------------------------------------------------- dot
@mistake("dot_loop", "This looks like the sum starting from 1.0: a sum starts from 0.0.")
def sum_starts_at_one(x1, x2):
    dot = 1.0
    for i in range(len(x1)):
        dot += x1[i] * x2[i]
    return float(np.squeeze(dot))


@mistake("dot_loop", "This looks like a loop that stops one index early (range(len(x1) - 1)): the last "
                     "product is missing.")
def loop_stops_one_early(x1, x2):
    dot = 0.0
    for i in range(len(x1) - 1):
        dot += x1[i] * x2[i]
    return float(np.squeeze(dot))


@mistake("dot_loop", "This looks like dot = ... instead of dot += ...: each step replaces the sum, so only the "
                     "last product is left.")
def overwrites_the_sum(x1, x2):
    dot = 0.0
    for i in range(len(x1)):
        dot = x1[i] * x2[i]
    return float(np.squeeze(dot))


@mistake("dot_loop", "This adds x1[i] + x2[i]: the dot product adds the products x1[i] * x2[i].")
def adds_instead_of_multiplying(x1, x2):
    dot = 0.0
    for i in range(len(x1)):
        dot += x1[i] + x2[i]
    return float(np.squeeze(dot))


@mistake("dot_vectorized", "This looks like the product of x1 with itself: check the second argument.")
def dot_with_itself(x1, x2):
    dot = np.dot(x1, x1)
    return float(np.squeeze(dot))


@mistake("dot_vectorized", "This looks like the mean of the products: the dot product is their sum.")
def mean_of_products(x1, x2):
    dot = np.mean(x1 * x2)
    return float(np.squeeze(dot))


@mistake("dot_vectorized", "This looks like the sum of the outer product, which is sum(x1) * sum(x2): the dot "
                           "product only multiplies entries with the same index.")
def sum_of_the_outer_product(x1, x2):
    dot = np.sum(np.outer(x1, x2))
    return float(np.squeeze(dot))


@mistake("dot_vectorized", "np.multiply gives a vector of products, not one number: the dot product also sums them.")
def elementwise_product_only(x1, x2):
    dot = np.multiply(x1, x2)
    return float(np.squeeze(dot))


# ------------------------------------------------------------------------------------ outer
@mistake("outer_loop", "This looks like the inner loop running over len(x1): j indexes x2, so it runs over the "
                       "length of x2.")
def inner_loop_over_the_wrong_length(x1, x2):
    outer = np.zeros((len(x1), len(x2)))
    for i in range(len(x1)):
        for j in range(len(x1)):
            outer[i, j] = x1[i] * x2[j]
    return outer


@mistake("outer_loop", "This looks like x1[i] * x2[i] copied from the elementwise product: entry (i, j) is "
                       "x1[i] * x2[j].")
def same_index_for_both(x1, x2):
    outer = np.zeros((len(x1), len(x2)))
    for i in range(len(x1)):
        for j in range(len(x2)):
            outer[i, j] = x1[i] * x2[i]
    return outer


@mistake("outer_loop", "This adds x1[i] + x2[j]: the outer product multiplies them.")
def outer_adds(x1, x2):
    outer = np.zeros((len(x1), len(x2)))
    for i in range(len(x1)):
        for j in range(len(x2)):
            outer[i, j] = x1[i] + x2[j]
    return outer


@mistake("outer_vectorized", "This looks like np.outer(x2, x1), the transpose: the rows follow x1.")
def arguments_swapped(x1, x2):
    outer = np.outer(x2, x1)
    return outer


@mistake("outer_vectorized", "x1.T does nothing to a 1-D array, so x1.T * x2 is an elementwise product: make x1 "
                             "a column (or use np.outer).")
def transpose_of_a_1d_vector(x1, x2):
    outer = x1.T * x2
    return outer


@mistake("outer_vectorized", "This looks like np.kron, which gives the same products in one flat vector: "
                             "the outer product is a matrix of shape (n1, n2).")
def kronecker_product(x1, x2):
    outer = np.kron(x1, x2)
    return outer


@mistake("outer_vectorized", "np.dot of two 1-D vectors is their dot product (and fails for different lengths): "
                             "the outer product is another function.")
def dot_instead_of_outer(x1, x2):
    outer = np.dot(x1, x2)
    return outer


# --------------------------------------------------------------------------------- multiply
@mistake("multiply_loop", "This looks like a loop starting at 1 (range(1, len(x1))): the first product is missing.")
def loop_starts_at_one(x1, x2):
    product = np.zeros(len(x1))
    for i in range(1, len(x1)):
        product[i] = x1[i] * x2[i]
    return product


@mistake("multiply_loop", "This looks like x1[i] * x1[i]: the second factor comes from x2.")
def squares_x1(x1, x2):
    product = np.zeros(len(x1))
    for i in range(len(x1)):
        product[i] = x1[i] * x1[i]
    return product


@mistake("multiply_loop", "This looks like a running total (product[i] = product[i - 1] + ...): each entry is "
                          "just the product of the two entries at i.")
def running_total(x1, x2):
    product = np.zeros(len(x1))
    for i in range(len(x1)):
        product[i] = product[i - 1] + x1[i] * x2[i]
    return product


@mistake("multiply_loop", "Your loop writes the products into x1, the caller's array: fill the new array "
                          "product instead.")
def writes_into_x1(x1, x2):
    for i in range(len(x1)):
        x1[i] = x1[i] * x2[i]
    product = x1
    return product


@mistake("multiply_vectorized", "np.dot of two vectors is one number (their dot product): the elementwise product "
                                "is np.multiply or *.")
def dot_instead_of_multiply(x1, x2):
    product = np.dot(x1, x2)
    return product


@mistake("multiply_vectorized", "This looks like the outer product, a matrix: the elementwise product is a vector "
                                "of shape (n,).")
def outer_instead_of_multiply(x1, x2):
    product = np.outer(x1, x2)
    return product


@mistake("multiply_vectorized", "This adds the vectors: the elementwise product multiplies them.")
def adds_the_vectors(x1, x2):
    product = x1 + x2
    return product


@mistake("multiply_vectorized", "Your function multiplies x1 in place (x1 *= x2), changing the caller's array: "
                                "compute a new array instead.")
def multiplies_in_place(x1, x2):
    x1 *= x2
    product = x1
    return product
