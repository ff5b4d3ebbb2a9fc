"""NumPy basics and linear regression

Week 1 of the course, in three modules:

- ``numpy_basics``: sigmoid, ReLU and tanh with their derivatives, reshaping, row normalisation,
  a numerically stable softmax and the L1 / L2 losses.
- ``vectorization``: the same products written with Python loops and with numpy, and a timer that
  shows why the rest of the course never loops over examples.
- ``linear_regression``: standardisation, gradient descent on the mean squared error and the
  closed-form least-squares solution, on the real diabetes data.

Check your work with ``python -m grader week1``.
"""
