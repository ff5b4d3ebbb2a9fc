"""The jail the worker runs in: what a submission's code can see, reach and use.

Three mechanisms, the strongest the machine allows (``GRADER_JAIL=namespaces|user|none`` chooses one
explicitly, e.g. to try the fallbacks):

``namespaces``  (Linux, the grader runs as root) the worker runs as a dedicated user (a uid and gid of
                its own for each jail (:func:`jail_uid`), no supplementary groups, ``no_new_privs``) in new
                PID, mount, IPC, network and UTS namespaces, set up by :mod:`grader.jail_launcher`
                with the kernel's own calls (what ``unshare(1)`` and bubblewrap use). Its file system
                is a tmpfs with read-only views of the system folders and the Python installation,
                the worker's own modules and the course's data, the private copy of the submission
                (``/submission``), a private ``/tmp`` and the exchange folder through which tests hand
                files to it. ``solutions/``, ``tests/``, the fixtures, other submissions and the
                grader's output paths do not exist there; nothing outside ``/tmp``, ``/dev/shm`` and
                the exchange folder is writable; it has no network. It sees only its own processes,
                and when the jail's init ends the kernel ends all of them.
``user``        (root, but the kernel refuses namespaces, as in an unprivileged container) the same
                dedicated user, groups, ``no_new_privs``, session and resource limits, without the
                namespaces: the worker can read what every user may read (keep the course private:
                ``chmod go-rwx``; class grading and the Gradescope archive grade from private copies)
                and open network connections. Every process of the jail's user is killed when it ends.
``none``        (not root: a learner grading their own work) a session of its own and resource
                limits only; the report says "not isolated". What the code leaves running is ended
                at the end (by its session, a variable of its environment, and, on Linux, as an
                orphan that falls to ``python -m grader``: :func:`adopt_orphans`).

Resource limits in every mode: address space (``--memory-limit``), CPU time, processes, open files,
file size (which also caps the log of what the code prints).
"""
import json
import os
import select
import signal
import site
import struct
import subprocess
import sys
import time
from pathlib import Path

from . import files
from ..course import COURSE_ROOT, CourseError

NAMESPACES, USER, NONE = "namespaces", "user", "none"
MODES = (NAMESPACES, USER, NONE)
FIRST_UID = 1_200_000_000  # far above the uids of people and of the subordinate ranges of containers
SLOTS = 2  # jails a grading process may start at once, each with a uid of its own (grader.grading.streams)
CPU_SECONDS = 900
MAX_PROCESSES = 64
MAX_OPEN_FILES = 256
MAX_FILE_MB = 64
TMP_MB = 256
STOP_TIMEOUT = 10.0
STARTUP_TIMEOUT = 60.0  # for the jail launcher to say it has started the jail (it imports NumPy first)
# The worker's own modules, at the same paths in the jail's kit as in the course (its imports are relative).
WORKER_MODULES = ("grader/sandbox/worker.py", "grader/codec.py")
SUBMISSION_MOUNT = "/submission"
BUILD_FAILED = "the grader's jail could not be built"  # the launcher's last words when it cannot
# In the worker's environment: without a jail, its processes (a session of their own included) are
# found by it at the end (Linux). Not a defence, which "none" has not: a tidy end of a learner's run.
MARKER = "GRADER_WORKER_OF"
KIT_MOUNT = "/kit"


class JailError(RuntimeError):
    """The jail could not be built (a problem of the machine, not of the submission)."""


def available_mode():
    """The mechanism this process can use: ``GRADER_JAIL`` if set, else the strongest one possible."""
    wanted = os.environ.get("GRADER_JAIL", "").strip().lower()
    if wanted:
        if wanted not in MODES:
            raise CourseError(f"GRADER_JAIL={wanted!r}: choose one of {', '.join(MODES)}")
        if wanted != NONE and not _is_root():
            raise CourseError(f"GRADER_JAIL={wanted} needs the grader to run as root")
        return wanted
    return NAMESPACES if _is_root() and sys.platform.startswith("linux") else NONE


def jail_uid(grader_pid, slot=0):
    """The user of a grading process's jail ``slot``: no other jail running on the machine has it."""
    if not 0 <= slot < SLOTS:
        raise ValueError(f"a jail's slot is one of 0..{SLOTS - 1}")
    return FIRST_UID + SLOTS * grader_pid + slot


