"""Week 3: one hidden layer against logistic regression on 2-D data no straight line separates.

Run from the repository root:

    python examples/week3_planar.py [--plots DIR]               # your code in exercises/week3/ and week2/
    python examples/week3_planar.py --solutions [--plots DIR]   # the reference in solutions/

It trains, on the planar "flower" (``datasets.planar_flower()``, 400 points):

1. week 2's logistic regression (``week2.logistic_regression.model``: zero init,
   2000 iterations, learning rate 0.5), the best straight line gradient descent finds;
2. ``shallow_nn.nn_model`` with ``n_h=4`` tanh units (10000 iterations, learning rate 1.2, rng 3,
   the curriculum's defaults), and the same with ReLU units;
3. ``nn_model`` with 1, 2, 3, 4, 5, 20 and 50 tanh units (5000 iterations each);

then the same comparison on noisy moons and circles, with accuracy on fresh test samples
(``moons(rng=4)``, ``circles(m=100, rng=2)``). It prints Markdown tables of training accuracy and
time. With ``--plots DIR`` (and the course's ``plotting`` package with matplotlib) it also saves
each model's decision boundary there.
"""

import functools
import time

import _course  # first among the course's imports: it puts the course folder on sys.path
import datasets
import plotting

HIDDEN_SIZES = (1, 2, 3, 4, 5, 20, 50)


def train_logistic_regression(logistic_regression, X, Y):
    """Week 2's model on (X, Y): ``(predict function, seconds)``."""
    start = time.perf_counter()
    with _course.progress():
        d = logistic_regression.model(X, Y, X, Y, print_cost=True)  # train = "test": only the parameters are used
    seconds = time.perf_counter() - start
    w, b = d["w"], d["b"]
    return (lambda X_: logistic_regression.predict(w, b, X_)), seconds


def train_shallow(shallow_nn, X, Y, n_h, activation="tanh", num_iterations=10000):
    """``nn_model`` with the curriculum's defaults otherwise: ``(predict function, seconds)``."""
    start = time.perf_counter()
    with _course.progress():
        parameters = shallow_nn.nn_model(X, Y, n_h, num_iterations=num_iterations, activation=activation,
                                         print_cost=True)
    seconds = time.perf_counter() - start
    return (lambda X_: shallow_nn.predict(parameters, X_, activation)), seconds


def save_boundary(folder, predict_fn, X, Y, name, title):
    if folder is not None:
        path = plotting.plot_decision_boundary(predict_fn, X, Y, path=folder / f"{name}.png", title=title)
        print(f"  saved {path}")


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--plots", metavar="DIR", help="save the decision boundaries in DIR")
    args = parser.parse_args(argv)
    shallow_nn, logistic_regression = _course.load(args, "week3.shallow_nn", "week2.logistic_regression")
    accuracy = shallow_nn.accuracy
    train_lr = functools.partial(train_logistic_regression, logistic_regression)
    train_nn = functools.partial(train_shallow, shallow_nn)
    folder = plotting.figures_folder(args.plots)

    X, Y = datasets.planar_flower()
    print(f"planar flower: X {X.shape}, Y {Y.shape}, {Y.mean():.0%} label 1\n")
    print("| model | training accuracy | time |")
    print("|---|---|---|")
    models = [("logistic regression (week 2)", "flower_logistic_regression", train_lr(X, Y)),
              ("one hidden layer, n_h = 4, tanh", "flower_tanh_4", train_nn(X, Y, 4, "tanh")),
              ("one hidden layer, n_h = 4, ReLU", "flower_relu_4", train_nn(X, Y, 4, "relu")),
              ("one hidden layer, n_h = 20, ReLU", "flower_relu_20", train_nn(X, Y, 20, "relu"))]
    for label, _, (predict_fn, seconds) in models:
        print(f"| {label} | {accuracy(predict_fn(X), Y):.1f} % | {seconds:.1f} s |")
    for label, name, (predict_fn, _) in models:
        save_boundary(folder, predict_fn, X, Y, name, f"flower: {label}")

    print("\nhidden layer size (tanh, 5000 iterations, learning rate 1.2):\n")
    print("| n_h | training accuracy | time |")
    print("|---|---|---|")
    for n_h in HIDDEN_SIZES:
        predict_fn, seconds = train_nn(X, Y, n_h, "tanh", num_iterations=5000)
        print(f"| {n_h} | {accuracy(predict_fn(X), Y):.1f} % | {seconds:.1f} s |")
        save_boundary(folder, predict_fn, X, Y, f"flower_hidden_{n_h}", f"flower: n_h = {n_h}")

    sets = {"moons": (datasets.moons(), datasets.moons(rng=4)),
            "circles": (datasets.circles(), datasets.circles(m=100, rng=2))}
    print("\nnoisy moons and circles (n_h = 4, 10000 iterations):\n")
    print("| data | model | train accuracy | test accuracy |")
    print("|---|---|---|---|")
    for data_name, ((X_train, Y_train), (X_test, Y_test)) in sets.items():
        for label, (predict_fn, _) in (("logistic regression", train_lr(X_train, Y_train)),
                                       ("n_h = 4, tanh", train_nn(X_train, Y_train, 4, "tanh")),
                                       ("n_h = 4, ReLU", train_nn(X_train, Y_train, 4, "relu"))):
            print(f"| {data_name} | {label} | {accuracy(predict_fn(X_train), Y_train):.1f} % "
                  f"| {accuracy(predict_fn(X_test), Y_test):.1f} % |")
            name = f"{data_name}_{label.split(',')[-1].strip().replace(' ', '_').lower()}"
            save_boundary(folder, predict_fn, X_train, Y_train, name, f"{data_name}: {label}")


if __name__ == "__main__":
    _course.run(main)
