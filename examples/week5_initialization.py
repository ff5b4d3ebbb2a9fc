"""Week 5: the same 3-layer network trained from four initializations on the circles data.

Run from the repository root:

    python examples/week5_initialization.py [--plots DIR]               # your code in exercises/week5/
    python examples/week5_initialization.py --solutions [--plots DIR]   # the reference in solutions/week5/

It trains ``initialization.model`` (``[2, 10, 5, 1]``, 15000 iterations of gradient
descent, learning rate 0.01, rng 3) from zeros, large random (scale 10), Xavier and He weights on
``datasets.circles()`` (300 points) and prints, for each, the cost before training and after it and
the train and test accuracy (test: 100 fresh points, ``datasets.circles(m=100, rng=2)``). With
``--plots DIR`` (and the course's ``plotting`` package with matplotlib) it also saves the cost curves
and each decision boundary there.
"""

import time

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

INITIALIZATIONS = ("zeros", "random", "xavier", "he")


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--plots", metavar="DIR", help="save the cost curves and decision boundaries in DIR")
    args = parser.parse_args(argv)
    initialization, net = _course.load(args, "week5.initialization", "week5.three_layer_net")

    X_train, Y_train = datasets.circles()
    X_test, Y_test = datasets.circles(m=100, rng=2)
    print(f"circles: train X {X_train.shape} ({Y_train.mean():.0%} label 1), test X {X_test.shape} "
          f"({Y_test.mean():.0%} label 1)")
    print("network [2, 10, 5, 1], 15000 iterations of gradient descent, learning rate 0.01, rng 3\n")

    results = {}
    print("| initialization | cost at iteration 0 | cost after 15000 iterations | train accuracy | test accuracy | time |")
    print("|---|---|---|---|---|---|")
    for name in INITIALIZATIONS:
        start = time.perf_counter()
        with _course.progress():
            parameters, costs = initialization.model(X_train, Y_train, print_cost=True, initialization=name)
        seconds = time.perf_counter() - start
        final = net.compute_cost(net.forward_propagation(X_train, parameters)[0], Y_train)
        results[name] = (parameters, costs)
        print(f"| {name} | {costs[0]:.4f} | {final:.4f} | {net.accuracy(X_train, Y_train, parameters):.1f} % "
              f"| {net.accuracy(X_test, Y_test, parameters):.1f} % | {seconds:.1f} s |")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        plotting.plot_costs({name: costs for name, (_, costs) in results.items()}, every=1000,
                            path=folder / "week5_initialization_costs.png", title="Cost by initialization")
        for name, (parameters, _) in results.items():
            plotting.plot_decision_boundary(lambda X, p=parameters: net.predict(X, p), X_train, Y_train,
                                            path=folder / f"week5_initialization_{name}.png",
                                            title=f"{name} initialization")
        print(f"\nfigures written to {folder}")


if __name__ == "__main__":
    _course.run(main)
