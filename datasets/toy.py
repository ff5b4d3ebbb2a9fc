"""Seeded 2-D toy data sets for the shallow-network, initialization, regularization and optimization weeks.

Every generator is pure numpy and draws only from ``np.random.default_rng(rng)``, so the same ``rng``
gives the same points on every machine and numpy's global random state is never read or changed.
Following the course convention, examples are **columns**: ``X`` has shape ``(2, m)`` and the labels
``Y`` have shape ``(1, m)`` with float64 values 0.0 / 1.0.
"""

import numpy as np

__all__ = ["planar_flower", "moons", "circles", "football"]


def _as_columns(points, labels):
    """Turn ``(m, 2)`` points and ``(m,)`` labels into the course's ``(2, m)`` / ``(1, m)`` float64 arrays."""
    X = np.ascontiguousarray(np.asarray(points, dtype=np.float64).T)
    Y = np.asarray(labels, dtype=np.float64).reshape(1, -1)
    return X, Y


def planar_flower(m=400, noise=0.2, rng=1):
    """The planar "flower": two classes laid out as the alternating petals of a 4-petal rose.

    Same construction as ``planar_utils.load_planar_dataset`` of the Deep Learning Specialization
    (petal length ``a = 4``, angle and radius both jittered by ``noise``), drawn from
    ``np.random.default_rng(rng)`` instead of the global seed, so the points differ from the
    original ones but the shape and difficulty are the same: not linearly separable, easy for a
    one-hidden-layer network.

    Parameters
    ----------
    m : int, default 400
        Number of points. Class 0 gets ``m // 2`` points, class 1 the rest.
    noise : float, default 0.2
        Standard deviation of the Gaussian jitter added to each point's angle and radius.
    rng : None, int or numpy.random.Generator, default 1
        Source of randomness, normalised with ``np.random.default_rng(rng)``.

    Returns
    -------
    X : ndarray of shape (2, m), float64
        Point coordinates, one example per column (class 0 first, then class 1).
    Y : ndarray of shape (1, m), float64
        Labels, 0.0 or 1.0.
    """
    rng = np.random.default_rng(rng)
    a = 4.0  # petal length: the largest radius of the rose r = a * sin(4 t)
    sizes = (m // 2, m - m // 2)
    points, labels = [], []
    for j, n in enumerate(sizes):
        # Class j sweeps the half-turn [3.12 j, 3.12 (j + 1)], so the two classes take alternate petals.
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.standard_normal(n) * noise
        r = a * np.sin(4 * t) + rng.standard_normal(n) * noise
        points.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(n, j))
    return _as_columns(np.concatenate(points), np.concatenate(labels))


def moons(m=300, noise=0.2, rng=3):
    """Two interleaving half circles ("moons") with Gaussian noise.

    The same construction as ``sklearn.datasets.make_moons`` (upper moon class 0, lower moon class 1,
    columns shuffled), written in numpy so the course does not need scikit-learn.

    Parameters
    ----------
    m : int, default 300
        Number of points. Class 0 gets ``m // 2`` points, class 1 the rest.
    noise : float, default 0.2
        Standard deviation of the Gaussian noise added to both coordinates.
    rng : None, int or numpy.random.Generator, default 3
        Source of randomness, normalised with ``np.random.default_rng(rng)``.

    Returns
    -------
    X : ndarray of shape (2, m), float64
        Point coordinates, one example per column, in shuffled order.
    Y : ndarray of shape (1, m), float64
        Labels, 0.0 or 1.0.
    """
    rng = np.random.default_rng(rng)
    n_out, n_in = m // 2, m - m // 2
    t_out = np.linspace(0.0, np.pi, n_out)
    t_in = np.linspace(0.0, np.pi, n_in)
    points = np.concatenate([
        np.column_stack([np.cos(t_out), np.sin(t_out)]),
        np.column_stack([1.0 - np.cos(t_in), 0.5 - np.sin(t_in)]),
    ])
    labels = np.concatenate([np.zeros(n_out), np.ones(n_in)])
    order = rng.permutation(m)  # shuffle so that any slice of the columns holds both classes
    points = points[order] + rng.normal(scale=noise, size=(m, 2))
    return _as_columns(points, labels[order])


