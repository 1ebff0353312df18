"""Colours and sizes shared by the HTML page and the static drawings."""
from __future__ import annotations

import math

KIND_COLORS = {"company": "#2e5e8c", "drug": "#3f8f5a", "trial": "#8a8f99", "condition": "#9b6bb3"}
# phases in development order, light to dark: later phases read as "further along"
PHASE_COLORS = {
    "1": "#fdd49e", "1b": "#fdbb84", "1/2": "#fc8d59", "2": "#ef6548",
    "2b": "#d7301f", "2/3": "#b30000", "3": "#7f0000", "4": "#3d0000",
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
