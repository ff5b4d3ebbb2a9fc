"""Files: output written so that an interrupted run never leaves half a file behind, and folder trees
copied and removed safely whatever a learner put into them (links, loops, thousands of levels, names
that are not UTF-8).
"""
import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from ..course import CourseError, relative


@contextlib.contextmanager
def atomic_output(path):
    """Yield a temporary path next to ``path``; it replaces ``path`` only when the block succeeds.

    The new file gets the permissions of the one it replaces, or those of any new file (0o666 less
    the umask), not the private mode of a temporary file.
    """
    path = writable_path(path)
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


def writable_path(path):
    """``path`` as a Path, or a CourseError if its folder does not exist (say so before a long run)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise CourseError(f"cannot write {path}: no such folder {relative(path.parent)}")
    return path


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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_name(name: str) -> str:
    """A file name as printable text: the bytes of a name that is not valid UTF-8 (which Python keeps
    as surrogate escapes) become ``\\xff``, so that it can be written into a UTF-8 file (a CSV), and
    control characters ``\\x1b``, so that printing it cannot rewrite the terminal it is shown on."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


# ------------------------------------------------------------------------------ folder trees
class TreeTooLarge(CourseError):
    """A folder tree beyond a limit of :func:`copy_tree`; ``reason`` says which, e.g.
    "deeper than 32 folders"."""

    def __init__(self, source, reason):
        super().__init__(f"{escape_name(relative(source))} is too large to copy: {reason}")
        self.source, self.reason = source, reason

    def __reduce__(self):  # pickled (sent to another process) with its own arguments
        return type(self), (self.source, self.reason)


# POSIX systems can work on folders through open descriptors: a path is then never longer than one
# name, however deep the tree, and O_NOFOLLOW refuses a link even one swapped in a moment ago.
_BY_DESCRIPTOR = (os.name == "posix" and os.scandir in os.supports_fd
                  and {os.open, os.mkdir, os.rmdir, os.unlink, os.stat} <= os.supports_dir_fd)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW, _BINARY = getattr(os, "O_NOFOLLOW", 0), getattr(os, "O_BINARY", 0)
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC
# O_NONBLOCK: a fifo swapped in for a file must not block the copy (it is then skipped).
_READ_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC | _BINARY
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
FILE_MODE, FOLDER_MODE = 0o644, 0o755  # of a copy: readable by any user (a grader without privileges)


