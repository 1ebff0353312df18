"""What an incremental build keeps of the graph file it wrote, so that adding
100 releases to 10,000 does not re-read, re-emit or re-validate the others.

Beside the extraction cache (`graph.trig.cache/graph-state`), per release:
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
The file is one line of JSON, then the texts it names by byte span (release
texts, rule inputs: 80 MB at 10,000 releases), so that they are sliced rather
than parsed: as one JSON document it took 1.2 s to read and write. JSON, not
pickle: it sits beside user outputs and loading a pickle runs code.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from .extraction_cache import FOLDER_FILES, cache_version
from .model import Extraction
from .output import write_atomic
from .rules import remember_rule_predicates, rule_predicates, solitary_predicates

STATE_FILE = FOLDER_FILES[1]
STATE_FORMAT = 5  # 4: links leave out solitary_predicates(); 5: each trial linked to its graph (rules._IN_GRAPH)


# ------------------------------------------------------------- what resolve reads

def resolve_record(extraction: Extraction) -> list:
    """The parts of an extraction resolve.py reads, as JSON-ready lists. A
    record loaded from the state holds its text (record[2]) as a view of the
    state's UTF-8 (record_text decodes it): resolution reads few of the texts,
    and the view is written back as it is."""
    return [
        extraction.document.doc_id, extraction.release.date, extraction.document.text,
        [[c.name, list(c.short_names), c.ticker, c.evidence.doc_id] for c in extraction.companies],
        [p.name for p in extraction.people],
        [[d.name, [[a.name, a.relation] for a in d.aliases]] for d in extraction.drugs],
        [[t.local_id, t.drug, t.phase, t.indication, t.name] for t in extraction.trials],
    ]


def record_text(record: list) -> str:
    text = record[2]
    return text if isinstance(text, str) else str(text, "utf-8")


class _RecordDocument:
    """doc_id and text of a resolve record; a text held as UTF-8 is decoded on first use."""

    __slots__ = ("doc_id", "_text")

    def __init__(self, doc_id: str, text: str | memoryview):
        self.doc_id, self._text = doc_id, text

    @property
    def text(self) -> str:
        if not isinstance(self._text, str):
            self._text = str(self._text, "utf-8")
        return self._text


def resolve_view(record: list) -> SimpleNamespace:
    """An Extraction-shaped object holding only what resolve_record kept:
    enough to resolve, not to emit (its graph is reused, or its extraction is
    loaded). Plain namespaces: building frozen dataclasses for 10,000 cached
    releases cost more than resolving them."""
    doc_id, date, text, companies, people, drugs, trials = record
    evidence = SimpleNamespace(doc_id=doc_id)
    return SimpleNamespace(
        document=_RecordDocument(doc_id, text),
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
    rule_input: str | memoryview  # "s p o" lines of the triples the rules read (rules.rule_input_of);
    # loaded as a view of the state file's UTF-8: most are only written back
    problems: list[str] | None
    links: str  # rules.rule_input_summary(rule_input)
    subjects: str


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
    words: dict[str, int]  # resolve.word_counts() of every release's text


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


_TEXTS = ("rule_input", "links", "subjects")  # GraphRecord fields kept in the blob, not the JSON line


def load_state(folder: Path, graph_sha256: str | None) -> GraphState | None:
    """The state of the graph file whose SHA-256 is given, or None when there
    is none, it is unreadable, or it describes another file or code version."""
    path = Path(folder) / STATE_FILE
    if graph_sha256 is None or not path.is_file():
        return None
    try:
        data = path.read_bytes()
        end = data.index(b"\n")
        head = json.loads(data[:end])
        blob = memoryview(data)[end + 1:]
        if (head.get("format") != STATE_FORMAT or head.get("cache_version") != cache_version()
                or head.get("definitions") != definitions_key() or head.get("graph_sha256") != graph_sha256
                or head.get("blob") != [len(blob), zlib.crc32(blob)]):
            return None

        def text(span: list[int]) -> str:
            return str(blob[span[0]:span[0] + span[1]], "utf-8")

        releases = {}
        for doc, r in head["releases"].items():
            resolve = r["resolve"]
            start, length = resolve[2]
            resolve[2] = blob[start:start + length]  # the text as UTF-8: decoded only if resolution counts in it
            graphs = []
            for g in r["graphs"]:
                start, length = g["rule_input"]
                g["rule_input"] = blob[start:start + length]
                g["links"], g["subjects"] = text(g["links"]), text(g["subjects"])
                graphs.append(GraphRecord(**g))
            releases[doc] = ReleaseState(resolve, r["lookups"], r["fingerprint"], graphs)
        if head["rule_predicates"] is not None:
            remember_rule_predicates(frozenset(head["rule_predicates"]), frozenset(head["solitary_predicates"]))
        return GraphState(releases, text(head["inferred"]), text(head["entities"]), head["words"])
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None  # the full path rebuilds it


def encode_state(state: GraphState, graph_sha256: str) -> list[bytes]:
    """The state file's bytes, in pieces (write_state)."""
    pieces: list[bytes] = []
    size = crc = 0

    def span(text: str | memoryview) -> list[int]:
        nonlocal size, crc
        data = text.encode("utf-8") if isinstance(text, str) else text
        pieces.append(data)
        size += len(data)
        crc = zlib.crc32(data, crc)
        return [size - len(data), len(data)]

    releases = {}
    for doc, s in sorted(state.releases.items()):
        resolve = list(s.resolve)
        resolve[2] = span(resolve[2])
        releases[doc] = {"resolve": resolve, "lookups": s.lookups, "fingerprint": s.fingerprint,
                         "graphs": [{**vars(g), **{key: span(getattr(g, key)) for key in _TEXTS}} for g in s.graphs]}
    inferred, entities = span(state.inferred), span(state.entities)
    predicates = rule_predicates()
    head = {"format": STATE_FORMAT, "cache_version": cache_version(), "definitions": definitions_key(),
            "graph_sha256": graph_sha256, "blob": [size, crc],
            "rule_predicates": None if predicates is None else sorted(predicates),
            "solitary_predicates": sorted(solitary_predicates()),
            "inferred": inferred, "entities": entities, "words": state.words, "releases": releases}
    return [json.dumps(head, ensure_ascii=False).encode("utf-8"), b"\n", *pieces]


def write_state(folder: Path, encoded: list[bytes]) -> None:
    # Not fsynced: a state lost or damaged by a power cut fails the checks of
    # load_state and the next build takes the full path.
    write_atomic(Path(folder) / STATE_FILE, encoded, durable=False)
