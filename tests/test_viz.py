"""The map and charts (trialgraph viz / chart) on graphs built from releases
written for these tests (invented names), plus the dev corpus for counts.
Browser checks live in test_viz_browser.py and reuse the builders here."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from trialgraph.cli import main
from trialgraph.viz.page import script_json
from trialgraph.viz.projection import condition_key, project
from trialgraph.viz.sparql import open_store

TG = "https://w3id.org/trialgraph/ontology#"
ZEL = "https://w3id.org/trialgraph/id/drug/zelatinib"
HEADER = "BOSTON, Mass., {date} /PRNewswire/ -- Acme Oncology, Inc. (NASDAQ: ACMO), a clinical-stage biotechnology company, "
ABOUT = "\n\nAbout Acme Oncology\n\nAcme Oncology, Inc. is a clinical-stage biotechnology company headquartered in Boston, Massachusetts.\n"
RELEASES = {
    "acme-2021-05-10.txt": (
        "Acme Oncology Receives FDA Orphan Drug Designation for Zelatinib for the Treatment of Glassy Cell Carcinoma\n\n"
        + HEADER.format(date="May 10, 2021") + "today announced that the U.S. Food and Drug Administration (FDA) has "
        "granted Orphan Drug Designation to zelatinib (formerly ZX-101) for the treatment of glassy cell carcinoma.\n\n"
        "Zelatinib is being evaluated in an ongoing Phase 1 dose-escalation study in patients with relapsed glassy "
        "cell carcinoma." + ABOUT),
    "acme-2022-06-01.txt": (
        "Acme Oncology Reports Interim Results from Phase 1 Dose-Escalation Study of Zelatinib in Relapsed Glassy Cell "
        "Carcinoma\n\n" + HEADER.format(date="June 1, 2022") + "today announced interim results from its ongoing "
        "Phase 1 dose-escalation study of zelatinib in adults with relapsed glassy cell carcinoma.\n\n"
        "Patients received zelatinib by intravenous infusion every two weeks in three sequential dose cohorts:\n\n"
        "Cohort 1 (2 mg/kg, n=6): objective response rate (ORR) of 17% (1 of 6 patients)\n"
        "Cohort 2 (4 mg/kg, n=6): ORR of 33% (2 of 6 patients)\n"
        "Cohort 3 (6 mg/kg, n=7): ORR of 43% (3 of 7 patients)\n\n"
        "As of the data cutoff of April 29, 2022, the median overall survival (mOS) was 7.4 months in Cohort 1." + ABOUT),
    "acme-2023-06-05.txt": (
        "Acme Oncology Reports Updated Survival Data from Phase 1 Study of Zelatinib\n\n"
        + HEADER.format(date="June 5, 2023") + "today announced updated results from its Phase 1 dose-escalation "
        "study of zelatinib in adults with relapsed glassy cell carcinoma.\n\n"
        "As of the data cutoff of April 30, 2023, the median overall survival (mOS) was 9.1 months in Cohort 1." + ABOUT),
}
# RELIABILITY item 14: names that must stay text in the page
XSS_DRUG = "<img src=x onerror=alert(1)>"
XSS_COMPANY = "</script><script>alert(2)</script>"
XSS_CONDITION = "javascript:alert(3)"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def build_acme(folder: Path) -> Path:
    source = folder / "releases"
    source.mkdir(parents=True, exist_ok=True)
    for name, text in RELEASES.items():
        (source / name).write_text(text, encoding="utf-8")
    out = folder / "acme.trig"
    result = run("build", str(source), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    return out


def build_hostile(folder: Path) -> Path:
    """The Acme graph with hostile labels: the drug, the company and an
    indication renamed (in labels and in the quoted sentences alike)."""
    text = build_acme(folder).read_text(encoding="utf-8")
    assert '"Zelatinib"' in text and '"Acme Oncology, Inc."' in text
    text = text.replace("Zelatinib", XSS_DRUG).replace('"Acme Oncology, Inc."', f'"{XSS_COMPANY}"')
    text = text.replace('"relapsed glassy cell carcinoma"', f'"{XSS_CONDITION}"')
    out = folder / "hostile.trig"
    out.write_text(text, encoding="utf-8")
    return out


def build_dev(folder: Path, shared: Path) -> Path:
    out = folder / "dev.trig"
    result = run("build", str(shared / "corpus" / "dev"), "-o", str(out), "-q")
    assert result.exit_code in (0, 1), result.output  # 1 = does not conform; still a graph to draw
    return out


@pytest.fixture(scope="module")
def acme(tmp_path_factory) -> Path:
    return build_acme(tmp_path_factory.mktemp("acme"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return build_hostile(tmp_path_factory.mktemp("hostile"))


def expected_nodes(graph_file: Path) -> set[str]:
    """The map's nodes computed straight from the triples, not through the
    viz SPARQL: companies, drugs, trials, and their distinct indications."""
    dataset = Dataset()
    dataset.parse(graph_file, format="trig")
    typed = {kind: {str(s) for s, _, _, _ in dataset.quads((None, RDF.type, URIRef(TG + kind), None))}
             for kind in ("Company", "Drug", "ClinicalTrial")}
    indications = {condition_key(str(o)) for s, _, o, _ in dataset.quads((None, URIRef(TG + "indicationText"), None, None))
                   if str(s) in typed["ClinicalTrial"]}
    return set().union(*typed.values()) | {f"condition:{key}" for key in indications}


def test_projection_links_company_drug_trial_condition_with_evidence(acme):
    projection = project(open_store(acme))
    graph = projection.graph
    kinds = {data["kind"]: node for node, data in graph.nodes(data=True)}
    assert set(kinds) == {"company", "drug", "trial", "condition"}
    drug = graph.nodes[ZEL]
    assert drug["label"] == "Zelatinib" and "ZX-101" in drug["names"]
    assert drug["releases"] == 3 and drug["designations"] == ("orphan_drug",)
    (company,) = graph.predecessors(ZEL)
    (trial,) = graph.successors(ZEL)
    assert graph.nodes[company]["label"] == "Acme Oncology, Inc."
    assert graph.nodes[trial]["phase"] == "1"
    (condition,) = graph.successors(trial)  # two spellings of one indication merge
    assert graph.nodes[condition]["label"].casefold() == "relapsed glassy cell carcinoma"
    facts = {fact.text: fact for fact in projection.facts[ZEL]}
    orphan = next(f for text, f in facts.items() if text.startswith("Orphan drug designation (FDA)"))
    quotes = [projection.evidence[iri].quote for iri in orphan.evidence]
    assert quotes and "Orphan Drug Designation" in quotes[0]
    mos = [text for text in facts if text.startswith("mOS")]
    assert sorted(mos) == ["mOS 7.4 months in 1 (" + graph.nodes[trial]["label"] + "), as of 2022-06-01",
                           "mOS 9.1 months in 1 (" + graph.nodes[trial]["label"] + "), as of 2023-06-05"]
    for iri, evidence in projection.evidence.items():
        assert iri.endswith(f"/{evidence.start}-{evidence.end}") and len(evidence.quote) == evidence.end - evidence.start


def test_dev_corpus_node_count_matches_the_triples(tmp_path, shared):
    graph_file = build_dev(tmp_path, shared)
    graph = project(open_store(graph_file)).graph
    expected = expected_nodes(graph_file)
    assert graph.number_of_nodes() == len(expected) > 50
    assert {n for n, d in graph.nodes(data=True) if d["kind"] != "condition"} == {n for n in expected if not n.startswith("condition:")}


def test_viz_narrows_by_alias_and_refuses_unknown_names(acme, tmp_path):
    out = tmp_path / "zx.graphml"
    result = run("viz", str(acme), "-o", str(out), "--drug", "ZX-101")
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert ZEL in graph and {d["kind"] for _, d in graph.nodes(data=True)} == {"company", "drug", "trial", "condition"}
    assert graph.nodes[ZEL]["names"].split("|") == sorted(graph.nodes[ZEL]["names"].split("|"))
    assert graph.nodes[ZEL]["releases"] == 3 and graph.nodes[ZEL]["designations"] == "orphan_drug"
    by_company = run("viz", str(acme), "-o", str(tmp_path / "c.gexf"), "--company", "Acme Oncology")
    assert by_company.exit_code == 0, by_company.output
    assert set(nx.read_gexf(tmp_path / "c.gexf").nodes) == set(graph.nodes)
    unknown = run("viz", str(acme), "-o", str(tmp_path / "x.html"), "--drug", "nosuchmab")
    assert unknown.exit_code == 2 and "nosuchmab" in unknown.output and len(unknown.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()
    bad = run("viz", str(acme), "-o", str(tmp_path / "x.docx"))
    assert bad.exit_code == 2 and "x.docx" in bad.output


def test_every_format_is_byte_identical_across_hash_seeds(acme, tmp_path):
    script = ("import sys; from trialgraph.cli import main; "
              "[main(['viz', sys.argv[1], '-o', f'{sys.argv[2]}/map.{e}', '-q'], standalone_mode=False) "
              "for e in ('html', 'graphml', 'gexf', 'svg')]")
    for seed in ("1", "2"):
        (tmp_path / seed).mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": "Asia/Tokyo" if seed == "1" else "UTC"}
        subprocess.run([sys.executable, "-c", script, str(acme), str(tmp_path / seed)], check=True, env=env)
    for ext in ("html", "graphml", "gexf", "svg"):
        first, second = (tmp_path / "1" / f"map.{ext}").read_bytes(), (tmp_path / "2" / f"map.{ext}").read_bytes()
        assert first == second, ext
        assert len(first) > 1000
    assert b"lastmodifieddate" not in (tmp_path / "1" / "map.gexf").read_bytes()


def test_page_is_offline_and_embeds_release_text_only_as_escaped_json(hostile, tmp_path):
    out = tmp_path / "map.html"
    assert run("viz", str(hostile), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    for payload in (XSS_DRUG, XSS_COMPANY, "<img"):
        assert payload not in page
    assert len(re.findall(r"<script\b", page)) == 2 and page.count("</script>") == 2
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|javascript:)""", page, re.IGNORECASE)
    assert "default-src 'none'" in page
    data = json.loads(re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S).group(1))
    labels = {node["label"] for node in data["nodes"]}
    assert {XSS_DRUG, XSS_COMPANY, XSS_CONDITION} <= labels
    assert any(XSS_DRUG in ev["quote"] for ev in data["evidence"])


