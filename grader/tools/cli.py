"""The instructors' commands of ``python -m grader``: regenerating stubs, notebooks and fixtures,
checking the catalogue of mistakes, the scoreboard and the mutation score, grading a class, and
building a Gradescope autograder or a release.

``grader/__main__.py`` sends a command here when its first argument names one of :data:`COMMANDS`
or it grades a class (``--submissions``); everything else is a learner's command (:mod:`grader.cli`).
"""
import argparse
import json
import os
import sys

from . import classroom, fixtures, stubs
from ..cases import write_file
from ..cli import main as learner_cli
from ..cli.main import EXIT_OK, EXIT_POINTS_LOST, _Parser, check_isolation, grade_parser
from ..course import CourseError, relative, resolve_weeks
from ..sandbox.files import writable_path, write_text_atomically


def grade_class_command(argv):
    """``python -m grader WEEK --submissions DIR``: the learner's grading options, for a whole class."""
    args = grade_parser().parse_args(argv)
    if not args.submissions:
        raise CourseError("grading a class needs --submissions DIR")
    check_isolation(args, "the submissions' code")
    return classroom.command(args)


def _regenerate(argv, command, what, source, out_of_date, write):
    """The shared shape of ``stubs`` and ``notebooks``: files generated from solutions/."""
    parser = _Parser(prog=f"python -m grader {command}",
                     description=f"Regenerate {what} from the ### BEGIN/END SOLUTION blocks of solutions/ ({source}).")
    parser.add_argument("--check", action="store_true", help=f"only report files of {what} that are out of date (exit 1)")
    parser.add_argument("--force", action="store_true", help="overwrite files that contain your own code")
    args = parser.parse_args(argv)
    if args.check:
        stale = out_of_date()
        for path in stale:
            print(f"out of date: {relative(path)}")
        print(f"{what} is up to date" if not stale else f"run `{parser.prog}` to regenerate")
        return EXIT_POINTS_LOST if stale else EXIT_OK
    changed = write(force=args.force)
    print("\n".join(f"wrote {relative(p)}" for p in changed) or f"{what} was already up to date")
    return EXIT_OK


def stubs_command(argv):
    return _regenerate(argv, "stubs", "exercises/", "one stub module per solution module", stubs.out_of_date,
                       stubs.write)


def fixtures_command(argv):
    parser = _Parser(prog="python -m grader fixtures",
                     description="Freeze the reference cases of the test suites from the solutions.")
    parser.add_argument("weeks", nargs="*", metavar="WEEK")
    parser.add_argument("--check", action="store_true", help="only report stale fixture files (exit 1)")
    parser.add_argument("--hidden", action="store_true",
                        help="freeze the hidden cases (other seeds) into tests/weekN/fixtures/hidden/ instead")
    args = parser.parse_args(argv)
    if args.hidden and args.check:
        raise CourseError("--check compares the visible fixtures; a stale hidden case shows when the solutions "
                          "are graded (python -m grader all --solutions), as its expected values are theirs")
    if args.hidden:
        for cases, solution in fixtures.case_sets(resolve_weeks(args.weeks)):
            write_file(cases.hidden_file, cases.freeze(solution, hidden=True))
            print(f"wrote {relative(cases.hidden_file)}")
        return EXIT_OK
    if args.check:
        problems = fixtures.stale(args.weeks)
        print("\n".join(problems) or "all fixtures are current")
        return EXIT_POINTS_LOST if problems else EXIT_OK
    for path in fixtures.build(args.weeks):
        print(f"wrote {relative(path)}")
    return EXIT_OK


def notebooks_command(argv):
    from . import notebooks  # nbformat is imported only by the commands that need it

    return _regenerate(argv, "notebooks", "notebooks/", "one notebook per exercise module",
                       notebooks.out_of_date, notebooks.write)


def gradescope_command(argv):
    from . import platforms

    parser = _Parser(prog="python -m grader gradescope",
                     description="Build a Gradescope autograder (.zip) that grades the given weeks.")
    parser.add_argument("weeks", nargs="+", metavar="WEEK")
    parser.add_argument("-o", "--output", metavar="ZIP", help="the archive to write (default: autograder_WEEK.zip)")
    args = parser.parse_args(argv)
    weeks = resolve_weeks(args.weeks)
    path = platforms.build_archive(weeks, args.output or f"autograder_{'_'.join(weeks)}.zip")
    print(f"wrote {relative(path)}: upload it as the autograder of a Gradescope programming assignment")
    return EXIT_OK


RELEASE_DESCRIPTION = """\
Write a copy of the course for learners into OUT_DIR (a new or empty folder outside the course).

It is built from the course's last commit (git archive HEAD), never from the working tree: files
that are not committed (submissions/, grades.csv, a virtual environment, a notebook filled in while
testing) never get in, and uncommitted changes to the files it takes are named in a note. The
exercises and notebooks are generated afresh from the committed solutions. Left out: solutions/,
mistakes/, the hidden cases, .github/, benchmarks/, and the pages of docs/ but the results page. The
examples ship (they train the learner's code).
"""

RELEASE_EPILOG = """\
Before it finishes, the release is checked: no solutions folder, no solution marker, and no answer of
any week (the lines of the solution blocks) except in the given code of a later week (week 6's given
network may hold week 4's forward pass). A release that fails the check is left in OUT_DIR for
inspection, with a message naming each file and answer.

Exit status: 0 written, 1 the release holds answers or instructor-only files, 2 bad usage or input
(an unknown week, a folder that is not new, no git checkout or no git).
"""


