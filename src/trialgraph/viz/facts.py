"""What the map shows when a node is clicked: one line per fact, each with
the evidence (sentences) of every release that states it. Facts stated
by several releases become one line with several links."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

DESIGNATION_NAMES = {
    "orphan_drug": "Orphan drug", "rare_pediatric_disease": "Rare pediatric disease",
    "fast_track": "Fast track", "breakthrough_therapy": "Breakthrough therapy",
    "priority_review": "Priority review", "accelerated_approval": "Accelerated approval",
    "rmat": "RMAT", "prime": "PRIME", "priority_medicine": "Priority medicine", "other": "Other designation",
}
DESIGNATION_BADGES = {
    "orphan_drug": "OD", "rare_pediatric_disease": "RPD", "fast_track": "FT", "breakthrough_therapy": "BT",
    "priority_review": "PR", "accelerated_approval": "AA", "rmat": "RMAT", "prime": "PRIME",
    "priority_medicine": "PM", "other": "D",
}

MILESTONE_NAMES = {
    "initiation": "started", "data_readout": "data read out", "enrollment_completion": "enrolment completed",
    "completion": "completed", "regulatory_submission": "submitted", "regulatory_decision": "regulatory decision",
    "other": "milestone",
}


@dataclass
class Fact:
    text: str
    evidence: tuple[str, ...]
    sort_key: tuple = ()


def number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize()
        return format(value, "f")
    return str(value)


def _value_text(row: dict) -> str:
    value = number(row["value"])
    if row.get("value_high") is not None:
        value += "–" + number(row["value_high"])
    unit = row["unit"]
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


class Collector:
    """Accumulates facts keyed by (node, text) so repeated statements merge."""

    def __init__(self) -> None:
        # node -> text -> [evidence IRIs, the fact's sort key (the least it was added with)]
        self._facts: dict[str, dict[str, list]] = defaultdict(dict)
        self._conditions: list[tuple[str, str, dict]] = []
        self.condition_nodes: dict[str, str] = {}

    def add(self, node: str, text: str, evidence: str | None, order: tuple = ()) -> None:
        entry = self._facts[node].get(text)
        if entry is None:
            entry = self._facts[node][text] = [set(), order]
        elif order < entry[1]:
            entry[1] = order
        if evidence:
            entry[0].add(evidence)

    # `labels`: node -> label of every company, drug and trial on the map (a dict: networkx's
    # node views were a tenth of the projection's time at 10,000 releases)

    def developer(self, row: dict, labels: dict[str, str]) -> None:
        company, drug = labels[row["company"]], labels[row["drug"]]
        self.add(row["drug"], f"Developed by {company}", row["evidence"], (0,))
        self.add(row["company"], f"Develops {drug}", row["evidence"], (1,))

    def trial(self, row: dict, labels: dict[str, str]) -> None:
        trial, drug = row["trial"], labels[row["drug"]]
        trial_label = labels[trial]
        ev = row["evidence"]
        self.add(trial, f"Studies {drug}", ev, (0,))
        self.add(row["drug"], f"Studied in {trial_label}", ev, (2,))
        if row["phase"]:
            self.add(trial, f"Phase {row['phase']}", ev, (1,))
        if row["name"]:
            self.add(trial, f"Trial name: {row['name']}", ev, (1,))
        if row["indication"]:
            self.add(trial, f"Indication: {row['indication']}", ev, (2,))
        if row["registry"]:
            self.add(trial, f"Registry: {row['registry']}", ev, (3,))

    def condition_of(self, key: str, trial: str, row: dict) -> None:
        self._conditions.append((key, trial, row))

    def designation(self, row: dict) -> None:
        text = f"{DESIGNATION_NAMES.get(row['type'], row['type'])} designation ({row['agency']})"
        if row["indication"]:
            text += f" for {row['indication']}"
        if row["date"]:
            text += f", granted {row['date']}"
        self.add(row["drug"], text, row["evidence"], (1, row["type"]))

    def result(self, row: dict, labels: dict[str, str]) -> None:
        where = f" in {row['cohort_label']}" if row["cohort_label"] else ""
        trial = row["trial"] if row["trial"] in labels else None
        if trial:
            where += f" ({labels[trial]})"
        comparator = " [comparator]" if row["comparator"] else ""
        as_of = f", as of {row['as_of']}" if row["as_of"] else ""
        text = f"{row['endpoint']} {_value_text(row)}{where}{as_of}{comparator}"
        order = (3, row["endpoint"], row["as_of"] or "", row["cohort_label"] or "")
        if row["drug"] in labels:
            self.add(row["drug"], text, row["evidence"], order)
        if trial:
            self.add(trial, text, row["evidence"], order)

    def milestone(self, row: dict, labels: dict[str, str]) -> None:
        """A milestone a release reports as done (queries/viz/milestones.rq)."""
        trial = labels.get(row["trial"], "")
        subject = row["subject"] or trial or "trial"
        text = f"{subject[:1].upper()}{subject[1:]} {MILESTONE_NAMES.get(row['kind'], row['kind'])}"
        if trial and trial != subject:
            text += f" ({trial})"
        if row["issued"]:
            text += f", reported {row['issued']}"
        self.add(row["drug"], text, row["evidence"], (4, row["issued"] or "", text))

    def company(self, row: dict) -> None:
        if row["headquarters"]:
            self.add(row["company"], f"Headquarters: {row['headquarters']}", row["evidence"], (0,))
        if row["ticker"]:
            listing = f"{row['exchange']}: {row['ticker']}" if row["exchange"] else row["ticker"]
            self.add(row["company"], f"Listed as {listing}", row["evidence"], (0,))

    def finish(self, labels: dict[str, str]) -> dict[str, list[Fact]]:
        for key, trial, row in self._conditions:
            node = self.condition_nodes.get(key)
            if node:
                self.add(node, f"Studied in {labels[trial]}", row["evidence"], (0,))
        result: dict[str, list[Fact]] = {}
        for node in sorted(self._facts):
            facts = [Fact(text, tuple(sorted(evidence)), key) for text, (evidence, key) in self._facts[node].items()]
            result[node] = sorted(facts, key=lambda f: (f.sort_key, f.text))
        return result