def grader_pid_of(uid):
    """The grading process whose jail runs as ``uid`` (see :func:`jail_uid`), or None."""
    return (uid - FIRST_UID) // SLOTS if uid >= FIRST_UID else None


def _is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


class Jail:
    """The folders of one grading process's jail and the way to start and end its worker."""

    def __init__(self, submission_root, memory_mb, mode=None, slot=0):
        self.mode = mode or available_mode()
        self.memory_mb = memory_mb
        self.uid = self.gid = jail_uid(os.getpid(), slot)
        self.folder = files.temporary_folder("jail")  # a later run removes it if this process is killed
        try:
            os.chmod(self.folder, 0o711)  # the jail's user may pass through, not list
            self.submission = self.folder / "submission"
            if Path(submission_root).is_dir():
                files.copy_tree(submission_root, self.submission, ignore=_ignored)
            else:  # nothing to grade (a release without solutions/): every import says "missing"
                self.submission.mkdir(mode=0o755)
            self.kit = self.folder / "kit"
            _copy_kit(self.kit)
            self.exchange = self.folder / "exchange"
            self.exchange.mkdir(mode=0o700)
            self.work = self.folder / "work"  # the worker's cwd when it has no private /tmp
            self.work.mkdir(mode=0o700)
            if self.mode != NONE:
                for folder in (self.exchange, self.work):
                    os.chown(folder, self.uid, self.gid)
            (self.folder / "root").mkdir()
        except BaseException:
            files.remove_tree(self.folder)
            raise
        self._control = self._init_pid = self._process = None
        self.worker_pid = None
        self.left_running = 0  # without a jail: processes of the submission found and stopped at its end

    @property
    def log_path(self):
        """The worker's log: what it prints, and why it ended."""
        return self.folder / "output.log"

    @property
    def init_pid(self):
        """The host PID of the jail's init (namespaces mode), from the jail launcher's control pipe."""
        self._read_pids()
        return self._init_pid

    @property
    def launcher_pid(self):
        """The host PID of the jail's launcher (namespaces mode): SIGTERM to it ends the jail."""
        self._read_pids()
        return self._launcher_pid

    def _read_pids(self):
        if self._init_pid is None and self._control is not None:
            fd = self._control.fileno()
            data = self._control.read(16) if select.select([fd], [], [], STARTUP_TIMEOUT)[0] else b""
            if len(data) != 16:
                raise JailError(f"the jail could not be started ({self.mode}); its log says why")
            self._launcher_pid, self._init_pid = struct.unpack("<qq", data)

    def worker_status(self, process, timeout):
        """How the worker ended, as ``Popen.returncode`` says it (negative: a signal's number), once
        every process of the jail is gone; None if that takes more than ``timeout`` seconds. Also in
        a forked process that did not start the launcher, and so cannot wait for it: in namespaces
        mode, from the launcher's last words on the control pipe."""
        if self.mode != NAMESPACES:
            try:
                return process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                return None
        if self.init_pid is None or self._control is None:
            return None
        fd = self._control.fileno()
        if not select.select([fd], [], [], timeout)[0]:
            return None
        data = self._control.read(4)
        if len(data) != 4:  # the launcher itself was killed
            return -signal.SIGKILL
        status = struct.unpack("<i", data)[0]
        return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status) if os.WIFEXITED(status) else 111

    # ------------------------------------------------------------------------------- inside
    @property
    def submission_inside(self):
        return SUBMISSION_MOUNT if self.mode == NAMESPACES else str(self.submission)

    @property
    def kit_inside(self):
        return KIT_MOUNT if self.mode == NAMESPACES else str(self.kit)

    def limits(self):
        limits = {"RLIMIT_CORE": 0, "RLIMIT_CPU": CPU_SECONDS, "RLIMIT_NOFILE": MAX_OPEN_FILES,
                  "RLIMIT_FSIZE": MAX_FILE_MB * 2**20}
        if self.mode != NONE:  # per user: only a user of its own makes it a limit of this jail
            limits["RLIMIT_NPROC"] = MAX_PROCESSES
        if self.memory_mb:
            limits["RLIMIT_AS"] = int(self.memory_mb) * 2**20
        return limits

    # ----------------------------------------------------------------------------- starting
    def start(self, worker_argv, env, log):
        """Start the worker (``worker_argv`` runs it, in the jail's paths); the launcher's Popen.

        stdin/stdout are the channel (pipes), ``log`` (a file) receives stderr and the prints.
        """
        if self.mode == NAMESPACES:
            return start_all([(self, worker_argv, env, log)])[0]
        env = self._environment(env)
        if self.mode == NONE:
            posix = {"start_new_session": True, "preexec_fn": self._limit_unprivileged} if os.name == "posix" else {}
            return subprocess.Popen(worker_argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                    bufsize=0, cwd=self.work, env=env, **posix)
        control_read, control_write = os.pipe()
        config = {"mode": self.mode, "control_fd": control_write, "grader_pid": os.getpid(),
                  **self._config(worker_argv, env)}
        launcher = [sys.executable, "-I", "-S", LAUNCHER, json.dumps(config)]
        try:
            process = subprocess.Popen(launcher, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                       bufsize=0, cwd="/", env=env, start_new_session=True,
                                       pass_fds=(control_write,))
        finally:
            os.close(control_write)
        self._started(process, control_read)
        return process

    def _environment(self, env):
        """The worker's environment: what :data:`ENV_NAMES` and :data:`ENV_PREFIXES` let through of ``env``."""
        return {**_passed_on(env), "HOME": "/tmp" if self.mode == NAMESPACES else str(self.work),
                "TMPDIR": "/tmp" if self.mode == NAMESPACES else str(self.work), MARKER: str(self.folder)}

    def _config(self, worker_argv, env):
        return {"root": str(self.folder / "root"), "uid": self.uid, "gid": self.gid, "limits": self.limits(),
                "python": sys.executable, "worker_argv": worker_argv, "env": self._environment(env),
                "cwd": str(self.work), "tmp_mb": TMP_MB, "exchange": str(self.exchange), **self._view()}

    def _started(self, process, control_read):
        # The PIDs are read when first needed: waiting for them here would hold up pytest's collection.
        self._control = os.fdopen(control_read, "rb", buffering=0)  # read also by select and os.read
        self._init_pid = self._launcher_pid = None
        self.worker_pid = None
        self._process = process

    def _limit_unprivileged(self):
        import resource

        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # a grader killed in the middle of a loop takes its worker along
        for name, value in self.limits().items():
            try:
                resource.setrlimit(getattr(resource, name), (value, value))
            except (ValueError, OSError):  # macOS refuses to lower RLIMIT_AS; the call timeout stays
                pass

    def _view(self):
        """What the namespaces jail mounts: system folders and Python read-only, the kit, the copy."""
        symlinks, read_only = [], []
        # Not /opt, /home, /srv, /var...: a course or a folder of submissions may live there.
        for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc"):
            path = Path("/") / name
            if path.is_symlink():
                symlinks.append((str(path), os.readlink(path)))
            elif path.is_dir():
                read_only.append(str(path))
        for path in _python_folders():
            if not any(path == p or path.startswith(p + "/") for p in read_only):
                read_only.append(path)
        return {"symlinks": symlinks, "read_only": read_only,
                "mounted": [(str(self.submission), SUBMISSION_MOUNT), (str(self.kit), KIT_MOUNT)]}

    # ------------------------------------------------------------------------------ watching
    def stray_processes(self):
        """PIDs of the jail's processes other than init and the worker that are still running
        (a process the submission started and left behind). Namespaces mode only; else ``[]``."""
        if self.mode != NAMESPACES or self._process is None:
            return []
        try:
            children = _running_children(self.init_pid)
        except JailError:  # it never started: nothing of it can run
            return []
        if self.worker_pid is None and len(children) == 1:
            self.worker_pid = children[0]
        strays = [pid for pid in children if pid != self.worker_pid]
        if self.worker_pid is not None:
            strays += _running_children(self.worker_pid)
        return strays

    # ------------------------------------------------------------------------------- ending
    def stop(self, process):
        """End the worker and every process of the jail; returns when none is left."""
        if self.mode == NAMESPACES:
            try:
                launcher, init = self.launcher_pid, self.init_pid
            except JailError:  # it never started a jail: its launcher is ending or gone
                launcher = init = None
            if self._launcher_ended(process, 0):  # another process ended it already (a forked one)
                launcher = init = None  # and its PID may be another process's by now
            _signal(launcher, signal.SIGTERM)  # the jail launcher kills init and waits for the namespace
            if not self._launcher_ended(process, STOP_TIMEOUT):
                _signal(init, signal.SIGKILL)
                _signal(launcher, signal.SIGKILL)
                self._launcher_ended(process, STOP_TIMEOUT)
            if self._control is not None:
                self._control.close()
                self._control = None
        else:
            _kill_group(process.pid)
            process.wait()
        if self.mode == USER:
            _kill_user(self.uid)
        elif self.mode == NONE:
            self.left_running += _kill_marked(MARKER, str(self.folder))

    def _launcher_ended(self, process, timeout):
        """Wait for the jail launcher to end (then no process of the jail is left); False after
        ``timeout``. Its control pipe closes when it ends: the grading process is not its parent."""
        if self._control is None:
            return True
        fd, deadline = self._control.fileno(), time.monotonic() + timeout
        while select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
            if not os.read(fd, 64):
                self._control.close()
                self._control = None
                process.release()
                return True
        return False

    def leave_to_parent(self):
        """In a forked process: close this process's copy of the control pipe; the jail stays the parent's."""
        if self._control is not None:
            self._control.close()
            self._control = None

    def close(self):
        files.remove_tree(self.folder)


