"""Talking to a remote SPARQL server: the HTTP client `push` and remote
queries share, and a query source that runs SPARQL on an endpoint.

The client is the standard library's http.client, chosen because it never
follows a redirect by itself: every hop is decided here. A redirect is
followed only to the same scheme, host and port (307/308, at most 3 hops),
so credentials can never reach another host; any other redirect is reported
as a failure. Credentials come from one environment variable, never from
the command line or the URL (both end up in shell history and reports).
"""
from __future__ import annotations

import base64
import http.client
import json
import os
import re
import socket
import ssl
import threading
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit

from rdflib import BNode, Literal, URIRef

from .errors import RemoteError, UsageError

AUTH_ENV = "TRIALGRAPH_ENDPOINT_AUTH"
MAX_REDIRECTS = 3
USER_AGENT = "trialgraph"


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int


def parse_endpoint(url: str) -> tuple[Origin, str]:
    """(origin, path with query) of an http(s) URL; refuses anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"endpoint {url!r} is not an http:// or https:// URL")
    if parts.username or parts.password:
        raise UsageError("credentials in the endpoint URL are refused", hint=f"put them in {AUTH_ENV}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UsageError(f"endpoint {url!r} has an invalid port") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Origin(parts.scheme, parts.hostname.lower(), port), path


def authorization() -> str | None:
    """The Authorization header from TRIALGRAPH_ENDPOINT_AUTH: "user:password"
    (HTTP Basic) or "Bearer TOKEN". The value is never printed."""
    value = os.environ.get(AUTH_ENV, "").strip()
    if not value:
        return None
    if value.lower().startswith("bearer "):
        return "Bearer " + value[7:].strip()
    if ":" not in value:
        raise UsageError(f"{AUTH_ENV} must be 'user:password' or 'Bearer TOKEN'")
    return "Basic " + base64.b64encode(value.encode("utf-8")).decode("ascii")


@dataclass
class Response:
    status: int
    reason: str
    body: bytes
    content_type: str
    location: str = ""


class HttpClient:
    """Keeps one connection to the endpoint's origin and sends requests on it."""

    def __init__(self, url: str, *, timeout: float = 30.0, auth: str | None = None):
        self.url = url
        self.origin, self.path = parse_endpoint(url)
        self.timeout = timeout
        self.auth = auth
        self._connection: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            if self.origin.scheme == "https":
                self._connection = http.client.HTTPSConnection(
                    self.origin.host, self.origin.port, timeout=self.timeout, context=ssl.create_default_context())
            else:
                self._connection = http.client.HTTPConnection(self.origin.host, self.origin.port, timeout=self.timeout)
        return self._connection

    def request(self, method: str, path: str, body: bytes | None, headers: dict[str, str], *,
                body_limit: int | None = None) -> Response:
        """Send one request; follow same-origin 307/308 only. Network trouble and
        foreign redirects raise RemoteError; HTTP error statuses are returned.
        Each exchange, from connect to the last byte, ends within `timeout`
        seconds; `body_limit` caps the bytes of an answer's body that are read."""
        sent = {"User-Agent": USER_AGENT, **headers}
        if self.auth:
            sent["Authorization"] = self.auth
        for _ in range(MAX_REDIRECTS + 1):
            response = self._exchange(method, path, body, sent, body_limit)
            if response.status not in (301, 302, 303, 307, 308):
                return response
            target = urljoin(f"{self.origin.scheme}://{self.origin.host}:{self.origin.port}{path}", response.location)
            try:
                origin, next_path = parse_endpoint(target)
            except UsageError:
                origin, next_path = None, ""
            if origin != self.origin:
                raise RemoteError(f"redirected to {_where(target)}, another host: not followed "
                                  "(credentials are never sent to another host)")
            if response.status not in (307, 308):
                raise RemoteError(f"HTTP {response.status} redirect to {next_path}: not followed",
                                  hint="give the final URL as --endpoint")
            path = next_path
        raise RemoteError(f"more than {MAX_REDIRECTS} redirects")

    def _exchange(self, method: str, path: str, body: bytes | None, headers: dict[str, str],
                  body_limit: int | None = None) -> Response:
        # The socket timeout bounds each read, not the answer: a server that
        # drips one byte at a time held push --timeout 2 for 135 s. A watchdog
        # shuts the socket down at the deadline, which ends any read in progress.
        expired = threading.Event()
        watchdog = threading.Timer(self.timeout, self._expire, (expired,))
        watchdog.daemon = True
        watchdog.start()
        try:
            response = self._exchange_once(method, path, body, headers, body_limit)
        except RemoteError:
            if not expired.is_set():
                raise
            response = None
        finally:
            watchdog.cancel()
        if expired.is_set():  # a read cut short by the shutdown may look like an answer
            self.close()
            raise RemoteError(f"no complete answer within {self.timeout:g} s (timed out)")
        return response

    def _expire(self, expired: threading.Event) -> None:
        expired.set()
        sock = getattr(self._connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _exchange_once(self, method: str, path: str, body: bytes | None, headers: dict[str, str],
                       body_limit: int | None) -> Response:
        try:
            connection = self._connect()
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            data = raw.read() if body_limit is None else raw.read(body_limit)
        except (socket.timeout, TimeoutError):
            self.close()
            raise RemoteError(f"no answer within {self.timeout:g} s (timed out)") from None
        except ConnectionResetError:
            self.close()
            raise RemoteError("the connection was reset by the server") from None
        except http.client.RemoteDisconnected:
            self.close()
            raise RemoteError("the server closed the connection without answering") from None
        except ConnectionRefusedError:
            self.close()
            raise RemoteError(f"connection refused by {self.origin.host}:{self.origin.port}") from None
        except ssl.SSLError as error:
            self.close()
            raise RemoteError(f"TLS failed: {error.reason or error}") from None
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise RemoteError(f"network error: {error or type(error).__name__}") from None
        if raw.will_close or not raw.isclosed():  # an unread rest of the body: the connection is not reusable
            self.close()
        return Response(raw.status, raw.reason, data, raw.getheader("Content-Type", ""), raw.getheader("Location", ""))


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


# --- remote queries -------------------------------------------------------------

def sparql_term(term) -> str:
    """An rdflib IRI or literal as SPARQL text, escaped so no value can end the
    term early: the only way a user's value reaches a remote query's text."""
    if isinstance(term, URIRef):
        text = str(term)
        if any(c in text for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in text):
            raise UsageError(f"{text!r} cannot be sent as an IRI")
        return f"<{text}>"
    if isinstance(term, Literal):
        body = '"' + str(term).translate(_ECHAR) + '"'
        if term.language:
            if not all(part.isalnum() and part.isascii() for part in term.language.split("-")):
                raise UsageError(f"invalid language tag {term.language!r}")
            return f"{body}@{term.language}"
        if term.datatype is not None:
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    raise UsageError(f"cannot send {term!r} as a query value")


# SPARQL's ECHAR escapes: ", \\, LF and CR may not appear raw in a string.
# (\\u escapes are avoided: some parsers skip that pre-pass.)
_ECHAR = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                        "\b": "\\b", "\f": "\\f"})


