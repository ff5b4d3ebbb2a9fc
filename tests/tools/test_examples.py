"""The example scripts (not graded): they train the learner's code in ``exercises/``, the reference with ``--solutions``.

Each test runs the scripts in a throw-away copy of the course (``examples``, ``datasets``, ``plotting``
and an ``exercises`` folder made for the test), so a learner's own work in ``exercises/`` never
changes what is tested. The exit statuses are those of ``examples/_course.py``: 2 for ``--solutions``
without ``solutions/``, 3 when the learner's code raises.
"""
import os
import re
import shutil
import subprocess
import sys

import pytest

from grader.tools import stubs
from grader.course import COURSE_ROOT, SOLUTIONS_DIR

EXAMPLES = sorted(path.name for path in (COURSE_ROOT / "examples").glob("week*.py"))
needs_solutions = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(), reason="the student release has no solutions")
pytestmark = pytest.mark.skipif(not EXAMPLES, reason="no examples/ in this copy of the course")

QUICK = {"week5_regularization.py": ["--quick"]}  # its first run trains only the given code of three_layer_net
ROW = re.compile(r"^\| .* \| ([\d.]+) % \| ([\d.]+) % \| [\d.]+ s \|$", re.MULTILINE)  # train %, test %


def make_course(root, solutions=False):
    """A copy of what the examples need at ``root``: exercises/ holds the untouched stubs (from the
    solutions), or, in the learners' copy, its own exercises/."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("examples", "datasets", "plotting"):
        shutil.copytree(COURSE_ROOT / folder, root / folder, ignore=ignore)
    if SOLUTIONS_DIR.is_dir():
        stubs.write_generated(stubs.generate(SOLUTIONS_DIR), root / "exercises", force=True)
    else:
        shutil.copytree(COURSE_ROOT / "exercises", root / "exercises", ignore=ignore)
    if solutions:
        shutil.copytree(SOLUTIONS_DIR, root / "solutions", ignore=ignore)
    return root


# One BLAS thread: on a busy 2-core machine two threads per process make these small runs ten times slower.
ONE_THREAD = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def run_example(root, name, *args):
    return subprocess.run([sys.executable, f"examples/{name}", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, **ONE_THREAD}, timeout=120)


@pytest.fixture(scope="module")
def stub_course(tmp_path_factory):
    """The course with the untouched stubs and no solutions/ (as in the learners' copy)."""
    return make_course(tmp_path_factory.mktemp("examples") / "course")


@needs_solutions
@pytest.mark.parametrize("name", EXAMPLES)
def test_untouched_stubs_give_one_line_and_exit_3(stub_course, name):
    done = run_example(stub_course, name, *QUICK.get(name, []))
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith("Training your code in exercises/week") or \
        done.stdout.startswith("Running your code in exercises/week"), done.stdout
    line = done.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in done.stdout + done.stderr, done.stderr
    assert re.match(r"exercises/week\d/\w+\.py:\d+: \S+\(\) is not written yet: ", line), line
    assert re.search(r"python -m grader week\d$", line), line


@pytest.mark.parametrize("name", EXAMPLES)
def test_solutions_without_a_solutions_folder_give_one_line_and_exit_2(stub_course, name):
    done = run_example(stub_course, name, "--solutions")
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "the reference solutions are not part of this copy of the course" in done.stderr


@needs_solutions
def test_week7_trains_the_learners_code(tmp_path):
    """A softmax over the wrong axis in exercises/week7/ must show in the example's accuracy."""
    root = make_course(tmp_path / "course", solutions=True)
    for module in ("layers.py", "multiclass.py", "trainer.py"):   # the reference trainer and what it imports
        shutil.copy(SOLUTIONS_DIR / "week7" / module, root / "exercises" / "week7" / module)
    multiclass = root / "exercises" / "week7" / "multiclass.py"
    text = multiclass.read_text(encoding="utf-8")
    start = text.index("def softmax(")
    end = text.index("\ndef ", start)
    wrong = text[start:end].replace("axis=0", "axis=1")       # each class normalized over the examples
    assert wrong != text[start:end] and "np.sum(E, axis=1" in wrong, "the softmax of the solution has changed"
    multiclass.write_text(text[:start] + wrong + text[end:], encoding="utf-8")

    args = ("--data", "datasets/mnist_5k.h5", "--epochs", "1")
    mine = run_example(root, "week7_train.py", *args)
    reference = run_example(root, "week7_train.py", *args, "--solutions")
    for done in (mine, reference):
        assert done.returncode == 0, done.stderr
        assert len(ROW.findall(done.stdout)) == 1, done.stdout
    assert mine.stdout.startswith("Training your code in exercises/week7/")
    assert reference.stdout.startswith("Training the reference solutions in solutions/week7/")
    assert float(ROW.search(mine.stdout).group(2)) < 50, mine.stdout
    assert float(ROW.search(reference.stdout).group(2)) > 80, reference.stdout


@needs_solutions
def test_week9_compares_the_rnn_the_lstm_and_the_bigram_model(tmp_path):
    root = make_course(tmp_path / "course", solutions=True)
    done = run_example(root, "week9_names.py", "--solutions", "--lstm", "--iterations", "300", "--epochs", "1",
                       "--samples", "2")
    assert done.returncode == 0, done.stderr
    for row in ("| RNN (char_lm.model) |", "| LSTM (rnn.lstm_forward / lstm_backward, Adam) |",
                "| character bigram, add-one |", "| uniform guess |"):
        assert row in done.stdout, done.stdout
    assert "2 names sampled from the RNN" in done.stdout and "2 names sampled from the LSTM" in done.stdout


@pytest.mark.parametrize("content, words", [(None, "no such names file"), ("anna\n", "at least two are needed"),
                                            (b"\xff\xfe\x00", "cannot read the names")])
def test_week9_a_bad_names_file_gives_one_line_and_exit_2(stub_course, tmp_path, content, words):
    path = tmp_path / "names.txt"
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = run_example(stub_course, "week9_names.py", "--names", str(path))
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
    assert words in done.stderr, done.stderr
