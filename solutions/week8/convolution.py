r"""The layers of a convolutional network, one loop at a time.

What you will build
-------------------
A fully connected layer gives every unit its own weight for every pixel. A **convolutional** layer
slides one small filter over the whole image instead: the same :math:`f \times f` weights look for
the same pattern (an edge, a stroke) at every position, so the layer needs few parameters and finds
a pattern wherever it is. A **pooling** layer then shrinks the image by keeping the maximum (or the
average) of every :math:`f \times f` window.

You write both forwards and backwards with explicit Python loops over the examples, the output
positions and the channels, as in the Deep Learning Specialization's "Convolution model, step by
step". The loops are slow (``conv_fast`` computes the same numbers hundreds of times faster) but they
show exactly which input entries make each output entry, which is what the backward pass needs.

1. ``zero_pad``: a border of ``pad`` zeros around every image;
2. ``conv_single_step``: one filter on one :math:`f \times f \times n_{C_{prev}}` slice, a number;
3. ``conv_forward``: every filter at every position of every example;
4. ``pool_forward``: the maximum or the average of every window;
5. ``conv_backward``: the gradients with respect to the input, the filters and the biases;
6. ``create_mask_from_window``, ``distribute_value`` and ``pool_backward``: where a pooling layer's
   gradient goes back to.

Notation (channels-last, the layout of image files)
-----------------------------------------------------
- ``A_prev`` of shape (m, n_H_prev, n_W_prev, n_C_prev): ``m`` images of ``n_H_prev`` rows,
  ``n_W_prev`` columns and ``n_C_prev`` channels (1 for grey, 3 for RGB, or the previous layer's
  filters); ``A_prev[i]`` is example ``i``.
- ``W`` of shape (f, f, n_C_prev, n_C): ``n_C`` filters of size :math:`f \times f \times n_{C_{prev}}`;
  ``b`` of shape (1, 1, 1, n_C): one bias per filter.
- ``hparameters``: ``{"stride": s, "pad": p}`` for a convolution, ``{"f": f, "stride": s}`` for a
  pooling layer (no padding).
- ``Z`` (convolution) and ``A`` (pooling) of shape (m, n_H, n_W, n_C).

The sizes
---------
A window starts every ``stride`` entries and must fit inside the (padded) image:

.. math::

    n_H = \left\lfloor \frac{n_{H_{prev}} + 2p - f}{s} \right\rfloor + 1, \qquad
    n_W = \left\lfloor \frac{n_{W_{prev}} + 2p - f}{s} \right\rfloor + 1

(``p = 0`` for pooling). Output position ``(h, w)`` reads the window of rows
``h * stride .. h * stride + f - 1`` and columns ``w * stride .. w * stride + f - 1`` of the padded input.

The equations
-------------
Convolution (a cross-correlation, as in every deep-learning library: the filter is not flipped),
with :math:`A^{pad}` the zero-padded input and :math:`s` the stride:

.. math::

    Z[i, h, w, c] = \sum_{a=0}^{f-1} \sum_{d=0}^{f-1} \sum_{k=0}^{n_{C_{prev}}-1}
        A^{pad}[i, h s + a, w s + d, k]\; W[a, d, k, c] \; + \; b[0, 0, 0, c]

Backwards, each output entry sends its gradient :math:`dZ[i, h, w, c]` to everything that made it:

.. math::

    dA^{pad}[i, \text{window}] \mathrel{+}= W[:, :, :, c]\; dZ[i, h, w, c], \quad
    dW[:, :, :, c] \mathrel{+}= A^{pad}[i, \text{window}]\; dZ[i, h, w, c], \quad
    db[:, :, :, c] \mathrel{+}= dZ[i, h, w, c],

summed over every ``(i, h, w, c)``, then ``dA_prev`` is ``dA_pad`` without its border. Max pooling
passes :math:`dA[i, h, w, c]` to the window's maximum (to *every* entry equal to the maximum when
there are ties: ``create_mask_from_window``); average pooling spreads it evenly over the window
(``distribute_value``). Windows that overlap (``stride < f``) add their contributions.

Unlike week 4's ``linear_backward``, ``conv_backward`` does not divide by ``m``: ``dW`` and ``db``
sum the contributions of every example, so they are the gradients of whatever ``dZ`` is the gradient
of (as in the Deep Learning Specialization; the network of ``cnn`` divides by ``m`` once, at its
output, as week 7's trainer does).

Check your work with ``python -m grader week8``.
"""

