"""A grid of images with their class names."""

import math

import numpy as np

from ._mpl import finish, pyplot


def _name(c):
    return c.decode("utf-8", "replace") if isinstance(c, (bytes, np.bytes_)) else str(c)


def show_images(X, Y, classes, path=None, n=16):
    """Show the first ``n`` images in a grid, each titled with its class name.

    Parameters
    ----------
    X : ndarray of shape (m, h, w, c) or (m, h, w), uint8
        Images one per row, as stored in the course's HDF5 files (c = 1 grey or 3 RGB). Floats in
        [0, 1] work too.
    Y : ndarray of shape (m,) or (1, m), optional
        Integer labels (None: no titles).
    classes : sequence of bytes or str, optional
        Class names, index = label, e.g. the ``classes`` of a data file (None: the label itself).
    path : str or Path, optional
        Save the figure there (PNG) instead of showing it.
    n : int, default 16
        How many images (at most ``m``).

    Returns
    -------
    pathlib.Path or None
        The PNG written, or None when the figure was shown.
    """
    X = np.asarray(X)
    if X.ndim == 3:
        X = X[..., None]                                          # (m, h, w) -> (m, h, w, 1)
    if X.ndim != 4 or X.shape[-1] not in (1, 3, 4):
        raise ValueError(f"X must hold images of shape (m, h, w, c) with c = 1 or 3; got {X.shape} "
                         "(flattened columns? reshape them back first)")
    n = min(n, len(X))
    if n < 1:
        raise ValueError("X holds no images")
    labels = None if Y is None else np.asarray(Y).ravel()
    plt = pyplot()
    vmax = 1.0 if X.dtype.kind == "f" and X.max() <= 1.0 else 255
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(1.7 * cols, 1.9 * rows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        image = X[i]
        if image.shape[-1] == 1:
            ax.imshow(image[..., 0], cmap="gray", vmin=0, vmax=vmax, interpolation="nearest")
        else:
            ax.imshow(image if image.dtype == np.uint8 else np.clip(image / vmax, 0, 1), interpolation="nearest")
        if labels is not None:
            label = int(labels[i])
            ax.set_title(_name(classes[label]) if classes is not None else str(label), fontsize=10)
    fig.tight_layout()
    return finish(fig, path, "images.png")
