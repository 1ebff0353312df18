"""`trialgraph serve`: real HTTP requests against the read-only endpoint
(RELIABILITY item 25): it answers SELECT like the library does, and refuses
updates, Graph Store writes, SERVICE, foreign Host and Origin headers, slow
queries (deadline) and oversized answers (row cap, never silently cut)."""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode, quote

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from procs import children_of, ended
from servers import free_port, wait_for_port
from trialgraph.cli import main
from trialgraph.serve import make_server

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def built(examples_graph) -> Path:
    return examples_graph


@pytest.fixture(scope="module")
def store(built):
    store = ox.Store()
    store.bulk_load(path=str(built), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def endpoint(store):
    server = make_server(store, 0, deadline=2.0, row_cap=len(store))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    host, port = server.server_address
    connection = http.client.HTTPConnection(host, port, timeout=30)
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data.decode("utf-8")


def get(server, query: str, headers: dict | None = None):
    return request(server, "GET", "/sparql?" + urlencode({"query": query}), headers=headers)


def test_binds_to_loopback_only(endpoint):
    assert endpoint.server_address[0] == "127.0.0.1"
    assert endpoint.url.startswith("http://127.0.0.1:")


def test_select_over_get_and_post_returns_every_quad(endpoint, store):
    status, headers, body = get(endpoint, ALL_QUADS)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    document = json.loads(body)
    assert document["head"]["vars"] == ["g", "s", "p", "o"]
    assert len(document["results"]["bindings"]) == len(store)
    served = {(b["g"]["value"], b["s"]["value"], b["p"]["value"], b["o"]["value"])
              for b in document["results"]["bindings"]}
    assert served == {(q.graph_name.value, q.subject.value, q.predicate.value, q.object.value) for q in store}
    form = urlencode({"query": COUNT}).encode()
    status, _, body = request(endpoint, "POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(len(store))
    status, _, body = request(endpoint, "POST", "/sparql", COUNT.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(len(store))


def test_csv_when_asked(endpoint, store):
    status, headers, body = get(endpoint, COUNT, {"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.splitlines() == ["n", str(len(store))]


@pytest.mark.parametrize("method, path, body, content_type", [
    ("POST", "/sparql", urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded"),
    ("POST", "/sparql", "DROP ALL", "application/sparql-update"),
    ("POST", "/sparql", urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
     "application/x-www-form-urlencoded"),
    ("PUT", "/sparql?graph=" + quote("urn:g", safe=""), "<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
    ("POST", "/sparql?graph=" + quote("urn:g", safe=""), "<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
    ("POST", "/sparql", "<urn:a> <urn:b> <urn:c> .", "text/turtle"),
    ("DELETE", "/sparql?default", None, None),
])
def test_writes_are_refused_and_change_nothing(endpoint, store, method, path, body, content_type):
    before = len(store)
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, text = request(endpoint, method, path, body.encode() if body else None, headers)
    assert status in (403, 405), text
    assert "read-only" in text or "updates" in text
    assert len(store) == before
    assert json.loads(get(endpoint, COUNT)[2])["results"]["bindings"][0]["n"]["value"] == str(before)


def test_service_and_from_are_refused(endpoint):
    status, _, text = get(endpoint, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in text
    status, _, text = get(endpoint, "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    assert status == 403 and "FROM" in text


@pytest.mark.parametrize("headers", [
    {"Host": "evil.example:80"},
    {"Host": "attacker.test"},
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
])
def test_foreign_host_and_origin_are_refused(endpoint, headers):
    status, response_headers, text = get(endpoint, COUNT, headers)
    assert status == 403
    assert "Access-Control-Allow-Origin" not in response_headers


def test_own_origin_and_localhost_are_accepted(endpoint):
    port = endpoint.server_address[1]
    assert get(endpoint, COUNT, {"Origin": f"http://127.0.0.1:{port}"})[0] == 200
    assert get(endpoint, COUNT, {"Host": f"localhost:{port}"})[0] == 200


def test_row_cap_is_an_error_not_a_cut(store):
    server = make_server(store, 0, deadline=5.0, row_cap=10)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, text = get(server, ALL_QUADS)
        small = get(server, ALL_QUADS + " LIMIT 10")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 400 and "more than 10 rows" in text
    assert small[0] == 200 and len(json.loads(small[2])["results"]["bindings"]) == 10


def test_runaway_query_is_stopped_at_the_deadline(endpoint):
    endless = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
               "GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } }")
    status, _, text = get(endpoint, endless)
    assert status == 503 and "did not finish" in text
    assert get(endpoint, COUNT)[0] == 200  # and the endpoint still answers


def test_one_query_process_serves_every_query_and_closes_with_the_server(built):
    own = ox.Store()  # not the module's store, which the shared endpoint keeps frozen
    own.bulk_load(path=str(built), format=ox.RdfFormat.TRIG)
    before = children_of(os.getpid())
    server = make_server(own, 0, deadline=1.0, row_cap=len(own))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        [first] = children_of(os.getpid()) - before  # forked once, when the server starts
        assert all(get(server, COUNT)[0] == 200 for _ in range(3))
        assert children_of(os.getpid()) - before == {first}  # no fork per query
        endless = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"GRAPH ?g{n} {{ ?s{n} ?p{n} ?o{n} }}" for n in range(4)) + " }"
        assert get(server, endless)[0] == 503
        assert ended(first)
        [second] = children_of(os.getpid()) - before
        assert get(server, COUNT)[0] == 200 and children_of(os.getpid()) - before == {second}
    finally:
        server.shutdown()
        server.server_close()
    assert ended(second) and children_of(os.getpid()) - before == set()
    server.server_close()  # a second close is harmless


def test_bad_syntax_and_non_select_are_400(endpoint):
    assert get(endpoint, "SELECT WHERE {")[0] == 400
    status, _, text = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 400 and "SELECT" in text
    assert request(endpoint, "GET", "/elsewhere")[0] == 404


def test_cli_serves_until_stopped(built):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "trialgraph.cli", "serve", str(built), "--port", str(port)],
                               stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port("127.0.0.1", port, 60)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/sparql?" + urlencode({"query": COUNT}), headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200 and response.read().decode().splitlines()[0] == "n"
        connection.close()
        workers = children_of(process.pid)
        assert len(workers) == 1
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert all(ended(pid) for pid in workers)  # SIGTERM skips atexit: the worker sees its pipe close
    assert f"http://127.0.0.1:{port}/sparql" in process.stderr.read()


# --- RELIABILITY 28: no request holds the server past its deadline or memory ---

@pytest.fixture
def own_server(store):
    """A server with its own limits; started by calling it with make_server's keywords."""
    servers = []

    def start(**limits):
        server = make_server(store, 0, **{"deadline": 2.0, "row_cap": 100, **limits})
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def raw(server, data: bytes, wait: float = 10.0) -> bytes:
    """Send raw bytes on a fresh connection and read until the server closes
    it or `wait` seconds pass (a server that hangs the client times out)."""
    import socket
    import time

    connection = socket.create_connection(server.server_address, timeout=wait)
    connection.sendall(data)
    received, stop = b"", time.monotonic() + wait
    try:
        while time.monotonic() < stop:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
    except TimeoutError:
        pass
    finally:
        connection.close()
    return received


def post_head(server, length: str | None, extra: str = "") -> bytes:
    port = server.server_address[1]
    size = f"Content-Length: {length}\r\n" if length is not None else ""
    return (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
            f"{size}{extra}\r\n").encode()


def test_a_negative_content_length_is_refused_without_reading_the_body(own_server):
    server = own_server()
    answer = raw(server, post_head(server, "-1") + b"SELECT * WHERE { ?s ?p ?o }" + b" " * 100_000, wait=5)
    assert answer.startswith(b"HTTP/1.0 400") and b"Content-Length" in answer


@pytest.mark.parametrize("length, extra, status", [
    (None, "", b"411"), ("+5", "", b"400"), ("1e3", "", b"400"), (str(2 << 20), "", b"413"),
    ("10", "Transfer-Encoding: chunked\r\n", b"411")])
def test_a_body_without_an_exact_small_length_is_refused(own_server, length, extra, status):
    server = own_server()
    answer = raw(server, post_head(server, length, extra), wait=5)
    assert answer.split(b"\r\n")[0].split()[1] == status


def test_parsing_a_huge_query_is_under_the_deadline(own_server):
    import time

    server = own_server(deadline=1.0)
    slow_to_parse = "SELECT * WHERE { VALUES ?x { " + " ".join(f'"v{i}"' for i in range(40_000)) + " } }"
    started = time.monotonic()
    status, _, text = request(server, "POST", "/sparql", slow_to_parse.encode(),
                              {"Content-Type": "application/sparql-query"})
    assert status == 503 and "did not finish within the 1 s deadline" in text
    assert time.monotonic() - started < 2.5  # parsing alone takes ~5 s on this machine


def test_a_query_past_its_memory_budget_is_a_503_and_the_server_goes_on(own_server):
    server = own_server(deadline=30.0, memory=256 << 20)
    doubling = " ".join(f"BIND(CONCAT(?x{n}, ?x{n}) AS ?x{n + 1})" for n in range(40))
    status, _, text = get(server, f'SELECT (STRLEN(?x40) AS ?n) WHERE {{ BIND("0123456789" AS ?x0) {doubling} }}')
    assert status == 503 and "memory limit of 256 MiB" in text
    assert get(server, COUNT)[0] == 200


def test_idle_and_slow_connections_are_closed_at_the_deadline(own_server):
    import time

    server = own_server(deadline=1.0)
    started = time.monotonic()
    assert raw(server, b"", wait=10) == b""  # idle: closed by the server, not by our 10 s wait
    assert time.monotonic() - started < 3.5
    started = time.monotonic()
    raw(server, post_head(server, "1000") + b"SELECT", wait=10)  # a body that never comes
    assert time.monotonic() - started < 3.5
    assert get(server, COUNT)[0] == 200


def test_open_connections_are_capped(own_server):
    import socket

    from trialgraph.serve import MAX_CONNECTIONS

    server = own_server(deadline=30.0)
    idle = [socket.create_connection(server.server_address) for _ in range(MAX_CONNECTIONS)]
    try:
        for _ in range(50):  # the server registers them as it accepts them
            if server.open_connections() == MAX_CONNECTIONS:
                break
            __import__("time").sleep(0.05)
        answer = raw(server, b"GET /sparql HTTP/1.1\r\n\r\n", wait=5)
        assert answer.startswith(b"HTTP/1.1 503") and b"too many open connections" in answer
    finally:
        for connection in idle:
            connection.close()
    for _ in range(50):
        if server.open_connections() == 0:
            break
        __import__("time").sleep(0.05)
    assert get(server, COUNT)[0] == 200


def test_a_port_in_use_is_one_line_and_exit_2(built, store):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(built), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: 127.0.0.1:{port} is in use; try --port 0"]


def test_port_0_picks_a_free_port_and_prints_it(built):
    import re

    process = subprocess.Popen([sys.executable, "-m", "trialgraph.cli", "serve", str(built), "--port", "0"],
                               stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line).group(1))
        assert port != 0
        wait_for_port("127.0.0.1", port, 30)
    finally:
        process.terminate()
        process.wait(timeout=10)
