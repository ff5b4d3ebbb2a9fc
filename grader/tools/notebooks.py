"""The lessons as Jupyter notebooks, generated from the same sources as the exercise stubs.

``notebooks/weekN_<module>.ipynb`` holds one exercise module: the lesson (the module docstring, as
Markdown with its equations), a setup cell, the given code, and for every function (or class) the
learner writes a Markdown cell with its summary and equations, a code cell with the stub exactly as
in ``exercises/`` (tagged ``exercise:<name>``) and a ``check("<name>")`` cell (tagged ``check``).
The notebook's metadata names its week and module (``metadata.course``), so the grader knows which
suite applies. Output is deterministic (fixed cell ids, no execution counts), so a test can tell
when the committed notebooks are stale: ``python -m grader notebooks`` rewrites them.

A notebook's relative imports (``from .deep_nn import ...``) cannot run in a kernel: an import of
another exercise module becomes ``from week4_deep_nn import ...`` (the learner's sibling notebook,
see :mod:`grader.cli.notebook_check`), an import of a given module ``from exercises.week5.x import ...``.
Grading turns both back into relative imports (:mod:`grader.grading.notebook`).
"""
import ast
import re
from pathlib import Path

import nbformat
from nbformat import v4

from . import stubs
from ..grading.notebook import CHECK_TAG, SETUP_TAG, notebook_name
from ..course import COURSE_ROOT, SOLUTIONS_DIR, CourseError, relative, week_title

NOTEBOOKS_DIR = COURSE_ROOT / "notebooks"
GIVEN_TAG, EXERCISE_TAG = "given", "exercise:"
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
_SEPARATOR = re.compile(r"^# -{8,}.*\n")  # "# ------------- activations": the notebook has headings instead
_CHECK_YOUR_WORK = re.compile(r"^Check your work with ``python -m grader (week\d+)``\.\s*$", re.M)


# ------------------------------------------------------------------------------------ building
def build(text, week, module, exercise_modules=(), heading=None):
    """The notebook of ``week/module`` from the module's text: its stub (or, for tests, its solution).

    ``exercise_modules``: the week's other modules that have notebooks (imports of them go to the
    sibling notebook instead of ``exercises/``). ``heading``: the week's title (default: the course's,
    :func:`grader.course.week_title`).
    """
    tree = ast.parse(text)
    doc = ast.get_docstring(tree) or module
    title, _, lesson = doc.partition("\n")
    intro = f"*{_week_line(week, heading)} · the lesson and exercises of `{week}/{module}.py` as a notebook.*"
    cells = [_markdown("lesson", f"# {title.strip()}\n\n{intro}\n\n" + to_markdown(_CHECK_YOUR_WORK.sub("", lesson))),
             _markdown("how-to", _how_to(week, module)),
             _code("setup", _setup_source(week, module), [SETUP_TAG])]
    lines = text.splitlines(keepends=True)
    given, given_count = [], 0
    for node, source, blank in _segments(tree, lines):
        source = _kernel_imports(source, week, exercise_modules)
        if not _is_exercise(node, source):
            given.append("\n" * blank * bool(given) + source)  # the source's own spacing
            continue
        if given:
            cells.extend(_given_cells(given, given_count))
            given, given_count = [], given_count + 1
        cells.extend(_exercise_cells(node, source))
    if given:
        cells.extend(_given_cells(given, given_count))
    nb = v4.new_notebook(cells=cells, metadata={
        "kernelspec": KERNELSPEC, "language_info": {"name": "python"},
        "course": {"week": week, "module": module}})
    nbformat.validate(nb)
    return nb


def _week_line(week, title=None):
    title = week_title(week) if title is None else title
    return f"Week {week[len('week'):]} · {title}" if title else week


def _how_to(week, module):
    path = f"notebooks/{notebook_name(week, module)}"
    return (
        "## How this notebook works\n\n"
        "Run the setup cell below first. Then, for each exercise, write your code where it says "
        "`# YOUR CODE HERE` (delete the `raise NotImplementedError()` under it), run the cell, and run "
        "the `check(...)` cell under it: it grades that one exercise, in a separate process, and prints "
        "the same line as the grader's report. Run the cells from top to bottom: later exercises may "
        "use earlier ones.\n\n"
        f"To grade the whole notebook, save it and run `python -m grader {week} --notebook {path}` "
        "from the course folder. Grading runs every code cell of the notebook (the `check` cells and "
        "IPython's `%` and `!` lines aside) on its own, from top to bottom, as a fresh kernel would: "
        "a cell that fails costs only what it should have defined, and long-running cells (training "
        "runs, plots) are stopped after a few seconds, so keep them apart from your functions."
    )


def _setup_source(week, module):
    return (
        "# Run this cell first. It makes the course folder importable (this notebook sits in its\n"
        "# notebooks/ folder) and defines check(\"name\"), which grades one exercise.\n"
        "import sys\n\n"
        "sys.path.insert(0, \"..\")\n"
        "from grader.cli.notebook_check import Checker  # noqa: E402\n\n"
        f'check = Checker("{week}", "{module}")\n'
    )


