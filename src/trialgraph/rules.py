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

import io
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import RDF, Dataset, Literal, URIRef, Variable

from .iris import INFERRED_GRAPH
from .vocab import TG, TGID
from .forked import Forked
from .quads import TermWriter
from .resources import queries_dir
from .sparql.engines import from_oxigraph, to_oxigraph

__all__ = ["INFERRED_GRAPH", "rule_files", "rule_predicates", "solitary_predicates", "remember_rule_predicates", "infer", "infer_rendered",
           "materialise_rules", "set_inferred"]


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


_PREDICATES: dict[str, frozenset[str] | None] = {}  # "rules", "solitary" -> what _parse_rules() found


def rule_predicates() -> frozenset[str] | None:
    """Every IRI the rules name (rdf:type included), or None when some rule has
    a variable predicate. A rule can only match, or produce, a triple whose
    predicate it names, so the rules run on those triples alone: at 10,000
    releases about a fifth of the quads (evidence and selectors never match)."""
    if "rules" not in _PREDICATES:
        _parse_rules()
    return _PREDICATES["rules"]


def solitary_predicates() -> frozenset[str]:
    """Predicates whose triples no rule joins with any other: every pattern
    naming one stands alone (its variables occur nowhere else in the rule,
    its graph holds no other pattern), and what the rule makes of it is about
    the pattern's subject. Such a triple links nothing for infer_rendered_changed:
    what it gives depends on itself alone, and it lies among its subject's lines.
    (tg:developedBy is one: as a link, the companies that share drugs joined
    almost every node into one component, and a renamed company sent the rules
    over a third of the graph.)"""
    if "solitary" not in _PREDICATES:
        _parse_rules()
    return _PREDICATES["solitary"]


def remember_rule_predicates(predicates: frozenset[str] | None, solitary: frozenset[str]) -> None:
    """rule_predicates() and solitary_predicates() as a graph state made from
    these same rule files saved them (graph_state.py checks that): parsing the
    rules with rdflib's SPARQL parser took 0.25 s, the largest fixed cost of
    adding releases."""
    _PREDICATES.setdefault("rules", predicates)
    _PREDICATES.setdefault("solitary", solitary)


def _parse_rules() -> None:
    from rdflib.plugins.sparql import prepareQuery

    iris: set[str] = {str(RDF.type)}
    variable_predicate = False
    alone: set[str] = set()
    joined: set[str] = set()
    for path in rule_files():
        algebra = prepareQuery(path.read_text(encoding="utf-8")).algebra
        variable_predicate |= _walk_rule(algebra, iris, alone, joined)
    _PREDICATES["rules"] = None if variable_predicate else frozenset(iris)
    _PREDICATES["solitary"] = frozenset() if variable_predicate else frozenset(alone - joined)


def _walk_rule(algebra, iris: set[str], alone: set[str], joined: set[str]) -> bool:
    """Adds the IRIs one rule names to `iris`, the predicates of its patterns
    that stand alone to `alone` and of the others to `joined`; True when some
    pattern has a variable predicate."""
    from rdflib.paths import Path as RdfPath

    uses: dict = {}  # variable -> occurrences, projections and the template aside
    patterns: list = []  # (triple, graph term, patterns in its group)

    def walk(node, graph) -> None:
        if isinstance(node, Variable):
            uses[node] = uses.get(node, 0) + 1
        elif isinstance(node, URIRef):
            iris.add(str(node))
        elif isinstance(node, RdfPath):
            for value in vars(node).values():
                walk(value, graph)
            joined.update(str(i) for i in _path_iris(node))  # a path joins its steps
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("PV", "_vars", "template"):
                    continue
                if key == "triples":
                    patterns.extend((t, graph, len(value)) for t in value)
                walk(value, node["term"] if key == "p" and getattr(node, "name", "") == "Graph" else graph)
        elif isinstance(node, (list, tuple, set, frozenset)):
            for value in node:
                walk(value, graph)

    walk(algebra, None)
    template = algebra.get("template") or []
    iris.update(str(term) for triple in template for term in triple if isinstance(term, URIRef))  # what it makes
    variable_predicate = False
    for (s, p, o), graph, group in patterns:
        if isinstance(p, Variable):
            variable_predicate = True
            continue
        if not isinstance(p, URIRef):
            continue  # a path: its IRIs are joined
        own = [term for term in (s, o) if isinstance(term, Variable)]
        standalone = (group == 1 and all(uses[v] == own.count(v) for v in own)
                      and (not isinstance(graph, Variable) or uses[graph] == 1)
                      and all(t[0] == s for t in template if t[0] in own))
        (alone if standalone else joined).add(str(p))
    return variable_predicate


