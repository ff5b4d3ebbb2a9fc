"""The learner's report: one line per exercise, aligned columns, and what to fix under each lost one.

::

  week1 · NumPy basics and linear regression              2.17/7    31%
    numpy_basics.py
      basic_sigmoid                                          1/1   passed
      sigmoid                                              0.5/1   failed
          sigmoid(x): values differ: max abs error 0.27 at index (1, 2): expected
          0.731, got 0.5
      relu                                                   0/1   not implemented
"""
import os
import shlex
import textwrap

from ..results import NOT_IMPLEMENTED, PASSED
from .formatting import format_percent, format_score, format_split, plain_text, week_label

WIDTH = 80
STATUS_COLUMN = WIDTH - len(NOT_IMPLEMENTED)  # the longest status still ends at WIDTH
SCORE_END = STATUS_COLUMN - 3  # scores are right-aligned here, so weeks, exercises and Total line up
MESSAGE_INDENT = 8
MAX_MESSAGE_LINES = 6  # a learner needs the first failing check, not a wall of array printouts
DEFAULT_SUBMISSION = "exercises"  # what the CLI grades when not told otherwise
NO_BREAK_SPACE = "\u00a0"

RESET, BOLD, RED, GREEN, YELLOW = "\033[0m", "\033[1m", "\033[31m", "\033[32m", "\033[33m"
STATUS_STYLES = {PASSED: GREEN, NOT_IMPLEMENTED: YELLOW}  # failed, error, timed out, crashed: RED


def should_color(stream, mode="auto"):
    """Whether to colour output written to ``stream``: ``mode`` is the CLI's always / never / auto.

    ``auto`` colours only a terminal, and respects ``NO_COLOR`` (https://no-color.org: set and not
    empty, whatever its value) and ``TERM=dumb`` (terminals that cannot show escape codes).
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    if mode != "auto":
        raise ValueError(f"unknown colour mode {mode!r}: choose from always, never, auto")
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed / detached stream
        return False


def render(results, color=False, verbose=False):
    """The report as one string ending in a newline; ANSI colours only when ``color``; with ``verbose``
    every failed check of an exercise, not only the first."""
    if not results.weeks:
        return "Nothing was graded.\n"
    blocks = [_week_lines(week, color, verbose) for week in results.weeks]
    if results.isolation == "none":  # first, so nobody reads the score without knowing it
        blocks.insert(0, [_paint("not isolated: your code ran as you (the grader isolates it as root)",
                                 BOLD, color)])
    if len(results.weeks) > 1:
        blocks.append([_total_line("Total", results, color)] + _split_lines(results))
    for paragraph in (_not_implemented_hint(results), _seed_line(results)):
        if paragraph:
            # textwrap splits only at ASCII whitespace: no-break spaces keep a command on one line.
            lines = textwrap.wrap(paragraph, WIDTH, break_long_words=False, break_on_hyphens=False)
            blocks.append([line.replace(NO_BREAK_SPACE, " ") for line in lines])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _week_lines(week, color, verbose=False):
    lines = [_total_line(week_label(week), week, color)]
    for module, exercises in week.modules():
        lines.append(f"  {module}.py")
        for exercise in exercises:
            status = _paint(exercise.status, STATUS_STYLES.get(exercise.status, RED), color)
            lines.append(_row(exercise.name, 4, format_score(exercise), status))
            lines.extend(_message_lines(exercise, verbose))
    return lines + _split_lines(week)


def _split_lines(item):
    """Under a week (or the total) graded with hidden cases: how many of its points were hidden."""
    return [f"  {format_split(item)}"] if item.has_hidden else []


def _total_line(label, item, color):
    return _paint(_row(label, 0, format_score(item), format_percent(item).rjust(4)), BOLD, color)


def _row(label, indent, score, tail):
    """``label`` at ``indent``, ``score`` right-aligned at SCORE_END, ``tail`` at STATUS_COLUMN."""
    room = SCORE_END - len(score) - indent - 2  # keep two spaces between a long label and its score
    left = " " * indent + _shorten(label, room)
    return left.ljust(SCORE_END - len(score)) + score + " " * (STATUS_COLUMN - SCORE_END) + tail


def _message_lines(exercise, verbose=False):
    """The first failing check under an exercise that lost points (``verbose``: every failing check,
    each with its points), wrapped and cut to a few lines each.

    A "not implemented" exercise gets none: its status already says what to do.
    """
    indent = " " * MESSAGE_INDENT
    # The root of a cascade first: the learner's failing helper is what to fix before this one (an
    # exercise that passed with the reference helper in its place says so too).
    first = textwrap.wrap(plain_text(exercise.note), WIDTH, initial_indent=indent,
                          subsequent_indent=indent) if exercise.note else []
    if exercise.status == PASSED:
        return first
    if exercise.status == NOT_IMPLEMENTED:
        return []
    if not verbose:
        lines = _wrapped(exercise.first_failure, indent)
    else:
        failures = [test for test in exercise.tests if not test.passed]
        lines = [line for number, test in enumerate(failures, start=1)
                 for line in _wrapped(test, indent, f"{number}/{len(failures)} (-{test.points:.3g} points) ")]
    if exercise.hint:
        lines += textwrap.wrap(f"hint: {plain_text(exercise.hint)}", WIDTH, initial_indent=indent,
                               subsequent_indent=indent + "      ")
    return first + lines


def _wrapped(test, indent, prefix=""):
    """One failed test's message, wrapped at ``indent`` and cut to :data:`MAX_MESSAGE_LINES`."""
    message = plain_text(test.message)  # so that color=False means no escape codes at all
    if test.hidden:
        message = f"hidden case: {message}"
    wrapper = textwrap.TextWrapper(WIDTH, initial_indent=indent, subsequent_indent=indent)
    lines = [line for paragraph in (prefix + message).splitlines() if paragraph.strip()
             for line in wrapper.wrap(paragraph)]
    if len(lines) > MAX_MESSAGE_LINES:
        lines = lines[:MAX_MESSAGE_LINES]
        lines[-1] = lines[-1][: WIDTH - 4].rstrip() + " ..."
    return lines


