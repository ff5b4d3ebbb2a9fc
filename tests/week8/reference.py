"""What week 8's suites compute themselves, in NumPy, to check a submission against: convolution and
pooling forwards and backwards without any Python loop over examples or positions, the inputs the
tests draw, and their settings. Shared by ``test_convolution.py`` and ``test_conv_fast.py`` (not a
test module: the grader runs ``test_*.py`` files only)."""
import numpy as np

from grader import sandbox

SEEDS = [0, 1]
MODES = ["max", "average"]
GRADS = ("dA_prev", "dW", "db")  # conv_backward(_fast) -> (dA_prev, dW, db)

# (A_prev shape, f, n_C, stride, pad): rectangular images, several channels, every stride and pad
CONV_SHAPES = [((2, 5, 4, 3), 3, 2, 1, 0), ((1, 6, 4, 2), 3, 3, 2, 1), ((2, 7, 5, 1), 2, 2, 3, 2),
               ((3, 4, 6, 2), 1, 4, 1, 1), ((1, 3, 5, 3), 3, 1, 2, 2)]
# (A_prev shape, f, stride): windows that overlap (stride < f), tile, and leave entries out
POOL_SHAPES = [((2, 4, 6, 3), 2, 2), ((1, 5, 4, 2), 3, 1), ((2, 7, 5, 1), 3, 2), ((1, 6, 7, 2), 2, 3)]
# (stride, pad, f, n_C_prev, n_C) of the gradient checks: pad 0 with stride 1, pad 1 with stride 2 (windows that
# overlap both times); two examples of 3 x 4 or 4 x 3 (drawn), to keep the numerical gradients cheap
GRADIENT_SETTINGS = [(1, 0, 2, 2, 2), (2, 1, 3, 1, 2)]
# (f, stride, n_C) of the pooling gradient checks: windows that tile, and windows that overlap
POOL_GRADIENT_SETTINGS = [(2, 2, 1), (3, 1, 1)]


def out_size(n, f, stride, pad=0):
    return (n + 2 * pad - f) // stride + 1


def windows(n_out, stride, offset):
    """The entries at ``offset`` of ``n_out`` windows that start every ``stride`` entries."""
    return slice(offset, offset + stride * (n_out - 1) + 1, stride)


def conv_direct(A_prev, W, b, stride, pad):
    """The suites' convolution (a cross-correlation): one matrix product per filter offset."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H, n_W = out_size(n_H_prev, f, stride, pad), out_size(n_W_prev, f, stride, pad)
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.zeros((m, n_H, n_W, n_C)) + b.reshape(n_C)
    for a, d in np.ndindex(f, f):  # every offset of a window
        Z += np.einsum("ihwk,kc->ihwc", A_pad[:, windows(n_H, stride, a), windows(n_W, stride, d), :], W[a, d])
    return Z


def conv_backward_direct(dZ, A_prev, W, stride, pad):
    """The suites' convolution gradients ``(dA_prev, dW, db)``, one filter offset at a time."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_H, n_W = W.shape[0], dZ.shape[1], dZ.shape[2]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad, dW = np.zeros(A_pad.shape), np.zeros(W.shape)
    for a, d in np.ndindex(f, f):  # every offset of a window
        where = (slice(None), windows(n_H, stride, a), windows(n_W, stride, d), slice(None))
        dW[a, d] = np.einsum("ihwk,ihwc->kc", A_pad[where], dZ)
        dA_pad[where] += np.einsum("ihwc,kc->ihwk", dZ, W[a, d])
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, -1)
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :], dW, db


def pool_direct(A_prev, f, stride, mode):
    """The suites' pooling: the maximum or the mean over the window offsets."""
    n_H, n_W = out_size(A_prev.shape[1], f, stride), out_size(A_prev.shape[2], f, stride)
    A = None
    for a, d in np.ndindex(f, f):  # every offset of a window
        window = A_prev[:, windows(n_H, stride, a), windows(n_W, stride, d), :]
        A = window.copy() if A is None else np.maximum(A, window) if mode == "max" else A + window
    return A if mode == "max" else A / (f * f)


def pool_backward_direct(dA, A_prev, f, stride, mode):
    """The suites' pooling gradient: every entry equal to its window's maximum gets the window's dA
    (all of them when there are ties), or dA / f**2 each for the mean."""
    n_H, n_W = dA.shape[1], dA.shape[2]
    A = pool_direct(A_prev, f, stride, "max")
    dA_prev = np.zeros(A_prev.shape)
    for a, d in np.ndindex(f, f):  # every offset of a window
        where = (slice(None), windows(n_H, stride, a), windows(n_W, stride, d), slice(None))
        dA_prev[where] += (A_prev[where] == A) * dA if mode == "max" else dA / (f * f)
    return dA_prev


def conv_problem(rng, shape, f, n_C):
    """``A_prev, W, b`` of the given sizes."""
    return (rng.standard_normal(shape), rng.standard_normal((f, f, shape[3], n_C)),
            rng.standard_normal((1, 1, 1, n_C)))


def distinct_values(rng, shape):
    """Entries in random order, any two at least 0.05 apart: no tie, and no step of a central
    difference changes which entry is a window's maximum."""
    n = int(np.prod(shape))
    return ((rng.permutation(n) - n / 2) * 0.1 + rng.uniform(-0.02, 0.02, n)).reshape(shape)


def integer_image(rng, shape, high=3):
    """Small integers as floats: windows full of ties."""
    return rng.integers(0, high, shape).astype(np.float64)


def hp_conv(stride, pad):
    return {"stride": stride, "pad": pad}


def hp_pool(f, stride):
    return {"f": f, "stride": stride}


def random_conv_setting(rng):
    """Sizes drawn at grading time: a rectangular image, a stride of 1 to 3, a pad of 0 to 2."""
    while True:
        m, n_H, n_W = int(rng.integers(1, 4)), int(rng.integers(3, 8)), int(rng.integers(3, 8))
        f, stride, pad = int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(0, 3))
        if n_H != n_W and f <= min(n_H, n_W) + 2 * pad:
            return (m, n_H, n_W, int(rng.integers(1, 4))), f, int(rng.integers(1, 4)), stride, pad


def random_pool_setting(rng):
    while True:
        n_H, n_W = int(rng.integers(3, 8)), int(rng.integers(3, 8))
        f, stride = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        if n_H != n_W and f <= min(n_H, n_W):
            return (int(rng.integers(1, 4)), n_H, n_W, int(rng.integers(1, 4))), f, stride


def gradient_shape(rng, n_C):
    """Two small rectangular images, 3 x 4 or 4 x 3 (drawn at grading time): a numerical gradient makes
    two forward passes per entry, each with loops over every output entry (in the loop versions)."""
    n_H, n_W = rng.permutation([3, 4])
    return (2, int(n_H), int(n_W), n_C)


def forward_output(function, *args, name, **kwargs):
    """``function(*args, **kwargs)[0]`` made in the worker, its cache left there (one request)."""
    return sandbox.deferred(function, *args, **kwargs).item(0, of=2, name=name).value()
