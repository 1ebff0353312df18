"""The on-disk store (`build --store DIR`, a folder as GRAPH): every command
reads it; kill -9 and Ctrl-C never damage it (RELIABILITY 20); a second
writer fails fast naming the holder (21); a damaged store is reported as
corrupt, never read as empty (22)."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph import store as disk_store
from trialgraph.cli import main
from trialgraph.graphsource import load_dataset

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIRST = [EXAMPLES / "bluefin-2023-03-03.txt", EXAMPLES / "northwind-2021-03-04.txt"]
KILL_RUNS = int(os.environ.get("TRIALGRAPH_KILL_RUNS", "3"))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def cli(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "trialgraph.cli", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def quads(graph: Path) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in load_dataset(graph).quads((None, None, None, None))}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store of two releases, and the same releases as a TriG file."""
    folder = tmp_path_factory.mktemp("built")
    assert run("build", *FIRST, "--store", folder / "store").exit_code == 0
    assert run("build", *FIRST, "-o", folder / "graph.trig").exit_code == 0
    return folder


def copy_store(built: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "store"
    shutil.copytree(built / "store", target)
    return target


def test_every_reading_command_accepts_a_store_and_sees_the_file_graph(built):
    store, trig = built / "store", built / "graph.trig"
    assert quads(store) == quads(trig)
    assert run("validate", store).exit_code == 0
    assert run("facts", store).output == run("facts", trig).output
    assert run("facts", store).output.count("\n") > 10


def test_build_into_an_unrelated_folder_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    result = run("build", *FIRST, "--store", tmp_path)
    assert result.exit_code == 2 and "not a trialgraph store" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def _sst(store: Path) -> Path:
    record = json.loads((store / disk_store.RECORD).read_text())
    return max((store / record["generation"]).glob("*.sst"), key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("damage", ["truncate_sst", "flip_byte", "drop_generation", "garbage_record",
                                    "empty_record", "no_record"])
def test_a_damaged_store_is_reported_as_corrupt_never_read_as_empty(built, tmp_path, damage):
    store = copy_store(built, tmp_path)
    if damage == "truncate_sst":
        sst = _sst(store)
        os.truncate(sst, sst.stat().st_size // 2)
    elif damage == "flip_byte":
        sst = _sst(store)
        data = bytearray(sst.read_bytes())
        data[len(data) // 2] ^= 0xFF
        sst.write_bytes(bytes(data))
    elif damage == "drop_generation":
        import shutil

        shutil.rmtree(_sst(store).parent)
    elif damage == "garbage_record":
        (store / disk_store.RECORD).write_bytes(b"\x00\x01not json")
    elif damage == "empty_record":
        (store / disk_store.RECORD).write_bytes(b"")
    else:
        (store / disk_store.RECORD).unlink()
    for command in ("validate", "facts"):
        result = run(command, store)
        assert result.exit_code == 1, (command, result.output)
        assert "the store is corrupt" in result.output and str(store) in result.output
        assert result.output.count("\n") == 1  # one line, no facts, no "conforms"


def _hold_lock(lock: Path) -> subprocess.Popen:
    """Another process holding a writer lock, as a running build does."""
    code = ("import sys, time; from trialgraph.output import OutputLock; "
            "OutputLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(lock)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.parametrize("kind", ["store", "file", "into"])
def test_a_second_writer_fails_fast_naming_the_holder(built, tmp_path, kind):
    from trialgraph.output import lock_path_for

    if kind == "file":
        target = tmp_path / "g.trig"
        target.write_bytes((built / "graph.trig").read_bytes())
        lock, args = lock_path_for(target), ("-o", target)
    else:
        target = copy_store(built, tmp_path)
        lock, args = target / disk_store.WRITER_LOCK, ("--store" if kind == "store" else "--into", target)
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p != lock}
    holder = _hold_lock(lock)
    try:
        started = time.monotonic()
        result = run("build", EXAMPLES, *args)
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert f"pid {holder.pid}" in result.output and "another trialgraph process" in result.output
    assert elapsed < 1.0  # failed before reading any release
    after = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p != lock}
    assert after == before


def _leftovers(store: Path) -> list[str]:
    record = json.loads((store / disk_store.RECORD).read_text())
    expected = {disk_store.RECORD, disk_store.MARK, record["generation"], disk_store.EXTRACTIONS,
                disk_store.READERS_LOCK}
    names = sorted(p.name for p in store.iterdir() if p.name not in expected)
    entries = {info["entry"] for info in record["extractions"]["releases"].values()}
    names += sorted(p.name for p in (store / disk_store.EXTRACTIONS).iterdir() if p.name not in entries)
    return names


def _timed_build(args) -> float:
    started = time.monotonic()
    process = cli("build", *args)
    _, err = process.communicate()
    assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    return time.monotonic() - started


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killing_a_store_build_at_random_points_leaves_the_previous_store(built, tmp_path, sig):
    import shutil

    previous = quads(built / "store")
    full = tmp_path / "full"
    duration = _timed_build([EXAMPLES, "--store", full])
    complete = quads(full)
    rng = random.Random(20240)
    survived = 0
    for _ in range(KILL_RUNS):
        shutil.rmtree(tmp_path / "store", ignore_errors=True)
        store = copy_store(built, tmp_path)
        process = cli("build", EXAMPLES, "--into", store)
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(sig)
        process.communicate()
        now = quads(store)  # opens, verifies: the store must be whole
        assert now in (previous, complete)
        if now == previous:
            assert json.loads((store / disk_store.RECORD).read_text())["quads"] == len(previous)
        survived += 1
        # the next run succeeds and leaves nothing behind
        assert _timed_build([EXAMPLES, "--into", store]) > 0
        assert quads(store) == complete and _leftovers(store) == []
    assert survived == KILL_RUNS


def test_killing_a_file_build_at_random_points_leaves_the_previous_file(tmp_path):
    out = tmp_path / "out" / "graph.trig"
    assert run("build", *FIRST, "-o", out).exit_code == 0
    previous = out.read_bytes()
    duration = _timed_build([EXAMPLES, "-o", tmp_path / "full.trig"])
    complete = (tmp_path / "full.trig").read_bytes()
    rng = random.Random(7)
    for _ in range(KILL_RUNS):
        out.write_bytes(previous)
        process = cli("build", EXAMPLES, "-o", out)
        time.sleep(rng.uniform(0.05, duration))
        process.kill()
        process.communicate()
        assert out.read_bytes() in (previous, complete)
        assert _timed_build([EXAMPLES, "-o", out]) > 0
        assert out.read_bytes() == complete
        assert sorted(p.name for p in out.parent.iterdir()) == ["graph.trig"]


def test_a_reader_keeps_its_generation_until_it_ends(built, tmp_path):
    store = copy_store(built, tmp_path)
    code = ("import sys, time; from trialgraph.graphsource import load_store; s = load_store(sys.argv[1]); "
            "print(len(s), flush=True); sys.stdin.readline(); print(len(s), flush=True)")
    reader = subprocess.Popen([sys.executable, "-c", code, str(store)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    count = reader.stdout.readline().strip()
    assert run("build", EXAMPLES, "--store", store).exit_code == 0
    assert run("build", *FIRST, "--store", store).exit_code == 0
    out, _ = reader.communicate("go\n")
    assert out.strip() == count  # its generation was not deleted under it
    assert run("build", *FIRST, "--store", store).exit_code == 0
    assert _leftovers(store) == []  # once it ended, old generations go


def test_killing_an_export_at_random_points_leaves_the_previous_file(built, tmp_path):
    out = tmp_path / "out" / "graph.nq"
    out.parent.mkdir()
    started = time.monotonic()
    assert cli("export", built / "store", "-o", tmp_path / "full.nq").wait() == 0
    duration = time.monotonic() - started
    complete = (tmp_path / "full.nq").read_bytes()
    rng = random.Random(11)
    for _ in range(KILL_RUNS):
        out.write_bytes(b"previous\n")
        process = cli("export", built / "store", "-o", out)
        time.sleep(rng.uniform(0.05, duration))
        process.kill()
        process.communicate()
        assert out.read_bytes() in (b"previous\n", complete)
        assert cli("export", built / "store", "-o", out).wait() == 0
        assert out.read_bytes() == complete
        assert sorted(p.name for p in out.parent.iterdir()) == ["graph.nq"]


def test_an_interruption_after_the_switch_keeps_the_cache_the_new_record_names(built, tmp_path, monkeypatch):
    """Ctrl-C while commit() removes the old generation: the record already
    names the new extractions, so they must not be deleted as this run's leftovers."""
    from trialgraph.incremental import build_target

    store = copy_store(built, tmp_path)
    real = disk_store.StoreWriter._delete_leftovers

    def interrupted(self):  # called on opening, and after the switch
        if self.record and len(self.record["extractions"]["releases"]) > 2:
            raise KeyboardInterrupt
        real(self)

    monkeypatch.setattr(disk_store.StoreWriter, "_delete_leftovers", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_target([EXAMPLES], store, add=True)
    monkeypatch.undo()
    record = json.loads((store / disk_store.RECORD).read_text())
    assert len(record["extractions"]["releases"]) == len(list(EXAMPLES.iterdir()))  # the switch happened
    for info in record["extractions"]["releases"].values():
        assert (store / disk_store.EXTRACTIONS / info["entry"]).is_file()
    assert _timed_build([EXAMPLES, "--into", store]) > 0


def _damage_record(record: Path, damage: str) -> None:
    if damage == "fifo":
        record.unlink()
        os.mkfifo(record)
    elif damage == "list":
        record.write_text(json.dumps([json.loads(record.read_text())]))
    elif damage == "nested":
        record.write_bytes(b"[" * 100_000)
    else:
        record.unlink()


@pytest.mark.parametrize("damage", ["missing", "list", "nested", "fifo"])
@pytest.mark.parametrize("how", ["--into", "--store"])
def test_a_build_into_a_store_whose_record_is_damaged_is_refused_not_rebuilt_from_nothing(built, tmp_path, damage,
                                                                                         how):
    """RELIABILITY 30: the earlier releases live only in the generation the
    record named; a build from the new files alone would drop them (exit 0,
    "wrote ... (1 releases)")."""
    store = copy_store(built, tmp_path)
    _damage_record(store / disk_store.RECORD, damage)
    before = sorted(p.relative_to(store) for p in store.rglob("*"))
    process = cli("build", EXAMPLES / "northwind-2022-06-13.txt", how, store)
    try:
        _, err = process.communicate(timeout=60)  # a FIFO read would block here forever
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the build hung on the damaged record")
    lines = err.decode().splitlines()
    assert process.returncode == 1, lines
    assert len(lines) == 1 and lines[0].startswith(f"error: {store}: the store is corrupt: trialgraph-store.json")
    assert sorted(p.relative_to(store) for p in store.rglob("*")) == before


def test_a_first_build_killed_before_its_commit_is_not_a_damaged_store(tmp_path):
    """What a kill during the very first build leaves (a generation and cache
    entries, no record yet) is started over, not refused."""
    store = tmp_path / "store"
    (store / "gen-000001").mkdir(parents=True)
    (store / disk_store.EXTRACTIONS).mkdir()
    assert run("build", *FIRST, "--into", store).exit_code == 0
    assert len(json.loads((store / disk_store.RECORD).read_text())["extractions"]["releases"]) == 2


@pytest.mark.parametrize("damage", ["list", "nested", "fifo"])
def test_a_graph_file_whose_extraction_index_is_damaged_is_refused(tmp_path, damage):
    graph = tmp_path / "g.trig"
    assert run("build", *FIRST, "--into", graph).exit_code == 0
    index = tmp_path / "g.trig.cache" / "index.json"
    _damage_record(index, damage)
    before = graph.read_bytes()
    process = cli("build", EXAMPLES / "northwind-2022-06-13.txt", "--into", graph)
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the build hung on the damaged index")
    lines = err.decode().splitlines()
    assert process.returncode == 1 and len(lines) == 1 and "the extraction cache index is corrupt" in lines[0]
    assert graph.read_bytes() == before
