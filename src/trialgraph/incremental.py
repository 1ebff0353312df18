"""Builds that write into a target kept between runs: a graph file with its
extraction cache beside it, or a store folder (store.py) holding its cache.

    build_target(paths, target, add=True)   `build NEW... --into TARGET`
    build_target(paths, target, add=False)  `build PATHS... --store DIR`

With add=True only the NEW files are read: every other release comes from the
cache. A release whose id is already there replaces it (its named graph and
facts go), and resolution runs again over all cached extractions, so a new
alias joins an entity an older release defined. The graph written is the one a
full build of the same releases writes, byte for byte.

Commit order, so that a kill at any point leaves the previous graph intact:
new cache entries (ignored until named) -> the graph and the index, in one
rename for a store, index then graph for a file -> delete what nothing names.
For a file, a kill between the index and the graph leaves an index ahead of
the graph; the next run builds from that index, so nothing asked for is lost.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from . import store as disk_store
from .errors import GraphError, InputError, UsageError
from .extraction_cache import ExtractionCache, cache_version
from .ingest import safe_doc_id
from .output import OutputLock, file_sha256, lock_path_for, read_json_file, real_output, write_atomic
from .collector import paused_gc
from .emit import emit_releases, fingerprint
from .graph_state import GraphRecord, GraphState, ReleaseState, encode_state, load_state, record_text, \
    resolve_record, resolve_view, write_state
from .iris import ENTITIES_GRAPH, INFERRED_GRAPH
from .pipeline import Assembly, BuildResult, Extracted, Stopwatch, assemble, assembly_counts, collect, \
    extract_counts, extract_files, finish_shared_graphs, require_releases, validate_assembly, validation_counts
from .rdf import build_dataset, emit_entities
from .resolve import resolve, word_counts
from .rules import as_text, changed_nodes, infer_rendered_changed, nodes_of, rule_input_summary, set_inferred
from .trig import write_trig_located

GRAPH_FILE_SUFFIXES = {".trig", ".nq", ".nquads"}


def is_store_target(target: Path) -> bool:
    """An existing folder, or a new path without a graph-file suffix."""
    target = Path(target)
    if target.exists():
        return target.is_dir()
    return target.suffix.lower() not in GRAPH_FILE_SUFFIXES


def cache_folder_for(graph_file: Path) -> Path:
    graph_file = Path(graph_file)
    return graph_file.parent / f"{graph_file.name}.cache"


@dataclass
class TargetBuild:
    result: BuildResult
    read: int  # input files read this run
    reused: int  # releases taken from the cache
    replaced: list[str]  # release ids whose older version was replaced
    added: int = 0  # releases new to the target

    @property
    def unchanged(self) -> int:
        """Releases of the target this run left as they were."""
        return len(self.result.extractions) - self.added - len(self.replaced)
    records: dict = field(default_factory=dict)  # doc id -> resolve record (graph_state.py)
    carried: dict = field(default_factory=dict)  # doc id -> ReleaseState whose graphs were reused as they were
    words: Counter = field(default_factory=Counter)  # resolve.word_counts() of every release's text

    def next_state(self, where: dict[str, tuple[int, int]]) -> GraphState:
        """The graph state to save beside the graph just written (`where`: its blocks)."""
        releases: dict[str, ReleaseState] = {}
        for doc, old in self.carried.items():
            releases[doc] = ReleaseState(old.resolve, old.lookups, old.fingerprint,
                                         [GraphRecord(g.name, *where[g.name], g.count, g.rule_input, g.problems,
                                                      g.links, g.subjects) for g in old.graphs])
        graphs = self.result.assembly.quads.graphs
        for graph in self.result.assembly.emitted:
            state = releases.setdefault(graph.doc_id, ReleaseState(self.records[graph.doc_id], graph.lookups,
                                                                   graph.fingerprint, []))
            summary = graphs[URIRef(graph.name)].rule_summary or rule_input_summary(graph.rule_input)
            state.graphs.append(GraphRecord(graph.name, *where.get(graph.name, (0, 0)), graph.count,
                                            graph.rule_input, graph.problems, *summary))
        inferred = graphs.get(URIRef(INFERRED_GRAPH))
        entities = graphs.get(URIRef(ENTITIES_GRAPH))
        return GraphState(releases, "".join(f"{s} {p} {o}\n" for s, p, o in inferred.rendered) if inferred else "",
                          entities.rule_input or "" if entities is not None else "", dict(sorted(self.words.items())))


def build_target(paths, target: Path, *, add: bool, validate: bool = True, workers: int = 1,
                 progress=None, store: bool | None = None, engine=None) -> TargetBuild:
    """store=None: a store if `is_store_target` says so; True/False forces it.
    engine: where extraction runs (engines.py)."""
    with paused_gc():
        return _build_target(paths, target, add=add, validate=validate, workers=workers, progress=progress,
                             store=store, engine=engine)


def _build_target(paths, target: Path, *, add: bool, validate: bool, workers: int, progress,
                  store: bool | None, engine) -> TargetBuild:
    target = Path(target)
    if store if store is not None else is_store_target(target):
        with disk_store.StoreWriter(target) as writer:
            committed = writer.record.get("extractions") if writer.record else None
            cache = ExtractionCache(target / disk_store.EXTRACTIONS, committed if add else None)
            try:
                built = _build(paths, cache, validate=validate, workers=workers, progress=progress, engine=engine)
                clock = Stopwatch()
                loaded = writer.commit(built.result.assembly.quads.to_nquads(),
                                       prefixes=built.result.assembly.quads.prefixes, extractions=cache.index)
                clock.lap("write", f"{loaded.quads} quads into the store ({loaded.generation})")
                built.result.stages.extend(clock.stages)
            except BaseException:
                # What this run wrote, unless the store already switched to it: an
                # interruption while commit() cleans up comes after the switch.
                ExtractionCache(cache.folder, _committed_extractions(target, committed)).delete_unreferenced()
                raise
            cache.delete_unreferenced()
            return built
    if target.suffix.lower() != ".trig":
        raise UsageError("an incremental graph file must be TriG (.trig); use a folder for a store",
                         path=str(target))
    target = real_output(target)  # through a symlink: the file it leads to, with its cache and lock
    folder = cache_folder_for(target)
    with OutputLock(lock_path_for(target), what=target):
        committed = _file_index(target, folder, strict=add)
        cache = ExtractionCache(folder, committed if add else None)
        def previous() -> tuple[GraphState | None, bytes | None]:
            old_graph = target.read_bytes() if add and cache.current and target.is_file() else None
            state = load_state(folder, hashlib.sha256(old_graph).hexdigest()) if old_graph is not None else None
            return (state, old_graph) if state is not None else (None, None)

        index_written = False
        try:
            built = _build(paths, cache, validate=validate, workers=workers, progress=progress, previous=previous,
                           engine=engine, keep_triples=False)  # a graph file is written from the blocks
            clock = Stopwatch()
            write_atomic(folder / "index.json", json.dumps(cache.index, indent=1, sort_keys=True).encode() + b"\n")
            index_written = True
            pieces, where = write_trig_located(built.result.assembly.quads)
            # The graph is written in a thread (mostly in the kernel, without the
            # GIL) while the state is encoded: 0.3 s of 4 adding 100 releases to 10,000.
            with ThreadPoolExecutor(1) as writer:
                written = writer.submit(write_atomic, target, pieces)
                digest = hashlib.sha256()
                for piece in pieces:
                    digest.update(piece)
                state = encode_state(built.next_state(where), digest.hexdigest())
                written.result()
            # After the graph: a state older than the graph names another SHA-256 and is ignored.
            write_state(folder, state)
            clock.lap("write", f"{sum(len(piece) for piece in pieces)} bytes")
            built.result.stages.extend(clock.stages)
        except BaseException:
            if not index_written:  # else the new index is the intent, ahead of the graph: keep its entries
                ExtractionCache(folder, committed).delete_unreferenced()
            raise
        cache.delete_unreferenced()
        return built


def _committed_extractions(store: Path, before: dict | None) -> dict | None:
    """The extraction index the store's record names now (`before` if unreadable)."""
    try:
        return disk_store.read_record(store).get("extractions", before)
    except (GraphError, OSError):
        return before


