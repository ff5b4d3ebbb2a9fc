"""The catalogue of mistakes: wrong implementations learners really write, and proof that the suites
reject every one of them.

``mistakes/weekN/<module>.py`` mirrors ``solutions/weekN/<module>.py``. An entry is a wrong version
of a graded function (``name`` or ``Class.method``) with a one-sentence hint, written in one of two ways:

- a **patch** (:func:`patch`): changes ``{old: new}`` to the solution's definition of the function,
  made in order; the entry's id is the module-level name it is assigned to::

      derivative_from_Z = patch("sigmoid_backward", "This looks like sigma'(Z) computed as Z * (1 - Z): ...",
          {"s, _ = sigmoid(Z)\\ndZ = dA * s * (1 - s)": "dZ = dA * Z * (1 - Z)"})

  ``old`` is one or more whole lines of the definition, compared without their surrounding
  whitespace and their comments; it must stand there exactly once (blank and comment-only lines of
  the definition, such as the solution markers, are passed over and go with the lines around them).
  ``new`` replaces them, indented like the first of them with its own relative indentation kept;
  ``""`` deletes them.
- a whole function decorated with :func:`mistake`, for a mistake that rewrites the function: written
  as the learner would write it (same arguments, same module-level names available, ``self`` first
  for a method), its id is its name::

      @mistake("sigmoid", "exp(x) in place of exp(-x) computes sigmoid(-x): check the sign of the exponent.")
      def exp_without_minus(x):
          return 1 / (1 + np.exp(x))

Entries keep the order of their file.

A mistake is applied by replacing the graded function's definition in the reference module with the
entry's (:func:`patched_source`), so it runs exactly as a learner's module would, calling the
module's other functions. The catalogue is instructors' data: it stays out of ``exercises/`` and out
of the student release, since a mistake is a solution with one thing wrong.

Three uses:

- ``python -m grader fixtures`` stores, for every reference case, what each mistake of the function
  returns there (when it differs from the reference), with its hint, so that grading can recognise a
  mistake without the catalogue (:mod:`grader.cases`).
- :func:`check` grades each mistake (the reference solution with that one function replaced) and
  reports whether its function lost points and whether the report showed its hint.
- :func:`check_memorisers` grades, for every exercise, a submission that replays what the reference
  returned in another grading session (another seed) and otherwise returns a remembered answer: the
  hard-coding defence holds when each such submission loses points.

The same files also hold **variants** (:func:`variant`, a decorator, or a patch when given the
changes): correct code written another way than the reference (the cost as the (1, 1) array that
``np.dot`` gives, a loop written as the Deep Learning Specialization writes it). Each must keep full
marks, on every supported NumPy and Python: the version matrix (:mod:`grader.tools.scoreboard`)
grades them with the mistakes.

``python -m grader mistakes`` runs these checks and prints a table.
"""
import ast
import functools
import importlib
import inspect
import re
import shutil
import sys
import tempfile
import textwrap
import types
from dataclasses import dataclass, field
from pathlib import Path

from ..course import COURSE_ROOT, SOLUTIONS_DIR, TESTS_DIR, CourseError, modules, resolve_weeks
from .parallel import map_in_processes

CATALOGUE_DIR = COURSE_ROOT / "mistakes"
_ATTRIBUTE = "__course_mistake__"
_VARIANT = "variant: "  # the start of a variant's description, where a mistake has its hint


def mistake(function, hint):
    """Decorator marking a catalogue entry: a wrong version of ``function`` (``name`` or ``Class.method``)."""
    hint = _one_line(function, hint)

    def register(wrong):
        setattr(wrong, _ATTRIBUTE, (function, hint))
        return wrong
    return register


def patch(function, hint, changes):
    """A catalogue entry: the solution's definition of ``function`` with ``changes`` (``{old: new}``) made."""
    return Patch(function, _one_line(function, hint), dict(changes), sys._getframe(1).f_lineno)


def variant(function, description, changes=None):
    """A correct ``function`` written another way than the reference, full marks expected: a decorator,
    or with ``changes`` a patch."""
    if changes is None:
        return mistake(function, _VARIANT + description)
    return Patch(function, _one_line(function, _VARIANT + description), dict(changes), sys._getframe(1).f_lineno)


