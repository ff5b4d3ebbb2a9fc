"""Mistakes learners make in week7/trainer.py (see grader/tools/mistakes.py).

Each entry is a ``DeepClassifier`` method written as a plain function with ``self`` first; it replaces
that method inside the reference class, so its body uses the trainer module's names: ``np``,
``json``, ``math``, ``Path``, ``EPS``, ``FORMAT``, ``FORMAT_VERSION``, ``HIDDEN``, ``DECAYS``,
``softmax``, ``sigmoid``, ``softmax_backward``, ``compute_cost_softmax``, ``relu``...
"""
import numpy as np

from grader.tools.mistakes import mistake


# ------------------------------------------------------------------------------------ forward
@mistake("DeepClassifier.forward", "This looks like dropout without the division by keep_prob: the kept units "
                                   "must be scaled up so that their expected value does not change.")
def dropout_without_rescaling(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    dropout = training and self.keep_prob < 1
    g = HIDDEN[self.hidden_activation][0]
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A_next = g(Z)
            if dropout:
                D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob
                A_next = A_next * D
        else:
            A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)
        caches.append(((A, W, b), Z, D))
        A = A_next
    return A, caches


@mistake("DeepClassifier.forward", "This looks like dropout applied to the output layer too: only the hidden "
                                   "layers are dropped, the output layer's D is None.")
def dropout_on_the_output_layer(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    dropout = training and self.keep_prob < 1
    g = HIDDEN[self.hidden_activation][0]
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        A_next = g(Z) if l < L else (softmax(Z) if self.output == "softmax" else sigmoid(Z))
        D = None
        if dropout:
            D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob
            A_next = A_next * D / self.keep_prob
        caches.append(((A, W, b), Z, D))
        A = A_next
    return A, caches


@mistake("DeepClassifier.forward", "This looks like dropout whenever keep_prob < 1, also when training is False: "
                                   "predictions use the whole network, so drop units only when training.")
def dropout_when_not_training(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    g = HIDDEN[self.hidden_activation][0]
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A_next = g(Z)
            if self.keep_prob < 1:
                D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob
                A_next = A_next * D / self.keep_prob
        else:
            A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)
        caches.append(((A, W, b), Z, D))
        A = A_next
    return A, caches


@mistake("DeepClassifier.forward", "This looks like a mask that keeps a unit when the random number is above "
                                   "keep_prob, so each unit is kept with probability 1 - keep_prob.")
def mask_keeps_with_probability_one_minus_keep_prob(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    dropout = training and self.keep_prob < 1
    g = HIDDEN[self.hidden_activation][0]
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A_next = g(Z)
            if dropout:
                D = rng.random(A_next.shape, dtype=A_next.dtype) > self.keep_prob
                A_next = A_next * D / self.keep_prob
        else:
            A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)
        caches.append(((A, W, b), Z, D))
        A = A_next
    return A, caches


@mistake("DeepClassifier.forward", "This looks like ReLU on every hidden layer whatever hidden_activation says: "
                                   "use the activation it names (tanh or relu).")
def relu_whatever_the_hidden_activation(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    dropout = training and self.keep_prob < 1
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A_next = np.maximum(Z, 0)
            if dropout:
                D = rng.random(A_next.shape, dtype=A_next.dtype) < self.keep_prob
                A_next = A_next * D / self.keep_prob
        else:
            A_next = softmax(Z) if self.output == "softmax" else sigmoid(Z)
        caches.append(((A, W, b), Z, D))
        A = A_next
    return A, caches


@mistake("DeepClassifier.forward", "This looks like the layer's own output cached in place of A_prev, the input "
                                   "the layer received: the backward pass needs A_prev.")
def caches_A_instead_of_A_prev(self, X, parameters=None, training=False, rng=None):
    parameters = self.parameters if parameters is None else parameters
    rng = self.rng if rng is None else np.random.default_rng(rng)
    dropout = training and self.keep_prob < 1
    g = HIDDEN[self.hidden_activation][0]
    L = len(self.layer_dims) - 1
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A = g(Z)
            if dropout:
                D = rng.random(A.shape, dtype=A.dtype) < self.keep_prob
                A = A * D / self.keep_prob
        else:
            A = softmax(Z) if self.output == "softmax" else sigmoid(Z)
        caches.append(((A, W, b), Z, D))
    return A, caches


# --------------------------------------------------------------------------------------- cost
@mistake("DeepClassifier.cost", "This looks like the L2 term without its 1/m: it is lambd / (2m) times the sum "
                                "of the squared weights.")
def l2_without_one_over_m(self, AL, T, parameters=None):
    parameters = self.parameters if parameters is None else parameters
    m = T.shape[1]
    L = len(self.layer_dims) - 1
    if self.output == "softmax":
        cost = compute_cost_softmax(AL, T)
    else:
        A = np.clip(AL, EPS, 1 - EPS)
        cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)
    if self.lambd > 0:
        cost += self.lambd / 2 * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))
    return float(np.squeeze(cost))


