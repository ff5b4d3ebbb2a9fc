r"""A complete trainer: everything of weeks 4-6 in one model, ``DeepClassifier``.

What you will build
-------------------
One class that trains a deep network the way you would in practice::

    clf = DeepClassifier([784, 128, 64, 10], output="softmax", keep_prob=0.9, rng=0)
    clf.fit(X_train, y_train, num_epochs=20, X_val=X_test, Y_val=y_test, verbose=True)
    clf.score(X_test, y_test)                 # accuracy in [0, 1]
    clf.save("digits.h5")                     # ... later: DeepClassifier.load("digits.h5")

- **output**: ``"sigmoid"`` (one unit, labels 0/1, week 4) or ``"softmax"`` (C units, labels
  ``0..C-1``, this week's ``multiclass``);
- **regularization**: L2 (``lambd``, week 5): :math:`J + \frac{\lambda}{2m}\sum_l \|W^{[l]}\|_F^2`,
  and/or inverted dropout on the hidden layers (``keep_prob``, week 5);
- **optimization**: mini-batches (week 6), ``"gd"``, ``"momentum"`` or ``"adam"``, and
  learning-rate decay (``lr_decay="inverse"`` or ``"scheduled"``, week 6);
- a **history** per epoch (cost, training accuracy, validation accuracy) for the learning curves,
  a progress bar, and **saving** to HDF5.

You write the forward pass with dropout (``forward``), the regularized cost (``cost``), the
backward pass (``backward``), the training loop (``fit``), the predictions and ``save``/``load``.
The constructor, the layers and the optimizers are given (``layers``).

Notation
--------
- ``X`` of shape (n_x, m), one example per column.
- Labels: for ``"softmax"``, integer labels of shape (m,) or (1, m), or one-hot ``Y`` of shape
  (C, m); for ``"sigmoid"``, 0/1 labels of shape (1, m). ``forward``, ``cost`` and ``backward``
  take the *targets* ``T``: one-hot (C, m), or (1, m) floats for ``"sigmoid"``
  (``targets(Y)`` converts).
- Layer caches: ``((A_prev, W, b), Z, D)``: week 4's cache plus ``D``, the dropout mask of shape
  (n_l, m) applied to this layer's output :math:`A^{[l]}`, or ``None`` (no dropout: the output
  layer, or ``keep_prob == 1``, or not training).

Speed (the lesson does not depend on it)
----------------------------------------
``fit`` copies the training set once into one example per *row* (C order), so that a mini-batch
is a block of contiguous rows, gathered into a buffer allocated once; ``Xb.T`` is then the usual
(n_x, k) matrix without a copy (BLAS reads transposed operands directly). The backward pass
divides :math:`dZ^{[L]}` by :math:`m` once instead of dividing every ``dW`` and ``db``, skips
:math:`dA^{[0]}` (nobody needs the gradient with respect to the data), and works in place on the
arrays it has just created. The optimizer updates the model's own arrays in place.

Check your work with ``python -m grader week7``.
"""

import json
import math
import sys
import time
from pathlib import Path

import numpy as np

from .layers import (DECAYS, HIDDEN, INITIALIZATIONS, OPTIMIZERS, initialize_optimizer, initialize_parameters,
                     mini_batch_indices, sigmoid, update_parameters)
from .multiclass import compute_cost_softmax, one_hot, softmax, softmax_backward

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] in the binary cross-entropy
OUTPUTS = ("sigmoid", "softmax")
FORMAT = "dl-course DeepClassifier"  # the "format" attribute of a saved model's HDF5 file
FORMAT_VERSION = 1
HYPER_PARAMETERS = ("layer_dims", "output", "hidden_activation", "initialization", "lambd", "keep_prob",
                    "optimizer", "learning_rate", "lr_decay", "decay_rate", "mini_batch_size", "dtype")


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


