"""`trialgraph facts`: the FACTS.md table of a built graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import TrialgraphError
from ..facts import KINDS, facts, to_csv, to_jsonl
from ..graphfile import graph_argument, open_store
from .common import fail, graph_path, output_path, verbose_option, write_output


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
            with _Progress() as advance:
                rows = facts(open_store(path), progress=advance)
        write_output(output, to_jsonl(rows) if fmt == "jsonl" else to_csv(rows))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if str(output) != "-":
        click.echo(f"wrote {output} ({len(rows)} rows)", err=True)


class _Progress:
    """A progress bar over the fact kinds on a terminal; silent otherwise."""

    def __enter__(self):
        self._bar = None
        if sys.stderr.isatty():
            self._bar = click.progressbar(length=len(KINDS), label="facts", file=sys.stderr,
                                          item_show_func=lambda kind: kind)
            self._bar.__enter__()
        return self.advance

    def advance(self, kind: str) -> None:
        if self._bar is not None:
            self._bar.update(1, kind)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
