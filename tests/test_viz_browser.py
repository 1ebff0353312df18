"""The map page in a real browser (Debian's chromium, driven headless by
Playwright's Python client; no browser is downloaded). Skips only when
chromium or the playwright package is absent on a developer's machine; under
CI (CI set) their absence is a failure, since .ci/run installs both."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from test_viz import XSS_COMPANY, XSS_CONDITION, XSS_DRUG, ZEL, build_dev, build_hostile, expected_nodes, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if os.environ.get("CI"):
    assert CHROMIUM, "CI must install Debian chromium (.ci/run does)"
    import playwright.sync_api  # noqa: F401  CI installs the test extra
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install -y chromium)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


def open_page(browser, path: Path):
    """The page from a file: URL, recording console errors, page errors,
    every request and every alert/confirm/prompt call."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.add_init_script("window.__calls = []; ['alert', 'confirm', 'prompt'].forEach(function (n) {"
                         " window[n] = function (m) { window.__calls.push(n + ':' + m); }; });")
    url = path.resolve().as_uri()
    page.goto(url)
    page.wait_for_selector("body[data-ready]")
    seen["requests"] = [r for r in seen["requests"] if r != url]
    return page, seen


def test_dev_map_renders_every_node_offline_and_search_finds_an_alias(browser, tmp_path, shared):
    graph_file = build_dev(tmp_path, shared)
    out = tmp_path / "dev.html"
    assert run("viz", str(graph_file), "-o", str(out)).exit_code == 0
    page, seen = open_page(browser, out)
    assert page.locator("#map-svg g.node").count() == len(expected_nodes(graph_file))
    # charts are drawn as they come into view (viz/assets/figures.js)
    page.locator("#charts figure.chart").first.scroll_into_view_if_needed()
    page.wait_for_selector("#charts figure.chart svg")
    assert page.locator("#charts figure svg").count() >= 1
    # any alias entity resolution recorded selects its drug
    aliases = page.evaluate("""() => JSON.parse(document.getElementById('tg-data').textContent).nodes
        .filter(n => n.kind === 'drug' && n.names.some(x => x.toLowerCase() !== n.label.toLowerCase()))
        .map(n => [n.id, n.names.find(x => x.toLowerCase() !== n.label.toLowerCase())])""")
    assert aliases
    drug, alias = aliases[0]
    page.fill("#search", alias)
    assert page.get_attribute("#map-svg", "data-selected") == drug
    assert page.locator("#panel li").count() > 0
    link = page.locator("#panel a.ev").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"{target} blockquote").inner_text().strip()
    page.select_option("#filter-drug", drug)
    shown = page.locator("#map-svg g.node:not(.hidden)").count()
    assert 1 < shown < page.locator("#map-svg g.node").count()
    page.fill("#search", "")
    page.screenshot(path=str(tmp_path / "dev-map.png"), full_page=True)
    assert (tmp_path / "dev-map.png").stat().st_size > 10_000
    assert seen == {"errors": [], "requests": [], "dialogs": []}


def test_hostile_names_render_as_text_and_execute_nothing(browser, tmp_path):
    out = tmp_path / "hostile.html"
    assert run("viz", str(build_hostile(tmp_path)), "-o", str(out)).exit_code == 0
    page, seen = open_page(browser, out)
    labels = page.locator("#map-svg g.node text.label").all_text_contents()
    assert any(label.startswith(XSS_DRUG) for label in labels)
    assert any(label.startswith(XSS_COMPANY[:30]) for label in labels)
    page.fill("#search", "ZX-101")
    assert page.get_attribute("#map-svg", "data-selected") == ZEL
    assert page.locator("#panel h2").inner_text() == XSS_DRUG
    page.select_option("#filter-company", index=1)
    page.fill("#search", XSS_CONDITION)
    assert page.locator("#panel h2").inner_text() == XSS_CONDITION
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.evaluate("window.__calls") == []
    assert seen == {"errors": [], "requests": [], "dialogs": []}


