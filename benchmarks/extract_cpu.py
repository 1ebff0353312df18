"""CPU time of cold extraction per release, one folder of releases at a time.

    python benchmarks/extract_cpu.py FOLDER [FOLDER ...] [--repeat N]

Each folder is extracted on one core (pipeline.extract_files, workers=1) in a
fresh process: the per-text memos (extractors/memo.py) and the sentence cache
start empty, as they do in a build, so a folder of repeated releases is not
timed warm. The lexicons and patterns are loaded first, on an invented release,
so their one-off loading is not counted. Prints CPU-ms per release (process
time, which load from other processes inflates less than wall time; still,
compare runs made under the same load), the best of --repeat fresh processes.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WARM_UP = """Zentrix Bio Announces First Patient Dosed in Phase 2 Trial of ZX-101

BOSTON, March 3, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (Nasdaq: ZTRX) today announced that the first
patient was dosed in its Phase 2 ORBIT trial of ZX-101 in adults with moderate-to-severe plaque psoriasis.
"We are pleased," said Dr. Mara Okonkwo, Chief Medical Officer of Zentrix Bio.
"""


def _time_folder(folder: str) -> float:
    """Runs in the child process: CPU-ms per release of one cold pass over `folder`."""
    from trialgraph import pipeline

    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "warm-up.txt").write_text(WARM_UP, encoding="utf-8")
        pipeline.extract_files(pipeline.collect([Path(scratch)]).files, workers=1)
    files = pipeline.collect([Path(folder)]).files
    start = time.process_time()
    pipeline.extract_files(files, workers=1)
    return 1000 * (time.process_time() - start) / max(1, len(files))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes per folder; the best is shown")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(_time_folder(args.folders[0]))
        return
    for folder in args.folders:
        runs = [float(subprocess.run([sys.executable, __file__, "--child", folder], check=True,
                                     capture_output=True, text=True).stdout)
                for _ in range(args.repeat)]
        print(f"{folder}: {min(runs):.2f} CPU-ms per release (best of {len(runs)})")


if __name__ == "__main__":
    main()
