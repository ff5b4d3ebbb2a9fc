"""The command line as its users meet it: reports, formats, exit codes and one-line errors."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from grader.course import COURSE_ROOT, weeks


def _one_line(text):
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


def test_the_solutions_get_full_marks_and_exit_0(solution_report):
    code, report = solution_report
    assert code == 0
    assert report["points"] == report["max_points"] > 0


def test_untouched_stubs_are_all_not_implemented_and_exit_1(stub_report):
    code, report = stub_report
    assert code == 1
    assert report["points"] == 0 and report["max_points"] > 0
    assert {e["status"] for w in report["weeks"] for e in w["exercises"]} == {"not implemented"}


def test_a_first_grading_of_a_course_without_bytecode_blames_nothing_on_the_submission(fresh_course):
    # A new release or a fresh clone has no __pycache__: the bytecode Python writes for the test modules
    # is written before the guard reads the course, not while the submission's worker runs.
    submission = fresh_course.submission("copy_of_the_solutions")
    done = fresh_course.grader("week8", "--submission", submission, "--format", "json",
                               env={"PYTHONDONTWRITEBYTECODE": ""})
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["points"] == report["max_points"], done.stderr
    assert "changed course files" not in done.stderr
    assert list((fresh_course.root / "tests" / "week8" / "__pycache__").glob("test_cnn.*.pyc"))


def test_the_text_report_of_the_solutions(course):
    done = course.grader("week1", "--solutions")
    assert done.returncode == 0
    assert "100%" in done.stdout and "passed" in done.stdout


@pytest.mark.parametrize("args, words", [
    (["week99"], "unknown week 'week99'"),
    (["--submission", "/nonexistent"], "no such file or folder: /nonexistent"),
    (["--submission", "pyproject.toml"], "not a Python module"),
    (["--submission", "mystery.py"], "cannot tell which module"),
    (["--format", "pdf"], "invalid choice"),
    (["week1", "--solutions", "--submission", "x"], "not allowed with argument"),
    (["week1", "--processes", "0"], "--processes must be at least 1"),
    (["scoreboard", "-o", "/nonexistent/scores.json"], "no such folder"),  # said before minutes of grading
])
def test_bad_input_is_one_clear_line_and_exit_2(course, args, words):
    (course.root / "mystery.py").write_text("x = 1\n")
    done = course.grader(*args)
    assert done.returncode == 2
    assert words in done.stderr and _one_line(done.stderr), done.stderr
    assert done.stdout == ""


def test_a_syntax_error_names_the_file_and_line(course):
    submission = course.submission("broken", {"week1/numpy_basics.py": "def oops(:\n    pass\n"})
    done = course.grader("week1", "--submission", submission)
    assert done.returncode == 2
    assert "numpy_basics.py, line" in done.stderr and "syntax error" in done.stderr, done.stderr
    assert _one_line(done.stderr)


@pytest.mark.skipif(not (COURSE_ROOT / "solutions").is_dir(), reason="the student release has no solutions")
def test_a_single_module_file_grades_only_that_module(course, tmp_path):
    module = tmp_path / "numpy_basics.py"
    module.write_text((course.root / "solutions" / "week1" / "numpy_basics.py").read_text())
    code, exercises, _ = course.grade_json("--submission", module)
    assert code == 0, exercises
    assert {e["module"] for e in exercises.values()} == {"numpy_basics"}


def test_a_missing_module_costs_its_exercises_with_a_clear_reason(course):
    submission = course.submission("incomplete")
    (submission / "week1" / "numpy_basics.py").unlink()
    code, exercises, _ = course.grade_json("week1", "--submission", submission)
    assert code == 1
    lost = [e for e in exercises.values() if e["module"] == "numpy_basics"]
    assert lost and all(e["points"] == 0 and "missing from the submission" in e["message"] for e in lost)
    assert all(e["status"] == "passed" for e in exercises.values() if e["module"] != "numpy_basics")


def test_list_shows_weeks_exercises_and_points(course):
    done = course.grader("list")
    assert done.returncode == 0
    for week in weeks():
        assert week in done.stdout
    assert "points" in done.stdout and "numpy_basics.py" in done.stdout


def test_help_explains_the_report_and_exit_codes(course):
    done = course.grader("--help")
    assert done.returncode == 0
    for words in ("not implemented", "--submission", "--solutions", "--format", "Exit status"):
        assert words in done.stdout


@pytest.mark.parametrize("fmt", ["json", "gradescope", "junit", "text"])
def test_every_format_can_be_written_to_a_file(course, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    done = course.grader("week1", "--solutions", "--format", fmt, "--output", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text()
    if fmt in ("json", "gradescope"):
        data = json.loads(text)
        assert data["score" if fmt == "gradescope" else "points"] > 0
    elif fmt == "junit":
        ET.fromstring(text)
    assert "written to" in done.stdout


def test_colour_only_when_asked_or_on_a_terminal(course):
    plain = course.grader("week1", "--solutions")
    forced = course.grader("week1", "--solutions", "--color", "always")
    assert "\x1b[" not in plain.stdout
    assert "\x1b[" in forced.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_grading_process_keeps_its_memory_from_code_of_the_same_user():
    # Unisolated code runs as the same user: /proc/PID/mem and ptrace of a process that is not
    # dumpable are refused to it (checked by hand as an ordinary user: PermissionError, "opened" before).
    code = ("import ctypes; from grader.cli.main import protect_own_memory; protect_own_memory(); "
            "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))")  # PR_GET_DUMPABLE
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=COURSE_ROOT)
    assert done.stdout.strip() == "0", done.stderr
