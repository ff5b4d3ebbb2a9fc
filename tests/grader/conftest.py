"""Fixtures for the grader's own tests: a throw-away copy of the course and a way to run its CLI."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader.course import COURSE_ROOT


class Course:
    """A copy of the course in a temporary folder, so an attack that beats a defence cannot damage
    the real repository, and a way to run ``python -m grader`` inside it."""

    def __init__(self, root):
        self.root = root

    def grader(self, *args, env=None, cwd=None):
        if "--solutions" in args and "--submission" not in args and not (self.root / "solutions").is_dir():
            pytest.skip("no solutions/ in this copy of the course (the student release)")
        environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
        environment["PYTHONPATH"] = str(self.root)  # this copy's grader, however the course is installed
        return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], cwd=cwd or self.root,
                              env=environment, capture_output=True, text=True, timeout=300)

    def grade_json(self, *args, env=None):
        """Run the grader with ``--format json``; ``(exit code, {exercise name: exercise dict}, report)``."""
        done = self.grader(*args, "--format", "json", env=env)
        report = json.loads(done.stdout)
        exercises = {e["name"]: e for w in report["weeks"] for e in w["exercises"]}
        return done.returncode, exercises, report

    def submission(self, name, overrides=None, base="solutions"):
        """A submission copied from ``base``; ``overrides`` maps ``week1/module.py`` to code appended
        to that file (later definitions replace the originals)."""
        target = self.root / name
        if not (self.root / base).is_dir():
            pytest.skip(f"no {base}/ in this copy of the course (the student release)")
        shutil.copytree(self.root / base, target, ignore=shutil.ignore_patterns("__pycache__"))
        for rel, code in (overrides or {}).items():
            with open(target / rel, "a", encoding="utf-8") as f:
                f.write("\n\n" + code)
        return target


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course") / "course"
    shutil.copytree(COURSE_ROOT, root, ignore=shutil.ignore_patterns(".git", "__pycache__", ".tox", "*.egg-info"))
    return Course(root)


@pytest.fixture()
def fresh_course(tmp_path):
    """A private copy for tests that change the course itself."""
    root = tmp_path / "course"
    shutil.copytree(COURSE_ROOT, root, ignore=shutil.ignore_patterns(".git", "__pycache__", ".tox", "*.egg-info"))
    return Course(root)


def tree_digest(*folders):
    """``{path: bytes}`` of every file below ``folders``, to compare before and after a run; not the
    bytecode Python caches in ``__pycache__`` (the grader's own imports write it where no run has yet;
    the guard keeps it, see test_a_first_grading_of_a_course_without_bytecode_blames_nothing_on_the_submission)."""
    return {p: p.read_bytes() for folder in folders for p in sorted(Path(folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="session")
def stub_report(course):
    """``(exit code, JSON report)`` of grading the untouched exercises of every week."""
    done = course.grader("all", "--format", "json")
    return done.returncode, json.loads(done.stdout)


@pytest.fixture(scope="session")
def solution_report(course):
    """``(exit code, JSON report)`` of grading the reference solutions of every week."""
    if not (course.root / "solutions").is_dir():
        pytest.skip("no solutions/ in this copy of the course (the student release)")
    done = course.grader("all", "--solutions", "--format", "json")
    return done.returncode, json.loads(done.stdout)
