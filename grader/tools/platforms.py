"""Course platforms: a Gradescope autograder built from the course, and the results.json it must write.

``python -m grader gradescope week4 -o autograder_week4.zip`` writes the archive to upload as the
autograder of a Gradescope programming assignment. Gradescope unpacks it into ``/autograder/source``,
runs ``setup.sh`` once when it builds the image, then ``run_autograder`` for every submission
(https://gradescope-autograders.readthedocs.io/en/latest/specs/). The archive holds:

``setup.sh``           installs the course's runtime dependencies (``requirements.txt``, taken from
                       ``pyproject.toml``) with pip
``run_autograder``     grades ``/autograder/submission`` and writes ``/autograder/results/results.json``
``grader/``, ``pyproject.toml``
                       the grader and pytest's configuration
``tests/weekN/``       the week's suites with their fixtures, hidden cases included when they exist
``exercises/weekN/``   the stubs: a module the learner did not upload is graded as the untouched stub
``datasets/``          the data files and their loaders

and never ``solutions/``. ``run_autograder`` accepts what learners upload: the ``exercises/`` folder
(or any folder holding ``weekN/``, up to three levels down, e.g. a GitHub repository), the week's
module files themselves (``deep_nn.py``), or a notebook. It runs ``python -m grader WEEK --submission
... --format gradescope`` under a time limit (``AUTOGRADER_TIME_LIMIT`` seconds, default 480, below
Gradescope's own 10 minutes) and checks the report against the schema (:func:`results_problems`)
before it publishes it. Whatever goes wrong (nothing to grade, a syntax error, a submission that
hangs the grader, the grader itself failing), it still writes a valid ``results.json``: score 0 and
an ``output`` that tells the learner why. ``AUTOGRADER_ROOT`` (default ``/autograder``) moves the
whole layout, so an instructor can try the archive locally::

    mkdir -p /tmp/ag/source /tmp/ag/submission && unzip autograder_week4.zip -d /tmp/ag/source
    cp exercises/week4/*.py /tmp/ag/submission/
    AUTOGRADER_ROOT=/tmp/ag bash /tmp/ag/source/run_autograder && cat /tmp/ag/results/results.json

As on Gradescope, run it as root: the submission's code then runs in the grader's jail
(:mod:`grader.sandbox.jail`), and the course and results folders are made readable by root only. As an
ordinary user it refuses to grade (results.json says why) unless ``AUTOGRADER_ALLOW_UNISOLATED=1``.
"""
import argparse
import json
import math
import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from .classroom import (CRASHED, GRADER_ERROR, MALFORMED, TIMED_OUT, UNSUPPORTED, course_files, failure,
                        prepare_upload, run_grader)
from ..sandbox.files import atomic_output
from ..sandbox import jail
from ..course import COURSE_ROOT, CourseError, relative, resolve_weeks

DEFAULT_TIME_LIMIT = 480.0
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same course gives the same archive

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image: install the course's runtime
# dependencies (requirements.txt comes from the course's pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")"
if ! python3 -m pip --version >/dev/null 2>&1; then
    apt-get update && apt-get install -y python3 python3-pip
