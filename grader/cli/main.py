"""Command line: parse arguments, call plain functions, choose the exit code.

Exit codes: 0 full marks (or a command that succeeded), 1 points lost (or what a tool found: stale
files for a ``--check``, answers in a release, scoreboards that differ), 2 bad usage or input (one
line on stderr), 3 the grader itself failed, 130 interrupted.
"""
import argparse
import os
import sys
from pathlib import Path

from .. import grading, sandbox
from ..sandbox import jail
from ..sandbox.files import remove_abandoned_folders, write_text_atomically
from ..course import SOLUTIONS_DIR, CourseError
from ..render import FORMATS, render
from ..render.text import should_color

EXIT_OK, EXIT_POINTS_LOST, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
GRADER_MEMORY_MB = 4096

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
timed out, or crashed. Under each lost exercise is the first check that failed and, when your
result matches a mistake learners often make, a hint naming it. Some inputs are drawn at random
each time you grade (so that only a correct computation passes); the report gives the seed, and
--seed N repeats a run's inputs.

Notebooks:       python -m grader week1 --notebook notebooks/week1_numpy_basics.ipynb
                                        grade a notebook's code cells (one module; its week and module
                                        are in its metadata); --exercise NAME grades one exercise only

Instructors:     python -m grader week4 --submissions DIR --jobs 4 --csv grades.csv
                                        grade a class: every folder, module or notebook in DIR,
                                        one CSV row each (see --submissions below)

Other commands:  list [WEEK...]         weeks, exercises and points
                 stubs [--check]        regenerate exercises/ from solutions/ (instructors)
                 notebooks [--check]    regenerate notebooks/ from solutions/ (instructors)
                 fixtures [WEEK...] [--check]
                                        refreeze the reference values in tests/*/fixtures (instructors)
                 fixtures [WEEK...] --hidden
                                        freeze hidden cases (other seeds) into tests/*/fixtures/hidden
                 mistakes [WEEK...]     grade every catalogued mistake (mistakes/) and a hard-coding
                                        submission per exercise: each must lose points (instructors)
                 scoreboard -o FILE | --compare A B
                                        the scores of solutions, stubs, mistakes and variants on this
                                        machine, to compare with another NumPy or Python (instructors)
                 mutation [WEEK...]     mutation score of the suites over solutions/ (instructors;
                                        needs the mutation extra)
                 gradescope WEEK... -o autograder.zip
                                        a Gradescope autograder for the weeks (no solutions in it)
                 release OUT_DIR [--through WEEK]
                                        a copy of the course for learners, from the last commit: no
                                        solutions, no hidden cases (only weeks up to WEEK)