def _file_index(target: Path, folder: Path, *, strict: bool) -> dict | None:
    index_path = folder / "index.json"
    if not os.path.lexists(index_path):
        if target.exists() and strict:
            raise UsageError(f"no extraction cache beside it ({folder.name}/): it was not built with --into, "
                             f"so its releases cannot be kept without re-reading them", path=str(target),
                             hint="build it once with --into, then add releases")
        return None
    try:
        index = read_json_file(index_path)
        if not isinstance(index["releases"], dict):
            raise TypeError("releases is not a mapping")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GraphError("the extraction cache index is corrupt", path=str(index_path),
                         hint="rebuild without --into") from error
    return index


def _build(paths, cache: ExtractionCache, *, validate: bool, workers: int, progress, previous=None,
           engine=None, keep_triples: bool = True) -> TargetBuild:
    """previous(): (graph state, graph file bytes) of the target, or (None, None).
    keep_triples: see pipeline.assemble()."""
    inputs = collect(paths)
    files, rejected = inputs
    clock = Stopwatch()
    releases: dict = cache.index["releases"]
    old_ids = {doc_id.lower(): doc_id for doc_id in releases}
    wanted: list = []  # (path, sha256) to extract
    kept: dict[str, object] = {}  # doc id -> cached Extraction to reuse
    replaced: list[str] = []
    new_keys: set[str] = set()
    for path in files:
        try:
            sha = file_sha256(path)
        except OSError as error:
            rejected.append(InputError(f"cannot read: {error.strerror}", path=str(path)))
            continue
        key = safe_doc_id(path.stem).lower()
        new_keys.add(key)
        old = old_ids.get(key)
        if old is not None and releases[old]["sha256"] == sha and cache.current:
            kept[old] = cache.load(old)
            continue
        if old is not None:
            replaced.append(old)
        wanted.append((path, sha))
    unchanged = len(kept)  # given files already in the target as they are: releases found
    stale = not cache.current
    state = old_graph = None
    if not stale:  # the state loads while the workers extract, after they fork from a small process
        loaded: list = [(None, None)]

        def load_previous() -> None:
            loaded[0] = previous() if previous else (None, None)

        extracted = extract_files([p for p, _ in wanted], workers=workers, progress=progress,
                                  meanwhile=load_previous, engine=engine)
        state, old_graph = loaded[0]
    for key, doc_id in sorted(old_ids.items()):
        if key in new_keys:
            continue
        if not stale:
            kept[doc_id] = _kept(cache, state, doc_id)
            continue
        source = Path(releases[doc_id]["source"])
        if not source.is_file() or file_sha256(source) != releases[doc_id]["sha256"]:
            raise UsageError(f"the extraction cache was made by another trialgraph version and the source of "
                             f"{doc_id} ({source}) is gone or changed", hint="rebuild from all releases without --into")
        wanted.append((source, releases[doc_id]["sha256"]))

    if stale:
        extracted = extract_files([p for p, _ in wanted], workers=workers, progress=progress, engine=engine)
    given = Extracted([e for e in extracted.extractions if e.document.doc_id.lower() in new_keys],
                      extracted.rejected)
    require_releases(given, inputs, read=unchanged)
    clock.lap("extract", extract_counts(extracted))
    by_id = {e.document.doc_id: e for e in extracted.extractions}
    fresh_index = {"cache_version": cache_version(), "releases": {}}
    for path, sha in wanted:
        extraction = by_id.get(safe_doc_id(path.stem))
        if extraction is not None:
            fresh_index["releases"][extraction.document.doc_id] = cache.save(extraction, sha, path)
    cache.sync()
    for doc_id in kept:
        fresh_index["releases"][doc_id] = releases[doc_id]
    # A rejected new version leaves its older release in place (the error says why).
    for error in extracted.rejected:
        key = safe_doc_id(Path(error.path).stem).lower() if error.path else None
        old = old_ids.get(key) if key else None
        if old is not None and old not in fresh_index["releases"] and not stale:
            fresh_index["releases"][old] = releases[old]
            kept[old] = _kept(cache, state, old)
            if old in replaced:
                replaced.remove(old)
    extractions = list(extracted.extractions) + list(kept.values())
    extractions.sort(key=lambda e: e.document.doc_id)
    fresh_index["releases"] = dict(sorted(fresh_index["releases"].items()))
    cache.index = fresh_index

    fresh = list(extracted.extractions)
    if state is None or old_graph is None:
        words = word_counts(e.document.text for e in extractions)
        assembly = assemble(extractions, resolve(extractions, words=words), workers=workers, validate=validate,
                            keep_triples=keep_triples)
        carried = {}
    else:
        words = _word_counts(state, fresh, kept)
        assembly, carried = _assemble_reusing(fresh, kept, state, old_graph, cache, words, workers=workers,
                                              validate=validate, keep_triples=keep_triples)
    clock.lap("resolve+emit+rules", assembly_counts(assembly))
    report = validate_assembly(assembly, workers=workers) if validate else None
    if report is not None:
        clock.lap("validate", validation_counts(report))
    result = BuildResult(assembly, extractions, rejected + extracted.rejected, inputs.warnings + extracted.warnings,
                         report, clock.stages)
    records = {e.document.doc_id: resolve_record(e) for e in fresh}
    records.update({doc: state.releases[doc].resolve if state and doc in state.releases else resolve_record(e)
                    for doc, e in kept.items()})
    added = sum(1 for e in given.extractions if e.document.doc_id.lower() not in old_ids)
    return TargetBuild(result, read=len(wanted), reused=len(kept), replaced=sorted(replaced), added=added,
                       records=records,
                       carried=carried, words=words)


