r"""A convolutional network for the digits, ``ConvNet``: your layers of ``conv_fast``, assembled and trained.

What you will build
-------------------
A small LeNet-style network, trained with mini-batches and Adam like week 7's ``DeepClassifier``::

    net = ConvNet(input_shape=(28, 28, 1), conv_layers=((8, 5), (16, 5)), n_classes=10, rng=0)
    net.fit(X_train, y_train, num_epochs=10, X_val=X_test, Y_val=y_test, verbose=True)
    net.score(X_test, y_test)                 # accuracy in [0, 1]
    net.save("digits_cnn.h5")                 # ... later: ConvNet.load("digits_cnn.h5")

Each entry ``(n_filters, f)`` of ``conv_layers`` is one block
:math:`\text{CONV} \to \text{RELU} \to \text{MAXPOOL}`: a "same" convolution (stride 1,
``pad = (f - 1) // 2``, so that an odd ``f`` keeps the image size), ReLU, and 2x2 max pooling with
stride 2 (which halves the height and the width). Then the last block's output is flattened and a
fully connected layer with a softmax gives the class probabilities (week 7):

.. code-block:: text

    X (m, 28, 28, 1) -> CONV 5x5, 8 filters -> RELU -> MAXPOOL 2x2 -> (m, 14, 14, 8)
                     -> CONV 5x5, 16 filters -> RELU -> MAXPOOL 2x2 -> (m, 7, 7, 16)
                     -> flatten (784, m) -> LINEAR (10, 784) -> SOFTMAX -> AL (10, m)

A block computes its ReLU *after* the pooling: :math:`Z = \text{conv}(A_{prev})`,
:math:`P = \text{maxpool}(Z)`, :math:`A = \max(P, 0)`. That is the same function, because the
ReLU never changes which entry of a window is the largest, :math:`\max_j \text{relu}(z_j) =
\text{relu}(\max_j z_j)`, and the same gradient (a window whose maximum is positive sends its
gradient to the same entries either way; one whose maximum is not sends nothing either way), with a
ReLU on four times fewer numbers.

You write the forward pass (``forward``), the cost, the backward pass (``backward``), the training
step inside ``fit``, the predictions and ``save``/``load``. Given: the constructor and the
parameters' initialization, the softmax and the cost of week 7, Adam (week 6, in place), the
mini-batches, the progress bar and the checks of the inputs.

Notation
--------
- ``X`` of shape (m, n_H, n_W, n_C): images, channels-last (scaled to [0, 1] by the caller);
  ``Y``: integer labels ``0..n_classes-1`` of shape (m,) (``forward``, ``cost`` and ``backward``
  also take one-hot targets of shape (n_classes, m), what ``fit`` passes them).
- ``parameters``, for the ``L - 1 = len(conv_layers)`` convolutional layers ``l = 1..L-1``:
  ``"W{l}"`` (f, f, n_C_prev, n_C) and ``"b{l}"`` (1, 1, 1, n_C); for the output layer ``L``:
  ``"W{L}"`` (n_classes, n_flat) and ``"b{L}"`` (n_classes, 1), where ``n_flat = n_H * n_W * n_C``
  of the last block's output. ``grads``: ``"dW{l}"``, ``"db{l}"``, each the shape of its parameter.
- ``caches``, a list of ``L`` entries: for a convolutional layer ``(conv_cache, pool_cache, P)`` with
  ``conv_cache`` from ``conv_forward_fast`` (``(A_prev, W, b, hparameters)``, plus ``cols`` when
  training), ``pool_cache = (Z, {"f": 2, "stride": 2})`` from ``pool_forward_fast`` (``Z`` the
  convolution's output (m, n_H, n_W, n_C)) and ``P`` the pooled ``Z`` (m, n_H // 2, n_W // 2, n_C),
  before the ReLU; for the output layer week 7's ``((A_prev, W, b), Z)``, with ``A_prev`` the flattened
  input (n_flat, m), one example per column, and ``Z`` (n_classes, m).
- The flattening: ``A.reshape(m, -1).T``, so ``A_prev[(h * n_W + w) * n_C + c, i] = A[i, h, w, c]``.

The gradients
-------------
As in week 7, :math:`dZ^{[L]} = (A^{[L]} - Y) / m` is the gradient of the mean cost, so nothing
below divides by ``m`` again; :math:`dW^{[L]} = dZ^{[L]} A_{prev}^T`, :math:`db^{[L]} = \sum_i dZ^{[L]}`,
and :math:`W^{[L]T} dZ^{[L]}` (n_flat, m), transposed and reshaped to the last block's
(m, n_H, n_W, n_C), is the gradient ``dA`` of that block's output. Through each block, from the last:
the ReLU, :math:`dP = dA * 1\{P > 0\}`; the pooling, ``dZ = pool_backward_fast(dP, pool_cache, "max",
A=P)``; the convolution, ``conv_backward_fast(dZ, conv_cache)``, whose ``dA_prev`` is the previous
block's ``dA``. The first layer skips ``dA_prev`` (``compute_dA_prev=False``): nobody needs the
gradient with respect to the images.

Speed (the lesson does not depend on it)
----------------------------------------
``conv_fast`` does the work: one matrix product per convolution and per gradient, with the examples
last in memory (``conv_fast``'s notes). During training ``forward`` keeps im2col's columns in the
caches (``keep_columns=True``), so that ``backward`` does not build them again, and ``backward``
hands the pooled maxima ``P`` to ``pool_backward_fast`` so that it need not find them again. A
mini-batch of more than ``CHUNK`` (32) images goes through ``forward`` and ``backward`` in chunks of
at most ``CHUNK`` (``gradients``, given), whose gradients add up, weighted by their sizes, to the
mini-batch's: the same update, but the work arrays stay small (im2col's columns of 32 digits take
5 MB in float32, those of 256 digits 40 MB), which keeps them in the processor's cache and spares
the C library from handing big blocks of memory back to the system and the program from taking them
again (page faults), which cost as much as the arithmetic. Predictions run in chunks too. ``fit``
copies the training set once and gathers each mini-batch into a buffer allocated once; Adam updates
the model's own arrays in place; ``dtype="float32"`` halves the memory traffic.

Check your work with ``python -m grader week8``.
"""

