"""A company's history at a glance: one swim lane per drug over calendar
time, with its designations (by type), its trials' starts and other
milestones the releases report as done, and its results as each release
reported them. Every mark keeps the release that states it and the
sentence (evidence) behind it, so a drawing can link each mark to its
source. Computed from queries/viz/ (developers, designations, milestones,
results, releases) only."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from ..charts import as_date, cohort_name, is_response
from .facts import DESIGNATION_BADGES, DESIGNATION_NAMES, MILESTONE_NAMES, number
from .sparql import select

# what a lane shows, top to bottom within the lane
CATEGORIES = ("designation", "trial start", "trial milestone", "regulatory step", "results")
MILESTONE_CATEGORY = {
    "initiation": "trial start", "data_readout": "trial milestone", "enrollment_completion": "trial milestone",
    "completion": "trial milestone", "regulatory_submission": "regulatory step",
    "regulatory_decision": "regulatory step",
}
RESULTS_SHOWN = 2  # results drawn beside a mark; the rest are in its tooltip


@dataclass(frozen=True)
class Mark:
    when: datetime.date
    category: str
    text: str  # short, drawn beside the mark
    detail: str  # everything, for the tooltip
    release: str  # IRI of the release that reports it
    doc: str
    evidence: str | None
    kind: str = ""  # designation type code, for its colour


@dataclass(frozen=True)
class Lane:
    drug: str
    label: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Lanes:
    company: str
    label: str
    lanes: tuple[Lane, ...]
    releases: int  # releases behind the marks

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        dates = [mark.when for lane in self.lanes for mark in lane.marks]
        return (min(dates), max(dates)) if dates else None


def _releases(store) -> dict[str, tuple[str, datetime.date | None]]:
    return {row["doc"]: (row["release"], as_date(row["issued"])) for row in select(store, "releases")}


def company_lanes(store, company: str, labels: dict[str, str]) -> Lanes | None:
    """The lanes of one company (an IRI); None when none of its drugs has a dated mark."""
    return all_lanes(store, labels, [company]).get(company)


def all_lanes(store, labels: dict[str, str], companies: list[str]) -> dict[str, Lanes]:
    """The lanes of each of `companies` that has a dated mark. Each query runs
    once for all of them: the page draws every company's lanes."""
    wanted = set(companies)
    developers: dict[str, set[str]] = defaultdict(set)
    for row in select(store, "developers"):
        if row["company"] in wanted:
            developers[row["drug"]].add(row["company"])
    marks = _marks(store, set(developers), labels)
    drugs_of: dict[str, list[str]] = defaultdict(list)  # one pass, not every drug per company
    for drug, owners in developers.items():
        for owner in owners:
            drugs_of[owner].append(drug)
    found = {}
    for company in companies:
        lanes = []
        for drug in sorted(drugs_of.get(company, ())):
            if marks.get(drug):
                lanes.append(Lane(drug, labels.get(drug, drug), tuple(marks[drug])))
        if lanes:
            lanes.sort(key=lambda lane: (lane.marks[0].when, lane.label.casefold(), lane.drug))
            docs = {mark.doc for lane in lanes for mark in lane.marks}
            found[company] = Lanes(company, labels.get(company, company), tuple(lanes), len(docs))
    return found


def _marks(store, drugs: set[str], labels: dict[str, str]) -> dict[str, list[Mark]]:
    """Every drug's marks, in date order."""
    releases = _releases(store)
    marks: dict[str, list[Mark]] = defaultdict(list)
    for mark_of in (_designation_marks, _milestone_marks, _result_marks):
        for drug, mark in mark_of(store, drugs, labels, releases):
            marks[drug].append(mark)
    ordered: dict[str, list[Mark]] = {}
    for drug in sorted(marks):
        # a release that states one milestone in two sentences gives one mark
        first: dict[tuple, Mark] = {}
        for mark in sorted(marks[drug], key=lambda m: (m.when, CATEGORIES.index(m.category), m.text, m.doc,
                                                       m.evidence or "", m.detail)):
            first.setdefault((mark.when, mark.category, mark.text, mark.doc), mark)
        ordered[drug] = list(first.values())
    return ordered


