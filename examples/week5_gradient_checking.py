"""Week 5: gradient checking finds the bugs of a backward pass.

Run from the repository root:

    python examples/week5_gradient_checking.py               # your code in exercises/week5/
    python examples/week5_gradient_checking.py --solutions   # the reference in solutions/week5/

It runs ``gradient_check`` on the 1-D cost ``J = theta * x``, then ``gradient_check_n``
on the 3-layer network of ``three_layer_net`` (``[4, 5, 3, 1]``, 3 examples, 47 parameters) twice: with
the correct gradients (``network_gradients``) and with the buggy ones (``network_gradients_buggy``:
``dW2`` twice too large, ``db1`` four times too large). A second table splits the relative difference
by parameter, which shows where the bugs are.
"""

import functools

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path

EPSILON = 1e-7


def relative_difference(a, b):
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def central_differences(gradient_checking, cost_function, parameters, epsilon=EPSILON):
    """``gradapprox`` of ``gradient_check_n``, as a column, and the parameter name of each entry."""
    theta, keys = gradient_checking.dictionary_to_vector(parameters)
    shapes = {key: value.shape for key, value in parameters.items()}
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus, minus = theta.copy(), theta.copy()
        plus[i] += epsilon
        minus[i] -= epsilon
        gradapprox[i] = (cost_function(gradient_checking.vector_to_dictionary(plus, shapes))
                         - cost_function(gradient_checking.vector_to_dictionary(minus, shapes))) / (2 * epsilon)
    return gradapprox, np.array(keys)


def main(argv=None):
    args = _course.parser(__doc__).parse_args(argv)
    gradient_checking, three_layer_net = _course.load(args, "week5.gradient_checking", "week5.three_layer_net",
                                                      verb="Running")
    print("1-D: J(theta) = theta * x, dJ/dtheta = x\n")
    print("| x | theta | difference |")
    print("|---|---|---|")
    for x, theta in ((2.0, 4.0), (3.7, -1.3), (-0.6, 2.2)):
        print(f"| {x:g} | {theta:g} | {gradient_checking.gradient_check(x, theta):.2e} |")

    rng = np.random.default_rng(1)
    X = rng.standard_normal((4, 3))
    Y = np.array([[1.0, 1.0, 0.0]])
    parameters = three_layer_net.initialize_parameters([4, 5, 3, 1], rng)
    parameters = {k: (v + 0.1 * rng.standard_normal(v.shape) if k.startswith("b") else v) for k, v in parameters.items()}
    cost = functools.partial(gradient_checking.network_cost, X=X, Y=Y)
    n = gradient_checking.dictionary_to_vector(parameters)[0].shape[0]

    print(f"\nN-D: the 3-layer network [4, 5, 3, 1] on 3 examples, {n} parameters, epsilon = {EPSILON:g}\n")
    print("| backward pass | difference | verdict (threshold 2e-7 / 1e-2) |")
    print("|---|---|---|")
    gradients = {"correct (network_gradients)": gradient_checking.network_gradients(parameters, X, Y),
                 "buggy (network_gradients_buggy)": gradient_checking.network_gradients_buggy(parameters, X, Y)}
    for name, grads in gradients.items():
        difference = gradient_checking.gradient_check_n(cost, parameters, grads, epsilon=EPSILON)
        verdict = "correct" if difference < 2e-7 else ("wrong" if difference > 1e-2 else "suspicious")
        print(f"| {name} | {difference:.2e} | {verdict} |")

    gradapprox, keys = central_differences(gradient_checking, cost, parameters)
    print("\nper parameter: ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over that parameter's entries\n")
    print("| parameter | " + " | ".join(name.split(" ")[0] for name in gradients) + " |")
    print("|---|" + "---|" * len(gradients))
    columns = {name: gradient_checking.gradients_to_vector(grads, parameters) for name, grads in gradients.items()}
    for key in dict.fromkeys(keys):
        rows = keys == key
        cells = [f"{relative_difference(column[rows], gradapprox[rows]):.2e}" for column in columns.values()]
        print(f"| {key} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    _course.run(main)