def worker_command(jail):
    """``(argv, env)`` that start a worker in ``jail`` (its paths are the jail's)."""
    env = dict(os.environ)
    # One BLAS thread: predictable timing, less memory, fair when a class is graded in parallel.
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    kit = jail.kit_inside
    # The worker imports its two modules from the jail's kit, never the grader's package (whose
    # __init__ would look for the course), with no path of the course's or the current folder's.
    # Without the site module (-S): its path is set here, and the .pth files of site-packages (an
    # editable install's finder, a certificate hook) are the machine's business, not the worker's:
    # running them was a fifth of its start-up. The builtins site adds (exit, help, ...) stay.
    # The cyclic garbage collector stays off while it imports (worker.main turns it on).
    bootstrap = (f"import gc, site, sys, types\n"
                 f"gc.disable()\n"
                 f"site.setquit(); site.setcopyright(); site.sethelper()\n"
                 f"sys.path[:] = {worker_path() + [kit]!r}\n"
                 f"for name in ('grader', 'grader.sandbox'):\n"
                 f"    package = sys.modules[name] = types.ModuleType(name)\n"
                 f"    package.__path__ = [{kit!r} + '/' + name.replace('.', '/')]\n"
                 f"from grader.sandbox.worker import main\n"
                 f"main()\n")
    return [sys.executable, "-I", "-S", "-B", "-u", "-c", bootstrap, jail.submission_inside], env


