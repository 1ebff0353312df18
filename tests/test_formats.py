"""HTML and PDF input, content sniffing, and the promise that one release
gives the same facts whichever format it arrives in (issue 7, item 1;
RELIABILITY.md items 7 and 8). The releases in tests/data/formats are
invented and rendered by tests/data/formats/make.py."""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph.cli import main
from trialgraph.errors import DecodeError, EmptyInputError, InputError, NotTextError
from trialgraph.formats.html import declared_charset, html_to_text
from trialgraph.formats.pdf import PdfError, pdf_to_text
from trialgraph.ingest import collect_inputs, read_document
from trialgraph.sniff import Kind, sniff

DATA = Path(__file__).resolve().parent / "data" / "formats"
IDS = sorted(p.stem for p in (DATA / "txt").glob("*.txt"))
HOSTILE = DATA / "hostile"


def facts(folder: Path, tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / f"{name}.trig"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = CliRunner().invoke(main, ["facts", str(out)])
    assert rows.exit_code == 0
    return [json.loads(line) for line in rows.stdout.splitlines()]


# ------------------------------------------------------------------ same facts


def test_the_data_covers_every_format():
    assert len(IDS) >= 2
    for kind, suffix in (("html", ".html"), ("pdf", ".pdf")):
        assert sorted(p.stem for p in (DATA / kind).glob(f"*{suffix}")) == IDS


@pytest.mark.parametrize("doc_id", IDS)
def test_same_text_from_txt_html_and_pdf(doc_id):
    txt = read_document(DATA / "txt" / f"{doc_id}.txt")
    html = read_document(DATA / "html" / f"{doc_id}.html")
    pdf = read_document(DATA / "pdf" / f"{doc_id}.pdf")
    assert html.text == txt.text
    assert pdf.text == txt.text
    assert txt.doc_id == html.doc_id == pdf.doc_id == doc_id  # document id = file stem
    assert html.warnings == pdf.warnings == ()


def test_same_facts_from_txt_html_and_pdf(tmp_path):
    by_format = {kind: facts(DATA / kind, tmp_path, kind) for kind in ("txt", "html", "pdf")}
    kinds = {row["kind"] for row in by_format["txt"]}
    assert {"release", "company", "drug", "designation", "trial", "result"} <= kinds
    assert by_format["html"] == by_format["txt"]
    assert by_format["pdf"] == by_format["txt"]


def test_a_folder_of_mixed_formats_builds_each_release_once(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(DATA / "txt" / f"{IDS[0]}.txt", folder)
    shutil.copy(DATA / "html" / f"{IDS[1]}.html", folder)
    files, errors = collect_inputs([folder])
    assert errors == [] and [p.name for p in files] == [f"{IDS[0]}.txt", f"{IDS[1]}.html"]
    rows = facts(folder, tmp_path, "mixed")
    assert {r["doc"] for r in rows} == set(IDS[:2])


def test_evidence_quotes_point_into_the_text_read_from_html_and_pdf(tmp_path):
    from rdflib import Dataset

    from trialgraph.vocab import OA, TG

    for kind in ("html", "pdf"):
        out = tmp_path / f"{kind}.trig"
        assert CliRunner().invoke(main, ["build", str(DATA / kind), "-o", str(out), "-q"]).exit_code == 0
        texts = {p.stem: read_document(p).text for p in (DATA / kind).iterdir()}
        graph = Dataset(default_union=True)
        graph.parse(out, format="trig")
        checked = 0
        for ev in set(graph.objects(None, TG.evidence)):
            doc = str(graph.value(ev, OA.hasSource)).rsplit("/", 1)[-1]
            for sel in graph.objects(ev, OA.hasSelector):
                if graph.value(sel, OA.start) is not None:
                    start, end = int(graph.value(sel, OA.start)), int(graph.value(sel, OA.end))
                    exact = next(str(graph.value(s, OA.exact)) for s in graph.objects(ev, OA.hasSelector)
                                 if graph.value(s, OA.exact) is not None)
                    assert texts[doc][start:end] == exact
                    checked += 1
        assert checked >= 5


# ------------------------------------------------------------------ HTML


PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Page title</title>
<script>var secret = "script text";</script><style>p {{ color: red }}</style></head>
<body><nav>Menu</nav><!-- a comment --><p>{body}</p><footer>Footer text</footer></body></html>"""


def test_html_reads_only_visible_text():
    text = html_to_text(PAGE.format(charset="utf-8", body="Visible  text\n over lines"))
    assert text == "Visible text over lines\n"
    for hidden in ("script text", "color", "a comment", "Menu", "Footer", "Page title"):
        assert hidden not in text


def test_html_entities_are_decoded_exactly_once():
    html = "<html><body><p>A &amp;lt;b&amp;gt; &lt;i&gt; &amp;amp; &#8220;q&#x201d; &eacute; 5&nbsp;mg</p></body></html>"
    assert html_to_text(html) == "A &lt;b&gt; <i> &amp; \u201cq\u201d \u00e9 5\u00a0mg\n"


def test_html_hidden_elements_and_structure():
    html = (
        "<body><article><h1>Head</h1><p>One<br>two</p><div hidden>no</div>"
        "<p style='display: none'>no</p><span aria-hidden='true'>no</span>"
        "<ul><li>first</li><li>second</li></ul><table><tr><td>Arm</td><td>ORR</td></tr></table>"
        "<template><p>no</p></template><pre>kept   as\nlines</pre></article>"
        "<p>outside the article</p></body>"
    )
    assert html_to_text(html) == "Head\n\nOne\ntwo\n\nfirst\n\nsecond\n\nArm\tORR\n\nkept as\nlines\n"


def test_html_deep_nesting_does_not_recurse():
    html = "<div>" * 50_000 + "deep text" + "</div>" * 50_000
    assert "deep text" in html_to_text(html)


def test_html_with_no_visible_text_is_empty(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>x()</script></head><body><!-- nothing --></body></html>")
    with pytest.raises(EmptyInputError) as info:
        read_document(path)
    assert info.value.one_line().endswith("blank.html: empty file (no visible text)")


@pytest.mark.parametrize(
    ("declared", "encoding", "warned"),
    [
        ("utf-8", "utf-8", False),
        ("windows-1252", "cp1252", False),
        ("iso-8859-1", "cp1252", False),  # browsers read Latin-1 labels as windows-1252
        ("utf-8", "cp1252", True),  # wrong declaration: the bytes are cp1252
        ("iso-8859-1", "utf-8", True),  # wrong declaration: the bytes are UTF-8
        ("shift_jis", "utf-8", True),
    ],
)
def test_html_charset_is_checked_against_the_bytes(tmp_path, declared, encoding, warned):
    body = "Acme\u2019s drug\u00ae at 2 mg/m\u00b2 and 5 \u00b5g \u2013 caf\u00e9 \u201cquoted\u201d"
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=declared, body=body).encode(encoding))
    doc = read_document(path)
    assert doc.text == body + "\n"
    assert "\ufffd" not in doc.text and "\u00e2\u20ac" not in doc.text  # no mojibake
    assert any("declares charset" in w for w in doc.warnings) is warned


def test_html_utf16_with_bom(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(b"\xff\xfe" + PAGE.format(charset="utf-16", body="Caf\u00e9 \u00ae").encode("utf-16-le"))
    assert read_document(path).text == "Caf\u00e9 \u00ae\n"


def test_html_mojibake_in_the_page_is_repaired(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8", body="Acme\u00e2\u20ac\u2122s drug\u00c2\u00ae"), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Acme\u2019s drug\u00ae\n"
    assert "repaired mojibake" in doc.warnings


def test_declared_charset_labels():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "cp1252"
    assert declared_charset(b"<?xml version='1.0' encoding='UTF-16'?><html>") == "utf-16"
    assert declared_charset(b"<meta charset=koi8-r>") == "koi8-r"
    assert declared_charset(b"<meta charset=no-such-charset>") is None
    assert declared_charset(b"<p>no declaration</p>") is None


def test_html_that_is_not_decodable_is_a_decode_error(tmp_path):
    path = tmp_path / "soup.html"
    path.write_bytes(b"<html><body><p>" + bytes((0xA0 + (i * 37) % 96) for i in range(600)) + b"</p></body></html>")
    with pytest.raises(DecodeError):
        read_document(path)


# ------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(
    ("data", "suffix", "kind", "warned"),
    [
        (b"Plain release text.\n", ".txt", Kind.TEXT, False),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", Kind.HTML, True),
        (b"\xef\xbb\xbf  <!-- saved --> <html><p>x</p></html>", ".md", Kind.HTML, True),
        (b"<p>Some <b>inline</b> markup in a Markdown release</p>", ".md", Kind.TEXT, False),
        (b"<p>fragment</p>", ".html", Kind.HTML, False),
        (b"Just text, named as a page.", ".html", Kind.TEXT, True),
        (b"%PDF-1.7\n...", ".txt", Kind.PDF, True),
        (b"junk before\n%PDF-1.4\n", ".pdf", Kind.PDF, False),
        (b"Text under a .pdf name", ".pdf", Kind.TEXT, True),
        (b"\xff\xfe" + "<html><body>x</body></html>".encode("utf-16-le"), ".txt", Kind.HTML, True),
        (b"<html>", "", Kind.HTML, False),
    ],
)
def test_sniff_by_content(data, suffix, kind, warned):
    found, warning = sniff(data, suffix)
    assert found is kind
    assert (warning is not None) is warned


def test_a_txt_that_is_html_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGE.format(charset="utf-8", body="Acme Oncology news"), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Acme Oncology news\n"
    assert doc.warnings[0] == "named .txt but holds html; read as html"


def test_a_txt_that_is_a_pdf_is_read_as_pdf(tmp_path):
    path = tmp_path / "renamed.txt"
    shutil.copy(DATA / "pdf" / f"{IDS[0]}.pdf", path)
    doc = read_document(path)
    assert doc.text == (DATA / "txt" / f"{IDS[0]}.txt").read_text(encoding="utf-8")
    assert doc.warnings == ("named .txt but holds pdf; read as pdf",)


def test_a_html_that_is_plain_text_is_read_as_text(tmp_path):
    path = tmp_path / "plain.html"
    path.write_text("Acme & Co <3 plain text &amp; no tags\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Acme & Co <3 plain text &amp; no tags\n"  # nothing decoded as markup
    assert "holds text" in doc.warnings[0]


def test_folders_pick_up_html_htm_and_pdf(tmp_path):
    for name in ("a.html", "b.htm", "c.pdf", "d.txt", "e.xhtml", "f.docx"):
        (tmp_path / name).write_bytes(b"x")
    files, _ = collect_inputs([tmp_path])
    assert [p.name for p in files] == ["a.html", "b.htm", "c.pdf", "d.txt", "e.xhtml"]


# ------------------------------------------------------------------ PDF


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("encrypted.pdf", "encrypted PDF"),
        ("scanned.pdf", "no text layer"),
        ("malformed.pdf", "malformed PDF"),
    ],
)
def test_hostile_pdfs_give_one_clear_line_naming_the_file(name, message):
    started = time.monotonic()
    with pytest.raises(PdfError) as info:
        read_document(HOSTILE / name)
    assert isinstance(info.value, InputError) and info.value.exit_code == 3
    line = info.value.one_line()
    assert message in line and name in line and "\n" not in line
    assert time.monotonic() - started < 20


def test_a_decompression_bomb_stops_at_the_memory_bound():
    started = time.monotonic()
    with pytest.raises(PdfError) as info:
        pdf_to_text((HOSTILE / "bomb.pdf").read_bytes(), source="bomb.pdf", memory=300 << 20, seconds=20)
    assert "bomb.pdf" in info.value.one_line()
    assert "memory" in info.value.message or "limit" in info.value.message
    assert time.monotonic() - started < 20


def test_a_pdf_over_the_time_bound_is_stopped():
    started = time.monotonic()
    with pytest.raises(PdfError, match="limit of 0.05 s"):
        pdf_to_text((DATA / "pdf" / f"{IDS[0]}.pdf").read_bytes(), source="slow.pdf", seconds=0.05)
    assert time.monotonic() - started < 5


def test_garbage_behind_a_pdf_header_is_malformed(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(PdfError) as info:
        read_document(path)
    assert re.search(r"junk\.pdf: malformed PDF", info.value.one_line())


def test_a_minimal_hand_written_pdf_is_read():
    assert read_document(HOSTILE / "tiny-valid.pdf").text == "Plain text page\n"


def test_hostile_pdfs_do_not_stop_the_rest_of_the_build(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(HOSTILE, folder)
    (folder / "bomb.pdf").unlink()  # the full-size bomb costs seconds; its own test covers it
    shutil.copy(DATA / "pdf" / f"{IDS[0]}.pdf", folder)
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 3
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert all(any(n in e for e in errors) for n in ("encrypted.pdf", "scanned.pdf", "malformed.pdf"))
    rows = [json.loads(line) for line in CliRunner().invoke(main, ["facts", str(out)]).stdout.splitlines()]
    assert {r["doc"] for r in rows} == {IDS[0], "tiny-valid"}


def test_not_text_still_refused_for_plain_binary(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(NotTextError):
        read_document(path)
