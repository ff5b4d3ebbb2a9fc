"""The grading seed: random inputs that a submission cannot know in advance, and that a rerun repeats.

Every grading session draws one seed (``--seed N`` repeats a session). A graded test that takes a
parameter named ``seed`` declares *slots* (``@pytest.mark.parametrize("seed", [0, 1])``); the plugin
hands the test the seed of that slot in this session, ``slot_seed(slot)``, so the test's shapes and
values change from one grading to the next while each slot stays a different draw. Reference cases
(:mod:`grader.cases`) are frozen from fixed seeds: they are the numbers a learner may look at; the
tests that take a ``seed`` are the ones that memorising those numbers cannot pass.
"""
import random
import zlib

import numpy as np
import numpy.random  # noqa: F401 - NumPy loads it at first use: here, before a session forks, not in each process

SEED_LIMIT = 10 ** 6  # short enough to type after --seed

_session_seed = None


def new_seed():
    return random.SystemRandom().randrange(SEED_LIMIT)  # the system's source, as the secrets module's


def start_session(seed=None):
    """Fix the seed of this grading session (a new random one unless ``seed`` is given); returns it."""
    global _session_seed
    _session_seed = new_seed() if seed is None else int(seed)
    return _session_seed


def session_seed():
    return start_session() if _session_seed is None else _session_seed


def slot_seed(slot):
    """The seed of ``slot`` in this session: a non-negative int below 2**31."""
    mixed = np.random.SeedSequence([session_seed(), zlib.crc32(repr(slot).encode())])
    return int(mixed.generate_state(1)[0] >> 1)


def rng(slot):
    """``np.random.default_rng(slot_seed(slot))``."""
    return np.random.default_rng(slot_seed(slot))
