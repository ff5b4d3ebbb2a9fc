"""Mistakes learners make in week4/network.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake


# ---------------------------------------------------------------------------- constructor
@mistake("NeuralNetwork.__init__", "This looks like He weights multiplied by 2: He initialization multiplies the "
                                   "draws of initialize_parameters_deep by np.sqrt(2).")
def he_times_two(self, layer_dims, hidden_activation="relu", learning_rate=0.0075, initialization="he", rng=None):
    if hidden_activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"hidden_activation must be one of {HIDDEN_ACTIVATIONS}, got {hidden_activation!r}")
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
    self.layer_dims = list(layer_dims)
    self.hidden_activation = hidden_activation
    self.learning_rate = learning_rate
    self.initialization = initialization
    parameters = initialize_parameters_deep(self.layer_dims, rng)
    if initialization == "he":
        for l in range(1, len(self.layer_dims)):
            parameters[f"W{l}"] = parameters[f"W{l}"] * 2
    self.parameters = parameters


@mistake("NeuralNetwork.__init__", "This looks like the He factor applied whatever the initialization: 'xavier' "
                                   "keeps the weights of initialize_parameters_deep as they are.")
def always_he(self, layer_dims, hidden_activation="relu", learning_rate=0.0075, initialization="he", rng=None):
    if hidden_activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"hidden_activation must be one of {HIDDEN_ACTIVATIONS}, got {hidden_activation!r}")
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
    self.layer_dims = list(layer_dims)
    self.hidden_activation = hidden_activation
    self.learning_rate = learning_rate
    self.initialization = initialization
    parameters = initialize_parameters_deep(self.layer_dims, rng)
    for l in range(1, len(self.layer_dims)):
        parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)
    self.parameters = parameters


@mistake("NeuralNetwork.__init__", "This looks like He weights scaled by sqrt(2 / n_{l-1}) on top of "
                                   "initialize_parameters_deep, which already divides by sqrt(n_{l-1}): multiply by "
                                   "np.sqrt(2) only.")
def he_scaled_twice(self, layer_dims, hidden_activation="relu", learning_rate=0.0075, initialization="he", rng=None):
    if hidden_activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"hidden_activation must be one of {HIDDEN_ACTIVATIONS}, got {hidden_activation!r}")
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
    self.layer_dims = list(layer_dims)
    self.hidden_activation = hidden_activation
    self.learning_rate = learning_rate
    self.initialization = initialization
    parameters = initialize_parameters_deep(self.layer_dims, rng)
    if initialization == "he":
        for l in range(1, len(self.layer_dims)):
            parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0 / self.layer_dims[l - 1])
    self.parameters = parameters


@mistake("NeuralNetwork.__init__", "This looks like initial weights from a fixed seed: pass rng on to "
                                   "initialize_parameters_deep.")
def rng_not_passed_on(self, layer_dims, hidden_activation="relu", learning_rate=0.0075, initialization="he",
                      rng=None):
    if hidden_activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"hidden_activation must be one of {HIDDEN_ACTIVATIONS}, got {hidden_activation!r}")
    if initialization not in INITIALIZATIONS:
        raise ValueError(f"initialization must be one of {INITIALIZATIONS}, got {initialization!r}")
    self.layer_dims = list(layer_dims)
    self.hidden_activation = hidden_activation
    self.learning_rate = learning_rate
    self.initialization = initialization
    parameters = initialize_parameters_deep(self.layer_dims, 0)
    if initialization == "he":
        for l in range(1, len(self.layer_dims)):
            parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)
    self.parameters = parameters


# -------------------------------------------------------------------------------------- fit
@mistake("NeuralNetwork.fit", "This looks like 'relu' in the hidden layers whatever the network's "
                              "hidden_activation: pass self.hidden_activation to the forward and backward passes.")
def hidden_activation_ignored(self, X, Y, num_iterations=3000, print_cost=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    self.costs_ = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, self.parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        self.parameters = update_parameters(self.parameters, grads, self.learning_rate)
        if i % 100 == 0:
            self.costs_.append(cost)
    return self


@mistake("NeuralNetwork.fit", "This looks like a fit that does not return the network: end with return self.")
def does_not_return_self(self, X, Y, num_iterations=3000, print_cost=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    self.costs_ = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, self.parameters, self.hidden_activation)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches, self.hidden_activation)
        self.parameters = update_parameters(self.parameters, grads, self.learning_rate)
        if i % 100 == 0:
            self.costs_.append(cost)


@mistake("NeuralNetwork.fit", "This looks like costs_ that keeps the costs of earlier calls: start a new list at "
                              "every call to fit.")
def costs_accumulate_over_calls(self, X, Y, num_iterations=3000, print_cost=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    if not hasattr(self, "costs_"):
        self.costs_ = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, self.parameters, self.hidden_activation)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches, self.hidden_activation)
        self.parameters = update_parameters(self.parameters, grads, self.learning_rate)
        if i % 100 == 0:
            self.costs_.append(cost)
    return self


@mistake("NeuralNetwork.fit", "This looks like the updated parameters thrown away: assign the result of "
                              "update_parameters to self.parameters.")
def update_not_assigned(self, X, Y, num_iterations=3000, print_cost=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    self.costs_ = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, self.parameters, self.hidden_activation)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches, self.hidden_activation)
        update_parameters(self.parameters, grads, self.learning_rate)
        if i % 100 == 0:
            self.costs_.append(cost)
    return self


@mistake("NeuralNetwork.fit", "This looks like a learning rate fixed at 0.0075: use self.learning_rate.")
def learning_rate_hard_coded(self, X, Y, num_iterations=3000, print_cost=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    self.costs_ = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, self.parameters, self.hidden_activation)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches, self.hidden_activation)
        self.parameters = update_parameters(self.parameters, grads, 0.0075)
        if i % 100 == 0:
            self.costs_.append(cost)
    return self


# ---------------------------------------------------------------------------- predict_proba
@mistake("NeuralNetwork.predict_proba", "This looks like 'relu' in the hidden layers whatever the network's "
                                        "hidden_activation: pass self.hidden_activation to L_model_forward.")
def proba_hidden_activation_ignored(self, X):
    AL, _ = L_model_forward(X, self.parameters)
    return AL


@mistake("NeuralNetwork.predict_proba", "This looks like the whole result of L_model_forward returned: it is a "
                                        "pair (AL, caches); return AL only.")
def returns_AL_and_caches(self, X):
    return L_model_forward(X, self.parameters, self.hidden_activation)


@mistake("NeuralNetwork.predict_proba", "This looks like the output layer's Z returned: the probabilities are AL, "
                                        "after the sigmoid.")
def returns_the_last_Z(self, X):
    _, caches = L_model_forward(X, self.parameters, self.hidden_activation)
    return caches[-1][1]


@mistake("NeuralNetwork.predict_proba", "This looks like classes (0.0 / 1.0) returned: predict_proba returns the "
                                        "probabilities AL; predict thresholds them.")
def returns_classes(self, X):
    AL, _ = L_model_forward(X, self.parameters, self.hidden_activation)
    return (AL > 0.5).astype(np.float64)


# ---------------------------------------------------------------------------------- predict
@mistake("NeuralNetwork.predict", "This looks like the probabilities returned as they are: threshold them, 1.0 "
                                  "where the probability is above 0.5.")
def predict_returns_probabilities(self, X):
    return self.predict_proba(X)


@mistake("NeuralNetwork.predict", "This looks like the threshold turned round: class 1.0 is where the probability "
                                  "is above 0.5.")
def threshold_reversed(self, X):
    return (self.predict_proba(X) < 0.5).astype(np.float64)


@mistake("NeuralNetwork.predict", "This looks like a threshold at 0: the probabilities are in [0, 1], so the "
                                  "threshold is 0.5.")
def predict_threshold_at_zero(self, X):
    return (self.predict_proba(X) > 0).astype(np.float64)


@mistake("NeuralNetwork.predict", "This looks like booleans returned: convert them with .astype(np.float64).")
def predict_returns_booleans(self, X):
    return self.predict_proba(X) > 0.5


# ------------------------------------------------------------------------------------ score
@mistake("NeuralNetwork.score", "This looks like a percentage: score returns the fraction of examples predicted "
                                "right, in [0, 1].")
def percentage(self, X, Y):
    return float(100 * np.mean(self.predict(X) == Y))


@mistake("NeuralNetwork.score", "This looks like the number of right predictions: divide by the number of "
                                "examples (np.mean).")
def count_not_fraction(self, X, Y):
    return float(np.sum(self.predict(X) == Y))


@mistake("NeuralNetwork.score", "This looks like the probabilities compared with the labels: compare the classes "
                                "that self.predict gives with Y.")
def compares_probabilities(self, X, Y):
    return float(np.mean(self.predict_proba(X) == Y))


@mistake("NeuralNetwork.score", "This looks like the error rate: the accuracy counts the examples where the "
                                "prediction equals Y.")
def error_rate(self, X, Y):
    return float(np.mean(self.predict(X) != Y))