@mistake("DeepClassifier.cost", "This looks like the L2 term without its 1/2: it is lambd / (2m) times the sum "
                                "of the squared weights.")
def l2_without_one_half(self, AL, T, parameters=None):
    parameters = self.parameters if parameters is None else parameters
    m = T.shape[1]
    L = len(self.layer_dims) - 1
    if self.output == "softmax":
        cost = compute_cost_softmax(AL, T)
    else:
        A = np.clip(AL, EPS, 1 - EPS)
        cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)
    if self.lambd > 0:
        cost += self.lambd / m * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))
    return float(np.squeeze(cost))


@mistake("DeepClassifier.cost", "This looks like the biases included in the L2 term: only the weights W are "
                                "penalised.")
def l2_includes_the_biases(self, AL, T, parameters=None):
    parameters = self.parameters if parameters is None else parameters
    m = T.shape[1]
    if self.output == "softmax":
        cost = compute_cost_softmax(AL, T)
    else:
        A = np.clip(AL, EPS, 1 - EPS)
        cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)
    if self.lambd > 0:
        cost += self.lambd / (2 * m) * sum(np.sum(np.square(value)) for value in parameters.values())
    return float(np.squeeze(cost))


@mistake("DeepClassifier.cost", "This looks like the square of the sum of each W instead of the sum of its "
                                "squared entries.")
def square_of_the_sum(self, AL, T, parameters=None):
    parameters = self.parameters if parameters is None else parameters
    m = T.shape[1]
    L = len(self.layer_dims) - 1
    if self.output == "softmax":
        cost = compute_cost_softmax(AL, T)
    else:
        A = np.clip(AL, EPS, 1 - EPS)
        cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)
    if self.lambd > 0:
        cost += self.lambd / (2 * m) * sum(np.sum(parameters[f"W{l}"]) ** 2 for l in range(1, L + 1))
    return float(np.squeeze(cost))


@mistake("DeepClassifier.cost", "This looks like the categorical cross-entropy used for the sigmoid output too: "
                                "with one sigmoid unit the cost also has the (1 - T) log(1 - AL) term.")
def categorical_cost_for_the_sigmoid(self, AL, T, parameters=None):
    parameters = self.parameters if parameters is None else parameters
    m = T.shape[1]
    L = len(self.layer_dims) - 1
    cost = compute_cost_softmax(AL, T)
    if self.lambd > 0:
        cost += self.lambd / (2 * m) * sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, L + 1))
    return float(np.squeeze(cost))


@mistake("DeepClassifier.cost", "This looks like the cross-entropy alone although lambd > 0: the cost adds the L2 "
                                "term of the squared weights.")
def l2_term_missing(self, AL, T, parameters=None):
    m = T.shape[1]
    if self.output == "softmax":
        cost = compute_cost_softmax(AL, T)
    else:
        A = np.clip(AL, EPS, 1 - EPS)
        cost = float(-np.sum(T * np.log(A) + (1 - T) * np.log(1 - A)) / m)
    return float(np.squeeze(cost))


# ----------------------------------------------------------------------------------- backward
@mistake("DeepClassifier.backward", "This looks like the backward pass ignoring the dropout masks: the units "
                                    "dropped in the forward pass get no gradient, so multiply dA by the cached "
                                    "mask D of the layer below and divide by keep_prob.")
