"""Every graded test can fail: it fails on the untouched stub and passes on the solution."""
import ast

import pytest

from grader.course import SOLUTIONS_DIR, TESTS_DIR, weeks


def _tests(report):
    return [(e["name"], t) for w in report["weeks"] for e in w["exercises"] for t in e["tests"]]


def test_every_graded_test_fails_on_the_stubs(stub_report):
    code, report = stub_report
    passing = [t["nodeid"] for _, t in _tests(report) if t["status"] == "passed"]
    assert code == 1 and _tests(report)
    assert not passing, f"these tests pass on the untouched stubs, so they cannot fail: {passing}"


def test_stubs_fail_as_not_implemented(stub_report):
    _, report = stub_report
    other = [(t["nodeid"], t["status"], t["message"]) for _, t in _tests(report) if t["status"] != "not implemented"]
    assert not other


@pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
def test_every_graded_test_passes_on_the_solutions(solution_report):
    code, report = solution_report
    failing = [(t["nodeid"], t["message"]) for _, t in _tests(report) if t["status"] != "passed"]
    assert not failing
    assert code == 0


@pytest.mark.parametrize("week", weeks())
def test_every_test_in_a_week_names_its_exercise(week):
    for path in sorted((TESTS_DIR / week).glob("test_*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                markers = [ast.unparse(d) for d in node.decorator_list]
                assert any(m.startswith("pytest.mark.exercise(") for m in markers), f"{path.name}::{node.name}"
