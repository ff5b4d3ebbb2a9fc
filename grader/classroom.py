"""Grade a whole class: every submission in a folder, in parallel, into one CSV file.

``python -m grader week4 --submissions DIR --jobs 4 --csv grades.csv`` grades each entry of ``DIR``:

- a folder laid out like ``exercises/`` (``alice/week4/deep_nn.py``), found up to three levels down
  (``alice/exercises/week4/``, ``alice/repo-main/exercises/week4/``), or a folder that holds the
  week's module files themselves (``alice/deep_nn.py``: the modules it lacks are graded as stubs);
- a module file, named after its module (``deep_nn.py``) or containing that name
  (``alice_deep_nn.py``), or named anything when the weeks graded have a single module;
- a notebook (``alice.ipynb``), graded like ``python -m grader WEEK --notebook alice.ipynb`` when
  notebook grading is available (until then its row says so).

Each entry is graded by the same command a learner runs, ``python -m grader WEEK --submission ENTRY
--format json`` (``--notebook`` for notebooks), in a process of its own, ``--jobs`` of them at a time,
each with a time limit for the whole submission (``--time-limit``) and in a private copy of the
course's grader, suites, fixtures and data (:func:`course_files`; no solutions): a submission can
cost only its own row, never stop, slow down or tamper with the grading of another, even one graded
at the same moment. The CSV has one row per entry, always:

================  ===================================================================================
``graded``        the grader ran to the end; each exercise column holds the points earned (exercises
                  whose code crashed, hung or raised score 0 there, as in the learner's own report)
                  and ``reason`` lists the exercises that lost points, with their status
``malformed``     the grader refused it; ``reason`` is its one-line error (a syntax error, a module
                  file it cannot place, a file that is not a folder, module or notebook, no course file)
``timed out``     grading it took longer than ``--time-limit``: it was stopped (SIGINT, then SIGKILL)
``crashed``       the grading process died or printed no report
``unsupported``   a notebook, while the grader cannot grade notebooks
``grader error``  the grader itself failed (exit status 3); graded again at the next run
================  ===================================================================================

Columns: ``submission, status, points, max_points`` (then ``visible_points, hidden_points`` when the
suites have hidden cases), one column per exercise (``week4.deep_nn.initialize_parameters``), and
``reason``. A module file or a notebook is graded as the CLI grades it, its own module only: the
other modules' cells stay empty and its ``max_points`` is what was graded. The file is rewritten after
every finished submission, into a temporary file in the same folder renamed over the old one, so an
interrupted run always leaves a complete file; a second run keeps its rows and grades only the
entries that have none (``--regrade``: all of them again). Progress goes to stderr, one line per
finished submission with the time left.
"""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

from . import grading
from .files import atomic_output
from .course import COURSE_ROOT, EXERCISES_DIR, TESTS_DIR, CourseError, modules, relative, resolve_weeks
from .render.formatting import format_points

DEFAULT_TIME_LIMIT = 600.0  # seconds for one whole submission; a call into it has its own --timeout
GRACE = 10.0  # seconds a stopped grader gets to end its worker before it is killed
SEARCH_DEPTH = 3  # how far below an upload to look for the week's folder or files

GRADED, MALFORMED, TIMED_OUT, CRASHED = "graded", "malformed", "timed out", "crashed"
UNSUPPORTED, GRADER_ERROR = "unsupported", "grader error"
RETRIED = {GRADER_ERROR}  # rows graded again at the next run even without --regrade

# The grading process imports the grader from its copy of the course, never from its working
# directory (a student folder called `grader` or a file called `numpy.py` there must not be
# imported), and answers SIGINT even when started from a shell that ignores it (a background job).
_BOOTSTRAP = ("import signal, sys; sys.path[0] = {root!r}; "
              "signal.signal(signal.SIGINT, signal.default_int_handler); "
              "from grader.cli import main; sys.exit(main())")


def course_files(weeks):
    """``{relative name: course file}`` of what grading ``weeks`` needs: the grader, pytest's
    configuration, the suites with their fixtures (hidden ones included), the stubs and the data.
    Never the solutions: the Gradescope archive and each class-grading copy are made of these."""
    files = {}

    def add_tree(folder):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files[path.relative_to(COURSE_ROOT).as_posix()] = path

    add_tree(COURSE_ROOT / "grader")
    add_tree(COURSE_ROOT / "datasets")
    for name in ("tests/__init__.py", "tests/conftest.py", "exercises/__init__.py", "pyproject.toml"):
        if (COURSE_ROOT / name).is_file():
            files[name] = COURSE_ROOT / name
    for week in weeks:
        add_tree(TESTS_DIR / week)
        add_tree(EXERCISES_DIR / week)
    leaked = [name for name in files if name.split("/")[0] == "solutions"]
    if leaked:  # nothing above reads solutions/; this guards the guard
        raise RuntimeError(f"the copy of the course would contain solutions: {leaked}")
    return files