import json
import math
import numbers
import sys
import time
from pathlib import Path

import numpy as np

from .conv_fast import conv_backward_fast, conv_forward_fast, pool_backward_fast, pool_forward_fast

EPS = 1e-12  # probabilities are clipped to at least EPS inside the logarithm of the cost
POOL = {"f": 2, "stride": 2}  # every block's max pooling
CHUNK = 32  # images per forward pass: fit and predict_proba split bigger batches into chunks of this size
FORMAT = "dl-course ConvNet"  # the "format" attribute of a saved model's HDF5 file
FORMAT_VERSION = 1
HYPER_PARAMETERS = ("input_shape", "conv_layers", "n_classes", "learning_rate", "mini_batch_size", "dtype")


# ------------------------------------------------------------------------- given: week 7's output
def one_hot(y, C, dtype=np.float64):
    """One-hot columns (C, m) from integer labels (m,) (week 7, given)."""
    y = np.asarray(y).reshape(-1)
    Y = np.zeros((C, y.shape[0]), dtype=dtype)
    Y[y, np.arange(y.shape[0])] = 1
    return Y


def softmax(Z):
    """Column-wise softmax of ``Z`` (C, m), numerically stable (week 7, given)."""
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    E /= np.sum(E, axis=0, keepdims=True)
    return E


