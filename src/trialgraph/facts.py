"""The facts table of FACTS.md, produced by the SPARQL queries in
queries/facts/ over a built graph: a triple missing from the graph is a fact
missing from the table.

The queries run on whichever engine holds the graph (sparql/engines.py):
pyoxigraph for the CLI, where rdflib took 192 s for 1,000 generated releases;
the answers come back as the same rdflib terms from either engine, so the
table is byte-identical."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from rdflib import Literal

from .resources import queries_dir

KINDS = ("release", "company", "person", "drug", "designation", "trial", "cohort", "result")
FIELDS = {
    "release": ("date", "location"),
    "company": ("name", "ticker", "exchange"),
    "person": ("name", "role", "organization"),
    "drug": ("name", "company", "aliases", "drugbank"),  # drugbank: an extra column (FACTS.md allows them)
    "designation": ("drug", "type", "agency", "indication", "date"),
    "trial": ("drug", "phase", "indication", "name", "design"),
    "cohort": ("drug", "phase", "cohort", "dose", "dose_unit", "regimen"),
    "result": ("drug", "phase", "cohort", "endpoint", "value", "value_high", "unit", "as_of", "comparator"),
}
LISTS = {"aliases", "design"}
NUMBERS = {"dose", "value", "value_high"}


def _value(field: str, term):
    if field in LISTS:
        return sorted({v for v in str(term).split("|") if v}) if term is not None else []
    if term is None:
        return None
    if field == "comparator":
        return bool(term.toPython()) if isinstance(term, Literal) else str(term) == "true"
    if field in NUMBERS:
        number = term.toPython()
        if isinstance(number, Decimal):
            return int(number) if number == number.to_integral_value() else float(number)
        return float(number)
    return str(term)


def _queries() -> dict[str, str]:
    return {kind: (queries_dir() / "facts" / f"{kind}.rq").read_text(encoding="utf-8") for kind in KINDS}


def _rows(source, queries: dict[str, str], progress=None) -> list[dict]:
    from .sparql.engines import select

    rows: list[dict] = []
    for kind in KINDS:
        columns, answers = select(source, queries[kind], {})
        fields = [(field, columns.index(field) if field in columns else None) for field in FIELDS[kind]]
        doc = columns.index("doc")
        for answer in answers:
            row = {"kind": kind, "doc": str(answer[doc])}
            for field, at in fields:
                row[field] = _value(field, answer[at] if at is not None else None)
            rows.append(row)
        if progress is not None:
            progress(kind)
    return rows


def _in_order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["doc"], KINDS.index(r["kind"]), json.dumps(r, sort_keys=True)))


def facts(source, progress=None) -> list[dict]:
    """The table of a pyoxigraph Store or an rdflib Dataset; `progress(kind)`
    is called as each kind's query finishes."""
    return _in_order(_rows(source, _queries(), progress))


def file_facts(path, progress=None, shares: int | None = None) -> list[dict]:
    """The table of a graph file or store folder. A file a build wrote is read
    only for what the queries read, its release graphs in `shares` parallel
    stores (query_subset.py: every row is keyed by its release, so the rows
    of the shares are the rows of the whole); anything else is loaded whole."""
    from .graphfile import open_store
    from .query_subset import answer_by_share, blocks, default_shares

    queries = _queries()
    built = blocks(path)
    if built is not None:
        answers = answer_by_share(built, list(queries.values()), lambda store: _rows(store, queries),
                                  shares or default_shares())
        if answers is not None:
            if progress is not None:
                for kind in KINDS:
                    progress(kind)
            return _in_order([row for share in answers for row in share])
    return facts(open_store(path), progress=progress)


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_csv(rows: list[dict]) -> str:
    columns = ["kind", "doc"] + sorted({f for fields in FIELDS.values() for f in fields})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _csv_cell(value):
    """Lists joined by "|"; booleans as true/false, as in the JSONL and SPARQL CSV."""
    if isinstance(value, list):
        return "|".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
