"""The pytest plugin behind every graded test (loaded by ``tests/conftest.py``).

It adds ``--submission`` (which folder of code the suites grade; the reference solutions by default,
so a plain ``pytest`` checks the solutions), starts the sandbox, guards the course's files, reads the
``exercise`` marker of each test and turns every test's outcome into a :class:`TestResult` with a
status and a message a learner can act on. ``python -m grader`` and plain ``pytest`` share it.
"""
import collections
import compileall
import gc
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from ..sandbox import oracles
from . import seeds, streams
from .. import sandbox as sandbox_module
from .. import cases as cases_module
from .. import numgrad
from ..cases import Case
from ..course import COURSE_ROOT, DATASETS_DIR, SOLUTIONS_DIR, TESTS_DIR, relative
from ..sandbox.guard import Guard
from ..sandbox.jail import NONE as UNISOLATED, JailError, site_folders
from ..results import ERROR, FAILED, PASSED, TestResult

MESSAGE_LINES = 8
# Files that Python or pytest would run or read at their next start, wherever they appear.
STARTUP_FILES = ["*.pth", "sitecustomize.py", "usercustomize.py", "conftest.py"]
CONFIG_FILES = ["pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg"]
RESULTS_KEY = pytest.StashKey[dict]()
ITEMS_KEY = pytest.StashKey[list]()
HINTS_KEY = pytest.StashKey[dict]()  # exercise -> the first catalogued mistake recognised in its tests
PENDING_KEY = pytest.StashKey[dict]()  # exercise -> what its passed tests saw, not yet compared (_hint)


def pytest_addoption(parser):
    group = parser.getgroup("grader", "course grader")
    group.addoption("--submission", default=None, metavar="PATH",
                    help="folder laid out like exercises/ whose code the suites grade "
                         "(default: the reference solutions in solutions/)")
    group.addoption("--call-timeout", type=float, default=sandbox_module.DEFAULT_CALL_TIMEOUT,
                    metavar="SECONDS", help="time limit of one call into the submission (default: %(default)s)")
    group.addoption("--memory-limit", type=int, default=sandbox_module.DEFAULT_MEMORY_MB, metavar="MB",
                    help="address-space limit of the process running the submission (default: %(default)s)")
    group.addoption("--run-time-limit", type=float, default=None, metavar="SECONDS",
                    help="time limit of the whole grading: calls into the submission after it fail as timed out")
    group.addoption("--no-hidden", action="store_true",
                    help="leave out the hidden cases (tests/weekN/fixtures/hidden/), even where they exist")
    group.addoption("--seed", type=int, default=None, dest="grader_seed", metavar="N",
                    help="seed of the inputs drawn at grading time (default: a new one each run; "
                         "the report shows it, so a run can be repeated)")
    group.addoption("--lean", action="store_true",
                    help="run each graded test that takes only its parameters without pytest's setup, "
                         "teardown and reporting hooks (the grader's own sessions; plain pytest reports each)")
    group.addoption("--no-guard", action="store_true",
                    help="trust the submission with the course's files (for code the instructors wrote, "
                         "such as the catalogue of mistakes; learners' code is always guarded)")
    group.addoption("--exercise", action="append", default=[], metavar="NAME", dest="grader_exercises",
                    help="run only the tests of this exercise (NAME, or NAME.method for a class); repeatable")
    group.addoption("--oracle", action="append", default=[], metavar="WEEK.MODULE.FUNCTION", dest="grader_oracles",
                    help="let the reference function, run in this process, stand in for the submission's "
                         "(grader.sandbox.oracles); repeatable")
    group.addoption("--processes", type=int, default=1, metavar="N", dest="grader_processes",
                    help="share the exercises between N processes, each with a worker of its own (Linux; "
                         "not where the submission's code runs unisolated and the course's files are guarded)")


class HandOver:
    """Hands a session a sandbox started before pytest was (:func:`grader.grading.grade`): its worker
    starts up, and imports the submission, while this process imports pytest and collects the tests.
    ``spare``, if not None, is started the same way for the process the session forks (:mod:`.streams`)."""

    def __init__(self, sandbox, spare=None):
        self.sandbox, self.spare = sandbox, spare


