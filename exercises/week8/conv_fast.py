r"""The same layers without Python loops over examples or positions: convolution as a matrix product.

What you will build
-------------------
``convolution`` computed one number per Python step: millions of steps for a batch of digits. Here
each layer becomes a handful of numpy calls on whole arrays; the only Python loops left run over the
:math:`f \times f` offsets inside a window (25 steps for a 5x5 filter), never over examples or
positions. The functions take the same arguments and return the same numbers and caches as the loop
versions (to about 1e-12), and ``ConvNet`` (``cnn``) trains with them.

1. ``im2col``: copy every window of the padded input into one column of a matrix ``cols``;
2. ``conv_forward_fast``: then the whole convolution is **one matrix product**, ``W_col @ cols``;
3. ``col2im`` and ``conv_backward_fast``: ``dW`` and the windows' gradients are matrix products too,
   and ``col2im``, the reverse of ``im2col``, adds the windows' gradients back into the image;
4. ``pool_forward_fast`` and ``pool_backward_fast``: a loop over the :math:`f \times f` offsets of a
   window, each step one operation on every window at once;
5. ``compare_speed()`` (given) times them against your loop versions on your machine.

im2col: a convolution is a matrix product
-----------------------------------------
Write the filters as the rows of one matrix and the windows of the input as the columns of another:

- ``W_col`` of shape (n_C, f * f * n_C_prev): row ``c`` is filter ``c`` unrolled, entry
  ``(a * f + d) * n_C_prev + k`` is ``W[a, d, k, c]``: ``W.reshape(f * f * n_C_prev, n_C).T``;
- ``cols`` of shape (f * f * n_C_prev, n_H * n_W * m): the column of output position ``(h, w)`` of
  example ``i``, ``(h * n_W + w) * m + i``, is that position's window unrolled the same way:
  ``cols[(a * f + d) * n_C_prev + k, (h * n_W + w) * m + i] = A_pad[i, h * s + a, w * s + d, k]``.

Then :math:`Z_{col} = W_{col}\, \text{cols} + b`, of shape (n_C, n_H * n_W * m): each entry is the sum
``conv_single_step`` computes. One matrix product (BLAS: blocked, vectorised, multithreaded) does
every example, position and filter at once.

``im2col`` fills ``cols`` with one copy per offset ``(a, d)``: the entries at offset ``(a, d)`` of all
the windows form the padded input shifted by ``a`` rows and ``d`` columns (every ``s``-th one), the
strided slice :math:`A^{pad}[a : a + s(n_H - 1) + 1 : s,\; d : d + s(n_W - 1) + 1 : s]`.

The backward pass as matrix products
------------------------------------
With ``dZ_col`` of shape (n_C, n_H * n_W * m), the output gradient laid out like :math:`Z_{col}`:

.. math::

    db = \sum_{\text{columns}} dZ_{col}, \qquad
    dW_{col}^T = \text{cols}\; dZ_{col}^T, \qquad
    d\text{cols} = W_{col}^T\, dZ_{col}.

``dcols`` holds the gradient of every entry of every window; ``col2im`` adds each one back to the
input entry it was copied from: the same loop over offsets as ``im2col``, with ``+=`` instead of a copy
(an input entry in several windows collects the gradient of each).

Memory layout (the speed, not the mathematics)
----------------------------------------------
The arrays have the contract's channels-last **shapes**, (m, n_H, n_W, n_C), but ``im2col`` puts the
examples last, (n_C_prev, n_H_pad, n_W_pad, m): in memory every example is a column, as in weeks 1-7.
Then each copy of ``im2col`` and each addition of ``col2im`` moves long contiguous runs (a whole row
of windows for the whole mini-batch) instead of a few numbers at a time. ``conv_forward_fast`` returns
:math:`Z_{col}` reshaped and transposed to (m, n_H, n_W, n_C), a *view* (``np.transpose`` moves no
data), so its memory stays (n_C, n_H, n_W, m); numpy's elementwise functions keep the memory layout of
their input (``np.maximum``, ``astype``, ``zeros_like``), so the ReLU, the pooling and their
gradients keep it too, and ``conv_backward_fast``'s ``dZ.transpose(3, 1, 2, 0).reshape(n_C, -1)`` is
again a view, not a copy. Any layout gives the same numbers; this one is several times faster.

Notation
--------
As in ``convolution``: ``A_prev`` (m, n_H_prev, n_W_prev, n_C_prev), ``W`` (f, f, n_C_prev, n_C),
``b`` (1, 1, 1, n_C), ``hparameters`` ``{"stride": s, "pad": p}`` or ``{"f": f, "stride": s}``.
Floating inputs keep their dtype (float32 or float64); integers are computed in float64.

Check your work with ``python -m grader week8``.
"""

