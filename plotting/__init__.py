"""Plotting helpers for the lessons: cost curves, decision boundaries, training histories, images.

>>> from plotting import plot_costs, plot_decision_boundary, plot_history, show_images
>>> plot_costs(costs, learning_rate=0.005)                  # one run: a cost every 100 iterations
>>> plot_costs({0.01: costs_a, 0.001: costs_b})             # a learning-rate sweep, one curve each
>>> plot_decision_boundary(lambda X: predict(parameters, X), X, Y)
>>> plot_history(clf.history_)                              # week7: accuracy (and cost) per epoch
>>> show_images(train_x, train_y, classes)                  # the first 16 images with their classes

matplotlib is optional (``pip install -e ".[plots]"``) and imported only when a helper is called, so
``import plotting`` is free. Where a figure can be shown (a desktop session, a notebook) a helper
shows it and returns None; with ``path=...``, or on a machine without a display (no ``DISPLAY`` on
Linux, or a non-interactive matplotlib backend), it saves the figure as a PNG (by default in the
current folder, e.g. ``costs.png``) and returns the path.
"""

import importlib.util
import sys
from pathlib import Path

from .boundary import plot_decision_boundary
from .curves import plot_costs, plot_history
from .images import show_images

__all__ = ["figures_folder", "plot_costs", "plot_decision_boundary", "plot_history", "show_images"]


def figures_folder(folder):
    """For scripts with a ``--plots DIR`` option: ``DIR`` as a Path (created), or None when no folder
    was asked for, or when matplotlib is not installed (then with a note on stderr)."""
    if not folder:
        return None
    if importlib.util.find_spec("matplotlib") is None:
        print('(no figures: matplotlib is not installed; pip install -e ".[plots]")', file=sys.stderr)
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
