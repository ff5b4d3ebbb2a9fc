"""Keep the course's own files as they were while a submission runs.

A submission could write into ``tests/`` or ``grader/`` (a fake ``conftest.py``, a doctored fixture,
a ``.pyc`` that the next run would load). The guard reads every protected file once before any
learner code runs; after each test it compares sizes and modification times, puts back anything that
changed (content and mtime, so the next comparison is clean) and removes what was added, and tells
the plugin which paths were touched so that the test responsible loses its points.
"""
import os
from pathlib import Path


class Guard:
    def __init__(self, directories):
        self.directories = [Path(d) for d in directories if Path(d).is_dir()]
        self.files = {}  # path -> (size, mtime_ns, content)
        for path, stat in self._walk():
            with open(path, "rb") as f:
                self.files[path] = (stat.st_size, stat.st_mtime_ns, f.read())

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

    def restore(self):
        """Undo every change since the snapshot; return the changed paths (empty when none)."""
        changed, seen = [], set()
        for path, stat in self._walk():
            seen.add(path)
            original = self.files.get(path)
            if original is None:
                os.unlink(path)
                changed.append(path)
            elif (stat.st_size, stat.st_mtime_ns) != original[:2]:
                self._put_back(path, original)
                changed.append(path)
        for path, original in self.files.items():
            if path not in seen:
                self._put_back(path, original)
                changed.append(path)
        return sorted(changed)

    @staticmethod
    def _put_back(path, original):
        size, mtime_ns, content = original
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.islink(path):
            os.unlink(path)
        with open(path, "wb") as f:
            f.write(content)
        os.utime(path, ns=(mtime_ns, mtime_ns))
