"""The map's projection of the graph: companies -> drugs -> trials ->
conditions as a networkx DiGraph, plus the facts of each node and the
sentences (evidence) behind them. Everything comes from queries/viz/*.rq.

Node ids are IRIs. Conditions are the trials' linked conditions or, where a
release links none, their indications as written, merged on case and spacing
and given an IRI from iris.py."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from .. import iris
from . import facts as factlib
from .sparql import select

KINDS = ("company", "drug", "trial", "condition")
LAYER = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Evidence:
    iri: str
    doc: str
    issued: str | None
    headline: str | None
    start: int
    end: int
    quote: str


@dataclass
class Projection:
    graph: nx.DiGraph
    facts: dict[str, list[factlib.Fact]] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    releases: int = 0  # releases in the graph (the map may show only some)

    def names(self) -> dict[str, tuple[str, ...]]:
        return {node: data["names"] for node, data in self.graph.nodes(data=True)}


def condition_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _release_order(rows: list[dict]) -> dict[str, tuple]:
    """Releases sorted by date then id, for 'the latest release says ...'
    (the rows come in no order: a release dated twice keeps its latest date)."""
    order: dict[str, tuple] = {}
    for row in rows:
        key = (row.get("issued") or "", row["doc"])
        if key > order.get(row["doc"], ("",)):
            order[row["doc"]] = key
    return order


def project(store, drawn=None) -> Projection:
    """`drawn(graph)` is called once the graph's nodes, labels and edges are
    final (the facts are collected after): writers.py lays it out meanwhile."""
    # the rows this process reads itself first: a map_store's names come from a process
    # that loads a store of its own and was still loading when this one had finished (sparql.py)
    mention_rows = select(store, "mentions")
    developer_rows = select(store, "developers")
    trial_rows = select(store, "trials")
    names: dict[str, dict] = {}
    for row in select(store, "names"):  # in no order (names.rq)
        entry = names.get(row["entity"])
        if entry is None:
            entry = names[row["entity"]] = {"first": (), "pref": set(), "names": set()}
        # an entity typed as two kinds takes the kind of its least (name kind, name), whatever the row order
        first = (row["name_kind"], row["name"], row["kind"])
        if not entry["first"] or first < entry["first"]:
            entry["first"] = first
        entry["names"].add(row["name"])
        if row["name_kind"] == "prefLabel":
            entry["pref"].add(row["name"])
    mentions: dict[str, set[str]] = defaultdict(set)
    for row in mention_rows:
        mentions[row["entity"]].add(row["doc"])
    order = _release_order(mention_rows)

    graph = nx.DiGraph()
    labels: dict[str, str] = {}  # the Collector's lookups (facts.py)
    for iri in sorted(names):
        entry = names[iri]
        label = labels[iri] = min(entry["pref"] or entry["names"], key=lambda n: (n.casefold(), n))
        graph.add_node(iri, kind=entry["first"][2], label=label, names=tuple(sorted(entry["names"])),
                       releases=len(mentions[iri]), phase="", designations=(), display=label)
    collector = factlib.Collector()

    for row in developer_rows:
        if row["company"] in labels and row["drug"] in labels:
            graph.add_edge(row["company"], row["drug"])
            collector.developer(row, labels)

    _add_trials(trial_rows, graph, labels, collector, order)
    if drawn is not None:
        drawn(graph)

    designations: dict[str, set[str]] = defaultdict(set)
    for row in select(store, "designations"):
        if row["drug"] in labels:
            designations[row["drug"]].add(row["type"])
            collector.designation(row)
    for drug, types in designations.items():
        graph.nodes[drug]["designations"] = tuple(sorted(types))

    for row in select(store, "results"):
        collector.result(row, labels)
    for row in select(store, "milestones"):
        if row["drug"] in labels:
            collector.milestone(row, labels)
    for row in select(store, "companies"):
        if row["company"] in labels:
            collector.company(row)

    facts = collector.finish(labels)
    used = {iri for node_facts in facts.values() for fact in node_facts for iri in fact.evidence}
    evidence = {}
    for row in select(store, "evidence"):
        if row["evidence"] in used:
            evidence[row["evidence"]] = Evidence(row["evidence"], row["doc"], row["issued"], row["headline"],
                                                 row["start"], row["end"], row["quote"])
    for node_facts in facts.values():
        for fact in node_facts:
            fact.evidence = tuple(iri for iri in fact.evidence if iri in evidence)
    return Projection(graph, facts, evidence, len(order))


def _add_trials(rows: list[dict], graph: nx.DiGraph, labels: dict[str, str], collector, order: dict[str, tuple]) -> None:
    phases: dict[str, dict[str, tuple]] = defaultdict(dict)
    stated_names: dict[str, dict[str, tuple]] = defaultdict(dict)
    indications: dict[str, dict[str, tuple]] = defaultdict(dict)
    conditions: dict[str, dict] = {}
    for row in rows:
        trial, drug = row["trial"], row["drug"]
        if trial not in labels or drug not in labels:
            continue
        graph.add_edge(drug, trial)
        collector.trial(row, labels)
        if row["phase"]:
            phases[trial][row["phase"]] = max(phases[trial].get(row["phase"], ()), order.get(row["doc"], ("", row["doc"])))
        when = order.get(row["doc"], ("", row["doc"]))
        if row["name"]:
            stated_names[trial][row["name"]] = max(stated_names[trial].get(row["name"], ()), when)
        if row["indication"]:
            indications[trial][row["indication"]] = max(indications[trial].get(row["indication"], ()), when)
        stated = row["condition"] or row["indication"]
        if stated:
            key = condition_key(stated)
            entry = conditions.setdefault(key, {"forms": set(), "docs": set(), "trials": set()})
            entry["forms"].add(stated)
            entry["docs"].add(row["doc"])
            entry["trials"].add(trial)
            if row["evidence"]:
                collector.condition_of(key, trial, row)
    for trial, stated in phases.items():
        # the phase the most recent release states: trials move on (Phase 1 -> 2)
        graph.nodes[trial]["phase"] = max(stated, key=lambda phase: (stated[phase], phase))
    _display_trial_labels(graph, _latest(stated_names), _latest(indications))
    for key in sorted(conditions):
        entry = conditions[key]
        node = str(iris.entity("condition", key))
        collector.condition_nodes[key] = node
        label = min(entry["forms"], key=lambda n: (n.casefold(), n))
        graph.add_node(node, kind="condition", label=label, names=tuple(sorted(entry["forms"])),
                       releases=len(entry["docs"]), phase="", designations=(), display=shorten(label, 90))
        for trial in sorted(entry["trials"]):
            graph.add_edge(trial, node)


DISPLAY_LIMIT = 40  # characters of a label drawn on the map; the full text is on hover and in the panel
# the qualifier most indications open with; spelt out, it ate the width that tells trials apart
_RELAPSED = re.compile(r"\b(?:relapsed(?: or |/| and |, )refractory|relapsed refractory)\b", re.IGNORECASE)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary where there is one."""
    text = _RELAPSED.sub("R/R", " ".join(text.split()))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-/") + "…"


