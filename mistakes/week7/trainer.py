"""Mistakes learners make in week7/trainer.py (see grader/tools/mistakes.py).

Each entry is a ``DeepClassifier`` method written as a plain function with ``self`` first; it replaces
that method inside the reference class, so its body uses the trainer module's names: ``np``,
``json``, ``math``, ``Path``, ``EPS``, ``FORMAT``, ``FORMAT_VERSION``, ``HIDDEN``, ``DECAYS``,
``softmax``, ``sigmoid``, ``softmax_backward``, ``compute_cost_softmax``, ``relu``...
"""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------------------------ forward
dropout_without_rescaling = patch("DeepClassifier.forward", "This looks like dropout without the division by "
    "keep_prob: the kept units must be scaled up so that their expected value does not change.",
    {"Z = W @ A\nZ += b": "Z = W @ A + b", "A_next *= D\nA_next *= 1 / self.keep_prob": "A_next = A_next * D"})

dropout_on_the_output_layer = patch("DeepClassifier.forward", "This looks like dropout applied to the output layer "
    "too: only the hidden layers are dropped, the output layer's D is None.",
    {"Z = W @ A\nZ += b\nD = None\nif l < L:\n    A_next = g(Z)\n    if dropout:\n"
     "        D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob\n        A_next *= D\n"
     '        A_next *= 1 / self.keep_prob\nelse:\n    A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)':
      'Z = W @ A + b\nA_next = g(Z) if l < L else (softmax(Z) if self.output == "softmax" else sigmoid(Z))\n'
      "D = None\nif dropout:\n    D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob\n"
      "    A_next = A_next * D / self.keep_prob"})

dropout_when_not_training = patch("DeepClassifier.forward", "This looks like dropout whenever keep_prob < 1, also "
    "when training is False: predictions use the whole network, so drop units only when training.",
    {"dropout = training and self.keep_prob < 1": "",
     "Z = W @ A\nZ += b": "Z = W @ A + b",
     "if dropout:": "if self.keep_prob < 1:",
     "A_next *= D\nA_next *= 1 / self.keep_prob": "A_next = A_next * D / self.keep_prob"})

mask_keeps_with_probability_one_minus_keep_prob = patch("DeepClassifier.forward", "This looks like a mask that keeps "
    "a unit when the random number is above keep_prob, so each unit is kept with probability 1 - keep_prob.",
    {"Z = W @ A\nZ += b": "Z = W @ A + b",
     "D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob\nA_next *= D\nA_next *= 1 / self.keep_prob":
      "D = rng.random(A_next.shape, dtype=A_next.dtype) > self.keep_prob\nA_next = A_next * D / self.keep_prob"})

relu_whatever_the_hidden_activation = patch("DeepClassifier.forward", "This looks like ReLU on every hidden layer "
    "whatever hidden_activation says: use the activation it names (tanh or relu).",
    {"g = HIDDEN[self.hidden_activation][0]": "",
     "Z = W @ A\nZ += b": "Z = W @ A + b",
     "A_next = g(Z)": "A_next = np.maximum(Z, 0)",
     "A_next *= D\nA_next *= 1 / self.keep_prob": "A_next = A_next * D / self.keep_prob"})

caches_A_instead_of_A_prev = patch("DeepClassifier.forward", "This looks like the layer's own output cached in place "
    "of A_prev, the input the layer received: the backward pass needs A_prev.",
    {"Z = W @ A\nZ += b": "Z = W @ A + b",
     "A_next = g(Z)": "A = g(Z)",
     "D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob\nA_next *= D\nA_next *= 1 / self.keep_prob":
      "D = rng.random(A.shape, dtype=A.dtype) < self.keep_prob\nA = A * D / self.keep_prob",
     'A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)':
      'A = softmax(Z) if self.output == "softmax" else sigmoid(Z)',
     "A = A_next": ""})