def launch(jails, preimport=()):
    """Start a worker in each of ``jails``; their processes, for :meth:`grader.sandbox.Sandbox.adopt`.
    Namespaces jails share one launcher (:func:`start_all`), which imports NumPy and the packages in
    ``preimport`` once for all of them. Imports no NumPy itself: ``python -m grader`` starts its
    workers before it imports NumPy."""
    logs = []
    try:
        for jail in jails:
            logs.append(open(jail.log_path, "wb"))  # a new log for each worker: the file-size limit caps each
        if all(jail.mode == NAMESPACES for jail in jails):
            return start_all([(jail, *worker_command(jail), log) for jail, log in zip(jails, logs)], preimport)
        return [jail.start(*worker_command(jail), log) for jail, log in zip(jails, logs)]
    finally:
        for log in logs:
            log.close()


LAUNCHER = str(Path(__file__).with_name("jail_launcher.py"))
PREIMPORTED = ["numpy"]  # what every worker imports first: imported once, before the workers are forked


class Launched:
    """A worker started by :func:`start_all`, as much of a ``Popen`` as the sandbox uses: the channel
    (``stdin``, ``stdout``) and ``wait``. Its jail launcher is the launcher's child, not this process's:
    the jail's control pipe says when it has ended, and how (:meth:`Jail.worker_status`)."""

    def __init__(self, stdin, stdout, launcher):
        self.stdin, self.stdout, self._launcher = stdin, stdout, launcher

    def wait(self, timeout=None):
        return 0

    def release(self):
        """This jail has ended: the launcher is reaped once all of its jails have (where it is this
        process's child; a forked process's copy is nobody's to reap)."""
        self._launcher.count -= 1
        if self._launcher.count == 0:
            _wait(self._launcher.process, 1.0)


