"""`trialgraph export`: every format parses back, in independent parsers, to
exactly the quads of the source graph; the bytes are deterministic; a failed
export leaves the previous file alone."""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from trialgraph.cli import main
from trialgraph.export import CONTEXT_IRI, serialize
from trialgraph.prefixes import CONTEXT_PATH

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TGID = "https://w3id.org/trialgraph/id/"
TG = "https://w3id.org/trialgraph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RAPPER_SYNTAX = {"turtle": "turtle", "trig": "trig", "nt": "ntriples", "nq": "nquads"}
EXTENSION = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nq": ".nq", "jsonld": ".jsonld"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "examples.trig"
    result = run("build", str(EXAMPLES), "-o", str(out), "-q", "--no-validate")
    assert result.exit_code == 0, result.output
    return out


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """Labels and IRIs that break naive writers (RELIABILITY item 13)."""
    graph = _n(TGID + "release/acme-2024-01-02")
    drug = _n(TGID + "drug/zelatinib")
    labels = [
        'quote " and \\ backslash', "new\nline\ttab\rreturn", "a > b # c < d", "שלום zelatinib العربية",
        "emoji \U0001F9EA and \u00b2\u00b5\u00ae", "x" * 5000, "'single' and \"\"\"triple\"\"\"", "trailing space ",
        "</script><script>alert(1)</script>", "@context", "tgid:not-an-iri",
    ]
    quads = [ox.Quad(drug, _n(TG + "label"), ox.Literal(text), graph) for text in labels]
    quads += [
        ox.Quad(drug, _n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), _n(TG + "Drug"), graph),
        ox.Quad(drug, _n(TG + "name"), ox.Literal("zelatinib", language="en"), graph),
        ox.Quad(drug, _n(TG + "name"), ox.Literal("zélatinib", language="fr-ca"), graph),
        ox.Quad(drug, _n(TG + "date"), ox.Literal("2019-11", datatype=_n(XSD + "gYearMonth")), graph),
        ox.Quad(drug, _n(TG + "value"), ox.Literal("50.0", datatype=_n(XSD + "decimal")), graph),
        ox.Quad(drug, _n(TG + "count"), ox.Literal("007", datatype=_n(XSD + "integer")), graph),
        ox.Quad(drug, _n(TG + "odd"), ox.Literal("x", datatype=_n("http://example.org/dt#weird")), graph),
        ox.Quad(_n(TGID + "drug/a%3Eb%23c"), _n(TG + "p"), _n(TGID + "x/(y)'z"), graph),
        ox.Quad(_n(TGID + "//looks-absolute"), _n(TG + "p"), _n(TGID + "0-starts-with-digit"), graph),
        ox.Quad(_n(TGID + "a.b."), _n(TG + "p"), _n("urn:isbn:123"), _n(TGID + "graph/entities")),
        ox.Quad(drug, _n(TG + "label"), ox.Literal("in the union twice"), _n(TGID + "graph/entities")),
        ox.Quad(drug, _n(TG + "label"), ox.Literal("in the union twice"), graph),
    ]
    path = tmp_path_factory.mktemp("hostile") / "hostile.nq"
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return path


def _source_quads(path: Path) -> set:
    # parsed, not loaded into a Store: a Store folds xsd:nonNegativeInteger into xsd:integer
    return set(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG))


def _expected(source: set, fmt: str) -> set:
    if fmt in ("turtle", "nt"):  # single-graph formats carry the union
        return {ox.Quad(q.subject, q.predicate, q.object) for q in source}
    return source


def _parse_oxigraph(path: Path, fmt: str) -> set:
    syntax = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    return {ox.Quad(q.subject, q.predicate, q.object, q.graph_name) for q in ox.parse(path=str(path), format=syntax)}


