"""Benchmark trialgraph on realistic or generated corpora; prints one Markdown table.

    python benchmarks/run.py --releases 1000,10000,100000 [--workers N] [--naive-upto 10000]
                             [--corpus realistic|synthetic] [--shared ../shared]

For each size: write the releases (by default ../shared/bench/realistic_corpus.py:
the shared releases with gold, names replaced; `--corpus synthetic` for
benchmarks/generator.py), cached in --work, then in fresh processes (so peak RSS belongs to one run):
  ours   extract (all workers) -> resolve -> emit (+rules) -> validate -> write TriG
  naive  same extraction on one core -> one in-memory rdflib Graph ->
         whole-graph pySHACL -> rdflib Turtle
then time every saved query (trialgraph.queries.catalogue()) on the TriG in
pyoxigraph, the commands a user runs on the graph (facts, validate, export to
N-Quads, viz), and `build --into` of 100 more releases if the CLI has it.
Peak RSS is the high-water mark so far in the run (main process or the
largest worker), so it only grows from stage to stage.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
STAGES = ("extract", "resolve", "emit", "validate", "write")


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _cpu_s() -> float:
    """CPU seconds of this process and its finished workers: unlike wall time,
    barely moved by other jobs sharing the machine."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    def __init__(self):
        self.stages: dict[str, dict] = {}
        self.start = time.perf_counter()
        self.cpu = _cpu_s()
        self._cpu = self.cpu

    def lap(self, name: str, started: float) -> None:
        cpu = _cpu_s()
        self.stages[name] = {"s": round(time.perf_counter() - started, 2), "rss_mb": round(_peak_mb()),
                             "cpu_s": round(cpu - self._cpu, 2)}
        self._cpu = cpu

    def total(self) -> dict:
        return {"s": round(time.perf_counter() - self.start, 2), "rss_mb": round(_peak_mb()),
                "cpu_s": round(_cpu_s() - self.cpu, 2)}


def child_ours(folder: Path, out: Path, workers: int) -> dict:
    from trialgraph import pipeline
    from trialgraph.output import write_atomic
    from trialgraph.resolve import resolve

    clock = Clock()
    t = time.perf_counter()
    files, rejected = pipeline.collect([folder])
    extracted = pipeline.extract_files(files, workers=workers)
    clock.lap("extract", t)
    t = time.perf_counter()
    resolution = resolve(extracted.extractions)
    clock.lap("resolve", t)
    rules_s = []
    if hasattr(pipeline, "materialise_rules"):  # time the rules inside assemble on their own
        real = pipeline.materialise_rules

        def timed(quads):
            started = time.perf_counter()
            real(quads)
            rules_s.append(round(time.perf_counter() - started, 2))
        pipeline.materialise_rules = timed
    t = time.perf_counter()
    # as `trialgraph build -o x.trig` does: release graphs kept as TriG blocks, the file written in pieces
    as_cli = {"keep_triples": False} if "keep_triples" in inspect.signature(pipeline.assemble).parameters else {}
    assembly = pipeline.assemble(extracted.extractions, resolution, workers=workers, **as_cli)
    clock.lap("emit", t)  # with several workers this includes validating the release graphs
    clock.stages["emit"]["rules_s"] = sum(rules_s)
    t = time.perf_counter()
    report = pipeline.validate_assembly(assembly, workers=workers)
    clock.lap("validate", t)
    t = time.perf_counter()
    write_atomic(out, pipeline.serialize_parts(assembly, "trig") if hasattr(pipeline, "serialize_parts")
                 else pipeline.serialize_trig(assembly))
    clock.lap("write", t)
    return {"releases": len(extracted.extractions), "triples": len(assembly.quads), "conforms": report.conforms,
            "problems": report.problems[:3], "stages": clock.stages, "total": clock.total()}


