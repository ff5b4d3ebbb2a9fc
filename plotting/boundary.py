"""The decision boundary of a classifier on 2-D points (the planar, moons, circles and football sets)."""

import numpy as np

from ._mpl import finish, pyplot

# Class 0 red, class 1 blue (as in the course's figures), then matplotlib's tab10 colours.
POINT_COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
AREA_COLORS = ["#f4b6b6", "#b5cfe8", "#b9e3b9", "#ffd3a8", "#d9c8ea", "#dcc5bf", "#f5c6e6", "#d9d9d9"]


def plot_decision_boundary(predict, X, Y, path=None, title=None, resolution=200):
    """Colour the plane by the class ``predict`` gives it, and draw the labelled points on top.

    Parameters
    ----------
    predict : callable
        Maps points ``(2, k)`` (one per column) to classes ``(1, k)`` (or ``(k,)``) of 0/1, e.g.
        ``lambda X: predict(parameters, X)``. Called once, on a ``resolution x resolution`` grid.
    X : ndarray of shape (2, m)
        The points, one per column.
    Y : ndarray of shape (1, m) or (m,)
        Their labels (0/1; more classes work too).
    path : str or Path, optional
        Save the figure there (PNG) instead of showing it.
    title : str, optional
        Default: "Decision boundary".
    resolution : int, default 200
        Grid points along each axis.

    Returns
    -------
    pathlib.Path or None
        The PNG written, or None when the figure was shown.
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y).ravel()
    if X.ndim != 2 or X.shape[0] != 2:
        raise ValueError(f"X must have shape (2, m), one point per column; got {X.shape}")
    if Y.size != X.shape[1]:
        raise ValueError(f"Y must hold one label per column of X ({X.shape[1]}); got shape {np.shape(Y)}")
    plt = pyplot()
    from matplotlib.colors import ListedColormap

    lo, hi = X.min(axis=1), X.max(axis=1)
    pad = np.where(hi > lo, 0.08 * (hi - lo), 1.0)
    x1 = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    x2 = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    g1, g2 = np.meshgrid(x1, x2)                                  # (resolution, resolution) each
    grid = np.vstack([g1.ravel(), g2.ravel()])                    # (2, resolution**2), one point per column
    Z = np.asarray(predict(grid))
    if Z.size != grid.shape[1]:
        raise ValueError(f"predict must map (2, k) points to (1, k) classes; for k = {grid.shape[1]} it "
                         f"returned shape {Z.shape}")
    Z = Z.reshape(g1.shape)
    values = np.unique(np.concatenate([np.unique(Y), np.unique(Z)]).astype(np.float64))
    if len(values) > len(POINT_COLORS):
        raise ValueError(f"predict must return class labels such as 0/1, got {len(values)} distinct values; "
                         "threshold probabilities first, e.g. lambda X: (predict_proba(X) > 0.5)")
    Zi = np.searchsorted(values, Z.astype(np.float64))            # class index per grid point
    k = len(values)

    fig, ax = plt.subplots(figsize=(6.0, 5.0))
    ax.contourf(g1, g2, Zi, levels=np.arange(k + 1) - 0.5, cmap=ListedColormap(AREA_COLORS[:k]))
    if k > 1:
        ax.contour(g1, g2, Zi, levels=np.arange(k - 1) + 0.5, colors="k", linewidths=1.0)
    for i, v in enumerate(values):
        mask = Y.astype(np.float64) == v
        if mask.any():
            ax.scatter(X[0, mask], X[1, mask], s=18, c=POINT_COLORS[i], edgecolors="k", linewidths=0.4,
                       label=f"y = {v:g}")
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title if title is not None else "Decision boundary")
    ax.legend(loc="upper right", framealpha=0.9)
    fig.tight_layout()
    return finish(fig, path, "decision_boundary.png")
