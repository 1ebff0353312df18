"""The self-contained HTML page: template, style and scripts shipped as
package data (viz/assets/) and inlined at write time; the map's data, and
the data of every chart and company timeline, embedded as JSON in
<script type="application/json">. The page's script draws each chart and
timeline as inline SVG when it comes into view (figures.js), so writing
the page costs the same per chart as per any other row of data: drawing
them here with matplotlib took most of `viz` and grew faster than the
corpus (a company's marks label themselves against each other).

Text from releases reaches the page only as JSON (with <, >, &, U+2028 and
U+2029 escaped, so no sequence in it can close the script element) or
HTML-escaped in a figure caption, and the script renders it with
textContent. A Content-Security-Policy with the script's hash forbids any
other script and every network fetch."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import textwrap
from importlib import resources
from typing import Callable

from ..charts import Chart, describe
from .facts import DESIGNATION_BADGES, DESIGNATION_NAMES
from .lanes import CATEGORIES, describe_lanes, lanes_title
from .layout import COLUMN_GAP, MARGIN, canvas_size
from .projection import KINDS, LAYER, Projection, shorten
from .style import (COLUMN_TITLES, DESIGNATION_COLORS, KIND_COLORS, LANE_LABEL_WRAP, LANE_ROWS, LEGEND_WRAP, MARK_LABEL, MARK_STYLES,
                    PHASE_COLORS, TITLE_WRAP, UNKNOWN_PHASE, node_color, node_radius, phase_order, value_text)

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def asset(name: str) -> str:
    return resources.files("trialgraph.viz").joinpath("assets", name).read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON safe inside a <script> element: nothing in it can end the element
    or start a comment, whatever the release text says."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def evidence_anchors(projection: Projection) -> dict[str, str]:
    """Evidence IRI -> the id of its entry in the page's evidence list."""
    return {iri: f"ev-{i + 1}" for i, iri in enumerate(sorted(projection.evidence))}


def node_order(projection: Projection, coordinates: dict[str, tuple[float, float]]) -> list[str]:
    """The page's nodes in the order of its data: by column, then top to bottom."""
    graph = projection.graph
    return sorted(graph.nodes, key=lambda n: (LAYER[graph.nodes[n]["kind"]], coordinates[n][1], n))


def encoded_nodes(projection: Projection, coordinates: dict[str, tuple[float, float]], start: int,
                  stop: int | None = None) -> str:
    """script_json of the page data's nodes[start:stop], without the list's
    brackets: the parts of the list, encoded apart and joined by commas, are
    the bytes of the whole (writers.py encodes the last part in a forked process)."""
    entries = node_entries(projection, coordinates, node_order(projection, coordinates)[start:stop])
    return ",".join(map(script_json, entries))


def node_entries(projection: Projection, coordinates: dict[str, tuple[float, float]], order: list[str]) -> list[dict]:
    graph = projection.graph
    evidence_ids = evidence_anchors(projection)
    facts = projection.facts
    nodes = []
    for node in order:
        data = graph.nodes[node]
        x, y = coordinates[node]
        nodes.append({
            "id": node, "kind": data["kind"], "label": data["label"], "display": data.get("display") or data["label"],
            "names": list(data["names"]),
            "releases": data["releases"], "phase": data["phase"], "x": x, "y": y,
            "r": node_radius(data["releases"]), "color": node_color(data),
            "designations": [{"code": d, "badge": DESIGNATION_BADGES.get(d, d),
                              "name": DESIGNATION_NAMES.get(d, d)} for d in data["designations"]],
            "facts": [{"text": f.text, "evidence": list(map(evidence_ids.__getitem__, f.evidence))}
                      for f in facts.get(node, ())],
        })
    return nodes


