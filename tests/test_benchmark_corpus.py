"""benchmarks/run.py builds its corpus from the realistic releases by default
(../shared/bench/realistic_corpus.py) and from the generator on request."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _load_run():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # run.py imports generator from its own folder
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUN = _load_run()

FAKE_SCRIPT = '''
import pathlib, sys
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True)
for i in range(n):
    (out / f"r{i:06d}.txt").write_text(f"release {i} of {n}", encoding="utf-8")
'''


def _fake_shared(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    (shared / "bench").mkdir(parents=True)
    (shared / "bench" / "realistic_corpus.py").write_text(FAKE_SCRIPT, encoding="utf-8")
    return shared


def test_realistic_is_the_default_corpus(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(RUN, "corpus", lambda kind, n, work, shared: seen.append(kind) or (_ for _ in ()).throw(
        SystemExit("stop")))
    monkeypatch.setattr(sys, "argv", ["run.py", "--releases", "3", "--work", str(tmp_path)])
    with pytest.raises(SystemExit):
        RUN.main()
    assert seen == ["realistic"]


def test_realistic_corpus_comes_from_the_shared_script(tmp_path):
    folder = RUN.corpus("realistic", 4, tmp_path / "work", _fake_shared(tmp_path))
    assert sorted(p.name for p in folder.iterdir()) == [f"r00000{i}.txt" for i in range(4)]
    assert (folder / "r000003.txt").read_text(encoding="utf-8") == "release 3 of 4"
    assert not folder.with_name(folder.name + ".partial").exists()


def test_added_releases_get_ids_apart_from_the_corpus(tmp_path):
    extra = tmp_path / "extra"
    RUN.write_corpus("realistic", 2, extra, _fake_shared(tmp_path), prefix="extra")
    assert sorted(p.name for p in extra.iterdir()) == ["extra-r000000.txt", "extra-r000001.txt"]


def test_synthetic_corpus_comes_from_the_generator(tmp_path):
    folder = RUN.corpus("synthetic", 3, tmp_path / "work", tmp_path / "no-shared")
    assert len(list(folder.iterdir())) == 3
    assert folder.name == "synthetic-releases-3"


def test_missing_shared_script_is_one_clear_line(tmp_path):
    with pytest.raises(SystemExit) as stopped:
        RUN.corpus("realistic", 3, tmp_path / "work", tmp_path / "nowhere")
    assert "realistic_corpus.py: not found" in str(stopped.value)
    assert not (tmp_path / "work" / "realistic-releases-3").exists()


@pytest.mark.skipif(not (SHARED / "bench" / "realistic_corpus.py").is_file(), reason="no ../shared")
def test_real_realistic_corpus_is_deterministic(tmp_path):
    first = RUN.corpus("realistic", 3, tmp_path / "a", SHARED)
    again = RUN.corpus("realistic", 3, tmp_path / "b", SHARED)
    texts = [p.read_bytes() for p in sorted(first.iterdir())]
    assert texts == [p.read_bytes() for p in sorted(again.iterdir())] and all(len(t) > 1000 for t in texts)


def test_commands_a_user_runs_are_timed_on_the_built_graph(tmp_path, shared):
    from click.testing import CliRunner

    from trialgraph.cli import main

    graph = tmp_path / "g.trig"
    built = CliRunner().invoke(main, ["build", str(shared / "corpus" / "seeds"), "-o", str(graph), "-q"])
    assert built.exit_code in (0, 1), built.output
    timed = RUN.time_commands(graph, tmp_path)
    assert list(timed) == ["facts", "validate", "export -o x.nq", "viz -o map.html"]
    assert all(isinstance(v, dict) and v["s"] > 0 and v["cpu_s"] > 0 and v["rss_mb"] > 10 for v in timed.values()), timed
    assert (tmp_path / "export.nq").stat().st_size > 0 and (tmp_path / "map.html").stat().st_size > 0
    table = RUN.table([{"n": 2, "ours": "skipped", "naive": "skipped", "commands": timed}], 2)
    assert "`facts` s (CPU s) / MB" in table and f"| 2 | {timed['facts']['s']} ({timed['facts']['cpu_s']}) / " in table