def release_command(argv):
    from . import release

    parser = _Parser(prog="python -m grader release", description=RELEASE_DESCRIPTION, epilog=RELEASE_EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", metavar="OUT_DIR", help="a new (or empty) folder outside the course")
    parser.add_argument("--through", metavar="WEEK",
                        help="release only the weeks up to this one (week4, or 4): no file of a later week "
                             "(exercises, notebooks, tests, fixtures, examples), and a README and results page "
                             "of those weeks (default: every week)")
    args = parser.parse_args(argv)
    try:
        built = release.write_release(args.out_dir, through=args.through)
    except release.UnsafeRelease as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_POINTS_LOST
    for note in built.notes():
        print(f"note: {note}", file=sys.stderr)
    print(built.summary())
    return EXIT_OK


def _weeks_and_jobs(parser, what):
    """The WEEK arguments and ``--jobs`` of the instructors' tools that grade many submissions."""
    parser.add_argument("weeks", nargs="*", metavar="WEEK")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help=f"{what} at the same time (default: %(default)s)")


def mistakes_command(argv):
    from . import mistakes

    parser = _Parser(prog="python -m grader mistakes",
                     description="Grade every catalogued mistake (mistakes/weekN/) and, for every exercise, a "
                                 "submission that replays the answers of another grading: each must lose points, "
                                 "and each mistake a reference case can recognise must show its hint; every "
                                 "variant (correct code written another way) must keep full marks.")
    _weeks_and_jobs(parser, "submissions graded")
    parser.add_argument("--no-memorisers", dest="memorisers", action="store_false",
                        help="grade only the catalogue, not the hard-coding submissions")
    parser.add_argument("--verbose", "-v", action="store_true", help="one line per submission, not only problems")
    args = parser.parse_args(argv)
    weeks = resolve_weeks(args.weeks)
    report = mistakes.Report(verbose=args.verbose)
    report.add(mistakes.check(mistakes.catalogue(weeks), args.jobs, report.progress))
    report.add(mistakes.check(mistakes.catalogue(weeks, variants=True), args.jobs, report.progress))
    if args.memorisers:
        report.add(mistakes.check_memorisers(weeks, args.jobs, report.progress))
    print(report.summary(weeks))
    return EXIT_OK if report.ok else EXIT_POINTS_LOST


def scoreboard_command(argv):
    from . import scoreboard

    parser = _Parser(prog="python -m grader scoreboard",
                     description="The same grade on every machine. --output FILE: grade the solutions, the stubs, "
                                 "every catalogued mistake and every variant with one seed and write the scores and "
                                 "the versions of Python, NumPy, h5py and pytest. --compare A B ...: list the entries "
                                 "whose points or status differ (exit 1 if any) and print a table of totals.")
    _weeks_and_jobs(parser, "submissions graded")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--output", "-o", metavar="FILE", help="write this machine's scoreboard (JSON) here")
    action.add_argument("--compare", nargs="+", metavar="FILE", help="compare scoreboards written elsewhere")
    parser.add_argument("--seed", type=int, default=scoreboard.DEFAULT_SEED,
                        help="the grading seed, the same on every machine (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.output:
        writable_path(args.output)  # before minutes of grading, not after
        board = scoreboard.collect(args.weeks, args.seed, args.jobs, lambda line: print(line, file=sys.stderr))
        write_text_atomically(args.output, json.dumps(board, indent=1, sort_keys=True) + "\n")
        print(scoreboard.totals_table([board], [args.output]))
        return EXIT_OK
    if len(args.compare) < 2:
        raise CourseError("--compare needs two scoreboards or more")
    boards = [scoreboard.read(path) for path in args.compare]
    print(scoreboard.totals_table(boards, args.compare))
    found = scoreboard.differences(boards)
    for key, entries in found:
        print(f"differs: {key}: " + " | ".join(scoreboard.describe(e) for e in entries))
    print(f"\n{len(found)} entr{'y differs' if len(found) == 1 else 'ies differ'}" if found else
          f"\nthe same points and status for all {len(boards[0]['entries'])} entries")
    return EXIT_POINTS_LOST if found else EXIT_OK


def mutation_command(argv):
    from . import mutation

    parser = _Parser(prog="python -m grader mutation",
                     description="Mutation score of the suites: mutate the solution blocks of solutions/ with "
                                 "cosmic-ray (pip install -e '.[mutation]') and count the mutants the tests kill.")
    _weeks_and_jobs(parser, "mutants tested")
    parser.add_argument("--target", type=float, default=90.0, metavar="PERCENT",
                        help="exit 1 when a week's score is below this (default: %(default)s)")
    parser.add_argument("--module", action="append", default=[], metavar="NAME",
                        help="only the mutants of this module (numpy_basics; repeatable)")
    parser.add_argument("--line", action="append", default=[], type=int, metavar="N",
                        help="only the mutants on this line of the module (repeatable)")
    parser.add_argument("--verbose", "-v", action="store_true", help="a line per mutant, not only survivors")
    return mutation.command(parser.parse_args(argv))


COMMANDS = {"mistakes": mistakes_command, "mutation": mutation_command, "stubs": stubs_command,
            "fixtures": fixtures_command, "notebooks": notebooks_command, "gradescope": gradescope_command,
            "release": release_command, "scoreboard": scoreboard_command}


def main(argv=None):
    return learner_cli.main(argv, COMMANDS, default=grade_class_command)
