"""Export a built graph as Turtle, TriG, N-Triples, N-Quads or JSON-LD.

Every format is written from the same canonical order: quads sorted by the
N-Triples text of graph, subject, predicate and object. The bytes therefore
depend only on the set of quads (not on load order, hash seed or the store's
internal ids). pyoxigraph serialises the line-based and Turtle-family formats
(MEASUREMENTS.md: rdflib's Turtle writer is ~120x slower); JSON-LD is written
here so that it carries trialgraph's published context inline and stays
compact without a JSON-LD processor.

Turtle and N-Triples hold one graph: they get the union of all named graphs,
each triple once. TriG, N-Quads and JSON-LD keep the named graphs.
"""
from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import pyoxigraph

from .errors import UsageError
from .prefixes import PREFIXES

CONTEXT_IRI = "https://w3id.org/trialgraph/context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
EXTENSIONS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nq", ".jsonld": "jsonld", ".json": "jsonld"}
SINGLE_GRAPH = {"turtle", "nt"}


def format_for(path: Path, requested: str | None) -> str:
    """The export format: the one asked for, else the one the extension names."""
    if requested:
        return requested
    if str(path) == "-":
        raise UsageError("standard output has no extension to tell the export format by",
                         hint="give --format " + "|".join(FORMATS))
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise UsageError("cannot tell the export format from the file name", path=str(path),
                         hint=f"use --format or one of the extensions {known}")
    return fmt


def context() -> dict[str, str]:
    """The prefixes of the published JSON-LD context (data/context.jsonld)."""
    return PREFIXES


def canonical_quads(store) -> list:
    """Every quad of the store, in N-Triples text order of (graph, s, p, o)."""
    return sorted(store, key=_quad_key)


def _quad_key(quad) -> tuple[str, str, str, str]:
    graph = quad.graph_name
    name = "" if isinstance(graph, pyoxigraph.DefaultGraph) else str(graph)
    return name, str(quad.subject), str(quad.predicate), str(quad.object)


def canonical_triples(quads) -> list:
    """The union of all graphs: each triple once, in N-Triples text order."""
    unique = {(str(q.subject), str(q.predicate), str(q.object)): q.triple for q in quads}
    return [unique[key] for key in sorted(unique)]


