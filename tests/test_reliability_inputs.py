"""RELIABILITY.md, input side: items 1-13 and 23, plus "parsing never fetches"
(issue 7, item 4) and the per-release limits (item 6). Each test names its
item. Plain-text details live in tests/test_ingest.py and HTML/PDF details
in tests/test_formats.py; here the user's view: the CLI's messages, exit
codes, outputs and the files on disk."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph.cli import main
from trialgraph.errors import DuplicateReleaseError, InputTooLargeError
from trialgraph.ingest import collect_inputs, read_document
from trialgraph.limits import ReleaseTimeoutError, read_and_extract_with_limit, release_time_limit

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "formats"
RELEASE = DATA / "txt" / "acme-oncology-2024-02-12.txt"
TEXT = RELEASE.read_text(encoding="utf-8")


def build(*inputs: Path, out: Path, env: dict | None = None):
    return CliRunner().invoke(main, ["build", *map(str, inputs), "-o", str(out), "-q"], env=env)


def fact_rows(graph: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["facts", str(graph)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def without_doc(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "doc"} for row in rows]


def errors_of(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ 1, 2, 3


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "blank.html"])
def test_1_empty_files_of_every_format(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(b"" if name.startswith("empty") else b"<html><body> <!-- --> </body></html>")
    shutil.copy(RELEASE, folder)
    result = build(folder, out=tmp_path / "g.trig")
    assert result.exit_code == 3
    errors = errors_of(result.output)
    assert len(errors) == 1 and name in errors[0] and "empty file" in errors[0]
    assert {r["doc"] for r in fact_rows(tmp_path / "g.trig")} == {RELEASE.stem}


def test_2_html_page_that_is_no_release_warns_and_guesses_nothing(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><p>Lunch menu: soup, bread and a pear.</p></body></html>", encoding="utf-8")
    result = build(page, out=tmp_path / "g.trig")
    assert result.exit_code == 0
    assert "menu.html" in result.output and "no recognisable release" in result.output
    release = next(r for r in fact_rows(tmp_path / "g.trig") if r["kind"] == "release")
    assert release["date"] is None and release["location"] is None


@pytest.mark.parametrize("name", ["photo.txt", "photo.html", "photo.pdf", "photo.md"])
def test_3_binary_behind_any_text_name_is_not_text(tmp_path, name):
    (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = build(tmp_path / name, RELEASE, out=tmp_path / "g.trig")
    assert result.exit_code == 3
    errors = errors_of(result.output)
    assert len(errors) == 1 and name in errors[0] and "not text" in errors[0]


# ------------------------------------------------------------------ 4, 5, 6: same facts


def _facts_of_bytes(tmp_path: Path, data: bytes, name: str) -> list[dict]:
    folder = tmp_path / name.replace(".", "-")
    folder.mkdir()
    (folder / name).write_bytes(data)
    out = folder / "g.trig"
    result = build(folder / name, out=out)
    assert result.exit_code == 0, result.output
    assert "\ufffd" not in out.read_text(encoding="utf-8")
    return without_doc(fact_rows(out))


def _as_windows_shows_it(data: bytes) -> str:
    """UTF-8 bytes read as cp1252 (its five undefined bytes as Latin-1): mojibake."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize(
    "variant",
    ["cp1252", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "mojibake", "crlf"],
)
def test_4_5_6_encodings_give_the_same_facts(tmp_path, variant):
    expected = _facts_of_bytes(tmp_path, TEXT.encode("utf-8"), "plain.txt")
    data = {
        "cp1252": lambda: TEXT.encode("cp1252"),  # the release has curly quotes: cp1252 bytes 93/94
        "utf-8-bom": lambda: codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        "utf-16-le-bom": lambda: codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        "mojibake": lambda: _as_windows_shows_it(TEXT.encode("utf-8")).encode("utf-8"),
        "crlf": lambda: TEXT.replace("\n", "\r\n").encode("utf-8"),
    }[variant]()
    assert data != TEXT.encode("utf-8")
    assert _facts_of_bytes(tmp_path, data, f"{variant}.txt") == expected


def test_6_mojibake_is_never_double_encoded(tmp_path):
    once = "Acme\u2019s drug\u00ae"
    path = tmp_path / "m.txt"
    path.write_text(once, encoding="utf-8")
    assert read_document(path).text == once  # correct text is left alone
    path.write_text(once.encode("utf-8").decode("cp1252"), encoding="utf-8")
    assert read_document(path).text == once  # mojibake repaired exactly once