def _kept(cache: ExtractionCache, state: GraphState | None, doc_id: str):
    """A release kept from the cache: only what resolution reads when the
    graph state has it (its graph is likely reused), else the extraction."""
    if state is not None and doc_id in state.releases:
        return resolve_view(state.releases[doc_id].resolve)
    return cache.load(doc_id)


def _word_counts(state: GraphState, fresh: list, kept: dict) -> Counter:
    """word_counts() of the build's texts from the state's, counting again only
    the texts that changed: a kept release resolved from the state has the
    state's text, every other release is new, replaced or loaded."""
    from_state = {doc for doc in kept if doc in state.releases}
    words = Counter(state.words)
    for doc, old in state.releases.items():
        if doc not in from_state:
            words.subtract(word_counts([record_text(old.resolve)]))
    words.update(word_counts(e.document.text for e in fresh))
    words.update(word_counts(e.document.text for doc, e in kept.items() if doc not in from_state))
    return +words  # without the words no text holds any more


def _assemble_reusing(fresh: list, kept: dict, state: GraphState, old_graph: bytes, cache: ExtractionCache,
                      words: Counter, *, workers: int, validate: bool, keep_triples: bool = True):
    """assemble() for an incremental build: a kept release whose resolution
    lookups answer as before keeps its graph (TriG block, rule input, SHACL
    problems) from the old graph file; the others are emitted again from
    their cached extractions, and the rules run again only where a changed
    graph reaches (rules.infer_rendered_changed). The result is the graph a
    full build writes."""
    resolution = resolve(fresh + list(kept.values()), words=words)
    quads = build_dataset([], resolution, releases=False, entities=False)  # the entities graph: while emitting
    carried: dict[str, ReleaseState] = {}
    again = list(fresh)
    checked: dict = {}
    # The rule inputs of the graphs emitted again as they stood: only the
    # triples that differ touch a node (most re-emitted graphs change an IRI's
    # label, or a node the rules never read, and touch none).
    before: dict[str, str | memoryview] = {}
    for doc in {e.document.doc_id for e in fresh} & set(state.releases):  # replaced releases: their old graphs
        before.update((g.name, g.rule_input) for g in state.releases[doc].graphs)
    old_view = memoryview(old_graph)  # blocks are copied into the new file from here, not sliced out
    for doc, extraction in kept.items():
        old = state.releases.get(doc)
        if old is not None and fingerprint(resolution, old.lookups) == old.fingerprint:
            carried[doc] = old
            for g in old.graphs:
                name = URIRef(g.name)
                quads.graph(name).set_block(old_view[g.offset:g.offset + g.length], g.count, g.rule_input,
                                            (g.links, g.subjects))
                if g.problems is not None:  # else built unvalidated: validate_assembly checks it now
                    checked[name] = g.problems
        else:
            again.append(cache.load(doc) if old is not None else extraction)
            before.update((g.name, g.rule_input) for g in (old.graphs if old else ()))
    def shared_graphs() -> None:  # in this process while the workers emit (1 CPU-s of 10 adding 100 to 10,000)
        emit_entities(quads, resolution)
        checked.update(finish_shared_graphs(quads, validate=validate))

    emitted = emit_releases(quads, again, resolution, workers=workers, validate=validate, keep_triples=keep_triples,
                            meanwhile=shared_graphs)
    checked.update({URIRef(g.name): g.problems for g in emitted})
    touched: set[str] = set()
    for graph in emitted:
        touched.update(changed_nodes(before.pop(graph.name, ""), graph.rule_input))
    for rule_input in before.values():  # graphs no release emits any more
        touched.update(nodes_of(rule_input))
    # Of the entities graph, only the triples added or removed: every drug and
    # company is typed there, so all its nodes would reach almost every
    # component and the rules would run again on nearly the whole graph.
    entities = quads.graphs.get(URIRef(ENTITIES_GRAPH))
    now = set(as_text(entities.rule_input).splitlines()) if entities is not None and entities.rule_input else set()
    touched.update(nodes_of("\n".join(now.symmetric_difference(as_text(state.entities).splitlines()))))
    set_inferred(quads, infer_rendered_changed(quads, touched, state.inferred))
    return Assembly(resolution, quads, checked=checked if validate else None, emitted=emitted), carried
