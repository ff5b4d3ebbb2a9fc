"""``python -m grader``: a learner's command (:mod:`grader.cli`), or an instructors' tool (:mod:`grader.tools.cli`).

The entry point sits above both: a learner's run never imports the instructors' tools.
"""
import sys

# The instructors' commands (grader.tools.cli.COMMANDS; tests/grader/test_layers.py keeps the two equal).
INSTRUCTOR_COMMANDS = frozenset({"fixtures", "gradescope", "mistakes", "mutation", "notebooks", "release",
                                 "scoreboard", "stubs"})


def for_instructors(argv):
    """Whether ``argv`` asks for an instructors' tool: a command of theirs, or grading a class.

    ``--submissions`` is the only spelling of class grading argparse accepts: any shorter prefix is
    ``--submission`` (one submission) or ambiguous.
    """
    return bool(argv) and argv[0] in INSTRUCTOR_COMMANDS or any(
        arg == "--submissions" or arg.startswith("--submissions=") for arg in argv)


def main(argv):
    if for_instructors(argv):
        from .tools.cli import main as run
    else:
        from .cli.main import main as run
    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
