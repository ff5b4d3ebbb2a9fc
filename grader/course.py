"""Where the course lives on disk and what it contains: weeks, modules and their titles.

Everything here reads files only; it never imports learner code.
"""
import ast
import os
import sys
from pathlib import Path


class CourseError(Exception):
    """Bad input from the user (unknown week, missing path, ...): one readable line, exit code 2."""


def _looks_like_course(path):
    return (path / "grader").is_dir() and (path / "tests").is_dir()


def find_course_root():
    """The course folder: the parent of this package, or the first course folder above the cwd.

    The second case covers a non-editable ``pip install``, where this file lives in site-packages.
    """
    here = Path(__file__).resolve().parent.parent
    if _looks_like_course(here):
        return here
    for path in [Path.cwd(), *Path.cwd().parents]:
        if _looks_like_course(path):
            return path
    raise CourseError(
        "cannot find the course folder: run the grader from inside it, or install it with `pip install -e .`"
    )


COURSE_ROOT = find_course_root()
TESTS_DIR = COURSE_ROOT / "tests"
SOLUTIONS_DIR = COURSE_ROOT / "solutions"
EXERCISES_DIR = COURSE_ROOT / "exercises"
DATASETS_DIR = COURSE_ROOT / "datasets"


def ensure_course_on_path():
    """Put the course folder first on ``sys.path`` and drop a foreign ``datasets`` module.

    A package named ``datasets`` exists on PyPI; whichever way the course was installed, the course's
    own ``datasets/`` folder must be the one that ``import datasets`` finds.
    """
    root = str(COURSE_ROOT)
    if not sys.path or sys.path[0] != root:
        sys.path.insert(0, root)
    foreign = sys.modules.get("datasets")
    if foreign is not None and not getattr(foreign, "COURSE_DATASETS", False):
        for name in [n for n in sys.modules if n == "datasets" or n.startswith("datasets.")]:
            del sys.modules[name]


def week_sort_key(name):
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, name)


def weeks():
    """Names of the weeks that have a test suite, in order: ``["week1", "week2", ...]``."""
    found = [p.name for p in TESTS_DIR.glob("week*") if p.is_dir() and any(p.glob("test_*.py"))]
    return sorted(found, key=week_sort_key)


def modules(week):
    """Module names of a week in lesson order: ``MODULES`` in ``tests/weekN/__init__.py`` first,
    then any other test file's module alphabetically (``test_numpy_basics.py`` -> ``numpy_basics``)."""
    found = sorted(p.stem[len("test_"):] for p in (TESTS_DIR / week).glob("test_*.py"))
    order = _literal(TESTS_DIR / week / "__init__.py", "MODULES") or []
    return [m for m in order if m in found] + [m for m in found if m not in order]


def _literal(path, name):
    """The value of ``name = <literal>`` in a Python file, read without running it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def week_title(week):
    """First line of ``solutions/weekN/__init__.py``'s docstring (or the exercises' copy)."""
    for base in (SOLUTIONS_DIR, EXERCISES_DIR):
        init = base / week / "__init__.py"
        if init.is_file():
            docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
            return docstring.strip().splitlines()[0].strip() if docstring.strip() else ""
    return ""


def resolve_weeks(requested):
    """Turn the command line's week arguments (``week2``, ``2``, ``all``) into known week names."""
    known = weeks()
    if not requested or "all" in requested:
        return known
    resolved = []
    for raw in requested:
        name = raw if raw.startswith("week") else f"week{raw}"
        if name not in known:
            raise CourseError(f"unknown week {raw!r}: choose from {', '.join(known)} or 'all'")
        if name not in resolved:
            resolved.append(name)
    return sorted(resolved, key=week_sort_key)


def relative(path):
    """A path as the user would like to read it: relative to the cwd when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
