"""A grading session: run the week suites through pytest (in this process, with the learner's code
in the sandbox's worker) and gather a :class:`GradingResults`.

The pytest plugin (:mod:`.plugin`) turns each test into a result; :mod:`.calls` names the exercise a
failure cascades from; :mod:`.notebook` prepares a notebook as a submission; :mod:`.seeds` draws the
inputs of a session. May import :mod:`grader.sandbox` and the core, nothing above.
"""
import contextlib
import io
import os
import shutil
import time
from pathlib import Path

from . import calls, streams
from .. import sandbox
from ..sandbox import jail as jail_module
from ..sandbox.files import remove_tree, temporary_folder
from ..course import (COURSE_ROOT, EXERCISES_DIR, TESTS_DIR, CourseError, modules, relative, resolve_weeks,
                      week_title, weeks as all_weeks)
from ..results import ExerciseResult, GradingResults, TestResult, WeekResult


class Submission:
    """What to grade: a folder laid out like ``exercises/`` and the test files that apply to it."""

    def __init__(self, root, weeks, test_files, label, cleanup=None):
        self.root, self.weeks, self.test_files, self.label, self._cleanup = root, weeks, test_files, label, cleanup

    def close(self):
        if self._cleanup is not None:
            self._cleanup()


def prepare(path, requested_weeks):
    """Turn the user's ``--submission PATH`` and week arguments into a :class:`Submission`.

    ``PATH`` is a folder laid out like ``exercises/`` (with ``week1/``, ...), one week's folder, or a
    single module file named after the module it replaces (``numpy_basics.py``). Raises
    :class:`CourseError` for anything that cannot be graded, with one line that says why.
    """
    label = str(path) if path is not None else relative(EXERCISES_DIR)
    path = Path(path) if path is not None else EXERCISES_DIR
    if not path.exists():
        raise CourseError(f"no such file or folder: {label}")
    if path.is_file():
        return _single_module(path, requested_weeks, label)
    if path.name.startswith("week") and not any(path.glob("week*/")):
        weeks = resolve_weeks(requested_weeks or [path.name])
        if weeks != [path.name]:
            raise CourseError(f"{label} holds only {path.name}; ask for that week or pass the whole folder")
        path = path.parent
    else:
        weeks = resolve_weeks(requested_weeks)
    _check_syntax(path, weeks)
    return Submission(path.resolve(), weeks, test_files(weeks), label)


def test_files(weeks):
    """The test modules of ``weeks``, in lesson order (pytest runs them in the order given)."""
    return [TESTS_DIR / week / f"test_{module}.py" for week in weeks for module in modules(week)]


