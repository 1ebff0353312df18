"""Work done in a forked process while this one goes on: the child inherits
everything (a loaded store, rows already read) and hands back its result
pickled through a pipe. Where fork is not available, or the child fails, the
work is done here when its result is asked for, so the answer is the same."""
from __future__ import annotations

import os
import pickle
import signal
from typing import Callable


class ForkedSeries:
    """Forked for work that yields its results one by one: each is handed
    back as soon as it is made (the map's names are read while its evidence
    is still being queried). next() is None once the child has failed or
    yielded all; where fork is not available the work runs here, one item
    per next()."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.local, self.pid, self.stream, self.status = None, None, None, None
        if not hasattr(os, "fork"):
            self.local = iter(work())
            return
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                os.close(readable)
                with open(writable, "wb") as out:
                    for item in work():
                        pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
                        out.flush()
                status = 0
            finally:
                os._exit(status)  # never the parent's cleanup
        os.close(writable)
        self.pid, self.stream = pid, open(readable, "rb")

    def next(self):
        if self.local is not None:
            return next(self.local, None)
        if self.stream is None:
            return None
        try:
            return pickle.load(self.stream)
        except (EOFError, pickle.UnpicklingError):
            self.close()
            return None

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
            self.status = os.waitpid(self.pid, 0)[1]

    def cancel(self) -> None:
        """Stop a child whose results nobody will read, without waiting for its work to end."""
        if self.stream is not None:
            os.kill(self.pid, signal.SIGKILL)
        self.close()


class Forked(ForkedSeries):
    """One result computed in a child process (a series of one)."""

    def __init__(self, work: Callable[[], object], fallback: Callable[[], object] | None = None) -> None:
        self.work, self.fallback = work, fallback or work

        def one():
            yield work()  # a generator, so that without fork the work runs only when asked for
        super().__init__(one)

    def answer(self):
        """The child's result; None if it failed (the child is reaped)."""
        try:
            return self.next()
        finally:
            self.close()

    def result(self):
        """The child's result, or the work (its fallback) done here."""
        found = self.answer()
        return self.fallback() if found is None else found
