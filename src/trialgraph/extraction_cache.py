"""The per-release extraction cache that makes incremental builds possible.

One JSON file per release holds its `Extraction` (the document text
included: resolution reads it). JSON rather than pickle because the cache sits
beside user outputs and loading a pickle runs code; the codec below rebuilds
the frozen dataclasses from their type hints, keeping ints, floats and
strings exactly as extracted so a cached release emits the same bytes as a
freshly read one.

Entries are named by hashes of the release id and the input's SHA-256, so a
changed release gets a new entry and the old one stays valid until the index
that names it is replaced. The index ({"cache_version", "releases": {doc id:
{sha256, entry, source}}}) is what a graph was built from.

`cache_version()` hashes this package's code and lexicons: any change to the
code that could change an extraction invalidates every entry. Stale entries
are re-extracted from their recorded source file when its bytes still hash the
same, otherwise the build stops and asks for a full rebuild.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import types
import typing
from enum import Enum
from functools import lru_cache
from pathlib import Path

from . import __version__, model
from .errors import GraphError, OutputError
from .output import file_sha256, read_json_file, write_atomic

CACHE_FORMAT = 1  # bump when the entry layout changes
FOLDER_FILES = ("index.json", "graph-state")  # in the cache folder beside the entries (graph_state.py)


@lru_cache(maxsize=1)
def cache_version() -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc" \
                and "cli" not in path.relative_to(package).parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def entry_name(doc_id: str, sha256: str) -> str:
    return f"{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}-{sha256[:16]}.json"


# ------------------------------------------------------------------ the codec

def encode(value):
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return [[encode(k), encode(v)] for k, v in value.items()]  # keys may be Spans
    return value


@lru_cache(maxsize=None)
def _hints(cls) -> dict:
    return typing.get_type_hints(cls, vars(model))


def decode(hint, value):
    return _decoder(hint)(value)


def _plain(value):
    return value  # str, int, float, bool: JSON keeps them as they were


@lru_cache(maxsize=None)
def _decoder(hint):
    """decode() for one type hint, worked out once: an incremental build that
    re-emits 900 releases decoded 440k values, and asking `typing` what each
    hint is, every time, was most of that."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _plain
    if origin in (tuple, list):
        item = _decoder(typing.get_args(hint)[0])
        if item is _plain:
            return lambda value: None if value is None else origin(value)
        return lambda value: None if value is None else origin(item(v) for v in value)
    if origin is dict:
        key, item = map(_decoder, typing.get_args(hint))
        return lambda value: None if value is None else {key(k): item(v) for k, v in value}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        fields = {name: _decoder(field) for name, field in _hints(hint).items()}
        return lambda value: None if value is None else hint(**{name: fields[name](v) for name, v in value.items()})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda value: None if value is None else hint(value)
    return _plain


# ------------------------------------------------------------------ the store of entries

class ExtractionCache:
    """A folder of entries plus the index a graph was built from."""

    def __init__(self, folder: Path, index: dict | None):
        self.folder = Path(folder)
        self.index = index or {"cache_version": cache_version(), "releases": {}}
        self.index.setdefault("releases", {})
        self._unsynced: list[Path] = []  # entries save() wrote, made durable by sync()

    @property
    def current(self) -> bool:
        return self.index.get("cache_version") == cache_version()

    def load(self, doc_id: str) -> model.Extraction:
        info = self.index["releases"][doc_id]
        path = self.folder / info["entry"]
        try:
            data = read_json_file(path)  # never blocks on a FIFO in its place
            if not isinstance(data, dict) or data.get("cache_version") != self.index["cache_version"] or data.get("doc_id") != doc_id:
                raise ValueError("entry does not match the index")
            return decode(model.Extraction, data["extraction"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GraphError(f"the extraction cache entry of {doc_id} is missing or corrupt ({error})",
                             path=str(path), hint="rebuild without --into") from error

    def save(self, extraction: model.Extraction, sha256: str, source: Path) -> dict:
        doc_id = extraction.document.doc_id
        name = entry_name(doc_id, sha256)
        data = {"cache_version": cache_version(), "doc_id": doc_id, "sha256": sha256,
                "extraction": encode(extraction)}
        # delete_unreferenced() sweeps the folder's dead temp files once per build
        write_atomic(self.folder / name, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                     sweep=False, durable=False)
        self._unsynced.append(self.folder / name)
        return {"sha256": sha256, "entry": name, "source": str(Path(source).resolve())}

    def sync(self) -> None:
        """Make the entries save() wrote durable, before an index names them.
        One fsync per entry as it was written cost a journal commit each (0.19 s
        for 100 entries here); after all are written, the first commit carries
        the rest (0.03 s)."""
        for path in self._unsynced:
            try:
                handle = os.open(path, os.O_RDONLY)
            except OSError as error:
                raise OutputError(f"cannot write: {error.strerror}", path=str(path)) from error
            try:
                os.fsync(handle)
            except OSError as error:
                raise OutputError(f"cannot write: {error.strerror}", path=str(path)) from error
            finally:
                os.close(handle)
        self._unsynced.clear()

    def delete_unreferenced(self) -> None:
        """Entries no index names, and temp files a killed run left."""
        if not self.folder.is_dir():
            return
        keep = {info["entry"] for info in self.index["releases"].values()}
        for path in self.folder.iterdir():
            if path.name not in keep and path.name not in FOLDER_FILES:
                try:
                    path.unlink()
                except OSError:
                    pass