def _segments(tree, lines):
    """``(node, source, blank lines above)`` of every top-level statement but the docstring, with the
    comments above it."""
    body = tree.body[1:] if ast.get_docstring(tree) is not None else tree.body
    previous_end = tree.body[0].end_lineno if body is not tree.body else 0
    for node in body:
        text = "".join(lines[previous_end:node.end_lineno])
        previous_end = node.end_lineno
        while _SEPARATOR.match(text.lstrip("\n")):
            text = _SEPARATOR.sub("", text.lstrip("\n"), count=1)
        blank = len(text) - len(text.lstrip("\n"))
        yield node, text.strip("\n") + "\n", blank


def _is_exercise(node, source):
    return isinstance(node, (ast.FunctionDef, ast.ClassDef)) and _has_block(source)


def _has_block(source):
    """Whether code holds a solution block (a solution) or its placeholder (a stub)."""
    return stubs.BEGIN in source or "# YOUR CODE HERE\n" in source


def _given_cells(sources, index):
    names = [name for s in sources for name in re.findall(r"^(?:def|class) (\w+)", s, re.M)]
    cells = []
    if index:  # the first given cell follows the setup cell and needs no introduction
        listed = ", ".join(f"`{n}`" for n in names) or "module constants"
        cells.append(_markdown(f"given-{index}-text", f"Given (nothing to write; run the cell): {listed}."))
    cells.append(_code(f"given-{index}", "".join(sources), [GIVEN_TAG]))
    return cells


def _exercise_cells(node, source):
    name = node.name
    text = f"### Exercise: `{_signature(node, source)}`\n\n" + _summary(ast.get_docstring(node) or "").rstrip()
    if isinstance(node, ast.ClassDef):
        local = ast.parse(source).body[0]  # line numbers of this cell, not of the module
        methods = [m for m in local.body if isinstance(m, ast.FunctionDef)
                   and _has_block(ast.get_source_segment(source, m, padded=True))]
        if methods:
            text += "\n\nWrite these methods:\n\n" + "\n".join(
                f"- `{m.name}`" + (f": {_first_sentence(ast.get_docstring(m))}" if ast.get_docstring(m) else "")
                for m in methods)
    return [_markdown(f"{name}-text", text.rstrip() + "\n"),
            _code(name, source, [EXERCISE_TAG + name]),
            _code(f"check-{name}", f'check("{name}")\n', [CHECK_TAG])]


def _signature(node, source):
    """``name(arguments)`` as written in the source (on one line), or the class's name."""
    if isinstance(node, ast.ClassDef):
        return node.name
    start = source.index(f"def {node.name}(") + len("def ")
    depth = 0
    for end in range(start, len(source)):
        depth += {"(": 1, ")": -1}.get(source[end], 0)
        if depth == 0 and source[end] == ")":
            break
    return " ".join(source[start:end + 1].split())


def _summary(doc):
    """The docstring up to its first numpy section, plus its Notes (where the equations are)."""
    parts = _sections(doc)
    text = to_markdown(parts.get("", ""))
    if "Notes" in parts:
        text += "\n\n" + to_markdown(parts["Notes"])
    return text.strip() + "\n"


def _first_sentence(doc):
    first = to_markdown(_sections(doc).get("", "")).strip().split("\n\n")[0]
    return " ".join(first.split())


def _sections(doc):
    """``{"": text before the first section, "Parameters": ..., "Notes": ...}`` of a numpy docstring."""
    parts, name, current = {}, "", []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i].strip() and re.fullmatch(r"-{3,}", lines[i + 1].strip()):
            parts[name] = "\n".join(current).strip("\n")
            name, current = lines[i].strip(), []
            i += 2
            continue
        current.append(lines[i])
        i += 1
    parts[name] = "\n".join(current).strip("\n")
    return parts


def _markdown(cell_id, text):
    return v4.new_markdown_cell(text.rstrip("\n"), id=cell_id)


def _code(cell_id, text, tags):
    return v4.new_code_cell(text.rstrip("\n"), id=cell_id, metadata={"tags": tags})


