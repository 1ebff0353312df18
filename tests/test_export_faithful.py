"""`trialgraph export` holds exactly the quads of its source (issue 14 item 2):
every format, from a graph file and from a store, read back by rdflib (not
the parser export uses), is isomorphic to the source graph by graph, keeps
xsd:nonNegativeInteger (a pyoxigraph Store folds it into xsd:integer), and
the named-graph formats validate. Turtle and N-Triples hold one graph: the
union of the source's named graphs."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from trialgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
SYNTAX = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
EXTENSION = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nq": ".nq", "jsonld": ".jsonld"}
UNION = {"turtle", "nt"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    graph, store = folder / "examples.trig", folder / "store"
    assert run("build", str(EXAMPLES), "-o", str(graph), "-q").exit_code == 0
    assert run("build", str(EXAMPLES), "--store", str(store), "-q").exit_code == 0
    return {"file": graph, "store": store}


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _read(path: Path, syntax: str) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format=syntax)
    return dataset


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


@pytest.mark.parametrize("fmt", list(EXTENSION))
@pytest.mark.parametrize("source", ["file", "store"])
def test_export_is_isomorphic_to_its_source_and_validates(tmp_path, sources, source, fmt):
    out = tmp_path / f"export{EXTENSION[fmt]}"
    result = run("export", str(sources[source]), "-o", str(out))
    assert result.exit_code == 0, result.output
    original = _read(sources["file"], "trig")
    exported = _read(out, SYNTAX[fmt])
    assert any(o.datatype == NON_NEGATIVE for g in _graphs(exported).values() for o in g.objects()
               if hasattr(o, "datatype"))
    if fmt in UNION:
        assert isomorphic(_union(exported), _union(original))
        return
    expected, got = _graphs(original), _graphs(exported)
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(got[name], graph), name
    checked = run("validate", str(out))
    assert checked.exit_code == 0, checked.output
    assert "conforms" in checked.stderr
