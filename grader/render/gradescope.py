"""Gradescope's autograder ``results.json``: one Gradescope test per exercise.

Schema: https://gradescope-autograders.readthedocs.io/en/latest/specs/ (top level ``score``,
``execution_time``, ``output``, ``visibility``, ``tests``; each test ``name``, ``score``, ``max_score``,
``status``, ``output``, ``visibility``). Gradescope shows a test's ``output`` to the learner, so it
carries the same status and message as the text report.
"""
import json

from ..results import PASSED
from .formatting import format_percent, format_score, plain_text, week_label

VISIBILITY = "visible"  # the grader's tests are public, so hiding their results would hide nothing


def render(results, color=False):
    """``color`` is ignored: Gradescope's "text" output format would show escape codes literally."""
    return json.dumps(gradescope_results(results), indent=2) + "\n"


def gradescope_results(results):
    """The ``results.json`` document as a dict."""
    return {
        "score": results.points,
        "execution_time": int(round(results.duration)),  # Gradescope wants whole seconds
        "output": "\n".join(f"{week_label(w)}: {format_score(w)} ({format_percent(w)})"
                            for w in results.weeks),
        "output_format": "text",
        "visibility": VISIBILITY,
        "tests": [_test(exercise) for exercise in results.exercises],
    }


def _test(exercise):
    message = plain_text(exercise.message)
    return {
        "name": f"{exercise.week} · {exercise.module}.{exercise.name}",
        "score": exercise.points,
        "max_score": exercise.max_points,
        # Gradescope knows only passed / failed; the grader's own status opens the output instead.
        "status": "passed" if exercise.status == PASSED else "failed",
        "output": f"{exercise.status}\n{message}" if message else exercise.status,
        "visibility": VISIBILITY,
    }
