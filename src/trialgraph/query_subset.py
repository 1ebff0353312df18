"""A build's graph file read for a fixed set of queries: only the triples
whose predicates the queries name, in stores of a share of the release
graphs each, loaded and queried in parallel.

Loading a whole graph file into pyoxigraph is most of what `facts` costs on
a large corpus (10,000 realistic releases: 3.4 M quads, 10.6 CPU-s, of which
parsing is 2.4 and indexing the rest), and most of those quads are evidence
selectors and inferred links no facts query reads. A triple pattern with a
constant predicate can only match triples with that predicate, so a store
without the others gives the same answers (`query_reads` refuses
queries with a variable predicate or a path that can match without one).

A query whose patterns sit inside one `GRAPH ?g` plus graphs it names (the
ontology, the entities graph) and whose groups and rows are keyed by the
release they come from (facts: every row has its release's `?doc`) gives
the same rows on a store of some release graphs and the named ones as it
gives, for those releases, on the whole graph. So the release graphs are
split into shares, each share loaded with the named graphs into its own
store, one share per process; the caller puts the rows back in order.

Only a file written by `trialgraph build` is read this way (trig.py's
layout: a graph per block, one predicate and its objects per line, no
literal over two lines); `blocks` answers None for any other file and the
caller loads it whole, which also gives the one-line error for a bad file.
"""
from __future__ import annotations

import functools
import mmap
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

import pyoxigraph

from .trig import FIRST_LINE, LAST_LINE

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PREFIX = re.compile(rb"@prefix ([A-Za-z0-9_-]*): <([^>]*)> \.\n")
_BLOCK_START = re.compile(rb"\n(\S+) \{\n")


_PATTERNS = ("BGP", "TriplesBlock")  # TriplesBlock: a FILTER [NOT] EXISTS's patterns, left in the parser's form


def _triples(node) -> list[tuple]:
    """The triple patterns of a BGP, or of a TriplesBlock (flat lists of subject, predicate, object)."""
    if node.name == "BGP":
        return list(node.triples)
    return [tuple(flat[i:i + 3]) for flat in node.triples for i in range(0, len(flat), 3)]


