"""Running a query under a deadline.

Neither engine can be interrupted: pyoxigraph evaluates in Rust without a
timeout, rdflib in Python without a cancel hook, and a thread cannot be
killed. So the query runs in a forked process that inherits the graph
copy-on-write (no copying, no re-loading) and sends its rows back through a
pipe; at the deadline the parent kills it and reports it. A source declared
unchanging with `freeze` (trialgraph serve does) keeps one such process for
all its queries (sparql/worker.py); any other source gets a fresh fork per
query, which costs 30-75 ms on a 10,000-release graph (docs/queries.md,
"Deadline cost"). Where fork is unavailable the query runs in the calling
process without a deadline rather than not at all.
"""
from __future__ import annotations

import os
import pickle
import select as io_select
import signal
import time
from dataclasses import dataclass, field

from ..errors import TrialgraphError, UsageError
from . import engines, worker
from .catalogue import SavedQuery
from .params import bind
from .safety import projected_variables
from .worker import frozen, unfreeze

__all__ = ["QueryTimeout", "QueryTooLarge", "Table", "run", "execute", "freeze", "frozen", "unfreeze"]


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
    if deadline is None or not hasattr(os, "fork"):
        return _work(source, text, bindings, row_cap)
    reply = worker.ask(source, (text, bindings, row_cap), deadline, _answer)
    if reply is None:  # not frozen: a fork for this query alone
        reply = _in_child(lambda: _answer(source, (text, bindings, row_cap)), deadline)
    return _result(reply, deadline)


def freeze(source, *, start: bool = False) -> None:
    """Declare `source` unchanging until `unfreeze`: its deadline queries then
    share one persistent process (forked now if `start`) instead of a fork each."""
    worker.freeze(source)
    if start and hasattr(os, "fork"):
        worker.start(source, _answer)


def _work(source, text: str, bindings: dict, row_cap: int | None) -> Table:
    columns, rows = engines.select(source, text, bindings, row_cap)
    if row_cap is not None and len(rows) > row_cap:
        raise QueryTooLarge(f"the answer has more than {row_cap} rows",
                            hint="narrow the query with parameters or LIMIT")
    return Table(columns, rows)


def _answer(source, request) -> tuple:
    """The outcome of one request as plain picklable data (runs in the child)."""
    text, bindings, row_cap = request
    try:
        return ("ok", _work(source, text, bindings, row_cap))
    except TrialgraphError as error:
        return ("error", type(error).__name__, error.message, error.hint)
    except BaseException as error:  # an engine error becomes a message, not a crash
        return ("error", "UsageError", f"the query failed: {str(error).splitlines()[0][:300]}"
                if str(error) else f"the query failed: {type(error).__name__}", None)


def _result(reply: tuple, deadline: float) -> Table:
    if reply[0] == "timeout":
        raise QueryTimeout(f"the query did not finish within {deadline:g} s and was stopped",
                           hint="add parameters or LIMIT, or raise --deadline")
    if reply[0] == "died":
        raise UsageError("the query process ended without an answer (out of memory?)")
    outcome = reply[1]
    if outcome[0] == "ok":
        return outcome[1]
    _, kind, message, hint = outcome
    raise {"QueryTooLarge": QueryTooLarge, "QueryTimeout": QueryTimeout}.get(kind, UsageError)(message, hint=hint)


def _in_child(answer, deadline: float) -> tuple:
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
    stop = time.monotonic() + deadline
    try:
        while True:
            left = stop - time.monotonic()
            if left <= 0:
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
