"""Which exercises call which: so that a report can say where a cascade of failures starts.

One wrong function costs points in every function that calls it. When an exercise fails while a
function of the learner's that it calls fails its own checks, the report says so on its line ("your
propagate, which this calls, fails its own checks: fix it first"), naming the root of the cascade.

The graph comes from the reference solutions (trusted course files; a submission's code is never
parsed here): every function and method of a week's modules, and the functions of the week it
calls, directly or through an import of a sibling module. ``python -m grader fixtures`` writes it to
``tests/weekN/fixtures/calls.json`` (course data, so it reaches the student release and the
Gradescope archive, which have no solutions) and ``--check`` finds it stale.
"""
import ast
import json

from ..course import SOLUTIONS_DIR, TESTS_DIR, modules
from ..results import NOT_IMPLEMENTED, PASSED

FILE_NAME = "calls.json"


def graph(week, solutions_dir=SOLUTIONS_DIR):
    """``{"calls": {"module.function": ["module.callee", ...]}, "checked_with": {...}}`` for the
    functions and methods of ``week``: what each calls, and what the tests of an exercise call besides
    it (``exercise(..., uses=["softmax"])``: a gradient check of ``softmax_backward`` differentiates
    the learner's ``softmax``)."""
    found = {}
    for module in modules(week):
        path = solutions_dir / week / f"{module}.py"
        if path.is_file():
            found.update(_module_graph(module, ast.parse(path.read_text(encoding="utf-8"))))
    checked_with = {}
    for module in modules(week):
        for name, used in _test_uses(TESTS_DIR / week / f"test_{module}.py"):
            checked_with.setdefault(f"{module}.{name}", []).extend(
                key for use in used for key in found if key.split(".", 1)[1] == use)
    return {kind: {name: sorted(set(callees) & set(found)) for name, callees in sorted(edges.items())}
            for kind, edges in (("calls", found), ("checked_with", checked_with))}


def _test_uses(path):
    """``[(exercise, [names its tests use])]`` from the ``uses`` of the exercise markers of a test file."""
    found = []
    if not path.is_file():
        return found
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "exercise" and node.args:
            uses = next((k.value for k in node.keywords if k.arg == "uses"), None)
            if isinstance(uses, (ast.List, ast.Tuple)) and isinstance(node.args[0], ast.Constant):
                found.append((node.args[0].value, [e.value for e in uses.elts if isinstance(e, ast.Constant)]))
    return found


def _module_graph(module, tree):
    imported = {}  # a name imported from a sibling module -> "sibling.name"
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            imported.update({alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names})
    local = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}

    def target(call, cls):
        function = call.func
        if isinstance(function, ast.Name):
            if function.id in imported:
                return imported[function.id]
            return f"{module}.{function.id}" if function.id in local else None
        if cls and isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name) \
                and function.value.id in ("self", "cls", cls):
            return f"{module}.{cls}.{function.attr}"
        return None

    def callees(node, cls=None):
        return [t for call in ast.walk(node) if isinstance(call, ast.Call) for t in [target(call, cls)] if t]

    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[f"{module}.{node.name}"] = callees(node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"{module}.{node.name}.{item.name}"] = callees(item, node.name)
    return found


def path(week):
    return TESTS_DIR / week / "fixtures" / FILE_NAME


def write(week):
    path(week).parent.mkdir(parents=True, exist_ok=True)
    path(week).write_text(json.dumps(graph(week), indent=1) + "\n", encoding="utf-8")
    return path(week)


def stale(week):
    """A description when the stored graph of ``week`` is missing or differs from the solutions'."""
    if not path(week).is_file():
        return f"{path(week).relative_to(TESTS_DIR.parent)}: missing"
    if json.loads(path(week).read_text(encoding="utf-8")) != graph(week):
        return f"{path(week).relative_to(TESTS_DIR.parent)}: the calls between the functions changed"
    return None


def _read(week):
    try:
        return json.loads(path(week).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no graph: reports without notes, grading goes on


def annotate(results):
    """Give every exercise that lost points while a function of the learner's it calls fails its own
    checks a note naming the root of that cascade (the failing callee whose own callees pass).

    Returns ``[(exercise, ["module.function", ...])]``: for each such exercise, every failing function
    of the learner's it reaches, which the reference can stand in for when it is graded again
    (:mod:`grader.sandbox.oracles`)."""
    plan = []
    for week in results.weeks:
        stored = _read(week.name)
        calls, checked_with = stored.get("calls", {}), stored.get("checked_with", {})
        calls = {name: calls.get(name, []) + checked_with.get(name, []) for name in {*calls, *checked_with}}
        status = {f"{e.module}.{e.name}": e.status for e in week.exercises}
        failing = {name for name, s in status.items() if s != PASSED}
        for exercise in week.exercises:
            if exercise.status in (PASSED, NOT_IMPLEMENTED):
                continue
            route = _reachable(f"{exercise.module}.{exercise.name}", calls)
            roots = [name for name in route if name in failing
                     and not any(other in failing for other in _reachable(name, calls))]
            if roots:
                direct_calls = stored.get("calls", {}).get(f"{exercise.module}.{exercise.name}", [])
                exercise.note = _note(roots, route, status, all(r in direct_calls or route[r] for r in roots))
                plan.append((exercise, sorted(name for name in route if name in failing)))
    return plan


def names(qualified):
    """``["module.function", ...]`` -> ``"propagate and optimize"`` (the short names, for a note)."""
    short = [_short(name) for name in qualified]
    return short[0] if len(short) == 1 else f"{', '.join(short[:-1])} and {short[-1]}"


def _reachable(start, calls):
    """``{name: the function through which start reaches it (None when it calls it directly)}``."""
    found, queue = {}, [(callee, None) for callee in calls.get(start, [])]
    while queue:
        name, via = queue.pop(0)
        if name in found or name == start:
            continue
        found[name] = via
        queue.extend((callee, via or name) for callee in calls.get(name, []))
    return found


def _short(name):
    return name.split(".", 1)[1]  # "module.function" -> "function", "module.Class.method" -> "Class.method"


def _note(roots, route, status, called=True):
    roots = roots[:3]
    which = names(roots)
    vias = {_short(route[r]) for r in roots if route[r]}
    through = f" through {', '.join(sorted(vias))}" if vias and len(roots) == 1 else ""
    if not called:  # a function the exercise's checks use (its gradient check differentiates it)
        state = "fails" if len(roots) == 1 else "fail"
        if all(status[r] == NOT_IMPLEMENTED for r in roots):
            return f"your {which}, which the checks of this exercise use, {'is' if len(roots) == 1 else 'are'} " \
                   "not written yet: write it first"
        return f"your {which}, which the checks of this exercise use, {state} its own checks: fix it first"
    if all(status[r] == NOT_IMPLEMENTED for r in roots):
        state = "is not written yet" if len(roots) == 1 else "are not written yet"
        return f"your {which}, which this calls{through}, {state}: write {'it' if len(roots) == 1 else 'them'} first"
    state = "fails its own checks" if len(roots) == 1 else "fail their own checks"
    return f"your {which}, which this calls{through}, {state}: fix {'it' if len(roots) == 1 else 'them'} first"
