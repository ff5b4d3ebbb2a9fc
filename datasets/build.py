"""Rebuild the course's data files from data shipped inside PyPI packages, and print their SHA-256.

Run from the repository root::

    pip install -e ".[build-data]"      # scikit-learn, mlxtend and names, needed only here
    python -m datasets.build            # rewrites datasets/*.h5 and datasets/names.txt
    python -m datasets.build --out DIR  # writes to DIR instead (e.g. to compare with the committed files)

Nothing is downloaded: scikit-learn, mlxtend and names carry the raw data inside their packages. The
HDF5 files are written with fixed settings and without timestamps, so rebuilding with the same versions
of h5py/HDF5 gives byte-identical files (the SHA-256 in datasets/README.md); the names file is plain
ASCII text with ``\n`` line ends on every platform. The loaders in ``datasets/__init__.py`` need only
numpy and h5py.
"""

import argparse
import gzip
import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent

SPLIT_SEED = 0          # one seed for every split below, so the splits are easy to reproduce
IMAGE_CHUNK = 1000      # images per HDF5 chunk (explicit, so h5py's auto-chunking cannot change the bytes)
GZIP_LEVEL = 9

# Fixed file-format settings. `libver` pins the HDF5 object formats (files stay readable by HDF5 >= 1.8);
# `track_times=False` on every dataset removes the only timestamps HDF5 would store.
_FILE_KW = dict(libver=("earliest", "v108"), track_order=False)


# ---------------------------------------------------------------------------------------------- splits

def stratified_split(y, n_test, rng):
    """Split example indices so that every class keeps its share in the test set.

    Each class gets ``floor(n_test * share)`` test examples; the few left over go to the classes with
    the largest remainders (ties to the smaller class label). Both index arrays come back shuffled,
    so any slice of the training set mixes the classes.

    Parameters
    ----------
    y : ndarray of shape (m,)
        Integer class labels.
    n_test : int
        Size of the test set.
    rng : numpy.random.Generator

    Returns
    -------
    train_idx : ndarray of shape (m - n_test,), int64
    test_idx : ndarray of shape (n_test,), int64
    """
    classes, counts = np.unique(y, return_counts=True)
    exact = counts * n_test / len(y)
    quota = np.floor(exact).astype(np.int64)
    by_remainder = np.argsort(-(exact - quota), kind="stable")
    quota[by_remainder[: n_test - quota.sum()]] += 1
    test_parts, train_parts = [], []
    for c, q in zip(classes, quota):
        idx = rng.permutation(np.flatnonzero(y == c))
        test_parts.append(idx[:q])
        train_parts.append(idx[q:])
    train_idx = rng.permutation(np.concatenate(train_parts))
    test_idx = rng.permutation(np.concatenate(test_parts))
    return train_idx, test_idx


def random_split(m, n_test, rng):
    """Split ``range(m)`` at random into shuffled ``(train_idx (m - n_test,), test_idx (n_test,))``."""
    order = rng.permutation(m)
    return order[n_test:], order[:n_test]


# ---------------------------------------------------------------------------------------------- writing

def _attrs(f, attrs):
    for key, value in attrs.items():
        f.attrs[key] = np.bytes_(value)  # fixed-length ASCII: same bytes on every platform


def write_image_set(path, train_x, train_y, test_x, test_y, classes, attrs=None):
    """Write an image classification set in the course layout.

    Parameters
    ----------
    path : str or Path
        Output ``.h5`` file (overwritten).
    train_x : ndarray of shape (m_train, h, w, c), uint8
    train_y : ndarray of shape (m_train,), integer labels in ``0 .. len(classes) - 1``
    test_x : ndarray of shape (m_test, h, w, c), uint8
    test_y : ndarray of shape (m_test,), integer labels
    classes : sequence of str or bytes, length n_classes
        Class names; index = label.
    attrs : dict of str -> str, optional
        Short provenance notes stored as file attributes.
    """
    import h5py

    classes = np.array([c.encode("ascii") if isinstance(c, str) else bytes(c) for c in classes])
    with h5py.File(path, "w", **_FILE_KW) as f:
        for name, x in (("train_x", train_x), ("test_x", test_x)):
            x = np.ascontiguousarray(x, dtype=np.uint8)
            assert x.ndim == 4, f"{name} must be (m, h, w, c), got shape {x.shape}"
            chunks = (min(IMAGE_CHUNK, len(x)),) + x.shape[1:]
            f.create_dataset(name, data=x, chunks=chunks, compression="gzip",
                             compression_opts=GZIP_LEVEL, track_times=False)
        for name, y in (("train_y", train_y), ("test_y", test_y)):
            y = np.asarray(y, dtype=np.int64)  # int64, not uint8: `1 - y` must not wrap around
            assert y.min() >= 0 and y.max() < len(classes), f"{name} has labels outside the classes"
            f.create_dataset(name, data=y, track_times=False)
        f.create_dataset("classes", data=classes, track_times=False)
        _attrs(f, attrs or {})


def write_regression_set(path, train_x, train_y, test_x, test_y, feature_names, attrs=None):
    """Write a regression set: ``train_x (m, n) float64``, ``train_y (m,) float64``, ``feature_names``."""
    import h5py

    with h5py.File(path, "w", **_FILE_KW) as f:
        for name, a in (("train_x", train_x), ("train_y", train_y), ("test_x", test_x), ("test_y", test_y)):
            f.create_dataset(name, data=np.asarray(a, dtype=np.float64), track_times=False)
        names = np.array([n.encode("ascii") for n in feature_names])
        f.create_dataset("feature_names", data=names, track_times=False)
        _attrs(f, attrs or {})


