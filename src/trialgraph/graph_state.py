"""What an incremental build keeps of the graph file it wrote, so that adding
100 releases to 10,000 does not re-read, re-emit or re-validate the others.

Beside the extraction cache (`graph.trig.cache/graph-state.json`), per release:
- what resolution reads of it (`resolve_record`: names, tickers, aliases,
  trials and the text), so resolution re-runs without loading extractions;
- for each of its graphs: where its TriG block lies in the graph file, its
  triple count, the triples the rules read and its SHACL problems;
- the resolution lookups its graph made and their fingerprint (emit.py).

A release is reused as it stands when its fingerprint replays the same
against the new resolution; otherwise it is emitted again from its cached
extraction. The state names the SHA-256 of the graph file it describes: if
the file is not that one (a kill between writes, an edit), the state is not
used and the build takes the full path, which is always correct.
JSON, not pickle: it sits beside user outputs and loading a pickle runs code.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from .extraction_cache import FOLDER_FILES, cache_version
from .model import Extraction
from .output import write_atomic

STATE_FILE = FOLDER_FILES[1]
STATE_FORMAT = 1


# ------------------------------------------------------------- what resolve reads

def resolve_record(extraction: Extraction) -> list:
    """The parts of an extraction resolve.py reads, as JSON-ready lists."""
    return [
        extraction.document.doc_id, extraction.release.date, extraction.document.text,
        [[c.name, list(c.short_names), c.ticker, c.evidence.doc_id] for c in extraction.companies],
        [p.name for p in extraction.people],
        [[d.name, [[a.name, a.relation] for a in d.aliases]] for d in extraction.drugs],
        [[t.local_id, t.drug, t.phase, t.indication, t.name] for t in extraction.trials],
    ]


def resolve_view(record: list) -> SimpleNamespace:
    """An Extraction-shaped object holding only what resolve_record kept:
    enough to resolve, not to emit (its graph is reused, or its extraction is
    loaded). Plain namespaces: building frozen dataclasses for 10,000 cached
    releases cost more than resolving them."""
    doc_id, date, text, companies, people, drugs, trials = record
    evidence = SimpleNamespace(doc_id=doc_id)
    return SimpleNamespace(
        document=SimpleNamespace(doc_id=doc_id, text=text),
        release=SimpleNamespace(date=date),
        companies=[SimpleNamespace(name=name, short_names=tuple(shorts), ticker=ticker,
                                   evidence=SimpleNamespace(doc_id=doc)) for name, shorts, ticker, doc in companies],
        people=[SimpleNamespace(name=name, evidence=evidence) for name in people],
        drugs=[SimpleNamespace(name=name, evidence=evidence,
                               aliases=tuple(SimpleNamespace(name=a, relation=r) for a, r in aliases))
               for name, aliases in drugs],
        trials=[SimpleNamespace(local_id=local_id, drug=drug, phase=phase, indication=indication, name=name,
                                evidence=evidence) for local_id, drug, phase, indication, name in trials],
    )


# ------------------------------------------------------------- the state file

@dataclass
class GraphRecord:
    name: str
    offset: int  # of its TriG block in the graph file, bytes
    length: int
    count: int  # triples
    rule_input: str  # "s p o" lines of the triples the rules read (rules.rule_input_of)
    problems: list[str] | None


@dataclass
class ReleaseState:
    resolve: list
    lookups: list
    fingerprint: str
    graphs: list[GraphRecord]


@dataclass
class GraphState:
    releases: dict[str, ReleaseState]
    inferred: str  # "s p o" lines of the inferred graph
    entities: str  # rule input of the entities graph


@lru_cache(maxsize=1)
def definitions_key() -> str:
    """A hash of what the graph depends on besides code: ontology, shapes,
    rules. Editing any of them makes earlier states unusable."""
    from .resources import ontology_path, shapes_path
    from .rules import rule_files

    digest = hashlib.sha256()
    for path in [ontology_path(), shapes_path(), *rule_files()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_state(folder: Path, graph_sha256: str | None) -> GraphState | None:
    """The state of the graph file whose SHA-256 is given, or None when there
    is none, it is unreadable, or it describes another file or code version."""
    path = Path(folder) / STATE_FILE
    if graph_sha256 is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_bytes())
        if (data.get("format") != STATE_FORMAT or data.get("cache_version") != cache_version()
                or data.get("definitions") != definitions_key() or data.get("graph_sha256") != graph_sha256):
            return None
        releases = {doc: ReleaseState(r["resolve"], r["lookups"], r["fingerprint"],
                                      [GraphRecord(**g) for g in r["graphs"]])
                    for doc, r in data["releases"].items()}
        return GraphState(releases, data["inferred"], data["entities"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # the full path rebuilds it


def save_state(folder: Path, state: GraphState, graph_sha256: str) -> None:
    data = {"format": STATE_FORMAT, "cache_version": cache_version(), "definitions": definitions_key(),
            "graph_sha256": graph_sha256, "inferred": state.inferred, "entities": state.entities,
            "releases": {doc: {"resolve": s.resolve, "lookups": s.lookups, "fingerprint": s.fingerprint,
                               "graphs": [vars(g) for g in s.graphs]}
                         for doc, s in sorted(state.releases.items())}}
    write_atomic(Path(folder) / STATE_FILE, json.dumps(data, ensure_ascii=False).encode("utf-8"))
