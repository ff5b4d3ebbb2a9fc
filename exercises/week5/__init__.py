"""Initialization, regularization and gradient checking

Week 5 of the course: practical aspects of training the 3-layer network of ``three_layer_net``
(given, complete), in three modules:

- ``initialization``: zeros, large random, Xavier and He initializations, and what each does to
  training on the ``circles`` data.
- ``regularization``: the L2 penalty and inverted dropout, forward and backward, against the
  overfitting of an unregularized network on the ``football`` data.
- ``gradient_checking``: central differences against the backward pass, in 1-D and for a whole
  network, on a correct and on a buggy backward pass.

Check your work with ``python -m grader week5``.
"""
