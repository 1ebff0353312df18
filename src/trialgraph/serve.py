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
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import TrialgraphError, UsageError
from .queries import QueryRefused, QueryTimeout, QueryTooLarge, check_user_query, run, to_csv, to_json, to_tsv
from .sparql.catalogue import parse as parse_query
from .sparql.execute import freeze, unfreeze

HOST = "127.0.0.1"
PATH = "/sparql"
MAX_BODY = 1 << 20  # a query larger than 1 MB is not a query a person wrote
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

    def __init__(self, store, port: int, *, deadline: float, row_cap: int):
        try:
            super().__init__((HOST, port), Handler)
        except OSError as error:
            raise UsageError(f"cannot listen on {HOST}:{port}: {error.strerror}",
                             hint="choose another --port") from error
        self.store = store
        self.deadline = deadline
        self.row_cap = row_cap
        self.query_lock = threading.Lock()
        freeze(store, start=True)
        self._frozen = True
        bound = self.server_address[1]
        self.allowed_hosts = {f"{HOST}:{bound}", f"localhost:{bound}"}
        self.allowed_origins = {f"http://{host}" for host in self.allowed_hosts}

    def server_close(self) -> None:
        super().server_close()
        if self._frozen:  # once: server_close may be called again
            self._frozen = False
            unfreeze(self.store)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}{PATH}"


def make_server(store, port: int = 0, *, deadline: float = 10.0, row_cap: int = 10_000) -> EndpointServer:
    """The endpoint, listening but not yet serving (call serve_forever)."""
    return EndpointServer(store, port, deadline=deadline, row_cap=row_cap)


class Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "trialgraph"
    sys_version = ""

    def log_message(self, format, *args):  # one line per request on stderr, without the client's text
        pass

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
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Refusal(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length) if length else b""
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
            check_user_query(text)
            _select_only(text)
            query = parse_query(text, Path("request.rq"))
            with self.server.query_lock:
                table = run(query, self.server.store, {}, deadline=self.server.deadline,
                            row_cap=self.server.row_cap)
        except QueryRefused as error:
            raise Refusal(403, error.message) from None
        except QueryTimeout as error:
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


def _select_only(text: str) -> None:
    """Only SELECT answers as a table; ASK, CONSTRUCT and DESCRIBE are refused
    with a message instead of failing inside the engine."""
    from rdflib.plugins.sparql.parser import parseQuery

    form = parseQuery(text)[1].name  # the syntax was checked by check_user_query
    if form != "SelectQuery":
        raise UsageError(f"this endpoint answers SELECT queries only, not {form.removesuffix('Query').upper()}")
