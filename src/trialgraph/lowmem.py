"""`build --low-memory`: the same graph, with what grows per release kept on disk.

An ordinary build holds every release's text and extraction and every
release graph in memory until the TriG is written (about 260 MB per 1,000
realistic releases). Here each release passes through memory once:

1. extract (in workers, as usual); each release's text and whole extraction
   go to a spill folder beside the output; memory keeps only what
   resolution reads of it (`resolution_view`: the doc id, the release date
   and the company, person, drug and trial facts) and the corpus's word counts;
2. resolve from those views (the texts are read back from the spill, one at
   a time, for the phrase counts);
3. emit the release graphs a chunk at a time (each chunk's extractions read
   back from the spill); each graph's TriG block and rule input are appended
   to spill files, and the graph is kept as a view of them (mapped, so the
   operating system pages them in and out);
4. the entities graph and the validation report as in any build; the rules
   run on their input spilled as N-Quads while emitting, loaded from the file
   (rules.infer_rendered_from_file); then the TriG is written from the views.

What stays in memory grows with the corpus only through the resolution views
and the resolution (per release: its named entities; per entity: names and
keys; together about 16 KB per realistic release), the word counts (per
distinct word), each graph's name, counts and problems, and the rules: their
store of the stated triples they read and the triples they infer. Measured at
10,000 realistic releases (parent RSS): 203 MB after resolving, flat at about
310 MB while emitting (one batch of extractions at a time), then the rules
take it to 1.1 GB and a peak of 1.47 GB, against a 2.58 GB peak for `build -o`.
The output is byte-identical to `build -o` (tests/test_lowmem.py).
"""
from __future__ import annotations

import mmap
import pickle
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from rdflib import URIRef

from .collector import paused_gc
from .emit import emit_releases
from .errors import InputError
from .iris import ENTITIES_GRAPH, INFERRED_GRAPH
from .parallel import extract_many
from .quads import QuadSink
from .rdf import build_dataset
from .resolve import resolve, word_counts
from .rules import infer_rendered_from_file
from .vocab import ONTOLOGY_IRI

EMIT_BATCH = 512  # releases whose extractions are in memory at once while emitting


def resolution_view(extraction):
    """What resolve() reads of an extraction (resolve.py: document.doc_id,
    release.date, companies, people, drugs, trials and their evidence's
    doc_id), without the text, the quotes, the zones and the facts only
    emitting reads."""
    def unquoted(facts):
        return [replace(fact, evidence=replace(fact.evidence, quote="")) for fact in facts]

    return replace(extraction, document=replace(extraction.document, text=""), companies=unquoted(extraction.companies),
                   people=unquoted(extraction.people), drugs=unquoted(extraction.drugs),
                   trials=unquoted(extraction.trials), designations=[], cohorts=[], results=[], milestones=[], zones={})


class Spill:
    """Append-only files in a temporary folder: records written once, read back by offset."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._files: dict[str, object] = {}

    def append(self, name: str, data: bytes) -> tuple[int, int]:
        stream = self._files.get(name)
        if stream is None:
            stream = self._files[name] = open(self.folder / name, "w+b")
        offset = stream.seek(0, 2)
        stream.write(data)
        return offset, len(data)

    def read(self, name: str, where: tuple[int, int]) -> bytes:
        stream = self._files[name]
        stream.seek(where[0])
        return stream.read(where[1])

    def mapped(self, name: str) -> memoryview:
        """The file as a read-only view (empty if nothing was written)."""
        stream = self._files.get(name)
        if stream is None or stream.seek(0, 2) == 0:
            return memoryview(b"")
        stream.flush()
        return memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ))

    def close_file(self, name: str) -> None:
        """Flush a file others will read by its path."""
        stream = self._files.get(name)
        if stream is None:
            (self.folder / name).touch()
        else:
            stream.flush()

    def close(self) -> None:
        for stream in self._files.values():
            stream.close()


RULES = "rules.nq"  # every stated quad the rules read (rules.rule_input_of), as N-Quads lines


def spill_rule_input(spill: Spill, graph: str, rule_input: str) -> None:
    """A graph's rule input ("s p o" lines) as the N-Quads lines rules._rule_input makes of it."""
    if rule_input:
        suffix = f" <{graph}> .\n"
        spill.append(RULES, "".join(line + suffix for line in rule_input.splitlines()).encode("utf-8"))


