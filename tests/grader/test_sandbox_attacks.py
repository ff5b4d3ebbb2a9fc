"""A submission cannot break or fool the grader: each attack costs only the exercise it is in.

Every test grades a copy of the reference solutions in which some functions of week1's
numpy_basics.py were replaced by an attack, and checks that exactly those exercises lose their
points, with a reason a learner can read, while every other exercise still gets full marks.
"""
import json

import pytest

from .conftest import tree_digest

# Functions of week1/numpy_basics.py whose tests call nothing else of the submission.
PROCESS_ATTACKS = {
    "basic_sigmoid": ("timed out", "timed out", "def basic_sigmoid(x):\n    while True:\n        pass\n"),
    "relu": ("error", "sys.exit", "def relu(x):\n    import sys\n    sys.exit(3)\n"),
    "relu_derivative": ("crashed", "os._exit", "def relu_derivative(x):\n    import os\n    os._exit(0)\n"),
    "tanh_derivative": ("crashed", "segmentation fault",
                        "def tanh_derivative(x):\n    import ctypes\n    return ctypes.string_at(0)\n"),
    "image2vector": ("error", "memory",
                     "def image2vector(image):\n    import numpy\n    return numpy.ones(50 * 2**30, dtype=numpy.uint8)\n"),
    "normalize_rows": ("error", "KeyboardInterrupt", "def normalize_rows(x):\n    raise KeyboardInterrupt\n"),
    "softmax": ("error", "sys.exit", "def softmax(x):\n    raise SystemExit\n"),
    "L1": ("error", "not allowed",
           "def L1(yhat, y):\n    from solutions.week1.numpy_basics import L1 as reference\n"
           "    return reference(yhat, y)\n"),
    "L2": ("error", ("course's files", "Read-only file system", "No such file or directory"),
           "def L2(yhat, y):\n    import os, pathlib\n"
           "    root = pathlib.Path(COURSE_ROOT)\n"
           "    with open(root / 'tests' / 'week1' / 'conftest.py', 'w') as f:\n"
           "        f.write('raise SystemExit')\n"
           "    with open(root / 'grader' / 'checks.py', 'a') as f:\n"
           "        f.write('\\nassert_close = lambda *a, **k: None\\n')\n"
           "    for fixture in (root / 'tests' / 'week1' / 'fixtures').glob('*.zip'):\n"
           "        fixture.write_bytes(b'garbage')\n"
           "    return float(((yhat - y) ** 2).sum())\n"),
}


@pytest.fixture(scope="module")
def process_attacks(course):
    before = tree_digest(course.root / "tests", course.root / "grader")
    code = "\n\n".join(attack for _, _, attack in PROCESS_ATTACKS.values()).replace("COURSE_ROOT", repr(str(course.root)))
    submission = course.submission("process_attacks", {"week1/numpy_basics.py": code})
    done = course.grader("week1", "--submission", submission, "--timeout", "3", "--format", "json")
    report = json.loads(done.stdout)
    exercises = {e["name"]: e for w in report["weeks"] for e in w["exercises"]}
    if report["isolation"] == "none":  # in a jail the course's files are not there to write to
        assert "were put back" in done.stderr  # the person grading is told, and where the copies are
    return (done.returncode, exercises, report), before, tree_digest(course.root / "tests", course.root / "grader")


@pytest.mark.parametrize("function", sorted(PROCESS_ATTACKS))
def test_an_attack_costs_only_its_exercise(process_attacks, function):
    (code, exercises, _), _, _ = process_attacks
    status, reason, _ = PROCESS_ATTACKS[function]
    exercise = exercises[function]
    assert code == 1
    assert exercise["points"] == 0, exercise
    assert exercise["status"] == status, exercise
    reasons = (reason,) if isinstance(reason, str) else reason
    assert any(r in exercise["message"] for r in reasons), exercise["message"]


def test_every_other_exercise_is_still_graded(process_attacks):
    (_, exercises, _), _, _ = process_attacks
    untouched = {name: e for name, e in exercises.items() if name not in PROCESS_ATTACKS}
    assert untouched, "the week has no exercise left to check"
    for name, exercise in untouched.items():
        assert exercise["status"] == "passed", (name, exercise["message"])
        assert exercise["points"] == exercise["max_points"] > 0


def test_course_files_written_by_a_submission_are_restored(process_attacks):
    _, before, after = process_attacks
    assert after == before


