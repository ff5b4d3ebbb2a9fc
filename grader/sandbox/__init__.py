"""The sandbox: run a submission's code in a worker process and bring back plain data.

The test suites never import learner code. They call it through :func:`load`, whose functions send
each call to a worker subprocess (see :mod:`.worker`) and return what it answers, decoded by
:mod:`grader.codec`. A call that raises, hangs, exits or kills its worker becomes a
:class:`SubmissionError` in the test, which the pytest plugin turns into a status and a message.
A worker that died is replaced at the next call; an exercise that timed out is not run again.
The worker runs in the jail of :mod:`.jail` (a user and namespaces of its own where the grader
runs as root); a call that leaves a process of the submission running fails, and the process is ended.

The calls and the :class:`Sandbox` that makes them are in :mod:`.remote`, whose names are this
package's (``sandbox.load``, ``sandbox.Sandbox``, ...). They are imported at their first use, not
with the package: the jail (:mod:`.jail`) imports no NumPy, so ``python -m grader`` starts the
workers before it imports NumPy itself, and its two cores share the start-up.

Also here: the files the grader copies and checks (:mod:`.files`, :mod:`.guard`) and the reference
functions that may answer a worker's calls (:mod:`.oracles`). May import the core only.
"""
import importlib

# The limits a grading starts with (the command line's defaults): here, so that reading them imports nothing.
DEFAULT_CALL_TIMEOUT = 10.0
DEFAULT_MEMORY_MB = 2048


_SUBMODULES = ("files", "guard", "jail", "jail_launcher", "oracles", "worker")


def __getattr__(name):
    # A submodule not imported yet is the import system's to find (``from . import jail``); asking
    # for it here would import the calls, and NumPy with them.
    if name in _SUBMODULES or name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    remote = importlib.import_module(f"{__name__}.remote")
    if name == "remote":
        return remote
    try:
        return getattr(remote, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
