"""The student release: a copy of the course for learners, without what only instructors should have.

``python -m grader release OUT_DIR`` copies the course into ``OUT_DIR`` (a new or empty folder outside
the course), leaving out:

- ``solutions/``: the exercise stubs are written fresh from it (:func:`grader.stubs.generate`), so a
  stub edited by hand cannot carry a solution into the release;
- every ``mistakes/`` folder (a catalogue of wrong implementations, for instructors);
- the hidden cases, ``tests/weekN/fixtures/hidden/`` (instructors keep them in their own repository
  and grade the class with them; see :mod:`grader.cases`);
- instructor-only files: ``.github/`` (a workflow that grades the solutions), ``examples/`` and
  ``benchmarks/`` (they run the solutions), ``tests/grader/test_stubs.py`` (it tests the stub
  generator on a sample solution block, markers included);
- what is not course material: version control, caches, virtual environments, build output, and the
  files the grader writes (``grades*.csv``, ``autograder*.zip``).

Grading works in the copy: the suites read their fixtures, never the solutions, and ``python -m
pytest`` there skips the tests that need the solutions. Before it returns, :func:`write_release`
checks the copy: no ``solutions/`` folder, no hidden fixtures and no solution marker line
(``### BEGIN SOLUTION``) in any file, notebooks included.
"""
import fnmatch
import json
import os
import shutil
from pathlib import Path

from . import stubs
from .course import COURSE_ROOT, EXERCISES_DIR, SOLUTIONS_DIR, CourseError

# Left out wherever they are (names of folders or files).
EXCLUDED_NAMES = {".git", ".hg", "__pycache__", ".tox", ".nox", ".pytest_cache", ".mypy_cache", ".ruff_cache",
                  ".ipynb_checkpoints", ".benchmarks", ".venv", "venv", "mistakes", ".DS_Store", ".coverage"}
EXCLUDED_SUFFIXES = (".egg-info", ".pyc")
# Left out by their path in the course (shell patterns, "/" separators).
EXCLUDED_PATHS = ["solutions", "exercises", "build", "dist", ".github", "examples", "benchmarks",
                  "tests/*/fixtures/hidden", "tests/grader/test_stubs.py", "grades*.csv", "autograder*.zip"]
MARKERS = (stubs.BEGIN, stubs.END)


def is_excluded(rel, is_dir=False, root=COURSE_ROOT):
    """Whether the course path ``rel`` (``tests/week1/fixtures/hidden``) stays out of the release."""
    rel = Path(rel).as_posix()
    name = rel.rsplit("/", 1)[-1]
    if name in EXCLUDED_NAMES or name.endswith(EXCLUDED_SUFFIXES):
        return True
    if is_dir and (Path(root) / rel / "pyvenv.cfg").is_file():  # a virtual environment, whatever its name
        return True
    return any(fnmatch.fnmatchcase(rel, pattern) for pattern in EXCLUDED_PATHS)


def release_files(root=COURSE_ROOT):
    """``[relative path]`` of every course file the release copies as it is (not the exercises)."""
    found = []
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root)
        dirs[:] = sorted(d for d in dirs if not is_excluded(rel_folder / d, is_dir=True, root=root))
        found.extend(rel_folder / f for f in sorted(files) if not is_excluded(rel_folder / f, root=root))
    return found


def write_release(out_dir):
    """Write the release into ``out_dir``; returns the number of files written."""
    out = Path(out_dir).resolve()
    if out == COURSE_ROOT or COURSE_ROOT in out.parents:
        raise CourseError(f"{out_dir} is inside the course: choose a folder outside it")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CourseError(f"{out_dir} exists and is not empty: choose a new folder")
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for rel in release_files():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(COURSE_ROOT / rel, target)
        count += 1
    count += _write_exercises(out / "exercises")
    readme = out / "README.md"
    if readme.is_file():
        readme.write_text(learner_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    problems = check_release(out)
    if problems:
        raise RuntimeError("the release is not safe to hand out (it is left in place for inspection):\n  "
                           + "\n  ".join(problems[:20]))
    return count


def learner_readme(text):
    """The README for learners: set-up command (1) grades their exercises (there are no solutions to
    grade), and the instructors' part (between ``<!-- begin instructors`` and ``<!-- end
    instructors -->``) is left out."""
    text = text.replace(
        "# (1) install, then grade the reference solutions of every week: full marks, exit status 0\n"
        "python -m pip install -e . && python -m grader all --solutions",
        "# (1) install, then grade your exercises of every week (untouched: all \"not implemented\")\n"
        "python -m pip install -e . && python -m grader all")
    start, end = text.find("<!-- begin instructors"), text.find("<!-- end instructors -->")
    if start != -1 and end != -1:
        text = text[:start] + text[end + len("<!-- end instructors -->\n"):]
    note = ("> This is the learners' copy of the course: the reference solutions, and the example scripts "
            "behind the result tables, stay with your instructor.\n\n")
    first_break = text.find("\n\n")
    return text[:first_break + 2] + note + text[first_break + 2:] if first_break != -1 else note + text


def _write_exercises(target):
    """The stubs, generated from the solutions (copied when there are none: a release of a release)."""
    count = 0
    if EXERCISES_DIR.is_dir():
        for path in sorted(EXERCISES_DIR.rglob("*")):
            rel = path.relative_to(EXERCISES_DIR)
            if path.is_file() and not is_excluded(Path("exercises") / rel):
                if SOLUTIONS_DIR.is_dir() and path.suffix == ".py" and (SOLUTIONS_DIR / rel).is_file():
                    continue  # written from the solution below
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / rel)
                count += 1
    if SOLUTIONS_DIR.is_dir():
        for rel, text in stubs.generate(SOLUTIONS_DIR).items():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_text(text, encoding="utf-8")
            count += 1
    return count


def check_release(out):
    """What makes the release at ``out`` unsafe for learners (empty when nothing does)."""
    out = Path(out)
    problems = [f"{p.relative_to(out).as_posix()}: instructors only" for p in out.rglob("*") if p.is_dir()
                and (p.name in ("solutions", "mistakes") or (p.name == "hidden" and p.parent.name == "fixtures"))]
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        for number, line in enumerate(_lines(path), start=1):
            if line.strip() in MARKERS:
                problems.append(f"{path.relative_to(out).as_posix()}, line {number}: a solution marker")
                break
    return problems


def _lines(path):
    """The text lines of a file; a notebook's cell lines; nothing for a binary file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
            return [line for cell in cells for line in "".join(cell.get("source", "")).splitlines()]
        except (ValueError, AttributeError, TypeError):
            pass
    return text.splitlines()
