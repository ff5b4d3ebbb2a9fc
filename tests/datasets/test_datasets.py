"""Checks of the committed data files (datasets/*.h5), the loaders and the seeded toy generators."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import datasets

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "datasets"

IMAGE_SETS = {
    # name: (train_x shape, test_x shape, classes)
    "mnist_5k": ((4000, 28, 28, 1), (1000, 28, 28, 1), [str(d).encode() for d in range(10)]),
    "mnist_even_odd": ((4000, 28, 28, 1), (1000, 28, 28, 1), [b"even", b"odd"]),
    "digits_8x8": ((1438, 8, 8, 1), (359, 8, 8, 1), [str(d).encode() for d in range(10)]),
}
ALL_SETS = sorted([*IMAGE_SETS, "diabetes"])


def readme_checksums():
    """``{file name: sha256}`` from the checksum table of datasets/README.md."""
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*`([\w.-]+\.h5)`\s*\|\s*\d+\s*\|\s*`([0-9a-f]{64})`\s*\|", text, flags=re.M)
    return dict(rows)


# ---------------------------------------------------------------------------------------------- package

def test_the_course_package_is_imported():
    # If tests/ has no __init__.py, pytest can import tests/datasets/ under the name `datasets`.
    assert getattr(datasets, "COURSE_DATASETS", False) is True, (
        f"`import datasets` gave {getattr(datasets, '__file__', datasets)!r}, not the course's datasets/ "
        "package (the PyPI package `datasets`, or tests/datasets/ when tests/__init__.py is missing)")
    assert Path(datasets.DATA_DIR) == DATA_DIR


def test_available_lists_the_files():
    # A learner may add converted files of their own; the committed ones must all be there.
    assert set(ALL_SETS) <= set(datasets.available())


def test_load_accepts_the_path_of_a_file(tmp_path):
    data = datasets.load(datasets.DATA_DIR / "digits_8x8.h5")
    assert data["train_x"].shape[1:] == (8, 8, 1)
    with pytest.raises(ValueError, match="no such data file"):
        datasets.load(tmp_path / "missing.h5")


def test_import_does_not_import_h5py():
    code = "import sys, datasets; assert datasets.COURSE_DATASETS; print('h5py' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unknown_name_raises_a_readable_value_error():
    with pytest.raises(ValueError) as info:
        datasets.load("nope")
    message = str(info.value)
    assert "nope" in message and "\n" not in message
    for name in ALL_SETS:
        assert name in message


# ---------------------------------------------------------------------------------------------- files

@pytest.mark.parametrize("name", ALL_SETS)
def test_sha256_matches_readme(name):
    expected = readme_checksums()
    assert f"{name}.h5" in expected, f"datasets/README.md has no checksum row for {name}.h5"
    actual = hashlib.sha256((DATA_DIR / f"{name}.h5").read_bytes()).hexdigest()
    assert actual == expected[f"{name}.h5"], f"{name}.h5 differs from the SHA-256 in datasets/README.md"


def test_readme_documents_only_existing_files():
    assert sorted(Path(f).stem for f in readme_checksums()) == ALL_SETS


@pytest.mark.parametrize("name", sorted(IMAGE_SETS))
def test_image_set_layout(name):
    train_shape, test_shape, classes = IMAGE_SETS[name]
    data = datasets.load(name)
    assert set(data) == {"train_x", "train_y", "test_x", "test_y", "classes"}
    assert data["classes"].tolist() == classes
    for part, shape in (("train", train_shape), ("test", test_shape)):
        x, y = data[f"{part}_x"], data[f"{part}_y"]
        assert x.shape == shape and x.dtype == np.uint8
        assert y.shape == shape[:1] and np.issubdtype(y.dtype, np.integer)
        # every class present in both parts, and no label outside the classes
        assert np.array_equal(np.unique(y), np.arange(len(classes)))
        assert x.max() == 255 and x.min() == 0


def test_mnist_splits_are_stratified():
    data = datasets.load("mnist_5k")
    assert np.bincount(data["train_y"]).tolist() == [400] * 10
    assert np.bincount(data["test_y"]).tolist() == [100] * 10


def test_even_odd_is_mnist_5k_relabelled():
    digits, binary = datasets.load("mnist_5k"), datasets.load("mnist_even_odd")
    for part in ("train", "test"):
        assert np.array_equal(digits[f"{part}_x"], binary[f"{part}_x"])
        assert np.array_equal(digits[f"{part}_y"] % 2, binary[f"{part}_y"])


def test_digits_use_the_rescaled_0_to_16_levels():
    data = datasets.load("digits_8x8")
    levels = (np.arange(17) * 255 + 8) // 16
    assert set(np.unique(data["train_x"])) <= set(levels.tolist())
    assert np.bincount(data["test_y"]).min() >= 35  # stratified: 35 or 36 per digit, 37 for the largest class


def test_diabetes_layout_and_original_units():
    data = datasets.load("diabetes")
    assert set(data) == {"train_x", "train_y", "test_x", "test_y", "feature_names"}
    assert data["feature_names"].tolist() == [b"age", b"sex", b"bmi", b"bp",
                                              b"s1", b"s2", b"s3", b"s4", b"s5", b"s6"]
    assert data["train_x"].shape == (354, 10) and data["test_x"].shape == (88, 10)
    assert data["train_y"].shape == (354,) and data["test_y"].shape == (88,)
    for key in ("train_x", "train_y", "test_x", "test_y"):
        assert data[key].dtype == np.float64
    X = np.concatenate([data["train_x"], data["test_x"]])
    y = np.concatenate([data["train_y"], data["test_y"]])
    # unscaled: age in years, sex coded 1/2, target between 25 and 346
    assert 18 <= X[:, 0].min() and X[:, 0].max() <= 80
    assert set(np.unique(X[:, 1])) == {1.0, 2.0}
    assert y.min() == 25 and y.max() == 346


# ---------------------------------------------------------------------------------------------- toy sets

TOYS = {
    # name: (call with the given rng, expected shapes of the returned arrays)
    "planar_flower": (lambda rng: datasets.planar_flower(rng=rng), [(2, 400), (1, 400)]),
    "moons": (lambda rng: datasets.moons(rng=rng), [(2, 300), (1, 300)]),
    "circles": (lambda rng: datasets.circles(rng=rng), [(2, 300), (1, 300)]),
    "football": (lambda rng: datasets.football(rng=rng), [(2, 211), (1, 211), (2, 200), (1, 200)]),
}


def _check_arrays(arrays, shapes):
    assert [a.shape for a in arrays] == shapes
    for a in arrays:
        assert a.dtype == np.float64 and np.all(np.isfinite(a))
    for Y in arrays[1::2]:  # (X, Y) pairs: every Y holds both classes and nothing else
        assert set(np.unique(Y)) == {0.0, 1.0}


@pytest.mark.parametrize("name", sorted(TOYS))
def test_toy_shapes_dtypes_and_both_classes(name):
    make, shapes = TOYS[name]
    _check_arrays(make(0), shapes)


@pytest.mark.parametrize("name", sorted(TOYS))
def test_toy_is_deterministic_and_accepts_none_int_and_generator(name):
    make, shapes = TOYS[name]
    first, again = make(7), make(7)
    from_generator = make(np.random.default_rng(7))
    for a, b, c in zip(first, again, from_generator):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(a, c)
    assert not np.array_equal(first[0], make(8)[0])
    _check_arrays(make(None), shapes)


@pytest.mark.parametrize("name", sorted(TOYS))
def test_toy_leaves_global_random_state_alone(name):
    before = np.random.get_state()[1].copy()
    TOYS[name][0](None)
    assert np.array_equal(np.random.get_state()[1], before)


def test_toy_arguments():
    X, Y = datasets.planar_flower(m=11, noise=0.0, rng=1)
    assert X.shape == (2, 11) and Y.tolist() == [[0.0] * 5 + [1.0] * 6]
    X, Y = datasets.circles(m=40, noise=0.0, factor=0.3, rng=1)
    radius = np.hypot(X[0], X[1])
    np.testing.assert_allclose(radius[Y[0] == 0], 1.0)
    np.testing.assert_allclose(radius[Y[0] == 1], 0.3)
    train_X, _, test_X, _ = datasets.football(m_train=5, m_test=3, rng=1)
    assert train_X.shape == (2, 5) and test_X.shape == (2, 3)


def test_toy_defaults_are_pinned():
    # The course reports accuracies on these exact sets: changing a generator must be deliberate.
    X, Y = datasets.planar_flower()
    np.testing.assert_allclose(X[:, 0], [0.1006590893559997, 1.4540414920712634], rtol=1e-9)
    assert Y.sum() == 200
    X, Y = datasets.moons()
    np.testing.assert_allclose(X[:, 0], [-0.5875065659658372, 0.8435463329781243], rtol=1e-9)
    assert Y.sum() == 150
    X, Y = datasets.circles()
    np.testing.assert_allclose(X[:, 0], [0.32525897569456763, 0.3453510580883685], rtol=1e-9)
    assert Y.sum() == 150
    train_X, train_Y, test_X, test_Y = datasets.football()
    np.testing.assert_allclose(train_X[:, 0], [-0.43606543890082033, -0.26661241774375943], rtol=1e-9)
    assert (train_Y.sum(), test_Y.sum()) == (113, 104)
