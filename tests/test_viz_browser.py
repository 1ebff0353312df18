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
