"""Exercise stubs are generated from the solutions and kept up to date."""
import pytest

from grader.tools import stubs
from grader.course import CourseError, SOLUTIONS_DIR

SOLUTION = '''\
def f(x):
    """Doc."""
    y = x + 1
    ### BEGIN SOLUTION
    ### HINT: square it
    z = y ** 2
    ### END SOLUTION
    return z
'''


def test_a_block_becomes_a_placeholder_with_its_hints():
    assert stubs.stub_source(SOLUTION) == '''\
def f(x):
    """Doc."""
    y = x + 1
    # YOUR CODE HERE
    # Hint: square it
    raise NotImplementedError()
    return z
'''


@pytest.mark.parametrize("text, problem", [
    ("### END SOLUTION\n", "without"),
    ("### BEGIN SOLUTION\nx = 1\n", "never closed"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n", "inside another block"),
])
def test_broken_markers_are_reported_with_their_line(text, problem):
    with pytest.raises(CourseError, match=problem):
        stubs.stub_source(text, "s.py")


@pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
def test_exercises_are_up_to_date_with_the_solutions():
    stale = stubs.out_of_date()
    assert not stale, f"run `python -m grader stubs`: out of date: {[str(p) for p in stale]}"


@pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
def test_every_solution_function_with_a_block_raises_in_its_stub():
    for rel, text in stubs.generate().items():
        solution = (SOLUTIONS_DIR / rel).read_text(encoding="utf-8")
        assert text.count(stubs.PLACEHOLDER) == solution.count(stubs.BEGIN), rel


def test_regenerating_never_overwrites_a_learners_code(tmp_path):
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    (solutions / "week1").mkdir(parents=True)
    (solutions / "week1" / "m.py").write_text(SOLUTION)
    assert stubs.write(solutions, exercises) == [exercises / "week1" / "m.py"]
    mine = (exercises / "week1" / "m.py")
    mine.write_text(mine.read_text().replace(stubs.PLACEHOLDER, "z = y * y"))
    (solutions / "week1" / "m.py").write_text(SOLUTION.replace("square it", "multiply"))
    with pytest.raises(CourseError, match="your own code"):
        stubs.write(solutions, exercises)
    assert "z = y * y" in mine.read_text()
    stubs.write(solutions, exercises, force=True)
    assert "multiply" in mine.read_text()