# --------------------------------------------------------------------------------------- cost
l2_without_one_over_m = patch("DeepClassifier.cost", "This looks like the L2 term without its 1/m: it is lambd / (2m) "
    "times the sum of the squared weights.",
    {'squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "cost += self.lambd / (2 * m) * squares":
      'cost += self.lambd / 2 * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))'})

l2_without_one_half = patch("DeepClassifier.cost", "This looks like the L2 term without its 1/2: it is lambd / (2m) "
    "times the sum of the squared weights.",
    {'squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "cost += self.lambd / (2 * m) * squares":
      'cost += self.lambd / m * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))'})

l2_includes_the_biases = patch("DeepClassifier.cost", "This looks like the biases included in the L2 term: only the "
    "weights W are penalised.",
    {"L = len(self.layer_dims) - 1": "",
     'squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "cost += self.lambd / (2 * m) * squares":
      "cost += self.lambd / (2 * m) * sum(np.sum(np.square(value)) for value in parameters.values())"})

square_of_the_sum = patch("DeepClassifier.cost", "This looks like the square of the sum of each W instead of the sum "
    "of its squared entries.",
    {'squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "cost += self.lambd / (2 * m) * squares":
      'cost += self.lambd / (2 * m) * sum(np.sum(parameters[f"W{l}"]) ** 2 for l in range(1, L + 1))'})

categorical_cost_for_the_sigmoid = patch("DeepClassifier.cost", "This looks like the categorical cross-entropy used "
    "for the sigmoid output too: with one sigmoid unit the cost also has the (1 - T) log(1 - AL) term.",
    {'if self.output == "softmax":\n    cost = compute_cost_softmax(AL, T)\nelse:\n    A = np.clip(AL, EPS, 1 - EPS)\n'
     "    cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)": "cost = compute_cost_softmax(AL, T)",
     'squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "cost += self.lambd / (2 * m) * squares":
      'cost += self.lambd / (2 * m) * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))'})

l2_term_missing = patch("DeepClassifier.cost", "This looks like the cross-entropy alone although lambd > 0: the cost "
    "adds the L2 term of the squared weights.",
    {"parameters = self.parameters if parameters is None else parameters": "",
     "L = len(self.layer_dims) - 1": "",
     'if self.lambd > 0:\n    squares = sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in range(1, L + 1))\n'
     "    cost += self.lambd / (2 * m) * squares": ""})

# ----------------------------------------------------------------------------------- backward
dropout_mask_not_applied = patch("DeepClassifier.backward", "This looks like the backward pass ignoring the dropout "
    "masks: the units dropped in the forward pass get no gradient, so multiply dA by the cached mask D of the layer "
    "below and divide by keep_prob.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W',
     "dA = W.T @ dZ\nif D_prev is not None:\n    dA *= D_prev\n    dA *= 1 / self.keep_prob\n"
     "dZ = g_backward(dA, Z_prev)": "dZ = g_backward(W.T @ dZ, Z_prev)"})

dropout_mask_not_rescaled = patch("DeepClassifier.backward", "This looks like dA multiplied by the dropout mask but "
    "not divided by keep_prob: the backward pass must scale exactly as the forward pass did.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W',
     "dA *= D_prev\ndA *= 1 / self.keep_prob": "dA = dA * D_prev"})

fresh_masks_in_backward = patch("DeepClassifier.backward", "This looks like new dropout masks drawn in the backward "
    "pass: use the masks D that the forward pass cached, the units it really dropped.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W',
     "dA *= D_prev\ndA *= 1 / self.keep_prob":
      "D_new = self.rng.random(dA.shape) < self.keep_prob\ndA = dA * D_new / self.keep_prob"})

l2_gradient_without_one_over_m = patch("DeepClassifier.backward", "This looks like the L2 gradient lambd * W without "
    "its 1/m: the derivative of lambd / (2m) times the squared weights is lambd / m times W.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + self.lambd * W',
     "dA *= D_prev\ndA *= 1 / self.keep_prob": "dA = dA * D_prev / self.keep_prob"})

