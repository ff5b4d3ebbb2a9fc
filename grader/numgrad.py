"""The one numerical-gradient helper of the course: central differences in float64.

Gradient checks compare a submission's backward pass with central differences of the same
submission's forward pass, on small random inputs drawn at test time, so they need no stored
reference values and cannot be passed by matching fixed numbers.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """Central-difference gradient of the scalar function ``f`` at ``x``.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``; it is called ``2 * x.size`` times, each time with a fresh copy of ``x``
        that differs from it in one entry (so a submission that modifies its input cannot spoil
        later evaluations). The calls may run together (see :func:`evaluate_points_with`).
    x : ndarray of any shape
        The point; converted to float64.
    h : float
        The step, ``df/dx[i] ~ (f(x + h e_i) - f(x - h e_i)) / (2 h)``, with an error of order ``h**2``.

    Returns
    -------
    grad : ndarray of the same shape as ``x``, float64
    """
    x = np.array(x, dtype=np.float64)
    points = []
    for index in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[index] += h
        minus[index] -= h
        points += [plus, minus]
    values = np.array([_number(value) for value in _evaluate(f, points)], dtype=np.float64)
    return ((values[0::2] - values[1::2]) / (2 * h)).reshape(x.shape)


def _one_by_one(f, points):
    return [f(point) for point in points]


_evaluate = _one_by_one


def evaluate_points_with(evaluate):
    """Evaluate the perturbed points with ``evaluate(f, points) -> [f(p) for p in points]`` from now
    on; returns the evaluator it replaces. A grading session plugs in the sandbox's
    (:func:`grader.sandbox.together`), which sends the calls of all the points to the worker at once."""
    global _evaluate
    previous, _evaluate = _evaluate, evaluate
    return previous


def _number(value):
    """``float(value)`` for a number or a one-element array; a learner-readable failure otherwise."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "fiu":
        return float(value.reshape(()))
    kind = getattr(value, "type_name", type(value).__name__)
    raise AssertionError(f"the forward pass returned a {kind}, not a number, so it cannot be differentiated")


def numerical_gradients(f, inputs, h=1e-6):
    """Gradients of ``f(**inputs) -> float`` with respect to each array in the dict ``inputs``.

    Returns a dict with the same keys, each gradient the shape of its input.
    """
    grads = {}
    for name, value in inputs.items():
        def f_of(v, name=name):
            return f(**{**inputs, name: v})
        grads[name] = numerical_gradient(f_of, value, h)
    return grads


def projected(output_grad):
    """``lambda out: sum(out * output_grad)``: turn an array-valued forward pass into a scalar.

    Checking ``d/dx sum(forward(x) * dout)`` against ``backward(dout)`` tests the whole Jacobian
    product at once, the way backpropagation uses it.
    """
    output_grad = np.asarray(output_grad, dtype=np.float64)

    def scalar(out):
        if not isinstance(out, np.ndarray):
            kind = getattr(out, "type_name", type(out).__name__)
            raise AssertionError(f"the forward pass returned a {kind}, not an array")
        out = out.astype(np.float64)
        if out.shape != output_grad.shape:
            raise AssertionError(f"the forward pass returned shape {out.shape}, expected {output_grad.shape}")
        return float(np.sum(out * output_grad))

    return scalar
