"""The command line behaves like its neighbours (issue 14 items 4-8): a file
that is not a graph is one line and exit 1; `-` is standard input or output;
-h is --help; a mistyped command gets "did you mean"; Ctrl-C exits 130; each
command's --help lists only the exit codes it can return; validate writes a
W3C SHACL report; facts runs on pyoxigraph, writes -o FILE and CSV booleans
as true/false."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from servers import StubServer
from trialgraph.cli import COMMAND_EXIT_CODES, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OA_START = "http://www.w3.org/ns/oa#start"


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "examples.trig"
    assert run("build", str(EXAMPLES), "-o", str(out), "-q").exit_code == 0
    return out


@pytest.fixture(scope="module")
def broken(tmp_path_factory, built) -> Path:
    """The examples with every oa:start typed xsd:integer: does not conform."""
    text = built.read_text(encoding="utf-8")
    out = tmp_path_factory.mktemp("broken") / "broken.trig"
    out.write_text(text.replace("^^xsd:nonNegativeInteger", "^^xsd:integer"), encoding="utf-8")
    assert run("validate", str(out)).exit_code == 1
    return out


# --- a file that is not a graph ---------------------------------------------------

@pytest.mark.parametrize("name, content, why", [
    ("empty.trig", b"", "the file is empty"),
    ("blank.nq", b"\n\n  \n", "the file is empty"),
    ("comment.trig", b"# nothing but a comment\n", "no statement"),
    ("notes.trig", b"hello world\n", "line 1"),
    ("release.txt", b"CAMBRIDGE, Mass., March 4, 2021 -- Acme announced", "not a valid"),
    ("binary.nq", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 1"),
])
@pytest.mark.parametrize("command", ["validate", "facts"])
def test_a_file_that_is_not_a_graph_is_one_line_and_exit_1(tmp_path, command, name, content, why):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(command, str(path))
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {path}: not a TriG or N-Quads graph")
    assert why in lines[0] and "trialgraph build" in lines[0]
    assert "conforms" not in result.output and "Error(" not in result.output and "\\x" not in result.output


def test_a_store_and_a_graph_file_are_still_read(tmp_path, built):
    store = tmp_path / "store"
    assert run("build", str(EXAMPLES), "--store", str(store), "-q").exit_code == 0
    for graph in (built, store):
        assert run("validate", str(graph)).exit_code == 0
        assert run("facts", str(graph)).stdout == run("facts", str(built)).stdout


# --- `-` for standard input and output --------------------------------------------------

def test_export_to_stdout_writes_no_file_named_dash(tmp_path, built, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", str(built), "-o", "-", "--format", "nq")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert result.stdout.count("\n") > 100 and result.stdout.startswith("<")
    assert "wrote standard output" in result.stderr
    missing = run("export", str(built), "-o", "-")
    assert missing.exit_code == 2 and "--format" in missing.output


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_validate_facts_and_export_read_standard_input(tmp_path, built, fmt):
    piped = run("export", str(built), "-o", "-", "--format", fmt).stdout_bytes
    assert run("validate", "-", input=piped).exit_code == 0
    assert run("facts", "-", input=piped).stdout == run("facts", str(built)).stdout
    out = tmp_path / "again.nq"
    assert run("export", "-", "-o", str(out), input=piped).exit_code == 0
    assert out.read_bytes() == run("export", str(built), "-o", "-", "--format", "nq").stdout_bytes
    empty = run("validate", "-", input=b"")
    assert empty.exit_code == 1 and "<stdin>: not a TriG or N-Quads graph" in empty.output


def test_facts_and_validate_write_to_a_file_with_o(tmp_path, built, broken):
    table = tmp_path / "facts.csv"
    result = run("facts", str(built), "--format", "csv", "-o", str(table))
    assert result.exit_code == 0 and result.stdout == ""
    assert table.read_text(encoding="utf-8") == run("facts", str(built), "--format", "csv").stdout
    report = tmp_path / "report.txt"
    checked = run("validate", str(broken), "-o", str(report))
    assert checked.exit_code == 1 and checked.stdout == ""
    assert report.read_text(encoding="utf-8") == run("validate", str(broken)).stdout


# --- help, typos, Ctrl-C, exit codes --------------------------------------------------

@pytest.mark.parametrize("command", [None, *COMMAND_EXIT_CODES])
def test_dash_h_is_help_and_the_epilogue_lists_only_the_commands_codes(command):
    args = ["-h"] if command is None else [command, "-h"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.output == run(*args[:-1], "--help").output
    assert "Usage:" in result.output
    listed = {int(line.split()[0]) for line in result.output.split("Exit codes:")[1].splitlines() if line.strip()}
    expected = set(COMMAND_EXIT_CODES[command]) if command else {0, 1, 2, 3, 4, 5, 130}
    assert listed == expected


def test_the_codes_each_command_lists_are_the_ones_it_returns():
    assert 3 not in COMMAND_EXIT_CODES["validate"] and 4 not in COMMAND_EXIT_CODES["validate"]
    assert 4 in COMMAND_EXIT_CODES["push"] and 4 in COMMAND_EXIT_CODES["query"]
    assert 3 in COMMAND_EXIT_CODES["build"] and 3 not in COMMAND_EXIT_CODES["export"]
    assert all(130 in codes for codes in COMMAND_EXIT_CODES.values())


@pytest.mark.parametrize("typed, meant", [("valdate", "validate"), ("exprot", "export"), ("fact", "facts"),
                                          ("qurey", "query")])
def test_a_mistyped_command_gets_did_you_mean(typed, meant):
    result = run(typed, "x")
    assert result.exit_code == 2
    assert f"did you mean '{meant}'" in result.output


def test_an_unknown_command_lists_the_commands():
    result = run("frobnicate")
    assert result.exit_code == 2 and "validate" in result.output and "did you mean" not in result.output


@pytest.mark.parametrize("command, target", [("validate", "trialgraph.cli.validate.validate_graphs"),
                                             ("facts", "trialgraph.cli.facts.file_facts"),
                                             ("export", "trialgraph.cli.export.write_output")])
def test_ctrl_c_exits_130(monkeypatch, built, tmp_path, command, target):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(target, interrupted)
    args = [command, str(built)] + (["-o", str(tmp_path / "x.nq")] if command == "export" else [])
    result = run(*args)
    assert result.exit_code == 130
    assert "interrupted" in result.output and "Aborted" not in result.output


def test_a_real_sigint_exits_130(built):
    """SIGINT while push waits for an answer, in a real process."""
    stub = StubServer("timeout", sleep=30)
    process = subprocess.Popen([sys.executable, "-m", "trialgraph.cli", "push", str(built),
                                "--endpoint", stub.url, "--timeout", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not stub.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stub.requests
        os.kill(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        stub.stop()
    assert process.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr and b"interrupted" in stderr


# --- validate --format ---------------------------------------------------------------

def _report(path: Path, syntax: str) -> Graph:
    graph = Graph()
    graph.parse(path, format=syntax)
    return graph


@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("json-ld", "json-ld")])
def test_validate_writes_a_w3c_shacl_report(tmp_path, broken, built, fmt, syntax):
    out = tmp_path / f"report.{syntax}"
    result = run("validate", str(broken), "--format", fmt, "-o", str(out))
    assert result.exit_code == 1
    report = _report(out, syntax)
    top = list(report.subjects(RDF.type, SH.ValidationReport))
    assert len(top) == 1
    assert report.value(top[0], SH.conforms) == Literal(False)
    results = list(report.objects(top[0], SH.result))
    problems = run("validate", str(broken)).stdout.splitlines()
    assert len(results) == len(problems) > 0
    assert all(report.value(r, RDF.type) == SH.ValidationResult for r in results)
    assert {str(report.value(r, SH.resultPath)) for r in results} == {OA_START, "http://www.w3.org/ns/oa#end"}
    again = tmp_path / f"again.{syntax}"
    run("validate", str(broken), "--format", fmt, "-o", str(again))
    assert again.read_bytes() == out.read_bytes()  # blank nodes relabelled canonically
    good = tmp_path / f"good.{syntax}"
    assert run("validate", str(built), "-f", fmt, "-o", str(good)).exit_code == 0
    conforming = _report(good, syntax)
    assert list(conforming.objects(None, SH.conforms)) == [Literal(True)]
    assert not list(conforming.subjects(RDF.type, SH.ValidationResult))


# --- facts -----------------------------------------------------------------------------

def test_facts_csv_writes_booleans_as_true_and_false(built):
    rows = list(csv.DictReader(io.StringIO(run("facts", str(built), "--format", "csv").stdout)))
    flags = {row["comparator"] for row in rows if row["kind"] == "result"}
    assert flags == {"true", "false"}
    jsonl = [json.loads(line) for line in run("facts", str(built)).stdout.splitlines()]
    assert {r["comparator"] for r in jsonl if r["kind"] == "result"} == {True, False}


def test_facts_are_the_same_on_pyoxigraph_and_rdflib(built):
    from trialgraph.facts import facts, to_csv, to_jsonl
    from trialgraph.graphsource import load_dataset, load_store

    on_oxigraph, on_rdflib = facts(load_store(built)), facts(load_dataset(built))
    assert len(on_oxigraph) > 30
    assert to_jsonl(on_oxigraph) == to_jsonl(on_rdflib) and to_csv(on_oxigraph) == to_csv(on_rdflib)


def test_facts_runs_its_queries_on_pyoxigraph(built, monkeypatch):
    """The CLI never hands facts an rdflib Dataset (192 s for 1,000 releases)."""
    seen = []
    import trialgraph.facts as facts_module

    real = facts_module._rows
    monkeypatch.setattr(facts_module, "_rows", lambda source, *a, **kw: seen.append(type(source).__name__) or real(source, *a, **kw))
    assert run("facts", str(built)).exit_code == 0
    assert seen and set(seen) == {"Store"}


def test_facts_reads_a_json_ld_export(tmp_path, built):
    exported = tmp_path / "graph.jsonld"
    assert run("export", str(built), "-o", str(exported)).exit_code == 0
    assert run("facts", str(exported)).stdout == run("facts", str(built)).stdout
    empty = tmp_path / "empty.jsonld"
    empty.write_bytes(b"")
    result = run("facts", str(empty))
    assert result.exit_code == 1 and "not a JSON-LD graph: the file is empty" in result.output


def test_standard_input_in_json_ld_is_read_too(built):
    piped = run("export", str(built), "-o", "-", "--format", "jsonld").stdout_bytes
    assert run("facts", "-", input=piped).stdout == run("facts", str(built)).stdout


def test_validating_a_union_export_says_why_it_does_not_conform(tmp_path, built):
    union = tmp_path / "union.ttl"
    assert run("export", str(built), "-o", str(union)).exit_code == 0
    result = run("validate", str(union))
    assert result.exit_code == 1
    assert "no named graphs" in result.stderr and "validate the TriG" in result.stderr
    assert "no named graphs" not in run("validate", str(built)).stderr


@pytest.mark.parametrize("command, conform", [("validate", True), ("build", True), ("push", False), ("facts", False),
                                              ("export", False)])
def test_only_the_validating_commands_speak_of_conformance_in_their_codes(command, conform):
    codes = run(command, "-h").output.split("Exit codes:")[1]
    assert ("does not conform" in codes) == conform
