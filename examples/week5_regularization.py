"""Week 5: the 3-layer network on the football data without regularization, with L2 and with dropout.

Run from the repository root:

    python examples/week5_regularization.py [--plots DIR]               # your code in exercises/week5/
    python examples/week5_regularization.py --solutions [--plots DIR]   # the reference in solutions/week5/
    python examples/week5_regularization.py --quick                     # 3000 iterations: less accurate

It trains ``regularization.model`` (``[2, 20, 3, 1]``, 30000 iterations of gradient
descent, learning rate 0.3, rng 3) on ``datasets.football()`` (211 training and 200 test points)
three times: without regularization, with L2 (``lambd=0.7``) and with inverted dropout
(``keep_prob=0.86``), and prints the train and test accuracy of each. With ``--plots DIR`` (and the
course's ``plotting`` package with matplotlib) it also saves each decision boundary there.
"""

import time

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

ITERATIONS, QUICK_ITERATIONS = 30000, 3000
RUNS = {"none": {}, "L2 (lambd = 0.7)": {"lambd": 0.7}, "dropout (keep_prob = 0.86)": {"keep_prob": 0.86}}


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--plots", metavar="DIR", help="save the decision boundaries in DIR")
    parser.add_argument("--quick", action="store_true", help="a short run: 3000 iterations, lower accuracy")
    args = parser.parse_args(argv)
    iterations = QUICK_ITERATIONS if args.quick else ITERATIONS
    regularization, net = _course.load(args, "week5.regularization", "week5.three_layer_net")

    X_train, Y_train, X_test, Y_test = datasets.football()
    print(f"football: train X {X_train.shape}, test X {X_test.shape}")
    print(f"network [2, 20, 3, 1], {iterations} iterations of gradient descent, learning rate 0.3, rng 3\n")

    results = {}
    print("| regularization | train accuracy | test accuracy | train cross-entropy | sum of squared weights | time |")
    print("|---|---|---|---|---|---|")
    for name, kwargs in RUNS.items():
        start = time.perf_counter()
        with _course.progress():
            parameters, _ = regularization.model(X_train, Y_train, num_iterations=iterations, print_cost=True,
                                                 **kwargs)
        seconds = time.perf_counter() - start
        results[name] = parameters
        cross_entropy = net.compute_cost(net.forward_propagation(X_train, parameters)[0], Y_train)
        squares = sum(float(np.sum(parameters[k] ** 2)) for k in ("W1", "W2", "W3"))
        print(f"| {name} | {net.accuracy(X_train, Y_train, parameters):.1f} % "
              f"| {net.accuracy(X_test, Y_test, parameters):.1f} % "
              f"| {cross_entropy:.4f} | {squares:.1f} | {seconds:.1f} s |")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        for i, (name, parameters) in enumerate(results.items()):
            plotting.plot_decision_boundary(lambda X, p=parameters: net.predict(X, p), X_train, Y_train,
                                            path=folder / f"week5_regularization_{i}.png",
                                            title=f"Regularization: {name}")
        print(f"\nfigures written to {folder}")


if __name__ == "__main__":
    _course.run(main)
