"""Week 8: ``ConvNet`` on the real handwritten digits, against week 7's best ``DeepClassifier``.

Run from the repository root:

    python examples/week8_cnn.py [--epochs N] [--plots DIR]   # your code in exercises/week8/ (and week7/)
    python examples/week8_cnn.py --solutions                  # the reference solutions: about a minute on 2 cores
    python examples/week8_cnn.py --data FILE [--save model.h5]  # your own images, in the course layout
    python examples/week8_cnn.py --load model.h5 [--data FILE]  # a saved ConvNet on the test set, no training

Data: ``datasets.load("mnist_5k")`` (4000 train / 1000 test 28x28 grey images of the ten digits), or
with ``--data`` any HDF5 file in the course's image layout (``train_x (m, h, w, c)``, ``train_y (m,)``,
``test_x``, ``test_y``, ``classes``; ``python -m datasets.convert`` writes one from a folder of images).
Pixels are divided by 255; the images stay images, ``(m, h, w, c)``.

Models, on the same split:

1. week 8's ``ConvNet`` with its default architecture, ``[CONV 5x5, 8 filters -> RELU -> MAXPOOL 2x2]
   -> [CONV 5x5, 16 filters -> RELU -> MAXPOOL 2x2] -> LINEAR -> SOFTMAX`` (11,274 parameters on the
   digits), Adam with learning rate 0.002, mini-batches of 64, 20 epochs, rng 0; a progress bar while
   it trains (``fit(..., verbose=True)``);
2. week 7's best ``DeepClassifier`` on these digits (docs/results.md): ``[784, 128, 64, 10]`` with
   L2 (``lambd=0.05``), Adam with learning rate 0.001, mini-batches of 64, 20 epochs, rng 0: 109,386
   parameters on flattened pixels (``--no-week7`` skips it).

It prints one Markdown table: train and test accuracy, training time and number of parameters.
``--plots DIR`` saves three figures (needs matplotlib): the first layer's filters
(``week8_filters.png``), the first misclassified test images (``week8_misclassified.png``) and the
accuracy and cost per epoch (``week8_history.png``).

Bad input (images that are not ``(m, h, w, c)``, labels outside the classes, a data or model file
that is not in the course's layout, a saved model whose image size is not the data's) stops the
example with one line on stderr and exit status 2, as a bad argument does.
"""

import sys
import time
from pathlib import Path

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path
import plotting

EPOCHS = 20
LEARNING_RATE = 0.002  # twice ConvNet's default: on 4000 digits it settles above 97 % within 20 epochs
WEEK7 = {"hidden": [128, 64], "lambd": 0.05, "epochs": 20}  # week 7's best on mnist_5k (docs/results.md)
KEYS = ("train_x", "train_y", "test_x", "test_y", "classes")


def fail(message):
    """Bad input: one line on stderr, exit status 2 (``_course``'s status for a bad argument)."""
    print(f"week8_cnn.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def load_images(path=None):
    """``(train_x, train_y, test_x, test_y, class names)``: images as float64 in [0, 1], integer labels.

    Every problem with the file is reported by ``fail``: not an HDF5 file, missing datasets, images
    that are not (m, h, w, c), labels that are not integers in ``0..len(classes)-1``.
    """
    import datasets

    name = path or "mnist_5k"
    if path is not None and not Path(path).is_file():
        fail(f"no such data file: {path}")
    try:
        data = datasets.load(name) if path is None else _load_any(path)
    except (OSError, ValueError) as error:
        fail(f"{name} is not an image file in the course's layout ({' '.join(str(error).split())})")
    missing = [key for key in KEYS if key not in data]
    if missing:
        fail(f"{name} is not an image file in the course's layout: it has no {', '.join(missing)} "
             f"(expected {', '.join(KEYS)}; see datasets/README.md)")
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in np.asarray(data["classes"]).reshape(-1)]
    if len(names) < 2:
        fail(f"{name}: 'classes' must name at least two classes, got {names}")
    parts = []
    for x_key, y_key in (("train_x", "train_y"), ("test_x", "test_y")):
        x, y = np.asarray(data[x_key]), np.asarray(data[y_key])
        if x.ndim != 4 or x.shape[0] == 0:
            fail(f"{name}: {x_key} must hold images of shape (m, h, w, c); got shape {x.shape}"
                 + (" (grey images need the channel axis: (m, h, w, 1))" if x.ndim == 3 else ""))
        if not np.issubdtype(x.dtype, np.number):
            fail(f"{name}: {x_key} must hold pixel values (uint8 0..255), got dtype {x.dtype}")
        y = y.reshape(-1) if y.ndim == 2 and 1 in y.shape else y
        if y.shape != (x.shape[0],):
            fail(f"{name}: {y_key} must hold one label per image, shape ({x.shape[0]},); got {y.shape}")
        if not np.issubdtype(y.dtype, np.integer):
            fail(f"{name}: {y_key} must hold integer class labels 0..{len(names) - 1}, got dtype {y.dtype}")
        outside = y[(y < 0) | (y >= len(names))]
        if outside.size:
            fail(f"{name}: {y_key} holds labels outside the classes 0..{len(names) - 1} ({', '.join(names)}): "
                 f"{sorted(set(outside.tolist()))[:5]}")
        parts += [x.astype(np.float64) / (255.0 if x.dtype == np.uint8 else 1.0), y.astype(np.int64)]
    if parts[0].shape[1:] != parts[2].shape[1:]:
        fail(f"{name}: train and test images differ in size: {parts[0].shape[1:]} and {parts[2].shape[1:]}")
    return (*parts, names)


