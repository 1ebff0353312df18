"""The facts table of FACTS.md, produced by the SPARQL queries in
queries/facts/ over a built graph: a triple missing from the graph is a fact
missing from the table."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from rdflib import Literal

from .resources import queries_dir
from .sparql.engines import select

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


def facts(source) -> list[dict]:
    """source: a pyoxigraph Store (the CLI: rdflib took 119 s for 1,000
    releases, pyoxigraph 1.5 s) or an rdflib Dataset; the same rows either way."""
    rows: list[dict] = []
    for kind in KINDS:
        query = (queries_dir() / "facts" / f"{kind}.rq").read_text(encoding="utf-8")
        columns, answers = select(source, query, {})
        for answer in answers:
            values = {column: value for column, value in zip(columns, answer) if value is not None}
            row = {"kind": kind, "doc": str(values["doc"])}
            for field in FIELDS[kind]:
                row[field] = _value(field, values.get(field))
            rows.append(row)
    return sorted(rows, key=lambda r: (r["doc"], KINDS.index(r["kind"]), json.dumps(r, sort_keys=True)))


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_csv(rows: list[dict]) -> str:
    columns = ["kind", "doc"] + sorted({f for fields in FIELDS.values() for f in fields})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("|".join(v) if isinstance(v, list) else v) for k, v in row.items()})
    return buffer.getvalue()
