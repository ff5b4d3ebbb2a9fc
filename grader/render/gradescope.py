"""Gradescope's autograder ``results.json``: one Gradescope test per exercise.

Schema: https://gradescope-autograders.readthedocs.io/en/latest/specs/ (top level ``score``,
``execution_time``, ``output``, ``visibility``, ``tests``; each test ``name``, ``score``, ``max_score``,
``status``, ``output``, ``visibility``). Gradescope shows a test's ``output`` to the learner, so it
carries the same status and message as the text report.

An exercise graded with hidden cases becomes two Gradescope tests: its visible cases (always shown)
and its hidden cases (``after_published``: shown once the instructor publishes the grades; their
points count in the score, which Gradescope then keeps from the learner until publication too).
"""
import json

from ..results import PASSED
from .formatting import format_percent, format_points, format_score, plain_text, week_label

VISIBILITY = "visible"  # the grader's tests are public, so hiding their results would hide nothing
HIDDEN_VISIBILITY = "after_published"  # the hidden cases' results wait for the published grades


def render(results, color=False):
    """``color`` is ignored: Gradescope's "text" output format would show escape codes literally."""
    return json.dumps(gradescope_results(results), indent=2) + "\n"


def gradescope_results(results):
    """The ``results.json`` document as a dict."""
    return {
        "score": results.points,
        "execution_time": int(round(results.duration)),  # Gradescope wants whole seconds
        "output": "\n".join((["not isolated"] if results.isolation == "none" else [])
                           + [_summary(w) for w in results.weeks]),
        "output_format": "text",
        "visibility": VISIBILITY,
        "tests": [test for exercise in results.exercises for test in _tests(exercise)],
    }


def _summary(week):
    if not week.has_hidden:
        return f"{week_label(week)}: {format_score(week)} ({format_percent(week)})"
    return (f"{week_label(week)}: visible cases {format_points(week.visible_points)}/"
            f"{format_points(week.visible_max_points)}; hidden cases ({format_points(week.hidden_max_points)} "
            "points) count too and are shown when the grades are published")


def _tests(exercise):
    if not exercise.has_hidden:
        return [_test(exercise)]
    parts = [(exercise.part(hidden=False), "", VISIBILITY),
             (exercise.part(hidden=True), " (hidden cases)", HIDDEN_VISIBILITY)]
    return [_test(part, suffix, visibility) for part, suffix, visibility in parts if part.tests]


def _test(exercise, suffix="", visibility=VISIBILITY):
    message = plain_text(exercise.message)
    if exercise.note:
        message = f"{plain_text(exercise.note)}\n{message}".strip()
    if exercise.hint:
        message += f"\nhint: {plain_text(exercise.hint)}"
    return {
        "name": f"{exercise.week} · {exercise.module}.{exercise.name}{suffix}",
        "score": exercise.points,
        "max_score": exercise.max_points,
        # Gradescope knows only passed / failed; the grader's own status opens the output instead.
        "status": "passed" if exercise.status == PASSED else "failed",
        "output": f"{exercise.status}\n{message}" if message else exercise.status,
        "visibility": visibility,
    }
