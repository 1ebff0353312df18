"""Run every atheris target for a bounded time, seeded with ../shared/corpus.

    .venv/bin/python fuzz/run.py --seconds 20 [--summary out.json] [--keep DIR]

Seeds per format: text <- the corpus .txt files and tests/data/formats/txt;
html <- tests/data/formats/html and each corpus release wrapped in a page;
pdf <- tests/data/formats/pdf and hostile/ (the full bomb left out: it costs
seconds per run). Prints one line per target (runs, crashes) and a JSON
summary; exits 1 if any target crashed, leaving the crashing inputs in the
artifact folder (copy them into tests/data/fuzz/<format>/ as regression
inputs: tests/test_properties.py replays that folder). "slow units" (over
10 s) are counted, not failures: a build's per-release time limit reports them.
tests/test_properties.py runs this with a short budget on every test run.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "corpus"
FORMATS = ROOT / "tests" / "data" / "formats"
_DONE = re.compile(r"Done (\d+) runs in")
_STAT = re.compile(r"#(\d+)\s")


def seed(fmt: str, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    corpus = sorted(SHARED.glob("*/*.txt")) if SHARED.is_dir() else []
    sources: list[tuple[str, bytes]] = []
    if fmt == "text":
        sources += [(p.name, p.read_bytes()) for p in corpus + sorted((FORMATS / "txt").glob("*.txt"))]
    elif fmt == "html":
        sources += [(p.name, p.read_bytes()) for p in sorted((FORMATS / "html").glob("*.html"))]
        for p in corpus:
            paragraphs = p.read_text(encoding="utf-8", errors="replace").split("\n\n")
            body = "\n".join(f"<p>{html.escape(par)}</p>" for par in paragraphs)
            sources.append((p.stem + ".html", f"<!DOCTYPE html><html><body><article>{body}</article></body></html>".encode()))
    else:
        pdfs = sorted((FORMATS / "pdf").glob("*.pdf")) + sorted((FORMATS / "hostile").glob("*.pdf"))
        sources += [(p.name, p.read_bytes()) for p in pdfs if p.name != "bomb.pdf"]
    for name, data in sources:
        (folder / name).write_bytes(data)
    return len(sources)


def run_target(fmt: str, seconds: int, work: Path) -> dict:
    corpus = work / f"corpus-{fmt}"
    artifacts = work / f"artifacts-{fmt}"
    artifacts.mkdir(parents=True, exist_ok=True)
    seeds = seed(fmt, corpus)
    command = [sys.executable, str(HERE / f"fuzz_{fmt}.py"), str(corpus),
               f"-max_total_time={seconds}", "-timeout=60", "-rss_limit_mb=3072", "-max_len=200000",
               f"-artifact_prefix={artifacts}/", "-print_final_stats=1"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=seconds * 3 + 300, cwd=ROOT)
    output = proc.stdout + proc.stderr
    done = _DONE.findall(output)
    runs = int(done[-1]) if done else max([int(n) for n in _STAT.findall(output)] or [0])
    # crash-, timeout-, oom-, leak-: failures; slow-unit-: over 10 s, which a
    # build's per-release time limit reports (kept as a figure, not a failure)
    found = sorted(p.name for p in artifacts.iterdir())
    crashes = [name for name in found if not name.startswith("slow-unit-")]
    return {"format": fmt, "seeds": seeds, "runs": runs, "crashes": len(crashes), "artifacts": found,
            "slow": len(found) - len(crashes),
            "exit": proc.returncode, "tail": output.strip().splitlines()[-12:] if crashes or proc.returncode else []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="per target")
    parser.add_argument("--formats", default="text,html,pdf")
    parser.add_argument("--summary", type=Path, help="write the JSON summary here")
    parser.add_argument("--keep", type=Path, help="work folder to keep (corpora, artifacts)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="trialgraph-fuzz-"))
    results = []
    try:
        for fmt in args.formats.split(","):
            result = run_target(fmt, args.seconds, work)
            results.append(result)
            print(f"{fmt}: {result['runs']} runs from {result['seeds']} seeds, {result['crashes']} crashes, "
                  f"{result['slow']} slow units", flush=True)
            for line in result["tail"]:
                print(f"  {line}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    summary = {"runs": sum(r["runs"] for r in results), "crashes": sum(r["crashes"] for r in results),
               "targets": results}
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(json.dumps({"runs": summary["runs"], "crashes": summary["crashes"]}))
    failed = summary["crashes"] or any(r["exit"] not in (0,) for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