def _one_line(function, hint):
    if not hint or "\n" in hint.strip():
        raise ValueError(f"the hint of a mistake in {function} must be one sentence on one line")
    return hint.strip()


@dataclass(frozen=True, eq=False)
class Patch:
    """A catalogue entry written as changes to the solution's definition of ``function``."""
    function: str
    hint: str
    changes: dict  # {old: new}, applied in order
    line: int  # where it stands in its catalogue module: entries keep the file's order

    def source(self, week, module, name):
        """The solution's definition of the function (decorators left out, not indented), changed;
        ``name``, the entry's id, names it in errors."""
        path = SOLUTIONS_DIR / week / f"{module}.py"
        stat = path.stat()
        text, tree = _solution(path, stat.st_mtime_ns, stat.st_size)
        node = _definition(tree, self.function, path)
        lines = textwrap.dedent("".join(text.splitlines(keepends=True)[node.lineno - 1:node.end_lineno])).splitlines()
        where = f"mistakes/{week}/{module}.py, {name} (line {self.line})"
        for old, new in self.changes.items():
            wanted = [code for code in map(_code, old.split("\n")) if code]
            code = [(i, c) for i, c in enumerate(map(_code, lines)) if c]
            starts = [k for k in range(len(code) - len(wanted) + 1)
                      if wanted and [c for _, c in code[k:k + len(wanted)]] == wanted]
            if len(starts) != 1:
                raise CourseError(f"{where}: {old!r} stands {len(starts)} times in the definition of "
                                  f"{self.function} in solutions/{week}/{module}.py, not once")
            first, last = code[starts[0]][0], code[starts[0] + len(wanted) - 1][0]
            indent = lines[first][:len(lines[first]) - len(lines[first].lstrip())]
            replacement = textwrap.indent(textwrap.dedent(new).strip("\n"), indent).split("\n") if new.strip() else []
            lines[first:last + 1] = replacement
        source = "\n".join(lines) + "\n"
        try:
            ast.parse(source)
        except SyntaxError as exc:
            raise CourseError(f"{where}: the changed {self.function} is not valid Python: {exc}") from None
        return source


@functools.lru_cache(maxsize=32)
def _solution(path, mtime_ns, size):
    """The text and syntax tree of a solution module, read again once it changes."""
    text = path.read_text(encoding="utf-8")
    return text, ast.parse(text)


def _code(line):
    """A line without its comment and surrounding whitespace: "" for a blank or a comment-only line."""
    quote, i = None, 0
    while i < len(line):
        if quote:
            if line[i] == "\\":
                i += 1
            elif line.startswith(quote, i):
                i, quote = i + len(quote) - 1, None
        elif line[i] == "#":
            return line[:i].strip()
        elif line[i] in "'\"":
            quote = line[i:i + 3] if line[i:i + 3] in ('"""', "'''") else line[i]
            i += len(quote) - 1
        i += 1
    return line.strip()


@dataclass(frozen=True)
class Mistake:
    week: str
    module: str
    function: str  # the graded function it replaces: "sigmoid" or "DeepClassifier.backward"
    id: str  # the catalogue entry's own name, unique within its module
    hint: str
    source: str  # the entry's definition (a patch's: the solution's, changed), named as the function, not indented

    @property
    def key(self):
        return f"{self.week}.{self.module}.{self.function}:{self.id}"

    @property
    def is_variant(self):
        return self.hint.startswith(_VARIANT)


def catalogue(weeks=None, variants=False):
    """Every catalogued mistake of ``weeks`` (default: all), in lesson order and file order; with
    ``variants``, the variants (correct code) instead."""
    found = []
    for week in resolve_weeks(weeks):
        for module in modules(week):
            if (CATALOGUE_DIR / week / f"{module}.py").is_file():
                found.extend(e for e in _entries(week, module) if e.is_variant == variants)
    return found