def _single_module(path, requested_weeks, label):
    if path.suffix != ".py":
        raise CourseError(f"{label} is not a Python module (.py)")
    candidates = [w for w in resolve_weeks(requested_weeks) if path.stem in modules(w)]
    if not candidates:
        known = sorted({m for w in all_weeks() for m in modules(w)})
        raise CourseError(f"cannot tell which module {label} is: name the file after one of {', '.join(known)}")
    if len(candidates) > 1:
        raise CourseError(f"{path.name} exists in {', '.join(candidates)}: name the week too, e.g. `grader {candidates[-1]}`")
    week = candidates[0]
    _check_file_syntax(path, label)
    # The module may import its week's other modules, so it is graded inside a copy of exercises/.
    tmp = temporary_folder("submission")
    shutil.copytree(EXERCISES_DIR, tmp, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(path, Path(tmp) / week / path.name)
    return Submission(Path(tmp).resolve(), [week], [TESTS_DIR / week / f"test_{path.stem}.py"], label,
                      cleanup=lambda: remove_tree(tmp))


def _check_syntax(root, weeks):
    for week in weeks:
        for file in sorted((root / week).glob("*.py")) if (root / week).is_dir() else []:
            _check_file_syntax(file, relative(file))


DEFAULT_TIME_LIMIT = 600.0  # seconds for one whole submission; a call into it has its own --timeout
MAX_MODULE_BYTES = 8 * 2**20  # far more than any exercise module; compiling more costs the grader


def _check_file_syntax(path, label):
    try:
        if path.stat().st_size > MAX_MODULE_BYTES:
            raise CourseError(f"{label} is larger than {MAX_MODULE_BYTES // 2**20} MB: is it really the module?")
        source = path.read_bytes()
        compile(source, label, "exec", dont_inherit=True)  # compiling runs none of the code
    except SyntaxError as exc:
        raise CourseError(f"{label}, line {exc.lineno}: syntax error: {exc.msg}") from None
    except (OSError, ValueError, MemoryError, RecursionError) as exc:
        raise CourseError(f"{label}: cannot read it: {type(exc).__name__}: {exc}") from None


class _Capture:
    """Keeps the pytest config so that the plugin's results can be read after ``pytest.main``."""

    config = None
    collection_errors = ()

    def pytest_configure(self, config):
        self.config = config
        self.collection_errors = []

    def pytest_collectreport(self, report):
        if report.failed:
            self.collection_errors.append(f"{report.nodeid}: {report.longreprtext.strip().splitlines()[-1]}")


def run_pytest(test_files, extra_args=(), sandbox=None, spare=None):
    """``pytest.main`` on the course's tests, silently; returns the capture plugin. ``sandbox``: an
    already started :class:`grader.sandbox.Sandbox` for the session (else the plugin starts one);
    ``spare``: another, for the process the session forks to share the exercises."""
    import pytest  # only now: the worker of a grading starts up while this process imports pytest
    import pytest_timeout

    from . import plugin

    capture = _Capture()
    # Only the plugins grading needs: third-party ones installed on the machine (hypothesis, ...)
    # would slow every run down. The graded tests use grader.checks, so no assertion rewriting, and
    # the report shows their messages, so pytest need not format tracebacks (slow for many failures).
    # Nothing to capture either: the learner's prints stay in the worker's log, and this process's
    # output goes nowhere.
    # pytest's own optional plugins cost time at every test or at exit (gc.collect) and add nothing.
    unused = ["cacheprovider", "unraisableexception", "threadexception", "doctest", "junitxml", "pastebin",
              "logging", "warnings", "legacypath", "faulthandler", "stepwise", "setuponly", "setupplan"]
    # Nothing of a submission may reach this process: every option with a path is one argument
    # (pytest's early parse takes the value of `--opt PATH` for a test path and loads PATH/conftest.py,
    # pytest-dev/pytest#13913), no conftest.py is read (the course's plugin is named instead), and only
    # the course's configuration file is. The two plugins are handed over as modules: named with -p,
    # each would make pytest read the entry points of every package installed (15 ms on a machine
    # with many).
    args = [*map(str, test_files), f"--rootdir={COURSE_ROOT}", f"--config-file={COURSE_ROOT / 'pyproject.toml'}",
            "--noconftest", *(f"-pno:{name}" for name in unused),
            "--assert=plain", "--tb=no", "-q", "--capture=no", "--lean", *extra_args]
    with _environ(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"), \
            contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = pytest.main(args, plugins=[plugin, pytest_timeout, capture,
                                          *([] if sandbox is None else [plugin.HandOver(sandbox, spare)])])
    if code == pytest.ExitCode.INTERRUPTED:
        raise KeyboardInterrupt  # pytest swallowed the user's Ctrl-C; a partial report would mislead
    if code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR):
        raise RuntimeError(f"pytest stopped with {code.name}")
    if capture.collection_errors:
        raise RuntimeError("the test suites could not be loaded:\n  " + "\n  ".join(capture.collection_errors))
    return capture