# ---------------------------------------------------------------------------------------------- sources

def _require_build_packages():
    missing = [p for p in ("sklearn", "mlxtend", "names") if importlib.util.find_spec(p) is None]
    if missing:
        sys.exit(f"datasets.build needs scikit-learn, mlxtend and names (missing: {', '.join(missing)}); "
                 'install them with: pip install -e ".[build-data]"')


def read_mlxtend_mnist():
    """The 5000 MNIST images inside mlxtend's wheel: ``(images (5000, 28, 28, 1) uint8, labels (5000,))``.

    Read straight from ``mlxtend/data/data/mnist_5k.csv.gz`` (784 pixel columns then the label) without
    importing mlxtend, whose import pulls in pandas and matplotlib.
    """
    package_dir = Path(importlib.util.find_spec("mlxtend").submodule_search_locations[0])
    with gzip.open(package_dir / "data" / "data" / "mnist_5k.csv.gz", "rt") as fh:
        table = np.loadtxt(fh, delimiter=",", dtype=np.int64)
    assert table.shape == (5000, 785) and table[:, :-1].max() <= 255
    return table[:, :-1].astype(np.uint8).reshape(-1, 28, 28, 1), table[:, -1]


def build_diabetes(out_dir):
    from sklearn.datasets import load_diabetes

    bunch = load_diabetes(scaled=False)  # original units (age in years, bmi, ...), not sklearn's scaling
    X, y = bunch.data, bunch.target
    train, test = random_split(len(y), round(0.2 * len(y)), np.random.default_rng(SPLIT_SEED))
    write_regression_set(out_dir / "diabetes.h5", X[train], y[train], X[test], y[test], bunch.feature_names,
                         attrs={"source": "scikit-learn load_diabetes(scaled=False); Efron et al. (2004)",
                                "split": f"random 80/20, seed {SPLIT_SEED}"})


def build_mnist(out_dir):
    images, digits = read_mlxtend_mnist()
    train, test = stratified_split(digits, 1000, np.random.default_rng(SPLIT_SEED))
    common = {"source": "mlxtend mnist_5k.csv.gz; MNIST, LeCun, Cortes and Burges",
              "license": "MNIST: CC BY-SA 3.0",
              "split": f"stratified by digit, 4000/1000, seed {SPLIT_SEED}"}
    write_image_set(out_dir / "mnist_5k.h5", images[train], digits[train], images[test], digits[test],
                    [str(d) for d in range(10)], attrs=common)
    # Same images and split; only the labels change, so week2 and week4 results are comparable.
    write_image_set(out_dir / "mnist_even_odd.h5", images[train], digits[train] % 2,
                    images[test], digits[test] % 2, ["even", "odd"],
                    attrs={**common, "labels": "digit % 2 (0 = even, 1 = odd)"})


def build_digits(out_dir):
    from sklearn.datasets import load_digits

    bunch = load_digits()
    counts = bunch.data.astype(np.int64)  # 0..16: pixels set in each 4x4 block of the 32x32 bitmap
    images = ((counts * 255 + 8) // 16).astype(np.uint8).reshape(-1, 8, 8, 1)  # round(v * 255 / 16), exact
    y = bunch.target
    train, test = stratified_split(y, round(0.2 * len(y)), np.random.default_rng(SPLIT_SEED))
    write_image_set(out_dir / "digits_8x8.h5", images[train], y[train], images[test], y[test],
                    [str(d) for d in range(10)],
                    attrs={"source": "scikit-learn load_digits; UCI Optical Recognition of Handwritten Digits",
                           "license": "CC BY 4.0",
                           "split": f"stratified by digit, 80/20, seed {SPLIT_SEED}"})


CENSUS_FIRST_NAME_FILES = ("dist.female.first", "dist.male.first")


def read_census_first_names():
    """The US Census 1990 first names inside the ``names`` package: a sorted list of distinct lower-case names.

    Each line of ``names/dist.female.first`` and ``names/dist.male.first`` reads
    ``MARY           2.629  2.629      1`` (name, frequency in percent, cumulative frequency, rank); only
    the name is kept. Names given to both girls and boys appear once. Read straight from the package
    folder (the package's own import would work too, but it is a random name generator, not a reader).
    """
    package_dir = Path(importlib.util.find_spec("names").submodule_search_locations[0])
    first_names = set()
    for file_name in CENSUS_FIRST_NAME_FILES:
        for line in (package_dir / file_name).read_text(encoding="ascii").splitlines():
            if line.strip():
                first_names.add(line.split()[0].lower())
    not_a_to_z = sorted(n for n in first_names if not re.fullmatch(r"[a-z]+", n))
    assert not not_a_to_z, f"names outside a-z in the census lists: {not_a_to_z[:5]}"
    return sorted(first_names)


def build_names(out_dir):
    # newline="\n": the same bytes (and SHA-256) on Windows
    with open(out_dir / "names.txt", "w", encoding="ascii", newline="\n") as fh:
        fh.write("".join(f"{name}\n" for name in read_census_first_names()))


BUILDERS = (build_diabetes, build_mnist, build_digits, build_names)


def sha256(path):
    """Hex SHA-256 of a file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m datasets.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: datasets/)")
    args = parser.parse_args(argv)
    _require_build_packages()
    args.out.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        build(args.out)
    # Rows in the format of the checksum table in datasets/README.md.
    print("| file | bytes | SHA-256 |")
    print("|---|---|---|")
    for path in sorted([*args.out.glob("*.h5"), args.out / "names.txt"]):
        print(f"| `{path.name}` | {path.stat().st_size} | `{sha256(path)}` |")


if __name__ == "__main__":
    main()
