"""A persistent query process per read-only graph, so a deadline costs a
pipe round trip instead of a fork per query.

Forking the process that holds a 10,000-release graph costs 30-75 ms (the
page tables of ~1.4 GB are copied), more than a whole query's budget. A
source declared read-only with `freeze` gets one worker, forked once: it
inherits the graph copy-on-write and answers (text, bindings, row cap)
requests over a pipe, one at a time. The caller waits with select() up to
the deadline; at the deadline the worker is killed (that is the only way to
stop pyoxigraph or rdflib) and a fresh one is forked at once, so the next
query does not pay the fork.

The worker answers from the graph as it was when it was forked, so a frozen
source must not change: `unfreeze` it first (the worker is killed, and later
queries fork per query again). Workers never outlive their parent: each one
leaves when its request pipe closes or its parent changes, and all are killed
and reaped at exit (atexit) or on the last `unfreeze`.
"""
from __future__ import annotations

import atexit
import os
import pickle
import select as io_select
import signal
import struct
import threading
import time
from contextlib import contextmanager

_HEADER = struct.Struct(">Q")  # every message: its length, then a pickle
_PARENT_CHECK = 2.0  # seconds between checks that the parent is still there
_CLOSED = object()  # what _read_message returns when the other side has gone


class Worker:
    """One forked process answering requests on one source."""

    def __init__(self, source, answer, close_in_child=(), setup=None):
        """answer(source, request) -> a picklable outcome; it runs in the child.
        close_in_child: descriptors of other workers the child must not hold.
        setup(): run in the child before its first request (confine.confine)."""
        self.lock = threading.Lock()  # one request at a time
        self._pid_lock = threading.Lock()  # a pid is killed only before it is reaped
        requests_read, self.requests = os.pipe()
        self.answers, answers_write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                os.close(self.requests)
                os.close(self.answers)
                for fd in close_in_child:
                    _close_quietly(fd)
                if setup is not None:
                    setup()
                _serve(source, answer, requests_read, answers_write, parent)
            except BaseException:
                status = 1
            finally:
                os._exit(status)  # never run the parent's cleanup handlers in the child
        self.pid: int | None = pid
        os.close(requests_read)
        os.close(answers_write)

    @property
    def fds(self) -> tuple[int, int]:
        return (self.requests, self.answers)

    @property
    def alive(self) -> bool:
        return self.pid is not None

    def ask(self, request, deadline: float | None):
        """("answer", outcome), ("timeout",) or ("died",); the caller holds
        self.lock. On timeout or death the process is killed and reaped.
        A deadline of None waits as long as the query runs."""
        data = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_all(self.requests, _HEADER.pack(len(data)) + data)
        except OSError:  # the worker is gone: nothing was started
            self.stop()
            return ("unsent",)
        except BaseException:  # interrupted mid-request: the worker would misread the next one
            self.stop()
            raise
        try:
            reply = _read_message(self.answers, None if deadline is None else time.monotonic() + deadline)
        except BaseException:  # e.g. Ctrl-C while waiting: the worker's state is unknown
            self.stop()
            raise
        if reply is None or reply is _CLOSED:
            self.stop()
            return ("timeout",) if reply is None else ("died",)
        return ("answer", pickle.loads(reply))

    def stop(self) -> None:
        """Kill and reap the process and close the pipes (idempotent)."""
        with self._pid_lock:
            if self.pid is None:
                return
            _kill(self.pid)
            self.pid = None
        _close_quietly(self.requests)
        _close_quietly(self.answers)


