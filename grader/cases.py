"""Reference cases: inputs drawn from fixed seeds, expected outputs frozen from the solutions.

A test module declares its cases next to the tests that use them::

    cases = Cases(__file__)                      # tests/week1/fixtures/numpy_basics.zip

    @cases.define("sigmoid")
    def _(rng):
        return {"matrix": {"x": rng.standard_normal((3, 4))}, "large": {"x": np.array([-800.0, 800.0])}}

    @pytest.mark.exercise("sigmoid", points=1)
    @cases.parametrize("sigmoid")
    def test_sigmoid_matches_reference(case):
        checks.assert_close(case.run(nb), case.expected, "sigmoid(x)")

``python -m grader fixtures`` runs every definition against the reference solution (imported in the
trusted process, never in a worker) and writes the inputs and results to a zip file (:func:`write_file`);
grading only reads it. ``python -m grader fixtures --check`` (and a test) fails when the files are out of date.
``call(module, **inputs)`` in ``define`` replaces the default ``getattr(module, name)(**inputs)``
when a case needs several steps (build an object, fit it, read an attribute): the same function then
runs on the solution module when freezing and on the submission's proxy when grading.

Catalogued mistakes (:mod:`grader.tools.mistakes`): freezing also runs every mistake of a function on its
cases and stores, beside them, what each mistake returns where that differs from the reference (and
the inputs after the call, where the mistake modifies them), with the mistake's one-sentence hint.
When a graded test fails and the submission's result on one of the function's cases matches a
mistake's, :func:`recognised_hint` gives that hint for the report. Only results and hints are
stored, never the mistakes' code.

Hidden cases: ``python -m grader fixtures --hidden`` freezes a second set of every definition into
``fixtures/hidden/<module>.zip``, drawn with another seed (same generators, so new values, and new
shapes where a generator draws them from its ``rng``); cases whose inputs do not depend on the seed
are left out, as nothing about them is hidden. Instructors keep these files in their own repository;
the student release (``python -m grader release``) leaves them out. Wherever the file exists,
:meth:`Cases.parametrize` adds its cases to the visible ones with pytest ids ``hidden-<case id>``,
sharing the test's points with them (the total of a week does not change); ``--no-hidden`` leaves
them out.
"""
import copy
import functools
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from . import checks, codec
from .course import TESTS_DIR, CourseError, relative

FIXTURE_DIR = "fixtures"
FIXTURE_SUFFIX = ".zip"
HIDDEN_DIR = "hidden"  # fixtures/hidden/<module>.zip: the instructors' hidden cases
HIDDEN_SALT = "hidden"  # mixed into the seeds of the hidden cases
HIDDEN_PREFIX = "hidden-"  # pytest ids of hidden cases: test_sigmoid[hidden-matrix]


MISTAKES_GROUP = "mistakes"  # in a fixture file: one dataset per function, {"hints": ..., "cases": ...}

_recent = []  # (case, result, inputs after the call or None) of the calls made by the running test
# What each case returned in this grading session, while remembering is on: the tests that check one
# value each of a case's result (cases.each_value) share one call of the submission, as one test
# checking them all would. (id(case), id(module), inspected) -> (case, module, result or exception)
_results = None


def forget_recent():
    """Called before each test: the results it sees are its own."""
    _recent.clear()


def remember_results(memory):
    """Run each case once per module, remembering its results in ``memory`` (a dict: ``{}`` for a new
    grading session), or at every request (None). Returns the memory it replaces, to put back."""
    global _results
    previous, _results = _results, memory
    return previous


def _once(case, module, inspected, call):
    if _results is None:
        return call()
    key = (id(case), id(module), inspected)
    if key not in _results:
        try:
            _results[key] = (case, module, call())
        except Exception as exc:  # noqa: BLE001 - the submission's error, raised again for each value
            _results[key] = (case, module, exc)
    outcome = _results[key][2]
    if isinstance(outcome, Exception):
        raise copy.copy(outcome).with_traceback(None)
    return codec.copied(outcome)  # a test may change what it was given