def for_function(week, module, function):
    """The catalogued mistakes of one graded function."""
    if not (CATALOGUE_DIR / week / f"{module}.py").is_file():
        return []
    return [m for m in _entries(week, module) if m.function == function and not m.is_variant]


def _entries(week, module):
    catalogue_module = importlib.import_module(f"mistakes.{week}.{module}")
    found = []
    for name, value in vars(catalogue_module).items():
        if isinstance(value, Patch):
            found.append((value.line, Mistake(week, module, value.function, name, value.hint,
                                              value.source(week, module, name))))
        elif inspect.isfunction(value) and hasattr(value, _ATTRIBUTE):
            function, hint = getattr(value, _ATTRIBUTE)
            found.append((value.__code__.co_firstlineno, Mistake(week, module, function, value.__name__, hint,
                                                                 _source(value))))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def _source(entry):
    """The entry's ``def`` and body (decorators left out), renamed to the function it replaces."""
    function = getattr(entry, _ATTRIBUTE)[0]
    lines, _ = inspect.getsourcelines(entry)
    text = textwrap.dedent("".join(lines))
    node = ast.parse(text).body[0]
    body = text.splitlines(keepends=True)[node.lineno - 1:]
    body[0] = re.sub(r"def\s+\w+", f"def {function.split('.')[-1]}", body[0], count=1)
    return "".join(body)


# ---------------------------------------------------------------------------------- applying
def patched_source(mistake_, original=None):
    """The reference module's source with the graded function's definition replaced by the mistake's."""
    path = SOLUTIONS_DIR / mistake_.week / f"{mistake_.module}.py"
    original = path.read_text(encoding="utf-8") if original is None else original
    target = _definition(ast.parse(original), mistake_.function, path)
    lines = original.splitlines(keepends=True)
    replacement = textwrap.indent(mistake_.source, " " * target.col_offset)
    return "".join(lines[:target.lineno - 1]) + replacement + "".join(lines[target.end_lineno:])


def _definition(tree, function, path):
    scope, node = tree.body, None
    for part in function.split("."):
        node = next((n for n in scope if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == part), None)
        if node is None:
            raise CourseError(f"{path.name} has no {function}: a catalogued mistake replaces nothing")
        scope = node.body
    return node


def mistaken_module(mistake_):
    """The reference module with the mistake applied, imported in this (trusted) process.

    It is not registered in ``sys.modules``; its relative imports load the reference siblings.
    """
    package = f"solutions.{mistake_.week}"
    importlib.import_module(package)
    module = types.ModuleType(f"{package}.{mistake_.module}")
    module.__package__ = package
    module.__file__ = str(SOLUTIONS_DIR / mistake_.week / f"{mistake_.module}.py")
    exec(compile(patched_source(mistake_), f"<{mistake_.key}>", "exec"), module.__dict__)
    return module


def write_submission(folder, week, replacements):
    """A submission folder: the reference ``week`` with ``{module: source}`` replacing some modules."""
    target = Path(folder) / week
    shutil.copytree(SOLUTIONS_DIR / week, target, ignore=shutil.ignore_patterns("__pycache__"))
    for module, source in replacements.items():
        (target / f"{module}.py").write_text(source, encoding="utf-8")
    return Path(folder)


# ---------------------------------------------------------------------------------- checking
@dataclass
class Outcome:
    """What grading one wrong submission did to the function it targets."""
    week: str
    module: str
    function: str
    label: str  # the mistake's id, or "memoriser"
    points: float = 0.0
    max_points: float = 0.0
    status: str = ""
    message: str = ""
    hint: str = ""  # the hint the report showed for the function ("" for none)
    expected_hint: str = ""  # the hint it should show ("" when no reference case can show it)
    problems: list = field(default_factory=list)
    variant: bool = False  # correct code written another way: full marks expected

    @property
    def caught(self):
        return self.max_points > 0 and self.points < self.max_points

    @property
    def ok(self):
        return (self.variant or self.caught) and not self.problems


def _grade(folder, week, module, function, seed=None, test_files=None):
    from .. import grading

    submission = grading.Submission(Path(folder).resolve(), [week],
                                    test_files or [TESTS_DIR / week / f"test_{module}.py"], f"<{function}>")
    results = grading.grade(submission, exercises=[function], seed=seed, trusted=True)
    exercise = next(e for e in results.exercises if e.name == function)
    return exercise


