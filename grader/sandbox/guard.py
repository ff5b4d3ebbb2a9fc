"""Keep the course's own files as they were while a submission runs.

A submission could write into ``tests/`` or ``grader/`` (a fake ``conftest.py``, a doctored fixture,
a ``.pyc`` that the next run would load), or leave a ``.pth`` file in site-packages that every later
Python would run. In the jail (:mod:`grader.sandbox.jail`) it cannot see those files at all; the guard is the
second line, and the only one where the grader cannot isolate.

It reads every protected file once, before any learner code runs, and remembers its content (and a
SHA-256 of it). After each test in which the submission's code ran (on Linux, only once the kernel's
inotify has reported a change to a guarded file or folder since the last look: reading the attributes
of some 300 files costs about 3 ms, more than most tests) it looks for files whose size, modification time or *change* time
differ (``st_ctime``, which no program can set back, so an edit whose mtime was restored still
shows), compares their content, and decides who changed them from the change time: a change made
while the submission's code was running is put back (content and mtime) and the new version moved
to a quarantine folder; a change made at any other moment is not blamed on a test (an instructor may
be editing one during a long run) and is left alone while the run goes on. At the end,
:meth:`Guard.verify` compares every file with its content from before the run, whatever the
timestamps say, and puts that back: a thread the submission left running writes between its calls
too. Nothing is ever simply deleted: a changed version goes to the quarantine folder.
"""
import hashlib
import os
import shutil
import struct
import sys
import tempfile
import time
from pathlib import Path

# Filesystems with coarse timestamps round ctime; count changes this close to a call as its own.
SLACK_NS = 50_000_000


class _Snapshot:
    __slots__ = ("size", "mtime_ns", "ctime_ns", "digest", "content")

    def __init__(self, stat, content):
        self.size, self.mtime_ns, self.ctime_ns = stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns
        self.content, self.digest = content, hashlib.sha256(content).digest()

    def same_stat(self, stat):
        return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns) == (self.size, self.mtime_ns, self.ctime_ns)


