"""The same grade on every machine: the course's scores here, written to compare with another's.

``python -m grader scoreboard --output FILE`` grades, with one fixed seed, the reference solutions and
the untouched stubs of every week (each exercise's points and status), every catalogued mistake
(the points, status and hint of the function it breaks) and every variant (correct code written
another way, :func:`grader.tools.mistakes.variant`), and writes them with the versions of Python, NumPy,
h5py and pytest. ``python -m grader scoreboard --compare A B ...`` lists every entry whose points or
status differ between the files (exit status 1 when one does) and prints a table of totals.

The version matrix (``.ci/versions`` here, ``.github/workflows/grade-solutions.yml`` on GitHub) writes
one file on the oldest and one on the newest NumPy and Python that ``pyproject.toml`` supports and
compares them: a submission must get the same grade on both.
"""
import json
import platform
from pathlib import Path

from . import mistakes
from ..course import EXERCISES_DIR, SOLUTIONS_DIR, CourseError, resolve_weeks

DEFAULT_SEED = 1
COMPARED = ("points", "status")  # a hint or a message may be worded by NumPy itself (its error messages)


def versions():
    """``{"python": "3.11.7", "numpy": ..., "h5py": ..., "pytest": ...}`` of this process."""
    import h5py
    import numpy
    import pytest

    return {"python": platform.python_version(), "numpy": numpy.__version__, "h5py": h5py.__version__,
            "pytest": pytest.__version__}


def collect(weeks=None, seed=DEFAULT_SEED, jobs=1, progress=None):
    """``{"versions": ..., "seed": ..., "entries": {key: {"points", "max_points", "status", "hint"}}}``."""
    from .. import grading

    weeks = resolve_weeks(weeks)
    entries = {}
    for label, folder in (("solutions", SOLUTIONS_DIR), ("stubs", EXERCISES_DIR)):
        submission = grading.Submission(folder.resolve(), weeks, grading.test_files(weeks), label)
        for exercise in grading.grade(submission, seed=seed, trusted=True).exercises:
            entries[f"{label}:{exercise.week}.{exercise.name}"] = _entry(exercise.points, exercise.max_points,
                                                                        exercise.status, exercise.hint)
        if progress:
            progress(f"graded the {label}")
    graded = mistakes.catalogue(weeks) + mistakes.catalogue(weeks, variants=True)
    for outcome, entry in zip(mistakes.check(graded, jobs, seed=seed), graded):
        kind = "variant" if entry.is_variant else "mistake"
        entries[f"{kind}:{entry.key}"] = _entry(outcome.points, outcome.max_points, outcome.status, outcome.hint)
    if progress:
        progress(f"graded {len(graded)} catalogued mistakes and variants")
    return {"versions": versions(), "seed": seed, "entries": entries}


def _entry(points, max_points, status, hint):
    return {"points": round(float(points), 6), "max_points": float(max_points), "status": status, "hint": hint}


def read(path):
    try:
        board = json.loads(Path(path).read_text(encoding="utf-8"))
        board["entries"], board["versions"]  # noqa: B018 (a scoreboard has both)
        return board
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CourseError(f"{path} is not a scoreboard written by python -m grader scoreboard ({exc})") from None


def differences(boards):
    """``[(key, [entry or None per board])]`` for every entry whose points or status are not the same in all."""
    keys = sorted(set().union(*(board["entries"] for board in boards)))
    found = []
    for key in keys:
        found_here = [board["entries"].get(key) for board in boards]
        if any(e is None for e in found_here) or len({tuple(e[f] for f in COMPARED) for e in found_here}) > 1:
            found.append((key, found_here))
    return found


def totals_table(boards, names):
    """A Markdown table: per scoreboard, its versions and the points of each group of entries."""
    rows = ["| scoreboard | Python | NumPy | h5py | pytest | solutions | stubs | catalogued mistakes "
            "(points kept) | variants at full marks |", "|---|---|---|---|---|---|---|---|---|"]
    for board, name in zip(boards, names):
        v, groups = board["versions"], {}
        for key, entry in board["entries"].items():
            group = groups.setdefault(key.split(":", 1)[0], [0.0, 0.0, 0, 0])
            group[0] += entry["points"]
            group[1] += entry["max_points"]
            group[2] += entry["points"] >= entry["max_points"]
            group[3] += 1

        def points(kind):
            got, total, _, _ = groups.get(kind, [0, 0, 0, 0])
            return f"{got:g}/{total:g}"

        full, count = groups.get("variant", [0, 0, 0, 0])[2:]
        rows.append(f"| {name} | {v['python']} | {v['numpy']} | {v['h5py']} | {v['pytest']} | {points('solutions')} | "
                    f"{points('stubs')} | {points('mistake')} | {full}/{count} |")
    return "\n".join(rows)


def describe(entry):
    if entry is None:
        return "missing"
    return f"{entry['points']:g}/{entry['max_points']:g} {entry['status']}"
