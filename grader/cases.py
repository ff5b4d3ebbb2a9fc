"""Reference cases: inputs drawn from fixed seeds, expected outputs frozen from the solutions.

A test module declares its cases next to the tests that use them::

    cases = Cases(__file__)                      # tests/week1/fixtures/numpy_basics.h5

    @cases.define("sigmoid")
    def _(rng):
        return {"matrix": {"x": rng.standard_normal((3, 4))}, "large": {"x": np.array([-800.0, 800.0])}}

    @pytest.mark.exercise("sigmoid", points=1)
    @cases.parametrize("sigmoid")
    def test_sigmoid_matches_reference(case):
        checks.assert_close(case.run(nb), case.expected, "sigmoid(x)")

``python -m grader fixtures`` runs every definition against the reference solution (imported in the
trusted process, never in a worker) and writes the inputs and results to HDF5; grading only reads the
file. ``python -m grader fixtures --check`` (and a test) fails when the files are out of date.
``call(module, **inputs)`` in ``define`` replaces the default ``getattr(module, name)(**inputs)``
when a case needs several steps (build an object, fit it, read an attribute): the same function then
runs on the solution module when freezing and on the submission's proxy when grading.

Hidden cases: ``python -m grader fixtures --hidden`` freezes a second set of every definition into
``fixtures/hidden/<module>.h5``, drawn with another seed (same generators, so new values, and new
shapes where a generator draws them from its ``rng``); cases whose inputs do not depend on the seed
are left out, as nothing about them is hidden. Instructors keep these files in their own repository;
the student release (``python -m grader release``) leaves them out. Wherever the file exists,
:meth:`Cases.parametrize` adds its cases to the visible ones with pytest ids ``hidden-<case id>``,
sharing the test's points with them (the total of a week does not change); ``--no-hidden`` leaves
them out.
"""
import copy
import json
import zlib
from pathlib import Path

import numpy as np
import pytest

from . import checks, codec

FIXTURE_DIR = "fixtures"
HIDDEN_DIR = "hidden"  # fixtures/hidden/<module>.h5: the instructors' hidden cases
HIDDEN_SALT = "hidden"  # mixed into the seeds of the hidden cases
HIDDEN_PREFIX = "hidden-"  # pytest ids of hidden cases: test_sigmoid[hidden-matrix]


class Case:
    def __init__(self, name, id, inputs, expected, call, hidden=False):
        self.name, self.id, self._inputs, self.expected, self._call = name, id, inputs, expected, call
        self.hidden = hidden  # from the hidden fixture set; ``id`` is the generator's case id either way

    @property
    def inputs(self):
        """A fresh copy of the inputs (a test may modify it)."""
        return copy.deepcopy(self._inputs)

    def run(self, module):
        """Run this case on ``module``: the submission's proxy when grading, the solution when freezing."""
        if self._call is not None:
            return self._call(module, **self.inputs)
        return getattr(module, self.name)(**self.inputs)

    def assert_pure(self, module, label):
        """Run on the submission: the result must be right and every input left as it was."""
        if self._call is not None:
            raise TypeError("only single-call cases can be inspected for modified inputs")
        result, _, inputs_after = getattr(module, self.name).call_and_inspect(**self.inputs)
        checks.assert_close(result, self.expected, label)
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
    """The reference cases of one test module, stored in ``fixtures/<module>.h5`` beside it."""

    def __init__(self, test_file):
        path = Path(test_file).resolve()
        self.week = path.parent.name
        self.module = path.stem[len("test_"):]
        self.file = path.parent / FIXTURE_DIR / f"{self.module}.h5"
        self.hidden_file = path.parent / FIXTURE_DIR / HIDDEN_DIR / f"{self.module}.h5"
        self.definitions = {}  # name -> (generator, call)
        self._stored = None
        self._hidden = None

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
            try:
                self._stored = read_file(self.file) if self.file.is_file() else {}
            except (OSError, ValueError, TypeError, KeyError):  # damaged or from an older layout
                self._stored = {}  # every case reads as missing and tells the instructor what to run
        return self._stored

    def get(self, name):
        """The stored cases of ``name`` as a list of :class:`Case`."""
        call = self.definitions.get(name, (None, None))[1]
        stored = self.stored().get(name)
        if not stored:
            return [_MissingCase(name, self.file)]
        return [Case(name, case_id, inputs, expected, call) for case_id, (inputs, expected) in stored.items()]

    def hidden(self, name):
        """The hidden cases of ``name`` (empty without a hidden fixture file)."""
        if self._hidden is None:
            try:
                self._hidden = read_file(self.hidden_file) if self.hidden_file.is_file() else {}
            except (OSError, ValueError, TypeError, KeyError):
                self._hidden = {}  # a damaged hidden file must not stop the visible cases
        call = self.definitions.get(name, (None, None))[1]
        return [Case(name, case_id, inputs, expected, call, hidden=True)
                for case_id, (inputs, expected) in self._hidden.get(name, {}).items()]

    def parametrize(self, name):
        """``pytest.mark.parametrize("case", ...)`` over the stored cases of ``name``, hidden ones included."""
        cases = self.get(name) + self.hidden(name)
        return pytest.mark.parametrize("case", cases, ids=[HIDDEN_PREFIX * c.hidden + c.id for c in cases])

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
# One dataset per function: its cases ``{case_id: (inputs, expected)}`` in grader.codec's encoding
# (the same value model as the sandbox), so that loading a suite is one read per function. The
# case ids are kept as an attribute for anyone browsing the file with h5py or h5dump.
def write_file(path, frozen):
    """Store ``{name: {case_id: (inputs, expected)}}`` in an HDF5 file."""
    import h5py

    path.parent.mkdir(parents=True, exist_ok=True)
    with h5py.File(path, "w", track_order=True) as f:
        for name, cases in frozen.items():
            data = np.frombuffer(codec.encode(cases), dtype=np.uint8)
            dataset = f.create_dataset(name, data=data, track_times=False)
            dataset.attrs["cases"] = json.dumps(list(cases))


def read_file(path):
    import h5py

    with h5py.File(path, "r") as f:
        return {name: codec.decode(dataset[()].tobytes()) for name, dataset in f.items()}
