"""A GRAPH argument read exactly, quad for quad, and a clear refusal when a
file is not a graph at all.

graphsource.py opens a graph for querying; a pyoxigraph Store folds derived
datatypes ("5"^^xsd:nonNegativeInteger comes back as xsd:integer, store.py
FOLDED), which SPARQL does not mind but an export, a push or a validation
does. So the commands that must see the graph as written (export, push) take
their quads from here: a file is parsed without a Store in between, a store
folder gets its folded datatypes restored from its record.

`open_store` and `open_dataset` (facts, validate) read through graphsource
and, when a file is empty or not RDF, say so in one line with how to make a
graph, instead of "conforms: 0 graphs checked" or a parser's repr.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph

from . import store as disk_store
from .errors import GraphError, UsageError
from .offline import refuse_remote_jsonld

FILE_FORMATS = {".trig": pyoxigraph.RdfFormat.TRIG, ".ttl": pyoxigraph.RdfFormat.TRIG,
                ".nq": pyoxigraph.RdfFormat.N_QUADS, ".nt": pyoxigraph.RdfFormat.N_QUADS,
                ".jsonld": pyoxigraph.RdfFormat.JSON_LD, ".json": pyoxigraph.RdfFormat.JSON_LD}
BUILD_HINT = "build one with `trialgraph build RELEASES... -o graph.trig`"
STDIN = "-"


def file_format(path: Path):
    """The syntax a graph file is read in: from its extension, TriG otherwise
    (as graphsource.load_store reads it)."""
    return FILE_FORMATS.get(Path(path).suffix.lower(), pyoxigraph.RdfFormat.TRIG)


def _syntax_name(fmt) -> str:
    return "a JSON-LD graph" if fmt == pyoxigraph.RdfFormat.JSON_LD else "a TriG or N-Quads graph"


def not_a_graph(path: Path, why: str, fmt=None) -> GraphError:
    return GraphError(f"not {_syntax_name(fmt)}: {why}", path=str(path), hint=BUILD_HINT)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise UsageError("no such graph file", path=str(path))
    return path


def file_quads(path: Path) -> list:
    """Every quad of a graph file exactly as written, in file order. An empty
    file, or one the parser rejects, is not a graph (GraphError, exit 1)."""
    return list(iter_file_quads(path))


def iter_file_quads(path: Path):
    """file_quads one quad at a time, so a reader that keeps less than the
    whole graph (validate) never holds every quad at once."""
    path = _existing(Path(path))
    fmt = file_format(path)
    if path.is_file() and _blank(path):
        raise not_a_graph(path, "the file is empty", fmt)
    if fmt == pyoxigraph.RdfFormat.JSON_LD and path.is_file():
        refuse_remote_jsonld(path)  # the one message for a context trialgraph would have to fetch
    elif path.is_file():
        from .graphsource import refuse_cut_short

        refuse_cut_short(path)
    count = 0
    try:
        for quad in pyoxigraph.parse(path=str(path), format=fmt):
            count += 1
            yield quad
    except SyntaxError as error:
        raise not_a_graph(path, _parser_reason(error), fmt) from None
    except IsADirectoryError:
        raise GraphError("is a folder but not a trialgraph store", path=str(path)) from None
    except OSError as error:
        raise GraphError(f"cannot read the graph: {error.strerror or error}", path=str(path)) from None
    if not count:
        raise not_a_graph(path, "it holds no statement", fmt)


def _parser_reason(error: SyntaxError) -> str:
    text = str(error).splitlines()[0] if str(error) else "unreadable"
    text = text.removeprefix("Parser error at ")
    if text.endswith(")") and " (" in text and "line " in text[text.rindex(" ("):]:
        text = text[: text.rindex(" (")]  # "(file, line N)": the position is already at the front
    return text[:200]


def _blank(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return not stream.read(4096).strip()
    except OSError:
        return False  # the parser reports it


def store_quads(folder: Path) -> list:
    """Every quad of a store folder, with the derived datatypes the store
    folded restored from its record (the build refuses a graph where that
    would be ambiguous, store.folded_datatypes)."""
    return list(iter_store_quads(folder))


def iter_store_quads(folder: Path):
    """store_quads one quad at a time."""
    store, record, reader_lock = disk_store.open_read(Path(folder))
    try:
        restore = {}  # predicate -> (the folded datatype, the one the build wrote)
        for predicate, datatype in record.get("datatypes", {}).items():
            folded = disk_store.XSD + disk_store.FOLDED[datatype[len(disk_store.XSD):]]
            restore[predicate] = (pyoxigraph.NamedNode(folded), pyoxigraph.NamedNode(datatype))
        for quad in store:
            swap = restore.get(quad.predicate.value) if restore else None
            obj = quad.object
            if swap is not None and isinstance(obj, pyoxigraph.Literal) and obj.datatype == swap[0]:
                quad = pyoxigraph.Quad(quad.subject, quad.predicate,
                                       pyoxigraph.Literal(obj.value, datatype=swap[1]), quad.graph_name)
            yield quad
    finally:
        del store
        os.close(reader_lock)


def exact_quads(path: Path) -> list:
    """The quads of a GRAPH argument (file or store folder) exactly as built."""
    return list(iter_exact_quads(path))


def iter_exact_quads(path: Path):
    """exact_quads one quad at a time."""
    path = _existing(Path(path))
    return iter_store_quads(path) if disk_store.is_store(path) else iter_file_quads(path)


def open_store(path: Path):
    """graphsource.load_store, with the one-line refusal for a file that is
    empty or not RDF (used by facts)."""
    from .graphsource import load_store

    path = _existing(Path(path))
    if not disk_store.is_store(path) and file_format(path) == pyoxigraph.RdfFormat.JSON_LD:
        store = pyoxigraph.Store()  # load_store reads TriG and N-Quads only
        store.extend(file_quads(path))
        return store
    with _not_a_graph_on_error(path):
        store = load_store(path)
    if not disk_store.is_store(path) and len(store) == 0:
        file_quads(path)  # raises: empty, or no statement
    return store


def open_dataset(path: Path):
    """graphsource.load_dataset, with the one-line refusal for a file that is
    empty or not RDF (used by validate, which would otherwise report
    "conforms: 0 graphs checked")."""
    from .graphsource import load_dataset

    path = _existing(Path(path))
    with _not_a_graph_on_error(path):
        dataset = load_dataset(path)
    if not disk_store.is_store(path) and not any(len(graph) for graph in dataset.graphs()):
        file_quads(path)  # raises: empty, or no statement
    return dataset


@contextmanager
def _not_a_graph_on_error(path: Path):
    """A file the reader refuses is parsed once more, on this error path only,
    for a message that says what is wrong without a parser's repr."""
    try:
        yield
    except GraphError:
        if not disk_store.is_store(path):
            file_quads(path)  # raises not_a_graph if the file is not RDF at all
        raise