class _Launcher:
    def __init__(self, process, count):
        self.process, self.count = process, count


def start_all(launches, preimport=()):
    """Start the workers of several namespaces jails with one launcher (:mod:`.jail_launcher`): it
    imports NumPy (and the packages named in ``preimport``) once and forks each worker from itself,
    in its jail, instead of starting Python and importing NumPy in each. ``launches``: ``(jail,
    worker_argv, env, log)`` each, ``log`` a file. Returns a :class:`Launched` for each, in order."""
    jails, passed, kept = [], [], []
    try:
        for jail, worker_argv, env, log in launches:
            stdin_read, stdin_write = os.pipe()
            stdout_read, stdout_write = os.pipe()
            control_read, control_write = os.pipe()
            log_fd = os.dup(log.fileno())
            passed += [stdin_read, stdout_write, control_write, log_fd]
            kept.append((stdin_write, stdout_read, control_read))
            jails.append({**jail._config(worker_argv, env), "stdin_fd": stdin_read, "stdout_fd": stdout_write,
                          "log_fd": log_fd, "control_fd": control_write})
        config = {"mode": NAMESPACES, "grader_pid": os.getpid(), "jails": jails,
                  "preimport": PREIMPORTED + [name for name in preimport if name not in PREIMPORTED],
                  "path": worker_path()}
        first_env = launches[0][0]._environment(launches[0][2])
        process = subprocess.Popen([sys.executable, "-I", "-S", "-B", LAUNCHER, json.dumps(config)],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=launches[0][3],
                                   cwd="/", env=first_env, start_new_session=True, pass_fds=passed)
    except BaseException:
        for fd in passed + [fd for fds in kept for fd in fds]:
            os.close(fd)
        raise
    for fd in passed:
        os.close(fd)
    launcher, started = _Launcher(process, len(launches)), []
    for (jail, _, _, _), (stdin_write, stdout_read, control_read) in zip(launches, kept):
        launched = Launched(os.fdopen(stdin_write, "wb", buffering=0), os.fdopen(stdout_read, "rb", buffering=0),
                            launcher)
        jail._started(launched, control_read)
        started.append(launched)
    return started


# Only these variables reach the submission: the environment of a grading machine (CI tokens, a
# platform's keys) is none of its business.
ENV_NAMES = ("PATH", "LANG", "LANGUAGE", "TZ")
ENV_PREFIXES = ("LC_", "OPENBLAS_", "OMP_", "MKL_", "GOTO_", "BLIS_")


def _passed_on(env):
    return {k: v for k, v in env.items() if k in ENV_NAMES or k.startswith(ENV_PREFIXES)}


def _ignored(name):
    return name == "__pycache__" or name.startswith(".")


def _copy_kit(kit):
    """The worker's own modules and the course's data: all a submission may import of the course."""
    for name in WORKER_MODULES:
        (kit / name).parent.mkdir(parents=True, exist_ok=True)
        (kit / name).write_bytes((COURSE_ROOT / name).read_bytes())
        os.chmod(kit / name, 0o644)
    files.copy_tree(COURSE_ROOT / "datasets", kit / "datasets", ignore=_ignored)
    for folder in (kit, kit / "grader", kit / "grader" / "sandbox"):
        os.chmod(folder, 0o755)


def _python_folders():
    """The folders of this Python and its packages: its prefixes and site-packages, and the entries of
    ``sys.path`` inside them; never an entry from elsewhere (``PYTHONPATH`` may name the course, or a
    folder of submissions), never a folder that holds the course (it would show all of it), and
    nothing inside the course but Python's own (a ``.venv``)."""
    course = str(COURSE_ROOT)
    prefixes = [os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)]
    roots = prefixes + [os.path.realpath(p) for p in site_folders()]
    found = []
    for entry in [*roots, *sys.path]:
        if not entry:
            continue
        path = os.path.realpath(entry)
        if path.endswith(".zip"):
            path = os.path.dirname(path)
        if not os.path.isdir(path) or _within(course, path) or not any(_within(path, root) for root in roots):
            continue
        if _within(path, course) and not any(_within(path, prefix) for prefix in prefixes):
            continue
        if not any(_within(path, p) for p in found):
            found = [p for p in found if not _within(p, path)] + [path]
    return found


