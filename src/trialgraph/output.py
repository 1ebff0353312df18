"""Atomic output: write to a temporary file beside the target, then rename, so
an interrupted run never leaves a half-written graph."""
from __future__ import annotations

import glob
import hashlib
import os
import json
import re
import stat
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes | list[bytes], *, sweep: bool = True, durable: bool = True) -> None:
    """data: the bytes, or pieces (a list or any iterable) written one after the other (no
    joined copy of a large file). sweep=False skips looking for dead writers' temp files: for folders of
    many small files that sweep themselves (the extraction cache), where a
    glob per write grew with the folder. durable=False skips the fsync: for a
    cache that checks its own contents when read, where losing it after a
    power cut costs only time (the fsync was 0.3 s per 100 MB).

    A path that is a symlink is written where it leads (the link stays, and
    lock_path_for names the same lock); a file replaced keeps its permission
    bits (a private 0600 graph stays private), a new one gets 0666 less the umask."""
    path = real_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the output folder: {error.strerror}", path=str(folder)) from error
    if sweep:
        delete_dead_temp_files(path)
    try:
        # the pid in the name lets a later run tell a dead writer's leftover from a live one's file
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", path=str(folder)) from error
    try:
        os.chmod(temp, _mode_for(path))  # mkstemp makes 0600 files
        with os.fdopen(handle, "wb") as stream:
            stream.writelines([data] if isinstance(data, bytes) else data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError(f"cannot write: {error.strerror}", path=str(path)) from error
        raise


def real_output(path: Path) -> Path:
    """The file an output path names once symlinks are followed (the path
    itself when it does not exist yet): one output, one lock, whatever name
    reached it. A path without symlinks is returned as given, for messages."""
    real = os.path.realpath(path)
    return Path(path) if real == os.path.abspath(path) else Path(real)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def delete_dead_temp_files(path: Path) -> None:
    """Remove write_atomic temp files of `path` whose writer is gone: a run
    killed by SIGKILL (or a power cut) cannot remove its own."""
    path = real_output(path)
    prefix = f".{path.name}."
    try:
        candidates = list(path.parent.glob(f"{glob.escape(prefix)}*.tmp"))
    except OSError:
        return
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.[A-Za-z0-9_]+\.tmp")
    for temp in candidates:
        match = pattern.fullmatch(temp.name)  # exactly ours: never another target's file
        if match is None or _alive(int(match.group(1))):
            continue
        try:
            temp.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputLock:
    """An exclusive, non-blocking lock on an output (a graph file or a store),
    held for a whole build so a second build fails at once instead of
    interleaving its writes. The lock file carries the holder's pid for the
    message; it is removed on release. fcntl.flock locks die with the process,
    so a kill -9 never leaves a stale lock, only a stale file that the next
    run takes over."""

    def __init__(self, path: Path, what: Path | None = None):
        self.path = Path(path)
        self.what = Path(what) if what is not None else self.path
        self.fd: int | None = None

    def acquire(self) -> "OutputLock":
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot create the output folder: {error.strerror}", path=str(self.path.parent)) from error
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise OutputError(f"cannot create the lock file: {error.strerror}", path=str(self.path)) from error
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise OutputError(f"another trialgraph process{holder} is writing it; try again when it ends",
                                  path=str(self.what), hint=f"lock {self.path}") from None
            # A previous holder may have unlinked the file between our open and
            # our lock: then we hold a lock on a ghost and must start over.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        self._delete_stale_temp_files()
        return self

    def _delete_stale_temp_files(self) -> None:
        delete_dead_temp_files(self.what)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)  # unlink while still locked: see the inode check in acquire
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def lock_path_for(output: Path) -> Path:
    """The lock file of a graph file: hidden, beside it, so it is on the same
    file system and visible to every process that may write the file."""
    output = real_output(output)
    return output.parent / f".{output.name}.lock"


class DamagedFileError(ValueError):
    """A file trialgraph wrote for itself is no longer what it wrote."""


def read_regular_file(path: Path) -> bytes:
    """The bytes of a file trialgraph wrote (a record, an index, a state),
    refusing anything that is not a regular file: reading a FIFO put in its
    place would wait forever, a device would never end. FileNotFoundError
    when it is missing; DamagedFileError when it is not a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once, then fails the check
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DamagedFileError("not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(fd)


def read_json_file(path: Path):
    """read_regular_file, parsed as JSON. DamagedFileError for text that is
    not JSON, or JSON nested too deeply to read (json raises RecursionError,
    which is not a ValueError, on 100,000 `[`)."""
    data = read_regular_file(path)
    try:
        return json.loads(data)
    except RecursionError:
        raise DamagedFileError("nested too deeply to be ours") from None
    except ValueError as error:
        raise DamagedFileError(str(error)) from None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
