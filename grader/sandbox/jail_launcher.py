"""Start the workers inside their jails: run by :mod:`grader.sandbox.jail` as ``python -I -S -B jail_launcher.py CONFIG``.

It runs as root (the grader's own user) and imports nothing of the grader, only the standard library
(and, before any jail exists, the packages every worker imports first: NumPy), so that what it does
can be read in one file. The configuration is JSON (see ``jail.start_all``).

``namespaces`` mode, for one or several jails at once::

    launcher (root, the grader's namespaces; imports NumPy, then forks one jail launcher per jail)
      └─ jail launcher (root)                      waits; SIGTERM: kill its jail, wait, exit
           └─ init (PID 1 of new PID/mount/IPC/network/UTS namespaces; unprivileged after set-up)
                └─ worker (a fork of init: grader/sandbox/worker.py on the submission)

A worker is a fork, not a new Python: starting Python and importing NumPy was most of a worker's
start-up, and a grading starts two. Nothing of the other jails reaches it (each jail launcher keeps
only its own jail's file descriptors, the worker only its channel and log), and it is what an exec
would have made: the jail's user, limits and environment, dumpable, the usual signal handlers.

Each jail launcher sends its own PID and init's on its jail's control pipe, so the grader can end the
jail and see (through ``/proc``) every process in it. When init dies the kernel kills every other
process in its PID namespace, and the jail launcher's ``waitpid`` returns only after they are all
gone; so "the jail launcher has exited" means "no process of the submission is left". init gets
SIGKILL when the jail launcher dies, a jail launcher SIGTERM when the launcher dies, the launcher
SIGKILL when the grader dies. Last, the jail launcher writes the worker's wait status on the control
pipe, then exits with it: a process of the grader that is not its parent (any, here) learns from the
pipe how the worker ended, and that nothing of the jail is left.

``user`` mode (root, but the kernel refuses namespaces): the launcher drops to the jail's user and
becomes the worker (an exec of Python); the grader kills every process of that user when it is done.
"""
import builtins
import ctypes
import gc
import importlib
import json
import os
import resource
import signal
import struct
import sys

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38

libc = ctypes.CDLL(None, use_errno=True)


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    def c(text):
        return None if text is None else os.fsencode(text)
    _check(libc.mount(c(source), c(target), c(fstype), ctypes.c_ulong(flags), c(data)), f"mount {target}")


def _prctl(option, value):
    _check(libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0), f"prctl {option}")


def _bind(source, target, writable=False):
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "a").close()
    _mount(source, target, None, MS_BIND)
    flags = MS_BIND | MS_REMOUNT | MS_NOSUID | (0 if writable else MS_RDONLY)
    _mount(None, target, None, flags | (0 if source.startswith("/dev/") else MS_NODEV))


