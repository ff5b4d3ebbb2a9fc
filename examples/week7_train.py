"""Week 7: ``DeepClassifier`` on the real handwritten digits, or on a folder of your own images.

Run from the repository root:

    python examples/week7_train.py [--epochs N] [--plots DIR]     # your code in exercises/week7/ and week4/
    python examples/week7_train.py --solutions                    # the reference solutions in solutions/
    python examples/week7_train.py --data cats_vs_dogs.h5 [--epochs N] [--plots DIR] [--save model.h5]

Without ``--data`` it runs the two course tasks and prints Markdown tables of test accuracy and
training time (``fit(..., verbose=True)`` draws a progress bar on stderr):

- the 10-class digits (``datasets.load("mnist_5k")``, 4000 train / 1000 test, 28x28): a softmax
  regression (no hidden layer, ``DeepClassifier([784, 10], output="softmax")``) against
  ``DeepClassifier([784, 128, 64, 10], output="softmax")`` with Adam, mini-batches of 64 and
  dropout (``keep_prob=0.8``), then with L2 instead;
- the binary task (``datasets.load("mnist_even_odd")``, even vs odd): week 4's ``NeuralNetwork``
  (full-batch gradient descent, as in ``examples/week4_deep_nn.py``) against
  ``DeepClassifier([784, 128, 64, 1])`` with Adam and dropout.

With ``--data FILE`` it trains on an image file in the course layout, e.g. your own photos converted
by ``python -m datasets.convert FOLDER FILE`` (the Kaggle cats-vs-dogs training folder gives the
classic cats-vs-dogs experiment): two classes get a sigmoid output, more a softmax, and the network
is ``[n_x, 128, 64, n_out]`` with Adam and dropout. ``--plots DIR`` saves the training and validation
accuracy per epoch (``plotting.plot_history``, needs matplotlib); ``--save`` writes the model.
"""

import time

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

HIDDEN = [128, 64]
EPOCHS = 20


def flatten(data):
    """``(X_train (n_x, m), y_train (m,), X_test, y_test, class names)`` from a file in the course layout."""
    def x(images):
        return images.reshape(len(images), -1).T / 255.0
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in data["classes"]]
    return x(data["train_x"]), data["train_y"], x(data["test_x"]), data["test_y"], names


def train(name, clf, X, y, X_test, y_test, epochs, plots=None):
    """Fit ``clf`` with the test set as validation data; one Markdown row; optionally the history figure."""
    start = time.perf_counter()
    clf.fit(X, y, num_epochs=epochs, X_val=X_test, Y_val=y_test, verbose=True)  # labels (m,): (1, m) for sigmoid
    seconds = time.perf_counter() - start
    print(f"| {name} | {100 * clf.score(X, y):.1f} % | {100 * clf.score(X_test, y_test):.1f} % "
          f"| {seconds:.1f} s |", flush=True)
    if plots is not None:
        path = plotting.plot_history(clf, path=plots / f"week7_{name.split()[0].lower()}_history.png")
        print(f"  saved {path}")
    return clf


def course_tasks(trainer, network, epochs, plots):
    DeepClassifier = trainer.DeepClassifier
    X, y, X_test, y_test, _ = flatten(datasets.load("mnist_5k"))
    print(f"10-class digits (mnist_5k): {X.shape[1]} train / {X_test.shape[1]} test, {epochs} epochs, "
          "Adam (learning_rate 0.001), mini-batches of 64, rng 0\n")
    print("| model | train accuracy | test accuracy | training time |")
    print("|---|---|---|---|")
    train("softmax regression [784, 10]", DeepClassifier([784, 10], output="softmax", rng=0),
          X, y, X_test, y_test, epochs)
    train("DeepClassifier [784, 128, 64, 10], dropout keep_prob=0.8",
          DeepClassifier([784, *HIDDEN, 10], output="softmax", keep_prob=0.8, rng=0), X, y, X_test, y_test, epochs, plots)
    train("DeepClassifier [784, 128, 64, 10], L2 lambd=0.05",
          DeepClassifier([784, *HIDDEN, 10], output="softmax", lambd=0.05, rng=0), X, y, X_test, y_test, epochs)

    X, y, X_test, y_test, _ = flatten(datasets.load("mnist_even_odd"))
    Y, Y_test = y.reshape(1, -1).astype(np.float64), y_test.reshape(1, -1).astype(np.float64)
    print(f"\nBinary task (mnist_even_odd, even vs odd): {X.shape[1]} train / {X_test.shape[1]} test\n")
    print("| model | train accuracy | test accuracy | training time |")
    print("|---|---|---|---|")
    net = network.NeuralNetwork([784, 20, 7, 5, 1], learning_rate=0.1, rng=0)  # week 4's model, for comparison
    start = time.perf_counter()
    with _course.progress():
        net.fit(X, Y, num_iterations=600, print_cost=True)
    seconds = time.perf_counter() - start
    print(f"| week 4 NeuralNetwork [784, 20, 7, 5, 1], gradient descent, 600 iterations | {100 * net.score(X, Y):.1f} % "
          f"| {100 * net.score(X_test, Y_test):.1f} % | {seconds:.1f} s |", flush=True)
    train(f"DeepClassifier [784, 128, 64, 1], dropout keep_prob=0.8, {epochs} epochs",
          DeepClassifier([784, *HIDDEN, 1], keep_prob=0.8, rng=0), X, y, X_test, y_test, epochs)


def own_images(trainer, path, epochs, plots, save=None):
    X, y, X_test, y_test, names = flatten(datasets.load(path))
    n_out = 1 if len(names) == 2 else len(names)
    output = "sigmoid" if n_out == 1 else "softmax"
    print(f"{path}: {X.shape[1]} train / {X_test.shape[1]} test images of {X.shape[0]} values, classes {names}\n")
    print("| model | train accuracy | test accuracy | training time |")
    print("|---|---|---|---|")
    clf = trainer.DeepClassifier([X.shape[0], *HIDDEN, n_out], output=output, keep_prob=0.8, rng=0)
    train(f"DeepClassifier {clf.layer_dims}, dropout keep_prob=0.8, {epochs} epochs", clf, X, y, X_test, y_test,
          epochs, plots)
    if save:
        clf.save(save)
        print(f"saved the model to {save} (DeepClassifier.load({str(save)!r}))")
    return clf


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--data", metavar="FILE", help="an image file in the course layout (python -m datasets.convert)")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the training set (default {EPOCHS})")
    parser.add_argument("--plots", metavar="DIR", help="save the accuracy-per-epoch figure in DIR")
    parser.add_argument("--save", metavar="FILE", help="with --data: save the trained model to FILE (HDF5)")
    args = parser.parse_args(argv)
    if args.data:
        trainer = _course.load(args, "week7.trainer")
        return own_images(trainer, args.data, args.epochs, plotting.figures_folder(args.plots), args.save)
    trainer, network = _course.load(args, "week7.trainer", "week4.network")
    course_tasks(trainer, network, args.epochs, plotting.figures_folder(args.plots))


if __name__ == "__main__":
    _course.run(main)
