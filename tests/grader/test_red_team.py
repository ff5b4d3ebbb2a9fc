"""The red team: every attack found on the grader, as a test (issue: "a score nobody can forge").

Threat model: the course files and the instructor are trusted; every submission is hostile and may do
anything its process can. Each test asserts that the attack earns nothing beyond the exercises it
sits in, that the course's files are byte-identical afterwards, and that no process of the submission
is left. Most attacks only make sense against the jail (the grader running as root, as in CI, class
grading and on Gradescope): as an ordinary user they are skipped, since the learner would only be
cheating themselves (the report says "not isolated").
"""
import json
import os
import re
import shutil
import site
import subprocess
import sys
import time

import pytest

from grader.sandbox import jail

from .conftest import tree_digest

jailed = pytest.mark.skipif(jail.available_mode() == jail.NONE, reason="the jail needs the grader to run as root")

CONFTEST = """\
import importlib, grader.sandbox as s
s.SubmissionModule.__getattr__ = lambda self, n: getattr(importlib.import_module("solutions." + self._module), n)
"""


def orphaned_jail_processes():
    """PIDs of processes of a jail whose grading process has ended: each jail's user names the
    grading process that started it (``jail.jail_uid``), so a process of a jail outliving it shows."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                uid = os.stat(f"/proc/{entry}").st_uid
            except OSError:
                continue
            if uid >= jail.FIRST_UID and not os.path.exists(f"/proc/{jail.grader_pid_of(uid)}"):
                found.append(int(entry))
    return found


def exercises_of(report):
    return {e["name"]: e for w in report["weeks"] for e in w["exercises"]}


# ------------------------------------------------------------------- what pytest loads
@pytest.mark.parametrize("where", ["root", "week"])
def test_a_conftest_beside_the_stubs_earns_nothing(course, tmp_path, where):
    submission = tmp_path / "stubs_with_conftest"
    subprocess.run(["cp", "-r", str(course.root / "exercises"), str(submission)], check=True)
    (submission / ("conftest.py" if where == "root" else "week1/conftest.py")).write_text(CONFTEST)
    (submission / "evil.pth").write_text("import os; os.environ['EVIL'] = '1'\n")
    code, exercises, report = course.grade_json("week1", "--submission", submission)
    assert report["points"] == 0 and code == 1
    assert all(e["status"] == "not implemented" for e in exercises.values())


def test_a_conftest_earns_nothing_in_class_grading_and_on_gradescope(course, tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "mallory").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(course.root / "exercises" / "week1"), str(uploads / "mallory")], check=True)
    (uploads / "mallory" / "conftest.py").write_text(CONFTEST)
    csv_path = tmp_path / "grades.csv"
    course.grader("week1", "--submissions", uploads, "--csv", csv_path, "--jobs", "1", "--allow-unisolated")
    row = csv_path.read_text().splitlines()[1].split(",")
    assert row[:3] == ["mallory", "graded", "0"], row

    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(uploads / "mallory" / "week1"), str(root / "submission")], check=True)
    (root / "submission" / "conftest.py").write_text(CONFTEST)
    env = {**os.environ, "PYTHONPATH": str(course.root), "AUTOGRADER_ALLOW_UNISOLATED": "1"}
    subprocess.run([sys.executable, "-m", "grader.tools.platforms", "run", "week1", "--root", str(root)],
                   cwd=course.root, env=env, check=True, capture_output=True, timeout=300)
    assert json.loads((root / "results" / "results.json").read_text())["score"] == 0


# ------------------------------------------------------------------ attacks from the code
ATTACKS = """

def basic_sigmoid(x):  # read the reference solution and the fixtures
    text = open({solution!r}).read() + open({fixture!r}, "rb").read()[:100].hex()
    raise ValueError(text)


