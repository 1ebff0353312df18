"""`build --engine dask`: extraction on the workers of a Dask cluster writes
the same bytes as the local build (engines.py). One local cluster of three
worker processes serves the module; the test that kills a worker comes last."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph.cli import main
from trialgraph.engines import extract_chunk
from trialgraph.ingest import read_raw

distributed = pytest.importorskip("distributed")  # in the test extra: CI runs these

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# slow to extract, in linear time (test_reliability_inputs BACKTRACKING): ~1.3 s (0.45 s per million
# spaces on a quiet machine), where a release takes ~0.02 s; it must still be running alone once every
# other chunk is done, and faster extraction shortens it, so it is sized well above that
SLOW = "BOSTON, " + " " * 3_000_000 + "x\n"


@pytest.fixture(scope="module")
def cluster():
    import dask

    # a task on a worker that dies fails at once (KilledWorker) instead of being
    # rerun up to 3 times: the engine's own retry is what the last test checks
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=3, processes=True, threads_per_worker=1, host="127.0.0.1",
                                      dashboard_address=None, worker_dashboard_address=None) as local:
            with distributed.Client(local, set_as_default=False) as client:
                client.wait_for_workers(3, timeout=60)
                # each worker loads the extractors once, before any time limit is measured
                client.run(extract_chunk, [read_raw(next(EXAMPLES.glob("*.txt")))], 0)
                yield client


def build(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["build", *args], env=env)


def dask_args(client) -> list[str]:
    return ["--engine", "dask", "--scheduler", client.scheduler.address]


def test_the_cluster_build_writes_the_bytes_of_the_local_build(cluster, shared, tmp_path):
    inputs = [str(shared / "corpus" / "seeds"), str(shared / "corpus" / "dev"), str(EXAMPLES)]
    local, remote = tmp_path / "local.trig", tmp_path / "dask.trig"
    assert build(*inputs, "-o", str(local), "-q").exit_code == 0
    with distributed.get_task_stream(cluster) as tasks:
        result = build(*inputs, "-o", str(remote), *dask_args(cluster))
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()
    assert "extract: " in result.output and "25 releases read" in result.output
    ran = [task for task in tasks.data if task["key"].startswith("extract_chunk")]
    assert len({task["worker"] for task in ran}) >= 2, "the releases were not spread over the workers"


def test_n_quads_and_the_library_entry_point_match_too(cluster, shared, tmp_path):
    from trialgraph.engines import DaskEngine
    from trialgraph.pipeline import build as build_graph, serialize

    inputs = [shared / "corpus" / "dev"]
    with DaskEngine(cluster.scheduler.address) as engine:
        remote = build_graph(inputs, engine=engine, validate=False)
    local = build_graph(inputs, validate=False)
    assert serialize(remote.assembly, "nquads") == serialize(local.assembly, "nquads")


@pytest.fixture()
def mixed(shared, tmp_path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in sorted((shared / "corpus" / "dev").glob("*.txt"))[:8]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    (folder / "blank.txt").write_bytes(b"")
    return folder


def test_bad_files_are_rejected_one_line_each_and_the_rest_is_built(cluster, mixed, tmp_path):
    local, remote = tmp_path / "local.trig", tmp_path / "dask.trig"
    expected = build(str(mixed), "-o", str(local))
    result = build(str(mixed), "-o", str(remote), *dask_args(cluster))
    assert (expected.exit_code, result.exit_code) == (3, 3)
    errors = sorted(line for line in result.output.splitlines() if line.startswith("error: "))
    assert errors == sorted(line for line in expected.output.splitlines() if line.startswith("error: "))
    assert [e.split(":")[1].strip().rsplit("/", 1)[-1] for e in errors] == ["blank.txt", "logo.txt"]
    assert "8 releases read, 2 rejected" in result.output
    assert remote.read_bytes() == local.read_bytes()


def test_the_time_limit_of_this_process_holds_on_the_workers(cluster, mixed, tmp_path):
    (mixed / "slow.txt").write_text(SLOW, encoding="utf-8")
    result = build(str(mixed), "-o", str(tmp_path / "g.trig"), *dask_args(cluster),
                   env={"TRIALGRAPH_RELEASE_SECONDS": "0.3"})
    assert result.exit_code == 3, result.output
    assert "slow.txt: took longer than the per-release time limit of 0.3 s; skipped" in result.output
    assert "8 releases read, 3 rejected" in result.output, result.output


def test_incremental_builds_on_the_cluster_match_too(cluster, shared, tmp_path):
    seeds, dev = str(shared / "corpus" / "seeds"), str(shared / "corpus" / "dev")
    for where, engine in (("local", []), ("dask", dask_args(cluster))):
        graph = tmp_path / where / "g.trig"
        graph.parent.mkdir()
        assert build(seeds, "--into", str(graph), "-q", *engine).exit_code == 0
        result = build(dev, "--into", str(graph), *engine)
        assert result.exit_code == 0, result.output
        assert "18 added, 0 replaced, 2 unchanged" in result.output
    assert (tmp_path / "dask" / "g.trig").read_bytes() == (tmp_path / "local" / "g.trig").read_bytes()


def test_a_worker_running_other_trialgraph_code_stops_the_build(cluster, tmp_path):
    def pretend(version: str | None) -> None:  # on each worker: its code hashes to `version`
        import trialgraph.extraction_cache as module

        real = module.__dict__.setdefault("real_cache_version", module.cache_version)
        module.cache_version = (lambda: version) if version else real

    out = tmp_path / "g.trig"
    cluster.run(pretend, "0123456789abcdef")
    try:
        result = build(str(EXAMPLES), "-o", str(out), *dask_args(cluster))
    finally:
        cluster.run(pretend, None)
    assert result.exit_code == 2, result.output
    assert "a Dask worker runs other trialgraph code (version 0123456789abcdef, here " in result.output
    assert result.output.count("\n") == 1 and not out.exists()


def test_losing_the_scheduler_mid_build_is_one_line_exit_4_and_writes_nothing(tmp_path):
    import dask

    out = tmp_path / "g.trig"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        # no workers: the tasks wait until the scheduler goes away
        lone = distributed.LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1",
                                        dashboard_address=None)
        threading.Timer(1.5, lone.close).start()
        result = build(str(EXAMPLES), "-o", str(out), "--engine", "dask", "--scheduler", lone.scheduler_address)
    assert result.exit_code == 4, result.output
    assert result.output.startswith(f"error: {lone.scheduler_address}: the Dask cluster failed during the build")
    assert result.output.count("\n") == 1 and not out.exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(*args: str, env: dict | None = None, code: str = "") -> subprocess.CompletedProcess:
    """trialgraph in a fresh process (the tests above share one with the cluster)."""
    script = f"import sys\n{code}\nfrom trialgraph.cli import main\nmain(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_an_unreachable_scheduler_is_one_line_and_exit_4(tmp_path):
    out = tmp_path / "g.trig"
    address = f"tcp://127.0.0.1:{free_port()}"
    result = run_cli("build", str(EXAMPLES), "-o", str(out), "--engine", "dask", "--scheduler", address,
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert result.returncode == 4, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {address}: cannot reach the Dask scheduler")
    assert not out.exists()


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask"], "--engine dask needs --scheduler ADDRESS"),
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
    (["--engine", "dask", "--scheduler", "carrier-pigeon://loft"], "not a Dask scheduler address"),
])
def test_engine_usage_errors_exit_2(tmp_path, args, message):
    result = build(str(EXAMPLES), "-o", str(tmp_path / "g.trig"), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and not (tmp_path / "g.trig").exists()


def test_without_dask_installed_the_engine_is_a_usage_error_and_the_local_build_never_imports_it(tmp_path):
    hidden = "sys.modules['distributed'] = None  # as if not installed"
    result = run_cli("build", str(EXAMPLES), "-o", str(tmp_path / "g.trig"), "--engine", "dask",
                     "--scheduler", "tcp://127.0.0.1:8786", code=hidden)
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: --engine dask needs Dask distributed, which is not installed "
                                     "(pip install 'trialgraph[dask]')")
    check = ("import atexit\n"
             "atexit.register(lambda: print('dask imported:', 'dask' in sys.modules or 'distributed' in sys.modules))")
    result = run_cli("build", str(EXAMPLES), "-o", str(tmp_path / "g.trig"), "-q", "-j", "1", code=check)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "dask imported: False"


def test_a_worker_killed_mid_chunk_costs_a_retry_not_the_releases(cluster, shared, tmp_path):
    # 2 + 1 + 18 releases: chunks of 2 over 3 workers, so the slow release shares its chunk,
    # which is retried one release per task
    slow = tmp_path / "more" / "slow.txt"
    slow.parent.mkdir()
    slow.write_text(SLOW, encoding="utf-8")
    inputs = [str(shared / "corpus" / "seeds"), str(slow.parent), str(shared / "corpus" / "dev")]
    local, remote = tmp_path / "local.trig", tmp_path / "dask.trig"
    assert build(*inputs, "-o", str(local), "-q").exit_code == 0
    killed: list[int] = []

    def kill_the_worker_left_with_the_slow_release() -> None:
        # the slow release is the one still running once the others are done:
        # one worker busy with the same task for 0.3 s
        seen, since = None, time.monotonic()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            busy = {worker: tuple(keys) for worker, keys in cluster.processing().items()
                    if any(str(key).startswith("extract_chunk") for key in keys)}
            now = time.monotonic()
            if len(busy) != 1 or busy != seen:
                seen, since = (busy if len(busy) == 1 else None), now
            elif now - since >= 0.3:
                worker = next(iter(busy))
                pid = cluster.run(os.getpid, workers=[worker])[worker]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_worker_left_with_the_slow_release)
    killer.start()
    result = build(*inputs, "-o", str(remote), *dask_args(cluster))
    killer.join()
    assert killed, "no worker was busy alone with the slow release"
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()
