"""Freeze the reference cases of every test module into their files, or check that the files are current.

``python -m grader fixtures [WEEK ...]`` rebuilds; ``--check`` only compares and lists what is stale.
Both import the reference solutions in this (trusted) process; grading never does.
"""
import importlib
import warnings

import numpy as np

from ..grading import calls
from .. import checks
from . import mistakes
from .. import codec
from ..cases import Case, Cases, read_file, read_mistakes, same_values, write_file
from ..course import CourseError, modules, relative, resolve_weeks


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
    """Rebuild the fixture files and the call graphs (:mod:`grader.grading.calls`); returns the paths written."""
    written = [calls.write(week) for week in resolve_weeks(weeks)]
    for cases, solution in case_sets(resolve_weeks(weeks)):
        frozen = cases.freeze(solution)
        write_file(cases.file, frozen, freeze_mistakes(cases, frozen))
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
        problems += _stale_mistakes(where, read_mistakes(cases.file), freeze_mistakes(cases, fresh))
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


def freeze_mistakes(cases, frozen):
    """What the catalogued mistakes return on the cases ``frozen`` from the reference, where it differs.

    ``{name: {"hints": {mistake_id: hint}, "cases": {case_id: {mistake_id: (result, inputs_after)}}}}``;
    ``inputs_after`` is None unless the mistake modified its inputs.
    """
    found = {}
    for name, (_, call) in cases.definitions.items():
        entries = mistakes.for_function(cases.week, cases.module, name)
        records = {"hints": {m.id: m.hint for m in entries}, "cases": {}}
        for entry in entries:
            module = mistakes.mistaken_module(entry)
            for case_id, (inputs, expected) in frozen.get(name, {}).items():
                record = _observe(Case(name, case_id, inputs, None, call), module)
                if record is not None and (not same_values(record[0], expected) or record[1] is not None):
                    records["cases"].setdefault(case_id, {})[entry.id] = record
        if entries:
            found[name] = records
    return found


def _observe(case, module):
    """``(result, inputs_after or None)`` of running ``case`` on a mistaken module; None if it raises."""
    inputs = case.inputs
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # wrong code warns (0/0, degrees of freedom): the result is what counts
            result = case._invoke(module, inputs)
    except Exception:  # a mistake that crashes here is recognised by its error message, not by a hint
        return None
    try:
        changed = codec.encode(inputs) != codec.encode(case.inputs)
        return codec.decode(codec.encode(result)), (inputs if changed else None)
    except (TypeError, ValueError):  # a result the codec cannot carry (an object): nothing to compare
        return None
