"""Real and stub HTTP servers on loopback for the push, remote-query and
serve tests: a real Oxigraph server (`oxigraph serve`, from the PyPI package
`oxigraph`) and a stub that misbehaves on purpose (RELIABILITY item 24)."""
from __future__ import annotations

import json
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _HungUpOnServer(ThreadingHTTPServer):
    """The stub's clients hang up on purpose (timeouts, size limits), so a
    handler still dripping its answer fails after its test has ended, and the
    default handle_error would print its banner into whichever later test is
    capturing stderr."""
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def wait_for_port(host: str, port: int, seconds: float = 20.0) -> None:
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {host}:{port} after {seconds} s")


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(found).exists(), "the oxigraph server is missing: pip install -e '.[test]' installs it"
    return found


class OxigraphServer:
    """`oxigraph serve` on a free loopback port, stopped by `stop()`."""

    def __init__(self, location: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for_port("127.0.0.1", self.port)
        except AssertionError:
            self.stop()
            raise

    @property
    def store(self) -> str:
        return f"{self.base}/store"

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    def nquads(self) -> bytes:
        request = urllib.request.Request(self.store, headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def clear(self) -> None:
        body = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
        urllib.request.urlopen(urllib.request.Request(f"{self.base}/update", data=body), timeout=30).read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class StubServer:
    """A loopback server whose answer to every request is `behaviour`:
    an HTTP status ("401", "500"), "timeout", "reset", "ok", or
    ("redirect", URL), or a callable(request_number) returning one of these.
    Every request is recorded with its headers."""

    def __init__(self, behaviour, host: str = "127.0.0.1", sleep: float = 3.0):
        self.behaviour = behaviour
        self.requests: list[dict] = []
        self.sleep = sleep
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                stub.requests.append({"method": self.command, "path": self.path,
                                      "headers": dict(self.headers.items()), "body": body})
                action = stub.behaviour(len(stub.requests)) if callable(stub.behaviour) else stub.behaviour
                if action == "timeout":
                    time.sleep(stub.sleep)
                    action = "500"
                if action == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                if isinstance(action, tuple) and action[0] == "redirect":
                    self.send_response(307)
                    self.send_header("Location", action[1])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 201 if action == "ok" else int(action)
                payload = json.dumps({"status": status}).encode()
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="stub"')
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

            def finish(self):
                try:
                    super().finish()
                except OSError:
                    pass

        self.server = _HungUpOnServer((host, 0), Handler)
        self.host = host
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}/store"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
