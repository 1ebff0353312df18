"""`trialgraph validate`: SHACL over a built graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import TrialgraphError
from ..graphfile import graph_argument
from ..parallel import default_workers
from ..validate import REPORT_FORMATS, file_graphs, render, validate_graphs
from .common import TerminalProgress, fail, graph_path, output_path, verbose_option, write_output


@click.command("validate")
@click.argument("graph", type=graph_path)
@click.option("-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True,
              help="text: one line per problem; turtle, json-ld: a W3C SHACL validation report (as pySHACL -f)")
@click.option("-o", "--output", type=output_path, default="-", show_default=True,
              help="where the report goes (replaced atomically); - for standard output")
@verbose_option
def command(graph: Path, fmt: str, output: Path, verbose: bool) -> None:
    """Validate GRAPH (a file, a store folder, or - for standard input)
    against the SHACL shapes, one release graph at a time."""
    try:
        with graph_argument(graph) as path:
            named, single_graph = file_graphs(path)
            with TerminalProgress(len(named), "validating") as advance:
                report = validate_graphs(named, keep_results=fmt != "text", progress=advance,
                                         workers=default_workers())
        data = render(report, fmt)
        if data or str(output) != "-":
            write_output(output, data)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if report.conforms:
        click.echo(f"conforms: {report.graphs_checked} graphs checked", err=True)
        return
    click.echo(f"does not conform: {len(report.problems)} problems in {report.graphs_checked} graphs", err=True)
    if single_graph:
        click.echo("note: GRAPH has no named graphs; the shapes check one release graph at a time, so a union "
                   "of releases (a Turtle or N-Triples export) does not conform: validate the TriG or N-Quads",
                   err=True)
    sys.exit(1)