def _path_iris(path) -> set:
    from rdflib.paths import Path as RdfPath

    found: set = set()
    for value in vars(path).values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, URIRef):
                found.add(item)
            elif isinstance(item, RdfPath):
                found |= _path_iris(item)
    return found


def _rule_input(source) -> tuple[Iterable[str], Iterable[str]]:
    """The stated quads the rules can read, as N-Quads text (pieces of whole
    lines), and the same triples as "s p o" term text (pieces of one or more
    lines, to drop inferences already stated: _drop_stated). Reads a
    QuadSink, an rdflib Dataset or a pyoxigraph Store; never the inferred graph."""
    import pyoxigraph

    wanted = rule_predicates()
    inferred = f"<{INFERRED_GRAPH}>"
    lines: list[str] = []
    stated: set[str] = set()
    if isinstance(source, pyoxigraph.Store):
        iterable = _ox_rendered(source)
    elif isinstance(source, Dataset):
        term = TermWriter()
        iterable = ((term(getattr(g, "identifier", g)), (term(s), term(p), term(o)))
                    for s, p, o, g in source.quads((None, None, None, None))
                    if isinstance(getattr(g, "identifier", g), URIRef))
    elif isinstance(getattr(source, "graphs", None), dict):  # the build's QuadSink
        # Each graph's "s p o" lines become its N-Quads in one replace, made as the
        # store reads them; the stated triples are read from the same texts again.
        # At 10,000 releases the lines, their N-Quads joined and a set of them were
        # 600 MB besides the store.
        texts = [(g, as_text(text)) for g, text, _ in _sink_rule_input(source, wanted) if g != inferred]
        return (text.replace("\n", f" {g} .\n") for g, text in texts), (text for _, text in texts)
    else:
        raise TypeError(f"cannot materialise rules into a {type(source).__name__}")
    for g, (s, p, o) in iterable:
        if g == inferred or (wanted is not None and p[1:-1] not in wanted):
            continue
        lines.append(f"{s} {p} {o} {g} .\n")
        stated.add(f"{s} {p} {o}")
    return lines, stated


def rule_input_of(rendered: list[tuple[str, str, str]]) -> str:
    """The triples of one graph (N-Triples term text) that the rules can read,
    as "s p o" lines."""
    wanted = rule_predicates()
    return "".join(f"{s} {p} {o}\n" for s, p, o in rendered if wanted is None or p[1:-1] in wanted)


def _sink_rule_input(sink, wanted):
    """(graph, "s p o" lines, its GraphSink) of a QuadSink, rendering only triples the rules can read."""
    term = TermWriter()
    predicates = None if wanted is None else {URIRef(iri) for iri in wanted}
    for name, graph in sink.graphs.items():
        if graph.rule_input is not None:
            yield term(name), graph.rule_input, graph
            continue
        triples = graph.rendered if graph.rendered is not None else (
            (term(s), term(p), term(o)) for s, p, o in graph if predicates is None or p in predicates)
        yield term(name), rule_input_of(list(triples)), graph


