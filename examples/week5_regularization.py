"""Week 5: the 3-layer network on the football data without regularization, with L2 and with dropout.

Run from the repository root:

    python examples/week5_regularization.py [--plots DIR]

It trains the reference ``regularization.model`` (``[2, 20, 3, 1]``, 30000 iterations of gradient
descent, learning rate 0.3, rng 3) on ``datasets.football()`` (211 training and 200 test points)
three times: without regularization, with L2 (``lambd=0.7``) and with inverted dropout
(``keep_prob=0.86``), and prints the train and test accuracy of each. With ``--plots DIR`` (and the
course's ``plotting`` package with matplotlib) it also saves each decision boundary there.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root

import numpy as np  # noqa: E402

import datasets  # noqa: E402
import plotting  # noqa: E402
from solutions.week5.regularization import model  # noqa: E402
from solutions.week5.three_layer_net import accuracy, compute_cost, forward_propagation, predict  # noqa: E402

RUNS = {"none": {}, "L2 (lambd = 0.7)": {"lambd": 0.7}, "dropout (keep_prob = 0.86)": {"keep_prob": 0.86}}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plots", metavar="DIR", help="save the decision boundaries in DIR")
    args = parser.parse_args(argv)

    X_train, Y_train, X_test, Y_test = datasets.football()
    print(f"football: train X {X_train.shape}, test X {X_test.shape}")
    print("network [2, 20, 3, 1], 30000 iterations of gradient descent, learning rate 0.3, rng 3\n")

    results = {}
    print("| regularization | train accuracy | test accuracy | train cross-entropy | sum of squared weights | time |")
    print("|---|---|---|---|---|---|")
    for name, kwargs in RUNS.items():
        start = time.perf_counter()
        parameters, _ = model(X_train, Y_train, **kwargs)
        seconds = time.perf_counter() - start
        results[name] = parameters
        cross_entropy = compute_cost(forward_propagation(X_train, parameters)[0], Y_train)
        squares = sum(float(np.sum(parameters[k] ** 2)) for k in ("W1", "W2", "W3"))
        print(f"| {name} | {accuracy(X_train, Y_train, parameters):.1f} % | {accuracy(X_test, Y_test, parameters):.1f} % "
              f"| {cross_entropy:.4f} | {squares:.1f} | {seconds:.1f} s |")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        for i, (name, parameters) in enumerate(results.items()):
            plotting.plot_decision_boundary(lambda X, p=parameters: predict(X, p), X_train, Y_train,
                                            path=folder / f"week5_regularization_{i}.png",
                                            title=f"Regularization: {name}")
        print(f"\nfigures written to {folder}")


if __name__ == "__main__":
    main()