# Layout facts read back from the DOM, in page coordinates.
LAYOUT_FACTS = """() => {
  const rect = e => { const r = e.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const shown = [...document.querySelectorAll('#map-svg g.node:not(.hidden)')];
  return {
    width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
    mapHeight: document.getElementById('map-svg').getBoundingClientRect().height,
    columns: [...document.querySelectorAll('#map-svg text.column')].map(rect),
    labels: shown.map(g => ({kind: g.dataset.kind, id: g.dataset.id, text: g.querySelector('text.label').textContent,
                             box: rect(g.querySelector('text.label'))})),
    circles: shown.map(g => ({kind: g.dataset.kind, box: rect(g.querySelector('circle')),
                              cy: +g.querySelector('circle').getAttribute('cy')})),
    legend: document.querySelectorAll('#legend > span').length,
    hidden: document.querySelectorAll('#map-svg g.node.hidden').length,
  };
}"""


def overlap(a, b, slack=0.5):
    return a["l"] < b["r"] - slack and b["l"] < a["r"] - slack and a["t"] < b["b"] - slack and b["t"] < a["b"] - slack


def check_layout(facts):
    assert facts["scrollWidth"] <= facts["width"], "the page scrolls sideways"
    assert len(facts["columns"]) == 4 and all(0 <= c["l"] and c["r"] <= facts["width"] for c in facts["columns"])
    for item in facts["labels"] + facts["circles"]:
        assert 0 <= item["box"]["l"] and item["box"]["r"] <= facts["width"], item
    labels = facts["labels"]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not overlap(a["box"], b["box"]), (a["text"], b["text"])
        for circle in facts["circles"]:
            assert not overlap(a["box"], circle["box"]), a["text"]
    trials = [label["text"] for label in labels if label["kind"] == "trial"]
    assert len(trials) == len(set(trials)), "two trials read alike"
    assert facts["legend"] >= 5


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_seeds_dev_map_fits_the_window_at_laptop_and_desktop_sizes(browser, seeds_dev_page, tmp_path, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(seeds_dev_page.resolve().as_uri())
    page.wait_for_selector("body[data-ready]")
    facts = page.evaluate(LAYOUT_FACTS)
    check_layout(facts)
    unlinked = facts["hidden"]
    assert unlinked > 0, "names nothing links to start hidden"
    assert int(page.inner_text("#unlinked-count")) == unlinked
    # the side panel opens on selection and the columns close up beside it
    assert not page.is_visible("#panel")
    page.click("#map-svg g.node[data-kind=drug] >> nth=0")
    assert page.is_visible("#panel")
    check_layout(page.evaluate(LAYOUT_FACTS))
    page.screenshot(path=str(tmp_path / "selected.png"))
    page.click("#close-panel")
    assert not page.is_visible("#panel")
    page.click("#map-svg g.node[data-kind=trial] >> nth=0")
    assert page.is_visible("#panel")
    page.keyboard.press("Escape")
    assert not page.is_visible("#panel") and page.get_attribute("#map-svg", "data-selected") is None
    page.check("#show-unlinked")
    shown_all = page.evaluate(LAYOUT_FACTS)
    assert shown_all["hidden"] == 0 and len(shown_all["labels"]) == len(facts["labels"]) + unlinked
    check_layout(shown_all)
    page.close()


def test_filtered_view_is_laid_out_again_compactly(browser, seeds_dev_page):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(seeds_dev_page.resolve().as_uri())
    page.wait_for_selector("body[data-ready]")
    before = page.evaluate(LAYOUT_FACTS)
    drug = page.evaluate("""() => { const d = JSON.parse(document.getElementById('tg-data').textContent);
        return d.nodes.filter(n => n.kind === 'drug')[0].id; }""")
    page.select_option("#filter-drug", drug)
    after = page.evaluate(LAYOUT_FACTS)
    check_layout(after)
    assert len(after["labels"]) < len(before["labels"])
    rows = {}
    for circle in after["circles"]:
        rows.setdefault(circle["kind"], []).append(circle["cy"])
    tallest = max(rows.values(), key=len)
    # the tallest column is packed from the top: no gaps where filtered nodes were
    assert sorted(tallest) == [52 + 30 * i for i in range(len(tallest))]
    assert after["mapHeight"] <= 52 + 30 * len(after["labels"])
    assert after["mapHeight"] < before["mapHeight"]
    page.close()


@pytest.fixture(scope="module")
def seeds_dev_page(tmp_path_factory, shared) -> Path:
    folder = tmp_path_factory.mktemp("seeds-dev-page")
    graph_file = folder / "seeds-dev.trig"
    corpus = shared / "corpus"
    result = run("build", str(corpus / "seeds"), str(corpus / "dev"), "-o", str(graph_file), "-q")
    assert result.exit_code in (0, 1), result.output
    out = folder / "map.html"
    assert run("viz", str(graph_file), "-o", str(out), "-q").exit_code == 0
    return out


def test_timelines_tab_shows_each_company_and_its_marks_link_to_evidence(browser, seeds_dev_page):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(seeds_dev_page.resolve().as_uri())
    page.wait_for_selector("body[data-ready]")
    assert not page.is_visible("#timelines")
    page.click("#tab-timelines")
    assert page.is_visible("#timelines") and not page.is_visible("#map-svg")
    figures = page.locator("#timelines figure.lanes")
    assert figures.count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    link = page.locator("#timelines figure.lanes a").first
    target = link.get_attribute("xlink:href") or link.get_attribute("href")
    assert target.startswith("#ev-") and page.locator(target).count() == 1
    link.scroll_into_view_if_needed()
    link.click()
    assert page.evaluate("location.hash") == target
    company = figures.first.get_attribute("data-company")
    page.select_option("#filter-company", company)
    assert page.locator("#timelines figure.lanes:not(.hidden)").count() == 1
    page.click("#tab-map")
    assert page.is_visible("#map-svg") and not page.is_visible("#timelines")
    page.close()


DRAWN_FIGURES = """() => {
  const data = JSON.parse(document.getElementById('tg-data').textContent);
  const box = e => { const r = e.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const lanes = [...document.querySelectorAll('#timelines figure.lanes')].filter(f => f.querySelector('svg')).map(f => {
    const i = [...document.querySelectorAll('#timelines figure.lanes')].indexOf(f), svg = f.querySelector('svg');
    return {marks: data.timelines[i].lanes.reduce((n, l) => n + l.marks.length, 0),
            drawn: svg.querySelectorAll('path > title').length, frame: box(svg),
            labels: [...svg.querySelectorAll('a > text, svg > text')].filter(t => !t.hasAttribute('text-anchor')).map(box)};
  });
  const charts = [...document.querySelectorAll('#charts figure.chart')].filter(f => f.querySelector('svg')).map(f => {
    const i = [...document.querySelectorAll('#charts figure.chart')].indexOf(f);
    const values = data.charts[i].panels.flatMap(p => p.series.flatMap(s => s.points.map(pt => pt[2])));
    return {values: values, texts: [...f.querySelectorAll('svg text')].map(t => t.textContent)};
  });
  return {lanes: lanes, charts: charts};
}"""


def test_figures_drawn_in_the_page_show_every_mark_and_value_with_no_label_over_another(browser, seeds_dev_page):
    """The page draws its charts and swim lanes from its data (figures.js):
    one marker per mark, each mark's label clear of every other label and
    inside the drawing, and every chart point's value written beside it."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(seeds_dev_page.resolve().as_uri())
    page.wait_for_selector("body[data-ready]")
    for figure in page.locator("#charts figure.chart").all():
        figure.scroll_into_view_if_needed()
    page.click("#tab-timelines")
    for figure in page.locator("#timelines figure.lanes").all():
        figure.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    drawn = page.evaluate(DRAWN_FIGURES)
    assert len(drawn["lanes"]) == page.locator("#timelines figure.lanes").count() >= 3
    assert len(drawn["charts"]) == page.locator("#charts figure.chart").count() >= 1
    for figure in drawn["lanes"]:
        assert figure["drawn"] == figure["marks"] > 0
        labels = figure["labels"]
        assert labels
        for i, a in enumerate(labels):
            assert figure["frame"]["l"] <= a["l"] and a["r"] <= figure["frame"]["r"] + 0.5
            assert not any(overlap(a, b, 1.0) for b in labels[i + 1:]), a
    for chart in drawn["charts"]:
        assert all(chart["texts"].count(value) >= chart["values"].count(value) for value in chart["values"])
    page.close()
