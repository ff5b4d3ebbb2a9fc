"""The student release: no solutions in any form, and grading still works inside it."""
import json
import os
import subprocess
import sys

import pytest

from grader import release, stubs
from grader.course import COURSE_ROOT, SOLUTIONS_DIR, CourseError

pytestmark = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")

# Course infrastructure, written independently of the solutions: a line of a solution block found
# there too (a test's own reference formula, a docstring) is not a leak.
INDEPENDENT = ["tests", "grader", "datasets", "plotting"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "course"
    done = subprocess.run([sys.executable, "-m", "grader", "release", str(out)], cwd=COURSE_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def run_in(folder, *args):
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(folder)}
    return subprocess.run([sys.executable, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def solution_only_lines():
    """Code lines of the solution blocks that appear nowhere else in the course (long enough to be telling)."""
    inside, elsewhere = set(), set()
    for path in SOLUTIONS_DIR.rglob("*.py"):
        in_block = False
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if text in (stubs.BEGIN, stubs.END):
                in_block = text == stubs.BEGIN
            else:
                (inside if in_block else elsewhere).add(text)
    for folder in INDEPENDENT:
        for path in (COURSE_ROOT / folder).rglob("*.py"):
            elsewhere.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in inside - elsewhere
            if len(line) >= 12 and not line.startswith("#")}


def test_no_solution_code_and_no_instructor_folder_in_the_release(copy):
    secrets = solution_only_lines()
    assert len(secrets) > 50  # the check below has something to find
    leaks, markers = [], []
    for path in sorted(p for p in copy.rglob("*") if p.is_file()):
        lines = [line.strip() for line in release._lines(path)]
        markers.extend(str(path.relative_to(copy)) for line in lines if line in (stubs.BEGIN, stubs.END))
        leaks.extend(f"{path.relative_to(copy)}: {line}" for line in lines if line in secrets)
    assert markers == [] and leaks == []
    assert not (copy / "solutions").exists() and not list(copy.rglob("solutions/*"))
    for folder in (".git", ".github", "examples", "benchmarks", "mistakes"):
        assert not list(copy.rglob(folder)), folder
    assert not [p for p in copy.rglob("hidden") if p.parent.name == "fixtures"]


def test_the_release_has_what_learners_need(copy):
    for rel in ("README.md", "pyproject.toml", "grader/cli.py", "tests/conftest.py", "tests/week1/fixtures",
                "exercises/week1/numpy_basics.py", "datasets/mnist_even_odd.h5"):
        assert (copy / rel).exists(), rel
    assert stubs.out_of_date(SOLUTIONS_DIR, copy / "exercises") == []  # the stubs, freshly generated


def test_grading_in_the_release_finds_every_exercise_not_implemented(copy):
    done = run_in(copy, "-m", "grader", "all", "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1, done.stderr
    assert report["points"] == 0 and report["max_points"] > 0
    assert {e["status"] for w in report["weeks"] for e in w["exercises"]} == {"not implemented"}


def test_pytest_in_the_release_skips_what_needs_the_solutions(copy):
    done = run_in(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/week1/test_numpy_basics.py",
                  "tests/grader/test_fixtures_current.py", "tests/grader/test_course_paths.py",
                  "tests/grader/test_cli.py::test_the_solutions_get_full_marks_and_exit_0")
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert "skipped" in summary and "failed" not in summary and "error" not in summary, summary


@pytest.mark.parametrize("rel, is_dir, excluded", [
    ("solutions", True, True), ("tests/week4/fixtures/hidden", True, True), ("tests/week4/mistakes", True, True),
    ("mistakes", True, True), (".github", True, True), ("grades.csv", False, True),
    ("autograder_week4.zip", False, True), ("dl_from_scratch_course.egg-info", True, True),
    ("tests/week4/fixtures/deep_nn.h5", False, False), ("tests/week4/test_deep_nn.py", False, False),
    ("grader/stubs.py", False, False), ("README.md", False, False), ("datasets/mnist_5k.h5", False, False),
])
def test_what_stays_out_of_the_release(rel, is_dir, excluded):
    assert release.is_excluded(rel, is_dir=is_dir) is excluded


def test_a_virtual_environment_stays_out_whatever_its_name(tmp_path):
    (tmp_path / "my-env").mkdir()
    (tmp_path / "my-env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert release.is_excluded("my-env", is_dir=True, root=tmp_path)


def test_the_release_goes_to_a_new_folder_outside_the_course(tmp_path):
    with pytest.raises(CourseError, match="inside the course"):
        release.write_release(COURSE_ROOT / "release")
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CourseError, match="not empty"):
        release.write_release(tmp_path)


def test_the_check_catches_a_marker_and_a_solutions_folder(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "m.py").write_text(f"def f():\n    {stubs.BEGIN}\n    return 1\n")
    (tmp_path / "solutions").mkdir()
    problems = release.check_release(tmp_path)
    assert any("solution marker" in p for p in problems) and any(p.startswith("solutions") for p in problems)


def test_the_learners_readme_has_no_instructor_commands():
    from grader.release import learner_readme
    from grader.course import COURSE_ROOT

    text = learner_readme((COURSE_ROOT / "README.md").read_text(encoding="utf-8"))
    assert "--solutions" not in text and "For instructors" not in text
    assert "python -m pip install -e . && python -m grader all\n" in text
    assert "learners' copy" in text
