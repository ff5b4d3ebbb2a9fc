"""Writing output files so that an interrupted run never leaves half a file behind."""
import contextlib
import os
import tempfile
from pathlib import Path

from .course import CourseError, relative


@contextlib.contextmanager
def atomic_output(path):
    """Yield a temporary path next to ``path``; it replaces ``path`` only when the block succeeds.

    The new file gets the permissions of the one it replaces, or those of any new file (0o666 less
    the umask), not the private mode of a temporary file.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise CourseError(f"cannot write {path}: no such folder {relative(path.parent)}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomically(path, text):
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _file_mode(path):
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
