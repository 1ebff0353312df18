"""Every output of `trialgraph viz`, chosen by the extension of -o:
.html (interactive page), .graphml / .gexf (networkx, for Gephi and
Cytoscape), .svg / .png (static drawing). All deterministic, all written
with output.write_atomic."""
from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx

from ..charts import Chart, page_charts
from ..errors import UsageError
from ..output import write_atomic
from .layout import layered
from .projection import KINDS, Projection, narrow, project
from .sparql import rows_shared, select
from .style import COLUMN_TITLES, node_color

FORMATS = ("html", "graphml", "gexf", "svg", "png", "pdf")


def format_of(path: Path, fmt: str | None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    chosen = {"htm": "html"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise UsageError(f"cannot tell the output format from {Path(path).name!r}", path=str(path),
                         hint="use an extension or --format: " + ", ".join(FORMATS))
    return chosen


def build_map(store, keep_around: list[str] = ()) -> tuple[Projection, dict[str, tuple[float, float]]]:
    projection = projected(store, keep_around)
    return projection, layered(projection.graph)


def projected(store, keep_around: list[str] = (), drawn=None) -> Projection:
    """`drawn`: see project(); not called when the map is narrowed (its graph is another)."""
    projection = project(store, None if keep_around else drawn)
    missing = [node for node in keep_around if node not in projection.graph]
    if missing:
        raise UsageError(f"{missing[0]} is not a company or drug on the map")
    if keep_around:
        projection = narrow(projection, list(keep_around))
    return projection


def export_graph(projection: Projection, coordinates: dict, *, gexf: bool = False) -> nx.DiGraph:
    """A copy with only strings and numbers as attributes, nodes and edges in
    sorted order (networkx writes them in insertion order)."""
    graph = projection.graph
    out = nx.DiGraph()
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        x, y = coordinates[node]
        attrs = {"kind": data["kind"], "label": data["label"], "names": "|".join(data["names"]),
                 "releases": int(data["releases"]), "phase": data["phase"],
                 "designations": "|".join(data["designations"]), "x": float(x), "y": float(y)}
        if gexf:
            colour = node_color(data).lstrip("#")
            r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
            attrs["viz"] = {"position": {"x": float(x), "y": -float(y), "z": 0.0},
                            "color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": float(2 + data["releases"])}
        out.add_node(node, **attrs)
    out.add_edges_from(sorted(graph.edges))
    return out


def without_isolates(projection: Projection) -> Projection:
    """The map without nodes that link to nothing (comparators and prior
    therapies named once): in a picture they only lengthen the drug column."""
    graph = projection.graph
    keep = [n for n in graph.nodes if graph.degree(n) > 0]
    return Projection(graph.subgraph(keep).copy(), projection.facts, projection.evidence, projection.releases)


_SINGULAR = {"company": "company", "drug": "drug", "trial": "trial", "condition": "condition"}


def map_subtitle(shown: Projection, drawn: Projection) -> str:
    """Counts of what the drawing shows, the releases behind it, and the names left out."""
    counts = {kind: 0 for kind in KINDS}
    for _, data in drawn.graph.nodes(data=True):
        counts[data["kind"]] += 1
    text = ", ".join(f"{counts[k]} {_SINGULAR[k] if counts[k] == 1 else COLUMN_TITLES[k].lower()}" for k in KINDS)
    text += f" from {shown.releases} release{'s' if shown.releases != 1 else ''}"
    hidden = shown.graph.number_of_nodes() - drawn.graph.number_of_nodes()
    if hidden:
        text += f"; {hidden} unlinked name{'s' if hidden != 1 else ''} (comparators, prior therapies) not drawn"
    return text


def map_title(source: str, filters: list[str]) -> str:
    """What corpus and which filter the map shows, for its title."""
    return f"{source}: " + ("only what links to " + " and ".join(filters) if filters else "all companies and drugs")


def render(store, projection: Projection, coordinates: dict, fmt: str, title: str = "trialgraph map") -> bytes:
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml_xml(export_graph(projection, coordinates), buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(export_graph(projection, coordinates, gexf=True), buffer, encoding="utf-8", prettyprint=True)
        # networkx stamps today's date into <meta>; drop it so the bytes depend on the graph only
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    if fmt in ("svg", "png", "pdf"):
        from .drawing import map_figure, to_bytes  # matplotlib: only the static drawings need it

        linked = without_isolates(projection)
        return to_bytes(map_figure(linked, layered(linked.graph), title, map_subtitle(projection, linked)), fmt)
    from .page import render_page, side_parts  # the page pulls in the chart code; other formats do not need it
    return b"".join(render_page(projection, coordinates, lambda: side_parts(projection, charts_of(store, projection),
                                                                            timelines_of(store, projection)), title))


def html_page(store, projection: Projection, title: str, layout=None) -> list[bytes]:
    """render(..., "html") with the page's side parts (evidence, charts,
    timelines) computed in a forked process while this one lays the map out
    and encodes it: at 10,000 realistic releases they were a third of what
    followed the queries. `layout`: a Forked layered(projection.graph)
    started before the projection's facts were collected (write_map). The
    page comes as pieces (render_page)."""
    from ..forked import Forked
    from .page import render_page, side_parts

    if layout is None:
        nodes_from = None
        side = Forked(lambda: side_parts(projection, charts_of(store, projection), timelines_of(store, projection)))
        coordinates = layered(projection.graph)
    else:  # laid out already: the forked process also encodes the last part of the map's nodes
        coordinates = layout.result()
        nodes_from = round(projection.graph.number_of_nodes() * NODES_HERE)
        side = Forked(lambda: side_parts(projection, charts_of(store, projection), timelines_of(store, projection),
                                         coordinates, nodes_from))
    # side.result, not its value: this process encodes its share before it waits for the side parts
    return render_page(projection, coordinates, side.result, title, nodes_from)


NODES_HERE = 0.9  # the share of the map's nodes html_page encodes itself while the side parts are encoded apart


def charts_of(store, projection: Projection) -> list[Chart]:
    graph = projection.graph
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    drugs = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "drug"),
                   key=lambda n: (labels[n].casefold(), n))
    return page_charts(store, drugs, labels, select(store, "results"))


PAGE_TIMELINES = 40  # companies whose lanes the page shows


def timelines_of(store, projection: Projection) -> list:
    """The swim lanes of the companies on the map with the most dated marks
    (at most PAGE_TIMELINES; `trialgraph chart timeline --company` draws any)."""
    from .lanes import all_lanes

    graph = projection.graph
    labels = {node: data.get("display") or data["label"] for node, data in graph.nodes(data=True)}
    companies = [n for n, d in graph.nodes(data=True) if d["kind"] == "company"]
    found = all_lanes(store, labels, companies).values()
    busiest = sorted(found, key=lambda lanes: (-sum(len(lane.marks) for lane in lanes.lanes), lanes.company))
    return sorted(busiest[:PAGE_TIMELINES], key=lambda lanes: (lanes.label.casefold(), lanes.company))


# the map's queries, in two sets of about equal cost (query and conversion) read in parallel
PREFETCH = (("names", "evidence"),
            ("mentions", "companies", "trials", "designations", "developers", "results", "milestones", "releases"))
MAP_STEPS = 3  # the steps write_map reports to `progress`


def write_map(store, path: Path, *, keep_around: list[str] = (), fmt: str | None = None,
              title: str = "trialgraph map", progress=None) -> Projection:
    advance = progress or (lambda step: None)
    chosen = format_of(path, fmt)
    from ..collector import paused_gc
    from ..forked import Forked

    layout = []  # the page's layout, computed in a forked process while the projection collects its facts

    def drawn(graph) -> None:
        layout.append(Forked(lambda: layered(graph)))

    try:
        with paused_gc(), rows_shared(store, PREFETCH):  # forked processes inherit the pause
            projection = projected(store, keep_around, drawn if chosen == "html" else None)
            advance("projected")
            if chosen == "html":
                data = html_page(store, projection, title, layout[0] if layout else None)
            else:
                data = render(store, projection, layered(projection.graph), chosen, title)
    finally:
        for process in layout:
            process.cancel()  # read already, or nobody will read it
    advance("drawn")
    write_atomic(Path(path), data)
    advance("written")
    return projection