def copy_course(weeks, target):
    """A private copy of :func:`course_files` in ``target`` (real copies: a write must not reach the course)."""
    for name, path in course_files(weeks).items():
        (Path(target) / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(target) / name)
    return Path(target)


# ---------------------------------------------------------------------------------- uploads
@dataclass
class Upload:
    """How to grade one learner's upload: the grader's arguments, or why it cannot be graded."""

    arguments: List[str] = field(default_factory=list)  # ["--submission", path] or ["--notebook", path]
    problem: Optional[tuple] = None  # (status, reason) when there is nothing to run
    cleanup: Optional[Callable] = None
    cwd: Optional[Path] = None  # where to run the grader: a temporary copy's own folder, so that its
    # messages say "week4/deep_nn.py, line 3", not the temporary folder's name

    def close(self):
        if self.cleanup is not None:
            self.cleanup()
            self.cleanup = None


def _ignored(name):
    """Hidden files and folders, and the leftovers of archive tools: ``.git``, ``__MACOSX``, ``.DS_Store``."""
    return name.startswith((".", "__"))


def _folders(root, depth=SEARCH_DEPTH):
    """``root`` and the folders below it, level by level, so the shallowest match wins (links are not followed)."""
    level = [root]
    for _ in range(depth + 1):
        yield from level
        level = [child for folder in level for child in sorted(folder.iterdir())
                 if child.is_dir() and not child.is_symlink() and not _ignored(child.name)]


def notebooks_supported():
    """Whether this grader can grade notebooks (``python -m grader WEEK --notebook FILE``)."""
    if not (COURSE_ROOT / "grader" / "notebooks.py").is_file():
        return False
    from .cli import _grade_parser

    return any("--notebook" in action.option_strings for action in _grade_parser()._actions)


def prepare_upload(path, weeks):
    """Find what to grade in ``path`` (see the module docstring) and how: an :class:`Upload`.

    Files are only looked at, never run. A folder of loose module files, or a module file that must
    be renamed, is copied into a temporary folder (``Upload.close()`` removes it).
    """
    path = Path(path)
    week_modules = {module: week for week in weeks for module in modules(week)}
    expected = ", ".join(f"{m}.py" for m in week_modules)
    if path.is_file():
        if path.suffix == ".ipynb":
            return _notebook(path)
        if path.suffix != ".py":
            return Upload(problem=(MALFORMED, f"{path.name} is not a folder, a Python module (.py) or "
                                              "a notebook (.ipynb)"))
        return _module_file(path, week_modules)
    if not path.is_dir():
        return Upload(problem=(MALFORMED, f"no such file or folder: {path}"))
    for folder in _folders(path):
        if any((folder / week).is_dir() for week in weeks):
            return Upload(["--submission", str(folder)])
        found = [m for m in week_modules if (folder / f"{m}.py").is_file()]
        if found:
            return _loose_modules(folder, week_modules)
    for folder in _folders(path):
        notebooks = sorted(p for p in folder.glob("*.ipynb") if not _ignored(p.name))
        if notebooks:
            return _notebook(notebooks[0])
    return Upload(problem=(MALFORMED, f"it holds none of the files of {' '.join(weeks)}: expected a "
                                      f"{weeks[0]}/ folder, {expected} or a notebook"))


def _notebook(path):
    if notebooks_supported():
        return Upload(["--notebook", str(path)])
    return Upload(problem=(UNSUPPORTED, "notebooks not supported yet"))


def _module_file(path, week_modules):
    """A module file named after its module goes as it is; ``alice_deep_nn.py`` is renamed first."""
    if path.stem in week_modules:
        return Upload(["--submission", str(path)])
    named = [m for m in week_modules if m in path.stem]
    candidates = named if named else list(week_modules)
    if len(candidates) != 1:
        # The grader's own one-line error says which names it knows.
        return Upload(["--submission", str(path)])
    tmp = Path(tempfile.mkdtemp(prefix="grader-upload-"))
    shutil.copyfile(path, tmp / f"{candidates[0]}.py")
    return Upload(["--submission", f"{candidates[0]}.py"], cleanup=lambda: shutil.rmtree(tmp, ignore_errors=True),
                  cwd=tmp)


