"""The typed records passed between pipeline stages.

ingest -> Document; segment -> Sentence; extract -> *Fact (surface names, one
release); resolve -> canonical entities for the corpus; emit -> RDF.
Every fact carries the Evidence (release, sentence span, extractor) that states it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Zone(str, Enum):
    """Where in a release a sentence stands; facts come only from some zones."""

    HEADLINE = "headline"
    DATELINE = "dateline"
    BODY = "body"
    ABOUT = "about"
    FORWARD_LOOKING = "forward_looking"
    CONTACTS = "contacts"
    BOILERPLATE = "boilerplate"  # wire and site footers, bylines, captions, publisher blurbs (GUIDE.md)

    @property
    def states_facts(self) -> bool:
        # FACTS.md: disclaimers, contact blocks and boilerplate yield no facts.
        return self not in (Zone.FORWARD_LOOKING, Zone.CONTACTS, Zone.BOILERPLATE)


@dataclass(frozen=True, order=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    name: str  # file name only: outputs must not depend on the folder
    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    span: Span
    text: str  # exactly document.text[span.start:span.end]
    clean: str  # same length as text, markdown markup blanked, for matching
    zone: Zone
    paragraph: int
    section: str | None = None  # subject of an "About X" heading, if any
    is_heading: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    span: Span
    quote: str
    extractor: str

    @staticmethod
    def of(sentence: Sentence, extractor: str) -> "Evidence":
        return Evidence(sentence.doc_id, sentence.span, sentence.text, extractor)


@dataclass(frozen=True, slots=True)
class ReleaseFact:
    doc_id: str
    date: str | None  # ISO 8601 at the stated precision
    location: str | None
    headline: str | None
    evidence: Evidence | None


@dataclass(frozen=True, slots=True)
class CompanyFact:
    name: str  # longest form the release writes, e.g. "Acme Bio, Inc."
    evidence: Evidence
    short_names: tuple[str, ...] = ()  # "Acme", defined short forms
    ticker: str | None = None
    exchange: str | None = None
    website: str | None = None
    headquarters: str | None = None
    is_issuer: bool = False


@dataclass(frozen=True, slots=True)
class PersonFact:
    name: str  # as written, titles and degrees removed
    evidence: Evidence
    role: str | None = None
    organization: str | None = None  # surface name


@dataclass(frozen=True, slots=True)
class DrugAlias:
    name: str
    relation: str  # "brand", "inn", "code", "former", "abbreviation", "full_name"


@dataclass(frozen=True, slots=True)
class DrugFact:
    name: str
    evidence: Evidence
    aliases: tuple[DrugAlias, ...] = ()
    company: str | None = None  # surface company name


@dataclass(frozen=True, slots=True)
class DesignationFact:
    drug: str
    type: str  # FACTS.md designation type code
    agency: str
    evidence: Evidence
    indication: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class TrialFact:
    local_id: str  # unique within the release; cohorts and results refer to it
    drug: str
    evidence: Evidence
    phase: str | None = None
    indication: str | None = None
    name: str | None = None
    design: tuple[str, ...] = ()
    registry_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CohortFact:
    label: str
    drug: str
    evidence: Evidence
    trial: str | None = None  # TrialFact.local_id
    dose: float | None = None
    dose_unit: str | None = None
    regimen: str | None = None
    schedule: str | None = None


@dataclass(frozen=True, slots=True)
class ResultFact:
    drug: str
    endpoint: str
    value: float
    unit: str
    evidence: Evidence
    trial: str | None = None  # TrialFact.local_id
    cohort: str | None = None  # CohortFact.label
    value_high: float | None = None
    comparator: bool = False
    population: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A stated time window, kept at the precision the release wrote it.

    notation: "2019" year, "2019-06" month, "2019-06-30" day, "2019-Q4" quarter,
    "2020-H1" half, "2021-mid" mid-year, "2022-YE" year-end; start/end are the
    inclusive ISO dates the window covers (how queries compare it with dates).
    """

    notation: str
    label: str  # readable: "Q4 2019", "first half of 2020"
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class MilestoneFact:
    """A forward-looking ("expects data in Q4 2019") or achieved ("initiated
    Cohort 7") development milestone stated in a release body."""

    kind: str  # MILESTONE_KINDS
    status: str  # "planned" or "achieved"
    evidence: Evidence
    drug: str | None = None  # in-release drug name
    trial: str | None = None  # TrialFact.local_id
    cohort: str | None = None  # cohort label ("7", "DLBCL")
    subject: str | None = None  # the words naming what: "Phase 2 study", "Cohort 7", "BLA"
    period: Period | None = None
    time_text: str | None = None  # the time expression as written: "by the end of 2019"


MILESTONE_KINDS = ("data_readout", "initiation", "enrollment_completion", "completion",
                   "regulatory_submission", "regulatory_decision", "other")


@dataclass(slots=True)
class Extraction:
    """Everything one release states, before corpus-wide resolution."""

    document: Document
    release: ReleaseFact
    companies: list[CompanyFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    drugs: list[DrugFact] = field(default_factory=list)
    designations: list[DesignationFact] = field(default_factory=list)
    trials: list[TrialFact] = field(default_factory=list)
    cohorts: list[CohortFact] = field(default_factory=list)
    results: list[ResultFact] = field(default_factory=list)
    milestones: list[MilestoneFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    zones: dict[Span, str] = field(default_factory=dict)  # sentence span -> zone, for evidence
