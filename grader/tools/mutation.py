"""Mutation score of the suites: how many small changes to the reference solutions the tests reject.

``python -m grader mutation [WEEK...]`` (instructors; needs the ``mutation`` extra, cosmic-ray)
makes every mutant that cosmic-ray's operators produce inside the ``### BEGIN SOLUTION`` blocks of
``solutions/weekN/`` (the code a learner writes), runs the module's test file on each (``pytest -x``,
a fixed grading seed) and counts a mutant killed when the tests fail or time out.

Left out: replacements of an arithmetic operator by a bitwise or shift one (``*`` -> ``<<``): on
float arrays they raise a TypeError in the first test, so they are always killed and only cost
time. Surviving mutants that compute the same thing as the solution (equivalent mutants, e.g.
``x.max(axis=1)`` -> ``x.max(axis=1) + 1`` inside a shift-invariant softmax) are listed, each with
the reason, in ``mistakes/weekN/equivalent_mutants.toml``; the score leaves them out:
``killed / (mutants - equivalent)``.

cosmic-ray edits the file it mutates in place, so every job runs in a copy of the course of its
own; the course itself is never touched.
"""
import importlib
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..course import COURSE_ROOT, SOLUTIONS_DIR, CourseError, modules, resolve_weeks
from .parallel import map_in_processes
from .stubs import BEGIN, END

EQUIVALENT_FILE = "equivalent_mutants.toml"  # in mistakes/weekN/
SKIPPED_TARGETS = re.compile(r"_(BitOr|BitAnd|BitXor|LShift|RShift)$")  # float arrays: a TypeError at once
SEED = 1  # the grading seed of every test run: a mutant is killed or not, the same on every run
COPIED = ["grader", "solutions", "tests", "datasets", "mistakes", "pyproject.toml"]
COPIED_PACKAGES = {"grader", "solutions", "tests", "datasets", "mistakes"}


def _cosmic_ray():
    try:
        import cosmic_ray.commands  # noqa: F401
        import cosmic_ray.mutating  # noqa: F401
        import cosmic_ray.work_db  # noqa: F401
    except ImportError:
        raise CourseError("mutation testing needs cosmic-ray: pip install -e '.[mutation]'") from None
    return cosmic_ray


@dataclass
class Mutant:
    week: str
    module: str
    spec: object  # cosmic_ray.work_item.MutationSpec, its path relative to the course
    outcome: str = ""  # killed, survived, timeout, error, no-test
    diff: str = ""
    seconds: float = 0.0
    equivalent_because: str = ""

    @property
    def change(self):
        """``(original line, mutated line)``, stripped: how the equivalent list names a mutant."""
        removed = [l[1:].strip() for l in self.diff.splitlines() if l.startswith("-") and not l.startswith("---")]
        added = [l[1:].strip() for l in self.diff.splitlines() if l.startswith("+") and not l.startswith("+++")]
        return (removed[0] if removed else "", added[0] if added else "")


def solution_lines(path):
    """The line numbers (1-based) inside the ``### BEGIN/END SOLUTION`` blocks of ``path``."""
    inside, lines = False, set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == BEGIN:
            inside = True
        elif line.strip() == END:
            inside = False
        elif inside:
            lines.add(number)
    return lines


def mutants(weeks=None, only_modules=(), only_lines=()):
    """Every mutant of the solution blocks of ``weeks`` (of some modules, some lines), in file order."""
    cosmic_ray = _cosmic_ray()
    from cosmic_ray.work_db import WorkDB, use_db

    found = []
    with tempfile.TemporaryDirectory(prefix="grader-mutants-") as folder:
        for week in resolve_weeks(weeks):
            for module in modules(week):
                if only_modules and module not in only_modules:
                    continue
                path = SOLUTIONS_DIR / week / f"{module}.py"
                wanted = solution_lines(path)
                if only_lines:
                    wanted &= set(only_lines)
                with use_db(str(Path(folder) / f"{week}-{module}.sqlite"), WorkDB.Mode.create) as db:
                    cosmic_ray.commands.init([path.relative_to(COURSE_ROOT)], db, {})
                    items = sorted(db.work_items, key=lambda item: (item.mutations[0].start_pos,
                                                                    item.mutations[0].operator_name))
                for item in items:
                    spec = item.mutations[0]
                    if spec.start_pos[0] in wanted and not SKIPPED_TARGETS.search(spec.operator_name):
                        found.append(Mutant(week, module, spec))
    return found


