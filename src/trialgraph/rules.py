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

from rdflib import Dataset, Literal, URIRef

from .iris import INFERRED_GRAPH
from .resources import queries_dir
from .sparql.engines import from_oxigraph, to_oxigraph

__all__ = ["INFERRED_GRAPH", "rule_files", "infer", "materialise_rules"]


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


def _store_without_inferred(source):
    """A pyoxigraph Store of the stated quads of `source` (a QuadSink, an rdflib
    Dataset or a pyoxigraph Store), without any earlier inferred graph."""
    import pyoxigraph

    if isinstance(source, pyoxigraph.Store):
        store = pyoxigraph.Store()
        store.bulk_extend(q for q in source if q.graph_name != pyoxigraph.NamedNode(str(INFERRED_GRAPH)))
        return store
    if isinstance(source, Dataset):
        data = "".join(
            line for line in source.serialize(format="nquads").splitlines(keepends=True)
            if not line.rstrip().endswith(f"<{INFERRED_GRAPH}> ."))
        store = pyoxigraph.Store()
        store.bulk_load(data.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
        return store
    graphs = getattr(source, "graphs", None)
    if isinstance(graphs, dict):  # the build's QuadSink
        saved = graphs.pop(URIRef(INFERRED_GRAPH), None)
        try:
            return source.to_store()
        finally:
            if saved is not None:
                graphs[URIRef(INFERRED_GRAPH)] = saved
    raise TypeError(f"cannot materialise rules into a {type(source).__name__}")


def infer(source) -> list[tuple]:
    """The inferred triples (rdflib terms), sorted, without duplicates and
    without anything already stated."""
    store = _store_without_inferred(source)
    triples: set[tuple] = set()
    for path in rule_files():
        for triple in store.query(path.read_text(encoding="utf-8")):
            triples.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate),
                         from_oxigraph(triple.object)))
    stated = {(from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object))
              for t in triples for q in store.quads_for_pattern(*_ox(t), None)}
    return sorted(triples - stated, key=lambda t: tuple(_sort_key(x) for x in t))


def _ox(triple):
    return tuple(to_oxigraph(x) for x in triple)


def _sort_key(term) -> tuple:
    return (isinstance(term, Literal), str(term), str(getattr(term, "datatype", "") or ""))


def materialise_rules(target) -> int:
    """Replace the inferred graph of `target` (the build's QuadSink, an rdflib
    Dataset or a pyoxigraph Store) with what the rules derive now; returns the
    number of inferred triples."""
    triples = infer(target)
    name = URIRef(INFERRED_GRAPH)
    if isinstance(target, Dataset):
        target.remove_graph(target.graph(name))
        graph = target.graph(name)
        for triple in triples:
            graph.add(triple)
    elif _is_store(target):
        import pyoxigraph

        node = pyoxigraph.NamedNode(str(name))
        target.remove_graph(node)  # a no-op on a store without it
        target.bulk_extend(pyoxigraph.Quad(*_ox(t), node) for t in triples)
    else:  # the build's QuadSink
        target.graphs.pop(name, None)
        graph = target.graph(name)
        for triple in triples:
            graph.add(triple)
    return len(triples)


def _is_store(source) -> bool:
    import pyoxigraph

    return isinstance(source, pyoxigraph.Store)
