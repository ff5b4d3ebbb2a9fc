"""Grading a class whose uploads are hostile or broken: every entry still ends as a CSV row with a
status and a reason, and none of them can stop the class run or lose the rows of the others.

Symbolic links (loops, links out of the submissions folder, links inside an upload), names that are
not UTF-8, a folder 5000 levels deep, an upload that kills its own grader, a class run killed in the
middle and the temporary folders it leaves behind. The class runs grade week 1 of a copy of the
course (``course``), each with its own temporary folder (``TMPDIR``), so that what they leave behind
can be checked. The first tests are those of the helpers in :mod:`grader.sandbox.files` that copy and remove
such trees.
"""
import csv
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import pytest

from grader.tools import classroom

from grader.sandbox import files
from grader.course import EXERCISES_DIR, CourseError

WEEK = "week1"
DEPTH = 5000
pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links, fifos and signals as on POSIX")


# ------------------------------------------------------------------------------------ helpers
def make_deep_tree(folder, depth=DEPTH):
    """``folder/d/d/.../d/leaf.txt``, ``depth`` folders deep, made one level at a time through open
    descriptors (its path is far longer than the system allows)."""
    os.mkdir(folder)
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            child = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        os.close(os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
    finally:
        os.close(fd)


def dead_pid():
    """The id of a process that has ended (and was reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def week1_modules(course):
    """The folder whose week 1 modules a submission copies: the solutions (the stubs in the student release)."""
    solutions = course.root / "solutions" / WEEK
    return solutions if solutions.is_dir() else course.root / "exercises" / WEEK


def submission(course, folder, numpy_basics_extra=""):
    """A submission laid out like ``exercises/`` in ``folder``, with code appended to numpy_basics.py."""
    shutil.copytree(week1_modules(course), folder / WEEK, ignore=shutil.ignore_patterns("__pycache__"))
    if numpy_basics_extra:
        with open(folder / WEEK / "numpy_basics.py", "a", encoding="utf-8") as f:
            f.write("\n\n" + numpy_basics_extra)
    return folder


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:  # strict UTF-8: the file must be valid
        return {row["submission"]: row for row in csv.DictReader(f)}


def grade_class(course, folder, out, tmpdir):
    """Run the class grading of week 1 with its own temporary folder."""
    tmpdir.mkdir(exist_ok=True)
    return course.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--csv", out, "--jobs", "2", "--time-limit", "60",
                         env={"TMPDIR": str(tmpdir)})


def leftovers(tmpdir):
    """The class grading's temporary folders in ``tmpdir`` (``grader-<pid>-...``)."""
    return sorted(p.name for p in tmpdir.iterdir() if re.match(r"grader-\d+-", p.name))


@pytest.fixture(scope="module")
def full_points(course, tmp_path_factory):
    """The points of the untouched week 1 modules copied from the course (30 for the solutions)."""
    folder = tmp_path_factory.mktemp("reference") / "submissions"
    submission(course, folder / "reference")
    out = folder.parent / "grades.csv"
    done = grade_class(course, folder, out, folder.parent / "tmp")
    assert done.returncode in (0, 1), done.stderr
    return read_csv(out)["reference"]["points"]


# ---------------------------------------------------------------------------- files.remove_tree
def test_remove_tree_removes_a_tree_5000_folders_deep(tmp_path):
    make_deep_tree(tmp_path / "deep")
    files.remove_tree(tmp_path / "deep")
    assert list(tmp_path.iterdir()) == []


def test_remove_tree_never_follows_a_link_and_empties_read_only_folders(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    tree = tmp_path / "tree"
    (tree / "locked" / "inner").mkdir(parents=True)
    (tree / "locked" / "inner" / "file.txt").write_text("x")
    os.symlink(outside, tree / "link_to_folder")
    os.symlink(outside / "keep.txt", tree / "locked" / "link_to_file")
    os.symlink("loop_b", tree / "loop_a")
    os.symlink("loop_a", tree / "loop_b")
    os.chmod(tree / "locked" / "inner", 0)
    os.chmod(tree / "locked", stat.S_IRUSR | stat.S_IXUSR)
    files.remove_tree(tree)
    assert not os.path.lexists(tree)
    assert (outside / "keep.txt").read_text() == "keep"
    link = tmp_path / "link"
    os.symlink(outside, link)
    files.remove_tree(link)  # the link goes, not what it leads to
    assert not os.path.lexists(link) and (outside / "keep.txt").is_file()


def test_remove_tree_accepts_a_missing_path_and_says_when_the_root_stays(tmp_path, monkeypatch):
    files.remove_tree(tmp_path / "nothing here")
    (tmp_path / "tree" / "sub").mkdir(parents=True)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rmdir", refuse)
    with pytest.raises(OSError, match="cannot remove it"):
        files.remove_tree(tmp_path / "tree")


# ------------------------------------------------------------------------------ files.copy_tree
def make_upload(root, outside):
    """An upload with every kind of entry: files, folders, links, a fifo, names that are not UTF-8."""
    (root / "week1" / "sub").mkdir(parents=True)
    (root / "week1" / "a.py").write_text("A = 1\n")
    (root / "week1" / "sub" / "b.txt").write_text("b" * 100)
    (root / "__pycache__").mkdir()
    (root / ".git").mkdir()
    os.symlink(outside, root / "week1" / "link_to_folder")
    os.symlink(outside / "secret.txt", root / "week1" / "sub" / "link_to_file")
    os.symlink("loop_b", root / "loop_a")
    os.symlink("loop_a", root / "loop_b")
    os.mkfifo(root / "fifo")
    odd = os.fsencode(root) + b"/odd\xff"
    os.mkdir(odd)
    with open(odd + b"/na\xefve.py", "w") as f:
        f.write("N = 1\n")


def test_copy_tree_copies_folders_and_regular_files_only(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    make_upload(tmp_path / "upload", outside)
    umask = os.umask(0o077)  # the copy must be readable by others all the same
    try:
        skipped = files.copy_tree(tmp_path / "upload", tmp_path / "copy",
                                  ignore=lambda name: name.startswith(".") or name == "__pycache__")
    finally:
        os.umask(umask)
    copy = os.fsencode(tmp_path / "copy")
    found = {os.path.relpath(path, copy): stat.S_IMODE(os.lstat(path).st_mode)
             for folder, folders, names in os.walk(copy) for path in (os.path.join(folder, name)
                                                                      for name in folders + names)}
    assert found == {b"week1": 0o755, b"week1/sub": 0o755, b"week1/a.py": 0o644, b"week1/sub/b.txt": 0o644,
                     b"odd\xff": 0o755, b"odd\xff/na\xefve.py": 0o644}
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o755
    assert sorted(skipped) == ["fifo", "loop_a", "loop_b", "week1/link_to_folder", "week1/sub/link_to_file"]
    assert (tmp_path / "copy" / "week1" / "sub" / "b.txt").read_text() == "b" * 100


@pytest.mark.parametrize("limits, reason", [
    ({"max_depth": 1}, "deeper than 1 folder"),
    ({"max_files": 3}, "more than 3 files and folders"),
    ({"max_bytes": 2**10}, "more than 1 KB"),
])
def test_copy_tree_beyond_a_limit_raises_and_leaves_nothing(tmp_path, limits, reason):
    (tmp_path / "upload" / "a" / "b").mkdir(parents=True)
    for name in ("x", "y", "z"):
        (tmp_path / "upload" / "a" / "b" / name).write_bytes(b"0" * 600)
    with pytest.raises(files.TreeTooLarge) as raised:
        files.copy_tree(tmp_path / "upload", tmp_path / "copy", **limits)
    assert raised.value.reason == reason and "\n" not in str(raised.value)
    assert isinstance(raised.value, CourseError)
    assert not (tmp_path / "copy").exists()
    (tmp_path / "empty").mkdir()  # a target that existed stays, empty
    with pytest.raises(files.TreeTooLarge):
        files.copy_tree(tmp_path / "upload", tmp_path / "empty", **limits)
    assert list((tmp_path / "empty").iterdir()) == []


def test_copy_tree_stops_a_tree_5000_folders_deep(tmp_path):
    make_deep_tree(tmp_path / "deep")
    try:
        with pytest.raises(files.TreeTooLarge, match="deeper than 32 folders"):
            files.copy_tree(tmp_path / "deep", tmp_path / "copy")
        assert not (tmp_path / "copy").exists()
    finally:
        files.remove_tree(tmp_path / "deep")


def test_copy_tree_refuses_a_link_as_source_and_a_folder_that_is_not_empty_as_target(tmp_path):
    (tmp_path / "upload").mkdir()
    (tmp_path / "upload" / "a.txt").write_text("a")
    os.symlink(tmp_path / "upload", tmp_path / "link")
    with pytest.raises(NotADirectoryError):
        files.copy_tree(tmp_path / "link", tmp_path / "copy")
    with pytest.raises(FileExistsError):
        files.copy_tree(tmp_path / "upload", tmp_path / "upload")
    assert (tmp_path / "upload" / "a.txt").read_text() == "a"


def test_escape_name_makes_a_name_that_is_not_utf8_printable():
    assert files.escape_name(os.fsdecode(b"bad\xff")) == "bad\\xff"
    assert files.escape_name("caf\u00e9") == "caf\u00e9"
    assert files.escape_name(files.escape_name(os.fsdecode(b"bad\xff"))) == "bad\\xff"


# -------------------------------------------------------------------------- temporary folders
def test_temporary_folders_name_their_process_and_only_those_of_ended_processes_are_removed(tmp_path,
                                                                                              monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mine = files.temporary_folder("upload")
    assert mine.parent == tmp_path and mine.name.startswith(f"grader-{os.getpid()}-upload-")
    dead = dead_pid()
    (tmp_path / f"grader-{dead}-course-abc" / "week1").mkdir(parents=True)
    make_deep_tree(tmp_path / f"grader-{dead}-upload-abc")
    (tmp_path / f"grader-{dead}-upload-file").write_text("not a folder")
    (tmp_path / "grader-worker-abc").mkdir()  # not named after a process
    assert sorted(files.remove_abandoned_folders()) == [tmp_path / f"grader-{dead}-course-abc",
                                                        tmp_path / f"grader-{dead}-upload-abc"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, f"grader-{dead}-upload-file",
                                                                "grader-worker-abc"])


# ------------------------------------------------------------------------------ without processes
def test_an_upload_whose_week_and_modules_are_links_is_not_followed(tmp_path):
    real = tmp_path / "real"
    shutil.copytree(EXERCISES_DIR / WEEK, real / WEEK)
    (tmp_path / "alice").mkdir()
    os.symlink(real / WEEK, tmp_path / "alice" / WEEK)
    os.symlink(real / WEEK / "numpy_basics.py", tmp_path / "alice" / "numpy_basics.py")
    os.symlink(real, tmp_path / "alice" / "exercises")
    upload = classroom.prepare_upload(tmp_path / "alice", [WEEK])
    assert upload.problem[0] == "malformed" and "holds none of the files of week1" in upload.problem[1]
    os.symlink(real, tmp_path / "bob")
    assert classroom.prepare_upload(tmp_path / "bob", [WEEK]).problem[0] == "malformed"


def test_the_gradebook_keys_and_writes_names_that_are_not_utf8_escaped(tmp_path):
    out = tmp_path / "grades.csv"
    book = classroom.GradeBook(out, ["submission", "status", "reason"])
    name = os.fsdecode(b"bad\xff")
    book.put({"submission": name, "status": "graded", "reason": os.fsdecode(b"see r\xe9sum\xe9.txt")})
    assert read_csv(out) == {"bad\\xff": {"submission": "bad\\xff", "status": "graded",
                                          "reason": "see r\\xe9sum\\xe9.txt"}}
    assert classroom.GradeBook(out, ["submission", "status", "reason"]).done(name)


# ------------------------------------------------------------------------------ class runs
def test_links_are_never_followed_and_each_gets_a_row(course, tmp_path, full_points):
    folder = tmp_path / "submissions"
    submission(course, folder / "alice")
    outside = course.root / "solutions"
    if not outside.is_dir():  # the student release: a week 1 elsewhere will do
        outside = submission(course, tmp_path / "elsewhere")
    os.symlink(folder / "b", folder / "a")  # a loop in the submissions folder
    os.symlink(folder / "a", folder / "b")
    os.symlink(outside, folder / "evil")  # out of the folder, to the solutions
    os.symlink(folder / "alice", folder / "twin")
    os.mkfifo(folder / "pipe")
    (folder / "looped").mkdir()  # the week's folder is a loop
    os.symlink("loop", folder / "looped" / WEEK)
    os.symlink(WEEK, folder / "looped" / "loop")
    submission(course, folder / "tangled")  # a loop beside a good week1/
    os.symlink("y", folder / "tangled" / "x")
    os.symlink("x", folder / "tangled" / "y")
    os.symlink("../..", folder / "tangled" / WEEK / "up")
    submission(course, folder / "sneaky")  # its module is a link to the solution's
    (folder / "sneaky" / WEEK / "numpy_basics.py").unlink()
    os.symlink(week1_modules(course) / "numpy_basics.py", folder / "sneaky" / WEEK / "numpy_basics.py")
    out = tmp_path / "grades.csv"

    done = grade_class(course, folder, out, tmp_path / "tmp")
    rows = read_csv(out)
    assert {name: row["status"] for name, row in rows.items()} == {
        "alice": "graded", "a": "malformed", "b": "malformed", "evil": "malformed", "twin": "malformed",
        "pipe": "malformed", "looped": "malformed", "tangled": "graded", "sneaky": "graded"}, done.stderr
    assert done.returncode == 1 and "9 submissions" in done.stdout
    assert rows["alice"]["points"] == rows["tangled"]["points"] == full_points
    assert "leads nowhere" in rows["a"]["reason"] and "leads nowhere" in rows["b"]["reason"]
    assert "a symbolic link leading out of the submissions folder" in rows["evil"]["reason"]
    assert rows["evil"]["points"] == "0"
    assert rows["twin"]["reason"].startswith("a symbolic link to alice in the submissions folder")
    assert "neither a file nor a folder" in rows["pipe"]["reason"]
    assert "holds none of the files of week1" in rows["looped"]["reason"]
    assert rows["looped"]["reason"].endswith(f"; links and special files left out: loop, {WEEK}")
    assert f"left out: {WEEK}/up, x, y" in rows["tangled"]["reason"]
    assert rows["sneaky"]["week1.numpy_basics.sigmoid"] == "0"  # the solution behind the link was not graded
    assert f"left out: {WEEK}/numpy_basics.py" in rows["sneaky"]["reason"]
    assert leftovers(tmp_path / "tmp") == []


def test_names_that_are_not_utf8_are_written_escaped_and_not_graded_twice(course, tmp_path, full_points):
    folder = tmp_path / "submissions"
    folder.mkdir()
    raw = os.fsencode(folder)
    submission(course, folder / os.fsdecode(b"bad\xff"))
    submission(course, folder / "carol")
    os.mkdir(raw + b"/carol/" + WEEK.encode() + b"/notes\xfe")
    with open(raw + b"/carol/" + WEEK.encode() + b"/r\xe9sum\xe9.txt", "wb") as f:
        f.write(b"not UTF-8 either")
    with open(raw + b"/odd\xfe.py", "w") as f:
        f.write("def sigmoid(x):\n    return x\n")
    out = tmp_path / "grades.csv"

    first = grade_class(course, folder, out, tmp_path / "tmp")
    rows = read_csv(out)
    assert sorted(rows) == ["bad\\xff", "carol", "odd\\xfe.py"], first.stderr
    assert rows["bad\\xff"]["status"] == "graded" and rows["bad\\xff"]["points"] == full_points
    assert rows["carol"]["status"] == "graded" and rows["carol"]["points"] == full_points
    assert rows["odd\\xfe.py"]["status"] == "malformed" and rows["odd\\xfe.py"]["reason"]
    assert "bad\\xff: graded" in first.stderr  # the progress line too

    again = grade_class(course, folder, out, tmp_path / "tmp")
    assert again.returncode == first.returncode, again.stderr
    assert "grading 0 submissions" in again.stderr and "3 already in" in again.stderr
    assert read_csv(out) == rows


def test_an_upload_5000_folders_deep_gets_a_row_and_leaves_nothing(course, tmp_path, full_points):
    folder = tmp_path / "submissions"
    submission(course, folder / "alice")
    submission(course, folder / "deep")
    make_deep_tree(folder / "deep" / "chain")
    out = tmp_path / "grades.csv"
    try:
        done = grade_class(course, folder, out, tmp_path / "tmp")
    finally:
        files.remove_tree(folder / "deep" / "chain")  # pytest's own clean-up would recurse
    rows = read_csv(out)
    assert rows["deep"]["status"] == "malformed", done.stderr
    assert rows["deep"]["reason"] == "too large to grade: deeper than 32 folders"
    assert rows["alice"]["status"] == "graded" and rows["alice"]["points"] == full_points
    assert "RecursionError" not in done.stderr
    assert leftovers(tmp_path / "tmp") == []


def test_an_upload_that_kills_its_grader_costs_only_its_own_row(course, tmp_path, full_points):
    folder = tmp_path / "submissions"
    submission(course, folder / "alice")
    submission(course, folder / "killer", "def basic_sigmoid(x):\n    import os, signal\n"
                                          "    os.kill(os.getppid(), signal.SIGKILL)\n    return 0.5\n")
    submission(course, folder / "zoe")
    out = tmp_path / "grades.csv"
    done = grade_class(course, folder, out, tmp_path / "tmp")
    rows = read_csv(out)
    killer, column = rows["killer"], "week1.numpy_basics.basic_sigmoid"
    if killer["status"] == "graded":  # in a jail the kill misses the grader: only the exercise is lost
        assert "basic_sigmoid" in killer["reason"], done.stderr
        assert float(killer[column]) < float(rows["alice"][column]) or rows["alice"][column] == "0"
    else:  # the grader died, and the row says so
        assert (killer["status"], killer["reason"]) == ("crashed", "the grading process was killed by SIGKILL")
    assert rows["alice"]["status"] == rows["zoe"]["status"] == "graded"
    assert rows["alice"]["points"] == rows["zoe"]["points"] == full_points
    assert leftovers(tmp_path / "tmp") == []


def test_a_killed_class_run_is_resumed_by_the_next_one(course, tmp_path, full_points):
    folder = tmp_path / "submissions"
    submission(course, folder / "a_quick")
    slow = "import time\ntime.sleep(2)\n"  # the module takes 2 s to import
    for name in ("b_slow", "c_slow", "d_slow"):
        submission(course, folder / name, slow)
    out, tmpdir = tmp_path / "grades.csv", tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(course.root), "TMPDIR": str(tmpdir)}
    # A session of its own: the SIGKILL reaches the class run and the graders it started, as when
    # the job is killed.
    run = subprocess.Popen([sys.executable, "-m", "grader", WEEK, "--submissions", str(folder), "--allow-unisolated", "--csv", str(out),
                            "--jobs", "1"], cwd=course.root, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while not (out.is_file() and read_csv(out)) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.02)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    before = read_csv(out)
    assert 1 <= len(before) < 4, "the class run ended before it could be killed"

    done = grade_class(course, folder, out, tmpdir)
    after = read_csv(out)
    missing = 4 - len(before)
    assert f"grading {missing} submission{'s' * (missing != 1)}" in done.stderr
    assert f"{len(before)} already in" in done.stderr
    assert {name: row for name, row in after.items() if name in before} == before
    assert sorted(after) == ["a_quick", "b_slow", "c_slow", "d_slow"]
    assert {row["status"] for row in after.values()} == {"graded"}
    assert {row["points"] for row in after.values()} == {full_points}
    assert not [name for name in leftovers(tmpdir) if name.startswith(f"grader-{run.pid}-")]


def test_the_next_class_run_removes_the_temporary_folders_of_killed_runs(course, tmp_path):
    folder = tmp_path / "submissions"
    submission(course, folder / "alice")
    tmpdir = tmp_path / "tmp"
    dead, live = dead_pid(), os.getpid()
    for name in (f"grader-{dead}-upload-x1", f"grader-{dead}-course-x2", f"grader-{live}-upload-x3"):
        (tmpdir / name / WEEK).mkdir(parents=True)
    os.chmod(tmpdir / f"grader-{dead}-upload-x1" / WEEK, stat.S_IRUSR | stat.S_IXUSR)
    outside = tmp_path / "keep.txt"
    outside.write_text("keep")
    os.symlink(outside, tmpdir / f"grader-{dead}-course-x2" / "link")
    done = grade_class(course, folder, tmp_path / "grades.csv", tmpdir)
    assert done.returncode in (0, 1), done.stderr
    assert "removed 2 temporary folders of grading runs that were killed" in done.stderr
    assert leftovers(tmpdir) == [f"grader-{live}-upload-x3"]  # its process runs: it is kept
    assert outside.read_text() == "keep"


def test_temporary_folders_are_never_made_in_the_submissions_folder(course, tmp_path):
    folder = tmp_path / "submissions"
    submission(course, folder / "alice")
    done = course.grader(WEEK, "--submissions", folder, "--allow-unisolated", "--csv", tmp_path / "grades.csv",
                         env={"TMPDIR": str(folder)})
    assert done.returncode == 2 and "is inside the submissions folder" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["alice"]


def test_a_name_that_looks_like_an_option_is_a_path(course, tmp_path):
    """An upload named "-alice" is graded as alice's work, and one named "--solutions" cannot turn
    itself into an option of the grader (the path goes as ``--submission=PATH``, one argument). In the
    CSV a name a spreadsheet would run as a formula gets a quote before it, and a name with escape
    sequences reaches neither the CSV nor the terminal as control characters."""
    if not (course.root / "solutions").is_dir():
        pytest.skip("no solutions/ in this copy of the course (the student release)")
    folder = tmp_path / "uploads"
    folder.mkdir()
    shutil.copytree(course.root / "solutions", folder / "-alice")
    shutil.copytree(course.root / "exercises" / "week1", folder / "--solutions" / "week1")
    shutil.copytree(course.root / "exercises" / "week1", folder / "=HYPERLINK(1)" / "week1")
    shutil.copytree(course.root / "exercises" / "week1", folder / "x\x1b[2J\x1b]0;owned\x07y" / "week1")
    out = tmp_path / "grades.csv"
    done = course.grader("week1", "--submissions", folder, "--allow-unisolated", "--csv", out, "--jobs", "1")
    rows = {row["submission"]: row for row in csv.DictReader(open(out, newline="", encoding="utf-8"))}
    assert (rows["'-alice"]["status"], rows["'-alice"]["points"]) == ("graded", "30")
    assert (rows["'--solutions"]["status"], rows["'--solutions"]["points"]) == ("graded", "0")
    assert rows["'=HYPERLINK(1)"]["status"] == "graded"
    assert rows["x\\x1b[2J\\x1b]0;owned\\x07y"]["status"] == "graded"
    assert "\x1b" not in out.read_text(encoding="utf-8") and "\x1b" not in done.stderr
