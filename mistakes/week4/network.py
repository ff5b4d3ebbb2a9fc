"""Mistakes learners make in week4/network.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake, patch


# ---------------------------------------------------------------------------- constructor
he_times_two = patch("NeuralNetwork.__init__", "This looks like He weights multiplied by 2: He initialization "
    "multiplies the draws of initialize_parameters_deep by np.sqrt(2).",
    {'parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)': 'parameters[f"W{l}"] = parameters[f"W{l}"] * 2'})

always_he = patch("NeuralNetwork.__init__", "This looks like the He factor applied whatever the initialization: "
    "'xavier' keeps the weights of initialize_parameters_deep as they are.",
    {'if initialization == "he":\n    for l in range(1, len(self.layer_dims)):\n'
     '        parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)':
      'for l in range(1, len(self.layer_dims)):\n    parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)'})

he_scaled_twice = patch("NeuralNetwork.__init__", "This looks like He weights scaled by sqrt(2 / n_{l-1}) on top of "
    "initialize_parameters_deep, which already divides by sqrt(n_{l-1}): multiply by np.sqrt(2) only.",
    {'parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0)':
      'parameters[f"W{l}"] = parameters[f"W{l}"] * np.sqrt(2.0 / self.layer_dims[l - 1])'})

rng_not_passed_on = patch("NeuralNetwork.__init__", "This looks like initial weights from a fixed seed: pass rng on "
    "to initialize_parameters_deep.",
    {"parameters = initialize_parameters_deep(self.layer_dims, rng)":
      "parameters = initialize_parameters_deep(self.layer_dims, 0)"})

# -------------------------------------------------------------------------------------- fit
hidden_activation_ignored = patch("NeuralNetwork.fit", "This looks like 'relu' in the hidden layers whatever the "
    "network's hidden_activation: pass self.hidden_activation to the forward and backward passes.",
    {"AL, caches = L_model_forward(X, self.parameters, self.hidden_activation)":
      "AL, caches = L_model_forward(X, self.parameters)",
     "grads = L_model_backward(AL, Y, caches, self.hidden_activation)": "grads = L_model_backward(AL, Y, caches)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

does_not_return_self = patch("NeuralNetwork.fit", "This looks like a fit that does not return the network: end with "
    "return self.",
    {'        if print_cost:\n            print(f"Cost after iteration {i}: {cost:f}")\nreturn self': ""})

costs_accumulate_over_calls = patch("NeuralNetwork.fit", "This looks like costs_ that keeps the costs of earlier "
    "calls: start a new list at every call to fit.",
    {"self.costs_ = []": 'if not hasattr(self, "costs_"):\n    self.costs_ = []',
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

update_not_assigned = patch("NeuralNetwork.fit", "This looks like the updated parameters thrown away: assign the "
    "result of update_parameters to self.parameters.",
    {"self.parameters = update_parameters(self.parameters, grads, self.learning_rate)":
      "update_parameters(self.parameters, grads, self.learning_rate)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

learning_rate_hard_coded = patch("NeuralNetwork.fit", "This looks like a learning rate fixed at 0.0075: use "
    "self.learning_rate.",
    {"self.parameters = update_parameters(self.parameters, grads, self.learning_rate)":
      "self.parameters = update_parameters(self.parameters, grads, 0.0075)",
     'if print_cost:\n    print(f"Cost after iteration {i}: {cost:f}")': ""})

# ---------------------------------------------------------------------------- predict_proba
proba_hidden_activation_ignored = patch("NeuralNetwork.predict_proba", "This looks like 'relu' in the hidden layers "
    "whatever the network's hidden_activation: pass self.hidden_activation to L_model_forward.",
    {"AL, _ = L_model_forward(X, self.parameters, self.hidden_activation)":
      "AL, _ = L_model_forward(X, self.parameters)"})

returns_AL_and_caches = patch("NeuralNetwork.predict_proba", "This looks like the whole result of L_model_forward "
    "returned: it is a pair (AL, caches); return AL only.",
    {"AL, _ = L_model_forward(X, self.parameters, self.hidden_activation)\nreturn AL":
      "return L_model_forward(X, self.parameters, self.hidden_activation)"})

returns_the_last_Z = patch("NeuralNetwork.predict_proba", "This looks like the output layer's Z returned: the "
    "probabilities are AL, after the sigmoid.",
    {"AL, _ = L_model_forward(X, self.parameters, self.hidden_activation)\nreturn AL":
      "_, caches = L_model_forward(X, self.parameters, self.hidden_activation)\nreturn caches[-1][1]"})

returns_classes = patch("NeuralNetwork.predict_proba", "This looks like classes (0.0 / 1.0) returned: predict_proba "
    "returns the probabilities AL; predict thresholds them.",
    {"return AL": "return (AL > 0.5).astype(np.float64)"})

# ---------------------------------------------------------------------------------- predict
predict_returns_probabilities = patch("NeuralNetwork.predict", "This looks like the probabilities returned as they "
    "are: threshold them, 1.0 where the probability is above 0.5.",
    {"predictions = (self.predict_proba(X) > 0.5).astype(np.float64)\nreturn predictions":
      "return self.predict_proba(X)"})

threshold_reversed = patch("NeuralNetwork.predict", "This looks like the threshold turned round: class 1.0 is where "
    "the probability is above 0.5.",
    {"predictions = (self.predict_proba(X) > 0.5).astype(np.float64)\nreturn predictions":
      "return (self.predict_proba(X) < 0.5).astype(np.float64)"})

predict_threshold_at_zero = patch("NeuralNetwork.predict", "This looks like a threshold at 0: the probabilities are "
    "in [0, 1], so the threshold is 0.5.",
    {"predictions = (self.predict_proba(X) > 0.5).astype(np.float64)\nreturn predictions":
      "return (self.predict_proba(X) > 0).astype(np.float64)"})


@mistake("NeuralNetwork.predict", "This looks like booleans returned: convert them with .astype(np.float64).")
def predict_returns_booleans(self, X):
    return self.predict_proba(X) > 0.5


# ------------------------------------------------------------------------------------ score
percentage = patch("NeuralNetwork.score", "This looks like a percentage: score returns the fraction of examples "
    "predicted right, in [0, 1].",
    {"accuracy = np.mean(self.predict(X) == Y)\nreturn float(accuracy)":
      "return float(100 * np.mean(self.predict(X) == Y))"})

count_not_fraction = patch("NeuralNetwork.score", "This looks like the number of right predictions: divide by the "
    "number of examples (np.mean).",
    {"accuracy = np.mean(self.predict(X) == Y)\nreturn float(accuracy)": "return float(np.sum(self.predict(X) == Y))"})

compares_probabilities = patch("NeuralNetwork.score", "This looks like the probabilities compared with the labels: "
    "compare the classes that self.predict gives with Y.",
    {"accuracy = np.mean(self.predict(X) == Y)\nreturn float(accuracy)":
      "return float(np.mean(self.predict_proba(X) == Y))"})

error_rate = patch("NeuralNetwork.score", "This looks like the error rate: the accuracy counts the examples where the "
    "prediction equals Y.",
    {"accuracy = np.mean(self.predict(X) == Y)\nreturn float(accuracy)": "return float(np.mean(self.predict(X) != Y))"})