def _parse_rapper(path: Path, fmt: str) -> set:
    rapper = shutil.which("rapper")
    assert rapper, "raptor's rapper is missing: apt-get install -y raptor2-utils (.ci/run does)"
    done = subprocess.run([rapper, "-q", "-i", RAPPER_SYNTAX[fmt], "-o", "nquads", str(path)],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return set(ox.parse(done.stdout, format=ox.RdfFormat.N_QUADS))


def _parse_rdflib_jsonld(path: Path) -> set:
    return _parse_rdflib(path, "json-ld")  # the context is inline: nothing to fetch


def _parse_rdflib(path: Path, syntax: str) -> set:
    dataset = Dataset()
    dataset.parse(path, format=syntax)
    nquads = dataset.serialize(format="nquads").encode("utf-8")
    return set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


def _export(graph: Path, out: Path, *extra: str) -> None:
    result = run("export", str(graph), "-o", str(out), *extra)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nq", "jsonld"])
@pytest.mark.parametrize("which", ["built", "hostile"])
def test_every_format_parses_back_to_the_source_quads(request, tmp_path, fmt, which):
    graph = request.getfixturevalue(which)
    out = tmp_path / f"export{EXTENSION[fmt]}"
    _export(graph, out)  # format chosen by the extension
    expected = _expected(_source_quads(graph), fmt)
    assert len(expected) > 10
    assert _parse_oxigraph(out, fmt) == expected
    if fmt == "jsonld":  # rdflib reads "007"^^xsd:integer as "7": compare what it reads of both
        assert _parse_rdflib_jsonld(out) == _parse_rdflib(graph, "nquads" if graph.suffix == ".nq" else "trig")
    else:
        assert _parse_rapper(out, fmt) == expected


def test_explicit_format_overrides_the_extension(tmp_path, built):
    out = tmp_path / "graph.txt"
    _export(built, out, "--format", "nq")
    assert _parse_oxigraph(out, "nq") == _source_quads(built)


def test_unknown_extension_without_format_is_a_usage_error(tmp_path, built):
    result = run("export", str(built), "-o", str(tmp_path / "graph.xyz"))
    assert result.exit_code == 2
    assert "graph.xyz" in result.output and "--format" in result.output
    assert not (tmp_path / "graph.xyz").exists()


def test_jsonld_embeds_the_published_context(tmp_path, built):
    out = tmp_path / "graph.jsonld"
    _export(built, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == shipped
    assert shipped["tgid"] == TGID and shipped["tg"] == TG
    assert CONTEXT_IRI.startswith("https://w3id.org/trialgraph/")
    # Compact IRIs under the context, not full IRIs, for our own terms.
    names = [g["@id"] for g in document["@graph"]]
    assert any(n.startswith("tgid:release/") for n in names)
    assert not any(n.startswith(TGID) for n in names)


def test_output_is_independent_of_input_order(tmp_path, built):
    """Same quads in another order and syntax -> the same bytes, every format."""
    lines = _export_lines(built, tmp_path)
    random.Random(7).shuffle(lines)
    shuffled = tmp_path / "shuffled.nq"
    shuffled.write_text("".join(lines), encoding="utf-8")
    for fmt, ext in EXTENSION.items():
        first, second = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
        _export(built, first)
        _export(shuffled, second)
        assert first.read_bytes() == second.read_bytes(), fmt


def _export_lines(graph: Path, folder: Path) -> list[str]:
    out = folder / "source.nq"
    _export(graph, out)
    return out.read_text(encoding="utf-8").splitlines(keepends=True)


def test_bytes_identical_across_hash_seeds(tmp_path, built):
    outputs = []
    for seed in ("0", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = tmp_path / f"seed{seed}.trig"
        for fmt, ext in EXTENSION.items():
            target = tmp_path / f"seed{seed}{ext}"
            subprocess.run([sys.executable, "-m", "trialgraph.cli", "export", str(built), "-o", str(target)],
                           check=True, env=env, capture_output=True, timeout=120)
        outputs.append({ext: (tmp_path / f"seed{seed}{ext}").read_bytes() for ext in EXTENSION.values()})
        assert out.exists()
    assert outputs[0] == outputs[1]


def test_failed_export_leaves_the_previous_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"previous contents\n")
    broken = tmp_path / "broken.trig"
    broken.write_text("<https://w3id.org/trialgraph/id/g> { <a> <b> ", encoding="utf-8")
    result = run("export", str(broken), "-o", str(out))
    assert result.exit_code == 1
    assert "broken.trig" in result.output
    assert out.read_bytes() == b"previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.trig", "graph.ttl"]


def test_serialize_matches_the_cli_bytes(tmp_path, built):
    out = tmp_path / "graph.trig"
    _export(built, out)
    assert serialize(ox.parse(path=str(built), format=ox.RdfFormat.TRIG), "trig") == out.read_bytes()


def _prefix_cases() -> list:
    """Terms one of which begins with another: where comparing whole N-Quads
    lines could disagree with comparing (graph, s, p, o)."""
    graph, p = _n(TGID + "graph/g"), _n(TG + "p")
    objects = [ox.Literal("ab"), ox.Literal("ab", language="en"), ox.Literal("ab", datatype=_n(XSD + "token")),
               ox.Literal("a b"), ox.Literal("a"), ox.Literal("a\"b"), ox.Literal("a\nb"), ox.Literal("é"),
               ox.Literal("\U0001F9EA"), ox.Literal(""), _n(TGID + "x"), _n(TGID + "x-y"), _n(TGID + "xy")]
    subjects = [ox.BlankNode("b1"), ox.BlankNode("b10"), ox.BlankNode("b2"), _n(TGID + "s"), _n(TGID + "s/t")]
    quads = [ox.Quad(s, p, o, g) for s in subjects for o in objects for g in (graph, _n(TGID + "graph/g2"))]
    return quads + [ox.Quad(s, p, o) for s in subjects[:2] for o in objects[:3]]


def test_nquads_of_a_graph_in_canonical_order_stream_as_read(tmp_path, built, hostile, monkeypatch):
    """export streams N-Quads of a graph whose quads come in canonical order
    (export.InOrderNQuads): with 3 quads per chunk, graph changes and line
    comparisons cross chunk edges; the bytes are those of sorting the graph."""
    from trialgraph.export import InOrderNQuads
    from trialgraph.graphfile import exact_quads

    monkeypatch.setattr(InOrderNQuads, "CHUNK", 3)
    for quads in (exact_quads(built), exact_quads(hostile), _prefix_cases()):
        expected = serialize(quads, "nq")
        in_order = list(ox.parse(expected, format=ox.RdfFormat.N_QUADS))
        streamed = InOrderNQuads(in_order)
        assert b"".join(streamed) == expected and streamed.count == len(in_order)


def test_nquads_export_of_a_graph_out_of_order_is_sorted(tmp_path, built, monkeypatch):
    """One pair of quads swapped deep in the file: streaming stops and the
    whole graph is sorted, with the same bytes as the ordered file gives."""
    from trialgraph.export import InOrderNQuads, NotInOrder

    monkeypatch.setattr(InOrderNQuads, "CHUNK", 3)
    ordered = tmp_path / "ordered.nq"
    _export(built, ordered)
    lines = ordered.read_text(encoding="utf-8").splitlines(keepends=True)
    for at in (1, len(lines) // 2, len(lines) - 2):
        swapped = lines[:at] + [lines[at + 1], lines[at]] + lines[at + 2:]
        source = tmp_path / f"swapped{at}.nq"
        source.write_text("".join(swapped), encoding="utf-8")
        with pytest.raises(NotInOrder):
            b"".join(InOrderNQuads(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)))
        out = tmp_path / f"out{at}.nq"
        _export(source, out)
        assert out.read_bytes() == ordered.read_bytes()
    for quads in (_prefix_cases(),):
        ordered_quads = list(ox.parse(serialize(quads, "nq"), format=ox.RdfFormat.N_QUADS))
        for at in range(len(ordered_quads) - 1):
            swapped = ordered_quads[:at] + [ordered_quads[at + 1], ordered_quads[at]] + ordered_quads[at + 2:]
            with pytest.raises(NotInOrder):
                b"".join(InOrderNQuads(swapped))
