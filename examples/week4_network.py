"""Week 4: the ``NeuralNetwork`` class, with ReLU or tanh hidden layers and He or "xavier" weights.

Run from the repository root:

    python examples/week4_network.py [--plots DIR]               # your code in exercises/week4/
    python examples/week4_network.py --solutions [--plots DIR]   # the reference in solutions/week4/

It trains ``NeuralNetwork([2, 10, 5, 1], ...)`` (learning rate 0.1, 5000 iterations, rng 0) on the
planar flower (400 points; training accuracy only) and on noisy moons (``datasets.moons()``, test
set ``datasets.moons(rng=4)``) with each hidden activation (``"relu"``, ``"tanh"``) and each
initialization (``"he"``: ``N(0, 2/n_{l-1})``, ``"xavier"``: ``N(0, 1/n_{l-1})``, exactly
``initialize_parameters_deep``), and prints a Markdown table of the cost before and after training,
the accuracies and the time. Each network is used the way a library model is:
``net.fit(X, Y).score(X_test, Y_test)``. With ``--plots DIR`` (and the course's ``plotting``
package with matplotlib) it also saves each decision boundary there.
"""

import time

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

LAYER_DIMS = [2, 10, 5, 1]
LEARNING_RATE = 0.1
NUM_ITERATIONS = 5000


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--plots", metavar="DIR", help="save the decision boundaries in DIR")
    args = parser.parse_args(argv)
    network, deep_nn = _course.load(args, "week4.network", "week4.deep_nn")
    folder = plotting.figures_folder(args.plots)

    sets = {"flower": (datasets.planar_flower(), None), "moons": (datasets.moons(), datasets.moons(rng=4))}
    print(f"NeuralNetwork({LAYER_DIMS}, learning_rate={LEARNING_RATE}, rng=0).fit(X, Y, "
          f"num_iterations={NUM_ITERATIONS})\n")
    print("| data | hidden activation | initialization | cost at iteration 0 | final cost | train accuracy "
          "| test accuracy | time |")
    print("|---|---|---|---|---|---|---|---|")
    for data_name, ((X, Y), test) in sets.items():
        for hidden in ("relu", "tanh"):
            for init in ("he", "xavier"):
                net = network.NeuralNetwork(LAYER_DIMS, hidden_activation=hidden, learning_rate=LEARNING_RATE,
                                            initialization=init, rng=0)
                start = time.perf_counter()
                with _course.progress():
                    net.fit(X, Y, num_iterations=NUM_ITERATIONS, print_cost=True)
                seconds = time.perf_counter() - start
                test_accuracy = f"{100 * net.score(*test):.1f} %" if test is not None else "-"
                final_cost = deep_nn.compute_cost(net.predict_proba(X), Y)
                print(f"| {data_name} | {hidden} | {init} | {net.costs_[0]:.4f} | {final_cost:.4f} "
                      f"| {100 * net.score(X, Y):.1f} % | {test_accuracy} | {seconds:.1f} s |")
                if folder is not None:
                    path = plotting.plot_decision_boundary(
                        net.predict, X, Y, path=folder / f"week4_{data_name}_{hidden}_{init}.png",
                        title=f"{data_name}: {LAYER_DIMS}, {hidden}, {init}")
                    print(f"  saved {path}")


if __name__ == "__main__":
    _course.run(main)
