"""SHACL validation, one release graph at a time.

Each release graph is self-contained, so it is validated alone, at a cost
that does not grow with the corpus. pySHACL takes 50-70 ms per release graph
here, so every graph is first screened by shaclscreen.py (well under 1 ms);
pySHACL runs only on graphs the screen does not pass, and words every
message. With several workers the release graphs are checked where they are
emitted (parallel.py). The entity-resolution graph is validated once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Dataset, Graph, URIRef

from .resources import shapes_path
from .iris import INFERRED_GRAPH
from .vocab import ONTOLOGY_IRI


@dataclass
class Report:
    conforms: bool = True
    problems: list[str] = field(default_factory=list)  # one readable line per violation
    graphs_checked: int = 0
    results: list[Graph] = field(default_factory=list)  # pySHACL's report graphs, when asked for (w3c_report)


REPORT_FORMATS = ("text", "turtle", "json-ld")
SH_NAMESPACE = "http://www.w3.org/ns/shacl#"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def validate_graph(graph: Graph, name: str, keep: list[Graph] | None = None) -> list[str]:
    """The problems of one graph, one line each; pySHACL's report graph is
    appended to `keep` when the graph does not conform."""
    import pyshacl  # only for graphs the screen does not pass: its import costs 0.2 s per process
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none", advanced=True)
    if conforms:
        return []
    if keep is not None:
        keep.append(results)
    return sorted(_lines(results, name))


def _lines(results: Graph, name: str) -> list[str]:
    from rdflib.namespace import SH

    out = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        where = f" on {_short(path)}" if path is not None else ""
        shown = f" (value {value})" if value is not None and not isinstance(value, URIRef) else ""
        out.append(f"{name}: {_short(focus)}{where}: {message}{shown}")
    return out


def _short(term) -> str:
    text = str(term)
    for prefix, full in (("tgid:", "https://w3id.org/trialgraph/id/"), ("tg:", "https://w3id.org/trialgraph/ontology#")):
        if text.startswith(full):
            return prefix + text[len(full):]
    return text


def _named_graphs(graphs) -> list[tuple[str, list]]:
    """(short name, triples) of every graph to check, in IRI order."""
    out = []
    for name, triples in sorted(graphs, key=lambda item: str(item[0])):
        if name in (ONTOLOGY_IRI, INFERRED_GRAPH) or len(triples) == 0:  # not stated by a release
            continue
        out.append((str(name).rsplit("/", 1)[-1], list(triples)))
    return out


@lru_cache(maxsize=1)
def compiled_shapes():
    from .shaclscreen import Shapes

    return Shapes(shapes())


def _check(item: tuple[str, list]) -> list[str]:
    return check_triples(*item)


def check_triples(name: str, triples: list, keep: list[Graph] | None = None) -> list[str]:
    """Screen fast; pySHACL decides (and words the messages) whenever the
    screen does not say the graph conforms."""
    from .shaclscreen import screen

    if screen(compiled_shapes(), triples) is True:
        return []
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return validate_graph(graph, name, keep)


def _report(named: list[tuple[str, list]], workers: int, keep_results: bool = False, progress=None) -> Report:
    report = Report(graphs_checked=len(named))
    advance = progress or (lambda name: None)
    if keep_results:  # report graphs are not sent back from worker processes
        for name, triples in named:
            report.problems.extend(check_triples(name, triples, report.results))
            advance(name)
    elif workers > 1 and len(named) > 64:
        for name, problems in _checked_in_workers(named, workers):
            report.problems.extend(problems)
            advance(name)
    else:
        for item in named:
            report.problems.extend(_check(item))
            advance(item[0])
    report.conforms = not report.problems
    return report


_SHARED: list = []  # the graphs forked workers check, inherited instead of pickled
CHECK_CHUNK = 256


def _check_range(bounds: tuple[int, int]) -> list[list[str]]:
    return [_check(item) for item in _SHARED[bounds[0]:bounds[1]]]


def _checked_in_workers(named: list[tuple[str, list]], workers: int):
    """(name, problems) of every graph, in order, checked by `workers`
    processes. Forked workers inherit the graphs: pickling their rdflib
    terms to the workers cost more than checking them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from zip((name for name, _ in named), pool.map(_check, named, chunksize=32))
        return
    compiled_shapes()  # compiled once here, not in every worker
    bounds = [(i, min(i + CHECK_CHUNK, len(named))) for i in range(0, len(named), CHECK_CHUNK)]
    _SHARED[:] = named
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for (start, _), chunk in zip(bounds, pool.map(_check_range, bounds)):
                for offset, problems in enumerate(chunk):
                    yield named[start + offset][0], problems
    finally:
        _SHARED.clear()


