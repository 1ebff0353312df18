"""`trialgraph export`: a built graph -> Turtle, TriG, N-Triples, N-Quads or JSON-LD."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..export import FORMATS, format_for, serialize
from ..graphsource import load_store
from ..output import write_atomic
from .common import EXIT_CODES, fail, verbose_option


@click.command("export", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="the file to write (replaced atomically)")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="default: from the extension (.ttl .trig .nt .nq .jsonld)")
@verbose_option
def command(graph: Path, output: Path, fmt: str | None, verbose: bool) -> None:
    """Write GRAPH in another RDF format.

    TriG, N-Quads and JSON-LD keep one named graph per release. Turtle and
    N-Triples hold a single graph, so they get the union of all named graphs
    (each triple once; which release stated it is lost). JSON-LD embeds the
    context published at https://w3id.org/trialgraph/context.jsonld, so no
    reader has to fetch it. The same graph always gives the same bytes.
    """
    try:
        chosen = format_for(output, fmt)
        store = load_store(graph)
        write_atomic(output, serialize(store, chosen))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    click.echo(f"wrote {output} ({chosen}, {len(store)} quads)", err=True)
