"""Shallow neural network (one hidden layer)

Week 3 of the course: ``shallow_nn`` builds a network with one hidden layer (tanh or ReLU units,
a sigmoid output) and trains it by gradient descent on 2-D data that no straight line separates:
the planar "flower", noisy moons and circles. Week 2's logistic regression gets about half of the
flower's points right; four tanh units get over 90 % of them.

Check your work with ``python -m grader week3``.
"""