def site_folders():
    """The site-packages folders of this Python (whose ``.pth`` files it runs at start-up)."""
    folders = list(site.getsitepackages()) if hasattr(site, "getsitepackages") else []
    user = site.getusersitepackages() if hasattr(site, "getusersitepackages") else None
    return folders + ([user] if isinstance(user, str) and os.path.isdir(user) else [])


def _within(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def worker_path():
    """``sys.path`` for the worker: the entries of this process's that lie in :func:`_python_folders`."""
    folders = _python_folders()
    entries = (os.path.realpath(e) for e in sys.path if e)
    return [p for p in entries if any(_within(p, folder) or _within(os.path.dirname(p), folder) for folder in folders)]


PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 1, 4, 36
_adopting = False  # see adopt_orphans


def adopt_orphans():
    """Make this process the one a process of the submission falls to when its parent ends (Linux; a
    command's process, never one that runs other people's processes, such as a notebook's kernel).
    Without a jail, what the submission leaves running is found by its session and a variable of its
    environment, and a daemon can drop both (``setsid``, then an exec with an empty environment):
    adopted here, it is found as a child of this process by :func:`end_orphans`."""
    global _adopting
    _adopting = prctl(PR_SET_CHILD_SUBREAPER, 1)


def end_orphans():
    """Kill, and reap, every process this one adopted (see :func:`adopt_orphans`); how many. Called
    when every worker this process started has ended: its children then are what the submission left."""
    if not _adopting:
        return 0
    ended, deadline = set(), time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        running = _running_children(os.getpid())
        for pid in running:
            _signal(pid, signal.SIGKILL)
            ended.add(pid)
        while True:  # the killed, and what they had started, which falls to this process in turn
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        if not running:
            break
        time.sleep(0.005)
    return len(ended)


def prctl(option, value):
    """Linux's ``prctl(option, value)``: whether it took effect (never elsewhere)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None).prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _running_children(pid):
    """The children of ``pid`` that are not zombies (``/proc/PID/task/*/children``). Read after every
    test: plain os.read, no file objects."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        text = _read_proc(f"/proc/{pid}/task/{task}/children")
        if text:
            found.extend(int(p) for p in text.split())
    return [p for p in found if _state(p) not in ("Z", "X", None)]


def _state(pid):
    try:
        return _read_proc(f"/proc/{pid}/stat").rsplit(b")", 1)[1].split()[0].decode()
    except (AttributeError, IndexError):
        return None


def _read_proc(path):
    """The bytes of a small /proc file, or None if it cannot be read (the process is gone)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        return os.read(fd, 1 << 16)
    except OSError:
        return None
    finally:
        os.close(fd)


def _wait(process, timeout):
    """Wait for ``process`` to end; False after ``timeout`` seconds. Not by polling, where the
    kernel can say when (a pidfd): Popen.wait(timeout) sleeps in steps of up to 50 ms."""
    if hasattr(os, "pidfd_open"):
        try:
            fd = os.pidfd_open(process.pid)
        except OSError:
            pass
        else:
            try:
                select.select([fd], [], [], timeout)
            finally:
                os.close(fd)
    try:
        process.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        return False


def _signal(pid, number):
    try:
        os.kill(pid, number)
    except (ProcessLookupError, PermissionError, TypeError):
        pass


def _kill_group(pid):
    """SIGKILL the process group ``pid`` leads (the worker's session: what it forked too)."""
    if not hasattr(os, "killpg"):  # Windows: no process groups, the worker alone
        _signal(pid, signal.SIGTERM)
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        _signal(pid, signal.SIGKILL)


def _kill_user(uid):
    """SIGKILL every process of ``uid`` until none is left (a fork bomb forks while we kill)."""
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and _owner(int(p)) == uid]
        if not pids:
            return
        for pid in pids:
            _signal(pid, signal.SIGKILL)
        time.sleep(0.01)
    raise JailError(f"processes of the jail's user {uid} are still running")


def _kill_marked(name, value):
    """SIGKILL this user's processes whose environment has ``name=value``; how many there were."""
    if not os.path.isdir("/proc"):
        return 0
    wanted, killed = f"{name}={value}".encode(), 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                marked = wanted in f.read().split(b"\0")
        except OSError:  # gone, or another user's
            continue
        if marked:
            _signal(int(entry), signal.SIGKILL)
            killed += 1
    return killed


def _owner(pid):
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None
