"""The catalogue of mistakes learners make, one module per solution module (see grader/tools/mistakes.py).

An entry is a patch, changes ``{old lines: new lines}`` to the solution's definition of a graded function::

    forgets_dA = patch("sigmoid_backward", "This looks like the local derivative s * (1 - s) alone: ...",
        {"dZ = dA * s * (1 - s)": "dZ = s * (1 - s)"})

or, where the mistake rewrites the function, the whole wrong function::

    @mistake("sigmoid", "exp(x) in place of exp(-x) computes sigmoid(-x): check the sign of the exponent.")
    def exp_without_minus(x):
        return 1 / (1 + np.exp(x))

``variant(function, description)`` marks correct code written another way, as a decorator or, given the
changes, as a patch. Instructors only: it is left out of exercises/ and of the student release.
"""
