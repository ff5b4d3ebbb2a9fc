"""Mistakes learners make in week8/conv_fast.py (see grader/tools/mistakes.py).

Each entry changes lines of the reference's definition of one graded function, so its code uses
that module's names: ``np``, ``im2col``, ``col2im``, ``window_slice`` and the given checks.
"""
from grader.tools.mistakes import patch


# ---------------------------------------------------------------------------- conv_forward_fast
filters_reshaped_as_rows = patch("conv_forward_fast", "This looks like W reshaped with the filters first: a reshape "
    "does not move the filter axis, which is last in W; reshape with the filters last, then transpose.",
    {"Z = W.reshape(f * f * n_C_prev, n_C).T @ cols": "Z = W.reshape(n_C, f * f * n_C_prev) @ cols"})

result_not_transposed = patch("conv_forward_fast", "This looks like the product reshaped straight to (m, n_H, n_W, "
    "n_C): its rows are the filters and its columns (h, w, i) with the example last, so reshape to "
    "(n_C, n_H, n_W, m) and transpose to (m, n_H, n_W, n_C).",
    {"Z = Z.reshape(n_C, n_H, n_W, m).transpose(3, 1, 2, 0)": "Z = Z.reshape(m, n_H, n_W, n_C)"})

fast_kernel_flipped = patch("conv_forward_fast", "This looks like a flipped kernel (W[::-1, ::-1]): the course's "
    "convolution is a cross-correlation, the filter as it is.",
    {"Z = W.reshape(f * f * n_C_prev, n_C).T @ cols": "Z = W[::-1, ::-1].reshape(f * f * n_C_prev, n_C).T @ cols"})

fast_bias_forgotten = patch("conv_forward_fast", "This looks like the product without the biases: each filter's "
    "b, as a column (n_C, 1), is added to its row.",
    {"Z += b.reshape(n_C, 1)": "Z += 0"})

# --------------------------------------------------------------------------- conv_backward_fast
db_averaged_fast = patch("conv_backward_fast", "This looks like db as the mean of dZ: db is the sum over the "
    "examples and the positions (the cost's 1/m is already in dZ).",
    {"db = dZ_col.sum(axis=1).reshape(1, 1, 1, n_C)": "db = dZ_col.mean(axis=1).reshape(1, 1, 1, n_C)"})

dW_product_the_other_way = patch("conv_backward_fast", "This looks like the product of dZ_col and the transposed "
    "columns, reshaped to W's shape: that product has the filters first, and W has them last, so multiply the other "
    "way round.",
    {"dW = (cols @ dZ_col.T).reshape(W.shape)": "dW = (dZ_col @ cols.T).reshape(W.shape)"})

dcols_with_filters_as_rows = patch("conv_backward_fast", "This looks like W reshaped with the filters first, then "
    "transposed: the reshape scrambles the filters; reshape it as in the forward pass.",
    {"dcols = W.reshape(f * f * n_C_prev, n_C) @ dZ_col": "dcols = W.reshape(n_C, f * f * n_C_prev).T @ dZ_col"})

dW_scaled_by_m = patch("conv_backward_fast", "This looks like dW divided by the number of examples: the cost's 1/m "
    "is already in dZ.",
    {"dW = (cols @ dZ_col.T).reshape(W.shape)": "dW = (cols @ dZ_col.T).reshape(W.shape) / m"})

# ---------------------------------------------------------------------------- pool_forward_fast
first_window_not_copied = patch("pool_forward_fast", "This looks like A = window, a view into A_prev: the in-place "
    "maximum (or +=) then overwrites the caller's A_prev; start from a copy (astype or .copy()).",
    {"A = window.astype(dtype)": "A = window"})

average_not_divided_fast = patch("pool_forward_fast", "This looks like the sum of each window in 'average' mode: "
    "divide it by the f * f entries.",
    {"A /= f * f": "A /= 1"})

max_in_both_modes = patch("pool_forward_fast", "This looks like the maximum taken in 'average' mode too: the "
    "average adds the windows' entries, then divides by f * f.",
    {'elif mode == "max":\n    np.maximum(A, window, out=A)\nelse:\n    A += window':
     "else:\n    np.maximum(A, window, out=A)"})

pool_stride_one_fast = patch("pool_forward_fast", "This looks like windows that start at every entry (stride 1) "
    "whatever the stride: the given window_slice takes every stride-th one.",
    {"window = A_prev[:, window_slice(a, stride, n_H), window_slice(d, stride, n_W), :]":
     "window = A_prev[:, a:a + n_H, d:d + n_W, :]"})

# --------------------------------------------------------------------------- pool_backward_fast
max_gradient_to_every_entry = patch("pool_backward_fast", "This looks like dA given to every entry of the window in "
    "'max' mode: only the entries equal to their window's maximum receive it.",
    {"dA_prev[window] += (A_prev[window] == A) * dA": "dA_prev[window] += dA"})

share_not_divided = patch("pool_backward_fast", "This looks like the whole of dA given to every entry in 'average' "
    "mode: each of the f * f entries gets dA / (f * f).",
    {"share = dA / (f * f)": "share = dA"})

gradient_assigned_fast = patch("pool_backward_fast", "This looks like dA_prev[window] = ... instead of +=: where "
    "windows overlap (stride < f) an entry collects the gradient of each of them.",
    {"dA_prev[window] += (A_prev[window] == A) * dA": "dA_prev[window] = (A_prev[window] == A) * dA",
     "dA_prev[window] += share": "dA_prev[window] = share"})

backward_stride_one_fast = patch("pool_backward_fast", "This looks like windows starting at every entry (stride 1) in "
    "the backward pass: take the same slices as pool_forward_fast.",
    {"window = (slice(None), window_slice(a, stride, n_H), window_slice(d, stride, n_W), slice(None))":
     "window = (slice(None), slice(a, a + n_H), slice(d, d + n_W), slice(None))"})
