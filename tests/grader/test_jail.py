"""The jail's view of the machine (grader/sandbox/jail.py): what it would show a submission, read without building it."""
import os

from grader.sandbox import jail
from grader.course import COURSE_ROOT


def within(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def test_the_python_folders_never_show_the_course():
    course = str(COURSE_ROOT)
    for folder in jail._python_folders():
        assert not within(course, folder), f"{folder} would show the whole course"
        if within(folder, course):  # a virtual environment inside the course, and nothing else of it
            assert any(within(folder, os.path.realpath(p)) for p in (jail.sys.prefix, jail.sys.base_prefix))


def test_the_worker_imports_only_from_the_python_folders():
    folders = jail._python_folders()
    for entry in jail.worker_path():
        assert any(within(entry, f) or within(os.path.dirname(entry), f) for f in folders), entry


def test_the_environment_reaching_the_submission_is_an_allow_list():
    passed = jail._passed_on({"PATH": "/usr/bin", "GITHUB_TOKEN": "secret", "AWS_SECRET_ACCESS_KEY": "k",
                              "OPENBLAS_NUM_THREADS": "1", "LC_ALL": "C.UTF-8", "PYTHONPATH": "/course"})
    assert passed == {"PATH": "/usr/bin", "OPENBLAS_NUM_THREADS": "1", "LC_ALL": "C.UTF-8"}


def test_a_folder_on_pythonpath_is_not_shown(monkeypatch, tmp_path):
    """PYTHONPATH may name the course or a folder of submissions: only Python's own folders go in."""
    monkeypatch.setattr(jail.sys, "path", [str(tmp_path), str(COURSE_ROOT), *jail.sys.path])
    folders = jail._python_folders()
    assert not any(within(str(tmp_path), f) or within(str(COURSE_ROOT), f) for f in folders)
    assert str(tmp_path) not in jail.worker_path()
