"""Mistakes learners make in week8/cnn.py (see grader/tools/mistakes.py).

Each entry changes lines of the reference's definition of one method of ``ConvNet``, so its code
uses that module's names: ``np``, ``h5py`` (imported in the methods), the given ``softmax``,
``compute_cost_softmax``, ``adam_step``, ``POOL``, ``CHUNK``, ``FORMAT`` and ``conv_fast``'s functions.
"""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------------------------- forward
relu_forgotten = patch("ConvNet.forward", "This looks like a block without its ReLU: after the pooling, negative "
    "values "
    "become 0.",
    {"A = np.maximum(P, 0)": "A = P"})

examples_mixed_in_the_flattening = patch("ConvNet.forward", "This looks like A.reshape(-1, m): it cuts the "
    "examples' pixels into columns in memory order and mixes the examples; flatten each example with "
    "A.reshape(m, -1), then transpose to one column per example.",
    {"A_prev = A.reshape(A.shape[0], -1).T": "A_prev = A.reshape(-1, A.shape[0])"})

output_layer_of_the_model = patch("ConvNet.forward", "This looks like the output layer taken from self.parameters: "
    "forward uses the parameters it is given (a gradient check moves one weight of a copy).",
    {'W, b = parameters[f"W{L}"], parameters[f"b{L}"]': 'W, b = self.parameters[f"W{L}"], self.parameters[f"b{L}"]'})

output_bias_forgotten = patch("ConvNet.forward", "This looks like the output layer without its bias: Z = W A_prev + b.",
    {"Z += b": "Z += 0"})

# ---------------------------------------------------------------------------------------- cost
labels_not_one_hot = patch("ConvNet.cost", "This looks like the labels given to compute_cost_softmax as they are: "
    "it takes one-hot targets (n_classes, m), which self.targets(Y, m) makes from labels.",
    {"cost = compute_cost_softmax(AL, self.targets(Y, AL.shape[1]))": "cost = compute_cost_softmax(AL, Y)"})

summed_over_the_examples = patch("ConvNet.cost", "This looks like the summed loss: the cost is the mean over the m "
    "examples.",
    {"cost = compute_cost_softmax(AL, self.targets(Y, AL.shape[1]))":
     "cost = compute_cost_softmax(AL, self.targets(Y, AL.shape[1])) * AL.shape[1]"})

mean_over_every_entry = patch("ConvNet.cost", "This looks like np.mean over every entry of Y log(AL), which divides "
    "by n_classes * m: sum over the classes, then take the mean over the examples.",
    {"cost = compute_cost_softmax(AL, self.targets(Y, AL.shape[1]))":
     "cost = -np.mean(self.targets(Y, AL.shape[1]) * np.log(AL))"})

# ------------------------------------------------------------------------------------ backward
dZ_not_divided_by_m = patch("ConvNet.backward", "This looks like dZ = AL - T without the division by m: the cost is a "
    "mean, so is its gradient.",
    {"dZ = (AL - T) / m": "dZ = AL - T"})

relu_mask_forgotten = patch("ConvNet.backward", "This looks like the ReLU skipped on the way back: the gradient "
    "passes only where the block's output was positive, dA * (P > 0).",
    {"dP = dA * (P > 0)": "dP = dA"})

flat_gradient_not_transposed = patch("ConvNet.backward", "This looks like W.T @ dZ reshaped without its transpose: its "
    "columns are the examples, so transpose it to (m, n_flat) before reshaping it to the block's images.",
    {"dA = (W.T @ dZ).T.reshape(m, *self.layer_shapes[-1])": "dA = (W.T @ dZ).reshape(m, *self.layer_shapes[-1])"})

output_db_without_keepdims = patch("ConvNet.backward", "This looks like db of the output layer summed without "
    "keepdims=True: it must have b's shape, (n_classes, 1).",
    {'grads[f"db{L}"] = np.sum(dZ, axis=1, keepdims=True)': 'grads[f"db{L}"] = np.sum(dZ, axis=1)'})

# ----------------------------------------------------------------------------------------- fit
updates_not_counted = patch("ConvNet.fit", "This looks like Adam called with t_ not counted up first: t counts the "
    "updates from 1 (with t = 0 the bias correction divides by zero).",
    {"self.t_ += 1": "pass"})

cost_not_weighted = patch("ConvNet.fit", "This looks like the mini-batches' costs added without their sizes: the "
    "epoch's cost is the mean over its examples, each batch's cost times its n examples, divided by m.",
    {"cost_total += cost * n": "cost_total += cost"})

every_example_counted_right = patch("ConvNet.fit", "This looks like the mini-batch's size added to the right answers: "
    "count only the examples whose most probable class is the label.",
    {"correct += n_correct": "correct += n"})

