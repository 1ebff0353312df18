"""A lightweight quad sink with the slice of rdflib's Dataset API that rdf.py
uses (`graph(iri).add(triple)`, `bind`), so emitting does not pay for
rdflib's indexed store (MEASUREMENTS.md: ~10x slower than pyoxigraph to fill).
From the sink the quads go to N-Quads text, a pyoxigraph Store (bulk load)
or, for small graphs and tests, an rdflib Dataset."""
from __future__ import annotations

from typing import Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

XSD_STRING = str(XSD.string)


class GraphSink:
    """One named graph: an insertion-ordered set of triples, or (from a
    parallel emit) the same already rendered as N-Triples term text."""

    __slots__ = ("identifier", "_triples", "rendered", "block", "rule_input", "rule_summary", "_count")

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self._triples: dict[tuple, None] = {}
        self.rendered: list[tuple[str, str, str]] | None = None
        # the graph's TriG (trig.trig_block) when emit made it, or a view of an earlier graph file's
        self.block: str | bytes | memoryview | None = None
        self.rule_input: str | memoryview | None = None  # "s p o" lines of its triples the rules can read (UTF-8 if a view)
        self.rule_summary: tuple[str, str] | None = None  # rules.rule_input_summary(rule_input), once known
        self._count = 0  # of a graph known only by its block (set_block)

    def set_block(self, block: bytes | memoryview, count: int, rule_input: str | memoryview,
                  rule_summary: tuple[str, str] | None) -> None:
        """A graph known as its TriG block (reused from an earlier build, or
        emitted for a TriG build); its triples are read back from the block only
        if someone iterates them."""
        self._triples.clear()
        self.rendered = None
        self.block, self._count, self.rule_input, self.rule_summary = block, count, rule_input, rule_summary

    def set_rendered(self, rendered: list[tuple[str, str, str]], *, block: str | None = None,
                     rule_input: str | None = None) -> None:
        self._triples.clear()
        self.rendered = rendered
        self.block = block
        self.rule_input = rule_input
        self.rule_summary = None

    def _block_only(self) -> bool:
        return self.rendered is None and not self._triples and self.block is not None and self._count > 0

    def _render_block(self) -> None:
        import pyoxigraph

        from .prefixes import PREFIXES
        from .trig import trig_header

        block = self.block.encode("utf-8") if isinstance(self.block, str) else bytes(self.block)
        data = trig_header(PREFIXES).encode("utf-8") + block
        self.rendered = sorted({(_read_back(q.subject), _read_back(q.predicate), _read_back(q.object))
                                for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TRIG)})

    def _terms(self) -> None:
        """Back to rdflib terms: only for callers that iterate or add (tests, small graphs)."""
        if self._block_only():
            self._render_block()
        if self.rendered is not None:
            from rdflib import Graph

            text = "".join(f"{s} {p} {o} .\n" for s, p, o in self.rendered)
            self._triples = dict.fromkeys(Graph().parse(data=text, format="nt"))
            self.rendered = None

    def add(self, triple: tuple) -> None:
        if self.rendered is not None:
            self._terms()
        self.block = self.rule_input = self.rule_summary = None
        self._triples[triple] = None

    def __iter__(self) -> Iterator[tuple]:
        self._terms()
        return iter(self._triples)

    def __len__(self) -> int:
        if self._block_only():
            return self._count
        return len(self.rendered) if self.rendered is not None else len(self._triples)

    def __contains__(self, triple: tuple) -> bool:
        self._terms()
        return triple in self._triples

    def rendered_triples(self, term: "TermWriter") -> Iterator[tuple[str, str, str]]:
        if self._block_only():
            self._render_block()
        if self.rendered is not None:
            return iter(self.rendered)
        return ((term(s), term(p), term(o)) for s, p, o in self._triples)


class QuadSink:
    def __init__(self) -> None:
        self.graphs: dict[URIRef, GraphSink] = {}
        self.prefixes: dict[str, str] = {}

    def bind(self, prefix: str, namespace) -> None:
        self.prefixes[prefix] = str(namespace)

    def namespaces(self):
        return iter(self.prefixes.items())

    def graph(self, identifier: URIRef) -> GraphSink:
        graph = self.graphs.get(identifier)
        if graph is None:
            graph = self.graphs[identifier] = GraphSink(identifier)
        return graph

    def __len__(self) -> int:
        return sum(len(g) for g in self.graphs.values())

    def quads(self) -> Iterator[tuple]:
        for name, graph in self.graphs.items():
            for s, p, o in graph:
                yield s, p, o, name

    def to_nquads(self) -> bytes:
        term = TermWriter()
        lines = []
        for name, graph in self.graphs.items():
            g = term(name)
            lines.extend(f"{s} {p} {o} {g} .\n" for s, p, o in graph.rendered_triples(term))
        return "".join(lines).encode("utf-8")

    def to_store(self):
        import pyoxigraph

        store = pyoxigraph.Store()
        store.bulk_load(self.to_nquads(), format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    def to_dataset(self):
        from rdflib import Dataset

        dataset = Dataset()
        for prefix, namespace in self.prefixes.items():
            dataset.bind(prefix, namespace)
        for name, sink in self.graphs.items():
            graph = dataset.graph(name)
            for triple in sink:
                graph.add(triple)
        return dataset


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _read_back(term) -> str:
    """A term parsed from a TriG block (pyoxigraph) as nt() wrote it: the same
    text, datatype included (sparql.engines.from_oxigraph folds integer types
    into xsd:integer, which a query wants and a graph must not)."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return f"<{term.value}>"
    if not isinstance(term, pyoxigraph.Literal):
        raise ValueError(f"blank node {term!r}: trialgraph mints IRIs for every node")
    body = '"' + term.value.translate(_ESCAPES) + '"'
    if term.language:
        return f"{body}@{term.language}"
    datatype = term.datatype.value
    return body if datatype == XSD_STRING else f"{body}^^<{datatype}>"


class TermWriter:
    """rdflib term -> N-Triples text, memoised: IRIs and many literals repeat."""

    def __init__(self) -> None:
        self._cache: dict = {}

    def __call__(self, term) -> str:
        try:
            return self._cache[term]
        except KeyError:
            pass
        except TypeError:  # unhashable: never happens for rdflib terms
            return nt(term)
        text = self._cache[term] = nt(term)
        return text


def nt(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        body = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{body}^^<{term.datatype}>"
        return body
    if isinstance(term, BNode):
        raise ValueError(f"blank node {term!r}: trialgraph mints IRIs for every node")
    raise TypeError(f"not an RDF term: {term!r}")
