"""``check("sigmoid")`` in a notebook: grade one exercise against the code the notebook defines.

Runs in the learner's kernel, but decides nothing there: it collects the code cells the kernel has
run (IPython's input history), writes them as a notebook into a temporary folder and runs
``python -m grader WEEK --notebook ... --exercise NAME`` in a subprocess, where the usual sandbox
runs the code. It prints the exercise's lines of the grader's text report::

    sigmoid                                              0.5/1   failed
        sigmoid(x): values differ in 5 of 5 entries; ...

Outside Jupyter (or to grade a saved notebook), pass ``source=`` (code, or a list of cells) or
``notebook=`` (a path). Importing this module also lets a notebook import its week's other
notebooks: ``from week4_deep_nn import L_model_forward`` runs the code cells of
``week4_deep_nn.ipynb`` (in the current folder) as a module, the way grading does.
"""
import importlib.abc
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..course import COURSE_ROOT

_SIBLING = re.compile(r"^week\d+_\w+$")


class Checker:
    """``check = Checker("week1", "numpy_basics")``, then ``check("sigmoid")`` (the setup cell does this)."""

    def __init__(self, week, module):
        self.week, self.module = week, module

    def __call__(self, name, source=None, notebook=None):
        check(name, week=self.week, module=self.module, source=source, notebook=notebook)

    def __repr__(self):
        return f"<check() for {self.week}/{self.module}.py>"


def check(name, *, week, module, source=None, notebook=None, timeout=300):
    """Grade the exercise ``name`` of ``week/module`` and print its lines of the report.

    The code is ``source`` (a string, or a list of cell strings), else the notebook file
    ``notebook``, else what this IPython kernel has run so far. Returns None (a notebook would
    display anything else as the cell's output).
    """
    with tempfile.TemporaryDirectory(prefix="grader-check-") as tmp:
        if notebook is not None:
            path = Path(notebook)
        else:
            cells = _history() if source is None else ([source] if isinstance(source, str) else list(source))
            if cells is None:
                print("check() needs the code: run it in a Jupyter notebook, or pass source= or notebook=")
                return
            path = Path(tmp) / f"{week}_{module}.ipynb"
            _write_notebook(path, cells, week, module)
            _copy_siblings(Path.cwd(), Path(tmp), week, module)
        done = _grade(path, week, name, timeout)
    print(_exercise_lines(done.stdout, module) if done.returncode in (0, 1) and done.stdout.strip()
          else (done.stderr.strip() or done.stdout.strip() or f"the grader stopped with status {done.returncode}"))


def _history():
    """``[(execution count, code)]`` of the cells this IPython kernel has run, or None outside IPython."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return None
    return [(number, code) for number, code in enumerate(shell.user_ns.get("In", [])) if number and code.strip()]


def _write_notebook(path, cells, week, module):
    from nbformat import v4, write

    notebook_cells = []
    for index, cell in enumerate(cells):
        count, code = cell if isinstance(cell, tuple) else (None, cell)
        notebook_cells.append(v4.new_code_cell(code, id=f"cell-{index}", execution_count=count))
    write(v4.new_notebook(cells=notebook_cells, metadata={"course": {"week": week, "module": module}}), str(path))


def _copy_siblings(folder, target, week, module):
    """The week's other notebooks, which this one may import (``from week4_deep_nn import ...``)."""
    for sibling in folder.glob(f"{week}_*.ipynb"):
        if sibling.name != f"{week}_{module}.ipynb":
            shutil.copyfile(sibling, target / sibling.name)


def _grade(path, week, name, timeout):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(COURSE_ROOT), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "grader", week, "--notebook", str(path), "--exercise", name, "--color", "never"]
    try:
        return subprocess.run(command, cwd=COURSE_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 3, "", f"the grader took longer than {timeout} s")


def _exercise_lines(report, module):
    """The exercise rows (and messages) of a one-week, one-module text report: the lines between the
    module's name and the first blank line (what comes before, such as "not isolated", is left out)."""
    lines = report.splitlines()
    names = [line.strip() for line in lines]
    body = lines[names.index(f"{module}.py") + 1:] if f"{module}.py" in names else lines[2:]
    return "\n".join(body[:body.index("")] if "" in body else body)


# ------------------------------------------------------------------- importing sibling notebooks
class NotebookFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import week4_deep_nn``: the code cells of ``week4_deep_nn.ipynb`` in the current folder."""

    def find_spec(self, fullname, path=None, target=None):
        if path is not None or not _SIBLING.match(fullname):
            return None
        file = Path.cwd() / f"{fullname}.ipynb"
        if not file.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, file, loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        from ..grading.notebook import code_cells, module_source, read

        week, name = module.__name__.split("_", 1)
        nb = read(module.__file__)
        source, _ = module_source(code_cells(nb), week, [], {}, Path(module.__file__).name, root=module.__file__)
        exec(compile(source, module.__file__, "exec"), vars(module))  # tracebacks: ".../week4_deep_nn.ipynb/cell 7"


if not any(isinstance(finder, NotebookFinder) for finder in sys.meta_path):
    sys.meta_path.append(NotebookFinder())