@contextlib.contextmanager
def _environ(**values):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def grade(submission, call_timeout=sandbox.DEFAULT_CALL_TIMEOUT, memory_mb=sandbox.DEFAULT_MEMORY_MB,
          hidden=True, exercises=(), seed=None, trusted=False, time_limit=None, processes=None):
    """Run the suites of ``submission.weeks`` against its code; a :class:`GradingResults`.

    ``hidden``: include the hidden cases where their fixture files exist (``--no-hidden``: never).
    ``exercises``: grade only these exercises (names as in ``python -m grader list``).
    ``seed``: the grading seed (:mod:`grader.grading.seeds`); a new one when None.
    ``trusted``: the instructors' own code (the catalogue of mistakes): no guard on the course's files.
    ``time_limit``: seconds for the whole grading; calls into the submission after it fail at once.
    ``processes``: how many processes share the exercises (:mod:`.streams`); by default as many as
    the machine has cores for, up to two.
    """
    start = time.perf_counter()
    processes = streams.default_processes() if processes is None else processes
    options = [f"--submission={submission.root}", f"--call-timeout={call_timeout}", f"--memory-limit={memory_mb}",
               *([] if hidden else ["--no-hidden"]), *(["--no-guard"] if trusted else []),
               *([] if time_limit is None else [f"--run-time-limit={time_limit}"])]
    limits = {"call_timeout": call_timeout, "memory_mb": memory_mb, "time_limit": time_limit}
    # The worker starts now, before this process imports NumPy (grader.sandbox.jail imports none),
    # and imports the submission's modules while this process imports pytest and collects the tests
    # (with a chosen exercise, only what its tests call is imported). So does the worker of the
    # process that will share the exercises (grader.grading.streams), in a jail of its own: started
    # by that process after the fork, it would keep it waiting while this process has a core to spare.
    jails = [jail_module.Jail(submission.root, memory_mb, slot=slot)
             for slot in range(2 if _shares(processes, exercises) else 1)]
    launched = jail_module.launch(jails, _imported_by(submission))
    boxes = [sandbox.Sandbox(submission.root, slot=slot, **limits) for slot in range(len(jails))]
    preload = () if exercises else _modules_of(submission.test_files)
    for box, jail, process in zip(boxes, jails, launched):
        box.adopt(jail, process)
        box.preload(preload)
    capture = _session(submission.test_files, options + [f"--exercise={name}" for name in exercises]
                       + [f"--processes={processes}"]
                       + ([] if seed is None else [f"--seed={seed}"]),
                       *boxes)
    from . import plugin

    if exercises and not plugin.graded_items(capture.config):
        raise CourseError(f"no exercise named {' or '.join(exercises)} in {', '.join(submission.weeks)} "
                          "(`python -m grader list` shows them)")
    weeks = _group(plugin.collected_results(capture.config), submission.weeks)
    results = GradingResults(submission.label, weeks, time.perf_counter() - start,
                             seed=capture.config._grader_seed, isolation=capture.config._grader_sandbox.isolation)
    cascades = calls.annotate(results)
    from ..sandbox import oracles  # not before the workers start: it imports NumPy

    reference = oracles.reference_folder()
    if reference is not None and Path(submission.root).resolve() != reference:
        for exercise, callees in cascades[:MAX_REGRADES]:
            _regrade(exercise, callees, options + [f"--seed={results.seed}"])
        results.duration = time.perf_counter() - start
    if hasattr(submission, "finish"):
        submission.finish(results)  # e.g. a notebook's: what its cells did, in the learner's words
    left = capture.config._grader_sandbox.left_running
    if left:
        results.notices.append(f"your code left {left} process{'es' * (left > 1)} running after its calls; "
                               "they were stopped (a process it starts must end before the function returns)")
    guard = capture.config._grader_guard
    if guard is not None and guard.quarantine is not None:
        tampered = guard.undone
        named = f" ({', '.join(relative(p) for p in tampered[:5])}{' ...' if len(tampered) > 5 else ''})" if tampered else ""
        results.notices.append(f"the submission changed course files{named}; they were put back, and the "
                               f"changed versions kept in {guard.quarantine}")
    return results


