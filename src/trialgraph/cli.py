"""The trialgraph command line: thin click commands over the library.

Exit codes: 0 ok; 1 the graph does not conform (or a graph file is unreadable);
2 usage or configuration error; 3 one or more inputs were rejected.
"""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click
from rdflib import Dataset

from . import __version__
from .errors import GraphError, TrialgraphError, UsageError
from .facts import facts, to_csv, to_jsonl
from .output import write_atomic
from .pipeline import build, serialize_trig
from .validate import validate_dataset

PROGRESS_THRESHOLD = 50  # files; below this a progress bar is noise

EXIT_CODES = """\b
Exit codes:
  0  success; the graph conforms to the SHACL shapes
  1  the graph does not conform (report printed), or a graph file is unreadable
  2  usage or configuration error
  3  one or more input files were rejected (the rest was still built)"""


def _fail(error: TrialgraphError, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    click.echo(f"error: {error.one_line()}", err=True)
    sys.exit(error.exit_code)


def load_graph(path: Path) -> Dataset:
    if not path.exists():
        raise UsageError("no such graph file", path=str(path))
    dataset = Dataset()
    try:
        dataset.parse(path, format="trig" if path.suffix in (".trig", ".ttl") else None)
    except Exception as error:  # rdflib raises many parser types; all mean the same here
        raise GraphError(f"cannot read the graph: {str(error).splitlines()[0][:200]}", path=str(path)) from error
    return dataset


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="trialgraph")
def main() -> None:
    """Turn clinical-development press releases into a validated RDF knowledge graph."""


@main.command("build", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="where to write the graph (TriG)")
@click.option("--no-validate", is_flag=True, help="skip SHACL validation")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar or summary")
@click.option("-v", "--verbose", is_flag=True, help="show tracebacks")
def build_command(paths: tuple[Path, ...], output: Path, no_validate: bool, quiet: bool, verbose: bool) -> None:
    """Build a graph from release files or folders (.txt, .md)."""
    try:
        def progress(files):
            if quiet or len(files) < PROGRESS_THRESHOLD:
                return files
            return click.progressbar(files, label="extracting", file=sys.stderr)

        def run(files):
            bar = progress(files)
            if bar is files:
                return files
            with bar as items:
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
        _fail(error, verbose)


@main.command("validate", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="show tracebacks")
def validate_command(graph: Path, verbose: bool) -> None:
    """Validate a built graph against the SHACL shapes, one release graph at a time."""
    try:
        report = validate_dataset(load_graph(graph))
    except TrialgraphError as error:
        _fail(error, verbose)
        return
    for problem in report.problems:
        click.echo(problem)
    if report.conforms:
        click.echo(f"conforms: {report.graphs_checked} graphs checked", err=True)
        return
    click.echo(f"does not conform: {len(report.problems)} problems in {report.graphs_checked} graphs", err=True)
    sys.exit(1)


@main.command("facts", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="show tracebacks")
def facts_command(graph: Path, fmt: str, verbose: bool) -> None:
    """Print the facts table (FACTS.md) of a built graph."""
    try:
        rows = facts(load_graph(graph))
    except TrialgraphError as error:
        _fail(error, verbose)
        return
    click.echo(to_jsonl(rows) if fmt == "jsonl" else to_csv(rows), nl=False)


if __name__ == "__main__":
    main()
