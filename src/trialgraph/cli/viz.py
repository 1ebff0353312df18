"""`trialgraph viz`: the map of companies -> drugs -> trials -> conditions as
an offline HTML page, GraphML/GEXF or a static SVG/PNG drawing."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError
from ..viz import FORMATS
from .common import EXIT_CODES, TerminalProgress, fail, verbose_option


@click.command("viz", epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="map.html (interactive, offline), map.graphml / map.gexf (Gephi, Cytoscape), map.svg / map.png / map.pdf (static, with legend)")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="output format (default: from the extension)")
@click.option("--drug", "drugs", multiple=True, metavar="NAME",
              help="only this drug's companies, trials and conditions; any name a release uses, or an IRI")
@click.option("--company", "companies", multiple=True, metavar="NAME",
              help="only this company's drugs, their trials and conditions")
@click.option("-q", "--quiet", is_flag=True, help="no summary line")
@verbose_option
def command(graph: Path, output: Path, fmt: str | None, drugs: tuple[str, ...], companies: tuple[str, ...],
            quiet: bool, verbose: bool) -> None:
    """Draw the map of GRAPH: companies, drugs (with designations), trials
    (coloured by phase) and conditions, sized by the releases that mention them."""
    try:
        from ..viz import write_map
        from ..viz.names import resolve_names
        from ..viz.sparql import discard, map_store
        from ..viz.writers import format_of, map_title

        format_of(output, fmt)  # refuse an unknown format before reading the graph
        store = map_store(graph, names=bool(drugs or companies))
        try:
            keep_around = resolve_names(store, drugs, companies)
        except TrialgraphError:
            discard(store)
            raise
        title = map_title(graph.name, [*drugs, *companies])
        from ..viz.writers import MAP_STEPS

        with TerminalProgress(MAP_STEPS, "map") as advance:
            projection = write_map(store, output, keep_around=keep_around, fmt=fmt, title=title, progress=advance)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if not quiet:
        g = projection.graph
        click.echo(f"wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", err=True)
