"""Where per-release extraction runs: this machine's process pool (`local`,
parallel.py) or the workers of a Dask cluster (`dask`).

Extraction reads one release and nothing else, so it is the part of a build
that spreads over machines; resolution, emission and writing stay in the
calling process, which receives the Extractions in input order. The output
is therefore the same bytes whichever engine extracted (tests/test_engine_dask.py).

With Dask, this process reads each input's bytes (ingest.read_raw: the size
caps and unreadable files are decided here) and sends them in chunks, so the
workers need not see its files. A worker decodes and extracts them under the
per-release time limit of this process (limits.extract_raw_with_limit; the
HTML parser's own CPU bound is the worker's) and returns them with
its code version (extraction_cache.cache_version): a worker running other
trialgraph code would extract differently, so the build stops instead.
At most a window of chunks is in flight, so memory stays bounded however many
releases there are. A worker that dies mid-task has its tasks rerun by the
scheduler; a chunk it gives up on (KilledWorker: the chunk took down
`distributed.scheduler.allowed-failures` workers) is retried one release per
task, and a release that alone still kills its worker is rejected like a bad
file. Dask is imported only here, and only when this engine runs.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import CancelledError
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError, RemoteError, UsageError
from .ingest import RawInput, read_raw
from .limits import release_seconds
from .parallel import Outcome, extract_many

ENGINES = ("local", "dask")
DASK_CHUNK = 32  # releases per task at most, as parallel.CHUNK: 0.1-0.5 s of work
DASK_CHUNK_BYTES = 4_000_000  # a chunk closes here too: Dask warns of task arguments over 10 MB
Progress = Callable[[Iterable], Iterable]


class LocalEngine:
    """Extraction in `workers` processes of this machine."""

    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = workers

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def extract(self, files: list[Path], *, progress: Progress | None = None,
                meanwhile: Callable[[], None] | None = None) -> Iterator[tuple[Path, Outcome]]:
        return extract_many(files, workers=self.workers, progress=progress, meanwhile=meanwhile)


class DaskEngine:
    """Extraction on the workers of the Dask scheduler at `address`
    ("tcp://host:8786" or "host:8786"). Use it as a context manager to keep one
    connection across calls; otherwise each extract() connects and closes.
    The connection timeout is Dask's (`distributed.comm.timeouts.connect`,
    e.g. DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s)."""

    name = "dask"

    def __init__(self, address: str, *, chunk: int = DASK_CHUNK, window: int | None = None, quiet: bool = False):
        self.address = address
        self.quiet = quiet  # Dask's own log lines (tracebacks of lost connections) not shown
        self.chunk = chunk  # at most; fewer when there are few releases per worker thread
        self.window = window  # chunks in flight; default: 4 per worker thread, at least 16
        self._client = None

    def __enter__(self) -> "DaskEngine":
        self.connect()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def connect(self) -> None:
        """Reach the scheduler: RemoteError (exit 4) if it cannot be reached,
        UsageError (exit 2) for a malformed address or Dask not installed."""
        if self._client is not None:
            return
        distributed = _import_distributed()
        import asyncio

        if self.quiet:
            _silence(distributed)

        async def probe() -> None:
            # A plain connection first: a Client that fails to start waits
            # again while it is collected and prints a traceback.
            comm = await distributed.comm.connect(self.address)
            await comm.close()

        try:
            asyncio.run(probe())
            self._client = distributed.Client(self.address, set_as_default=False)
        except ValueError as error:
            raise UsageError(f"not a Dask scheduler address: {error}", path=self.address,
                             hint="give tcp://HOST:PORT") from None
        except OSError as error:
            raise RemoteError(f"cannot reach the Dask scheduler: {error}", path=self.address,
                              hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                                   "or check the address") from None

    def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            client.close()

    def extract(self, files: list[Path], *, progress: Progress | None = None,
                meanwhile: Callable[[], None] | None = None) -> Iterator[tuple[Path, Outcome]]:
        """(path, Extraction or InputError) for every file, in the order given
        (parallel.extract_many's contract)."""
        files = list(files)
        opened = self._client is None
        self.connect()
        try:
            outcomes = self._outcomes(files, meanwhile)
            yield from zip(progress(files) if progress else files, outcomes)
        finally:
            if opened:
                self.close()

    def _outcomes(self, files: list[Path], meanwhile: Callable[[], None] | None) -> Iterator[Outcome]:
        client = self._client
        threads = _threads(client)
        window = self.window or max(16, 4 * threads)
        # a small build still spreads over every worker: up to 4 chunks per thread
        chunks = _read_chunks(files, max(1, min(self.chunk, -(-len(files) // (4 * max(threads, 1))))))
        in_flight: deque = deque()

        def submit_more() -> None:
            while len(in_flight) < window:
                items = next(chunks, None)
                if items is None:
                    return
                in_flight.append((items, self._submit([i for i in items if isinstance(i, RawInput)])))

        try:
            with self._cluster_failures():
                submit_more()
            if meanwhile:
                meanwhile()
            while in_flight:
                items, future = in_flight.popleft()
                with self._cluster_failures():
                    remote = iter(self._result(future, items))
                yield from (item if isinstance(item, InputError) else next(remote) for item in items)
                with self._cluster_failures():
                    submit_more()
        finally:
            for _, future in in_flight:  # an error or interruption: the cluster drops the rest
                if future is not None:
                    future.cancel()

    @contextmanager
    def _cluster_failures(self) -> Iterator[None]:
        """The scheduler going away (or the client losing it) as one RemoteError."""
        try:
            yield
        except (OSError, CancelledError) as error:
            first = str(error).splitlines()[0] if str(error) else ""
            raise RemoteError(f"the Dask cluster failed during the build: {type(error).__name__}: {first}",
                              path=self.address, hint="nothing was written; build again") from None

    def _submit(self, raws: list[RawInput]):
        # this process's time limit, not the worker's environment, governs the build
        return self._client.submit(extract_chunk, raws, release_seconds(), pure=False) if raws else None

    def _result(self, future, items: list) -> list[Outcome]:
        if future is None:
            return []
        from distributed import KilledWorker

        raws = [i for i in items if isinstance(i, RawInput)]
        try:
            version, outcomes = future.result()
        except KilledWorker:
            if len(raws) == 1:
                return [InputError("the Dask worker reading it died each time it was tried (a crash, or out of "
                                   "memory); skipped", path=raws[0].source)]
            # one release may be the cause: each alone, so only it is lost
            return [outcome for raw in raws for outcome in self._result(self._submit([raw]), [raw])]
        _check_version(version, self.address)
        return outcomes


def extract_chunk(raws: list[RawInput], seconds: float) -> tuple[str, list[Outcome]]:
    """Run on a Dask worker: the Extractions (or InputErrors) of `raws`, each
    under the per-release limit of `seconds`, with the worker's code version."""
    from .extraction_cache import cache_version
    from .limits import extract_raw_with_limit

    outcomes: list[Outcome] = []
    for raw in raws:
        try:
            outcomes.append(extract_raw_with_limit(raw, seconds=seconds))
        except InputError as error:
            outcomes.append(error)
    return cache_version(), outcomes


def _read_chunks(files: list[Path], size: int) -> Iterator[list]:
    """The files' RawInputs (or the InputError reading one), in order, a chunk at a time."""
    items: list = []
    held = 0
    for path in files:
        try:
            item = read_raw(path)
            held += len(item.data)
        except InputError as error:
            item = error
        items.append(item)
        if len(items) >= size or held >= DASK_CHUNK_BYTES:
            yield items
            items, held = [], 0
    if items:
        yield items


def _threads(client) -> int:
    return sum(client.nthreads().values())


def _check_version(version: str, address: str) -> None:
    from .extraction_cache import cache_version

    if version != cache_version():
        raise UsageError(f"a Dask worker runs other trialgraph code (version {version}, here {cache_version()}); "
                         "its extractions would differ", path=address,
                         hint="install this trialgraph on every worker")


def _import_distributed():
    try:
        import distributed
        import distributed.comm
    except ImportError:
        raise UsageError("--engine dask needs Dask distributed, which is not installed",
                         hint="pip install 'trialgraph[dask]'") from None
    return distributed


def _silence(distributed) -> None:
    import logging

    # Dask's logging configuration sets each of its loggers' level at import
    for name in [distributed.__name__, *logging.root.manager.loggerDict]:
        if name.split(".")[0] == distributed.__name__:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def engine_for(name: str, *, workers: int = 1, scheduler: str | None = None, quiet: bool = False):
    """The engine a command line asks for (`--engine`, `--scheduler`);
    quiet: Dask's log lines not shown (the CLI's errors are one line)."""
    if name == "local":
        if scheduler is not None:
            raise UsageError("--scheduler is for --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS", hint="e.g. --scheduler tcp://HOST:8786")
        return DaskEngine(scheduler, quiet=quiet)
    raise UsageError(f"no engine {name!r}; the engines are {', '.join(ENGINES)}")