fi
# Newer Ubuntu images mark the system Python as externally managed (PEP 668); the image is ours.
python3 -m pip install --no-cache-dir -r requirements.txt \\
    || python3 -m pip install --no-cache-dir --break-system-packages -r requirements.txt
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission: grade /autograder/submission into
# /autograder/results/results.json (see grader/tools/platforms.py). To try it locally:
#   AUTOGRADER_ROOT=/tmp/ag bash /tmp/ag/source/run_autograder
# with the archive unpacked into /tmp/ag/source and a submission in /tmp/ag/submission.
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
SOURCE="${{AUTOGRADER_SOURCE:-$ROOT/source}}"
PYTHON="${{AUTOGRADER_PYTHON:-python3}}"
mkdir -p "$ROOT/results" && rm -f "$ROOT/results/results.json"
cd "$SOURCE" && "$PYTHON" -m grader.tools.platforms run {weeks} --root "$ROOT"
# Only if Python itself could not run: results.json must exist whatever happens.
if [ ! -s "$ROOT/results/results.json" ]; then
    cat > "$ROOT/results/results.json" <<'EOF'
{fallback}
EOF
fi
exit 0
"""

# ------------------------------------------------------------------------ results.json schema
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
OUTPUT_FORMATS = ("text", "html", "simple_format", "md", "ansi")
TOP_KEYS = {"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
            "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"}
TEST_KEYS = {"score", "max_score", "status", "name", "name_format", "number", "output", "output_format",
             "tags", "visibility", "extra_data"}


def results_problems(document):
    """What in ``document`` breaks Gradescope's results.json specification (empty when nothing does).

    From https://gradescope-autograders.readthedocs.io/en/latest/specs/: a top-level ``score`` is
    required unless every test has one; numbers are finite (JSON has no NaN); ``visibility`` and
    ``stdout_visibility`` are one of :data:`VISIBILITIES`; the ``*_format`` fields one of
    :data:`OUTPUT_FORMATS`; a test's ``status`` is ``passed`` or ``failed``. Unknown keys are
    reported too: Gradescope would ignore them silently, which hides a typo.
    """
    problems = []
    if not isinstance(document, dict):
        return ["the document is not a JSON object"]
    try:
        json.dumps(document, allow_nan=False)
    except (TypeError, ValueError) as exc:
        problems.append(f"not valid JSON: {exc}")

    def check(where, data, key, kind, choices=None):
        if key not in data:
            return
        value = data[key]
        if kind == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        elif kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            ok = isinstance(value, kind)
        if not ok:
            problems.append(f"{where}: {key!r} must be {kind if isinstance(kind, str) else kind.__name__}, "
                            f"not {value!r}"[:200])
        elif choices is not None and value not in choices:
            problems.append(f"{where}: {key!r} is {value!r}, not one of {', '.join(choices)}")

    problems.extend(f"top: unknown key {key!r}" for key in sorted(set(document) - TOP_KEYS))
    check("top", document, "score", "number")
    check("top", document, "execution_time", "int")
    check("top", document, "output", str)
    for key in ("output_format", "test_output_format", "test_name_format"):
        check("top", document, key, str, OUTPUT_FORMATS)
    for key in ("visibility", "stdout_visibility"):
        check("top", document, key, str, VISIBILITIES)
    check("top", document, "extra_data", dict)
    check("top", document, "tests", list)
    tests = document.get("tests", []) if isinstance(document.get("tests", []), list) else []
    if "score" not in document and (not tests or any(not isinstance(t, dict) or "score" not in t for t in tests)):
        problems.append("top: no 'score', and not every test has one")
    for i, test in enumerate(tests):
        where = f"test {i}"
        if not isinstance(test, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        problems.extend(f"{where}: unknown key {key!r}" for key in sorted(set(test) - TEST_KEYS))
        check(where, test, "score", "number")
        check(where, test, "max_score", "number")
        check(where, test, "status", str, ("passed", "failed"))
        for key in ("name", "number", "output"):
            check(where, test, key, str)
        for key in ("name_format", "output_format"):
            check(where, test, key, str, OUTPUT_FORMATS)
        check(where, test, "visibility", str, VISIBILITIES)
        check(where, test, "extra_data", dict)
        check(where, test, "tags", list)
        if isinstance(test.get("tags"), list) and not all(isinstance(tag, str) for tag in test["tags"]):
            problems.append(f"{where}: 'tags' must be strings")
    board = document.get("leaderboard", [])
    if not isinstance(board, list):
        problems.append("top: 'leaderboard' must be list")
    else:
        for i, entry in enumerate(board):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or "value" not in entry:
                problems.append(f"leaderboard {i}: needs a 'name' and a 'value'")
            elif entry.get("order", "desc") not in ("asc", "desc"):
                problems.append(f"leaderboard {i}: 'order' is asc or desc")
    return problems


def fallback_results(message, seconds=0.0):
    """A valid results.json for a submission that could not be graded: score 0 and why."""
    return {"score": 0.0, "execution_time": int(round(seconds)), "output": message, "output_format": "text",
            "visibility": "visible", "tests": []}


# ------------------------------------------------------------------------------- the archive
def requirements():
    """The runtime dependencies listed in the course's pyproject.toml (``[project] dependencies``)."""
    text = (COURSE_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.M | re.S)
    if match is None:
        raise CourseError("pyproject.toml lists no [project] dependencies")
    return re.findall(r"[\"']([^\"']+)[\"']", match.group(1))


