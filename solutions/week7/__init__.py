"""Capstone: multi-class output and a complete trainer

Week 7 of the course: ``multiclass`` replaces the sigmoid output by a softmax over C classes (one-hot
labels, the categorical cross-entropy and its gradient), and ``trainer`` puts everything of weeks 4-6
into one model, ``DeepClassifier``: mini-batches, L2 or dropout, Adam and learning-rate decay, a
training history, and saving to HDF5. ``layers`` is given: the pieces you already wrote in weeks 4-6.

Check your work with ``python -m grader week7``.
"""