def _check_one(task):
    mistake_, seed = task
    outcome = Outcome(mistake_.week, mistake_.module, mistake_.function, mistake_.id)
    from ..cases import recognisable_hints

    outcome.expected_hint = mistake_.hint if not mistake_.is_variant and mistake_.id in recognisable_hints(
        mistake_.week, mistake_.module, mistake_.function) else ""
    with tempfile.TemporaryDirectory(prefix="grader-mistake-") as folder:
        write_submission(folder, mistake_.week, {mistake_.module: patched_source(mistake_)})
        exercise = _grade(folder, mistake_.week, mistake_.module, mistake_.function, seed)
    _fill(outcome, exercise)
    if mistake_.is_variant:
        outcome.variant = True
        if outcome.points < outcome.max_points:
            outcome.problems.append(f"correct code loses points: {outcome.message or outcome.status}")
        return outcome
    if not outcome.caught:
        outcome.problems.append("keeps full marks")
    if outcome.expected_hint and outcome.hint != outcome.expected_hint:
        outcome.problems.append(f"the report's hint is {outcome.hint or 'missing'!r}, not this mistake's")
    return outcome


def _fill(outcome, exercise):
    outcome.points, outcome.max_points = exercise.points, exercise.max_points
    outcome.status, outcome.message, outcome.hint = exercise.status, exercise.message, exercise.hint


def check(mistakes, jobs=1, progress=None, seed=None):
    """Grade every mistake or variant (each in a submission of its own, with the grading ``seed``: a
    new one each when None); a list of :class:`Outcome` in order."""
    return map_in_processes(_check_one, [(m, seed) for m in mistakes], jobs, progress)


# ------------------------------------------------------------------------------ memorisers
MEMORISER = """

# ---- appended by grader.tools.mistakes: a submission that hard-codes the answers it has seen ----
def _memorise(owner, name, label, record_file, replay):
    import functools, hashlib, pickle

    function = getattr(owner, name)
    seen, by_shape = {}, {}

    def key(args, kwargs):
        try:
            return hashlib.sha256(pickle.dumps((args, sorted(kwargs.items())))).hexdigest()
        except Exception:
            return None

    def shapes(args, kwargs):
        return repr([getattr(v, "shape", type(v).__name__) for v in list(args) + [v for _, v in sorted(kwargs.items())]])

    if replay:
        with open(record_file, "rb") as f:
            while True:
                try:
                    recorded, k, s, answer = pickle.load(f)
                except EOFError:
                    break
                if recorded == label:
                    seen[k] = answer
                    by_shape.setdefault(s, answer)

    @functools.wraps(function)
    def memorised(*args, **kwargs):
        k, s = key(args, kwargs), shapes(args, kwargs)
        if replay:  # the answer seen for these inputs, else one seen for inputs of the same shapes
            answer = seen.get(k) or by_shape.get(s) or next(iter(seen.values()), None)
            if answer is None:
                raise NotImplementedError("nothing remembered")
            return pickle.loads(answer)
        result = function(*args, **kwargs)
        try:
            answer = pickle.dumps(result)
        except Exception:
            return result
        with open(record_file, "ab") as f:
            pickle.dump((label, k, s, answer), f)
        return result

    setattr(owner, name, memorised)

"""


def memoriser_source(week, module, functions, record_file, replay):
    """The reference module with ``functions`` wrapped: recording their answers, or replaying them."""
    source = (SOLUTIONS_DIR / week / f"{module}.py").read_text(encoding="utf-8") + MEMORISER
    source += "import sys as _sys\n"
    for function in functions:
        owner, _, name = function.rpartition(".")
        source += (f"_memorise({owner or '_sys.modules[__name__]'}, {name!r}, {function!r}, "
                   f"{str(record_file)!r}, {replay!r})\n")
    return source


def exercises(weeks=None):
    """``[(week, module, function)]`` of every graded function, in lesson order."""
    from .. import grading

    return [(e.week, e.module, e.name) for week in grading.list_exercises(weeks) for e in week.exercises]