def _designation_marks(store, drugs: set[str], labels: dict[str, str], releases: dict):
    # A designation is restated by release after release: one mark per
    # (type, agency, indication), at the earliest grant date a release states,
    # else at the first release that reports it.
    granted: dict[tuple, list[tuple]] = defaultdict(list)
    for row in select(store, "designations"):
        if row["drug"] not in drugs:
            continue
        iri, issued = releases.get(row["doc"], ("", None))
        when = as_date(row["date"]) or issued
        if when is not None:
            key = (row["drug"], row["type"], row["agency"], " ".join((row["indication"] or "").split()).casefold())
            granted[key].append((when, row["date"] is None, row["doc"], row["evidence"] or "", iri, row))
    for (drug, code, agency, _), stated in granted.items():
        when, _, doc, evidence, iri, row = min(stated)
        name = DESIGNATION_NAMES.get(code, code)
        detail = f"{name} designation ({agency})" + (f" for {row['indication']}" if row["indication"] else "")
        detail += f", granted {row['date']}" if row["date"] else f", first reported {when}"
        restated = len({entry[2] for entry in stated})
        if restated > 1:
            detail += f"; stated by {restated} releases"
        yield drug, Mark(when, "designation", DESIGNATION_BADGES.get(code, code), detail, iri, doc, evidence or None,
                         code)


def _milestone_marks(store, drugs: set[str], labels: dict[str, str], releases: dict):
    for row in select(store, "milestones"):
        if row["drug"] not in drugs:
            continue
        iri, issued = releases.get(row["doc"], ("", None))
        if issued is None:
            continue
        subject = row["subject"] or (labels.get(row["trial"], "") if row["trial"] else "") or "trial"
        what = MILESTONE_NAMES.get(row["kind"], row["kind"])
        yield row["drug"], Mark(issued, MILESTONE_CATEGORY.get(row["kind"], "trial milestone"), subject,
                                f"{subject} {what} (reported {issued})", iri, row["doc"], row["evidence"])


def _result_marks(store, drugs: set[str], labels: dict[str, str], releases: dict):
    """One mark per release that reports results of the drug."""
    reported: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in select(store, "results"):
        if row["drug"] in drugs and not row["comparator"] and is_response(row["endpoint"]):
            reported[(row["drug"], row["doc"])].append(row)
    for (drug, doc), rows in reported.items():
        iri, issued = releases.get(doc, ("", None))
        if issued is None:
            continue
        texts = sorted({_result_text(row, labels) for row in rows})
        short = _ranges(rows)
        text = " · ".join(short[:RESULTS_SHOWN]) + (f" +{len(short) - RESULTS_SHOWN}" if len(short) > RESULTS_SHOWN else "")
        evidence = min((row["evidence"] for row in rows if row["evidence"]), default=None)
        yield drug, Mark(issued, "results", text, f"Results reported {issued}: " + "; ".join(texts), iri, doc, evidence)


def _ranges(rows: list[dict]) -> list[str]:
    """One short text per endpoint and unit: the value, or the lowest and
    highest a release gives across cohorts ("ORR 17–43%")."""
    values: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        values[(row["endpoint"], row["unit"])].append(row["value"])
    texts = []
    for (endpoint, unit), found in sorted(values.items()):
        low, high = min(found), max(found)
        value = number(low) if low == high else f"{number(low)}–{number(high)}"
        texts.append(f"{endpoint} {value}" + ("%" if unit == "%" else f" {unit}"))
    return texts


def _value(row: dict) -> str:
    value = number(row["value"]) + (f"–{number(row['value_high'])}" if row["value_high"] is not None else "")
    unit = "%" if row["unit"] == "%" else f" {row['unit']}"
    return f"{row['endpoint']} {value}{unit}"


def _result_text(row: dict, labels: dict[str, str]) -> str:
    where = cohort_name(row["cohort_label"]) if row["cohort_label"] else ""
    trial = labels.get(row["trial"], "") if row["trial"] else ""
    context = ", ".join(part for part in (where, trial) if part)
    return _value(row) + (f" ({context})" if context else "")


def lanes_title(lanes: Lanes) -> str:
    span = lanes.span()
    years = f"{span[0].year}–{span[1].year}" if span and span[0].year != span[1].year else (str(span[0].year) if span else "")
    return f"{lanes.label}: development history by drug ({years}, {lanes.releases} releases)"


def describe_lanes(lanes: Lanes) -> str:
    count = sum(len(lane.marks) for lane in lanes.lanes)
    return f"{lanes.label}: {len(lanes.lanes)} drug lane(s), {count} marks from {lanes.releases} release(s)"
