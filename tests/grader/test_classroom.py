"""Grading a class: every submission gets a CSV row with its status, in parallel, and reruns resume.

The class is graded in a copy of the course with a tiny extra week (``tiny_course``), so that thirty
submissions cost seconds: correct ones in every layout learners upload, partly wrong ones, stubs,
submissions that crash or raise, one that hangs until the per-submission time limit stops it, a
notebook, and malformed ones.
"""
import csv
import json

import pytest

from grader.tools import classroom
from grader.course import CourseError

from .conftest import tree_digest
from .tiny_course import MODULE, SOLUTION, WEEK, make_course, solution_with

WRONG_SQUARE = "def square(x):\n    return x + x\n"
WRONG_DOUBLE = "def double(x):\n    return x * 3\n"
TAMPER = ("def double(x):\n    from datasets import DATA_DIR\n"  # DATA_DIR.parent: the course it can see
          "    for f in (DATA_DIR.parent / 'tests').rglob('fixtures/*.zip'):\n        f.write_bytes(b'garbage')\n"
          "    return 2 * x\n")
STUB = solution_with("def double(x):\n    raise NotImplementedError()\n\n\n"
                     "def square(x):\n    raise NotImplementedError()\n")
NOTEBOOKS = classroom.notebooks_supported()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("classroom") / "course")


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def _notebook(path, text):
    import nbformat

    from grader.tools import notebooks

    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebooks.build(text, WEEK, MODULE), str(path))


def make_class(folder):
    """Thirty submissions; ``{entry: (status, points)}`` of what grading them must give."""
    module = f"{WEEK}/{MODULE}.py"
    expected = {}
    for i, layout in enumerate([module, f"exercises/{module}", f"{MODULE}.py", f"repo-main/exercises/{module}",
                                module, module, module, module], start=1):
        _write(folder / f"correct{i:02d}" / layout, SOLUTION)
        expected[f"correct{i:02d}"] = ("graded", "3")
    _write(folder / f"carol_{MODULE}.py", SOLUTION)  # a module file named after its learner and module
    _write(folder / "dave.py", SOLUTION)  # the week has one module: any name will do
    expected.update({f"carol_{MODULE}.py": ("graded", "3"), "dave.py": ("graded", "3")})
    for i, (code, points) in enumerate([(WRONG_SQUARE, "2"), (WRONG_SQUARE, "2"), (WRONG_DOUBLE, "1"),
                                        (WRONG_DOUBLE + WRONG_SQUARE, "0")], start=1):
        _write(folder / f"wrong{i}" / module, solution_with(code))
        expected[f"wrong{i}"] = ("graded", points)
    for i in range(1, 4):
        _write(folder / f"stub{i}" / module, STUB)
        expected[f"stub{i}"] = ("graded", "0")
    _write(folder / "crash_exit" / module, solution_with("def double(x):\n    import os\n    os._exit(0)\n"))
    _write(folder / "crash_segv" / module,
           solution_with("def square(x):\n    import ctypes\n    return ctypes.string_at(0)\n"))
    _write(folder / "raises_on_import" / module, "raise ValueError('boom')\n")
    _write(folder / "tamperer" / module, solution_with(TAMPER))  # writes into the course's fixtures
    # Its code finds the course's data in the worker's own copy (and in the jail nothing else): the
    # fixtures it would break are out of its reach, so it scores like the correct code it also is.
    expected["tamperer"] = ("graded", "3")
    _write(folder / "a_hangs" / module, "while True:\n    pass\n")
    expected.update({"crash_exit": ("graded", "1"), "crash_segv": ("graded", "2"),
                     "raises_on_import": ("graded", "0"), "a_hangs": ("timed out", "0")})
    _notebook(folder / "erin.ipynb", SOLUTION)
    _write(folder / "broken.ipynb", "{ this is not json")
    expected.update({"erin.ipynb": ("graded", "3") if NOTEBOOKS else ("unsupported", "0"),
                     "broken.ipynb": ("malformed", "0") if NOTEBOOKS else ("unsupported", "0")})
    _write(folder / "syntax" / module, "def double(x:\n    return x\n")
    _write(folder / "notes.txt", "my homework is in the mail\n")
    (folder / "empty").mkdir()
    _write(folder / "archive.zip", "PK")
    _write(folder / "wrong_files" / "other.py", "x = 1\n")
    _write(folder / "wrong_files2" / "README.md", "see attached\n")
    expected.update({name: ("malformed", "0") for name in
                     ("syntax", "notes.txt", "empty", "archive.zip", "wrong_files", "wrong_files2")})
    assert len(expected) == len(list(folder.iterdir())) == 30
    return expected


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, {row["submission"]: row for row in reader}


