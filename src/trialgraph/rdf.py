"""Emit resolved facts as RDF: one named graph per release, each self-contained
(every node it references is typed and labelled in it), plus the entity-
resolution graph and a copy of the ontology."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as _rdflib_namespace

from . import iris
from .model import Evidence, Extraction
from .normalize import slug
from .quads import QuadSink
from .lexicons.drug_names import drugbank_iri
from .resolve import Entity, Resolution, drug_names, person_entity_key
from .resources import ontology_path
from . import vocab as _vocab
from .vocab import ONTOLOGY_IRI


class MemoNamespace:
    """A namespace whose terms are built once. rdflib builds and validates a
    new URIRef on every `NS.term` / `NS["term"]`, and emitting asks for the
    same few dozen terms millions of times (the profile: ~20% of emit)."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str):
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # later lookups are plain attribute reads
        return term

    def __getitem__(self, name: str) -> URIRef:
        try:
            return self._items[name]
        except KeyError:
            term = self._items[name] = self._namespace[name]
            return term

    def __str__(self) -> str:
        return str(self._namespace)


DCTERMS, PROV, RDF, SKOS, TIME, XSD = (MemoNamespace(getattr(_rdflib_namespace, name))
                                       for name in ("DCTERMS", "PROV", "RDF", "SKOS", "TIME", "XSD"))
QUDT, SCHEMA, TG, UNIT, OA = (MemoNamespace(getattr(_vocab, name)) for name in ("QUDT", "SCHEMA", "TG", "UNIT", "OA"))
# Labels, dates, extractor names and numbers recur across releases; a Literal
# costs a datatype lookup and casting each time. typed: 1 and True differ.
_literal = lru_cache(maxsize=200_000, typed=True)(Literal)

UNITS = {
    "mCi/m2": TG["MilliCI-PER-M2"], "mCi": UNIT["MilliCI"], "mg/kg": UNIT["MilliGM-PER-KiloGM"],
    "mg/m2": UNIT["MilliGM-PER-M2"], "mg": UNIT["MilliGM"], "ug/kg": UNIT["MicroGM-PER-KiloGM"],
    "ug/m2": TG["MicroGM-PER-M2"], "MBq/kg": UNIT["MegaBQ-PER-KiloGM"], "GBq": UNIT["GigaBQ"],
    "%": UNIT["PERCENT"], "months": UNIT["MO"], "weeks": UNIT["WK"], "days": UNIT["DAY"],
    "patients": TG["Patients"], "lines": TG["Lines"],
}
PHASES = {"1": "Phase_1", "1b": "Phase_1b", "1/2": "Phase_1_2", "2": "Phase_2", "2b": "Phase_2b",
          "2/3": "Phase_2_3", "3": "Phase_3", "4": "Phase_4"}
AGENCIES = {"FDA": "Agency_FDA", "EMA": "Agency_EMA", "EC": "Agency_EC", "MHRA": "Agency_MHRA",
            "PMDA": "Agency_PMDA", "NMPA": "Agency_NMPA", "Health Canada": "Agency_Health_Canada", "TGA": "Agency_TGA",
            "MFDS": "Agency_MFDS", "TFDA": "Agency_TFDA", "HSA": "Agency_HSA"}
APPROVAL_TYPES = {"accelerated_approval", "other"}


