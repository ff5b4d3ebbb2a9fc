"""The course's auto-grader: runs the test suites against a submission in a sandbox and reports scores.

``python -m grader --help`` explains the command line. The package is built in layers; each imports
only from the layers below it (``tests/grader/test_layers.py`` checks this, and that there is no
import cycle):

1. the core, the modules of this folder: the course's layout (:mod:`.course`), the results model
   (:mod:`.results`), the value codec shared by the fixtures and the worker (:mod:`.codec`), the
   checks (:mod:`.checks`), the numerical gradients (:mod:`.numgrad`) and the reference cases
   (:mod:`.cases`) that the test suites are written with;
2. :mod:`.sandbox`: running a submission's code in a jailed worker process and bringing back plain data;
3. :mod:`.grading`: a grading session, pytest with the course's plugin, the suites calling the sandbox;
4. :mod:`.render`: the report as text, JSON, Gradescope results or JUnit XML;
5. :mod:`.cli`: the learner's front ends, ``python -m grader`` and the notebooks' ``check``;
6. :mod:`.tools`: what only instructors run (stubs, notebooks, fixtures, the catalogue of mistakes,
   mutation testing, class grading, course platforms, releases), never imported by a learner's run.

``__main__`` sits on top and sends each command to :mod:`.cli` or :mod:`.tools`. Importing this
package puts the course folder first on ``sys.path`` so that ``datasets`` (and nothing of the same
name installed from PyPI) is the course's own data package.
"""
from .course import ensure_course_on_path

__version__ = "0.1.0"

ensure_course_on_path()
