"""Mistakes learners make in week8/convolution.py (see grader/tools/mistakes.py).

Each entry changes lines of the reference's definition of one graded function, so its code uses
that module's names: ``np`` and the module's own ``zero_pad``, ``conv_single_step``,
``create_mask_from_window``, ``distribute_value``.
"""
from grader.tools.mistakes import patch, variant


# ------------------------------------------------------------------------------------ zero_pad
pads_every_axis = patch("zero_pad", "This looks like np.pad(X, pad), which pads every axis, the examples and the "
    "channels too: give one (before, after) pair per axis, (0, 0) for the first and the last.",
    {'X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)':
     'X_pad = np.pad(X, pad, mode="constant", constant_values=0)'})

pads_one_side_only = patch("zero_pad", "This looks like a padding on one side of each axis only, (0, pad): the "
    "border goes on both sides, (pad, pad).",
    {'X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)':
     'X_pad = np.pad(X, ((0, 0), (0, pad), (0, pad), (0, 0)), mode="constant", constant_values=0)'})

channels_first = patch("zero_pad", "This looks like the layout (m, n_C, n_H, n_W): the images here are "
    "channels-last, (m, n_H, n_W, n_C), so the padded axes are 1 and 2.",
    {'X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)':
     'X_pad = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant", constant_values=0)'})

edge_values = patch("zero_pad", "This looks like mode='edge' (the border repeats the image's edge): zero padding "
    "adds zeros.",
    {'X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)':
     'X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="edge")'})

# ---------------------------------------------------------------------------- conv_single_step
bias_per_element = patch("conv_single_step", "This looks like the bias added to every product before the sum: "
    "it is added once, to the sum.",
    {"s = a_slice_prev * W\nZ = np.sum(s) + np.asarray(b).item()": "s = a_slice_prev * W + b\nZ = np.sum(s)"})

bias_forgotten = patch("conv_single_step", "This looks like the sum of the products without the bias b.",
    {"Z = np.sum(s) + np.asarray(b).item()": "Z = np.sum(s)"})

mean_of_the_products = patch("conv_single_step", "This looks like the mean of the products (np.mean): a "
    "convolution step sums them.",
    {"Z = np.sum(s) + np.asarray(b).item()": "Z = np.mean(s) + np.asarray(b).item()"})

sum_over_one_axis = patch("conv_single_step", "This looks like np.sum over one axis (the channels): a convolution "
    "step sums every product of the (f, f, n_C_prev) slice into one number.",
    {"Z = np.sum(s) + np.asarray(b).item()": "Z = np.sum(s, axis=-1) + np.asarray(b).item()"})

bias_as_an_array = variant("conv_single_step", "the bias added as the (1, 1, 1) array b: the sum is then an array of "
    "one value, which the given float(np.squeeze(Z)) turns into the number", {
        "Z = np.sum(s) + np.asarray(b).item()": "Z = np.sum(s) + b"})

# -------------------------------------------------------------------------------- conv_forward
slice_end_off_by_one = patch("conv_forward", "This looks like a slice that ends one row early: Python's slice end is "
    "excluded, so a window of f rows ends at its start plus f (the same for the columns).",
    {"vert_end = vert_start + f": "vert_end = vert_start + f - 1",
     "horiz_end = horiz_start + f": "horiz_end = horiz_start + f - 1"})

stride_forgotten = patch("conv_forward", "This looks like the window starting at h (and w) instead of h * stride: "
    "with a stride s the windows move s pixels at a time.",
    {"vert_start = h * stride": "vert_start = h", "horiz_start = w * stride": "horiz_start = w"})

padding_forgotten = patch("conv_forward", "This looks like the windows cut from A_prev itself, not from the padded "
    "A_prev_pad: with pad > 0 the windows must include the zero border.",
    {"a_prev_pad = A_prev_pad[i]": "a_prev_pad = zero_pad(A_prev, 0)[i]"})