def _load_any(path):
    """Every dataset of the HDF5 file ``path``, whatever its extension."""
    import h5py

    with h5py.File(path, "r") as f:
        return {key: f[key][()] for key in f.keys()}


def load_model(cnn, path, image_shape, n_classes):
    """``cnn.ConvNet.load(path)``, once the file is known to be a saved ConvNet for these images."""
    import h5py

    if not Path(path).is_file():
        fail(f"no such model file: {path}")
    try:
        with h5py.File(path, "r") as f:
            found = f.attrs.get("format")
    except OSError:
        fail(f"{path} is not a saved ConvNet: it is not an HDF5 file")
    found = found.decode() if isinstance(found, bytes) else found
    if found != cnn.FORMAT:
        fail(f"{path} is not a saved ConvNet: its format is {found!r}, not {cnn.FORMAT!r}")
    net = cnn.ConvNet.load(path)
    if tuple(net.input_shape) != tuple(image_shape) or net.n_classes != n_classes:
        fail(f"{path} holds a ConvNet for {net.n_classes} classes of {tuple(net.input_shape)} images; "
             f"the data has {n_classes} classes of {tuple(image_shape)} images")
    return net


def count_parameters(parameters):
    return sum(int(np.size(value)) for value in parameters.values())


def train_convnet(cnn, X, y, X_test, y_test, n_classes, args):
    try:
        net = cnn.ConvNet(input_shape=X.shape[1:], n_classes=n_classes, learning_rate=args.learning_rate, rng=0,
                          dtype=args.dtype)
    except ValueError as error:       # the constructor is given code: its ValueErrors are about the input
        fail(str(error))
    epochs = f"{args.epochs} epoch{'s' if args.epochs != 1 else ''}"
    print(f"\nConvNet {list(net.conv_layers)} (filters, size) on {X.shape[1:]} images, "
          f"{count_parameters(net.parameters):,} parameters, {epochs}, Adam (learning rate {args.learning_rate}), "
          f"mini-batches of {net.mini_batch_size}, {args.dtype}, rng 0", flush=True)
    start = time.perf_counter()
    net.fit(X, y, num_epochs=args.epochs, X_val=X_test, Y_val=y_test, verbose=True)
    return net, time.perf_counter() - start


def train_week7(trainer, X, y, X_test, y_test, n_classes):
    def flat(images):
        return np.ascontiguousarray(images.reshape(len(images), -1).T)   # (n_x, m), one image per column

    layers = [X[0].size, *WEEK7["hidden"], n_classes]
    clf = trainer.DeepClassifier(layers, output="softmax", lambd=WEEK7["lambd"], rng=0)
    print(f"\nweek 7 DeepClassifier {layers}, L2 lambd={WEEK7['lambd']}, {WEEK7['epochs']} epochs, Adam "
          "(learning rate 0.001), mini-batches of 64, rng 0", flush=True)
    start = time.perf_counter()
    clf.fit(flat(X), y, num_epochs=WEEK7["epochs"], verbose=True)
    seconds = time.perf_counter() - start
    return (f"week 7 DeepClassifier {layers}, L2 lambd={WEEK7['lambd']}", 100 * clf.score(flat(X), y),
            100 * clf.score(flat(X_test), y_test), seconds, count_parameters(clf.parameters))