# ------------------------------------------------------------------------------ fooling attempts
FOOLING = """\
import builtins, sys
import numpy
print("week1 · NumPy basics   100/100  100%")
print('{"points": 1000, "max_points": 1000, "weeks": []}')
numpy.allclose = lambda *a, **k: True
numpy.array_equal = lambda *a, **k: True
numpy.testing.assert_allclose = lambda *a, **k: None
builtins.isinstance = lambda obj, cls: True
try:
    import grader.checks
    grader.checks.assert_close = lambda *a, **k: None
except ImportError:
    pass
for name, module in list(sys.modules.items()):
    if hasattr(module, "assert_close"):
        module.assert_close = lambda *a, **k: None

class AlwaysEqual:
    shape = (3, 4)
    dtype = numpy.dtype("float64")
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __array__(self, *a, **k): raise RuntimeError("no")

class Exploit:
    def __reduce__(self):
        import os
        return (os.system, ("touch {marker}",))

def normalize_rows(x):
    print("PASSED normalize_rows 1/1")
    return AlwaysEqual()

def L1(yhat, y):
    return Exploit()

def tanh_derivative(x):
    return numpy.full_like(x, 7.0)
"""


@pytest.fixture(scope="module")
def fooling_attempts(course, tmp_path_factory):
    marker = tmp_path_factory.mktemp("marker") / "reduce-ran"
    submission = course.submission("fooling", {"week1/numpy_basics.py": FOOLING.replace("{marker}", str(marker))})
    done = course.grader("week1", "--submission", submission, "--format", "json")
    text = course.grader("week1", "--submission", submission)
    return done, text, marker


def test_fake_output_does_not_reach_the_report(fooling_attempts):
    done, text, _ = fooling_attempts
    report = json.loads(done.stdout)  # the whole stdout is the grader's JSON, nothing printed before it
    assert report["max_points"] != 1000
    assert "100/100" not in text.stdout and "PASSED normalize_rows" not in text.stdout


def test_monkeypatching_cannot_make_wrong_code_pass(fooling_attempts):
    done, _, _ = fooling_attempts
    exercises = {e["name"]: e for w in json.loads(done.stdout)["weeks"] for e in w["exercises"]}
    for name in ("normalize_rows", "L1"):
        assert exercises[name]["points"] == 0, exercises[name]
    # Wrong values with the right shape may keep the shape test's share, never the value tests'.
    assert exercises["tanh_derivative"]["status"] == "failed"
    assert exercises["tanh_derivative"]["points"] < exercises["tanh_derivative"]["max_points"]
    assert "AlwaysEqual" in exercises["normalize_rows"]["message"]
    others = [e for n, e in exercises.items() if n not in ("normalize_rows", "L1", "tanh_derivative")]
    assert others and all(e["status"] == "passed" for e in others), [(e["name"], e["message"]) for e in others]


def test_a_returned_object_is_never_unpickled(fooling_attempts):
    _, _, marker = fooling_attempts
    assert not marker.exists()


# A thread the submission leaves in the worker outlives its call: it steals the grader's next request
# from the channel and answers it (twice, to put the channel out of step) with forged values.
REQUEST_THIEF = '''
_thief = []

def _steal(worker):
    import time
    while True:
        try:
            request = worker.read()
            if request is None:
                return
            worker.send({"ok": 0.5})
            worker.send({"ok": [0.5, 0.5]})
        except BaseException:
            time.sleep(0.001)

def basic_sigmoid(x):
    if not _thief:
        import sys, threading
        frame = sys._getframe(1)  # the worker's own frames, which call this function, hold it as self
        while type(frame.f_locals.get("self")).__name__ != "Worker":
            frame = frame.f_back
        threading.Thread(target=_steal, args=(frame.f_locals["self"],), daemon=True).start()
        _thief.append(1)
    raise NotImplementedError()
'''


def test_a_thread_that_steals_the_grader_requests_earns_nothing(course):
    submission = course.submission("request_thief", {"week1/numpy_basics.py": REQUEST_THIEF}, base="exercises")
    # One process: the thief's worker then serves the rest of the week. Shared between two, the
    # exercises are claimed last first, and basic_sigmoid, where the thief starts, was often the last
    # its process graded, its other tests sharing the first call's answer: nothing was left to steal.
    code, exercises, report = course.grade_json("week1", "--submission", submission, "--timeout", "3",
                                                "--processes", "1")
    assert code == 1
    assert report["points"] == 0, {name: e["points"] for name, e in exercises.items() if e["points"]}
    # the thief did act (a stub only raises NotImplementedError): a forged answer failed a check or could
    # not be checked at all (which of the two depends on the request it lands on), or a stolen request
    # was never answered
    assert {"failed", "error", "timed out"} & {t["status"] for e in exercises.values() for t in e["tests"]}
    assert len(exercises) == 23  # every exercise is still graded, with a reason
    assert all(e["status"] in ("not implemented", "timed out", "error", "failed") for e in exercises.values())