def recent():
    """What the running test saw: for :func:`recognised_hint`, later."""
    return list(_recent)


def recognised_hint(name, seen=None):
    """The hint of the first catalogued mistake of ``name`` whose results the running test saw (or
    ``seen``, what :func:`recent` returned for another test)."""
    for case, result, inputs_after in _recent if seen is None else seen:
        if case.name != name:
            continue
        for record in case.mistakes:
            if same_values(result, record["result"]) and (
                    record["inputs_after"] is None or
                    (inputs_after is not None and same_values(inputs_after, record["inputs_after"]))):
                return record["hint"]
    return ""


def same_values(actual, expected, rtol=1e-6, atol=1e-8):
    """Whether ``actual`` is ``expected``: same structure, types and shapes, values close (NaN equals NaN).

    Unlike :func:`grader.checks.assert_close` it accepts NaN and infinity, which wrong code returns,
    and it tells a float from an integer or a boolean, which learners return by mistake.
    Only plain data: an object still in the worker never matches, so a hint never calls the submission.
    """
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and set(actual) == set(expected)
                and all(same_values(actual[k], expected[k], rtol, atol) for k in expected))
    if isinstance(expected, (tuple, list)):
        return (isinstance(actual, (tuple, list)) and len(actual) == len(expected)
                and all(same_values(a, e, rtol, atol) for a, e in zip(actual, expected)))
    if isinstance(expected, np.ndarray):
        return (isinstance(actual, np.ndarray) and actual.shape == expected.shape
                and _kind(actual.dtype.kind) == _kind(expected.dtype.kind) != "other"
                and bool(np.allclose(actual, expected, rtol, atol, equal_nan=True)))
    if isinstance(expected, (float, np.floating)):
        return (isinstance(actual, (float, np.floating))
                and bool(np.isclose(float(actual), float(expected), rtol, atol, equal_nan=True)))
    if isinstance(expected, (bool, int, str, np.integer, np.bool_)) or expected is None:
        return type(actual) is type(expected) and actual == expected
    return False


def _kind(dtype_kind):
    """Booleans, integers and floats are told apart: returning 0/1 integers is a mistake of its own."""
    return {"b": "bool", "i": "int", "u": "int", "f": "float"}.get(dtype_kind, "other")


class Case:
    def __init__(self, name, id, inputs, expected, call, hidden=False, mistakes=()):
        self.name, self.id, self._inputs, self.expected, self._call = name, id, inputs, expected, call
        self.hidden = hidden  # from the hidden fixture set; ``id`` is the generator's case id either way
        # [{"hint", "result", "inputs_after"}]: what catalogued mistakes return here; or a function that
        # reads them, so that a submission that loses no points never loads them
        self._mistakes = mistakes

    @property
    def mistakes(self):
        if callable(self._mistakes):
            self._mistakes = self._mistakes()
        return self._mistakes

    @property
    def inputs(self):
        """A fresh copy of the inputs (a test may modify it)."""
        return copy.deepcopy(self._inputs)

    def run(self, module):
        """Run this case on ``module``: the submission's proxy when grading, the solution when freezing."""
        result = _once(self, module, False, lambda: self._invoke(module, self.inputs))
        _recent.append((self, result, None))
        return result

    def _invoke(self, module, inputs):
        if self._call is not None:
            return self._call(module, **inputs)
        return getattr(module, self.name)(**inputs)

    def assert_pure(self, module, label, path=None):
        """Run on the submission: the result must be right and every input left as it was. With
        ``path`` (positions and keys into the result, or a list of such paths) only that value of the
        result is checked, so that each value is scored on its own."""
        if self._call is not None:
            raise TypeError("only single-call cases can be inspected for modified inputs")
        result, _, inputs_after = _once(self, module, True,
                                        lambda: getattr(module, self.name).call_and_inspect(**self.inputs))
        _recent.append((self, result, inputs_after))
        for one in [()] if path is None else path if isinstance(path, list) else [path]:
            checks.assert_value_close(result, self.expected, one, label)
        checks.assert_not_mutated(self.inputs, inputs_after, f"{label}: the argument")

    def __repr__(self):
        return f"<case {self.name}[{self.id}]>"