def _loose_modules(folder, week_modules):
    """The week's module files without their week folder: placed into a copy of ``exercises/``,
    so that the modules the upload lacks are graded as the untouched stubs."""
    tmp = Path(tempfile.mkdtemp(prefix="grader-upload-"))
    if EXERCISES_DIR.is_dir():
        shutil.copytree(EXERCISES_DIR, tmp, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    weeks = sorted({week for module, week in week_modules.items() if (folder / f"{module}.py").is_file()})
    for file in sorted(folder.glob("*.py")):
        # A module goes to its week; any other file (a helper of the learner's) to every week found.
        targets = [week_modules[file.stem]] if file.stem in week_modules else weeks
        for week in targets:
            (tmp / week).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, tmp / week / file.name)
    return Upload(["--submission", "."], cleanup=lambda: shutil.rmtree(tmp, ignore_errors=True), cwd=tmp)


# ---------------------------------------------------------------------------------- running
@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False


_running = set()
_running_lock = threading.Lock()


def run_grader(arguments, cwd, time_limit, course=COURSE_ROOT):
    """``python -m grader ARGUMENTS`` of the course at ``course``, in a process of its own, stopped
    after ``time_limit`` seconds.

    A grader that runs out of time gets SIGINT (what Ctrl-C sends: it stops its worker and exits),
    then SIGKILL if it has not ended ``GRACE`` seconds later.
    """
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.monotonic()
    bootstrap = _BOOTSTRAP.format(root=str(course))
    process = subprocess.Popen([sys.executable, "-c", bootstrap, *map(str, arguments)], cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", errors="replace")
    with _running_lock:
        _running.add(process)
    timed_out = False
    try:
        try:
            stdout, stderr = process.communicate(timeout=time_limit)
        except subprocess.TimeoutExpired:
            timed_out = True
            _interrupt(process)
            try:
                stdout, stderr = process.communicate(timeout=GRACE)
            except subprocess.TimeoutExpired:
                # Its worker runs in a session of its own and would outlive it: kill them both.
                workers = _descendants(process.pid)
                process.kill()
                for pid in workers:
                    _kill_group(pid)
                stdout, stderr = process.communicate()
    finally:
        with _running_lock:
            _running.discard(process)
    return Run(process.returncode, stdout, stderr, time.monotonic() - start, timed_out)


def _interrupt(process):
    try:
        process.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)
    except (ProcessLookupError, OSError):
        pass


