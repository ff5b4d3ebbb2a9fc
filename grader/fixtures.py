"""Freeze the reference cases of every test module into HDF5, or check that the files are current.

``python -m grader fixtures [WEEK ...]`` rebuilds; ``--check`` only compares and lists what is stale.
Both import the reference solutions in this (trusted) process; grading never does.
"""
import importlib

from . import calls, checks
from .cases import Cases, read_file, read_mistakes, same_values, write_file
from .course import CourseError, modules, relative, resolve_weeks


def case_sets(weeks):
    """``(Cases, solution_module)`` for every test module that declares reference cases."""
    for week in weeks:
        for module in modules(week):
            test_module = importlib.import_module(f"tests.{week}.test_{module}")
            for cases in vars(test_module).values():
                if isinstance(cases, Cases) and cases.definitions:
                    try:
                        solution = importlib.import_module(f"solutions.{week}.{module}")
                    except ModuleNotFoundError as exc:
                        raise CourseError(f"cannot freeze fixtures without the solutions: {exc}") from None
                    yield cases, solution


def build(weeks=None):
    """Rebuild the fixture files and the call graphs (:mod:`grader.calls`); returns the paths written."""
    written = [calls.write(week) for week in resolve_weeks(weeks)]
    for cases, solution in case_sets(resolve_weeks(weeks)):
        frozen = cases.freeze(solution)
        write_file(cases.file, frozen, cases.freeze_mistakes(frozen))
        written.append(cases.file)
    return written


def stale(weeks=None):
    """Descriptions of the fixtures that differ from what the solutions produce now (empty: all current)."""
    problems = [problem for problem in map(calls.stale, resolve_weeks(weeks)) if problem]
    for cases, solution in case_sets(resolve_weeks(weeks)):
        where = relative(cases.file)
        if not cases.file.is_file():
            problems.append(f"{where}: missing")
            continue
        stored, fresh = read_file(cases.file), cases.freeze(solution)
        for name in sorted(set(stored) | set(fresh)):
            if name not in fresh or name not in stored or list(stored[name]) != list(fresh[name]):
                problems.append(f"{where}: the cases of {name!r} changed")
                continue
            for case_id, (inputs, expected) in fresh[name].items():
                try:
                    # Inputs are drawn and computed by NumPy here: equal up to the rounding of this machine's
                    # SIMD and BLAS kernels (another processor may differ in the last bit).
                    checks.assert_close(stored[name][case_id][0], inputs, f"{name}[{case_id}] inputs", 1e-12, 1e-15)
                    checks.assert_close(stored[name][case_id][1], expected, f"{name}[{case_id}]", 1e-9, 1e-12)
                except AssertionError as exc:
                    problems.append(f"{where}: {exc}")
        problems += _stale_mistakes(where, read_mistakes(cases.file), cases.freeze_mistakes(fresh))
    return problems


def _stale_mistakes(where, stored, fresh):
    """What differs in the stored results of the catalogued mistakes (their hints included)."""
    problems = []
    for name in sorted(set(stored) | set(fresh)):
        if name not in fresh or name not in stored:
            problems.append(f"{where}: the catalogued mistakes of {name!r} changed")
            continue
        # atol 1e-8: some mistakes return rounding noise (a gradient check's difference near 1e-9).
        if not same_values(stored[name], fresh[name], 1e-9, 1e-8):
            problems.append(f"{where}: what the catalogued mistakes of {name!r} return changed")
    return problems


