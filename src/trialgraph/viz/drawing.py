"""Static drawings with matplotlib's object API (no pyplot, no global state):
charts and the map as SVG or PNG, byte-identical for the same input.

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
from .facts import DESIGNATION_BADGES
from .projection import KINDS, Projection
from .style import COLUMN_TITLES, node_color, node_radius

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
FORMATS = ("svg", "png")


def to_bytes(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        if fmt == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
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


LEGEND_WRAP = 48


def _legend_lines(panel) -> int:
    return sum(len(textwrap.wrap(series.label, LEGEND_WRAP)) or 1 for series in panel.series)


def value_text(value: float, unit: str) -> str:
    return f"{value:g}%" if unit == "%" else f"{value:g}"


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
    ax.set_title(panel.title, fontsize=11)
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


def map_figure(projection: Projection, coordinates: dict[str, tuple[float, float]]) -> Figure:
    """The layered map: same coordinates as the HTML page, y pointing down."""
    graph = projection.graph
    with matplotlib.rc_context(RC):
        height = max((y for _, y in coordinates.values()), default=100.0) + 60.0
        figure = Figure(figsize=(16.0, max(4.0, height / 55.0)))
        ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(0, 1500)
        ax.set_ylim(height, 0)
        ax.axis("off")
        for kind in KINDS:
            xs = [coordinates[n][0] for n, d in graph.nodes(data=True) if d["kind"] == kind]
            if xs:
                ax.text(xs[0], 18, COLUMN_TITLES[kind], ha="center", fontsize=10, color="#5d6675", weight="bold")
        for source, target in sorted(graph.edges):
            (x1, y1), (x2, y2) = coordinates[source], coordinates[target]
            ax.plot([x1, x2], [y1, y2], color="#c5ccd6", linewidth=0.7, zorder=1)
        for node in sorted(graph.nodes):
            data = graph.nodes[node]
            x, y = coordinates[node]
            ax.scatter([x], [y], s=(node_radius(data["releases"]) * 1.6) ** 2, color=node_color(data),
                       edgecolors="#e0a100" if data["designations"] else "white", linewidths=1.5, zorder=2)
            text = _short(data["label"], 40)
            if data["designations"]:
                text += "  [" + " ".join(DESIGNATION_BADGES.get(d, d) for d in data["designations"]) + "]"
            ax.text(x + 12, y, text, va="center", fontsize=7.5, zorder=3)
    return figure


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
