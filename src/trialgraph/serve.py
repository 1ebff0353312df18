"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, for local
tools (a notebook, a SPARQL editor) on the same machine.

Bound to 127.0.0.1 only. It answers SELECT queries at /sparql (GET ?query=,
POST form or application/sparql-query) and refuses everything else:
updates, Graph Store writes (PUT/POST/DELETE of data), SERVICE / FROM / LOAD
(trialgraph.queries' user-query check), and requests whose Host or Origin
header names another site, the defence against DNS rebinding and cross-site
requests from a browser. Every query runs under trialgraph.queries' deadline
and a row cap; an answer over the cap is an error, never a silent cut.
Queries run one at a time, in one persistent query process forked from the
server when it starts (the store is frozen for the server's life: it never
changes), so the deadline costs a pipe round trip, not a fork per query; a
query that overruns kills that process and a fresh one is forked. Forking
while another thread is inside the store would be unsafe, and no thread of
the server ever queries the store itself.

No request can hold the server longer than the deadline or make it grow
without bound (RELIABILITY 28): the query process has no network and a
memory budget (sparql/confine.py), a query is parsed and checked inside it
under the deadline, and a watchdog shuts any connection whose request
(waiting for it, reading it, running it, writing the answer) has taken
longer than the deadline plus one second to write the answer. That also
ends idle keep-alive connections. At most MAX_CONNECTIONS are open at once;
more are answered 503 and closed. A body needs an exact Content-Length of
at most MAX_BODY bytes.
"""
from __future__ import annotations

import errno
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import TrialgraphError, UsageError
from .queries import QueryRefused, QueryTooLarge, run, to_csv, to_json, to_tsv
from .sparql.catalogue import parse as parse_query
from .sparql.confine import DEFAULT_MEMORY
from .sparql.execute import QueryStopped, QueryTimeout, freeze, unfreeze

HOST = "127.0.0.1"
PATH = "/sparql"
MAX_BODY = 1 << 20  # a query larger than 1 MB is not a query a person wrote
MAX_CONNECTIONS = 32  # each holds a thread; local tools open a handful
WRITE_GRACE = 1.0  # seconds past the deadline a request has to write its answer
_WATCH_EVERY = 0.2
_LENGTH = re.compile(r"[0-9]{1,12}")
RESULT_TYPES = {
    "application/sparql-results+json": to_json,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
}


class Refusal(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store, port: int, *, deadline: float, row_cap: int, memory: int | None = DEFAULT_MEMORY):
        self._frozen = False  # server_close runs inside a failed __init__ too
        try:
            super().__init__((HOST, port), Handler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UsageError(f"{HOST}:{port} is in use; try --port 0") from None
            raise UsageError(f"cannot listen on {HOST}:{port}: {error.strerror}",
                             hint="choose another --port, or --port 0 for any free one") from None
        self.store = store
        self.deadline = deadline
        self.row_cap = row_cap
        self.memory = memory
        self.query_lock = threading.Lock()
        self._open: dict[socket.socket, float] = {}  # connection -> monotonic time its current request must end by
        self._open_lock = threading.Lock()
        self._closed = threading.Event()
        freeze(store, start=True, memory=memory)
        self._frozen = True
        bound = self.server_address[1]
        self.allowed_hosts = {f"{HOST}:{bound}", f"localhost:{bound}"}
        self.allowed_origins = {f"http://{host}" for host in self.allowed_hosts}
        threading.Thread(target=self._watch, name="serve-watchdog", daemon=True).start()

    def process_request(self, request, client_address) -> None:
        with self._open_lock:
            full = len(self._open) >= MAX_CONNECTIONS
            if not full:
                self._open[request] = time.monotonic() + self.deadline + WRITE_GRACE
        if full:
            _turn_away(request)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._open_lock:
            self._open.pop(request, None)
        super().shutdown_request(request)

    def request_started(self, connection) -> float:
        """A new request begins on `connection` (waiting for its first line
        counts): the monotonic time by which its query must be answered."""
        now = time.monotonic()
        with self._open_lock:
            if connection in self._open:
                self._open[connection] = now + self.deadline + WRITE_GRACE
        return now + self.deadline

    def _watch(self) -> None:
        """Shut every connection whose request is past its time: a blocked
        read or write then returns at once and the handler's thread ends."""
        while not self._closed.wait(_WATCH_EVERY):
            now = time.monotonic()
            with self._open_lock:
                late = [connection for connection, end in self._open.items() if end < now]
            for connection in late:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle_error(self, request, client_address) -> None:
        """A connection the watchdog shut or the client dropped is not an error
        worth a traceback; anything else is."""
        import sys

        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def open_connections(self) -> int:
        with self._open_lock:
            return len(self._open)

    def server_close(self) -> None:
        super().server_close()
        if self._frozen:  # once: server_close may be called again
            self._frozen = False
            self._closed.set()
            unfreeze(self.store)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}{PATH}"


def make_server(store, port: int = 0, *, deadline: float = 10.0, row_cap: int = 10_000,
                memory: int | None = DEFAULT_MEMORY) -> EndpointServer:
    """The endpoint, listening but not yet serving (call serve_forever)."""
    return EndpointServer(store, port, deadline=deadline, row_cap=row_cap, memory=memory)