def circles(m=300, noise=0.05, factor=0.5, rng=1):
    """A small circle inside a large one, with Gaussian noise.

    The same construction as ``sklearn.datasets.make_circles`` (outer circle of radius 1 is class 0,
    inner circle of radius ``factor`` is class 1, columns shuffled), written in numpy.

    Parameters
    ----------
    m : int, default 300
        Number of points. The outer circle gets ``m // 2`` points, the inner one the rest.
    noise : float, default 0.05
        Standard deviation of the Gaussian noise added to both coordinates.
    factor : float, default 0.5
        Radius of the inner circle relative to the outer one, ``0 < factor < 1``.
    rng : None, int or numpy.random.Generator, default 1
        Source of randomness, normalised with ``np.random.default_rng(rng)``.

    Returns
    -------
    X : ndarray of shape (2, m), float64
        Point coordinates, one example per column, in shuffled order.
    Y : ndarray of shape (1, m), float64
        Labels, 0.0 (outer) or 1.0 (inner).
    """
    if not 0.0 < factor < 1.0:
        raise ValueError(f"factor must be between 0 and 1 (exclusive), got {factor}")
    rng = np.random.default_rng(rng)
    n_out, n_in = m // 2, m - m // 2
    t_out = np.linspace(0.0, 2 * np.pi, n_out, endpoint=False)
    t_in = np.linspace(0.0, 2 * np.pi, n_in, endpoint=False)
    points = np.concatenate([
        np.column_stack([np.cos(t_out), np.sin(t_out)]),
        factor * np.column_stack([np.cos(t_in), np.sin(t_in)]),
    ])
    labels = np.concatenate([np.zeros(n_out), np.ones(n_in)])
    order = rng.permutation(m)
    points = points[order] + rng.normal(scale=noise, size=(m, 2))
    return _as_columns(points, labels[order])


# The "football field": where on the field each team's player won the header after the goalkeeper's
# kick. The two classes are split by a gently curved line, but the labels are noisy in two ways: soft
# near the line, and a few small "bulges" of the other team's points just across it. The bulges are
# drawn afresh for every sample, so the training set and the test set have them in different places:
# a network trained without regularization bends its boundary around the training bulges and pays
# for it on the test points, while L2 or dropout keep the boundary smooth.
_FIELD_X = (-0.75, 0.45)   # horizontal extent of the field
_FIELD_Y = (-0.75, 0.65)   # vertical extent of the field
_BOUNDARY_WIDTH = 0.03     # softness of the true boundary: larger means more label noise near it
_N_BULGES = 5              # bulges of the wrong team per sample
_BULGE_RADIUS = 0.10
_BULGE_OFFSET = 0.06       # how far across the boundary each bulge's centre lies
_FLIP_PROB = 0.01          # labels flipped uniformly at random anywhere on the field


def _boundary(x1):
    """Height of the true class boundary above the horizontal position ``x1`` (any shape)."""
    return 0.35 * x1 + 0.12 * np.sin(5.0 * x1 + 0.5) - 0.02


def _football_points(m, rng):
    """Draw ``m`` points on the field and their noisy labels, as ``(2, m)`` / ``(1, m)`` arrays."""
    points = np.column_stack([rng.uniform(*_FIELD_X, size=m), rng.uniform(*_FIELD_Y, size=m)])
    distance = points[:, 1] - _boundary(points[:, 0])
    # Soft boundary: the closer a point is to the line, the closer its label is to a coin flip.
    p_one = 1.0 / (1.0 + np.exp(-distance / _BOUNDARY_WIDTH))
    labels = (rng.random(m) < p_one).astype(np.float64)
    # Bulges: a centre just above the line (side +1) claims its disc for class 0, and vice versa.
    centre_x = rng.uniform(*_FIELD_X, size=_N_BULGES)
    side = rng.choice([-1.0, 1.0], size=_N_BULGES)
    centre_y = _boundary(centre_x) + side * _BULGE_OFFSET
    for x0, y0, s in zip(centre_x, centre_y, side):
        inside = (points[:, 0] - x0) ** 2 + (points[:, 1] - y0) ** 2 < _BULGE_RADIUS ** 2
        labels[inside] = 0.0 if s > 0 else 1.0
    flip = rng.random(m) < _FLIP_PROB
    labels[flip] = 1.0 - labels[flip]
    return _as_columns(points, labels)


def football(m_train=211, m_test=200, rng=2):
    """A 2-D "football field" set for the regularization week: noisy labels on either side of a curve.

    Stands in for the Deep Learning Specialization's ``data.mat`` (positions where the French or the
    opposing team's player headed the ball). Points are uniform on the field; the label is 1 above a
    gently curved boundary and 0 below it, with label noise that grows near the boundary, a few small
    "bulges" of the other class just across it (in different places in each sample) and a few labels
    flipped at random. A 3-layer network trained without regularization fits that noise
    (high training accuracy, lower test accuracy); L2 or dropout give a smoother boundary that
    generalises better. Train and test points are independent draws from the same distribution.

    Parameters
    ----------
    m_train : int, default 211
        Number of training points.
    m_test : int, default 200
        Number of test points.
    rng : None, int or numpy.random.Generator, default 2
        Source of randomness, normalised with ``np.random.default_rng(rng)``.

    Returns
    -------
    train_X : ndarray of shape (2, m_train), float64
        Training points, one example per column.
    train_Y : ndarray of shape (1, m_train), float64
        Training labels, 0.0 or 1.0.
    test_X : ndarray of shape (2, m_test), float64
        Test points, one example per column.
    test_Y : ndarray of shape (1, m_test), float64
        Test labels, 0.0 or 1.0.
    """
    rng = np.random.default_rng(rng)
    train_X, train_Y = _football_points(m_train, rng)
    test_X, test_Y = _football_points(m_test, rng)
    return train_X, train_Y, test_X, test_Y
