"""The build's stages: parallel extraction gives the same graph as one
worker, the fast TriG writer reads back to the same quads, and build()
is the composition of the stage functions."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import URIRef

from trialgraph import pipeline
from trialgraph.parallel import extract_many
from trialgraph.trig import write_trig

from generated import GENERATOR


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    GENERATOR.write(24, folder, seed=7)
    (folder / "empty.txt").write_bytes(b"")  # a rejected file among them keeps its place
    return folder


def test_parallel_extraction_is_identical_to_one_worker(releases):
    files, _ = pipeline.collect([releases])
    one = list(extract_many(files, workers=1))
    many = list(extract_many(files, workers=2, chunk=3))
    assert [p for p, _ in one] == [p for p, _ in many] == files
    assert [repr(o) for _, o in one] == [repr(o) for _, o in many]
    assert sum(isinstance(o, Exception) for _, o in many) == 1


def test_parallel_build_writes_the_same_bytes(releases, monkeypatch):
    from trialgraph import emit

    monkeypatch.setattr(emit, "EMIT_CHUNK", 5)  # so 24 releases take the parallel emit path
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10)
    one = pipeline.build([releases], workers=1)
    many = pipeline.build([releases], workers=2)
    assert many.assembly.checked and one.assembly.checked  # validated where emitted
    assert one.assembly.checked == many.assembly.checked
    assert pipeline.serialize_trig(one.assembly) == pipeline.serialize_trig(many.assembly)
    assert one.report.conforms and many.report.conforms
    assert one.report.graphs_checked == many.report.graphs_checked
    assert len(one.rejected) == len(many.rejected) == 1
    # the pre-rendered graphs still read back as rdflib terms for callers that iterate
    name = next(iter(many.assembly.checked))
    assert set(one.assembly.quads.graph(name)) == set(many.assembly.quads.graph(name))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_without_kept_triples_is_the_same_graph(releases, monkeypatch, workers):
    """keep_triples=False keeps release graphs as TriG blocks: the same TriG,
    N-Quads and counts, and the same triples when read back from the blocks."""
    from trialgraph import emit

    monkeypatch.setattr(emit, "EMIT_CHUNK", 5)
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10)
    kept = pipeline.build([releases], workers=workers)
    blocks = pipeline.build([releases], workers=workers, keep_triples=False)
    assert pipeline.serialize_trig(kept.assembly) == pipeline.serialize_trig(blocks.assembly)
    assert len(kept.assembly.quads) == len(blocks.assembly.quads)
    assert kept.assembly.checked == blocks.assembly.checked
    name = URIRef(blocks.assembly.emitted[0].name)  # a release graph
    assert blocks.assembly.quads.graph(name).rendered is None  # not kept ...
    assert pipeline.serialize(kept.assembly, "nquads") == pipeline.serialize(blocks.assembly, "nquads")  # ... read back
    assert set(kept.assembly.quads.graph(name)) == set(blocks.assembly.quads.graph(name))


def test_parallel_emit_reports_the_same_problems(releases, monkeypatch):
    from trialgraph import emit, validate

    real = validate.check_triples

    def strict(name, triples):  # a rule every third release breaks, on top of the shapes
        extra = [f"{name}: fake problem"] if len(name) % 3 == 0 else []
        return real(name, triples) + extra

    monkeypatch.setattr(emit, "EMIT_CHUNK", 5)
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10)
    monkeypatch.setattr(validate, "check_triples", strict)
    files, _ = pipeline.collect([releases])
    extractions = pipeline.extract_files(files).extractions
    one, many = (pipeline.validate_assembly(pipeline.assemble(extractions, workers=w)) for w in (1, 2))
    assert one.problems and not one.conforms
    assert one.problems == many.problems and one.graphs_checked == many.graphs_checked


def _ox_quads(store) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def test_trig_reads_back_to_the_same_quads(releases):
    built = pipeline.build([releases])
    data = write_trig(built.assembly.quads)
    parsed = pyoxigraph.Store()
    parsed.load(data, format=pyoxigraph.RdfFormat.TRIG)
    assert _ox_quads(parsed) == _ox_quads(built.assembly.quads.to_store())
    # rdflib reads it too, with the same number of quads per named graph
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="trig")
    assert len(list(dataset.quads())) == len(parsed)
    assert b" 43.0" in data or b"tg:value " in data  # decimals with a point are written bare


def test_trig_does_not_depend_on_insertion_order(releases):
    built = pipeline.build([releases])
    sink = built.assembly.quads
    from trialgraph.quads import QuadSink

    reversed_sink = QuadSink()
    for name in reversed(list(sink.graphs)):
        for triple in reversed(list(sink.graphs[name])):
            reversed_sink.graph(name).add(triple)
    assert write_trig(reversed_sink) == write_trig(sink)


def test_build_is_the_composition_of_the_stages(releases):
    files, rejected = pipeline.collect([releases])
    extracted = pipeline.extract_files(files)
    assembly = pipeline.assemble(extracted.extractions)
    report = pipeline.validate_assembly(assembly)
    built = pipeline.build([releases])
    assert pipeline.serialize_trig(assembly) == pipeline.serialize_trig(built.assembly)
    assert report.conforms == built.report.conforms
    assert len(extracted.extractions) == len(built.extractions) == 24


@pytest.mark.parametrize("workers", [1, 2])
def test_meanwhile_runs_once_in_this_process_while_the_workers_extract(workers):
    import os

    files = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))[:3]
    calls: list[int] = []
    outcomes = list(extract_many(files, workers=workers, chunk=1, meanwhile=lambda: calls.append(os.getpid())))
    assert calls == [os.getpid()]
    assert [path for path, _ in outcomes] == files
    assert [o.document.doc_id for _, o in outcomes] == [o.document.doc_id for _, o in extract_many(files)]
