"""Hidden cases: same tests, other seeds, graded as extra items and reported apart from the visible ones.

A copy of the course with the tiny week (``tiny_course``) gets hidden fixtures from
``python -m grader fixtures week99 --hidden``; a submission that memorised the visible cases passes
them and fails the hidden ones.
"""
import csv
import json
import shutil
import subprocess
import zipfile
import zlib

import pytest

from grader import cases as cases_module
from grader.cases import HIDDEN_PREFIX, Cases, read_file
from grader.course import CourseError

from .tiny_course import MODULE, SOLUTION, WEEK, make_course, solution_with


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("hidden") / "course")
    done = course.grader("fixtures", WEEK, "--hidden")
    assert done.returncode == 0 and "fixtures/hidden/tiny.zip" in done.stdout, done.stderr
    return course


def hidden_file(course):
    return course.root / "tests" / WEEK / "fixtures" / "hidden" / f"{MODULE}.zip"


@pytest.fixture(scope="module")
def memorised(tiny):
    """A submission whose ``double`` only knows the inputs of the visible cases."""
    visible = [inputs["x"].tolist() for inputs, _ in read_file(
        tiny.root / "tests" / WEEK / "fixtures" / f"{MODULE}.zip")["double"].values()]
    code = (f"KNOWN = {visible!r}\n\n\ndef double(x):\n"
            "    return 2 * x if x.tolist() in KNOWN else x\n")
    folder = tiny.root.parent / "memorised"
    (folder / WEEK).mkdir(parents=True)
    (folder / WEEK / f"{MODULE}.py").write_text(solution_with(code))
    return folder


def test_hidden_cases_have_other_values_and_shapes_and_no_copies_of_visible_ones(tiny):
    visible = read_file(tiny.root / "tests" / WEEK / "fixtures" / f"{MODULE}.zip")["double"]
    hidden = read_file(hidden_file(tiny))["double"]
    assert list(hidden) == ["random"]  # "fixed" does not depend on the seed: nothing to hide
    assert hidden["random"][0]["x"].shape != visible["random"][0]["x"].shape
    assert "square" not in read_file(hidden_file(tiny))  # no cases, no hidden cases


def test_visible_seeds_do_not_change_and_hidden_ones_differ(tmp_path):
    cases = Cases(tmp_path / "week7" / "test_m.py")
    assert cases.seed("f") == zlib.crc32(b"week7.m.f")  # the frozen fixtures stay valid
    assert cases.seed("f", "hidden") != cases.seed("f")


def test_the_solutions_get_full_marks_with_hidden_points_apart(tiny):
    code, exercises, report = tiny.grade_json(WEEK, "--solutions")
    assert code == 0 and report["points"] == report["max_points"] == 3
    assert (report["visible_points"], report["hidden_points"], report["hidden_max_points"]) == (2.33, 0.67, 0.67)
    double = exercises["double"]
    hidden = [t["name"] for t in double["tests"] if t["hidden"]]
    assert hidden == [f"test_double_matches_reference[{HIDDEN_PREFIX}random]"]
    assert "hidden_points" not in exercises["square"]  # no hidden cases, no split


def test_memorised_answers_lose_the_hidden_points_only(tiny, memorised):
    code, exercises, report = tiny.grade_json(WEEK, "--submission", memorised)
    assert code == 1
    assert (report["visible_points"], report["hidden_points"]) == (report["visible_max_points"], 0)
    assert exercises["double"]["status"] == "failed" and exercises["square"]["status"] == "passed"


def test_the_text_report_shows_visible_and_hidden_points(tiny, memorised):
    done = tiny.grader(WEEK, "--submission", memorised)
    assert "visible cases 2.33/2.33, hidden cases 0/0.67" in done.stdout
    assert "hidden case: double(x)" in done.stdout  # the message says which kind of case failed


def test_gradescope_shows_hidden_cases_only_after_publication(tiny, memorised, tmp_path):
    out = tmp_path / "results.json"
    tiny.grader(WEEK, "--submission", memorised, "--format", "gradescope", "--output", out)
    document = json.loads(out.read_text())
    tests = {t["name"]: t for t in document["tests"]}
    visible, hidden = tests[f"{WEEK} · {MODULE}.double"], tests[f"{WEEK} · {MODULE}.double (hidden cases)"]
    assert (visible["score"], visible["visibility"]) == (1.33, "visible")
    assert (hidden["score"], hidden["max_score"], hidden["visibility"]) == (0, 0.67, "after_published")
    assert document["score"] == 2.33
    assert "0/0.67" not in document["output"] and "shown when the grades are published" in document["output"]


def test_no_hidden_grades_the_visible_cases_only(tiny, memorised):
    code, exercises, report = tiny.grade_json(WEEK, "--submission", memorised, "--no-hidden")
    assert code == 0 and report["points"] == 3 and "hidden_points" not in report
    assert not any(t["hidden"] for e in exercises.values() for t in e["tests"])


def test_the_class_csv_has_visible_and_hidden_columns(tiny, memorised, tmp_path):
    folder = tmp_path / "class"
    shutil.copytree(memorised, folder / "mallory")
    out = tmp_path / "grades.csv"
    tiny.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--csv", out, "--jobs", "1")
    with open(out, newline="") as f:
        (row,) = csv.DictReader(f)
    assert (row["points"], row["visible_points"], row["hidden_points"]) == ("2.33", "2.33", "0")


def test_hidden_fixtures_go_to_gradescope_but_not_to_the_release(tiny, tmp_path):
    done = tiny.grader("gradescope", WEEK, "-o", tmp_path / "ag.zip")
    assert done.returncode == 0, done.stderr
    assert f"tests/{WEEK}/fixtures/hidden/{MODULE}.zip" in zipfile.ZipFile(tmp_path / "ag.zip").namelist()
    # A release is built from the last commit. The grader's own tests stay out of this one: they quote
    # the tiny week's one-line answers, which no file of the release may hold.
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A", "--", ".", ":(exclude)tests/grader"], ["commit", "-q", "-m", "tiny"]):
        subprocess.run(git + command, cwd=tiny.root, check=True, capture_output=True)
    done = tiny.grader("release", tmp_path / "release")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "release" / "tests" / WEEK / "fixtures" / f"{MODULE}.zip").is_file()
    assert not (tmp_path / "release" / "tests" / WEEK / "fixtures" / "hidden").exists()
    assert SOLUTION not in (tmp_path / "release" / "exercises" / WEEK / f"{MODULE}.py").read_text()


def test_hidden_cases_in_an_older_format_stop_grading_with_what_to_run(tmp_path):
    # An .h5 file of hidden cases (the format before zip) left unread would drop its cases unnoticed.
    cases = Cases(tmp_path / "week7" / "test_m.py")
    cases.hidden_file.parent.mkdir(parents=True)
    cases.hidden_file.with_suffix(".h5").write_bytes(b"\x89HDF\r\n\x1a\n")
    with pytest.raises(CourseError, match="older grader: rebuild them with python -m grader fixtures --hidden"):
        cases.hidden("f")


def test_a_fixture_file_swapped_for_a_compressed_one_reads_as_damaged(tmp_path):
    # Written by the grader, a fixture file stores its members; a deflated one (a zip bomb, say) is not read.
    path = tmp_path / "m.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("f", b"\0" * 1000)
    assert cases_module._read_or_empty(read_file, path) == {}
