"""The grader's layers (see grader/__init__.py): each package imports only from the layers below it,
no module imports another in a cycle, and a learner's run never loads an instructors' tool."""
import ast
import subprocess
import sys

import pytest

from grader import __main__ as entry
from grader.course import COURSE_ROOT
from grader.tools import cli as tools_cli

PACKAGE = COURSE_ROOT / "grader"
# Bottom to top. The core is the modules directly in grader/; __main__ sits above everything.
LAYERS = ["core", "sandbox", "grading", "render", "cli", "tools", "__main__"]


def module_name(path):
    parts = list(path.relative_to(COURSE_ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}


def layer(module):
    parts = module.split(".")
    if len(parts) == 1:
        return "core"  # grader/__init__.py: the package itself, with the core
    return parts[1] if parts[1] in LAYERS else "core"


def imports(module):
    """The grader modules ``module`` imports, anywhere in its code (imports inside functions included)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from P import N` imports the module P.N when there is one, else a name of P
            targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != module)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_every_package_says_what_it_is_for_and_what_it_may_import():
    for module, path in MODULES.items():
        if path.name == "__init__.py":
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            assert "import" in doc, f"{module}: its docstring should say what it may import"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_from_its_own_layer_or_below(module):
    rank = LAYERS.index(layer(module))
    upward = sorted(t for t in GRAPH[module] if LAYERS.index(layer(t)) > rank)
    assert not upward, f"{module} ({layer(module)}) imports from a layer above it: {upward}"


def test_no_import_cycle():
    """Tarjan's strongly connected components of the import graph: each must be a single module."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_the_entry_point_knows_the_instructors_commands():
    assert entry.INSTRUCTOR_COMMANDS == set(tools_cli.COMMANDS)
    assert entry.for_instructors(["week1", "--submissions", "DIR"]) and entry.for_instructors(["--submissions=DIR"])
    assert not entry.for_instructors(["week1", "--submission", "alice.py"])


def test_a_learners_run_loads_no_instructors_tool():
    # The entry point's main, as `python -m grader` runs it (which then ends the process at once).
    code = ("import sys; from grader.__main__ import main\n"
            "status = main(['week1', '--solutions', '--exercise', 'basic_sigmoid'])\n"
            "print(status, sorted(m for m in sys.modules if m.startswith('grader.tools')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=COURSE_ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr
