"""The frozen reference values agree with what the solutions compute today."""
import pytest

from grader.tools import fixtures
from grader.course import SOLUTIONS_DIR


@pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
def test_fixture_files_are_current():
    problems = fixtures.stale()
    assert not problems, "run `python -m grader fixtures`:\n" + "\n".join(problems)
