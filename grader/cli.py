"""Command line: parse arguments, call plain functions, choose the exit code.

Exit codes: 0 full marks (or a command that succeeded), 1 points lost (or stale files found by a
``--check``), 2 bad usage or input (one line on stderr), 3 the grader itself failed, 130 interrupted.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import fixtures, grading, sandbox, stubs
from .course import SOLUTIONS_DIR, CourseError, relative
from .render import FORMATS, render
from .render.text import should_color

EXIT_OK, EXIT_POINTS_LOST, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

DESCRIPTION = """\
Grade your exercises: runs each week's tests against your code and prints a scored report.

  python -m grader week2                 grade exercises/week2 (your work)
  python -m grader week1 week2           several weeks; `all` grades every week
  python -m grader all --solutions       grade the reference solutions (instructors)
  python -m grader week1 --submission ~/alice/exercises
                                         grade another folder laid out like exercises/
  python -m grader --submission numpy_basics.py
                                         grade one module file, named after the module it replaces

The report has one line per exercise (a function you write) with points and a status: passed,
failed, not implemented (still raises NotImplementedError), error (your code raised an exception),
timed out, or crashed. Under each lost exercise is the first check that failed.

Other commands:  list [WEEK...]         weeks, exercises and points
                 stubs [--check]        regenerate exercises/ from solutions/ (instructors)
                 fixtures [WEEK...] [--check]
                                        refreeze the reference values in tests/*/fixtures (instructors)

Exit status: 0 full marks, 1 points lost, 2 bad usage or input, 3 grader failure.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 2 like every other bad input."""

    def error(self, message):
        raise CourseError(message)


def _grade_parser():
    parser = _Parser(prog="python -m grader", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("weeks", nargs="*", metavar="WEEK",
                        help="week1, week2, ... or all (default: all, or the week of a single module file)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--solutions", action="store_true", help="grade the reference solutions in solutions/")
    source.add_argument("--submission", metavar="PATH",
                        help="grade this folder (laid out like exercises/) or module file instead of exercises/")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of the screen")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text report (auto: only on a terminal, and never when NO_COLOR is set)")
    parser.add_argument("--timeout", type=float, default=sandbox.DEFAULT_CALL_TIMEOUT, metavar="SECONDS",
                        help="time limit of one call into your code (default: %(default)s)")
    parser.add_argument("--memory-limit", type=int, default=sandbox.DEFAULT_MEMORY_MB, metavar="MB",
                        help="memory limit of the process running your code (default: %(default)s)")
    return parser


def grade_command(argv):
    args = _grade_parser().parse_args(argv)
    path = SOLUTIONS_DIR if args.solutions else args.submission
    submission = grading.prepare(path, args.weeks)
    try:
        results = grading.grade(submission, call_timeout=args.timeout, memory_mb=args.memory_limit)
    finally:
        submission.close()
    for notice in results.notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.output:
        _write_atomically(Path(args.output), render(results, args.format, color=False))
        print(f"{results.points:g}/{results.max_points:g} points ({results.percent:.0f}%); "
              f"{args.format} report written to {args.output}")
    else:
        print(render(results, args.format, color=args.format == "text" and should_color(sys.stdout, args.color)),
              end="")
    return EXIT_OK if results.full_marks else EXIT_POINTS_LOST


def _write_atomically(path, text):
    """Write next to the target and rename, so that an interrupted run never leaves half a report."""
    if not path.parent.is_dir():
        raise CourseError(f"cannot write {path}: no such folder {relative(path.parent)}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def list_command(argv):
    parser = _Parser(prog="python -m grader list", description="List the weeks, their exercises and points.")
    parser.add_argument("weeks", nargs="*", metavar="WEEK")
    args = parser.parse_args(argv)
    for week in grading.list_exercises(args.weeks):
        print(f"{week.name}  {week.title}  ({week.max_points:g} points)")
        for module, exercises in week.modules():
            print(f"  {module}.py")
            for exercise in exercises:
                tests = len(exercise.tests)
                points = exercise.max_points
                print(f"    {exercise.name:<32} {points:>5g} point{'s' * (points != 1)}  "
                      f"({tests} test{'s' * (tests != 1)})")
    return EXIT_OK


def stubs_command(argv):
    parser = _Parser(prog="python -m grader stubs",
                     description="Regenerate exercises/ from the ### BEGIN/END SOLUTION blocks of solutions/.")
    parser.add_argument("--check", action="store_true", help="only report stubs that are out of date (exit 1)")
    parser.add_argument("--force", action="store_true", help="overwrite exercise files that contain your own code")
    args = parser.parse_args(argv)
    if args.check:
        stale = stubs.out_of_date()
        for path in stale:
            print(f"out of date: {relative(path)}")
        print("exercises/ is up to date" if not stale else "run `python -m grader stubs` to regenerate")
        return EXIT_POINTS_LOST if stale else EXIT_OK
    changed = stubs.write(force=args.force)
    print("\n".join(f"wrote {relative(p)}" for p in changed) or "exercises/ was already up to date")
    return EXIT_OK


def fixtures_command(argv):
    parser = _Parser(prog="python -m grader fixtures",
                     description="Freeze the reference cases of the test suites from the solutions.")
    parser.add_argument("weeks", nargs="*", metavar="WEEK")
    parser.add_argument("--check", action="store_true", help="only report stale fixture files (exit 1)")
    args = parser.parse_args(argv)
    if args.check:
        problems = fixtures.stale(args.weeks)
        print("\n".join(problems) or "all fixtures are current")
        return EXIT_POINTS_LOST if problems else EXIT_OK
    for path in fixtures.build(args.weeks):
        print(f"wrote {relative(path)}")
    return EXIT_OK


COMMANDS = {"list": list_command, "stubs": stubs_command, "fixtures": fixtures_command}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(argv[0], None) if argv else None
    try:
        return command(argv[1:]) if command else grade_command(argv)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `python -m grader list | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except RuntimeError as exc:
        print(f"grader failure: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


