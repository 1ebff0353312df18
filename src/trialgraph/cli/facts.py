"""`trialgraph facts`: the FACTS.md table of a built graph."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..facts import KINDS, file_facts, to_csv, to_jsonl
from ..graphfile import graph_argument
from .common import TerminalProgress, fail, graph_path, output_path, verbose_option, write_output


@click.command("facts")
@click.argument("graph", type=graph_path)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=output_path, default="-", show_default=True,
              help="where the table goes (replaced atomically); - for standard output")
@verbose_option
def command(graph: Path, fmt: str, output: Path, verbose: bool) -> None:
    """Print the facts table (FACTS.md) of GRAPH (a file, a store folder, or - for standard input)."""
    try:
        with graph_argument(graph) as path:
            with TerminalProgress(len(KINDS), "facts") as advance:
                rows = file_facts(path, progress=advance)
        write_output(output, to_jsonl(rows) if fmt == "jsonl" else to_csv(rows))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if str(output) != "-":
        click.echo(f"wrote {output} ({len(rows)} rows)", err=True)