def _latest(stated: dict[str, dict[str, tuple]]) -> dict[str, str]:
    return {node: max(values, key=lambda value: (values[value], value)) for node, values in stated.items()}


def _display_trial_labels(graph: nx.DiGraph, names: dict[str, str], indications: dict[str, str]) -> None:
    """Short labels that tell trials apart: the trial's name, else its phase
    and a short indication; where two still read alike, the drug is added,
    then a number. Generated labels ("Phase 1 trial of X in ...") cut at a
    fixed width made several trials read identically."""
    trials = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == "trial")

    def drug_of(trial: str) -> str:
        return min((graph.nodes[d]["label"] for d in graph.predecessors(trial)), default="", key=lambda n: (n.casefold(), n))

    display = {}
    for trial in trials:
        data = graph.nodes[trial]
        if trial in names:
            display[trial] = shorten(names[trial], DISPLAY_LIMIT)
        else:
            phase = f"Ph {data['phase']}" if data["phase"] else "Trial"
            what = indications.get(trial) or drug_of(trial)
            display[trial] = shorten(f"{phase} · {what}", DISPLAY_LIMIT) if what else phase
    for widen in (lambda t: f"{display[t]} · {drug_of(t)}", None):
        seen: dict[str, list[str]] = defaultdict(list)
        for trial in trials:
            seen[display[trial]].append(trial)
        for same in seen.values():
            if len(same) < 2:
                continue
            for number, trial in enumerate(same, start=1):
                display[trial] = widen(trial) if widen else f"{display[trial]} #{number}"
    for trial in trials:
        graph.nodes[trial]["display"] = display[trial]


def narrow(projection: Projection, keep_around: list[str]) -> Projection:
    """Only the nodes linked to every node in `keep_around` (its companies,
    drugs, trials and conditions up and down the map)."""
    graph = projection.graph
    keep = set(graph.nodes)
    for node in keep_around:
        keep &= {node} | nx.ancestors(graph, node) | nx.descendants(graph, node)
    sub = nx.DiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in graph.nodes if n in keep)
    sub.add_edges_from((u, v) for u, v in graph.edges if u in keep and v in keep)
    facts = {n: f for n, f in projection.facts.items() if n in keep}
    used = {iri for node_facts in facts.values() for fact in node_facts for iri in fact.evidence}
    evidence = {iri: ev for iri, ev in projection.evidence.items() if iri in used}
    return Projection(sub, facts, evidence, projection.releases)
