"""Tests for trialgraph.resolve: the corpus-wide entity resolution.

Three small hand-built releases by one invented issuer (Acme Oncology, its
drug velotamab, formerly ACM-101, and its CEO James Roe) write the same
entities differently: a misspelt company name with the right ticker, a
nickname, a middle initial, a drug's old code name. Resolution must merge
each set of variants into one entity, record every merge with its kind and
reason, keep unrelated look-alikes apart and not depend on the order in
which releases arrive. All names are invented; none is from the corpus.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from trialgraph import iris
from trialgraph.extractors import extract
from trialgraph.model import Document
from trialgraph.normalize import name_key
from trialgraph.pipeline import build
from trialgraph.resolve import Resolution, resolve
from trialgraph.vocab import TG

FORWARD_LOOKING = (
    "Forward-Looking Statements\n\n"
    "This press release contains forward-looking statements that are subject to risks and uncertainties."
)

RELEASES = {
    "acme-2021-03-03": (
        "Acme Oncology Presents Phase 1 Data for Velotamab\n\n"
        "BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (NASDAQ: ACME), a clinical-stage "
        "biopharmaceutical company, today announced data from the Phase 1 HARBOR study of velotamab (formerly "
        "ACM-101) in patients with relapsed osteosarcoma.\n\n"
        '"Velotamab continues to show activity," said James Roe, chief executive officer of Acme Oncology.\n\n'
        "In the study, velotamab achieved an ORR of 40%.\n\n"
        "About Acme Oncology, Inc.\n\n"
        "Acme Oncology is a clinical-stage company developing antibodies for rare cancers.\n\n"
        f"{FORWARD_LOOKING}\n"
    ),
    "acme-2021-06-01": (
        "Acmee Oncology Receives Orphan Drug Designation for ACM-101\n\n"
        "BOSTON, Mass., June 1, 2021 (GLOBE NEWSWIRE) -- Acmee Oncology, Inc. (NASDAQ: ACME), a clinical-stage "
        "biopharmaceutical company, today announced that the U.S. Food and Drug Administration (FDA) has granted "
        "Orphan Drug Designation to its lead drug candidate ACM-101 for the treatment of osteosarcoma.\n\n"
        '"This designation is an important step for patients," said Jim Roe, chief executive officer of Acmee '
        "Oncology.\n\n"
        "About Acmee Oncology, Inc.\n\n"
        "Acmee Oncology is a clinical-stage company developing antibodies for rare cancers.\n\n"
        f"{FORWARD_LOOKING}\n"
    ),
    "acme-2021-09-01": (
        "Acme Oncology and Zenith Oncology Enter Collaboration on Velotamab\n\n"
        "BOSTON, Mass., Sept. 1, 2021 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (NASDAQ: ACME), a clinical-stage "
        "biopharmaceutical company, today announced a collaboration with Zenith Oncology, Inc. (NYSE: ZNTH) to "
        "develop velotamab in osteosarcoma.\n\n"
        '"Zenith is the right partner for velotamab," said James T. Roe, chief executive officer of Acme '
        "Oncology.\n\n"
        '"We are pleased to join forces," said Karen Moe, president of Zenith Oncology.\n\n'
        "About Acme Oncology, Inc.\n\n"
        "Acme Oncology is a clinical-stage company developing antibodies for rare cancers.\n\n"
        f"{FORWARD_LOOKING}\n"
    ),
}


def documents() -> list[Document]:
    return [Document(doc_id, doc_id + ".txt", text) for doc_id, text in RELEASES.items()]


@pytest.fixture(scope="module")
def extractions():
    return [extract(document) for document in documents()]


@pytest.fixture(scope="module")
def resolution(extractions) -> Resolution:
    return resolve(extractions)


def _company(resolution: Resolution, name: str):
    entity = resolution.company(name)
    assert entity is not None, f"{name!r} was not resolved; companies: {sorted(resolution.companies)}"
    return entity


def test_extraction_sees_the_variants(extractions):
    """Guard: the releases really do write the variants the other tests resolve."""
    companies = {c.name for e in extractions for c in e.companies}
    people = {p.name for e in extractions for p in e.people}
    assert {"Acme Oncology, Inc.", "Acmee Oncology, Inc.", "Zenith Oncology, Inc."} <= companies
    assert {"James Roe", "Jim Roe", "James T. Roe"} <= people
    tickers = {(c.name, c.ticker) for e in extractions for c in e.companies if c.ticker}
    assert ("Acmee Oncology, Inc.", "ACME") in tickers and ("Acme Oncology, Inc.", "ACME") in tickers


def test_misspelt_company_with_same_ticker_merges(resolution):
    acme = _company(resolution, "Acme Oncology, Inc.")
    assert _company(resolution, "Acmee Oncology, Inc.") is acme
    assert acme.label == "Acme Oncology, Inc."
    merge = acme.merges["Acmee Oncology, Inc."]
    assert merge.kind == "misspelling"
    assert merge.reason  # why the two were merged is recorded ...
    assert "ACME" in merge.reason or "spelling" in merge.reason
    assert merge.docs == {"acme-2021-06-01"}  # ... and where the variant was written


def test_short_forms_resolve_to_the_company(resolution):
    acme = _company(resolution, "Acme Oncology, Inc.")
    assert resolution.company("Acme Oncology") is acme
    assert resolution.company("Acmee Oncology") is acme


def test_similar_industry_words_do_not_merge(resolution):
    acme = _company(resolution, "Acme Oncology, Inc.")
    zenith = _company(resolution, "Zenith Oncology, Inc.")
    assert zenith is not acme
    assert zenith.label == "Zenith Oncology, Inc."
    assert not zenith.merges
    assert "Zenith Oncology, Inc." not in acme.merges


@pytest.mark.parametrize("written", ["James Roe", "Jim Roe", "James T. Roe"])
def test_person_variants_resolve_to_formal_name(resolution, written):
    from trialgraph.resolve import person_entity_key

    entity = resolution.people[person_entity_key(written)]
    assert entity.label == "James Roe"
    assert entity is resolution.people[person_entity_key("James Roe")]


def test_nickname_merge_is_recorded(resolution):
    roe = resolution.people["james roe"]
    merge = roe.merges["Jim Roe"]
    assert merge.kind == "nickname"
    assert "Jim" in merge.reason and "James" in merge.reason
    assert merge.docs == {"acme-2021-06-01"}
    assert "James T. Roe" in roe.merges  # the middle initial is a recorded variant too
    assert roe.merges["James T. Roe"].docs == {"acme-2021-09-01"}


def test_other_people_stay_apart(resolution):
    people = {id(e): e.label for e in resolution.people.values()}
    assert sorted(people.values()) == ["James Roe", "Karen Moe"]


def test_renamed_drug_is_one_entity(resolution):
    velotamab = resolution.drug("velotamab")
    assert velotamab is not None
    assert resolution.drug("ACM-101") is velotamab
    assert resolution.drug("ACM 101") is velotamab  # spelling variants of a code share its key
    assert {name_key(a) for a in velotamab.aliases} >= {"velotamab", "acm101"}
    assert name_key(velotamab.label) in {"velotamab", "acm101"}
    variant = next(v for v in velotamab.merges if name_key(v) != name_key(velotamab.label))
    assert velotamab.merges[variant].reason
    drugs = {id(e) for e in resolution.drugs.values()}
    assert len(drugs) == 1


@pytest.mark.xfail(
    strict=True,
    reason="in 'velotamab (formerly ACM-101)' extraction makes the code ACM-101 the in-release name (code forms are "
    "counted twice) and files velotamab under it as an 'inn' alias, so the stated 'former' relation is lost; "
    "resolve then records the ACM-101 merge as kind 'code' with the wrong reason 'stated as inn in ...'",
)
def test_renamed_drug_merge_records_the_former_name(resolution):
    velotamab = resolution.drug("velotamab")
    assert velotamab.label.lower() == "velotamab"  # the current name; resolve ranks an INN above a code
    merge = velotamab.merges["ACM-101"]
    assert merge.kind == "former_name"
    assert "former" in merge.reason


def test_trials_and_designations_refer_to_the_resolved_drug(extractions, resolution):
    velotamab = resolution.drug("velotamab")
    for extraction in extractions:
        for fact in (*extraction.designations, *extraction.trials):
            assert resolution.drug(fact.drug) is velotamab, fact


def _snapshot(resolution: Resolution) -> dict:
    def table(entities: dict) -> dict:
        return {
            key: (e.kind, e.key, e.label, sorted(e.aliases),
                  sorted((v, m.kind, m.reason, sorted(m.docs)) for v, m in e.merges.items()))
            for key, e in entities.items()
        }

    return {
        "companies": table(resolution.companies),
        "people": table(resolution.people),
        "drugs": table(resolution.drugs),
        "trials": table(resolution.trials),
        "entities": [(e.kind, e.key, e.label) for e in resolution.entities()],
    }


def test_resolution_does_not_depend_on_release_order(extractions):
    expected = _snapshot(resolve(extractions))
    for order in itertools.permutations(extractions):
        assert _snapshot(resolve(list(order))) == expected


def test_resolution_does_not_depend_on_re_extraction(extractions):
    again = [extract(document) for document in reversed(documents())]
    assert _snapshot(resolve(again)) == _snapshot(resolve(extractions))


# -- the entity-resolution graph ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("releases")
    for doc_id, text in RELEASES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return build([folder])


def test_build_accepts_all_three_releases(built):
    assert not built.rejected
    assert sorted(e.document.doc_id for e in built.extractions) == sorted(RELEASES)


def test_misspelling_is_a_hidden_label_in_the_entities_graph(built, resolution):
    graph = built.dataset.graph(iris.ENTITIES_GRAPH)
    acme = iris.entity("company", resolution.company("Acme Oncology, Inc.").key)
    subjects = set(graph.subjects(SKOS.hiddenLabel, Literal("Acmee Oncology, Inc.")))
    subjects |= set(graph.subjects(SKOS.altLabel, Literal("Acmee Oncology, Inc.")))
    assert subjects == {acme}


def test_misspelt_release_names_the_canonical_issuer(built, resolution):
    acme = iris.entity("company", resolution.company("Acme Oncology, Inc.").key)
    graph = built.dataset.graph(iris.release("acme-2021-06-01"))
    assert graph.value(iris.release("acme-2021-06-01"), TG.issuer) == acme
    assert graph.value(acme, SKOS.prefLabel) == Literal("Acme Oncology, Inc.")
    assert Literal("Acmee Oncology, Inc.") in set(graph.objects(acme, TG.nameAsWritten))


@pytest.mark.parametrize("variant", ["Acmee Oncology, Inc.", "Jim Roe", "James T. Roe"])
def test_merge_decisions_carry_their_reason(built, variant):
    graph = built.dataset.graph(iris.ENTITIES_GRAPH)
    decisions = [d for d in graph.subjects(TG.variant, Literal(variant)) if (d, RDF.type, TG.MergeDecision) in graph]
    assert len(decisions) == 1, variant
    (decision,) = decisions
    reasons = list(graph.objects(decision, TG.mergeReason))
    assert len(reasons) == 1 and str(reasons[0]).strip()
    target = graph.value(decision, TG.mergedInto)
    assert target is not None
    labels = set(graph.objects(target, SKOS.hiddenLabel)) | set(graph.objects(target, SKOS.altLabel))
    assert Literal(variant) in labels


def test_drug_aliases_in_the_entities_graph(built):
    graph = built.dataset.graph(iris.ENTITIES_GRAPH)
    holders = {name_key(str(label)): set(graph.subjects(SKOS.altLabel, label)) for label in graph.objects(None, SKOS.altLabel)}
    assert "velotamab" in holders or "acm101" in holders
    drug_nodes = holders.get("velotamab", set()) | holders.get("acm101", set())
    assert len(drug_nodes) == 1


def _company_release(doc: str, body: str):
    text = f"Update\n\nBOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- {body}\n"
    return extract(Document(doc, doc + ".txt", text))


def test_parent_and_subsidiary_stay_two_companies():
    extraction = _company_release(
        "zorv-2021-03-03",
        "Zorvane Inc. (NASDAQ: ZORV) and its wholly owned subsidiary Zorvane Nanotech, Inc. today announced data.")
    resolution = resolve([extraction])
    assert resolution.company("Zorvane Inc.") is not resolution.company("Zorvane Nanotech, Inc.")


def test_canonical_company_is_the_fullest_formal_name():
    releases = [
        _company_release("a-2021-03-03", "Acme Oncology, Inc. said the drug is sold by Trevane Biologics in Europe."),
        _company_release("b-2021-03-04", "Acme Oncology, Inc. said Trevane Biologics's drug was approved."),
        _company_release("c-2021-03-05", "Acme Oncology, Inc. thanked Trevane Biologics and Company for its support."),
    ]
    resolution = resolve(releases)
    assert resolution.company("Trevane Biologics").label == "Trevane Biologics and Company"


def test_studies_a_release_tells_apart_stay_apart_in_the_graph():
    from dataclasses import replace

    text = ("Acme Oncology Update\n\nBOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. today "
            "announced a Phase 2 trial of ACM-101 in bipolar disorder. "
            "Acme also completed a Phase 2 trial of ACM-101 in Alzheimer's disease.\n")
    extraction = extract(Document("acme-2021-03-03", "acme-2021-03-03.txt", text))
    assert len(extraction.trials) == 2
    # the first study's population overlaps the second's, as a headline's list does
    first, second = extraction.trials
    extraction.trials = [replace(first, indication="bipolar disorder and Alzheimer's disease"), second]
    resolution = resolve([extraction])
    assert len({resolution.trials[("acme-2021-03-03", t.local_id)].key for t in extraction.trials}) == 2