import time

import numpy as np

from .convolution import (check_conv_arguments, check_gradient, check_pool_arguments, conv_backward,
                          conv_forward, pool_backward, pool_forward)


def float_dtype(*arrays):
    """The dtype to compute in (given): the arrays' common floating type, float64 for integers."""
    dtype = np.result_type(*arrays)
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


def window_slice(offset, stride, n):
    """``slice(offset, offset + stride * (n - 1) + 1, stride)`` (given): the entries at ``offset`` of
    ``n`` windows that start every ``stride`` entries."""
    return slice(offset, offset + stride * (n - 1) + 1, stride)


# -------------------------------------------------------------------------------- convolution
def im2col(A_prev, f, stride=1, pad=0):
    """Every window of the padded input as one column of a matrix.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f : int
        The window (filter) size.
    stride, pad : int

    Returns
    -------
    cols : ndarray of shape (f * f * n_C_prev, n_H * n_W * m)
        ``cols[(a * f + d) * n_C_prev + k, (h * n_W + w) * m + i] = A_pad[i, h * stride + a, w * stride + d, k]``
        with ``A_pad`` the zero-padded ``A_prev``; ``n_H``, ``n_W`` as in ``conv_forward``.

    Notes
    -----
    ``A_pad`` (given) is the padded input with the examples last, (n_C_prev, n_H_pad, n_W_pad, m), and
    ``cols`` is filled as an array of shape (f, f, n_C_prev, n_H, n_W, m): ``cols[a, d]`` is the slice of
    ``A_pad`` at offset ``(a, d)`` of every window (rows ``window_slice(a, stride, n_H)``, columns
    ``window_slice(d, stride, n_W)``). The final reshape to 2-D is a view.
    """
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = np.zeros((n_C_prev, n_H_prev + 2 * pad, n_W_prev + 2 * pad, m), dtype=float_dtype(A_prev))
    A_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :] = A_prev.transpose(3, 1, 2, 0)  # examples last
    cols = np.empty((f, f, n_C_prev, n_H, n_W, m), dtype=A_pad.dtype)
    # YOUR CODE HERE
    # Hint: two loops over the offsets a and d; cols[a, d] gets the slice of A_pad that window_slice gives for
    # Hint: that offset in the rows and in the columns, with every channel and every example
    raise NotImplementedError()
    return cols.reshape(f * f * n_C_prev, n_H * n_W * m)


