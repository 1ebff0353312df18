"""The self-contained HTML page: template, style and script shipped as
package data (viz/assets/) and inlined at write time; the map's data
embedded as JSON in <script type="application/json">; charts inline as SVG.

Text from releases reaches the page only as JSON (with <, >, &, U+2028 and
U+2029 escaped, so no sequence in it can close the script element) or
inside matplotlib's escaped SVG, and the script renders it with textContent.
A Content-Security-Policy with the script's hash forbids any other script
and every network fetch."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources

from ..charts import Chart, describe
from .drawing import chart_figure, to_bytes
from .lane_drawing import lanes_figure
from .facts import DESIGNATION_BADGES, DESIGNATION_NAMES
from .lanes import describe_lanes
from .layout import COLUMN_GAP, MARGIN, canvas_size
from .projection import KINDS, LAYER, Projection
from .style import COLUMN_TITLES, KIND_COLORS, PHASE_COLORS, UNKNOWN_PHASE, node_color, node_radius, phase_order

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


def page_data(projection: Projection, coordinates: dict[str, tuple[float, float]]) -> dict:
    graph = projection.graph
    order = sorted(graph.nodes, key=lambda n: (LAYER[graph.nodes[n]["kind"]], coordinates[n][1], n))
    index = {node: i for i, node in enumerate(order)}
    evidence_ids = evidence_anchors(projection)
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
            "facts": [{"text": f.text, "evidence": [evidence_ids[e] for e in f.evidence]}
                      for f in projection.facts.get(node, [])],
        })
    phases = sorted({d["phase"] for _, d in graph.nodes(data=True) if d["phase"]}, key=phase_order)
    legend = [{"label": COLUMN_TITLES[kind].lower() if kind != "trial" else "trials, phase not stated",
               "color": KIND_COLORS[kind] if kind != "trial" else UNKNOWN_PHASE} for kind in KINDS]
    legend += [{"label": f"Phase {p} trials", "color": PHASE_COLORS.get(p, UNKNOWN_PHASE)} for p in phases]
    used = sorted({code for _, d in graph.nodes(data=True) for code in d["designations"]})
    legend += [{"label": "gold ring: designations" + (" (" + ", ".join(
        f"{DESIGNATION_BADGES.get(c, c)} {DESIGNATION_NAMES.get(c, c).lower()}" for c in used) + ")" if used else "")
        + "; size: releases that mention it", "color": "#e0a100"}]
    width, height = canvas_size(coordinates)
    return {
        "nodes": nodes,
        "edges": sorted([index[u], index[v]] for u, v in graph.edges),
        "evidence": [{"id": evidence_ids[iri], "iri": iri, "doc": ev.doc, "issued": ev.issued,
                      "headline": ev.headline, "start": ev.start, "end": ev.end, "quote": ev.quote}
                     for iri, ev in sorted(projection.evidence.items())],
        "phases": [{"code": p} for p in phases],
        "legend": legend,
        "columns": [{"x": MARGIN + 120.0 + LAYER[k] * COLUMN_GAP, "title": COLUMN_TITLES[k]} for k in KINDS],
        "size": [width, height],
    }


def inline_svg(svg: bytes, prefix: str) -> str:
    """matplotlib's SVG as markup inside HTML: no XML prologue, and ids
    prefixed so several charts in one page never share one."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    # only references to the drawing's own ids move; links to the page's #ev-N anchors stay
    own = set(re.findall(r'\bid="([^"]+)"', text))

    def moved(name: str) -> str:
        return prefix + name if name in own else name

    def retag(match: re.Match) -> str:  # only inside tags; text nodes are escaped by matplotlib
        tag = match.group(0)
        tag = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', tag)
        tag = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{moved(m.group(1))})", tag)
        if tag.startswith("<a ") and 'href="#' in tag:  # matplotlib opens links in a new window; ours stay in the page
            tag = tag.replace(' target="_blank"', "")
        return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{moved(m.group(1))}"', tag)

    return re.sub(r"<[^>]*>", retag, text)


def chart_figures(charts: list[Chart]) -> str:
    parts = []
    for number, chart in enumerate(charts, start=1):
        svg = inline_svg(to_bytes(chart_figure(chart), "svg"), f"c{number}-")
        parts.append(f'<figure class="chart" data-drug="{html.escape(chart.drug, quote=True)}" '
                     f'data-kind="{chart.kind}">{svg}<figcaption>{html.escape(describe(chart))}</figcaption></figure>')
    if not parts:
        parts.append('<p class="hint">No results with doses or dates to chart.</p>')
    return "\n".join(parts)


def timeline_figures(projection: Projection, timelines: list) -> str:
    """Each company's swim lanes as inline SVG, every mark linked to the
    sentence behind it in the page's evidence list (#ev-N, never a URL)."""
    anchors = evidence_anchors(projection)
    parts = []
    for number, lanes in enumerate(timelines, start=1):
        figure = lanes_figure(lanes, lambda mark: "#" + anchors[mark.evidence] if mark.evidence in anchors else None)
        svg = inline_svg(to_bytes(figure, "svg"), f"t{number}-")
        parts.append(f'<figure class="lanes" data-company="{html.escape(lanes.company, quote=True)}">{svg}'
                     f'<figcaption>{html.escape(describe_lanes(lanes))}; each mark links to its sentence in the '
                     f'evidence list</figcaption></figure>')
    if not parts:
        parts.append('<p class="hint">No dated designations, milestones or results to draw.</p>')
    return "\n".join(parts)


def render_page(projection: Projection, coordinates: dict[str, tuple[float, float]], charts: list[Chart],
                title: str = "trialgraph map", timelines: list = ()) -> bytes:
    script = asset("map.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    parts = {
        "TITLE": html.escape(title),
        "STYLE": asset("map.css"),
        "SCRIPT": script,
        "SCRIPT_HASH": f"sha256-{digest}",
        "DATA": script_json(page_data(projection, coordinates)),
        "CHARTS": chart_figures(charts),
        "TIMELINES": timeline_figures(projection, list(timelines)),
    }
    # one pass: text inserted for one placeholder is never scanned for another
    page = re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], asset("page.html"))
    return page.encode("utf-8")