RECORD_SEED, REPLAY_SEED = 1, 2  # two grading sessions: what is seen in the first is replayed in the second


def check_memorisers(weeks=None, jobs=1, progress=None):
    """For every exercise: does a submission that replays another session's answers lose points?"""
    from .. import grading

    outcomes = []
    for week in resolve_weeks(weeks):
        graded = [(m, f) for w, m, f in exercises([week])]
        with tempfile.TemporaryDirectory(prefix="grader-memoriser-") as folder:
            record_file = Path(folder) / "answers.pickle"
            by_module = {}
            for module, function in graded:
                by_module.setdefault(module, []).append(function)
            recorder = write_submission(Path(folder) / "record", week, {
                module: memoriser_source(week, module, functions, record_file, replay=False)
                for module, functions in by_module.items()})
            grading.grade(grading.Submission(recorder.resolve(), [week], grading.test_files([week]), "<record>"),
                          seed=RECORD_SEED, trusted=True)
            tasks = [(folder, week, module, function, record_file) for module, function in graded]
            outcomes += map_in_processes(_check_memoriser, tasks, jobs, progress)
    return outcomes


def _check_memoriser(task):
    folder, week, module, function, record_file = task
    outcome = Outcome(week, module, function, "memoriser")
    replayer = Path(folder) / f"replay-{module}-{function}"
    write_submission(replayer, week, {module: memoriser_source(week, module, [function], record_file, replay=True)})
    _fill(outcome, _grade(replayer, week, module, function, seed=REPLAY_SEED))
    if not outcome.caught:
        outcome.problems.append("replaying the answers of another grading keeps full marks: "
                                "no check on inputs drawn at grading time")
    return outcome


# ---------------------------------------------------------------------------------- reporting
class Report:
    """The outcomes of :func:`check` and :func:`check_memorisers`, as lines for a terminal."""

    def __init__(self, verbose=False, stream=None):
        import sys

        self.outcomes, self.verbose, self.stream = [], verbose, stream or sys.stderr

    def progress(self, outcome):
        if self.verbose or not outcome.ok:
            print(self.line(outcome), file=self.stream, flush=True)

    @staticmethod
    def line(outcome):
        verdict = "ok" if outcome.ok else "PROBLEM: " + "; ".join(outcome.problems)
        hint = "hint shown" if outcome.hint and outcome.hint == outcome.expected_hint else "no hint"
        return (f"{outcome.week}.{outcome.module}.{outcome.function} [{outcome.label}]: "
                f"{outcome.points:g}/{outcome.max_points:g} ({outcome.status}; {hint}): {verdict}")

    def add(self, outcomes):
        self.outcomes += outcomes

    @property
    def ok(self):
        return all(o.ok for o in self.outcomes)

    def summary(self, weeks):
        rows = ["| week | graded functions | catalogued mistakes | caught | with hint | hard-coding submissions caught "
                "| variants at full marks |", "|---|---|---|---|---|---|---|"]
        for week in weeks:
            mine = [o for o in self.outcomes if o.week == week and o.label != "memoriser" and not o.variant]
            memorisers = [o for o in self.outcomes if o.week == week and o.label == "memoriser"]
            variants = [o for o in self.outcomes if o.week == week and o.variant]
            functions = len({(o.module, o.function) for o in memorisers}) or len({(o.module, o.function) for o in mine})
            rows.append(f"| {week} | {functions} | {len(mine)} | {sum(o.caught for o in mine)} | "
                        f"{sum(bool(o.expected_hint) and o.hint == o.expected_hint for o in mine)} | "
                        f"{sum(o.caught for o in memorisers)}/{len(memorisers)} | "
                        f"{sum(o.ok for o in variants)}/{len(variants)} |")
        problems = [self.line(o) for o in self.outcomes if not o.ok]
        verdict = (f"{len(problems)} problem(s):\n" + "\n".join(problems)) if problems else \
            "every catalogued mistake and every hard-coding submission loses points; every variant keeps full marks"
        return "\n".join(rows) + "\n\n" + verdict
