"""Running a query under a deadline.

Neither engine can be interrupted: pyoxigraph evaluates in Rust without a
timeout, rdflib in Python without a cancel hook, and a thread cannot be
killed. So the query runs in a forked child process that inherits the graph
copy-on-write (no copying, no re-loading) and sends its rows back through a
pipe; at the deadline the parent kills the child and reports it. A fork costs
about a millisecond per 100 MB of address space (measured in docs/queries.md).
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

from ..errors import TrialgraphError, UsageError
from . import engines
from .catalogue import SavedQuery
from .params import bind
from .safety import projected_variables


class QueryTimeout(UsageError):
    """The query did not finish before its deadline."""


class QueryTooLarge(UsageError):
    """The answer has more rows than the row cap allows (never silently cut)."""


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)  # cells: rdflib terms or None


def run(query: SavedQuery, source, params: dict[str, str] | None = None, *, engine: str | None = None,
        deadline: float | None = 30.0, row_cap: int | None = None) -> Table:
    """Check, bind and run a saved (or any loaded) query on a pyoxigraph Store
    or an rdflib Dataset; refuses before running anything on a bad query or
    parameter."""
    projected = projected_variables(query.text)  # refuses SERVICE, FROM, updates, bad syntax
    if engine is not None:
        source = engines.convert(source, engine)
    bindings = bind(query, source, params or {})
    hidden = sorted(set(bindings) - projected) if projected is not None else []
    if hidden:
        raise UsageError(f"query {query.name}: parameter ?{hidden[0]} is not in the SELECT clause",
                         hint="a parameter must be a selected variable to be bound", path=str(query.path))
    return execute(query.text, source, bindings, deadline=deadline, row_cap=row_cap)


def execute(text: str, source, bindings: dict, *, deadline: float | None = 30.0,
            row_cap: int | None = None) -> Table:
    """Run already-checked SPARQL with already-checked bindings."""
    def work() -> Table:
        columns, rows = engines.select(source, text, bindings, row_cap)
        if row_cap is not None and len(rows) > row_cap:
            raise QueryTooLarge(f"the answer has more than {row_cap} rows",
                                hint="narrow the query with parameters or LIMIT")
        return Table(columns, rows)

    if deadline is None or not hasattr(os, "fork"):
        return work()
    return _in_child(work, deadline)


def _in_child(work, deadline: float) -> Table:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the pickled outcome, leave without cleanup handlers
        status = 0
        try:
            os.close(reader)
            try:
                outcome = ("ok", work())
            except TrialgraphError as error:
                outcome = ("error", type(error).__name__, error.message, error.hint)
            except BaseException as error:  # an engine error becomes a message, not a crash
                outcome = ("error", "UsageError", f"the query failed: {str(error).splitlines()[0][:300]}"
                           if str(error) else f"the query failed: {type(error).__name__}", None)
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(writer, view):]
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    chunks: list[bytes] = []
    stop = time.monotonic() + deadline
    try:
        while True:
            left = stop - time.monotonic()
            if left <= 0:
                raise QueryTimeout(f"the query did not finish within {deadline:g} s and was stopped",
                                   hint="add parameters or LIMIT, or raise --deadline")
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
        raise UsageError("the query process ended without an answer (out of memory?)")
    outcome = pickle.loads(b"".join(chunks))
    if outcome[0] == "ok":
        return outcome[1]
    _, kind, message, hint = outcome
    raise {"QueryTooLarge": QueryTooLarge, "QueryTimeout": QueryTimeout}.get(kind, UsageError)(message, hint=hint)


def _reap(pid: int) -> None:
    """Collect the child; kill it first if it is still running."""
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