class DeepClassifier:
    r"""A deep classifier :math:`[\text{LINEAR} \to g] \times (L-1) \to \text{LINEAR} \to
    \text{SIGMOID or SOFTMAX}`, trained by mini-batch gradient descent, momentum or Adam.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n_1, ..., n_L]``; ``n_L = 1`` for ``"sigmoid"``, ``n_L = C >= 2`` for ``"softmax"``.
    output : {"sigmoid", "softmax"}, default "sigmoid"
    hidden_activation : {"relu", "tanh"}, default "relu"
    initialization : {"he", "xavier"}, default "he"
        :math:`W^{[l]} \sim \mathcal{N}(0, 2/n_{l-1})` or :math:`\mathcal{N}(0, 1/n_{l-1})`.
    lambd : float, default 0.0
        L2 strength: the cost of a mini-batch of ``m`` examples gets :math:`\frac{\lambda}{2m}\sum\|W\|^2`.
    keep_prob : float in (0, 1], default 1.0
        Probability of keeping a hidden unit during training (inverted dropout; 1.0: no dropout).
    optimizer : {"gd", "momentum", "adam"}, default "adam"
    learning_rate : float, default 0.001
    lr_decay : {None, "inverse", "scheduled"}, default None
        Week 6's ``update_lr`` or ``schedule_lr_decay`` (``time_interval`` epochs), applied per epoch.
    decay_rate : float, default 1.0
    mini_batch_size : int, default 64
    rng : None, int or numpy.random.Generator
        One generator draws the initial weights, then every epoch's shuffle and dropout masks.
    dtype : "float64" or "float32" (or the numpy type), default float64
        The type of the parameters and of every computation.
    time_interval : int, default 1000
        For ``lr_decay="scheduled"``.

    Attributes
    ----------
    parameters : dict
        ``"W{l}"`` (n_l, n_{l-1}) and ``"b{l}"`` (n_l, 1) of ``dtype``.
    history_ : dict of lists, after ``fit``
        One value per epoch: ``"cost"``, ``"train_accuracy"`` and, with validation data,
        ``"val_accuracy"`` (accuracies in [0, 1]).
    t_ : int
        The number of optimizer updates so far (Adam's ``t``).
    """

    def __init__(self, layer_dims, output="sigmoid", hidden_activation="relu", initialization="he", lambd=0.0,
                 keep_prob=1.0, optimizer="adam", learning_rate=0.001, lr_decay=None, decay_rate=1.0,
                 mini_batch_size=64, rng=None, dtype=np.float64, time_interval=1000):
        for name, value, allowed in (("output", output, OUTPUTS), ("hidden_activation", hidden_activation, tuple(HIDDEN)),
                                     ("initialization", initialization, INITIALIZATIONS),
                                     ("optimizer", optimizer, OPTIMIZERS), ("lr_decay", lr_decay, (None, *DECAYS))):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
        if not 0 < keep_prob <= 1:
            raise ValueError(f"keep_prob must be in (0, 1], got {keep_prob!r}")
        if (output == "sigmoid") != (layer_dims[-1] == 1):
            raise ValueError(f"output={output!r} needs {'1 output unit' if output == 'sigmoid' else 'at least 2'}"
                             f" in the last layer, got layer_dims[-1] = {layer_dims[-1]}")
        self.layer_dims = [int(n) for n in layer_dims]
        self.output, self.hidden_activation, self.initialization = output, hidden_activation, initialization
        self.lambd, self.keep_prob, self.optimizer = float(lambd), float(keep_prob), optimizer
        self.learning_rate, self.lr_decay, self.decay_rate = float(learning_rate), lr_decay, float(decay_rate)
        self.mini_batch_size, self.time_interval = int(mini_batch_size), int(time_interval)
        self.dtype = np.dtype(dtype).name                # "float64" or "float32"
        if self.dtype not in ("float64", "float32"):
            raise ValueError(f"dtype must be float64 or float32, got {dtype!r}")
        self.rng = np.random.default_rng(rng)
        self.parameters = initialize_parameters(self.layer_dims, initialization, self.rng, self.dtype)
        self.optimizer_state_ = initialize_optimizer(self.parameters, optimizer)
        self.t_ = 0
        self.history_ = {}

    # ------------------------------------------------------------------------------- given helpers
    def get_params(self):
        """The hyper-parameters as plain values (what ``save`` writes), a dict (given)."""
        return {name: getattr(self, name) for name in HYPER_PARAMETERS}

    def targets(self, Y):
        """Labels as the network's targets ``T`` (given): one-hot (C, m) for ``"softmax"`` (from labels of
        shape (m,) or (1, m), or already one-hot (C, m)); (1, m) for ``"sigmoid"``; of the model's dtype."""
        Y = np.asarray(Y)
        C = self.layer_dims[-1]
        if self.output == "softmax" and not (Y.ndim == 2 and Y.shape[0] == C):
            Y = one_hot(Y.astype(np.int64), C)
        return np.asarray(Y, dtype=self.dtype).reshape(self.layer_dims[-1], -1)

    def labels(self, Y):
        """Labels as class indices (m,) for ``"softmax"`` (from labels or one-hot), as (1, m) floats for
        ``"sigmoid"`` (given): what ``predict`` returns."""
        Y = np.asarray(Y)
        if self.output == "softmax":
            return np.argmax(Y, axis=0) if Y.ndim == 2 and Y.shape[0] == self.layer_dims[-1] else Y.reshape(-1)
        return Y.reshape(1, -1).astype(np.float64)

    # -------------------------------------------------------------------------------- the network
    def forward(self, X, parameters=None, training=False, rng=None):
        r"""The forward pass, with inverted dropout on the hidden layers when training.

        Parameters
        ----------
        X : ndarray of shape (n_x, m)
        parameters : dict, optional
            ``"W{l}"``, ``"b{l}"``; default ``self.parameters`` (another dict lets a gradient check
            move one weight without touching the model).
        training : bool, default False
            Apply dropout (when ``keep_prob < 1``).
        rng : None, int or numpy.random.Generator
            Draws the masks; the same seed gives the same masks (default: the model's generator).

        Returns
        -------
        AL : ndarray of shape (n_L, m)
            Probabilities: ``softmax`` columns or ``sigmoid`` values.
        caches : list of L tuples ``((A_prev, W, b), Z, D)``
            ``A_prev`` (n_{l-1}, m) as the layer saw it (after the previous layer's dropout), ``Z``
            (n_l, m), ``D`` the boolean mask (n_l, m) applied to :math:`A^{[l]}`, or None.

        Notes
        -----
        Hidden layer l: :math:`Z = W A_{prev} + b`, :math:`A = g(Z)`, then when dropping out
        ``D = rng.random(A.shape) < keep_prob`` and :math:`A \leftarrow A * D / \text{keep\_prob}`
        (so that the expected value of each unit does not change). The output layer is never dropped.
        """
        parameters = self.parameters if parameters is None else parameters
        rng = self.rng if rng is None else np.random.default_rng(rng)
        dropout = training and self.keep_prob < 1
        g = HIDDEN[self.hidden_activation][0]
        L = len(self.layer_dims) - 1
        caches = []
        A = X
        # YOUR CODE HERE
        # Hint: each layer's Z from W, its input and b (formulas above); hidden layers apply g and, with dropout,
        # Hint: a mask of uniform draws (rng.random, A's dtype) below keep_prob, then divide by keep_prob;
        # Hint: the output layer: softmax (yours) or sigmoid (given), never dropped (D is None)
        raise NotImplementedError()
        return A, caches

    def cost(self, AL, T, parameters=None):
        r"""The cross-entropy of ``AL`` for the targets ``T``, plus the L2 term.

        Parameters
        ----------
        AL : ndarray of shape (n_L, m)
        T : ndarray of shape (n_L, m)
            Targets: one-hot for ``"softmax"``, 0/1 for ``"sigmoid"``.
        parameters : dict, optional
            Whose weights the L2 term uses; default ``self.parameters``.

        Returns
        -------
        cost : float
            :math:`J + \frac{\lambda}{2m}\sum_{l=1}^{L}\|W^{[l]}\|_F^2`, with :math:`J` the mean
            categorical cross-entropy (``compute_cost_softmax``) or the mean binary cross-entropy
            (``AL`` clipped to ``[EPS, 1 - EPS]``).
        """
        parameters = self.parameters if parameters is None else parameters
        m = T.shape[1]
        L = len(self.layer_dims) - 1
        # YOUR CODE HERE
        # Hint: compute_cost_softmax for softmax; otherwise week 4's binary cross-entropy, AL clipped;
        # Hint: with lambd > 0 add the L2 term above: the squared weights of every layer (np.square, np.sum)
        raise NotImplementedError()
        return float(np.squeeze(cost))

    def backward(self, AL, T, caches):
        r"""The gradients of :meth:`cost` with respect to every parameter, through the dropout masks.

        Parameters
        ----------
        AL : ndarray of shape (n_L, m)
            From :meth:`forward`.
        T : ndarray of shape (n_L, m)
            Targets.
        caches : list of L tuples ``((A_prev, W, b), Z, D)`` from :meth:`forward`

        Returns
        -------
        grads : dict
            ``"dW{l}"`` (n_l, n_{l-1}) and ``"db{l}"`` (n_l, 1) for l = 1..L.

        Notes
        -----
        :math:`dZ^{[L]} = A^{[L]} - T` for both outputs (``softmax_backward``; with a sigmoid it is the
        same formula, week 2), divided here by :math:`m` once, so that the rest needs no division:

        .. math::

            dW^{[l]} = dZ^{[l]} A^{[l-1]T} + \frac{\lambda}{m} W^{[l]}, \quad
            db^{[l]} = \sum_i dZ^{[l](i)}, \quad
            dA^{[l-1]} = W^{[l]T} dZ^{[l]} * D^{[l-1]} / \text{keep\_prob}, \quad
            dZ^{[l-1]} = dA^{[l-1]} * g'(Z^{[l-1]}).

        :math:`dA^{[0]}` (with respect to ``X``) is not computed.
        """
        grads = {}
        L = len(caches)
        m = AL.shape[1]
        g_backward = HIDDEN[self.hidden_activation][1]
        # YOUR CODE HERE
        # Hint: the output's dZ (one formula for both outputs) divided by m once; then, from the last layer down,
        # Hint: dW and db as above (dW with its L2 term, db with keepdims=True); below, dA takes the mask D
        # Hint: of the layer below and the division by keep_prob (D not None), and g_backward gives its dZ
        raise NotImplementedError()
        return grads

    # ----------------------------------------------------------------------------------- training
    def fit(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
        """Train for ``num_epochs`` passes over the data, continuing from the current parameters.

        Parameters
        ----------
        X : ndarray of shape (n_x, m)
        Y : labels: (m,) or (1, m) integers, or one-hot (C, m), for ``"softmax"``; (1, m) 0/1 for ``"sigmoid"``
        num_epochs : int, default 10
        X_val, Y_val : optional validation data, the same layouts
        verbose : bool, default False
            A progress bar with the running cost on stderr.

        Returns
        -------
        self : DeepClassifier
            Sets ``history_``: per epoch ``"cost"`` (the mean over the epoch's examples of the cost of
            their mini-batch, L2 term included, taken before the batch's update), ``"train_accuracy"``
            (the fraction of the epoch's examples that their mini-batch's forward pass, dropout
            included, classified right: free to compute, as in Keras) and, with validation data,
            ``"val_accuracy"`` (``score(X_val, Y_val)`` after the epoch).

        Notes
        -----
        For each epoch: the learning rate (``lr_decay``), one shuffle of the examples
        (``mini_batch_indices(m, mini_batch_size, self.rng)``), then for each mini-batch: ``forward``
        with ``training=True``, ``cost``, ``backward``, ``self.t_ += 1`` and one
        ``update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,
        self.optimizer)`` (given, in place).
        """
        if X.shape[0] != self.layer_dims[0]:
            raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
        m = X.shape[1]
        X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)              # (m, n_x): one example per row
        T_rows = np.ascontiguousarray(self.targets(Y).T)                  # (m, n_L)
        batch_size = min(self.mini_batch_size, m)
        X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)  # reused by every mini-batch
        T_buffer = np.empty((batch_size, T_rows.shape[1]), dtype=self.dtype)
        bar = ProgressBar(num_epochs, math.ceil(m / batch_size)) if verbose else None
        self.history_ = {"cost": [], "train_accuracy": []}
        if X_val is not None:
            self.history_["val_accuracy"] = []
        for epoch in range(num_epochs):
            learning_rate = self.learning_rate
            if self.lr_decay == "inverse":
                learning_rate = DECAYS["inverse"](self.learning_rate, epoch, self.decay_rate)
            elif self.lr_decay == "scheduled":
                learning_rate = DECAYS["scheduled"](self.learning_rate, epoch, self.decay_rate, self.time_interval)
            cost_total, correct = 0.0, 0
            for k, batch in enumerate(mini_batch_indices(m, batch_size, self.rng), start=1):
                n = len(batch)
                Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T  # (n_x, n), a view
                Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T  # (n_L, n)
                # YOUR CODE HERE
                # Hint: the steps of the notes above, forward with training=True; cost_total adds the batch's cost
                # Hint: weighted by its n examples, correct its right answers (self.count_correct);
                # Hint: count the update in self.t_ before update_parameters, which takes the epoch's learning_rate
                raise NotImplementedError()
                if bar is not None:
                    bar.update(epoch, k, cost_total / min(k * batch_size, m))
            self.history_["cost"].append(cost_total / m)
            self.history_["train_accuracy"].append(correct / m)
            if X_val is not None:
                self.history_["val_accuracy"].append(self.score(X_val, Y_val))
        return self

    def count_correct(self, AL, T):
        """The number (an int) of columns of ``AL`` (n_L, m) classified as the targets ``T`` say (given)."""
        if self.output == "softmax":
            return int(np.count_nonzero(np.argmax(AL, axis=0) == np.argmax(T, axis=0)))
        return int(np.count_nonzero((AL > 0.5) == (T > 0.5)))

    # -------------------------------------------------------------------------------- predictions
    def predict_proba(self, X):
        """Probabilities of the classes: ``AL`` of shape (n_L, m) for ``X`` (n_x, m), without dropout."""
        # YOUR CODE HERE
        # Hint: self.forward, without dropout, on X converted to the model's dtype (np.asarray with dtype=self.dtype)
        raise NotImplementedError()
        return AL

    def predict(self, X):
        """Predicted classes for ``X`` (n_x, m).

        Returns
        -------
        predictions : ndarray
            ``"softmax"``: class indices of shape (m,), int64 (the most probable class of each column);
            ``"sigmoid"``: 0.0 / 1.0 of shape (1, m), float64 (probability > 0.5).
        """
        # YOUR CODE HERE
        # Hint: softmax: the most probable class of each column (np.argmax, axis=0); sigmoid: 0.0 / 1.0 floats, > 0.5
        raise NotImplementedError()
        return predictions

    def score(self, X, Y):
        """The accuracy in [0, 1] (a float) on ``(X, Y)``, labels in any layout ``fit`` accepts."""
        # YOUR CODE HERE
        # Hint: compare the predictions with the labels (self.labels converts Y): the fraction that agree
        raise NotImplementedError()
        return float(accuracy)

    # ------------------------------------------------------------------------------ saving, loading
    def save(self, path):
        """Write the model to the HDF5 file ``path`` (replaced if it exists).

        The file holds the attributes ``format`` (``FORMAT``), ``format_version`` and
        ``hyper_parameters`` (``get_params()`` as JSON), and one dataset ``parameters/W1``,
        ``parameters/b1``, ... per parameter. (The optimizer's state is not saved: a loaded model
        predicts, and training it again starts a fresh Adam.)
        """
        import h5py

        # YOUR CODE HERE
        # Hint: open the file for writing with h5py.File; the attributes go in f.attrs (the hyper-parameters as
        # Hint: json.dumps text), each parameter in a dataset of the group "parameters"
        raise NotImplementedError()

    @classmethod
    def load(cls, path):
        """A model read from a file written by :meth:`save`.

        Raises
        ------
        FileNotFoundError
            When ``path`` does not exist.
        ValueError
            When ``path`` is not a model saved by :meth:`save` (not HDF5, or no ``format`` attribute
            equal to ``FORMAT``), with one sentence that says so.
        """
        import h5py

        if not Path(path).is_file():
            raise FileNotFoundError(f"no such file: {path}")
        # YOUR CODE HERE
        # Hint: open the file for reading with h5py.File (an OSError means: not HDF5); check its format attribute;
        # Hint: build cls from the hyper-parameters (json.loads), then set its parameters from the group "parameters"
        raise NotImplementedError()
        return model
