"""The lessons as notebooks: generated from the solutions, graded through the sandbox like modules."""
import os
import subprocess
import sys

import nbformat
import pytest

from grader.tools import notebooks
from grader.course import COURSE_ROOT, EXERCISES_DIR, SOLUTIONS_DIR
from grader.grading.notebook import clean, module_source

needs_solutions = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
COMMITTED = sorted(notebooks.NOTEBOOKS_DIR.glob("week*_*.ipynb"))


def _exercise_cells(nb):
    return {tag[len(notebooks.EXERCISE_TAG):]: cell for cell in nb.cells
            for tag in cell.metadata.get("tags", []) if tag.startswith(notebooks.EXERCISE_TAG)}


def _filled(week, module, root=COURSE_ROOT):
    """The committed notebook of ``week/module`` with every exercise cell filled from the solution."""
    nb = nbformat.read(str(root / "notebooks" / notebooks.notebook_name(week, module)), as_version=4)
    siblings = {p.stem for p in (root / "solutions" / week).glob("*.py") if notebooks.stubs.BEGIN in p.read_text()}
    solution = notebooks.build((root / "solutions" / week / f"{module}.py").read_text(), week, module, siblings)
    answers = _exercise_cells(solution)
    for name, cell in _exercise_cells(nb).items():
        cell.source = answers[name].source
    return nb


@needs_solutions
def test_the_committed_notebooks_are_up_to_date():
    stale = notebooks.out_of_date()
    assert not stale, f"run `python -m grader notebooks`: out of date: {[str(p) for p in stale]}"


@pytest.mark.parametrize("path", COMMITTED, ids=[p.stem for p in COMMITTED])
def test_a_notebook_is_valid_and_holds_the_stubs_of_exercises(path):
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    course = nb.metadata["course"]
    assert path.name == notebooks.notebook_name(course["week"], course["module"])
    stub = (EXERCISES_DIR / course["week"] / f"{course['module']}.py").read_text()
    exercises = _exercise_cells(nb)
    assert exercises
    ids = [cell.id for cell in nb.cells]
    for name, cell in exercises.items():
        assert cell.source in stub, f"{name}: the exercise cell differs from exercises/"
        following = nb.cells[ids.index(cell.id) + 1]
        assert following.source == f'check("{name}")' and notebooks.CHECK_TAG in following.metadata["tags"]
    assert all(cell.get("execution_count") is None and not cell.get("outputs") for cell in nb.cells)


def test_docstrings_become_markdown_with_equations():
    rst = "Sum ``x`` with :math:`\\sigma(z)\n  + 1`.\n\n.. math::\n\n    a &= b \\\\\n    c &= d\n"
    text = notebooks.to_markdown(rst)
    assert "`x`" in text and "$\\sigma(z) + 1$" in text
    assert "$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$" in text


def test_cleaning_drops_ipython_and_the_grader_but_keeps_line_numbers():
    cell = ("%matplotlib inline\nimport numpy as np\n!ls\ncheck('relu')\n"
            "from grader.cli.notebook_check import Checker\nx = (1\n     != 2)\n")
    assert clean(cell) == "\nimport numpy as np\n\n\n\nx = (1\n     != 2)\n"
    assert clean("%%time\nx = 1\n") is None


def test_a_syntax_error_is_found_without_running_anything():
    source, notices = module_source([("cell 3", "def f(:\n    pass\n"), ("cell 4", "x = 1\n")], "week1", [],
                                    {"f": "function"}, "my.ipynb")
    assert notices == ["cell 3 of my.ipynb has a syntax error in line 1: invalid syntax; it was left out"]
    compile(source, "generated", "exec")


@needs_solutions
def test_a_notebook_filled_from_the_solutions_gets_full_marks(course, tmp_path):
    """``week4_network`` imports ``week4_deep_nn``: from the notebook beside it, as in the kernel."""
    for module in ("deep_nn", "network"):
        nbformat.write(_filled("week4", module, course.root), str(tmp_path / f"week4_{module}.ipynb"))
    code, exercises, _ = course.grade_json("week4", "--notebook", tmp_path / "week4_network.ipynb")
    assert code == 0, exercises
    assert {e["module"] for e in exercises.values()} == {"network"}