def child_naive(folder: Path, out: Path) -> dict:
    import pyshacl
    from rdflib import Graph

    from trialgraph import pipeline, rdf
    from trialgraph.resolve import resolve
    from trialgraph.validate import shapes

    clock = Clock()
    t = time.perf_counter()
    files, _ = pipeline.collect([folder])
    extracted = pipeline.extract_files(files, workers=1)
    clock.lap("extract", t)
    t = time.perf_counter()
    resolution = resolve(extracted.extractions)
    clock.lap("resolve", t)
    t = time.perf_counter()
    graph = Graph()

    class OneGraph:  # every named graph goes into the one in-memory Graph
        def graph(self, _name):
            return graph

        def bind(self, prefix, namespace):
            graph.bind(prefix, namespace)

    rdf.emit_ontology(OneGraph())
    rdf.emit_entities(OneGraph(), resolution)
    for extraction in sorted(extracted.extractions, key=lambda e: e.document.doc_id):
        rdf.emit_release(OneGraph(), extraction, resolution)
    clock.lap("emit", t)
    t = time.perf_counter()
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none", advanced=True)
    clock.lap("validate", t)
    t = time.perf_counter()
    out.write_bytes(graph.serialize(format="turtle").encode("utf-8"))
    clock.lap("write", t)
    return {"releases": len(extracted.extractions), "triples": len(graph), "conforms": conforms,
            "stages": clock.stages, "total": clock.total()}


def _child(kind: str, folder: Path, out: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--child", kind, str(folder), str(out), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


SCOPES = ("drug", "company", "entity", "iri")  # a query bound to one of these reads one drug's or company's part


def time_queries(trig: Path, repeat: int) -> dict[str, tuple | str]:
    """p50 / p95 wall ms of every saved query on the graph loaded once, as
    `trialgraph serve` runs them (the store frozen: one query process holds
    the graph, a pipe round trip per query, no fork); a one-shot `trialgraph
    query` adds starting Python and loading the graph (the `facts` row shows
    what loading costs). Whole-corpus answers also get their floor
    (answer_floor.py): the median wall ms of reading that answer back from a
    store holding it alone, through the same conversion to rdflib terms."""
    try:
        from trialgraph.queries import catalogue, frozen, run
        from trialgraph.sparql import engines
    except ImportError:
        return {}
    import pyoxigraph

    import answer_floor

    store = pyoxigraph.Store()
    store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    out: dict = {}
    examples = _example_params(store)
    with frozen(store):
        for query in catalogue():
            params = {p.name: examples[p.type] for p in query.params if p.required and p.type in examples}
            variants = [(query.name, params)]
            # A query that lists the whole corpus unless narrowed: also time it as an
            # analyst runs it, for one drug or company.
            focus = {p.name: examples[p.type] for p in query.params
                     if not p.required and p.type in ("drug", "company", "entity") and p.type in examples}
            if focus:
                variants.append((f"{query.name} ({', '.join(sorted(focus))})", {**params, **focus}))
            types = {p.name: p.type for p in query.params}
            for name, values in variants:
                times = []
                try:
                    for _ in range(repeat):
                        t = time.perf_counter()
                        answer = run(query, store, values, deadline=None)
                        times.append((time.perf_counter() - t) * 1000)
                except Exception as error:  # a query needing parameters: say so in the table
                    out[name] = f"not run: {str(error).splitlines()[0][:60]}"
                    continue
                times.sort()
                floor = None
                if not any(types[p] in SCOPES for p in values):
                    table, text = answer_floor.floor_query(answer)
                    floor = _median_ms(lambda: engines.select(table, text, {}, None), repeat)
                out[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], floor)
    return out


def _median_ms(work, repeat: int) -> float:
    times = []
    for _ in range(max(repeat, 3)):
        t = time.perf_counter()
        work()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def _example_params(store) -> dict[str, str]:
    """Values for required parameters: the most reported drug, the most
    frequent issuer, ORR: the queries an analyst would run first."""
    tg = "https://w3id.org/trialgraph/ontology#"

    def top(predicate: str) -> str | None:
        rows = list(store.query(f"SELECT ?o (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{tg}{predicate}> ?o }} }} "
                                "GROUP BY ?o ORDER BY DESC(?n) STR(?o) LIMIT 1"))
        return rows[0]["o"].value if rows else None

    drug, company = top("aboutDrug"), top("issuer")
    values = {"drug": drug, "entity": drug, "iri": drug, "company": company, "endpoint": f"{tg}Endpoint_ORR",
              "cohort": top("cohort"), "date": "2020-01-01", "number": "1", "string": "Phase"}
    return {k: v for k, v in values.items() if v is not None}