Exit status: 0 full marks, 1 points lost, 2 bad usage or input, 3 grader failure.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 2 like every other bad input."""

    def error(self, message):
        raise CourseError(message)


def grade_parser():
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
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every failed check of an exercise, each with its points, not only the first "
                             "(text report; the other formats always hold every test)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text report (auto: only on a terminal, and never when NO_COLOR is set)")
    parser.add_argument("--timeout", type=float, default=sandbox.DEFAULT_CALL_TIMEOUT, metavar="SECONDS",
                        help="time limit of one call into your code (default: %(default)s)")
    parser.add_argument("--memory-limit", type=int, default=sandbox.DEFAULT_MEMORY_MB, metavar="MB",
                        help="memory limit of the process running your code (default: %(default)s)")
    parser.add_argument("--no-hidden", dest="hidden", action="store_false",
                        help="leave out the hidden cases (tests/weekN/fixtures/hidden/, instructors only), "
                             "which are graded wherever they exist")
    source.add_argument("--notebook", metavar="PATH.ipynb",
                        help="grade the code cells of a Jupyter notebook (notebooks/weekN_<module>.ipynb)")
    parser.add_argument("--seed", type=int, metavar="N",
                        help="repeat the inputs drawn at grading time with this seed (a report that lost "
                             "points ends with the seed it used; the JSON report always has it; "
                             "default: a new one each run)")
    parser.add_argument("--exercise", action="append", default=[], metavar="NAME",
                        help="grade only this exercise (repeatable; `python -m grader list` names them)")
    source.add_argument("--submissions", metavar="DIR",
                        help="grade a class: every entry of DIR (a folder, a module file or a notebook) "
                             "in a process of its own, one CSV row each")
    group = parser.add_argument_group("grading a class (--submissions)")
    group.add_argument("--csv", default="grades.csv", metavar="FILE",
                       help="the grades, one row per submission; a rerun grades only the submissions "
                            "without a row (default: %(default)s)")
    group.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="submissions graded at the same time (default: the number of CPUs, %(default)s)")
    group.add_argument("--regrade", action="store_true", help="grade again the submissions already in the CSV")
    parser.add_argument("--processes", type=int, default=None, metavar="N",
                        help="processes that share the exercises, each running the code in a worker of its own "
                             "(default: 2 on Linux with 2 cores or more, where the code is isolated or trusted; "
                             "else 1)")
    parser.add_argument("--time-limit", type=float, default=grading.DEFAULT_TIME_LIMIT, metavar="SECONDS",
                        help="time limit of the whole grading of one submission; its exercises not reached "
                             "in time score 0 as timed out (default: %(default)s)")
    isolation = parser.add_argument_group(
        "isolation", "Run as root, the grader runs the submission's code as a user of its own, in\n"
                     "namespaces of its own where the kernel allows, seeing only its own copy (the\n"
                     "threat model in docs/instructors.md). As an ordinary user it cannot: the report's\n"
                     "first line says \"not isolated\", and the modes below refuse unless\n"
                     "--allow-unisolated.")
    isolation.add_argument("--allow-unisolated", action="store_true",
                           help="grade even where the code cannot be isolated, in the modes that refuse to: "
                                "class grading, the Gradescope autograder, --require-isolation, and when the "
                                "environment variable CI is set")
    isolation.add_argument("--require-isolation", action="store_true",
                           help="refuse to grade a submission whose code cannot be isolated (exit 2)")
    return parser


def check_isolation(args, what):
    """Refuse to grade where the code cannot be isolated, unless the person grading allows it."""
    if args.allow_unisolated or jail.available_mode() != jail.NONE:
        return
    if args.submissions or args.require_isolation or os.environ.get("CI"):
        raise CourseError(f"cannot isolate {what} here (the grader is not running as root, or GRADER_JAIL=none): "
                          "the code would run as you, able to read and change what you can. Run the grader "
                          "as root, or pass --allow-unisolated to grade anyway")


def grade_command(argv):
    """``python -m grader week2``: parse, prepare the submission, run the suites through the sandbox, render."""
    args = grade_parser().parse_args(argv)
    submission = prepare(args)
    try:
        results = grading.grade(submission, call_timeout=args.timeout, memory_mb=args.memory_limit,
                                hidden=args.hidden, exercises=args.exercise, seed=args.seed,
                                time_limit=args.time_limit, processes=args.processes)
    finally:
        submission.close()
    report(results, args)
    return EXIT_OK if results.full_marks else EXIT_POINTS_LOST


def prepare(args):
    """The submission to grade: the learner's exercises, another folder or module, a notebook, or the
    reference solutions; after checking that it may run here."""
    if not args.solutions:  # the reference solutions are the course's own code
        check_isolation(args, "the submission's code")
    if args.processes is not None and args.processes < 1:
        raise CourseError("--processes must be at least 1")
    if args.submissions:  # only `python -m grader` reaches the class-grading tool (grader.tools.cli)
        raise CourseError("--submissions: grade a class with python -m grader ... --submissions DIR")
    limit_own_memory()
    protect_own_memory()
    jail.adopt_orphans()
    remove_abandoned_folders()  # of grader runs that were killed
    if args.solutions and not SOLUTIONS_DIR.is_dir():
        raise CourseError("--solutions: the reference solutions are not part of this copy of the course "
                          "(the learners' release); python -m grader grades your exercises")
    if args.notebook:
        from ..grading import notebook as notebook_module  # nbformat only for a notebook
        return notebook_module.prepare(args.notebook, args.weeks, call_timeout=args.timeout)
    return grading.prepare(SOLUTIONS_DIR if args.solutions else args.submission, args.weeks)


def report(results, args):
    """The report in the chosen format, on the screen or in ``--output`` (then a one-line summary)."""
    for notice in results.notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.output:
        write_text_atomically(Path(args.output), render(results, args.format, color=False, verbose=args.verbose))
        print(f"{results.points:g}/{results.max_points:g} points ({results.percent:.0f}%); "
              f"{args.format} report written to {args.output}")
    else:
        print(render(results, args.format, color=args.format == "text" and should_color(sys.stdout, args.color),
                     verbose=args.verbose), end="")


def limit_own_memory(megabytes=GRADER_MEMORY_MB):
    """A soft address-space limit on the grading process itself: what a submission sends back can
    cost it memory, and a MemoryError here is better than the machine's OOM killer. Soft only: the
    worker's own limit (--memory-limit) may be higher."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 2**20
    if soft == resource.RLIM_INFINITY or soft > wanted:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        except (ValueError, OSError):
            pass


def protect_own_memory():
    """Where the submission's code runs as the same user (unisolated: a learner's own run, or class
    grading with --allow-unisolated), it could read or write this process's memory through
    /proc/PID/mem or ptrace and forge its results. A process that is not dumpable refuses both to
    every process of its user (Linux; root's are not stopped by it, but jailed code is not root)."""
    jail.prctl(jail.PR_SET_DUMPABLE, 0)


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


COMMANDS = {"list": list_command}


def main(argv=None, commands=COMMANDS, default=grade_command):
    """Run a command (``list``, or grading when the first argument names none) and return its exit status.

    The instructors' tools (:mod:`grader.tools.cli`) run through this function too, with their own
    commands, so every command fails the same way: one line and a distinct exit status.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    command = commands.get(argv[0], None) if argv else None
    try:
        return command(argv[1:]) if command else default(argv)
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