def compute_cost_softmax(AL, Y):
    """The mean categorical cross-entropy of probabilities ``AL`` (C, m) for one-hot ``Y`` (C, m), a float
    (week 7, given)."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(np.maximum(AL, EPS))) / m)


# ---------------------------------------------------------------------- given: weeks 6-7's training
def mini_batch_indices(m, mini_batch_size=64, rng=None):
    """One ``rng.permutation(m)`` cut into mini-batches of indices: full ones, then the rest (week 6, given)."""
    rng = np.random.default_rng(rng)
    permutation = rng.permutation(m)
    return [permutation[k:k + mini_batch_size] for k in range(0, m, mini_batch_size)]


def initialize_adam(parameters):
    """Adam's state (week 6, given): ``{"v": ..., "s": ...}``, each a dict of zeros with the keys
    ``"dW{l}"``, ``"db{l}"`` shaped like the parameters."""
    return {"v": {"d" + key: np.zeros_like(value) for key, value in parameters.items()},
            "s": {"d" + key: np.zeros_like(value) for key, value in parameters.items()}}


def adam_step(parameters, grads, state, t, learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-8):
    r"""One Adam update, **in place** on ``parameters`` and ``state`` (week 6, as in week 7's trainer; given).

    :math:`v = \beta_1 v + (1 - \beta_1) g`, :math:`s = \beta_2 s + (1 - \beta_2) g^2`,
    :math:`\theta \leftarrow \theta - \alpha \hat v / (\sqrt{\hat s} + \varepsilon)` with
    :math:`\hat v = v / (1 - \beta_1^t)`, :math:`\hat s = s / (1 - \beta_2^t)`; ``t`` counts the updates
    from 1. Returns None.
    """
    for key, theta in parameters.items():
        g = grads["d" + key]
        v, s = state["v"]["d" + key], state["s"]["d" + key]
        v *= beta1
        v += (1 - beta1) * g
        s *= beta2
        s += (1 - beta2) * (g * g)
        step = np.sqrt(s)
        step /= math.sqrt(1 - beta2 ** t)
        step += epsilon                                  # sqrt(s_hat) + epsilon
        np.divide(v, step, out=step)
        step *= learning_rate / (1 - beta1 ** t)         # learning_rate * v_hat / (sqrt(s_hat) + epsilon)
        theta -= step


class ProgressBar:
    """``epoch 3/20 [########......] 40/63 cost 0.4312`` on stderr, redrawn at most 10 times a second (given)."""

    def __init__(self, num_epochs, num_batches, stream=None, width=24):
        self.num_epochs, self.num_batches, self.width = num_epochs, num_batches, width
        self.stream = stream if stream is not None else sys.stderr
        self.last_draw = 0.0

    def update(self, epoch, batch, cost, extra=""):
        """Redraw the bar after ``batch`` of ``num_batches`` mini-batches of ``epoch`` (0-based)."""
        now = time.monotonic()
        if now - self.last_draw < 0.1 and batch < self.num_batches:
            return
        self.last_draw = now
        filled = self.width * batch // self.num_batches
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\repoch {epoch + 1}/{self.num_epochs} [{bar}] {batch}/{self.num_batches} "
                          f"cost {cost:.4f}{extra}")
        if batch == self.num_batches:
            self.stream.write("\n")
        self.stream.flush()


def _integer(value, name, minimum=1):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


class ConvNet:
    r"""``[CONV -> RELU -> MAXPOOL] * (L - 1) -> LINEAR -> SOFTMAX``, trained by mini-batch Adam.

    Parameters
    ----------
    input_shape : tuple of 3 int, default (28, 28, 1)
        ``(n_H, n_W, n_C)`` of one image.
    conv_layers : sequence of (n_filters, f), default ((8, 5), (16, 5))
        One convolutional block per entry: ``n_filters`` filters of ``f x f`` (``f`` odd keeps the size).
    n_classes : int >= 2, default 10
    learning_rate : float, default 0.001
        Adam's (betas 0.9 and 0.999, epsilon 1e-8).
    mini_batch_size : int, default 64
    rng : None, int or numpy.random.Generator
        One generator draws the initial weights, then every epoch's shuffle.
    dtype : "float64" or "float32" (or the numpy type), default float64
        The type of the parameters and of every computation.

    Attributes
    ----------
    parameters : dict
        ``"W{l}"``, ``"b{l}"`` as in the module's notation, of ``dtype``.
    layer_shapes : list of tuple
        ``(n_H, n_W, n_C)`` of the input, then of each block's output (after its pooling);
        ``n_flat`` is the product of the last one.
    history_ : dict of lists, after ``fit``
        One value per epoch: ``"cost"``, ``"train_accuracy"`` and, with validation data, ``"val_accuracy"``.
    t_ : int
        The number of Adam updates so far.
    """

    def __init__(self, input_shape=(28, 28, 1), conv_layers=((8, 5), (16, 5)), n_classes=10, learning_rate=0.001,
                 mini_batch_size=64, rng=None, dtype=np.float64):
        if len(tuple(input_shape)) != 3:
            raise ValueError(f"input_shape must be (n_H, n_W, n_C), got {input_shape!r}")
        self.input_shape = tuple(_integer(n, "input_shape entries") for n in input_shape)
        try:
            pairs = [tuple(layer) for layer in conv_layers]
        except TypeError:
            pairs = None
        if pairs is None or any(len(pair) != 2 for pair in pairs):
            raise ValueError(f"conv_layers must be a sequence of (n_filters, f) pairs, got {conv_layers!r}")
        self.conv_layers = tuple((_integer(n, "a layer's n_filters"), _integer(f, "a layer's f")) for n, f in pairs)
        self.n_classes = _integer(n_classes, "n_classes", 2)
        self.learning_rate = float(learning_rate)
        if not self.learning_rate > 0:
            raise ValueError(f"learning_rate must be > 0, got {learning_rate!r}")
        self.mini_batch_size = _integer(mini_batch_size, "mini_batch_size")
        self.dtype = np.dtype(dtype).name                # "float64" or "float32"
        if self.dtype not in ("float64", "float32"):
            raise ValueError(f"dtype must be float64 or float32, got {dtype!r}")
        self.layer_shapes = [self.input_shape]
        for l, (n_filters, f) in enumerate(self.conv_layers, start=1):
            n_H, n_W, _ = self.layer_shapes[-1]
            pad = (f - 1) // 2
            n_H, n_W = n_H + 2 * pad - f + 1, n_W + 2 * pad - f + 1     # the "same" convolution
            if min(n_H, n_W) < POOL["f"]:
                raise ValueError(f"input_shape {self.input_shape} is too small for conv_layers {self.conv_layers}: "
                                 f"layer {l}'s convolution gives {max(n_H, 0)}x{max(n_W, 0)} images, smaller than "
                                 f"the 2x2 pooling window")
            self.layer_shapes.append(((n_H - POOL["f"]) // POOL["stride"] + 1,
                                      (n_W - POOL["f"]) // POOL["stride"] + 1, n_filters))
        self.n_flat = int(np.prod(self.layer_shapes[-1]))
        self.rng = np.random.default_rng(rng)
        self.parameters = self.initialize_parameters()
        self.adam_ = initialize_adam(self.parameters)
        self.t_ = 0
        self.history_ = {}

    # ------------------------------------------------------------------------------- given helpers
    def initialize_parameters(self):
        r"""He initialization (given): :math:`W \sim \mathcal{N}(0, 2 / n_{in})` with ``n_in = f * f * n_C_prev``
        for a convolution and ``n_flat`` for the output layer, drawn in the order ``W1, W2, ...`` from
        ``self.rng``; zero biases."""
        parameters = {}
        n_C_prev = self.input_shape[2]
        for l, (n_C, f) in enumerate(self.conv_layers, start=1):
            W = self.rng.standard_normal((f, f, n_C_prev, n_C)) * math.sqrt(2.0 / (f * f * n_C_prev))
            parameters[f"W{l}"] = W.astype(self.dtype)
            parameters[f"b{l}"] = np.zeros((1, 1, 1, n_C), dtype=self.dtype)
            n_C_prev = n_C
        L = len(self.conv_layers) + 1
        W = self.rng.standard_normal((self.n_classes, self.n_flat)) * math.sqrt(2.0 / self.n_flat)
        parameters[f"W{L}"] = W.astype(self.dtype)
        parameters[f"b{L}"] = np.zeros((self.n_classes, 1), dtype=self.dtype)
        return parameters

    def conv_hparameters(self, l):
        """``{"stride": 1, "pad": (f - 1) // 2}`` of convolutional layer ``l`` (1-based; given)."""
        return {"stride": 1, "pad": (self.conv_layers[l - 1][1] - 1) // 2}

    def get_params(self):
        """The hyper-parameters ``HYPER_PARAMETERS`` as plain values (what ``save`` writes), a dict (given)."""
        values = {"input_shape": list(self.input_shape), "conv_layers": [list(layer) for layer in self.conv_layers]}
        return {name: values.get(name, getattr(self, name)) for name in HYPER_PARAMETERS}

    def check_images(self, X, name="X"):
        """``X`` as an array of the model's dtype, or a ValueError saying why it is not (m, n_H, n_W, n_C)
        images of ``input_shape`` (given)."""
        X = np.asarray(X)
        expected = "(m, " + ", ".join(map(str, self.input_shape)) + ")"
        if X.ndim != 4 or X.shape[1:] != self.input_shape or X.shape[0] == 0:
            hint = ""
            if X.ndim == 3 and X.shape[1:] == self.input_shape[:2] and self.input_shape[2] == 1:
                hint = " (add the channel axis: X[..., np.newaxis])"
            elif X.ndim == 2:
                hint = " (flattened columns? this network takes images: reshape them back)"
            raise ValueError(f"{name} must be images of shape {expected} for this network; got shape {X.shape}{hint}")
        if not (np.issubdtype(X.dtype, np.number) or X.dtype == bool):
            raise ValueError(f"{name} must hold numbers, got dtype {X.dtype}")
        return np.asarray(X, dtype=self.dtype)

    def check_labels(self, Y, m, name="Y"):
        """``Y`` as integer labels (m,) in ``0..n_classes-1``, or a ValueError saying what is wrong (given).
        Labels of shape (1, m) or (m, 1) are accepted, and floats with integer values."""
        y = np.asarray(Y)
        if y.ndim == 2 and 1 in y.shape:
            y = y.reshape(-1)
        if y.ndim != 1 or y.shape[0] != m:
            raise ValueError(f"{name} must hold one integer label per image, shape ({m},); got shape {y.shape}")
        if not np.issubdtype(y.dtype, np.integer):
            if not np.issubdtype(y.dtype, np.floating):
                raise ValueError(f"{name} must hold integer class labels 0..{self.n_classes - 1}; got dtype {y.dtype}")
            fractional = np.flatnonzero(~np.isfinite(y) | (y != np.round(y)))
            if fractional.size:
                raise ValueError(f"{name} must hold integer class labels 0..{self.n_classes - 1}; got "
                                 f"{y[fractional[0]]} at index {fractional[0]}")
            y = y.astype(np.int64)
        outside = np.flatnonzero((y < 0) | (y >= self.n_classes))
        if outside.size:
            raise ValueError(f"{name} holds labels outside the classes 0..{self.n_classes - 1}: {y[outside[0]]} at "
                             f"index {outside[0]} ({outside.size} of {m} labels)")
        return y.astype(np.int64, copy=False)

    def targets(self, Y, m):
        """One-hot targets (n_classes, m) of the model's dtype, from labels (m,) or already one-hot (given)."""
        Y = np.asarray(Y)
        if Y.ndim == 2 and Y.shape == (self.n_classes, m):
            return Y.astype(self.dtype, copy=False)
        return one_hot(self.check_labels(Y, m), self.n_classes, self.dtype)

    def gradients(self, X, T):
        r"""One mini-batch's cost, number of right answers and gradients, in chunks of at most ``CHUNK`` images (given).

        Parameters
        ----------
        X : ndarray of shape (m, n_H, n_W, n_C)
        T : ndarray of shape (n_classes, m)
            One-hot targets.

        Returns
        -------
        cost : float
            :meth:`cost` of the whole mini-batch.
        correct : int
            How many columns of ``AL`` have their largest entry where ``T`` has its 1.
        grads : dict
            The gradients of ``cost`` (:meth:`backward`'s keys and shapes).

        Notes
        -----
        The cost is a mean over the examples, so with chunks of ``m_k`` examples it is
        :math:`\sum_k (m_k / m)\, J_k`, and so are its gradients: :meth:`forward` (``training=True``),
        :meth:`cost` and :meth:`backward` run once per chunk, and their results are added with the
        weights :math:`m_k / m`. One chunk (``m <= CHUNK``) is exactly one forward and one backward pass.
        """
        m = X.shape[0]
        cost, correct, grads = 0.0, 0, {}
        for start in range(0, m, CHUNK):
            Xc, Tc = X[start:start + CHUNK], T[:, start:start + CHUNK]
            weight = Xc.shape[0] / m
            AL, caches = self.forward(Xc, training=True)
            cost += weight * self.cost(AL, Tc)
            correct += int(np.count_nonzero(np.argmax(AL, axis=0) == np.argmax(Tc, axis=0)))
            for key, g in self.backward(AL, Tc, caches).items():
                g = g if weight == 1 else weight * g     # new arrays: backward's may be anyone's
                if key in grads:
                    grads[key] += g
                else:
                    grads[key] = g
        return cost, correct, grads

    # -------------------------------------------------------------------------------- the network
    def forward(self, X, parameters=None, training=False):
        """The forward pass: ``[CONV -> RELU -> MAXPOOL] * (L - 1) -> LINEAR -> SOFTMAX``.

        Parameters
        ----------
        X : ndarray of shape (m, n_H, n_W, n_C)
            Images of ``input_shape``, of the model's dtype.
        parameters : dict, optional
            Default ``self.parameters`` (another dict lets a gradient check move one weight without
            touching the model).
        training : bool, default False
            Keep im2col's columns in the caches for ``backward`` (``keep_columns``): faster, more memory.

        Returns
        -------
        AL : ndarray of shape (n_classes, m)
            The class probabilities, each column summing to 1.
        caches : list of L entries
            ``(conv_cache, pool_cache, P)`` per convolutional layer, ``((A_prev, W, b), Z)`` for the
            output layer (the module's notation).

        Notes
        -----
        Layer ``l`` of ``L - 1``: ``conv_forward_fast`` with ``self.conv_hparameters(l)``,
        ``pool_forward_fast`` with ``POOL`` in max mode, then the ReLU ``np.maximum(P, 0)``. Then
        ``A_prev = A.reshape(m, -1).T`` (the flattened block output, one example per column),
        ``Z = W A_prev + b`` and ``softmax``.
        """
        parameters = self.parameters if parameters is None else parameters
        L = len(self.conv_layers) + 1
        caches = []
        A = X
        # YOUR CODE HERE
        # Hint: for each convolutional layer: conv_forward_fast (keep_columns=training), max pooling, the ReLU;
        # Hint: append (conv_cache, pool_cache, P); then flatten each example into a column, the linear step
        # Hint: and the softmax, with the output layer's cache ((A_prev, W, b), Z) last
        raise NotImplementedError()
        return AL, caches

    def cost(self, AL, Y):
        """The mean categorical cross-entropy of ``AL`` (n_classes, m) for ``Y``, a float.

        ``Y``: integer labels (m,) or one-hot targets (n_classes, m) (``self.targets`` makes the latter).
        """
        # YOUR CODE HERE
        # Hint: the one-hot targets, then week 7's compute_cost_softmax (given)
        raise NotImplementedError()
        return float(np.squeeze(cost))

    def backward(self, AL, Y, caches):
        """The gradients of :meth:`cost` with respect to every parameter.

        Parameters
        ----------
        AL : ndarray of shape (n_classes, m)
            From :meth:`forward`.
        Y : integer labels (m,) or one-hot targets (n_classes, m)
        caches : list from :meth:`forward`

        Returns
        -------
        grads : dict
            ``"dW{l}"`` and ``"db{l}"`` for ``l = 1..L``, each the shape of its parameter.

        Notes
        -----
        The module's "The gradients": the output layer's three products, the reshape of
        :math:`W^{[L]T} dZ^{[L]}` to ``(m, *self.layer_shapes[-1])``, then for ``l = L-1 .. 1``: the ReLU,
        ``pool_backward_fast`` (with ``A=P``), ``conv_backward_fast`` (``compute_dA_prev=False`` for ``l = 1``).
        """
        m = AL.shape[1]
        T = self.targets(Y, m)
        L = len(caches)
        grads = {}
        # YOUR CODE HERE
        # Hint: dZ of the output layer divided by m once; dW, db (keepdims) and the gradient of its input, whose
        # Hint: columns reshape to the last block's images; then the blocks from the last down, each backward
        # Hint: through its ReLU (P > 0), its pooling and its convolution
        raise NotImplementedError()
        return grads

    # ----------------------------------------------------------------------------------- training
    def fit(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
        """Train for ``num_epochs`` passes over the data, continuing from the current parameters.

        Parameters
        ----------
        X : ndarray of shape (m, n_H, n_W, n_C)
        Y : integer labels of shape (m,)
        num_epochs : int, default 10
        X_val, Y_val : optional validation images and labels
        verbose : bool, default False
            A progress bar with the running cost on stderr.

        Returns
        -------
        self : ConvNet
            Sets ``history_``: per epoch ``"cost"`` (the mean over the epoch's examples of the cost of
            their mini-batch, taken before the batch's update), ``"train_accuracy"`` (the fraction of
            the epoch's examples that their mini-batch's forward pass classified right) and, with
            validation data, ``"val_accuracy"`` (``score(X_val, Y_val)`` after the epoch).

        Raises
        ------
        ValueError
            Images not of ``input_shape``, labels not one integer per image in ``0..n_classes-1``
            (checked before any training).

        Notes
        -----
        For each epoch one shuffle (``mini_batch_indices(m, mini_batch_size, self.rng)``), then for
        each mini-batch: its cost, right answers and gradients (``self.gradients``, given: your
        ``forward`` with ``training=True``, ``cost`` and ``backward``), ``self.t_ += 1`` and
        ``adam_step(self.parameters, grads, self.adam_, self.t_, self.learning_rate)`` (given, in place).
        """
        X = np.ascontiguousarray(self.check_images(X, "X"))
        m = X.shape[0]
        T_rows = np.ascontiguousarray(one_hot(self.check_labels(Y, m, "Y"), self.n_classes, self.dtype).T)  # (m, C)
        if (X_val is None) != (Y_val is None):
            raise ValueError("give both X_val and Y_val, or neither")
        if X_val is not None:
            self.check_labels(Y_val, len(self.check_images(X_val, "X_val")), "Y_val")
        num_epochs = _integer(num_epochs, "num_epochs", 0)
        batch_size = min(self.mini_batch_size, m)
        X_buffer = np.empty((batch_size, *self.input_shape), dtype=self.dtype)  # reused by every mini-batch
        T_buffer = np.empty((batch_size, self.n_classes), dtype=self.dtype)
        bar = ProgressBar(num_epochs, math.ceil(m / batch_size)) if verbose else None
        self.history_ = {"cost": [], "train_accuracy": []}
        if X_val is not None:
            self.history_["val_accuracy"] = []
        for epoch in range(num_epochs):
            cost_total, correct = 0.0, 0
            for k, batch in enumerate(mini_batch_indices(m, batch_size, self.rng), start=1):
                n = len(batch)
                Xb = np.take(X, batch, axis=0, out=X_buffer[:n])          # (n, n_H, n_W, n_C)
                Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T   # (n_classes, n), a view
                # YOUR CODE HERE
                # Hint: the steps of the notes; cost_total adds the batch's cost times its n examples, correct its
                # Hint: number of right answers; count the update in self.t_ before adam_step
                raise NotImplementedError()
                if bar is not None:
                    bar.update(epoch, k, cost_total / min(k * batch_size, m))
            self.history_["cost"].append(cost_total / m)
            self.history_["train_accuracy"].append(correct / m)
            if X_val is not None:
                self.history_["val_accuracy"].append(self.score(X_val, Y_val))
        return self

    # -------------------------------------------------------------------------------- predictions
    def predict_proba(self, X):
        """Class probabilities ``AL`` of shape (n_classes, m) for images ``X`` (m, n_H, n_W, n_C).

        Raises a ValueError for images not of ``input_shape``. The forward pass runs over chunks of
        ``CHUNK`` images (im2col's columns of a thousand digits would take 300 MB in float64).
        """
        X = self.check_images(X, "X")
        # YOUR CODE HERE
        # Hint: self.forward on consecutive blocks of at most CHUNK images; join their AL side by side
        # Hint: (np.concatenate along axis 1)
        raise NotImplementedError()
        return AL

    def predict(self, X):
        """Predicted classes for images ``X`` (m, n_H, n_W, n_C): int64 of shape (m,), the most probable class."""
        # YOUR CODE HERE
        raise NotImplementedError()
        return predictions

    def score(self, X, Y):
        """The accuracy in [0, 1] (a float) on images ``X`` and integer labels ``Y`` (m,)."""
        # YOUR CODE HERE
        # Hint: the fraction of predictions equal to the labels (self.check_labels checks and converts Y)
        raise NotImplementedError()
        return float(np.squeeze(accuracy))

    # ------------------------------------------------------------------------------ saving, loading
    def save(self, path):
        """Write the model to the HDF5 file ``path`` (replaced if it exists).

        The file holds the attributes ``format`` (``FORMAT``), ``format_version`` and
        ``hyper_parameters`` (``get_params()`` as JSON), and one dataset ``parameters/W1``,
        ``parameters/b1``, ... per parameter. (Adam's state is not saved: a loaded model predicts,
        and training it again starts a fresh Adam.)
        """
        import h5py

        # YOUR CODE HERE
        # Hint: as week 7's DeepClassifier.save: open the file for writing with h5py, set the attributes, one dataset per parameter
        raise NotImplementedError()

    @classmethod
    def load(cls, path):
        """A model read from a file written by :meth:`save`.

        Raises
        ------
        FileNotFoundError
            When ``path`` does not exist.
        ValueError
            When ``path`` is not a ConvNet saved by :meth:`save`: not HDF5, no ``format`` attribute
            equal to ``FORMAT`` (a saved week 7 ``DeepClassifier``, for instance), or parameters whose
            shapes do not match its hyper-parameters; one sentence says which.
        """
        import h5py

        if not Path(path).is_file():
            raise FileNotFoundError(f"no such file: {path}")
        # YOUR CODE HERE
        # Hint: as week 7's DeepClassifier.load (an OSError from h5py.File means: not HDF5); then check that every
        # Hint: parameter of the new model is in the file with its shape
        raise NotImplementedError()
        return model