def dropout_mask_not_applied(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dZ = g_backward(W.T @ dZ, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like dA multiplied by the dropout mask but not divided by "
                                    "keep_prob: the backward pass must scale exactly as the forward pass did.")
def dropout_mask_not_rescaled(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev
            dZ = g_backward(dA, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like new dropout masks drawn in the backward pass: use the masks "
                                    "D that the forward pass cached, the units it really dropped.")
def fresh_masks_in_backward(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                D_new = self.rng.random(dA.shape) < self.keep_prob
                dA = dA * D_new / self.keep_prob
            dZ = g_backward(dA, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like the L2 gradient lambd * W without its 1/m: the derivative "
                                    "of lambd / (2m) times the squared weights is lambd / m times W.")
def l2_gradient_without_one_over_m(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + self.lambd * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / self.keep_prob
            dZ = g_backward(dA, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like the gradients without the L2 term although lambd > 0: the cost "
                                    "has a penalty, so every dW gets its derivative too.")
def l2_gradient_forgotten(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / self.keep_prob
            dZ = g_backward(dA, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like dZ of the output layer not divided by m: here linear steps "
                                    "do not divide, so divide AL - T by m once before the loop.")
def not_divided_by_m(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = softmax_backward(AL, T) if self.output == "softmax" else AL - T
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / self.keep_prob
            dZ = g_backward(dA, Z_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like the activation's derivative taken at the layer's output A "
                                    "instead of at its Z: tanh'(Z) = 1 - tanh(Z)^2 needs the cached Z.")
def derivative_at_A_instead_of_Z(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = W.T @ dZ
            _, Z_prev, D_prev = caches[l - 2]
            if D_prev is not None:
                dA = dA * D_prev / self.keep_prob
            dZ = g_backward(dA, A_prev)
    return grads


@mistake("DeepClassifier.backward", "This looks like db summed without keepdims=True: db must have the shape "
                                    "(n_l, 1) of b.")
def db_without_keepdims(self, AL, T, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    g_backward = HIDDEN[self.hidden_activation][1]
    dZ = (softmax_backward(AL, T) if self.output == "softmax" else AL - T) / m
    for l in range(L, 0, -1):
        (A_prev, W, b), Z, D = caches[l - 1]
        grads[f"dW{l}"] = dZ @ A_prev.T + (self.lambd / m) * W
        grads[f"db{l}"] = np.sum(dZ, axis=1)
        if l > 1:
            _, Z_prev, D_prev = caches[l - 2]
            dA = W.T @ dZ
            if D_prev is not None:
                dA = dA * D_prev / self.keep_prob
            dZ = g_backward(dA, Z_prev)
    return grads


# ---------------------------------------------------------------------------------------- fit
@mistake("DeepClassifier.fit", "This looks like Adam's counter t used before it is increased, so the first "
                               "update has t = 0 and divides by 1 - beta1^0 = 0: count the update first.")
def adam_with_t_from_zero(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    m = X.shape[1]
    X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)
    T_rows = np.ascontiguousarray(self.targets(Y).T)
    batch_size = min(self.mini_batch_size, m)
    X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)
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
            Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T
            Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T
            AL, caches = self.forward(Xb, training=True)
            cost_total += self.cost(AL, Tb) * n
            correct += self.count_correct(AL, Tb)
            grads = self.backward(AL, Tb, caches)
            update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,
                              self.optimizer)
            self.t_ += 1
            if bar is not None:
                bar.update(epoch, k, cost_total / min(k * batch_size, m))
        self.history_["cost"].append(cost_total / m)
        self.history_["train_accuracy"].append(correct / m)
        if X_val is not None:
            self.history_["val_accuracy"].append(self.score(X_val, Y_val))
    return self


@mistake("DeepClassifier.fit", "This looks like the mini-batch costs added up without weighting each by its "
                               "number of examples n, then divided by m: the epoch's cost is a mean over the "
                               "examples.")
def cost_not_weighted_by_batch_size(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    m = X.shape[1]
    X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)
    T_rows = np.ascontiguousarray(self.targets(Y).T)
    batch_size = min(self.mini_batch_size, m)
    X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)
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
            Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T
            Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T
            AL, caches = self.forward(Xb, training=True)
            cost_total += self.cost(AL, Tb)
            correct += self.count_correct(AL, Tb)
            grads = self.backward(AL, Tb, caches)
            self.t_ += 1
            update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,
                              self.optimizer)
            if bar is not None:
                bar.update(epoch, k, cost_total / min(k * batch_size, m))
        self.history_["cost"].append(cost_total / m)
        self.history_["train_accuracy"].append(correct / m)
        if X_val is not None:
            self.history_["val_accuracy"].append(self.score(X_val, Y_val))
    return self


@mistake("DeepClassifier.fit", "This looks like forward called without training=True in fit: no unit is ever "
                               "dropped, so dropout does not regularise.")
def forward_without_training(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    m = X.shape[1]
    X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)
    T_rows = np.ascontiguousarray(self.targets(Y).T)
    batch_size = min(self.mini_batch_size, m)
    X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)
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
            Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T
            Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T
            AL, caches = self.forward(Xb)
            cost_total += self.cost(AL, Tb) * n
            correct += self.count_correct(AL, Tb)
            grads = self.backward(AL, Tb, caches)
            self.t_ += 1
            update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,
                              self.optimizer)
            if bar is not None:
                bar.update(epoch, k, cost_total / min(k * batch_size, m))
        self.history_["cost"].append(cost_total / m)
        self.history_["train_accuracy"].append(correct / m)
        if X_val is not None:
            self.history_["val_accuracy"].append(self.score(X_val, Y_val))
    return self


@mistake("DeepClassifier.fit", "This looks like every update made with self.learning_rate: pass the epoch's "
                               "decayed learning_rate to update_parameters.")
def learning_rate_not_decayed(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    m = X.shape[1]
    X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)
    T_rows = np.ascontiguousarray(self.targets(Y).T)
    batch_size = min(self.mini_batch_size, m)
    X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)
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
            Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T
            Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T
            AL, caches = self.forward(Xb, training=True)
            cost_total += self.cost(AL, Tb) * n
            correct += self.count_correct(AL, Tb)
            grads = self.backward(AL, Tb, caches)
            self.t_ += 1
            update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, self.learning_rate,
                              self.optimizer)
            if bar is not None:
                bar.update(epoch, k, cost_total / min(k * batch_size, m))
        self.history_["cost"].append(cost_total / m)
        self.history_["train_accuracy"].append(correct / m)
        if X_val is not None:
            self.history_["val_accuracy"].append(self.score(X_val, Y_val))
    return self


