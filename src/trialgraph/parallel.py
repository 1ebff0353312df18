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
from itertools import chain
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
                 chunk: int = CHUNK, meanwhile: Callable[[], None] | None = None) -> Iterator[tuple[Path, Outcome]]:
    """(path, Extraction or InputError) for every file, in the order given.
    progress(files): an iterable of the same files that advances a display
    as the caller takes each (cli/build.py progress_bar).
    meanwhile(): other work for this process, done while the workers extract
    (after they have forked, so they do not inherit what it loads)."""
    files = list(files)
    if workers <= 1 or len(files) < 2 * chunk:
        if meanwhile:
            meanwhile()
        for path in (progress(files) if progress else files):
            yield path, _extract_or_error(path)
        return
    # The first release is read here, before the workers fork: they inherit
    # the extractors' compiled patterns and lexicons instead of each building
    # them on its first release (0.56 CPU-s apiece; adding 100 realistic
    # releases, a fifth of extracting them).
    first = _extract_or_error(files[0])
    # A small batch still spreads evenly: up to 4 chunks per worker (as engines.py
    # does for Dask). 99 releases in chunks of 32 left one worker 64, the other 35.
    chunks = _chunks(files[1:], max(1, min(chunk, -(-(len(files) - 1) // (4 * workers)))))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map() keeps input order; results arrive a chunk at a time
        results = pool.map(_extract_chunk, chunks)
        if meanwhile:
            meanwhile()
        outcomes = chain([first], (outcome for chunk_outcomes in results for outcome in chunk_outcomes))
        # progress(files) first in zip: a file counts as done once its outcome is taken
        yield from zip(progress(files) if progress else files, outcomes)
