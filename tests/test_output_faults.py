"""RELIABILITY 19: an output folder that cannot be written, or a disk that
fills up, gives one clear error (exit 2) and leaves every previous output
byte-identical with no temporary file beside it. Real faults where the
machine allows them (a tiny or read-only tmpfs, as root), injected ones
(ENOSPC, EACCES from the system calls) everywhere."""
from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIRST = [EXAMPLES / "bluefin-2023-03-03.txt", EXAMPLES / "northwind-2021-03-04.txt"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def tmpfs(tmp_path):
    """Mount a tmpfs of a given size (KiB); skipped where mounting is not allowed."""
    mounted = []

    def mount(name: str, kib: int, *options: str) -> Path:
        point = tmp_path / name
        point.mkdir(exist_ok=True)
        opts = ",".join((f"size={kib}k", *options))
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(point)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)


def test_disk_full_on_a_graph_file_keeps_the_previous_file(tmpfs):
    disk = tmpfs("small", 100)  # the two-release graph (~70 KB) fits, the five-release one does not
    out = disk / "graph.trig"
    assert run("build", *FIRST, "-o", out).exit_code == 0
    before = snapshot(disk)
    result = run("build", EXAMPLES, "-o", out)
    assert result.exit_code == 2
    assert "No space left on device" in result.output and str(out) in result.output
    assert result.output.count("\n") == 1
    assert snapshot(disk) == before


@pytest.mark.parametrize("flag", ["--store", "--into"])
def test_disk_full_while_loading_a_store_keeps_the_previous_store(tmpfs, flag):
    disk = tmpfs("small", 900)  # a two-release store is ~520 KB; a second generation does not fit
    store = disk / "store"
    assert run("build", *FIRST, "--store", store).exit_code == 0
    before = snapshot(disk)
    facts = run("facts", store).output
    result = run("build", EXAMPLES, flag, store)
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and str(store) in result.output
    assert snapshot(disk) == before
    assert run("facts", store).output == facts


@pytest.mark.parametrize("kind", ["file", "store"])
def test_a_read_only_output_folder_is_a_clear_error(tmpfs, kind):
    disk = tmpfs("ro", 2048)
    target = disk / ("graph.trig" if kind == "file" else "store")
    args = ("-o", target) if kind == "file" else ("--store", target)
    assert run("build", *FIRST, *args).exit_code == 0
    before = snapshot(disk)
    _remount_read_only(disk)
    result = run("build", EXAMPLES, *args)
    assert result.exit_code == 2
    assert "Read-only file system" in result.output and str(disk) in result.output
    assert snapshot(disk) == before


def test_an_output_under_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "plain").write_text("a file, not a folder")
    result = run("build", *FIRST, "-o", tmp_path / "plain" / "graph.trig")
    assert result.exit_code == 2 and "cannot create the output folder" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("call", ["fsync", "mkstemp"])
