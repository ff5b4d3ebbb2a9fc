"""What every example script shares: it runs your code in ``exercises/``, or with ``--solutions`` the reference.

An example uses it in three steps::

    import _course                                   # also puts the course folder on sys.path

    def main(argv=None):
        parser = _course.parser(__doc__)             # --help, --solutions and the exit statuses
        args = parser.parse_args(argv)
        trainer = _course.load(args, "week7.trainer")  # exercises.week7.trainer, or solutions.week7.trainer
        ...

    if __name__ == "__main__":
        _course.run(main)

Exit statuses (the same for every example):

- 0: the example ran to its end;
- 2: a bad argument, or ``--solutions`` in a copy of the course without ``solutions/`` (the
  learners' copy): one line says so;
- 3: your code in ``exercises/`` raised an exception: one line names the file, line and function
  (a function not written yet raises ``NotImplementedError``) and the ``python -m grader weekN`` that
  checks it. The reference solutions' errors are not caught: they are bugs of the course;
- 130: interrupted (Ctrl-C).
"""

import argparse
import contextlib
import importlib
import re
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the course folder
sys.path.insert(0, str(ROOT))

EPILOG = """\
By default the example runs your code in exercises/; --solutions runs the reference solutions in
solutions/ instead (they are not part of the learners' copy of the course).

exit status: 0 done; 2 bad arguments, or --solutions without solutions/; 3 your code raised an
exception, a function not written yet included: one line says where (python -m grader weekN then
checks your code function by function); 130 interrupted."""

_running = {"package": None, "weeks": []}  # what load() imported, for run()'s message


def parser(doc):
    """An ``ArgumentParser`` with the example's first docstring line, ``--solutions`` and the exit statuses."""
    p = argparse.ArgumentParser(description=doc.strip().splitlines()[0], epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--solutions", action="store_true",
                   help="run the reference solutions in solutions/ instead of your code in exercises/")
    return p


def load(args, *names, verb="Training"):
    """The modules ``names`` ("week7.trainer", ...) from ``exercises/`` (or ``solutions/`` with ``--solutions``).

    Prints first which code runs. One name gives one module, several a tuple. Exits with status 2 when
    ``--solutions`` is asked for and the course has no ``solutions/`` folder.
    """
    package = "solutions" if args.solutions else "exercises"
    weeks = list(dict.fromkeys(name.split(".")[0] for name in names))
    folders = " and ".join(f"{package}/{week}/" for week in weeks)
    if args.solutions and not (ROOT / "solutions").is_dir():
        print(f"--solutions: the reference solutions are not part of this copy of the course; without "
              f"--solutions the example runs your code in {folders.replace('solutions/', 'exercises/')}",
              file=sys.stderr)
        sys.exit(2)
    if args.solutions:
        print(f"{verb} the reference solutions in {folders}", flush=True)
    else:
        other = " (with --solutions: the reference solutions instead)" if (ROOT / "solutions").is_dir() else ""
        print(f"{verb} your code in {folders}{other}", flush=True)
    _running.update(package=package, weeks=weeks)
    modules = tuple(importlib.import_module(f"{package}.{name}") for name in names)
    return modules[0] if len(modules) == 1 else modules


def _in_exercises(filename):
    return (ROOT / "exercises") in Path(filename).resolve().parents


def describe(error):
    """One line: where in ``exercises/`` ``error`` was raised, what it is, and the grader command to run."""
    frames = [(frame.f_code.co_filename, lineno, getattr(frame.f_code, "co_qualname", frame.f_code.co_name))
              for frame, lineno in traceback.walk_tb(error.__traceback__)]
    if isinstance(error, SyntaxError) and error.filename:           # raised by the import, not in a frame
        frames.append((error.filename, error.lineno, "<module>"))
    mine = [frame for frame in frames if _in_exercises(frame[0])]
    filename, lineno, function = (mine or frames)[-1]
    function = function if function.startswith("<") else f"{function}()"
    path = Path(filename).resolve()
    where = f"{path.relative_to(ROOT).as_posix() if ROOT in path.parents else path}:{lineno}"
    week = path.parent.name if mine else _running["weeks"][0]
    if isinstance(error, NotImplementedError) and mine:
        return (f"{where}: {function} is not written yet: fill in its # YOUR CODE HERE block, then check it "
                f"with python -m grader {week}")
    message = " ".join((error.msg if isinstance(error, SyntaxError) else str(error)).split())
    context = f"in {function}" if mine else f"in {function}, with what your code in exercises/{week}/ returned"
    return f"{where}: {type(error).__name__}: {message} ({context}; python -m grader {week} checks your code)"


def run(main):
    """Call ``main()``; an exception from the learner's code becomes one line and exit status 3."""
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 -- one readable line instead of a traceback
        if _running["package"] != "exercises":
            raise                                                    # the course's own bug: the traceback
        print(describe(error), file=sys.stderr)
        sys.exit(3)


# Progress: the training functions' print_cost=True prints "Cost after iteration N: c" lines (every 100
# iterations, up to 300 of them); progress() shows them as one line on the terminal, redrawn in place.
COST_LINE = re.compile(r"\s*Cost after (iteration|epoch) \d+")
SUMMARY_LINE = re.compile(r"\s*(train|test) (accuracy|RMSE): ")  # what model(print_cost=True) adds at its end


class _Progress:
    """Stands for ``sys.stdout`` during ``progress()``: cost lines go to the status line, other lines through."""

    def __init__(self, out, status):
        self.out, self.status, self.pending, self.shown = out, status, "", False

    def write(self, text):
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if COST_LINE.match(line):
                if self.status.isatty():
                    self.status.write(f"\r\x1b[K  {line.strip()}")
                    self.status.flush()
                    self.shown = True
            elif not SUMMARY_LINE.match(line):   # your own print() calls, for instance
                self.close()
                self.out.write(line + "\n")
        return len(text)

    def flush(self):
        self.out.flush()

    def close(self):
        if self.shown:
            self.status.write("\r\x1b[K")
            self.status.flush()
            self.shown = False


@contextlib.contextmanager
def progress():
    """While it lasts, a function's cost lines (print_cost=True) update one status line on a terminal's
    stderr (nothing when stderr is not a terminal); it is erased at the end."""
    stream = _Progress(sys.stdout, sys.stderr)
    try:
        with contextlib.redirect_stdout(stream):
            yield
    finally:
        stream.close()
        if stream.pending:
            stream.out.write(stream.pending)