def _turn_away(connection) -> None:
    """A short 503 for a connection over the cap, without waiting on it."""
    body = b"too many open connections; try again\n"
    try:
        connection.setblocking(False)
        connection.send(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
    except OSError:
        pass


class Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "trialgraph"
    sys_version = ""

    def log_message(self, format, *args):  # one line per request on stderr, without the client's text
        pass

    def handle_one_request(self) -> None:
        self.answer_by = self.server.request_started(self.connection)
        super().handle_one_request()

    def do_GET(self) -> None:
        self._answer(lambda: self._query_from(parse_qs(urlsplit(self.path).query)))

    def do_POST(self) -> None:
        self._answer(self._post_query)

    def do_PUT(self) -> None:
        self._answer(self._read_only)

    do_DELETE = do_PATCH = do_PUT

    def _read_only(self) -> str:
        raise Refusal(405, "this endpoint is read-only: Graph Store writes are refused")

    def _answer(self, get_query) -> None:
        try:
            self._check_headers()
            if urlsplit(self.path).path != PATH:
                raise Refusal(404, f"the endpoint is at {PATH}")
            text = get_query()
            self._send(200, *self._run(text))
        except Refusal as refusal:
            self._send(refusal.status, "text/plain; charset=utf-8", refusal.message + "\n")

    def _check_headers(self) -> None:
        if self.headers.get("Host", "").lower() not in self.server.allowed_hosts:
            raise Refusal(403, "foreign Host header refused (DNS rebinding defence)")
        origin = self.headers.get("Origin")
        if origin is not None and origin.lower() not in self.server.allowed_origins:
            raise Refusal(403, "cross-origin request refused")

    def _post_query(self) -> str:
        params = parse_qs(urlsplit(self.path).query)
        if "graph" in params or "default" in params:
            raise Refusal(405, "this endpoint is read-only: Graph Store writes are refused")
        if self.headers.get("Transfer-Encoding") is not None:
            raise Refusal(411, "send the body with a Content-Length, not chunked")
        declared = self.headers.get("Content-Length")
        if declared is None:
            raise Refusal(411, "a POST needs a Content-Length")
        if not _LENGTH.fullmatch(declared.strip()):
            raise Refusal(400, "Content-Length is not a number of bytes")
        length = int(declared)
        if length > MAX_BODY:
            raise Refusal(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length)
        if len(body) != length:
            raise Refusal(400, "the body is shorter than its Content-Length")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise Refusal(403, "updates are refused: this endpoint is read-only")
        if kind == "application/sparql-query":
            return body.decode("utf-8", "replace")
        if kind == "application/x-www-form-urlencoded":
            return self._query_from(parse_qs(body.decode("utf-8", "replace")))
        raise Refusal(405, "this endpoint is read-only: Graph Store writes are refused")

    def _query_from(self, params: dict[str, list[str]]) -> str:
        if "update" in params:
            raise Refusal(403, "updates are refused: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise Refusal(400, "default-graph-uri / named-graph-uri are not supported; use GRAPH patterns")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise Refusal(400, "give exactly one query parameter")
        return queries[0]

    def _run(self, text: str) -> tuple[str, str]:
        try:
            query = parse_query(text, Path("request.rq"))
            if not self.server.query_lock.acquire(timeout=max(0.0, self.answer_by - time.monotonic())):
                raise Refusal(503, f"busy: another query held the endpoint past this request's "
                                   f"{self.server.deadline:g} s deadline")
            try:  # the check and the run share what is left of the request's deadline
                left = self.answer_by - time.monotonic()
                if left <= 0:
                    raise Refusal(503, f"the request took longer than the {self.server.deadline:g} s deadline")
                table = run(query, self.server.store, {}, deadline=left, row_cap=self.server.row_cap,
                            memory=self.server.memory)
            finally:
                self.server.query_lock.release()
        except QueryRefused as error:
            raise Refusal(403, error.message) from None
        except QueryTimeout:
            raise Refusal(503, f"the query did not finish within the {self.server.deadline:g} s deadline "
                               "and was stopped") from None
        except QueryStopped as error:
            raise Refusal(503, error.message) from None
        except QueryTooLarge as error:
            raise Refusal(400, f"{error.message}; nothing was returned rather than a cut-off answer "
                               f"(row cap {self.server.row_cap}, trialgraph serve --row-cap)") from None
        except TrialgraphError as error:
            raise Refusal(400, error.message) from None
        media = self._media_type()
        return f"{media}; charset=utf-8", RESULT_TYPES[media](table)

    def _media_type(self) -> str:
        accept = self.headers.get("Accept", "")
        for media in ("text/csv", "text/tab-separated-values"):
            if media in accept and "application/sparql-results+json" not in accept:
                return media
        return "application/sparql-results+json"

    def _send(self, status: int, content_type: str, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if status == 405:
            self.send_header("Allow", "GET, POST")
        self.end_headers()
        self.wfile.write(data)
