"""Milestones: extraction from invented sentences, their RDF and shapes, and the
`milestones` saved query on the shared dev corpus (rdflib and pyoxigraph agree)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.namespace import SH, SKOS, TIME

from trialgraph import queries, resources
from trialgraph.extractors import extract
from trialgraph.extractors.periods import time_mentions
from trialgraph.graphsource import load_dataset, load_store
from trialgraph.model import Document
from trialgraph.output import write_atomic
from trialgraph.pipeline import build, serialize_trig
from trialgraph.rules import materialise_rules
from trialgraph.validate import validate_graph
from trialgraph.vocab import RDF, TG, TGID

TGSH = Namespace("https://w3id.org/trialgraph/shapes#")

pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

RELEASE = """Acme Oncology Provides Update on Zelatinib Program

BOSTON, March 11, 2024 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (NASDAQ: ACMO) today provided an update on zelatinib, its lead drug candidate, in its Phase 1 trial in relapsed or refractory multiple myeloma.

{sentence}

Forward-Looking Statements

This press release contains forward-looking statements, including statements about data expected in the fourth quarter of 2024 and plans to initiate a Phase 2 study in 2025.
"""


def _milestones(sentence: str):
    document = Document("acme-2024-03-11", "acme-2024-03-11.txt", RELEASE.format(sentence=sentence))
    return extract(document).milestones


# --- extraction -----------------------------------------------------------------

PHRASINGS = [
    # sentence, kind, status, window notation, cohort
    ("Acme expects to report topline data from the Phase 1 trial in the fourth quarter of 2024.",
     "data_readout", "planned", "2024-Q4", None),
    ("Topline data from the Phase 1 trial are expected in Q4 2024.", "data_readout", "planned", "2024-Q4", None),
    ("The company plans to initiate a Phase 2 study of zelatinib in the first half of 2025.",
     "initiation", "planned", "2025-H1", None),
    ("Acme initiated Cohort 7 of the Phase 1 trial in February 2024.", "initiation", "achieved", "2024-02", "7"),
    ("Acme began dosing patients in the fourth cohort last month.", "initiation", "achieved", "2024-02", "4"),
    ("Acme completed enrollment in Cohort 5 in January 2024.", "enrollment_completion", "achieved", "2024-01", "5"),
    ("Acme anticipates submitting an NDA for zelatinib by year-end 2025.",
     "regulatory_submission", "planned", "2025-YE", None),
    ("Acme remains on track to file a Biologics License Application in 2025.",
     "regulatory_submission", "planned", "2025", None),
    ("Acme expects to present additional data from the Phase 1 trial in mid-2025.",
     "data_readout", "planned", "2025-mid", None),
    ("Acme expects to provide an update by the end of the second quarter of 2024.",
     "data_readout", "planned", "2024-06", None),
    ("We look forward to reporting additional data later this year.", "data_readout", "planned", "2024", None),
    ("Acme expects the remaining patients to be enrolled in the coming weeks.",
     "enrollment_completion", "planned", None, None),
    ("Enrollment in the Phase 1 trial is expected to be completed in the third quarter of 2024.",
     "enrollment_completion", "planned", "2024-Q3", None),
]


@pytest.mark.parametrize("sentence,kind,status,window,cohort", PHRASINGS, ids=[p[0][:40] for p in PHRASINGS])
def test_phrasings(sentence: str, kind: str, status: str, window: str | None, cohort: str | None) -> None:
    found = [m for m in _milestones(sentence) if m.evidence.quote == sentence]
    assert [(m.kind, m.status) for m in found] == [(kind, status)]
    milestone = found[0]
    assert (milestone.period.notation if milestone.period else None) == window
    assert milestone.cohort == cohort
    assert milestone.drug.lower() == "zelatinib"  # named, or the release's main drug


@pytest.mark.parametrize("sentence", [
    "The company had expected responses to emerge only at higher doses.",
    "Zelatinib achieved a 45% overall response rate in Cohort 2.",
    "The panel voted in favor of waiting for the final results on February 26, 2023.",  # a past "plan"
    "The investigator-initiated study enrolled 12 patients.",
])
def test_not_milestones(sentence: str) -> None:
    assert [m for m in _milestones(sentence) if m.evidence.quote == sentence] == []


def test_forward_looking_disclaimer_yields_no_milestones() -> None:
    milestones = _milestones("Zelatinib was well tolerated.")
    assert milestones == []  # the disclaimer names data in Q4 2024 and a Phase 2 start, and is ignored


def test_two_milestones_in_one_sentence() -> None:
    sentence = "Acme completed the third cohort and began dosing a fourth cohort at 40 mg."
    found = sorted((m.kind, m.status, m.cohort) for m in _milestones(sentence))
    assert found == [("completion", "achieved", "3"), ("initiation", "achieved", "4")]


@pytest.mark.parametrize("text,notation,start,end", [
    ("in Q4 2019", "2019-Q4", "2019-10-01", "2019-12-31"),
    ("in the first half of 2020", "2020-H1", "2020-01-01", "2020-06-30"),
    ("by mid-2021", "2021-mid", "2021-06-01", "2021-07-31"),
    ("by year-end 2022", "2022-YE", "2022-12-01", "2022-12-31"),
    ("by the end of 2015", "2015-YE", "2015-12-01", "2015-12-31"),
    ("by the end of the second quarter of 2017", "2017-06", "2017-06-01", "2017-06-30"),
    ("before the end of June 2020", "2020-06", "2020-06-01", "2020-06-30"),
    ("on or before July 10, 2019", "2019-07-10", "2019-07-10", "2019-07-10"),
    ("in 2H 2024", "2024-H2", "2024-07-01", "2024-12-31"),
    ("later this year", "2019", "2019-01-01", "2019-12-31"),
    ("early 2020", "2020-early", "2020-01-01", "2020-04-30"),
])
def test_periods_keep_their_precision(text: str, notation: str, start: str, end: str) -> None:
    [mention] = time_mentions(text, "2019-07-09")
    assert (mention.period.notation, mention.period.start, mention.period.end) == (notation, start, end)


def test_vague_time_is_kept_without_a_window() -> None:
    [mention] = time_mentions("expected in the coming weeks", "2019-07-09")
    assert mention.text == "in the coming weeks" and mention.period is None


# --- RDF and shapes ---------------------------------------------------------------


@pytest.fixture(scope="module")
def acme_graph(tmp_path_factory) -> Graph:
    folder = tmp_path_factory.mktemp("acme")
    sentence = ("Acme expects to report topline data from the Phase 1 trial in the fourth quarter of 2024, "
                "and initiated Cohort 7 in February 2024.")
    (folder / "acme-2024-03-11.txt").write_text(RELEASE.format(sentence=sentence), encoding="utf-8")
    result = build([folder])
    assert result.report is not None and result.report.conforms, result.report.problems
    graph = Graph()
    for triple in result.dataset.graph(TGID["release/acme-2024-03-11"]):
        graph.add(triple)
    return graph


def test_milestone_rdf(acme_graph: Graph) -> None:
    nodes = sorted(acme_graph.subjects(RDF.type, TG.Milestone))
    kinds = {(acme_graph.value(n, TG.milestoneKind), acme_graph.value(n, TG.milestoneStatus)) for n in nodes}
    assert kinds == {(TG.MilestoneKind_data_readout, TG.MilestoneStatus_planned),
                     (TG.MilestoneKind_initiation, TG.MilestoneStatus_achieved)}
    planned = next(n for n in nodes if acme_graph.value(n, TG.milestoneStatus) == TG.MilestoneStatus_planned)
    window = acme_graph.value(planned, TG.expectedWithin)
    assert str(window).startswith(str(TGID["period/"]))  # one IRI per window, shared across releases
    assert acme_graph.value(window, SKOS.notation) == Literal("2024-Q4")
    assert acme_graph.value(window, SKOS.prefLabel) == Literal("Q4 2024")
    assert str(acme_graph.value(acme_graph.value(window, TIME.hasEnd), TIME.inXSDDate)) == "2024-12-31"
    assert acme_graph.value(planned, TG.milestoneDrug) == TGID["drug/zelatinib"]
    assert acme_graph.value(planned, TG.evidence) is not None
    assert validate_graph(acme_graph, "acme") == []


@pytest.mark.parametrize("corrupt,message", [
    (lambda g, n: g.remove((n, TG.milestoneStatus, None)), "exactly one status"),
    (lambda g, n: g.set((n, TG.milestoneKind, TG.Endpoint_ORR)), "exactly one kind"),
    (lambda g, n: g.remove((n, TG.evidence, None)), "at least one Evidence"),
    (lambda g, n: g.set((g.value(n, TG.expectedWithin), SKOS.notation, Literal("Q4 of 2024"))), "notation"),
])
def test_shapes_reject_broken_milestones(acme_graph: Graph, corrupt, message: str) -> None:
    graph = Graph()
    for triple in acme_graph:
        graph.add(triple)
    node = next(n for n in graph.subjects(RDF.type, TG.Milestone) if graph.value(n, TG.expectedWithin) is not None)
    corrupt(graph, node)
    problems = validate_graph(graph, "acme")
    assert problems and any(message in p for p in problems), problems


@pytest.mark.parametrize("shape,scheme", [("Milestone-kind", TG.MilestoneKindScheme),
                                          ("Milestone-status", TG.MilestoneStatusScheme)])
def test_shape_lists_match_schemes(shape: str, scheme) -> None:
    shapes = Graph().parse(resources.shapes_path(), format="turtle")
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    listed = set(Collection(shapes, shapes.value(TGSH[shape], SH["in"])))
    assert listed == set(onto.subjects(SKOS.inScheme, scheme))


# --- the saved query on the dev corpus --------------------------------------------


@pytest.fixture(scope="module")
def dev_graph(shared: Path, tmp_path_factory) -> Path:
    result = build([shared / "corpus" / "dev"], validate=False)
    path = tmp_path_factory.mktemp("dev") / "dev.trig"
    write_atomic(path, serialize_trig(result.assembly))
    return path


@pytest.fixture(scope="module")
def dev_rows(dev_graph: Path) -> list[dict]:
    query = queries.load("milestones")
    on_rdflib = queries.run(query, load_dataset(dev_graph), {})
    on_oxigraph = queries.run(query, load_store(dev_graph), {})
    assert on_rdflib.columns == on_oxigraph.columns
    assert on_rdflib.rows == on_oxigraph.rows  # portable SPARQL: same answer, same order
    return [{c: (None if v is None else str(v)) for c, v in zip(on_rdflib.columns, row)} for row in on_rdflib.rows]


def _row(rows: list[dict], doc: str, kind: str, quote_part: str) -> dict:
    [row] = [r for r in rows if r["doc"] == doc and r["kind"] == kind and quote_part in r["quote"]]
    return row


def test_planned_data_readout_reported_by_a_later_release(dev_rows: list[dict]) -> None:
    # Mid-2015: "continues to anticipate data from the program by the end of 2015";
    # the next release with results of that Phase 1 trial came out on 2016-12-01, late.
    row = _row(dev_rows, "cellectar-2015-06-16", "data_readout", "anticipate data")
    assert row["window"] == "2015-YE" and row["window_end"] == "2015-12-31"
    assert row["trial"].endswith("/trial/clr-131/phase-1-multiple-myeloma-refractory-relapsed")
    assert (row["reported_by"], row["reported_on"], row["reported_how"]) == (
        "cellectar-2016-12-01", "2016-12-01", "results")
    assert row["on_time"] == "false"


def test_planned_submission_reported_by_the_achieved_one(dev_rows: list[dict]) -> None:
    row = _row(dev_rows, "ymabs-2019-07-01", "regulatory_submission", "plan a BLA filing in 2019")
    assert row["drug"].endswith("/drug/naxitamab") and row["window"] == "2019"
    assert (row["reported_by"], row["reported_how"]) == ("ymabs-2020-11-25", "achieved milestone")
    # The other antibody's BLA, promised in the same release, is never reported as filed.
    other = _row(dev_rows, "ymabs-2019-07-01", "regulatory_submission", "target submission of a Biologics")
    assert other["drug"].endswith("/drug/omburtamab") and other["reported_by"] is None


def test_only_planned_milestones_listed_in_date_order(dev_rows: list[dict]) -> None:
    assert dev_rows
    assert all(r["quote"] for r in dev_rows)
    assert not any("initiated Cohort" in r["quote"] or "moved on to Cohort 7" in r["quote"] for r in dev_rows)
    dates = [r["stated"] for r in dev_rows]
    assert dates == sorted(dates)
    reported = [r for r in dev_rows if r["reported_by"]]
    assert all(r["reported_on"] > r["stated"] for r in reported)


def test_drug_parameter_narrows_the_answer(dev_graph: Path, dev_rows: list[dict]) -> None:
    table = queries.run(queries.load("milestones"), load_store(dev_graph), {"drug": "omburtamab"})
    drugs = {str(row[table.columns.index("drug")]) for row in table.rows}
    assert drugs == {str(TGID["drug/omburtamab"])}
    assert len(table.rows) == sum(1 for r in dev_rows if r["drug"].endswith("/omburtamab"))


def test_both_engines_narrow_by_drug_alike(dev_graph: Path, dev_rows: list[dict]) -> None:
    # ?drug reaches the sub-selects; rdflib answers a grouped sub-select that
    # matched nothing with one row of unbound values, which must not add rows
    # for a drug without planned milestones nor break the first report's MIN.
    store, dataset = load_store(dev_graph), load_dataset(dev_graph)
    drugs = sorted(row["d"].value for row in store.query(f"SELECT DISTINCT ?d WHERE {{ GRAPH ?g {{ ?d a <{TG}Drug> }} }}"))
    listed = sorted({r["drug"] for r in dev_rows})
    unlisted = [d for d in drugs if d not in listed]
    assert listed and unlisted
    query = queries.load("milestones")
    for drug in listed[:2] + unlisted[:2]:
        on_oxigraph = queries.run(query, store, {"drug": drug})
        assert queries.run(query, dataset, {"drug": drug}).rows == on_oxigraph.rows
        assert len(on_oxigraph.rows) == sum(1 for r in dev_rows if r["drug"] == drug)


# --- the saved query matches by key, as the pairwise form did ------------------

PAIRWISE = Path(__file__).parent / "data" / "milestones_pairwise.rq"


def _pairwise_and_saved(store) -> tuple[list, list]:
    from trialgraph.sparql import engines

    return (engines.select(store, PAIRWISE.read_text(encoding="utf-8"), {})[1],
            engines.select(store, queries.load("milestones").text, {})[1])


def test_same_rows_as_the_pairwise_form_on_dev(dev_graph: Path) -> None:
    pairwise, saved = _pairwise_and_saved(load_store(dev_graph))
    assert saved and saved == pairwise


def _invented_store(releases: int, seed: int = 0, drugs: int = 3, dates: int = 9):
    """Invented releases mixing every kind of milestone and report: planned and
    achieved milestones of each kind naming a cohort, a trial or neither,
    results (some comparators), cohorts named and approvals; some releases
    undated, several on the same day."""
    import random

    import pyoxigraph as ox

    rng = random.Random(seed)
    tg = lambda name: ox.NamedNode(str(TG) + name)  # noqa: E731
    iri = lambda path: ox.NamedNode(f"https://example.test/{path}")  # noqa: E731
    dc = lambda name: ox.NamedNode(f"http://purl.org/dc/terms/{name}")  # noqa: E731
    oa = lambda name: ox.NamedNode(f"http://www.w3.org/ns/oa#{name}")  # noqa: E731
    a = ox.NamedNode(str(RDF.type))
    date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    kinds = ["data_readout", "initiation", "regulatory_submission", "regulatory_decision", "enrollment"]
    ontology = ox.NamedNode("https://w3id.org/trialgraph/ontology")
    quads = [ox.Quad(tg(f"MilestoneKind_{k}"), ox.NamedNode(str(SKOS.notation)), ox.Literal(k), ontology)
             for k in kinds]
    for i in range(releases):
        g = iri(f"release/{i}")
        drug = iri(f"drug/{rng.randrange(drugs)}")
        trial = iri(f"trial/{drug.value[-1]}/{rng.randrange(3)}")
        cohort = iri(f"cohort/{trial.value[-3:]}/{rng.randrange(2)}")
        triples = [(g, dc("identifier"), ox.Literal(f"r{i:04d}"))]
        if rng.random() < 0.85:
            triples.append((g, dc("issued"), ox.Literal(f"2020-0{1 + rng.randrange(dates)}-01", datatype=date)))
        for j in range(rng.randrange(1, 4)):
            node = iri(f"node/{i}/{j}")
            what = rng.choice(["planned", "planned", "achieved", "result", "cohort", "approval"])
            if what in ("planned", "achieved"):
                triples += [(node, a, tg("Milestone")), (node, tg("milestoneStatus"), tg(f"MilestoneStatus_{what}")),
                            (node, tg("milestoneKind"), tg(f"MilestoneKind_{rng.choice(kinds)}")),
                            (node, tg("milestoneDrug"), drug)]
                subject = rng.choice(["cohort", "trial", "none"])
                if subject != "none":
                    triples.append((node, tg("milestoneTrial"), trial))
                if subject == "cohort":
                    triples.append((node, tg("milestoneCohort"), cohort))
                if what == "planned":
                    evidence, position, quote = iri(f"ev/{i}/{j}"), iri(f"ev/{i}/{j}/p"), iri(f"ev/{i}/{j}/q")
                    triples += [(node, tg("evidence"), evidence), (evidence, oa("hasSelector"), position),
                                (evidence, oa("hasSelector"), quote), (position, a, oa("TextPositionSelector")),
                                (position, oa("start"), ox.Literal(str(j))), (quote, a, oa("TextQuoteSelector")),
                                (quote, oa("exact"), ox.Literal(f"promise {i}/{j}"))]
            elif what == "result":
                triples += [(node, a, tg("Result")), (node, tg("aboutDrug"), drug),
                            (node, tg("isComparator"), ox.Literal(rng.random() < 0.2))]
                if rng.random() < 0.7:
                    triples.append((node, tg("resultOf"), trial))
                if rng.random() < 0.4:
                    triples.append((node, tg("cohort"), cohort))
            elif what == "cohort":
                triples += [(cohort, a, tg("Cohort")), (cohort, tg("cohortOf"), trial), (trial, tg("studiesDrug"), drug)]
            else:
                triples += [(node, a, tg("Approval")), (node, tg("designatedDrug"), drug)]
        quads += [ox.Quad(s, p, o, g) for s, p, o in triples]
    store = ox.Store()
    store.extend(quads)
    materialise_rules(store)  # the matching itself: queries/rules/milestone-first-report.rq
    return store


@pytest.mark.parametrize("seed", range(4))
def test_same_rows_as_the_pairwise_form_on_invented_releases(seed: int) -> None:
    pairwise, saved = _pairwise_and_saved(_invented_store(150, seed))
    reported = [row for row in saved if row[12] is not None]  # ?reported_on
    assert len(saved) > 50 and 10 < len(reported) < len(saved)
    assert saved == pairwise


def test_cost_grows_with_distinct_dates_not_with_mentions() -> None:
    # One drug mentioned 4x as often, on the same dates: the pairwise form took
    # about 16x as long; by key it takes about 4x.
    import time

    text = queries.load("milestones").text
    from trialgraph.sparql import engines

    def fastest(store) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            materialise_rules(store)  # the matching is a rule, run at build time
            engines.select(store, text, {})
            times.append(time.perf_counter() - started)
        return min(times)

    few, many = fastest(_invented_store(300, drugs=1)), fastest(_invented_store(1200, drugs=1))
    assert many < 8 * few + 0.05, (few, many)


@pytest.mark.parametrize("seed", range(3))
def test_a_drug_given_gives_that_drugs_rows_of_the_whole_answer(seed: int) -> None:
    # Every sub-select takes ?drug, so a given drug narrows the matching too: a
    # report about another drug, or a match computed for another drug's key,
    # must not reach the drug's rows, and none of its own may go missing.
    from rdflib import URIRef

    from trialgraph.sparql import engines

    store = _invented_store(150, seed, drugs=4)
    text = queries.load("milestones").text
    columns, whole = engines.select(store, text, {})
    drug_at = columns.index("drug")
    drugs = sorted({row[drug_at] for row in whole})
    assert len(drugs) == 4
    for drug in drugs:
        _, narrowed = engines.select(store, text, {"drug": URIRef(str(drug))})
        assert narrowed and narrowed == [row for row in whole if row[drug_at] == drug]