@pytest.fixture(scope="module")
def graded_class(tiny, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class") / "submissions"
    folder.mkdir()
    expected = make_class(folder)
    out = folder.parent / "grades.csv"
    before = tree_digest(tiny.root / "tests", tiny.root / "grader")
    done = tiny.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--jobs", "2", "--csv", out,
                       "--timeout", "30", "--time-limit", "6")
    assert tree_digest(tiny.root / "tests", tiny.root / "grader") == before  # each ran in a copy
    return folder, out, expected, done


def test_every_submission_gets_a_row_with_the_right_status(graded_class):
    _, out, expected, done = graded_class
    header, rows = read_csv(out)
    assert header == ["submission", "status", "points", "max_points", f"{WEEK}.{MODULE}.double",
                      f"{WEEK}.{MODULE}.square", "reason"]
    assert {name: (row["status"], row["points"]) for name, row in rows.items()} == expected, done.stderr
    assert done.returncode == 1  # some submissions could not be graded; their rows say why
    assert "30 submissions" in done.stdout


def test_rows_carry_points_per_exercise_and_reasons(graded_class):
    _, out, _, _ = graded_class
    _, rows = read_csv(out)
    assert (rows["wrong1"]["week99.tiny.double"], rows["wrong1"]["week99.tiny.square"]) == ("2", "0")
    assert rows["wrong1"]["reason"] == "square failed"
    assert rows["crash_exit"]["reason"].startswith("double crashed")
    assert rows["tamperer"]["reason"] == ""
    assert all(rows[f"correct{i:02d}"]["points"] == "3" for i in range(1, 9))  # not disturbed by it
    assert rows["stub1"]["reason"] == "double not implemented, square not implemented"
    assert rows["a_hangs"]["reason"].startswith("grading took longer than 6 s")
    assert rows["a_hangs"]["week99.tiny.double"] == ""  # nothing of a stopped run is kept
    assert rows["syntax"]["reason"].startswith(f"syntax/{WEEK}/{MODULE}.py, line ")  # the line: Python's choice
    assert "syntax error" in rows["syntax"]["reason"]
    assert "not a folder, a Python module (.py) or a notebook" in rows["notes.txt"]["reason"]
    assert "holds none of the files of week99" in rows["wrong_files"]["reason"]
    # A notebook is graded like a folder (grader/tools/classroom.notebooks_supported once looked for a
    # module that moved, and turned every notebook of a class away).
    assert NOTEBOOKS and (rows["erin.ipynb"]["status"], rows["erin.ipynb"]["points"]) == ("graded", "3")
    assert {row["max_points"] for row in rows.values()} == {"3"}


def test_progress_is_shown_on_stderr(graded_class):
    _, _, _, done = graded_class
    lines = [line for line in done.stderr.splitlines() if line.startswith("[")]
    assert len(lines) == 30 and lines[-1].startswith("[30/30]") and "done in" in lines[-1]
    assert any("left" in line for line in lines[:-1])
    assert "grading 30 submissions of week99 with 2 jobs" in done.stderr


def test_a_rerun_grades_only_new_submissions_and_keeps_the_rows(tiny, graded_class):
    folder, out, _, _ = graded_class
    _, before = read_csv(out)
    _write(folder / "latecomer" / WEEK / f"{MODULE}.py", SOLUTION)
    done = tiny.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--jobs", "2", "--csv", out, "--time-limit", "6")
    _, after = read_csv(out)
    assert "grading 1 submission of week99" in done.stderr and "30 already in" in done.stderr
    assert {name: row for name, row in after.items() if name != "latecomer"} == before
    assert after["latecomer"]["status"] == "graded" and after["latecomer"]["points"] == "3"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_regrade_grades_everything_again(tiny, tmp_path):
    folder = tmp_path / "class"
    _write(folder / "alice" / WEEK / f"{MODULE}.py", SOLUTION)
    out = tmp_path / "grades.csv"
    first = tiny.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--csv", out, "--jobs", "1")
    assert first.returncode == 0, first.stderr
    _write(folder / "alice" / WEEK / f"{MODULE}.py", solution_with(WRONG_SQUARE))
    regraded = tiny.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--csv", out, "--regrade")
    assert "grading 1 submission" in regraded.stderr and read_csv(out)[1]["alice"]["points"] == "2"


