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


def _order(layer: list[str], neighbours: dict[str, tuple[str, ...]], labels: dict[str, int],
           position: dict[str, int]) -> list[str]:
    def key(node):
        ranks = [position[n] for n in neighbours[node] if n in position]
        # unlinked nodes go last, alphabetically
        return (False, sum(ranks) / len(ranks), labels[node]) if ranks else (True, 0.0, labels[node])
    return sorted(layer, key=key)


def layered(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """(x, y) of every node, in SVG pixels (y grows downwards)."""
    # each node's sort key and neighbours looked up once: networkx's views
    # cost more than the ordering itself on a large map (7 passes)
    # a node's place in the order of the label keys (all distinct: they end with the node)
    # stands for its key: comparing ints, not tuples of strings, in the 15 sorts
    labels = {node: rank for rank, node in enumerate(sorted(graph, key=lambda node: _label_key(graph, node)))}
    before = {node: tuple(graph.predecessors(node)) for node in graph}
    after = {node: tuple(graph.successors(node)) for node in graph}
    layers = {kind: sorted((n for n, d in graph.nodes(data=True) if d["kind"] == kind),
                           key=labels.__getitem__) for kind in KINDS}
    for _ in range(2):  # down then up, twice, then down once more: settles small maps
        for kind in KINDS[1:]:
            layers[kind] = _order(layers[kind], before, labels, _ranks(layers, kind, -1))
        for kind in reversed(KINDS[:-1]):
            layers[kind] = _order(layers[kind], after, labels, _ranks(layers, kind, +1))
    for kind in KINDS[1:]:
        layers[kind] = _order(layers[kind], before, labels, _ranks(layers, kind, -1))
    rows = _levels(layers, before, after)
    return {node: (MARGIN + 120.0 + LAYER[kind] * COLUMN_GAP, rows[node])
            for kind, nodes in layers.items() for node in nodes}


def _levels(layers: dict[str, list[str]], before: dict[str, tuple[str, ...]],
            after: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """y of every node: the tallest column packed from the top, then the
    columns outwards from it, each node level with the mean of its placed
    neighbours where there is room, in order and never closer than a row.
    (map.js does the same in the page, for whatever a filter leaves shown.)"""
    start = max(range(len(KINDS)), key=lambda i: (len(layers[KINDS[i]]), -i))
    placed: dict[str, float] = {}
    for index in [start, *range(start - 1, -1, -1), *range(start + 1, len(KINDS))]:
        previous = TOP - ROW_GAP
        for node in layers[KINDS[index]]:
            ys = [placed[m] for m in before[node] + after[node] if m in placed]
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