def _descendants(pid):
    """The processes started by ``pid`` and by its children (Linux: read from /proc; elsewhere none)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found, pending = [], [pid]
    while pending:
        children = parents.get(pending.pop(), [])
        found.extend(children)
        pending.extend(children)
    return found


def _kill_group(pid):
    """SIGKILL the process group led by ``pid`` (the sandbox's worker leads its own), else ``pid``."""
    try:
        if os.name == "posix" and os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def _interrupt_all():
    with _running_lock:
        running = list(_running)
    for process in running:
        _interrupt(process)


def failure(run, time_limit):
    """``(status, reason)`` of a grader run that produced no report (None when it did: exit 0 or 1)."""
    lines = [line.strip() for line in run.stderr.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    if run.timed_out:
        return TIMED_OUT, (f"grading took longer than {time_limit:g} s (--time-limit) and was stopped; "
                           "an infinite loop, or far too much work?")
    if run.returncode in (0, 1):
        return None
    if run.returncode == 2:
        return MALFORMED, last[len("error: "):] if last.startswith("error: ") else last or "bad input"
    if run.returncode == 3:
        return GRADER_ERROR, last or "the grader failed"
    if run.returncode < 0:
        try:
            name = signal.Signals(-run.returncode).name
        except ValueError:
            name = str(-run.returncode)
        return CRASHED, f"the grading process was killed by {name}"
    if run.returncode == 130:
        return CRASHED, "the grading process was interrupted"
    return CRASHED, f"the grading process exited with status {run.returncode}" + (f": {last}" if last else "")


def notes(run):
    """What the grader told the person grading (``note: ...`` lines: course files put back, ...)."""
    return "; ".join(line[len("note: "):].strip() for line in run.stderr.splitlines() if line.startswith("note: "))


# ---------------------------------------------------------------------------------- the CSV
class GradeBook:
    """The CSV file: rows by submission, rewritten whole and atomically after every change."""

    def __init__(self, path, columns):
        self.path, self.columns, self.rows = Path(path), list(columns), {}
        if not self.path.parent.is_dir():
            raise CourseError(f"cannot write {path}: no such folder {relative(self.path.parent)}")
        if self.path.is_file():
            with open(self.path, newline="", encoding="utf-8") as f:
                reader = csv.DictReader(f)
                if reader.fieldnames != self.columns:
                    raise CourseError(f"{path} has other columns than the exercises graded now (another week, "
                                      "or an older suite): choose another --csv file or delete it")
                self.rows = {row["submission"]: row for row in reader}

    def done(self, name):
        row = self.rows.get(name)
        return row is not None and row["status"] not in RETRIED

    def put(self, row):
        self.rows[row["submission"]] = row
        self.write()

    def write(self):
        with atomic_output(self.path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, self.columns, extrasaction="ignore", restval="")
            writer.writeheader()
            for name in sorted(self.rows):
                writer.writerow(self.rows[name])


# ---------------------------------------------------------------------------------- grading
@dataclass
class ClassGrading:
    """One ``--submissions`` run: what to grade, with which limits, into which file."""

    weeks: List[str]
    folder: Path
    csv_path: Path
    jobs: int = 1
    regrade: bool = False
    time_limit: float = DEFAULT_TIME_LIMIT
    options: List[str] = field(default_factory=list)  # passed on to every grader run (--timeout, ...)
    hidden: bool = True

    def __post_init__(self):
        self.folder = Path(self.folder).absolute()  # the graders run in it: their messages name "alice/..."
        self.csv_path = Path(self.csv_path)

    def columns(self):
        listing = grading.list_exercises(self.weeks)
        exercises = [e for week in listing for e in week.exercises]
        self.max_points = format_points(sum(e.max_points for e in exercises))
        self.with_hidden = self.hidden and any(e.has_hidden for e in exercises)
        split = ["visible_points", "hidden_points"] if self.with_hidden else []
        return ["submission", "status", "points", "max_points", *split, *(e.key for e in exercises), "reason"]

    def entries(self):
        csv_file = self.csv_path.resolve()
        found = [p for p in sorted(self.folder.iterdir()) if not _ignored(p.name) and p.resolve() != csv_file]
        if not found:
            raise CourseError(f"no submissions in {self.folder}")
        return found

    def grade_entry(self, entry):
        """The CSV row of one entry of the folder; never raises."""
        try:
            return self._grade_entry(entry)
        except Exception as exc:  # noqa: BLE001 - a bug or a full disk here must not lose the other rows
            return self._row(entry.name, GRADER_ERROR, f"{type(exc).__name__}: {exc}")

    def _grade_entry(self, entry):
        start = time.monotonic()
        upload = prepare_upload(entry, self.weeks)
        try:
            if upload.problem is not None:
                return self._row(entry.name, *upload.problem, seconds=time.monotonic() - start)
            arguments = [*self.weeks, *map(self._short, upload.arguments), "--format", "json", *self.options]
            with tempfile.TemporaryDirectory(prefix="grader-course-") as course:
                copy_course(self.weeks, course)
                run = run_grader(arguments, cwd=upload.cwd or self.folder, time_limit=self.time_limit,
                                 course=course)
        finally:
            upload.close()
        problem = failure(run, self.time_limit)
        if problem is None:
            try:
                report = json.loads(run.stdout)
                return self._graded(entry.name, report, notes(run), run.seconds)
            except (ValueError, KeyError, TypeError):
                lines = run.stderr.strip().splitlines()
                problem = (CRASHED, "the grader's report could not be read" + (f": {lines[-1]}" if lines else ""))
        return self._row(entry.name, *problem, seconds=run.seconds)

    def _short(self, argument):
        """A path inside the folder relative to it (the graders run there), anything else as it is."""
        path = Path(argument)
        if path.is_absolute() and self.folder in path.parents:
            return str(path.relative_to(self.folder))
        return argument

    def _row(self, name, status, reason, seconds=0.0):
        row = {"submission": name, "status": status, "points": "0", "max_points": self.max_points,
               "reason": reason, "_seconds": seconds}
        if self.with_hidden:
            row.update(visible_points="0", hidden_points="0")
        return row

    def _graded(self, name, report, notices, seconds):
        by_status = {}  # the lost exercises by status, in report order
        for week in report["weeks"]:
            for exercise in week["exercises"]:
                if exercise["status"] != "passed":
                    by_status.setdefault(exercise["status"], []).append(exercise["name"])
        lost = [", ".join(f"{name} {status}" for name in names) if len(names) <= 3
                else f"{len(names)} exercises {status}" for status, names in by_status.items()]
        reason = "; ".join(part for part in (", ".join(lost), notices) if part)
        row = self._row(name, GRADED, reason, seconds)
        row.update(points=format_points(report["points"]), max_points=format_points(report["max_points"]))
        if self.with_hidden:
            row.update(visible_points=format_points(report.get("visible_points", report["points"])),
                       hidden_points=format_points(report.get("hidden_points", 0)))
        for week in report["weeks"]:
            for exercise in week["exercises"]:
                row[f"{week['name']}.{exercise['module']}.{exercise['name']}"] = format_points(exercise["points"])
        return row

    def run(self, stream=sys.stderr):
        """Grade every entry without a row (all with ``regrade``); returns the gradebook."""
        if not self.folder.is_dir():
            raise CourseError(f"--submissions needs a folder of submissions: {self.folder} is not one")
        entries = self.entries()
        book = GradeBook(self.csv_path, self.columns())
        todo = [entry for entry in entries if self.regrade or not book.done(entry.name)]
        skipped = len(entries) - len(todo)
        print(f"grading {len(todo)} submission{'s' * (len(todo) != 1)} of {' '.join(self.weeks)} with "
              f"{self.jobs} job{'s' * (self.jobs != 1)}" + (f"; {skipped} already in {self.csv_path} "
              "(--regrade to grade them again)" if skipped else ""), file=stream, flush=True)
        progress = Progress(len(todo), stream)
        pool = ThreadPoolExecutor(max_workers=self.jobs)
        try:
            futures = [pool.submit(self.grade_entry, entry) for entry in todo]
            for future in as_completed(futures):
                row = future.result()
                book.put(row)
                progress.update(row)
        except KeyboardInterrupt:
            # Ctrl-C reached the graders too; rows of interrupted runs are not written (they would
            # say "interrupted"), so a rerun grades those submissions again.
            _interrupt_all()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        book.write()  # also when there was nothing to grade: the file exists with every row
        return book, [book.rows[entry.name] for entry in entries]


class Progress:
    """``[ 3/30] alice: graded 27/30 (2.1 s); about 40 s left`` on stderr, one line per submission."""

    def __init__(self, total, stream):
        self.total, self.stream, self.done, self.start = total, stream, 0, time.monotonic()

    def update(self, row):
        self.done += 1
        elapsed = time.monotonic() - self.start
        if row["status"] == GRADED:
            outcome = f"graded {row['points']}/{row['max_points']}"
        else:
            reason = row["reason"] if len(row["reason"]) <= 70 else row["reason"][:67] + "..."
            outcome = f"{row['status']}: {reason}"
        remaining = self.total - self.done
        if not remaining:
            when = f"done in {_duration(elapsed)}"
        elif elapsed < 1:  # only instant rows so far (malformed uploads): nothing to estimate from
            when = "estimating the time left"
        else:
            when = f"about {_duration(elapsed / self.done * remaining)} left"
        width = len(str(self.total))
        print(f"[{self.done:>{width}}/{self.total}] {row['submission']}: {outcome} "
              f"({row.get('_seconds', 0.0):.1f} s); {when}", file=self.stream, flush=True)


def _duration(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def command(args, stream=sys.stderr):
    """``python -m grader WEEK... --submissions DIR``: the CLI's parsed ``args``; the exit status.

    0 when every submission was graded, 1 when some could not be (their rows say why), 3 when the
    grader itself failed on some.
    """
    if args.output:
        raise CourseError("--submissions writes a CSV file (--csv), not a report (--output)")
    if args.jobs < 1:
        raise CourseError("--jobs must be at least 1")
    options = ["--timeout", str(args.timeout), "--memory-limit", str(args.memory_limit)]
    if not args.hidden:
        options.append("--no-hidden")
    for name in getattr(args, "exercise", None) or []:  # the other exercises' cells stay empty
        options += ["--exercise", name]
    grading_run = ClassGrading(resolve_weeks(args.weeks), Path(args.submissions), Path(args.csv), args.jobs,
                               args.regrade, args.time_limit, options, hidden=args.hidden)
    _, rows = grading_run.run(stream)
    counts = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(f"{len(rows)} submission{'s' * (len(rows) != 1)} in {args.csv} ({summary})")
    if counts.get(GRADER_ERROR):
        return 3
    return 0 if counts.get(GRADED, 0) == len(rows) else 1
