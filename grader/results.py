"""The results model: what grading found, independent of how it is shown.

``TestResult`` (one pytest test item) -> ``ExerciseResult`` (one graded function) -> ``WeekResult``
-> ``GradingResults``. Renderers in :mod:`grader.render` turn a ``GradingResults`` into text, JSON,
Gradescope or JUnit output; the CLI chooses one.

Hidden cases (``tests/weekN/fixtures/hidden/``, instructors only) are test items like any other,
flagged ``hidden``; every level of the model can split its points into visible and hidden ones, and
reports show the split only when hidden cases were graded.

Messages, hints and notices repeat what a submission said (its exceptions, the names it chose), so
the model cleans them once, whenever one is set (:func:`clean_text`): every renderer can then rely on
text that is short, valid Unicode and free of terminal escapes.
"""
import math
import re
from dataclasses import dataclass, field
from typing import List, Optional

PASSED = "passed"
FAILED = "failed"
NOT_IMPLEMENTED = "not implemented"
ERROR = "error"
TIMED_OUT = "timed out"
CRASHED = "crashed"
STATUSES = (PASSED, FAILED, NOT_IMPLEMENTED, ERROR, TIMED_OUT, CRASHED)

MESSAGE_LIMIT = 2000  # characters of a test's message: the first failing check, not a dump
HINT_LIMIT = 500  # characters of a hint (the catalogue's sentences are far shorter)
NOTICE_LIMIT = 500  # characters of one notice for the person running the grader
SUBMISSION_LIMIT = 1000  # characters of the submission's label (a path) shown in reports
MAX_LINES = 12  # lines of any of them (the plugin keeps 8 of a message, and "...")
CUT_MARK = " ... (cut)"

# Terminal escape sequences, removed whole so that no "[31m" is left behind: CSI (ESC [ or the C1
# byte U+009B), OSC (ESC ], up to BEL, ESC \ or the line's end), and the other ESC sequences.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?")
# What remains to drop: C0 controls but tab and newline (\r included), DEL, C1 controls, the
# bidirectional marks, overrides and isolates, which reorder how a line reads, and the non-characters
# U+FFFE and U+FFFF, which XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# Line and paragraph separators count as line breaks for str.splitlines(): they become newlines,
# so that the cap on lines holds in every renderer.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text, limit, max_lines=MAX_LINES):
    """``text`` safe to show anywhere: valid Unicode, no control characters or escape sequences (tab
    and newline stay), at most ``max_lines`` lines and ``limit`` characters, with CUT_MARK when cut.

    For strings a submission may have written: lone surrogates (which no UTF-8 output can hold)
    become U+FFFD, and the work is bounded by ``limit``, whatever the length of ``text``. Cleaning
    clean text changes nothing, so a value may be cleaned again each time it is assigned.
    """
    if text is None:
        return ""
    if type(text) is not str:
        text = str(text)
    cut = len(text) > 4 * limit + 64  # room for escapes and controls that cleaning drops
    if cut:
        text = text[:4 * limit + 64]
    if _SURROGATE.search(text):
        # Pairs become the character they encode (as a JSON parser would read them); lone ones U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text.translate(_SEPARATORS)))
    if text.count("\n") >= max_lines:
        text = "\n".join(text.split("\n", max_lines)[:max_lines])
        cut = True
    if len(text) > limit:
        text = text[:max(limit - len(CUT_MARK), 0)]
        cut = True
    if not cut:
        return text
    text = text.rstrip()
    return text + CUT_MARK if text else CUT_MARK.strip()


