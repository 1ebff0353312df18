"""Charts across releases, as data first (Chart -> Panel -> Series) and
drawn by trialgraph.viz.drawing into SVG or PNG:

- dose-response: for one drug, each cohort's dose against each endpoint
  (the latest value a release gives for that cohort), one line per trial;
- timeline: for one drug and one endpoint, the value per cohort over the
  release dates, so restatements and maturing medians show.

Timelines come from the saved query `metric-timeline` run through
trialgraph.queries (parameters resolved and bound there). Dose-response uses
queries/viz/results.rq, which takes each result's dose from its cohort in the
same release: the saved `dose-response` query loses a cohort stated with a
dose in one release and without in another (and differently on each engine)."""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .errors import UsageError
from .sparql.execute import frozen

CHART_KINDS = ("dose-response", "timeline")
# Endpoint codes that describe the patients enrolled, not what the drug did to
# them: charting them as a response against dose would mislead. The endpoint
# scheme has no class for these, so the list lives here.
BASELINE_ENDPOINTS = frozenset({"prior_lines"})


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple, ...]  # (x, y): x a float (dose) or a datetime.date


@dataclass(frozen=True)
class Panel:
    title: str
    x_label: str
    y_label: str
    series: tuple[Series, ...]
    dates: bool
    y_unit: str = ""  # "%" draws a 0-100 axis


@dataclass(frozen=True)
class Chart:
    kind: str
    title: str
    drug: str
    panels: tuple[Panel, ...]


def saved_rows(store, name: str, params: dict[str, str]) -> list[dict]:
    """Rows of a saved query as dicts of plain values (IRIs and text as str,
    numbers as Decimal); parameters are raw strings the query engine resolves."""
    from .queries import load, run

    table = run(load(name), store, params)
    rows = []
    for cells in table.rows:
        row = {}
        for column, term in zip(table.columns, cells):
            if term is not None and column in ("value", "value_high", "dose"):
                row[column] = Decimal(str(term))
            else:
                row[column] = None if term is None else str(term)
        rows.append(row)
    return rows


def as_date(text: str | None) -> datetime.date | None:
    """xsd:date, gYearMonth or gYear as the first day they cover."""
    if not text:
        return None
    parts = [int(p) for p in re.findall(r"\d+", text[:10])]
    try:
        return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def cohort_name(label: str | None) -> str:
    if not label:
        return "all patients"
    return f"Cohort {label}" if re.fullmatch(r"\w{1,3}", label) else label


def result_rows(store, drug: str | None = None) -> list[dict]:
    """Results (of one drug IRI, if given) from queries/viz/results.rq, each
    with the dose its cohort has in the same release; comparators left out."""
    from .viz.sparql import select

    rows = select(store, "results", {"drug": drug} if drug else None)
    return [row for row in rows if not row["comparator"]]


def is_response(endpoint: str) -> bool:
    return endpoint not in BASELINE_ENDPOINTS


