"""The on-disk graph store: a folder holding pyoxigraph (RocksDB) generations
and one commit record that says which generation is the graph.

    DIR/trialgraph-store.json   the commit record: generation, quad count,
                                every file of the generation with size and
                                SHA-256, prefixes, the extraction index
    DIR/gen-000007/             the RocksDB folder named by the record
    DIR/extractions/            the per-release extraction cache (incremental.py)
    DIR/.trialgraph-store       written at the first commit: from then on a
                                missing record means a damaged store, never a new one
    DIR/.lock                   held by the one process writing (output.OutputLock)
    DIR/.readers.lock           shared by readers; old generations are deleted
                                only when no reader holds it

A build writes a whole new generation beside the current one, closes it,
fsyncs it and only then replaces the record (write_atomic: rename). A kill -9
at any moment therefore leaves the previous record, and so the previous
graph, untouched; the next writer deletes what the killed one left. Readers
check the files against the record before opening, so a truncated or damaged
store is reported as corrupt, never read as empty.
"""
from __future__ import annotations

import gc
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphError, OutputError, UsageError
from .output import DamagedFileError, OutputLock, file_sha256, read_json_file, write_atomic

RECORD = "trialgraph-store.json"
MARK = ".trialgraph-store"
FORMAT = "trialgraph-store"
VERSION = 1
EXTRACTIONS = "extractions"
WRITER_LOCK = ".lock"
READERS_LOCK = ".readers.lock"
_VOLATILE = ("LOG", "LOCK")  # RocksDB rewrites these on open; they carry no data
_KEPT = {RECORD, MARK, EXTRACTIONS, WRITER_LOCK, READERS_LOCK}
_READER_FDS: list[int] = []  # shared locks held for the life of the process (see open_read)


def is_store(path: Path) -> bool:
    """A GRAPH argument that is a folder is a store; files are graph files."""
    return Path(path).is_dir()


def _corrupt(folder: Path, what: str) -> GraphError:
    return GraphError(f"the store is corrupt: {what}", path=str(folder),
                      hint="move it aside and rebuild it from all releases with `trialgraph build ... --store DIR`")


def was_committed(folder: Path) -> bool:
    """Has a build ever committed into this folder? (Its record may be gone.)"""
    return os.path.lexists(Path(folder) / MARK)


def read_record(folder: Path) -> dict:
    folder = Path(folder)
    record_path = folder / RECORD
    try:
        record = read_json_file(record_path)
    except FileNotFoundError:
        if was_committed(folder):
            raise _corrupt(folder, f"{RECORD} is missing") from None
        raise GraphError(f"not a trialgraph store (no {RECORD})", path=str(folder)) from None
    except (OSError, DamagedFileError) as error:
        raise _corrupt(folder, f"{RECORD} is unreadable ({error.strerror if isinstance(error, OSError) else error})") \
            from error
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise _corrupt(folder, f"{RECORD} is not a trialgraph store record")
    if record.get("version") != VERSION:
        raise GraphError(f"store format version {record.get('version')} is not {VERSION}", path=str(folder),
                         hint="rebuild it with this trialgraph")
    for key in ("generation", "files", "quads"):
        if key not in record:
            raise _corrupt(folder, f"{RECORD} lacks {key!r}")
    return record


def _data_files(generation: Path) -> list[Path]:
    return sorted(p for p in generation.iterdir() if p.is_file() and not p.name.startswith(_VOLATILE))


def verify(folder: Path, record: dict) -> Path:
    """The generation folder, after checking every recorded file is there with
    its size and checksum. Size catches truncation; the checksum catches any
    other damage before RocksDB could mistake it for fewer quads."""
    folder = Path(folder)
    generation = folder / str(record["generation"])
    if not generation.is_dir() or generation.parent != folder:
        raise _corrupt(folder, f"generation {record['generation']} is missing")
    for name, (size, digest) in sorted(record["files"].items()):
        path = generation / name
        if not path.is_file():
            raise _corrupt(folder, f"{record['generation']}/{name} is missing")
        if path.stat().st_size != size:
            raise _corrupt(folder, f"{record['generation']}/{name} is truncated or grown "
                                   f"({path.stat().st_size} bytes, recorded {size})")
        if file_sha256(path) != digest:
            raise _corrupt(folder, f"{record['generation']}/{name} does not match its checksum")
    return generation


