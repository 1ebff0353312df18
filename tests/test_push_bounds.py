"""`trialgraph push` against servers that answer slowly, hugely or not as a
graph store: each PUT ends within --timeout however the server drips its
answer, at most a few KB of an answer is read (issue 15 item 6), and a 404
says the URL does not take Graph Store PUTs and names the usual paths
(issue 14 item 12)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from servers import StubServer
from trialgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "examples.trig"
    assert run("build", str(EXAMPLES), "-o", str(out), "-q", "--no-validate").exit_code == 0
    return out


class RawServer:
    """A loopback server that reads each request's head and then runs
    `answer(connection)`; it counts the bytes it managed to send."""

    def __init__(self, answer):
        self.answer = answer
        self.sent = 0
        self.requests = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/store"
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection):
        with connection:
            connection.settimeout(5)
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    head += chunk
                self.requests += 1
                self.answer(self, connection)
            except OSError:
                pass

    def send(self, connection, data: bytes) -> None:
        connection.sendall(data)
        self.sent += len(data)

    def stop(self):
        self.stopped.set()
        self.listener.close()


def drip(server, connection):
    """One byte of a never-ending status line every 0.1 s, for 30 s at most."""
    for _ in range(300):
        if server.stopped.is_set():
            return
        server.send(connection, b"H")
        time.sleep(0.1)


def huge_error(server, connection):
    """A 500 whose body is 100 MB."""
    size = 100 * 1024 * 1024
    server.send(connection, f"HTTP/1.1 500 Oops\r\nContent-Length: {size}\r\n\r\n".encode())
    block = b"x" * 65536
    for _ in range(size // len(block)):
        server.send(connection, block)


def test_a_dripping_server_cannot_hold_push_past_its_timeout(built):
    server = RawServer(drip)
    started = time.monotonic()
    try:
        result = run("push", str(built), "--endpoint", server.url, "--timeout", "1")
    finally:
        server.stop()
    elapsed = time.monotonic() - started
    assert result.exit_code == 4, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert "within 1 s" in lines[0] and "timed out" in lines[0]
    assert server.requests == 3  # then the rest are skipped
    assert elapsed < 3 * 1 + 4, elapsed  # three bounded PUTs; the old client waited as long as the drip lasted


def test_only_a_few_kb_of_a_huge_error_body_is_read(built):
    server = RawServer(huge_error)
    try:
        result = run("push", str(built), "--endpoint", server.url, "--timeout", "20")
    finally:
        time.sleep(0.5)
        server.stop()
    assert result.exit_code == 4, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("FAILED") and "500 Oops" in lines[0] and "x" * 160 in lines[0]
    assert server.requests == 3
    assert server.sent < 3 * 20 * 1024 * 1024  # socket buffers only: the old client read 3 x 100 MB


def test_a_404_names_the_graph_store_paths(built):
    stub = StubServer("404")
    try:
        result = run("push", str(built), "--endpoint", stub.url)
    finally:
        stub.stop()
    assert result.exit_code == 4
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert "does not accept Graph Store Protocol PUTs" in lines[0]
    assert "/store" in lines[0] and "/DATASET/data" in lines[0]
    assert "looks down" not in result.stdout
    assert "does not accept Graph Store PUTs" in lines[-1]

