"""The course's data: small committed HDF5 files, a list of first names and seeded 2-D toy generators.

>>> import datasets
>>> datasets.available()
['diabetes', 'digits_8x8', 'mnist_5k', 'mnist_even_odd']
>>> data = datasets.load("mnist_even_odd")
>>> data["train_x"].shape, data["classes"]
((4000, 28, 28, 1), array([b'even', b'odd'], dtype='|S4'))

Image sets hold ``train_x (m, h, w, c) uint8``, ``train_y (m,) int64``, ``test_x``, ``test_y`` and
``classes`` (bytes names, index = label); regression sets hold float64 ``train_x (m, n)``,
``train_y (m,)``, ``test_x``, ``test_y`` and ``feature_names``. Note that these files store one
example per **row**, as image files do; the course's models take one example per column, so
transpose (or flatten and transpose) after loading. See datasets/README.md for sources and licences.

``names()`` reads week 9's first names (``datasets/names.txt``, one lower-case name per line) and
splits them into training and held-out names:

>>> train, held_out = datasets.names("train"), datasets.names("held_out")
>>> len(train), len(held_out), train[:3]
(4647, 516, ['aaron', 'abbey', 'abbie'])

This package only needs numpy; h5py is imported when a file is loaded. The PyPI package that is
also called ``datasets`` has nothing to do with it: ``datasets.COURSE_DATASETS`` tells them apart.
"""

from pathlib import Path

import numpy as np

from .toy import circles, football, moons, planar_flower

__all__ = ["COURSE_DATASETS", "DATA_DIR", "NAMES_FILE", "available", "load", "names",
           "planar_flower", "moons", "circles", "football"]

COURSE_DATASETS = True  # sentinel: this is the course's package, not Hugging Face's `datasets`
DATA_DIR = Path(__file__).resolve().parent
NAMES_FILE = DATA_DIR / "names.txt"
NAMES_SPLIT_SEED = 0           # the seed of every split in datasets/ (build.SPLIT_SEED)
NAMES_HELD_OUT_FRACTION = 0.1
NAMES_SPLITS = ("train", "held_out", "all")


def available():
    """Names of the data files in ``DATA_DIR``, without the ``.h5`` extension, sorted.

    Returns
    -------
    list of str
    """
    return sorted(path.stem for path in DATA_DIR.glob("*.h5"))


def load(name):
    """Read every dataset of ``datasets/<name>.h5`` (or of any ``.h5`` file path) into memory.

    Parameters
    ----------
    name : str or path-like
        One of ``available()``, e.g. ``"mnist_even_odd"``, or the path of a file in the same layout,
        such as one written by ``python -m datasets.convert`` from your own images.

    Returns
    -------
    dict of str -> ndarray
        For image sets: ``train_x (m_train, h, w, c) uint8``, ``train_y (m_train,) int64``,
        ``test_x (m_test, h, w, c) uint8``, ``test_y (m_test,) int64`` and ``classes (n_classes,)``
        bytes. For regression sets: ``train_x (m_train, n) float64``, ``train_y (m_train,) float64``,
        ``test_x``, ``test_y`` and ``feature_names (n,)`` bytes.

    Raises
    ------
    ValueError
        If there is no such file; the message lists the available names.
    """
    if str(name).endswith(".h5"):
        path = Path(name)
        if not path.is_file():
            raise ValueError(f"no such data file: {name}")
    else:
        names = available()
        if name not in names:  # also rejects names such as "../x" before they reach the file system
            raise ValueError(f"unknown dataset {name!r}; available: {', '.join(names)}")
        path = DATA_DIR / f"{name}.h5"
    import h5py  # lazy: `import datasets` stays cheap and the toy generators work without h5py

    with h5py.File(path, "r") as f:
        return {key: f[key][()] for key in f.keys()}


def names(split="train", path=None, held_out_fraction=NAMES_HELD_OUT_FRACTION, seed=NAMES_SPLIT_SEED):
    """Read a list of names, one per line, and return one part of a seeded split.

    With the defaults this is week 9's data: the 5163 distinct first names of the US Census 1990 lists
    (``datasets/names.txt``), lower case, letters ``a``-``z`` only, of which 516 (10 %) are held out to
    measure how well a language model generalises. The split is a random permutation from
    ``np.random.default_rng(seed)``, the same on every machine; both parts come back in the order of
    the file (alphabetical for ``names.txt``) and never share a line.

    Parameters
    ----------
    split : {"train", "held_out", "all"}
        Which part to return; ``"all"`` is every name in the file, unsplit.
    path : str or path-like, optional
        Another file of names (one per line, UTF-8; blank lines and surrounding spaces are ignored).
        Default: ``datasets/names.txt``.
    held_out_fraction : float
        Share of the names held out, ``round(held_out_fraction * n)`` of them (at least one of each part
        when the file has two names or more).
    seed : int
        Seed of the split.

    Returns
    -------
    list of str

    Raises
    ------
    ValueError
        If ``split`` is not one of the three parts or ``held_out_fraction`` is not between 0 and 1.
    FileNotFoundError
        If the file does not exist (``names.txt`` is rebuilt by ``python -m datasets.build``).
    """
    if split not in NAMES_SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(map(repr, NAMES_SPLITS))}")
    if not 0 <= held_out_fraction <= 1:
        raise ValueError(f"held_out_fraction must be between 0 and 1, got {held_out_fraction!r}")
    path = NAMES_FILE if path is None else Path(path)
    if not path.is_file():
        hint = " (rebuild it with: python -m datasets.build)" if path == NAMES_FILE else ""
        raise FileNotFoundError(f"no such names file: {path}{hint}")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    every_name = [line for line in lines if line]
    if split == "all":
        return every_name
    n = len(every_name)
    n_held_out = round(held_out_fraction * n)
    if n >= 2:  # both parts non-empty, so that a small file of one's own still trains and evaluates
        n_held_out = min(max(n_held_out, 1), n - 1)
    held_out = np.zeros(n, dtype=bool)
    held_out[np.random.default_rng(seed).permutation(n)[:n_held_out]] = True
    wanted = split == "held_out"
    return [name for name, is_held_out in zip(every_name, held_out) if is_held_out == wanted]
