"""Week 4: logistic regression, a 2-layer and an L-layer network on even vs odd MNIST digits.

Run from the repository root:

    python examples/week4_deep_nn.py                   # your code in exercises/week4/ and week2/
    python examples/week4_deep_nn.py --solutions       # the reference solutions: about a minute on 2 cores
    python examples/week4_deep_nn.py --quick           # a short run (under a minute), less accurate
    python examples/week4_deep_nn.py --data cats.h5    # your own binary image task
    python examples/week4_deep_nn.py --plots DIR       # also save the cost curves

Data: ``datasets.load("mnist_even_odd")`` (4000 train / 1000 test 28x28 images, label 1 = odd
digit), or with ``--data`` any HDF5 file in the course's image layout (``train_x (m, h, w, c)``
uint8, ``train_y (m,)``, ``test_x``, ``test_y``, ``classes``; ``python -m datasets.convert`` writes
one from a folder of images) whose labels are 0 and 1. Pixels are divided by 255 and each image is
flattened into a column: ``X`` of shape (h*w*c, m).

Models, trained on the same split with full-batch gradient descent:

1. week 2's logistic regression (``week2.logistic_regression.model``, its defaults:
   2000 iterations, learning rate 0.5);
2. a 2-layer network ``[n_x, 7, 1]`` and
3. an L-layer network ``[n_x, 20, 7, 5, 1]``, both with week 4's ``L_layer_model`` (initialization
   ``N(0, 1) / sqrt(n_{l-1})``, rng 1), learning rate 0.1 and 600 iterations. The curriculum's
   default rate 0.0075 needs about 3000 iterations to get as far, and each iteration on 4000
   images costs a few tenths of a second; 0.1 is stable here and gets there in a fifth of the time.

It prints the cost every 100 iterations while training the networks, then one Markdown table with
the train and test accuracy and the training time of each model.
"""

import sys
import time

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path
import plotting

FULL = {"lr_iterations": 2000, "nn_iterations": 600}
QUICK = {"lr_iterations": 300, "nn_iterations": 150}
LEARNING_RATE = 0.1
HIDDEN = {"2-layer": [7], "L-layer": [20, 7, 5]}


def load_image_set(path=None):
    """``train_x, train_y, test_x, test_y, classes`` from the course's data or an HDF5 file."""
    if path is None:
        import datasets
        data = datasets.load("mnist_even_odd")
    else:
        import h5py
        with h5py.File(path, "r") as f:
            missing = [k for k in ("train_x", "train_y", "test_x", "test_y") if k not in f]
            if missing:
                sys.exit(f"{path}: missing dataset(s) {', '.join(missing)}; expected the course's image layout "
                         "(see datasets/README.md)")
            data = {key: f[key][()] for key in f.keys()}
    classes = data.get("classes", np.array([b"0", b"1"]))
    for part in ("train_y", "test_y"):
        values = np.unique(data[part])
        if not set(values.tolist()) <= {0, 1}:
            sys.exit(f"{path}: {part} holds the labels {values.tolist()[:10]}; this example needs a binary "
                     "task with labels 0 and 1 (convert with --classes a,b to pick two classes)")
    return data["train_x"], data["train_y"], data["test_x"], data["test_y"], classes


def flatten(x):
    """(m, h, w[, c]) uint8 images -> (h*w*c, m) float64 in [0, 1], C-ordered.

    ``reshape(m, -1).T`` alone is a Fortran-ordered view; copying it into row-major order makes the
    big products ``W1 @ X`` and ``dZ1 @ X.T`` two to three times faster with OpenBLAS.
    """
    return np.ascontiguousarray(x.reshape(len(x), -1).T, dtype=np.float64) / 255.0


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--data", metavar="PATH.h5", help="an HDF5 file in the course's image layout "
                                                          "(default: datasets/mnist_even_odd.h5)")
    parser.add_argument("--quick", action="store_true", help="a short run: fewer iterations, lower accuracy")
    parser.add_argument("--plots", metavar="DIR", help="save the networks' cost curves in DIR")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    deep_nn, logistic_regression = _course.load(args, "week4.deep_nn", "week2.logistic_regression")
    accuracy = deep_nn.accuracy

    train_x, train_y, test_x, test_y, classes = load_image_set(args.data)
    X_train, X_test = flatten(train_x), flatten(test_x)
    Y_train = train_y.reshape(1, -1).astype(np.float64)
    Y_test = test_y.reshape(1, -1).astype(np.float64)
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
    print(f"data: {args.data or 'mnist_even_odd'}: images {train_x.shape[1:]}, classes {names}; "
          f"X_train {X_train.shape}, X_test {X_test.shape}; share of label 1: train {Y_train.mean():.3f}, "
          f"test {Y_test.mean():.3f}")

    rows, curves = [], {}
    n = settings["lr_iterations"]
    print(f"\nlogistic regression (week 2): {n} iterations, learning rate 0.5")
    start = time.perf_counter()
    with _course.progress():
        d = logistic_regression.model(X_train, Y_train, X_test, Y_test, num_iterations=n, learning_rate=0.5,
                                      print_cost=True)
    seconds = time.perf_counter() - start
    rows.append(("logistic regression (week 2)", f"[{X_train.shape[0]}, 1]", n, 0.5,
                 accuracy(d["Y_prediction_train"], Y_train), accuracy(d["Y_prediction_test"], Y_test), seconds))
    print(f"  done in {seconds:.1f} s")

    n = settings["nn_iterations"]
    for label, hidden in HIDDEN.items():
        layers_dims = [X_train.shape[0], *hidden, 1]
        print(f"\n{label} network {layers_dims}: {n} iterations, learning rate {LEARNING_RATE}")
        start = time.perf_counter()
        parameters, costs = deep_nn.L_layer_model(X_train, Y_train, layers_dims, learning_rate=LEARNING_RATE,
                                                  num_iterations=n, print_cost=True)
        seconds = time.perf_counter() - start
        print(f"  done in {seconds:.1f} s ({1000 * seconds / n:.0f} ms per iteration)")
        rows.append((f"{label} network", str(layers_dims), n, LEARNING_RATE,
                     accuracy(deep_nn.predict(parameters, X_train), Y_train),
                     accuracy(deep_nn.predict(parameters, X_test), Y_test),
                     seconds))
        curves[f"{label} {layers_dims}"] = costs

    print("\n| model | layers | iterations | learning rate | train accuracy | test accuracy | training time |")
    print("|---|---|---|---|---|---|---|")
    for model, layers, iterations, rate, train_acc, test_acc, seconds in rows:
        print(f"| {model} | {layers} | {iterations} | {rate} | {train_acc:.1f} % | {test_acc:.1f} % "
              f"| {seconds:.1f} s |")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        path = plotting.plot_costs(curves, path=folder / "week4_costs.png", title=f"cost, learning rate {LEARNING_RATE}")
        print(f"saved {path}")


if __name__ == "__main__":
    _course.run(main)
