"""A company's swim lanes (trialgraph.viz.lanes) drawn with matplotlib:
one band per drug over calendar time, marks linked to their sources, labels
placed so that none covers a mark or another label."""
from __future__ import annotations

import textwrap
from collections import defaultdict

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation

from .drawing import RC
from .facts import DESIGNATION_BADGES, DESIGNATION_NAMES
from .projection import shorten
from .style import DESIGNATION_COLORS, LANE_LABEL_WRAP, LANE_ROWS, MARK_LABEL, MARK_STYLES



def lanes_figure(lanes, link) -> Figure:
    """Swim lanes: one band per drug over calendar time; designations on the
    band's top row, trial and regulatory steps in the middle, results at the
    bottom. `link(mark)` gives the URL each mark and its label point to
    (None: no link). A label that would run into the previous one on its row
    is left out; the mark stays, and its full text is in the tooltip."""
    from matplotlib.dates import date2num

    from .lanes import CATEGORIES, lanes_title

    count = len(lanes.lanes)
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(14.0, 1.3 + 1.05 * count + 1.0), layout="constrained")
        span = lanes.span()
        figure.suptitle(lanes_title(lanes), fontsize=13)
        ax = figure.add_subplot()
        ax.set_ylim(-0.6, count - 0.4)
        ax.invert_yaxis()
        ax.set_yticks(range(count), ["\n".join(textwrap.wrap(lane.label, LANE_LABEL_WRAP)) for lane in lanes.lanes], fontsize=10)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for index in range(count):
            if index % 2 == 0:
                ax.axhspan(index - 0.5, index + 0.5, color="#f1f3f6", zorder=0, linewidth=0)
        locator = AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(True, axis="x", linewidth=0.4, alpha=0.6)
        if span:
            low, high = date2num(span[0]), date2num(span[1])
            pad = max((high - low) * 0.04, 30.0)
            ax.set_xlim(low - pad, high + max(pad * 4, (high - low) * 0.16))  # room for the last labels
        placed = []
        for index, lane in enumerate(lanes.lanes):
            # marks on one day in one row sit side by side, not on top of each other
            same: dict[tuple, int] = defaultdict(int)
            for mark in lane.marks:
                marker, colour = MARK_STYLES[mark.category]
                colour = colour or DESIGNATION_COLORS.get(mark.kind, "#999999")
                y = index - LANE_ROWS[mark.category]
                shift = same[(mark.when, mark.category)] * 11.0  # points
                same[(mark.when, mark.category)] += 1
                moved = ax.transData + ScaledTranslation(shift / 72.0, 0, figure.dpi_scale_trans)
                dot = ax.scatter([date2num(mark.when)], [y], marker=marker, s=64, color=colour, edgecolors="white",
                                 linewidths=0.8, zorder=3, transform=moved)
                url = link(mark)
                if url:
                    dot.set_urls([url])
                placed.append((mark, y, shift, url, dot))
        _lane_labels(figure, ax, placed)
        used = sorted({m.kind for lane in lanes.lanes for m in lane.marks if m.category == "designation"})
        _lanes_legend(figure, ax, used, {m.category for lane in lanes.lanes for m in lane.marks}, CATEGORIES)
    return figure


def _lane_labels(figure: Figure, ax, placed) -> None:
    """Greedy placement in date order: beside the mark, else just above or
    below it; never over another mark or label, never past the plot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import date2num

    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw_without_rendering()
    frame = ax.get_window_extent(renderer)
    obstacles = [_marker_box(dot) for *_, dot in placed]
    for number, (mark, y, shift, url, _) in enumerate(placed):
        for rise in (0.0, 10.0, -10.0):
            text = ax.annotate(shorten(mark.text, MARK_LABEL), (date2num(mark.when), y), xytext=(shift + 7, rise),
                               textcoords="offset points", va="center", fontsize=9, color="#1d2430", zorder=4)
            box = text.get_window_extent(renderer)
            clear = box.x1 <= frame.x1 and not any(box.overlaps(other) for k, other in enumerate(obstacles) if k != number)
            if clear:
                obstacles.append(box)
                if url:
                    text.set_url(url)
                break
            text.remove()


def _marker_box(collection):
    """Screen box of a one-point scatter: its marker path at its size, around
    its offset (get_window_extent gives no box for a shifted transform)."""
    from matplotlib.transforms import Affine2D

    centre = collection.get_offset_transform().transform(collection.get_offsets())[0]
    extents = collection.get_paths()[0].get_extents(Affine2D(collection.get_transforms()[0]))
    pad = collection.get_linewidths()[0] * collection.figure.dpi / 72.0 / 2
    return extents.translated(*centre).padded(pad)


def _lanes_legend(figure: Figure, ax, designation_types, categories, order) -> None:
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for category in order:
        if category in categories and category != "designation":
            marker, colour = MARK_STYLES[category]
            handles.append(Line2D([], [], marker=marker, linestyle="", markersize=8, color=colour))
            labels.append(category.capitalize() + (" as reported" if category == "results" else ""))
    for code in designation_types:
        handles.append(Line2D([], [], marker="D", linestyle="", markersize=7, color=DESIGNATION_COLORS.get(code, "#999999")))
        labels.append(f"{DESIGNATION_BADGES.get(code, code)}: {DESIGNATION_NAMES.get(code, code).lower()}")
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=min(len(handles), 5),
              frameon=False, fontsize=9)