class Guard:
    """``directories`` are guarded whole; ``listed`` is ``[(folder, names)]``: only the files of
    ``folder`` (not below) whose name matches, e.g. the ``.pth`` files of site-packages, and
    ``conftest.py`` beside the course's folders."""

    def __init__(self, directories, listed=()):
        self.directories = [Path(d) for d in directories if Path(d).is_dir()]
        self.listed = [(Path(folder), tuple(names)) for folder, names in listed if Path(folder).is_dir()]
        self._watch = _Watch.start()  # before the snapshot: a change made while it is taken is seen
        self.files = {path: self._read(path, stat) for path, stat in self._walk()}
        self.before = dict(self.files)  # as it was before the run: what verify() puts back
        if self._watch is not None:  # its own reading opened every file: no learner code has run yet
            self._watch.changed()
            self._watch.opened.clear()
        self.quarantine = None
        self.undone = []  # every path put back or removed so far, in order

    def watch_again(self):
        """In a forked process: a watch of its own (reading the parent's would take its events)."""
        if self._watch is not None:
            self._watch.close()
            self._watch = _Watch.start()
            if self._watch is not None:
                for _ in self._walk():
                    pass

    @staticmethod
    def _read(path, stat):
        with open(path, "rb") as f:
            return _Snapshot(stat, f.read())

    def _walk(self):
        """Yield ``(path, stat)`` for every guarded file (and watch every folder and file it finds)."""
        watch = self._watch
        pending = list(self.directories)
        while pending:
            directory = pending.pop()
            if watch is not None:
                watch.add(directory)
            try:
                entries = list(os.scandir(directory))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                else:
                    if watch is not None:
                        watch.add(entry.path, file=True)
                    yield entry.path, entry.stat(follow_symlinks=False)
        for folder, names in self.listed:
            if watch is not None:
                watch.add(str(folder))
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if _matches(entry.name, names) and not entry.is_dir(follow_symlinks=False):
                    if watch is not None:
                        watch.add(entry.path, file=True)
                    yield entry.path, entry.stat(follow_symlinks=False)

    def check(self, windows):
        """Undo the changes made during ``windows`` (``[(start_ns, end_ns)]`` when learner code ran).

        Returns the paths the submission changed (empty when none).
        """
        if self._watch is not None and not self._watch.changed() and not self._opened_files_changed():
            return []
        return self._undo(lambda ctime_ns: any(start - SLACK_NS <= ctime_ns <= end + SLACK_NS
                                               for start, end in windows))

    def _opened_files_changed(self):
        """Whether a guarded file that was ever opened changed its attributes: a write through a shared
        memory mapping of it makes no inotify event, but does change its modification time."""
        for path in self._watch.opened:
            try:
                stat = os.stat(path, follow_symlinks=False)
            except OSError:
                return True
            original = self.files.get(path)
            if original is None or not original.same_stat(stat):
                return True
        return False

    def verify(self):
        """Every guarded file by content, against its content before the run (not a change that a check
        left alone as someone else's): put back what differs and remove what is new, whoever did it."""
        self.files = dict(self.before)
        return self._undo(lambda ctime_ns: True, by_content=True)

    def _undo(self, by_submission, by_content=False):
        changed, seen = [], set()
        for path, stat in self._walk():
            seen.add(path)
            original = self.files.get(path)
            if original is not None and original.same_stat(stat) and not by_content:
                continue
            try:
                current = self._read(path, stat)
            except OSError:
                current = None
            if original is not None and current is not None and current.digest == original.digest:
                self.files[path] = current  # touched, not changed
                continue
            if not by_submission(stat.st_ctime_ns):
                if current is not None:
                    self.files[path] = current  # someone else's edit: the new normal
                continue
            self._move_to_quarantine(path)
            if original is not None:
                self._put_back(path, original)
            changed.append(path)
        for path in [p for p in self.files if p not in seen]:
            parent = os.path.dirname(path)
            if os.path.isdir(parent) and not by_submission(os.stat(parent).st_ctime_ns):
                del self.files[path]  # deleted by someone else
                continue
            self._put_back(path, self.files[path])
            changed.append(path)
        self.undone.extend(p for p in sorted(changed) if p not in self.undone)
        return sorted(changed)

    def _move_to_quarantine(self, path):
        """Keep the changed version aside (a folder of this run's own); if even that fails, remove it:
        the course's own version goes back in any case."""
        try:
            if self.quarantine is None:
                self.quarantine = Path(tempfile.mkdtemp(prefix=f"grader-quarantine-{time.strftime('%Y%m%d-%H%M%S')}-"))
            root = os.path.dirname(self.directories[0]) if self.directories else "/"
            relative = os.path.relpath(path, root)
            target = self.quarantine / (relative if not relative.startswith("..") else path.lstrip("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
        except OSError:
            if os.path.lexists(path) and not os.path.isdir(path):
                os.unlink(path)

    def _put_back(self, path, original):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(original.content)
        os.utime(path, ns=(original.mtime_ns, original.mtime_ns))
        self.files[path] = self._read(path, os.stat(path))  # its new ctime is the grader's


def _matches(name, names):
    return any(name == pattern or (pattern.startswith("*") and name.endswith(pattern[1:])) for pattern in names)


class _Watch:
    """The kernel's inotify on every guarded folder and file (Linux): whether anything changed since
    the last look, in one non-blocking read. Each file is watched too, not only its folder: a write
    through a hard link made elsewhere is reported to the file's own watch only. A write through a
    shared memory mapping is reported to none, so a file opened by anyone joins :attr:`opened`, whose
    attributes the guard reads at every look (a handful: the fixtures the grader reads for its hints,
    and whatever the submission opened). When the queue overflows, or a watch cannot be added, it
    says "changed" and the guard looks at every file."""

    # IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE,
    # IN_DELETE_SELF, IN_MOVE_SELF; IN_DONT_FOLLOW: a link is watched as itself
    MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800 | 0x02000000
    OPENED, IS_DIR, OVERFLOW = 0x20, 0x40000000, 0x4000  # IN_OPEN: asked of the files' own watches only
    EVENT = struct.Struct("iIII")  # wd, mask, cookie, length of the name that follows

    def __init__(self, libc, fd):
        self._libc, self.fd, self._watched = libc, fd, set()
        self._files = {}  # watch descriptor -> the path of a file's own watch
        self.opened = set()  # guarded files opened since the watch began
        self._incomplete = False  # a watch could not be added: from then on every check looks

    @classmethod
    def start(cls):
        if not sys.platform.startswith("linux"):
            return None
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.inotify_add_watch.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            return None
        return cls(libc, fd) if fd >= 0 else None

    def add(self, path, file=False):
        if path not in self._watched:
            self._watched.add(path)
            wd = self._libc.inotify_add_watch(self.fd, os.fsencode(path), self.MASK | (self.OPENED if file else 0))
            if wd < 0:
                self._incomplete = True  # e.g. the limit of watches (fs.inotify.max_user_watches)
            elif file:
                self._files[wd] = path

    def changed(self):
        """Whether anything but an opening happened since the last call (the files opened join
        :attr:`opened`; the events are read and dropped)."""
        happened = self._incomplete
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return happened
            except OSError:
                self._incomplete = True
                return True
            if not data:
                return happened
            offset = 0
            while offset + self.EVENT.size <= len(data):
                wd, mask, _, length = self.EVENT.unpack_from(data, offset)
                offset += self.EVENT.size + length
                if mask & self.OVERFLOW:
                    self._incomplete = True  # which files were opened is lost too
                    happened = True
                elif mask & ~self.IS_DIR == self.OPENED:
                    if wd in self._files:
                        self.opened.add(self._files[wd])
                else:
                    happened = True

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass
