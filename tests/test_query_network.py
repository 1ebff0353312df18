"""RELIABILITY 17 and 27: no query a user runs opens a network connection.

Two walls, each tested alone: the checker refuses a query whose text the
checker and the engine could read differently (code-point escapes) and
every SERVICE / FROM / update it can see; and the query process itself has
no network (sparql/confine.py), so a query the checker misread still cannot
call out. A loopback listener stands in for the attacker's host and must
see zero connections."""
from __future__ import annotations

import http.client
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from trialgraph.cli import main
from trialgraph.errors import TrialgraphError
from trialgraph.serve import make_server
from trialgraph.sparql import confine
from trialgraph.sparql.catalogue import parse
from trialgraph.sparql.execute import execute, freeze, run, unfreeze
from trialgraph.sparql.safety import check_user_query

# Issue 15's payload: rdflib read \u00000022 as one 8-digit escape (a quote
# that ends the string), pyoxigraph as \u0000 then "0022", so SERVICE sat
# inside a string for the checker and in the query for the engine.
PAYLOAD = ('SELECT * WHERE {{ BIND("x\\u00000022 AS ?a) BIND(" AS ?b) SERVICE <http://127.0.0.1:{port}/> '
           '{{ ?s ?p ?o }} BIND(" AS ?c) BIND(\\u00000022z" AS ?d) }}')


class Listener:
    """A loopback server that counts the connections it receives."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def settled(self) -> int:
        time.sleep(0.05)  # a connection the engine opened is accepted within this
        return self.connections


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.socket.close()


@pytest.fixture(scope="module")
def graph(examples_graph) -> Path:
    return examples_graph


@pytest.fixture(scope="module")
def store(graph):
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TRIG)
    return store


def test_the_engine_really_calls_out_without_the_walls(listener):
    """The listener sees what pyoxigraph does when nothing stops it: the
    other tests' zero is not an accident of the set-up."""
    before = listener.connections
    with pytest.raises(Exception):
        list(ox.Store().query(PAYLOAD.format(port=listener.port)))
    assert listener.settled() > before


def test_the_issue_payload_is_refused_by_the_checker(listener):
    with pytest.raises(TrialgraphError, match="escape"):
        check_user_query(PAYLOAD.format(port=listener.port))


def test_the_issue_payload_through_query_file_makes_no_connection(listener, graph, tmp_path):
    query = tmp_path / "payload.rq"
    query.write_text(PAYLOAD.format(port=listener.port), encoding="utf-8")
    before = listener.connections
    result = CliRunner().invoke(main, ["query", str(query), str(graph)])
    assert result.exit_code != 0 and "escape" in result.output
    assert listener.settled() == before


@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-query"])
def test_the_issue_payload_through_serve_makes_no_connection(listener, store, method):
    server = make_server(store, 0, deadline=5.0, row_cap=1000)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = listener.connections
    text = PAYLOAD.format(port=listener.port)
    try:
        connection = http.client.HTTPConnection(*server.server_address, timeout=30)
        headers = {"Host": f"127.0.0.1:{server.server_address[1]}"}  # no Origin: a cross-site GET looks like this
        if method == "GET":
            connection.request("GET", "/sparql?" + urlencode({"query": text}), headers=headers)
        elif method == "POST-form":
            connection.request("POST", "/sparql", body=urlencode({"query": text}),
                               headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})
        else:
            connection.request("POST", "/sparql", body=text.encode("utf-8"),
                               headers={**headers, "Content-Type": "application/sparql-query"})
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert response.status == 403 and "escape" in body
    assert listener.settled() == before


needs_namespaces = pytest.mark.skipif(not confine.network_cut(), reason="no network namespaces on this machine")


@needs_namespaces
@pytest.mark.parametrize("frozen", [False, True], ids=["fork-per-query", "persistent-worker"])
def test_the_query_process_has_no_network_even_for_an_unchecked_service(listener, store, frozen):
    """The second wall alone: execute() runs text without the checker."""
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"
    before = listener.connections
    if frozen:
        freeze(store, start=True)
    try:
        with pytest.raises(TrialgraphError, match="query failed"):
            execute(service, store, {}, deadline=20)
    finally:
        if frozen:
            unfreeze(store)
    assert listener.settled() == before


@needs_namespaces
def test_a_query_without_a_deadline_is_confined_too(listener, store):
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"
    before = listener.connections
    with pytest.raises(TrialgraphError):
        execute(service, store, {}, deadline=None)
    assert listener.settled() == before


# --- every escape form of SERVICE that can be built --------------------------

def _escapes(char: str) -> st.SearchStrategy[str]:
    """The ways a query can spell one character: itself, and each escape form
    either parser might read (4 and 8 digits, either case, Rust's '+' sign)."""
    code = ord(char)
    return st.sampled_from([
        char, f"\\u{code:04x}", f"\\u{code:04X}", f"\\U{code:08x}", f"\\u{code:08x}", f"\\u+{code:03x}",
        f"\\\\u{code:04x}", f"\\u{code:04x}".upper().replace("\\U", "\\u"),
    ])


def _spelled(text: str) -> st.SearchStrategy[str]:
    return st.tuples(*[_escapes(c) for c in text]).map("".join)


_SEPARATORS = st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "\f", "\x0b", "\x85", "\u2028", "\u00a0",
                               "#\n", "#c\r", "#\\u000a", " # x \\u000A ", "\x00"])


@st.composite
def hidden_services(draw, port: int) -> str:
    keyword = draw(_spelled(draw(st.sampled_from(["SERVICE", "service", "SeRvIcE", "SERVICE SILENT"]))))
    iri = draw(_spelled(f"<http://127.0.0.1:{port}/>"))
    before, after = draw(_SEPARATORS), draw(_SEPARATORS)
    quote_open, quote_close = draw(_escapes('"')), draw(_escapes('"'))
    shape = draw(st.sampled_from(["plain", "issue", "long-string", "comment"]))
    service = f"{before}{keyword}{after}{iri} {{ ?s ?p ?o }}"
    if shape == "plain":
        body = service
    elif shape == "issue":
        body = f'BIND("x{quote_open} AS ?a) BIND(" AS ?b) {service} BIND(" AS ?c) BIND({quote_close}z" AS ?d)'
    elif shape == "long-string":
        body = f'BIND("""x{quote_open}{quote_open}{quote_open} AS ?a) {service} BIND("""y""" AS ?b)'
    else:
        body = f"# {quote_open}{draw(_SEPARATORS)}{service}"
    return f"SELECT * WHERE {{ {body} }}"


_listener_for_fuzz = Listener()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hidden_services(_listener_for_fuzz.port))
@example(PAYLOAD.format(port=_listener_for_fuzz.port))
def test_no_escape_form_of_service_passes_the_checker_and_calls_out(query):
    """The first wall alone: whatever passes the checker, pyoxigraph run
    unconfined in this process does not connect."""
    try:
        check_user_query(query)
    except TrialgraphError:
        return
    before = _listener_for_fuzz.connections
    try:
        list(ox.Store().query(query))
    except Exception:
        pass
    assert _listener_for_fuzz.settled() == before, f"the checker passed a query that called out: {query!r}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(hidden_services(_listener_for_fuzz.port))
def test_no_escape_form_of_service_calls_out_through_run(store, query):
    """Both walls, as `trialgraph query` uses them."""
    before = _listener_for_fuzz.connections
    try:
        run(parse(query, Path("fuzz.rq")), store, {}, deadline=20)
    except TrialgraphError:
        pass
    assert _listener_for_fuzz.settled() == before, query