def _copy_course(target):
    for name in COPIED:
        source = COURSE_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "hidden"))
        elif source.is_file():
            shutil.copyfile(source, target / name)


_worker_root = None


def _start_worker(folder, timeouts):
    """Each worker process runs its mutants in a copy of the course of its own."""
    global _worker_root, _timeouts
    _worker_root = Path(tempfile.mkdtemp(prefix="course-", dir=folder))
    _copy_course(_worker_root)
    os.chdir(_worker_root)
    sys.path.insert(0, str(_worker_root))
    # A mutant can keep the size and the second of the original: a cached .pyc would hide it.
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    sys.dont_write_bytecode = True
    _timeouts = timeouts
    for name in ("numpy", "pytest", "h5py"):  # imported once here; every forked test run inherits them
        importlib.import_module(name)


_timeouts = {}


def test_command(week, module):
    """The arguments of pytest for one module's tests: stop at the first failure, fixed grading seed."""
    return ["-x", "-q", "-p", "no:cacheprovider", "--no-header", "--seed", str(SEED), f"tests/{week}/test_{module}.py"]


def _run(mutant):
    """Apply the mutant with cosmic-ray, test it in a forked child (no interpreter start-up), restore."""
    import cosmic_ray.plugins
    from cosmic_ray.mutating import _make_diff, use_mutation

    start = time.perf_counter()
    operator = cosmic_ray.plugins.get_operator(mutant.spec.operator_name)(**mutant.spec.operator_args)
    path = _worker_root / mutant.spec.module_path
    with use_mutation(path, operator, mutant.spec.occurrence) as (original, mutated):
        if mutated is None:
            mutant.outcome = "no-test"
            return mutant
        mutant.diff = "\n".join(_make_diff(original, mutated, mutant.spec.module_path))
        mutant.outcome = _test(mutant.week, mutant.module, _timeouts[(mutant.week, mutant.module)])
    mutant.seconds = time.perf_counter() - start
    return mutant


def _test(week, module, timeout):
    """``killed``, ``survived`` or ``timeout``: pytest in a forked child of this (warm) worker."""
    import signal

    pid = os.fork()
    if pid == 0:  # the child: its own process group, so a timeout stops its sandbox worker too
        code = 3
        try:
            os.setpgid(0, 0)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            for name in [n for n in sys.modules if n.split(".")[0] in COPIED_PACKAGES]:
                del sys.modules[name]  # this process imported the course's grader: use the copy's
            import pytest

            code = int(pytest.main(test_command(week, module)))
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)


def baseline_seconds(week, module):
    """Time of the unmutated test file; the suites must pass on the solutions to measure anything."""
    import subprocess

    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *test_command(week, module)], cwd=COURSE_ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise CourseError(f"tests/{week}/test_{module}.py fails on the solutions (seed {SEED}): fix that first")
    return time.perf_counter() - start


def run(weeks=None, jobs=1, progress=None, only_modules=(), only_lines=()):
    """Make and test every mutant of ``weeks``; returns the mutants with their outcomes."""
    weeks = resolve_weeks(weeks)
    todo = mutants(weeks, only_modules, only_lines)
    timeouts = {(w, m): 10 + 4 * baseline_seconds(w, m) for w, m in sorted({(t.week, t.module) for t in todo})}
    with tempfile.TemporaryDirectory(prefix="grader-mutation-") as folder:
        done = map_in_processes(_run, todo, jobs, progress, initializer=_start_worker, initargs=(folder, timeouts))
    mark_equivalent(done)
    return done


