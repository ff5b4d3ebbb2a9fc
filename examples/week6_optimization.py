"""Week 6: mini-batch gradient descent, momentum, RMSprop and Adam on the moons data.

Run from the repository root:

    python examples/week6_optimization.py [--plots DIR]               # your code in exercises/week6/
    python examples/week6_optimization.py --solutions [--plots DIR]   # the reference in solutions/week6/

Part 1 trains ``optimization.model`` on ``datasets.moons()`` (300 points) with the
network ``[2, 5, 2, 1]``, mini-batches of 64, 5000 epochs and the same learning rate 0.0007 for the
four optimizers (rng 3: the same initial weights and the same shuffles for all), and prints their
accuracy and the cost every 1000 epochs. Part 2 repeats mini-batch gradient descent (and Adam) at a
larger learning rate with and without learning-rate decay. Accuracies are on the training points
(as in the original assignment) and on 300 fresh points, ``datasets.moons(rng=4)``. With
``--plots DIR`` (and the course's ``plotting`` package with matplotlib) it also saves the cost
curves and decision boundaries there.
"""

import time

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

LAYERS = [2, 5, 2, 1]
CHECKPOINTS = (0, 1000, 2000, 3000, 4000, 4900)
COMPARISON = {name: {"optimizer": name, "learning_rate": 0.0007} for name in ("gd", "momentum", "rmsprop", "adam")}
DECAY = {  # "decay" names a function of the optimization module
    "gd, lr 0.1, constant": {"optimizer": "gd", "learning_rate": 0.1},
    "gd, lr 0.1, update_lr (decay_rate 1)": {"optimizer": "gd", "learning_rate": 0.1, "decay": "update_lr"},
    "gd, lr 0.1, schedule_lr_decay (decay_rate 1, every 1000 epochs)": {"optimizer": "gd", "learning_rate": 0.1,
                                                                       "decay": "schedule_lr_decay"},
    "adam, lr 0.01, constant": {"optimizer": "adam", "learning_rate": 0.01},
    "adam, lr 0.01, schedule_lr_decay (decay_rate 1, every 1000 epochs)": {"optimizer": "adam", "learning_rate": 0.01,
                                                                           "decay": "schedule_lr_decay"},
}


def run_table(optimization, deep_net, runs, X, Y, X_test, Y_test):
    """Train one model per entry of ``runs`` and print a Markdown table; returns ``{name: (parameters, costs)}``."""
    accuracy = deep_net.accuracy
    results = {}
    print("| run | train accuracy | test accuracy | " + " | ".join(f"cost, epoch {c}" for c in CHECKPOINTS)
          + " | time |")
    print("|---|---|---|" + "---|" * len(CHECKPOINTS) + "---|")
    for name, kwargs in runs.items():
        start = time.perf_counter()
        if "decay" in kwargs:
            kwargs = {**kwargs, "decay": getattr(optimization, kwargs["decay"])}
        with _course.progress():
            parameters, costs = optimization.model(X, Y, LAYERS, print_cost=True, **kwargs)
        seconds = time.perf_counter() - start
        results[name] = (parameters, costs)
        print(f"| {name} | {accuracy(X, Y, parameters):.1f} % | {accuracy(X_test, Y_test, parameters):.1f} % | "
              + " | ".join(f"{costs[c // 100]:.4f}" for c in CHECKPOINTS) + f" | {seconds:.1f} s |")
    return results


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--plots", metavar="DIR", help="save the cost curves and decision boundaries in DIR")
    args = parser.parse_args(argv)
    optimization, deep_net = _course.load(args, "week6.optimization", "week6.deep_net")

    X, Y = datasets.moons()
    X_test, Y_test = datasets.moons(rng=4)
    print(f"moons: X {X.shape}, fresh test points {X_test.shape}; network {LAYERS}, mini-batches of 64, "
          "5000 epochs, rng 3\n")
    print("Part 1: the four optimizers at the same learning rate, 0.0007\n")
    comparison = run_table(optimization, deep_net, COMPARISON, X, Y, X_test, Y_test)
    print("\nPart 2: learning-rate decay\n")
    decay = run_table(optimization, deep_net, DECAY, X, Y, X_test, Y_test)

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        plotting.plot_costs({name: costs for name, (_, costs) in comparison.items()}, every=100,
                            path=folder / "week6_optimizers_costs.png",
                            title="Cost per epoch, learning rate 0.0007")
        plotting.plot_costs({name.split(" (")[0]: costs for name, (_, costs) in decay.items()}, every=100,
                            path=folder / "week6_decay_costs.png", title="Learning-rate decay")
        for name, (parameters, _) in comparison.items():
            plotting.plot_decision_boundary(lambda A, p=parameters: deep_net.predict(A, p), X, Y,
                                            path=folder / f"week6_boundary_{name}.png", title=f"Optimizer: {name}")
        print(f"\nfigures written to {folder}")


if __name__ == "__main__":
    _course.run(main)
