"""The Gradescope autograder: built without solutions, and run locally the way Gradescope runs it.

The archive of week1 is unpacked into a temporary ``source/`` folder; each test puts a submission
into its own ``AUTOGRADER_ROOT`` (``submission/``, ``results/``) and runs ``run_autograder``, then
checks ``results.json`` against Gradescope's specification (:func:`grader.tools.platforms.results_problems`).
"""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from grader.tools import classroom, platforms, stubs
from grader.course import COURSE_ROOT, EXERCISES_DIR, SOLUTIONS_DIR
from grader.render import render
from grader.results import FAILED, PASSED, ExerciseResult, GradingResults, TestResult, WeekResult

WEEK = "week1"
needs_solutions = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("gradescope") / "autograder_week1.zip"
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", WEEK, "-o", str(out)], cwd=COURSE_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def source(archive):
    folder = archive.parent / "source"
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
        for name in ("run_autograder", "setup.sh"):  # zipfile does not restore permissions
            os.chmod(folder / name, (z.getinfo(name).external_attr >> 16) & 0o777)
    return folder


def run_autograder(source, root, files=None, python=sys.executable):
    """Run ``run_autograder`` as Gradescope would, with ``files`` ({path: text or source path}) submitted."""
    submission = root / "submission"
    submission.mkdir(parents=True)
    for rel, content in (files or {}).items():
        (submission / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            (submission / rel).write_text(content)
        else:
            shutil.copyfile(content, submission / rel)
    # As Gradescope runs it, as root; as an ordinary user the autograder would refuse, unless allowed.
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_SOURCE": str(source),
           "AUTOGRADER_PYTHON": python, "AUTOGRADER_ALLOW_UNISOLATED": "1"}
    done = subprocess.run([str(source / "run_autograder")], cwd=root, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    assert platforms.results_problems(results) == [], results
    return results, done.stdout


# ------------------------------------------------------------------------------------ the archive
def test_the_archive_has_the_scripts_the_suites_and_no_solutions(archive):
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        modes = {name: z.getinfo(name).external_attr >> 16 for name in names}
        texts = {name: z.read(name).decode("utf-8", "replace") for name in names}
    assert {"setup.sh", "run_autograder", "requirements.txt", "pyproject.toml", "grader/cli/main.py",
            "tests/conftest.py", f"tests/{WEEK}/test_numpy_basics.py", f"tests/{WEEK}/fixtures/numpy_basics.zip",
            f"exercises/{WEEK}/numpy_basics.py", "datasets/__init__.py", "datasets/diabetes.h5"} <= set(names)
    assert modes["run_autograder"] & 0o111 and modes["setup.sh"] & 0o111
    assert not [n for n in names if n.startswith(("solutions/", "tests/week2/", "exercises/week2/"))]
    markers = [n for n, text in texts.items() if any(line.strip() == stubs.BEGIN for line in text.splitlines())]
    assert markers == []
    assert texts["requirements.txt"].split() == platforms.requirements()
    assert any(req.startswith("numpy") for req in platforms.requirements())


def test_the_scripts_are_valid_bash_that_honours_autograder_root(source):
    for name in ("setup.sh", "run_autograder"):
        assert subprocess.run(["bash", "-n", str(source / name)]).returncode == 0
    script = (source / "run_autograder").read_text()
    assert "${AUTOGRADER_ROOT:-/autograder}" in script and f"run {WEEK}" in script
    assert "pip install" in (source / "setup.sh").read_text()


def test_the_same_course_gives_the_same_archive(archive, tmp_path):
    again = tmp_path / "again.zip"
    platforms.build_archive([WEEK], again)
    assert again.read_bytes() == archive.read_bytes()


# ------------------------------------------------------------------------------------ grading
@needs_solutions
def test_the_solutions_as_loose_module_files_get_full_marks(source, tmp_path):
    files = {p.name: p for p in (SOLUTIONS_DIR / WEEK).glob("*.py") if p.name != "__init__.py"}
    results, _ = run_autograder(source, tmp_path, files)
    assert results["score"] == 30 and len(results["tests"]) > 10
    assert all(t["status"] == "passed" and t["score"] == t["max_score"] for t in results["tests"])
    assert "30/30" in results["output"]


def test_the_stubs_as_an_exercises_folder_get_zero(source, tmp_path):
    files = {f"exercises/{WEEK}/{p.name}": p for p in (EXERCISES_DIR / WEEK).glob("*.py")}
    results, _ = run_autograder(source, tmp_path, files)
    assert results["score"] == 0 and results["tests"]
    assert {t["output"].splitlines()[0] for t in results["tests"]} == {"not implemented"}


@needs_solutions
def test_a_repository_with_one_solved_module_gets_its_points(source, tmp_path):
    solved = SOLUTIONS_DIR / WEEK / "vectorization.py"
    files = {f"my-repo/exercises/{WEEK}/{p.name}": p for p in (EXERCISES_DIR / WEEK).glob("*.py")}
    files[f"my-repo/exercises/{WEEK}/vectorization.py"] = solved
    results, _ = run_autograder(source, tmp_path, files)
    earned = {t["name"].split(" · ")[1].split(".")[0] for t in results["tests"] if t["score"] > 0}
    assert earned == {"vectorization"} and 0 < results["score"] < 30


@pytest.mark.skipif(not (COURSE_ROOT / "notebooks" / f"{WEEK}_numpy_basics.ipynb").is_file()
                    or not classroom.notebooks_supported(), reason="no notebooks in this course")
def test_a_notebook_is_graded_as_its_module(source, tmp_path):
    notebook = COURSE_ROOT / "notebooks" / f"{WEEK}_numpy_basics.ipynb"
    results, _ = run_autograder(source, tmp_path, {"homework.ipynb": notebook})
    assert results["score"] == 0 and results["tests"]  # the untouched notebook: stubs
    assert {t["name"].split(" · ")[1].split(".")[0] for t in results["tests"]} == {"numpy_basics"}


@pytest.mark.parametrize("files, words", [
    ({"numpy_basics.py": "def sigmoid(x):\n    return x +\n"}, "week1/numpy_basics.py, line 2: syntax error"),
    ({}, "the submission is empty"),
    ({"essay.docx": "words"}, "none of the files of week1"),
])
def test_a_submission_that_cannot_be_graded_gets_zero_and_a_reason(source, tmp_path, files, words):
    results, _ = run_autograder(source, tmp_path, files)
    assert results["score"] == 0 and results["tests"] == []
    assert words in results["output"], results["output"]


def test_results_are_written_even_when_python_cannot_run(source, tmp_path):
    results, _ = run_autograder(source, tmp_path, {"numpy_basics.py": "x = 1\n"}, python="/nonexistent/python3")
    assert results["score"] == 0 and "could not start" in results["output"]


# ------------------------------------------------------------------------------------ the schema
def _results(hidden=False):
    tests = [TestResult("t::a[0]", "a[0]", 1, PASSED), TestResult("t::a[1]", "a[1]", 1, FAILED, "wrong"),
             TestResult("t::a[hidden-0]", "a[hidden-0]", 1, FAILED, "wrong", hidden=hidden)]
    return GradingResults("x", [WeekResult(WEEK, "Title", [ExerciseResult(WEEK, "m", "a", tests)])], duration=2.4)


@pytest.mark.parametrize("hidden", [False, True])
def test_the_gradescope_renderer_fits_the_schema(hidden):
    assert platforms.results_problems(json.loads(render(_results(hidden), "gradescope"))) == []


@pytest.mark.parametrize("change, problem", [
    (lambda d: (d.pop("score"), d["tests"][0].pop("score")), "not every test has one"),
    (lambda d: d.update(score=float("nan")), "'score' must be number"),
    (lambda d: d.update(visibility="secret"), "'visibility' is 'secret'"),
    (lambda d: d.update(output_format="pdf"), "'output_format' is 'pdf'"),
    (lambda d: d.update(execution_time=1.5), "'execution_time' must be int"),
    (lambda d: d["tests"][0].update(status="ok"), "test 0: 'status' is 'ok'"),
    (lambda d: d["tests"][0].update(max_socre=1), "test 0: unknown key 'max_socre'"),
    (lambda d: d["tests"][0].update(score=True), "test 0: 'score' must be number"),
    (lambda d: d["tests"][0].update(tags=[1]), "'tags' must be strings"),
    (lambda d: d.update(leaderboard=[{"value": 1}]), "leaderboard 0"),
])
def test_the_validator_finds_what_breaks_the_schema(change, problem):
    document = json.loads(render(_results(), "gradescope"))
    change(document)
    problems = platforms.results_problems(document)
    assert any(problem in p for p in problems), problems


def test_the_fallback_document_is_valid():
    assert platforms.results_problems(platforms.fallback_results("why", 3.2)) == []