def pytest_configure(config):
    config.stash[RESULTS_KEY] = {}
    # A grading run inside another (the catalogue's checks under pytest) puts the outer one back at the end.
    config._grader_outer = (sandbox_module._active, seeds.session_seed())
    config._grader_seed = seeds.start_session(config.getoption("grader_seed"))
    submission = Path(config.getoption("submission") or SOLUTIONS_DIR).resolve()
    handed = next((p for p in config.pluginmanager.get_plugins() if isinstance(p, HandOver)), None)
    config._grader_spare = None if handed is None else handed.spare
    sandbox = handed.sandbox if handed is not None else sandbox_module.Sandbox(
        submission, call_timeout=config.getoption("call_timeout"), memory_mb=config.getoption("memory_limit"),
        time_limit=config.getoption("run_time_limit"))
    for qualified in config.getoption("grader_oracles"):
        week, name = qualified.split(".", 1)
        sandbox.oracles.update(oracles.references(week, [name]))
    sandbox_module.activate(sandbox)
    config._grader_sandbox = sandbox
    # A numerical gradient's points go to the worker together: one round trip per step, not per point.
    config._grader_outer_evaluator = numgrad.evaluate_points_with(sandbox_module.together)
    config._grader_outer_results = cases_module.remember_results({})  # a case's value tests share one run
    # The reference solutions are trusted; any other code might write into the course's files.
    trusted = submission == SOLUTIONS_DIR.resolve() or config.getoption("no_guard")
    if not trusted:
        _compile_suites(config.args)
    config._grader_guard = None if trusted else Guard(
        [TESTS_DIR, COURSE_ROOT / "grader", DATASETS_DIR, SOLUTIONS_DIR, COURSE_ROOT / "mistakes"],
        listed=[(COURSE_ROOT, STARTUP_FILES + CONFIG_FILES), *((folder, STARTUP_FILES) for folder in site_folders())])
    if not config.option.collectonly:
        sandbox.start()  # the worker imports numpy while pytest collects


def _compile_suites(args):
    """Write the bytecode of the test modules a session will import, before the guard reads the
    course. In a course no run has compiled yet (a new release, a fresh clone), Python would write it
    while the submission's worker imports its modules, into the guarded tests/ folder, and the guard
    would put those files down to the submission. Up-to-date bytecode is left as it is; with
    PYTHONDONTWRITEBYTECODE set, nothing is written."""
    if sys.dont_write_bytecode:
        return
    paths = [Path(str(arg).split("::")[0]) for arg in args] or [TESTS_DIR]
    compileall.compile_file(TESTS_DIR / "__init__.py", quiet=2)
    for path in paths:
        if path.is_dir():
            compileall.compile_dir(path, quiet=2)
        elif path.suffix == ".py":
            compileall.compile_dir(path.parent, maxlevels=0, quiet=2)  # with the helpers beside it


def pytest_report_header(config):
    return f"grading seed: {config._grader_seed} (repeat these inputs with --seed {config._grader_seed})"


def pytest_unconfigure(config):
    gc.unfreeze()  # a session inside another process (the catalogue's tests) leaves it collectable
    _close_spare(config)
    sandbox = getattr(config, "_grader_sandbox", None)
    if sandbox is not None:
        numgrad.evaluate_points_with(config._grader_outer_evaluator)
        cases_module.remember_results(config._grader_outer_results)
        sandbox.close()  # every process of the submission has ended: now the files can be compared
        if config._grader_guard is not None:
            config._grader_guard.verify()
        outer_sandbox, outer_seed = config._grader_outer
        sandbox_module.activate(outer_sandbox)
        seeds.start_session(outer_seed)


# -------------------------------------------------------------------------------- exercises
def exercise_of(item):
    """``(week, module, name, points)`` of a graded test, or None for the grader's own tests."""
    marker = item.get_closest_marker("exercise")
    if marker is None:
        return None
    path = Path(str(item.path))
    week = path.parent.name
    module = marker.kwargs.get("module") or path.stem[len("test_"):]
    name = marker.args[0] if marker.args else marker.kwargs["name"]
    return week, module, name, float(marker.kwargs.get("points", 1))


