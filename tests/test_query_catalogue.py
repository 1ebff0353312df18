"""Every saved query answers correctly on the graph of ../shared/corpus (seeds +
dev), returns the same rows on pyoxigraph and on rdflib, and treats hostile
parameter values as values (RELIABILITY.md items 15-17)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from trialgraph import queries as Q
from trialgraph.errors import UsageError
from trialgraph.graphsource import load_dataset, load_store
from trialgraph.pipeline import build, serialize_trig
from trialgraph.sparql.safety import projected_variables

ENGINES = ("pyoxigraph", "rdflib")
# Parameters that give each query a non-trivial answer on the corpus.
EXAMPLE_PARAMS = {
    "as-of": {"drug": "CLR 131", "date": "2017-12-31"},
    "benchmarks": {"drug": "CLR 131"},
    "company-timeline": {"company": "Cellectar"},
    "designations": {"drug": "selinexor"},
    "dose-response": {"drug": "CLR 131"},
    "evidence": {"subject": "omburtamab"},
    "latest-results": {"drug": "iopofosine"},
    "metric-timeline": {"drug": "CLR 131", "endpoint": "mOS", "cohort": "1"},
    "pipeline": {"company": "Cellectar"},
}
INJECTIONS = ('"} UNION {?s ?p ?o} #', 'x" || true || "', "<https://w3id.org/trialgraph/id/drug/x> } UNION { ?s ?p ?o",
              "https://example.org/a>b", "tgid:drug/x> } UNION { ?s ?p ?o } #", "1' OR '1'='1", "*",
              "SERVICE <http://example.org/sparql> { ?s ?p ?o }")
INNOCENT = {"drug": "nonexistent drug", "company": "nonexistent company", "endpoint": "ORR", "cohort": "1",
            "date": "1999-01-01", "entity": "tgid:drug/nonexistent", "iri": "https://example.org/none",
            "curie": "tgid:none", "number": "0", "string": "nothing"}


@pytest.fixture(scope="module")
def graph_file(shared, tmp_path_factory) -> Path:
    result = build(sorted((shared / "corpus" / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "dev").glob("*.txt")),
                   validate=False)
    path = tmp_path_factory.mktemp("corpus") / "corpus.trig"
    path.write_bytes(serialize_trig(result.assembly))
    return path


@pytest.fixture(scope="module")
def sources(graph_file):
    return {"pyoxigraph": load_store(graph_file), "rdflib": load_dataset(graph_file)}


def answer(sources, name, engine="pyoxigraph", **params) -> list[dict]:
    table = Q.run(Q.load(name), sources[engine], params)
    return [{c: (v.toPython() if v is not None else None) for c, v in zip(table.columns, row)} for row in table.rows]


def num(value) -> float:
    return float(Decimal(str(value)))


def test_every_saved_query_is_documented_and_selects_its_columns():
    names = [q.name for q in Q.catalogue()]
    assert names == sorted(names) and set(EXAMPLE_PARAMS) <= set(names)
    for query in Q.catalogue():
        assert query.title and query.description, query.name
        projected = projected_variables(query.text)
        assert projected is not None and set(query.columns) == set(projected), query.name
        assert {p.name for p in query.params} <= projected, query.name


def test_metric_timeline_lists_cohort_1_mos_of_each_release_in_date_order(sources):
    for name in ("CLR 131", "iopofosine", "I-131-CLR1404", "clr131", "tgid:drug/clr-131"):
        rows = answer(sources, "metric-timeline", drug=name, endpoint="mOS", cohort="Cohort 1")
        assert [(str(r["date"]), num(r["value"])) for r in rows] == [("2016-12-01", 11.9), ("2017-11-07", 26.2)]
        assert [r["doc"] for r in rows] == ["cellectar-2016-12-01", "001_9855b1f3578fbe00"]
        assert {r["unit"] for r in rows} == {"months"}
    every_cohort = answer(sources, "metric-timeline", drug="CLR 131", endpoint="mOS")
    assert {r["cohort_label"] for r in every_cohort} == {"1", "2", "3"}


def test_dose_response_orders_cohorts_by_dose_with_regimen_and_results(sources):
    rows = answer(sources, "dose-response", drug="CLR 131")
    myeloma = [r for r in rows if "multiple-myeloma" in r["trial"] and r["cohort"].isdigit()]  # dose cohorts
    doses = [num(r["dose"]) for r in myeloma]
    # cohort 5 took two 15.625 mCi/m2 doses a week apart: 31.25 in a cycle, like cohort 4 in one infusion
    assert doses == sorted(doses) and sorted(set(doses)) == [12.5, 18.75, 25, 31.25, 37.5, 40]
    cohort6 = {(r["endpoint"], num(r["value"])) for r in myeloma if r["cohort"] == "6"}
    assert ("ORR", 50) in cohort6 and {r["regimen"] for r in myeloma if r["cohort"] == "6"} == {"fractionated"}
    assert {r["dose_unit"] for r in myeloma} == {"mCi/m2"}


def test_latest_results_show_the_value_each_supersedes(sources):
    rows = answer(sources, "latest-results", drug="CLR 131")
    mos = {r["cohort"]: r for r in rows if r["endpoint"] == "mOS"}
    assert num(mos["1"]["value"]) == 26.2 and num(mos["1"]["previous_value"]) == 11.9
    assert mos["1"]["previous_doc"] == "cellectar-2016-12-01"
    assert num(mos["3"]["value"]) == 10 and mos["3"]["previous_value"] is None
    keys = [(r["trial"], r["cohort"], r["endpoint"], r["unit"]) for r in rows]
    assert len(keys) == len(set(keys)), "one latest row per figure"


def test_restatements_pair_consecutive_values_and_flag_decreases(sources):
    rows = answer(sources, "restatements")
    found = {(r["cohort"], r["endpoint"], num(r["previous_value"]), num(r["value"]), r["decrease"]) for r in rows}
    assert ("1", "mOS", 11.9, 26.2, False) in found and ("2", "mOS", 4.9, 15.4, False) in found
    assert all(r["previous_as_of"] < r["as_of"] for r in rows)


def test_designations_group_statements_with_first_and_last_release(sources):
    rows = answer(sources, "designations", drug="CLR 131")
    myeloma = [r for r in rows if r["type"] == "orphan_drug" and r["agency"] == "FDA"
               and r["indication"].lower() == "multiple myeloma"]
    assert len(myeloma) == 1
    assert (myeloma[0]["first_doc"], myeloma[0]["last_doc"]) == ("cellectar-2014-12-04", "cellectar-2021-09-22")
    assert myeloma[0]["category"] == "incentive"
    approvals = answer(sources, "designations", drug="selinexor")
    assert {"accelerated_approval", "priority_review"} <= {r["type"] for r in approvals}
    assert {r["drug_name"] for r in answer(sources, "designations")} >= {"CLR 131", "selinexor", "naxitamab"}


def test_pipeline_lists_company_drugs_and_trials_as_of_latest_release(sources):
    rows = answer(sources, "pipeline", company="Cellectar")
    assert {r["company_name"] for r in rows} == {"Cellectar Biosciences, Inc."}
    clover = [r for r in rows if r["trial_name"] == "CLOVER-1"]
    assert clover and {r["phase"] for r in clover} == {"2"} and {r["drug_name"] for r in clover} == {"CLR 131"}
    assert any(r["drug_name"] == "CLR 1900" and r["trial"] is None for r in rows)
    everyone = answer(sources, "pipeline")
    assert len({r["company"] for r in everyone}) >= 4


def test_company_timeline_shows_the_headquarters_move(sources):
    rows = answer(sources, "company-timeline", company="Cellectar Biosciences")
    places = {r["value"]: r for r in rows if r["facet"] == "dateline"}
    assert set(places) == {"Madison, WI", "Florham Park, NJ"}
    assert places["Madison, WI"]["last_date"] < places["Florham Park, NJ"]["first_date"]
    assert ("CLRB", "NASDAQ") in {(r["value"], r["detail"]) for r in rows if r["facet"] == "ticker"}
    assert "Celectar Biosciences, Inc." in {r["value"] for r in rows if r["facet"] == "name as written"}
    assert "James Caruso" in {r["value"] for r in rows if r["facet"] == "executive"}


def test_benchmarks_set_results_beside_comparators(sources):
    rows = answer(sources, "benchmarks", drug="CLR 131")
    cohort1 = [r for r in rows if r["cohort"] == "1" and r["endpoint"] == "mOS"]
    assert len(cohort1) == 1
    r = cohort1[0]
    assert (num(r["value"]), num(r["comparator_value"]), num(r["comparator_value_high"])) == (26.2, 11.9, 18.6)
    assert num(r["difference"]) == pytest.approx(14.3)


def test_evidence_gives_sentences_with_spans_that_are_in_the_release(sources, shared):
    rows = answer(sources, "evidence", subject="omburtamab")
    assert {r["doc"] for r in rows} == {"ymabs-2019-07-01", "ymabs-2020-11-25"}
    for r in rows:
        text = (shared / "corpus" / "dev" / f"{r['doc']}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
        assert text[r["start"]:r["end"]] == r["sentence"]
    restated = Q.run(Q.load("evidence"), sources["pyoxigraph"],
                     {"subject": "tgid:drug/clr-131"}).rows
    assert len({str(r[1]) for r in restated}) >= 10  # stated in most releases


def test_as_of_uses_only_releases_up_to_the_date(sources):
    early = answer(sources, "as-of", drug="CLR 131", date="2016-12-31")
    assert early and all(str(r["issued"]) <= "2016-12-31" for r in early)
    values = lambda rows: {str(r["value"]) for r in rows if r["kind"] == "result" and r["property"] == "value"}  # noqa: E731
    assert "11.9" in values(early) and "26.2" not in values(early)
    later = answer(sources, "as-of", drug="CLR 131", date="2017-12-31")
    assert "26.2" in values(later)


def test_quality_reports_are_empty_on_the_corpus_and_catch_planted_problems(graph_file):
    import pyoxigraph as ox

    store = load_store(graph_file)
    for name in ("quality-missing-evidence", "quality-results-without-trial", "quality-duplicates"):
        assert Q.run(Q.load(name), store, {}).rows == [], name
    tg = "https://w3id.org/trialgraph/ontology#"
    result = next(q for q in store.quads_for_pattern(None, ox.NamedNode(tg + "resultOf"), None))
    store.remove(result)
    evidence = next(q for q in store.quads_for_pattern(result.subject, ox.NamedNode(tg + "evidence"), None))
    store.remove(evidence)
    twin = ox.NamedNode("https://w3id.org/trialgraph/id/company/planted-twin")
    listing = ox.NamedNode("https://w3id.org/trialgraph/id/listing/planted")
    graph = result.graph_name
    store.add(ox.Quad(listing, ox.NamedNode(tg + "listedCompany"), twin, graph))
    store.add(ox.Quad(listing, ox.NamedNode(tg + "ticker"), ox.Literal("CLRB"), graph))
    missing = Q.run(Q.load("quality-missing-evidence"), store, {}).rows
    assert [str(r[2]) for r in missing] == [result.subject.value]
    orphans = Q.run(Q.load("quality-results-without-trial"), store, {}).rows
    assert len(orphans) == 1
    # an alternative name (graph/entities: no type there) written as another drug's name
    skos = "http://www.w3.org/2004/02/skos/core#"
    drug = next(q.subject for q in store.quads_for_pattern(None, ox.NamedNode(skos + "prefLabel"), None)
                if q.subject.value.startswith("https://w3id.org/trialgraph/id/drug/"))
    alias = ox.Quad(drug, ox.NamedNode(skos + "altLabel"), ox.Literal("Plantozumab-X1"),
                    ox.NamedNode("https://w3id.org/trialgraph/id/graph/entities"))
    store.add(alias)
    namesake = ox.NamedNode("https://w3id.org/trialgraph/id/drug/planted-namesake")
    store.add(ox.Quad(namesake, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(tg + "Drug"),
                      graph))
    store.add(ox.Quad(namesake, ox.NamedNode(skos + "prefLabel"), ox.Literal(alias.object.value.lower() + "."), graph))
    twins = Q.run(Q.load("quality-duplicates"), store, {}).rows
    assert any(str(r[2]) == twin.value and str(r[3]) == "same ticker" for r in twins)
    pair = sorted([alias.subject.value, namesake.value])
    assert any([str(r[1]), str(r[2])] == pair and str(r[3]) == "same name" for r in twins)


@pytest.mark.parametrize("name", sorted(q.name for q in Q.catalogue()))
def test_same_rows_on_pyoxigraph_and_rdflib(sources, name):
    query = Q.load(name)
    params = EXAMPLE_PARAMS.get(name, {})
    params = {k: v for k, v in params.items() if query.param(k)}
    if any(p.required and p.name not in params for p in query.params):
        pytest.skip(f"{name} needs parameters this test does not know")
    tables = {engine: Q.run(query, sources[engine], params) for engine in ENGINES}
    assert tables["pyoxigraph"].columns == tables["rdflib"].columns == list(query.columns)
    assert tables["pyoxigraph"].rows == tables["rdflib"].rows


def _rows_or_refused(query, source, params) -> int:
    try:
        return len(Q.run(query, source, params).rows)
    except UsageError:
        return 0


@pytest.mark.parametrize("name", sorted(q.name for q in Q.catalogue() if q.params))
def test_injected_parameters_never_return_more_rows_than_an_innocent_value(sources, name):
    query = Q.load(name)
    source = sources["pyoxigraph"]
    base = {k: v for k, v in EXAMPLE_PARAMS.get(name, {}).items() if query.param(k)}
    for param in query.params:
        innocent = _rows_or_refused(query, source, {**base, param.name: INNOCENT[param.type]})
        for value in INJECTIONS:
            assert _rows_or_refused(query, source, {**base, param.name: value}) <= innocent, (param.name, value)


def test_injection_on_rdflib_is_bound_as_a_value(sources):
    query = Q.load("metric-timeline")
    for value in INJECTIONS:
        assert _rows_or_refused(query, sources["rdflib"], {"drug": "CLR 131", "endpoint": "mOS", "cohort": value}) == 0


def test_inferred_graph_does_not_depend_on_release_order(shared, graph_file):
    from trialgraph.rules import infer

    files = sorted((shared / "corpus" / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "dev").glob("*.txt"))
    reverse = build(list(reversed(files)), validate=False)
    inferred = infer(load_store(graph_file))
    assert inferred and infer(reverse.store) == inferred
    predicates = {str(p).rsplit("#", 1)[-1] for _, p, _ in inferred}
    assert {"concernsCompany", "supersedes"} <= predicates


def test_inferred_graph_leaves_the_facts_table_and_validation_alone():
    from trialgraph.facts import facts
    from trialgraph.rules import INFERRED_GRAPH
    from trialgraph.validate import validate_dataset

    examples = Path(__file__).resolve().parents[1] / "examples"
    dataset = build(sorted(examples.iterdir()), validate=False).dataset
    inferred = dataset.graph(INFERRED_GRAPH)
    assert len(inferred) > 0
    assert validate_dataset(dataset).conforms
    with_rules = facts(dataset)
    dataset.remove_graph(inferred)
    assert facts(dataset) == with_rules


def test_company_links_are_one_per_drug_and_company():
    # A drug that many releases name with many companies: each company is linked
    # to the drug once, and the drug's trials, cohorts, results and designations
    # reach the companies through it (a link per node and company grew with the
    # square of the drug's mentions).
    import pyoxigraph as ox

    from trialgraph.rules import infer

    TG = "https://w3id.org/trialgraph/ontology#"
    tg = lambda name: ox.NamedNode(f"{TG}{name}")  # noqa: E731
    node = lambda path: ox.NamedNode(f"https://w3id.org/trialgraph/id/{path}")  # noqa: E731
    drug = node("drug/zx-101")
    quads = []
    for i in range(40):
        g = node(f"graph/zentrix-{i}")
        trial, cohort, result, designation = (node(f"{kind}/zentrix-{i}/1") for kind in
                                              ("trial", "cohort", "result", "designation"))
        quads += [ox.Quad(s, p, o, g) for s, p, o in [
            (drug, tg("developedBy"), node(f"company/zentrix-{i % 20}")),
            (trial, tg("studiesDrug"), drug), (cohort, tg("cohortOf"), trial),
            (result, tg("aboutDrug"), drug), (designation, tg("designatedDrug"), drug)]]
    store = ox.Store()
    store.extend(quads)
    links = [(str(s), str(o)) for s, p, o in infer(store) if str(p) == f"{TG}concernsCompany"]
    assert sorted(links) == sorted((drug.value, f"https://w3id.org/trialgraph/id/company/zentrix-{k}") for k in range(20))
