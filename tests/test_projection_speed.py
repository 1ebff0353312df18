"""The facts table's and the map's queries run on pyoxigraph in time that
follows the graph (issue 14 item 10): a GRAPH <ontology> group joined after
GRAPH ?g made pyoxigraph take 3.5-4.2 s for result.rq on 250 generated
releases (5-17 s on 1,000); inside GRAPH ?g, before the OPTIONALs, it takes
under 0.1 s. One second per query leaves a wide margin for a busy machine."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from generated import GENERATOR
from trialgraph.cli import main
from trialgraph.graphsource import load_store
from trialgraph.resources import queries_dir

QUERIES = sorted((queries_dir() / "facts").glob("*.rq")) + sorted((queries_dir() / "viz").glob("*.rq"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    GENERATOR.write(250, folder / "releases", seed=3)
    graph = folder / "graph.trig"
    result = CliRunner().invoke(main, ["build", str(folder / "releases"), "-o", str(graph), "-q", "--no-validate"])
    assert result.exit_code == 0, result.output
    return load_store(graph)


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.parent.name}/{q.stem}")
def test_each_projection_query_takes_under_a_second_on_250_releases(store, query):
    text = query.read_text(encoding="utf-8")
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(text))
    elapsed = time.perf_counter() - started
    assert rows > 0
    assert elapsed < 1.0, f"{query.name}: {elapsed:.2f} s for {rows} rows"
