"""Run the map's own SPARQL (queries/viz/*.rq) over a pyoxigraph Store and
hand back plain Python rows, so the projection code never sees RDF terms.

Parameters are bound through pyoxigraph `substitutions`, never formatted into
the query text."""
from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph

from ..graphsource import load_store
from ..resources import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {XSD + "decimal", XSD + "double", XSD + "float"}
_INTEGERS = {XSD + name for name in ("integer", "nonNegativeInteger", "int", "long", "positiveInteger")}


def open_store(path: Path) -> pyoxigraph.Store:
    """A GRAPH argument (TriG/N-Quads file) as an in-memory store."""
    return load_store(Path(path))


EARLY = ("names", "evidence")  # the map's costliest queries, answered from a store of their own (map_store)


def map_store(path: Path, names: bool = True) -> pyoxigraph.Store:
    """open_store for `trialgraph viz`: a file a build wrote holds only the
    triples the map's queries, the charts' saved query and the parameter
    resolver read (query_subset.py; 1.2 of 3.4 M quads at 10,000 realistic
    releases: no inferred links, no extractor and zone records, no type of a
    class no query reads). `names`: --drug/--company names will be resolved
    (params.RESOLVER_QUERIES); without them the resolver only checks that the
    charts' drugs, given as IRIs, are drugs (IRI_RESOLVER_QUERIES), and of the
    types only those the queries read and RESOLVER_CLASSES are kept. The EARLY
    queries are answered by a forked process from its own store, loaded and
    queried while this one loads the rest: this store then holds no evidence
    selectors (0.57 M quads at 10,000) and the second core works while this
    one loads; rows_shared collects their rows."""
    from ..query_subset import query_classes, store_for
    from ..sparql.params import IRI_RESOLVER_QUERIES, RESOLVER_CLASSES, RESOLVER_QUERIES

    names_read = [p.stem for p in sorted((queries_dir() / "viz").glob("*.rq"))]
    texts = [query_text(name) for name in names_read if name not in EARLY]
    texts.append((queries_dir() / "metric-timeline.rq").read_text(encoding="utf-8"))
    early = _Early(Path(path), EARLY)
    if names:
        store = store_for(Path(path), texts + list(RESOLVER_QUERIES))
    else:
        classes = query_classes(texts)
        store = store_for(Path(path), texts + list(IRI_RESOLVER_QUERIES),
                          None if classes is None else classes | RESOLVER_CLASSES)
    if store is None:
        early.close()
        return open_store(path)
    _EARLY[id(store)] = (store, early)
    return store


def discard(store: pyoxigraph.Store) -> None:
    """Stop the process answering `store`'s EARLY queries when no map will be drawn from it."""
    entry = _EARLY.pop(id(store), None)
    if entry is not None:
        entry[1].close()


class _Answers:
    """Rows of the queries `names`, answered in order by a forked process
    (forked.ForkedSeries of `work`) and each handed back as soon as it is
    read; rows(name) is None when the process failed."""

    def __init__(self, names: tuple[str, ...], work) -> None:
        from ..forked import ForkedSeries

        self.names = names
        self.found: dict[str, list[dict]] = {}
        self.process = ForkedSeries(work)  # where fork is not available: here, when asked

    def rows(self, name: str) -> list[dict] | None:
        while name not in self.found and len(self.found) < len(self.names):
            answer = self.process.next()
            if answer is None:
                break
            self.found[self.names[len(self.found)]] = answer
        return self.found.get(name)

    def close(self) -> None:
        self.process.cancel()


class _Early(_Answers):
    """The process that loads the triples `names` read (store_for) and
    answers them; rows() is None when it could not (a file the cutter
    refuses) or it failed."""

    def __init__(self, path: Path, names: tuple[str, ...]) -> None:
        self.path = path
        super().__init__(names, lambda: self._answers(path, names))

    @staticmethod
    def _answers(path: Path, names: tuple[str, ...]):
        from ..collector import paused_gc
        from ..query_subset import store_for

        with paused_gc():  # this process only converts rows and exits
            store = store_for(path, [query_text(name) for name in names])
            if store is not None:
                for name in names:
                    yield _select(store, name, None)


# id(store) -> (store, the process answering its EARLY queries); the entry holds the store so
# that its id cannot be reused by another store while the entry waits for rows_shared
_EARLY: dict[int, tuple[pyoxigraph.Store, _Early]] = {}


def query_text(name: str) -> str:
    return (queries_dir() / "viz" / f"{name}.rq").read_text(encoding="utf-8")


