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
from grader.course import COURSE_ROOT, SOLUTIONS_DIR, weeks
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
