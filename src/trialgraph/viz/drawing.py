"""Static drawings with matplotlib's object API (no pyplot, no global state):
charts and the map as SVG, PNG or PDF, byte-identical for the same input
(the company swim lanes are in lane_drawing.py).

Determinism: a fixed svg.hashsalt (clip-path ids), no dates or software
versions in the metadata, fonts kept as text in SVG (svg.fonttype none).
Labels from releases are plain text: mathtext is off, so a `$` in a drug
name is a dollar sign."""
from __future__ import annotations

import io
import textwrap

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from ..charts import Chart
from .facts import DESIGNATION_BADGES, DESIGNATION_NAMES
from .projection import KINDS, Projection
from .style import (COLUMN_TITLES, KIND_COLORS, LEGEND_WRAP, PHASE_COLORS, TITLE_WRAP, UNKNOWN_PHASE, node_color,
                    node_radius, phase_order, value_text)

RC = {
    "svg.hashsalt": "trialgraph",
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
}
FORMATS = ("svg", "png", "pdf")


def to_bytes(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        if fmt == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        elif fmt == "pdf":
            figure.savefig(buffer, format="pdf", metadata={"CreationDate": None, "Creator": None, "Producer": None})
        else:
            figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def chart_figure(chart: Chart) -> Figure:
    """One panel per row pair, at most two across, so text stays at its set
    size when the figure is shown at its natural width (page or deck)."""
    with matplotlib.rc_context(RC):
        count = len(chart.panels)
        columns = min(count, 2)
        rows = (count + columns - 1) // columns
        legend_lines = max((_legend_lines(panel) for panel in chart.panels), default=0)
        panel_height = 3.4 + 0.19 * legend_lines
        figure = Figure(figsize=(5.6 * columns, panel_height * rows + 0.5), layout="constrained")
        figure.suptitle(chart.title, fontsize=12)
        axes = figure.subplots(rows, columns, squeeze=False)
        for index, panel in enumerate(chart.panels):
            _draw_panel(axes[index // columns][index % columns], panel)
        for index in range(count, rows * columns):
            axes[index // columns][index % columns].set_visible(False)
    return figure


def _legend_lines(panel) -> int:
    return sum(len(textwrap.wrap(series.label, LEGEND_WRAP)) or 1 for series in panel.series)


def _draw_panel(ax, panel) -> None:
    values = [y for series in panel.series for _, y in series.points]
    for series in panel.series:
        xs = [x for x, _ in series.points]
        ys = [y for _, y in series.points]
        (line,) = ax.plot(xs, ys, marker="o", linewidth=1.6, markersize=5,
                          label="\n".join(textwrap.wrap(series.label, LEGEND_WRAP)) or series.label)
        for x, y in series.points:
            # every point carries its value: a deck reader cannot hover
            ax.annotate(value_text(y, panel.y_unit), (x, y), xytext=(0, 6), textcoords="offset points",
                        ha="center", va="bottom", fontsize=9, color=line.get_color())
    ax.set_title("\n".join(textwrap.fill(line, TITLE_WRAP) for line in panel.title.split("\n")), fontsize=11)
    ax.set_xlabel(panel.x_label)
    ax.set_ylabel(panel.y_label)
    ax.grid(True, linewidth=0.4, alpha=0.5)
    top = max(values, default=1.0)
    if panel.y_unit == "%":
        # a rate axis cut to 24-30 % turns a 6-point difference into a cliff
        ax.set_ylim(0, max(100.0, top * 1.08))
    elif min(values, default=0.0) >= 0:
        ax.set_ylim(0, top * 1.18 if top > 0 else 1.0)
    if panel.dates:
        locator = AutoDateLocator(minticks=3, maxticks=7)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.margins(x=0.08)
    else:
        right = max((x for series in panel.series for x, _ in series.points), default=1.0)
        ax.set_xlim(0, right * 1.12 if right > 0 else 1.0)
    if panel.series:
        ax.legend(fontsize=9, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1)


MAP_WIDTH = 16.0  # inches: a 16:9 slide at its native size, so 9-pt text stays 9 pt
MAP_FONT = 9.0
DESIGNATION_RING = "#e0a100"


def map_figure(projection: Projection, coordinates: dict[str, tuple[float, float]], title: str,
               subtitle: str = "") -> Figure:
    """The layered map (same coordinates as the HTML page, y pointing down),
    a title saying what it shows, and a legend for colours, sizes and badges.
    Labels start right of their node's edge and are shortened until they end
    before the next column's nodes, so none covers a node."""
    graph = projection.graph
    with matplotlib.rc_context(RC):
        height = max((y for _, y in coordinates.values()), default=100.0) + 40.0
        map_inches = max(2.5, height / 55.0)
        legend_inches = 1.35
        top_inches = 0.75
        figure = Figure(figsize=(MAP_WIDTH, map_inches + legend_inches + top_inches))
        total = map_inches + legend_inches + top_inches
        figure.text(0.01, 1 - 0.28 / total, title, fontsize=14, weight="bold", va="center")
        if subtitle:
            figure.text(0.01, 1 - 0.58 / total, subtitle, fontsize=10, color="#5d6675", va="center")
        ax = figure.add_axes((0.0, legend_inches / total, 1.0, map_inches / total))
        ax.set_xlim(0, 1500)
        ax.set_ylim(height, 0)
        ax.axis("off")
        columns = {}
        for kind in KINDS:
            xs = [coordinates[n][0] for n, d in graph.nodes(data=True) if d["kind"] == kind]
            if xs:
                columns[kind] = xs[0]
                ax.text(xs[0], 14, COLUMN_TITLES[kind], ha="center", fontsize=11, color="#5d6675", weight="bold")
        for source, target in sorted(graph.edges):
            (x1, y1), (x2, y2) = coordinates[source], coordinates[target]
            ax.plot([x1, x2], [y1, y2], color="#c5ccd6", linewidth=0.8, zorder=1)
        for node in sorted(graph.nodes):
            data = graph.nodes[node]
            x, y = coordinates[node]
            ax.scatter([x], [y], s=marker_diameter(data["releases"]) ** 2, color=node_color(data),
                       edgecolors=DESIGNATION_RING if data["designations"] else "white", linewidths=1.5, zorder=2)
        _place_labels(figure, ax, graph, coordinates, columns)
        _map_legend(figure, graph, legend_inches / total)
    return figure


def marker_diameter(releases: int) -> float:
    """Points; the same area rule as the page's radius."""
    return node_radius(releases) * 1.6


def _label_text(data: dict, text: str) -> str:
    if data["designations"]:
        text += "  [" + " ".join(DESIGNATION_BADGES.get(d, d) for d in data["designations"]) + "]"
    return text


def _place_labels(figure: Figure, ax, graph, coordinates: dict, columns: dict[str, float]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    points = figure.dpi / 72.0
    widest = {kind: max((marker_diameter(d["releases"]) / 2 for _, d in graph.nodes(data=True) if d["kind"] == kind),
                        default=0.0) for kind in KINDS}
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        x, y = coordinates[node]
        gap = marker_diameter(data["releases"]) / 2 + 4.0
        later = [k for k in KINDS[KINDS.index(data["kind"]) + 1:] if k in columns]
        if later:
            limit = ax.transData.transform((columns[later[0]], 0))[0] - (widest[later[0]] + 6.0) * points
        else:
            limit = ax.transAxes.transform((1.0, 0))[0] - 6.0 * points
        text = data.get("display") or data["label"]
        label = ax.annotate(_label_text(data, text), (x, y), xytext=(gap, 0), textcoords="offset points",
                            va="center", fontsize=MAP_FONT, zorder=3)
        words = text.split()
        while label.get_window_extent(renderer).x1 > limit and len(words) > 1:
            words = words[:-1]
            label.set_text(_label_text(data, " ".join(words).rstrip(" ,;:·-/") + "…"))


def _map_legend(figure: Figure, graph, height: float) -> None:
    from matplotlib.lines import Line2D

    def dot(colour: str, size: float = 9.0, ring: str = "white") -> Line2D:
        return Line2D([], [], marker="o", linestyle="", markersize=size, markerfacecolor=colour,
                      markeredgecolor=ring, markeredgewidth=1.5)

    handles, labels = [], []
    for kind in ("company", "drug", "condition"):
        handles.append(dot(KIND_COLORS[kind]))
        labels.append(COLUMN_TITLES[kind][:-1].replace("Companie", "Company"))
    phases = sorted({d["phase"] for _, d in graph.nodes(data=True) if d["kind"] == "trial" and d["phase"]},
                    key=phase_order)
    for phase in phases:
        handles.append(dot(PHASE_COLORS.get(phase, UNKNOWN_PHASE)))
        labels.append(f"Trial, phase {phase}")
    if any(d["kind"] == "trial" and not d["phase"] for _, d in graph.nodes(data=True)):
        handles.append(dot(UNKNOWN_PHASE))
        labels.append("Trial, phase not stated")
    handles.append(dot("#ffffff", 9.0, DESIGNATION_RING))
    labels.append("Gold ring: drug with designations")
    for releases in (1, 4, 12):
        handles.append(dot("#b8bec8", marker_diameter(releases)))
        labels.append(f"Mentioned in {releases} release{'s' if releases > 1 else ''}")
    figure.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.01, height * 0.32), ncols=6,
                  frameon=False, fontsize=MAP_FONT, handletextpad=0.4, columnspacing=1.6)
    used = sorted({b for _, d in graph.nodes(data=True) for b in d["designations"]})
    badges = ", ".join(f"{DESIGNATION_BADGES.get(c, c)} = {DESIGNATION_NAMES.get(c, c).lower()}" for c in used)
    if badges:
        figure.text(0.012, height * 0.16, "Badges: " + badges, fontsize=MAP_FONT, color="#1d2430", va="center")
