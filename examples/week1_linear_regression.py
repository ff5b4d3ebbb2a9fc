"""Week 1: linear regression on the diabetes data, gradient descent against the normal equation.

Run from the repository root:

    python examples/week1_linear_regression.py               # your code in exercises/week1/
    python examples/week1_linear_regression.py --solutions   # the reference in solutions/week1/

It trains ``linear_regression.model`` with its default hyper-parameters, solves the same least-squares
problem in closed form, and prints both costs, their relative gap (the curriculum asks for less than
1e-6), the train / test RMSE of both, and why standardizing the features matters.
"""

import time

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path


def condition_number(X):
    """Ratio of the largest to the smallest curvature of the cost for inputs X (n_x, m)."""
    X_tilde = np.vstack([X, np.ones((1, X.shape[1]))])        # (n_x + 1, m): b as one more weight
    eigenvalues = np.linalg.eigvalsh(X_tilde @ X_tilde.T / X.shape[1])
    return eigenvalues[-1] / eigenvalues[0]


def main(argv=None):
    args = _course.parser(__doc__).parse_args(argv)
    linear_regression = _course.load(args, "week1.linear_regression")
    X_train, Y_train, X_test, Y_test = linear_regression.load_data()
    print(f"diabetes: X_train {X_train.shape}, Y_train {Y_train.shape}, "
          f"X_test {X_test.shape}, Y_test {Y_test.shape}")

    # Gradient descent (model standardizes with the training mean / std internally).
    start = time.perf_counter()
    with _course.progress():
        d = linear_regression.model(X_train, Y_train, X_test, Y_test, print_cost=True)
    seconds = time.perf_counter() - start
    _, cost_gd = linear_regression.propagate(d["w"], d["b"], X_train, Y_train)

    # Closed form on the same data: the optimum gradient descent should reach.
    w_ne, b_ne = linear_regression.normal_equation(X_train, Y_train)
    _, cost_ne = linear_regression.propagate(w_ne, b_ne, X_train, Y_train)
    gap = (cost_gd - cost_ne) / cost_ne

    print(f"\ngradient descent: {d['num_iterations']} iterations, learning rate "
          f"{d['learning_rate']}, {seconds:.2f} s")
    print(f"  cost at iteration 0: {d['costs'][0]:.6f}, after training: {cost_gd:.10f}")
    print(f"normal equation cost:                         {cost_ne:.10f}")
    print(f"relative gap: {gap:.2e} ({'meets' if gap < 1e-6 else 'MISSES'} the 1e-6 requirement)")

    print(f"\n{'':18}{'train RMSE':>12}{'test RMSE':>12}")
    print(f"{'gradient descent':18}{d['train_rmse']:12.3f}{d['test_rmse']:12.3f}")
    rmse, predict = linear_regression.rmse, linear_regression.predict
    print(f"{'normal equation':18}{rmse(predict(w_ne, b_ne, X_train), Y_train):12.3f}"
          f"{rmse(predict(w_ne, b_ne, X_test), Y_test):12.3f}")
    print(f"{'predict the mean':18}{rmse(np.full_like(Y_train, Y_train.mean()), Y_train):12.3f}"
          f"{rmse(np.full_like(Y_test, Y_train.mean()), Y_test):12.3f}")

    # Why standardize: gradient descent converges at a rate set by the condition number.
    X_norm, mean, std = linear_regression.standardize(X_train)
    print(f"\ncondition number of the cost: raw features {condition_number(X_train):.3g}, "
          f"standardized {condition_number(X_norm):.3g}")

    # The weights for standardized features compare the features' influence directly.
    from datasets import load
    feature_names = load("diabetes")["feature_names"]
    names = [n.decode() if isinstance(n, bytes) else str(n) for n in feature_names]
    w_std = (d["w"] * std).ravel()                              # weights in standardized units
    print("weights for standardized features (largest first):")
    for i in np.argsort(-np.abs(w_std)):
        print(f"  {names[i]:>4} {w_std[i]:+8.2f}")


if __name__ == "__main__":
    _course.run(main)
