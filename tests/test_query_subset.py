"""query_subset.py: a build's graph file read only for what a set of queries
reads, its release graphs in shares, gives the same answers as the whole
graph; any other file is left to the whole-graph reader."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from trialgraph.cli import main
from trialgraph.facts import facts, file_facts
from trialgraph.graphsource import load_dataset, load_store
from trialgraph.query_subset import blocks, filtered_block, query_reads, split

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TG = "https://w3id.org/trialgraph/ontology#"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("subset") / "examples.trig"
    assert CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out), "-q"]).exit_code == 0
    return out


@pytest.mark.parametrize("shares", [1, 2, 3, 7])
def test_facts_by_share_are_the_facts_of_the_whole_graph(built, shares):
    assert blocks(built) is not None
    whole = facts(load_store(built))
    assert whole and file_facts(built, shares=shares) == whole
    assert whole == facts(load_dataset(built))


def test_a_file_not_in_the_build_layout_is_read_whole(built, tmp_path):
    whole = facts(load_store(built))
    exported = tmp_path / "examples.nq"
    assert CliRunner().invoke(main, ["export", str(built), "-o", str(exported)]).exit_code == 0
    assert blocks(exported) is None and file_facts(exported) == whole
    long = tmp_path / "long.trig"  # a long literal may span lines: not cut line by line
    long.write_text(re.sub(r'"([^"\\]*)" ;', r'"""\1""" ;', built.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    assert blocks(long) is None and file_facts(long) == whole


def test_a_line_the_writer_does_not_write_falls_back_to_the_whole_graph(built, tmp_path):
    path = tmp_path / "odd.trig"
    path.write_text(built.read_text(encoding="utf-8").replace("\n        ", "\n      ", 1), encoding="utf-8")
    assert blocks(path) is not None  # the blocks are found; a line inside one is not in the layout
    assert file_facts(path, shares=2) == facts(load_store(path))


def test_a_broken_build_file_still_gives_the_one_line_error(built, tmp_path):
    path = tmp_path / "broken.trig"
    path.write_text(built.read_text(encoding="utf-8").replace(" ;\n", " ;;;\n<", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["facts", str(path)])
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) <= 2 and "Traceback" not in result.output


def test_query_reads_names_predicates_and_graphs_or_refuses():
    reads = query_reads([f"PREFIX tg: <{TG}> SELECT * WHERE {{ GRAPH ?g {{ ?a tg:x/tg:y ?b ; ^tg:z ?c }} "
                         f"GRAPH <http://example.org/o> {{ ?b a ?t }} }}"])
    assert reads == (frozenset({TG + "x", TG + "y", TG + "z", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}),
                     frozenset({"http://example.org/o"}))
    for pattern in ("?a ?p ?b", f"?a <{TG}x>* ?b", f"?a !<{TG}x> ?b", f"?a <{TG}x>? ?b"):
        assert query_reads([f"SELECT * WHERE {{ {pattern} }}"]) is None


def test_a_filtered_block_holds_exactly_the_triples_with_those_predicates(built):
    found = blocks(built)
    predicates = frozenset({"http://www.w3.org/2004/02/skos/core#prefLabel", TG + "developedBy"})
    for name, start, end in found.blocks:
        text = bytes(found.header) + filtered_block(found, name, start, end, predicates, {})
        kept = set(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TRIG))
        whole = bytes(found.header) + b"\n<" + name.encode() + b"> {\n" + found.data[start:end] + b"}\n"
        expected = {q for q in pyoxigraph.parse(whole, format=pyoxigraph.RdfFormat.TRIG)
                    if q.predicate.value in predicates}
        assert kept == expected


def test_split_keeps_block_order_and_every_block_once():
    pieces = [(str(i), i * 10, i * 10 + size) for i, size in enumerate([5, 1, 9, 3, 3, 8, 2])]
    for count in (1, 2, 3, 7):
        shares = split(pieces, count)
        assert [block for share in shares for block in share] == pieces
        assert len(shares) == count


def test_the_map_from_the_narrowed_store_is_the_map_of_the_whole_graph(built, tmp_path):
    from trialgraph.viz import write_map
    from trialgraph.viz.sparql import map_store

    narrowed, whole = tmp_path / "narrowed.html", tmp_path / "whole.html"
    store = map_store(built)
    assert len(store) < len(load_store(built))  # inferred links, extractor and zone records are not read
    write_map(store, narrowed)
    write_map(load_store(built), whole)
    assert narrowed.read_bytes() == whole.read_bytes()


def test_a_line_the_cutter_does_not_expect_leaves_the_store_to_the_whole_graph_reader(built, tmp_path):
    from trialgraph.query_subset import store_for

    path = tmp_path / "odd.trig"
    path.write_text(built.read_text(encoding="utf-8").replace("\n        ", "\n      ", 1), encoding="utf-8")
    queries = [f"PREFIX tg: <{TG}> SELECT * WHERE {{ GRAPH ?g {{ ?d tg:developedBy ?c }} }}"]
    assert store_for(path, queries) is None
    assert len(store_for(built, queries)) > 0


def test_the_map_is_the_same_when_the_process_answering_the_costliest_queries_fails(built, tmp_path, monkeypatch):
    from trialgraph.viz import sparql, write_map

    expected, fallback = tmp_path / "expected.html", tmp_path / "fallback.html"
    write_map(sparql.map_store(built), expected)
    monkeypatch.setattr(sparql._Early, "rows", lambda self, name: (self.close(), None)[1])
    store = sparql.map_store(built)
    assert id(store) in sparql._EARLY
    write_map(store, fallback)
    assert fallback.read_bytes() == expected.read_bytes()
    assert id(store) not in sparql._EARLY


def test_the_map_is_the_same_when_every_forked_query_process_fails(built, tmp_path, monkeypatch):
    from trialgraph.viz import sparql, write_map

    expected, fallback = tmp_path / "expected.html", tmp_path / "fallback.html"
    write_map(sparql.map_store(built, names=False), expected)
    asked = []
    monkeypatch.setattr(sparql._Answers, "rows", lambda self, name: asked.append(name) or self.close())
    write_map(sparql.map_store(built, names=False), fallback)
    assert fallback.read_bytes() == expected.read_bytes()
    assert set(sparql.EARLY) | set(sparql.LATER) <= set(asked)


def test_the_store_without_names_to_resolve_keeps_only_the_types_the_map_reads(built):
    from trialgraph.viz import sparql

    rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    narrow, wide = sparql.map_store(built, names=False), sparql.map_store(built)
    for store in (narrow, wide):
        sparql.discard(store)
    classes = {quad.object.value.rsplit("#", 1)[-1] for quad in narrow.quads_for_pattern(None, rdf_type, None)}
    assert {"Drug", "Company", "ClinicalTrial", "PressRelease", "Result", "Milestone"} <= classes
    assert not classes & {"Evidence", "Person", "Designation", "TextQuoteSelector"}
    assert {"Person", "Designation"} <= {quad.object.value.rsplit("#", 1)[-1]
                                         for quad in wide.quads_for_pattern(None, rdf_type, None)}


def test_query_classes_bounds_types_by_constants_and_joined_values_only():
    from trialgraph.query_subset import query_classes

    def classes(where: str):
        return query_classes([f"PREFIX tg: <{TG}> SELECT * WHERE {{ {where} }}"])

    assert classes("?x a tg:A ; tg:p ?y") == {TG + "A"}
    assert classes("?x a ?c VALUES ?c { tg:A tg:B }") == {TG + "A", TG + "B"}
    assert classes("GRAPH ?g { ?x a ?c } VALUES ?c { tg:A }") == {TG + "A"}
    assert classes("?x tg:p ?y FILTER EXISTS { ?x a tg:A }") == {TG + "A"}
    for unbounded in ("?x a ?c", "?x a ?c VALUES ?c { tg:A UNDEF }", "?x a ?c OPTIONAL { VALUES ?c { tg:A } }",
                      "{ ?x a ?c } UNION { VALUES ?c { tg:A } }", "?x tg:p/a ?c", "?x tg:p ?y FILTER EXISTS { ?x a ?c }",
                      "?x tg:q ?c OPTIONAL { ?x a ?d } VALUES ?d { tg:A }"):
        assert classes(unbounded) is None, unbounded


def test_a_filtered_block_keeps_only_the_types_of_the_classes_asked(built):
    found = blocks(built)
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    predicates = frozenset({rdf_type, TG + "developedBy"})
    classes = frozenset({TG + "Drug", TG + "Company"})
    for name, start, end in found.blocks:
        text = bytes(found.header) + filtered_block(found, name, start, end, predicates, {}, classes)
        kept = set(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TRIG))
        whole = bytes(found.header) + b"\n<" + name.encode() + b"> {\n" + found.data[start:end] + b"}\n"
        expected = {q for q in pyoxigraph.parse(whole, format=pyoxigraph.RdfFormat.TRIG)
                    if q.predicate.value in predicates and (q.predicate.value != rdf_type or q.object.value in classes)}
        assert kept == expected


def test_a_map_refused_for_an_unknown_name_leaves_no_process_waiting(built, tmp_path):
    from click.testing import CliRunner

    from trialgraph.cli import main
    from trialgraph.viz import sparql

    before = set(sparql._EARLY)
    result = CliRunner().invoke(main, ["viz", str(built), "-o", str(tmp_path / "map.html"), "--drug", "no such drug zq-000"])
    assert result.exit_code != 0
    assert not (tmp_path / "map.html").exists()
    assert set(sparql._EARLY) == before