def save_figures(net, X_test, y_test, names, folder):
    """The first layer's filters, misclassified test images and the learning curves, as PNG files."""
    W1 = net.parameters["W1"].astype(np.float64)                   # (f, f, n_C_prev, n_C)
    filters = W1.transpose(3, 0, 1, 2)                               # (n_C, f, f, n_C_prev): one image each
    low = filters.min(axis=(1, 2, 3), keepdims=True)
    high = filters.max(axis=(1, 2, 3), keepdims=True)
    filters = (filters - low) / np.maximum(high - low, 1e-12)       # each filter stretched to [0, 1]
    if filters.shape[-1] not in (1, 3):
        filters = filters.mean(axis=-1, keepdims=True)
    k = len(filters)
    paths = [plotting.show_images(filters, np.arange(k), [f"filter {c + 1}" for c in range(k)],
                                  path=folder / "week8_filters.png", n=k)]
    predictions = net.predict(X_test)
    wrong = np.flatnonzero(predictions != y_test)[:16]
    if wrong.size:
        titles = [f"{names[y_test[i]]} -> {names[predictions[i]]}" for i in wrong]
        paths.append(plotting.show_images(X_test[wrong], np.arange(wrong.size), titles,
                                          path=folder / "week8_misclassified.png", n=wrong.size))
    paths.append(plotting.plot_history(net, path=folder / "week8_history.png"))
    for path in paths:
        print(f"saved {path}")


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--data", metavar="FILE",
                        help="an image file in the course layout (python -m datasets.convert); default: mnist_5k")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the training set (default {EPOCHS})")
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE,
                        help=f"Adam's learning rate (default {LEARNING_RATE})")
    parser.add_argument("--dtype", choices=("float64", "float32"), default="float64",
                        help="float32 trains about twice as fast (default float64)")
    parser.add_argument("--no-week7", action="store_true", help="skip the comparison with week 7's DeepClassifier")
    parser.add_argument("--plots", metavar="DIR",
                        help="save the filters, misclassified images and learning curves in DIR")
    parser.add_argument("--save", metavar="FILE", help="save the trained ConvNet to FILE (HDF5)")
    parser.add_argument("--load", metavar="FILE", help="evaluate a saved ConvNet instead of training one")
    args = parser.parse_args(argv)
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    X, y, X_test, y_test, names = load_images(args.data)   # bad data: one line and exit 2, before any code runs
    weeks = ("week8.cnn",) if args.no_week7 or args.load else ("week8.cnn", "week7.trainer")
    modules = _course.load(args, *weeks, verb="Evaluating" if args.load else "Training")
    cnn, trainer = (modules, None) if len(weeks) == 1 else modules
    print(f"data: {args.data or 'mnist_5k'}: {len(X)} train / {len(X_test)} test images of {X.shape[1:]}, "
          f"{len(names)} classes")

    rows = []
    if args.load:
        net, seconds = load_model(cnn, args.load, X.shape[1:], len(names)), None
        print(f"loaded {args.load}: ConvNet {list(net.conv_layers)}, {net.dtype}")
    else:
        net, seconds = train_convnet(cnn, X, y, X_test, y_test, len(names), args)
    epochs = f"{args.epochs} epoch{'s' if args.epochs != 1 else ''}"
    rows.append((f"ConvNet {list(net.conv_layers)}" + (" (loaded)" if args.load else f", {epochs}"),
                 100 * net.score(X, y), 100 * net.score(X_test, y_test), seconds, count_parameters(net.parameters)))
    if trainer is not None:
        rows.append(train_week7(trainer, X, y, X_test, y_test, len(names)))

    print("\n| model | train accuracy | test accuracy | training time | parameters |")
    print("|---|---|---|---|---|")
    for model, train_acc, test_acc, secs, n_params in rows:
        print(f"| {model} | {train_acc:.1f} % | {test_acc:.1f} % | "
              f"{'-' if secs is None else f'{secs:.1f} s'} | {n_params:,} |")

    if args.save and not args.load:
        net.save(args.save)
        print(f"\nsaved the ConvNet to {args.save} (ConvNet.load({str(args.save)!r}))")
    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        save_figures(net, X_test, y_test, names, folder)
    return net


if __name__ == "__main__":
    _course.run(main)
