"""The student release: built from the last commit, week by week, with no answer in it, and grading
still works inside it.

The releases are built in temporary clones of the course (never in the course itself), made once per
module. A clone is a copy of the last commit; the files under test (the release code, README.md and the
pages of docs/) are committed into it as they are in the working tree, so that the tests check them before they are
committed too (in a fresh clone, as on CI, they are the same).
"""
import ast
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from grader.tools import release, stubs
from grader.course import COURSE_ROOT, SOLUTIONS_DIR, CourseError, weeks

pytestmark = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")

UNDER_TEST = ["grader/tools/release.py", "grader/cli/main.py", "grader/tools/stubs.py", "grader/tools/notebooks.py", "README.md",
              *sorted(p.relative_to(COURSE_ROOT).as_posix() for p in (COURSE_ROOT / "docs").glob("*.md"))]
GIT = ["git", "-c", "safe.directory=*", "-c", "user.name=Release test", "-c", "user.email=release@example.invalid",
       "-c", "commit.gpgsign=false"]
EARLY_WEEKS = ["week1", "week2", "week3", "week4"]


def _is_git_checkout():
    return shutil.which("git") is not None and subprocess.run(
        [*GIT, "rev-parse", "--verify", "HEAD"], cwd=COURSE_ROOT, capture_output=True).returncode == 0


needs_git = pytest.mark.skipif(not _is_git_checkout(), reason="the release is built from the course's git history")


def git(cwd, *args):
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True)


def clone_course(target):
    """A clone of the course's last commit, plus the files under test as they are now."""
    git(None, "clone", "-q", str(COURSE_ROOT), str(target))
    for rel in UNDER_TEST:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(COURSE_ROOT / rel, target / rel)
    git(target, "add", *UNDER_TEST)
    git(target, "commit", "-q", "--allow-empty", "-m", "the release code under test")
    return target


def env_for(folder, **extra):
    return {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(folder), **extra}


def grader_in(folder, *args, **env):
    """``python -m grader ARGS`` run in ``folder`` (so the grader there is the one that runs)."""
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=folder, env=env_for(folder, **env),
                          capture_output=True, text=True, timeout=300)


def run_in(folder, *args):
    return subprocess.run([sys.executable, *args], cwd=folder, env=env_for(folder), capture_output=True, text=True,
                          timeout=300)


def filled_notebook(solution):
    """The notebook of a solution module as a learner (or an instructor testing it) fills it in."""
    from grader.tools import notebooks

    text = "".join(line for line in solution.read_text(encoding="utf-8").splitlines(keepends=True)
                   if line.strip() not in release.MARKERS and not line.strip().startswith(stubs.HINT))
    week, module = solution.parent.name, solution.stem
    return notebooks.nbformat.writes(notebooks.build(text, week, module))


