"""`trialgraph validate`: SHACL over a built graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import TrialgraphError
from ..graphsource import load_dataset
from ..validate import validate_dataset
from .common import EXIT_CODES, fail, verbose_option


@click.command("validate", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@verbose_option
def command(graph: Path, verbose: bool) -> None:
    """Validate a built graph against the SHACL shapes, one release graph at a time."""
    try:
        report = validate_dataset(load_dataset(graph))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    for problem in report.problems:
        click.echo(problem)
    if report.conforms:
        click.echo(f"conforms: {report.graphs_checked} graphs checked", err=True)
        return
    click.echo(f"does not conform: {len(report.problems)} problems in {report.graphs_checked} graphs", err=True)
    sys.exit(1)