l2_gradient_forgotten = patch("DeepClassifier.backward", "This looks like the gradients without the L2 term although "
    "lambd > 0: the cost has a penalty, so every dW gets its derivative too.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T',
     "dA *= D_prev\ndA *= 1 / self.keep_prob": "dA = dA * D_prev / self.keep_prob"})

not_divided_by_m = patch("DeepClassifier.backward", "This looks like dZ of the output layer not divided by m: here "
    "linear steps do not divide, so divide AL - T by m once before the loop.",
    {"dZ = dZ / m": "",
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W',
     "dA *= D_prev\ndA *= 1 / self.keep_prob": "dA = dA * D_prev / self.keep_prob"})

derivative_at_A_instead_of_Z = patch("DeepClassifier.backward", "This looks like the activation's derivative taken at "
    "the layer's output A instead of at its Z: tanh'(Z) = 1 - tanh(Z)^2 needs the cached Z.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W',
     "if l > 1:": "if l > 1:\n    dA = W.T @ dZ",
     "dA = W.T @ dZ\nif D_prev is not None:\n    dA *= D_prev\n    dA *= 1 / self.keep_prob\n"
     "dZ = g_backward(dA, Z_prev)":
      "if D_prev is not None:\n    dA = dA * D_prev / self.keep_prob\ndZ = g_backward(dA, A_prev)"})

db_without_keepdims = patch("DeepClassifier.backward", "This looks like db summed without keepdims=True: db must have "
    "the shape (n_l, 1) of b.",
    {'dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T\ndZ = dZ / m':
      'dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m',
     'dW = dZ @ A_prev.T\nif self.lambd > 0:\n    dW += (self.lambd / m) * W\ngrads[f"dW{l}"] = dW\n'
     'grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)':
      'grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W\ngrads[f"db{l}"] = np.sum(dZ, axis=1)',
     "dA *= D_prev\ndA *= 1 / self.keep_prob": "dA = dA * D_prev / self.keep_prob"})

# ---------------------------------------------------------------------------------------- fit
adam_with_t_from_zero = patch("DeepClassifier.fit", "This looks like Adam's counter t used before it is increased, so "
    "the first update has t = 0 and divides by 1 - beta1^0 = 0: count the update first.",
    {"self.t_ += 1": "", "if bar is not None:": "self.t_ += 1\nif bar is not None:"})

cost_not_weighted_by_batch_size = patch("DeepClassifier.fit", "This looks like the mini-batch costs added up without "
    "weighting each by its number of examples n, then divided by m: the epoch's cost is a mean over the examples.",
    {"cost_total += self.cost(AL, Tb) * n": "cost_total += self.cost(AL, Tb)"})

forward_without_training = patch("DeepClassifier.fit", "This looks like forward called without training=True in fit: "
    "no unit is ever dropped, so dropout does not regularise.",
    {"AL, caches = self.forward(Xb, training=True)": "AL, caches = self.forward(Xb)"})

learning_rate_not_decayed = patch("DeepClassifier.fit", "This looks like every update made with self.learning_rate: "
    "pass the epoch's decayed learning_rate to update_parameters.",
    {"update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,":
      "update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, self.learning_rate,"})

cost_after_the_update = patch("DeepClassifier.fit", "This looks like the cost recorded after the mini-batch's update: "
    "history_['cost'] holds the cost of the forward pass whose gradients are applied.",
    {"cost_total += self.cost(AL, Tb) * n": "",
     "if bar is not None:": "cost_total += self.cost(self.forward(Xb, training=True)[0], Tb) * n\nif bar is not None:"})

# ------------------------------------------------------------------------------ predict_proba
with_dropout = patch("DeepClassifier.predict_proba", "This looks like a forward pass with training=True: predictions "
    "use the whole network, without dropout.",
    {"AL, _ = self.forward(np.asarray(X, dtype=self.dtype))":
      "AL, _ = self.forward(np.asarray(X, dtype=self.dtype), training=True)"})

