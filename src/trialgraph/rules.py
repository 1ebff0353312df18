"""Materialise the inferences saved queries rely on: the CONSTRUCT rules of
queries/rules/*.rq, run at build time into the named graph
`tgid:graph/inferred`.

Why CONSTRUCT rules and not owlrl: RDFS/OWL-RL closure of the whole corpus
takes minutes (MEASUREMENTS.md); the few inferences the queries need cost
milliseconds as targeted rules on pyoxigraph.

Order independence: every rule reads only the stated graphs (releases,
entities, ontology), never the inferred graph, so one pass reaches the fixed
point (transitive steps are SPARQL property paths inside a rule). The inferred
graph is therefore a function of the set of stated quads: the same whatever
order releases were added or rules run, and rebuilt from scratch every time.
"""
from __future__ import annotations

from pathlib import Path

from functools import lru_cache

from rdflib import RDF, Dataset, Literal, URIRef, Variable

from .iris import INFERRED_GRAPH
from .quads import TermWriter
from .resources import queries_dir
from .sparql.engines import from_oxigraph, to_oxigraph

__all__ = ["INFERRED_GRAPH", "rule_files", "infer", "infer_rendered", "materialise_rules"]


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


@lru_cache(maxsize=1)
def _rule_predicates() -> frozenset[str] | None:
    """Every IRI the rules name (rdf:type included), or None when some rule has
    a variable predicate. A rule can only match, or produce, a triple whose
    predicate it names, so the rules run on those triples alone: at 10,000
    releases about a fifth of the quads (evidence and selectors never match)."""
    from rdflib.paths import Path as RdfPath
    from rdflib.plugins.sparql import prepareQuery

    iris: set[str] = {str(RDF.type)}
    variable_predicate = False

    def walk(node) -> None:
        nonlocal variable_predicate
        if isinstance(node, URIRef):
            iris.add(str(node))
        elif isinstance(node, RdfPath):
            for value in vars(node).values():
                walk(value)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "triples":
                    variable_predicate |= any(isinstance(t[1], Variable) for t in value)
                walk(value)
        elif isinstance(node, (list, tuple, set, frozenset)):
            for value in node:
                walk(value)

    for path in rule_files():
        query = prepareQuery(path.read_text(encoding="utf-8"))
        walk(query.algebra)
    return None if variable_predicate else frozenset(iris)


def _rule_input(source) -> tuple[bytes, set[tuple[str, str, str]]]:
    """The stated quads the rules can read, as N-Quads, and the same triples as
    N-Triples term text (to drop inferences already stated). Reads a QuadSink,
    an rdflib Dataset or a pyoxigraph Store; never the inferred graph."""
    import pyoxigraph

    wanted = _rule_predicates()
    inferred = f"<{INFERRED_GRAPH}>"
    lines: list[str] = []
    stated: set[tuple[str, str, str]] = set()
    if isinstance(source, pyoxigraph.Store):
        iterable = _ox_rendered(source)
    elif isinstance(source, Dataset):
        term = TermWriter()
        iterable = ((term(s), term(p), term(o), term(getattr(g, "identifier", g)))
                    for s, p, o, g in source.quads((None, None, None, None))
                    if isinstance(getattr(g, "identifier", g), URIRef))
    elif isinstance(getattr(source, "graphs", None), dict):  # the build's QuadSink
        iterable = _sink_rendered(source, wanted)
    else:
        raise TypeError(f"cannot materialise rules into a {type(source).__name__}")
    for s, p, o, g in iterable:
        if g == inferred or (wanted is not None and p[1:-1] not in wanted):
            continue
        lines.append(f"{s} {p} {o} {g} .\n")
        stated.add((s, p, o))
    return "".join(lines).encode("utf-8"), stated


def rule_input_of(rendered: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The triples (N-Triples term text) of one graph that the rules can read."""
    wanted = _rule_predicates()
    return list(rendered) if wanted is None else [t for t in rendered if t[1][1:-1] in wanted]


def _sink_rendered(sink, wanted):
    """(s, p, o, g) term text of a QuadSink, rendering only triples the rules can read."""
    term = TermWriter()
    predicates = None if wanted is None else {URIRef(iri) for iri in wanted}
    for name, graph in sink.graphs.items():
        g = term(name)
        if graph.rule_input is not None:
            for s, p, o in graph.rule_input:
                yield s, p, o, g
        elif graph.rendered is not None:
            for s, p, o in graph.rendered:
                yield s, p, o, g
        else:
            for s, p, o in graph:
                if predicates is None or p in predicates:
                    yield term(s), term(p), term(o), g


def _ox_rendered(store):
    import pyoxigraph

    term = TermWriter()
    for q in store:
        if isinstance(q.graph_name, pyoxigraph.DefaultGraph):
            continue
        yield (term(from_oxigraph(q.subject)), term(from_oxigraph(q.predicate)), term(from_oxigraph(q.object)),
               term(from_oxigraph(q.graph_name)))


def infer_rendered(source) -> list[tuple[str, str, str]]:
    """The inferred triples as N-Triples term text, sorted, without duplicates
    and without anything already stated."""
    import pyoxigraph

    data, stated = _rule_input(source)
    store = pyoxigraph.Store()
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    term = TermWriter()
    found: set[tuple[str, str, str]] = set()
    for path in rule_files():
        for triple in store.query(path.read_text(encoding="utf-8")):
            found.add((term(from_oxigraph(triple.subject)), term(from_oxigraph(triple.predicate)),
                       term(from_oxigraph(triple.object))))
    return sorted(found - stated)


def infer(source) -> list[tuple]:
    """The inferred triples (rdflib terms), sorted, without duplicates and
    without anything already stated."""
    from rdflib import Graph

    rendered = infer_rendered(source)
    if not rendered:
        return []
    graph = Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in rendered), format="nt")
    return sorted(graph, key=lambda t: tuple(_sort_key(x) for x in t))


def _ox(triple):
    return tuple(to_oxigraph(x) for x in triple)


def _sort_key(term) -> tuple:
    return (isinstance(term, Literal), str(term), str(getattr(term, "datatype", "") or ""))


def materialise_rules(target) -> int:
    """Replace the inferred graph of `target` (the build's QuadSink, an rdflib
    Dataset or a pyoxigraph Store) with what the rules derive now; returns the
    number of inferred triples."""
    name = URIRef(INFERRED_GRAPH)
    if isinstance(target, Dataset):
        triples = infer(target)
        target.remove_graph(target.graph(name))
        graph = target.graph(name)
        for triple in triples:
            graph.add(triple)
        return len(triples)
    if _is_store(target):
        import pyoxigraph

        triples = infer(target)
        node = pyoxigraph.NamedNode(str(name))
        target.remove_graph(node)  # a no-op on a store without it
        target.bulk_extend(pyoxigraph.Quad(*_ox(t), node) for t in triples)
        return len(triples)
    rendered = infer_rendered(target)  # the build's QuadSink
    target.graphs.pop(name, None)
    target.graph(name).set_rendered(rendered)
    return len(rendered)


def _is_store(source) -> bool:
    import pyoxigraph

    return isinstance(source, pyoxigraph.Store)
