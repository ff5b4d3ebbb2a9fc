"""Optimization algorithms

Week 6 of the course: ``optimization`` trains the L-layer network of ``deep_net`` (given, complete)
with mini-batches and four update rules (gradient descent, momentum, RMSprop and Adam), with or
without learning-rate decay, and compares them on the ``moons`` data.

Check your work with ``python -m grader week6``.
"""