@mistake("DeepClassifier.fit", "This looks like the cost recorded after the mini-batch's update: "
                               "history_['cost'] holds the cost of the forward pass whose gradients are applied.")
def cost_after_the_update(self, X, Y, num_epochs=10, X_val=None, Y_val=None, verbose=False):
    if X.shape[0] != self.layer_dims[0]:
        raise ValueError(f"X has {X.shape[0]} features (rows) but the network expects {self.layer_dims[0]}")
    m = X.shape[1]
    X_rows = np.ascontiguousarray(X.T, dtype=self.dtype)
    T_rows = np.ascontiguousarray(self.targets(Y).T)
    batch_size = min(self.mini_batch_size, m)
    X_buffer = np.empty((batch_size, X_rows.shape[1]), dtype=self.dtype)
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
            Xb = np.take(X_rows, batch, axis=0, out=X_buffer[:n]).T
            Tb = np.take(T_rows, batch, axis=0, out=T_buffer[:n]).T
            AL, caches = self.forward(Xb, training=True)
            correct += self.count_correct(AL, Tb)
            grads = self.backward(AL, Tb, caches)
            self.t_ += 1
            update_parameters(self.parameters, grads, self.optimizer_state_, self.t_, learning_rate,
                              self.optimizer)
            cost_total += self.cost(self.forward(Xb, training=True)[0], Tb) * n
            if bar is not None:
                bar.update(epoch, k, cost_total / min(k * batch_size, m))
        self.history_["cost"].append(cost_total / m)
        self.history_["train_accuracy"].append(correct / m)
        if X_val is not None:
            self.history_["val_accuracy"].append(self.score(X_val, Y_val))
    return self


