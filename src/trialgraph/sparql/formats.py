"""A query's answer as text: SPARQL 1.1 Query Results JSON, CSV and TSV
(the W3C result formats), and an aligned table for people."""
from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .params import PREFIXES


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def to_json(table) -> str:
    bindings = [{c: _json_term(v) for c, v in zip(table.columns, row) if v is not None} for row in table.rows]
    document = {"head": {"vars": list(table.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def to_csv(table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, as SPARQL 1.1 CSV asks
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if v is None else str(v) for v in row])
    return buffer.getvalue()


def _tsv_term(term) -> str:
    """SPARQL 1.1 TSV writes terms in Turtle syntax."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def to_tsv(table) -> str:
    lines = ["\t".join(f"?{c}" for c in table.columns)]
    lines += ["\t".join(_tsv_term(v) for v in row) for row in table.rows]
    return "\n".join(lines) + "\n"


def short(term) -> str:
    """A cell as people read it: CURIEs for our IRIs, literals as written."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, full in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(full):
                return f"{prefix}:{text[len(full):]}"
        return text
    if isinstance(term, Literal):
        return " ".join(str(term).split())
    return str(term)


def to_text(table, max_width: int | None = 60, labels: dict | None = None, iri_columns: bool = False) -> str:
    """An aligned table for people. With `labels` (sparql/labels.py), IRIs
    show as what people call them; `iri_columns` adds, after each column
    holding IRIs, a `<column>_iri` column with the CURIE or IRI.
    `max_width` None keeps every cell whole."""
    labels = labels or {}
    columns, picks = [], []
    for index, name in enumerate(table.columns):
        columns.append(name)
        picks.append((index, False))
        if iri_columns and any(isinstance(row[index], URIRef) for row in table.rows):
            columns.append(f"{name}_iri")
            picks.append((index, True))
    cells = [[short(row[i]) if as_iri else labels.get(row[i]) or short(row[i]) for i, as_iri in picks]
             for row in table.rows]
    if max_width is not None:
        cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    def line(values):
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


FORMATS = {"table": to_text, "csv": to_csv, "tsv": to_tsv, "json": to_json}


def render(table, fmt: str) -> str:
    return FORMATS[fmt](table)
