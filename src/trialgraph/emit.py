"""Emitting the release graphs, in this process or across forked workers.

After resolution each release graph depends only on its extraction and the
(read-only) resolution. Every release graph leaves here finished: its triples
as N-Triples term text, its SHACL problems, its TriG block (trig.trig_block)
and the triples the rules read; the parent only joins. Strings pickle far
faster than rdflib terms, and workers inherit extractions and resolution by
fork instead of unpickling them.

Each graph also records which resolution lookups it made (company and drug
names, person keys, trial ids) and a fingerprint of their answers: an
incremental build (incremental.py) reuses a cached graph exactly when
replaying its lookups against the new resolution gives the same fingerprint.
"""
from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from rdflib import URIRef

EMIT_CHUNK = 64  # releases per task
PARALLEL_FROM = 8 * EMIT_CHUNK
_SHARED: dict = {}


@dataclass
class EmittedGraph:
    name: str  # graph IRI
    doc_id: str
    rendered: list[tuple[str, str, str]] | None  # sorted, distinct; None when not kept (emit_releases)
    count: int
    problems: list[str] | None  # None when not validated
    block: bytes  # UTF-8
    rule_input: str  # "s p o" lines of the triples the rules read (rules.rule_input_of)
    lookups: list[list]  # [kind, key] in first-use order
    fingerprint: str


def _view(entity) -> tuple | None:
    # All a release graph uses of an entity (rdf.py: IRIs from kind and key, prefLabel).
    return None if entity is None else (entity.kind, entity.key, entity.label)


class _RecordingMap:
    def __init__(self, owner: "RecordingResolution", kind: str, table: dict):
        self._owner, self._kind, self._table = owner, kind, table

    def get(self, key, default=None):
        self._owner.note(self._kind, key)
        return self._table.get(key, default)

    def __getitem__(self, key):
        self._owner.note(self._kind, key)
        return self._table[key]


class RecordingResolution:
    """The resolution as a release graph sees it, noting every lookup."""

    def __init__(self, resolution):
        self._inner = resolution
        self.lookups: dict[tuple, None] = {}
        self.people = _RecordingMap(self, "person", resolution.people)
        self.trials = _RecordingMap(self, "trial", resolution.trials)

    def note(self, kind: str, key) -> None:
        self.lookups[(kind, tuple(key) if isinstance(key, (list, tuple)) else key)] = None

    def company(self, surface):
        self.note("company", surface)
        return self._inner.company(surface)

    def drug(self, surface):
        self.note("drug", surface)
        return self._inner.drug(surface)


def lookup(resolution, kind: str, key):
    if kind == "company":
        return resolution.company(key)
    if kind == "drug":
        return resolution.drug(key)
    if kind == "person":
        return resolution.people.get(key)
    return resolution.trials.get(tuple(key))


def fingerprint(resolution, lookups) -> str:
    """What `lookups` answer in `resolution`, as a short hash."""
    answers = repr([(kind, key, _view(lookup(resolution, kind, key))) for kind, key in lookups])
    return hashlib.sha256(answers.encode("utf-8")).hexdigest()[:32]


def emit_one(extraction, resolution, *, validate: bool, keep_triples: bool = True) -> list[EmittedGraph]:
    from .quads import QuadSink, TermWriter
    from .rdf import emit_release
    from .rules import rule_input_of
    from .trig import trig_block
    from .validate import check_triples

    term = TermWriter()
    recorder = RecordingResolution(resolution)
    sink = QuadSink()
    emit_release(sink, extraction, recorder)
    lookups = [[kind, list(key) if isinstance(key, tuple) else key] for kind, key in recorder.lookups]
    stamp = fingerprint(resolution, lookups)
    out = []
    for name, graph in sink.graphs.items():
        triples = list(graph)
        problems = check_triples(str(name).rsplit("/", 1)[-1], triples) if validate else None
        rendered = sorted({(term(s), term(p), term(o)) for s, p, o in triples})
        out.append(EmittedGraph(str(name), extraction.document.doc_id, rendered if keep_triples else None,
                                len(rendered), problems,
                                trig_block(term(name), rendered).encode("utf-8"), rule_input_of(rendered),
                                lookups, stamp))
    return out


def finish_graph(sink, name: URIRef, *, validate: bool) -> list[str] | None:
    """Give a graph built as rdflib terms (entities, ontology) the same finished
    form as a release graph, checking it first if `validate`; its problems."""
    from .quads import TermWriter
    from .rules import rule_input_of
    from .trig import trig_block
    from .validate import check_triples

    graph = sink.graphs.get(name)
    if graph is None or graph.rendered is not None:
        return None
    triples = list(graph)
    problems = check_triples(str(name).rsplit("/", 1)[-1], triples) if validate else None
    term = TermWriter()
    rendered = sorted({(term(s), term(p), term(o)) for s, p, o in triples})
    graph.set_rendered(rendered, block=trig_block(term(name), rendered), rule_input=rule_input_of(rendered))
    return problems


def _emit_chunk(bounds: tuple[int, int]) -> list[EmittedGraph]:
    extractions, resolution, options = _SHARED["extractions"], _SHARED["resolution"], _SHARED["options"]
    return [graph for extraction in extractions[bounds[0]:bounds[1]]
            for graph in emit_one(extraction, resolution, **options)]


def emit_releases(sink, extractions: list, resolution, *, workers: int = 1,
                  validate: bool = True, keep_triples: bool = True, meanwhile=None) -> list[EmittedGraph]:
    """Emit every release graph into `sink` (pre-rendered), with `workers`
    forked processes when there is enough work; the same output either way.
    Returns the emitted graphs (their rendered triples dropped, the sink holds them).

    keep_triples=False: the sink keeps each graph as its TriG block, rule input
    and count only (what writing TriG and running the rules read), and reads
    its triples back from the block if anyone asks (quads.GraphSink.set_block).
    meanwhile(): other work for this process, done while the workers emit
    (after they fork); it may add graphs to `sink` that no release names.
    At 10,000 realistic releases the triples as term text were 400 MB of the
    parent's memory, and most of what the workers pickled."""
    ordered = sorted(extractions, key=lambda e: e.document.doc_id)
    out: list[EmittedGraph] = []

    def keep(graphs) -> None:
        for graph in graphs:
            target = sink.graph(URIRef(graph.name))
            if graph.rendered is None:  # keep_triples=False: emitted as its block alone
                target.set_block(graph.block, graph.count, graph.rule_input, None)
            else:
                target.set_rendered(graph.rendered, block=graph.block, rule_input=graph.rule_input)
            graph.rendered = []
            out.append(graph)

    # Below PARALLEL_FROM releases the pool costs more than it saves: forking a
    # process that holds a large corpus copies page tables and touched pages.
    if workers > 1 and len(ordered) >= PARALLEL_FROM and can_fork():
        import multiprocessing

        from .rules import rule_predicates

        rule_predicates()  # parsed once here (rdflib's SPARQL parser), not again in every forked worker
        bounds = [(i, min(i + EMIT_CHUNK, len(ordered))) for i in range(0, len(ordered), EMIT_CHUNK)]
        _SHARED.update(extractions=ordered, resolution=resolution,
                       options={"validate": validate, "keep_triples": keep_triples})
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                chunks = pool.map(_emit_chunk, bounds)
                if meanwhile:
                    meanwhile()
                for chunk in chunks:  # in order, each kept as it arrives
                    keep(chunk)
        finally:
            _SHARED.clear()
    else:
        for extraction in ordered:
            keep(emit_one(extraction, resolution, validate=validate, keep_triples=keep_triples))
        if meanwhile:
            meanwhile()
    return out


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