class _CleanText(list):
    """A list of strings that cleans each one put into it (``GradingResults.notices``)."""

    limit = NOTICE_LIMIT  # also while unpickling, which appends the items before it sets attributes

    def __init__(self, items=(), limit=NOTICE_LIMIT):
        self.limit = limit
        super().__init__(clean_text(item, limit) for item in items)

    def append(self, item):
        super().append(clean_text(item, self.limit))

    def insert(self, index, item):
        super().insert(index, clean_text(item, self.limit))

    def extend(self, items):
        super().extend(clean_text(item, self.limit) for item in items)

    def __iadd__(self, items):
        self.extend(items)
        return self

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            value = [clean_text(item, self.limit) for item in value]
        else:
            value = clean_text(value, self.limit)
        super().__setitem__(index, value)


def round_points(x):
    return round(x + 0.0, 2)


def fsum(values):
    """The exact sum, whatever the order: pytest versions order parametrized items differently, and
    a float sum in another order can round a total such as 0.575 the other way."""
    return math.fsum(values)


class _VisibleAndHidden:
    """Points split into visible and hidden cases, for anything whose ``_items()`` are TestResults."""

    @property
    def has_hidden(self):
        return any(t.hidden for t in self._items())

    @property
    def hidden_points(self):
        return round_points(fsum(t.earned for t in self._items() if t.hidden))

    @property
    def hidden_max_points(self):
        return round_points(fsum(t.points for t in self._items() if t.hidden))

    @property
    def visible_points(self):
        return round_points(fsum(t.earned for t in self._items() if not t.hidden))

    @property
    def visible_max_points(self):
        return round_points(fsum(t.points for t in self._items() if not t.hidden))

    def _split_dict(self):
        """The split for ``to_dict``: nothing when no hidden case was graded, so reports stay as they were."""
        if not self.has_hidden:
            return {}
        return {"visible_points": self.visible_points, "visible_max_points": self.visible_max_points,
                "hidden_points": self.hidden_points, "hidden_max_points": self.hidden_max_points}


@dataclass
class TestResult:
    """One test item: ``tests/week1/test_numpy_basics.py::test_sigmoid_values[matrix]``."""

    __test__ = False  # not a pytest test class, despite the name

    nodeid: str
    name: str  # the item name, e.g. "test_sigmoid_values[matrix]"
    points: float  # this item's share of its test function's points
    status: str
    message: str = ""  # for a lost test: the first failing check, in words a learner can act on
    duration: float = 0.0
    hidden: bool = False  # a case of the hidden fixture set (its pytest id starts with "hidden-")
    hint: str = ""  # for a lost test whose result matches a catalogued mistake: which one, in a sentence

    _CLEANED = {"message": MESSAGE_LIMIT, "hint": HINT_LIMIT}  # not a field: no annotation

    def __setattr__(self, name, value):
        """Message and hint are cleaned whenever they are set: by ``__init__``, and by the plugin or a
        notebook submission when they change them later."""
        limit = self._CLEANED.get(name)
        super().__setattr__(name, value if limit is None else clean_text(value, limit))

    @property
    def passed(self):
        return self.status == PASSED

    @property
    def earned(self):
        return self.points if self.passed else 0.0

    def to_dict(self):
        return {"nodeid": self.nodeid, "name": self.name, "status": self.status,
                "points": round_points(self.earned), "max_points": round_points(self.points),
                "message": self.message, "hint": self.hint, "duration": round(self.duration, 4),
                "hidden": self.hidden}


