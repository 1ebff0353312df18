"""Hypothesis properties over the input side (issue 7, item 5):

* extractors never raise on any text, and every evidence span points at
  the text it quotes;
* the HTML reader and the format sniffer never raise; HTML bytes raise
  only InputError;
* IRI minting always gives IRIs that an independent parser (pyoxigraph)
  accepts;
* labels (a release's file name, any string) round-trip exactly through
  the TriG trialgraph writes, read back by rdflib and by pyoxigraph.

``TRIALGRAPH_PROPERTY_EXAMPLES`` scales every property's example count
(default 1: CI's budget); ``TRIALGRAPH_COUNT_FILE`` makes the module write
how many inputs it tried, for the README's Reliability figures.
"""
from __future__ import annotations

import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialgraph import iris
from trialgraph.errors import InputError
from trialgraph.extractors import extract
from trialgraph.formats.html import html_to_text
from trialgraph.ingest import decode_html_bytes, safe_doc_id
from trialgraph.model import Document
from trialgraph.sniff import sniff

SCALE = float(os.environ.get("TRIALGRAPH_PROPERTY_EXAMPLES", "1"))
TRIED: Counter[str] = Counter()


def budget(n: int):
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    yield
    target = os.environ.get("TRIALGRAPH_COUNT_FILE")
    if target:
        with open(target, "w", encoding="utf-8") as fh:
            json.dump({"inputs": sum(TRIED.values()), "by_property": dict(TRIED)}, fh, indent=1)


# Fragments that steer random text into the extractors' paths: datelines,
# wire tags, companies, drugs, numbers, designations, headings.
FRAGMENTS = [
    "BOSTON, March 4, 2021 (GLOBE NEWSWIRE) -- ", "Acme Oncology, Inc. (Nasdaq: ACMO)", " zelatinib ",
    "(ACM-101)", " Phase 2 ", "Phase 1/2 trial", " ORR was 45% ", " median OS of 12.5 months ",
    " 200 mg/kg ", " cohorts 1 through 4 ", "Orphan Drug Designation", " FDA ", "\n\nAbout Acme\n\n",
    "\n\nForward-Looking Statements\n\n", "\n\nContacts\n\n", " 1e999 ", "9" * 40, "\u201c", "\u201d",
    " said Jane Doe, Chief Executive Officer of Acme.", "\n", "  ", "\t", "| ORR | 45% |\n", "* ", "# ",
]
release_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30
).map("".join)


def _check_extraction(text: str) -> None:
    document = Document(doc_id="p", name="p.txt", text=text)
    extraction = extract(document)
    for fact in _facts(extraction):
        evidence = getattr(fact, "evidence", None)
        if evidence is None:
            continue
        assert 0 <= evidence.span.start <= evidence.span.end <= len(text)
        assert text[evidence.span.start:evidence.span.end] == evidence.quote


def _facts(extraction):
    for name in ("companies", "people", "drugs", "designations", "trials", "cohorts", "results", "milestones"):
        yield from getattr(extraction, name, ()) or ()
    yield extraction.release


@budget(150)
@given(release_like)
def test_extractors_never_raise_and_evidence_points_at_its_text(text):
    TRIED["extract"] += 1
    _check_extraction(text)


@budget(60)
@given(st.text(max_size=400))
def test_extractors_never_raise_on_any_unicode(text):
    TRIED["extract-unicode"] += 1
    _check_extraction(text)


TAGS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<style>", "<!--", "-->",
        "<table><tr><td>", "</td><td>", "&amp;", "&lt;", "&#8217;", "&#xD800;", "&#99999999;", "<pre>",
        "<article>", "</article>", "<li>", "<h1>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<svg>", "<math>",
        "<template>", "<noscript>", "<p hidden>", "<span style='display:none'>", "\x00", "<"]
html_like = st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=20)), max_size=40).map("".join)