def col2im(dcols, A_prev_shape, f, stride=1, pad=0):
    """The reverse of ``im2col``: add the gradient of every window entry back to where it was copied from.

    Parameters
    ----------
    dcols : ndarray of shape (f * f * n_C_prev, n_H * n_W * m)
        A gradient laid out like ``im2col``'s ``cols`` (``W_col.T @ dZ_col``).
    A_prev_shape : tuple
        ``(m, n_H_prev, n_W_prev, n_C_prev)``.
    f, stride, pad : int

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
        ``dA_pad[i, h * stride + a, w * stride + d, k]`` collects ``dcols[(a * f + d) * n_C_prev + k,
        (h * n_W + w) * m + i]`` for every ``(a, d, h, w)``; ``dA_prev`` is ``dA_pad`` without its border,
        a view with the examples last in memory.

    Notes
    -----
    ``dcols`` reshaped to (f, f, n_C_prev, n_H, n_W, m) and ``dA_pad``, zeros of shape
    (n_C_prev, n_H_pad, n_W_pad, m), are given; add ``dcols[a, d]`` into the slice of ``dA_pad`` that
    ``im2col`` copied ``cols[a, d]`` from (``+=``: overlapping windows add up).
    """
    m, n_H_prev, n_W_prev, n_C_prev = A_prev_shape
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    dcols = dcols.reshape(f, f, n_C_prev, n_H, n_W, m)
    dA_pad = np.zeros((n_C_prev, n_H_prev + 2 * pad, n_W_prev + 2 * pad, m), dtype=dcols.dtype)
    # YOUR CODE HERE
    # Hint: im2col's two loops and slices, with += from dcols[a, d] instead of a copy into cols[a, d]
    raise NotImplementedError()
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :].transpose(3, 1, 2, 0)


def conv_forward_fast(A_prev, W, b, hparameters, keep_columns=False):
    """The forward pass of a convolutional layer as one matrix product.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
    W : ndarray of shape (f, f, n_C_prev, n_C)
    b : ndarray of shape (1, 1, 1, n_C)
    hparameters : dict
        ``{"stride": s, "pad": p}``.
    keep_columns : bool, default False
        Also keep ``cols`` in the cache, so that ``conv_backward_fast`` need not build it again
        (what ``ConvNet`` does during training: memory for speed).

    Returns
    -------
    Z : ndarray of shape (m, n_H, n_W, n_C)
        ``conv_forward``'s result (to rounding), a view with the examples last in memory.
    cache : tuple
        ``(A_prev, W, b, hparameters)`` as ``conv_forward``'s, or with ``keep_columns``
        ``(A_prev, W, b, hparameters, cols)``, ``cols`` from ``im2col``.

    Notes
    -----
    ``cols = im2col(...)``; ``W_col = W.reshape(f * f * n_C_prev, n_C).T`` (n_C, f * f * n_C_prev);
    ``Z = W_col @ cols`` (n_C, n_H * n_W * m) plus ``b`` as a column (n_C, 1); then reshape to
    (n_C, n_H, n_W, m) and transpose to (m, n_H, n_W, n_C): a view, the module's memory layout.
    """
    stride, pad = check_conv_arguments(A_prev, W, b, hparameters)
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    # YOUR CODE HERE
    # Hint: im2col, one matrix product with the filters as rows, the biases as a column (n_C, 1) added in place;
    # Hint: the result is (n_C, n_H * n_W * m): reshape it to (n_C, n_H, n_W, m) and transpose it to
    # Hint: (m, n_H, n_W, n_C)
    raise NotImplementedError()
    cache = (A_prev, W, b, hparameters, cols) if keep_columns else (A_prev, W, b, hparameters)
    return Z, cache


