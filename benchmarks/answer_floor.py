"""How fast a saved query's answer can be read back at all, however it is computed.

    python benchmarks/answer_floor.py GRAPH.trig QUERY [QUERY...]

Runs each saved query (no parameters) on the graph, loads its answer alone
into an empty store (one node per row, one triple per bound cell), and times
the simplest query that reads the table back: in the store (rows iterated),
and through `engines.select` as `trialgraph.queries.run` does (rows turned
into rdflib terms). A precomputed answer can do no better than this, so a
p50 target under these figures cannot be met by rewriting or materialising.
CPU ms, median of 7 runs.
"""
from __future__ import annotations

import statistics
import sys
import time

import pyoxigraph as ox

from trialgraph.queries import load, run
from trialgraph.sparql import engines
from trialgraph.sparql.engines import to_oxigraph

ROW = "urn:floor:row/"
COLUMN = "urn:floor:column/"


def median_ms(work, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return round(statistics.median(times) * 1000, 1)


def table_store(columns: list[str], rows: list) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"{ROW}{i}"), ox.NamedNode(COLUMN + column), to_oxigraph(value))
                 for i, row in enumerate(rows) for column, value in zip(columns, row) if value is not None)
    return store


def floor_query(answer) -> tuple[ox.Store, str]:
    """The answer (a trialgraph.queries Table) alone in a store, and the
    simplest query that reads it back."""
    columns = [str(c) for c in answer.columns]
    table = table_store(columns, answer.rows)
    always = [i for i in range(len(columns)) if all(row[i] is not None for row in answer.rows)]
    star = " ; ".join(f"<{COLUMN}{columns[i]}> ?c{i}" for i in always)
    text = ("SELECT * WHERE { " + (f"?row {star} . " if star else "?row ?any ?value . ")
            + " ".join(f"OPTIONAL {{ ?row <{COLUMN}{c}> ?c{i} }}" for i, c in enumerate(columns) if i not in always)
            + " }")
    return table, text


def main(graph: str, names: list[str]) -> None:
    store = ox.Store()
    store.bulk_load(path=graph, format=ox.RdfFormat.TRIG)
    print("| query | rows x columns | table in the store, ms | through engines.select, ms |")
    print("|---|---|---|---|")
    for name in names:
        answer = run(load(name), store, {}, deadline=None)
        columns = [str(c) for c in answer.columns]
        table, text = floor_query(answer)

        def iterate() -> None:
            for _ in table.query(text):
                pass

        store_ms = median_ms(iterate)
        select_ms = median_ms(lambda: engines.select(table, text, {}, None))
        print(f"| {name} | {len(answer.rows):,} x {len(columns)} | {store_ms} | {select_ms} |", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