import numbers

import numpy as np

POOL_MODES = ("max", "average")


# ------------------------------------------------------------------------------ given: checks
def _positive_int(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def check_images(A, name="A_prev"):
    """Raise a ValueError unless ``A`` is a 4-D array of images (m, n_H, n_W, n_C) (given)."""
    shape = np.shape(A)
    if len(shape) != 4:
        raise ValueError(f"{name} must be 4-D, (m, n_H, n_W, n_C) channels-last; got shape {shape}"
                         + (" (add the channel axis: X[..., np.newaxis])" if len(shape) == 3 else ""))


def check_conv_arguments(A_prev, W, b, hparameters):
    """Raise a ValueError naming what is wrong with the arguments of a convolution (given).

    ``A_prev`` 4-D, ``W`` of shape (f, f, n_C_prev, n_C) with the channels of ``A_prev``, ``b`` of
    shape (1, 1, 1, n_C), ``hparameters`` with an integer ``"stride" >= 1`` and ``"pad" >= 0``, and
    a filter that fits in the padded image.
    """
    check_images(A_prev, "A_prev")
    if np.ndim(W) != 4 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must have shape (f, f, n_C_prev, n_C); got {np.shape(W)}")
    if W.shape[2] != A_prev.shape[3]:
        raise ValueError(f"W has {W.shape[2]} input channels (W.shape[2]) but A_prev has {A_prev.shape[3]} "
                         f"(A_prev.shape[3]); W {W.shape}, A_prev {A_prev.shape}")
    if np.shape(b) != (1, 1, 1, W.shape[3]):
        raise ValueError(f"b must have shape (1, 1, 1, n_C) = (1, 1, 1, {W.shape[3]}); got {np.shape(b)}")
    for key in ("stride", "pad"):
        if key not in hparameters:
            raise ValueError(f"hparameters needs a {key!r} entry; got {sorted(hparameters)}")
    stride = _positive_int(hparameters["stride"], "hparameters['stride']", 1)
    pad = _positive_int(hparameters["pad"], "hparameters['pad']", 0)
    f = W.shape[0]
    if f > min(A_prev.shape[1], A_prev.shape[2]) + 2 * pad:
        raise ValueError(f"a {f}x{f} filter does not fit in {A_prev.shape[1]}x{A_prev.shape[2]} images "
                         f"padded by {pad}")
    return stride, pad


def check_pool_arguments(A_prev, hparameters, mode):
    """Raise a ValueError naming what is wrong with the arguments of a pooling layer (given)."""
    check_images(A_prev, "A_prev")
    if mode not in POOL_MODES:
        raise ValueError(f"mode must be 'max' or 'average', got {mode!r}")
    for key in ("f", "stride"):
        if key not in hparameters:
            raise ValueError(f"hparameters needs an {key!r} entry; got {sorted(hparameters)}")
    f = _positive_int(hparameters["f"], "hparameters['f']", 1)
    stride = _positive_int(hparameters["stride"], "hparameters['stride']", 1)
    if f > min(A_prev.shape[1], A_prev.shape[2]):
        raise ValueError(f"a {f}x{f} window does not fit in {A_prev.shape[1]}x{A_prev.shape[2]} images")
    return f, stride


def check_gradient(dZ, expected_shape, name="dZ"):
    """Raise a ValueError unless the gradient ``dZ`` has the shape of the forward pass's output (given)."""
    if np.shape(dZ) != tuple(expected_shape):
        raise ValueError(f"{name} must have the shape of the forward pass's output, {tuple(expected_shape)}; "
                         f"got {np.shape(dZ)}")


# -------------------------------------------------------------------------------- convolution
def zero_pad(X, pad):
    """A border of ``pad`` zeros around the height and width of every image.

    Parameters
    ----------
    X : ndarray of shape (m, n_H, n_W, n_C)
    pad : int >= 0

    Returns
    -------
    X_pad : ndarray of shape (m, n_H + 2 pad, n_W + 2 pad, n_C)
        ``X_pad[:, pad:pad + n_H, pad:pad + n_W, :]`` is ``X``; everything else is 0. The examples
        and the channels are not padded.
    """
    check_images(X, "X")
    pad = _positive_int(pad, "pad", 0)
    ### BEGIN SOLUTION
    ### HINT: np.pad with one (before, after) pair per axis: (0, 0) for the examples and the channels
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
    ### END SOLUTION
    return X_pad


def conv_single_step(a_slice_prev, W, b):
    r"""One filter applied to one slice of the input: :math:`\sum (a \odot W) + b`.

    Parameters
    ----------
    a_slice_prev : ndarray of shape (f, f, n_C_prev)
        One window of the (padded) input.
    W : ndarray of shape (f, f, n_C_prev)
        One filter.
    b : ndarray of shape (1, 1, 1)
        Its bias.

    Returns
    -------
    Z : float
        The sum of the elementwise product, plus the bias.
    """
    ### BEGIN SOLUTION
    ### HINT: the elementwise product, np.sum, plus the bias's one value (b.item())
    s = a_slice_prev * W
    Z = np.sum(s) + np.asarray(b).item()
    ### END SOLUTION
    return float(np.squeeze(Z))


def conv_forward(A_prev, W, b, hparameters):
    """The forward pass of a convolutional layer, with loops.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
    W : ndarray of shape (f, f, n_C_prev, n_C)
    b : ndarray of shape (1, 1, 1, n_C)
    hparameters : dict
        ``{"stride": s, "pad": p}``.

    Returns
    -------
    Z : ndarray of shape (m, n_H, n_W, n_C), float64
        ``n_H = (n_H_prev + 2 p - f) // s + 1``, ``n_W`` likewise.
    cache : tuple
        ``(A_prev, W, b, hparameters)``, for ``conv_backward``.

    Notes
    -----
    Pad ``A_prev`` once (``zero_pad``); then for each example ``i``, output row ``h``, output column
    ``w`` and filter ``c``: the window ``a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]``
    with ``vert_start = h * stride``, ``vert_end = vert_start + f`` (columns likewise) gives
    ``Z[i, h, w, c] = conv_single_step(window, W[:, :, :, c], b[:, :, :, c])``.
    """
    stride, pad = check_conv_arguments(A_prev, W, b, hparameters)
    ### BEGIN SOLUTION
    ### HINT: unpack the shapes of A_prev and W; the output size from the formula above (integer division //);
    ### HINT: Z starts as zeros; four nested loops (example, row, column, filter) fill it with conv_single_step
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):                                   # every example
        a_prev_pad = A_prev_pad[i]                       # (n_H_prev + 2 pad, n_W_prev + 2 pad, n_C_prev)
        for h in range(n_H):                             # every output row
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):                         # every output column
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]  # (f, f, n_C_prev)
                for c in range(n_C):                     # every filter
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
    ### END SOLUTION
    cache = (A_prev, W, b, hparameters)
    return Z, cache


