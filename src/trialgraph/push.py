"""Push a built graph to a graph store with the SPARQL 1.1 Graph Store HTTP
Protocol: one `PUT <endpoint>?graph=<IRI>` per named graph (each release,
the entities, the ontology copy, the inferred graph). PUT replaces the
graph, so running push again converges on the local graph.

A failure (HTTP error, timeout, reset, refused redirect) is recorded for
that graph and the push goes on with the next one; after a few failures in a
row the endpoint is taken to be down and the rest are reported as skipped
rather than each waiting for its own timeout. Each PUT, from connect to the
last byte, ends within the timeout, and at most 4 KB of any answer is read.
Nothing local is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph

from .errors import RemoteError
from .export import canonical_triples
from .remote import HttpClient, authorization

GIVE_UP_AFTER = 3  # consecutive failures before the endpoint is taken to be down
ERROR_BODY_LIMIT = 4096  # bytes of an answer read: its first line goes in the report, the rest is never needed
NOT_A_GRAPH_STORE = (404, 405)
GRAPH_STORE_PATHS = "Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data"


@dataclass(frozen=True)
class GraphOutcome:
    graph: str          # the graph IRI, or "default"
    triples: int
    ok: bool
    detail: str         # "201 Created", or what went wrong

    def line(self) -> str:
        status = "ok" if self.ok else "FAILED"
        return f"{status:7} {self.graph}  {self.triples} triples  {self.detail}"


def graphs_of(quads) -> list[tuple[object, list]]:
    """(graph, its quads) to push: every named graph in IRI order, then the
    default graph if it holds anything."""
    by_graph: dict = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, []).append(quad)
    default = by_graph.pop(pyoxigraph.DefaultGraph(), None)
    named = sorted(by_graph.items(), key=lambda item: item[0].value)
    return named + ([(pyoxigraph.DefaultGraph(), default)] if default else [])


def graph_payload(quads) -> tuple[int, bytes]:
    """(triple count, N-Triples bytes in canonical order) of one graph's quads."""
    triples = canonical_triples(quads)
    return len(triples), pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)


def target(path: str, graph) -> str:
    """The Graph Store Protocol request path for one graph."""
    separator = "&" if "?" in path else "?"
    if isinstance(graph, pyoxigraph.DefaultGraph):
        return f"{path}{separator}default"
    return f"{path}{separator}graph={quote(graph.value, safe='')}"


def push(quads, endpoint: str, *, timeout: float = 30.0, report=None) -> list[GraphOutcome]:
    """PUT every graph of `quads` (graphfile.exact_quads: the datatypes as
    built, which a pyoxigraph Store would fold) to the Graph Store endpoint;
    `report(outcome)` is called after each graph. Returns every graph's outcome."""
    client = HttpClient(endpoint, timeout=timeout, auth=authorization())
    outcomes: list[GraphOutcome] = []
    failures_in_a_row, not_a_store = 0, False
    try:
        for graph, graph_quads in graphs_of(quads):
            name = "default" if isinstance(graph, pyoxigraph.DefaultGraph) else graph.value
            count, payload = graph_payload(graph_quads)
            if failures_in_a_row >= GIVE_UP_AFTER:
                why = "the URL does not accept Graph Store PUTs" if not_a_store else "the endpoint looks down"
                outcome = GraphOutcome(name, count, False, f"skipped: the last {GIVE_UP_AFTER} graphs failed, {why}")
            else:
                outcome, status = _put(client, graph, name, count, payload)
                failures_in_a_row = 0 if outcome.ok else failures_in_a_row + 1
                not_a_store = status in NOT_A_GRAPH_STORE
            outcomes.append(outcome)
            if report is not None:
                report(outcome)
    finally:
        client.close()
    return outcomes


def _put(client: HttpClient, graph, name: str, count: int, payload: bytes) -> tuple[GraphOutcome, int | None]:
    """(outcome, HTTP status or None when no answer came) of one PUT."""
    try:
        response = client.request("PUT", target(client.path, graph), payload,
                                  {"Content-Type": "application/n-triples"}, body_limit=ERROR_BODY_LIMIT)
    except RemoteError as error:
        return GraphOutcome(name, count, False, error.message), None
    detail = f"{response.status} {response.reason}".strip()
    if 200 <= response.status < 300:
        return GraphOutcome(name, count, True, detail), response.status
    if response.status in (401, 403):
        detail += " (check the credentials in TRIALGRAPH_ENDPOINT_AUTH)"
    if response.status in NOT_A_GRAPH_STORE:
        detail += (f": {client.path.split('?')[0]} does not accept Graph Store Protocol PUTs"
                   f" (the usual paths: {GRAPH_STORE_PATHS})")
        return GraphOutcome(name, count, False, detail), response.status
    body = response.body.decode("utf-8", "replace").strip().splitlines()
    if body and response.status >= 400:
        detail += f": {body[0][:160]}"
    return GraphOutcome(name, count, False, detail), response.status