def conv_backward_fast(dZ, cache, compute_dA_prev=True):
    """The backward pass of a convolutional layer as matrix products.

    Parameters
    ----------
    dZ : ndarray of shape (m, n_H, n_W, n_C)
    cache : tuple
        From ``conv_forward_fast`` (with or without ``cols``) or ``conv_forward``.
    compute_dA_prev : bool, default True
        False skips ``dA_prev`` (returned as None): the first layer of a network needs no gradient
        with respect to its input images.

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev), or None
    dW : ndarray of shape (f, f, n_C_prev, n_C)
    db : ndarray of shape (1, 1, 1, n_C)
        ``conv_backward``'s results (to rounding).

    Notes
    -----
    ``cols`` from the cache or ``im2col`` and ``dZ_col = dZ.transpose(3, 1, 2, 0).reshape(n_C, -1)`` are
    given. Then ``db`` is the row sums of ``dZ_col``; ``dW`` is ``cols @ dZ_col.T`` (f f n_C_prev, n_C)
    reshaped to ``W``'s shape; ``dcols = W.reshape(f f n_C_prev, n_C) @ dZ_col``, and ``col2im`` gives
    ``dA_prev``.
    """
    A_prev, W, b, hparameters = cache[:4]
    stride, pad = check_conv_arguments(A_prev, W, b, hparameters)
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    check_gradient(dZ, (m, n_H, n_W, n_C))
    cols = cache[4] if len(cache) > 4 else im2col(A_prev, f, stride, pad)  # (f f n_C_prev, n_H n_W m)
    dZ_col = dZ.transpose(3, 1, 2, 0).reshape(n_C, n_H * n_W * m)          # a view in this module's layout
    dA_prev = None
    # YOUR CODE HERE
    # Hint: db: the sum of each row of dZ_col, reshaped to (1, 1, 1, n_C); dW: cols times dZ_col transposed,
    # Hint: reshaped to W's shape; dA_prev only when compute_dA_prev: dcols as in the notes, then col2im
    raise NotImplementedError()
    return dA_prev, dW, db


# ------------------------------------------------------------------------------------ pooling
def pool_forward_fast(A_prev, hparameters, mode="max"):
    """The forward pass of a pooling layer with one loop over the f x f offsets of a window.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C)
    hparameters : dict
        ``{"f": f, "stride": s}``.
    mode : {"max", "average"}, default "max"

    Returns
    -------
    A : ndarray of shape (m, n_H, n_W, n_C)
        ``pool_forward``'s result, in the memory layout of ``A_prev``.
    cache : tuple
        ``(A_prev, hparameters)``.

    Notes
    -----
    ``A_prev[:, window_slice(a, s, n_H), window_slice(d, s, n_W), :]`` holds entry ``(a, d)`` of every
    window at once, shape (m, n_H, n_W, n_C). Start from a copy of offset (0, 0) (``astype`` with the
    compute dtype makes one) and combine the others into it: ``np.maximum(A, window, out=A)``, or ``+=``
    and a division by ``f * f`` at the end.
    """
    f, stride = check_pool_arguments(A_prev, hparameters, mode)
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    dtype = float_dtype(A_prev)
    # YOUR CODE HERE
    # Hint: two loops over the offsets; the first window becomes A (a copy: A_prev must not change), the
    # Hint: others are combined into it in place
    raise NotImplementedError()
    cache = (A_prev, hparameters)
    return A, cache


def pool_backward_fast(dA, cache, mode="max", A=None):
    """The backward pass of a pooling layer with one loop over the f x f offsets of a window.

    Parameters
    ----------
    dA : ndarray of shape (m, n_H, n_W, n_C)
    cache : tuple
        ``(A_prev, hparameters)`` from ``pool_forward_fast`` (or ``pool_forward``).
    mode : {"max", "average"}, default "max"
    A : ndarray of shape (m, n_H, n_W, n_C), optional
        The forward pass's output, when the caller kept it (``ConvNet`` does): saves recomputing the
        maxima. Only used by ``"max"``.

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C)
        ``pool_backward``'s result: for ``"max"`` the gradient goes to **every** entry of a window
        equal to its maximum (ties included), for ``"average"`` ``dA / f**2`` to each entry.

    Notes
    -----
    The cache holds ``A_prev`` only: without ``A`` the maxima are recomputed (given). Then for
    each offset ``(a, d)``, with ``window`` the slices of ``pool_forward_fast``:
    ``dA_prev[window] += (A_prev[window] == A) * dA`` (the mask of ``create_mask_from_window`` for every
    window at once), or ``+= dA / (f * f)``. ``+=`` because windows may overlap; ``dA_prev`` starts as
    ``np.zeros_like(A_prev, dtype=...)``, which keeps ``A_prev``'s memory layout.
    """
    A_prev, hparameters = cache
    f, stride = check_pool_arguments(A_prev, hparameters, mode)
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    check_gradient(dA, (m, n_H, n_W, n_C), "dA")
    dtype = float_dtype(A_prev, dA)
    if mode == "max" and A is None:
        A, _ = pool_forward_fast(A_prev, hparameters, mode)         # the maxima of the windows
    elif mode == "max":
        check_gradient(A, dA.shape, "A")
    # YOUR CODE HERE
    # Hint: zeros in A_prev's layout and dtype; then one += per offset into dA_prev's slices: the mask of the
    # Hint: entries equal to their window's maximum A, times dA ("max"), or dA's share of each entry ("average")
    raise NotImplementedError()
    return dA_prev