def _seed_line(results):
    """How to repeat the inputs drawn at grading time, when some points were lost to them."""
    lost = any(e.status not in (PASSED, NOT_IMPLEMENTED) for e in results.exercises)
    if results.seed is None or not lost:
        return ""
    return (f"Some inputs were drawn at random for this grading (seed {results.seed}); "
            f"add{NO_BREAK_SPACE}--seed{NO_BREAK_SPACE}{results.seed} to the command to get the same ones again.")


def _not_implemented_hint(results):
    """Where the stubs are and how to grade again, for the weeks that still have some."""
    weeks = [week.name for week in results.weeks
             if any(test.status == NOT_IMPLEMENTED for e in week.exercises for test in e.tests)]
    if not weeks:
        return ""
    submission = os.path.normpath(results.submission or ".")
    places = _join_words([_stub_place(submission, week) for week in weeks])
    # The default submission needs no option; any other must be named again to grade the same code.
    flag = "--notebook" if submission.endswith(".ipynb") else "--submission"
    option = "" if submission == DEFAULT_SUBMISSION else f" {flag} {shlex.quote(results.submission)}"
    command = f"python -m grader {' '.join(weeks)}{option}".replace(" ", NO_BREAK_SPACE)
    return f"Fill in the # YOUR CODE HERE blocks in {places} and run {command} again."


def _stub_place(submission, week):
    """``submission`` is what the user passed: a folder of weeks, one week's folder, one module file,
    or a notebook."""
    if submission.endswith((".py", ".ipynb")):
        return submission
    if os.path.basename(submission) == week:
        return submission + os.sep
    return os.path.join(submission, week) + os.sep


def _join_words(words):
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _shorten(label, room):
    return label if len(label) <= room else label[: max(room - 3, 1)] + "..."


def _paint(text, style, color):
    return f"{style}{text}{RESET}" if color else text
