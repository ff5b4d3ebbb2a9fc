"""``python -m grader``: a learner's command (:mod:`grader.cli`), or an instructors' tool (:mod:`grader.tools.cli`).

The entry point sits above both: a learner's run never imports the instructors' tools.
"""
import gc
import os
import sys

# The instructors' commands (grader.tools.cli.COMMANDS; tests/grader/test_layers.py keeps the two equal).
INSTRUCTOR_COMMANDS = frozenset({"fixtures", "gradescope", "mistakes", "mutation", "notebooks", "release",
                                 "scoreboard", "stubs"})


def for_instructors(argv):
    """Whether ``argv`` asks for an instructors' tool: a command of theirs, or grading a class.

    ``--submissions`` is the only spelling of class grading argparse accepts: any shorter prefix is
    ``--submission`` (one submission) or ambiguous.
    """
    return bool(argv) and argv[0] in INSTRUCTOR_COMMANDS or any(
        arg == "--submissions" or arg.startswith("--submissions=") for arg in argv)


def main(argv):
    if for_instructors(argv):
        from .tools.cli import main as run
    else:
        from .cli.main import main as run
    return run(argv)


def exit_now(status):
    """End a learner's command once its report is out. Everything it made is closed or removed by
    then (the worker and its jail, temporary folders, the --output file); the interpreter's own
    teardown (numpy, h5py, pytest, the evaluation threads) would add 0.1-0.15 s and change nothing."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader of the report is gone: nothing more can reach it
        pass
    os._exit(status)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if not for_instructors(arguments):
        # This process's own NumPy work is small (reference values, checks): the pool of BLAS threads
        # that NumPy's import starts would only spin on the core the worker is starting up on.
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        # Until the tests are collected, a learner's command makes long-lived objects only (modules,
        # pytest's items), a few hundred thousand: the cyclic collector would go through them again
        # and again, for nothing (30-60 ms a run). The pytest plugin turns it back on, with them frozen.
        gc.disable()
        # h5py's import (a test reading the file a model saved) reads platform.uname() whole, and its
        # processor field runs `uname -p` in a subprocess: a fork of this whole process, for a value
        # nothing here reads. The field is cached where uname() keeps it (Python 3.9+).
        try:
            import platform

            platform.uname().__dict__.setdefault("processor", "")
        except (AttributeError, TypeError):
            pass
    status = main(arguments)
    if for_instructors(arguments):
        sys.exit(status)  # the tools end the usual way (their process pools, their files)
    exit_now(status)