def solution_function(solution, name):
    """The source of a function of a solution module as a learner would paste it (no marker lines)."""
    text = solution.read_text(encoding="utf-8")
    node = next(n for n in ast.parse(text).body if isinstance(n, ast.FunctionDef) and n.name == name)
    return "\n".join(line for line in ast.get_source_segment(text, node).splitlines()
                     if line.strip() not in release.MARKERS and not line.strip().startswith(stubs.HINT))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A clone with what an instructor's working tree has and a release must not take: a notebook
    filled in while testing, an uncommitted change, and untracked uploads and grades."""
    clone = clone_course(tmp_path_factory.mktemp("clone") / "course")
    filled = filled_notebook(clone / "solutions/week1/numpy_basics.py")
    (clone / "notebooks/week1_numpy_basics.ipynb").write_text(filled, encoding="utf-8")
    with open(clone / "plotting/__init__.py", "a", encoding="utf-8") as f:
        f.write("\nNOT_COMMITTED = True\n")
    (clone / "submissions" / "alice" / "week1").mkdir(parents=True)
    shutil.copy2(clone / "solutions/week1/numpy_basics.py", clone / "submissions/alice/week1/numpy_basics.py")
    (clone / "grades.csv").write_text("name,points\nalice,30\n")
    (clone / "scratch.txt").write_text("not committed\n")
    return clone


@pytest.fixture(scope="module")
def full(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "course"
    done = grader_in(course, "release", str(out))
    assert done.returncode == 0, done.stderr
    return out, done


@pytest.fixture(scope="module")
def early(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "course"
    done = grader_in(course, "release", str(out), "--through", "week4")
    assert done.returncode == 0, done.stderr
    return out, done


@pytest.fixture(scope="module")
def answers(course):
    return release.Answers.from_solutions(course / "solutions")


def files_of(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# ------------------------------------------------------------------------- committed files only
@needs_git
def test_the_release_takes_committed_files_only(course, full):
    out, done = full
    names = files_of(out)
    assert not [n for n in names if n.startswith(("submissions/", "grades", "scratch"))]
    assert "NOT_COMMITTED" not in (out / "plotting/__init__.py").read_text(encoding="utf-8")
    assert "not in the release: uncommitted changes to plotting/__init__.py; commit them first" in done.stderr
    assert "notebooks/week1_numpy_basics.ipynb" not in done.stderr  # generated afresh, not taken
    assert "from commit" in done.stdout


@needs_git
def test_a_filled_in_notebook_is_replaced_by_the_generated_one(course, full, answers):
    from grader.tools import notebooks

    out, _ = full
    assert notebooks.out_of_date(course / "solutions", out / "notebooks") == []
    assert stubs.out_of_date(course / "solutions", out / "exercises") == []
    filled = course / "notebooks/week1_numpy_basics.ipynb"
    assert answers.found(release._lines(filled), "week1")[0]  # the working tree's copy holds answers
    released = out / "notebooks/week1_numpy_basics.ipynb"
    assert answers.found(release._lines(released), "week1") == ([], [])
    assert stubs.PLACEHOLDER in released.read_text(encoding="utf-8")


@needs_git
def test_the_release_has_what_learners_need(full):
    out, _ = full
    for rel in ("README.md", "pyproject.toml", ".ci/run", "grader/cli/main.py", "tests/conftest.py", "tests/week1/fixtures",
                "exercises/week1/numpy_basics.py", "exercises/week7/trainer.py", "notebooks/week7_trainer.ipynb",
                "datasets/mnist_even_odd.h5", "examples/week4_deep_nn.py", "examples/week7_train.py", "docs/results.md"):
        assert (out / rel).exists(), rel


@needs_git
def test_no_solution_and_no_instructor_folder_in_the_release(full, answers):
    out, done = full
    assert len(answers.blocks) > 50  # the check has something to find
    assert release.check_release(out, answers) == []
    assert not (out / "solutions").exists() and not list(out.rglob("solutions/*"))
    for folder in (".git", ".github", "benchmarks", "mistakes"):
        assert not list(out.rglob(folder)), folder
    assert not [p for p in out.rglob("hidden") if p.parent.name == "fixtures"]
    assert not (out / "tests/grader/test_stubs.py").exists()
    # The instructors', suites' and benchmarks' pages stay out; the results page and its pictures ship.
    assert [f for f in files_of(out / "docs") if not f.startswith("images/")] == ["results.md"]


@needs_git
def test_grading_in_the_full_release_finds_every_exercise_not_implemented(full):
    out, _ = full
    later = [w for w in weeks() if w not in EARLY_WEEKS]  # the early weeks: graded in the staged release below
    done = grader_in(out, *later, "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1, done.stderr
    assert report["points"] == 0 and report["max_points"] > 0
    assert [w["name"] for w in report["weeks"]] == later
    assert {e["status"] for w in report["weeks"] for e in w["exercises"]} == {"not implemented"}


# ------------------------------------------------------------------------------ week by week
@needs_git
def test_a_staged_release_holds_no_file_of_a_later_week(early):
    out, done = early
    names = files_of(out)
    later = [n for n in names if re.search(r"week([5-9]|\d\d)", n)]
    assert later == []
    for rel in ("exercises/week4/network.py", "notebooks/week4_network.ipynb", "tests/week4/fixtures/deep_nn.zip",
                "examples/week4_deep_nn.py", "datasets/mnist_5k.h5"):
        assert rel in names, rel
    assert "week1-week4" in done.stdout


@needs_git
def test_a_staged_release_holds_no_answer_of_its_weeks(early, answers):
    out, _ = early
    assert release.check_release(out, answers) == []
    for path in (p for p in out.rglob("*") if p.is_file()):
        week = release.file_week(path.relative_to(out))
        forbidden, allowed = answers.found(release._lines(path), week)
        assert forbidden == [], path
        assert all(week and int(b.week[4:]) < int(week[4:]) for b, _ in allowed)  # only a later week's given code


@needs_git
def test_grading_in_a_staged_release_grades_its_weeks_to_0(early):
    out, _ = early
    done = grader_in(out, "all", "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1, done.stderr
    assert [w["name"] for w in report["weeks"]] == EARLY_WEEKS
    assert report["points"] == 0 and report["max_points"] > 0
    assert {e["status"] for w in report["weeks"] for e in w["exercises"]} == {"not implemented"}
    assert grader_in(out, "week5").returncode == 2
    solutions = grader_in(out, "all", "--solutions")  # one line, as for any bad input
    assert solutions.returncode == 2 and solutions.stderr.count("\n") == 1
    assert "not part of this copy of the course" in solutions.stderr


@needs_git
def test_pytest_in_a_staged_release_skips_what_needs_the_solutions(early):
    out, _ = early
    done = run_in(out, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/week1/test_numpy_basics.py",
                  "tests/week4/test_network.py", "tests/grader/test_fixtures_current.py",
                  "tests/grader/test_course_paths.py", "tests/grader/test_release.py",
                  "tests/grader/test_cli.py::test_the_solutions_get_full_marks_and_exit_0")
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert "skipped" in summary and "failed" not in summary and "error" not in summary, summary


# ------------------------------------------------------------------------------ the README
def learner_pages(out):
    return {rel: (out / rel).read_text(encoding="utf-8") for rel in ("README.md", *release.LEARNER_DOCS)}


@needs_git
def test_the_learners_readme_of_a_staged_release_has_its_weeks_only(early):
    out, done = early
    pages = learner_pages(out)
    for rel, text in pages.items():
        assert not re.search(r"(?i)week\s*[5-7]", text), rel
        assert "solutions/" not in text and "--solutions" not in text and "benchmarks" not in text, rel
        assert "<!--" not in text and "For instructors" not in text and "instructors.md" not in text, rel
        assert release.broken_links(out / rel, out) == [], rel
    text, results = pages["README.md"], pages["docs/results.md"]
    assert "python -m pip install -e . && python -m grader all\n" in text
    assert "learners' copy" in text and "weeks 1 to 4" in text
    assert re.findall(r"^\| (week\d+) \|", text, re.M) == EARLY_WEEKS
    assert re.findall(r"^## Week (\d+):", results, re.M) == ["1", "2", "3", "4"]
    assert "examples/week4_deep_nn.py --data" in results  # the week's own-images section
    assert "README.md" not in done.stderr and "docs/" not in done.stderr  # no note on the learners' pages


@needs_git
def test_the_learners_readme_of_the_full_release(full):
    out, done = full
    pages = learner_pages(out)
    for rel, text in pages.items():
        assert "--solutions" not in text and "solutions/" not in text and "benchmarks" not in text, rel
        assert "<!--" not in text and "For instructors" not in text and "weeks 1 to" not in text, rel
        assert release.broken_links(out / rel, out) == [], rel
    text, results = pages["README.md"], pages["docs/results.md"]
    assert re.findall(r"^\| (week\d+) \|", text, re.M) == weeks()
    assert re.findall(r"^## Week (\d+):", results, re.M) == [week[len("week"):] for week in weeks()]
    assert "python -m pip install -e . && python -m grader all\n" in text
    assert "README.md" not in done.stderr and "docs/" not in done.stderr


def test_every_rewrite_of_the_learners_readme_finds_its_sentence():
    text = (COURSE_ROOT / "README.md").read_text(encoding="utf-8")
    for old in release.REWRITES:
        assert re.search(r"\s+".join(re.escape(word) for word in old.split()), text), old
    results = (COURSE_ROOT / "docs/results.md").read_text(encoding="utf-8")
    for week in weeks():  # every week's row of the README and part of the results page is marked
        assert re.search(rf"^\| {week} \|", text, re.M), week
        assert f"<!-- {week} -->" in results and f"<!-- end {week} -->" in results, week


def test_every_link_of_the_readme_and_the_docs_leads_somewhere():
    pages = [COURSE_ROOT / "README.md", *sorted((COURSE_ROOT / "docs").glob("*.md"))]
    assert len(pages) > 1
    for page in pages:
        assert release.broken_links(page, COURSE_ROOT) == [], page.name
    readme = (COURSE_ROOT / "README.md").read_text(encoding="utf-8")
    for page in pages[1:]:  # every page of docs/ is linked from the README
        assert f"(docs/{page.name}" in readme, page.name


def test_the_learners_pages_leave_out_the_instructors_and_the_later_weeks():
    text = ("# Results\n\n<!-- begin instructors: x -->\nSee [speed](benchmarks.md).\n<!-- end instructors -->\n"
            "| week | figure |\n|---|---|\n| week1 | 1 |\n| week2 | 2 |\n\n<!-- week1 -->\n## Week 1: one\n<!-- end week1 -->\n"
            "<!-- week2 -->\n## Week 2: two\n<!-- end week2 -->\n")
    page = release.learner_page(text, ["week1"])
    assert page == "# Results\n\n| week | figure |\n|---|---|\n| week1 | 1 |\n\n## Week 1: one\n"
    assert "## Week 2: two" in release.learner_page(text) and "benchmarks.md" not in release.learner_page(text)


def test_a_link_that_leads_nowhere_is_found(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "results.md").write_text("# Results\n\n## Week 1: what `it` reaches\n\n```\n# not a heading\n```\n")
    (tmp_path / "README.md").write_text(
        "See [week 1](docs/results.md#week-1-what-it-reaches), [the guide](docs/instructors.md),\n"
        "[week 2](docs/results.md#week-2), [the top](#title), [the web](https://example.com/x.md),\n"
        "`[code](nowhere.md)`, [outside](../elsewhere.md) and [data](docs/).\n\n# Title\n")
    assert release.broken_links(tmp_path / "README.md", tmp_path) == [
        "docs/instructors.md", "docs/results.md#week-2", "../elsewhere.md"]
    assert release.anchors((tmp_path / "docs" / "results.md").read_text()) == {"results", "week-1-what-it-reaches"}
    notes = release.link_notes(tmp_path)
    assert len(notes) == 1 and notes[0].startswith("the learners' README.md links to what the release does not hold")


def test_a_readme_part_without_its_markers_gets_a_note():
    text = "Week 2 builds on week1.\nRun `python examples/week5_x.py`.\nThen `python -m grader all --solutions`.\n"
    notes = release.readme_notes(text, ["week1", "week2"])
    assert len(notes) == 2 and "(lines 2)" in notes[0] and "<!-- week" in notes[0]
    assert "mentions the solutions (lines 3)" in notes[1]
    assert release.readme_notes(text, ["week1", "week2", "week5"])[0].startswith("the learners' README.md mentions")


def test_the_learners_readme_has_no_instructor_commands():
    text = release.learner_readme((COURSE_ROOT / "README.md").read_text(encoding="utf-8"))
    assert "--solutions" not in text and "For instructors" not in text
    assert "python -m pip install -e . && python -m grader all\n" in text
    assert "learners' copy" in text


# ----------------------------------------------------------------------- answers where they must not be
@needs_git
def test_a_planted_answer_fails_the_release_and_leaves_it_for_inspection(tmp_path):
    clone = clone_course(tmp_path / "course")
    propagate = solution_function(clone / "solutions/week2/logistic_regression.py", "propagate")
    with open(clone / "README.md", "a", encoding="utf-8") as f:
        f.write(f"\n```python\n{propagate}\n```\n")
    example = clone / "examples/week1_linear_regression.py"
    example.write_text(example.read_text(encoding="utf-8") + "\n\n" + propagate + "\n", encoding="utf-8")
    (clone / "notebooks/week1_numpy_basics-Copy1.ipynb").write_text(  # Jupyter's "Make a copy"
        filled_notebook(clone / "solutions/week1/numpy_basics.py"), encoding="utf-8")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "answers where they must not be")
    out = tmp_path / "release"
    done = grader_in(clone, "release", str(out), "--through", "week2")
    assert done.returncode == 1, done.stderr
    assert "left there for inspection" in done.stderr and "solution marker" not in done.stderr
    lines = done.stderr.splitlines()
    readme = next(line for line in lines if line.strip().startswith("README.md:"))
    assert "week2 propagate" in readme and "a file of no week" in readme
    example_line = next(line for line in lines if line.strip().startswith("examples/week1_linear_regression.py:"))
    assert "week2 propagate" in example_line and "a file of week1" in example_line
    notebook = next(line for line in lines if "notebooks/week1_numpy_basics-Copy1.ipynb" in line)
    assert "week1 sigmoid" in notebook
    assert (out / "README.md").is_file()  # left in place


def test_answers_may_appear_only_in_the_given_code_of_a_later_week(tmp_path):
    solutions = tmp_path / "solutions"
    for week in ("week1", "week2", "week3"):
        (solutions / week).mkdir(parents=True)
    (solutions / "week1" / "basics.py").write_text(
        "import numpy as np\n\n\ndef relu(x):\n    ### BEGIN SOLUTION\n    r = np.maximum(0.0, x)  # elementwise\n"
        "    ### END SOLUTION\n    return r\n\n\ndef scale(x, m):\n    ### BEGIN SOLUTION\n    m = x.shape[1]\n"
        "    y = x / m\n    z = y - np.mean(y, axis=1, keepdims=True)\n    ### END SOLUTION\n    return z\n")
    (solutions / "week2" / "helpers.py").write_text(  # given code of week 2 holds week 1's relu
        "import numpy as np\n\n\ndef relu(x):\n    r = np.maximum(0.0, x)\n    return r\n")
    (solutions / "week3" / "net.py").write_text(
        "def f(x):\n    m = x.shape[1]\n    ### BEGIN SOLUTION\n    r = np.maximum(0.0, x)\n    q = r * 2 + m\n"
        "    ### END SOLUTION\n    return q\n")
    answers = release.Answers.from_solutions(solutions)
    relu, scale, f = answers.blocks
    assert (relu.week, relu.name, relu.lines) == ("week1", "relu", ("r=np.maximum(0.0,x)",))
    assert scale.lines == ("m=x.shape[1]", "y=x/m", "z=y-np.mean(y,axis=1,keepdims=True)")
    assert f.lines == ("q=r*2+m",)  # the relu line is week 1's answer, not week 3's

    pasted = ["r  =  np.maximum(0.0,x)   # mine"]
    assert answers.found(pasted, "week2") == ([], [(relu, 1)])  # a helper of a later week: allowed
    assert answers.found(pasted, "week1") == ([(relu, 1)], [])  # the week's own file: not allowed
    assert answers.found(pasted, None) == ([(relu, 1)], [])  # a file of no week: not allowed
    assert answers.found(["y = x / m"], None) == ([], [])  # one line of three is not the answer
    assert answers.found(["y = x / m", "z = y - np.mean(y, axis=1, keepdims=True)"], None) == ([(scale, 2)], [])

    out = tmp_path / "release"
    (out / "exercises" / "week1").mkdir(parents=True)
    (out / "exercises" / "week2").mkdir(parents=True)
    (out / "exercises" / "week1" / "basics.py").write_text("def relu(x):\n    r = np.maximum(0.0, x)\n")
    (out / "exercises" / "week2" / "helpers.py").write_text("def relu(x):\n    r = np.maximum(0.0, x)\n")
    problems, helpers = release.inspect_release(out, answers)
    assert len(problems) == 1 and problems[0].startswith("exercises/week1/basics.py: the answer of week1 relu")
    assert helpers == {"exercises/week2/helpers.py": [relu]}


@pytest.mark.parametrize("rel, week", [
    ("exercises/week4/deep_nn.py", "week4"), ("notebooks/week10_x.ipynb", "week10"),
    ("tests/week7/fixtures/a.zip", "week7"), ("examples/week4_network.py", "week4"), ("grader/cli/main.py", None),
    ("README.md", None), ("weekly/notes.md", None),
])
def test_the_week_a_file_belongs_to(rel, week):
    assert release.file_week(rel) == week


# --------------------------------------------------------------------------------- bad input
def test_a_wrong_week_is_one_line_and_exit_2(tmp_path):
    done = grader_in(COURSE_ROOT, "release", str(tmp_path / "out"), "--through", "week99")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "unknown week 'week99'" in done.stderr
    assert not (tmp_path / "out").exists()


@needs_git
def test_outside_a_git_checkout_the_release_is_one_line_and_exit_2(full, tmp_path):
    out, _ = full  # a course folder that is not a git checkout
    done = grader_in(out, "release", str(tmp_path / "again"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "not a git checkout" in done.stderr


def test_without_git_the_release_is_one_line_and_exit_2(tmp_path):
    done = grader_in(COURSE_ROOT, "release", str(tmp_path / "out"), PATH=str(tmp_path / "no-git-here"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "git is not installed" in done.stderr


def test_the_release_goes_to_a_new_folder_outside_the_course(tmp_path):
    with pytest.raises(CourseError, match="inside the course"):
        release.write_release(COURSE_ROOT / "release")
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CourseError, match="not empty"):
        release.write_release(tmp_path)


@pytest.mark.parametrize("rel, is_dir, excluded", [
    ("solutions", True, True), ("tests/week4/fixtures/hidden", True, True), ("tests/week4/mistakes", True, True),
    ("mistakes", True, True), (".github", True, True), ("grades.csv", False, True), ("benchmarks", True, True),
    ("autograder_week4.zip", False, True), ("dl_from_scratch_course.egg-info", True, True),
    ("tests/week4/fixtures/deep_nn.zip", False, False), ("tests/week4/test_deep_nn.py", False, False),
    ("grader/tools/stubs.py", False, False), ("README.md", False, False), ("datasets/mnist_5k.h5", False, False),
    ("examples", True, False), ("examples/week4_deep_nn.py", False, False), (".ci/run", False, False),
    (".ci/versions", False, True), ("docs", True, False), ("docs/results.md", False, False),
    ("docs/instructors.md", False, True), ("docs/suites.md", False, True), ("docs/benchmarks.md", False, True),
])
def test_what_stays_out_of_the_release(rel, is_dir, excluded):
    assert release.is_excluded(rel, is_dir=is_dir) is excluded


def test_a_virtual_environment_stays_out_whatever_its_name(tmp_path):
    (tmp_path / "my-env").mkdir()
    (tmp_path / "my-env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert release.is_excluded("my-env", is_dir=True, root=tmp_path)


def test_the_check_catches_a_marker_and_a_solutions_folder(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "m.py").write_text(f"def f():\n    {stubs.BEGIN}\n    return 1\n")
    (tmp_path / "solutions").mkdir()
    problems = release.check_release(tmp_path, release.Answers([]))
    assert any("solution marker" in p for p in problems) and any(p.startswith("solutions") for p in problems)


def test_the_check_catches_a_solution_module_copied_over_a_stub(tmp_path):
    target = tmp_path / "exercises" / "week3"
    target.mkdir(parents=True)
    text = (SOLUTIONS_DIR / "week3" / "shallow_nn.py").read_text(encoding="utf-8")
    (target / "shallow_nn.py").write_text("".join(line for line in text.splitlines(keepends=True)
                                                  if line.strip() not in release.MARKERS))
    problems = release.check_release(tmp_path)
    assert len(problems) == 1 and problems[0].startswith("exercises/week3/shallow_nn.py: the answer of week3")
