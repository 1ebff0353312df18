"""Colours and sizes shared by the HTML page and the static drawings."""
from __future__ import annotations

import math

KIND_COLORS = {"company": "#2e5e8c", "drug": "#3f8f5a", "trial": "#8a8f99", "condition": "#9b6bb3"}
# phases in development order, sampled evenly from viridis (0.1-1.0): ordered
# in lightness, readable with the common colour-vision deficiencies, every
# pair at least 24 CIE76 units apart (tests/test_viz.py computes it)
PHASE_COLORS = {
    "1": "#482475", "1b": "#3e4c8a", "1/2": "#2e6e8e", "2": "#228d8d",
    "2b": "#25ac82", "2/3": "#5ac864", "3": "#aadc32", "4": "#fde725",
}
UNKNOWN_PHASE = KIND_COLORS["trial"]
COLUMN_TITLES = {"company": "Companies", "drug": "Drugs", "trial": "Trials", "condition": "Conditions"}


def phase_order(code: str) -> tuple:
    known = list(PHASE_COLORS)
    return (known.index(code) if code in known else len(known), code)


def node_color(data: dict) -> str:
    if data["kind"] == "trial":
        return PHASE_COLORS.get(data["phase"], UNKNOWN_PHASE)
    return KIND_COLORS[data["kind"]]


def node_radius(releases: int) -> float:
    """Area grows with the number of releases that mention the node."""
    return round(min(5.0 + 2.5 * math.sqrt(max(releases, 0)), 18.0), 1)