returns_the_caches_too = patch("DeepClassifier.predict_proba", "This looks like the whole (AL, caches) pair that "
    "forward returns: predict_proba returns the probabilities AL only.",
    {"AL, _ = self.forward(np.asarray(X, dtype=self.dtype))": "AL = self.forward(np.asarray(X, dtype=self.dtype))"})

output_activation_applied_twice = patch("DeepClassifier.predict_proba", "This looks like the output activation "
    "applied again to forward's output, which already ends with the softmax or the sigmoid: apply it once.",
    {"return AL": 'AL = softmax(AL) if self.output == "softmax" else sigmoid(AL)\nreturn AL'})

# ------------------------------------------------------------------------------------ predict
argmax_over_rows = patch("DeepClassifier.predict", "This looks like np.argmax over axis=1, one answer per class: the "
    "classes are the rows, so take the argmax of each column (axis=0).",
    {"predictions = np.argmax(AL, axis=0).astype(np.int64)": "predictions = np.argmax(AL, axis=1)"})

booleans_for_the_sigmoid = patch("DeepClassifier.predict", "This looks like the booleans of AL > 0.5 returned as they "
    "are: the sigmoid predictions are the floats 0.0 and 1.0.",
    {"predictions = np.argmax(AL, axis=0).astype(np.int64)": "predictions = np.argmax(AL, axis=0)",
     "predictions = (AL > 0.5).astype(np.float64)": "predictions = AL > 0.5"})

argmax_for_the_sigmoid = patch("DeepClassifier.predict", "This looks like np.argmax for the sigmoid output too: with "
    "one unit the argmax is always 0, so compare the probability with 0.5 instead.",
    {'if self.output == "softmax":\n    predictions = np.argmax(AL, axis=0).astype(np.int64)\nelse:\n'
     "    predictions = (AL > 0.5).astype(np.float64)": "predictions = np.argmax(AL, axis=0)"})

rounded_probabilities = patch("DeepClassifier.predict", "This looks like the probabilities rounded for the softmax "
    "output too: with C classes the prediction is the index of the most probable class.",
    {'if self.output == "softmax":\n    predictions = np.argmax(AL, axis=0).astype(np.int64)\nelse:\n'
     "    predictions = (AL > 0.5).astype(np.float64)": "predictions = np.round(AL).astype(np.float64)"})

# -------------------------------------------------------------------------------------- score
count_not_fraction = patch("DeepClassifier.score", "This looks like the number of right predictions: the accuracy is "
    "their fraction, between 0 and 1.",
    {"accuracy = np.mean(self.predict(X) == self.labels(Y))": "accuracy = np.sum(self.predict(X) == self.labels(Y))"})

compared_with_raw_labels = patch("DeepClassifier.score", "This looks like the predictions compared with Y as given: "
    "convert the labels first (self.labels), as Y may be one-hot.",
    {"accuracy = np.mean(self.predict(X) == self.labels(Y))": "accuracy = np.mean(self.predict(X) == np.asarray(Y))"})

error_rate = patch("DeepClassifier.score", "This looks like the error rate, the fraction of wrong predictions: the "
    "accuracy is the fraction of right ones.",
    {"accuracy = np.mean(self.predict(X) == self.labels(Y))": "accuracy = np.mean(self.predict(X) != self.labels(Y))"})

percentage = patch("DeepClassifier.score", "This looks like a percentage: the accuracy is a fraction between 0 and 1.",
    {"accuracy = np.mean(self.predict(X) == self.labels(Y))":
      "accuracy = 100 * np.mean(self.predict(X) == self.labels(Y))"})

# --------------------------------------------------------------------------------------- save
weights_at_the_root = patch("DeepClassifier.save", "This looks like the weights written at the root of the file: they "
    "belong in the group 'parameters' (parameters/W1, ...).",
    {'f.create_dataset(f"parameters/{key}", data=value)': "f.create_dataset(key, data=value)"})

