"""`trialgraph build`: release files -> validated TriG or N-Quads."""
from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click

from ..engines import ENGINES, engine_for
from ..errors import NoReleaseError, TrialgraphError, UsageError, printable
from ..incremental import build_target
from ..output import OutputLock, lock_path_for, write_atomic
from ..parallel import default_workers
from ..pipeline import Stopwatch, build, collect, output_format, refuse_overwriting_inputs, serialize_parts
from . import common
from .common import EXIT_CODES, fail, verbose_option

PROGRESS_THRESHOLD = 50  # files; below this a progress bar is noise


@click.command("build", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="where to write the graph: .trig (TriG) or .nq (N-Quads)")
@click.option("--into", type=click.Path(path_type=Path), help="add the releases to this graph (.trig) or store folder, "
              "reading only them (see docs/store.md)")
@click.option("--store", type=click.Path(path_type=Path), help="write the graph into this on-disk store folder")
@click.option("--no-validate", is_flag=True, help="skip SHACL validation")
@click.option("--low-memory", is_flag=True,
              help="with -o FILE.trig: keep texts, extractions and release graphs on disk beside the output "
                   "while building, for a corpus that does not fit in memory; the same graph")
@click.option("--follow-symlinks", is_flag=True,
              help="read symlinks in the input folders even where they lead outside them (skipped by default)")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="processes for extraction (--engine local), emission and validation (default: all cores); "
                   "the output is the same")
@click.option("--engine", "engine_name", type=click.Choice(ENGINES), default="local", show_default=True,
              help="where releases are extracted: this machine's processes, or the workers of a Dask cluster "
                   "(needs --scheduler; resolving and writing stay here); the output is the same")
@click.option("--scheduler", metavar="ADDRESS", help="the Dask scheduler for --engine dask, e.g. tcp://HOST:8786")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar or summary")
@verbose_option
def command(paths: tuple[Path, ...], output: Path | None, into: Path | None, store: Path | None,
            no_validate: bool, low_memory: bool, follow_symlinks: bool, workers: int | None, engine_name: str,
            scheduler: str | None, quiet: bool, verbose: bool) -> None:
    """Build a graph from release files or folders (.txt, .md, .html, .pdf)."""
    workers = workers or default_workers()
    try:
        if sum(x is not None for x in (output, into, store)) != 1:
            raise UsageError("give exactly one of -o FILE, --into GRAPH_OR_STORE, --store DIR")
        fmt = output_format(output) if output is not None else None
        if low_memory and fmt != "trig":
            raise UsageError("--low-memory builds a TriG file: give -o FILE.trig")
        if low_memory and engine_name != "local":
            raise UsageError("--low-memory extracts on this machine: use it without --engine dask")
        # a scheduler that cannot be reached stops the build before it reads anything
        with engine_for(engine_name, workers=workers, scheduler=scheduler, quiet=not verbose) as engine:
            _build(paths, output, into, store, fmt, engine, validate=not no_validate, workers=workers,
                   follow_symlinks=follow_symlinks, quiet=quiet, low_memory=low_memory)
    except NoReleaseError as error:
        for warning in error.warnings:
            say(f"warning: {warning}")
        for rejected in error.rejected:
            say(f"error: {rejected.one_line()}")
        fail(error, verbose)
    except TrialgraphError as error:
        fail(error, verbose)


def _build(paths, output: Path | None, into: Path | None, store: Path | None, fmt: str | None, engine, *,
           validate: bool, workers: int, follow_symlinks: bool, quiet: bool, low_memory: bool) -> None:
    # a mistyped or empty input stops here, before any output is touched
    clock = Stopwatch()
    inputs = collect(paths, follow_symlinks=follow_symlinks)
    clock.lap("inputs", f"{len(inputs.files)} files, {len(inputs.warnings)} skipped")
    refuse_overwriting_inputs(output or into or store, inputs)
    progress = None if quiet else progress_bar
    if output is None:
        output = into or store
        target = build_target(inputs, output, add=into is not None, validate=validate, progress=progress,
                              store=True if store else None, workers=workers, engine=engine)
        result = target.result
        counts = (f"{target.added} added, {len(target.replaced)} replaced, {target.unchanged} unchanged"
                  if into is not None else f"{len(result.extractions)} releases")
    else:
        with OutputLock(lock_path_for(output), what=output), ExitStack() as stack:  # a second build fails fast
            if low_memory:
                from ..lowmem import build_low_memory, spill_folder

                spill = stack.enter_context(spill_folder(output))
                result = build_low_memory(inputs, spill, validate=validate, progress=progress, workers=workers)
            else:
                # TriG is written from each graph's block: its triples need not stay in memory
                result = build(inputs, validate=validate, progress=progress, workers=workers, engine=engine,
                               keep_triples=fmt != "trig")
            parts = serialize_parts(result.assembly, fmt)
            write_clock = Stopwatch()
            write_atomic(output, parts)
            write_clock.lap("write", f"{sum(map(len, parts))} bytes")
            result.stages.extend(write_clock.stages)
        counts = f"{len(result.extractions)} releases"
    for error in result.rejected:
        say(f"error: {error.one_line()}")
    for warning in result.warnings:
        say(f"warning: {warning}")
    if not quiet:
        for stage in clock.stages + result.stages:
            say(stage.line())
        say(f"wrote {output} ({counts})")
    if result.report is not None and not result.report.conforms:
        for problem in result.report.problems:
            say(f"shacl: {problem}")
        say(f"the graph does not conform: {len(result.report.problems)} problems")
        sys.exit(1)
    if result.rejected:
        sys.exit(3)


def progress_bar(items):
    """`items` passed through as extraction consumes them, advancing a bar
    on a terminal (silent otherwise, and below PROGRESS_THRESHOLD items)."""
    items = list(items)
    if len(items) < PROGRESS_THRESHOLD or not common.on_terminal():
        yield from items
        return
    with click.progressbar(length=len(items), label="extracting", file=sys.stderr) as bar:
        for item in items:
            yield item
            bar.update(1)  # after the consumer is done with it


def say(line: str) -> None:
    """One line to stderr; names and labels from the inputs are printed with
    their control characters escaped."""
    click.echo(printable(line), err=True)