def is_hidden(item):
    """Whether ``item`` runs a case of the hidden fixture set (pytest id ``hidden-...``)."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    return any(isinstance(value, Case) and value.hidden for value in params.values())


def pytest_collection_modifyitems(config, items):
    """Share each test function's points between its parametrized cases."""
    if config.getoption("no_hidden") and any(is_hidden(item) for item in items):
        config.hook.pytest_deselected(items=[item for item in items if is_hidden(item)])
        items[:] = [item for item in items if not is_hidden(item)]
    info = {item: exercise_of(item) for item in items}  # read once: thousands of items, several uses
    wanted = config.getoption("grader_exercises")
    if wanted:  # --exercise NAME: e.g. the check() cell of a notebook grades one exercise
        keep = [item for item in items if info[item] is not None and _selected(info[item][2], wanted)]
        config.hook.pytest_deselected(items=[item for item in items if item not in keep])
        items[:] = keep
    graded = [item for item in items if info[item] is not None]
    if config.getoption("submission") is None and not SOLUTIONS_DIR.is_dir():
        # The student release: nothing to check the suites against. `python -m grader` grades.
        skip = pytest.mark.skip(reason="no solutions/ in this copy of the course; grade your own code "
                                       "with `python -m grader` (or pytest --submission exercises)")
        for item in graded:
            item.add_marker(skip)
    config.stash[ITEMS_KEY] = graded
    counts = collections.Counter((item.path, item.originalname) for item in graded)
    for item in graded:
        week, module, name, points = info[item]
        item._grader_exercise = (week, module, name)
        item._grader_hidden = is_hidden(item)
        item._grader_points = points / counts[(item.path, item.originalname)]


def pytest_collection_finish(session):
    """What is alive now (the modules, the collected tests) lives until the session ends: the cyclic
    garbage collector skips it from now on (``gc.freeze``), and a process forked from this one
    (:mod:`.streams`) shares those memory pages instead of copying each one a collection would touch.
    The collector is on from here, also where ``python -m grader`` started with it off."""
    gc.freeze()
    gc.enable()


def _selected(name, wanted):
    return any(name == w or name.startswith(w + ".") for w in wanted)


