"""The mutation-score tool's cheap parts: the lists of equivalent mutants and the score arithmetic.

The mutation run itself takes about an hour (``tox -e mutation``); these tests keep its inputs honest.
"""
from types import SimpleNamespace

import pytest

from grader.tools import mutation
from grader.course import SOLUTIONS_DIR, weeks

pytestmark = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir() or not (SOLUTIONS_DIR.parent / "mistakes").is_dir(),
                                reason="the solutions and the lists of equivalent mutants are for instructors only")


@pytest.mark.parametrize("week", weeks())
def test_every_listed_equivalent_mutant_names_a_line_of_a_solution_block(week):
    for (file, line, mutated), why in mutation.equivalent_list(week).items():
        path = SOLUTIONS_DIR / week / file
        assert path.is_file(), f"{week}/{file}: no such solution module"
        text = path.read_text().splitlines()
        numbers = [n for n, source in enumerate(text, start=1) if source.strip() == line]
        assert numbers, f"{week}/{file}: the line {line!r} is gone; update equivalent_mutants.toml"
        assert any(n in mutation.solution_lines(path) for n in numbers), f"{week}/{file}: {line!r} is given code"
        assert mutated != line and len(why) > 20, f"{week}/{file}: {line!r} needs a mutant and a reason"


def _mutant(week, outcome, equivalent=""):
    return SimpleNamespace(week=week, outcome=outcome, seconds=1.0, equivalent_because=equivalent)


def test_the_score_leaves_out_equivalent_mutants_and_counts_errors_and_timeouts_as_killed():
    done = [_mutant("week1", "killed")] * 6 + [_mutant("week1", "timeout"), _mutant("week1", "error"),
                                                _mutant("week1", "survived", "same at 0"),
                                                _mutant("week1", "survived"), _mutant("week1", "no-test")]
    (score,) = mutation.scores(done, ["week1"])
    assert (score.mutants, score.killed, score.survived, score.equivalent) == (10, 8, 2, 1)
    assert score.score == pytest.approx(100 * 8 / 9)
    assert "| week1 | 10 | 8 | 2 | 1 | 88.9 % |" in mutation.table([score])
