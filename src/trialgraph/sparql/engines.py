"""The two SPARQL engines behind one call: pyoxigraph (fast, the default) and
rdflib. Answers come back as rdflib terms whichever engine ran, with
pyoxigraph's explicit `xsd:string` dropped so both engines give equal terms."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD

from ..errors import UsageError

ENGINES = ("pyoxigraph", "rdflib")
_INTEGER_TYPES = {XSD[name] for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
    "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def engine_of(source) -> str:
    import pyoxigraph

    if isinstance(source, pyoxigraph.Store):
        return "pyoxigraph"
    if isinstance(source, Graph):
        return "rdflib"
    raise UsageError(f"cannot query a {type(source).__name__}; give a pyoxigraph.Store or an rdflib.Dataset")


def convert(source, engine: str):
    """The same quads in the other engine (used when a caller asks for an engine
    that is not the one the source lives in)."""
    import pyoxigraph

    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint="pyoxigraph or rdflib")
    if engine_of(source) == engine:
        return source
    if engine == "rdflib":
        data = source.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        dataset = Dataset()
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset
    store = pyoxigraph.Store()
    store.load(source.serialize(format="nquads").encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def to_oxigraph(term):
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype or XSD.string)))
    raise UsageError(f"cannot bind {term!r}: only IRIs and literals are parameters")


def from_oxigraph(term):
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.string):
        return Literal(term.value)
    return _plain(Literal(term.value, datatype=URIRef(datatype)))


def _plain(term):
    """One spelling per value whichever engine ran: computed strings without
    xsd:string, decimals in their shortest form ("100", "3.5")."""
    if not isinstance(term, Literal) or term.language:
        return term
    if term.datatype == XSD.string:
        return Literal(str(term))
    if term.datatype in _INTEGER_TYPES:  # pyoxigraph stores every derived integer as xsd:integer
        return Literal(str(term), datatype=XSD.integer)
    if term.datatype == XSD.decimal:
        try:
            number = Decimal(str(term))
        except InvalidOperation:
            return term
        if number.is_finite():
            text = format(number.normalize(), "f")
            return Literal(text, datatype=XSD.decimal) if text != str(term) else term
    return term


def select(source, text: str, bindings: dict[str, object], row_cap: int | None = None):
    """(columns, rows) of a SELECT; bindings are rdflib terms keyed by variable
    name, handed to the engine as values (substitutions / initBindings)."""
    if hasattr(source, "sparql_select"):  # a SPARQL endpoint: trialgraph.remote.RemoteSource
        return source.sparql_select(text, bindings, row_cap)
    rows: list[tuple] = []
    if engine_of(source) == "pyoxigraph":
        solutions = source.query(text, substitutions={
            __import__("pyoxigraph").Variable(k): to_oxigraph(v) for k, v in bindings.items()})
        columns = [v.value for v in solutions.variables]
        positions = range(len(columns))
        memo: dict = {None: None}  # answers repeat IRIs and values; converting was most of a large answer's time
        for solution in solutions:
            row = []
            for i in positions:
                cell = solution[i]
                value = memo.get(cell, memo)
                if value is memo:
                    value = memo[cell] = from_oxigraph(cell)
                row.append(value)
            rows.append(tuple(row))
            if row_cap is not None and len(rows) > row_cap:
                break
        return columns, rows
    result = source.query(text, initBindings={Variable(k): v for k, v in bindings.items()})
    columns = [str(v) for v in (result.vars or [])]
    for row in result:
        rows.append(tuple(_plain(row[c]) if c in row.labels else None for c in columns))
        if row_cap is not None and len(rows) > row_cap:
            break
    return columns, rows
