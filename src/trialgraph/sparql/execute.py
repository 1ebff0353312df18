"""Running a query under a deadline, in a process that cannot reach the
network and cannot grow past a memory budget.

Neither engine can be interrupted: pyoxigraph evaluates in Rust without a
timeout, rdflib in Python without a cancel hook, and a thread cannot be
killed. So the query runs in a forked process that inherits the graph
copy-on-write (no copying, no re-loading) and sends its rows back through a
pipe; at the deadline the parent kills it and reports it. A source declared
unchanging with `freeze` (trialgraph serve does) keeps one such process for
all its queries (sparql/worker.py); any other source gets a fresh fork per
query, which costs 30-75 ms on a 10,000-release graph (docs/queries.md,
"Deadline cost"). Every query process is confined first (confine.py: no
network, an address-space limit), so even a query the checker misread
cannot call out. A user's query is also checked (safety.py) inside that
process, so a query that takes long to parse is under the deadline too.
Where fork is unavailable the query runs in the calling process without a
deadline rather than not at all.
"""
from __future__ import annotations

import os
import pickle
import select as io_select
import signal
import time
from dataclasses import dataclass, field

from ..errors import RemoteError, TrialgraphError, UsageError
from . import engines, worker
from .catalogue import SavedQuery
from .confine import DEFAULT_MEMORY, confine
from .params import bind
from .safety import QueryRefused, projected_variables
from .worker import frozen, unfreeze

__all__ = ["QueryStopped", "QueryTimeout", "QueryOutOfMemory", "QueryTooLarge", "Table", "run", "execute",
           "freeze", "frozen", "unfreeze", "DEFAULT_MEMORY"]


class QueryStopped(TrialgraphError):
    """The query was stopped by a limit, not refused for a mistake: exit 5,
    apart from usage errors (2) and unreachable endpoints (4), so a script can
    tell "try a narrower query" from "fix the command"."""
    exit_code = 5


class QueryTimeout(QueryStopped):
    """The query did not finish before its deadline."""


class QueryOutOfMemory(QueryStopped):
    """The query process went past its memory budget."""


class QueryTooLarge(UsageError):
    """The answer has more rows than the row cap allows (never silently cut)."""


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)  # cells: rdflib terms or None


def run(query: SavedQuery, source, params: dict[str, str] | None = None, *, engine: str | None = None,
        deadline: float | None = 30.0, row_cap: int | None = None, memory: int | None = DEFAULT_MEMORY) -> Table:
    """Check, bind and run a saved (or any loaded) query on a pyoxigraph Store
    or an rdflib Dataset; refuses before running anything on a bad query or
    parameter. The check runs inside the query process, under the deadline."""
    if engine is not None:
        source = engines.convert(source, engine)
    bindings = bind(query, source, params or {})
    return _execute(query.text, source, bindings, deadline, row_cap, memory, check=True, path=str(query.path))


def execute(text: str, source, bindings: dict, *, deadline: float | None = 30.0,
            row_cap: int | None = None, memory: int | None = DEFAULT_MEMORY) -> Table:
    """Run already-checked SPARQL with already-checked bindings (still in a
    confined process: the checker is not the only wall)."""
    return _execute(text, source, bindings, deadline, row_cap, memory, check=False, path=None)


def _execute(text, source, bindings, deadline, row_cap, memory, *, check: bool, path: str | None) -> Table:
    request = (text, bindings, row_cap, check, path)
    if not hasattr(os, "fork"):
        outcome = _answer(source, request)
        return _result(("answer", outcome), deadline, memory)
    setup = _setup_for(source, memory)
    reply = worker.ask(source, request, deadline, _answer, setup)
    if reply is None:  # not frozen: a fork for this query alone
        reply = _in_child(lambda: (setup(), _answer(source, request))[1], deadline)
    return _result(reply, deadline, memory)