def python_value(term):
    """An RDF term as a str (IRIs, strings, dates as written), int, Decimal or bool."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value if term.datatype is not None else None
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _NUMBERS:
            try:
                return Decimal(term.value)
            except InvalidOperation:
                return None
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


_SHARED: dict[int, dict[str, list[dict]]] = {}  # id(store) -> {query: rows}, while `rows_shared`
_PENDING: dict[int, "_Pending"] = {}  # id(store) -> the rows forked processes answer for it, while `rows_shared`


# the map's queries the projection reads after the graph is laid out (projection.py), answered by a
# process forked from the map's store while this one answers the others as the projection reads them
LATER = ("designations", "results", "milestones", "companies")


@contextmanager
def rows_shared(store: pyoxigraph.Store, prefetch: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())):
    """Within, each query without bindings runs once on `store` and its rows
    are handed to every reader (the page reads results three times,
    designations and developers twice); the rows must not be changed.
    `prefetch`: two sets of queries run first, the first in a forked process
    while this one runs the second (the store is inherited, not copied).
    For a map_store, prefetch is not used: the EARLY queries come from their
    process and the LATER ones from one forked here, each when first read
    (the projection reads the names first and the evidence last), and the
    others run here when first read."""
    shared = _SHARED[id(store)] = {}
    entry = _EARLY.pop(id(store), None)
    pending = None
    try:
        if entry is not None:
            later = _Answers(LATER, lambda: (_select(store, name, None) for name in LATER))
            pending = _PENDING[id(store)] = _Pending(store, entry[1], later)
        else:
            shared.update(_prefetched(store, *prefetch))
        yield
    finally:
        _SHARED.pop(id(store), None)
        if pending is not None:
            _PENDING.pop(id(store), None)
            pending.close()


class _Pending:
    """The rows of the queries answered by forked processes: the EARLY ones
    (or, if their process failed, from the whole graph: the map's store lacks
    their triples) and the LATER ones (or, if theirs failed, from the store)."""

    def __init__(self, store: pyoxigraph.Store, early: _Early, later: _Answers) -> None:
        self.store, self.early, self.later, self.whole = store, early, later, None

    def answers(self, name: str) -> bool:
        return name in self.early.names or name in self.later.names

    def rows(self, name: str) -> list[dict]:
        source = self.early if name in self.early.names else self.later
        found = source.rows(name)
        if found is not None:
            return found
        if source is self.later:
            return _select(self.store, name, None)
        if self.whole is None:
            self.early.close()
            self.whole = open_store(self.early.path)
        return _select(self.whole, name, None)

    def close(self) -> None:
        self.early.close()
        self.later.close()


_FORKED: list = []  # the store a prefetching process inherits


def _rows_of(names: tuple[str, ...]) -> dict[str, list[dict]]:
    return {name: _select(_FORKED[0], name, None) for name in names}


def _prefetched(store, there: tuple[str, ...], here: tuple[str, ...]) -> dict[str, list[dict]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if not there or "fork" not in multiprocessing.get_all_start_methods():
        return {name: _select(store, name, None) for name in there + here}
    _FORKED[:] = [store]
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            forked = pool.submit(_rows_of, there)
            rows = {name: _select(store, name, None) for name in here}
            rows.update(forked.result())
    finally:
        _FORKED.clear()
    return rows


def select(store: pyoxigraph.Store, name: str, bindings: dict[str, str] | None = None) -> list[dict]:
    """Rows of queries/viz/NAME.rq as dicts; `bindings` maps a variable to an IRI."""
    shared = None if bindings else _SHARED.get(id(store))
    if shared is not None and name in shared:
        return shared[name]
    pending = _PENDING.get(id(store)) if shared is not None else None
    if pending is not None and pending.answers(name):
        rows = pending.rows(name)
    else:
        rows = _select(store, name, bindings)
    if shared is not None:
        shared[name] = rows
    return rows


def _select(store: pyoxigraph.Store, name: str, bindings: dict[str, str] | None) -> list[dict]:
    substitutions = {pyoxigraph.Variable(k): pyoxigraph.NamedNode(v) for k, v in (bindings or {}).items()}
    solutions = store.query(query_text(name), substitutions=substitutions)
    columns = [variable.value for variable in solutions.variables]
    memo: dict = {}  # answers repeat IRIs and values: converting each cell was a seventh of the map's time
    rows = []
    for solution in solutions:
        values = []
        for term in solution:  # in the order of `columns`: a third cheaper than solution[column]
            value = memo.get(term, memo)
            if value is memo:
                value = memo[term] = python_value(term)
            values.append(value)
        rows.append(dict(zip(columns, values)))
    return rows