def release_graphs(dataset: Dataset) -> list[tuple[str, list]]:
    """(short name, triples) of each graph validate checks: every graph a release states."""
    return _named_graphs((g.identifier, g) for g in dataset.graphs())


def file_graphs(path) -> tuple[list[tuple[str, list]], bool]:
    """(short name, triples) of each graph validate checks in a GRAPH argument
    (file or store folder, read exactly as built: graphfile.iter_exact_quads),
    and whether every statement is in the default graph. The same graphs and
    terms as release_graphs(open_dataset(path)); pyoxigraph parses a TriG
    file about nine times as fast as rdflib, and each distinct term becomes
    one rdflib term, shared by the triples that use it."""
    import pyoxigraph
    from rdflib import BNode, Literal
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from .graphfile import iter_exact_quads

    memo: dict = {}

    def term(node):
        found = memo.get(node)
        if found is None:
            if isinstance(node, pyoxigraph.NamedNode):
                found = URIRef(node.value)
            elif isinstance(node, pyoxigraph.BlankNode):
                found = BNode(node.value)
            elif node.language:
                found = Literal(node.value, lang=node.language)
            elif node.datatype.value == _XSD_STRING:  # as rdflib reads "text": no datatype
                found = Literal(node.value)
            else:
                found = Literal(node.value, datatype=term(node.datatype))
            memo[node] = found
        return found

    graphs: dict = {}
    for quad in iter_exact_quads(path):
        name = quad.graph_name
        triples = graphs.get(name)
        if triples is None:
            triples = graphs[name] = []
        triples.append((term(quad.subject), term(quad.predicate), term(quad.object)))
    names = {name: DATASET_DEFAULT_GRAPH_ID if isinstance(name, pyoxigraph.DefaultGraph) else term(name)
             for name in graphs}
    single = all(named == DATASET_DEFAULT_GRAPH_ID for named in names.values())
    return _named_graphs((names[name], triples) for name, triples in graphs.items()), single


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def validate_dataset(dataset: Dataset, *, workers: int = 1, keep_results: bool = False) -> Report:
    """keep_results: also keep pySHACL's report graphs, for w3c_report."""
    return validate_graphs(release_graphs(dataset), workers=workers, keep_results=keep_results)


def validate_graphs(named: list[tuple[str, list]], *, workers: int = 1, keep_results: bool = False,
                    progress=None) -> Report:
    """`progress(name)` is called as each graph is checked."""
    return _report(named, workers, keep_results, progress)


def w3c_report(report: Report) -> list:
    """The report as one W3C SHACL validation report (sh:ValidationReport with
    sh:conforms and every sh:result of every graph checked), as pyoxigraph
    triples in a canonical order: blank nodes are relabelled by
    rdflib.compare.to_canonical_graph, so the same graph gives the same bytes."""
    import pyoxigraph
    from rdflib import BNode, Literal
    from rdflib.compare import to_canonical_graph
    from rdflib.namespace import RDF, SH

    merged = Graph()
    top = BNode()
    merged.add((top, RDF.type, SH.ValidationReport))
    merged.add((top, SH.conforms, Literal(report.conforms)))
    for results in report.results:
        tops = set(results.subjects(RDF.type, SH.ValidationReport))
        for s, p, o in results:
            if s in tops:
                if p == SH.result:
                    merged.add((top, p, o))
            else:
                merged.add((s, p, o))
    canonical = to_canonical_graph(merged)
    data = canonical.serialize(format="nt", encoding="utf-8")
    return sorted(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES), key=str)


def validate_quads(sink, *, workers: int = 1, done: dict | None = None) -> Report:
    """Validate a QuadSink (the build's own graph) one named graph at a time;
    graphs in `done` ({graph IRI: problems}) were checked where they were emitted."""
    done = done or {}
    report = _report(_named_graphs((n, g) for n, g in sink.graphs.items() if n not in done), workers)
    if done:
        report.graphs_checked += len(done)
        report.problems = sorted(report.problems + [p for problems in done.values() for p in problems])
        report.conforms = not report.problems
    return report


def render(report: Report, fmt: str) -> bytes:
    """The report as text (one line per problem) or as a W3C SHACL validation
    report (w3c_report) in Turtle or JSON-LD, written like an export."""
    if fmt == "text":
        return "".join(f"{line}\n" for line in report.problems).encode("utf-8")
    import pyoxigraph

    from .export import context, serialize

    quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in w3c_report(report)]
    return serialize(quads, "turtle" if fmt == "turtle" else "jsonld", prefixes={**context(), "sh": SH_NAMESPACE})
