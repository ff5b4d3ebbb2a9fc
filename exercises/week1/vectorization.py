r"""Vectorization: why the rest of the course never loops over examples.

What you will build
-------------------
Three products of vectors, each twice: once with explicit Python ``for`` loops, once with a
single numpy call.

- dot product :math:`x_1 \cdot x_2 = \sum_i x_{1,i} x_{2,i}` (a number),
- outer product :math:`(x_1 x_2^T)_{ij} = x_{1,i} x_{2,j}` (a matrix),
- elementwise product :math:`(x_1 \odot x_2)_i = x_{1,i} x_{2,i}` (a vector).

Both versions compute the same numbers (up to rounding); the numpy one runs compiled loops over
contiguous memory instead of one Python bytecode step per entry. ``compare_speed()`` (given)
measures the ratio on your own machine: typically tens to hundreds of times. A neural network
multiplies matrices with millions of entries thousands of times, so this ratio is the difference
between seconds and hours.

Every input here is a 1-D float64 array. Call ``compare_speed()`` to see the timings on your
machine, and check your work with ``python -m grader week1``.
"""

import time

import numpy as np


def dot_loop(x1, x2):
    r"""Dot product :math:`\sum_i x_{1,i} x_{2,i}` with an explicit Python loop.

    Parameters
    ----------
    x1 : ndarray of shape (n,)
    x2 : ndarray of shape (n,)

    Returns
    -------
    dot : float
    """
    # YOUR CODE HERE
    # Hint: start from 0.0 and add one product per index of x1
    raise NotImplementedError()
    return float(np.squeeze(dot))


def outer_loop(x1, x2):
    r"""Outer product :math:`O_{ij} = x_{1,i} x_{2,j}` with two nested Python loops.

    Parameters
    ----------
    x1 : ndarray of shape (n1,)
    x2 : ndarray of shape (n2,)

    Returns
    -------
    outer : ndarray of shape (n1, n2)
    """
    outer = np.zeros((len(x1), len(x2)))
    # YOUR CODE HERE
    # Hint: one loop over i (rows) and, inside it, one loop over j (columns)
    raise NotImplementedError()
    return outer


def multiply_loop(x1, x2):
    r"""Elementwise product :math:`p_i = x_{1,i} x_{2,i}` with an explicit Python loop.

    Parameters
    ----------
    x1 : ndarray of shape (n,)
    x2 : ndarray of shape (n,)

    Returns
    -------
    product : ndarray of shape (n,)
    """
    product = np.zeros(len(x1))
    # YOUR CODE HERE
    # Hint: fill product[i] for every index i
    raise NotImplementedError()
    return product


def dot_vectorized(x1, x2):
    """Dot product with numpy: the same result as ``dot_loop``.

    Parameters
    ----------
    x1 : ndarray of shape (n,)
    x2 : ndarray of shape (n,)

    Returns
    -------
    dot : float
    """
    # YOUR CODE HERE
    # Hint: one numpy call (np.dot)
    raise NotImplementedError()
    return float(np.squeeze(dot))


def outer_vectorized(x1, x2):
    """Outer product with numpy: the same result as ``outer_loop``.

    Parameters
    ----------
    x1 : ndarray of shape (n1,)
    x2 : ndarray of shape (n2,)

    Returns
    -------
    outer : ndarray of shape (n1, n2)
    """
    # YOUR CODE HERE
    # Hint: numpy has a function named after this product
    raise NotImplementedError()
    return outer


def multiply_vectorized(x1, x2):
    """Elementwise product with numpy: the same result as ``multiply_loop``.

    Parameters
    ----------
    x1 : ndarray of shape (n,)
    x2 : ndarray of shape (n,)

    Returns
    -------
    product : ndarray of shape (n,)
    """
    # YOUR CODE HERE
    # Hint: on arrays, * is already elementwise (np.multiply)
    raise NotImplementedError()
    return product


def _time_per_call(function, x1, x2, repeats, min_time=0.005):
    """Best seconds per call of ``function(x1, x2)`` over ``repeats`` rounds; a round repeats the
    call until it lasts ``min_time``, so that fast calls are not lost in the timer's noise."""
    best = float("inf")
    for _ in range(repeats):
        calls, start = 0, time.perf_counter()
        while True:
            function(x1, x2)
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / calls)
    return best


def compare_speed(n=100_000, repeats=3, rng=0, verbose=True):
    """Time the loop and numpy versions of the three products (given).

    Each function is timed ``repeats`` times and the best time per call is kept (the least
    disturbed by other programs). The outer product uses vectors of length ``round(sqrt(n))``,
    so that it too fills about ``n`` entries.

    Parameters
    ----------
    n : int, default 100_000
        Length of the random input vectors.
    repeats : int, default 3
        Timings per function.
    rng : None, int or numpy.random.Generator, default 0
        Source of the random inputs (normalised with ``np.random.default_rng``).
    verbose : bool, default True
        Print one line per product.

    Returns
    -------
    ratios : dict
        ``{"dot": float, "outer": float, "multiply": float}``: loop time / numpy time. It depends
        on your machine; values above 10 are the rule. (On a busy machine the multithreaded
        ``np.dot`` can lose much of its lead; ``OPENBLAS_NUM_THREADS=1`` makes it single-threaded.)
    """
    rng = np.random.default_rng(rng)
    x1, x2 = rng.standard_normal(n), rng.standard_normal(n)
    k = max(1, int(round(np.sqrt(n))))
    cases = {
        "dot": (dot_loop, dot_vectorized, x1, x2),
        "outer": (outer_loop, outer_vectorized, x1[:k], x2[:k]),
        "multiply": (multiply_loop, multiply_vectorized, x1, x2),
    }
    ratios = {}
    for name, (loop_version, numpy_version, a, b) in cases.items():
        t_loop = _time_per_call(loop_version, a, b, repeats)
        t_numpy = _time_per_call(numpy_version, a, b, repeats)
        ratios[name] = t_loop / max(t_numpy, 1e-9)
        if verbose:
            print(f"{name:>8}: loop {1e3 * t_loop:8.2f} ms   numpy {1e3 * t_numpy:7.3f} ms   "
                  f"numpy is {ratios[name]:6.0f}x faster")
    return ratios


if __name__ == "__main__":
    compare_speed()