def pytest_runtest_setup(item):
    sandbox = sandbox_module.active()
    exercise = getattr(item, "_grader_exercise", None)
    sandbox.exercise = ".".join(exercise) if exercise else None
    cases_module.forget_recent()
    params = getattr(getattr(item, "callspec", None), "params", {})
    # The tests of one value each of the same computation share its calls (Sandbox.share_calls).
    sandbox.share_calls((item.nodeid.split("[")[0], repr(sorted((k, repr(v)) for k, v in params.items()
                                                            if k != "value"))) if "value" in params else None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    """A graded test's ``seed`` parameter is a slot: it gets that slot's seed of this session."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if hasattr(item, "_grader_exercise") and "seed" in params:
        item.funcargs["seed"] = seeds.slot_seed((item.originalname, params["seed"]))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """In the grader's own sessions (``--lean``), a graded test that takes nothing but its parameters
    runs without pytest's setup and teardown phases and its reporting hooks: the same call, judged and
    recorded the same way, without the per-test cost that thousands of tests add up to. (pytest-timeout
    still bounds it: its hook wraps this one.)"""
    if not item.config.getoption("lean") or not _lean(item):
        return None
    pytest_runtest_setup(item)
    item.funcargs.update(getattr(getattr(item, "callspec", None), "params", {}))
    pytest_runtest_call(item)
    arguments = {name: item.funcargs[name] for name in item._fixtureinfo.argnames}
    call = pytest.CallInfo.from_call(lambda: item.obj(**arguments), when="call",
                                     reraise=(pytest.exit.Exception, KeyboardInterrupt))
    _judge(item, call, _LeanReport(call))
    return True


class _LeanReport:
    """What :func:`_judge` and :func:`_record` read of a ``pytest.TestReport``, without what building
    one costs at every test (its keywords, location and formatted traceback, which the grader never shows)."""

    when = "call"

    def __init__(self, call):
        self.duration, exc = call.duration, call.excinfo
        if exc is None:
            self.outcome, self.longrepr = "passed", None
        elif isinstance(exc.value, pytest.skip.Exception):
            self.outcome, self.longrepr = "skipped", ("", 0, exc.value.msg)
        else:
            self.outcome, self.longrepr = "failed", f"{exc.typename}: {exc.value}"

    passed = property(lambda self: self.outcome == "passed")
    failed = property(lambda self: self.outcome == "failed")
    skipped = property(lambda self: self.outcome == "skipped")


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    """With ``--processes N``, the exercises are shared between this process and forked copies of it
    (:mod:`.streams`). Not where the guard must tell which test changed a course file by when its code
    ran: there the submission's code runs unisolated, and two streams of it would blur the times."""
    config = session.config
    groups = {}
    for item in session.items:
        groups.setdefault(getattr(item, "_grader_exercise", None), []).append(item)
    if not _shared(config, session, groups):
        _close_spare(config)  # nothing to hand it to: its processes would only take a core from this one
        return None
    _know_the_spare(config)
    # The last exercises of a module are claimed first: they build on the others and take longest (the
    # trainings); started late, one of them would keep a process busy long after the other is done.
    streams.share(list(groups.values())[::-1], config.getoption("grader_processes"), _run_group,
                  lambda: _own_sandbox(config), lambda ran: _summary(config), lambda summary: _merge(config, summary))
    _close_spare(config)  # the forked process has ended it, unless it crashed first
    results = config.stash[RESULTS_KEY]
    order = {item.nodeid: i for i, item in enumerate(session.items)}
    config.stash[RESULTS_KEY] = dict(sorted(results.items(), key=lambda kv: order.get(kv[0], len(order))))
    return True


def _shared(config, session, groups):
    """Whether the session's groups of tests (exercises) are shared between processes."""
    if config.getoption("grader_processes") < 2 or config.option.collectonly or session.testsfailed:
        return False
    if config._grader_guard is not None and config._grader_sandbox.jail.mode == UNISOLATED:
        return False
    return streams.supported() and len(groups) >= 2


def _know_the_spare(config):
    """Read the PIDs of the spare's jail before the fork: its control pipe is read once, and this
    process must still be able to end that jail if the forked one dies before it does."""
    spare = config._grader_spare
    try:
        if spare is not None:
            spare.jail.launcher_pid
    except JailError:
        pass  # no jail (namespaces refused): the forked process starts its own


def _close_spare(config):
    spare, config._grader_spare = getattr(config, "_grader_spare", None), None
    if spare is not None:
        spare.close()


def _run_group(items):
    for i, item in enumerate(items):
        item.config.hook.pytest_runtest_protocol(item=item, nextitem=items[i + 1] if i + 1 < len(items) else None)


def _own_sandbox(config):
    """In a forked stream: a worker of its own (the parent's stays the parent's), same limits."""
    parent = config._grader_sandbox
    parent.leave_to_parent()
    # The spare the grading process started for this one (grader.grading.grade), or a new one.
    own, config._grader_spare = config._grader_spare, None
    if own is None:
        own = sandbox_module.Sandbox(parent.root, call_timeout=parent.call_timeout, memory_mb=parent.memory_mb,
                                     time_limit=parent.time_limit)
    own.deadline, own.oracles = parent.deadline, dict(parent.oracles)
    if config._grader_guard is not None:
        config._grader_guard.watch_again()
    # It claims its first exercise once its worker is up: meanwhile the first process takes on more.
    own.wait_until_ready()
    sandbox_module.activate(own)
    config._grader_sandbox = own


def _summary(config):
    """What a forked stream found, as JSON: its results (hints settled) and what its worker did."""
    own = config._grader_sandbox
    own.close()  # every process of its submission has ended before its results count
    guard = config._grader_guard
    return {"results": [[week, module, name, asdict(test)] for week, module, name, test in collected_results(config)],
            "left_running": own.left_running, "jail_failure": None if own.jail_failure is None else str(own.jail_failure),
            "undone": [] if guard is None else list(guard.undone),
            "quarantine": None if guard is None or guard.quarantine is None else str(guard.quarantine)}


def _merge(config, summary):
    results = config.stash[RESULTS_KEY]
    for week, module, name, fields in summary["results"]:
        results[fields["nodeid"]] = (week, module, name, TestResult(**fields))
    sandbox = config._grader_sandbox
    sandbox.left_running += summary["left_running"]
    if summary["jail_failure"] is not None and sandbox.jail_failure is None:
        sandbox.jail_failure = sandbox_module.jail_module.JailError(summary["jail_failure"])
    guard = config._grader_guard
    if guard is not None:
        guard.undone.extend(p for p in summary["undone"] if p not in guard.undone)
        if guard.quarantine is None and summary["quarantine"] is not None:
            guard.quarantine = Path(summary["quarantine"])


def _lean(item):
    """Whether ``item`` can run without pytest's phases: a graded function whose every argument is a
    parameter, with no fixture, skip or xfail to honour."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    return (isinstance(item, pytest.Function) and hasattr(item, "_grader_exercise")
            and set(item._fixtureinfo.names_closure) <= set(params)
            and not any(True for name in ("skip", "skipif", "xfail", "usefixtures")
                        for _ in item.iter_markers(name)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _judge(item, call, outcome.get_result())


def _judge(item, call, report):
    """What a phase of a test means for the grade: processes left running or course files changed
    after the call fail it; a failure gets its status and message; a graded test is recorded."""
    status = None
    guard = item.config._grader_guard
    if call.when == "call":
        sandbox = sandbox_module.active()
        windows = sandbox.take_windows()
        stray = sandbox.stop_strays() if windows else None
        changed = guard.check(windows) if guard is not None and windows else []  # no code of it ran: nothing to blame
        if stray is not None:
            report.outcome = "failed"
            report.longrepr = stray.message
            status = (stray.status, stray.message)
        elif changed:
            names = ", ".join(relative(p) for p in changed[:3]) + (" ..." if len(changed) > 3 else "")
            report.outcome = "failed"
            report.longrepr = f"the submission changed course files (now put back): {names}"
            status = (ERROR, f"your code wrote to the course's files ({names}; they were put back); "
                             "a submission may only write to its own folder or a temporary one")
    if status is None and report.failed and call.excinfo is not None:
        status = classify(call.excinfo.value, call.when)
    if hasattr(item, "_grader_exercise"):
        _record(item, report, status)


def classify(exc, when="call"):
    """Status and learner-facing message of a test that raised ``exc``."""
    if isinstance(exc, sandbox_module.SubmissionError):
        return exc.status, str(exc)
    if isinstance(exc, AssertionError):
        return FAILED, _shorten(str(exc)) or "a check failed"
    if when != "call":
        return ERROR, _shorten(f"the test could not be set up: {type(exc).__name__}: {exc}")
    return ERROR, _shorten(f"could not check the result ({type(exc).__name__}: {exc}); "
                           "is it of the type and structure the docstring asks for?")


def _shorten(text):
    lines = text.strip().splitlines()
    if len(lines) > MESSAGE_LINES:
        lines = lines[:MESSAGE_LINES] + ["..."]
    return "\n".join(lines)


def _record(item, report, status):
    """Keep one TestResult per graded test: the first phase that failed, else the call."""
    results = item.config.stash[RESULTS_KEY]
    previous = results.get(item.nodeid)
    if previous is not None and previous[3].status != PASSED:
        return
    if report.passed and report.when != "call":
        return
    if report.passed:
        status = (PASSED, "")
    elif report.skipped:
        status = (FAILED, f"skipped: {_skip_reason(report)}")
    elif status is None:
        status = (ERROR, _shorten(str(report.longrepr)))
    week, module, name = item._grader_exercise
    message = _where(item, status[1]) + status[1] if status[0] == FAILED else status[1]  # a check, on a case
    result = TestResult(nodeid=item.nodeid, name=item.name, points=item._grader_points, status=status[0],
                        message=message, duration=report.duration, hidden=item._grader_hidden)
    results[item.nodeid] = (week, module, name, result)
    _hint(item.config, (week, module, name), result)


def _where(item, message):
    """Which case of a parametrized test failed, with its settings, where the message does not say:
    ``"in case softmax_l2 (layer_dims=[3, 4, 3], output='softmax', lambd=0.5): "``."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    parts = []
    for name, value in params.items():
        if isinstance(value, Case) and value.hidden:
            continue  # a hidden case stays hidden: the report says only that it is one
        if isinstance(value, Case):
            settings = [f"{key}={_setting(v)}" for key, v in value._inputs.items() if _setting(v) is not None]
            parts.append(f"case {value.id}" + (f" ({', '.join(settings)})" if settings else ""))
        elif name not in ("seed", "value") and _setting(value) is not None and not _says(message, name, _setting(value)):
            parts.append(f"{name}={_setting(value)}")  # a seed is a slot; a value is in the message's name
    return f"in {'; '.join(parts)}: " if parts else ""


def _says(message, name, text):
    """Whether ``message`` already gives the setting: a long value anywhere, a short one by its name."""
    if len(text) > 3:
        return text in message
    return any(f"{name}{sep}{text}" in message for sep in ("=", " ", ": ", " = "))


def _setting(value):
    """A short text for a setting (a number, a name, a few integers), None for data such as an array."""
    if isinstance(value, float):
        return f"{value:.4g}"
    if value is None or isinstance(value, (bool, int, str)) and len(repr(value)) <= 40:
        return repr(value)
    if isinstance(value, (list, tuple)) and len(value) <= 8 and all(type(v) is int for v in value):
        return repr(value)
    return None


def _hint(config, exercise, result):
    """Name the likely mistake on the lost tests of an exercise.

    A test's own cases come first. A mistake can also show in a test that passes (0/1 integers where
    floats are due pass a value check, and fail the dtype check of another test): a hint recognised
    anywhere in the exercise goes to its lost tests that have none. What a passing test saw is only
    looked at once the exercise loses a test (:func:`_hints_of_passed_tests`), in the order the tests
    ran: comparing every result with every catalogued mistake costs more than most tests.
    """
    if result.status == PASSED:
        config.stash.setdefault(PENDING_KEY, {}).setdefault(exercise, []).append(cases_module.recent())
        return
    _hints_of_passed_tests(config, exercise)
    hint = cases_module.recognised_hint(exercise[2])
    result.hint = hint or config.stash.setdefault(HINTS_KEY, {}).get(exercise, "")
    _learn(config, exercise, hint)


def _hints_of_passed_tests(config, exercise):
    for seen in config.stash.setdefault(PENDING_KEY, {}).pop(exercise, []):
        _learn(config, exercise, cases_module.recognised_hint(exercise[2], seen))


def _learn(config, exercise, hint):
    """The first hint recognised in an exercise's tests: for its lost tests that have none."""
    seen = config.stash.setdefault(HINTS_KEY, {})
    if hint and exercise not in seen:
        seen[exercise] = hint
        for week, module, name, earlier in config.stash[RESULTS_KEY].values():
            if (week, module, name) == exercise and earlier.status != PASSED and not earlier.hint:
                earlier.hint = hint


def _skip_reason(report):
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


def graded_items(config):
    """The collected test items that carry an ``exercise`` marker."""
    return config.stash.get(ITEMS_KEY, [])


def collected_results(config):
    """``[(week, module, exercise, TestResult), ...]`` in the order the tests ran."""
    lost = {(week, module, name) for week, module, name, test in config.stash[RESULTS_KEY].values()
            if test.status != PASSED}
    for exercise in sorted(lost & set(config.stash.get(PENDING_KEY, {}))):
        _hints_of_passed_tests(config, exercise)  # passed after a lost one: their hints go to it too
    return list(config.stash[RESULTS_KEY].values())