def open_read(folder: Path):
    """(read-only pyoxigraph Store, record, reader lock fd) of the current
    generation, after verification. While the fd is open no writer deletes
    the generation; close it when done with the store, or `hold` it for the
    life of the process (a long-running reader such as serve)."""
    import fcntl

    import pyoxigraph

    folder = Path(folder)
    record = read_record(folder)
    fd = os.open(folder / READERS_LOCK, os.O_RDONLY | os.O_CREAT, 0o644) if os.access(folder, os.W_OK) \
        else os.open(folder / RECORD, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        record = read_record(folder)  # re-read: a writer may have committed meanwhile
        generation = verify(folder, record)
        try:
            store = pyoxigraph.Store.read_only(str(generation))
            count = len(store)
        except OSError as error:
            raise _corrupt(folder, str(error).splitlines()[0][:200]) from error
        if count != record["quads"]:
            raise _corrupt(folder, f"{count} quads where {record['quads']} were written")
    except BaseException:
        os.close(fd)
        raise
    return store, record, fd


def hold(fd: int) -> None:
    """Keep a reader lock until the process ends."""
    _READER_FDS.append(fd)


@dataclass
class Loaded:
    """What a committed generation holds, for callers that want the numbers."""

    generation: str
    quads: int


class StoreWriter:
    """Writes one new generation and commits it; use as a context manager so
    the writer lock is held from the first check to the commit."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.lock = OutputLock(self.folder / WRITER_LOCK, what=self.folder)
        self.record: dict | None = None

    def __enter__(self) -> "StoreWriter":
        folder = self.folder
        if folder.exists() and not folder.is_dir():
            raise UsageError("--store needs a folder, and this is a file", path=str(folder))
        has_record = os.path.lexists(folder / RECORD)
        if folder.is_dir() and not has_record and was_committed(folder):
            # its releases live only in the generation the record named: a build
            # now would replace them with the new ones alone
            raise _corrupt(folder, f"{RECORD} is missing")
        if folder.is_dir() and not has_record and any(
                p.name not in (WRITER_LOCK, READERS_LOCK, EXTRACTIONS) and not p.name.startswith("gen-")
                and not p.name.startswith(f".{RECORD}.") for p in folder.iterdir()):
            raise UsageError("this folder is not empty and not a trialgraph store; refusing to write into it",
                             path=str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot create the store folder: {error.strerror}", path=str(folder)) from error
        self.lock.acquire()
        try:
            if has_record:
                self.record = read_record(folder)
            self._delete_leftovers()
        except BaseException:
            self.lock.release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()

    def _delete_leftovers(self) -> None:
        """Generations and temporary files no record names: what a killed
        writer left, or old generations a reader kept alive."""
        current = self.record["generation"] if self.record else None
        may_drop_generations = self._no_readers()
        for path in self.folder.iterdir():
            if path.name in _KEPT or path.name == current:
                continue
            if path.name.startswith("gen-") and not may_drop_generations:
                continue
            if path.name.startswith("gen-") or path.name.startswith(f".{RECORD}."):
                _remove(path)

    def _no_readers(self) -> bool:
        import fcntl

        fd = os.open(self.folder / READERS_LOCK, os.O_RDONLY | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        finally:
            os.close(fd)

    def _next_generation(self) -> str:
        numbers = [int(p.name[4:]) for p in self.folder.glob("gen-*") if p.name[4:].isdigit()]
        return f"gen-{max(numbers, default=0) + 1:06d}"

    def commit(self, nquads: bytes, *, prefixes: dict[str, str], extractions: dict) -> Loaded:
        """Load the graph (N-Quads) as a new generation, then switch the record to it."""
        import pyoxigraph

        datatypes = folded_datatypes(nquads, self.folder)
        name = self._next_generation()
        generation = self.folder / name
        try:
            store = pyoxigraph.Store(str(generation))
            store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            store.optimize()
            count = len(store)
            del store
            gc.collect()  # close RocksDB before its files are checksummed
            files = {p.name: [p.stat().st_size, file_sha256(p)] for p in _data_files(generation)}
            _fsync_tree(generation)
        except OSError as error:
            _remove(generation)
            raise OutputError(f"cannot write the store: {error.strerror or error}", path=str(self.folder)) from error
        except BaseException:
            _remove(generation)
            raise
        record = {"format": FORMAT, "version": VERSION, "generation": name, "quads": count, "files": files,
                  "prefixes": sorted([p, str(ns)] for p, ns in prefixes.items()), "datatypes": datatypes, "extractions": extractions}
        try:
            write_atomic(self.folder / RECORD, json.dumps(record, indent=1, sort_keys=True).encode() + b"\n")
        except BaseException:
            _remove(generation)
            raise
        if not was_committed(self.folder):
            write_atomic(self.folder / MARK, b"a trialgraph store: its graph is the generation " + RECORD.encode()
                         + b" names\n")
        _fsync_dir(self.folder)
        self.record = record
        self._delete_leftovers()
        return Loaded(name, count)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(folder)


XSD = "http://www.w3.org/2001/XMLSchema#"
# Oxigraph stores these datatypes as their base type (measured, pyoxigraph 0.5):
# "5"^^xsd:nonNegativeInteger comes back as "5"^^xsd:integer. SPARQL over the
# store sees the base type, as it does over any pyoxigraph Store; readers that
# want the graph exactly (validate, facts, export) get the datatype restored
# per predicate from the record.
FOLDED = {**{t: "integer" for t in (
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger", "long", "int", "short",
    "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}, "dateTimeStamp": "dateTime"}
_TYPED = re.compile(rb'^<[^>]*> <([^>]*)> ".*"\^\^<http://www\.w3\.org/2001/XMLSchema#('
                    + "|".join(sorted(set(FOLDED) | set(FOLDED.values()))).encode() + rb')> <[^>]*> \.$', re.M)


def folded_datatypes(nquads: bytes, folder: Path) -> dict[str, str]:
    """predicate -> the derived datatype Oxigraph will fold, for restoring it.
    A predicate that mixes a folded type with others cannot be restored, so
    the store refuses it rather than change the graph silently."""
    seen: dict[str, set[str]] = {}
    if not any(f"XMLSchema#{t}>".encode() in nquads for t in FOLDED):
        return {}
    for match in _TYPED.finditer(nquads):
        seen.setdefault(match.group(1).decode(), set()).add(match.group(2).decode())
    out = {}
    for predicate, types in sorted(seen.items()):
        folded = types & set(FOLDED)
        if not folded:
            continue
        if len(types) > 1:
            raise OutputError(f"the store would merge datatypes {sorted(types)} of <{predicate}>", path=str(folder),
                              hint="write a graph file with -o instead")
        out[predicate] = XSD + folded.pop()
    return out


def dataset_from_store(store, record: dict):
    """The store as an rdflib Dataset, exactly the graph the build made: folded
    datatypes restored, the build's prefixes bound."""
    from rdflib import Dataset, Literal, URIRef

    restore = {p: (URIRef(XSD + FOLDED[dt[len(XSD):]]), URIRef(dt)) for p, dt in record.get("datatypes", {}).items()}
    dataset = Dataset()
    graphs: dict = {}
    terms: dict = {}

    def iri(node):
        found = terms.get(node.value)
        if found is None:
            found = terms[node.value] = URIRef(node.value)
        return found

    for quad in store:
        obj = quad.object
        if hasattr(obj, "datatype"):
            predicate_restore = restore.get(quad.predicate.value)
            datatype = iri(obj.datatype)
            if predicate_restore is not None and datatype == predicate_restore[0]:
                datatype = predicate_restore[1]
            obj = Literal(obj.value, lang=obj.language) if obj.language else \
                Literal(obj.value, datatype=None if obj.datatype.value == _XSD_STRING else datatype)
        else:
            obj = iri(obj)
        name = getattr(quad.graph_name, "value", None)  # None: the default graph
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.graph(URIRef(name)) if name else dataset.default_graph
        graph.add((iri(quad.subject), iri(quad.predicate), obj))
    for prefix, namespace in record.get("prefixes", []):
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


_XSD_STRING = XSD + "string"
