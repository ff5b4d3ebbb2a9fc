r"""The deep network as a class: build it once, then ``fit``, ``predict`` and ``score``.

What you will build
-------------------
``deep_nn`` passes dicts and lists from function to function. Libraries such as scikit-learn and
PyTorch wrap the same machinery in an object that keeps its parameters and settings, so using a
model takes three lines::

    net = NeuralNetwork([784, 20, 7, 5, 1], learning_rate=0.1, rng=0)
    net.fit(X_train, Y_train, num_iterations=500)
    net.score(X_test, Y_test)          # accuracy in [0, 1]

``NeuralNetwork`` is built only from this week's functions in ``deep_nn`` (your own), plus two
choices the functions leave open:

- ``hidden_activation``: ``"relu"`` (the default, as in ``L_model_forward``) or ``"tanh"``;
- ``initialization``: how the first weights are scaled. ``initialize_parameters_deep`` draws
  :math:`W^{[l]} \sim \mathcal{N}(0, 1)/\sqrt{n_{l-1}}`: that is ``"xavier"`` (the name week 5 uses
  for the variance :math:`1/n_{l-1}`; strictly speaking LeCun's choice, Glorot and Bengio average
  fan-in and fan-out). ``"he"`` (the default) multiplies those same draws by :math:`\sqrt{2}`,
  giving variance :math:`2/n_{l-1}`, the scale He et al. (2015) derived for ReLU layers, which
  set half of their inputs to 0. Week 5 compares them.

Attributes that end in ``_`` (``costs_``) exist after ``fit``, as in scikit-learn.

Check your work with ``python -m grader week4``.
"""

import numpy as np

from .deep_nn import (compute_cost, initialize_parameters_deep, L_model_backward, L_model_forward,
                      update_parameters)

INITIALIZATIONS = ("he", "xavier")
HIDDEN_ACTIVATIONS = ("relu", "tanh")


class NeuralNetwork:
    r"""A binary classifier :math:`[\text{LINEAR} \to g] \times (L-1) \to \text{LINEAR} \to
    \text{SIGMOID}`, trained by full-batch gradient descent on the mean cross-entropy.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n_1, ..., n_{L-1}, 1]``: the input size, then the size of each layer.
    hidden_activation : {"relu", "tanh"}, default "relu"
        :math:`g`, the activation of layers 1..L-1.
    learning_rate : float, default 0.0075
    initialization : {"he", "xavier"}, default "he"
        ``"xavier"``: exactly ``initialize_parameters_deep(layer_dims, rng)``, i.e.
        :math:`W^{[l]} \sim \mathcal{N}(0, 1/n_{l-1})`; ``"he"``: the same draws times
        :math:`\sqrt{2}`, i.e. :math:`\mathcal{N}(0, 2/n_{l-1})`. Biases start at zero.
    rng : None, int or numpy.random.Generator
        Passed to ``initialize_parameters_deep``.

    Attributes
    ----------
    layer_dims, hidden_activation, learning_rate, initialization : the arguments, as given
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` of shape (n_l, 1) for l = 1..L; set by
        the constructor, replaced by every training step.
    costs_ : list of float
        After ``fit``: the cost at iterations 0, 100, 200, ... of the last call to ``fit``.
    """

    def __init__(self, layer_dims, hidden_activation="relu", learning_rate=0.0075, initialization="he",
                 rng=None):
        if hidden_activation not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"hidden_activation must be one of {HIDDEN_ACTIVATIONS}, got {hidden_activation!r}")
        if initialization not in INITIALIZATIONS:
            raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
        self.layer_dims = list(layer_dims)
        self.hidden_activation = hidden_activation
        self.learning_rate = learning_rate
        self.initialization = initialization
        # YOUR CODE HERE
        # Hint: start from initialize_parameters_deep with rng; for "he",
        # Hint: multiply every W{l} by np.sqrt(2) (write new arrays; biases stay zero)
        raise NotImplementedError()

    def fit(self, X, Y, num_iterations=3000, print_cost=False):
        """Train by gradient descent, starting from the current ``parameters``.

        Calling ``fit`` again continues the training: ``fit(X, Y, 50)`` twice gives the same
        parameters as ``fit(X, Y, 100)`` once.

        Parameters
        ----------
        X : ndarray of shape (n_x, m), with n_x = ``layer_dims[0]``
        Y : ndarray of shape (1, m), labels 0.0 / 1.0
        num_iterations : int, default 3000
        print_cost : bool, default False
            Print the cost every 100 iterations.

        Returns
        -------
        self : NeuralNetwork
            The trained network itself, so that ``net.fit(X, Y).score(X, Y)`` works. Sets
            ``costs_``: the cost at iterations 0, 100, 200, ... (before that iteration's step).
        """
        if X.shape[0] != self.layer_dims[0]:
            raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
        self.costs_ = []
        for i in range(num_iterations):
            # YOUR CODE HERE
            # Hint: the loop of L_layer_model, passing self.hidden_activation to the forward and
            # Hint: backward passes and self.learning_rate to update_parameters
            raise NotImplementedError()
            if i % 100 == 0:
                self.costs_.append(cost)
                if print_cost:
                    print(f"Cost after iteration {i}: {cost:f}")
        return self

    def predict_proba(self, X):
        """The probability of class 1 for every example.

        Parameters
        ----------
        X : ndarray of shape (n_x, m)

        Returns
        -------
        AL : ndarray of shape (1, m), values in [0, 1]
        """
        # YOUR CODE HERE
        # Hint: L_model_forward with the network's parameters and hidden activation
        raise NotImplementedError()
        return AL

    def predict(self, X):
        """The predicted class of every example: 1.0 where ``predict_proba(X) > 0.5``, else 0.0.

        Parameters
        ----------
        X : ndarray of shape (n_x, m)

        Returns
        -------
        predictions : ndarray of shape (1, m), 0.0 / 1.0, float64
        """
        # YOUR CODE HERE
        raise NotImplementedError()
        return predictions

    def score(self, X, Y):
        """The accuracy on ``(X, Y)``: the fraction of examples predicted right.

        Parameters
        ----------
        X : ndarray of shape (n_x, m)
        Y : ndarray of shape (1, m), labels 0.0 / 1.0

        Returns
        -------
        accuracy : float in [0, 1] (not a percentage, as in scikit-learn)
        """
        # YOUR CODE HERE
        raise NotImplementedError()
        return float(accuracy)