class _MissingCase(Case):
    def __init__(self, name, file):
        super().__init__(name, "missing-fixture", {}, None, None)
        self.file = file

    def run(self, module):
        raise RuntimeError(f"no reference cases for {self.name!r} in {self.file}; "
                           "an instructor must run `python -m grader fixtures`")


class Cases:
    """The reference cases of one test module, stored in ``fixtures/<module>.zip`` beside it."""

    def __init__(self, test_file):
        path = Path(test_file).resolve()
        self.week = path.parent.name
        self.module = path.stem[len("test_"):]
        self.file = fixture_file(self.week, self.module)
        self.hidden_file = path.parent / FIXTURE_DIR / HIDDEN_DIR / f"{self.module}{FIXTURE_SUFFIX}"
        self.definitions = {}  # name -> (generator, call)
        self._stored = None
        self._hidden = None
        self._mistakes = None

    # ------------------------------------------------------------------------------ declaring
    def define(self, name, call=None):
        """Decorator: ``generator(rng) -> {case_id: inputs_dict}`` for the function ``name``."""
        def register(generator):
            self.definitions[name] = (generator, call)
            return generator
        return register

    def seed(self, name, salt=""):
        return zlib.crc32(f"{self.week}.{self.module}.{name}{'.' + salt if salt else ''}".encode())

    def generate(self, name, salt=""):
        generator, _ = self.definitions[name]
        return generator(np.random.default_rng(self.seed(name, salt)))

    # ------------------------------------------------------------------------------- grading
    def stored(self):
        if self._stored is None:
            # damaged or from an older layout: every case reads as missing and tells the instructor what to run
            self._stored = _read_or_empty(read_file, self.file)
        return self._stored

    def get(self, name):
        """The stored cases of ``name`` as a list of :class:`Case`."""
        call = self.definitions.get(name, (None, None))[1]
        stored = self.stored().get(name)
        if not stored:
            return [_MissingCase(name, self.file)]
        return [Case(name, case_id, inputs, expected, call,
                     mistakes=functools.partial(self._mistakes_of, name, case_id))
                for case_id, (inputs, expected) in stored.items()]

    def _mistakes_of(self, name, case_id):
        mistakes = self.stored_mistakes().get(name, {"hints": {}, "cases": {}})
        return [{"hint": mistakes["hints"][mistake_id], "result": result, "inputs_after": inputs_after}
                for mistake_id, (result, inputs_after) in mistakes["cases"].get(case_id, {}).items()]

    def stored_mistakes(self):
        """``{name: {"hints": {mistake: hint}, "cases": {case_id: {mistake: (result, inputs_after)}}}}``."""
        if self._mistakes is None:
            self._mistakes = _read_or_empty(read_mistakes, self.file)  # hints help; without them grading goes on
        return self._mistakes

    def hidden(self, name):
        """The hidden cases of ``name`` (empty without a hidden fixture file)."""
        if self._hidden is None:
            older = self.hidden_file.with_suffix(".h5")
            if older.is_file() and not self.hidden_file.is_file():  # kept out of grading silently, its cases would be lost
                raise CourseError(f"{relative(older)} holds hidden cases in the format of an older grader: "
                                  "rebuild them with python -m grader fixtures --hidden")
            self._hidden = _read_or_empty(read_file, self.hidden_file)  # a damaged one must not stop the visible cases
        call = self.definitions.get(name, (None, None))[1]
        return [Case(name, case_id, inputs, expected, call, hidden=True)
                for case_id, (inputs, expected) in self._hidden.get(name, {}).items()]

    def parametrize(self, name):
        """``pytest.mark.parametrize("case", ...)`` over the stored cases of ``name``, hidden ones included."""
        cases = self.get(name) + self.hidden(name)
        return pytest.mark.parametrize("case", cases, ids=[HIDDEN_PREFIX * c.hidden + c.id for c in cases])

    def each_value(self, name, values):
        """:meth:`parametrize`, each case once per returned value ``values(case)`` (``"case, value"``),
        so that each value is scored on its own."""
        mark = self.parametrize(name)
        argvalues, ids = [], []
        for case, case_id in zip(mark.args[1], mark.kwargs["ids"]):
            for value in (values(case) if case.expected is not None else [None]):  # None: no fixture
                argvalues.append((case, value))
                ids.append(f"{case_id}-{value}")
        return pytest.mark.parametrize("case, value", argvalues, ids=ids)

    def case(self, name, case_id):
        return next(c for c in self.get(name) if c.id == case_id)

    # ------------------------------------------------------------------------------- freezing
    def freeze(self, solution_module, hidden=False):
        """``{name: {case_id: (inputs, expected)}}`` computed with the reference solution.

        ``hidden``: the hidden set, without the cases whose inputs are the visible ones.
        """
        frozen = {}
        for name, (_, call) in self.definitions.items():
            visible = self.generate(name) if hidden else {}
            cases = {}
            for case_id, inputs in self.generate(name, HIDDEN_SALT if hidden else "").items():
                if case_id in visible and codec.encode(visible[case_id]) == codec.encode(inputs):
                    continue
                cases[case_id] = (inputs, Case(name, case_id, inputs, None, call).run(solution_module))
            if cases or not hidden:
                frozen[name] = cases
        return frozen


