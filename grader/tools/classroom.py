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
each with a time limit for the whole submission (``--time-limit``), on a private copy of the entry
and with a private copy of the course's grader, suites, fixtures and data (:func:`course_files`; no
solutions): a submission can cost only its own row, never stop, slow down or tamper with the grading
of another, even one graded at the same moment.

An upload is never trusted to be a plain tree. Its copy (:func:`grader.sandbox.files.copy_tree`) holds its
folders and regular files only: symbolic links are never followed (an entry that is a link is
malformed; a link inside one is left out of the copy, and the row says so), and an entry deeper than
32 folders, with more than 10000 files and folders or more than 256 MB is malformed. A name that is
not valid UTF-8 is written escaped (``bad\xff``). The copies live in the system's temporary folder,
never in ``DIR``, named after the process of the class run (``grader-<pid>-upload-...``,
``grader-<pid>-course-...``): those of a run that was killed before it could remove them are removed
by the next run. The CSV has one row per entry, always:

================  ===================================================================================
``graded``        the grader ran to the end; each exercise column holds the points earned (exercises
                  whose code crashed, hung or raised score 0 there, as in the learner's own report)
                  and ``reason`` lists the exercises that lost points, with their status
``malformed``     the grader refused it; ``reason`` is its one-line error (a syntax error, a module
                  file it cannot place, a file that is not a folder, module or notebook, no course
                  file, a symbolic link, an upload too deep or too large to copy)
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
import contextlib
import csv
import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

from .. import grading
from ..sandbox import oracles
from ..sandbox.files import (TreeTooLarge, atomic_output, copy_file, copy_tree, escape_name,
                              remove_abandoned_folders, remove_tree, temporary_folder)
from ..course import COURSE_ROOT, EXERCISES_DIR, SOLUTIONS_DIR, TESTS_DIR, CourseError, modules, relative, resolve_weeks
from ..cli.main import grade_parser
from ..render.formatting import format_points

GRACE = 10.0  # seconds a stopped grader gets to end its worker before it is killed
SEARCH_DEPTH = 3  # how far below an upload to look for the week's folder or files

GRADED, MALFORMED, TIMED_OUT, CRASHED = "graded", "malformed", "timed out", "crashed"
UNSUPPORTED, GRADER_ERROR = "unsupported", "grader error"
RETRIED = {GRADER_ERROR}  # rows graded again at the next run even without --regrade

# The grading process imports the grader from its copy of the course, never from its working
# directory (a student folder called `grader` or a file called `numpy.py` there must not be
# imported), and answers SIGINT even when started from a shell that ignores it (a background job).
# On Linux it also ends with the class run (PR_SET_PDEATHSIG), whose rows it could no longer write.
_BOOTSTRAP = ("import signal, sys; sys.path[0] = {root!r}; "
              "signal.signal(signal.SIGINT, signal.default_int_handler); "
              "sys.platform.startswith('linux') and __import__('ctypes').CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0); "
              "from grader.cli.main import main; sys.exit(main())")


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

    # ["--submission=PATH"] or ["--notebook=PATH"]: one argument, so that a name starting with "-" stays a path
    arguments: List[str] = field(default_factory=list)
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


def _not_copied(name):
    """What a copy of an upload leaves out: hidden files and folders, caches and archive leftovers
    (not ``__init__.py``, which a learner's package may need)."""
    return name.startswith(".") or name in ("__pycache__", "__MACOSX")


def _folders(root, depth=SEARCH_DEPTH):
    """``root`` and the folders below it, level by level, so the shallowest match wins (links are not followed)."""
    level = [root]
    for _ in range(depth + 1):
        yield from level
        level = [child for folder in level for child in _subfolders(folder)]


def _subfolders(folder):
    """The folders in ``folder`` by name, not links to folders nor hidden ones; none if it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(entry.path) for entry in entries
                          if entry.is_dir(follow_symlinks=False) and not _ignored(entry.name))
    except OSError:
        return []


def _is_file(path):
    """A regular file, not a link to one."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_folder(path):
    """A folder, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def notebooks_supported():
    """Whether this grader can grade notebooks (``python -m grader WEEK --notebook FILE``, with nbformat)."""
    try:
        import nbformat  # noqa: F401 - a runtime dependency, but a broken install should not stop the class
    except ImportError:
        return False
    return any("--notebook" in action.option_strings for action in grade_parser()._actions)


def prepare_upload(path, weeks):
    """Find what to grade in ``path`` (see the module docstring) and how: an :class:`Upload`.

    Files are only looked at, never run, and symbolic links are not followed. A folder of loose
    module files, or a module file that must be renamed, is copied into a temporary folder
    (``Upload.close()`` removes it).
    """
    path = Path(path)
    week_modules = {module: week for week in weeks for module in modules(week)}
    expected = ", ".join(f"{m}.py" for m in week_modules)
    if path.is_symlink():
        return Upload(problem=(MALFORMED, "a symbolic link: links are not followed"))
    if _is_file(path):
        if path.suffix == ".ipynb":
            return _notebook(path)
        if path.suffix != ".py":
            return Upload(problem=(MALFORMED, f"{escape_name(path.name)} is not a folder, a Python module (.py) "
                                              "or a notebook (.ipynb)"))
        return _module_file(path, week_modules)
    if not _is_folder(path):
        return Upload(problem=(MALFORMED, f"no such file or folder: {escape_name(str(path))}"))
    for folder in _folders(path):
        if any(_is_folder(folder / week) for week in weeks):
            return Upload(["--submission=" + str(folder)])
        found = [m for m in week_modules if _is_file(folder / f"{m}.py")]
        if found:
            return _loose_modules(folder, week_modules)
    for folder in _folders(path):
        notebooks = sorted(p for p in folder.glob("*.ipynb") if not _ignored(p.name) and _is_file(p))
        if notebooks:
            return _notebook(notebooks[0])
    return Upload(problem=(MALFORMED, f"it holds none of the files of {' '.join(weeks)}: expected a "
                                      f"{weeks[0]}/ folder, {expected} or a notebook"))


def _notebook(path):
    if notebooks_supported():
        return Upload(["--notebook=" + str(path)])
    return Upload(problem=(UNSUPPORTED, "notebooks not supported yet"))


def _module_file(path, week_modules):
    """A module file named after its module goes as it is; ``alice_deep_nn.py`` is renamed first."""
    if path.stem in week_modules:
        return Upload(["--submission=" + str(path)])
    named = [m for m in week_modules if m in path.stem]
    candidates = named if named else list(week_modules)
    if len(candidates) != 1:
        # The grader's own one-line error says which names it knows.
        return Upload(["--submission=" + str(path)])
    tmp = temporary_folder("upload")
    shutil.copyfile(path, tmp / f"{candidates[0]}.py")
    return Upload([f"--submission={candidates[0]}.py"], cleanup=lambda: _remove(tmp), cwd=tmp)


def _loose_modules(folder, week_modules):
    """The week's module files without their week folder: placed into a copy of ``exercises/``,
    so that the modules the upload lacks are graded as the untouched stubs."""
    tmp = temporary_folder("upload")
    if EXERCISES_DIR.is_dir():
        shutil.copytree(EXERCISES_DIR, tmp, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    weeks = sorted({week for module, week in week_modules.items() if _is_file(folder / f"{module}.py")})
    for file in sorted(file for file in folder.glob("*.py") if _is_file(file)):
        # A module goes to its week; any other file (a helper of the learner's) to every week found.
        targets = [week_modules[file.stem]] if file.stem in week_modules else weeks
        for week in targets:
            (tmp / week).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, tmp / week / file.name)
    return Upload(["--submission=."], cleanup=lambda: _remove(tmp), cwd=tmp)


# ---------------------------------------------------------------------------------- copies
def _remove(path):
    """Remove a temporary folder; one that resists is left to a later run (its name says whose it is)."""
    with contextlib.suppress(OSError):
        remove_tree(path)


def _not_a_file_or_folder(entry, folder):
    """``(status, reason)`` of an entry of the submissions folder that is neither a folder nor a
    regular file (a link is never followed: it could lead anywhere, to the solutions too); else None."""
    try:
        mode = os.lstat(entry).st_mode
    except OSError as exc:
        return MALFORMED, f"cannot be read: {exc.strerror}"
    if stat.S_ISLNK(mode):
        return MALFORMED, _link_reason(entry, folder)
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        return MALFORMED, "neither a file nor a folder (a pipe, a socket or a device)"
    return None


def _link_reason(link, folder):
    """Why an entry that is a link is not graded, with where it leads (resolved, never opened)."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13), or a link to nothing
        return "a symbolic link that leads nowhere (a loop, or a missing file); links are not followed"
    inside = Path(os.path.realpath(folder))
    if target == inside or inside in target.parents:
        return (f"a symbolic link to {escape_name(target.relative_to(inside).as_posix())} in the submissions "
                "folder; links are not followed")
    return ("a symbolic link leading out of the submissions folder; links are not followed (copy the "
            "submission into the folder instead)")


def _copy_upload(entry, copy):
    """Copy an entry of the submissions folder for grading; the paths left out (links, pipes, ...)."""
    if _is_folder(entry):
        return copy_tree(entry, copy, ignore=_not_copied)
    copy_file(entry, copy)
    return []


# This machine's troubles rather than the upload's: a row that says so is graded again at the next run.
_LOCAL_ERRORS = {getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EMFILE", "ENFILE", "ENOMEM", "EROFS")
                 if hasattr(errno, name)}


def _copy_problem(exc):
    """``(status, reason)`` of an upload that could not be copied."""
    if isinstance(exc, TreeTooLarge):
        return MALFORMED, f"too large to grade: {exc.reason}"
    where = f": {escape_name(os.fsdecode(exc.filename))}" if isinstance(exc.filename, (str, bytes)) else ""
    status = GRADER_ERROR if exc.errno in _LOCAL_ERRORS else MALFORMED
    return status, f"cannot be copied for grading: {exc.strerror or exc}{where}"


def _left_out(paths):
    """The note on a row about what its copy left out, or ""."""
    paths = sorted(paths)
    if not paths:
        return ""
    more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
    return f"links and special files left out: {', '.join(escape_name(path) for path in paths[:3])}{more}"


def _join(*parts):
    return "; ".join(part for part in parts if part)


def _relative(argument, root):
    """``--option=PATH`` with a path inside ``root`` made relative to it (the grader runs there)."""
    option, _, value = argument.partition("=")
    path = Path(value)
    if path.is_absolute() and root in path.parents:
        return f"{option}={path.relative_to(root)}"
    return argument


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
    if SOLUTIONS_DIR.is_dir():  # the copy has none: the reference that stands in for failing helpers
        env[oracles.REFERENCE_VARIABLE] = str(SOLUTIONS_DIR)
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
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
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
def row_name(file_name):
    """The ``submission`` cell of an entry (and its key in :class:`GradeBook`): see :func:`_cell`."""
    return _cell(file_name)


def _cell(text):
    """Text as a CSV cell: escaped (:func:`grader.sandbox.files.escape_name`), and with a quote before what a
    spreadsheet would run as a formula (``=HYPERLINK(...)``, ``-1+2``): upload names are the learners'."""
    text = escape_name(text)
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


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
        row = self.rows.get(row_name(name))  # the key a row of this name has in the file
        return row is not None and row["status"] not in RETRIED

    def put(self, row):
        self.rows[escape_name(row["submission"])] = row
        self.write()

    def write(self):
        with atomic_output(self.path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, self.columns, extrasaction="ignore", restval="")
            writer.writeheader()
            for name in sorted(self.rows):
                # A file name that is not UTF-8 in a reason must not make the whole file unwritable,
                # nor one that starts a reason run as a formula.
                writer.writerow({key: _cell(value) if isinstance(value, str) else value
                                 for key, value in self.rows[name].items()})


# ---------------------------------------------------------------------------------- grading
@dataclass
class ClassGrading:
    """One ``--submissions`` run: what to grade, with which limits, into which file."""

    weeks: List[str]
    folder: Path
    csv_path: Path
    jobs: int = 1
    regrade: bool = False
    time_limit: float = grading.DEFAULT_TIME_LIMIT
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
        # The CSV file may be in the folder. Entries are compared by name, not resolved: resolving
        # a link loop raises.
        csv_folder, csv_name = os.path.realpath(self.csv_path.parent), self.csv_path.name
        in_folder = csv_folder == os.path.realpath(self.folder)
        found = [p for p in sorted(self.folder.iterdir())
                 if not _ignored(p.name) and not (in_folder and p.name == csv_name)]
        if not found:
            raise CourseError(f"no submissions in {self.folder}")
        return found

    def grade_entry(self, entry):
        """The CSV row of one entry of the folder; never raises."""
        try:
            return self._grade_entry(entry)
        except Exception as exc:  # noqa: BLE001 - a bug or a full disk here must not lose the other rows
            return self._row(row_name(entry.name), GRADER_ERROR, f"{type(exc).__name__}: {exc}")

    def _grade_entry(self, entry):
        start = time.monotonic()
        name = row_name(entry.name)
        problem = _not_a_file_or_folder(entry, self.folder)
        if problem is not None:
            return self._row(name, *problem, seconds=time.monotonic() - start)
        # The grader runs in the workspace, on a copy named like the row, so that its messages say
        # "alice/week4/..." as the CSV does.
        workspace = temporary_folder("upload")
        try:
            try:
                left_out = _left_out(_copy_upload(entry, workspace / name))
            except (TreeTooLarge, OSError) as exc:
                return self._row(name, *_copy_problem(exc), seconds=time.monotonic() - start)
            upload = prepare_upload(workspace / name, self.weeks)
            try:
                if upload.problem is not None:
                    status, reason = upload.problem
                    return self._row(name, status, _join(reason, left_out), seconds=time.monotonic() - start)
                arguments = [*self.weeks, *(_relative(argument, workspace) for argument in upload.arguments),
                             "--format", "json", *self.options]
                course = temporary_folder("course")
                try:
                    copy_course(self.weeks, course)
                    run = run_grader(arguments, cwd=upload.cwd or workspace, time_limit=self.time_limit,
                                     course=course)
                finally:
                    _remove(course)
            finally:
                upload.close()
        finally:
            _remove(workspace)
        problem = failure(run, self.time_limit)
        if problem is None:
            try:
                report = json.loads(run.stdout)
                return self._graded(name, report, _join(notes(run), left_out), run.seconds)
            except (ValueError, KeyError, TypeError):
                lines = run.stderr.strip().splitlines()
                problem = (CRASHED, "the grader's report could not be read" + (f": {lines[-1]}" if lines else ""))
        status, reason = problem
        return self._row(name, status, _join(reason, left_out), seconds=run.seconds)

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
        temporary, folder = Path(os.path.realpath(tempfile.gettempdir())), Path(os.path.realpath(self.folder))
        if temporary == folder or folder in temporary.parents:  # its copies would be taken for submissions
            raise CourseError(f"the temporary folder {temporary} is inside the submissions folder: "
                              "set TMPDIR to another folder")
        removed = remove_abandoned_folders()
        if removed:
            print(f"removed {len(removed)} temporary folder{'s' * (len(removed) != 1)} of grading runs that "
                  "were killed", file=stream, flush=True)
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
        return book, [book.rows[row_name(entry.name)] for entry in entries]


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
    options = ["--timeout", str(args.timeout), "--memory-limit", str(args.memory_limit),
               "--allow-unisolated" if getattr(args, "allow_unisolated", False) else "--require-isolation"]
    if not args.hidden:
        options.append("--no-hidden")
    processes = getattr(args, "processes", None) or (1 if args.jobs > 1 else None)  # the jobs share the cores
    if processes is not None:
        options += ["--processes", str(processes)]
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
