"""The query engine and its commands: parameter checking and name resolution,
refusals, the deadline, the row cap, the result formats, `trialgraph queries`
and `trialgraph query` (on the project's own example releases)."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shlex
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from trialgraph import queries as Q
from trialgraph.cli import main
from trialgraph.errors import UsageError
from trialgraph.graphsource import load_dataset, load_store
from trialgraph.pipeline import build, serialize_trig
from trialgraph.sparql.execute import frozen

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PREFIX = "PREFIX tg: <https://w3id.org/trialgraph/ontology#>\n"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?r } GRAPH ?c { ?u ?v ?w } }"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("examples") / "examples.trig"
    path.write_bytes(serialize_trig(build(sorted(EXAMPLES.iterdir()), validate=False).assembly))
    return path


@pytest.fixture(scope="module")
def sources(graph_file):
    return {"pyoxigraph": load_store(graph_file), "rdflib": load_dataset(graph_file)}


def saved(tmp_path: Path, body: str, header: str = "") -> Q.SavedQuery:
    path = tmp_path / "user.rq"
    path.write_text(f"# A user query\n#\n# Written for a test.\n#\n{header}{PREFIX}{body}\n", encoding="utf-8")
    return Q.load(str(path))


def test_header_is_parsed_into_params_and_columns(tmp_path):
    query = saved(tmp_path, "SELECT ?drug ?v WHERE { GRAPH ?g { ?r tg:aboutDrug ?drug ; tg:value ?v } }",
                  "# @param ?drug drug required the drug\n# @param ?n number optional a number\n# @returns ?drug ?v\n")
    assert (query.title, query.description) == ("A user query", "Written for a test.")
    assert query.params == (Q.Param("drug", "drug", True, "the drug"), Q.Param("n", "number", False, "a number"))
    assert query.columns == ("drug", "v")
    with pytest.raises(UsageError, match="unknown type 'colour'"):
        saved(tmp_path, "SELECT * WHERE {}", "# @param ?x colour required bad\n")


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_names_resolve_as_releases_write_them(sources, engine):
    source = sources[engine]
    drug = Q.resolve("drug", "NWO-217", source)
    assert str(drug).startswith("https://w3id.org/trialgraph/id/drug/")
    assert Q.resolve("drug", "nwo 217", source) == drug  # case, space and hyphen aside
    assert Q.resolve("drug", f"<{drug}>", source) == drug
    assert Q.resolve("company", "Bluefin", source) == Q.resolve("company", "Bluefin Therapeutics Ltd", source)
    assert Q.resolve("endpoint", "mOS", source) == URIRef("https://w3id.org/trialgraph/ontology#Endpoint_mOS")
    assert Q.resolve("endpoint", "median overall survival", source) == Q.resolve("endpoint", "mOS", source)
    assert Q.resolve("cohort", "Cohort 1", source) == Literal("1")
    assert Q.resolve("date", "2019-01-01", source) == Literal("2019-01-01", datatype=XSD.date)
    assert Q.resolve("number", "2.50", source) == Literal("2.50", datatype=XSD.decimal)
    assert Q.resolve("curie", "tgid:drug/x", source) == URIRef("https://w3id.org/trialgraph/id/drug/x")
    with pytest.raises(UsageError) as refused:
        Q.resolve("drug", "NWO-21", source)
    assert "no drug named 'NWO-21'" in refused.value.one_line() and "did you mean 'NWO-217'" in refused.value.one_line()


@pytest.mark.parametrize("kind, value", [
    ("date", "2019-13-01"), ("date", "yesterday"), ("number", "1e999"), ("number", "12 OR 1=1"),
    ("iri", "https://example.org/a>b"), ("iri", "not an iri"), ("curie", "nope:thing"), ("cohort", "99"),
    ("endpoint", "happiness"),
])
def test_values_of_the_wrong_type_are_refused(sources, kind, value):
    with pytest.raises(UsageError):
        Q.resolve(kind, value, sources["pyoxigraph"])


DRUG_IRI = "https://w3id.org/trialgraph/id/drug/nwo-217"
COMPANY_IRI = "https://w3id.org/trialgraph/id/company/northwindoncology"


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
@pytest.mark.parametrize("kind, value, message", [
    ("drug", COMPANY_IRI, "is a company and an organization, not a drug"),
    ("company", DRUG_IRI, "is a drug, not a company"),
    ("company", "tgid:drug/nwo-217", "is a drug, not a company"),
    ("drug", "tgid:", "is nothing in the graph, not a drug"),
    ("entity", "tgid:", "is nothing in the graph, not an entity"),
    ("endpoint", COMPANY_IRI, "not an endpoint"),
    ("endpoint", "tg:", "is nothing in the graph, not an endpoint"),
])
def test_an_iri_of_the_wrong_class_is_refused_naming_the_kind(sources, engine, kind, value, message):
    """Issue 15.8: such IRIs used to run and answer nothing with exit 0."""
    with pytest.raises(UsageError, match=message):
        Q.resolve(kind, value, sources[engine])


@pytest.mark.parametrize("kind, value", [
    ("drug", DRUG_IRI), ("drug", "tgid:drug/nwo-217"), ("company", f"<{COMPANY_IRI}>"), ("entity", COMPANY_IRI),
    ("endpoint", "https://w3id.org/trialgraph/ontology#Endpoint_mOS")])
def test_an_iri_of_the_right_class_is_accepted(sources, kind, value):
    assert str(Q.resolve(kind, value, sources["pyoxigraph"])) == value.strip("<>").replace(
        "tgid:", "https://w3id.org/trialgraph/id/")


def test_cli_names_the_expected_kind(graph_file):
    result = CliRunner().invoke(main, ["query", "pipeline", str(graph_file), "--param", f"company={DRUG_IRI}"])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: parameter 'company': '{DRUG_IRI}' is a drug, not a company "
                                     "(give a company's name or IRI)")


def test_bad_parameters_are_named_and_the_query_never_runs(sources, tmp_path):
    # The body would run for minutes: a refusal that comes back at once proves it never started.
    body = "SELECT ?when (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?r } } GROUP BY ?when"
    query = saved(tmp_path, body, "# @param ?when date required a date\n# @returns ?when ?n\n")
    cases = [({}, "missing required parameter 'when'"), ({"when": "soon"}, "parameter 'when'"),
             ({"when": "2020-01-01", "colour": "red"}, "unknown parameter 'colour'")]
    for params, message in cases:
        started = time.monotonic()
        with pytest.raises(UsageError, match=message):
            Q.run(query, sources["pyoxigraph"], params, deadline=60)
        assert time.monotonic() - started < 2


@pytest.mark.parametrize("body, message", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { OPTIONAL { service\n<http://127.0.0.1:{port}/x> { ?s ?p ?o } } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("LOAD <http://127.0.0.1:{port}/data.ttl>", "updates"),
    ("INSERT DATA { <x:a> <x:b> <x:c> }", "updates"),
    ("DELETE WHERE { ?s ?p ?o }", "updates"),
    ("CLEAR ALL", "updates"),
])
@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_outbound_and_update_queries_are_refused_before_running(sources, tmp_path, body, message, engine):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.3)
    try:
        query = saved(tmp_path, body.replace("{port}", str(listener.getsockname()[1])))
        with pytest.raises(Q.QueryRefused, match=message):
            Q.run(query, sources[engine], {})
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody called
    finally:
        listener.close()


def test_service_inside_a_string_is_only_text(sources, tmp_path):
    query = saved(tmp_path, 'SELECT ?s WHERE { GRAPH ?g { ?s ?p "SERVICE <http://example.org/>" } } # FROM <x:y>')
    assert Q.run(query, sources["pyoxigraph"], {}).rows == []


@pytest.mark.parametrize("shared_worker", [False, True])
@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
@pytest.mark.parametrize("body", [CARTESIAN, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a (tg:x|!tg:x)* ?b } GRAPH ?h { ?c (tg:x|!tg:x)* ?d } }"])
def test_runaway_queries_stop_at_the_deadline(sources, tmp_path, engine, body, shared_worker):
    # Both ways a deadline runs: a fork per query, and the persistent worker of a frozen source.
    query = saved(tmp_path, body)
    with frozen(sources[engine]) if shared_worker else contextlib.nullcontext():
        started = time.monotonic()
        with pytest.raises(Q.QueryTimeout, match="did not finish within 1 s"):
            Q.run(query, sources[engine], {}, deadline=1.0)
        assert time.monotonic() - started < 5


def test_row_cap_refuses_rather_than_truncates(sources, tmp_path):
    query = saved(tmp_path, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    with pytest.raises(Q.QueryTooLarge, match="more than 10 rows"):
        Q.run(query, sources["pyoxigraph"], {}, row_cap=10)
    assert len(Q.run(query, sources["pyoxigraph"], {}, row_cap=10**6).rows) > 10


def test_result_formats(sources):
    table = Q.run(Q.load("metric-timeline"), sources["pyoxigraph"], {"drug": "NWO-217", "endpoint": "ORR"})
    assert table.rows
    document = json.loads(Q.to_json(table))
    assert document["head"]["vars"] == table.columns
    first = document["results"]["bindings"][0]
    assert first["drug"]["type"] == "uri" and first["value"]["datatype"] == str(XSD.decimal)
    assert "datatype" not in first["doc"] and first["doc"]["type"] == "literal"
    rows = list(csv.reader(io.StringIO(Q.to_csv(table))))
    assert rows[0] == table.columns and len(rows) == len(table.rows) + 1
    tsv = Q.to_tsv(table).splitlines()
    assert tsv[0].split("\t") == [f"?{c}" for c in table.columns] and tsv[1].startswith("<https://")
    text = Q.to_text(table)
    assert "tgid:drug/" in text and text.rstrip().endswith(f"({len(table.rows)} rows)")


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_queries_lists_the_catalogue():
    result = cli("queries")
    assert result.exit_code == 0
    for query in Q.catalogue():
        assert f"{query.name}: {query.title}" in result.output
    assert "--param drug=  drug, required" in result.output
    listed = json.loads(cli("queries", "--format", "json").stdout)
    assert [q["name"] for q in listed] == [q.name for q in Q.catalogue()]
    timeline = next(q for q in listed if q["name"] == "metric-timeline")
    assert {"name": "cohort", "type": "cohort", "required": False} == {k: v for k, v in timeline["params"][2].items() if k != "doc"}


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_cli_query_runs_a_saved_query_in_every_format(graph_file, engine):
    args = ["query", "metric-timeline", str(graph_file), "--param", "drug=NWO-217", "-p", "endpoint=mOS",
            "--engine", engine]
    document = json.loads(cli(*args, "--format", "json").stdout)
    values = [b["value"]["value"] for b in document["results"]["bindings"]]
    assert values and document["head"]["vars"][0] == "drug"
    assert cli(*args, "--format", "csv").output.splitlines()[0].startswith("drug,endpoint,cohort")
    assert cli(*args, "--format", "tsv").output.startswith("?drug\t")
    assert "NWO-217  Median overall survival" in cli(*args).output  # the table shows labels,
    assert "tgid:drug/nwo-217" in cli(*args, "--iri").output  # and the IRIs on request


def test_cli_query_errors_are_one_line_exit_2(graph_file, tmp_path):
    bad = cli("query", "metric-timeline", str(graph_file), "-p", "drug=NWO-217", "-p", "endpoint=mOS", "-p", "when=now")
    assert bad.exit_code == 2 and "unknown parameter 'when'" in bad.output
    missing = cli("query", "metric-timeline", str(graph_file), "-p", "endpoint=mOS")
    assert missing.exit_code == 2 and "missing required parameter 'drug'" in missing.output
    assert cli("query", "no-such-query", str(graph_file)).exit_code == 2
    refused = tmp_path / "refused.rq"
    refused.write_text("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", encoding="utf-8")
    result = cli("query", str(refused), str(graph_file))
    assert result.exit_code == 2 and "SERVICE" in result.output


def test_cli_query_runs_any_rq_file(graph_file, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text(PREFIX + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a tg:Result } }", encoding="utf-8")
    result = cli("query", str(path), str(graph_file), "--format", "csv")
    assert result.exit_code == 0 and int(result.output.splitlines()[1]) > 0


def test_cli_query_stopped_at_its_deadline_exits_5_not_2(graph_file, tmp_path):
    """Issue 14.6: a deadline is not a usage error; the epilogue says so."""
    query = tmp_path / "slow.rq"
    query.write_text(CARTESIAN + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query), str(graph_file), "--deadline", "0.5"])
    assert result.exit_code == 5
    assert result.output.startswith("error: the query did not finish within 0.5 s")
    assert "5   the query was stopped" in CliRunner().invoke(main, ["query", "--help"]).output


TUNING = re.compile(r"\bfor speed\b|\bspeed \(|\d\s*m?s\b|->\s*~?\d|\bpyoxigraph\b|\bFILTER EXISTS\b", re.IGNORECASE)


@pytest.mark.parametrize("query", Q.catalogue(), ids=lambda q: q.name)
def test_each_saved_query_says_what_it_is_for_and_has_an_example_that_runs(query, graph_file):
    """Issue 14.8: the catalogue is for people; tuning notes live in the .rq comments."""
    assert query.description and not TUNING.search(query.description), query.description
    words = shlex.split(query.example)
    assert words[:4] == ["trialgraph", "query", query.name, "out/examples.trig"]
    result = CliRunner().invoke(main, ["query", query.name, str(graph_file), *words[4:]])
    assert result.exit_code == 0, result.output
    listing = CliRunner().invoke(main, ["queries"]).output
    assert f"    example: {query.example}\n" in listing


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_the_table_shows_labels_and_the_iris_on_request(graph_file, engine):
    """Issue 14.8: a trial by its name, else its phase and indication; a drug,
    company or endpoint by its label; --iri adds the IRIs; --wide cuts nothing."""
    def table(*args):
        result = CliRunner().invoke(main, ["query", *args, str(graph_file), "--engine", engine])
        assert result.exit_code == 0, result.output
        return result.output

    pipeline = table("pipeline", "-p", "company=Northwind")
    header, rows = pipeline.splitlines()[0], pipeline.splitlines()[2:-1]
    assert "tgid:" not in pipeline and header.split()[:5] == ["company", "company_name", "drug", "drug_name", "trial"]
    assert all(row.startswith("Northwind Oncology, Inc.  Northwind Oncology, Inc.") for row in rows)
    assert any("HARBOR-2" in re.split(r"\s{2,}", row)[3:5] for row in rows)  # a named trial by its name
    assert any("phase 1, relapsed or refractory acute myeloid leukemia" in row.lower() for row in rows)  # an unnamed one
    timeline = table("metric-timeline", "-p", "drug=NWO-217", "-p", "endpoint=ORR")
    assert "Overall response rate" in timeline and "tg:Endpoint_ORR" not in timeline
    with_iris = table("dose-response", "-p", "drug=NWO-217", "--iri")
    assert with_iris.splitlines()[0].split()[:4] == ["drug", "drug_iri", "trial", "trial_iri"]
    assert "nwo-217  tgid:drug/nwo-217  phase 1, relapsed" in with_iris.lower()
    long_iri = "tgid:trial/nwo-217/phase-1-acute-leukemia-myeloid-refractory-relaps"
    assert long_iri not in with_iris and long_iri[:59] + "…" in with_iris  # cut at 60 characters
    assert long_iri in table("dose-response", "-p", "drug=NWO-217", "--iri", "--wide")
    assert table("pipeline") == table("pipeline")


def test_cli_query_past_its_memory_limit_exits_4(graph_file, tmp_path):
    doubling = " ".join(f"BIND(CONCAT(?x{n}, ?x{n}) AS ?x{n + 1})" for n in range(40))
    query = tmp_path / "doubling.rq"
    query.write_text(f'SELECT (STRLEN(?x40) AS ?n) WHERE {{ BIND("0123456789" AS ?x0) {doubling} }}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query), str(graph_file), "--memory", "128"])
    assert result.exit_code == 5 and "memory limit of 128 MiB" in result.output
