"""Keep the course's own files as they were while a submission runs.

A submission could write into ``tests/`` or ``grader/`` (a fake ``conftest.py``, a doctored fixture,
a ``.pyc`` that the next run would load). The guard reads every protected file once before any
learner code runs. After each test it looks for files whose size or modification time changed, and
decides who changed them from their *change* time (``st_ctime``, which no program can set back):
a change made while the submission's code was running is put back (content and mtime) and the new
version moved to a quarantine folder; a change made at any other moment is someone else's (an
instructor editing a test during a long run) and is left alone. Nothing is ever simply deleted.
"""
import os
import shutil
import tempfile
import time
from pathlib import Path

# Filesystems with coarse timestamps round ctime; count changes this close to a call as its own.
SLACK_NS = 50_000_000


class Guard:
    def __init__(self, directories):
        self.directories = [Path(d) for d in directories if Path(d).is_dir()]
        self.files = {path: self._read(path, stat) for path, stat in self._walk()}
        self.quarantine = None

    @staticmethod
    def _read(path, stat):
        with open(path, "rb") as f:
            return stat.st_size, stat.st_mtime_ns, f.read()

    def _walk(self):
        """Yield ``(path, stat)`` for every file below the protected directories."""
        pending = list(self.directories)
        while pending:
            directory = pending.pop()
            try:
                entries = list(os.scandir(directory))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                else:
                    yield entry.path, entry.stat(follow_symlinks=False)

    def check(self, windows):
        """Undo the changes made during ``windows`` (``[(start_ns, end_ns)]`` when learner code ran).

        Returns the paths the submission changed (empty when none).
        """
        def by_submission(ctime_ns):
            return any(start - SLACK_NS <= ctime_ns <= end + SLACK_NS for start, end in windows)

        changed, seen = [], set()
        for path, stat in self._walk():
            seen.add(path)
            original = self.files.get(path)
            if original is not None and (stat.st_size, stat.st_mtime_ns) == original[:2]:
                continue
            if not by_submission(stat.st_ctime_ns):
                self.files[path] = self._read(path, stat)  # someone else's edit: the new normal
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
        return sorted(changed)

    def _move_to_quarantine(self, path):
        if self.quarantine is None:
            self.quarantine = Path(tempfile.gettempdir()) / "grader-quarantine" / time.strftime("%Y%m%d-%H%M%S")
        target = self.quarantine / os.path.relpath(path, os.path.dirname(self.directories[0]))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)

    @staticmethod
    def _put_back(path, original):
        _, mtime_ns, content = original
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content)
        os.utime(path, ns=(mtime_ns, mtime_ns))
