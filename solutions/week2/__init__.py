"""Logistic regression as a neural network

Week 2 of the course: ``logistic_regression`` builds a one-neuron network (sigmoid output,
cross-entropy cost, gradient descent) that tells even from odd handwritten MNIST digits.

Check your work with ``python -m grader week2``.
"""
