"""The catalogue of mistakes (mistakes/weekN/), the hints it gives and the hard-coding defence.

The slow part, grading every catalogued mistake and a hard-coding submission per exercise, is
``test_every_mistake_loses_points_and_shows_its_hint`` (one test per week; also ``tox -e mistakes``).
"""
import ast
import subprocess
import sys

import pytest

from grader.tools import mistakes

from grader.grading import seeds
from grader.course import COURSE_ROOT, SOLUTIONS_DIR, CourseError, weeks
from grader.tools.stubs import BEGIN, END

MINIMUM_PER_FUNCTION = 3

pytestmark = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir() or not mistakes.CATALOGUE_DIR.is_dir(),
                                reason="the catalogue and the solutions are for instructors only")


@pytest.fixture(scope="module")
def catalogue():
    return mistakes.catalogue()


@pytest.fixture(scope="module")
def graded_functions():
    return mistakes.exercises()


@pytest.mark.parametrize("week", weeks())
def test_every_graded_function_has_at_least_three_catalogued_mistakes(week, catalogue, graded_functions):
    counts = {(m, f): 0 for w, m, f in graded_functions if w == week}
    for entry in catalogue:
        if entry.week == week:
            assert (entry.module, entry.function) in counts, f"{entry.key} is not a graded function"
            counts[(entry.module, entry.function)] += 1
    short = [f"{m}.{f} ({n})" for (m, f), n in counts.items() if n < MINIMUM_PER_FUNCTION]
    assert not short, f"fewer than {MINIMUM_PER_FUNCTION} catalogued mistakes: {', '.join(short)}"


def _definition(tree, dotted):
    scope = tree.body
    for part in dotted.split("."):
        node = next(n for n in scope if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == part)
        scope = node.body
    return node


def test_each_mistake_and_variant_replaces_exactly_its_function(catalogue):
    for entry in catalogue + mistakes.catalogue(variants=True):
        patched = ast.parse(mistakes.patched_source(entry))
        original = ast.parse((SOLUTIONS_DIR / entry.week / f"{entry.module}.py").read_text())
        assert [ast.dump(n) for n in patched.body if not isinstance(n, ast.FunctionDef) or n.name != entry.function] \
            == [ast.dump(n) for n in original.body if not isinstance(n, ast.FunctionDef) or n.name != entry.function] \
            or "." in entry.function, f"{entry.key} changed more than its function"
        replaced = _definition(patched, entry.function)
        assert ast.dump(replaced.body[-1]) == ast.dump(ast.parse(entry.source).body[0].body[-1]), entry.key


def test_mistake_ids_are_unique_within_a_module(catalogue):
    keys = [(m.week, m.module, m.id) for m in catalogue]
    assert len(keys) == len(set(keys))


def test_hints_are_one_sentence_and_never_quote_the_solution(catalogue):
    # A whole solution line; test_hints.py also refuses a part of one (an expression, the loop bounds).
    solution_lines = {}
    for entry in catalogue:
        if entry.module not in solution_lines:
            text = (SOLUTIONS_DIR / entry.week / f"{entry.module}.py").read_text()
            inside, lines = False, []
            for line in text.splitlines():
                stripped = line.strip()
                inside = (inside or stripped == BEGIN) and stripped != END
                if inside and len(stripped) > 12 and not stripped.startswith("#"):
                    lines.append(stripped)
            solution_lines[entry.module] = lines
        assert entry.hint.endswith((".", "?", "!")) and "\n" not in entry.hint, entry.key
        quoted = [line for line in solution_lines[entry.module] if line in entry.hint]
        assert not quoted, f"the hint of {entry.key} quotes the solution: {quoted}"


def test_mistakes_and_variants_differ_from_the_solution(catalogue):
    for entry in catalogue + mistakes.catalogue(variants=True):
        reference = (SOLUTIONS_DIR / entry.week / f"{entry.module}.py").read_text()
        assert ast.dump(ast.parse(mistakes.patched_source(entry))) != ast.dump(ast.parse(reference)), entry.key


@pytest.mark.parametrize("week", weeks())
def test_every_mistake_loses_points_and_shows_its_hint(week):
    # `python -m grader mistakes` in a process of its own: it runs pytest sessions of its own.
    done = subprocess.run([sys.executable, "-m", "grader", "mistakes", week, "--jobs", "2"], cwd=COURSE_ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "every catalogued mistake and every hard-coding submission loses points" in done.stdout
    assert "every variant keeps full marks" in done.stdout


def test_variants_are_correct_code_the_mistakes_api_keeps_apart(catalogue):
    variants = mistakes.catalogue(variants=True)
    assert variants and all(v.is_variant for v in variants) and not any(m.is_variant for m in catalogue)
    for v in variants:  # never among the mistakes a hint is frozen for
        assert v.id not in [m.id for m in mistakes.for_function(v.week, v.module, v.function)]


def test_entries_are_named_and_ordered_as_in_their_catalogue_file(catalogue):
    # A patch is named by the module-level name it is assigned to, a function entry by its own name.
    for week, module in sorted({(m.week, m.module) for m in catalogue}):
        tree = ast.parse((mistakes.CATALOGUE_DIR / week / f"{module}.py").read_text())
        names = [n.name if isinstance(n, ast.FunctionDef) else n.targets[0].id for n in tree.body
                 if isinstance(n, ast.FunctionDef) and n.decorator_list
                 or isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)]
        assert [m.id for m in mistakes._entries(week, module)] == names, f"{week}/{module}.py"


# ------------------------------------------------------------------------------- patches
def _statements(source):
    """The statements of a definition without its docstring, as ``ast.unparse`` writes them."""
    function = ast.parse(source).body[0]
    assert ast.get_docstring(function), "the solution's docstring is kept"
    return [ast.unparse(statement) for statement in function.body[1:]]


