"""The course's data: small committed HDF5 files and seeded 2-D toy generators.

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

This package only needs numpy; h5py is imported when a file is loaded. The PyPI package that is
also called ``datasets`` has nothing to do with it: ``datasets.COURSE_DATASETS`` tells them apart.
"""

from pathlib import Path

from .toy import circles, football, moons, planar_flower

__all__ = ["COURSE_DATASETS", "DATA_DIR", "available", "load",
           "planar_flower", "moons", "circles", "football"]

COURSE_DATASETS = True  # sentinel: this is the course's package, not Hugging Face's `datasets`
DATA_DIR = Path(__file__).resolve().parent


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
