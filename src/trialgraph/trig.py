"""A fast deterministic TriG writer.

The file opens and ends with a comment line (FIRST_LINE, LAST_LINE) so a
reader can tell a complete file from one cut short. Graphs in IRI order; in each graph, triples sorted by subject, predicate and
object text, grouped with `;` and `,`. IRIs are shortened to a prefixed name
only when the local part needs no escaping, so any Turtle parser reads the
output back to the same quads. The bytes depend only on the set of quads:
not on insertion order, hash seed, locale or time zone.

rdflib's pretty Turtle writer spends seconds per graph at corpus scale
(MEASUREMENTS.md: ~68 s for 640k triples); this costs about a second.
"""
from __future__ import annotations

import re
from itertools import groupby

from .prefixes import PREFIXES
from .quads import QuadSink, TermWriter

# A build's graph file opens with FIRST_LINE and ends with LAST_LINE (comments
# to any RDF parser). A file cut short, at a graph boundary too, lacks the
# last line; graphsource.py refuses it instead of reading fewer releases.
FIRST_LINE = b"# trialgraph graph: complete only when its last line is the end line below\n"
LAST_LINE = b"# end of trialgraph graph\n"

_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*)")
_BARE_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"
_BOOLEAN = "<http://www.w3.org/2001/XMLSchema#boolean>"


class _Shortener:
    def __init__(self, prefixes: dict[str, str]):
        # Longest namespace first, so tgid: never shadows a longer namespace.
        self._prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._cache: dict[str, str] = {}

    def iri(self, text: str) -> str:
        """N-Triples IRI text `<...>` -> prefixed name when safe."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        short = text
        iri = text[1:-1]
        for prefix, namespace in self._prefixes:
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
                short = f"{prefix}:{iri[len(namespace):]}"
                break
        self._cache[text] = short
        return short

    def term(self, text: str) -> str:
        if text.startswith("<"):
            return self.iri(text)
        if text.endswith(">") and '"^^<' in text:  # typed literal: shorten the datatype
            body, _, datatype = text.rpartition("^^")
            # Turtle's bare forms read back as the same term only for these lexical shapes.
            if datatype == _DECIMAL and _BARE_DECIMAL.fullmatch(body[1:-1]):
                return body[1:-1]
            if datatype == _BOOLEAN and body in ('"true"', '"false"'):
                return body[1:-1]
            return f"{body}^^{self.iri(datatype)}"
        return text


def write_trig(sink: QuadSink, prefixes: dict[str, str] | None = None) -> bytes:
    return b"".join(write_trig_located(sink, prefixes)[0])


def write_trig_located(sink: QuadSink, prefixes: dict[str, str] | None = None) -> tuple[list[bytes], dict[str, tuple[int, int]]]:
    """The TriG in pieces to write one after the other (no joined copy), and
    where each graph's block lies in it ({graph IRI: (offset, length)} in
    bytes): an incremental build copies unchanged blocks from there."""
    prefixes = PREFIXES if prefixes is None else prefixes
    term = TermWriter()
    short = _Shortener(prefixes)
    parts = [FIRST_LINE + trig_header(prefixes).encode("utf-8")]
    where: dict[str, tuple[int, int]] = {}
    offset = len(parts[0])
    for name in sorted(sink.graphs, key=str):
        graph = sink.graphs[name]
        if len(graph) == 0:
            continue
        if graph.block is not None and prefixes is PREFIXES:
            block = graph.block
        else:
            # Sets drop duplicates that only differed as rdflib objects (e.g. a plain
            # and an xsd:string literal): in RDF they are the same triple.
            block = trig_block(term(name), sorted(set(graph.rendered_triples(term))), short)
        data = block.encode("utf-8") if isinstance(block, str) else block
        parts.append(data)
        where[str(name)] = (offset, len(data))
        offset += len(data)
    parts.append(LAST_LINE)
    return parts, where


def write_nquads(sink: QuadSink) -> bytes:
    """Deterministic N-Quads: graphs in IRI order, each graph's triples sorted
    and distinct, as in write_trig; one quad per line."""
    term = TermWriter()
    lines = []
    for name in sorted(sink.graphs, key=str):
        graph_term = term(name)
        lines.extend(f"{s} {p} {o} {graph_term} .\n" for s, p, o in sorted(set(sink.graphs[name].rendered_triples(term))))
    return FIRST_LINE + "".join(lines).encode("utf-8") + LAST_LINE


def cut_short(path) -> bool:
    """True for a build's graph file (it opens with FIRST_LINE) that does not
    end with LAST_LINE. Files without the first line (exports, other tools'
    files) are not judged."""
    with open(path, "rb") as stream:
        if stream.read(len(FIRST_LINE)) != FIRST_LINE:
            return False
        size = stream.seek(0, 2)
        if size < len(FIRST_LINE) + len(LAST_LINE):
            return True
        stream.seek(size - len(LAST_LINE))
        return stream.read() != LAST_LINE


def trig_header(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))


def trig_block(name: str, triples: list[tuple[str, str, str]], short: _Shortener | None = None) -> str:
    """One named graph's TriG (`name` and `triples` as N-Triples term text,
    triples sorted and distinct) under the standard prefixes. Blocks stand
    alone, so release graphs are written in the emit workers and copied."""
    short = short or _default_shortener()
    out = [f"\n{short.iri(name)} {{\n"]
    for subject, group in groupby(triples, key=lambda t: t[0]):
        predicates = []
        for predicate, objects in groupby(group, key=lambda t: t[1]):
            values = ", ".join(short.term(o) for _, _, o in objects)
            verb = "a" if predicate == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" else short.iri(predicate)
            predicates.append(f"{verb} {values}")
        out.append(f"    {short.iri(subject)} " + " ;\n        ".join(predicates) + " .\n")
    out.append("}\n")
    return "".join(out)


_SHORTENER: list[_Shortener] = []


def _default_shortener() -> _Shortener:
    if not _SHORTENER:
        _SHORTENER.append(_Shortener(PREFIXES))
    return _SHORTENER[0]
