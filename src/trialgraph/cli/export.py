"""`trialgraph export`: a built graph -> Turtle, TriG, N-Triples, N-Quads or JSON-LD."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..export import FORMATS, InOrderNQuads, NotInOrder, format_for, serialize
from ..graphfile import exact_quads, graph_argument, iter_exact_quads
from .common import fail, graph_path, output_path, shown, verbose_option, write_output


@click.command("export")
@click.argument("graph", type=graph_path)
@click.option("-o", "--output", type=output_path, required=True,
              help="the file to write (replaced atomically); - for standard output (give --format)")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="default: from the extension (.ttl .trig .nt .nq .jsonld)")
@verbose_option
def command(graph: Path, output: Path, fmt: str | None, verbose: bool) -> None:
    """Write GRAPH (a file, a store folder, or - for standard input) in another RDF format.

    The export holds exactly the quads of GRAPH, datatypes included.
    TriG, N-Quads and JSON-LD keep one named graph per release. Turtle and
    N-Triples hold a single graph, so they get the union of all named graphs
    (each triple once; which release stated it is lost), and `validate`,
    whose shapes are per release, does not accept such a union.
    JSON-LD embeds the context published at
    https://w3id.org/trialgraph/context.jsonld, so no reader has to fetch it.
    The same graph always gives the same bytes.
    """
    try:
        chosen = format_for(output, fmt)
        with graph_argument(graph) as path:
            count = None
            if chosen == "nq":  # a graph in canonical order streams; any other is read whole and sorted
                stream = InOrderNQuads(iter_exact_quads(path))
                try:
                    write_output(output, stream)
                    count = stream.count
                except NotInOrder:
                    pass
            if count is None:
                quads = exact_quads(path)
                write_output(output, serialize(quads, chosen))
                count = len(quads)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    click.echo(f"wrote {shown(output)} ({chosen}, {count} quads)", err=True)
