"""The version matrix's scoreboard: what it records and how two of them are compared."""
import json
import subprocess
import sys

import pytest

from grader.tools import mistakes, scoreboard
from grader.course import COURSE_ROOT, SOLUTIONS_DIR


def board(python, numpy, **entries):
    return {"versions": {"python": python, "numpy": numpy, "h5py": "3.6.0", "pytest": "7.4.0"}, "seed": 1,
            "entries": {key: {"points": p, "max_points": m, "status": s, "hint": ""}
                        for key, (p, m, s) in entries.items()}}


OLD = board("3.9.18", "1.22.0", **{"solutions:week2.propagate": (3, 3, "passed"),
                                   "stubs:week2.propagate": (0, 3, "not implemented"),
                                   "mistake:week2.logistic_regression.propagate:x": (1, 3, "failed"),
                                   "variant:week2.logistic_regression.propagate:y": (3, 3, "passed")})


def test_identical_scoreboards_have_no_differences_and_the_table_sums_each_group():
    assert scoreboard.differences([OLD, json.loads(json.dumps(OLD))]) == []
    table = scoreboard.totals_table([OLD], ["oldest"])
    assert "| oldest | 3.9.18 | 1.22.0 | 3.6.0 | 7.4.0 | 3/3 | 0/3 | 1/3 | 1/1 |" in table


def test_a_difference_in_points_or_status_is_found_but_not_one_in_wording():
    new = json.loads(json.dumps(OLD))
    new["entries"]["variant:week2.logistic_regression.propagate:y"].update(points=0.5, status="error")
    new["entries"]["mistake:week2.logistic_regression.propagate:x"]["hint"] = "worded by another NumPy"
    del new["entries"]["stubs:week2.propagate"]
    found = dict(scoreboard.differences([OLD, new]))
    assert set(found) == {"variant:week2.logistic_regression.propagate:y", "stubs:week2.propagate"}
    assert [scoreboard.describe(e) for e in found["stubs:week2.propagate"]] == ["0/3 not implemented", "missing"]


def grader(*args):
    return subprocess.run([sys.executable, "-m", "grader", "scoreboard", *map(str, args)], cwd=COURSE_ROOT,
                          capture_output=True, text=True, timeout=120)


def test_compare_exits_1_on_a_difference_and_2_on_bad_input(tmp_path):
    (tmp_path / "old.json").write_text(json.dumps(OLD))
    new = json.loads(json.dumps(OLD))
    new["entries"]["solutions:week2.propagate"]["points"] = 1.0
    (tmp_path / "new.json").write_text(json.dumps(new))
    (tmp_path / "broken.json").write_text("{")
    same = grader("--compare", tmp_path / "old.json", tmp_path / "old.json")
    assert same.returncode == 0 and "the same points and status for all 4 entries" in same.stdout
    differs = grader("--compare", tmp_path / "old.json", tmp_path / "new.json")
    assert differs.returncode == 1
    assert "differs: solutions:week2.propagate: 3/3 passed | 1/3 passed" in differs.stdout
    for bad in (["--compare", tmp_path / "old.json"], ["--compare", tmp_path / "old.json", tmp_path / "broken.json"],
                []):
        done = grader(*bad)
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the scoreboard grades the solutions (instructors only)")
def test_collect_grades_solutions_stubs_mistakes_and_variants_with_one_seed(monkeypatch):
    picked = [m for m in mistakes.catalogue(["week2"]) if m.function == "propagate"][:1]
    picked += mistakes.catalogue(["week2"], variants=True)[:1]
    monkeypatch.setattr(mistakes, "catalogue", lambda weeks, variants=False: [m for m in picked
                                                                             if m.is_variant == variants])
    result = scoreboard.collect(["week2"], seed=3, jobs=1)
    entries = result["entries"]
    assert result["seed"] == 3 and set(result["versions"]) == {"python", "numpy", "h5py", "pytest"}
    assert entries["solutions:week2.propagate"]["points"] == entries["solutions:week2.propagate"]["max_points"] == 3
    assert entries["stubs:week2.propagate"]["status"] == "not implemented"
    assert entries[f"mistake:{picked[0].key}"]["points"] < 3
    assert entries[f"variant:{picked[1].key}"]["points"] == 3
