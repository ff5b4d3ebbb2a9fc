"""The one command that trains on a learner's own images, ``python examples/week7_train.py --data FILE``,
run on a tiny file in the course layout (the layout ``python -m datasets.convert`` writes).

Not graded (no ``exercise`` marker, and the grader only runs ``test_<module>.py`` files): it checks
the example script with the reference solutions (``--solutions``), so it is skipped where ``solutions/`` is absent.
"""
import importlib.util
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "solutions" / "week7").is_dir(), reason="needs the reference solutions")


def write_image_file(path, n_classes, size=8, m_train=24, m_test=8, seed=0):
    """A small image set in the course layout: class k is an image brighter in band k."""
    import h5py

    rng = np.random.default_rng(seed)

    def images(m):
        y = np.arange(m) % n_classes
        x = rng.integers(0, 60, (m, size, size, 3))
        for i, k in enumerate(y):
            x[i, k * size // n_classes:(k + 1) * size // n_classes] += 150
        return x.astype(np.uint8), y.astype(np.int64)

    train_x, train_y = images(m_train)
    test_x, test_y = images(m_test)
    with h5py.File(path, "w") as f:
        for key, value in {"train_x": train_x, "train_y": train_y, "test_x": test_x, "test_y": test_y}.items():
            f[key] = value
        f["classes"] = np.array([f"class{k}".encode() for k in range(n_classes)])


def example(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "examples"))  # where the script finds its helper, _course
    spec = importlib.util.spec_from_file_location("week7_train", ROOT / "examples" / "week7_train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("n_classes, output", [(2, "sigmoid"), (3, "softmax")])
def test_train_on_own_images(tmp_path, capsys, monkeypatch, n_classes, output):
    data = tmp_path / "own.h5"
    write_image_file(data, n_classes)
    model = tmp_path / "model.h5"
    clf = example(monkeypatch).main(["--solutions", "--data", str(data), "--epochs", "2", "--save", str(model)])
    printed = capsys.readouterr().out
    assert clf.output == output and clf.layer_dims == [8 * 8 * 3, 128, 64, 1 if n_classes == 2 else n_classes]
    assert len(clf.history_["val_accuracy"]) == 2
    assert "| DeepClassifier" in printed and "test accuracy" in printed
    from solutions.week7.trainer import DeepClassifier

    X = np.random.default_rng(1).random((8 * 8 * 3, 5))
    np.testing.assert_array_equal(DeepClassifier.load(str(model)).predict(X), clf.predict(X))
