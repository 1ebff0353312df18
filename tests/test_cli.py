"""The command line as users run it: exit codes, one-line errors naming the
file, nothing lost when an input is bad, byte-identical rebuilds."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from trialgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_build_examples_conforms_and_facts_parse(tmp_path):
    out = tmp_path / "graph.trig"
    result = run("build", str(EXAMPLES), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 1000
    assert run("validate", str(out)).exit_code == 0
    facts = run("facts", str(out))
    rows = [json.loads(line) for line in facts.stdout.splitlines()]
    kinds = {row["kind"] for row in rows}
    assert {"release", "company", "drug", "designation", "trial", "result"} <= kinds
    assert all(row["doc"] for row in rows)
    csv_out = run("facts", str(out), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("kind,doc,") and len(csv_out) == len(rows) + 1


def _release(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


GOOD = (EXAMPLES / "northwind-2021-03-04.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, payload, message",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_the_rest_builds(tmp_path, name, payload, message):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(payload)
    _release(folder / "good.txt", GOOD)
    out = tmp_path / "g.trig"
    result = run("build", str(folder), "-o", str(out))
    assert result.exit_code == 3
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and name in errors[0] and message in errors[0]
    rows = [json.loads(l) for l in run("facts", str(out)).stdout.splitlines()]
    assert {r["doc"] for r in rows} == {"good"}


def test_windows_1252_release_is_decoded(tmp_path):
    text = GOOD.replace("'", "\u2019") + "\nThe dose was 20 mCi/m\u00b2 of ACM\u00ae.\n"
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    out = tmp_path / "g.trig"
    result = run("build", str(tmp_path / "cp.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    graph_text = out.read_text(encoding="utf-8")
    assert "\ufffd" not in graph_text and "\u2019" in graph_text


def test_text_that_is_not_a_release_warns_and_guesses_nothing(tmp_path):
    _release(tmp_path / "notes.txt", "shopping list\n\neggs, milk and bread for the weekend\n")
    out = tmp_path / "g.trig"
    result = run("build", str(tmp_path / "notes.txt"), "-o", str(out))
    assert result.exit_code == 0
    assert "notes.txt" in result.output and "no recognisable release" in result.output
    release = [json.loads(l) for l in run("facts", str(out)).stdout.splitlines() if '"release"' in l][0]
    assert release["date"] is None and release["location"] is None


def test_usage_errors_exit_2(tmp_path):
    assert run("build", str(EXAMPLES)).exit_code == 2  # no -o
    assert run("validate", str(tmp_path / "missing.trig")).exit_code == 2
    broken = _release(tmp_path / "broken.trig", "this is { not trig")
    assert run("facts", str(broken)).exit_code == 1


def test_nonconforming_graph_exits_1_with_a_readable_report(tmp_path):
    out = tmp_path / "g.trig"
    assert run("build", str(EXAMPLES), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    corrupted = text.replace('"%"', '"%"', 1)
    import re

    corrupted, count = re.subn(r'(tg:value )(\d+(?:\.\d+)?)', r'\1"fifty"', corrupted, count=1)
    assert count == 1
    bad = _release(tmp_path / "bad.trig", corrupted)
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "Result" in result.output and "number" in result.output


def _build_cli(inputs, out, env=None):
    return subprocess.run([sys.executable, "-m", "trialgraph.cli", "build", *map(str, inputs), "-o", str(out), "-q"],
                          capture_output=True, text=True, env=env, cwd=ROOT)


def test_rebuilds_are_byte_identical_across_order_folder_hashseed_and_tz(tmp_path):
    first, second = tmp_path / "a", tmp_path / "elsewhere" / "b"
    shutil.copytree(EXAMPLES, first)
    shutil.copytree(EXAMPLES, second)
    out1, out2 = tmp_path / "1.trig", tmp_path / "2.trig"
    env = dict(os.environ, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C")
    other = dict(os.environ, PYTHONHASHSEED="4242", TZ="Asia/Tokyo", LC_ALL="C.UTF-8")
    assert _build_cli([first], out1, env).returncode == 0
    files = sorted(second.iterdir(), reverse=True)
    assert _build_cli(files, out2, other).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()


def test_graph_has_no_blank_nodes_and_every_fact_has_evidence(tmp_path):
    from rdflib import BNode, Dataset
    from rdflib.namespace import PROV, RDF

    from trialgraph.vocab import OA, TG

    out = tmp_path / "g.trig"
    assert run("build", str(EXAMPLES), "-o", str(out)).exit_code == 0
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    assert not any(isinstance(t, BNode) for quad in dataset.quads() for t in quad[:3])
    text = {p.stem: p.read_text(encoding="utf-8") for p in EXAMPLES.iterdir()}
    checked = 0
    for kind in (TG.Result, TG.Designation, TG.ClinicalTrial, TG.Cohort, TG.Role):
        for fact, _, _, graph in dataset.quads((None, RDF.type, kind, None)):
            release = dataset.value(fact, PROV.wasDerivedFrom)
            assert release is not None
            evidence = list(dataset.objects(fact, TG.evidence))
            assert evidence, f"{fact} has no evidence"
            for ev in evidence:
                selectors = list(dataset.objects(ev, OA.hasSelector))
                start = next(int(dataset.value(s, OA.start)) for s in selectors if dataset.value(s, OA.start) is not None)
                end = next(int(dataset.value(s, OA.end)) for s in selectors if dataset.value(s, OA.end) is not None)
                quote = next(str(dataset.value(s, OA.exact)) for s in selectors if dataset.value(s, OA.exact) is not None)
                doc = str(dataset.value(ev, OA.hasSource)).rsplit("/", 1)[-1]
                assert text[doc][start:end] == quote
                checked += 1
    assert checked > 20


def test_corpus_rebuilds_are_byte_identical_across_hash_seeds(tmp_path, shared):
    # Regression: drug forms first seen in one sentence tied on position and were
    # ordered by set iteration, so alias merge kinds changed with PYTHONHASHSEED.
    inputs = [shared / "corpus" / "real", shared / "corpus" / "dev"]
    outputs = []
    for seed in ("0", "123"):
        out = tmp_path / f"{seed}.trig"
        assert _build_cli(inputs, out, dict(os.environ, PYTHONHASHSEED=seed)).returncode == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# ------------------------------------------------- nothing to build: nothing written (RELIABILITY 26)


@pytest.mark.parametrize("target", ["-o", "--into", "--store"])
def test_a_build_that_finds_no_release_leaves_the_previous_output_as_it_was(tmp_path, target):
    out = tmp_path / ("graph.trig" if target != "--store" else "store")
    first = run("build", str(EXAMPLES), target, str(out))
    assert first.exit_code == 0, first.output
    before = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    empty = tmp_path / "empty"
    empty.mkdir()
    rejected = tmp_path / "rejected"
    rejected.mkdir()
    (rejected / "blank.txt").write_bytes(b"")

    typo = run("build", str(tmp_path / "exmples"), target, str(out))
    assert typo.exit_code == 2 and "exmples: no such file or folder; nothing was built" in typo.output
    nothing = run("build", str(empty), target, str(out))
    assert nothing.exit_code == 3 and "no release to build" in nothing.output
    only_bad = run("build", str(rejected), target, str(out))
    assert only_bad.exit_code == 3, only_bad.output
    assert "blank.txt: empty file" in only_bad.output and "nothing was written" in only_bad.output
    after = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*"))
             if p.is_file() and p.parent.name not in ("empty", "rejected")}
    assert after == before


def test_a_missing_input_among_good_ones_stops_the_build_before_the_output_folder_exists(tmp_path):
    out = tmp_path / "new" / "graph.trig"
    result = run("build", str(EXAMPLES), str(tmp_path / "typo.txt"), "-o", str(out))
    assert result.exit_code == 2 and "typo.txt: no such file or folder" in result.output
    assert not out.parent.exists()


def test_build_to_nq_writes_n_quads_holding_the_same_quads_as_trig(tmp_path):
    import pyoxigraph

    trig, nq = tmp_path / "g.trig", tmp_path / "g.nq"
    assert run("build", str(EXAMPLES), "-o", str(trig)).exit_code == 0
    assert run("build", str(EXAMPLES), "-o", str(nq)).exit_code == 0
    as_nquads = list(pyoxigraph.parse(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS))  # fails on TriG
    as_trig = list(pyoxigraph.parse(path=str(trig), format=pyoxigraph.RdfFormat.TRIG))
    assert len(as_nquads) > 1000 and set(as_nquads) == set(as_trig)
    assert run("validate", str(nq)).exit_code == 0


@pytest.mark.parametrize("name, message", [
    ("g.ttl", "a Turtle file cannot hold the named graphs of a build (build to a .trig file, then `trialgraph export"),
    ("g.xml", "cannot tell the graph format from the extension '.xml'"),
    ("graph", "cannot tell the graph format from the extension '(none)'"),
])
def test_build_refuses_an_output_extension_it_would_not_honour(tmp_path, name, message):
    result = run("build", str(EXAMPLES), "-o", str(tmp_path / name))
    assert result.exit_code == 2 and message in result.output
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------- progress and summary (issue 14 item 9)


class _RecordingBar:
    """Stands in for click.progressbar: logs each advance, whichever way it is driven."""

    def __init__(self, log, iterable=None, length=None, **_kwargs):
        self.log, self.iterable = log, iterable

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        for item in self.iterable:
            self.log.append("advance")
            yield item

    def update(self, steps, current_item=None):
        self.log.extend(["advance"] * steps)


def _many_releases(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(f"Release {i}: Acme Corp. announced item {i}.\n", encoding="utf-8")
    return folder


def test_the_progress_bar_advances_as_releases_are_extracted_on_a_terminal_only(tmp_path, monkeypatch):
    import trialgraph.cli.common as common_cli
    from trialgraph import parallel

    folder = _many_releases(tmp_path / "in", 55)
    log: list[str] = []
    real_extract = parallel._extract_or_error

    def extract(path):
        log.append("extract")
        return real_extract(path)

    monkeypatch.setattr(parallel, "_extract_or_error", extract)
    monkeypatch.setattr(click, "progressbar", lambda *a, **k: _RecordingBar(log, *a, **k))
    monkeypatch.setattr(common_cli, "on_terminal", lambda: True)
    result = run("build", str(folder), "-o", str(tmp_path / "g.trig"), "-j", "1", "--no-validate")
    assert result.exit_code == 0, result.output
    assert log.count("advance") == 55 and log.count("extract") == 55
    assert log[:4] == ["extract", "advance", "extract", "advance"]  # not 55 advances before any work

    log.clear()
    monkeypatch.setattr(common_cli, "on_terminal", lambda: False)
    assert run("build", str(folder), "-o", str(tmp_path / "g.trig"), "-j", "1", "--no-validate").exit_code == 0
    assert "advance" not in log and log.count("extract") == 55


def test_a_build_ends_with_one_summary_line_per_stage_and_into_counts_releases(tmp_path):
    import re

    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    out = tmp_path / "g.trig"
    first = run("build", str(folder), "--into", str(out))
    assert first.exit_code == 0, first.output
    stages = [line.split(":")[0] for line in first.output.splitlines() if re.search(r": \d+\.\d\d s, ", line)]
    assert stages == ["inputs", "extract", "resolve+emit+rules", "validate", "write"]
    assert "extract: " in first.output and "5 releases read, 0 rejected" in first.output
    assert first.output.splitlines()[-1] == f"wrote {out} (5 added, 0 replaced, 0 unchanged)"
    changed = folder / "bluefin-2023-03-03.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (folder / "extra.txt").write_text(GOOD.replace("Northwind", "Southwind"), encoding="utf-8")
    again = run("build", str(changed), str(folder / "extra.txt"), "--into", str(out))
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[-1] == f"wrote {out} (1 added, 1 replaced, 4 unchanged)"
    assert run("build", str(changed), "--into", str(out), "-q").output == ""


@pytest.mark.parametrize("command, steps", [("validate", None), ("facts", 8), ("viz", 3)])
def test_validate_facts_and_viz_show_progress_on_a_terminal_only(tmp_path, monkeypatch, command, steps):
    import trialgraph.cli.common as common_cli

    graph = tmp_path / "g.trig"
    assert run("build", str(EXAMPLES), "-o", str(graph), "-q").exit_code == 0
    log: list[str] = []
    monkeypatch.setattr(click, "progressbar", lambda *a, **k: _RecordingBar(log, *a, **k))
    args = [command, str(graph)] + (["-o", str(tmp_path / "map.svg")] if command == "viz" else [])
    monkeypatch.setattr(common_cli, "on_terminal", lambda: True)
    result = run(*args)
    assert result.exit_code == 0
    if steps is None:  # one step per graph validate checks, as it reports
        steps = int(result.output.split("conforms: ")[1].split()[0])
    assert log.count("advance") == steps
    log.clear()
    monkeypatch.setattr(common_cli, "on_terminal", lambda: False)
    assert run(*args).exit_code == 0 and log == []