# ------------------------------------------------------------------------------ predict_proba
@mistake("DeepClassifier.predict_proba", "This looks like a forward pass with training=True: predictions use the "
                                         "whole network, without dropout.")
def with_dropout(self, X):
    AL, _ = self.forward(np.asarray(X, dtype=self.dtype), training=True)
    return AL


@mistake("DeepClassifier.predict_proba", "This looks like the whole (AL, caches) pair that forward returns: "
                                         "predict_proba returns the probabilities AL only.")
def returns_the_caches_too(self, X):
    AL = self.forward(np.asarray(X, dtype=self.dtype))
    return AL


@mistake("DeepClassifier.predict_proba", "This looks like the output activation applied again to forward's output, "
                                         "which already ends with the softmax or the sigmoid: apply it once.")
def output_activation_applied_twice(self, X):
    AL, _ = self.forward(np.asarray(X, dtype=self.dtype))
    AL = softmax(AL) if self.output == "softmax" else sigmoid(AL)
    return AL


# ------------------------------------------------------------------------------------ predict
@mistake("DeepClassifier.predict", "This looks like np.argmax over axis=1, one answer per class: the classes are "
                                   "the rows, so take the argmax of each column (axis=0).")
def argmax_over_rows(self, X):
    AL = self.predict_proba(X)
    if self.output == "softmax":
        predictions = np.argmax(AL, axis=1)
    else:
        predictions = (AL > 0.5).astype(np.float64)
    return predictions


@mistake("DeepClassifier.predict", "This looks like the booleans of AL > 0.5 returned as they are: the sigmoid "
                                   "predictions are the floats 0.0 and 1.0.")
def booleans_for_the_sigmoid(self, X):
    AL = self.predict_proba(X)
    if self.output == "softmax":
        predictions = np.argmax(AL, axis=0)
    else:
        predictions = AL > 0.5
    return predictions


@mistake("DeepClassifier.predict", "This looks like np.argmax for the sigmoid output too: with one unit the "
                                   "argmax is always 0, so compare the probability with 0.5 instead.")
def argmax_for_the_sigmoid(self, X):
    AL = self.predict_proba(X)
    predictions = np.argmax(AL, axis=0)
    return predictions


@mistake("DeepClassifier.predict", "This looks like the probabilities rounded for the softmax output too: with "
                                   "C classes the prediction is the index of the most probable class.")
def rounded_probabilities(self, X):
    AL = self.predict_proba(X)
    predictions = np.round(AL).astype(np.float64)
    return predictions


# -------------------------------------------------------------------------------------- score
@mistake("DeepClassifier.score", "This looks like the number of right predictions: the accuracy is their "
                                 "fraction, between 0 and 1.")
def count_not_fraction(self, X, Y):
    accuracy = np.sum(self.predict(X) == self.labels(Y))
    return float(accuracy)


@mistake("DeepClassifier.score", "This looks like the predictions compared with Y as given: convert the labels "
                                 "first (self.labels), as Y may be one-hot.")
def compared_with_raw_labels(self, X, Y):
    accuracy = np.mean(self.predict(X) == np.asarray(Y))
    return float(accuracy)


@mistake("DeepClassifier.score", "This looks like the error rate, the fraction of wrong predictions: the "
                                 "accuracy is the fraction of right ones.")
def error_rate(self, X, Y):
    accuracy = np.mean(self.predict(X) != self.labels(Y))
    return float(accuracy)


@mistake("DeepClassifier.score", "This looks like a percentage: the accuracy is a fraction between 0 and 1.")
def percentage(self, X, Y):
    accuracy = 100 * np.mean(self.predict(X) == self.labels(Y))
    return float(accuracy)


# --------------------------------------------------------------------------------------- save
@mistake("DeepClassifier.save", "This looks like the weights written at the root of the file: they belong in "
                                "the group 'parameters' (parameters/W1, ...).")
def weights_at_the_root(self, path):
    import h5py

    with h5py.File(path, "w") as f:
        f.attrs["format"] = FORMAT
        f.attrs["format_version"] = FORMAT_VERSION
        f.attrs["hyper_parameters"] = json.dumps(self.get_params())
        for key, value in self.parameters.items():
            f.create_dataset(key, data=value)