class RemoteSource:
    """A SPARQL 1.1 Protocol endpoint used as a query source: trialgraph.queries
    hands it the checked query text and bindings (engines.select)."""

    def __init__(self, url: str, *, timeout: float = 30.0):
        self.client = HttpClient(url, timeout=timeout, auth=authorization())

    def sparql_select(self, text: str, bindings: dict, row_cap: int | None = None):
        from .sparql.engines import _plain

        query = with_values(text, {name: sparql_term(term) for name, term in bindings.items()})
        body = urlencode({"query": query}).encode("ascii")
        try:
            response = self.client.request("POST", self.client.path, body, {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json"})
        finally:
            self.client.close()
        if response.status != 200:
            detail = response.body.decode("utf-8", "replace").strip().splitlines()[:1]
            raise RemoteError(f"the endpoint answered HTTP {response.status} {response.reason}"
                              + (f": {detail[0][:200]}" if detail else ""), path=self.client.url)
        try:
            document = json.loads(response.body)
            columns = list(document["head"]["vars"])
            rows = [tuple(_plain(_from_json(b.get(c))) for c in columns) for b in document["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as error:
            raise RemoteError(f"the endpoint's answer is not SPARQL JSON results ({error})",
                              path=self.client.url) from None
        return columns, rows if row_cap is None else rows[: row_cap + 1]


_TOKENS = re.compile("|".join([
    r"(?P<comment>#[^\n]*)",
    r"(?P<string>'{3}(?:[^\\]|\\.)*?'{3}|\"{3}(?:[^\\]|\\.)*?\"{3}|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")",
    r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
    r"(?P<var>[?$][A-Za-z0-9_]+)",
    r"(?P<word>[A-Za-z]+)",
    r"(?P<brace>[{}])",
    r"(?P<paren>[()])",
]), re.DOTALL)


_NOT_PATTERN = {"SELECT", "GROUP", "ORDER", "HAVING"}


def with_values(text: str, values: dict[str, str]) -> str:
    """The query with its parameters bound the way pyoxigraph's substitutions
    and rdflib's initBindings bind them: every use of ?name inside the WHERE
    group becomes the term (so a FILTER in a nested group sees it), and a
    `VALUES (?a ?b) { (ta tb) }` block first in the group keeps the projected
    column. Terms are already-escaped SPARQL text (sparql_term), placed at
    token positions found by a tokenizer that skips strings, IRIs and comments."""
    if not values:
        return text
    for name in values:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UsageError(f"invalid variable name {name!r}")
    tokens = list(_TOKENS.finditer(text))
    first, last = _where_group(tokens)
    out, position, previous, skip = [], tokens[first].end(), "", False
    for match in tokens[first + 1:last]:
        kind, value = match.lastgroup, match.group()
        if kind == "word" and value.upper() in _NOT_PATTERN:
            skip = True  # a subquery's projection or modifiers: variables only, no constants
        elif kind == "brace":
            skip = False
        elif kind == "var" and value[1:] in values and not skip and previous.upper() != "AS":
            out += [text[position:match.start()], values[value[1:]]]  # `AS ?x` names a new variable
            position = match.end()
        previous = value
    names = sorted(values)
    block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(values[n] for n in names) + ") }\n")
    return text[: tokens[first].end()] + block + "".join(out) + text[position:]


def _where_group(tokens: list) -> tuple[int, int]:
    """Indexes of the `{` and `}` tokens around the query's WHERE group
    (`{` inside a SELECT expression such as EXISTS is skipped)."""
    parens, seen_where, start = 0, False, None
    for index, match in enumerate(tokens):
        kind, value = match.lastgroup, match.group()
        if kind == "paren":
            parens += 1 if value == "(" else -1
        elif kind == "word" and parens == 0 and value.upper() == "WHERE":
            seen_where = True
        elif kind == "brace" and value == "{" and parens == 0 and start is None:
            if seen_where or not any(t.group().upper() == "WHERE" for t in tokens[index:]):
                start = index
    if start is None:
        raise UsageError("cannot find the WHERE clause of the query")
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].lastgroup == "brace":
            depth += 1 if tokens[index].group() == "{" else -1
            if depth == 0:
                return start, index
    raise UsageError("the query's WHERE clause is not closed")


def _from_json(cell: dict | None):
    if cell is None:
        return None
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if cell.get("xml:lang"):
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    return Literal(value, datatype=URIRef(datatype) if datatype else None)
