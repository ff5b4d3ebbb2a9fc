"""The guard finds every change to a guarded file, however it is made, and looks at the files only
when something changed (on Linux the kernel says when)."""
import os
import shutil
import sys
import time

import pytest

from grader.sandbox.guard import Guard


@pytest.fixture()
def guarded(tmp_path):
    course = tmp_path / "course"
    (course / "tests" / "week1").mkdir(parents=True)
    (course / "tests" / "week1" / "test_a.py").write_text("original\n")
    (course / "site").mkdir()
    guard = Guard([course / "tests"], listed=[(course / "site", ["*.pth"])])
    yield course, guard
    if guard.quarantine is not None:
        shutil.rmtree(guard.quarantine, ignore_errors=True)  # the changed versions, kept for an instructor


def during(call):
    """``call()`` and the window of time it ran in, as the sandbox records a request's."""
    start = time.time_ns()
    call()
    return [(start, time.time_ns())]


def test_a_guard_with_nothing_changed_does_not_look_at_the_files(guarded, monkeypatch):
    course, guard = guarded
    if guard._watch is None:
        pytest.skip("no inotify here: every check looks at every file")
    monkeypatch.setattr(Guard, "_walk", lambda self: pytest.fail("walked the files with nothing changed"))
    assert guard.check([(0, time.time_ns())]) == []


def test_an_edit_is_put_back(guarded):
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    assert guard.check(during(lambda: path.write_text("changed\n"))) == [str(path)]
    assert path.read_text() == "original\n"


def test_an_edit_whose_time_was_set_back_is_put_back(guarded):
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    before = os.stat(path)

    def edit():
        path.write_text("changed!\n")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert guard.check(during(edit)) == [str(path)]
    assert path.read_text() == "original\n"


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_a_write_through_a_hard_link_made_elsewhere_is_put_back(guarded, tmp_path):
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    elsewhere = tmp_path / "elsewhere.py"

    def edit():
        os.link(path, elsewhere)
        with open(elsewhere, "w") as f:  # the guarded folder's own watch never hears of this path
            f.write("changed through a link\n")

    assert guard.check(during(edit)) == [str(path)]
    assert path.read_text() == "original\n"


def test_new_files_in_new_folders_and_listed_ones_are_removed(guarded):
    course, guard = guarded
    deep = course / "tests" / "week1" / "new" / "deeper"

    def create():
        deep.mkdir(parents=True)
        (deep / "conftest.py").write_text("raise SystemExit\n")
        (course / "site" / "evil.pth").write_text("import os\n")

    changed = guard.check(during(create))
    assert sorted(changed) == sorted([str(deep / "conftest.py"), str(course / "site" / "evil.pth")])
    assert not (deep / "conftest.py").exists() and not (course / "site" / "evil.pth").exists()
    # and a file written later into the new folder is seen too
    assert guard.check(during(lambda: (deep / "again.py").write_text("x\n"))) == [str(deep / "again.py")]


def test_a_change_outside_the_submissions_windows_is_someone_elses(guarded):
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    path.write_text("an instructor's edit\n")
    assert guard.check([(0, 1)]) == []
    assert path.read_text() == "an instructor's edit\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_a_forked_process_watches_on_its_own(guarded):
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        guard.watch_again()
        os.write(write, b"1")
        time.sleep(0.5)
        os._exit(0)
    os.read(read, 1)  # the child has its own watch: the events of this process stay this process's
    assert guard.check(during(lambda: path.write_text("changed\n"))) == [str(path)]
    os.waitpid(pid, 0)


def test_when_a_folder_cannot_be_watched_every_check_looks(guarded, monkeypatch):
    course, guard = guarded
    if guard._watch is None:
        pytest.skip("no inotify here: every check looks at every file")
    monkeypatch.setattr(guard._watch, "_watched", set())  # so that the folders are added again...
    monkeypatch.setattr(guard._watch, "fd", -1)  # ...and fail, as at the limit of watches
    list(guard._walk())
    path = course / "tests" / "week1" / "test_a.py"
    for _ in range(2):  # not only the first time
        assert guard.check(during(lambda: path.write_text("changed\n"))) == [str(path)]


def test_a_write_through_a_memory_mapping_is_put_back(guarded):
    # A shared mapping's writes make no inotify event; the file was opened, though, and its times move.
    import mmap

    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    kept = {}

    def open_and_map():  # one call keeps the file open and mapped...
        kept["fd"] = os.open(path, os.O_RDWR)
        kept["map"] = mmap.mmap(kept["fd"], 0)

    assert guard.check(during(open_and_map)) == []
    time.sleep(0.01)  # a later change time than the snapshot's, on coarse clocks too

    def write():  # ...a later one writes through the mapping
        kept["map"][0:1] = b"O"
        kept["map"].flush()

    try:
        assert guard.check(during(write)) == [str(path)]
    finally:
        kept["map"].close()
        os.close(kept["fd"])
    assert path.read_text() == "original\n"


def test_a_change_left_alone_during_the_run_is_put_back_at_its_end(guarded):
    # Between two calls, a thread the submission left running in its worker writes too: the check after
    # a test cannot blame that test, but the run's end puts back what was there before it.
    course, guard = guarded
    path = course / "tests" / "week1" / "test_a.py"
    path.write_text("written between calls\n")
    assert guard.check([(0, 1)]) == []
    assert guard.verify() == [str(path)]
    assert path.read_text() == "original\n"
    assert guard.check([(0, 1)]) == []  # the original is the baseline again