size_without_stride = patch("conv_forward", "This looks like the output size without the division by the stride: "
    "n_H = (n_H_prev + 2 pad - f) // stride + 1.",
    {"n_H = (n_H_prev + 2 * pad - f) // stride + 1\nn_W = (n_W_prev + 2 * pad - f) // stride + 1":
     "n_H = n_H_prev + 2 * pad - f + 1\nn_W = n_W_prev + 2 * pad - f + 1"})

one_filter_for_all = patch("conv_forward", "This looks like the same filter W[..., 0] for every output channel: "
    "channel c of Z uses filter c, W[:, :, :, c], and its bias b[:, :, :, c].",
    {"Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])":
     "Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, 0], b[:, :, :, c])"})

kernel_flipped = patch("conv_forward", "This looks like a flipped kernel (a true convolution, W[::-1, ::-1]): the "
    "course's convolution, like every deep-learning library's, is a cross-correlation without the flip.",
    {"Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])":
     "Z[i, h, w, c] = conv_single_step(a_slice_prev, W[::-1, ::-1, :, c], b[:, :, :, c])"})

channels_first_slice = patch("conv_forward", "This looks like a window cut as from a channels-first image "
    "(n_C, n_H, n_W): here an example is (n_H, n_W, n_C), so the window is [vert_start:vert_end, "
    "horiz_start:horiz_end, :].",
    {"a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]":
     "a_slice_prev = a_prev_pad[:, vert_start:vert_end, horiz_start:horiz_end]"})

# -------------------------------------------------------------------------------- pool_forward
pool_slice_end_off_by_one = patch("pool_forward", "This looks like a window that ends one row early: the slice end is "
    "excluded, so a window of f rows ends at its start plus f (the same for the columns).",
    {"vert_end = vert_start + f": "vert_end = vert_start + f - 1",
     "horiz_end = horiz_start + f": "horiz_end = horiz_start + f - 1"})

pool_stride_forgotten = patch("pool_forward", "This looks like windows that start at h and w instead of h * stride "
    "and w * stride: with a stride s the windows move s pixels at a time.",
    {"vert_start = h * stride": "vert_start = h", "horiz_start = w * stride": "horiz_start = w"})

pool_over_channels = patch("pool_forward", "This looks like one window over all the channels (the maximum or mean of "
    "the whole (f, f, n_C) block): pooling keeps the channels apart, one window per channel c.",
    {"a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]":
     "a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, :]"})

average_is_max = patch("pool_forward", "This looks like the maximum in both modes: mode='average' takes the mean of "
    "the window.",
    {"A[i, h, w, c] = np.mean(a_prev_slice)": "A[i, h, w, c] = np.max(a_prev_slice)"})

average_without_division = patch("pool_forward", "This looks like the sum of the window in 'average' mode: the "
    "average divides it by the f * f entries (np.mean).",
    {"A[i, h, w, c] = np.mean(a_prev_slice)": "A[i, h, w, c] = np.sum(a_prev_slice)"})

# ------------------------------------------------------------------------------- conv_backward
negative_slice_end = patch("conv_backward", "This looks like dA_prev cut from the padded gradient with a negative end "
    "(-pad), which gives nothing when pad = 0: give the end as the start plus the size of A_prev.",
    {"dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]":
     "dA_prev[i, :, :, :] = da_prev_pad[pad:-pad, pad:-pad, :]"})

padding_not_removed = patch("conv_backward", "This looks like the padded gradient returned as dA_prev: cut its border "
    "of pad rows and columns off, so that dA_prev has the shape of A_prev.",
    {"dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]": "dA_prev = dA_prev_pad"})

border_kept = patch("conv_backward", "This looks like the gradient's border cut from the wrong side ([:n_H_prev, "
    ":n_W_prev]): the padded gradient's first pad rows and columns belong to the zero border.",
    {"dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]":
     "dA_prev[i, :, :, :] = da_prev_pad[:n_H_prev, :n_W_prev, :]"})

dW_without_dZ = patch("conv_backward", "This looks like dW adding the input window alone: each window's contribution "
    "is "
    "weighted by its entry of dZ.",
    {"dW[:, :, :, c] += a_slice * dZ[i, h, w, c]": "dW[:, :, :, c] += a_slice"})

