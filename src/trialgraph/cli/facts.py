"""`trialgraph facts`: the FACTS.md table of a built graph."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..facts import facts, to_csv, to_jsonl
from ..graphsource import load_for_queries
from .common import EXIT_CODES, fail, verbose_option


@click.command("facts", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@verbose_option
def command(graph: Path, fmt: str, verbose: bool) -> None:
    """Print the facts table (FACTS.md) of a built graph."""
    try:
        rows = facts(load_for_queries(graph))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    click.echo(to_jsonl(rows) if fmt == "jsonl" else to_csv(rows), nl=False)