# ------------------------------------------------------------------ 9: size and time


def test_9_a_50_mb_one_line_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50_000_000)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(InputTooLargeError) as info:
            read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 2
    assert peak < 1_000_000  # memory bounded: the file was never read
    assert "huge.txt: file is 50000000 bytes, over the cap of 5000000 bytes" in info.value.one_line()


def test_9_a_file_that_grows_past_the_cap_is_still_refused(tmp_path):
    path = tmp_path / "line.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputTooLargeError):
        read_document(path, max_bytes=1999)


def test_9_a_50_mb_build_reports_and_builds_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "one-line.txt").open("wb") as fh:
        fh.truncate(50_000_000)
    shutil.copy(RELEASE, folder)
    started = time.monotonic()
    result = build(folder, out=tmp_path / "g.trig")
    assert result.exit_code == 3 and time.monotonic() - started < 30
    assert "one-line.txt: file is 50000000 bytes, over the cap" in errors_of(result.output)[0]
    assert {r["doc"] for r in fact_rows(tmp_path / "g.trig")} == {RELEASE.stem}


# Found by hand while fuzzing (fuzz/README in docs/input-formats.md): texts on
# which an extractor's regular expressions take super-linear time.
BACKTRACKING = {
    "spaces-after-dateline": "BOSTON, " + " " * 200_000 + "x\n",
    "long-digit-run": "The ORR was " + "9" * 20_000 + "% and dose 1e999 mg.\n",
}


@pytest.mark.parametrize("name", sorted(BACKTRACKING))
def test_9_backtracking_text_is_extracted_in_linear_time(tmp_path, name):
    # was quadratic (12-60 s each); the regexes no longer start inside a run
    # of blanks or digits they cannot match from (issue 6)
    path = tmp_path / f"{name}.txt"
    path.write_text(BACKTRACKING[name], encoding="utf-8")
    started = time.monotonic()
    read_and_extract_with_limit(path, seconds=30.0)
    assert time.monotonic() - started < 6


def test_9_a_slow_release_is_stopped_at_the_time_limit(tmp_path):
    path = tmp_path / "slow.txt"
    path.write_text(BACKTRACKING["spaces-after-dateline"], encoding="utf-8")  # ~1 s of extraction
    started = time.monotonic()
    with pytest.raises(ReleaseTimeoutError) as info:
        read_and_extract_with_limit(path, seconds=0.05)
    assert time.monotonic() - started < 3
    assert "slow.txt: took longer than the per-release time limit of 0.05 s; skipped" in info.value.one_line()


def test_9_time_limit_restores_the_previous_timer_and_handler():
    import signal

    handler = signal.getsignal(signal.SIGALRM)
    with release_time_limit(5, path="x"):
        pass
    assert signal.getsignal(signal.SIGALRM) == handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_9_time_limit_cannot_be_swallowed_by_except_exception():
    with pytest.raises(ReleaseTimeoutError):
        with release_time_limit(0.2, path="x"):
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    time.sleep(0.01)
                except Exception:  # noqa: BLE001 - what careless extraction code might do
                    pass


def test_9_a_normal_release_is_well_within_the_limit():
    started = time.monotonic()
    extraction = read_and_extract_with_limit(RELEASE, seconds=30)
    assert extraction.companies and time.monotonic() - started < 5


# ------------------------------------------------------------------ 10: huge numbers


def test_10_huge_numbers_leave_fields_empty_with_a_warning(tmp_path):
    text = TEXT.replace("200 mg", "1e999 mg").replace("38%", "9" * 5000 + "%").replace("6.4 months", "1e999 months")
    text += "\nPatients in cohorts 1 through " + "9" * 5000 + " received zelatinib.\n"
    path = tmp_path / "huge-numbers.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "g.trig"
    result = build(path, out=out, env={"TRIALGRAPH_RELEASE_SECONDS": "120"})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "number(s) too large to be a value" in result.output and "huge-numbers.txt" in result.output
    rows = fact_rows(out)
    values = [r.get("value") for r in rows if r["kind"] == "result"]
    assert values and all(v is None or abs(v) < 1e6 for v in values)
    assert not {r["endpoint"] for r in rows if r["kind"] == "result"} & {"ORR", "mPFS"}
    from rdflib import Dataset, Literal

    dataset = Dataset()
    dataset.parse(out, format="trig")
    numbers = [o.toPython() for _, _, o, _ in dataset.quads((None, None, None, None))
               if isinstance(o, Literal) and isinstance(o.toPython(), (int, float)) and not isinstance(o.toPython(), bool)]
    assert numbers and all(abs(float(n)) < 1e12 for n in numbers)  # no inf, no 5,000-digit values


