"""The one numerical-gradient helper of the course: central differences in float64.

Gradient checks compare a submission's backward pass with central differences of the same
submission's forward pass, on small random inputs drawn at test time, so they need no stored
reference values and cannot be passed by matching fixed numbers.
"""
import random
import zlib

import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """Central-difference gradient of the scalar function ``f`` at ``x``, computed when it is needed.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``; it is called with fresh copies of ``x`` that differ from it by a step of
        ``h`` (so a submission that modifies its input cannot spoil later evaluations). The calls
        may run together (see :func:`evaluate_points_with`).
    x : ndarray of any shape
        The point; converted to float64.
    h : float
        The step, ``df/dx[i] ~ (f(x + h e_i) - f(x - h e_i)) / (2 h)``, with an error of order ``h**2``.

    Returns
    -------
    NumericalGradient
        The gradient, the shape of ``x``: ``np.asarray(...)`` (or :meth:`NumericalGradient.full`)
        evaluates ``f`` twice per entry; :func:`grader.checks.assert_gradient` first compares it with
        a backward pass along two random directions (four evaluations) and needs every entry only
        when they disagree. It can be multiplied or divided by a number.
    """
    return NumericalGradient(f, x, h)


# Drawn once per grading process, never sent to a worker: the directions of the gradient checks. From
# the system's random source, as the secrets module draws (importing it, and hmac, costs 8 ms a run).
DIRECTION_SECRET = random.SystemRandom().getrandbits(63)


class NumericalGradient:
    """Central differences of ``f`` at ``x``, in full or along directions (see :func:`numerical_gradient`).

    Checking ``backward . v`` against ``(f(x + h v) - f(x - h v)) / 2h`` for random unit vectors ``v``
    is PyTorch's ``gradcheck(fast_mode=True)`` and JAX's ``check_grads``: a wrong gradient ``g + e``
    passes only if ``e . v`` is within the tolerance for every ``v``, which for a Gaussian ``v``
    happens with a probability of the order of ``(tolerance / |e|) ** directions``. When the two
    disagree, every entry is computed, so that the message names the worst entry as before.
    """

    DIRECTIONS = 2
    SIGMAS = 6.0  # the directional tolerance: this many standard deviations of e . v for entrywise-tolerated e

    def __init__(self, f, x, h, scale=1.0, _cache=None):
        self.f, self.x, self.h, self.scale = f, np.array(x, dtype=np.float64), h, scale
        self._cache = {} if _cache is None else _cache  # shared by the scaled copies

    @property
    def shape(self):
        return self.x.shape

    def __mul__(self, k):
        if not isinstance(k, (int, float, np.integer, np.floating)):
            return NotImplemented
        return NumericalGradient(self.f, self.x, self.h, self.scale * k, self._cache)

    __rmul__ = __mul__

    def __truediv__(self, k):
        if not isinstance(k, (int, float, np.integer, np.floating)):
            return NotImplemented
        return NumericalGradient(self.f, self.x, self.h, self.scale / k, self._cache)

    def __array__(self, dtype=None, copy=None):
        full = self.full()
        return full if dtype is None else full.astype(dtype)

    def full(self):
        """Every entry: ``2 * x.size`` evaluations of ``f`` (once, whatever the scaled copies)."""
        if "full" not in self._cache:
            units = []
            for index in np.ndindex(self.x.shape):
                unit = np.zeros(self.x.shape)
                unit[index] = 1.0
                units.append(unit)
            self._cache["full"] = self._along(units).reshape(self.x.shape)
        return np.asarray(self.scale * self._cache["full"])  # an array even for a 0-d x (a product gives a scalar)

    def _along(self, directions):
        """``(f(x + h v) - f(x - h v)) / 2h`` for each ``v`` of ``directions``, evaluated together."""
        points = []
        for v in directions:
            points += [self.x + self.h * v, self.x - self.h * v]
        values = np.array([_number(value) for value in _evaluate(self.f, points)], dtype=np.float64)
        return (values[0::2] - values[1::2]) / (2 * self.h)

    def agrees_with(self, analytic, rtol, atol):
        """Whether ``analytic`` (float64, this shape) passes along random directions: ``|analytic . v -
        numeric . v| <= SIGMAS * |t * v|`` for each unit ``v``, where ``t = atol + rtol |analytic|`` is
        the entrywise tolerance of :func:`grader.checks.assert_gradient`. The directions are drawn from
        the point ``x`` and :data:`DIRECTION_SECRET`: a submission that knew them could return any
        gradient whose projections on them are right, without differentiating anything. (A correct
        gradient passes whatever the directions, and a wrong one falls to the entrywise check, so the
        secret changes no grade but that of an error nearly orthogonal to both.)"""
        if self.x.size <= 2 * self.DIRECTIONS:  # as cheap in full
            return None
        rng = np.random.default_rng([DIRECTION_SECRET, zlib.crc32(self.x.tobytes())])
        directions = []
        for _ in range(self.DIRECTIONS):
            v = rng.standard_normal(self.x.shape)
            directions.append(v / np.linalg.norm(v))
        numeric = self.scale * self._along(directions)
        tolerance = atol + rtol * np.abs(analytic)
        return all(abs(float(np.sum(analytic * v)) - n) <= self.SIGMAS * float(np.linalg.norm(tolerance * v))
                   for v, n in zip(directions, numeric))


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
