"""The fast SHACL screen never lets through what pySHACL rejects.

The screen (src/trialgraph/shaclscreen.py) may only answer "conforms" when
pySHACL agrees; on every corruption of tests/test_shapes.py it must answer
"does not conform" (or "undecided"), and the build's report must still carry
pySHACL's readable message."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph

from trialgraph.pipeline import Assembly, validate_assembly
from trialgraph.quads import QuadSink
from trialgraph.resolve import Resolution
from trialgraph.shaclscreen import Shapes, screen
from trialgraph.validate import shapes as shapes_graph

HERE = Path(__file__).resolve().parent


def _shape_tests():
    spec = importlib.util.spec_from_file_location("shape_cases", HERE / "test_shapes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


CASES = _shape_tests()


@pytest.fixture(scope="module")
def compiled() -> Shapes:
    return Shapes(shapes_graph())


@pytest.fixture(scope="module")
def dataset():
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(CASES.DATA, format="trig")
    return ds


def _pyshacl_conforms(graph: Graph) -> bool:
    return pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none", advanced=True)[0]


@pytest.mark.parametrize("name", [CASES.RELEASE, CASES.ENTITIES], ids=["release", "entities"])
def test_screen_passes_the_valid_fixture(dataset, compiled, name):
    graph = CASES.named_graph(dataset, name)
    assert _pyshacl_conforms(graph)
    assert screen(compiled, list(graph)) is True


@pytest.mark.parametrize("case", CASES.CORRUPTIONS, ids=[c.id for c in CASES.CORRUPTIONS])
def test_screen_never_passes_a_corruption(dataset, compiled, case):
    graph = CASES.named_graph(dataset, case.graph)
    case.mutate(graph)
    assert not _pyshacl_conforms(graph)
    assert screen(compiled, list(graph)) is not True


def test_screen_decides_most_corruptions_itself(dataset, compiled):
    # The screen is only worth having if it rarely hands a graph to pySHACL.
    undecided = []
    for case in CASES.CORRUPTIONS:
        graph = CASES.named_graph(dataset, case.graph)
        case.mutate(graph)
        if screen(compiled, list(graph)) is None:
            undecided.append(case.id)
    assert len(undecided) <= len(CASES.CORRUPTIONS) // 10, undecided


def test_build_report_keeps_pyshacl_messages(dataset):
    case = next(c for c in CASES.CORRUPTIONS if c.graph == CASES.RELEASE)
    graph = CASES.named_graph(dataset, CASES.RELEASE)
    case.mutate(graph)
    sink = QuadSink()
    target = sink.graph(CASES.RELEASE)
    for triple in graph:
        target.add(triple)
    report = validate_assembly(Assembly(Resolution(), sink))
    assert not report.conforms
    assert any(case.message in line and line.startswith(str(CASES.RELEASE).rsplit("/", 1)[-1])
               for line in report.problems), report.problems


def test_validating_in_forked_workers_gives_the_same_report(examples_graph):
    """validate checks release graphs in forked workers that inherit them
    (validate._checked_in_workers): the same problems, in the same order, as one process."""
    from rdflib import URIRef

    from trialgraph.validate import _report, file_graphs

    named, single = file_graphs(examples_graph)
    assert not single and named
    identifier = URIRef("http://purl.org/dc/terms/identifier")
    copies = []
    for copy in range(40):
        for name, triples in named:
            broken = copy % 7 == 3
            copies.append((f"{name}-{copy:02d}", [t for t in triples if not (broken and t[1] == identifier)]))
    alone, forked = _report(copies, 1), _report(copies, 2)
    assert forked.problems and forked.problems == alone.problems
    assert forked.graphs_checked == alone.graphs_checked == len(copies) > 64