# ------------------------------------------------------------------------------ equivalents
def equivalent_list(week):
    """``{(module file, original line, mutated line): reason}`` from the week's list of equivalent mutants.

    Each entry of ``mistakes/weekN/equivalent_mutants.toml``::

        [[equivalent]]
        file = "numpy_basics.py"
        line = "if x >= 0:"          # the original line, stripped
        mutant = "if x > 0:"         # the mutated line, stripped
        why = "both branches compute sigmoid(0) = 0.5 at x = 0"
    """
    path = COURSE_ROOT / "mistakes" / week / EQUIVALENT_FILE
    if not path.is_file():
        return {}
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib
    with open(path, "rb") as f:
        entries = tomllib.load(f).get("equivalent", [])
    return {(e["file"], e["line"].strip(), e["mutant"].strip()): e["why"] for e in entries}


def mark_equivalent(done):
    lists = {}
    for mutant in done:
        known = lists.setdefault(mutant.week, equivalent_list(mutant.week))
        original, mutated = mutant.change
        mutant.equivalent_because = known.get((f"{mutant.module}.py", original, mutated), "")


# -------------------------------------------------------------------------------- reporting
@dataclass
class WeekScore:
    week: str
    mutants: int = 0
    killed: int = 0
    survived: int = 0
    equivalent: int = 0
    errors: int = 0
    seconds: float = 0.0
    survivors: list = field(default_factory=list)

    @property
    def score(self):
        """Killed share of the mutants that are not equivalent (errors count as killed: the tests failed)."""
        counted = self.mutants - self.equivalent
        return 100.0 * (counted - len(self.survivors)) / counted if counted else 100.0


def scores(done, weeks):
    by_week = {w: WeekScore(w) for w in weeks}
    for mutant in done:
        if mutant.outcome == "no-test":
            continue
        week = by_week[mutant.week]
        week.mutants += 1
        week.seconds += mutant.seconds
        if mutant.outcome == "survived":
            week.survived += 1
            if mutant.equivalent_because:
                week.equivalent += 1
            else:
                week.survivors.append(mutant)
        elif mutant.outcome == "error":
            week.errors += 1
        week.killed += mutant.outcome in ("killed", "timeout", "error")
    return [by_week[w] for w in weeks]


def table(week_scores):
    rows = ["| week | mutants | killed | survived | of which equivalent | score (killed / non-equivalent) |",
            "|---|---|---|---|---|---|"]
    for s in week_scores:
        rows.append(f"| {s.week} | {s.mutants} | {s.killed} | {s.survived} | {s.equivalent} | {s.score:.1f} % |")
    return "\n".join(rows)


def survivor_lines(week_scores):
    lines = []
    for s in week_scores:
        for mutant in s.survivors:
            original, mutated = mutant.change
            lines.append(f"{mutant.week}/{mutant.module}.py:{mutant.spec.start_pos[0]} "
                         f"[{mutant.spec.operator_name.split('/')[-1]}] {original!r} -> {mutated!r}")
    return lines


def command(args):
    weeks = resolve_weeks(args.weeks)
    start = time.perf_counter()

    total, count = len(mutants(weeks, args.module, args.line)), 0

    def progress(mutant):
        nonlocal count
        count += 1
        if count % 100 == 0 and not args.verbose:
            print(f"[{count}/{total}] mutants tested", file=sys.stderr, flush=True)
        if args.verbose or mutant.outcome == "survived":
            original, mutated = mutant.change
            print(f"[{count}/{total}] {mutant.outcome}: {mutant.week}/{mutant.module}.py:{mutant.spec.start_pos[0]} "
                  f"{original!r} -> {mutated!r}", file=sys.stderr, flush=True)

    done = run(weeks, args.jobs, progress, args.module, args.line)
    week_scores = scores(done, weeks)
    elapsed = time.perf_counter() - start
    survivors = survivor_lines(week_scores)
    print(table(week_scores))
    print(f"\n{sum(s.mutants for s in week_scores)} mutants in {elapsed / 60:.1f} min with {args.jobs} job(s); "
          f"equivalent mutants: mistakes/weekN/{EQUIVALENT_FILE}")
    if survivors:
        print(f"\n{len(survivors)} surviving mutant(s) not known to be equivalent:\n" + "\n".join(survivors))
    low = [s.week for s in week_scores if s.score < args.target]
    return 1 if low else 0
