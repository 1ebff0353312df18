"""`trialgraph query`: run a saved query (or any .rq file) on a built graph.
A thin shell over `trialgraph.queries`; parameters arrive as raw strings and
are checked and bound by the library."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError, UsageError
from ..queries import ENGINES, load, run
from ..sparql.formats import FORMATS, render, to_text
from ..sparql.confine import DEFAULT_MEMORY
from ..sparql.labels import labels
from .common import fail, verbose_option


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {pair!r} is not key=value")
        if name.strip() in params:
            raise UsageError(f"parameter {name.strip()!r} given twice")
        params[name.strip()] = value
    return params


def open_graph(graph: Path, engine: str):
    from ..graphsource import load_dataset, load_store

    return load_store(graph) if engine == "pyoxigraph" else load_dataset(graph)


QUERY_EXIT_CODES = """\b
Exit codes:
  0  the answer was printed
  1  a graph file is unreadable, or the endpoint failed or cannot be reached (as in push)
  2  usage error: an unknown query, a bad parameter, a refused or invalid query
  4  the query was stopped at its deadline or its memory limit (not a usage error)"""


@click.command("query", epilog=QUERY_EXIT_CODES)
@click.argument("name")
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.option("--endpoint", metavar="URL", default=None,
              help="run on a remote SPARQL endpoint instead of GRAPH (SPARQL 1.1 Protocol; "
                   "credentials from TRIALGRAPH_ENDPOINT_AUTH)")
@click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE",
              help="a query parameter; repeat for several (see `trialgraph queries`)")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="table", show_default=True)
@click.option("--iri", "iri_columns", is_flag=True,
              help="table: after each column of labels, a column with the IRIs (as CURIEs where possible)")
@click.option("--wide", is_flag=True, help="table: print every cell whole (cells are cut at 60 characters)")
@click.option("--engine", type=click.Choice(list(ENGINES)), default="pyoxigraph", show_default=True)
@click.option("--deadline", type=click.FloatRange(min=0.001), default=30.0, show_default=True,
              help="seconds before the query is stopped")
@click.option("--memory", "memory_mib", type=click.IntRange(min=16), default=DEFAULT_MEMORY >> 20, show_default=True,
              help="MiB the query may use before it is stopped")
@verbose_option
def command(name: str, graph: Path | None, endpoint: str | None, pairs: tuple[str, ...], fmt: str,
            iri_columns: bool, wide: bool, engine: str, deadline: float, memory_mib: int, verbose: bool) -> None:
    """Run the saved query NAME (or a path to any .rq file) on GRAPH or on --endpoint URL.

    The table format shows what people call things (a trial's name, or its
    phase and indication; a drug's, company's or endpoint's label) where the
    other formats give IRIs; --iri adds the IRIs as extra columns.
    """
    try:
        query = load(name)
        params = parse_params(pairs)
        if (graph is None) == (endpoint is None):
            raise UsageError("give either GRAPH or --endpoint URL")
        if endpoint is not None:
            from ..remote import RemoteSource

            source = RemoteSource(endpoint, timeout=deadline)
        else:
            source = open_graph(graph, engine)
        table = run(query, source, params, deadline=deadline, memory=memory_mib << 20)
        if fmt == "table":
            text = to_text(table, max_width=None if wide else 60, labels=labels(source, table),
                           iri_columns=iri_columns)
        else:
            text = render(table, fmt)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    click.echo(text, nl=False)