def page_data(projection: Projection, coordinates: dict[str, tuple[float, float]], nodes: bool = True) -> dict:
    """The map's data; `nodes`: with its "nodes" (else encoded apart, encoded_nodes)."""
    graph = projection.graph
    order = node_order(projection, coordinates)
    index = {node: i for i, node in enumerate(order)}
    phases = sorted({d["phase"] for _, d in graph.nodes(data=True) if d["phase"]}, key=phase_order)
    legend = [{"label": COLUMN_TITLES[kind].lower() if kind != "trial" else "trials, phase not stated",
               "color": KIND_COLORS[kind] if kind != "trial" else UNKNOWN_PHASE} for kind in KINDS]
    legend += [{"label": f"Phase {p} trials", "color": PHASE_COLORS.get(p, UNKNOWN_PHASE)} for p in phases]
    used = sorted({code for _, d in graph.nodes(data=True) for code in d["designations"]})
    legend += [{"label": "gold ring: designations" + (" (" + ", ".join(
        f"{DESIGNATION_BADGES.get(c, c)} {DESIGNATION_NAMES.get(c, c).lower()}" for c in used) + ")" if used else "")
        + "; size: releases that mention it", "color": "#e0a100"}]
    width, height = canvas_size(coordinates)
    data = {
        "edges": sorted([index[u], index[v]] for u, v in graph.edges),
        "phases": [{"code": p} for p in phases],
        "legend": legend,
        "columns": [{"x": MARGIN + 120.0 + LAYER[k] * COLUMN_GAP, "title": COLUMN_TITLES[k]} for k in KINDS],
        "size": [width, height],
    }
    if nodes:
        data["nodes"] = node_entries(projection, coordinates, order)
    return data


def evidence_list(projection: Projection, anchors: dict[str, str]) -> list[dict]:
    return [{"id": anchors[iri], "iri": iri, "doc": ev.doc, "issued": ev.issued,
             "headline": ev.headline, "start": ev.start, "end": ev.end, "quote": ev.quote}
            for iri, ev in sorted(projection.evidence.items())]


def chart_data(chart: Chart) -> dict:
    """What figures.js draws for one chart: the text already wrapped and every
    value already formatted (style.value_text), so both drawings say the same."""
    return {"title": chart.title, "panels": [{
        "title": [line for part in panel.title.split("\n") for line in textwrap.wrap(part, TITLE_WRAP) or [""]],
        "x_label": panel.x_label, "y_label": panel.y_label, "dates": panel.dates, "percent": panel.y_unit == "%",
        "series": [{"label": textwrap.wrap(series.label, LEGEND_WRAP) or [series.label],
                    "points": [[x.isoformat() if panel.dates else x, y, value_text(y, panel.y_unit)]
                               for x, y in series.points]} for series in panel.series],
    } for panel in chart.panels]}


def lanes_data(lanes, anchors: dict[str, str]) -> dict:
    """What figures.js draws for one company's swim lanes; each mark links to
    its sentence in the page's evidence list (#ev-N), never to a URL."""
    def mark(m) -> dict:
        marker, colour = MARK_STYLES[m.category]
        return {"when": m.when.isoformat(), "category": CATEGORIES.index(m.category), "lift": LANE_ROWS[m.category],
                "marker": marker,
                "color": colour or DESIGNATION_COLORS.get(m.kind, "#999999"), "label": shorten(m.text, MARK_LABEL),
                "detail": m.detail, "href": "#" + anchors[m.evidence] if m.evidence in anchors else None}

    categories = {m.category for lane in lanes.lanes for m in lane.marks}
    legend = [{"marker": MARK_STYLES[c][0], "color": MARK_STYLES[c][1],
               "label": c.capitalize() + (" as reported" if c == "results" else "")}
              for c in CATEGORIES if c in categories and c != "designation"]
    for code in sorted({m.kind for lane in lanes.lanes for m in lane.marks if m.category == "designation"}):
        legend.append({"marker": "D", "color": DESIGNATION_COLORS.get(code, "#999999"),
                       "label": f"{DESIGNATION_BADGES.get(code, code)}: {DESIGNATION_NAMES.get(code, code).lower()}"})
    return {"title": lanes_title(lanes), "legend": legend,
            "lanes": [{"label": textwrap.wrap(lane.label, LANE_LABEL_WRAP) or [lane.label],
                       "marks": [mark(m) for m in lane.marks]} for lane in lanes.lanes]}


def chart_figures(charts: list[Chart]) -> str:
    """One empty figure per chart, in the order of the data's "charts"; the
    script draws into it when it comes into view."""
    parts = [f'<figure class="chart" data-drug="{html.escape(chart.drug, quote=True)}" '
             f'data-kind="{chart.kind}"><figcaption>{html.escape(describe(chart))}</figcaption></figure>'
             for chart in charts]
    if not parts:
        parts.append('<p class="hint">No results with doses or dates to chart.</p>')
    return "\n".join(parts)


def timeline_figures(timelines: list) -> str:
    """One empty figure per company, in the order of the data's "timelines"."""
    parts = [f'<figure class="lanes" data-company="{html.escape(lanes.company, quote=True)}">'
             f'<figcaption>{html.escape(describe_lanes(lanes))}; each mark links to its sentence in the '
             f'evidence list</figcaption></figure>' for lanes in timelines]
    if not parts:
        parts.append('<p class="hint">No dated designations, milestones or results to draw.</p>')
    return "\n".join(parts)


def side_parts(projection: Projection, charts: list[Chart], timelines: list, coordinates=None,
               nodes_from: int | None = None) -> dict[str, bytes]:
    """The page's parts that need no layout, encoded (UTF-8): the evidence
    list and the charts' and timelines' data (JSON) and figures (HTML); with
    `coordinates`, also the map's nodes from `nodes_from` on (encoded_nodes).
    writers.py computes them in a forked process while this one encodes the rest."""
    anchors = evidence_anchors(projection)
    parts = {"evidence": script_json(evidence_list(projection, anchors)),
             "charts": script_json([chart_data(chart) for chart in charts]),
             "timelines": script_json([lanes_data(lanes, anchors) for lanes in timelines]),
             "CHARTS": chart_figures(charts), "TIMELINES": timeline_figures(list(timelines))}
    if coordinates is not None and nodes_from is not None:
        parts["nodes_tail"] = encoded_nodes(projection, coordinates, nodes_from)
    return {key: text.encode("utf-8") for key, text in parts.items()}


_SIDE_DATA = ("evidence", "charts", "timelines")


def _joined(items: list[list[bytes]]) -> list[bytes]:
    """The pieces of the items, with a comma between two items."""
    pieces: list[bytes] = []
    for item in items:
        pieces += [b","] * bool(pieces) + item
    return pieces


def render_page(projection: Projection, coordinates: dict[str, tuple[float, float]],
                side: Callable[[], dict[str, bytes]], title: str = "trialgraph map",
                nodes_from: int | None = None) -> list[bytes]:
    """The page as pieces to write one after the other (output.write_atomic):
    joined, each join was a copy of the whole page (75 MB at 10,000 releases).
    `side()`: side_parts() of the same projection, asked for only once this
    process has encoded its share (writers.html_page computes them in a
    forked process meanwhile); with `nodes_from`, this process encodes the
    map's nodes before it and side_parts(..., nodes_from) those from it on."""
    script = asset("figures.js") + asset("map.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    data = page_data(projection, coordinates, nodes=nodes_from is None)
    # script_json of the whole dict, its values encoded apart: keys sorted, "key":value joined by commas
    values = {key: [script_json(value).encode("utf-8")] for key, value in data.items()}
    head = None if nodes_from is None else encoded_nodes(projection, coordinates, 0, nodes_from).encode("utf-8")
    apart = side()
    values.update((key, [apart[key]]) for key in _SIDE_DATA)
    if head is not None:
        shares = [part for part in (head, apart["nodes_tail"]) if part]
        values["nodes"] = [b"[", *_joined([[share] for share in shares]), b"]"]
    encoded = [b"{", *_joined([[script_json(key).encode("utf-8"), b":", *values[key]] for key in sorted(values)]), b"}"]
    fills = {
        "TITLE": [html.escape(title).encode("utf-8")],
        "STYLE": [asset("map.css").encode("utf-8")],
        "SCRIPT": [script.encode("utf-8")],
        "SCRIPT_HASH": [f"sha256-{digest}".encode("utf-8")],
        "DATA": encoded,
        "CHARTS": [apart["CHARTS"]],
        "TIMELINES": [apart["TIMELINES"]],
    }
    # one pass: text inserted for one placeholder is never scanned for another
    pieces = []
    for index, text in enumerate(re.split(r"\{\{([A-Z_]+)\}\}", asset("page.html"))):
        pieces += fills[text] if index % 2 else [text.encode("utf-8")]
    return pieces
