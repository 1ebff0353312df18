"""The build, as separate stages that other commands can call on their own:

    collect(paths)                 -> files, rejected
    extract_files(files, workers)  -> Extracted (extractions, rejected, warnings)
                                      [here, or on a Dask cluster: engines.py]
    assemble(extractions)          -> Assembly (resolution, quads, store)  [resolve + emit + rules]
    validate_assembly(assembly, workers) -> Report
    serialize_trig(assembly)       -> bytes   (serialize(assembly, fmt): TriG or N-Quads)

`build()` composes them. Bad inputs are reported one line each and left out;
the rest still builds.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import URIRef

from .errors import InputError, NoReleaseError, UsageError
from .ingest import collect_inputs
from .collector import paused_gc
from .model import Extraction
from .emit import EmittedGraph, emit_releases, finish_graph
from .iris import ENTITIES_GRAPH
from .vocab import ONTOLOGY_IRI
from .engines import LocalEngine
from .parallel import extract_file
from .quads import QuadSink
from .rdf import build_dataset
from .resolve import Resolution, resolve
from .rules import materialise_rules
from .validate import Report, validate_quads

Progress = Callable[[Iterable], Iterable]
__all__ = ["Assembly", "BuildResult", "Extracted", "Inputs", "assemble", "build", "collect", "extract_file",
           "extract_files", "output_format", "serialize", "serialize_parts", "serialize_trig", "validate_assembly"]


@dataclass
class Extracted:
    extractions: list[Extraction] = field(default_factory=list)
    rejected: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "file: message"


@dataclass
class Assembly:
    """The resolved corpus as quads (one named graph per release, the entities
    graph, the ontology and any inferred graph)."""

    resolution: Resolution
    quads: QuadSink
    checked: dict | None = None  # {graph IRI: SHACL problems} of graphs validated while emitted
    emitted: list[EmittedGraph] = field(default_factory=list)  # release graphs, for incremental builds
    _store: object = None

    @property
    def store(self):
        """The same quads in an in-memory pyoxigraph Store (built on first use)."""
        if self._store is None:
            self._store = self.quads.to_store()
        return self._store


@dataclass
class Stage:
    """One stage of a build as its summary line shows it."""

    name: str
    seconds: float
    counts: str

    def line(self) -> str:
        return f"{self.name}: {self.seconds:.2f} s, {self.counts}"


class Stopwatch:
    """Times the stages of a build, one after the other."""

    def __init__(self) -> None:
        self.stages: list[Stage] = []
        self._last = time.perf_counter()

    def lap(self, name: str, counts: str) -> None:
        now = time.perf_counter()
        self.stages.append(Stage(name, now - self._last, counts))
        self._last = now


@dataclass
class BuildResult:
    assembly: Assembly
    extractions: list[Extraction]
    rejected: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    report: Report | None = None
    stages: list[Stage] = field(default_factory=list)
    _dataset: object = None

    @property
    def dataset(self):
        """An rdflib Dataset of the graph: convenient for tests and small corpora, slow at scale."""
        if self._dataset is None:
            self._dataset = self.assembly.quads.to_dataset()
        return self._dataset

    @property
    def store(self):
        return self.assembly.store


@dataclass
class Inputs:
    """The files a build reads and the inputs already rejected (collect())."""

    files: list[Path]
    rejected: list[InputError]
    warnings: list[str] = field(default_factory=list)  # inputs skipped ("file: why"), e.g. symlinks out

    def __iter__(self):  # files, rejected = collect(paths)
        return iter((self.files, self.rejected))


def collect(paths: Iterable[Path] | Inputs, *, follow_symlinks: bool = False) -> Inputs:
    """The input files of `paths`, checked before anything is read or written:
    a path that does not exist is a usage error (a typo must not build a
    smaller graph over a good one), and inputs holding no file to read are
    NoReleaseError. An Inputs is returned as it is, so a caller that checked
    early (the CLI, before taking its output lock) does not walk again."""
    if isinstance(paths, Inputs):
        return paths
    paths = [Path(p) for p in paths]
    for path in paths:
        if not os.path.exists(path):
            raise UsageError("no such file or folder; nothing was built", path=str(path))
    warnings: list[str] = []
    files, rejected = collect_inputs(paths, follow_symlinks=follow_symlinks, warnings=warnings)
    if not files:
        raise NoReleaseError(f"no release to build in {', '.join(map(str, paths))}; nothing was written",
                             rejected=rejected, warnings=warnings)
    return Inputs(files, rejected, warnings)


def refuse_overwriting_inputs(output: Path, inputs: Inputs) -> None:
    """UsageError when `output` is one of the input files (a build would
    replace a release with the graph made from it)."""
    try:
        target = os.stat(output)
    except OSError:
        return  # not there yet: it is no input
    for path in inputs.files:
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):  # whatever name or link reached it
            raise UsageError(f"the output is also an input ({path}); refusing to overwrite it", path=str(output),
                             hint="write the graph elsewhere")


def require_releases(extracted: "Extracted", inputs: Inputs, read: int = 0) -> None:
    """NoReleaseError when every input was rejected (`read`: inputs taken
    unchanged from a cache, which count as releases found)."""
    if not extracted.extractions and not read:
        raise NoReleaseError("every input was rejected; nothing was written",
                             rejected=inputs.rejected + extracted.rejected,
                             warnings=inputs.warnings + extracted.warnings)


def extract_files(files: list[Path], *, workers: int = 1, progress: Progress | None = None,
                  meanwhile: Callable[[], None] | None = None, engine=None) -> Extracted:
    """Extract every file; output is the same whatever the number of workers
    or the engine (engines.py; default: `workers` local processes).
    meanwhile: see parallel.extract_many."""
    out = Extracted()
    engine = engine if engine is not None else LocalEngine(workers)
    for path, outcome in engine.extract(files, progress=progress, meanwhile=meanwhile):
        if isinstance(outcome, InputError):
            out.rejected.append(outcome)
            continue
        out.extractions.append(outcome)
        for message in outcome.warnings:
            out.warnings.append(f"{path}: {message}")
        if not outcome.companies and outcome.release.date is None:
            out.warnings.append(f"{path}: no recognisable release (no dateline, no company); nothing guessed")
    return out


def assemble(extractions: list[Extraction], resolution: Resolution | None = None, *, workers: int = 1,
             validate: bool = True, keep_triples: bool = True) -> Assembly:
    """Resolve across releases and emit the quads. With several workers the
    release graphs are emitted (and, if `validate`, checked) in parallel;
    the quads are the same either way. keep_triples=False keeps release graphs
    as their TriG blocks only (emit.emit_releases): for a build that writes TriG."""
    resolution = resolution if resolution is not None else resolve(extractions)
    quads = build_dataset(extractions, resolution, releases=False)
    emitted = emit_releases(quads, extractions, resolution, workers=workers, validate=validate,
                            keep_triples=keep_triples)
    checked = finish_shared_graphs(quads, validate=validate)
    materialise_rules(quads)  # queries/rules/*.rq -> graph tgid:graph/inferred (rules.py)
    if validate:
        checked.update({URIRef(g.name): g.problems for g in emitted})
    return Assembly(resolution, quads, checked=checked or None, emitted=emitted)


def finish_shared_graphs(quads, *, validate: bool) -> dict:
    """The entities and ontology graphs finished like release graphs (emit.finish_graph);
    {graph IRI: problems} of the entities graph when validating."""
    finish_graph(quads, ONTOLOGY_IRI, validate=False)  # not stated by a release: not validated
    problems = finish_graph(quads, ENTITIES_GRAPH, validate=validate)
    return {ENTITIES_GRAPH: problems} if problems is not None else {}


def validate_assembly(assembly: Assembly, *, workers: int = 1) -> Report:
    return validate_quads(assembly.quads, workers=workers, done=assembly.checked)


#: What `build -o FILE` writes, by the file's extension.
OUTPUT_FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}


def output_format(path: Path) -> str:
    """The format `build -o path` writes; a UsageError for any extension that
    is not a named-graph format trialgraph reads back."""
    suffix = Path(path).suffix.lower()
    if suffix in OUTPUT_FORMATS:
        return OUTPUT_FORMATS[suffix]
    if suffix == ".ttl":
        raise UsageError("a Turtle file cannot hold the named graphs of a build", path=str(path),
                         hint="build to a .trig file, then `trialgraph export GRAPH.trig -o FILE.ttl`")
    raise UsageError(f"cannot tell the graph format from the extension {suffix or '(none)'!r}", path=str(path),
                     hint="build writes .trig (TriG) or .nq (N-Quads); `trialgraph export` writes the others")


def serialize(graph, fmt: str) -> bytes:
    """The Assembly (or QuadSink) in `fmt`, a value of OUTPUT_FORMATS."""
    return b"".join(serialize_parts(graph, fmt))


def serialize_parts(graph, fmt: str) -> list[bytes]:
    """serialize() in pieces to write one after the other (output.write_atomic):
    a large graph is not copied into one joined string."""
    from .trig import write_nquads, write_trig_located

    quads = graph.quads if isinstance(graph, Assembly) else graph
    if fmt == "nquads":
        return [write_nquads(quads)]
    return write_trig_located(quads)[0]


def serialize_trig(graph) -> bytes:
    """Deterministic TriG of an Assembly (or a QuadSink)."""
    from .trig import write_trig

    quads = graph.quads if isinstance(graph, Assembly) else graph
    return write_trig(quads)




def build(paths: Iterable[Path] | Inputs, *, validate: bool = True, workers: int = 1,
          progress: Progress | None = None, engine=None, keep_triples: bool = True) -> BuildResult:
    """engine: where extraction runs (engines.py); resolution, emission and
    validation use `workers` processes here. keep_triples: see assemble()."""
    with paused_gc():
        return _build(paths, validate=validate, workers=workers, progress=progress, engine=engine,
                      keep_triples=keep_triples)


def _build(paths: Iterable[Path] | Inputs, *, validate: bool, workers: int, progress: Progress | None,
           engine, keep_triples: bool) -> BuildResult:
    inputs = collect(paths)
    clock = Stopwatch()
    extracted = extract_files(inputs.files, workers=workers, progress=progress, engine=engine)
    require_releases(extracted, inputs)
    clock.lap("extract", extract_counts(extracted))
    assembly = assemble(extracted.extractions, workers=workers, validate=validate, keep_triples=keep_triples)
    clock.lap("resolve+emit+rules", assembly_counts(assembly))
    return finish_build(assembly, inputs, extracted, clock, validate=validate, workers=workers)


def finish_build(assembly: Assembly, inputs: Inputs, extracted: Extracted, clock: Stopwatch, *,
                 validate: bool, workers: int) -> BuildResult:
    """Validate an assembled graph and gather what the build reports (also lowmem.py's)."""
    report = validate_assembly(assembly, workers=workers) if validate else None
    if report is not None:
        clock.lap("validate", validation_counts(report))
    return BuildResult(assembly, extracted.extractions, inputs.rejected + extracted.rejected,
                       inputs.warnings + extracted.warnings, report, clock.stages)


def extract_counts(extracted: Extracted) -> str:
    return (f"{len(extracted.extractions)} releases read, {len(extracted.rejected)} rejected, "
            f"{len(extracted.warnings)} warnings")


def assembly_counts(assembly: Assembly) -> str:
    graphs = assembly.quads.graphs
    return f"{sum(1 for g in graphs.values() if len(g))} graphs, {len(assembly.quads)} triples"


def validation_counts(report: Report) -> str:
    return f"{len(report.problems)} problems"
