"""Shared fixtures: the sibling ../shared corpus, and a guard that fails any
test opening a network connection beyond the loopback interface."""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def no_outbound_network(monkeypatch):
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback:
            raise AssertionError(f"test opened a network connection to {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.fail(f"{SHARED} is missing: CI checks it out beside the project")
    return SHARED


@pytest.fixture(scope="session")
def examples_graph(tmp_path_factory) -> Path:
    """The project's example releases built once, without validation, for the
    tests that query or serve a graph (read only: copy it before changing it)."""
    from click.testing import CliRunner

    from trialgraph.cli import main

    out = tmp_path_factory.mktemp("examples-graph") / "examples.trig"
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = CliRunner().invoke(main, ["build", str(examples), "-o", str(out), "-q", "--no-validate"])
    assert result.exit_code == 0, result.output
    return out
