"""The SHACL shapes accept a valid release and reject each kind of broken one.

Each named graph of tests/data/valid_release.trig is validated on its own,
without the ontology and without inference, exactly as the pipeline validates
release graphs. Every corruption case changes one thing in a copy of a valid
graph and expects the analyst-facing sh:message for that problem on the node
that has it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from trialgraph import resources, vocab
from trialgraph.vocab import DCTERMS, OA, OWL, PROV, QUDT, RDF, SKOS, TG, TGID, UNIT

# rdflib's XSD namespace warns on unknown attributes, and pytest probes module
# globals for mock attributes during collection: reach XSD through the module.
XSD_STRING = vocab.XSD.string
XSD_DATE = vocab.XSD.date
XSD_NNI = vocab.XSD.nonNegativeInteger

# rdflib's own TriG parser uses its deprecated ConjunctiveGraph API internally.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

DATA = Path(__file__).parent / "data" / "valid_release.trig"
TGSH = "https://w3id.org/trialgraph/shapes#"

# Nodes of the fixture that the corruptions touch.
DOC = "acme-2024-03-11"
RELEASE = TGID[f"release/{DOC}"]
ENTITIES = TGID["graph/entities"]
COMPANY = TGID["company/acme-oncology"]
LISTING = TGID["listing/nasdaq-acmo"]
ROLE = TGID[f"role/{DOC}/cde63bc25c02375c"]
DRUG = TGID["drug/acm-101"]
FAST_TRACK = TGID[f"designation/{DOC}/21d4e95b9a68c8fc"]
ORPHAN = TGID[f"designation/{DOC}/5def7b3de450ac75"]
APPROVAL = TGID[f"designation/{DOC}/6b5ddbe40e781387"]
TRIAL = TGID[f"trial/{DOC}/069fd3a44db682e9"]
COHORT = TGID[f"cohort/{DOC}/1e99e68d3b82d390"]
DOSE = TGID[f"cohort/{DOC}/1e99e68d3b82d390/dose"]
ORR = TGID[f"result/{DOC}/24c11cddd5be37a4"]
MPFS = TGID[f"result/{DOC}/394b327942f116ee"]
EVIDENCE = TGID[f"evidence/{DOC}/508-655"]
POSITION = TGID[f"evidence/{DOC}/508-655/position"]
QUOTE = TGID[f"evidence/{DOC}/508-655/quote"]
MERGE = TGID["merge/3874bae43ec1e8b3"]
OTHER_RELEASE = TGID["release/acme-2023-11-02"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(resources.shapes_path(), format="turtle")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(DATA, format="trig")
    return ds


def named_graph(dataset: Dataset, name: URIRef) -> Graph:
    """A fresh, mutable copy of one named graph, as a plain Graph."""
    graph = Graph()
    for triple in dataset.graph(name):
        graph.add(triple)
    return graph


def validate(data: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, report, text


# --- the valid fixture --------------------------------------------------------


@pytest.mark.parametrize("name", [RELEASE, ENTITIES], ids=["release", "entities"])
def test_valid_graph_conforms(dataset: Dataset, shapes: Graph, name: URIRef) -> None:
    data = named_graph(dataset, name)
    assert len(data) > 0
    conforms, _, text = validate(data, shapes)
    assert conforms, text


def test_fixture_uses_every_class_without_blank_nodes(dataset: Dataset) -> None:
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    used = {o for _, _, o, _ in dataset.quads((None, RDF.type, None, None))}
    needed = set(onto.subjects(RDF.type, OWL.Class)) | {
        QUDT.QuantityValue, OA.TextPositionSelector, OA.TextQuoteSelector,
    }
    assert needed - used == set()
    assert not [n for q in dataset.quads() for n in q[:3] if isinstance(n, BNode)]


def test_fixture_evidence_spans_match_quotes(dataset: Dataset) -> None:
    release = named_graph(dataset, RELEASE)
    evidence = list(release.subjects(RDF.type, TG.Evidence))
    assert evidence
    for ev in evidence:
        selectors = list(release.objects(ev, OA.hasSelector))
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in release)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in release)
        start = int(release.value(position, OA.start))
        end = int(release.value(position, OA.end))
        assert end - start == len(str(release.value(quote, OA.exact))), ev
        assert str(ev).endswith(f"/{start}-{end}")


# --- the shapes graph itself --------------------------------------------------


def test_shapes_pass_shacl_shacl(shapes: Graph) -> None:
    meta = Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=meta)
    assert conforms, text


def test_every_property_shape_has_name_and_message(shapes: Graph) -> None:
    property_shapes = set(shapes.objects(None, SH.property)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert property_shapes
    for shape in property_shapes:
        assert shapes.value(shape, SH.name) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape
        assert isinstance(shape, URIRef) and str(shape).startswith(TGSH), shape


def test_every_class_has_a_node_shape(shapes: Graph) -> None:
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    targeted = set(shapes.objects(None, SH.targetClass))
    assert set(onto.subjects(RDF.type, OWL.Class)) - targeted == set()


def _sh_in(shapes: Graph, shape_name: str) -> set:
    return set(Collection(shapes, shapes.value(URIRef(TGSH + shape_name), SH["in"])))


# Which sh:in list must equal which concept scheme (the shapes cannot read the
# ontology at validation time, so this test keeps the copies in step).
SCHEME_LISTS = {
    "ClinicalTrial-phase": TG.PhaseScheme,
    "ClinicalTrial-design": TG.TrialDesignScheme,
    "Cohort-regimen": TG.RegimenScheme,
    "Result-endpoint": TG.EndpointScheme,
    "Evidence-zone": TG.ZoneScheme,
    "Designation-agency": TG.AgencyScheme,
    "AgencyShape": TG.AgencyScheme,
}


@pytest.mark.parametrize("shape_name", sorted(SCHEME_LISTS))
def test_sh_in_lists_match_schemes(shapes: Graph, shape_name: str) -> None:
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    members = set(onto.subjects(SKOS.inScheme, SCHEME_LISTS[shape_name]))
    assert _sh_in(shapes, shape_name) == members


def test_designation_type_list_is_the_scheme_without_groups(shapes: Graph) -> None:
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    members = set(onto.subjects(SKOS.inScheme, TG.DesignationTypeScheme))
    groups = set(onto.objects(None, SKOS.broader))
    assert groups == {TG.Designation_expedited_program, TG.Designation_incentive}
    assert _sh_in(shapes, "Designation-designationType") == members - groups


def test_unit_lists_cover_the_ontology_units(shapes: Graph) -> None:
    onto = Graph().parse(resources.ontology_path(), format="turtle")
    units = set(onto.subjects(RDF.type, QUDT.Unit))
    dose_units = _sh_in(shapes, "Dose-hasUnit")
    result_units = _sh_in(shapes, "Result-unit")
    assert _sh_in(shapes, "QuantityValue-hasUnit") == units
    assert dose_units | result_units == units
    assert dose_units & result_units == set()


# --- corruptions ----------------------------------------------------------------


def _set(s: URIRef, p: URIRef, o) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _drop(s: URIRef, p: URIRef, o=None) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, o))


def _add(*triples) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        for triple in triples:
            g.add(triple)
    return mutate


@dataclass(frozen=True)
class Corruption:
    id: str
    mutate: Callable[[Graph], None]
    message: str  # a fragment of the expected sh:message
    focus: URIRef  # the node the violation must be reported on
    graph: URIRef = RELEASE
    alone: bool = True  # the only message in the report: one problem, one message


NOT_AN_AGENCY = TGID["agency/ministry-of-magic"]

CORRUPTIONS = [
    Corruption("phase-not-in-scheme", _set(TRIAL, TG.phase, TG.Endpoint_ORR),
               "ClinicalTrial phase (tg:phase) must be", TRIAL),
    Corruption("percent-result-140", _set(ORR, TG.value, Literal(Decimal("140"))),
               "A percentage result must be between 0 and 100", ORR),
    Corruption("percent-result-negative", _set(ORR, TG.value, Literal(Decimal("-5"))),
               "A percentage result must be between 0 and 100", ORR),
    Corruption("result-without-evidence", _drop(ORR, TG.evidence),
               "Result must cite at least one Evidence", ORR),
    # Also reported as a reversed range: a string does not compare with valueHigh.
    Corruption("result-value-string", _set(MPFS, TG.value, Literal("fifty")),
               "Result value must be exactly one number", MPFS, alone=False),
    # A Python float becomes xsd:double, not xsd:decimal: the emitter must use Decimal.
    Corruption("result-value-double", _set(MPFS, TG.value, Literal(6.3)),
               "Result value must be exactly one number", MPFS),
    Corruption("result-range-reversed", _set(MPFS, TG.valueHigh, Literal(Decimal("5.0"))),
               "Result range is reversed", MPFS),
    Corruption("result-unit-not-a-result-unit", _set(MPFS, TG.unit, UNIT.MilliGM),
               "Result must have exactly one unit (tg:unit)", MPFS),
    Corruption("cohort-without-trial", _drop(COHORT, TG.cohortOf),
               "Cohort must belong to exactly one ClinicalTrial (tg:cohortOf)", COHORT),
    Corruption("dose-zero", _set(DOSE, QUDT.numericValue, Literal(Decimal("0"))),
               "Dose must be greater than 0", DOSE),
    Corruption("dose-negative", _set(DOSE, QUDT.numericValue, Literal(Decimal("-37.5"))),
               "Dose must be greater than 0", DOSE),
    Corruption("dose-unit-missing", _drop(DOSE, QUDT.hasUnit),
               "Quantity must have exactly one unit (qudt:hasUnit)", DOSE),
    Corruption("dose-unit-percent", _set(DOSE, QUDT.hasUnit, UNIT.PERCENT),
               "Dose unit (qudt:hasUnit) must be a dose unit", DOSE),
    Corruption("designation-without-agency", _drop(FAST_TRACK, TG.agency),
               "Designation must name exactly one granting agency", FAST_TRACK),
    Corruption("designation-type-outside-scheme",
               _set(FAST_TRACK, TG.designationType, TG.Phase_1),
               "Designation must have exactly one designation type", FAST_TRACK),
    Corruption("designation-type-is-a-grouping-concept",
               _set(FAST_TRACK, TG.designationType, TG.Designation_incentive),
               "Designation must have exactly one designation type", FAST_TRACK),
    Corruption("approval-without-drug", _drop(APPROVAL, TG.designatedDrug),
               "Designation must be for exactly one Drug", APPROVAL),
    Corruption("grant-date-xsd-string",
               _set(ORPHAN, TG.grantDate, Literal("2022", datatype=XSD_STRING)),
               "Designation grant date (tg:grantDate) must be", ORPHAN),
    Corruption("unknown-agency-node",
               _add((NOT_AN_AGENCY, RDF.type, TG.Agency),
                    (NOT_AN_AGENCY, SKOS.prefLabel, Literal("Ministry of Magic"))),
               "Agency must be one of the agencies defined in the ontology", NOT_AN_AGENCY),
    Corruption("two-derived-from", _add((DRUG, PROV.wasDerivedFrom, OTHER_RELEASE)),
               "Drug must be derived from exactly one PressRelease", DRUG),
    Corruption("listing-without-derived-from", _drop(LISTING, PROV.wasDerivedFrom),
               "Listing must be derived from exactly one PressRelease", LISTING),
    Corruption("evidence-without-quote-selector", _drop(EVIDENCE, OA.hasSelector, QUOTE),
               "Evidence must have exactly one quote selector", EVIDENCE),
    Corruption("evidence-end-before-start",
               _set(POSITION, OA.end, Literal(500, datatype=XSD_NNI)),
               "Text position selector end (oa:end) must not be before its start", POSITION),
    Corruption("evidence-start-plain-integer", _set(POSITION, OA.start, Literal(508)),
               "Text position selector must have exactly one start offset", POSITION),
    Corruption("release-date-string", _set(RELEASE, DCTERMS.issued, Literal("2024-03-11")),
               "PressRelease date (dcterms:issued) must be", RELEASE),
    Corruption("release-date-impossible",
               _set(RELEASE, DCTERMS.issued, Literal("2024-02-30", datatype=XSD_DATE)),
               "PressRelease date (dcterms:issued) must be", RELEASE),
    Corruption("role-without-person", _drop(ROLE, TG.rolePerson),
               "Role must be held by exactly one Person", ROLE),
    Corruption("listing-without-ticker", _drop(LISTING, TG.ticker),
               "Listing must have exactly one ticker symbol", LISTING),
    Corruption("company-without-preflabel", _drop(COMPANY, SKOS.prefLabel),
               "Company must have exactly one preferred name", COMPANY),
    Corruption("merge-unknown-variant-kind", _set(MERGE, TG.variantKind, Literal("typo")),
               "MergeDecision must have exactly one variant kind", MERGE, ENTITIES),
    Corruption("merge-derived-from-non-release",
               _set(MERGE, PROV.wasDerivedFrom, COMPANY),
               "MergeDecision must be derived from at least one release", MERGE, ENTITIES),
]


@pytest.mark.parametrize("case", CORRUPTIONS, ids=[c.id for c in CORRUPTIONS])
def test_corruption_is_reported(dataset: Dataset, shapes: Graph, case: Corruption) -> None:
    data = named_graph(dataset, case.graph)
    before = set(data)
    case.mutate(data)
    assert set(data) != before, "the corruption changed nothing"
    conforms, report, text = validate(data, shapes)

    assert conforms is False
    assert case.message in text
    assert str(case.focus) in text
    # The message must be reported on the right node, not just somewhere.
    pairs = {
        (report.value(r, SH.focusNode), str(report.value(r, SH.resultMessage)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert any(focus == case.focus and case.message in msg for focus, msg in pairs), pairs
    if case.alone:
        assert len({msg for _, msg in pairs}) == 1, pairs