def pool_forward(A_prev, hparameters, mode="max"):
    """The forward pass of a pooling layer, with loops.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C)
    hparameters : dict
        ``{"f": f, "stride": s}``: windows of :math:`f \\times f`, one every ``s`` entries; no padding.
    mode : {"max", "average"}, default "max"

    Returns
    -------
    A : ndarray of shape (m, n_H, n_W, n_C), float64
        ``n_H = (n_H_prev - f) // s + 1``, ``n_W`` likewise. Each channel is pooled on its own:
        ``A[i, h, w, c]`` is the maximum (or the mean) of ``A_prev[i, window, c]``.
    cache : tuple
        ``(A_prev, hparameters)``, for ``pool_backward``.
    """
    f, stride = check_pool_arguments(A_prev, hparameters, mode)
    ### BEGIN SOLUTION
    ### HINT: as conv_forward without padding; the channels are not summed: the window of channel c is
    ### HINT: the f x f window of example i in that channel alone, reduced by np.max or np.mean
    (m, n_H_prev, n_W_prev, n_C) = A_prev.shape
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]  # (f, f)
                    if mode == "max":
                        A[i, h, w, c] = np.max(a_prev_slice)
                    else:
                        A[i, h, w, c] = np.mean(a_prev_slice)
    ### END SOLUTION
    cache = (A_prev, hparameters)
    return A, cache