@mistake("DeepClassifier.save", "This looks like the hyper-parameters written with str(): write them as JSON "
                                "(json.dumps) so that load can read them back.")
def hyper_parameters_as_str(self, path):
    import h5py

    with h5py.File(path, "w") as f:
        f.attrs["format"] = FORMAT
        f.attrs["format_version"] = FORMAT_VERSION
        f.attrs["hyper_parameters"] = str(self.get_params())
        for key, value in self.parameters.items():
            f.create_dataset(f"parameters/{key}", data=value)


@mistake("DeepClassifier.save", "This looks like only the weights W saved: the biases b are parameters too.")
def biases_not_saved(self, path):
    import h5py

    with h5py.File(path, "w") as f:
        f.attrs["format"] = FORMAT
        f.attrs["format_version"] = FORMAT_VERSION
        f.attrs["hyper_parameters"] = json.dumps(self.get_params())
        for key, value in self.parameters.items():
            if key.startswith("W"):
                f.create_dataset(f"parameters/{key}", data=value)


@mistake("DeepClassifier.save", "This looks like a file without the attributes format and format_version: "
                                "load recognises a saved model by them.")
def no_format_attribute(self, path):
    import h5py

    with h5py.File(path, "w") as f:
        f.attrs["hyper_parameters"] = json.dumps(self.get_params())
        for key, value in self.parameters.items():
            f.create_dataset(f"parameters/{key}", data=value)


# --------------------------------------------------------------------------------------- load
@mistake("DeepClassifier.load", "This looks like a load that does not check the format attribute: an HDF5 file "
                                "that is not a saved model must raise a ValueError.")
def format_not_checked(cls, path):
    import h5py

    if not Path(path).is_file():
        raise FileNotFoundError(f"no such file: {path}")
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise ValueError(f"{path} is not an HDF5 file") from None
    with f:
        model = cls(**json.loads(f.attrs["hyper_parameters"]))
        model.parameters = {key: f["parameters"][key][()] for key in model.parameters}
    return model


@mistake("DeepClassifier.load", "This looks like h5py's OSError let through for a file that is not HDF5: catch "
                                "it and raise a ValueError that says the file is not a saved model.")
def oserror_not_caught(cls, path):
    import h5py

    if not Path(path).is_file():
        raise FileNotFoundError(f"no such file: {path}")
    with h5py.File(path, "r") as f:
        if f.attrs.get("format") != FORMAT:
            raise ValueError(f"{path} is not a saved DeepClassifier")
        model = cls(**json.loads(f.attrs["hyper_parameters"]))
        model.parameters = {key: f["parameters"][key][()] for key in model.parameters}
    return model


@mistake("DeepClassifier.load", "This looks like a new model built from the hyper-parameters without the saved "
                                "weights: set its parameters from the group 'parameters'.")
def parameters_not_restored(cls, path):
    import h5py

    if not Path(path).is_file():
        raise FileNotFoundError(f"no such file: {path}")
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise ValueError(f"{path} is not an HDF5 file") from None
    with f:
        if f.attrs.get("format") != FORMAT:
            raise ValueError(f"{path} is not a saved DeepClassifier")
        model = cls(**json.loads(f.attrs["hyper_parameters"]))
    return model


@mistake("DeepClassifier.load", "This looks like a model rebuilt from layer_dims alone: pass every saved "
                                "hyper-parameter to the constructor (output, dtype, keep_prob, ...).")
def only_layer_dims_restored(cls, path):
    import h5py

    if not Path(path).is_file():
        raise FileNotFoundError(f"no such file: {path}")
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise ValueError(f"{path} is not an HDF5 file") from None
    with f:
        if f.attrs.get("format") != FORMAT:
            raise ValueError(f"{path} is not a saved DeepClassifier")
        hyper_parameters = json.loads(f.attrs["hyper_parameters"])
        model = cls(hyper_parameters["layer_dims"])
        model.parameters = {key: f["parameters"][key][()] for key in model.parameters}
    return model