def _ox_rendered(store):
    import pyoxigraph

    term = TermWriter()
    for q in store:
        if isinstance(q.graph_name, pyoxigraph.DefaultGraph):
            continue
        yield (term(from_oxigraph(q.graph_name)),
               (term(from_oxigraph(q.subject)), term(from_oxigraph(q.predicate)), term(from_oxigraph(q.object))))


def infer_rendered(source) -> list[tuple[str, str, str]]:
    """The inferred triples as N-Triples term text, sorted, without duplicates
    and without anything already stated."""
    nquads, stated = _rule_input(source)
    found = _run_rules(nquads)
    _drop_stated(found, stated)
    return sorted(found)


def _drop_stated(found: set[tuple[str, str, str]], stated: Iterable[str]) -> None:
    """Remove from `found` every triple `stated` holds ("s p o" text, pieces of
    one or more lines). Compared as lines, by set operations on each piece's
    lines, rather than splitting each of the 850k stated lines of 10,000
    realistic releases into a triple in Python. A triple and a line are
    the same exactly when the line is the triple joined by spaces, since its
    subject and predicate (IRIs) hold none (_split)."""
    if not found:
        return
    keyed = {" ".join(triple): triple for triple in found}
    left = set(keyed)
    for piece in stated:
        left.difference_update(piece.split("\n"))
    if len(left) < len(keyed):
        found.difference_update(keyed[line] for line in keyed.keys() - left)


def infer_rendered_from_file(nquads: Path) -> list[tuple[str, str, str]]:
    """infer_rendered() of the rule input written as N-Quads lines to a file
    (lowmem.py): the store loads it from the file, and what is already stated
    is dropped by reading the file again, so Python holds the inferences only,
    not the rule input's lines and their set (infer_rendered). An on-disk
    store here took three times the memory of an in-memory one (RocksDB's
    buffers: 90 MB for the 28 MB of rule input of 2,000 realistic releases)."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    found: set[str] = set()
    for path in rule_files():
        for triple in store.query(path.read_text(encoding="utf-8")):
            found.add(f"{_text(triple.subject)} {_text(triple.predicate)} {_text(triple.object)}")
    del store
    with open(nquads, encoding="utf-8") as lines:
        for line in lines:  # "s p o <g> ." as _rule_input writes it
            found.discard(line.rsplit(" ", 2)[0])
    return [_split(line) for line in sorted(found)]


def _split(line: str) -> tuple[str, str, str]:
    # Subjects and predicates are IRIs, which hold no spaces: the rest is the object.
    # (So sorted triples are sorted lines: no IRI is a prefix of another, "<...>".)
    return tuple(line.split(" ", 2))


def _run_rules(nquads: Iterable[str]) -> set[tuple[str, str, str]]:
    """What the rules construct from this N-Quads text (pieces of whole lines),
    as triples of N-Triples term text. The terms are shared: at 10,000
    realistic releases the rules construct 1.4 M triples over 300k nodes, and
    a string per triple took 540 MB."""
    import pyoxigraph

    store = pyoxigraph.Store()
    reader = _Reader(nquads)
    store.bulk_load(reader, format=pyoxigraph.RdfFormat.N_QUADS)
    found: set[tuple[str, str, str]] = set()
    texts: dict = {}

    def text(term) -> str:
        known = texts.get(term)
        if known is None:
            known = texts[term] = _text(term)
        return known

    def run(paths: list[Path]) -> list[tuple[str, str, str]]:
        return [(text(triple.subject), text(triple.predicate), text(triple.object))
                for path in paths for triple in store.query(path.read_text(encoding="utf-8"))]

    files = rule_files()
    apart = files[::2] if reader.size >= PARALLEL_FROM else []
    # Every rule reads the stated graphs only (the module's docstring), so they
    # run in any order and apart: half of them in a forked child that inherits
    # the loaded store, while this process runs the rest. With one core idle,
    # the rules were the longest serial stretch of a large build. (Without
    # fork, Forked runs the half here: the same answer.)
    child = Forked(lambda: run(apart)) if apart else None
    found.update(run([path for path in files if path not in apart]))
    if child is not None:
        found.update(child.result())
    return found


#: Bytes of N-Quads from which the rules run in two processes (_run_rules):
#: about 1,500 realistic releases; below it a fork saves less than it costs.
PARALLEL_FROM = 20_000_000


class _Reader(io.RawIOBase):
    """Text pieces read as one UTF-8 stream, encoded as they are read: the store
    loads them without a joined copy."""

    def __init__(self, pieces: Iterable[str]):
        self._pieces: Iterator[str] = iter(pieces)
        self._buffer = memoryview(b"")
        self.size = 0  # bytes read so far

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        # Fills the target from as many pieces as fit, and moves along a view of
        # the current piece instead of copying its rest: the pieces are often
        # single lines (163k of them adding 100 releases to 10,000), a call each.
        filled, room = 0, len(target)
        while filled < room:
            if not self._buffer:
                piece = next(self._pieces, None)
                if piece is None:
                    break
                self._buffer = memoryview(piece.encode("utf-8"))
                self.size += len(self._buffer)
                continue
            size = min(room - filled, len(self._buffer))
            target[filled:filled + size] = self._buffer[:size]
            self._buffer = self._buffer[size:]
            filled += size
        return filled


_TERM = TermWriter()


def _text(term) -> str:
    """N-Triples text of a pyoxigraph term as quads.nt writes it. An IRI's is
    the same either way, and taking it directly skips building an rdflib term
    (validated in Python): at 100,000 releases that was most of the rules' time."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return f"<{term.value}>"
    return _TERM(from_oxigraph(term))