def _serve(source, answer, requests: int, answers: int, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which then kills us
    while True:
        ready, _, _ = io_select.select([requests], [], [], _PARENT_CHECK)
        if not ready:
            if os.getppid() != parent:  # the parent died without closing the pipe
                return
            continue
        message = _read_message(requests, None)
        if message is _CLOSED:  # the parent closed the pipe or exited
            return
        outcome = answer(source, pickle.loads(message))
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        _write_all(answers, _HEADER.pack(len(data)) + data)


def _read_message(fd: int, stop: float | None):
    """The next message's bytes; None at the deadline `stop` (monotonic);
    _CLOSED if the other side closed first."""
    buffer = bytearray()
    need = _HEADER.size
    length = None
    while True:
        while len(buffer) < need:
            if stop is not None:
                left = stop - time.monotonic()
                if left <= 0:
                    return None
                ready, _, _ = io_select.select([fd], [], [], left)
                if not ready:
                    return None
            chunk = os.read(fd, min(need - len(buffer), 1 << 20))
            if not chunk:
                return _CLOSED
            buffer += chunk
        if length is None:
            length = _HEADER.unpack_from(buffer)[0]
            need = _HEADER.size + length
            continue
        return bytes(buffer[_HEADER.size:need])


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped elsewhere
        pass


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


# The registry of frozen sources: id -> [source, freeze count, Worker or None].
# Holding the source keeps its id from being reused while it is registered.
_frozen: dict[int, list] = {}
_registry = threading.RLock()


def freeze(source) -> None:
    """Declare `source` unchanging: deadline queries on it go to one persistent
    worker. Counted: each freeze needs one unfreeze."""
    with _registry:
        entry = _frozen.setdefault(id(source), [source, 0, None])
        entry[1] += 1


def unfreeze(source) -> None:
    """Undo one freeze; the last one kills the source's worker."""
    with _registry:
        entry = _frozen.get(id(source))
        if entry is None or entry[0] is not source:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _frozen[id(source)]
        worker = entry[2]
    if worker is not None:
        _retire(worker)


def is_frozen(source) -> bool:
    entry = _frozen.get(id(source))
    return entry is not None and entry[0] is source


@contextmanager
def frozen(source):
    """`with frozen(store):` queries inside share one worker; the store must not
    change inside the block."""
    freeze(source)
    try:
        yield source
    finally:
        unfreeze(source)


def ask(source, request, deadline: float | None, answer, setup=None):
    """Run one request on the frozen source's worker (forked on first use, and
    again after a timeout or a death, with `setup` run in it first); None if
    the source is not frozen."""
    for _ in range(2):  # a second try only when the request never reached a worker
        worker = _worker_for(source, answer, setup)
        if worker is None:
            return None
        with worker.lock:
            if not worker.alive:  # retired while we waited for it
                continue
            reply = worker.ask(request, deadline)
        if reply[0] in ("timeout", "died"):
            _worker_for(source, answer, setup)  # the spare: the next query does not pay the fork
        if reply[0] != "unsent":
            return reply
    return ("died",)


def start(source, answer, setup=None) -> None:
    """Fork the frozen source's worker now rather than on its first query."""
    _worker_for(source, answer, setup)


def _worker_for(source, answer, setup=None):
    with _registry:
        entry = _frozen.get(id(source))
        if entry is None or entry[0] is not source:
            return None
        if entry[2] is None or not entry[2].alive:
            others = [fd for other in _frozen.values() if other[2] is not None and other[2].alive
                      for fd in other[2].fds]
            entry[2] = Worker(source, answer, others, setup)
        return entry[2]


def _retire(worker: Worker) -> None:
    """Stop a worker even while another thread is waiting on it: the kill
    makes that thread's read end at once."""
    with worker._pid_lock:
        if worker.pid is not None:
            try:
                os.kill(worker.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if worker.lock.acquire(timeout=10):  # the asking thread sees the kill at once and lets go
        try:
            worker.stop()
        finally:
            worker.lock.release()


def live_workers() -> list[int]:
    """The pids of the running workers (for tests and diagnostics)."""
    with _registry:
        return [entry[2].pid for entry in _frozen.values() if entry[2] is not None and entry[2].alive]


def _forget_in_child() -> None:
    """A process forked for another reason (a per-query child, a
    multiprocessing worker) must neither use nor kill its parent's workers:
    in it no source is frozen."""
    global _frozen, _registry
    _frozen = {}
    _registry = threading.RLock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


@atexit.register
def _stop_all() -> None:
    with _registry:
        workers = [entry[2] for entry in _frozen.values() if entry[2] is not None]
        _frozen.clear()
    for worker in workers:
        _retire(worker)
