"""The build: files -> documents -> extractions -> resolution -> RDF -> report.

Bad inputs are reported one line each and left out; the rest still builds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset

from .errors import InputError
from .extractors import extract
from .ingest import collect_inputs, read_document
from .model import Extraction
from .rdf import build_dataset
from .resolve import resolve
from .validate import Report, validate_dataset


@dataclass
class BuildResult:
    dataset: Dataset
    extractions: list[Extraction]
    rejected: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "file: message"
    report: Report | None = None


def extract_file(path: Path) -> Extraction:
    return extract(read_document(path))


def build(paths: Iterable[Path], *, validate: bool = True,
          progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None) -> BuildResult:
    files, rejected = collect_inputs([Path(p) for p in paths])
    extractions: list[Extraction] = []
    warnings: list[str] = []
    for path in (progress(files) if progress else files):
        try:
            extraction = extract_file(path)
        except InputError as error:
            rejected.append(error)
            continue
        extractions.append(extraction)
        for message in extraction.warnings:
            warnings.append(f"{path}: {message}")
        if not extraction.companies and extraction.release.date is None:
            warnings.append(f"{path}: no recognisable release (no dateline, no company); nothing guessed")
    resolution = resolve(extractions)
    dataset = build_dataset(extractions, resolution)
    report = validate_dataset(dataset) if validate else None
    return BuildResult(dataset, extractions, rejected, warnings, report)


def serialize_trig(dataset: Dataset) -> bytes:
    """TriG with graphs in IRI order and each graph's triples in rdflib's sorted
    Turtle order, so the same releases always give the same bytes."""
    from rdflib import Graph

    prefixes = sorted((p, str(ns)) for p, ns in dataset.namespaces() if p in PREFIXES)
    out = ["".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes)]
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        single = Graph()
        for p, ns in prefixes:
            single.bind(p, ns, override=True, replace=True)
        for triple in graph:
            single.add(triple)
        body = single.serialize(format="turtle")
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        out.append(f"\n<{graph.identifier}> {{\n{indented}\n}}\n")
    return "".join(out).encode("utf-8")


PREFIXES = {"tg", "tgid", "schema", "oa", "qudt", "unit", "prov", "skos", "dcterms", "rdf", "rdfs", "xsd", "owl"}