@contextmanager
def graph_argument(value: Path):
    """A GRAPH argument as a path; `-` is standard input, copied to a
    temporary file for as long as the command runs, named by its syntax
    (_sniff_suffix) so that every reader takes it as it takes a file."""
    if str(value) != STDIN:
        yield Path(value)
        return
    with tempfile.TemporaryDirectory(prefix="trialgraph-stdin-") as folder:
        spooled = Path(folder) / "stdin"
        with open(spooled, "wb") as stream:
            shutil.copyfileobj(sys.stdin.buffer, stream)
        named = spooled.rename(spooled.with_suffix(_sniff_suffix(spooled)))
        try:
            yield named
        except GraphError as error:
            if error.path == str(named):
                error.path = "<stdin>"
            raise


def _sniff_suffix(path: Path) -> str:
    """.jsonld for JSON, .nq when the first statements parse as N-Quads, .trig
    otherwise (TriG's @prefix or braces fail N-Quads on the first line)."""
    with open(path, "rb") as stream:
        head = stream.read(1 << 16)
    if head.lstrip()[:1] in (b"{", b"["):
        return ".jsonld"
    lines = head.splitlines()
    if len(head) == 1 << 16:
        lines = lines[:-1]  # may be cut in the middle
    statements = [line for line in lines if line.strip() and not line.lstrip().startswith(b"#")][:20]
    try:
        list(pyoxigraph.parse(b"\n".join(statements) + b"\n", format=pyoxigraph.RdfFormat.N_QUADS))
    except SyntaxError:
        return ".trig"
    return ".nq"