# --- incremental: only the parts of the graph a change can reach ------------
#
# Every rule joins instances through our own IRIs (tgid:): a drug, its trials,
# cohorts, results and company are linked by the triples the rules read, and
# what a rule derives about a node depends only on the nodes linked to it that
# way (its component). So after a change the rules need to run only on the
# components holding a node the change touched; every earlier inference about
# a node of another component stands. tests/test_incremental.py checks the
# result against a full pass.

_NODE = f"<{TGID}"


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def infer_rendered_changed(sink, touched: set[str], previous: str) -> list[tuple[str, str, str]]:
    """infer_rendered(sink) for the build's QuadSink, given the inferences of
    an earlier version of the graph (`previous`, "s p o" lines) and every node (N-Triples
    text) of a triple the rules read that was added or removed since (`touched`)."""
    inferred = f"<{INFERRED_GRAPH}>"
    graphs = []  # (graph, its rule input, its subjects)
    components = _Components()
    for g, text, graph in _sink_rule_input(sink, rule_predicates()):
        if g == inferred:
            continue
        if graph.rule_summary is None:
            graph.rule_summary = rule_input_summary(as_text(text))
        links, subjects = graph.rule_summary
        subjects = subjects.splitlines()
        # only a release's graph states its own node; the entities graph, which
        # types every trial too, joins nothing this way
        own = g in subjects
        for link in links.splitlines():
            s, _, o = link.partition(" ")
            if o != _IN_GRAPH:
                components.union(s, o)
            elif own:
                components.union(s, g)
        graphs.append((g, text, subjects))
    find = components.find
    hit = {find(n) if n in components.parent else n for n in touched}
    reached = {n for n in components.parent if find(n) in hit} | touched
    kept: list[str] = []  # N-Quads, pieces of whole lines
    stated: list[str] = []  # a new inference is about a reached node: stated copies are among these pieces' lines
    for g, text, subjects in graphs:
        if reached.isdisjoint(subjects) and _OTHER not in subjects:
            continue  # nothing of it is kept (most graphs)
        text = as_text(text)
        if all(s in reached or s == _OTHER for s in subjects):
            # every line kept (most graphs a change reaches): a graph's whole rule input at once
            kept.append(text.replace("\n", f" {g} .\n"))
            stated.append(text)
            continue
        for line in text.splitlines():
            if not line.startswith(_NODE) or line[:line.index(" ")] in reached:
                kept.append(f"{line} {g} .\n")
                stated.append(line)
    found = _run_rules(kept)
    _drop_stated(found, stated)
    # A node outside `reached` kept every triple of its component, so what was inferred about it stands.
    found.update(_split(line) for line in previous.splitlines() if line[:line.index(" ")] not in reached)
    return sorted(found)


