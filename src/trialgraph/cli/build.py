"""`trialgraph build`: release files -> validated TriG."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import TrialgraphError
from ..output import write_atomic
from ..pipeline import build, serialize_trig
from .common import EXIT_CODES, fail, verbose_option

PROGRESS_THRESHOLD = 50  # files; below this a progress bar is noise


@click.command("build", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="where to write the graph (TriG)")
@click.option("--no-validate", is_flag=True, help="skip SHACL validation")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar or summary")
@verbose_option
def command(paths: tuple[Path, ...], output: Path, no_validate: bool, quiet: bool, verbose: bool) -> None:
    """Build a graph from release files or folders (.txt, .md)."""
    try:
        def run(files):
            if quiet or len(files) < PROGRESS_THRESHOLD:
                return files
            with click.progressbar(files, label="extracting", file=sys.stderr) as items:
                return list(items)

        result = build(paths, validate=not no_validate, progress=run)
        for error in result.rejected:
            click.echo(f"error: {error.one_line()}", err=True)
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        write_atomic(output, serialize_trig(result.dataset))
        if not quiet:
            click.echo(f"wrote {output} ({len(result.extractions)} releases)", err=True)
        if result.report is not None and not result.report.conforms:
            for problem in result.report.problems:
                click.echo(f"shacl: {problem}", err=True)
            click.echo(f"the graph does not conform: {len(result.report.problems)} problems", err=True)
            sys.exit(1)
        if result.rejected:
            sys.exit(3)
    except TrialgraphError as error:
        fail(error, verbose)