@given(st.text())
def test_script_json_never_closes_the_script_element(text):
    encoded = script_json({"label": text})
    assert not set(encoded) & set("<>&\u2028\u2029")
    assert json.loads(encoded) == {"label": text}


def test_charts_plot_the_values_releases_state(acme, tmp_path):
    from trialgraph.charts import as_date, dose_response, result_rows, saved_rows, timeline

    store = open_store(acme)
    rows = saved_rows(store, "metric-timeline", {"drug": "ZX-101", "endpoint": "mOS"})
    chart = timeline(rows, ZEL, "Zelatinib", "mOS", {})
    (panel,) = chart.panels
    (series,) = panel.series
    assert series.label == "Cohort 1" and series.points == ((as_date("2022-06-01"), 7.4), (as_date("2023-06-05"), 9.1))
    for kind, extra in (("dose-response", ()), ("timeline", ("--endpoint", "mOS"))):
        out = tmp_path / f"{kind}.svg"
        result = run("chart", kind, str(acme), "--drug", "zelatinib", *extra, "-o", str(out))
        assert result.exit_code == 0, result.output
        svg = out.read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "Zelatinib" in svg
        again = tmp_path / f"again-{kind}.svg"
        run("chart", kind, str(acme), "--drug", "zelatinib", *extra, "-o", str(again))
        assert again.read_bytes() == out.read_bytes()
    dose = dose_response(result_rows(store, ZEL), ZEL, "Zelatinib", {})
    # mOS is known at one dose only: a one-point panel says nothing about dose
    assert {panel.title: panel.series[0].points for panel in dose.panels} == {
        "ORR by dose": ((2.0, 17.0), (4.0, 33.0), (6.0, 43.0))}
    # cohort 1's dose is stated in 2022 only; its mOS is the 2023 restatement
    (mos,) = dose_response(result_rows(store, ZEL), ZEL, "Zelatinib", {}, "mOS").panels
    assert mos.series[0].points == ((2.0, 9.1),)
    png = run("chart", "dose-response", str(acme), "--drug", "Zelatinib", "-o", str(tmp_path / "d.png"))
    assert png.exit_code == 0 and "3 points" in png.output and (tmp_path / "d.png").read_bytes()[:4] == b"\x89PNG"
    one = run("chart", "dose-response", str(acme), "--drug", "Zelatinib", "--endpoint", "mOS", "-o", str(tmp_path / "m.svg"))
    assert one.exit_code == 0 and "1 panel(s), 1 series, 1 points" in one.output, one.output
    missing = run("chart", "timeline", str(acme), "--drug", "Zelatinib", "--endpoint", "PFS", "-o", str(tmp_path / "p.svg"))
    assert missing.exit_code == 2 and "PFS" in missing.output
    no_endpoint = run("chart", "timeline", str(acme), "--drug", "Zelatinib", "-o", str(tmp_path / "p.svg"))
    assert no_endpoint.exit_code == 2 and "--endpoint" in no_endpoint.output


