"""`trialgraph push`: send every named graph to a graph store (SPARQL 1.1
Graph Store HTTP Protocol), one report line per graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import RemoteError, TrialgraphError
from ..graphfile import exact_quads, graph_argument
from ..push import push
from ..remote import parse_endpoint
from .common import fail, graph_path, verbose_option

REMOTE_FAILED = RemoteError.exit_code  # the code `query --endpoint` gives an endpoint that fails


@click.command("push")
@click.argument("graph", type=graph_path)
@click.option("--endpoint", required=True, metavar="URL",
              help="the Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph) "
                   "or http://localhost:3030/ds/data (Fuseki)")
@click.option("--timeout", type=click.FloatRange(min=0.01), default=30.0, show_default=True,
              help="seconds each graph's PUT may take, from connect to the last byte of the answer")
@verbose_option
def command(graph: Path, endpoint: str, timeout: float, verbose: bool) -> None:
    """Replace each named graph of GRAPH on a graph store (HTTP PUT ?graph=IRI).

    Running it again converges: every graph is replaced, not appended to.
    Graphs that exist only on the server are left alone. Credentials, if the
    server needs them, come from the environment variable TRIALGRAPH_ENDPOINT_AUTH:
    "user:password" (HTTP Basic) or "Bearer TOKEN". They are sent only to
    the endpoint's own host; a redirect to another host is not followed.
    Each graph gets a line on stdout; exits 4 if any graph failed (as
    `query --endpoint` does when the endpoint fails).
    """
    try:
        parse_endpoint(endpoint)
        with graph_argument(graph) as path:
            quads = exact_quads(path)
        outcomes = push(quads, endpoint, timeout=timeout, report=lambda o: click.echo(o.line()))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    failed = sum(1 for o in outcomes if not o.ok)
    click.echo(f"pushed {len(outcomes) - failed} of {len(outcomes)} graphs to {endpoint}"
               + (f"; {failed} failed" if failed else ""), err=True)
    if failed:
        sys.exit(REMOTE_FAILED)
