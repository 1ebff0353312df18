"""Builds that write into a target kept between runs: a graph file with its
extraction cache beside it, or a store folder (store.py) holding its cache.

    build_target(paths, target, add=True)   `build NEW... --into TARGET`
    build_target(paths, target, add=False)  `build PATHS... --store DIR`

With add=True only the NEW files are read: every other release comes from the
cache. A release whose id is already there replaces it (its named graph and
facts go), and resolution runs again over all cached extractions, so a new
alias joins an entity an older release defined. The graph written is the one a
full build of the same releases writes, byte for byte.

Commit order, so that a kill at any point leaves the previous graph intact:
new cache entries (ignored until named) -> the graph and the index, in one
rename for a store, index then graph for a file -> delete what nothing names.
For a file, a kill between the index and the graph leaves an index ahead of
the graph; the next run builds from that index, so nothing asked for is lost.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import store as disk_store
from .errors import GraphError, InputError, UsageError
from .extraction_cache import ExtractionCache, cache_version
from .ingest import safe_doc_id
from .output import OutputLock, file_sha256, lock_path_for, write_atomic
from .pipeline import BuildResult, assemble, collect, extract_files, serialize_trig, validate_assembly

GRAPH_FILE_SUFFIXES = {".trig", ".nq", ".nquads"}


def is_store_target(target: Path) -> bool:
    """An existing folder, or a new path without a graph-file suffix."""
    target = Path(target)
    if target.exists():
        return target.is_dir()
    return target.suffix.lower() not in GRAPH_FILE_SUFFIXES


def cache_folder_for(graph_file: Path) -> Path:
    graph_file = Path(graph_file)
    return graph_file.parent / f"{graph_file.name}.cache"


@dataclass
class TargetBuild:
    result: BuildResult
    read: int  # input files read this run
    reused: int  # releases taken from the cache
    replaced: list[str]  # release ids whose older version was replaced


def build_target(paths, target: Path, *, add: bool, validate: bool = True, workers: int = 1,
                 progress=None, store: bool | None = None) -> TargetBuild:
    """store=None: a store if `is_store_target` says so; True/False forces it."""
    target = Path(target)
    if store if store is not None else is_store_target(target):
        with disk_store.StoreWriter(target) as writer:
            committed = writer.record.get("extractions") if writer.record else None
            cache = ExtractionCache(target / disk_store.EXTRACTIONS, committed if add else None)
            try:
                built = _build(paths, cache, validate=validate, workers=workers, progress=progress)
                writer.commit(built.result.assembly.quads.to_nquads(), prefixes=built.result.assembly.quads.prefixes,
                              extractions=cache.index)
            except BaseException:
                ExtractionCache(cache.folder, committed).delete_unreferenced()  # what this run wrote
                raise
            cache.delete_unreferenced()
            return built
    if target.suffix.lower() != ".trig":
        raise UsageError("an incremental graph file must be TriG (.trig); use a folder for a store",
                         path=str(target))
    folder = cache_folder_for(target)
    with OutputLock(lock_path_for(target), what=target):
        committed = _file_index(target, folder, strict=add)
        cache = ExtractionCache(folder, committed if add else None)
        index_written = False
        try:
            built = _build(paths, cache, validate=validate, workers=workers, progress=progress)
            write_atomic(folder / "index.json", json.dumps(cache.index, indent=1, sort_keys=True).encode() + b"\n")
            index_written = True
            write_atomic(target, serialize_trig(built.result.assembly))
        except BaseException:
            if not index_written:  # else the new index is the intent, ahead of the graph: keep its entries
                ExtractionCache(folder, committed).delete_unreferenced()
            raise
        cache.delete_unreferenced()
        return built


def _file_index(target: Path, folder: Path, *, strict: bool) -> dict | None:
    index_path = folder / "index.json"
    if not index_path.exists():
        if target.exists() and strict:
            raise UsageError(f"no extraction cache beside it ({folder.name}/): it was not built with --into, "
                             f"so its releases cannot be kept without re-reading them", path=str(target),
                             hint="build it once with --into, then add releases")
        return None
    try:
        index = json.loads(index_path.read_bytes())
        index["releases"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GraphError("the extraction cache index is corrupt", path=str(index_path),
                         hint="rebuild without --into") from error
    return index


def _build(paths, cache: ExtractionCache, *, validate: bool, workers: int, progress) -> TargetBuild:
    files, rejected = collect(paths)
    releases: dict = cache.index["releases"]
    old_ids = {doc_id.lower(): doc_id for doc_id in releases}
    wanted: list = []  # (path, sha256) to extract
    kept: dict[str, object] = {}  # doc id -> cached Extraction to reuse
    replaced: list[str] = []
    new_keys: set[str] = set()
    for path in files:
        try:
            sha = file_sha256(path)
        except OSError as error:
            rejected.append(InputError(f"cannot read: {error.strerror}", path=str(path)))
            continue
        key = safe_doc_id(path.stem).lower()
        new_keys.add(key)
        old = old_ids.get(key)
        if old is not None and releases[old]["sha256"] == sha and cache.current:
            kept[old] = cache.load(old)
            continue
        if old is not None:
            replaced.append(old)
        wanted.append((path, sha))
    stale = not cache.current
    for key, doc_id in sorted(old_ids.items()):
        if key in new_keys:
            continue
        if not stale:
            kept[doc_id] = cache.load(doc_id)
            continue
        source = Path(releases[doc_id]["source"])
        if not source.is_file() or file_sha256(source) != releases[doc_id]["sha256"]:
            raise UsageError(f"the extraction cache was made by another trialgraph version and the source of "
                             f"{doc_id} ({source}) is gone or changed", hint="rebuild from all releases without --into")
        wanted.append((source, releases[doc_id]["sha256"]))

    extracted = extract_files([p for p, _ in wanted], workers=workers, progress=progress)
    by_id = {e.document.doc_id: e for e in extracted.extractions}
    fresh_index = {"cache_version": cache_version(), "releases": {}}
    for path, sha in wanted:
        extraction = by_id.get(safe_doc_id(path.stem))
        if extraction is not None:
            fresh_index["releases"][extraction.document.doc_id] = cache.save(extraction, sha, path)
    for doc_id in kept:
        fresh_index["releases"][doc_id] = releases[doc_id]
    # A rejected new version leaves its older release in place (the error says why).
    for error in extracted.rejected:
        key = safe_doc_id(Path(error.path).stem).lower() if error.path else None
        old = old_ids.get(key) if key else None
        if old is not None and old not in fresh_index["releases"] and not stale:
            fresh_index["releases"][old] = releases[old]
            kept[old] = cache.load(old)
            if old in replaced:
                replaced.remove(old)
    extractions = list(extracted.extractions) + list(kept.values())
    extractions.sort(key=lambda e: e.document.doc_id)
    fresh_index["releases"] = dict(sorted(fresh_index["releases"].items()))
    cache.index = fresh_index

    assembly = assemble(extractions)
    report = validate_assembly(assembly, workers=workers) if validate else None
    result = BuildResult(assembly, extractions, rejected + extracted.rejected, extracted.warnings, report)
    return TargetBuild(result, read=len(wanted), reused=len(kept), replaced=sorted(replaced))
