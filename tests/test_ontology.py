"""The ontology is well formed, documented, and in step with vocab.py and the shapes.

The expected tables below restate docs/rdf-model.md on purpose: the emitter is
written against those names, so a rename in the ontology must fail here first.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from trialgraph import resources, vocab
from trialgraph.tools import gen_vocab
from trialgraph.vocab import NCIT, ONTOLOGY_IRI, QUDT, TG, UNIT

REPO = Path(__file__).resolve().parents[1]
TG_NS = str(TG._NS)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(resources.ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(resources.shapes_path(), format="turtle")


def _tg_iris(graph: Graph) -> set[URIRef]:
    return {
        n for triple in graph for n in triple
        if isinstance(n, URIRef) and str(n).startswith(TG_NS)
    }


def _local(iri: URIRef) -> str:
    return str(iri)[len(TG_NS):]


# --- parsing and documentation ---------------------------------------------


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    # The ontology-level note on date precision.
    comment = str(onto.value(ONTOLOGY_IRI, RDFS.comment))
    for datatype in ("tg:grantDate", "xsd:date", "xsd:gYearMonth", "xsd:gYear"):
        assert datatype in comment


def test_no_blank_nodes(onto: Graph) -> None:
    assert not [n for triple in onto for n in triple if isinstance(n, BNode)]


def test_every_tg_term_has_label_and_comment(onto: Graph) -> None:
    missing = [
        _local(s) for s in _tg_iris(onto)
        if onto.value(s, RDFS.label) is None or onto.value(s, RDFS.comment) is None
    ]
    assert not missing, f"tg: terms without rdfs:label or rdfs:comment: {sorted(missing)}"


def test_every_tg_iri_used_is_defined(onto: Graph) -> None:
    # Catches typos such as `rdfs:range tg:Compnay`: every tg: IRI, wherever it
    # appears, must be a typed subject of the ontology.
    undefined = [_local(i) for i in _tg_iris(onto) if (i, RDF.type, None) not in onto]
    assert not undefined, f"tg: IRIs used but not defined: {sorted(undefined)}"


def test_properties_have_domain_or_document_why(onto: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in onto.subjects(RDF.type, kind):
            assert onto.value(prop, RDFS.range) is not None or prop == TG.mergedInto, prop
            if onto.value(prop, RDFS.domain) is None:
                # Shared properties have no single domain; the comment says so.
                assert "no single domain" in str(onto.value(prop, RDFS.comment)), prop


# --- the model of docs/rdf-model.md ----------------------------------------

CLASS_ALIGNMENT = {
    "PressRelease": {"https://schema.org/NewsArticle", "http://www.w3.org/ns/prov#Entity"},
    "Organization": {"https://schema.org/Organization"},
    "Company": {TG_NS + "Organization", "https://schema.org/Corporation"},
    "Agency": {TG_NS + "Organization", "https://schema.org/GovernmentOrganization"},
    "Listing": set(),
    "Person": {"https://schema.org/Person"},
    "Role": {"https://schema.org/OrganizationRole"},
    "Drug": {"https://schema.org/Drug"},
    "Designation": set(),
    "Approval": {TG_NS + "Designation"},
    "Condition": {"https://schema.org/MedicalCondition"},
    "ClinicalTrial": {"https://schema.org/MedicalTrial"},
    "Cohort": set(),
    "Result": set(),
    "Evidence": {"http://www.w3.org/ns/oa#SpecificResource"},
    "MergeDecision": {"http://www.w3.org/ns/prov#Activity"},
    "Milestone": set(),
}


def test_classes_and_alignments(onto: Graph) -> None:
    classes = {_local(c) for c in onto.subjects(RDF.type, OWL.Class)}
    assert classes == set(CLASS_ALIGNMENT)
    for name, parents in CLASS_ALIGNMENT.items():
        assert {str(p) for p in onto.objects(TG[name], RDFS.subClassOf)} == parents, name
    fibo = {str(o) for o in onto.objects(TG.Listing, RDFS.seeAlso)}
    assert any(o.endswith("/Listing") for o in fibo)
    assert any(o.endswith("/TickerSymbol") for o in fibo)


def test_terms_named_in_rdf_model_doc_are_defined(onto: Graph) -> None:
    doc = REPO / "docs" / "rdf-model.md"
    if not doc.exists():
        pytest.skip("docs/rdf-model.md not present")
    named = set(re.findall(r"\btg:([A-Za-z][\w-]*)", doc.read_text(encoding="utf-8")))
    defined = {_local(i) for i in _tg_iris(onto)}
    assert named - defined == set()


PHASES = {
    "Phase_1": ("1", "C15600"), "Phase_1b": ("1b", "C199989"),
    "Phase_1_2": ("1/2", "C15693"), "Phase_2": ("2", "C15601"),
    "Phase_2b": ("2b", "C49688"), "Phase_2_3": ("2/3", "C15694"),
    "Phase_3": ("3", "C15602"), "Phase_4": ("4", "C15603"),
}


def test_phases_have_ncit_exact_match(onto: Graph) -> None:
    members = {_local(c) for c in onto.subjects(SKOS.inScheme, TG.PhaseScheme)}
    assert members == set(PHASES)
    for name, (notation, ncit) in PHASES.items():
        assert onto.value(TG[name], SKOS.notation) == Literal(notation)
        assert set(onto.objects(TG[name], SKOS.exactMatch)) == {NCIT[ncit]}


EXPEDITED = {"fast_track", "breakthrough_therapy", "priority_review",
             "accelerated_approval", "rmat", "prime", "priority_medicine"}
INCENTIVE = {"orphan_drug", "rare_pediatric_disease"}


def test_designation_types_grouped(onto: Graph) -> None:
    expected = {**{c: "Designation_expedited_program" for c in EXPEDITED},
                **{c: "Designation_incentive" for c in INCENTIVE}}
    for code in EXPEDITED | INCENTIVE | {"other"}:
        term = TG[f"Designation_{code}"]
        assert onto.value(term, SKOS.notation) == Literal(code)
        broader = {_local(b) for b in onto.objects(term, SKOS.broader)}
        assert broader == ({expected[code]} if code in expected else set()), code


AGENCIES = {"FDA": "Agency_FDA", "EMA": "Agency_EMA", "EC": "Agency_EC",
            "MHRA": "Agency_MHRA", "PMDA": "Agency_PMDA", "NMPA": "Agency_NMPA",
            "Health Canada": "Agency_Health_Canada", "TGA": "Agency_TGA",
            "MFDS": "Agency_MFDS", "TFDA": "Agency_TFDA", "HSA": "Agency_HSA"}


def test_agencies(onto: Graph) -> None:
    for notation, name in AGENCIES.items():
        agency = TG[name]
        assert (agency, RDF.type, TG.Agency) in onto
        assert (agency, RDF.type, SKOS.Concept) in onto
        assert (agency, SKOS.inScheme, TG.AgencyScheme) in onto
        assert onto.value(agency, SKOS.notation) == Literal(notation)
        assert onto.value(agency, SKOS.prefLabel) is not None
    assert onto.value(TG.Agency_FDA, SKOS.prefLabel) == Literal("U.S. Food and Drug Administration")


UNITS = {
    UNIT.MilliCI: "mCi", UNIT["MilliGM-PER-KiloGM"]: "mg/kg", UNIT["MilliGM-PER-M2"]: "mg/m2",
    UNIT.MilliGM: "mg", UNIT["MicroGM-PER-KiloGM"]: "ug/kg",
    UNIT["MegaBQ-PER-KiloGM"]: "MBq/kg", UNIT.GigaBQ: "GBq", UNIT.PERCENT: "%",
    UNIT.MO: "months", UNIT.WK: "weeks", UNIT.DAY: "days",
    TG["MilliCI-PER-M2"]: "mCi/m2", TG["MicroGM-PER-M2"]: "ug/m2",
    TG.Patients: "patients", TG.Lines: "lines",
}


def test_units(onto: Graph) -> None:
    declared = set(onto.subjects(RDF.type, QUDT.Unit))
    assert declared == set(UNITS)
    for unit, notation in UNITS.items():
        assert onto.value(unit, SKOS.notation) == Literal(notation)
    assert "unit:MilliCI and unit:M2" in str(onto.value(TG["MilliCI-PER-M2"], RDFS.comment))


# --- concept schemes --------------------------------------------------------


def test_concepts_are_complete_skos(onto: Graph) -> None:
    for concept in onto.subjects(RDF.type, SKOS.Concept):
        schemes = list(onto.objects(concept, SKOS.inScheme))
        assert len(schemes) == 1, concept
        assert (schemes[0], RDF.type, SKOS.ConceptScheme) in onto
        assert onto.value(concept, SKOS.prefLabel) is not None, concept
        assert onto.value(concept, SKOS.notation) is not None, concept


def test_notations_are_plain_strings(onto: Graph) -> None:
    # The emitter and the facts queries match codes as plain literals;
    # a typed or language-tagged notation would silently never match.
    for notation in onto.objects(None, SKOS.notation):
        assert notation.datatype is None and notation.language is None, notation


def test_concept_notations_unique_within_scheme(onto: Graph) -> None:
    by_scheme: dict[URIRef, list[str]] = defaultdict(list)
    for concept, scheme in onto.subject_objects(SKOS.inScheme):
        by_scheme[scheme].append(str(onto.value(concept, SKOS.notation)))
    for scheme, notations in by_scheme.items():
        dupes = {n for n in notations if notations.count(n) > 1}
        assert not dupes, f"{scheme}: duplicate notations {dupes}"
    unit_notations = [str(onto.value(u, SKOS.notation)) for u in UNITS]
    assert len(unit_notations) == len(set(unit_notations))


# --- vocab.py and the shapes ------------------------------------------------


def test_vocab_names_match_ontology(onto: Graph) -> None:
    in_vocab = set(TG.__annotations__) | set(TG._extras)
    in_onto = set(gen_vocab.tg_terms(onto))
    assert in_vocab == in_onto, (
        f"only in vocab.py: {sorted(in_vocab - in_onto)}; "
        f"only in ontology: {sorted(in_onto - in_vocab)}; "
        "run python -m trialgraph.tools.gen_vocab"
    )


def test_vocab_file_is_freshly_generated(onto: Graph) -> None:
    on_disk = Path(vocab.__file__).read_text(encoding="utf-8")
    assert on_disk == gen_vocab.render(onto), "run python -m trialgraph.tools.gen_vocab"


def test_vocab_is_closed() -> None:
    assert TG.Drug == URIRef(TG_NS + "Drug")
    assert TG["MilliCI-PER-M2"] == URIRef(TG_NS + "MilliCI-PER-M2")
    with pytest.raises(AttributeError):
        TG.Durg  # noqa: B018 - the lookup itself is the test


def test_every_tg_term_in_shapes_is_defined(onto: Graph, shapes: Graph) -> None:
    defined = {_local(s) for s in _tg_iris(onto) if (s, RDF.type, None) in onto}
    used = {_local(i) for i in _tg_iris(shapes)}
    assert used - defined == set()


def test_resources_point_at_files() -> None:
    assert resources.ontology_path().is_file()
    assert resources.shapes_path().is_file()
    assert resources.queries_dir().is_dir()