@needs_solutions
def test_missing_code_and_failing_cells_cost_only_their_exercises(course, tmp_path):
    nb = _filled("week1", "numpy_basics", course.root)
    nb.cells = [cell for cell in nb.cells if cell.id != "softmax"]
    for cell in nb.cells:
        if cell.id == "relu":
            cell.source = 'raise ValueError("oops")\n' + cell.source
        if cell.id == "L1":
            cell.source = cell.source.replace("def L1(yhat, y):", "def L1(yhat, y)")
    nb.cells.append(nbformat.v4.new_code_cell("%timeit sigmoid(1.0)\nprint(sigmoid(np.ones(3)))\n"))
    path = tmp_path / "week1_numpy_basics.ipynb"
    nbformat.write(nb, str(path))
    relu_cell = 1 + [cell.id for cell in nb.cells].index("relu")
    code, exercises, _ = course.grade_json("--notebook", path)
    assert code == 1
    assert exercises["softmax"]["points"] == 0
    assert exercises["softmax"]["message"] == "the notebook defines no function softmax"
    assert exercises["relu"]["points"] == 0
    assert exercises["relu"]["message"] == f"relu is not defined: cell {relu_cell} failed: ValueError: oops (line 1)"
    assert exercises["L1"]["message"].startswith("L1 is not defined: cell ")
    assert "has a syntax error in line 1" in exercises["L1"]["message"]
    for name in ("basic_sigmoid", "sigmoid", "image2vector", "normalize_rows", "L2"):
        assert exercises[name]["status"] == "passed", exercises[name]


def test_a_file_that_is_not_json_is_one_line_and_exit_2(course, tmp_path):
    path = tmp_path / "week1_numpy_basics.ipynb"
    path.write_text('{"cells": [')
    done = course.grader("--notebook", path)
    assert done.returncode == 2 and done.stdout == ""
    assert "is not a notebook: invalid JSON" in done.stderr and len(done.stderr.strip().splitlines()) == 1


CHECK_SCRIPT = """
from grader.cli.notebook_check import check
solution = open("solutions/week1/numpy_basics.py").read()
check("sigmoid", week="week1", module="numpy_basics", source=solution)
print("--")
check("sigmoid", week="week1", module="numpy_basics",
      source=["import numpy as np", "def sigmoid(x):\\n    return 1 / (1 + np.exp(x))", "check('sigmoid')"])
"""


@needs_solutions
def test_check_grades_one_exercise_in_a_subprocess_and_prints_its_lines(course):
    done = subprocess.run([sys.executable, "-c", CHECK_SCRIPT], cwd=course.root, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(course.root), "NO_COLOR": "1"}, timeout=300)
    passed, failed = done.stdout.split("--\n")
    assert passed.split() == ["sigmoid", "1/1", "passed"], done.stdout + done.stderr
    assert failed.splitlines()[0].split() == ["sigmoid", "0.5/1", "failed"]
    assert "sigmoid(x): values differ" in failed
    report = course.grader("week1", "--solutions", "--exercise", "sigmoid").stdout
    assert passed.splitlines()[0] in report.splitlines()  # the very line of the CLI's report


def test_the_report_of_a_notebook_tells_how_to_grade_it_again(course, tmp_path):
    path = tmp_path / "week2_logistic_regression.ipynb"
    path.write_bytes((course.root / "notebooks" / path.name).read_bytes())
    done = course.grader("--notebook", path)
    assert done.returncode == 1
    rows = [line for line in done.stdout.splitlines() if line.startswith("    ")]
    assert rows and all(line.endswith("not implemented") for line in rows)
    assert f"--notebook {path}" in " ".join(done.stdout.split())