dA_from_the_input = patch("conv_backward", "This looks like dA_prev built from the input window: the gradient with "
    "respect to the input adds the filter, weighted by the entry of dZ, to the window.",
    {"da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]":
     "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += a_slice * dZ[i, h, w, c]"})

dA_assigned = patch("conv_backward", "This looks like the window's gradient assigned (=) instead of added (+=): "
    "overlapping windows and the filters all add to the same input pixels.",
    {"da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]":
     "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] = W[:, :, :, c] * dZ[i, h, w, c]"})

backward_stride_forgotten = patch("conv_backward", "This looks like the windows starting at h and w instead of "
    "h * stride and w * stride, as in the forward pass.",
    {"vert_start = h * stride": "vert_start = h", "horiz_start = w * stride": "horiz_start = w"})

db_averaged = patch("conv_backward", "This looks like db divided by the number of examples: db sums dZ over the "
    "examples and positions (the cost's 1/m is already in dZ).",
    {"db[:, :, :, c] += dZ[i, h, w, c]": "db[:, :, :, c] += dZ[i, h, w, c] / m"})

# --------------------------------------------------------------------- create_mask_from_window
first_maximum_only = patch("create_mask_from_window", "This looks like a mask with one True, at np.argmax: when the "
    "maximum is tied, every entry equal to the maximum is marked.",
    {"mask = x == np.max(x)": "mask = np.zeros(x.shape, dtype=bool)\nmask.flat[np.argmax(x)] = True"})

mask_of_the_minimum = patch("create_mask_from_window", "This looks like the mask of the minimum: max pooling "
    "passes the gradient to the largest entry.",
    {"mask = x == np.max(x)": "mask = x == np.min(x)"})

mask_of_positives = patch("create_mask_from_window", "This looks like a mask of the positive entries (x > 0), as "
    "for a ReLU: max pooling marks only the window's maximum.",
    {"mask = x == np.max(x)": "mask = x > 0"})

# ---------------------------------------------------------------------------- distribute_value
not_divided = patch("distribute_value", "This looks like dz copied into every entry: the average spreads dz evenly, "
    "each of the n_H times n_W entries gets its share.",
    {"average = dz / (n_H * n_W)": "average = dz"})

divided_by_the_side = patch("distribute_value", "This looks like dz divided by n_H alone: the window has n_H * n_W "
    "entries.",
    {"average = dz / (n_H * n_W)": "average = dz / n_H"})

all_to_the_corner = patch("distribute_value", "This looks like dz given to one entry: average pooling used every entry "
    "equally, so each of the n_H times n_W entries gets an equal share.",
    {"a = np.ones(shape) * average": "a = np.zeros(shape)\na[0, 0] = dz"})

# ------------------------------------------------------------------------------- pool_backward
max_to_every_element = patch("pool_backward", "This looks like the max-pooling gradient given to every entry of "
    "the window: only the maximum (the mask of create_mask_from_window) receives it.",
    {"dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]":
     "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += dA[i, h, w, c]"})

pool_gradient_assigned = patch("pool_backward", "This looks like the window's gradient assigned (=) instead of added "
    "(+=): where windows overlap (stride < f) an input pixel collects the gradient of each of them.",
    {"dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]":
     "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] = mask * dA[i, h, w, c]",
     "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))":
     "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] = distribute_value(da, (f, f))"})

mask_of_the_first_example = patch("pool_backward", "This looks like the windows of the first example (A_prev[0]) "
    "used for every example: the mask of example i comes from A_prev[i].",
    {"a_prev = A_prev[i]": "a_prev = A_prev[0]"})

average_backward_undivided = patch("pool_backward", "This looks like the whole of dA given to every entry of the "
    "window in 'average' mode: distribute_value shares it out, dz / (f * f) each.",
    {"dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))":
     "dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += da"})

pool_backward_stride_forgotten = patch("pool_backward", "This looks like windows starting at h and w instead of "
    "h * stride and w * stride, as in pool_forward.",
    {"vert_start = h * stride": "vert_start = h", "horiz_start = w * stride": "horiz_start = w"})