MAX_REGRADES = 12  # exercises graded again with reference helpers, in one grading (each is a session)


# Packages a submission's code may import that take its worker long to import (h5py: 30 ms): where
# the graded modules mention one, the jails' launcher imports it once, before the workers are forked.
SLOW_IMPORTS = ("h5py",)


def _imported_by(submission):
    """Which of :data:`SLOW_IMPORTS` the graded weeks' modules of ``submission`` mention."""
    found = set()
    for week in submission.weeks:
        folder = Path(submission.root) / week
        for file in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            try:
                source = file.read_bytes()
            except OSError:
                continue
            found.update(name for name in SLOW_IMPORTS if name.encode() in source)
    return sorted(found)


def _shares(processes, exercises):
    """Whether a session will fork a second grading process and can hand it a worker started here:
    where the jail has namespaces (its launcher tells any process how the worker ended), and the whole
    suites run (a chosen exercise is one group of tests, graded in one process)."""
    return (processes >= 2 and not exercises and streams.supported()
            and jail_module.available_mode() == jail_module.NAMESPACES)


def _modules_of(test_files):
    """``week4.deep_nn`` for ``tests/week4/test_deep_nn.py``: the module of the submission it grades."""
    return [f"{Path(f).parent.name}.{Path(f).stem[len('test_'):]}" for f in test_files]


def _session(test_files, args, started=None, spare=None):
    try:
        capture = run_pytest(test_files, args, sandbox=started, spare=spare)
    finally:
        for made in (started, spare):
            if made is not None:
                made.close()  # the plugin closed it, unless pytest stopped before
    if capture.config._grader_sandbox.jail_failure is not None:
        raise capture.config._grader_sandbox.jail_failure  # a RuntimeError: the grader failed, not the code
    return capture


def _regrade(exercise, callees, options):
    """Grade ``exercise`` again with the reference standing in for the learner's failing ``callees``
    (:mod:`grader.sandbox.oracles`); where it earns more that way, its own code is right: it keeps those points."""
    from . import plugin

    stand_ins = [name for name in callees if name.count(".") == 1]  # methods need the learner's object
    if not stand_ins:
        return
    capture = _session([TESTS_DIR / exercise.week / f"test_{exercise.module}.py"],
                       options + [f"--exercise={exercise.name}"]
                       + [f"--oracle={exercise.week}.{name}" for name in stand_ins])
    again = [test for week, module, name, test in plugin.collected_results(capture.config)
             if (week, module, name) == (exercise.week, exercise.module, exercise.name)]
    earned = sum(t.earned for t in again)
    which = calls.names(stand_ins)
    if again and earned > exercise.points + 1e-9:
        exercise.tests = again
        exercise.note += (f"; with the reference {which} in place of yours, this exercise's own code earns "
                          f"{earned:.4g} of its {exercise.max_points:g} points, which it keeps")
    else:
        exercise.note += f"; it loses points even with the reference {which}: look at its own code too"


def list_exercises(weeks=None):
    """Every exercise of ``weeks`` with its tests, collected but not run (statuses "not run")."""
    from . import plugin

    weeks = resolve_weeks(weeks)
    capture = run_pytest(test_files(weeks), ["--collect-only"])
    entries = [(*item._grader_exercise, TestResult(item.nodeid, item.name, item._grader_points, "not run",
                                                   hidden=item._grader_hidden))
               for item in plugin.graded_items(capture.config)]
    return _group(entries, weeks)


def _group(entries, weeks):
    """``[(week, module, exercise, TestResult)]`` -> ``[WeekResult]``, keeping the order of the tests."""
    by_week = {w: WeekResult(w, week_title(w)) for w in weeks}
    exercises = {}
    for week, module, name, test in entries:
        key = (week, module, name)
        if key not in exercises:
            exercises[key] = ExerciseResult(week, module, name)
            by_week[week].exercises.append(exercises[key])
        exercises[key].tests.append(test)
    return [by_week[w] for w in weeks]