# ----------------------------------------------------------------------------------- backward
def conv_backward(dZ, cache):
    """The backward pass of a convolutional layer, with loops.

    Parameters
    ----------
    dZ : ndarray of shape (m, n_H, n_W, n_C)
        The gradient with respect to the output ``Z`` of ``conv_forward``.
    cache : tuple
        ``(A_prev, W, b, hparameters)`` from ``conv_forward``.

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
        The gradient with respect to ``A_prev`` (same shape as ``A_prev``).
    dW : ndarray of shape (f, f, n_C_prev, n_C)
        Same shape as ``W``.
    db : ndarray of shape (1, 1, 1, n_C)
        Same shape as ``b``.

    Notes
    -----
    The loops of ``conv_forward`` again; at each ``(i, h, w, c)`` the three ``+=`` of the module's
    equations, with ``da_prev_pad`` the gradient of example ``i``'s padded input. Its border is cut
    off at the end: ``dA_prev[i] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]`` (which is
    right for ``pad = 0`` too, where ``da_prev_pad[pad:-pad]`` would be empty).
    """
    A_prev, W, b, hparameters = cache
    stride, pad = check_conv_arguments(A_prev, W, b, hparameters)
    f = W.shape[0]
    check_gradient(dZ, (A_prev.shape[0], (A_prev.shape[1] + 2 * pad - f) // stride + 1,
                        (A_prev.shape[2] + 2 * pad - f) // stride + 1, W.shape[3]))
    ### BEGIN SOLUTION
    ### HINT: zeros for dA_prev, dW, db (the shapes of A_prev, W, b); pad A_prev and dA_prev; loop as in
    ### HINT: conv_forward and add the three contributions of dZ[i, h, w, c]; then cut the border of example i's
    ### HINT: padded gradient with explicit start and end indices (a negative end fails when pad = 0)
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (m, n_H, n_W, n_C) = dZ.shape
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]                     # a view: += writes into dA_prev_pad
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]  # (f, f, n_C_prev)
                for c in range(n_C):
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    ### END SOLUTION
    return dA_prev, dW, db


def create_mask_from_window(x):
    """Where the maximum of a window is: True at every entry equal to ``max(x)``.

    Parameters
    ----------
    x : ndarray of shape (f, f)

    Returns
    -------
    mask : ndarray of bool, shape (f, f)
        ``x == np.max(x)``. When several entries tie for the maximum, every one of them is True, so
        that each receives the full gradient in ``pool_backward`` (the convention of this course; a
        library that picks one of them, like PyTorch, gives the same gradient wherever there is no tie).
    """
    ### BEGIN SOLUTION
    ### HINT: one comparison with np.max(x)
    mask = x == np.max(x)
    ### END SOLUTION
    return mask


def distribute_value(dz, shape):
    """Spread one gradient evenly over a window: what average pooling sends back.

    Parameters
    ----------
    dz : float
        The gradient of one entry of an average-pooling layer's output.
    shape : tuple of int
        ``(n_H, n_W)``: the window's size.

    Returns
    -------
    a : ndarray of shape ``shape``, float64
        Every entry ``dz / (n_H * n_W)``: the mean gives each of its inputs that share of its gradient.
    """
    ### BEGIN SOLUTION
    ### HINT: an array of ones of that shape, times the share of each entry
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    ### END SOLUTION
    return a


def pool_backward(dA, cache, mode="max"):
    """The backward pass of a pooling layer, with loops.

    Parameters
    ----------
    dA : ndarray of shape (m, n_H, n_W, n_C)
        The gradient with respect to the output ``A`` of ``pool_forward``.
    cache : tuple
        ``(A_prev, hparameters)`` from ``pool_forward``.
    mode : {"max", "average"}, default "max"

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C), float64
        The gradient with respect to ``A_prev``. Entries in no window get 0.

    Notes
    -----
    For each ``(i, h, w, c)``: with ``"max"``, ``dA_prev[i, window, c] += mask * dA[i, h, w, c]``
    with ``mask = create_mask_from_window(A_prev[i, window, c])``; with ``"average"``,
    ``dA_prev[i, window, c] += distribute_value(dA[i, h, w, c], (f, f))``. ``+=``, not ``=``: when
    windows overlap an entry collects the gradient of every window it is in.
    """
    A_prev, hparameters = cache
    f, stride = check_pool_arguments(A_prev, hparameters, mode)
    check_gradient(dA, (A_prev.shape[0], (A_prev.shape[1] - f) // stride + 1, (A_prev.shape[2] - f) // stride + 1,
                        A_prev.shape[3]), "dA")
    ### BEGIN SOLUTION
    ### HINT: dA_prev starts as zeros of A_prev's shape; the loops of pool_forward; for "max" the mask of the
    ### HINT: window of channel c in example i, for "average" distribute_value; add (+=) into dA_prev's window
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]
                    else:
                        da = dA[i, h, w, c]
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))
    ### END SOLUTION
    return dA_prev
