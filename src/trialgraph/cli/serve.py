"""`trialgraph serve`: a read-only SPARQL endpoint on 127.0.0.1."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..graphsource import load_store
from ..serve import make_server
from ..sparql.confine import DEFAULT_MEMORY
from .common import EXIT_CODES, fail, verbose_option


@click.command("serve", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="the port on 127.0.0.1 (0: any free port)")
@click.option("--deadline", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="seconds before a query is stopped")
@click.option("--row-cap", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="answers with more rows are refused with an error, never cut")
@click.option("--memory", "memory_mib", type=click.IntRange(min=16), default=DEFAULT_MEMORY >> 20, show_default=True,
              help="MiB a query may use; a query that needs more is stopped with a 503")
@verbose_option
def command(graph: Path, port: int, deadline: float, row_cap: int, memory_mib: int, verbose: bool) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint at http://127.0.0.1:PORT/sparql.

    Only this machine can reach it (127.0.0.1). SELECT queries only; updates,
    Graph Store writes, SERVICE/FROM/LOAD and requests with a foreign Host or
    Origin header are refused. Each request (reading, running, answering) must
    finish within --deadline; queries run in a process without network access.
    --port 0 picks a free port and prints it. Ctrl-C stops it.
    """
    try:
        server = make_server(load_store(graph), port, deadline=deadline, row_cap=row_cap, memory=memory_mib << 20)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    click.echo(f"serving {graph} read-only at {server.url} (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