def query_reads(texts: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(every predicate IRI, every graph IRI) the SPARQL `texts` name, or
    None when one of them can match any predicate (a variable, a negated
    set) or none at all (a zero-length path)."""
    from rdflib import URIRef
    from rdflib.paths import AlternativePath, InvPath, SequencePath
    from rdflib.plugins.sparql.algebra import traverse

    found: set[str] = set()
    graphs: set[str] = set()
    unbounded = []

    def collect(predicate) -> None:
        if isinstance(predicate, URIRef):
            found.add(str(predicate))
        elif isinstance(predicate, (SequencePath, AlternativePath)):
            for part in predicate.args:
                collect(part)
        elif isinstance(predicate, InvPath):
            collect(predicate.arg)
        else:  # a variable, p*, p+, p?, !p
            unbounded.append(predicate)

    def visit(node):
        if getattr(node, "name", None) in _PATTERNS:
            for _, predicate, _ in _triples(node):
                collect(predicate)
        elif getattr(node, "name", None) in ("Graph", "GraphGraphPattern") and isinstance(node.term, URIRef):
            graphs.add(str(node.term))
        return None

    for text in texts:
        traverse(_algebra(text), visitPre=visit)
    return None if unbounded else (frozenset(found), frozenset(graphs))


def query_classes(texts: list[str]) -> frozenset[str] | None:
    """Every class an `rdf:type` pattern of the SPARQL `texts` can match, or
    None when one can match any class. A type pattern counts as bounded when
    its class is a constant, or a variable joined in the same group with a
    VALUES that binds it to IRIs in every row (`VALUES ?class { tg:Drug ... }`):
    a type triple of another class gives that pattern rows the join drops, so
    a store without it gives the same answers. A type triple of a class no
    pattern names matches no pattern at all."""
    from rdflib import RDF, URIRef, Variable
    from rdflib.plugins.sparql.algebra import traverse
    from rdflib.paths import Path as PropertyPath

    found: set[str] = set()
    bounded: dict[tuple[int, Variable], set[str]] = {}  # (id of a BGP, its class variable) -> classes
    unbounded = []

    def leaves(node) -> list:
        name = getattr(node, "name", None)
        if name == "Join":
            return leaves(node.p1) + leaves(node.p2)
        if name == "Graph":  # GRAPH ?g { A . B } joins A and B within the graph
            return leaves(node.p)
        return [node]

    def values_of(node) -> dict[Variable, set[str]]:
        """Variables a VALUES leaf binds to an IRI in every row, with those IRIs."""
        if getattr(node, "name", None) != "ToMultiSet" or getattr(node.p, "name", None) != "values":
            return {}
        rows = node.p.res
        names = set(rows[0]) if rows else set()
        return {variable: {str(row[variable]) for row in rows} for variable in names
                if all(isinstance(row.get(variable), URIRef) for row in rows)}

    def visit(node):
        name = getattr(node, "name", None)
        if name == "Join":
            parts = leaves(node)
            restricted: dict[Variable, set[str]] = {}
            for part in parts:
                for variable, classes in values_of(part).items():
                    restricted[variable] = restricted.get(variable, classes) & classes
            for part in parts:
                if getattr(part, "name", None) == "BGP":
                    for _, predicate, obj in part.triples:
                        if predicate == RDF.type and obj in restricted:
                            bounded[(id(part), obj)] = restricted[obj]
        elif name in _PATTERNS:
            for _, predicate, obj in _triples(node):
                if isinstance(predicate, PropertyPath) and RDF.type in _path_iris(predicate):
                    unbounded.append(predicate)
                elif predicate != RDF.type:
                    continue
                elif isinstance(obj, URIRef):
                    found.add(str(obj))
                elif (id(node), obj) in bounded:
                    found.update(bounded[(id(node), obj)])
                else:
                    unbounded.append(obj)
        return None

    for text in texts:
        traverse(_algebra(text), visitPre=visit)
    return None if unbounded else frozenset(found)


@functools.lru_cache(maxsize=256)
def _algebra(text: str):
    """rdflib's algebra of a query, parsed once: query_classes and query_reads
    read the same texts (pyparsing, ~20 ms a query); neither changes it."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text).algebra


def _path_iris(path) -> set:
    """The IRIs a property path is made of."""
    from rdflib import URIRef

    if isinstance(path, URIRef):
        return {path}
    parts = list(getattr(path, "args", ())) + [part for part in (getattr(path, "arg", None), getattr(path, "path", None))
                                               if part is not None]
    return set().union(*(_path_iris(part) for part in parts))


class BuiltFile:
    """A graph file in trig.py's layout, cut into its header and graph blocks."""

    def __init__(self, data, header: bytes, prefixes: dict[bytes, bytes], blocks: list[tuple[str, int, int]]):
        self.data = data
        self.header = header
        self.prefixes = prefixes
        self.blocks = blocks  # (graph IRI, start, end) in file order

    def iri(self, token: bytes) -> str | None:
        if token.startswith(b"<") and token.endswith(b">"):
            return token[1:-1].decode("utf-8")
        prefix, colon, local = token.partition(b":")
        namespace = self.prefixes.get(prefix) if colon else None
        return None if namespace is None else (namespace + local).decode("utf-8")


def blocks(path: Path) -> BuiltFile | None:
    """The file's blocks if `trialgraph build` wrote it (TriG in trig.py's
    layout, complete), else None."""
    from .graphfile import file_format

    path = Path(path)
    if not path.is_file() or file_format(path) != pyoxigraph.RdfFormat.TRIG:
        return None
    with open(path, "rb") as stream:
        if stream.read(len(FIRST_LINE)) != FIRST_LINE:
            return None
        data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    if data[-len(LAST_LINE):] != LAST_LINE or data.find(b'"""') >= 0 or data.find(b"'''") >= 0:
        return None  # cut short (the loader says so), or a literal that may span lines
    prefixes: dict[bytes, bytes] = {}
    at = len(FIRST_LINE)
    while True:
        match = _PREFIX.match(data, at)
        if match is None:
            break
        prefixes[match.group(1)] = match.group(2)
        at = match.end()
    header = data[:at]
    found = []
    end_of_blocks = len(data) - len(LAST_LINE)
    while at < end_of_blocks:
        match = _BLOCK_START.match(data, at)
        if match is None:
            return None
        end = data.find(b"\n}\n", match.end() - 1)
        if end < 0 or end + 3 > end_of_blocks:
            return None
        built = BuiltFile(data, header, prefixes, [])
        name = built.iri(match.group(1))
        if name is None:
            return None
        found.append((name, match.end(), end + 1))  # the block's lines, without its name line and "}"
        at = end + 3
    return BuiltFile(data, header, prefixes, found)


class _Unexpected(Exception):
    """A line trig.py does not write: the file is read whole instead."""


def filtered_block(built: BuiltFile, name: str, start: int, end: int, predicates: frozenset[str],
                   verbs: dict, classes: frozenset[str] | None = None) -> bytes:
    """The block's TriG with only the triples whose predicate is in
    `predicates` and, where `classes` is given, only the `rdf:type` triples
    of those classes (a subject left with none is dropped); b"" if none is
    left. `verbs` caches each predicate token's verdict and each list of
    classes' kept part."""
    out = []
    subject = None
    kept: list[bytes] = []

    def close() -> None:
        if kept:
            out.append(b"    " + subject + b" " + b" ;\n        ".join(kept) + b" .\n")

    for line in built.data[start:end].split(b"\n")[:-1]:
        if line.startswith(b"        "):
            if subject is None:
                raise _Unexpected
            verb, _, rest = line[8:].partition(b" ")
        elif line.startswith(b"    ") and line[4:5] != b" ":
            close()
            subject, _, tail = line[4:].partition(b" ")
            kept = []
            verb, _, rest = tail.partition(b" ")
        else:
            raise _Unexpected
        if not (rest.endswith(b" ;") or rest.endswith(b" .")):
            raise _Unexpected
        wanted = verbs.get(verb)
        if wanted is None:
            iri = RDF_TYPE if verb == b"a" else built.iri(verb)
            if iri is None:
                raise _Unexpected
            wanted = verbs[verb] = (_TYPED if iri == RDF_TYPE and classes is not None else iri in predicates)
        if wanted is _TYPED:
            objects = rest[:-2]
            chosen = verbs.get((verb, objects))
            if chosen is None:
                chosen = verbs[(verb, objects)] = _of_classes(built, objects, classes)
            if chosen:
                kept.append(verb + b" " + chosen)
        elif wanted:
            kept.append(verb + b" " + rest[:-2])
        if rest.endswith(b" ."):
            close()
            subject, kept = None, []
    if subject is not None:
        raise _Unexpected  # a subject's last line must end with " ."
    if not out:
        return b""
    return b"\n" + f"<{name}>".encode("utf-8") + b" {\n" + b"".join(out) + b"}\n"


_TYPED = "typed"  # a verdict of filtered_block: rdf:type, kept for some classes


def _of_classes(built: BuiltFile, objects: bytes, classes: frozenset[str]) -> bytes:
    """The classes of an `a` line's objects ("tg:Drug" or "tg:Approval, tg:Milestone") that are in `classes`."""
    tokens = objects.split(b", ")
    found = [built.iri(token) for token in tokens]
    if None in found:
        raise _Unexpected
    return b", ".join(token for token, iri in zip(tokens, found) if iri in classes)


_READ = object()  # store_for's default classes: those its queries read


def store_for(path: Path, queries: list[str], classes=_READ) -> pyoxigraph.Store | None:
    """One store of the whole graph file with only the triples whose predicate
    `queries` read (for queries whose rows span releases, like the map's),
    and only the `rdf:type` triples of `classes` (by default the classes the
    queries can match, query_classes; None: every class); None for a file
    not written by a build or queries that cannot be narrowed. A forked
    process cuts the blocks while this one loads what it has cut."""
    built = blocks(path)
    if built is None:
        return None
    try:
        return _cut_and_load(built, queries, classes)
    finally:
        # unmapped here, not when this frame goes: the SPARQL parser's exceptions can keep
        # it alive until a cyclic collection, and with it the file's pages read by blocks()
        # (~130 MB resident at 10,000 releases, for the whole map while collection is paused)
        built.data.close()


def _cut_and_load(built: BuiltFile, queries: list[str], classes) -> pyoxigraph.Store | None:
    reads = query_reads(queries)
    if reads is None:
        return None
    if classes is _READ:
        classes = query_classes(queries)
    if not hasattr(os, "fork"):
        try:
            return _load(built, reads[0], built.blocks, classes)
        except (_Unexpected, SyntaxError, ValueError):
            return None
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the cutter: writes the filtered TriG, exits non-zero on a line it does not expect
        status = 1
        try:
            os.close(readable)
            with open(writable, "wb", buffering=1 << 20) as out:
                out.write(bytes(built.header))
                verbs: dict = {}
                for block in built.blocks:
                    out.write(filtered_block(built, *block, reads[0], verbs, classes))
            status = 0
        finally:
            os._exit(status)
    os.close(writable)
    store = pyoxigraph.Store()
    try:
        with open(readable, "rb") as stream:
            store.load(stream, format=pyoxigraph.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError):
        store = None
    finally:
        _, status = os.waitpid(pid, 0)
    return store if status == 0 else None


def _load(built: BuiltFile, predicates: frozenset[str], chosen: list, classes=None) -> pyoxigraph.Store:
    verbs: dict = {}
    parts = [bytes(built.header)]
    for block in chosen:
        parts.append(filtered_block(built, *block, predicates, verbs, classes))
    store = pyoxigraph.Store()
    store.load(b"".join(parts), format=pyoxigraph.RdfFormat.TRIG)
    return store


_JOB: list = []  # (built, predicates, shared, shares, answer): inherited by the forked workers


def _share_store(index: int) -> pyoxigraph.Store:
    built, predicates, shared, shares, _ = _JOB[0]
    return _load(built, predicates, shared + shares[index])


def _answer_share(index: int):
    return _JOB[0][4](_share_store(index))


def split(blocks_in_order: list, count: int, weight: Callable[[tuple], int] = lambda block: block[2] - block[1]) -> list[list]:
    """`count` runs of consecutive blocks of about equal `weight` (bytes by default)."""
    weights = [weight(block) for block in blocks_in_order]
    total = sum(weights) or 1
    shares: list[list] = [[] for _ in range(count)]
    done = 0
    for block, size in zip(blocks_in_order, weights):
        shares[min(count - 1, done * count // total)].append(block)
        done += size
    return shares


def _lines(built: BuiltFile) -> Callable[[tuple], int]:
    """A block's weight as its lines: cutting costs per line, and the inferred
    links' block has few lines, all of them long (in bytes it was a quarter
    of the file and left one share with few releases)."""
    view = memoryview(built.data)

    def count(block: tuple) -> int:
        return view[block[1]:block[2]].tobytes().count(b"\n")
    return count


def answer_by_share(built: BuiltFile, queries: list[str], answer: Callable[[pyoxigraph.Store], object],
                    shares: int = 2) -> list | None:
    """answer(store) for each share of the release graphs, each store holding
    the share, the graphs the queries name, and only the triples with a
    predicate they read; None when the queries cannot be narrowed so (the
    caller reads the whole graph). The first share is answered here while the
    others run in forked workers. A graph a query names is in every store;
    every other graph is in exactly one."""
    reads = query_reads(queries)
    if reads is None:
        return None
    predicates, named = reads
    shared = [block for block in built.blocks if block[0] in named]
    rest = [block for block in built.blocks if block[0] not in named]
    shares = max(1, min(shares, len(rest)))
    parts = split(rest, shares, _lines(built))
    if "fork" not in multiprocessing.get_all_start_methods():
        shares = 1
        parts = [rest]
    _JOB[:] = [(built, predicates, shared, parts, answer)]
    try:
        if shares == 1:
            return [_answer_share(0)]
        with ProcessPoolExecutor(max_workers=shares - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_answer_share, index) for index in range(1, shares)]
            first = _answer_share(0)
            return [first] + [future.result() for future in others]
    except (_Unexpected, SyntaxError, ValueError):
        return None  # read whole: the loader reports what is wrong with the file
    finally:
        _JOB.clear()


def default_shares() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
