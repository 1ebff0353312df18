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
from .drawing import map_figure, to_bytes
from .layout import layered
from .projection import Projection, narrow, project
from .sparql import select
from .style import node_color

FORMATS = ("html", "graphml", "gexf", "svg", "png")


def format_of(path: Path, fmt: str | None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    chosen = {"htm": "html"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise UsageError(f"cannot tell the output format from {Path(path).name!r}", path=str(path),
                         hint="use an extension or --format: " + ", ".join(FORMATS))
    return chosen


def build_map(store, keep_around: list[str] = ()) -> tuple[Projection, dict[str, tuple[float, float]]]:
    projection = project(store)
    missing = [node for node in keep_around if node not in projection.graph]
    if missing:
        raise UsageError(f"{missing[0]} is not a company or drug on the map")
    if keep_around:
        projection = narrow(projection, list(keep_around))
    return projection, layered(projection.graph)


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


def render(store, projection: Projection, coordinates: dict, fmt: str) -> bytes:
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml_xml(export_graph(projection, coordinates), buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(export_graph(projection, coordinates, gexf=True), buffer, encoding="utf-8", prettyprint=True)
        # networkx stamps today's date into <meta>; drop it so the bytes depend on the graph only
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    if fmt in ("svg", "png"):
        return to_bytes(map_figure(projection, coordinates), fmt)
    from .page import render_page  # the page pulls in the chart code; other formats do not need it
    return render_page(projection, coordinates, charts_of(store, projection))


def charts_of(store, projection: Projection) -> list[Chart]:
    graph = projection.graph
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    drugs = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "drug"),
                   key=lambda n: (labels[n].casefold(), n))
    return page_charts(store, drugs, labels, select(store, "results"))


def write_map(store, path: Path, *, keep_around: list[str] = (), fmt: str | None = None) -> Projection:
    chosen = format_of(path, fmt)
    projection, coordinates = build_map(store, keep_around)
    write_atomic(Path(path), render(store, projection, coordinates, chosen))
    return projection
