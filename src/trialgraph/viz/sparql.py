"""Run the map's own SPARQL (queries/viz/*.rq) over a pyoxigraph Store and
hand back plain Python rows, so the projection code never sees RDF terms.

Parameters are bound through pyoxigraph `substitutions`, never formatted into
the query text."""
from __future__ import annotations

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


def select(store: pyoxigraph.Store, name: str, bindings: dict[str, str] | None = None) -> list[dict]:
    """Rows of queries/viz/NAME.rq as dicts; `bindings` maps a variable to an IRI."""
    substitutions = {pyoxigraph.Variable(k): pyoxigraph.NamedNode(v) for k, v in (bindings or {}).items()}
    solutions = store.query(query_text(name), substitutions=substitutions)
    columns = [variable.value for variable in solutions.variables]
    return [{column: python_value(solution[column]) for column in columns} for solution in solutions]
