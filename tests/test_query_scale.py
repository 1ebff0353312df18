"""The map's designation, result and milestone queries (queries/viz/) and the
facts table's designation and result queries (queries/facts/) cost in
proportion to the releases, not to releases x ontology concepts: written with
the ontology lookups and OPTIONALs inside one GRAPH ?g block, pyoxigraph
re-read the corpus per concept (viz: 5.4 s and 6 s at 1,000 realistic
releases, 15 s and 16.5 s at 2,000; facts: 4.8 s and 5.3 s at 1,000)."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

from trialgraph.resources import queries_dir
from trialgraph.sparql import engines
from trialgraph.viz.sparql import select

TG = "https://w3id.org/trialgraph/ontology#"
ONTOLOGY = ox.NamedNode("https://w3id.org/trialgraph/ontology")
NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
RELEASES = 300


def tg(name: str) -> ox.NamedNode:
    return ox.NamedNode(TG + name)


def _store(concepts: int) -> ox.Store:
    quads = [ox.Quad(tg(name), NOTATION, ox.Literal(code), ONTOLOGY)
             for name, code in [("T", "ODD"), ("A", "FDA"), ("E", "ORR"), ("U", "%")]
             + [("K", "start")] + [(f"X{k}", f"X{k}") for k in range(concepts)]]
    for i in range(RELEASES):
        g = ox.NamedNode(f"https://example.test/release/{i}")
        drug = ox.NamedNode(f"https://example.test/drug/{i % 40}")
        quads.append(ox.Quad(drug, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                             ox.Literal(f"Drug {i % 40}"), g))
        designation, result, milestone = (ox.NamedNode(f"{g.value}/{part}") for part in "drm")
        for s, p, o in [(g, RDF_TYPE, tg("PressRelease")), (g, IDENTIFIER, ox.Literal(f"r{i:04d}")),
                        (designation, RDF_TYPE, tg("Designation")), (designation, tg("designatedDrug"), drug), (designation, DERIVED, g),
                        (designation, tg("designationType"), tg("T")), (designation, tg("agency"), tg("A")),
                        (designation, tg("evidence"), ox.Literal(f"sentence {i}")),
                        (result, RDF_TYPE, tg("Result")), (result, DERIVED, g), (result, tg("aboutDrug"), drug),
                        (result, tg("endpoint"), tg("E")), (result, tg("value"), ox.Literal(str(i))),
                        (result, tg("unit"), tg("U")), (result, tg("isComparator"), ox.Literal(False)),
                        (result, tg("evidence"), ox.Literal(f"sentence {i}")),
                        (milestone, RDF_TYPE, tg("Milestone")), (milestone, DERIVED, g),
                        (milestone, tg("milestoneDrug"), drug), (milestone, tg("milestoneKind"), tg("K")),
                        (milestone, tg("milestoneStatus"), tg("MilestoneStatus_achieved")),
                        (milestone, tg("evidence"), ox.Literal(f"sentence {i}"))]:
            quads.append(ox.Quad(s, p, o, g))
    store = ox.Store()
    store.extend(quads)
    return store


def _rows(store, name: str) -> list:
    if name.startswith("facts/"):
        text = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
        columns, rows = engines.select(store, text, {})
        return [dict(zip(columns, row)) for row in rows]
    return select(store, name)


def _fastest(store, name: str) -> tuple[float, list]:
    times, rows = [], None
    for _ in range(3):
        started = time.perf_counter()
        rows = _rows(store, name)
        times.append(time.perf_counter() - started)
    return min(times), rows


@pytest.mark.parametrize("name", ["designations", "results", "milestones", "facts/designation", "facts/result"])
def test_cost_does_not_grow_with_the_ontology(name):
    few_s, few_rows = _fastest(_store(0), name)
    many_s, many_rows = _fastest(_store(400), name)
    assert len(few_rows) == RELEASES and many_rows == few_rows
    assert str(few_rows[0]["doc"]).startswith("r")
    assert many_s < 5 * few_s + 0.02, (few_s, many_s)


def test_facts_table_is_the_same_from_pyoxigraph_and_rdflib(tmp_path, shared):
    from click.testing import CliRunner

    from trialgraph.cli import main
    from trialgraph.facts import facts
    from trialgraph.graphsource import load_dataset, load_store

    graph = tmp_path / "dev.trig"
    built = CliRunner().invoke(main, ["build", str(shared / "corpus" / "dev"), "-o", str(graph), "-q"])
    assert built.exit_code in (0, 1), built.output
    rows = facts(load_store(graph))
    assert {"designation", "result", "trial", "drug"} <= {row["kind"] for row in rows}
    assert rows == facts(load_dataset(graph))