def _decimal(value: float) -> Literal | None:
    try:
        number = Decimal(repr(value))
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) > Decimal("1e12"):
        return None
    return _literal(number.normalize() if number == number.to_integral() else number, datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return _literal(value, datatype=XSD.gYearMonth)
    return _literal(value, datatype=XSD.gYear)




class _ReleaseGraph:
    """Writes one release's statements into its named graph."""

    def __init__(self, dataset: QuadSink, extraction: Extraction, resolution: Resolution):
        self.doc = extraction.document.doc_id
        self.release = iris.release(self.doc)
        self.graph = dataset.graph(self.release)
        self.extraction = extraction
        self.resolution = resolution
        self.evidence_nodes: dict[tuple[int, int], URIRef] = {}

    def add(self, s, p, o) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def provenance(self, node: URIRef, evidence: Evidence | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.release)
        if evidence is not None:
            self.add(node, TG.evidence, self.evidence(evidence))

    def evidence(self, evidence: Evidence) -> URIRef:
        span = evidence.span
        node = self.evidence_nodes.get((span.start, span.end))
        if node is None:  # the node (and its selectors) only once per span
            node = self.evidence_nodes[(span.start, span.end)] = iris.evidence(self.doc, span.start, span.end)
            position, quote = iris.selector(node, "position"), iris.selector(node, "quote")
            zone = self._zone_of(evidence)
            for triple in (
                (node, RDF.type, TG.Evidence), (node, OA.hasSource, self.release),
                (node, OA.hasSelector, position), (node, OA.hasSelector, quote),
                (node, TG.extractor, _literal(evidence.extractor)), (node, TG.zone, TG[f"Zone_{zone}"]),
                (position, RDF.type, OA.TextPositionSelector),
                (position, OA.start, _literal(evidence.span.start, datatype=XSD.nonNegativeInteger)),
                (position, OA.end, _literal(evidence.span.end, datatype=XSD.nonNegativeInteger)),
                (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, _literal(evidence.quote)),
            ):
                self.graph.add(triple)
        return node

    def _zone_of(self, evidence: Evidence) -> str:
        return self.extraction.zones.get(evidence.span, "body")

    def named(self, entity: Entity, rdf_class: URIRef, written: str | None, evidence: Evidence | None) -> URIRef:
        node = iris.entity(entity.kind, entity.key)
        self.add(node, RDF.type, rdf_class)
        self.add(node, SKOS.prefLabel, _literal(entity.label))
        if written:
            self.add(node, TG.nameAsWritten, _literal(written))
        self.provenance(node, evidence)
        return node

    def organization(self, name: str, evidence: Evidence) -> URIRef:
        company = self.resolution.company(name)
        if company is not None:
            return self.named(company, TG.Company, name, evidence)
        node = iris.entity("organization", slug(name) or name)
        self.add(node, RDF.type, TG.Organization)
        self.add(node, SKOS.prefLabel, _literal(name))
        return node

    def drug(self, name: str, evidence: Evidence | None) -> URIRef | None:
        entity = self.resolution.drug(name)
        if entity is None:
            return None
        return self.named(entity, TG.Drug, name, evidence)


def emit_release(dataset: QuadSink, extraction: Extraction, resolution: Resolution) -> None:
    out = _ReleaseGraph(dataset, extraction, resolution)
    doc, release = out.doc, out.release
    facts = extraction.release
    out.add(release, RDF.type, TG.PressRelease)
    out.add(release, DCTERMS.identifier, _literal(doc))
    out.add(release, TG.fileName, _literal(extraction.document.name))
    if facts.date:
        out.add(release, DCTERMS.issued, _literal(facts.date, datatype=XSD.date))
    if facts.location:
        out.add(release, TG.datelinePlace, _literal(facts.location))
    if facts.headline:
        out.add(release, SCHEMA.headline, _literal(facts.headline))

    for company in extraction.companies:
        entity = resolution.company(company.name)
        if entity is None:
            continue
        node = out.named(entity, TG.Company, company.name, company.evidence)
        if company.is_issuer:
            out.add(release, TG.issuer, node)
        if company.website:
            out.add(node, TG.website, _literal(company.website))
        if company.headquarters:
            out.add(node, TG.headquarters, _literal(company.headquarters))
        if company.ticker:
            listing = iris.fact("listing", doc, entity.key, company.ticker, company.exchange)
            out.add(listing, RDF.type, TG.Listing)
            out.add(listing, TG.listedCompany, node)
            out.add(listing, TG.ticker, _literal(company.ticker))
            if company.exchange:
                out.add(listing, TG.exchange, _literal(company.exchange))
            out.provenance(listing, company.evidence)

    for person in extraction.people:
        entity = resolution.people.get(person_entity_key(person.name))
        if entity is None:
            continue
        node = out.named(entity, TG.Person, person.name, person.evidence)
        role = iris.fact("role", doc, entity.key, person.role, person.organization)
        out.add(role, RDF.type, TG.Role)
        out.add(role, TG.rolePerson, node)
        if person.role:
            out.add(role, SCHEMA.jobTitle, _literal(person.role))
        if person.organization:
            out.add(role, TG.roleOrganization, out.organization(person.organization, person.evidence))
        out.provenance(role, person.evidence)

    for drug in extraction.drugs:
        node = out.drug(drug.name, drug.evidence)
        if node is None:
            continue
        for alias in drug.aliases:
            out.add(node, TG.nameAsWritten, _literal(alias.name))
        # the public identifier, from every name resolution knows for the drug
        # (so each release graph that holds the node links it the same way)
        drugbank = drugbank_iri(drug_names(resolution.drug(drug.name)))
        if drugbank:
            out.add(node, SKOS.exactMatch, URIRef(drugbank))
        if drug.company:
            company = resolution.company(drug.company)
            if company is not None:
                out.add(node, TG.developedBy, out.named(company, TG.Company, drug.company, None))

    for designation in extraction.designations:
        drug = out.drug(designation.drug, designation.evidence)
        if drug is None:
            continue
        entity = resolution.drug(designation.drug)
        node = iris.fact("designation", doc, entity.key, designation.type, designation.agency,
                         (designation.indication or "").lower())
        out.add(node, RDF.type, TG.Designation)
        if designation.type in APPROVAL_TYPES:
            out.add(node, RDF.type, TG.Approval)
        out.add(node, TG.designatedDrug, drug)
        out.add(node, TG.designationType, TG[f"Designation_{designation.type}"])
        out.add(node, TG.agency, TG[AGENCIES[designation.agency]])
        if designation.indication:
            out.add(node, TG.indicationText, _literal(designation.indication))
        if designation.date:
            out.add(node, TG.grantDate, date_literal(designation.date))
        out.provenance(node, designation.evidence)

    trial_nodes: dict[str, URIRef] = {}
    for trial in extraction.trials:
        entity = resolution.trials.get((doc, trial.local_id))
        drug = out.drug(trial.drug, trial.evidence)
        if entity is None or drug is None:
            continue
        node = out.named(entity, TG.ClinicalTrial, trial.name, trial.evidence)
        trial_nodes[trial.local_id] = node
        out.add(node, TG.studiesDrug, drug)
        if trial.phase in PHASES:
            out.add(node, TG.phase, TG[PHASES[trial.phase]])
        if trial.name:
            out.add(node, TG.trialName, _literal(trial.name))
        if trial.indication:
            out.add(node, TG.indicationText, _literal(trial.indication))
        for design in trial.design:
            out.add(node, TG.design, TG["Design_" + design.replace("-", "_")])
        for registry in trial.registry_ids:
            out.add(node, TG.registryId, _literal(registry))

    cohort_nodes: dict[str, URIRef] = {}
    for cohort in extraction.cohorts:
        trial = trial_nodes.get(cohort.trial or "")
        if trial is None:
            continue
        trial_entity = resolution.trials[(doc, cohort.trial)]
        node = iris.entity("cohort", f"{trial_entity.key}/{slug(cohort.label) or cohort.label}")
        cohort_nodes[cohort.label] = node
        out.add(node, RDF.type, TG.Cohort)
        out.add(node, TG.cohortOf, trial)
        out.add(node, TG.cohortLabel, _literal(cohort.label))
        value = _decimal(cohort.dose) if cohort.dose is not None else None
        if value is not None and cohort.dose > 0 and cohort.dose_unit in UNITS:
            dose = iris.fact("dose", doc, trial_entity.key, cohort.label, cohort.dose, cohort.dose_unit)
            out.add(node, TG.dose, dose)
            out.add(dose, RDF.type, QUDT.QuantityValue)
            out.add(dose, QUDT.numericValue, value)
            out.add(dose, QUDT.hasUnit, UNITS[cohort.dose_unit])
        if cohort.regimen:
            out.add(node, TG.regimen, TG[f"Regimen_{cohort.regimen}"])
        if cohort.schedule:
            out.add(node, TG.schedule, _literal(cohort.schedule))
        out.provenance(node, cohort.evidence)

    for result in extraction.results:
        drug = out.drug(result.drug, result.evidence)
        value = _decimal(result.value)
        if drug is None or value is None or result.unit not in UNITS:
            if value is None:
                extraction.warnings.append(f"result value {result.value!r} is not a usable number; left out")
            continue
        trial = None if result.comparator else trial_nodes.get(result.trial or "")
        cohort = None if result.comparator else cohort_nodes.get(result.cohort or "")
        node = iris.fact("result", doc, str(drug), str(trial), str(cohort), result.endpoint, result.value,
                         result.value_high, result.unit, result.comparator)
        out.add(node, RDF.type, TG.Result)
        out.add(node, TG.aboutDrug, drug)
        out.add(node, TG.endpoint, TG[f"Endpoint_{result.endpoint}"])
        out.add(node, TG.value, value)
        if result.value_high is not None:
            out.add(node, TG.valueHigh, _decimal(result.value_high))
        out.add(node, TG.unit, UNITS[result.unit])
        if facts.date:
            out.add(node, TG.asOf, _literal(facts.date, datatype=XSD.date))
        out.add(node, TG.isComparator, _literal(result.comparator))
        out.add(node, TG.resultOf, trial)
        out.add(node, TG.cohort, cohort)
        if result.population:
            out.add(node, TG.population, _literal(result.population))
        out.provenance(node, result.evidence)

    emit_milestones(out, trial_nodes, cohort_nodes)


def emit_milestones(out: _ReleaseGraph, trial_nodes: dict[str, URIRef], cohort_nodes: dict[str, URIRef]) -> None:
    """Planned and achieved milestones of one release; whether a later release
    kept a promise is left to queries/milestones.rq."""
    for milestone in out.extraction.milestones:
        # No evidence on the drug node: the milestone carries its own, and the
        # drug's evidence stays what the drug stage found (the facts table reads it).
        drug = out.drug(milestone.drug, None) if milestone.drug else None
        span = milestone.evidence.span
        node = iris.fact("milestone", out.doc, milestone.kind, milestone.status, span.start, span.end,
                         milestone.drug, milestone.trial, milestone.cohort, milestone.subject)
        out.add(node, RDF.type, TG.Milestone)
        out.add(node, TG.milestoneKind, TG[f"MilestoneKind_{milestone.kind}"])
        out.add(node, TG.milestoneStatus, TG[f"MilestoneStatus_{milestone.status}"])
        out.add(node, TG.milestoneDrug, drug)
        out.add(node, TG.milestoneTrial, trial_nodes.get(milestone.trial or ""))
        out.add(node, TG.milestoneCohort, cohort_nodes.get(milestone.cohort) if milestone.cohort else None)
        if milestone.subject:
            out.add(node, TG.milestoneSubject, _literal(milestone.subject))
        if milestone.time_text:
            out.add(node, TG.timeExpression, _literal(milestone.time_text))
        if milestone.period is not None:
            out.add(node, TG.expectedWithin, _period(out, milestone.period))
        out.provenance(node, milestone.evidence)


def _period(out: _ReleaseGraph, period) -> URIRef:
    """An OWL-Time interval for a stated window, typed and labelled in the release graph."""
    node = iris.period(period.notation)
    out.add(node, RDF.type, TIME.ProperInterval)
    out.add(node, SKOS.prefLabel, _literal(period.label))
    out.add(node, SKOS.notation, _literal(period.notation))
    for edge, day in ((TIME.hasBeginning, period.start), (TIME.hasEnd, period.end)):
        instant = iris.instant(day)
        out.add(node, edge, instant)
        out.add(instant, RDF.type, TIME.Instant)
        out.add(instant, TIME.inXSDDate, _literal(day, datatype=XSD.date))
    return node


def emit_entities(dataset: QuadSink, resolution: Resolution) -> None:
    graph = dataset.graph(iris.ENTITIES_GRAPH)
    # Types and preferred labels live in the release graphs; this graph adds only
    # what resolution learnt across releases, so it never needs per-release provenance.
    for entity in resolution.entities():
        aliases = entity.aliases - {entity.label}
        if not aliases and not entity.merges:
            continue  # most entities (54k at 10,000 releases): no IRI to mint for them here
        node = iris.entity(entity.kind, entity.key)
        for alias in sorted(aliases):
            graph.add((node, SKOS.altLabel, _literal(alias)))
        for variant, merge in sorted(entity.merges.items()):
            label = SKOS.hiddenLabel if merge.kind in ("misspelling",) else SKOS.altLabel
            graph.add((node, label, _literal(variant)))
            decision = iris.fact("merge", "corpus", entity.kind, entity.key, variant)
            graph.add((decision, RDF.type, TG.MergeDecision))
            graph.add((decision, TG.mergedInto, node))
            graph.add((decision, TG.variant, _literal(variant)))
            graph.add((decision, TG.variantKind, _literal(merge.kind)))
            graph.add((decision, TG.mergeReason, _literal(merge.reason)))
            for doc in sorted(merge.docs):
                graph.add((decision, PROV.wasDerivedFrom, iris.release(doc)))


@lru_cache(maxsize=1)
def _ontology_triples() -> tuple:
    return tuple(sorted(Graph().parse(ontology_path(), format="turtle")))


def emit_ontology(dataset: QuadSink) -> None:
    graph = dataset.graph(ONTOLOGY_IRI)
    for triple in _ontology_triples():
        graph.add(triple)


def build_dataset(extractions: list[Extraction], resolution: Resolution, *, releases: bool = True,
                  entities: bool = True) -> QuadSink:
    """All quads of the corpus in a QuadSink (rdflib-Dataset-like `graph(iri).add`);
    releases=False leaves the release graphs to the caller (parallel.py),
    entities=False the entities graph (emit_entities)."""
    dataset = QuadSink()
    for prefix, namespace in (("tg", TG._NS), ("tgid", iris.TGID), ("schema", SCHEMA), ("oa", OA),
                              ("qudt", QUDT), ("unit", UNIT), ("prov", PROV), ("skos", SKOS), ("dcterms", DCTERMS)):
        dataset.bind(prefix, namespace)
    emit_ontology(dataset)
    if entities:
        emit_entities(dataset, resolution)
    for extraction in sorted(extractions, key=lambda e: e.document.doc_id) if releases else ():
        emit_release(dataset, extraction, resolution)
    return dataset
