"""A throw-away copy of the course with one extra, tiny week, for tests that grade many submissions.

Grading ``week99`` costs little more than starting the grader, so a test can grade dozens of
submissions (or the hidden cases of a suite it controls) in a few seconds. The week has one module,
``tiny``, with two exercises: ``double`` (reference cases from fixtures, 2 points) and ``square``
(1 point).
"""
import shutil

from grader.tools import stubs
from grader.course import COURSE_ROOT

from .conftest import Course

WEEK, MODULE = "week99", "tiny"

# The markers come from grader.tools.stubs, so that this file holds no marker line of its own (the student
# release refuses any).
SOLUTION = f'''\
"""A tiny module.

Two functions, for the grader's own tests.
"""


def double(x):
    """Twice ``x`` (an array)."""
    {stubs.BEGIN}
    return 2 * x
    {stubs.END}


def square(x):
    """``x`` squared."""
    {stubs.BEGIN}
    return x * x
    {stubs.END}
'''

TESTS = '''\
import numpy as np
import pytest

from grader import checks, sandbox
from grader.cases import Cases

tiny = sandbox.load("week99.tiny")
cases = Cases(__file__)


@cases.define("double")
def _(rng):
    n = int(rng.integers(2, 7))  # the hidden cases get other shapes too
    return {"random": {"x": rng.standard_normal(n)}, "fixed": {"x": np.array([1.0, 2.0])}}


@pytest.mark.exercise("double", points=2)
@cases.parametrize("double")
def test_double_matches_reference(case):
    checks.assert_close(case.run(tiny), case.expected, "double(x)")


@pytest.mark.exercise("square", points=1)
def test_square():
    checks.assert_close(tiny.square(np.array([3.0, -2.0])), np.array([9.0, 4.0]), "square(x)")
'''


def make_course(root):
    """A copy of the course at ``root`` with ``week99`` added and its fixtures frozen: a :class:`Course`."""
    shutil.copytree(COURSE_ROOT, root, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", ".tox", "*.egg-info", "mistakes", "hidden", "examples", "benchmarks"))
    for base, text in (("solutions", SOLUTION), ("exercises", stubs.stub_source(SOLUTION))):
        (root / base / WEEK).mkdir(parents=True)
        (root / base / WEEK / "__init__.py").write_text('"""Tiny week\n\nFor the grader\'s tests.\n"""\n')
        (root / base / WEEK / f"{MODULE}.py").write_text(text)
    (root / "tests" / WEEK).mkdir()
    (root / "tests" / WEEK / "__init__.py").write_text(f"MODULES = [{MODULE!r}]\n")
    (root / "tests" / WEEK / f"test_{MODULE}.py").write_text(TESTS)
    course = Course(root)
    done = course.grader("fixtures", WEEK)
    assert done.returncode == 0, done.stderr
    return course


def solution_with(replacement=""):
    """The solution module, with ``replacement`` code appended (later definitions win)."""
    return SOLUTION + ("\n\n" + replacement if replacement else "")