def build_root(config):
    """The jail's file system: a tmpfs holding read-only views of what the worker needs, nothing else."""
    root = config["root"]
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=0755")
    # The private /tmp first: what is bound below may live under the host's /tmp (a virtual
    # environment, the exchange folder), and a tmpfs mounted later would hide it.
    tmp_size = f"size={config['tmp_mb']}m"
    for folder in ("/tmp", "/dev/shm"):
        os.makedirs(root + folder, exist_ok=True)
        _mount("tmpfs", root + folder, "tmpfs", MS_NOSUID | MS_NODEV, f"{tmp_size},mode=1777")
    for link, target in config["symlinks"]:
        os.makedirs(os.path.dirname(root + link), exist_ok=True)
        os.symlink(target, root + link)
    for path in config["read_only"]:
        _bind(path, root + path)
    for outside, inside in config["mounted"]:
        _bind(outside, root + inside)
    _bind(config["exchange"], root + config["exchange"], writable=True)
    for device in ("null", "zero", "full", "random", "urandom"):
        _bind("/dev/" + device, f"{root}/dev/{device}", writable=True)
    os.symlink("/proc/self/fd", root + "/dev/fd")
    for number, name in enumerate(("stdin", "stdout", "stderr")):
        os.symlink(f"/proc/self/fd/{number}", f"{root}/dev/{name}")
    os.makedirs(root + "/proc", exist_ok=True)
    _mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _mount(None, root, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    os.chroot(root)
    os.chdir("/tmp")


def limit_resources(limits):
    """The rlimits of the jail (set while still root: a process cannot raise them afterwards)."""
    for name, value in limits.items():
        resource.setrlimit(getattr(resource, name), (value, value))


def drop_privileges(uid, gid):
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # a change of uid clears it: set it again


def exec_worker(config):
    os.execve(config["python"], config["worker_argv"], config["env"])


def become_worker(config):
    """In a fork of init: run the worker as ``python -I -S -B -u -c CODE ARGS`` (``worker_argv``) would,
    in this process, where NumPy is already imported."""
    _prctl(PR_SET_DUMPABLE, 1)  # as after an exec: the worker's /proc files are its user's
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # only the channel (0, 1) and the log (2) stay
    os.environ.clear()
    os.environ.update(config["env"])
    argv = config["worker_argv"]
    code = argv[argv.index("-c") + 1]
    sys.argv[:] = ["-c", *argv[argv.index("-c") + 2:]]
    sys.dont_write_bytecode = True
    status = 0
    try:
        exec(compile(code, "<string>", "exec"), {"__name__": "__main__", "__builtins__": builtins})
    except SystemExit as exc:
        status = exc.code if type(exc.code) is int else 0 if exc.code is None else 1
    except BaseException:  # noqa: BLE001 - as Python would: the traceback on stderr (the log), status 1
        import traceback

        traceback.print_exc()
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


def run_init(config, status_pipe):
    """PID 1 of the jail: start the worker, reap every orphan, report the worker's wait status."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    build_root(config)
    limit_resources(config["limits"])
    drop_privileges(config["uid"], config["gid"])
    _prctl(PR_SET_DUMPABLE, 0)  # the submission runs as the same user: it must not ptrace init
    worker = os.fork()
    if worker == 0:
        os.close(status_pipe)
        become_worker(config)
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == worker:
            os.write(status_pipe, struct.pack("<i", status))
            os._exit(0)


def fail(exc):
    """The last line of the worker's log, which the grader looks for (grader.sandbox.jail.BUILD_FAILED)."""
    print(f"the grader's jail could not be built: {exc}", file=sys.stderr, flush=True)
    os._exit(111)


def main():
    config = json.loads(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if config["mode"] == "user":
        control = config["control_fd"]
        os.write(control, struct.pack("<q", os.getpid()))
        os.close(control)
        try:
            limit_resources(config["limits"])
            drop_privileges(config["uid"], config["gid"])
            os.chdir(config["cwd"])
            exec_worker(config)
        except OSError as exc:  # e.g. a Python that other users may not run (under /root)
            fail(exc)
    run_launcher(config)


JAIL_FDS = ("stdin_fd", "stdout_fd", "log_fd", "control_fd")


def run_launcher(config):
    """Import what every worker imports first, then fork a jail launcher for each jail; wait for them."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != config["grader_pid"]:
        os._exit(1)
    jails = config["jails"]
    gc.disable()  # as in a worker: only long-lived objects until the submission runs
    sys.path[:] = config["path"]
    for name in config["preimport"]:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 - the worker imports it again, and says why it cannot
            pass
    gc.freeze()  # the forks share these pages rather than copying each one a collection would touch
    launchers = []
    for jail in jails:
        pid = os.fork()
        if pid == 0:
            for other in jails:
                if other is not jail:
                    for name in JAIL_FDS:
                        os.close(other[name])
            try:
                run_jail(jail, os.getppid())
            finally:
                os._exit(111)
        launchers.append(pid)
    for jail in jails:
        for name in JAIL_FDS:
            os.close(jail[name])
    while launchers:
        try:
            pid, _ = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid in launchers:
            launchers.remove(pid)
    os._exit(0)


def run_jail(config, launcher_pid):
    """A jail launcher: build one jail (namespaces, init, the worker), report, wait, report how it ended."""
    control = config["control_fd"]
    for fd, name in ((0, "stdin_fd"), (1, "stdout_fd"), (2, "log_fd")):
        os.dup2(config[name], fd)
        os.close(config[name])
    try:
        _check(libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUTS), "unshare")
        _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing mounted here reaches the grader's view
    except OSError as exc:  # an unprivileged container: the grader falls back to the user-only jail
        fail(exc)
    status_read, status_write = os.pipe()
    init = os.fork()
    if init == 0:
        os.close(control)
        os.close(status_read)
        try:
            run_init(config, status_write)
        except BaseException as exc:  # noqa: BLE001 - say why on the worker's log, then fail
            fail(exc)
    os.close(status_write)
    os.write(control, struct.pack("<qq", os.getpid(), init))
    for fd in (0, 1):  # the channel belongs to the worker; the jail launcher keeps only its log (fd 2)
        os.close(fd)

    def stop(signum, frame):
        try:
            os.kill(init, signal.SIGKILL)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, stop)
    _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)  # the launcher killed: end the jail too (init would then wait)
    if os.getppid() != launcher_pid:
        stop(signal.SIGTERM, None)
    while True:
        try:
            _, init_status = os.waitpid(init, 0)
            break
        except InterruptedError:
            continue
    data = os.read(status_read, 4)
    status = struct.unpack("<i", data)[0] if len(data) == 4 else init_status
    try:
        os.write(control, struct.pack("<i", status))
    except OSError:  # no grading process is left to read it
        pass
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 111)


if __name__ == "__main__":
    main()