def test_page_shows_the_drugs_charts_inline(acme, tmp_path):
    out = tmp_path / "map.html"
    assert run("viz", str(acme), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="chart" data-drug="([^"]+)" data-kind="([^"]+)">', page)
    assert sorted(figures) == [(ZEL, "dose-response"), (ZEL, "timeline")]
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "inline charts must not share element ids"


def dose_row(cohort, dose, endpoint, value, unit="%", trial="t1"):
    return {"cohort": cohort, "dose": dose, "dose_unit": "mg", "endpoint": endpoint, "value": value, "unit": unit,
            "trial": trial, "as_of": "2022-01-01", "doc": "d1", "comparator": False}


def test_dose_response_leaves_out_baseline_characteristics_and_single_dose_endpoints():
    from trialgraph.charts import dose_response

    rows = [dose_row("c1", 10, "ORR", 20), dose_row("c2", 20, "ORR", 40),
            dose_row("c1", 10, "prior_lines", 3, "lines"), dose_row("c2", 20, "prior_lines", 5, "lines"),
            dose_row("c1", 10, "mOS", 8, "months")]
    chart = dose_response(rows, "d", "D", {"t1": "Trial one"})
    assert [panel.title for panel in chart.panels] == ["ORR by dose"]
    assert chart.panels[0].y_unit == "%"
    assert dose_response(rows, "d", "D", {}, "prior_lines") is None
    assert [panel.title for panel in dose_response(rows, "d", "D", {}, "mOS").panels] == ["mOS by dose"]


def test_chart_refuses_a_baseline_characteristic_as_endpoint(acme, tmp_path):
    out = tmp_path / "p.svg"
    result = run("chart", "dose-response", str(acme), "--drug", "Zelatinib", "--endpoint", "prior_lines", "-o", str(out))
    assert result.exit_code == 2 and "baseline" in result.output and not out.exists()


def test_chart_drawing_shows_values_full_legend_names_and_whole_percent_axis():
    from trialgraph.charts import Chart, Panel, Series
    from trialgraph.viz.drawing import chart_figure, to_bytes

    long_a = "Phase 1 trial of a drug in relapsed or refractory multiple myeloma, cohort A expansion"
    long_b = "Phase 1 trial of a drug in relapsed or refractory multiple myeloma, cohort B expansion"
    panel = Panel("ORR by dose", "dose (mg)", "ORR (%)",
                  (Series(long_a, ((10.0, 24.0), (20.0, 30.0))), Series(long_b, ((15.0, 27.5),))), False, "%")
    figure = chart_figure(Chart("dose-response", "D: dose against response", "d", (panel,)))
    (ax,) = [ax for ax in figure.axes if ax.get_visible()]
    assert ax.get_ylim() == (0.0, 100.0)
    texts = {t.get_text() for t in ax.texts}
    assert {"24%", "30%", "27.5%"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert [" ".join(t.split("\n")) for t in legend] == [long_a, long_b]
    assert all(len(line) <= 48 for t in legend for line in t.split("\n"))
    assert min(t.get_fontsize() for t in ax.get_legend().get_texts()) >= 9
    svg = to_bytes(figure, "svg").decode("utf-8")
    assert "cohort A expansion" in svg and "cohort B expansion" in svg


def cie_lab(colour: str) -> tuple[float, float, float]:
    """sRGB hex to CIELAB (D65), written out here so the check does not
    trust the code under test."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_phase_colours_are_ordered_and_far_apart():
    import itertools
    import math

    from trialgraph.viz.style import PHASE_COLORS, UNKNOWN_PHASE

    colours = list(PHASE_COLORS.values()) + [UNKNOWN_PHASE]
    for a, b in itertools.combinations(colours, 2):
        assert math.dist(cie_lab(a), cie_lab(b)) >= 20, (a, b)
    lightness = [cie_lab(c)[0] for c in PHASE_COLORS.values()]
    assert lightness == sorted(lightness), "phases must read as a sequence"


@pytest.fixture(scope="module")
def seeds_dev(tmp_path_factory, shared) -> Path:
    out = tmp_path_factory.mktemp("seeds-dev") / "seeds-dev.trig"
    corpus = shared / "corpus"
    result = run("build", str(corpus / "seeds"), str(corpus / "dev"), "-o", str(out), "-q")
    assert result.exit_code in (0, 1), result.output
    return out


def test_trial_labels_on_the_map_are_distinct(seeds_dev):
    graph = project(open_store(seeds_dev)).graph
    shown = [d["display"] for _, d in graph.nodes(data=True) if d["kind"] == "trial"]
    assert len(shown) > 10 and len(set(shown)) == len(shown)
    assert all(len(text) <= 60 for text in shown)


def test_static_map_has_title_legend_readable_text_and_no_label_on_a_node(seeds_dev):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from trialgraph.viz.drawing import map_figure, marker_diameter
    from trialgraph.viz.layout import layered
    from trialgraph.viz.writers import map_subtitle, map_title, without_isolates

    projection = project(open_store(seeds_dev))
    drawn = without_isolates(projection)
    assert 0 < drawn.graph.number_of_nodes() < projection.graph.number_of_nodes()
    coordinates = layered(drawn.graph)
    figure = map_figure(drawn, coordinates, map_title("seeds-dev.trig", []), map_subtitle(projection, drawn))
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    texts = [t for t in figure.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
             if t.get_text().strip() and t.get_visible()]
    assert min(t.get_fontsize() for t in texts) >= 9
    all_text = " ".join(t.get_text() for t in texts)
    assert "seeds-dev.trig: all companies and drugs" in all_text and "releases" in all_text
    (legend,) = figure.legends
    entries = [t.get_text() for t in legend.get_texts()]
    assert "Trial, phase 1" in entries and "Gold ring: drug with designations" in entries
    assert any(e.startswith("Mentioned in") for e in entries) and "Badges: " in all_text
    (ax,) = figure.axes
    points = figure.dpi / 72
    nodes = []
    for node, data in drawn.graph.nodes(data=True):
        cx, cy = ax.transData.transform(coordinates[node])
        half = marker_diameter(data["releases"]) / 2 * points
        nodes.append((cx - half, cy - half, cx + half, cy + half))
    labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() not in
              ("Companies", "Drugs", "Trials", "Conditions")]
    assert len(labels) == drawn.graph.number_of_nodes()
    for box in labels:
        for x0, y0, x1, y1 in nodes:
            assert box.x1 <= x0 or box.x0 >= x1 or box.y1 <= y0 or box.y0 >= y1, "a label covers a node"
    for a, b in itertools_pairs(labels):
        assert not a.overlaps(b), "two labels overlap"


def itertools_pairs(items):
    import itertools
    return itertools.combinations(items, 2)


def test_static_map_pdf_is_deterministic_and_titled_with_the_filter(acme, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        result = run("viz", str(acme), "-o", str(out), "--drug", "ZX-101")
        assert result.exit_code == 0, result.output
    data = first.read_bytes()
    assert data.startswith(b"%PDF") and data == second.read_bytes()
    svg = tmp_path / "a.svg"
    assert run("viz", str(acme), "-o", str(svg), "--drug", "ZX-101").exit_code == 0
    assert "acme.trig: only what links to ZX-101" in svg.read_text(encoding="utf-8")


def test_timeline_names_a_single_trial_once_in_the_title():
    from trialgraph.charts import timeline

    def row(cohort, date, value, trial="t1"):
        return {"date": date, "as_of": date, "value": value, "unit": "months", "trial": trial, "cohort_label": cohort}

    labels = {"t1": "Phase 1 trial in a long indication", "t2": "Other trial"}
    (panel,) = timeline([row("1", "2020-01-01", 5), row("2", "2021-01-01", 7)], "d", "D", "mOS", labels).panels
    assert [s.label for s in panel.series] == ["Cohort 1", "Cohort 2"] and labels["t1"] in panel.title
    (panel,) = timeline([row("1", "2020-01-01", 5), row("1", "2021-01-01", 7, "t2")], "d", "D", "mOS", labels).panels
    assert [s.label for s in panel.series] == ["Cohort 1 (Other trial)", "Cohort 1 (Phase 1 trial in a long indication)"]


ACME = "https://w3id.org/trialgraph/id/company/acmeoncology"
RELEASE = "https://w3id.org/trialgraph/id/release/"


def test_company_lanes_hold_designations_and_results_as_reported(acme):
    from trialgraph.charts import as_date
    from trialgraph.viz.lanes import company_lanes

    store = open_store(acme)
    labels = {n: d["display"] for n, d in project(store).graph.nodes(data=True)}
    lanes = company_lanes(store, ACME, labels)
    (lane,) = lanes.lanes
    assert lane.label == "Zelatinib" and lanes.releases == 3
    marks = [(m.when, m.category, m.text, m.release) for m in lane.marks]
    assert marks == [(as_date("2021-05-10"), "designation", "OD", RELEASE + "acme-2021-05-10"),
                     (as_date("2022-06-01"), "results", "ORR 17–43% · mOS 7.4 months", RELEASE + "acme-2022-06-01"),
                     (as_date("2023-06-05"), "results", "mOS 9.1 months", RELEASE + "acme-2023-06-05")]
    assert all(m.evidence for m in lane.marks)


def test_chart_timeline_by_company_links_every_mark_to_its_release(acme, tmp_path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for out in (first, second):
        result = run("chart", "timeline", str(acme), "--company", "Acme Oncology", "-o", str(out))
        assert result.exit_code == 0, result.output
    svg = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    links = set(re.findall(r'<a xlink:href="([^"]+)"', svg))
    assert links == {RELEASE + doc for doc in ("acme-2021-05-10", "acme-2022-06-01", "acme-2023-06-05")}
    assert "development history by drug" in svg and "Zelatinib" in svg
    pdf = tmp_path / "a.pdf"
    assert run("chart", "timeline", str(acme), "--company", "Acme Oncology", "-o", str(pdf)).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    both = run("chart", "timeline", str(acme), "--company", "Acme Oncology", "--drug", "ZX-101", "-o", str(tmp_path / "c.svg"))
    assert both.exit_code == 2 and not (tmp_path / "c.svg").exists()


def test_lane_labels_cover_no_mark_and_no_other_label(seeds_dev):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from trialgraph.viz.lane_drawing import lanes_figure
    from trialgraph.viz.lanes import company_lanes

    store = open_store(seeds_dev)
    graph = project(store).graph
    labels = {n: d["display"] for n, d in graph.nodes(data=True)}
    found = [company_lanes(store, n, labels) for n, d in graph.nodes(data=True) if d["kind"] == "company"]
    busiest = max((lanes for lanes in found if lanes), key=lambda lanes: sum(len(l.marks) for l in lanes.lanes))
    figure = lanes_figure(busiest, lambda mark: mark.release)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    (ax,) = figure.axes
    texts = [t.get_window_extent(renderer) for t in ax.texts]
    from matplotlib.transforms import Affine2D

    def mark_box(c):  # the marker's path at its drawn size, around its centre on screen
        centre = c.get_offset_transform().transform(c.get_offsets())[0]
        return c.get_paths()[0].get_extents(Affine2D(c.get_transforms()[0])).translated(*centre)

    marks = [mark_box(c) for c in ax.collections]
    assert len(marks) == sum(len(lane.marks) for lane in busiest.lanes) and len(texts) >= len(marks) // 3
    frame = ax.get_window_extent(renderer)
    for i, box in enumerate(texts):
        assert box.x1 <= frame.x1 + 0.5 and min(t.get_fontsize() for t in ax.texts) >= 9
        assert not any(box.overlaps(other) for other in texts[i + 1:])
        assert not any(box.overlaps(mark) for mark in marks), (ax.texts[i].get_text(), box, [m for m in marks if box.overlaps(m)])


def test_layout_levels_a_company_with_its_drugs_not_in_the_middle_of_the_column():
    from trialgraph.viz.layout import ROW_GAP, TOP, layered

    graph = nx.DiGraph()
    for node, kind in (("a", "company"), ("b", "company"), ("a1", "drug"), ("b1", "drug"), ("b2", "drug"), ("b3", "drug")):
        graph.add_node(node, kind=kind, label=node)
    graph.add_edges_from([("a", "a1"), ("b", "b1"), ("b", "b2"), ("b", "b3")])
    ys = {node: y for node, (_, y) in layered(graph).items()}
    assert [ys[d] for d in ("a1", "b1", "b2", "b3")] == [TOP + ROW_GAP * i for i in range(4)]
    assert ys["a"] == ys["a1"] and ys["b"] == ys["b2"]


def test_the_page_laid_out_while_the_facts_are_collected_is_the_page_laid_out_after(seeds_dev, tmp_path):
    from trialgraph.viz import sparql, write_map
    from trialgraph.viz.layout import layered
    from trialgraph.viz.projection import project
    from trialgraph.viz.writers import render

    page = tmp_path / "map.html"
    drawn = []
    write_map(sparql.map_store(seeds_dev), page, title="t")
    store = sparql.open_store(seeds_dev)
    projection = project(store, drawn.append)
    assert drawn and drawn[0] is projection.graph  # handed over before the facts, the same graph
    assert page.read_bytes() == render(store, projection, layered(projection.graph), "html", "t")