_OTHER = "*"  # in a summary's subjects: some subject is not one of our nodes
# A rule joins a trial to the graph that states it (trial-latest-mention.rq: a
# trial and the dates of the releases mentioning it), so a summary links each
# trial to its graph, written as this token. Linking every node of a release
# graph to the release joined nearly all releases into one component (through
# their issuers and agencies): --into +100 re-ran the rules on 9,000 releases.
_IN_GRAPH = "<@graph>"
_TRIAL_TYPE = f"<{RDF.type}> <{TG.ClinicalTrial}>"


def rule_input_summary(rule_input: str) -> tuple[str, str]:
    """What infer_rendered_changed reads of a graph that no change reaches:
    its links ("s o" lines of the triples joining two of our nodes, which join
    components, solitary_predicates() aside; most lines are types) and its distinct subjects, one per line.
    An incremental build keeps them with the graph (graph_state.py): splitting
    the rule inputs of every graph took 0.45 s at 10,000 releases."""
    links: list[str] = []
    subjects: dict[str, None] = {}
    solitary = {f"<{iri}>" for iri in solitary_predicates()}
    for line in rule_input.splitlines():
        s, _, rest = line.partition(" ")
        p, _, o = rest.partition(" ")
        if not s.startswith(_NODE):
            subjects[_OTHER] = None
        else:
            subjects[s] = None
            if o.startswith(_NODE) and p not in solitary:
                links.append(f"{s} {o}\n")
            elif rest == _TRIAL_TYPE:
                links.append(f"{s} {_IN_GRAPH}\n")
    return "".join(links), "".join(f"{s}\n" for s in subjects)


def as_text(rule_input: str | memoryview) -> str:
    """A rule input as text: a graph carried over from a graph state holds a
    view of the state's UTF-8, decoded only if the rules read it."""
    return rule_input if isinstance(rule_input, str) else str(rule_input, "utf-8")


def nodes_of(rule_input: str | memoryview) -> set[str]:
    """Our own IRIs among the subjects and objects of "s p o" lines."""
    out: set[str] = set()
    for line in as_text(rule_input).splitlines():
        s, _, rest = line.partition(" ")
        o = rest.partition(" ")[2]
        out.update(term for term in (s, o) if term.startswith(_NODE))
    return out


def changed_nodes(before: str | memoryview, after: str | memoryview) -> set[str]:
    """nodes_of() the lines one of two rule inputs of a graph holds and the other does not."""
    before, after = as_text(before), as_text(after)
    if before == after:
        return set()
    return nodes_of("\n".join(set(before.splitlines()).symmetric_difference(after.splitlines())))


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
    set_inferred(target, rendered)
    return len(rendered)


def set_inferred(sink, rendered: list[tuple[str, str, str]]) -> None:
    """The inferred graph of the build's QuadSink, with its TriG block made
    here from the triples already sorted, as emit does for a release graph (at
    10,000 realistic releases the rules infer 1.4 M triples: sorting them again
    and rendering them in the writer took seconds)."""
    from .trig import trig_block

    name = URIRef(INFERRED_GRAPH)
    sink.graph(name).set_rendered(rendered, block=trig_block(f"<{name}>", rendered).encode("utf-8"),
                                  rule_input="")  # the rules never read it


def _is_store(source) -> bool:
    import pyoxigraph

    return isinstance(source, pyoxigraph.Store)