# ------------------------------------------------------------------------------ without processes
@pytest.mark.parametrize("run, status, reason", [
    (classroom.Run(2, "", "error: alice/week4/deep_nn.py, line 3: syntax error: invalid syntax\n", 0.3),
     "malformed", "alice/week4/deep_nn.py, line 3: syntax error: invalid syntax"),
    (classroom.Run(3, "", "grader failure: pytest stopped with INTERNAL_ERROR\n", 1.0),
     "grader error", "grader failure: pytest stopped with INTERNAL_ERROR"),
    (classroom.Run(-9, "", "", 1.0), "crashed", "the grading process was killed by SIGKILL"),
    (classroom.Run(-2, "", "", 9.0, timed_out=True), "timed out", "grading took longer than 5 s"),
    (classroom.Run(7, "", "Traceback ...\nOSError: disk full\n", 1.0), "crashed",
     "the grading process exited with status 7: OSError: disk full"),
])
def test_a_failed_grader_run_becomes_a_status_and_a_reason(run, status, reason):
    got_status, got_reason = classroom.failure(run, 5)
    assert got_status == status and got_reason.startswith(reason)


def test_a_run_whose_report_is_not_json_is_a_crashed_row(tmp_path, monkeypatch):
    (tmp_path / "alice" / WEEK).mkdir(parents=True)
    monkeypatch.setattr(classroom, "modules", lambda week: [MODULE])
    monkeypatch.setattr(classroom, "run_grader", lambda *a, **k: classroom.Run(0, "not json", "boom\n", 0.1))
    grading = classroom.ClassGrading([WEEK], tmp_path, tmp_path / "g.csv")
    grading.max_points, grading.with_hidden = "3", False
    row = grading.grade_entry(tmp_path / "alice")
    assert (row["status"], row["points"]) == ("crashed", "0") and "could not be read: boom" in row["reason"]


def test_the_csv_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    out = tmp_path / "grades.csv"
    book = classroom.GradeBook(out, ["submission", "status", "reason"])
    book.put({"submission": "alice", "status": "graded", "reason": ""})
    original = out.read_bytes()

    def fail(self, row):
        raise KeyboardInterrupt  # Ctrl-C in the middle of writing

    monkeypatch.setattr(csv.DictWriter, "writerow", fail)
    with pytest.raises(KeyboardInterrupt):
        book.put({"submission": "bob", "status": "graded", "reason": ""})
    assert out.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grades.csv"]


def test_a_csv_of_other_exercises_is_refused(tmp_path):
    out = tmp_path / "grades.csv"
    out.write_text("submission,status,week1.numpy_basics.sigmoid\n")
    with pytest.raises(CourseError, match="other columns"):
        classroom.GradeBook(out, ["submission", "status", "week4.deep_nn.sigmoid"])


@pytest.mark.parametrize("layout, argument", [
    ("week99/tiny.py", "."), ("exercises/week99/tiny.py", "exercises"),
    ("a/b/exercises/week99/tiny.py", "a/b/exercises"),
])
def test_a_folder_is_found_where_the_learner_put_it(tmp_path, monkeypatch, layout, argument):
    monkeypatch.setattr(classroom, "modules", lambda week: [MODULE])
    _write(tmp_path / "alice" / layout, SOLUTION)
    upload = classroom.prepare_upload(tmp_path / "alice", [WEEK])
    assert upload.arguments == ["--submission=" + str(tmp_path / "alice" / argument)]


def test_loose_modules_are_placed_into_a_copy_of_the_exercises(tmp_path, monkeypatch):
    monkeypatch.setattr(classroom, "modules", lambda week: [MODULE])
    _write(tmp_path / "alice" / f"{MODULE}.py", SOLUTION)
    _write(tmp_path / "alice" / "helpers.py", "HELP = 1\n")
    upload = classroom.prepare_upload(tmp_path / "alice", [WEEK])
    try:
        assert upload.arguments == ["--submission=."]
        assert (upload.cwd / WEEK / f"{MODULE}.py").read_text() == SOLUTION
        assert (upload.cwd / WEEK / "helpers.py").is_file()
        assert (upload.cwd / "week1" / "numpy_basics.py").is_file()  # the rest of exercises/
    finally:
        upload.close()
    assert not upload.cwd.exists()


def test_json_report_rows_split_visible_and_hidden_points():
    grading = classroom.ClassGrading([WEEK], ".", "g.csv")
    grading.max_points, grading.with_hidden = "3", True
    report = {"points": 2.5, "max_points": 3, "visible_points": 2, "hidden_points": 0.5, "weeks": [
        {"name": WEEK, "exercises": [{"module": MODULE, "name": "double", "points": 1.5, "status": "failed"},
                                     {"module": MODULE, "name": "square", "points": 1, "status": "passed"}]}]}
    row = grading._graded("alice", json.loads(json.dumps(report)), "", 1.0)
    assert (row["points"], row["visible_points"], row["hidden_points"]) == ("2.5", "2", "0.5")
    assert (row[f"{WEEK}.{MODULE}.double"], row["reason"]) == ("1.5", "double failed")