@pytest.mark.parametrize("kind", ["file", "into-file", "store"])
def test_injected_write_failures_keep_every_previous_output(tmp_path, monkeypatch, call, kind):
    target = tmp_path / ("graph.trig" if kind != "store" else "store")
    args = {"file": ("-o", target), "into-file": ("--into", target), "store": ("--store", target)}[kind]
    assert run("build", *FIRST, *args).exit_code == 0
    before = snapshot(tmp_path)
    code, name = (errno.ENOSPC, "No space left on device") if call == "fsync" else (errno.EACCES, "Permission denied")

    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(f"trialgraph.output.{'os.fsync' if call == 'fsync' else 'tempfile.mkstemp'}", refuse)
    result = run("build", EXAMPLES, *args)
    assert result.exit_code == 2, result.output
    assert name in result.output and "Traceback" not in result.output
    monkeypatch.undo()
    after = snapshot(tmp_path)
    # the store's cache may hold entries of releases it was never committed with: unreferenced, then deleted
    assert {k: v for k, v in after.items() if "extractions/" not in k and ".cache/" not in k} == \
        {k: v for k, v in before.items() if "extractions/" not in k and ".cache/" not in k}
    assert run("build", EXAMPLES, *args).exit_code == 0  # and the next run succeeds, leaving no temp file
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_write_atomic_removes_temp_files_of_dead_writers_only(tmp_path):
    """After a kill -9 of any command writing through write_atomic (export
    too), the next write of the same file leaves no temporary file."""
    from trialgraph.output import write_atomic

    killed = subprocess.Popen(["sleep", "0"])
    killed.wait()  # a pid that surely no longer runs
    dead = tmp_path / f".g.nq.{killed.pid}.k9x2_abc.tmp"
    live = tmp_path / f".g.nq.{os.getppid()}.k9x2_abc.tmp"  # a writer still running
    other = tmp_path / f".g.nq.cache.{killed.pid}.k9x2_abc.tmp"  # not this file's
    for path in (dead, live, other):
        path.write_text("partial")
    write_atomic(tmp_path / "g.nq", b"<a> <b> <c> .\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["g.nq", live.name, other.name])


# ------------------------------------------------------- RELIABILITY 32 and issue 15 item 9


def test_an_output_that_is_one_of_the_inputs_is_refused(tmp_path):
    release = tmp_path / "release.nq"  # named explicitly, an input is read whatever its suffix
    release.write_bytes((EXAMPLES / "bluefin-2023-03-03.txt").read_bytes())
    link = tmp_path / "link.nq"
    link.symlink_to(release)
    before = release.read_bytes()
    for output in (release, link):
        result = run("build", release, EXAMPLES / "northwind-2021-03-04.txt", "-o", output)
        assert result.exit_code == 2 and "the output is also an input" in result.output, result.output
    assert release.read_bytes() == before


def test_a_rebuild_keeps_the_permissions_of_the_output_it_replaces(tmp_path):
    out = tmp_path / "private.trig"
    assert run("build", *FIRST, "-o", out).exit_code == 0
    os.chmod(out, 0o600)
    assert run("build", *FIRST, EXAMPLES / "northwind-2022-06-13.txt", "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh.trig"
    old = os.umask(0o022)
    try:
        assert run("build", *FIRST, "-o", fresh).exit_code == 0
    finally:
        os.umask(old)
    assert fresh.stat().st_mode & 0o777 == 0o644


def test_file_names_are_printed_with_control_characters_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b]0;TITLE\x07.txt").write_bytes(b"")  # an OSC sequence: sets the terminal title
    (folder / "red\x1b[31m.txt").write_text("no dateline, no company here\n")
    (folder / "good.txt").write_bytes((EXAMPLES / "bluefin-2023-03-03.txt").read_bytes())
    result = run("build", folder, "-o", tmp_path / "g.trig")
    assert result.exit_code == 3
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "evil\\x1b]0;TITLE\\x07.txt: empty file" in result.output
    assert "red\\x1b[31m.txt: no recognisable release" in result.output


def test_an_output_reached_through_a_symlink_is_locked_as_the_same_output(tmp_path):
    import sys

    from trialgraph.output import lock_path_for

    real = tmp_path / "real" / "graph.trig"
    real.parent.mkdir()
    assert run("build", *FIRST, "-o", real).exit_code == 0
    link = tmp_path / "link.trig"
    link.symlink_to(real)
    assert lock_path_for(link) == lock_path_for(real)
    code = ("import sys, time; from trialgraph.output import OutputLock; "
            "OutputLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(lock_path_for(real))], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = real.read_bytes()
        result = run("build", *FIRST, EXAMPLES / "northwind-2022-06-13.txt", "-o", link)
        assert result.exit_code == 2 and f"(pid {holder.pid}) is writing it" in result.output
        assert real.read_bytes() == before and link.is_symlink()
    finally:
        holder.kill()
        holder.wait()
    assert run("build", *FIRST, EXAMPLES / "northwind-2022-06-13.txt", "-o", link).exit_code == 0
    assert link.is_symlink() and real.read_bytes() != before  # written where the link leads


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_a_graph_file_cut_at_a_graph_boundary_is_reported_not_read_as_fewer_releases(tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    assert run("build", *FIRST, EXAMPLES / "northwind-2022-06-13.txt", "-o", out).exit_code == 0
    data = out.read_bytes()
    boundary = data.rindex(b"\n}\n") + 3 if suffix == ".trig" else data.rindex(b"\n", 0, len(data) // 2) + 1
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[:boundary])
    for command in (["validate", cut], ["facts", cut], ["export", cut, "-o", tmp_path / "e.nq"]):
        result = run(*command)
        assert result.exit_code == 1, (command, result.output)
        assert result.output.splitlines() == [f"error: {cut}: the graph file is cut short: the end line a build "
                                              f"writes is missing (an interrupted copy or download? copy it again "
                                              f"or rebuild it)"]
    assert run("facts", out).exit_code == 0
    exported = tmp_path / "exported.trig"  # a file without the marks (another tool's) is read as it is
    assert run("export", out, "-o", exported).exit_code == 0 and run("facts", exported).exit_code == 0


def test_build_into_a_graph_file_through_a_symlink_uses_the_file_it_leads_to(tmp_path):
    real = tmp_path / "real" / "graph.trig"
    assert run("build", *FIRST, "--into", real).exit_code == 0
    link = tmp_path / "link.trig"
    link.symlink_to(real)
    result = run("build", EXAMPLES / "northwind-2022-06-13.txt", "--into", link)
    assert result.exit_code == 0, result.output
    assert "(1 added, 0 replaced, 2 unchanged)" in result.output
    assert link.is_symlink() and not (tmp_path / "link.trig.cache").exists()
