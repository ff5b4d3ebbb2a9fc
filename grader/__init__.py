"""The course's auto-grader: runs the test suites against a submission in a sandbox and reports scores.

``python -m grader --help`` explains the command line. Importing this package puts the course folder
first on ``sys.path`` so that ``datasets`` (and nothing of the same name installed from PyPI) is the
course's own data package.
"""
from .course import ensure_course_on_path

__version__ = "0.1.0"

ensure_course_on_path()