def test_a_patch_replaces_a_run_of_lines_passing_over_comments():
    # The old lines stand apart from the solution markers (### END SOLUTION) between them.
    entry = mistakes.patch("sigmoid_backward", "A hint.",
                           {"s, _ = sigmoid(Z)": "", "dZ = dA * s * (1 - s)\nreturn dZ": "return dA * Z * (1 - Z)"})
    source = entry.source("week4", "deep_nn", "derivative_from_Z")
    assert source.startswith("def sigmoid_backward(dA, Z):\n")
    assert _statements(source) == ["return dA * Z * (1 - Z)"]


def test_a_patch_deletes_lines():
    entry = mistakes.patch("compute_cost", "A hint.", {"AL = np.clip(AL, EPS, 1 - EPS)": ""})
    assert _statements(entry.source("week4", "deep_nn", "no_clipping")) == [
        "m = Y.shape[1]", "cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m",
        "return float(np.squeeze(cost))"]


def test_a_patch_changes_a_method_keeping_the_indentation_of_its_new_lines():
    entry = mistakes.patch("DeepClassifier.cost", "A hint.", {
        "cost += self.lambd / (2 * m) * squares": "if squares:\n    cost += self.lambd / m * squares"})
    source = entry.source("week7", "trainer", "l2_without_one_half")
    assert source.startswith("def cost(self, AL, T, parameters=None):\n")
    assert "\n        if squares:\n            cost += self.lambd / m * squares\n" in source
    found = mistakes.Mistake("week7", "trainer", "DeepClassifier.cost", "l2_without_one_half", entry.hint, source)
    patched = _definition(ast.parse(mistakes.patched_source(found)), "DeepClassifier.cost")
    assert [ast.unparse(statement) for statement in patched.body[1:]] == _statements(source)


def test_old_lines_that_stand_nowhere_or_twice_are_an_error_naming_the_entry():
    nowhere = mistakes.patch("L_model_forward", "A hint.", {"caches.append(AL)": ""})
    with pytest.raises(CourseError, match=r"mistakes/week4/deep_nn.py, my_entry \(line \d+\): .* stands 0 times"):
        nowhere.source("week4", "deep_nn", "my_entry")
    twice = mistakes.patch("L_model_forward", "A hint.", {"caches.append(cache)": ""})
    with pytest.raises(CourseError, match=r"my_entry .* stands 2 times in the definition of L_model_forward"):
        twice.source("week4", "deep_nn", "my_entry")


def test_a_patch_follows_the_hint_rules_and_can_be_a_variant():
    with pytest.raises(ValueError, match="one sentence on one line"):
        mistakes.patch("sigmoid", "Two\nlines.", {})
    variant = mistakes.variant("compute_cost", "the clipping written with np.minimum and np.maximum",
                               {"AL = np.clip(AL, EPS, 1 - EPS)": "AL = np.minimum(np.maximum(AL, EPS), 1 - EPS)"})
    assert variant.hint == "variant: the clipping written with np.minimum and np.maximum"
    assert "AL = np.minimum(" in variant.source("week4", "deep_nn", "clip_by_hand")


# ---------------------------------------------------------------------------- end to end
def _sigmoid_mistake():
    return next(m for m in mistakes.catalogue(["week1"]) if m.function == "sigmoid")


def test_grading_a_catalogued_mistake_shows_its_hint_in_text_and_json(course):
    entry = _sigmoid_mistake()
    folder = course.root / "sigmoid-mistake"
    mistakes.write_submission(folder, "week1", {"numpy_basics": mistakes.patched_source(entry)})
    text = course.grader("week1", "--submission", folder, "--exercise", "sigmoid").stdout
    assert "hint: " + entry.hint[:40] in " ".join(text.split())
    code, exercises, report = course.grade_json("week1", "--submission", folder, "--exercise", "sigmoid")
    assert code == 1
    assert exercises["sigmoid"]["hint"] == entry.hint
    assert any(t["hint"] == entry.hint for t in exercises["sigmoid"]["tests"] if t["status"] != "passed")


def test_correct_code_gets_no_hint_and_the_seed_is_reported(course):
    code, exercises, report = course.grade_json("week1", "--solutions", "--exercise", "sigmoid", "--seed", "77")
    assert code == 0 and report["seed"] == 77
    assert exercises["sigmoid"]["hint"] == ""


def test_the_same_seed_repeats_a_grading_and_another_draws_new_inputs(course):
    folder = course.submission("relu-bug", {"week1/numpy_basics.py": "def relu(x):\n    return np.abs(x)\n"})

    def messages(seed):
        _, exercises, _ = course.grade_json("week1", "--submission", folder, "--exercise", "relu", "--seed", seed)
        return [t["message"] for t in exercises["relu"]["tests"]]

    assert messages(5) == messages(5)
    assert messages(5) != messages(6)
    text = course.grader("week1", "--submission", folder, "--exercise", "relu", "--seed", "5").stdout
    assert "--seed 5" in " ".join(text.split())


def test_slot_seeds_depend_on_the_session_and_the_slot():
    saved = seeds.session_seed()
    try:
        seeds.start_session(1)
        first = [seeds.slot_seed(("test_x", slot)) for slot in (0, 1)]
        assert first[0] != first[1]
        seeds.start_session(2)
        assert [seeds.slot_seed(("test_x", slot)) for slot in (0, 1)] != first
        seeds.start_session(1)
        assert [seeds.slot_seed(("test_x", slot)) for slot in (0, 1)] == first
    finally:
        seeds.start_session(saved)
