"""The visualisation: a projection of the graph (companies -> drugs ->
trials -> conditions) computed with the SPARQL in queries/viz/, written as a
self-contained HTML page, GraphML/GEXF, or a static SVG/PNG drawing."""
from __future__ import annotations

from .projection import Projection, narrow, project
from .writers import FORMATS, build_map, write_map

__all__ = ["FORMATS", "Projection", "build_map", "narrow", "project", "write_map"]