# ------------------------------------------------------------------------------------ storage
# A zip archive with one member per function: its cases ``{case_id: (inputs, expected)}`` in
# grader.codec's encoding (the same value model as the sandbox), so that loading a suite is one read
# per function; the catalogued mistakes' records are the members ``mistakes/<function>``. Not HDF5:
# importing h5py was a third of the time pytest takes to collect a week's tests, before any test
# could start. `unzip -l` lists the functions.
_STORED_AT = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: rebuilding unchanged cases gives the same bytes


def fixture_file(week, module):
    """Where the reference cases of ``tests/<week>/test_<module>.py`` are stored."""
    return TESTS_DIR / week / FIXTURE_DIR / f"{module}{FIXTURE_SUFFIX}"


def write_file(path, frozen, mistakes=None):
    """Store ``{name: {case_id: (inputs, expected)}}`` (and the catalogued mistakes' records of
    :func:`grader.tools.fixtures.freeze_mistakes`) in a fixture file."""
    members = {**frozen, **{f"{MISTAKES_GROUP}/{name}": records for name, records in (mistakes or {}).items()}}
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, value in members.items():
            archive.writestr(zipfile.ZipInfo(name, _STORED_AT), codec.encode(value))


def _read_or_empty(reader, path):
    """``reader(path)``, or ``{}`` when the file is missing, damaged or from an older layout."""
    try:
        return reader(path) if path.is_file() else {}
    except (OSError, ValueError, TypeError, KeyError, zipfile.BadZipFile):
        return {}


def read_file(path):
    """``{name: {case_id: (inputs, expected)}}`` of a fixture file."""
    return _read_members(path, "")


def read_mistakes(path):
    """``{name: records}`` of the catalogued mistakes stored in a fixture file."""
    return _read_members(path, MISTAKES_GROUP + "/")


MAX_MEMBER_BYTES = 64 * 2**20  # far above any function's cases; a file swapped for a zip bomb reads as damaged


def _read_members(path, prefix):
    with zipfile.ZipFile(path) as archive:
        members = [info for info in archive.infolist()
                   if info.filename.startswith(prefix) and "/" not in info.filename[len(prefix):]]
        if any(info.compress_type != zipfile.ZIP_STORED or info.file_size > MAX_MEMBER_BYTES for info in members):
            raise ValueError(f"{path}: not a fixture file written by the grader")
        return {info.filename[len(prefix):]: codec.decode(archive.read(info)) for info in members}


def recognisable_hints(week, module, name):
    """The ids of the catalogued mistakes of ``name`` that some stored case can recognise."""
    path = fixture_file(week, module)
    records = read_mistakes(path).get(name, {"cases": {}}) if path.is_file() else {"cases": {}}
    return {mistake_id for by_mistake in records["cases"].values() for mistake_id in by_mistake}
