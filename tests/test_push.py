"""`trialgraph push`: against a real Oxigraph server the server ends up with
exactly the local quads, and a rerun converges; against a stub that answers
401, 500, a timeout, a reset or a redirect to another host, every graph is
reported, the exit is non-zero, credentials stay on the endpoint's host and
nothing local changes (RELIABILITY item 24)."""
from __future__ import annotations

import base64
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from servers import OxigraphServer, StubServer
from trialgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SECRET = "alice:s3cret-for-tests"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "examples.trig"
    result = run("build", str(EXAMPLES), "-o", str(out), "-q", "--no-validate")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    yield oxigraph
    oxigraph.stop()


def _quads(path: Path) -> set:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return set(store)


def _graph_names(path: Path) -> list[str]:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return sorted(g.value for g in store.named_graphs())


def _server_quads(server: OxigraphServer) -> set:
    return set(ox.parse(server.nquads(), format=ox.RdfFormat.N_QUADS))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_push_sends_every_graph_and_the_server_equals_the_local_graph(built, server):
    server.clear()
    result = run("push", str(built), "--endpoint", server.store)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    names = _graph_names(built)
    assert len(lines) == len(names) >= 5
    assert all(line.startswith("ok") for line in lines)
    assert [line.split()[1] for line in lines] == names
    assert any("/release/" in n for n in names) and any(n.endswith("/graph/entities") for n in names)
    assert _server_quads(server) == _quads(built)


def test_rerun_replaces_stale_graphs_and_converges(built, server, tmp_path):
    """A stale copy on the server (a release graph with an extra triple and one
    missing) is replaced, not merged, by the next push."""
    server.clear()
    local = _quads(built)
    release = next(q.graph_name for q in local if "/release/" in q.graph_name.value)
    victim = next(q for q in sorted(local, key=str) if q.graph_name == release)
    stale = (local - {victim}) | {ox.Quad(ox.NamedNode("https://w3id.org/trialgraph/id/drug/zelatinib"),
                                          ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                          ox.Literal("stale"), release)}
    stale_file = tmp_path / "stale.nq"
    stale_file.write_bytes(ox.serialize(sorted(stale, key=str), format=ox.RdfFormat.N_QUADS))
    assert run("push", str(stale_file), "--endpoint", server.store).exit_code == 0
    assert _server_quads(server) == stale
    for _ in range(2):  # a second identical run changes nothing
        assert run("push", str(built), "--endpoint", server.store).exit_code == 0
        assert _server_quads(server) == local


@pytest.mark.parametrize("behaviour, expected", [
    ("401", "401"),
    ("500", "500"),
    ("timeout", "timed out"),
    ("reset", "reset"),
])
def test_failing_server_gives_a_report_per_graph_and_exit_1(built, monkeypatch, behaviour, expected):
    monkeypatch.setenv("TRIALGRAPH_ENDPOINT_AUTH", SECRET)
    stub = StubServer(behaviour)
    before = _snapshot(built.parent)
    try:
        result = run("push", str(built), "--endpoint", stub.url, "--timeout", "0.5")
    finally:
        stub.stop()
    assert result.exit_code == 4
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == len(_graph_names(built))
    assert all(line.startswith("FAILED") for line in lines)
    assert expected in lines[0]
    assert "skipped" in lines[-1]  # after 3 failures in a row, no more waiting
    assert 1 <= len(stub.requests) <= 3
    basic = "Basic " + base64.b64encode(SECRET.encode()).decode()
    assert all(r["headers"].get("Authorization") == basic for r in stub.requests)
    assert SECRET not in result.output
    assert _snapshot(built.parent) == before


def test_one_failing_graph_is_reported_and_the_others_still_pushed(built, server, tmp_path):
    """A stub that fails only the second request: exactly one FAILED line."""
    stub = StubServer(lambda n: "500" if n == 2 else "ok")
    try:
        result = run("push", str(built), "--endpoint", stub.url)
    finally:
        stub.stop()
    assert result.exit_code == 4
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert [line.split()[0] for line in lines].count("FAILED") == 1
    assert lines[1].startswith("FAILED") and "500" in lines[1]
    assert len(stub.requests) == len(lines)
    assert "1 failed" in result.stderr


def test_redirect_to_another_host_is_not_followed_and_gets_no_credentials(built, monkeypatch):
    monkeypatch.setenv("TRIALGRAPH_ENDPOINT_AUTH", "Bearer token-for-tests")
    other = StubServer("ok", host="127.0.0.2")  # another host, still loopback
    stub = StubServer(("redirect", other.url + "?graph=x"))
    before = _snapshot(built.parent)
    try:
        result = run("push", str(built), "--endpoint", stub.url)
    finally:
        stub.stop()
        other.stop()
    assert result.exit_code == 4
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and all(line.startswith("FAILED") for line in lines)
    assert "redirected to http://127.0.0.2:" in lines[0] and "not followed" in lines[0]
    assert other.requests == []  # nothing, and so no credentials, ever reached the other host
    assert stub.requests[0]["headers"]["Authorization"] == "Bearer token-for-tests"
    assert _snapshot(built.parent) == before


def test_redirect_to_another_port_is_another_origin_and_refused(built, server):
    """127.0.0.1 on another port is another origin: the redirect is not followed."""
    server.clear()
    stub = StubServer(("redirect", server.store))
    try:
        result = run("push", str(built), "--endpoint", stub.url)
    finally:
        stub.stop()
    assert result.exit_code == 4 and "another host" in result.stdout
    assert _server_quads(server) == set()


def test_credentials_in_the_url_are_refused(built):
    result = run("push", str(built), "--endpoint", "http://bob:pw@127.0.0.1:9/store")
    assert result.exit_code == 2
    assert "TRIALGRAPH_ENDPOINT_AUTH" in result.output and "pw" not in result.output


def test_unreachable_endpoint_fails_every_graph(built):
    from servers import free_port

    result = run("push", str(built), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.exit_code == 4
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert "refused" in lines[0] and all(line.startswith("FAILED") for line in lines)