def test_10_cohort_ranges_with_huge_ends_do_not_explode(tmp_path):
    # Regression: "cohorts 1 through 99999..." expanded into every number of the
    # range (a billion labels) and int() of 5,000 digits raised ValueError.
    from trialgraph.extractors.cohorts import cohort_mentions

    for end in ("999999999999", "9" * 5000):
        labels = [m.label for m in cohort_mentions(f"Patients in cohorts 1 through {end} received it.")]
        assert len(labels) <= 2
    assert [m.label for m in cohort_mentions("in cohorts 1 through 4 of the study")] == ["1", "2", "3", "4"]


# ------------------------------------------------------------------ 11: one id, two files


@pytest.mark.parametrize("other", ["a.html", "a.md", "A.pdf", "sub/a.txt"])
def test_11_two_inputs_with_one_release_id_fail_before_anything_is_written(tmp_path, other):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / other).write_bytes(b"<p>x</p>")
    shutil.copy(RELEASE, folder)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    previous = out_dir / "g.trig"
    previous.write_bytes(b"previous output\n")
    result = build(folder, out=previous)
    assert result.exit_code == 3
    errors = errors_of(result.output)
    assert len(errors) == 1
    assert "release id 'a' is used by both" in errors[0] and "nothing was built" in errors[0]
    assert Path(other).name in errors[0] or other.lower() in errors[0].lower()
    assert tree(out_dir) == {"g.trig": b"previous output\n"}  # intact, no temporary file