# ------------------------------------------------------------------------------ given: timing
def _time_per_call(function, repeats, min_time=0.02):
    """Best seconds per call of ``function()`` over ``repeats`` rounds of at least ``min_time`` each."""
    best = float("inf")
    for _ in range(repeats):
        calls, start = 0, time.perf_counter()
        while True:
            function()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / calls)
    return best


def compare_speed(m=4, n_H=14, n_C_prev=8, n_C=16, f=5, repeats=3, rng=0, verbose=True):
    """Time the loop and the fast versions of the four operations (given).

    The input is one layer of the digits network: ``m`` images of ``n_H x n_H x n_C_prev``, ``n_C``
    filters of ``f x f`` ("same" padding, stride 1), then 2x2 max pooling with stride 2. Each
    function is timed ``repeats`` times and the best time per call is kept (the least disturbed
    by other programs).

    Parameters
    ----------
    m, n_H, n_C_prev, n_C, f : int
        The input's size; the defaults are the second layer of ``ConvNet`` on four digits.
    repeats : int, default 3
    rng : None, int or numpy.random.Generator, default 0
        Source of the random inputs.
    verbose : bool, default True
        Print one line per operation.

    Returns
    -------
    ratios : dict
        ``{"conv_forward": float, "conv_backward": float, "pool_forward": float, "pool_backward": float}``:
        loop time / fast time. Hundreds to thousands on most machines; the fast versions' lead
        grows with the input (try ``m=16``).
    """
    rng = np.random.default_rng(rng)
    A_prev = rng.standard_normal((m, n_H, n_H, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C)) * 0.1
    b = rng.standard_normal((1, 1, 1, n_C))
    conv_hp, pool_hp = {"stride": 1, "pad": (f - 1) // 2}, {"f": 2, "stride": 2}
    Z, conv_cache = conv_forward(A_prev, W, b, conv_hp)
    A, pool_cache = pool_forward(Z, pool_hp)
    dZ, dA = rng.standard_normal(Z.shape), rng.standard_normal(A.shape)
    cases = {
        "conv_forward": (lambda: conv_forward(A_prev, W, b, conv_hp), lambda: conv_forward_fast(A_prev, W, b, conv_hp)),
        "conv_backward": (lambda: conv_backward(dZ, conv_cache), lambda: conv_backward_fast(dZ, conv_cache)),
        "pool_forward": (lambda: pool_forward(Z, pool_hp), lambda: pool_forward_fast(Z, pool_hp)),
        "pool_backward": (lambda: pool_backward(dA, pool_cache), lambda: pool_backward_fast(dA, pool_cache)),
    }
    ratios = {}
    for name, (loop_version, fast_version) in cases.items():
        t_loop = _time_per_call(loop_version, repeats)
        t_fast = _time_per_call(fast_version, repeats)
        ratios[name] = t_loop / max(t_fast, 1e-9)
        if verbose:
            print(f"{name:>13}: loops {1e3 * t_loop:9.2f} ms   fast {1e3 * t_fast:7.3f} ms   "
                  f"fast is {ratios[name]:6.0f}x faster")
    return ratios


if __name__ == "__main__":
    compare_speed()
