"""Per-release extraction across processes.

Extraction reads one release and nothing else (extractors/__init__.py), so
it parallelises without coordination. Results come back in input order, so
the output is the same for one worker or many (tests/test_pipeline.py).
Work is sent in chunks: one task per release would spend more time
pickling than extracting.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .limits import read_and_extract_with_limit
from .model import Extraction

Outcome = Extraction | InputError
CHUNK = 32  # releases per task: ~0.1 s of work, pickling overhead stays small


def extract_file(path: Path) -> Extraction:
    # under the per-release time limit (limits.py): a pathological file is
    # reported as an InputError instead of stalling the build
    return read_and_extract_with_limit(path)


def _extract_or_error(path: Path) -> Outcome:
    try:
        return extract_file(path)
    except InputError as error:
        return error


def _extract_chunk(paths: list[Path]) -> list[Outcome]:
    return [_extract_or_error(path) for path in paths]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: list[Path], size: int) -> list[list[Path]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_many(files: list[Path], *, workers: int = 1, progress: Callable[[Iterable], Iterable] | None = None,
                 chunk: int = CHUNK) -> Iterator[tuple[Path, Outcome]]:
    """(path, Extraction or InputError) for every file, in the order given."""
    files = list(files)
    if workers <= 1 or len(files) < 2 * chunk:
        for path in (progress(files) if progress else files):
            yield path, _extract_or_error(path)
        return
    chunks = _chunks(files, chunk)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map() keeps input order; the progress bar advances a chunk at a time.
        results = pool.map(_extract_chunk, chunks)
        for chunk, outcomes in zip(progress(chunks) if progress else chunks, results):
            yield from zip(chunk, outcomes)


# --- emit and validate release graphs across processes -----------------------
#
# After resolution, each release graph depends only on its extraction and the
# (read-only) resolution. Forked workers inherit both instead of unpickling
# them, emit and screen their releases' graphs, and send back N-Triples text
# and SHACL problems: strings pickle far faster than rdflib terms.

EMIT_CHUNK = 64  # releases per task
_SHARED: dict = {}


def _emit_chunk(bounds: tuple[int, int]) -> list[tuple[str, list, list[str] | None]]:
    from .quads import QuadSink, TermWriter
    from .rdf import emit_release
    from .validate import check_triples

    extractions, resolution, validate = _SHARED["extractions"], _SHARED["resolution"], _SHARED["validate"]
    term = TermWriter()
    out = []
    for extraction in extractions[bounds[0]:bounds[1]]:
        sink = QuadSink()
        emit_release(sink, extraction, resolution)
        for name, graph in sink.graphs.items():
            triples = list(graph)
            problems = check_triples(str(name).rsplit("/", 1)[-1], triples) if validate else None
            out.append((str(name), sorted({(term(s), term(p), term(o)) for s, p, o in triples}), problems))
    return out


def emit_releases_parallel(sink, extractions: list, resolution, *, workers: int, validate: bool) -> dict:
    """Emit every release graph into `sink` (pre-rendered) using `workers`
    forked processes; returns {graph IRI: SHACL problems} when validating."""
    import multiprocessing

    from rdflib import URIRef

    ordered = sorted(extractions, key=lambda e: e.document.doc_id)
    bounds = [(i, min(i + EMIT_CHUNK, len(ordered))) for i in range(0, len(ordered), EMIT_CHUNK)]
    _SHARED.update(extractions=ordered, resolution=resolution, validate=validate)
    problems: dict = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_emit_chunk, bounds):
                for name, rendered, found in chunk:
                    iri = URIRef(name)
                    sink.graph(iri).set_rendered(rendered)
                    if found is not None:
                        problems[iri] = found
    finally:
        _SHARED.clear()
    return problems


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
