"""A layered, deterministic layout computed in Python: one column per kind
(companies, drugs, trials, conditions), rows ordered by the barycentre of
their neighbours to keep edges short. No randomness, so the same graph
always gives the same coordinates (and the same bytes in every output)."""
from __future__ import annotations

import networkx as nx

from .projection import KINDS, LAYER

COLUMN_GAP = 340.0
ROW_GAP = 30.0
MARGIN = 40.0
TOP = MARGIN + 40.0  # the first row, below the column titles


def _label_key(graph: nx.DiGraph, node: str) -> tuple:
    data = graph.nodes[node]
    return (data["label"].casefold(), data["label"], node)


def _barycentre(graph: nx.DiGraph, node: str, neighbours, position: dict[str, int]):
    ranks = [position[n] for n in neighbours(node) if n in position]
    return sum(ranks) / len(ranks) if ranks else None


def _order(graph: nx.DiGraph, layer: list[str], neighbours, position: dict[str, int]) -> list[str]:
    def key(node):
        centre = _barycentre(graph, node, neighbours, position)
        # unlinked nodes go last, alphabetically
        return (centre is None, centre if centre is not None else 0.0) + _label_key(graph, node)
    return sorted(layer, key=key)


def layered(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """(x, y) of every node, in SVG pixels (y grows downwards)."""
    layers = {kind: sorted((n for n, d in graph.nodes(data=True) if d["kind"] == kind),
                           key=lambda n: _label_key(graph, n)) for kind in KINDS}
    for _ in range(2):  # down then up, twice, then down once more: settles small maps
        for kind in KINDS[1:]:
            layers[kind] = _order(graph, layers[kind], graph.predecessors, _ranks(layers, kind, -1))
        for kind in reversed(KINDS[:-1]):
            layers[kind] = _order(graph, layers[kind], graph.successors, _ranks(layers, kind, +1))
    for kind in KINDS[1:]:
        layers[kind] = _order(graph, layers[kind], graph.predecessors, _ranks(layers, kind, -1))
    rows = _levels(graph, layers)
    return {node: (MARGIN + 120.0 + LAYER[kind] * COLUMN_GAP, rows[node])
            for kind, nodes in layers.items() for node in nodes}


def _levels(graph: nx.DiGraph, layers: dict[str, list[str]]) -> dict[str, float]:
    """y of every node: the tallest column packed from the top, then the
    columns outwards from it, each node level with the mean of its placed
    neighbours where there is room, in order and never closer than a row.
    (map.js does the same in the page, for whatever a filter leaves shown.)"""
    start = max(range(len(KINDS)), key=lambda i: (len(layers[KINDS[i]]), -i))
    placed: dict[str, float] = {}
    for index in [start, *range(start - 1, -1, -1), *range(start + 1, len(KINDS))]:
        previous = TOP - ROW_GAP
        for node in layers[KINDS[index]]:
            ys = [placed[m] for m in (*graph.predecessors(node), *graph.successors(node)) if m in placed]
            wanted = sum(ys) / len(ys) if ys else previous + ROW_GAP
            placed[node] = previous = max(wanted, previous + ROW_GAP)
    return placed


def _ranks(layers: dict[str, list[str]], kind: str, step: int) -> dict[str, int]:
    index = KINDS.index(kind) + step
    if not 0 <= index < len(KINDS):
        return {}
    return {node: rank for rank, node in enumerate(layers[KINDS[index]])}


def canvas_size(coordinates: dict[str, tuple[float, float]]) -> tuple[float, float]:
    width = MARGIN * 2 + 240.0 + (len(KINDS) - 1) * COLUMN_GAP + 200.0
    height = max((y for _, y in coordinates.values()), default=0.0) + MARGIN + 40.0
    return width, max(height, 200.0)