def serialize(quads, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """The quads (a list, a Store) in `fmt` (a key of FORMATS), deterministic
    bytes; `prefixes` replaces the published context's for Turtle, TriG and
    JSON-LD."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", hint="one of " + ", ".join(FORMATS))
    quads = canonical_quads(quads)
    if fmt == "jsonld":
        return to_jsonld(quads, prefixes)
    items = canonical_triples(quads) if fmt in SINGLE_GRAPH else quads
    prefixes = (prefixes or context()) if fmt in ("turtle", "trig") else None
    data = pyoxigraph.serialize(items, format=FORMATS[fmt], prefixes=prefixes)
    return _sorted_prefix_lines(data) if prefixes else data


class NotInOrder(Exception):
    """The quads stopped coming in canonical order: stream them no further."""


class InOrderNQuads:
    """N-Quads of quads that already come in canonical order (the TriG a
    build writes, an N-Quads export), chunk by chunk as they are read: the
    same bytes as serialize(quads, "nq") in memory bounded by a chunk, where
    holding and sorting 3.8 million quads (10,000 releases) took 4 GB.
    Iterating raises NotInOrder at the first quad out of order; the caller
    then sorts the whole graph (serialize).

    The order is checked on the serialized lines: within one graph, lines
    "s p o g ." sort as the key (s, p, o) does, since a space sorts before
    every character a term can hold outside a literal's quotes, and no term
    is a proper prefix of another unless a space, "@" or "^^" follows it.
    Graph names are compared when they change."""

    CHUNK = 1 << 16

    def __init__(self, quads):
        self.count = 0
        self._quads = iter(quads)
        self._first = next(self._quads, None)  # a file that is no graph fails here, before any output

    def __iter__(self):
        chunk: list = []
        starts: list[int] = []  # where in `chunk` a graph begins
        graph = text = None
        previous = None  # the last line of the current graph
        quads = self._quads if self._first is None else _chain(self._first, self._quads)
        for quad in quads:
            if quad.graph_name != graph:
                name = "" if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else str(quad.graph_name)
                if text is not None and name <= text:
                    raise NotInOrder(name)
                graph, text = quad.graph_name, name
                starts.append(len(chunk))
            chunk.append(quad)
            if len(chunk) == self.CHUNK:
                data, previous = self._checked(chunk, starts, previous)
                yield data
                chunk, starts = [], []
        if chunk:
            yield self._checked(chunk, starts, previous)[0]

    def _checked(self, chunk: list, starts: list[int], previous: bytes | None) -> tuple[bytes, bytes]:
        data = pyoxigraph.serialize(chunk, format=pyoxigraph.RdfFormat.N_QUADS)
        lines = data.split(b"\n")
        lines.pop()  # after the last newline
        edges = [0, *starts, len(lines)]
        for begin, end in zip(edges, edges[1:]):
            if begin == end:
                continue
            if begin in starts:
                previous = None  # a new graph
            segment = lines[begin:end]
            if previous is not None and segment[0] < previous or any(b < a for a, b in zip(segment, segment[1:])):
                raise NotInOrder(segment[0][:200])
            previous = segment[-1]
        self.count += len(chunk)
        return data, previous


def _chain(first, rest):
    yield first
    yield from rest


def _sorted_prefix_lines(data: bytes) -> bytes:
    """The serializer writes the @prefix block first; put it in name order so
    the bytes never depend on how the prefix map happens to iterate."""
    lines = data.split(b"\n")
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:count]) + lines[count:])


class _Compactor:
    """IRI -> compact IRI (`tgid:drug/x`) under the context, when it expands back exactly."""

    def __init__(self, prefixes: dict[str, str]):
        self._prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        short = self._cache.get(iri)
        if short is None:
            short = iri
            for prefix, namespace in self._prefixes:
                local = iri[len(namespace):]
                # A suffix starting with "//" would be read as an absolute IRI.
                if iri.startswith(namespace) and local and not local.startswith("//"):
                    short = f"{prefix}:{local}"
                    break
            self._cache[iri] = short
        return short


def to_jsonld(quads, prefixes: dict[str, str] | None = None) -> bytes:
    """JSON-LD 1.0 with the context embedded (no processor needs to fetch it):
    one object per named graph, one node object per subject, one node per line."""
    prefixes = prefixes or context()
    compact = _Compactor(prefixes)
    graphs = []
    for graph_name, graph_quads in groupby(quads, key=lambda q: q.graph_name):
        nodes = [json.dumps(_node(subject, list(group), compact), ensure_ascii=False, separators=(",", ":"))
                 for subject, group in groupby(graph_quads, key=lambda q: q.subject)]
        body = "[\n" + ",\n".join(nodes) + "\n]"
        if isinstance(graph_name, pyoxigraph.DefaultGraph):
            graphs.append(body[1:-1].strip("\n"))
        else:
            graphs.append(f'{{"@id":{json.dumps(compact(graph_name.value), ensure_ascii=False)},"@graph":{body}}}')
    document = (
        f'{{"@context":{json.dumps(prefixes, sort_keys=True, separators=(",", ":"))},\n'
        '"@graph":[\n' + ",\n".join(g for g in graphs if g) + "\n]}\n"
    )
    return document.encode("utf-8")


def _node(subject, quads, compact) -> dict:
    node: dict = {"@id": _subject_id(subject, compact)}
    for predicate, group in groupby(quads, key=lambda q: q.predicate):
        objects = [q.object for q in group]
        if predicate.value == RDF_TYPE and all(isinstance(o, pyoxigraph.NamedNode) for o in objects):
            node["@type"] = [compact(o.value) for o in objects]
        else:
            node[compact(predicate.value)] = [_value(o, compact) for o in objects]
    return node


def _subject_id(term, compact) -> str:
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def _value(term, compact) -> dict:
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": _subject_id(term, compact)}
