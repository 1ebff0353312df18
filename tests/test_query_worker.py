"""The persistent query process behind the deadline (sparql/worker.py): a
frozen source's queries share one forked worker, answer exactly as a fork
per query does, still stop at the deadline, and no worker outlives its
source, its parent or the test."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from procs import children_of, ended
from trialgraph.errors import TrialgraphError, UsageError
from trialgraph.sparql import worker
from trialgraph.sparql.execute import QueryTimeout, QueryTooLarge, execute, freeze, frozen, unfreeze

EX = "https://example.org/acme/"
ALL = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
ONE = f"SELECT ?o WHERE {{ GRAPH ?g {{ ?s <{EX}dose> ?o }} }} ORDER BY ?o"
CARTESIAN = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?r } "
             "GRAPH ?c { ?u ?v ?w } GRAPH ?d { ?x ?y ?z } }")
PATHS = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"GRAPH ?g{n} {{ ?a{n} (<{EX}x>|!<{EX}x>)* ?b{n} }}" for n in range(4)) + " }"


def quads():
    """300 invented quads in 30 release graphs: small, but four-way products never end."""
    for n in range(300):
        graph, subject = URIRef(f"{EX}release/{n % 30}"), URIRef(f"{EX}result/{n}")
        yield subject, URIRef(f"{EX}dose"), Literal(n), graph


@pytest.fixture
def store():
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.Literal(str(o.value),
                 datatype=ox.NamedNode(str(o.datatype))), ox.NamedNode(str(g))) for s, p, o, g in quads())
    return store


@pytest.fixture
def dataset():
    dataset = Dataset()
    for s, p, o, g in quads():
        dataset.add((s, p, o, g))
    return dataset


@pytest.fixture(autouse=True)
def no_leaked_processes():
    before = children_of(os.getpid())
    yield
    assert worker.live_workers() == []
    assert children_of(os.getpid()) - before == set()


@pytest.mark.parametrize("source", ["store", "dataset"])
def test_one_worker_answers_every_query_like_a_fork_per_query(source, request):
    source = request.getfixturevalue(source)
    expected = [execute(text, source, {}, deadline=30) for text in (ALL, ONE)]
    with frozen(source):
        first = execute(ALL, source, {}, deadline=30)
        pids = worker.live_workers()
        again = [execute(text, source, {}, deadline=30) for text in (ALL, ONE)]
        bound = execute(ONE + " LIMIT 1", source, {"o": Literal(7)}, deadline=30)
        assert worker.live_workers() == pids and len(pids) == 1  # no fork per query
    assert first == expected[0] and again == expected and len(first.rows) == 300
    assert bound.rows == [(Literal(7),)]


@pytest.mark.parametrize("body", [CARTESIAN, PATHS])
@pytest.mark.parametrize("source", ["store", "dataset"])
def test_a_runaway_query_is_killed_and_the_next_query_still_answers(source, body, request):
    source = request.getfixturevalue(source)
    with frozen(source):
        execute(ONE, source, {}, deadline=30)
        [runaway] = worker.live_workers()
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="did not finish within 1 s"):
            execute(body, source, {}, deadline=1.0)
        assert time.monotonic() - started < 5
        assert ended(runaway)
        [spare] = worker.live_workers()  # forked at once, so the next query pays no fork
        assert spare != runaway
        assert len(execute(ONE, source, {}, deadline=30).rows) == 300
        assert worker.live_workers() == [spare]


def test_errors_come_back_as_from_a_fork_per_query(store):
    cases = [(ALL, {"row_cap": 10}, QueryTooLarge), ("SELECT * WHERE { ?s ?p }", {}, UsageError)]
    for text, options, kind in cases:
        with pytest.raises(kind) as forked:
            execute(text, store, {}, deadline=30, **options)
        with frozen(store):
            with pytest.raises(kind) as shared:
                execute(text, store, {}, deadline=30, **options)
            assert len(execute(ONE, store, {}, deadline=30).rows) == 300  # an error does not end the worker
        assert type(shared.value) is type(forked.value)
        assert (shared.value.message, shared.value.hint) == (forked.value.message, forked.value.hint)


def test_unfreeze_kills_the_worker_and_changes_are_seen_again(store):
    freeze(store, start=True)
    freeze(store)  # counted: two servers may share one store
    [pid] = worker.live_workers()
    unfreeze(store)
    assert worker.live_workers() == [pid]
    unfreeze(store)
    assert ended(pid) and worker.live_workers() == []
    store.add(ox.Quad(ox.NamedNode(f"{EX}result/new"), ox.NamedNode(f"{EX}dose"), ox.Literal("1000", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode(f"{EX}release/0")))
    with frozen(store):
        assert len(execute(ONE, store, {}, deadline=30).rows) == 301  # a fresh worker sees the change


def test_unfreeze_during_a_query_ends_that_query_at_once(store):
    freeze(store, start=True)
    outcome = []

    def ask():
        try:
            execute(CARTESIAN, store, {}, deadline=60)
        except TrialgraphError as error:
            outcome.append(error)

    thread = threading.Thread(target=ask)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    unfreeze(store)
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - started < 5
    assert "ended without an answer" in outcome[0].message


def test_an_interrupted_wait_kills_the_worker(store):
    class Interrupted(Exception):
        pass

    def interrupt(signum, frame):
        raise Interrupted

    previous = signal.signal(signal.SIGALRM, interrupt)
    with frozen(store):
        execute(ONE, store, {}, deadline=30)
        [busy] = worker.live_workers()
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.5)
            with pytest.raises(Interrupted):
                execute(CARTESIAN, store, {}, deadline=60)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        assert ended(busy)  # its state is unknown: never reused
        assert len(execute(ONE, store, {}, deadline=30).rows) == 300


SCRIPT = """
import os, sys
import pyoxigraph as ox
from trialgraph.sparql import worker
from trialgraph.sparql.execute import execute, freeze
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/b"),
                  ox.Literal("c"), ox.NamedNode("https://example.org/g")))
freeze(store)
assert len(execute("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", store, {}, deadline=30).rows) == 1
print(worker.live_workers()[0], flush=True)
if sys.argv[1] == "hang":
    os.kill(os.getpid(), 9)  # no atexit, no cleanup: the worker must notice on its own
"""


@pytest.mark.parametrize("ending", ["exit", "hang"])
def test_no_worker_outlives_its_process(ending):
    done = subprocess.run([sys.executable, "-c", SCRIPT, ending], capture_output=True, text=True, timeout=60)
    pid = int(done.stdout.split()[0])
    assert ended(pid), f"worker {pid} still running after its parent ended ({ending})"


def test_a_process_forked_for_another_reason_does_not_share_the_worker(store):
    with frozen(store):
        execute(ONE, store, {}, deadline=30)
        [pid] = worker.live_workers()
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # e.g. a multiprocessing worker: it must not talk to its parent's worker
            ok = not worker.is_frozen(store) and len(execute(ONE, store, {}, deadline=30).rows) == 300
            os.write(writer, b"ok" if ok else b"no")
            os._exit(0)
        os.close(writer)
        os.waitpid(child, 0)
        assert os.read(reader, 2) == b"ok"
        os.close(reader)
        assert worker.live_workers() == [pid] and len(execute(ONE, store, {}, deadline=30).rows) == 300
