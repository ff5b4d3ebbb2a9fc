"""Lazy matplotlib: pick a headless backend when there is no display, then show or save a figure."""

import os
import sys
from pathlib import Path

PLOTS_HINT = 'pip install -e ".[plots]"'
# Backends that can only write files (matplotlib's own list, lower-cased).
NON_INTERACTIVE = {"agg", "cairo", "pdf", "pgf", "ps", "svg", "template"}


def headless():
    """True on Linux/BSD when there is no X11 or Wayland display (e.g. ssh, a container, CI)."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def pyplot():
    """``matplotlib.pyplot``, with the Agg backend when headless; a clear ImportError without matplotlib.

    The backend is left alone when someone already chose one: pyplot imported before, ``MPLBACKEND``
    set, or a Jupyter kernel running (its inline backend draws in the notebook without a display).
    """
    try:
        import matplotlib
    except ImportError:
        raise ImportError(f"the plotting helpers need matplotlib; install it with: {PLOTS_HINT}") from None
    chosen = "matplotlib.pyplot" in sys.modules or os.environ.get("MPLBACKEND") or "ipykernel" in sys.modules
    if headless() and not chosen:
        matplotlib.use("Agg")  # before pyplot is imported: no attempt to open a window
    import matplotlib.pyplot as plt

    return plt


def can_show():
    """Whether ``plt.show()`` would display something (an interactive or notebook backend)."""
    import matplotlib

    return matplotlib.get_backend().lower() not in NON_INTERACTIVE


def finish(fig, path, default_name):
    """Save ``fig`` to ``path`` (or to ``default_name`` in the cwd when nothing can be shown), or show it.

    Returns
    -------
    pathlib.Path or None
        The file written, or None when the figure was shown.
    """
    import matplotlib.pyplot as plt

    if path is None and can_show():
        plt.show()
        return None
    if path is None:
        path = Path.cwd() / default_name
        print(f"no display: saved the figure to {path}", file=sys.stderr)
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".png")
    fig.savefig(path, dpi=100)  # the helpers call tight_layout(); bbox_inches="tight" would draw twice
    plt.close(fig)  # figures saved in a loop (a sweep) must not pile up in memory
    return path
