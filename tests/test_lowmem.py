"""`build --low-memory` (lowmem.py): texts, extractions and release graphs
kept on disk while building give the same graph, byte for byte, as an
ordinary build; the spill folder goes when the build ends."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph import lowmem, pipeline
from trialgraph.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("validate", [True, False])
def test_low_memory_build_writes_the_same_bytes_across_emit_batches(tmp_path, shared, monkeypatch, validate):
    """Batches of 7 releases: every emitted batch, the spilled rule input and
    the resolution from views (no text, no quotes) meet the ordinary build."""
    monkeypatch.setattr(lowmem, "EMIT_BATCH", 7)
    inputs = pipeline.collect([shared / "corpus" / "dev", EXAMPLES])
    ordinary = pipeline.build(inputs, validate=validate)
    with lowmem.spill_folder(tmp_path / "graph.trig") as spill:
        low = lowmem.build_low_memory(inputs, spill, validate=validate, workers=1)
        data = b"".join(pipeline.serialize_parts(low.assembly, "trig"))
        assert [p.name for p in spill.folder.iterdir()]  # texts, extractions, blocks and rule input went there
    assert data == pipeline.serialize_trig(ordinary.assembly)
    assert len(low.assembly.quads) == len(ordinary.assembly.quads)
    assert len(low.extractions) == len(ordinary.extractions)
    if validate:
        assert low.report.problems == ordinary.report.problems and low.report.graphs_checked == ordinary.report.graphs_checked
    assert all(not e.document.text and not e.results for e in low.extractions)  # views, not whole extractions
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # the spill folder is gone


def test_low_memory_cli_matches_build_and_refuses_nquads(tmp_path, shared):
    corpus = shared / "corpus" / "seeds"
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    assert run("build", str(corpus), "-o", str(first), "-q").exit_code in (0, 1)
    result = run("build", str(corpus), "-o", str(second), "-q", "--low-memory")
    assert result.exit_code in (0, 1), result.output
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.trig", "b.trig"]
    refused = run("build", str(corpus), "-o", str(tmp_path / "c.nq"), "--low-memory")
    assert refused.exit_code == 2 and "--low-memory" in refused.output
    assert not (tmp_path / "c.nq").exists()