def build_archive(weeks, output):
    """Write the Gradescope autograder of ``weeks`` to ``output`` (a .zip); returns its path."""
    weeks = resolve_weeks(weeks)
    output = Path(output)
    if not output.parent.is_dir():
        raise CourseError(f"cannot write {output}: no such folder {relative(output.parent)}")
    fallback = json.dumps(fallback_results("The autograder could not start, so your submission was not "
                                           "graded. Please tell your instructor."))
    generated = {
        "setup.sh": SETUP_SH,
        "run_autograder": RUN_AUTOGRADER.format(weeks=" ".join(weeks), fallback=fallback),
        "requirements.txt": "\n".join(requirements()) + "\n",
    }
    with atomic_output(output) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in generated.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = (0o100755 if name != "requirements.txt" else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
        for name, path in course_files(weeks).items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return output


# ------------------------------------------------------------------------ on Gradescope's side
def _message(status, reason, time_limit):
    """What the learner reads when their submission could not be graded."""
    if status == MALFORMED:
        return f"Your submission could not be graded: {reason}.\nFix this and submit again."
    if status == UNSUPPORTED:
        return f"Your submission could not be graded: {reason}. Upload your .py files instead."
    if status == TIMED_OUT:
        return (f"Grading your submission took longer than {time_limit:g} s and was stopped. Does some "
                "code loop forever, or do far too much work (a training loop with many iterations)?")
    return (f"The autograder failed while grading your submission ({reason}). Please tell your "
            "instructor; this is not your fault.")


def run_autograder(weeks, root, time_limit=DEFAULT_TIME_LIMIT, stream=sys.stdout, allow_unisolated=False):
    """Grade ``root/submission`` and write ``root/results/results.json``, whatever happens.

    Unless ``allow_unisolated``, a machine where the submission's code cannot be jailed (not root)
    gets no grade: results.json says so (Gradescope runs the autograder as root).
    """
    root = Path(root)
    submission, results = root / "submission", root / "results" / "results.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    if results.exists():
        results.unlink()  # nothing written before grading may pass for its result
    try:
        if not allow_unisolated and jail.available_mode() == jail.NONE:
            raise CourseError("the autograder cannot isolate the submission's code here (it does not run as "
                              "root); set AUTOGRADER_ALLOW_UNISOLATED=1 to grade anyway")
        _keep_private(COURSE_ROOT, results.parent)
        document = _grade(weeks, submission, time_limit, stream, allow_unisolated)
    except Exception as exc:  # noqa: BLE001 - whatever it is, the learner gets a results.json
        print(f"autograder failure: {type(exc).__name__}: {exc}", file=stream)
        document = fallback_results(_message(GRADER_ERROR, f"{type(exc).__name__}: {exc}", time_limit))
    if "score" in document and document.get("tests") == []:
        document["execution_time"] = int(round(time.monotonic() - start))
    problems = results_problems(document)
    if problems:
        print("the report breaks the results.json schema:\n  " + "\n  ".join(problems), file=stream)
        document = fallback_results(_message(GRADER_ERROR, "its report was not valid", time_limit))
    results.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {results}: score {document.get('score')}", file=stream)
    return document


def _keep_private(*folders):
    """Only root may read the course and the results: in a jail without namespaces (the user-only
    one) the submission's code could otherwise read the suites' fixtures."""
    if jail.available_mode() != jail.NONE:
        for folder in folders:
            os.chmod(folder, 0o700)


def _grade(weeks, submission, time_limit, stream, allow_unisolated=False):
    if not submission.is_dir() or not any(submission.iterdir()):
        return fallback_results(_message(MALFORMED, "the submission is empty", time_limit))
    upload = prepare_upload(submission, weeks)
    try:
        if upload.problem is not None:
            print(f"not graded: {upload.problem[0]}: {upload.problem[1]}", file=stream)
            return fallback_results(_message(*upload.problem, time_limit))
        with tempfile.TemporaryDirectory(prefix="autograder-") as tmp:
            report = Path(tmp) / "results.json"
            arguments = [*weeks, *upload.arguments, "--format", "gradescope", "--output", str(report),
                         "--allow-unisolated" if allow_unisolated else "--require-isolation"]
            print("python -m grader " + " ".join(arguments), file=stream)
            run = run_grader(arguments, cwd=upload.cwd or submission, time_limit=time_limit)
            print(run.stdout + run.stderr, file=stream, end="")
            problem = failure(run, time_limit)
            if problem is None:
                try:
                    return json.loads(report.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    problem = (CRASHED, f"its report could not be read: {exc}")
            print(f"not graded: {problem[0]}: {problem[1]}", file=stream)
            return fallback_results(_message(*problem, time_limit), run.seconds)
    finally:
        upload.close()


def main(argv=None):
    """``python -m grader.tools.platforms run WEEK... [--root DIR]``: what ``run_autograder`` calls."""
    parser = argparse.ArgumentParser(prog="python -m grader.tools.platforms")
    parser.add_argument("action", choices=["run"])
    parser.add_argument("weeks", nargs="+")
    parser.add_argument("--root", default=os.environ.get("AUTOGRADER_ROOT", "/autograder"))
    args = parser.parse_args(argv)
    limit = float(os.environ.get("AUTOGRADER_TIME_LIMIT", DEFAULT_TIME_LIMIT))
    allow = os.environ.get("AUTOGRADER_ALLOW_UNISOLATED", "") not in ("", "0")
    run_autograder(args.weeks, args.root, limit, allow_unisolated=allow)
    return 0


if __name__ == "__main__":
    sys.exit(main())
