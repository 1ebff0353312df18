"""Per-release limits, so one pathological file never stalls or exhausts a build.

* Size: `trialgraph.ingest` refuses text and HTML files over
  ``DEFAULT_MAX_BYTES`` (5 MB) and PDFs over ``PDF_MAX_BYTES`` (50 MB), and
  extracted text over ``MAX_TEXT_CHARS``, reading at most one byte past the
  cap.
* Memory and time of a PDF: each PDF is parsed in a child process with an
  address-space limit and a timeout (`trialgraph.formats.pdf`).
* Time of a release: `release_time_limit` raises `ReleaseTimeoutError`
  when reading and extracting one release takes over ``seconds``.

`release_time_limit` uses ``signal.setitimer(ITIMER_REAL)`` in the main
thread of a process (the local build: its workers are processes, each runs
its releases in its main thread). It restores any timer and handler that
were set. Only the main thread receives signals, so in any other thread (a
Dask worker runs tasks in a thread pool, engines.py) a watchdog thread
raises the same exception in the limited thread instead
(``PyThreadState_SetAsyncExc``). Both stop Python code between two
bytecodes; the signal also stops a long regular-expression match, the
watchdog waits for it to return.

Usage, per file, in the build or in a worker process::

    from trialgraph.limits import read_and_extract_with_limit
    extraction = read_and_extract_with_limit(path)   # or raises InputError
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .ingest import RawInput
    from .model import Extraction

__all__ = [
    "DEFAULT_RELEASE_SECONDS",
    "ReleaseTimeoutError",
    "extract_raw_with_limit",
    "read_and_extract_with_limit",
    "release_seconds",
    "release_time_limit",
]

#: Wall-clock seconds for reading and extracting one release. A typical
#: release takes 0.05-0.3 s; the limit is for pathological inputs only.
DEFAULT_RELEASE_SECONDS = 60.0
#: Environment variable that overrides the limit (seconds; 0 disables it).
ENV_RELEASE_SECONDS = "TRIALGRAPH_RELEASE_SECONDS"


class ReleaseTimeoutError(InputError):
    """A release took longer than the per-release time limit."""


def release_seconds() -> float:
    """The per-release limit in force: ``$TRIALGRAPH_RELEASE_SECONDS`` or the default."""
    raw = os.environ.get(ENV_RELEASE_SECONDS)
    if raw is None or not raw.strip():
        return DEFAULT_RELEASE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_RELEASE_SECONDS
    return value if value >= 0 and value == value else DEFAULT_RELEASE_SECONDS


class _Expired(BaseException):
    """Raised by the timer; a BaseException so `except Exception` inside
    extraction code cannot swallow it."""


@contextmanager
def release_time_limit(seconds: float | None, *, path: str | None = None) -> Iterator[None]:
    """Raise ReleaseTimeoutError (naming ``path``) if the block runs over ``seconds``.

    ``None`` or ``0`` means no limit.
    """
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _watchdog(seconds, path=path):
            yield
        return

    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise _Expired()

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise _timed_out(seconds, path) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0] > 0:  # an outer timer was running: give it back
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)


def _timed_out(seconds: float, path: str | None) -> ReleaseTimeoutError:
    return ReleaseTimeoutError(f"took longer than the per-release time limit of {seconds:g} s; skipped",
                               path=path, hint=f"set {ENV_RELEASE_SECONDS} to allow more")


#: Seconds between two shots of the watchdog: a shot can land where it is
#: swallowed (a garbage-collector callback prints "Exception ignored").
_REFIRE_SECONDS = 0.05


@contextmanager
def _watchdog(seconds: float, *, path: str | None) -> Iterator[None]:
    """release_time_limit outside the main thread: once `seconds` have passed,
    a watchdog thread raises _Expired in this thread, again every
    _REFIRE_SECONDS until the block ends.

    No shot may land after the block: the watchdog checks `state[0]` and
    shoots, and the block's end sets it and clears a pending shot, each with
    no bytecode between that could let the other thread run (CPython switches
    threads only at function entries, calls and backward jumps; the ctypes
    call keeps the GIL). A block that ends after a shot it swallowed still
    ran over the limit and is reported so."""
    import ctypes

    set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    target = ctypes.c_ulong(threading.get_ident())
    expired = ctypes.py_object(_Expired)
    ended = threading.Event()
    state = [False, False]  # [the block is over, a shot was fired]

    def watch() -> None:
        pause = seconds
        while not ended.wait(pause):
            if state[0]:
                return
            state[1] = True
            set_async_exc(target, expired)
            pause = _REFIRE_SECONDS

    watchdog = threading.Thread(target=watch, name="release-time-limit", daemon=True)
    try:
        try:
            watchdog.start()
            yield
        finally:
            state[0] = True
            set_async_exc(target, None)  # a shot not yet raised is dropped
            ended.set()
    except _Expired:
        raise _timed_out(seconds, path) from None
    if state[1]:
        raise _timed_out(seconds, path)


def read_and_extract_with_limit(path: Path, *, seconds: float | None = None) -> Extraction:
    """Read and extract one release under the per-release time limit.

    Raises only InputError subclasses for bad input, ReleaseTimeoutError
    included. ``seconds`` defaults to `release_seconds()`.
    """
    from .extractors import extract
    from .ingest import read_document

    limit = release_seconds() if seconds is None else seconds
    with release_time_limit(limit, path=str(path)):
        return extract(read_document(Path(path)))


def extract_raw_with_limit(raw: RawInput, *, seconds: float | None = None) -> Extraction:
    """Decode and extract one input read elsewhere (ingest.read_raw) under the
    per-release time limit; raises only InputError subclasses for bad input."""
    from .extractors import extract
    from .ingest import document_of

    limit = release_seconds() if seconds is None else seconds
    with release_time_limit(limit, path=raw.source):
        return extract(document_of(raw))
