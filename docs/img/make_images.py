"""Regenerate the pictures in docs/img/ from a build of ../shared/corpus/seeds
and ../shared/corpus/dev: the HTML map in headless Chromium at 1366x768 and
1920x1080 (with a node selected), the static map, the charts of the drug and
endpoint with the most data, and the swim lanes of the company with the most
dated marks. Needs Debian's chromium and the test extra.

    .venv/bin/python docs/img/make_images.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from trialgraph.cli import main

HERE = Path(__file__).resolve().parent
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def cli(*args: str) -> None:
    try:
        main(list(args), standalone_mode=False)
    except SystemExit as stop:
        if stop.code not in (0, 1, None):  # 1: the graph does not conform; still a graph to draw
            raise


def busiest_company(graph: Path) -> str:
    """The company whose drugs have the most dated marks."""
    from trialgraph.viz.lanes import company_lanes
    from trialgraph.viz.projection import project
    from trialgraph.viz.sparql import open_store

    store = open_store(graph)
    nodes = project(store).graph.nodes(data=True)
    labels = {node: data["display"] for node, data in nodes}
    marks = {}
    for node, data in nodes:
        lanes = company_lanes(store, node, labels) if data["kind"] == "company" else None
        if lanes:
            marks[node] = sum(len(lane.marks) for lane in lanes.lanes)
    return min(marks, key=lambda c: (-marks[c], c))


def busiest(graph: Path) -> tuple[str, str]:
    """The drug with the most dosed results, and its endpoint with the most dated values."""
    from trialgraph.charts import is_response, result_rows
    from trialgraph.viz.sparql import open_store

    rows = [r for r in result_rows(open_store(graph)) if is_response(r["endpoint"])]
    dosed = Counter(r["drug"] for r in rows if r["dose"] is not None)
    drug = min(dosed, key=lambda d: (-dosed[d], d))
    dated = Counter(r["endpoint"] for r in rows if r["drug"] == drug and r["as_of"])
    return drug, min(dated, key=lambda e: (-dated[e], e))


def screenshots(page_file: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS)
        for width, height, select in ((1366, 768, False), (1920, 1080, True)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_file.resolve().as_uri())
            page.wait_for_selector("body[data-ready]")
            if select:
                page.click("#map-svg g.node.designated >> nth=0")
                page.evaluate("document.getElementById('map').scrollTo(0, 0)")
            page.screenshot(path=str(HERE / f"map-{width}x{height}.png"))
            page.close()
        browser.close()


def run(shared: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "seeds-dev.trig"
        cli("build", str(shared / "corpus" / "seeds"), str(shared / "corpus" / "dev"), "-o", str(graph), "-q")
        page = Path(tmp) / "seeds-dev.html"
        cli("viz", str(graph), "-o", str(page), "-q")
        screenshots(page)
        cli("viz", str(graph), "-o", str(HERE / "map-static.png"), "-q")
        drug, endpoint = busiest(graph)
        cli("chart", "dose-response", str(graph), "--drug", drug, "-o", str(HERE / "dose-response.png"), "-q")
        cli("chart", "timeline", str(graph), "--drug", drug, "--endpoint", endpoint, "-o", str(HERE / "timeline.png"), "-q")
        cli("chart", "timeline", str(graph), "--company", busiest_company(graph), "-o", str(HERE / "company-timeline.png"),
            "-q")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    run(parser.parse_args().shared)
    sys.exit(0)