def remove_tree(path):
    """Remove the folder tree, file or link at ``path``; a path that does not exist is fine.

    Made for trees that nobody checked (a learner's upload, a copy of it): it never follows a
    symbolic link (a link is removed, not what it leads to), works without recursion and without
    long paths (a tree 5000 folders deep goes like any other), and makes folders that their owner may
    not read or write so (u+rwx) in order to empty them. An entry that cannot be removed is left
    and the rest goes on; :class:`OSError` if ``path`` itself remains at the end.
    """
    path = os.fspath(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        (_empty_by_descriptor if _BY_DESCRIPTOR else _empty_by_path)(path)
    try:
        (os.rmdir if stat.S_ISDIR(info.st_mode) else os.unlink)(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise OSError(exc.errno, f"cannot remove it: {exc.strerror}", path) from None


def _empty_by_descriptor(root):
    """Empty the folder ``root`` holding one folder open at a time: down into a subfolder by its
    name, back up through its ``..``, checked to be the folder it came from."""
    current = _open_folder(root)
    if current is None:
        return
    above = []  # for each folder above ``current``: its identity, its subfolders still to empty, current's name
    subfolders = _remove_all_but_folders(current)
    try:
        while True:
            if subfolders:
                name = subfolders.pop()
                child = _open_folder(name, current)
                if child is not None:
                    above.append((_identity(current), subfolders, name))
                    os.close(current)
                    current, subfolders = child, _remove_all_but_folders(child)
                continue
            if not above:
                return
            identity, subfolders, name = above.pop()
            parent = os.open("..", _FOLDER_FLAGS, dir_fd=current)
            os.close(current)
            current = parent
            if _identity(current) != identity:  # moved meanwhile: stop rather than empty another folder
                return
            with contextlib.suppress(OSError):
                os.rmdir(name, dir_fd=current)
    except OSError:
        return  # the root stays, and remove_tree says so
    finally:
        os.close(current)


def _open_folder(name, parent=None):
    """A descriptor of the folder ``name`` (in the folder open as ``parent``), never through a link,
    made readable, writable and searchable by its owner; None when it cannot be opened."""
    try:
        try:
            fd = os.open(name, _FOLDER_FLAGS, dir_fd=parent)
        except PermissionError:
            mode = os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode
            if not stat.S_ISDIR(mode):
                return None
            _chmod(name, stat.S_IMODE(mode) | stat.S_IRWXU, parent)
            fd = os.open(name, _FOLDER_FLAGS, dir_fd=parent)
    except OSError:
        return None
    mode = os.fstat(fd).st_mode
    if mode & stat.S_IRWXU != stat.S_IRWXU:
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(mode) | stat.S_IRWXU)
    return fd


def _chmod(name, mode, parent):
    try:
        os.chmod(name, mode, dir_fd=parent, follow_symlinks=False)
    except (NotImplementedError, OSError):
        # Some systems cannot chmod without following a link; the name was a folder a moment ago.
        os.chmod(name, mode, dir_fd=parent)


def _identity(fd):
    info = os.fstat(fd)
    return info.st_dev, info.st_ino


def _remove_all_but_folders(folder):
    """Unlink every entry of the open ``folder`` but its subfolders, whose names it returns."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError:
        return []
    subfolders = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.name)
            else:
                os.unlink(entry.name, dir_fd=folder)
        except OSError:
            continue
    return subfolders


def _empty_by_path(root):
    """:func:`_empty_by_descriptor` where folders cannot be used through descriptors (Windows)."""
    pending = [(root, False)]  # (folder, whether its entries are gone already)
    while pending:
        folder, emptied = pending.pop()
        if emptied:
            if folder != root:
                with contextlib.suppress(OSError):
                    os.rmdir(folder)
            continue
        pending.append((folder, True))
        with contextlib.suppress(OSError):
            os.chmod(folder, stat.S_IMODE(os.lstat(folder).st_mode) | stat.S_IRWXU)
        try:
            with os.scandir(folder) as found:
                entries = list(found)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False) and not _is_link(entry):
                    pending.append((entry.path, False))
                    continue
                with contextlib.suppress(OSError):
                    os.chmod(entry.path, stat.S_IWRITE)  # Windows refuses to delete a read-only file
                os.unlink(entry.path)  # a link to a folder too, junctions included
            except OSError:
                continue


def _is_link(entry):
    """A symbolic link, or a Windows junction (a link to a folder that is_symlink() does not see)."""
    if entry.is_symlink():
        return True
    tag = getattr(entry.stat(follow_symlinks=False), "st_reparse_tag", 0)
    return bool(tag) and tag == getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", None)


def copy_tree(source, target, *, max_depth=32, max_files=10_000, max_bytes=256 * 2**20, ignore=None):
    """Copy the folder ``source`` to ``target``: its folders and regular files, nothing else.

    Made for trees that nobody checked (a learner's upload): it never follows a symbolic link (links,
    fifos, sockets and devices are skipped, not copied, and no file is read through a link), works
    without recursion, copies names that are not valid UTF-8 as they are and skips those for which
    ``ignore(name)`` is true (``__pycache__``, hidden files, ...). The copy is readable by any user:
    files get mode 0o644 and folders, ``target`` included, 0o755. ``target`` must not exist, or be
    an empty folder.

    Beyond ``max_depth`` nested folders, ``max_files`` files and folders or ``max_bytes`` bytes of
    files it raises :class:`TreeTooLarge`, whose one-line ``reason`` says which ("deeper than 32
    folders", "more than 10000 files and folders", "more than 256 MB"). On this or any other error
    nothing is left half-copied: ``target`` is removed again (emptied, when it existed before).
    Returns the paths of what was skipped as neither a file nor a folder, relative to ``source``.
    """
    source, target = os.fspath(source), os.fspath(target)
    if not stat.S_ISDIR(os.lstat(source).st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder (links are not followed)", source)
    created = _make_copy_root(target)
    limits = _Limits(source, max_depth, max_files, max_bytes)
    skipped = []
    try:
        tree = (_TreeByDescriptor if _BY_DESCRIPTOR else _TreeByPath)
        with tree(source) as sources, tree(target) as targets:
            pending = [()]  # folders still to copy, as names from the root
            while pending:
                names = pending.pop()
                with sources.folder(names) as original, targets.folder(names) as copy:
                    for entry in sorted(original.entries(), key=lambda entry: entry.name):
                        if ignore is not None and ignore(entry.name):
                            continue
                        mode = entry.stat(follow_symlinks=False).st_mode
                        if stat.S_ISDIR(mode) and not _is_link(entry):
                            limits.count_folder(len(names) + 1)
                            copy.make_folder(entry.name)
                            pending.append((*names, entry.name))
                            continue
                        if not (stat.S_ISREG(mode) and _copy_file_data(original, copy, entry.name, limits)):
                            skipped.append("/".join((*names, entry.name)))
    except BaseException:
        if created:
            remove_tree(target)
        else:
            with os.scandir(target) as copied:
                for entry in list(copied):
                    remove_tree(entry.path)
        raise
    return skipped


def copy_file(source, target, *, max_bytes=256 * 2**20):
    """Copy the regular file ``source`` (never through a link) to the new file ``target``, mode 0o644;
    :class:`TreeTooLarge` beyond ``max_bytes``, and then no ``target`` is left."""
    source, target = os.fspath(source), os.fspath(target)
    if not stat.S_ISREG(os.lstat(source).st_mode):
        raise OSError(errno.EINVAL, "not a regular file (links are not followed)", source)
    if os.path.lexists(target):  # so that a failure below removes only a file of its own
        raise FileExistsError(errno.EEXIST, "exists already", target)
    limits = _Limits(source, 0, 1, max_bytes)
    reader = _TreeByPath.Folder(os.path.dirname(source) or ".")
    writer = _TreeByPath.Folder(os.path.dirname(target) or ".")
    try:
        if not _copy_file_data(reader, writer, os.path.basename(source), limits, os.path.basename(target)):
            raise OSError(errno.EINVAL, "not a regular file (links are not followed)", source)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        raise


class _Limits:
    """What :func:`copy_tree` copied so far, against its limits."""

    def __init__(self, source, max_depth, max_files, max_bytes):
        self.source, self.max_depth, self.max_files, self.max_bytes = source, max_depth, max_files, max_bytes
        self.files = self.bytes = 0

    def count_folder(self, depth):
        if depth > self.max_depth:
            raise TreeTooLarge(self.source, f"deeper than {self.max_depth} folder{'s' * (self.max_depth != 1)}")
        self.count_file()

    def count_file(self):
        self.files += 1
        if self.files > self.max_files:
            raise TreeTooLarge(self.source, f"more than {self.max_files} files and folders")

    def check_bytes(self, n):
        if self.bytes + n > self.max_bytes:
            raise TreeTooLarge(self.source, f"more than {_size(self.max_bytes)}")

    def count_bytes(self, n):
        self.check_bytes(n)
        self.bytes += n


def _size(n):
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def _copy_file_data(original, copy, name, limits, new_name=None):
    """Copy the file ``name`` of the folder ``original`` into ``copy``; False when it is no regular
    file once open (a link or a fifo swapped in since it was listed)."""
    fd = original.open_file(name)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        limits.count_file()
        limits.check_bytes(info.st_size)  # fail before reading what cannot fit
        out = copy.create_file(new_name or name)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(out, FILE_MODE)  # the umask does not decide who may read the copy
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                limits.count_bytes(len(chunk))  # the file may have grown since its size was read
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view):]
        finally:
            os.close(out)
    finally:
        os.close(fd)
    return True


def _make_copy_root(target):
    """Create ``target`` (True), or accept it as an empty folder (False)."""
    try:
        os.mkdir(target, FOLDER_MODE)
        created = True
    except FileExistsError:
        if not stat.S_ISDIR(os.lstat(target).st_mode) or any(os.scandir(target)):
            raise FileExistsError(errno.EEXIST, "exists and is not an empty folder", target) from None
        created = False
    os.chmod(target, FOLDER_MODE)
    return created


class _TreeByDescriptor:
    """A folder tree opened at its root; its folders are opened by descriptor, name by name from the
    root, never through a link (no path grows with the depth)."""

    def __init__(self, root):
        self.root = os.open(root, _FOLDER_FLAGS)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        os.close(self.root)

    @contextlib.contextmanager
    def folder(self, names):
        fd = os.dup(self.root)
        try:
            for name in names:
                child = os.open(name, _FOLDER_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = child
            yield self.Folder(fd)
        finally:
            os.close(fd)

    class Folder:
        def __init__(self, fd):
            self.fd = fd

        def entries(self):
            with os.scandir(self.fd) as found:
                return list(found)

        def open_file(self, name):
            return os.open(name, _READ_FLAGS, dir_fd=self.fd)

        def create_file(self, name):
            return os.open(name, _WRITE_FLAGS, FILE_MODE, dir_fd=self.fd)

        def make_folder(self, name):
            os.mkdir(name, FOLDER_MODE, dir_fd=self.fd)
            os.chmod(name, FOLDER_MODE, dir_fd=self.fd)  # not what the umask leaves of it


class _TreeByPath:
    """:class:`_TreeByDescriptor` where folders cannot be used through descriptors (Windows)."""

    def __init__(self, root):
        self.root = root

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass

    @contextlib.contextmanager
    def folder(self, names):
        yield self.Folder(os.path.join(self.root, *names))

    class Folder:
        def __init__(self, path):
            self.path = path

        def entries(self):
            with os.scandir(self.path) as found:
                return list(found)

        def open_file(self, name):
            return os.open(os.path.join(self.path, name), _READ_FLAGS)

        def create_file(self, name):
            return os.open(os.path.join(self.path, name), _WRITE_FLAGS, FILE_MODE)

        def make_folder(self, name):
            os.mkdir(os.path.join(self.path, name), FOLDER_MODE)
            os.chmod(os.path.join(self.path, name), FOLDER_MODE)


# ------------------------------------------------------------------------ temporary folders
_TEMPORARY = re.compile(r"grader-(\d+)-[a-z]+-")


def temporary_folder(purpose):
    """A new private folder ``grader-<pid>-<purpose>-XXXXXXXX`` in the system's temporary folder.

    The process id in its name tells a later run whether its owner still runs: a run killed before it
    could remove its folders leaves them to :func:`remove_abandoned_folders`.
    """
    return Path(tempfile.mkdtemp(prefix=f"grader-{os.getpid()}-{purpose}-"))


def remove_abandoned_folders():
    """Remove the :func:`temporary_folder` folders of processes that have ended; their paths.

    Only folders of this user, and only where it can be known whether a process runs (POSIX).
    """
    if os.name != "posix":
        return []
    removed = []
    try:
        with os.scandir(tempfile.gettempdir()) as found:
            entries = list(found)
    except OSError:
        return []
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        try:
            if (not match or not entry.is_dir(follow_symlinks=False)
                    or entry.stat(follow_symlinks=False).st_uid != os.getuid() or _runs(int(match.group(1)))):
                continue
            remove_tree(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _runs(pid):
    """Whether the process ``pid`` exists (POSIX: signal 0 checks without sending anything)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (EPERM), or unknown: assume it runs
        return True
    return True