hyper_parameters_as_str = patch("DeepClassifier.save", "This looks like the hyper-parameters written with str(): "
    "write them as JSON (json.dumps) so that load can read them back.",
    {'f.attrs["hyper_parameters"] = json.dumps(self.get_params())':
      'f.attrs["hyper_parameters"] = str(self.get_params())'})

biases_not_saved = patch("DeepClassifier.save", "This looks like only the weights W saved: the biases b are "
    "parameters too.",
    {'f.create_dataset(f"parameters/{key}", data=value)':
      'if key.startswith("W"):\n    f.create_dataset(f"parameters/{key}", data=value)'})

no_format_attribute = patch("DeepClassifier.save", "This looks like a file without the attributes format and "
    "format_version: load recognises a saved model by them.",
    {'f.attrs["format"] = FORMAT\nf.attrs["format_version"] = FORMAT_VERSION': ""})

# --------------------------------------------------------------------------------------- load
format_not_checked = patch("DeepClassifier.load", "This looks like a load that does not check the format attribute: "
    "an HDF5 file that is not a saved model must raise a ValueError.",
    {'raise ValueError(f"{path} is not a saved DeepClassifier: it is not an HDF5 file.") from None':
      'raise ValueError(f"{path} is not an HDF5 file") from None',
     'if f.attrs.get("format") != FORMAT or "parameters" not in f:\n'
     '    raise ValueError(f"{path} is not a saved DeepClassifier: it has no format attribute {FORMAT!r}.")': ""})

oserror_not_caught = patch("DeepClassifier.load", "This looks like h5py's OSError let through for a file that is not "
    "HDF5: catch it and raise a ValueError that says the file is not a saved model.",
    {'try:\n    f = h5py.File(path, "r")\nexcept OSError:\n'
     '    raise ValueError(f"{path} is not a saved DeepClassifier: it is not an HDF5 file.") from None\nwith f:\n'
     '    if f.attrs.get("format") != FORMAT or "parameters" not in f:\n'
     '        raise ValueError(f"{path} is not a saved DeepClassifier: it has no format attribute {FORMAT!r}.")':
      'with h5py.File(path, "r") as f:\n    if f.attrs.get("format") != FORMAT:\n'
      '        raise ValueError(f"{path} is not a saved DeepClassifier")'})

parameters_not_restored = patch("DeepClassifier.load", "This looks like a new model built from the hyper-parameters "
    "without the saved weights: set its parameters from the group 'parameters'.",
    {'raise ValueError(f"{path} is not a saved DeepClassifier: it is not an HDF5 file.") from None':
      'raise ValueError(f"{path} is not an HDF5 file") from None',
     'if f.attrs.get("format") != FORMAT or "parameters" not in f:\n'
     '    raise ValueError(f"{path} is not a saved DeepClassifier: it has no format attribute {FORMAT!r}.")':
      'if f.attrs.get("format") != FORMAT:\n    raise ValueError(f"{path} is not a saved DeepClassifier")',
     'model.parameters = {key: f["parameters"][key][()] for key in model.parameters}': ""})

only_layer_dims_restored = patch("DeepClassifier.load", "This looks like a model rebuilt from layer_dims alone: pass "
    "every saved hyper-parameter to the constructor (output, dtype, keep_prob, ...).",
    {'raise ValueError(f"{path} is not a saved DeepClassifier: it is not an HDF5 file.") from None':
      'raise ValueError(f"{path} is not an HDF5 file") from None',
     'if f.attrs.get("format") != FORMAT or "parameters" not in f:\n'
     '    raise ValueError(f"{path} is not a saved DeepClassifier: it has no format attribute {FORMAT!r}.")\n'
     'model = cls(**json.loads(f.attrs["hyper_parameters"]))':
      'if f.attrs.get("format") != FORMAT:\n    raise ValueError(f"{path} is not a saved DeepClassifier")\n'
      'hyper_parameters = json.loads(f.attrs["hyper_parameters"])\nmodel = cls(hyper_parameters["layer_dims"])'})