@budget(300)
@given(html_like)
def test_html_to_text_never_raises_and_drops_markup(html):
    TRIED["html"] += 1
    text = html_to_text(html)
    assert isinstance(text, str)
    assert "<script>" not in text.replace("&lt;script>", "")


@budget(300)
@given(st.one_of(st.binary(max_size=600), html_like.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       st.sampled_from([".html", ".htm", ".txt", ".pdf", ""]))
def test_html_bytes_and_sniffing_raise_only_input_errors(data, suffix):
    TRIED["html-bytes"] += 1
    sniff(data, suffix)
    try:
        text, warnings = decode_html_bytes(data, source="p.html")
    except InputError:
        return
    assert text.strip() and "\r" not in text and all(isinstance(w, str) for w in warnings)


@budget(300)
@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_minted_iris_are_always_valid(kind_key, stem):
    import pyoxigraph

    TRIED["iris"] += 1
    doc_id = safe_doc_id(stem)
    for iri in (iris.release(doc_id), iris.entity("drug", kind_key), iris.entity("company", stem),
                iris.fact("result", doc_id, kind_key, 1.5), iris.evidence(doc_id, 0, len(kind_key))):
        pyoxigraph.NamedNode(str(iri))  # raises ValueError for an invalid IRI
        assert not any(c in str(iri) for c in ' <>"{}|\\^`\n')


RELEASE = (
    "Acme Oncology Announces Results\n\nBOSTON, March 4, 2021 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. "
    "(Nasdaq: ACMO) announced that zelatinib (ACM-101) showed an ORR of 45% in its Phase 2 trial.\n"
)


@budget(40)
@given(st.text(min_size=1, max_size=300))
def test_labels_round_trip_through_trig_in_rdflib_and_pyoxigraph(label):
    import pyoxigraph
    from rdflib import Dataset

    from trialgraph.pipeline import assemble, serialize_trig
    from trialgraph.vocab import TG

    TRIED["labels"] += 1
    if any(0xD800 <= ord(c) <= 0xDFFF for c in label):
        return  # lone surrogates are not Unicode scalar values; no RDF syntax can carry them
    extraction = extract(Document(doc_id="r", name=label, text=RELEASE))
    data = serialize_trig(assemble([extraction]))
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="trig")
    assert [str(o) for _, _, o, _ in dataset.quads((None, TG.fileName, None, None))] == [label]
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TRIG)
    found = [q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(TG.fileName)), None)]
    assert found == [label]


# ------------------------------------------------------------------ fuzzing

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
REGRESSIONS = ROOT / "tests" / "data" / "fuzz"


def _regression_inputs():
    if not REGRESSIONS.is_dir():
        return []
    return [pytest.param(fmt.name, path, id=f"{fmt.name}/{path.name}")
            for fmt in sorted(REGRESSIONS.iterdir()) if fmt.is_dir()
            for path in sorted(fmt.iterdir()) if path.is_file()]


@pytest.mark.parametrize(("fmt", "path"), _regression_inputs())
def test_fuzz_findings_stay_fixed(fmt, path):
    """Every input a fuzz run ever crashed on is replayed here."""
    import sys

    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        from targets import TARGETS
    finally:
        sys.path.pop(0)
    TARGETS[fmt](path.read_bytes())


def test_fuzz_targets_run_clean_for_a_bounded_time(tmp_path):
    """Each atheris target, seeded with ../shared/corpus, for a few seconds."""
    import subprocess
    import sys

    if not os.environ.get("CI"):  # CI installs the test extra, so there a missing atheris fails
        pytest.importorskip("atheris")
    seconds = os.environ.get("TRIALGRAPH_FUZZ_SECONDS", "8")
    summary = tmp_path / "fuzz.json"
    proc = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), "--seconds", seconds,
                           "--summary", str(summary)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(summary.read_text())
    assert result["crashes"] == 0
    assert all(t["runs"] > 0 and t["seeds"] > 0 for t in result["targets"])