def _setup_for(source, memory: int | None):
    if hasattr(source, "sparql_select"):  # a remote endpoint: the process must reach it; no local engine runs
        return lambda: None
    return lambda: confine(memory)


def freeze(source, *, start: bool = False, memory: int | None = DEFAULT_MEMORY) -> None:
    """Declare `source` unchanging until `unfreeze`: its deadline queries then
    share one persistent process (forked now if `start`, with `memory` as its
    budget) instead of a fork each."""
    worker.freeze(source)
    if start and hasattr(os, "fork"):
        worker.start(source, _answer, _setup_for(source, memory))


def _work(source, text: str, bindings: dict, row_cap: int | None) -> Table:
    columns, rows = engines.select(source, text, bindings, row_cap)
    if row_cap is not None and len(rows) > row_cap:
        raise QueryTooLarge(f"the answer has more than {row_cap} rows",
                            hint="narrow the query with parameters or LIMIT")
    return Table(columns, rows)


def _check(text: str, bindings: dict, path: str | None) -> None:
    """A user's query: refused for SERVICE, FROM, updates, bad syntax, or a
    parameter the SELECT clause does not project."""
    projected = projected_variables(text)
    hidden = sorted(set(bindings) - projected) if projected is not None else []
    if hidden:
        raise UsageError(f"parameter ?{hidden[0]} is not in the SELECT clause",
                         hint="a parameter must be a selected variable to be bound", path=path)


def _answer(source, request) -> tuple:
    """The outcome of one request as plain picklable data (runs in the child)."""
    text, bindings, row_cap, check, path = request
    try:
        if check:
            _check(text, bindings, path)
        return ("ok", _work(source, text, bindings, row_cap))
    except TrialgraphError as error:
        return ("error", type(error).__name__, error.message, error.hint, error.path)
    except MemoryError:
        return ("error", "QueryOutOfMemory", "the query went past its memory limit and was stopped", None, None)
    except BaseException as error:  # an engine error becomes a message, not a crash
        return ("error", "UsageError", f"the query failed: {str(error).splitlines()[0][:300]}"
                if str(error) else f"the query failed: {type(error).__name__}", None, None)


_ERRORS = {cls.__name__: cls for cls in (QueryTooLarge, QueryTimeout, QueryOutOfMemory, QueryRefused, RemoteError)}


def _result(reply: tuple, deadline: float | None, memory: int | None) -> Table:
    if reply[0] == "timeout":
        raise QueryTimeout(f"the query did not finish within {deadline:g} s and was stopped",
                           hint="add parameters or LIMIT, or raise --deadline")
    if reply[0] == "died":  # a Rust allocation failure aborts the process; that is the usual cause
        limit = f" of {memory / (1 << 20):.0f} MiB" if memory else ""
        raise QueryOutOfMemory(f"the query process ended without an answer: it went past its memory "
                               f"limit{limit}, or was killed", hint="add parameters or LIMIT")
    outcome = reply[1]
    if outcome[0] == "ok":
        return outcome[1]
    _, kind, message, hint, path = outcome
    raise _ERRORS.get(kind, UsageError)(message, hint=hint, path=path)


def _in_child(answer, deadline: float | None) -> tuple:
    """("answer", outcome), ("timeout",) or ("died",) from a child forked for
    this query alone."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the pickled outcome, leave without cleanup handlers
        status = 0
        try:
            os.close(reader)
            data = pickle.dumps(answer(), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(writer, view):]
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    chunks: list[bytes] = []
    stop = None if deadline is None else time.monotonic() + deadline
    try:
        while True:
            left = None if stop is None else stop - time.monotonic()
            if left is not None and left <= 0:
                return ("timeout",)
            ready, _, _ = io_select.select([reader], [], [], left)
            if ready:
                chunk = os.read(reader, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(reader)
        _reap(pid)
    if not chunks:
        return ("died",)
    return ("answer", pickle.loads(b"".join(chunks)))


def _reap(pid: int) -> None:
    """Collect the child; kill it first if it is still running."""
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
