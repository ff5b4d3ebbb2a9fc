"""Tests of the ``plotting`` helpers (not graded): each one writes a PNG that is not blank.

matplotlib is optional; these tests are skipped without it. The Agg backend is selected here so
that the tests never open a window, even on a desktop.
"""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.image  # noqa: E402

import plotting  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def assert_png_drawn(path, expected):
    """``path`` is the returned file, a PNG, with more than a handful of colours in it."""
    assert path is not None and Path(path) == Path(expected), f"returned {path!r}, expected {expected}"
    data = Path(path).read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    rgb = (matplotlib.image.imread(path)[..., :3] * 255).round().astype(np.uint32)   # (height, width, 3)
    colours = np.unique((rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2])    # one int per colour
    assert len(colours) > 10, f"{path} looks blank ({len(colours)} colours)"


def test_import_does_not_import_matplotlib():
    code = "import sys, plotting; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_plot_costs_one_run(tmp_path):
    costs = 0.7 * np.exp(-np.arange(20) / 5) + 0.05
    path = plotting.plot_costs(list(costs), path=tmp_path / "costs.png", learning_rate=0.005)
    assert_png_drawn(path, tmp_path / "costs.png")


def test_plot_costs_learning_rate_sweep(tmp_path):
    sweep = {0.01: list(0.7 * np.exp(-np.arange(15) / 3)),
             0.001: {"costs": list(0.7 * np.exp(-np.arange(15) / 10)), "learning_rate": 0.001}}
    path = plotting.plot_costs(sweep, path=tmp_path / "sweep.png", title="Learning rates")
    assert_png_drawn(path, tmp_path / "sweep.png")


def test_plot_decision_boundary(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 60))                                # (2, m), one point per column
    Y = (X[0:1] + X[1:2] > 0).astype(np.float64)                # (1, m)
    calls = []

    def predict(G):
        calls.append(G.shape)
        return (G[0:1] + 0.5 * G[1:2] > 0).astype(np.float64)  # (2, k) -> (1, k)

    path = plotting.plot_decision_boundary(predict, X, Y, path=tmp_path / "boundary.png", resolution=50)
    assert_png_drawn(path, tmp_path / "boundary.png")
    assert calls == [(2, 2500)]                                 # one call on the whole grid


def test_plot_decision_boundary_rejects_probabilities(tmp_path):
    X = np.random.default_rng(1).normal(size=(2, 10))
    with pytest.raises(ValueError, match="threshold"):
        plotting.plot_decision_boundary(lambda G: 1 / (1 + np.exp(-G[:1])), X, X[:1] > 0,
                                        path=tmp_path / "p.png", resolution=20)


def test_plot_history(tmp_path):
    history = {"cost": [0.9, 0.6, 0.4, 0.3, 0.25],
               "train_accuracy": [0.6, 0.75, 0.85, 0.9, 0.92],
               "val_accuracy": [0.55, 0.7, 0.8, 0.83, 0.84]}
    path = plotting.plot_history(history, path=tmp_path / "history.png")
    assert_png_drawn(path, tmp_path / "history.png")


@pytest.mark.parametrize("channels", [1, 3])
def test_show_images(tmp_path, channels):
    rng = np.random.default_rng(channels)
    X = rng.integers(0, 256, size=(7, 8, 8, channels), dtype=np.uint8)  # (m, h, w, c)
    Y = np.array([0, 1, 1, 0, 1, 0, 0])
    path = plotting.show_images(X, Y, np.array([b"cat", b"dog"]), path=tmp_path / "images.png", n=6)
    assert_png_drawn(path, tmp_path / "images.png")


def test_without_a_path_and_a_display_saves_in_the_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = plotting.plot_costs([0.7, 0.5, 0.4, 0.35])           # Agg here: nothing can be shown
    assert_png_drawn(path, tmp_path / "costs.png")


def test_missing_matplotlib_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)        # makes `import matplotlib` fail
    with pytest.raises(ImportError, match=r'pip install -e "\.\[plots\]"'):
        plotting.plot_costs([0.7, 0.5])


def test_figures_folder_for_scripts_with_a_plots_option(tmp_path, monkeypatch, capsys):
    import importlib.util

    import plotting

    assert plotting.figures_folder(None) is None
    folder = plotting.figures_folder(tmp_path / "figures")
    assert folder == tmp_path / "figures" and folder.is_dir()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert plotting.figures_folder(tmp_path / "other") is None
    assert "matplotlib is not installed" in capsys.readouterr().err
