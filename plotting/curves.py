"""Learning curves: the cost during gradient descent, and accuracy per epoch."""

from collections.abc import Mapping
from numbers import Number

import numpy as np

from ._mpl import finish, pyplot


def _runs(costs):
    """``[(label or None, costs (k,) float64), ...]`` from one list of costs or a dict of runs."""
    if not isinstance(costs, Mapping):
        return [(None, np.asarray(costs, dtype=np.float64).ravel())]
    runs = []
    for key, value in costs.items():
        if isinstance(value, Mapping):  # a model(...) result dict, e.g. from week2's learning_rate_sweep
            value = value["costs"]
        label = f"{key:g}" if isinstance(key, Number) else str(key)
        runs.append((label, np.asarray(value, dtype=np.float64).ravel()))
    return runs


def plot_costs(costs, path=None, learning_rate=None, title=None, every=100):
    """Plot the cost recorded during training against the iteration.

    Parameters
    ----------
    costs : sequence of float, or dict
        One cost every ``every`` iterations (``costs[k]`` at iteration ``k * every``), as the
        course's ``optimize``/``model`` functions record them. Or several runs:
        ``{label: costs}``, e.g. ``{0.01: [...], 0.001: [...]}`` for a learning-rate sweep (numeric
        labels are read as learning rates); a value may also be a ``model(...)`` result dict, whose
        ``"costs"`` are used.
    path : str or Path, optional
        Save the figure there (PNG) instead of showing it.
    learning_rate : float, optional
        Shown in the title of a single run.
    title : str, optional
        Default: "Cost during training" (with the learning rate when given).
    every : int, default 100
        Iterations between two recorded costs.

    Returns
    -------
    pathlib.Path or None
        The PNG written, or None when the figure was shown.
    """
    plt = pyplot()
    runs = _runs(costs)
    sweep = isinstance(costs, Mapping)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for label, run in runs:
        ax.plot(np.arange(len(run)) * every, run, lw=1.8, label=label,
                marker="o" if len(run) <= 30 else None, ms=3)
    if title is None:
        title = "Cost during training"
        if learning_rate is not None and not sweep:
            title += f" (learning rate = {learning_rate:g})"
    ax.set_title(title)
    ax.set_xlabel(f"iteration (cost recorded every {every})" if every != 1 else "iteration")
    ax.set_ylabel("cost")
    ax.grid(alpha=0.3)
    if sweep:
        numeric = all(isinstance(key, Number) for key in costs)
        ax.legend(title="learning rate" if numeric else None)
    fig.tight_layout()
    return finish(fig, path, "costs.png")


def _series_name(key):
    """``"val_accuracy"`` -> ``"validation"``, ``"train_cost"``/``"accuracy"`` -> ``"train"``, else the key."""
    stem = key.lower()
    for word in ("accuracy", "acc", "cost", "loss"):
        stem = stem.replace(word, "")
    stem = stem.strip("_ -")
    return {"": "train", "train": "train", "training": "train", "val": "validation", "valid": "validation",
            "validation": "validation", "test": "test"}.get(stem, key)


def plot_history(history, path=None):
    """Plot a training history: accuracy per epoch (train and validation), and the cost when present.

    Parameters
    ----------
    history : dict of str -> list of float, or a fitted model with a ``history_`` dict
        One value per epoch. Keys containing ``acc`` go to the accuracy panel (e.g.
        ``"train_accuracy"``, ``"val_accuracy"``), keys containing ``cost`` or ``loss`` to the cost
        panel; with neither, every key is drawn on one panel.
    path : str or Path, optional
        Save the figure there (PNG) instead of showing it.

    Returns
    -------
    pathlib.Path or None
        The PNG written, or None when the figure was shown.
    """
    plt = pyplot()
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    history = getattr(history, "history_", history)
    if not isinstance(history, Mapping) or not history:
        raise ValueError("history must be a non-empty dict of lists, e.g. {'train_accuracy': [...], "
                         "'val_accuracy': [...]}")
    cost_keys = [k for k in history if "cost" in k.lower() or "loss" in k.lower()]
    acc_keys = [k for k in history if "acc" in k.lower() and k not in cost_keys]
    panels = [(keys, what) for keys, what in ((cost_keys, "cost"), (acc_keys, "accuracy")) if keys]
    if not panels:
        panels = [(list(history), "value")]
    fig, axes = plt.subplots(1, len(panels), figsize=(5.4 * len(panels), 4.0), squeeze=False)
    for ax, (keys, what) in zip(axes[0], panels):
        values = []
        for key in keys:
            series = np.asarray(history[key], dtype=np.float64).ravel()
            values.append(series)
            ax.plot(np.arange(1, len(series) + 1), series, lw=1.8, label=_series_name(key),
                    marker="o" if len(series) <= 30 else None, ms=3)
        ax.set_title(f"{what.capitalize()} per epoch")
        ax.set_xlabel("epoch")
        ax.set_ylabel(what)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        if what == "accuracy" and all(np.nanmax(v) <= 1.0 for v in values if v.size):
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.legend()
    fig.tight_layout()
    return finish(fig, path, "history.png")
