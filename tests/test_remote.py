"""`trialgraph query NAME --endpoint URL`: every saved query answers the same
on a real Oxigraph server (after `push`) as on the local graph, names resolve
through the endpoint, and a hostile parameter value reaches the remote query
only as one escaped term."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from urllib.parse import parse_qs

from rdflib import Literal, URIRef
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from servers import OxigraphServer, StubServer
from trialgraph.cli import main
from trialgraph.errors import RemoteError, UsageError
from trialgraph.queries import catalogue, run
from trialgraph.remote import RemoteSource, sparql_term, with_values

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PROLOGUE = ("PREFIX tg: <https://w3id.org/trialgraph/ontology#>\n"
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
CANDIDATES = {  # per parameter type: the values a user would type, read from the graph
    "drug": "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?x a tg:Drug ; skos:prefLabel ?v } } ORDER BY ?v",
    "company": "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?x a tg:Company ; skos:prefLabel ?v } } ORDER BY ?v",
    "endpoint": "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?r tg:endpoint ?e } GRAPH ?o { ?e skos:notation ?v } } ORDER BY ?v",
    "cohort": "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?c tg:cohortLabel ?v } } ORDER BY ?v",
    "entity": "SELECT DISTINCT ?v WHERE { GRAPH ?g { ?v a tg:Drug } } ORDER BY ?v",
}
FIXED = {"date": ["2019-06-30", "2023-01-01"], "number": ["1"], "string": ["zelatinib"]}


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "examples.trig"
    assert run_cli("build", str(EXAMPLES), "-o", str(out), "-q", "--no-validate").exit_code == 0
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.TRIG)
    return out, store


@pytest.fixture(scope="module")
def server(tmp_path_factory, local):
    oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    result = run_cli("push", str(local[0]), "--endpoint", oxigraph.store)
    assert result.exit_code == 0, result.output
    yield oxigraph
    oxigraph.stop()


def _candidates(store, kind: str) -> list[str]:
    if kind in FIXED:
        return FIXED[kind]
    values = [s["v"].value for s in store.query(PROLOGUE + CANDIDATES[kind])]
    return values[:4]


def _parameter_sets(query, store):
    required = [p for p in query.params if p.required]
    choices = [_candidates(store, p.type) for p in required]
    for values in itertools.product(*choices):
        yield dict(zip((p.name for p in required), values))


def _key(row):
    return [repr(cell) for cell in row]


@pytest.mark.parametrize("query", catalogue(), ids=lambda q: q.name)
def test_remote_answers_equal_local_answers(query, local, server):
    _, store = local
    remote = RemoteSource(server.query)
    compared = answered = 0
    for params in _parameter_sets(query, store):
        try:
            mine = run(query, store, params)
        except UsageError:
            with pytest.raises(UsageError):  # a value the graph does not resolve fails the same way remotely
                run(query, remote, params)
            continue
        theirs = run(query, remote, params)
        assert theirs.columns == mine.columns
        assert sorted(theirs.rows, key=_key) == sorted(mine.rows, key=_key), params
        compared += 1
        answered += bool(mine.rows)
    assert compared >= 1


def test_some_saved_query_has_rows_on_both(local, server):
    """Guard against comparing empty answers only."""
    _, store = local
    remote = RemoteSource(server.query)
    sizes = []
    for query in catalogue():
        for params in _parameter_sets(query, store):
            try:
                sizes.append(len(run(query, remote, params).rows))
            except UsageError:
                pass
    assert sum(1 for n in sizes if n) >= 2


def test_cli_query_with_endpoint_resolves_names_remotely(local, server):
    graph, store = local
    dose_response = next(q for q in catalogue() if q.name == "dose-response")
    drug = next(d for d in _candidates(store, "drug") if run(dose_response, store, {"drug": d}).rows)
    here = run_cli("query", "dose-response", str(graph), "-p", f"drug={drug}", "--format", "json")
    there = run_cli("query", "dose-response", "--endpoint", server.query, "-p", f"drug={drug}", "--format", "json")
    assert here.exit_code == 0 and there.exit_code == 0, there.output
    assert json.loads(here.stdout) == json.loads(there.stdout)
    assert json.loads(there.stdout)["results"]["bindings"]


def test_graph_or_endpoint_not_both(local, server):
    assert run_cli("query", "dose-response", "-p", "drug=x").exit_code == 2
    both = run_cli("query", "dose-response", str(local[0]), "--endpoint", server.query, "-p", "drug=x")
    assert both.exit_code == 2 and "either GRAPH or --endpoint" in both.output


@pytest.mark.parametrize("hostile", ['"} UNION {?s ?p ?o} #', 'x" || true || "', "a\\\" } ; DROP ALL #\n"])
def test_hostile_value_reaches_the_endpoint_as_one_escaped_term(hostile, local, server):
    _, store = local
    drug_query = next(q for q in catalogue() if any(p.type == "drug" for p in q.params))
    name = next(p.name for p in drug_query.params if p.type == "drug")
    with pytest.raises(UsageError) as remote_error:  # no drug of that name: refused, as locally
        run(drug_query, RemoteSource(server.query), {name: hostile})
    with pytest.raises(UsageError) as local_error:
        run(drug_query, store, {name: hostile})
    assert remote_error.value.message == local_error.value.message

    stub = StubServer("500")  # records the exact text sent
    try:
        with pytest.raises(RemoteError):
            RemoteSource(stub.url.replace("/store", "/query")).sparql_select(
                drug_query.text, {name: Literal(hostile)})
    finally:
        stub.stop()
    sent = parse_qs(stub.requests[0]["body"].decode())["query"][0]
    tree = parseQuery(sent)  # still one valid query ...
    values = [node for node in _walk(tree) if getattr(node, "name", None) == "InlineData"]
    assert len(values) == 1  # ... with one VALUES block holding the value as one literal
    assert Literal(hostile) in list(_walk(values[0]))


def _walk(node):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, CompValue):
            stack.extend(current.values())
        elif isinstance(current, (ParseResults, list, tuple)):
            stack.extend(current)


def test_with_values_puts_the_block_inside_the_where_group():
    text = ('PREFIX ex: <http://example.org/#> # a comment with { brace\n'
            'SELECT ?a ?b WHERE { ?a ex:p "}{" . FILTER(?a != <urn:x>) } ORDER BY ?a')
    out = with_values(text, {"a": sparql_term(URIRef("urn:a")), "b": sparql_term(Literal("x\ny"))})
    assert 'WHERE { VALUES (?a ?b) { (<urn:a> "x\\ny") }' in out
    parseQuery(out)


def test_terms_that_cannot_be_escaped_are_refused():
    with pytest.raises(UsageError):
        sparql_term(URIRef("urn:a> <urn:b"))
    with pytest.raises(UsageError):
        sparql_term(URIRef("urn:a\nb"))


def test_with_values_binds_nested_filters_but_not_projections_or_modifiers():
    """Like pre-binding: a FILTER in a nested group sees the value, while a
    subquery's SELECT list, GROUP BY and `AS ?x` keep the variable."""
    text = ("SELECT ?d ?n WHERE { { SELECT ?d (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?x <urn:p> ?d } } GROUP BY ?d } "
            "GRAPH ?h { ?y <urn:q> ?when FILTER(?when <= ?d) } } ORDER BY ?d")
    out = with_values(text, {"d": "<urn:drug>"})
    assert "SELECT ?d (COUNT(?x) AS ?n)" in out and "GROUP BY ?d }" in out and out.endswith("ORDER BY ?d")
    assert "?x <urn:p> <urn:drug>" in out and "FILTER(?when <= <urn:drug>)" in out
    assert out.count("VALUES (?d) { (<urn:drug>) }") == 1
    parseQuery(out)


def test_an_unreachable_endpoint_exits_as_push_does(local):
    """Issue 14.6: the same trouble, the same exit code, whichever command met it."""
    from servers import free_port

    port = free_port()  # nothing listens there
    query = run_cli("query", "pipeline", "--endpoint", f"http://127.0.0.1:{port}/sparql")
    push = run_cli("push", str(local[0]), "--endpoint", f"http://127.0.0.1:{port}/store")
    assert push.exit_code == 4
    assert query.exit_code == push.exit_code
    assert query.output.strip() == f"error: connection refused by 127.0.0.1:{port}"
