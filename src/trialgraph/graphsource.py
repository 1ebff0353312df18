"""Open a built graph for reading: the one place that knows how a GRAPH
argument (a TriG/N-Quads file today) becomes an rdflib Dataset or a
pyoxigraph Store."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .errors import GraphError, UsageError

RDFLIB_FORMATS = {".trig": "trig", ".ttl": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}


def _existing(path: Path) -> Path:
    if not path.exists():
        raise UsageError("no such graph file", path=str(path))
    return path


def load_dataset(path: Path) -> Dataset:
    """The graph as an rdflib Dataset (named graphs kept)."""
    path = _existing(Path(path))
    dataset = Dataset()
    try:
        dataset.parse(path, format=RDFLIB_FORMATS.get(path.suffix.lower()))
    except Exception as error:  # rdflib raises many parser types; all mean the same here
        raise GraphError(f"cannot read the graph: {str(error).splitlines()[0][:200]}", path=str(path)) from error
    return dataset


def load_store(path: Path):
    """The graph as an in-memory pyoxigraph Store, for fast SPARQL."""
    import pyoxigraph

    path = _existing(Path(path))
    formats = {".trig": pyoxigraph.RdfFormat.TRIG, ".ttl": pyoxigraph.RdfFormat.TRIG,
               ".nq": pyoxigraph.RdfFormat.N_QUADS, ".nt": pyoxigraph.RdfFormat.N_QUADS}
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=formats.get(path.suffix.lower(), pyoxigraph.RdfFormat.TRIG))
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphError(f"cannot read the graph: {str(error).splitlines()[0][:200]}", path=str(path)) from error
    return store