def dose_response(rows: list[dict], drug: str, drug_label: str, labels: dict[str, str],
                  endpoint: str | None = None) -> Chart | None:
    """Cohort dose against each response endpoint; None when nothing is left
    to draw. With `endpoint`, that endpoint alone; without, only endpoints
    with results at two or more doses (a single point says nothing about
    dose). A cohort's dose is the latest any release states, so a later
    release that repeats a cohort's result without its dose still counts."""
    doses: dict[str, tuple] = {}
    for row in sorted(rows, key=lambda r: (r["as_of"] or "", r["doc"])):
        if row["cohort"] and row["dose"] is not None:
            doses[row["cohort"]] = (row["dose"], row["dose_unit"])
    groups: dict[tuple, dict[tuple, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if endpoint is not None and row["endpoint"] != endpoint:
            continue
        if row["cohort"] in doses and row["value"] is not None and is_response(row["endpoint"]):
            dose_unit = doses[row["cohort"]][1]
            groups[(row["endpoint"], row["unit"], dose_unit)][(row["trial"] or "", row["cohort"])].append(row)
    panels = []
    for code, unit, dose_unit in sorted(groups):
        by_trial: dict[str, set[tuple]] = defaultdict(set)
        for (trial, cohort), cohort_rows in groups[(code, unit, dose_unit)].items():
            latest = max(cohort_rows, key=lambda r: (r["as_of"] or "", r["doc"] or "", r["value"]))
            by_trial[trial].add((float(doses[cohort][0]), float(latest["value"])))
        if endpoint is None and len({x for points in by_trial.values() for x, _ in points}) < 2:
            continue
        series = tuple(Series(labels.get(trial, "trial not stated"), tuple(sorted(points)))
                       for trial, points in sorted(by_trial.items(), key=lambda kv: (labels.get(kv[0], ""), kv[0])))
        panels.append(Panel(f"{code} by dose", f"dose ({dose_unit})", f"{code} ({unit})", series, False, unit))
    if not panels:
        return None
    return Chart("dose-response", f"{drug_label}: dose against response", drug, tuple(panels))


def timeline(rows: list[dict], drug: str, drug_label: str, code: str, labels: dict[str, str]) -> Chart | None:
    """One endpoint per cohort over release dates, from `metric-timeline`
    rows; None when no value has a date."""
    dated = [row for row in rows if as_date(row.get("date") or row.get("as_of")) and row["value"] is not None]
    trials = {labels.get(row["trial"], "") if row["trial"] else "" for row in dated}
    # one trial: named once in the title, not in every legend entry
    only = next(iter(trials)) if len(trials) == 1 else ""
    groups: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in dated:
        when = as_date(row.get("date") or row.get("as_of"))
        trial = labels.get(row["trial"], "") if row["trial"] else ""
        name = cohort_name(row["cohort_label"]) + (f" ({trial})" if trial and not only else "")
        groups[row["unit"]][name].add((when, float(row["value"])))
    panels = []
    for unit in sorted(groups):
        series = tuple(Series(name, tuple(sorted(points))) for name, points in sorted(groups[unit].items()))
        title = f"{code} across releases" + (f"\n{only}" if only else "")
        panels.append(Panel(title, "release date", f"{code} ({unit})", series, True, unit))
    if not panels:
        return None
    return Chart("timeline", f"{drug_label}: {code} over time", drug, tuple(panels))


def page_charts(store, drugs: list[str], labels: dict[str, str], results: list[dict]) -> list[Chart]:
    """The charts the HTML page shows. `results` (queries/viz/results.rq rows)
    says which drugs have dosed cohorts with results and which endpoints
    have values on two dates, so only those saved queries run."""
    dosed = {row["drug"] for row in results if row["dose"] is not None and not row["comparator"]}
    # grouped by drug once: a scan of every result per drug grew with drugs x results
    of_drug: dict[str, list[dict]] = defaultdict(list)
    dated: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in results:
        if row["comparator"]:
            continue
        of_drug[row["drug"]].append(row)
        if row["as_of"] and is_response(row["endpoint"]):
            dated[row["drug"]][row["endpoint"]].add(row["as_of"])
    charts: list[Chart | None] = []
    with frozen(store):  # one query worker for every timeline, not a fork per query
        for drug in drugs:
            if drug in dosed:
                charts.append(dose_response(of_drug[drug], drug, labels[drug], labels))
            for code, dates in sorted(dated.get(drug, {}).items()):
                if len(dates) > 1:
                    rows = saved_rows(store, "metric-timeline", {"drug": drug, "endpoint": code})
                    charts.append(timeline(rows, drug, labels[drug], code, labels))
    return [chart for chart in charts if chart is not None]


def describe(chart: Chart) -> str:
    """A one-line text summary (figcaption, CLI message)."""
    points = sum(len(s.points) for p in chart.panels for s in p.series)
    series = sum(len(p.series) for p in chart.panels)
    return f"{chart.title}: {len(chart.panels)} panel(s), {series} series, {points} points"


def company_timeline_for(graph_path, company_name: str, output, fmt: str):
    """A company's swim lanes (trialgraph.viz.lanes), each mark linked to the
    IRI of the release that reports it, written as SVG, PNG or PDF."""
    from .output import write_atomic
    from .queries import resolve
    from .viz.drawing import to_bytes
    from .viz.lane_drawing import lanes_figure
    from .viz.lanes import company_lanes
    from .viz.projection import project
    from .viz.sparql import open_store

    store = open_store(graph_path)
    company = str(resolve("company", company_name, store))
    graph = project(store).graph
    labels = {node: data.get("display") or data["label"] for node, data in graph.nodes(data=True)}
    lanes = company_lanes(store, company, labels)
    if lanes is None:
        raise UsageError(f"nothing to draw for {labels.get(company, company_name)!r}",
                         hint="none of its drugs has a dated designation, milestone or result")
    write_atomic(output, to_bytes(lanes_figure(lanes, lambda mark: mark.release or None), fmt))
    return lanes


def chart_for(kind: str, graph_path, drug_name: str, endpoint_name: str | None, output, fmt: str) -> Chart:
    """Resolve the names, build the chart and write it (SVG or PNG) to `output`."""
    from .output import write_atomic
    from .queries import resolve
    from .viz.drawing import chart_figure, to_bytes
    from .viz.projection import project
    from .viz.sparql import open_store

    store = open_store(graph_path)
    drug = str(resolve("drug", drug_name, store))
    labels = {node: data["label"] for node, data in project(store).graph.nodes(data=True)}
    drug_label = labels.get(drug, drug_name)
    endpoint = str(resolve("endpoint", endpoint_name, store)) if endpoint_name else None
    code = endpoint.rsplit("Endpoint_", 1)[-1] if endpoint else None
    if kind == "dose-response":
        if code is not None and not is_response(code):
            raise UsageError(f"{endpoint_name} is a baseline characteristic of the patients, not a response",
                             hint="chart a response endpoint such as ORR or mOS")
        chart = dose_response(result_rows(store, drug), drug, drug_label, labels, code)
        hint = (f"no cohort of this drug has both a dose and a {endpoint_name} result" if code else
                "no response endpoint has results at two or more doses; --endpoint charts a single one")
    else:
        rows = saved_rows(store, "metric-timeline", {"drug": drug, "endpoint": endpoint})
        chart = timeline(rows, drug, drug_label, code, labels)
        hint = f"{drug_label} has no dated {endpoint_name} result"
    if chart is None:
        raise UsageError(f"nothing to chart for {drug_label!r}", hint=hint)
    write_atomic(output, to_bytes(chart_figure(chart), fmt))
    return chart