# ------------------------------------------------------------------------ RST-ish -> Markdown
def to_markdown(text):
    """Light reST -> Markdown: ``code``, :math:`x` -> $x$, ``.. math::`` -> $$...$$, ``::`` blocks,
    underlined headings -> ### headings. Enough for the course's docstrings, not for reST at large."""
    text = re.sub(r":math:`([^`]*)`", lambda m: ":math:`" + " ".join(m.group(1).split()) + "`", text)
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        line = lines[i]
        directive = re.match(r"^(\s*)\.\. math::\s*(.*)$", line)
        if directive or line.rstrip().endswith("::"):
            indent = directive.group(1) if directive else re.match(r"\s*", line).group(0)
            block = [directive.group(2)] if directive and directive.group(2).strip() else []
            i += 1
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > len(indent)):
                block.append(lines[i])
                i += 1
            block = _dedent(block)
            if directive:
                math = "\n".join(block)
                if "&" in math or "\\\\" in math:
                    math = "\\begin{aligned}\n" + math + "\n\\end{aligned}"
                out.extend(["", *(indent + m for m in ["$$", *math.splitlines(), "$$"]), ""])
            else:
                head = line.rstrip()[:-2].rstrip()
                if head.strip():
                    out.append(_inline(head) + ":")
                out.extend(["", *(indent + c for c in ["```python", *block, "```"]), ""])
            continue
        if i + 1 < len(lines) and line.strip() and re.fullmatch(r"[-=]{3,}", lines[i + 1].strip()):
            out.extend([f"### {_inline(line.strip())}", ""])
            i += 2
            continue
        out.append(_inline(line))
        i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _inline(line):
    line = re.sub(r":math:`([^`]*)`", lambda m: f"${m.group(1).strip()}$", line)
    line = re.sub(r":func:`~?([^`]*)`", r"`\1`", line)
    return re.sub(r"``([^`]+)``", r"`\1`", line)


def _indent(line):
    return len(line) - len(line.lstrip())


def _dedent(block):
    while block and not block[0].strip():
        block = block[1:]
    while block and not block[-1].strip():
        block = block[:-1]
    width = min((_indent(b) for b in block if b.strip()), default=0)
    return [b[width:] for b in block]


# ---------------------------------------------------------------------------------- imports
def _kernel_imports(source, week, exercise_modules):
    """Relative imports -> imports a kernel can run (see the module docstring)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    for node in sorted((n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level),
                       key=lambda n: n.lineno, reverse=True):
        if node.level != 1:
            raise CourseError(f"{week}: only imports from the same week (`from .module import ...`) can be "
                              "turned into notebook code")
        pad = " " * node.col_offset
        if node.module is None:  # from . import three_layer_net as net
            new = "".join(pad + (f"import {week}_{a.name} as {a.asname or a.name}\n" if a.name in exercise_modules
                                 else f"from exercises.{week} import {a.name}{f' as {a.asname}' * bool(a.asname)}\n")
                          for a in node.names)
        else:
            target = f"{week}_{node.module}" if node.module in exercise_modules else f"exercises.{week}.{node.module}"
            first, *rest = lines[node.lineno - 1:node.end_lineno]
            shift = len(target) - len("." + node.module)  # continuation lines stay aligned
            rest = [" " * shift + r if shift > 0 else r[min(-shift, _indent(r)):] for r in rest]
            new = re.sub(r"^(\s*from\s+)\.\s*" + re.escape(node.module), lambda m: m.group(1) + target, first)
            new += "".join(rest)
        lines[node.lineno - 1:node.end_lineno] = [new]
    return "".join(lines)


# ------------------------------------------------------------------------------- generation
def generate(solutions_dir=SOLUTIONS_DIR):
    """``{file name: notebook text}`` for every exercise module of the solutions (of the course, or of
    another copy of it such as the release's staging folder: the week titles come from there too)."""
    solutions_dir = Path(solutions_dir)
    found = {}
    for path in sorted(solutions_dir.glob("week*/*.py")):
        text = path.read_text(encoding="utf-8")
        if path.stem != "__init__" and stubs.BEGIN in text:
            found.setdefault(path.parent.name, {})[path.stem] = (path, text)
    notebooks = {}
    for week, modules in found.items():
        for module, (path, text) in modules.items():
            nb = build(stubs.stub_source(text, relative(path)), week, module, exercise_modules=set(modules),
                       heading=_title_in(solutions_dir, week))
            notebooks[notebook_name(week, module)] = nbformat.writes(nb) + "\n"
    return notebooks


def _title_in(solutions_dir, week):
    """The week's title as :func:`grader.course.week_title` reads it, from ``solutions_dir``."""
    if solutions_dir.resolve() == SOLUTIONS_DIR.resolve():
        return week_title(week)
    init = solutions_dir / week / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) if init.is_file() else None
    return docstring.strip().splitlines()[0].strip() if docstring and docstring.strip() else ""


def out_of_date(solutions_dir=SOLUTIONS_DIR, notebooks_dir=NOTEBOOKS_DIR):
    """Notebooks that differ from what the solutions generate (missing ones included)."""
    return stubs.stale_files(generate(solutions_dir), notebooks_dir)


def write(solutions_dir=SOLUTIONS_DIR, notebooks_dir=NOTEBOOKS_DIR, force=False):
    """Write the notebooks; returns the paths changed. Like the stubs, a notebook with fewer
    ``raise NotImplementedError()`` than the new one holds someone's work and needs ``force``."""
    return stubs.write_generated(generate(solutions_dir), notebooks_dir, force)
