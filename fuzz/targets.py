"""What each fuzz target checks, shared by the atheris entry points
(fuzz_text.py, fuzz_html.py, fuzz_pdf.py) and by the regression tests.

A target gets arbitrary bytes, reads them the way `trialgraph build` reads a
file of that format and extracts facts. It may fail only with an
InputError (a one-line message for the user); any other exception is a
crash. Every evidence span must point at the text it quotes.
"""
from __future__ import annotations

from trialgraph.errors import InputError
from trialgraph.extractors import extract
from trialgraph.formats.pdf_worker import read_pdf
from trialgraph.ingest import _finish, decode_bytes, decode_html_bytes
from trialgraph.model import Document

MAX_INPUT = 200_000  # bytes per input: keeps the runs per second useful


def _extract_checked(text: str, name: str) -> None:
    document = Document(doc_id="fuzz", name=name, text=text)
    extraction = extract(document)
    groups = ("companies", "people", "drugs", "designations", "trials", "cohorts", "results", "milestones")
    facts = [f for g in groups for f in (getattr(extraction, g, ()) or ())] + [extraction.release]
    for fact in facts:
        evidence = getattr(fact, "evidence", None)
        if evidence is not None:
            assert text[evidence.span.start:evidence.span.end] == evidence.quote, (fact, evidence)


def check_text(data: bytes) -> None:
    try:
        text, _ = decode_bytes(data[:MAX_INPUT], source="fuzz.txt")
    except InputError:
        return
    _extract_checked(text, "fuzz.txt")


def check_html(data: bytes) -> None:
    try:
        # in process: the fork of the bounded parser would hide coverage and exceptions from the fuzzer
        text, _ = decode_html_bytes(data[:MAX_INPUT], source="fuzz.html", bounded=False)
    except InputError:
        return
    _extract_checked(text, "fuzz.html")


def check_pdf(data: bytes) -> None:
    result = read_pdf(data[:MAX_INPUT])  # in process: libFuzzer's -rss_limit_mb/-timeout bound it
    assert isinstance(result, dict) and ("text" in result) != ("error" in result), result
    if "error" in result:
        assert isinstance(result["error"], str) and result["error"]
        return
    try:
        text, _ = _finish(result["text"], list(result["warnings"]), "fuzz.pdf")
    except InputError:
        return
    _extract_checked(text, "fuzz.pdf")


TARGETS = {"text": check_text, "html": check_html, "pdf": check_pdf}
