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


# charts (drawing.py, and figures.js on the page)
LEGEND_WRAP = 48  # characters per line of a legend entry
TITLE_WRAP = 64  # characters per line of a panel title


def value_text(value: float, unit: str) -> str:
    return f"{value:g}%" if unit == "%" else f"{value:g}"


# company swim lanes (lane_drawing.py, and figures.js on the page)
# Okabe-Ito colours (safe for the common colour-vision deficiencies) per designation type
DESIGNATION_COLORS = {
    "orphan_drug": "#E69F00", "fast_track": "#0072B2", "breakthrough_therapy": "#D55E00",
    "rare_pediatric_disease": "#CC79A7", "priority_review": "#009E73", "accelerated_approval": "#56B4E9",
    "prime": "#F0E442", "rmat": "#000000", "priority_medicine": "#999999", "other": "#999999",
}
MARK_STYLES = {  # category -> (marker, colour); designations take their type's colour
    "designation": ("D", None), "trial start": ("^", "#1d2430"), "trial milestone": ("v", "#5d6675"),
    "regulatory step": ("P", "#7a3e9d"), "results": ("o", "#2e5e8c"),
}
# height of each category in its lane, in lanes (designations on top, results at the bottom)
LANE_ROWS = {"designation": 0.3, "trial start": 0.0, "trial milestone": 0.0, "regulatory step": 0.0, "results": -0.3}
MARK_LABEL = 28  # characters of a mark's label beside it; the rest is in its tooltip
LANE_LABEL_WRAP = 18  # characters per line of a lane's drug name