def sigmoid(x):  # signal, stop, ptrace or write the memory of every process it can name
    import ctypes, os, signal
    for pid in [1, os.getppid(), -1]:
        for number in (signal.SIGSTOP, signal.SIGKILL):
            try:
                os.kill(pid, number)
            except OSError:
                pass
    libc = ctypes.CDLL(None)
    for pid in range(1, 64):
        libc.ptrace(16, pid, 0, 0)  # PTRACE_ATTACH
        try:
            with open(f"/proc/{{pid}}/mem", "wb") as mem:
                mem.write(b"x")
        except OSError:
            pass
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):  # a double-forked process that outlives the call and edits the report
    import os, time
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(2)
            for path in ({output!r}, {test_file!r}):
                try:
                    with open(path, "w") as f:
                        f.write("forged")
                except OSError:
                    pass
        os._exit(0)
    os.wait()
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def image2vector(image):  # leave files that later runs would load
    import os
    for path, text in (({course_conftest!r}, "raise SystemExit"), ({pth!r}, "import os\\n")):
        try:
            with open(path, "w") as f:
                f.write(text)
        except OSError:
            pass
    try:
        stat = os.stat({fixture!r})
        with open({fixture!r}, "r+b") as f:
            f.seek(2000)
            f.write(b"tampered")
        os.utime({fixture!r}, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    except OSError:
        pass
    return image.reshape(-1, 1)


def normalize_rows(x):  # an answer whose header alone is 100 MB
    return ["x" * 1000] * 100_000


def softmax(x):  # an unbounded log of prints
    import sys
    block = "y" * 2**20
    while True:
        sys.stdout.write(block)


def L1(yhat, y):  # a fork bomb
    import os
    while True:
        os.fork()


def L2(yhat, y):  # a message built to break reports
    raise ValueError("\\ud800\\x1b[2J\\x00" + "A" * 10_000_000)
"""


@pytest.fixture(scope="module")
def attacks(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("attacks")
    output = folder / "report.json"
    paths = {"solution": str(course.root / "solutions" / "week1" / "numpy_basics.py"),
             "fixture": str(course.root / "tests" / "week1" / "fixtures" / "numpy_basics.zip"),
             "test_file": str(course.root / "tests" / "week1" / "test_numpy_basics.py"),
             "course_conftest": str(course.root / "conftest.py"), "output": str(output),
             "pth": os.path.join(site.getsitepackages()[0], "zz_grader_attack.pth")}
    before = tree_digest(course.root / "tests", course.root / "grader", course.root / "solutions")
    submission = course.submission("attacks", {"week1/numpy_basics.py": ATTACKS.format(**paths)})
    start = time.monotonic()
    done = course.grader("week1", "--submission", submission, "--timeout", "5", "--format", "json",
                         "--output", output)
    seconds = time.monotonic() - start
    written = output.read_text()
    time.sleep(3)  # anything left behind would have rewritten the report and the test file by now
    return {"done": done, "report": json.loads(written), "written": written, "output": output, "paths": paths,
            "seconds": seconds, "before": before,
            "after": tree_digest(course.root / "tests", course.root / "grader", course.root / "solutions")}


@jailed
def test_attacks_cost_only_their_exercises(attacks):
    exercises = exercises_of(attacks["report"])
    assert attacks["done"].returncode == 1, attacks["done"].stderr
    for name in ("basic_sigmoid", "normalize_rows", "softmax", "L1", "L2"):
        assert exercises[name]["points"] == 0, exercises[name]
    # Processes are looked for after each test: where a test also calls sigmoid, whose attack kills
    # every process it can (the stray included), nothing is left to find, and nothing was harmed.
    assert exercises["sigmoid_derivative"]["points"] < exercises["sigmoid_derivative"]["max_points"] / 2
    untouched = [e for n, e in exercises.items() if n not in ("basic_sigmoid", "sigmoid_derivative",
                                                              "normalize_rows", "softmax", "L1", "L2")]
    # sigmoid and image2vector attack others, then return the right answer: nothing was harmed.
    assert untouched and all(e["status"] == "passed" for e in untouched), \
        [(e["name"], e["message"]) for e in untouched if e["status"] != "passed"]
    assert attacks["report"]["isolation"] == "namespaces"


@jailed
def test_the_solution_and_the_fixtures_are_not_there_to_read(attacks):
    exercise = exercises_of(attacks["report"])["basic_sigmoid"]
    assert exercise["status"] == "error"
    assert "No such file" in exercise["message"] and "def " not in exercise["message"]


@jailed
def test_a_process_left_running_is_stopped_and_named(attacks):
    exercise = exercises_of(attacks["report"])["sigmoid_derivative"]
    assert "left 1 process running" in exercise["message"], exercise
    assert attacks["output"].read_text() == attacks["written"]  # nothing rewrote the report later
    assert orphaned_jail_processes() == []


@jailed
def test_course_files_and_site_packages_are_untouched(attacks):
    assert attacks["after"] == attacks["before"]
    assert not os.path.exists(attacks["paths"]["course_conftest"])
    assert not os.path.exists(attacks["paths"]["pth"])


@jailed
def test_exhaustion_is_refused_quickly(attacks):
    exercises = exercises_of(attacks["report"])
    assert "cannot read" in exercises["normalize_rows"]["message"], exercises["normalize_rows"]
    assert exercises["softmax"]["status"] in ("error", "crashed")
    assert "64 MB" in exercises["softmax"]["message"], exercises["softmax"]
    assert exercises["L1"]["status"] in ("error", "crashed", "timed out")
    assert attacks["seconds"] < 120


@jailed
def test_a_hostile_message_is_capped_and_clean(attacks):
    message = exercises_of(attacks["report"])["L2"]["message"]
    assert len(message) < 5000
    assert "\x1b" not in message and "\x00" not in message and "\ud800" not in message


def test_a_symlink_to_the_solution_is_not_followed(course, tmp_path):
    if not (course.root / "solutions").is_dir():
        pytest.skip("no solutions/ in this copy of the course (the student release)")
    submission = tmp_path / "linked"
    subprocess.run(["cp", "-r", str(course.root / "exercises"), str(submission)], check=True)
    module = submission / "week1" / "numpy_basics.py"
    module.unlink()
    module.symlink_to(course.root / "solutions" / "week1" / "numpy_basics.py")
    _, exercises, report = course.grade_json("week1", "--submission", submission)
    assert all(e["points"] == 0 for n, e in exercises.items() if e["module"] == "numpy_basics")


# ----------------------------------------------------------------------------- class grading
HOSTILE_ENTRY = """

def sigmoid(x):
    import os, signal, time
    for victim in {victims!r}:
        for root, _, names in os.walk(victim):
            for name in names:
                try:
                    with open(os.path.join(root, name), "w") as f:
                        f.write("def sigmoid(x):\\n    return 0\\n")
                except OSError:
                    pass
    try:
        os.kill(-1, signal.SIGKILL)
    except OSError:
        pass
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(2)
            try:
                with open({csv!r}, "w") as f:
                    f.write("submission,status\\nmallory,graded\\n")
            except OSError:
                pass
        os._exit(0)
    os.wait()
    return 1 / (1 + np.exp(-x))
"""


@jailed
def test_a_hostile_entry_changes_nothing_for_the_others(course, tmp_path):
    if not (course.root / "solutions").is_dir():
        pytest.skip("no solutions/ in this copy of the course (the student release)")
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    for name in ("alice", "bob"):
        subprocess.run(["cp", "-r", str(course.root / "solutions"), str(uploads / name)], check=True)
    honest = tree_digest(uploads / "alice", uploads / "bob")
    csv_path = tmp_path / "grades.csv"
    subprocess.run(["cp", "-r", str(course.root / "solutions"), str(uploads / "mallory")], check=True)
    with open(uploads / "mallory" / "week1" / "numpy_basics.py", "a") as f:
        f.write(HOSTILE_ENTRY.format(victims=[str(uploads / "alice"), str(uploads / "bob")], csv=str(csv_path)))
    done = course.grader("week1", "--submissions", uploads, "--csv", csv_path, "--jobs", "2")
    assert done.returncode == 0, done.stderr
    written = csv_path.read_text()
    time.sleep(3)
    assert csv_path.read_text() == written
    rows = {line.split(",")[0]: line.split(",") for line in written.splitlines()[1:]}
    assert sorted(rows) == ["alice", "bob", "mallory"]
    assert rows["alice"][1:4] == ["graded", "30", "30"] and rows["bob"][1:4] == ["graded", "30", "30"]
    assert rows["mallory"][1] == "graded" and float(rows["mallory"][2]) < 30
    assert tree_digest(uploads / "alice", uploads / "bob") == honest
    assert orphaned_jail_processes() == []


# ------------------------------------------------------------------------- without a jail
def test_unisolated_grading_says_so_and_refuses_where_it_must(course, tmp_path):
    env = {"GRADER_JAIL": "none", "CI": ""}
    done = course.grader("week1", "--submission", course.root / "exercises", env=env)
    assert done.stdout.splitlines()[0].startswith("not isolated")
    refused = course.grader("week1", "--submission", course.root / "exercises", "--require-isolation", env=env)
    assert refused.returncode == 2 and "--allow-unisolated" in refused.stderr
    refused = course.grader("week1", "--submission", course.root / "exercises", env={**env, "CI": "true"})
    assert refused.returncode == 2
    allowed = course.grader("week1", "--submission", course.root / "exercises", "--allow-unisolated",
                            env={**env, "CI": "true"})
    assert allowed.returncode == 1 and "not isolated" in allowed.stdout
    uploads = tmp_path / "uploads"
    (uploads / "alice").mkdir(parents=True)
    refused = course.grader("week1", "--submissions", uploads, "--csv", tmp_path / "g.csv", env=env)
    assert refused.returncode == 2 and "--allow-unisolated" in refused.stderr
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    (root / "submission" / "numpy_basics.py").write_text("")
    subprocess.run([sys.executable, "-m", "grader.tools.platforms", "run", "week1", "--root", str(root)], cwd=course.root,
                   env={**os.environ, "PYTHONPATH": str(course.root), **env}, check=True, capture_output=True)
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == 0 and "AUTOGRADER_ALLOW_UNISOLATED=1" in results["output"]


@pytest.mark.skipif(jail.available_mode() == jail.NONE, reason="the user-only jail needs root")
def test_the_user_only_jail_when_namespaces_are_refused(course, tmp_path):
    """The fallback for root without namespaces (an unprivileged container): its own user, and every
    process of that user killed at the end. Python must be readable by other users for it."""
    if any(not os.access(p, os.R_OK | os.X_OK) or (os.stat(p).st_mode & 0o005) != 0o005
           for p in _parents(sys.executable)):
        pytest.skip("this Python is not readable by other users (e.g. under /root): the user-only jail cannot run it")
    code, exercises, report = course.grade_json("week1", "--solutions", env={"GRADER_JAIL": "user"})
    assert report["isolation"] == "user" and code == 0


def _parents(path):
    path = os.path.realpath(path)
    while path != "/":
        path = os.path.dirname(path)
        yield path


LINKING_SAVE = """

def _save_as_link(self, path):  # hand the grader a link to a course file instead of a model
    import os
    os.symlink({target!r}, path)


DeepClassifier.save = _save_as_link
"""


@jailed
def test_a_link_handed_over_as_a_file_is_not_followed(course):
    target = str(course.root / "tests" / "week7" / "fixtures" / "trainer.zip")
    submission = course.submission("linking", {"week7/trainer.py": LINKING_SAVE.format(target=target)})
    _, exercises, _ = course.grade_json("week7", "--submission", submission, "--exercise", "DeepClassifier.save")
    exercise = exercises["DeepClassifier.save"]
    assert exercise["points"] == 0 and "symbolic link" in exercise["message"], exercise


PERSISTENCE = """

def image2vector(image):  # edit a fixture in place and restore its mtime; leave start-up files
    import os
    stat = os.stat({fixture!r})
    with open({fixture!r}, "r+b") as f:
        f.seek(2000)
        f.write(b"tampered")
    os.utime({fixture!r}, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    for path in ({conftest!r}, {pth!r}):
        with open(path, "w") as f:
            f.write("# nothing\\n")
    return image.reshape(-1, 1)
"""


def test_without_a_jail_the_guard_restores_files_by_content(course, tmp_path):
    """The second line of defence, where the grader cannot isolate: every guarded file is compared by
    content, so an edit whose mtime was put back is undone too, and new start-up files are removed."""
    pth = os.path.join(site.getsitepackages()[0], "zz_grader_guard_test.pth")
    paths = {"fixture": str(course.root / "tests" / "week1" / "fixtures" / "numpy_basics.zip"),
             "conftest": str(course.root / "conftest.py"), "pth": pth}
    before = tree_digest(course.root / "tests", course.root / "grader")
    submission = course.submission("persistence", {"week1/numpy_basics.py": PERSISTENCE.format(**paths)})
    try:
        done = course.grader("week1", "--submission", submission, "--format", "json", env={"GRADER_JAIL": "none", "CI": ""})
        assert tree_digest(course.root / "tests", course.root / "grader") == before
        assert not os.path.exists(paths["conftest"]) and not os.path.exists(pth)
        assert "numpy_basics.zip" in done.stderr and "put back" in done.stderr
        exercise = exercises_of(json.loads(done.stdout))["image2vector"]
        assert exercise["points"] == 0 and "course's files" in exercise["message"], exercise
    finally:
        if os.path.exists(pth):
            os.unlink(pth)
        for kept in re.findall(r"kept in (\S*grader-quarantine-\S+)", done.stderr if "done" in locals() else ""):
            shutil.rmtree(kept, ignore_errors=True)  # the tampered copies, kept for an instructor: not after a test


LOOPING = """

def basic_sigmoid(x):
    while True:
        pass
"""


def test_the_whole_run_has_a_time_limit(course):
    submission = course.submission("looping", {"week1/numpy_basics.py": LOOPING})
    start = time.monotonic()
    # One process: in two, the other would grade the rest while this one waits (tests/grader/test_streams.py).
    code, exercises, _ = course.grade_json("week1", "--submission", submission, "--timeout", "30",
                                           "--time-limit", "4", "--processes", "1")
    assert time.monotonic() - start < 25
    assert exercises["basic_sigmoid"]["status"] == "timed out"
    assert "--time-limit" in exercises["basic_sigmoid"]["message"]
    later = [e for e in exercises.values() if "--time-limit" in e["message"]]
    assert code == 1 and len(later) > 1  # the exercises after it were not waited for


@pytest.mark.parametrize("name", ["numpy_basics.py", "week1_numpy_basics.ipynb"])
def test_a_huge_file_is_refused_before_it_is_read(course, tmp_path, name):
    """Compiling or parsing hundreds of megabytes would cost the grading process itself."""
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(40 * 2**20)  # sparse: no disk needed
    flag = "--notebook" if name.endswith(".ipynb") else "--submission"
    done = course.grader("week1", flag, path)
    assert done.returncode == 2 and "larger than" in done.stderr and len(done.stderr.splitlines()) == 1


LINGERING = """

def basic_sigmoid(x):  # a process in a session of its own, still sleeping when the grading ends
    import os, time
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(60)
        os._exit(0)
    os.wait()
    return 1 / (1 + math.exp(-x))
"""


def test_without_a_jail_processes_left_behind_are_stopped_at_the_end(course):
    submission = course.submission("lingering", {"week1/numpy_basics.py": LINGERING})
    done = course.grader("week1", "--submission", submission, env={"GRADER_JAIL": "none", "CI": ""})
    assert "processes running after its calls; they were stopped" in done.stderr, done.stderr  # one a call
    marker = f"{jail.MARKER}=".encode()
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                variables = f.read().split(b"\0")
        except OSError:
            continue
        for variable in variables:  # a process of a grading that has ended (its jail folder is gone)
            assert not (variable.startswith(marker) and not os.path.exists(variable[len(marker):])), entry


HIDING = """

def basic_sigmoid(x):  # a daemon with no session of the worker's and none of its environment
    import os
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execve("/bin/sh", ["sh", "-c", "sleep 3; echo escaped > {target}"], {{}})
        os._exit(0)
    os.wait()
    return 1 / (1 + math.exp(-x))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the grading process adopts orphans on Linux")
def test_without_a_jail_a_daemon_that_drops_its_traces_is_stopped_at_the_end(course, tmp_path):
    target = tmp_path / "written_after_the_grading"
    submission = course.submission("hiding", {"week1/numpy_basics.py": HIDING.format(target=target)})
    done = course.grader("week1", "--submission", submission, env={"GRADER_JAIL": "none", "CI": ""})
    assert "processes running after its calls; they were stopped" in done.stderr, done.stderr
    time.sleep(4)  # it would have written by now
    assert not target.exists()
