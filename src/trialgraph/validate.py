"""SHACL validation, one release graph at a time.

Each release graph is self-contained, so validating it alone costs a constant
~10 ms whatever the corpus size (MEASUREMENTS.md), where whole-graph pySHACL
grows with the graph. The entity-resolution graph is validated once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import Dataset, Graph, URIRef

from .resources import shapes_path
from .vocab import ONTOLOGY_IRI


@dataclass
class Report:
    conforms: bool = True
    problems: list[str] = field(default_factory=list)  # one readable line per violation
    graphs_checked: int = 0


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def validate_graph(graph: Graph, name: str) -> list[str]:
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none", advanced=True)
    if conforms:
        return []
    return sorted(_lines(results, name))


def _lines(results: Graph, name: str) -> list[str]:
    from rdflib.namespace import SH

    out = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        where = f" on {_short(path)}" if path is not None else ""
        shown = f" (value {value})" if value is not None and not isinstance(value, URIRef) else ""
        out.append(f"{name}: {_short(focus)}{where}: {message}{shown}")
    return out


def _short(term) -> str:
    text = str(term)
    for prefix, full in (("tgid:", "https://w3id.org/trialgraph/id/"), ("tg:", "https://w3id.org/trialgraph/ontology#")):
        if text.startswith(full):
            return prefix + text[len(full):]
    return text


def validate_dataset(dataset: Dataset) -> Report:
    report = Report()
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if context.identifier == ONTOLOGY_IRI or len(context) == 0:
            continue
        graph = Graph()
        for triple in context:
            graph.add(triple)
        report.graphs_checked += 1
        report.problems.extend(validate_graph(graph, str(context.identifier).rsplit("/", 1)[-1]))
    report.conforms = not report.problems
    return report
