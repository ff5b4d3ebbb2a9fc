"""Week 2: logistic regression tells even from odd handwritten MNIST digits.

Run from the repository root:

    python examples/week2_logistic_regression.py               # your code in exercises/week2/
    python examples/week2_logistic_regression.py --solutions   # the reference in solutions/week2/

It trains ``logistic_regression.model`` with the curriculum's defaults (2000 iterations, learning rate
0.5) on 4000 real MNIST images, prints the train and test accuracy and the training time, then
compares a few learning rates (1500 iterations each) through their cost curves.
"""

import time

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path

LEARNING_RATES = (0.005, 0.05, 0.5)


def main(argv=None):
    args = _course.parser(__doc__).parse_args(argv)
    logistic_regression = _course.load(args, "week2.logistic_regression")
    accuracy = logistic_regression.accuracy
    train_x_orig, train_y, test_x_orig, test_y, classes = logistic_regression.load_data()
    X_train, X_test = logistic_regression.flatten_images(train_x_orig), logistic_regression.flatten_images(test_x_orig)
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
    print(f"images: train {train_x_orig.shape}, test {test_x_orig.shape}; "
          f"X_train {X_train.shape}, X_test {X_test.shape}; classes {names}")
    print(f"share of label 1 ({names[1]}): train {train_y.mean():.3f}, test {test_y.mean():.3f}")

    start = time.perf_counter()
    with _course.progress():
        d = logistic_regression.model(X_train, train_y, X_test, test_y, print_cost=True)
    seconds = time.perf_counter() - start
    print(f"\nmodel: {d['num_iterations']} iterations, learning rate {d['learning_rate']}: "
          f"{seconds:.2f} s")
    print(f"  cost at iteration 0: {d['costs'][0]:.4f}, at iteration "
          f"{100 * (len(d['costs']) - 1)}: {d['costs'][-1]:.4f}")
    print(f"  train accuracy: {accuracy(d['Y_prediction_train'], train_y):.2f} %")
    print(f"  test accuracy:  {accuracy(d['Y_prediction_test'], test_y):.2f} %")

    start = time.perf_counter()
    results = logistic_regression.learning_rate_sweep(X_train, train_y, X_test, test_y, LEARNING_RATES)
    seconds = time.perf_counter() - start
    checkpoints = (0, 100, 500, 1000, 1400)
    print(f"\nlearning-rate sweep, 1500 iterations each ({seconds:.1f} s in all): cost at iteration")
    print(f"{'rate':>7}" + "".join(f"{i:>8}" for i in checkpoints) + f"{'train %':>9}{'test %':>8}")
    for rate, r in results.items():
        costs = np.asarray(r["costs"])
        print(f"{rate:>7}" + "".join(f"{costs[i // 100]:8.4f}" for i in checkpoints)
              + f"{accuracy(r['Y_prediction_train'], train_y):9.2f}"
              + f"{accuracy(r['Y_prediction_test'], test_y):8.2f}")


if __name__ == "__main__":
    _course.run(main)