def test_11_collect_inputs_raises_by_default_and_reports_on_request(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.html").write_text("<p>x</p>")
    with pytest.raises(DuplicateReleaseError):
        collect_inputs([tmp_path])
    files, errors = collect_inputs([tmp_path], on_clash="report")
    assert files == [] and len(errors) == 1


# ------------------------------------------------------------------ 12: hostile names


HOSTILE_NAMES = [
    "..\u2215..\u2215escape.txt",  # division slash looks like a slash
    "..txt",
    "new\nline.txt",
    "tab\tand\x1bcontrol\x07.txt",
    "-rf.txt",
    "\u202eevil\u202c.html",
    " leading space.md",
    "CON.txt",
]


def test_12_hostile_file_names_write_nothing_outside_the_output_folder(tmp_path):
    work = tmp_path / "work"
    inputs = work / "in"
    out_dir = work / "out"
    inputs.mkdir(parents=True)
    out_dir.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        (inputs / name).write_text(TEXT.replace("Acme", f"Acme{i}"), encoding="utf-8")
    before = tree(work)
    # named one by one (folders skip hidden files), spelt with ../ too
    result = build(*[inputs / ".." / "in" / name for name in HOSTILE_NAMES], out=out_dir / "g.trig")
    assert result.exit_code == 0, result.output
    after = tree(work)
    assert set(after) - set(before) == {"out/g.trig"}
    assert all(after[k] == v for k, v in before.items())
    names = {r["doc"] for r in fact_rows(out_dir / "g.trig") if r["kind"] == "release"}
    assert len(names) == len(HOSTILE_NAMES)
    assert all(n and "/" not in n and "\n" not in n and ".." not in n for n in names)


# ------------------------------------------------------------------ 13: names that become RDF


def test_13_file_names_become_exact_labels_and_the_export_parses_back(tmp_path):
    import pyoxigraph
    from rdflib import Dataset, Literal

    from trialgraph.vocab import TG

    names = ['q"uote\'s <tag> #hash & amp.txt', "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627.txt",
             "back\\slash {brace} `tick`.txt", "x" * 200 + ".txt"]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    out = tmp_path / "g.trig"
    assert build(*[tmp_path / n for n in names], out=out).exit_code == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    labels = {str(o) for _, _, o, _ in dataset.quads((None, TG.fileName, None, None))}
    assert labels == set(names)
    store = pyoxigraph.Store()
    store.load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    assert len(store) == len(set(dataset.quads((None, None, None, None))))
    assert all(Literal(n) for n in names)


# ------------------------------------------------------------------ 23: byte-identical


def _cli_build(inputs: list[Path], out: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trialgraph.cli", "build", *map(str, inputs), "-o", str(out), "-q"],
                          capture_output=True, text=True, env=env, cwd=ROOT)


def test_23_mixed_format_rebuilds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "deeper" / "other name"
    for folder in (first, second):
        folder.mkdir(parents=True)
        shutil.copy(DATA / "txt" / "acme-oncology-2024-02-12.txt", folder)
        shutil.copy(DATA / "html" / "borealis-bio-2023-09-05.html", folder)
        shutil.copy(DATA / "hostile" / "tiny-valid.pdf", folder)
    runs = [
        ([first], dict(os.environ, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C")),
        (sorted(second.iterdir(), reverse=True),
         dict(os.environ, PYTHONHASHSEED="987", TZ="Pacific/Chatham", LC_ALL="C.UTF-8", LANG="tr_TR.UTF-8")),
    ]
    outputs = []
    for i, (inputs, env) in enumerate(runs):
        out = tmp_path / f"{i}.trig"
        proc = _cli_build(inputs, out, env)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# ------------------------------------------------------------------ 4: never fetch


@pytest.fixture
def attempts(monkeypatch):
    """Every name lookup or connection attempted, loopback included."""
    seen: list[object] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        seen.append(("getaddrinfo", host))
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            seen.append(("connect", address))
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def test_4_html_with_dtds_entities_and_remote_resources_fetches_nothing(tmp_path, attempts):
    page = tmp_path / "xxe.html"
    page.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [\n'
        '  <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "http://example.org/evil">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><base href="http://example.org/"/>'
        '<link rel="stylesheet" href="http://example.org/s.css"/><script src="http://example.org/x.js"></script>'
        '<script type="application/ld+json">{"@context": "http://example.org/ctx"}</script></head>'
        '<body><p>Acme &xxe; &remote; text <img src="http://example.org/p.png"/>'
        '<iframe src="http://example.org/"></iframe></p></body></html>',
        encoding="utf-8",
    )
    doc = read_document(page)
    assert "root:" not in doc.text and "Acme" in doc.text
    assert "&xxe;" in doc.text  # an unknown entity stays literal text: nothing was resolved
    assert attempts == []


def test_4_pdf_with_links_and_external_references_fetches_nothing(attempts):
    doc = read_document(DATA / "pdf" / "acme-oncology-2024-02-12.pdf")
    assert "ir@acme-oncology.example" in doc.text
    assert attempts == []


def test_4_pdf_reader_process_refuses_the_network():
    from trialgraph.formats.pdf_worker import _no_network

    for event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        with pytest.raises(PermissionError):
            _no_network(event, ())
    _no_network("open", ("x",))  # other events pass


def test_4_remote_json_ld_context_is_refused_not_fetched(tmp_path, attempts):
    for context in ('"http://example.org/ctx.jsonld"', '["ctx.jsonld", {"name": "http://schema.org/name"}]',
                    '{"@import": "http://example.org/ctx"}'):
        graph = tmp_path / "remote.jsonld"
        graph.write_text('{"@context": %s, "@id": "http://example.org/x", "name": "x"}' % context)
        result = CliRunner().invoke(main, ["facts", str(graph)])
        assert result.exit_code == 1
        assert "never fetches" in result.output and "remote.jsonld" in result.output
    assert attempts == []


def test_4_inline_json_ld_context_is_read(tmp_path, attempts):
    graph = tmp_path / "inline.jsonld"
    graph.write_text('{"@context": {"name": "http://schema.org/name"}, "@id": "http://example.org/x", "name": "x"}')
    assert CliRunner().invoke(main, ["facts", str(graph)]).exit_code == 0
    assert attempts == []


def test_4_owl_imports_are_never_followed(tmp_path, attempts):
    out = tmp_path / "g.trig"
    assert build(RELEASE, out=out).exit_code == 0
    with out.open("a", encoding="utf-8") as fh:
        fh.write("\n<http://example.org/g> { <http://example.org/o> "
                 "<http://www.w3.org/2002/07/owl#imports> <http://example.org/other.ttl> . }\n")
    for command in (["validate", str(out)], ["facts", str(out)]):
        CliRunner().invoke(main, command)
    assert attempts == []


# ----------------------------------------------- 31: symlinks, FIFOs and devices among the inputs


def _folder_with_a_way_out(tmp_path: Path) -> tuple[Path, Path]:
    private = tmp_path / "private"
    private.mkdir()
    secret = private / "secret.txt"
    secret.write_text("Acme Corp. today announced the private words nobody shared.\n")
    (private / "sub").mkdir()
    (private / "sub" / "more.txt").write_text("Another private text, under a folder reached by a link.\n")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(ROOT / "examples" / "northwind-2021-03-04.txt", inputs)
    (inputs / "passwd.txt").symlink_to(secret)
    (inputs / "elsewhere").symlink_to(private / "sub")
    (inputs / "inside.txt").symlink_to(inputs / "northwind-2021-03-04.txt")  # inside: still read
    os.mkfifo(inputs / "pipe.txt")
    return inputs, secret


def test_31_symlinks_out_of_the_input_folders_and_fifos_are_skipped_with_a_warning(tmp_path):
    inputs, _ = _folder_with_a_way_out(tmp_path)
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(inputs), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    graph = out.read_text(encoding="utf-8")
    assert "private words" not in graph and "private text" not in graph
    assert f"warning: {inputs / 'passwd.txt'}: a symlink to a file outside the input folders; skipped " \
           f"(--follow-symlinks reads it)" in result.output
    assert f"warning: {inputs / 'elsewhere'}: a symlink to a folder outside the input folders" in result.output
    assert f"warning: {inputs / 'pipe.txt'}: a FIFO; skipped" in result.output
    assert "release/inside>" in graph or "release/inside " in graph  # a link that stays inside is read


def test_31_follow_symlinks_reads_them_and_a_fifo_is_still_skipped(tmp_path):
    inputs, _ = _folder_with_a_way_out(tmp_path)
    (tmp_path / "private" / "sub" / "loop").symlink_to(tmp_path / "private" / "sub")  # must not loop
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(inputs), "-o", str(out), "--no-validate", "--follow-symlinks"])
    assert result.exit_code == 0, result.output
    graph = out.read_text(encoding="utf-8")
    assert "private words" in graph and "private text" in graph
    assert "a FIFO; skipped" in result.output


def test_31_a_folder_holding_only_a_way_out_builds_nothing(tmp_path):
    inputs, _ = _folder_with_a_way_out(tmp_path)
    for name in ("northwind-2021-03-04.txt", "inside.txt"):
        (inputs / name).unlink()
    result = CliRunner().invoke(main, ["build", str(inputs), "-o", str(tmp_path / "g.trig")])
    assert result.exit_code == 3 and "no release to build" in result.output
    assert "passwd.txt: a symlink to a file outside the input folders" in result.output
    assert not (tmp_path / "g.trig").exists()


# ----------------------------------------------- 29: HTML bounded by the per-release limits


def _children() -> set[int]:
    from procs import children_of

    return children_of(os.getpid())


@pytest.mark.parametrize("name, markup", [
    ("nested.html", "<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000 + "</body></html>"),
    ("attributes.html", "<html><body><div " + " ".join(f"a{i}=1" for i in range(300_000)) + ">x</div></body></html>"),
])
def test_29_html_that_the_parser_chews_on_for_minutes_is_rejected_within_the_time_limit(tmp_path, name, markup):
    """Lexbor (C) takes minutes on these and the timer signal cannot stop C
    code: rejected after 314 s and 400+ s under a 60 s limit before. With a
    1 s limit the rejection must come within the limit plus a small overshoot
    (scheduling on a loaded machine), and the parser's process must be gone."""
    path = tmp_path / name
    path.write_text(markup, encoding="ascii")
    before = _children()
    started = time.monotonic()
    with pytest.raises(ReleaseTimeoutError, match=r"per-release time limit of 1 s"):
        read_and_extract_with_limit(path, seconds=1)
    elapsed = time.monotonic() - started
    # measured 0.0-0.7 s over on the shared 2-core machine at load 6; before the fix, minutes
    assert elapsed < 3, f"rejected {elapsed - 1:.2f} s after the limit"
    assert _children() == before


def test_29_html_parsing_is_bounded_in_memory_too():
    from trialgraph.formats.html import html_to_text_bounded

    # In a fresh process: RLIMIT_AS bounds new mappings only, and a long-lived
    # test process has free heap the child could use without any.
    code = ("from trialgraph.formats.html import html_to_text_bounded\n"
            "page = '<html><body>' + '<p>many words here</p>' * 50_000 + '</body></html>'\n"
            "try:\n    html_to_text_bounded(page, memory=1 << 20)\n"
            "except (MemoryError, RuntimeError) as error:\n    print(type(error).__name__)\n")
    limited = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    # over the limit Lexbor fails to allocate ("Can't parse HTML", a RuntimeError here) or Python does
    assert limited.stdout.strip() in ("MemoryError", "RuntimeError"), limited.stdout + limited.stderr
    page = "<html><body>" + "<p>many words here</p>" * 50_000 + "</body></html>"
    assert html_to_text_bounded(page).count("many words here") == 50_000


# ----------------------------------------------- 13: long names keep distinct keys


def test_13_two_long_names_sharing_their_first_characters_get_two_iris():
    """Keys were cut at 60 characters: two 5 KB names became one IRI with two
    preferred labels, and the graph did not conform."""
    from trialgraph import iris
    from trialgraph.normalize import slug

    common = "Acme Oncology Therapeutics " * 200
    first, second = slug(common + "Alpha Holdings"), slug(common + "Beta Holdings")
    assert first != second and len(first) <= 60 and len(second) <= 60
    assert first == slug(common + "Alpha Holdings")  # a hash of the whole key: stable
    assert iris.entity("company", first) != iris.entity("company", second)
    assert slug("Northwind Bio, Inc.") == "northwind-bio-inc"  # short keys as before
    assert slug("x" * 60) == "x" * 60 and slug("x" * 61) != "x" * 60


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_13_noncharacters_in_a_release_give_exports_rapper_reads(tmp_path):
    """U+FFFE in a release reached the graph; pyoxigraph writes it as \\uFFFE in
    Turtle and TriG, which rapper refuses ("Illegal Unicode character")."""
    nonchars = "\ufffe\uffff\ufdd0\U0001fffe\U0010ffff"
    text = TEXT.replace("e", "e" + nonchars[0]).replace("a", "a" + nonchars[2]).replace(". ", ". " + nonchars)
    name = f"odd{nonchars[0]}name.txt"
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert read_document(tmp_path / name).text == TEXT
    assert any("noncharacter" in w for w in read_document(tmp_path / name).warnings)
    out = tmp_path / "g.trig"
    assert build(tmp_path / name, out=out).exit_code == 0
    for fmt, suffix in (("trig", "trig"), ("turtle", "ttl")):
        exported = tmp_path / f"export.{suffix}"
        assert CliRunner().invoke(main, ["export", str(out), "-o", str(exported)]).exit_code == 0
        parsed = subprocess.run(["rapper", "-i", fmt, "-c", str(exported)], capture_output=True, text=True)
        assert parsed.returncode == 0 and "Error" not in parsed.stderr, parsed.stderr[-500:]


def _in_a_thread(function):
    """function() run in a thread that is not the main one (as a Dask worker runs
    tasks); what it returned or raised."""
    import threading

    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_9_the_time_limit_holds_outside_the_main_thread(tmp_path):
    path = tmp_path / "slow.txt"
    path.write_text(BACKTRACKING["spaces-after-dateline"], encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ReleaseTimeoutError) as info:
        _in_a_thread(lambda: read_and_extract_with_limit(path, seconds=0.05))
    assert time.monotonic() - started < 3
    assert "slow.txt: took longer than the per-release time limit of 0.05 s; skipped" in info.value.one_line()


def test_9_outside_the_main_thread_a_swallowed_expiry_is_raised_again():
    def swallowing() -> None:  # as a garbage-collector callback would ("Exception ignored in ...")
        try:
            time.sleep(0.01)
        except BaseException:  # noqa: BLE001
            pass

    def run() -> None:
        with release_time_limit(0.2, path="x"):
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                swallowing()
                time.sleep(0.002)

    started = time.monotonic()
    with pytest.raises(ReleaseTimeoutError):
        _in_a_thread(run)
    assert time.monotonic() - started < 2


def test_9_outside_the_main_thread_no_expiry_lands_after_its_block():
    def run() -> tuple[int, int]:
        stopped = 0
        for i in range(3000):
            try:
                with release_time_limit(0.0005 + (i % 5) * 0.0002, path="x"):
                    sum(range((i % 300) * 10))
            except ReleaseTimeoutError:
                stopped += 1
            sum(range(2000))  # unrelated code: a late expiry would surface here, or below
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            pass
        return stopped

    assert 0 <= _in_a_thread(run) <= 3000
