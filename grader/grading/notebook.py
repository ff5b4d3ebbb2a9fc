"""Grade a notebook: its code cells become one module, graded like a single module file.

``python -m grader week4 --notebook PATH.ipynb`` reads the notebook (nothing in it runs here),
keeps its code cells but the ``check`` and setup cells, IPython's ``%``/``!`` lines and the grader's
own statements, compiles every cell on its own to find syntax errors, and writes a module that runs
the cells one by one in the sandbox's worker, each in its own ``try``: a cell that fails is
recorded and the others still define their functions. A function that no cell managed to define
becomes a stand-in that raises with the reason ("cell 7 failed: NameError: ..."), so the report
says why instead of "missing". Errors inside the learner's functions point at "cell 7, line 3".
Cells share a time budget: a long training run in a cell is stopped, not waited for.
"""
import ast
import json
import re
import shutil
from pathlib import Path

import nbformat

from ..course import EXERCISES_DIR, TESTS_DIR, CourseError, modules, resolve_weeks
from ..sandbox.files import remove_tree, temporary_folder
from . import Submission
from ..results import ERROR
from ..sandbox import DEFAULT_CALL_TIMEOUT

# The cells the grader leaves out: the setup cell (imports the checker) and the check cells (call it).
SETUP_TAG, CHECK_TAG = "setup", "check"
MAX_NOTEBOOK_BYTES = 32 * 2**20  # outputs included; parsing more would cost the grading process
MISSING = "NotebookError"  # the stand-ins' exception; its name is dropped from the report
_MISSING_PREFIX = f"raised {MISSING}: "
_NOTEBOOK_NAME = re.compile(r"^(week\d+)_(\w+)\.ipynb$")


def notebook_name(week, module):
    return f"{week}_{module}.ipynb"


# ------------------------------------------------------------------------------------- reading
def read(path, label=None):
    """The notebook at ``path`` (nbformat v4); one clear :class:`CourseError` line if it is not one."""
    label = label or str(path)
    try:
        if Path(path).stat().st_size > MAX_NOTEBOOK_BYTES:
            raise CourseError(f"{label} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB: clear its outputs "
                              "(Kernel > Restart & Clear Output) and save it again")
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseError(f"{label}: cannot read it: {exc}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CourseError(f"{label} is not a notebook: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                          f"{exc.msg}") from None
    if not isinstance(data, dict) or "nbformat" not in data:
        raise CourseError(f"{label} is not a Jupyter notebook: it is JSON, but without an nbformat version")
    try:
        return nbformat.reads(text, as_version=4, capture_validation_error={})
    except Exception as exc:  # noqa: BLE001 - nbformat raises many types for structure it cannot read
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CourseError(f"{label} is not a Jupyter notebook ({reason})") from None


def identify(nb, path, requested_weeks=(), label=None):
    """``(week, module)`` of a notebook: from its ``metadata.course``, else from its file name
    (``week1_numpy_basics.ipynb``), else the one module of the week asked for (``grader week2``)."""
    label = label or str(path)
    requested = resolve_weeks(requested_weeks) if requested_weeks else []
    course = nb.get("metadata", {}).get("course", {})
    week, module = (course.get("week"), course.get("module")) if isinstance(course, dict) else (None, None)
    if not (isinstance(week, str) and isinstance(module, str)):
        match = _NOTEBOOK_NAME.match(Path(path).name)
        if match:
            week, module = match.groups()
        elif len(requested) == 1 and len(modules(requested[0])) == 1:
            week, module = requested[0], modules(requested[0])[0]
        else:
            raise CourseError(f"cannot tell which module {label} is: its metadata has no course entry and "
                              "its name is not weekN_<module>.ipynb")
    if requested and requested != [week]:
        raise CourseError(f"{label} is the {week} notebook of {module}; ask for {week}")
    resolve_weeks([week])  # an unknown week is one line too
    if module not in modules(week):
        raise CourseError(f"{label}: {week} has no graded module {module!r} (it has {', '.join(modules(week))})")
    return week, module


def code_cells(nb):
    """``[(label, source)]`` of the code cells to grade: "In [7]" when the cell has run, else "cell 7"."""
    cells = []
    for number, cell in enumerate(nb.get("cells", []), start=1):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") != "code" or CHECK_TAG in tags or SETUP_TAG in tags:
            continue
        count = cell.get("execution_count")
        label = f"In [{count}]" if isinstance(count, int) else f"cell {number}"
        source = cell.get("source", "")
        cells.append((label, "".join(source) if isinstance(source, list) else str(source)))
    return cells


