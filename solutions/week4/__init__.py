"""Deep neural network (L layers)

Week 4 of the course, in two modules:

- ``deep_nn``: the building blocks of a network of any depth, each forward step next to its
  backward step (linear, activation, the whole model), then ``L_layer_model`` that trains
  ``[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID`` by gradient descent, and ``predict``.
- ``network``: the same machinery behind a small class, ``NeuralNetwork``, with ``fit``,
  ``predict_proba``, ``predict`` and ``score``.

The application: even vs odd handwritten MNIST digits, where a deep net clearly beats week 2's
logistic regression (``examples/week4_deep_nn.py``).

Check your work with ``python -m grader week4``.
"""