@dataclass
class ExerciseResult(_VisibleAndHidden):
    """One graded function of one module, e.g. ``week1/numpy_basics.py: sigmoid``."""

    week: str
    module: str
    name: str
    tests: List[TestResult] = field(default_factory=list)
    note: str = ""  # where a cascade starts: a failing function of the learner's that this one calls

    def __setattr__(self, name, value):
        super().__setattr__(name, clean_text(value, HINT_LIMIT) if name == "note" else value)

    def _items(self):
        return self.tests

    def part(self, hidden):
        """The same exercise with only its hidden (or only its visible) test items."""
        return ExerciseResult(self.week, self.module, self.name, [t for t in self.tests if t.hidden == hidden],
                              self.note)

    @property
    def key(self):
        return f"{self.week}.{self.module}.{self.name}"

    @property
    def max_points(self):
        return round_points(fsum(t.points for t in self.tests))

    @property
    def points(self):
        return round_points(fsum(t.earned for t in self.tests))

    @property
    def first_failure(self) -> Optional[TestResult]:
        return next((t for t in self.tests if not t.passed), None)

    @property
    def status(self):
        """``passed``; ``not implemented`` when every test says so; else the first failure's status."""
        failure = self.first_failure
        if failure is None:
            return PASSED
        if all(t.status == NOT_IMPLEMENTED for t in self.tests):
            return NOT_IMPLEMENTED
        return failure.status

    @property
    def message(self):
        failure = self.first_failure
        return failure.message if failure is not None else ""

    @property
    def hint(self):
        """The likely mistake, from the first lost test that recognised one (the catalogue's sentence)."""
        return next((t.hint for t in self.tests if not t.passed and t.hint), "")

    def to_dict(self):
        return {"week": self.week, "module": self.module, "name": self.name, "status": self.status,
                "points": self.points, "max_points": self.max_points, "message": self.message,
                "hint": self.hint, "note": self.note,
                **self._split_dict(), "tests": [t.to_dict() for t in self.tests]}


class _Total(_VisibleAndHidden):
    """Points of a week or of a whole grading: the sums of what its ``_parts()`` show, so that a total
    always equals the sum of the lines above it in a report."""

    @property
    def max_points(self):
        return round_points(fsum(part.max_points for part in self._parts()))

    @property
    def points(self):
        return round_points(fsum(part.points for part in self._parts()))

    @property
    def percent(self):
        return 100.0 * self.points / self.max_points if self.max_points else 0.0


@dataclass
class WeekResult(_Total):
    name: str
    title: str = ""
    exercises: List[ExerciseResult] = field(default_factory=list)

    def _items(self):
        return [t for e in self.exercises for t in e.tests]

    def _parts(self):
        return self.exercises

    def modules(self):
        """Exercises grouped by module, in order of first appearance: ``[(module, [exercise, ...])]``."""
        groups = {}
        for exercise in self.exercises:
            groups.setdefault(exercise.module, []).append(exercise)
        return list(groups.items())

    def to_dict(self):
        return {"name": self.name, "title": self.title, "points": self.points,
                "max_points": self.max_points, "percent": round(self.percent, 1), **self._split_dict(),
                "exercises": [e.to_dict() for e in self.exercises]}


@dataclass
class GradingResults(_Total):
    submission: str  # the graded folder, as given by the user
    weeks: List[WeekResult] = field(default_factory=list)
    duration: float = 0.0
    notices: List[str] = field(default_factory=list)  # for the person running the grader, not the score
    seed: Optional[int] = None  # the grading seed of the inputs drawn at grading time (--seed repeats it)
    isolation: Optional[str] = None  # how the submission's code was jailed (grader.sandbox.jail: namespaces, user, none)

    def __setattr__(self, name, value):
        """Notices are a list that cleans what is appended to it; the submission's label (a folder's
        name, perhaps chosen by a learner) is cleaned too."""
        if name == "notices":
            value = _CleanText(value, NOTICE_LIMIT)
        elif name == "submission":
            value = clean_text(value, SUBMISSION_LIMIT, max_lines=1)
        super().__setattr__(name, value)

    def _items(self):
        return [t for w in self.weeks for e in w.exercises for t in e.tests]

    @property
    def exercises(self):
        return [e for w in self.weeks for e in w.exercises]

    def _parts(self):
        return self.weeks

    @property
    def full_marks(self):
        return self.max_points > 0 and self.points == self.max_points

    def to_dict(self):
        return {"submission": self.submission, "points": self.points, "max_points": self.max_points,
                "percent": round(self.percent, 1), "duration": round(self.duration, 3), "seed": self.seed,
                "isolation": self.isolation, **self._split_dict(), "weeks": [w.to_dict() for w in self.weeks]}