# --------------------------------------------------------------------------------- the module
def clean(source):
    """A cell's code without what belongs to IPython or the grader, line numbers kept.

    Blanked: ``%magic`` and ``!shell`` lines (and ``get_ipython()`` ones, as IPython's history writes
    them), imports of ``grader``, statements that use ``check`` / ``Checker``, and ``sys.path``
    changes. A ``%%cell magic`` makes the whole cell IPython's. Returns None for nothing to run.
    """
    if source.lstrip().startswith("%%"):
        return None
    lines = [("" if re.match(r"\s*get_ipython\(\)", line) else line) for line in source.splitlines()]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:  # IPython syntax? (valid Python never starts a line with % or !, but may continue one)
        lines = [("" if re.match(r"\s*(%|!(?!=))", line) else line) for line in lines]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            return "\n".join(lines) + "\n"  # compiled (and reported) by the caller
    for node in tree.body:
        if _belongs_to_grader(node):
            lines[node.lineno - 1:node.end_lineno] = [""] * (node.end_lineno - node.lineno + 1)
    text = "\n".join(lines) + "\n"
    return text if text.strip() else None


def _belongs_to_grader(node):
    if isinstance(node, ast.Import):
        return any(a.name.split(".")[0] == "grader" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return not node.level and (node.module or "").split(".")[0] == "grader"
    if isinstance(node, (ast.Expr, ast.Assign)):
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        dotted = ast.unparse(node.value) if isinstance(node, ast.Expr) else ""
        return bool(names & {"check", "Checker"}) or dotted.startswith("sys.path.")
    return False


def graded_imports(source, week, week_modules):
    """``from week4_deep_nn import ...`` / ``from exercises.week4.deep_nn import ...`` -> ``from .deep_nn``."""
    names = "|".join(re.escape(m) for m in week_modules)
    if not names:
        return source
    sibling = rf"(?:{re.escape(week)}_|exercises\.{re.escape(week)}\.)({names})"
    source = re.sub(rf"^(\s*from\s+){sibling}(\s+import\b)", r"\1.\2\3", source, flags=re.M)
    source = re.sub(rf"^(\s*from\s+)exercises\.{re.escape(week)}(\s+import\b)", r"\1.\2", source, flags=re.M)
    return re.sub(rf"^(\s*)import\s+{re.escape(week)}_({names})(?:\s+as\s+(\w+))?\s*$",
                  lambda m: f"{m.group(1)}from . import {m.group(2)} as {m.group(3) or week + '_' + m.group(2)}",
                  source, flags=re.M)


def module_source(cells, week, week_modules, expected, origin, budget=None, root=None):
    """The module that runs ``cells`` one by one; ``(source, notices)``.

    ``expected``: ``{name: "function" | "class"}`` the module must define (from the exercise stub).
    ``budget``: seconds for all cells together (None: no limit). ``root``: the folder in which the
    cells' code seems to live ("ROOT/cell 7" in tracebacks; default: the submission's root folder).
    """
    runnable, failures, definers, notices = [], {}, {}, []
    for label, raw in cells:
        source = clean(raw)
        if source is None:
            continue
        source = graded_imports(source, week, week_modules)
        for name in re.findall(r"^(?:async\s+def|def|class)\s+(\w+)", source, re.M):
            definers.setdefault(name, []).append(label)
        try:
            compile(source, label, "exec", dont_inherit=True)  # compiling runs none of the code
        except (SyntaxError, ValueError) as exc:
            failures[label] = f"has a syntax error in line {getattr(exc, 'lineno', '?')}: {getattr(exc, 'msg', exc)}"
            notices.append(f"{label} of {origin} {failures[label]}; it was left out")
            continue
        runnable.append((label, source))
    return _TEMPLATE.format(origin=origin, cells=_literal(runnable), failures=_literal(failures),
                            definers=_literal(definers), expected=_literal(expected), budget=budget,
                            root=_literal(root), missing=MISSING), notices


def _literal(value):
    text = repr(value)
    ast.literal_eval(text)  # the module only ever holds plain data
    return text


_TEMPLATE = '''\
"""The code cells of {origin}, run one by one (written by the grader: grader/grading/notebook.py)."""


def __run_notebook(namespace):
    import os
    import signal
    import time
    import traceback

    cells = {cells}
    failures = {failures}
    definers = {definers}
    expected = {expected}
    budget = {budget}

    class {missing}(Exception):
        pass

    class CellTimeout(BaseException):
        pass

    def stop(signum, frame):
        raise CellTimeout()

    root = {root} or os.path.dirname(os.path.dirname(os.path.abspath(namespace["__file__"])))
    timer = budget is not None and hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, stop) if timer else None
    deadline = time.monotonic() + (budget or 0)
    for label, source in cells:
        path = os.path.join(root, label)  # tracebacks say "cell 7, line 3"
        try:
            code = compile(source, path, "exec", dont_inherit=True)
            if timer:
                signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 0.5))
            try:
                exec(code, namespace)
            finally:
                if timer:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except CellTimeout:
            failures[label] = (f"was stopped: the code cells get {{budget:g}} s in all when graded "
                               "(a training run? keep long runs out of the cells that define functions)")
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included
            lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
            where = f" (line {{lines[-1]}})" if lines else ""
            failures[label] = f"failed: {{type(exc).__name__}}: {{exc}}{{where}}"
    if timer:
        signal.signal(signal.SIGALRM, previous)

    scope = {{"{missing}": {missing}}}
    exec(compile("def stand_in(message):\\n"
                 "    def missing(*args, **kwargs):\\n"
                 "        raise {missing}(message)\\n"
                 "    return missing\\n", "<notebook>", "exec"), scope)
    for name, kind in expected.items():
        if name in namespace:
            continue
        failed = [label for label in definers.get(name, []) if label in failures]
        if failed:
            message = f"{{name}} is not defined: {{failed[-1]}} {{failures[failed[-1]]}}"
        else:
            message = f"the notebook defines no {{kind}} {{name}}"
        namespace[name] = scope["stand_in"](message)


__run_notebook(globals())
del __run_notebook
'''


def expected_names(stub_path):
    """``{name: "function" | "class"}`` of the public top-level definitions of an exercise stub."""
    try:
        tree = ast.parse(Path(stub_path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return {}
    return {node.name: "class" if isinstance(node, ast.ClassDef) else "function" for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")}


# -------------------------------------------------------------------------------- submission
class NotebookSubmission(Submission):
    """A copy of ``exercises/`` in which the notebook's module (and its siblings' ones) replace the stubs."""

    def __init__(self, *args, notices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = list(notices)

    def finish(self, results):
        """The report speaks of the notebook: a stand-in's reason without the exception's name."""
        results.notices.extend(self.notices)
        for exercise in results.exercises:
            for test in exercise.tests:
                if test.message.startswith(_MISSING_PREFIX):
                    test.status, test.message = ERROR, test.message[len(_MISSING_PREFIX):]


def prepare(path, requested_weeks=(), call_timeout=DEFAULT_CALL_TIMEOUT):
    """``--notebook PATH``: a :class:`NotebookSubmission` of the notebook's module.

    A notebook imports another module of its week from the notebook beside it
    (``from week4_deep_nn import ...`` in ``week4_network.ipynb``), as in the learner's kernel;
    every other module comes from ``exercises/``.
    """
    label, path = str(path), Path(path)
    if not path.is_file():
        raise CourseError(f"no such notebook: {label}")
    nb = read(path, label)
    week, module = identify(nb, path, requested_weeks, label)
    tmp = temporary_folder("notebook")
    try:
        shutil.copytree(EXERCISES_DIR, tmp, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        week_modules = sorted(p.stem for p in (tmp / week).glob("*.py") if p.stem != "__init__")
        notices, pending, done = [], [(module, nb, path.name)], set()
        while pending:
            name, notebook, origin = pending.pop(0)
            done.add(name)
            cells = code_cells(notebook)
            text, found = module_source(cells, week, week_modules, expected_names(tmp / week / f"{name}.py"),
                                        origin, budget=call_timeout / 2)
            (tmp / week / f"{name}.py").write_text(text, encoding="utf-8")
            notices.extend(found)
            for other in sorted(_imported_siblings(cells, week, week_modules) - done):
                done.add(other)
                sibling = path.parent / notebook_name(week, other)
                if not sibling.is_file():
                    notices.append(f"no {sibling.name} beside {path.name}: {week}/{other}.py comes from exercises/")
                    continue
                try:
                    pending.append((other, read(sibling), sibling.name))
                    notices.append(f"{week}/{other}.py is taken from {sibling.name}")
                except CourseError as exc:
                    notices.append(f"{week}/{other}.py is taken from exercises/ ({exc})")
    except BaseException:
        remove_tree(tmp)
        raise
    return NotebookSubmission(tmp.resolve(), [week], [TESTS_DIR / week / f"test_{module}.py"], label,
                              cleanup=lambda: remove_tree(tmp), notices=notices)


def _imported_siblings(cells, week, week_modules):
    """The modules of ``week`` that the cells import as notebooks (``from week4_deep_nn import ...``)."""
    pattern = re.compile(rf"^\s*(?:from|import)\s+{re.escape(week)}_(\w+)", re.M)
    return {name for _, source in cells for name in pattern.findall(source) if name in week_modules}