# ------------------------------------------------------------------------------- predict_proba
caches_returned = patch("ConvNet.predict_proba", "This looks like forward's whole result (AL, caches) returned: "
    "predict_proba returns the probabilities AL only.",
    {"AL = np.concatenate([self.forward(X[k:k + CHUNK])[0] for k in range(0, X.shape[0], CHUNK)], axis=1)":
     "AL = self.forward(X)"})

one_row_per_image = patch("ConvNet.predict_proba", "This looks like the probabilities with one row per image, "
    "(m, n_classes): the course keeps the examples in columns, (n_classes, m).",
    {"AL = np.concatenate([self.forward(X[k:k + CHUNK])[0] for k in range(0, X.shape[0], CHUNK)], axis=1)":
     "AL = np.concatenate([self.forward(X[k:k + CHUNK])[0] for k in range(0, X.shape[0], CHUNK)], axis=1).T"})

scores_not_probabilities = patch("ConvNet.predict_proba", "This looks like the output layer's scores Z (before the "
    "softmax): the probabilities are AL.",
    {"AL = np.concatenate([self.forward(X[k:k + CHUNK])[0] for k in range(0, X.shape[0], CHUNK)], axis=1)":
     "AL = np.concatenate([self.forward(X[k:k + CHUNK])[1][-1][1] for k in range(0, X.shape[0], CHUNK)], axis=1)"})

# ------------------------------------------------------------------------------------- predict
argmax_over_the_images = patch("ConvNet.predict", "This looks like np.argmax over axis 1, the images: the class of "
    "an image is the largest entry of its column, axis 0.",
    {"predictions = np.argmax(self.predict_proba(X), axis=0).astype(np.int64)":
     "predictions = np.argmax(self.predict_proba(X), axis=1).astype(np.int64)"})

largest_probability = patch("ConvNet.predict", "This looks like np.max (the largest probability) where np.argmax "
    "(its class) is due.",
    {"predictions = np.argmax(self.predict_proba(X), axis=0).astype(np.int64)":
     "predictions = np.max(self.predict_proba(X), axis=0)"})

probabilities_returned = patch("ConvNet.predict", "This looks like the probabilities returned: predict gives one "
    "class index per image.",
    {"predictions = np.argmax(self.predict_proba(X), axis=0).astype(np.int64)":
     "predictions = self.predict_proba(X)"})

# --------------------------------------------------------------------------------------- score
error_rate = patch("ConvNet.score", "This looks like the error rate (1 - accuracy): score is the fraction of "
    "images predicted right.",
    {"accuracy = np.mean(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))":
     "accuracy = 1 - np.mean(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))"})

count_of_right_answers = patch("ConvNet.score", "This looks like the number of right answers (np.sum): score is "
    "their fraction, in [0, 1] (np.mean).",
    {"accuracy = np.mean(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))":
     "accuracy = np.sum(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))"})

percentage = patch("ConvNet.score", "This looks like a percentage: score is a fraction in [0, 1].",
    {"accuracy = np.mean(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))":
     "accuracy = 100 * np.mean(self.predict(X) == self.check_labels(Y, np.shape(X)[0]))"})

# ---------------------------------------------------------------------------------------- save
no_format_attribute = patch("ConvNet.save", "This looks like a file without the format attribute: load tells a "
    "saved ConvNet from any other HDF5 file by f.attrs['format'].",
    {'f.attrs["format"] = FORMAT': "pass"})

hyper_parameters_not_json = patch("ConvNet.save", "This looks like the hyper-parameters written with str(): write them "
    "as JSON, which load reads back with json.loads.",
    {'f.attrs["hyper_parameters"] = json.dumps(self.get_params())':
     'f.attrs["hyper_parameters"] = str(self.get_params())'})

parameters_at_the_top = patch("ConvNet.save", "This looks like the weights written at the top of the file: they go "
    "in the group 'parameters' (f.create_dataset(f'parameters/{key}', ...)).",
    {'f.create_dataset(f"parameters/{key}", data=value)': "f.create_dataset(key, data=value)"})

# ---------------------------------------------------------------------------------------- load
format_not_checked = patch("ConvNet.load", "This looks like a file loaded without checking its format attribute: "
    "a saved DeepClassifier (or any HDF5 file with a 'parameters' group) must be refused with a ValueError.",
    {'if found != FORMAT or "parameters" not in f or "hyper_parameters" not in f.attrs:':
     'if "parameters" not in f or "hyper_parameters" not in f.attrs:'})

weights_not_read = patch("ConvNet.load", "This looks like a new model returned without the saved weights: copy every "
    "dataset of the group 'parameters' into model.parameters.",
    {'model.parameters[key] = f["parameters"][key][()].astype(model.dtype)': "pass"})

not_hdf5_not_caught = patch("ConvNet.load", "This looks like h5py's OSError let through: a file that is not HDF5 "
    "must give a ValueError that says so.",
    {"try:\n    f = h5py.File(path, \"r\")\nexcept OSError:\n    raise ValueError(f\"{path} is not a saved ConvNet: "
     "it is not an HDF5 file.\") from None": 'f = h5py.File(path, "r")'})
