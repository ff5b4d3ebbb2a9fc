"""The course's own `datasets/` wins over a PyPI package of the same name, however it is installed."""
import os
import subprocess
import sys

from grader.course import COURSE_ROOT


def test_the_course_datasets_package_shadows_a_foreign_one(tmp_path):
    fake = tmp_path / "site" / "datasets"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("FOREIGN = True\n")
    # The foreign package comes first on the path and is even imported before the grader.
    code = "import datasets, grader, importlib; print(importlib.import_module('datasets').__file__)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), str(COURSE_ROOT)])}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(COURSE_ROOT / "datasets")), done.stdout
