"""Reference helpers standing in for a learner's failing ones, so that an exercise is graded on its own logic.

When an exercise lost points while a function of the learner's that it calls fails its own checks
(:mod:`grader.grading.calls`), the exercise is graded a second time with those functions replaced by the
reference solutions' (``--oracle NAME``): the worker puts a stand-in under each name, and a call to
it comes back here, to the grading process, which runs the reference and answers with its result.
The reference's code never reaches the learner's process, and what the learner's code passes is
decoded as data (:mod:`grader.codec`) and checked to be plain values before the reference sees it.

A call is bounded by what is left of the call's time limit (a SIGALRM timer, which puts back
pytest-timeout's own) and by :data:`MEMORY_BUDGET_MB` of address space beyond what the grading
process already uses (a lowered soft limit, put back afterwards): a few bytes of arguments must not
make the trusted process allocate gigabytes (``initialize_parameters_deep([20000, 20000, 20000])``).

The reference is the course's ``solutions/``; class grading, which grades each entry in a copy of the
course without them, names the instructors' folder in ``GRADER_REFERENCE`` (the jail never shows it
to the submission). Without either (the student release, the Gradescope archive) there is no second
grading: the report gives the note alone.
"""
import copy
import importlib
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .. import codec
from ..course import SOLUTIONS_DIR

REFERENCE_VARIABLE = "GRADER_REFERENCE"

MESSAGE_LIMIT = 500
MEMORY_BUDGET_MB = 512  # far more than any reference needs on the suites' inputs
PLAIN = (type(None), bool, int, float, complex, str, bytes, np.ndarray, np.generic)


def reference_folder():
    """The reference solutions this grading may stand in with, or None."""
    if SOLUTIONS_DIR.is_dir():
        return SOLUTIONS_DIR.resolve()
    named = os.environ.get(REFERENCE_VARIABLE)
    return Path(named).resolve() if named and Path(named, "__init__.py").is_file() else None


def references(week, names):
    """``{name: reference function}`` for ``names`` given as ``"module.function"`` of ``week``."""
    folder = reference_folder()
    if folder is not None and folder != SOLUTIONS_DIR.resolve() and str(folder.parent) not in sys.path:
        sys.path.append(str(folder.parent))  # last: this course's own packages come first
    found = {}
    for qualified in names:
        module, name = qualified.split(".", 1)
        if "." not in name:  # a method needs the learner's object: no stand-in for it
            found[name] = getattr(importlib.import_module(f"solutions.{week}.{module}"), name)
    return found


def answer(oracles, request, seconds):
    """The reply to a worker's ``{"name", "args", "kwargs"}``: ``{"ok": result}`` or ``{"error": text}``."""
    try:
        function = oracles[request["name"]]
        args, kwargs = list(request["args"]), dict(request["kwargs"])
    except (KeyError, TypeError, ValueError):
        return {"error": "a request for a helper the grader does not stand in for"}
    if not (_plain(args) and _plain(kwargs)) or not all(isinstance(k, str) for k in kwargs):
        return {"error": "TypeError: the reference takes plain values (numbers, arrays, lists, dicts) only"}
    try:
        with np.errstate(all="ignore"), _time_limit(seconds), _memory_budget(MEMORY_BUDGET_MB):
            result = function(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            codec.encode(result)  # plain data of a size the worker can take, encoded within the budget
    except _Expired:
        return {"error": "TimeoutError: it ran out of the call's time limit"}
    except Exception as exc:  # noqa: BLE001 - the learner's arguments may make the reference raise anything
        return {"error": f"{type(exc).__name__}: {exc}"[:MESSAGE_LIMIT]}
    return {"ok": result}


def _plain(value, depth=0):
    if depth > codec.MAX_DEPTH:
        return False
    if isinstance(value, (list, tuple)):
        return all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return isinstance(value, PLAIN) and not (isinstance(value, np.ndarray) and value.dtype.kind == "O")


@contextmanager
def _memory_budget(megabytes):
    """Lower the soft address-space limit to what is in use plus ``megabytes``, then put it back
    (Linux; elsewhere, and under a tighter limit already, nothing changes)."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as statm:
            limit = int(statm.read().split()[0]) * resource.getpagesize() + megabytes * 2**20
    except (ImportError, OSError, ValueError):
        limit = None
    if limit is None or (soft != resource.RLIM_INFINITY and soft <= limit) or \
            (hard != resource.RLIM_INFINITY and hard < limit):
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class _Expired(Exception):
    pass


@contextmanager
def _time_limit(seconds):
    """Raise :class:`_Expired` after ``seconds`` (main thread only), then re-arm the alarm it replaced."""
    if seconds <= 0:
        raise _Expired
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _Expired

    handler = signal.signal(signal.SIGALRM, expire)
    earlier, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        if earlier:  # pytest-timeout's alarm for the test, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(earlier - (time.monotonic() - start), 0.001), interval)