def time_incremental(folder: Path, work: Path, n: int, kind: str, shared: Path) -> float | str:
    cli = [sys.executable, "-m", "trialgraph.cli", "build"]
    if "--into" not in subprocess.run(cli + ["--help"], capture_output=True, text=True, cwd=ROOT).stdout:
        return "no build --into"
    extra = work / f"{kind}-extra-100-for-{n}"
    if not extra.exists():
        write_corpus(kind, 100, extra, shared, seed=10_000 + n, prefix="extra")
    target = work / f"{kind}-incremental-{n}" / "graph.trig"
    if not target.exists():
        first = subprocess.run(cli + [str(folder), "--into", str(target), "-q"], capture_output=True, cwd=ROOT)
        if first.returncode not in (0, 1):
            return f"first build failed ({first.returncode})"
    t = time.perf_counter()
    done = subprocess.run(cli + [str(extra), "--into", str(target), "-q"], capture_output=True, cwd=ROOT)
    took = time.perf_counter() - t
    subprocess.run(["rm", "-rf", str(target.parent)])  # the next run starts from the 10k graph again
    return round(took, 2) if done.returncode in (0, 1) else f"failed ({done.returncode})"


CORPORA = ("realistic", "synthetic")


def write_corpus(kind: str, n: int, folder: Path, shared: Path, seed: int = 0, prefix: str = "") -> None:
    """N releases into folder; `prefix` keeps added releases' ids apart from the corpus's."""
    if kind == "synthetic":
        import generator

        generator.write(n, folder, seed=seed, prefix=prefix)
        return
    script = shared / "bench" / "realistic_corpus.py"
    if not script.is_file():
        raise SystemExit(f"{script}: not found; give the shared folder with --shared, or use --corpus synthetic")
    # The script is deterministic for a given N and names files r000000.txt ...;
    # written aside and renamed so a partial run never looks like a finished corpus.
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    done = subprocess.run([sys.executable, str(script), str(n), str(staging), "--shared", str(shared)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{script}: failed ({done.returncode}):\n{done.stderr[-2000:]}")
    if prefix:
        for path in sorted(staging.iterdir()):
            path.rename(path.with_name(f"{prefix}-{path.name}"))
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


# What issue 17 asks of each command on 10,000 realistic releases, wall seconds.
COMMAND_TARGETS = {"facts": 10, "validate": 30, "export -o x.nq": 10, "viz -o map.html": 20}


def _timed_cli(arguments: list[str]) -> dict | str:
    """A fresh CLI process: wall s, its CPU s and peak RSS MB (the process
    and the workers it waited for)."""
    command = [sys.executable, "-m", "trialgraph.cli", *arguments]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own CPU and peak RSS
    took = time.perf_counter() - started
    code = child.returncode = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: the graph does not conform, still an answer
        return f"failed ({code})"
    return {"s": round(took, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(usage.ru_maxrss / 1024)}


def time_commands(trig: Path, work: Path) -> dict[str, dict | str]:
    """What a user runs on the built graph, each in a fresh CLI process
    (Python start and loading the graph included): wall s, CPU s, peak RSS MB.
    Run before this process loads a graph itself: a forked child's peak RSS
    starts at its parent's."""
    outputs = {"facts": [], "validate": [], "export -o x.nq": ["-o", str(work / "export.nq")],
               "viz -o map.html": ["-o", str(work / "map.html")]}
    return {label: _timed_cli([label.split()[0], str(trig), *extra]) for label, extra in outputs.items()}


def time_builds(folder: Path, work: Path, n: int, kind: str) -> dict[str, dict | str]:
    """`build -o` and `build -o --low-memory` (lowmem.py) of the same
    releases, each a fresh CLI process: wall s, CPU s, peak RSS MB."""
    out = {}
    for label, extra in (("build -o", []), ("build -o --low-memory", ["--low-memory"])):
        target = work / f"{kind}-memory-{n}.trig"
        out[label] = _timed_cli(["build", str(folder), "-o", str(target), "-q", *extra])
        target.unlink(missing_ok=True)
    return out


def corpus(kind: str, n: int, work: Path, shared: Path) -> Path:
    folder = work / f"{kind}-releases-{n}"
    if not (folder.exists() and len(list(folder.iterdir())) == n):
        write_corpus(kind, n, folder, shared)
    return folder


def machine() -> str:
    with open("/proc/meminfo") as handle:
        mem_kb = int(handle.readline().split()[1])
    return (f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {mem_kb / 1024 / 1024:.0f} GB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
            f"load average {os.getloadavg()[0]:.1f} at start")


def table(rows: list[dict], workers: int) -> str:
    lines = ["| releases | path | triples | " + " | ".join(f"{s} s / MB" for s in STAGES)
             + " | end to end s | CPU s | peak RSS MB | releases/s/core | naive ÷ ours (wall) | naive ÷ ours (CPU) |",
             "|---|---|---|" + "---|" * len(STAGES) + "---|---|---|---|---|---|"]
    for row in rows:
        for path in ("ours", "naive"):
            result = row.get(path)
            if not isinstance(result, dict):
                lines.append(f"| {row['n']} | {path} | {result or 'skipped'} |" + " |" * (len(STAGES) + 6))
                continue
            cores = workers if path == "ours" else 1
            cells = []
            for stage in STAGES:
                cell = result["stages"][stage]
                rules = f" (rules {cell['rules_s']})" if cell.get("rules_s") else ""
                cells.append(f"{cell['s']}{rules} / {cell['rss_mb']}")
            stages = " | ".join(cells)
            ratio = cpu_ratio = ""
            if path == "ours" and isinstance(row.get("naive"), dict):
                ratio = f"{row['naive']['total']['s'] / result['total']['s']:.1f}×"
                if result["total"].get("cpu_s") and row["naive"]["total"].get("cpu_s"):
                    cpu_ratio = f"{row['naive']['total']['cpu_s'] / result['total']['cpu_s']:.1f}×"
            lines.append(f"| {row['n']} | {path} ({cores} core{'s' if cores > 1 else ''}) | {result['triples']} | "
                         f"{stages} | {result['total']['s']} | {result['total'].get('cpu_s', '')} | "
                         f"{result['total']['rss_mb']} | "
                         f"{result['releases'] / result['total']['s'] / cores:.0f} | {ratio} | {cpu_ratio} |")
    out = ["\n".join(lines), ""]
    queries = sorted({q for row in rows for q in row.get("queries", {})})
    if queries:
        sizes = [row["n"] for row in rows]
        out.append("| saved query (target: scoped p50 ≤ 50 ms; whole corpus ≤ 2× its answer's floor) | "
                   + " | ".join(f"p50 / p95 ms at {n} (floor ms)" for n in sizes) + " |")
        out.append("|---|" + "---|" * len(sizes))
        for name in queries:
            cells = []
            for row in rows:
                value = row.get("queries", {}).get(name)
                if isinstance(value, tuple):
                    floor = value[2] if len(value) > 2 else None
                    cells.append(f"{value[0]:.1f} / {value[1]:.1f}" + (f" ({floor})" if floor is not None else ""))
                else:
                    cells.append(str(value or ""))
            out.append(f"| {name} | " + " | ".join(cells) + " |")
        out.append("")
    for key, targets in (("commands", COMMAND_TARGETS), ("builds", {})):
        found = [label for row in rows for label in row.get(key, {})]
        if not found:
            continue
        labels = list(dict.fromkeys(found))
        out.append("| releases | " + " | ".join(
            f"`{label}` s (CPU s) / MB" + (f", ≤ {targets[label]} s at 10,000" if label in targets else "")
            for label in labels) + " |")
        out.append("|---|" + "---|" * len(labels))
        for row in rows:
            cells = []
            for label in labels:
                value = row.get(key, {}).get(label, "skipped")
                cells.append(f"{value['s']} ({value['cpu_s']}) / {value['rss_mb']}" if isinstance(value, dict)
                             else str(value))
            out.append(f"| {row['n']} | " + " | ".join(cells) + " |")
        out.append("")
    out.append("| releases | build --into of 100 more releases, s |")
    out.append("|---|---|")
    for row in rows:
        out.append(f"| {row['n']} | {row.get('incremental', 'skipped')} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description="trialgraph benchmark")
    parser.add_argument("--releases", default="1000,10000")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--naive-upto", type=int, default=10000, help="skip the naive path above this size")
    parser.add_argument("--incremental-upto", type=int, default=10000)
    parser.add_argument("--commands-upto", type=int, default=10000,
                        help="time facts, validate, export and viz on the graph up to this size")
    parser.add_argument("--memory-upto", type=int, default=10000,
                        help="also build with --low-memory (and again without, in a CLI process) up to this size")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each saved query")
    parser.add_argument("--work", type=Path, default=Path("/tmp/trialgraph-bench"))
    parser.add_argument("--corpus", choices=CORPORA, default="realistic",
                        help="realistic: ../shared/bench/realistic_corpus.py; synthetic: benchmarks/generator.py")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding bench/realistic_corpus.py and its corpora")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--table-from", type=Path, help="print the table from the JSON lines a run wrote to stderr")
    args = parser.parse_args()
    if args.child:
        kind, folder, out, workers = args.child
        result = child_ours(Path(folder), Path(out), int(workers)) if kind == "ours" else \
            child_naive(Path(folder), Path(out))
        print(json.dumps(result))
        return
    if args.table_from:
        rows: dict[int, dict] = {}
        for line in args.table_from.read_text().splitlines():
            if line.startswith("{"):
                part = json.loads(line)
                for key, value in part.items():
                    if key == "queries":
                        value = {q: tuple(v) if isinstance(v, list) else v for q, v in value.items()}
                    rows.setdefault(part["n"], {"n": part["n"]})[key] = value
        print(table(list(rows.values()), args.workers))
        return
    print(machine() + f", {args.corpus} corpus", file=sys.stderr)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in (int(x) for x in args.releases.split(",")):
        folder = corpus(args.corpus, n, args.work, args.shared)
        row = {"n": n}
        print(f"{n}: ours ...", file=sys.stderr, flush=True)
        row["ours"] = _child("ours", folder, args.work / f"{args.corpus}-ours-{n}.trig", args.workers)
        print(json.dumps({"n": n, "ours": row["ours"]}), file=sys.stderr, flush=True)
        if n <= args.commands_upto:
            print(f"{n}: commands ...", file=sys.stderr, flush=True)
            row["commands"] = time_commands(args.work / f"{args.corpus}-ours-{n}.trig", args.work)
            print(json.dumps({"n": n, "commands": row["commands"]}), file=sys.stderr, flush=True)
        if n <= args.memory_upto:
            print(f"{n}: build memory ...", file=sys.stderr, flush=True)
            row["builds"] = time_builds(folder, args.work, n, args.corpus)
            print(json.dumps({"n": n, "builds": row["builds"]}), file=sys.stderr, flush=True)
        row["queries"] = time_queries(args.work / f"{args.corpus}-ours-{n}.trig", args.repeat)
        print(json.dumps({"n": n, "queries": row["queries"]}), file=sys.stderr, flush=True)
        if n <= args.naive_upto:
            print(f"{n}: naive ...", file=sys.stderr, flush=True)
            row["naive"] = _child("naive", folder, args.work / f"{args.corpus}-naive-{n}.ttl", 1)
            print(json.dumps({"n": n, "naive": row["naive"]}), file=sys.stderr, flush=True)
        else:
            row["naive"] = f"skipped above {args.naive_upto} releases"
        if n <= args.incremental_upto:
            print(f"{n}: incremental ...", file=sys.stderr, flush=True)
            row["incremental"] = time_incremental(folder, args.work, n, args.corpus, args.shared)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    print(table(rows, args.workers))


if __name__ == "__main__":
    main()
