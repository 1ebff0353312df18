"""Open a built graph for reading: the one place that knows how a GRAPH
argument becomes an rdflib Dataset or a pyoxigraph Store. A GRAPH is a
TriG/N-Quads file, or a folder written by `trialgraph build --store DIR`
(store.py), so every command that reads a graph accepts a store."""
from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset

from . import store as disk_store
from .errors import GraphError, UsageError
from .offline import refuse_remote_jsonld

RDFLIB_FORMATS = {".trig": "trig", ".ttl": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}


def _existing(path: Path) -> Path:
    if not path.exists():
        raise UsageError("no such graph file", path=str(path))
    return path


def load_dataset(path: Path) -> Dataset:
    """The graph as an rdflib Dataset (named graphs kept)."""
    path = _existing(Path(path))
    if disk_store.is_store(path):
        store, record, reader_lock = disk_store.open_read(path)
        try:
            return disk_store.dataset_from_store(store, record)  # a copy: the generation may go after
        finally:
            del store
            os.close(reader_lock)
    if RDFLIB_FORMATS.get(path.suffix.lower()) == "json-ld":
        refuse_remote_jsonld(path)  # rdflib would fetch a referenced @context
    dataset = Dataset()
    try:
        dataset.parse(path, format=RDFLIB_FORMATS.get(path.suffix.lower()))
    except Exception as error:  # rdflib raises many parser types; all mean the same here
        raise GraphError(f"cannot read the graph: {str(error).splitlines()[0][:200]}", path=str(path)) from error
    return dataset


def load_store(path: Path):
    """The graph as a pyoxigraph Store, for fast SPARQL: a file is loaded into
    memory; a store folder is opened read-only where it lies."""
    import pyoxigraph

    path = _existing(Path(path))
    if disk_store.is_store(path):
        store, _, reader_lock = disk_store.open_read(path)
        disk_store.hold(reader_lock)  # the Store is used after we return
        return store
    formats = {".trig": pyoxigraph.RdfFormat.TRIG, ".ttl": pyoxigraph.RdfFormat.TRIG,
               ".nq": pyoxigraph.RdfFormat.N_QUADS, ".nt": pyoxigraph.RdfFormat.N_QUADS}
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=formats.get(path.suffix.lower(), pyoxigraph.RdfFormat.TRIG))
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphError(f"cannot read the graph: {str(error).splitlines()[0][:200]}", path=str(path)) from error
    return store


def load_for_queries(path: Path):
    """A pyoxigraph Store where it reads the graph (a store folder, TriG,
    N-Quads, Turtle, N-Triples: its SPARQL is 10-100x rdflib's), else an
    rdflib Dataset (JSON-LD, whose contexts are checked before reading)."""
    path = _existing(Path(path))
    if disk_store.is_store(path) or path.suffix.lower() in (".trig", ".ttl", ".nq", ".nt"):
        return load_store(path)
    return load_dataset(path)