class SpilledTexts:
    """Every release's text, read back from the spill one at a time; can be
    iterated more than once (resolve counts phrases in them)."""

    def __init__(self, spill: Spill, places: list[tuple[int, int]]):
        self._spill, self._places = spill, places

    def __iter__(self):
        for where in self._places:
            yield self._spill.read("texts", where).decode("utf-8")

    def __len__(self) -> int:
        return len(self._places)


@contextmanager
def spill_folder(beside: Path):
    """A temporary folder next to the output (same file system, removed at the end)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{Path(beside).name}.spill.", dir=Path(beside).parent or Path(".")))
    spill = Spill(folder)
    try:
        yield spill
    finally:
        spill.close()
        shutil.rmtree(folder, ignore_errors=True)


def build_low_memory(inputs, spill: Spill, *, validate: bool = True, workers: int = 1, progress=None):
    """pipeline.build with the spill: a BuildResult whose assembly holds each
    release graph as a view of the spill (valid while the spill is open) and
    whose `extractions` are resolution views."""
    with paused_gc():
        return _build(inputs, spill, validate=validate, workers=workers, progress=progress)


def _build(inputs, spill: Spill, *, validate: bool, workers: int, progress):
    from .pipeline import (Assembly, Extracted, Stopwatch, assembly_counts, extract_counts, finish_build,
                           finish_shared_graphs, require_releases)

    clock = Stopwatch()
    extracted = Extracted()
    words: Counter = Counter()
    texts: list[tuple[int, int]] = []
    stored: dict[str, tuple[int, int]] = {}  # doc id -> its pickled extraction in the spill
    for path, outcome in extract_many(inputs.files, workers=workers, progress=progress):
        if isinstance(outcome, InputError):
            extracted.rejected.append(outcome)
            continue
        extracted.warnings.extend(f"{path}: {message}" for message in outcome.warnings)
        if not outcome.companies and outcome.release.date is None:
            extracted.warnings.append(f"{path}: no recognisable release (no dateline, no company); nothing guessed")
        words.update(word_counts([outcome.document.text]))
        texts.append(spill.append("texts", outcome.document.text.encode("utf-8")))
        stored[outcome.document.doc_id] = spill.append("extractions", pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL))
        extracted.extractions.append(resolution_view(outcome))
    require_releases(extracted, inputs)
    clock.lap("extract", extract_counts(extracted))

    resolution = resolve(extracted.extractions, words=words, texts=SpilledTexts(spill, texts))
    quads = build_dataset([], resolution, releases=False)
    checked: dict = {}
    views = []  # (graph IRI, block place, triples, rule input place)
    order = sorted(stored)
    for start in range(0, len(order), EMIT_BATCH):
        batch = [pickle.loads(spill.read("extractions", stored[doc])) for doc in order[start:start + EMIT_BATCH]]
        sink = QuadSink()
        for graph in emit_releases(sink, batch, resolution, workers=workers, validate=validate, keep_triples=False):
            if validate:
                checked[URIRef(graph.name)] = graph.problems
            if graph.count:
                views.append((graph.name, spill.append("blocks", graph.block), graph.count))
                spill_rule_input(spill, graph.name, graph.rule_input)
        del batch, sink
    blocks = spill.mapped("blocks")
    for name, block, count in views:
        quads.graph(URIRef(name)).set_block(blocks[block[0]:block[0] + block[1]], count, None, None)
    checked.update(finish_shared_graphs(quads, validate=validate))
    for name in (ENTITIES_GRAPH, ONTOLOGY_IRI):
        graph = quads.graphs.get(URIRef(name))
        if graph is not None and graph.rule_input:
            spill_rule_input(spill, str(name), graph.rule_input)
    spill.close_file(RULES)
    inferred = infer_rendered_from_file(spill.folder / RULES)
    quads.graphs.pop(URIRef(INFERRED_GRAPH), None)
    quads.graph(URIRef(INFERRED_GRAPH)).set_rendered(inferred)
    assembly = Assembly(resolution, quads, checked=checked if validate else None)
    clock.lap("resolve+emit+rules", assembly_counts(assembly))
    return finish_build(assembly, inputs, extracted, clock, validate=validate, workers=workers)
